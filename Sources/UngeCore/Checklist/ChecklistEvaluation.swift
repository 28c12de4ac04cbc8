import Foundation

/// Where an item's answer comes from.
public enum AnswerSource: String, Sendable, Equatable, Codable {
    /// An evidence rule answered it from the case.
    case caseData
    /// The caseworker answered it (the latest saved answer).
    case caseworker
    /// Nobody has answered it yet.
    case unanswered

    /// The Danish word shown beside an answer.
    public var danish: String {
        switch self {
        case .caseData: return "fra sagen"
        case .caseworker: return "dit svar"
        case .unanswered: return "ubesvaret"
        }
    }
}

/// One item answered for a case (besvaret tjeklistepunkt).
///
/// An answer from the case wins over a saved one: the data is what an inspector would read. Items the
/// case cannot answer take the caseworker's latest saved answer, if any.
public struct ItemResult: Sendable, Equatable {
    public var item: ChecklistItem
    public var answer: ChecklistAnswerValue?
    public var source: AnswerSource
    /// What the evidence rule found (also when it could not answer), or nil for items without a rule.
    public var evidence: String?
    /// The caseworker's latest saved answer for the item, shown even when the case answers.
    public var saved: ChecklistAnswer?

    /// True when the item is answered yes.
    public var isYes: Bool { answer == .yes }

    /// True when the caseworker should be asked (the case cannot answer it).
    public var needsAsking: Bool { source != .caseData }
}

/// One chapter answered for a case.
public struct ChapterResult: Sendable, Equatable {
    public var chapter: Chapter
    public var items: [ItemResult]

    public var yesCount: Int { items.filter { $0.answer == .yes }.count }
    public var partlyCount: Int { items.filter { $0.answer == .partly }.count }
    public var noCount: Int { items.filter { $0.answer == .no }.count }
    public var unansweredCount: Int { items.filter { $0.answer == nil }.count }
    /// Items not answered yes.
    public var openCount: Int { items.count - yesCount }
}

/// The checklists answered for one case on one date (tjekliste for sagen).
public struct ChecklistReport: Sendable, Equatable {
    public var caseID: CaseID?
    public var date: LocalDate
    public var chapters: [ChapterResult]

    public var items: [ItemResult] { chapters.flatMap(\.items) }
    /// Items not answered yes (no, partly or unanswered).
    public var openCount: Int { chapters.map(\.openCount).reduce(0, +) }
    /// True when every item is yes: the only state that exits 0.
    public var allYes: Bool { openCount == 0 }
}

/// Answers the checklists from the evidence and the saved answers.
public enum ChecklistEvaluator {
    /// Answers `chapters` (default: all five) for a case.
    public static func evaluate(
        _ evidence: CaseEvidence, answers: [ChecklistAnswer], chapters: [Chapter] = Checklist.chapters,
        caseID: CaseID? = nil
    ) -> ChecklistReport {
        let results = chapters.map { chapter in
            ChapterResult(
                chapter: chapter,
                items: chapter.items.map { evaluate($0, evidence: evidence, answers: answers) })
        }
        return ChecklistReport(caseID: caseID, date: evidence.today, chapters: results)
    }

    /// Answers one item.
    public static func evaluate(_ item: ChecklistItem, evidence: CaseEvidence, answers: [ChecklistAnswer]) -> ItemResult
    {
        let saved = answers.latest(for: item.id)
        let found = item.evidenceRule.map { $0.rule.evaluate(evidence) }
        if let found, let answer = found.answer {
            return ItemResult(item: item, answer: answer, source: .caseData, evidence: found.evidence, saved: saved)
        }
        if let saved {
            return ItemResult(
                item: item, answer: saved.answer, source: .caseworker, evidence: found?.evidence, saved: saved)
        }
        return ItemResult(item: item, answer: nil, source: .unanswered, evidence: found?.evidence, saved: nil)
    }

    /// Answers a whole case on `today`, with the default plan validation.
    public static func evaluate(case file: CaseFile, today: LocalDate, chapters: [Chapter] = Checklist.chapters)
        -> ChecklistReport
    {
        evaluate(
            CaseEvidence(from: file, today: today), answers: file.checklistAnswers, chapters: chapters, caseID: file.id)
    }
}

/// How many checklist items of a case are not answered yes on `today` (for `unge liste`).
public func openChecklistItems(case file: CaseFile, today: LocalDate) -> Int {
    ChecklistEvaluator.evaluate(case: file, today: today).openCount
}
