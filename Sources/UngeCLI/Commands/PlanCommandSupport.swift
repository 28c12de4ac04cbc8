import Foundation
import UngeCore
import UngeStore

/// What `--format` asks for: Markdown (default), self-contained HTML, or JSON.
enum DocumentFormat: String {
    case md
    case html
    case json

    static func parse(_ args: ParsedArguments) throws -> DocumentFormat {
        guard let text = args.value("--format") else { return .md }
        guard let f = DocumentFormat(rawValue: text.lowercased()) else {
            throw UsageError.invalidValue(option: "--format", value: text, expected: "Vælg md, html eller json.")
        }
        return f
    }
}

/// Options the document commands (undersoeg, plan, behandlingsplan) share.
struct DocumentOptions {
    let format: DocumentFormat
    /// True when `--format` or `--json` was given: then a save prints the document as well.
    let formatGiven: Bool
    let outPath: String?
    let fromFile: String?
    let interactive: Bool
    let draft: Bool
    let showCPR: Bool
    let date: LocalDate?
    /// `--udskriv`: show the saved document without asking or saving (e.g. after a failed `--ud`).
    let reprint: Bool

    static let reprintSpec = OptionSpec(
        "--udskriv", help: "Skriv det gemte dokument ud igen uden at spørge eller gemme (fx med --ud).")
    static let specs: [OptionSpec] = [
        .fromFile, .interactive, .draft, .format, .output, .date, .showCPR, reprintSpec,
        OptionSpec("--json", help: "Det samme som --format json."),
    ]

    init(_ args: ParsedArguments) throws {
        if args.has("--json") {
            if let f = args.value("--format"), f.lowercased() != "json" {
                throw UsageError.conflict("--json betyder --format json og kan ikke bruges sammen med --format \(f).")
            }
            format = .json
        } else {
            format = try DocumentFormat.parse(args)
        }
        formatGiven = args.has("--json") || args.value("--format") != nil
        outPath = args.value("--ud")
        fromFile = args.value("--fra-fil")
        interactive = args.has("--interaktiv")
        draft = args.hasIfDeclared("--kladde")
        showCPR = args.has("--vis-cpr")
        date = try args.value("--dato").map { try Values.date($0, option: "--dato") }
        reprint = args.hasIfDeclared("--udskriv")
        if reprint && (fromFile != nil || interactive) {
            throw UsageError.conflict("--udskriv viser det gemte dokument; brug det uden --fra-fil og --interaktiv.")
        }
        if fromFile != nil && interactive {
            throw UsageError.conflict("Vælg enten --fra-fil eller --interaktiv, ikke begge.")
        }
        if let outPath, outPath.isEmpty {
            throw UsageError.invalidValue(
                option: "--ud", value: outPath, expected: "Angiv et filnavn, fx --ud plan.md.")
        }
    }

    /// Whether to ask questions: on a terminal or with `--interaktiv`, never with `--udskriv`.
    func asks(_ ctx: Context) -> Bool { !reprint && ctx.isInteractive(interactive) }

    /// Checks the `--ud` target before anything is read or saved (exit 2).
    func checkTarget(_ ctx: Context) throws {
        if let outPath { try DocumentFile.checkTarget(outPath, ctx: ctx) }
    }

    /// The `--format` words to repeat in a command line (empty for Markdown).
    var formatArgument: String { format == .md ? "" : " --format " + format.rawValue }

    /// Reads the `--fra-fil` file (exit 2 when it cannot be read).
    func readInput() throws -> Data? {
        guard let fromFile else { return nil }
        return try DocumentFile.readInput(fromFile)
    }
}

/// Shows findings and writes documents the same way for every document command.
enum DocumentOutput {
    /// Prints findings to stderr, errors first: "FEJL: ... (paragraf)".
    static func report(_ findings: [Finding], ctx: Context) {
        for f in findings {
            let label =
                f.severity == .error ? ctx.console.red(f.severity.danish) : ctx.console.yellow(f.severity.danish)
            ctx.console.error("\(label): \(PlanDocument.text(of: f))")
        }
    }

    /// The refusal when rules fail without `--kladde` (exit 1).
    static func refusal(_ findings: [Finding], what: String, ctx: Context) -> CLIError {
        report(findings, ctx: ctx)
        let n = findings.filter { $0.severity == .error }.count
        return .ruleFailed(
            "\(what) er ikke gemt: \(n) krav er ikke opfyldt (se ovenfor). Ret det, eller brug --kladde for at se en kladde med MANGLER-markeringer."
        )
    }

    /// Renders `doc` (or `json`) in the chosen format, to `--ud` or stdout. The letterhead comes
    /// from the store's settings and the profile of `author` (else the acting user).
    /// `saved` says what the command saved just before, for the message if `--ud` then fails.
    static func emit(
        _ doc: Document, json: () throws -> String, options: DocumentOptions, ctx: Context, file: CaseFile,
        store: any Store,
        saved: DocumentFile.Saved? = nil, author: String? = nil, date: LocalDate? = nil
    ) throws {
        // On a terminal, without --format or --ud, the document is laid out for reading: no raw
        // Markdown (# and _), wrapped to the width.
        if options.outPath == nil, !options.formatGiven, ctx.console.stdoutIsTerminal {
            ctx.console.print(TerminalRenderer.render(doc, width: ctx.console.width))
            return
        }
        let text = try render(
            doc, json: json, format: options.format, ctx: ctx, file: file, store: store, author: author, date: date)
        if let path = options.outPath {
            try DocumentFile.export(
                text, to: path, caseID: file.id, revision: file.revision, store: store, ctx: ctx, saved: saved)
            ctx.console.error("Skrevet til \(path).")
        } else {
            ctx.console.write(text)
        }
    }

    /// After a save: with `--ud`, the document goes to the file; with `--format`/`--json`, or when
    /// stdout is not a terminal (a pipe or a redirect), to stdout; on a terminal only one line says
    /// it is saved and how to see it.
    /// `message` is the line that says what was saved ("Gemt som version 2 af ungeplanen på sag
    /// 2026-0003."); `saved` names the command that prints the document again.
    static func emitSaved(
        _ doc: Document, json: () throws -> String, options: DocumentOptions, ctx: Context, file: CaseFile,
        store: any Store,
        saved: DocumentFile.Saved, message: String, author: String? = nil, date: LocalDate? = nil
    ) throws {
        if let path = options.outPath {
            let text = try render(
                doc, json: json, format: options.format, ctx: ctx, file: file, store: store, author: author, date: date)
            try DocumentFile.export(
                text, to: path, caseID: file.id, revision: file.revision, store: store, ctx: ctx, saved: saved)
            ctx.console.print("\(message) Dokumentet er skrevet til \(path).")
        } else if options.formatGiven || !ctx.console.stdoutIsTerminal {
            ctx.console.write(
                try render(
                    doc, json: json, format: options.format, ctx: ctx, file: file, store: store, author: author,
                    date: date))
            ctx.console.error(message)
        } else {
            ctx.console.print("\(message) Se dokumentet med '\(saved.reprint)'.")
        }
    }

    /// A document command's output in one call: after a save (`saved` with its `message`) through
    /// `emitSaved`, otherwise `emit`; `content` is what `--format json` carries.
    static func deliver<T: Encodable>(
        _ doc: Document, content: T, findings: [Finding], options: DocumentOptions, ctx: Context, file: CaseFile,
        store: any Store, saved: DocumentFile.Saved?, message: String?, author: String?, date: LocalDate?
    ) throws {
        let json = {
            try DocumentOutput.json(
                caseID: file.id, title: doc.title, content: content, findings: findings, showCPR: options.showCPR)
        }
        if let saved, let message {
            try emitSaved(
                doc, json: json, options: options, ctx: ctx, file: file, store: store, saved: saved, message: message,
                author: author, date: date)
        } else {
            try emit(
                doc, json: json, options: options, ctx: ctx, file: file, store: store, saved: saved, author: author,
                date: date)
        }
    }

    static func render(
        _ doc: Document, json: () throws -> String, format: DocumentFormat, ctx: Context, file: CaseFile,
        store: any Store,
        author: String?, date: LocalDate?
    ) throws -> String {
        var doc = doc
        if doc.letterhead == nil {
            doc.setLetterhead(
                try ctx.letterhead(store: store, caseID: file.id, author: author, date: date),
                authorUser: author ?? ctx.user)
        }
        switch format {
        case .md: return MarkdownRenderer.render(doc)
        case .html: return HTMLRenderer.render(doc)
        case .json: return try json() + "\n"
        }
    }

    /// JSON for a document command: the content, its title and the findings, with `formatVersion`.
    static func json<T: Encodable>(caseID: CaseID, title: String, content: T, findings: [Finding], showCPR: Bool) throws
        -> String
    {
        try JSONOutput.render(DocumentPayload(caseID: caseID, title: title, content: content, findings: findings))
    }
}

/// The `--format json` payload: the case, the document's title, its content and the findings.
struct DocumentPayload<T: Encodable>: Encodable {
    let caseID: CaseID
    let title: String
    let content: T
    let findings: [Finding]
}

/// Small parsers for the guided dialogues.
enum Answers {
    /// "a; b; c" → ["a", "b", "c"]; without a `;`, commas separate ("M1, M2" → ["M1", "M2"]).
    static func list(_ text: String?) -> [String] {
        let t = text ?? ""
        let separator: Character = t.contains(";") ? ";" : ","
        return t.split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func date(_ text: String) -> Result<LocalDate, UsageError> {
        LocalDate.parse(text).map { .success($0) }
            ?? .failure(.message("Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-04-13 (eller 13-04-2026 / 13.04.2026)."))
    }

    static func choice<T>(_ text: String, from items: [T]) -> Result<T, UsageError> {
        guard let n = Int(text), (1...items.count).contains(n) else {
            return .failure(.message("Skriv et tal fra 1 til \(items.count)."))
        }
        return .success(items[n - 1])
    }

    enum KeepChangeDelete { case keep, change, delete }

    /// b (behold), r (ret) or s (slet).
    static func keepChangeDelete(_ text: String) -> Result<KeepChangeDelete, UsageError> {
        switch text.lowercased() {
        case "b", "behold": return .success(.keep)
        case "r", "ret": return .success(.change)
        case "s", "slet": return .success(.delete)
        default: return .failure(.message("Skriv b (behold), r (ret) eller s (slet)."))
        }
    }

    /// Prints a numbered menu to stderr.
    static func menu(_ items: [String], ctx: Context) {
        for (i, item) in items.enumerated() { ctx.console.error("  \(i + 1). \(item)") }
    }
}
