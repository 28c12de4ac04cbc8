import Foundation

/// A dated note on the case (journalnotat), the caseworker's duty to record (notatpligt).
///
/// `time` is when it was written; `happened` the day it is about, when that was another day (a
/// phone call noted the day after). Both are kept.
public struct JournalEntry: Codable, Sendable, Equatable {
    public var time: Date
    public var author: String
    public var text: String
    /// The day the event happened, when the writer gave one (`unge notat --dato`).
    public var happened: LocalDate?
    /// Whether the caseworker wrote the note, or a registration wrote it.
    public var source: JournalSource
    /// What the registration changed, told in the active voice for the audit narrative
    /// ("tilføjede Jonas (kontaktperson) til netværkskortet"); nil for notes and older entries.
    public var change: String?

    public init(
        time: Date, author: String, text: String, happened: LocalDate? = nil, source: JournalSource = .note,
        change: String? = nil
    ) {
        self.time = time
        self.author = author
        self.text = text
        self.happened = happened
        self.source = source
        self.change = change
    }

    enum CodingKeys: String, CodingKey { case time, author, text, happened, source, change }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        time = try c.decode(Date.self, forKey: .time)
        author = try c.decode(String.self, forKey: .author)
        text = try c.decode(String.self, forKey: .text)
        happened = try c.decodeIfPresent(LocalDate.self, forKey: .happened)
        source = try c.decodeIfPresent(JournalSource.self, forKey: .source) ?? .note
        change = try c.decodeIfPresent(String.self, forKey: .change)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(time, forKey: .time)
        try c.encode(author, forKey: .author)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(happened, forKey: .happened)
        if source != .note { try c.encode(source, forKey: .source) }
        try c.encodeIfPresent(change, forKey: .change)
    }
}

/// Who wrote a journal entry: the caseworker (`notat`) or a registration.
public enum JournalSource: String, Codable, Sendable, Equatable {
    case note
    case registration
}
