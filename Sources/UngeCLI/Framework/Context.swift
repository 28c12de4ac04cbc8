import Foundation
import UngeCore
import UngeStore

/// Everything a command needs from the outside world, resolved once: streams, environment, the
/// clock, the user and the store location. Commands read the clock only through `now`/`today`.
final class Context {
    let console: Console
    let environment: [String: String]
    /// The instant the command started (`UNGE_NU` pins it for tests and golden files).
    let now: Date
    /// Today in Denmark.
    let today: LocalDate
    /// Who is acting, for the audit log.
    /// In the team store, the session's database role (set when the store is opened).
    var user: String
    /// The `--bruger` value, if given (the team store refuses one that is not the session's role).
    let userFlag: String?
    /// The `--lager` value, if given.
    let storeFlag: String?
    /// The command line's first word, for the audit log.
    let commandName: String
    /// How this command uses the store (the command table's flag).
    var storeUse: StoreUse
    /// The store, once `store` has opened it.
    var openedStore: (any Store)?
    /// `--overskriv`: an `--ud` file that exists may be replaced (`OutputFiles`).
    var overwrite = false

    init(
        console: Console, environment: [String: String], now: Date, storeFlag: String?, userFlag: String?,
        commandName: String, storeUse: StoreUse = .none
    ) {
        self.console = console
        self.environment = environment
        self.now = now
        self.today = DanishTime.date(of: now)
        self.user = Context.resolveUser(flag: userFlag, environment: environment)
        self.userFlag = userFlag
        self.storeFlag = storeFlag
        self.commandName = commandName
        self.storeUse = storeUse
    }

    /// `--bruger`, else `$UNGE_BRUGER`, else `$USER` (as the help and README say), else the
    /// operating-system account (never "ukendt"). The audit log records the account beside it
    /// anyway, so a name set by hand never hides who acted.
    static func resolveUser(flag: String?, environment: [String: String]) -> String {
        for candidate in [flag, environment["UNGE_BRUGER"], environment["USER"]] {
            if let c = candidate?.trimmingCharacters(in: .whitespaces), !c.isEmpty { return c }
        }
        return AuditEvent.processAccount
    }

    /// The instant to use as "now": the system clock; in test builds (`UNGE_TEST_HOOKS`) `UNGE_NU`
    /// (ISO 8601) if set. A release build ignores `UNGE_NU`, so nobody can back-date a note or an
    /// audit event.
    static func resolveNow(environment: [String: String]) throws -> Date {
        #if UNGE_TEST_HOOKS
            if let pinned = environment["UNGE_NU"] {
                guard
                    let d = UngeJSON.parseTimestamp(pinned)
                        ?? LocalDate.parse(pinned).map({ DanishTime.instant($0, hour: 12) })
                else {
                    throw UsageError.message(
                        "UNGE_NU='\(pinned)' er ikke et gyldigt tidspunkt. Brug fx 2026-04-13T09:30:00Z.")
                }
                return d
            }
        #endif
        return Date()
    }

    /// Whether to ask questions: on a terminal, or when `--interaktiv` is given.
    func isInteractive(_ args: Bool) -> Bool { args || console.stdinIsTerminal }
}

/// Asks a person questions, one at a time, reading answers line by line.
///
/// End of input (Ctrl-D) cancels the whole dialogue: the command then saves nothing.
struct Prompter {
    let console: Console

    /// Asks for a value. Returns the trimmed answer (nil when empty and not required).
    /// Throws `CLIError.cancelled` on end of input.
    func ask(_ question: String, help: String? = nil, required: Bool = false, defaultValue: String? = nil) throws
        -> String?
    {
        if let help { console.error(console.dim(TextWrap.wrap(CPRMask.mask(help), width: console.guidanceWidth))) }
        while true {
            let suffix = defaultValue.map { " [\($0)]" } ?? ""
            console.ask(console.bold(question) + suffix + ": ")
            guard let line = console.readLine() else { throw CLIError.cancelled }
            let answer = line.trimmingCharacters(in: .whitespaces)
            if answer.isEmpty {
                if let defaultValue { return defaultValue }
                if required {
                    console.error("  Dette felt skal udfyldes.")
                    continue
                }
                return nil
            }
            return answer
        }
    }

    /// Asks until `parse` accepts the answer; `parse` returns nil with a reason to ask again.
    func ask<T>(
        _ question: String, help: String? = nil, required: Bool = true, defaultValue: String? = nil,
        parse: (String) -> Result<T, UsageError>
    ) throws -> T? {
        while true {
            guard let text = try ask(question, help: help, required: required, defaultValue: defaultValue) else {
                return nil
            }
            switch parse(text) {
            case .success(let v): return v
            case .failure(let e): console.guide(e.description, indent: "  ")
            }
        }
    }

    /// Ja/nej. An empty answer takes the default.
    func yesNo(_ question: String, defaultValue: Bool? = nil) throws -> Bool {
        let hint = defaultValue == nil ? "(j/n)" : (defaultValue! ? "(J/n)" : "(j/N)")
        while true {
            console.ask(console.bold(question) + " \(hint): ")
            guard let line = console.readLine() else { throw CLIError.cancelled }
            switch line.trimmingCharacters(in: .whitespaces).lowercased() {
            case "j", "ja", "y", "yes": return true
            case "n", "nej", "no": return false
            case "": if let d = defaultValue { return d }
            default: break
            }
            console.error("  Svar j (ja) eller n (nej).")
        }
    }

    /// The last question before anything is saved. Only an explicit yes ("j", "ja", "gem") saves and
    /// only an explicit no ("n", "nej") saves nothing; anything else, a stray Enter included, asks
    /// again. End of input saves nothing.
    func confirmSave(_ question: String = "Gem?") throws -> Bool {
        while true {
            console.ask(console.bold(question) + " (j/n): ")
            guard let line = console.readLine() else { return false }
            switch line.trimmingCharacters(in: .whitespaces).lowercased() {
            case "j", "ja", "y", "yes", "gem", "g": return true
            case "n", "nej", "no": return false
            default: console.error("  Svar j (ja, gem) eller n (nej, gem ikke).")
            }
        }
    }
}

/// JSON output for scripts: every document carries a `formatVersion`.
enum JSONOutput {
    static let formatVersion = 1

    /// Encodes `payload` with the format version under the key `formatVersion`, merged at the top level.
    static func render<T: Encodable>(_ payload: T) throws -> String {
        let wrapped = Versioned(payload: payload)
        let data = try UngeJSON.encoder().encode(wrapped)
        // Controls and bidi characters from a case as JSON escapes: valid JSON, harmless on a terminal.
        return TerminalText.escapingControlsInJSON(String(decoding: data, as: UTF8.self))
    }

    private struct Versioned<T: Encodable>: Encodable {
        let payload: T
        enum Key: String, CodingKey { case formatVersion }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(JSONOutput.formatVersion, forKey: .formatVersion)
            try payload.encode(to: encoder)
        }
    }
}
