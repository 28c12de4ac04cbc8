import Foundation
import UngeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What an audit event records (revisionsspor): every command that touches personal data, reads
/// and searches included (Datatilsynet's guidance on logging).
public enum AuditAction: String, Codable, Sendable, Equatable, CaseIterable {
    case read
    case search
    case create
    case update
    case export
    case delete
    /// A stale save lock was broken. Written only by versions before kernel-held locks (which are
    /// never broken); kept so that their audit logs still read.
    case unlock
    /// A full CPR number was shown (`--vis-cpr`).
    case revealCPR
    /// The answers of an unfinished dialogue were kept as a draft (kladde).
    case draftSaved
    /// A draft was removed (saved as a document, or discarded).
    case draftDeleted
    /// Access was refused (team store: written by the database when a role may not read or change).
    case refused
    /// An anchor of the hash chains: the heads of the chains changed since the previous anchor,
    /// written now and then into the chain of events over all cases (`AuditChain`).
    case anchor
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
    /// The name the person gave (`--bruger`, `$UNGE_BRUGER`), else the account name. Recorded
    /// beside `account`, never instead of it.
    public var user: String
    /// The operating-system account that acted: the effective user id's name from the password
    /// database (`getpwuid(geteuid())`, never `$USER`), or `uid <n>` when it has none. Set by the
    /// initialiser for every event; nil only in events written before it was recorded.
    public var account: String?
    public var action: AuditAction
    /// The case, or nil for an event over all cases (a search or a listing).
    public var caseID: CaseID?
    public var revisionBefore: Int?
    public var revisionAfter: Int?
    /// The search criterion, with any CPR-like number masked as `DDMMYY-xxxx`.
    public var criterion: String?
    /// The command that caused the event, e.g. `vis`, `notat`, `liste`.
    public var command: String
    /// The cases a listing or search displayed (`liste`, `liste --soeg`, `frister`), sorted, with
    /// runs of consecutive numbers written as `2026-0001..2026-0450` (see `AuditEvent.compress`);
    /// nil for an event that displayed no list.
    public var shown: [String]?

    // MARK: The hash chain (see `AuditChain`); nil in events written before the chain started.

    /// The chain the event belongs to: its case id, or `alle` for an event over all cases.
    public var chain: String?
    /// Its number in the chain, from 1.
    public var seq: Int?
    /// The digest of the event before it in the chain (64 zeros for the first).
    public var prev: String?
    /// SHA-256 of the salt and the personal payload (user, account, command, criterion, shown).
    public var payloadHash: String?
    /// The random salt of `payloadHash` (hex); removed with the payload by a lawful erasure.
    public var salt: String?
    /// SHA-256 of the event's chained fields (`AuditChain.headerBytes`), hex.
    public var digest: String?
    /// True when the payload and salt were removed by a lawful erasure (a tombstone covers it).
    public var erased: Bool?
    /// An anchor's chain heads, each `<chain> <seq> <digest>`.
    public var anchors: [String]?
    /// A tombstone's (a `delete` event's) last erased event number in its chain.
    public var erasedThrough: Int?
    /// Set when the log is read, never stored: the change of this event never landed (the process
    /// stopped after writing the event and before saving the case).
    public var notCarriedOut: Bool?

    public init(
        time: Date, user: String, action: AuditAction, caseID: CaseID? = nil,
        revisionBefore: Int? = nil, revisionAfter: Int? = nil, criterion: String? = nil, command: String,
        shown: [CaseID]? = nil
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
        self.account = StoreText.maskCPR(AuditEvent.processAccount)
        self.shown = shown.map(AuditEvent.compress)
    }

    /// An event as the audit index holds it (already masked when first written).
    init(
        indexed schemaVersion: Int, time: Date, user: String, account: String?, action: AuditAction, caseID: CaseID?,
        revisionBefore: Int?, revisionAfter: Int?, criterion: String?, command: String, shown: [String]?
    ) {
        self.schemaVersion = schemaVersion
        self.time = time
        self.user = user
        self.account = account
        self.action = action
        self.caseID = caseID
        self.revisionBefore = revisionBefore
        self.revisionAfter = revisionAfter
        self.criterion = criterion
        self.command = command
        self.shown = shown
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion, time, user, action, caseID, revisionBefore, revisionAfter, criterion, command
        case account, shown
        case chain, seq, prev, payloadHash, salt, digest, erased, anchors, erasedThrough, notCarriedOut
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
        account = try c.decodeIfPresent(String.self, forKey: .account)
        shown = try c.decodeIfPresent([String].self, forKey: .shown)
        chain = try c.decodeIfPresent(String.self, forKey: .chain)
        seq = try c.decodeIfPresent(Int.self, forKey: .seq)
        prev = try c.decodeIfPresent(String.self, forKey: .prev)
        payloadHash = try c.decodeIfPresent(String.self, forKey: .payloadHash)
        salt = try c.decodeIfPresent(String.self, forKey: .salt)
        digest = try c.decodeIfPresent(String.self, forKey: .digest)
        erased = try c.decodeIfPresent(Bool.self, forKey: .erased)
        anchors = try c.decodeIfPresent([String].self, forKey: .anchors)
        erasedThrough = try c.decodeIfPresent(Int.self, forKey: .erasedThrough)
    }

    /// This process's operating-system account (see `account`), looked up once.
    public static let processAccount: String = {
        let uid = geteuid()
        if let pw = getpwuid(uid), let name = pw.pointee.pw_name {
            let s = String(cString: name)
            if !s.isEmpty { return StoreText.maskCPR(s) }
        }
        return "uid \(uid)"
    }()

    /// Whether the event is about `id`: its own case, or a listing that displayed it.
    public func concerns(_ id: CaseID) -> Bool {
        caseID == id || (shown.map { AuditEvent.contains($0, id) } ?? false)
    }

    /// Sorted ids with runs of consecutive numbers (same prefix up to the last `-`, same width)
    /// folded into `first..last`: `["2026-0001..2026-0003", "2026-0007", "x"]`. A case id never
    /// holds a dot, so the form cannot be mistaken for an id.
    public static func compress(_ ids: [CaseID]) -> [String] {
        // A listing's ids usually come sorted and unique already.
        var ascending = true
        for i in ids.indices.dropFirst() where !(ids[i - 1].rawValue < ids[i].rawValue) {
            ascending = false
            break
        }
        let sorted = ascending ? ids : Array(Set(ids)).sorted()
        var out: [String] = []
        var i = 0
        while i < sorted.count {
            var j = i
            if let first = Numbered(sorted[i].rawValue) {
                var last = first
                while j + 1 < sorted.count, let next = Numbered(sorted[j + 1].rawValue), next.follows(last) {
                    last = next
                    j += 1
                }
            }
            out.append(j > i ? sorted[i].rawValue + ".." + sorted[j].rawValue : sorted[i].rawValue)
            i = j + 1
        }
        return out
    }

    /// Whether the compressed list `shown` holds `id`.
    public static func contains(_ shown: [String], _ id: CaseID) -> Bool {
        let target = id.rawValue
        let numbered = Numbered(target)
        for entry in shown {
            if entry == target { return true }
            guard let numbered, let dots = entry.range(of: "..") else { continue }
            guard let lo = Numbered(String(entry[..<dots.lowerBound])),
                let hi = Numbered(String(entry[dots.upperBound...])),
                lo.prefix == numbered.prefix, hi.prefix == numbered.prefix, lo.width == numbered.width,
                hi.width == numbered.width
            else { continue }
            if lo.number <= numbered.number && numbered.number <= hi.number { return true }
        }
        return false
    }

    /// The ids of a compressed list, runs written out (`compress` reversed): what the team store
    /// indexes, so that a case's trail finds every listing that showed it.
    public static func expand(_ shown: [String]) -> [String] {
        var out: [String] = []
        for entry in shown {
            guard let dots = entry.range(of: ".."),
                let lo = Numbered(String(entry[..<dots.lowerBound])),
                let hi = Numbered(String(entry[dots.upperBound...])),
                lo.prefix == hi.prefix, lo.width == hi.width, lo.number <= hi.number
            else {
                out.append(entry)
                continue
            }
            for n in lo.number...hi.number {
                let digits = String(n)
                out.append(
                    String(lo.prefix) + String(repeating: "0", count: max(0, lo.width - digits.count)) + digits)
            }
        }
        return out
    }

    /// An id ending in `-<digits>`: its prefix, number and digit count.
    struct Numbered {
        var prefix: Substring
        var number: Int
        var width: Int

        init?(_ text: String) {
            let u = text.utf8
            guard let dash = u.lastIndex(of: UInt8(ascii: "-")) else { return nil }
            var n = 0
            var count = 0
            for c in u[u.index(after: dash)...] {
                guard c >= 48, c <= 57, count < 18 else { return nil }
                n = n * 10 + Int(c - 48)
                count += 1
            }
            guard count > 0 else { return nil }
            prefix = text[...dash]
            number = n
            width = count
        }

        func follows(_ other: Numbered) -> Bool {
            prefix == other.prefix && width == other.width && number == other.number + 1
        }
    }
}
