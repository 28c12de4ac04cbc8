import Foundation
import UngeCore
import UngeStore

/// `unge vis <id>`: a readable summary of one case.
struct VisCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "vis",
        summary: "Vis en sag",
        arguments: [.caseID],
        discussion:
            "Viser den unge, netværket, åbne frister, sagens indhold, de seneste notater og til sidst de næste skridt.\nCPR-nummeret vises maskeret (DDMMÅÅ-xxxx), medmindre du skriver --vis-cpr. Hver visning skrives i revisionssporet.\n"
            + "Med --format får du et sagsoverblik til udskrift (A4), fx til et netværksmøde: den unge, netværkskortet,\n"
            + "indsatser og mål, frister og næste skridt og de seneste dialogredskaber, uden journalnotater.\n"
            + "I HTML er netværkskortet og redskaberne tegnet. Overblikket skrives i revisionssporet som et udtræk.",
        options: [
            OptionSpec(
                "--dato", value: "ÅÅÅÅ-MM-DD",
                help: "Vis alder, frister og næste skridt, som de står på denne dag (standard: i dag)."),
            .json, .showCPR, .format, .output,
        ],
        examples: [
            ("unge vis 2026-0001", "Vis sagen"),
            ("unge vis 2026-0001 --json", "Hele sagen som JSON (CPR maskeret)"),
            ("unge vis 2026-0001 --vis-cpr", "Vis det fulde CPR-nummer (skrives i revisionssporet)"),
            (
                "unge vis 2026-0001 --format html --ud overblik.html",
                "Sagsoverblik til udskrift, med netværkskort og redskaber"
            ),
        ],
        positionals: 1...1, positionalNames: ["sagsnummeret"])

    let id: CaseID
    let json: Bool
    let showCPR: Bool
    let date: LocalDate?
    /// The printable overview's format, when asked for.
    let format: DocumentFormat?
    let outPath: String?

    init(_ args: ParsedArguments) throws {
        date = try args.value("--dato").map { try Values.date($0, option: "--dato") }
        id = try Values.caseID(args.positional(0)!)
        json = args.has("--json")
        showCPR = args.has("--vis-cpr")
        format = args.value("--format") == nil ? nil : try DocumentFormat.parse(args)
        outPath = args.value("--ud")
        if let outPath, outPath.isEmpty {
            throw UsageError.invalidValue(
                option: "--ud", value: outPath, expected: "Angiv et filnavn, fx --ud overblik.html.")
        }
        if json && format != nil { throw UsageError.conflict("Vælg enten --json eller --format, ikke begge.") }
        if outPath != nil && format == nil {
            throw UsageError.conflict("--ud bruges sammen med --format md|html|json.")
        }
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.store
        if let outPath { try DocumentFile.checkTarget(outPath, ctx: ctx) }
        var file = try ctx.readCase(id, store: store, showCPR: showCPR)
        // A store of an earlier version not yet upgraded: the caseworker as the upgrade will set it.
        let settings = try store.loadSettings()
        file.caseworker =
            settings.userID(forCaseworker: file.caseworker)
            ?? FileStore.firstUser(of: id, in: store).flatMap { settings.userID(forCaseworker: $0) }
        let today = date ?? ctx.today
        let now = date.map { $0 == ctx.today ? ctx.now : DanishTime.instant($0, hour: 12) } ?? ctx.now
        let steps = NextSteps.compute(
            for: file, now: now, calendar: DanishCalendar(alsoClosed: try ctx.storeSettingAlsoClosed()))
        if let format {
            let sheet = CaseSheet.build(file, today: today, showCPR: showCPR, nextSteps: steps)
            let letterhead = try ctx.letterhead(store: store, caseID: id, date: today)
            func official(_ doc: Document) -> Document {
                var doc = doc
                doc.setLetterhead(letterhead, authorUser: ctx.user)
                return doc
            }
            let text: String
            switch format {
            case .md: text = MarkdownRenderer.render(official(sheet.document(pictures: nil)))
            case .html: text = HTMLRenderer.render(official(sheet.document(pictures: file)))
            case .json: text = try JSONOutput.render(sheet) + "\n"
            }
            try store.appendAudit(
                ctx.event(
                    .export, caseID: id, before: file.revision, after: file.revision,
                    criterion: outPath.map { ExportTrail.criterion("sagsoverblik", path: $0) } ?? "sagsoverblik"))
            if let outPath {
                try DocumentFile.write(text, to: outPath, ctx: ctx)
                ctx.console.error("Skrevet til \(outPath).")
            } else {
                ctx.console.write(text)
            }
            return ExitCode.ok
        }
        if json {
            ctx.console.print(try CaseJSON.render(file, showCPR: showCPR, nextSteps: steps))
        } else {
            let doc = CaseOverview.document(
                for: file, today: today, now: now, showCPR: showCPR, nextSteps: steps,
                caseworkerName: settings.caseworkerDisplay(file.caseworker))
            ctx.console.print(TerminalRenderer.render(doc, width: ctx.console.width))
        }
        return ExitCode.ok
    }
}

/// A whole case as JSON for scripts, with the CPR number masked unless asked for.
enum CaseJSON {
    static func render(_ file: CaseFile, showCPR: Bool, nextSteps: [NextStep] = []) throws -> String {
        struct Output: Encodable {
            let status: String
            let `case`: CaseFile
            let cprMasked: String?
            let nextSteps: [NextStep]
        }
        var copy = file
        let masked = file.youngPerson.cpr?.masked
        if !showCPR { copy.youngPerson.cpr = nil }
        return try JSONOutput.render(
            Output(status: file.status.danish, case: copy, cprMasked: masked, nextSteps: nextSteps))
    }
}
