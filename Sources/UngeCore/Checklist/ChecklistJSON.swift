import Foundation

/// The machine-readable form of `unge check --json`, versioned with `formatVersion`.
///
/// Keys are English, answers the stored Danish words (`ja`, `delvis`, `nej`) or `null` when
/// unanswered, dates ISO 8601.
public struct ChecklistJSON: Encodable, Sendable, Equatable {
    public static let formatVersion = 1

    /// The caseworker's latest saved answer to an item.
    public struct Saved: Encodable, Sendable, Equatable {
        public var answer: String
        public var note: String?
        public var date: String
        public var user: String
    }

    /// One item; the answer fields appear only in a case report (as `null` when unanswered).
    public struct Item: Encodable, Sendable, Equatable {
        public var id: String
        public var label: String
        public var question: String
        public var explanation: String
        public var readMore: String
        public var evidenceRule: String?
        /// Only in a case report.
        public var answer: String?
        public var source: String?
        public var evidence: String?
        public var saved: Saved?
        var isReport: Bool

        enum CodingKeys: String, CodingKey {
            case id, label, question, explanation, readMore, evidenceRule, answer, source, evidence, saved
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(label, forKey: .label)
            try c.encode(question, forKey: .question)
            try c.encode(explanation, forKey: .explanation)
            try c.encode(readMore, forKey: .readMore)
            try c.encode(evidenceRule, forKey: .evidenceRule)
            if isReport {
                try c.encode(answer, forKey: .answer)
                try c.encode(source, forKey: .source)
                try c.encode(evidence, forKey: .evidence)
                try c.encode(saved, forKey: .saved)
            }
        }
    }

    /// How a chapter's items are answered.
    public struct Counts: Encodable, Sendable, Equatable {
        public var yes: Int
        public var partly: Int
        public var no: Int
        public var unanswered: Int
    }

    /// One chapter with its items (and counts in a case report).
    public struct ChapterEntry: Encodable, Sendable, Equatable {
        public var number: Int
        public var title: String
        public var itemCount: Int
        public var counts: Counts?
        public var items: [Item]
    }

    public var formatVersion: Int
    public var caseID: String?
    public var date: String?
    public var allYes: Bool?
    public var openItems: Int?
    public var chapters: [ChapterEntry]

    enum CodingKeys: String, CodingKey {
        case formatVersion
        case caseID = "case"
        case date, allYes, openItems, chapters
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(formatVersion, forKey: .formatVersion)
        try c.encodeIfPresent(caseID, forKey: .caseID)
        try c.encodeIfPresent(date, forKey: .date)
        try c.encodeIfPresent(allYes, forKey: .allYes)
        try c.encodeIfPresent(openItems, forKey: .openItems)
        try c.encode(chapters, forKey: .chapters)
    }

    static func item(_ i: ChecklistItem) -> Item {
        Item(
            id: i.id, label: i.label, question: i.question, explanation: i.explanation, readMore: i.readMore,
            evidenceRule: i.evidenceRule?.rawValue, isReport: false)
    }

    /// The checklists themselves, without a case (`unge check [kapitel] --json`).
    public init(chapters: [Chapter]) {
        formatVersion = ChecklistJSON.formatVersion
        self.chapters = chapters.map {
            ChapterEntry(
                number: $0.number, title: $0.title, itemCount: $0.items.count, counts: nil,
                items: $0.items.map(ChecklistJSON.item))
        }
    }

    /// A case's answered checklists (`unge check [kapitel] --sag ID --json`).
    public init(report: ChecklistReport) {
        formatVersion = ChecklistJSON.formatVersion
        caseID = report.caseID?.rawValue
        date = report.date.iso
        allYes = report.allYes
        openItems = report.openCount
        chapters = report.chapters.map { ch in
            ChapterEntry(
                number: ch.chapter.number, title: ch.chapter.title, itemCount: ch.items.count,
                counts: Counts(
                    yes: ch.yesCount, partly: ch.partlyCount, no: ch.noCount, unanswered: ch.unansweredCount),
                items: ch.items.map { r in
                    var item = ChecklistJSON.item(r.item)
                    item.isReport = true
                    item.answer = r.answer?.danish
                    item.source = r.source.rawValue
                    item.evidence = r.evidence
                    item.saved = r.saved.map {
                        Saved(answer: $0.answer.danish, note: $0.note, date: $0.date.iso, user: $0.user)
                    }
                    return item
                })
        }
    }

    /// Pretty, sorted, byte-stable JSON text with a final newline.
    public func rendered() throws -> String {
        String(decoding: try UngeJSON.encoder().encode(self), as: UTF8.self) + "\n"
    }
}
