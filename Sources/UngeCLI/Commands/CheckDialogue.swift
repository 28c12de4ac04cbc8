import Foundation
import UngeCore

/// Asks the caseworker the checklist items the case cannot answer, one at a time, on stderr.
///
/// Enter keeps an earlier answer (or skips an item never answered); giving the same answer again also
/// keeps it. End of input cancels the dialogue, and nothing is saved.
struct CheckDialogue {
    let console: Console
    let today: LocalDate
    let user: String

    /// The new answers, in the order asked.
    func ask(_ items: [ItemResult]) throws -> [ChecklistAnswer] {
        guard !items.isEmpty else { return [] }
        let prompter = Prompter(console: console)
        console.error(
            "\(items.count) punkter kan sagen ikke svare på. Svar ja, nej eller delvis; Enter springer over eller beholder det tidligere svar.\n"
        )
        var answers: [ChecklistAnswer] = []
        for r in items {
            console.error(ChecklistText.prompt(r))
            let value: ChecklistAnswerValue? = try prompter.ask(
                "Svar (ja/nej/delvis)", required: false, defaultValue: r.saved?.answer.danish,
                parse: { text in
                    ChecklistAnswerValue.parse(text).map { .success($0) }
                        ?? .failure(.message("Svar ja, nej eller delvis – eller tryk Enter for at springe over."))
                })
            guard let value, value != r.saved?.answer else {
                console.error("")
                continue
            }
            let note = try prompter.ask("Note (valgfri)", required: false)
            answers.append(ChecklistAnswer(itemID: r.item.id, answer: value, note: note, date: today, user: user))
            console.error("")
        }
        return answers
    }
}
