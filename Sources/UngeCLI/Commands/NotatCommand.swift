import Foundation
import UngeCore
import UngeStore

/// `unge notat <id> "tekst"`: add a journal entry (notatpligt). Without a text, the note is read
/// from standard input, or written in `$EDITOR` on a terminal.
struct NotatCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "notat",
        summary: "Skriv et notat i sagens journal",
        arguments: [.caseID, "tekst"],
        discussion: """
            Notatet gemmes med tidspunkt og bruger. Skriv konkret: hvad skete, hvem sagde hvad, og hvad der er aftalt.
            Skete det en anden dag (fx en telefonsamtale i går), så giv dagen med --dato; begge tidspunkter gemmes.
            Uden tekst læses notatet fra standard input, eller – i en terminal – skrives det i din editor ($EDITOR).
            Teksten skal stå i anførselstegn, så den er ét argument. Et notat (som ethvert tekstfelt i en sag)
            kan højst være 100.000 tegn; del længere tekst op i flere notater.
            """,
        options: [
            OptionSpec("--dato", value: "ÅÅÅÅ-MM-DD", help: "Dagen det skete (standard: i dag)."),
            .json,
        ],
        examples: [
            ("unge notat 2026-0001 \"Samtale med Emma og mor. Aftalt møde med skolen 12/9.\"", "Tilføj et notat"),
            (
                "unge notat 2026-0001 \"Telefonsamtale med klasselærer\" --dato 2026-08-31",
                "Et notat om en samtale i går"
            ),
            ("unge notat 2026-0001 < samtale.txt", "Tag notatet fra en fil"),
            ("unge notat 2026-0001", "Skriv notatet i din editor"),
        ],
        positionals: 1...2, positionalNames: ["sagsnummeret", "notatets tekst i anførselstegn"]
    )
    .withTooManyArguments { given in
        let id = given.first.flatMap(CaseID.init)?.rawValue ?? "2026-0001"
        return
            "Notatet er delt i flere ord. Sæt notatet i anførselstegn, fx unge notat \(id) \"Samtale med den unge og mor\"."
    }

    let id: CaseID
    let text: String?
    let date: LocalDate?
    let json: Bool

    init(_ args: ParsedArguments) throws {
        id = try Values.caseID(args.positional(0)!)
        if let t = args.positional(1) {
            let trimmed = t.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else {
                throw UsageError.missingArgument(
                    "notatets tekst, fx unge notat \(id.rawValue) \"Samtale med den unge\"", command: "notat")
            }
            text = trimmed
        } else {
            text = nil
        }
        date = try args.value("--dato").map { try Values.date($0, option: "--dato") }
        json = args.has("--json")
    }

    struct Output: Encodable {
        let id: CaseID
        let revision: Int
        let happened: LocalDate?
    }

    func run(_ ctx: Context) throws -> Int32 {
        if let date, date > ctx.today {
            throw UsageError.invalidValue(
                option: "--dato", value: date.iso,
                expected: "Et notat handler om noget, der er sket: i dag eller tidligere.")
        }
        let store = try ctx.store
        _ = try store.load(id)  // an unknown case is refused before anyone writes a note
        let body = try text ?? readText(ctx, store: store)
        let saved = try ctx.updateCase(id, store: store, commutative: true) { file in
            file.journal.append(
                JournalEntry(time: ctx.now, author: ctx.user, text: body, happened: date == ctx.today ? nil : date))
        }
        if json {
            ctx.console.print(try JSONOutput.render(Output(id: saved.id, revision: saved.revision, happened: date)))
        } else {
            ctx.console.print("Notat gemt på sag \(saved.id.rawValue) (revision \(saved.revision)).")
        }
        return ExitCode.ok
    }

    /// The note from standard input, or from `$EDITOR` when standard input is a terminal.
    private func readText(_ ctx: Context, store: any Store) throws -> String {
        var text = ""
        if ctx.console.stdinIsTerminal {
            text = try NoteEditor.write(ctx: ctx, store: store, caseID: id)
        } else {
            var lines: [String] = []
            while let line = ctx.console.readLine() { lines.append(line) }
            text = lines.joined(separator: "\n")
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw UsageError.missingArgument(
                "notatets tekst. Skriv den i anførselstegn, fx unge notat \(id.rawValue) \"Samtale med den unge\", eller send den på standard input",
                command: "notat")
        }
        return trimmed
    }
}

/// Writing a note in the user's editor, in a private folder of the store.
enum NoteEditor {
    static func write(ctx: Context, store: any Store, caseID: CaseID) throws -> String {
        let editor =
            ctx.environment["VISUAL"] ?? ctx.environment["EDITOR"]
            ?? (FileManager.default.isExecutableFile(atPath: "/usr/bin/nano") ? "nano" : "vi")
        let folder = try store.makeWorkFolder()
        defer { folder.remove() }
        let file = try folder.write(Data(), named: "notat-\(caseID.rawValue).txt")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "\(editor) \"$1\"", "unge-notat", file.path]
        do { try p.run() } catch {
            throw CLIError.data(
                "Kunne ikke starte editoren '\(editor)'. Sæt EDITOR til en editor, der findes, fx EDITOR=nano.")
        }
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw CLIError.data("Editoren sluttede med en fejl (kode \(p.terminationStatus)). Intet notat er gemt.")
        }
        return (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    }
}
