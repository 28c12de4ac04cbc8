import Foundation
import Glibc
import Testing

/// End-to-end: `unge statistik` and `unge indberet` (issue 23) on the fixture store.
@Suite("Statistik og registerudtræk (ende til ende)", .bothStores)
struct StatistikCommandTests {
    static func tempFile(_ name: String) throws -> URL {
        let dir = Unge.tempRoot.appendingPathComponent("unge-ud-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name)
    }

    @Test("fikstursagerne giver en statistikside for sidste hele måned, højst 80 tegn bred, uden CPR og navne")
    func fixturePage() throws {
        let store = try Unge.fixtureStore()
        let r = try Unge.run(["statistik"], store: store, env: ["COLUMNS": "200"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Statistik 01.08.2026–31.08.2026"))
        #expect(r.stdout.contains("Underretninger i alt"))
        #expect(r.stdout.contains("Henvendelser om behandling"))
        #expect(r.stdout.contains("barnets lov § 136, stk. 2"))
        for line in r.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        for secret in ["Malik", "Emma", "8005114233", "800511-4233", "2026-0002"] {
            #expect(!r.stdout.contains(secret))
        }
        let json = try Unge.run(
            ["statistik", "--format", "json", "--fra", "2026-01-01", "--til", "2026-08-31"], store: store)
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"formatVersion\""))
        #expect(json.stdout.contains("\"underretninger.i-alt\""))
        let csv = try Unge.run(["statistik", "--format", "csv"], store: store)
        #expect(csv.stdout.hasPrefix("afsnit,noegle,tekst,kolonne,vaerdi,andel_pct,fra,til"))
        let html = try Unge.run(["statistik", "--format", "html"], store: store)
        #expect(html.stdout.contains("<svg"))
        #expect(html.stdout.contains("size: A4"))
    }

    @Test("forkert input: --til før --fra, et team, der ikke kan ses, en eksisterende --ud: exit 2, intet skrevet")
    func badInput() throws {
        let store = try Unge.fixtureStore()
        let backwards = try Unge.run(["statistik", "--fra", "2026-08-31", "--til", "2026-08-01"], store: store)
        #expect(backwards.status == 2)
        #expect(backwards.stderr.contains("før den første"))
        // A team the user is not on: a folder has no teams; in the team store the user is on Nord.
        let team = try Unge.run(["statistik", "--team", Unge.isFolder(store) ? "Nord" : "Syd"], store: store)
        #expect(team.status == 2)
        #expect(team.stderr.contains(Unge.isFolder(store) ? "teamet 'Nord'" : "teamet 'Syd'"), "\(team.stderr)")
        let existing = try Self.tempFile("stat.html")
        try "gammel".write(to: existing, atomically: false, encoding: .utf8)
        let refused = try Unge.run(["statistik", "--format", "html", "--ud", existing.path], store: store)
        #expect(refused.status == 2)
        #expect(try String(contentsOf: existing, encoding: .utf8) == "gammel")
        let backwardsExtract = try Unge.run(
            ["indberet", "smdb", "--fra", "2026-08-31", "--til", "2026-08-01", "--ud", existing.path + "x"],
            store: store)
        #expect(backwardsExtract.status == 2)
        #expect(!FileManager.default.fileExists(atPath: existing.path + "x"))
    }

    @Test(
        "indberet: kun til fil (0600), aldrig uden --ud, validering med exit 1 og ingen fil, revisionsspor med sagerne")
    func extracts() throws {
        let store = try Unge.fixtureStore()
        let out = try Self.tempFile("smdb.csv")
        let noOut = try Unge.run(["indberet", "smdb", "--fra", "2026-01-01", "--til", "2026-12-31"], store: store)
        #expect(noOut.status == 2)
        #expect(noOut.stderr.contains("--ud"))
        #expect(!noOut.stdout.contains("6506114155"))
        // No municipality yet: listed, exit 1, no file.
        let missing = try Unge.run(
            ["indberet", "smdb", "--fra", "2026-01-01", "--til", "2026-12-31", "--ud", out.path], store: store)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("kommunen er ikke sat"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try Unge.run(["indstillinger", "--kommune", "Nordby Kommune"], store: store).status == 0)
        let ok = try Unge.run(
            ["indberet", "smdb", "--fra", "2026-01-01", "--til", "2026-12-31", "--ud", out.path], store: store)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(!ok.stdout.contains("6506114155"))
        let attrs = try FileManager.default.attributesOfItem(atPath: out.path)
        #expect((attrs[.posixPermissions] as? Int) == 0o600)
        let first = try Data(contentsOf: out)
        #expect(String(decoding: first, as: UTF8.self).contains("6506114155"))
        // Exists: refused without --overskriv; with it, the same bytes again (reproducible).
        let again = try Unge.run(
            ["indberet", "smdb", "--fra", "2026-01-01", "--til", "2026-12-31", "--ud", out.path], store: store)
        #expect(again.status == 2)
        if geteuid() != 0 {
            let over = try Unge.run(
                ["indberet", "smdb", "--fra", "2026-01-01", "--til", "2026-12-31", "--ud", out.path, "--overskriv"],
                store: store)
            #expect(over.status == 0, "\(over.stderr)")
            #expect(try Data(contentsOf: out) == first)
        } else {
            let out2 = try Self.tempFile("smdb2.csv")
            #expect(
                try Unge.run(
                    ["indberet", "smdb", "--fra", "2026-01-01", "--til", "2026-12-31", "--ud", out2.path], store: store
                ).status == 0)
            #expect(try Data(contentsOf: out2) == first)
        }
        // The run is in the audit trail of each case it included, and of no other.
        let log = try Unge.run(["log", "2026-0011"], store: store, env: ["COLUMNS": "200"])
        #expect(log.stdout.contains("indberet"), "\(log.stdout)")
        let other = try Unge.run(["log", "2026-0001"], store: store, env: ["COLUMNS": "200"])
        #expect(!other.stdout.contains("indberet"))
        // JSON and the DST extracts.
        let dst = try Self.tempFile("u.json")
        let r = try Unge.run(
            [
                "indberet", "dst-underretninger", "--fra", "2026-01-01", "--til", "2026-12-31", "--ud", dst.path,
                "--format", "json",
            ],
            store: store)
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOf: dst, encoding: .utf8)
        #expect(
            text.contains("\"format\" : \"dst-underretninger\"") || text.contains("\"format\":\"dst-underretninger\""))
        let measures = try Self.tempFile("i.csv")
        #expect(
            try Unge.run(
                ["indberet", "dst-indsatser", "--fra", "2026-01-01", "--til", "2026-12-31", "--ud", measures.path],
                store: store
            ).status == 0)
    }

    @Test("afslut behandling: slutstatus kræves; leverandøren vælges fra kommunens liste")
    func endStatusAndProviders() throws {
        let store = try Unge.fixtureStore()
        #expect(
            try Unge.run(["indstillinger", "--leverandoer", "Ungeteamet Nord:4711"], store: store).status == 0)
        let shown = try Unge.run(["indstillinger"], store: store, env: ["COLUMNS": "200"])
        #expect(shown.stdout.contains("Ungeteamet Nord (Tilbudsportalen 4711)"))
        let unknown = try Unge.run(
            [
                "indsats", "2026-0004", "--type", "behandling-ambulant", "--henvendelse", "2026-08-25", "--dato",
                "2026-08-26", "--formaal", "Stoppe", "--samtykke", "foraeldremyndighed:2026-08-26", "--samtykke",
                "ung:2026-08-26", "--leverandoer", "Et andet sted",
            ], store: store)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Ungeteamet Nord"))
        let noStatus = try Unge.run(
            ["indsats", "2026-0011", "--afslut", "A1", "--dato", "2026-09-01", "--grund", "Færdig"], store: store)
        #expect(noStatus.status == 2)
        #expect(noStatus.stderr.contains("--slutstatus"))
        let ended = try Unge.run(
            [
                "indsats", "2026-0011", "--afslut", "A1", "--dato", "2026-09-01", "--grund", "Færdig", "--slutstatus",
                "reduceret-stabiliseret",
            ], store: store)
        #expect(ended.status == 0, "\(ended.stderr)")
        let data = try Unge.caseData(store, "2026-0011")
        #expect(String(decoding: data, as: UTF8.self).contains("reducedOrStabilised"))
    }

    static var example: String { Unge.root.appendingPathComponent("Fixtures/underret/eksempel.json").path }

    @Test(
        "bekymringsområde: --omraade gemmes; mangler det, er det en valideringsfejl i dst-underretninger, som --underretning NR retter"
    )
    func notificationReason() throws {
        let store = Unge.emptyStore()
        let bad = try Unge.run(["underret", "--fra-fil", Self.example, "--omraade", "dårligt vejr"], store: store)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("rusmidler"))
        #expect(try !Unge.caseExists(store, "2026-0001"))
        // Registered without a reason (as every notification before the question existed).
        let made = try Unge.run(["underret", "--fra-fil", Self.example], store: store)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try Unge.run(["indstillinger", "--kommune", "Nordby Kommune"], store: store).status == 0)
        let out = try Self.tempFile("u.csv")
        let missing = try Unge.run(
            ["indberet", "dst-underretninger", "--fra", "2026-04-01", "--til", "2026-04-30", "--ud", out.path],
            store: store)
        #expect(missing.status == 1)
        #expect(
            missing.stderr.contains("Sag 2026-0001, underretning 1: mangler bekymringsområdet"), "\(missing.stderr)")
        #expect(missing.stderr.contains("--underretning 1 --omraade"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let wrongNumber = try Unge.run(
            ["underret", "--sag", "2026-0001", "--underretning", "2", "--omraade", "rusmidler"], store: store)
        #expect(wrongNumber.status == 2)
        let set = try Unge.run(
            ["underret", "--sag", "2026-0001", "--underretning", "1", "--omraade", "rusmidler"], store: store)
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("den unges brug af rusmidler"))
        let ok = try Unge.run(
            ["indberet", "dst-underretninger", "--fra", "2026-04-01", "--til", "2026-04-30", "--ud", out.path],
            store: store)
        #expect(ok.status == 0, "\(ok.stderr)")
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.contains(",rusmidler,Barnets/den unges misbrug,nej,Nordby Kommune"), "\(text)")
        // Given at registration, by option or by number in a file: stored as the code name.
        let second = try Unge.run(
            ["underret", "--fra-fil", Self.example, "--ny-sag", "--omraade", "2"], store: store)
        #expect(second.status == 0, "\(second.stderr)")
        let data = try Unge.caseData(store, "2026-0002")
        #expect(String(decoding: data, as: UTF8.self).contains("\"reason\" : \"crime\""))
        let log = try Unge.run(["log", "2026-0001"], store: store, env: ["COLUMNS": "200"])
        #expect(log.stdout.contains("underret"))
    }

    @Test("lukkegrund: --aarsag gemmes og tælles i statistikken, også når ordene i --grund siger noget andet")
    func closureCategory() throws {
        let store = Unge.emptyStore()
        #expect(
            try Unge.run(["underret", "--fra-fil", Self.example, "--omraade", "rusmidler"], store: store).status == 0)
        let bad = try Unge.run(
            ["luk", "2026-0001", "--dato", "2026-09-01", "--grund", "x", "--aarsag", "maaske"], store: store)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("flyttet"))
        let closed = try Unge.run(
            ["luk", "2026-0001", "--dato", "2026-09-01", "--grund", "Målet er nået", "--aarsag", "flyttet"],
            store: store)
        #expect(closed.status == 0, "\(closed.stderr)")
        let data = try Unge.caseData(store, "2026-0001")
        #expect(String(decoding: data, as: UTF8.self).contains("\"closedCategory\" : \"moved\""))
        let reopened = try Unge.run(["genaabn", "2026-0001"], store: store)
        #expect(reopened.status == 0)
        let after = try String(
            decoding: Unge.caseData(store, "2026-0001"), as: UTF8.self)
        #expect(!after.contains("closedCategory"))
        let guessed = try Unge.run(
            ["luk", "2026-0001", "--dato", "2026-09-01", "--grund", "Familien er flyttet til Aarhus"], store: store)
        #expect(guessed.status == 0)
        #expect(guessed.stderr.contains("Lukkegrund til statistikken: flyttet til anden kommune (flyttet)"))
    }
}
