import Foundation
import Testing

/// The one document pipeline: `--kladde` never saves, rule failures keep the answers as a draft,
/// anonymous cases are refused until identified, a second notification lands on the existing case,
/// and the registration of a received notification.
@Suite("Dokumenter, kladder og én sag pr. ung (ende til ende)", .bothStores)
struct DocumentPipelineTests {
    static func fixture(_ name: String) -> String { Unge.fixtures.appendingPathComponent("plan/\(name)").path }

    static func caseJSON(_ store: URL, _ id: String) throws -> [String: Any] {
        let data = try Unge.caseData(store, "\(id)")
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    @Test("--kladde gemmer aldrig en version: hverken plan med advarsler eller undersøgelse med fejl")
    func draftNeverSaves() throws {
        let store = try Unge.fixtureStore()
        #expect(
            try Unge.run(["undersoeg", "2026-0003", "--fra-fil", Self.fixture("undersoegelse.json")], store: store)
                .status == 0)
        let revision = try Self.caseJSON(store, "2026-0003")["revision"] as? Int
        let plan = try Unge.run(
            ["plan", "2026-0003", "--fra-fil", Self.fixture("plan.json"), "--kladde"], store: store)
        #expect(plan.status == 0)
        #expect(plan.stderr.hasSuffix("Kladden er ikke gemt.\n"))
        #expect((try Self.caseJSON(store, "2026-0003")["actionPlans"] as? [Any] ?? []).isEmpty)
        let exam = try Unge.run(["undersoeg", "2026-0004", "--opmaerksom", "2026-01-05", "--kladde"], store: store)
        #expect(exam.status == 0)
        #expect(exam.stderr.hasSuffix("Kladden er ikke gemt.\n"))
        #expect(try Self.caseJSON(store, "2026-0004")["examination"] == nil)
        #expect(try Self.caseJSON(store, "2026-0003")["revision"] as? Int == revision)
    }

    @Test("en regel, der ikke er opfyldt, i en dialog: svarene gemmes som kladde, status 1")
    func ruleFailureKeepsDraft() throws {
        let store = try Unge.fixtureStore()
        #expect(
            try Unge.run(["undersoeg", "2026-0003", "--fra-fil", Self.fixture("undersoegelse.json")], store: store)
                .status == 0)
        #expect(try Unge.run(["plan", "2026-0003", "--fra-fil", Self.fixture("plan.json")], store: store).status == 0)
        // A treatment plan with no goals: the final question offers no "gem".
        let r = try Unge.run(["behandlingsplan", "2026-0003", "--interaktiv"], store: store, input: "U18\n\n\n\ng\n")
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("Behandlingsplanen kan ikke gemmes endnu"))
        #expect(
            r.stderr.contains("Der er krav, som ikke er opfyldt. Ret et svar (r), eller behold svarene som kladde (k).")
        )
        #expect(
            r.stderr.hasSuffix(
                "Dine 4 svar er gemt som kladde. Kør 'unge behandlingsplan 2026-0003 --interaktiv' igen for at fortsætte.\n"
            ))
        #expect(
            try Unge.draftExists(store, "behandlingsplan-2026-0003"))
    }

    @Test("en anonym rådgivningssag får ingen undersøgelse eller plan, før den unge er identificeret")
    func anonymousCase() throws {
        let store = try Unge.fixtureStore()
        let refused = try Unge.run(["undersoeg", "2026-0007", "--opmaerksom", "2026-08-01"], store: store)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Sag 2026-0007 er en anonym rådgivningssag (barnets lov §§ 28-29"))
        #expect(refused.stderr.contains("'unge identificer 2026-0007 --navn NAVN --cpr DDMMÅÅ-XXXX'"))
        #expect(try Unge.run(["plan", "2026-0007", "--fra-fil", Self.fixture("plan.json")], store: store).status == 1)
        let missing = try Unge.run(["identificer", "2026-0007", "--navn", "Ali Test"], store: store)
        #expect(missing.status == 2)
        let ok = try Unge.run(["identificer", "2026-0007", "--navn", "Ali Test", "--cpr", "700310-4011"], store: store)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout == "Sag 2026-0007 er nu registreret for Ali Test (CPR 700310-xxxx). Revision 2.\n")
        #expect(try Unge.run(["undersoeg", "2026-0007", "--opmaerksom", "2026-08-01"], store: store).status == 0)
        let again = try Unge.run(
            ["identificer", "2026-0007", "--navn", "Ali Test", "--cpr", "700310-4011"], store: store)
        #expect(again.status == 1)
        let log = try Unge.run(["log", "2026-0007"], store: store, env: ["COLUMNS": "300"])
        #expect(log.stdout.contains("ændrede sagen med 'unge identificer'"), "\(log.stdout)")
        #expect(!log.stdout.contains("4011"))
    }

    static let reporter = ["Karen Lærer", "lærer", "Vestbyens Skole", "karen@skole.example", ""]
    static let rest = ["Sofie har haft 12 fraværsdage.", "", "", "", "", "ja", "", "ja", "", ""]

    @Test("en ny underretning om en ung med en sag lander på sagen med advarslen efter § 137")
    func secondNotification() throws {
        let store = try Unge.fixtureStore()
        #expect(
            try Unge.run(["undersoeg", "2026-0003", "--fra-fil", Self.fixture("undersoegelse.json")], store: store)
                .status == 0)
        #expect(try Unge.run(["plan", "2026-0003", "--fra-fil", Self.fixture("plan.json")], store: store).status == 0)
        let answers = ["", "Sofie Lund Madsen", "", "2010-02-02", ""] + ["j"] + Self.reporter + Self.rest + ["g"]
        let before = try Unge.caseIDs(store).count
        // In October the support from the plan has started.
        let october = ["UNGE_NU": "2026-10-01T08:30:00Z"]
        let r = try Unge.run(
            ["underret", "--interaktiv"], store: store, input: answers.joined(separator: "\n") + "\n", env: october)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("Den unge har allerede sag 2026-0003: Sofie Lund Madsen"))
        #expect(r.stderr.contains("ADVARSEL: Den unge får allerede støtte (Ungeplan version 1)."))
        #expect(r.stderr.contains("Underretning nr. 1 er registreret på sag 2026-0003"))
        #expect(try Unge.caseIDs(store).count == before)
    }

    @Test("registrering af en modtaget underretning: anonym underretter, kanal og tidspunkt tjekkes ved svaret")
    func registration() throws {
        let store = Unge.emptyStore()
        let rest = [
            "Emma har haft 12 fraværsdage.", "", "", "", "", "ja", "", "Mor Test; Far Test", "ja", "nej", "",
            "Far har ingen kontakt med familien.", "",
        ]
        let answers =
            [
                "2", "Emma Test", "", "2011-05-04", "", "3", "Telefon", "2026-08-31 25:00", "2026-09-02 10:00",
                "31.08.2026 14.05",
            ] + rest + ["rusmidler", "g"]
        let r = try Unge.run(["underret", "--interaktiv"], store: store, input: answers.joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("Hvem underrettede?"))
        #expect(r.stderr.contains("Hvad drejer underretningen sig mest om (til statistikken)?"))
        // Questions and messages wrap at word boundaries to 80 columns (COLUMNS=80 without a terminal).
        let flat = r.stderr.replacingOccurrences(of: "\n  ", with: " ").replacingOccurrences(of: "\n", with: " ")
        #expect(flat.contains("Tidspunktet ligger i fremtiden"))
        #expect(flat.contains("1. Hvad beskriver underretteren om den unges fysiske, psykiske og sociale forhold?"))
        let report = (try Self.caseJSON(store, "2026-0001")["concernReports"] as! [[String: Any]])[0]
        #expect(report["reason"] as? String == "substanceUse")
        #expect(report["received"] as? String == "2026-08-31T12:05:00Z")
        let reporter = report["reporter"] as! [String: Any]
        #expect(reporter["name"] as? String == "")
        #expect(reporter["anonymous"] as? Bool == true)
        #expect(reporter["isProfessional"] as? Bool == false)
        #expect(report["receivedVia"] as? String == "Telefon")
        #expect(r.stderr.contains("Har underretteren fortalt Far Test om underretningen? (j/n): "))
        #expect(r.stderr.contains("Dette felt skal udfyldes."))  // the reason is required
        #expect(report["parentsInformed"] as? Bool == false)
        #expect(report["notInformedReason"] as? String == "Far Test: Far har ingen kontakt med familien.")
        #expect(
            r.stdout.contains(
                "- **Forældremyndighedsindehavere:** Mor Test orienteret 01.09.2026; Far Test ikke orienteret: Far har ingen kontakt med familien."
            ))
        let shown = try Unge.run(
            [
                "underret", "--sag", "2026-0001", "--kladde", "--underretter", "x", "--fagperson", "nej", "--forhold",
                "y", "--ung-orienteret", "nej", "--foraeldre-orienteret", "ja",
            ], store: store)
        #expect(shown.status == 0)
        #expect(r.stdout.contains("- **Modtaget via:** Telefon"))
        #expect(r.stdout.contains("- **Navn:** anonym"))
        #expect(shown.stderr.contains("Kladde: underretningen er ikke registreret."))
        #expect((try Self.caseJSON(store, "2026-0001")["concernReports"] as! [Any]).count == 1)
    }

    @Test("underret --sag: underretteren fra sagens seneste underretning står som standard; Enter beholder")
    func notifierDefaults() throws {
        let store = try Unge.fixtureStore()
        let answers =
            ["", "", "", "", "", ""] + [
                "Malik kommer sjældent i skole.", "", "", "", "", "nej", "ja", "ja", "", "", "g",
            ]
        let r = try Unge.run(
            ["underret", "--sag", "2026-0002", "--interaktiv"], store: store,
            input: answers.joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("Dit navn [Mette Krog]: "))
        let reports = try Self.caseJSON(store, "2026-0002")["concernReports"] as! [[String: Any]]
        try #require(reports.count == 2)
        let reporter = reports[1]["reporter"] as! [String: Any]
        #expect(reporter["name"] as? String == "Mette Krog")
        #expect(reporter["organisation"] as? String == "Kirkebakkeskolen")
        #expect(
            (reports[1]["custodyNotices"] as? [[String: Any]])?.map { $0["name"] as! String } == [
                "Hanne Jensen", "Omar Hassan",
            ])
    }

    @Test("ret ét mål alene: vælg afsnittet Mål, behold M1, ret M2, slet M3; resten af planen beholdes")
    func changeOneGoal() throws {
        let store = try Unge.fixtureStore()
        #expect(
            try Unge.run(["undersoeg", "2026-0003", "--fra-fil", Self.fixture("undersoegelse.json")], store: store)
                .status == 0)
        #expect(try Unge.run(["plan", "2026-0003", "--fra-fil", Self.fixture("plan.json")], store: store).status == 0)
        let answers = ["3", "b", "r", "Sove godt hver nat", "", "", "", "", "", "s", "", "M3 udgår", "g"]
        let r = try Unge.run(
            ["plan", "2026-0003", "--interaktiv"], store: store, input: answers.joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("Mål M2 [Sove godt og have overskud]: "))
        #expect(!r.stderr.contains("\nFormålet med indsatsen"))  // other sections were kept without asking
        let plans = try Self.caseJSON(store, "2026-0003")["actionPlans"] as! [[String: Any]]
        try #require(plans.count == 2)
        let v1 = plans[0]
        let v2 = plans[1]
        #expect((v2["goals"] as! [[String: Any]]).map { $0["id"] as! String } == ["M1", "M2"])
        #expect((v2["goals"] as! [[String: Any]])[1]["text"] as? String == "Sove godt hver nat")
        #expect(
            NSDictionary(dictionary: (v2["goals"] as! [[String: Any]])[0])
                == NSDictionary(dictionary: (v1["goals"] as! [[String: Any]])[0]))
        #expect(v2["purpose"] as? String == v1["purpose"] as? String)
        #expect(NSArray(array: v2["transitionGoals"] as! [Any]) == NSArray(array: v1["transitionGoals"] as! [Any]))
        #expect((v2["measures"] as! [[String: Any]]).map { $0["goalIDs"] as! [String] } == [["M2"], ["M1", "O1"]])
    }

    @Test("en anonym underretter fra kommandolinjen: intet navn kræves, ingen kvittering")
    func anonymousNotifierFromOptions() throws {
        let store = Unge.emptyStore()
        let r = try Unge.run(
            [
                "underret", "--navn", "Emma Test", "--foedselsdato", "2011-05-04", "--anonym-underretter", "ja",
                "--modtaget-via", "telefon",
                "--forhold", "Fravær.", "--ung-orienteret", "nej", "--foraeldre-orienteret", "ja",
            ], store: store)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("- **Modtaget via:** telefon"))
        #expect(r.stdout.contains("- **Navn:** anonym"))
        #expect(!r.stderr.contains("Kvittering"))
        let report = (try Self.caseJSON(store, "2026-0001")["concernReports"] as! [[String: Any]])[0]
        #expect((report["reporter"] as! [String: Any])["anonymous"] as? Bool == true)
    }

    @Test("indsats går gennem den samme vej: afbrudt dialog giver en kladde; anonym sag afvises; --kladde gemmer intet")
    func indsatsPipeline() throws {
        let store = try Unge.fixtureStore()
        let cut = try Unge.run(["indsats", "2026-0003", "--interaktiv"], store: store, input: "\n")
        #expect(cut.status == 2)
        #expect(
            cut.stderr.hasSuffix(
                "Dit svar er gemt som kladde. Kør 'unge indsats 2026-0003 --interaktiv' igen for at fortsætte.\n"))
        #expect(
            try Unge.draftExists(store, "indsats-2026-0003"))
        let anonymous = try Unge.run(
            ["indsats", "2026-0007", "--type", "kontaktperson", "--formaal", "Støtte"], store: store)
        #expect(anonymous.status == 1)
        #expect(anonymous.stderr.contains("Der kan ikke laves en afgørelse på den, før den unge er identificeret"))
        let before = try Self.caseJSON(store, "2026-0003")["revision"] as? Int
        let draft = try Unge.run(
            [
                "indsats", "2026-0003", "--type", "kontaktperson", "--dato", "2026-08-25", "--formaal",
                "Støtte til skolegang", "--varighed", "6 måneder",
                "--samtykke", "foraeldremyndighed:2026-08-20", "--kladde",
            ], store: store)
        #expect(draft.status == 0, "\(draft.stderr)")
        #expect(draft.stderr.hasSuffix("Kladden er ikke gemt.\n"))
        #expect(try Self.caseJSON(store, "2026-0003")["revision"] as? Int == before)
    }

    @Test("\"nej\" til sidst beholder svarene som kladde; næste gang gemmes de uden at skrive dem igen")
    func noAtTheEnd() throws {
        let store = try Unge.fixtureStore()
        #expect(
            try Unge.run(["undersoeg", "2026-0003", "--fra-fil", Self.fixture("undersoegelse.json")], store: store)
                .status == 0)
        #expect(try Unge.run(["plan", "2026-0003", "--fra-fil", Self.fixture("plan.json")], store: store).status == 0)
        let answers = [
            "U18-teamet", "1", "Færre dage med hash", "M2", "Sove bedre", "M2", "1", "Søvndagbog", "",
            "Motiverende samtale", "nej",
        ]
        let no = try Unge.run(
            ["behandlingsplan", "2026-0003", "--interaktiv"], store: store,
            input: answers.joined(separator: "\n") + "\n")
        #expect(no.status == 2)
        #expect(
            no.stderr.hasSuffix(
                "Intet er gemt endnu. Dine 10 svar er gemt som kladde. Kør 'unge behandlingsplan 2026-0003 --interaktiv' igen for at fortsætte.\n"
            ))
        #expect((try Self.caseJSON(store, "2026-0003")["treatmentPlans"] as? [Any] ?? []).isEmpty)
        let yes = try Unge.run(["behandlingsplan", "2026-0003", "--interaktiv"], store: store, input: "j\ng\n")
        #expect(yes.status == 0, "\(yes.stderr)")
        #expect(yes.stdout.contains("| B1 | Sove bedre | M2: Sove godt og have overskud | Søvndagbog |"))
        #expect(
            try !Unge.draftExists(store, "behandlingsplan-2026-0003"))
    }
}
