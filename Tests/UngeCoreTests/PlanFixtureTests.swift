import Foundation
import Testing

@testable import UngeCore

/// Shared fixtures for the plan tests: the fixture store's case 2026-0003 (Sofie, born 2 February
/// 2010) and the example answer files in `Fixtures/plan/`.
enum PlanFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Fixtures")

    static func d(_ s: String) -> LocalDate { LocalDate.parse(s)! }

    static func data(_ relative: String) throws -> Data {
        try Data(contentsOf: fixtures.appendingPathComponent(relative))
    }

    /// Case 2026-0003 from the fixture store, with the example examination.
    static func sofie(withExamination: Bool = true) throws -> CaseFile {
        var file = try UngeJSON.decoder().decode(CaseFile.self, from: data("lager/sager/2026-0003.json"))
        if withExamination {
            file.examination = try PlanInput.examination(
                from: data("plan/undersoegelse.json"), awareDate: d("2026-04-20"), author: "Lene Sagsbehandler")
        }
        return file
    }

    /// The example plan for Sofie, dated 1 September 2026.
    static func sofiePlan(version: Int = 1, date: String = "2026-09-01") throws -> ActionPlan {
        try PlanInput.plan(
            from: data("plan/plan.json"), version: version, date: d(date), author: "Lene Sagsbehandler", kind: .ungeplan
        )
    }

    static func sofieTreatment() throws -> TreatmentPlan {
        try PlanInput.treatmentPlan(
            from: data("plan/behandlingsplan.json"), version: 1, date: d("2026-09-21"), author: "Karin, U18-teamet",
            basedOnPlanVersion: 1)
    }

    /// A case for a young person who is `age` on `date` (birthday 40 days before), with a custody
    /// holder and a completed examination.
    static func person(age: Int, on date: LocalDate) -> CaseFile {
        let born = date.adding(days: -40).adding(years: -age)
        var file = CaseFile(
            id: CaseID("2026-0100")!, created: Date(timeIntervalSince1970: 0),
            youngPerson: YoungPerson(name: "Test Testesen", birthDate: born),
            network: Network(people: [
                NetworkPerson(
                    name: "Mette Testesen", relation: "mor", arena: .family, closeness: 1, custodyHolder: true)
            ]))
        file.examination = Examination(
            awareDate: date.adding(months: -4), completedDate: date.adding(days: -20),
            areas: ExaminationArea.allCases.map {
                .described($0, AreaDescription(findings: "Beskrevet", ownView: "Min mening"))
            },
            conclusion: ExaminationConclusion(specialSupportNeeded: true, reasons: "Behov for støtte"))
        return file
    }

    /// A plan with every section the law asks for at that age and date.
    static func completePlan(age: Int, on date: LocalDate) -> ActionPlan {
        let kind = PlanKind.required(age: age, on: date)
        var plan = ActionPlan(
            version: 1, date: date, author: "Lene", kind: kind, purpose: "At komme godt i gang med skolen",
            goals: [Goal(id: "M1", text: "Gå i skole hver dag", ownWords: "Jeg vil gerne i skole", area: .school)],
            measures: [
                Measure(
                    kind: .contactPerson, provider: "Ungeteamet", start: date, expectedDuration: "6 måneder",
                    goalIDs: ["M1"])
            ],
            otherMatters: [OtherMatter(topic: .housing, text: "Bor hjemme")],
            participants: [Participant(name: "Test", role: .youngPerson, formulatedGoals: true, consentToPlan: true)],
            nextFollowUp: date.adding(months: 2))
        if age < 18 {
            plan.participants.append(
                Participant(name: "Mette Testesen", role: .custodyHolder, formulatedGoals: true, consentToPlan: true))
        }
        if age >= 16 && age < 18 {
            plan.transitionGoals = [Goal(id: "O1", text: "Starte på en uddannelse", transitionTopic: .education)]
        }
        if age >= 18 {
            plan.offer = PlanOffer(offeredDate: date, response: .accepted, responseDate: date)
            plan.adultBasis = AdultBasis(
                drugProblem: "Hash dagligt", socialSituation: "Bor alene", otherMatters: "Ingen")
        }
        return plan
    }

    /// Compares with a golden file under Fixtures; `UNGE_RECORD=1` re-records it.
    static func expectGolden(_ actual: String, _ relative: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let url = fixtures.appendingPathComponent(relative)
        if ProcessInfo.processInfo.environment["UNGE_RECORD"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? "(mangler \(relative): kør med UNGE_RECORD=1)"
        guard expected != actual else { return }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for i in 0..<max(e.count, a.count) where (i < e.count ? e[i] : nil) != (i < a.count ? a[i] : nil) {
            lines.append(
                "linje \(i + 1):\n  forventet: \(i < e.count ? String(e[i]) : "<ingen>")\n  faktisk:   \(i < a.count ? String(a[i]) : "<ingen>")"
            )
            if lines.count >= 5 { break }
        }
        let message = "Afviger fra \(relative):\n" + lines.joined(separator: "\n")
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}

@Suite("Eksempelfiler til planen")
struct PlanFixtureTests {
    @Test("eksemplerne i Fixtures/plan kan læses og er gyldige")
    func examplesAreValid() throws {
        let file = try PlanFixtures.sofie()
        let plan = try PlanFixtures.sofiePlan()
        #expect(plan.kind == .ungeplan)
        #expect(plan.goals.map(\.id) == ["M1", "M2", "M3"])
        #expect(plan.transitionGoals.first?.transitionTopic == .education)
        #expect(PlanValidator.validate(plan, in: file).filter { $0.severity == .error } == [])
        let exam = try #require(file.examination)
        #expect(
            ExaminationValidator.validate(
                exam, youngPerson: file.youngPerson, network: file.network, on: PlanFixtures.d("2026-08-10")) == [])
        let t = try PlanFixtures.sofieTreatment()
        #expect(TreatmentPlanValidator.validate(t, plan: plan, youngPerson: file.youngPerson) == [])
    }

    @Test("en fil uden gyldig JSON afvises med en dansk besked")
    func badInput() {
        #expect(
            throws: PlanInput.InputError(
                description: "Filen er ikke gyldig JSON (tjek kommaer, anførselstegn og klammer).")
        ) {
            _ = try PlanInput.plan(
                from: Data("{".utf8), version: 1, date: PlanFixtures.d("2026-09-01"), author: "x", kind: .ungeplan)
        }
        #expect(throws: PlanInput.InputError(description: "Filen skal indeholde ét JSON-objekt ({ ... }).")) {
            _ = try PlanInput.plan(
                from: Data("[]".utf8), version: 1, date: PlanFixtures.d("2026-09-01"), author: "x", kind: .ungeplan)
        }
    }

    @Test("ukendte felter i en svarfil afvises, så en stavefejl ikke forsvinder")
    func unknownKeys() {
        #expect(throws: PlanInput.InputError.self) {
            _ = try PlanInput.plan(
                from: Data(#"{"purpse":"x"}"#.utf8), version: 1, date: PlanFixtures.d("2026-09-01"), author: "x",
                kind: .ungeplan)
        }
        do {
            _ = try PlanInput.examination(
                from: Data(#"{"area":[]}"#.utf8), awareDate: PlanFixtures.d("2026-09-01"), author: "x")
            Issue.record("burde afvises")
        } catch {
            #expect(
                error.description.hasPrefix("Ukendt felt 'area' i filen. Gyldige felter: areas, author, awareDate,"))
        }
    }

    @Test("de tilladte felter er præcis dem, typerne gemmer")
    func keysMatchTypes() throws {
        func keys<T: Encodable>(_ value: T) throws -> Set<String> {
            Set((try JSONSerialization.jsonObject(with: UngeJSON.encoder().encode(value)) as! [String: Any]).keys)
        }
        var plan = try PlanFixtures.sofiePlan()
        plan.offer = PlanOffer(offeredDate: plan.date, response: .accepted)
        plan.adultBasis = AdultBasis()
        plan.changeNote = "x"
        #expect(try keys(plan) == PlanInput.planKeys)
        var t = try PlanFixtures.sofieTreatment()
        t.author = "x"
        #expect(try keys(t) == PlanInput.treatmentPlanKeys)
        var exam = try #require(try PlanFixtures.sofie().examination)
        exam.author = "x"
        #expect(try keys(exam) == PlanInput.examinationKeys)
    }
}
