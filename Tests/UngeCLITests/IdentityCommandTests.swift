import Foundation
import Testing

/// Identity you can trust (issue 20 item 5): an implausible age is asked about or refused, a second
/// case of the same young person is caught, and two cases of one young person can be merged.
@Suite("Identitet: alder, dobbeltsager og unge saml (ende til ende)", .bothStores)
struct IdentityCommandTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func raw(_ id: String, store: URL) throws -> [String: Any] {
        try json(Unge.caseText(store, "\(id)"))
    }

    static func exists(_ id: String, store: URL) -> Bool {
        (try? Unge.caseExists(store, id)) ?? false
    }

    @Test("en alder over 30 ud fra CPR-nummeret afvises i et script (slutkode 2, intet gemt); --bekraeft-alder gemmer")
    func implausibleAgeFromCPR() throws {
        let store = Unge.emptyStore()
        // 2 February 1950 (7th digit 1: 1900s): 76 years old on 1 September 2026.
        let refused = try Unge.run(["ny", "--navn", "Ole Dam", "--cpr", "620250-1002"], store: store)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("Den unge er 76 år – er CPR-nummeret rigtigt?"))
        #expect(refused.stderr.contains("--bekraeft-alder"))
        #expect(!Self.exists("2026-0001", store: store))
        let confirmed = try Unge.run(
            ["ny", "--navn", "Ole Dam", "--cpr", "620250-1002", "--bekraeft-alder"], store: store)
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(Self.exists("2026-0001", store: store))
    }

    @Test("grænserne: 10 og 30 år gemmes uden spørgsmål, 9 og 31 år kræver bekræftelse (fødselsdato)")
    func boundaries() throws {
        let store = Unge.emptyStore()
        // Today is 1 September 2026.
        let cases: [(String, Bool)] = [
            ("2016-09-01", true), ("2016-09-02", false), ("1996-09-02", true), ("1995-09-01", false),
        ]
        for (i, (born, ok)) in cases.enumerated() {
            let r = try Unge.run(["ny", "--navn", "Test Person\(i)", "--foedselsdato", born, "--ny-sag"], store: store)
            #expect((r.status == 0) == ok, "\(born): \(r.stderr)")
            if !ok {
                #expect(r.status == 2)
                #expect(r.stderr.contains("er fødselsdatoen rigtig?"))
            }
        }
    }

    @Test("identificer og underret tjekker også alderen; identificer gemmer med --bekraeft-alder")
    func identifyAndNotify() throws {
        let store = Unge.emptyStore()
        #expect(try Unge.run(["ny", "--anonym"], store: store).status == 0)
        let refused = try Unge.run(
            ["identificer", "2026-0001", "--navn", "Ole Dam", "--cpr", "620250-1002"], store: store)
        #expect(refused.status == 2)
        #expect(try Self.raw("2026-0001", store: store)["revision"] as? Int == 1)
        let ok = try Unge.run(
            ["identificer", "2026-0001", "--navn", "Ole Dam", "--cpr", "620250-1002", "--bekraeft-alder"], store: store)
        #expect(ok.status == 0, "\(ok.stderr)")
        let file = Unge.fixtures.appendingPathComponent("lager-kilder/underretning-2026-0002.json").path
        let notified = try Unge.run(
            ["underret", "--fra-fil", file, "--navn", "Sara Lund", "--foedselsdato", "1960-05-06", "--ny-sag"],
            store: store)
        #expect(notified.status == 2)
        #expect(notified.stderr.contains("Den unge er"))
        #expect(!Self.exists("2026-0002", store: store))
    }

    @Test("en ny sag med samme fødselsdato og efternavn som en anden fanges; et andet efternavn gør ikke")
    func sameYoungPerson() throws {
        let store = Unge.emptyStore()
        #expect(try Unge.run(["ny", "--navn", "Ida Marie Holm", "--cpr", "620110-4002"], store: store).status == 0)
        let again = try Unge.run(["ny", "--navn", "Ida Holm", "--foedselsdato", "2010-01-02"], store: store)
        #expect(again.status == 1)
        #expect(again.stderr.contains("sag 2026-0001"))
        #expect(!Self.exists("2026-0002", store: store))
        let other = try Unge.run(["ny", "--navn", "Ida Skov", "--foedselsdato", "2010-01-02"], store: store)
        #expect(other.status == 0)
    }

    static func twoCases() throws -> URL {
        let store = Unge.emptyStore()
        #expect(try Unge.run(["ny", "--navn", "Ida Holm", "--cpr", "620110-4002"], store: store).status == 0)
        #expect(
            try Unge.run(["ny", "--navn", "I. Holm", "--foedselsdato", "2010-01-02", "--ny-sag"], store: store).status
                == 0)
        let file = Unge.fixtures.appendingPathComponent("lager-kilder/underretning-2026-0002.json").path
        for id in ["2026-0001", "2026-0002"] {
            let r = try Unge.run(["underret", "--sag", id, "--fra-fil", file], store: store)
            #expect(r.status == 0, "\(r.stderr)")
        }
        #expect(try Unge.run(["notat", "2026-0002", "Samtale med Ida på skolen"], store: store).status == 0)
        return store
    }

    @Test("unge saml flytter indholdet, omnummererer underretningen og lader det gamle nummer pege videre")
    func merge() throws {
        let store = try Self.twoCases()
        let r = try Unge.run(["saml", "2026-0002", "--ind-i", "2026-0001", "--grund", "Samme unge"], store: store)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("underretning nr. 1 hedder nu nr. 2"))
        let target = try Self.raw("2026-0001", store: store)
        let reports = try #require(target["concernReports"] as? [[String: Any]])
        #expect(reports.map { $0["number"] as? Int } == [1, 2])
        let deadlines = try #require(target["deadlines"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(deadlines.contains("underretning-2-vurdering"))
        #expect(Set(deadlines).count == deadlines.count)
        let journal = try #require(target["journal"] as? [[String: Any]]).compactMap { $0["text"] as? String }
        #expect(journal.contains("Samtale med Ida på skolen"))
        let pointer = try Self.raw("2026-0002", store: store)
        #expect(pointer["mergedInto"] as? String == "2026-0001")
        #expect((pointer["concernReports"] as? [Any])?.isEmpty ?? true)
        #expect(try Unge.run(["vis", "2026-0002"], store: store).stdout.contains("Samlet ind i:   sag 2026-0001"))
        // Both audit trails point at the other; the merged case cannot be written any more.
        #expect(
            try Unge.run(["log", "2026-0002", "--json"], store: store).stdout.contains("samlet ind i sag 2026-0001"))
        #expect(try Unge.run(["log", "2026-0001", "--json"], store: store).stdout.contains("sag 2026-0002 samlet ind"))
        let note = try Unge.run(["notat", "2026-0002", "Mere"], store: store)
        #expect(note.status == 1)
        #expect(note.stderr.contains("samlet ind i sag 2026-0001"))
        #expect(try Unge.run(["saml", "2026-0002", "--ind-i", "2026-0001"], store: store).status == 1)
    }

    @Test("saml afviser forskellige CPR-numre (slutkode 1) og samme sag (slutkode 2); intet ændres")
    func mergeRefused() throws {
        let store = Unge.emptyStore()
        #expect(try Unge.run(["ny", "--navn", "Ida Holm", "--cpr", "620110-4002"], store: store).status == 0)
        #expect(
            try Unge.run(["ny", "--navn", "Ida Holm", "--cpr", "620110-4010", "--ny-sag"], store: store).status == 0)
        let before1 = try Self.raw("2026-0001", store: store)
        let before2 = try Self.raw("2026-0002", store: store)
        let r = try Unge.run(["saml", "2026-0002", "--ind-i", "2026-0001"], store: store)
        #expect(r.status == 1)
        #expect(r.stderr.contains("forskellige CPR-numre"))
        #expect(try Self.raw("2026-0001", store: store)["revision"] as? Int == before1["revision"] as? Int)
        #expect(try Self.raw("2026-0002", store: store)["revision"] as? Int == before2["revision"] as? Int)
        #expect(try Unge.run(["saml", "2026-0001", "--ind-i", "2026-0001"], store: store).status == 2)
        #expect(try Unge.run(["saml", "2026-0001"], store: store).status == 2)
    }
}
