import Foundation

/// Where a deadline stands at a moment, as statistics count it (LAW.md, "Working days": met late is
/// late, and a planned date never meets a deadline).
public enum DeadlineOutcome: String, Codable, Sendable, Equatable, CaseIterable {
    /// Met on or before the due date (or due time).
    case metOnTime
    /// Met, but after the due date: reported with the overdue ones.
    case metLate
    /// Not met, and not yet due.
    case open
    /// Not met, and past due.
    case overdue
    /// Not met when the case was closed.
    case lapsed
}

/// The facts statistics read from a deadline record and a decision. The one implementation today,
/// `RecordedDeadlineStates`, only compares the due and met moments stored on each `Deadline` (Core
/// wrote them at save) through the one state function, `Deadline.status`; it computes no deadline itself.
public protocol DeadlineStateSource: Sendable {
    /// The deadline's state on `asOf`, on a case closed on `closed` (nil when open).
    func outcome(of deadline: Deadline, closed: LocalDate?, asOf: Date) -> DeadlineOutcome
    /// The day a decision's measure actually started (iværksat), never a planned date; nil if not yet.
    func actualStart(of decision: Decision, asOf: LocalDate) -> LocalDate?
    /// The day a deadline was met, if it was.
    func metDate(of deadline: Deadline) -> LocalDate?
}

/// Reads the stored due and met moments (see `DeadlineStateSource`).
public struct RecordedDeadlineStates: DeadlineStateSource {
    public init() {}

    /// The Danish calendar day of an instant: the same day `DanishTime.date(of:)` gives, from the
    /// zone's UTC offset at that instant (far cheaper than calendar components, for 10,000 cases).
    public static func day(_ instant: Date) -> LocalDate {
        let local = instant.timeIntervalSince1970 + Double(DanishTime.offset(at: instant))
        guard local.isFinite, abs(local) < 1e14 else { return DanishTime.date(of: instant) }
        return LocalDate(dayNumber: Int((local / 86400).rounded(.down)))
    }

    public func metDate(of deadline: Deadline) -> LocalDate? {
        deadline.metAt.map(Self.day)
    }

    public func outcome(of deadline: Deadline, closed: LocalDate?, asOf: Date) -> DeadlineOutcome {
        // The one rule in Core (`Deadline.status`, here its state alone); a case closed after `asOf`
        // was still open then. Statistics sorts an ended or not-started decision by its own facts
        // (`Decision.end`), so a decision's lapse reason is not applied here; a closed case is.
        let today = Self.day(asOf)
        let closedThen = closed.flatMap { $0 <= today ? $0 : nil }
        switch deadline.state(
            now: asOf, today: today, timeZone: DanishTime.timeZone, closedDate: closedThen, ignoringLapseReason: true)
        {
        case .met: return .metOnTime
        case .metLate: return .metLate
        case .lapsed: return .lapsed
        case .overdue: return .overdue
        case .open, .dueSoon: return .open
        }
    }

    public func actualStart(of decision: Decision, asOf: LocalDate) -> LocalDate? {
        guard let start = decision.actualStart, start <= asOf else { return nil }
        return start
    }
}
