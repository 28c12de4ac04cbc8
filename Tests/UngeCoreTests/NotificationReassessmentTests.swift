import Foundation
import Testing

@testable import UngeCore

/// BL § 137 stk. 1: "Når kommunalbestyrelsen modtager en underretning om et barn eller en ung, over for hvem
/// kommunalbestyrelsen allerede har iværksat støttende indsatser efter § 32, anbringelse efter §§ 46, 47 eller 67
/// ..., skal kommunalbestyrelsen genvurdere sagen." The trigger is running support, plan or no plan.
@Suite("Underretning: genvurdering når den unge allerede får støtte")
struct NotificationReassessmentTests {
    let day = LocalDate(year: 2026, month: 9, day: 1)!
    let old = LocalDate(year: 2023, month: 9, day: 1)!

    func caseFile(withPlan: Bool = false, decisions: [Decision] = []) -> CaseFile {
        var f = CaseFile(
            id: CaseID("2026-0009")!, created: Date(timeIntervalSince1970: 0),
            youngPerson: YoungPerson(name: "Test", birthDate: LocalDate(year: 2011, month: 1, day: 1)))
        if withPlan { f.actionPlans.append(ActionPlan(version: 1, date: day, author: "test")) }
        f.decisions = decisions
        return f
    }

    func decision(_ kind: DecisionKind, start: LocalDate?, end: LocalDate? = nil) -> Decision {
        Decision(
            id: "A1", kind: kind, decisionDate: start ?? day, purpose: "x", author: "t",
            recorded: Date(timeIntervalSince1970: 0),
            start: start, end: end.map { DecisionEnd(date: $0, reason: "slut") })
    }

    @Test("ingen støtte, ingen sag: ingen advarsel")
    func none() {
        #expect(ConcernReportRules.reassessmentFindings(existing: nil, on: day).isEmpty)
        #expect(ConcernReportRules.reassessmentFindings(existing: caseFile(), on: day).isEmpty)
    }

    @Test("en plan uden igangværende støtte giver ingen advarsel")
    func planWithoutSupport() {
        #expect(ConcernReportRules.reassessmentFindings(existing: caseFile(withPlan: true), on: day).isEmpty)
    }

    @Test("igangværende § 32-støtte uden plan giver advarsel efter BL § 137")
    func supportWithoutPlan() throws {
        let file = caseFile(decisions: [decision(.contactPerson, start: LocalDate(year: 2026, month: 5, day: 1)!)])
        let f = ConcernReportRules.reassessmentFindings(existing: file, on: day)
        try #require(f.count == 1)
        #expect(f[0].severity == .warning)
        #expect(f[0].citation == "barnets lov § 137 (tidl. serviceloven § 155 a)")
        #expect(f[0].message.contains("fast kontaktperson (A1)"))
        #expect(f[0].message.contains("mindst én fagperson, der ikke har haft sagen før"))
    }

    @Test(
        "§ 46 og § 47 udløser genvurdering; § 33 alene og afsluttet støtte gør ikke; uden start formodes støtten at løbe fra afgørelsen",
        arguments: [
            (DecisionKind.placementWithConsent, true, false, true),
            (.placementWithoutConsent, true, false, true),
            (.treatmentOutpatient, true, false, false),
            // No start recorded: presumed running from the decision date for § 137 (AUDIT row 24).
            (.contactPerson, false, false, true),
            (.contactPerson, true, true, false),
        ])
    func triggers(_ kind: DecisionKind, _ started: Bool, _ ended: Bool, _ warns: Bool) {
        let start = started ? LocalDate(year: 2026, month: 5, day: 1)! : nil
        let file = caseFile(decisions: [
            decision(kind, start: start, end: ended ? LocalDate(year: 2026, month: 8, day: 1)! : nil)
        ])
        #expect(!ConcernReportRules.reassessmentFindings(existing: file, on: day).isEmpty == warns)
    }

    @Test("før 2024: serviceloven § 155 a")
    func before2024() {
        let file = caseFile(decisions: [decision(.handbookMeasure, start: LocalDate(year: 2023, month: 5, day: 1)!)])
        #expect(
            ConcernReportRules.reassessmentFindings(existing: file, on: old).first?.citation == "serviceloven § 155 a")
    }

    @Test("sager uden afgørelser: en plan med en indsats, der er startet, tæller som støtte")
    func legacyPlan() {
        var file = caseFile()
        file.actionPlans.append(
            ActionPlan(
                version: 1, date: day, author: "t",
                measures: [
                    Measure(kind: .contactPerson, description: "k", start: LocalDate(year: 2026, month: 6, day: 1)!)
                ]))
        #expect(ConcernReportRules.reassessmentFindings(existing: file, on: day).count == 1)
    }
}
