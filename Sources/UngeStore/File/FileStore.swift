import Foundation
import UngeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A step of the save path, announced to `FileStore.faultInjection` just before it runs, so a
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
    /// Deletion (`unge slet`): just before the case file is moved out of `sager/` (the commit).
    case deleteCommit
    /// Deletion: just before drafts, index rows and the audit log's personal data are removed.
    case deleteFinish

    /// The steps of a save (the deletion steps never occur in one).
    public static let savePath: [SaveStep] = [.open, .write, .fsync, .close, .audit, .rename, .dirfsync]
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
public final class FileStore: Sendable {
    /// The store folder.
    public let root: URL
    /// Called just before each step of the save path; nil in normal use.
    public let faultInjection: (@Sendable (SaveStep) throws -> Void)?
    /// How long a save waits for another process's lock before giving up, in seconds.
    public let lockTimeout: Double
    /// Seconds between two anchor events of the audit log's hash chains (`AuditChain`).
    public let anchorInterval: Int64

    let rootPath: String
    let casesPath: String
    let logPath: String
    let locksPath: String
    let indexPath: String
    let settingsPath: String
    let hostName: String
    let pid: Int32
    /// Opens the store at `root` (nothing is created until first use). Every file and folder is
    /// created with its mode (0600, 0700) whatever the process umask.
    public init(
        root: URL, lockTimeout: Double = FileStore.defaultLockTimeout,
        faultInjection: (@Sendable (SaveStep) throws -> Void)? = nil, anchorInterval: Int64 = 3600
    ) {
        self.root = root
        self.lockTimeout = lockTimeout
        self.anchorInterval = anchorInterval
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

    public var location: String { rootPath }
    public var exists: Bool { rootExists }

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

    /// The largest case file unge reads or writes (`StoreLimits.maximumCaseBytes`).
    public static let maximumCaseFileBytes = StoreLimits.maximumCaseBytes

    /// The most characters one free-text field may hold (`StoreLimits.maximumTextLength`).
    public static let maximumTextLength = StoreLimits.maximumTextLength

    /// Creates the store (0700) and its `sager/` and `laase/` folders if they are missing. Existing
    /// folders are checked, never changed: a shared store folder or a symbolic link in place of a
    /// store folder is refused (see `StoreLayout.swift`). (`log/` is created by `appendAudit`, so
    /// that any failure there is an audit failure.)
    public func prepare() throws {
        try createIfMissing()
        try checkRoot()
        try ensureFolder(casesPath, name: "sager")
        try ensureFolder(locksPath, name: "laase")
    }

    // MARK: Reading

    /// True when a case file with this id exists.
    public func caseExists(_ id: CaseID) -> Bool { exists(id) }

    /// True when a case file with this id exists.
    func exists(_ id: CaseID) -> Bool {
        var st = stat()
        return lstat(casePath(id), &st) == 0
    }

    /// Loads one case. Throws `notFound`, `corrupt` (naming the file), `newerSchema`; older schema
    /// versions are migrated in memory. Does not write an audit event: log reads with `appendAudit`
    /// before showing anything.
    public func load(_ id: CaseID) throws -> CaseFile {
        let file = FileStore.fileName(of: id)
        let bytes: [UInt8]
        do {
            bytes = try Posix.readFile(casePath(id), limit: FileStore.maximumCaseFileBytes)
        } catch let f {
            if f.code == ENOENT { throw StoreError.notFound(id) }
            if f.code == ELOOP || f.code == EINVAL || f.code == EISDIR {
                throw StoreError.corrupt(file: file, reason: "det er ikke en almindelig fil")
            }
            if f.code == EFBIG { throw StoreError.corrupt(file: file, reason: "filen er urimeligt stor") }
            throw StoreError.io(operation: "læse", file: file, code: f.code, visible: false)
        }
        return try FileStore.decodeDocument(bytes, file: file, expectedID: id).caseFile
    }

    /// Loads one case with the JSON document it was decoded from (after any migration), for saves
    /// that must keep what this version does not know.
    func loadDocument(_ id: CaseID) throws -> (caseFile: CaseFile, body: Data) {
        let file = FileStore.fileName(of: id)
        let bytes: [UInt8]
        do {
            bytes = try Posix.readFile(casePath(id), limit: FileStore.maximumCaseFileBytes)
        } catch let f {
            if f.code == ENOENT { throw StoreError.notFound(id) }
            throw StoreError.corrupt(file: file, reason: "filen kan ikke læses (\(Posix.errorText(f.code)))")
        }
        return try FileStore.decodeDocument(bytes, file: file, expectedID: id)
    }

    /// The smallest part of a document, decoded first: its schema version (and revision).
    struct Probe: Decodable {
        let schemaVersion: Int?
        let revision: Int?
    }

    /// Decodes a case document: schema version first, then migration or refusal, then the case.
    /// Error reasons name fields, never their contents.
    static func decodeCase(_ bytes: [UInt8], file: String, expectedID: CaseID?) throws -> CaseFile {
        try decodeDocument(bytes, file: file, expectedID: expectedID).caseFile
    }

    /// `decodeCase`, also returning the JSON document decoded (the file, or its migrated form).
    static func decodeDocument(_ bytes: [UInt8], file: String, expectedID: CaseID?) throws -> (
        caseFile: CaseFile, body: Data
    ) {
        let data = Data(bytes)
        // A document of the current schema decodes in one pass; anything else (an older or newer
        // schema, a broken file) takes the careful path below, which names the problem.
        if !data.isEmpty, let c = try? UngeJSON.decoder().decode(CaseFile.self, from: data),
            c.schemaVersion == CaseFile.currentSchemaVersion
        {
            if let expectedID, c.id != expectedID {
                throw StoreError.corrupt(file: file, reason: "sagsnummeret i filen passer ikke med filnavnet")
            }
            if let reason = CaseLimits.violation(in: c) { throw StoreError.corrupt(file: file, reason: reason) }
            return (c, data)
        }
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
            throw StoreError.corrupt(file: file, reason: StoreText.decodingProblem(error))
        }
        if let expectedID, c.id != expectedID {
            throw StoreError.corrupt(file: file, reason: "sagsnummeret i filen passer ikke med filnavnet")
        }
        if let reason = CaseLimits.violation(in: c) { throw StoreError.corrupt(file: file, reason: reason) }
        return (c, body)
    }

    static func probe(_ data: Data, file: String) throws -> Probe {
        if data.isEmpty { throw StoreError.corrupt(file: file, reason: "filen er tom") }
        do {
            return try JSONDecoder().decode(Probe.self, from: data)
        } catch {
            throw StoreError.corrupt(file: file, reason: StoreText.decodingProblem(error))
        }
    }

    /// Every case, fully decoded (for searches in the content); bad files come back as problems.
    public func allCases() throws -> (cases: [CaseFile], problems: [StoreProblem]) {
        let scan = try scanCaseFolder()
        var cases: [CaseFile] = []
        var problems = scan.problems
        for entry in scan.files {
            let file = FileStore.fileName(of: entry.id)
            do {
                cases.append(try load(entry.id))
            } catch let e as StoreError {
                problems.append(StoreProblem(file: FileStore.fileName(of: entry.id), error: e))
            } catch {
                problems.append(
                    StoreProblem(file: file, error: .corrupt(file: file, reason: "indholdet kan ikke læses")))
            }
        }
        return (cases.sorted { $0.id < $1.id }, problems)
    }

    // MARK: Writing

    /// The bytes of a case as saved: the encoding of `c`, with what `base` holds that this version
    /// does not know put back (see `UnknownFields`), refused if it is larger than a read accepts or
    /// holds a text longer than `maximumTextLength`.
    func encode(_ c: CaseFile, keepingUnknownFrom base: Data? = nil, decoded: CaseFile? = nil) throws -> [UInt8] {
        try FileStore.encodeCase(c, keepingUnknownFrom: base, decoded: decoded)
    }

    /// `encode`, for every backend: the same bytes, limits and kept unknown fields.
    static func encodeCase(_ c: CaseFile, keepingUnknownFrom base: Data? = nil, decoded: CaseFile? = nil) throws
        -> [UInt8]
    {
        let file = FileStore.fileName(of: c.id)
        var bytes: [UInt8]
        do {
            bytes = [UInt8](try UngeJSON.encoder().encode(c))
            bytes.append(UInt8(ascii: "\n"))
        } catch {
            throw StoreError.corrupt(file: file, reason: "sagen kan ikke skrives som JSON")
        }
        if let base { bytes = try UnknownFields.keep(from: base, decoded: decoded, in: bytes, file: file) }
        if let long = StoreText.overlongText(in: bytes, limit: FileStore.maximumTextLength) {
            throw StoreError.textTooLong(field: long.field, length: long.length)
        }
        if bytes.count > FileStore.maximumCaseFileBytes { throw StoreError.tooLarge(file: file, bytes: bytes.count) }
        return bytes
    }

    @inline(__always)
    func step(_ s: SaveStep) throws {
        if let hook = faultInjection { try hook(s) }
    }

    /// A temp file `sager/.<id>.<pid>.<random>.tmp` (0600) holding `bytes` durably, and the
    /// descriptor that keeps its `flock` (so `liste` never removes it as abandoned while this
    /// process lives). The caller closes the descriptor after the rename; on failure nothing is left.
    func writeTemp(for id: CaseID, bytes: [UInt8]) throws -> (path: String, lock: Int32) {
        let tmp = casesPath + "/." + id.rawValue + "." + String(pid) + "." + Posix.randomHex() + ".tmp"
        let file = FileStore.fileName(of: id)
        do {
            let fd = try Posix.writeNewFile(tmp, bytes, holdLock: true, before: faultInjection)
            return (tmp, fd ?? -1)
        } catch let f as Posix.Failure {
            let operation: String
            switch f.call {
            case "write": operation = "skrive"
            case "fsync": operation = "skrive sikkert til disken (fsync)"
            case "close": operation = "lukke"
            default: operation = "oprette en midlertidig fil til"
            }
            throw StoreError.io(operation: operation, file: file, code: f.code, visible: false)
        }
    }

    /// Saves a changed case. `expectedRevision` is the revision the caller read; if the case has
    /// been saved since, `StoreError.conflict` is thrown and nothing changes.
    ///
    /// Fields of the stored file that this version does not know (written by a newer version, or
    /// added by hand) are kept (`UnknownFields`); with `unknownFrom` they are taken from that JSON
    /// document instead (what `unge rediger` showed and the user edited).
    ///
    /// The saved case has revision `expectedRevision + 1`, `updated = now` and the current schema
    /// version. The audit event (`action`, default `update`) is written durably before the new
    /// version becomes visible; if it cannot be, `auditFailed` is thrown and nothing changes.
    /// Returns only after the rename and the folder fsync succeeded.
    @discardableResult
    public func save(
        _ caseFile: CaseFile, expectedRevision: Int, now: Date, user: String, command: String,
        action: AuditAction = .update, unknownFrom: Data? = nil
    ) throws -> CaseFile {
        try save(
            caseFile, expectedRevision: expectedRevision, base: nil, now: now, user: user, command: command,
            action: action, unknownFrom: unknownFrom)
    }

    /// `save`, with `base`: the stored document the change was built on, when the caller has just
    /// read it (`update`), so it need not be read again.
    func save(
        _ caseFile: CaseFile, expectedRevision: Int, base: (caseFile: CaseFile, body: Data)?, now: Date, user: String,
        command: String, action: AuditAction, unknownFrom: Data?
    ) throws -> CaseFile {
        try prepare()
        // Overflow-checked: a revision read from a file is bounded by `CaseLimits`, but never trap.
        guard (0..<CaseLimits.maxNumber).contains(expectedRevision) else {
            throw StoreError.corrupt(
                file: FileStore.fileName(of: caseFile.id),
                reason: "feltet 'revision' er uden for 0-\(CaseLimits.maxNumber)")
        }
        var updated = caseFile
        updated.schemaVersion = CaseFile.currentSchemaVersion
        updated.revision = expectedRevision + 1
        updated.updated = now
        let id = updated.id
        // The document the change was made from, for its unknown fields.
        let stored = try base ?? loadDocument(id)
        guard stored.caseFile.revision == expectedRevision else {
            throw StoreError.conflict(id, expected: expectedRevision, actual: stored.caseFile.revision)
        }
        let bytes: [UInt8]
        if let unknownFrom {
            bytes = try encode(updated, keepingUnknownFrom: unknownFrom)
        } else {
            bytes = try encode(updated, keepingUnknownFrom: stored.body, decoded: stored.caseFile)
        }
        let tmp = try writeTemp(for: id, bytes: bytes)
        var renamed = false
        defer {
            if !renamed { unlink(tmp.path) }
            close(tmp.lock)
        }

        let lock = try acquireLock(id, user: user, command: command, now: now)
        defer { lock.release() }
        // Under the lock: the revision read above must still be the one on disk, so the fields
        // kept from it are the current ones.
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
        if rename(tmp.path, casePath(id)) != 0 {
            throw StoreError.io(operation: "gemme", file: FileStore.fileName(of: id), code: errno, visible: false)
        }
        renamed = true
        try syncCaseFolder(id)
        return updated
    }

    /// fsync of `sager/` after a case file was put in place (the `dirfsync` step).
    func syncCaseFolder(_ id: CaseID) throws {
        try step(.dirfsync)
        do { try Posix.syncDirectory(casesPath) } catch let f {
            throw StoreError.io(
                operation: "skrive mappen sikkert til disken (fsync) for", file: FileStore.fileName(of: id),
                code: f.code, visible: true)
        }
    }

    /// The revision of the case file as it is on disk now (a partial decode). Refuses a newer
    /// schema (so an old unge never overwrites a newer document) and a corrupt file.
    func currentRevision(_ id: CaseID) throws -> Int {
        let file = FileStore.fileName(of: id)
        let bytes: [UInt8]
        do { bytes = try Posix.readFile(casePath(id), limit: FileStore.maximumCaseFileBytes) } catch let f {
            if f.code == ENOENT { throw StoreError.notFound(id) }
            throw StoreError.corrupt(file: file, reason: "filen kan ikke læses (\(Posix.errorText(f.code)))")
        }
        let p = try FileStore.probe(Data(bytes), file: file)
        if let v = p.schemaVersion, v > CaseFile.currentSchemaVersion {
            throw StoreError.newerSchema(file: file, version: v)
        }
        if p.schemaVersion == CaseFile.currentSchemaVersion, let r = p.revision { return r }
        // Missing fields or an older schema: decode fully (this also validates the file).
        return try FileStore.decodeCase(bytes, file: file, expectedID: id).revision
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
            defer {
                unlink(tmp.path)
                close(tmp.lock)
            }
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
            if link(tmp.path, target) != 0 {
                let e = errno
                if e == EEXIST {
                    sequence += 1
                    continue
                }
                // No hard links on this file system: rename instead. We hold the lock and checked
                // that the target does not exist.
                guard e == EPERM || e == EOPNOTSUPP || e == ENOTSUP || e == EMLINK || e == ENOSYS,
                    !exists(id), rename(tmp.path, target) == 0
                else {
                    throw StoreError.io(operation: "oprette", file: FileStore.fileName(of: id), code: e, visible: false)
                }
            }
            try syncCaseFolder(id)
            return new
        }
        throw StoreError.io(operation: "finde et ledigt sagsnummer i", file: "sager", code: EEXIST, visible: false)
    }

    /// The highest sequence number among the case files of `year` (0 if none).
    func highestSequence(year: Int) throws -> Int {
        let prefix = String(year) + "-"
        var highest = 0
        // A deleted case's number is never given again (its tombstone stays in the audit log).
        let ids = try scanCaseFolder().files.map(\.id) + deletedCaseIDs()
        for id in ids where id.rawValue.hasPrefix(prefix) {
            let rest = id.rawValue.dropFirst(prefix.count)
            // Bounded, so that `+ 1` cannot overflow on a file named 2026-9223372036854775807.json.
            if let n = Int(rest), rest.allSatisfy(\.isASCII), n < CaseLimits.maxNumber { highest = max(highest, n) }
        }
        return highest
    }

    // MARK: Settings

    /// Reads `indstillinger.json`; the defaults if it does not exist. Anything else that is not a
    /// readable settings file (a symbolic link, a FIFO, a folder, damaged JSON, a wrong type) throws
    /// `settingsUnusable` (or `newerSchema`): deadlines are never computed with silent defaults.
    public func loadSettings() throws -> StoreSettings {
        let file = "indstillinger.json"
        let bytes: [UInt8]
        do { bytes = try Posix.readFile(settingsPath, limit: 1 << 20) } catch let f {
            if f.code == ENOENT { return StoreSettings() }
            switch f.code {
            case ELOOP:
                throw StoreError.settingsUnusable(
                    reason: "filen er et symbolsk link, og unge følger ikke links i lageret")
            case EISDIR: throw StoreError.settingsUnusable(reason: "det er en mappe, ikke en fil")
            case EINVAL: throw StoreError.settingsUnusable(reason: "det er ikke en almindelig fil")
            case EFBIG: throw StoreError.settingsUnusable(reason: "filen er urimeligt stor")
            default: throw StoreError.settingsUnusable(reason: "filen kan ikke læses (\(Posix.errorText(f.code)))")
            }
        }
        let p: Probe
        do { p = try FileStore.probe(Data(bytes), file: file) } catch let StoreError.corrupt(_, reason) {
            throw StoreError.settingsUnusable(reason: reason)
        }
        if let v = p.schemaVersion, v > StoreSettings.currentSchemaVersion {
            throw StoreError.newerSchema(file: file, version: v)
        }
        do { return try UngeJSON.decoder().decode(StoreSettings.self, from: Data(bytes)) } catch {
            throw StoreError.settingsUnusable(reason: StoreText.decodingProblem(error))
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

    /// Replaces a store file atomically: the durable write of a temp file next to it (fsync only
    /// with `sync`), rename, and (with `sync`) a folder fsync. A symbolic link or special file in its
    /// place is refused, never replaced.
    func replaceFile(_ path: String, display: String, bytes: [UInt8], sync: Bool) throws {
        var st = stat()
        if lstat(path, &st) == 0, st.st_mode & S_IFMT != S_IFREG {
            throw StoreError.foreignEntry(file: display, found: FileStore.kind(st))
        }
        let dir = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let tmp = dir + "/." + name + "." + String(pid) + "." + Posix.randomHex() + ".tmp"
        do {
            try Posix.writeNewFile(tmp, bytes, sync: sync)
            if rename(tmp, path) != 0 { throw Posix.Failure(call: "rename", code: errno) }
        } catch let f as Posix.Failure {
            unlink(tmp)
            throw StoreError.io(operation: "gemme", file: display, code: f.code, visible: false)
        }
        if sync {
            do { try Posix.syncDirectory(dir) } catch let f {
                throw StoreError.io(
                    operation: "skrive mappen sikkert til disken (fsync) for", file: display, code: f.code,
                    visible: true)
            }
        }
    }
}

// MARK: The store contract

extension FileStore: Store {
    /// Reads the case, applies `change`, and saves it on the revision read; with `retryOnConflict`,
    /// a lost race reads the case again and applies `change` again (at most
    /// `StoreLimits.updateAttempts` times).
    @discardableResult
    public func update(
        _ id: CaseID, now: Date, user: String, command: String, action: AuditAction, retryOnConflict: Bool,
        _ change: (inout CaseFile) throws -> Void
    ) throws -> CaseFile {
        var attempt = 0
        while true {
            attempt += 1
            let stored = try loadDocument(id)
            var file = stored.caseFile
            try change(&file)
            do {
                return try save(
                    file, expectedRevision: stored.caseFile.revision, base: stored, now: now, user: user,
                    command: command, action: action, unknownFrom: nil)
            } catch StoreError.conflict(let cid, let expected, let actual)
                where retryOnConflict && attempt < StoreLimits.updateAttempts
            {
                _ = (cid, expected, actual)
                continue
            }
        }
    }

    /// The case ids, from the file names of `sager/` alone: nothing is decoded. A missing store has none.
    public func caseIDs() throws -> [CaseID] {
        guard let names = try? Posix.listDirectory(casesPath) else { return [] }
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.compactMap {
            CaseID(String($0.dropLast(5)))
        }
        .sorted()
    }

    /// Saves several cases as one change (see `Store.saveTogether`). Every new version is written to
    /// its temp file and every case locked (in id order, so two such changes never wait on each
    /// other) and its revision checked before anything becomes visible; then the audit events are
    /// written and the files renamed in. Should a rename fail, the cases already renamed get their
    /// previous content back, so a failure leaves every case as it was.
    @discardableResult
    public func saveTogether(_ changes: [CaseChange], now: Date, user: String, command: String) throws
        -> [CaseFile]
    {
        try prepare()
        guard !changes.isEmpty else { return [] }
        let ids = changes.map(\.caseFile.id)
        guard Set(ids).count == ids.count else {
            throw StoreError.corrupt(file: "sager", reason: "den samme sag er med to gange i én ændring")
        }
        struct Prepared {
            var updated: CaseFile
            var expected: Int
            var criterion: String?
            var tmp: (path: String, lock: Int32)
            var renamed = false
        }
        var prepared: [Prepared] = []
        defer {
            for p in prepared {
                if !p.renamed { unlink(p.tmp.path) }
                close(p.tmp.lock)
            }
        }
        for change in changes {
            guard (0..<CaseLimits.maxNumber).contains(change.expectedRevision) else {
                throw StoreError.corrupt(
                    file: FileStore.fileName(of: change.caseFile.id),
                    reason: "feltet 'revision' er uden for 0-\(CaseLimits.maxNumber)")
            }
            var updated = change.caseFile
            updated.schemaVersion = CaseFile.currentSchemaVersion
            updated.revision = change.expectedRevision + 1
            updated.updated = now
            let stored = try loadDocument(updated.id)
            guard stored.caseFile.revision == change.expectedRevision else {
                throw StoreError.conflict(
                    updated.id, expected: change.expectedRevision, actual: stored.caseFile.revision)
            }
            let bytes = try encode(updated, keepingUnknownFrom: stored.body, decoded: stored.caseFile)
            prepared.append(
                Prepared(
                    updated: updated, expected: change.expectedRevision, criterion: change.criterion,
                    tmp: try writeTemp(for: updated.id, bytes: bytes)))
        }
        var locks: [HeldLock] = []
        defer { for l in locks.reversed() { l.release() } }
        for id in ids.sorted() { locks.append(try acquireLock(id, user: user, command: command, now: now)) }
        // Under the locks: each revision must still be the one read, and the content it had is kept
        // to put back should a later rename fail.
        var previous: [[UInt8]] = []
        for p in prepared {
            let actual = try currentRevision(p.updated.id)
            guard actual == p.expected else {
                throw StoreError.conflict(p.updated.id, expected: p.expected, actual: actual)
            }
            do {
                previous.append(try Posix.readFile(casePath(p.updated.id), limit: FileStore.maximumCaseFileBytes))
            } catch let f {
                throw StoreError.io(
                    operation: "læse", file: FileStore.fileName(of: p.updated.id), code: f.code, visible: false)
            }
        }
        try step(.audit)
        for p in prepared {
            try appendAudit(
                AuditEvent(
                    time: now, user: user, action: .update, caseID: p.updated.id, revisionBefore: p.expected,
                    revisionAfter: p.expected + 1, criterion: p.criterion, command: command))
        }
        do {
            for i in prepared.indices {
                try step(.rename)
                if rename(prepared[i].tmp.path, casePath(prepared[i].updated.id)) != 0 {
                    throw StoreError.io(
                        operation: "gemme", file: FileStore.fileName(of: prepared[i].updated.id), code: errno,
                        visible: false)
                }
                prepared[i].renamed = true
            }
        } catch {
            for (i, p) in prepared.enumerated() where p.renamed {
                if let back = try? writeTemp(for: p.updated.id, bytes: previous[i]) {
                    if rename(back.path, casePath(p.updated.id)) != 0 { unlink(back.path) }
                    close(back.lock)
                }
            }
            try? Posix.syncDirectory(casesPath)
            throw error
        }
        try syncCaseFolder(ids[0])
        return prepared.map(\.updated)
    }

    /// Writes a complete case document as it is (durably, linked in without replacing anything), after
    /// checking that it decodes as case `id`; audited as `create`.
    @discardableResult
    public func importCase(_ json: Data, as id: CaseID, now: Date, user: String, command: String) throws -> CaseFile {
        try prepare()
        let file = FileStore.fileName(of: id)
        let decoded = try FileStore.decodeCase([UInt8](json), file: file, expectedID: id)
        let tmp = try writeTemp(for: id, bytes: [UInt8](json))
        defer {
            unlink(tmp.path)
            close(tmp.lock)
        }
        let lock = try acquireLock(id, user: user, command: command, now: now)
        defer { lock.release() }
        if exists(id) {
            throw StoreError.io(operation: "oprette", file: file, code: EEXIST, visible: false)
        }
        try step(.audit)
        try appendAudit(
            AuditEvent(
                time: now, user: user, action: .create, caseID: id, revisionAfter: decoded.revision, command: command))
        try step(.rename)
        if link(tmp.path, casePath(id)) != 0 {
            let e = errno
            guard e != EEXIST, !exists(id), rename(tmp.path, casePath(id)) == 0 else {
                throw StoreError.io(operation: "oprette", file: file, code: e, visible: false)
            }
        }
        try syncCaseFolder(id)
        return decoded
    }
}
