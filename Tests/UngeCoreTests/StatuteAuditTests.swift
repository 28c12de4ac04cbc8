import Foundation
import Testing

@testable import UngeCore

/// AUDIT-2026-12.md: one test per finding, each quoting the statute sentence it enforces, before
/// and after 1 January 2024 and around the birthdays that matter.
@Suite("Lovrevision december 2026: hvert fund med lovens ord")
struct StatuteAuditTests {
    static func placement(_ kind: DecisionKind = .placementWithConsent, on date: String = "2024-03-01") -> Decision {
        DL.decision(kind, on: date, id: "A1", start: date, consents: [.custodyHolder, .youngPerson], ground: .misuse)
    }

    /// N25, D3. BL § 47 stk. 4: »Børne- og ungeudvalget kan træffe afgørelse om anbringelse af en ung, der er fyldt
    /// 15 år, uden for hjemmet, uanset at betingelserne i stk. 1 ikke er opfyldt og at forældremyndighedsindehaveren
    /// ikke vil give samtykke til anbringelsen, hvis den unge samtykker.«
    @Test("N25: § 47, stk. 4 kræver den unges samtykke, og sammenfatningen siger det")
    func ownRequestNeedsConsent() throws {
        let plan = ActionPlan(version: 1, date: DL.d("2026-04-20"), author: "t", kind: .ungeplan)
        for born in ["2011-05-01", "2010-05-01", "2010-05-02"] {  // 15th birthday on, before and after the decision
            let own = DL.decision(.placementWithoutConsent, on: "2026-05-01", ground: .ownRequest)
            let f = DL.check(own, born: born, plans: [plan])
            #expect(f.contains { $0.ruleID == "indsats.47.stk4.samtykke" && $0.severity == .error })
            let refused = try #require(f.first { $0.ruleID == "indsats.47.stk4.samtykke" })
            #expect(refused.citation == "barnets lov § 47, stk. 4 (tidl. serviceloven § 58, stk. 3)")
        }
        #expect(DecisionLaw.requiredConsents(.placementWithoutConsent, age: 16, ground: .ownRequest) == [.youngPerson])
        #expect(DecisionLaw.requiredConsents(.placementWithoutConsent, age: 16, ground: .misuse).isEmpty)
        let own = DL.decision(.placementWithoutConsent, on: "2026-05-01", consents: [.youngPerson], ground: .ownRequest)
        let file = DL.file(born: "2010-02-01", decisions: [own], plans: [plan])
        let text = DecisionDocument.build(own, in: file, on: DL.d("2026-05-02")).plainText
        #expect(
            text.contains(
                "Afgørelsen træffes af børne- og ungeudvalget med den unges samtykke (§ 47, stk. 4); forældremyndighedsindehaverens samtykke kræves ikke."
            ))
        #expect(!text.contains("uden samtykke."))
    }

    /// N24. BL § 33 stk. 2: »Afgørelse efter stk. 1 træffes med samtykke fra forældremyndighedsindehaveren og den unge,
    /// der er fyldt 15 år.« (§ 37 covers § 32 only.)
    @Test("N24: § 33 uden samtykke er en fejl, som ved § 46", arguments: ["2011-04-05", "2011-04-06", "2012-04-05"])
    func treatmentConsentIsAnError(_ born: String) {
        let dec = DL.decision(.treatmentOutpatient, on: "2026-04-05", request: "2026-04-03")
        let f = DL.check(dec, born: born)
        let age = YoungPerson(birthDate: DL.d(born)).age(on: DL.d("2026-04-05")) ?? 0
        #expect(
            DL.errors(f)
                == (age >= 15
                    ? ["indsats.samtykke.foraeldre", "indsats.samtykke.ung"] : ["indsats.samtykke.foraeldre"]))
        let ok = DL.decision(
            .treatmentOutpatient, on: "2026-04-05", request: "2026-04-03", consents: [.custodyHolder, .youngPerson])
        #expect(DL.errors(DL.check(ok, born: born)).isEmpty)
    }

    /// N17. BL § 111 stk. 2: »Kommunalbestyrelsen skal, inden der træffes afgørelse efter stk. 1, i samarbejde med den
    /// unge have revideret ungeplanen eller relevante dele af den helhedsorienterede plan«.
    @Test("N17: ungestøtte før 18 for en anbragt ung kræver en revideret ungeplan først")
    func revisedPlanFirst() throws {
        let dec = DL.decision(
            .youthSupportContactPerson, on: "2026-02-01", id: "A2", start: "2026-08-01", consents: [.youngPerson])
        // Born 2008-08-01: 17½ on 2026-02-01.
        let without = DL.check(dec, born: "2008-08-01", others: [Self.placement()])
        let f = try #require(without.first { $0.ruleID == "indsats.111.ungeplan" })
        #expect(f.severity == .error)
        #expect(f.citation == "barnets lov § 111, stk. 2 (tidl. serviceloven § 68, stk. 11)")
        let late = ActionPlan(version: 1, date: DL.d("2026-02-02"), author: "t", kind: .ungeplan)
        #expect(
            DL.check(dec, born: "2008-08-01", plans: [late], others: [Self.placement()]).contains {
                $0.ruleID == "indsats.111.ungeplan"
            })
        let revised = ActionPlan(version: 1, date: DL.d("2026-02-01"), author: "t", kind: .ungeplan)
        #expect(DL.errors(DL.check(dec, born: "2008-08-01", plans: [revised], others: [Self.placement()])).isEmpty)
        // Not placed (a § 32 contact person): no § 111 duty.
        let contact = DL.decision(
            .contactPerson, on: "2025-01-01", id: "A1", start: "2025-01-01", consents: [.custodyHolder])
        #expect(DL.errors(DL.check(dec, born: "2008-08-01", others: [contact])).isEmpty)
        // Decided after 18: § 111 concerns decisions before 18.
        #expect(DL.errors(DL.check(dec, born: "2008-01-01", others: [Self.placement()])).isEmpty)
        // The save message says so instead of "3 måneder efter".
        var file = DL.file(born: "2008-08-01", decisions: [Self.placement(), dec])
        #expect(
            DecisionDocument.planLine(dec, in: file)
                == "Plan: Ungeplan, ungeplanen skal være revideret, før afgørelsen træffes (barnets lov § 111, stk. 2 (tidl. serviceloven § 68, stk. 11))."
        )
        file.decisions = [dec]
        #expect(DecisionDocument.planLine(dec, in: file)?.contains("§ 111, stk. 2") == false)
    }

    /// N31. BL § 111 stk. 1: »senest 6 måneder forud for ophør af en anbringelse ved det fyldte 18. år træffe
    /// afgørelse om ungestøtteindsatser« (a latest date only).
    @Test("N31: ungestøtte besluttet før 17 er en advarsel, ikke en afvisning", arguments: [12, 15, 16])
    func earlyYouthSupportWarns(_ age: Int) {
        let born = "\(2026 - age)-01-01"
        let plan = ActionPlan(version: 1, date: DL.d("2026-01-15"), author: "t", kind: .ungeplan)
        let dec = DL.decision(.youthSupportOther, on: "2026-02-01", consents: [.youngPerson])
        let f = DL.check(dec, born: born, plans: [plan], others: [Self.placement()])
        #expect(!DL.errors(f).contains("indsats.type"))
        #expect(DL.warnings(f).contains("indsats.ungestoette.tidlig"))
        // At 17 no warning.
        #expect(
            !DL.warnings(DL.check(dec, born: "2009-01-01", plans: [plan], others: [Self.placement()])).contains(
                "indsats.ungestoette.tidlig"))
    }

    /// N3. SEL 2025 § 101 a stk. 1: »... til personer, der har et behandlingskrævende stofmisbrug, men som ikke har
    /// andre sociale problemer« (no age limit).
    @Test("N3: § 101 a under 18 er en advarsel, ikke en afvisning")
    func anonymousUnder18() {
        let dec = DL.decision(.anonymousTreatment, on: "2026-05-01", request: "2026-04-30")
        let f = DL.check(dec, born: "2009-06-01")
        #expect(DL.errors(f).isEmpty)
        #expect(DL.warnings(f) == ["indsats.101a.under18"])
        #expect(DL.check(dec, born: "2008-05-01").isEmpty)  // 18th birthday on the day before
        // § 101 itself stays for adults (BL § 33 for under-18s).
        #expect(
            DL.errors(DL.check(DL.decision(.adultTreatmentOutpatient, on: "2026-05-01"), born: "2009-06-01")) == [
                "indsats.type"
            ])
    }

    /// N6. SEL 2025 § 141 stk. 1 »Når der ydes hjælp efter denne lov ... efter afsnit V«; BL § 91 stk. 1 and § 108
    /// stk. 1 name §§ 32, 114-116, 120 and the 16th birthday, not sundhedsloven § 141.
    @Test("N6: alkoholbehandling alene giver ingen planpligt", arguments: [12, 16, 17, 18, 24])
    func alcoholNoPlan(_ age: Int) {
        for date in ["2023-06-01", "2026-06-01"] {
            let r = PlanKind.requirement(age: age, on: DL.d(date), bases: [.alcoholTreatment])
            #expect(r.duty == .none)
            #expect(r.rule == .alcoholTreatment)
        }
        let dec = DL.decision(.alcoholTreatment, on: "2026-06-01", request: "2026-05-30")
        let file = DL.file(born: "\(2026 - age)-01-01", decisions: [dec])
        #expect(
            DecisionDocument.planLine(dec, in: file)
                == "Plan: ingen planpligt efter denne afgørelse (sundhedsloven § 141).")
    }

    /// N7. BL § 108 stk. 1 nr. 4 »Når der træffes afgørelse om støtte efter § 116, jf. § 114.« (tage stilling);
    /// stk. 2 »ved genetablering af døgnophold, jf. § 116, skal kommunalbestyrelsen udarbejde en ungeplan.«
    @Test("N7: § 116 gør kun ungeplanen obligatorisk ved genetableret døgnophold")
    func reestablished() {
        let after = DL.d("2026-06-01")
        var dec = DL.decision(.youthSupportReestablished, on: "2026-06-01")
        dec.reestablishedMeasure = .youthSupportOther
        #expect(PlanKind.requirement(age: 20, on: after, bases: dec.planBasisKinds).duty == .consider)
        dec.reestablishedMeasure = .youthSupportResidential
        #expect(PlanKind.requirement(age: 20, on: after, bases: dec.planBasisKinds).duty == .mandatory)
        #expect(
            DecisionLaw.citation(dec, youngPerson: YoungPerson(birthDate: DL.d("2006-01-01")))
                == "barnets lov § 116, jf. § 114, stk. 1, nr. 1 (tidl. serviceloven § 76)")
        #expect(DecisionLaw.reestablishable("doegnophold") == .youthSupportResidential)
        #expect(DecisionLaw.reestablishable("anden") == .youthSupportOther)
    }

    /// N2. BL § 114 stk. 1 nr. 1-4, stk. 2; § 120 stk. 1; § 145 stk. 1 nr. 9 names §§ 114, 116 and 120 apart.
    @Test(
        "N2: ungestøtte citerer sin egen paragraf, stk. og nr.",
        arguments: [
            (DecisionKind.youthSupportResidential, "barnets lov § 114, stk. 1, nr. 1"),
            (.youthSupportContactPerson, "barnets lov § 114, stk. 1, nr. 2"),
            (.youthSupportTransition, "barnets lov § 114, stk. 1, nr. 3"),
            (.youthSupportOther, "barnets lov § 114, stk. 1, nr. 4"),
            (.maintainedPlacement, "barnets lov § 120, stk. 1"),
            (.youthSupportReestablished, "barnets lov § 116"),
        ])
    func youthSupportPinpoint(_ kind: DecisionKind, _ cite: String) {
        let dec = DL.decision(kind, on: "2026-06-01")
        #expect(
            DecisionLaw.citation(dec, youngPerson: YoungPerson(birthDate: DL.d("2006-01-01"))) == cite
                + " (tidl. serviceloven § 76)")
        // § 114 stk. 2: a § 32 contact person kept after 18.
        if kind == .youthSupportContactPerson {
            let before = DL.decision(.contactPerson, on: "2025-06-01", id: "A0")
            let file = DL.file(born: "2006-01-01", decisions: [before, dec])
            #expect(
                DecisionLaw.citation(dec, youngPerson: file.youngPerson, in: file)
                    == "barnets lov § 114, stk. 2 (tidl. serviceloven § 76)")
        }
        // Before 2024: serviceloven § 76.
        let old = DL.decision(.handbookAftercare, on: "2023-06-01")
        #expect(
            DecisionLaw.citation(old, youngPerson: YoungPerson(birthDate: DL.d("2004-01-01"))) == "serviceloven § 76")
    }

    /// Row 28, N33, D4. SEL 2023 § 167 stk. 1 »Følgende afgørelser kan af barnet eller den unge, der er fyldt 12 år,
    /// indbringes for Ankestyrelsen ...: 1) Forebyggende foranstaltninger samt anbringelse uden for hjemmet efter
    /// § 52, stk. 3.«; § 168 stk. 2 »forældremyndighedens indehaver og den unge, der er fyldt 12 år«; § 167 stk. 4
    /// efterværn decided before 18; § 52 stk. 1 »Afgørelsen træffes med samtykke fra forældremyndighedsindehaveren«.
    @Test("række 28/N33: afgørelser før 2024 viser klageret fra 12 år og samtykkekravet")
    func before2024Rights() {
        let measure = DL.decision(.handbookMeasure, on: "2023-06-01")
        #expect(
            DecisionLaw.partyRights(measure, age: 11)
                == "Den unge er under 12 år og kan ikke selv klage over afgørelsen (serviceloven § 167, stk. 1, nr. 1)."
        )
        #expect(DecisionLaw.partyRights(measure, age: 12)?.contains("fyldt 12 år") == true)
        let placed = DL.decision(.handbookPlacement, on: "2023-06-01")
        #expect(DecisionLaw.partyRights(placed, age: 14)?.contains("§ 168, stk. 2") == true)
        let aftercare = DL.decision(.handbookAftercare, on: "2023-06-01")
        #expect(DecisionLaw.partyRights(aftercare, age: 17)?.contains("§ 167, stk. 4") == true)
        #expect(DecisionLaw.partyRights(aftercare, age: 19) == nil)
        var noConsent = measure
        noConsent.consents = []
        let file = DL.file(born: "2010-01-01", decisions: [noConsent])
        let text = DecisionDocument.build(noConsent, in: file, on: DL.d("2023-06-02")).plainText
        #expect(text.contains("serviceloven § 52, stk. 1"))
        #expect(text.contains("serviceloven § 167, stk. 1, nr. 1"))
    }

    /// Row 44. SEL 2023 § 167 stk. 1 »der er fyldt 12 år«; BL § 3 »fyldt 10 år« from 2024.
    @Test("række 44: alder før 2024 viser grænsen ved 12 år, fra 2024 ved 10 år")
    func ageTwelveBefore2024() throws {
        let born = DL.d("2011-03-01")
        let old = Age.thresholds(born: born, on: DL.d("2023-06-01"))
        let twelve = try #require(old.first { $0.id == "age12" })
        #expect(twelve.ageLabel == "12 år")
        #expect(twelve.date == DL.d("2023-03-01"))
        #expect(twelve.whatChanges.contains("§ 167"))
        let new = Age.thresholds(born: born, on: DL.d("2024-01-01"))
        #expect(new.contains { $0.id == "age10" && $0.date == DL.d("2021-03-01") })
        #expect(!new.contains { $0.id == "age12" })
    }

    /// Row 47, D12. SEL 2025 § 141 stk. 1 »skønne, om det er hensigtsmæssigt at tilbyde«; stk. 2 »skal tilbyde«;
    /// BL § 114 »umiddelbart inden det fyldte 18. år«.
    @Test("række 47: 18-årsteksten nævner ungestøtte og § 141, stk. 1-2")
    func ageEighteen() throws {
        let t = try #require(
            Age.thresholds(born: DL.d("2008-05-01"), on: DL.d("2026-06-01")).first { $0.id == "age18" })
        #expect(t.whatChanges.contains("barnets lov §§ 113-116"))
        #expect(t.whatChanges.contains("serviceloven § 141, stk. 1; skal ved stk. 2"))
        #expect(!t.whatChanges.contains("Kommunen tilbyder en handleplan"))
    }
}

/// The deadlines the audit found wrong or partly right.
@Suite("Lovrevision december 2026: frister og dokumenter")
struct StatuteAuditDeadlineTests {
    static func plan(_ kind: PlanKind, on date: String, version: Int = 1) -> ActionPlan {
        ActionPlan(version: version, date: DL.d(date), author: "t", kind: kind)
    }

    /// Row 42, N13. BL § 108 stk. 2 »I sager om anbringelse uden for hjemmet, jf. §§ 46 og 47, hvor den unge er fyldt
    /// 16 år ... skal kommunalbestyrelsen udarbejde en ungeplan.«; stk. 3 »senest 3 måneder ... efter at den unge er
    /// fyldt 16 år«.
    @Test("række 42/N13: anbragt på 16-årsdagen: ungeplan obligatorisk, en stillingtagen opfylder den ikke")
    func placedAtSixteen() throws {
        for kind in [DecisionKind.placementWithConsent, .placementWithoutConsent] {
            let placed = StatuteAuditTests.placement(kind, on: "2025-06-01")
            let stance = Decision(
                id: "A2", kind: .planStance, decisionDate: DL.d("2026-03-10"), author: "t", recorded: DL.t0,
                reason: "Ingen plan")
            let file = DL.file(
                born: "2010-03-01", decisions: [placed, stance], plans: [Self.plan(.barnetsPlan, on: "2025-07-01")])
            let d = try #require(DL.deadlines(file).first { $0.id == "plan-16aar" })
            #expect(d.title.hasPrefix("Ungeplan senest 3 måneder efter 16-årsdagen"))
            #expect(d.dueDate == DL.d("2026-06-01"))
            #expect(d.citation(age: 16) == "barnets lov § 108, stk. 2-3 (tidl. serviceloven § 140)")
            #expect(!d.isMet)
            var withPlan = file
            withPlan.actionPlans.append(Self.plan(.ungeplan, on: "2026-04-01", version: 2))
            #expect(DL.deadlines(withPlan).first { $0.id == "plan-16aar" }?.isMet == true)
        }
    }

    /// N14. BL § 108 stk. 1 nr. 2 »Når en ung, der modtager støtte efter § 32, stk. 1, hvor kommunen har vurderet, at
    /// der ikke skulle udarbejdes en barnets plan efter § 91, fylder 16 år.«
    @Test("N14: § 32-støtte på 16-årsdagen uden barnets plan giver stillingtagen til ungeplan")
    func supportAtSixteen() throws {
        let support = DL.decision(.contactPerson, on: "2025-09-01", start: "2025-09-15", consents: [.custodyHolder])
        let stance = Decision(
            id: "A2", kind: .planStance, decisionDate: DL.d("2025-10-01"), author: "t", recorded: DL.t0,
            reason: "Kort forløb", concerns: "A1")
        let file = DL.file(born: "2010-03-01", decisions: [support, stance])
        let d = try #require(DL.deadlines(file).first { $0.id == "plan-16aar" })
        #expect(d.title == "Stillingtagen til ungeplan senest 3 måneder efter 16-årsdagen")
        #expect(d.dueDate == DL.d("2026-06-01"))
        #expect(d.citation(age: 16) == "barnets lov § 108, stk. 1 (tidl. serviceloven § 140)")
        // Ended before the birthday: no question.
        var ended = support
        ended.end = DecisionEnd(date: DL.d("2026-01-01"), reason: "Slut")
        #expect(
            !DL.deadlines(DL.file(born: "2010-03-01", decisions: [ended, stance])).contains { $0.id == "plan-16aar" })
    }

    /// Row 41, N12. BL § 91 stk. 2 »Planen skal foreligge, senest 3 måneder efter at der er truffet afgørelse« (no
    /// earliest date).
    @Test("række 41/N12: en plan lavet før afgørelsen opfylder planfristen")
    func planBeforeDecision() throws {
        let dec = StatuteAuditTests.placement(.placementWithConsent, on: "2026-03-01")
        let file = DL.file(born: "2013-01-01", decisions: [dec], plans: [Self.plan(.barnetsPlan, on: "2026-02-24")])
        let d = try #require(DL.deadlines(file).first { $0.id == "afgoerelse-A1-plan" })
        #expect(d.isMet)
        #expect(d.dueDate == DL.d("2026-06-01"))
    }

    /// Row 10, N15. BL § 95 stk. 2 nr. 1 »Når afdækningen eller undersøgelsen, som er foretaget sideløbende med en
    /// støttende indsats efter § 32, stk. 4, eller en anbringelse efter §§ 46 eller 143 ... er afsluttet«; SEL 2023 § 70
    /// stk. 1 »senest 3 måneder efter, at der er iværksat en foranstaltning« (no earlier trigger).
    @Test("række 10: den tidligere opfølgning ved sideløbende undersøgelse kun for § 32 og § 46 fra 2024")
    func parallelTrigger() throws {
        func due(_ kind: DecisionKind, start: String, examDone: String) throws -> LocalDate {
            var dec = DL.decision(
                kind, on: start, start: start, consents: [.custodyHolder, .youngPerson], ground: .misuse)
            dec.alongsideExamination = true
            var exam = Examination(awareDate: DL.d(start).adding(days: -10))
            exam.completedDate = DL.d(examDone)
            let f = DL.file(born: "2010-01-01", decisions: [dec], exam: exam)
            return try #require(DL.deadlines(f).first { $0.id == "afgoerelse-A1-opfoelgning" }).dueDate
        }
        #expect(try due(.contactPerson, start: "2026-03-01", examDone: "2026-04-15") == DL.d("2026-04-15"))
        #expect(try due(.placementWithConsent, start: "2026-03-01", examDone: "2026-04-15") == DL.d("2026-04-15"))
        #expect(try due(.placementWithoutConsent, start: "2026-03-01", examDone: "2026-04-15") == DL.d("2026-06-01"))
        #expect(try due(.handbookMeasure, start: "2023-04-12", examDone: "2023-05-15") == DL.d("2023-07-12"))
    }

    /// Row 24, N21. BL § 137 stk. 1 »allerede har iværksat støttende indsatser efter § 32, anbringelse efter §§ 46, 47
    /// eller 67«; § 10 stk. 3 »En afgørelse ... skal iværksættes, straks efter at den er truffet«.
    @Test("række 24: en afgørelse uden startdato tæller som iværksat fra afgørelsesdatoen")
    func reassessmentWithoutStart() {
        let dec = DL.decision(.contactPerson, on: "2026-05-01", consents: [.custodyHolder])
        let file = DL.file(born: "2012-01-01", decisions: [dec])
        #expect(file.runningSupport(on: DL.d("2026-06-01")).map(\.id) == ["A1"])
        #expect(file.runningSupport(on: DL.d("2026-04-30")).isEmpty)
    }

    /// N18. BL § 115 stk. 1 »anbragt uden samtykke fra forældremyndighedsindehaveren og den unge, der er fyldt 15 år,
    /// jf. § 47«; stk. 2 »frem til det fyldte 19. år ... på eget værelse, kollegium«.
    @Test("N18: § 115, stk. 1 ikke efter § 47, stk. 4; stk. 2 nævnes efter § 46")
    func contactPerson115() throws {
        func title(_ kind: DecisionKind, _ ground: PlacementGround) throws -> String {
            let placed = DL.decision(kind, on: "2024-06-01", start: "2024-06-01", ground: ground)
            let f = DL.file(born: "2008-09-01", decisions: [placed])
            return try #require(DL.deadlines(f).first { $0.id == DecisionDeadlines.youthSupportID }).title
        }
        #expect(try title(.placementWithoutConsent, .misuse).contains("til 23 år (§ 115, stk. 1)"))
        #expect(try !title(.placementWithoutConsent, .ownRequest).contains("§ 115, stk. 1"))
        #expect(try title(.placementWithConsent, .misuse).contains("til 19 år (§ 115, stk. 2)"))
    }

    /// Row 7, D2. BL § 20 stk. 3 »Den børnefaglige undersøgelse skal afsluttes, senest 4 måneder efter ...«; § 19 sets
    /// no time limit.
    @Test("række 7/D2: en afdækning har ingen frist og citerer § 19")
    func afdaekningHasNoDeadline() {
        var exam = Examination(awareDate: DL.d("2026-04-01"))
        exam.kind = .afdaekning
        #expect(exam.completionDue == nil)
        let file = DL.file(born: "2012-01-01", exam: exam)
        let doc = ExaminationDocument.build(exam, in: file, on: DL.d("2026-05-01"))
        #expect(doc.subtitle == "Efter barnets lov § 19 (tidl. serviceloven § 50)")
        #expect(!doc.plainText.contains("Frist for afslutning"))
        #expect(!DL.deadlines(file).contains { $0.kind == .examination })
        exam.kind = .examination
        #expect(exam.completionDue == DL.d("2026-08-01"))
        #expect(
            ExaminationDocument.build(exam, in: file, on: DL.d("2026-05-01")).plainText.contains("Frist for afslutning")
        )
    }
}

extension Document {
    /// The document as Markdown without escapes, for `contains` checks on its wording.
    var plainText: String { MarkdownRenderer.render(self).replacingOccurrences(of: "\\", with: "") }
}
