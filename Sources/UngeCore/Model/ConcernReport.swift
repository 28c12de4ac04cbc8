import Foundation

/// A notification of concern to the municipality (underretning), handbook ch. 3; BL §§ 133-138
/// (tidl. SEL §§ 153-155 b).
public struct ConcernReport: Codable, Sendable, Equatable {
    /// 1, 2, ... within the case.
    public var number: Int
    /// When the municipality received it; the 24-hour and 6-working-day deadlines run from here.
    public var received: Date

    public init(number: Int, received: Date) {
        self.number = number
        self.received = received
    }
}
