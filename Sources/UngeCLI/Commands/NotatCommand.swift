import Foundation
import UngeCore
import UngeStore

/// `unge notat <id> "tekst"`: add a journal entry (notatpligt).
struct NotatCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "notat",
        summary: "Skriv et notat i sagens journal",
        arguments: [.caseID, "tekst"],
        discussion: "Notatet gemmes med tidspunkt og bruger. Skriv konkret: hvad skete, hvem sagde hvad, og hvad der er aftalt.\nEt notat (som ethvert tekstfelt i en sag) kan højst være 100.000 tegn; del længere tekst op i flere notater.",
        options: [.json],
        examples: [
            ("unge notat 2026-0001 \"Samtale med Emma og mor. Aftalt møde med skolen 12/9.\"", "Tilføj et notat"),
            ("unge notat 2026-0001 \"Telefonsamtale med klasselærer\" --bruger lene", "Tilføj et notat som en bestemt bruger"),
        ],
        positionals: 1...2, positionalNames: ["sagsnummeret", "notatets tekst i anførselstegn"])

    let id: CaseID
    let text: String
    let json: Bool

    init(_ args: ParsedArguments) throws {
        id = try Values.caseID(args.positional(0)!)
        guard let t = args.positional(1)?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else {
            throw UsageError.missingArgument("notatets tekst, fx unge notat \(args.positional(0)!) \"Samtale med den unge\"", command: "notat")
        }
        text = t
        json = args.has("--json")
    }

    struct Output: Encodable {
        let id: CaseID
        let revision: Int
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.openStore()
        let saved = try ctx.updateCase(id, store: store) { file in
            file.journal.append(JournalEntry(time: ctx.now, author: ctx.user, text: text))
        }
        if json {
            ctx.console.print(try JSONOutput.render(Output(id: saved.id, revision: saved.revision)))
        } else {
            ctx.console.print("Notat gemt på sag \(saved.id.rawValue) (revision \(saved.revision)).")
        }
        return ExitCode.ok
    }
}
