import Foundation
import Testing

@testable import UngeCore

@Suite("Opbevaringsregler")
struct RetentionTests {
    static let created = Date(timeIntervalSince1970: 1_776_000_000)

    static func closedCase(_ id: String, closed: String?, anonymous: Bool = false, report: Bool = false) -> CaseFile {
        var c = CaseFile(
            id: CaseID(id)!, created: created,
            youngPerson: anonymous ? YoungPerson(anonymous: true) : YoungPerson(name: "Testa Testesen"))
        c.closedDate = closed.flatMap(LocalDate.parse)
        if report {
            c.concernReports.append(
                ConcernReport(
                    number: 1, received: created,
                    reporter: Reporter(name: "Skolen", isProfessional: true), situation: "Bekymring"))
        }
        return c
    }

    @Test(
        "perioder læses i år og måneder",
        arguments: [
            ("5 år", 5, 0), ("5år", 5, 0), ("18 måneder", 0, 18), ("18 mdr", 0, 18), ("2 år 6 måneder", 2, 6),
            ("1 måned", 0, 1),
        ])
    func parse(text: String, years: Int, months: Int) throws {
        let p = try #require(RetentionPeriod.parse(text))
        #expect(p.years == years && p.months == months)
    }

    @Test("ugyldige perioder afvises", arguments: ["", "0 år", "fem år", "5", "-1 år", "101 år", "5 uger"])
    func invalid(text: String) {
        #expect(RetentionPeriod.parse(text) == nil)
    }

    @Test("slags: anonym rådgivning, underretning uden indsats, lukket sag; åbne sager er aldrig med")
    func kinds() {
        #expect(RetentionKind.of(Self.closedCase("2026-0001", closed: nil)) == nil)
        #expect(RetentionKind.of(Self.closedCase("2026-0002", closed: "2026-05-01")) == .closedCase)
        #expect(
            RetentionKind.of(Self.closedCase("2026-0003", closed: "2026-05-01", anonymous: true))
                == .anonymousCounselling)
        #expect(
            RetentionKind.of(Self.closedCase("2026-0004", closed: "2026-05-01", report: true))
                == .notificationWithoutMeasure)
    }

    @Test("uden perioder er intet udløbet, og reglerne er ufuldstændige")
    func empty() {
        let rules = RetentionRules()
        #expect(!rules.isComplete)
        #expect(rules.missing == RetentionKind.allCases)
        let s = Retention.statuses(
            of: [Self.closedCase("2026-0002", closed: "2020-01-01")], rules: rules,
            on: LocalDate(year: 2031, month: 1, day: 1)!)
        #expect(s.count == 1)
        #expect(s.first?.due == nil)
        #expect(s.first?.isDue == false)
    }

    @Test("udløbsdagen er lukkedagen plus perioden, og dagen selv tæller med")
    func due() throws {
        let rules = RetentionRules(
            closedCase: RetentionPeriod(years: 5), anonymousCounselling: RetentionPeriod(months: 6),
            notificationWithoutMeasure: RetentionPeriod(years: 2))
        let cases = [
            Self.closedCase("2026-0002", closed: "2026-05-01"),
            Self.closedCase("2026-0003", closed: "2026-05-01", anonymous: true),
            Self.closedCase("2026-0004", closed: "2026-05-01", report: true),
            Self.closedCase("2026-0005", closed: nil),
        ]
        let s = Retention.statuses(of: cases, rules: rules, on: LocalDate(year: 2028, month: 5, day: 1)!)
        #expect(s.map(\.id.rawValue) == ["2026-0003", "2026-0004", "2026-0002"])
        #expect(s.map(\.isDue) == [true, true, false])
        #expect(s[0].due == LocalDate(year: 2026, month: 11, day: 1))
        #expect(s[1].due == LocalDate(year: 2028, month: 5, day: 1))
    }

    @Test("reglerne skrives altid med alle tre nøgler (skabelonen)")
    func template() throws {
        let json = String(decoding: try UngeJSON.encoder().encode(RetentionRules()), as: UTF8.self)
        for key in ["closedCase", "anonymousCounselling", "notificationWithoutMeasure"] {
            #expect(json.contains("\"\(key)\" : null"))
        }
    }
}
