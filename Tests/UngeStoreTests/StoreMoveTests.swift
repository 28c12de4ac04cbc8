import Foundation
import Testing
import UngeCore

@testable import UngeStore

/// `unge lager flyt`: the user map, the content hash, and (team build) a move of cases, audit log,
/// drafts and settings into the database and back.
@Suite("Flytning af et lager")
struct StoreMoveTests {
    @Test("brugerkortet: bruger;rolle;hold[;leder], * for resten, fejl med linjenummer")
    func userMap() throws {
        let map = try UserMap.parse("# kommentar\nLene Hansen;lene;Nord\n\nbo;bo_2;Syd;leder\n*;lene;Nord\n")
        #expect(map.entry(for: "lene hansen") == UserMap.Entry(role: "lene", team: "Nord", leader: false))
        #expect(map.entry(for: "BO") == UserMap.Entry(role: "bo_2", team: "Syd", leader: true))
        #expect(map.entry(for: "ukendt")?.role == "lene")
        #expect(map.entry(for: nil)?.role == "lene")
        #expect(throws: UserMap.Problem(line: 2, reason: "skriv bruger;rolle;hold eller bruger;rolle;hold;leder")) {
            try UserMap.parse("a;b;c\nkun to;felter\n")
        }
        #expect(throws: UserMap.Problem.self) { try UserMap.parse("a;Robert'); DROP ROLE x;--;Nord\n") }
        #expect(throws: UserMap.Problem.self) { try UserMap.parse("a;b;Nord;chef\n") }
        #expect(throws: UserMap.Problem.self) { try UserMap.parse("a;b;Nord\nA;c;Syd\n") }
        #expect(throws: UserMap.Problem.self) { try UserMap.parse("\n# intet\n") }
    }

    @Test("indholdets hash er det samme uanset nøglernes rækkefølge og mellemrum")
    func contentHash() {
        let a = StoreMove.contentHash(Array("{\"b\": 1, \"a\": [\"x\", {\"d\": null, \"c\": \"æ\"}]}\n".utf8))
        let b = StoreMove.contentHash(Array("{\"a\":[\"x\",{\"c\":\"æ\",\"d\":null}],\"b\":1}".utf8))
        #expect(a == b)
        #expect(a != StoreMove.contentHash(Array("{\"a\":[\"x\",{\"c\":\"ø\",\"d\":null}],\"b\":1}".utf8)))
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("en hændelse, der allerede er i målet, flyttes ikke igen; to ens hændelser er to")
    func missingEvents() {
        let e = AuditEvent(time: Sample.now, user: "lene", action: .read, caseID: CaseID("2026-0001"), command: "vis")
        let f = AuditEvent(
            time: Sample.now, user: "lene", action: .search, command: "liste", shown: [CaseID("2026-0001")!])
        #expect(StoreMove.missing([e, e, f], in: [e]) == [e, f])
        #expect(StoreMove.missing([e, f], in: [f, e]).isEmpty)
    }

    @Test("flyttede hændelser kædes på ny i mappen, i deres rækkefølge, og sporet kan kontrolleres bagefter")
    func movedEventsAreChained() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("unge-flyt-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = FileStore(root: root)
        let id = CaseID("2026-0001")!
        // One event already in the folder; the moved ones carry chain fields from their source
        // (they must not be trusted) and none at all (made in the database).
        try store.appendAudit(AuditEvent(time: Sample.now, user: "lene", action: .read, caseID: id, command: "vis"))
        var foreign = AuditChain.seal(
            AuditEvent(time: Sample.now, user: "bo", action: .update, caseID: id, command: "notat"),
            chain: id.rawValue, seq: 1, prev: AuditChain.zeroDigest)
        foreign.revisionBefore = 1
        let listing = AuditEvent(time: Sample.now, user: "bo", action: .search, command: "liste", shown: [id])
        let read = AuditEvent(time: Sample.now, user: "bo", action: .read, caseID: id, command: "vis")
        // An anchor of the source (the team store writes them) names the source's numbering: dropped.
        var anchor = AuditEvent(time: Sample.now, user: "bo", action: .anchor, command: "anker")
        anchor.anchors = [id.rawValue + " 7 " + String(repeating: "a", count: 64)]
        try store.appendAuditBatch([foreign, listing, read, anchor])
        let verified = try store.verifyAuditLog()
        #expect(verified.breaks.isEmpty, "\(verified.breaks)")
        #expect(verified.chainedEvents == 5 && verified.unchainedEvents == 0)
        let events = try store.auditEvents(for: nil).events
        #expect(events.map(\.command) == ["vis", "notat", "liste", "vis", "anker"])
        #expect(events.last?.anchors == nil)
        #expect(events.filter { $0.caseID == id }.map(\.seq) == [1, 2, 3])
        // A later event chains after the moved ones.
        try store.appendAudit(AuditEvent(time: Sample.now, user: "lene", action: .read, caseID: id, command: "vis"))
        #expect(try store.verifyAuditLog().breaks.isEmpty)
    }

    @Test("en listes sagsnumre skrives helt ud til databasens indeks")
    func expandShown() {
        let ids = (1...5).map { CaseID(String(format: "2026-%04d", $0))! } + [CaseID("2027-0009")!]
        let compressed = AuditEvent.compress(ids)
        #expect(compressed == ["2026-0001..2026-0005", "2027-0009"])
        #expect(AuditEvent.expand(compressed) == ids.map(\.rawValue))
    }

    #if PostgreSQL
        @Test(
            "flyt ind og ud: sager, revisionsspor, kladder og indstillinger kommer med, og samme hash begge veje",
            .enabled(if: PostgresTestCluster.superURI != nil))
        func roundTrip() throws {
            let db = try PostgresTestCluster.freshDatabase()
            defer { PostgresTestCluster.drop(db) }
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("unge-flyt-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            let folder = FileStore(root: root.appendingPathComponent("ind"))
            var c = Sample.caseFile()
            c.caseworker = "Lene Hansen"
            let made = try folder.create(c, year: 2026, now: Sample.now, user: "lene", command: "ny")
            var anonymous = Sample.caseFile(name: "Anden")
            anonymous.caseworker = nil
            let other = try folder.create(anonymous, year: 2026, now: Sample.now, user: "lene", command: "ny")
            var restricted = Sample.caseFile(name: "Kendt Person")
            restricted.caseworker = "Lene Hansen"
            restricted.restriction = CaseRestriction(named: ["lene"])
            let secret = try folder.create(restricted, year: 2026, now: Sample.now, user: "lene", command: "ny")
            try folder.update(made.id, now: Sample.now, user: "lene", command: "notat") {
                $0.journal.append(JournalEntry(time: Sample.now, author: "lene", text: "'; DROP TABLE unge.sager; --"))
            }
            try folder.appendAudit(
                AuditEvent(
                    time: Sample.now, user: "lene", action: .search, command: "liste", shown: [made.id, other.id]))
            try folder.saveDraft(
                DialogueDraft(
                    command: "plan", caseID: made.id, saved: Sample.now, user: "lene",
                    answers: [.init(key: "maal", value: "Skole")]))
            var settings = try folder.loadSettings()
            settings.municipality = "Nordby Kommune"
            try folder.saveSettings(settings)

            let users = try UserMap.parse("lene hansen;t_anna;Nord\n*;t_bo;Syd\nlene;t_anna;Nord\n")
            let uri = PostgresTestCluster.uri(database: db, user: "t_adm")
            let report = try StoreMove.run(
                from: .folder(folder.root), to: .database(uri: uri), users: users, addToExisting: false, now: Sample.now
            )
            #expect(report.cases == 3 && report.casesCopied == 3)
            #expect(report.drafts == 1 && report.settingsMoved)
            let sourceEvents = try folder.auditEvents(for: nil).events
            #expect(report.events == sourceEvents.count)

            // Lene's case went to Anna on Nord, the other (no caseworker) to Bo on Syd.
            let anna = try PostgresTestCluster.store(db, as: "t_anna")
            #expect(try anna.load(made.id).journal.last?.text == "'; DROP TABLE unge.sager; --")
            #expect(throws: StoreError.accessRefused(other.id)) { try anna.load(other.id) }
            #expect(try PostgresTestCluster.store(db, as: "t_bo").load(other.id).id == other.id)
            // The restricted case is open to its named user only, not to her team leader.
            #expect(try anna.load(secret.id).restriction?.named == ["lene"])
            #expect(throws: StoreError.accessRefused(secret.id)) {
                try PostgresTestCluster.store(db, as: "t_lea").load(secret.id)
            }
            #expect(try anna.loadDraft(command: "plan", caseID: made.id)?.answers.first?.value == "Skole")
            #expect(try anna.loadSettings().municipality == "Nordby Kommune")
            let trail = try anna.auditEvents(for: made.id).events
            #expect(trail.filter { $0.command == "liste" }.count == 1)
            #expect(trail.contains { $0.command == "notat" && $0.user == "lene" })
            // Each moved case has its statistics facts and items now, of the revision moved (not at its next save).
            let su = try PostgresTestCluster.superConnection(database: db)
            let facts = try su.query(
                "SELECT count(*) FROM unge.statistik st JOIN unge.sager s ON s.id = st.sag AND s.revision = st.revision",
                [])
            #expect(facts.first?[0] == "3")
            let items = try su.query("SELECT count(DISTINCT sag) FROM unge.statistik_post", [])
            #expect(items.first?[0] == "3")

            // And out again to a new folder: the same content hash over all cases.
            let back = FileStore(root: root.appendingPathComponent("ud"))
            let out = try StoreMove.run(
                from: .database(uri: uri), to: .folder(back.root), users: nil, addToExisting: false, now: Sample.now)
            #expect(out.digest == report.digest)
            #expect(try back.load(made.id).journal.count == 2)
            #expect(try back.load(secret.id).restriction?.named == ["lene"])
            #expect(try back.loadDraft(command: "plan", caseID: made.id)?.user == "lene")
            #expect(try back.loadSettings().municipality == "Nordby Kommune")
            #expect(StoreMove.missing(sourceEvents, in: try back.auditEvents(for: nil).events).isEmpty)
        }
    #endif
}
