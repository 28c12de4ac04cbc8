import Foundation

/// What a deadline is for; each kind has its rule and legal basis.
public enum DeadlineKind: String, Codable, Sendable, Equatable, CaseIterable {
    /// The municipality assesses a notification within 24 hours (BL § 136, tidl. SEL § 155).
    case assessment
    /// Receipt to every notifier within 6 working days (BL § 138 stk. 1, tidl. SEL § 155 b stk. 1).
    case receipt
    /// The § 50 examination finished within 4 months (BL § 20 stk. 3, tidl. SEL § 50 stk. 7).
    case examination
    /// Barnets plan / ungeplan within 3 months of a decision or the 16th birthday (BL §§ 91, 108).
    case plan
    /// First follow-up at the latest 3 months after support started (BL § 95, tidl. SEL § 70).
    case followUp
    /// Youth-support decision 6 months before 18 for a placed young person (BL § 111).
    case youthSupportDecision
    /// Treatment started within 14 days of the request (BL § 33, SEL § 101 stk. 4, sundhedsloven § 141 stk. 2).
    case treatmentStart
    /// Anything else the caseworker records.
    case other
    /// Task: tell a § 133 notifier whether an examination, afdækning or support was started
    /// (BL § 138 stk. 2). Open until marked done.
    case notifierFeedback
    /// Reminder 6 months before 18 for running under-18 support: decide what happens at 18
    /// (BL §§ 113-114: ungestøtte, e.g. the contact person continuing; or adult support). Not a
    /// statutory deadline: shown as a "påmindelse", never a "frist" (AUDIT N32).
    case transitionAt18

    /// True for a reminder the law does not set a period for (shown as "påmindelse").
    public var isReminder: Bool { self == .transitionAt18 }
}

/// How a deadline is counted, so that time left can be shown in the right unit.
public enum DeadlineCounting: String, Codable, Sendable, Equatable {
    case hours
    case workingDays
    case calendarDays
    case months
    /// A task with no legal period: shown until marked done, never overdue.
    case task
}

/// A computed due date with its legal basis (frist).
public struct Deadline: Codable, Sendable, Equatable {
    /// Unique within the case, e.g. `underretning-1-vurdering`.
    public var id: String
    public var kind: DeadlineKind
    /// What is due, in Danish ("Vurdering af underretning").
    public var title: String
    public var counting: DeadlineCounting
    /// The day the deadline falls on.
    public var dueDate: LocalDate
    /// The instant it falls at, for deadlines counted in clock hours.
    public var dueTime: Date?
    /// Id of a row in `LegalReferences`.
    public var legalReferenceID: String
    /// The date the rule applies to (decides SEL or BL).
    public var ruleDate: LocalDate
    /// When it was marked met, and by whom.
    public var metAt: Date?
    public var metBy: String?
    /// Why the deadline no longer applies, when it lapsed unmet (a decision ended before it fell, a
    /// lawful non-start of treatment); see `status(now:timeZone:closedDate:)`.
    public var lapseReason: String?

    public init(
        id: String, kind: DeadlineKind, title: String, counting: DeadlineCounting, dueDate: LocalDate,
        dueTime: Date? = nil, legalReferenceID: String, ruleDate: LocalDate, metAt: Date? = nil,
        metBy: String? = nil, lapseReason: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.counting = counting
        self.dueDate = dueDate
        self.dueTime = dueTime
        self.legalReferenceID = legalReferenceID
        self.ruleDate = ruleDate
        self.metAt = metAt
        self.metBy = metBy
        self.lapseReason = lapseReason
    }

    public var isMet: Bool { metAt != nil }

    /// The row of the legal-reference table the deadline rests on (typed view of `legalReferenceID`).
    public var legalRule: LegalRuleID? { LegalRuleID(rawValue: legalReferenceID) }

    /// A deadline citing a row of the legal-reference table.
    public init(
        id: String, kind: DeadlineKind, title: String, counting: DeadlineCounting, dueDate: LocalDate,
        dueTime: Date? = nil, rule: LegalRuleID, ruleDate: LocalDate, metAt: Date? = nil, metBy: String? = nil,
        lapseReason: String? = nil
    ) {
        self.init(
            id: id, kind: kind, title: title, counting: counting, dueDate: dueDate, dueTime: dueTime,
            legalReferenceID: rule.rawValue, ruleDate: ruleDate, metAt: metAt, metBy: metBy, lapseReason: lapseReason)
    }

    /// The citation as it applied on the rule date, for a person of `age` then.
    public func citation(age: Int?) -> String {
        legalRule.map { LegalReferences.reference($0).citation(on: ruleDate, age: age) } ?? legalReferenceID
    }

    /// Grundlovsdag, juleaftensdag and nytårsaftensdag are working days in law, but many
    /// municipalities close: a due date on one of them gets a warning (LAW.md, "Working days").
    /// Not for a deadline in clock hours: "a working day before" makes no sense there (AUDIT row 33).
    public var fallsOnOftenClosedDay: Bool {
        counting != .task && counting != .hours && DanishCalendar.isOftenClosed(dueDate)
    }
}
