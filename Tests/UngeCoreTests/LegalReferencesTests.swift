import Testing

@testable import UngeCore

private let lastSEL = LocalDate(year: 2023, month: 12, day: 31)!
private let firstBL = LocalDate(year: 2024, month: 1, day: 1)!

@Suite("Lovhenvisninger")
struct LegalReferencesTests {
    @Test("hver regel har præcis én række i tabellen", arguments: LegalRuleID.allCases)
    func exactlyOneRow(_ id: LegalRuleID) {
        #expect(LegalReferences.all.filter { $0.id == id }.count == 1)
        #expect(LegalReferences.reference(id).id == id)
        #expect(!LegalReferences.reference(id).summary.isEmpty)
        #expect(LegalReferences.reference(id).effective == LegalReferences.barnetsLovEffective)
    }

    @Test("tabellen har ikke flere rækker end regler")
    func noExtraRows() {
        #expect(LegalReferences.all.count == LegalRuleID.allCases.count)
        #expect(LegalReferences.barnetsLovEffective == firstBL)
    }

    @Test("henvisningen skifter 1. januar 2024")
    func switchOnNewYear2024() {
        let examination = LegalReferences.reference(.examination)
        #expect(examination.citation(on: lastSEL) == "serviceloven § 50")
        #expect(examination.citation(on: firstBL) == "barnets lov § 20 (tidl. serviceloven § 50)")
        #expect(examination.paragraph(on: lastSEL) == "serviceloven § 50")
        #expect(examination.paragraph(on: firstBL) == "barnets lov § 20")
        #expect(examination.citation(on: lastSEL, age: 16) == "serviceloven § 50")
    }

    @Test(
        "før 2024 vises serviceloven, som den lød på datoen, for alle rækker og aldre", arguments: LegalReferences.all)
    func beforeBarnetsLov(_ ref: LegalReference) {
        let handbookDay = LocalDate(year: 2012, month: 9, day: 1)!
        for age in [nil, 12, 17, 18, 22] as [Int?] {
            #expect(ref.citation(on: lastSEL, age: age) == ref.paragraphBefore(lastSEL))
            #expect(ref.paragraph(on: lastSEL, age: age) == ref.paragraphBefore(lastSEL))
            #expect(ref.paragraph(on: handbookDay, age: age) == ref.handbook)
        }
    }

    /// Stk. numbers moved within serviceloven between the handbook (2012) and its last version (2023); "tidl."
    /// names the one in force on 31 December 2023 (LBK 1089/2023; AUDIT D7).
    @Test(
        "stk.-numrene følger lovens version på datoen",
        arguments: [
            (
                LegalRuleID.examinationDeadline, "serviceloven § 50, stk. 6", "serviceloven § 50, stk. 7",
                "barnets lov § 20, stk. 3 (tidl. serviceloven § 50, stk. 7)"
            ),
            (
                .youthSupportDecision, "serviceloven § 68, stk. 12", "serviceloven § 68, stk. 11",
                "barnets lov § 111 (tidl. serviceloven § 68, stk. 11)"
            ),
            (
                .transitionGoals, "serviceloven § 140, stk. 3", "serviceloven § 140, stk. 2",
                "barnets lov § 109, stk. 1 (tidl. serviceloven § 140, stk. 2)"
            ),
            (
                .receipt, "serviceloven § 155", "serviceloven § 155 b, stk. 1",
                "barnets lov § 138, stk. 1 (tidl. serviceloven § 155 b, stk. 1)"
            ),
        ])
    func stkByVersion(_ id: LegalRuleID, _ y2012: String, _ y2023: String, _ bl: String) {
        let ref = LegalReferences.reference(id)
        #expect(ref.citation(on: LocalDate(year: 2012, month: 9, day: 1)!) == y2012)
        #expect(ref.citation(on: lastSEL) == y2023)
        #expect(ref.citation(on: firstBL, age: 16) == bl)
    }

    @Test(
        "fra 2024 vises den nye paragraf med den gamle i parentes",
        arguments: LegalReferences.all.filter {
            $0.current != nil && $0.confidence != .unverified
        })
    func afterBarnetsLov(_ ref: LegalReference) {
        // AUDIT D7: "tidl." is the paragraph in force on 31 December 2023.
        #expect(ref.citation(on: firstBL, age: 15) == "\(ref.current ?? "") (tidl. \(ref.paragraphBefore(lastSEL)))")
        #expect(ref.citation(on: firstBL) == ref.citation(on: firstBL, age: 15))
    }

    @Test("voksne får voksenparagraffen")
    func adults() {
        let drugs = LegalReferences.reference(.drugTreatment)
        #expect(drugs.paragraph(on: firstBL, age: 18) == "serviceloven § 101")
        #expect(drugs.citation(on: firstBL, age: 18) == "serviceloven § 101")
        #expect(drugs.citation(on: firstBL, age: 24) == "serviceloven § 101")
        let plan = LegalReferences.reference(.adultActionPlan)
        #expect(plan.citation(on: firstBL, age: 18) == "serviceloven § 141")
        #expect(plan.citation(on: lastSEL, age: 18) == "serviceloven § 141")
        // Ungestøtte for 18-22-årige står i barnets lov, så voksne får den paragraf.
        #expect(
            LegalReferences.reference(.aftercare).citation(on: firstBL, age: 20)
                == "barnets lov §§ 113-117 og 120 (tidl. serviceloven § 76)")
    }

    @Test(
        "ikke-verificerede rækker viser 'tidl.' uden et opfundet nyt nummer",
        arguments: LegalReferences.all.filter {
            $0.confidence == .unverified
        })
    func unverified(_ ref: LegalReference) {
        #expect(ref.citation(on: firstBL) == "tidl. \(ref.handbook)")
        #expect(ref.citation(on: firstBL, age: 17) == "tidl. \(ref.handbook)")
        #expect(ref.paragraph(on: firstBL, age: 17) == ref.handbook)
        #expect(!ref.citation(on: firstBL).contains("barnets lov"))
    }

    /// Retssikkerhedsloven § 11 e stk. 2: "Udveksling af oplysninger efter stk. 1 til brug for en sag efter barnets
    /// lov om et konkret barn eller en konkret ung kan ske én gang på et møde." BL § 33 stk. 1: "Kommunalbestyrelsen
    /// skal senest 14 dage efter en henvendelse fra et barn eller en ung under 18 år ... iværksætte social behandling".
    @Test("SSD-udveksling cites retssikkerhedsloven § 11 e stk. 2; stofbehandling for under 18 barnets lov § 33")
    func ssdAndTreatment() {
        #expect(
            LegalReferences.reference(.ssdExchange).citation(on: firstBL)
                == "retssikkerhedsloven § 11 e, stk. 2 (tidl. serviceloven § 49 a)")
        #expect(LegalReferences.reference(.ssdExchange).citation(on: lastSEL) == "serviceloven § 49 a")
        #expect(
            LegalReferences.reference(.drugTreatment).citation(on: firstBL, age: 16)
                == "barnets lov § 33 (tidl. serviceloven § 101)")
        #expect(LegalReferences.reference(.drugTreatment).citation(on: firstBL, age: 19) == "serviceloven § 101")
        #expect(
            LegalReferences.reference(.treatmentStartAdult).citation(on: firstBL, age: 19)
                == "serviceloven § 101, stk. 4")
        #expect(
            LegalReferences.reference(.treatmentStartMinor).citation(on: firstBL, age: 15)
                == "barnets lov § 33, stk. 1 (tidl. serviceloven § 101, stk. 4)")
        #expect(
            LegalReferences.reference(.alcoholTreatmentStart).citation(on: firstBL, age: 15)
                == "sundhedsloven § 141, stk. 2")
        #expect(
            LegalReferences.reference(.placement).citation(on: firstBL, age: 15)
                == "barnets lov §§ 46-47 (tidl. serviceloven § 52, stk. 3, nr. 7 og § 58)")
    }

    @Test("uændrede regler vises uden 'tidl.'")
    func unchanged() {
        let alcohol = LegalReferences.reference(.alcoholTreatment)
        #expect(alcohol.citation(on: lastSEL) == "sundhedsloven § 141")
        #expect(alcohol.citation(on: firstBL) == "sundhedsloven § 141")
        #expect(alcohol.citation(on: firstBL, age: 25) == "sundhedsloven § 141")
    }

    /// LAW.md's mapping: handbook paragraph and today's under-18 paragraph.
    @Test(
        "tabellen følger LAW.md",
        arguments: [
            (LegalRuleID.anonymousCounselling, "serviceloven § 11", "barnets lov §§ 28-29"),
            (.childInterview, "serviceloven § 48", "barnets lov § 5, stk. 3-4"),
            (.supportPerson, "serviceloven § 48 a", "barnets lov § 6"),
            (.examination, "serviceloven § 50", "barnets lov § 20"),
            (.examinationDeadline, "serviceloven § 50, stk. 6", "barnets lov § 20, stk. 3"),
            (.measures, "serviceloven § 52", "barnets lov § 32"),
            (.placement, "serviceloven § 52, stk. 3, nr. 7 og § 58", "barnets lov §§ 46-47"),
            (.placementWithConsent, "serviceloven § 52, stk. 3, nr. 7", "barnets lov § 46"),
            (.placementWithoutConsent, "serviceloven § 58", "barnets lov § 47"),
            (.ssdExchange, "serviceloven § 49 a", "retssikkerhedsloven § 11 e, stk. 2"),
            (.drugTreatment, "serviceloven § 101", "barnets lov § 33"),
            (.followUpFirst, "serviceloven § 70", "barnets lov § 95, stk. 2"),
            (.notifierFeedback, "serviceloven § 155 b, stk. 2", "barnets lov § 138, stk. 2"),
            (.barnetsPlanConsider, "serviceloven § 140", "barnets lov § 91, stk. 1"),
            (.barnetsPlanMandatory, "serviceloven § 140", "barnets lov § 91, stk. 2"),
            (.ungeplanConsider, "serviceloven § 140", "barnets lov § 108, stk. 1"),
            (.ungeplanMandatory, "serviceloven § 140", "barnets lov § 108, stk. 2-3"),
            (.ungeplanBeforeDecision, "serviceloven § 140", "barnets lov § 108, stk. 4"),
            (.followUp, "serviceloven § 70", "barnets lov § 95"),
            (.youthSupportDecision, "serviceloven § 68, stk. 12", "barnets lov § 111"),
            (.aftercare, "serviceloven § 76", "barnets lov §§ 113-117 og 120"),
            (.barnetsPlan, "serviceloven § 140", "barnets lov §§ 91-92"),
            (.ungeplan, "serviceloven § 140", "barnets lov §§ 108-109"),
            (.heightenedDuty, "serviceloven § 153", "barnets lov § 133"),
            (.generalDuty, "serviceloven § 154", "barnets lov § 135"),
            (.assessment24h, "serviceloven § 155", "barnets lov § 136, stk. 2"),
            (.reassessment, "serviceloven § 155 a", "barnets lov § 137"),
            (.receipt, "serviceloven § 155", "barnets lov § 138, stk. 1"),
            (.partyRights, "serviceloven § 167", "barnets lov § 3"),
        ])
    func matchesLaw(_ id: LegalRuleID, _ handbook: String, _ current: String) {
        let ref = LegalReferences.reference(id)
        #expect(ref.handbook == handbook)
        #expect(ref.current == current)
        #expect(ref.confidence != .unverified)
    }

    @Test("sikkerheden følger LAW.md (H/M/U)")
    func confidence() {
        // LAW.md's mapping table marks these H (statute text seen); LawMappingTableTests reads it.
        #expect(LegalReferences.reference(.childInterview).confidence == .high)
        #expect(LegalReferences.reference(.supportPerson).confidence == .high)
        #expect(LegalReferences.reference(.generalDuty).confidence == .high)
        #expect(LegalReferences.reference(.receipt).confidence == .high)
        #expect(LegalReferences.reference(.ssdExchange).confidence == .high)
        #expect(LegalReferences.reference(.examination).confidence == .high)
        #expect(LegalReferences.reference(.adultActionPlan).currentAdult == "serviceloven § 141")
    }
}
