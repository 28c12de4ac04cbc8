import Foundation
import UngeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileStore {
    /// Writes one audit event durably as its own file (a hidden temp file, fsynced, then linked in),
    /// `log/<ÅÅÅÅ-MM>/<ÅÅÅÅMMDDTttmmssZ>-<id|alle>-<pid>-<ns>-<tilfældig>s<nr>.json` (0600, `O_EXCL`,
    /// fsync of the file and of its folder), chained into its case's hash chain (`AuditChain`) as
    /// number `<nr>`. `<ns>` is the wall clock in nanoseconds when written, which orders events
    /// within the same second. Writers to different cases never wait for one another; writers to
    /// the same case wait only for each other's append (the chain head `log/.kaeder/<id>` is locked).
    ///
    /// Call it before showing personal data (reads, searches, exports, `--vis-cpr`); if it throws
    /// `StoreError.auditFailed`, show nothing. `save` and `create` call it themselves.
    public func appendAudit(_ event: AuditEvent) throws {
        _ = try appendChained(event)
        maybeAnchor(time: event.time, user: event.user)
    }

    var chainsPath: String { logPath + "/.kaeder" }

    /// One entry of a chain head: an event's number, digest and file (`<ÅÅÅÅ-MM>/<name>`).
    struct HeadEntry: Equatable {
        var seq: Int
        var digest: String
        var file: String
        /// False while the writer has not yet linked the event in (a stopped writer leaves it so).
        var linked = true
    }

    /// The head file's fixed size: one `pwrite` replaces it whole.
    static let headSize = 512

    static func headBytes(latest: HeadEntry, previous: HeadEntry?) -> [UInt8] {
        var text = "unge-kaede\t1\n\(latest.seq)\t\(latest.digest)\t\(latest.file)\t\(latest.linked ? 1 : 0)\n"
        if let previous { text += "\(previous.seq)\t\(previous.digest)\t\(previous.file)\n" }
        var bytes = Array(text.utf8)
        while bytes.count < headSize { bytes.append(UInt8(ascii: " ")) }
        return bytes
    }

    /// The entries of a head file; `readable` is false for a damaged one (not empty, not parsed).
    static func parseHead(_ bytes: [UInt8]) -> (latest: HeadEntry?, previous: HeadEntry?, readable: Bool) {
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return (nil, nil, true) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "unge-kaede\t1", lines.count >= 2, lines.count <= 3 else { return (nil, nil, false) }
        func entry(_ line: Substring) -> HeadEntry? {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 3 || (f.count == 4 && (f[3] == "0" || f[3] == "1")), let seq = Int(f[0]), seq >= 1,
                f[1].utf8.count == 64, !f[2].isEmpty, !f[2].contains("..")
            else { return nil }
            return HeadEntry(seq: seq, digest: String(f[1]), file: String(f[2]), linked: f.count == 3 || f[3] == "1")
        }
        guard let latest = entry(lines[1]) else { return (nil, nil, false) }
        if lines.count == 3 {
            guard let previous = entry(lines[2]) else { return (nil, nil, false) }
            return (latest, previous, true)
        }
        return (latest, nil, true)
    }

    /// The head of a chain as recorded: the latest entry if its event file exists (it was linked
    /// in), else the one before (the writer stopped between the head and the link). A latest entry
    /// marked linked whose file is gone stays the head: the event was deleted afterwards.
    func recordedHead(_ parsed: (latest: HeadEntry?, previous: HeadEntry?, readable: Bool)) -> HeadEntry? {
        guard let latest = parsed.latest else { return nil }
        var st = stat()
        return latest.linked || lstat(logPath + "/" + latest.file, &st) == 0 ? latest : parsed.previous
    }

    /// The head of a chain found from its event files, for a damaged head file.
    func scannedHead(_ chain: String) -> HeadEntry? {
        var best: (seq: Int, file: String)?
        let months = ((try? Posix.listDirectory(logPath)) ?? []).filter { !$0.hasPrefix(".") }
        for month in months {
            for name in (try? Posix.listDirectory(logPath + "/" + month)) ?? []
            where name.hasSuffix(".json") && !name.hasPrefix(".") && name.contains("-" + chain + "-") {
                if let n = FileStore.chainNumber(name), n > (best?.seq ?? 0) { best = (n, month + "/" + name) }
            }
        }
        guard let best, let bytes = try? Posix.readFile(logPath + "/" + best.file, limit: 1 << 20),
            let e = try? UngeJSON.decoder().decode(AuditEvent.self, from: Data(bytes)), let digest = e.digest
        else { return nil }
        return HeadEntry(seq: best.seq, digest: digest, file: best.file)
    }

    /// The `<nr>` of an event file name `...-<tilfældig>s<nr>.json`, or nil (an event from before the chain).
    static func chainNumber(_ name: String) -> Int? {
        guard name.hasSuffix(".json"), let dash = name.lastIndex(of: "-") else { return nil }
        let last = name[name.index(after: dash)...].dropLast(5)
        guard let s = last.firstIndex(of: "s") else { return nil }
        return Int(last[last.index(after: s)...])
    }

    /// Folders of the log (`log/`, its month, `log/.kaeder`), created if missing; failures are audit failures.
    private func prepareLogFolders(month: String) throws {
        var stage = "log"
        do {
            if !rootExists { try createIfMissing() }
            try checkRoot()
            try ensureFolder(logPath, name: "log")
            stage = "log/" + month
            try ensureFolder(logPath + "/" + month, name: stage)
            stage = "log/.kaeder"
            try ensureFolder(chainsPath, name: stage)
        } catch let e as StoreError {
            switch e {
            case .foreignEntry(let file, let found):
                throw StoreError.auditFailed(reason: "'\(file)' er \(found), ikke en mappe, som unge selv har oprettet")
            case .sharedFolder, .noStore: throw e
            case .io(_, _, let code, _): throw StoreError.auditFailed(reason: "'\(stage)': \(Posix.errorText(code))")
            default: throw StoreError.auditFailed(reason: "'\(stage)': \(e.description)")
            }
        }
    }

    /// Opens and locks a chain's head file (0600, never through a link); the caller closes it.
    func lockHead(_ chain: String) throws(Posix.Failure) -> Int32 {
        let fd = open(chainsPath + "/" + chain, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if fd < 0 { throw Posix.Failure(call: "open", code: errno) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let e = errno
            close(fd)
            throw Posix.Failure(call: "flock", code: e)
        }
        return fd
    }

    /// `appendAudit` without the anchor: the event as sealed and written.
    @discardableResult
    func appendChained(_ event: AuditEvent, erasingThroughHead: Bool = false) throws -> AuditEvent {
        let chain = AuditChain.chain(of: event)
        let stamp = UngeJSON.formatTimestamp(event.time)  // 2026-04-13T09:30:00Z
        let month = String(stamp.prefix(7))
        let compact = String(stamp.filter { $0 != "-" && $0 != ":" })
        let monthPath = logPath + "/" + month
        try prepareLogFolders(month: month)
        // The temp file is created before the chain's head is touched: where no event can be
        // written (a full or read-only folder), nothing of the log changes.
        let tmpName = "." + compact + "-" + String(pid) + "-" + Posix.randomHex() + ".tmp"
        var stage = "log/" + month + "/" + tmpName
        let tmpPath = monthPath + "/" + tmpName
        do {
            let tmpFD = try Posix.createExclusive(tmpPath)
            var tmpOpen = true
            defer {
                if tmpOpen { close(tmpFD) }
                unlink(tmpPath)
            }
            stage = "log/.kaeder/" + chain
            let fd = try lockHead(chain)
            defer { close(fd) }  // releases the lock
            var buffer = [UInt8](repeating: 0, count: FileStore.headSize * 2)
            let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
            if got < 0 { throw Posix.Failure(call: "read", code: errno) }
            let parsed = FileStore.parseHead(Array(buffer[0..<got]))
            let last = parsed.readable ? recordedHead(parsed) : scannedHead(chain)
            var event = event
            if erasingThroughHead { event.erasedThrough = last?.seq ?? 0 }
            let sealed = AuditChain.seal(
                event, chain: chain, seq: (last?.seq ?? 0) + 1, prev: last?.digest ?? AuditChain.zeroDigest)
            var bytes: [UInt8]
            do { bytes = [UInt8](try UngeJSON.encoder().encode(sealed)) } catch {
                throw StoreError.auditFailed(reason: "hændelsen kan ikke skrives som JSON")
            }
            bytes.append(UInt8(ascii: "\n"))
            // Written to a hidden temp file first and linked in under its final name only when
            // complete, so a crash never leaves a half-written event (readers skip dot files).
            stage = "log/" + month + "/" + tmpName
            try Posix.writeAll(tmpFD, bytes)
            try Posix.sync(tmpFD)
            tmpOpen = false
            try Posix.closeChecked(tmpFD)
            let subject = event.caseID?.rawValue ?? AuditChain.allChain
            var attempt = 0
            var entry = HeadEntry(seq: 0, digest: "", file: "")
            while true {
                let name =
                    compact + "-" + subject + "-" + String(pid) + "-" + String(Posix.nowNanoseconds()) + "-"
                    + Posix.randomHex() + "s" + String(sealed.seq ?? 0) + ".json"
                // The head names the new event before it is linked in: a writer that stops in
                // between leaves a head whose latest file is missing, and the next one chains
                // from the entry before it.
                stage = "log/.kaeder/" + chain
                entry = HeadEntry(
                    seq: sealed.seq ?? 0, digest: sealed.digest ?? "", file: month + "/" + name, linked: false)
                let head = FileStore.headBytes(latest: entry, previous: last)
                let wrote = head.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
                if wrote != head.count { throw Posix.Failure(call: "write", code: wrote < 0 ? errno : EIO) }
                if fdatasync(fd) != 0 { throw Posix.Failure(call: "fsync", code: errno) }
                stage = "log/" + month + "/" + name
                let path = monthPath + "/" + name
                if link(tmpPath, path) == 0 { break }
                let e = errno
                attempt += 1
                if e == EEXIST && attempt < 10 { continue }
                // No hard links on this file system: rename (the name is unique: pid, ns, random).
                guard e == EPERM || e == EOPNOTSUPP || e == ENOTSUP || e == EMLINK || e == ENOSYS else {
                    throw Posix.Failure(call: "link", code: e)
                }
                if rename(tmpPath, path) != 0 { throw Posix.Failure(call: "rename", code: errno) }
                break
            }
            try Posix.syncDirectory(monthPath)
            // Linked: marked so in the head (no fsync needed: an unmarked entry whose file exists
            // counts as linked too), so a later deletion of the event is told from a stopped writer.
            entry.linked = true
            let head = FileStore.headBytes(latest: entry, previous: last)
            _ = head.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
            return sealed
        } catch let f as Posix.Failure {
            throw StoreError.auditFailed(reason: "'\(stage)': \(Posix.errorText(f.code))")
        }
    }

    /// Writes an anchor event (chain `alle`) when the last one is older than `anchorInterval`:
    /// the heads of the chains changed since. Best effort: a busy or failing anchor is left for
    /// the next event (the events themselves are written).
    func maybeAnchor(time: Date, user: String) {
        let path = chainsPath + "/.anker"
        var st = stat()
        let now = Posix.nowNanoseconds()
        guard lstat(path, &st) == 0 else {
            // The first chained event of the store starts the clock.
            let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 { close(fd) }
            return
        }
        let last = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        guard now - last >= anchorInterval * 1_000_000_000 else { return }
        try? writeAnchor(time: time, user: user, since: last)
    }

    /// Writes an anchor event now over the chains whose head changed after `since` (ns; all with
    /// nil), and restarts the anchor clock. Used by `maybeAnchor` and by tests.
    public func writeAnchor(time: Date, user: String, since: Int64? = nil) throws {
        let path = chainsPath + "/.anker"
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return }  // another process anchors now
        var st = stat()
        if let since, fstat(fd, &st) == 0,
            Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec) > since
        {
            return  // anchored meanwhile
        }
        let started = Posix.nowNanoseconds()
        var entries: [String] = []
        for chain in ((try? Posix.listDirectory(chainsPath)) ?? []).sorted()
        where !chain.hasPrefix(".") && chain != AuditChain.allChain {
            var hs = stat()
            guard lstat(chainsPath + "/" + chain, &hs) == 0, hs.st_mode & S_IFMT == S_IFREG else { continue }
            let changed = Int64(hs.st_mtim.tv_sec) * 1_000_000_000 + Int64(hs.st_mtim.tv_nsec)
            // Two seconds of slack for the file system's clock tick.
            if let since, changed < since - 2_000_000_000 { continue }
            guard let bytes = try? Posix.readFile(chainsPath + "/" + chain, limit: 4096),
                let head = recordedHead(FileStore.parseHead(bytes))
            else { continue }
            entries.append(chain + " " + String(head.seq) + " " + head.digest)
        }
        var start = 0
        repeat {
            let part = Array(entries[start..<min(entries.count, start + 2000)])
            var anchor = AuditEvent(time: time, user: user, action: .anchor, command: "anker")
            anchor.anchors = part
            try appendChained(anchor)
            start += 2000
        } while start < entries.count
        var times = [
            timespec(tv_sec: Int(started / 1_000_000_000), tv_nsec: Int(started % 1_000_000_000)),
            timespec(tv_sec: Int(started / 1_000_000_000), tv_nsec: Int(started % 1_000_000_000)),
        ]
        _ = futimens(fd, &times)
    }

    /// Lawful erasure (issue 22, point 3): appends `tombstone` (a `delete` event about `id`) to the
    /// case's chain, covering every event before it, then removes the personal payload and the
    /// salt of each of those events (and of the case's events from before the chain), keeping
    /// their digests, so every chain still verifies and the erased data cannot be guessed back.
    /// The month indexes that held them are removed (rebuilt from the files at the next query).
    /// Idempotent: a tombstone already at the end of the chain is reused, erased events are skipped.
    public func eraseAuditPersonalData(of id: CaseID, tombstone: AuditEvent) throws {
        var tomb = tombstone
        tomb.caseID = id
        tomb.action = .delete
        let events = chainFiles(of: id)
        let chained = events.filter { $0.event.chain == id.rawValue }
        let cover: Int
        if let last = chained.max(by: { ($0.event.seq ?? 0) < ($1.event.seq ?? 0) }), last.event.action == .delete,
            let through = last.event.erasedThrough, through == (last.event.seq ?? 0) - 1
        {
            cover = through
        } else {
            cover = try appendChained(tomb, erasingThroughHead: true).erasedThrough ?? 0
        }
        var touched = Set<String>()
        for f in chainFiles(of: id) {
            let e = f.event
            if e.erased == true { continue }
            if e.chain != nil && (e.chain != id.rawValue || (e.seq ?? 0) > cover) { continue }
            if e.chain == nil && e.caseID != id { continue }
            try erasePayload(e, file: f.file)
            touched.insert(String(f.file.prefix(7)))
        }
        touched.formUnion(try eraseSearchTerms(showing: id, tombstone: tomb))
        for month in touched {
            do { try Posix.syncDirectory(logPath + "/" + month) } catch let f {
                throw StoreError.io(
                    operation: "skrive mappen sikkert til disken (fsync) for", file: "log/" + month, code: f.code,
                    visible: true)
            }
            unlink(auditIndexPath + "/" + month + ".tsv")
        }
    }

    /// What a restated search shows instead of the search term it no longer holds.
    static let erasedSearchTerm = "søg=(fjernet ved sletning af en sag)"

    /// The user-typed search terms (`søg=…` in the criterion: names, birth dates) of the searches
    /// and listings over all cases (chain `alle`) that displayed the deleted case `id`: each such
    /// event's payload and salt are removed, covered by a `delete` event in the `alle` chain (so the
    /// chain still verifies, as for the case's own events). What the event still tells about the other
    /// cases it displayed (who saw them, when, with which command) is written again first, as a new
    /// event at the original time without the search term and without `id`, so their trail keeps it.
    /// Idempotent: restatements already written and events already erased are skipped. Returns the
    /// months whose event files changed.
    func eraseSearchTerms(showing id: CaseID, tombstone: AuditEvent) throws -> Set<String> {
        func personal(_ e: AuditEvent) -> Bool {
            guard let c = e.criterion, c.contains("søg=") else { return false }
            return !c.contains(FileStore.erasedSearchTerm)
        }
        let all = chainFiles(of: AuditChain.allChain) { bytes in
            // Only events with a criterion and a shown list are decoded.
            bytes.range(of: Data("\"criterion\"".utf8)) != nil && bytes.range(of: Data("\"shown\"".utf8)) != nil
        }
        let targets = all.filter { $0.event.erased != true && personal($0.event) && $0.event.concerns(id) }
        guard !targets.isEmpty else { return [] }
        // 1. What the other cases keep (a crash after this and before the erasure finds them written).
        let restated = Set(
            all.filter { $0.event.criterion?.contains(FileStore.erasedSearchTerm) == true }.map {
                FileStore.restatementKey($0.event)
            })
        for t in targets {
            guard let again = FileStore.restatement(of: t.event, without: id) else { continue }
            if restated.contains(FileStore.restatementKey(again)) { continue }
            try appendChained(again)
        }
        // 2. The cover in the `alle` chain, then the erasure.
        var marker = AuditEvent(
            time: tombstone.time, user: tombstone.user, action: .delete, caseID: nil,
            criterion: "søgeord i oversigter, der viste en slettet sag, er fjernet", command: tombstone.command)
        marker.account = tombstone.account
        let covered =
            all.filter { $0.event.action == .delete && $0.event.caseID == nil }.compactMap(\.event.erasedThrough)
            .max() ?? 0
        if targets.contains(where: { ($0.event.seq ?? 0) > covered }) {
            try appendChained(marker, erasingThroughHead: true)
        }
        var touched = Set<String>()
        for t in targets {
            try erasePayload(t.event, file: t.file)
            touched.insert(String(t.file.prefix(7)))
        }
        return touched
    }

    /// A search event told again without `id` and without its search term, or nil when it showed
    /// nothing else.
    static func restatement(of e: AuditEvent, without id: CaseID) -> AuditEvent? {
        let others = AuditEvent.expand(e.shown ?? []).filter { $0 != id.rawValue }.compactMap(CaseID.init)
        guard !others.isEmpty else { return nil }
        let c = e.criterion ?? ""
        let kept = c.range(of: "søg=").map { String(c[..<$0.lowerBound]) } ?? ""
        var again = AuditEvent(
            time: e.time, user: e.user, action: e.action, caseID: nil, criterion: kept + erasedSearchTerm,
            command: e.command, shown: others)
        again.account = e.account
        return again
    }

    /// What identifies a restatement (to write it once).
    static func restatementKey(_ e: AuditEvent) -> String {
        [
            UngeJSON.formatTimestamp(e.time), e.user, e.account ?? "", e.command, e.criterion ?? "",
            AuditChain.shownText(e.shown ?? []),
        ].joined(separator: "\u{1F}")
    }

    /// Removes an event's personal payload and salt (keeping its digests) in its file.
    func erasePayload(_ event: AuditEvent, file: String) throws {
        var e = event
        e.user = ""
        e.account = nil
        e.command = ""
        e.criterion = nil
        e.shown = nil
        e.salt = nil
        e.erased = true
        var bytes: [UInt8]
        do { bytes = [UInt8](try UngeJSON.encoder().encode(e)) } catch {
            throw StoreError.auditFailed(reason: "hændelsen kan ikke skrives som JSON")
        }
        bytes.append(10)
        try replaceFile(logPath + "/" + file, display: "log/" + file, bytes: bytes, sync: true)
    }

    /// The event files named for `id` (`<ÅÅÅÅ-MM>/<name>`), decoded; unreadable ones are skipped.
    func chainFiles(of id: CaseID) -> [(file: String, event: AuditEvent)] {
        chainFiles(of: id.rawValue) { _ in true }
    }

    /// The event files named for a chain's subject (a case id or `alle`) whose bytes pass `wanted`,
    /// decoded; unreadable ones are skipped.
    func chainFiles(of subject: String, wanted: (Data) -> Bool) -> [(file: String, event: AuditEvent)] {
        var out: [(file: String, event: AuditEvent)] = []
        let decoder = UngeJSON.decoder()
        let months = ((try? Posix.listDirectory(logPath)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        for month in months {
            for name in ((try? Posix.listDirectory(logPath + "/" + month)) ?? []).sorted()
            where name.hasSuffix(".json") && !name.hasPrefix(".") && name.dropFirst(17).hasPrefix(subject + "-") {
                guard let bytes = try? Posix.readFile(logPath + "/" + month + "/" + name, limit: 1 << 20) else {
                    continue
                }
                let data = Data(bytes)
                guard wanted(data), let e = try? decoder.decode(AuditEvent.self, from: data) else { continue }
                out.append((month + "/" + name, e))
            }
        }
        return out
    }

    /// The audit events about one case (or, with nil, all events), oldest first: the data
    /// subject's right of access (`unge log <id>`). Event files that cannot be read (e.g. cut short
    /// by a crash) come back as problems; they are never removed.
    ///
    /// For one case this reads the derived month indexes (`AuditIndex.swift`) and includes every
    /// listing or search that displayed the case.
    public func auditEvents(for id: CaseID?) throws -> (events: [AuditEvent], problems: [StoreProblem]) {
        if let id { return try indexedAuditEvents(for: id) }
        var found: [(name: String, event: AuditEvent)] = []
        var problems: [StoreProblem] = []
        var months: [String] = []
        try checkOwnFolder(logPath, name: "log", strict: false)
        switch Result(catching: { () throws(Posix.Failure) in try Posix.listDirectory(logPath) }) {
        case .success(let names): months = names.filter { !$0.hasPrefix(".") }.sorted()
        case .failure(let f):
            if f.code == ENOENT { return ([], []) }
            throw StoreError.io(operation: "læse", file: "log", code: f.code, visible: false)
        }
        let decoder = UngeJSON.decoder()
        for month in months {
            var st = stat()
            // Only real folders of the log: a symbolic link among them is never followed.
            guard lstat(logPath + "/" + month, &st) == 0, st.st_mode & S_IFMT == S_IFDIR,
                let names = try? Posix.listDirectory(logPath + "/" + month)
            else { continue }
            for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
                if let id, !name.contains("-" + id.rawValue + "-") { continue }
                let file = "log/" + month + "/" + name
                let path = logPath + "/" + month + "/" + name
                switch Result(catching: { () throws(Posix.Failure) in try Posix.readFile(path, limit: 1 << 20) }) {
                case .failure(let f):
                    problems.append(
                        StoreProblem(file: file, error: .corrupt(file: file, reason: Posix.errorText(f.code))))
                case .success(let bytes):
                    do {
                        let event = try decoder.decode(AuditEvent.self, from: Data(bytes))
                        if let id, event.caseID != id { continue }
                        found.append((name, event))
                    } catch {
                        problems.append(
                            StoreProblem(
                                file: file, error: .corrupt(file: file, reason: StoreText.decodingProblem(error))))
                    }
                }
            }
        }
        found.sort { a, b in
            if a.event.time != b.event.time { return a.event.time < b.event.time }
            let na = FileStore.writeNanoseconds(a.name)
            let nb = FileStore.writeNanoseconds(b.name)
            if na != nb { return na < nb }
            return a.name < b.name
        }
        return (found.map(\.event), problems)
    }

    /// The `<ns>` part of an event file name (0 if absent).
    static func writeNanoseconds(_ name: String) -> Int64 {
        let parts = name.split(separator: "-")
        guard parts.count >= 3 else { return 0 }
        return Int64(parts[parts.count - 2]) ?? 0
    }
}
