import Foundation
import Testing

/// Retention and deletion (`slet`), the archive copy (`eksport --arkiv`), the access extract
/// (`indsigt`) and the one `--ud` check, run end to end on the built binary.
@Suite("Opbevaring, sletning, arkivkopi og indsigt", .bothStores)
struct PrivacyLifecycleTests {
    static let periods = [
        "indstillinger", "--opbevaring", "lukket=5 år", "--opbevaring", "anonym=1 år", "--opbevaring",
        "underretning=2 år",
    ]

    /// A private output folder (0700) under the test root.
    static func outFolder() throws -> URL {
        let dir = Unge.tempRoot.appendingPathComponent("ud-\(UUID().uuidString.prefix(12))")
        try FileManager.default.createDirectory(
            at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return dir
    }

    /// Files under `root` that contain any of `needles`.
    /// The files of a folder store (or the tables of a team store) holding any of `needles`.
    static func placesContaining(_ needles: [String], in store: URL) throws -> [String] {
        try Unge.tablesContaining(needles, store) ?? filesContaining(needles, under: store)
    }

    static func filesContaining(_ needles: [String], under root: URL) -> [String] {
        let e = FileManager.default.enumerator(atPath: root.path)
        var hits: [String] = []
        while let f = e?.nextObject() as? String {
            guard let d = FileManager.default.contents(atPath: root.path + "/" + f) else { continue }
            if needles.contains(where: { d.range(of: Data($0.utf8)) != nil }) { hits.append(f) }
        }
        return hits
    }

    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int) ?? -1
    }

    /// The fixture store with case 2026-0002 (Malik, 800511-4233) closed on 2026-09-01.
    static func storeWithClosedCase() throws -> URL {
        let store = try Unge.fixtureStore()
        #expect(try Unge.run(["luk", "2026-0002", "--grund", "Ingen bekymring længere"], store: store).status == 0)
        return store
    }

    @Test("uden opbevaringsperioder viser slet sagerne, men sletter intet")
    func refusesWithoutPeriods() throws {
        let store = try Self.storeWithClosedCase()
        let list = try Unge.run(["slet", "--udloebne", "--dato", "2040-01-01"], store: store)
        #expect(list.status == 0)
        #expect(list.stdout.contains("2026-0002"))
        #expect(list.stderr.contains("ikke sat"))
        let out = try Self.outFolder()
        let r = try Unge.run(["slet", "--udloebne", "--dato", "2040-01-01", "--arkiv", out.path, "--ja"], store: store)
        #expect(r.status == 1)
        #expect(try Unge.caseExists(store, "2026-0002"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    @Test("slet i et script uden --ja sletter intet")
    func needsConfirmation() throws {
        let store = try Self.storeWithClosedCase()
        #expect(try Unge.run(Self.periods, store: store).status == 0)
        let out = try Self.outFolder()
        let r = try Unge.run(["slet", "--udloebne", "--dato", "2040-01-01", "--arkiv", out.path], store: store)
        #expect(r.status == 2)
        #expect(r.stderr.contains("--ja"))
        #expect(try Unge.caseExists(store, "2026-0002"))
    }

    @Test("slet skriver og kontrollerer arkivkopien, og derefter findes sagen ingen steder i lageret")
    func deletesAfterArchive() throws {
        let store = try Self.storeWithClosedCase()
        #expect(try Unge.run(Self.periods, store: store).status == 0)
        // Searches and an export before, so the audit trail has something to say.
        #expect(try Unge.run(["vis", "2026-0002"], store: store).status == 0)
        let docs = try Self.outFolder()
        let exported = docs.appendingPathComponent("overblik.md").path
        #expect(try Unge.run(["vis", "2026-0002", "--format", "md", "--ud", exported], store: store).status == 0)
        let needles = ["Malik", "800511-4233", "8005114233", "Første samtale med Malik og mor."]
        #expect(try !Self.placesContaining(needles, in: store).isEmpty)
        // Not yet due: nothing happens.
        let early = try Unge.run(
            ["slet", "--udloebne", "--dato", "2027-01-01", "--arkiv", docs.path, "--ja"], store: store)
        #expect(early.status == 0)
        #expect(try Unge.caseExists(store, "2026-0002"))
        let archive = try Self.outFolder()
        let r = try Unge.run(
            ["slet", "--udloebne", "--dato", "2032-01-01", "--arkiv", archive.path, "--ja"], store: store)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Sag 2026-0002 er slettet"))
        // The earlier --ud export is listed for the caseworker to remove.
        #expect(r.stdout.contains(exported))
        #expect(try Self.placesContaining(needles, in: store) == [])
        // The archive copy holds the case and checks with sha256sum.
        let copy = archive.appendingPathComponent("2026-0002")
        #expect(Self.filesContaining(["800511-4233"], under: copy).contains("sag.json"))
        for name in try FileManager.default.contentsOfDirectory(atPath: copy.path) {
            #expect(Self.mode(copy.path + "/" + name) == 0o600)
        }
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum") {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            p.arguments = ["--quiet", "-c", "SHA256SUMS"]
            p.currentDirectoryURL = copy
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
        }
        // The other cases are untouched, and the tombstone is in the audit trail.
        let list = try Unge.run(["liste"], store: store)
        #expect(list.status == 0)
        #expect(!list.stdout.contains("2026-0002"))
        #expect(list.stdout.contains("2026-0011"))
        let log = try Unge.run(["log", "2026-0002"], store: store)
        #expect(log.status == 0)
        #expect(log.stdout.contains("slettede sagen"))
        #expect(log.stdout.contains("opbevaringsperioden"))
        #expect(!log.stdout.contains("Malik"))
    }

    @Test(
        "en sletning, der dræbes midtvejs, efterlader sagen helt til stede eller helt væk",
        .fileOnly(
            "dræber processen i fillagerets sletning (testkrogene findes kun dér; teamlageret sletter i én transaktion)"
        ))
    func crashDuringDeletion() throws {
        for (step, gone) in [("deleteCommit", false), ("deleteFinish", true)] {
            let store = try Self.storeWithClosedCase()
            #expect(try Unge.run(Self.periods, store: store).status == 0)
            let archive = try Self.outFolder()
            let r = try Unge.run(
                ["slet", "--udloebne", "--dato", "2032-01-01", "--arkiv", archive.path, "--ja"], store: store,
                env: ["UNGE_TEST_CRASH_AT": step])
            #expect(r.status != 0)
            // The next command sees a whole case or none.
            let list = try Unge.run(["liste"], store: store)
            #expect(list.status == 0)
            #expect(list.stdout.contains("2026-0002") == !gone, "\(step)")
            let leaks = Self.filesContaining(["Malik", "800511-4233"], under: store)
            if gone {
                #expect(leaks == [], "\(step)")
            } else {
                #expect(try Unge.run(["vis", "2026-0002"], store: store).stdout.contains("Malik"))
            }
        }
    }

    @Test("eksport --arkiv kræver en mappe og skriver aldrig til skærmen")
    func archiveNeedsFolder() throws {
        let store = try Unge.fixtureStore()
        let r = try Unge.run(["eksport", "2026-0002", "--arkiv"], store: store)
        #expect(r.status == 2)
        #expect(!r.stdout.contains("800511"))
        let out = try Self.outFolder()
        let ok = try Unge.run(["eksport", "2026-0002", "--arkiv", "--ud", out.path], store: store)
        #expect(ok.status == 0)
        #expect(FileManager.default.fileExists(atPath: out.path + "/2026-0002/SHA256SUMS"))
        // A second copy into the same folder is refused, and the first is unchanged.
        let again = try Unge.run(["eksport", "2026-0002", "--arkiv", "--ud", out.path], store: store)
        #expect(again.status != 0)
        #expect(FileManager.default.fileExists(atPath: out.path + "/2026-0002/manifest.json"))
    }

    @Test("indsigt skriver HTML, JSON og en gennemgang, uden medarbejdernes navne, og logges")
    func accessExtract() throws {
        let store = try Unge.fixtureStore()
        let out = try Self.outFolder().appendingPathComponent("indsigt")
        let r = try Unge.run(["indsigt", "2026-0011", "--ud", out.path], store: store)
        #expect(r.status == 0, "\(r.stderr)")
        let html = out.appendingPathComponent("indsigt-2026-0011.html").path
        let json = out.appendingPathComponent("indsigt-2026-0011.json").path
        let review = out.appendingPathComponent("gennemgang-2026-0011.html").path
        for f in [html, json, review] { #expect(Self.mode(f) == 0o600) }
        let text = try String(contentsOfFile: html, encoding: .utf8) + String(contentsOfFile: json, encoding: .utf8)
        #expect(text.contains("Lucas Friis Dam"))
        #expect(text.contains("650611-4155"))
        #expect(!text.contains("Peter Moos"))
        #expect(!text.contains("Lene Dahl"))
        #expect(text.contains("medarbejder A"))
        #expect(text.contains("Hvem har set og ændret dine oplysninger"))
        #expect(try String(contentsOfFile: review, encoding: .utf8).contains("Peter Moos"))
        // Audited.
        let log = try Unge.run(["log", "2026-0011"], store: store)
        #expect(log.stdout.contains("indsigtsudtræk"))
        // Never over an existing extract without --overskriv.
        let again = try Unge.run(["indsigt", "2026-0011", "--ud", out.path], store: store)
        #expect(again.status == 2)
        #expect(try Unge.run(["indsigt", "2026-0011", "--ud", out.path, "--overskriv"], store: store).status == 0)
        // Without --ud: refused, nothing on stdout.
        let bare = try Unge.run(["indsigt", "2026-0011"], store: store)
        #expect(bare.status == 2)
        #expect(!bare.stdout.contains("650611"))
    }

    @Test("hver --ud opretter en ny fil 0600 og overskriver kun med --overskriv")
    func oneOutputCheck() throws {
        let store = try Unge.fixtureStore()
        let out = try Self.outFolder()
        let file = out.appendingPathComponent("dok.md").path
        try "min egen fil".write(toFile: file, atomically: false, encoding: .utf8)
        for args in [
            ["vis", "2026-0002", "--format", "md", "--ud", file],
            ["eksport", "2026-0002", "--anonym", "--ud", file],
            ["statistik", "--ud", file],
        ] {
            let r = try Unge.run(args, store: store)
            #expect(r.status == 2, "\(args)")
            #expect(r.stderr.contains("--overskriv"), "\(args)")
            #expect(try String(contentsOfFile: file, encoding: .utf8) == "min egen fil")
        }
        let r = try Unge.run(["vis", "2026-0002", "--format", "md", "--ud", file, "--overskriv"], store: store)
        #expect(r.status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("2026-0002"))
        #expect(Self.mode(file) == 0o600)
        // A folder others can write to is refused.
        let shared = try Self.outFolder()
        chmod(shared.path, 0o777)
        let s = try Unge.run(["vis", "2026-0002", "--format", "md", "--ud", shared.path + "/x.md"], store: store)
        #expect(s.status == 2)
        #expect(!FileManager.default.fileExists(atPath: shared.path + "/x.md"))
    }
}
