import Foundation
import UngeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Deleting a case from the file store (`unge slet --udloebne`), atomically: after a crash at any
/// point the case is either fully present or fully gone.
///
/// 1. Under the case's save lock, with the revision that was archived still on disk, the tombstone
///    (case number, dates, who, why; no personal data) is written to `sletning/<id>.json`. A crash
///    here leaves the case present; the stale note is removed by the next open.
/// 2. The commit: `sager/<id>.json` is renamed to `sletning/<id>.sag` (one atomic step) and both
///    folders are fsynced. From here the case is gone for every reader.
/// 3. The rest, each step idempotent and redone by `finishInterruptedDeletions` (run whenever the
///    store is opened) after a crash: the case's drafts, its rows in `indeks.tsv` and `statistik.tsv`,
///    the audit log's personal data (`eraseAuditPersonalData`, which also writes the tombstone), a
///    line in `slettede.tsv` (so the number is never given to a new case), and last the moved case
///    file and the note.
extension FileStore {
    var deletionPath: String { rootPath + "/sletning" }
    var deletedRegisterPath: String { rootPath + "/slettede.tsv" }

    /// Deletes case `id`, which must still be at `expectedRevision` (the revision archived).
    /// `tombstone` is the audit event that records the deletion (action `.delete`).
    public func deleteCase(_ id: CaseID, expectedRevision: Int, tombstone: AuditEvent) throws {
        try prepare()
        try ensureFolder(deletionPath, name: "sletning")
        let lock = try acquireLock(id, user: tombstone.user, command: tombstone.command, now: tombstone.time)
        defer { lock.release() }
        let actual = try currentRevision(id)
        guard actual == expectedRevision else {
            throw StoreError.conflict(id, expected: expectedRevision, actual: actual)
        }
        let note = deletionPath + "/" + id.rawValue + ".json"
        let moved = deletionPath + "/" + id.rawValue + ".sag"
        unlink(note)  // a note left by an attempt that never committed
        var bytes: [UInt8]
        do { bytes = [UInt8](try UngeJSON.encoder().encode(tombstone)) } catch {
            throw StoreError.corrupt(file: "sletning", reason: "sletningen kan ikke skrives som JSON")
        }
        bytes.append(UInt8(ascii: "\n"))
        do {
            try Posix.writeNewFile(note, bytes, before: faultInjection)
            try Posix.syncDirectory(deletionPath)
        } catch let f as Posix.Failure {
            throw StoreError.io(operation: "skrive sletningen", file: "sletning", code: f.code, visible: false)
        }
        try step(.deleteCommit)
        if rename(casePath(id), moved) != 0 {
            let e = errno
            unlink(note)
            throw StoreError.io(operation: "slette", file: FileStore.fileName(of: id), code: e, visible: false)
        }
        do {
            try Posix.syncDirectory(casesPath)
            try Posix.syncDirectory(deletionPath)
        } catch let f {
            throw StoreError.io(
                operation: "skrive sletningen sikkert til disken (fsync) for", file: FileStore.fileName(of: id),
                code: f.code, visible: true)
        }
        try finishDeletion(id, tombstone: tombstone)
    }

    /// Completes every deletion a crash interrupted, and drops notes of deletions that never
    /// committed (their case is still in `sager/`). Cheap when there is nothing to do (one `lstat`).
    public func finishInterruptedDeletions() throws {
        var st = stat()
        guard lstat(deletionPath, &st) == 0, st.st_mode & S_IFMT == S_IFDIR,
            let names = try? Posix.listDirectory(deletionPath)
        else { return }
        let decoder = UngeJSON.decoder()
        for name in names.sorted() where name.hasSuffix(".json") {
            guard let id = CaseID(String(name.dropLast(5))) else { continue }
            let note = deletionPath + "/" + name
            let movedExists = access(deletionPath + "/" + id.rawValue + ".sag", F_OK) == 0
            if !movedExists && exists(id) {
                unlink(note)  // never committed: the case is fully present
                continue
            }
            guard let bytes = try? Posix.readFile(note, limit: 1 << 20),
                let tombstone = try? decoder.decode(AuditEvent.self, from: Data(bytes))
            else { continue }
            try finishDeletion(id, tombstone: tombstone)
        }
    }

    /// Step 3 of a deletion (idempotent).
    func finishDeletion(_ id: CaseID, tombstone: AuditEvent) throws {
        try step(.deleteFinish)
        // Drafts of the case.
        if let names = try? Posix.listDirectory(draftsPath) {
            for name in names where name.hasSuffix("-" + id.rawValue + ".json") { unlink(draftsPath + "/" + name) }
            try? Posix.syncDirectory(draftsPath)
        }
        // Work folders a killed `rediger` left behind may hold a copy of the case.
        removeAbandonedWorkFolders()
        // The derived indexes drop the rows of a case file that is gone.
        _ = try listSummaries()
        _ = try statisticsFacts()
        // The audit log: the tombstone, and the case's personal data dropped from its events.
        try eraseAuditPersonalData(of: id, tombstone: tombstone)
        try recordDeleted(id, tombstone: tombstone)
        unlink(deletionPath + "/" + id.rawValue + ".sag")
        unlink(deletionPath + "/" + id.rawValue + ".json")
        try? Posix.syncDirectory(deletionPath)
    }

    /// The case numbers deleted from this store (`slettede.tsv`: number, day deleted), so that a
    /// number is never given to a new case.
    public func deletedCaseIDs() -> [CaseID] {
        guard let bytes = try? Posix.readFile(deletedRegisterPath, limit: 64 << 20) else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { line in
            line.split(separator: "\t").first.flatMap { CaseID(String($0)) }
        }
    }

    /// Adds `id` to `slettede.tsv` unless it is there.
    func recordDeleted(_ id: CaseID, tombstone: AuditEvent) throws {
        if deletedCaseIDs().contains(id) { return }
        var bytes = (try? Posix.readFile(deletedRegisterPath, limit: 64 << 20)) ?? []
        bytes += Array((id.rawValue + "\t" + UngeJSON.formatTimestamp(tombstone.time) + "\n").utf8)
        try replaceFile(deletedRegisterPath, display: "slettede.tsv", bytes: bytes, sync: true)
    }
}
