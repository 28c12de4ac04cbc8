import Foundation

/// The provider's treatment plan (behandlingsplan, also "pædagogisk plan"), built on the plan's
/// goals (handbook ch. 7-8). Required for drug treatment under SEL § 101; good practice otherwise.
public struct TreatmentPlan: Codable, Sendable, Equatable {
    public var version: Int
    public var date: LocalDate
    /// The provider (leverandør) who wrote it.
    public var provider: String
    /// Who recorded it.
    public var author: String?
    /// The version of the action plan it was built on.
    public var basedOnPlanVersion: Int?
    /// Goals, each pointing to a goal of the action plan.
    public var goals: [TreatmentGoal]
    /// Methods used across the goals (e.g. motiverende samtale, familiesamtaler).
    public var methods: [String]
    /// The goal for the use itself: reduction or stop, as the young person chooses.
    public var useGoal: UseGoal?

    public init(
        version: Int, date: LocalDate, provider: String, author: String? = nil, basedOnPlanVersion: Int? = nil,
        goals: [TreatmentGoal] = [], methods: [String] = [], useGoal: UseGoal? = nil
    ) {
        self.version = version
        self.date = date
        self.provider = provider
        self.author = author
        self.basedOnPlanVersion = basedOnPlanVersion
        self.goals = goals
        self.methods = methods
        self.useGoal = useGoal
    }

    enum CodingKeys: String, CodingKey {
        case version, date, provider, author, basedOnPlanVersion, goals, methods, useGoal
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 0
        date = try c.decode(LocalDate.self, forKey: .date)
        provider = try c.decodeIfPresent(String.self, forKey: .provider) ?? ""
        author = try c.decodeIfPresent(String.self, forKey: .author)
        basedOnPlanVersion = try c.decodeIfPresent(Int.self, forKey: .basedOnPlanVersion)
        goals = try c.decodeIfPresent([TreatmentGoal].self, forKey: .goals) ?? []
        methods = try c.decodeIfPresent([String].self, forKey: .methods) ?? []
        useGoal = try c.decodeIfPresent(UseGoal.self, forKey: .useGoal)
    }

    /// The goals for one domain.
    public func goals(in domain: TreatmentDomain) -> [TreatmentGoal] { goals.filter { $0.domain == domain } }
}

/// What a treatment goal is about: the handbook names school or education, network with family and
/// friends, and leisure besides the use itself.
public enum TreatmentDomain: String, Codable, Sendable, Equatable, CaseIterable {
    case use
    case schoolOrEducation
    case network
    case leisure
    case other

    public var danish: String {
        switch self {
        case .use: return "Forbruget"
        case .schoolOrEducation: return "Skole og uddannelse"
        case .network: return "Netværk med familie og venner"
        case .leisure: return "Fritid"
        case .other: return "Andet"
        }
    }
}

/// One goal of the treatment plan (behandlingsmål), pointing to the action-plan goal it serves.
public struct TreatmentGoal: Codable, Sendable, Equatable {
    public var id: String
    public var text: String
    /// The id of the action-plan goal it serves ("M1").
    public var planGoalID: String
    public var domain: TreatmentDomain
    /// How the provider works towards it.
    public var methods: [String]

    public init(id: String, text: String, planGoalID: String, domain: TreatmentDomain = .other, methods: [String] = [])
    {
        self.id = id
        self.text = text
        self.planGoalID = planGoalID
        self.domain = domain
        self.methods = methods
    }

    enum CodingKeys: String, CodingKey { case id, text, planGoalID, domain, methods }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
        planGoalID = try c.decodeIfPresent(String.self, forKey: .planGoalID) ?? ""
        domain = try c.decodeIfPresent(TreatmentDomain.self, forKey: .domain) ?? .other
        methods = try c.decodeIfPresent([String].self, forKey: .methods) ?? []
    }
}

/// The goal for the use itself (mål for forbruget): the young person chooses reduction or stop.
public struct UseGoal: Codable, Sendable, Equatable {
    public enum Choice: String, Codable, Sendable, Equatable, CaseIterable {
        case reduction
        case stop
        case undecided

        public var danish: String {
            switch self {
            case .reduction: return "reduktion"
            case .stop: return "ophør"
            case .undecided: return "ikke valgt endnu"
            }
        }
    }

    public var choice: Choice
    public var text: String?
    /// The action-plan goal it serves, if any.
    public var planGoalID: String?

    public init(choice: Choice, text: String? = nil, planGoalID: String? = nil) {
        self.choice = choice
        self.text = text
        self.planGoalID = planGoalID
    }

    enum CodingKeys: String, CodingKey { case choice, text, planGoalID }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        choice = try c.decodeIfPresent(Choice.self, forKey: .choice) ?? .undecided
        text = try c.decodeIfPresent(String.self, forKey: .text)
        planGoalID = try c.decodeIfPresent(String.self, forKey: .planGoalID)
    }
}
