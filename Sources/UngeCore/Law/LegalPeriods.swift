import Foundation

/// The ages the statutes name, in one place: the CLI and the rules ask these instead of writing
/// the numbers themselves (a test fails if a command names one).
public enum LegalAge {
    /// BL § 3: party powers from 10 (tidl. SEL § 167: the right to appeal from 12).
    public static let partyRights = 10
    /// SEL 2023 § 167 stk. 1: the right to appeal from 12 (before 2024).
    public static let appealBefore2024 = 12
    /// BL § 22 stk. 2, § 33 stk. 2, § 46 stk. 1, § 47 stk. 4: cooperation and own consent from 15.
    public static let ownConsent = 15
    /// BL § 108 stk. 1-2, § 109 stk. 1: the ungeplan and its transition goals from 16.
    public static let ungeplan = 16
    /// Majority: the under-18 rules of barnets lov end.
    public static let adult = 18
    /// BL §§ 116-117: ungestøtte ends at 23.
    public static let youthSupportEnds = 23

    /// Under 18 on the date asked (an unknown age counts as a minor, as the rules always have).
    public static func isMinor(_ age: Int?) -> Bool { (age ?? 0) < adult }

    /// BL § 22 stk. 2 (tidl. SEL § 50 stk. 1): the examination is made in cooperation with the young
    /// person from 15; from 18 there is no child-welfare examination.
    public static func cooperatesOnExamination(age: Int?) -> Bool {
        guard let age else { return false }
        return age >= ownConsent && age < adult
    }

    /// BL § 109 stk. 1 (tidl. SEL § 140 stk. 3 in 2012, stk. 2 in 2023): a plan for a young person
    /// of 16 or 17 has goals for the transition to adult life.
    public static func needsTransitionGoals(age: Int?) -> Bool {
        guard let age else { return false }
        return age >= ungeplan && age < adult
    }
}

/// The periods the statutes name, in one place.
public enum LegalPeriod {
    /// BL § 20 stk. 3 (tidl. SEL § 50 stk. 7): the examination is finished within 4 months.
    public static let examinationMonths = 4
    /// BL § 95 stk. 2 nr. 2 (tidl. SEL § 70 stk. 1): the first follow-up within 3 months.
    public static let firstFollowUpMonths = 3
    /// BL § 91 stk. 2, § 108 stk. 3: the plan within 3 months.
    public static let planMonths = 3
    /// BL § 33 stk. 1, SEL § 101 stk. 4, SUL § 141 stk. 2: treatment within 14 days.
    public static let treatmentDays = 14
    /// BL § 136 stk. 2: every notification assessed within 24 (clock) hours.
    public static let assessmentHours = 24
    /// BL § 138 stk. 1: a receipt to the notifier within 6 hverdage.
    public static let receiptWorkingDays = 6

    /// The day a børnefaglig undersøgelse must be finished: 4 months after the municipality became
    /// aware of the need (BL § 20 stk. 3).
    public static func examinationDue(aware: LocalDate) -> LocalDate { aware.adding(months: examinationMonths) }

    /// The latest first follow-up: 3 months after the support started (BL § 95 stk. 2 nr. 2).
    public static func firstFollowUpDue(start: LocalDate) -> LocalDate { start.adding(months: firstFollowUpMonths) }
}

extension Examination {
    /// The day this examination must be finished (`LegalPeriod.examinationDue`); nil for an
    /// afdækning, which has no time limit (BL § 19; AUDIT row 7).
    public var completionDue: LocalDate? {
        kind == .examination ? LegalPeriod.examinationDue(aware: awareDate) : nil
    }
}
