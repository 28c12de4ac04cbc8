import Foundation
import UngeCore
import UngeStore

/// `unge log <id>`: a case's audit events (the data subject's right of access).
struct LogCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "log",
        summary: "Vis revisionssporet for en sag",
        arguments: [.caseID],
        discussion: "Viser hvem der har læst, søgt, oprettet eller ændret sagen og hvornår, også hver liste, søgning og\nfristoversigt, der viste sagen. Brugeren er kontoen på computeren; et navn givet med --bruger står ved siden af.\nBruges fx når en borger beder om indsigt i, hvem der har set oplysningerne. Sporet indeholder aldrig CPR-numre\neller fritekst.",
        options: [.json],
        examples: [
            ("unge log 2026-0001", "Revisionssporet for sagen"),
            ("unge log 2026-0001 --json", "Som JSON til videre behandling"),
        ],
        positionals: 1...1, positionalNames: ["sagsnummeret"])

    let id: CaseID
    let json: Bool

    init(_ args: ParsedArguments) throws {
        id = try Values.caseID(args.positional(0)!)
        json = args.has("--json")
    }

    struct Output: Encodable {
        let id: CaseID
        let events: [AuditEvent]
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.openStore()
        let file = try store.load(id)  // refuses unknown cases with a clear message
        try store.appendAudit(ctx.event(.export, caseID: id, before: file.revision, after: file.revision, criterion: "revisionsspor"))
        let (events, problems) = try store.auditEvents(for: id)
        for p in problems { ctx.console.error("Advarsel: \(p.description)") }
        if json {
            ctx.console.print(try JSONOutput.render(Output(id: id, events: events)))
            return ExitCode.ok
        }
        let rows = events.map { e in
            [DanishTime.format(e.time), e.account.map { $0 == e.user ? $0 : "\(e.user) (konto: \($0))" } ?? e.user, e.action.danish, e.command,
             e.revisionBefore.map(String.init) ?? "", e.revisionAfter.map(String.init) ?? "", e.criterion ?? ""]
        }
        ctx.console.print(TextTable.render(header: ["Tidspunkt", "Bruger", "Handling", "Kommando", "Rev. før", "Rev. efter", "Detaljer"], rows: rows))
        return ExitCode.ok
    }
}

extension AuditAction {
    /// The Danish word shown in `unge log`.
    var danish: String {
        switch self {
        case .read: return "læst"
        case .search: return "søgning"
        case .create: return "oprettet"
        case .update: return "ændret"
        case .export: return "udtræk"
        case .delete: return "slettet"
        case .unlock: return "lås brudt"
        case .revealCPR: return "CPR vist"
        case .draftSaved: return "kladde gemt"
        case .draftDeleted: return "kladde slettet"
        }
    }
}
