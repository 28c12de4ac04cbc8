import Foundation
import Testing

/// The developer hooks the store-safety harnesses (`Harness/`) rely on.
@Suite("Testkroge til lager-harnessene", .bothStores)
struct TestHooksTests {
    @Test("unge _taeller lægger én til tælleren og melder revision og tæller som JSON")
    func counterCommand() throws {
        let store = try Unge.fixtureStore()
        let first = try Unge.run(["_taeller", "2026-0001"], store: store)
        #expect(first.status == 0)
        let doc = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as! [String: Any]
        #expect(doc["counter"] as? Int == 1)
        let second = try Unge.run(["_taeller", "2026-0001"], store: store)
        let doc2 = try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as! [String: Any]
        #expect(doc2["counter"] as? Int == 2)
        #expect(doc2["revision"] as? Int == (doc["revision"] as! Int) + 1)
    }

    @Test("unge _taeller står ikke i hjælpen og bliver ikke foreslået")
    func counterCommandIsHidden() throws {
        let help = try Unge.run(["--help"])
        #expect(!help.stdout.contains("_taeller"))
        let typo = try Unge.run(["_taeler"])
        #expect(typo.status == 2)
        #expect(!typo.stderr.contains("_taeller"))
    }

    @Test(
        "UNGE_TEST_FAIL_AT får et trin i gemmevejen til at fejle: slutkode 3, sagen uændret",
        .fileOnly("fillagerets gemmevej (testkrogene findes kun dér)"),
        arguments: ["open", "write", "fsync", "close", "audit", "rename"])
    func failAtStep(step: String) throws {
        let store = try Unge.fixtureStore()
        let file = store.appendingPathComponent("sager/2026-0001.json")
        let before = try Data(contentsOf: file)
        let r = try Unge.run(["notat", "2026-0001", "Et notat"], store: store, env: ["UNGE_TEST_FAIL_AT": step])
        #expect(r.status == 3)
        #expect(r.stdout == "")
        #expect(
            r.stderr == "Fejl: Kunne ikke gemme (testfejl ved \(step)) 'sager': I/O-fejl på disken. Intet er ændret.\n")
        #expect(try Data(contentsOf: file) == before)
    }

    @Test(
        "UNGE_TEST_CRASH_AT dræber processen med SIGKILL lige før trinnet",
        .fileOnly("fillagerets gemmevej (testkrogene findes kun dér)"))
    func crashAtStep() throws {
        let store = try Unge.fixtureStore()
        let file = store.appendingPathComponent("sager/2026-0001.json")
        let before = try Data(contentsOf: file)
        let r = try Unge.run(["notat", "2026-0001", "Et notat"], store: store, env: ["UNGE_TEST_CRASH_AT": "rename"])
        #expect(r.status == 9)  // Process reports the signal number for an uncaught signal
        #expect(r.stdout == "")
        #expect(try Data(contentsOf: file) == before)
        // The next save breaks the dead process's lock; the next scan of the folder removes its temp file.
        let next = try Unge.run(["notat", "2026-0001", "Et notat"], store: store)
        #expect(next.status == 0)
        let tmpBefore = try FileManager.default.contentsOfDirectory(atPath: store.appendingPathComponent("sager").path)
        #expect(tmpBefore.contains { $0.hasSuffix(".tmp") })  // the killed process's full copy
        #expect(try Unge.run(["liste"], store: store).status == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: store.appendingPathComponent("sager").path)
        #expect(!left.contains { $0.hasSuffix(".tmp") })
    }
}
