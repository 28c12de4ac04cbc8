import Foundation

/// Everything a plan rule looks at: the plan version being checked and the case around it.
public struct PlanContext: Sendable {
    public let plan: ActionPlan
    public let youngPerson: YoungPerson
    public let network: Network
    public let examination: Examination?
    /// Versions saved before this one, oldest first.
    public let previousPlans: [ActionPlan]
    /// The decisions the plan rests on (`DecisionLaw.planBases`).
    public let decisions: [Decision]

    public init(
        plan: ActionPlan, youngPerson: YoungPerson, network: Network = Network(), examination: Examination? = nil,
        previousPlans: [ActionPlan] = [], decisions: [Decision] = []
    ) {
        self.plan = plan
        self.youngPerson = youngPerson
        self.network = network
        self.examination = examination
        self.previousPlans = previousPlans
        self.decisions = decisions
    }

    /// The context for a plan in a case (earlier versions are those with a lower version number).
    public init(plan: ActionPlan, in caseFile: CaseFile) {
        self.init(
            plan: plan, youngPerson: caseFile.youngPerson, network: caseFile.network,
            examination: caseFile.examination,
            previousPlans: caseFile.actionPlans.filter { $0.version < plan.version || plan.version == 0 },
            decisions: DecisionLaw.planBases(caseFile.decisions, on: plan.date))
    }

    public var date: LocalDate { plan.date }
    /// The young person's age on the plan's date, if the birth date is known.
    public var age: Int? { youngPerson.age(on: plan.date) }
    /// What the law asks for on that date, given the decisions the plan rests on.
    public var requirement: PlanRequirement {
        PlanKind.requirement(age: age, on: plan.date, decisions: decisions)
    }
    /// The plan the law requires on that date.
    public var requiredKind: PlanKind { requirement.kind }
    public var isMinor: Bool { (age ?? 0) < 18 }
    /// 18+ and the young person declined the offer: the plan only documents the offer.
    public var isDeclined: Bool { !isMinor && plan.offer?.response == .declined }

    /// A finding citing `legal` as it applies on the plan's date for the young person's age.
    func finding(_ id: String, _ severity: Severity, _ message: String, _ legal: LegalRuleID) -> Finding {
        Finding.make(id, severity, message, legal: legal, on: date, age: age)
    }
}

/// One validation rule for a plan (handleplan / barnets plan / ungeplan): returns findings, never prints.
public protocol PlanRule: Sendable {
    func check(_ context: PlanContext) -> [Finding]
}

/// Runs every plan rule in a fixed order; errors first, then warnings, each group in rule order.
public enum PlanValidator {
    public static let rules: [any PlanRule] = [
        BirthDateKnownRule(), PlanKindRule(), ExaminationRecordedRule(), AdultOfferRule(), AdultBasisRule(),
        PurposeRule(), GoalsRule(), GoalIDsRule(), MeasuresRule(), OtherMattersRule(), FamilySupportRule(),
        TransitionGoalsRule(),
        YoungPersonParticipationRule(), CustodyHolderParticipationRule(), UngeplanConsentRule(), FollowUpRule(),
        GoalAreaRule(),
        OwnWordsRule(), StopGoalRule(),
    ]

    public static func validate(_ context: PlanContext) -> [Finding] {
        let all = rules.flatMap { $0.check(context) }
        return all.filter { $0.severity == .error } + all.filter { $0.severity == .warning }
    }

    public static func validate(_ plan: ActionPlan, in caseFile: CaseFile) -> [Finding] {
        validate(PlanContext(plan: plan, in: caseFile))
    }
}

private func isBlank(_ s: String?) -> Bool {
    (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
}

/// The plan kind depends on age, so the birth date must be known.
public struct BirthDateKnownRule: PlanRule {
    public init() {}
    public func check(_ c: PlanContext) -> [Finding] {
        guard c.youngPerson.birthDate == nil else { return [] }
        return [
            Finding(
                ruleID: "plan.birthDate", severity: .error,
                message:
                    "Den unges fødselsdato mangler. Uden den kan det ikke afgøres, hvilken plan loven kræver. Tilføj CPR-nummer eller fødselsdato på sagen."
            )
        ]
    }
}

/// The plan's kind must be the one the law requires for the age on the plan's date.
public struct PlanKindRule: PlanRule {
    public init() {}
    public func check(_ c: PlanContext) -> [Finding] {
        guard c.youngPerson.birthDate != nil, c.plan.kind != c.requiredKind else { return [] }
        let req = c.requirement
        let want = req.kind
        // 16-17 on § 32 support: a barnets plan may continue; the ungeplan must be considered.
        if req.barnetsPlanMayContinue, c.plan.kind == .barnetsPlan {
            return [
                c.finding(
                    "plan.kind.ungeplan", .warning,
                    "Den unge er \(c.age ?? 0) år. Barnets plan kan fortsætte, men kommunen skal tage stilling til, om der skal laves en ungeplan med mål for overgangen til voksenlivet.",
                    .ungeplanConsider)
            ]
        }
        return [
            c.finding(
                "plan.kind", .error,
                "Planen er en \(c.plan.kind.title(on: c.date, age: c.age)), men på planens dato (\(c.date.danishLong)) kræver loven en \(want.title(on: c.date, age: c.age)) for en ung på \(c.age ?? 0) år"
                    + (c.decisions.isEmpty
                        ? "."
                        : " med de afgørelser, planen bygger på (\(c.decisions.map(\.id).joined(separator: ", ")))."),
                want == .ungeplan && (c.age ?? 0) >= LegalAge.adult ? .ungeplanContinues : want.legalRule)
        ]
    }
}

/// Under 18: the plan builds on a recorded examination (or afdækning).
public struct ExaminationRecordedRule: PlanRule {
    public init() {}
    public func check(_ c: PlanContext) -> [Finding] {
        guard c.isMinor else { return [] }
        guard let exam = c.examination else {
            return [
                c.finding(
                    "plan.examination", .error,
                    "Der er ikke registreret en børnefaglig undersøgelse eller afdækning. For en ung under 18 skal planen bygge på den. Registrér den med 'unge undersoeg'.",
                    .examination)
            ]
        }
        var out: [Finding] = []
        if exam.completedDate == nil {
            out.append(
                c.finding(
                    "plan.examination.open", .warning,
                    "Undersøgelsen er ikke afsluttet endnu. Planen bygger på det, den har vist indtil nu.", .examination
                ))
        }
        if let concl = exam.conclusion, !concl.specialSupportNeeded {
            out.append(
                c.finding(
                    "plan.examination.noNeed", .warning,
                    "Undersøgelsens konklusion er, at der ikke er behov for særlig støtte. Tjek, at planen stemmer med konklusionen.",
                    .examination))
        }
        return out
    }
}

/// 18+: the plan was offered, and the young person accepted or declined (SEL § 141).
public struct AdultOfferRule: PlanRule {
    public init() {}
    public func check(_ c: PlanContext) -> [Finding] {
        guard !c.isMinor, c.requiredKind == .adultActionPlan else { return [] }
        guard let offer = c.plan.offer else {
            return [
                c.finding(
                    "plan.adultOffer", .error,
                    "Det er ikke registreret, at handleplanen er tilbudt den unge, og om den unge har takket ja eller nej.",
                    c.requirement.rule)
            ]
        }
        switch offer.response {
        case .pending:
            return [
                c.finding(
                    "plan.adultOffer", .error,
                    "Den unge har ikke svaret på tilbuddet om en handleplan. Registrér, om den unge takker ja eller nej.",
                    c.requirement.rule)
            ]
        case .declined:
            return [
                c.finding(
                    "plan.adultOffer.declined", .warning,
                    "Den unge har takket nej til en handleplan. Dokumentet viser kun, at planen er tilbudt.",
                    c.requirement.rule)
            ]
        case .accepted:
            return []
        }
    }
}

/// 18+: the plan rests on the three bases instead of an examination. The three descriptions are the
/// handbook's practice (ch. 7), not serviceloven § 141 (stk. 3 lists only purpose, indsats, duration and
/// other special matters): warnings citing the handbook, never errors (AUDIT row 20).
public struct AdultBasisRule: PlanRule {
    public init() {}
    public func check(_ c: PlanContext) -> [Finding] {
        guard !c.isMinor, !c.isDeclined, c.requiredKind == .adultActionPlan else { return [] }
        let b = c.plan.adultBasis ?? AdultBasis()
        var out: [Finding] = []
        func warn(_ id: String, _ text: String) {
            out.append(Finding(ruleID: id, severity: .warning, message: text + " (håndbogen kap. 7)"))
        }
        if isBlank(b.drugProblem) {
            warn(
                "plan.adultBasis.drugProblem",
                "Beskrivelsen af den unges stofmisbrug og de sociale problemer, det giver, mangler.")
        }
        if isBlank(b.socialSituation) {
            warn(
                "plan.adultBasis.socialSituation",
                "Beskrivelsen af den unges sociale situation med ressourcer og belastninger mangler.")
        }
        if isBlank(b.otherMatters) {
            warn(
                "plan.adultBasis.otherMatters",
                "Andre relevante forhold, fx den unges helbred, mangler. Skriv 'ingen', hvis der ikke er nogen.")
        }
        return out
    }
}

/// Every plan states its purpose (formål).
public struct PurposeRule: PlanRule {
    public init() {}
    public func check(_ c: PlanContext) -> [Finding] {
        guard !c.isDeclined, isBlank(c.plan.purpose) else { return [] }
        return [c.finding("plan.purpose", .error, "Formålet med indsatsen mangler.", c.plan.kind.legalRule)]
    }
}

/// Concrete goals for wellbeing and development (required for minors; expected for adults).
public struct GoalsRule: PlanRule {
    public init() {}
    public func check(_ c: PlanContext) -> [Finding] {
        guard !c.isDeclined else { return [] }
        var out: [Finding] = []
        if c.plan.goals.isEmpty {
            out.append(
                c.finding(
                    "plan.goals", c.isMinor ? .error : .warning,
                    "Planen har ingen konkrete mål for den unges trivsel og udvikling.", c.plan.kind.legalRule))
        }
        for g in c.plan.allGoals where isBlank(g.text) {
            out.append(
                c.finding(
                    "plan.goals", .error, "Mål \(g.id.isEmpty ? "uden nummer" : g.id) har ingen tekst.",
                    c.plan.kind.legalRule))
        }
        return out
    }
}

/// Goal ids must be present and unique: treatment goals point to them.
public struct GoalIDsRule: PlanRule {
    public init() {}
    public func check(_ c: PlanContext) -> [Finding] {
        var seen: Set<String> = []
        var out: [Finding] = []
        for g in c.plan.allGoals {
            if g.id.isEmpty {
                out.append(
                    Finding(
                        ruleID: "plan.goals.id", severity: .error,
                        message: "Målet '\(g.text)' har intet nummer (fx M1)."))
            } else if !seen.insert(g.id).inserted {
                out.append(
                    Finding(
                        ruleID: "plan.goals.id", severity: .error,
                        message: "Målnummeret \(g.id) er brugt mere end én gang."))
            }
        }
        return out
    }
}

/// Which measures will meet the purpose, and how long each is expected to last.
public struct MeasuresRule: PlanRule {
    public init() {}
    public func check(_ c: PlanContext) -> [Finding] {
        guard !c.isDeclined else { return [] }
        guard !c.plan.measures.isEmpty else {
            return [
                c.finding(
                    "plan.measures", .error, "Planen nævner ingen indsats, der skal opfylde formålet.",
                    c.plan.kind.legalRule)
            ]
        }
        // From 2024 the decision on support states the expected duration (BL § 32).
        let durationRule: LegalRuleID =
            (c.plan.kind == .barnetsPlan || c.plan.kind == .ungeplan) ? .measures : c.plan.kind.legalRule
        var out: [Finding] = []
        for m in c.plan.measures where isBlank(m.expectedDuration) {
            out.append(
                c.finding(
                    "plan.measures.duration", .error, "Den forventede varighed mangler for indsatsen '\(m.label)'.",
                    durationRule))
        }
        for m in c.plan.measures where isBlank(m.provider) {
            out.append(
                c.finding(
                    "plan.measures.provider", .warning, "Der er ingen leverandør på indsatsen '\(m.label)'.",
                    c.plan.kind.legalRule))
        }
        for m in c.plan.measures {
            for id in m.goalIDs where c.plan.goal(id: id) == nil {
                out.append(
                    Finding(
                        ruleID: "plan.measures.goal", severity: .warning,
                        message: "Indsatsen '\(m.label)' peger på mål \(id), som ikke findes i planen."))
            }
        }
        return out
    }
}

/// Other special matters (boform, beskæftigelse, behandling, ...): SEL § 141 stk. 3 nr. 4 »skal angive ... 4) andre
/// særlige forhold« for an adult's handleplan (an error). For the SEL § 140 handleplan before 2024 the item is the
/// handbook's, not § 140's (AUDIT row 40): a warning.
public struct OtherMattersRule: PlanRule {
    public init() {}
    public func check(_ c: PlanContext) -> [Finding] {
        guard !c.isDeclined, c.plan.kind == .handbookActionPlan || c.plan.kind == .adultActionPlan,
            c.plan.otherMatters.isEmpty
        else { return [] }
        let text =
            "Andre særlige forhold (boform, beskæftigelse, uddannelse, behandling, personlig hjælp, hjælpemidler) mangler. Skriv 'ingen', hvis der ikke er nogen."
        if c.plan.kind == .handbookActionPlan {
            return [Finding(ruleID: "plan.otherMatters", severity: .warning, message: text + " (håndbogen kap. 7)")]
        }
        return [c.finding("plan.otherMatters", .error, text, c.plan.kind.legalRule)]
    }
}

/// BL § 92 stk. 3 »I sager om anbringelse uden for hjemmet efter §§ 46 og 47 skal barnets plan angive, hvilke former
/// for støtte der skal iværksættes for familien, i forbindelse med at barnet eller den unge er anbragt uden for
/// hjemmet og i tiden efter barnets eller den unges hjemgivelse.«; § 109 stk. 4 the same for the ungeplan (AUDIT rows
/// 38-39). A warning while the family's support is not named.
public struct FamilySupportRule: PlanRule {
    public init() {}
    public func check(_ c: PlanContext) -> [Finding] {
        guard c.plan.kind == .barnetsPlan || c.plan.kind == .ungeplan, c.isMinor,
            c.decisions.contains(where: { $0.kind.isPlacement }),
            !c.plan.otherMatters.contains(where: { $0.topic == .familySupport && !isBlank($0.text) })
        else { return [] }
        return [
            c.finding(
                "plan.familySupport", .warning,
                "Den unge er anbragt. Planen skal angive, hvilken støtte familien får under anbringelsen og efter hjemgivelsen (i en fil: otherMatters med topic \"familySupport\").",
                c.plan.kind == .barnetsPlan ? .familySupportBarnetsPlan : .familySupportUngeplan)
        ]
    }
}

/// From 16 (under 18): concrete goals for the transition to adult life, incl. education and employment.
public struct TransitionGoalsRule: PlanRule {
    public init() {}
    public func check(_ c: PlanContext) -> [Finding] {
        guard let age = c.age, LegalAge.needsTransitionGoals(age: age) else { return [] }
        if c.plan.transitionGoals.isEmpty {
            return [
                c.finding(
                    "plan.transitionGoals", .error,
                    "Den unge er \(age) år. Planen skal have konkrete mål for overgangen til voksenlivet, fx uddannelse og beskæftigelse.",
                    .transitionGoals)
            ]
        }
        let topics = Set(c.plan.transitionGoals.compactMap(\.transitionTopic))
        if c.date >= LegalReferences.barnetsLovEffective, topics.isDisjoint(with: [.education, .employment]) {
            return [
                c.finding(
                    "plan.transitionGoals.topics", .warning,
                    "Ingen af målene for overgangen til voksenlivet handler om uddannelse eller beskæftigelse.",
                    .transitionGoals)
            ]
        }
        return []
    }
}

/// The young person took part in making the plan and formulating the goals.
public struct YoungPersonParticipationRule: PlanRule {
    public init() {}
    public func check(_ c: PlanContext) -> [Finding] {
        guard !c.isDeclined else { return [] }
        let rule = c.plan.kind.legalRule
        let yp = c.plan.participants.filter { $0.role == .youngPerson }
        if yp.isEmpty {
            return [
                c.finding(
                    "plan.participation.youngPerson", .error,
                    "Det fremgår ikke, hvordan den unge har deltaget i planen.", rule)
            ]
        }
        if !yp.contains(where: \.formulatedGoals) {
            if yp.contains(where: { !isBlank($0.note) }) {
                return [
                    c.finding(
                        "plan.participation.youngPerson", .warning,
                        "Den unge har ikke været med til at formulere målene (begrundelse er noteret).", rule)
                ]
            }
            return [
                c.finding(
                    "plan.participation.youngPerson", .error,
                    "Den unge har ikke været med til at formulere målene. Notér det, eller skriv hvorfor det ikke var muligt.",
                    rule)
            ]
        }
        return []
    }
}

/// Under 18: each custody holder took part in formulating the goals, as far as possible.
public struct CustodyHolderParticipationRule: PlanRule {
    public init() {}
    public func check(_ c: PlanContext) -> [Finding] {
        guard c.isMinor else { return [] }
        let rule = c.plan.kind.legalRule
        let listed = c.plan.participants.filter { $0.role == .custodyHolder }
        var out: [Finding] = []
        let holders = c.network.custodyHolders.map(\.name)
        if holders.isEmpty && listed.isEmpty {
            return [
                c.finding(
                    "plan.participation.custodyHolder", .error,
                    "Det fremgår ikke, at en forældremyndighedsindehaver har deltaget i planen og i at formulere målene.",
                    rule)
            ]
        }
        var people = listed
        for name in holders where !listed.contains(where: { $0.name == name }) {
            people.append(Participant(name: name, role: .custodyHolder))
        }
        for p in people where !p.formulatedGoals {
            if !isBlank(p.note) {
                out.append(
                    c.finding(
                        "plan.participation.custodyHolder", .warning,
                        "\(p.name) (forældremyndighedsindehaver) har ikke været med til at formulere målene (begrundelse er noteret).",
                        rule))
            } else {
                out.append(
                    c.finding(
                        "plan.participation.custodyHolder", .error,
                        "\(p.name) (forældremyndighedsindehaver) har ikke været med til at formulere målene. Notér deltagelsen, eller skriv hvorfor det ikke var muligt.",
                        rule))
            }
        }
        return out
    }
}

/// BL § 109 stk. 2 »Planen skal så vidt muligt udarbejdes med samtykke fra forældremyndighedsindehaveren og den
/// unge.« (AUDIT row 39). The young person's consent, and under 18 each custody holder's, is recorded on the
/// plan. "So far as possible": a warning, never an error, while a consent is not recorded, or is refused
/// without a note of why and what was done to obtain it. From 18 no one holds custody: the young person's alone.
public struct UngeplanConsentRule: PlanRule {
    public init() {}

    /// The people whose consent the ungeplan asks for: the young person, and under 18 each custody holder
    /// (the case's and any listed on the plan).
    public static func consenters(_ c: PlanContext) -> [Participant] {
        var people =
            c.plan.participants.filter { $0.role == .youngPerson }.prefix(1).map { $0 }
        if people.isEmpty { people = [Participant(name: "den unge", role: .youngPerson)] }
        guard c.isMinor else { return people }
        let listed = c.plan.participants.filter { $0.role == .custodyHolder }
        people += listed
        for holder in c.network.custodyHolders where !listed.contains(where: { $0.name == holder.name }) {
            people.append(Participant(name: holder.name, role: .custodyHolder))
        }
        return people
    }

    public func check(_ c: PlanContext) -> [Finding] {
        guard c.plan.kind == .ungeplan, c.date >= LegalReferences.barnetsLovEffective else { return [] }
        let people = Self.consenters(c)
        func label(_ p: Participant) -> String {
            p.role == .youngPerson ? "den unge" : "\(p.name) (forældremyndighedsindehaver)"
        }
        var out: [Finding] = []
        let unrecorded = people.filter { $0.consentToPlan == nil }
        if !unrecorded.isEmpty {
            let names = unrecorded.map(label)
            let list =
                names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " og " + names.last!
            out.append(
                c.finding(
                    "plan.participation.consent", .warning,
                    "Det er ikke noteret, om \(list) har givet samtykke til ungeplanen. Planen skal så vidt muligt udarbejdes med samtykke fra \(c.isMinor ? "forældremyndighedsindehaveren og den unge" : "den unge").",
                    .ungeplanConsent))
        }
        for p in people where p.consentToPlan == false && isBlank(p.consentNote) {
            out.append(
                c.finding(
                    "plan.participation.consent", .warning,
                    "\(label(p).capitalizedFirstLetter) har ikke givet samtykke til ungeplanen. Notér hvorfor, og hvad der er gjort for at opnå samtykket.",
                    .ungeplanConsent))
        }
        return out
    }
}

/// Under 18: a follow-up date, the first at the latest 3 months after the support started.
public struct FollowUpRule: PlanRule {
    public init() {}
    public func check(_ c: PlanContext) -> [Finding] {
        guard c.isMinor, !c.plan.measures.isEmpty else { return [] }
        guard let next = c.plan.nextFollowUp else {
            return [c.finding("plan.followUp", .error, "Datoen for næste opfølgning mangler.", .followUp)]
        }
        let firstPlan = !c.previousPlans.contains { !$0.measures.isEmpty }
        if firstPlan, let start = c.plan.supportStart {
            let latest = LegalPeriod.firstFollowUpDue(start: start)
            if next > latest {
                return [
                    c.finding(
                        "plan.followUp", .error,
                        "Første opfølgning (\(next.danishLong)) ligger mere end 3 måneder efter, at støtten begyndte (\(start.danishLong)). Seneste dato er \(latest.danishLong).",
                        .followUp)
                ]
            }
        }
        return []
    }
}

/// Goals answer an area the examination found; a goal in an area left out gets a second look.
public struct GoalAreaRule: PlanRule {
    public init() {}
    public func check(_ c: PlanContext) -> [Finding] {
        guard c.isMinor, let exam = c.examination else { return [] }
        var out: [Finding] = []
        for g in c.plan.goals {
            guard let area = g.area else {
                out.append(
                    c.finding(
                        "plan.goals.area", .warning, "Mål \(g.id) er ikke knyttet til et område fra undersøgelsen.",
                        .examination))
                continue
            }
            if exam.assessment(of: area)?.notRelevantReason != nil {
                out.append(
                    c.finding(
                        "plan.goals.area", .warning,
                        "Mål \(g.id) hører til området '\(area.danish)', som undersøgelsen har markeret som ikke relevant.",
                        .examination))
            }
        }
        return out
    }
}

/// The ungeplan is built on the young person's own wishes: at least one goal in their words.
public struct OwnWordsRule: PlanRule {
    public init() {}
    public func check(_ c: PlanContext) -> [Finding] {
        guard !c.isDeclined, !c.plan.goals.isEmpty, !c.plan.allGoals.contains(where: { !isBlank($0.ownWords) }) else {
            return []
        }
        return [
            c.finding(
                "plan.goals.ownWords", .warning,
                "Ingen mål er skrevet med den unges egne ord. Planen skal bygge på den unges egne ønsker.",
                c.plan.kind == .ungeplan ? .ungeplan : .purpose)
        ]
    }
}

/// Goals that only say what to stop get a warning: the handbook (ch. 4) asks for positive goals,
/// towards something ("blive kok") rather than away from something ("ryge hash").
public struct StopGoalRule: PlanRule {
    /// Phrases that mark a goal about stopping.
    public static let stopPhrases = [
        "stoppe", "stop med", "ophøre", "ophør", "ikke mere", "ikke længere", "holde op", "lade være",
    ]

    public init() {}

    /// True when the text speaks of stopping something.
    public static func isStopGoal(_ text: String) -> Bool {
        let t = text.lowercased()
        return stopPhrases.contains { t.contains($0) }
    }

    public func check(_ c: PlanContext) -> [Finding] {
        c.plan.allGoals.filter { StopGoalRule.isStopGoal($0.text) }.map { g in
            Finding(
                ruleID: "plan.goals.positive", severity: .warning,
                message:
                    "Mål \(g.id) ('\(g.text)') siger, hvad den unge skal holde op med. Formulér det som et positivt mål: hvor vil den unge gerne hen? At stoppe kan være et delmål på vejen.",
                legalReference: nil, citation: "håndbogen kap. 4")
        }
    }
}
