import Foundation
import UngeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileStore {
    /// Writes one audit event durably as its own file (a hidden temp file, fsynced, then linked in),
    /// `log/<ÅÅÅÅ-MM>/<ÅÅÅÅMMDDTttmmssZ>-<id|alle>-<pid>-<ns>-<tilfældig>.json` (0600, `O_EXCL`, fsync
    /// of the file and of its folder). `<ns>` is the wall clock in nanoseconds when written, which
    /// orders events within the same second. Append-safe for any number of writers: no shared file.
    ///
    /// Call it before showing personal data (reads, searches, exports, `--vis-cpr`); if it throws
    /// `StoreError.auditFailed`, show nothing. `save` and `create` call it themselves.
    public func appendAudit(_ event: AuditEvent) throws {
        var bytes: [UInt8]
        do { bytes = [UInt8](try UngeJSON.encoder().encode(event)) } catch {
            throw StoreError.auditFailed(reason: "hændelsen kan ikke skrives som JSON")
        }
        bytes.append(UInt8(ascii: "\n"))
        let stamp = UngeJSON.formatTimestamp(event.time)  // 2026-04-13T09:30:00Z
        let month = String(stamp.prefix(7))
        let compact = String(stamp.filter { $0 != "-" && $0 != ":" })
        let monthPath = logPath + "/" + month
        let subject = event.caseID?.rawValue ?? "alle"
        var stage = "log"
        do {
            if !rootExists { try createIfMissing() }
            try checkRoot()
            try ensureFolder(logPath, name: "log")
            stage = "log/" + month
            try ensureFolder(monthPath, name: stage)
        } catch let e as StoreError {
            switch e {
            case .foreignEntry(let file, let found):
                throw StoreError.auditFailed(reason: "'\(file)' er \(found), ikke en mappe, som unge selv har oprettet")
            case .sharedFolder, .noStore: throw e
            case .io(_, _, let code, _): throw StoreError.auditFailed(reason: "'\(stage)': \(Posix.errorText(code))")
            default: throw StoreError.auditFailed(reason: "'\(stage)': \(e.description)")
            }
        }
        do {
            // Written to a hidden temp file first and linked in under its final name only when
            // complete, so a crash never leaves a half-written event (readers skip dot files).
            let tmpName = "." + compact + "-" + String(pid) + "-" + Posix.randomHex() + ".tmp"
            stage = "log/" + month + "/" + tmpName
            let tmpPath = monthPath + "/" + tmpName
            try Posix.writeNewFile(tmpPath, bytes)
            defer { unlink(tmpPath) }
            var attempt = 0
            while true {
                let name =
                    compact + "-" + subject + "-" + String(pid) + "-" + String(Posix.nowNanoseconds()) + "-"
                    + Posix.randomHex() + ".json"
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
        } catch let f as Posix.Failure {
            throw StoreError.auditFailed(reason: "'\(stage)': \(Posix.errorText(f.code))")
        }
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
