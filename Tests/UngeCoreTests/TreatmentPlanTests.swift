import Foundation
import Testing

@testable import UngeCore

@Suite("Behandlingsplanen og dens sammenhæng med planen")
struct TreatmentPlanTests {
    typealias F = PlanFixtures

    @Test("et behandlingsmål, der peger på et mål, som ikke findes, afvises")
    func danglingGoal() throws {
        let file = try F.sofie()
        let plan = try F.sofiePlan()
        var t = try F.sofieTreatment()
        t.goals[2].planGoalID = "M9"
        let f = TreatmentPlanValidator.validate(t, plan: plan, youngPerson: file.youngPerson)
        #expect(
            f.map(\.message) == [
                "Behandlingsmål B3 ('Genoptage håndbold sammen med Louise') peger på mål M9, som ikke findes i planen (version 1).",
                "Planens mål M3 ('Komme tilbage til håndbold') dækkes ikke af noget behandlingsmål.",
            ])
        #expect(f.map(\.severity) == [.error, .warning])
        #expect(f[1].citation == "håndbogen kap. 7, tjekliste")
        let c = TreatmentPlanCoherence.check(t, against: plan)
        #expect(c.unservedPlanGoals.map(\.id) == ["M3"])
        #expect(c.danglingGoals.map(\.id) == ["B3"])
        #expect(!c.isCoherent)
    }

    @Test("uden en plan kan der ikke laves en behandlingsplan")
    func noPlan() throws {
        let file = try F.sofie()
        let f = TreatmentPlanValidator.validate(try F.sofieTreatment(), plan: nil, youngPerson: file.youngPerson)
        #expect(f.map(\.ruleID) == ["treatment.plan"])
        #expect(f.first?.severity == .error)
    }

    @Test("den unge vælger reduktion eller ophør")
    func useGoal() throws {
        let file = try F.sofie()
        var t = try F.sofieTreatment()
        t.useGoal = UseGoal(choice: .undecided)
        #expect(
            TreatmentPlanValidator.validate(t, plan: try F.sofiePlan(), youngPerson: file.youngPerson).map(\.message)
                == [
                    "Den unge har ikke valgt endnu, om målet for forbruget er reduktion eller ophør."
                ])
        t.useGoal = nil
        #expect(
            TreatmentPlanValidator.validate(t, plan: try F.sofiePlan(), youngPerson: file.youngPerson).map(\.ruleID)
                == ["treatment.useGoal"])
    }

    @Test("tom behandlingsplan: leverandør og mål mangler")
    func empty() throws {
        let file = try F.sofie()
        let t = TreatmentPlan(version: 1, date: F.d("2026-09-21"), provider: "")
        let f = TreatmentPlanValidator.validate(t, plan: try F.sofiePlan(), youngPerson: file.youngPerson)
        #expect(f.filter { $0.severity == .error }.map(\.ruleID) == ["treatment.provider", "treatment.goals"])
    }

    @Test("en gammel behandlingsplan med kun version, dato og leverandør kan læses")
    func oldFile() throws {
        let t = try UngeJSON.decoder().decode(
            TreatmentPlan.self, from: Data(#"{"version":1,"date":"2026-01-05","provider":"U18"}"#.utf8))
        #expect(t == TreatmentPlan(version: 1, date: F.d("2026-01-05"), provider: "U18"))
    }
}
