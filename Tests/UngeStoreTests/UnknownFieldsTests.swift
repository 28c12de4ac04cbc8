import Foundation
import Glibc
import Testing
import UngeCore

@testable import UngeStore

@Suite("Lageret: ukendte felter, størrelsesgrænse og egne mapper")
struct UnknownFieldsTests {
    func rewrite(_ t: TempStore, _ id: String = "2026-0001", _ change: (inout [String: Any]) -> Void) throws {
        let path = t.casePath(id)
        var doc = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        change(&doc)
        try JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted]).write(to: URL(fileURLWithPath: path))
    }

    func stored(_ t: TempStore, _ id: String = "2026-0001") throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: t.casePath(id))))
                as? [String: Any])
    }

    @Test("ukendte felter øverst, i objekter og i listeelementer bevares ved gemning")
    func keptAtEveryLevel() throws {
        let t = TempStore()
        var c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        c.network.people.append(NetworkPerson(name: "Mor", relation: "mor", arena: .family, closeness: 1))
        c = try t.store.save(c, expectedRevision: 1, now: Sample.now, user: "sb1", command: "netvaerk")
        try rewrite(t) { doc in
            doc["nytFelt"] = ["a": 1, "b": [true, NSNull()]] as [String: Any]
            var person = doc["youngPerson"] as! [String: Any]
            person["kaldenavn"] = "Tessa"
            doc["youngPerson"] = person
            var journal = doc["journal"] as! [[String: Any]]
            journal[0]["vigtig"] = true
            doc["journal"] = journal
            var network = doc["network"] as! [String: Any]
            var people = network["people"] as! [[String: Any]]
            people[0]["rolle"] = "mentor"
            network["people"] = people
            doc["network"] = network
        }
        var loaded = try t.store.load(c.id)
        loaded.journal.append(JournalEntry(time: Sample.now, author: "sb1", text: "Nyt notat."))
        // A new person first: matched by content, the unknown field stays with its person.
        loaded.network.people.insert(NetworkPerson(name: "Far", relation: "far", arena: .family), at: 0)
        loaded.caseworker = nil  // a known field cleared on purpose stays cleared
        try t.store.save(loaded, expectedRevision: 2, now: Sample.now, user: "sb1", command: "notat")
        let doc = try stored(t)
        #expect((doc["nytFelt"] as? [String: Any])?["a"] as? Int == 1)
        #expect(((doc["nytFelt"] as? [String: Any])?["b"] as? [Any])?.count == 2)
        #expect((doc["youngPerson"] as? [String: Any])?["kaldenavn"] as? String == "Tessa")
        let journal = try #require(doc["journal"] as? [[String: Any]])
        #expect(journal[0]["vigtig"] as? Bool == true)
        #expect(journal[1]["vigtig"] == nil)
        let people = try #require((doc["network"] as? [String: Any])?["people"] as? [[String: Any]])
        #expect(people.map { $0["name"] as? String } == ["Far", "Mor"])
        #expect(people[0]["rolle"] == nil)
        #expect(people[1]["rolle"] as? String == "mentor")
        #expect(doc["caseworker"] == nil)
        #expect(doc["revision"] as? Int == 3)
        // And the next save, without unknown changes, keeps them still.
        let again = try t.store.load(c.id)
        try t.store.save(again, expectedRevision: 3, now: Sample.now, user: "sb1", command: "notat")
        #expect((try stored(t)["youngPerson"] as? [String: Any])?["kaldenavn"] as? String == "Tessa")
    }

    @Test(
        "fjernes et listeelement, hvis placering ikke kan afgøres, afvises gemningen i stedet for at tabe ukendte felter"
    )
    func refusedWhenPositionsShift() throws {
        let t = TempStore()
        var c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        c.journal.append(JournalEntry(time: Sample.now, author: "sb1", text: "To."))
        c = try t.store.save(c, expectedRevision: 1, now: Sample.now, user: "sb1", command: "notat")
        try rewrite(t) { doc in
            var journal = doc["journal"] as! [[String: Any]]
            journal[1]["vigtig"] = true
            doc["journal"] = journal
        }
        var loaded = try t.store.load(c.id)
        loaded.journal.removeFirst()
        loaded.journal[0].text = "To, rettet."
        let before = t.bytes("sager/2026-0001.json")
        #expect(throws: StoreError.unknownDataWouldBeLost(file: "sager/2026-0001.json", field: "journal[1]")) {
            try t.store.save(loaded, expectedRevision: 2, now: Sample.now, user: "sb1", command: "rediger")
        }
        #expect(t.bytes("sager/2026-0001.json") == before)
    }

    @Test("en fil skrevet af denne version gemmes byte for byte som før (ingen ukendte felter)")
    func canonicalUnchanged() throws {
        let t = TempStore()
        let c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        let saved = try t.store.save(c, expectedRevision: 1, now: Sample.now, user: "sb1", command: "notat")
        var expected = [UInt8](try UngeJSON.encoder().encode(saved))
        expected.append(10)
        #expect(t.bytes("sager/2026-0001.json") == expected)
    }

    @Test("en tekst over 100.000 tegn afvises med exit 2; 100.000 er tilladt", arguments: [100_000, 100_001])
    func textLimit(length: Int) throws {
        let t = TempStore()
        var c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        c.journal.append(
            JournalEntry(time: Sample.now, author: "sb1", text: String(repeating: "æ", count: length - 1) + "\n"))
        if length <= FileStore.maximumTextLength {
            #expect(
                try t.store.save(c, expectedRevision: 1, now: Sample.now, user: "sb1", command: "notat").revision == 2)
        } else {
            #expect(throws: StoreError.textTooLong(field: "text", length: length)) {
                try t.store.save(c, expectedRevision: 1, now: Sample.now, user: "sb1", command: "notat")
            }
            #expect(StoreError.textTooLong(field: "text", length: length).exitCode == 2)
        }
    }

    @Test("teksttælleren tæller tegn, ikke bytes, og et escape som ét tegn")
    func overlongTextCounts() {
        let json = Array("{\"a\" : \"æøå\\n\\u00e6\", \"b\" : [\"xx\"]}".utf8)
        #expect(StoreText.overlongText(in: json, limit: 5) == nil)
        #expect(StoreText.overlongText(in: json, limit: 4)?.field == "a")
        #expect(StoreText.overlongText(in: json, limit: 4)?.length == 5)
        #expect(StoreText.overlongText(in: json, limit: 1)?.field == "a")
    }

    @Test("en eksisterende mappe, andre kan læse, bruges ikke som lager og ændres ikke")
    func sharedRootRefused() throws {
        let t = TempStore()
        mkdir(t.path, 0o755)
        chmod(t.path, 0o755)
        #expect(throws: StoreError.sharedFolder(path: t.path, mode: 0o755)) {
            try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        }
        #expect(Sample.mode(t.path) == 0o755)
        #expect(t.allFiles().isEmpty)
        #expect(throws: StoreError.sharedFolder(path: t.path, mode: 0o755)) { try t.store.checkLayout() }
    }

    @Test("intet lager: checkLayout siger det, og intet oprettes")
    func noStore() throws {
        let t = TempStore()
        #expect(!t.store.rootExists)
        #expect(throws: StoreError.noStore(path: t.path)) { try t.store.checkLayout() }
        #expect(!FileManager.default.fileExists(atPath: t.path))
        #expect(try t.store.createIfMissing())
        #expect(Sample.mode(t.path) == 0o700)
        try t.store.checkLayout()
    }

    @Test("symbolsk linkede sager/ og log/ følges aldrig", arguments: ["sager", "log", "laase"])
    func symlinkedFolders(name: String) throws {
        let t = TempStore()
        _ = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        let outside = t.path + "-udenfor-" + name
        mkdir(outside, 0o755)
        chmod(outside, 0o755)
        defer { Posix.removeTree(outside) }
        Posix.removeTree(t.path + "/" + name)
        symlink(outside, t.path + "/" + name)
        #expect(throws: StoreError.self) {
            try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        }
        #expect(throws: StoreError.foreignEntry(file: name, found: "et symbolsk link")) { try t.store.checkLayout() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
        #expect(Sample.mode(outside) == 0o755)
    }

    @Test("beskadigede, linkede og særlige indstillinger afvises i stedet for standardværdier")
    func settingsErrors() throws {
        let t = TempStore()
        try t.store.prepare()
        t.write("indstillinger.json", "{\"alsoClosed\": \"ja\"}")
        #expect(throws: StoreError.settingsUnusable(reason: "feltet 'alsoClosed' har en forkert type")) {
            try t.store.loadSettings()
        }
        unlink(t.path + "/indstillinger.json")
        t.write("andre.json", "{\"alsoClosed\": true}")
        symlink(t.path + "/andre.json", t.path + "/indstillinger.json")
        #expect(throws: StoreError.self) { try t.store.loadSettings() }
        #expect(throws: StoreError.foreignEntry(file: "indstillinger.json", found: "et symbolsk link")) {
            try t.store.saveSettings(StoreSettings(alsoClosed: false))
        }
        unlink(t.path + "/indstillinger.json")
        mkfifo(t.path + "/indstillinger.json", 0o600)
        #expect(throws: StoreError.settingsUnusable(reason: "det er ikke en almindelig fil")) {
            try t.store.loadSettings()
        }
    }
}
