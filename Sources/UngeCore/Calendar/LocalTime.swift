import Foundation

/// Conversions between instants and the local date and clock time in a given time zone
/// (Europe/Copenhagen in practice). Pure: the time zone is always passed in.
public enum LocalTime {
    private static func calendar(_ tz: TimeZone) -> Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = tz
        return c
    }

    /// The local calendar date of an instant.
    public static func date(of instant: Date, in tz: TimeZone) -> LocalDate {
        // From the zone's UTC offset at the instant: the same day the Gregorian calendar gives, far
        // cheaper than calendar components. Only from 1900 on (Foundation's calendar is Julian before
        // 1582) and before 9999; other instants go through the calendar.
        let t = instant.timeIntervalSince1970
        if t >= -2_208_988_800, t < 253_370_764_800 {
            let local = t + Double(tz.secondsFromGMT(for: instant))
            return LocalDate(dayNumber: Int((local / 86400).rounded(.down)))
        }
        let c = calendar(tz).dateComponents([.year, .month, .day], from: instant)
        // Total: an instant beyond year 1...9999 gives the nearest day LocalDate can hold.
        if let d = LocalDate(year: c.year ?? 1, month: c.month ?? 1, day: c.day ?? 1) { return d }
        return LocalDate(dayNumber: (c.year ?? 1) < 1 ? Int.min : Int.max)
    }

    /// The local clock time of an instant, Danish style: `09.30`.
    public static func clock(of instant: Date, in tz: TimeZone) -> String {
        let c = calendar(tz).dateComponents([.hour, .minute], from: instant)
        return pad(c.hour ?? 0, 2) + "." + pad(c.minute ?? 0, 2)
    }

    /// `13. april 2026 kl. 09.30`.
    public static func danishLong(_ instant: Date, in tz: TimeZone) -> String {
        date(of: instant, in: tz).danishLong + " kl. " + clock(of: instant, in: tz)
    }

    /// `13.04.2026 kl. 09.30`.
    public static func danishShort(_ instant: Date, in tz: TimeZone) -> String {
        date(of: instant, in: tz).danishShort + " kl. " + clock(of: instant, in: tz)
    }

    /// The instant of a local date and clock time.
    public static func instant(_ day: LocalDate, hour: Int, minute: Int, in tz: TimeZone) -> Date {
        var comps = DateComponents()
        comps.year = day.year
        comps.month = day.month
        comps.day = day.day
        comps.hour = hour
        comps.minute = minute
        return calendar(tz).date(from: comps)
            ?? Date(
                timeIntervalSince1970: TimeInterval(day.dayNumber) * 86400 + TimeInterval(hour * 3600 + minute * 60))
    }

    /// Parses a received time: `2026-04-13 09:30`, `2026-04-13T09:30`, `13.04.2026 kl. 9.30`,
    /// an ISO timestamp with offset (`2026-04-13T09:30:00+02:00`), or a date alone (then midnight,
    /// the cautious reading: the 24 hours run from the start of the day).
    public static func parse(_ text: String, in tz: TimeZone) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let exact = UngeJSON.parseTimestamp(t) { return exact }
        if let day = LocalDate.parse(t) { return instant(day, hour: 0, minute: 0, in: tz) }
        guard t.count > 10, let day = LocalDate.parse(String(t.prefix(10))) else { return nil }
        var rest = String(t.dropFirst(10)).trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix("T") { rest.removeFirst() }
        if rest.hasPrefix("kl.") { rest = String(rest.dropFirst(3)).trimmingCharacters(in: .whitespaces) }
        let parts = rest.split(whereSeparator: { $0 == ":" || $0 == "." }).map(String.init)
        guard parts.count == 2 || parts.count == 3,
            let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m),
            parts[0].count <= 2, parts[1].count == 2
        else { return nil }
        if parts.count == 3 { guard let s = Int(parts[2]), s == 0 else { return nil } }
        return instant(day, hour: h, minute: m, in: tz)
    }
}
