import Foundation
import UngeCore
import UngeStore

/// `unge statistik`: figures for a period without CPR numbers, names or case text: notifications,
/// deadlines on time, treatment waiting times, caseload. Every count goes through the suppression
/// rule (`Suppression`, README "Diskretionering"). Core computes; this only loads, renders and audits.
struct StatistikCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "statistik",
        summary: "Tal for en periode uden CPR og navne: frister, svartider, sagsmængde",
        discussion:
            "Viser underretninger, frister overholdt, ventetid til behandling og sagsmængde for en periode (standard: sidste hele måned). "
            + "Tal under 5 vises som \"<5\", så ingen ung kan genkendes; et \"x\" er skjult, så et \"<5\" ikke kan regnes ud fra totalen. "
            + "Hvert tal er forklaret under tabellen. Tal pr. sagsbehandler viser på et fillager kun dine egne.",
        options: [
            OptionSpec(
                "--fra", value: "ÅÅÅÅ-MM-DD", help: "Periodens første dag (standard: første dag i sidste måned)."),
            OptionSpec(
                "--til", value: "ÅÅÅÅ-MM-DD", help: "Periodens sidste dag (standard: sidste dag i sidste måned)."),
            OptionSpec("--mine", help: "Kun sager, hvor du er sagsbehandler."),
            OptionSpec("--team", value: "NAVN", help: "Kun ét teams sager (fælles lager)."),
            OptionSpec(
                "--format", value: "tabel|csv|json|html", help: "Output: tabel (standard), csv, json eller html.",
                values: .choices(["tabel", "csv", "json", "html"])),
            OptionSpec("--ud", value: "FIL", help: "Skriv til en fil (ny, kun læsbar for dig) i stedet for skærmen."),
            OptionSpec("--overskriv", help: "Erstat en eksisterende fil ved --ud."),
            .json,
        ],
        examples: [
            ("unge statistik", "Sidste hele måned, alle sager"),
            ("unge statistik --fra 2026-01-01 --til 2026-06-30 --mine", "Første halvår, dine sager"),
            ("unge statistik --format html --ud statistik.html", "En side med diagrammer, der kan printes på A4"),
        ])

    enum Format: String {
        case table = "tabel"
        case csv, json, html
    }

    let from: LocalDate?
    let to: LocalDate?
    let mine: Bool
    let team: String?
    let format: Format
    let out: String?
    let overwrite: Bool

    init(_ args: ParsedArguments) throws {
        from = try args.value("--fra").map { try Values.date($0, option: "--fra") }
        to = try args.value("--til").map { try Values.date($0, option: "--til") }
        if let from, let to, to < from {
            throw UsageError.invalidValue(
                option: "--til", value: to.iso,
                expected: "Periodens sidste dag ligger før den første (\(from.danishShort)). Ret --fra eller --til.")
        }
        mine = args.has("--mine")
        team = args.value("--team")
        if mine, team != nil { throw UsageError.conflict("Vælg enten --mine eller --team, ikke begge.") }
        if args.has("--json") {
            format = .json
        } else if let f = args.value("--format") {
            guard let v = Format(rawValue: f.lowercased()) ?? (f.lowercased() == "table" ? .table : nil) else {
                throw UsageError.invalidValue(
                    option: "--format", value: f, expected: "Vælg tabel, csv, json eller html.")
            }
            format = v
        } else {
            format = .table
        }
        out = args.value("--ud")
        overwrite = args.has("--overskriv")
    }

    func run(_ ctx: Context) throws -> Int32 {
        // The period: given, or the last full month; one side given alone completes from the default.
        let (start, end) = StatisticsComputation.period(from: from, to: to, today: ctx.today)
        if end < start {
            throw UsageError.invalidValue(
                option: "--til", value: end.iso,
                expected: "Periodens sidste dag ligger før den første (\(start.danishShort)).")
        }
        if let team, case .folder = ctx.storeLocation {
            throw UsageError.invalidValue(
                option: "--team", value: team,
                expected:
                    "Dette lager er en mappe uden teams, så du kan ikke se teamet '\(team)'. Teams findes kun på et fælles lager (PostgreSQL)."
            )
        }
        if let out { try OutputFile.check(out, overwrite: overwrite, ctx: ctx) }
        let store = try ctx.store
        let settings = try store.loadSettings()
        let user = ctx.user
        var criterion = "statistik \(start.iso)..\(end.iso)" + (mine ? " mine" : "")
        let scope: String
        var leader = false
        let report: StatisticsReport
        let problems: [StoreProblem]
        func computation(_ scope: String, leader: Bool) -> StatisticsComputation {
            StatisticsComputation(
                from: start, to: end, asOf: ctx.now, scope: scope,
                isViewer: { settings.isSameUser($0, as: user) }, showOtherCaseworkers: leader)
        }
        if let teamStore = store as? any TeamStore {
            // The team store selects, scopes, audits and counts in one database call (unge.statistik_tal):
            // SQL aggregates over the items Core wrote at save; no case is loaded.
            if let team { criterion += " hold \(team)" }
            scope =
                mine
                ? "dine sager (\(user))" : team.map { "teamet \($0)" } ?? "alle sager, du har adgang til"
            let r: TeamStatisticsCounts
            do {
                r = try teamStore.statisticsCounts(
                    team: team, mine: mine, computation: computation(scope, leader: false),
                    event: ctx.event(.search, caseID: nil, criterion: criterion, shown: []))
            } catch StoreError.accessRefused(nil) where team != nil {
                throw UsageError.invalidValue(
                    option: "--team", value: team ?? "",
                    expected:
                        "Du er ikke med på teamet '\(team ?? "")', så du kan ikke se dets tal. Udelad --team for alle de sager, du har adgang til."
                )
            }
            leader = r.isLeader && !mine
            report = computation(scope, leader: leader).report(counts: r.counts)
            problems = r.problems
        } else {
            // The derived statistics index: no case file is decoded unless it changed.
            let all = try store.statisticsFacts()
            let facts = mine ? all.facts.filter { settings.isSameUser($0.caseworker, as: user) } : all.facts
            scope = mine ? "dine sager (\(user))" : "alle sager i lageret"
            // Audited before anything is shown; no case is named (the figures identify none). The
            // figures are computed while the event is written.
            let logged = criterion
            let event = { ctx.event(.search, caseID: nil, criterion: logged, shown: []) }
            report = try ctx.audited(event, in: store) { computation(scope, leader: false).compute(facts: facts) }
            problems = all.problems
        }
        let text: String
        switch format {
        case .json: text = try JSONOutput.render(report)
        case .csv: text = StatisticsRendering.csv(report)
        case .html: text = StatisticsRendering.html(report, municipality: settings.municipality)
        case .table: text = table(report, ctx: ctx)
        }
        if let out {
            try OutputFile.write(text, to: out, ctx: ctx)
            ctx.console.error("Statistikken er skrevet til \(out).")
        } else if format == .table {
            ctx.console.print(text)
        } else {
            ctx.console.print(text.hasSuffix("\n") ? String(text.dropLast()) : text)
        }
        ProblemReport.print(problems.map(\.description), ctx: ctx)
        return problems.isEmpty ? ExitCode.ok : ExitCode.data
    }

    /// The terminal page: one table per section, at most 80 columns, definitions under each.
    func table(_ r: StatisticsReport, ctx: Context) -> String {
        let c = ctx.console
        let width = min(c.width, 80)
        var lines: [String] = []
        lines.append(c.bold("Statistik \(r.from.danishShort)–\(r.to.danishShort)") + " · \(r.scope)")
        lines.append(TextWrap.wrap(r.suppressionNote, width: width))
        for s in r.sections {
            lines.append("")
            lines.append(c.bold(s.title))
            let header = [""] + s.columns + ["Andel"]
            var rows = s.rows.map { row -> [String] in
                let label = (row.level > 0 ? "  " : "") + row.label
                let cells = row.cells.isEmpty ? s.columns.map { _ in "" } : row.cells.map(\.text)
                return [label] + cells + [row.percent.map { "\($0) %" } ?? ""]
            }
            for v in s.values {
                rows.append(
                    ["  " + v.label, v.value.map(StatisticsRendering.number) ?? "<5"]
                        + Array(repeating: "", count: s.columns.count))
            }
            lines.append(TextTable.render(header: header, rows: rows, width: width))
            for d in s.definitions { lines.append(c.dim(TextWrap.wrap(d, width: width))) }
        }
        return lines.joined(separator: "\n")
    }
}

/// Output files of `statistik` and `indberet`: `DocumentFile` and so `OutputFiles`, the one check
/// for every `--ud`.
enum OutputFile {
    static func check(_ path: String, overwrite: Bool, ctx: Context) throws {
        try DocumentFile.checkTarget(path, ctx: ctx)
    }

    static func write(_ text: String, to path: String, ctx: Context) throws {
        try DocumentFile.write(text, to: path, ctx: ctx)
    }
}
