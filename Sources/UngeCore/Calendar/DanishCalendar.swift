import Foundation

/// A day that a working-day count passed over, and why (lørdag, søndag, a helligdag's name).
public struct SkippedDay: Sendable, Equatable, Codable {
    public let date: LocalDate
    /// Danish reason shown to the user, e.g. "lørdag", "langfredag", "juleaftensdag (lukkedag)".
    public let reason: String

    public init(date: LocalDate, reason: String) {
        self.date = date
        self.reason = reason
    }
}

/// The result of counting working days (hverdage): the due date and the days skipped on the way,
/// so the user can see how the date was found.
public struct WorkingDayResult: Sendable, Equatable, Codable {
    /// The day the deadline falls on; always a working day.
    public let due: LocalDate
    /// Non-working days passed over, in date order.
    public let skipped: [SkippedDay]

    public init(due: LocalDate, skipped: [SkippedDay]) {
        self.due = due
        self.skipped = skipped
    }
}

/// The Danish working-day calendar (hverdage og helligdage), LAW.md "Working days".
///
/// A working day is Monday to Friday and not a helligdag. Helligdage: nytårsdag, skærtorsdag,
/// langfredag, påskedag, 2. påskedag, store bededag (only up to and including 2023), Kristi
/// himmelfartsdag, pinsedag, 2. pinsedag, juledag and 2. juledag. With `alsoClosed` (the store
/// setting, off by default) grundlovsdag, juleaftensdag and nytårsaftensdag are closing days too.
///
/// Supported years are 1900-2200 (`supportedYears`); other years in 1...9999 are computed by the
/// same rules, but nobody has checked them against an almanac. Pure: no clock, no I/O.
public struct DanishCalendar: Sendable, Equatable {
    /// The years the tool promises correct holidays for.
    public static let supportedYears = 1900...2200

    /// The last year store bededag was a helligdag (abolished from 2024).
    public static let lastGreatPrayerDayYear = 2023

    /// The store setting: also closed on 5/6 grundlovsdag, 24/12 juleaftensdag and 31/12
    /// nytårsaftensdag.
    public let alsoClosed: Bool

    public init(alsoClosed: Bool = false) {
        self.alsoClosed = alsoClosed
    }

    /// The helligdage of `year` (and, with `alsoClosed`, the closing days), sorted by date.
    /// Empty for a year `LocalDate` cannot hold (outside 1...9999).
    public func holidays(in year: Int) -> [PublicHoliday] {
        guard (1...9999).contains(year) else { return [] }
        func fixed(_ month: Int, _ day: Int, _ name: String, _ id: String, public isPublic: Bool = true)
            -> PublicHoliday?
        {
            LocalDate(year: year, month: month, day: day).map {
                PublicHoliday(date: $0, name: name, id: id, isPublicHoliday: isPublic)
            }
        }
        let easter = Easter.sunday(year: year)
        func movable(_ offset: Int, _ name: String, _ id: String) -> PublicHoliday {
            PublicHoliday(date: easter.adding(days: offset), name: name, id: id)
        }
        var days: [PublicHoliday?] = [
            fixed(1, 1, "nytårsdag", "newYearsDay"),
            movable(-3, "skærtorsdag", "maundyThursday"),
            movable(-2, "langfredag", "goodFriday"),
            movable(0, "påskedag", "easterSunday"),
            movable(1, "2. påskedag", "easterMonday"),
            movable(39, "Kristi himmelfartsdag", "ascensionDay"),
            movable(49, "pinsedag", "whitSunday"),
            movable(50, "2. pinsedag", "whitMonday"),
            fixed(12, 25, "juledag", "christmasDay"),
            fixed(12, 26, "2. juledag", "boxingDay"),
        ]
        if year <= DanishCalendar.lastGreatPrayerDayYear {
            days.append(movable(26, "store bededag", "greatPrayerDay"))
        }
        if alsoClosed {
            days.append(fixed(6, 5, "grundlovsdag", "constitutionDay", public: false))
            days.append(fixed(12, 24, "juleaftensdag", "christmasEve", public: false))
            days.append(fixed(12, 31, "nytårsaftensdag", "newYearsEve", public: false))
        }
        return days.compactMap { $0 }.sorted { $0.date < $1.date }
    }

    /// Grundlovsdag (5/6), juleaftensdag (24/12) or nytårsaftensdag (31/12): working days in law
    /// but days many municipalities close, so a due date on one gets a warning.
    public static func isOftenClosed(_ date: LocalDate) -> Bool {
        (date.month == 6 && date.day == 5) || (date.month == 12 && (date.day == 24 || date.day == 31))
    }

    /// The name of an often-closed day ("grundlovsdag"), or nil.
    public static func oftenClosedName(_ date: LocalDate) -> String? {
        guard isOftenClosed(date) else { return nil }
        return date.month == 6 ? "grundlovsdag" : (date.day == 24 ? "juleaftensdag" : "nytårsaftensdag")
    }

    /// The helligdag or closing day on `date`, if any.
    public func holiday(on date: LocalDate) -> PublicHoliday? {
        holidays(in: date.year).first { $0.date == date }
    }

    /// Why `date` is not a working day, in Danish: the holiday's name ("langfredag",
    /// "juleaftensdag (lukkedag)"), else "lørdag" or "søndag"; nil on a working day. A holiday on
    /// a weekend is named by the holiday ("påskedag", not "søndag").
    public func closedReason(_ date: LocalDate) -> String? {
        var cache = HolidayCache(calendar: self)
        return cache.closedReason(date)
    }

    /// A warning for a due date counted in days (working or calendar) that the municipality may be
    /// closed on (AUDIT row 33, LAW.md "Working days"): grundlovsdag, juleaftensdag or nytårsaftensdag,
    /// working days in law unless the store's setting closes them; a weekend or helligdag (only a count of
    /// calendar days can end there). The advice names the working day before. Never for a deadline in
    /// clock hours (the 24-hour assessment): a day earlier makes no sense there. Nil when nothing to say.
    public func closedDueDateWarning(_ due: LocalDate) -> String? {
        let open = DanishCalendar(alsoClosed: true)
        let before = open.addingWorkingDays(-1, to: due).due
        let advice = "nå det senest \(before.weekdayName) \(before.danishLong)."
        if !alsoClosed, let name = Self.oftenClosedName(due) {
            return
                "Fristen falder \(due.weekdayName) \(due.danishLong), som er \(name). Dagen er en hverdag i loven, men mange kommuner holder lukket: "
                + advice
        }
        if let reason = closedReason(due) {
            return "Fristen falder \(due.weekdayName) \(due.danishLong) (\(reason)), hvor kommunen har lukket: "
                + advice
        }
        return nil
    }

    /// True on Monday to Friday when the day is not a helligdag (nor a closing day with
    /// `alsoClosed`).
    public func isWorkingDay(_ date: LocalDate) -> Bool { closedReason(date) == nil }

    /// Counts `n` working days from the day after `start` (LAW.md: a deadline of N working days
    /// counts from the day after the event). `n == 0` gives `start` if it is a working day, else the
    /// next working day. A negative `n` counts backwards and gives the working day `-n` working days
    /// before `start`.
    ///
    /// `skipped` lists the non-working days passed over between `start` (exclusive; for `n == 0`
    /// inclusive) and `due`, in date order. `due` itself is always a working day.
    public func addingWorkingDays(_ n: Int, to start: LocalDate) -> WorkingDayResult {
        var cache = HolidayCache(calendar: self)
        var skipped: [SkippedDay] = []
        var day = start
        if n == 0 {
            while let reason = cache.closedReason(day) {
                skipped.append(SkippedDay(date: day, reason: reason))
                day = day.adding(days: 1)
            }
            return WorkingDayResult(due: day, skipped: skipped)
        }
        let step = n > 0 ? 1 : -1
        var remaining = abs(n)
        while remaining > 0 {
            day = day.adding(days: step)
            if let reason = cache.closedReason(day) {
                skipped.append(SkippedDay(date: day, reason: reason))
            } else {
                remaining -= 1
            }
        }
        if step < 0 { skipped.reverse() }
        return WorkingDayResult(due: day, skipped: skipped)
    }

    /// `n` calendar days after `start` (before it when negative); days such as "14 dage" count
    /// every day, holidays included.
    public func addingCalendarDays(_ n: Int, to start: LocalDate) -> LocalDate {
        start.adding(days: n)
    }

    /// The working days after `from` up to and including `to`: 0 when they are the same day, and
    /// negative (the working days after `to` up to and including `from`) when `to` is before
    /// `from`. Used to show the time left to a deadline ("3 hverdage tilbage").
    public func workingDays(from: LocalDate, to: LocalDate) -> Int {
        if to < from { return -workingDays(from: to, to: from) }
        if to == from { return 0 }
        // By day number (a listing asks this thousands of times): a day is closed when it is a
        // Saturday or Sunday or one of `holidays` (the same days `closedReason` names).
        var closed = Set<Int>()
        for year in from.year...to.year {
            for h in holidays(in: year) { closed.insert(h.date.dayNumber) }
        }
        var count = 0
        for n in (from.dayNumber + 1)...to.dayNumber {
            let w = (n + 3) % 7  // as `LocalDate.isoWeekday`: 0 is a Thursday (ISO 4)
            let isoWeekday = (w < 0 ? w + 7 : w) + 1
            if isoWeekday < 6 && !closed.contains(n) { count += 1 }
        }
        return count
    }
}

/// Holidays by day number, computed once per year during one count.
private struct HolidayCache {
    let calendar: DanishCalendar
    var years: [Int: [Int: PublicHoliday]] = [:]

    init(calendar: DanishCalendar) { self.calendar = calendar }

    mutating func closedReason(_ date: LocalDate) -> String? {
        let byDay: [Int: PublicHoliday]
        if let known = years[date.year] {
            byDay = known
        } else {
            var map: [Int: PublicHoliday] = [:]
            for h in calendar.holidays(in: date.year) { map[h.date.dayNumber] = h }
            years[date.year] = map
            byDay = map
        }
        if let h = byDay[date.dayNumber] { return h.closedReason }
        switch date.isoWeekday {
        case 6: return "lørdag"
        case 7: return "søndag"
        default: return nil
        }
    }
}
