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
    /// The decisions, with their kind and dates only (no purpose, consents, provider or reasons);
    /// `start` is the actual start (`Decision.actualStart`), never a planned one.
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
        closure =
            f.closedDate == nil ? nil : f.closedCategory ?? StatisticsComputation.ClosureCategory.of(f.closedReason)
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
                requestDate: $0.requestDate, start: $0.actualStart,
                end: $0.end.map { DecisionEnd(date: $0.date, reason: "", status: $0.status) })
        }
        afdaekningCompleted = f.examination?.kind == .afdaekning ? f.examination?.completedDate : nil
        reopened = f.journal.filter { $0.text.hasPrefix(StatisticsFacts.reopenPrefix) }.map(\.time)
    }
}

extension StatisticsFacts {
    /// The first and the last day on which anything of this case can count in a statistics period:
    /// its creation, notifications, deadlines, decisions, afdækning, reopenings and closing. `last` is
    /// nil while the case is open (it counts in the caseload of every later period). A store may skip
    /// a case whose span does not meet `StatisticsComputation.window` (the team store does so in SQL):
    /// the report is the same.
    public var activitySpan: (first: LocalDate, last: LocalDate?) {
        let createdDay = RecordedDeadlineStates.day(created)
        var first = createdDay
        var last = createdDay
        func see(_ d: LocalDate?) {
            guard let d else { return }
            if d < first { first = d }
            if d > last { last = d }
        }
        for r in concernReports { see(RecordedDeadlineStates.day(r.received)) }
        for d in deadlines { see(d.dueDate) }
        for d in decisions {
            see(d.decisionDate)
            see(d.requestDate)
            see(d.start)
            see(d.end?.date)
        }
        see(afdaekningCompleted)
        for r in reopened { see(RecordedDeadlineStates.day(r)) }
        see(closedDate)
        return (first, closedDate == nil ? nil : last)
    }
}
