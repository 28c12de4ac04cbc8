import Foundation

/// How a treatment plan hangs together with the action plan (handbook ch. 7 checklist: "hænger
/// handleplanen og leverandørens kontrakt sammen?").
public struct TreatmentPlanCoherence: Sendable, Equatable {
    /// Goals of the action plan that no treatment goal serves.
    public var unservedPlanGoals: [Goal]
    /// Treatment goals that point to no goal of the action plan.
    public var danglingGoals: [TreatmentGoal]

    public var isCoherent: Bool { unservedPlanGoals.isEmpty && danglingGoals.isEmpty }

    public static func check(_ treatment: TreatmentPlan, against plan: ActionPlan) -> TreatmentPlanCoherence {
        let served = Set(treatment.goals.map(\.planGoalID) + [treatment.useGoal?.planGoalID].compactMap { $0 })
        return TreatmentPlanCoherence(
            unservedPlanGoals: plan.allGoals.filter { !served.contains($0.id) },
            danglingGoals: treatment.goals.filter { plan.goal(id: $0.planGoalID) == nil })
    }
}

/// Checks a treatment plan (behandlingsplan) against the action plan it builds on: returns findings.
public enum TreatmentPlanValidator {
    /// `plan` is the action-plan version the treatment plan builds on (nil: no plan yet).
    public static func validate(_ t: TreatmentPlan, plan: ActionPlan?, youngPerson: YoungPerson) -> [Finding] {
        let age = youngPerson.age(on: t.date)
        func f(_ id: String, _ s: Severity, _ m: String) -> Finding {
            Finding.make(id, s, m, legal: .drugTreatment, on: t.date, age: age)
        }
        var out: [Finding] = []
        if t.provider.trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(f("treatment.provider", .error, "Leverandøren mangler."))
        }
        guard let plan else {
            out.append(
                f(
                    "treatment.plan", .error,
                    "Der er ingen plan på sagen. Behandlingsplanen skal bygge på planens mål; lav planen først med 'unge plan'."
                ))
            return out
        }
        if t.goals.isEmpty {
            out.append(f("treatment.goals", .error, "Behandlingsplanen har ingen mål."))
        }
        var seen: Set<String> = []
        for g in t.goals {
            if g.id.isEmpty || !seen.insert(g.id).inserted {
                out.append(
                    Finding(
                        ruleID: "treatment.goals.id", severity: .error,
                        message: "Behandlingsmålet '\(g.text)' har intet nummer, eller nummeret er brugt før."))
            }
            if g.planGoalID.isEmpty {
                out.append(
                    f(
                        "treatment.goals.link", .error,
                        "Behandlingsmål \(g.id) ('\(g.text)') peger ikke på et mål i planen."))
            } else if plan.goal(id: g.planGoalID) == nil {
                out.append(
                    f(
                        "treatment.goals.link", .error,
                        "Behandlingsmål \(g.id) ('\(g.text)') peger på mål \(g.planGoalID), som ikke findes i planen (version \(plan.version))."
                    ))
            }
        }
        if let u = t.useGoal {
            if u.choice == .undecided {
                out.append(
                    f(
                        "treatment.useGoal", .warning,
                        "Den unge har ikke valgt endnu, om målet for forbruget er reduktion eller ophør."))
            }
            if let id = u.planGoalID, plan.goal(id: id) == nil {
                out.append(
                    f(
                        "treatment.goals.link", .error,
                        "Målet for forbruget peger på mål \(id), som ikke findes i planen (version \(plan.version))."))
            }
        } else {
            out.append(
                f(
                    "treatment.useGoal", .warning,
                    "Der er intet mål for selve forbruget (reduktion eller ophør, som den unge vælger)."))
        }
        if t.methods.isEmpty && t.goals.allSatisfy({ $0.methods.isEmpty }) {
            out.append(f("treatment.methods", .warning, "Behandlingsplanen beskriver ingen metoder."))
        }
        for g in TreatmentPlanCoherence.check(t, against: plan).unservedPlanGoals {
            out.append(
                Finding(
                    ruleID: "treatment.coherence", severity: .warning,
                    message: "Planens mål \(g.id) ('\(g.text)') dækkes ikke af noget behandlingsmål.",
                    legalReference: nil,
                    citation: "håndbogen kap. 7, tjekliste"))
        }
        return out.filter { $0.severity == .error } + out.filter { $0.severity == .warning }
    }
}

/// Builds the treatment plan document (behandlingsplan) with its coherence report.
public enum TreatmentPlanDocument {
    public static func build(
        _ t: TreatmentPlan, plan: ActionPlan?, in caseFile: CaseFile, findings: [Finding] = [], draft: Bool = false,
        showCPR: Bool = false
    ) -> Document {
        let age = caseFile.youngPerson.age(on: t.date)
        var doc = Document(title: "Behandlingsplan")
        if let plan {
            doc.subtitle =
                "bygger på \(plan.kind.title(on: plan.date, age: caseFile.youngPerson.age(on: plan.date))), version \(plan.version) af \(plan.date.danishLong)"
        }
        if draft { doc.add(.note("KLADDE: behandlingsplanen opfylder endnu ikke alle krav.")) }
        if let note = TreatmentPlanBasis.supersededNote(t, in: caseFile) { doc.add(.note(note)) }
        var fields = PlanDocument.personFields(caseFile, on: t.date, showCPR: showCPR)
        fields += [("Leverandør", t.provider), ("Dato", t.date.danishLong), ("Version", String(t.version))]
        if let a = t.author { fields.append(("Udarbejdet af", a)) }
        doc.add(.fields(fields))
        if draft {
            for f in findings where f.severity == .error { doc.add(.missing(PlanDocument.text(of: f))) }
        }

        doc.add(.heading("Mål for forbruget", level: 2))
        if let u = t.useGoal {
            var f: [(String, String)] = [("Den unges valg", u.choice.danish)]
            if let text = u.text { f.append(("Mål", text)) }
            if let id = u.planGoalID { f.append(("Planens mål", planGoalLabel(id, plan))) }
            doc.add(.fields(f))
        } else {
            doc.add(.paragraph("Intet mål for forbruget er sat."))
        }

        for domain in TreatmentDomain.allCases {
            let goals = t.goals(in: domain)
            guard !goals.isEmpty else { continue }
            doc.add(.heading(domain.danish, level: 2))
            doc.add(
                .table(
                    header: ["Nr.", "Mål", "Planens mål", "Metoder"],
                    rows: goals.map {
                        [$0.id, $0.text, planGoalLabel($0.planGoalID, plan), $0.methods.joined(separator: "; ")]
                    }))
        }

        if !t.methods.isEmpty {
            doc.add(.heading("Metoder", level: 2))
            doc.add(.list(t.methods))
        }

        if let wheel = Figures.tool(.lifeWheel, caseFile) { doc.add(wheel) }
        doc.add(.heading("Sammenhæng med planen", level: 2))
        if let plan {
            let c = TreatmentPlanCoherence.check(t, against: plan)
            if c.isCoherent {
                doc.add(
                    .paragraph(
                        "Alle planens mål dækkes af behandlingsplanen, og alle behandlingsmål peger på et mål i planen."
                    ))
            }
            if !c.unservedPlanGoals.isEmpty {
                doc.add(.paragraph("Planens mål, som intet behandlingsmål dækker:"))
                doc.add(.list(c.unservedPlanGoals.map { "\($0.id): \($0.text)" }))
            }
            if !c.danglingGoals.isEmpty {
                doc.add(.paragraph("Behandlingsmål, der ikke peger på et mål i planen:"))
                doc.add(
                    .list(
                        c.danglingGoals.map {
                            "\($0.id): \($0.text) (peger på \($0.planGoalID.isEmpty ? "intet" : $0.planGoalID))"
                        }))
            }
        } else {
            doc.add(.missing("Der er ingen plan på sagen, som behandlingsplanen kan bygge på."))
        }
        let ref = LegalReferences.reference(.drugTreatment)
        doc.add(.heading("Retsgrundlag", level: 2))
        doc.add(.list(["\(ref.citation(on: t.date, age: age)): \(ref.summary)"]))
        if draft { PlanDocument.addRemarks(findings, to: &doc) }
        return doc
    }

    static func planGoalLabel(_ id: String, _ plan: ActionPlan?) -> String {
        guard let g = plan?.goal(id: id) else { return id.isEmpty ? "(intet)" : "\(id) (findes ikke)" }
        return "\(g.id): \(g.text)"
    }
}
