import Foundation
import Testing

@testable import UngeCore

@Suite("Underretning: dokumentet")
struct NotificationDocumentTests {
    typealias S = NotificationTestSupport

    /// Registers a fixture draft on a fresh case and builds its document.
    static func document(_ fixture: String, caseID: String, showCPR: Bool = false) throws -> Document {
        let draft = try S.draft(fixture)
        let text = try #require(draft.received)
        let received = try #require(LocalTime.parse(text, in: S.copenhagen))
        var c = CaseFile(id: CaseID(caseID)!, created: received, youngPerson: draft.youngPerson)
        let report = ConcernRegistration.register(
            draft, on: &c, received: received, now: received, author: "test", timeZone: S.copenhagen,
            addingWorkingDays: S.addWorkingDays)
        return ConcernReportDocument.build(
            report: report, youngPerson: c.youngPerson, caseID: c.id, deadlines: c.deadlines,
            timeZone: S.copenhagen, showCPR: showCPR, calendar: S.calendar)
    }

    @Test("eksempel.json som Markdown og HTML (golden)")
    func golden2026() throws {
        let doc = try Self.document("eksempel.json", caseID: "2026-0042")
        try S.expectGolden(MarkdownRenderer.render(doc), "eksempel.md")
        try S.expectGolden(HTMLRenderer.render(doc), "eksempel.html")
    }

    @Test("underretning fra 2023 uden forældrenes viden (golden)")
    func golden2023() throws {
        let doc = try Self.document("uden-foraeldre.json", caseID: "2023-0007")
        try S.expectGolden(MarkdownRenderer.render(doc), "uden-foraeldre.md")
        try S.expectGolden(HTMLRenderer.render(doc), "uden-foraeldre.html")
    }

    @Test("2026: barnets lov med den tidligere paragraf i parentes")
    func legalBasis2026() throws {
        let md = MarkdownRenderer.render(try Self.document("eksempel.json", caseID: "2026-0042"))
        #expect(
            md.contains(
                "Kommunens vurdering inden for 24 timer: barnets lov § 136, stk. 2 (tidl. serviceloven § 155, stk. 2)"))
        #expect(
            md.contains("Kvittering inden 6 hverdage: barnets lov § 138, stk. 1 (tidl. serviceloven § 155 b, stk. 1)"))
        #expect(
            md.contains("Orientering af underretteren: barnets lov § 138, stk. 2 (tidl. serviceloven § 155 b, stk. 2)"))
        #expect(md.contains("Kommunen skal fortælle underretteren, om der er sat en børnefaglig undersøgelse"))
        #expect(md.contains("barnets lov § 133 (tidl. serviceloven § 153)"))
        #expect(md.contains("Senest 2. april 2026 kl. 09.30 vurderer kommunen"))
        #expect(md.contains("ikke en overlevering"))
        #expect(
            md.contains(
                "Senest 14. april 2026 (6 hverdage efter modtagelsen; skærtorsdag 2. april, langfredag 3. april, påskedag 5. april og 2. påskedag 6. april tæller ikke med) sender kommunen en kvittering"
            ))
    }

    @Test("2023: serviceloven alene")
    func legalBasis2023() throws {
        let md = MarkdownRenderer.render(try Self.document("uden-foraeldre.json", caseID: "2023-0007"))
        #expect(md.contains("Kommunens vurdering inden for 24 timer: serviceloven § 155\n"))
        #expect(md.contains("Kvittering inden 6 hverdage: serviceloven § 155 b, stk. 1\n"))
        #expect(!md.contains("barnets lov"))
        #expect(md.contains("Begrundelse for at underrette uden forældrenes viden:** Sara fortæller"))
        #expect(md.contains("(6 hverdage efter modtagelsen; store bededag 5. maj tæller ikke med)"))
    }

    @Test("CPR-nummeret er maskeret, medmindre det bedes vist")
    func cprMasked() throws {
        let masked = MarkdownRenderer.render(try Self.document("eksempel.json", caseID: "2026-0042"))
        #expect(masked.contains("670312-xxxx"))
        #expect(!masked.contains("4321"))
        let shown = MarkdownRenderer.render(try Self.document("eksempel.json", caseID: "2026-0042", showCPR: true))
        #expect(shown.contains("670312-4321"))
    }

    @Test("HTML er én selvstændig side med print-CSS")
    func htmlSelfContained() throws {
        let html = HTMLRenderer.render(try Self.document("eksempel.json", caseID: "2026-0042"))
        #expect(html.contains("@page {\n  size: A4;"))
        #expect(html.contains("@bottom-right { content: \"Side \" counter(page) \" af \" counter(pages)"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<link"))
        #expect(!html.contains("<script"))
    }

    @Test("en privatperson får kvittering (§ 138 stk. 1), men ingen orientering (stk. 2 gælder § 133)")
    func privatePerson() throws {
        var draft = try S.draft("eksempel.json")
        draft.reporterProfessional = false
        var c = CaseFile(id: CaseID("2026-0001")!, created: S.at(2026, 4, 1, 9, 30), youngPerson: draft.youngPerson)
        let report = ConcernRegistration.register(
            draft, on: &c, received: S.at(2026, 4, 1, 9, 30), now: S.at(2026, 4, 1, 9, 30), author: "t",
            timeZone: S.copenhagen, addingWorkingDays: S.addWorkingDays)
        let md = MarkdownRenderer.render(
            ConcernReportDocument.build(
                report: report, youngPerson: c.youngPerson, caseID: c.id, deadlines: c.deadlines, timeZone: S.copenhagen
            ))
        #expect(
            md.contains(
                "almindelig underretningspligt som privatperson, jf. barnets lov § 135 (tidl. serviceloven § 154)"))
        #expect(md.contains("sender kommunen en kvittering til underretteren"))
        #expect(!md.contains("Orientering af underretteren"))
        #expect(c.deadlines.map(\.id) == ["underretning-1-vurdering", "underretning-1-kvittering"])
    }
}
