import Foundation
import UngeCore

/// What only a team store can do: deputies, the municipality-wide lookup, handing a case over to
/// another caseworker, and the membership of teams. The file store is one person's and has none of it.
public protocol TeamStore: Store {
    /// The session's database role: the acting user on this backend.
    var role: String { get }
    /// Gives `deputy` access to `user`'s cases until the end of `until`; only the user or a leader of
    /// their team may (the database checks who grants).
    func grantDeputy(_ deputy: String, for user: String, until: LocalDate) throws
    /// The cases in the whole municipality that match a CPR number or a name key (`nameKey`).
    func find(cpr: String?, nameKey: String?) throws -> [LookupMatch]
    /// Hands case `id` over to `caseworker` (and their team).
    func handOver(_ id: CaseID, to caseworker: String, now: Date, command: String) throws
    /// Puts `role` in `team` (created if new), as a leader or not: administrators only.
    func setMember(_ role: String, team: String, leader: Bool) throws
    /// The summaries of the cases the role may read whose caseworker is the role (`.mine`) or that
    /// belong to one team (`.team`), chosen in the database; the listing is audited there with the ids.
    /// An unknown team throws `StoreError.unknownTeam`.
    func listSummaries(_ scope: TeamScope) throws -> (summaries: [CaseSummary], problems: [StoreProblem])
    /// The messages for the session's role that it has not seen (someone's lookup matched a restricted
    /// case it is named on); they count as seen once returned.
    func takeMessages() throws -> [TeamMessage]
    /// The statistics facts of the cases this role may read (`unge.statistik_fakta`, one audited call):
    /// of one team (`team`, which the role must be a member of, else `accessRefused(nil)`), or only the
    /// cases the role is caseworker of (`mine`); with `window`, only the cases that can count in it
    /// (`StatisticsComputation.window`). Each case's caseworker is the role the team store holds
    /// responsible. The database writes `event` to the audit trail before it returns anything.
    func statisticsFacts(team: String?, mine: Bool, window: ClosedRange<LocalDate>?, event: AuditEvent) throws
        -> TeamStatistics
    /// The figures of `unge statistik` for `computation`'s period over the same selection as
    /// `statisticsFacts`, counted by the database as SQL aggregates over the items Core wrote at save
    /// (`unge.statistik_tal`, one audited call); cases whose items are missing or stale are counted by
    /// `computation` from their documents. No case is loaded otherwise.
    func statisticsCounts(team: String?, mine: Bool, computation: StatisticsComputation, event: AuditEvent) throws
        -> TeamStatisticsCounts
}

/// What `TeamStore.statisticsCounts` returns: the counts, the cases that could not be read, and
/// whether the role leads a team (a team leader sees the other caseworkers' rows).
public struct TeamStatisticsCounts: Sendable {
    public var counts: StatisticsCounts
    public var problems: [StoreProblem]
    public var isLeader: Bool

    public init(counts: StatisticsCounts, problems: [StoreProblem], isLeader: Bool) {
        self.counts = counts
        self.problems = problems
        self.isLeader = isLeader
    }
}

/// Which cases a team listing takes.
public enum TeamScope: Sendable, Equatable {
    /// The role's own cases (it is their caseworker).
    case mine
    /// One team's cases (that the role may read).
    case team(String)
}

/// A message to the named users of a restricted case: someone's lookup (`unge find`) matched it.
public struct TeamMessage: Sendable, Equatable {
    public var time: Date
    public var caseID: CaseID
    /// The role that searched.
    public var from: String
    /// True when the search was by CPR number, false by name and birth date.
    public var byCPR: Bool

    public init(time: Date, caseID: CaseID, from: String, byCPR: Bool) {
        self.time = time
        self.caseID = caseID
        self.from = from
        self.byCPR = byCPR
    }
}

/// What `TeamStore.statisticsFacts` returns: the facts, the cases that could not be read, and whether
/// the role leads a team (a team leader sees the other caseworkers' rows).
public struct TeamStatistics: Sendable {
    public var facts: [StatisticsFacts]
    public var problems: [StoreProblem]
    public var isLeader: Bool

    public init(facts: [StatisticsFacts], problems: [StoreProblem], isLeader: Bool) {
        self.facts = facts
        self.problems = problems
        self.isLeader = isLeader
    }
}

/// One case found by the municipality-wide lookup. For a case the user cannot open, only its number,
/// team and caseworker; for a restricted case, only that it exists and whom to contact.
public struct LookupMatch: Sendable, Equatable {
    public var id: CaseID
    public var team: String?
    public var caseworker: String?
    public var restricted: Bool
    public var mayOpen: Bool
    public var contacts: [String]

    public init(
        id: CaseID, team: String?, caseworker: String?, restricted: Bool, mayOpen: Bool, contacts: [String]
    ) {
        self.id = id
        self.team = team
        self.caseworker = caseworker
        self.restricted = restricted
        self.mayOpen = mayOpen
        self.contacts = contacts
    }
}

/// The criteria of the existence lookup.
public enum TeamLookup {
    /// `navn|ÅÅÅÅ-MM-DD`, the name folded (case, spaces): the criterion of a lookup by name.
    public static func nameKey(name: String?, birthDate: LocalDate?) -> String? {
        guard let name, let birthDate, !name.isEmpty else { return nil }
        let folded = name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return folded + "|" + birthDate.iso
    }
}
