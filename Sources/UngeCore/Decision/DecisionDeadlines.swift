import Foundation

/// The deadlines a case's decisions start (LAW.md, "Decisions drive duties"), stored as `Deadline`
/// records so `frister`, the index and next steps see them without re-deriving:
///
/// - treatment iværksat at the latest 14 days after the request (BL § 33 stk. 1; SEL § 101 stk. 4;
///   sundhedsloven § 141 stk. 2); none for § 101 a;
/// - the plan within 3 months of a § 32 or § 46 decision (BL § 91 stk. 1-2, § 108 stk. 1-3); for
///   § 32 and ungestøtte a recorded stillingtagen meets it; § 33 alone starts none; § 47 needs the
///   plan before the decision (a rule at registration, not a deadline);
/// - the first follow-up at the earlier of a parallel examination's end and 3 months after the
///   start (BL § 95 stk. 2), for §§ 32, 46, 47, 114-116 and 120, not § 33;
/// - for a placed young person the ungestøtte decision at the latest 6 months before 18 (BL § 111);
/// - for other running under-18 support, a reminder 6 months before 18 to decide what happens then.
public enum DecisionDeadlines {
    /// Ids owned by this type start with this prefix, or are `transitionID`.
    public static let prefix = "afgoerelse-"
    public static let youthSupportID = "afgoerelse-ungestoette-111"
    public static let transitionID = "overgang-18"

    public static func owns(_ id: String) -> Bool { id.hasPrefix(prefix) || id == transitionID }

    /// Every deadline the decisions on `file` give rise to, in due-date order.
    public static func compute(for file: CaseFile) -> [Deadline] {
        let yp = file.youngPerson
        let plans = file.actionPlans.sorted { $0.version < $1.version }
        let stances = file.decisions.filter { $0.kind == .planStance }
        var out: [Deadline] = []

        for d in file.decisions where d.kind != .planStance {
            let age = yp.age(on: d.decisionDate)
            let bl = d.decisionDate >= LegalReferences.barnetsLovEffective

            // Treatment within 14 days of the request.
            if let request = d.requestDate,
                d.kind.isMinorTreatment || d.kind.isAdultTreatment || d.kind == .alcoholTreatment
            {
                let due = request.adding(days: LegalPeriod.treatmentDays)
                // Met only by the actual start (never a planned one); a lawful non-start (declined,
                // another offer chosen) lapses it; "no place" does not.
                let started = d.actualStart
                out.append(
                    Deadline(
                        id: "\(prefix)\(d.id)-behandlingsstart", kind: .treatmentStart,
                        title:
                            "Behandling iværksat senest \(LegalPeriod.treatmentDays) dage efter henvendelsen (\(d.id))",
                        counting: .calendarDays, dueDate: due, rule: DecisionLaw.treatmentStartRule(d.kind, age: age),
                        ruleDate: request, metAt: started.map(instant), metBy: started == nil ? nil : d.author,
                        lapseReason: started == nil ? lapse(d, before: due) : nil))
            }

            // The plan within 3 months (from 2024, under 18; ungestøtte without an ungeplan).
            if bl, let age {
                let req = PlanKind.requirement(age: age, on: d.decisionDate, bases: d.planBasisKinds)
                let relevant: Bool
                if age < 18 {
                    relevant =
                        (d.kind.isSupportMeasure || d.kind == .placementWithConsent)
                        && (req.duty == .consider || req.duty == .mandatory)
                } else {
                    relevant = d.kind.isYouthSupport && !plans.contains { $0.kind == .ungeplan }
                }
                if relevant {
                    // The latest plan version dated up to the due date meets it, even one made before the
                    // decision (BL § 91 stk. 2 names no earliest date; AUDIT row 41); else the first after (late).
                    let planDue = d.decisionDate.adding(months: LegalPeriod.planMonths)
                    let made =
                        plans.last { $0.date <= planDue && $0.kind.isForMinor }
                        ?? plans.first { $0.date > planDue && $0.kind.isForMinor }
                    let stance =
                        req.duty == .mandatory
                        ? nil
                        : stances.first {
                            $0.decisionDate >= d.decisionDate
                                && ($0.concerns == nil || $0.concerns?.lowercased() == d.id.lowercased())
                        }
                    let metDate = [made?.date, stance?.decisionDate].compactMap { $0 }.min()
                    let title =
                        req.duty == .mandatory
                        ? "\(req.kind.danishName) senest 3 måneder efter afgørelsen (\(d.id))"
                        : "Stillingtagen til \(req.kind.danishLower) (\(d.id)): plan eller begrundet nej"
                    out.append(
                        Deadline(
                            id: "\(prefix)\(d.id)-plan", kind: .plan, title: title, counting: .months,
                            dueDate: d.decisionDate.adding(months: 3), rule: req.rule, ruleDate: d.decisionDate,
                            metAt: metDate.map(instant),
                            metBy: metDate == nil ? nil : (made?.date == metDate ? made?.author : stance?.author),
                            lapseReason: metDate == nil ? lapse(d, before: planDue) : nil))
                }
            }

            // First follow-up (BL § 95 stk. 2; before 2024 SEL § 70): not for treatment.
            let followed = d.kind.isSupportMeasure || d.kind.isPlacement || d.kind.isYouthSupport || d.kind.isHandbook
            // From the actual start; until one is recorded, from the decision date (a warning at
            // registration says so); none for a measure that did not start.
            if followed, d.notStarted == nil, let start = d.actualStart ?? Optional(d.decisionDate) {
                var due = LegalPeriod.firstFollowUpDue(start: start)
                // § 95 stk. 2 nr. 1: the earlier trigger only for an afdækning or examination run parallel to a § 32
                // support or a § 46 placement, from 2024 (SEL § 70 had none; not § 47 or ungestøtte; AUDIT row 10).
                let parallelTrigger = bl && (d.kind.isSupportMeasure || d.kind == .placementWithConsent)
                if parallelTrigger, let exam = file.examination, exam.awareDate <= start, let done = exam.completedDate,
                    done >= start,
                    done < due
                {
                    due = done
                }
                let review = plans.first { $0.date > start }
                out.append(
                    Deadline(
                        id: "\(prefix)\(d.id)-opfoelgning", kind: .followUp,
                        title: "Første opfølgning på \(d.kind.danishName.lowercased()) (\(d.id))",
                        counting: .calendarDays,
                        dueDate: due, rule: .followUpFirst, ruleDate: start,
                        metAt: review.map { instant($0.date) }, metBy: review?.author,
                        lapseReason: review == nil ? lapse(d, before: due) : nil))
            }
        }

        // Turning 18: the § 111 decision for a placed young person, else a transition reminder.
        if let born = yp.birthDate {
            let eighteen = Age.dateTurning(18, born: born)
            let due = eighteen.adding(months: -6)
            let afterward = file.decisions.filter { $0.kind.isYouthSupport || $0.kind == .handbookAftercare }
            let decided = afterward.min { $0.decisionDate < $1.decisionDate }
            let placements = file.decisions.filter {
                ($0.kind.isPlacement || $0.kind == .handbookPlacement) && $0.decisionDate < eighteen
                    && ($0.end.map { $0.date > due } ?? true)
            }
            if !placements.isEmpty {
                out.append(
                    Deadline(
                        id: youthSupportID, kind: .youthSupportDecision,
                        title:
                            "Afgørelse om ungestøtte senest 6 måneder før 18-årsdagen, efter revision af ungeplanen (anbragt ung)"
                            // BL § 115 stk. 1: after a placement without the consent of the custody holder and the
                            // young person from 15 (§ 47 stk. 1, not stk. 4), a contact person until 23; stk. 2: after
                            // a § 46 placement in eget værelse or kollegium, until 19 (AUDIT N18).
                            + (placements.contains {
                                $0.kind == .placementWithoutConsent && $0.placementGround != .ownRequest
                            }
                                ? "; efter § 47 tilbydes en fast kontaktperson til 23 år (§ 115, stk. 1)" : "")
                            + (placements.contains { $0.kind == .placementWithConsent }
                                ? "; var den unge anbragt efter § 46 på eget værelse eller kollegium, tilbydes en fast kontaktperson til 19 år (§ 115, stk. 2)"
                                : ""),
                        counting: .months, dueDate: due, rule: .youthSupportDecision, ruleDate: due,
                        metAt: decided.map { instant($0.decisionDate) }, metBy: decided?.author))
            } else {
                let running = file.decisions.filter {
                    ($0.kind.isSupportMeasure || $0.kind.isMinorTreatment) && $0.decisionDate < eighteen
                        // Only support that may plausibly run to 18: decided from 16, or within two years of the reminder.
                        && ($0.decisionDate >= Age.dateTurning(16, born: born)
                            || $0.decisionDate >= due.adding(months: -24))
                        && ($0.end.map { $0.date > due } ?? true) && ($0.expectedEnd.map { $0 > due } ?? true)
                }
                if !running.isEmpty, eighteen >= LegalReferences.barnetsLovEffective {
                    let adult = file.decisions.filter {
                        $0.decisionDate >= due.adding(months: -6)
                            && ($0.kind.isYouthSupport || $0.kind.isAdultTreatment)
                    }
                    let done = (decided ?? adult.first)
                    let names = running.map(\.id).joined(separator: ", ")
                    // A reminder, not a statutory deadline (AUDIT N32). § 114 needs a placement or a § 32 contact
                    // person; a young person with § 33 treatment only goes on to serviceloven § 101 at 18.
                    let treatmentOnly = running.allSatisfy(\.kind.isMinorTreatment)
                    out.append(
                        Deadline(
                            id: transitionID, kind: .transitionAt18,
                            title: treatmentOnly
                                ? "Overgang til 18 år (\(eighteen.danishShort)): behandlingen efter § 33 ophører; fortsat behandling gives efter serviceloven § 101 (\(names))"
                                : "Overgang til 18 år (\(eighteen.danishShort)): tag stilling til støtten efter 18 (\(names))",
                            counting: .months, dueDate: due,
                            rule: treatmentOnly ? .transitionAt18Treatment : .transitionAt18, ruleDate: due,
                            metAt: done.map { instant($0.decisionDate) }, metBy: done?.author))
                }
            }
        }
        return out.sorted { $0.dueDate < $1.dueDate || ($0.dueDate == $1.dueDate && $0.id < $1.id) }
    }

    /// Why a decision's deadline due on `due` no longer applies, if it does not: the measure ended
    /// before it fell, or did not start for a lawful reason (the young person declined; another
    /// treatment offer was chosen, serviceloven § 101 stk. 6). "No place" is no such reason.
    static func lapse(_ d: Decision, before due: LocalDate) -> String? {
        if let n = d.notStarted, n.cause.isLawful {
            let why =
                n.cause == .otherOffer ? "valgte et andet behandlingstilbud (serviceloven § 101, stk. 6)" : "fravalgt"
            return "ikke iværksat (\(why)): \(n.reason)"
        }
        if let end = d.end, end.date <= due {
            return "afgørelsen blev afsluttet \(end.date.danishShort): \(end.reason)"
        }
        return nil
    }

    static func instant(_ d: LocalDate) -> Date { Date(timeIntervalSince1970: TimeInterval(d.dayNumber) * 86400) }
}
