import Foundation
import Testing

@testable import UngeCore

/// Documents state only facts and look official: empty fields read "Ikke oplyst", no date is
/// invented, the letterhead names municipality, unit and author, every printed page carries the
/// case number, "Fortroligt" and its page number, and plans end with signature lines.
@Suite("Officielle dokumenter")
struct OfficialDocumentTests {
    typealias S = NotificationTestSupport
    typealias F = PlanFixtures

    static let letterhead = Document.Letterhead(
        municipality: "Nordby Kommune", unit: "Børn og Unge, Myndighed", author: "Lene Dahl",
        authorTitle: "Socialrådgiver",
        caseID: "2026-0100", date: S.day(2026, 9, 1))

    @Test("tomme felter hedder »Ikke oplyst«, og intet er opfundet")
    func emptyFields() throws {
        var draft = try S.draft("eksempel.json")
        draft.parentCooperation = nil
        draft.youngPersonInformed = true
        draft.youngPersonComments = nil
        draft.parentsInformed = false
        draft.notInformedReason = nil
        var file = CaseFile(
            id: CaseID("2026-0100")!, created: S.at(2026, 4, 1, 9, 0),
            youngPerson: YoungPerson(name: "Mikkel Testesen", birthDate: S.day(2012, 3, 7)))
        let report = ConcernRegistration.register(
            draft, on: &file, received: S.at(2026, 4, 1, 9, 30), now: S.at(2026, 4, 1, 9, 30), author: "lene",
            timeZone: S.copenhagen, addingWorkingDays: S.addWorkingDays)
        var doc = ConcernReportDocument.build(
            report: report, youngPerson: file.youngPerson, caseID: file.id, deadlines: file.deadlines,
            timeZone: S.copenhagen)
        doc.letterhead = Self.letterhead
        let md = MarkdownRenderer.render(doc)
        #expect(!md.contains("ingen bemærkninger"))
        #expect(md.contains("- **Den unges kommentarer:** Ikke oplyst"))
        #expect(md.contains("- **Begrundelse for at underrette uden forældrenes viden:** Ikke oplyst"))
        #expect(md.contains("## 2. Samarbejdet med forældrene\n\nIkke oplyst\n"))
        try F.expectGolden(md, "dokumenter/underretning-tomme-felter.md")
    }

    @Test("en voksens plan: svaret på tilbuddet har ingen dato, når ingen er givet")
    func noInventedDate() throws {
        let date = S.day(2026, 9, 1)
        let file = F.person(age: 19, on: date)
        var plan = F.completePlan(age: 19, on: date)
        plan.offer = PlanOffer(offeredDate: S.day(2026, 8, 20), response: .accepted)
        let md = MarkdownRenderer.render(PlanDocument.build(plan, in: file, findings: []))
        #expect(md.contains("- **Tilbudt:** 20. august 2026\n- **Den unges svar:** takket ja\n"))
        #expect(!md.contains("Svaret"))
    }

    @Test("brevhoved, sidehoved og -fod på hver side og underskrifter (golden)")
    func letterheadAndSignatures() throws {
        let date = S.day(2026, 9, 1)
        var file = F.person(age: 14, on: date)
        file.network.people.append(
            NetworkPerson(name: "Karsten Testesen", relation: "far", arena: .family, custodyHolder: true))
        var doc = PlanDocument.build(F.completePlan(age: 14, on: date), in: file, findings: [])
        doc.setLetterhead(Self.letterhead, authorUser: "Lene")
        #expect(
            doc.signatures == [
                Document.Signature(name: "Test Testesen", role: "den unge"),
                Document.Signature(name: "Mette Testesen", role: "forældremyndighedsindehaver"),
                Document.Signature(name: "Karsten Testesen", role: "forældremyndighedsindehaver"),
            ])
        let md = MarkdownRenderer.render(doc)
        #expect(
            md.hasPrefix(
                "**Nordby Kommune, Børn og Unge, Myndighed**  \nUdarbejdet af Lene Dahl, Socialrådgiver · 1. september 2026 · Sag 2026-0100 · Fortroligt\n\n# Barnets plan"
            ))
        #expect(md.contains("- **Udarbejdet af:** Lene Dahl, Socialrådgiver"))
        #expect(
            md.hasSuffix(
                "## Underskrifter\n\nDato: ______________  Underskrift: ________________________________\nTest Testesen, den unge\n\nDato: ______________  Underskrift: ________________________________\nMette Testesen, forældremyndighedsindehaver\n\nDato: ______________  Underskrift: ________________________________\nKarsten Testesen, forældremyndighedsindehaver\n"
            ))
        try F.expectGolden(md, "dokumenter/barnets-plan-brevhoved.md")
        let html = HTMLRenderer.render(doc)
        #expect(html.contains("@top-left { content: \"Sag 2026-0100\""))
        #expect(html.contains("@top-right { content: \"Fortroligt\""))
        #expect(html.contains("@bottom-left { content: \"Nordby Kommune, Børn og Unge, Myndighed\""))
        #expect(html.contains("@bottom-right { content: \"Side \" counter(page) \" af \" counter(pages)"))
        #expect(html.contains("<div class=\"org\"><strong>Nordby Kommune</strong><br>Børn og Unge, Myndighed</div>"))
        #expect(html.contains("<p>Mette Testesen, forældremyndighedsindehaver</p>"))
        try F.expectGolden(html, "dokumenter/barnets-plan-brevhoved.html")

        // An adult signs alone.
        let adult = PlanDocument.build(F.completePlan(age: 19, on: date), in: F.person(age: 19, on: date), findings: [])
        #expect(adult.signatures == [Document.Signature(name: "Test Testesen", role: "den unge")])
    }

    @Test("paragraffer brydes aldrig, og henvisninger har ingen klammer i klammer")
    func paragraphsAndBrackets() {
        #expect(
            HTMLRenderer.text("barnets lov §§ 91-92 (tidl. serviceloven § 155 b) og stk. 3")
                == "barnets lov <span class=\"nb\">§§&nbsp;91-92</span> (tidl. serviceloven <span class=\"nb\">§&nbsp;155&nbsp;b</span>) og <span class=\"nb\">stk.&nbsp;3</span>"
        )
        #expect(HTMLRenderer.text("§ 3 og 46") == "<span class=\"nb\">§&nbsp;3</span> og 46")
        #expect(HTMLRenderer.text("<b> & \"x\"") == "&lt;b&gt; &amp; &quot;x&quot;")
        let cite = LegalReferences.reference(.heightenedDuty).citation(on: S.day(2026, 9, 1))
        #expect(cite == "barnets lov § 133 (tidl. serviceloven § 153)")
        #expect(
            Citing.inline("skærpet underretningspligt", citation: cite)
                == "skærpet underretningspligt, jf. barnets lov § 133 (tidl. serviceloven § 153)")
        #expect(
            Citing.sentence("Formålet mangler.", citation: cite)
                == "Formålet mangler. Lovgrundlag: barnets lov § 133 (tidl. serviceloven § 153).")
        for text in [Citing.inline("x", citation: cite), Citing.sentence("x", citation: cite)] {
            var depth = 0
            var deepest = 0
            for ch in text {
                if ch == "(" {
                    depth += 1
                    deepest = max(deepest, depth)
                } else if ch == ")" {
                    depth -= 1
                }
            }
            #expect(deepest == 1)
        }
    }
}
