import Foundation

/// A Danish public holiday (helligdag) or, when the store asks for it, a closing day (lukkedag)
/// such as juleaftensdag.
///
/// Helligdage are the days LAW.md lists (from 2024 without store bededag). Grundlovsdag (5/6),
/// juleaftensdag (24/12) and nytårsaftensdag (31/12) are not helligdage; many workplaces close on
/// them, so `DanishCalendar(alsoClosed: true)` includes them with `isPublicHoliday == false`.
public struct PublicHoliday: Sendable, Equatable, Codable {
    /// The day it falls on.
    public let date: LocalDate
    /// The Danish name shown to the user, e.g. "2. påskedag".
    public let name: String
    /// A stable English id, e.g. `easterMonday`.
    public let id: String
    /// True for a helligdag; false for a closing day (lukkedag) that is only closed by the store
    /// setting.
    public let isPublicHoliday: Bool

    public init(date: LocalDate, name: String, id: String, isPublicHoliday: Bool = true) {
        self.date = date
        self.name = name
        self.id = id
        self.isPublicHoliday = isPublicHoliday
    }

    /// The reason shown when a working-day count skips this day: the name, with "(lukkedag)" for a
    /// day that is closed only by the store setting.
    public var closedReason: String { isPublicHoliday ? name : "\(name) (lukkedag)" }

    private enum CodingKeys: String, CodingKey { case date, name, id, isPublicHoliday }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        date = try c.decode(LocalDate.self, forKey: .date)
        name = try c.decode(String.self, forKey: .name)
        id = try c.decode(String.self, forKey: .id)
        isPublicHoliday = try c.decodeIfPresent(Bool.self, forKey: .isPublicHoliday) ?? true
    }
}

/// Easter Sunday (påskedag), from which the movable Danish holidays are counted.
public enum Easter {
    /// Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus, also known as
    /// Meeus/Jones/Butcher). Correct for every Gregorian year; the tool supports 1900-2200
    /// (`DanishCalendar.supportedYears`). `year` must be in 1...9999, the range of `LocalDate`.
    public static func sunday(year: Int) -> LocalDate {
        precondition((1...9999).contains(year), "Easter.sunday: year \(year) outside 1...9999")
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        // March 22 ... April 25 always exists.
        return LocalDate(year: year, month: month, day: day) ?? LocalDate(dayNumber: 0)
    }
}
