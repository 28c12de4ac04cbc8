import Foundation

/// The child-welfare examination (børnefaglig undersøgelse), BL § 20 (tidl. SEL § 50), handbook ch. 7.
public struct Examination: Codable, Sendable, Equatable {
    /// When the municipality became aware of the need: starts the 4-month deadline.
    public var awareDate: LocalDate
    /// When the examination was finished.
    public var completedDate: LocalDate?

    public init(awareDate: LocalDate, completedDate: LocalDate? = nil) {
        self.awareDate = awareDate
        self.completedDate = completedDate
    }
}
