import Foundation
import Testing
import UngeCore

/// End-to-end tests of `unge check` / `unge tjek` on the fixture case in Fixtures/check.
@Suite("unge check", .bothStores)
struct CheckCommandTests {
    static let env = ["UNGE_NU": "2026-04-13T08:00:00Z"]
    static let caseFile = Unge.fixtures.appendingPathComponent("check/case-2026-0042.json")

    /// A temporary store holding the check fixture case (and optionally a changed copy of it).
    static func store(_ change: ((inout CaseFile) -> Void)? = nil) throws -> URL {
        let store = Unge.emptyStore()
        let cases = store.appendingPathComponent("sager")
        try FileManager.default.createDirectory(at: cases, withIntermediateDirectories: true)
        chmod(store.path, 0o700)  // a store others can read is refused
        chmod(cases.path, 0o700)
        let target = cases.appendingPathComponent("2026-0042.json")
        if let change {
            var file = try UngeJSON.decoder().decode(CaseFile.self, from: Data(contentsOf: caseFile))
            change(&file)
            try UngeJSON.encoder().encode(file).write(to: target)
        } else {
            try FileManager.default.copyItem(at: caseFile, to: target)
        }
        return Unge.movedIn(store)
    }

    static func load(_ store: URL) throws -> CaseFile {
        let data = try Unge.caseData(store, "2026-0042")
        return try UngeJSON.decoder().decode(CaseFile.self, from: data)
    }

    @Test("uden argumenter: kapitlerne med antal punkter")
    func overview() throws {
        let r = try Unge.run(["check"], env: Self.env)
        #expect(r.status == 0)
        #expect(r.stderr == "")
        try Unge.expectGolden(r.stdout, "check/oversigt.txt")
    }

    @Test("tjek 7: kapitlets punkter med forklaring, henvisning og lov")
    func chapter() throws {
        let r = try Unge.run(["tjek", "7"], env: Self.env)
        #expect(r.status == 0)
        try Unge.expectGolden(r.stdout, "check/kapitel-7.txt")
    }

    @Test("check --json uden sag: tjeklisterne som data")
    func chaptersJSON() throws {
        let r = try Unge.run(["check", "5", "--json"], env: Self.env)
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(json["formatVersion"] as? Int == 1)
        let chapters = json["chapters"] as! [[String: Any]]
        try #require(chapters.count == 1)
        #expect((chapters[0]["items"] as! [[String: Any]]).map { $0["id"] as! String } == ["5.1", "5.2", "5.3", "5.4"])
        #expect(json["case"] == nil)
    }

    @Test("en sag: svar fra sagen med dokumentation, resten ubesvaret, slutkode 1")
    func caseReport() throws {
        let store = try Self.store()
        let r = try Unge.run(["check", "--sag", "2026-0042"], store: store, env: Self.env)
        #expect(r.status == 1)
        #expect(r.stderr == "")
        try Unge.expectGolden(r.stdout, "check/sag-2026-0042.txt")
    }

    @Test("en sag som JSON: formatVersion, svar, kilde og dokumentation")
    func caseJSON() throws {
        let store = try Self.store()
        let r = try Unge.run(["check", "--sag", "2026-0042", "--json"], store: store, env: Self.env)
        #expect(r.status == 1)
        try Unge.expectGolden(r.stdout, "check/sag-2026-0042.json")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(json["formatVersion"] as? Int == 1)
        #expect(json["case"] as? String == "2026-0042")
        #expect(json["openItems"] as? Int == 18)
        #expect(json["allYes"] as? Bool == false)
    }

    @Test("interaktivt: nye svar gemmes med dato og bruger; Enter beholder det tidligere")
    func interactive() throws {
        let store = try Self.store()
        // Chapter 6 has no evidence rules: all three items are asked. 6.1 ja + note, 6.2 an invalid
        // word then nej, no note, 6.3 Enter keeps the saved "delvis"; then save.
        let r = try Unge.run(
            ["check", "6", "--sag", "2026-0042", "--interaktiv"], store: store,
            input: "ja\nFast møde hver måned\nmåske\nnej\n\n\nj\n", env: Self.env)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("3 punkter kan sagen ikke svare på."))
        #expect(r.stderr.contains("Svar ja, nej eller delvis – eller tryk Enter for at springe over."))
        #expect(r.stderr.contains("     Tidligere svar: delvis, 12.03.2026, mette\n"))
        #expect(r.stderr.contains("Svar på 6.3 (ja/nej/delvis) [delvis]: "))
        // The same last question as the document dialogues (g/r/k/x).
        #expect(r.stderr.contains("Vælg g, r, k eller x: De 2 svar er gemt på sag 2026-0042."))
        #expect(
            r.stdout.contains(
                "  ja         6.1  Samarbejdet sat i system\n             dit svar: ja, 13.04.2026, testbruger: \"Fast møde hver måned\"\n"
            ))
        #expect(
            r.stdout.contains(
                "  delvis     6.3  Holdninger drøftet\n             dit svar: delvis, 12.03.2026, mette\n"))
        let today = LocalDate(year: 2026, month: 4, day: 13)!
        let saved = try Self.load(store).checklistAnswers.filter { $0.date == today }
        #expect(
            saved == [
                ChecklistAnswer(
                    itemID: "6.1", answer: .yes, note: "Fast møde hver måned", date: today, user: "testbruger"),
                ChecklistAnswer(itemID: "6.2", answer: .no, note: nil, date: today, user: "testbruger"),
            ])

        // Asked again: the earlier answers are shown and Enter keeps them; nothing new is saved.
        let again = try Unge.run(
            ["check", "6", "--sag", "2026-0042", "--interaktiv"], store: store, input: "\n\n\n", env: Self.env)
        #expect(again.stderr.contains("     Tidligere svar: ja, 13.04.2026, testbruger: \"Fast møde hver måned\"\n"))
        #expect(!again.stderr.contains("Gem "))
        #expect(try Self.load(store).checklistAnswers.count == 6)
    }

    @Test("afbrudt dialog (slut på input) gemmer intet i sagen, men svarene som kladde; slutkode 2")
    func cancelled() throws {
        let store = try Self.store()
        let before = try Unge.caseData(store, "2026-0042")
        let r = try Unge.run(
            ["check", "--sag", "2026-0042", "--interaktiv"], store: store, input: "ja\n", env: Self.env)
        #expect(r.status == 2)
        #expect(r.stderr.contains("Afbrudt (slut på input). Dit svar er gemt som kladde."), "\(r.stderr)")
        #expect(try Unge.caseData(store, "2026-0042") == before)
    }

    @Test("uden terminal og uden --interaktiv spørges der ikke")
    func noQuestions() throws {
        let store = try Self.store()
        let r = try Unge.run(["check", "3", "--sag", "2026-0042"], store: store, input: "ja\n", env: Self.env)
        #expect(r.status == 1)
        #expect(r.stderr == "")
        #expect(
            r.stdout.contains(
                "  ja         3.3  Kolleger og leder brugt\n             dit svar: ja, 12.03.2026, mette: \"Drøftet på teammødet\"\n"
            ))
    }

    @Test("alle punkter ja: slutkode 0")
    func allYes() throws {
        let store = try Self.store { file in
            file.toolRecords = []
            file.network = Network()
            file.actionPlans = []
            file.examination = nil
            file.concernReports = []
            file.checklistAnswers = Checklist.items.map {
                ChecklistAnswer(
                    itemID: $0.id, answer: .yes, date: LocalDate(year: 2026, month: 4, day: 1)!, user: "mette")
            }
        }
        let r = try Unge.run(["tjek", "--sag", "2026-0042"], store: store, env: Self.env)
        #expect(r.status == 0)
        #expect(r.stdout.hasSuffix("Alle 21 punkter er besvaret ja.\n"))
    }

    @Test(
        "forkerte argumenter giver slutkode 2, ukendt sag slutkode 3",
        arguments: [
            (
                ["check", "9"], Int32(2),
                "Fejl: Ugyldig værdi '9' til kapitel. Håndbogen har tjeklister i kapitel 3, 4, 5, 6 og 7."
            ),
            (["check", "--interaktiv"], 2, "Fejl: --interaktiv bruges sammen med --sag"),
            (["check", "7", "8"], 2, "Fejl: Uventet argument '8'"),
            (["check", "--sag", "2026-9999"], 3, "Fejl: "),
        ])
    func refusals(_ args: [String], _ status: Int32, _ message: String) throws {
        let store = try Self.store()
        let r = try Unge.run(args, store: store, env: Self.env)
        #expect(r.status == status)
        #expect(r.stderr.hasPrefix(message))
        #expect(r.stdout == "")
    }
}
