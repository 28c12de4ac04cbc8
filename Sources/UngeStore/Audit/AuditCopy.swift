import Foundation
import UngeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A backend whose whole audit log can be read as `AuditLogCopy` (the team store; administrators).
public protocol AuditCopying {
    func auditLogCopy() throws -> AuditLogCopy
}

/// A store's whole audit log as its chains hold it, for `unge log --kopi --ud MAPPE`: written as a
/// folder in the file store's layout (`log/<ÅÅÅÅ-MM>/<tid>-<kæde>-…s<nr>.json`, the heads in
/// `log/.kaeder/<kæde>`), so that `unge log --kontroller --lager MAPPE` checks the copy without a
/// server, with the same rules, and finds the same breaks: an edited, deleted, swapped or inserted
/// event, and the end of a chain cut off.
public struct AuditLogCopy: Sendable {
    /// One event with where the backend holds it: its row number (the order it was written in), and
    /// the chain and number its row says (which the file name carries, so a swap is seen in the copy).
    public struct Row: Sendable {
        public var order: Int
        public var chain: String?
        public var seq: Int?
    }

    /// The events, oldest first, each with its place for messages.
    public var events: [AuditChain.Located] = []
    /// Where each event of `events` sits in the backend.
    public var rows: [Row] = []
    /// The recorded heads: chain -> (number, digest) of its last event.
    public var heads: [String: (seq: Int, digest: String)] = [:]
    /// Rows that could not be read (their text as stored), written into the copy as they are.
    public var unreadable: [(order: Int, text: String)] = []
    /// What is already known to be wrong with a row's place.
    public var breaks: [AuditChain.Break] = []

    public init() {}

    /// A chain name safe as a file name (a case number or `alle`), or nil.
    static func safeName(_ s: String) -> String? {
        guard !s.isEmpty, s.count <= 64, s != ".", s != "..",
            s.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" }),
            s.unicodeScalars.allSatisfy({ $0.isASCII })
        else { return nil }
        return s
    }

    /// Writes the copy into `folder` (created 0700 if missing; it must not hold a `log` folder yet).
    /// Returns the number of event files written.
    @discardableResult
    public func write(to folder: String, storeRoot: URL?) throws(OutputFiles.Problem) -> Int {
        _ = try OutputFiles.prepareFolder(folder, storeRoot: storeRoot)
        var root = folder
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        let log = root + "/log"
        var st = stat()
        if lstat(log, &st) == 0 {
            throw OutputFiles.Problem(
                reason:
                    "Mappen '\(root)' har allerede et revisionsspor (log). Vælg en ny, tom mappe til kopien.")
        }
        func folderMade(_ path: String) throws(OutputFiles.Problem) {
            if mkdir(path, 0o700) != 0 && errno != EEXIST {
                throw OutputFiles.Problem(reason: "Mappen '\(path)' kunne ikke oprettes (\(Posix.errorText(errno))).")
            }
        }
        try folderMade(log)
        try folderMade(log + "/.kaeder")
        let encoder = UngeJSON.encoder()
        var fileOf: [String: [Int: String]] = [:]
        var written = 0
        for (located, row) in zip(events, rows) {
            let e = located.event
            let stamp = UngeJSON.formatTimestamp(e.time)
            let month = String(stamp.prefix(7))
            let compact = String(stamp.filter { $0 != "-" && $0 != ":" })
            let chain = (row.chain ?? e.chain).flatMap(Self.safeName) ?? (e.caseID?.rawValue ?? AuditChain.allChain)
            let subject = Self.safeName(chain) ?? "ukendt"
            var name =
                compact + "-" + subject + "-0-" + String(format: "%012d", row.order) + "-"
                + String((e.digest ?? "0000000000000000").prefix(16).filter(\.isHexDigit))
            // The number the row says (a row whose event claims a place its row lacks: 0, a break).
            if let seq = row.seq {
                name += "s" + String(seq)
            } else if e.chain != nil {
                name += "s0"
            }
            name += ".json"
            var bytes: [UInt8]
            do { bytes = [UInt8](try encoder.encode(e)) } catch {
                throw OutputFiles.Problem(reason: "En hændelse kan ikke skrives som JSON.")
            }
            bytes.append(10)
            try folderMade(log + "/" + month)
            try OutputFiles.write(bytes, to: log + "/" + month + "/" + name, overwrite: false, storeRoot: storeRoot)
            if let seq = row.seq { fileOf[subject, default: [:]][seq] = month + "/" + name }
            written += 1
        }
        for (order, text) in unreadable {
            try folderMade(log + "/0000-00")
            try OutputFiles.write(
                Array(text.utf8) + [10], to: log + "/0000-00/00000000T000000Z-ukendt-0-\(order).json", overwrite: false,
                storeRoot: storeRoot)
            written += 1
        }
        for (chain, head) in heads.sorted(by: { $0.key < $1.key }) {
            guard let name = Self.safeName(chain) else { continue }
            let file = fileOf[name]?[head.seq] ?? "0000-00/\(name)-s\(head.seq).json"
            let bytes = FileStore.headBytes(
                latest: .init(seq: head.seq, digest: head.digest, file: file, linked: true), previous: nil)
            try OutputFiles.write(bytes, to: log + "/.kaeder/" + name, overwrite: false, storeRoot: storeRoot)
        }
        return written
    }
}

extension FileStore {
    /// The audit log of this folder as `AuditLogCopy` for `unge log --kopi`: the event files byte for byte
    /// (read here and written by `copyAuditLog`), so a copy of a file store is the log as it is.
    public func copyAuditLog(to folder: String, storeRoot: URL?) throws -> Int {
        _ = try OutputFiles.prepareFolder(folder, storeRoot: storeRoot)
        var root = folder
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        var st = stat()
        if lstat(root + "/log", &st) == 0 {
            throw OutputFiles.Problem(
                reason:
                    "Mappen '\(root)' har allerede et revisionsspor (log). Vælg en ny, tom mappe til kopien.")
        }
        guard lstat(logPath, &st) == 0 else { return 0 }
        var written = 0
        for sub in [""] + ((try? Posix.listDirectory(logPath)) ?? []).sorted() where sub != ".indeks" {
            let from = sub.isEmpty ? logPath : logPath + "/" + sub
            let to = sub.isEmpty ? root + "/log" : root + "/log/" + sub
            guard lstat(from, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else { continue }
            if mkdir(to, 0o700) != 0 && errno != EEXIST {
                throw OutputFiles.Problem(reason: "Mappen '\(to)' kunne ikke oprettes (\(Posix.errorText(errno))).")
            }
            if sub.isEmpty { continue }
            for name in ((try? Posix.listDirectory(from)) ?? []).sorted()
            where sub == ".kaeder" ? !name.hasPrefix(".") : (name.hasSuffix(".json") && !name.hasPrefix(".")) {
                guard lstat(from + "/" + name, &st) == 0, st.st_mode & S_IFMT == S_IFREG,
                    let bytes = try? Posix.readFile(from + "/" + name, limit: 1 << 26)
                else { continue }
                try OutputFiles.write(bytes, to: to + "/" + name, overwrite: false, storeRoot: storeRoot)
                if sub != ".kaeder" { written += 1 }
            }
        }
        return written
    }
}
