import Dispatch
import Foundation
import UngeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a listing shows of a case, without decoding the whole file.
public struct CaseSummary: Sendable, Equatable {
    public var id: CaseID
    /// `YoungPerson.displayName`: the name, or `(anonym)` / `(uden navn)`.
    public var name: String
    public var birthDate: LocalDate?
    public var status: CaseStatus
    /// The earliest deadline not yet met, and what it is for.
    public var nextDeadline: LocalDate?
    public var nextDeadlineTitle: String?
    public var revision: Int
    public var anonymous: Bool
    /// The case's caseworker (`CaseFile.caseworker`: a user id), nil when the case has none.
    public var caseworker: String?
    /// The case's open deadlines and tasks and those met late (`CaseFile.reportedDeadlines`, whole `Deadline` records) as
    /// `DeadlineRecords` bytes, empty when there are none; decoded only by the views that need
    /// them (`openDeadlines(of:)`), so a plain listing pays nothing for them.
    var openDeadlinesData: [UInt8]
    /// The number of open checklist items on `checklistDate`, when a listing asked for it.
    public var openChecklistItems: Int?
    /// The day `openChecklistItems` was counted for (the count depends on the date: ages, plans).
    public var checklistDate: LocalDate?

    public init(
        id: CaseID, name: String, birthDate: LocalDate?, status: CaseStatus, nextDeadline: LocalDate?,
        nextDeadlineTitle: String?, revision: Int, anonymous: Bool
    ) {
        self.id = id
        self.name = name
        self.birthDate = birthDate
        self.status = status
        self.nextDeadline = nextDeadline
        self.nextDeadlineTitle = nextDeadlineTitle
        self.revision = revision
        self.anonymous = anonymous
        self.caseworker = nil
        self.openDeadlinesData = []
        self.openChecklistItems = nil
        self.checklistDate = nil
    }

    /// The summary of a decoded case; with `checklistOn`, also its open checklist items on that day.
    /// The texts it holds (the name, the deadlines' titles) are CPR-masked, so the index never holds
    /// a CPR number.
    public init(_ c: CaseFile, checklistOn: LocalDate? = nil) {
        let d = c.nextDeadline
        self.init(
            id: c.id, name: c.youngPerson.displayName, birthDate: c.youngPerson.birthDate, status: c.status,
            nextDeadline: d?.dueDate, nextDeadlineTitle: d.map { CPRMask.mask($0.title) }, revision: c.revision,
            anonymous: c.youngPerson.anonymous)
        caseworker = c.caseworker.map { CPRMask.mask($0) }
        openDeadlinesData = DeadlineRecords.encode(c.reportedDeadlines())
        if let checklistOn {
            openChecklistItems = UngeCore.openChecklistItems(case: c, today: checklistOn)
            checklistDate = checklistOn
        }
    }

    /// Whether the case has open deadlines or tasks (`frister` reads only these).
    public var hasOpenDeadlines: Bool { !openDeadlinesData.isEmpty }
}

/// The identity of a file's current content as far as `stat` can tell: inode, size, mtime (ns).
/// A save renames a new file in, so the inode changes even within the same clock tick.
struct FileKey: Equatable, Sendable {
    var inode: UInt64
    var size: Int64
    var mtime: Int64
}

/// What a listing needs from `fstatat` for one file.
struct FileStat: Sendable {
    var isRegular: Bool
    var key: FileKey
}

/// A case file found in `sager/`.
struct ScannedFile {
    var id: CaseID
    var key: FileKey
}

extension FileStore {
    /// Reads `sager/` with `opendir`/`readdir` and `fstatat`: the case files with their keys, and
    /// problems for files that cannot be cases. Leftover temp files (`.<id>.<pid>.<x>.tmp`) whose
    /// process is dead, or older than 10 minutes, are removed: they hold a full copy of a case.
    func scanCaseFolder() throws -> (files: [ScannedFile], problems: [StoreProblem]) {
        try checkOwnFolder(casesPath, name: "sager")
        removeAbandonedWorkFolders()
        guard let dir = opendir(casesPath) else {
            let e = errno
            if e == ENOENT { return ([], []) }
            throw StoreError.io(operation: "læse mappen", file: "sager", code: e, visible: false)
        }
        defer { closedir(dir) }
        let dfd = dirfd(dir)
        var files: [ScannedFile] = []
        var problems: [StoreProblem] = []
        var candidates: [(id: CaseID, name: String)] = []
        while let entry = readdir(dir) {
            let name: String? = withUnsafePointer(to: &entry.pointee.d_name) { raw in
                raw.withMemoryRebound(to: UInt8.self, capacity: 256) { p -> String? in
                    let n = strlen(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
                    if n == 0 { return nil }
                    if p[0] == UInt8(ascii: ".") {
                        // Hidden: `.`, `..` or a temp file.
                        if n > 5, p[n - 4] == UInt8(ascii: "."), p[n - 3] == UInt8(ascii: "t"),
                            p[n - 2] == UInt8(ascii: "m"), p[n - 1] == UInt8(ascii: "p")
                        {
                            return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
                        }
                        return nil
                    }
                    guard n > 5, p[n - 5] == UInt8(ascii: "."), p[n - 4] == UInt8(ascii: "j"),
                        p[n - 3] == UInt8(ascii: "s"), p[n - 2] == UInt8(ascii: "o"), p[n - 1] == UInt8(ascii: "n")
                    else { return nil }
                    return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
                }
            }
            guard let name else { continue }
            if name.hasPrefix(".") {
                removeTempIfAbandoned(name, dirfd: dfd)
                continue
            }
            let stem = String(name.utf8.dropLast(5))!
            guard let id = CaseID(stem) else {
                problems.append(
                    StoreProblem(
                        file: "sager/" + StoreText.quote(name),
                        error: .corrupt(
                            file: "sager/" + StoreText.quote(name), reason: "filnavnet er ikke et gyldigt sagsnummer")))
                continue
            }
            candidates.append((id, name))
        }
        // Stat the files on all cores: with thousands of cases the kernel's stat calls are most of
        // a listing's time, and they are independent of each other.
        let stats = FileStore.statAll(candidates.map(\.name), in: dfd)
        for (i, candidate) in candidates.enumerated() {
            guard let st = stats[i] else { continue }  // vanished meanwhile
            guard st.isRegular else {
                let file = "sager/" + candidate.name
                problems.append(
                    StoreProblem(file: file, error: .corrupt(file: file, reason: "det er ikke en almindelig fil")))
                continue
            }
            files.append(ScannedFile(id: candidate.id, key: st.key))
        }
        return (files, problems)
    }

    /// `fstatat` (not following links) of each name in the folder `dfd`, nil where it failed; split
    /// across threads when there are many.
    static func statAll(_ names: [String], in dfd: Int32) -> [FileStat?] {
        Parallel.map(names.count, chunks: names.count >= 512 ? min(16, names.count / 256) : 1) { i -> FileStat? in
            var st = stat()
            guard fstatat(dfd, names[i], &st, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
            return FileStat(
                isRegular: st.st_mode & S_IFMT == S_IFREG,
                key: FileKey(
                    inode: UInt64(st.st_ino), size: Int64(st.st_size),
                    mtime: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)))
        }
    }

    /// Removes `sager/<name>` if it is a temp file `.<id>.<pid>.<random>.tmp` whose writer is gone:
    /// a live writer holds a `flock` on its temp file until it has renamed it, so a free lock means
    /// the writer died (in any PID namespace). Only the tool's own names, regular files, are touched.
    private func removeTempIfAbandoned(_ name: String, dirfd dfd: Int32) {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        // "", id, pid, random, "tmp"  (settings/index temps live in the root, not here)
        guard parts.count == 5, CaseID(String(parts[1])) != nil, Int32(parts[2]) != nil, parts[3].count == 8,
            parts[3].allSatisfy(\.isHexDigit)
        else { return }
        let fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 { unlinkat(dfd, name, 0) }
    }

    /// Summaries of all cases, sorted by id, for `unge liste`; files that cannot be read are
    /// returned as problems (named, with a Danish reason) and the others still list.
    ///
    /// Fast: stats `sager/` and reads the derived index `indeks.tsv`; only new files and files whose
    /// (inode, size, mtime) changed are decoded. The index is rewritten (temp + rename, 0600) only
    /// when something changed, and is never the source of truth: a missing or damaged index is rebuilt.
    ///
    /// With `checklistOn`, every summary also carries its open checklist items on that day; a count
    /// kept in the index for another day (or none) is computed again from the case file.
    public func listSummaries(checklistOn: LocalDate? = nil) throws -> (
        summaries: [CaseSummary], problems: [StoreProblem]
    ) {
        var st = stat()
        if lstat(indexPath, &st) == 0, st.st_mode & S_IFMT != S_IFREG {
            throw StoreError.foreignEntry(file: "indeks.tsv", found: FileStore.kind(st))
        }
        // The index is read and parsed on another thread while this one reads the folder: the two
        // are independent, and each is a sizeable part of a listing of thousands of cases.
        nonisolated(unsafe) var indexed: [(key: FileKey, summary: CaseSummary)] = []
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) { indexed = self.readIndex() }
        let scanned = Result { try scanCaseFolder() }
        reading.wait()
        let scan = try scanned.get()
        var problems = scan.problems
        var onDisk: [String: FileKey] = [:]
        onDisk.reserveCapacity(scan.files.count)
        for file in scan.files { onDisk[file.id.rawValue] = file.key }
        var changed = false
        // Keys and summaries side by side: the summaries are returned as they are, never copied.
        var keys: [FileKey] = []
        var summaries: [CaseSummary] = []
        keys.reserveCapacity(scan.files.count)
        summaries.reserveCapacity(scan.files.count)
        var stale: [ScannedFile] = []
        // Walk the index in its (sorted) order, so the common case needs no sorting.
        for i in indexed.indices {
            let id = indexed[i].summary.id
            guard let key = onDisk.removeValue(forKey: id.rawValue) else {
                changed = true  // vanished
                continue
            }
            if key == indexed[i].key && (checklistOn == nil || indexed[i].summary.checklistDate == checklistOn) {
                keys.append(key)
                summaries.append(indexed[i].summary)
            } else {
                stale.append(ScannedFile(id: id, key: key))
            }
        }
        indexed = []
        if !onDisk.isEmpty {
            for file in scan.files where onDisk[file.id.rawValue] != nil { stale.append(file) }
        }
        // Decode the stale files on all cores: each is independent, and a new day's checklist count
        // or a rebuilt index means decoding every case.
        let loaded = loadSummaries(stale, checklistOn: checklistOn)
        for (file, outcome) in zip(stale, loaded) {
            switch outcome {
            case .success(let summary):
                keys.append(file.key)
                summaries.append(summary)
                changed = true
            case .failure(let e):
                if case .notFound = e { continue }
                problems.append(StoreProblem(file: FileStore.fileName(of: file.id), error: e))
            }
        }
        if !stale.isEmpty {
            let order = summaries.indices.sorted { summaries[$0].id.rawValue < summaries[$1].id.rawValue }
            keys = order.map { keys[$0] }
            summaries = order.map { summaries[$0] }
        }
        if changed { writeIndex(keys: keys, summaries: summaries) }
        problems.sort { $0.file < $1.file }
        return (summaries, problems)
    }

    /// Decodes each file into its summary, split across threads when there are many.
    private func loadSummaries(_ files: [ScannedFile], checklistOn: LocalDate?) -> [Result<CaseSummary, StoreError>] {
        Parallel.map(files.count, chunks: files.count >= 64 ? min(64, files.count / 32) : 1) {
            i -> Result<CaseSummary, StoreError> in
            do {
                return .success(CaseSummary(try load(files[i].id), checklistOn: checklistOn))
            } catch let e as StoreError {
                return .failure(e)
            } catch {
                return .failure(.corrupt(file: FileStore.fileName(of: files[i].id), reason: "\(error)"))
            }
        }
    }

    /// `load` of each case, in the order given, on all cores (the cases are independent): for the
    /// commands that read hundreds of whole cases, such as a register extract for a year.
    public func loadMany(_ ids: [CaseID]) -> [(id: CaseID, result: Result<CaseFile, any Error>)] {
        let results = Parallel.map(ids.count, chunks: ids.count >= 64 ? min(64, ids.count / 16) : 1) {
            i -> Result<CaseFile, any Error> in Result { try load(ids[i]) }
        }
        return zip(ids, results).map { ($0, $1) }
    }

    /// The open deadlines and tasks of each summary that has any, whole `Deadline` records as
    /// `CaseFile.openDeadlines` gave them when the index was built, in the order given. A summary
    /// whose stored records do not parse (a damaged index, a kind from a newer version) is read
    /// from its case file instead, and a file that cannot be read is returned as a problem.
    public func openDeadlines(of summaries: [CaseSummary]) -> (
        deadlines: [(summary: CaseSummary, deadlines: [Deadline])], problems: [StoreProblem]
    ) {
        var out: [(summary: CaseSummary, deadlines: [Deadline])] = []
        var problems: [StoreProblem] = []
        let withDeadlines = summaries.indices.filter { summaries[$0].hasOpenDeadlines }
        // The records of thousands of cases are parsed on all cores (each is independent).
        let chunks = withDeadlines.count >= 512 ? min(16, withDeadlines.count / 256) : 1
        let parsed = Parallel.map(withDeadlines.count, chunks: chunks) { k in
            DeadlineRecords.decode(summaries[withDeadlines[k]].openDeadlinesData)
        }
        for (k, i) in withDeadlines.enumerated() {
            let s = summaries[i]
            if let d = parsed[k] {
                out.append((s, d))
                continue
            }
            do {
                let open = try load(s.id).reportedDeadlines()
                if !open.isEmpty { out.append((s, open)) }
            } catch let e as StoreError {
                if case .notFound = e { continue }
                problems.append(StoreProblem(file: FileStore.fileName(of: s.id), error: e))
            } catch {
                problems.append(
                    StoreProblem(
                        file: FileStore.fileName(of: s.id),
                        error: .corrupt(file: FileStore.fileName(of: s.id), reason: "\(error)")))
            }
        }
        return (out, problems)
    }

    // MARK: The index file

    /// Version 2 added the open deadlines (`DeadlineRecords`) and the checklist count; version 3 the
    /// deadlines met late, each deadline's lapse reason and its derived moments and state; version 4
    /// the caseworker. An index of another version is ignored and rebuilt.
    static let indexHeader = Array("unge-indeks\t4\n".utf8)
    static let indexFields = 15
    static let statusBytes = CaseStatus.allCases.map { (status: $0, bytes: Array($0.rawValue.utf8)) }

    /// Reads `indeks.tsv` into a dictionary by id; an unreadable or foreign index reads as empty,
    /// a malformed line is skipped (its case is decoded again).
    func readIndex() -> [(key: FileKey, summary: CaseSummary)] {
        guard let bytes = try? Posix.readFile(indexPath, limit: 256 << 20),
            bytes.count >= FileStore.indexHeader.count,
            Array(bytes[0..<FileStore.indexHeader.count]) == FileStore.indexHeader
        else { return [] }
        var out: [(key: FileKey, summary: CaseSummary)] = []
        out.reserveCapacity(bytes.count / 80)
        bytes.withUnsafeBufferPointer { buf in
            var lineStart = FileStore.indexHeader.count
            let end = buf.count
            let n = FileStore.indexFields
            var fields = [Range<Int>](repeating: 0..<0, count: n)
            while lineStart < end {
                var i = lineStart
                var f = 0
                var fieldStart = i
                while i < end, buf[i] != 10 {
                    if buf[i] == 9 {
                        if f < n { fields[f] = fieldStart..<i }
                        f += 1
                        fieldStart = i + 1
                    }
                    i += 1
                }
                let complete = i < end
                if f < n { fields[f] = fieldStart..<i }
                f += 1
                let next = i + 1
                defer { lineStart = next }
                guard complete, f == n else { continue }
                if let e = FileStore.parseIndexLine(buf, fields) { out.append(e) }
            }
        }
        // Written sorted and unique; anything else means a damaged index: trust none of it.
        for i in out.indices.dropFirst() where !(out[i - 1].summary.id.rawValue < out[i].summary.id.rawValue) {
            return []
        }
        return out
    }

    private static func parseIndexLine(
        _ b: UnsafeBufferPointer<UInt8>, _ f: [Range<Int>]
    ) -> (key: FileKey, summary: CaseSummary)? {
        func int(_ r: Range<Int>) -> Int64? {
            guard !r.isEmpty, r.count <= 19 else { return nil }
            var v: Int64 = 0
            for i in r {
                let c = b[i]
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int64(c - 48)
            }
            return v
        }
        func text(_ r: Range<Int>) -> String { IndexText.string(UnsafeBufferPointer(rebasing: b[r])) }
        func status(_ r: Range<Int>) -> CaseStatus? {
            let field = UnsafeBufferPointer(rebasing: b[r])
            return FileStore.statusBytes.first { $0.bytes.elementsEqual(field) }?.status
        }
        func date(_ r: Range<Int>) -> LocalDate?? {
            if r.isEmpty { return .some(nil) }
            guard let day = IndexText.isoDate(b, r) else { return nil }
            return .some(day)
        }
        guard let id = CaseID(String(decoding: UnsafeBufferPointer(rebasing: b[f[0]]), as: UTF8.self)),
            let inode = int(f[1]), let size = int(f[2]), let mtime = int(f[3]), let revision = int(f[4]),
            let status = status(f[5]),
            f[6].count == 1, let birth = date(f[7]), let due = date(f[8])
        else { return nil }
        let anonymous = b[f[6].lowerBound] == UInt8(ascii: "1")
        let title = f[9].isEmpty ? nil : text(f[9])
        var summary = CaseSummary(
            id: id, name: text(f[10]), birthDate: birth, status: status, nextDeadline: due,
            nextDeadlineTitle: title, revision: Int(revision), anonymous: anonymous)
        if !f[11].isEmpty { summary.openDeadlinesData = Array(UnsafeBufferPointer(rebasing: b[f[11]])) }
        guard let checklistDate = date(f[12]) else { return nil }
        if let checklistDate {
            guard let count = int(f[13]) else { return nil }
            summary.checklistDate = checklistDate
            summary.openChecklistItems = Int(count)
        } else if !f[13].isEmpty {
            return nil
        }
        if !f[14].isEmpty { summary.caseworker = text(f[14]) }
        return (FileKey(inode: UInt64(inode), size: size, mtime: mtime), summary)
    }

    /// Rewrites `indeks.tsv` atomically (temp file 0600 + rename). Failure is ignored: the index is
    /// only a cache and the next listing rebuilds it.
    func writeIndex(keys: [FileKey], summaries: [CaseSummary]) {
        var out = FileStore.indexHeader
        out.reserveCapacity(summaries.count * 96)
        func field(_ s: String) { IndexText.append(s, to: &out) }
        for (key, s) in zip(keys, summaries) {
            out += s.id.rawValue.utf8
            out.append(9)
            out += String(key.inode).utf8
            out.append(9)
            out += String(key.size).utf8
            out.append(9)
            out += String(key.mtime).utf8
            out.append(9)
            out += String(s.revision).utf8
            out.append(9)
            out += s.status.rawValue.utf8
            out.append(9)
            out.append(s.anonymous ? UInt8(ascii: "1") : UInt8(ascii: "0"))
            out.append(9)
            if let d = s.birthDate { out += d.iso.utf8 }
            out.append(9)
            if let d = s.nextDeadline { out += d.iso.utf8 }
            out.append(9)
            if let t = s.nextDeadlineTitle { field(t) }
            out.append(9)
            field(s.name)
            out.append(9)
            out += s.openDeadlinesData  // escaped by `DeadlineRecords`: no tab, no newline
            out.append(9)
            if let d = s.checklistDate, let n = s.openChecklistItems {
                out += d.iso.utf8
                out.append(9)
                out += String(n).utf8
            } else {
                out.append(9)
            }
            out.append(9)
            if let w = s.caseworker { field(w) }
            out.append(10)
        }
        try? replaceFile(indexPath, display: "indeks.tsv", bytes: out, sync: false)
    }
}
