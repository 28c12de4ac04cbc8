import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import UngeCore
import UngeStore

/// Store access for commands: opening, audited reads and optimistic updates in one place, so every
/// command logs and saves the same way.
extension Context {
    /// The store location: `--lager`, else `$UNGE_LAGER`, else the XDG data folder.
    var storeLocation: URL { CaseStore.resolveLocation(flag: storeFlag, environment: environment) }

    /// Opens (and on first use creates) the store.
    ///
    /// Test hooks for the store-safety harnesses (`Harness/`), never for normal use:
    /// `UNGE_TEST_CRASH_AT=<step>` kills the process with SIGKILL just before that step of the save
    /// path (`open`, `write`, `fsync`, `close`, `audit`, `rename`, `dirfsync`; see `SaveStep`), and
    /// `UNGE_TEST_FAIL_AT=<step>` makes that step fail as an I/O error (EIO).
    func openStore() throws -> CaseStore {
        CaseStore(root: storeLocation, faultInjection: Context.testFaultInjection(environment))
    }

    /// The fault-injection hook from `UNGE_TEST_CRASH_AT` / `UNGE_TEST_FAIL_AT`, or nil.
    static func testFaultInjection(_ environment: [String: String]) -> (@Sendable (SaveStep) throws -> Void)? {
        let crashAt = environment["UNGE_TEST_CRASH_AT"].flatMap(SaveStep.init(rawValue:))
        let failAt = environment["UNGE_TEST_FAIL_AT"].flatMap(SaveStep.init(rawValue:))
        if crashAt == nil && failAt == nil { return nil }
        return { step in
            if step == crashAt { raise(SIGKILL) }
            if step == failAt {
                throw StoreError.io(operation: "gemme (testfejl ved \(step.rawValue))", file: "sager", code: EIO, visible: step == .dirfsync)
            }
        }
    }

    /// The store's "also closed on 5/6, 24/12, 31/12" setting, if a store exists; false otherwise.
    /// Never creates a store.
    func storeSettingAlsoClosed() -> Bool {
        guard FileManager.default.fileExists(atPath: storeLocation.path) else { return false }
        return (try? CaseStore(root: storeLocation).loadSettings().alsoClosed) ?? false
    }

    /// Loads a case for reading and writes the `read` audit event first (fail closed: if the event
    /// cannot be written, nothing is shown).
    func readCase(_ id: CaseID, store: CaseStore, action: AuditAction = .read, showCPR: Bool = false) throws -> CaseFile {
        let file = try store.load(id)
        try store.appendAudit(event(action, caseID: id, before: file.revision, after: file.revision))
        if showCPR, file.youngPerson.cpr != nil {
            try store.appendAudit(event(.revealCPR, caseID: id, before: file.revision, after: file.revision))
        }
        return file
    }

    /// Loads a case, lets `change` modify it, and saves it stating the revision it read. A case
    /// changed by someone else meanwhile is refused (exit 3), and nothing is written.
    @discardableResult
    func updateCase(_ id: CaseID, store: CaseStore, _ change: (inout CaseFile) throws -> Void) throws -> CaseFile {
        var file = try store.load(id)
        let read = file.revision
        if let closed = file.closedDate, commandName != "genaabn" {
            console.error(
                console.yellow("ADVARSEL") + ": Sag \(id.rawValue) er lukket (\(closed.danishLong)). Ændringen gemmes, men sagen forbliver lukket og har ingen åbne frister. Genåbn den med 'unge genaabn \(id.rawValue)'.")
        }
        try change(&file)
        return try store.save(file, expectedRevision: read, now: now, user: user, command: commandName)
    }

    /// An audit event stamped with this command's user, time and name.
    func event(_ action: AuditAction, caseID: CaseID?, before: Int? = nil, after: Int? = nil, criterion: String? = nil) -> AuditEvent {
        AuditEvent(
            time: now, user: user, action: action, caseID: caseID, revisionBefore: before, revisionAfter: after,
            criterion: criterion, command: commandName)
    }
}
