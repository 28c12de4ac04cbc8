import Foundation
import UngeCore
import UngeStore

#if canImport(Glibc)
    import Glibc
#endif

/// Store access for commands: opening, audited reads and optimistic updates in one place, so every
/// command logs and saves the same way.
/// How a command uses the store: the flag in the command table (as git's `RUN_SETUP`), so the
/// store is opened once, by the framework, and commands only ask `ctx.store` for it.
enum StoreUse: Sendable, Equatable {
    /// No store (help, dates, ages).
    case none
    /// The store if there is one (the "also closed" setting, completion); a missing store is no error.
    case ifPresent
    /// An existing store: a missing one is an error (exit 3, "Der er intet lager i …").
    case existing
    /// A store that the first saved case may create (`ny`, `underret`, `demo`); see `announceNewStore`.
    case creating
}

/// Store access for commands: opening, audited reads and optimistic updates in one place, so every
/// command logs and saves the same way. No command names a concrete store type.
extension Context {
    /// The store location: `--lager`, else `$UNGE_LAGER`, else the XDG data folder (a folder, or a
    /// `postgresql:` URI). `--lager ''` was refused before the command ran (`Unge.run`).
    var storeLocation: StoreLocation {
        (try? StoreLocation.resolve(flag: storeFlag, environment: environment))
            ?? StoreLocation.parse(storeFlag ?? "")
    }

    /// The store folder, when the store is a folder (documents are never written into it).
    var storeFolder: URL? {
        if case .folder(let url) = storeLocation { return url }
        return nil
    }

    /// The store of this command, opened on first use as the command table says (`StoreUse`) and
    /// kept for the rest of the command. The layout of an existing store is checked; a missing store
    /// is an error (exit 3, "Der er intet lager i …") unless the command may create it or only uses
    /// it if present.
    ///
    /// Test hooks for the store-safety harnesses (`Harness/`), never for normal use:
    /// `UNGE_TEST_CRASH_AT=<step>` kills the process with SIGKILL just before that step of the save
    /// path (`open`, `write`, `fsync`, `close`, `audit`, `rename`, `dirfsync`; see `SaveStep`),
    /// `UNGE_TEST_FAIL_AT=<step>` makes that step fail as an I/O error (EIO), and
    /// `UNGE_TEST_STOP_AT=<step>` stops the process there with SIGSTOP (a paused laptop; the lock
    /// harness continues it with SIGCONT).
    var store: any Store {
        get throws {
            if let opened = openedStore { return opened }
            guard storeUse != .none else { throw CLIError.bug("kommandoen '\(commandName)' bruger ikke lageret") }
            let store = try Stores.open(
                storeLocation,
                options: Stores.Options(
                    faultInjection: Context.testFaultInjection(environment), environment: environment,
                    command: commandName))
            if storeUse == .existing || store.exists {
                try store.checkLayout()
                // A deletion a crash interrupted is completed before anything else reads the store.
                try store.finishInterruptedDeletions()
            }
            if let team = store as? any TeamStore {
                // The team store's user is the session's database role, taken inside the database.
                if let flag = userFlag?.trimmingCharacters(in: .whitespaces), !flag.isEmpty, flag != team.role {
                    throw UsageError.message(
                        "--bruger \(flag) passer ikke med din rolle i teamlageret (\(team.role)). I teamlageret er du altid den, du er logget ind som; udelad --bruger."
                    )
                }
                user = team.role
            }
            openedStore = store
            return store
        }
    }

    /// A file store of an earlier version (no summary index of this version): each case's caseworker
    /// becomes a user id, once (`FileStore.upgradeCaseworkersIfNeeded`). Run by the commands that list
    /// the cases (and so build the index) anyway, never by a command that only reads one case.
    func upgradeIfNeeded(_ store: any Store) {
        if let files = store as? FileStore { files.upgradeCaseworkersIfNeeded(now: now, user: user) }
    }

    /// Tells the user that saving the first case created the store (on stderr, so `--json` output
    /// stays clean): a mistyped `--lager` must not go unnoticed.
    func announceNewStore(_ existedBefore: Bool) {
        if !existedBefore { console.error("Nyt lager oprettet i \(storeLocation.display).") }
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
        let store = try store
        guard store.exists else { return false }
        return try store.loadSettings().alsoClosed
    }

    /// Loads a case for reading and writes the `read` audit event first (fail closed: if the event
    /// cannot be written, nothing is shown).
    func readCase(_ id: CaseID, store: any Store, action: AuditAction = .read, showCPR: Bool = false) throws -> CaseFile
    {
        let file = try store.load(id)
        try store.appendAudit(event(action, caseID: id, before: file.revision, after: file.revision))
        if showCPR, file.youngPerson.cpr != nil {
            try store.appendAudit(event(.revealCPR, caseID: id, before: file.revision, after: file.revision))
        }
        return file
    }

    /// Loads a case, lets `change` modify it, and saves it stating the revision it read. A case
    /// changed by someone else meanwhile is refused (exit 3), and nothing is written; with
    /// `commutative`, the change (one that does not depend on the rest of the case: a note, a
    /// network addition) is applied again to the case as it is now instead.
    @discardableResult
    func updateCase(
        _ id: CaseID, store: any Store, commutative: Bool = false, _ change: (inout CaseFile) throws -> Void
    ) throws -> CaseFile {
        var warned = false
        return try store.update(
            id, now: now, user: user, command: commandName, retryOnConflict: commutative
        ) { file in
            if let into = file.mergedInto {
                throw CLIError.ruleFailed(
                    "Sag \(id.rawValue) er samlet ind i sag \(into.rawValue) og ændres ikke mere. Brug sag \(into.rawValue)."
                )
            }
            if let closed = file.closedDate, commandName != "genaabn", !warned {
                warned = true
                console.error(
                    console.yellow("ADVARSEL")
                        + ": Sag \(id.rawValue) er lukket (\(closed.danishLong)). Ændringen gemmes, men sagen forbliver lukket og har ingen åbne frister. Genåbn den med 'unge genaabn \(id.rawValue)'."
                )
            }
            try change(&file)
        }
    }

    /// The letterhead of a document on case `caseID`: municipality and unit from the store's
    /// settings, and the full name and title of `author` (a user name; else the acting user).
    func letterhead(store: any Store, caseID: CaseID?, author: String? = nil, date: LocalDate? = nil) throws
        -> Document.Letterhead
    {
        let settings = try store.loadSettings()
        let who = author ?? user
        let profile = settings.profile(of: who)
        return Document.Letterhead(
            municipality: settings.municipality, unit: settings.unit, author: profile?.fullName ?? who,
            authorTitle: profile?.title, caseID: caseID?.rawValue, date: date)
    }

    /// Writes `event` to the audit trail while `prepare` makes the output on this thread, and
    /// returns that output only once the event is written (fail closed: when the event cannot be
    /// written this throws, and nothing prepared is shown). A listing of thousands of cases takes
    /// about as long to render as the event's fsync takes, so the two overlap. `prepare` must not
    /// use the store.
    /// The event is made on the writing thread too (`event` only reads what it captures): a
    /// listing's event compresses thousands of case ids.
    func audited<T>(
        _ event: @escaping () -> AuditEvent, in store: any Store, preparing prepare: () throws -> T
    ) throws -> T {
        nonisolated(unsafe) var failure: (any Error)?
        nonisolated(unsafe) let make = event
        let writing = DispatchGroup()
        DispatchQueue.global().async(group: writing) {
            do { try store.appendAudit(make()) } catch { failure = error }
        }
        let prepared = Result { try prepare() }
        writing.wait()
        if let failure { throw failure }
        return try prepared.get()
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
