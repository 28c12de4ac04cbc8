import Foundation
import UngeCore
import UngeStore

#if canImport(Glibc)
    import Glibc
#endif

/// Store access for commands: opening, audited reads and optimistic updates in one place, so every
/// command logs and saves the same way.
extension Context {
    /// The store location: `--lager`, else `$UNGE_LAGER`, else the XDG data folder.
    var storeLocation: URL { CaseStore.resolveLocation(flag: storeFlag, environment: environment) }

    /// Opens the store and checks its layout (`CaseStore.checkLayout`): a missing store is an error
    /// (exit 3, "Der er intet lager i …"), except with `creating` (`ny`, `underret` without `--sag`),
    /// where the first saved case creates it; see `announceNewStore`.
    ///
    /// Test hooks for the store-safety harnesses (`Harness/`), never for normal use:
    /// `UNGE_TEST_CRASH_AT=<step>` kills the process with SIGKILL just before that step of the save
    /// path (`open`, `write`, `fsync`, `close`, `audit`, `rename`, `dirfsync`; see `SaveStep`),
    /// `UNGE_TEST_FAIL_AT=<step>` makes that step fail as an I/O error (EIO), and
    /// `UNGE_TEST_STOP_AT=<step>` stops the process there with SIGSTOP (a paused laptop; the lock
    /// harness continues it with SIGCONT).
    func openStore(creating: Bool = false) throws -> CaseStore {
        let store = CaseStore(root: storeLocation, faultInjection: Context.testFaultInjection(environment))
        if !creating || store.rootExists { try store.checkLayout() }
        return store
    }

    /// Tells the user that saving the first case created the store (on stderr, so `--json` output
    /// stays clean): a mistyped `--lager` must not go unnoticed.
    func announceNewStore(_ existedBefore: Bool) {
        if !existedBefore { console.error("Nyt lager oprettet i \(storeLocation.path).") }
    }

    /// The fault-injection hook from `UNGE_TEST_CRASH_AT` / `UNGE_TEST_FAIL_AT` / `UNGE_TEST_STOP_AT`, or nil.
    /// Only in test builds (`UNGE_TEST_HOOKS`); a release build always returns nil.
    static func testFaultInjection(_ environment: [String: String]) -> (@Sendable (SaveStep) throws -> Void)? {
        #if !UNGE_TEST_HOOKS
            return nil
        #else
            let crashAt = environment["UNGE_TEST_CRASH_AT"].flatMap(SaveStep.init(rawValue:))
            let failAt = environment["UNGE_TEST_FAIL_AT"].flatMap(SaveStep.init(rawValue:))
            let stopAt = environment["UNGE_TEST_STOP_AT"].flatMap(SaveStep.init(rawValue:))
            if crashAt == nil && failAt == nil && stopAt == nil { return nil }
            return { step in
                if step == crashAt { raise(SIGKILL) }
                if step == stopAt { raise(SIGSTOP) }
                if step == failAt {
                    throw StoreError.io(
                        operation: "gemme (testfejl ved \(step.rawValue))", file: "sager", code: EIO,
                        visible: step == .dirfsync)
                }
            }
        #endif
    }

    /// The store's "also closed on 5/6, 24/12, 31/12" setting, if a store exists; false when there
    /// is none (deadline commands work without a store). Never creates a store. A settings file that
    /// cannot be used stops the command (exit 3): deadlines are never computed with silent defaults.
    func storeSettingAlsoClosed() throws -> Bool {
        let store = CaseStore(root: storeLocation)
        guard store.rootExists else { return false }
        try store.checkLayout()
        return try store.loadSettings().alsoClosed
    }

    /// Loads a case for reading and writes the `read` audit event first (fail closed: if the event
    /// cannot be written, nothing is shown).
    func readCase(_ id: CaseID, store: CaseStore, action: AuditAction = .read, showCPR: Bool = false) throws -> CaseFile
    {
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
                console.yellow("ADVARSEL")
                    + ": Sag \(id.rawValue) er lukket (\(closed.danishLong)). Ændringen gemmes, men sagen forbliver lukket og har ingen åbne frister. Genåbn den med 'unge genaabn \(id.rawValue)'."
            )
        }
        try change(&file)
        return try store.save(file, expectedRevision: read, now: now, user: user, command: commandName)
    }

    /// The letterhead of a document on case `caseID`: municipality and unit from the store's
    /// settings, and the full name and title of `author` (a user name; else the acting user).
    func letterhead(store: CaseStore, caseID: CaseID?, author: String? = nil, date: LocalDate? = nil) throws
        -> Document.Letterhead
    {
        let settings = try store.loadSettings()
        let who = author ?? user
        let profile = settings.profile(of: who)
        return Document.Letterhead(
            municipality: settings.municipality, unit: settings.unit, author: profile?.fullName ?? who,
            authorTitle: profile?.title, caseID: caseID?.rawValue, date: date)
    }

    /// An audit event stamped with this command's user, time and name.
    /// `shown`: the cases a listing or search displayed.
    func event(
        _ action: AuditAction, caseID: CaseID?, before: Int? = nil, after: Int? = nil, criterion: String? = nil,
        shown: [CaseID]? = nil
    ) -> AuditEvent {
        AuditEvent(
            time: now, user: user, action: action, caseID: caseID, revisionBefore: before, revisionAfter: after,
            criterion: criterion, command: commandName, shown: shown)
    }
}
