import Foundation
import Testing

/// End-to-end runs of `unge undersoeg`, `unge plan` and `unge behandlingsplan` on a copy of the
/// fixture store, with "now" pinned to 1 September 2026 by the harness.
@Suite("Undersøgelse, plan og behandlingsplan (ende til ende)", .bothStores)
struct PlanCommandsTests {
    static func fixture(_ name: String) -> String { Unge.fixtures.appendingPathComponent("plan/\(name)").path }

    static func caseJSON(_ store: URL, _ id: String) throws -> [String: Any] {
        let data = try Unge.caseData(store, "\(id)")
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    @Test("hjælp med eksempler; undersøg er det samme som undersoeg")
    func help() throws {
        for name in ["undersoeg", "undersøg", "plan", "behandlingsplan"] {
            let r = try Unge.run([name, "--help"])
            #expect(r.status == 0)
            #expect(r.stdout.contains("Eksempler:"), "\(name) --help mangler eksempler")
        }
        #expect(try Unge.run(["undersøg", "--help"]).stdout.hasPrefix("unge undersoeg – "))
        let root = try Unge.run(["--help"]).stdout
        for name in ["undersoeg", "plan", "behandlingsplan"] { #expect(root.contains("\n  \(name) ")) }
    }

    @Test("undersøgelse, ungeplan i to versioner og behandlingsplan for Sofie (16 år)")
    func fullFlow() throws {
        let store = try Unge.fixtureStore()
        let exam = try Unge.run(
            ["undersoeg", "2026-0003", "--fra-fil", Self.fixture("undersoegelse.json")], store: store)
        #expect(exam.status == 0)
        #expect(exam.stderr == "Undersøgelsen er gemt på sag 2026-0003.\n")
        try Unge.expectGolden(exam.stdout, "plan/cli-undersoegelse.md")

        let plan = try Unge.run(["plan", "2026-0003", "--fra-fil", Self.fixture("plan.json")], store: store)
        #expect(plan.status == 0)
        #expect(plan.stderr == "Gemt som version 1 af ungeplanen på sag 2026-0003.\n")
        try Unge.expectGolden(plan.stdout, "plan/cli-ungeplan.md")

        // Deadlines are stored on the case for `unge frister`.
        let deadlines = (try Self.caseJSON(store, "2026-0003")["deadlines"] as! [[String: Any]]).map {
            "\($0["id"]!) \($0["dueDate"]!)"
        }
        #expect(
            deadlines == ["undersoegelse 2026-08-20", "plan-afgoerelse 2026-11-20", "opfoelgning-foerste 2026-12-07"])

        // A second version dated at the follow-up, with a change note.
        var v2 =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.fixture("plan.json"))))
            as! [String: Any]
        v2["nextFollowUp"] = "2027-02-28"
        v2["purpose"] = "Sofie skal gøre 10. klasse færdig og komme ind på frisørskolen."
        let v2File = store.deletingLastPathComponent().appendingPathComponent("plan-v2.json")
        try JSONSerialization.data(withJSONObject: v2).write(to: v2File)
        let second = try Unge.run(
            ["plan", "2026-0003", "--fra-fil", v2File.path, "--dato", "2026-11-30", "--aendring", "Første opfølgning"],
            store: store)
        #expect(second.status == 0)
        #expect(second.stderr == "Gemt som version 2 af ungeplanen på sag 2026-0003.\n")

        let history = try Unge.run(["plan", "2026-0003", "--historik"], store: store)
        #expect(history.status == 0)
        try Unge.expectGolden(history.stdout, "plan/cli-historik.md")
        let diff = try Unge.run(["plan", "2026-0003", "--diff", "1", "2"], store: store)
        #expect(diff.status == 0)
        try Unge.expectGolden(diff.stdout, "plan/cli-diff.md")
        let missing = try Unge.run(["plan", "2026-0003", "--diff", "1", "9"], store: store)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("Sagen har version 1, 2."))

        // Without answers the latest version is shown; --version shows an older one.
        #expect(try Unge.run(["plan", "2026-0003"], store: store).stdout.contains("- **Version:** 2"))
        #expect(
            try Unge.run(["plan", "2026-0003", "--version", "1"], store: store).stdout.contains("- **Version:** 1"))

        let t = try Unge.run(
            [
                "behandlingsplan", "2026-0003", "--fra-fil", Self.fixture("behandlingsplan.json"), "--dato",
                "2026-09-21",
            ], store: store)
        #expect(t.status == 0)
        #expect(t.stderr == "Behandlingsplanen er gemt som version 1 på sag 2026-0003.\n")
        #expect(t.stdout.contains("_bygger på Ungeplan (barnets lov §§ 108-109), version 2 af 30. november 2026_"))
        #expect(t.stdout.contains("Alle planens mål dækkes af behandlingsplanen"))
    }

    @Test("en plan, der ikke opfylder kravene, gemmes ikke; --kladde viser MANGLER")
    func refusal() throws {
        let store = try Unge.fixtureStore()
        #expect(
            try Unge.run(["undersoeg", "2026-0003", "--fra-fil", Self.fixture("undersoegelse.json")], store: store)
                .status == 0)
        let bad = store.deletingLastPathComponent().appendingPathComponent("bad.json")
        try Data(
            #"{"goals":[{"id":"M1","text":"Stoppe med hash","area":"health"}],"measures":[{"kind":"mentor","provider":"X","start":"2026-09-01"}],"nextFollowUp":"2026-10-01"}"#
                .utf8
        ).write(to: bad)
        let r = try Unge.run(["plan", "2026-0003", "--fra-fil", bad.path], store: store)
        #expect(r.status == 1)
        #expect(r.stdout == "")
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "FEJL: Formålet med indsatsen mangler. Lovgrundlag: barnets lov §§ 108-109 (tidl. serviceloven § 140).",
                "FEJL: Den forventede varighed mangler for indsatsen 'Mentor'. Lovgrundlag: barnets lov § 32 (tidl. serviceloven § 52).",
                "FEJL: Den unge er 16 år. Planen skal have konkrete mål for overgangen til voksenlivet, fx uddannelse og beskæftigelse. Lovgrundlag: barnets lov § 109, stk. 1 (tidl. serviceloven § 140, stk. 2).",
                "FEJL: Det fremgår ikke, hvordan den unge har deltaget i planen. Lovgrundlag: barnets lov §§ 108-109 (tidl. serviceloven § 140).",
                "FEJL: Anne Lund (forældremyndighedsindehaver) har ikke været med til at formulere målene. Notér deltagelsen, eller skriv hvorfor det ikke var muligt. Lovgrundlag: barnets lov §§ 108-109 (tidl. serviceloven § 140).",
                "ADVARSEL: Det er ikke noteret, om den unge og Anne Lund (forældremyndighedsindehaver) har givet samtykke til ungeplanen. Planen skal så vidt muligt udarbejdes med samtykke fra forældremyndighedsindehaveren og den unge. Lovgrundlag: barnets lov § 109, stk. 2 (tidl. serviceloven § 140).",
                "ADVARSEL: Ingen mål er skrevet med den unges egne ord. Planen skal bygge på den unges egne ønsker. Lovgrundlag: barnets lov §§ 108-109 (tidl. serviceloven § 140).",
                "ADVARSEL: Mål M1 ('Stoppe med hash') siger, hvad den unge skal holde op med. Formulér det som et positivt mål: hvor vil den unge gerne hen? At stoppe kan være et delmål på vejen. Lovgrundlag: håndbogen kap. 4.",
                "Planen er ikke gemt: 5 krav er ikke opfyldt (se ovenfor). Ret det, eller brug --kladde for at se en kladde med MANGLER-markeringer.",
            ])
        #expect((try Self.caseJSON(store, "2026-0003")["actionPlans"] as? [Any])?.isEmpty ?? true)

        let draft = try Unge.run(["plan", "2026-0003", "--fra-fil", bad.path, "--kladde"], store: store)
        #expect(draft.status == 0)
        #expect(
            draft.stdout.contains(
                "> **MANGLER:** Formålet med indsatsen mangler. Lovgrundlag: barnets lov §§ 108-109 (tidl. serviceloven § 140)."
            ))
        #expect(draft.stderr.hasSuffix("Kladden er ikke gemt.\n"))
        #expect((try Self.caseJSON(store, "2026-0003")["actionPlans"] as? [Any])?.isEmpty ?? true)
    }

    @Test("under 18 uden undersøgelse: afvist med paragraffen")
    func noExamination() throws {
        let store = try Unge.fixtureStore()
        let r = try Unge.run(["plan", "2026-0001", "--fra-fil", Self.fixture("plan.json")], store: store)
        #expect(r.status == 1)
        #expect(
            r.stderr.contains(
                "FEJL: Der er ikke registreret en børnefaglig undersøgelse eller afdækning. For en ung under 18 skal planen bygge på den. Registrér den med 'unge undersoeg'. Lovgrundlag: barnets lov § 20 (tidl. serviceloven § 50)."
            ))
        // Emma is 14: barnets plan, so the file's plan kind is checked against her age.
        let json = try Unge.run(
            ["plan", "2026-0001", "--fra-fil", Self.fixture("plan.json"), "--kladde", "--format", "json"], store: store)
        let obj = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect(obj["formatVersion"] as? Int == 1)
        #expect(obj["title"] as? String == "Barnets plan (barnets lov §§ 91-92)")
    }

    @Test("handleplan efter serviceloven § 141 for Frederik (19 år), også som HTML til fil")
    func adult() throws {
        let store = try Unge.fixtureStore()
        let out = store.deletingLastPathComponent().appendingPathComponent("handleplan.html")
        let r = try Unge.run(
            [
                "plan", "2026-0005", "--fra-fil", Self.fixture("handleplan-voksen.json"), "--format", "html", "--ud",
                out.path,
            ], store: store)
        #expect(r.status == 0)
        #expect(
            r.stdout == "Gemt som version 1 af handleplanen på sag 2026-0005. Dokumentet er skrevet til \(out.path).\n")
        #expect(r.stderr == "")
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.contains("<h1>Handleplan (serviceloven <span class=\"nb\">§&nbsp;141</span>)</h1>"))
        #expect(html.contains("900607-xxxx"))
        #expect(!html.contains("900607-4561"))
        #expect(html.contains("size: A4;"))
    }

    @Test("før 2024 bliver Sofies plan en handleplan efter serviceloven § 140")
    func before2024() throws {
        let store = try Unge.fixtureStore()
        let r = try Unge.run(
            ["plan", "2026-0003", "--fra-fil", Self.fixture("plan.json"), "--dato", "2023-12-31", "--kladde"],
            store: store)
        #expect(r.status == 0)
        #expect(r.stdout.contains("\n# Handleplan (serviceloven § 140)\n\n> KLADDE"))
        #expect(
            r.stderr.contains(
                "FEJL: Der er ikke registreret en børnefaglig undersøgelse eller afdækning. For en ung under 18 skal planen bygge på den. Registrér den med 'unge undersoeg'. Lovgrundlag: serviceloven § 50."
            ))
    }

    @Test("et behandlingsmål, der peger på et mål, som ikke findes, afvises")
    func danglingTreatmentGoal() throws {
        let store = try Unge.fixtureStore()
        #expect(
            try Unge.run(["undersoeg", "2026-0003", "--fra-fil", Self.fixture("undersoegelse.json")], store: store)
                .status == 0)
        #expect(try Unge.run(["plan", "2026-0003", "--fra-fil", Self.fixture("plan.json")], store: store).status == 0)
        let bad = store.deletingLastPathComponent().appendingPathComponent("t.json")
        try Data(
            #"{"provider":"U18-teamet","useGoal":{"choice":"stop"},"goals":[{"id":"B1","text":"Gå til træning","planGoalID":"M7"}]}"#
                .utf8
        ).write(to: bad)
        let r = try Unge.run(["behandlingsplan", "2026-0003", "--fra-fil", bad.path], store: store)
        #expect(r.status == 1)
        #expect(
            r.stderr.contains(
                "FEJL: Behandlingsmål B1 ('Gå til træning') peger på mål M7, som ikke findes i planen (version 1). Lovgrundlag: barnets lov § 33 (tidl. serviceloven § 101)."
            ))
        #expect(
            r.stderr.contains(
                "ADVARSEL: Planens mål M1 ('Møde i skole hver dag') dækkes ikke af noget behandlingsmål. Lovgrundlag: håndbogen kap. 7, tjekliste."
            ))
        let none = try Unge.run(["behandlingsplan", "2026-0003"], store: store)
        #expect(none.status == 2)
    }

    @Test("undersøgelsen guidet via --interaktiv, område for område")
    func interactiveExamination() throws {
        let store = try Unge.fixtureStore()
        var answers = ["2026-04-20", "Tre samtaler", "Møde i maj", ""]  // "" : no consents
        for _ in 0..<5 { answers += ["j", "Beskrevet", "", "", "Det går", "den unge"] }
        answers += ["n", "Intet ud over de øvrige områder"]
        answers += ["2026-05-11", "j", "n", ""]  // child interview
        answers += ["Hash i weekenden", "2", "2", ""]  // use, phase, stage of change, no screening
        answers += ["2026-08-10", "j", "Hash og fravær hænger sammen", "2026-08-20"]  // conclusion
        answers += ["j"]  // save
        let r = try Unge.run(
            ["undersoeg", "2026-0003", "--interaktiv"], store: store, input: answers.joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("- **Misbrugsfase:** fase 2: problematisk brug"))
        #expect(r.stdout.contains("Ikke relevant: Intet ud over de øvrige områder"))
        let exam = try Self.caseJSON(store, "2026-0003")["examination"] as! [String: Any]
        #expect(exam["completedDate"] as? String == "2026-08-10")
        #expect((exam["areas"] as! [Any]).count == 6)

        // Ending the input before the last question saves nothing.
        let fresh = try Unge.fixtureStore()
        let cut = try Unge.run(["undersoeg", "2026-0003", "--interaktiv"], store: fresh, input: "2026-04-20\n")
        #expect(cut.status == 2)
        #expect(try Self.caseJSON(fresh, "2026-0003")["examination"] == nil)
    }

    @Test("planen guidet via --interaktiv, afsnit for afsnit, med undersøgelsens fund")
    func interactivePlan() throws {
        let store = try Unge.fixtureStore()
        #expect(
            try Unge.run(["undersoeg", "2026-0003", "--fra-fil", Self.fixture("undersoegelse.json")], store: store)
                .status == 0)
        let answers = [
            "Sofie skal i gang med en uddannelse", "",  // purpose; decision date from the examination
            "Gå i skole hver dag", "Jeg vil i skole", "3", "", "Vækkeur", "", "",  // M1, then no more goals
            "Blive frisør", "", "1", "", "", "", "",  // O1 (education), then no more
            "j", "3", "", "Ungeteamet", "2026-09-07", "6 måneder", "M1; O1", "",  // one measure
            "", "", "", "", "", "", "",  // no other special matters
            "", "", "j", "", "", "j", "",  // Sofie and Anne Lund took part and consented (§ 109, stk. 2); no others
            "",  // next follow-up: the suggested date
            "j",  // save
        ]
        let r = try Unge.run(
            ["plan", "2026-0003", "--interaktiv"], store: store, input: answers.joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("- Skoleforhold: Højt fravær i 10. klasse siden februar; fagligt på niveau."))
        #expect(
            r.stdout.hasPrefix(
                "Udarbejdet af testbruger · 1. september 2026 · Sag 2026-0003 · Fortroligt\n\n# Ungeplan (barnets lov §§ 108-109)\n"
            ))
        #expect(r.stdout.contains("### M1: Gå i skole hver dag"))
        #expect(r.stdout.contains("### O1: Blive frisør"))
        #expect(r.stdout.contains("| Fast kontaktperson | Ungeteamet | 07.09.2026 | 6 måneder | M1, O1 |"))
        #expect(r.stdout.contains("- **Næste opfølgning:** 7. december 2026"))
        #expect(r.stdout.contains("- **Afgørelse om støtte:** 20. august 2026"))
        #expect(r.stderr.hasSuffix("Gemt som version 1 af ungeplanen på sag 2026-0003.\n"))
    }

    @Test("fristerne fra undersøgelse og plan vises i unge frister")
    func frister() throws {
        let store = try Unge.fixtureStore()
        #expect(try Unge.run(["undersoeg", "2026-0003", "--opmaerksom", "2026-06-01"], store: store).status == 0)
        let r = try Unge.run(["frister"], store: store, env: ["COLUMNS": "400"])
        #expect(r.status == 0)
        let line = r.stdout.split(separator: "\n").first { $0.hasPrefix("2026-0003") }.map(String.init) ?? ""
        #expect(line.contains("Sofie Lund Madsen"))
        #expect(line.contains("01.10.2026"))
        #expect(line.contains("Børnefaglig undersøgelse afsluttet"))
        #expect(r.stdout.contains("barnets lov § 20, stk. 3 (tidl. serviceloven § 50, stk. 7)"))
    }

    @Test("behandlingsplanen guidet: hvert mål skal pege på et af planens mål")
    func interactiveTreatment() throws {
        let store = try Unge.fixtureStore()
        #expect(
            try Unge.run(["undersoeg", "2026-0003", "--fra-fil", Self.fixture("undersoegelse.json")], store: store)
                .status == 0)
        #expect(try Unge.run(["plan", "2026-0003", "--fra-fil", Self.fixture("plan.json")], store: store).status == 0)
        let answers = [
            "U18-teamet", "1", "Færre dage med hash", "M2", "Sove bedre", "M9", "M2", "1", "Søvndagbog", "",
            "Motiverende samtale", "j",
        ]
        let r = try Unge.run(
            ["behandlingsplan", "2026-0003", "--interaktiv"], store: store,
            input: answers.joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("Vælg et af planens mål: M1, M2, M3, O1."))
        #expect(
            r.stderr.contains(
                "ADVARSEL: Planens mål M1 ('Møde i skole hver dag') dækkes ikke af noget behandlingsmål. Lovgrundlag: håndbogen kap. 7, tjekliste."
            ))
        #expect(r.stdout.contains("| B1 | Sove bedre | M2: Sove godt og have overskud | Søvndagbog |"))
        #expect(
            r.stdout.contains(
                "Planens mål, som intet behandlingsmål dækker:\n\n- M1: Møde i skole hver dag\n- M3: Komme tilbage til håndbold\n- O1: Starte på frisøruddannelsen"
            ))
        #expect(r.stderr.hasSuffix("Behandlingsplanen er gemt som version 1 på sag 2026-0003.\n"))
    }
}
