import Foundation
import Glibc
import Testing

/// End to end: the store uses only its own folders, keeps what it does not know, refuses what it
/// could not read back, and stops deadline commands on unusable settings (issue 10, items 3, 4, 8, 10).
@Suite("Lagerets sikkerhed (ende til ende)", .bothStores)
struct StoreSafetyTests {
    static let case1 = "2026-0001"

    func caseJSON(_ store: URL, _ id: String = case1) throws -> [String: Any] {
        let data = try Unge.caseData(store, "\(id)")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func writeCaseJSON(_ store: URL, _ object: [String: Any], _ id: String = case1) throws {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: store.appendingPathComponent("sager/\(id).json"))
    }

    func mode(_ path: String) -> mode_t {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & 0o7777 : 0
    }

    @Test(
        "et forkert --lager opretter intet: kun ny og underret opretter et lager og siger det",
        .fileOnly("om mapper: et teamlager er en database, som IT opretter med 'unge lager init'"))
    func mistypedStore() throws {
        let store = Unge.emptyStore()
        for args in [
            ["liste"], ["vis", Self.case1], ["notat", Self.case1, "tekst"], ["frister"], ["log", Self.case1],
            ["indstillinger"],
        ] {
            let r = try Unge.run(args, store: store)
            #expect(r.status == 3, "\(args)")
            #expect(
                r.stderr
                    == "Fejl: Der er intet lager i '\(store.path)'. Tjek stien i --lager eller UNGE_LAGER. Et nyt lager oprettes kun, når du opretter en sag med 'unge ny' eller 'unge underret' eller gemmer en indstilling med 'unge indstillinger'.\n",
                "\(args)")
        }
        #expect(!FileManager.default.fileExists(atPath: store.path))
        let created = try Unge.run(["ny", "--navn", "Testa Test", "--foedselsdato", "2010-01-01"], store: store)
        #expect(created.status == 0)
        #expect(created.stderr == "Nyt lager oprettet i \(store.path).\n")
        #expect(mode(store.path) == 0o700)
        let again = try Unge.run(["ny", "--navn", "Testb Andersen", "--foedselsdato", "2010-01-01"], store: store)
        #expect(again.status == 0)
        #expect(again.stderr.isEmpty)
    }

    @Test(
        "en eksisterende mappe, andre kan læse, afvises som lager og ændres ikke",
        .fileOnly("om mappens rettigheder"))
    func sharedFolderRefused() throws {
        let store = try Unge.fixtureStore()
        chmod(store.path, 0o750)
        for args in [["liste"], ["ny", "--navn", "Testa Test", "--foedselsdato", "2010-01-01"]] {
            let r = try Unge.run(args, store: store)
            #expect(r.status == 3)
            #expect(r.stderr.contains("kan bruges af andre end dig (rettigheder 750)"))
            #expect(r.stderr.contains("ændrer ikke rettighederne på en mappe, det ikke selv har oprettet"))
        }
        #expect(mode(store.path) == 0o750)
        #expect(!FileManager.default.fileExists(atPath: store.path + "/log"))
    }

    @Test(
        "symbolsk linkede lagermapper og -filer følges aldrig",
        .fileOnly("om symbolske links i lagermappen"),
        arguments: ["sager", "log", "laase", "rediger", "indeks.tsv"])
    func symlinkedStoreFolders(name: String) throws {
        let store = try Unge.fixtureStore()
        let outside = store.deletingLastPathComponent().appendingPathComponent("udenfor")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        chmod(outside.path, 0o755)
        let lookalike = outside.appendingPathComponent("99999999.aBcDeF")
        try FileManager.default.createDirectory(at: lookalike, withIntermediateDirectories: true)
        if name == "sager" {
            try FileManager.default.moveItem(
                at: store.appendingPathComponent("sager"), to: outside.appendingPathComponent("sager"))
            try FileManager.default.createSymbolicLink(
                atPath: store.path + "/sager", withDestinationPath: outside.path + "/sager")
        } else {
            try FileManager.default.createSymbolicLink(
                atPath: store.path + "/" + name, withDestinationPath: outside.path)
        }
        let before = try FileManager.default.contentsOfDirectory(atPath: outside.path).sorted()
        for args in [["liste"], ["notat", Self.case1, "tekst"], ["vis", Self.case1]] {
            let r = try Unge.run(args, store: store)
            #expect(r.status == 3, "\(args)")
            #expect(
                r.stderr.contains("Fejl: '\(name)' i lageret er et symbolsk link, ikke noget unge selv har oprettet."),
                "\(args): \(r.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).sorted() == before)
        #expect(mode(outside.path) == 0o755)
    }

    @Test(
        "ukendte felter (øverst og indlejret) overlever notat og rediger",
        .fileOnly("skriver ukendte felter i sagsfilen med hånden"))
    func unknownFieldsSurvive() throws {
        let store = try Unge.fixtureStore()
        var doc = try caseJSON(store)
        doc["fraNyereVersion"] = ["niveau": 2, "liste": [1, 2]]
        var person = try #require(doc["youngPerson"] as? [String: Any])
        person["kaldenavn"] = "Mia"
        doc["youngPerson"] = person
        var journal = try #require(doc["journal"] as? [[String: Any]])
        journal[0]["vigtig"] = true
        doc["journal"] = journal
        try writeCaseJSON(store, doc)

        #expect(try Unge.run(["notat", Self.case1, "Et nyt notat."], store: store).status == 0)
        var after = try caseJSON(store)
        #expect((after["fraNyereVersion"] as? [String: Any])?["niveau"] as? Int == 2)
        #expect((after["youngPerson"] as? [String: Any])?["kaldenavn"] as? String == "Mia")
        var entries = try #require(after["journal"] as? [[String: Any]])
        #expect(entries[0]["vigtig"] as? Bool == true)
        #expect(entries.last?["text"] as? String == "Et nyt notat.")
        #expect(entries.last?["vigtig"] == nil)

        // rediger shows them, keeps them, and keeps one the user adds by hand.
        let editor = "sed -i -e 's/\"kaldenavn\" : \"Mia\"/\"kaldenavn\" : \"Mie\", \"tilfoejet\" : \"i editoren\"/'"
        let r = try Unge.run(["rediger", Self.case1], store: store, env: ["EDITOR": editor])
        #expect(r.status == 0, "\(r.stderr)")
        after = try caseJSON(store)
        #expect((after["fraNyereVersion"] as? [String: Any])?["niveau"] as? Int == 2)
        #expect((after["youngPerson"] as? [String: Any])?["kaldenavn"] as? String == "Mie")
        #expect((after["youngPerson"] as? [String: Any])?["tilfoejet"] as? String == "i editoren")
        entries = try #require(after["journal"] as? [[String: Any]])
        #expect(entries[0]["vigtig"] as? Bool == true)
    }

    @Test("en tekst over grænsen afvises med exit 2, og intet gemmes")
    func textTooLong() throws {
        let store = try Unge.fixtureStore()
        let before = try Unge.caseData(store, "\(Self.case1)")
        let r = try Unge.run(["notat", Self.case1, String(repeating: "a", count: 100_001)], store: store)
        #expect(r.status == 2)
        #expect(
            r.stderr
                == "Fejl: Teksten i feltet 'text' er for lang (100001 tegn; højst 100000 tegn i ét felt). Intet er gemt. Del teksten op, fx i flere notater.\n"
        )
        #expect(try Unge.caseData(store, "\(Self.case1)") == before)
        #expect(try Unge.run(["notat", Self.case1, String(repeating: "a", count: 100_000)], store: store).status == 0)
    }

    @Test(
        "beskadigede eller linkede indstillinger stopper fristberegningen med exit 3",
        .fileOnly("om indstillingsfilen i lagermappen"),
        arguments: ["beskadiget", "link", "forkert type"])
    func badSettingsStopDeadlines(kind: String) throws {
        let store = try Unge.fixtureStore()
        let settings = store.appendingPathComponent("indstillinger.json")
        switch kind {
        case "beskadiget": try Data("{\"alsoClosed\": tr".utf8).write(to: settings)
        case "link":
            let real = store.deletingLastPathComponent().appendingPathComponent("indstillinger.json")
            try Data("{\"schemaVersion\": 1, \"alsoClosed\": true}".utf8).write(to: real)
            try FileManager.default.createSymbolicLink(atPath: settings.path, withDestinationPath: real.path)
        default: try Data("{\"schemaVersion\": 1, \"alsoClosed\": \"ja\"}".utf8).write(to: settings)
        }
        let runs = [
            ["frister"], ["frist", "--fra", "2026-12-22", "--hverdage", "3"], ["helligdage", "2026"],
            ["underret", "--fra-fil", Unge.fixtures.appendingPathComponent("underret/eksempel.json").path],
        ]
        for args in runs {
            let r = try Unge.run(args, store: store)
            #expect(r.status == 3, "\(args): \(r.stderr)")
            #expect(
                r.stderr.hasPrefix("Fejl: Lagerets indstillinger ('indstillinger.json') kan ikke bruges: "),
                "\(args): \(r.stderr)")
            #expect(r.stderr.contains("Frister beregnes ikke med standardindstillinger"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.path + "/sager").count == 14)
    }
}
