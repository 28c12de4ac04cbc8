import Foundation
import Testing

@testable import UngeCore

/// Legal periods and ages live in UngeCore (`LegalAge`, `LegalPeriod`, the rules); the commands ask
/// Core and never write the numbers themselves. This test reads the CLI sources as text.
@Suite("Reglerne bor ét sted: kommandoerne nævner ingen frist eller aldersgrænse")
struct RulesInOneHomeTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Code (outside string literals) that computes a period or compares an age with a number.
    static let codePatterns = [
        #"adding\((months|days|years):\s*-?\d"#,
        #"\bage\w*\s*(>=|<=|>|<|==)\s*\d"#,
        #"\d\s*(>=|<=|>|<)\s*age\b"#,
        #"dateTurning\(\d"#,
        #"\d+\s*\*\s*3600"#,
        #"addingWorkingDays\(\d"#,
    ]
    /// Danish text that names a period or an age as a literal number.
    static let textPatterns = [
        #"\b\d+\s+(måneder|måned|dage|hverdage|timer)\b"#,
        #"\bfyldt \d+"#,
        #"\bfra \d+ år"#,
        #"\b\d+-årsdag"#,
        #"\b\d+ år\b"#,
        #"\d+½"#,
    ]
    /// Reviewed exceptions: text that is not a legal rule. Each names the file and the fragment.
    static let allowed: [(file: String, fragment: String, why: String)] = [
        ("IndsatsCommand.swift", "fx \\\"6 måneder\\\"", "an example of the user's own --varighed text"),
        ("IndsatsCommand.swift", "--varighed \\\"6 måneder\\\"", "an example of the user's own --varighed text"),
        ("IndsatsCommand.swift", "fx 6 måneder", "an example of the user's own duration text"),
        ("PlanDialogue.swift", "fx 6 måneder", "an example of the user's own duration text"),
        ("EksportCommand.swift", "den unge (15 år)", "what the anonymiser writes, not a rule"),
        ("EksportCommand.swift", "for 3 måneder siden", "what the anonymiser writes, not a rule"),
        ("ListeCommand.swift", "unge på 15-17 år", "an example of the user's own --alder filter"),
        ("Manual.swift", "12\\\\-25 år", "the tool's target group, not a rule"),
        (
            "SletCommand.swift", #"lukket=\"5 år\" --opbevaring anonym=\"1 år\" --opbevaring underretning=\"2 år\""#,
            "an example of the municipality's own retention periods (unge ships none)"
        ),
        ("SletCommand.swift", #"lukket=\"5 år\""#, "an example of the municipality's own retention period"),
        (
            "SletCommand.swift", #"\"5 år\", \"18 måneder\" eller \"2 år 6 måneder\""#,
            "examples of how a retention period is written"
        ),
    ]

    static func sources() throws -> [(name: String, lines: [String])] {
        let dir = repoRoot.appendingPathComponent("Sources/UngeCLI")
        let files = try #require(FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil))
        var out: [(String, [String])] = []
        for case let url as URL in files where url.pathExtension == "swift" {
            // Generated demo cases are fictional case data, not rules.
            if url.path.contains("/Generated/") { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            out.append((url.lastPathComponent, text.components(separatedBy: "\n")))
        }
        return out
    }

    static func matches(_ pattern: String, _ text: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }

    /// The line without its string literals (interpolations go with them) and without a trailing comment.
    static func code(_ line: String) -> String {
        var s = line.replacingOccurrences(of: #""([^"\\]|\\.)*""#, with: "\"\"", options: .regularExpression)
        if let r = s.range(of: "//") { s = String(s[..<r.lowerBound]) }
        return s
    }

    @Test("ingen kommando regner selv en frist ud eller sammenligner en alder med et tal")
    func noPeriodsOrAgesInCode() throws {
        var hits: [String] = []
        for (name, lines) in try Self.sources() {
            for (i, line) in lines.enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("//") { continue }
                let c = Self.code(line)
                for p in Self.codePatterns where Self.matches(p, c) { hits.append("\(name):\(i + 1): \(trimmed)") }
            }
        }
        #expect(hits.isEmpty, "Spørg UngeCore (LegalAge, LegalPeriod, reglerne):\n\(hits.joined(separator: "\n"))")
    }

    @Test("ingen hjælpetekst eller besked skriver en lovbestemt frist eller alder som tal")
    func noPeriodsOrAgesInText() throws {
        var hits: [String] = []
        for (name, lines) in try Self.sources() {
            for (i, line) in lines.enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("//") { continue }
                var rest = line
                for a in Self.allowed where a.file == name {
                    rest = rest.replacingOccurrences(of: a.fragment, with: "")
                }
                for p in Self.textPatterns where Self.matches(p, rest) { hits.append("\(name):\(i + 1): \(trimmed)") }
            }
        }
        #expect(hits.isEmpty, "Brug LegalAge / LegalPeriod i teksten:\n\(hits.joined(separator: "\n"))")
    }

    @Test("testen fanger en genindført kopi")
    func scannerCatchesCopies() throws {
        let files = try Self.sources().map(\.name)
        #expect(files.contains("UndersoegCommand.swift") && files.contains("PlanDialogue.swift"))
        #expect(Self.codePatterns.contains { Self.matches($0, Self.code("let due = aware.adding(months: 4)")) })
        #expect(Self.codePatterns.contains { Self.matches($0, Self.code("if age >= 15 {")) })
        #expect(Self.textPatterns.contains { Self.matches($0, "fristen på 4 måneder") })
        #expect(!Self.codePatterns.contains { Self.matches($0, Self.code("p.say(\"age >= 15\")")) })
    }

    @Test("kernen giver undersøgelsens frist, samtykker og overgangsmål")
    func coreOwnsTheRules() throws {
        let aware = try #require(LocalDate.parse("2026-04-20"))
        #expect(LegalPeriod.examinationDue(aware: aware) == LocalDate.parse("2026-08-20"))
        #expect(Examination(awareDate: aware).completionDue == LocalDate.parse("2026-08-20"))
        #expect(LegalPeriod.firstFollowUpDue(start: aware) == LocalDate.parse("2026-07-20"))
        #expect(LegalAge.needsTransitionGoals(age: 15) == false)
        #expect(LegalAge.needsTransitionGoals(age: 16))
        #expect(LegalAge.needsTransitionGoals(age: 17))
        #expect(LegalAge.needsTransitionGoals(age: 18) == false)
        #expect(LegalAge.cooperatesOnExamination(age: 14) == false)
        #expect(LegalAge.cooperatesOnExamination(age: 15))
        #expect(LegalAge.cooperatesOnExamination(age: 18) == false)
        #expect(DecisionLaw.requiredConsents(.contactPerson, age: 16) == [.custodyHolder])
        #expect(DecisionLaw.requiredConsents(.treatmentOutpatient, age: 14) == [.custodyHolder])
        #expect(DecisionLaw.requiredConsents(.treatmentOutpatient, age: 15) == [.custodyHolder, .youngPerson])
        #expect(DecisionLaw.requiredConsents(.placementWithConsent, age: 15) == [.custodyHolder, .youngPerson])
        #expect(DecisionLaw.requiredConsents(.youthSupportOther, age: 19) == [.youngPerson])
        #expect(DecisionLaw.requiredConsents(.adultTreatmentOutpatient, age: 19).isEmpty)
        #expect(Age.thresholdList == "10, 15, 16, 17½, 18 og 23 år")
    }
}
