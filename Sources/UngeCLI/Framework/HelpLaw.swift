import Foundation
import UngeCore

/// Citations in help texts come from the one legal-reference table, for the rule in force on the
/// day the help is shown: a help text never names a paragraph of its own.
enum HelpLaw {
    /// The day the help is read (help texts are static, so they read the clock here, once).
    static let day: LocalDate = DanishTime.date(of: Date())

    /// "retssikkerhedsloven § 11 e, stk. 2 (tidl. serviceloven § 49 a)".
    static func cite(_ rule: LegalRuleID, age: Int? = nil) -> String {
        LegalReferences.reference(rule).citation(on: day, age: age)
    }

    /// The paragraph in force alone ("barnets lov § 20"); `short` drops the law's name ("§ 19")
    /// where the sentence has already named it.
    static func paragraph(_ rule: LegalRuleID, age: Int? = nil, short: Bool = false) -> String {
        let p = LegalReferences.reference(rule).paragraph(on: day, age: age)
        guard short, let sign = p.range(of: "§") else { return p }
        return String(p[sign.lowerBound...])
    }
}

/// Files in the store that cannot be read, told briefly: the first few in full, then how many
/// more, so a folder full of junk gives a screenful, not one line per file. `--json` lists all.
enum ProblemReport {
    /// How many problems are told in full.
    static let shown = 10

    static func lines(_ problems: [String], label: String = "Fejl") -> [String] {
        var out = problems.prefix(shown).map { "\(label): \($0)" }
        if problems.count > shown {
            let more = problems.count - shown
            out.append(
                "\(label): … og \(Plural.number(more)) andre \(more == 1 ? "fil" : "filer") i lageret kan heller ikke læses (\(Plural.number(problems.count)) i alt). Med --json ses de alle; fjern eller flyt filer, der ikke hører til."
            )
        }
        return out
    }

    static func print(_ problems: [String], ctx: Context, label: String = "Fejl") {
        for line in lines(problems, label: label) { ctx.console.error(line) }
    }
}
