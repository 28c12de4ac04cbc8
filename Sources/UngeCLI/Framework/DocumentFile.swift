import Foundation
import UngeCore
import UngeStore

#if canImport(Glibc)
    import Glibc
#endif

/// Writing a generated document to a file (`--ud FIL`), the same for every document command
/// (`underret`, `undersoeg`, `plan`, `behandlingsplan`): the target is checked before anything is
/// saved, the export is audited before anything is written (fail closed), and the file is readable
/// by the owner only, since it holds personal data.
///
/// The target rules are `OutputFiles` (UngeStore), the one check for every `--ud`: refused, with
/// exit 2 and nothing saved, are an existing file without `--overskriv`, a folder, a FIFO, a device,
/// a socket, a symbolic link, a hard link, someone else's file, a folder others can write to (not
/// sticky), and anything inside the store folder. If the write still fails after the command saved
/// something, the message says plainly what IS saved and gives the command that prints it again.
enum DocumentFile {
    /// What a command saved before writing the document, for the message if the write then fails.
    struct Saved {
        /// "Underretning nr. 2 er gemt på sag 2026-0001 (revision 3)".
        let what: String
        /// The command that prints the document again, without `--ud`, e.g.
        /// `unge underret --sag 2026-0001 --udskriv 2`.
        let reprint: String
    }

    /// Checks an `--ud` target before anything is saved (exit 2 with a Danish message); shows the
    /// warnings (a folder others can read) on stderr. The one check is `OutputFiles.check`.
    static func checkTarget(_ path: String, ctx: Context) throws {
        switch OutputFiles.check(path, overwrite: ctx.overwrite, storeRoot: ctx.storeFolder) {
        case .failure(let p):
            throw UsageError.invalidValue(
                option: "--ud", value: path,
                expected: p.reason + " Vælg en ny fil uden for lageret, fx --ud ~/dokumenter/underretning.md.")
        case .success(let c):
            for w in c.warnings { ctx.console.error(w) }
        }
    }

    /// Logs the export of case `id` and writes `text` to `path` with mode 0600. `saved` says what
    /// the command saved before (nil for a command that only shows): a failed write then says that
    /// it IS saved and how to print the document again, so nobody saves it twice.
    static func export(
        _ text: String, to path: String, caseID id: CaseID, revision: Int, store: any Store, ctx: Context,
        saved: Saved? = nil
    ) throws {
        try store.appendAudit(
            ctx.event(
                .export, caseID: id, before: revision, after: revision,
                criterion: ExportTrail.criterion("dokument", path: path)))
        // Like the screen: a CPR number in free text is masked unless the command was given --vis-cpr.
        let body = ctx.console.maskCPROnStdout ? CPRMask.mask(text) : text
        do {
            try write(body, to: path, storeRoot: ctx.storeFolder, overwrite: ctx.overwrite)
        } catch let failure {
            throw CLIError.data(message(failure.reason, path: path, saved: saved, ctx: ctx))
        }
    }

    /// Writes `text` to `path` (0600) for a command that saved nothing and logs its own export
    /// event; a failure is a data error saying that nothing in the case changed.
    static func write(_ text: String, to path: String, ctx: Context) throws {
        do {
            try write(text, to: path, storeRoot: ctx.storeFolder, overwrite: ctx.overwrite)
        } catch let failure {
            throw CLIError.data(message(failure.reason, path: path, saved: nil, ctx: ctx))
        }
    }

    /// The message for a failed write: what went wrong, then what is saved and how to print again.
    static func message(_ reason: String, path: String, saved: Saved?, ctx: Context) -> String {
        let head = "Dokumentet kunne ikke skrives til '\(path)': \(reason)"
        guard let saved else { return head + "\nIntet er ændret i sagen." }
        let store = ctx.storeFlag.map { " --lager " + shellQuoted($0) } ?? ""
        return head + "\n" + saved.what + " – den er IKKE gået tabt, så registrér den ikke igen."
            + "\nSkriv dokumentet ud igen (til en anden fil, hvis det er nødvendigt) med:\n  "
            + saved.reprint + store + " --ud " + shellQuoted(path)
    }

    /// A path or value as one shell word.
    static func shellQuoted(_ s: String) -> String {
        let safe = s.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "/._-~+,:@".unicodeScalars.contains($0)
        }
        return safe && !s.isEmpty ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    struct WriteFailure: Error {
        let reason: String
    }

    /// Writes `text` to `path` with `OutputFiles.write` (new file 0600, never through a link, never
    /// over an existing file without `--overskriv`).
    static func write(_ text: String, to path: String, storeRoot: URL?, overwrite: Bool) throws(WriteFailure) {
        do { try OutputFiles.write(text, to: path, overwrite: overwrite, storeRoot: storeRoot) } catch let p {
            throw WriteFailure(reason: p.reason)
        }
    }

    /// The largest `--fra-fil` file read (answers are text; a plan is a few KB).
    static let maxInputBytes = 16 << 20

    /// Reads a `--fra-fil` file: a regular file (a link to one is fine) of at most 16 MB. A FIFO, a
    /// device (`/dev/zero`) or a folder is refused at once instead of hanging (exit 2).
    static func readInput(_ path: String) throws -> Data {
        func refuse(_ why: String) -> UsageError {
            UsageError.message("Filen '\(path)' kan ikke læses (--fra-fil): \(why)")
        }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw refuse("\(StoreText.errorText(errno)). Tjek navnet og stien.") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            throw refuse("det er ikke en almindelig fil (fx en mappe, en FIFO eller en enhed).")
        }
        guard Int(st.st_size) <= maxInputBytes else { throw refuse("filen er større end 16 MB.") }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            offset += n
        }
        let data = Data(bytes[0..<offset])
        // A key written twice would be resolved silently by the decoder: refuse it, naming the lines.
        if let dup = JSONTree.duplicateKey(in: data) { throw refuse(dup.description + ".") }
        return data
    }
}
