import Foundation

/// What the checklist's evidence rules look at, taken from a case (dokumentation i sagen).
///
/// A small, flat view of a `CaseFile`, built by one adapter, `CaseEvidence(from:today:)`, so that the
/// rules do not depend on how the examination, plan, treatment-plan and notification models are
/// stored. A field that the case cannot tell yet is `nil`, and a rule that needs it leaves its item
/// unanswered (it is asked) rather than failed.
public struct CaseEvidence: Sendable, Equatable {
    /// The date the checklist is answered on.
    public var today: LocalDate
    /// The young person's age on `today`, if a birth date is known.
    public var age: Int?
    public var concernReports: [ConcernEvidence]
    public var examination: ExaminationEvidence?
    /// The newest version of the plan (handleplan / barnets plan / ungeplan), if any.
    public var plan: PlanEvidence?
    /// The newest version of each provider's treatment plan (behandlingsplan).
    public var treatmentPlans: [TreatmentPlanEvidence]
    /// How many people the network map holds in each arena (arenas without people are absent).
    public var networkPeopleByArena: [Arena: Int]
    /// The dialogue-tool records, oldest first.
    public var tools: [ToolEvidence]
    /// The newest recorded stillingtagen that no plan is needed (BL § 91 stk. 1, § 108 stk. 1).
    public var planStance: PlanStanceEvidence?

    public init(
        today: LocalDate, age: Int? = nil, concernReports: [ConcernEvidence] = [],
        examination: ExaminationEvidence? = nil, plan: PlanEvidence? = nil,
        treatmentPlans: [TreatmentPlanEvidence] = [], networkPeopleByArena: [Arena: Int] = [:],
        tools: [ToolEvidence] = []
    ) {
        self.today = today
        self.age = age
        self.concernReports = concernReports
        self.examination = examination
        self.plan = plan
        self.treatmentPlans = treatmentPlans
        self.networkPeopleByArena = networkPeopleByArena
        self.tools = tools
        self.planStance = nil
    }
}

/// A recorded decision that no plan is made, with its reason.
public struct PlanStanceEvidence: Sendable, Equatable {
    public var id: String
    public var date: LocalDate
    public var reason: String

    public init(id: String, date: LocalDate, reason: String) {
        self.id = id
        self.date = date
        self.reason = reason
    }
}

/// What a notification tells about informing the young person and the parents (handbook ch. 3).
public struct ConcernEvidence: Sendable, Equatable {
    public var number: Int
    public var received: LocalDate
    /// Whether the young person was told about the notification; nil: not recorded.
    public var youngPersonInformed: Bool?
    /// Whether the parents (custody holders) were told; nil: not recorded.
    public var parentsInformed: Bool?
    /// Why they were not told, when that is recorded.
    public var reasonNotInformed: String?
    /// Each custody holder told or not, person by person ("mor (Hanne Jensen) orienteret 01.12.2026;
    /// far (Omar Hassan) ikke orienteret: ..."); nil when they were not asked about one by one.
    public var custodyOrientation: String?
    /// True when a custody holder was not told and no reason is recorded for that person.
    public var custodyReasonMissing: Bool

    public init(
        number: Int, received: LocalDate, youngPersonInformed: Bool? = nil, parentsInformed: Bool? = nil,
        reasonNotInformed: String? = nil, custodyOrientation: String? = nil, custodyReasonMissing: Bool = false
    ) {
        self.number = number
        self.received = received
        self.youngPersonInformed = youngPersonInformed
        self.parentsInformed = parentsInformed
        self.reasonNotInformed = reasonNotInformed
        self.custodyOrientation = custodyOrientation
        self.custodyReasonMissing = custodyReasonMissing
    }
}

/// One area of the § 50 examination and how far it is covered (undersøgelsesområde).
public struct AreaEvidence: Sendable, Equatable {
    /// How an area stands.
    public enum State: Sendable, Equatable {
        /// The area has a finding.
        case covered
        /// Left out on purpose; the reason may be empty, which counts as missing.
        case notRelevant(reason: String)
        /// Nothing recorded yet.
        case missing
    }

    /// The area's Danish name as the user sees it ("skole").
    public var name: String
    public var state: State

    public init(name: String, state: State) {
        self.name = name
        self.state = state
    }
}

/// What the examination shows (børnefaglig undersøgelse), BL § 20 (tidl. SEL § 50).
public struct ExaminationEvidence: Sendable, Equatable {
    public var completed: LocalDate?
    /// Every area the examination has; nil while the case does not record areas.
    public var areas: [AreaEvidence]?
    /// Whether the young person's own view is written into the examination; nil: not known.
    public var youngPersonViewRecorded: Bool?
    /// The conclusion: special support needed (true), not needed (false), or no conclusion (nil).
    public var specialSupportNeeded: Bool?

    public init(
        completed: LocalDate? = nil, areas: [AreaEvidence]? = nil, youngPersonViewRecorded: Bool? = nil,
        specialSupportNeeded: Bool? = nil
    ) {
        self.completed = completed
        self.areas = areas
        self.youngPersonViewRecorded = youngPersonViewRecorded
        self.specialSupportNeeded = specialSupportNeeded
    }
}

/// One goal of the plan and whether a measure in the plan serves it (mål og indsats).
public struct PlanGoalEvidence: Sendable, Equatable {
    public var id: String
    public var title: String
    /// True when one of the plan's own measures works towards this goal.
    public var servedByMeasure: Bool

    public init(id: String, title: String, servedByMeasure: Bool = false) {
        self.id = id
        self.title = title
        self.servedByMeasure = servedByMeasure
    }
}

/// The outcome of validating the plan (see `PlanValidation`).
public enum PlanValidationEvidence: Sendable, Equatable {
    /// No validator was available; only presence and basic content were checked.
    case notChecked
    case passed
    /// The validator's error messages, in Danish.
    case failed([String])
}

/// The newest version of the plan (handleplan / barnets plan / ungeplan).
public struct PlanEvidence: Sendable, Equatable {
    /// What the plan is called for this young person ("ungeplan").
    public var name: String
    public var version: Int
    public var date: LocalDate
    public var author: String
    /// The plan's goals; nil while the plan model does not record them.
    public var goals: [PlanGoalEvidence]?
    /// Whether the young person's own view is written into the plan; nil: not known.
    public var youngPersonViewRecorded: Bool?
    public var validation: PlanValidationEvidence

    public init(
        name: String, version: Int, date: LocalDate, author: String, goals: [PlanGoalEvidence]? = nil,
        youngPersonViewRecorded: Bool? = nil, validation: PlanValidationEvidence = .notChecked
    ) {
        self.name = name
        self.version = version
        self.date = date
        self.author = author
        self.goals = goals
        self.youngPersonViewRecorded = youngPersonViewRecorded
        self.validation = validation
    }

    /// "ungeplan v2, 01.03.2026".
    public var label: String { "\(name) v\(version), \(date.danishShort)" }
}

/// The newest version of one provider's treatment plan (behandlingsplan).
public struct TreatmentPlanEvidence: Sendable, Equatable {
    public var provider: String
    public var version: Int
    public var date: LocalDate
    /// For each treatment goal, its title and the plan goal id it points to (nil: points nowhere).
    /// nil while the treatment-plan model does not record goals.
    public var goals: [TreatmentGoalEvidence]?
    /// Set when the plan version it builds on has been replaced ("bygger på planens version 1, afløst af version 3").
    public var superseded: String?

    public init(
        provider: String, version: Int, date: LocalDate, goals: [TreatmentGoalEvidence]? = nil,
        superseded: String? = nil
    ) {
        self.provider = provider
        self.version = version
        self.date = date
        self.goals = goals
        self.superseded = superseded
    }
}

/// One goal of a treatment plan and the plan goal it builds on.
public struct TreatmentGoalEvidence: Sendable, Equatable {
    public var title: String
    public var planGoalID: String?

    public init(title: String, planGoalID: String?) {
        self.title = title
        self.planGoalID = planGoalID
    }
}

/// A recorded use of a dialogue or network tool (`ToolRecord.tool`: `lifeline`, `networkMeeting`, ...).
public struct ToolEvidence: Sendable, Equatable {
    public var tool: String
    public var date: LocalDate

    public init(tool: String, date: LocalDate) {
        self.tool = tool
        self.date = date
    }
}

/// The seam for plan validation: the plan rules (Sources/UngeCore/Plan) return findings for the
/// case's newest plan on a date. `nil` where no validator is plugged in.
public typealias PlanValidation = @Sendable (CaseFile, LocalDate) -> [Finding]

extension CaseEvidence {
    /// The validator used when none is passed in.
    ///
    /// `PlanValidator` on the newest plan version.
    public static let defaultPlanValidation: PlanValidation? = { file, _ in
        file.actionPlans.max { $0.version < $1.version }.map { PlanValidator.validate($0, in: file) } ?? []
    }

    /// The one adapter from a case to the evidence the rules read.
    ///
    /// Fields the case does not record stay nil, and the items that need them are asked instead of
    /// answered.
    public init(
        from file: CaseFile, today: LocalDate, timeZone: TimeZone = CaseEvidence.danishTime,
        validatePlan: PlanValidation? = CaseEvidence.defaultPlanValidation
    ) {
        let age = file.youngPerson.age(on: today)
        self.init(today: today, age: age)

        concernReports = file.concernReports.map { report in
            ConcernEvidence(
                number: report.number,
                received: CaseEvidence.day(of: report.received, in: timeZone),
                youngPersonInformed: report.youngPersonInformed,
                parentsInformed: report.parentsInformed, reasonNotInformed: report.notInformedReason,
                custodyOrientation: CustodyOrientation.text(report, network: file.network),
                custodyReasonMissing: CustodyOrientation.missingReason(report))
        }

        if let exam = file.examination {
            examination = ExaminationEvidence(
                completed: exam.completedDate,
                areas: ExaminationArea.allCases.map { area in
                    let name = area.danish.lowercased()
                    guard let a = exam.assessment(of: area) else { return AreaEvidence(name: name, state: .missing) }
                    if let reason = a.notRelevantReason {
                        return AreaEvidence(name: name, state: .notRelevant(reason: reason))
                    }
                    return AreaEvidence(name: name, state: .covered)
                },
                youngPersonViewRecorded: !Self.blank(exam.childInterview?.summary)
                    || exam.areas.contains { !Self.blank($0.details?.ownView) },
                specialSupportNeeded: exam.conclusion?.specialSupportNeeded)
        }

        if let latest = file.actionPlans.max(by: { $0.version < $1.version }) {
            let validation: PlanValidationEvidence
            if let validatePlan {
                let errors = validatePlan(file, today).filter { $0.severity == .error }.map(\.message)
                validation = errors.isEmpty ? .passed : .failed(errors)
            } else {
                validation = .notChecked
            }
            plan = PlanEvidence(
                name: CaseEvidence.planName(
                    birthDate: file.youngPerson.birthDate, on: latest.date,
                    bases: DecisionLaw.planBases(file.decisions, on: latest.date).flatMap(\.planBasisKinds)),
                version: latest.version, date: latest.date, author: latest.author,
                goals: latest.allGoals.map { g in
                    PlanGoalEvidence(
                        id: g.id, title: g.text, servedByMeasure: latest.measures.contains { $0.goalIDs.contains(g.id) }
                    )
                },
                youngPersonViewRecorded: latest.participants.contains { $0.role == .youngPerson && $0.formulatedGoals }
                    || latest.allGoals.contains { !Self.blank($0.ownWords) },
                validation: validation)
        }

        if let stance = file.decisions.filter({ $0.kind == .planStance }).max(by: { $0.decisionDate < $1.decisionDate })
        {
            planStance = PlanStanceEvidence(id: stance.id, date: stance.decisionDate, reason: stance.reason ?? "")
        }

        var newestByProvider: [String: TreatmentPlan] = [:]
        for t in file.treatmentPlans where (newestByProvider[t.provider]?.version ?? Int.min) < t.version {
            newestByProvider[t.provider] = t
        }
        treatmentPlans = newestByProvider.values.sorted { $0.provider < $1.provider }.map { t in
            TreatmentPlanEvidence(
                provider: t.provider, version: t.version, date: t.date,
                goals: t.goals.map {
                    TreatmentGoalEvidence(title: $0.text, planGoalID: Self.blank($0.planGoalID) ? nil : $0.planGoalID)
                }, superseded: TreatmentPlanBasis.supersededShort(t, in: file))
        }

        var byArena: [Arena: Int] = [:]
        for person in file.network.people { byArena[person.arena, default: 0] += 1 }
        networkPeopleByArena = byArena

        tools = file.toolRecords.map { ToolEvidence(tool: $0.tool, date: $0.date) }.sorted { $0.date < $1.date }
    }

    /// True for nil or whitespace only.
    static func blank(_ s: String?) -> Bool { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    /// Danish time, for turning instants (a notification's receipt) into dates.
    public static let danishTime = DanishTime.timeZone

    /// The calendar day an instant falls on in `timeZone`.
    static func day(of instant: Date, in timeZone: TimeZone) -> LocalDate {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
        return LocalDate(dayNumber: Int((Double(seconds) / 86400).rounded(.down)))
    }

    /// What the plan is called on `date`, from the one plan choice (`PlanKind.requirement`): barnets
    /// plan under 16, ungeplan from 16 (and for 18-22 on ungestøtte), handleplan for adults or
    /// before Barnets lov. Without a birth date: "handleplan" (the neutral word).
    public static func planName(birthDate: LocalDate?, on date: LocalDate, bases: [DecisionKind] = []) -> String {
        guard let birthDate else { return "handleplan" }
        let kind = PlanKind.required(age: Age.years(born: birthDate, on: date), on: date, bases: bases)
        return kind == .ungeplan ? "ungeplan" : kind == .barnetsPlan ? "barnets plan" : "handleplan"
    }
}
