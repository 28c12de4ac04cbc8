import Foundation

/// What a decision (afgørelse) grants: a closed list, one case per measure the law names.
///
/// The legal basis is never typed by hand: it follows from the kind, the young person's age and the
/// decision's date through `DecisionLaw` and the legal-reference table.
public enum DecisionKind: String, Codable, Sendable, Equatable, CaseIterable {
    // Barnets lov § 32, stk. 1, nr. 1-8 (støttende indsatser, under 18).
    case dayCare
    case practicalSupport
    case contactPerson
    case internship
    case familyTreatment
    case familyResidential
    case respiteStay
    case otherSupport
    // Barnets lov § 33 (social stofmisbrugsbehandling, under 18).
    case treatmentOutpatient
    case treatmentResidential
    // Barnets lov §§ 46 and 47 (anbringelse).
    case placementWithConsent
    case placementWithoutConsent
    // Barnets lov §§ 114-116 and 120 (ungestøtte, 18-22).
    case youthSupportResidential
    case youthSupportContactPerson
    case youthSupportTransition
    case youthSupportOther
    case youthSupportReestablished
    case maintainedPlacement
    // Adults: serviceloven § 101, § 101 a; sundhedsloven § 141 (any age).
    case adultTreatmentOutpatient
    case adultTreatmentResidential
    case anonymousTreatment
    case alcoholTreatment
    // Before 2024: serviceloven § 52, § 52 stk. 3 nr. 7 / § 58, § 76.
    case handbookMeasure
    case handbookPlacement
    case handbookAftercare
    /// The municipality's stillingtagen: "no plan is needed, because ..." (BL § 91 stk. 1, § 108 stk. 1).
    case planStance

    /// Everything that is fixed about a kind, from the one table `descriptor` below: the word the
    /// user types, the Danish name, the group it belongs to and (for § 32) its number.
    public var descriptor: DecisionKindDescriptor {
        typealias D = DecisionKindDescriptor
        switch self {
        case .dayCare:
            return D("dagtilbud", "Ophold i dagtilbud, ungdomsklub, uddannelsessted el.lign.", .supportMeasure(1))
        case .practicalSupport:
            return D("hjemmestoette", "Praktisk, pædagogisk eller anden støtte i hjemmet", .supportMeasure(2))
        case .contactPerson: return D("kontaktperson", "Fast kontaktperson", .supportMeasure(3))
        case .internship: return D("praktik", "Praktiktilbud hos en arbejdsgiver", .supportMeasure(4))
        case .familyTreatment:
            return D("familiebehandling", "Familiebehandling eller behandling af den unge", .supportMeasure(5))
        case .familyResidential: return D("familieanbringelse", "Døgnophold for hele familien", .supportMeasure(6))
        case .respiteStay: return D("stoetteophold", "Støtteophold", .supportMeasure(7))
        case .otherSupport:
            return D(
                "anden-hjaelp", "Anden hjælp (rådgivning, behandling, praktisk og pædagogisk støtte)",
                .supportMeasure(8))
        case .treatmentOutpatient: return D("behandling-ambulant", "Stofmisbrugsbehandling, ambulant", .minorTreatment)
        case .treatmentResidential:
            return D("behandling-doegn", "Stofmisbrugsbehandling, døgnbehandling", .minorTreatment, residential: true)
        case .placementWithConsent:
            return D(
                "anbringelse", "Anbringelse uden for hjemmet med samtykke", .placement, basis: .placementWithConsent)
        case .placementWithoutConsent:
            return D(
                "anbringelse-uden-samtykke", "Anbringelse uden for hjemmet uden samtykke", .placement,
                basis: .placementWithoutConsent)
        case .youthSupportResidential:
            return D("ungestoette-doegnophold", "Ungestøtte: opretholdt døgnophold", .youthSupport)
        case .youthSupportContactPerson:
            return D("ungestoette-kontaktperson", "Ungestøtte: fast kontaktperson", .youthSupport)
        case .youthSupportTransition:
            return D("ungestoette-udslusning", "Ungestøtte: udslusningsordning", .youthSupport)
        case .youthSupportOther:
            return D("ungestoette-anden", "Ungestøtte: anden støtte til overgangen til voksenlivet", .youthSupport)
        case .youthSupportReestablished:
            return D("ungestoette-genetableret", "Ungestøtte tildelt eller genetableret", .youthSupport)
        case .maintainedPlacement: return D("opretholdt-anbringelse", "Opretholdt anbringelse", .youthSupport)
        case .adultTreatmentOutpatient:
            return D("sel101-ambulant", "Stofmisbrugsbehandling for voksne, ambulant", .adultTreatment)
        case .adultTreatmentResidential:
            return D(
                "sel101-doegn", "Stofmisbrugsbehandling for voksne, døgnbehandling", .adultTreatment, residential: true)
        case .anonymousTreatment:
            return D("sel101a-anonym", "Anonym, ambulant stofmisbrugsbehandling", .anonymousTreatment)
        case .alcoholTreatment: return D("alkohol", "Alkoholbehandling", .alcoholTreatment)
        case .handbookMeasure:
            return D("sel52", "Foranstaltning efter serviceloven (før 2024)", .handbook, basis: .measures)
        case .handbookPlacement:
            return D("sel52-anbringelse", "Anbringelse efter serviceloven (før 2024)", .handbook, basis: .placement)
        case .handbookAftercare: return D("sel76-eftervaern", "Efterværn (før 2024)", .handbook, basis: .aftercare)
        case .planStance: return D("ingen-plan", "Stillingtagen: ingen plan", .planStance)
        }
    }

    /// The word the user types (`--type`), e.g. `kontaktperson`, `anbringelse-uden-samtykke`.
    public var token: String { descriptor.token }

    /// The name in Danish, as documents and lists show it.
    public var danishName: String { descriptor.danishName }

    /// The kind for a typed word (token or raw value), or nil.
    public static func parse(_ text: String) -> DecisionKind? {
        let t = text.lowercased().replacingOccurrences(of: "ø", with: "oe").replacingOccurrences(of: "æ", with: "ae")
            .replacingOccurrences(of: "å", with: "aa")
        return allCases.first { $0.token == t || $0.rawValue.lowercased() == t }
    }

    /// The group the kind belongs to.
    public var group: DecisionKindDescriptor.Group { descriptor.group }

    /// BL § 32 stk. 1 nr. 1-8.
    public var isSupportMeasure: Bool { supportNumber != nil }

    /// BL § 32 stk. 1: the number (nr.) of the measure, 1-8.
    public var supportNumber: Int? {
        if case .supportMeasure(let n) = group { return n }
        return nil
    }

    /// BL § 33.
    public var isMinorTreatment: Bool { group == .minorTreatment }
    /// BL §§ 46 and 47.
    public var isPlacement: Bool { group == .placement }
    /// BL §§ 114-116 and 120.
    public var isYouthSupport: Bool { group == .youthSupport }
    /// Serviceloven § 101 (not § 101 a).
    public var isAdultTreatment: Bool { group == .adultTreatment }
    /// The pre-2024 serviceloven measures.
    public var isHandbook: Bool { group == .handbook }
    /// Residential treatment: price and aftercare are recorded (North Jutland recommendations 7-8).
    public var isResidentialTreatment: Bool { descriptor.residential }
    /// Any treatment of misuse.
    public var isTreatment: Bool {
        switch group {
        case .minorTreatment, .adultTreatment, .anonymousTreatment, .alcoholTreatment: return true
        default: return false
        }
    }
    /// Barnets lov's kinds (in force from 1 January 2024).
    public var isBarnetsLov: Bool { isSupportMeasure || isMinorTreatment || isPlacement || isYouthSupport }
}

/// One row of the decision-kind table (`DecisionKind.descriptor`).
public struct DecisionKindDescriptor: Sendable, Equatable {
    /// The law a kind belongs to.
    public enum Group: Sendable, Equatable {
        /// BL § 32 stk. 1 with its nr.
        case supportMeasure(Int)
        /// BL § 33.
        case minorTreatment
        /// BL §§ 46-47.
        case placement
        /// BL §§ 114-116, 120.
        case youthSupport
        /// SEL § 101.
        case adultTreatment
        /// SEL § 101 a.
        case anonymousTreatment
        /// SUL § 141.
        case alcoholTreatment
        /// SEL §§ 52, 58, 76 before 2024.
        case handbook
        /// The stillingtagen "no plan".
        case planStance
    }

    public let token: String
    public let danishName: String
    public let group: Group
    /// Residential treatment (price and aftercare are recorded).
    public let residential: Bool
    /// The row of the legal-reference table the kind rests on; nil for the stillingtagen, whose row
    /// follows from the plan the age requires (`DecisionLaw.basis`).
    public let basis: LegalRuleID?

    init(_ token: String, _ danishName: String, _ group: Group, residential: Bool = false, basis: LegalRuleID? = nil) {
        self.token = token
        self.danishName = danishName
        self.group = group
        self.residential = residential
        switch group {
        case .supportMeasure: self.basis = basis ?? .measures
        case .minorTreatment, .adultTreatment: self.basis = basis ?? .drugTreatment
        case .youthSupport: self.basis = basis ?? .aftercare
        case .anonymousTreatment: self.basis = basis ?? .anonymousTreatment
        case .alcoholTreatment: self.basis = basis ?? .alcoholTreatment
        case .placement, .handbook, .planStance: self.basis = basis
        }
    }
}

/// The ground of a § 47 placement without consent (stk. 1 nr. 1-4), or stk. 4: at the young
/// person's own request from 15.
public enum PlacementGround: String, Codable, Sendable, Equatable, CaseIterable {
    case insufficientCare
    case abuse
    case misuse
    case behaviour
    case ownRequest

    public var token: String {
        switch self {
        case .insufficientCare: return "omsorg"
        case .abuse: return "overgreb"
        case .misuse: return "misbrug"
        case .behaviour: return "adfaerd"
        case .ownRequest: return "egen-anmodning"
        }
    }

    /// "§ 47, stk. 1, nr. 3 (misbrugsproblemer, kriminel adfærd eller andre svære sociale vanskeligheder)".
    public var danish: String {
        switch self {
        case .insufficientCare: return "stk. 1, nr. 1: utilstrækkelig omsorg eller behandling"
        case .abuse: return "stk. 1, nr. 2: overgreb"
        case .misuse:
            return "stk. 1, nr. 3: misbrugsproblemer, kriminel adfærd eller andre svære sociale vanskeligheder"
        case .behaviour: return "stk. 1, nr. 4: andre adfærds- eller tilpasningsproblemer"
        case .ownRequest: return "stk. 4: på den unges egen anmodning (fra 15 år)"
        }
    }

    public static func parse(_ text: String) -> PlacementGround? {
        let t = text.lowercased()
        switch t {
        case "1", "nr1", "nr. 1": return .insufficientCare
        case "2", "nr2", "nr. 2": return .abuse
        case "3", "nr3", "nr. 3": return .misuse
        case "4", "nr4", "nr. 4": return .behaviour
        case "stk4", "stk. 4": return .ownRequest
        default: return allCases.first { $0.token == t || $0.rawValue.lowercased() == t }
        }
    }
}

/// Who gave (or refused) consent.
public enum ConsentGiver: String, Codable, Sendable, Equatable, CaseIterable {
    /// The custody holder (forældremyndighedsindehaver).
    case custodyHolder
    /// The young person (from 15 for §§ 33, 46; the adult for ungestøtte, § 113).
    case youngPerson

    public var danish: String { self == .custodyHolder ? "forældremyndighedsindehaver" : "den unge" }

    public static func parse(_ text: String) -> ConsentGiver? {
        switch text.lowercased() {
        case "forældremyndighed", "foraeldremyndighed", "forældre", "foraeldre", "mor", "far", "custodyholder":
            return .custodyHolder
        case "ung", "unge", "den-unge", "youngperson": return .youngPerson
        default: return nil
        }
    }
}

/// A consent with its date (samtykke).
public struct DecisionConsent: Codable, Sendable, Equatable {
    public var giver: ConsentGiver
    /// Who, by name or role ("mor", "Karen Holm"), if recorded.
    public var name: String?
    public var date: LocalDate
    /// False when consent was refused.
    public var given: Bool

    public init(giver: ConsentGiver, name: String? = nil, date: LocalDate, given: Bool = true) {
        self.giver = giver
        self.name = name
        self.date = date
        self.given = given
    }

    enum CodingKeys: String, CodingKey { case giver, name, date, given }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        giver = try c.decode(ConsentGiver.self, forKey: .giver)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        date = try c.decode(LocalDate.self, forKey: .date)
        given = try c.decodeIfPresent(Bool.self, forKey: .given) ?? true
    }
}

/// Serviceloven § 141 stk. 2: the facts that turn the offer of a handleplan into a duty, asked when
/// an adult gets help under serviceloven afsnit V (§ 101). Stk. 1 »skønne, om det er hensigtsmæssigt
/// at tilbyde«; stk. 2 »skal tilbyde ... 1) personer med betydelig nedsat fysisk eller psykisk
/// funktionsevne eller 2) personer med alvorlige sociale problemer, der ikke eller kun med betydelig
/// støtte kan opholde sig i egen bolig, eller som i øvrigt har behov for betydelig støtte for at
/// forbedre de personlige udviklingsmuligheder« (AUDIT row 20, N8).
public enum AdultPlanFacts: String, Codable, Sendable, Equatable, CaseIterable {
    /// Stk. 2 nr. 1: considerably reduced physical or mental function.
    case reducedFunction
    /// Stk. 2 nr. 2: serious social problems; cannot live in own home, or only with considerable support.
    case cannotLiveAlone
    /// Stk. 2 nr. 2: serious social problems and otherwise a need for considerable support to improve
    /// the personal possibilities of development.
    case needsConsiderableSupport
    /// None of these: stk. 1, the municipality judges whether to offer a plan.
    case none

    /// The word the user types (`--handleplan-forhold`).
    public var token: String {
        switch self {
        case .reducedFunction: return "funktionsevne"
        case .cannotLiveAlone: return "bolig"
        case .needsConsiderableSupport: return "udvikling"
        case .none: return "ingen"
        }
    }

    /// The fact in plain Danish, close to the statute's words.
    public var danish: String {
        switch self {
        case .reducedFunction: return "betydeligt nedsat fysisk eller psykisk funktionsevne"
        case .cannotLiveAlone:
            return "alvorlige sociale problemer og kan ikke eller kun med betydelig støtte bo i egen bolig"
        case .needsConsiderableSupport:
            return
                "alvorlige sociale problemer og behov for betydelig støtte for at forbedre de personlige udviklingsmuligheder"
        case .none: return "ingen af forholdene i stk. 2"
        }
    }

    /// The stk. and nr. of serviceloven § 141 the fact points to.
    public var pinpoint: String {
        switch self {
        case .reducedFunction: return "stk. 2, nr. 1"
        case .cannotLiveAlone, .needsConsiderableSupport: return "stk. 2, nr. 2"
        case .none: return "stk. 1"
        }
    }

    /// True when the municipality must offer the plan (stk. 2).
    public var mustOffer: Bool { self != .none }

    public static func parse(_ text: String) -> AdultPlanFacts? {
        let t = text.lowercased()
        switch t {
        case "1", "nr1", "nr. 1": return .reducedFunction
        case "nej", "stk1", "stk. 1": return AdultPlanFacts.none
        default: return allCases.first { $0.token == t || $0.rawValue.lowercased() == t }
        }
    }
}

/// Where a decision stands on a date.
public enum DecisionStatus: String, Codable, Sendable, Equatable {
    case planned
    case active
    case ended

    public var danish: String {
        switch self {
        case .planned: return "planlagt"
        case .active: return "i gang"
        case .ended: return "afsluttet"
        }
    }
}

/// Why a decided measure did not start (`unge indsats <sag> <id> --ikke-ivaerksat --grund`).
public enum NonStartCause: String, Codable, Sendable, Equatable, CaseIterable {
    /// The young person (or the custody holder) declined the measure: a lawful non-start.
    case declined
    /// The person chose another treatment offer (frit valg, serviceloven § 101 stk. 6): lawful.
    case otherOffer
    /// No place was available: the municipality's duty stands; the deadline stays overdue.
    case noPlace
    /// Another reason: the deadline stays as it is.
    case other

    /// The word the user types (`--aarsag`).
    public var token: String {
        switch self {
        case .declined: return "fravalgt"
        case .otherOffer: return "andet-tilbud"
        case .noPlace: return "ingen-plads"
        case .other: return "andet"
        }
    }

    /// True when the non-start ends the duty to start (the deadline lapses with the reason).
    public var isLawful: Bool { self == .declined || self == .otherOffer }

    /// The cause a reason text names, when `--aarsag` is not given: "ingen plads", "venteliste" →
    /// no place; "andet tilbud", "frit valg" → another offer; "ønsker ikke", "takkede nej",
    /// "afslog", "fravalgt" → declined; else other.
    public static func infer(from reason: String) -> NonStartCause {
        let t = reason.lowercased()
        if ["ingen plads", "ikke plads", "venteliste", "ledig plads"].contains(where: t.contains) { return .noPlace }
        if ["andet tilbud", "andet behandlingstilbud", "frit valg", "frie valg", "101, stk. 6", "101 stk. 6"]
            .contains(where: t.contains)
        {
            return .otherOffer
        }
        if ["ønsker ikke", "vil ikke", "takke", "nej tak", "afslå", "afslog", "fravalg", "sagde nej", "trak samtykke"]
            .contains(where: t.contains)
        {
            return .declined
        }
        return .other
    }

    public static func parse(_ text: String) -> NonStartCause? {
        let t = text.lowercased()
        return allCases.first { $0.token == t || $0.rawValue.lowercased() == t }
    }
}

/// A recorded non-start: the day it was settled, why, and the cause.
public struct DecisionNonStart: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var reason: String
    public var cause: NonStartCause

    public init(date: LocalDate, reason: String, cause: NonStartCause) {
        self.date = date
        self.reason = reason
        self.cause = cause
    }
}

/// How and why a decision's measure ended.
public struct DecisionEnd: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var reason: String
    /// For drug treatment: the end status SMDB asks for (stoffri / reduceret-stabiliseret / andet).
    public var status: TreatmentEndStatus?

    public init(date: LocalDate, reason: String, status: TreatmentEndStatus? = nil) {
        self.date = date
        self.reason = reason
        self.status = status
    }
}

/// A decision (afgørelse) on the case: a measure with its dates, purpose, consents and provider,
/// or the municipality's stillingtagen that no plan is needed.
public struct Decision: Codable, Sendable, Equatable {
    /// Stable within the case: `A1`, `A2`, ...
    public var id: String
    public var kind: DecisionKind
    /// § 47 only: the ground.
    public var placementGround: PlacementGround?
    /// The request (henvendelse) the law counts from (BL § 33, SEL § 101 stk. 4, SUL § 141 stk. 2).
    public var requestDate: LocalDate?
    public var decisionDate: LocalDate
    /// When the measure is planned to start (`--start`): a plan, not a fact. See `actualStart`.
    public var start: LocalDate?
    /// The day the measure actually started (`--ivaerksat`), recorded as a fact.
    public var startedOn: LocalDate?
    /// Recorded when the measure did not start (`--ikke-ivaerksat --grund`).
    public var notStarted: DecisionNonStart?
    /// True for a decision registered since `--ivaerksat` exists: its `start` is only a plan. A
    /// decision from an older store (false) reads its `start` as the start, as it was then meant.
    public var startIsPlanned: Bool {
        get { startPlanned ?? false }
        set { startPlanned = newValue ? true : nil }
    }
    /// Stored only when true, so an older decision is written back unchanged.
    var startPlanned: Bool?
    /// Expected duration in words ("6 måneder"), as the decision states it (BL § 32 stk. 3).
    public var expectedDuration: String?
    /// Expected end date, if known.
    public var expectedEnd: LocalDate?
    /// The purpose (formål).
    public var purpose: String
    public var consents: [DecisionConsent]
    /// Provider (leverandør / behandlingssted / anbringelsessted).
    public var provider: String?
    /// Residential treatment: price per month in whole kroner.
    public var monthlyPrice: Int?
    /// Residential treatment: the agreed aftercare (efterbehandling).
    public var aftercare: String?
    /// A placement made alongside an examination (akut/foreløbig, BL § 46 stk. 3).
    public var alongsideExamination: Bool
    /// For `.youthSupportReestablished` (BL § 116): the § 114 measure granted or re-established
    /// (one of the four ungestøtte kinds of § 114 stk. 1), if recorded.
    public var reestablishedMeasure: DecisionKind?
    /// Adult help under serviceloven afsnit V (§ 101): the § 141 stk. 2 facts, when asked (AUDIT N8).
    public var adultPlanFacts: AdultPlanFacts?
    /// BL § 33 stk. 1 »når barnet eller den unge har alvorlige sociale og adfærdsmæssige problemer på grund af
    /// stofmisbruget«: whether the condition is met, when asked (AUDIT row 13).
    public var seriousProblemsFromMisuse: Bool?
    /// BL § 37: a § 32 stk. 1 nr. 1, 3 or 5 decision on treatment made although the custody holder does
    /// not consent (before 2024 serviceloven § 56). Stored only when true.
    public var withoutConsent: Bool {
        get { withoutConsentStored ?? false }
        set { withoutConsentStored = newValue ? true : nil }
    }
    var withoutConsentStored: Bool?
    /// For `.planStance`: why no plan is made.
    public var reason: String?
    /// For `.planStance`: the decision it concerns, if one.
    public var concerns: String?
    /// Set when the measure ended.
    public var end: DecisionEnd?
    /// The decision this one replaces (`--afloeser A1`), e.g. the ungestøtte after a § 32 contact
    /// person at 18. The replaced decision's documents show the link back.
    public var replaces: String?
    /// Who recorded it, and when.
    public var author: String
    public var recorded: Date

    public init(
        id: String, kind: DecisionKind, decisionDate: LocalDate, purpose: String = "", author: String, recorded: Date,
        placementGround: PlacementGround? = nil, requestDate: LocalDate? = nil, start: LocalDate? = nil,
        expectedDuration: String? = nil, expectedEnd: LocalDate? = nil, consents: [DecisionConsent] = [],
        provider: String? = nil, monthlyPrice: Int? = nil, aftercare: String? = nil,
        alongsideExamination: Bool = false, reason: String? = nil, concerns: String? = nil, end: DecisionEnd? = nil,
        reestablishedMeasure: DecisionKind? = nil, startedOn: LocalDate? = nil, notStarted: DecisionNonStart? = nil,
        replaces: String? = nil
    ) {
        self.replaces = replaces
        self.reestablishedMeasure = reestablishedMeasure
        self.startedOn = startedOn
        self.notStarted = notStarted
        self.id = id
        self.kind = kind
        self.placementGround = placementGround
        self.requestDate = requestDate
        self.decisionDate = decisionDate
        self.start = start
        self.expectedDuration = expectedDuration
        self.expectedEnd = expectedEnd
        self.purpose = purpose
        self.consents = consents
        self.provider = provider
        self.monthlyPrice = monthlyPrice
        self.aftercare = aftercare
        self.alongsideExamination = alongsideExamination
        self.reason = reason
        self.concerns = concerns
        self.end = end
        self.author = author
        self.recorded = recorded
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, placementGround, requestDate, decisionDate, start, expectedDuration, expectedEnd, purpose
        case consents, provider, monthlyPrice, aftercare, alongsideExamination, reason, concerns, end, author, recorded
        case reestablishedMeasure
        case startedOn, notStarted
        case startPlanned
        case replaces
        case adultPlanFacts, seriousProblemsFromMisuse
        case withoutConsentStored = "withoutConsent"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(DecisionKind.self, forKey: .kind)
        placementGround = try c.decodeIfPresent(PlacementGround.self, forKey: .placementGround)
        requestDate = try c.decodeIfPresent(LocalDate.self, forKey: .requestDate)
        decisionDate = try c.decode(LocalDate.self, forKey: .decisionDate)
        start = try c.decodeIfPresent(LocalDate.self, forKey: .start)
        expectedDuration = try c.decodeIfPresent(String.self, forKey: .expectedDuration)
        expectedEnd = try c.decodeIfPresent(LocalDate.self, forKey: .expectedEnd)
        purpose = try c.decodeIfPresent(String.self, forKey: .purpose) ?? ""
        consents = try c.decodeIfPresent([DecisionConsent].self, forKey: .consents) ?? []
        provider = try c.decodeIfPresent(String.self, forKey: .provider)
        monthlyPrice = try c.decodeIfPresent(Int.self, forKey: .monthlyPrice)
        aftercare = try c.decodeIfPresent(String.self, forKey: .aftercare)
        alongsideExamination = try c.decodeIfPresent(Bool.self, forKey: .alongsideExamination) ?? false
        reestablishedMeasure = try c.decodeIfPresent(DecisionKind.self, forKey: .reestablishedMeasure)
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
        concerns = try c.decodeIfPresent(String.self, forKey: .concerns)
        end = try c.decodeIfPresent(DecisionEnd.self, forKey: .end)
        startedOn = try c.decodeIfPresent(LocalDate.self, forKey: .startedOn)
        notStarted = try c.decodeIfPresent(DecisionNonStart.self, forKey: .notStarted)
        startPlanned = try c.decodeIfPresent(Bool.self, forKey: .startPlanned)
        replaces = try c.decodeIfPresent(String.self, forKey: .replaces)
        adultPlanFacts = try c.decodeIfPresent(AdultPlanFacts.self, forKey: .adultPlanFacts)
        seriousProblemsFromMisuse = try c.decodeIfPresent(Bool.self, forKey: .seriousProblemsFromMisuse)
        withoutConsentStored = try c.decodeIfPresent(Bool.self, forKey: .withoutConsentStored)
        author = try c.decodeIfPresent(String.self, forKey: .author) ?? ""
        recorded = try c.decodeIfPresent(Date.self, forKey: .recorded) ?? Date(timeIntervalSince1970: 0)
    }

    /// The day the measure actually started, never a planned date: `startedOn` (`--ivaerksat`). A
    /// decision from a store written before `--ivaerksat` (`startIsPlanned` false) reads its `start`
    /// as it was meant then; a state judged before that day still ignores it (`Deadline.status` never
    /// counts a moment after now). None once a non-start is recorded.
    public var actualStart: LocalDate? {
        if let startedOn { return startedOn }
        if notStarted != nil || startIsPlanned { return nil }
        return start
    }

    /// The day the decision is presumed to run from to trigger duties only (BL § 137; AUDIT row 24):
    /// the actual start, else the decision date. Never meets a deadline, never sets a status.
    public var presumedStart: LocalDate? {
        if notStarted != nil { return nil }
        return actualStart ?? decisionDate
    }

    /// Planned until it actually started (`actualStart`), active from then, ended from its end.
    public func status(on date: LocalDate) -> DecisionStatus {
        if let end, end.date <= date { return .ended }
        guard let start = actualStart, start <= date else { return .planned }
        return .active
    }

    /// True when the measure is presumed running on `date` for the duties a running measure
    /// triggers (BL § 137): from the actual start, or without one from the decision date.
    public func isPresumedRunning(on date: LocalDate) -> Bool {
        if let end, end.date <= date { return false }
        guard let from = presumedStart else { return false }
        return from <= date
    }

    /// True when the measure is running on `date`.
    public func isRunning(on date: LocalDate) -> Bool { status(on: date) == .active }

    /// The kinds the plan choice looks at: the decision's own, and for § 116 the § 114 measure it
    /// re-establishes (a re-established døgnophold makes the ungeplan mandatory, § 108 stk. 2).
    public var planBasisKinds: [DecisionKind] {
        [kind] + (kind == .youthSupportReestablished ? [reestablishedMeasure].compactMap { $0 } : [])
    }

    /// The consent from `giver`, if recorded and given.
    public func consent(from giver: ConsentGiver) -> DecisionConsent? {
        consents.first { $0.giver == giver && $0.given }
    }
}
