import Foundation
import UngeCore

/// `unge alder <CPR eller dato>`: age on a date and the age thresholds that matter.
struct AlderCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "alder",
        summary: "Vis alder og de aldersgrænser, der betyder noget",
        arguments: ["CPR eller ÅÅÅÅ-MM-DD"],
        discussion:
            "Regner alderen ud på en dato (standard: i dag) og viser grænserne ved \(Age.thresholdList):\nhvornår de nås, hvad der ændrer sig, og hvilken paragraf der gælder på den dato.\nEt CPR-nummer vises altid maskeret (DDMMÅÅ-xxxx).",
        options: [.date, .json],
        examples: [
            ("unge alder 2010-05-17", "Alder og grænser i dag for en ung født 17. maj 2010"),
            ("unge alder 2010-05-17 --dato 2026-06-01", "Alder og grænser på en bestemt dato"),
            ("unge alder 670312-4321 --json", "Fødselsdatoen læses ud af CPR-nummeret; output som JSON"),
        ],
        positionals: 1...1, positionalNames: ["et CPR-nummer eller en fødselsdato"])

    let born: LocalDate
    let cprMasked: String?
    let date: LocalDate?
    let json: Bool

    init(_ args: ParsedArguments) throws {
        let text = args.positional(0)!
        if let d = LocalDate.parse(text) ?? AlderCommand.shortDate(text) {
            born = d
            cprMasked = nil
        } else if CPRNumber.isCaseNumberShape(text) {
            throw UsageError.invalidValue(
                option: "alder", value: text,
                expected:
                    "Det ligner et sagsnummer. Den unges alder står i 'unge vis \(text)'; her skrives et CPR-nummer (DDMMÅÅ-XXXX) eller en fødselsdato, fx 'unge alder 2010-05-17'."
            )
        } else if let cpr = try? CPRNumber.parse(text) {
            born = cpr.birthDate
            cprMasked = cpr.masked
        } else {
            throw UsageError.invalidValue(
                option: "alder", value: CPRNumber.maskedGuess(text),
                expected:
                    "Skriv et CPR-nummer (DDMMÅÅ-XXXX) eller en fødselsdato (ÅÅÅÅ-MM-DD), fx 'unge alder 2010-05-17'.")
        }
        date = try args.value("--dato").map { try Values.date($0, option: "--dato") }
        json = args.has("--json")
    }

    /// "14.3.2009": a date with a one-digit day or month, as people write it.
    static func shortDate(_ text: String) -> LocalDate? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard CPRNumber.isShortDateShape(t) else { return nil }
        let p = t.split(whereSeparator: { $0 == "." || $0 == "-" }).compactMap { Int($0) }
        guard p.count == 3, let d = LocalDate(year: p[2], month: p[1], day: p[0]) else { return nil }
        return LocalDate.supportedYears.contains(d.year) ? d : nil
    }

    struct Output: Encodable {
        let birthDate: LocalDate
        let cpr: String?
        let date: LocalDate
        let age: Int
        let thresholds: [AgeThreshold]
        /// Born on 29 February: which day counts in a common year is not in the statutes (AUDIT row 36).
        let note: String?
    }

    func run(_ ctx: Context) throws -> Int32 {
        let on = date ?? ctx.today
        guard on >= born else {
            throw UsageError.conflict(
                "Datoen \(on.danishShort) ligger før fødselsdatoen \(born.danishShort). Vælg en senere dato med --dato."
            )
        }
        let age = Age.years(born: born, on: on)
        let thresholds = Age.thresholds(born: born, on: on)
        if json {
            ctx.console.print(
                try JSONOutput.render(
                    Output(
                        birthDate: born, cpr: cprMasked, date: on, age: age, thresholds: thresholds,
                        note: Age.leapDayNote(born: born))))
            return ExitCode.ok
        }
        let c = ctx.console
        c.print("Født: \(born.danishLong)" + (cprMasked.map { " (CPR \($0))" } ?? ""))
        c.print("Alder \(on.danishLong): " + c.bold("\(age) år"))
        if let note = Age.leapDayNote(born: born) { c.print(c.dim(note)) }
        c.print("")
        for t in thresholds {
            let status = t.passed ? "nået" : "om \(on.days(until: t.date)) dage"
            c.print(c.bold("\(t.ageLabel)") + " – \(t.date.danishShort) (\(status))")
            c.print("  \(t.whatChanges)")
            c.print("  " + c.dim("Lovgrundlag: \(t.paragraph)"))
        }
        return ExitCode.ok
    }
}
