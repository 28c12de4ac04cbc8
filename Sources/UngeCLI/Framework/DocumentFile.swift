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
/// Refused, with exit 2 and nothing saved: a folder, a FIFO, a device (`/dev/full`), a socket, a
/// symbolic link, a file with more than one name (a hard link), a file owned by someone else or not
/// writable, a missing or unwritable folder, and any path inside the store folder (after resolving
/// symbolic links and `..`), and, when running as root, any existing file. If the write still fails after the command saved something, the
/// message says plainly what IS saved and gives the command that prints the document again.
enum DocumentFile {
    /// What a command saved before writing the document, for the message if the write then fails.
    struct Saved {
        /// "Underretning nr. 2 er gemt på sag 2026-0001 (revision 3)".
        let what: String
        /// The command that prints the document again, without `--ud`, e.g.
        /// `unge underret --sag 2026-0001 --udskriv 2`.
        let reprint: String
    }

    /// Checks an `--ud` target before anything is saved (exit 2 with a Danish message).
    static func checkTarget(_ path: String, ctx: Context) throws {
        if let problem = problem(with: path, storeRoot: ctx.storeFolder) {
            throw UsageError.invalidValue(
                option: "--ud", value: path,
                expected: problem + " Vælg en almindelig fil uden for lageret, fx --ud ~/dokumenter/underretning.md.")
        }
    }

    /// Why `path` cannot take a document, or nil when it can.
    static func problem(with path: String, storeRoot: URL?) -> String? {
        if path.isEmpty { return "Angiv et filnavn." }
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        if path.hasSuffix("/") || name == "." || name == ".." { return "Det er en mappe, ikke en fil." }
        let dir = url.deletingLastPathComponent().path
        // Inside the store? Compare the resolved target with the resolved store folder (symbolic
        // links and `..` resolved as far as the folders exist).
        let target = resolved(url.path)
        if let storeRoot, case let store = resolved(storeRoot.path),
            target == store || target.hasPrefix(store == "/" ? "/" : store + "/")
        {
            return
                "Filen ligger i lagermappen '\(store)'. Et dokument må aldrig skrives ind i lageret, hvor det kan ødelægge sager eller revisionssporet."
        }
        var dst = stat()
        guard stat(dir, &dst) == 0, (dst.st_mode & S_IFMT) == S_IFDIR else {
            return "Mappen '\(dir)' findes ikke. Opret den, eller vælg en anden fil."
        }
        if access(dir, W_OK) != 0 { return "Du må ikke skrive i mappen '\(dir)'." }
        var st = stat()
        if lstat(path, &st) != 0 {
            return errno == ENOENT ? nil : "Filen kan ikke undersøges (\(StoreText.errorText(errno)))."
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return "Det er en mappe, ikke en fil."
        case S_IFLNK: return "Det er en symbolsk henvisning (et link); skriv til selve filen."
        case S_IFIFO: return "Det er en FIFO (navngivet rør), ikke en almindelig fil."
        case S_IFCHR, S_IFBLK: return "Det er en enhed (fx /dev/full), ikke en almindelig fil."
        case S_IFSOCK: return "Det er en socket, ikke en almindelig fil."
        default: return "Det er ikke en almindelig fil."
        }
        if st.st_uid != geteuid() { return "Filen tilhører en anden bruger; du kan ikke overskrive den." }
        if st.st_nlink > 1 {
            return "Filen har flere navne (hårde links), så at overskrive den ændrer også en anden fil."
        }
        // As root every file is "ours": never replace an existing file then (a system file such as
        // /etc/passwd would be lost).
        if geteuid() == 0 {
            return
                "Filen findes allerede, og unge overskriver ingen eksisterende filer, når den kører som root (administrator). Vælg et nyt filnavn."
        }
        if access(path, W_OK) != 0 { return "Du må ikke skrive i filen." }
        return nil
    }

    /// Logs the export of case `id` and writes `text` to `path` with mode 0600. `saved` says what
    /// the command saved before (nil for a command that only shows): a failed write then says that
    /// it IS saved and how to print the document again, so nobody saves it twice.
    static func export(
        _ text: String, to path: String, caseID id: CaseID, revision: Int, store: any Store, ctx: Context,
        saved: Saved? = nil
    ) throws {
        try store.appendAudit(ctx.event(.export, caseID: id, before: revision, after: revision, criterion: "dokument"))
        // Like the screen: a CPR number in free text is masked unless the command was given --vis-cpr.
        let body = ctx.console.maskCPROnStdout ? CPRMask.mask(text) : text
        do {
            try write(body, to: path, storeRoot: ctx.storeFolder)
        } catch let failure {
            throw CLIError.data(message(failure.reason, path: path, saved: saved, ctx: ctx))
        }
    }

    /// Writes `text` to `path` (0600) for a command that saved nothing and logs its own export
    /// event; a failure is a data error saying that nothing in the case changed.
    static func write(_ text: String, to path: String, ctx: Context) throws {
        do {
            try write(text, to: path, storeRoot: ctx.storeFolder)
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

    /// Writes `text` to `path`, mode 0600, replacing a regular file of ours. Never follows a link,
    /// never blocks on a FIFO (`O_NONBLOCK`), and checks what it opened before truncating it.
    static func write(_ text: String, to path: String, storeRoot: URL?) throws(WriteFailure) {
        if let problem = problem(with: path, storeRoot: storeRoot) { throw WriteFailure(reason: problem) }
        let fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0o600)
        guard fd >= 0 else {
            let e = errno
            if e == ENXIO { throw WriteFailure(reason: "Det er en FIFO (navngivet rør), ikke en almindelig fil.") }
            if e == ELOOP {
                throw WriteFailure(reason: "Det er en symbolsk henvisning (et link); skriv til selve filen.")
            }
            throw WriteFailure(reason: "filen kunne ikke åbnes (\(StoreText.errorText(e))).")
        }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_uid == geteuid(), st.st_nlink <= 1 else {
            close(fd)
            throw WriteFailure(reason: "Det er ikke en almindelig fil, som du ejer.")
        }
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        let bytes = Array(text.utf8)
        var offset = 0
        var code: Int32 = 0
        if ftruncate(fd, 0) != 0 || fchmod(fd, 0o600) != 0 { code = errno }
        while code == 0, offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                code = errno
            } else {
                offset += n
            }
        }
        if code == 0, fsync(fd) != 0 { code = errno }
        if close(fd) != 0, code == 0 { code = errno }
        if code != 0 {
            throw WriteFailure(reason: "filen kunne ikke skrives helt (\(StoreText.errorText(code))).")
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

    /// `path` (absolute, standardized) with its longest existing prefix resolved by `realpath`.
    static func resolved(_ path: String) -> String {
        var head = path
        var tail: [String] = []
        while true {
            if let real = realPath(head) {
                return tail.reversed().reduce(real) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 }
            }
            let url = URL(fileURLWithPath: head)
            let parent = url.deletingLastPathComponent().path
            if parent == head || head.isEmpty { return path }
            tail.append(url.lastPathComponent)
            head = parent
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
