import Foundation

/// Danish local time (Europe/Copenhagen, CET/CEST): the one place the tool names its time zone.
/// Conversions go through `LocalTime`, so there is one implementation of local-time arithmetic.
public enum DanishTime {
    /// Europe/Copenhagen. Foundation ships the zone data, so it is present even in a static build.
    public static let timeZone: TimeZone = TimeZone(identifier: "Europe/Copenhagen") ?? TimeZone(secondsFromGMT: 3600)!

    /// The offset from UTC in seconds at an instant: 3600 in winter, 7200 in summer.
    public static func offset(at instant: Date) -> Int { timeZone.secondsFromGMT(for: instant) }

    /// Today's date in Denmark at an instant.
    public static func date(of instant: Date) -> LocalDate { LocalTime.date(of: instant, in: timeZone) }

    /// The instant of a local date and time in Denmark.
    public static func instant(_ date: LocalDate, hour: Int = 0, minute: Int = 0) -> Date {
        LocalTime.instant(date, hour: hour, minute: minute, in: timeZone)
    }

    /// `13.04.2026 kl. 09.30`, the Danish way to write a point in time.
    public static func format(_ instant: Date) -> String { LocalTime.danishShort(instant, in: timeZone) }

    /// `13. april 2026 kl. 09.30`.
    public static func formatLong(_ instant: Date) -> String { LocalTime.danishLong(instant, in: timeZone) }
}
