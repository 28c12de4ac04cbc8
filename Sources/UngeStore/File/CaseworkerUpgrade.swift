import Foundation
import UngeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileStore {
    /// The command name of the upgrade's saves and audit events.
    public static let upgradeCommand = "opgrader"

    /// Whether `indeks.tsv` is this version's summary index (its first line only is read).
    func hasCurrentIndex() -> Bool {
        let fd = open(indexPath, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: FileStore.indexHeader.count)
        let n = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        return n == head.count && head == FileStore.indexHeader
    }

    /// Gives every case of a store written before cases kept their caseworker's user id one, once:
    /// a full name is replaced by its user id through the settings, and a case without a caseworker
    /// gets the user of its first audit event. Runs when the store has no summary index of this
    /// version (a store of an earlier version, whose index is rebuilt anyway); each case changed is
    /// saved with its own audit event (command `opgrader`). A case whose value cannot be mapped
    /// keeps it. Returns the cases changed; never throws: what fails is tried again next time.
    @discardableResult
    public func upgradeCaseworkersIfNeeded(now: Date, user: String) -> [CaseID] {
        guard rootExists, !hasCurrentIndex() else { return [] }
        guard let listing = try? listSummaries(), let settings = try? loadSettings() else { return [] }
        var changed: [CaseID] = []
        for s in listing.summaries {
            let current = s.caseworker.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            let wanted: String?
            if let current {
                wanted = settings.userID(forCaseworker: current)
            } else {
                wanted = FileStore.firstUser(of: s.id, in: self).flatMap { settings.userID(forCaseworker: $0) }
            }
            guard let wanted, wanted != current else { continue }
            let saved = try? update(
                s.id, now: now, user: user, command: FileStore.upgradeCommand, action: .update, retryOnConflict: true
            ) { file in
                let stored = file.caseworker.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
                guard stored == current else { throw Unchanged() }
                file.caseworker = wanted
            }
            if saved != nil { changed.append(s.id) }
        }
        if !changed.isEmpty { _ = try? listSummaries() }
        return changed
    }

    private struct Unchanged: Error {}

    /// The user of a case's first audit event: its creation (or, in a log without one, its first
    /// change), never a read.
    public static func firstUser(of id: CaseID, in store: any Store) -> String? {
        guard let events = try? store.auditEvents(for: id).events.filter({ $0.caseID == id }) else { return nil }
        return (events.first { $0.action == .create } ?? events.first { $0.action == .update })?.user
    }
}
