import Foundation
import Testing

/// Measures that actually start (issue 20, item 2): the treatment guarantee is met only by an
/// actual start on or before request + 14 days; a planned start never meets it; a lawful non-start
/// lapses it, "no place" does not; a future or pre-decision start is refused with nothing saved.
@Suite("Indsatser, der faktisk iværksættes (ende til ende)", .bothStores)
struct ActualStartTests {
    /// A § 33 decision A1: request 10 August 2026, decided 12 August, planned start 20 August
    /// (deadline 24 August). The harness's today is 1 September 2026.
    static func storeWithTreatment(start: String = "2026-08-20") throws -> URL {
        let store = try IndsatsCommandTests.storeWithCase(born: "2010-05-01")
        let r = try Unge.run(
            [
                "indsats", "2026-0001", "--type", "behandling-ambulant", "--henvendelse", "2026-08-10", "--dato",
                "2026-08-12", "--start", start, "--formaal", "Stoppe med hash", "--samtykke",
                "foraeldremyndighed:2026-08-11", "--samtykke", "ung:2026-08-11",
            ], store: store)
        #expect(r.status == 0, "\(r.stderr)")
        return store
    }

    static func treatmentRow(_ store: URL) throws -> [String: Any] {
        let all = try Unge.run(["frister", "--alle", "--json"], store: store)
        let rows =
            (try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as! [String: Any])["deadlines"]
            as! [[String: Any]]
        return try #require(rows.first { $0["deadlineID"] as? String == "afgoerelse-A1-behandlingsstart" })
    }

    @Test("en planlagt start opfylder ikke fristen; afgørelsen er planlagt, ikke i gang")
    func plannedNeverMeets() throws {
        let store = try Self.storeWithTreatment()
        #expect(try Self.treatmentRow(store)["state"] as? String == "overdue")
        let list = try Unge.run(["indsats", "2026-0001"], store: store, env: ["COLUMNS": "200"])
        #expect(list.stdout.contains("planlagt"))
        #expect(!list.stdout.contains("i gang"))
    }

    @Test("--ivaerksat inden for 14 dage: opfyldt; efter: opfyldt for sent med dage")
    func actualStart() throws {
        let onTime = try Self.storeWithTreatment()
        let r = try Unge.run(["indsats", "2026-0001", "A1", "--ivaerksat", "2026-08-24"], store: onTime)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("iværksat 24. august 2026"))
        #expect(try Self.treatmentRow(onTime)["state"] as? String == "met")
        let late = try Self.storeWithTreatment()
        #expect(try Unge.run(["indsats", "2026-0001", "A1", "--ivaerksat", "2026-08-25"], store: late).status == 0)
        let row = try Self.treatmentRow(late)
        #expect(row["state"] as? String == "metLate")
        #expect(row["daysLate"] as? Int == 1)
        let list = try Unge.run(["indsats", "2026-0001"], store: late, env: ["COLUMNS": "200"])
        #expect(list.stdout.contains("i gang"))
    }

    @Test("--ivaerksat i fremtiden eller før afgørelsen afvises (slutkode 2), intet gemmes")
    func badDates() throws {
        let store = try Self.storeWithTreatment()
        let before = try Unge.caseData(store, "2026-0001")
        let future = try Unge.run(["indsats", "2026-0001", "A1", "--ivaerksat", "2026-09-02"], store: store)
        #expect(future.status == 2)
        #expect(future.stderr.contains("fremtiden"))
        let early = try Unge.run(["indsats", "2026-0001", "A1", "--ivaerksat", "2026-08-11"], store: store)
        #expect(early.status == 2)
        #expect(early.stderr.contains("før afgørelsen"))
        #expect(try Unge.caseData(store, "2026-0001") == before)
    }

    @Test("ikke iværksat: fravalg lader fristen bortfalde med grunden; manglende plads gør ikke")
    func nonStart() throws {
        let declined = try Self.storeWithTreatment()
        let r = try Unge.run(
            [
                "indsats", "2026-0001", "A1", "--ikke-ivaerksat", "--grund",
                "Den unge har valgt et andet behandlingstilbud",
            ], store: declined)
        #expect(r.status == 0, "\(r.stderr)")
        let row = try Self.treatmentRow(declined)
        #expect(row["state"] as? String == "lapsed")
        #expect((row["lapseReason"] as? String)?.contains("§ 101, stk. 6") == true)
        let noPlace = try Self.storeWithTreatment()
        #expect(
            try Unge.run(
                ["indsats", "2026-0001", "A1", "--ikke-ivaerksat", "--grund", "Ingen ledig plads før oktober"],
                store: noPlace
            ).status == 0)
        #expect(try Self.treatmentRow(noPlace)["state"] as? String == "overdue")
    }

    @Test("en planlagt start efter fristen giver en advarsel med paragraffen ved registreringen")
    func lateStartWarns() throws {
        let store = try IndsatsCommandTests.storeWithCase(born: "2010-05-01")
        let r = try Unge.run(
            [
                "indsats", "2026-0001", "--type", "behandling-ambulant", "--henvendelse", "2026-08-10", "--dato",
                "2026-08-12", "--start", "2026-09-15", "--formaal", "Stoppe med hash", "--samtykke",
                "foraeldremyndighed:2026-08-11", "--samtykke", "ung:2026-08-11",
            ], store: store)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("Fristen bliver ikke overholdt"))
        #expect(r.stderr.contains("barnets lov § 33"))
    }
}
