import Testing
@testable import UngeCore

@Suite("LocalDate")
struct LocalDateTests {
    @Test("dagnumre går begge veje")
    func roundTrip() {
        for n in stride(from: -800_000, to: 100_000, by: 977) {
            let d = LocalDate(dayNumber: n)
            #expect(d.dayNumber == n)
        }
    }

    @Test("ugedage og skudår")
    func weekdays() {
        #expect(LocalDate(year: 2026, month: 11, day: 23)!.isoWeekday == 1)
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2023, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2026, month: 2, day: 30) == nil)
        #expect(LocalDate(year: 1900, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
    }

    @Test("de tre datoformer", arguments: ["2026-04-13", "13-04-2026", "13.04.2026"])
    func parse(_ text: String) {
        #expect(LocalDate.parse(text) == LocalDate(year: 2026, month: 4, day: 13))
    }

    @Test("ugyldige datoer afvises", arguments: ["2026-02-30", "2026-13-01", "13/04/2026", "", "2026-4-13", "abcd-ef-gh"])
    func rejects(_ text: String) {
        #expect(LocalDate.parse(text) == nil)
    }

    @Test("måneder lægges til med sidste dag i måneden")
    func months() {
        #expect(LocalDate(year: 2026, month: 1, day: 31)!.adding(months: 1).iso == "2026-02-28")
        #expect(LocalDate(year: 2024, month: 1, day: 31)!.adding(months: 1).iso == "2024-02-29")
        #expect(LocalDate(year: 2026, month: 11, day: 30)!.adding(months: 4).iso == "2027-03-30")
        #expect(LocalDate(year: 2026, month: 4, day: 13)!.danishLong == "13. april 2026")
        #expect(LocalDate(year: 2026, month: 4, day: 13)!.danishShort == "13.04.2026")
    }
}
