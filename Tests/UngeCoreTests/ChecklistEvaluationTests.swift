import Foundation
import Testing

@testable import UngeCore

/// The fixture folder for the checklist tests.
let checkFixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/check")

func loadCheckFixtureCase(_ name: String = "case-2026-0042.json") throws -> CaseFile {
    let data = try Data(contentsOf: checkFixtures.appendingPathComponent(name))
    return try UngeJSON.decoder().decode(CaseFile.self, from: data)
}

let checkToday = LocalDate(year: 2026, month: 4, day: 13)!

@Suite("Tjekliste for en sag")
struct ChecklistEvaluationTests {
    @Test("svar fra sagen vinder over et gemt svar, men det gemte vises")
    func caseWins() {
        var e = CaseEvidence(today: checkToday)
        e.tools = [ToolEvidence(tool: "networkMeeting", date: checkToday)]
        let saved = ChecklistAnswer(itemID: "5.4", answer: .no, date: checkToday, user: "mette")
        let r = ChecklistEvaluator.evaluate(Checklist.item("5.4")!, evidence: e, answers: [saved])
        #expect(r.answer == .yes)
        #expect(r.source == .caseData)
        #expect(r.saved == saved)
        #expect(!r.needsAsking)
    }

    @Test("kan sagen ikke svare, bruges sagsbehandlerens seneste svar")
    func savedUsed() {
        let e = CaseEvidence(today: checkToday)
        let saved = ChecklistAnswer(
            itemID: "5.4", answer: .partly, note: "kort tegnet på papir", date: checkToday, user: "mette")
        let r = ChecklistEvaluator.evaluate(Checklist.item("5.4")!, evidence: e, answers: [saved])
        #expect(r.answer == .partly)
        #expect(r.source == .caseworker)
        #expect(r.evidence == "hverken netværkskort eller netværksmøde registreret")
        #expect(r.needsAsking)
    }

    @Test("et punkt uden regel og uden svar er ubesvaret")
    func unanswered() {
        let r = ChecklistEvaluator.evaluate(
            Checklist.item("6.1")!, evidence: CaseEvidence(today: checkToday), answers: [])
        #expect(r.answer == nil)
        #expect(r.source == .unanswered)
        #expect(r.evidence == nil)
    }

    @Test("en tom sag: 21 åbne punkter, ingen besvaret nej")
    func empty() {
        let report = ChecklistEvaluator.evaluate(CaseEvidence(today: checkToday), answers: [])
        #expect(report.openCount == 21)
        #expect(!report.allYes)
        #expect(report.chapters.map(\.unansweredCount) == [4, 5, 4, 3, 5])
        #expect(report.chapters.map(\.noCount) == [0, 0, 0, 0, 0])
    }

    @Test("alle punkter ja: allYes")
    func allYes() {
        let answers = Checklist.items.map { ChecklistAnswer(itemID: $0.id, answer: .yes, date: checkToday, user: "m") }
        let report = ChecklistEvaluator.evaluate(CaseEvidence(today: checkToday), answers: answers)
        #expect(report.allYes)
        #expect(report.openCount == 0)
    }

    @Test("fixture-sagen besvares ud fra sagen og de gemte svar")
    func fixture() throws {
        let file = try loadCheckFixtureCase()
        let report = ChecklistEvaluator.evaluate(case: file, today: checkToday)
        let byID = Dictionary(uniqueKeysWithValues: report.items.map { ($0.item.id, $0) })
        #expect(byID["3.3"]?.answer == .yes)
        #expect(byID["3.3"]?.source == .caseworker)
        #expect(byID["3.3"]?.saved?.note == "Drøftet på teammødet")
        #expect(byID["4.5"]?.evidence == "livslinje 10.02.2026")
        #expect(
            byID["5.1"]?.evidence == "netværkskort: 3 personer i 3 af 5 arenaer, ingen i 'slægt' og 'professionelle'")
        #expect(byID["5.4"]?.answer == .yes)
        #expect(byID["5.4"]?.saved?.answer == .no)
        #expect(byID["6.3"]?.answer == .partly)
        // The fixture's plan has no content, so the plan validator fails it.
        #expect(byID["7.4"]?.answer == ChecklistAnswerValue.no)
        #expect(byID["7.4"]?.evidence?.hasPrefix("ungeplan v2, 01.03.2026: 6 fejl – ") == true)
        // The examination records no areas and the notification no informing: no, from the case.
        #expect(
            byID["7.2"]?.evidence
                == "undersøgelse: 0 af 6 områder belyst, 'udvikling og adfærd', 'familieforhold', 'skoleforhold', 'sundhedsforhold, herunder alkohol og stoffer', 'fritidsforhold og venskaber' og 'andre relevante forhold' mangler"
        )
        #expect(byID["3.2"]?.answer == ChecklistAnswerValue.no)
        #expect(byID["7.5"]?.answer == nil)
        // 5.1 »alle sociale arenaer«: the fixture's map does not use every arena, so partly (AUDIT row 51).
        #expect(report.items.filter(\.isYes).map(\.item.id) == ["3.3", "4.5", "5.4"])
        #expect(
            report.items.filter { $0.answer == ChecklistAnswerValue.no }.map(\.item.id) == [
                "3.2", "4.4", "5.2", "7.2", "7.3", "7.4",
            ])
        #expect(report.openCount == 18)
        #expect(openChecklistItems(case: file, today: checkToday) == 18)
        #expect(report.caseID?.rawValue == "2026-0042")
    }

    @Test("kun ét kapitel")
    func oneChapter() throws {
        let file = try loadCheckFixtureCase()
        let report = ChecklistEvaluator.evaluate(case: file, today: checkToday, chapters: [Checklist.chapter(5)!])
        #expect(report.items.map(\.item.id) == ["5.1", "5.2", "5.3", "5.4"])
        #expect(report.openCount == 3)
        #expect(report.chapters[0].noCount == 1)
    }
}

@Suite("CaseEvidence fra en sag")
struct CaseEvidenceAdapterTests {
    @Test("netværk, redskaber, nyeste plan og underretninger hentes fra sagen")
    func adapter() throws {
        let file = try loadCheckFixtureCase()
        let e = CaseEvidence(from: file, today: checkToday)
        #expect(e.age == 16)
        #expect(e.networkPeopleByArena == [.family: 1, .friendsAndLeisure: 1, .schoolAndWork: 1])
        #expect(e.tools.map(\.tool) == ["lifeline", "networkMeeting"])
        #expect(e.plan?.label == "ungeplan v2, 01.03.2026")
        guard case .failed(let errors)? = e.plan?.validation else {
            Issue.record("planen i fixture-sagen burde fejle valideringen")
            return
        }
        #expect(errors.count == 6)
        #expect(e.plan?.goals == [])
        #expect(e.plan?.youngPersonViewRecorded == false)
        #expect(
            e.concernReports == [
                ConcernEvidence(
                    number: 1, received: LocalDate(year: 2026, month: 1, day: 5)!, youngPersonInformed: false,
                    parentsInformed: false)
            ])
        #expect(e.examination?.completed == LocalDate(year: 2026, month: 1, day: 15)!)
        #expect(e.examination?.areas?.map(\.state) == Array(repeating: AreaEvidence.State.missing, count: 6))
        #expect(e.examination?.youngPersonViewRecorded == false)
        #expect(CaseEvidence(from: file, today: checkToday, validatePlan: nil).plan?.validation == .notChecked)
        #expect(e.treatmentPlans.isEmpty)
    }

    @Test("planvalideringen sættes ind gennem sømmen")
    func validatorSeam() throws {
        let file = try loadCheckFixtureCase()
        let failing: PlanValidation = { _, date in
            [
                Finding.make("plan.duration", .error, "Varighed mangler.", legal: .measures, on: date),
                Finding(ruleID: "plan.style", severity: .warning, message: "Målet er formuleret negativt."),
            ]
        }
        let e = CaseEvidence(from: file, today: checkToday, validatePlan: failing)
        #expect(e.plan?.validation == .failed(["Varighed mangler."]))
        #expect(
            ActionPlanRule().evaluate(e) == EvidenceResult(.no, "ungeplan v2, 01.03.2026: 1 fejl – Varighed mangler."))
        let passing: PlanValidation = { _, _ in [Finding(ruleID: "plan.style", severity: .warning, message: "x")] }
        #expect(CaseEvidence(from: file, today: checkToday, validatePlan: passing).plan?.validation == .passed)
    }

    @Test("nyeste behandlingsplan pr. leverandør")
    func treatmentPlans() throws {
        var file = try loadCheckFixtureCase()
        let d = LocalDate(year: 2026, month: 3, day: 20)!
        file.treatmentPlans = [
            TreatmentPlan(version: 1, date: d, provider: "U18 Centret"),
            TreatmentPlan(version: 2, date: d.adding(days: 5), provider: "U18 Centret"),
            TreatmentPlan(version: 1, date: d, provider: "Kontaktperson Syd"),
        ]
        let e = CaseEvidence(from: file, today: checkToday)
        #expect(e.treatmentPlans.map { "\($0.provider) v\($0.version)" } == ["Kontaktperson Syd v1", "U18 Centret v2"])
        #expect(
            TreatmentLinksRule().evaluate(e)
                == EvidenceResult(
                    .no,
                    "behandlingsplanen fra Kontaktperson Syd har ingen mål; behandlingsplanen fra U18 Centret har ingen mål"
                ))
    }

    @Test(
        "underretningens dato i dansk tid",
        arguments: [
            ("2026-01-05T22:30:00Z", "2026-01-05T23:30:00+01:00", "2026-01-05"),
            ("2026-01-05T23:30:00Z", "2026-01-06T00:30:00+01:00", "2026-01-06"),
            ("2026-06-30T22:30:00Z", "2026-07-01T00:30:00+02:00", "2026-07-01"),
        ])
    func receivedDay(_ utc: String, _ local: String, _ expected: String) {
        let instant = UngeJSON.parseTimestamp(utc)!
        #expect(UngeJSON.parseTimestamp(local) == instant)
        #expect(CaseEvidence.day(of: instant, in: CaseEvidence.danishTime).iso == expected)
    }

    @Test(
        "planens navn efter alder og dato",
        arguments: [
            ("2012-05-01", "2026-03-01", "barnets plan"), ("2009-09-01", "2026-03-01", "ungeplan"),
            ("2007-01-01", "2026-03-01", "handleplan"), ("2009-09-01", "2023-12-31", "handleplan"),
        ])
    func planName(_ born: String, _ on: String, _ expected: String) {
        #expect(CaseEvidence.planName(birthDate: LocalDate.parse(born), on: LocalDate.parse(on)!) == expected)
    }
}
