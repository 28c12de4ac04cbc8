import Foundation
import UngeCore
import UngeStore

/// One `unge` subcommand: its spec (help and accepted options), a validating initializer that runs
/// before any file is touched, and `run`, which only orchestrates.
protocol UngeCommand: Sendable {
    static var spec: CommandSpec { get }
    /// Second parsing phase: interpret and cross-check the raw options. Throws `UsageError`.
    init(_ args: ParsedArguments) throws
    /// Does the work and returns the exit status.
    func run(_ ctx: Context) throws -> Int32
    /// How this invocation uses the store, given the command table's flag (rarely refined by the
    /// options, as `underret --sag` needs an existing store where `underret` may create one).
    func storeUse(_ table: StoreUse) -> StoreUse
}

extension UngeCommand {
    func storeUse(_ table: StoreUse) -> StoreUse { table }
}

/// Failures the CLI reports with a Danish message and an exit code.
enum CLIError: Error, CustomStringConvertible {
    /// A rule or validation failed (exit 1); the output has said which.
    case ruleFailed(String)
    /// The store or data is unusable (exit 3).
    case data(String)
    /// The user stopped a dialogue (exit 2): nothing was saved.
    case cancelled
    /// A bug in unge itself (exit 70 would be conventional; we use 3 so scripts stop).
    case bug(String)

    var description: String {
        switch self {
        case .ruleFailed(let m): return m
        case .data(let m): return m
        case .cancelled: return "Afbrudt. Intet er gemt."
        case .bug(let m): return "Intern fejl i unge (\(m)). Kontakt den, der driver unge, og fortæl hvad du gjorde."
        }
    }

    var exitCode: Int32 {
        switch self {
        case .ruleFailed: return 1
        case .cancelled: return 2
        case .data, .bug: return 3
        }
    }
}

/// Exit statuses (README, CLI.md).
enum ExitCode {
    static let ok: Int32 = 0
    static let ruleFailed: Int32 = 1
    static let usage: Int32 = 2
    static let data: Int32 = 3
    /// Access refused by the team store.
    static let accessRefused: Int32 = 4
}

/// Small helpers commands share for interpreting values.
enum Values {
    static func date(_ text: String, option: String) throws -> LocalDate {
        guard let d = LocalDate.parse(text) else {
            if LocalDate.isOutsideSupportedYears(text) {
                throw UsageError.invalidValue(option: option, value: text, expected: LocalDate.supportedYearsMessage)
            }
            throw UsageError.invalidValue(
                option: option, value: text,
                expected: "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-04-13 (eller 13-04-2026 / 13.04.2026).")
        }
        return d
    }

    /// A time of day `TT:MM` (also `TT.MM`), as hour and minute.
    static func clock(_ text: String, option: String) throws -> (hour: Int, minute: Int) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == ":" || $0 == "." })
        guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
            (0...23).contains(h), (0...59).contains(m)
        else {
            throw UsageError.invalidValue(
                option: option, value: text, expected: "Skriv klokkeslættet som TT:MM, fx 09:30.")
        }
        return (h, m)
    }

    static func int(_ text: String, option: String, range: ClosedRange<Int>) throws -> Int {
        guard let n = Int(text), range.contains(n) else {
            throw UsageError.invalidValue(
                option: option, value: text,
                expected: "Skriv et helt tal fra \(range.lowerBound) til \(range.upperBound).")
        }
        return n
    }

    static func caseID(_ text: String) throws -> CaseID {
        guard let id = CaseID(text) else {
            throw UsageError.invalidValue(
                option: "sagsnummer", value: StoreText.maskCPR(text),
                expected:
                    "Et sagsnummer består af bogstaver, tal og bindestreg, fx 2026-0042. Se sagerne med 'unge liste'.")
        }
        return id
    }

    static func cpr(_ text: String) throws -> CPRNumber {
        do { return try CPRNumber.parse(text) } catch {
            throw UsageError.invalidValue(
                option: "--cpr", value: CPRNumber.maskedGuess(text),
                expected: "Skriv CPR-nummeret som DDMMÅÅ-XXXX, fx 010203-1234.")
        }
    }
}
