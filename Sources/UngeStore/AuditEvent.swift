import Foundation
import UngeCore

/// What an audit event records (revisionsspor): every command that touches personal data, reads
/// and searches included (Datatilsynet's guidance on logging).
public enum AuditAction: String, Codable, Sendable, Equatable, CaseIterable {
    case read
    case search
    case create
    case update
    case export
    case delete
    /// A stale save lock from a dead process was broken.
    case unlock
    /// A full CPR number was shown (`--vis-cpr`).
    case revealCPR
    /// The answers of an unfinished dialogue were kept as a draft (kladde).
    case draftSaved
    /// A draft was removed (saved as a document, or discarded).
    case draftDeleted
}

/// One entry in the audit trail (revisionsspor / log): who did what to which case, when.
///
/// Never holds a CPR number or free text about the young person: every text field is passed
/// through `StoreText.maskCPR` when the event is made.
public struct AuditEvent: Codable, Sendable, Equatable {
    /// The event format; readers skip nothing, newer versions decode with defaults.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// When it happened (written in UTC).
    public var time: Date
    /// `--bruger`, `$UNGE_BRUGER`, else `$USER`.
    public var user: String
    public var action: AuditAction
    /// The case, or nil for an event over all cases (a search or a listing).
    public var caseID: CaseID?
    public var revisionBefore: Int?
    public var revisionAfter: Int?
    /// The search criterion, with any CPR-like number masked as `DDMMYY-xxxx`.
    public var criterion: String?
    /// The command that caused the event, e.g. `vis`, `notat`, `liste`.
    public var command: String

    public init(
        time: Date, user: String, action: AuditAction, caseID: CaseID? = nil,
        revisionBefore: Int? = nil, revisionAfter: Int? = nil, criterion: String? = nil, command: String
    ) {
        schemaVersion = AuditEvent.currentSchemaVersion
        self.time = time
        self.user = StoreText.maskCPR(user)
        self.action = action
        self.caseID = caseID
        self.revisionBefore = revisionBefore
        self.revisionAfter = revisionAfter
        self.criterion = criterion.map(StoreText.maskCPR)
        self.command = StoreText.maskCPR(command)
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion, time, user, action, caseID, revisionBefore, revisionAfter, criterion, command
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decodeIfPresent(Int.self, forKey: .schemaVersion) ?? 1
        time = try c.decode(Date.self, forKey: .time)
        user = try c.decode(String.self, forKey: .user)
        action = try c.decode(AuditAction.self, forKey: .action)
        caseID = try c.decodeIfPresent(CaseID.self, forKey: .caseID)
        revisionBefore = try c.decodeIfPresent(Int.self, forKey: .revisionBefore)
        revisionAfter = try c.decodeIfPresent(Int.self, forKey: .revisionAfter)
        criterion = try c.decodeIfPresent(String.self, forKey: .criterion)
        command = try c.decodeIfPresent(String.self, forKey: .command) ?? ""
    }
}
