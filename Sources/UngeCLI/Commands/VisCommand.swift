import Foundation
import UngeCore
import UngeStore

/// `unge vis <id>`: a readable summary of one case.
struct VisCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "vis",
        summary: "Vis en sag",
        arguments: [.caseID],
        discussion: "Viser den unge, netværket, åbne frister, sagens indhold og de seneste notater.\nCPR-nummeret vises maskeret (DDMMÅÅ-xxxx), medmindre du skriver --vis-cpr. Hver visning skrives i revisionssporet.\n"
            + "Med --format får du et sagsoverblik til udskrift (A4), fx til et netværksmøde: den unge, netværkskortet,\n"
            + "indsatser og mål, frister og næste skridt og de seneste dialogredskaber, uden journalnotater.\n"
            + "I HTML er netværkskortet og redskaberne tegnet. Overblikket skrives i revisionssporet som et udtræk.",
        options: [.json, .showCPR, .format, .output],
        examples: [
            ("unge vis 2026-0001", "Vis sagen"),
            ("unge vis 2026-0001 --json", "Hele sagen som JSON (CPR maskeret)"),
            ("unge vis 2026-0001 --vis-cpr", "Vis det fulde CPR-nummer (skrives i revisionssporet)"),
            ("unge vis 2026-0001 --format html --ud overblik.html", "Sagsoverblik til udskrift, med netværkskort og redskaber"),
        ],
        positionals: 1...1, positionalNames: ["sagsnummeret"])

    let id: CaseID
    let json: Bool
    let showCPR: Bool
    /// The printable overview's format, when asked for.
    let format: DocumentFormat?
    let outPath: String?

    init(_ args: ParsedArguments) throws {
        id = try Values.caseID(args.positional(0)!)
        json = args.has("--json")
        showCPR = args.has("--vis-cpr")
        format = args.value("--format") == nil ? nil : try DocumentFormat.parse(args)
        outPath = args.value("--ud")
        if let outPath, outPath.isEmpty {
            throw UsageError.invalidValue(option: "--ud", value: outPath, expected: "Angiv et filnavn, fx --ud overblik.html.")
        }
        if json && format != nil { throw UsageError.conflict("Vælg enten --json eller --format, ikke begge.") }
        if outPath != nil && format == nil { throw UsageError.conflict("--ud bruges sammen med --format md|html|json.") }
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.openStore()
        if let outPath { try DocumentFile.checkTarget(outPath, ctx: ctx) }
        let file = try ctx.readCase(id, store: store, showCPR: showCPR)
        if let format {
            let sheet = CaseSheet.build(file, today: ctx.today, showCPR: showCPR)
            let text: String
            switch format {
            case .md: text = MarkdownRenderer.render(sheet.document(pictures: nil))
            case .html: text = HTMLRenderer.render(sheet.document(pictures: file))
            case .json: text = try JSONOutput.render(sheet) + "\n"
            }
            try store.appendAudit(ctx.event(.export, caseID: id, before: file.revision, after: file.revision, criterion: "sagsoverblik"))
            if let outPath {
                try DocumentFile.write(text, to: outPath, ctx: ctx)
                ctx.console.error("Skrevet til \(outPath).")
            } else {
                ctx.console.write(text)
            }
            return ExitCode.ok
        }
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
