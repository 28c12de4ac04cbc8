import Foundation
import Testing

@testable import UngeCore

/// The decision rules are one type per rule with a rule id, and the kinds come from one table.
@Suite("Afgørelsesreglerne: én type pr. regel, én tabel over typerne")
struct DecisionRulesStructureTests {
    @Test("hver type har sit eget ord, navn og lovgrundlag i tabellen")
    func descriptorTable() {
        let tokens = DecisionKind.allCases.map(\.token)
        #expect(Set(tokens).count == tokens.count)
        for kind in DecisionKind.allCases {
            #expect(DecisionKind.parse(kind.token) == kind)
            #expect(!kind.danishName.isEmpty)
            #expect((kind.descriptor.basis == nil) == (kind == .planStance))
        }
        #expect(DecisionKind.allCases.filter(\.isSupportMeasure).compactMap(\.supportNumber) == Array(1...8))
        #expect(
            DecisionKind.allCases.filter(\.isResidentialTreatment) == [
                .treatmentResidential, .adultTreatmentResidential,
            ])
    }

    @Test("kun datoer og manglende svar er brugerfejl (slutkode 2)")
    func usageIDs() {
        let usage = DecisionRuleID.allCases.filter(\.isUsage).map(\.rawValue)
        #expect(usage.allSatisfy { $0.hasPrefix("indsats.dato.") || $0.hasPrefix("indsats.mangler.") })
        let rules = DecisionRuleID.allCases.filter { !$0.isUsage }.map(\.rawValue)
        #expect(rules.allSatisfy { !$0.hasPrefix("indsats.dato.") && !$0.hasPrefix("indsats.mangler.") })
    }

    @Test("hver fund fra reglerne har et kendt regel-id")
    func everyFindingHasAnID() {
        let dec = DL.decision(.treatmentResidential, on: "2026-03-01", purpose: "", duration: nil)
        let findings = DL.check(dec, born: "2010-01-01")
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { DecisionRuleID(rawValue: $0.ruleID) != nil })
        #expect(
            DecisionLaw.onlyUsageErrors(
                DL.check(DL.decision(.contactPerson, on: "2026-03-01", purpose: ""), born: "2010-01-01")))
    }
}
