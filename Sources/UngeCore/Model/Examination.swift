import Foundation

/// The child-welfare examination (børnefaglig undersøgelse), BL § 20 (tidl. SEL § 50), handbook ch. 7.
///
/// Records when the municipality became aware of the need (the 4-month deadline runs from there),
/// consents and cooperation, one assessment per area of BL § 20 stk. 2 (tidl. SEL § 50 stk. 2), the
/// child interview, screening results, stage of use and of change, and the conclusion.
public struct Examination: Codable, Sendable, Equatable {
    /// When the municipality became aware of the need: starts the 4-month deadline.
    public var awareDate: LocalDate
    /// When the examination was finished.
    public var completedDate: LocalDate?
    /// A full examination or a lighter afdækning (barnets plan may rest on either from 2024).
    public var kind: ExaminationKind
    /// Who the examination was done in cooperation with (custody holders; the young person from 15).
    public var participants: [Participant]
    /// Consents given or refused along the way (e.g. to obtain information from a doctor).
    public var consents: [Consent]
    /// One entry per area; an area left out carries `.notRelevant(reason:)`.
    public var areas: [AreaAssessment]
    /// The child interview (børnesamtale), BL § 5 (tidl. SEL § 48).
    public var childInterview: ChildInterview?
    /// Screening results as recorded (UngMAP, EuropASI, ...): stored, never computed here.
    public var screenings: [Screening]
    /// What, when and how much the young person uses, in plain words.
    public var substanceUse: String?
    /// Stage of use 1-4 (misbrugsfase), handbook ch. 2.
    public var usePhase: UsePhase?
    /// Stage of change (forandringscirklen), handbook ch. 6.
    public var stageOfChange: StageOfChange?
    /// The conclusion: is special support needed, and why.
    public var conclusion: ExaminationConclusion?
    /// Who recorded the examination.
    public var author: String?

    public init(
        awareDate: LocalDate, completedDate: LocalDate? = nil, kind: ExaminationKind = .examination,
        participants: [Participant] = [], consents: [Consent] = [], areas: [AreaAssessment] = [],
        childInterview: ChildInterview? = nil, screenings: [Screening] = [], substanceUse: String? = nil,
        usePhase: UsePhase? = nil, stageOfChange: StageOfChange? = nil,
        conclusion: ExaminationConclusion? = nil, author: String? = nil
    ) {
        self.awareDate = awareDate
        self.completedDate = completedDate
        self.kind = kind
        self.participants = participants
        self.consents = consents
        self.areas = areas
        self.childInterview = childInterview
        self.screenings = screenings
        self.substanceUse = substanceUse
        self.usePhase = usePhase
        self.stageOfChange = stageOfChange
        self.conclusion = conclusion
        self.author = author
    }

    enum CodingKeys: String, CodingKey {
        case awareDate, completedDate, kind, participants, consents, areas, childInterview, screenings
        case substanceUse, usePhase, stageOfChange, conclusion, author
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        awareDate = try c.decode(LocalDate.self, forKey: .awareDate)
        completedDate = try c.decodeIfPresent(LocalDate.self, forKey: .completedDate)
        kind = try c.decodeIfPresent(ExaminationKind.self, forKey: .kind) ?? .examination
        participants = try c.decodeIfPresent([Participant].self, forKey: .participants) ?? []
        consents = try c.decodeIfPresent([Consent].self, forKey: .consents) ?? []
        areas = try c.decodeIfPresent([AreaAssessment].self, forKey: .areas) ?? []
        childInterview = try c.decodeIfPresent(ChildInterview.self, forKey: .childInterview)
        screenings = try c.decodeIfPresent([Screening].self, forKey: .screenings) ?? []
        substanceUse = try c.decodeIfPresent(String.self, forKey: .substanceUse)
        usePhase = try c.decodeIfPresent(UsePhase.self, forKey: .usePhase)
        stageOfChange = try c.decodeIfPresent(StageOfChange.self, forKey: .stageOfChange)
        conclusion = try c.decodeIfPresent(ExaminationConclusion.self, forKey: .conclusion)
        author = try c.decodeIfPresent(String.self, forKey: .author)
    }

    /// The assessment recorded for an area, if any.
    public func assessment(of area: ExaminationArea) -> AreaAssessment? {
        areas.first { $0.area == area }
    }

    /// How many areas are described, left out with a reason, or still open: the one count `vis`
    /// and `check` both show.
    public var areaCount: ExaminationAreaCount {
        var count = ExaminationAreaCount()
        for area in ExaminationArea.allCases {
            switch assessment(of: area)?.content {
            case .described?: count.described += 1
            case .notRelevant(let reason)? where !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty:
                count.leftOut += 1
            default: count.open += 1
            }
        }
        return count
    }

    /// The areas with neither a description nor a reason for leaving them out.
    public var unassessedAreas: [ExaminationArea] {
        ExaminationArea.allCases.filter { assessment(of: $0) == nil }
    }
}

/// The examination's areas counted one way everywhere: described (belyst), left out with a
/// reason (begrundet udeladt), and open (neither; a reason left empty counts as open).
public struct ExaminationAreaCount: Sendable, Equatable {
    public var described = 0
    public var leftOut = 0
    public var open = 0

    public init(described: Int = 0, leftOut: Int = 0, open: Int = 0) {
        self.described = described
        self.leftOut = leftOut
        self.open = open
    }

    public var total: Int { described + leftOut + open }

    /// "5 af 6 områder belyst, 1 begrundet udeladt, 1 mangler".
    public var danish: String {
        var s = "\(described) af \(total) områder belyst"
        if leftOut > 0 { s += ", \(leftOut) begrundet udeladt" }
        if open > 0 { s += ", \(open) mangler" }
        return s
    }
}

/// A full examination (børnefaglig undersøgelse) or a lighter afdækning (barnets lov).
public enum ExaminationKind: String, Codable, Sendable, Equatable, CaseIterable {
    case examination
    case afdaekning

    public var danish: String {
        self == .examination ? "børnefaglig undersøgelse" : "afdækning"
    }
}

/// The six areas of the examination (undersøgelsesområder), BL § 20 stk. 2 (tidl. SEL § 50 stk. 2).
public enum ExaminationArea: String, Codable, Sendable, Equatable, CaseIterable {
    case developmentAndBehaviour
    case family
    case school
    /// Health, including alcohol and drug use.
    case health
    case leisureAndFriends
    case other

    /// The Danish name the user sees.
    public var danish: String {
        switch self {
        case .developmentAndBehaviour: return "Udvikling og adfærd"
        case .family: return "Familieforhold"
        case .school: return "Skoleforhold"
        case .health: return "Sundhedsforhold, herunder alkohol og stoffer"
        case .leisureAndFriends: return "Fritidsforhold og venskaber"
        case .other: return "Andre relevante forhold"
        }
    }

    /// Short words a user can type.
    public static func parse(_ text: String) -> ExaminationArea? {
        switch text.lowercased() {
        case "udvikling", "adfaerd", "adfærd", "developmentandbehaviour": return .developmentAndBehaviour
        case "familie", "family": return .family
        case "skole", "school", "uddannelse": return .school
        case "sundhed", "helbred", "health", "misbrug": return .health
        case "fritid", "venner", "leisureandfriends": return .leisureAndFriends
        case "andet", "andre", "other": return .other
        default: return allCases.first { $0.danish.lowercased() == text.lowercased() }
        }
    }
}

/// Who an item of information came from (kilde): the young person, a custody holder or a named
/// professional.
public struct InformationSource: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, Equatable, CaseIterable {
        case youngPerson
        case custodyHolder
        case professional
        case other

        public var danish: String {
            switch self {
            case .youngPerson: return "den unge"
            case .custodyHolder: return "forældremyndighedsindehaver"
            case .professional: return "fagperson"
            case .other: return "andre"
            }
        }
    }

    public var kind: Kind
    /// The name or role ("Lone, klasselærer"); nil for the young person.
    public var name: String?

    public init(kind: Kind, name: String? = nil) {
        self.kind = kind
        self.name = name
    }

    /// "den unge", "fagperson: Lone, klasselærer"; a source of no known kind as it was typed
    /// ("naboen", never "andre: naboen").
    public var label: String {
        guard let name, !name.isEmpty else { return kind.danish }
        if kind == .other { return name }
        return "\(kind.danish): \(name)"
    }
}

/// What the examination found in one area (beskrivelse af et undersøgelsesområde).
public struct AreaDescription: Codable, Sendable, Equatable {
    public var findings: String
    public var resources: String?
    public var problems: String?
    /// The young person's own view of the area (den unges egen opfattelse).
    public var ownView: String?
    public var sources: [InformationSource]

    public init(
        findings: String, resources: String? = nil, problems: String? = nil, ownView: String? = nil,
        sources: [InformationSource] = []
    ) {
        self.findings = findings
        self.resources = resources
        self.problems = problems
        self.ownView = ownView
        self.sources = sources
    }

    enum CodingKeys: String, CodingKey { case findings, resources, problems, ownView, sources }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        findings = try c.decodeIfPresent(String.self, forKey: .findings) ?? ""
        resources = try c.decodeIfPresent(String.self, forKey: .resources)
        problems = try c.decodeIfPresent(String.self, forKey: .problems)
        ownView = try c.decodeIfPresent(String.self, forKey: .ownView)
        sources = try c.decodeIfPresent([InformationSource].self, forKey: .sources) ?? []
    }
}

/// One area of the examination: described, or left out as not relevant with a reason
/// (ikke relevant, med begrundelse). The examination must be no broader than its purpose.
public struct AreaAssessment: Codable, Sendable, Equatable {
    /// Described, or not relevant with the reason.
    public enum Content: Sendable, Equatable {
        case described(AreaDescription)
        case notRelevant(reason: String)
    }

    public var area: ExaminationArea
    public var content: Content

    public init(area: ExaminationArea, content: Content) {
        self.area = area
        self.content = content
    }

    /// An area described with its findings.
    public static func described(_ area: ExaminationArea, _ description: AreaDescription) -> AreaAssessment {
        AreaAssessment(area: area, content: .described(description))
    }

    /// An area left out, with the reason.
    public static func notRelevant(_ area: ExaminationArea, reason: String) -> AreaAssessment {
        AreaAssessment(area: area, content: .notRelevant(reason: reason))
    }

    /// The description, unless the area was left out.
    public var details: AreaDescription? {
        if case .described(let d) = content { return d }
        return nil
    }

    public var notRelevantReason: String? {
        if case .notRelevant(let r) = content { return r }
        return nil
    }

    enum CodingKeys: String, CodingKey {
        case area, notRelevant, reason, findings, resources, problems, ownView, sources
    }

    // Flat JSON: {"area": "school", "findings": ...} or {"area": "other", "notRelevant": true, "reason": ...}.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        area = try c.decode(ExaminationArea.self, forKey: .area)
        if try c.decodeIfPresent(Bool.self, forKey: .notRelevant) ?? false {
            content = .notRelevant(reason: try c.decodeIfPresent(String.self, forKey: .reason) ?? "")
        } else {
            content = .described(try AreaDescription(from: decoder))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(area, forKey: .area)
        switch content {
        case .notRelevant(let reason):
            try c.encode(true, forKey: .notRelevant)
            try c.encode(reason, forKey: .reason)
        case .described(let d):
            try c.encode(d.findings, forKey: .findings)
            try c.encodeIfPresent(d.resources, forKey: .resources)
            try c.encodeIfPresent(d.problems, forKey: .problems)
            try c.encodeIfPresent(d.ownView, forKey: .ownView)
            try c.encode(d.sources, forKey: .sources)
        }
    }
}

/// The child interview (børnesamtale), BL § 5 stk. 3-4 (tidl. SEL § 48); the right to a support
/// person (bisidder), BL § 6 (tidl. SEL § 48 a).
public struct ChildInterview: Codable, Sendable, Equatable {
    public var date: LocalDate
    /// The caseworker told the young person about the right to a support person.
    public var supportPersonOffered: Bool
    /// A support person took part.
    public var supportPersonUsed: Bool
    /// Who the support person was, if one took part.
    public var supportPerson: String?
    /// What the young person said, in short.
    public var summary: String?

    public init(
        date: LocalDate, supportPersonOffered: Bool, supportPersonUsed: Bool = false,
        supportPerson: String? = nil, summary: String? = nil
    ) {
        self.date = date
        self.supportPersonOffered = supportPersonOffered
        self.supportPersonUsed = supportPersonUsed
        self.supportPerson = supportPerson
        self.summary = summary
    }

    enum CodingKeys: String, CodingKey { case date, supportPersonOffered, supportPersonUsed, supportPerson, summary }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        date = try c.decode(LocalDate.self, forKey: .date)
        supportPersonOffered = try c.decodeIfPresent(Bool.self, forKey: .supportPersonOffered) ?? false
        supportPersonUsed = try c.decodeIfPresent(Bool.self, forKey: .supportPersonUsed) ?? false
        supportPerson = try c.decodeIfPresent(String.self, forKey: .supportPerson)
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
    }
}

/// A consent (samtykke) given or refused by a custody holder or the young person.
public struct Consent: Codable, Sendable, Equatable {
    public var givenBy: String
    public var role: ParticipantRole
    /// What the consent is about ("indhente oplysninger fra egen læge").
    public var about: String
    public var date: LocalDate
    public var given: Bool

    public init(givenBy: String, role: ParticipantRole, about: String, date: LocalDate, given: Bool = true) {
        self.givenBy = givenBy
        self.role = role
        self.about = about
        self.date = date
        self.given = given
    }

    enum CodingKeys: String, CodingKey { case givenBy, role, about, date, given }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        givenBy = try c.decode(String.self, forKey: .givenBy)
        role = try c.decodeIfPresent(ParticipantRole.self, forKey: .role) ?? .custodyHolder
        about = try c.decodeIfPresent(String.self, forKey: .about) ?? ""
        date = try c.decode(LocalDate.self, forKey: .date)
        given = try c.decodeIfPresent(Bool.self, forKey: .given) ?? true
    }
}

/// A recorded screening result (screening): UngMAP, EuropASI or another instrument. The tool stores
/// the instrument's own results and never scores anything itself.
public struct Screening: Codable, Sendable, Equatable {
    /// One score or summary for one of the instrument's areas.
    public struct Score: Codable, Sendable, Equatable {
        public var area: String
        public var value: String

        public init(area: String, value: String) {
            self.area = area
            self.value = value
        }
    }

    public var instrument: String
    public var version: String?
    public var date: LocalDate
    public var scores: [Score]
    public var summary: String?

    public init(
        instrument: String, version: String? = nil, date: LocalDate, scores: [Score] = [], summary: String? = nil
    ) {
        self.instrument = instrument
        self.version = version
        self.date = date
        self.scores = scores
        self.summary = summary
    }

    enum CodingKeys: String, CodingKey { case instrument, version, date, scores, summary }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        instrument = try c.decode(String.self, forKey: .instrument)
        version = try c.decodeIfPresent(String.self, forKey: .version)
        date = try c.decode(LocalDate.self, forKey: .date)
        scores = try c.decodeIfPresent([Score].self, forKey: .scores) ?? []
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
    }
}

/// Stage of substance use (misbrugsfase 1-4), handbook ch. 2. The line between stages is fluid.
public enum UsePhase: Int, Codable, Sendable, Equatable, CaseIterable {
    case experimental = 1
    case problematic = 2
    case misuse = 3
    case dependence = 4

    public var danish: String {
        switch self {
        case .experimental: return "eksperimenterende brug"
        case .problematic: return "problematisk brug"
        case .misuse: return "misbrug"
        case .dependence: return "afhængighed"
        }
    }

    /// "fase 2: problematisk brug".
    public var label: String { "fase \(rawValue): \(danish)" }
}

/// Stage of change (forandringscirklen, Prochaska), handbook ch. 6; relapse is possible in every stage.
public enum StageOfChange: String, Codable, Sendable, Equatable, CaseIterable {
    case precontemplation
    case contemplation
    case preparation
    case action
    case maintenance
    case exit
    case relapse

    public var danish: String {
        switch self {
        case .precontemplation: return "førovervejelse"
        case .contemplation: return "overvejelse"
        case .preparation: return "forberedelse"
        case .action: return "handling"
        case .maintenance: return "vedligeholdelse"
        case .exit: return "afslutning"
        case .relapse: return "tilbagefald"
        }
    }

    public static func parse(_ text: String) -> StageOfChange? {
        let t = text.lowercased()
        return allCases.first { $0.rawValue.lowercased() == t || $0.danish == t }
            ?? (t == "forovervejelse" ? .precontemplation : nil)
    }
}

/// The examination's conclusion (konklusion): is special support needed, and why.
public struct ExaminationConclusion: Codable, Sendable, Equatable {
    public var specialSupportNeeded: Bool
    public var reasons: String
    /// A provisional assessment (foreløbig vurdering) when the 4 months run out before the end.
    public var provisionalAssessment: String?
    /// The date of the decision on support that followed, if any: the 3-month plan deadline runs
    /// from here (BL §§ 91, 108).
    public var decisionDate: LocalDate?

    public init(
        specialSupportNeeded: Bool, reasons: String, provisionalAssessment: String? = nil,
        decisionDate: LocalDate? = nil
    ) {
        self.specialSupportNeeded = specialSupportNeeded
        self.reasons = reasons
        self.provisionalAssessment = provisionalAssessment
        self.decisionDate = decisionDate
    }

    enum CodingKeys: String, CodingKey { case specialSupportNeeded, reasons, provisionalAssessment, decisionDate }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        specialSupportNeeded = try c.decodeIfPresent(Bool.self, forKey: .specialSupportNeeded) ?? false
        reasons = try c.decodeIfPresent(String.self, forKey: .reasons) ?? ""
        provisionalAssessment = try c.decodeIfPresent(String.self, forKey: .provisionalAssessment)
        decisionDate = try c.decodeIfPresent(LocalDate.self, forKey: .decisionDate)
    }
}

/// The role someone takes part in the case with (deltager).
public enum ParticipantRole: String, Codable, Sendable, Equatable, CaseIterable {
    case youngPerson
    case custodyHolder
    case professional
    case supportPerson
    case other

    public var danish: String {
        switch self {
        case .youngPerson: return "den unge"
        case .custodyHolder: return "forældremyndighedsindehaver"
        case .professional: return "fagperson"
        case .supportPerson: return "bisidder"
        case .other: return "andre"
        }
    }
}

/// Someone who took part in the examination or in making the plan, and how (deltagelse).
public struct Participant: Codable, Sendable, Equatable {
    public var name: String
    public var role: ParticipantRole
    /// How they took part ("møde 3. marts", "telefonsamtale").
    public var how: String?
    /// Took part in formulating the goals (BL §§ 91, 109: custody holders and the young person).
    public var formulatedGoals: Bool
    /// Why someone did not take part, where they did not.
    public var note: String?
    /// Gave their consent to the plan (BL § 109 stk. 2 »så vidt muligt ... med samtykke fra
    /// forældremyndighedsindehaveren og den unge«): nil while not recorded.
    public var consentToPlan: Bool?
    /// Why consent was not given, and what was done to obtain it.
    public var consentNote: String?

    public init(
        name: String, role: ParticipantRole, how: String? = nil, formulatedGoals: Bool = false, note: String? = nil,
        consentToPlan: Bool? = nil, consentNote: String? = nil
    ) {
        self.name = name
        self.role = role
        self.how = how
        self.formulatedGoals = formulatedGoals
        self.note = note
        self.consentToPlan = consentToPlan
        self.consentNote = consentNote
    }

    enum CodingKeys: String, CodingKey { case name, role, how, formulatedGoals, note, consentToPlan, consentNote }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        role = try c.decodeIfPresent(ParticipantRole.self, forKey: .role) ?? .other
        how = try c.decodeIfPresent(String.self, forKey: .how)
        formulatedGoals = try c.decodeIfPresent(Bool.self, forKey: .formulatedGoals) ?? false
        note = try c.decodeIfPresent(String.self, forKey: .note)
        consentToPlan = try c.decodeIfPresent(Bool.self, forKey: .consentToPlan)
        consentNote = try c.decodeIfPresent(String.self, forKey: .consentNote)
    }
}
