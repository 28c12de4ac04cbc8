import Foundation
import Testing

@testable import UngeCore

/// AUDIT row 39, the consent part. Barnets lov § 109 stk. 2 »Planen skal så vidt muligt udarbejdes med samtykke
/// fra forældremyndighedsindehaveren og den unge.« The consent is recorded on the plan for the young person and,
/// under 18, each custody holder; »så vidt muligt« makes a missing or refused consent a warning, never a refusal.
@Suite("Ungeplanen udarbejdes så vidt muligt med samtykke (barnets lov § 109, stk. 2)")
struct UngeplanConsentTests {
    static let day = DL.d("2026-06-01")

    static func file(born: String) -> CaseFile {
        var f = DL.file(
            born: born, decisions: [DL.decision(.contactPerson, on: "2026-05-01", consents: [.custodyHolder])])
        f.network = Network(people: [
            NetworkPerson(name: "Trine Kjær", relation: "mor", arena: .family, custodyHolder: true)
        ])
        return f
    }

    static func plan(_ participants: [Participant], kind: PlanKind = .ungeplan, date: LocalDate = day) -> ActionPlan {
        ActionPlan(version: 1, date: date, author: "t", kind: kind, participants: participants)
    }

    static func consent(_ f: [Finding]) -> [Finding] { f.filter { $0.ruleID == "plan.participation.consent" } }

    @Test("16-17 år: uden noteret samtykke fra den unge og forældremyndighedsindehaveren en advarsel med § 109, stk. 2")
    func unrecordedIsAWarning() throws {
        let p = Self.plan([
            Participant(name: "Ida", role: .youngPerson, formulatedGoals: true),
            Participant(name: "Trine Kjær", role: .custodyHolder, formulatedGoals: true),
        ])
        let found = Self.consent(PlanValidator.validate(p, in: Self.file(born: "2009-08-01")))
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.severity == .warning)
        #expect(f.citation == "barnets lov § 109, stk. 2 (tidl. serviceloven § 140)")
        #expect(f.message.contains("den unge og Trine Kjær (forældremyndighedsindehaver)"))
        #expect(
            f.message.contains("så vidt muligt udarbejdes med samtykke fra forældremyndighedsindehaveren og den unge"))
    }

    @Test("samtykke fra begge: ingen bemærkning; og dokumentet viser det i kolonnen 'Samtykke til planen'")
    func givenByBoth() throws {
        let p = Self.plan([
            Participant(name: "Ida", role: .youngPerson, formulatedGoals: true, consentToPlan: true),
            Participant(name: "Trine Kjær", role: .custodyHolder, formulatedGoals: true, consentToPlan: true),
        ])
        let file = Self.file(born: "2009-08-01")
        #expect(Self.consent(PlanValidator.validate(p, in: file)).isEmpty)
        let md = MarkdownRenderer.render(PlanDocument.build(p, in: file, findings: []))
        #expect(md.contains("Samtykke til planen"))
    }

    @Test("en forældremyndighedsindehaver, der siger nej: en advarsel, indtil det er noteret hvorfor; aldrig en fejl")
    func refusedNeedsANote() {
        var holder = Participant(name: "Trine Kjær", role: .custodyHolder, formulatedGoals: true, consentToPlan: false)
        let young = Participant(name: "Ida", role: .youngPerson, formulatedGoals: true, consentToPlan: true)
        let file = Self.file(born: "2009-08-01")
        let f = Self.consent(PlanValidator.validate(Self.plan([young, holder]), in: file))
        #expect(f.count == 1)
        #expect(f.first?.message.contains("Trine Kjær (forældremyndighedsindehaver) har ikke givet samtykke") == true)
        #expect(f.allSatisfy { $0.severity == .warning })
        holder.consentNote = "Mor er uenig i anbringelsesstedet; to møder holdt"
        #expect(Self.consent(PlanValidator.validate(Self.plan([young, holder]), in: file)).isEmpty)
    }

    @Test("18-22 år på ungestøtte: kun den unges samtykke (ingen har forældremyndighed efter 18)")
    func adultOnlyTheYoungPerson() throws {
        var f = DL.file(
            born: "2004-03-10",
            decisions: [DL.decision(.youthSupportContactPerson, on: "2025-01-01", consents: [.youngPerson])])
        f.network = Network(people: [NetworkPerson(name: "Hanne", relation: "mor", arena: .family, custodyHolder: true)]
        )
        let p = Self.plan([Participant(name: "Oliver", role: .youngPerson, formulatedGoals: true)])
        let found = Self.consent(PlanValidator.validate(p, in: f))
        let w = try #require(found.first)
        #expect(found.count == 1)
        #expect(!w.message.contains("Hanne"))
        #expect(w.message.contains("med samtykke fra den unge"))
        let given = Self.plan([
            Participant(name: "Oliver", role: .youngPerson, formulatedGoals: true, consentToPlan: true)
        ])
        #expect(Self.consent(PlanValidator.validate(given, in: f)).isEmpty)
    }

    @Test("barnets plan og handleplanen for voksne spørges ikke om § 109, stk. 2")
    func onlyTheUngeplan() {
        let file = Self.file(born: "2012-01-01")
        let p = Self.plan([Participant(name: "Ida", role: .youngPerson, formulatedGoals: true)], kind: .barnetsPlan)
        #expect(Self.consent(PlanValidator.validate(p, in: file)).isEmpty)
    }

    @Test("samtykket gemmes og læses (JSON) og tæller som en ændring i planens historik")
    func roundTripAndHistory() throws {
        let a = Participant(name: "Ida", role: .youngPerson, formulatedGoals: true)
        var b = a
        b.consentToPlan = false
        b.consentNote = "Vil tænke over det"
        let data = try UngeJSON.encoder().encode(b)
        let back = try UngeJSON.decoder().decode(Participant.self, from: data)
        #expect(back == b)
        #expect(String(decoding: try UngeJSON.encoder().encode(a), as: UTF8.self).contains("consentToPlan") == false)
        #expect(PlanHistory.describe(b).contains("intet samtykke til planen"))
    }
}

/// AUDIT N22. Barnets lov § 3 »Børn og unge, der er fyldt 10 år, udøver partsbeføjelser i følgende sager: ... 9)
/// Ungestøtte efter §§ 114-116 og opretholdt anbringelse efter § 120, der træffes i medfør af § 111 og § 112, stk. 3,
/// inden den unge fylder 18 år.« § 111 is the decision for a young person whose placement ends at 18.
@Suite("Partsbeføjelser ved ungestøtte før 18 kun efter § 111 (barnets lov § 3, nr. 9)")
struct YouthSupportPartyRightsTests {
    @Test("anbragt: nr. 9 i afgørelsens resumé; ikke anbragt (§ 114, stk. 2 efter en kontaktperson): ikke nr. 9")
    func onlyAfterAPlacement() throws {
        let support = DL.decision(.youthSupportContactPerson, on: "2026-05-01", id: "A2", consents: [.youngPerson])
        let placement = DL.decision(.placementWithConsent, on: "2025-01-01", consents: [.custodyHolder, .youngPerson])
        let placed = try #require(DecisionLaw.partyRights(support, age: 17, placed: true))
        #expect(placed.contains("barnets lov § 3, nr. 9"))
        #expect(DecisionLaw.partyRights(support, age: 17, placed: false) == nil)
        // Through the case: the summary shows nr. 9 only with the placement on the case.
        let withPlacement = DL.file(born: "2008-09-01", decisions: [placement, support])
        let md = MarkdownRenderer.render(DecisionDocument.build(support, in: withPlacement, on: DL.d("2026-06-01")))
        #expect(md.contains("nr. 9"))
        let contactOnly = DL.file(
            born: "2008-09-01",
            decisions: [DL.decision(.contactPerson, on: "2025-01-01", consents: [.custodyHolder]), support])
        let md2 = MarkdownRenderer.render(DecisionDocument.build(support, in: contactOnly, on: DL.d("2026-06-01")))
        #expect(!md2.contains("nr. 9"))
    }
}
