import Foundation
import Testing

/// A caseworker on every case (issue 20 item 4): set from creation, shown, handed over, followed by
/// `liste --mine` / `--sagsbehandler`, and set once when a store of an earlier version is upgraded.
@Suite("Sagsbehandler på hver sag og overdragelse (ende til ende)", .bothStores)
struct CaseworkerCommandTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func caseworker(_ id: String, store: URL) throws -> String? {
        let r = try Unge.run(["vis", id, "--json"], store: store)
        let c = try #require(try json(r.stdout)["case"] as? [String: Any])
        return c["caseworker"] as? String
    }

    static func rawCase(_ id: String, store: URL) throws -> [String: Any] {
        try json(Unge.caseText(store, "\(id)"))
    }

    static func newCase(_ store: URL, _ extra: [String] = [], name: String = "Ida Holm", born: String = "2010-01-02")
        throws -> Unge.Result
    {
        try Unge.run(["ny", "--navn", name, "--foedselsdato", born, "--ny-sag"] + extra, store: store)
    }

    @Test("ny, ny --anonym og underret giver sagen en sagsbehandler: dig, eller den --sagsbehandler nævner")
    func fromCreation() throws {
        let store = Unge.emptyStore()
        #expect(try Self.newCase(store).status == 0)
        #expect(try Unge.run(["ny", "--anonym"], store: store).status == 0)
        #expect(try Self.newCase(store, ["--sagsbehandler", "bo"], name: "Bo Bech", born: "2011-03-04").status == 0)
        let notified = try Unge.run(
            [
                "underret", "--fra-fil",
                Unge.fixtures.appendingPathComponent("lager-kilder/underretning-2026-0002.json").path,
                "--navn", "Sara Lund", "--foedselsdato", "2012-05-06", "--ny-sag",
            ], store: store)
        #expect(notified.status == 0, "\(notified.stderr)")
        #expect(try Self.caseworker("2026-0001", store: store) == "testbruger")
        #expect(try Self.caseworker("2026-0002", store: store) == "testbruger")
        #expect(try Self.caseworker("2026-0003", store: store) == "bo")
        #expect(try Self.caseworker("2026-0004", store: store) == "testbruger")
        let shown = try Unge.run(["vis", "2026-0003"], store: store)
        #expect(shown.stdout.contains("Sagsbehandler:  bo"))
        let list = try Unge.run(["liste"], store: store)
        #expect(list.stdout.contains("Sagsbehandler"))
        let rows = try #require(
            try Self.json(Unge.run(["liste", "--json"], store: store).stdout)["cases"] as? [[String: Any]])
        #expect(rows.map { $0["caseworker"] as? String } == ["testbruger", "testbruger", "bo", "testbruger"])
    }

    @Test("--sagsbehandler tager et brugernavn; et fuldt navn afvises, medmindre indstillingerne kender det")
    func userIDNotFullName() throws {
        let store = Unge.emptyStore()
        #expect(try Self.newCase(store).status == 0)
        let refused = try Self.newCase(store, ["--sagsbehandler", "Bo Bech"], name: "Bo Bech", born: "2011-03-04")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("brugernavn"))
        #expect(try Unge.run(["liste", "--json"], store: store).stdout.contains("2026-0002") == false)
        #expect(try Unge.run(["indstillinger", "--navn", "Bo Bech", "--bruger", "bo"], store: store).status == 0)
        let mapped = try Self.newCase(store, ["--sagsbehandler", "Bo Bech"], name: "Bo Bech", born: "2011-03-04")
        #expect(mapped.status == 0, "\(mapped.stderr)")
        #expect(try Self.caseworker("2026-0002", store: store) == "bo")
        #expect(try Unge.run(["vis", "2026-0002"], store: store).stdout.contains("Bo Bech (bo)"))
    }

    @Test("liste --mine og --sagsbehandler følger sagsbehandleren (ikke den, der oprettede sagen)")
    func listFilters() throws {
        let store = Unge.emptyStore()
        #expect(try Self.newCase(store).status == 0)
        #expect(try Self.newCase(store, ["--sagsbehandler", "bo"], name: "Bo Bech", born: "2011-03-04").status == 0)
        let mine = try Unge.run(["liste", "--mine"], store: store)
        #expect(mine.stdout.contains("2026-0001"))
        #expect(!mine.stdout.contains("2026-0002"))
        let bos = try Unge.run(["liste", "--mine", "--bruger", "bo"], store: store)
        #expect(bos.stdout.contains("2026-0002"))
        #expect(!bos.stdout.contains("2026-0001"))
        let other = try Unge.run(["liste", "--sagsbehandler", "bo"], store: store)
        #expect(other.stdout.contains("2026-0002"))
        #expect(!other.stdout.contains("2026-0001"))
        #expect(try Unge.run(["liste", "--mine", "--sagsbehandler", "bo"], store: store).status == 2)
    }

    @Test("unge overdrag: journal, revisionsspor, vis og liste følger; --grund står i journalen")
    func handOverOne() throws {
        let store = Unge.emptyStore()
        #expect(try Self.newCase(store).status == 0)
        let r = try Unge.run(["overdrag", "2026-0001", "--til", "bo", "--grund", "Anna går på barsel"], store: store)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Sag 2026-0001 er overdraget til bo"))
        #expect(try Self.caseworker("2026-0001", store: store) == "bo")
        let journal = try #require(try Self.rawCase("2026-0001", store: store)["journal"] as? [[String: Any]])
        #expect(
            journal.compactMap { $0["text"] as? String }.contains(
                "Sagen er overdraget fra testbruger til bo. Begrundelse: Anna går på barsel"))
        let log = try Unge.run(["log", "2026-0001", "--json"], store: store).stdout
        #expect(log.contains("overdraget fra testbruger til bo"))
        #expect(try Unge.run(["liste", "--sagsbehandler", "bo"], store: store).stdout.contains("2026-0001"))
        #expect(!(try Unge.run(["liste", "--mine"], store: store).stdout.contains("2026-0001")))
    }

    @Test("overdrag af flere sager er alt eller intet: en ukendt sag ændrer ingen")
    func handOverAtomic() throws {
        let store = Unge.emptyStore()
        #expect(try Self.newCase(store).status == 0)
        #expect(try Self.newCase(store, [], name: "Bo Bech", born: "2011-03-04").status == 0)
        let before = try Self.rawCase("2026-0001", store: store)
        let failed = try Unge.run(["overdrag", "2026-0001", "2026-0002", "2026-0099", "--til", "bo"], store: store)
        #expect(failed.status == 3)
        #expect(try Self.rawCase("2026-0001", store: store)["revision"] as? Int == before["revision"] as? Int)
        #expect(try Self.caseworker("2026-0001", store: store) == "testbruger")
        #expect(try Self.caseworker("2026-0002", store: store) == "testbruger")
        let ok = try Unge.run(["overdrag", "2026-0001", "2026-0002", "--til", "bo"], store: store)
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("2 sager er overdraget til bo"))
        #expect(try Self.caseworker("2026-0002", store: store) == "bo")
    }

    @Test("overdrag --fra flytter brugerens åbne sager og kun dem; ugyldige kald afvises med slutkode 2")
    func handOverCaseload() throws {
        let store = Unge.emptyStore()
        #expect(try Self.newCase(store, ["--sagsbehandler", "anna"]).status == 0)
        #expect(try Self.newCase(store, ["--sagsbehandler", "anna"], name: "Bo Bech", born: "2011-03-04").status == 0)
        #expect(try Self.newCase(store, ["--sagsbehandler", "carl"], name: "Eva Skov", born: "2012-03-04").status == 0)
        #expect(try Self.newCase(store, ["--sagsbehandler", "anna"], name: "Ole Dam", born: "2012-04-04").status == 0)
        #expect(try Unge.run(["luk", "2026-0004", "--grund", "Afsluttet"], store: store).status == 0)
        let r = try Unge.run(["overdrag", "--fra", "anna", "--til", "bo", "--json"], store: store)
        #expect(r.status == 0, "\(r.stderr)")
        let moved = try #require(try Self.json(r.stdout)["cases"] as? [[String: Any]])
        #expect(moved.map { $0["id"] as? String } == ["2026-0001", "2026-0002"])
        #expect(try Self.caseworker("2026-0003", store: store) == "carl")
        #expect(try Self.caseworker("2026-0004", store: store) == "anna")
        #expect(try Unge.run(["overdrag", "--til", "bo"], store: store).status == 2)
        #expect(try Unge.run(["overdrag", "2026-0001", "--fra", "anna", "--til", "bo"], store: store).status == 2)
        #expect(try Unge.run(["overdrag", "2026-0001"], store: store).status == 2)
        #expect(try Unge.run(["overdrag", "2026-0001", "--til", "Bo Bech"], store: store).status == 2)
    }

    @Test(
        "et lager fra før: fuldt navn → brugernavn via indstillingerne, ingen → første hændelses bruger, én gang",
        .fileOnly("opgraderer et fillager fra forrige udgave (sagsfilerne og indeks.tsv)"))
    func upgrade() throws {
        let store = Unge.emptyStore()
        #expect(try Self.newCase(store).status == 0)
        #expect(try Self.newCase(store, [], name: "Bo Bech", born: "2011-03-04").status == 0)
        #expect(try Self.newCase(store, [], name: "Eva Skov", born: "2012-03-04").status == 0)
        #expect(try Unge.run(["indstillinger", "--navn", "Lene Dahl", "--bruger", "lene"], store: store).status == 0)
        // Make the store look like one of the previous release: an old index, a full name, no caseworker.
        func rewrite(_ id: String, _ change: (inout [String: Any]) -> Void) throws {
            var c = try Self.rawCase(id, store: store)
            change(&c)
            try JSONSerialization.data(withJSONObject: c).write(to: store.appendingPathComponent("sager/\(id).json"))
        }
        try rewrite("2026-0001") { $0["caseworker"] = "Lene Dahl" }
        try rewrite("2026-0002") { $0.removeValue(forKey: "caseworker") }
        try rewrite("2026-0003") { $0["caseworker"] = "Ukendt Person" }
        try? FileManager.default.removeItem(at: store.appendingPathComponent("indeks.tsv"))
        let list = try Unge.run(["liste", "--json"], store: store)
        #expect(list.status == 0, "\(list.stderr)")
        let c1 = try Self.rawCase("2026-0001", store: store)
        let c2 = try Self.rawCase("2026-0002", store: store)
        #expect(c1["caseworker"] as? String == "lene")
        #expect(c2["caseworker"] as? String == "testbruger")
        #expect(try Self.rawCase("2026-0003", store: store)["caseworker"] as? String == "Ukendt Person")
        // Everything else is kept.
        #expect((c1["youngPerson"] as? [String: Any])?["name"] as? String == "Ida Holm")
        // Once: a second listing (even without the index) changes nothing more.
        try? FileManager.default.removeItem(at: store.appendingPathComponent("indeks.tsv"))
        #expect(try Unge.run(["liste"], store: store).status == 0)
        #expect(try Self.rawCase("2026-0001", store: store)["revision"] as? Int == c1["revision"] as? Int)
        #expect(try Self.rawCase("2026-0002", store: store)["revision"] as? Int == c2["revision"] as? Int)
        #expect(try Unge.run(["liste", "--mine", "--bruger", "lene"], store: store).stdout.contains("2026-0001"))
    }
}
