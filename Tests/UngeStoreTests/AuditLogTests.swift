import Foundation
import Glibc
import Testing
import UngeCore

@testable import UngeStore

@Suite("Revisionssporet")
struct AuditLogTests {
    @Test("én hændelse pr. gemning, og intet CPR-nummer i nogen logfil")
    func eventPerSave() throws {
        let t = TempStore()
        let c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        let s = try t.store.save(
            c, expectedRevision: 1, now: Sample.now.addingTimeInterval(1), user: "sb2", command: "notat")
        try t.store.appendAudit(
            AuditEvent(time: Sample.now.addingTimeInterval(2), user: "sb2", action: .read, caseID: s.id, command: "vis")
        )
        try t.store.appendAudit(
            AuditEvent(
                time: Sample.now.addingTimeInterval(3), user: "sb2", action: .search,
                criterion: "cpr \(Sample.cprText) og \(Sample.cprDigits)", command: "liste"))
        let events = try t.store.auditEvents(for: c.id).events
        #expect(events.map(\.action) == [.create, .update, .read])
        #expect(events[1].revisionBefore == 1)
        #expect(events[1].revisionAfter == 2)
        #expect(events[1].user == "sb2")
        let all = try t.store.auditEvents(for: nil).events
        try #require(all.count == 4)
        #expect(all[3].criterion == "cpr 010110-xxxx og 010110-xxxx")
        // (The derived index `log/.indeks/` is checked below with every other file.)
        // (The chain heads `log/.kaeder/` hold numbers, digests and file names only.)
        let logFiles = t.allFiles().filter {
            $0.hasPrefix("log/") && !$0.hasPrefix("log/.indeks/") && !$0.hasPrefix("log/.kaeder/")
        }
        #expect(logFiles.count == 4)
        #expect(logFiles.contains { $0.contains("-alle-") })
        for f in logFiles {
            #expect(f.hasPrefix("log/2026-04/20260412T"))
            let text = String(decoding: t.bytes(f)!, as: UTF8.self)
            #expect(!text.contains(Sample.cprText) && !text.contains(Sample.cprDigits), "\(f)")
            #expect(!text.contains("010110-4") && !text.contains("0101104"), "\(f)")
            #expect(!text.contains("Testa"), "\(f)")
        }
        // And no CPR in any file name or in the index.
        for f in t.allFiles() {
            #expect(!f.contains(Sample.cprDigits))
        }
        #expect(!String(decoding: t.bytes("sager/2026-0001.json")!, as: UTF8.self).isEmpty)
    }

    @Test("kan loggen ikke skrives, afvises gemningen, og sagen er uændret")
    func auditFailureFailsClosed() throws {
        let t = TempStore()
        let c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        let before = t.bytes("sager/2026-0001.json")
        if geteuid() == 0 {
            // Permissions do not stop root: make `log` a regular file so nothing can be created in it.
            try FileManager.default.removeItem(atPath: t.path + "/log")
            t.write("log", "ikke en mappe")
        } else {
            for month in try FileManager.default.contentsOfDirectory(atPath: t.path + "/log") {
                chmod(t.path + "/log/" + month, 0o500)
            }
            chmod(t.path + "/log", 0o500)
        }
        var changed = c
        changed.counter = 7
        do {
            _ = try t.store.save(changed, expectedRevision: 1, now: Sample.now, user: "sb1", command: "notat")
            Issue.record("save should fail")
        } catch let e as StoreError {
            guard case .auditFailed = e else {
                Issue.record("wrong error \(e)")
                return
            }
            #expect(e.description.contains("intet vist eller ændret"))
        }
        #expect(t.bytes("sager/2026-0001.json") == before)
        #expect(throws: StoreError.self) {
            try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        }
        #expect(throws: StoreError.self) {
            try t.store.appendAudit(
                AuditEvent(time: Sample.now, user: "sb1", action: .read, caseID: c.id, command: "vis"))
        }
        #expect(!FileManager.default.fileExists(atPath: t.casePath("2026-0002")))
        #expect(!t.allFiles().contains { $0.hasSuffix(".tmp") })
        #expect(t.noLockHeld())
    }

    @Test(
        "CPR-lignende tal maskeres",
        arguments: [
            ("010110-4321", "010110-xxxx"), ("0101104321", "010110-xxxx"), ("x 010110 4321 y", "x 010110-xxxx y"),
            ("Jensen", "Jensen"), ("12345", "12345"), ("2026-0001", "2026-0001"),
        ])
    func masking(input: String, expected: String) {
        #expect(StoreText.maskCPR(input) == expected)
    }
}
