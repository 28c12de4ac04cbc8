import Foundation
import Glibc
import Testing
import UngeCore

@testable import UngeStore

/// `unge log <sag>` through the derived month index, and listings that record what they showed
/// (issue 10, items 7 and 11).
@Suite("Revisionssporets indeks og viste sager")
struct AuditIndexTests {
    static func id(_ s: String) -> CaseID { CaseID(s)! }

    @Test("viste sager skrives sorteret, med løb af fortløbende numre som a..b")
    func compress() {
        let ids = ["2026-0003", "2026-0001", "2026-0002", "2026-0007", "x", "2026-9999", "2026-10000", "2026-0002"].map(
            Self.id)
        let shown = AuditEvent.compress(ids)
        #expect(shown == ["2026-0001..2026-0003", "2026-0007", "2026-10000", "2026-9999", "x"])
        for s in ["2026-0001", "2026-0002", "2026-0003", "2026-0007", "2026-9999", "2026-10000", "x"] {
            #expect(AuditEvent.contains(shown, Self.id(s)), "\(s)")
        }
        for s in ["2026-0004", "2026-0000", "2025-0002", "2026-00002", "y", "2026-0008"] {
            #expect(!AuditEvent.contains(shown, Self.id(s)), "\(s)")
        }
    }

    @Test("hver hændelse har kontoen fra styresystemet ved siden af det oplyste navn")
    func account() throws {
        let e = AuditEvent(time: Sample.now, user: "Lene", action: .read, caseID: Self.id("2026-0001"), command: "vis")
        let expected = getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) } ?? "uid \(geteuid())"
        #expect(e.account == expected)
        #expect(e.user == "Lene")
        let json = String(decoding: try UngeJSON.encoder().encode(e), as: UTF8.self)
        #expect(json.contains("\"account\" : \"\(expected)\""))
        // Older events without it still decode.
        let old = try UngeJSON.decoder().decode(
            AuditEvent.self,
            from: Data(#"{"action":"read","command":"vis","time":"2026-04-12T10:00:00Z","user":"x"}"#.utf8))
        #expect(old.account == nil)
        #expect(old.shown == nil)
    }

    @Test("log for en sag viser dens egne hændelser og hver liste, der viste den, og kun dem")
    func listingsThatShowedTheCase() throws {
        let t = TempStore()
        let a = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        let b = try t.store.create(
            Sample.caseFile(name: "Anden", withCPR: false), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        try t.store.appendAudit(
            AuditEvent(
                time: Sample.now.addingTimeInterval(1), user: "sb2", action: .search, criterion: "søg=testa",
                command: "liste", shown: [a.id]))
        try t.store.appendAudit(
            AuditEvent(
                time: Sample.now.addingTimeInterval(2), user: "sb2", action: .search, criterion: "alle",
                command: "liste", shown: [a.id, b.id]))
        try t.store.appendAudit(
            AuditEvent(
                time: Sample.now.addingTimeInterval(3), user: "sb2", action: .search, criterion: "frister",
                command: "frister", shown: [b.id]))
        try t.store.appendAudit(
            AuditEvent(time: Sample.now.addingTimeInterval(4), user: "sb2", action: .read, caseID: b.id, command: "vis")
        )
        let forA = try t.store.auditEvents(for: a.id)
        #expect(forA.problems.isEmpty)
        #expect(forA.events.map(\.command) == ["ny", "liste", "liste"])
        #expect(forA.events.map(\.criterion) == [nil, "søg=testa", "alle"])
        // Of a listing's cases, only this one is told (the others are other people's data).
        #expect(forA.events[2].shown == ["2026-0001"])
        let forB = try t.store.auditEvents(for: b.id)
        #expect(forB.events.map(\.command) == ["ny", "liste", "frister", "vis"])
        // The index gives back exactly what the files hold.
        let all = try t.store.auditEvents(for: nil).events
        #expect(all.first { $0.criterion == "alle" }?.shown == ["2026-0001..2026-0002"])
        #expect(
            forB.events
                == all.filter { $0.concerns(b.id) }.map { e in
                    var e = e
                    if e.shown != nil { e.shown = [b.id.rawValue] }
                    return e
                })
        #expect(t.bytes("log/.indeks/2026-04.tsv") != nil)
        #expect(Sample.mode(t.path + "/log/.indeks/2026-04.tsv") == 0o600)
        #expect(Sample.mode(t.path + "/log/.indeks") == 0o700)
    }

    @Test(
        "indekset læses i stedet for hændelsesfilerne, følger nye filer og bygges om, hvis det mangler eller er beskadiget"
    )
    func indexIsDerived() throws {
        let t = TempStore()
        let c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        try t.store.appendAudit(
            AuditEvent(time: Sample.now.addingTimeInterval(1), user: "sb2", action: .read, caseID: c.id, command: "vis")
        )
        #expect(try t.store.auditEvents(for: c.id).events.map(\.command) == ["ny", "vis"])
        // The index is never trusted over the events (issue 22): a line edited in the index does not
        // match its hashes, so the event file answers and the edit is reported.
        let index = "log/.indeks/2026-04.tsv"
        let text = String(decoding: t.bytes(index)!, as: UTF8.self)
        t.write(index, text.replacingOccurrences(of: "\tvis\t", with: "\tvix\t"))
        let edited = try t.store.auditEvents(for: c.id)
        #expect(edited.events.map(\.command) == ["ny", "vis"])
        #expect(edited.problems.contains { if case .auditBroken = $0.error { true } else { false } })
        // A new event file is picked up (its folder changed).
        try t.store.appendAudit(
            AuditEvent(
                time: Sample.now.addingTimeInterval(2), user: "sb2", action: .export, caseID: c.id, command: "plan"))
        #expect(try t.store.auditEvents(for: c.id).events.map(\.command) == ["ny", "vis", "plan"])
        // Missing or damaged (a crash mid-write cannot leave this, but a disk can): rebuilt from the files.
        try FileManager.default.removeItem(atPath: t.path + "/" + index)
        #expect(try t.store.auditEvents(for: c.id).events.map(\.command) == ["ny", "vis", "plan"])
        t.write(index, "unge-logindeks\t1\tgarbage\n\u{1}\t\t\n")
        #expect(try t.store.auditEvents(for: c.id).events.map(\.command) == ["ny", "vis", "plan"])
        t.write(index, String(text.prefix(text.count / 2)))
        #expect(try t.store.auditEvents(for: c.id).events.map(\.command) == ["ny", "vis", "plan"])
    }

    @Test("en måned, der ikke er ændret, læses fra indekset uden at mappen gennemgås")
    func settledMonthTrusted() throws {
        let t = TempStore()
        let c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        let folder = t.path + "/log/2026-04"
        // The folder last changed long ago: an index listed now is trusted next time.
        var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
        utimensat(AT_FDCWD, folder, &times, 0)
        _ = try t.store.auditEvents(for: c.id)
        let index = "log/.indeks/2026-04.tsv"
        let built = t.bytes(index)!
        // A file the folder listing would show, hidden from the index by keeping the folder's time:
        // the trusted index is used as is (nothing is listed or rewritten).
        let name = try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".json") }!
        try FileManager.default.copyItem(
            atPath: folder + "/" + name,
            toPath: folder + "/" + name.replacingOccurrences(of: ".json", with: "-kopi.json"))
        utimensat(AT_FDCWD, folder, &times, 0)
        #expect(try t.store.auditEvents(for: c.id).events.count == 1)
        #expect(t.bytes(index)! == built)
        // Once the folder's time moves, it is listed again and the new file is read.
        // Both times UTIME_NOW.
        var now = [timespec(tv_sec: 0, tv_nsec: (1 << 30) - 1), timespec(tv_sec: 0, tv_nsec: (1 << 30) - 1)]
        utimensat(AT_FDCWD, folder, &now, 0)
        #expect(try t.store.auditEvents(for: c.id).events.count == 2)
    }

    @Test("en hændelsesfil, der ikke kan læses, nævnes hver gang og gemmes ikke som læst")
    func unreadableEventNamedEveryTime() throws {
        let t = TempStore()
        let c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        t.write("log/2026-04/20260412T133000Z-2026-0001-1-1-00000000.json", "{\"halv")
        for _ in 0..<2 {
            let r = try t.store.auditEvents(for: c.id)
            #expect(r.events.count == 1)
            #expect(r.problems.map(\.file) == ["log/2026-04/20260412T133000Z-2026-0001-1-1-00000000.json"])
        }
    }
    @Test("ens lister af viste sager gemmes én gang i indekset og giver samme svar")
    func sameShownListStoredOnce() throws {
        let t = TempStore()
        let ids = (1...50).map { CaseID.make(year: 2026, sequence: $0 * 2) }  // no two consecutive: no runs
        for k in 0..<3 {
            try t.store.appendAudit(
                AuditEvent(
                    time: Sample.now.addingTimeInterval(Double(k)), user: "sb2", action: .search, criterion: "frister",
                    command: "frister", shown: ids))
        }
        let shownCase = try t.store.auditEvents(for: CaseID.make(year: 2026, sequence: 42))
        #expect(shownCase.events.count == 3)
        #expect(shownCase.events.allSatisfy { $0.shown == ["2026-0042"] })
        #expect(try t.store.auditEvents(for: CaseID.make(year: 2026, sequence: 43)).events.isEmpty)
        let index = String(decoding: t.bytes("log/.indeks/2026-04.tsv")!, as: UTF8.self)
        #expect(index.components(separatedBy: "2026-0042").count - 1 == 1)
        #expect(index.components(separatedBy: "\t=").count - 1 == 2)
        // Incremental rebuild keeps the answer (references are resolved and written again).
        try t.store.appendAudit(
            AuditEvent(
                time: Sample.now.addingTimeInterval(9), user: "sb2", action: .search, criterion: "frister",
                command: "frister", shown: ids))
        #expect(try t.store.auditEvents(for: CaseID.make(year: 2026, sequence: 42)).events.count == 4)
        // A reference the index cannot resolve is answered from the event file itself.
        let rebuilt = String(decoding: t.bytes("log/.indeks/2026-04.tsv")!, as: UTF8.self)
        let lines = rebuilt.split(separator: "\n", omittingEmptySubsequences: false)
        let first = lines.firstIndex { $0.contains("2026-0042") }!
        var damaged = lines
        damaged.remove(at: first)
        t.write("log/.indeks/2026-04.tsv", damaged.joined(separator: "\n"))
        let fromFiles = try t.store.auditEvents(for: CaseID.make(year: 2026, sequence: 42))
        #expect(fromFiles.events.count == 4)
        #expect(try t.store.auditEvents(for: CaseID.make(year: 2026, sequence: 43)).events.isEmpty)
    }
    @Test("en symbolsk lænke som log/.indeks følges aldrig: svaret kommer fra hændelsesfilerne")
    func symlinkedIndexFolderIgnored() throws {
        let t = TempStore()
        let c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        _ = try t.store.auditEvents(for: c.id)
        let elsewhere = t.path + "-andet"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        // A forged index elsewhere, reached through a link in place of unge's own folder.
        let forged = String(decoding: t.bytes("log/.indeks/2026-04.tsv")!, as: UTF8.self).replacingOccurrences(
            of: "\tny\t", with: "\tfalsk\t")
        _ = FileManager.default.createFile(atPath: elsewhere + "/2026-04.tsv", contents: Data(forged.utf8))
        try FileManager.default.removeItem(atPath: t.path + "/log/.indeks")
        try FileManager.default.createSymbolicLink(atPath: t.path + "/log/.indeks", withDestinationPath: elsewhere)
        #expect(try t.store.auditEvents(for: c.id).events.map(\.command) == ["ny"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere) == ["2026-04.tsv"])
        #expect(FileManager.default.contents(atPath: elsewhere + "/2026-04.tsv") == Data(forged.utf8))
    }
}
