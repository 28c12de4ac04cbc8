import Foundation

/// The decision summary (`unge indsats <sag> <id>`), the case's list of decisions, the journal
/// note each registration writes, and the "decisions the plan rests on" section of plan documents.
public enum DecisionDocument {
    /// The summary of one decision: what, legal basis, purpose, duration, consents, provider.
    public static func build(_ d: Decision, in file: CaseFile, on today: LocalDate, showCPR: Bool = false) -> Document {
        let yp = file.youngPerson
        let basis = DecisionLaw.citation(d, youngPerson: yp, in: file)
        var doc = Document(title: "Afgørelse \(d.id): \(d.kind.danishName)", subtitle: basis)
        var fields = PlanDocument.personFields(file, on: d.decisionDate, showCPR: showCPR)
        fields.append(("Lovgrundlag", basis))
        if let g = d.placementGround { fields.append(("Grundlag for anbringelsen", "§ 47, \(g.danish)")) }
        if let condition = treatmentCondition(d) { fields.append(("Betingelse (§ 33, stk. 1)", condition)) }
        if let offer = adultPlanOffer(d) { fields.append(("Handleplan (serviceloven § 141)", offer)) }
        if let r = d.requestDate { fields.append(("Henvendelse", r.danishLong)) }
        fields.append(("Afgørelsens dato", d.decisionDate.danishLong))
        // The planned start and the actual one are told apart: only the actual one is a fact.
        if let s = d.start { fields.append((d.actualStart == s ? "Start" : "Planlagt start", s.danishLong)) }
        if let a = d.actualStart, a != d.start { fields.append(("Iværksat", a.danishLong)) }
        if let n = d.notStarted { fields.append(("Ikke iværksat", "\(n.date.danishLong): \(n.reason)")) }
        if let v = d.expectedDuration, !v.isEmpty { fields.append(("Forventet varighed", v)) }
        if let e = d.expectedEnd { fields.append(("Forventet slut", e.danishLong)) }
        fields.append(("Status", statusText(d, on: today)))
        if let rights = DecisionLaw.partyRights(
            d, age: yp.age(on: d.decisionDate), placed: DecisionLaw.isPlaced(file, before: d.decisionDate))
        {
            fields.append(("Partsbeføjelser", rights))
        }
        fields.append(("Registreret af", d.author))
        fields += replacementFields(d, in: file)
        doc.add(.fields(fields))

        if d.kind == .planStance {
            doc.add(.heading("Stillingtagen", level: 2))
            var text = "Kommunen har taget stilling til, at der ikke skal laves en plan"
            if let c = d.concerns, let other = file.decision(c) {
                text += " for afgørelse \(other.id) (\(other.kind.danishName.lowercased()))"
            }
            doc.add(.paragraph(text + "."))
            doc.add(.paragraph("Begrundelse: " + (d.reason ?? "")))
            return doc
        }

        doc.add(.heading("Formål", level: 2))
        doc.add(.paragraph(d.purpose.isEmpty ? "Ikke angivet." : d.purpose))

        doc.add(.heading("Samtykke", level: 2))
        let need = consentNeed(d, age: yp.age(on: d.decisionDate))
        if let without = withoutConsentText(d) { doc.add(.paragraph(without)) }
        // § 47: who decides and whose consent counts is said whether or not a consent is recorded.
        if d.kind == .placementWithoutConsent, let need { doc.add(.paragraph(need)) }
        if d.consents.isEmpty {
            if d.kind != .placementWithoutConsent, !d.withoutConsent {
                doc.add(.paragraph(need ?? "Ikke registreret."))
            }
        } else {
            doc.add(
                .list(
                    d.consents.map { c in
                        "\(c.giver.danish.prefix(1).uppercased() + c.giver.danish.dropFirst())\(c.name.map { " (\($0))" } ?? ""): \(c.given ? "samtykke" : "intet samtykke") \(c.date.danishLong)"
                    }))
        }

        if d.provider != nil || d.monthlyPrice != nil || d.aftercare != nil {
            doc.add(.heading("Leverandør", level: 2))
            var p: [(String, String)] = []
            if let v = d.provider { p.append(("Leverandør", v)) }
            if let v = d.monthlyPrice { p.append(("Pris pr. måned", "\(thousands(v)) kr.")) }
            if let v = d.aftercare { p.append(("Aftalt efterbehandling", v)) }
            doc.add(.fields(p))
        }

        let own = file.deadlines.filter { $0.id.hasPrefix("\(DecisionDeadlines.prefix)\(d.id)-") }
        if !own.isEmpty {
            doc.add(.heading("Frister", level: 2))
            let age = yp.age(on: d.decisionDate)
            doc.add(
                .list(
                    own.map { f in
                        // The state on the document's date, by the one rule (`Deadline.status`):
                        // a planned date never shows as met, a late one says how late.
                        let st = f.status(
                            now: LocalTime.instant(today.adding(days: 1), hour: 0, minute: 0, in: DanishTime.timeZone)
                                .addingTimeInterval(-1), today: today, timeZone: DanishTime.timeZone,
                            closedDate: file.closedDate)
                        let mark: String
                        switch st.state {
                        case .met, .metLate, .lapsed: mark = " (\(st.danish))"
                        case .overdue: mark = " (overskredet)"
                        default: mark = ""
                        }
                        return "\(f.title): \(f.dueDate.danishLong)\(mark) – \(f.citation(age: age))"
                    }))
        }
        doc.blocks += LetterDocument.decisionSection(d, in: file)
        if let end = d.end {
            doc.add(.heading("Afsluttet", level: 2))
            doc.add(.paragraph("\(end.date.danishLong): \(end.reason)"))
        }
        return doc
    }

    /// "Afløser: A1, fast kontaktperson, truffet 1. marts 2026" and "Afløst af: A3, ...": both ends of
    /// an `--afloeser` link.
    public static func replacementFields(_ d: Decision, in file: CaseFile) -> [(String, String)] {
        func describe(_ o: Decision) -> String {
            "\(o.id), \(o.kind.danishName.lowercased()) efter \(DecisionLaw.citation(o, youngPerson: file.youngPerson, in: file)), truffet \(o.decisionDate.danishLong)"
        }
        var out: [(String, String)] = []
        if let r = d.replaces { out.append(("Afløser", file.decision(r).map(describe) ?? r)) }
        for n in file.replacements(of: d) { out.append(("Afløst af", describe(n))) }
        return out
    }

    /// "i gang", "planlagt", "afsluttet 1. marts 2026".
    public static func statusText(_ d: Decision, on date: LocalDate) -> String {
        let s = d.status(on: date)
        if s == .ended, let end = d.end { return "afsluttet \(end.date.danishLong)" }
        if s == .planned, d.notStarted != nil { return "ikke iværksat" }
        return s.danish
    }

    /// The "Plan: ..." line shown when a decision is saved: the plan the law asks for after it, how
    /// strongly, and the paragraph. An ungestøtte decision before 18 for a placed young person needs
    /// the ungeplan revised first (BL § 111 stk. 2; AUDIT N17); alcohol treatment alone none (N6).
    public static func planLine(_ d: Decision, in file: CaseFile) -> String? {
        guard d.kind != .planStance else { return nil }
        let age = file.youngPerson.age(on: d.decisionDate)
        if d.kind.isYouthSupport, LegalAge.isMinor(age), d.decisionDate >= LegalReferences.barnetsLovEffective,
            DecisionLaw.isPlaced(file, before: d.decisionDate)
        {
            let cite = LegalReferences.reference(.youthSupportPlanRevised).citation(on: d.decisionDate, age: age)
            return "Plan: Ungeplan, ungeplanen skal være revideret, før afgørelsen træffes (\(cite))."
        }
        let req = PlanKind.requirement(age: age, on: d.decisionDate, decisions: [d])
        let cite = LegalReferences.reference(req.rule).citation(on: d.decisionDate, age: age)
        if req.duty == .none { return "Plan: ingen planpligt efter denne afgørelse (\(cite))." }
        var line = "Plan: \(req.kind.danishName), \(req.duty.danish) (\(cite))."
        if req.duty == .offer, d.adultPlanFacts == nil, asksAdultPlanFacts(d, age: age) {
            line +=
                " Har den unge betydeligt nedsat funktionsevne eller alvorlige sociale problemer med behov for betydelig støtte, skal handleplanen tilbydes (stk. 2): registrér det med --handleplan-forhold."
        }
        return line
    }

    /// True when the serviceloven § 141 stk. 2 facts are asked for `d`: help under serviceloven afsnit V
    /// (§ 101) to an adult. Not § 101 a (§ 141 stk. 6) and not sundhedsloven (not afsnit V).
    public static func asksAdultPlanFacts(_ d: Decision, age: Int?) -> Bool {
        d.kind.isAdultTreatment && (age ?? 0) >= LegalAge.adult
    }

    /// The § 141 line of an adult's decision summary: must offer (stk. 2) or the municipality judges (stk. 1).
    static func adultPlanOffer(_ d: Decision) -> String? {
        guard let f = d.adultPlanFacts else { return nil }
        if f.mustOffer { return "skal tilbydes (\(f.pinpoint)): den unge har \(f.danish)" }
        return "kommunen skønner, om en handleplan skal tilbydes (stk. 1); ingen af forholdene i stk. 2"
    }

    /// BL § 33 stk. 1's condition on a treatment decision's summary (AUDIT row 13).
    static func treatmentCondition(_ d: Decision) -> String? {
        guard d.kind.isMinorTreatment else { return nil }
        switch d.seriousProblemsFromMisuse {
        case true?: return "Den unge har alvorlige sociale og adfærdsmæssige problemer på grund af stofmisbruget."
        case false?:
            return
                "Ikke opfyldt: behandlingen gives som en støttende indsats efter § 32, stk. 1, nr. 5, ikke efter § 33."
        case nil:
            return
                "Ikke registreret. Behandling efter § 33 forudsætter, at den unge har alvorlige sociale og adfærdsmæssige problemer på grund af stofmisbruget."
        }
    }

    /// BL § 37 (before 2024 serviceloven § 56): treatment under § 32 without the custody holder's consent.
    static func withoutConsentText(_ d: Decision) -> String? {
        guard d.withoutConsent else { return nil }
        let cite =
            d.decisionDate >= LegalReferences.barnetsLovEffective
            ? LegalReferences.reference(.treatmentWithoutConsent).citation(on: d.decisionDate)
            : "serviceloven § 56"
        return
            "Afgørelsen er truffet uden forældremyndighedsindehaverens samtykke, fordi det er af væsentlig betydning for den unges særlige behov for støtte, og formålet med behandlingen kan nås uden samtykket (\(cite))."
    }

    /// Who must consent, where the law says so.
    static func consentNeed(_ d: Decision, age: Int?) -> String? {
        if d.kind.isSupportMeasure {
            return "Ikke registreret. Forældremyndighedsindehaverens samtykke kræves (undtagen efter §§ 37-39)."
        }
        if d.kind.isMinorTreatment || d.kind == .placementWithConsent {
            return DecisionLaw.requiredConsents(d.kind, age: age).contains(.youngPerson)
                ? "Ikke registreret. Både forældremyndighedsindehaverens og den unges samtykke kræves."
                : "Ikke registreret. Forældremyndighedsindehaverens samtykke kræves."
        }
        if d.kind == .placementWithoutConsent {
            // § 47 stk. 4 »hvis den unge samtykker« (AUDIT N25, D3).
            if d.placementGround == .ownRequest {
                return
                    "Afgørelsen træffes af børne- og ungeudvalget med den unges samtykke (§ 47, stk. 4); forældremyndighedsindehaverens samtykke kræves ikke."
            }
            return "Afgørelsen træffes af børne- og ungeudvalget uden samtykke."
        }
        // Before 2024 (AUDIT N33, D4): serviceloven § 52 stk. 1 »Afgørelsen træffes med samtykke fra
        // forældremyndighedsindehaveren ... En afgørelse efter stk. 3, nr. 7, kræver tillige samtykke fra den
        // unge, der er fyldt 15 år.«; § 58 without consent; § 76 with the young person's.
        if d.kind == .handbookMeasure {
            return
                "Ikke registreret. Forældremyndighedsindehaverens samtykke kræves (serviceloven § 52, stk. 1; undtagen efter § 56)."
        }
        if d.kind == .handbookPlacement {
            return (age ?? 0) >= LegalAge.ownConsent
                ? "Ikke registreret. En anbringelse efter serviceloven § 52, stk. 3, nr. 7, kræver samtykke fra forældremyndighedsindehaveren og den unge (§ 52, stk. 1); uden samtykke træffes afgørelsen af børn og unge-udvalget efter § 58."
                : "Ikke registreret. En anbringelse efter serviceloven § 52, stk. 3, nr. 7, kræver forældremyndighedsindehaverens samtykke (§ 52, stk. 1); uden samtykke træffes afgørelsen af børn og unge-udvalget efter § 58."
        }
        if d.kind == .handbookAftercare {
            return "Ikke registreret. Efterværn gives med den unges samtykke (serviceloven § 76)."
        }
        if d.kind.isYouthSupport { return "Ikke registreret. Ungestøtte gives med den unges samtykke." }
        return nil
    }

    /// The table rows of the case's decisions: id, what, legal basis, decided, start, status.
    public static let listHeader = ["Id", "Afgørelse", "Lovgrundlag", "Afgjort", "Start", "Status"]

    public static func listRows(_ file: CaseFile, on date: LocalDate) -> [[String]] {
        file.decisions.map { d in
            [
                d.id, d.kind.danishName, DecisionLaw.citation(d, youngPerson: file.youngPerson, in: file),
                d.decisionDate.danishShort,
                (d.actualStart ?? d.start)?.danishShort ?? "–", statusText(d, on: date),
            ]
        }
    }

    /// The journal note a registration writes, in plain Danish.
    public static func journalText(_ d: Decision, youngPerson: YoungPerson) -> String {
        if d.kind == .planStance {
            return
                "Afgørelse \(d.id) registreret: kommunen har \(d.decisionDate.danishLong) taget stilling til, at der ikke skal laves en plan. Begrundelse: \(d.reason ?? "")"
        }
        var text =
            "Afgørelse \(d.id) registreret: \(d.kind.danishName.lowercased()) efter \(DecisionLaw.citation(d, youngPerson: youngPerson)), truffet \(d.decisionDate.danishLong)"
        if let s = d.start { text += ", start \(s.danishLong)" }
        if let r = d.replaces { text += ", afløser afgørelse \(r)" }
        text += "."
        if !d.purpose.isEmpty { text += " Formål: \(d.purpose)" + (d.purpose.hasSuffix(".") ? "" : ".") }
        return text
    }

    /// The "Afgørelser, planen bygger på" section for a plan document, empty when there are none.
    public static func planSection(_ file: CaseFile, planDate: LocalDate) -> [Document.Block] {
        let bases = DecisionLaw.planBases(file.decisions, on: planDate)
        guard !bases.isEmpty else { return [] }
        return [
            .heading("Afgørelser, planen bygger på", level: 2),
            .list(
                bases.map { d in
                    "\(d.id): \(d.kind.danishName) efter \(DecisionLaw.citation(d, youngPerson: file.youngPerson, in: file)), truffet \(d.decisionDate.danishLong)"
                        + (d.start.map { ", start \($0.danishLong)" } ?? "")
                }),
        ]
    }

    static func thousands(_ n: Int) -> String {
        let s = String(n)
        var out = ""
        for (i, ch) in s.reversed().enumerated() {
            if i > 0, i % 3 == 0 { out.append(".") }
            out.append(ch)
        }
        return String(out.reversed())
    }
}

/// A decision as given in a `--fra-fil` file. Keys as in the stored decision; `kind` takes the
/// `--type` word (e.g. "kontaktperson") or the stored name.
public struct DecisionDraft: Decodable, Sendable {
    public var kind: String
    public var placementGround: String?
    public var requestDate: LocalDate?
    public var decisionDate: LocalDate?
    public var start: LocalDate?
    public var expectedDuration: String?
    public var expectedEnd: LocalDate?
    public var purpose: String?
    public var consents: [DecisionConsent]?
    public var provider: String?
    public var monthlyPrice: Int?
    public var aftercare: String?
    public var alongsideExamination: Bool?
    public var reason: String?
    public var concerns: String?
    /// The day the measure actually started (never a planned date).
    public var startedOn: LocalDate?
    /// The decision this one replaces (`--afloeser`).
    public var replaces: String?
    /// § 116: the § 114 measure granted or re-established ("doegnophold", "kontaktperson", ...).
    public var reestablishedMeasure: String?
    /// Serviceloven § 141 stk. 2 facts: "funktionsevne", "bolig", "udvikling" or "ingen".
    public var adultPlanFacts: String?
    /// BL § 33 stk. 1: the young person has serious social and behavioural problems caused by the misuse.
    public var seriousProblemsFromMisuse: Bool?
    /// BL § 37: decided without the custody holder's consent.
    public var withoutConsent: Bool?

    /// The decision, or a Danish message saying which value is wrong.
    public func decision(id: String, defaultDate: LocalDate, author: String, recorded: Date) -> Result<
        Decision, CoreError
    > {
        guard let k = DecisionKind.parse(kind) else {
            return .failure(
                CoreError.invalidValue(
                    field: "kind", value: kind,
                    expected: "Vælg en af: \(DecisionKind.allCases.map(\.token).joined(separator: ", "))."))
        }
        var ground: PlacementGround? = nil
        if let g = placementGround {
            guard let p = PlacementGround.parse(g) else {
                return .failure(
                    CoreError.invalidValue(
                        field: "placementGround", value: g, expected: "Vælg 1, 2, 3, 4 eller egen-anmodning."))
            }
            ground = p
        }
        var measure: DecisionKind? = nil
        if let m = reestablishedMeasure {
            guard let r = DecisionLaw.reestablishable(m) else {
                return .failure(
                    CoreError.invalidValue(
                        field: "reestablishedMeasure", value: m,
                        expected: "Vælg doegnophold, kontaktperson, udslusning eller anden."))
            }
            measure = r
        }
        var facts: AdultPlanFacts? = nil
        if let f = adultPlanFacts {
            guard let a = AdultPlanFacts.parse(f) else {
                return .failure(
                    CoreError.invalidValue(
                        field: "adultPlanFacts", value: f, expected: "Vælg funktionsevne, bolig, udvikling eller ingen."
                    ))
            }
            facts = a
        }
        var d = Decision(
            id: id, kind: k, decisionDate: decisionDate ?? defaultDate, purpose: purpose ?? "", author: author,
            recorded: recorded, placementGround: ground, requestDate: requestDate, start: start,
            expectedDuration: expectedDuration, expectedEnd: expectedEnd, consents: consents ?? [],
            provider: provider,
            monthlyPrice: monthlyPrice, aftercare: aftercare, alongsideExamination: alongsideExamination ?? false,
            reason: reason, concerns: concerns, reestablishedMeasure: measure, startedOn: startedOn,
            replaces: replaces)
        d.adultPlanFacts = facts
        d.seriousProblemsFromMisuse = seriousProblemsFromMisuse
        d.withoutConsent = withoutConsent ?? false
        return .success(d)
    }
}
