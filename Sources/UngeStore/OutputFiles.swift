import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one check and the one write for every `--ud` of every command (documents, letters, the
/// anonymised and the archive export, `indberet`, `statistik`, `indsigt`): an output file holds
/// personal data, so it is
/// - created new with mode 0600 (whatever the umask), never through a symbolic link, never over an
///   existing file unless the user said `--overskriv` (then replaced in one step: the old file stays
///   whole until the new one is complete);
/// - never a folder, FIFO, device or socket, never a file with more than one name (a hard link) or a
///   file someone else owns;
/// - never inside the store folder;
/// - only in a folder that no other user can write to (a folder with the sticky bit, such as /tmp,
///   excepted): others could otherwise swap the file or plant a link; a folder others can read gets a
///   warning (the file itself is 0600, but its name shows).
public enum OutputFiles {
    /// Why a path cannot take the output: a Danish sentence (shown with exit 2, nothing written).
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    /// What the check found that does not stop the write.
    public struct Check: Equatable, Sendable {
        /// Danish warnings to show before writing (a folder others can read).
        public var warnings: [String]
        /// True when the file exists and `overwrite` allows replacing it.
        public var replaces: Bool
    }

    /// Checks `path` as an output file. `storeRoot` is the store folder (nothing may be written
    /// inside it). Reads and changes nothing.
    public static func check(_ path: String, overwrite: Bool, storeRoot: URL?) -> Result<Check, Problem> {
        if path.isEmpty { return .failure(Problem(reason: "Angiv et filnavn.")) }
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        if path.hasSuffix("/") || name == "." || name == ".." {
            return .failure(Problem(reason: "Det er en mappe, ikke en fil."))
        }
        if let storeRoot, let inside = insideStore(path, storeRoot: storeRoot) { return .failure(inside) }
        let dir = url.deletingLastPathComponent().path
        var warnings: [String] = []
        switch checkFolder(dir) {
        case .failure(let p): return .failure(p)
        case .success(let w): warnings += w
        }
        var st = stat()
        if lstat(path, &st) != 0 {
            if errno == ENOENT { return .success(Check(warnings: warnings, replaces: false)) }
            return .failure(Problem(reason: "Filen kan ikke undersøges (\(Posix.errorText(errno)))."))
        }
        if let p = existingProblem(st) { return .failure(p) }
        guard overwrite else {
            return .failure(
                Problem(
                    reason: "Filen findes allerede. Vælg et nyt filnavn, eller brug --overskriv for at erstatte den."))
        }
        return .success(Check(warnings: warnings, replaces: true))
    }

    /// Why an existing entry cannot be replaced, or nil for a regular file of ours with one name.
    static func existingProblem(_ st: stat) -> Problem? {
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return Problem(reason: "Det er en mappe, ikke en fil.")
        case S_IFLNK:
            return Problem(reason: "Det er en symbolsk henvisning (et link); unge skriver aldrig gennem et link.")
        case S_IFIFO: return Problem(reason: "Det er en FIFO (navngivet rør), ikke en almindelig fil.")
        case S_IFCHR, S_IFBLK: return Problem(reason: "Det er en enhed (fx /dev/full), ikke en almindelig fil.")
        case S_IFSOCK: return Problem(reason: "Det er en socket, ikke en almindelig fil.")
        default: return Problem(reason: "Det er ikke en almindelig fil.")
        }
        if st.st_uid != geteuid() {
            return Problem(reason: "Filen tilhører en anden bruger; du kan ikke overskrive den.")
        }
        if st.st_nlink > 1 {
            return Problem(
                reason: "Filen har flere navne (hårde links), så at overskrive den ændrer også en anden fil.")
        }
        return nil
    }

    /// The folder must exist, be a folder, be writable by us, and be writable by nobody else unless
    /// it has the sticky bit. Returns the warnings (readable by others).
    public static func checkFolder(_ dir: String) -> Result<[String], Problem> {
        var st = stat()
        guard stat(dir, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else {
            return .failure(Problem(reason: "Mappen '\(dir)' findes ikke. Opret den, eller vælg en anden fil."))
        }
        if access(dir, W_OK) != 0 { return .failure(Problem(reason: "Du må ikke skrive i mappen '\(dir)'.")) }
        let sticky = st.st_mode & S_ISVTX != 0
        let othersWrite = st.st_mode & 0o022 != 0 || (st.st_uid != geteuid() && st.st_uid != 0)
        if othersWrite && !sticky {
            return .failure(
                Problem(
                    reason:
                        "Andre brugere kan skrive i mappen '\(dir)', så de kan bytte filen ud eller lægge et link i stedet. Vælg en mappe, som kun du kan skrive i (fx i din hjemmemappe)."
                ))
        }
        var warnings: [String] = []
        if st.st_mode & 0o044 != 0 {
            warnings.append(
                "Bemærk: andre brugere kan se indholdet af mappen '\(dir)' (filnavnene). Selve filen kan kun læses af dig."
            )
        }
        return .success(warnings)
    }

    /// A problem when `path` (resolved as far as it exists) lies inside the store folder.
    static func insideStore(_ path: String, storeRoot: URL) -> Problem? {
        let target = resolved(URL(fileURLWithPath: path).path)
        let store = resolved(storeRoot.path)
        if target == store || target.hasPrefix(store == "/" ? "/" : store + "/") {
            return Problem(
                reason:
                    "Filen ligger i lagermappen '\(store)'. Intet må skrives ind i lageret, hvor det kan ødelægge sager eller revisionssporet."
            )
        }
        return nil
    }

    /// Writes `bytes` to `path` under the rules above (checked again here, at the moment of
    /// writing). A new file is created with `O_CREAT|O_EXCL|O_NOFOLLOW` in the folder opened once;
    /// with `overwrite`, an existing file is replaced by a complete temp file renamed over it. On any
    /// failure nothing is left behind and an existing file is unchanged.
    public static func write(_ bytes: [UInt8], to path: String, overwrite: Bool, storeRoot: URL?) throws(Problem) {
        let check: Check
        switch Self.check(path, overwrite: overwrite, storeRoot: storeRoot) {
        case .failure(let p): throw p
        case .success(let c): check = c
        }
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        let dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dirfd >= 0 else { throw Problem(reason: "Mappen kan ikke åbnes (\(Posix.errorText(errno))).") }
        defer { close(dirfd) }
        let target = check.replaces ? "." + name + "." + Posix.randomHex() + ".tmp" : name
        let fd = openat(dirfd, target, O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC | O_NOCTTY, mode_t(0o600))
        guard fd >= 0 else {
            let e = errno
            if e == EEXIST {
                throw Problem(
                    reason: "Filen findes allerede. Vælg et nyt filnavn, eller brug --overskriv for at erstatte den.")
            }
            throw Problem(reason: "Filen kunne ikke oprettes (\(Posix.errorText(e))).")
        }
        var code: Int32 = 0
        if fchmod(fd, 0o600) != 0 { code = errno }
        if code == 0 {
            do { try Posix.writeAll(fd, bytes) } catch let f { code = f.code }
        }
        if code == 0, fsync(fd) != 0 { code = errno }
        if close(fd) != 0, code == 0 { code = errno }
        if code == 0, check.replaces {
            // The entry may have changed since the check: replace only a regular file of ours.
            var st = stat()
            if fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0, let p = existingProblem(st) {
                unlinkat(dirfd, target, 0)
                throw p
            }
            if renameat(dirfd, target, dirfd, name) != 0 { code = errno }
        }
        if code != 0 {
            unlinkat(dirfd, target, 0)
            throw Problem(reason: "Filen kunne ikke skrives helt (\(Posix.errorText(code))). Intet er skrevet.")
        }
        _ = fsync(dirfd)
    }

    /// `write` for text.
    public static func write(_ text: String, to path: String, overwrite: Bool, storeRoot: URL?) throws(Problem) {
        try write(Array(text.utf8), to: path, overwrite: overwrite, storeRoot: storeRoot)
    }

    /// Makes the output folder of a command that writes several files (`indsigt --ud MAPPE`,
    /// `eksport --arkiv --ud MAPPE`): created new (0700) in a safe parent folder, or an existing
    /// folder that is ours, not a link, and writable by nobody else. Returns the warnings.
    public static func prepareFolder(_ path: String, storeRoot: URL?) throws(Problem) -> [String] {
        if path.isEmpty { throw Problem(reason: "Angiv en mappe.") }
        var clean = path
        while clean.count > 1 && clean.hasSuffix("/") { clean.removeLast() }
        if let storeRoot, let inside = insideStore(clean, storeRoot: storeRoot) { throw inside }
        var st = stat()
        if lstat(clean, &st) == 0 {
            if st.st_mode & S_IFMT == S_IFLNK {
                throw Problem(reason: "Det er en symbolsk henvisning (et link); unge skriver aldrig gennem et link.")
            }
            guard st.st_mode & S_IFMT == S_IFDIR else { throw Problem(reason: "Det er ikke en mappe.") }
            switch checkFolder(clean) {
            case .failure(let p): throw p
            case .success(let w): return w
            }
        }
        let parent = URL(fileURLWithPath: clean).deletingLastPathComponent().path
        var warnings: [String] = []
        switch checkFolder(parent) {
        case .failure(let p): throw p
        case .success(let w): warnings = w
        }
        if mkdir(clean, 0o700) != 0 {
            throw Problem(reason: "Mappen kunne ikke oprettes (\(Posix.errorText(errno))).")
        }
        _ = chmod(clean, 0o700)
        return warnings
    }

    /// `path` (absolute, standardized) with its longest existing prefix resolved by `realpath`.
    public static func resolved(_ path: String) -> String {
        var head = path
        var tail: [String] = []
        while true {
            if let p = realpath(head, nil) {
                let real = String(cString: p)
                free(p)
                return tail.reversed().reduce(real) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 }
            }
            let url = URL(fileURLWithPath: head)
            let parent = url.deletingLastPathComponent().path
            if parent == head || head.isEmpty { return path }
            tail.append(url.lastPathComponent)
            head = parent
        }
    }
}

/// Where an export was written, as its audit event records it (criterion `<kind> → <absolute
/// path>`), so that `unge slet` can list the files outside the store that the caseworker must
/// remove by hand, and `unge log` can say where a copy went.
public enum ExportTrail {
    static let arrow = " → "

    /// The criterion of an export event for a file (or folder) written to `path`.
    public static func criterion(_ kind: String, path: String) -> String {
        kind + arrow + URL(fileURLWithPath: path).standardized.path
    }

    /// The kind of export an event records ("dokument", "anonymiseret", ...), without the path.
    public static func kind(of criterion: String?) -> String? {
        guard let criterion else { return nil }
        guard let r = criterion.range(of: arrow) else { return criterion }
        return String(criterion[..<r.lowerBound])
    }

    /// The path an export event wrote to, if it wrote a file.
    public static func path(of event: AuditEvent) -> String? {
        guard event.action == .export, let c = event.criterion, let r = c.range(of: arrow) else { return nil }
        let p = String(c[r.upperBound...])
        return p.isEmpty ? nil : p
    }
}
