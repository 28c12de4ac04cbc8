import Foundation
import Glibc
import Testing
import UngeCore

@testable import UngeStore

@Suite("Lageret: oprette, hente, gemme")
struct CaseStoreTests {
    @Test("nye sager får ÅÅÅÅ-0001, ÅÅÅÅ-0002 og revision 1")
    func idAllocation() throws {
        let t = TempStore()
        let a = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        let b = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        let c = try t.store.create(Sample.caseFile(), year: 2027, now: Sample.now, user: "sb1", command: "ny")
        #expect(a.id.rawValue == "2026-0001")
        #expect(b.id.rawValue == "2026-0002")
        #expect(c.id.rawValue == "2027-0001")
        #expect(a.revision == 1)
        // A gap is not filled: the next number is the highest plus one.
        t.write(
            "sager/2026-0007.json",
            String(decoding: t.bytes("sager/2026-0001.json")!, as: UTF8.self)
                .replacingOccurrences(of: "2026-0001", with: "2026-0007"))
        let d = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        #expect(d.id.rawValue == "2026-0008")
        #expect(t.allFiles().filter { $0.hasPrefix("sager/") }.count == 5)
    }

    @Test("hent og gem giver samme sag tilbage, med sorterede nøgler og stabile bytes")
    func roundTrip() throws {
        let t = TempStore()
        let created = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        let loaded = try t.store.load(created.id)
        #expect(loaded == created)
        let file = t.bytes("sager/2026-0001.json")!
        var reencoded = [UInt8](try UngeJSON.encoder().encode(loaded))
        reencoded.append(10)
        #expect(file == reencoded)
        let text = String(decoding: file, as: UTF8.self)
        let keys = ["\"actionPlans\"", "\"caseworker\"", "\"created\"", "\"id\"", "\"revision\"", "\"youngPerson\""]
        let positions = keys.map { text.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())

        var changed = loaded
        changed.journal.append(JournalEntry(time: Sample.now, author: "sb1", text: "Opfølgning."))
        let later = Sample.now.addingTimeInterval(60)
        let saved = try t.store.save(changed, expectedRevision: 1, now: later, user: "sb1", command: "notat")
        #expect(saved.revision == 2)
        #expect(saved.updated == later)
        #expect(try t.store.load(created.id) == saved)
        // Saving the same content again writes the same bytes apart from the revision.
        let again = try t.store.save(saved, expectedRevision: 2, now: later, user: "sb1", command: "notat")
        let a = String(decoding: t.bytes("sager/2026-0001.json")!, as: UTF8.self)
        var expected = [UInt8](try UngeJSON.encoder().encode(again))
        expected.append(10)
        #expect(a == String(decoding: expected, as: UTF8.self))
        #expect(!t.allFiles().contains { $0.hasSuffix(".tmp") })
        #expect(t.noLockHeld())
    }

    @Test("filer 0600 og mapper 0700, også når umask er 022")
    func modes() throws {
        let t = TempStore()
        let old = umask(0o022)
        defer { umask(old) }
        let c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        umask(0o022)
        _ = try t.store.save(c, expectedRevision: 1, now: Sample.now, user: "sb1", command: "notat")
        umask(0o022)
        _ = try t.store.listSummaries()
        try t.store.saveSettings(StoreSettings(alsoClosed: true))
        let files = t.allFiles()
        #expect(files.contains("indeks.tsv"))
        #expect(files.contains("indstillinger.json"))
        for f in files {
            #expect(Sample.mode(t.path + "/" + f) == 0o600, "\(f)")
        }
        var dirs = ["", "/sager", "/log", "/laase"]
        dirs += (try FileManager.default.contentsOfDirectory(atPath: t.path + "/log")).map { "/log/" + $0 }
        for d in dirs {
            #expect(Sample.mode(t.path + d) == 0o700, "\(d)")
        }
    }

    @Test("en forældet revision afvises, og filen er uændret")
    func conflict() throws {
        let t = TempStore()
        let c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        var first = c
        first.counter = 1
        _ = try t.store.save(first, expectedRevision: 1, now: Sample.now, user: "sb1", command: "notat")
        let before = t.bytes("sager/2026-0001.json")
        var second = c
        second.counter = 99
        #expect(throws: StoreError.conflict(c.id, expected: 1, actual: 2)) {
            try t.store.save(second, expectedRevision: 1, now: Sample.now, user: "sb2", command: "notat")
        }
        #expect(t.bytes("sager/2026-0001.json") == before)
        #expect(!t.allFiles().contains { $0.hasSuffix(".tmp") })
        let message = StoreError.conflict(CaseID("2026-0003")!, expected: 4, actual: 5).description
        #expect(
            message
                == "Sagen 2026-0003 er ændret af en anden, siden du hentede den (revision 4, nu 5). Hent den igen og prøv igen."
        )
        #expect(StoreError.conflict(c.id, expected: 1, actual: 2).exitCode == 3)
    }

    @Test("at gemme en sag, der ikke findes, afvises")
    func saveMissing() throws {
        let t = TempStore()
        var c = Sample.caseFile()
        c.id = CaseID("2026-0099")!
        #expect(throws: StoreError.notFound(c.id)) {
            try t.store.save(c, expectedRevision: 1, now: Sample.now, user: "sb1", command: "notat")
        }
        #expect(throws: StoreError.notFound(c.id)) { try t.store.load(c.id) }
        #expect(
            StoreError.notFound(c.id).description
                == "Der findes ingen sag med nummeret 2026-0099. Se sagerne med 'unge liste'.")
    }

    @Test(
        "sagsnumre med / eller .. afvises, før der bygges en sti",
        arguments: [
            "../etc/passwd", "a/b", "..", ".", "", "2026-0001.json/..", "-x", String(repeating: "9", count: 41),
        ])
    func invalidIDs(text: String) {
        #expect(throws: StoreError.invalidID(text)) { try FileStore.caseID(text) }
    }

    @Test(
        "en fejl i hvert trin af gemmevejen efterlader den gamle revision og ingen midlertidig fil",
        arguments: SaveStep.savePath)
    func faultAtEachStep(step: SaveStep) throws {
        struct Injected: Error {}
        let armed = Armed()
        let t = TempStore(faultInjection: { s in if s == step && armed.on { throw Injected() } })
        let c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        let before = t.bytes("sager/2026-0001.json")
        armed.on = true
        var changed = c
        changed.counter = 5
        #expect(throws: Injected.self) {
            try t.store.save(changed, expectedRevision: 1, now: Sample.now, user: "sb1", command: "notat")
        }
        armed.on = false
        let after = try t.store.load(c.id)
        if step == .dirfsync {
            #expect(after.revision == 2)  // visible, but the caller was told it failed
        } else {
            #expect(t.bytes("sager/2026-0001.json") == before)
        }
        #expect(!t.allFiles().contains { $0.hasSuffix(".tmp") })
        #expect(t.noLockHeld())
        // The next save works.
        _ = try t.store.save(after, expectedRevision: after.revision, now: Sample.now, user: "sb1", command: "notat")
    }

    @Test("samtidige gemninger med genforsøg mister ingen opdatering")
    func concurrentIncrements() async throws {
        let t = TempStore()
        let c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        let store = t.store
        let id = c.id
        let perTask = 10
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    for _ in 0..<perTask {
                        while true {
                            var current = try store.load(id)
                            let read = current.revision
                            current.counter += 1
                            do {
                                _ = try store.save(
                                    current, expectedRevision: read, now: Sample.now, user: "sb", command: "test")
                                break
                            } catch StoreError.conflict {
                                continue  // someone else saved first: read again and retry
                            }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let final = try t.store.load(id)
        #expect(final.counter == 4 * perTask)
        #expect(final.revision == 4 * perTask + 1)
    }

    @Test("lagerets placering: --lager, UNGE_LAGER, XDG_DATA_HOME, ~/.local/share")
    func location() throws {
        func path(_ flag: String?, _ env: [String: String]) throws -> String {
            guard case .folder(let url) = try StoreLocation.resolve(flag: flag, environment: env) else { return "" }
            return url.path
        }
        #expect(try path("/x/lager", ["UNGE_LAGER": "/y"]) == "/x/lager")
        #expect(try path(nil, ["UNGE_LAGER": "/y", "XDG_DATA_HOME": "/z"]) == "/y")
        #expect(try path(nil, ["UNGE_LAGER": "", "XDG_DATA_HOME": "/z"]) == "/z/unge")
        #expect(try path(nil, ["HOME": "/home/sb"]) == "/home/sb/.local/share/unge")
    }

    @Test("indstillinger: standard er fra, og de gemmes med skemaversion")
    func settings() throws {
        let t = TempStore()
        #expect(try t.store.loadSettings() == StoreSettings())
        #expect(try t.store.loadSettings().alsoClosed == false)
        try t.store.saveSettings(StoreSettings(alsoClosed: true))
        #expect(try t.store.loadSettings().alsoClosed == true)
        let text = String(decoding: t.bytes("indstillinger.json")!, as: UTF8.self)
        #expect(text.contains("\"schemaVersion\" : 1"))
        t.write("indstillinger.json", "{\"schemaVersion\": 9}")
        #expect(throws: StoreError.newerSchema(file: "indstillinger.json", version: 9)) { try t.store.loadSettings() }
    }
}

/// A flag shared with a `@Sendable` fault hook.
final class Armed: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var on: Bool {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

@Suite("Sagsbehandleren i indstillingerne")
struct CaseworkerSettingsTests {
    @Test("en sagsbehandler læses med og uden mellemrum omkring (også hårde mellemrum) som den samme bruger")
    func trimmedValues() {
        let settings = StoreSettings(users: ["lene": UserProfile(fullName: "Lene Dahl", title: "Socialrådgiver")])
        for value in ["lene", " lene", "lene\t", "\u{00A0}lene", "Lene Dahl", "Lene Dahl\u{2003}", "lene "] {
            #expect(settings.userID(forCaseworker: value) == "lene", "\(value)")
            #expect(settings.isSameUser(value, as: "lene"), "\(value)")
        }
        #expect(settings.userID(forCaseworker: " \t") == nil)
        #expect(settings.userID(forCaseworker: "Søren") == "Søren")
        #expect(!settings.isSameUser("\u{00A0}", as: "lene"))
    }
}
