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
            Viser alle åbne frister (eller kun sagens, når du skriver et sagsnummer): de overskredne først og
            ved siden af dem de frister, der blev opfyldt for sent (med antal dage, eller timer for vurderingen
            inden \(LegalPeriod.assessmentHours) timer), derefter efter dato. Tid tilbage vises i fristens egen
            enhed: timer for kommunens vurdering inden \(LegalPeriod.assessmentHours) timer, hverdage for
            kvitteringen, ellers dage. --fra og --til viser kun frister, der falder (eller blev opfyldt) i
            perioden; uden en periode vises de frister, der blev opfyldt for sent inden for den seneste måned.
            --alle tager også de opfyldte og bortfaldne frister med. En påmindelse (fx overgangen til
            \(LegalAge.adult) år uden anbringelse) er ikke en lovbestemt frist og bliver aldrig overskredet.
            I en terminal er overskredne og for sent opfyldte frister røde og frister, der falder i dag, gule
            (ikke med NO_COLOR eller når output sendes videre).
            Marker en frist som opfyldt med --opfyldt; fristens id står i 'unge frister <sag>', 'unge vis <sag>'
            og 'unge frister --json'.
            En frist er kun opfyldt af noget, der er sket: --dato kan ikke ligge i fremtiden eller før det,
            fristen regnes fra. Blev den opfyldt efter fristen, vises den som "opfyldt for sent".
            Resultatet (fx af vurderingen inden \(LegalPeriod.assessmentHours) timer) skrives i sagens journal: giv det med --resultat,
            ellers bliver du spurgt i en terminal. --dato er dagen, fristen blev opfyldt (standard: nu); for
            vurderingen inden \(LegalPeriod.assessmentHours) timer skal klokkeslættet med (--tid 09:30), ellers bliver du spurgt i en
            terminal, og i et script afvises det.
            """,
        options: [
            OptionSpec("--alle", help: "Tag også opfyldte frister med."),
            OptionSpec("--opfyldt", help: "Marker fristen <frist-id> på <sag> som opfyldt."),
            OptionSpec(
                "--resultat", value: "TEKST", help: "Hvad der kom ud af det; skrives i journalen (med --opfyldt)."),
            OptionSpec(
                "--dato", value: "ÅÅÅÅ-MM-DD",
                help: "Vis fristerne, som de står på denne dag; med --opfyldt: dagen fristen blev opfyldt."),
            OptionSpec(
                "--tid", value: "TT:MM",
                help:
                    "Med --opfyldt: klokkeslættet, fristen blev opfyldt (for vurderingen inden \(LegalPeriod.assessmentHours) timer)."
            ),
            OptionSpec("--fra", value: "ÅÅÅÅ-MM-DD", help: "Kun frister, der falder eller blev opfyldt fra denne dag."),
            OptionSpec(
                "--til", value: "ÅÅÅÅ-MM-DD", help: "Kun frister, der falder eller blev opfyldt til og med denne dag."),
            OptionSpec(
                "--team", value: "HOLD", help: "Kun holdets sager (teamlageret); en teamleder ser sit holds frister."),
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
            (
                "unge frister --opfyldt 2026-0003 underretning-1-vurdering --dato 2026-12-01 --tid 09:30",
                "Vurderingen blev foretaget 1. december kl. 9.30"
            ),
            (
                "unge frister --fra 2026-11-01 --til 2026-11-30",
                "Frister i november, også dem der blev opfyldt for sent"
            ),
        ],
        positionals: 0...2, positionalNames: ["sagsnummeret", "fristens id"])

    enum Mode {
        case list(all: Bool, date: LocalDate?, caseID: CaseID?, from: LocalDate?, to: LocalDate?, team: String?)
        case markMet(CaseID, String, outcome: String?, date: LocalDate?, clock: (hour: Int, minute: Int)?)
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
            if args.value("--team") != nil {
                throw UsageError.conflict("--team bruges til at vise et holds frister, ikke sammen med --opfyldt.")
            }
            let outcome = args.value("--resultat")?.trimmingCharacters(in: .whitespacesAndNewlines)
            let date = try args.value("--dato").map { try Values.date($0, option: "--dato") }
            let clock = try args.value("--tid").map { try Values.clock($0, option: "--tid") }
            for o in ["--fra", "--til"] where args.value(o) != nil {
                throw UsageError.conflict("\(o) bruges til at vise frister i en periode, ikke sammen med --opfyldt.")
            }
            mode = .markMet(
                try Values.caseID(id), deadline, outcome: outcome.flatMap { $0.isEmpty ? nil : $0 }, date: date,
                clock: clock)
        } else {
            for o in ["--resultat", "--tid"] where args.value(o) != nil {
                throw UsageError.conflict(
                    "\(o) bruges sammen med --opfyldt, fx unge frister --opfyldt 2026-0003 underretning-1-vurdering \(o) ..."
                )
            }
            if let extra = args.positional(1) {
                throw UsageError.message(
                    "Uventet argument '\(extra)' til 'unge frister'. Et frist-id bruges med --opfyldt, fx 'unge frister --opfyldt \(args.positional(0)!) \(extra)'."
                )
            }
            let from = try args.value("--fra").map { try Values.date($0, option: "--fra") }
            let to = try args.value("--til").map { try Values.date($0, option: "--til") }
            if let from, let to, to < from {
                throw UsageError.invalidValue(
                    option: "--til", value: to.iso, expected: "Perioden slutter før den begynder (--fra \(from.iso)).")
            }
            let team = args.value("--team").map { $0.trimmingCharacters(in: .whitespaces) }
            if team != nil && args.positional(0) != nil {
                throw UsageError.conflict("Angiv enten et sagsnummer eller --team, ikke begge.")
            }
            mode = .list(
                all: args.has("--alle"), date: try args.value("--dato").map { try Values.date($0, option: "--dato") },
                caseID: try args.positional(0).map(Values.caseID), from: from, to: to, team: team)
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
        case .markMet(let id, let deadline, var outcome, let date, let clock):
            let current = try store.load(id)
            guard let target = current.deadlines.first(where: { $0.id == deadline }) else {
                throw UsageError.message(
                    DeadlineOverview.MarkError.unknown(id: deadline, known: current.deadlines.map(\.id)).description)
            }
            let metAt = try metMoment(target, date: date, clock: clock, ctx: ctx, timeZone: tz)
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
                saved = try ctx.updateCase(id, store: store, commutative: true) { file in
                    try DeadlineOverview.markMet(
                        deadline, on: &file, at: metAt, by: ctx.user, outcome: outcome, recordedAt: ctx.now)
                    title = file.deadlines.first { $0.id == deadline }?.title ?? deadline
                }
            } catch let e as DeadlineOverview.MarkError {
                throw UsageError.message(e.description)
            }
            let status =
                saved.deadlines.first { $0.id == deadline }?.status(now: ctx.now, timeZone: tz)
                ?? DeadlineStatus(state: .met)
            if json {
                ctx.console.print(
                    try JSONOutput.render(
                        Marked(
                            id: saved.id, deadline: deadline, revision: saved.revision, state: status.state,
                            daysLate: status.daysLate, hoursLate: status.hoursLate)))
            } else {
                ctx.console.print(
                    "Fristen \"\(title)\" på sag \(saved.id.rawValue) er markeret som \(status.danish) (revision \(saved.revision))."
                )
            }
            return ExitCode.ok
        case .list(let all, let date, let caseID, let from, let to, let teamName):
            let now = date.map { $0 == ctx.today ? ctx.now : DanishTime.instant($0, hour: 12) } ?? ctx.now
            var problems: [StoreProblem]
            var cases: [CaseFile]
            showTeamMessages(ctx)
            if let teamName {
                // One team's cases, chosen in the database (the listing is audited there with the ids).
                guard let team = store as? any TeamStore else {
                    throw UsageError.invalidValue(
                        option: "--team", value: teamName,
                        expected:
                            "Dette lager er en mappe uden teams, så du kan ikke se teamet '\(teamName)'. Teams findes kun på et fælles lager (PostgreSQL)."
                    )
                }
                let listing = try team.listSummaries(.team(teamName))
                problems = listing.problems
                if all {
                    cases = []
                    for s in listing.summaries {
                        do { cases.append(try store.load(s.id)) } catch let e as StoreError {
                            problems.append(StoreProblem(file: "sag \(s.id.rawValue)", error: e))
                        }
                    }
                } else {
                    let open = store.openDeadlines(of: listing.summaries)
                    problems += open.problems
                    cases = open.deadlines.map { FristerCommand.overviewCase($0.summary, deadlines: $0.deadlines) }
                }
            } else if let caseID {
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
            var rows = DeadlineOverview.rows(cases: cases, includeMet: all, now: now, timeZone: tz) { a, b in
                let key = SIMD2(a.dayNumber, b.dayNumber)
                if let n = counted[key] { return n }
                let n = calendar.workingDays(from: a, to: b)
                counted[key] = n
                return n
            }
            if from != nil || to != nil {
                rows = rows.filter { DeadlineOverview.isInPeriod($0, from: from, to: to, timeZone: tz) }
            } else if !all {
                // Without a period, the deadlines met late in the past month are listed beside the overdue ones.
                let since = DeadlineOverview.metLateShownSince(today: LocalTime.date(of: now, in: tz))
                rows.removeAll {
                    $0.state == .metLate && !DeadlineOverview.isInPeriod($0, from: since, to: nil, timeZone: tz)
                }
            }
            let c = ctx.console
            // The rows as a parameter (a constant): read in place, where a captured variable's rows
            // would be copied one by one.
            func render(_ rows: [DeadlineOverviewRow]) throws -> [Console.Prepared] {
                if json {
                    return [
                        c.prepare(
                            try JSONOutput.render(Output(deadlines: rows, problems: problems.map(\.description))))
                    ]
                }
                if rows.isEmpty {
                    return [
                        c.prepare(
                            caseID.map {
                                all
                                    ? "Sag \($0.rawValue) har ingen frister."
                                    : "Sag \($0.rawValue) har ingen åbne frister."
                            }
                                ?? (all ? "Der er ingen frister i lageret." : "Der er ingen åbne frister."))
                    ]
                }
                var output: [Console.Prepared] = []
                var cells: [[String]] = []
                cells.reserveCapacity(rows.count)
                var overdue = 0
                var late = 0
                // By index: a row is read in place, never copied whole.
                for i in rows.indices {
                    let colour: (String) -> String
                    switch rows[i].state {
                    case .overdue:
                        overdue += 1
                        colour = c.red
                    case .metLate:
                        late += 1
                        colour = c.red
                    case .dueSoon: colour = c.yellow
                    case .met, .lapsed: colour = c.dim
                    case .open: colour = { $0 }
                    }
                    var cell = DeadlineOverview.cells(rows[i], timeZone: tz)
                    if c.colour {
                        for k in cell.indices where !cell[k].isEmpty { cell[k] = colour(cell[k]) }
                    }
                    if caseID != nil {
                        // One case: each deadline's id is what '--opfyldt' needs.
                        cell = Array(cell[2...]) + [rows[i].deadlineID]
                    }
                    cells.append(cell)
                }
                if let caseID {
                    // One case: its name is known.
                    let header = ["Frist", "Hvad", "Tid tilbage", "Lovgrundlag", "Id"]
                    output.append(c.prepare(c.bold("Sag \(caseID.rawValue): \(rows[0].name)")))
                    output.append(c.prepare(TextTable.render(header: header.map(c.bold), rows: cells, width: c.width)))
                } else {
                    output.append(
                        c.prepare(
                            TextTable.render(header: DeadlineOverview.header.map(c.bold), rows: cells, width: c.width)))
                }
                var parts: [String] = []
                if overdue > 0 { parts.append("\(overdue) overskredet") }
                if late > 0 { parts.append("\(late) opfyldt for sent") }
                output.append(
                    c.prepare(
                        c.dim(
                            Plural.count(rows.count, "frist", "frister")
                                + (parts.isEmpty ? "" : ", heraf " + parts.joined(separator: " og ")))))
                if let caseID, rows.contains(where: { $0.metAt == nil }) {
                    output.append(
                        c.prepare(c.dim("Marker en frist som opfyldt: unge frister --opfyldt \(caseID.rawValue) ID")))
                }
                return output
            }
            let output: [Console.Prepared]
            if caseID == nil {
                // Logged before anything is shown, with the cases shown (fail closed: no event, no
                // list); the output is made while the event is written.
                var shown: [CaseID] = []
                shown.reserveCapacity(rows.count)
                for i in rows.indices { if let id = CaseID(rows[i].caseID) { shown.append(id) } }
                let criterion = (all ? "frister alle" : "frister") + (teamName.map { " hold=\($0)" } ?? "")
                let event = { ctx.event(.search, caseID: nil, criterion: criterion, shown: shown) }
                output = try ctx.audited(event, in: store) { try render(rows) }
            } else {
                output = try render(rows)
            }
            for line in output { c.print(line) }
            ProblemReport.print(problems.map { "\($0)" }, ctx: ctx)
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
        let state: DeadlineState
        let daysLate: Int?
        let hoursLate: Int?
    }

    /// The moment a deadline was met, from `--dato` and `--tid` (default: now), checked as the moment
    /// of something that has happened (`EventDate`): not in the future, not before the deadline's
    /// start. A clock deadline given a date without a time asks for the time on a terminal and is
    /// refused in a script: a date alone cannot tell whether the 24 hours were kept.
    func metMoment(
        _ d: Deadline, date: LocalDate?, clock: (hour: Int, minute: Int)?, ctx: Context, timeZone tz: TimeZone
    ) throws -> Date {
        var metAt: Date
        if let clock {
            metAt = LocalTime.instant(date ?? ctx.today, hour: clock.hour, minute: clock.minute, in: tz)
        } else if let date {
            if d.counting == .hours {
                let due = d.dueTime.map { LocalTime.danishShort($0, in: tz) } ?? d.dueDate.danishShort
                guard ctx.isInteractive(interactive) else {
                    throw UsageError.missingArgument(
                        "klokkeslættet med --tid TT:MM: fristen \"\(d.title)\" regnes i timer (senest \(due)), så datoen alene siger ikke, om den blev overholdt",
                        command: "frister")
                }
                let c = try Prompter(console: ctx.console).ask(
                    "Hvad var klokken, da fristen blev opfyldt \(date.danishShort)? (TT:MM)",
                    help: "Fristen regnes i timer: senest \(due).", required: true
                ) { text in
                    do { return .success(try Values.clock(text, option: "--tid")) } catch let e as UsageError {
                        return .failure(e)
                    } catch { return .failure(.message("\(error)")) }
                }
                guard let c else { throw UsageError.message("Intet klokkeslæt: intet er gemt.") }
                metAt = LocalTime.instant(date, hour: c.hour, minute: c.minute, in: tz)
            } else {
                metAt = date == ctx.today ? ctx.now : DanishTime.instant(date, hour: 12)
            }
        } else {
            metAt = ctx.now
        }
        let option = clock != nil ? "--tid" : "--dato"
        let shown = clock != nil ? LocalTime.danishShort(metAt, in: tz) : LocalTime.date(of: metAt, in: tz).iso
        do {
            try EventDate.check(metAt, what: "Tidspunktet, fristen blev opfyldt,", now: ctx.now, timeZone: tz)
            // Not before what the deadline counts from (its start), where that is the triggering event.
            if d.counting == .hours, let due = d.dueTime,
                metAt < due.addingTimeInterval(-Double(LegalPeriod.assessmentHours) * 3600)
            {
                throw EventDate.Problem.beforePrevious(
                    what: "Tidspunktet, fristen blev opfyldt,", date: LocalTime.date(of: metAt, in: tz),
                    previous: LocalTime.date(
                        of: due.addingTimeInterval(-Double(LegalPeriod.assessmentHours) * 3600), in: tz),
                    previousName: "modtagelsen")
            }
            let countsFromStart: Set<DeadlineKind> = [.assessment, .receipt, .examination, .treatmentStart, .followUp]
            if countsFromStart.contains(d.kind) {
                try EventDate.check(
                    LocalTime.date(of: metAt, in: tz), what: "Datoen, fristen blev opfyldt,", today: ctx.today,
                    notBefore: d.ruleDate, notBeforeName: "det, fristen regnes fra")
            }
        } catch let e as EventDate.Problem {
            throw UsageError.invalidValue(option: option, value: shown, expected: e.description)
        }
        return metAt
    }
}
