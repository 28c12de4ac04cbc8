import Foundation
import Testing

@testable import UngeCore
@testable import UngeStore

/// `saveTogether`: several cases saved as one change, all or none (overdrag, saml).
@Suite("Flere sager gemt samlet (alt eller intet)")
struct SaveTogetherTests {
    @Test("begge sager gemmes med hver sin hændelse i revisionssporet")
    func bothSaved() throws {
        let t = TempStore()
        let a = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        let b = try t.store.create(
            Sample.caseFile(name: "Anden Unge"), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        var a2 = a
        a2.caseworker = "bo"
        var b2 = b
        b2.caseworker = "bo"
        let saved = try t.store.saveTogether(
            [
                CaseChange(caseFile: a2, expectedRevision: a.revision, criterion: "overdraget til bo"),
                CaseChange(caseFile: b2, expectedRevision: b.revision, criterion: "overdraget til bo"),
            ], now: Sample.now, user: "sb1", command: "overdrag")
        #expect(saved.map(\.revision) == [2, 2])
        #expect(try t.store.load(a.id).caseworker == "bo")
        #expect(try t.store.load(b.id).caseworker == "bo")
        let events = try t.store.auditEvents(for: b.id).events.filter { $0.command == "overdrag" }
        #expect(events.count == 1)
        #expect(events.first?.criterion == "overdraget til bo")
    }

    @Test("en konflikt på den ene sag: ingen af dem ændres")
    func conflictChangesNothing() throws {
        let t = TempStore()
        let a = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        let b = try t.store.create(
            Sample.caseFile(name: "Anden Unge"), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        // Someone else saves b meanwhile.
        try t.store.update(b.id, now: Sample.now, user: "sb2", command: "notat") { $0.counter += 1 }
        var a2 = a
        a2.caseworker = "bo"
        var b2 = b
        b2.caseworker = "bo"
        #expect(throws: StoreError.self) {
            try t.store.saveTogether(
                [
                    CaseChange(caseFile: a2, expectedRevision: a.revision),
                    CaseChange(caseFile: b2, expectedRevision: b.revision),
                ],
                now: Sample.now, user: "sb1", command: "overdrag")
        }
        #expect(try t.store.load(a.id).revision == 1)
        #expect(try t.store.load(a.id).caseworker == a.caseworker)
        #expect(try t.store.load(b.id).caseworker == b.caseworker)
        #expect(a.caseworker != "bo")
        #expect(t.noLockHeld())
    }
}
