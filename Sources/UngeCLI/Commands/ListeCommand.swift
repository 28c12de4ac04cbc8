import Foundation
import UngeCore
import UngeStore

/// `unge liste`: list cases, with filters. Reads the derived summary index, so it stays fast with
/// thousands of cases.
struct ListeCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "liste",
        summary: "List sagerne (med filtre)",
        discussion: "Viser sagsnummer, navn, alder, status, sagsbehandler og næste frist. Status er en af: "
            + CaseStatus.allCases.map(\.danish).joined(separator: ", ") + ".\n"
            + "En sagsfil, der ikke kan læses, nævnes med navn til sidst; de andre sager vises alligevel (slutkode 3).\n"
            + "--mine viser dine åbne sager (hvor du står som sagsbehandler, med brugernavn eller dit fulde navn fra\n"
            + "'unge indstillinger --navn') med det næste skridt i hver. --sagsbehandler BRUGER viser en kollegas sager.",
        options: [
            OptionSpec(
                "--status", value: "STATUS", help: "Kun sager med denne status.",
                values: .choices(CaseStatus.allCases.map(\.danish))),
            OptionSpec(
                "--alder", value: "FRA-TIL", help: "Kun unge i denne alder i dag (eller på --dato), fx 15-17 eller 16."),
            OptionSpec("--soeg", value: "TEKST", help: "Søg i navn og sagsnummer (eller på et CPR-nummer)."),
            OptionSpec(
                "--tjekliste", help: "Vis antal åbne punkter i håndbogens tjeklister (læser hver sag; langsommere)."),
            OptionSpec("--kun-aabne", help: "Kun sager med åbne tjeklistepunkter (medfører --tjekliste)."),
            OptionSpec("--mine", help: "Kun dine åbne sager, med det næste skridt i hver."),
            OptionSpec(
                "--sagsbehandler", value: "BRUGER",
                help: "Kun sager med denne sagsbehandler (brugernavn eller fulde navn)."),
            .date, .json,
        ],
        examples: [
            ("unge liste", "Alle sager"),
            ("unge liste --alder 15-17 --status underrettet", "Underrettede sager om unge på 15-17 år"),
            ("unge liste --soeg emma --json", "Søg efter navn, output som JSON"),
            ("unge liste --kun-aabne", "Sager med åbne punkter i tjeklisterne (se 'unge check --sag ID')"),
            ("unge liste --mine", "Dine åbne sager og hvad der skal ske nu"),
            ("unge liste --sagsbehandler bo", "De sager, bo er sagsbehandler på"),
        ])

    let status: CaseStatus?
    let ages: ClosedRange<Int>?
    let search: String?
    let date: LocalDate?
    let json: Bool
    let checklist: Bool
    let onlyOpen: Bool
    let mine: Bool
    let caseworker: String?

    init(_ args: ParsedArguments) throws {
        if let s = args.value("--status") {
            guard let st = CaseStatus.parse(s) else {
                let names = CaseStatus.allCases.map(\.danish)
                let hint = Suggest.closest(to: s, in: names).map { " Mente du '\($0)'?" } ?? ""
                throw UsageError.invalidValue(
                    option: "--status", value: s, expected: "Vælg en af: \(names.joined(separator: ", ")).\(hint)")
            }
            status = st
        } else {
            status = nil
        }
        if let a = args.value("--alder") {
            let parts = a.split(separator: "-", omittingEmptySubsequences: false).map {
                Int($0.trimmingCharacters(in: .whitespaces))
            }
            let expected = "Skriv en alder eller et interval, fx 16 eller 15-17."
            if parts.count == 1, let n = parts[0], n >= 0 {
                ages = n...n
            } else if parts.count == 2, let lo = parts[0], let hi = parts[1], lo >= 0, lo <= hi {
                ages = lo...hi
            } else {
                throw UsageError.invalidValue(option: "--alder", value: a, expected: expected)
            }
        } else {
            ages = nil
        }
        search = args.value("--soeg").map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        date = try args.value("--dato").map { try Values.date($0, option: "--dato") }
        json = args.has("--json")
        onlyOpen = args.has("--kun-aabne")
        checklist = onlyOpen || args.has("--tjekliste")
        mine = args.has("--mine")
        caseworker = args.value("--sagsbehandler")?.trimmingCharacters(in: .whitespaces)
        if caseworker?.isEmpty == true {
            throw UsageError.invalidValue(
                option: "--sagsbehandler", value: "", expected: "Skriv brugernavnet, fx --sagsbehandler bo.")
        }
        if mine && caseworker != nil {
            throw UsageError.conflict("Angiv enten --mine eller --sagsbehandler BRUGER, ikke begge.")
        }
    }

    struct Row: Encodable {
        let id: CaseID
        let name: String
        let age: Int?
        let status: String
        let caseworker: String?
        let nextDeadline: LocalDate?
        let nextDeadlineTitle: String?
        let openChecklistItems: Int?
        let nextStep: NextStep?
    }

    struct Output: Encodable {
        let cases: [Row]
        let problems: [String]
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.store
        ctx.upgradeIfNeeded(store)
        let on = date ?? ctx.today
        let criterion = [
            status.map { "status=\($0.danish)" }, ages.map { "alder=\($0.lowerBound)-\($0.upperBound)" },
            search.map { "søg=\($0)" }, caseworker.map { "sagsbehandler=\($0)" },
        ]
        .compactMap { $0 }.joined(separator: " ")
        // The checklist count needs each case's content; the index keeps it per day, so only cases
        // changed since (or every case, once on a new day) are read.
        showTeamMessages(ctx)
        // On the team store, '--mine' is chosen in the database (the case register's caseworker).
        let team = mine && !checklist ? store as? any TeamStore : nil
        let listing =
            try team?.listSummaries(.mine) ?? store.listSummaries(checklistOn: checklist ? on : nil)
        var summaries = listing.summaries
        if let status { summaries = summaries.filter { $0.status == status } }
        if let ages {
            summaries = summaries.filter { s in s.birthDate.map { ages.contains(Age.years(born: $0, on: on)) } ?? false
            }
        }
        if let search {
            if let cpr = try? CPRNumber.parse(search) {
                // The index holds no CPR numbers: narrow by the birth date the number carries, then compare.
                summaries = try summaries.filter { s in
                    guard s.birthDate == cpr.birthDate else { return false }
                    return try store.load(s.id).youngPerson.cpr == cpr
                }
            } else {
                let needle = search.lowercased()
                summaries = summaries.filter {
                    $0.name.lowercased().contains(needle) || $0.id.rawValue.lowercased().contains(needle)
                }
            }
        }
        summaries.sort { $0.id < $1.id }
        var problems = listing.problems.map(\.description)
        // The caseworker is in the index; a full name of an older store is read as its user id.
        let settings = try store.loadSettings()
        if let caseworker {
            let wanted = settings.userID(forCaseworker: caseworker)
            summaries = summaries.filter { settings.userID(forCaseworker: $0.caseworker) == wanted }
        }
        // Mine: the next step of each of my open cases needs its content, so only those are read.
        var next: [CaseID: NextStep?] = [:]
        if mine {
            let calendar = DanishCalendar(alsoClosed: settings.alsoClosed)
            let at = date.map { DanishTime.instant($0, hour: 12) } ?? ctx.now
            summaries = summaries.filter { s in
                s.status != .closed && (team != nil || settings.isSameUser(s.caseworker, as: ctx.user))
            }
            // Read together: one call on the team store, where each read is a round trip.
            var readable: Set<CaseID> = []
            for (id, result) in store.loadMany(summaries.map(\.id)) {
                switch result {
                case .success(let file):
                    next[id] = NextSteps.compute(for: file, now: at, calendar: calendar).first
                    readable.insert(id)
                case .failure(let error): problems.append("\(error)")
                }
            }
            summaries = summaries.filter { readable.contains($0.id) }
        }
        if onlyOpen { summaries = summaries.filter { ($0.openChecklistItems ?? 0) > 0 } }
        // A few caseworkers share thousands of cases: each value is mapped to its user id once.
        var caseworkerIDs: [String: String?] = [:]
        func caseworkerID(_ value: String?) -> String? {
            guard let value else { return settings.userID(forCaseworker: nil) }
            if let known = caseworkerIDs[value] { return known }
            let id = settings.userID(forCaseworker: value)
            caseworkerIDs[value] = id
            return id
        }
        let c = ctx.console
        // Logged before anything is shown, with the cases shown (fail closed: no event, no list);
        // the output is made while the event is written.
        let shown = summaries.map(\.id)
        let logged = StoreText.maskCPR(criterion.isEmpty ? "alle" : criterion)
        // The summaries as a parameter (a constant): read in place, where a captured variable's
        // would be copied one by one.
        func render(_ summaries: [CaseSummary]) throws -> [Console.Prepared] {
            if json {
                let rows = summaries.map { s in
                    Row(
                        id: s.id, name: s.name, age: s.birthDate.map { Age.years(born: $0, on: on) },
                        status: s.status.danish, caseworker: caseworkerID(s.caseworker), nextDeadline: s.nextDeadline,
                        nextDeadlineTitle: s.nextDeadlineTitle,
                        openChecklistItems: checklist ? s.openChecklistItems : nil, nextStep: next[s.id] ?? nil)
                }
                return [c.prepare(try JSONOutput.render(Output(cases: rows, problems: problems)))]
            }
            if summaries.isEmpty && problems.isEmpty {
                return [
                    c.prepare(
                        listing.summaries.isEmpty
                            ? "Der er ingen sager i lageret endnu. Opret en med 'unge ny'."
                            : mine
                                ? "Du har ingen åbne sager som sagsbehandler (\(ctx.user))."
                                : "Ingen sager passer til søgningen.")
                ]
            }
            let items = Checklist.chapters.flatMap(\.items).count
            var table: [[String]] = []
            table.reserveCapacity(summaries.count)
            // By index: a summary is read in place, never copied whole.
            for i in summaries.indices {
                let id = summaries[i].id
                var deadline = ""
                if let d = summaries[i].nextDeadline {
                    deadline = d.danishShort + (summaries[i].nextDeadlineTitle.map { " \($0)" } ?? "")
                    if d < on { deadline = c.red(deadline + " (overskredet)") }
                }
                var row = [
                    id.rawValue, summaries[i].name,
                    summaries[i].birthDate.map { String(Age.years(born: $0, on: on)) } ?? "",
                    summaries[i].status.danish, caseworkerID(summaries[i].caseworker) ?? "", deadline,
                ]
                if mine {
                    let step = next[id] ?? nil
                    row[5] = step.map { $0.overdue ? c.red($0.text) : $0.text } ?? ""
                }
                if checklist {
                    row.insert(summaries[i].openChecklistItems.map { "\($0) af \(items)" } ?? "", at: 5)
                }
                table.append(row)
            }
            var header = ["Sag", "Navn", "Alder", "Status", "Sagsbehandler", mine ? "Næste skridt" : "Næste frist"]
            if checklist { header.insert("Åbne tjeklistepunkter", at: 5) }
            return [
                c.prepare(TextTable.render(header: header, rows: table, width: c.width)),
                c.prepare(c.dim(Plural.count(summaries.count, "sag", "sager"))),
            ]
        }
        let event = { ctx.event(.search, caseID: nil, criterion: logged, shown: shown) }
        let output = try ctx.audited(event, in: store) { try render(summaries) }
        for line in output { c.print(line) }
        ProblemReport.print(problems, ctx: ctx)
        return problems.isEmpty ? ExitCode.ok : ExitCode.data
    }
}
