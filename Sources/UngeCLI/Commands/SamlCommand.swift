import Foundation
import UngeCore
import UngeStore

/// `unge saml <sag> --ind-i <sag>`: merges two cases of the same young person (`CaseMerge`). Both
/// cases are saved together (all or nothing); each gets its own audit event pointing at the other,
/// and no audit event moves.
struct SamlCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "saml",
        summary: "Saml to sager om den samme unge i én",
        arguments: [.caseID],
        discussion: """
            Har den unge fået to sager (fx en underretning registreret uden CPR-nummer), samles de her: journal,
            underretninger, afgørelser, dokumenter, breve og redskaber flyttes fra den første sag til sagen i --ind-i.
            Den første sags nummer bliver stående som en lukket henvisning til den anden. Numre, der ville støde
            sammen (underretning nr. 1, afgørelse A1, brev B1), får nye numre, og det står i journalen. Begge sager
            får en hændelse i revisionssporet, der peger på den anden; tidligere hændelser bliver, hvor de er.
            Sager med forskellige CPR-numre eller fødselsdatoer samles ikke. Enten gemmes begge sager, eller ingen.
            I en terminal ser du, hvad der sker, og bliver spurgt, før noget gemmes.
            """,
        options: [
            OptionSpec(
                "--ind-i", value: "SAG", help: "Sagen, der skal samles ind i (den, der fortsætter).", required: true),
            OptionSpec("--grund", value: "TEKST", help: "Hvorfor sagerne samles (skrives i begge journaler)."),
            .interactive, .json,
        ],
        examples: [
            (
                "unge saml 2026-0015 --ind-i 2026-0003",
                "Flyt sag 2026-0015 ind i 2026-0003; 2026-0015 peger derefter på 2026-0003"
            )
        ],
        positionals: 1...1, positionalNames: ["sagsnummeret"])

    let source: CaseID
    let target: CaseID
    let reason: String?
    let interactive: Bool
    let json: Bool

    init(_ args: ParsedArguments) throws {
        source = try Values.caseID(args.positional(0)!)
        target = try Values.caseID(args.value("--ind-i")!)
        let r = args.value("--grund")?.trimmingCharacters(in: .whitespacesAndNewlines)
        reason = r?.isEmpty == false ? r : nil
        interactive = args.has("--interaktiv")
        json = args.has("--json")
        if source == target { throw UsageError.conflict(CaseMerge.Refusal.sameCase(source).description) }
    }

    struct Output: Encodable {
        let mergedInto: CaseID
        let pointer: CaseID
        let revision: Int
        let renumbered: [String: String]
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.store
        let from = try ctx.readCase(source, store: store)
        let into = try ctx.readCase(target, store: store)
        if let refusal = CaseMerge.check(source: from, into: into) { throw CLIError.ruleFailed(refusal.description) }
        let result = try CaseMerge.merge(
            from, into: into, now: ctx.now, today: ctx.today, author: ctx.user, reason: reason)
        if ctx.isInteractive(interactive) {
            let c = ctx.console
            c.error("")
            c.error(
                "Sag \(source.rawValue) (\(from.youngPerson.displayName)) samles ind i sag \(target.rawValue) (\(into.youngPerson.displayName)):"
            )
            c.error(
                "  \(from.journal.count) journalnotater, \(from.concernReports.count) underretninger, \(from.decisions.count) afgørelser, \(from.letters.count) breve, \(from.toolRecords.count) redskaber flyttes."
            )
            if let text = result.renumbered.text { c.error("  Nye numre: \(text).") }
            c.error("  Sag \(source.rawValue) bliver en lukket henvisning til \(target.rawValue).")
            guard try Prompter(console: c).confirmSave("Saml sagerne?") else {
                c.error("Intet er gemt.")
                return ExitCode.usage
            }
        }
        let saved = try store.saveTogether(
            [
                CaseChange(
                    caseFile: result.source, expectedRevision: from.revision,
                    criterion: "samlet ind i sag \(target.rawValue)"),
                CaseChange(
                    caseFile: result.target, expectedRevision: into.revision,
                    criterion: "sag \(source.rawValue) samlet ind"),
            ], now: ctx.now, user: ctx.user, command: ctx.commandName)
        let merged = saved[1]
        if json {
            var map: [String: String] = [:]
            for (a, b) in result.renumbered.decisions { map[a] = b }
            for (a, b) in result.renumbered.letters { map[a] = b }
            for (a, b) in result.renumbered.notifications { map["underretning \(a)"] = "underretning \(b)" }
            ctx.console.print(
                try JSONOutput.render(
                    Output(mergedInto: target, pointer: source, revision: merged.revision, renumbered: map)))
        } else {
            ctx.console.print(
                "Sag \(source.rawValue) er samlet ind i sag \(ctx.console.bold(target.rawValue)) (revision \(merged.revision)). \(source.rawValue) peger nu på \(target.rawValue)."
            )
            if let text = result.renumbered.text { ctx.console.print("Nye numre: \(text).") }
        }
        return ExitCode.ok
    }
}
