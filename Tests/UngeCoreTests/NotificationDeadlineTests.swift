import Foundation
import Testing

@testable import UngeCore

@Suite("Underretning: frister")
struct NotificationDeadlineTests {
    typealias S = NotificationTestSupport

    static func deadlines(received: Date, professional: Bool = true, calendar: DanishCalendar = DanishCalendar())
        -> [Deadline]
    {
        let report = ConcernReport(
            number: 1, received: received, reporter: Reporter(name: "X", isProfessional: professional))
        return NotificationDeadlines.compute(for: report, timeZone: S.copenhagen, calendar: calendar)
    }

    static func receipt(_ y: Int, _ m: Int, _ d: Int, calendar: DanishCalendar = DanishCalendar()) -> LocalDate {
        deadlines(received: S.at(y, m, d, 10, 0), calendar: calendar).first { $0.kind == .receipt }!.dueDate
    }

    @Test(
        "kvittering senest 6 hverdage efter modtagelsen",
        arguments: [
            // received (y, m, d), due (y, m, d), why
            ((2026, 4, 13), (2026, 4, 21), "en almindelig uge med en weekend"),
            ((2026, 4, 17), (2026, 4, 27), "modtaget en fredag"),
            ((2026, 4, 18), (2026, 4, 27), "modtaget en lørdag: tællingen starter mandag"),
            ((2026, 3, 31), (2026, 4, 13), "påske 2026: skærtorsdag, langfredag og 2. påskedag springes over"),
            ((2026, 4, 1), (2026, 4, 14), "onsdag før påske"),
            ((2026, 5, 12), (2026, 5, 21), "Kristi himmelfartsdag 14. maj"),
            ((2026, 5, 20), (2026, 5, 29), "2. pinsedag 25. maj"),
            (
                (2026, 12, 22), (2026, 12, 31),
                "jul: juledag 25/12 og weekenden springes over; juleaften tæller som hverdag"
            ),
            ((2026, 12, 28), (2027, 1, 6), "nytår: nytårsdag 1/1 og weekenden springes over"),
            ((2026, 12, 18), (2026, 12, 29), "juledagene 25. og 26. december"),
            ((2023, 5, 3), (2023, 5, 12), "2023: store bededag 5. maj var en helligdag"),
            ((2024, 4, 24), (2024, 5, 2), "2024: store bededag 26. april er en almindelig hverdag"),
        ])
    func receipt(_ received: (Int, Int, Int), _ due: (Int, Int, Int), _ why: String) {
        #expect(Self.receipt(received.0, received.1, received.2) == S.day(due.0, due.1, due.2), Comment(rawValue: why))
    }

    @Test("med lukkedage tæller 24/12 og 31/12 heller ikke")
    func closingDays() {
        #expect(Self.receipt(2026, 12, 22, calendar: DanishCalendar(alsoClosed: true)) == S.day(2027, 1, 5))
        #expect(Self.receipt(2026, 6, 3, calendar: DanishCalendar(alsoClosed: true)) == S.day(2026, 6, 12))
        #expect(Self.receipt(2026, 6, 3) == S.day(2026, 6, 11))
    }

    @Test("vurderingen er 24 klokketimer efter modtagelsen, også hen over weekend og helligdag")
    func assessment24h() throws {
        let received = S.at(2026, 4, 2, 16, 45)  // skærtorsdag
        let a = try #require(Self.deadlines(received: received).first)
        #expect(a.kind == .assessment && a.counting == .hours)
        #expect(a.dueTime == S.at(2026, 4, 3, 16, 45))
        #expect(a.dueDate == S.day(2026, 4, 3))
        #expect(a.id == "underretning-1-vurdering")
    }

    @Test("24 timer er 24 timer, også når sommertiden begynder")
    func assessmentAcrossDST() throws {
        // Summer time began 29 March 2026 at 02:00: 24 hours after Saturday 10:00 is Sunday 11:00.
        let a = try #require(Self.deadlines(received: S.at(2026, 3, 28, 10, 0)).first)
        #expect(a.dueTime == S.at(2026, 3, 29, 11, 0))
        #expect(LocalTime.clock(of: a.dueTime!, in: S.copenhagen) == "11.00")
    }

    @Test("modtaget sent om aftenen: vurderingen falder næste dag, kvitteringen tæller fra modtagelsesdagen")
    func lateEvening() {
        let d = Self.deadlines(received: S.at(2026, 4, 13, 23, 30))
        #expect(d[0].dueDate == S.day(2026, 4, 14))
        #expect(d[1].dueDate == S.day(2026, 4, 21))
        #expect(d[1].ruleDate == S.day(2026, 4, 13))
    }

    /// SEL 2023 § 155 b: "Kommunalbestyrelsen skal senest 6 hverdage efter modtagelsen af en underretning
    /// efter §§ 152-154 bekræfte modtagelsen ..."; "Stk. 2. Kommunalbestyrelsen skal orientere den, der har
    /// foretaget underretning efter § 153, om, hvorvidt den har iværksat en undersøgelse eller foranstaltninger".
    /// BL § 138 stk. 1-2 says the same for §§ 132, 133 and 135.
    @Test(
        "2023 citerer serviceloven, 2024 barnets lov",
        arguments: [
            (2023, "serviceloven § 155, stk. 2", "serviceloven § 155 b, stk. 1", "serviceloven § 155 b, stk. 2"),
            (
                2024, "barnets lov § 136, stk. 2 (tidl. serviceloven § 155, stk. 2)",
                "barnets lov § 138, stk. 1 (tidl. serviceloven § 155 b, stk. 1)",
                "barnets lov § 138, stk. 2 (tidl. serviceloven § 155 b, stk. 2)"
            ),
        ])
    func citationByYear(_ year: Int, _ assessment: String, _ receipt: String, _ feedback: String) {
        let d = Self.deadlines(received: S.at(year, 12, 31, 12, 0))
        #expect(d.map(\.legalRule) == [.assessment24h, .receipt, .notifierFeedback])
        let cite = d.map { $0.citation(age: 15) }
        #expect(cite == [assessment, receipt, feedback])
    }

    @Test("nytårsaften 2023 kl. 23.30: reglen er fra 2023, selv om fristen falder i 2024")
    func newYearsEveRuleDate() {
        let d = Self.deadlines(received: S.at(2023, 12, 31, 23, 30))
        #expect(d[0].ruleDate == S.day(2023, 12, 31))
        #expect(d[0].dueDate == S.day(2024, 1, 1))
        #expect(d[1].dueDate == S.day(2024, 1, 9))
    }

    /// BL § 138 stk. 1: "Kommunalbestyrelsen skal senest 6 hverdage efter modtagelsen af en underretning efter
    /// §§ 132, 133 og 135 bekræfte modtagelsen af underretningen over for den, der foretog underretningen."
    /// Stk. 2 (orientering) concerns only a § 133 notifier.
    @Test("en privatperson får kvittering, men ingen orienteringsopgave")
    func privateReceipt() {
        let d = Self.deadlines(received: S.at(2026, 4, 13, 9, 0), professional: false)
        #expect(d.map(\.kind) == [.assessment, .receipt])
        #expect(d[1].dueDate == S.day(2026, 4, 21))
    }

    /// AUDIT row 26: SEL 2023 § 155 b stk. 2 »Kommunalbestyrelsen skal orientere den, der har foretaget underretning
    /// efter § 153«: the duty came with § 155 b (the receipt's paragraph), not on 16 August 2023; SEL 2012 § 153
    /// stk. 3 gave it only on request.
    @Test(
        "række 26: orienteringen følger § 155 b: også før 16. august 2023, ikke i 2012",
        arguments: [(2013, 6, false), (2015, 6, true), (2023, 6, true), (2023, 9, true)])
    func feedbackBySel155b(_ year: Int, _ month: Int, _ task: Bool) {
        let d = Self.deadlines(received: S.at(year, month, 1, 9, 0))
        #expect(d.contains { $0.kind == .notifierFeedback } == task)
        if task {
            #expect(d.first { $0.kind == .notifierFeedback }?.citation(age: 15) == "serviceloven § 155 b, stk. 2")
        }
    }

    @Test("en fagperson får kvittering og en åben opgave om orientering (§ 138 stk. 2)")
    func professionalFeedbackTask() {
        let d = Self.deadlines(received: S.at(2026, 4, 13, 9, 0))
        #expect(d.map(\.kind) == [.assessment, .receipt, .notifierFeedback])
        #expect(d[2].counting == .task)
        #expect(d[2].id == "underretning-1-orientering")
        #expect(d[2].citation(age: 15) == "barnets lov § 138, stk. 2 (tidl. serviceloven § 155 b, stk. 2)")
    }

    @Test("registrering nummererer, gemmer fristerne og skriver i journalen")
    func registration() throws {
        let draft = try S.draft("eksempel.json")
        var c = CaseFile(id: CaseID("2026-0042")!, created: S.at(2026, 4, 1, 9, 0), youngPerson: draft.youngPerson)
        let r1 = ConcernRegistration.register(
            draft, on: &c, received: S.at(2026, 4, 1, 9, 30), now: S.at(2026, 4, 1, 10, 0), author: "lene",
            timeZone: S.copenhagen, calendar: S.calendar)
        let r2 = ConcernRegistration.register(
            draft, on: &c, received: S.at(2026, 4, 20, 8, 0), now: S.at(2026, 4, 20, 8, 5), author: "lene",
            timeZone: S.copenhagen, calendar: S.calendar)
        #expect(r1.number == 1 && r2.number == 2)
        #expect(
            r1.deadlineIDs == ["underretning-1-vurdering", "underretning-1-kvittering", "underretning-1-orientering"])
        #expect(c.deadlines.map(\.id) == r1.deadlineIDs + r2.deadlineIDs)
        #expect(c.deadlines[1].dueDate == S.day(2026, 4, 14))
        #expect(
            c.journal.map(\.text) == [
                "Underretning nr. 1 registreret, modtaget 01.04.2026 kl. 09.30 fra Lise Lærer (klasselærer).",
                "Underretning nr. 2 registreret, modtaget 20.04.2026 kl. 08.00 fra Lise Lærer (klasselærer).",
            ])
        #expect(c.status == .notified)
        // Round trip through the store's JSON.
        let data = try UngeJSON.encoder().encode(c)
        #expect(try UngeJSON.decoder().decode(CaseFile.self, from: data) == c)
    }

    // MARK: Pinned by a mutation run: the Danish date, not the UTC one, decides.

    /// 00:30 on 17 April 2026 in Denmark is 22:30 UTC on 16 April: the rule date and the receipt count from
    /// the Danish date (BL § 138 stk. 1: "senest 6 hverdage efter modtagelsen").
    @Test("modtaget 00.30 dansk tid 17. april 2026: regeldato og kvittering efter den danske dato")
    func afterMidnight2026() {
        let received = S.at(2026, 4, 17, 0, 30)
        #expect(UngeJSON.formatTimestamp(received) == "2026-04-16T22:30:00Z")
        let d = Self.deadlines(received: received)
        #expect(d.allSatisfy { $0.ruleDate == S.day(2026, 4, 17) })
        #expect(d[1].dueDate == S.day(2026, 4, 27))
        #expect(d[0].citation(age: 15) == "barnets lov § 136, stk. 2 (tidl. serviceloven § 155, stk. 2)")
    }

    /// 00:30 on 1 January 2024 in Denmark is still 31 December 2023 in UTC: barnets lov applies (in force from
    /// 1 January 2024), and the receipt skips nytårsdag.
    @Test("modtaget 00.30 dansk tid 1. januar 2024: barnets lov, ikke serviceloven")
    func afterMidnightNewYear2024() {
        let received = S.at(2024, 1, 1, 0, 30)
        #expect(UngeJSON.formatTimestamp(received) == "2023-12-31T23:30:00Z")
        let d = Self.deadlines(received: received)
        #expect(d[0].ruleDate == S.day(2024, 1, 1))
        #expect(d[0].citation(age: 15) == "barnets lov § 136, stk. 2 (tidl. serviceloven § 155, stk. 2)")
        #expect(d[1].citation(age: 15) == "barnets lov § 138, stk. 1 (tidl. serviceloven § 155 b, stk. 1)")
        #expect(d[1].dueDate == S.day(2024, 1, 9))
    }

    /// BL § 136 stk. 2: "senest 24 timer efter modtagelsen" – the stored due date is the Danish date of that
    /// instant: received 01:30 Danish time on 17 April, due 01:30 on 18 April (still 17 April in UTC).
    @Test("vurderingens gemte dueDate er den danske dato for dueTime")
    func assessmentDueDateIsDanish() {
        let d = Self.deadlines(received: S.at(2026, 4, 17, 1, 30))
        #expect(UngeJSON.formatTimestamp(d[0].dueTime!) == "2026-04-17T23:30:00Z")
        #expect(d[0].dueDate == S.day(2026, 4, 18))
    }

    /// BL § 133 concerns "et barn eller en ung under 18 år": the adult warning appears on the 18th birthday, not
    /// the day before.
    @Test("advarslen om en voksen kommer på 18-årsdagen, ikke dagen før")
    func adultWarningOnBirthday() throws {
        let draft = try S.draft("eksempel.json")
        let person = YoungPerson(name: "Test", birthDate: S.day(2008, 4, 17))
        #expect(ConcernReportRules.ageFindings(draft, youngPerson: person, on: S.day(2026, 4, 16)).isEmpty)
        let on = ConcernReportRules.ageFindings(draft, youngPerson: person, on: S.day(2026, 4, 17))
        #expect(on.map(\.ruleID) == ["underret.alder"])
        #expect(on[0].message.hasPrefix("Den unge er 18 år."))
    }
}
