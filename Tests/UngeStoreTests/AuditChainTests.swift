import Foundation
import Glibc
import Testing
import UngeCore

@testable import UngeStore

/// The audit log's hash chains (issue 22, point 5): `verifyAuditLog` finds every kind of tampering,
/// a lawful erasure keeps every chain verifying, and old unchained events are reported honestly.
@Suite("Revisionssporets kæde")
struct AuditChainTests {
    /// A store with one case (create, two notes, a read), a listing, and its month index built.
    func sample() throws -> (TempStore, CaseID) {
        let t = TempStore()
        let c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        try t.store.update(c.id, now: Sample.now.addingTimeInterval(1), user: "sb2", command: "notat") {
            $0.caseworker = "sb2"
        }
        try t.store.update(c.id, now: Sample.now.addingTimeInterval(2), user: "sb2", command: "notat") {
            $0.caseworker = "sb2"
        }
        try t.store.appendAudit(
            AuditEvent(time: Sample.now.addingTimeInterval(3), user: "sb1", action: .read, caseID: c.id, command: "vis")
        )
        try t.store.appendAudit(
            AuditEvent(
                time: Sample.now.addingTimeInterval(4), user: "sb1", action: .search, criterion: "Testa",
                command: "liste",
                shown: [c.id]))
        _ = try t.store.auditEvents(for: c.id)  // builds log/.indeks/2026-04.tsv
        return (t, c.id)
    }

    /// The event files of a case, in chain order.
    func files(_ t: TempStore, _ id: CaseID) -> [String] {
        t.allFiles().filter { $0.hasPrefix("log/2026-04/") && $0.contains("-" + id.rawValue + "-") }.sorted {
            (FileStore.chainNumber($0) ?? 0) < (FileStore.chainNumber($1) ?? 0)
        }
    }

    func reasons(_ t: TempStore) throws -> [String] {
        try t.store.verifyAuditLog().breaks.map(\.description)
    }

    @Test("et urørt spor er i orden: alle kæder, hoveder og indekset holder")
    func intact() throws {
        let (t, id) = try sample()
        let v = try t.store.verifyAuditLog()
        #expect(v.breaks == [])
        #expect(v.chainedEvents == 5)
        #expect(v.chains == 2)
        #expect(v.indexLines == 5)
        #expect(files(t, id).count == 4)
    }

    @Test("én ændret byte i en hændelse opdages")
    func oneByteChanged() throws {
        let (t, id) = try sample()
        let f = files(t, id)[1]
        var bytes = try #require(t.bytes(f))
        let text = String(decoding: bytes, as: UTF8.self)
        let at = try #require(text.utf8.firstRange(of: "\"revisionAfter\" : 2".utf8))
        bytes[text.utf8.distance(from: text.utf8.startIndex, to: at.upperBound) - 1] = UInt8(ascii: "3")
        t.write(f, String(decoding: bytes, as: UTF8.self))
        #expect(try reasons(t).contains { $0.contains(f) && $0.contains("ændret") })
        // The user name (the salted payload) too.
        let (t2, id2) = try sample()
        let g = files(t2, id2)[2]
        t2.write(g, String(decoding: t2.bytes(g)!, as: UTF8.self).replacingOccurrences(of: "\"sb2\"", with: "\"sb3\""))
        #expect(try reasons(t2).contains { $0.contains(g) && $0.contains("indhold er ændret") })
    }

    @Test("en slettet hændelse opdages, også den sidste i kæden")
    func eventDeleted() throws {
        let (t, id) = try sample()
        let all = files(t, id)
        try FileManager.default.removeItem(atPath: t.path + "/" + all[1])
        #expect(try reasons(t).contains { $0.contains("nr. 2") && $0.contains("mangler") })
        let (t2, id2) = try sample()
        try FileManager.default.removeItem(atPath: t2.path + "/" + files(t2, id2).last!)
        try FileManager.default.removeItem(atPath: t2.path + "/log/.indeks/2026-04.tsv")
        #expect(try reasons(t2).contains { $0.contains("de sidste hændelser er slettet") })
    }

    @Test("to hændelser byttet om opdages")
    func eventsSwapped() throws {
        let (t, id) = try sample()
        let all = files(t, id)
        let a = try #require(t.bytes(all[1]))
        let b = try #require(t.bytes(all[2]))
        t.write(all[1], String(decoding: b, as: UTF8.self))
        t.write(all[2], String(decoding: a, as: UTF8.self))
        try FileManager.default.removeItem(atPath: t.path + "/log/.indeks/2026-04.tsv")
        #expect(try reasons(t).contains { $0.contains("byttet om") })
    }

    @Test("en hændelse sat ind (en kopi under nyt navn) opdages")
    func eventInserted() throws {
        let (t, id) = try sample()
        let f = files(t, id)[1]
        t.write(f.replacingOccurrences(of: ".json", with: "0.json"), String(decoding: t.bytes(f)!, as: UTF8.self))
        #expect(try !reasons(t).isEmpty)
    }

    @Test("et fjernet afsnit (en månedsmappe) opdages")
    func segmentRemoved() throws {
        let (t, _) = try sample()
        try FileManager.default.removeItem(atPath: t.path + "/log/2026-04")
        let r = try reasons(t)
        #expect(r.contains { $0.contains("log/.indeks/2026-04.tsv") && $0.contains("fjernet") })
        #expect(r.contains { $0.contains("ingen af kædens hændelser findes") })
    }

    @Test("et afkortet eller ændret indeks opdages")
    func indexTruncated() throws {
        let (t, _) = try sample()
        let index = "log/.indeks/2026-04.tsv"
        let text = String(decoding: t.bytes(index)!, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Whole lines cut off.
        t.write(index, lines.prefix(3).joined(separator: "\n") + "\n")
        #expect(try reasons(t).contains { $0.contains(index) && $0.contains("afkortet") })
        // Cut in the middle of a line.
        t.write(index, String(text.prefix(text.count - 20)))
        #expect(try reasons(t).contains { $0.contains(index) && $0.contains("afkortet") })
        // One field edited.
        t.write(index, text.replacingOccurrences(of: "\tsb2\t", with: "\tsb9\t"))
        #expect(try reasons(t).contains { $0.contains(index) && $0.contains("ændret") })
        // Untouched again: in order.
        t.write(index, text)
        #expect(try reasons(t) == [])
    }

    @Test("et redigeret indeks vises aldrig som sandhed i 'log': hændelsesfilen svarer, og bruddet meldes")
    func logNeverTrustsEditedIndex() throws {
        let (t, id) = try sample()
        let index = "log/.indeks/2026-04.tsv"
        let text = String(decoding: t.bytes(index)!, as: UTF8.self)
        t.write(index, text.replacingOccurrences(of: "\tsb2\t", with: "\tsb9\t"))
        let r = try t.store.auditEvents(for: id)
        #expect(!r.events.contains { $0.user == "sb9" })
        #expect(r.problems.contains { if case .auditBroken = $0.error { true } else { false } })
        // An event file edited after it was indexed is read again (its change time moved).
        let (t2, id2) = try sample()
        let f = files(t2, id2)[1]
        t2.write(f, String(decoding: t2.bytes(f)!, as: UTF8.self).replacingOccurrences(of: "\"sb2\"", with: "\"sb7\""))
        let r2 = try t2.store.auditEvents(for: id2)
        #expect(r2.problems.contains { if case .auditBroken = $0.error { true } else { false } })
    }

    @Test("sletning af personoplysninger: kæden holder, og navne, salt og søgning er væk")
    func erasureKeepsChain() throws {
        let (t, id) = try sample()
        let tomb = AuditEvent(
            time: Sample.now.addingTimeInterval(10), user: "leder", action: .delete, caseID: id, criterion: "udløbet",
            command: "slet")
        try t.store.eraseAuditPersonalData(of: id, tombstone: tomb)
        try t.store.eraseAuditPersonalData(of: id, tombstone: tomb)  // idempotent: resumed deletion
        let v = try t.store.verifyAuditLog()
        #expect(v.breaks == [])
        #expect(v.erasedEvents == 4)
        let own = files(t, id)
        #expect(own.count == 5)  // four erased events and one tombstone
        for f in own.dropLast() {
            let text = String(decoding: t.bytes(f)!, as: UTF8.self)
            #expect(!text.contains("sb1") && !text.contains("sb2") && !text.contains("\"salt\""), "\(f)")
            #expect(text.contains("\"erased\" : true"))
        }
        let last = String(decoding: t.bytes(own.last!)!, as: UTF8.self)
        #expect(last.contains("\"erasedThrough\" : 4"))
        // No index line keeps the erased names.
        for f in t.allFiles() where f.hasPrefix("log/.indeks/") {
            let text = String(decoding: t.bytes(f)!, as: UTF8.self)
            #expect(!text.contains("sb2"))
        }
        // Removing a payload without a tombstone is a break.
        let (t2, id2) = try sample()
        let g = files(t2, id2)[1]
        var e = try UngeJSON.decoder().decode(AuditEvent.self, from: Data(t2.bytes(g)!))
        e.user = ""
        e.account = nil
        e.command = ""
        e.salt = nil
        e.erased = true
        t2.write(g, String(decoding: try UngeJSON.encoder().encode(e), as: UTF8.self))
        #expect(try reasons(t2).contains { $0.contains("uden en sletning") })
    }

    @Test("gamle hændelser uden kæde læses og meldes ærligt som fra før kæden; kæden begynder derfra")
    func oldStoreUnchained() throws {
        let t = TempStore()
        let c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        // Two events as versions before the chain wrote them, a day earlier.
        try FileManager.default.createDirectory(atPath: t.path + "/log/2026-03", withIntermediateDirectories: true)
        for (i, cmd) in ["vis", "notat"].enumerated() {
            let json = """
                {"schemaVersion":1,"time":"2026-03-01T10:0\(i):00Z","user":"sb1","action":"read",\
                "caseID":"\(c.id.rawValue)","command":"\(cmd)"}
                """
            t.write("log/2026-03/20260301T100\(i)00Z-\(c.id.rawValue)-1-\(i)-abc.json", json)
        }
        let v = try t.store.verifyAuditLog()
        #expect(v.breaks == [])
        #expect(v.unchainedEvents == 2)
        #expect(v.chainedEvents == 1)
        #expect(try t.store.auditEvents(for: c.id).events.count == 3)
        // An unchained event dated after the chain began was put there by hand.
        t.write(
            "log/2026-04/20260413T100000Z-\(c.id.rawValue)-1-9-abc.json",
            """
            {"schemaVersion":1,"time":"2026-04-13T10:00:00Z","user":"x","action":"read","caseID":"\(c.id.rawValue)","command":"vis"}
            """)
        #expect(try reasons(t).contains { $0.contains("uden for kæden") })
    }

    @Test("et anker binder kæderne: er en sags sidste hændelser og hoved fjernet, opdages det")
    func anchorTiesChains() throws {
        let (t, id) = try sample()
        try t.store.writeAnchor(time: Sample.now.addingTimeInterval(5), user: "sb1")
        #expect(try t.store.verifyAuditLog().anchorEntries == 1)
        // Cut the case's chain after event 2 and forge its head to match.
        let all = files(t, id)
        for f in all.dropFirst(2) { try FileManager.default.removeItem(atPath: t.path + "/" + f) }
        try FileManager.default.removeItem(atPath: t.path + "/log/.indeks/2026-04.tsv")
        let second = try UngeJSON.decoder().decode(AuditEvent.self, from: Data(t.bytes(all[1])!))
        t.write(
            "log/.kaeder/" + id.rawValue,
            "unge-kaede\t1\n2\t\(second.digest!)\t\(all[1].dropFirst(4))\t1\n")
        #expect(try reasons(t).contains { $0.contains("ankeret kræver hændelse nr. 4") })
    }

    @Test("en ændring, hvis gemning aldrig skete, mærkes 'ikke gennemført'")
    func notCarriedOut() {
        func ev(_ before: Int?, _ after: Int, _ action: AuditAction = .update) -> AuditEvent {
            AuditEvent(
                time: Sample.now, user: "sb", action: action, caseID: CaseID("2026-0001")!, revisionBefore: before,
                revisionAfter: after, command: "notat")
        }
        // 1 created; 1->2 written but killed; 1->2 again and landed; 2->3 killed (case still at 2).
        var events = [ev(nil, 1, .create), ev(1, 2), ev(1, 2), ev(2, 3)]
        AuditChain.markNotCarriedOut(&events, case: CaseID("2026-0001")!, currentRevision: 2)
        #expect(events.map { $0.notCarriedOut == true } == [false, true, false, true])
    }

    @Test("SHA-256 af kædens felter: ingen to forskellige hændelser giver samme bytes")
    func canonicalBytes() {
        var a = AuditEvent(time: Sample.now, user: "a", action: .read, command: "b=c")
        var b = AuditEvent(time: Sample.now, user: "a\ncommand=+3:b=c", action: .read, command: "")
        a.salt = "00"
        b.salt = "00"
        #expect(AuditChain.payloadBytes(a) != AuditChain.payloadBytes(b))
    }
}
