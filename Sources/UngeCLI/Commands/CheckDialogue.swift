import Foundation
import UngeCore

/// Asks the caseworker the checklist items the case cannot answer, one at a time, on stderr, in the
/// same save pipeline as the document dialogues (drafts, resume, g/r/k/x).
///
/// Enter keeps an earlier answer (or skips an item never answered); giving the same answer again also
/// keeps it.
struct CheckDialogue {
    let console: Console
    let today: LocalDate
    let user: String

    /// The new answers, in the order asked.
    func ask(_ p: DialogueSession, _ items: [ItemResult]) throws -> [ChecklistAnswer] {
        guard !items.isEmpty else { return [] }
        let chapters = Checklist.chapters.filter { c in items.contains { r in c.items.contains { $0.id == r.item.id } }
        }
        p.plan(sections: chapters.map { "Kapitel \($0.number): \($0.title)" })
        console.guide(
            "\(items.count) punkter kan sagen ikke svare på. Svar ja, nej eller delvis; Enter springer over eller beholder det tidligere svar.",
            indent: "")
        var answers: [ChecklistAnswer] = []
        for chapter in chapters {
            let asked = items.filter { r in chapter.items.contains { $0.id == r.item.id } }
            p.section("Kapitel \(chapter.number): \(chapter.title)")
            for r in asked {
                p.say(ChecklistText.prompt(r))
                let value: ChecklistAnswerValue? = try p.ask(
                    "Svar på \(r.item.id) (ja/nej/delvis)", required: false, defaultValue: r.saved?.answer.danish,
                    parse: { text in
                        ChecklistAnswerValue.parse(text).map { .success($0) }
                            ?? .failure(.message("Svar ja, nej eller delvis – eller tryk Enter for at springe over."))
                    })
                guard let value, value != r.saved?.answer else { continue }
                let note = try p.ask("Note til \(r.item.id) (kan springes over)", required: false)
                answers.append(ChecklistAnswer(itemID: r.item.id, answer: value, note: note, date: today, user: user))
            }
        }
        return answers
    }
}
