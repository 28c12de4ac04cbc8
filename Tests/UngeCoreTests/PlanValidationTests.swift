import Foundation
import Testing

@testable import UngeCore

@Suite("Planens regler efter alder og dato")
struct PlanValidationTests {
    typealias F = PlanFixtures

    /// (age on the plan date, plan date, required kind, title, subtitle).
    static let matrix: [(Int, String, PlanKind, String, String?)] = [
        (14, "2023-12-31", .handbookActionPlan, "Handleplan (serviceloven § 140)", nil),
        (15, "2023-12-31", .handbookActionPlan, "Handleplan (serviceloven § 140)", nil),
        (16, "2023-12-31", .handbookActionPlan, "Handleplan (serviceloven § 140)", nil),
        (17, "2023-12-31", .handbookActionPlan, "Handleplan (serviceloven § 140)", nil),
        (18, "2023-12-31", .adultActionPlan, "Handleplan (serviceloven § 141)", nil),
        (19, "2023-12-31", .adultActionPlan, "Handleplan (serviceloven § 141)", nil),
        (22, "2023-12-31", .adultActionPlan, "Handleplan (serviceloven § 141)", nil),
        (
            14, "2024-01-01", .barnetsPlan, "Barnets plan (barnets lov §§ 91-92)",
            "tidl. handleplan efter serviceloven § 140"
        ),
        (
            15, "2024-01-01", .barnetsPlan, "Barnets plan (barnets lov §§ 91-92)",
            "tidl. handleplan efter serviceloven § 140"
        ),
        (16, "2024-01-01", .ungeplan, "Ungeplan (barnets lov §§ 108-109)", "tidl. handleplan efter serviceloven § 140"),
        (17, "2024-01-01", .ungeplan, "Ungeplan (barnets lov §§ 108-109)", "tidl. handleplan efter serviceloven § 140"),
        (18, "2024-01-01", .adultActionPlan, "Handleplan (serviceloven § 141)", nil),
        (19, "2024-01-01", .adultActionPlan, "Handleplan (serviceloven § 141)", nil),
        (22, "2024-01-01", .adultActionPlan, "Handleplan (serviceloven § 141)", nil),
    ]

    @Test("loven kræver den rigtige plan med den rigtige titel", arguments: matrix)
    func kindAndTitle(_ row: (Int, String, PlanKind, String, String?)) {
        let (age, date, kind, title, subtitle) = row
        let day = F.d(date)
        #expect(PlanKind.required(age: age, on: day) == kind)
        let file = F.person(age: age, on: day)
        #expect(file.youngPerson.age(on: day) == age)
        let plan = F.completePlan(age: age, on: day)
        let doc = PlanDocument.build(plan, in: file, findings: [])
        #expect(doc.title == title)
        #expect(doc.subtitle == subtitle)
    }

    @Test("en fuldstændig plan består alle regler", arguments: matrix)
    func completePlanPasses(_ row: (Int, String, PlanKind, String, String?)) {
        let day = F.d(row.1)
        let findings = PlanValidator.validate(F.completePlan(age: row.0, on: day), in: F.person(age: row.0, on: day))
        #expect(findings == [])
    }

    /// (age, date, the error rule ids an empty plan gets, in order).
    static let emptyPlanErrors: [(Int, String, [String])] = [
        (
            14, "2023-12-31",
            [
                "plan.purpose", "plan.goals", "plan.measures", "plan.participation.youngPerson",
                "plan.participation.custodyHolder",
            ]
        ),
        (
            15, "2023-12-31",
            [
                "plan.purpose", "plan.goals", "plan.measures", "plan.participation.youngPerson",
                "plan.participation.custodyHolder",
            ]
        ),
        (
            16, "2023-12-31",
            [
                "plan.purpose", "plan.goals", "plan.measures", "plan.transitionGoals",
                "plan.participation.youngPerson", "plan.participation.custodyHolder",
            ]
        ),
        (
            17, "2023-12-31",
            [
                "plan.purpose", "plan.goals", "plan.measures", "plan.transitionGoals",
                "plan.participation.youngPerson", "plan.participation.custodyHolder",
            ]
        ),
        (
            18, "2023-12-31",
            [
                "plan.adultOffer", "plan.purpose", "plan.measures", "plan.otherMatters",
                "plan.participation.youngPerson",
            ]
        ),
        (
            14, "2024-01-01",
            [
                "plan.purpose", "plan.goals", "plan.measures", "plan.participation.youngPerson",
                "plan.participation.custodyHolder",
            ]
        ),
        (
            15, "2024-01-01",
            [
                "plan.purpose", "plan.goals", "plan.measures", "plan.participation.youngPerson",
                "plan.participation.custodyHolder",
            ]
        ),
        (
            16, "2024-01-01",
            [
                "plan.purpose", "plan.goals", "plan.measures", "plan.transitionGoals", "plan.participation.youngPerson",
                "plan.participation.custodyHolder",
            ]
        ),
        (
            17, "2024-01-01",
            [
                "plan.purpose", "plan.goals", "plan.measures", "plan.transitionGoals", "plan.participation.youngPerson",
                "plan.participation.custodyHolder",
            ]
        ),
        (
            18, "2024-01-01",
            [
                "plan.adultOffer", "plan.purpose", "plan.measures", "plan.otherMatters",
                "plan.participation.youngPerson",
            ]
        ),
        (
            19, "2024-01-01",
            [
                "plan.adultOffer", "plan.purpose", "plan.measures", "plan.otherMatters",
                "plan.participation.youngPerson",
            ]
        ),
        (
            22, "2024-01-01",
            [
                "plan.adultOffer", "plan.purpose", "plan.measures", "plan.otherMatters",
                "plan.participation.youngPerson",
            ]
        ),
    ]

    @Test("en tom plan afvises med hvert manglende afsnit", arguments: emptyPlanErrors)
    func emptyPlan(_ row: (Int, String, [String])) {
        let day = F.d(row.1)
        let file = F.person(age: row.0, on: day)
        let plan = ActionPlan(version: 1, date: day, author: "Lene", kind: PlanKind.required(age: row.0, on: day))
        let errors = PlanValidator.validate(plan, in: file).filter { $0.severity == .error }
        #expect(errors.map(\.ruleID) == row.2)
        #expect(errors.allSatisfy { $0.citation != nil })
    }

    @Test("hver afvisning nævner paragraffen efter datoen")
    func citations() {
        let before = F.d("2023-12-31")
        let after = F.d("2024-01-01")
        func cite(_ id: String, age: Int, on day: LocalDate) -> String? {
            let plan = ActionPlan(version: 1, date: day, author: "x", kind: PlanKind.required(age: age, on: day))
            return PlanValidator.validate(plan, in: F.person(age: age, on: day)).first { $0.ruleID == id }?.citation
        }
        #expect(cite("plan.transitionGoals", age: 16, on: before) == "serviceloven § 140, stk. 2")
        #expect(
            cite("plan.transitionGoals", age: 16, on: after)
                == "barnets lov § 109, stk. 1 (tidl. serviceloven § 140, stk. 2)")
        #expect(cite("plan.purpose", age: 14, on: after) == "barnets lov §§ 91-92 (tidl. serviceloven § 140)")
        #expect(cite("plan.purpose", age: 17, on: after) == "barnets lov §§ 108-109 (tidl. serviceloven § 140)")
        #expect(cite("plan.purpose", age: 15, on: before) == "serviceloven § 140")
        #expect(cite("plan.adultOffer", age: 19, on: after) == "serviceloven § 141")
        #expect(
            cite("plan.participation.custodyHolder", age: 14, on: after)
                == "barnets lov §§ 91-92 (tidl. serviceloven § 140)")
    }

    @Test("under 18 kræves en undersøgelse; fra 18 de tre grundlag i stedet", arguments: [14, 16, 17, 18, 22])
    func examinationRequired(age: Int) {
        let day = F.d("2026-09-01")
        var file = F.person(age: age, on: day)
        file.examination = nil
        let findings = PlanValidator.validate(F.completePlan(age: age, on: day), in: file)
        if age < 18 {
            #expect(findings.map(\.ruleID) == ["plan.examination"])
            #expect(
                findings.first?.message
                    == "Der er ikke registreret en børnefaglig undersøgelse eller afdækning. For en ung under 18 skal planen bygge på den. Registrér den med 'unge undersoeg'."
            )
            #expect(findings.first?.citation == "barnets lov § 20 (tidl. serviceloven § 50)")
        } else {
            #expect(findings == [])
        }
    }

    @Test("fra 18: tilbuddet skal være besvaret; et nej gør planen til dokumentation af tilbuddet")
    func adultOffer() {
        let day = F.d("2026-09-01")
        let file = F.person(age: 19, on: day)
        var plan = F.completePlan(age: 19, on: day)
        plan.offer = PlanOffer(offeredDate: day, response: .pending)
        #expect(
            PlanValidator.validate(plan, in: file).map(\.message) == [
                "Den unge har ikke svaret på tilbuddet om en handleplan. Registrér, om den unge takker ja eller nej."
            ])
        let declined = ActionPlan(
            version: 1, date: day, author: "x", kind: .adultActionPlan,
            offer: PlanOffer(offeredDate: day, response: .declined, responseDate: day))
        let findings = PlanValidator.validate(declined, in: file)
        #expect(findings.map(\.ruleID) == ["plan.adultOffer.declined"])
        #expect(findings.first?.severity == .warning)
    }

    @Test("forældremyndighedsindehaveren skal have været med til at formulere målene")
    func custodyHolder() {
        let day = F.d("2026-09-01")
        let file = F.person(age: 15, on: day)
        var plan = F.completePlan(age: 15, on: day)
        plan.participants.removeAll { $0.role == .custodyHolder }
        var f = PlanValidator.validate(plan, in: file)
        #expect(
            f.map(\.message) == [
                "Mette Testesen (forældremyndighedsindehaver) har ikke været med til at formulere målene. Notér deltagelsen, eller skriv hvorfor det ikke var muligt."
            ])
        #expect(f.first?.severity == .error)
        plan.participants.append(
            Participant(name: "Mette Testesen", role: .custodyHolder, note: "Ønskede ikke at deltage"))
        f = PlanValidator.validate(plan, in: file)
        #expect(f.map(\.severity) == [.warning])
    }

    @Test("fra 16 skal overgangsmålene handle om uddannelse eller beskæftigelse")
    func transitionTopics() {
        let day = F.d("2026-09-01")
        var plan = F.completePlan(age: 16, on: day)
        plan.transitionGoals = [Goal(id: "O1", text: "Finde en bolig", transitionTopic: .housing)]
        let f = PlanValidator.validate(plan, in: F.person(age: 16, on: day))
        #expect(f.map(\.ruleID) == ["plan.transitionGoals.topics"])
        #expect(f.first?.severity == .warning)
    }

    @Test("første opfølgning senest 3 måneder efter, at støtten begyndte")
    func followUp() {
        let day = F.d("2026-09-01")
        var plan = F.completePlan(age: 14, on: day)
        plan.nextFollowUp = F.d("2026-12-02")
        let f = PlanValidator.validate(plan, in: F.person(age: 14, on: day))
        #expect(
            f.map(\.message) == [
                "Første opfølgning (2. december 2026) ligger mere end 3 måneder efter, at støtten begyndte (1. september 2026). Seneste dato er 1. december 2026."
            ])
        #expect(f.first?.citation == "barnets lov § 95 (tidl. serviceloven § 70)")
        plan.nextFollowUp = nil
        #expect(PlanValidator.validate(plan, in: F.person(age: 14, on: day)).map(\.ruleID) == ["plan.followUp"])
    }

    @Test("varighed mangler på en indsats")
    func duration() {
        let day = F.d("2026-09-01")
        var plan = F.completePlan(age: 14, on: day)
        plan.measures[0].expectedDuration = nil
        let f = PlanValidator.validate(plan, in: F.person(age: 14, on: day))
        #expect(f.map(\.message) == ["Den forventede varighed mangler for indsatsen 'Fast kontaktperson'."])
        #expect(f.first?.citation == "barnets lov § 32 (tidl. serviceloven § 52)")
    }

    @Test("planens type skal passe til alderen på planens dato")
    func wrongKind() {
        let day = F.d("2026-09-01")
        var plan = F.completePlan(age: 16, on: day)
        plan.kind = .barnetsPlan
        // LAW.md "Which plan", 16-17 on § 32: "A barnets plan may continue: warn, do not fail".
        let f = PlanValidator.validate(plan, in: F.person(age: 16, on: day))
        #expect(!f.contains { $0.ruleID == "plan.kind" })
        #expect(f.first { $0.ruleID == "plan.kind.ungeplan" }?.severity == .warning)
        // BL § 108 stk. 2: "I sager om anbringelse uden for hjemmet, jf. §§ 46 og 47, hvor den unge er fyldt
        // 16 år ... skal kommunalbestyrelsen udarbejde en ungeplan." An error only at a 16+ placement.
        var placed = F.person(age: 16, on: day)
        placed.decisions = [
            Decision(
                id: "A1", kind: .placementWithConsent, decisionDate: day, purpose: "p", author: "x",
                recorded: Date(timeIntervalSince1970: 0))
        ]
        let g = PlanValidator.validate(plan, in: placed)
        #expect(g.first?.ruleID == "plan.kind")
        #expect(
            g.first?.message
                == "Planen er en Barnets plan (barnets lov §§ 91-92), men på planens dato (1. september 2026) kræver loven en Ungeplan (barnets lov §§ 108-109) for en ung på 16 år med de afgørelser, planen bygger på (A1)."
        )
    }

    @Test("uden fødselsdato kan planens type ikke vælges")
    func noBirthDate() {
        let day = F.d("2026-09-01")
        var file = F.person(age: 14, on: day)
        file.youngPerson.birthDate = nil
        let f = PlanValidator.validate(F.completePlan(age: 14, on: day), in: file)
        #expect(f.first?.ruleID == "plan.birthDate")
        #expect(f.first?.severity == .error)
    }

    @Test("dobbelte målnumre afvises")
    func duplicateIDs() {
        let day = F.d("2026-09-01")
        var plan = F.completePlan(age: 14, on: day)
        plan.goals.append(Goal(id: "M1", text: "Spille fodbold", area: .leisureAndFriends))
        #expect(
            PlanValidator.validate(plan, in: F.person(age: 14, on: day)).map(\.message) == [
                "Målnummeret M1 er brugt mere end én gang."
            ])
    }
}

@Suite("Positive mål (håndbogen kap. 4)")
struct PlanStopGoalTests {
    @Test(
        "mål, der kun siger hvad den unge skal holde op med, får en advarsel",
        arguments: [
            "Stoppe med at ryge hash", "Ophøre med alkohol", "Ikke mere hash i skolen", "Holde op med at pjække",
        ])
    func stopGoals(text: String) {
        let day = PlanFixtures.d("2026-09-01")
        var plan = PlanFixtures.completePlan(age: 14, on: day)
        plan.goals[0].text = text
        let f = PlanValidator.validate(plan, in: PlanFixtures.person(age: 14, on: day))
        #expect(f.map(\.ruleID) == ["plan.goals.positive"])
        #expect(f.first?.severity == .warning)
        #expect(f.first?.citation == "håndbogen kap. 4")
        #expect(
            f.first?.message
                == "Mål M1 ('\(text)') siger, hvad den unge skal holde op med. Formulér det som et positivt mål: hvor vil den unge gerne hen? At stoppe kan være et delmål på vejen."
        )
    }

    @Test("positive mål giver ingen advarsel", arguments: ["Blive kok", "Gå i skole hver dag", "Spille håndbold igen"])
    func positiveGoals(text: String) {
        #expect(!StopGoalRule.isStopGoal(text))
    }
}
