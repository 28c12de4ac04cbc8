import Foundation
import UngeCore
import UngeStore

/// Reads a caseworker given on the command line (`--sagsbehandler`, `--til`, `--fra`): a user id, or a
/// full name the settings know (mapped to its user id). Anything else is refused (exit 2).
enum CaseworkerValue {
    static func parse(_ text: String, option: String, settings: StoreSettings?) throws -> String {
        let v = text.trimmingCharacters(in: .whitespaces)
        if let settings, let id = settings.userID(forCaseworker: v), id != v { return id }
        guard Caseworker.isValidID(v) else {
            throw UsageError.invalidValue(
                option: option, value: StoreText.maskCPR(v),
                expected:
                    "Skriv sagsbehandlerens brugernavn (det, vedkommende logger ind med), fx lene – ikke det fulde navn. Fulde navne står i indstillingerne: unge indstillinger --bruger BRUGER --navn \"Fulde Navn\"."
            )
        }
        return v
    }

    /// `parse` with the settings of the store, when there is one.
    static func parse(_ text: String, option: String, ctx: Context) throws -> String {
        let store = try ctx.store
        return try parse(text, option: option, settings: store.exists ? try store.loadSettings() : nil)
    }
}

/// `unge overdrag <sag…> --til BRUGER [--grund TEKST]` / `unge overdrag --fra BRUGER --til BRUGER`:
/// hands one case, several, or a whole caseload over to another caseworker. All or nothing: the
/// cases are saved together (`Store.saveTogether`), each with a journal entry and an audit event.
struct OverdragCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "overdrag",
        summary: "Overdrag sager til en anden sagsbehandler",
        arguments: ["sag…"],
        discussion: """
            Sagen (eller sagerne) får en ny sagsbehandler. Skriv brugernavnet (det, vedkommende logger ind med),
            ikke det fulde navn; det fulde navn hentes fra indstillingerne. Med --fra overdrages alle åbne sager,
            hvor brugeren er sagsbehandler (fx når en kollega stopper). Overdragelsen skrives i hver sags journal
            (med begrundelsen) og i revisionssporet. Enten overdrages alle sagerne, eller ingen af dem: kan én
            sag ikke overdrages, ændres intet. I teamlageret flytter sagen også til den nye sagsbehandlers hold,
            og det er databasen, der tjekker, at du må.
            """,
        options: [
            OptionSpec("--til", value: "BRUGER", help: "Den nye sagsbehandlers brugernavn.", required: true),
            OptionSpec("--fra", value: "BRUGER", help: "Overdrag alle åbne sager, hvor denne bruger er sagsbehandler."),
            OptionSpec("--grund", value: "TEKST", help: "Hvorfor sagen overdrages (skrives i journalen)."),
            .json,
        ],
        examples: [
            ("unge overdrag 2026-0042 --til bo", "Overdrag en sag til bo"),
            (
                "unge overdrag --fra anna --til bo --grund \"Anna er på barsel\"",
                "Overdrag alle annas åbne sager til bo"
            ),
        ],
        positionals: 0...1000, positionalNames: ["sagsnumrene"])

    let ids: [CaseID]
    let to: String
    let from: String?
    let reason: String?
    let json: Bool

    init(_ args: ParsedArguments) throws {
        ids = try args.positionals.map(Values.caseID)
        guard let t = args.value("--til")?.trimmingCharacters(in: .whitespaces), !t.isEmpty else {
            throw UsageError.missingArgument("den nye sagsbehandler: --til BRUGER", command: "overdrag")
        }
        to = t
        from = args.value("--fra")?.trimmingCharacters(in: .whitespaces)
        if from?.isEmpty == true {
            throw UsageError.invalidValue(option: "--fra", value: "", expected: "Skriv brugernavnet, fx --fra anna.")
        }
        let r = args.value("--grund")?.trimmingCharacters(in: .whitespacesAndNewlines)
        reason = r?.isEmpty == false ? r : nil
        json = args.has("--json")
        if ids.isEmpty && from == nil {
            throw UsageError.missingArgument(
                "sagsnummeret (unge overdrag 2026-0042 --til BRUGER) eller --fra BRUGER", command: "overdrag")
        }
        if !ids.isEmpty && from != nil {
            throw UsageError.conflict(
                "Angiv enten sagsnumre eller --fra BRUGER (alle brugerens åbne sager), ikke begge.")
        }
        if Set(ids).count != ids.count {
            throw UsageError.conflict("Det samme sagsnummer står flere gange.")
        }
    }

    struct Output: Encodable {
        let to: String
        let cases: [Moved]
    }

    struct Moved: Encodable {
        let id: CaseID
        let from: String?
        let revision: Int
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.store
        ctx.upgradeIfNeeded(store)
        let settings = try store.loadSettings()
        let target = try CaseworkerValue.parse(to, option: "--til", settings: settings)
        let source = try from.map { try CaseworkerValue.parse($0, option: "--fra", settings: settings) }
        var chosen = ids
        if let source {
            let listing = try store.listSummaries()
            for p in listing.problems { ctx.console.error("Fejl: \(p.description)") }
            if !listing.problems.isEmpty {
                throw CLIError.ruleFailed(
                    "Nogle sager kan ikke læses, så det kan ikke afgøres, hvilke sager \(source) har. Intet er overdraget."
                )
            }
            chosen = listing.summaries.filter {
                $0.status != .closed && settings.userID(forCaseworker: $0.caseworker) == source
            }
            .map(\.id)
            try store.appendAudit(
                ctx.event(.search, caseID: nil, criterion: "sagsbehandler=\(source)", shown: chosen))
            if chosen.isEmpty {
                ctx.console.print("\(source) er ikke sagsbehandler på nogen åbne sager. Intet er overdraget.")
                return ExitCode.ok
            }
        }
        var changes: [CaseChange] = []
        var unchanged: [CaseID] = []
        var before: [CaseID: String?] = [:]
        for id in chosen {
            var file = try ctx.readCase(id, store: store)
            let current = settings.userID(forCaseworker: file.caseworker)
            if current == target {
                unchanged.append(id)
                continue
            }
            before[id] = current
            file.caseworker = target
            file.journal.append(
                JournalEntry(
                    time: ctx.now, author: ctx.user,
                    text: Caseworker.handOverNote(
                        from: settings.caseworkerDisplay(current), to: settings.caseworkerDisplay(target) ?? target,
                        reason: reason),
                    source: .registration))
            changes.append(
                CaseChange(
                    caseFile: file, expectedRevision: file.revision,
                    criterion: "overdraget \(current.map { "fra \($0) " } ?? "")til \(target)", handOverTo: target))
        }
        for id in unchanged {
            ctx.console.error("Sag \(id.rawValue) har allerede \(target) som sagsbehandler; den er ikke ændret.")
        }
        if changes.isEmpty {
            if json { ctx.console.print(try JSONOutput.render(Output(to: target, cases: []))) }
            return ExitCode.ok
        }
        let saved = try store.saveTogether(changes, now: ctx.now, user: ctx.user, command: ctx.commandName)
        if json {
            ctx.console.print(
                try JSONOutput.render(
                    Output(
                        to: target,
                        cases: saved.map { Moved(id: $0.id, from: before[$0.id] ?? nil, revision: $0.revision) })))
        } else {
            let who = settings.caseworkerDisplay(target) ?? target
            if saved.count == 1, let one = saved.first {
                ctx.console.print(
                    "Sag \(ctx.console.bold(one.id.rawValue)) er overdraget til \(who) (revision \(one.revision)).")
            } else {
                ctx.console.print(
                    "\(saved.count) sager er overdraget til \(who): "
                        + saved.map(\.id.rawValue).joined(separator: ", ") + ".")
            }
        }
        return ExitCode.ok
    }
}
