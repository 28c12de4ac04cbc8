import Foundation
import Testing
import UngeCore

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

/// `unge log --kontroller --lager MAPPE` on an archive copy (`eksport --arkiv`): its
/// `revisionsspor.json` is checked without the store, also when whoever changed it recomputed the
/// copy's checksums.
@Suite("unge log --kontroller på en arkivkopi")
struct ArchiveTrailCheckTests {
    /// Changes the events of the copy in `dir` and writes `SHA256SUMS` and the manifest anew, as
    /// someone covering their tracks would.
    func rewrite(_ dir: URL, _ change: (inout [[String: Any]]) -> Void) throws {
        let trail = dir.appendingPathComponent("revisionsspor.json")
        var events = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: trail)) as? [[String: Any]])
        change(&events)
        let bytes = try JSONSerialization.data(withJSONObject: events, options: [.sortedKeys])
        try bytes.write(to: trail)
        let manifestURL = dir.appendingPathComponent("manifest.json")
        var manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as? [String: Any])
        var files = try #require(manifest["files"] as? [[String: Any]])
        for i in files.indices where files[i]["name"] as? String == "revisionsspor.json" {
            files[i]["sha256"] = SHA256.hex([UInt8](bytes))
            files[i]["bytes"] = bytes.count
        }
        manifest["files"] = files
        let manifestBytes = try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])
        try manifestBytes.write(to: manifestURL)
        var sums = ""
        for name in ["sag.json", "revisionsspor.json", "sag.html", "manifest.json"] {
            let data = try Data(contentsOf: dir.appendingPathComponent(name))
            sums += SHA256.hex([UInt8](data)) + "  " + name + "\n"
        }
        try sums.write(to: dir.appendingPathComponent("SHA256SUMS"), atomically: false, encoding: .utf8)
    }

    @Test(
        "en arkivkopis revisionsspor kontrolleres uden lageret: intakt, og en ændret, slettet, ombyttet eller afskåret hændelse giver slutkode 3"
    )
    func archiveTrail() throws {
        let store = try Unge.fixtureStore()
        for n in 1...4 { #expect(try Unge.run(["notat", "2026-0001", "Notat \(n)."], store: store).status == 0) }
        #expect(try Unge.run(["liste", "--soeg", "a"], store: store).status == 0)
        let out = Unge.tempRoot.appendingPathComponent("arkiv-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(
            at: out, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let made = try Unge.run(["eksport", "2026-0001", "--arkiv", "--ud", out.path], store: store)
        #expect(made.status == 0, "\(made.stderr)")
        let copy = out.appendingPathComponent("2026-0001")
        for folder in [out, copy] {
            let ok = try Unge.run(["log", "--kontroller"], store: folder)
            #expect(ok.status == 0, "\(ok.stdout) \(ok.stderr)")
            #expect(ok.stdout.contains("Revisionssporet er i orden"), "\(ok.stdout)")
            #expect(!ok.stdout.contains("0 hændelser i 0 kæder"), "\(ok.stdout)")
        }
        func own(_ e: [String: Any]) -> Bool { e["chain"] as? String == "2026-0001" }
        let tamperings: [(String, (inout [[String: Any]]) -> Void, String)] = [
            (
                "ændret",
                { events in
                    if let i = events.firstIndex(where: own) { events[i]["command"] = "vis" }
                }, "hændelsens indhold er ændret"
            ),
            (
                "slettet",
                { events in
                    if let i = events.firstIndex(where: { own($0) && $0["seq"] as? Int == 2 }) { events.remove(at: i) }
                }, "hændelse nr. 2 i kæden '2026-0001' mangler (slettet)"
            ),
            (
                "byttet om",
                { events in
                    let mine = events.indices.filter { own(events[$0]) }
                    events.swapAt(mine[1], mine[2])
                }, "(byttet om)"
            ),
            (
                "afskåret",
                { events in
                    let mine = events.indices.filter { own(events[$0]) }
                    events.remove(at: mine[mine.count - 1])
                }, "de sidste hændelser mangler"
            ),
        ]
        for (name, change, expected) in tamperings {
            let bad = Unge.tempRoot.appendingPathComponent("arkiv-\(name)-\(UUID().uuidString.prefix(8))")
            try FileManager.default.copyItem(at: copy, to: bad)
            try rewrite(bad, change)
            let r = try Unge.run(["log", "--kontroller"], store: bad)
            #expect(r.status == 3, "\(name): \(r.stdout) \(r.stderr)")
            #expect(r.stderr.contains(expected), "\(name): \(r.stderr)")
        }
        // A checksum that no longer matches is named as such.
        let edited = Unge.tempRoot.appendingPathComponent("arkiv-sum-\(UUID().uuidString.prefix(8))")
        try FileManager.default.copyItem(at: copy, to: edited)
        try "[]\n".write(to: edited.appendingPathComponent("revisionsspor.json"), atomically: false, encoding: .utf8)
        let r = try Unge.run(["log", "--kontroller"], store: edited)
        #expect(r.status == 3)
        #expect(r.stderr.contains("kontrolsummen for 'revisionsspor.json' passer ikke"), "\(r.stderr)")
    }
}
