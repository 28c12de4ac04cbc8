import Foundation
import UngeCore
import UngeStore

/// `unge demo --lager DIR`: writes the fictional demo cases into a new or empty store folder, so
/// examples that write (a `notat`, answering `check --sag`) never touch real cases or tracked files.
struct DemoCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "demo",
        summary: "Læg de opdigtede demo-sager i en prøvemappe",
        discussion: """
            Skriver \(DemoCases.files.count) opdigtede sager (de samme som eksempel-lageret) i mappen fra --lager, så du
            kan prøve alle kommandoer uden at røre rigtige sager. Mappen skal være ny eller uden sager; --lager
            skal altid angives, så demo-sagerne aldrig havner i dit rigtige lager. Ingen af CPR-numrene kan
            tilhøre en rigtig person (dagen er lagt 60 til).
            """,
        options: [
            OptionSpec(
                "--lager", value: "MAPPE", help: "Prøvemappen, demo-sagerne skrives i (ny eller uden sager).",
                required: true)
        ],
        examples: [
            ("unge demo --lager /tmp/unge-demo", "Læg demo-sagerne i /tmp/unge-demo"),
            ("unge liste --lager /tmp/unge-demo", "Se dem"),
        ])

    init(_ args: ParsedArguments) throws {
        // An empty --lager would fall back to the real store.
        if args.value("--lager")?.isEmpty != false {
            throw UsageError.missingArgument("en prøvemappe: unge demo --lager MAPPE", command: "demo")
        }
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.store
        let existing = store.exists ? try store.caseIDs() : []
        if !existing.isEmpty {
            throw UsageError.message(
                "Mappen \(store.location) har allerede sager (\(existing.count)). Demo-sagerne skrives kun i en ny eller tom mappe, "
                    + "så de aldrig blandes med rigtige sager. Vælg en anden mappe, fx --lager /tmp/unge-demo.")
        }
        for (id, json) in DemoCases.files {
            guard let caseID = CaseID(id) else { throw CLIError.bug("demo-sag med ugyldigt sagsnummer \(id)") }
            try store.importCase(Data(json.utf8), as: caseID, now: ctx.now, user: ctx.user, command: ctx.commandName)
        }
        ctx.console.print("\(DemoCases.files.count) opdigtede sager er lagt i \(store.location).")
        // One shell word: a team store's URI has '&' and '?' a shell would act on.
        ctx.console.print("Prøv: unge liste --lager \(DocumentFile.shellQuoted(store.location))")
        return ExitCode.ok
    }
}
