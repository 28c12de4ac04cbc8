import Foundation
import UngeCore
import UngeStore

/// `unge frister`: deadlines across all cases, overdue first; `--opfyldt` marks one met.
struct FristerCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "frister",
        summary: "Vis frister på tværs af sager",
        arguments: [.caseID, "frist-id"],
        discussion: """
            Viser alle åbne frister (eller kun sagens, når du skriver et sagsnummer): de overskredne først,
            derefter efter dato. Tid tilbage vises i fristens egen enhed: timer for kommunens vurdering inden
            \(LegalPeriod.assessmentHours) timer, hverdage for kvitteringen, ellers dage.
            --alle tager også de opfyldte frister med. I en terminal er overskredne frister røde og frister,
            der falder i dag, gule (ikke med NO_COLOR eller når output sendes videre).
            Marker en frist som opfyldt med --opfyldt; fristens id står i 'unge frister <sag>', 'unge vis <sag>'
            og 'unge frister --json'.
            Resultatet (fx af vurderingen inden \(LegalPeriod.assessmentHours) timer) skrives i sagens journal: giv det med --resultat,
            ellers bliver du spurgt i en terminal. --dato er dagen, fristen blev opfyldt (standard: nu).
            """,
        options: [
            OptionSpec("--alle", help: "Tag også opfyldte frister med."),
            OptionSpec("--opfyldt", help: "Marker fristen <frist-id> på <sag> som opfyldt."),
            OptionSpec(
                "--resultat", value: "TEKST", help: "Hvad der kom ud af det; skrives i journalen (med --opfyldt)."),
            OptionSpec(
                "--dato", value: "ÅÅÅÅ-MM-DD",
                help: "Vis fristerne, som de står på denne dag; med --opfyldt: dagen fristen blev opfyldt."),
            .interactive, .json,
        ],
        examples: [
            ("unge frister", "Alle åbne frister"),
            ("unge frister --alle --json", "Alle frister som JSON"),
            ("unge frister 2026-0003", "Fristerne på én sag, med hver frists id"),
            (
                "unge frister --opfyldt 2026-0003 underretning-1-vurdering --resultat \"Ingen akut fare; undersøgelse startes\"",
                "Marker vurderingen som opfyldt og skriv resultatet i journalen"
            ),
        ],
        positionals: 0...2, positionalNames: ["sagsnummeret", "fristens id"])

    enum Mode {
        case list(all: Bool, date: LocalDate?, caseID: CaseID?)
        case markMet(CaseID, String, outcome: String?, date: LocalDate?)
    }
    let mode: Mode
    let json: Bool
    let interactive: Bool

    init(_ args: ParsedArguments) throws {
        json = args.has("--json")
        interactive = args.has("--interaktiv")
        if args.has("--opfyldt") {
            guard let id = args.positional(0) else {
                throw UsageError.missingArgument(
                    "sagsnummeret og fristens id, fx unge frister --opfyldt 2026-0003 underretning-1-vurdering",
                    command: "frister")
            }
            guard let deadline = args.positional(1) else {
                throw UsageError.missingArgument(
                    "fristens id, fx underretning-1-vurdering (se 'unge vis \(id)')", command: "frister")
            }
            if args.has("--alle") { throw UsageError.conflict("--alle og --opfyldt kan ikke bruges sammen.") }
            let outcome = args.value("--resultat")?.trimmingCharacters(in: .whitespacesAndNewlines)
            let date = try args.value("--dato").map { try Values.date($0, option: "--dato") }
            mode = .markMet(
                try Values.caseID(id), deadline, outcome: outcome.flatMap { $0.isEmpty ? nil : $0 }, date: date)
        } else {
            for o in ["--resultat"] where args.value(o) != nil {
                throw UsageError.conflict(
                    "\(o) bruges sammen med --opfyldt, fx unge frister --opfyldt 2026-0003 underretning-1-vurdering \(o) ..."
                )
            }
            if let extra = args.positional(1) {
                throw UsageError.message(
                    "Uventet argument '\(extra)' til 'unge frister'. Et frist-id bruges med --opfyldt, fx 'unge frister --opfyldt \(args.positional(0)!) \(extra)'."
                )
            }
            mode = .list(
                all: args.has("--alle"), date: try args.value("--dato").map { try Values.date($0, option: "--dato") },
                caseID: try args.positional(0).map(Values.caseID))
        }
    }

    struct Output: Encodable {
        let deadlines: [DeadlineOverviewRow]
        let problems: [String]
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.store
        let tz = UnderretInput.timeZone
        switch mode {
        case .markMet(let id, let deadline, var outcome, let date):
            if let date, date > ctx.today {
                throw UsageError.invalidValue(
                    option: "--dato", value: date.iso,
                    expected: "En frist kan kun markeres som opfyldt i dag eller tidligere.")
            }
            let metAt = date.map { $0 == ctx.today ? ctx.now : DanishTime.instant($0, hour: 12) } ?? ctx.now
            if outcome == nil, ctx.isInteractive(interactive) {
                // Ask before anything is saved; an unknown deadline is refused by the save below.
                outcome = try Prompter(console: ctx.console).ask(
                    "Hvad blev resultatet? (skrives i journalen; tom for intet)",
                    help:
                        "Fx for vurderingen inden \(LegalPeriod.assessmentHours) timer: er den unge i fare, og hvad sker der nu?"
                )
            }
            var title = ""
            let saved: CaseFile
            do {
                saved = try ctx.updateCase(id, store: store) { file in
                    try DeadlineOverview.markMet(
                        deadline, on: &file, at: metAt, by: ctx.user, outcome: outcome, recordedAt: ctx.now)
                    title = file.deadlines.first { $0.id == deadline }?.title ?? deadline
                }
            } catch let e as DeadlineOverview.MarkError {
                throw UsageError.message(e.description)
            }
            if json {
                ctx.console.print(
                    try JSONOutput.render(Marked(id: saved.id, deadline: deadline, revision: saved.revision)))
            } else {
                ctx.console.print(
                    "Fristen \"\(title)\" på sag \(saved.id.rawValue) er markeret som opfyldt (revision \(saved.revision))."
                )
            }
            return ExitCode.ok
        case .list(let all, let date, let caseID):
            let now = date.map { $0 == ctx.today ? ctx.now : DanishTime.instant($0, hour: 12) } ?? ctx.now
            var problems: [StoreProblem]
            var cases: [CaseFile]
            if let caseID {
                // One case: read (and logged as read) as 'vis' does.
                cases = [try ctx.readCase(caseID, store: store)]
                problems = []
            } else if all {
                (cases, problems) = try store.allCases()
            } else {
                // The open deadlines and tasks come from the summary index (whole `Deadline` records,
                // `CaseFile.openDeadlines` of each case); no case file is read unless it changed.
                let listing = try store.listSummaries()
                let open = store.openDeadlines(of: listing.summaries)
                problems = listing.problems + open.problems
                cases = open.deadlines.map { FristerCommand.overviewCase($0.summary, deadlines: $0.deadlines) }
            }
            let calendar = DanishCalendar(alsoClosed: try store.loadSettings().alsoClosed)
            // Thousands of deadlines share a few hundred due dates: count each span of working days once.
            var counted: [SIMD2<Int>: Int] = [:]
            let rows = DeadlineOverview.rows(cases: cases, includeMet: all, now: now, timeZone: tz) { a, b in
                let key = SIMD2(a.dayNumber, b.dayNumber)
                if let n = counted[key] { return n }
                let n = calendar.workingDays(from: a, to: b)
                counted[key] = n
                return n
            }
            // Logged before anything is shown, with the cases shown (fail closed: no event, no list).
            if caseID == nil {
                try store.appendAudit(
                    ctx.event(
                        .search, caseID: nil, criterion: all ? "frister alle" : "frister",
                        shown: rows.compactMap { CaseID($0.caseID) }))
            }
            if json {
                ctx.console.print(try JSONOutput.render(Output(deadlines: rows, problems: problems.map(\.description))))
            } else if rows.isEmpty {
                ctx.console.print(
                    caseID.map {
                        all ? "Sag \($0.rawValue) har ingen frister." : "Sag \($0.rawValue) har ingen åbne frister."
                    }
                        ?? (all ? "Der er ingen frister i lageret." : "Der er ingen åbne frister."))
            } else {
                let c = ctx.console
                let cells = rows.map { row -> [String] in
                    let colour: (String) -> String
                    switch row.state {
                    case .overdue: colour = c.red
                    case .dueSoon: colour = c.yellow
                    case .met: colour = c.dim
                    case .open: colour = { $0 }
                    }
                    return DeadlineOverview.cells(row, timeZone: tz).map { $0.isEmpty ? $0 : colour($0) }
                }
                if let caseID {
                    // One case: its name is known; each deadline's id is what '--opfyldt' needs.
                    let header = ["Frist", "Hvad", "Tid tilbage", "Lovgrundlag", "Id"]
                    let own = zip(rows, cells).map { row, cell in Array(cell[2...]) + [row.deadlineID] }
                    c.print(c.bold("Sag \(caseID.rawValue): \(rows[0].name)"))
                    c.print(TextTable.render(header: header.map(c.bold), rows: own, width: c.width))
                } else {
                    c.print(TextTable.render(header: DeadlineOverview.header.map(c.bold), rows: cells, width: c.width))
                }
                let overdue = rows.filter { $0.state == .overdue }.count
                c.print(
                    c.dim(
                        Plural.count(rows.count, "frist", "frister")
                            + (overdue > 0 ? ", heraf \(overdue) overskredet" : "")))
                if let caseID, rows.contains(where: { $0.metAt == nil }) {
                    c.print(c.dim("Marker en frist som opfyldt: unge frister --opfyldt \(caseID.rawValue) ID"))
                }
            }
            for p in problems { ctx.console.error("Fejl: \(p)") }
            return problems.isEmpty ? ExitCode.ok : ExitCode.data
        }
    }

    /// What the overview needs of a case, from its summary: id, name, birth date (for the rule's
    /// citation) and the open deadlines.
    static func overviewCase(_ s: CaseSummary, deadlines: [Deadline]) -> CaseFile {
        var c = CaseFile(
            id: s.id, created: Date(timeIntervalSince1970: 0),
            youngPerson: YoungPerson(name: s.name, birthDate: s.birthDate, anonymous: s.anonymous))
        c.revision = s.revision
        c.deadlines = deadlines
        return c
    }

    struct Marked: Encodable {
        let id: CaseID
        let deadline: String
        let revision: Int
    }
}
