import Foundation
import Testing

/// Issue 24's "done when": a caseworker's day from the first notification to the treatment plan,
/// run against the built binary on a fresh store, with the clock set for each step. Nothing the
/// case already holds is typed twice: the plan takes its measures (provider, start, duration) from
/// the registered decisions, and the treatment plan builds on the plan's goals.
@Suite("En sagsbehandlers dag fra underretning til behandlingsplan (ende til ende)", .bothStores)
struct CaseworkerDayWalkthroughTests {
    let store = Unge.emptyStore()

    @discardableResult
    func step(
        _ args: [String], at time: String, input: [String]? = nil, expect status: Int32 = 0,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Unge.Result {
        let r = try Unge.run(
            args, store: store, input: input.map { $0.joined(separator: "\n") + "\n" },
            env: ["UNGE_NU": time, "UNGE_BRUGER": "lene", "COLUMNS": "200"])
        #expect(r.status == status, "\(args): \(r.stderr)", sourceLocation: sourceLocation)
        return r
    }

    func file(_ name: String, _ text: String) throws -> String {
        let dir = store.deletingLastPathComponent().appendingPathComponent("filer")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("underretning, frister, netværk, undersøgelse, afgørelser, plan og behandlingsplan uden at gentage noget")
    func wholeDay() throws {
        // 08.00: the caseworker's settings create the store.
        let settings = try step(
            ["indstillinger", "--navn", "Lene Dahl", "--titel", "Socialrådgiver"], at: "2026-08-03T06:00:00Z")
        // (A team store is a database IT made with 'unge lager init': nothing new is created there.)
        #expect(settings.stderr.contains("Nyt lager oprettet i") == Unge.isFolder(store))

        // 11.15: a teacher phoned at 10.30; the caseworker registers the notification.
        let notified = try step(
            [
                "underret", "--navn", "Sofie Test", "--foedselsdato", "2011-02-10", "--underretter", "Karen Lærer",
                "--rolle", "lærer", "--arbejdssted", "Vestbyens Skole", "--kontakt", "12345678", "--fagperson", "ja",
                "--forhold", "Sofie er træt og har lugtet af hash to gange i august.", "--samarbejde",
                "Mor er bekymret og vil gerne samarbejde.", "--fremmoede", "12 fraværsdage siden 1. juni.",
                "--relation", "Klasselærer i tre år.", "--andet", "Ingen.", "--ung-orienteret", "ja",
                "--foraeldre-orienteret", "ja", "--modtaget", "2026-08-03 10:30", "--modtaget-via", "telefon",
                "--ny-sag",
            ], at: "2026-08-03T09:15:00Z")
        #expect(notified.stderr.contains("Underretning nr. 1 er registreret på sag 2026-0001 (revision 1)."))
        #expect(notified.stderr.contains("  Frist 04.08.2026 kl. 10.30: Vurdering af underretning nr. 1 (24 timer)"))
        #expect(notified.stderr.contains("  Frist 11.08.2026: Kvittering til underretteren for underretning nr. 1"))

        // 14.00: the deadlines of the case, with their ids; the assessment is done.
        let deadlines = try step(["frister", "2026-0001"], at: "2026-08-03T12:00:00Z")
        #expect(deadlines.stdout.contains("underretning-1-vurdering"))
        #expect(deadlines.stdout.contains("Marker en frist som opfyldt: unge frister --opfyldt 2026-0001 ID"))
        let met = try step(
            ["frister", "--opfyldt", "2026-0001", "underretning-1-vurdering"], at: "2026-08-03T12:05:00Z")
        #expect(
            met.stdout.contains(
                "Fristen \"Vurdering af underretning nr. 1 (24 timer)\" på sag 2026-0001 er markeret som opfyldt (revision 2)."
            ), "\(met.stdout)")

        // The mother, who holds custody, goes on the network map.
        let mother = try step(
            [
                "netvaerk", "2026-0001", "--tilfoej", "Hanne Test", "--relation", "mor", "--arena", "familie",
                "--naerhed", "1", "--foraeldremyndighed", "--kan-stoette",
            ], at: "2026-08-03T12:10:00Z")
        #expect(mother.stdout.contains("Hanne Test er føjet til netværkskortet (revision 3)."), "\(mother.stdout)")

        // Next morning the examination starts; its deadline is four months on.
        let started = try step(["undersoeg", "2026-0001", "--opmaerksom", "2026-08-04"], at: "2026-08-04T08:00:00Z")
        #expect(started.stderr.contains("Undersøgelsen er gemt på sag 2026-0001. Frist for afslutning: 04.12.2026."))
        #expect(started.stdout.contains("## Samarbejde og samtykke"))

        // 25 September: the examination is done (from a file).
        let exam = try file(
            "undersoegelse.json",
            """
            {"awareDate": "2026-08-04", "completedDate": "2026-09-25",
             "participants": [{"name": "Sofie Test", "role": "youngPerson", "how": "Tre samtaler"},
                              {"name": "Hanne Test", "role": "custodyHolder", "how": "Møde 20. august"}],
             "consents": [{"givenBy": "Hanne Test", "role": "custodyHolder", "about": "Indhente oplysninger fra egen læge", "date": "2026-08-20"}],
             "areas": [
              {"area": "developmentAndBehaviour", "findings": "Vågen og reflekteret.", "ownView": "Jeg vil have styr på tingene.", "sources": [{"kind": "youngPerson"}]},
              {"area": "family", "findings": "Bor med mor.", "sources": [{"kind": "custodyHolder", "name": "Hanne Test"}]},
              {"area": "school", "findings": "Højt fravær om morgenen.", "sources": [{"kind": "professional", "name": "Karen Lærer"}]},
              {"area": "health", "findings": "Ryger hash flere gange om ugen.", "sources": [{"kind": "youngPerson"}]},
              {"area": "leisureAndFriends", "findings": "Har droppet håndbold.", "sources": [{"kind": "youngPerson"}]},
              {"area": "other", "notRelevant": true, "reason": "Intet ud over de øvrige områder"}],
             "childInterview": {"date": "2026-08-25", "supportPersonOffered": true, "supportPersonUsed": false, "summary": "Vil gerne videre med skolen."},
             "substanceUse": "Hash 3-4 gange om ugen", "usePhase": 2, "stageOfChange": "contemplation",
             "conclusion": {"specialSupportNeeded": true, "reasons": "Hash, søvn og fravær hænger sammen."}}
            """)
        let done = try step(["undersoeg", "2026-0001", "--fra-fil", exam], at: "2026-09-25T10:00:00Z")
        #expect(done.stdout.contains("| Hanne Test | forældremyndighedsindehaver | Indhente oplysninger fra egen læge"))
        let overview = try step(["vis", "2026-0001"], at: "2026-09-25T10:05:00Z")
        #expect(overview.stdout.contains("5 af 6 områder belyst, 1 begrundet udeladt, afsluttet 25.09.2026"))

        // 28 September: two decisions, each with its provider, start and duration.
        let treatment = try step(
            [
                "indsats", "2026-0001", "--type", "behandling-ambulant", "--henvendelse", "2026-09-21", "--dato",
                "2026-09-28", "--start", "2026-10-01", "--formaal", "Sofie skal stoppe med hash", "--varighed",
                "6 måneder", "--leverandoer", "U18-teamet", "--samtykke", "foraeldremyndighed:2026-09-28",
                "--samtykke", "ung:2026-09-28",
            ], at: "2026-09-28T10:00:00Z")
        #expect(treatment.stdout.contains("Afgørelse A1 gemt på sag 2026-0001: Stofmisbrugsbehandling, ambulant"))
        let contact = try step(
            [
                "indsats", "2026-0001", "--type", "kontaktperson", "--dato", "2026-09-28", "--start", "2026-10-05",
                "--formaal", "Støtte til skolegang", "--varighed", "6 måneder", "--leverandoer", "Ungeteamet",
                "--samtykke", "foraeldremyndighed:2026-09-28", "--samtykke", "ung:2026-09-28",
            ], at: "2026-09-28T10:05:00Z")
        #expect(contact.stdout.contains("Plan: Barnets plan"), "\(contact.stdout)")

        // 1 October: the plan. The measures come from the decisions; only their goals are asked.
        let answers =
            [
                "Sofie skal gøre 10. klasse færdig og have overskud i hverdagen.", "",
                "Komme i skole hver dag", "Jeg vil gerne på frisørskolen", "3", "Møde til første time",
                "Købe et vækkeur",
                "Fraværet falder",
                "Sove godt og have overskud i hverdagen", "Det er blevet for meget", "4", "", "", "", "",
                "M2", "M1", "n",
            ] + Array(repeating: "", count: 7) + ["", "", "", "", ""] + [""] + ["g"]
        let plan = try step(["plan", "2026-0001", "--interaktiv"], at: "2026-10-01T10:00:00Z", input: answers)
        let asked = plan.stderr
        #expect(
            asked.contains(
                "Afgørelse A1: Stofmisbrugsbehandling, ambulant (leverandør U18-teamet, start 01.10.2026, varighed 6 måneder)"
            ), "\(asked)")
        #expect(asked.contains("Hvilke mål arbejder Fast kontaktperson (A2) hen imod (M1, M2)?"))
        #expect(!asked.contains("Leverandør"), "the decisions' providers are never asked again")
        #expect(!asked.contains("Startdato") && !asked.contains("Varighed"))
        #expect(plan.stdout.contains("# Barnets plan"), "\(plan.stdout)")
        #expect(plan.stdout.contains("U18-teamet") && plan.stdout.contains("Ungeteamet"))

        // The provider's treatment plan builds on the plan's goals.
        let treatmentPlan = try file(
            "behandlingsplan.json",
            """
            {"provider": "U18-teamet", "methods": ["Motiverende samtale"],
             "useGoal": {"choice": "stop", "text": "Ingen hash", "planGoalID": "M2"},
             "goals": [{"id": "B1", "text": "Fast døgnrytme med sengetid kl. 23", "planGoalID": "M2", "domain": "use"},
                       {"id": "B2", "text": "Aftale med skolen om morgenstart", "planGoalID": "M1", "domain": "schoolOrEducation"}]}
            """)
        let tp = try step(
            ["behandlingsplan", "2026-0001", "--fra-fil", treatmentPlan], at: "2026-10-08T10:00:00Z")
        #expect(tp.stdout.contains("U18-teamet"), "\(tp.stdout)")
        #expect(!tp.stderr.contains("dækkes ikke af noget behandlingsmål"), "\(tp.stderr)")

        // The audit trail tells the day, change by change, without free text.
        let log = try step(["log", "2026-0001"], at: "2026-10-08T12:00:00Z")
        #expect(
            log.stdout.contains("oprettede sagen med 'unge underret' og registrerede underretning nr. 1 (revision 1)."))
        #expect(log.stdout.contains("markerede fristen \"Vurdering af underretning nr. 1 (24 timer)\" som opfyldt"))
        #expect(log.stdout.contains("tilføjede Hanne Test (mor) til netværket (revision 2 til 3)."), "\(log.stdout)")
        #expect(log.stdout.contains("registrerede afgørelse A1 (stofmisbrugsbehandling, ambulant)"))
        #expect(log.stdout.contains("gemte barnets plan version 1"))
        #expect(log.stdout.contains("gemte behandlingsplan version 1"))
        #expect(!log.stdout.contains("hash"))
    }
}
