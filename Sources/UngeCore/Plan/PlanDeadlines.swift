import Foundation

/// The deadlines that follow from the examination and the plan (frister), for `unge frister`:
/// examination within 4 months (BL § 20 stk. 3); plan within 3 months of a decision or the 16th
/// birthday (BL §§ 91, 108); first follow-up within 3 months of the start of support (BL § 95);
/// youth-support decision 6 months before 18 for a placed young person (BL § 111).
public enum PlanDeadlines {
    /// The ids this type owns in `CaseFile.deadlines`; `merge` replaces exactly these.
    public static let ids: Set<String> = [
        "undersoegelse", "plan-afgoerelse", "plan-16aar", "opfoelgning-foerste", "opfoelgning-naeste",
        "ungestoette-afgoerelse",
    ]

    /// True for the ids `merge` owns: this type's and the decisions' (`DecisionDeadlines`).
    public static func owns(_ id: String) -> Bool { ids.contains(id) || DecisionDeadlines.owns(id) }

    /// Every deadline the case's examination, plans and decisions give rise to, in due-date order.
    /// Where decisions are recorded, they drive the plan, follow-up and § 111 deadlines
    /// (`DecisionDeadlines`); the plan-only rules below serve cases without decisions.
    public static func compute(for caseFile: CaseFile) -> [Deadline] {
        let yp = caseFile.youngPerson
        let plans = caseFile.actionPlans.sorted { $0.version < $1.version }
        let byDecision = !caseFile.decisions.filter { $0.kind != .planStance }.isEmpty
        var out: [Deadline] = byDecision ? DecisionDeadlines.compute(for: caseFile) : []

        // Only a børnefaglig undersøgelse has the 4 months (BL § 20 stk. 3); an afdækning has none.
        if let exam = caseFile.examination, let due = exam.completionDue {
            out.append(
                Deadline(
                    id: "undersoegelse", kind: .examination, title: "Børnefaglig undersøgelse afsluttet",
                    counting: .months, dueDate: due,
                    legalReferenceID: LegalRuleID.examinationDeadline.rawValue,
                    ruleDate: exam.awareDate, metAt: exam.completedDate.map(instant),
                    metBy: exam.completedDate == nil ? nil : exam.author))
        }

        // Plan within 3 months of the decision on support (from 2024, under 18).
        if !byDecision,
            let decision = caseFile.examination?.conclusion?.decisionDate ?? plans.compactMap(\.decisionDate).first,
            decision >= LegalReferences.barnetsLovEffective, (yp.age(on: decision) ?? 0) < 18
        {
            let made = plans.first { $0.date >= decision && $0.kind.isForMinor }
            let kind = PlanKind.required(age: yp.age(on: decision), on: decision)
            out.append(
                Deadline(
                    id: "plan-afgoerelse", kind: .plan, title: "\(kind.danishName) senest 3 måneder efter afgørelsen",
                    counting: .months, dueDate: decision.adding(months: 3), legalReferenceID: kind.legalRule.rawValue,
                    ruleDate: decision, metAt: made.map { instant($0.date) }, metBy: made?.author))
        }

        // The ungeplan at 16 (BL § 108): mandatory within 3 months of the birthday for a young person
        // placed under § 46 or § 47 on it (stk. 2-3; only an ungeplan meets it); otherwise a stillingtagen
        // when a barnets plan exists (stk. 1 nr. 1) or a § 32 support runs on the birthday (nr. 2).
        if let born = yp.birthDate {
            let sixteen = Age.dateTurning(LegalAge.ungeplan, born: born)
            let inForce = caseFile.decisions.filter { $0.isPresumedRunning(on: sixteen) }
            let placed = inForce.contains { $0.kind.isPlacement }
            // A § 32 support plausibly still running at 16: decided within the year before, or expected to end after.
            let supported = inForce.contains {
                $0.kind.isSupportMeasure
                    && ($0.decisionDate >= sixteen.adding(months: -12)
                        || ($0.expectedEnd.map { $0 > sixteen } ?? false))
            }
            if sixteen >= LegalReferences.barnetsLovEffective,
                placed || supported || plans.contains(where: { $0.date < sixteen })
            {
                let made = plans.first { $0.date >= sixteen && $0.kind == .ungeplan }
                let stance =
                    placed ? nil : caseFile.decisions.first { $0.kind == .planStance && $0.decisionDate >= sixteen }
                let metDate = [made?.date, stance?.decisionDate].compactMap { $0 }.min()
                out.append(
                    Deadline(
                        id: "plan-16aar", kind: .plan,
                        title: placed
                            ? "Ungeplan senest \(LegalPeriod.planMonths) måneder efter 16-årsdagen (anbragt ung)"
                            : "Stillingtagen til ungeplan senest \(LegalPeriod.planMonths) måneder efter 16-årsdagen",
                        counting: .months, dueDate: sixteen.adding(months: LegalPeriod.planMonths),
                        legalReferenceID: (placed ? LegalRuleID.ungeplanMandatory : .ungeplanConsider).rawValue,
                        ruleDate: sixteen, metAt: metDate.map(instant),
                        metBy: metDate == made?.date ? made?.author : stance?.author))
            }
        }

        // First follow-up within 3 months of the start of support; then the plan's next date.
        if !byDecision, let startPlan = plans.first(where: { $0.supportStart != nil }),
            let start = startPlan.supportStart,
            (yp.age(on: start) ?? 0) < 18
        {
            let followed = plans.first { $0.version > startPlan.version && $0.date > start }
            out.append(
                Deadline(
                    id: "opfoelgning-foerste", kind: .followUp, title: "Første opfølgning på støtten",
                    counting: .months, dueDate: start.adding(months: 3),
                    legalReferenceID: LegalRuleID.followUp.rawValue,
                    ruleDate: start, metAt: followed.map { instant($0.date) }, metBy: followed?.author))
            if followed != nil, let latest = plans.last, let next = latest.nextFollowUp,
                latest.version > startPlan.version
            {
                out.append(
                    Deadline(
                        id: "opfoelgning-naeste", kind: .followUp, title: "Næste opfølgning på planen",
                        counting: .calendarDays, dueDate: next, legalReferenceID: LegalRuleID.followUp.rawValue,
                        ruleDate: latest.date))
            }
        }

        // Placed young person: youth-support decision 6 months before the 18th birthday.
        if !byDecision, let born = yp.birthDate, let latest = plans.last,
            latest.measures.contains(where: { $0.kind == .placement })
        {
            let eighteen = Age.dateTurning(18, born: born)
            if latest.date < eighteen {
                let decided = plans.first { p in p.measures.contains { $0.kind == .youthSupport } }
                out.append(
                    Deadline(
                        id: "ungestoette-afgoerelse", kind: .youthSupportDecision,
                        title: "Afgørelse om ungestøtte og revideret ungeplan (anbragt ung)",
                        counting: .months, dueDate: eighteen.adding(months: -6),
                        legalReferenceID: LegalRuleID.youthSupportDecision.rawValue,
                        ruleDate: eighteen.adding(months: -6), metAt: decided.map { instant($0.date) },
                        metBy: decided?.author))
            }
        }
        return out.sorted { $0.dueDate < $1.dueDate || ($0.dueDate == $1.dueDate && $0.id < $1.id) }
    }

    /// Replaces this type's deadlines in the case with freshly computed ones, keeping any other
    /// deadline and a "met" mark someone set by hand.
    public static func merge(into caseFile: inout CaseFile) {
        let old = Dictionary(
            caseFile.deadlines.filter { owns($0.id) }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var fresh = compute(for: caseFile)
        for i in fresh.indices where fresh[i].metAt == nil {
            if let o = old[fresh[i].id], o.metAt != nil, o.dueDate == fresh[i].dueDate {
                fresh[i].metAt = o.metAt
                fresh[i].metBy = o.metBy
            }
        }
        caseFile.deadlines = caseFile.deadlines.filter { !owns($0.id) } + fresh
    }

    /// Midnight UTC of a date: the instant a date-only event is recorded at.
    static func instant(_ d: LocalDate) -> Date { Date(timeIntervalSince1970: TimeInterval(d.dayNumber) * 86400) }
}
