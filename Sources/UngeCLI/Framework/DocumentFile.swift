import Foundation
import UngeCore
import UngeStore

#if canImport(Glibc)
    import Glibc
#endif

/// Writing a generated document to a file (`--ud FIL`): audited as an export before anything is
/// written (fail closed), readable by the owner only, since it holds personal data.
enum DocumentFile {
    /// Refuses an `--ud` path whose folder does not exist, before anything is saved.
    static func checkWritable(_ path: String) throws {
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw UsageError.invalidValue(option: "--ud", value: path, expected: "Mappen '\(dir)' findes ikke. Opret den, eller vælg en anden fil.")
        }
    }

    /// Logs the export of case `id` and writes `text` to `path` with mode 0600.
    static func export(_ text: String, to path: String, caseID id: CaseID, revision: Int, store: CaseStore, ctx: Context) throws {
        try store.appendAudit(ctx.event(.export, caseID: id, before: revision, after: revision, criterion: "dokument"))
        try write(text, to: path)
    }

    /// Writes `text` to `path` (replacing a regular file there), mode 0600; never follows a link.
    static func write(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw CLIError.data("Kunne ikke skrive filen '\(path)'. Tjek, at mappen findes, og at du må skrive i den.")
        }
        let bytes = Array(text.utf8)
        var offset = 0
        var failed = fchmod(fd, 0o600) != 0
        while !failed, offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                failed = true
            } else {
                offset += n
            }
        }
        if fsync(fd) != 0 { failed = true }
        if close(fd) != 0 { failed = true }
        if failed {
            throw CLIError.data("Filen '\(path)' kunne ikke skrives helt (fx fuld disk). Slet den, og prøv igen.")
        }
    }
}
