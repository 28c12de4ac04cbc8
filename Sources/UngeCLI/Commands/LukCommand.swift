import Foundation
import UngeCore
import UngeStore

/// `unge luk <sag> --dato D --grund TEKST`: close a case. A closed case has no open deadlines and
/// lists under `--status lukket`; a later write to it warns.
struct LukCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "luk",
        summary: "Luk en sag (den har derefter ingen åbne frister)",
        arguments: [.caseID],
        discussion:
            "Sagen lukkes på datoen (standard: i dag) med begrundelsen, og det skrives i journalen. En lukket sag har ingen åbne frister og vises med 'unge liste --status lukket'. Genåbn den med 'unge genaabn'.",
        options: [
            OptionSpec("--dato", value: "ÅÅÅÅ-MM-DD", help: "Datoen sagen lukkes (standard: i dag)."),
            OptionSpec("--grund", value: "TEKST", help: "Hvorfor sagen lukkes."),
            OptionSpec(
                "--aarsag", value: "KATEGORI",
                help:
                    "Lukkegrunden til statistikken: \(StatisticsComputation.ClosureCategory.allCases.map(\.token).joined(separator: ", ")) (uden: læst ud fra --grund)."
            ),
            .json,
        ],
        examples: [
            (
                "unge luk 2026-0042 --dato 2026-09-30 --grund \"Indsatsen er afsluttet, og målene er nået\"",
                "Luk en sag"
            ),
            (
                "unge luk 2026-0042 --grund \"Familien er flyttet til Aarhus\" --aarsag flyttet",
                "Luk med en lukkegrund til statistikken"
            ),
            ("unge liste --status lukket", "Se de lukkede sager"),
        ],
        positionals: 1...1, positionalNames: ["sagsnummeret"])

    let id: CaseID
    let date: LocalDate?
    let reason: String
    let category: StatisticsComputation.ClosureCategory?
    let json: Bool

    init(_ args: ParsedArguments) throws {
        id = try Values.caseID(args.positional(0)!)
        date = try args.value("--dato").map { try Values.date($0, option: "--dato") }
        category = try args.value("--aarsag").map { text in
            guard let c = StatisticsComputation.ClosureCategory.parse(text) else {
                throw UsageError.invalidValue(
                    option: "--aarsag", value: text,
                    expected:
                        "Vælg en af: \(StatisticsComputation.ClosureCategory.allCases.map { "\($0.token) (\($0.label.lowercased()))" }.joined(separator: ", "))."
                )
            }
            return c
        }
        guard let r = args.value("--grund")?.trimmingCharacters(in: .whitespacesAndNewlines), !r.isEmpty else {
            throw UsageError.missingArgument("begrundelsen: --grund \"Indsatsen er afsluttet\"", command: "luk")
        }
        reason = r
        json = args.has("--json")
    }

    struct Output: Encodable {
        let id: CaseID
        let closedDate: LocalDate
        let revision: Int
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.store
        let when = date ?? ctx.today
        let current = try store.load(id)
        if let closed = current.closedDate {
            throw UsageError.message(
                "Sag \(id.rawValue) er allerede lukket (\(closed.danishLong)). Genåbn den med 'unge genaabn \(id.rawValue)' først, hvis den skal lukkes igen."
            )
        }
        do { try EventDate.check(when, what: "Datoen, sagen lukkes,", today: ctx.today) } catch {
            throw UsageError.message(error.description + " Ret --dato.")
        }
        let created = DanishTime.date(of: current.created)
        if when < created {
            throw UsageError.message(
                "Sagen kan ikke lukkes \(when.danishLong), før den blev oprettet (\(created.danishLong)). Ret --dato.")
        }
        // The category is recorded: given, or read from the reason's words (and said, so it can be corrected).
        let recorded = category ?? StatisticsComputation.ClosureCategory.of(reason)
        let saved = try ctx.updateCase(id, store: store) { f in
            let open = f.openDeadlines.count
            f.closedDate = when
            f.closedReason = reason
            f.closedCategory = recorded
            var text = "Sagen er lukket \(when.danishLong). Begrundelse: \(reason)" + (reason.hasSuffix(".") ? "" : ".")
            if open > 0 { text += " \(open) åbne frister og opgaver bortfalder med lukningen." }
            f.journal.append(JournalEntry(time: ctx.now, author: ctx.user, text: text, change: "lukkede sagen"))
            f.updated = ctx.now
        }
        if json {
            ctx.console.print(try JSONOutput.render(Output(id: id, closedDate: when, revision: saved.revision)))
        } else {
            ctx.console.print(
                "Sag \(id.rawValue) er lukket \(when.danishLong) (revision \(saved.revision)). Den har ingen åbne frister."
            )
            ctx.console.error(
                "Lukkegrund til statistikken: \(recorded.label.lowercased()) (\(recorded.token))"
                    + (category == nil ? "; ret med --aarsag ved at genåbne og lukke igen." : "."))
        }
        return ExitCode.ok
    }
}

/// `unge genaabn <sag>`: reopen a closed case; its deadlines count again.
struct GenaabnCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "genaabn",
        summary: "Genåbn en lukket sag",
        arguments: [.caseID],
        discussion:
            "Sagen åbnes igen, og det skrives i journalen. Sagens frister tæller igen; tjek dem med 'unge frister'.",
        options: [OptionSpec("--grund", value: "TEKST", help: "Hvorfor sagen genåbnes."), .json],
        examples: [("unge genaabn 2026-0042 --grund \"Ny underretning\"", "Genåbn en sag")],
        positionals: 1...1, positionalNames: ["sagsnummeret"])

    let id: CaseID
    let reason: String?
    let json: Bool

    init(_ args: ParsedArguments) throws {
        id = try Values.caseID(args.positional(0)!)
        reason = args.value("--grund")?.trimmingCharacters(in: .whitespacesAndNewlines)
        json = args.has("--json")
    }

    struct Output: Encodable {
        let id: CaseID
        let revision: Int
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.store
        let current = try store.load(id)
        guard let closed = current.closedDate else {
            throw UsageError.message("Sag \(id.rawValue) er ikke lukket, så den kan ikke genåbnes.")
        }
        let saved = try ctx.updateCase(id, store: store) { f in
            f.closedDate = nil
            f.closedReason = nil
            f.closedCategory = nil
            var text = "Sagen er genåbnet (lukket \(closed.danishLong))."
            if let reason, !reason.isEmpty { text += " Begrundelse: \(reason)" }
            f.journal.append(JournalEntry(time: ctx.now, author: ctx.user, text: text, change: "genåbnede sagen"))
            f.updated = ctx.now
        }
        if json {
            ctx.console.print(try JSONOutput.render(Output(id: id, revision: saved.revision)))
        } else {
            let open = saved.openDeadlines.count
            ctx.console.print(
                "Sag \(id.rawValue) er genåbnet (revision \(saved.revision)). Den har \(open) åbne frister og opgaver.")
        }
        return ExitCode.ok
    }
}
