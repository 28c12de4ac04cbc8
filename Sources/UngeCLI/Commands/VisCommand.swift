import Foundation
import UngeCore
import UngeStore

/// `unge vis <id>`: a readable summary of one case.
struct VisCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "vis",
        summary: "Vis en sag",
        arguments: [.caseID],
        discussion: "Viser den unge, netværket, åbne frister, sagens indhold og de seneste notater.\nCPR-nummeret vises maskeret (DDMMÅÅ-xxxx), medmindre du skriver --vis-cpr. Hver visning skrives i revisionssporet.",
        options: [.json, .showCPR],
        examples: [
            ("unge vis 2026-0001", "Vis sagen"),
            ("unge vis 2026-0001 --json", "Hele sagen som JSON (CPR maskeret)"),
            ("unge vis 2026-0001 --vis-cpr", "Vis det fulde CPR-nummer (skrives i revisionssporet)"),
        ],
        positionals: 1...1, positionalNames: ["sagsnummeret"])

    let id: CaseID
    let json: Bool
    let showCPR: Bool

    init(_ args: ParsedArguments) throws {
        id = try Values.caseID(args.positional(0)!)
        json = args.has("--json")
        showCPR = args.has("--vis-cpr")
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.openStore()
        let file = try ctx.readCase(id, store: store, showCPR: showCPR)
        if json {
            ctx.console.print(try CaseJSON.render(file, showCPR: showCPR))
        } else {
            ctx.console.print(MarkdownRenderer.render(CaseOverview.document(for: file, today: ctx.today, showCPR: showCPR)))
        }
        return ExitCode.ok
    }
}

/// A whole case as JSON for scripts, with the CPR number masked unless asked for.
enum CaseJSON {
    static func render(_ file: CaseFile, showCPR: Bool) throws -> String {
        struct Output: Encodable {
            let status: String
            let `case`: CaseFile
            let cprMasked: String?
        }
        var copy = file
        let masked = file.youngPerson.cpr?.masked
        if !showCPR { copy.youngPerson.cpr = nil }
        return try JSONOutput.render(Output(status: file.status.danish, case: copy, cprMasked: masked))
    }
}
