import Foundation
import Testing

/// Issue 20 item 3: saved document versions are records; a reprint is the first print but for the
/// one "Udskrevet" line, whatever changes later in the case, the settings or the letterhead.
@Suite("Dokumenter er optegnelser: genudskrift = første udskrift (ende til ende)", .bothStores)
struct DocumentRecordTests {
    static let planFile = Unge.fixtures.appendingPathComponent("plan/plan.json")

    /// The lines of `a` that differ from `b` (same length assumed), and the length difference.
    static func differing(_ a: String, _ b: String) -> (lines: [String], sameCount: Bool) {
        let x = a.components(separatedBy: "\n")
        let y = b.components(separatedBy: "\n")
        return (zip(x, y).filter { $0 != $1 }.map { "\($0.0) ≠ \($0.1)" }, x.count == y.count)
    }

    static let input = Unge.fixtures.appendingPathComponent("lager-kilder/input")

    static func storeWithPlan() throws -> URL {
        let store = Unge.emptyStore()
        var r = try Unge.run(["ny", "--navn", "Emma Test", "--foedselsdato", "2012-03-14"], store: store)
        #expect(r.status == 0, "\(r.stderr)")
        r = try Unge.run(
            ["indstillinger", "--navn", "Lene Dahl", "--titel", "Socialrådgiver", "--kommune", "Nordby Kommune"],
            store: store)
        #expect(r.status == 0, "\(r.stderr)")
        return store
    }

    @Test(
        "en gemt plan skrives ud igen tegn for tegn; kun linjen 'Udskrevet' er ny, efter ændringer i sagen og indstillingerne"
    )
    func planReprint() throws {
        let store = try Unge.fixtureStore()
        var r = try Unge.run(
            ["indstillinger", "--navn", "Lene Dahl", "--titel", "Socialrådgiver", "--kommune", "Nordby Kommune"],
            store: store)
        #expect(r.status == 0, "\(r.stderr)")
        let planInput = Self.input.appendingPathComponent("plan-2026-0008.json").path
        let saved = try Unge.run(["plan", "2026-0008", "--fra-fil", planInput, "--format", "html"], store: store)
        #expect(saved.status == 0, "\(saved.stderr)")
        #expect(saved.stdout.contains("Udskrevet 1. september 2026 af Lene Dahl, Socialrådgiver."))
        // The case and the settings change; another user reprints on another day.
        r = try Unge.run(
            ["netvaerk", "2026-0008", "--tilfoej", "Bo Berg", "--relation", "ven", "--arena", "venner"], store: store)
        #expect(r.status == 0, "\(r.stderr)")
        r = try Unge.run(["indstillinger", "--kommune", "Sydby Kommune", "--navn", "Lene Dahl-Hansen"], store: store)
        #expect(r.status == 0, "\(r.stderr)")
        let again = try Unge.run(
            ["plan", "2026-0008", "--version", "3", "--format", "html"], store: store,
            env: ["UNGE_NU": "2026-12-07T09:00:00Z", "UNGE_BRUGER": "bo"])
        #expect(again.status == 0, "\(again.stderr)")
        let d = Self.differing(saved.stdout, again.stdout)
        #expect(d.sameCount)
        #expect(
            d.lines == [
                "<p class=\"printed\">Udskrevet 1. september 2026 af Lene Dahl, Socialrådgiver.</p> ≠ <p class=\"printed\">Udskrevet 7. december 2026 af bo.</p>"
            ])
        #expect(again.stdout.contains("Nordby Kommune"))
        #expect(!again.stdout.contains("Sydby Kommune"))
        #expect(!again.stdout.contains("Bo Berg"))
        // A new version takes the letterhead and name in force now.
        let v4 = try Unge.run(["plan", "2026-0008", "--fra-fil", planInput, "--format", "md"], store: store)
        #expect(v4.stdout.contains("Sydby Kommune"), "\(v4.stdout)")
        #expect(v4.stdout.contains("Udarbejdet af Lene Dahl-Hansen, Socialrådgiver"))
    }

    @Test(
        "en underretning nævner underretteren som kilde og den registrerende sagsbehandler for sig, også genudskrevet af en anden"
    )
    func notificationSource() throws {
        let store = try Self.storeWithPlan()
        let u = try Unge.run(
            [
                "underret", "--sag", "2026-0001", "--underretter", "Mette Krog", "--rolle", "Lærer", "--arbejdssted",
                "Skolen", "--kontakt", "tlf. 11 00 00 02", "--forhold", "Træt.", "--ung-orienteret", "ja",
                "--foraeldre-orienteret", "ja", "--format", "md",
            ], store: store)
        #expect(u.status == 0, "\(u.stderr)")
        #expect(u.stdout.contains("Registreret af Lene Dahl, Socialrådgiver"), "\(u.stdout)")
        #expect(u.stdout.contains("**Kilde:** Mette Krog, Lærer, Skolen"), "\(u.stdout)")
        let again = try Unge.run(
            ["underret", "--sag", "2026-0001", "--udskriv", "1"], store: store,
            env: ["UNGE_NU": "2026-12-07T09:00:00Z", "UNGE_BRUGER": "bo"])
        #expect(!again.stdout.contains("Udarbejdet af bo"))
        let d = Self.differing(u.stdout, again.stdout)
        #expect(d.sameCount && d.lines.count == 1, "\(d.lines)")
    }

    @Test(
        "fikstur-sagsarbejdet: genudskriften af Olivers plan version 2 er den første udskrift, bortset fra 'Udskrevet'")
    func fixtureReprint() throws {
        let folder = Unge.fixtures.appendingPathComponent("lager-dokumenter")
        let first = try String(
            contentsOf: folder.appendingPathComponent("ungeplan-2026-0008-v2-foerste-udskrift.md"), encoding: .utf8)
        let reprint = try String(
            contentsOf: folder.appendingPathComponent("ungeplan-2026-0008-v2-genudskrift.md"), encoding: .utf8)
        let d = Self.differing(first, reprint)
        #expect(d.sameCount)
        #expect(
            d.lines == [
                "_Udskrevet 28. august 2026 af Lene Dahl._ ≠ _Udskrevet 7. december 2026 af bo._"
            ])
        // The fixture store keeps the record: printing it again today gives the same reprint.
        let store = try Unge.fixtureStore()
        let now = try Unge.run(
            ["plan", "2026-0008", "--version", "2", "--format", "md"], store: store,
            env: ["UNGE_NU": "2026-12-07T09:00:00Z", "UNGE_BRUGER": "bo"])
        #expect(now.stdout == reprint)
    }

    @Test("en behandlingsplan på en afløst planversion siger det i vis, i tjekliste 7.5 og i sin udskrift")
    func supersededTreatmentPlan() throws {
        let store = try Unge.fixtureStore()
        let t = try Unge.run(
            [
                "behandlingsplan", "2026-0011", "--fra-fil",
                Self.input.appendingPathComponent("behandlingsplan-2026-0011.json").path,
            ], store: store)
        #expect(t.status == 0, "\(t.stderr)")
        let p = try Unge.run(
            ["plan", "2026-0011", "--fra-fil", Self.input.appendingPathComponent("plan-2026-0011.json").path],
            store: store)
        #expect(p.status == 0, "\(p.stderr)")
        let vis = try Unge.run(["vis", "2026-0011"], store: store, env: ["COLUMNS": "400"])
        #expect(vis.stdout.contains("afløst af version"), "\(vis.stdout)")
        let check = try Unge.run(["check", "7", "--sag", "2026-0011"], store: store, env: ["COLUMNS": "400"])
        #expect(check.stdout.contains("afløst af version"), "\(check.stdout)")
        let doc = try Unge.run(["behandlingsplan", "2026-0011", "--udskriv"], store: store)
        #expect(doc.stdout.contains("som er afløst af version"), "\(doc.stdout)")
    }
}

/// Stores written by the previous release (`Fixtures/forrige-udgave`: cases as `unge` wrote them before
/// documents were records) open unchanged and keep every value; their versions print as before and say so.
// File store only: these tests write the case files of the previous release by hand.
@Suite("Et lager fra forrige udgave (opgradering)")
struct PreviousReleaseDocumentsTests {
    static func store() throws -> URL {
        let store = try Unge.createdEmptyStore()
        let sager = store.appendingPathComponent("sager")
        try FileManager.default.createDirectory(
            at: sager, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for name in ["2026-0008.json", "2026-0011.json"] {
            try FileManager.default.copyItem(
                at: Unge.fixtures.appendingPathComponent("forrige-udgave/\(name)"),
                to: sager.appendingPathComponent(name))
        }
        return store
    }

    @Test(
        "en gammel planversion skrives ud som før, med forfatteren fra versionen og en linje om, at den er dannet igen")
    func oldPlan() throws {
        let store = try Self.store()
        let r = try Unge.run(["plan", "2026-0008", "--version", "1"], store: store, env: ["UNGE_BRUGER": "bo"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Versionen er gemt, før unge gemte dokumenterne"))
        #expect(!r.stdout.contains("Udarbejdet af bo"))
        #expect(r.stdout.contains("Udarbejdet af Lene Dahl"))
        let u = try Unge.run(
            ["underret", "--sag", "2026-0011", "--udskriv", "1"], store: store, env: ["UNGE_BRUGER": "bo"])
        #expect(u.status == 0, "\(u.stderr)")
        #expect(!u.stdout.contains("af bo\n") && !u.stdout.contains("Udarbejdet af bo"))
    }

    @Test("en gammel sag gemmes uden nye tomme felter, og alle værdier bevares")
    func savedBackUnchanged() throws {
        let store = try Self.store()
        let path = store.appendingPathComponent("sager/2026-0008.json")
        let before = try JSONSerialization.jsonObject(with: Data(contentsOf: path)) as! [String: Any]
        #expect(try Unge.run(["notat", "2026-0008", "Ringede til Oliver"], store: store).status == 0)
        let after = try JSONSerialization.jsonObject(with: Data(contentsOf: path)) as! [String: Any]
        #expect(after["documentRecords"] == nil)
        for key in before.keys where !["revision", "updated", "journal"].contains(key) {
            let a = try JSONSerialization.data(withJSONObject: [before[key]!], options: [.sortedKeys])
            let b = try JSONSerialization.data(withJSONObject: [after[key] ?? NSNull()], options: [.sortedKeys])
            #expect(a == b, "\(key)")
        }
    }
}
