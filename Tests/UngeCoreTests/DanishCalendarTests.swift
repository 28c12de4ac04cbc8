import Foundation
import Testing

@testable import UngeCore

/// Any year LocalDate holds (parsing accepts only `LocalDate.supportedYears`; the Easter checks
/// reach 1818 and 2285).
private func date(_ iso: String) -> LocalDate {
    let p = iso.split(separator: "-").compactMap { Int($0) }
    guard p.count == 3, let d = LocalDate(year: p[0], month: p[1], day: p[2]) else {
        fatalError("bad test date \(iso)")
    }
    return d
}

/// One row of LAW.md's table of Easter-dependent holidays ("d/m").
struct EasterRow: Sendable, CustomTestStringConvertible {
    let year: Int
    let columns: [String]
    var testDescription: String { String(year) }
}

@Suite("Helligdage og hverdage")
struct DanishCalendarTests {
    let calendar = DanishCalendar()
    let closed = DanishCalendar(alsoClosed: true)

    // MARK: Easter and the holiday list

    static let lawTable: [EasterRow] = [
        EasterRow(year: 2024, columns: ["28/3", "29/3", "31/3", "1/4", "9/5", "19/5", "20/5"]),
        EasterRow(year: 2025, columns: ["17/4", "18/4", "20/4", "21/4", "29/5", "8/6", "9/6"]),
        EasterRow(year: 2026, columns: ["2/4", "3/4", "5/4", "6/4", "14/5", "24/5", "25/5"]),
        EasterRow(year: 2027, columns: ["25/3", "26/3", "28/3", "29/3", "6/5", "16/5", "17/5"]),
        EasterRow(year: 2028, columns: ["13/4", "14/4", "16/4", "17/4", "25/5", "4/6", "5/6"]),
    ]

    @Test(
        "hverdage mellem to datoer: det samme som at gå dag for dag med de lukkede dage (også over nytår og baglæns)",
        arguments: [false, true])
    func workingDaysAgreeWithClosedDays(alsoClosed: Bool) {
        let calendar = DanishCalendar(alsoClosed: alsoClosed)
        func walked(_ from: LocalDate, _ to: LocalDate) -> Int {
            if to < from { return -walked(to, from) }
            var n = 0
            var day = from
            while day < to {
                day = day.adding(days: 1)
                if calendar.closedReason(day) == nil { n += 1 }
            }
            return n
        }
        let starts = ["2026-12-20", "2026-03-27", "2027-04-01", "2026-06-04", "2024-02-28", "2026-01-01"].map(date)
        for start in starts {
            for span in [0, 1, 2, 5, 6, 7, 13, 40, 200, 400, -1, -9, -370] {
                let end = start.adding(days: span)
                #expect(calendar.workingDays(from: start, to: end) == walked(start, end), "\(start) + \(span)")
            }
        }
    }

    @Test("påsketabellen i LAW.md 2024-2028, alle kolonner", arguments: lawTable)
    func lawEasterTable(_ row: EasterRow) {
        let ids = [
            "maundyThursday", "goodFriday", "easterSunday", "easterMonday", "ascensionDay", "whitSunday", "whitMonday",
        ]
        let byID = Dictionary(uniqueKeysWithValues: calendar.holidays(in: row.year).map { ($0.id, $0) })
        let found = ids.map { id in byID[id].map { "\($0.date.day)/\($0.date.month)" } ?? "mangler" }
        #expect(found == row.columns)
        #expect(byID.values.allSatisfy { $0.date.year == row.year })
    }

    @Test(
        "kendte påskedage",
        arguments: [
            (1900, "1900-04-15"), (2000, "2000-04-23"), (2038, "2038-04-25"), (2200, "2200-04-06"),
            (2285, "2285-03-22"), (1818, "1818-03-22"), (1943, "1943-04-25"),
        ])
    func knownEasters(_ year: Int, _ iso: String) {
        #expect(Easter.sunday(year: year) == date(iso))
        #expect(Easter.sunday(year: year).isoWeekday == 7)
    }

    /// Easter 1900-2200 as days after 22 March, computed once with python3 `dateutil.easter`
    /// (an independent implementation) and pasted here.
    static let dateutilOffsets: [Int] = [
        24, 16, 8, 21, 12, 32, 24, 9, 28, 20, 5, 25, 16, 1, 21, 13, 32, 17, 9, 29, 13, 5, 25, 10, 29,
        21, 13, 26, 17, 9, 29, 14, 5, 25, 10, 30, 21, 6, 26, 18, 2, 22, 14, 34, 18, 10, 30, 15, 6, 26,
        18, 3, 22, 14, 27, 19, 10, 30, 15, 7, 26, 11, 31, 23, 7, 27, 19, 4, 23, 15, 7, 20, 11, 31, 23,
        8, 27, 19, 4, 24, 15, 28, 20, 12, 31, 16, 8, 28, 12, 4, 24, 9, 28, 20, 12, 25, 16, 8, 21, 13,
        32, 24, 9, 29, 20, 5, 25, 17, 1, 21, 13, 33, 17, 9, 29, 14, 5, 25, 10, 30, 21, 13, 26, 18, 9,
        29, 14, 6, 25, 10, 30, 22, 6, 26, 18, 3, 22, 14, 34, 19, 10, 30, 15, 7, 26, 18, 3, 23, 14, 27,
        19, 11, 30, 15, 7, 27, 11, 31, 23, 8, 27, 19, 4, 24, 15, 7, 20, 12, 31, 23, 8, 28, 19, 4, 24,
        16, 28, 20, 12, 32, 16, 8, 28, 13, 4, 24, 9, 29, 20, 12, 25, 17, 8, 21, 13, 33, 24, 9, 29, 21,
        6, 26, 18, 3, 22, 14, 27, 19, 10, 30, 15, 7, 26, 11, 31, 23, 7, 27, 19, 4, 23, 15, 7, 20, 11,
        31, 23, 8, 27, 19, 4, 24, 15, 28, 20, 12, 31, 16, 8, 28, 12, 4, 24, 9, 28, 20, 12, 25, 16, 8,
        21, 13, 32, 24, 9, 29, 20, 5, 25, 17, 1, 21, 13, 33, 17, 9, 29, 14, 5, 25, 10, 30, 21, 13, 26,
        18, 9, 29, 14, 6, 25, 10, 30, 22, 6, 26, 18, 3, 22, 14, 34, 19, 10, 30, 15, 7, 26, 18, 3, 23, 15,
    ]

    @Test("påskedag 1900-2200 stemmer med en uafhængig beregning (dateutil)")
    func wholeSupportedRange() {
        #expect(Self.dateutilOffsets.count == DanishCalendar.supportedYears.count)
        for (year, offset) in zip(DanishCalendar.supportedYears, Self.dateutilOffsets) {
            let expected = date("\(year)-03-22").adding(days: offset)
            #expect(Easter.sunday(year: year) == expected, "år \(year)")
        }
    }

    @Test("store bededag: 5. maj 2023 er helligdag, 2024 er den afskaffet")
    func greatPrayerDay() {
        let y2023 = calendar.holidays(in: 2023)
        let y2024 = calendar.holidays(in: 2024)
        #expect(y2023.first { $0.id == "greatPrayerDay" }?.date == date("2023-05-05"))
        #expect(y2023.first { $0.id == "greatPrayerDay" }?.name == "store bededag")
        #expect(!y2024.contains { $0.id == "greatPrayerDay" })
        #expect(y2023.count == 11)
        #expect(y2024.count == 10)
        #expect(!calendar.isWorkingDay(date("2023-05-05")))
        #expect(calendar.isWorkingDay(date("2024-04-26")))  // would have been store bededag
        #expect(calendar.closedReason(date("2023-05-05")) == "store bededag")
    }

    @Test("helligdagene kommer i datoorden med danske navne")
    func sortedWithNames() {
        let names = calendar.holidays(in: 2026).map(\.name)
        #expect(
            names == [
                "nytårsdag", "skærtorsdag", "langfredag", "påskedag", "2. påskedag", "Kristi himmelfartsdag",
                "pinsedag", "2. pinsedag", "juledag", "2. juledag",
            ])
        for year in [1900, 1950, 2008, 2023, 2024, 2100, 2200] {
            let dates = closed.holidays(in: year).map(\.date)
            #expect(dates == dates.sorted(), "år \(year)")
            #expect(calendar.holidays(in: year).allSatisfy { $0.isPublicHoliday })
        }
        // 2008: Kristi himmelfartsdag fell on 1 May; 1 May itself is no helligdag.
        #expect(calendar.closedReason(date("2008-05-01")) == "Kristi himmelfartsdag")
        #expect(calendar.isWorkingDay(date("2026-05-01")))
    }

    @Test("lukkedage 5/6, 24/12 og 31/12 kun med indstillingen")
    func closingDays() {
        #expect(!calendar.holidays(in: 2026).contains { $0.id == "christmasEve" })
        let extra = closed.holidays(in: 2026).filter { !$0.isPublicHoliday }
        #expect(extra.map(\.id) == ["constitutionDay", "christmasEve", "newYearsEve"])
        #expect(extra.map(\.date) == [date("2026-06-05"), date("2026-12-24"), date("2026-12-31")])
        #expect(extra.map(\.name) == ["grundlovsdag", "juleaftensdag", "nytårsaftensdag"])

        #expect(calendar.isWorkingDay(date("2026-06-05")))
        #expect(calendar.isWorkingDay(date("2026-12-24")))
        #expect(calendar.closedReason(date("2026-12-31")) == nil)
        #expect(!closed.isWorkingDay(date("2026-06-05")))
        #expect(closed.closedReason(date("2026-12-24")) == "juleaftensdag (lukkedag)")
        #expect(closed.closedReason(date("2026-12-25")) == "juledag")
    }

    @Test("årstal uden for det understøttede område")
    func outsideRange() {
        #expect(DanishCalendar.supportedYears == 1900...2200)
        #expect(calendar.holidays(in: 2285).first { $0.id == "easterSunday" }?.date == date("2285-03-22"))
        #expect(calendar.holidays(in: 0).isEmpty)
        #expect(calendar.holidays(in: 10_000).isEmpty)
    }

    // MARK: closedReason / isWorkingDay

    @Test("lukket-årsag: weekend, helligdag eller ingen")
    func reasons() {
        #expect(calendar.closedReason(date("2026-04-18")) == "lørdag")
        #expect(calendar.closedReason(date("2026-04-19")) == "søndag")
        #expect(calendar.closedReason(date("2026-04-05")) == "påskedag")  // a Sunday
        #expect(calendar.closedReason(date("2027-12-25")) == "juledag")  // a Saturday
        #expect(calendar.closedReason(date("2026-04-20")) == nil)
        #expect(calendar.isWorkingDay(date("2026-04-20")))
        #expect(!calendar.isWorkingDay(date("2026-01-01")))
    }

    // MARK: Counting working days

    @Test("6 hverdage over påsken 2026")
    func acrossEaster() {
        let r = calendar.addingWorkingDays(6, to: date("2026-03-31"))
        #expect(r.due == date("2026-04-13"))
        #expect(
            r.skipped == [
                SkippedDay(date: date("2026-04-02"), reason: "skærtorsdag"),
                SkippedDay(date: date("2026-04-03"), reason: "langfredag"),
                SkippedDay(date: date("2026-04-04"), reason: "lørdag"),
                SkippedDay(date: date("2026-04-05"), reason: "påskedag"),
                SkippedDay(date: date("2026-04-06"), reason: "2. påskedag"),
                SkippedDay(date: date("2026-04-11"), reason: "lørdag"),
                SkippedDay(date: date("2026-04-12"), reason: "søndag"),
            ])
    }

    @Test("6 hverdage over jul og nytår 2026, med og uden lukkedage")
    func acrossChristmas() {
        let plain = calendar.addingWorkingDays(6, to: date("2026-12-22"))
        #expect(plain.due == date("2026-12-31"))
        #expect(plain.skipped.map(\.reason) == ["juledag", "2. juledag", "søndag"])

        let withClosed = closed.addingWorkingDays(6, to: date("2026-12-22"))
        #expect(withClosed.due == date("2027-01-05"))
        #expect(
            withClosed.skipped.map(\.date)
                == [
                    "2026-12-24", "2026-12-25", "2026-12-26", "2026-12-27", "2026-12-31", "2027-01-01",
                    "2027-01-02", "2027-01-03",
                ].map(date))
        #expect(withClosed.skipped.first?.reason == "juleaftensdag (lukkedag)")
        #expect(withClosed.skipped[4].reason == "nytårsaftensdag (lukkedag)")
        #expect(withClosed.skipped[5].reason == "nytårsdag")
    }

    @Test("pinse og Kristi himmelfart 2026")
    func whitsunAndAscension() {
        let whitsun = calendar.addingWorkingDays(1, to: date("2026-05-22"))
        #expect(whitsun.due == date("2026-05-26"))
        #expect(whitsun.skipped.map(\.reason) == ["lørdag", "pinsedag", "2. pinsedag"])

        let ascension = calendar.addingWorkingDays(1, to: date("2026-05-13"))
        #expect(ascension.due == date("2026-05-15"))
        #expect(ascension.skipped == [SkippedDay(date: date("2026-05-14"), reason: "Kristi himmelfartsdag")])
    }

    @Test("en weekend springes over")
    func weekend() {
        let r = calendar.addingWorkingDays(1, to: date("2026-04-17"))
        #expect(r.due == date("2026-04-20"))
        #expect(r.skipped.map(\.reason) == ["lørdag", "søndag"])
        // Counting starts the day after: an event on a Saturday, 1 working day -> Monday.
        #expect(calendar.addingWorkingDays(1, to: date("2026-04-18")).due == date("2026-04-20"))
        #expect(calendar.addingWorkingDays(5, to: date("2026-04-20")).due == date("2026-04-27"))
    }

    @Test("store bededag gør forskellen mellem 2023 og 2024")
    func greatPrayerDayCount() {
        let y2023 = calendar.addingWorkingDays(6, to: date("2023-05-01"))
        #expect(y2023.due == date("2023-05-10"))
        #expect(y2023.skipped.map(\.reason) == ["store bededag", "lørdag", "søndag"])

        let y2024 = calendar.addingWorkingDays(6, to: date("2024-04-22"))
        #expect(y2024.due == date("2024-04-30"))
        #expect(y2024.skipped.map(\.reason) == ["lørdag", "søndag"])
    }

    @Test("grundlovsdag er en hverdag, medmindre indstillingen lukker den")
    func constitutionDay() {
        #expect(calendar.addingWorkingDays(1, to: date("2026-06-04")).due == date("2026-06-05"))
        let r = closed.addingWorkingDays(1, to: date("2026-06-04"))
        #expect(r.due == date("2026-06-08"))
        #expect(r.skipped.first == SkippedDay(date: date("2026-06-05"), reason: "grundlovsdag (lukkedag)"))
    }

    @Test("skuddag 29. februar 2028")
    func leapDay() {
        #expect(calendar.isWorkingDay(date("2028-02-29")))
        #expect(calendar.addingWorkingDays(1, to: date("2028-02-28")).due == date("2028-02-29"))
        let r = calendar.addingWorkingDays(2, to: date("2028-02-25"))
        #expect(r.due == date("2028-02-29"))
        #expect(r.skipped.map(\.reason) == ["lørdag", "søndag"])
        #expect(calendar.addingCalendarDays(1, to: date("2028-02-28")) == date("2028-02-29"))
        #expect(calendar.addingCalendarDays(1, to: date("2027-02-28")) == date("2027-03-01"))
        #expect(calendar.workingDays(from: date("2028-02-28"), to: date("2028-03-01")) == 2)
    }

    @Test("0 hverdage: samme dag, eller næste hverdag")
    func zero() {
        let working = calendar.addingWorkingDays(0, to: date("2026-04-14"))
        #expect(working == WorkingDayResult(due: date("2026-04-14"), skipped: []))
        let saturday = calendar.addingWorkingDays(0, to: date("2026-04-04"))
        #expect(saturday.due == date("2026-04-07"))
        #expect(saturday.skipped.map(\.reason) == ["lørdag", "påskedag", "2. påskedag"])
    }

    @Test("negativt antal hverdage tæller baglæns")
    func backwards() {
        let r = calendar.addingWorkingDays(-2, to: date("2026-04-07"))
        #expect(r.due == date("2026-03-31"))
        #expect(
            r.skipped.map(\.date) == ["2026-04-02", "2026-04-03", "2026-04-04", "2026-04-05", "2026-04-06"].map(date))
    }

    @Test("kalenderdage tæller alle dage")
    func calendarDays() {
        #expect(calendar.addingCalendarDays(14, to: date("2026-12-20")) == date("2027-01-03"))
        #expect(calendar.addingCalendarDays(-1, to: date("2026-01-01")) == date("2025-12-31"))
    }

    @Test("hverdage mellem to datoer (tid tilbage)")
    func between() {
        #expect(calendar.workingDays(from: date("2026-03-31"), to: date("2026-04-13")) == 6)
        #expect(calendar.workingDays(from: date("2026-04-13"), to: date("2026-03-31")) == -6)
        #expect(calendar.workingDays(from: date("2026-04-13"), to: date("2026-04-13")) == 0)
        #expect(calendar.workingDays(from: date("2026-04-17"), to: date("2026-04-19")) == 0)
        #expect(calendar.workingDays(from: date("2026-04-20"), to: date("2026-04-17")) == -1)
    }

    @Test("at lægge n hverdage til og tælle dem tilbage giver n", arguments: [0, 1, 2, 5, 6, 10, 23, 60])
    func roundTrip(_ n: Int) {
        var start = date("2022-12-15")
        while start < date("2024-01-20") {
            for cal in [calendar, closed] {
                let due = cal.addingWorkingDays(n, to: start).due
                #expect(cal.isWorkingDay(due))
                if n > 0 {
                    #expect(cal.workingDays(from: start, to: due) == n)
                    #expect(cal.workingDays(from: start, to: due.adding(days: -1)) == n - 1)
                }
            }
            start = start.adding(days: 3)
        }
    }

    // MARK: Coding

    @Test("helligdage gemmes og læses som JSON")
    func json() throws {
        let h = closed.holidays(in: 2026)
        let data = try UngeJSON.encoder().encode(h)
        let decoded = try UngeJSON.decoder().decode([PublicHoliday].self, from: data)
        #expect(decoded == h)
        let old = Data(#"{"date":"2026-12-25","id":"christmasDay","name":"juledag"}"#.utf8)
        let oldHoliday = try UngeJSON.decoder().decode(PublicHoliday.self, from: old)
        #expect(oldHoliday.isPublicHoliday)
    }
}
