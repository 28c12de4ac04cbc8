import Foundation

/// How sure we are of a row in the legal-reference table (LAW.md).
public enum Confidence: String, Codable, Sendable, Equatable {
    /// Statute text or ministry page seen.
    case high = "H"
    /// Reliable secondary source or inferred from cross-references.
    case medium = "M"
    /// Not verified: the old paragraph is shown with "tidl." and no new number is invented.
    case unverified = "U"
}

/// The ids of the rules the tool cites. Every finding, deadline and document cites one of these.
public enum LegalRuleID: String, Codable, Sendable, CaseIterable, Equatable {
    case anonymousCounselling
    case purpose
    case childInterview
    case supportPerson
    case ssdExchange
    case examination
    case examinationDeadline
    case measures
    case placement
    case followUp
    case youthSupportDecision
    case aftercare
    case drugTreatment
    case alcoholTreatment
    case planUnder18
    case barnetsPlan
    case ungeplan
    case transitionGoals
    case adultActionPlan
    case heightenedDuty
    case generalDuty
    case assessment24h
    case reassessment
    case receipt
    case partyRights
    case consentFrom15
}

/// One row of the legal-reference table: the handbook's paragraph (Serviceloven as of 2012) and
/// today's, with the date the change took effect.
public struct LegalReference: Sendable, Equatable {
    public let id: LegalRuleID
    /// What the rule requires, in our own Danish words.
    public let summary: String
    /// The paragraph the 2012 handbook cites, e.g. "serviceloven § 50".
    public let handbook: String
    /// Today's paragraph for under-18s (Barnets lov), or nil where the rule did not move.
    public let current: String?
    /// Today's paragraph for adults (18+), where it differs from `current`.
    public let currentAdult: String?
    /// The date the new paragraph took effect (Barnets lov: 2024-01-01).
    public let effective: LocalDate
    public let confidence: Confidence

    /// True when the adult paragraph applies: from `effective`, for a person of 18 or more, on a
    /// row that has one.
    private func usesAdultParagraph(on date: LocalDate, age: Int?) -> Bool {
        guard date >= effective, let age, age >= 18 else { return false }
        return currentAdult != nil
    }

    /// The paragraph that applies on `date` for a person of `age` (nil: unknown age, treated as a
    /// minor). Before `effective` the handbook's; after it the adult paragraph for 18+, else
    /// today's under-18 paragraph, or the handbook's where that is unverified or did not move.
    public func paragraph(on date: LocalDate, age: Int? = nil) -> String {
        guard date >= effective else { return handbook }
        if usesAdultParagraph(on: date, age: age), let adult = currentAdult { return adult }
        guard let current, confidence != .unverified else { return handbook }
        return current
    }

    /// The citation to show: today's paragraph with the handbook's in brackets where they differ,
    /// e.g. "barnets lov § 20 (tidl. serviceloven § 50)"; before the change, the handbook's alone.
    /// Where today's under-18 paragraph is unverified (confidence U), only "tidl. serviceloven
    /// § 49 a" is shown: the old number, marked as old, and no invented new one. The adult
    /// paragraph counts as verified (LAW.md: "H adults / U under 18").
    public func citation(on date: LocalDate, age: Int? = nil) -> String {
        guard date >= effective else { return handbook }
        let now = paragraph(on: date, age: age)
        if now != handbook { return "\(now) (tidl. \(handbook))" }
        if confidence == .unverified, !usesAdultParagraph(on: date, age: age) { return "tidl. \(handbook)" }
        return handbook
    }
}
