import Foundation
import Testing

/// End-to-end runs of the built `unge` for the everyday case commands.
@Suite("Sagskommandoer (ende til ende)", .bothStores)
struct CaseCommandsTests {
    @Test("unge --help viser alle kommandoer; ukendt kommando foreslår den rigtige")
    func rootHelp() throws {
        let help = try Unge.run(["--help"])
        #expect(help.status == 0)
        for name in ["ny", "liste", "vis", "notat", "rediger", "alder", "helligdage", "frist", "log"] {
            #expect(help.stdout.contains("\n  \(name) "), "mangler \(name) i hjælpen")
        }
        let typo = try Unge.run(["lsite"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("Mente du 'liste'?"))
        #expect(try Unge.run(["--version"]).stdout.hasPrefix("unge "))
    }

    @Test("hver kommando har --help med eksempler")
    func commandHelp() throws {
        for name in ["ny", "liste", "vis", "notat", "rediger", "alder", "helligdage", "frist", "log"] {
            let r = try Unge.run([name, "--help"])
            #expect(r.status == 0)
            #expect(r.stdout.contains("Eksempler:"), "\(name) --help mangler eksempler")
        }
        let bad = try Unge.run(["liste", "--stauts", "ny"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("Mente du '--status'?"))
    }

    @Test("liste over fikstur-lageret med filtre og JSON")
    func liste() throws {
        let store = try Unge.fixtureStore()
        let all = try Unge.run(["liste"], store: store)
        #expect(all.status == 0)
        try Unge.expectGolden(all.stdout, "cli/liste.txt")
        let teens = try Unge.run(["liste", "--alder", "15-17"], store: store)
        #expect(teens.stdout.contains("Malik Hassan"))
        #expect(teens.stdout.contains("Jonas Bech"))
        #expect(!teens.stdout.contains("Emma"))
        #expect(!teens.stdout.contains("Frederik"))
        let search = try Unge.run(["liste", "--soeg", "SOFIE", "--json"], store: store)
        let json = try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as! [String: Any]
        #expect(json["formatVersion"] as? Int == 1)
        let cases = json["cases"] as! [[String: Any]]
        try #require(cases.count == 1)
        #expect(cases[0]["id"] as? String == "2026-0003")
        #expect(cases[0]["age"] as? Int == 16)
        let counselling = try Unge.run(["liste", "--status", "rådgivning"], store: store)
        #expect(counselling.stdout.contains("2026-0007"))
        #expect(!counselling.stdout.contains("2026-0001"))
        let cpr = try Unge.run(["liste", "--soeg", "740312-4118"], store: store)
        #expect(cpr.stdout.contains("Emma Nørgaard Friis"))
        #expect(!cpr.stdout.contains("Malik"))
        let open = try Unge.run(["liste", "--kun-aabne", "--json"], store: store)
        let openJSON = try JSONSerialization.jsonObject(with: Data(open.stdout.utf8)) as! [String: Any]
        let openCases = openJSON["cases"] as! [[String: Any]]
        #expect(openCases.count == 14)
        #expect(openCases.allSatisfy { ($0["openChecklistItems"] as? Int ?? 0) > 0 })
        let badAge = try Unge.run(["liste", "--alder", "17-15"], store: store)
        #expect(badAge.status == 2)
        #expect(badAge.stderr.contains("15-17"))
    }

    @Test(
        "en ødelagt sagsfil navngives, de andre vises stadig, og intet overskrives",
        .fileOnly("en ødelagt sagsfil findes kun i fillageret; databasen gemmer kun gyldig JSON"))
    func corruptFile() throws {
        let store = try Unge.fixtureStore()
        let bad = store.appendingPathComponent("sager/2026-0002.json")
        try Data("{\"schemaVersion\": 1, \"id\": \"2026-00".utf8).write(to: bad)
        let r = try Unge.run(["liste"], store: store)
        #expect(r.status == 3)
        #expect(r.stderr.contains("2026-0002.json"))
        #expect(r.stdout.contains("2026-0001"))
        #expect(r.stdout.contains("2026-0003"))
        #expect(try Data(contentsOf: bad) == Data("{\"schemaVersion\": 1, \"id\": \"2026-00".utf8))
        let vis = try Unge.run(["vis", "2026-0002"], store: store)
        #expect(vis.status == 3)
        #expect(vis.stderr.contains("2026-0002.json"))
    }

    @Test("vis viser sagen med maskeret CPR; --vis-cpr viser det og logges")
    func vis() throws {
        let store = try Unge.fixtureStore()
        let r = try Unge.run(["vis", "2026-0001"], store: store)
        #expect(r.status == 0)
        try Unge.expectGolden(r.stdout, "cli/vis-2026-0001.md")
        #expect(r.stdout.contains("740312-xxxx"))
        #expect(!r.stdout.contains("4118"))
        let json = try Unge.run(["vis", "2026-0001", "--json"], store: store)
        #expect(json.stdout.contains("\"formatVersion\" : 1"))
        #expect(!json.stdout.contains("4118"))
        let full = try Unge.run(["vis", "2026-0001", "--vis-cpr"], store: store)
        #expect(full.stdout.contains("740312-4118"))
        let log = try Unge.run(["log", "2026-0001"], store: store)
        #expect(log.stdout.contains("fik vist det fulde CPR-nummer med 'unge vis'."))
        let malik = try Unge.run(["vis", "2026-0002"], store: store, env: ["COLUMNS": "200"])
        #expect(
            malik.stdout.contains(
                "- Underretning nr. 1, modtaget 27.08.2026 kl. 10.15 fra Mette Krog (UU-vejleder); bekymringsbuen: orange; forældrene er orienteret"
            ))
        #expect(malik.stdout.contains("- Dialogredskaber: ") && malik.stdout.contains("netværksmøde 31.08.2026"))
        #expect(malik.stdout.contains("Vurdering af underretning nr. 1 (24 timer)"))
        let missing = try Unge.run(["vis", "2026-0999"], store: store)
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("2026-0999"))
        let evil = try Unge.run(["vis", "../etc/passwd"], store: store)
        #expect(evil.status == 2)
    }

    @Test("ny opretter en sag uden spørgsmål, og afviser manglende og forkerte oplysninger")
    func ny() throws {
        let store = Unge.emptyStore()
        let missing = try Unge.run(["ny", "--navn", "Test Testesen"], store: store)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("CPR-nummer (--cpr) eller fødselsdato (--foedselsdato)"))
        #expect(try Unge.caseIDs(store).isEmpty)
        let badDate = try Unge.run(["ny", "--navn", "Test", "--foedselsdato", "2026-02-30"], store: store)
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("ÅÅÅÅ-MM-DD"))
        let badCPR = try Unge.run(["ny", "--navn", "Test", "--cpr", "12AB56-7890"], store: store)
        #expect(badCPR.status == 2)
        #expect(badCPR.stderr.contains("DDMMÅÅ-XXXX"))
        let ok = try Unge.run(["ny", "--navn", "Test Testesen", "--cpr", "700110-4567", "--json"], store: store)
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("\"id\" : \"2026-0001\""))
        let second = try Unge.run(["ny", "--anonym"], store: store)
        #expect(second.stdout.contains("2026-0002"))
        #expect(try Unge.caseIDs(store) == ["2026-0001", "2026-0002"])
        guard Unge.isFolder(store) else { return }  // the files' modes: the file store only
        var st = stat()
        #expect(stat(store.appendingPathComponent("sager/2026-0001.json").path, &st) == 0)
        #expect(st.st_mode & 0o777 == 0o600)
        #expect(stat(store.appendingPathComponent("sager").path, &st) == 0)
        #expect(st.st_mode & 0o777 == 0o700)
    }

    @Test("ny spørger med --interaktiv og gemmer kun ved ja")
    func nyInteractive() throws {
        let store = Unge.emptyStore()
        let no = try Unge.run(["ny", "--interaktiv"], store: store, input: "Ida Holm\n2011-04-01\n\n\nn\n")
        #expect(no.status == 2)
        #expect(no.stderr.contains("Intet er gemt"))
        let eof = try Unge.run(["ny", "--interaktiv"], store: store, input: "Ida Holm\n")
        #expect(eof.status == 2)
        #expect(try !Unge.caseExists(store, "2026-0001"))
        let yes = try Unge.run(
            ["ny", "--interaktiv"], store: store, input: "Ida Holm\nikke en dato\n2011-04-01\nVestbyens Skole\n\nj\n")
        #expect(yes.status == 0)
        #expect(yes.stderr.contains("hverken et CPR-nummer"))
        #expect(yes.stdout.contains("Sag 2026-0001 er oprettet for Ida Holm (15 år)"))
    }

    @Test("notat gemmes med ny revision; tom tekst afvises")
    func notat() throws {
        let store = try Unge.fixtureStore()
        let r = try Unge.run(["notat", "2026-0003", "Samtale med Sofie om skolen."], store: store)
        #expect(r.status == 0)
        #expect(r.stdout == "Notat gemt på sag 2026-0003 (revision 2).\n")
        let vis = try Unge.run(["vis", "2026-0003"], store: store)
        #expect(vis.stdout.contains("testbruger: Samtale med Sofie om skolen."))
        let empty = try Unge.run(["notat", "2026-0003", "  "], store: store)
        #expect(empty.status == 2)
        let log = try Unge.run(["log", "2026-0003", "--json"], store: store)
        #expect(log.stdout.contains("\"revisionAfter\" : 2"))
        #expect(!log.stdout.contains("Samtale med Sofie"))
    }

    @Test("rediger gemmer en gyldig ændring og afviser en ugyldig uden at ændre sagen")
    func rediger() throws {
        let store = try Unge.fixtureStore()
        let before = try Unge.caseData(store, "2026-0005")
        let bad = try Unge.run(
            ["rediger", "2026-0005"], store: store,
            env: ["EDITOR": "sed -i 's/\"closeness\" : 1/\"closeness\" : \"tæt\"/'"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("closeness"))
        #expect(bad.stderr.contains("opgivet"))
        #expect(try Unge.caseData(store, "2026-0005") == before)
        let rev = try Unge.run(
            ["rediger", "2026-0005"], store: store, env: ["EDITOR": "sed -i 's/\"revision\" : 1/\"revision\" : 7/'"])
        #expect(rev.status == 1)
        #expect(rev.stderr.contains("revision må ikke ændres"))
        let good = try Unge.run(
            ["rediger", "2026-0005"], store: store,
            env: ["EDITOR": "sed -i 's/Ledig, tidligere tømrerlærling/Tømrerlærling igen/'"])
        #expect(good.status == 0)
        #expect(good.stdout.contains("revision 2"))
        #expect(try Unge.run(["vis", "2026-0005"], store: store).stdout.contains("Tømrerlærling igen"))
        let leftovers =
            (try? FileManager.default.contentsOfDirectory(atPath: store.appendingPathComponent("rediger").path)) ?? []
        #expect(leftovers.isEmpty)
        let none = try Unge.run(["rediger", "2026-0005"], store: store, env: ["EDITOR": "true"])
        #expect(none.stdout.contains("Ingen ændringer"))
    }

    @Test("ny --beskyttet: fillageret gemmer de navngivne brugere og viser dem; --adgang kræver --beskyttet")
    func restrictedOnFileStore() throws {
        let store = Unge.emptyStore()
        let made = try Unge.run(
            ["ny", "--navn", "Kendt Person", "--foedselsdato", "2010-01-01", "--beskyttet", "--adgang", "bo, lene"],
            store: store)
        #expect(made.status == 0, "\(made.stderr)")
        let shown = try Unge.run(["vis", "2026-0001"], store: store)
        #expect(shown.stdout.contains("kun bo, lene, testbruger kan se sagen"), "\(shown.stdout)")
        let json = try Unge.run(["vis", "2026-0001", "--json"], store: store)
        #expect(json.stdout.contains("\"restricted\""), "\(json.stdout)")
        let plain = try Unge.run(
            ["ny", "--navn", "Anden", "--foedselsdato", "2010-01-01", "--adgang", "bo"], store: store)
        #expect(plain.status == 2)
        let onCase = try Unge.run(["underret", "--sag", "2026-0001", "--beskyttet"], store: store)
        #expect(onCase.status == 2)
        #expect(onCase.stderr.contains("--beskyttet gælder en ny sag"), "\(onCase.stderr)")
    }

    @Test(
        "frister --team på et lager i en mappe: slutkode 2 og en dansk forklaring, som statistik",
        .fileOnly("om et lager i en mappe: hold findes kun i teamlageret"))
    func teamDeadlinesOnFileStore() throws {
        let store = try Unge.fixtureStore()
        let r = try Unge.run(["frister", "--team", "Nord"], store: store)
        #expect(r.status == 2)
        #expect(r.stderr.contains("Teams findes kun på et fælles lager"), "\(r.stderr)")
        let s = try Unge.run(["statistik", "--team", "Nord"], store: store)
        #expect(s.status == 2)
    }
}
