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
        discussion: "Åbner sagen som JSON i $EDITOR (eller $VISUAL, ellers nano/vi). Filen ligger i en privat mappe i lageret,\nså editorens midlertidige filer ikke kan læses af andre. Når du gemmer og lukker, bliver sagen tjekket:\ner noget galt, ser du fejlen og kan rette igen eller opgive. Sagen ændres først, når alt er i orden.\nFelterne id, revision og schemaVersion må ikke ændres.",
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
        let editor = ctx.environment["VISUAL"] ?? ctx.environment["EDITOR"] ?? (FileManager.default.isExecutableFile(atPath: "/usr/bin/nano") ? "nano" : "vi")
        let store = try ctx.openStore()
        let original = try ctx.readCase(id, store: store, showCPR: true)
        let originalData = try UngeJSON.encoder().encode(original)
        let folder = try PrivateFolder(inside: ctx.storeLocation.appendingPathComponent("rediger"))
        defer { folder.remove() }
        let file = folder.url.appendingPathComponent("sag-\(id.rawValue).json")
        try folder.write(originalData, to: file)
        let prompter = Prompter(console: ctx.console)
        while true {
            let status = try runEditor(editor, file: file)
            guard status == 0 else {
                ctx.console.error("Editoren sluttede med en fejl (kode \(status)). Ændringen er opgivet; sagen er uændret.")
                return ExitCode.ruleFailed
            }
            let edited = (try? Data(contentsOf: file)) ?? Data()
            if edited == originalData {
                ctx.console.print("Ingen ændringer. Sagen er uændret.")
                return ExitCode.ok
            }
            switch validate(edited, original: original) {
            case .success(let updated):
                let saved = try store.save(updated, expectedRevision: original.revision, now: ctx.now, user: ctx.user, command: ctx.commandName)
                ctx.console.print("Sag \(id.rawValue) er gemt (revision \(saved.revision)).")
                return ExitCode.ok
            case .failure(let message):
                ctx.console.error("Ændringen kan ikke gemmes: \(message)")
                guard ctx.isInteractive(interactive), try prompter.yesNo("Vil du rette igen? (nej opgiver ændringen)", defaultValue: true) else {
                    ctx.console.error("Ændringen er opgivet; sagen er uændret.")
                    return ExitCode.ruleFailed
                }
            }
        }
    }

    /// Decodes and checks an edited case; the message says what is wrong in Danish.
    func validate(_ data: Data, original: CaseFile) -> Result<CaseFile, EditError> {
        let updated: CaseFile
        do {
            updated = try UngeJSON.decoder().decode(CaseFile.self, from: data)
        } catch {
            return .failure(EditError(DecodingText.danish(error)))
        }
        if updated.id != original.id { return .failure(EditError("sagsnummeret (id) må ikke ændres; det skal være \(original.id.rawValue).")) }
        if updated.revision != original.revision { return .failure(EditError("revision må ikke ændres; den skal være \(original.revision).")) }
        if updated.schemaVersion != original.schemaVersion {
            return .failure(EditError("schemaVersion må ikke ændres; den skal være \(original.schemaVersion)."))
        }
        if let cpr = updated.youngPerson.cpr, let born = updated.youngPerson.birthDate, cpr.birthDate != born {
            return .failure(EditError("birthDate passer ikke med CPR-nummeret (\(cpr.masked))."))
        }
        for p in updated.network.people where !(1...3).contains(p.closeness) {
            return .failure(EditError("closeness for '\(p.name)' skal være 1, 2 eller 3."))
        }
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
            throw CLIError.data("Kunne ikke starte editoren '\(editor)'. Sæt EDITOR til en editor, der findes, fx EDITOR=nano.")
        }
        p.waitUntilExit()
        return p.terminationStatus
    }
}

/// A folder only the user can read (0700), removed with everything in it when done. Named
/// `<pid>.<random>`, so the store can remove it if this process dies (`removeAbandonedWorkFolders`).
struct PrivateFolder {
    let url: URL

    init(inside parent: URL) throws {
        umask(0o077)
        mkdir(parent.path, 0o700)
        chmod(parent.path, 0o700)
        var template = Array(parent.appendingPathComponent("\(getpid()).XXXXXX").path.utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw CLIError.data("Kunne ikke oprette en privat arbejdsmappe i \(parent.path).")
        }
        url = URL(fileURLWithPath: String(cString: made))
    }

    func write(_ data: Data, to file: URL) throws {
        let fd = open(file.path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CLIError.data("Kunne ikke skrive arbejdsfilen \(file.lastPathComponent).") }
        defer { close(fd) }
        let ok = data.withUnsafeBytes { buf -> Bool in
            var off = 0
            while off < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 { if errno == EINTR { continue }; return false }
                off += n
            }
            return true
        }
        guard ok else { throw CLIError.data("Kunne ikke skrive arbejdsfilen \(file.lastPathComponent).") }
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Danish explanations of JSON decoding errors that name the field, never its content.
enum DecodingText {
    static func danish(_ error: Error) -> String {
        func path(_ keys: [CodingKey]) -> String {
            let p = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
            return p.isEmpty ? "dokumentet" : "'\(p)'"
        }
        guard let e = error as? DecodingError else { return "filen er ikke gyldig JSON." }
        switch e {
        case .keyNotFound(let key, let ctx):
            return "feltet '\(key.stringValue)' mangler" + (ctx.codingPath.isEmpty ? "." : " i \(path(ctx.codingPath)).")
        case .typeMismatch(_, let ctx):
            return "\(path(ctx.codingPath)) har en forkert type (fx tekst hvor der skal stå et tal)."
        case .valueNotFound(_, let ctx):
            return "\(path(ctx.codingPath)) mangler en værdi."
        case .dataCorrupted(let ctx):
            if ctx.codingPath.isEmpty { return "filen er ikke gyldig JSON (tjek kommaer, anførselstegn og klammer)." }
            let detail = ctx.debugDescription.contains("'") || ctx.debugDescription.contains("forventet") ? " (\(ctx.debugDescription))" : ""
            return "\(path(ctx.codingPath)) har en ugyldig værdi\(detail)."
        @unknown default:
            return "filen kan ikke læses."
        }
    }
}
