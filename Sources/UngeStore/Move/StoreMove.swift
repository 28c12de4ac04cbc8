import Foundation
import UngeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The map of `unge lager flyt --brugere KORT`: which database role and team each user of a file
/// store becomes. One line per user, fields separated by `;`:
///
///     # bruger;rolle;hold[;leder]
///     Lene Hansen;lene;Nord
///     bo;bo;Syd;leder
///     *;lene;Nord
///
/// The user is the name in the case's `caseworker` field and in drafts; `*` is used for every case
/// without a caseworker (or with one the map does not name). Empty lines and `#` comments are skipped.
public struct UserMap: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var role: String
        public var team: String
        public var leader: Bool
    }

    /// Keys folded: trimmed and lowercased.
    public var entries: [String: Entry]
    public var fallback: Entry?

    /// A line of the map that cannot be used, with its number (exit 2).
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "Brugerkortet, linje \(line): \(reason)" }
    }

    public static func parse(_ text: String) throws(Problem) -> UserMap {
        var map = UserMap(entries: [:], fallback: nil)
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ";", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard fields.count == 3 || fields.count == 4 else {
                throw Problem(line: n + 1, reason: "skriv bruger;rolle;hold eller bruger;rolle;hold;leder")
            }
            guard !fields[0].isEmpty, !fields[1].isEmpty, !fields[2].isEmpty else {
                throw Problem(line: n + 1, reason: "bruger, rolle og hold skal alle udfyldes")
            }
            guard Self.isRoleName(fields[1]) else {
                throw Problem(
                    line: n + 1,
                    reason: "'\(fields[1])' er ikke et rollenavn (små bogstaver, tal og _, højst 63 tegn)")
            }
            if fields.count == 4 && fields[3].lowercased() != "leder" {
                throw Problem(line: n + 1, reason: "det fjerde felt kan kun være 'leder'")
            }
            let entry = Entry(role: fields[1], team: fields[2], leader: fields.count == 4)
            let key = Self.fold(fields[0])
            if key == "*" {
                if map.fallback != nil { throw Problem(line: n + 1, reason: "'*' står der allerede") }
                map.fallback = entry
            } else {
                if map.entries[key] != nil { throw Problem(line: n + 1, reason: "'\(fields[0])' står der allerede") }
                map.entries[key] = entry
            }
        }
        if map.entries.isEmpty && map.fallback == nil { throw Problem(line: 1, reason: "kortet er tomt") }
        return map
    }

    static func fold(_ s: String) -> String { s.trimmingCharacters(in: .whitespaces).lowercased() }

    static func isRoleName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, s.utf8.count <= 63 else { return false }
        guard ("a"..."z").contains(first) || first == "_" else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// The entry for a user (a case's caseworker, a draft's user), else `*`.
    public func entry(for user: String?) -> Entry? {
        if let user, let e = entries[Self.fold(user)] { return e }
        return fallback
    }

    /// Every distinct (role, team, leader) the map names.
    var memberships: [Entry] {
        var seen: Set<String> = []
        var out: [Entry] = []
        for e in (Array(entries.values) + (fallback.map { [$0] } ?? [])).sorted(by: { $0.role < $1.role })
        where seen.insert(e.role).inserted {
            out.append(e)
        }
        return out
    }
}

/// What `unge lager flyt` did and checked.
public struct MoveReport: Sendable, Equatable {
    /// Cases in the source; copied now; already in the target with the same content (a restarted move).
    public var cases = 0
    public var casesCopied = 0
    public var casesAlreadyThere = 0
    /// Audit events in the source; copied now (the rest were already in the target).
    public var events = 0
    public var eventsCopied = 0
    public var drafts = 0
    public var settingsMoved = false
    /// Audit events of the source that could not be read (cut short by a crash); not moved.
    public var unreadableEvents = 0
    /// SHA-256 over the sorted cases' content hashes, the same in source and target after the check.
    public var digest = ""
    /// Seconds the move took (copy and check).
    public var seconds = 0.0
}

/// `unge lager flyt`: a file store into the team store, or the team store out to a file store.
/// Cases keep their number, revision and history; the audit log keeps every event as it was
/// written (user, time); drafts and settings go along. Afterwards every case is read back from the
/// target and its content hash compared with the source's, and the target's audit log must hold
/// every source event. Restartable: a case or event already in the target is skipped, a case with
/// the same number but other content stops the move. A target with cases of its own is refused
/// unless `addToExisting`.
public enum StoreMove {
    public static func run(
        from source: StoreLocation, to target: StoreLocation, users: UserMap?, addToExisting: Bool, now: Date,
        progress: (@Sendable (String) -> Void)? = nil
    ) throws -> MoveReport {
        let started = Date()
        var report: MoveReport
        switch (source, target) {
        case (.folder(let folder), .database(let uri)):
            #if PostgreSQL
                guard let users else { throw StoreError.move("Angiv --brugere KORT, når der flyttes til en database.") }
                let from = FileStore(root: folder)
                try from.checkLayout()
                let to = try PostgresStore(uri: uri, command: "lager flyt")
                try to.checkLayout()
                report = try intoDatabase(
                    from: from, to: to, users: users, addToExisting: addToExisting, now: now, progress: progress)
            #else
                _ = (folder, uri, users)
                throw StoreError.unsupported(
                    "Teamlageret (PostgreSQL) findes kun i teamudgaven af unge (swift build --traits PostgreSQL).")
            #endif
        case (.database(let uri), .folder(let folder)):
            #if PostgreSQL
                let from = try PostgresStore(uri: uri, command: "lager flyt")
                try from.checkLayout()
                let to = FileStore(root: folder)
                report = try outToFolder(
                    from: from, to: to, addToExisting: addToExisting, now: now, progress: progress)
            #else
                _ = (folder, uri)
                throw StoreError.unsupported(
                    "Teamlageret (PostgreSQL) findes kun i teamudgaven af unge (swift build --traits PostgreSQL).")
            #endif
        default:
            throw StoreError.move(
                "Der flyttes fra en mappe til en database (postgresql://…) eller fra en database til en mappe.")
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    // MARK: Content hashes

    /// A document in canonical form: keys sorted, no spaces (the database keeps JSON in its own
    /// order and spacing, so bytes are compared after this).
    static func canonical(_ json: [UInt8]) -> [UInt8]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json), options: [.fragmentsAllowed]),
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        else { return nil }
        return [UInt8](data)
    }

    /// The SHA-256 (hex) of a document's canonical form.
    public static func contentHash(_ json: [UInt8]) -> String {
        SHA256.hex(canonical(json) ?? json)
    }

    /// One hash over every case's id and content hash, sorted by id: equal in source and target.
    static func digest(_ hashes: [String: String]) -> String {
        SHA256.hex(Array(hashes.sorted { $0.key < $1.key }.map { $0.key + " " + $0.value + "\n" }.joined().utf8))
    }

    /// An audit event as a canonical string, for counting what the target already holds.
    /// The hash-chain fields are left out: the target chains each event anew (`AuditChain`).
    static func eventKey(_ e: AuditEvent) -> String {
        var e = e
        e.chain = nil
        e.seq = nil
        e.prev = nil
        e.payloadHash = nil
        e.salt = nil
        e.digest = nil
        e.erasedThrough = nil
        e.notCarriedOut = nil
        let bytes = (try? UngeJSON.encoder(pretty: false).encode(e)).map { [UInt8]($0) } ?? []
        return String(decoding: canonical(bytes) ?? bytes, as: UTF8.self)
    }

    /// The source events the target does not hold yet (counted: two equal events are two).
    static func missing(_ source: [AuditEvent], in target: [AuditEvent]) -> [AuditEvent] {
        var have: [String: Int] = [:]
        for e in target { have[eventKey(e), default: 0] += 1 }
        var out: [AuditEvent] = []
        for e in source {
            let k = eventKey(e)
            if let n = have[k], n > 0 { have[k] = n - 1 } else { out.append(e) }
        }
        return out
    }
}

// MARK: The file store's side

extension FileStore {
    /// The case document as stored (after an in-memory schema migration, if it was older).
    func movableDocument(_ id: CaseID) throws -> (caseFile: CaseFile, body: Data) {
        try loadDocument(id)
    }

    /// The drafts of every dialogue in the store.
    func allDrafts() throws -> [DialogueDraft] {
        guard let dir = opendir(draftsPath) else {
            if errno == ENOENT { return [] }
            throw StoreError.io(operation: "læse", file: "kladder", code: errno, visible: false)
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasSuffix(".json") && !name.hasPrefix(".") { names.append(name) }
        }
        return try names.sorted().map { (name: String) throws -> DialogueDraft in
            let bytes: [UInt8]
            do { bytes = try Posix.readFile(draftsPath + "/" + name, limit: 16 << 20) } catch let f as Posix.Failure {
                throw StoreError.io(operation: "læse", file: "kladder/" + name, code: f.code, visible: false)
            }
            do { return try UngeJSON.decoder().decode(DialogueDraft.self, from: Data(bytes)) } catch {
                throw StoreError.corrupt(file: "kladder/" + name, reason: StoreText.decodingProblem(error))
            }
        }
    }

    /// True when a settings file exists.
    var hasSettingsFile: Bool { access(settingsPath, F_OK) == 0 }

    enum Restored { case copied, same }

    /// Puts a moved case in as it is, durably (temp file, fsync, link, folder fsync). A case with the
    /// same number and the same content is left (a restarted move); other content is refused. The
    /// move's own audit event is written by the caller, before.
    func restoreCase(_ bytes: [UInt8], id: CaseID) throws -> Restored {
        try prepare()
        let file = FileStore.fileName(of: id)
        _ = try FileStore.decodeDocument(bytes, file: file, expectedID: id)
        if exists(id) {
            let present = try Posix.readFile(casePath(id), limit: FileStore.maximumCaseFileBytes)
            if StoreMove.contentHash(present) == StoreMove.contentHash(bytes) { return .same }
            throw StoreError.move(
                "Sag \(id.rawValue) findes allerede i målet med et andet indhold. Intet er overskrevet.")
        }
        let tmp = try writeTemp(for: id, bytes: bytes)
        defer {
            unlink(tmp.path)
            close(tmp.lock)
        }
        if link(tmp.path, casePath(id)) != 0 {
            throw StoreError.io(operation: "oprette", file: file, code: errno, visible: false)
        }
        try syncCaseFolder(id)
        return .copied
    }

    /// Writes many moved audit events at once, each chained anew into its case's hash chain in this
    /// store (`AuditChain`: the source's chain fields, if any, belong to the source), in the order
    /// given, after whatever the chain already holds; so `unge log --kontroller` verifies the moved
    /// trail like any other. Each event is complete in a hidden temp file before it is linked in
    /// under its final name (readers never see half an event); there is no fsync per event:
    /// everything written is synced once (`sync`, and each month folder) before this returns.
    /// The move checks afterwards that every event is there; a crash in between is mended by running
    /// the move again (only missing events are written).
    func appendAuditBatch(_ events: [AuditEvent]) throws {
        guard !events.isEmpty else { return }
        if !rootExists { try createIfMissing() }
        try checkRoot()
        try ensureFolder(logPath, name: "log")
        try ensureFolder(chainsPath, name: "log/.kaeder")
        // Sealed chain by chain (each head locked while its numbers are given out and the head is
        // moved on, marked not yet linked), then written in the order given, so events in the same
        // second keep their order (the file name's nanoseconds); then the heads are marked linked.
        var order: [String] = []
        var positions: [String: [Int]] = [:]
        for (i, event) in events.enumerated() {
            let chain = AuditChain.chain(of: event)
            if positions[chain] == nil { order.append(chain) }
            positions[chain, default: []].append(i)
        }
        var sealed = [AuditEvent?](repeating: nil, count: events.count)
        var heads: [(chain: String, latest: HeadEntry, previous: HeadEntry?)] = []
        var months: Set<String> = []
        var names = [String](repeating: "", count: events.count)
        var stage = "log"
        func withHead(_ chain: String, _ body: (Int32) throws -> Void) throws {
            stage = "log/.kaeder/" + chain
            let fd = try lockHead(chain)
            defer { close(fd) }  // releases the lock
            try body(fd)
        }
        func writeHead(_ fd: Int32, _ latest: HeadEntry, _ previous: HeadEntry?) throws {
            let head = FileStore.headBytes(latest: latest, previous: previous)
            let wrote = head.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
            if wrote != head.count { throw Posix.Failure(call: "write", code: wrote < 0 ? errno : EIO) }
        }
        do {
            for chain in order {
                try withHead(chain) { fd in
                    var buffer = [UInt8](repeating: 0, count: FileStore.headSize * 2)
                    let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
                    if got < 0 { throw Posix.Failure(call: "read", code: errno) }
                    let parsed = FileStore.parseHead(Array(buffer[0..<got]))
                    let first = parsed.readable ? recordedHead(parsed) : scannedHead(chain)
                    var last = first
                    for i in positions[chain] ?? [] {
                        var event = events[i]
                        // An anchor's heads are the source's chains, numbered there: not this folder's.
                        event.anchors = nil
                        let seq = (last?.seq ?? 0) + 1
                        // A moved deletion covers the events before it in this chain.
                        if event.action == .delete && event.erasedThrough != nil { event.erasedThrough = seq - 1 }
                        var e = AuditChain.seal(
                            event, chain: chain, seq: seq, prev: last?.digest ?? AuditChain.zeroDigest)
                        if event.erased == true {
                            // Erased at the source: no payload, no salt; the digest is over what is left.
                            e.erased = true
                            e.salt = nil
                            e.digest = AuditChain.digest(e)
                        }
                        let stamp = UngeJSON.formatTimestamp(e.time)
                        let month = String(stamp.prefix(7))
                        let compact = String(stamp.filter { $0 != "-" && $0 != ":" })
                        // The nanoseconds are filled in when written (see below).
                        names[i] = compact + "-" + (e.caseID?.rawValue ?? AuditChain.allChain) + "-" + String(pid)
                        sealed[i] = e
                        last = HeadEntry(
                            seq: seq, digest: e.digest ?? "", file: month + "/" + names[i] + "-?s" + String(seq))
                    }
                    if let last {
                        var latest = last
                        latest.linked = false
                        heads.append((chain, latest, first))
                        try writeHead(fd, latest, first)
                    }
                }
            }
            var finalFile: [String: String] = [:]
            for (i, e) in sealed.enumerated() {
                guard let e else { continue }
                var bytes: [UInt8]
                do { bytes = [UInt8](try UngeJSON.encoder().encode(e)) } catch {
                    throw StoreError.auditFailed(reason: "hændelsen kan ikke skrives som JSON")
                }
                bytes.append(UInt8(ascii: "\n"))
                let stamp = UngeJSON.formatTimestamp(e.time)
                let month = String(stamp.prefix(7))
                let monthPath = logPath + "/" + month
                if months.insert(month).inserted { try ensureFolder(monthPath, name: "log/" + month) }
                let name =
                    names[i] + "-" + String(Posix.nowNanoseconds()) + "-" + Posix.randomHex() + "s"
                    + String(e.seq ?? 0) + ".json"
                let tmpPath = monthPath + "/." + name + ".tmp"
                stage = "log/" + month + "/" + name
                try Posix.writeNewFile(tmpPath, bytes, sync: false)
                defer { unlink(tmpPath) }
                if link(tmpPath, monthPath + "/" + name) != 0 && rename(tmpPath, monthPath + "/" + name) != 0 {
                    throw Posix.Failure(call: "link", code: errno)
                }
                finalFile[AuditChain.chain(of: e) + " " + String(e.seq ?? 0)] = month + "/" + name
            }
            sync()
            for h in heads {
                var latest = h.latest
                latest.file = finalFile[h.chain + " " + String(latest.seq)] ?? latest.file
                latest.linked = true
                try withHead(h.chain) { fd in try writeHead(fd, latest, h.previous) }
            }
        } catch let f as Posix.Failure {
            throw StoreError.auditFailed(reason: "'\(stage)': \(Posix.errorText(f.code))")
        }
        // One sync of everything written (Linux waits for it), then each month folder's entries.
        sync()
        do {
            for month in months.sorted() { try Posix.syncDirectory(logPath + "/" + month) }
            try Posix.syncDirectory(chainsPath)
            try Posix.syncDirectory(logPath)
        } catch let f {
            throw StoreError.auditFailed(reason: "'log': \(Posix.errorText(f.code))")
        }
    }

    /// Puts a moved draft in as it is (no audit event of its own: the move has one).
    func restoreDraft(_ draft: DialogueDraft) throws {
        try prepare()
        try ensureFolder(draftsPath, name: "kladder")
        let name = FileStore.draftFileName(command: draft.command, caseID: draft.caseID)
        var bytes = [UInt8](try UngeJSON.encoder().encode(draft))
        bytes.append(UInt8(ascii: "\n"))
        try replaceFile(root.path + "/" + name, display: name, bytes: bytes, sync: true)
    }
}
