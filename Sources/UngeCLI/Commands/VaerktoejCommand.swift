import Foundation
import UngeCore
import UngeStore

/// `unge vaerktoej <id>`: record dialogue and network tools with their content, list them, and
/// draw them as SVG (handbook ch. 4-6; Væksthuset, seed 004).
struct VaerktoejCommand: UngeCommand {
    static let stageWords = StageOfChange.sixStages.map(\.keyword).joined(separator: "|")

    static let spec = CommandSpec(
        name: "vaerktoej",
        aliases: ["værktøj"],
        summary: "Registrér dialog- og netværksredskaber med indhold, og tegn dem",
        arguments: [.caseID],
        discussion:
            "Registrerer et redskab, der er brugt sammen med den unge eller om den unge, med det der kom ud af det.\n"
            + "Hver registrering er en ny, dateret registrering; de tidligere bliver stående, så man kan se udviklingen.\n"
            + "Registreringen skrives også som et notat i journalen. Typer:\n"
            + DialogueTool.allCases.map {
                "  \($0.keyword)" + String(repeating: " ", count: max(1, 19 - $0.keyword.count)) + $0.danish
            }.joined(separator: "\n")
            + "\n\nIndhold efter type:\n"
            + "  livshjul           --score OMRÅDE=N eller OMRÅDE=N/ØNSKET (1-10, gentages), --ord OMRÅDE=TEKST,\n"
            + "                     --eget-omraade NAVN for områder, den unge selv navngiver. Foreslåede områder:\n"
            + "                     \(LifeWheel.suggestedAreas.joined(separator: ", ")).\n"
            + "  livslinje          --hoejdepunkt \"DATO: TEKST\" og --lavpunkt \"DATO: TEKST\" (gentages).\n"
            + "  fordele-ulemper    --emne TEKST, --fordel-forandring, --ulempe-forandring, --fordel-fortsaet,\n"
            + "                     --ulempe-fortsaet \"TEKST=VÆGT\" eller \"TEKST=VÆGT/SANDSYNLIGHED\" (1-10, gentages).\n"
            + "  forandringscirkel  --fase \(stageWords) [--tilbagefald].\n"
            + "  bekymringsbue      --niveau groen|orange|roed [--hoejere-hvis TEKST] [--lavere-hvis TEKST].\n"
            + "--fra-fil tager det hele fra en JSON-fil (se eksemplerne i Fixtures/vaerktoej/). I en terminal uden\n"
            + "indhold spørger unge dig (eller med --interaktiv). --format svg tegner redskabet ud fra sagens registreringer.\n"
            + "SSD-møder: uden samtykke må oplysninger kun udveksles én gang, undtagelsesvis én gang mere ("
            + HelpLaw.cite(.ssdExchange)
            + "). Blev oplysningerne udvekslet med samtykke, skriv hvem der gav det med --samtykke NAVN; så tæller mødet ikke med, og advarslen stopper.",
        options: [
            OptionSpec(
                "--type", value: "TYPE",
                help: "Redskabet, fx livshjul, livslinje, forandringscirkel eller netvaerksmoede.",
                values: .choices(DialogueTool.allCases.map(\.keyword))),
            .date,
            OptionSpec("--resume", value: "TEKST", help: "Kort om hvad der kom ud af det: aftaler, vendepunkter."),
            OptionSpec(
                "--score", value: "OMRÅDE=N[/ØNSKET]", help: "Livshjul: point 1-10 for et område nu og evt. ønsket.",
                repeatable: true),
            OptionSpec(
                "--ord", value: "OMRÅDE=TEKST", help: "Livshjul: den unges egne ord om et område.", repeatable: true),
            OptionSpec(
                "--eget-omraade", value: "NAVN", help: "Livshjul: et område, den unge selv navngiver.", repeatable: true
            ),
            OptionSpec("--hoejdepunkt", value: "DATO: TEKST", help: "Livslinje: noget der gik godt.", repeatable: true),
            OptionSpec("--lavpunkt", value: "DATO: TEKST", help: "Livslinje: noget der var svært.", repeatable: true),
            OptionSpec("--emne", value: "TEKST", help: "Fordele/ulemper: forandringen, det handler om."),
            OptionSpec(
                "--fordel-forandring", value: "TEKST=VÆGT", help: "En fordel ved at forandre.", repeatable: true),
            OptionSpec(
                "--ulempe-forandring", value: "TEKST=VÆGT", help: "En ulempe ved at forandre.", repeatable: true),
            OptionSpec(
                "--fordel-fortsaet", value: "TEKST=VÆGT", help: "En fordel ved at fortsætte som nu.", repeatable: true),
            OptionSpec(
                "--ulempe-fortsaet", value: "TEKST=VÆGT", help: "En ulempe ved at fortsætte som nu.", repeatable: true),
            OptionSpec("--fase", value: "FASE", help: "Forandringscirklen: \(stageWords)."),
            OptionSpec("--tilbagefald", help: "Forandringscirklen: den unge er i fasen efter et tilbagefald."),
            OptionSpec("--niveau", value: "NIVEAU", help: "Bekymringsbuen: groen, orange eller roed."),
            OptionSpec(
                "--hoejere-hvis", value: "TEKST", help: "Bekymringsbuen: hvad der ville flytte viseren mod rød."),
            OptionSpec(
                "--lavere-hvis", value: "TEKST", help: "Bekymringsbuen: hvad der ville flytte viseren mod grøn."),
            .fromFile,
            .interactive,
            OptionSpec(
                "--samtykke", value: "NAVN",
                help: "SSD-møde: hvem gav samtykke til at udveksle oplysninger (den unge eller forældremyndigheden)."),
            OptionSpec("--format", value: "svg", help: "Tegn redskabet som SVG (til udskrift eller et dokument)."),
            .output,
            .json,
        ],
        examples: [
            (
                "unge vaerktoej 2026-0001 --type livshjul --score venner=4/8 --score familie=6/7 --ord \"venner=Savner nogen at ses med\"",
                "Registrér et livshjul"
            ),
            (
                "unge vaerktoej 2026-0001 --type livslinje --hoejdepunkt \"2025-06-01: Fik læreplads\" --lavpunkt \"2025-11-10: Mistede læreplads\"",
                "Registrér en livslinje"
            ),
            (
                "unge vaerktoej 2026-0001 --type fordele-ulemper --emne \"Holde op med hash\" --fordel-forandring \"Slippe for udgiften=8\" --ulempe-forandring \"Abstinenser=6/9\"",
                "Registrér fordele og ulemper"
            ),
            (
                "unge vaerktoej 2026-0001 --type forandringscirkel --fase overvejelse",
                "Registrér fasen i forandringscirklen"
            ),
            (
                "unge vaerktoej 2026-0001 --type bekymringsbue --niveau orange --lavere-hvis \"Hvis han kommer i skole\"",
                "Registrér bekymringsbuen"
            ),
            ("unge vaerktoej 2026-0001 --type livshjul --fra-fil livshjul.json", "Registrér et livshjul fra en fil"),
            (
                "unge vaerktoej 2026-0001 --type livshjul --format svg --ud livshjul.svg",
                "Tegn de to seneste livshjul oven i hinanden"
            ),
            (
                "unge vaerktoej 2026-0001 --type netvaerksmoede --resume \"Aftalt: mormor henter to dage om ugen\"",
                "Registrér et netværksmøde"
            ),
            ("unge vaerktoej 2026-0001", "Vis de registrerede redskaber"),
        ],
        positionals: 1...1, positionalNames: ["sagsnummeret"])

    let id: CaseID
    let tool: DialogueTool?
    let date: LocalDate?
    /// The content given by flags (empty when none).
    let input: ToolInput
    let fromFile: String?
    let interactive: Bool
    let svg: Bool
    let outPath: String?
    let json: Bool

    init(_ args: ParsedArguments) throws {
        id = try Values.caseID(args.positional(0)!)
        if let t = args.value("--type") {
            guard let parsed = DialogueTool.parse(t) else {
                let keywords = DialogueTool.allCases.map(\.keyword)
                let hint = Suggest.closest(to: t, in: keywords).map { " Mente du '\($0)'?" } ?? ""
                throw UsageError.invalidValue(
                    option: "--type", value: t, expected: "Vælg en af: \(keywords.joined(separator: ", ")).\(hint)")
            }
            tool = parsed
        } else {
            tool = nil
        }
        date = try args.value("--dato").map { try Values.date($0, option: "--dato") }
        fromFile = args.value("--fra-fil")
        interactive = args.has("--interaktiv")
        json = args.has("--json")
        outPath = args.value("--ud")
        if let f = args.value("--format") {
            guard f.lowercased() == "svg" else {
                throw UsageError.invalidValue(
                    option: "--format", value: f,
                    expected: "Redskaber tegnes som svg: --format svg. Brug --json for maskinlæsbart output.")
            }
            svg = true
        } else {
            svg = false
        }
        input = try VaerktoejCommand.parseContent(args)
        if let outPath, outPath.isEmpty {
            throw UsageError.invalidValue(
                option: "--ud", value: outPath, expected: "Angiv et filnavn, fx --ud livshjul.svg.")
        }
        if outPath != nil && !svg { throw UsageError.conflict("--ud bruges sammen med --format svg.") }
        if svg && json { throw UsageError.conflict("Vælg enten --format svg eller --json, ikke begge.") }
        if fromFile != nil && interactive {
            throw UsageError.conflict("Vælg enten --fra-fil eller --interaktiv, ikke begge.")
        }
        if (fromFile != nil || interactive) && input.hasContent {
            throw UsageError.conflict(
                "Giv indholdet enten med valg som --score eller med \(fromFile != nil ? "--fra-fil" : "--interaktiv"), ikke begge."
            )
        }
        if tool == nil && fromFile == nil {
            let given = (args.value("--resume") != nil || date != nil || input.hasContent || interactive)
            if given { throw UsageError.conflict("Sig hvilket redskab det er med --type TYPE, fx --type livshjul.") }
            if svg {
                throw UsageError.conflict(
                    "Sig hvilket redskab der skal tegnes: --type \(ToolPictures.drawable.map(\.keyword).joined(separator: "|")). Netværkskortet tegnes med 'unge netvaerk <sag> --format svg'."
                )
            }
        }
        if svg, let tool, !ToolPictures.drawable.contains(tool) {
            throw UsageError.invalidValue(
                option: "--type", value: tool.keyword,
                expected:
                    "Kun \(ToolPictures.drawable.map(\.keyword).joined(separator: ", ")) kan tegnes. Netværkskortet tegnes med 'unge netvaerk <sag> --format svg'."
            )
        }
    }

    /// The content options as a `ToolInput` (forms are checked here, values by `ToolValidation`).
    static func parseContent(_ args: ParsedArguments) throws -> ToolInput {
        var input = ToolInput()
        input.summary = args.value("--resume")
        input.date = args.value("--dato")
        for s in args.all("--score") {
            switch ToolFlagSyntax.score(s) {
            case .success(let a): input.areas.append(a)
            case .failure(let e): throw UsageError.invalidValue(option: "--score", value: s, expected: e.description)
            }
        }
        for w in args.all("--ord") {
            switch ToolFlagSyntax.words(w) {
            case .success(let (area, text)):
                guard
                    let i = input.areas.firstIndex(where: {
                        ToolValidation.ascii($0.name) == ToolValidation.ascii(area)
                    })
                else {
                    throw UsageError.invalidValue(
                        option: "--ord", value: w,
                        expected: "Området '\(area)' har ingen point. Giv det også med --score \(area)=N.")
                }
                input.areas[i].words = text
            case .failure(let e): throw UsageError.invalidValue(option: "--ord", value: w, expected: e.description)
            }
        }
        input.ownAreas = args.all("--eget-omraade")
        input.events =
            args.all("--hoejdepunkt").map { ToolFlagSyntax.event($0, kind: .high) }
            + args.all("--lavpunkt").map { ToolFlagSyntax.event($0, kind: .low) }
        input.topic = args.value("--emne")
        for cell in ProsConsCell.allCases {
            for text in args.all(cell.flag) {
                switch ToolFlagSyntax.item(text) {
                case .success(let item): input.append(item, to: cell)
                case .failure(let e):
                    throw UsageError.invalidValue(option: cell.flag, value: text, expected: e.description)
                }
            }
        }
        input.stage = args.value("--fase")
        input.relapse = args.has("--tilbagefald") ? true : nil
        input.level = args.value("--niveau")
        input.raiseIf = args.value("--hoejere-hvis")
        input.lowerIf = args.value("--lavere-hvis")
        input.consentGivenBy = args.value("--samtykke")
        return input
    }

    struct Output: Encodable {
        let id: CaseID
        let revision: Int
        let tools: [ToolRecord]
        let findings: [Finding]
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.store
        if let outPath { try DocumentFile.checkTarget(outPath, ctx: ctx) }
        if let tool, fromFile == nil, !input.hasContent, input.summary == nil, input.consentGivenBy == nil, !svg,
            ctx.isInteractive(interactive)
        {
            return try guided(tool, ctx: ctx, store: store)
        }
        var registered: ToolRecord? = nil
        var file: CaseFile
        if let (tool, given) = try gatherInput(ctx) {
            let current = try store.load(id)
            let on = try given.date.map { try Values.date($0, option: "--dato") } ?? date ?? ctx.today
            let record: ToolRecord
            switch ToolValidation.validate(
                given, tool: tool, date: on, today: ctx.today, author: ctx.user, earlier: current.toolRecords)
            {
            case .success(let r): record = r
            case .failure(let e): throw UsageError.message(e.messages.joined(separator: "\n") + "\nIntet er gemt.")
            }
            file = try ctx.updateCase(id, store: store, commutative: true) { f in
                f.toolRecords.append(record)
                f.record(
                    .other(ToolText.journal(record)), at: ctx.now, by: ctx.user,
                    change: JournalEvent.tool(record).change)
            }
            registered = record
            if !json {
                let message =
                    "\(tool.danish.capitalizedFirstLetter) \(record.date.danishShort) er registreret på sag \(id.rawValue) (revision \(file.revision))."
                if svg { ctx.console.error(message) } else { ctx.console.print(message) }
            }
        } else if svg, outPath != nil {
            file = try store.load(id)
        } else {
            file = try ctx.readCase(id, store: store)
        }
        if svg, let tool {
            guard let picture = ToolPictures.svg(tool, for: file) else {
                throw UsageError.message(
                    "Der er ikke registreret \(tool == .lifeline || tool == .lifeWheel ? "nogen" : "noget") \(tool.danish) med indhold på sag \(id.rawValue) endnu, så der er intet at tegne. Registrér det først, fx med 'unge vaerktoej \(id.rawValue) --type \(tool.keyword) ...'."
                )
            }
            if let outPath {
                let saved = registered.map { r in
                    DocumentFile.Saved(
                        what:
                            "\(tool.danish.capitalizedFirstLetter) \(r.date.danishShort) er gemt på sag \(id.rawValue) (revision \(file.revision))",
                        reprint: "unge vaerktoej \(id.rawValue) --type \(tool.keyword) --format svg")
                }
                try DocumentFile.export(
                    picture, to: outPath, caseID: file.id, revision: file.revision, store: store, ctx: ctx, saved: saved
                )
                ctx.console.error("Skrevet til \(outPath).")
            } else {
                ctx.console.write(picture)
            }
            return ExitCode.ok
        }
        let findings = ToolRules.findings(for: file, on: ctx.today)
        if json {
            ctx.console.print(
                try JSONOutput.render(
                    Output(id: file.id, revision: file.revision, tools: file.toolRecords, findings: findings)))
            return ExitCode.ok
        }
        if registered == nil {
            if file.toolRecords.isEmpty {
                ctx.console.print("Der er ikke registreret nogen redskaber på sagen endnu. Se 'unge vaerktoej --help'.")
            } else {
                let rows = file.toolRecords.enumerated().sorted {
                    ($0.element.date, $0.offset) < ($1.element.date, $1.offset)
                }.map { pair in
                    let r = pair.element
                    return [
                        r.date.danishShort, DialogueTool.danishName(ofID: r.tool), r.author ?? "",
                        r.summary ?? ToolText.lines(r).first ?? "",
                    ]
                }
                ctx.console.print(
                    TextTable.render(header: ["Dato", "Redskab", "Af", "Resumé"], rows: rows, width: ctx.console.width))
            }
        }
        for f in findings { ctx.console.error("\(ctx.console.yellow(f.severity.danish)): \(PlanDocument.text(of: f))") }
        return ExitCode.ok
    }

    /// The guided registration: the same save pipeline as the document dialogues (each answer
    /// checked as it is given, a draft on Ctrl-C or Ctrl-D, resume, and g/r/k/x at the end).
    private func guided(_ tool: DialogueTool, ctx: Context, store: any Store) throws -> Int32 {
        let current = try ctx.readCase(id, store: store)
        let on = date ?? ctx.today
        func validated(_ given: ToolInput) throws -> ToolRecord {
            switch ToolValidation.validate(
                given, tool: tool, date: on, today: ctx.today, author: ctx.user, earlier: current.toolRecords)
            {
            case .success(let r): return r
            case .failure(let e): throw UsageError.message(e.messages.joined(separator: "\n") + "\nIntet er gemt.")
            }
        }
        var pipeline = DocumentPipeline<ToolRecord>(
            command: "vaerktoej-" + tool.keyword, caseID: id, what: tool.danish.capitalizedFirstLetter,
            draftOnly: false,
            validate: { _ in [] },
            renderDraft: { record, _ in ctx.console.error(ToolText.journal(record)) },
            save: { record, _ in
                let file = try ctx.updateCase(id, store: store, commutative: true) { f in
                    f.toolRecords.append(record)
                    f.record(
                        .other(ToolText.journal(record)), at: ctx.now, by: ctx.user,
                        change: JournalEvent.tool(record).change)
                }
                if json {
                    ctx.console.print(
                        try JSONOutput.render(
                            Output(
                                id: file.id, revision: file.revision, tools: file.toolRecords,
                                findings: ToolRules.findings(for: file, on: ctx.today))))
                } else {
                    ctx.console.print(
                        "\(tool.danish.capitalizedFirstLetter) \(record.date.danishShort) er registreret på sag \(id.rawValue) (revision \(file.revision))."
                    )
                }
                for f in ToolRules.findings(for: file, on: ctx.today) {
                    ctx.console.error("\(ctx.console.yellow(f.severity.danish)): \(PlanDocument.text(of: f))")
                }
                return ExitCode.ok
            })
        pipeline.preview = { record in
            ctx.console.error("")
            ctx.console.error("I journalen: " + ToolText.journal(record))
        }
        pipeline.resumeCommand =
            "unge vaerktoej \(id.rawValue) --type \(tool.keyword)" + (date.map { " --dato \($0.iso)" } ?? "")
        return try pipeline.runGuided(ctx: ctx, store: store) { session in
            var asked = try VaerktoejDialogue(console: ctx.console).ask(session, tool)
            asked.date = on.iso
            return try validated(asked)
        }
    }

    /// The tool and its content to register, from flags, a file or a dialogue; nil when the command
    /// only lists or draws.
    func gatherInput(_ ctx: Context) throws -> (DialogueTool, ToolInput)? {
        if let fromFile {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: fromFile)) } catch {
                throw UsageError.message("Filen '\(fromFile)' kunne ikke læses. Tjek navnet og stien.")
            }
            let given: ToolInput
            do { given = try UngeJSON.decoder().decode(ToolInput.self, from: data) } catch {
                throw UsageError.message(
                    "Filen '\(fromFile)' er ikke et gyldigt redskab i JSON (\(JSONProblem.describe(error, in: data))). Se eksemplerne i Fixtures/vaerktoej/."
                )
            }
            var fileTool: DialogueTool? = nil
            if let t = given.type {
                guard let parsed = DialogueTool.parse(t) else {
                    throw UsageError.message(
                        "Typen '\(t)' i filen '\(fromFile)' kendes ikke. Vælg en af: \(DialogueTool.allCases.map(\.keyword).joined(separator: ", "))."
                    )
                }
                fileTool = parsed
            }
            if let tool, let fileTool, tool != fileTool {
                throw UsageError.conflict(
                    "Filen er et \(fileTool.danish), men --type siger \(tool.danish). Ret den ene.")
            }
            guard let chosen = tool ?? fileTool else {
                throw UsageError.message("Sig hvilket redskab filen rummer: --type TYPE, eller \"type\" i filen.")
            }
            var merged = given
            if merged.date == nil { merged.date = date?.iso }
            return (chosen, merged)
        }
        guard let tool else { return nil }
        if input.hasContent || input.summary != nil || input.consentGivenBy != nil { return (tool, input) }
        if svg { return nil }
        // Nothing given and no one to ask: validation names what is missing.
        return (tool, input)
    }

    /// A short Danish reason for a JSON decoding error.
    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            return "forkert type ved '\(c.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.keyNotFound(let k, _):
            return "'\(k.stringValue)' mangler"
        default:
            return "filen kan ikke læses som JSON"
        }
    }
}
