import Foundation
import Testing
@testable import UngeCore

@Suite("Underretning: genvurdering når den unge allerede får støtte")
struct NotificationReassessmentTests {
    let day = LocalDate(year: 2026, month: 9, day: 1)!
    let old = LocalDate(year: 2023, month: 9, day: 1)!

    func caseFile(withPlan: Bool) -> CaseFile {
        var f = CaseFile(id: CaseID("2026-0009")!, created: Date(timeIntervalSince1970: 0), youngPerson: YoungPerson(name: "Test", birthDate: LocalDate(year: 2011, month: 1, day: 1)))
        if withPlan { f.actionPlans.append(ActionPlan(version: 1, date: day, author: "test")) }
        return f
    }

    @Test("ingen støtte, ingen sag: ingen advarsel")
    func none() {
        #expect(ConcernReportRules.reassessmentFindings(existing: nil, on: day).isEmpty)
        #expect(ConcernReportRules.reassessmentFindings(existing: caseFile(withPlan: false), on: day).isEmpty)
    }

    @Test("en plan på sagen giver en advarsel efter BL § 137, før 2024 SEL § 155 a")
    func withSupport() {
        let f = ConcernReportRules.reassessmentFindings(existing: caseFile(withPlan: true), on: day)
        #expect(f.count == 1)
        #expect(f[0].severity == .warning)
        #expect(f[0].citation == "barnets lov § 137 (tidl. serviceloven § 155 a)")
        #expect(f[0].message.contains("mindst én fagperson, der ikke har haft sagen før"))
        #expect(ConcernReportRules.reassessmentFindings(existing: caseFile(withPlan: true), on: old)[0].citation == "serviceloven § 155 a")
    }
}
