import Foundation
import UngeCore
import UngeStore

/// `unge indberet dst-underretninger|dst-indsatser|smdb --ud FIL`: the register extracts the
/// databekendtgørelse requires, for a period. They carry CPR numbers (the registers key on them), so
/// they are written only to a new file (mode 0600), never to the terminal, and each run is audited
/// with the cases it included. Validated first: a missing CPR number, sex, provider or end status is
/// listed per case, with exit 1 and no file.
struct IndberetCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "indberet",
        summary: "Registerudtræk til Danmarks Statistik og Stofmisbrugsdatabasen (kun til fil)",
        arguments: [ArgumentSpec("udtræk", values: .choices(RegisterKind.allCases.map(\.rawValue)))],
        discussion:
            "Skriver et udtræk for en periode (standard: sidste hele måned): dst-underretninger (underretninger om unge under 18), "
            + "dst-indsatser (indsatser og anbringelser med lovgrundlag) eller smdb (stofmisbrugsbehandling; anonym behandling er ikke med, "
            + "og to henvendelser med højst 10 dages mellemrum er ét forløb). Udtrækket indeholder CPR-numre og skrives derfor kun til en ny fil "
            + "med --ud (kun læsbar for dig). Mangler der oplysninger (CPR, køn, leverandør, slutstatus), listes de pr. sag, og der skrives ingen fil. "
            + "Felterne er beskrevet i Fixtures/indberetning/README.md. Kategorierne for Danmarks Statistik er ikke bekræftet (kategori_verificeret = nej).",
        options: [
            OptionSpec("--fra", value: "ÅÅÅÅ-MM-DD", help: "Periodens første dag."),
            OptionSpec("--til", value: "ÅÅÅÅ-MM-DD", help: "Periodens sidste dag."),
            OptionSpec(
                "--ud", value: "FIL", help: "Filen, udtrækket skrives til (skal angives; oprettes ny, mode 0600)."),
            OptionSpec("--overskriv", help: "Erstat en eksisterende fil."),
            OptionSpec(
                "--format", value: "csv|json", help: "Filformat (standard: csv).", values: .choices(["csv", "json"])),
        ],
        examples: [
            (
                "unge indberet smdb --fra 2026-01-01 --til 2026-12-31 --ud ~/indberetning/smdb-2026.csv",
                "Stofmisbrugsbehandling for et år"
            ),
            (
                "unge indberet dst-underretninger --ud ~/indberetning/underretninger.json --format json",
                "Sidste måneds underretninger som JSON"
            ),
        ],
        positionals: 1...1, positionalNames: ["udtrækket (dst-underretninger, dst-indsatser eller smdb)"])

    let kind: RegisterKind
    let from: LocalDate?
    let to: LocalDate?
    let out: String
    let overwrite: Bool
    let json: Bool

    init(_ args: ParsedArguments) throws {
        let name = args.positional(0)!
        guard let k = RegisterKind(rawValue: name.lowercased()) else {
            throw UsageError.invalidValue(
                option: "udtræk", value: name, expected: "Vælg dst-underretninger, dst-indsatser eller smdb.")
        }
        kind = k
        from = try args.value("--fra").map { try Values.date($0, option: "--fra") }
        to = try args.value("--til").map { try Values.date($0, option: "--til") }
        if let from, let to, to < from {
            throw UsageError.invalidValue(
                option: "--til", value: to.iso,
                expected: "Periodens sidste dag ligger før den første (\(from.danishShort)). Ret --fra eller --til.")
        }
        guard let out = args.value("--ud"), !out.isEmpty else {
            throw UsageError.message(
                "Udtrækket indeholder CPR-numre og skrives aldrig til skærmen. Angiv en fil med --ud, fx 'unge indberet \(k.rawValue) --ud ~/indberetning/\(k.rawValue).csv'."
            )
        }
        self.out = out
        overwrite = args.has("--overskriv")
        switch args.value("--format")?.lowercased() {
        case nil, "csv": json = false
        case "json": json = true
        case let other?:
            throw UsageError.invalidValue(option: "--format", value: other, expected: "Vælg csv eller json.")
        }
    }

    func run(_ ctx: Context) throws -> Int32 {
        let (start, end) = StatisticsComputation.period(from: from, to: to, today: ctx.today)
        if end < start {
            throw UsageError.invalidValue(
                option: "--til", value: end.iso,
                expected: "Periodens sidste dag ligger før den første (\(start.danishShort)).")
        }
        try OutputFile.check(out, overwrite: overwrite, ctx: ctx)
        let store = try ctx.store
        let settings = try store.loadSettings()
        let extractor = RegisterExtractor(
            from: start, to: end, municipality: settings.municipality, providers: settings.providers)
        // The statistics index says which cases can have rows; only those case files are read.
        let index = try store.statisticsFacts()
        var problems = index.problems
        var cases: [CaseFile] = []
        let wanted = index.facts.filter { extractor.mayInclude(kind, $0) }.map(\.id)
        // A year's extract reads hundreds of whole cases: together (the file store on all cores).
        for (id, outcome) in store.loadMany(wanted) {
            do { cases.append(try outcome.get()) } catch let e as StoreError {
                problems.append(StoreProblem(file: FileStore.fileName(of: id), error: e))
            }
        }
        if !problems.isEmpty {
            ProblemReport.print(problems.map(\.description), ctx: ctx)
            throw CLIError.data(
                "Udtrækket er ikke skrevet: ikke alle sager kunne læses, og et udtræk skal være komplet.")
        }
        switch extractor.extract(kind, cases: cases) {
        case .failure(let v):
            ctx.console.error(
                "Udtrækket (\(kind.danish)) er ikke skrevet. Ret disse mangler, og kør kommandoen igen:")
            for p in v.problems { ctx.console.error("  " + p.description) }
            return ExitCode.ruleFailed
        case .success(let x):
            // Audited with the cases included, before the file is written (fail closed); the file's
            // text is made while the event is written.
            let criterion = ExportTrail.criterion("indberet \(kind.rawValue) \(start.iso)..\(end.iso)", path: out)
            let event = { ctx.event(.export, caseID: nil, criterion: criterion, shown: x.caseIDs) }
            let text = try ctx.audited(event, in: store) { json ? try x.json() : x.csv() }
            try OutputFile.write(text, to: out, ctx: ctx)
            ctx.console.print(
                "Udtrækket \(kind.rawValue) for \(start.danishShort)–\(end.danishShort) er skrevet til \(out): "
                    + Plural.count(x.rows.count, "række", "rækker") + " fra "
                    + Plural.count(x.caseIDs.count, "sag", "sager") + " (formatversion \(kind.formatVersion)).")
            return ExitCode.ok
        }
    }
}
