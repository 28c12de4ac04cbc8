import Foundation
import UngeCore

/// The store contract: what the commands need from a case store, whatever keeps the cases.
///
/// Two backends implement it: `FileStore` (a private folder of JSON files, one user on one
/// machine; the default) and, in the team build (`swift build --traits PostgreSQL`), a PostgreSQL
/// store shared by a team. Commands see only `any Store` (opened once per command, see
/// `StoreLocation` and `Stores.open`).
///
/// The rules every backend keeps:
/// - Saves are optimistic: a save names the revision it was built on (`expectedRevision`); if the
///   case has been saved since, `StoreError.conflict` is thrown and nothing changes. `update`
///   re-reads and re-applies a change that does not depend on the rest of the case.
/// - Every change writes its audit event in the same durable step as the change: if the event
///   cannot be written, nothing changes (`StoreError.auditFailed`, fail closed).
/// - Reads are not audited by `load`: the caller writes the read event (`appendAudit`) before it
///   shows anything.
public protocol Store: AnyObject, Sendable {
    /// Where the store is, for messages: a folder path, or a connection URI without password.
    var location: String { get }

    /// True when the store exists (a file store's folder; a database once it has been set up).
    var exists: Bool { get }

    /// Checks an existing store before a command uses it; reads and changes nothing. Throws
    /// `noStore` when there is none.
    func checkLayout() throws

    // MARK: Cases

    /// True when a case with this id exists. No audit event (it reveals nothing but the id).
    func caseExists(_ id: CaseID) throws -> Bool

    /// The ids of the cases, sorted, without decoding any case (shell completion, `demo`). Nothing
    /// about the young people can leak through it, and it needs no audit event.
    func caseIDs() throws -> [CaseID]

    /// Loads one case. Throws `notFound`, `corrupt`, `newerSchema`; older schema versions are
    /// migrated in memory. Does not write an audit event.
    func load(_ id: CaseID) throws -> CaseFile

    /// Several cases at once, for a listing that shows something read from each (the next step of
    /// `liste --mine`): one entry per id, in the order given, with the case or the error `load` would
    /// have thrown. Like `load`, no audit event on the file store (the listing's own event names the
    /// cases); the team store reads them in one call and audits it as one listing row.
    func loadMany(_ ids: [CaseID]) -> [(id: CaseID, result: Result<CaseFile, any Error>)]

    /// A case and the JSON text `unge rediger` shows for it (fields this version does not know
    /// kept in place).
    func editableDocument(_ id: CaseID) throws -> (caseFile: CaseFile, json: Data)

    /// Every case, fully decoded (searches in the content); cases that cannot be read come back as
    /// problems.
    func allCases() throws -> (cases: [CaseFile], problems: [StoreProblem])

    /// The summaries `liste` shows, from the derived index; with `checklistOn`, each carries its open
    /// checklist items on that day.
    func listSummaries(checklistOn: LocalDate?) throws -> (summaries: [CaseSummary], problems: [StoreProblem])

    /// The open deadlines and tasks of each summary that has any, in the order given.
    func openDeadlines(of summaries: [CaseSummary]) -> (
        deadlines: [(summary: CaseSummary, deadlines: [Deadline])], problems: [StoreProblem]
    )

    /// Creates a new case with the next free id for `year` and revision 1 (the id in `caseFile` is
    /// replaced); the `create` audit event is written with it.
    func create(_ caseFile: CaseFile, year: Int, now: Date, user: String, command: String) throws -> CaseFile

    /// Saves a changed case built on revision `expectedRevision` (compare-and-swap): if the case has
    /// been saved since, `StoreError.conflict` is thrown and nothing changes. Fields the stored case
    /// has that this version does not know are kept; with `unknownFrom`, they are taken from that
    /// JSON document instead (what `unge rediger` showed). The saved case has revision
    /// `expectedRevision + 1`, `updated = now` and the current schema version.
    func save(
        _ caseFile: CaseFile, expectedRevision: Int, now: Date, user: String, command: String,
        action: AuditAction, unknownFrom: Data?
    ) throws -> CaseFile

    /// Reads the case, applies `change` and saves it. With `retryOnConflict`, a case saved by
    /// someone else in between is read again and `change` applied again (for changes that do not
    /// depend on the rest of the case: a note, a network addition, a met deadline); without it,
    /// the conflict is thrown. `change` may be called more than once and must not have other effects.
    func update(
        _ id: CaseID, now: Date, user: String, command: String, action: AuditAction, retryOnConflict: Bool,
        _ change: (inout CaseFile) throws -> Void
    ) throws -> CaseFile

    /// Saves several changed cases as one change: every case is saved, or none is (a handover of a
    /// caseload, two cases merged). Each change names the revision it was built on; a conflict on any
    /// case, a refusal or a failed audit event leaves every case as it was. Each case gets its own
    /// audit event (with the change's `criterion`). On the team store, a change with `handOverTo` also
    /// moves the case to that caseworker and their team in the case register, in the same transaction.
    func saveTogether(_ changes: [CaseChange], now: Date, user: String, command: String) throws -> [CaseFile]

    /// Puts a complete case document into the store as it is (its id, revision and history
    /// included), for the demo cases and for moving a store; refuses an id that exists. Audited as
    /// `create`.
    func importCase(_ json: Data, as id: CaseID, now: Date, user: String, command: String) throws -> CaseFile

    // MARK: Audit log

    /// Writes one audit event durably; throws `auditFailed` if it cannot be written.
    func appendAudit(_ event: AuditEvent) throws

    /// The events about `id` (its own, and every listing that displayed it), or all events with
    /// nil, oldest first; events that cannot be read are returned as problems.
    func auditEvents(for id: CaseID?) throws -> (events: [AuditEvent], problems: [StoreProblem])

    /// Checks the whole audit log: every hash chain, and (file store) the heads and the index
    /// (`unge log --kontroller`). Reads only.
    func verifyAuditLog() throws -> AuditChain.Verification

    // MARK: Drafts (per user)

    func loadDraft(command: String, caseID: CaseID?) throws -> DialogueDraft?
    func saveDraft(_ draft: DialogueDraft) throws
    func deleteDraft(command: String, caseID: CaseID?, now: Date, user: String, auditCommand: String) throws

    // MARK: Settings

    /// The store's settings; the defaults if none were saved.
    func loadSettings() throws -> StoreSettings
    func saveSettings(_ settings: StoreSettings) throws

    // MARK: Private working files

    /// A private folder (0700) for files an editor opens (`rediger`, a note or an answer in
    /// `$EDITOR`), removed by the caller; never a shared temp folder.
    func makeWorkFolder() throws -> WorkFolder

    // MARK: Statistics

    /// Every case's `StatisticsFacts` (no CPR number, name or case text), sorted by id, for
    /// `unge statistik` and for choosing the cases of a register extract. The file store keeps them
    /// as a derived index; the default decodes every case.
    func statisticsFacts() throws -> (facts: [StatisticsFacts], problems: [StoreProblem])

    // MARK: Retention and deletion

    /// Deletes case `id`, which must still be at `expectedRevision` (the revision archived), with
    /// everything the store derived from it, atomically: after a crash the case is fully present or
    /// fully gone. `tombstone` (action `.delete`; case number, dates, who, why; no personal data) stays
    /// in the audit log (see `eraseAuditPersonalData`). Throws `conflict` if the case changed.
    func deleteCase(_ id: CaseID, expectedRevision: Int, tombstone: AuditEvent) throws

    /// The audit side of a deletion: appends `tombstone` to the case's audit trail and removes the
    /// deleted case's personal data from its earlier events without breaking the audit chain.
    /// Idempotent (a deletion resumed after a crash calls it again).
    func eraseAuditPersonalData(of id: CaseID, tombstone: AuditEvent) throws

    /// Completes any deletion that a crash interrupted (called when the store is opened).
    func finishInterruptedDeletions() throws
}

extension Store {
    public func loadMany(_ ids: [CaseID]) -> [(id: CaseID, result: Result<CaseFile, any Error>)] {
        ids.map { id in (id, Result { try load(id) }) }
    }

    /// Until a backend deletes cases, `slet` says so instead of deleting anything.
    public func deleteCase(_ id: CaseID, expectedRevision: Int, tombstone: AuditEvent) throws {
        throw StoreError.unsupported("Sletning af sager er endnu ikke muligt i dette lager.")
    }

    /// The tombstone only, written once. (The audit log's own implementation also drops the case's
    /// personal data from its events.)
    public func eraseAuditPersonalData(of id: CaseID, tombstone: AuditEvent) throws {
        let existing = try auditEvents(for: id).events
        if existing.contains(where: { $0.action == .delete && $0.caseID == id }) { return }
        try appendAudit(tombstone)
    }

    public func finishInterruptedDeletions() throws {}

    /// The default: the chains found in `auditEvents(for: nil)`, without heads.
    public func verifyAuditLog() throws -> AuditChain.Verification {
        let (events, problems) = try auditEvents(for: nil)
        var v = AuditChain.Verification()
        for p in problems { v.breaks.append(.init(place: p.file, time: nil, reason: p.error.description)) }
        // (A backend that does not chain every event yet: its unchained events are not breaks.)
        AuditChain.verifyChains(
            events.map { .init(place: $0.chain ?? "log", event: $0) }, heads: nil, unchainedAfterStartIsBreak: false,
            into: &v)
        v.breaks = AuditChain.ordered(v.breaks)
        return v
    }

    public func statisticsFacts() throws -> (facts: [StatisticsFacts], problems: [StoreProblem]) {
        let all = try allCases()
        return (all.cases.map(StatisticsFacts.init), all.problems)
    }

    public func listSummaries() throws -> (summaries: [CaseSummary], problems: [StoreProblem]) {
        try listSummaries(checklistOn: nil)
    }

    @discardableResult
    public func save(
        _ caseFile: CaseFile, expectedRevision: Int, now: Date, user: String, command: String,
        action: AuditAction = .update
    ) throws -> CaseFile {
        try save(
            caseFile, expectedRevision: expectedRevision, now: now, user: user, command: command, action: action,
            unknownFrom: nil)
    }

    @discardableResult
    public func update(
        _ id: CaseID, now: Date, user: String, command: String, retryOnConflict: Bool = false,
        _ change: (inout CaseFile) throws -> Void
    ) throws -> CaseFile {
        try update(
            id, now: now, user: user, command: command, action: .update, retryOnConflict: retryOnConflict, change)
    }
}

/// One case of a change saved with others (`Store.saveTogether`).
public struct CaseChange: Sendable {
    public var caseFile: CaseFile
    /// The revision the change was built on.
    public var expectedRevision: Int
    /// What the case's audit event says about the change, e.g. "overdraget til bo".
    public var criterion: String?
    /// Team store: the caseworker (database role) the case is handed over to.
    public var handOverTo: String?

    public init(caseFile: CaseFile, expectedRevision: Int, criterion: String? = nil, handOverTo: String? = nil) {
        self.caseFile = caseFile
        self.expectedRevision = expectedRevision
        self.criterion = criterion
        self.handOverTo = handOverTo
    }
}

/// Limits every backend enforces the same way.
public enum StoreLimits {
    /// The largest case document unge reads or writes (64 MB): a save refuses what a read would refuse.
    public static let maximumCaseBytes = 64 << 20
    /// The most characters one free-text field may hold (a note, a name, a description): 100,000,
    /// about 40 pages. A longer text is refused at the save with a Danish message (exit 2).
    public static let maximumTextLength = 100_000
    /// How many times `update` re-applies a change after a lost race before it reports the conflict.
    public static let updateAttempts = 50
}
