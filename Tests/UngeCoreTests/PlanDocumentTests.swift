import Foundation
import Testing

@testable import UngeCore

@Suite("Planens dokumenter (golden files)")
struct PlanDocumentTests {
    typealias F = PlanFixtures

    @Test("ungeplanen for Sofie som Markdown og HTML")
    func ungeplan() throws {
        let file = try F.sofie()
        let plan = try F.sofiePlan()
        let doc = PlanDocument.build(plan, in: file, findings: PlanValidator.validate(plan, in: file))
        #expect(doc.title == "Ungeplan (barnets lov §§ 108-109)")
        #expect(doc.subtitle == "tidl. handleplan efter serviceloven § 140")
        try F.expectGolden(MarkdownRenderer.render(doc), "plan/ungeplan.md")
        try F.expectGolden(HTMLRenderer.render(doc), "plan/ungeplan.html")
    }

    @Test("CPR-nummeret vises maskeret, medmindre det bedes vist")
    func cprMasked() throws {
        let file = try F.sofie()
        let plan = try F.sofiePlan()
        let masked = MarkdownRenderer.render(PlanDocument.build(plan, in: file, findings: []))
        #expect(masked.contains("620210-xxxx"))
        #expect(!masked.contains("620210-4342"))
        let shown = MarkdownRenderer.render(PlanDocument.build(plan, in: file, findings: [], showCPR: true))
        #expect(shown.contains("620210-4342"))
    }

    @Test("en kladde viser MANGLER ved hvert afsnit, der mangler")
    func draft() throws {
        let file = try F.sofie()
        var plan = try F.sofiePlan()
        plan.purpose = ""
        plan.transitionGoals = []
        plan.participants.removeAll { $0.role == .custodyHolder }
        plan.goals[2].text = "Stoppe med at ryge hash"
        let findings = PlanValidator.validate(plan, in: file)
        #expect(
            findings.filter { $0.severity == .error }.map(\.ruleID) == [
                "plan.purpose", "plan.transitionGoals", "plan.participation.custodyHolder",
            ])
        let md = MarkdownRenderer.render(PlanDocument.build(plan, in: file, findings: findings, draft: true))
        #expect(
            md.contains(
                "> **MANGLER:** Formålet med indsatsen mangler. Lovgrundlag: barnets lov §§ 108-109 (tidl. serviceloven § 140)."
            ))
        try F.expectGolden(md, "plan/ungeplan-kladde.md")
        // Without --kladde no MANGLER markers and no warnings in the document itself.
        let final = MarkdownRenderer.render(PlanDocument.build(plan, in: file, findings: findings))
        #expect(!final.contains("MANGLER"))
    }

    @Test("barnets plan for en 14-årig og handleplanen for en 19-årig")
    func otherKinds() throws {
        let day = F.d("2026-09-01")
        let child = F.person(age: 14, on: day)
        try F.expectGolden(
            MarkdownRenderer.render(PlanDocument.build(F.completePlan(age: 14, on: day), in: child, findings: [])),
            "plan/barnets-plan.md")
        let adult = F.person(age: 19, on: day)
        try F.expectGolden(
            MarkdownRenderer.render(PlanDocument.build(F.completePlan(age: 19, on: day), in: adult, findings: [])),
            "plan/handleplan-141.md")
        let old = F.d("2023-12-31")
        let before = F.person(age: 16, on: old)
        try F.expectGolden(
            MarkdownRenderer.render(PlanDocument.build(F.completePlan(age: 16, on: old), in: before, findings: [])),
            "plan/handleplan-140.md")
    }

    @Test("undersøgelsens sammenfatning")
    func examination() throws {
        let file = try F.sofie()
        let exam = try #require(file.examination)
        let doc = ExaminationDocument.build(exam, in: file, on: F.d("2026-08-10"))
        #expect(doc.title == "Børnefaglig undersøgelse")
        #expect(doc.subtitle == "Efter barnets lov § 20 (tidl. serviceloven § 50)")
        try F.expectGolden(MarkdownRenderer.render(doc), "plan/undersoegelse.md")
        try F.expectGolden(HTMLRenderer.render(doc), "plan/undersoegelse.html")
    }

    @Test("behandlingsplanen med sammenhæng til planen")
    func treatment() throws {
        let file = try F.sofie()
        let plan = try F.sofiePlan()
        let t = try F.sofieTreatment()
        let doc = TreatmentPlanDocument.build(t, plan: plan, in: file)
        #expect(doc.subtitle == "bygger på Ungeplan (barnets lov §§ 108-109), version 1 af 1. september 2026")
        try F.expectGolden(MarkdownRenderer.render(doc), "plan/behandlingsplan.md")
        try F.expectGolden(HTMLRenderer.render(doc), "plan/behandlingsplan.html")
    }

    @Test("versioner og forskelle mellem to versioner")
    func history() throws {
        var file = try F.sofie()
        let v1 = try F.sofiePlan()
        var v2 = try F.sofiePlan(version: 2, date: "2026-11-30")
        v2.changeNote = "Første opfølgning"
        v2.goals[2].firstSteps = ["Træning hver tirsdag"]
        v2.goals.append(Goal(id: "M4", text: "Se far en gang om måneden", area: .family))
        v2.measures.remove(at: 0)
        v2.nextFollowUp = F.d("2027-02-28")
        file.actionPlans = [v1, v2]
        try F.expectGolden(MarkdownRenderer.render(PlanHistory.historyDocument(file)), "plan/historik.md")
        let changes = PlanHistory.diff(v1, v2)
        #expect(
            changes.map { "\($0.section)|\($0.item)|\($0.kind.rawValue)" } == [
                "Mål|M3|changed", "Mål|M4|added", "Indsatser|Ambulant misbrugsbehandling|removed",
                "Næste opfølgning|Næste opfølgning|changed",
            ])
        try F.expectGolden(MarkdownRenderer.render(PlanHistory.diffDocument(v1, v2, caseID: file.id)), "plan/diff.md")
        #expect(PlanHistory.diff(v1, v1) == [])
    }
}

@Suite("Afslået tilbud om handleplan")
struct PlanDeclinedDocumentTests {
    @Test("når den unge siger nej, viser dokumentet kun tilbuddet")
    func declined() {
        let day = PlanFixtures.d("2026-09-01")
        let file = PlanFixtures.person(age: 20, on: day)
        let plan = ActionPlan(
            version: 1, date: day, author: "Lene", kind: .adultActionPlan,
            offer: PlanOffer(offeredDate: day, response: .declined, responseDate: day))
        let md = MarkdownRenderer.render(
            PlanDocument.build(plan, in: file, findings: PlanValidator.validate(plan, in: file)))
        #expect(
            md == """
                # Handleplan (serviceloven § 141)

                - **Den unge:** Test Testesen
                - **Alder:** 20 år
                - **Sagsnummer:** 2026-0100
                - **Planens dato:** 1. september 2026
                - **Version:** 1
                - **Udarbejdet af:** Lene

                ## Tilbud om handleplan

                - **Tilbudt:** 1. september 2026
                - **Den unges svar:** takket nej
                - **Svaret:** 1. september 2026

                Den unge har takket nej til en handleplan. Tilbuddet kan gentages, hvis den unge ønsker det senere.

                ## Retsgrundlag

                - serviceloven § 141: Handleplan for voksne: kommunen skønner, om den skal tilbydes (stk. 1), og skal tilbyde den ved betydeligt nedsat funktionsevne eller alvorlige sociale problemer med behov for betydelig støtte (stk. 2); den unge kan sige nej

                """)
    }
}
