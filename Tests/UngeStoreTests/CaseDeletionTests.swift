import Foundation
import Glibc
import Testing
import UngeCore

@testable import UngeStore

/// Deleting a case (`unge slet`) and the archive copy made before it.
@Suite("Sletning og arkivkopi")
struct CaseDeletionTests {
    static let secretText = "Hemmelig sagstekst om hashrygning"

    /// A store with one case full of personal data (name, CPR, free text) and a second case.
    static func storeWithCase(faultInjection: (@Sendable (SaveStep) throws -> Void)? = nil) throws -> (
        TempStore, CaseFile
    ) {
        let t = TempStore(faultInjection: faultInjection)
        var c = Sample.caseFile(name: "Slettea Slettesen")
        c.journal.append(JournalEntry(time: Sample.now, author: "sb1", text: secretText))
        c.closedDate = LocalDate(year: 2026, month: 4, day: 12)
        let made = try t.store.create(c, year: 2026, now: Sample.now, user: "sb1", command: "ny")
        _ = try t.store.create(
            Sample.caseFile(name: "Bliver Boende", withCPR: false), year: 2026, now: Sample.now, user: "sb1",
            command: "ny")
        try t.store.saveDraft(
            DialogueDraft(
                command: "plan", caseID: made.id, saved: Sample.now, user: "sb1",
                answers: [.init(key: "mål", value: "Slettea skal " + secretText)]))
        _ = try t.store.listSummaries()
        _ = try t.store.statisticsFacts()
        return (t, made)
    }

    static func tombstone(_ id: CaseID) -> AuditEvent {
        AuditEvent(
            time: Sample.now.addingTimeInterval(60), user: "sb1", action: .delete, caseID: id, revisionBefore: 1,
            criterion: "opbevaringsperioden udløb", command: "slet")
    }

    /// Every file under the store that holds one of the case's identifying strings.
    static func leaks(_ t: TempStore) -> [String] {
        let needles = ["Slettea", Sample.cprText, Sample.cprDigits, secretText].map { Data($0.utf8) }
        return t.allFiles().filter { f in
            guard let d = FileManager.default.contents(atPath: t.path + "/" + f) else { return false }
            return needles.contains { d.range(of: $0) != nil }
        }
    }

    @Test("efter sletningen findes sagens navn, CPR-nummer og tekst ingen steder i lageret")
    func nothingLeft() throws {
        let (t, c) = try Self.storeWithCase()
        #expect(!Self.leaks(t).isEmpty)  // the probe finds them before
        try t.store.deleteCase(c.id, expectedRevision: c.revision, tombstone: Self.tombstone(c.id))
        #expect(Self.leaks(t) == [])
        #expect(!t.store.caseExists(c.id))
        #expect(try t.store.listSummaries().summaries.map(\.id.rawValue) == ["2026-0002"])
        #expect(try t.store.statisticsFacts().facts.map(\.id.rawValue) == ["2026-0002"])
        // The tombstone stays in the audit trail.
        let events = try t.store.auditEvents(for: c.id).events
        #expect(events.contains { $0.action == .delete && $0.criterion == "opbevaringsperioden udløb" })
        // The number is never given again.
        let next = try t.store.create(
            Sample.caseFile(name: "Ny Sag"), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        #expect(next.id.rawValue == "2026-0003")
    }

    @Test(
        "en søgning på navnet, der viste den slettede sag, beholder ikke søgeordet; de andre sager beholder søgningen")
    func searchTermsErased() throws {
        let (t, c) = try Self.storeWithCase()
        let other = try #require(CaseID("2026-0002"))
        // A name search that displayed the case and another one, and one that displayed only the case.
        try t.store.appendAudit(
            AuditEvent(
                time: Sample.now, user: "sb2", action: .search, criterion: "søg=Slettea", command: "liste",
                shown: [c.id, other]))
        try t.store.appendAudit(
            AuditEvent(
                time: Sample.now, user: "sb2", action: .search, criterion: "status=åben søg=slettea slettesen",
                command: "liste", shown: [c.id]))
        // A search that did not display the case keeps its term.
        try t.store.appendAudit(
            AuditEvent(
                time: Sample.now, user: "sb2", action: .search, criterion: "søg=Boende", command: "liste",
                shown: [other]))
        #expect(Self.leaks(t).contains { $0.hasPrefix("log/") })
        try t.store.deleteCase(c.id, expectedRevision: c.revision, tombstone: Self.tombstone(c.id))
        #expect(Self.leaks(t) == [])
        let lower = t.allFiles().filter { f in
            guard let d = FileManager.default.contents(atPath: t.path + "/" + f) else { return false }
            return d.range(of: Data("slettea".utf8)) != nil
        }
        #expect(lower == [])
        // Every chain still verifies.
        #expect(try t.store.verifyAuditLog().breaks.map(\.description) == [])
        // The other case's trail still shows that sb2 saw it in the search, without the term.
        let trail = try t.store.auditEvents(for: other).events.filter { $0.action == .search && $0.user == "sb2" }
        #expect(trail.compactMap(\.criterion).sorted() == [FileStore.erasedSearchTerm, "søg=Boende"].sorted())
        #expect(trail.allSatisfy { !AuditEvent.contains($0.shown ?? [], c.id) })
        // A second run (a resumed deletion) writes nothing new.
        let before = t.allFiles().sorted()
        try t.store.eraseAuditPersonalData(of: c.id, tombstone: Self.tombstone(c.id))
        #expect(
            t.allFiles().sorted().filter { !$0.hasPrefix("log/.indeks") }
                == before.filter { !$0.hasPrefix("log/.indeks") })
        #expect(try t.store.verifyAuditLog().breaks.map(\.description) == [])
    }

    @Test("en sag, der er ændret siden arkivkopien, slettes ikke")
    func changedSince() throws {
        let (t, c) = try Self.storeWithCase()
        _ = try t.store.update(c.id, now: Sample.now, user: "sb1", command: "notat") { $0.counter += 1 }
        #expect(throws: StoreError.self) {
            try t.store.deleteCase(c.id, expectedRevision: c.revision, tombstone: Self.tombstone(c.id))
        }
        #expect(t.store.caseExists(c.id))
    }

    @Test("en fejl før sletningen er gennemført efterlader sagen helt til stede")
    func failBeforeCommit() throws {
        struct Injected: Error {}
        let armed = Armed()
        let (t, c) = try Self.storeWithCase(faultInjection: { s in
            if s == .deleteCommit && armed.on { throw Injected() }
        })
        let before = t.bytes("sager/2026-0001.json")
        armed.on = true
        #expect(throws: Injected.self) {
            try t.store.deleteCase(c.id, expectedRevision: c.revision, tombstone: Self.tombstone(c.id))
        }
        armed.on = false
        try t.store.finishInterruptedDeletions()
        #expect(t.bytes("sager/2026-0001.json") == before)
        #expect(try t.store.load(c.id).youngPerson.name == "Slettea Slettesen")
        #expect(try t.store.loadDraft(command: "plan", caseID: c.id) != nil)
        #expect(!t.allFiles().contains { $0.hasPrefix("sletning/") })
    }

    @Test("en fejl efter sletningen er gennemført gøres færdig ved næste åbning: sagen er helt væk")
    func failAfterCommit() throws {
        struct Injected: Error {}
        let armed = Armed()
        let (t, c) = try Self.storeWithCase(faultInjection: { s in
            if s == .deleteFinish && armed.on { throw Injected() }
        })
        armed.on = true
        #expect(throws: Injected.self) {
            try t.store.deleteCase(c.id, expectedRevision: c.revision, tombstone: Self.tombstone(c.id))
        }
        armed.on = false
        // Already gone for every reader.
        #expect(!t.store.caseExists(c.id))
        try t.store.finishInterruptedDeletions()
        #expect(Self.leaks(t) == [])
        #expect(try t.store.auditEvents(for: c.id).events.filter { $0.action == .delete }.count == 1)
        // Finishing again changes nothing.
        try t.store.finishInterruptedDeletions()
        #expect(try t.store.auditEvents(for: c.id).events.filter { $0.action == .delete }.count == 1)
    }

    @Test("arkivkopien skrives, kontrolleres og afvises, når én byte er ændret")
    func archive() throws {
        let (t, c) = try Self.storeWithCase()
        let out = t.path + "-arkiv"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let (_, json) = try t.store.editableDocument(c.id)
        let events = try t.store.auditEvents(for: c.id).events
        let dir = try CaseArchive.write(
            id: c.id, revision: c.revision, caseJSON: [UInt8](json), events: events,
            readable: [("sag.html", Array("<p>Slettea</p>".utf8))], to: out, now: Sample.now, user: "sb1",
            storeRoot: t.url)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(names == ["SHA256SUMS", "manifest.json", "revisionsspor.json", "sag.html", "sag.json"])
        for n in names { #expect(Sample.mode(dir + "/" + n) == 0o600) }
        let manifest = try CaseArchive.verify(dir, id: c.id, caseJSON: [UInt8](json))
        #expect(manifest.revision == c.revision)
        // The same copy is refused for another document (the case changed since).
        #expect(throws: OutputFiles.Problem.self) {
            try CaseArchive.verify(dir, id: c.id, caseJSON: [UInt8](json) + [0x20])
        }
        // One byte changed in the copy is found.
        var bytes = [UInt8](FileManager.default.contents(atPath: dir + "/sag.json")!)
        bytes[10] ^= 1
        chmod(dir + "/sag.json", 0o600)
        FileManager.default.createFile(atPath: dir + "/sag.json", contents: Data(bytes))
        #expect(throws: OutputFiles.Problem.self) { try CaseArchive.verify(dir, id: c.id, caseJSON: [UInt8](json)) }
        // An existing copy folder is never written over.
        #expect(throws: OutputFiles.Problem.self) {
            try CaseArchive.write(
                id: c.id, revision: c.revision, caseJSON: [UInt8](json), events: events, readable: [], to: out,
                now: Sample.now, user: "sb1", storeRoot: t.url)
        }
    }
}
