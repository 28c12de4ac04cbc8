import Foundation
import Testing

@testable import UngeCore

@Suite("Frister fra undersøgelse og plan")
struct PlanDeadlinesTests {
    typealias F = PlanFixtures

    @Test("undersøgelse 4 måneder, plan 3 måneder efter afgørelsen, første opfølgning 3 måneder")
    func sofie() throws {
        var file = try F.sofie()
        file.actionPlans = [try F.sofiePlan()]
        let ds = PlanDeadlines.compute(for: file)
        #expect(
            ds.map { "\($0.id) \($0.kind.rawValue) \($0.dueDate.iso) \($0.legalReferenceID) \($0.isMet)" } == [
                "undersoegelse examination 2026-08-20 examinationDeadline true",
                "plan-afgoerelse plan 2026-11-20 ungeplan true",
                "opfoelgning-foerste followUp 2026-12-07 followUp false",
            ])
    }

    @Test("en ung med barnets plan før 16 skal have en ungeplan senest 3 måneder efter 16-årsdagen")
    func sixteen() throws {
        var file = try F.sofie()  // born 2 February 2010
        let early = ActionPlan(version: 1, date: F.d("2025-11-01"), author: "x", kind: .barnetsPlan)
        file.actionPlans = [early]
        let d = try #require(PlanDeadlines.compute(for: file).first { $0.id == "plan-16aar" })
        #expect(d.dueDate == F.d("2026-05-02"))
        #expect(!d.isMet)
        file.actionPlans.append(ActionPlan(version: 2, date: F.d("2026-03-01"), author: "y", kind: .ungeplan))
        #expect(PlanDeadlines.compute(for: file).first { $0.id == "plan-16aar" }?.metBy == "y")
    }

    @Test("en anbragt ung: afgørelse om ungestøtte senest 6 måneder før 18-årsdagen")
    func youthSupport() throws {
        var file = try F.sofie()
        var plan = try F.sofiePlan()
        plan.measures.append(
            Measure(kind: .placement, provider: "Opholdssted", start: F.d("2026-10-01"), expectedDuration: "1 år"))
        file.actionPlans = [plan]
        let d = try #require(PlanDeadlines.compute(for: file).first { $0.kind == .youthSupportDecision })
        #expect(d.dueDate == F.d("2027-08-02"))
        #expect(d.legalReferenceID == "youthSupportDecision")
    }

    @Test("merge erstatter kun egne frister og bevarer andre")
    func merge() throws {
        var file = try F.sofie()
        let other = Deadline(
            id: "underretning-1-vurdering", kind: .assessment, title: "x", counting: .hours, dueDate: F.d("2026-04-21"),
            legalReferenceID: "assessment24h", ruleDate: F.d("2026-04-20"))
        file.deadlines = [
            other,
            Deadline(
                id: "undersoegelse", kind: .examination, title: "gammel", counting: .months, dueDate: F.d("2000-01-01"),
                legalReferenceID: "x", ruleDate: F.d("2000-01-01")),
        ]
        PlanDeadlines.merge(into: &file)
        #expect(file.deadlines.map(\.id) == ["underretning-1-vurdering", "undersoegelse", "plan-afgoerelse"])
        #expect(file.deadlines[1].dueDate == F.d("2026-08-20"))
    }
}
