import Foundation
import Testing

@testable import UngeCore

@Suite("LocalDate")
struct LocalDateTests {
    @Test("dagnumre går begge veje")
    func roundTrip() {
        for n in stride(from: LocalDate.minDayNumber, to: 100_000, by: 977) {
            let d = LocalDate(dayNumber: n)
            #expect(d.dayNumber == n)
        }
    }

    @Test("ydergrænserne: 0001-01-01 og 9999-12-31, og alt udenfor holdes ved kanten i stedet for at fælde")
    func extremes() {
        #expect(LocalDate(dayNumber: LocalDate.minDayNumber).iso == "0001-01-01")
        #expect(LocalDate(dayNumber: LocalDate.maxDayNumber).iso == "9999-12-31")
        #expect(LocalDate(dayNumber: Int.max).iso == "9999-12-31")
        #expect(LocalDate(dayNumber: Int.min).iso == "0001-01-01")
        let d = LocalDate(year: 2026, month: 4, day: 13)!
        #expect(d.adding(days: Int.max).iso == "9999-12-31")
        #expect(d.adding(days: Int.min).iso == "0001-01-01")
        #expect(d.adding(months: Int.max).iso == "9999-12-13")
        #expect(d.adding(months: Int.min).iso == "0001-01-13")
        #expect(d.adding(years: Int.max / 2).iso == "9999-12-13")
        #expect(d.adding(years: -5000).iso == "0001-01-13")
        #expect(LocalDate(year: 9999, month: 12, day: 31)!.adding(days: 1).iso == "9999-12-31")
        #expect(LocalDate(year: 9999, month: 12, day: 31)!.adding(months: 1).iso == "9999-12-31")
    }

    @Test(
        "kun årene 1858-2200 kan skrives; udenfor siger beskeden hvorfor",
        arguments: ["9999-10-01", "0001-01-01", "1857-12-31", "2201-01-01", "01.01.9999", "31-12-2201"])
    func outsideYears(_ text: String) {
        #expect(LocalDate.parse(text) == nil)
        #expect(LocalDate.isOutsideSupportedYears(text))
        #expect(UngeJSON.parseTimestamp(String(text.prefix(10)) + "T00:00:00Z") == nil)
    }

    @Test("1858-01-01 og 2200-12-31 er med")
    func edgesIncluded() {
        #expect(LocalDate.parse("1858-01-01")?.iso == "1858-01-01")
        #expect(LocalDate.parse("31.12.2200")?.iso == "2200-12-31")
        #expect(!LocalDate.isOutsideSupportedYears("2026-02-30"))
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

    @Test(
        "mellemrum og tabulator omkring datoen tages væk (også hårde mellemrum)",
        arguments: [" 2026-04-13", "2026-04-13 ", "\t13.04.2026", "13-04-2026\u{00A0}", "\u{2003}2026-04-13"])
    func trims(_ text: String) {
        #expect(LocalDate.parse(text) == LocalDate(year: 2026, month: 4, day: 13))
    }

    @Test("et tidsstempel læses med datoen først, også når dagen står først")
    func timestamps() {
        #expect(UngeJSON.parseTimestamp("2026-04-13T09:30:00Z") == Date(timeIntervalSince1970: 1_776_072_600))
        #expect(UngeJSON.parseTimestamp("2026-02-30T09:30:00Z") == nil)
        #expect(UngeJSON.parseTimestamp("1800-04-13T09:30:00Z") == nil)
        #expect(UngeJSON.parseTimestamp("13-04-2026T09:30:00Z") == Date(timeIntervalSince1970: 1_776_072_600))
    }

    @Test(
        "ugyldige datoer afvises",
        arguments: [
            "2026-02-30", "2026-13-01", "13/04/2026", "", "2026-4-13", "abcd-ef-gh", "2026-04-1x", " 2026-04-13x",
            "1800-01-01",
        ])
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
