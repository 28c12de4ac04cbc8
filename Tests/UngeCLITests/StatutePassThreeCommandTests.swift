import Foundation
import Testing

/// AUDIT-2026-12.md, the remaining findings seen from the command line.
@Suite("Lovrevision december 2026, resten, på kommandolinjen", .bothStores)
struct StatutePassThreeCommandTests {
    /// Row 20, N8. SEL § 141 stk. 2 »Kommunalbestyrelsen skal tilbyde at udarbejde en handleplan, når hjælpen ydes til
    /// ... 2) personer med alvorlige sociale problemer, der ikke eller kun med betydelig støtte kan opholde sig i egen
    /// bolig«; stk. 1 »skønne, om det er hensigtsmæssigt at tilbyde«.
    @Test("række 20/N8: --handleplan-forhold gemmes på afgørelsen og vælger 'skal tilbyde' eller 'skønner'")
    func adultPlanFacts() throws {
        let store = try IndsatsCommandTests.storeWithCase(born: "2002-03-01")
        let must = try Unge.run(
            [
                "indsats", "2026-0001", "--type", "sel101-ambulant", "--henvendelse", "2026-08-20", "--dato",
                "2026-08-21", "--handleplan-forhold", "bolig",
            ], store: store)
        #expect(must.status == 0, "\(must.stderr)")
        #expect(must.stdout.contains("kommunen skal tilbyde en handleplan"))
        #expect(must.stdout.contains("serviceloven § 141, stk. 2"))
        let json = try IndsatsCommandTests.caseJSON(store)
        let decisions = try #require(json["decisions"] as? [[String: Any]])
        #expect(decisions.first?["adultPlanFacts"] as? String == "cannotLiveAlone")
        let judged = try Unge.run(
            [
                "indsats", "2026-0001", "--type", "sel101-doegn", "--henvendelse", "2026-08-20", "--dato",
                "2026-08-21", "--handleplan-forhold", "ingen", "--pris", "1", "--efterbehandling", "x",
            ], store: store)
        #expect(judged.status == 0, "\(judged.stderr)")
        #expect(judged.stdout.contains("kommunen skønner"))
        #expect(judged.stdout.contains("serviceloven § 141, stk. 1"))
        // Not asked: a warning says which facts decide.
        let unknown = try Unge.run(
            [
                "indsats", "2026-0001", "--type", "sel101-ambulant", "--henvendelse", "2026-08-20", "--dato",
                "2026-08-21",
            ], store: store)
        #expect(unknown.status == 0)
        #expect(unknown.stderr.contains("--handleplan-forhold"))
        let bad = try Unge.run(
            ["indsats", "2026-0001", "--type", "sel101-ambulant", "--handleplan-forhold", "måske"], store: store)
        #expect(bad.status == 2)
    }

    /// Row 13. BL § 33 stk. 1 »når barnet eller den unge har alvorlige sociale og adfærdsmæssige problemer på grund af
    /// stofmisbruget«; N26: § 37 for § 32 stk. 1 nr. 1, 3 and 5 only, never § 33 (stk. 2).
    @Test("række 13 og N26: § 33's betingelse og § 37 uden samtykke på kommandolinjen")
    func treatmentConditionAndSection37() throws {
        let store = try IndsatsCommandTests.storeWithCase(born: "2010-05-01")
        let base = [
            "indsats", "2026-0001", "--type", "behandling-ambulant", "--henvendelse", "2026-08-20", "--dato",
            "2026-08-21", "--samtykke", "foraeldremyndighed:2026-08-20", "--samtykke", "ung:2026-08-20",
        ]
        let no = try Unge.run(base + ["--alvorlige-problemer", "nej"], store: store)
        #expect(no.status == 1)
        #expect(no.stderr.contains("§ 32, stk. 1, nr. 5"))
        let yes = try Unge.run(base + ["--alvorlige-problemer", "ja"], store: store)
        #expect(yes.status == 0, "\(yes.stderr)")
        #expect(!yes.stderr.contains("alvorlige sociale og adfærdsmæssige"))
        let doc = try Unge.run(["indsats", "2026-0001", "A1"], store: store)
        #expect(
            doc.stdout.contains("Den unge har alvorlige sociale og adfærdsmæssige problemer på grund af stofmisbruget.")
        )
        // § 37: family treatment without the custody holder's consent is saved and says so; § 33 is refused.
        let s37 = try Unge.run(
            [
                "indsats", "2026-0001", "--type", "familiebehandling", "--dato", "2026-08-21", "--formaal", "x",
                "--varighed", "6 måneder", "--uden-samtykke",
            ], store: store)
        #expect(s37.status == 0, "\(s37.stderr)")
        #expect(!s37.stderr.contains("samtykke fra forældremyndighedsindehaveren"))
        let shown = try Unge.run(["indsats", "2026-0001", "A2"], store: store)
        #expect(shown.stdout.contains("barnets lov § 37"))
        let refused = try Unge.run(base + ["--alvorlige-problemer", "ja", "--uden-samtykke"], store: store)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("§ 33, stk. 2"))
    }

    /// Row 33. LAW.md »warn when a computed due date in working days (frist too) falls on 5/6, 24/12 or 31/12«.
    @Test("række 33: unge frist advarer, når fristen falder 24. december, og nævner hverdagen før")
    func fristWarns() throws {
        let store = Unge.emptyStore()
        let r = try Unge.run(["frist", "--fra", "2026-12-16", "--hverdage", "6"], store: store)
        #expect(r.status == 0)
        #expect(r.stdout.contains("torsdag 24. december 2026"))
        #expect(r.stderr.contains("juleaftensdag"))
        #expect(r.stderr.contains("onsdag 23. december 2026"))
        let j = try Unge.run(["frist", "--fra", "2026-12-16", "--hverdage", "6", "--json"], store: store)
        let obj = try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any]
        #expect((obj?["warnings"] as? [String])?.count == 1)
        let closed = try Unge.run(["frist", "--fra", "2026-12-16", "--hverdage", "6", "--lukkedage"], store: store)
        #expect(closed.stderr.isEmpty)
        let quiet = try Unge.run(["frist", "--fra", "2026-12-14", "--hverdage", "6"], store: store)
        #expect(quiet.stderr.isEmpty)
        let days = try Unge.run(["frist", "--fra", "2026-12-11", "--dage", "14"], store: store)
        #expect(days.stderr.contains("juledag"))
    }
}
