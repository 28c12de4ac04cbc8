import Foundation

/// Builds the plan document (barnets plan / ungeplan / handleplan) once, for both renderers.
///
/// With `draft`, every error finding becomes a visible "MANGLER" marker in the section it concerns
/// (or at the top when it concerns no section), and warnings are listed at the end.
public enum PlanDocument {
    public static func build(
        _ plan: ActionPlan, in caseFile: CaseFile, findings: [Finding], draft: Bool = false, showCPR: Bool = false
    ) -> Document {
        let yp = caseFile.youngPerson
        let age = yp.age(on: plan.date)
        var doc = Document(
            title: plan.kind.title(on: plan.date, age: age), subtitle: plan.kind.replaces(on: plan.date, age: age))
        let errors = draft ? findings.filter { $0.severity == .error } : []
        var used: Set<Int> = []
        func missing(_ section: Section) -> [Document.Block] {
            errors.enumerated().filter { PlanDocument.section(of: $0.element.ruleID) == section }.map { i, f in
                used.insert(i)
                return .missing(PlanDocument.text(of: f))
            }
        }

        var header: [Document.Block] = []
        if draft {
            header.append(
                .note(
                    "KLADDE: planen opfylder endnu ikke alle krav. Punkter markeret MANGLER skal udfyldes, før planen er gyldig."
                ))
        }
        header.append(.fields(personFields(caseFile, on: plan.date, showCPR: showCPR) + planFields(plan)))

        var body: [Document.Block] = []

        // Basis: the examination (under 18) or the three bases (18+).
        var basis: [Document.Block] = []
        if plan.kind.isForMinor {
            if let exam = caseFile.examination {
                let rule: LegalRuleID = exam.kind == .afdaekning ? .preliminaryAssessment : .examination
                let ref = LegalReferences.reference(rule).citation(on: plan.date, age: age)
                var text =
                    "Planen bygger på \(exam.kind == .afdaekning ? "afdækningen" : "den børnefaglige undersøgelse"), jf. \(ref)"
                text += exam.completedDate.map { ", afsluttet \($0.danishLong)." } ?? ", som endnu ikke er afsluttet."
                basis.append(.paragraph(text))
                let rows: [(String, String)] = exam.areas.compactMap { a in
                    a.details.map { (a.area.danish, $0.findings) }
                }
                if !rows.isEmpty { basis.append(.fields(rows)) }
                if let c = exam.conclusion {
                    basis.append(
                        .paragraph(
                            "Konklusion: \(c.specialSupportNeeded ? "Der er behov for særlig støtte" : "Der er ikke behov for særlig støtte"). \(c.reasons)"
                        ))
                }
            }
        } else if let b = plan.adultBasis {
            let rows = [
                ("Stofmisbruget og de sociale problemer, det giver", b.drugProblem),
                ("Social situation, ressourcer og belastninger", b.socialSituation),
                ("Andre relevante forhold", b.otherMatters),
            ].filter { !$0.1.isEmpty }
            if !rows.isEmpty { basis.append(.fields(rows)) }
        }
        basis += missing(.basis)
        if !basis.isEmpty { body += [.heading("Grundlag", level: 2)] + basis }
        body += DecisionDocument.planSection(caseFile, planDate: plan.date)

        if plan.kind == .adultActionPlan {
            body.append(.heading("Tilbud om handleplan", level: 2))
            if let o = plan.offer {
                var fields = [("Tilbudt", o.offeredDate.danishLong), ("Den unges svar", o.response.danish)]
                if let r = o.responseDate { fields.append(("Svaret", r.danishLong)) }
                body.append(.fields(fields))
            }
            body += missing(.offer)
            if plan.offer?.response == .declined {
                body.append(
                    .paragraph(
                        "Den unge har takket nej til en handleplan. Tilbuddet kan gentages, hvis den unge ønsker det senere."
                    ))
                body.append(.heading("Retsgrundlag", level: 2))
                body.append(.list(legalBasis(plan, in: caseFile, age: age)))
                doc.blocks =
                    header
                    + errors.enumerated().filter { !used.contains($0.offset) }.map {
                        Document.Block.missing(text(of: $0.element))
                    } + body
                return doc
            }
        }

        body.append(.heading("Formål", level: 2))
        let purposeMissing = missing(.purpose)
        if !plan.purpose.isEmpty {
            body.append(.paragraph(plan.purpose))
        } else if purposeMissing.isEmpty {
            body.append(.paragraph(Citing.notGiven))
        }
        body += purposeMissing

        body.append(.heading("Mål", level: 2))
        for g in plan.goals { body += goalBlocks(g) }
        let goalsMissing = missing(.goals)
        if plan.goals.isEmpty, goalsMissing.isEmpty { body.append(.paragraph(Citing.notGiven)) }
        body += goalsMissing

        if !plan.transitionGoals.isEmpty || LegalAge.needsTransitionGoals(age: age) {
            body.append(.heading("Mål for overgangen til voksenlivet", level: 2))
            for g in plan.transitionGoals { body += goalBlocks(g) }
            body += missing(.transition)
        }

        body.append(.heading("Indsatser", level: 2))
        if !plan.measures.isEmpty {
            body.append(
                .table(
                    header: ["Indsats", "Leverandør", "Start", "Forventet varighed", "Mål"],
                    rows: plan.measures.map { m in
                        [
                            m.label, Citing.orNotGiven(m.provider), m.start?.danishShort ?? Citing.notGiven,
                            Citing.orNotGiven(m.expectedDuration),
                            m.goalIDs.isEmpty ? Citing.notGiven : m.goalIDs.joined(separator: ", "),
                        ]
                    }))
        }
        body += missing(.measures)

        if !plan.otherMatters.isEmpty || plan.kind == .handbookActionPlan || plan.kind == .adultActionPlan {
            body.append(.heading("Andre særlige forhold", level: 2))
            if !plan.otherMatters.isEmpty { body.append(.fields(plan.otherMatters.map { ($0.topic.danish, $0.text) })) }
            body += missing(.otherMatters)
        }

        body.append(.heading("Deltagere", level: 2))
        if !plan.participants.isEmpty {
            // The ungeplan is made so far as possible with their consent (BL § 109 stk. 2): one more column.
            let consent = plan.kind == .ungeplan
            body.append(
                .table(
                    header: ["Navn", "Rolle", "Sådan deltog de", "Med til at formulere målene"]
                        + (consent ? ["Samtykke til planen"] : []),
                    rows: plan.participants.map { p in
                        [
                            p.name, p.role.danish, [p.how, p.note].compactMap { $0 }.joined(separator: "; "),
                            p.formulatedGoals ? "ja" : "nej",
                        ] + (consent ? [Self.consentText(p)] : [])
                    }))
        }
        body += missing(.participants)
        if let map = Figures.networkMap(caseFile) { body.append(map) }

        body.append(.heading("Opfølgning", level: 2))
        var follow: [(String, String)] = []
        if let start = plan.supportStart {
            follow.append(("Støtten begyndte", start.danishLong))
            if plan.kind.isForMinor {
                follow.append(
                    (
                        "Første opfølgning senest",
                        Citing.inline(
                            LegalPeriod.firstFollowUpDue(start: start).danishLong,
                            citation: LegalReferences.reference(.followUp).citation(on: plan.date, age: age))
                    ))
            }
        }
        if let next = plan.nextFollowUp { follow.append(("Næste opfølgning", next.danishLong)) }
        if !follow.isEmpty { body.append(.fields(follow)) }
        body += missing(.followUp)

        body.append(.heading("Retsgrundlag", level: 2))
        body.append(.list(legalBasis(plan, in: caseFile, age: age)))

        var top = header
        let rest = errors.enumerated().filter { !used.contains($0.offset) }.map {
            Document.Block.missing(text(of: $0.element))
        }
        top += rest
        doc.blocks = top + body
        doc.signatures = signatures(plan, in: caseFile, age: age)
        if draft { addRemarks(findings, to: &doc) }
        return doc
    }

    /// Who signs the plan: the young person, and under 18 the custody holders on the network map.
    static func signatures(_ plan: ActionPlan, in caseFile: CaseFile, age: Int?) -> [Document.Signature] {
        var out = [Document.Signature(name: caseFile.youngPerson.displayName, role: "den unge")]
        if plan.kind.isForMinor {
            out += caseFile.network.custodyHolders.map {
                Document.Signature(name: $0.name, role: "forældremyndighedsindehaver")
            }
        }
        return out
    }

    /// Adds a draft's warnings under "Bemærkninger" (nothing when there are none).
    static func addRemarks(_ findings: [Finding], to doc: inout Document) {
        let warnings = findings.filter { $0.severity == .warning }
        guard !warnings.isEmpty else { return }
        doc.add(.heading("Bemærkninger", level: 2))
        doc.add(.list(warnings.map(text(of:))))
    }

    /// "Formålet med indsatsen mangler. Lovgrundlag: barnets lov §§ 91-92 (tidl. serviceloven § 140)."
    public static func text(of f: Finding) -> String {
        guard f.citation != nil else { return f.message }
        return Citing.sentence(f.message, citation: f.citation)
    }

    /// "ja", "nej: <why>", "ikke noteret"; nothing for a professional, whose consent the plan does not need.
    static func consentText(_ p: Participant) -> String {
        guard p.role == .youngPerson || p.role == .custodyHolder else { return "" }
        switch p.consentToPlan {
        case true?: return "ja"
        case false?: return ["nej", p.consentNote].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        case nil: return "ikke noteret"
        }
    }

    /// The sections a finding can be shown in.
    enum Section {
        case top, basis, offer, purpose, goals, transition, measures, otherMatters, participants, followUp
    }

    static func section(of ruleID: String) -> Section {
        let map: [(String, Section)] = [
            ("plan.examination", .basis), ("plan.adultBasis", .basis), ("plan.adultOffer", .offer),
            ("plan.purpose", .purpose), ("plan.goals.id", .top), ("plan.goals", .goals),
            ("plan.transitionGoals", .transition), ("plan.measures", .measures), ("plan.otherMatters", .otherMatters),
            ("plan.familySupport", .otherMatters),
            ("plan.participation", .participants), ("plan.followUp", .followUp),
        ]
        return map.first { ruleID == $0.0 || ruleID.hasPrefix($0.0 + ".") }?.1 ?? .top
    }

    static func goalBlocks(_ g: Goal) -> [Document.Block] {
        var blocks: [Document.Block] = [.heading("\(g.id): \(g.text)", level: 3)]
        var fields: [(String, String)] = []
        if let w = g.ownWords, !w.isEmpty { fields.append(("Med den unges egne ord", Quoted.text(w))) }
        if let a = g.area { fields.append(("Område", a.danish)) }
        if let t = g.transitionTopic { fields.append(("Handler om", t.danish)) }
        if !g.subGoals.isEmpty { fields.append(("Delmål", g.subGoals.joined(separator: "; "))) }
        if !g.firstSteps.isEmpty { fields.append(("Første skridt", g.firstSteps.joined(separator: "; "))) }
        if let p = g.progressSign, !p.isEmpty { fields.append(("Sådan ser vi, at det går fremad", p)) }
        if !fields.isEmpty { blocks.append(.fields(fields)) }
        return blocks
    }

    /// Name, CPR (masked unless asked), age on the date and case number.
    static func personFields(_ caseFile: CaseFile, on date: LocalDate, showCPR: Bool) -> [(String, String)] {
        let yp = caseFile.youngPerson
        var fields: [(String, String)] = [("Den unge", yp.displayName)]
        if let cpr = yp.cpr { fields.append(("CPR-nummer", showCPR ? cpr.formatted : cpr.masked)) }
        if let age = yp.age(on: date) { fields.append(("Alder", "\(age) år")) }
        fields.append(("Sagsnummer", caseFile.id.rawValue))
        return fields
    }

    static func planFields(_ plan: ActionPlan) -> [(String, String)] {
        var fields: [(String, String)] = [
            ("Planens dato", plan.date.danishLong), ("Version", String(plan.version)), ("Udarbejdet af", plan.author),
        ]
        if let d = plan.decisionDate { fields.append(("Afgørelse om støtte", d.danishLong)) }
        if let n = plan.changeNote, !n.isEmpty { fields.append(("Ændringer i denne version", n)) }
        return fields
    }

    /// The plan's "Retsgrundlag", built from what the plan rests on (AUDIT D1, rows 17-18), never a fixed
    /// list: the plan's own paragraph and the duty the decisions give it; the decisions' own citations;
    /// § 19 or § 20 from the examination's kind; § 95 when a decision is followed up; the transition goals
    /// from 16; for 18-22 on ungestøtte §§ 113-116 and § 111 stk. 2; for an adult § 141 stk. 1 or 2.
    static func legalBasis(_ plan: ActionPlan, in caseFile: CaseFile, age: Int?) -> [String] {
        let decisions = DecisionLaw.planBases(caseFile.decisions, on: plan.date)
        let req = PlanKind.requirement(age: age, on: plan.date, decisions: decisions)
        var lines: [String] = []
        func add(_ id: LegalRuleID) {
            let r = LegalReferences.reference(id)
            lines.append("\(r.citation(on: plan.date, age: age)): \(r.summary)")
        }
        add(plan.kind.legalRule)
        if req.kind == plan.kind, req.rule != plan.kind.legalRule, !decisions.isEmpty {
            add(req.rule)
        }
        for d in decisions {
            lines.append(
                "\(DecisionLaw.citation(d, youngPerson: caseFile.youngPerson, in: caseFile)): \(d.kind.danishName) (\(d.id), \(d.decisionDate.danishShort))"
            )
        }
        if plan.kind.isForMinor, let exam = caseFile.examination, exam.awareDate <= plan.date {
            add(exam.kind == .afdaekning ? .preliminaryAssessment : .examination)
        }
        // Plans made before decisions were recorded: the measures the plan itself names.
        if decisions.isEmpty, plan.kind.isForMinor {
            if plan.measures.contains(where: { $0.kind != .placement }) { add(.measures) }
            if plan.measures.contains(where: { $0.kind == .placement }) { add(.placement) }
        }
        let followed = decisions.contains {
            $0.kind.isSupportMeasure || $0.kind.isPlacement || $0.kind.isYouthSupport || $0.kind.isHandbook
        }
        if followed || (decisions.isEmpty && plan.kind.isForMinor && !plan.measures.isEmpty) { add(.followUp) }
        if plan.kind == .ungeplan || plan.kind == .handbookActionPlan, let age, LegalAge.needsTransitionGoals(age: age)
        {
            add(.transitionGoals)
        }
        if plan.kind == .ungeplan, (age ?? 0) >= LegalAge.adult {
            add(.ungeplanContinues)
            add(.aftercare)
            add(.youthSupportPlanRevised)
        }
        var seen: Set<String> = []
        return lines.filter { seen.insert($0).inserted }
    }
}
