import Foundation

/// Age in whole years, the way Danish law counts it: a person born on 29 February turns a year
/// older on 1 March in a common year (the day after 28 February).
public enum Age {
    /// Whole years from `born` to `date` (0 before the first birthday).
    public static func years(born: LocalDate, on date: LocalDate) -> Int {
        var years = date.year - born.year
        if date < birthday(of: born, in: date.year) { years -= 1 }
        return max(0, years)
    }

    /// The date someone born on `born` has their birthday in `year`; 29 February falls on 1 March
    /// in a common year.
    public static func birthday(of born: LocalDate, in year: Int) -> LocalDate {
        if born.month == 2, born.day == 29, !LocalDate.isLeapYear(year) {
            return LocalDate(year: year, month: 3, day: 1)!
        }
        return LocalDate(year: year, month: born.month, day: born.day)!
    }

    /// The date someone turns `years` old.
    public static func dateTurning(_ years: Int, born: LocalDate) -> LocalDate {
        birthday(of: born, in: born.year + years)
    }
}
