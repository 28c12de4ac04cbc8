import Foundation

/// The provider's treatment plan (behandlingsplan), built on the plan's goals (handbook ch. 7-8).
public struct TreatmentPlan: Codable, Sendable, Equatable {
    public var version: Int
    public var date: LocalDate
    public var provider: String

    public init(version: Int, date: LocalDate, provider: String) {
        self.version = version
        self.date = date
        self.provider = provider
    }
}
