import Testing

@testable import UngeCore

private let today = LocalDate(year: 2026, month: 4, day: 13)!
private let d0301 = LocalDate(year: 2026, month: 3, day: 1)!
private let d0210 = LocalDate(year: 2026, month: 2, day: 10)!

private func evidence(age: Int? = 16) -> CaseEvidence { CaseEvidence(today: today, age: age) }

private func areas(missing: [String] = [], left: [String: String] = [:]) -> [AreaEvidence] {
    ["udvikling og adfærd", "familie", "skole", "sundhed", "fritid og venskaber", "andet"].map { name in
        if missing.contains(name) { return AreaEvidence(name: name, state: .missing) }
        if let reason = left[name] { return AreaEvidence(name: name, state: .notRelevant(reason: reason)) }
        return AreaEvidence(name: name, state: .covered)
    }
}

private func plan(
    goals: [PlanGoalEvidence]? = nil, view: Bool? = nil, validation: PlanValidationEvidence = .passed,
    author: String = "Mette Holm"
) -> PlanEvidence {
    PlanEvidence(
        name: "ungeplan", version: 2, date: d0301, author: author, goals: goals, youngPersonViewRecorded: view,
        validation: validation)
}

@Suite("Tjekliste: underretning og orientering (kap. 3)")
struct ConcernInformedRuleTests {
    let rule = ConcernInformedRule()

    @Test("ingen underretning: ubesvaret")
    func none() {
        #expect(rule.evaluate(evidence()) == .unanswered("ingen underretning registreret"))
    }

    @Test("begge orienteret: ja")
    func yes() {
        var e = evidence()
        e.concernReports = [
            ConcernEvidence(number: 1, received: d0210, youngPersonInformed: true, parentsInformed: true)
        ]
        #expect(
            rule.evaluate(e)
                == EvidenceResult(
                    .yes, "underretning 1: den unge og forældrene er orienteret, eller begrundelsen står i sagen"))
    }

    @Test("ikke orienteret, men begrundet: ja")
    func reason() {
        var e = evidence()
        e.concernReports = [
            ConcernEvidence(number: 1, received: d0210, youngPersonInformed: true, parentsInformed: true),
            ConcernEvidence(
                number: 2, received: d0301, youngPersonInformed: false, parentsInformed: false,
                reasonNotInformed: "mistanke om vold i hjemmet"),
        ]
        #expect(
            rule.evaluate(e)
                == EvidenceResult(
                    .yes, "alle 2 underretninger: den unge og forældrene er orienteret, eller begrundelsen står i sagen"
                ))
    }

    @Test("ingen orienteret og ingen begrundelse: nej")
    func no() {
        var e = evidence()
        e.concernReports = [
            ConcernEvidence(
                number: 1, received: d0210, youngPersonInformed: false, parentsInformed: false, reasonNotInformed: "  ")
        ]
        #expect(
            rule.evaluate(e)
                == EvidenceResult(
                    .no, "underretning 1: den unge og forældrene er ikke orienteret, og der står ingen begrundelse"))
    }

    @Test("kun den unge orienteret: delvis")
    func partly() {
        var e = evidence()
        e.concernReports = [
            ConcernEvidence(number: 1, received: d0210, youngPersonInformed: true, parentsInformed: false)
        ]
        #expect(rule.evaluate(e).answer == .partly)
    }

    @Test("fra 18 år skal forældrene ikke orienteres")
    func adult() {
        var e = evidence(age: 19)
        e.concernReports = [
            ConcernEvidence(number: 1, received: d0210, youngPersonInformed: true, parentsInformed: nil)
        ]
        #expect(
            rule.evaluate(e)
                == EvidenceResult(.yes, "underretning 1: den unge er orienteret, eller begrundelsen står i sagen"))
    }

    @Test("ikke registreret om de er orienteret: ubesvaret")
    func unknown() {
        var e = evidence()
        e.concernReports = [ConcernEvidence(number: 1, received: d0210)]
        #expect(
            rule.evaluate(e) == .unanswered("underretning 1: det står ikke, om den unge og forældrene er orienteret"))
    }
}

@Suite("Tjekliste: tværfagligt forum (kap. 3)")
struct ForumUsedRuleTests {
    @Test("SSD-møde registreret: ja; intet: ubesvaret")
    func bothWays() {
        var e = evidence()
        #expect(ForumUsedRule().evaluate(e) == .unanswered("intet møde i et tværfagligt forum registreret"))
        e.tools = [ToolEvidence(tool: "lifeline", date: d0210), ToolEvidence(tool: "ssdMeeting", date: d0301)]
        #expect(ForumUsedRule().evaluate(e) == EvidenceResult(.yes, "SSD-møde 01.03.2026"))
    }
}

@Suite("Tjekliste: den unges eget syn (kap. 4 og 7)")
struct YoungPersonViewRuleTests {
    let rule = YoungPersonViewRule()

    @Test("hverken undersøgelse eller plan: ubesvaret")
    func nothing() {
        #expect(rule.evaluate(evidence()) == .unanswered("hverken undersøgelse eller plan registreret endnu"))
    }

    @Test("står i både undersøgelse og plan: ja")
    func yes() {
        var e = evidence()
        e.examination = ExaminationEvidence(youngPersonViewRecorded: true)
        e.plan = plan(view: true)
        #expect(rule.evaluate(e) == EvidenceResult(.yes, "den unges eget syn står i undersøgelsen og ungeplan v2"))
    }

    @Test("mangler begge steder: nej")
    func no() {
        var e = evidence()
        e.examination = ExaminationEvidence(youngPersonViewRecorded: false)
        e.plan = plan(view: false)
        #expect(rule.evaluate(e) == EvidenceResult(.no, "den unges eget syn mangler i undersøgelsen og ungeplan v2"))
    }

    @Test("står i undersøgelsen, mangler i planen: delvis")
    func partly() {
        var e = evidence()
        e.examination = ExaminationEvidence(youngPersonViewRecorded: true)
        e.plan = plan(view: false)
        #expect(
            rule.evaluate(e)
                == EvidenceResult(.partly, "den unges eget syn står i undersøgelsen, men mangler i ungeplan v2"))
    }

    @Test("ukendt: ubesvaret")
    func unknown() {
        var e = evidence()
        e.examination = ExaminationEvidence()
        #expect(rule.evaluate(e) == .unanswered("det fremgår ikke, om den unges eget syn står i undersøgelsen"))
    }
}

@Suite("Tjekliste: dialogredskab (kap. 4)")
struct DialogueToolRuleTests {
    @Test("livslinje og fordele/ulempe-skema registreret: ja, med seneste dato")
    func yes() {
        var e = evidence()
        e.tools = [
            ToolEvidence(tool: "lifeline", date: d0210), ToolEvidence(tool: "networkMeeting", date: d0210),
            ToolEvidence(tool: "prosCons", date: d0210), ToolEvidence(tool: "lifeline", date: d0301),
        ]
        #expect(
            ToolUsedRule.dialogue.evaluate(e)
                == EvidenceResult(.yes, "livslinje 01.03.2026 og fordele/ulempe-skema 10.02.2026"))
    }

    @Test("kun et netværksmøde: ubesvaret, ikke nej")
    func unanswered() {
        var e = evidence()
        e.tools = [ToolEvidence(tool: "networkMeeting", date: d0210)]
        let r = ToolUsedRule.dialogue.evaluate(e)
        #expect(r.answer == nil)
        #expect(r.evidence.hasPrefix("intet dialogredskab registreret"))
    }
}

@Suite("Tjekliste: netværkskortets arenaer (kap. 5)")
struct NetworkArenasRuleTests {
    let rule = NetworkArenasRule()

    @Test("intet netværkskort: ubesvaret")
    func none() {
        #expect(rule.evaluate(evidence()) == .unanswered("intet netværkskort endnu"))
    }

    /// Handbook 5.1 »alle sociale arenaer« (AUDIT row 51): some arenas only is partly, all of them yes.
    @Test("personer i nogle arenaer: delvis, og de tomme arenaer nævnes; i alle fem: ja")
    func yes() {
        var e = evidence()
        e.networkPeopleByArena = [.family: 2, .schoolAndWork: 1, .professionals: 1]
        #expect(
            rule.evaluate(e)
                == EvidenceResult(
                    .partly, "netværkskort: 4 personer i 3 af 5 arenaer, ingen i 'slægt' og 'venner, naboer, fritid'"))
        e.networkPeopleByArena = [
            .family: 2, .relatives: 1, .friendsAndLeisure: 1, .schoolAndWork: 1, .professionals: 1,
        ]
        #expect(rule.evaluate(e) == EvidenceResult(.yes, "netværkskort: 6 personer i 5 af 5 arenaer"))
    }

    @Test("kun én arena: delvis")
    func partly() {
        var e = evidence()
        e.networkPeopleByArena = [.family: 1]
        let r = rule.evaluate(e)
        #expect(r.answer == .partly)
        #expect(r.evidence.hasPrefix("netværkskort: 1 person i 1 af 5 arenaer, ingen i 'slægt', "))
    }
}

@Suite("Tjekliste: undersøgelsens områder (kap. 5 og 7)")
struct ExaminationCoverageRuleTests {
    let rule = ExaminationCoverageRule()

    @Test("ingen undersøgelse eller ingen områder: ubesvaret")
    func unanswered() {
        var e = evidence()
        #expect(rule.evaluate(e) == .unanswered("ingen undersøgelse registreret"))
        e.examination = ExaminationEvidence(completed: d0301)
        #expect(rule.evaluate(e) == .unanswered("undersøgelsen er registreret, men dens områder er ikke udfyldt"))
    }

    @Test("alle belyst eller begrundet udeladt: ja")
    func yes() {
        var e = evidence()
        e.examination = ExaminationEvidence(completed: d0301, areas: areas(left: ["andet": "intet yderligere"]))
        #expect(
            rule.evaluate(e) == EvidenceResult(.yes, "undersøgelse: 5 af 6 områder belyst, 'andet' begrundet udeladt"))
    }

    @Test("afsluttet med et område, der mangler: nej")
    func no() {
        var e = evidence()
        e.examination = ExaminationEvidence(completed: d0301, areas: areas(missing: ["skole"]))
        #expect(rule.evaluate(e) == EvidenceResult(.no, "undersøgelse: 5 af 6 områder belyst, 'skole' mangler"))
    }

    @Test("udeladt uden begrundelse tæller som manglende")
    func emptyReason() {
        var e = evidence()
        e.examination = ExaminationEvidence(completed: d0301, areas: areas(left: ["fritid og venskaber": " "]))
        #expect(
            rule.evaluate(e)
                == EvidenceResult(
                    .no, "undersøgelse: 5 af 6 områder belyst, 'fritid og venskaber' (udeladt uden begrundelse) mangler"
                ))
    }

    @Test("ikke afsluttet med områder, der mangler: delvis")
    func partly() {
        var e = evidence()
        e.examination = ExaminationEvidence(completed: nil, areas: areas(missing: ["skole", "sundhed"]))
        #expect(
            rule.evaluate(e)
                == EvidenceResult(
                    .partly,
                    "undersøgelse: 4 af 6 områder belyst, 'skole' og 'sundhed' mangler (undersøgelsen er ikke afsluttet)"
                ))
    }
}

@Suite("Tjekliste: netværksredskab (kap. 5)")
struct NetworkToolRuleTests {
    @Test("netværksmøde og netværkskort: ja; intet: ubesvaret")
    func bothWays() {
        var e = evidence()
        #expect(NetworkToolRule().evaluate(e) == .unanswered("hverken netværkskort eller netværksmøde registreret"))
        e.tools = [ToolEvidence(tool: "networkMeeting", date: d0301)]
        #expect(NetworkToolRule().evaluate(e) == EvidenceResult(.yes, "netværksmøde 01.03.2026"))
        e.networkPeopleByArena = [.family: 1]
        #expect(
            NetworkToolRule().evaluate(e)
                == EvidenceResult(.yes, "netværksmøde 01.03.2026 og netværkskort med 1 person"))
    }
}

@Suite("Tjekliste: planen (kap. 7)")
struct ActionPlanRuleTests {
    let rule = ActionPlanRule()

    @Test("ingen plan og ingen afsluttet undersøgelse: ubesvaret")
    func unanswered() {
        var e = evidence()
        #expect(rule.evaluate(e) == .unanswered("ingen plan registreret endnu"))
        e.examination = ExaminationEvidence(completed: nil)
        #expect(rule.evaluate(e).answer == nil)
    }

    @Test("ingen plan efter afsluttet undersøgelse: nej")
    func noPlan() {
        var e = evidence()
        e.examination = ExaminationEvidence(completed: d0210)
        #expect(rule.evaluate(e) == EvidenceResult(.no, "ingen plan, men undersøgelsen blev afsluttet 10.02.2026"))
    }

    @Test("plan, der består valideringen: ja")
    func passed() {
        var e = evidence()
        e.plan = plan()
        #expect(rule.evaluate(e) == EvidenceResult(.yes, "ungeplan v2, 01.03.2026, opfylder kravene"))
    }

    @Test("plan uden validering: ja, men det står, at indholdet ikke er kontrolleret")
    func notChecked() {
        var e = evidence()
        e.plan = plan(validation: .notChecked)
        #expect(rule.evaluate(e) == EvidenceResult(.yes, "ungeplan v2, 01.03.2026 (indholdet er ikke kontrolleret)"))
    }

    @Test("plan, der fejler valideringen: nej med første fejl")
    func failed() {
        var e = evidence()
        e.plan = plan(validation: .failed(["Planen mangler mål for overgangen til voksenlivet.", "Varighed mangler."]))
        #expect(
            rule.evaluate(e)
                == EvidenceResult(
                    .no, "ungeplan v2, 01.03.2026: 2 fejl – Planen mangler mål for overgangen til voksenlivet."))
    }

    @Test("uden validering: plan uden forfatter eller uden mål er delvis")
    func basicContent() {
        var e = evidence()
        e.plan = plan(validation: .notChecked, author: " ")
        #expect(
            rule.evaluate(e) == EvidenceResult(.partly, "ungeplan v2, 01.03.2026: planen har ingen ansvarlig forfatter")
        )
        e.plan = plan(goals: [], validation: .notChecked)
        #expect(rule.evaluate(e) == EvidenceResult(.partly, "ungeplan v2, 01.03.2026: planen har ingen mål"))
    }

    @Test("en fejlet validering vinder over de enkle tjek")
    func failedWins() {
        var e = evidence()
        e.plan = plan(goals: [], validation: .failed(["Planen har ingen konkrete mål."]))
        #expect(
            rule.evaluate(e) == EvidenceResult(.no, "ungeplan v2, 01.03.2026: 1 fejl – Planen har ingen konkrete mål."))
    }
}

@Suite("Tjekliste: plan og behandlingsplan hænger sammen (kap. 7)")
struct TreatmentLinksRuleTests {
    let rule = TreatmentLinksRule()
    let goals = [
        PlanGoalEvidence(id: "m1", title: "Stoppe med hash"),
        PlanGoalEvidence(id: "m2", title: "Gå i skole hver dag", servedByMeasure: true),
    ]

    func withTreatment(_ tgoals: [TreatmentGoalEvidence]?) -> CaseEvidence {
        var e = evidence()
        e.plan = plan(goals: goals)
        e.treatmentPlans = [TreatmentPlanEvidence(provider: "U18 Centret", version: 1, date: d0301, goals: tgoals)]
        return e
    }

    @Test("ingen behandlingsplan eller mål ikke registreret: ubesvaret")
    func unanswered() {
        var e = evidence()
        e.plan = plan(goals: goals)
        #expect(rule.evaluate(e) == .unanswered("ingen behandlingsplan registreret"))
        #expect(
            rule.evaluate(withTreatment(nil)) == .unanswered("planens eller behandlingsplanens mål er ikke registreret")
        )
    }

    @Test("alle mål peger på planen og alle planens mål er dækket: ja")
    func yes() {
        let e = withTreatment([TreatmentGoalEvidence(title: "Færre dage med hash", planGoalID: "m1")])
        #expect(
            rule.evaluate(e)
                == EvidenceResult(
                    .yes,
                    "behandlingsplan U18 Centret v1, 01.03.2026 bygger på ungeplan v2, 01.03.2026; alle mål er dækket"))
    }

    @Test("et mål peger ingen steder, og et af planens mål er uden indsats: nej")
    func no() {
        let e = withTreatment([TreatmentGoalEvidence(title: "Motivationssamtaler", planGoalID: nil)])
        #expect(
            rule.evaluate(e)
                == EvidenceResult(
                    .no,
                    "målet 'Motivationssamtaler' hos U18 Centret peger ikke på et mål i planen; planens mål 'Stoppe med hash' har ingen indsats"
                ))
    }

    @Test("et mål peger på et mål, der ikke findes: nej")
    func dangling() {
        let e = withTreatment([
            TreatmentGoalEvidence(title: "Færre dage med hash", planGoalID: "m1"),
            TreatmentGoalEvidence(title: "Job", planGoalID: "m9"),
        ])
        #expect(
            rule.evaluate(e)
                == EvidenceResult(.no, "målet 'Job' hos U18 Centret peger på et mål, der ikke findes i planen (m9)"))
    }

    @Test("behandlingsplan uden plan: nej")
    func noPlan() {
        var e = evidence()
        e.treatmentPlans = [TreatmentPlanEvidence(provider: "U18 Centret", version: 1, date: d0301)]
        #expect(rule.evaluate(e).answer == .no)
    }
}
