import Foundation
import Testing

@testable import UngeCore

/// Helpers: a case for a young person born on `born`, with decisions.
enum DL {
    static func d(_ s: String) -> LocalDate { LocalDate.parse(s)! }
    static let t0 = Date(timeIntervalSince1970: 0)

    static func file(born: String, decisions: [Decision] = [], plans: [ActionPlan] = [], exam: Examination? = nil)
        -> CaseFile
    {
        var f = CaseFile(
            id: CaseID("2026-0100")!, created: t0, youngPerson: YoungPerson(name: "Test", birthDate: d(born)))
        f.decisions = decisions
        f.actionPlans = plans
        f.examination = exam
        return f
    }

    static func decision(
        _ kind: DecisionKind, on date: String, id: String = "A1", request: String? = nil, start: String? = nil,
        consents: [ConsentGiver] = [], ground: PlacementGround? = nil, purpose: String = "Formål",
        duration: String? = "6 måneder"
    ) -> Decision {
        Decision(
            id: id, kind: kind, decisionDate: d(date), purpose: purpose, author: "t", recorded: t0,
            placementGround: ground,
            requestDate: request.map(d), start: start.map(d), expectedDuration: duration,
            consents: consents.map { DecisionConsent(giver: $0, date: d(date)) })
    }

    static func errors(_ f: [Finding]) -> [String] { f.filter { $0.severity == .error }.map(\.ruleID) }
    static func warnings(_ f: [Finding]) -> [String] { f.filter { $0.severity == .warning }.map(\.ruleID) }
    static func deadlines(_ f: CaseFile) -> [Deadline] { PlanDeadlines.compute(for: f) }
    static func check(
        _ dec: Decision, born: String, plans: [ActionPlan] = [], exam: Examination? = nil, others: [Decision] = []
    ) -> [Finding] {
        DecisionLaw.check(dec, in: file(born: born, decisions: others, plans: plans, exam: exam))
    }
}

/// LAW.md, "Decisions drive duties": one test per row, each before and after 2024-01-01, with the
/// statute sentence it rests on.
@Suite("Afgørelser styrer pligterne (LAW.md-tabellen)")
struct DecisionsDriveDutiesTests {
    /// BL § 32 stk. 1: "... skal kommunalbestyrelsen træffe afgørelse om en eller flere af følgende støttende
    /// indsatser ... 3) Udpegning af en fast kontaktperson". Stk. 2: "Afgørelse efter stk. 1 træffes med samtykke
    /// fra forældremyndighedsindehaveren". Stk. 3: "Afgørelsen skal angive formålet med indsatsen og den forventede
    /// varighed." § 91 stk. 1: "... tage stilling til, om der skal udarbejdes en barnets plan ... Planen skal i
    /// givet fald foreligge, senest 3 måneder efter". § 95 stk. 2: first follow-up at the earlier of ... "2) 3
    /// måneder efter iværksættelse af indsatsen."
    @Test("BL § 32 støttende indsats (fra 2024)")
    func support2024() {
        let dec = DL.decision(.contactPerson, on: "2026-03-01", start: "2026-03-15")
        #expect(
            DecisionLaw.citation(dec, youngPerson: YoungPerson(birthDate: DL.d("2012-01-01")))
                == "barnets lov § 32, stk. 1, nr. 3 (tidl. serviceloven § 52)")
        let f = DL.check(dec, born: "2012-01-01")
        #expect(DL.errors(f).isEmpty)
        #expect(DL.warnings(f) == ["indsats.samtykke.foraeldre"])
        #expect(
            DL.errors(
                DL.check(DL.decision(.contactPerson, on: "2026-03-01", purpose: "", duration: nil), born: "2012-01-01"))
                == ["indsats.mangler.formaal", "indsats.mangler.varighed"])
        let ds = DL.deadlines(DL.file(born: "2012-01-01", decisions: [dec]))
        let plan = ds.first { $0.kind == .plan }
        #expect(plan?.dueDate == DL.d("2026-06-01"))
        #expect(plan?.citation(age: 14) == "barnets lov § 91, stk. 1 (tidl. serviceloven § 140)")
        let follow = ds.first { $0.kind == .followUp }
        #expect(follow?.dueDate == DL.d("2026-06-15"))
        #expect(follow?.citation(age: 14) == "barnets lov § 95, stk. 2 (tidl. serviceloven § 70)")
        // A recorded stillingtagen meets the plan deadline.
        var stance = DL.decision(.planStance, on: "2026-04-01", id: "A2")
        stance.reason = "Kort, afgrænset indsats"
        let met = DL.deadlines(DL.file(born: "2012-01-01", decisions: [dec, stance])).first { $0.kind == .plan }
        #expect(met?.isMet == true)
    }

    /// Before 2024 barnets lov did not exist: a § 32 type is refused and serviceloven § 52 offered.
    @Test("BL § 32 før 2024: afvist, serviceloven § 52 foreslås")
    func support2023() {
        let f = DL.check(DL.decision(.contactPerson, on: "2023-06-01"), born: "2010-01-01")
        #expect(DL.errors(f) == ["indsats.type"])
        #expect(f[0].message.contains("sel52"))
        #expect(f[0].citation == "serviceloven § 52")
        let old = DL.decision(.handbookMeasure, on: "2023-06-01", start: "2023-06-10")
        #expect(DL.errors(DL.check(old, born: "2010-01-01")).isEmpty)
        #expect(
            DecisionLaw.citation(old, youngPerson: YoungPerson(birthDate: DL.d("2010-01-01"))) == "serviceloven § 52")
        let follow = DL.deadlines(DL.file(born: "2010-01-01", decisions: [old])).first { $0.kind == .followUp }
        #expect(follow?.citation(age: 13) == "serviceloven § 70")
    }

    /// BL § 33 stk. 1: "Kommunalbestyrelsen skal senest 14 dage efter en henvendelse fra et barn eller en ung under
    /// 18 år eller forældrene iværksætte social behandling". Stk. 2: "... med samtykke fra forældremyndighedsindehaveren
    /// og den unge, der er fyldt 15 år." No plan duty and no § 95 follow-up from § 33.
    @Test("BL § 33 stofmisbrugsbehandling (fra 2024)")
    func treatment2024() {
        let dec = DL.decision(.treatmentOutpatient, on: "2026-04-05", request: "2026-04-03")
        let f = DL.check(dec, born: "2010-09-01")
        // AUDIT N24: no exception to § 33 stk. 2, so a missing consent is an error, as for § 46.
        #expect(DL.errors(f) == ["indsats.samtykke.foraeldre", "indsats.samtykke.ung"])
        // AUDIT row 13: the § 33 stk. 1 condition is asked; not recorded, a warning.
        #expect(DL.warnings(f) == ["indsats.33.betingelse"])
        let ds = DL.deadlines(DL.file(born: "2010-09-01", decisions: [dec]))
        let start = ds.first { $0.kind == .treatmentStart }
        #expect(start?.dueDate == DL.d("2026-04-17"))
        #expect(start?.citation(age: 15) == "barnets lov § 33, stk. 1 (tidl. serviceloven § 101, stk. 4)")
        #expect(!ds.contains { $0.kind == .followUp || $0.kind == .plan })
        #expect(PlanKind.requirement(age: 15, on: DL.d("2026-04-05"), bases: [.treatmentOutpatient]).duty == .none)
        // § 33 at 19 is refused; serviceloven § 101 is offered.
        let adult = DL.check(DL.decision(.treatmentOutpatient, on: "2026-04-05"), born: "2007-01-01")
        #expect(DL.errors(adult) == ["indsats.type"])
        #expect(adult[0].message.contains("sel101-ambulant"))
    }

    /// Before 2024 serviceloven § 101 applied at any age (2023: stk. 4, 14 days).
    @Test("BL § 33 før 2024: afvist; serviceloven § 101 i alle aldre")
    func treatment2023() {
        #expect(
            DL.errors(DL.check(DL.decision(.treatmentOutpatient, on: "2023-10-01"), born: "2008-01-01")) == [
                "indsats.type"
            ])
        let dec = DL.decision(.adultTreatmentOutpatient, on: "2023-10-01", request: "2023-09-25")
        #expect(DL.errors(DL.check(dec, born: "2008-01-01")).isEmpty)
        let start = DL.deadlines(DL.file(born: "2008-01-01", decisions: [dec])).first { $0.kind == .treatmentStart }
        #expect(start?.dueDate == DL.d("2023-10-09"))
        #expect(start?.citation(age: 15) == "serviceloven § 101, stk. 4")
    }

    /// BL § 46 stk. 1: "... med samtykke fra forældremyndighedsindehaveren og den unge, der er fyldt 15 år".
    /// § 108 stk. 2: at a placement from 16 "skal kommunalbestyrelsen udarbejde en ungeplan"; stk. 3 "senest 3
    /// måneder efter". § 111 stk. 1: "senest 6 måneder forud for ophør af en anbringelse ved det fyldte 18. år træffe
    /// afgørelse om ungestøtteindsatser".
    @Test("BL § 46 anbringelse (fra 2024)")
    func placement2024() {
        let exam = Examination(awareDate: DL.d("2026-01-05"), completedDate: DL.d("2026-03-01"), author: "t")
        let noConsent = DL.check(DL.decision(.placementWithConsent, on: "2026-03-10"), born: "2009-10-01", exam: exam)
        #expect(DL.errors(noConsent) == ["indsats.samtykke.anbringelse"])
        #expect(noConsent[0].message.contains("anbringelse-uden-samtykke"))
        let dec = DL.decision(
            .placementWithConsent, on: "2026-03-10", start: "2026-03-20", consents: [.custodyHolder, .youngPerson])
        #expect(DL.check(dec, born: "2009-10-01", exam: exam).isEmpty)
        let ds = DL.deadlines(DL.file(born: "2009-10-01", decisions: [dec], exam: exam))
        let plan = ds.first { $0.kind == .plan }
        #expect(plan?.title == "Ungeplan senest 3 måneder efter afgørelsen (A1)")
        #expect(plan?.citation(age: 16) == "barnets lov § 108, stk. 2-3 (tidl. serviceloven § 140)")
        let youth = ds.first { $0.kind == .youthSupportDecision }
        #expect(youth?.dueDate == DL.d("2027-04-01"))
        #expect(youth?.citation(age: 17) == "barnets lov § 111 (tidl. serviceloven § 68, stk. 11)")
        #expect(!ds.contains { $0.kind == .transitionAt18 })
    }

    @Test("BL § 46 før 2024: afvist; serviceloven § 52, stk. 3, nr. 7 og § 68, stk. 11")
    func placement2023() {
        #expect(
            DL.errors(DL.check(DL.decision(.placementWithConsent, on: "2023-09-01"), born: "2006-05-01")) == [
                "indsats.type"
            ])
        let dec = DL.decision(.handbookPlacement, on: "2023-09-01", start: "2023-09-05")
        #expect(
            DecisionLaw.citation(dec, youngPerson: YoungPerson(birthDate: DL.d("2006-05-01")))
                == "serviceloven § 52, stk. 3, nr. 7 og § 58")
        let youth = DL.deadlines(DL.file(born: "2006-05-01", decisions: [dec])).first {
            $0.kind == .youthSupportDecision
        }
        #expect(youth?.dueDate == DL.d("2023-11-01"))
        #expect(youth?.citation(age: 17) == "serviceloven § 68, stk. 11")
    }

    /// BL § 47 stk. 1 nr. 3: "Misbrugsproblemer, kriminel adfærd ..."; stk. 4: own request "en ung, der er fyldt 15
    /// år"; § 108 stk. 4: "I sager om anbringelse uden for hjemmet uden samtykke skal ungeplanen udarbejdes, før der
    /// træffes afgørelse".
    @Test("BL § 47 anbringelse uden samtykke (fra 2024)")
    func placementWithoutConsent2024() {
        let dec = DL.decision(.placementWithoutConsent, on: "2026-05-01", start: "2026-05-02", ground: .misuse)
        let noPlan = DL.check(dec, born: "2010-02-01")
        #expect(DL.errors(noPlan) == ["indsats.47.plan"])
        #expect(noPlan[0].citation == "barnets lov § 108, stk. 4 (tidl. serviceloven § 140)")
        let plan = ActionPlan(version: 1, date: DL.d("2026-04-20"), author: "t", kind: .ungeplan)
        // § 47 stk. 2: after a completed examination; without one, a warning (AUDIT N27).
        #expect(DL.warnings(DL.check(dec, born: "2010-02-01", plans: [plan])) == ["indsats.47.undersoegelse"])
        let done = Examination(awareDate: DL.d("2026-01-05"), completedDate: DL.d("2026-04-01"))
        #expect(DL.check(dec, born: "2010-02-01", plans: [plan], exam: done).isEmpty)
        #expect(
            DecisionLaw.citation(dec, youngPerson: YoungPerson(birthDate: DL.d("2010-02-01")))
                == "barnets lov § 47, stk. 1, nr. 3 (tidl. serviceloven § 58)")
        // Under 16: barnets plan, § 91 stk. 2.
        #expect(DL.check(dec, born: "2011-02-01")[0].citation == "barnets lov § 91, stk. 2 (tidl. serviceloven § 140)")
        let own = DL.decision(.placementWithoutConsent, on: "2026-05-01", ground: .ownRequest)
        // Under 16 the plan must be a barnets plan (AUDIT N27), so the ungeplan does not count.
        #expect(
            DL.errors(DL.check(own, born: "2012-02-01", plans: [plan])) == [
                "indsats.47.stk4", "indsats.47.stk4.samtykke", "indsats.47.plan",
            ])
        // § 47 stk. 4 »hvis den unge samtykker« (AUDIT N25).
        #expect(DL.errors(DL.check(own, born: "2010-02-01", plans: [plan])) == ["indsats.47.stk4.samtykke"])
        // No start recorded: the follow-up counts from the decision date, with a warning (BL § 95).
        #expect(DL.warnings(DL.check(own, born: "2010-02-01", plans: [plan])) == ["indsats.start.opfoelgning"])
        let ownConsented = DL.decision(
            .placementWithoutConsent, on: "2026-05-01", consents: [.youngPerson], ground: .ownRequest)
        #expect(DL.errors(DL.check(ownConsented, born: "2010-02-01", plans: [plan])).isEmpty)
    }

    @Test("BL § 47 før 2024: afvist; serviceloven § 58")
    func placementWithoutConsent2023() {
        let f = DL.check(DL.decision(.placementWithoutConsent, on: "2023-05-01", ground: .misuse), born: "2008-02-01")
        #expect(DL.errors(f) == ["indsats.type"])
        #expect(f[0].citation == "serviceloven § 58")
        #expect(f[0].message.contains("sel52-anbringelse"))
    }

    /// BL § 113: "med samtykke fra den unge tilbyde indsatser efter §§ 114 og 116 til unge i alderen fra 18 til 22
    /// år"; § 114: "For en ung, der er eller var anbragt ... umiddelbart inden det fyldte 18. år"; § 95 stk. 1 covers
    /// "§§ 32, 46, 47, 114-116 og 120".
    @Test("BL §§ 114-116, § 120 ungestøtte (fra 2024)")
    func youthSupport2024() {
        let placed = DL.decision(
            .placementWithConsent, on: "2024-03-01", id: "A1", start: "2024-03-05",
            consents: [.custodyHolder, .youngPerson])
        let dec = DL.decision(
            .youthSupportContactPerson, on: "2026-02-01", id: "A2", start: "2026-03-01", consents: [.youngPerson])
        #expect(DL.check(dec, born: "2006-03-01", others: [placed]).isEmpty)
        #expect(DL.warnings(DL.check(dec, born: "2006-03-01")) == ["indsats.ungestoette.forudsaetning"])
        // AUDIT N2: the pinpoint, § 114 stk. 1 nr. 2 (the contact person).
        #expect(
            DecisionLaw.citation(dec, youngPerson: YoungPerson(birthDate: DL.d("2006-03-01")))
                == "barnets lov § 114, stk. 1, nr. 2 (tidl. serviceloven § 76)")
        let follow = DL.deadlines(DL.file(born: "2006-03-01", decisions: [placed, dec])).first {
            $0.id == "afgoerelse-A2-opfoelgning"
        }
        #expect(follow?.dueDate == DL.d("2026-06-01"))
        #expect(follow?.citation(age: 19) == "barnets lov § 95, stk. 2")
        // Ungestøtte decided at 16: § 111 sets only a latest date, so a warning (AUDIT N31).
        let young = DL.check(
            DL.decision(.youthSupportContactPerson, on: "2026-02-01", consents: [.youngPerson]), born: "2010-01-01",
            others: [placed])
        #expect(DL.errors(young) == ["indsats.111.ungeplan"])
        #expect(DL.warnings(young).contains("indsats.ungestoette.tidlig"))
        // At 23 it has ended (§ 117).
        #expect(
            DL.errors(DL.check(DL.decision(.youthSupportOther, on: "2026-02-01"), born: "2003-01-01")) == [
                "indsats.type"
            ])
    }

    @Test("ungestøtte før 2024: serviceloven § 76 efterværn")
    func youthSupport2023() {
        #expect(
            DL.errors(DL.check(DL.decision(.youthSupportOther, on: "2023-06-01"), born: "2004-01-01")) == [
                "indsats.type"
            ])
        let dec = DL.decision(.handbookAftercare, on: "2023-06-01", start: "2023-06-01")
        #expect(DL.errors(DL.check(dec, born: "2004-01-01")).isEmpty)
        #expect(
            DecisionLaw.citation(dec, youngPerson: YoungPerson(birthDate: DL.d("2004-01-01"))) == "serviceloven § 76")
    }

    /// SEL § 101 stk. 4: "Tilbud efter stk. 1 skal iværksættes senest 14 dage efter henvendelsen til kommunen."
    @Test("SEL § 101 for voksne (fra 2024; under 18 barnets lov § 33)")
    func sel101() {
        let dec = DL.decision(.adultTreatmentResidential, on: "2026-04-10", request: "2026-04-01")
        let f = DL.check(dec, born: "2005-01-01")
        #expect(DL.errors(f).isEmpty)
        // AUDIT N8: the serviceloven § 141 stk. 2 facts are asked; not recorded, a warning.
        #expect(DL.warnings(f) == ["indsats.doegn.pris", "indsats.doegn.efterbehandling", "indsats.141.forhold"])
        let start = DL.deadlines(DL.file(born: "2005-01-01", decisions: [dec])).first { $0.kind == .treatmentStart }
        #expect(start?.dueDate == DL.d("2026-04-15"))
        #expect(start?.citation(age: 21) == "serviceloven § 101, stk. 4")
        #expect(
            DecisionLaw.citation(dec, youngPerson: YoungPerson(birthDate: DL.d("2005-01-01"))) == "serviceloven § 101")
        let minor = DL.check(DL.decision(.adultTreatmentOutpatient, on: "2026-04-10"), born: "2010-01-01")
        #expect(DL.errors(minor) == ["indsats.type"])
        #expect(minor[0].message.contains("behandling-ambulant"))
    }

    @Test("SEL § 101 før 2024: i alle aldre, 2012-udgaven stk. 2")
    func sel101Before() {
        let dec = DL.decision(.adultTreatmentOutpatient, on: "2013-03-01", request: "2013-02-20")
        #expect(DL.errors(DL.check(dec, born: "1997-01-01")).isEmpty)
        let start = DL.deadlines(DL.file(born: "1997-01-01", decisions: [dec])).first { $0.kind == .treatmentStart }
        #expect(start?.citation(age: 16) == "serviceloven § 101, stk. 2")
    }

    /// SEL § 101 a: anonymous outpatient treatment; § 141 stk. 6: no handleplan duty. No 14-day rule in § 101 a.
    @Test("SEL § 101 a anonym behandling: ingen frist, ingen handleplan")
    func anonymous() {
        let dec = DL.decision(.anonymousTreatment, on: "2026-04-10", request: "2026-04-01")
        #expect(DL.check(dec, born: "2004-01-01").isEmpty)
        #expect(DL.deadlines(DL.file(born: "2004-01-01", decisions: [dec])).isEmpty)
        #expect(PlanKind.requirement(age: 22, on: DL.d("2026-04-10"), bases: [.anonymousTreatment]).duty == .none)
        #expect(DL.errors(DL.check(DL.decision(.anonymousTreatment, on: "2023-04-10"), born: "2004-01-01")).isEmpty)
    }

    /// Sundhedsloven § 141 stk. 2: "Alkoholbehandling skal iværksættes senest 14 dage efter, at alkoholmisbrugeren har
    /// henvendt sig til kommunen med ønske om at komme i behandling." No age limit.
    @Test("SUL § 141 alkoholbehandling: 14 dage, alle aldre, før og efter 2024")
    func alcohol() {
        for (date, request, due) in [
            ("2026-04-10", "2026-04-01", "2026-04-15"), ("2023-04-10", "2023-04-01", "2023-04-15"),
        ] {
            let dec = DL.decision(.alcoholTreatment, on: date, request: request)
            #expect(DL.errors(DL.check(dec, born: "2011-01-01")).isEmpty)
            let start = DL.deadlines(DL.file(born: "2011-01-01", decisions: [dec])).first { $0.kind == .treatmentStart }
            #expect(start?.dueDate == DL.d(due))
            #expect(start?.citation(age: 15) == "sundhedsloven § 141, stk. 2")
        }
    }
}

/// LAW.md, "Which plan": one test per row, before and after 2024-01-01.
@Suite("Hvilken plan (LAW.md-tabellen)")
struct WhichPlanTests {
    let after = DL.d("2026-03-01")
    let before = DL.d("2023-06-01")

    /// § 91 stk. 1 (tage stilling) / stk. 2 (anbringelse; § 47 before the decision).
    @Test(
        "under 16: § 32 barnets plan (tage stilling), § 46 skal, § 47 før afgørelsen",
        arguments: [
            (DecisionKind.contactPerson, PlanDuty.consider, LegalRuleID.barnetsPlanConsider),
            (.placementWithConsent, .mandatory, .barnetsPlanMandatory),
            (.placementWithoutConsent, .beforeDecision, .barnetsPlanMandatory),
        ])
    func under16(_ kind: DecisionKind, _ duty: PlanDuty, _ rule: LegalRuleID) {
        #expect(
            PlanKind.requirement(age: 14, on: after, bases: [kind])
                == PlanRequirement(kind: .barnetsPlan, duty: duty, rule: rule))
        #expect(PlanKind.requirement(age: 14, on: before, bases: [kind]).kind == .handbookActionPlan)
    }

    /// § 108 stk. 1 nr. 3 (consider) "A barnets plan may continue: warn, do not fail"; stk. 2 mandatory at a 16+
    /// placement; stk. 4 before a decision without consent.
    @Test(
        "16-17: § 32 ungeplan overvejes (barnets plan kan fortsætte), § 46 skal, § 47 før afgørelsen",
        arguments: [
            (DecisionKind.contactPerson, PlanDuty.consider, LegalRuleID.ungeplanConsider, true),
            (.placementWithConsent, .mandatory, .ungeplanMandatory, false),
            (.placementWithoutConsent, .beforeDecision, .ungeplanBeforeDecision, false),
        ])
    func sixteen(_ kind: DecisionKind, _ duty: PlanDuty, _ rule: LegalRuleID, _ mayContinue: Bool) {
        #expect(
            PlanKind.requirement(age: 16, on: after, bases: [kind])
                == PlanRequirement(kind: .ungeplan, duty: duty, rule: rule, barnetsPlanMayContinue: mayContinue))
        #expect(
            PlanKind.requirement(age: 16, on: before, bases: [kind])
                == PlanRequirement(kind: .handbookActionPlan, duty: .beforeDecision, rule: .planUnder18))
    }

    @Test("under 18, kun § 33: ingen planpligt fra § 33")
    func treatmentOnly() {
        #expect(PlanKind.requirement(age: 15, on: after, bases: [.treatmentOutpatient]).duty == .none)
        #expect(PlanKind.requirement(age: 17, on: after, bases: [.treatmentResidential]).duty == .none)
        // With a § 32 measure too, the § 32 duty applies.
        #expect(
            PlanKind.requirement(age: 15, on: after, bases: [.treatmentOutpatient, .contactPerson]).duty == .consider)
    }

    /// § 111 stk. 2 (ungeplan revised before the § 111 decision), § 108 stk. 1 nr. 3-4: the ungeplan continues at
    /// 18-22 on ungestøtte, not a SEL § 141 handleplan.
    @Test(
        "18-22 på ungestøtte: ungeplanen fortsætter, ikke en handleplan efter serviceloven § 141",
        arguments: [
            DecisionKind.youthSupportContactPerson, .youthSupportResidential, .youthSupportTransition,
            .youthSupportOther, .maintainedPlacement,
        ])
    func youthSupport(_ kind: DecisionKind) {
        let r = PlanKind.requirement(age: 22, on: after, bases: [kind])
        #expect(r.kind == .ungeplan)
        // The stillingtagen cites § 108 stk. 1 nr. 3 for §§ 114, 115 and 120 (AUDIT D14).
        #expect(r.rule == .ungeplanYouthSupport)
        #expect(
            LegalReferences.reference(r.rule).citation(on: after, age: 22) == "barnets lov § 108, stk. 1, nr. 3")
        #expect(PlanKind.requirement(age: 23, on: after, bases: [kind]).kind == .adultActionPlan)
        // § 108 stk. 2: mandatory only at a re-established døgnophold (§ 116); stk. 1 nr. 4 otherwise (AUDIT N7).
        #expect(
            PlanKind.requirement(age: 20, on: after, bases: [.youthSupportReestablished, .youthSupportResidential]).duty
                == .mandatory)
        #expect(PlanKind.requirement(age: 20, on: after, bases: [.youthSupportReestablished]).duty == .consider)
        // § 108 stk. 1 nr. 4 »Når der træffes afgørelse om støtte efter § 116, jf. § 114.« (AUDIT D14)
        let r116 = PlanKind.requirement(age: 20, on: after, bases: [.youthSupportReestablished])
        #expect(
            LegalReferences.reference(r116.rule).citation(on: after, age: 20) == "barnets lov § 108, stk. 1, nr. 4")
    }

    /// SEL § 141 stk. 1 "skønne"; stk. 6: none for § 101 a.
    @Test("18+ ellers: handleplan efter serviceloven § 141, tilbydes; ingen ved § 101 a")
    func adult() {
        #expect(
            PlanKind.requirement(age: 19, on: after, bases: [.adultTreatmentOutpatient])
                == PlanRequirement(kind: .adultActionPlan, duty: .offer, rule: .adultActionPlan))
        #expect(PlanKind.requirement(age: 19, on: after, bases: []).kind == .adultActionPlan)
        #expect(PlanKind.requirement(age: 19, on: after, bases: [.anonymousTreatment]).duty == .none)
        #expect(PlanKind.requirement(age: 19, on: before, bases: [.adultTreatmentOutpatient]).kind == .adultActionPlan)
    }

    /// SEL 2023 § 140: handleplan before a decision under § 52 or § 76; BL § 213 stk. 2 keeps them valid.
    @Test("under 23 før 2024: handleplan efter serviceloven § 140 før afgørelsen (§ 52, § 76)")
    func before2024() {
        #expect(
            PlanKind.requirement(age: 15, on: before, bases: [.handbookMeasure])
                == PlanRequirement(kind: .handbookActionPlan, duty: .beforeDecision, rule: .planUnder18))
        #expect(PlanKind.requirement(age: 20, on: before, bases: [.handbookAftercare]).kind == .handbookActionPlan)
        #expect(PlanKind.requirement(age: 20, on: before, bases: []).kind == .adultActionPlan)
    }

    @Test("den ene planvalgsfunktion bruges også til tjeklistens plannavn")
    func oneFunction() {
        #expect(
            CaseEvidence.planName(birthDate: DL.d("2005-03-01"), on: after, bases: [.youthSupportContactPerson])
                == "ungeplan")
        #expect(CaseEvidence.planName(birthDate: DL.d("2005-03-01"), on: after) == "handleplan")
        #expect(CaseEvidence.planName(birthDate: DL.d("2010-03-01"), on: after) == "ungeplan")
    }
}

/// Deadlines the issue lists that are not rows of the tables.
@Suite("Frister fra afgørelser")
struct DecisionDeadlineTests {
    /// § 95 stk. 2 nr. 1: "Når afdækningen eller undersøgelsen, som er foretaget sideløbende med en støttende indsats
    /// ... er afsluttet" if that is earlier than 3 months after the start.
    @Test("første opfølgning: det tidligste af den sideløbende undersøgelses afslutning og 3 måneder")
    func followUpParallel() {
        let exam = Examination(awareDate: DL.d("2026-02-01"), completedDate: DL.d("2026-04-10"), author: "t")
        let dec = DL.decision(.contactPerson, on: "2026-03-01", start: "2026-03-05")
        let f = DL.deadlines(DL.file(born: "2012-01-01", decisions: [dec], exam: exam)).first { $0.kind == .followUp }
        #expect(f?.dueDate == DL.d("2026-04-10"))
        let late = Examination(awareDate: DL.d("2026-02-01"), completedDate: DL.d("2026-07-10"), author: "t")
        #expect(
            DL.deadlines(DL.file(born: "2012-01-01", decisions: [dec], exam: late)).first { $0.kind == .followUp }?
                .dueDate == DL.d("2026-06-05"))
    }

    /// BL § 20 stk. 3: "Den børnefaglige undersøgelse skal afsluttes, senest 4 måneder efter ..." – an afdækning
    /// (§ 19) has no such deadline.
    @Test("4 måneder kun for en børnefaglig undersøgelse, aldrig for en afdækning")
    func afdaekning() {
        let exam = Examination(awareDate: DL.d("2026-02-01"), author: "t")
        #expect(DL.deadlines(DL.file(born: "2012-01-01", exam: exam)).map(\.kind) == [.examination])
        let light = Examination(awareDate: DL.d("2026-02-01"), kind: .afdaekning, author: "t")
        #expect(DL.deadlines(DL.file(born: "2012-01-01", exam: light)).isEmpty)
    }

    @Test("en 17-årig med kontaktperson får en påmindelse 6 måneder før 18")
    func transition() {
        let dec = DL.decision(.contactPerson, on: "2026-01-10", start: "2026-01-15")
        let ds = DL.deadlines(DL.file(born: "2008-09-20", decisions: [dec]))
        let t = ds.first { $0.kind == .transitionAt18 }
        #expect(t?.dueDate == DL.d("2026-03-20"))
        #expect(t?.citation(age: 17) == "barnets lov §§ 113-114 (tidl. serviceloven § 76)")
        // Met by a decision on ungestøtte.
        let next = DL.decision(.youthSupportContactPerson, on: "2026-03-01", id: "A2")
        #expect(
            DL.deadlines(DL.file(born: "2008-09-20", decisions: [dec, next])).first { $0.kind == .transitionAt18 }?
                .isMet == true)
        // An ended measure needs no reminder.
        var ended = dec
        ended.end = DecisionEnd(date: DL.d("2026-02-01"), reason: "slut")
        #expect(!DL.deadlines(DL.file(born: "2008-09-20", decisions: [ended])).contains { $0.kind == .transitionAt18 })
    }

    @Test("en lukket sag har ingen åbne frister")
    func closed() {
        var f = DL.file(
            born: "2012-01-01", decisions: [DL.decision(.contactPerson, on: "2026-03-01", start: "2026-03-05")])
        PlanDeadlines.merge(into: &f)
        #expect(!f.openDeadlines.isEmpty)
        f.closedDate = DL.d("2026-04-01")
        #expect(f.openDeadlines.isEmpty)
        #expect(f.status == .closed)
    }

    @Test("advarsel, når en frist falder på grundlovsdag, juleaftensdag eller nytårsaftensdag")
    func closingDays() throws {
        let dec = DL.decision(.alcoholTreatment, on: "2026-05-25", request: "2026-05-22")  // + 14 = 5 June
        let ds = DL.deadlines(DL.file(born: "2000-01-01", decisions: [dec]))
        let w = ConcernReportRules.closedDayFindings(ds)
        try #require(w.count == 1)
        #expect(w[0].message.contains("grundlovsdag"))
        #expect(
            ConcernReportRules.closedDayFindings(
                DL.deadlines(
                    DL.file(
                        born: "2000-01-01",
                        decisions: [DL.decision(.alcoholTreatment, on: "2026-05-25", request: "2026-05-21")]))
            ).isEmpty)
        #expect(DanishCalendar.isOftenClosed(DL.d("2026-12-24")) && DanishCalendar.isOftenClosed(DL.d("2026-12-31")))
    }

    @Test("afgørelsen kan ikke ligge før henvendelsen, og slut ikke før start")
    func dateOrder() {
        var dec = DL.decision(.treatmentOutpatient, on: "2026-04-01", request: "2026-04-03", start: "2026-04-05")
        dec.expectedEnd = DL.d("2026-04-04")
        let f = DL.check(dec, born: "2011-01-01")
        #expect(DL.errors(f).prefix(2) == ["indsats.dato.henvendelse", "indsats.dato.slut"])
        // Dates out of order are bad input (exit 2) whatever else is missing.
        #expect(DecisionLaw.onlyUsageErrors(f))
    }
}

@Suite("Afgørelser i sagsfilen")
struct DecisionStorageTests {
    @Test("en sagsfil uden 'decisions' læses som ingen afgørelser; en afgørelse gemmes og læses uændret")
    func roundTrip() throws {
        var file = DL.file(born: "2011-01-01")
        let data = try UngeJSON.encoder().encode(file)
        var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        object.removeValue(forKey: "decisions")
        let old = try UngeJSON.decoder().decode(CaseFile.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(old.decisions.isEmpty)
        var dec = DL.decision(
            .placementWithoutConsent, on: "2026-05-01", request: nil, start: "2026-05-02", consents: [.youngPerson],
            ground: .ownRequest)
        dec.provider = "Lyngly"
        dec.end = DecisionEnd(date: DL.d("2026-08-01"), reason: "Hjemgivet")
        file.decisions = [dec]
        let back = try UngeJSON.decoder().decode(CaseFile.self, from: try UngeJSON.encoder().encode(file))
        #expect(back.decisions == [dec])
        #expect(back.decisions[0].status(on: DL.d("2026-04-30")) == .planned)
        #expect(back.decisions[0].status(on: DL.d("2026-06-01")) == .active)
        #expect(back.decisions[0].status(on: DL.d("2026-08-01")) == .ended)
        #expect(DecisionKind.allCases.allSatisfy { DecisionKind.parse($0.token) == $0 })
        #expect(DecisionKind.parse("ungestøtte-kontaktperson") == .youthSupportContactPerson)
    }

    @Test("fristen bærer en typet lovhenvisning")
    func typedReference() {
        let d = Deadline(
            id: "x", kind: .plan, title: "t", counting: .months, dueDate: DL.d("2026-06-01"), rule: .ungeplanMandatory,
            ruleDate: DL.d("2026-03-01"))
        #expect(d.legalRule == .ungeplanMandatory)
        #expect(d.legalReferenceID == "ungeplanMandatory")
        #expect(d.citation(age: 16) == "barnets lov § 108, stk. 2-3 (tidl. serviceloven § 140)")
    }
}

/// BL § 3: "Børn og unge, der er fyldt 10 år, udøver partsbeføjelser i følgende sager: 1) Indsatser efter § 32,
/// stk. 1. 2) Social stofmisbrugsbehandling efter § 33. ... 4) Anbringelse uden for hjemmet efter § 46. ... 9)
/// Ungestøtte ... der træffes ... inden den unge fylder 18 år. 10) Sager, der behandles efter §§ 142, ...".
@Suite("Partsbeføjelser fra 10 år (LAW.md-kolonnen)")
struct PartyRightsTests {
    @Test(
        "nummeret i § 3 følger afgørelsens type",
        arguments: [
            (DecisionKind.contactPerson, "2012-01-01", "nr. 1"), (.treatmentOutpatient, "2012-01-01", "nr. 2"),
            (.placementWithConsent, "2012-01-01", "nr. 4"), (.placementWithoutConsent, "2012-01-01", "nr. 10"),
            (.youthSupportContactPerson, "2008-09-01", "nr. 9"),
        ])
    func numbers(_ kind: DecisionKind, _ born: String, _ nr: String) {
        let d = DL.decision(kind, on: "2026-05-01")
        let text = DecisionLaw.partyRights(d, age: YoungPerson(birthDate: DL.d(born)).age(on: d.decisionDate))
        #expect(text?.hasSuffix("(barnets lov § 3, \(nr)).") == true)
    }

    @Test("under 10, voksne og før 2024: ingen partsbeføjelser efter § 3")
    func none() {
        #expect(
            DecisionLaw.partyRights(DL.decision(.contactPerson, on: "2026-05-01"), age: 9)?.hasPrefix(
                "Den unge er under 10 år") == true)
        #expect(DecisionLaw.partyRights(DL.decision(.youthSupportContactPerson, on: "2026-05-01"), age: 19) == nil)
        // Before 2024 the right to appeal from 12 (SEL § 167 stk. 1 nr. 1; AUDIT row 28).
        #expect(
            DecisionLaw.partyRights(DL.decision(.handbookMeasure, on: "2023-05-01"), age: 14)
                == "Den unge er fyldt 12 år og kan selv klage over afgørelsen (serviceloven § 167, stk. 1, nr. 1).")
    }
}

@Suite("Lukkedage i fristoversigten")
struct ClosingDayOverviewTests {
    @Test("en frist på grundlovsdag vises med dagens navn i oversigten")
    func named() {
        var f = DL.file(
            born: "2000-01-01", decisions: [DL.decision(.alcoholTreatment, on: "2026-05-25", request: "2026-05-22")])
        PlanDeadlines.merge(into: &f)
        let rows = DeadlineOverview.rows(
            cases: [f], includeMet: false, now: Date(timeIntervalSince1970: 1_779_000_000),
            timeZone: DanishTime.timeZone,
            calendar: DanishCalendar())
        #expect(
            rows.map { DeadlineOverview.dueText($0, timeZone: DanishTime.timeZone) } == ["05.06.2026 (grundlovsdag!)"])
    }
}
