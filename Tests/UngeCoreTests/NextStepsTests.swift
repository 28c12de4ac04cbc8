import Foundation
import Testing

@testable import UngeCore

/// Next steps (næste skridt): for every fixture case against a hand-made expectation, and for the
/// situations the issue names.
@Suite("Næste skridt")
struct NextStepsTests {
    typealias S = NotificationTestSupport
    typealias F = PlanFixtures

    /// The fixture store's clock: 1 September 2026 at 10.30 in Copenhagen.
    static let now = S.at(2026, 9, 1, 10, 30)

    static func fixtureCase(_ id: String) throws -> CaseFile {
        try UngeJSON.decoder().decode(CaseFile.self, from: F.data("lager/sager/\(id).json"))
    }

    @Test(
        "hver fikstur-sag får de skridt, en sagsbehandler ville tage",
        arguments: [
            (
                "2026-0001",
                [
                    "Registrér underretningen, eller start en børnefaglig undersøgelse",
                    "Emma fylder 15 den 14. marts 2027 – barnets lov § 22, stk. 2, § 33, stk. 2 og § 46 (tidl. serviceloven § 50, stk. 1)",
                ]
            ),
            (
                "2026-0002",
                [
                    "Vurder underretningen: fristen var 28. august kl. 10.15 og er overskredet – barnets lov § 136, stk. 2 (tidl. serviceloven § 155, stk. 2)",
                    "Send kvittering til Mette Krog senest 4. september (om 3 hverdage) – barnets lov § 138, stk. 1 (tidl. serviceloven § 155 b, stk. 1)",
                    "Orientér underretteren om, hvad der er sat i gang (underretning nr. 1) – barnets lov § 138, stk. 2 (tidl. serviceloven § 155 b, stk. 2)",
                    "Malik fylder 16 den 20. maj 2027 – barnets lov § 108, stk. 1 (tidl. serviceloven § 140)",
                ]
            ),
            ("2026-0003", ["Registrér underretningen, eller start en børnefaglig undersøgelse"]),
            (
                "2026-0004",
                [
                    "Registrér underretningen, eller start en børnefaglig undersøgelse",
                    "Jonas fylder 18 den 9. januar 2027 – serviceloven § 141",
                ]
            ),
            ("2026-0005", ["Overvej at tilbyde Frederik en handleplan – serviceloven § 141"]),
            (
                "2026-0006",
                [
                    "Overvej at tilbyde Amalie en handleplan – serviceloven § 141",
                    "Amalie fylder 23 den 12. august 2027 – barnets lov §§ 113-117 og 120 (tidl. serviceloven § 76)",
                ]
            ),
            ("2026-0007", []),
        ])
    func fixtureCases(_ id: String, _ expected: [String]) throws {
        let steps = NextSteps.compute(for: try Self.fixtureCase(id), now: Self.now, timeZone: S.copenhagen)
        #expect(steps.map(\.line) == expected)
    }

    /// Sara, 17, notified by a professional on Tuesday 1 December 2026 at 14.10; it is now 2
    /// December at 9.00.
    static func sara() throws -> CaseFile {
        var draft = try S.draft("eksempel.json")
        draft.reporterName = "Lise Kjær"
        var file = CaseFile(
            id: CaseID("2026-0200")!, created: S.at(2026, 12, 1, 14, 0),
            youngPerson: YoungPerson(name: "Sara Holm", birthDate: S.day(2009, 5, 20)))
        ConcernRegistration.register(
            draft, on: &file, received: S.at(2026, 12, 1, 14, 10), now: S.at(2026, 12, 1, 14, 30), author: "lene",
            timeZone: S.copenhagen, addingWorkingDays: S.addWorkingDays)
        return file
    }

    @Test("vurdering i dag med klokkeslæt, kvittering til underretteren, netværket og 18-årsdagen")
    func sara() throws {
        let steps = NextSteps.compute(for: try Self.sara(), now: S.at(2026, 12, 2, 9, 0), timeZone: S.copenhagen)
        #expect(
            steps.map(\.text) == [
                "Vurder underretningen senest i dag kl. 14.10",
                "Send kvittering til Lise Kjær senest 9. december (om 5 hverdage)",
                "Tegn netværkskortet sammen med Sara",
                "Orientér underretteren om, hvad der er sat i gang (underretning nr. 1)",
                "Sara fylder 18 den 20. maj 2027",
            ])
        #expect(steps.map(\.kind) == [.deadline, .deadline, .missing, .deadline, .ageThreshold])
        #expect(steps[0].deadlineID == "underretning-1-vurdering")
        #expect(steps[0].command == "unge frister --opfyldt 2026-0200 underretning-1-vurdering")
        #expect(steps[3].deadlineID == "underretning-1-orientering")
        #expect(steps[4].dueDate == S.day(2027, 5, 20))
        #expect(steps.allSatisfy { !$0.overdue })
    }

    @Test("når vurderingen er opfyldt, er næste skridt at beslutte om en undersøgelse")
    func afterAssessment() throws {
        var file = try Self.sara()
        try DeadlineOverview.markMet(
            "underretning-1-vurdering", on: &file, at: S.at(2026, 12, 2, 10, 0), by: "lene", outcome: "Ingen akut fare")
        let steps = NextSteps.compute(for: file, now: S.at(2026, 12, 2, 11, 0), timeZone: S.copenhagen)
        #expect(
            steps.map(\.text).prefix(3) == [
                "Send kvittering til Lise Kjær senest 9. december (om 5 hverdage)",
                "Beslut, om der skal laves en børnefaglig undersøgelse",
                "Tegn netværkskortet sammen med Sara",
            ])
        #expect(
            file.journal.last?.text
                == "Fristen \"Vurdering af underretning nr. 1 (24 timer)\" er opfyldt. Resultat: Ingen akut fare.")
    }

    @Test("en afsluttet undersøgelse med behov for støtte og ingen plan: Planen mangler")
    func planMissing() throws {
        let date = S.day(2026, 9, 1)
        let file = F.person(age: 14, on: date)
        let steps = NextSteps.compute(for: file, now: S.at(2026, 9, 1, 12, 0), timeZone: S.copenhagen)
        #expect(steps.first?.text == "Planen mangler")
        #expect(steps.first?.detail == "Undersøgelsen viser behov for særlig støtte. Lav barnets plan.")
        #expect(steps.first?.citation == "barnets lov §§ 91-92 (tidl. serviceloven § 140)")
        #expect(steps.first?.command == "unge plan 2026-0100")
    }

    @Test("en plan med behandling og ingen behandlingsplan; en voksen, der ikke har svaret")
    func treatmentAndOffer() throws {
        let date = S.day(2026, 9, 1)
        var minor = F.person(age: 15, on: date)
        var plan = F.completePlan(age: 15, on: date)
        plan.measures.append(
            Measure(
                kind: .outpatientDrugTreatment, provider: "U18", start: date, expectedDuration: "3 måneder",
                goalIDs: ["M1"]))
        minor.actionPlans = [plan]
        #expect(
            NextSteps.compute(for: minor, now: S.at(2026, 9, 1, 12, 0), timeZone: S.copenhagen).map(\.text).contains(
                "Behandlingsplanen mangler"))

        var adult = F.person(age: 19, on: date)
        var offer = F.completePlan(age: 19, on: date)
        offer.offer = PlanOffer(offeredDate: date, response: .pending)
        adult.actionPlans = [offer]
        let texts = NextSteps.compute(for: adult, now: S.at(2026, 9, 1, 12, 0), timeZone: S.copenhagen).map(\.text)
        #expect(texts.contains("Test har ikke svaret på tilbuddet om en handleplan"))
    }

    @Test("en lukket sag har ingen næste skridt, heller ikke for åbne frister")
    func closed() throws {
        var file = try Self.sara()
        file.closedDate = S.day(2026, 12, 2)
        #expect(NextSteps.compute(for: file, now: S.at(2026, 12, 2, 9, 0), timeZone: S.copenhagen).isEmpty)
        let blocks = NextSteps.blocks([], closed: file.closedDate)
        #expect(
            blocks == [
                .heading("Næste skridt", level: 2),
                .paragraph("Sagen er lukket 2. december 2026. Der er ingen næste skridt."),
            ])
    }

    @Test("relative dage: i dag, i morgen, i går, og året kun når det er et andet år")
    func relativeDays() {
        let today = S.day(2026, 12, 30)
        #expect(NextSteps.relativeDay(today, today: today) == "i dag")
        #expect(NextSteps.relativeDay(S.day(2026, 12, 31), today: today) == "i morgen")
        #expect(NextSteps.relativeDay(S.day(2026, 12, 29), today: today) == "i går")
        #expect(NextSteps.relativeDay(S.day(2026, 12, 1), today: today) == "1. december")
        #expect(NextSteps.relativeDay(S.day(2027, 1, 4), today: today) == "4. januar 2027")
    }
}

/// The journal helper: one readable Danish sentence per registration.
@Suite("Journalen fortæller sagen")
struct CaseJournalTests {
    typealias S = NotificationTestSupport

    @Test("hver registrering giver én dansk sætning med ét punktum")
    func sentences() {
        let tool = ToolRecord(
            tool: DialogueTool.networkMeeting.rawValue, date: S.day(2026, 8, 31),
            summary: "Aftalt: far følger til træning.")
        #expect(
            JournalEvent.tool(tool).text
                == "Netværksmøde 31. august 2026 er registreret: Aftalt: far følger til træning.")
        let mor = NetworkPerson(name: "Hanne Jensen", relation: "mor", arena: .family, custodyHolder: true)
        #expect(
            JournalEvent.networkAdded(mor).text
                == "Hanne Jensen (mor) er føjet til netværkskortet som forældremyndighedsindehaver.")
        #expect(JournalEvent.networkRemoved("Yusuf").text == "Yusuf er fjernet fra netværkskortet.")
        #expect(JournalEvent.other("Sagen er lukket.").text == "Sagen er lukket.")
        #expect(JournalText.sentence("Resultat: ok..") == "Resultat: ok.")
        #expect(JournalText.sentence("Hvad nu?") == "Hvad nu?")
        let exam = Examination(awareDate: S.day(2026, 6, 1))
        #expect(
            JournalEvent.examination(exam, first: true).text
                == "Den børnefaglige undersøgelse er registreret; kommunen blev opmærksom på behovet 1. juni 2026.")
    }

    @Test("notater kommer i den rækkefølge, tingene skete; begge tidspunkter vises")
    func order() {
        let written = S.at(2026, 9, 1, 10, 30)
        let a = JournalEntry(
            time: S.at(2026, 8, 27, 11, 0), author: "lene", text: "Underretning registreret.", source: .registration)
        let b = JournalEntry(time: written, author: "lene", text: "Telefon med mor.", happened: S.day(2026, 8, 26))
        let c = JournalEntry(time: S.at(2026, 9, 1, 9, 0), author: "lene", text: "Møde.")
        #expect(CaseOverview.journalInOrder([a, c, b]) == [b, a, c])
        #expect(CaseOverview.journalLine(b) == "26.08.2026 (skrevet 01.09.2026 kl. 10.30), lene: Telefon med mor.")
    }

    @Test("et notat uden dato og kilde gemmes som før (bytestabilt)")
    func encoding() throws {
        let e = JournalEntry(time: Date(timeIntervalSince1970: 0), author: "a", text: "t")
        let json = String(decoding: try UngeJSON.encoder().encode(e), as: UTF8.self)
        #expect(!json.contains("source") && !json.contains("happened"))
        let back = try UngeJSON.decoder().decode(JournalEntry.self, from: Data(json.utf8))
        #expect(back == e)
    }
}

/// Next steps from the decisions' deadlines (afgørelser): the plan, the first follow-up, treatment
/// start and the transition at 18; a recorded stance means no "Planen mangler".
@Suite("Næste skridt fra afgørelser")
struct NextStepsDecisionTests {
    typealias S = NotificationTestSupport

    static func file(age: Int, decisions: [Decision]) -> CaseFile {
        var file = CaseFile(
            id: CaseID("2026-0300")!, created: S.at(2026, 8, 1, 9, 0),
            youngPerson: YoungPerson(name: "Ali Berg", birthDate: S.day(2026 - age, 1, 15)),
            network: Network(people: [
                NetworkPerson(name: "Mor Berg", relation: "mor", arena: .family, custodyHolder: true)
            ]))
        file.decisions = decisions
        file.deadlines = DecisionDeadlines.compute(for: file)
        return file
    }

    @Test("en kontaktperson: tag stilling til barnets plan og følg op, med datoer fra afgørelsen")
    func contactPerson() {
        let d = Decision(
            id: "A1", kind: .contactPerson, decisionDate: S.day(2026, 8, 20), purpose: "Støtte i skolen",
            author: "lene",
            recorded: S.at(2026, 8, 20, 10, 0), start: S.day(2026, 9, 1))
        let steps = NextSteps.compute(
            for: Self.file(age: 14, decisions: [d]), now: S.at(2026, 9, 1, 12, 0), timeZone: S.copenhagen)
        let texts = steps.map(\.text)
        #expect(
            Array(texts.prefix(2)) == [
                "Tag stilling til barnets plan (A1): plan eller begrundet nej senest 20. november",
                "Følg op på fast kontaktperson (A1) senest 1. december",
            ])
        #expect(!texts.contains("Planen mangler"))
        #expect(!texts.contains { $0.hasPrefix("Registrér underretningen") })
        #expect(
            steps.filter { $0.kind == .deadline }.allSatisfy { $0.deadlineID?.isEmpty == false && $0.citation != nil })
    }

    @Test("behandling: sørg for, at den begynder inden 14 dage efter henvendelsen")
    func treatment() {
        let d = Decision(
            id: "A1", kind: .treatmentOutpatient, decisionDate: S.day(2026, 8, 28), purpose: "Stoppe med hash",
            author: "lene",
            recorded: S.at(2026, 8, 28, 10, 0), requestDate: S.day(2026, 8, 25))
        let texts = NextSteps.compute(
            for: Self.file(age: 16, decisions: [d]), now: S.at(2026, 9, 1, 12, 0), timeZone: S.copenhagen
        ).map(\.text)
        #expect(
            texts.contains { $0.hasPrefix("Sørg for, at ") && $0.contains("begynder senest 8. september") }, "\(texts)")
    }

    @Test("en stillingtagen til, at der ikke skal laves en plan, fjerner »Planen mangler«")
    func stance() {
        var file = PlanFixtures.person(age: 14, on: S.day(2026, 9, 1))
        #expect(
            NextSteps.compute(for: file, now: S.at(2026, 9, 1, 12, 0), timeZone: S.copenhagen).first?.text
                == "Planen mangler")
        file.decisions = [
            Decision(
                id: "S1", kind: .planStance, decisionDate: S.day(2026, 8, 30), author: "lene",
                recorded: S.at(2026, 8, 30, 9, 0),
                reason: "Støtten er kortvarig")
        ]
        #expect(
            !NextSteps.compute(for: file, now: S.at(2026, 9, 1, 12, 0), timeZone: S.copenhagen).map(\.text).contains(
                "Planen mangler"))
    }
}
