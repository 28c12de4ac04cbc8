import Foundation
import UngeCore
import UngeStore

/// `unge slet --udloebne [--dato D] [--arkiv MAPPE --ja]`: lists the closed cases that have passed
/// the municipality's retention period (opbevaringsperiode) and, confirmed, deletes each one after
/// its archive copy has been written and verified. Nothing is deleted until every period is set in
/// the settings (`unge indstillinger --opbevaring`). The audit log keeps a tombstone.
struct SletCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "slet",
        summary: "Slet lukkede sager, hvis opbevaringsperiode er udløbet (efter en arkivkopi)",
        discussion: """
            Viser de lukkede sager med den dato, hvor kommunens opbevaringsperiode for deres slags udløber
            (lukket sag, anonym rådgivning, underretning uden indsats). Perioderne sættes med
            'unge indstillinger --opbevaring'; unge leveres uden perioder, og intet slettes, før alle tre er sat.
            Med --arkiv MAPPE slettes de udløbne sager: for hver sag skrives først en arkivkopi med kontrolsummer
            til MAPPE/<sag>/ (som 'unge eksport --arkiv'), den læses tilbage og kontrolleres, og først derefter
            slettes sagen, dens kladder og dens rækker i oversigterne. Revisionssporet beholder en gravsten
            (sagsnummer, datoer, hvem og hvorfor) uden personoplysninger. Filer, som tidligere er skrevet ud af
            lageret med --ud, står til sidst: dem skal du selv slette. I en terminal spørger unge, før der
            slettes; i et script skal du skrive --ja.
            """,
        options: [
            OptionSpec("--udloebne", help: "De lukkede sager, hvis opbevaringsperiode er udløbet (påkrævet)."),
            OptionSpec("--dato", value: "ÅÅÅÅ-MM-DD", help: "Dagen, der regnes fra (standard: i dag)."),
            OptionSpec("--arkiv", value: "MAPPE", help: "Slet: skriv og kontrollér arkivkopierne her først."),
            OptionSpec("--ja", help: "Slet uden at spørge (til scripts)."),
            .json,
        ],
        examples: [
            ("unge slet --udloebne", "Vis, hvilke sager der kan slettes i dag"),
            ("unge slet --udloebne --dato 2031-01-01", "Vis, hvad der kan slettes pr. 1. januar 2031"),
            ("unge slet --udloebne --arkiv ~/arkiv", "Skriv arkivkopier og slet (spørger først)"),
        ])

    let day: LocalDate?
    let archive: String?
    let confirmed: Bool
    let json: Bool

    init(_ args: ParsedArguments) throws {
        guard args.has("--udloebne") else {
            throw UsageError.missingInput(
                ["--udloebne (unge sletter kun sager, hvis periode er udløbet)"], command: "slet")
        }
        day = try args.value("--dato").map { try Values.date($0, option: "--dato") }
        archive = args.value("--arkiv")
        if let archive, archive.isEmpty {
            throw UsageError.invalidValue(
                option: "--arkiv", value: archive, expected: "Angiv en mappe, fx --arkiv ~/arkiv.")
        }
        confirmed = args.has("--ja")
        json = args.has("--json")
        if confirmed && archive == nil {
            throw UsageError.message(
                "En sag slettes kun efter en kontrolleret arkivkopi. Angiv mappen til arkivkopierne med --arkiv MAPPE.")
        }
    }

    struct Row: Encodable {
        let caseID: String
        let kind: String
        let closed: String
        let due: String?
        let isDue: Bool
    }

    struct Output: Encodable {
        let date: String
        let missingPeriods: [String]
        let cases: [Row]
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.store
        let today = day ?? ctx.today
        let rules = try store.loadSettings().retention
        let all = try store.allCases()
        for p in all.problems { ctx.console.error("Advarsel: \(p.description)") }
        let statuses = Retention.statuses(of: all.cases, rules: rules, on: today)
        let due = statuses.filter(\.isDue)
        try store.appendAudit(
            ctx.event(.search, caseID: nil, criterion: "slet --udloebne pr. \(today.iso)", shown: statuses.map(\.id)))
        if json {
            let rows = statuses.map {
                Row(
                    caseID: $0.id.rawValue, kind: $0.kind.rawValue, closed: $0.closed.iso, due: $0.due?.iso,
                    isDue: $0.isDue)
            }
            ctx.console.print(
                try JSONOutput.render(
                    Output(date: today.iso, missingPeriods: rules.missing.map(\.rawValue), cases: rows)))
        } else {
            list(statuses, today: today, ctx: ctx)
        }
        if !rules.isComplete {
            let missing = rules.missing.map { "\($0.danish) (\($0.key))" }.joined(separator: ", ")
            ctx.console.error(
                "Opbevaringsperioden er ikke sat for: \(missing). unge sletter intet, før kommunen har sat alle perioder, fx:\n"
                    + "  unge indstillinger --opbevaring \(RetentionExample.periods)\n"
                    + "(Perioderne følger kommunens regler for arkivering; unge kender dem ikke.)")
            return archive == nil ? ExitCode.ok : ExitCode.ruleFailed
        }
        guard !due.isEmpty else {
            if !json {
                ctx.console.print("Ingen lukkede sager har passeret opbevaringsperioden pr. \(today.danishShort).")
            }
            return ExitCode.ok
        }
        guard let archive else {
            if !json {
                ctx.console.print(
                    "Slet dem med: unge slet --udloebne"
                        + (day.map { " --dato \($0.iso)" } ?? "")
                        + " --arkiv MAPPE (en arkivkopi skrives og kontrolleres først)")
            }
            return ExitCode.ok
        }
        if !confirmed {
            guard ctx.console.stdinIsTerminal else {
                throw UsageError.message(
                    "Sletning skal bekræftes. I en terminal spørger unge; i et script skal du skrive --ja.")
            }
            let question = "Skriv arkivkopier til \(archive) og slet " + Plural.count(due.count, "sag", "sager") + "?"
            guard try Prompter(console: ctx.console).confirmSave(question) else {
                ctx.console.print("Intet er slettet.")
                return ExitCode.ok
            }
        }
        for status in due { try delete(status, archive: archive, store: store, today: today, ctx: ctx) }
        return ExitCode.ok
    }

    /// Archive (or verify an existing copy), then delete one case, then list the files written out of
    /// the store earlier that the caseworker must remove by hand.
    private func delete(_ s: RetentionStatus, archive: String, store: any Store, today: LocalDate, ctx: Context) throws
    {
        // The exports recorded before the deletion drops the events' details.
        let exports = try store.auditEvents(for: s.id).events.filter {
            ExportTrail.kind(of: $0.criterion) != "arkivkopi"
        }
        .compactMap(ExportTrail.path)
        let dir = CaseArchive.path(of: s.id, in: archive)
        let revision: Int
        if FileManager.default.fileExists(atPath: dir) {
            revision = try ArchiveCopy.verify(s.id, in: archive, store: store).revision
            ctx.console.print("Sag \(s.id): arkivkopien i \(dir) findes og er kontrolleret.")
        } else {
            revision = try ArchiveCopy.write(s.id, to: archive, store: store, ctx: ctx).revision
            ctx.console.print("Sag \(s.id): arkivkopien er skrevet til \(dir) og kontrolleret.")
        }
        let period = (try? store.loadSettings().retention[s.kind]?.danish) ?? nil
        let reason =
            "opbevaringsperioden for \(s.kind.danish)" + (period.map { " (\($0))" } ?? "")
            + " udløb \(s.due?.iso ?? today.iso); lukket \(s.closed.iso); arkivkopi kontrolleret"
        let tombstone = AuditEvent(
            time: ctx.now, user: ctx.user, action: .delete, caseID: s.id, revisionBefore: revision, criterion: reason,
            command: ctx.commandName)
        try store.deleteCase(s.id, expectedRevision: revision, tombstone: tombstone)
        ctx.console.print("Sag \(s.id) er slettet.")
        var seen = Set<String>()
        let files = exports.filter { seen.insert($0).inserted }
        if !files.isEmpty {
            ctx.console.print("  Filer, der tidligere er skrevet ud af sagen; slet dem selv, hvis de findes:")
            for f in files {
                let gone = !FileManager.default.fileExists(atPath: f)
                ctx.console.print(
                    "    " + TerminalText.neutralise(f, keepLineBreaks: false) + (gone ? " (findes ikke her)" : ""))
            }
        }
    }

    private func list(_ statuses: [RetentionStatus], today: LocalDate, ctx: Context) {
        guard !statuses.isEmpty else {
            ctx.console.print("Ingen lukkede sager.")
            return
        }
        let rows = statuses.map { s in
            [
                s.id.rawValue, s.kind.danish, s.closed.danishShort, s.due?.danishShort ?? "ingen periode sat",
                s.isDue ? "udløbet" : "",
            ]
        }
        ctx.console.print("Lukkede sager pr. \(today.danishShort):")
        ctx.console.print(
            TextTable.render(
                header: ["Sag", "Slags", "Lukket", "Kan slettes fra", ""], rows: rows, width: ctx.console.width))
    }
}

/// Example retention periods for help and messages: an example of the municipality's own values
/// (unge ships none), not a legal rule.
enum RetentionExample {
    static let periods = "lukket=\"5 år\" --opbevaring anonym=\"1 år\" --opbevaring underretning=\"2 år\""
    static let one = "lukket=\"5 år\""
    static let formats = "\"5 år\", \"18 måneder\" eller \"2 år 6 måneder\""
}
