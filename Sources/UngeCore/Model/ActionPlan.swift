import Foundation

/// One saved version of the plan the law requires (handleplan / barnets plan / ungeplan).
public struct ActionPlan: Codable, Sendable, Equatable {
    public var version: Int
    public var date: LocalDate
    public var author: String

    public init(version: Int, date: LocalDate, author: String) {
        self.version = version
        self.date = date
        self.author = author
    }
}
