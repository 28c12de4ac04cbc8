import Foundation

/// A dated note on the case (journalnotat), the caseworker's duty to record (notatpligt).
public struct JournalEntry: Codable, Sendable, Equatable {
    public var time: Date
    public var author: String
    public var text: String

    public init(time: Date, author: String, text: String) {
        self.time = time
        self.author = author
        self.text = text
    }
}
