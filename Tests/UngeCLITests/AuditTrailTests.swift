import Foundation
import Glibc
import Testing

/// End-to-end: `frister` and `liste --kun-aabne` from the index (issue 9, item 5); listings that
/// record what they showed, and the acting account (issue 10, item 7).
@Suite("Indeks og revisionsspor (ende til ende)", .bothStores)
struct AuditTrailTests {
    static let account: String = getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) } ?? "uid \(geteuid())"

    @Test(
        "frister læser de åbne frister fra indekset, og et indeks af en ældre version bygges om",
        .fileOnly("ændrer fillagerets indeks.tsv"))
    func fristerFromIndex() throws {
        let store = try Unge.fixtureStore()
        let wide = ["COLUMNS": "200"]  // one line per deadline
        let first = try Unge.run(["frister"], store: store, env: wide)
        #expect(first.status == 0)
        #expect(first.stdout.contains("Kvittering til underretteren for underretning nr. 1"))
        let index = store.appendingPathComponent("indeks.tsv")
        let text = try String(contentsOf: index, encoding: .utf8)
        #expect(text.hasPrefix("unge-indeks\t4\n"))
        // What the index holds is what frister shows (no case file is read).
        try text.replacingOccurrences(of: "Kvittering til underretteren", with: "Kvittering fra indekset")
            .write(to: index, atomically: false, encoding: .utf8)
        let fromIndex = try Unge.run(["frister"], store: store, env: wide)
        #expect(fromIndex.stdout.contains("Kvittering fra indekset for underretning nr. 1"))
        // The same index under the old version's header is ignored and rebuilt from the files.
        try text.replacingOccurrences(of: "Kvittering til underretteren", with: "Kvittering fra indekset")
            .replacingOccurrences(of: "unge-indeks\t4\n", with: "unge-indeks\t1\n")
            .write(to: index, atomically: false, encoding: .utf8)
        let rebuilt = try Unge.run(["frister"], store: store, env: wide)
        #expect(rebuilt.stdout == first.stdout)
    }

    @Test("liste --kun-aabne og --tjekliste giver det samme fra indekset som fra sagerne")
    func checklistFromIndex() throws {
        let store = try Unge.fixtureStore()
        let cold = try Unge.run(["liste", "--tjekliste", "--json"], store: store)
        #expect(cold.status == 0)
        #expect(cold.stdout.contains("\"openChecklistItems\""))
        let warm = try Unge.run(["liste", "--tjekliste", "--json"], store: store)
        #expect(warm.stdout == cold.stdout)
        let open = try Unge.run(["liste", "--kun-aabne"], store: store)
        #expect(open.status == 0)
        // The file store's index remembers the day it counted for (the team store has no index file).
        #expect(
            try !Unge.isFolder(store)
                || String(contentsOf: store.appendingPathComponent("indeks.tsv"), encoding: .utf8).contains(
                    "\t2026-09-01\t")
        )
        // Another day counts again.
        let later = try Unge.run(
            ["liste", "--tjekliste", "--json"], store: store, env: ["UNGE_NU": "2027-09-01T08:30:00Z"])
        #expect(later.status == 0)
        #expect(later.stdout != cold.stdout)
        #expect(
            try !Unge.isFolder(store)
                || String(contentsOf: store.appendingPathComponent("indeks.tsv"), encoding: .utf8).contains(
                    "\t2027-09-01\t")
        )
    }

    @Test("liste, liste --soeg og frister skriver, hvilke sager de viste, og log viser det for hver person")
    func listingsInTheLog() throws {
        let store = try Unge.fixtureStore()
        #expect(try Unge.run(["liste", "--soeg", "Malik"], store: store).status == 0)
        #expect(try Unge.run(["liste", "--status", "rådgivning"], store: store).status == 0)
        #expect(try Unge.run(["frister"], store: store).status == 0)
        let malik = try Unge.run(["log", "2026-0002", "--json"], store: store)
        #expect(malik.status == 0)
        let doc = try JSONSerialization.jsonObject(with: Data(malik.stdout.utf8)) as! [String: Any]
        let events = doc["events"] as! [[String: Any]]
        #expect(events.map { $0["command"] as? String } == ["liste", "frister", "log"])
        #expect(events[0]["criterion"] as? String == "søg=Malik")
        #expect(events[0]["shown"] as? [String] == ["2026-0002"])
        #expect(events[1]["shown"] as? [String] == ["2026-0002"])
        let anonymous = try Unge.run(["log", "2026-0007", "--json"], store: store)
        let anonEvents =
            (try JSONSerialization.jsonObject(with: Data(anonymous.stdout.utf8)) as! [String: Any])["events"]
            as! [[String: Any]]
        #expect(anonEvents.map { $0["criterion"] as? String } == ["status=rådgivning", "revisionsspor"])
        // A listing of everything shows up for every case, as one run of numbers.
        #expect(try Unge.run(["liste"], store: store).status == 0)
        let emma = try Unge.run(["log", "2026-0001"], store: store, env: ["COLUMNS": "200"])
        #expect(emma.stdout.contains("så sagen i en oversigt med 'unge liste' (alle)."))
        #expect(!emma.stdout.contains("søg=Malik"))
    }

    @Test(
        "brugeren er --bruger, UNGE_BRUGER, USER eller kontoen; kontoen står altid ved siden af, aldrig 'ukendt'",
        .fileOnly(
            "i teamlageret er brugeren databaserollen, ikke --bruger, UNGE_BRUGER, USER eller kontoen (TeamStoreEndToEndTests.refused)"
        ))
    func actingAccount() throws {
        let store = try Unge.fixtureStore()
        #expect(try Unge.run(["vis", "2026-0001", "--bruger", "Lene Dahl"], store: store).status == 0)
        #expect(
            try Unge.run(
                ["vis", "2026-0001"], store: store, env: ["UNGE_BRUGER": "", "USER": "", "LOGNAME": "falsk"]
            ).status == 0)
        let log = try Unge.run(
            ["log", "2026-0001", "--json"], store: store, env: ["UNGE_BRUGER": "", "USER": ""])
        let events =
            (try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as! [String: Any])["events"]
            as! [[String: Any]]
        #expect(events.count == 3)
        #expect(events.allSatisfy { $0["account"] as? String == Self.account })
        #expect(events.map { $0["user"] as? String } == ["Lene Dahl", Self.account, Self.account])
        #expect(!log.stdout.contains("falsk") && !log.stdout.contains("ukendt"))
        let table = try Unge.run(["log", "2026-0001"], store: store)
        #expect(table.stdout.contains("Lene Dahl (konto: \(Self.account))"))
        // A note's author is the name given, else the account.
        #expect(
            try Unge.run(["notat", "2026-0001", "Samtale."], store: store, env: ["UNGE_BRUGER": "", "USER": ""])
                .status == 0)
        #expect(try Unge.run(["vis", "2026-0001"], store: store).stdout.contains("\(Self.account): Samtale."))
        // $USER comes after UNGE_BRUGER, as documented; the account is still recorded beside it.
        #expect(
            try Unge.run(
                ["notat", "2026-0001", "Ring til mor."], store: store, env: ["UNGE_BRUGER": "", "USER": "sara"]
            )
            .status == 0)
        let after = try Unge.run(["log", "2026-0001", "--json"], store: store, env: ["UNGE_BRUGER": "", "USER": ""])
        #expect(after.stdout.contains("\"user\" : \"sara\"") || after.stdout.contains("\"user\":\"sara\""))
        #expect(
            try Unge.run(
                ["notat", "2026-0001", "Ring til far."], store: store, env: ["UNGE_BRUGER": "Lene", "USER": "sara"]
            )
            .status == 0)
        #expect(try Unge.run(["vis", "2026-0001"], store: store).stdout.contains("Lene: Ring til far."))
    }
}
