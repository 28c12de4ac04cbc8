import Foundation

/// How serious a finding is.
public enum Severity: String, Codable, Sendable, Equatable, Comparable {
    /// The rule is broken: the command fails (exit 1) unless a draft is asked for.
    case error
    /// Worth a second look; does not block.
    case warning

    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }

    /// The Danish label shown to the user.
    public var danish: String { self == .error ? "FEJL" : "ADVARSEL" }
}

/// The result of a rule: what is wrong, how serious, and which paragraph requires it.
///
/// Rules return findings and never print; the CLI decides how to show them and which exit code
/// follows.
public struct Finding: Codable, Sendable, Equatable {
    /// A stable id, e.g. `plan.transitionGoals`.
    public var ruleID: String
    public var severity: Severity
    /// A Danish message that says what is wrong and how to put it right.
    public var message: String
    /// The legal basis from `LegalReferences`, if the rule has one.
    public var legalReference: LegalRuleID?
    /// The citation chosen by the date the rule applied to ("barnets lov § 108 (tidl. serviceloven § 140)").
    public var citation: String?

    public init(
        ruleID: String, severity: Severity, message: String, legalReference: LegalRuleID? = nil,
        citation: String? = nil
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.legalReference = legalReference
        self.citation = citation
    }

    /// A finding citing `legal` as it applies on `date` for a person of `age`.
    public static func make(
        _ ruleID: String, _ severity: Severity, _ message: String, legal: LegalRuleID, on date: LocalDate,
        age: Int? = nil
    ) -> Finding {
        Finding(
            ruleID: ruleID, severity: severity, message: message, legalReference: legal,
            citation: LegalReferences.reference(legal).citation(on: date, age: age))
    }
}

extension Array where Element == Finding {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
