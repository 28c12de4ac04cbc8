import Foundation

/// A calendar date without a time or a time zone (dato), as law and caseworkers use them.
///
/// Birth dates, deadlines and plan dates are `LocalDate`s: a deadline falls on a day, not at an
/// instant. Arithmetic uses the proleptic Gregorian calendar via day numbers, so it is pure and fast
/// and needs no `Calendar` or clock.
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or returns nil when the day does not exist (e.g. 2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= LocalDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The years a typed or stored date may have: 1858 (the earliest birth year a CPR number can
    /// carry) to 2200. Parsing refuses other years, so that every computation on a parsed date
    /// (deadlines, ages, holidays) stays far inside the range `LocalDate` can hold (1...9999).
    public static let supportedYears = 1858...2200

    /// Day numbers of 0001-01-01 and 9999-12-31, the first and last day `LocalDate` can hold.
    public static let minDayNumber = -719_162
    public static let maxDayNumber = 2_932_896

    /// Creates the date with the given day number (days since 1970-01-01). Total: a day number
    /// outside 0001-01-01...9999-12-31 gives the nearest of those two days instead of trapping.
    public init(dayNumber rawDayNumber: Int) {
        let dayNumber = min(max(rawDayNumber, LocalDate.minDayNumber), LocalDate.maxDayNumber)
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = m <= 2 ? y + 1 : y
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var isoWeekday: Int {
        let w = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday (ISO 4)
        return (w < 0 ? w + 7 : w) + 1
    }

    public var isWeekend: Bool { isoWeekday >= 6 }

    /// Adds days. Total: a result beyond 0001-01-01...9999-12-31 stays at that end (overflow-checked).
    public func adding(days: Int) -> LocalDate {
        let (n, overflow) = dayNumber.addingReportingOverflow(days)
        return LocalDate(dayNumber: overflow ? (days < 0 ? Int.min : Int.max) : n)
    }

    /// Adds calendar months; a day that does not exist in the target month is clamped to the
    /// month's last day (31 January + 1 month = 28/29 February), as Danish practice counts months.
    /// Total: a result beyond year 1...9999 stays at that end (overflow-checked).
    public func adding(months: Int) -> LocalDate {
        let first = year * 12 + (month - 1)  // year is 1...9999: no overflow
        let (sum, overflow) = first.addingReportingOverflow(months)
        let total = min(max(overflow ? (months < 0 ? Int.min : Int.max) : sum, 12), 9999 * 12 + 11)
        let y = total / 12
        let m = total % 12 + 1
        let d = min(day, LocalDate.daysIn(month: m, year: y))
        return LocalDate(year: y, month: m, day: d) ?? self
    }

    public func adding(years: Int) -> LocalDate {
        let (months, overflow) = years.multipliedReportingOverflow(by: 12)
        return adding(months: overflow ? (years < 0 ? Int.min : Int.max) : months)
    }

    public func days(until other: LocalDate) -> Int { other.dayNumber - dayNumber }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    /// ISO 8601 form, `2026-04-13`: used in JSON and file content.
    public var iso: String {
        guard (0...9999).contains(year) else { return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }
        return LocalDate.digits(year, 4, UInt8(ascii: "-"), month, 2, UInt8(ascii: "-"), day, 2)
    }

    /// Table form, `13.04.2026`.
    public var danishShort: String {
        guard (0...9999).contains(year) else { return pad(day, 2) + "." + pad(month, 2) + "." + pad(year, 4) }
        return LocalDate.digits(day, 2, UInt8(ascii: "."), month, 2, UInt8(ascii: "."), year, 4)
    }

    /// Three zero-padded numbers with separators, built as bytes: dates are formatted thousands of
    /// times in a listing, and string concatenation is far slower.
    private static func digits(_ a: Int, _ wa: Int, _ s1: UInt8, _ b: Int, _ wb: Int, _ s2: UInt8, _ c: Int, _ wc: Int)
        -> String
    {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: wa + wb + wc + 2) { buf in
            var i = 0
            func put(_ n: Int, _ w: Int) {
                var v = n
                for k in stride(from: w - 1, through: 0, by: -1) {
                    buf[i + k] = UInt8(48 + v % 10)
                    v /= 10
                }
                i += w
            }
            put(a, wa)
            buf[i] = s1
            i += 1
            put(b, wb)
            buf[i] = s2
            i += 1
            put(c, wc)
            return String(decoding: UnsafeBufferPointer(rebasing: buf[0..<i]), as: UTF8.self)
        }
    }

    /// Document form, `13. april 2026`.
    public var danishLong: String { "\(day). \(LocalDate.monthNames[month - 1]) \(year)" }

    public var description: String { iso }

    public static let monthNames = [
        "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
        "oktober", "november", "december",
    ]
    public static let weekdayNames = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]

    public var weekdayName: String { LocalDate.weekdayNames[isoWeekday - 1] }

    /// Parses `2026-04-13`, `13-04-2026` or `13.04.2026` (the forms CLI.md accepts), in the
    /// `supportedYears` only.
    public static func parse(_ text: String) -> LocalDate? {
        guard let d = parseAnyYear(text), supportedYears.contains(d.year) else { return nil }
        return d
    }

    /// True when `text` has the shape of a date (and is a real calendar day) but its year is
    /// outside `supportedYears`: for a message that says what is wrong.
    public static func isOutsideSupportedYears(_ text: String) -> Bool {
        guard let d = parseAnyYear(text) else { return false }
        return !supportedYears.contains(d.year)
    }

    /// True when `text` is written like a date (`2026-04-13`, `13-04-2026`, `13.04.2026`), whether
    /// or not that day exists: such a text is never a CPR number and may be quoted as typed.
    public static func hasDateShape(_ text: String) -> Bool {
        let b = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        guard b.count == 10 else { return false }
        func digits(_ r: Range<Int>) -> Bool { b[r].allSatisfy { $0 >= 48 && $0 <= 57 } }
        if b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") {
            return digits(0..<4) && digits(5..<7) && digits(8..<10)
        }
        if b[2] == b[5], b[2] == UInt8(ascii: "-") || b[2] == UInt8(ascii: ".") {
            return digits(0..<2) && digits(3..<5) && digits(6..<10)
        }
        return false
    }

    /// The Danish message for a date outside `supportedYears`.
    public static var supportedYearsMessage: String {
        "unge regner kun med datoer i årene \(supportedYears.lowerBound)-\(supportedYears.upperBound). Tjek årstallet."
    }

    private static func parseAnyYear(_ text: String) -> LocalDate? {
        // Stored dates (thousands per listing) start and end with a digit: no trimming needed, and
        // Foundation's trimming costs more than the parse.
        let u = text.utf8
        if let first = u.first, let last = u.last, first >= 48, first <= 57, last >= 48, last <= 57 {
            return u.withContiguousStorageIfAvailable { parseAnyYear(bytes: $0) } ?? parseAnyYear(bytes: Array(u))
        }
        return parseAnyYear(bytes: Array(text.trimmingCharacters(in: .whitespaces).utf8))
    }

    /// A date written as `parse` reads it (`ÅÅÅÅ-MM-DD`, or day first), from 10 bytes such as the start
    /// of a timestamp, without making a string; nil unless it is a real day in `supportedYears`.
    static func parseISO<C: RandomAccessCollection>(bytes: C) -> LocalDate? where C.Element == UInt8, C.Index == Int {
        guard bytes.count == 10 else { return nil }
        guard let d = parseAnyYear(bytes: bytes), supportedYears.contains(d.year) else { return nil }
        return d
    }

    private static func parseAnyYear<C: RandomAccessCollection>(bytes raw: C) -> LocalDate?
    where C.Element == UInt8, C.Index == Int {
        guard raw.count == 10 else { return nil }
        let o = raw.startIndex
        func b(_ i: Int) -> UInt8 { raw[o + i] }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                let c = b(i)
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        if b(4) == UInt8(ascii: "-"), b(7) == UInt8(ascii: "-") {
            guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
            return LocalDate(year: y, month: m, day: d)
        }
        if b(2) == b(5), b(2) == UInt8(ascii: "-") || b(2) == UInt8(ascii: ".") {
            guard let d = num(0..<2), let m = num(3..<5), let y = num(6..<10) else { return nil }
            return LocalDate(year: y, month: m, day: d)
        }
        return nil
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = LocalDate.parse(s) else {
            if LocalDate.isOutsideSupportedYears(s) {
                throw DecodingError.dataCorruptedError(
                    in: c,
                    debugDescription:
                        "datoen '\(s)' ligger uden for årene \(LocalDate.supportedYears.lowerBound)-\(LocalDate.supportedYears.upperBound)"
                )
            }
            throw DecodingError.dataCorruptedError(
                in: c, debugDescription: "ugyldig dato '\(s)' (forventet ÅÅÅÅ-MM-DD)")
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

@inline(__always)
func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
