#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import UngeCore

/// A step of the save path, announced to `CaseStore.faultInjection` just before it runs, so a
/// crash harness can kill the process there (`UNGE_TEST_CRASH_AT=<rawValue>`) or a test can make
/// the step fail.
public enum SaveStep: String, Sendable, CaseIterable {
    /// Creating the temp file.
    case open
    /// Writing the bytes.
    case write
    /// fsync of the temp file.
    case fsync
    /// close of the temp file.
    case close
    /// Writing the audit event (under the lock, after the revision check).
    case audit
    /// The rename (or link, for a new case) that makes the change visible.
    case rename
    /// fsync of the `sager/` folder.
    case dirfsync
}

/// The case store (lager): a folder of JSON files, one per case, plus the audit log.
///
/// Layout under `root`:
/// - `sager/<id>.json`: one case each, named from the case id only, mode 0600;
/// - `log/<ÅÅÅÅ-MM>/<tid>-<id|alle>-<pid>-<tilfældig>.json`: one audit event per file;
/// - `laase/<id>.lock`: the short save lock;
/// - `indeks.tsv`: a derived summary index for fast listing (never the source of truth);
/// - `indstillinger.json`: the store settings.
///
/// Folders are 0700 and files 0600 whatever the umask. Saves are durable (temp file, fsync, rename,
/// folder fsync) and optimistic: each save names the revision it read.
public final class CaseStore: Sendable {
    /// The store folder.
    public let root: URL
    /// Called just before each step of the save path; nil in normal use.
    public let faultInjection: (@Sendable (SaveStep) throws -> Void)?
    /// How long a save waits for another process's lock before giving up, in seconds.
    public let lockTimeout: Double

    let rootPath: String
    let casesPath: String
    let logPath: String
    let locksPath: String
    let indexPath: String
    let settingsPath: String
    let hostName: String
    let pid: Int32

    /// Opens the store at `root` (nothing is created until first use) and sets the process umask to 077.
    public init(
        root: URL, lockTimeout: Double = 5, faultInjection: (@Sendable (SaveStep) throws -> Void)? = nil
    ) {
        umask(0o077)
        self.root = root
        self.lockTimeout = lockTimeout
        self.faultInjection = faultInjection
        var path = root.path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        rootPath = path
        casesPath = path + "/sager"
        logPath = path + "/log"
        locksPath = path + "/laase"
        indexPath = path + "/indeks.tsv"
        settingsPath = path + "/indstillinger.json"
        hostName = Posix.hostName()
        pid = getpid()
    }

    /// Where the store lives: `--lager DIR`, else `$UNGE_LAGER`, else `$XDG_DATA_HOME/unge`, else
    /// `~/.local/share/unge` (`$HOME`, or the home folder from the system). Empty values count as unset.
    public static func resolveLocation(flag: String?, environment: [String: String]) -> URL {
        func nonEmpty(_ s: String?) -> String? { (s?.isEmpty ?? true) ? nil : s }
        if let flag = nonEmpty(flag) { return URL(fileURLWithPath: flag, isDirectory: true) }
        if let env = nonEmpty(environment["UNGE_LAGER"]) { return URL(fileURLWithPath: env, isDirectory: true) }
        if let xdg = nonEmpty(environment["XDG_DATA_HOME"]) {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("unge", isDirectory: true)
        }
        let home = nonEmpty(environment["HOME"]) ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".local/share/unge", isDirectory: true)
    }

    // MARK: Names and paths

    /// The file name of a case relative to the store, for messages: `sager/2026-0003.json`.
    public static func fileName(of id: CaseID) -> String { "sager/\(id.rawValue).json" }

    /// Parses a case id typed by a user, rejecting anything that could escape the store (`/`, `..`).
    public static func caseID(_ text: String) throws(StoreError) -> CaseID {
        guard let id = CaseID(text) else { throw .invalidID(text) }
        return id
    }

    func casePath(_ id: CaseID) -> String { casesPath + "/" + id.rawValue + ".json" }

    // MARK: Layout

    /// Creates the store folders (0700) if they are missing, and fixes their modes. (`log/` is
    /// created by `appendAudit`, so that any failure there is an audit failure.)
    public func prepare() throws {
        do {
            try createRoot()
            for path in [casesPath, locksPath] {
                if try Posix.ensureDirectory(path) { try Posix.syncDirectory(rootPath) }
            }
        } catch let f {
            throw StoreError.io(operation: "oprette lagermappen", file: rootPath, code: f.code, visible: false)
        }
    }

    func createRoot() throws(Posix.Failure) {
        var st = stat()
        if stat(rootPath, &st) == 0 {
            try Posix.ensureDirectory(rootPath)
            return
        }
        // mkdir -p: every missing folder 0700.
        var parts: [String] = []
        var p = rootPath
        while !p.isEmpty && p != "/" && stat(p, &st) != 0 {
            parts.append(p)
            p = (p as NSString).deletingLastPathComponent
        }
        for dir in parts.reversed() {
            try Posix.ensureDirectory(dir)
            try Posix.syncDirectory((dir as NSString).deletingLastPathComponent)
        }
    }

    // MARK: Reading

    /// True when a case file with this id exists.
    public func exists(_ id: CaseID) -> Bool {
        var st = stat()
        return lstat(casePath(id), &st) == 0
    }

    /// Loads one case. Throws `notFound`, `corrupt` (naming the file), `newerSchema`; older schema
    /// versions are migrated in memory. Does not write an audit event: log reads with `appendAudit`
    /// before showing anything.
    public func load(_ id: CaseID) throws -> CaseFile {
        let file = CaseStore.fileName(of: id)
        let bytes: [UInt8]
        do {
            bytes = try Posix.readFile(casePath(id))
        } catch let f {
            if f.code == ENOENT { throw StoreError.notFound(id) }
            if f.code == ELOOP || f.code == EINVAL || f.code == EISDIR {
                throw StoreError.corrupt(file: file, reason: "det er ikke en almindelig fil")
            }
            if f.code == EFBIG { throw StoreError.corrupt(file: file, reason: "filen er urimeligt stor") }
            throw StoreError.io(operation: "læse", file: file, code: f.code, visible: false)
        }
        return try CaseStore.decodeCase(bytes, file: file, expectedID: id)
    }

    /// The smallest part of a document, decoded first: its schema version (and revision).
    struct Probe: Decodable {
        let schemaVersion: Int?
        let revision: Int?
    }

    /// Decodes a case document: schema version first, then migration or refusal, then the case.
    /// Error reasons name fields, never their contents.
    static func decodeCase(_ bytes: [UInt8], file: String, expectedID: CaseID?) throws -> CaseFile {
        let data = Data(bytes)
        let probe = try probe(data, file: file)
        guard let version = probe.schemaVersion else {
            throw StoreError.corrupt(file: file, reason: "feltet 'schemaVersion' mangler")
        }
        if version > CaseFile.currentSchemaVersion { throw StoreError.newerSchema(file: file, version: version) }
        var body = data
        if version < CaseFile.currentSchemaVersion {
            do {
                body = try SchemaMigrations.migrate(bytes, from: version)
            } catch let m as SchemaMigrations.MigrationFailure {
                throw StoreError.corrupt(file: file, reason: m.reason)
            } catch {
                throw StoreError.corrupt(file: file, reason: "filen kunne ikke opdateres fra skema \(version)")
            }
        }
        let c: CaseFile
        do {
            c = try UngeJSON.decoder().decode(CaseFile.self, from: body)
        } catch {
            throw StoreError.corrupt(file: file, reason: decodeReason(error))
        }
        if let expectedID, c.id != expectedID {
            throw StoreError.corrupt(file: file, reason: "sagsnummeret i filen passer ikke med filnavnet")
        }
        if let reason = CaseLimits.violation(in: c) { throw StoreError.corrupt(file: file, reason: reason) }
        return c
    }

    static func probe(_ data: Data, file: String) throws -> Probe {
        if data.isEmpty { throw StoreError.corrupt(file: file, reason: "filen er tom") }
        do {
            return try JSONDecoder().decode(Probe.self, from: data)
        } catch {
            throw StoreError.corrupt(file: file, reason: decodeReason(error))
        }
    }

    /// A Danish reason for a decoding error that names the field but never echoes its value.
    static func decodeReason(_ error: Error) -> String {
        guard let d = error as? DecodingError else { return "indholdet kan ikke læses" }
        func path(_ p: [CodingKey], _ extra: CodingKey? = nil) -> String {
            let keys = (extra.map { p + [$0] } ?? p).map { key -> String in
                if let i = key.intValue { return "[\(i)]" }
                return StoreText.quote(key.stringValue)
            }
            var s = ""
            for k in keys { s += (s.isEmpty || k.hasPrefix("[")) ? k : "." + k }
            return s.isEmpty ? "(roden)" : s
        }
        switch d {
        case .typeMismatch(_, let ctx):
            if ctx.codingPath.isEmpty { return "filen er ikke et JSON-objekt" }
            return "feltet '\(path(ctx.codingPath))' har en forkert type"
        case .valueNotFound(_, let ctx):
            return "feltet '\(path(ctx.codingPath))' mangler en værdi"
        case .keyNotFound(let key, let ctx):
            return "feltet '\(path(ctx.codingPath, key))' mangler"
        case .dataCorrupted(let ctx):
            if ctx.codingPath.isEmpty {
                return "filen er ikke gyldig JSON (den er måske afkortet eller beskadiget)"
            }
            if ctx.debugDescription.contains("uden for årene") {
                return "feltet '\(path(ctx.codingPath))' har et årstal uden for \(LocalDate.supportedYears.lowerBound)-\(LocalDate.supportedYears.upperBound)"
            }
            return "feltet '\(path(ctx.codingPath))' har en ugyldig værdi"
        @unknown default:
            return "indholdet kan ikke læses"
        }
    }

    /// Every case, fully decoded (for searches in the content); bad files come back as problems.
    public func allCases() throws -> (cases: [CaseFile], problems: [StoreProblem]) {
        let scan = try scanCaseFolder()
        var cases: [CaseFile] = []
        var problems = scan.problems
        for entry in scan.files {
            let file = CaseStore.fileName(of: entry.id)
            do {
                cases.append(try load(entry.id))
            } catch let e as StoreError {
                problems.append(StoreProblem(file: CaseStore.fileName(of: entry.id), error: e))
            } catch {
                problems.append(StoreProblem(file: file, error: .corrupt(file: file, reason: "indholdet kan ikke læses")))
            }
        }
        return (cases.sorted { $0.id < $1.id }, problems)
    }

    // MARK: Writing

    func encode(_ c: CaseFile) throws -> [UInt8] {
        do {
            var bytes = [UInt8](try UngeJSON.encoder().encode(c))
            bytes.append(UInt8(ascii: "\n"))
            return bytes
        } catch {
            throw StoreError.corrupt(file: CaseStore.fileName(of: c.id), reason: "sagen kan ikke skrives som JSON")
        }
    }

    @inline(__always)
    func step(_ s: SaveStep) throws {
        if let hook = faultInjection { try hook(s) }
    }

    /// Writes `bytes` to a new temp file `sager/.<id>.<pid>.<random>.tmp` (0600) and makes it durable:
    /// write all, fsync, close. On failure the temp file is removed. Returns its path.
    func writeTemp(for id: CaseID, bytes: [UInt8]) throws -> String {
        let tmp = casesPath + "/." + id.rawValue + "." + String(pid) + "." + Posix.randomHex() + ".tmp"
        let file = CaseStore.fileName(of: id)
        try step(.open)
        let fd: Int32
        do { fd = try Posix.createExclusive(tmp) } catch let f {
            throw StoreError.io(operation: "oprette en midlertidig fil til", file: file, code: f.code, visible: false)
        }
        var open = true
        do {
            try step(.write)
            do { try Posix.writeAll(fd, bytes) } catch let f {
                throw StoreError.io(operation: "skrive", file: file, code: f.code, visible: false)
            }
            try step(.fsync)
            do { try Posix.sync(fd) } catch let f {
                throw StoreError.io(operation: "skrive sikkert til disken (fsync)", file: file, code: f.code, visible: false)
            }
            try step(.close)
            open = false
            do { try Posix.closeChecked(fd) } catch let f {
                throw StoreError.io(operation: "lukke", file: file, code: f.code, visible: false)
            }
        } catch {
            if open { close(fd) }
            unlink(tmp)
            throw error
        }
        return tmp
    }

    /// Saves a changed case. `expectedRevision` is the revision the caller read; if the case has
    /// been saved since, `StoreError.conflict` is thrown and nothing changes.
    ///
    /// The saved case has revision `expectedRevision + 1`, `updated = now` and the current schema
    /// version. The audit event (`action`, default `update`) is written durably before the new
    /// version becomes visible; if it cannot be, `auditFailed` is thrown and nothing changes.
    /// Returns only after the rename and the folder fsync succeeded.
    @discardableResult
    public func save(
        _ caseFile: CaseFile, expectedRevision: Int, now: Date, user: String, command: String,
        action: AuditAction = .update
    ) throws -> CaseFile {
        try prepare()
        // Overflow-checked: a revision read from a file is bounded by `CaseLimits`, but never trap.
        guard (0..<CaseLimits.maxNumber).contains(expectedRevision) else {
            throw StoreError.corrupt(file: CaseStore.fileName(of: caseFile.id), reason: "feltet 'revision' er uden for 0-\(CaseLimits.maxNumber)")
        }
        var updated = caseFile
        updated.schemaVersion = CaseFile.currentSchemaVersion
        updated.revision = expectedRevision + 1
        updated.updated = now
        let id = updated.id
        let bytes = try encode(updated)
        let tmp = try writeTemp(for: id, bytes: bytes)
        var renamed = false
        defer { if !renamed { unlink(tmp) } }

        let lock = try acquireLock(id, user: user, command: command, now: now)
        defer { lock.release() }
        let actual = try currentRevision(id)
        guard actual == expectedRevision else {
            throw StoreError.conflict(id, expected: expectedRevision, actual: actual)
        }
        try step(.audit)
        try appendAudit(
            AuditEvent(
                time: now, user: user, action: action, caseID: id, revisionBefore: expectedRevision,
                revisionAfter: expectedRevision + 1, command: command))
        try step(.rename)
        if rename(tmp, casePath(id)) != 0 {
            throw StoreError.io(operation: "gemme", file: CaseStore.fileName(of: id), code: errno, visible: false)
        }
        renamed = true
        try step(.dirfsync)
        do { try Posix.syncDirectory(casesPath) } catch let f {
            throw StoreError.io(operation: "skrive mappen sikkert til disken (fsync) for", file: CaseStore.fileName(of: id), code: f.code, visible: true)
        }
        return updated
    }

    /// The revision of the case file as it is on disk now (a partial decode). Refuses a newer
    /// schema (so an old unge never overwrites a newer document) and a corrupt file.
    func currentRevision(_ id: CaseID) throws -> Int {
        let file = CaseStore.fileName(of: id)
        let bytes: [UInt8]
        do { bytes = try Posix.readFile(casePath(id)) } catch let f {
            if f.code == ENOENT { throw StoreError.notFound(id) }
            throw StoreError.corrupt(file: file, reason: "filen kan ikke læses (\(Posix.errorText(f.code)))")
        }
        let p = try CaseStore.probe(Data(bytes), file: file)
        if let v = p.schemaVersion, v > CaseFile.currentSchemaVersion {
            throw StoreError.newerSchema(file: file, version: v)
        }
        if p.schemaVersion == CaseFile.currentSchemaVersion, let r = p.revision { return r }
        // Missing fields or an older schema: decode fully (this also validates the file).
        return try CaseStore.decodeCase(bytes, file: file, expectedID: id).revision
    }

    /// Creates a new case with the next free id for `year` (`2026-0001`, `2026-0002`, ...: the
    /// highest existing number that year plus one) and revision 1. The id in `caseFile` is replaced.
    /// The file is linked in with no-replace semantics, so two creators never overwrite each other;
    /// the `create` audit event is written durably first.
    @discardableResult
    public func create(_ caseFile: CaseFile, year: Int, now: Date, user: String, command: String) throws -> CaseFile {
        try prepare()
        var sequence = try highestSequence(year: year) + 1
        for _ in 0..<10_000 {
            let id = CaseID.make(year: year, sequence: sequence)
            var new = caseFile
            new.id = id
            new.schemaVersion = CaseFile.currentSchemaVersion
            new.revision = 1
            new.updated = now
            let bytes = try encode(new)
            let tmp = try writeTemp(for: id, bytes: bytes)
            defer { unlink(tmp) }
            let lock = try acquireLock(id, user: user, command: command, now: now)
            defer { lock.release() }
            if exists(id) {
                sequence += 1
                continue
            }
            try step(.audit)
            try appendAudit(
                AuditEvent(time: now, user: user, action: .create, caseID: id, revisionAfter: 1, command: command))
            try step(.rename)
            let target = casePath(id)
            if link(tmp, target) != 0 {
                let e = errno
                if e == EEXIST {
                    sequence += 1
                    continue
                }
                // No hard links on this file system: rename instead. We hold the lock and checked
                // that the target does not exist.
                guard e == EPERM || e == EOPNOTSUPP || e == ENOTSUP || e == EMLINK || e == ENOSYS,
                    !exists(id), rename(tmp, target) == 0
                else {
                    throw StoreError.io(operation: "oprette", file: CaseStore.fileName(of: id), code: e, visible: false)
                }
            }
            try step(.dirfsync)
            do { try Posix.syncDirectory(casesPath) } catch let f {
                throw StoreError.io(operation: "skrive mappen sikkert til disken (fsync) for", file: CaseStore.fileName(of: id), code: f.code, visible: true)
            }
            return new
        }
        throw StoreError.io(operation: "finde et ledigt sagsnummer i", file: "sager", code: EEXIST, visible: false)
    }

    /// The highest sequence number among the case files of `year` (0 if none).
    func highestSequence(year: Int) throws -> Int {
        let prefix = String(year) + "-"
        var highest = 0
        for entry in try scanCaseFolder().files where entry.id.rawValue.hasPrefix(prefix) {
            let rest = entry.id.rawValue.dropFirst(prefix.count)
            // Bounded, so that `+ 1` cannot overflow on a file named 2026-9223372036854775807.json.
            if let n = Int(rest), rest.allSatisfy(\.isASCII), n < CaseLimits.maxNumber { highest = max(highest, n) }
        }
        return highest
    }

    // MARK: Settings

    /// Reads `indstillinger.json`; the defaults if it does not exist.
    public func loadSettings() throws -> StoreSettings {
        let file = "indstillinger.json"
        let bytes: [UInt8]
        do { bytes = try Posix.readFile(settingsPath, limit: 1 << 20) } catch let f {
            if f.code == ENOENT { return StoreSettings() }
            throw StoreError.corrupt(file: file, reason: "filen kan ikke læses (\(Posix.errorText(f.code)))")
        }
        let p = try CaseStore.probe(Data(bytes), file: file)
        if let v = p.schemaVersion, v > StoreSettings.currentSchemaVersion {
            throw StoreError.newerSchema(file: file, version: v)
        }
        do { return try UngeJSON.decoder().decode(StoreSettings.self, from: Data(bytes)) } catch {
            throw StoreError.corrupt(file: file, reason: CaseStore.decodeReason(error))
        }
    }

    /// Writes `indstillinger.json` durably (temp file, fsync, rename, folder fsync).
    public func saveSettings(_ settings: StoreSettings) throws {
        try prepare()
        var s = settings
        s.schemaVersion = StoreSettings.currentSchemaVersion
        var bytes = [UInt8](try UngeJSON.encoder().encode(s))
        bytes.append(UInt8(ascii: "\n"))
        try replaceFile(settingsPath, display: "indstillinger.json", bytes: bytes, sync: true)
    }

    /// Replaces a store file atomically: temp file next to it, write, optional fsync, rename, and
    /// (with `sync`) a folder fsync.
    func replaceFile(_ path: String, display: String, bytes: [UInt8], sync: Bool) throws {
        let dir = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let tmp = dir + "/." + name + "." + String(pid) + "." + Posix.randomHex() + ".tmp"
        do {
            let fd = try Posix.createExclusive(tmp)
            do {
                try Posix.writeAll(fd, bytes)
                if sync { try Posix.sync(fd) }
            } catch {
                close(fd)
                throw error
            }
            try Posix.closeChecked(fd)
            if rename(tmp, path) != 0 { throw Posix.Failure(call: "rename", code: errno) }
        } catch let f as Posix.Failure {
            unlink(tmp)
            throw StoreError.io(operation: "gemme", file: display, code: f.code, visible: false)
        }
        if sync {
            do { try Posix.syncDirectory(dir) } catch let f {
                throw StoreError.io(operation: "skrive mappen sikkert til disken (fsync) for", file: display, code: f.code, visible: true)
            }
        }
    }
}
