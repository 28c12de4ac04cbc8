import Foundation
import Testing

/// `unge log --kontroller` and the crash marking of `unge log` (issue 22, points 5 and 7), run as a
/// user would, with the built binary.
@Suite("unge log --kontroller og afbrudte ændringer", .bothStores)
struct AuditVerifyCommandTests {
    func eventFiles(_ store: URL) throws -> [String] {
        let log = store.appendingPathComponent("log")
        var out: [String] = []
        for month in try FileManager.default.contentsOfDirectory(atPath: log.path) where !month.hasPrefix(".") {
            for name in try FileManager.default.contentsOfDirectory(atPath: log.appendingPathComponent(month).path)
            where name.hasSuffix(".json") && !name.hasPrefix(".") {
                out.append(log.appendingPathComponent(month).appendingPathComponent(name).path)
            }
        }
        return out.sorted()
    }

    @Test(
        "et urørt spor giver slutkode 0; en ændret byte giver slutkode 3 og nævner filen",
        .fileOnly("ændrer en byte i revisionssporets filer (teamlageret: TeamStoreEndToEndTests.auditChains)"))
    func verifyDetectsEdit() throws {
        let store = try Unge.fixtureStore()
        #expect(try Unge.run(["notat", "2026-0001", "Et notat"], store: store).status == 0)
        #expect(try Unge.run(["vis", "2026-0001"], store: store).status == 0)
        #expect(try Unge.run(["liste"], store: store).status == 0)
        let ok = try Unge.run(["log", "--kontroller"], store: store)
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("Revisionssporet er i orden"))
        let files = try eventFiles(store).filter { $0.contains("-2026-0001-") }
        let target = try #require(
            files.first { (try? String(contentsOfFile: $0, encoding: .utf8))?.contains("notat") == true })
        let text = try String(contentsOfFile: target, encoding: .utf8)
        try text.replacingOccurrences(of: "\"notat\"", with: "\"notaT\"").write(
            toFile: target, atomically: false, encoding: .utf8)
        let bad = try Unge.run(["log", "--kontroller"], store: store)
        #expect(bad.status == 3)
        #expect(bad.stderr.contains("Revisionssporet er brudt"))
        #expect(bad.stderr.contains((target as NSString).lastPathComponent))
        // It reads a folder copy without changing it.
        let copy = store.deletingLastPathComponent().appendingPathComponent("kopi")
        try FileManager.default.copyItem(at: store, to: copy)
        #expect(try Unge.run(["log", "--kontroller", "--json"], store: copy).status == 3)
    }

    @Test("--kontroller tager intet sagsnummer; log uden sagsnummer og uden --kontroller er en brugsfejl")
    func usage() throws {
        let store = try Unge.fixtureStore()
        #expect(try Unge.run(["log", "2026-0001", "--kontroller"], store: store).status == 2)
        #expect(try Unge.run(["log"], store: store).status == 2)
    }

    @Test(
        "en proces dræbt mellem hændelsen og gemningen: log mærker ændringen 'ikke gennemført'",
        .fileOnly("dræber processen i fillagerets gemmevej (testkrogene findes kun dér)"))
    func crashBetweenEventAndSave() throws {
        let store = try Unge.fixtureStore()
        for step in ["rename", "dirfsync"] {
            _ = try Unge.run(["notat", "2026-0001", "Et notat"], store: store, env: ["UNGE_TEST_CRASH_AT": step])
        }
        #expect(try Unge.run(["notat", "2026-0001", "Et notat"], store: store).status == 0)
        let r = try Unge.run(["log", "2026-0001"], store: store)
        #expect(r.status == 0)
        // (Lines may wrap: the text is read as one.)
        let text = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // Killed before the rename: not carried out. Killed before the folder fsync: the rename
        // happened, so it landed. Then one more that landed.
        #expect(text.components(separatedBy: "ændrede sagen").count - 1 == 3)
        #expect(text.components(separatedBy: "ikke gennemført").count - 1 == 1)
        #expect(text.contains("(revision 1 til 2) – ikke gennemført"))
        #expect(try Unge.run(["log", "--kontroller"], store: store).status == 0)
    }
}
