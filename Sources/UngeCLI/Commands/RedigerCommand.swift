import Foundation
import UngeCore
import UngeStore

#if canImport(Glibc)
    import Glibc
#endif

/// `unge rediger <id>`: edit a case as JSON in `$EDITOR`, validated on save (like `visudo`).
struct RedigerCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "rediger",
        summary: "Ret en sag som JSON i din editor",
        arguments: [.caseID],
        discussion:
            "Åbner sagen som JSON i $EDITOR (eller $VISUAL, ellers nano/vi). Filen ligger i en privat mappe i lageret,\nså editorens midlertidige filer ikke kan læses af andre. Når du gemmer og lukker, bliver sagen tjekket:\ner noget galt, ser du fejlen og kan rette igen eller opgive. Sagen ændres først, når alt er i orden.\nFelterne id, revision og schemaVersion må ikke ændres.",
        options: [.interactive],
        examples: [
            ("unge rediger 2026-0001", "Ret sagen i din editor"),
            ("EDITOR=nano unge rediger 2026-0001", "Brug nano som editor"),
        ],
        positionals: 1...1, positionalNames: ["sagsnummeret"])

    let id: CaseID
    let interactive: Bool

    init(_ args: ParsedArguments) throws {
        id = try Values.caseID(args.positional(0)!)
        interactive = args.has("--interaktiv")
    }

    func run(_ ctx: Context) throws -> Int32 {
        let editor =
            ctx.environment["VISUAL"] ?? ctx.environment["EDITOR"]
            ?? (FileManager.default.isExecutableFile(atPath: "/usr/bin/nano") ? "nano" : "vi")
        let store = try ctx.store
        _ = try ctx.readCase(id, store: store, showCPR: true)
        // What the editor shows keeps the fields this version does not know, so they survive.
        let (original, originalData) = try store.editableDocument(id)
        let folder = try store.makeWorkFolder()
        defer { folder.remove() }
        let file = try folder.write(originalData, named: "sag-\(id.rawValue).json")
        let prompter = Prompter(console: ctx.console)
        while true {
            let status = try runEditor(editor, file: file)
            guard status == 0 else {
                ctx.console.error(
                    "Editoren sluttede med en fejl (kode \(status)). Ændringen er opgivet; sagen er uændret.")
                return ExitCode.ruleFailed
            }
            let edited = (try? Data(contentsOf: file)) ?? Data()
            if edited == originalData {
                ctx.console.print("Ingen ændringer. Sagen er uændret.")
                return ExitCode.ok
            }
            switch validate(edited, original: original) {
            case .success(let updated):
                let saved = try store.save(
                    updated, expectedRevision: original.revision, now: ctx.now, user: ctx.user,
                    command: ctx.commandName, action: .update,
                    unknownFrom: edited)
                ctx.console.print("Sag \(id.rawValue) er gemt (revision \(saved.revision)).")
                return ExitCode.ok
            case .failure(let message):
                ctx.console.error("Ændringen kan ikke gemmes: \(message)")
                guard ctx.isInteractive(interactive),
                    try prompter.yesNo("Vil du rette igen? (nej opgiver ændringen)", defaultValue: true)
                else {
                    ctx.console.error("Ændringen er opgivet; sagen er uændret.")
                    return ExitCode.ruleFailed
                }
            }
        }
    }

    /// Decodes and checks an edited case; the message says what is wrong in Danish.
    func validate(_ data: Data, original: CaseFile) -> Result<CaseFile, EditError> {
        let updated: CaseFile
        // A key written twice would be resolved silently by the decoder, keeping one of the values.
        if let dup = JSONTree.duplicateKey(in: data) { return .failure(EditError(dup.description + ".")) }
        do {
            updated = try UngeJSON.decoder().decode(CaseFile.self, from: data)
        } catch {
            return .failure(EditError(JSONProblem.describe(error, in: data) + "."))
        }
        if updated.id != original.id {
            return .failure(EditError("sagsnummeret (id) må ikke ændres; det skal være \(original.id.rawValue)."))
        }
        if updated.revision != original.revision {
            return .failure(EditError("revision må ikke ændres; den skal være \(original.revision)."))
        }
        if updated.schemaVersion != original.schemaVersion {
            return .failure(EditError("schemaVersion må ikke ændres; den skal være \(original.schemaVersion)."))
        }
        if let cpr = updated.youngPerson.cpr, let born = updated.youngPerson.birthDate, cpr.birthDate != born {
            return .failure(EditError("birthDate passer ikke med CPR-nummeret (\(cpr.masked))."))
        }
        for p in updated.network.people where !(1...3).contains(p.closeness) {
            return .failure(EditError("closeness for '\(p.name)' skal være 1, 2 eller 3."))
        }
        if let problem = ToolValidation.storedProblem(in: updated.toolRecords) { return .failure(EditError(problem)) }
        return .success(updated)
    }

    struct EditError: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }

    private func runEditor(_ editor: String, file: URL) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "\(editor) \"$1\"", "unge-rediger", file.path]
        do { try p.run() } catch {
            throw CLIError.data(
                "Kunne ikke starte editoren '\(editor)'. Sæt EDITOR til en editor, der findes, fx EDITOR=nano.")
        }
        p.waitUntilExit()
        return p.terminationStatus
    }
}
