import Foundation
import Testing

/// What the attack probe of 7 December 2026 found in `rediger` and in the case folder (issue 22,
/// point 7), each reproduced end to end through the binary.
@Suite("Rediger og sagsmappen tåler fejl og fremmede filer (ende til ende)", .bothStores)
struct CaseworkerDayRobustnessTests {
    static func caseFile(_ store: URL, _ id: String) throws -> String {
        try Unge.caseText(store, "\(id)")
    }

    /// An "editor" that inserts `line` after the first line (`{`) of the file.
    static func inserting(_ line: String) -> [String: String] {
        ["EDITOR": "sed -i '1a\\\(line)'"]
    }

    @Test("rediger afviser to ens nøgler og siger linjen i stedet for stille at beholde den første")
    func duplicateKeysRefused() throws {
        let store = try Unge.fixtureStore()
        let before = try Self.caseFile(store, "2026-0001")
        // "caseworker" is further down already; the editor writes a second one on line 2.
        let r = try Unge.run(
            ["rediger", "2026-0001"], store: store, env: Self.inserting("  \"caseworker\" : \"Sara Holm\","))
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("'caseworker' står to gange"), "\(r.stderr)")
        #expect(r.stderr.contains("(linje 2 og linje "), "\(r.stderr)")
        #expect(!r.stdout.contains("gemt"))
        #expect(try Self.caseFile(store, "2026-0001") == before)
        // The same inside a nested object names the path.
        let nested = try Unge.run(
            ["rediger", "2026-0001"], store: store,
            env: ["EDITOR": "sed -i 's/\"name\" : \"Emma Nørgaard Friis\"/&, \"name\" : \"X\"/'"])
        #expect(nested.status == 1, "\(nested.stderr)")
        #expect(nested.stderr.contains("står to gange"), "\(nested.stderr)")
    }

    @Test("rediger bevarer ukendte tal byte for byte, også ud over 64 bit og double-præcision")
    func unknownNumbersKeptByteForByte() throws {
        let store = try Unge.fixtureStore()
        let literals = [
            "\"fremtidTal\" : 123456789012345678901234567890,",
            "\"fremtidPraecis\" : 0.1000000000000000055511151231257827,",
            "\"fremtidStor\" : 1e400,",
            "\"fremtidListe\" : [ 18446744073709551616, -9223372036854775809, 1.50 ],",
        ]
        let r = try Unge.run(
            ["rediger", "2026-0001"], store: store, env: ["EDITOR": "sed -i '1a\\" + literals.joined() + "'"])
        #expect(r.status == 0, "\(r.stderr)")
        // A later ordinary save (a note) keeps them too.
        #expect(try Unge.run(["notat", "2026-0001", "Talt med Emma"], store: store).status == 0)
        let text = try Self.caseFile(store, "2026-0001")
        // The team store keeps the document as PostgreSQL jsonb: every digit, but not the spelling of an
        // exponent, so 1e400 comes back as the same number written out (1 and 400 zeros).
        let exponent = Unge.isFolder(store) ? "1e400" : "1" + String(repeating: "0", count: 400)
        for literal in [
            "123456789012345678901234567890", "0.1000000000000000055511151231257827", exponent,
            "18446744073709551616", "-9223372036854775809", "1.50",
        ] {
            #expect(text.contains(literal), "\(literal) mangler i sagen")
        }
        #expect(text.contains("Talt med Emma"))
    }

    @Test(
        "filnavne med linjeskift eller escape-tegn vises escapet, ikke med tegnene fjernet",
        .fileOnly("fremmede filnavne i sagsmappen"))
    func fileNamesEscaped() throws {
        let store = try Unge.fixtureStore()
        let folder = store.appendingPathComponent("sager")
        try Data("x".utf8).write(to: folder.appendingPathComponent("ond\nlinje.json"))
        try Data("x".utf8).write(to: folder.appendingPathComponent("farve\u{1B}[31mrød.json"))
        let r = try Unge.run(["liste"], store: store)
        #expect(r.status == 3)
        #expect(r.stderr.contains("ond\\u{A}linje.json"), "\(r.stderr)")
        #expect(r.stderr.contains("farve\\u{1B}[31mrød.json"), "\(r.stderr)")
        #expect(!r.stderr.contains("\u{1B}"))
    }

    @Test(
        "100.000 fremmede filer i sagsmappen giver et kort resumé, ikke 50.000 fejllinjer",
        .fileOnly("fremmede filer i sagsmappen"))
    func junkFilesSummarised() throws {
        let store = try Unge.fixtureStore()
        let folder = store.appendingPathComponent("sager")
        for i in 0..<100_000 {
            let name = i % 2 == 0 ? "skrald-\(i).json" : "skrald-\(i).tmp"
            guard FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: nil)
            else { throw CocoaError(.fileWriteUnknown) }
        }
        let r = try Unge.run(["liste"], store: store)
        #expect(r.status == 3)
        #expect(r.stdout.contains("2026-0001"), "the good cases are still listed")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count <= 15, "\(lines.count) linjer")
        #expect(r.stderr.contains("og 49.990 andre filer"), "\(r.stderr.prefix(2000))")
    }
}
