import Foundation

/// A citation the tool once printed wrong, and when the table was corrected: saved documents keep
/// what they said (they are records), so `check` points out the saved versions that carry it.
public struct LegalCorrection: Sendable, Equatable {
    /// The row the citation comes from.
    public let rule: LegalRuleID
    /// The text as it was printed wrong, exactly.
    public let wrong: String
    /// What it says since.
    public let right: String
    /// The day the table was corrected; versions saved before it may carry `wrong`.
    public let corrected: LocalDate
    /// Why, for the reader ("AUDIT D7: 'tidl.' names serviceloven as it stood on 31 December 2023").
    public let note: String

    public init(rule: LegalRuleID, wrong: String, right: String, corrected: LocalDate, note: String) {
        self.rule = rule
        self.wrong = wrong
        self.right = right
        self.corrected = corrected
        self.note = note
    }
}

/// The corrections of the legal-reference table, oldest first. A correction of a row is two lines:
/// the change in `LegalReferences` and a row here, so saved documents citing the old text are found.
public enum LegalCorrections {
    /// The statute pass of 7 December 2026 (AUDIT-2026-12, D7): "tidl." named the 2012 handbook's
    /// stk. numbers instead of serviceloven as consolidated in LBK 1089 of 16/08/2023.
    static let statutePass = LocalDate(year: 2026, month: 12, day: 7)!

    public static let all: [LegalCorrection] = [
        LegalCorrection(
            rule: .youthSupportDecision, wrong: "tidl. serviceloven § 68, stk. 12",
            right: "tidl. serviceloven § 68, stk. 11",
            corrected: statutePass, note: "serviceloven 2023 havde reglen i § 68, stk. 11 (AUDIT D7)"),
        LegalCorrection(
            rule: .examinationDeadline, wrong: "tidl. serviceloven § 50, stk. 6",
            right: "tidl. serviceloven § 50, stk. 7",
            corrected: statutePass, note: "serviceloven 2023 havde fristen i § 50, stk. 7 (AUDIT D7)"),
        LegalCorrection(
            rule: .treatmentStartMinor, wrong: "tidl. serviceloven § 101, stk. 2",
            right: "tidl. serviceloven § 101, stk. 4",
            corrected: statutePass, note: "serviceloven 2023 havde 14-dages-fristen i § 101, stk. 4 (AUDIT D7)"),
        LegalCorrection(
            rule: .transitionGoals, wrong: "tidl. serviceloven § 140, stk. 3",
            right: "tidl. serviceloven § 140, stk. 2",
            corrected: statutePass, note: "serviceloven 2023 havde overgangsmålene i § 140, stk. 2 (AUDIT D7)"),
        // Statute pass 3 (same day): the stk. of the 24-hour assessment, and § 117 with ungestøtte.
        LegalCorrection(
            rule: .assessment24h, wrong: "barnets lov § 136 (tidl. serviceloven § 155)",
            right: "barnets lov § 136, stk. 2 (tidl. serviceloven § 155, stk. 2)",
            corrected: statutePass, note: "vurderingen inden for 24 timer står i § 136, stk. 2"),
        LegalCorrection(
            rule: .aftercare, wrong: "barnets lov §§ 113-116 og 120 (tidl. serviceloven § 76)",
            right: "barnets lov §§ 113-117 og 120 (tidl. serviceloven § 76)",
            corrected: statutePass, note: "reglerne om ungestøtte går til og med § 117"),
    ]

    /// One saved version that carries a citation corrected after it was saved.
    public struct Hit: Sendable, Equatable {
        /// "plan version 1 (gemt 1. september 2026)", "brev B2 (1. september 2026)".
        public let what: String
        public let correction: LegalCorrection

        /// The line `check` shows.
        public var text: String {
            "\(what): \"\(correction.wrong)\" er siden rettet til \"\(correction.right)\" (\(correction.corrected.danishLong)); \(correction.note). Den gemte version ændres ikke; gem en ny version, hvis dokumentet skal bruges igen."
        }
    }

    /// The saved versions of `file` (document records and letters) that carry a citation corrected
    /// after they were saved.
    public static func hits(in file: CaseFile, corrections: [LegalCorrection] = all) -> [Hit] {
        var out: [Hit] = []
        for r in file.documentRecords {
            let saved = DanishTime.date(of: r.recorded)
            let text = r.text
            for c in corrections where saved < c.corrected && text.contains(c.wrong) {
                out.append(Hit(what: "\(r.kind.label(r.ref)) (gemt \(saved.danishLong))", correction: c))
            }
        }
        for l in file.letters {
            let saved = DanishTime.date(of: l.recorded)
            let text = MarkdownRenderer.render(LetterDocument.build(l, caseID: file.id))
            for c in corrections where saved < c.corrected && text.contains(c.wrong) {
                out.append(Hit(what: "brev \(l.id) (gemt \(saved.danishLong))", correction: c))
            }
        }
        return out
    }
}
