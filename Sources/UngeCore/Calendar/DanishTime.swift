import Foundation

/// Danish local time (CET/CEST) computed from the EU summer-time rule, so Core needs no time-zone
/// database: summer time runs from the last Sunday of March at 01:00 UTC to the last Sunday of
/// October at 01:00 UTC (since 1996).
public enum DanishTime {
    /// The offset from UTC in seconds at an instant: 3600 in winter, 7200 in summer.
    public static func offset(at instant: Date) -> Int {
        let t = Int(instant.timeIntervalSince1970.rounded(.down))
        let utcDay = LocalDate(dayNumber: Int((Double(t) / 86400).rounded(.down)))
        let year = utcDay.year
        let start = lastSunday(month: 3, year: year).dayNumber * 86400 + 3600
        let end = lastSunday(month: 10, year: year).dayNumber * 86400 + 3600
        return (t >= start && t < end) ? 7200 : 3600
    }

    /// The local date and time of day (hour, minute) of an instant.
    public static func local(_ instant: Date) -> (date: LocalDate, hour: Int, minute: Int) {
        let t = Int(instant.timeIntervalSince1970.rounded(.down)) + offset(at: instant)
        let days = Int((Double(t) / 86400).rounded(.down))
        let secs = t - days * 86400
        return (LocalDate(dayNumber: days), secs / 3600, secs / 60 % 60)
    }

    /// Today's date in Denmark at an instant.
    public static func date(of instant: Date) -> LocalDate { local(instant).date }

    /// The instant of a local date and time in Denmark (the earlier one in the autumn overlap).
    public static func instant(_ date: LocalDate, hour: Int = 0, minute: Int = 0) -> Date {
        let naive = date.dayNumber * 86400 + hour * 3600 + minute * 60
        let guess = Date(timeIntervalSince1970: TimeInterval(naive - 7200))
        let off = offset(at: guess)
        return Date(timeIntervalSince1970: TimeInterval(naive - off))
    }

    /// `13.04.2026 kl. 09.30`, the Danish way to write a point in time.
    public static func format(_ instant: Date) -> String {
        let l = local(instant)
        return "\(l.date.danishShort) kl. \(pad(l.hour, 2)).\(pad(l.minute, 2))"
    }

    /// `13. april 2026 kl. 09.30`.
    public static func formatLong(_ instant: Date) -> String {
        let l = local(instant)
        return "\(l.date.danishLong) kl. \(pad(l.hour, 2)).\(pad(l.minute, 2))"
    }

    static func lastSunday(month: Int, year: Int) -> LocalDate {
        let last = LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))!
        return last.adding(days: -(last.isoWeekday % 7))
    }
}
