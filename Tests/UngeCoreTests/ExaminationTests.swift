import Foundation
import Testing

@testable import UngeCore

@Suite("Børnefaglig undersøgelse")
struct ExaminationTests {
    typealias F = PlanFixtures

    @Test("et område kan være ikke relevant med en begrundelse, og JSON er flad")
    func notRelevantCoding() throws {
        let a = AreaAssessment.notRelevant(.other, reason: "Intet at bemærke")
        let json = String(decoding: try UngeJSON.encoder(pretty: false).encode(a), as: UTF8.self)
        #expect(json == #"{"area":"other","notRelevant":true,"reason":"Intet at bemærke"}"#)
        #expect(try UngeJSON.decoder().decode(AreaAssessment.self, from: Data(json.utf8)) == a)
        let described = AreaAssessment.described(
            .school,
            AreaDescription(
                findings: "Fravær", ownView: "Jeg keder mig",
                sources: [InformationSource(kind: .professional, name: "Lone, lærer")]))
        let back = try UngeJSON.decoder().decode(AreaAssessment.self, from: UngeJSON.encoder().encode(described))
        #expect(back == described)
        #expect(back.details?.sources.first?.label == "fagperson: Lone, lærer")
    }

    @Test("en gammel fil med kun datoerne kan stadig læses")
    func oldFile() throws {
        let e = try UngeJSON.decoder().decode(
            Examination.self, from: Data(#"{"awareDate":"2026-03-01","completedDate":"2026-06-01"}"#.utf8))
        #expect(e.awareDate == F.d("2026-03-01"))
        #expect(e.completedDate == F.d("2026-06-01"))
        #expect(e.areas == [] && e.kind == .examination && e.conclusion == nil)
        #expect(e.unassessedAreas == ExaminationArea.allCases)
    }

    @Test("misbrugsfaser og forandringscirklen")
    func stages() throws {
        #expect(UsePhase(rawValue: 3) == .misuse)
        #expect(UsePhase.problematic.label == "fase 2: problematisk brug")
        #expect(StageOfChange.parse("overvejelse") == .contemplation)
        #expect(String(decoding: try UngeJSON.encoder(pretty: false).encode(UsePhase.dependence), as: UTF8.self) == "4")
    }

    @Test("en afsluttet undersøgelse skal have en konklusion og alle områder")
    func completedNeedsConclusion() throws {
        let file = try F.sofie()
        var exam = try #require(file.examination)
        exam.conclusion = nil
        exam.areas.removeLast()
        let f = ExaminationValidator.validate(
            exam, youngPerson: file.youngPerson, network: file.network, on: F.d("2026-08-10"))
        // BL § 22 stk. 1: "skal tilrettelægges ud fra en helhedsbetragtning og skal afdække udfordringer og ressourcer
        // hos barnet eller den unge, familien og netværket" – the six areas are practice: a warning without a paragraph.
        #expect(
            f.map(\.message) == [
                "Undersøgelsen er afsluttet, men konklusionen (behov for særlig støtte ja/nej med begrundelse) mangler.",
                "Området 'Andre relevante forhold' er hverken beskrevet eller markeret som ikke relevant med en begrundelse. (håndbogens seks områder; barnets lov § 22 kræver en helhedsbetragtning)",
            ])
        #expect(f[0].severity == .error && f[0].citation == "barnets lov § 20 (tidl. serviceloven § 50)")
        #expect(f[1].severity == .warning && f[1].citation == nil)
        // Before 2024 serviceloven § 50 stk. 2 listed the six areas: an error citing SEL § 50.
        var old = exam
        old.awareDate = F.d("2023-04-01")
        old.completedDate = F.d("2023-07-01")
        let g = ExaminationValidator.validate(
            old, youngPerson: file.youngPerson, network: file.network, on: F.d("2023-07-01"))
        #expect(g.first { $0.ruleID == "examination.area" }?.severity == .error)
        #expect(g.first { $0.ruleID == "examination.area" }?.citation == "serviceloven § 50")
    }

    /// BL § 20 stk. 3's 4 months concern "Den børnefaglige undersøgelse"; an afdækning (§ 19) has none.
    @Test("en afdækning får hverken 4-måneders-advarsel eller fejl for de seks områder")
    func afdaekningNoDeadline() throws {
        let file = try F.sofie()
        var exam = try #require(file.examination)
        exam.kind = .afdaekning
        exam.completedDate = nil
        exam.conclusion = nil
        exam.areas.removeLast()
        let f = ExaminationValidator.validate(
            exam, youngPerson: file.youngPerson, network: file.network, on: F.d("2026-12-01"))
        #expect(!f.contains { $0.ruleID == "examination.deadline" })
        #expect(!f.hasErrors)
    }

    @Test("et område uden begrundelse for at være udeladt afvises")
    func reasonRequired() throws {
        let file = try F.sofie()
        var exam = try #require(file.examination)
        exam.areas[5] = .notRelevant(.other, reason: " ")
        let f = ExaminationValidator.validate(
            exam, youngPerson: file.youngPerson, network: file.network, on: F.d("2026-08-10"))
        #expect(f.map(\.ruleID) == ["examination.area.reason"])
    }

    @Test("efter 4 måneder kræves en foreløbig vurdering")
    func provisional() throws {
        let file = try F.sofie()
        var exam = try #require(file.examination)
        exam.completedDate = nil
        exam.conclusion = nil
        let f = ExaminationValidator.validate(
            exam, youngPerson: file.youngPerson, network: file.network, on: F.d("2026-08-21"))
        #expect(
            f.map(\.message) == [
                "Fristen på 4 måneder udløb 20. august 2026. Skriv en foreløbig vurdering, så længe undersøgelsen ikke er afsluttet."
            ])
        #expect(f.first?.citation == "barnets lov § 20, stk. 3 (tidl. serviceloven § 50, stk. 7)")
        exam.conclusion = ExaminationConclusion(
            specialSupportNeeded: true, reasons: "", provisionalAssessment: "Foreløbigt behov for kontaktperson")
        #expect(
            ExaminationValidator.validate(
                exam, youngPerson: file.youngPerson, network: file.network, on: F.d("2026-08-21")) == [])
    }

    @Test("fra 15 år i samarbejde med den unge; den unge oplyses om retten til en bisidder", arguments: [14, 15])
    func cooperation(age: Int) throws {
        let day = F.d("2026-09-01")
        var file = F.person(age: age, on: day)
        var exam = try #require(file.examination)
        exam.participants = [Participant(name: "Mette Testesen", role: .custodyHolder)]
        exam.childInterview = ChildInterview(date: day, supportPersonOffered: false)
        file.examination = exam
        let ids = ExaminationValidator.validate(exam, youngPerson: file.youngPerson, network: file.network, on: day)
            .map(\.ruleID)
        #expect(
            ids
                == (age >= 15
                    ? ["examination.cooperation.youngPerson", "examination.supportPerson"]
                    : ["examination.supportPerson"]))
    }
}
