import Foundation
import Testing

@Suite("Afgørelser, lukning og genåbning (ende til ende)", .bothStores)
struct IndsatsCommandTests {
    /// A store with one case for a young person born on `born` (the clock is pinned to 1 September 2026).
    static func storeWithCase(born: String) throws -> URL {
        let store = Unge.emptyStore()
        let r = try Unge.run(["ny", "--navn", "Test Ung", "--foedselsdato", born], store: store)
        #expect(r.status == 0, "\(r.stderr)")
        return store
    }

    static func caseJSON(_ store: URL) throws -> [String: Any] {
        let data = try Unge.caseData(store, "2026-0001")
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    @Test("en § 33-afgørelse gemmes med 14-dages-frist, journalnotat og vises i frister og som dokument")
    func treatment() throws {
        let store = try Self.storeWithCase(born: "2011-03-01")
        let r = try Unge.run(
            [
                "indsats", "2026-0001", "--type", "behandling-ambulant", "--henvendelse", "2026-08-22", "--dato",
                "2026-08-25",
                "--formaal", "Stoppe med hash", "--samtykke", "foraeldremyndighed:2026-08-25", "--samtykke",
                "ung:2026-08-25",
            ],
            store: store)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout.contains(
                "Afgørelse A1 gemt på sag 2026-0001: Stofmisbrugsbehandling, ambulant (barnets lov § 33 (tidl. serviceloven § 101))."
            ))
        #expect(
            r.stdout.contains(
                "Ny frist: Behandling iværksat senest 14 dage efter henvendelsen (A1), senest 5. september 2026 (barnets lov § 33, stk. 1 (tidl. serviceloven § 101, stk. 4))"
            ))
        #expect(r.stdout.contains("Plan: ingen planpligt efter denne afgørelse"))
        let frister = try Unge.run(["frister"], store: store, env: ["COLUMNS": "400"])
        #expect(frister.stdout.contains("05.09.2026  Behandling iværksat senest 14 dage efter henvendelsen (A1)"))
        let list = try Unge.run(["indsats", "2026-0001"], store: store)
        #expect(
            list.stdout.contains(
                "A1  Stofmisbrugsbehandling, ambulant  barnets lov § 33 (tidl. serviceloven § 101)  25.08.2026  –      planlagt"
            ))
        let doc = try Unge.run(["indsats", "2026-0001", "A1"], store: store)
        try Unge.expectGolden(doc.stdout, "indsats/afgoerelse-33.md")
        let json = try Unge.run(["indsats", "2026-0001", "A1", "--format", "json"], store: store)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect(object["formatVersion"] as? Int == 1)
        #expect(object["legalBasis"] as? String == "barnets lov § 33 (tidl. serviceloven § 101)")
        let journal = (try Self.caseJSON(store)["journal"] as! [[String: Any]]).map { $0["text"] as! String }
        #expect(
            journal.last
                == "Afgørelse A1 registreret: stofmisbrugsbehandling, ambulant efter barnets lov § 33 (tidl. serviceloven § 101), truffet 25. august 2026. Formål: Stoppe med hash."
        )
    }

    @Test(
        "forkert type til alder eller dato afvises med paragraf og alternativ; intet gemmes",
        arguments: [
            (
                ["--type", "ungestoette-kontaktperson", "--dato", "2026-08-25", "--start", "2026-09-01"], "2009-06-01",
                Int32(1), "18-årsdagen"
            ),
            (["--type", "behandling-ambulant", "--dato", "2026-08-25"], "2007-01-01", 1, "sel101-ambulant"),
            (
                ["--type", "kontaktperson", "--dato", "2023-08-25", "--formaal", "x", "--varighed", "1 år"],
                "2010-06-01", 1, "sel52"
            ),
            (
                ["--type", "behandling-ambulant", "--dato", "2026-08-20", "--henvendelse", "2026-08-22"], "2011-01-01",
                2, "før henvendelsen"
            ),
            (
                [
                    "--type", "kontaktperson", "--dato", "2026-08-20", "--start", "2026-08-25", "--slut", "2026-08-24",
                    "--formaal", "x", "--varighed", "1 år",
                ], "2011-01-01", 2, "før starten"
            ),
            (["--type", "nogetandet"], "2011-01-01", 2, "Vælg en af"),
        ])
    func refused(_ extra: [String], _ born: String, _ status: Int32, _ hint: String) throws {
        let store = try Self.storeWithCase(born: born)
        let before = try Unge.caseData(store, "2026-0001")
        let r = try Unge.run(["indsats", "2026-0001"] + extra, store: store)
        #expect(r.status == status, "\(r.stderr)")
        #expect(r.stderr.contains(hint), "\(r.stderr)")
        #expect(try Unge.caseData(store, "2026-0001") == before)
    }

    @Test("§ 47 uden plan før afgørelsen afvises (slutkode 1)")
    func placementWithoutPlan() throws {
        let store = try Self.storeWithCase(born: "2010-02-01")
        let r = try Unge.run(
            [
                "indsats", "2026-0001", "--type", "anbringelse-uden-samtykke", "--grundlag", "3", "--dato",
                "2026-08-25", "--formaal", "x", "--varighed", "1 år",
            ],
            store: store)
        #expect(r.status == 1)
        #expect(r.stderr.contains("skal ungeplanen foreligge, før afgørelsen træffes"))
        #expect(r.stderr.contains("Lovgrundlag: barnets lov § 108, stk. 4 (tidl. serviceloven § 140)."))
    }

    @Test("stillingtagen 'ingen plan' opfylder planfristen; --afslut afslutter en afgørelse")
    func stanceAndEnd() throws {
        let store = try Self.storeWithCase(born: "2013-01-01")
        #expect(
            try Unge.run(
                [
                    "indsats", "2026-0001", "--type", "kontaktperson", "--dato", "2026-08-01", "--start", "2026-08-05",
                    "--formaal", "Skolegang",
                    "--varighed", "6 måneder", "--samtykke", "foraeldremyndighed:2026-07-30",
                ], store: store
            ).status == 0)
        #expect(
            try Unge.run(["frister"], store: store, env: ["COLUMNS": "300"]).stdout.contains(
                "Stillingtagen til barnets plan (A1)"))
        let noReason = try Unge.run(
            ["indsats", "2026-0001", "--type", "ingen-plan", "--dato", "2026-08-20"], store: store)
        #expect(noReason.status == 2)
        let stance = try Unge.run(
            [
                "indsats", "2026-0001", "--type", "ingen-plan", "--dato", "2026-08-20", "--grund", "Kort indsats",
                "--vedroerer", "A1",
            ], store: store)
        #expect(stance.status == 0, "\(stance.stderr)")
        #expect(
            !(try Unge.run(["frister"], store: store, env: ["COLUMNS": "300"]).stdout.contains(
                "Stillingtagen til barnets plan (A1)")))
        let end = try Unge.run(
            ["indsats", "2026-0001", "--afslut", "A1", "--dato", "2026-08-30", "--grund", "Målet er nået"], store: store
        )
        #expect(end.status == 0, "\(end.stderr)")
        #expect(try Unge.run(["indsats", "2026-0001"], store: store).stdout.contains("afsluttet 30. august 2026"))
        let again = try Unge.run(
            ["indsats", "2026-0001", "--afslut", "A1", "--dato", "2026-08-31", "--grund", "x"], store: store)
        #expect(again.status == 2)
    }

    @Test("indsats guidet: typerne passer til alderen, og kun et ja gemmer")
    func guided() throws {
        let store = try Self.storeWithCase(born: "2005-03-01")
        // 21 years old: the menu offers ungestøtte and adult treatment, not § 32.
        let answers = [
            "2026-08-25", "1", "Fast voksen at ringe til", "12 måneder", "2026-09-01", "", "2026-08-25", "j",
        ]
        let r = try Unge.run(
            ["indsats", "2026-0001", "--interaktiv"], store: store, input: answers.joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("Typer, der passer til en ung på 21 år på 25. august 2026:"))
        #expect(r.stderr.contains("1. Ungestøtte: opretholdt døgnophold (ungestoette-doegnophold)"))
        #expect(!r.stderr.contains("(kontaktperson)"))
        #expect(r.stdout.contains("Afgørelse A1 gemt"))
        let cancelled = try Unge.run(["indsats", "2026-0001", "--interaktiv"], store: store, input: "2026-08-25\n")
        #expect(cancelled.status == 2)
    }

    @Test("en lukket sag har ingen åbne frister, vises under --status lukket og advarer ved skrivning; genåbn")
    func closeAndReopen() throws {
        let store = try Self.storeWithCase(born: "2013-01-01")
        #expect(
            try Unge.run(
                [
                    "indsats", "2026-0001", "--type", "kontaktperson", "--dato", "2026-08-01", "--start", "2026-08-05",
                    "--formaal", "Skolegang",
                    "--varighed", "6 måneder",
                ], store: store
            ).status == 0)
        #expect(try Unge.run(["luk", "2026-0001"], store: store).status == 2)
        let close = try Unge.run(["luk", "2026-0001", "--grund", "Familien er flyttet"], store: store)
        #expect(close.status == 0, "\(close.stderr)")
        #expect(close.stdout == "Sag 2026-0001 er lukket 1. september 2026 (revision 3). Den har ingen åbne frister.\n")
        #expect(try Unge.run(["frister"], store: store).stdout == "Der er ingen åbne frister.\n")
        #expect(try Unge.run(["liste", "--status", "lukket"], store: store).stdout.contains("2026-0001  Test Ung"))
        let note = try Unge.run(["notat", "2026-0001", "Telefon fra mor"], store: store)
        #expect(note.status == 0)
        #expect(note.stderr.contains("ADVARSEL: Sag 2026-0001 er lukket (1. september 2026)."))
        #expect(try Unge.run(["luk", "2026-0001", "--grund", "igen"], store: store).status == 2)
        let reopen = try Unge.run(["genaabn", "2026-0001", "--grund", "Ny underretning"], store: store)
        #expect(reopen.status == 0)
        #expect(!reopen.stderr.contains("ADVARSEL"))
        #expect(
            try Unge.run(["frister"], store: store, env: ["COLUMNS": "300"]).stdout.contains(
                "Første opfølgning på fast kontaktperson (A1)"))
        #expect(try Unge.run(["genaabn", "2026-0001"], store: store).status == 2)
        let journal = (try Self.caseJSON(store)["journal"] as! [[String: Any]]).map { $0["text"] as! String }
        #expect(
            journal.contains(
                "Sagen er lukket 1. september 2026. Begrundelse: Familien er flyttet. 2 åbne frister og opgaver bortfalder med lukningen."
            ))
        #expect(journal.last == "Sagen er genåbnet (lukket 1. september 2026). Begrundelse: Ny underretning")
    }

    /// Pinned by a mutation run: `vis` writes a read event first, and shows nothing when it cannot (fail closed).
    @Test(
        "vis skriver en læsehændelse og viser intet, når revisionssporet ikke kan skrives",
        .fileOnly(
            "gør revisionssporets månedsmappe til en fil (teamlageret skriver læsningen i samme transaktion: PostgresAccessTests)"
        ))
    func visFailsClosed() throws {
        let store = try Self.storeWithCase(born: "2013-01-01")
        let ok = try Unge.run(["vis", "2026-0001"], store: store)
        #expect(ok.status == 0)
        let month = store.appendingPathComponent("log/2026-09")
        let events = try FileManager.default.contentsOfDirectory(atPath: month.path)
        let logged = try events.map { try String(contentsOf: month.appendingPathComponent($0), encoding: .utf8) }
            .joined()
        #expect(logged.contains(#""action":"read""#) || logged.contains(#""action" : "read""#))
        // Replace the month's folder by a file: the audit event cannot be written.
        try FileManager.default.removeItem(at: month)
        try Data("x".utf8).write(to: month)
        let blocked = try Unge.run(["vis", "2026-0001"], store: store)
        #expect(blocked.status == 3)
        #expect(blocked.stdout == "")
        #expect(!blocked.stderr.contains("Test Ung"))
    }

    /// The fixture store carries cases through the casework; its plans are the golden documents for each plan
    /// kind (SEL § 140 is in Fixtures/plan/handleplan-140.md).
    @Test(
        "fikstur-lageret: en golden plan for hver plantype, afgørelser og frister",
        arguments: [
            ("2026-0011", "barnets-plan-2026-0011.md", "# Barnets plan (barnets lov §§ 91-92)"),
            ("2026-0010", "ungeplan-2026-0010.md", "# Ungeplan (barnets lov §§ 108-109)"),
            ("2026-0008", "ungeplan-22-aar-2026-0008.md", "# Ungeplan (barnets lov §§ 108-109)"),
            ("2026-0012", "handleplan-141-2026-0012.md", "# Handleplan (serviceloven § 141)"),
        ])
    func fixturePlans(_ id: String, _ golden: String, _ title: String) throws {
        let store = try Unge.fixtureStore()
        let r = try Unge.run(["plan", id], store: store)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\n" + title))  // after the letterhead
        try Unge.expectGolden(r.stdout, "lager-dokumenter/\(golden)")
    }

    @Test("fikstur-lageret: frister viser hver ny slags frist; 7.4 besvares af en stillingtagen")
    func fixtureDeadlines() throws {
        let store = try Unge.fixtureStore()
        let r = try Unge.run(["frister", "--json"], store: store)
        let rows =
            (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any])["deadlines"]
            as! [[String: Any]]
        let kinds = Set(rows.map { $0["kind"] as! String })
        for kind in [
            "treatmentStart", "plan", "followUp", "youthSupportDecision", "transitionAt18", "notifierFeedback",
            "receipt", "assessment",
        ] {
            #expect(kinds.contains(kind), "\(kind) mangler i frister")
        }
        try Unge.expectGolden(try Unge.run(["frister"], store: store).stdout, "lager-dokumenter/frister.txt")
        let check = try Unge.run(["check", "7", "--sag", "2026-0009"], store: store)
        #expect(
            check.stdout.contains(
                "ja         7.4  Plan lavet\n             fra sagen: kommunen har taget stilling 01.03.2026 (A2): ingen plan"
            ))
        let doc = try Unge.run(["indsats", "2026-0012", "A1"], store: store)
        try Unge.expectGolden(doc.stdout, "lager-dokumenter/afgoerelse-sel101-doegn-2026-0012.md")
        #expect(doc.stdout.contains("**Pris pr. måned:** 62.000 kr."))
    }

    @Test("--fra-fil: døgnbehandling med pris og efterbehandling; en ukendt type i filen giver slutkode 2")
    func fromFile() throws {
        let store = try Self.storeWithCase(born: "2010-05-01")
        let file = Unge.fixtures.appendingPathComponent("indsats/afgoerelse.json").path
        let r = try Unge.run(["indsats", "2026-0001", "--fra-fil", file], store: store)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "")
        #expect(
            r.stdout.contains(
                "Afgørelse A1 gemt på sag 2026-0001: Stofmisbrugsbehandling, døgnbehandling (barnets lov § 33 (tidl. serviceloven § 101))."
            ))
        // Planned to start 2 September, tomorrow: a planned start never meets the deadline (LAW.md).
        let all = try Unge.run(["frister", "--alle", "--json"], store: store)
        let rows =
            (try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as! [String: Any])["deadlines"]
            as! [[String: Any]]
        let start = rows.first { $0["deadlineID"] as? String == "afgoerelse-A1-behandlingsstart" }
        #expect(start?["state"] as? String == "open")
        #expect(start?["dueDate"] as? String == "2026-09-03")
        let doc = try Unge.run(["indsats", "2026-0001", "a1", "--format", "html"], store: store)
        #expect(doc.stdout.contains("85.000 kr."))
        #expect(doc.stdout.contains("Ugentlige samtaler i U18-teamet"))
        let bad = store.deletingLastPathComponent().appendingPathComponent("bad.json")
        try Data(#"{"kind":"hvadsomhelst","decisionDate":"2026-08-28"}"#.utf8).write(to: bad)
        let refused = try Unge.run(["indsats", "2026-0001", "--fra-fil", bad.path], store: store)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("Ugyldig værdi for kind: 'hvadsomhelst'"))
    }
}
