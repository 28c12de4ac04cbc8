import Foundation

/// What `unge statistik` needs of one case, and nothing more: no CPR number, no name of the young
/// person, no case text (a closing reason is kept only as its category). The store keeps these as a
/// derived index beside the case files, so statistics over thousands of cases read no case file.
public struct StatisticsFacts: Codable, Sendable, Equatable {
    /// A notification: when it came, who sent it (kind), the concern level, its deadlines.
    public struct Notification: Codable, Sendable, Equatable {
        public var received: Date
        public var kind: NotifierKind
        public var level: ConcernLevel?
        public var deadlineIDs: [String]

        public init(received: Date, kind: NotifierKind, level: ConcernLevel?, deadlineIDs: [String]) {
            self.received = received
            self.kind = kind
            self.level = level
            self.deadlineIDs = deadlineIDs
        }

        enum CodingKeys: String, CodingKey {
            case received = "r"
            case kind = "k"
            case level = "l"
            case deadlineIDs = "d"
        }
    }

    public var id: CaseID
    public var created: Date
    public var caseworker: String?
    public var birthDate: LocalDate?
    public var anonymous: Bool
    public var closedDate: LocalDate?
    public var closure: StatisticsComputation.ClosureCategory?
    public var concernReports: [Notification]
    /// The deadline records, titles left out.
    public var deadlines: [Deadline]
    /// The decisions, with their kind and dates only (no purpose, consents, provider or reasons).
    public var decisions: [Decision]
    /// When an afdækning was finished, if the case has one.
    public var afdaekningCompleted: LocalDate?
    /// When the case was reopened (each time).
    public var reopened: [Date]

    enum CodingKeys: String, CodingKey {
        case id
        case created = "c"
        case caseworker = "w"
        case birthDate = "b"
        case anonymous = "a"
        case closedDate = "cd"
        case closure = "cr"
        case concernReports = "n"
        case deadlines = "dl"
        case decisions = "de"
        case afdaekningCompleted = "af"
        case reopened = "ro"
    }

    /// Every field given (the store's index reader).
    public init(
        id: CaseID, created: Date, caseworker: String?, birthDate: LocalDate?, anonymous: Bool, closedDate: LocalDate?,
        closure: StatisticsComputation.ClosureCategory?, concernReports: [Notification], deadlines: [Deadline],
        decisions: [Decision], afdaekningCompleted: LocalDate?, reopened: [Date]
    ) {
        self.id = id
        self.created = created
        self.caseworker = caseworker
        self.birthDate = birthDate
        self.anonymous = anonymous
        self.closedDate = closedDate
        self.closure = closure
        self.concernReports = concernReports
        self.deadlines = deadlines
        self.decisions = decisions
        self.afdaekningCompleted = afdaekningCompleted
        self.reopened = reopened
    }

    /// The journal sentence `unge genaabn` writes begins with this.
    public static let reopenPrefix = "Sagen er genåbnet"

    public init(_ f: CaseFile) {
        id = f.id
        created = f.created
        caseworker = f.caseworker
        birthDate = f.youngPerson.birthDate
        anonymous = f.youngPerson.anonymous
        closedDate = f.closedDate
        closure = f.closedDate == nil ? nil : StatisticsComputation.ClosureCategory.of(f.closedReason)
        concernReports = f.concernReports.map {
            Notification(
                received: $0.received, kind: NotifierKind.of($0.reporter, relation: $0.relation),
                level: $0.concernArc?.level, deadlineIDs: $0.deadlineIDs)
        }
        deadlines = f.deadlines.map {
            var d = $0
            d.title = ""
            d.metBy = nil
            return d
        }
        decisions = f.decisions.map {
            Decision(
                id: $0.id, kind: $0.kind, decisionDate: $0.decisionDate, author: "",
                recorded: Date(timeIntervalSince1970: 0),
                requestDate: $0.requestDate, start: $0.start,
                end: $0.end.map { DecisionEnd(date: $0.date, reason: "", status: $0.status) })
        }
        afdaekningCompleted = f.examination?.kind == .afdaekning ? f.examination?.completedDate : nil
        reopened = f.journal.filter { $0.text.hasPrefix(StatisticsFacts.reopenPrefix) }.map(\.time)
    }
}
