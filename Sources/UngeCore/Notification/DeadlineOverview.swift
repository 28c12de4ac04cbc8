import Foundation

/// Where a deadline stands at a given moment (fristens status).
public enum DeadlineState: String, Codable, Sendable, Equatable, Comparable {
    /// Past its due date or time and not met.
    case overdue
    /// Falls today (or, for an hour deadline, within the coming 24 hours).
    case dueSoon
    /// Later.
    case open
    /// Met on time: what it asks for happened on or before the due date (and time).
    case met
    /// Met, but after the due date (or time): listed beside the overdue ones.
    case metLate
    /// No longer relevant, unmet (case closed, decision ended, lawful non-start): with the reason.
    case lapsed

    private var order: Int {
        switch self {
        case .overdue: return 0
        case .metLate: return 1
        case .dueSoon: return 2
        case .open: return 3
        case .met: return 4
        case .lapsed: return 5
        }
    }

    public static func < (a: DeadlineState, b: DeadlineState) -> Bool { a.order < b.order }

    /// The Danish word shown to the user.
    public var danish: String {
        switch self {
        case .overdue: return "overskredet"
        case .dueSoon: return "snart"
        case .open: return "åben"
        case .met: return "opfyldt"
        case .metLate: return "opfyldt for sent"
        case .lapsed: return "bortfaldet"
        }
    }
}

/// The unit the time left is shown in: the unit the rule counts in.
public enum TimeLeftUnit: String, Codable, Sendable, Equatable {
    case hours
    case workingDays
    case days
}

/// One line of the deadline overview (`unge frister`): a deadline on a case with its time left.
public struct DeadlineOverviewRow: Codable, Sendable, Equatable {
    public var caseID: String
    /// The young person's name as shown (or "(anonym)").
    public var name: String
    public var deadlineID: String
    public var kind: DeadlineKind
    public var title: String
    public var dueDate: LocalDate
    public var dueTime: Date?
    public var state: DeadlineState
    /// Time left in `unit`; negative when overdue.
    public var timeLeft: Int
    public var unit: TimeLeftUnit
    /// The time left in Danish: "3 hverdage", "om 5 timer", "overskredet med 2 hverdage".
    public var timeLeftText: String
    /// The legal basis as it applied on the rule date.
    public var citation: String
    public var metAt: Date?
    public var metBy: String?
    /// A task without a legal period (e.g. "orientér underretteren", BL § 138 stk. 2): listed after
    /// the deadlines, never overdue.
    public var isTask: Bool = false
    /// For a deadline met late: by how many days (date deadlines) or started hours (clock deadlines).
    public var daysLate: Int? = nil
    public var hoursLate: Int? = nil
    /// For a lapsed deadline: why it no longer applies.
    public var lapseReason: String? = nil
    /// A reminder the law sets no period for (the transition at 17½ without § 111): "påmindelse".
    public var isReminder: Bool = false
}

/// The deadlines across cases, overdue first and then by due date (fristoversigt), for
/// `unge frister`. Generic over every `Deadline` a case holds, whatever created it.
public enum DeadlineOverview {
    /// The rows for `cases`. Without `includeMet`, only the open deadlines and those met late
    /// (`CaseFile.reportedDeadlines`) are listed; with it, every one (met on time, lapsed too).
    ///
    /// `workingDaysBetween(a, b)` counts the working days after `a` up to and including `b`
    /// (for `a < b`); it is only asked about deadlines counted in working days.
    public static func rows(
        cases: [CaseFile], includeMet: Bool, now: Date, timeZone: TimeZone,
        workingDaysBetween: (LocalDate, LocalDate) -> Int
    ) -> [DeadlineOverviewRow] {
        let today = LocalTime.date(of: now, in: timeZone)
        var rows: [DeadlineOverviewRow] = []
        // By index: a case is read in place, never copied whole (thousands of them).
        for i in cases.indices {
            for d in includeMet ? cases[i].deadlines : cases[i].reportedDeadlines(timeZone: timeZone) {
                rows.append(
                    row(
                        d, caseFile: cases[i], now: now, today: today, timeZone: timeZone,
                        workingDaysBetween: workingDaysBetween))
            }
        }
        // Sorting positions moves integers, not rows (thousands of rows with many strings each); the
        // order is `isOrderedBefore`'s, compared on a small key per row so no row is copied.
        let keys = rows.indices.map { i in
            SortKey(
                isTask: rows[i].isTask, state: rows[i].state == .dueSoon ? .open : rows[i].state,
                day: rows[i].dueDate.dayNumber, time: rows[i].dueTime?.timeIntervalSince1970 ?? .infinity)
        }
        var order = rows.indices.sorted { i, j in
            let a = keys[i]
            let b = keys[j]
            if a.isTask != b.isTask { return !a.isTask }
            if a.state != b.state { return a.state < b.state }
            if a.day != b.day { return a.day < b.day }
            if a.time != b.time { return a.time < b.time }
            if rows[i].caseID != rows[j].caseID { return rows[i].caseID < rows[j].caseID }
            return rows[i].deadlineID < rows[j].deadlineID
        }
        // Put each row in its place by swapping (moves, never copies: the buffer's swap moves the
        // memory, where the array's would copy each row): place k gets row `order[k]`.
        rows.withUnsafeMutableBufferPointer { buf in
            for start in order.indices where order[start] != start {
                var i = start
                while order[i] != start {
                    let j = order[i]
                    buf.swapAt(i, j)
                    order[i] = i
                    i = j
                }
                order[i] = i
            }
        }
        return rows
    }

    /// What `isOrderedBefore` compares before the ids.
    private struct SortKey {
        var isTask: Bool
        var state: DeadlineState
        var day: Int
        var time: Double
    }

    /// `rows` with the Danish calendar's working days.
    public static func rows(
        cases: [CaseFile], includeMet: Bool, now: Date, timeZone: TimeZone, calendar: DanishCalendar
    ) -> [DeadlineOverviewRow] {
        rows(cases: cases, includeMet: includeMet, now: now, timeZone: timeZone) {
            calendar.workingDays(from: $0, to: $1)
        }
    }

    /// Overdue first, then by due date and time, then by case and deadline id (a stable order).
    public static func isOrderedBefore(_ a: DeadlineOverviewRow, _ b: DeadlineOverviewRow) -> Bool {
        if a.isTask != b.isTask { return !a.isTask }
        let sa = a.state == .dueSoon ? .open : a.state
        let sb = b.state == .dueSoon ? .open : b.state
        if sa != sb { return sa < sb }
        if a.dueDate != b.dueDate { return a.dueDate < b.dueDate }
        let ta = a.dueTime?.timeIntervalSince1970 ?? .infinity
        let tb = b.dueTime?.timeIntervalSince1970 ?? .infinity
        if ta != tb { return ta < tb }
        if a.caseID != b.caseID { return a.caseID < b.caseID }
        return a.deadlineID < b.deadlineID
    }

    /// One row: state and time left in the rule's own unit.
    public static func row(
        _ d: Deadline, caseFile: CaseFile, now: Date, today: LocalDate, timeZone: TimeZone,
        workingDaysBetween: (LocalDate, LocalDate) -> Int
    ) -> DeadlineOverviewRow {
        let status = d.status(now: now, today: today, timeZone: timeZone, closedDate: caseFile.closedDate)
        let state = status.state
        var left: Int
        var unit: TimeLeftUnit
        switch d.counting {
        case .hours:
            unit = .hours
            let due = d.dueTime ?? d.dueMoment(in: timeZone)
            left = Int((due.timeIntervalSince(now) / 3600).rounded(.towardZero))
        case .workingDays:
            unit = .workingDays
            if d.dueDate == today {
                left = 0
            } else if d.dueDate > today {
                left = workingDaysBetween(today, d.dueDate)
            } else {
                left = -max(1, workingDaysBetween(d.dueDate, today))
            }
        case .task:
            // A task has no legal period: open until marked done, never overdue.
            unit = .days
            left = max(0, today.days(until: d.dueDate))
        case .calendarDays, .months:
            unit = .days
            left = today.days(until: d.dueDate)
        }
        let citation = d.citation(age: caseFile.youngPerson.age(on: d.ruleDate))
        let text: String
        switch state {
        case .met, .metLate, .lapsed: text = status.danish
        case _ where d.kind.isReminder:
            text = left > 0 ? "om \(left == 1 ? "1 dag" : "\(left) dage")" : "nu"
        default:
            text =
                d.counting == .task
                ? "åben opgave"
                : timeLeftText(
                    left, unit: unit, state: state, dueSecondsLeft: d.dueTime.map { $0.timeIntervalSince(now) })
        }
        return DeadlineOverviewRow(
            caseID: caseFile.id.rawValue, name: caseFile.youngPerson.displayName, deadlineID: d.id, kind: d.kind,
            title: d.title, dueDate: d.dueDate, dueTime: d.dueTime, state: state, timeLeft: left, unit: unit,
            timeLeftText: text, citation: citation, metAt: d.metAt, metBy: d.metBy, isTask: d.counting == .task,
            daysLate: status.daysLate, hoursLate: status.hoursLate, lapseReason: status.lapseReason,
            isReminder: d.kind.isReminder)
    }

    /// "3 hverdage", "1 hverdag", "i dag", "om 5 timer", "under 1 time", "overskredet med 2 timer",
    /// "overskredet med 4 døgn (96 timer)".
    public static func timeLeftText(
        _ left: Int, unit: TimeLeftUnit, state: DeadlineState, dueSecondsLeft: Double? = nil
    ) -> String {
        func count(_ n: Int) -> String {
            switch unit {
            case .hours:
                // Past two days, whole days (døgn) read more easily than a count of hours.
                if n >= 48 { return "\(n / 24) døgn (\(n) timer)" }
                return n == 1 ? "1 time" : "\(n) timer"
            case .workingDays: return n == 1 ? "1 hverdag" : "\(n) hverdage"
            case .days: return n == 1 ? "1 dag" : "\(n) dage"
            }
        }
        if state == .overdue {
            if unit == .hours, let s = dueSecondsLeft, s > -3600 { return "overskredet med under 1 time" }
            return "overskredet med " + count(max(1, -left))
        }
        if unit == .hours { return left == 0 ? "under 1 time" : count(left) }
        return left == 0 ? "i dag" : count(left)
    }

    /// The due date as a table shows it: `14.04.2026 kl. 09.30` for an hour deadline, else `21.04.2026`.
    public static func dueText(_ row: DeadlineOverviewRow, timeZone: TimeZone) -> String {
        if row.isTask { return "(opgave)" }
        if let t = row.dueTime { return LocalTime.danishShort(t, in: timeZone) }
        // A working day in law that many municipalities close (LAW.md): named, so it is acted on a day earlier.
        if let closed = DanishCalendar.oftenClosedName(row.dueDate) { return row.dueDate.danishShort + " (\(closed)!)" }
        return row.dueDate.danishShort
    }

    /// Without a period asked, `frister` lists the deadlines met late from this day (a month back):
    /// beside the overdue ones while they still matter, not forever. Not a legal period.
    public static func metLateShownSince(today: LocalDate) -> LocalDate { today.adding(months: -1) }

    /// True when the row's due date, or the day it was met, falls within `from`...`to` (either end
    /// open): the period `frister --fra/--til` asks for.
    public static func isInPeriod(_ row: DeadlineOverviewRow, from: LocalDate?, to: LocalDate?, timeZone: TimeZone)
        -> Bool
    {
        func inside(_ d: LocalDate) -> Bool { (from.map { d >= $0 } ?? true) && (to.map { d <= $0 } ?? true) }
        if inside(row.dueDate) { return true }
        if let met = row.metAt { return inside(LocalTime.date(of: met, in: timeZone)) }
        return false
    }

    /// The column headers of the plain-text table.
    public static let header = ["Sag", "Navn", "Frist", "Hvad", "Tid tilbage", "Lovgrundlag"]

    /// The cells of a row, in `header` order.
    public static func cells(_ row: DeadlineOverviewRow, timeZone: TimeZone) -> [String] {
        // A reminder is not a statutory deadline (AUDIT N32): it says so.
        [
            row.caseID, row.name, dueText(row, timeZone: timeZone),
            row.isReminder ? "Påmindelse: " + row.title : row.title,
            row.timeLeftText, row.citation,
        ]
    }

    /// Why a deadline could not be marked met.
    public enum MarkError: Error, Equatable, CustomStringConvertible {
        case unknown(id: String, known: [String])
        case alreadyMet(id: String, at: Date)

        public var description: String {
            switch self {
            case .unknown(let id, let known):
                let list =
                    known.isEmpty
                    ? "Sagen har ingen frister." : "Sagens frister: " + known.joined(separator: ", ") + "."
                return "Sagen har ingen frist med id '\(id)'. \(list)"
            case .alreadyMet(let id, let at):
                return "Fristen '\(id)' er allerede markeret som opfyldt (\(DanishTime.format(at)))."
            }
        }
    }

    /// Marks the deadline `id` on `caseFile` as met at `at` by `by`.
    public static func markMet(
        _ id: String, on caseFile: inout CaseFile, at: Date, by: String, outcome: String? = nil, recordedAt: Date? = nil
    ) throws(MarkError) {
        guard let i = caseFile.deadlines.firstIndex(where: { $0.id == id }) else {
            throw .unknown(id: id, known: caseFile.deadlines.map(\.id))
        }
        if let when = caseFile.deadlines[i].metAt { throw .alreadyMet(id: id, at: when) }
        caseFile.deadlines[i].metAt = at
        caseFile.deadlines[i].metBy = by
        caseFile.record(.deadlineMet(caseFile.deadlines[i], outcome: outcome), at: recordedAt ?? at, by: by)
        caseFile.updated = recordedAt ?? at
    }
}
