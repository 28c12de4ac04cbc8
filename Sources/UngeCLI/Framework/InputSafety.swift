import Foundation
import UngeCore

/// Checks on what a command line brings in before anything runs: a user name the audit log will
/// record must be one plain line, `--lager` must name a folder, and every argument must be valid
/// UTF-8 (a wrong byte would otherwise be silently replaced by "�" in a name, a note or the log).
enum InputSafety {
    /// Refuses a `--bruger` or `$UNGE_BRUGER` with control characters (a newline could forge lines
    /// in `unge log`) and an empty `--bruger`.
    static func check(_ parsed: ParsedArguments, environment: [String: String]) throws {
        if let user = parsed.value("--bruger") { try checkUser(user, source: "--bruger") }
        if let user = environment["UNGE_BRUGER"], !user.isEmpty { try checkUser(user, source: "UNGE_BRUGER") }
        // An empty --lager is refused in Unge.run (the store-location check).
    }

    /// A user name is one line of visible text.
    static func checkUser(_ user: String, source: String) throws {
        // Masked before escaping: an escaped separator would hide a CPR number from the masker.
        let shown = TerminalText.neutralise(CPRMask.mask(user), keepLineBreaks: false)
        if user.unicodeScalars.contains(where: {
            TerminalText.isControl($0, keepLineBreaks: false)
        }) {
            throw UsageError.invalidValue(
                option: source, value: shown,
                expected:
                    "Et brugernavn skal være én linje uden linjeskift, tabulator eller andre kontroltegn, fx --bruger \"Lene Dahl\"."
            )
        }
        if user.trimmingCharacters(in: .whitespaces).isEmpty {
            throw UsageError.invalidValue(
                option: source, value: user,
                expected: "Angiv et navn, fx --bruger \"Lene Dahl\", eller udelad --bruger.")
        }
    }

    /// The positions (1-based) of command-line arguments that are not valid UTF-8, read from the
    /// raw `argv` (Swift's `CommandLine.arguments` has already replaced the bad bytes).
    static func invalidUTF8Arguments() -> [Int] {
        var bad: [Int] = []
        for i in 1..<Int(CommandLine.argc) {
            guard let p = CommandLine.unsafeArgv[i] else { continue }
            if String(validatingCString: p) == nil { bad.append(i) }
        }
        return bad
    }

    /// The Danish message for arguments that are not valid UTF-8.
    static func invalidUTF8Message(_ positions: [Int]) -> String {
        let which = positions.map(String.init).joined(separator: ", ")
        return
            "Fejl: Argument nr. \(which) er ikke gyldig tekst (UTF-8). Det sker fx, når tekst kopieres fra et program med et andet tegnsæt. Skriv det igen; unge gemmer ikke tekst, der ville blive ændret undervejs."
    }
}
