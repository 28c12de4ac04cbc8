import Foundation

/// The id of every rule a new decision is checked against, as `Finding.ruleID` carries it.
public enum DecisionRuleID: String, Sendable, CaseIterable {
    case dateBeforeRequest = "indsats.dato.henvendelse"
    case expectedEndBeforeStart = "indsats.dato.slut"
    case endedBeforeStart = "indsats.dato.afsluttet"
    case missingStanceReason = "indsats.mangler.grund"
    case missingPurpose = "indsats.mangler.formaal"
    case missingDuration = "indsats.mangler.varighed"
    case missingPlacementGround = "indsats.mangler.grundlag"
    case birthDateUnknown = "indsats.foedselsdato"
    case kindDoesNotFit = "indsats.type"
    case custodyHolderConsent = "indsats.samtykke.foraeldre"
    case youngPersonConsent = "indsats.samtykke.ung"
    case placementConsent = "indsats.samtykke.anbringelse"
    case ownRequestUnder15 = "indsats.47.stk4"
    case ownRequestConsent = "indsats.47.stk4.samtykke"
    case youthSupportPlanRevised = "indsats.111.ungeplan"
    case youthSupportEarly = "indsats.ungestoette.tidlig"
    case anonymousTreatmentMinor = "indsats.101a.under18"
    case consentExceptionNotAllowed = "indsats.37"
    case planBeforePlacement = "indsats.47.plan"
    case examinationBeforePlacement = "indsats.46.undersoegelse"
    case youthSupportPrerequisite = "indsats.ungestoette.forudsaetning"
    case requestDateMissing = "indsats.henvendelse"
    case residentialPrice = "indsats.doegn.pris"
    case residentialAftercare = "indsats.doegn.efterbehandling"
    case plannedStartAfterTreatmentDeadline = "indsats.start.14dage"
    case followUpFromDecisionDate = "indsats.start.opfoelgning"
    case actualStartInvalid = "indsats.dato.ivaerksat"
    case runsPastAdulthood = "indsats.18.fortsaettelse"
    case replacesUnknown = "indsats.mangler.afloeser"
    case adultPlanFactsMissing = "indsats.141.forhold"
    case adultPlanFactsNotAsked = "indsats.141.type"
    case treatmentCondition = "indsats.33.betingelse"
    case placementExamination = "indsats.47.undersoegelse"

    /// The decision's own dates are out of order.
    public var isDate: Bool {
        self == .dateBeforeRequest || self == .expectedEndBeforeStart || self == .endedBeforeStart
    }

    /// A wrong date on the decision itself or a missing answer: bad input (exit 2), not a rule that
    /// failed (exit 1).
    public var isUsage: Bool {
        switch self {
        case .dateBeforeRequest, .expectedEndBeforeStart, .endedBeforeStart, .missingStanceReason, .missingPurpose,
            .missingDuration, .missingPlacementGround, .actualStartInvalid, .replacesUnknown:
            return true
        default: return false
        }
    }
}

/// Everything a decision rule looks at: the new decision and the case around it.
public struct DecisionContext: Sendable {
    public let decision: Decision
    public let file: CaseFile
    /// The young person's age on the decision date, if the birth date is known.
    public let age: Int?

    public init(decision: Decision, in file: CaseFile) {
        self.decision = decision
        self.file = file
        // An anonymous case has no birth date: its age band stands in for the age checks (AUDIT N4).
        self.age =
            file.youngPerson.age(on: decision.decisionDate)
            ?? (file.youngPerson.anonymous ? file.youngPerson.ageBand?.lowestAge : nil)
    }

    public var date: LocalDate { decision.decisionDate }
    public var kind: DecisionKind { decision.kind }
    /// The row the decision rests on.
    public var basisRule: LegalRuleID { DecisionLaw.basis(kind, age: age) }

    /// A finding citing `legal` as it applies on the decision date for the young person's age.
    func finding(_ id: DecisionRuleID, _ severity: Severity, _ message: String, _ legal: LegalRuleID) -> Finding {
        Finding.make(id.rawValue, severity, message, legal: legal, on: date, age: age)
    }

    /// A finding without a paragraph (dates, practice).
    func plain(_ id: DecisionRuleID, _ severity: Severity, _ message: String) -> Finding {
        Finding(ruleID: id.rawValue, severity: severity, message: message)
    }
}

/// One rule for a new decision: returns findings, never prints.
public protocol DecisionRule: Sendable {
    func check(_ c: DecisionContext) -> [Finding]
}

/// Runs the decision rules in a fixed order. The decision's own dates are always checked; a
/// stillingtagen then needs only its reason; otherwise the birth date and whether the kind fits the
/// age and date come first, and when either fails nothing else is checked.
public enum DecisionValidator {
    public static let dateRules: [any DecisionRule] = [
        RequestBeforeDecisionRule(), ExpectedEndRule(), EndedAfterStartRule(), ActualStartDateRule(),
        ReplacesKnownDecisionRule(),
    ]
    public static let stanceRules: [any DecisionRule] = [StanceReasonRule()]
    public static let gateRules: [any DecisionRule] = [BirthDateKnownDecisionRule(), KindFitsAgeAndDateRule()]
    public static let rules: [any DecisionRule] = [
        PurposeAndDurationRule(), SupportConsentRule(), TreatmentConsentRule(), PlacementConsentRule(),
        YouthSupportConsentRule(), PlacementGroundRule(), OwnRequestAgeRule(), OwnRequestConsentRule(),
        PlanBeforePlacementRule(), YouthSupportPlanRevisedRule(), YouthSupportEarlyRule(),
        AnonymousTreatmentMinorRule(),
        ExaminationBeforePlacementRule(), YouthSupportPrerequisiteRule(), TreatmentRequestDateRule(),
        ResidentialTreatmentRule(), PlannedStartAfterTreatmentDeadlineRule(), FollowUpFromDecisionDateRule(),
        RunsPastAdulthoodRule(),
        AdultPlanFactsRule(), TreatmentConditionRule(), WithoutConsentRule(), PlacementWithoutConsentExaminationRule(),
    ]

    public static func validate(_ c: DecisionContext) -> [Finding] {
        var out = dateRules.flatMap { $0.check(c) }
        if c.kind == .planStance { return out + stanceRules.flatMap { $0.check(c) } }
        for gate in gateRules {
            let found = gate.check(c)
            if !found.isEmpty { return out + found }
        }
        out += rules.flatMap { $0.check(c) }
        return out
    }
}

private func isBlank(_ s: String?) -> Bool { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

/// The decision is made on or after the request.
public struct RequestBeforeDecisionRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard let req = c.decision.requestDate, c.date < req else { return [] }
        return [
            c.plain(
                .dateBeforeRequest, .error,
                "Afgørelsen (\(c.date.danishLong)) ligger før henvendelsen (\(req.danishLong)). Ret --dato eller --henvendelse, så afgørelsen er samme dag eller senere."
            )
        ]
    }
}

/// The expected end is not before the start.
public struct ExpectedEndRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard let start = c.decision.start, let end = c.decision.expectedEnd, end < start else { return [] }
        return [
            c.plain(
                .expectedEndBeforeStart, .error,
                "Den forventede slutdato (\(end.danishLong)) ligger før starten (\(start.danishLong)). Ret --slut eller --start."
            )
        ]
    }
}

/// A recorded end is not before the start.
public struct EndedAfterStartRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard let start = c.decision.start, let end = c.decision.end, end.date < start else { return [] }
        return [
            c.plain(
                .endedBeforeStart, .error,
                "Afslutningen (\(end.date.danishLong)) ligger før starten (\(start.danishLong)).")
        ]
    }
}

/// A stillingtagen "no plan" gives its reason.
public struct StanceReasonRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard isBlank(c.decision.reason) else { return [] }
        return [
            c.plain(
                .missingStanceReason, .error,
                "Skriv, hvorfor der ikke skal laves en plan, med --grund \"...\". Stillingtagen skal være begrundet.")
        ]
    }
}

/// Which law applies depends on the age, so the birth date must be known (alcohol treatment under
/// sundhedsloven § 141 has no age limit).
public struct BirthDateKnownDecisionRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        // Anonymous treatment never asks for identity (SEL § 101 a stk. 7, sundhedsloven § 141 stk. 7).
        guard c.age == nil, c.kind != .alcoholTreatment,
            !(c.kind == .anonymousTreatment && c.file.youngPerson.anonymous)
        else { return [] }
        return [
            c.plain(
                .birthDateUnknown, .error,
                "Den unges fødselsdato mangler, så det kan ikke afgøres, hvilken lov afgørelsen følger. Tilføj CPR-nummer eller fødselsdato med 'unge rediger'."
            )
        ]
    }
}

/// Age and date decide which bases are open (LAW.md N1); a refusal names what to choose instead.
public struct KindFitsAgeAndDateRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard let age = c.age else { return [] }
        guard
            let problem = DecisionLaw.ageDateProblem(
                c.kind, age: age, decisionDate: c.date, start: c.decision.start, born: c.file.youngPerson.birthDate)
        else { return [] }
        return [
            c.finding(
                .kindDoesNotFit, .error,
                "\(problem) '\(c.kind.token)' passer ikke. Vælg i stedet \(DecisionLaw.alternatives(c.kind, age: age, on: c.date)).",
                c.basisRule)
        ]
    }
}

/// Purpose and expected duration (BL § 32 stk. 3, § 46 stk. 1, § 47 stk. 2).
public struct PurposeAndDurationRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard c.kind.isSupportMeasure || c.kind.isPlacement else { return [] }
        var out: [Finding] = []
        if isBlank(c.decision.purpose) {
            out.append(
                c.finding(
                    .missingPurpose, .error,
                    "Afgørelsen skal angive formålet med indsatsen. Skriv det med --formaal \"...\".", c.basisRule))
        }
        if (c.decision.expectedDuration ?? "").trimmingCharacters(in: .whitespaces).isEmpty,
            c.decision.expectedEnd == nil
        {
            out.append(
                c.finding(
                    .missingDuration, .error,
                    "Afgørelsen skal angive den forventede varighed. Skriv den med --varighed \"6 måneder\" eller --slut ÅÅÅÅ-MM-DD.",
                    c.basisRule))
        }
        return out
    }
}

/// BL § 32 stk. 2: the custody holder's consent (exceptions §§ 37-39).
public struct SupportConsentRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard c.kind.isSupportMeasure, c.decision.consent(from: .custodyHolder) == nil, !c.decision.withoutConsent
        else { return [] }
        return [
            c.finding(
                .custodyHolderConsent, .warning,
                "Der er ikke registreret samtykke fra forældremyndighedsindehaveren. En støttende indsats kræver det; kun §§ 37-39 giver undtagelser. Registrér det med --samtykke foraeldremyndighed:ÅÅÅÅ-MM-DD.",
                .measures)
        ]
    }
}

/// BL § 33 stk. 2 »Afgørelse efter stk. 1 træffes med samtykke fra forældremyndighedsindehaveren og den
/// unge, der er fyldt 15 år.« No exception (§ 37 covers § 32 only): an error, as for § 46 (AUDIT N24).
public struct TreatmentConsentRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard c.kind.isMinorTreatment else { return [] }
        let need = DecisionLaw.requiredConsents(c.kind, age: c.age)
        var out: [Finding] = []
        if need.contains(.custodyHolder), c.decision.consent(from: .custodyHolder) == nil {
            out.append(
                c.finding(
                    .custodyHolderConsent, .error,
                    "Stofmisbrugsbehandling efter § 33 træffes med samtykke fra forældremyndighedsindehaveren (stk. 2); §§ 37-39 gælder ikke her. Registrér samtykket med --samtykke foraeldremyndighed:ÅÅÅÅ-MM-DD; uden det gemmes afgørelsen ikke.",
                    .drugTreatment))
        }
        if need.contains(.youngPerson), c.decision.consent(from: .youngPerson) == nil {
            out.append(
                c.finding(
                    .youngPersonConsent, .error,
                    "Den unge er \(c.age ?? 0) år, så behandlingen efter § 33 kræver også den unges eget samtykke (stk. 2). Registrér det med --samtykke ung:ÅÅÅÅ-MM-DD; uden det gemmes afgørelsen ikke.",
                    .drugTreatment))
        }
        return out
    }
}

/// BL § 46 stk. 1: the custody holder's and the young person's (from 15) consent; without it the
/// placement is § 47.
public struct PlacementConsentRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard c.kind == .placementWithConsent else { return [] }
        let missing = DecisionLaw.requiredConsents(c.kind, age: c.age).filter { c.decision.consent(from: $0) == nil }
            .map { $0 == .custodyHolder ? "forældremyndighedsindehaveren" : "den unge (fyldt \(LegalAge.ownConsent))" }
        guard !missing.isEmpty else { return [] }
        return [
            c.finding(
                .placementConsent, .error,
                "En anbringelse efter § 46 kræver samtykke fra \(missing.joined(separator: " og ")). Registrér samtykket med --samtykke, eller vælg anbringelse-uden-samtykke (§ 47, børne- og ungeudvalget).",
                .placementWithConsent)
        ]
    }
}

/// BL § 113: ungestøtte with the young person's consent.
public struct YouthSupportConsentRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard c.kind.isYouthSupport, c.decision.consent(from: .youngPerson) == nil else { return [] }
        return [
            c.finding(
                .youngPersonConsent, .warning,
                "Ungestøtte gives med den unges samtykke. Registrér det med --samtykke ung:ÅÅÅÅ-MM-DD.",
                .youthSupportConsent)
        ]
    }
}

/// BL § 47 stk. 1 nr. 1-4 or stk. 4: the ground is given.
public struct PlacementGroundRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard c.kind == .placementWithoutConsent, c.decision.placementGround == nil else { return [] }
        return [
            c.finding(
                .missingPlacementGround, .error,
                "Angiv grundlaget for anbringelsen uden samtykke med --grundlag: 1, 2, 3 (misbrug), 4 eller egen-anmodning (stk. 4).",
                .placementWithoutConsent)
        ]
    }
}

/// BL § 47 stk. 4: at the young person's own request only from 15.
public struct OwnRequestAgeRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard c.kind == .placementWithoutConsent, c.decision.placementGround == .ownRequest,
            let age = c.age, age < LegalAge.ownConsent
        else { return [] }
        return [
            c.finding(
                .ownRequestUnder15, .error,
                "Anbringelse på den unges egen anmodning (stk. 4) kræver, at den unge er fyldt \(LegalAge.ownConsent); den unge er \(age). Vælg et grundlag i stk. 1.",
                .placementWithoutConsent)
        ]
    }
}

/// BL § 91 stk. 2, § 108 stk. 4: the plan exists before a § 47 decision, and it is the plan the young
/// person's age asks for (a barnets plan under 16, an ungeplan from 16: § 108 stk. 4 »skal ungeplanen ...
/// foreligge, inden«); the latest version dated on or before the decision counts (AUDIT N27).
public struct PlanBeforePlacementRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard c.kind == .placementWithoutConsent else { return [] }
        let req = PlanKind.requirement(age: c.age, on: c.date, bases: [.placementWithoutConsent])
        let latest = c.file.actionPlans.filter { $0.date <= c.date && $0.kind.isForMinor }.max {
            ($0.date, $0.version) < ($1.date, $1.version)
        }
        guard let latest else {
            return [
                c.finding(
                    .planBeforePlacement, .error,
                    "Ved anbringelse uden samtykke skal \(req.kind.danishLower) foreligge, før afgørelsen træffes. Lav planen først med 'unge plan \(c.file.id.rawValue)', og registrér så afgørelsen.",
                    req.rule)
            ]
        }
        guard latest.kind != req.kind else { return [] }
        return [
            c.finding(
                .planBeforePlacement, .error,
                "Ved anbringelse uden samtykke skal \(req.kind.danishLower) foreligge, før afgørelsen træffes, men den seneste plan (version \(latest.version), \(latest.date.danishLong)) er \(latest.kind.danishLower). Den unge er \(c.age.map { "\($0) år" } ?? "uden kendt alder"), så lav \(req.kind.danishLower) med 'unge plan \(c.file.id.rawValue)' først.",
                req.rule)
        ]
    }
}

/// BL § 47 stk. 2 »Der kan kun træffes en afgørelse efter stk. 1, når der er begrundet formodning om, at
/// problemerne ikke kan løses under barnets eller den unges fortsatte ophold i hjemmet efter gennemførelse
/// af en undersøgelse, jf. §§ 20 eller 26«: a warning without a completed børnefaglig undersøgelse, as for
/// § 46 (stk. 4, at the young person's own request, is »uanset at betingelserne i stk. 1 ikke er opfyldt«).
public struct PlacementWithoutConsentExaminationRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard c.kind == .placementWithoutConsent, c.decision.placementGround != .ownRequest else { return [] }
        if let exam = c.file.examination, exam.kind == .examination, let done = exam.completedDate, done <= c.date {
            return []
        }
        return [
            c.finding(
                .placementExamination, .warning,
                "En anbringelse uden samtykke efter § 47, stk. 1 forudsætter en gennemført børnefaglig undersøgelse (stk. 2; en afdækning er ikke nok). Der er ingen afsluttet undersøgelse dateret senest \(c.date.danishLong).",
                .placementWithoutConsent)
        ]
    }
}

/// BL § 46 stk. 3: after an examination, or alongside one when særlige forhold.
public struct ExaminationBeforePlacementRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard c.kind == .placementWithConsent, !c.decision.alongsideExamination else { return [] }
        let exam = c.file.examination
        guard exam?.kind != .examination || exam?.completedDate == nil else { return [] }
        return [
            c.finding(
                .examinationBeforePlacement, .warning,
                "En anbringelse efter § 46 forudsætter en afsluttet børnefaglig undersøgelse (en afdækning er ikke nok); akut kan den ske sideløbende med undersøgelsen (--sideloebende).",
                .placementWithConsent)
        ]
    }
}

/// BL § 114: the young person was placed, or had a § 32 contact person, just before 18.
public struct YouthSupportPrerequisiteRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard c.kind.isYouthSupport, c.kind != .youthSupportReestablished else { return [] }
        let before = c.file.decisions.contains {
            $0.kind.isPlacement || $0.kind == .contactPerson || $0.kind == .handbookPlacement
        }
        guard !before else { return [] }
        return [
            c.finding(
                .youthSupportPrerequisite, .warning,
                "Sagen har ingen registreret anbringelse eller fast kontaktperson fra før 18. Ungestøtte forudsætter, at den unge var anbragt (eller havde en kontaktperson efter § 32) lige inden 18-årsdagen.",
                .aftercare)
        ]
    }
}

/// BL § 33 stk. 1, SEL § 101 stk. 4, SUL § 141 stk. 2: treatment is counted from the request.
public struct TreatmentRequestDateRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        let k = c.kind
        guard k.isMinorTreatment || k.isAdultTreatment || k == .alcoholTreatment, c.decision.requestDate == nil
        else { return [] }
        return [
            c.finding(
                .requestDateMissing, .warning,
                "Henvendelsesdatoen mangler. Behandlingen skal iværksættes senest \(LegalPeriod.treatmentDays) dage efter henvendelsen; angiv den med --henvendelse ÅÅÅÅ-MM-DD, så fristen kan beregnes.",
                DecisionLaw.treatmentStartRule(k, age: c.age))
        ]
    }
}

/// Residential treatment: price and aftercare (North Jutland recommendations 7-8; practice, no paragraph).
public struct ResidentialTreatmentRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard c.kind.isResidentialTreatment else { return [] }
        var out: [Finding] = []
        if c.decision.monthlyPrice == nil {
            out.append(
                c.plain(
                    .residentialPrice, .warning,
                    "Prisen pr. måned for døgnbehandlingen er ikke registreret (--pris KR)."
                ))
        }
        if isBlank(c.decision.aftercare) {
            out.append(
                c.plain(
                    .residentialAftercare, .warning,
                    "Der er ikke aftalt efterbehandling efter døgnbehandlingen (--efterbehandling \"...\")."))
        }
        return out
    }
}

/// BL § 47 stk. 4: at the young person's own request »hvis den unge samtykker«; the custody
/// holder's consent is not needed (AUDIT N25).
public struct OwnRequestConsentRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard c.kind == .placementWithoutConsent, c.decision.placementGround == .ownRequest,
            c.decision.consent(from: .youngPerson) == nil
        else { return [] }
        return [
            c.finding(
                .ownRequestConsent, .error,
                "En anbringelse på den unges egen anmodning (§ 47, stk. 4) kræver den unges samtykke. Registrér det med --samtykke ung:ÅÅÅÅ-MM-DD; forældremyndighedsindehaverens samtykke kræves ikke.",
                .placementOwnRequest)
        ]
    }
}

/// An actual start (`--ivaerksat`) has happened: not after the day it is recorded, not before the
/// decision (`EventDate`, the one check of an event's date).
public struct ActualStartDateRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard let started = c.decision.startedOn else { return [] }
        do {
            try EventDate.check(
                started, what: "Den faktiske start (--ivaerksat)", today: DanishTime.date(of: c.decision.recorded),
                notBefore: c.date, notBeforeName: "afgørelsen")
        } catch {
            return [c.plain(.actualStartInvalid, .error, error.description)]
        }
        return []
    }
}

/// A planned treatment start after request + 14 days will not meet the treatment guarantee
/// (BL § 33 stk. 1, SEL § 101 stk. 4, SUL § 141 stk. 2; AUDIT N10): a warning at registration.
public struct PlannedStartAfterTreatmentDeadlineRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        let k = c.kind
        guard k.isMinorTreatment || k.isAdultTreatment || k == .alcoholTreatment, let req = c.decision.requestDate
        else { return [] }
        let due = req.adding(days: LegalPeriod.treatmentDays)
        guard let start = c.decision.startedOn ?? c.decision.start, start > due else { return [] }
        let late = due.days(until: start)
        let what = c.decision.startedOn != nil ? "Behandlingen blev iværksat" : "Den planlagte start er"
        return [
            c.finding(
                .plannedStartAfterTreatmentDeadline, .warning,
                "\(what) \(start.danishLong), \(late == 1 ? "1 dag" : "\(late) dage") efter fristen \(due.danishLong) (senest \(LegalPeriod.treatmentDays) dage efter henvendelsen \(req.danishLong)). Fristen bliver ikke overholdt; find et tidligere tilbud, eller notér hvorfor.",
                DecisionLaw.treatmentStartRule(k, age: c.age))
        ]
    }
}

/// BL § 111 stk. 2 »Kommunalbestyrelsen skal, inden der træffes afgørelse efter stk. 1, i samarbejde med
/// den unge have revideret ungeplanen eller relevante dele af den helhedsorienterede plan«: an ungestøtte
/// decision before 18 for a placed young person needs an ungeplan version dated on or before it (AUDIT N17).
public struct YouthSupportPlanRevisedRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard c.kind.isYouthSupport, LegalAge.isMinor(c.age), c.date >= LegalReferences.barnetsLovEffective,
            DecisionLaw.isPlaced(c.file, before: c.date)
        else { return [] }
        guard !c.file.actionPlans.contains(where: { $0.kind == .ungeplan && $0.date <= c.date }) else { return [] }
        return [
            c.finding(
                .youthSupportPlanRevised, .error,
                "Den unge er anbragt. Før afgørelsen om ungestøtte træffes, skal ungeplanen (eller de relevante dele af den helhedsorienterede plan) være revideret i samarbejde med den unge. Revidér planen med 'unge plan \(c.file.id.rawValue)' dateret senest \(c.date.danishLong), og registrér så afgørelsen.",
                .youthSupportPlanRevised)
        ]
    }
}

/// BL § 111 stk. 1 sets only a latest date (6 months before 18): an ungestøtte decision made earlier
/// than the year before 18 is a warning, never a refusal (AUDIT N31).
public struct YouthSupportEarlyRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard c.kind.isYouthSupport || c.kind == .handbookAftercare, let age = c.age,
            age < DecisionLaw.youthSupportUsualAge
        else { return [] }
        return [
            c.finding(
                .youthSupportEarly, .warning,
                "Den unge er \(age) år. Ungestøtte gives fra \(LegalAge.adult) år og besluttes normalt året før; loven sætter kun en seneste dato (6 måneder før \(LegalAge.adult)-årsdagen), så afgørelsen kan gemmes.",
                c.kind == .handbookAftercare ? .aftercare : .youthSupportDecision)
        ]
    }
}

/// SEL § 101 a stk. 1 sets no age limit (»til personer, der har et behandlingskrævende stofmisbrug, men
/// som ikke har andre sociale problemer«): under 18 a warning that § 33 is the usual basis (AUDIT N3).
public struct AnonymousTreatmentMinorRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard c.kind == .anonymousTreatment, c.date >= LegalReferences.barnetsLovEffective,
            let age = c.age, age < LegalAge.adult
        else { return [] }
        return [
            c.finding(
                .anonymousTreatmentMinor, .warning,
                "Den unge er \(age) år. Serviceloven § 101 a har ingen aldersgrænse, men har den unge også sociale problemer, er grundlaget barnets lov § 33 (behandling-ambulant), som kræver samtykke fra forældremyndighedsindehaveren.",
                .anonymousTreatment)
        ]
    }
}

/// Without an actual start the first follow-up is counted from the decision date until one is
/// recorded (BL § 95 stk. 2 nr. 2 counts from the start): a warning that says so.
public struct FollowUpFromDecisionDateRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        let k = c.kind
        let followed = k.isSupportMeasure || k.isPlacement || k.isYouthSupport || k.isHandbook
        guard followed, c.decision.actualStart == nil else { return [] }
        return [
            c.finding(
                .followUpFromDecisionDate, .warning,
                "Indsatsen er ikke registreret som iværksat. Den første opfølgning regnes fra afgørelsens dato (\(c.date.danishLong)), indtil starten registreres med 'unge indsats \(c.file.id.rawValue) \(c.decision.id) --ivaerksat DATO'.",
                .followUpFirst)
        ]
    }
}

/// Serviceloven § 141 stk. 1 »skønne, om det er hensigtsmæssigt at tilbyde at udarbejde en handleplan«;
/// stk. 2 »skal tilbyde at udarbejde en handleplan, når hjælpen ydes til 1) personer med betydelig nedsat
/// fysisk eller psykisk funktionsevne eller 2) personer med alvorlige sociale problemer, der ikke eller kun
/// med betydelig støtte kan opholde sig i egen bolig, eller som i øvrigt har behov for betydelig støtte for
/// at forbedre de personlige udviklingsmuligheder«. The facts are asked for adult help under afsnit V
/// (§ 101): a warning while they are not recorded; given for another kind, bad input (AUDIT row 20, N8).
public struct AdultPlanFactsRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        let asked = DecisionDocument.asksAdultPlanFacts(c.decision, age: c.age)
        if c.decision.adultPlanFacts != nil, !asked {
            return [
                c.plain(
                    .adultPlanFactsNotAsked, .error,
                    "--handleplan-forhold (serviceloven § 141, stk. 2) gælder kun stofmisbrugsbehandling efter serviceloven § 101 (sel101-ambulant, sel101-doegn) til unge fra \(LegalAge.adult) år. Fjern det."
                )
            ]
        }
        guard asked, c.decision.adultPlanFacts == nil else { return [] }
        return [
            c.finding(
                .adultPlanFactsMissing, .warning,
                "Det er ikke registreret, om den unge har betydeligt nedsat funktionsevne eller alvorlige sociale problemer med behov for betydelig støtte. I så fald skal kommunen tilbyde en handleplan; ellers skønner kommunen (stk. 1). Registrér det med --handleplan-forhold funktionsevne, bolig, udvikling eller ingen.",
                .adultActionPlanMustOffer)
        ]
    }
}

/// BL § 33 stk. 1: treatment »når barnet eller den unge har alvorlige sociale og adfærdsmæssige problemer på
/// grund af stofmisbruget«. Not met: the basis is § 32 stk. 1 nr. 5 (treatment as støttende indsats), an
/// error naming it; not recorded: a warning (AUDIT row 13).
public struct TreatmentConditionRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard c.kind.isMinorTreatment else { return [] }
        switch c.decision.seriousProblemsFromMisuse {
        case true?: return []
        case false?:
            return [
                c.finding(
                    .treatmentCondition, .error,
                    "Behandling efter § 33 forudsætter, at den unge har alvorlige sociale og adfærdsmæssige problemer på grund af stofmisbruget (stk. 1). Er det ikke tilfældet, vælg i stedet familiebehandling (behandling af den unge, § 32, stk. 1, nr. 5).",
                    .treatmentStartMinor)
            ]
        case nil:
            return [
                c.finding(
                    .treatmentCondition, .warning,
                    "Det er ikke registreret, om den unge har alvorlige sociale og adfærdsmæssige problemer på grund af stofmisbruget, som § 33 forudsætter (stk. 1). Registrér det med --alvorlige-problemer ja; er svaret nej, er grundlaget § 32, stk. 1, nr. 5 (familiebehandling).",
                    .treatmentStartMinor)
            ]
        }
    }
}

/// BL § 37 »kan kommunalbestyrelsen træffe afgørelse efter § 32, stk. 1, nr. 1, 3 og 5, for så vidt angår
/// behandling af barnet eller den unge, selv om forældremyndighedsindehaveren ikke samtykker«: only those
/// three measures (before 2024 serviceloven § 56 for § 52); never § 33, whose stk. 2 requires consent (AUDIT N26).
public struct WithoutConsentRule: DecisionRule {
    public init() {}
    public static let allowed: Set<DecisionKind> = [.dayCare, .contactPerson, .familyTreatment, .handbookMeasure]
    public func check(_ c: DecisionContext) -> [Finding] {
        guard c.decision.withoutConsent, !Self.allowed.contains(c.kind) else { return [] }
        let instead =
            c.kind.isMinorTreatment
            ? " Behandling efter § 33 træffes altid med samtykke (§ 33, stk. 2); uden samtykke kan behandlingen besluttes som familiebehandling (§ 32, stk. 1, nr. 5) efter § 37."
            : ""
        return [
            c.finding(
                .consentExceptionNotAllowed, .error,
                "Uden forældremyndighedsindehaverens samtykke kan kommunen kun træffe afgørelse efter § 32, stk. 1, nr. 1, 3 og 5 om behandling af den unge (dagtilbud, kontaktperson eller familiebehandling); '\(c.kind.token)' kan ikke.\(instead)",
                .treatmentWithoutConsent)
        ]
    }
}
