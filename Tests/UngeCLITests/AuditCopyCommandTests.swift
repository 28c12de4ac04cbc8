import Foundation
import Testing

/// `unge log --kopi --ud MAPPE` on a file store: the whole log with its chain heads in a new folder,
/// which `unge log --kontroller --lager MAPPE` checks like the store itself.
extension AuditVerifyCommandTests {
    @Test("log --kopi --ud skriver sporet i en ny mappe; kopien kontrolleres alene og finder en slettet hændelse")
    func copyOfFileStoreLog() throws {
        let store = try Unge.fixtureStore()
        #expect(try Unge.run(["notat", "2026-0001", "Et notat"], store: store).status == 0)
        #expect(try Unge.run(["notat", "2026-0001", "Et notat mere"], store: store).status == 0)
        #expect(try Unge.run(["liste"], store: store).status == 0)
        let folder = store.deletingLastPathComponent().appendingPathComponent("revision")
        let r = try Unge.run(["log", "--kopi", "--ud", folder.path], store: store)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("unge log --kontroller --lager"), "\(r.stdout)")
        let ok = try Unge.run(["log", "--kontroller"], store: folder)
        #expect(ok.status == 0, "\(ok.stdout) \(ok.stderr)")
        #expect(ok.stdout.contains("Revisionssporet er i orden"))
        // Never over an earlier copy.
        #expect(try Unge.run(["log", "--kopi", "--ud", folder.path], store: store).status == 2)
        // The copy was audited in the store (where it went).
        #expect(try Unge.run(["log", "--kontroller"], store: store).status == 0)
        // A case's event removed from the copy (not the last of its chain): a break, exit 3.
        let events = try eventFiles(folder).filter { $0.contains("-2026-0001-") }.sorted {
            (Int($0.split(separator: "s").last?.dropLast(5) ?? "") ?? 0)
                < (Int($1.split(separator: "s").last?.dropLast(5) ?? "") ?? 0)
        }
        try #require(events.count >= 2)
        try FileManager.default.removeItem(atPath: events[0])
        let bad = try Unge.run(["log", "--kontroller"], store: folder)
        #expect(bad.status == 3, "\(bad.stdout) \(bad.stderr)")
        #expect(bad.stderr.contains("mangler (slettet)"), "\(bad.stderr)")
    }

    @Test("--kopi kræver --ud og tager intet sagsnummer; --ud alene er en brugsfejl")
    func copyUsage() throws {
        let store = try Unge.fixtureStore()
        #expect(try Unge.run(["log", "--kopi"], store: store).status == 2)
        #expect(try Unge.run(["log", "2026-0001", "--kopi", "--ud", "x"], store: store).status == 2)
        #expect(try Unge.run(["log", "--kopi", "--kontroller", "--ud", "x"], store: store).status == 2)
        #expect(try Unge.run(["log", "2026-0001", "--ud", "x"], store: store).status == 2)
    }
}
