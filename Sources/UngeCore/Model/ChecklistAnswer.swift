import Foundation

/// A caseworker's answer to one checklist item (tjeklistepunkt), handbook ch. 3-7.
public struct ChecklistAnswer: Codable, Sendable, Equatable {
    /// The item id, e.g. `7.4`.
    public var itemID: String
    /// `ja`, `nej` or `delvis`.
    public var answer: String
    public var note: String?
    public var date: LocalDate
    public var user: String

    public init(itemID: String, answer: String, note: String? = nil, date: LocalDate, user: String) {
        self.itemID = itemID
        self.answer = answer
        self.note = note
        self.date = date
        self.user = user
    }
}
