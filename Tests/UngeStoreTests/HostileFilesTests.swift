import Foundation
import Glibc
import Testing
import UngeCore

@testable import UngeStore

@Suite("Lageret: fjendtlige filer")
struct HostileFilesTests {
    @Test("en FIFO i stedet for en sagsfil afvises straks i stedet for at hænge")
    func fifoIsRefusedWithoutBlocking() throws {
        let t = TempStore()
        try t.store.prepare()
        #expect(mkfifo(t.casePath("2026-0099"), 0o600) == 0)
        let start = Date()
        #expect(throws: StoreError.corrupt(file: "sager/2026-0099.json", reason: "det er ikke en almindelig fil")) {
            try t.store.load(CaseID("2026-0099")!)
        }
        #expect(Date().timeIntervalSince(start) < 2)
    }

    @Test("JSON indlejret 10.000 niveauer dybt giver en fejl, der nævner filen, ikke et nedbrud")
    func deepNestingIsRefused() throws {
        let bytes =
            Array("{\"schemaVersion\":1,\"revision\":1,\"x\":".utf8) + [UInt8](repeating: 91, count: 10_000)
            + [UInt8](repeating: 93, count: 10_000) + Array("}".utf8)
        #expect(throws: StoreError.self) {
            try FileStore.decodeCase(bytes, file: "sager/2026-0099.json", expectedID: nil)
        }
    }
}

@Suite("Lageret: CPR-numre i fejlbeskeder")
struct CPRInMessagesTests {
    @Test("et CPR-nummer skrevet som sagsnummer gentages maskeret, ikke i klar tekst")
    func notFoundMasksCPRLikeIDs() {
        #expect(
            StoreError.notFound(CaseID("670312-4321")!).description
                == "Der findes ingen sag med nummeret 670312-xxxx. Se sagerne med 'unge liste'.")
        #expect(StoreError.notFound(CaseID("6703124321")!).description.contains("670312-xxxx"))
    }
}

@Suite("Revisionssporet efter et nedbrud")
struct AuditAfterCrashTests {
    @Test("en halvt skrevet hændelse fra et nedbrud ligger som skjult temp-fil og forstyrrer ikke loggen")
    func halfWrittenEventIsIgnored() throws {
        let t = TempStore()
        let c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        // What a crash in the middle of appendAudit leaves: a hidden, partial temp file.
        t.write("log/2026-04/.20260412T133000Z-4242-0badf00d.tmp", "{\"action\":\"upd")
        let (events, problems) = try t.store.auditEvents(for: c.id)
        #expect(events.map(\.action) == [.create])
        #expect(problems.isEmpty)
        // Every complete event file is named *.json and decodes.
        let visible = t.allFiles().filter { $0.hasPrefix("log/") && !$0.contains("/.") }
        #expect(visible.count == 1)
        #expect(visible.allSatisfy { $0.hasSuffix(".json") })
    }
}
