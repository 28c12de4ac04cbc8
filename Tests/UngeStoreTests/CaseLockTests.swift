import Foundation
import Glibc
import Testing
import UngeCore
@testable import UngeStore

@Suite("Låsen om gemning")
struct CaseLockTests {
    func lockJSON(pid: Int32, host: String, owner: String = "kollega") -> String {
        "{\"host\":\"\(host)\",\"owner\":\"\(owner)\",\"pid\":\(pid),\"time\":\"2026-04-12T10:00:00Z\"}\n"
    }

    @Test("en lås holdt af en levende proces: der ventes, og så gives op med en besked om hvem")
    func liveLockTimesOut() throws {
        let t = TempStore(lockTimeout: 0.2)
        let c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        let before = t.bytes("sager/2026-0001.json")
        t.write("laase/2026-0001.lock", lockJSON(pid: getpid(), host: Posix.hostName()))
        let start = Date()
        do {
            _ = try t.store.save(c, expectedRevision: 1, now: Sample.now, user: "sb1", command: "notat")
            Issue.record("save should have failed")
        } catch let e as StoreError {
            guard case .locked(let id, let owner, _, let pid, _) = e else {
                Issue.record("wrong error \(e)")
                return
            }
            #expect(id == c.id)
            #expect(owner == "kollega")
            #expect(pid == getpid())
            #expect(e.description.contains("låst af 'kollega'"))
        }
        #expect(Date().timeIntervalSince(start) >= 0.2)
        #expect(t.bytes("sager/2026-0001.json") == before)
        #expect(t.bytes("laase/2026-0001.lock") != nil)  // not ours to remove
        #expect(!t.allFiles().contains { $0.hasSuffix(".tmp") })
    }

    @Test("en efterladt lås fra en død proces brydes og logges som unlock")
    func staleLockBroken() throws {
        let t = TempStore(lockTimeout: 1)
        let c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        t.write("laase/2026-0001.lock", lockJSON(pid: 999_999, host: Posix.hostName()))
        let saved = try t.store.save(c, expectedRevision: 1, now: Sample.now, user: "sb1", command: "notat")
        #expect(saved.revision == 2)
        #expect(t.bytes("laase/2026-0001.lock") == nil)
        #expect(!t.allFiles().contains { $0.hasPrefix("laase/") })
        let actions = try t.store.auditEvents(for: c.id).events.map(\.action)
        #expect(actions == [.create, .unlock, .update])
    }

    @Test("en gammel lås fra en anden maskine brydes efter 30 sekunder, en ny gør ikke")
    func otherHost() throws {
        let t = TempStore(lockTimeout: 0.1)
        let c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        t.write("laase/2026-0001.lock", lockJSON(pid: 999_999, host: "en-anden-maskine"))
        #expect(throws: StoreError.self) {
            try t.store.save(c, expectedRevision: 1, now: Sample.now, user: "sb1", command: "notat")
        }
        var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
        utimensat(AT_FDCWD, t.path + "/laase/2026-0001.lock", &times, 0)
        #expect(try t.store.save(c, expectedRevision: 1, now: Sample.now, user: "sb1", command: "notat").revision == 2)
    }
}
