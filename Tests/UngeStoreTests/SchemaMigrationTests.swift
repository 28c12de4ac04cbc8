import Foundation
import Testing
import UngeCore

@testable import UngeStore

@Suite("Skemaversioner og beskadigede filer")
struct SchemaMigrationTests {
    @Test("en nyere skemaversion afvises med en klar besked, også ved gemning")
    func newerSchema() throws {
        let t = TempStore()
        let c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        let text = String(decoding: t.bytes("sager/2026-0001.json")!, as: UTF8.self)
            .replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 3")
        t.write("sager/2026-0001.json", text)
        let expected = StoreError.newerSchema(file: "sager/2026-0001.json", version: 3)
        #expect(throws: expected) { try t.store.load(c.id) }
        #expect(throws: expected) {
            try t.store.save(c, expectedRevision: 1, now: Sample.now, user: "sb1", command: "notat")
        }
        #expect(String(decoding: t.bytes("sager/2026-0001.json")!, as: UTF8.self) == text)
        #expect(
            expected.description
                == "Filen 'sager/2026-0001.json' er skrevet af en nyere version af unge (skema 3; denne version kan læse op til 1). Opdatér unge."
        )
    }

    @Test("et dokument i skema 0 (ung/navn/foedselsdato, ingen revision) opdateres ved læsning")
    func migrateVersion0() throws {
        let t = TempStore()
        try t.store.prepare()
        t.write(
            "sager/2025-0004.json",
            """
            {"schemaVersion": 0, "id": "2025-0004", "created": "2025-03-01T08:00:00Z",
             "ung": {"navn": "Gammel Sag", "foedselsdato": "2010-05-17"}}
            """)
        let before = t.bytes("sager/2025-0004.json")
        let c = try t.store.load(CaseID("2025-0004")!)
        #expect(c.schemaVersion == 1)
        #expect(c.revision == 1)
        #expect(c.youngPerson.name == "Gammel Sag")
        #expect(c.youngPerson.birthDate == LocalDate(year: 2010, month: 5, day: 17))
        #expect(t.bytes("sager/2025-0004.json") == before)  // reading never rewrites
        let saved = try t.store.save(c, expectedRevision: 1, now: Sample.now, user: "sb1", command: "notat")
        #expect(saved.revision == 2)
        #expect(String(decoding: t.bytes("sager/2025-0004.json")!, as: UTF8.self).contains("\"schemaVersion\" : 1"))
        #expect(try t.store.listSummaries().summaries.map(\.name) == ["Gammel Sag"])
    }

    @Test("en ukendt gammel version er en klar fejl")
    func unknownOldVersion() throws {
        let t = TempStore()
        try t.store.prepare()
        t.write("sager/2025-0001.json", "{\"schemaVersion\": -2, \"id\": \"2025-0001\"}")
        #expect(
            throws: StoreError.corrupt(
                file: "sager/2025-0001.json", reason: "skemaversion -2 kendes ikke og kan ikke opdateres")
        ) {
            try t.store.load(CaseID("2025-0001")!)
        }
    }

    @Test(
        "beskadigede filer navngives uden at gentage indholdet",
        arguments: [
            ("", "filen er tom"),
            ("{\"schemaVersion\": 1, \"id\": \"2026-0001\", \"revision\"", "ikke gyldig JSON"),
            ("[1,2,3]", "ikke et JSON-objekt"),
            ("{\"schemaVersion\": \"en\"}", "'schemaVersion' har en forkert type"),
            (
                "{\"schemaVersion\": 1, \"id\": \"2026-0001\", \"revision\": 1, \"created\": \"2026-02-30T00:00:00Z\", \"youngPerson\": {}}",
                "'created' har en ugyldig værdi"
            ),
            (
                "{\"schemaVersion\": 1, \"id\": \"2026-0001\", \"revision\": 1, \"created\": \"2026-02-03T00:00:00Z\", \"youngPerson\": {\"cpr\": \"010110-43X1\"}}",
                "'youngPerson.cpr' har en ugyldig værdi"
            ),
            (
                "{\"schemaVersion\": 1, \"id\": \"2026-0002\", \"revision\": 1, \"created\": \"2026-02-03T00:00:00Z\", \"youngPerson\": {}}",
                "passer ikke med filnavnet"
            ),
            (
                "{\"schemaVersion\": 1, \"id\": \"2026-0001\", \"revision\": 1, \"created\": \"2026-02-03T00:00:00Z\", \"youngPerson\": {\"cpr\": 101104321}}",
                "'youngPerson.cpr' har en forkert type"
            ),
            (
                "{\"schemaVersion\": 1, \"id\": \"2026-0001\", \"revision\": 1, \"created\": \"2026-02-03T00:00:00Z\", \"youngPerson\": {\"name\": \"a\u{0}b\"}}\u{0}",
                "ikke gyldig JSON"
            ),
        ])
    func corrupt(content: String, reasonPart: String) throws {
        let t = TempStore()
        try t.store.prepare()
        t.write("sager/2026-0001.json", content)
        do {
            _ = try t.store.load(CaseID("2026-0001")!)
            Issue.record("load should fail")
        } catch let e as StoreError {
            guard case .corrupt(let file, let reason) = e else {
                Issue.record("wrong error \(e)")
                return
            }
            #expect(file == "sager/2026-0001.json")
            #expect(reason.contains(reasonPart), "\(reason)")
            #expect(!e.description.contains("4321") && !e.description.contains("43X1"))
            #expect(e.description.contains("'sager/2026-0001.json'"))
        }
    }

    @Test("dybt indlejret JSON, ugyldig UTF-8 og en meget lang tekst giver en fejl, ikke et nedbrud")
    func hostile() throws {
        let t = TempStore()
        try t.store.prepare()
        t.write("sager/2026-0001.json", String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))
        _ = FileManager.default.createFile(
            atPath: t.casePath("2026-0002"), contents: Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]))
        t.write(
            "sager/2026-0003.json",
            "{\"schemaVersion\": 1, \"x\": \"" + String(repeating: "a", count: 10_000_000) + "\"}")
        for id in ["2026-0001", "2026-0002", "2026-0003"] {
            #expect(throws: StoreError.self) { try t.store.load(CaseID(id)!) }
        }
        let listing = try t.store.listSummaries()
        #expect(listing.summaries.isEmpty)
        #expect(
            listing.problems.map(\.file) == ["sager/2026-0001.json", "sager/2026-0002.json", "sager/2026-0003.json"])
    }
}
