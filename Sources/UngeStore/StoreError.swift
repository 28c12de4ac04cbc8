import Foundation
import UngeCore

/// Everything that can go wrong in the case store (lager), each with a Danish message that quotes
/// the offending value (a file name or case id), never a CPR number or the content of a field.
///
/// The CLI maps every case to exit code 3 (store or data error), see `exitCode`.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// A text that is not a valid case id (`../x`, `a/b`, empty, ...); rejected before any path is built.
    case invalidID(String)
    /// No case file with this id.
    case notFound(CaseID)
    /// Optimistic concurrency: the case was saved by someone else since it was read.
    case conflict(CaseID, expected: Int, actual: Int)
    /// The short save lock is held by someone else and was not released within the bounded wait.
    case locked(CaseID, owner: String, host: String, pid: Int32, since: String)
    /// A document written by a newer version of unge; `file` is relative to the store, e.g. `sager/2026-0003.json`.
    case newerSchema(file: String, version: Int)
    /// A truncated, invalid or otherwise unreadable document; `reason` never echoes field contents.
    case corrupt(file: String, reason: String)
    /// The audit event could not be written durably, so nothing was shown or changed (fail closed).
    case auditFailed(reason: String)
    /// A system call failed while writing or reading a store file. `visible` tells whether the change
    /// may already be visible (only a failed folder fsync after the rename).
    case io(operation: String, file: String, code: Int32, visible: Bool)

    /// The process exit code the CLI uses for every store error.
    public var exitCode: Int32 { 3 }

    public var description: String {
        switch self {
        case .invalidID(let text):
            return "'\(StoreText.quote(text))' er ikke et gyldigt sagsnummer. Et sagsnummer består af bogstaver, tal og bindestreg, fx 2026-0042."
        case .notFound(let id):
            // Quoted with CPR-like digits masked: people type a CPR number where the case id belongs.
            return "Der findes ingen sag med nummeret \(StoreText.quote(id.rawValue)). Se sagerne med 'unge liste'."
        case .conflict(let id, let expected, let actual):
            return "Sagen \(id) er ændret af en anden, siden du hentede den (revision \(expected), nu \(actual)). Hent den igen og prøv igen."
        case .locked(let id, let owner, let host, let pid, let since):
            return "Sagen \(id) er låst af '\(StoreText.quote(owner))' (proces \(pid) på \(StoreText.quote(host)), siden \(since)), som er i gang med at gemme. Prøv igen om lidt."
        case .newerSchema(let file, let version):
            return "Filen '\(file)' er skrevet af en nyere version af unge (skema \(version); denne version kan læse op til \(CaseFile.currentSchemaVersion)). Opdatér unge."
        case .corrupt(let file, let reason):
            return "Filen '\(file)' kan ikke læses: \(reason). Filen er ikke ændret; ret eller gendan den fra backup."
        case .auditFailed(let reason):
            return "Revisionssporet (log) kunne ikke skrives: \(reason). Af hensyn til logningspligten er intet vist eller ændret."
        case .io(let operation, let file, let code, let visible):
            let tail =
                visible
                ? "Ændringen er måske gemt, men det kunne ikke bekræftes, at den er skrevet sikkert til disken. Kontrollér sagen."
                : "Intet er ændret."
            return "Kunne ikke \(operation) '\(file)': \(Posix.errorText(code)). \(tail)"
        }
    }
}

/// A file that could not be listed, with the reason; the other cases still list.
public struct StoreProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file, relative to the store, e.g. `sager/2026-0003.json`.
    public let file: String
    public let error: StoreError

    public init(file: String, error: StoreError) {
        self.file = file
        self.error = error
    }

    public var description: String { error.description }
}

/// Helpers that keep personal data out of messages and log entries.
public enum StoreText {
    /// Replaces every CPR number, in any spelling, with `DDMMYY-xxxx` (the one masker, `CPRMask`).
    public static func maskCPR(_ text: String) -> String { CPRMask.mask(text) }

    /// Danish text for an errno value (for messages outside the store, e.g. `--ud`).
    public static func errorText(_ code: Int32) -> String { Posix.errorText(code) }

    /// A value fit to quote in a message: CPR-like digits masked, control characters dropped,
    /// at most 60 characters.
    static func quote(_ text: String) -> String {
        let masked = maskCPR(text)
        let clean = String(masked.unicodeScalars.filter { $0.value >= 32 && $0.value != 127 }.map(Character.init))
        return clean.count > 60 ? String(clean.prefix(60)) + "…" : clean
    }
}
