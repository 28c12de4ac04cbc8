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

    /// Takes the case's lock the way another process would (its own open file description).
    func holdLock(_ t: TempStore, _ id: String = "2026-0001") -> Int32 {
        let fd = open(t.path + "/laase/" + id + ".lock", O_RDWR | O_CREAT, 0o600)
        #expect(fd >= 0)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        return fd
    }

    @Test(
        "en holdt lås brydes aldrig, heller ikke når låsefilen er gammel og dens proces ukendt; der ventes, og så gives op med en besked om hvem"
    )
    func liveLockTimesOut() throws {
        let t = TempStore(lockTimeout: 0.2)
        let c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        let before = t.bytes("sager/2026-0001.json")
        // The holder's description names a dead pid on another host, and the file is a day old:
        // the old code broke such a lock; the kernel lock is what counts.
        t.write("laase/2026-0001.lock", lockJSON(pid: 999_999, host: "en-anden-maskine"))
        let fd = holdLock(t)
        defer { close(fd) }
        var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
        utimensat(AT_FDCWD, t.path + "/laase/2026-0001.lock", &times, 0)
        let start = Date()
        do {
            _ = try t.store.save(c, expectedRevision: 1, now: Sample.now, user: "sb1", command: "notat")
            Issue.record("save should have failed")
        } catch let e as StoreError {
            guard case .locked(let id, let owner, let host, let pid, _) = e else {
                Issue.record("wrong error \(e)")
                return
            }
            #expect(id == c.id)
            #expect(owner == "kollega")
            #expect(host == "en-anden-maskine")
            #expect(pid == 999_999)
            #expect(e.description.contains("låst af 'kollega' (proces 999999 på en-anden-maskine"))
        }
        #expect(Date().timeIntervalSince(start) >= 0.2)
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(t.bytes("sager/2026-0001.json") == before)
        #expect(!t.allFiles().contains { $0.hasSuffix(".tmp") })
        #expect(try t.store.auditEvents(for: c.id).events.map(\.action) == [.create])
    }

    @Test(
        "hvad låsefilen end indeholder (tom, 4 KB affald), tæller kun om låsen er holdt",
        arguments: ["", String(repeating: "\u{1}x{", count: 1400)])
    func contentDoesNotDecide(content: String) throws {
        let t = TempStore(lockTimeout: 0.2)
        let c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        t.write("laase/2026-0001.lock", content)
        // Free: saved at once.
        #expect(try t.store.save(c, expectedRevision: 1, now: Sample.now, user: "sb1", command: "notat").revision == 2)
        // Held, with garbage in it: a bounded wait, then a message that does not know who.
        t.write("laase/2026-0001.lock", content)
        let fd = holdLock(t)
        defer { close(fd) }
        let start = Date()
        do {
            _ = try t.store.save(c, expectedRevision: 2, now: Sample.now, user: "sb1", command: "notat")
            Issue.record("save should have failed")
        } catch let e as StoreError {
            guard case .locked(_, _, _, let pid, _) = e else {
                Issue.record("wrong error \(e)")
                return
            }
            #expect(pid == 0)
            #expect(e.description.contains("er låst af en anden proces"))
        }
        #expect(Date().timeIntervalSince(start) < 2)
    }

    @Test("en lås slippes, når holderen lukker eller dør, uden at nogen bryder den, og intet unlock-hændelse")
    func releasedByTheKernel() throws {
        let t = TempStore(lockTimeout: 1)
        let c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        let fd = holdLock(t)
        close(fd)  // what the kernel does when the holder dies
        let saved = try t.store.save(c, expectedRevision: 1, now: Sample.now, user: "sb1", command: "notat")
        #expect(saved.revision == 2)
        #expect(t.noLockHeld())
        let info = String(decoding: t.bytes("laase/2026-0001.lock") ?? [], as: UTF8.self)
        #expect(info.contains("\"owner\":\"sb1\""))
        #expect(try t.store.auditEvents(for: c.id).events.map(\.action) == [.create, .update])
    }

    @Test(
        "en låsefil, der er et symbolsk link, en FIFO, en mappe eller et hårdt link, afvises straks; målet røres ikke",
        arguments: ["link", "fifo", "mappe", "haardt"])
    func oddLockFiles(kind: String) throws {
        let t = TempStore(lockTimeout: 5)
        let c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        let lock = t.path + "/laase/2026-0001.lock"
        let target = t.path + "/maal.txt"
        t.write("maal.txt", "skal ikke røres")
        unlink(lock)
        switch kind {
        case "link": symlink(target, lock)
        case "fifo": mkfifo(lock, 0o600)
        case "mappe": mkdir(lock, 0o700)
        default: link(target, lock)
        }
        let start = Date()
        #expect(throws: StoreError.self) {
            try t.store.save(c, expectedRevision: 1, now: Sample.now, user: "sb1", command: "notat")
        }
        do {
            _ = try t.store.save(c, expectedRevision: 1, now: Sample.now, user: "sb1", command: "notat")
        } catch let e as StoreError {
            guard case .foreignEntry(let file, _) = e else {
                Issue.record("wrong error \(e)")
                return
            }
            #expect(file == "laase/2026-0001.lock")
        }
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(t.bytes("maal.txt") == Array("skal ikke røres".utf8))
        #expect(try t.store.load(c.id).revision == 1)
    }

    @Test("samtidige gemninger fra flere tråde: låsen er eksklusiv, og hver synlig revision har netop én loghændelse")
    func concurrentSavesAndAudit() throws {
        let t = TempStore(lockTimeout: 5)
        let c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        let root = t.url
        let saves = 15
        let threads = 4
        nonisolated(unsafe) var acknowledged: [Int] = []
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let store = FileStore(root: root)
            var done = 0
            while done < saves {
                guard var file = try? store.load(c.id) else { continue }
                file.counter += 1
                do {
                    let saved = try store.save(
                        file, expectedRevision: file.revision, now: Sample.now, user: "sb1", command: "_taeller")
                    lock.lock()
                    acknowledged.append(saved.revision)
                    lock.unlock()
                    done += 1
                } catch {
                    continue  // a conflict: read again
                }
            }
        }
        let final = try t.store.load(c.id)
        #expect(acknowledged.count == threads * saves)
        #expect(Set(acknowledged).count == acknowledged.count)
        #expect(final.counter == threads * saves)
        #expect(final.revision == 1 + threads * saves)
        let updates = try t.store.auditEvents(for: c.id).events.filter { $0.action == .update }
        #expect(updates.compactMap(\.revisionAfter).sorted() == Array(2...(1 + threads * saves)))
        #expect(t.noLockHeld())
    }
}
