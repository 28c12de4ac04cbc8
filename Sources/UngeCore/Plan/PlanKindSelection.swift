import Foundation

/// How strongly the law asks for the plan (LAW.md, "Which plan").
public enum PlanDuty: String, Codable, Sendable, Equatable {
    /// No plan duty follows from the basis (BL § 33 alone; SEL § 101 a).
    case none
    /// The municipality must *tage stilling til* a plan; if made, within 3 months (BL § 91 stk. 1,
    /// § 108 stk. 1). A recorded stillingtagen ("no plan, because ...") meets the duty.
    case consider
    /// A plan must exist within 3 months of the decision (BL § 91 stk. 2, § 108 stk. 2).
    case mandatory
    /// A plan must exist before the decision (BL § 47: § 91 stk. 2, § 108 stk. 4; before 2024 SEL § 140).
    case beforeDecision
    /// Adults: the municipality judges whether to offer a handleplan (SEL § 141 stk. 1 »skønne, om det
    /// er hensigtsmæssigt at tilbyde«); the young person may decline.
    case offer
    /// Adults: the municipality must offer a handleplan (SEL § 141 stk. 2 »skal tilbyde«), because the
    /// facts of stk. 2 are recorded on a decision; the young person may decline.
    case mustOffer

    public var danish: String {
        switch self {
        case .none: return "ingen planpligt"
        case .consider:
            return
                "kommunen tager stilling til, om der skal laves en plan; laves den, senest 3 måneder efter afgørelsen"
        case .mandatory: return "planen skal laves, senest 3 måneder efter afgørelsen"
        case .beforeDecision: return "planen skal foreligge, før afgørelsen træffes"
        case .offer: return "kommunen skønner, om en handleplan skal tilbydes; den unge kan sige nej"
        case .mustOffer: return "kommunen skal tilbyde en handleplan; den unge kan sige nej"
        }
    }
}

/// The plan the law asks for, and how strongly: the answer of `PlanKind.requirement`.
public struct PlanRequirement: Sendable, Equatable {
    public let kind: PlanKind
    public let duty: PlanDuty
    /// The paragraph the duty rests on.
    public let rule: LegalRuleID
    /// 16-17 on a § 32 support: a barnets plan may continue (warn that an ungeplan must be
    /// considered; do not fail).
    public let barnetsPlanMayContinue: Bool

    public init(kind: PlanKind, duty: PlanDuty, rule: LegalRuleID, barnetsPlanMayContinue: Bool = false) {
        self.kind = kind
        self.duty = duty
        self.rule = rule
        self.barnetsPlanMayContinue = barnetsPlanMayContinue
    }
}

extension PlanKind {
    /// THE one function that picks the plan (LAW.md, "Which plan"): by the young person's age on
    /// the plan's date, the date (before 2024 serviceloven) and the legal bases of the decisions the
    /// plan rests on.
    ///
    /// - before 2024: SEL § 140 handleplan for under-18s and for § 76 efterværn (18-22), before the
    ///   decision; otherwise 18+ the SEL § 141 handleplan;
    /// - 18-22 on ungestøtte (§§ 114-116, § 120): the ungeplan continues (§ 108, § 111 stk. 2, § 112),
    ///   never a SEL § 141 handleplan;
    /// - 18+ otherwise: SEL § 141, offered (none for § 101 a alone);
    /// - under 18: barnets plan below 16, ungeplan from 16; § 47 before the decision, § 46
    ///   mandatory, § 32 "tage stilling til" (a barnets plan may continue at 16-17), § 33 alone no duty.
    ///
    /// An unknown age is treated as a minor's under 16.
    ///
    /// `adultFacts` are the serviceloven § 141 stk. 2 facts recorded on the decisions (AUDIT N8): one that
    /// meets stk. 2 makes the offer a duty (`mustOffer`, § 141 stk. 2); only "none" leaves it to the
    /// municipality's judgement (`offer`, stk. 1); none recorded cites § 141 as a whole.
    public static func requirement(
        age: Int?, on date: LocalDate, bases: [DecisionKind] = [], adultFacts: [AdultPlanFacts] = []
    ) -> PlanRequirement {
        let b = bases.filter { $0 != .planStance }
        func adult() -> PlanRequirement {
            if adultFacts.contains(where: \.mustOffer) {
                return PlanRequirement(kind: .adultActionPlan, duty: .mustOffer, rule: .adultActionPlanMustOffer)
            }
            return PlanRequirement(
                kind: .adultActionPlan, duty: .offer,
                rule: adultFacts.isEmpty ? .adultActionPlan : .adultActionPlanJudged
            )
        }
        // Sundhedsloven § 141 alone starts no plan duty: BL § 91 / § 108 follow §§ 32, 46-47, 114-116 and 120,
        // SEL § 141 help »efter afsnit V« (AUDIT N6).
        if !b.isEmpty, b.allSatisfy({ $0 == .alcoholTreatment }) {
            let kind: PlanKind =
                (age ?? 0) >= LegalAge.adult
                ? .adultActionPlan : ((age ?? 0) >= LegalAge.ungeplan ? .ungeplan : .barnetsPlan)
            return PlanRequirement(kind: kind, duty: .none, rule: .alcoholTreatment)
        }
        if date < LegalReferences.barnetsLovEffective {
            if let age, age >= 18, !(age < 23 && b.contains(.handbookAftercare)) { return adult() }
            return PlanRequirement(kind: .handbookActionPlan, duty: .beforeDecision, rule: .planUnder18)
        }
        if let age, age >= 18 {
            // A serviceloven § 76 efterværn decided before 2024 stays valid (BL § 213 stk. 2) and counts as ungestøtte.
            if age < 23, b.contains(where: { $0.isYouthSupport || $0 == .handbookAftercare }) {
                // § 108 stk. 2 »ved genetablering af døgnophold, jf. § 116«: only a re-established døgnophold
                // makes the ungeplan mandatory; other § 116 support is "tage stilling til" (stk. 1 nr. 4; AUDIT N7).
                let mandatory = b.contains(.youthSupportReestablished) && b.contains(.youthSupportResidential)
                // The stillingtagen cites its own number (AUDIT D14): § 108 stk. 1 nr. 4 for § 116, nr. 3 for
                // §§ 114, 115 and 120; a re-established døgnophold § 108 stk. 2.
                let rule: LegalRuleID =
                    mandatory
                    ? .ungeplanMandatory
                    : (b.contains(.youthSupportReestablished) ? .ungeplanReestablished : .ungeplanYouthSupport)
                return PlanRequirement(kind: .ungeplan, duty: mandatory ? .mandatory : .consider, rule: rule)
            }
            if !b.isEmpty, b.allSatisfy({ $0 == .anonymousTreatment }) {
                return PlanRequirement(kind: .adultActionPlan, duty: .none, rule: .anonymousTreatment)
            }
            return adult()
        }
        let sixteen = (age ?? 0) >= 16
        let kind: PlanKind = sixteen ? .ungeplan : .barnetsPlan
        if b.contains(.placementWithoutConsent) {
            return PlanRequirement(
                kind: kind, duty: .beforeDecision, rule: sixteen ? .ungeplanBeforeDecision : .barnetsPlanMandatory)
        }
        if b.contains(.placementWithConsent) || b.contains(.handbookPlacement) {
            return PlanRequirement(
                kind: kind, duty: .mandatory, rule: sixteen ? .ungeplanMandatory : .barnetsPlanMandatory)
        }
        if !b.isEmpty, b.allSatisfy(\.isMinorTreatment) {
            return PlanRequirement(kind: kind, duty: .none, rule: .drugTreatment)
        }
        return PlanRequirement(
            kind: kind, duty: .consider, rule: sixteen ? .ungeplanConsider : .barnetsPlanConsider,
            barnetsPlanMayContinue: sixteen)
    }

    /// The requirement for a plan resting on `decisions`: their kinds (`Decision.planBasisKinds`) and the
    /// serviceloven § 141 stk. 2 facts recorded on them.
    public static func requirement(age: Int?, on date: LocalDate, decisions: [Decision]) -> PlanRequirement {
        requirement(
            age: age, on: date, bases: decisions.flatMap(\.planBasisKinds),
            adultFacts: decisions.compactMap(\.adultPlanFacts))
    }

    /// The plan `requirement` picks.
    public static func required(age: Int?, on date: LocalDate, bases: [DecisionKind] = []) -> PlanKind {
        requirement(age: age, on: date, bases: bases).kind
    }

    /// The paragraph the plan rests on, as it applies on `date` ("barnets lov §§ 108-109").
    public func paragraph(on date: LocalDate, age: Int?) -> String {
        LegalReferences.reference(legalRule).paragraph(on: date, age: age)
    }

    /// The document title: "Ungeplan (barnets lov §§ 108-109)", "Handleplan (serviceloven § 141)".
    public func title(on date: LocalDate, age: Int?) -> String {
        "\(danishName) (\(paragraph(on: date, age: age)))"
    }

    /// What the plan replaces, where that helps the reader: "tidl. handleplan efter serviceloven § 140".
    public func replaces(on date: LocalDate, age: Int?) -> String? {
        let ref = LegalReferences.reference(legalRule)
        let now = ref.paragraph(on: date, age: age)
        guard now != ref.handbook else { return nil }
        return "tidl. handleplan efter \(ref.handbook)"
    }

    /// The Danish word used in running text ("barnets plan", "ungeplanen").
    public var danishLower: String {
        switch self {
        case .barnetsPlan: return "barnets plan"
        case .ungeplan: return "ungeplanen"
        case .adultActionPlan, .handbookActionPlan: return "handleplanen"
        }
    }
}
