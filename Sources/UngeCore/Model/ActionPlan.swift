import Foundation

/// One saved version of the plan the law requires (handleplan / barnets plan / ungeplan).
///
/// Which plan applies depends on the young person's age on the plan's date (LAW.md): barnets plan
/// (BL §§ 91-92), ungeplan for 16-17 (BL §§ 108-109), handleplan for 18+ (SEL § 141), and before
/// 2024 the handbook's handleplan (SEL § 140). Every save is a new version; old ones are kept.
public struct ActionPlan: Codable, Sendable, Equatable {
    public var version: Int
    public var date: LocalDate
    public var author: String
    /// Which plan this is; chosen from age and date (`PlanKind.required(age:on:)`).
    public var kind: PlanKind
    /// The purpose of the effort (formål).
    public var purpose: String
    /// Concrete goals for wellbeing and development (mål).
    public var goals: [Goal]
    /// The measures chosen to meet the purpose (indsatser / foranstaltninger).
    public var measures: [Measure]
    /// Other special matters: housing, employment, education, treatment, personal help, aids.
    public var otherMatters: [OtherMatter]
    /// From 16: goals for the transition to adult life, incl. education and employment.
    public var transitionGoals: [Goal]
    /// Who took part in making the plan, and how.
    public var participants: [Participant]
    /// 18+: the plan was offered and accepted or declined (SEL § 141).
    public var offer: PlanOffer?
    /// 18+: the three bases the plan rests on instead of an examination (BRIEF §6, SEL § 141).
    public var adultBasis: AdultBasis?
    /// The next follow-up (opfølgning); the first at the latest 3 months after support started.
    public var nextFollowUp: LocalDate?
    /// The date of the decision on support the plan belongs to.
    public var decisionDate: LocalDate?
    /// What changed in this version, in the author's words.
    public var changeNote: String?

    public init(
        version: Int, date: LocalDate, author: String, kind: PlanKind = .barnetsPlan, purpose: String = "",
        goals: [Goal] = [], measures: [Measure] = [], otherMatters: [OtherMatter] = [],
        transitionGoals: [Goal] = [], participants: [Participant] = [], offer: PlanOffer? = nil,
        adultBasis: AdultBasis? = nil, nextFollowUp: LocalDate? = nil, decisionDate: LocalDate? = nil,
        changeNote: String? = nil
    ) {
        self.version = version
        self.date = date
        self.author = author
        self.kind = kind
        self.purpose = purpose
        self.goals = goals
        self.measures = measures
        self.otherMatters = otherMatters
        self.transitionGoals = transitionGoals
        self.participants = participants
        self.offer = offer
        self.adultBasis = adultBasis
        self.nextFollowUp = nextFollowUp
        self.decisionDate = decisionDate
        self.changeNote = changeNote
    }

    enum CodingKeys: String, CodingKey {
        case version, date, author, kind, purpose, goals, measures, otherMatters, transitionGoals
        case participants, offer, adultBasis, nextFollowUp, decisionDate, changeNote
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 0
        date = try c.decode(LocalDate.self, forKey: .date)
        author = try c.decodeIfPresent(String.self, forKey: .author) ?? ""
        kind = try c.decodeIfPresent(PlanKind.self, forKey: .kind) ?? .barnetsPlan
        purpose = try c.decodeIfPresent(String.self, forKey: .purpose) ?? ""
        goals = try c.decodeIfPresent([Goal].self, forKey: .goals) ?? []
        measures = try c.decodeIfPresent([Measure].self, forKey: .measures) ?? []
        otherMatters = try c.decodeIfPresent([OtherMatter].self, forKey: .otherMatters) ?? []
        transitionGoals = try c.decodeIfPresent([Goal].self, forKey: .transitionGoals) ?? []
        participants = try c.decodeIfPresent([Participant].self, forKey: .participants) ?? []
        offer = try c.decodeIfPresent(PlanOffer.self, forKey: .offer)
        adultBasis = try c.decodeIfPresent(AdultBasis.self, forKey: .adultBasis)
        nextFollowUp = try c.decodeIfPresent(LocalDate.self, forKey: .nextFollowUp)
        decisionDate = try c.decodeIfPresent(LocalDate.self, forKey: .decisionDate)
        changeNote = try c.decodeIfPresent(String.self, forKey: .changeNote)
    }

    /// All goals a treatment goal may point to: the goals, then the transition goals.
    public var allGoals: [Goal] { goals + transitionGoals }

    /// The goal with an id, among goals and transition goals.
    public func goal(id: String) -> Goal? { allGoals.first { $0.id == id } }

    /// The earliest start of a measure: when the support started.
    public var supportStart: LocalDate? { measures.compactMap(\.start).min() }
}

/// The four plans the tool can produce.
public enum PlanKind: String, Codable, Sendable, Equatable, CaseIterable {
    /// Barnets plan, BL §§ 91-92 (from 2024, under 16 or 16-17 without an ungeplan).
    case barnetsPlan
    /// Ungeplan, BL §§ 108-109 (from 2024, 16-17).
    case ungeplan
    /// Handleplan for adults, SEL § 141 (18+), offered and may be declined.
    case adultActionPlan
    /// The handbook's handleplan, SEL § 140 (under 18, before 2024).
    case handbookActionPlan

    /// The name in a title: "Barnets plan", "Ungeplan", "Handleplan".
    public var danishName: String {
        switch self {
        case .barnetsPlan: return "Barnets plan"
        case .ungeplan: return "Ungeplan"
        case .adultActionPlan, .handbookActionPlan: return "Handleplan"
        }
    }

    /// The row of the legal-reference table the plan rests on.
    public var legalRule: LegalRuleID {
        switch self {
        case .barnetsPlan: return .barnetsPlan
        case .ungeplan: return .ungeplan
        case .adultActionPlan: return .adultActionPlan
        case .handbookActionPlan: return .planUnder18
        }
    }

    /// True for the plans made for someone under 18.
    public var isForMinor: Bool { self != .adultActionPlan }
}

/// A concrete goal (mål), handbook ch. 4: positive, broken into sub-goals and first steps, in the
/// young person's own words.
public struct Goal: Codable, Sendable, Equatable {
    /// Stable within the case ("M1", "O1"); treatment goals point here.
    public var id: String
    public var text: String
    /// The goal as the young person put it, where given.
    public var ownWords: String?
    /// The examination area the goal answers.
    public var area: ExaminationArea?
    /// For transition goals: what part of adult life it is about.
    public var transitionTopic: TransitionTopic?
    public var subGoals: [String]
    public var firstSteps: [String]
    /// How progress will be seen (hvordan ser vi, at det går fremad).
    public var progressSign: String?

    public init(
        id: String, text: String, ownWords: String? = nil, area: ExaminationArea? = nil,
        transitionTopic: TransitionTopic? = nil, subGoals: [String] = [], firstSteps: [String] = [],
        progressSign: String? = nil
    ) {
        self.id = id
        self.text = text
        self.ownWords = ownWords
        self.area = area
        self.transitionTopic = transitionTopic
        self.subGoals = subGoals
        self.firstSteps = firstSteps
        self.progressSign = progressSign
    }

    enum CodingKeys: String, CodingKey {
        case id, text, ownWords, area, transitionTopic, subGoals, firstSteps, progressSign
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
        ownWords = try c.decodeIfPresent(String.self, forKey: .ownWords)
        area = try c.decodeIfPresent(ExaminationArea.self, forKey: .area)
        transitionTopic = try c.decodeIfPresent(TransitionTopic.self, forKey: .transitionTopic)
        subGoals = try c.decodeIfPresent([String].self, forKey: .subGoals) ?? []
        firstSteps = try c.decodeIfPresent([String].self, forKey: .firstSteps) ?? []
        progressSign = try c.decodeIfPresent(String.self, forKey: .progressSign)
    }
}

/// What a transition goal is about (overgang til voksenlivet), BL § 108 (tidl. SEL § 140 stk. 4).
public enum TransitionTopic: String, Codable, Sendable, Equatable, CaseIterable {
    case education
    case employment
    case housing
    case economy
    case health
    case network
    case other

    public var danish: String {
        switch self {
        case .education: return "uddannelse"
        case .employment: return "beskæftigelse"
        case .housing: return "bolig"
        case .economy: return "økonomi"
        case .health: return "sundhed"
        case .network: return "netværk"
        case .other: return "andet"
        }
    }
}

/// The handbook's catalogue of measures (indsatser), ch. 7-8.
public enum MeasureKind: String, Codable, Sendable, Equatable, CaseIterable {
    case outpatientDrugTreatment
    case psychologist
    case contactPerson
    case combination
    case groupTreatment
    case mentor
    case respiteCare
    case placement
    case youthSupport
    case other

    public var danish: String {
        switch self {
        case .outpatientDrugTreatment: return "Ambulant misbrugsbehandling"
        case .psychologist: return "Samtaler hos psykolog"
        case .contactPerson: return "Fast kontaktperson"
        case .combination: return "Kombineret indsats"
        case .groupTreatment: return "Gruppebehandling"
        case .mentor: return "Mentor"
        case .respiteCare: return "Aflastning"
        case .placement: return "Anbringelse"
        case .youthSupport: return "Ungestøtte (tidl. efterværn)"
        case .other: return "Anden indsats"
        }
    }

    /// Short words a user can type.
    public static func parse(_ text: String) -> MeasureKind? {
        switch text.lowercased() {
        case "ambulant", "misbrugsbehandling", "behandling": return .outpatientDrugTreatment
        case "psykolog": return .psychologist
        case "kontaktperson": return .contactPerson
        case "kombineret", "kombination": return .combination
        case "gruppe", "gruppebehandling": return .groupTreatment
        case "mentor": return .mentor
        case "aflastning": return .respiteCare
        case "anbringelse": return .placement
        case "ungestoette", "ungestøtte", "efterværn", "eftervaern": return .youthSupport
        case "andet", "anden": return .other
        default: return allCases.first { $0.rawValue.lowercased() == text.lowercased() }
        }
    }
}

/// A support measure (indsats / foranstaltning) with its provider, start and expected duration.
public struct Measure: Codable, Sendable, Equatable {
    public var kind: MeasureKind
    /// What exactly, where the kind says too little ("kontaktperson 2 gange om ugen").
    public var description: String?
    /// The provider (leverandør).
    public var provider: String?
    public var start: LocalDate?
    /// How long it is expected to last (varighed), e.g. "6 måneder".
    public var expectedDuration: String?
    /// The plan goals it serves.
    public var goalIDs: [String]
    /// The decision (afgørelse) that grants it, when it came from one ("A1").
    public var decisionID: String?

    public init(
        kind: MeasureKind, description: String? = nil, provider: String? = nil, start: LocalDate? = nil,
        expectedDuration: String? = nil, goalIDs: [String] = []
    ) {
        self.kind = kind
        self.description = description
        self.provider = provider
        self.start = start
        self.expectedDuration = expectedDuration
        self.goalIDs = goalIDs
    }

    enum CodingKeys: String, CodingKey {
        case kind, description, provider, start, expectedDuration, goalIDs, decisionID
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decodeIfPresent(MeasureKind.self, forKey: .kind) ?? .other
        description = try c.decodeIfPresent(String.self, forKey: .description)
        provider = try c.decodeIfPresent(String.self, forKey: .provider)
        start = try c.decodeIfPresent(LocalDate.self, forKey: .start)
        expectedDuration = try c.decodeIfPresent(String.self, forKey: .expectedDuration)
        goalIDs = try c.decodeIfPresent([String].self, forKey: .goalIDs) ?? []
        decisionID = try c.decodeIfPresent(String.self, forKey: .decisionID)
    }

    /// "Fast kontaktperson: 2 gange om ugen".
    public var label: String {
        guard let description, !description.isEmpty else { return kind.danish }
        return "\(kind.danish): \(description)"
    }
}

/// Other special matters (andre særlige forhold) the plan must state.
public struct OtherMatter: Codable, Sendable, Equatable {
    public enum Topic: String, Codable, Sendable, Equatable, CaseIterable {
        case housing
        case employment
        case education
        case treatment
        case personalHelp
        case aids
        /// BL § 92 stk. 3, § 109 stk. 4: the support for the family during a placement and after the return home.
        case familySupport
        case other

        public var danish: String {
            switch self {
            case .familySupport: return "Støtte til familien under anbringelsen og efter hjemgivelsen"
            case .housing: return "Boform"
            case .employment: return "Beskæftigelse"
            case .education: return "Uddannelse"
            case .treatment: return "Behandling"
            case .personalHelp: return "Personlig hjælp"
            case .aids: return "Hjælpemidler"
            case .other: return "Andet"
            }
        }
    }

    public var topic: Topic
    public var text: String

    public init(topic: Topic, text: String) {
        self.topic = topic
        self.text = text
    }
}

/// 18+: the plan was offered (tilbudt) and accepted or declined, SEL § 141.
public struct PlanOffer: Codable, Sendable, Equatable {
    public enum Response: String, Codable, Sendable, Equatable, CaseIterable {
        case accepted
        case declined
        case pending

        public var danish: String {
            switch self {
            case .accepted: return "takket ja"
            case .declined: return "takket nej"
            case .pending: return "har ikke svaret endnu"
            }
        }
    }

    public var offeredDate: LocalDate
    public var response: Response
    public var responseDate: LocalDate?

    public init(offeredDate: LocalDate, response: Response, responseDate: LocalDate? = nil) {
        self.offeredDate = offeredDate
        self.response = response
        self.responseDate = responseDate
    }

    enum CodingKeys: String, CodingKey { case offeredDate, response, responseDate }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        offeredDate = try c.decode(LocalDate.self, forKey: .offeredDate)
        response = try c.decodeIfPresent(Response.self, forKey: .response) ?? .pending
        responseDate = try c.decodeIfPresent(LocalDate.self, forKey: .responseDate)
    }
}

/// The three bases of an adult's plan (BRIEF §6; SEL § 141): the drug problem and the social
/// problems it causes; the social situation with resources and burdens; other relevant matters.
public struct AdultBasis: Codable, Sendable, Equatable {
    public var drugProblem: String
    public var socialSituation: String
    public var otherMatters: String

    public init(drugProblem: String = "", socialSituation: String = "", otherMatters: String = "") {
        self.drugProblem = drugProblem
        self.socialSituation = socialSituation
        self.otherMatters = otherMatters
    }

    enum CodingKeys: String, CodingKey { case drugProblem, socialSituation, otherMatters }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        drugProblem = try c.decodeIfPresent(String.self, forKey: .drugProblem) ?? ""
        socialSituation = try c.decodeIfPresent(String.self, forKey: .socialSituation) ?? ""
        otherMatters = try c.decodeIfPresent(String.self, forKey: .otherMatters) ?? ""
    }
}
