import Dispatch
import Foundation
import UngeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The derived per-month index of the audit log, so that `unge log <sag>` reads a few index files
/// instead of every event file (a team's two years are about a million).
///
/// `log/.indeks/<ÅÅÅÅ-MM>.tsv` (0600) holds one line per event file of `log/<ÅÅÅÅ-MM>/`:
/// the file name, the case it is about, the cases a listing displayed, and the event's fields, so a
/// query opens no event file. The event files stay the source of truth: an index is trusted only
/// while its month folder is unchanged (inode and modification time, recorded at least two seconds
/// after the folder last changed, so a change within the file system's clock tick is never missed);
/// otherwise the folder is listed again and only new files are read. A missing, damaged or foreign
/// index is rebuilt from the files; it is written as a temp file renamed into place, so a crash
/// leaves the old index or the new one, never half of one. Writers (`appendAudit`) never touch it.
extension FileStore {
    static let auditIndexHeader = Array("unge-logindeks\t2\t".utf8)
    /// A folder changed less than this before it was listed may change again unseen (clock tick).
    static let auditIndexRacyNanoseconds: Int64 = 2_000_000_000

    /// New event files in a month before its index is written again (until then they are read
    /// from their files at each query).
    static let auditIndexRewriteAfter = 64

    var auditIndexPath: String { logPath + "/.indeks" }

    /// The events about `id` (its own, and every listing that displayed it), oldest first, read
    /// through the month indexes; event files that cannot be read are returned as problems.
    ///
    /// A listing's `shown` comes back as just `[id]`: that it displayed this case is what the person
    /// is owed; which other cases it displayed is other people's data.
    ///
    /// The index is never trusted over the events: each line found is checked against its own
    /// hashes and against its event file's inode and change time (a file edited or replaced since
    /// it was indexed is read again); the case's own chain is checked link by link and against its
    /// head. What does not hold comes back as a problem (`auditBroken`), and the event file's
    /// content, not the index line, is what is returned.
    func indexedAuditEvents(for id: CaseID) throws -> (events: [AuditEvent], problems: [StoreProblem]) {
        var months: [String] = []
        try checkOwnFolder(logPath, name: "log")
        // The index folder is used only if it is unge's own (a real, private folder): a symbolic
        // link or a foreign file there is never read nor written through, the files answer instead.
        var st = stat()
        let indexUsable = lstat(auditIndexPath, &st) != 0 || (st.st_mode & S_IFMT == S_IFDIR && st.st_mode & 0o077 == 0)
        switch Result(catching: { () throws(Posix.Failure) in try Posix.listDirectory(logPath) }) {
        case .success(let names): months = names.filter { !$0.hasPrefix(".") }.sorted()
        case .failure(let f):
            if f.code == ENOENT { return ([], []) }
            throw StoreError.io(operation: "læse", file: "log", code: f.code, visible: false)
        }
        let target = AuditQuery(id)
        var found: [(name: String, event: AuditEvent)] = []
        var problems: [StoreProblem] = []
        let decoder = UngeJSON.decoder()
        for month in months {
            let result = monthIndex(month, useIndex: indexUsable)
            problems += result.problems
            let matches = AuditIndexFile.matches(result.bytes, query: target) { name in
                // A reference the index cannot resolve (it was damaged): ask the event file.
                guard let bytes = try? Posix.readFile(self.logPath + "/" + month + "/" + name, limit: 1 << 20),
                    let e = try? UngeJSON.decoder().decode(AuditEvent.self, from: Data(bytes))
                else { return false }
                return e.concerns(id)
            }
            var staleIndex = false
            for m in matches {
                let name = m.entry.name
                let file = "log/" + month + "/" + name
                let path = logPath + "/" + month + "/" + name
                var fs = stat()
                guard lstat(path, &fs) == 0 else {
                    problems.append(
                        StoreProblem(
                            file: file,
                            error: .auditBroken(file: file, reason: "indekset nævner en hændelse, der ikke findes")))
                    staleIndex = true
                    continue
                }
                let ctime = Int64(fs.st_ctim.tv_sec) * 1_000_000_000 + Int64(fs.st_ctim.tv_nsec)
                let lineProblem = AuditChain.problem(in: m.entry.event, shownDigest: m.shownDigest)
                if UInt64(fs.st_ino) == m.entry.ino && ctime == m.entry.ctime && lineProblem == nil {
                    found.append((name, m.entry.event))
                    continue
                }
                // The file changed since it was indexed, or the line does not match its hashes:
                // the event file answers.
                staleIndex = true
                if lineProblem != nil {
                    problems.append(
                        StoreProblem(
                            file: file,
                            error: .auditBroken(
                                file: "log/.indeks/" + month + ".tsv", reason: "indeksets linje for \(name) er ændret"))
                    )
                }
                guard let bytes = try? Posix.readFile(path, limit: 1 << 20),
                    var e = try? decoder.decode(AuditEvent.self, from: Data(bytes))
                else {
                    problems.append(
                        StoreProblem(file: file, error: .corrupt(file: file, reason: "hændelsen kan ikke læses")))
                    continue
                }
                if let p = AuditChain.problem(in: e) {
                    problems.append(StoreProblem(file: file, error: .auditBroken(file: file, reason: p)))
                }
                guard e.concerns(id) else { continue }
                if e.caseID != id { e.shown = [id.rawValue] }
                found.append((name, e))
            }
            // A line that did not hold: the month's index is rebuilt from the files next time.
            if staleIndex && indexUsable { unlink(auditIndexPath + "/" + month + ".tsv") }
        }
        problems += ownChainProblems(id, found.map(\.event))
        // Sorted as `auditEvents(for: nil)` sorts, with each key computed once.
        var keyed = found.map {
            (time: $0.event.time, ns: FileStore.writeNanoseconds($0.name), name: $0.name, event: $0.event)
        }
        keyed.sort { a, b in
            if a.time != b.time { return a.time < b.time }
            if a.ns != b.ns { return a.ns < b.ns }
            return a.name < b.name
        }
        return (keyed.map(\.event), problems)
    }

    /// The breaks in a case's own chain among `events` (every event of the chain): numbers from 1
    /// without a gap, each linked to the one before, the last one the recorded head.
    func ownChainProblems(_ id: CaseID, _ events: [AuditEvent]) -> [StoreProblem] {
        var own = events.filter { $0.chain == id.rawValue }
        let place = "log/.kaeder/" + id.rawValue
        let headBytes = try? Posix.readFile(chainsPath + "/" + id.rawValue, limit: 4096)
        let head = headBytes.flatMap { recordedHead(FileStore.parseHead($0)) }
        guard !own.isEmpty || head != nil else { return [] }
        own.sort { ($0.seq ?? 0) < ($1.seq ?? 0) }
        var problems: [StoreProblem] = []
        func broken(_ reason: String) {
            problems.append(StoreProblem(file: place, error: .auditBroken(file: place, reason: reason)))
        }
        var expected = 1
        var prev = AuditChain.zeroDigest
        for e in own {
            let seq = e.seq ?? 0
            if seq != expected {
                broken(
                    seq < expected
                        ? "to hændelser har nr. \(seq) i sagens kæde" : "hændelse nr. \(expected) i sagens kæde mangler"
                )
                return problems
            }
            if e.prev != prev {
                broken("hændelse nr. \(seq) peger ikke på hændelsen før den (ændret eller byttet om)")
                return problems
            }
            prev = e.digest ?? ""
            expected += 1
        }
        if let head {
            if head.seq != expected - 1 || head.digest != prev {
                broken(
                    head.seq > expected - 1
                        ? "kædens hoved siger nr. \(head.seq), men kæden slutter ved nr. \(expected - 1) (slettet?)"
                        : "kædens sidste hændelse passer ikke med kædens hoved")
            }
        } else if !own.isEmpty {
            broken("kædens hoved mangler")
        }
        return problems
    }

    /// The index bytes of one month, brought up to date with its folder first when needed.
    func monthIndex(_ month: String, useIndex: Bool = true) -> (bytes: [UInt8], problems: [StoreProblem]) {
        let folder = logPath + "/" + month
        let indexFile = auditIndexPath + "/" + month + ".tsv"
        var st = stat()
        guard lstat(folder, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else { return ([], []) }
        let ino = UInt64(st.st_ino)
        let mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        let old = useIndex ? (try? Posix.readFile(indexFile, limit: 1 << 30)) ?? [] : []
        var header = AuditIndexFile.header(old)
        // A cut index is damaged: rebuilt from the files.
        if let h = header, !AuditIndexFile.lineCountHolds(old, h) { header = nil }
        if let header, header.ino == ino, header.mtime == mtime,
            header.listed - mtime >= FileStore.auditIndexRacyNanoseconds
        {
            return (old, [])
        }
        // Out of date: list the folder, keep the lines of files already indexed, read the new ones.
        let listed = Posix.nowNanoseconds()
        let known = header == nil ? [:] : AuditIndexFile.linesByName(old)
        guard let names = try? Posix.listDirectory(folder) else { return (old, []) }
        var lines: [(name: String, line: ArraySlice<UInt8>?)] = []
        var fresh: [String] = []
        for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
            if let line = known[name] {
                lines.append((name, line))
            } else {
                lines.append((name, nil))
                fresh.append(name)
            }
        }
        let decoded = decodeEvents(fresh, in: folder)
        var problems: [StoreProblem] = []
        var byName: [String: [UInt8]] = [:]
        for (name, outcome) in zip(fresh, decoded) {
            switch outcome {
            case .success(let decoded):
                byName[name] = AuditIndexFile.line(
                    name: name, event: decoded.event, ino: decoded.ino, ctime: decoded.ctime)
            case .failure(let reason):
                let file = "log/" + month + "/" + name
                problems.append(StoreProblem(file: file, error: .corrupt(file: file, reason: reason.reason)))
            }
        }
        // A month in use gains a few events between two queries: answer with the old index plus
        // the new lines, and leave the rewrite (sorting, deduplicating, writing) for when it pays.
        let vanished = known.count - (lines.count - fresh.count)
        if header != nil, old.last == 10, vanished == 0, fresh.count < FileStore.auditIndexRewriteAfter {
            var out = old
            for name in fresh { if let l = byName[name] { out += l } }
            return (out, problems)
        }
        lines.sort { $0.name < $1.name }
        var out: [UInt8] = []
        // A shown list equal to an earlier line's is written as a reference to that line
        // (`=<file name>`): the deadline overview shows much the same cases all month.
        var firstWith: [AuditIndexFile.ShownKey: String] = [:]
        for (name, line) in lines {
            guard let l = line.map(Array.init) ?? byName[name] else { continue }
            out += AuditIndexFile.deduplicated(l, name: name, firstWith: &firstWith, old: known)
        }
        out = AuditIndexFile.makeHeader(ino: ino, mtime: mtime, listed: listed, body: out) + out
        // Never cache a month with unreadable files as complete: they are read (and named) again.
        if problems.isEmpty && useIndex {
            do {
                try ensureFolder(auditIndexPath, name: "log/.indeks")
                try replaceFile(indexFile, display: "log/.indeks/" + month + ".tsv", bytes: out, sync: false)
            } catch {}  // only a cache: the next query rebuilds it
        }
        return (out, problems)
    }

    /// An event file read: the event, and the file's inode and change time (ns) when read.
    struct DecodedEvent {
        var event: AuditEvent
        var ino: UInt64
        var ctime: Int64
    }

    /// Reads and decodes event files on all cores; a failure is its Danish reason.
    func decodeEvents(_ names: [String], in folder: String) -> [Result<DecodedEvent, AuditIndexFile.Unreadable>] {
        var results = [Result<DecodedEvent, AuditIndexFile.Unreadable>?](repeating: nil, count: names.count)
        let chunks = names.count >= 256 ? max(1, min(4, ProcessInfo.processInfo.activeProcessorCount)) : 1
        results.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let decoder = UngeJSON.decoder()
                for i in names.count * chunk / chunks..<names.count * (chunk + 1) / chunks {
                    let path = folder + "/" + names[i]
                    var st = stat()
                    // Stat first: a change after it makes the index line older than the file, never newer.
                    guard lstat(path, &st) == 0 else {
                        out[i] = .failure(AuditIndexFile.Unreadable(Posix.errorText(errno)))
                        continue
                    }
                    switch Result(catching: { () throws(Posix.Failure) in try Posix.readFile(path, limit: 1 << 20) }) {
                    case .failure(let f): out[i] = .failure(AuditIndexFile.Unreadable(Posix.errorText(f.code)))
                    case .success(let bytes):
                        do {
                            let e = try decoder.decode(AuditEvent.self, from: Data(bytes))
                            out[i] = .success(
                                DecodedEvent(
                                    event: e, ino: UInt64(st.st_ino),
                                    ctime: Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec)))
                        } catch {
                            out[i] = .failure(AuditIndexFile.Unreadable(StoreText.decodingProblem(error)))
                        }
                    }
                }
            }
        }
        return results.map { $0! }
    }
}

/// What a query looks for: the id's bytes, and its number when it ends in `-<digits>`.
struct AuditQuery {
    var text: String
    var bytes: [UInt8]
    var prefix: [UInt8]
    var number: Int
    var width: Int

    init(_ id: CaseID) {
        text = id.rawValue
        bytes = Array(id.rawValue.utf8)
        if let n = AuditEvent.Numbered(id.rawValue) {
            prefix = Array(n.prefix.utf8)
            number = n.number
            width = n.width
        } else {
            prefix = []
            number = -1
            width = 0
        }
    }
}

/// The month index file format, version 1:
///
///     unge-logindeks<TAB>1<TAB><inode><TAB><mtime ns><TAB><listed ns>\n
///     <file name><TAB><case id><TAB><shown, ','-joined><TAB><schema><TAB><time s><TAB><action>
///         <TAB><rev before><TAB><rev after><TAB><user><TAB><account><TAB><command><TAB><criterion>\n
///
/// Empty fields are absent values; text fields escape tab, newline, carriage return and backslash.
enum AuditIndexFile {
    struct Unreadable: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    static let fieldCount = 22

    /// The header for `body` (the lines): the folder's inode and modification time when listed,
    /// when it was listed, and the body's line count and SHA-256, so a cut or edited index is seen.
    static func makeHeader(ino: UInt64, mtime: Int64, listed: Int64, body: [UInt8]) -> [UInt8] {
        var lines = 0
        for c in body where c == 10 { lines += 1 }
        return FileStore.auditIndexHeader
            + Array("\(ino)\t\(mtime)\t\(listed)\t\(lines)\t\(SHA256.hex(body))\n".utf8)
    }

    struct Header {
        var ino: UInt64
        var mtime: Int64
        var listed: Int64
        var lines: Int
        var digest: String
        /// Where the body starts.
        var bodyStart: Int
    }

    static func header(_ bytes: [UInt8]) -> Header? {
        let h = FileStore.auditIndexHeader
        guard bytes.count > h.count, bytes[0..<h.count].elementsEqual(h), let nl = bytes.firstIndex(of: 10) else {
            return nil
        }
        let parts = bytes[h.count..<nl].split(separator: 9, omittingEmptySubsequences: false)
        guard parts.count == 5, let ino = UInt64(String(decoding: parts[0], as: UTF8.self)),
            let mtime = Int64(String(decoding: parts[1], as: UTF8.self)),
            let listed = Int64(String(decoding: parts[2], as: UTF8.self)),
            let lines = Int(String(decoding: parts[3], as: UTF8.self)), parts[4].count == 64
        else { return nil }
        return Header(
            ino: ino, mtime: mtime, listed: listed, lines: lines, digest: String(decoding: parts[4], as: UTF8.self),
            bodyStart: nl + 1)
    }

    /// Whether the body has as many lines as the header says (a cheap test for a cut index).
    static func lineCountHolds(_ bytes: [UInt8], _ header: Header) -> Bool {
        var count = 0
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return }
            var i = header.bodyStart
            while i < b.count, let p = memchr(base + i, 10, b.count - i) {
                count += 1
                i = base.distance(to: p.assumingMemoryBound(to: UInt8.self)) + 1
            }
        }
        return count == header.lines && bytes.last == 10
    }

    /// Each well-formed line (with its newline) by file name.
    static func linesByName(_ bytes: [UInt8]) -> [String: ArraySlice<UInt8>] {
        guard let first = bytes.firstIndex(of: 10) else { return [:] }
        var out: [String: ArraySlice<UInt8>] = [:]
        var start = first + 1
        while start < bytes.count {
            guard let nl = bytes[start...].firstIndex(of: 10) else { break }
            let line = bytes[start...nl]
            if let tab = line.firstIndex(of: 9), line.filter({ $0 == 9 }).count == fieldCount - 1 {
                out[String(decoding: bytes[start..<tab], as: UTF8.self)] = line
            }
            start = nl + 1
        }
        return out
    }

    static func line(name: String, event e: AuditEvent, ino: UInt64, ctime: Int64) -> [UInt8] {
        var out: [UInt8] = []
        func text(_ s: String?) { if let s { IndexText.append(s, to: &out) } }
        text(name)
        out.append(9)
        text(e.caseID?.rawValue)
        out.append(9)
        text(e.shown?.joined(separator: ","))
        out.append(9)
        out += String(e.schemaVersion).utf8
        out.append(9)
        out += String(e.time.timeIntervalSince1970).utf8
        out.append(9)
        out += e.action.rawValue.utf8
        out.append(9)
        if let r = e.revisionBefore { out += String(r).utf8 }
        out.append(9)
        if let r = e.revisionAfter { out += String(r).utf8 }
        out.append(9)
        text(e.user)
        out.append(9)
        text(e.account)
        out.append(9)
        text(e.command)
        out.append(9)
        text(e.criterion)
        out.append(9)
        text(e.chain)
        out.append(9)
        if let n = e.seq { out += String(n).utf8 }
        out.append(9)
        text(e.prev)
        out.append(9)
        text(e.payloadHash)
        out.append(9)
        text(e.salt)
        out.append(9)
        text(e.digest)
        out.append(9)
        if e.erased == true { out.append(UInt8(ascii: "1")) }
        out.append(9)
        if let n = e.erasedThrough { out += String(n).utf8 }
        out.append(9)
        out += String(ino).utf8
        out.append(9)
        out += String(ctime).utf8
        out.append(10)
        return out
    }

    /// `line` (with its newline) with its shown list replaced by `=<name>` of the first line that
    /// had the same list, and registered as that first line otherwise. A reference in `line` (an
    /// old index's) is first resolved through `old`.
    static func deduplicated(
        _ line: [UInt8], name: String, firstWith: inout [ShownKey: String], old: [String: ArraySlice<UInt8>]
    ) -> [UInt8] {
        var tabs: [Int] = []
        for (i, c) in line.enumerated() where c == 9 {
            tabs.append(i)
            if tabs.count == 3 { break }
        }
        guard tabs.count == 3, tabs[2] > tabs[1] + 1 else { return line }
        var shown = line[(tabs[1] + 1)..<tabs[2]]
        if shown.first == UInt8(ascii: "=") {
            let ref = String(decoding: shown.dropFirst(), as: UTF8.self)
            guard let target = old[ref], let resolved = shownField(target), resolved.first != UInt8(ascii: "=") else {
                return line
            }
            shown = resolved
        }
        let key = ShownKey(shown)
        if let first = firstWith[key] {
            return Array(line[...tabs[1]]) + [UInt8(ascii: "=")] + Array(first.utf8) + Array(line[tabs[2]...])
        }
        firstWith[key] = name
        return Array(line[...tabs[1]]) + Array(shown) + Array(line[tabs[2]...])
    }

    /// A shown list as a dictionary key, hashed once with FNV-1a (the lists can be tens of KB).
    struct ShownKey: Hashable {
        let bytes: ArraySlice<UInt8>
        let hash: UInt64

        init(_ bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for c in bytes { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
            hash = h
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
        static func == (a: ShownKey, b: ShownKey) -> Bool { a.hash == b.hash && a.bytes.elementsEqual(b.bytes) }
    }

    /// The third field (shown) of a line.
    static func shownField(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var tabs: [Int] = []
        for i in line.indices where line[i] == 9 {
            tabs.append(i)
            if tabs.count == 3 { break }
        }
        guard tabs.count == 3 else { return nil }
        return line[(tabs[1] + 1)..<tabs[2]]
    }

    /// A line that matched a query: the event (its `shown` is `[query]` for a listing), and the
    /// digest of the listing's real shown list (for checking the line against its hashes).
    struct Match {
        var entry: Entry
        var shownDigest: String?
    }

    /// The events in an index whose case is the query's, or whose shown list holds it. A shown
    /// list written as `=<name>` takes the answer found for that earlier line; `unresolved` answers
    /// for a reference the index does not hold.
    static func matches(
        _ bytes: [UInt8], query q: AuditQuery, unresolved: (String) -> Bool
    ) -> [Match] {
        var out: [Match] = []
        var answered: [String: Bool] = [:]
        // Where each line's own shown list is, and its digest once computed.
        var shownAt: [String: Range<Int>] = [:]
        var digestOf: [String: String] = [:]
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress, let first = b.firstIndex(of: 10) else { return }
            func digest(_ name: String) -> String? {
                if let d = digestOf[name] { return d }
                guard let r = shownAt[name] else { return nil }
                let text = IndexText.string(UnsafeBufferPointer(rebasing: b[r]))
                let d = AuditChain.shownDigest(text)
                digestOf[name] = d
                return d
            }
            var start = first + 1
            let end = b.count
            while start < end {
                guard let p = memchr(base + start, 10, end - start) else { break }
                let nl = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                defer { start = nl + 1 }
                // Fields 1 (case) and 2 (shown) decide; the rest is parsed only for a match.
                guard let t0 = next(b, 9, start, nl), let t1 = next(b, 9, t0 + 1, nl), let t2 = next(b, 9, t1 + 1, nl)
                else { continue }
                let isCase =
                    t1 - (t0 + 1) == q.bytes.count
                    && q.bytes.withUnsafeBufferPointer { memcmp(base + t0 + 1, $0.baseAddress!, q.bytes.count) == 0 }
                var listed = false
                var shownName: String?
                if t2 > t1 + 1 {
                    if b[t1 + 1] == UInt8(ascii: "=") {
                        let ref = String(decoding: UnsafeBufferPointer(rebasing: b[(t1 + 2)..<t2]), as: UTF8.self)
                        shownName = ref
                        if let known = answered[ref] {
                            listed = known
                        } else {
                            listed = unresolved(
                                String(decoding: UnsafeBufferPointer(rebasing: b[start..<t0]), as: UTF8.self))
                        }
                    } else {
                        listed = shows(b, t1 + 1, t2, q)
                        let name = String(decoding: UnsafeBufferPointer(rebasing: b[start..<t0]), as: UTF8.self)
                        answered[name] = listed
                        shownAt[name] = (t1 + 1)..<t2
                        shownName = name
                    }
                }
                guard isCase || listed else { continue }
                guard let e = event(b, start, nl, shown: listed ? [q.text] : nil) else { continue }
                out.append(Match(entry: e, shownDigest: shownName.flatMap(digest)))
            }
        }
        return out
    }

    private static func next(_ b: UnsafeBufferPointer<UInt8>, _ c: UInt8, _ from: Int, _ to: Int) -> Int? {
        var i = from
        while i < to {
            if b[i] == c { return i }
            i += 1
        }
        return nil
    }

    /// Whether the ','-joined shown list in `b[from..<to]` holds the query (an id or a run `a..b`).
    static func shows(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ q: AuditQuery) -> Bool {
        var s = from
        while s < to {
            var e = s
            var dots = -1
            while e < to, b[e] != UInt8(ascii: ",") {
                if dots < 0, b[e] == UInt8(ascii: "."), e + 1 < to, b[e + 1] == UInt8(ascii: ".") { dots = e }
                e += 1
            }
            if dots < 0 {
                if e - s == q.bytes.count,
                    q.bytes.withUnsafeBufferPointer({ memcmp(b.baseAddress! + s, $0.baseAddress!, q.bytes.count) == 0 })
                {
                    return true
                }
            } else if q.number >= 0, let lo = number(b, s, dots, q), let hi = number(b, dots + 2, e, q), lo <= q.number,
                q.number <= hi
            {
                return true
            }
            s = e + 1
        }
        return false
    }

    /// The number of an id in `b[from..<to]` with the query's prefix and width, else nil.
    private static func number(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ q: AuditQuery) -> Int? {
        guard to - from == q.prefix.count + q.width else { return nil }
        for (k, c) in q.prefix.enumerated() where b[from + k] != c { return nil }
        var v = 0
        for i in (from + q.prefix.count)..<to {
            let c = b[i]
            guard c >= 48, c <= 57 else { return nil }
            v = v * 10 + Int(c - 48)
        }
        return v
    }

    /// One line of the index, parsed.
    struct Entry {
        var name: String
        var event: AuditEvent
        var ino: UInt64
        var ctime: Int64
    }

    /// The event on the line `b[from..<nl]` with the given `shown`, or nil for a malformed line.
    static func event(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ nl: Int, shown: [String]?) -> Entry? {
        var fields: [Range<Int>] = []
        fields.reserveCapacity(fieldCount)
        var s = from
        for i in from..<nl where b[i] == 9 {
            fields.append(s..<i)
            s = i + 1
        }
        fields.append(s..<nl)
        guard fields.count == fieldCount else { return nil }
        func raw(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }
        func text(_ r: Range<Int>) -> String? {
            r.isEmpty ? nil : IndexText.string(UnsafeBufferPointer(rebasing: b[r]))
        }
        func int(_ r: Range<Int>) -> Int?? {
            if r.isEmpty { return .some(nil) }
            guard let v = Int(raw(r)) else { return nil }
            return .some(v)
        }
        guard let name = text(fields[0]), let schema = Int(raw(fields[3])), let seconds = Double(raw(fields[4])),
            let action = AuditAction(rawValue: raw(fields[5])), let before = int(fields[6]), let after = int(fields[7]),
            let seq = int(fields[13]), let through = int(fields[19]), let ino = UInt64(raw(fields[20])),
            let ctime = Int64(raw(fields[21]))
        else { return nil }
        let caseID: CaseID?
        if fields[1].isEmpty {
            caseID = nil
        } else {
            guard let id = CaseID(raw(fields[1])) else { return nil }
            caseID = id
        }
        var event = AuditEvent(
            indexed: schema, time: Date(timeIntervalSince1970: seconds), user: text(fields[8]) ?? "",
            account: text(fields[9]),
            action: action, caseID: caseID, revisionBefore: before, revisionAfter: after, criterion: text(fields[11]),
            command: text(fields[10]) ?? "", shown: shown)
        event.chain = text(fields[12])
        event.seq = seq
        event.prev = text(fields[14])
        event.payloadHash = text(fields[15])
        event.salt = text(fields[16])
        event.digest = text(fields[17])
        event.erased = fields[18].isEmpty ? nil : true
        event.erasedThrough = through
        return Entry(name: name, event: event, ino: ino, ctime: ctime)
    }
}
