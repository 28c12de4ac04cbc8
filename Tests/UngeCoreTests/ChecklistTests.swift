import Foundation
import Testing

@testable import UngeCore

@Suite("Tjeklisterne som data")
struct ChecklistTests {
    @Test("21 punkter fordelt 4, 5, 4, 3 og 5 på kapitel 3-7")
    func counts() {
        #expect(Checklist.items.count == 21)
        #expect(Checklist.chapters.map(\.number) == [3, 4, 5, 6, 7])
        #expect(Checklist.chapters.map(\.items.count) == [4, 5, 4, 3, 5])
        #expect(
            Checklist.chapters.map(\.title) == [
                "Bekymret? De første skridt", "Relationen til den unge", "Den unges netværk", "Det gode samarbejde",
                "Sagsbehandling",
            ])
    }

    @Test("id'er er entydige og følger kapitlet", arguments: Checklist.chapters)
    func ids(_ chapter: Chapter) {
        #expect(chapter.items.map(\.id) == (1...chapter.items.count).map { "\(chapter.number).\($0)" })
        #expect(chapter.items.allSatisfy { $0.chapter == chapter.number })
    }

    @Test("hvert punkt har spørgsmål, forklaring og henvisning til kapitlet", arguments: Checklist.items)
    func content(_ item: ChecklistItem) {
        #expect(item.question.hasSuffix("?"))
        #expect(!item.label.isEmpty && item.label.count <= 40)
        #expect(item.explanation.hasSuffix("."))
        #expect(item.readMore.hasPrefix("kap. \(item.chapter), afsnitte"))
        #expect(Set(Checklist.items.map(\.question)).count == 21)
    }

    @Test("disse punkter kan besvares ud fra sagen")
    func rules() {
        let withRule = Checklist.items.compactMap { i in i.evidenceRule.map { "\(i.id):\($0.rawValue)" } }
        #expect(
            withRule == [
                "3.2:concernInformed", "3.4:forumUsed", "4.4:youngPersonView", "4.5:dialogueTool", "5.1:networkArenas",
                "5.2:examinationCoverage", "5.4:networkTool", "7.2:examinationCoverage", "7.3:youngPersonView",
                "7.4:actionPlan", "7.5:treatmentLinks",
            ])
        #expect(Set(Checklist.items.compactMap(\.evidenceRule)) == Set(EvidenceRuleID.allCases))
    }

    @Test("opslag af kapitel og punkt")
    func lookup() {
        #expect(Checklist.chapter(7)?.title == "Sagsbehandling")
        #expect(Checklist.chapter(2) == nil)
        #expect(Checklist.chapter(8) == nil)
        #expect(Checklist.item("7.4")?.label == "Plan lavet")
        #expect(Checklist.item("7.6") == nil)
    }
}

@Suite("Svar på et tjeklistepunkt")
struct ChecklistAnswerTests {
    @Test(
        "det gamle strengformat og engelske navne læses",
        arguments: [
            ("\"ja\"", ChecklistAnswerValue.yes), ("\"Delvis\"", .partly), ("\"nej\"", .no), ("\"yes\"", .yes),
            ("\"partly\"", .partly), ("\"NO\"", .no),
        ])
    func decodes(_ json: String, _ expected: ChecklistAnswerValue) throws {
        let value = try UngeJSON.decoder().decode(ChecklistAnswerValue.self, from: Data(json.utf8))
        #expect(value == expected)
    }

    @Test("et ukendt svar afvises med en dansk besked")
    func rejects() {
        #expect(throws: DecodingError.self) {
            try UngeJSON.decoder().decode(ChecklistAnswerValue.self, from: Data("\"måske\"".utf8))
        }
    }

    @Test(
        "brugerens indtastning",
        arguments: [("j", ChecklistAnswerValue?.some(.yes)), (" D ", .partly), ("n", .no), ("", nil), ("jo", nil)])
    func parse(_ text: String, _ expected: ChecklistAnswerValue?) {
        #expect(ChecklistAnswerValue.parse(text) == expected)
    }

    @Test("gemmes med det danske ord og læses igen")
    func roundTrip() throws {
        let a = ChecklistAnswer(
            itemID: "7.1", answer: .partly, note: "mangler skolen", date: LocalDate(year: 2026, month: 4, day: 13)!,
            user: "mette")
        let data = try UngeJSON.encoder(pretty: false).encode(a)
        #expect(
            String(decoding: data, as: UTF8.self)
                == #"{"answer":"delvis","date":"2026-04-13","itemID":"7.1","note":"mangler skolen","user":"mette"}"#)
        #expect(try UngeJSON.decoder().decode(ChecklistAnswer.self, from: data) == a)
    }

    @Test("det seneste svar tæller; samme dag vinder det sidst gemte")
    func latest() {
        let d1 = LocalDate(year: 2026, month: 3, day: 1)!
        let d2 = LocalDate(year: 2026, month: 3, day: 2)!
        let answers = [
            ChecklistAnswer(itemID: "3.3", answer: .no, date: d2, user: "a"),
            ChecklistAnswer(itemID: "3.3", answer: .yes, date: d1, user: "b"),
            ChecklistAnswer(itemID: "3.3", answer: .partly, date: d2, user: "c"),
            ChecklistAnswer(itemID: "3.4", answer: .yes, date: d2, user: "d"),
        ]
        #expect(answers.latest(for: "3.3")?.user == "c")
        #expect(answers.latest(for: "4.1") == nil)
    }
}
