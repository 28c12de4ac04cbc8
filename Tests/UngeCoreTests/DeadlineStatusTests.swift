import Foundation
import Testing

@testable import UngeCore

/// The one rule of a deadline's state (`Deadline.status`): met only by something that happened on
/// or before the due moment, met late with how late, lapsed with a reason; `frister` and next steps
/// agree because both ask it. Each boundary is tested on both sides, so flipping one comparison
/// (`<` to `<=`) fails a test.
@Suite("Fristens status: opfyldt, for sent, bortfaldet, overskredet")
struct DeadlineStatusTests {
    typealias S = NotificationTestSupport
    static let tz = DanishTime.timeZone

    /// A 24-hour assessment of a notification received 1 December 2026 at 10.15: due 2 December 10.15.
    static func assessment(metAt: Date? = nil) -> Deadline {
        Deadline(
            id: "underretning-1-vurdering", kind: .assessment, title: "Vurdering", counting: .hours,
            dueDate: LocalDate(year: 2026, month: 12, day: 2)!, dueTime: S.at(2026, 12, 2, 10, 15),
            rule: .assessment24h, ruleDate: LocalDate(year: 2026, month: 12, day: 1)!, metAt: metAt)
    }

    /// A plan due 15 April 2026 (calendar).
    static func plan(metAt: Date? = nil, lapse: String? = nil) -> Deadline {
        Deadline(
            id: "afgoerelse-A1-plan", kind: .plan, title: "Plan", counting: .months,
            dueDate: LocalDate(year: 2026, month: 4, day: 15)!, rule: .followUp,
            ruleDate: LocalDate(year: 2026, month: 1, day: 15)!, metAt: metAt, lapseReason: lapse)
    }

    @Test("24-timersfristen: vurderet præcis på minuttet er rettidigt, et minut senere er for sent (1 time)")
    func exactMinute() {
        let later = S.at(2026, 12, 5, 12, 0)
        #expect(Self.assessment(metAt: S.at(2026, 12, 2, 10, 15)).status(now: later, timeZone: Self.tz).state == .met)
        let late = Self.assessment(metAt: S.at(2026, 12, 2, 10, 16)).status(now: later, timeZone: Self.tz)
        #expect(late.state == .metLate)
        #expect(late.hoursLate == 1)
        #expect(late.daysLate == nil)
        #expect(late.danish == "opfyldt for sent (1 time)")
        // The example: assessed at 12.00 against a 10.15 deadline is late, two started hours.
        let noon = Self.assessment(metAt: S.at(2026, 12, 2, 12, 0)).status(now: later, timeZone: Self.tz)
        #expect(noon.state == .metLate)
        #expect(noon.hoursLate == 2)
    }

    @Test("24-timersfristen uden opfyldelse: på minuttet snart, et minut efter overskredet")
    func exactMinuteOpen() {
        let d = Self.assessment()
        #expect(d.status(now: S.at(2026, 12, 2, 10, 15), timeZone: Self.tz).state == .dueSoon)
        #expect(d.status(now: S.at(2026, 12, 2, 10, 16), timeZone: Self.tz).state == .overdue)
        // Exactly 24 hours before: due soon; a minute earlier: open.
        #expect(d.status(now: S.at(2026, 12, 1, 10, 15), timeZone: Self.tz).state == .dueSoon)
        #expect(d.status(now: S.at(2026, 12, 1, 10, 14), timeZone: Self.tz).state == .open)
    }

    @Test("datofrist: opfyldt på dagen er rettidigt, dagen efter er for sent med antal dage")
    func dateBoundary() {
        let now = S.at(2026, 12, 7, 12, 0)
        #expect(Self.plan(metAt: S.at(2026, 4, 15, 23, 59)).status(now: now, timeZone: Self.tz).state == .met)
        let late = Self.plan(metAt: S.at(2026, 4, 16, 0, 1)).status(now: now, timeZone: Self.tz)
        #expect(late.state == .metLate)
        #expect(late.daysLate == 1)
        // 84 days late is not "opfyldt".
        let long = Self.plan(metAt: S.at(2026, 7, 8, 9, 0)).status(now: now, timeZone: Self.tz)
        #expect(long.danish == "opfyldt for sent (84 dage)")
        // Unmet: the due day is "snart", the day after overdue, the day before open.
        #expect(Self.plan().status(now: S.at(2026, 4, 15, 23, 59), timeZone: Self.tz).state == .dueSoon)
        #expect(Self.plan().status(now: S.at(2026, 4, 16, 0, 0), timeZone: Self.tz).state == .overdue)
        #expect(Self.plan().status(now: S.at(2026, 4, 14, 23, 59), timeZone: Self.tz).state == .open)
    }

    @Test("en planlagt dato (efter nu) opfylder aldrig en frist")
    func plannedNeverMeets() {
        let planned = Self.plan(metAt: S.at(2026, 4, 10, 12, 0))
        #expect(planned.status(now: S.at(2026, 4, 1, 12, 0), timeZone: Self.tz).state == .open)
        #expect(planned.status(now: S.at(2026, 4, 10, 11, 59), timeZone: Self.tz).state == .open)
        #expect(planned.status(now: S.at(2026, 4, 10, 12, 0), timeZone: Self.tz).state == .met)
    }

    @Test("bortfaldet: med grunden, eller fordi sagen er lukket; opfyldt går forud")
    func lapsed() {
        let now = S.at(2026, 12, 7, 12, 0)
        let ended = Self.plan(lapse: "afgørelse A1 er afsluttet 01.03.2026").status(now: now, timeZone: Self.tz)
        #expect(ended.state == .lapsed)
        #expect(ended.lapseReason == "afgørelse A1 er afsluttet 01.03.2026")
        let closed = Self.plan().status(
            now: now, timeZone: Self.tz, closedDate: LocalDate(year: 2026, month: 3, day: 1)!)
        #expect(closed.state == .lapsed)
        #expect(closed.lapseReason == "sagen blev lukket 01.03.2026")
        let metAnyway = Self.plan(metAt: S.at(2026, 4, 1, 9, 0), lapse: "x").status(now: now, timeZone: Self.tz)
        #expect(metAnyway.state == .met)
    }

    @Test("en påmindelse (overgang til 18) er aldrig overskredet")
    func reminder() {
        var d = Self.plan()
        d.kind = .transitionAt18
        #expect(d.status(now: S.at(2026, 12, 7, 12, 0), timeZone: Self.tz).state == .dueSoon)
        #expect(d.status(now: S.at(2026, 4, 1, 12, 0), timeZone: Self.tz).state == .open)
    }

    @Test("frister og næste skridt er enige om overskredet, også på minuttet")
    func overviewAndNextStepsAgree() throws {
        var file = CaseFile(
            id: CaseID("2026-0001")!, created: S.at(2026, 12, 1, 10, 0),
            youngPerson: YoungPerson(name: "Ida Test", birthDate: LocalDate(year: 2011, month: 1, day: 1)))
        file.deadlines = [Self.assessment()]
        for (minute, overdue) in [(15, false), (16, true)] {
            let now = S.at(2026, 12, 2, 10, minute)
            let rows = DeadlineOverview.rows(cases: [file], includeMet: false, now: now, timeZone: Self.tz) { _, _ in 0
            }
            let steps = NextSteps.compute(for: file, now: now, timeZone: Self.tz)
            let row = try #require(rows.first)
            let step = try #require(steps.first { $0.deadlineID == "underretning-1-vurdering" })
            #expect((row.state == .overdue) == overdue)
            #expect(step.overdue == overdue)
        }
    }

    @Test("et for sent opfyldt frist står i frister ved de overskredne, en rettidig ikke")
    func overviewListsMetLate() {
        var file = CaseFile(
            id: CaseID("2026-0001")!, created: S.at(2026, 1, 1, 10, 0),
            youngPerson: YoungPerson(name: "Ida Test", birthDate: LocalDate(year: 2011, month: 1, day: 1)))
        var onTime = Self.plan(metAt: S.at(2026, 4, 15, 9, 0))
        onTime.id = "a"
        var late = Self.plan(metAt: S.at(2026, 7, 8, 9, 0))
        late.id = "b"
        file.deadlines = [onTime, late]
        let rows = DeadlineOverview.rows(
            cases: [file], includeMet: false, now: S.at(2026, 7, 9, 9, 0), timeZone: Self.tz
        ) { _, _ in 0 }
        #expect(rows.map(\.deadlineID) == ["b"])
        #expect(rows.first?.state == .metLate)
        #expect(rows.first?.daysLate == 84)
        #expect(rows.first?.timeLeftText == "opfyldt for sent (84 dage)")
        #expect(file.openDeadlines.isEmpty)
    }

    @Test("en hændelses dato: ikke i fremtiden, ikke før det, den følger")
    func eventDate() {
        let today = LocalDate(year: 2026, month: 12, day: 7)!
        #expect(throws: Never.self) { try EventDate.check(today, what: "Starten", today: today) }
        #expect(throws: EventDate.Problem.self) {
            try EventDate.check(today.adding(days: 1), what: "Starten", today: today)
        }
        #expect(throws: Never.self) {
            try EventDate.check(today, what: "Starten", today: today, notBefore: today, notBeforeName: "afgørelsen")
        }
        #expect(throws: EventDate.Problem.self) {
            try EventDate.check(
                today.adding(days: -1), what: "Starten", today: today, notBefore: today, notBeforeName: "afgørelsen")
        }
    }
}
