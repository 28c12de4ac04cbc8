import Foundation

/// Where one deadline stands at a moment, decided by one function (`Deadline.status`), so that
/// `vis` (next steps), `frister` (the overview), the index and the statistics never decide it
/// separately (LAW.md, "Working days": a deadline is met only when what it asks for happened on or
/// before the due date, and for the 24-hour assessment the due time).
public struct DeadlineStatus: Sendable, Equatable {
    public var state: DeadlineState
    /// How late it was met (`metLate`): whole days for a date deadline, started hours for a clock
    /// deadline (`lateUnit`).
    public var late: Int?
    public var lateUnit: TimeLeftUnit?
    /// Why it no longer applies (`lapsed`).
    public var lapseReason: String?

    public init(state: DeadlineState, late: Int? = nil, lateUnit: TimeLeftUnit? = nil, lapseReason: String? = nil) {
        self.state = state
        self.late = late
        self.lateUnit = lateUnit
        self.lapseReason = lapseReason
    }

    /// Days late, for a date deadline met late.
    public var daysLate: Int? { lateUnit == .days ? late : nil }
    /// Hours late (started hours), for a clock deadline met late.
    public var hoursLate: Int? { lateUnit == .hours ? late : nil }

    /// "opfyldt for sent (84 dage)", "opfyldt for sent (2 timer)", "opfyldt", "bortfaldet: ...".
    public var danish: String {
        switch state {
        case .metLate:
            let n = late ?? 1
            let unit = lateUnit == .hours ? (n == 1 ? "1 time" : "\(n) timer") : (n == 1 ? "1 dag" : "\(n) dage")
            return "opfyldt for sent (\(unit))"
        case .lapsed: return "bortfaldet" + (lapseReason.map { ": \($0)" } ?? "")
        default: return state.danish
        }
    }
}

extension Deadline {
    /// The last moment at which the deadline is met on time: the due time of a clock deadline, else
    /// the last second of the due date in `timeZone`. Met on time iff the met moment is at or before it;
    /// overdue iff now is after it. Stored in the index, so other readers only compare moments.
    public func dueMoment(in timeZone: TimeZone) -> Date {
        if counting == .hours, let t = dueTime { return t }
        return LocalTime.instant(dueDate.adding(days: 1), hour: 0, minute: 0, in: timeZone).addingTimeInterval(-1)
    }

    /// The one decision of a deadline's state at `now` (see `DeadlineStatus`):
    ///
    /// - met: what it asks for happened (`metAt`, never after `now`: a planned date meets nothing)
    ///   on or before the due moment; a task is met when done;
    /// - met late: it happened after the due moment, by so many days (hours for a clock deadline);
    /// - lapsed: not met and no longer relevant: `lapseReason` (a decision ended, a lawful
    ///   non-start), or the case closed (`closedDate`);
    /// - overdue: past the due moment; due soon: the due date is today (a clock deadline: within
    ///   24 hours); open: later. A task and a reminder (`DeadlineKind.isReminder`) are never overdue.
    public func status(now: Date, timeZone: TimeZone, closedDate: LocalDate? = nil) -> DeadlineStatus {
        status(now: now, today: LocalTime.date(of: now, in: timeZone), timeZone: timeZone, closedDate: closedDate)
    }

    /// `status(now:timeZone:closedDate:)` for a caller that knows today's date in `timeZone` (a list
    /// of thousands of rows reads the calendar once).
    public func status(now: Date, today: LocalDate, timeZone: TimeZone, closedDate: LocalDate? = nil)
        -> DeadlineStatus
    {
        let d = decide(now: now, today: today, timeZone: timeZone, closedDate: closedDate, lapseReason: lapseReason)
        switch d.lapse {
        case .reason(let r): return DeadlineStatus(state: .lapsed, lapseReason: r)
        case .closed(let c): return DeadlineStatus(state: .lapsed, lapseReason: "sagen blev lukket \(c.danishShort)")
        case nil: return DeadlineStatus(state: d.state, late: d.late, lateUnit: d.unit)
        }
    }

    /// The state alone of `status(now:today:timeZone:closedDate:)`, the same decision without its
    /// texts (statistics ask it for every deadline of thousands of cases); `ignoringLapseReason`
    /// decides as if `lapseReason` were nil.
    public func state(
        now: Date, today: LocalDate, timeZone: TimeZone, closedDate: LocalDate? = nil, ignoringLapseReason: Bool = false
    ) -> DeadlineState {
        decide(
            now: now, today: today, timeZone: timeZone, closedDate: closedDate,
            lapseReason: ignoringLapseReason ? nil : lapseReason
        ).state
    }

    private enum Lapse {
        case reason(String)
        case closed(LocalDate)
    }

    private func decide(now: Date, today: LocalDate, timeZone: TimeZone, closedDate: LocalDate?, lapseReason: String?)
        -> (state: DeadlineState, late: Int?, unit: TimeLeftUnit?, lapse: Lapse?)
    {
        if let met = metAt, met <= now {
            // A task and a reminder have no legal period: done is done.
            if counting == .task || kind.isReminder { return (.met, nil, nil, nil) }
            if counting == .hours, let due = dueTime {
                if met <= due { return (.met, nil, nil, nil) }
                let hours = Int((met.timeIntervalSince(due) / 3600).rounded(.up))
                return (.metLate, max(1, hours), .hours, nil)
            }
            let day = LocalTime.date(of: met, in: timeZone)
            if day <= dueDate { return (.met, nil, nil, nil) }
            return (.metLate, dueDate.days(until: day), .days, nil)
        }
        if let lapseReason { return (.lapsed, nil, nil, .reason(lapseReason)) }
        if let closedDate { return (.lapsed, nil, nil, .closed(closedDate)) }
        if kind.isReminder {
            // Not a statutory deadline (AUDIT N32): due from its date, never overdue.
            return (dueDate <= today ? .dueSoon : .open, nil, nil, nil)
        }
        switch counting {
        case .task:
            return (.open, nil, nil, nil)
        case .hours:
            let due = dueTime ?? dueMoment(in: timeZone)
            let seconds = due.timeIntervalSince(now)
            return (seconds < 0 ? .overdue : (seconds <= 24 * 3600 ? .dueSoon : .open), nil, nil, nil)
        case .workingDays, .calendarDays, .months:
            return (dueDate < today ? .overdue : (dueDate == today ? .dueSoon : .open), nil, nil, nil)
        }
    }

    /// True when the deadline is settled either way: met (on time or late) or lapsed. Such a
    /// deadline never becomes overdue again.
    public var isSettled: Bool { metAt != nil || lapseReason != nil }
}

/// Checks the date of an event that has happened (a start, a completion, a closing, a deadline
/// met): never in the future, never before what it follows. Every command that records one uses
/// it, so a planned date can never be recorded as a fact.
public enum EventDate {
    public enum Problem: Error, Equatable, CustomStringConvertible {
        /// The date is after today.
        case future(what: String, date: LocalDate, today: LocalDate)
        /// The date is before the event it follows (`after`, described).
        case beforePrevious(what: String, date: LocalDate, previous: LocalDate, previousName: String)

        public var description: String {
            switch self {
            case .future(let what, let date, _):
                return
                    "\(what) kan ikke være \(date.danishShort): datoen ligger i fremtiden. Kun noget, der er sket, kan registreres (i dag eller tidligere)."
            case .beforePrevious(let what, let date, let previous, let name):
                return "\(what) (\(date.danishShort)) ligger før \(name) (\(previous.danishShort)). Ret datoen."
            }
        }
    }

    /// Throws when `date` is after `today`, or before `notBefore` (the date of `notBeforeName`).
    public static func check(
        _ date: LocalDate, what: String, today: LocalDate, notBefore: LocalDate? = nil, notBeforeName: String = ""
    ) throws(Problem) {
        if date > today { throw .future(what: what, date: date, today: today) }
        if let notBefore, date < notBefore {
            throw .beforePrevious(what: what, date: date, previous: notBefore, previousName: notBeforeName)
        }
    }

    /// The same for an instant (a clock deadline met at a time of day): not after `now`.
    public static func check(_ instant: Date, what: String, now: Date, timeZone: TimeZone) throws(Problem) {
        if instant > now {
            throw .future(
                what: what, date: LocalTime.date(of: instant, in: timeZone),
                today: LocalTime.date(of: now, in: timeZone))
        }
    }
}
