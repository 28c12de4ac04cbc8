import Foundation
import Testing

@testable import UngeCore

@Suite("Sagsoverblik til udskrift")
struct CaseSheetTests {
    let today = LocalDate(year: 2026, month: 9, day: 1)!

    @Test("kørende og planlagte afgørelser står med paragraf; afsluttede står ikke")
    func decisions() throws {
        var file = try PictureTests.fixtureCase("2026-0002")
        let recorded = DanishTime.instant(today, hour: 9)
        file.decisions = [
            Decision(
                id: "A1", kind: .contactPerson, decisionDate: LocalDate(year: 2026, month: 8, day: 28)!,
                purpose: "Støtte til skolegang",
                author: "Lene Dahl", recorded: recorded, start: LocalDate(year: 2026, month: 8, day: 31)!,
                provider: "Ungeenheden"),
            Decision(
                id: "A2", kind: .contactPerson, decisionDate: LocalDate(year: 2026, month: 1, day: 5)!,
                purpose: "Gammel",
                author: "Lene Dahl", recorded: recorded, start: LocalDate(year: 2026, month: 1, day: 5)!,
                end: DecisionEnd(date: LocalDate(year: 2026, month: 6, day: 1)!, reason: "Mål nået")),
        ]
        let sheet = CaseSheet.build(file, today: today)
        #expect(sheet.decisions.count == 1)
        let md = MarkdownRenderer.render(sheet.document(pictures: nil))
        #expect(md.contains("### Afgørelser om indsatser, der kører eller er planlagt"))
        #expect(md.contains("Støtte til skolegang; besluttet 28.08.2026, i gang fra 31.08.2026, hos Ungeenheden"))
        #expect(md.contains("§"))
        #expect(!md.contains("Gammel"))
    }

    @Test("CPR maskeret som standard; tegninger kun i HTML; ingen journalnotater")
    func sheet() throws {
        let file = try PictureTests.fixtureCase("2026-0002")
        let sheet = CaseSheet.build(file, today: today)
        #expect(sheet.cpr == "800511-xxxx")
        #expect(CaseSheet.build(file, today: today, showCPR: true).cpr == "800511-4233")
        #expect(sheet.tools.map(\.tool) == ["lifeWheel", "lifeline", "stagesOfChange", "prosCons", "concernArc"])
        let html = HTMLRenderer.render(sheet.document(pictures: file))
        #expect(html.components(separatedBy: "<figure").count - 1 == 6)
        #expect(!html.contains("Første samtale med Malik og mor."))
        #expect(!MarkdownRenderer.render(sheet.document(pictures: file)).contains("<svg"))
    }
}
