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
        MoveSHA256.hex(canonical(json) ?? json)
    }

    /// One hash over every case's id and content hash, sorted by id: equal in source and target.
    static func digest(_ hashes: [String: String]) -> String {
        MoveSHA256.hex(Array(hashes.sorted { $0.key < $1.key }.map { $0.key + " " + $0.value + "\n" }.joined().utf8))
    }

    /// An audit event as a canonical string, for counting what the target already holds.
    static func eventKey(_ e: AuditEvent) -> String {
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

    /// Writes many moved audit events at once, in the layout `appendAudit` uses: each complete in a
    /// hidden temp file and linked in under its final name (readers never see half an event), without
    /// an fsync per event; then everything written is synced once (`sync`, and each month folder) before
    /// this returns.
    /// The move checks afterwards that every event is there; a crash in between is mended by running
    /// the move again (only missing events are written).
    func appendAuditBatch(_ events: [AuditEvent]) throws {
        guard !events.isEmpty else { return }
        if !rootExists { try createIfMissing() }
        try checkRoot()
        try ensureFolder(logPath, name: "log")
        var months: Set<String> = []
        for event in events {
            var bytes: [UInt8]
            do { bytes = [UInt8](try UngeJSON.encoder().encode(event)) } catch {
                throw StoreError.auditFailed(reason: "hændelsen kan ikke skrives som JSON")
            }
            bytes.append(UInt8(ascii: "\n"))
            let stamp = UngeJSON.formatTimestamp(event.time)
            let month = String(stamp.prefix(7))
            let monthPath = logPath + "/" + month
            if months.insert(month).inserted { try ensureFolder(monthPath, name: "log/" + month) }
            let compact = String(stamp.filter { $0 != "-" && $0 != ":" })
            let tmpPath = monthPath + "/." + compact + "-" + String(pid) + "-" + Posix.randomHex() + ".tmp"
            let name =
                compact + "-" + (event.caseID?.rawValue ?? "alle") + "-" + String(pid) + "-"
                + String(Posix.nowNanoseconds()) + "-" + Posix.randomHex() + ".json"
            do {
                try Posix.writeNewFile(tmpPath, bytes, sync: false)
                defer { unlink(tmpPath) }
                if link(tmpPath, monthPath + "/" + name) != 0 && rename(tmpPath, monthPath + "/" + name) != 0 {
                    throw Posix.Failure(call: "link", code: errno)
                }
            } catch let f as Posix.Failure {
                throw StoreError.auditFailed(reason: "'log/\(month)/\(name)': \(Posix.errorText(f.code))")
            }
        }
        // One sync of everything written (Linux waits for it), then each month folder's entries.
        sync()
        do {
            for month in months.sorted() { try Posix.syncDirectory(logPath + "/" + month) }
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

/// SHA-256 (FIPS 180-4), for the content hashes of a move.
enum MoveSHA256 {
    static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    static func digest(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
        ]
        var m = message
        let bitLength = UInt64(message.count) &* 8
        m.append(0x80)
        while m.count % 64 != 56 { m.append(0) }
        for i in (0..<8).reversed() { m.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
        var w = [UInt32](repeating: 0, count: 64)
        func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
        for chunk in stride(from: 0, to: m.count, by: 64) {
            for i in 0..<16 {
                let j = chunk + i * 4
                w[i] = UInt32(m[j]) << 24 | UInt32(m[j + 1]) << 16 | UInt32(m[j + 2]) << 8 | UInt32(m[j + 3])
            }
            for i in 16..<64 {
                let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var a = h[0]
            var b = h[1]
            var c = h[2]
            var d = h[3]
            var e = h[4]
            var f = h[5]
            var g = h[6]
            var hh = h[7]
            for i in 0..<64 {
                let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                let ch = (e & f) ^ (~e & g)
                let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
                let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                let maj = (a & b) ^ (a & c) ^ (b & c)
                let t2 = s0 &+ maj
                hh = g
                g = f
                f = e
                e = d &+ t1
                d = c
                c = b
                b = a
                a = t1 &+ t2
            }
            h[0] = h[0] &+ a
            h[1] = h[1] &+ b
            h[2] = h[2] &+ c
            h[3] = h[3] &+ d
            h[4] = h[4] &+ e
            h[5] = h[5] &+ f
            h[6] = h[6] &+ g
            h[7] = h[7] &+ hh
        }
        return h.flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: v >> (24 - UInt32($0) * 8)) } }
    }

    static func hex(_ message: [UInt8]) -> String {
        digest(message).map { String(format: "%02x", $0) }.joined()
    }
}
