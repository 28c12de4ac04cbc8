import Foundation

/// What a rule found in the case for one checklist item: an answer (nil: the case cannot tell, so
/// the item is asked) and the evidence named in Danish ("ungeplan v2, 01.03.2026").
public struct EvidenceResult: Sendable, Equatable {
    public var answer: ChecklistAnswerValue?
    public var evidence: String

    public init(_ answer: ChecklistAnswerValue?, _ evidence: String) {
        self.answer = answer
        self.evidence = evidence
    }

    /// Nothing to look at yet: the item stays unanswered.
    public static func unanswered(_ evidence: String) -> EvidenceResult { EvidenceResult(nil, evidence) }
}

/// A rule that answers a checklist item from the case. Rules never print and never fail an item
/// only because the case holds nothing yet.
public protocol EvidenceRule: Sendable {
    func evaluate(_ evidence: CaseEvidence) -> EvidenceResult
}

/// The rules that can answer items, named in the checklist data.
public enum EvidenceRuleID: String, Sendable, Equatable, CaseIterable, Codable {
    case concernInformed
    case forumUsed
    case youngPersonView
    case dialogueTool
    case networkArenas
    case examinationCoverage
    case networkTool
    case actionPlan
    case treatmentLinks

    /// The rule itself.
    public var rule: any EvidenceRule {
        switch self {
        case .concernInformed: return ConcernInformedRule()
        case .forumUsed: return ForumUsedRule()
        case .youngPersonView: return YoungPersonViewRule()
        case .dialogueTool: return ToolUsedRule.dialogue
        case .networkArenas: return NetworkArenasRule()
        case .examinationCoverage: return ExaminationCoverageRule()
        case .networkTool: return NetworkToolRule()
        case .actionPlan: return ActionPlanRule()
        case .treatmentLinks: return TreatmentLinksRule()
        }
    }
}

/// Danish tool names for the `ToolRecord.tool` ids.
enum ToolNames {
    static func danish(_ id: String) -> String { DialogueTool.danishName(ofID: id) }
}

/// Joins names the Danish way: "a, b og c".
func danishList(_ names: [String]) -> String {
    guard names.count > 1 else { return names.first ?? "" }
    return names.dropLast().joined(separator: ", ") + " og " + names.last!
}

/// Ch. 3: the young person and the parents were told about each notification, or the reason they
/// were not is recorded. From 18 the parents need not be told.
public struct ConcernInformedRule: EvidenceRule {
    public init() {}

    public func evaluate(_ e: CaseEvidence) -> EvidenceResult {
        guard !e.concernReports.isEmpty else { return .unanswered("ingen underretning registreret") }
        let parentsNeeded = (e.age ?? 0) < 18
        var missing: [String] = []
        var partly: [String] = []
        var unknown: [String] = []
        var each: [String] = []
        for r in e.concernReports {
            let label = "underretning \(r.number)"
            if let text = r.custodyOrientation, parentsNeeded {
                // Person by person: each custody holder told, or the reason for that person recorded.
                each.append("\(label): \(text)")
                if r.custodyReasonMissing {
                    partly.append(label)
                    continue
                }
                switch r.youngPersonInformed {
                case true?: continue
                case nil: unknown.append(label)
                case false?:
                    if let reason = r.reasonNotInformed, !reason.trimmingCharacters(in: .whitespaces).isEmpty {
                        continue
                    }
                    partly.append(label)
                }
                continue
            }
            if let reason = r.reasonNotInformed, !reason.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let young = r.youngPersonInformed
            let parents: Bool? = parentsNeeded ? r.parentsInformed : true
            switch (young, parents) {
            case (true, true): continue
            case (nil, _), (_, nil): unknown.append(label)
            case (false, false): missing.append(label)
            default: partly.append(label)
            }
        }
        let told = parentsNeeded ? "den unge og forældrene" : "den unge"
        // The custody holders person by person, after the verdict: "underretning 1: mor (...) orienteret 01.12.2026; ...".
        let persons = each.isEmpty ? "" : ". " + each.joined(separator: ". ")
        if !missing.isEmpty {
            return EvidenceResult(
                .no, "\(danishList(missing)): \(told) er ikke orienteret, og der står ingen begrundelse" + persons)
        }
        if !partly.isEmpty {
            let who = parentsNeeded ? "kun den unge eller kun forældrene" : "den unge"
            return EvidenceResult(
                .partly, "\(danishList(partly)): \(who) er orienteret, og der står ingen begrundelse" + persons)
        }
        if !unknown.isEmpty {
            return .unanswered("\(danishList(unknown)): det står ikke, om \(told) er orienteret" + persons)
        }
        let n = e.concernReports.count
        return EvidenceResult(
            .yes,
            (n == 1
                ? "underretning 1: \(told) er orienteret, eller begrundelsen står i sagen"
                : "alle \(n) underretninger: \(told) er orienteret, eller begrundelsen står i sagen") + persons)
    }
}

/// Ch. 3: a cross-disciplinary forum (SSD, SSP, PPR) is recorded. Without one the item is asked:
/// the caseworker may have considered a forum and decided against it.
public struct ForumUsedRule: EvidenceRule {
    public static let forumTools = ["ssdMeeting", "sspMeeting", "pprMeeting"]
    public init() {}

    public func evaluate(_ e: CaseEvidence) -> EvidenceResult {
        let used = e.tools.filter { ForumUsedRule.forumTools.contains($0.tool) }
        guard let last = used.last else { return .unanswered("intet møde i et tværfagligt forum registreret") }
        return EvidenceResult(.yes, "\(ToolNames.danish(last.tool)) \(last.date.danishShort)")
    }
}

/// Ch. 4 and 7: the young person's own view is written into the examination and the plan.
public struct YoungPersonViewRule: EvidenceRule {
    public init() {}

    public func evaluate(_ e: CaseEvidence) -> EvidenceResult {
        var parts: [(String, Bool?)] = []
        if let exam = e.examination { parts.append(("undersøgelsen", exam.youngPersonViewRecorded)) }
        if let plan = e.plan { parts.append((plan.name + " v\(plan.version)", plan.youngPersonViewRecorded)) }
        guard !parts.isEmpty else { return .unanswered("hverken undersøgelse eller plan registreret endnu") }
        let with = parts.filter { $0.1 == true }.map(\.0)
        let without = parts.filter { $0.1 == false }.map(\.0)
        let unknown = parts.filter { $0.1 == nil }.map(\.0)
        if !unknown.isEmpty && without.isEmpty {
            return .unanswered("det fremgår ikke, om den unges eget syn står i \(danishList(unknown))")
        }
        if without.isEmpty {
            return EvidenceResult(.yes, "den unges eget syn står i \(danishList(with))")
        }
        if with.isEmpty {
            return EvidenceResult(.no, "den unges eget syn mangler i \(danishList(without))")
        }
        return EvidenceResult(
            .partly, "den unges eget syn står i \(danishList(with)), men mangler i \(danishList(without))")
    }
}

/// Ch. 4 (and 5): a dialogue tool is recorded. Without one the item is asked, since conversation
/// techniques leave no record.
public struct ToolUsedRule: EvidenceRule {
    public let tools: [String]
    public let nothing: String

    public static let dialogue = ToolUsedRule(
        tools: ["lifeline", "lifeWheel", "prosCons", "stagesOfChange", "concernArc", "dialogue"],
        nothing: "intet dialogredskab registreret (livslinje, livshjul, fordele/ulempe-skema, bekymringsbue)")

    public init(tools: [String], nothing: String) {
        self.tools = tools
        self.nothing = nothing
    }

    public func evaluate(_ e: CaseEvidence) -> EvidenceResult {
        let used = e.tools.filter { tools.contains($0.tool) }
        guard !used.isEmpty else { return .unanswered(nothing) }
        var latest: [String: LocalDate] = [:]
        var order: [String] = []
        for u in used {
            if latest[u.tool] == nil { order.append(u.tool) }
            latest[u.tool] = u.date
        }
        return EvidenceResult(.yes, danishList(order.map { "\(ToolNames.danish($0)) \(latest[$0]!.danishShort)" }))
    }
}

/// Ch. 5 (5.1 »alle sociale arenaer«): the network map has people in every arena. Fewer arenas are partly
/// answered (the map must not shame a young person with a thin network, so it is never a plain no).
public struct NetworkArenasRule: EvidenceRule {
    public init() {}

    public func evaluate(_ e: CaseEvidence) -> EvidenceResult {
        let used = Arena.allCases.filter { (e.networkPeopleByArena[$0] ?? 0) > 0 }
        guard !used.isEmpty else { return .unanswered("intet netværkskort endnu") }
        let people = e.networkPeopleByArena.values.reduce(0, +)
        let unused = Arena.allCases.filter { !used.contains($0) }.map { "'\($0.danish)'" }
        var text =
            "netværkskort: \(people) \(people == 1 ? "person" : "personer") i \(used.count) af \(Arena.allCases.count) arenaer"
        if !unused.isEmpty { text += ", ingen i \(danishList(unused))" }
        // Handbook 5.1 asks for »alle sociale arenaer«: yes only when every arena is on the map; otherwise partly,
        // never no, so a thin network is not held against the young person (AUDIT row 51).
        return EvidenceResult(unused.isEmpty ? .yes : .partly, text)
    }
}

/// Ch. 5 and 7: every area of the examination has a finding or a recorded reason for leaving it out.
/// Areas still open in an unfinished examination count as partly, in a finished one as no.
public struct ExaminationCoverageRule: EvidenceRule {
    public init() {}

    public func evaluate(_ e: CaseEvidence) -> EvidenceResult {
        guard let exam = e.examination else { return .unanswered("ingen undersøgelse registreret") }
        guard let areas = exam.areas, !areas.isEmpty else {
            return .unanswered("undersøgelsen er registreret, men dens områder er ikke udfyldt")
        }
        var covered = 0
        var left: [String] = []
        var missing: [String] = []
        for a in areas {
            switch a.state {
            case .covered: covered += 1
            case .notRelevant(let reason):
                if reason.trimmingCharacters(in: .whitespaces).isEmpty {
                    missing.append("'\(a.name)' (udeladt uden begrundelse)")
                } else {
                    left.append("'\(a.name)'")
                }
            case .missing: missing.append("'\(a.name)'")
            }
        }
        var text = "undersøgelse: \(covered) af \(areas.count) områder belyst"
        if !left.isEmpty { text += ", \(danishList(left)) begrundet udeladt" }
        if missing.isEmpty { return EvidenceResult(.yes, text) }
        text += ", \(danishList(missing)) mangler"
        if exam.completed == nil {
            return EvidenceResult(.partly, text + " (undersøgelsen er ikke afsluttet)")
        }
        return EvidenceResult(.no, text)
    }
}

/// Ch. 5: a network tool is recorded: a network meeting, or a network map with people on it.
public struct NetworkToolRule: EvidenceRule {
    public init() {}

    public func evaluate(_ e: CaseEvidence) -> EvidenceResult {
        var found: [String] = []
        if let meeting = e.tools.last(where: { $0.tool == "networkMeeting" }) {
            found.append("netværksmøde \(meeting.date.danishShort)")
        }
        let people = e.networkPeopleByArena.values.reduce(0, +)
        if people > 0 { found.append("netværkskort med \(people) \(people == 1 ? "person" : "personer")") }
        guard !found.isEmpty else { return .unanswered("hverken netværkskort eller netværksmøde registreret") }
        return EvidenceResult(.yes, danishList(found))
    }
}

/// Ch. 7: a plan exists and passes validation. No plan counts as no only once the examination is
/// finished (a plan is then due); before that the item is asked. Without a validator (see
/// `PlanValidation`) only the plan's presence, author and goals are checked.
public struct ActionPlanRule: EvidenceRule {
    public init() {}

    public func evaluate(_ e: CaseEvidence) -> EvidenceResult {
        guard let plan = e.plan else {
            // A recorded stillingtagen answers the item: "tage stilling til" is the duty (BL § 91 stk. 1, § 108 stk. 1).
            if let stance = e.planStance {
                return EvidenceResult(
                    .yes,
                    "kommunen har taget stilling \(stance.date.danishShort) (\(stance.id)): ingen plan, fordi \(stance.reason)"
                )
            }
            // A finished examination that found no need for special support asks for no plan (BL § 91 stk. 1
            // follows a decision on support; AUDIT row 50).
            if let done = e.examination?.completed, e.examination?.specialSupportNeeded == false {
                return EvidenceResult(
                    .yes,
                    "ingen plan skal laves: undersøgelsen blev afsluttet \(done.danishShort) uden behov for særlig støtte"
                )
            }
            if let done = e.examination?.completed {
                return EvidenceResult(.no, "ingen plan, men undersøgelsen blev afsluttet \(done.danishShort)")
            }
            return .unanswered("ingen plan registreret endnu")
        }
        switch plan.validation {
        case .failed(let errors):
            return EvidenceResult(.no, "\(plan.label): \(errors.count) fejl – \(errors.first ?? "")")
        case .passed:
            return EvidenceResult(.yes, "\(plan.label), opfylder kravene")
        case .notChecked:
            // Without the validator, only presence and basic content can be checked.
            if plan.author.trimmingCharacters(in: .whitespaces).isEmpty {
                return EvidenceResult(.partly, "\(plan.label): planen har ingen ansvarlig forfatter")
            }
            if let goals = plan.goals, goals.isEmpty {
                return EvidenceResult(.partly, "\(plan.label): planen har ingen mål")
            }
            return EvidenceResult(.yes, "\(plan.label) (indholdet er ikke kontrolleret)")
        }
    }
}

/// Ch. 7: every treatment-plan goal builds on a plan goal, and every plan goal is served, by a
/// treatment goal or by one of the plan's own measures.
public struct TreatmentLinksRule: EvidenceRule {
    public init() {}

    public func evaluate(_ e: CaseEvidence) -> EvidenceResult {
        guard !e.treatmentPlans.isEmpty else { return .unanswered("ingen behandlingsplan registreret") }
        guard let plan = e.plan else {
            return EvidenceResult(.no, "der er en behandlingsplan, men ingen plan med mål at bygge på")
        }
        guard let planGoals = plan.goals, e.treatmentPlans.allSatisfy({ $0.goals != nil }) else {
            return .unanswered("planens eller behandlingsplanens mål er ikke registreret")
        }
        let ids = Set(planGoals.map(\.id))
        var problems: [String] = []
        var served = Set(planGoals.filter(\.servedByMeasure).map(\.id))
        for t in e.treatmentPlans {
            if t.goals?.isEmpty == true { problems.append("behandlingsplanen fra \(t.provider) har ingen mål") }
            for g in t.goals ?? [] {
                if let target = g.planGoalID, ids.contains(target) {
                    served.insert(target)
                } else if let target = g.planGoalID {
                    problems.append(
                        "målet '\(g.title)' hos \(t.provider) peger på et mål, der ikke findes i planen (\(target))")
                } else {
                    problems.append("målet '\(g.title)' hos \(t.provider) peger ikke på et mål i planen")
                }
            }
        }
        for g in planGoals where !served.contains(g.id) {
            problems.append("planens mål '\(g.title)' har ingen indsats")
        }
        // A treatment plan built on a plan version since replaced is not "in step" with the plan.
        for t in e.treatmentPlans {
            if let s = t.superseded { problems.append("behandlingsplanen fra \(t.provider) v\(t.version) \(s)") }
        }
        let providers = danishList(e.treatmentPlans.map { "\($0.provider) v\($0.version), \($0.date.danishShort)" })
        if problems.isEmpty {
            return EvidenceResult(.yes, "behandlingsplan \(providers) bygger på \(plan.label); alle mål er dækket")
        }
        return EvidenceResult(.no, problems.joined(separator: "; "))
    }
}
