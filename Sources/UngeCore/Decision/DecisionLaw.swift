import Foundation

/// The law for decisions (LAW.md, "Decisions drive duties"): the legal basis of each kind, which
/// kinds age and date allow, and the rules a decision is checked against before it is saved.
/// Every paragraph comes from `LegalReferences`; nothing here prints.
public enum DecisionLaw {
    /// Rule-id prefix of findings about the decision's own dates (decision before request, end
    /// before start): the CLI turns these into exit status 2 (usage).
    public static let datePrefix = "indsats.dato."
    /// Rule-id prefix of findings about missing answers (exit 2).
    public static let missingPrefix = "indsats.mangler."

    /// The row of the legal-reference table a decision of `kind` rests on. Whether the row shows
    /// barnets lov, serviceloven or the adult paragraph follows from the date and age it is cited for.
    public static func basis(_ kind: DecisionKind, age: Int? = nil) -> LegalRuleID {
        switch kind {
        case .dayCare, .practicalSupport, .contactPerson, .internship, .familyTreatment, .familyResidential,
            .respiteStay, .otherSupport, .handbookMeasure:
            return .measures
        case .treatmentOutpatient, .treatmentResidential, .adultTreatmentOutpatient, .adultTreatmentResidential:
            return .drugTreatment
        case .placementWithConsent: return .placementWithConsent
        case .placementWithoutConsent: return .placementWithoutConsent
        case .handbookPlacement: return .placement
        case .youthSupportResidential, .youthSupportContactPerson, .youthSupportTransition, .youthSupportOther,
            .youthSupportReestablished, .maintainedPlacement, .handbookAftercare:
            return .aftercare
        case .anonymousTreatment: return .anonymousTreatment
        case .alcoholTreatment: return .alcoholTreatment
        case .planStance:
            // The stillingtagen concerns the plan the one plan choice gives for a § 32 measure (or ungestøtte from 18).
            let basis: DecisionKind = (age ?? 0) >= 18 ? .youthSupportOther : .contactPerson
            return PlanKind.requirement(age: age, on: LegalReferences.barnetsLovEffective, bases: [basis]).rule
        }
    }

    /// The number within the paragraph, where the statute names one: "stk. 1, nr. 3".
    static func detail(_ d: Decision) -> String? {
        switch d.kind {
        case _ where d.kind.isSupportMeasure: return "stk. 1, nr. \(d.kind.supportNumber ?? 0)"
        case .placementWithoutConsent:
            return d.placementGround.map { $0 == .ownRequest ? "stk. 4" : "stk. 1, nr. \($0.number)" }
        default: return nil
        }
    }

    /// The legal basis of `d` as it applies on its decision date for the young person's age then,
    /// e.g. "barnets lov § 32, stk. 1, nr. 3 (tidl. serviceloven § 52)" or "serviceloven § 101".
    public static func citation(_ d: Decision, youngPerson: YoungPerson) -> String {
        let age = youngPerson.age(on: d.decisionDate)
        let ref = LegalReferences.reference(basis(d.kind, age: age))
        var text = ref.citation(on: d.decisionDate, age: age)
        if let detail = detail(d), d.kind.isBarnetsLov, d.decisionDate >= ref.effective {
            let para = ref.paragraph(on: d.decisionDate, age: age)
            if text.hasPrefix(para) { text = para + ", " + detail + text.dropFirst(para.count) }
        }
        if d.kind == .youthSupportReestablished, d.decisionDate >= ref.effective {
            text += "; tildelt eller genetableret efter § 116"
        }
        return text
    }

    /// The kinds a young person of `age` can get on `date`, in the order `--help` lists them.
    public static func allowedKinds(age: Int, on date: LocalDate) -> [DecisionKind] {
        DecisionKind.allCases.filter { kind in
            kind != .planStance && ageDateProblem(kind, age: age, decisionDate: date, start: nil, born: nil) == nil
        }
    }

    /// What to choose instead, in words with the `--type` tokens.
    static func alternatives(_ kind: DecisionKind, age: Int, on date: LocalDate) -> String {
        let bl = date >= LegalReferences.barnetsLovEffective
        if !bl {
            if kind.isPlacement { return "sel52-anbringelse (serviceloven § 52, stk. 3, nr. 7 eller § 58)" }
            if kind.isYouthSupport { return "sel76-eftervaern (serviceloven § 76)" }
            if kind.isMinorTreatment {
                return "sel101-ambulant eller sel101-doegn (serviceloven § 101 gjaldt i alle aldre)"
            }
            return age >= 18 ? "sel101-ambulant, sel101-doegn eller alkohol" : "sel52 (serviceloven § 52)"
        }
        if age >= 18 {
            var s =
                "sel101-ambulant eller sel101-doegn (serviceloven § 101), sel101a-anonym (§ 101 a) eller alkohol (sundhedsloven § 141)"
            if age < 23 {
                s =
                    "ungestøtte (ungestoette-kontaktperson, ungestoette-doegnophold, ungestoette-udslusning, ungestoette-anden eller opretholdt-anbringelse, barnets lov §§ 114-116 og 120), hvis den unge var anbragt eller havde en fast kontaktperson lige før 18; ellers "
                    + s
            }
            return s
        }
        if kind.isHandbook {
            switch kind {
            case .handbookPlacement: return "anbringelse (barnets lov § 46) eller anbringelse-uden-samtykke (§ 47)"
            case .handbookAftercare:
                return "ungestøtte efter barnets lov §§ 114-116 og 120 (fx ungestoette-kontaktperson)"
            default:
                return
                    "en støttende indsats efter barnets lov § 32, fx kontaktperson, familiebehandling eller anden-hjaelp"
            }
        }
        if kind.isAdultTreatment || kind == .anonymousTreatment {
            return "behandling-ambulant eller behandling-doegn (barnets lov § 33), eller alkohol (sundhedsloven § 141)"
        }
        return
            "en støttende indsats efter barnets lov § 32 (fx kontaktperson) eller anbringelse (§ 46); ungestøtte besluttes før 18-årsdagen (for en anbragt ung senest 6 måneder før, § 111) og begynder ved 18"
    }

    /// Why `kind` does not fit the age and date, or nil when it does. `born` (if known) lets the
    /// youth-support check see the 18th birthday.
    static func ageDateProblem(
        _ kind: DecisionKind, age: Int, decisionDate: LocalDate, start: LocalDate?, born: LocalDate?
    ) -> String? {
        let bl = decisionDate >= LegalReferences.barnetsLovEffective
        if kind == .planStance || kind == .alcoholTreatment { return nil }
        if kind.isBarnetsLov, !bl {
            return
                "Barnets lov gælder først fra 1. januar 2024; en afgørelse truffet \(decisionDate.danishLong) følger serviceloven."
        }
        if kind.isHandbook, bl {
            return
                "Serviceloven § 52, § 58 og § 76 gælder ikke for børn og unge fra 1. januar 2024; afgørelser træffes efter barnets lov."
        }
        if kind.isSupportMeasure || kind.isMinorTreatment || kind.isPlacement || kind == .handbookMeasure
            || kind == .handbookPlacement
        {
            if age >= 18 { return "Den unge er \(age) år på afgørelsens dato; denne indsats er for unge under 18." }
        }
        if kind.isYouthSupport || kind == .handbookAftercare {
            if age >= 23 { return "Den unge er \(age) år; ungestøtte slutter ved 23 år og kan ikke tildeles efter." }
            if age < 18 {
                // § 111: the decision is made before 18 (at the latest 6 months before), the support starts at 18.
                let eighteen = born.map { Age.dateTurning(18, born: $0) }
                if age < 17 {
                    return
                        "Den unge er \(age) år; ungestøtte er for unge fra 18 til 22 år og besluttes tidligst året før 18-årsdagen."
                }
                if let eighteen, let start, start < eighteen {
                    return
                        "Ungestøtte kan først begynde på 18-årsdagen (\(eighteen.danishLong)); sæt --start til den dato eller senere."
                }
            }
        }
        if kind.isAdultTreatment || kind == .anonymousTreatment {
            if bl, age < 18 {
                return
                    "Den unge er \(age) år; fra 1. januar 2024 behandles unge under 18 efter barnets lov § 33, ikke serviceloven."
            }
        }
        return nil
    }

    /// Every rule for a new decision on `file`: errors stop the save. Findings about dates carry
    /// `datePrefix`, missing answers `missingPrefix` (exit 2); the rest are rule findings (exit 1).
    public static func check(_ d: Decision, in file: CaseFile) -> [Finding] {
        var out: [Finding] = []
        let date = d.decisionDate
        let yp = file.youngPerson
        let age = yp.age(on: date)
        let basisRule = basis(d.kind, age: age)
        func f(_ id: String, _ sev: Severity, _ msg: String, _ rule: LegalRuleID) -> Finding {
            Finding.make(id, sev, msg, legal: rule, on: date, age: age)
        }

        // Dates in order.
        if let req = d.requestDate, date < req {
            out.append(
                Finding(
                    ruleID: datePrefix + "henvendelse", severity: .error,
                    message:
                        "Afgørelsen (\(date.danishLong)) ligger før henvendelsen (\(req.danishLong)). Ret --dato eller --henvendelse, så afgørelsen er samme dag eller senere."
                ))
        }
        if let start = d.start, let end = d.expectedEnd, end < start {
            out.append(
                Finding(
                    ruleID: datePrefix + "slut", severity: .error,
                    message:
                        "Den forventede slutdato (\(end.danishLong)) ligger før starten (\(start.danishLong)). Ret --slut eller --start."
                ))
        }
        if let start = d.start, let end = d.end, end.date < start {
            out.append(
                Finding(
                    ruleID: datePrefix + "afsluttet", severity: .error,
                    message: "Afslutningen (\(end.date.danishLong)) ligger før starten (\(start.danishLong))."))
        }

        if d.kind == .planStance {
            if (d.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                out.append(
                    Finding(
                        ruleID: missingPrefix + "grund", severity: .error,
                        message:
                            "Skriv, hvorfor der ikke skal laves en plan, med --grund \"...\". Stillingtagen skal være begrundet."
                    ))
            }
            return out
        }

        // Age and date decide which bases are open.
        guard let age else {
            if d.kind != .alcoholTreatment {
                out.append(
                    Finding(
                        ruleID: "indsats.foedselsdato", severity: .error,
                        message:
                            "Den unges fødselsdato mangler, så det kan ikke afgøres, hvilken lov afgørelsen følger. Tilføj CPR-nummer eller fødselsdato med 'unge rediger'."
                    ))
            }
            return out
        }
        if let problem = ageDateProblem(d.kind, age: age, decisionDate: date, start: d.start, born: yp.birthDate) {
            out.append(
                f(
                    "indsats.type", .error,
                    "\(problem) '\(d.kind.token)' passer ikke. Vælg i stedet \(alternatives(d.kind, age: age, on: date)).",
                    basisRule))
            return out
        }

        // Purpose and duration (BL § 32 stk. 3, § 46 stk. 1, § 47 stk. 2).
        if d.kind.isSupportMeasure || d.kind.isPlacement {
            if d.purpose.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                out.append(
                    f(
                        missingPrefix + "formaal", .error,
                        "Afgørelsen skal angive formålet med indsatsen. Skriv det med --formaal \"...\".", basisRule))
            }
            if (d.expectedDuration ?? "").trimmingCharacters(in: .whitespaces).isEmpty, d.expectedEnd == nil {
                out.append(
                    f(
                        missingPrefix + "varighed", .error,
                        "Afgørelsen skal angive den forventede varighed. Skriv den med --varighed \"6 måneder\" eller --slut ÅÅÅÅ-MM-DD.",
                        basisRule))
            }
        }

        // Consents.
        if d.kind.isSupportMeasure, d.consent(from: .custodyHolder) == nil {
            out.append(
                f(
                    "indsats.samtykke.foraeldre", .warning,
                    "Der er ikke registreret samtykke fra forældremyndighedsindehaveren. En støttende indsats kræver det; kun §§ 37-39 giver undtagelser. Registrér det med --samtykke foraeldremyndighed:ÅÅÅÅ-MM-DD.",
                    .measures))
        }
        if d.kind.isMinorTreatment {
            if d.consent(from: .custodyHolder) == nil {
                out.append(
                    f(
                        "indsats.samtykke.foraeldre", .warning,
                        "Stofmisbrugsbehandling kræver samtykke fra forældremyndighedsindehaveren. Registrér det med --samtykke foraeldremyndighed:ÅÅÅÅ-MM-DD.",
                        .drugTreatment))
            }
            if age >= 15, d.consent(from: .youngPerson) == nil {
                out.append(
                    f(
                        "indsats.samtykke.ung", .warning,
                        "Den unge er \(age) år, så den unges eget samtykke til behandlingen skal også indhentes. Registrér det med --samtykke ung:ÅÅÅÅ-MM-DD.",
                        .drugTreatment))
            }
        }
        if d.kind == .placementWithConsent {
            var missing: [String] = []
            if d.consent(from: .custodyHolder) == nil { missing.append("forældremyndighedsindehaveren") }
            if age >= 15, d.consent(from: .youngPerson) == nil { missing.append("den unge (fyldt 15)") }
            if !missing.isEmpty {
                out.append(
                    f(
                        "indsats.samtykke.anbringelse", .error,
                        "En anbringelse efter § 46 kræver samtykke fra \(missing.joined(separator: " og ")). Registrér samtykket med --samtykke, eller vælg anbringelse-uden-samtykke (§ 47, børne- og ungeudvalget).",
                        .placementWithConsent))
            }
        }
        if d.kind.isYouthSupport, d.consent(from: .youngPerson) == nil {
            out.append(
                f(
                    "indsats.samtykke.ung", .warning,
                    "Ungestøtte gives med den unges samtykke. Registrér det med --samtykke ung:ÅÅÅÅ-MM-DD.",
                    .youthSupportConsent))
        }

        // § 47: the ground, stk. 4 from 15, and the plan before the decision.
        if d.kind == .placementWithoutConsent {
            if d.placementGround == nil {
                out.append(
                    f(
                        missingPrefix + "grundlag", .error,
                        "Angiv grundlaget for anbringelsen uden samtykke med --grundlag: 1, 2, 3 (misbrug), 4 eller egen-anmodning (stk. 4).",
                        .placementWithoutConsent))
            }
            if d.placementGround == .ownRequest, age < 15 {
                out.append(
                    f(
                        "indsats.47.stk4", .error,
                        "Anbringelse på den unges egen anmodning (stk. 4) kræver, at den unge er fyldt 15; den unge er \(age). Vælg et grundlag i stk. 1.",
                        .placementWithoutConsent))
            }
            let planBefore = file.actionPlans.contains { $0.date <= date && $0.kind.isForMinor }
            if !planBefore {
                let req = PlanKind.requirement(age: age, on: date, bases: [.placementWithoutConsent])
                let rule = req.rule
                let name = req.kind.danishLower
                out.append(
                    f(
                        "indsats.47.plan", .error,
                        "Ved anbringelse uden samtykke skal \(name) foreligge, før afgørelsen træffes. Lav planen først med 'unge plan \(file.id.rawValue)', og registrér så afgørelsen.",
                        rule))
            }
        }

        // § 46: after an examination, or alongside one when særlige forhold (stk. 3).
        if d.kind == .placementWithConsent, !d.alongsideExamination {
            let exam = file.examination
            if exam?.kind != .examination || exam?.completedDate == nil {
                out.append(
                    f(
                        "indsats.46.undersoegelse", .warning,
                        "En anbringelse efter § 46 forudsætter en afsluttet børnefaglig undersøgelse (en afdækning er ikke nok); akut kan den ske sideløbende med undersøgelsen (--sideloebende).",
                        .placementWithConsent))
            }
        }

        // Ungestøtte: the young person was placed, or had a § 32 contact person, just before 18 (§ 114).
        if d.kind.isYouthSupport, d.kind != .youthSupportReestablished {
            let before = file.decisions.contains {
                $0.kind.isPlacement || $0.kind == .contactPerson || $0.kind == .handbookPlacement
            }
            if !before {
                out.append(
                    f(
                        "indsats.ungestoette.forudsaetning", .warning,
                        "Sagen har ingen registreret anbringelse eller fast kontaktperson fra før 18. Ungestøtte forudsætter, at den unge var anbragt (eller havde en kontaktperson efter § 32) lige inden 18-årsdagen.",
                        .aftercare))
            }
        }

        // Treatment counted from the request.
        if d.kind.isMinorTreatment || d.kind.isAdultTreatment || d.kind == .alcoholTreatment, d.requestDate == nil {
            out.append(
                f(
                    "indsats.henvendelse", .warning,
                    "Henvendelsesdatoen mangler. Behandlingen skal iværksættes senest 14 dage efter henvendelsen; angiv den med --henvendelse ÅÅÅÅ-MM-DD, så fristen kan beregnes.",
                    treatmentStartRule(d.kind, age: age)))
        }

        // Residential treatment: price and aftercare (North Jutland recommendations 7-8).
        if d.kind.isResidentialTreatment {
            if d.monthlyPrice == nil {
                out.append(
                    Finding(
                        ruleID: "indsats.doegn.pris", severity: .warning,
                        message: "Prisen pr. måned for døgnbehandlingen er ikke registreret (--pris KR)."))
            }
            if (d.aftercare ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                out.append(
                    Finding(
                        ruleID: "indsats.doegn.efterbehandling", severity: .warning,
                        message:
                            "Der er ikke aftalt efterbehandling efter døgnbehandlingen (--efterbehandling \"...\")."))
            }
        }
        return out
    }

    /// The young person's own party powers in the decision (LAW.md, "party rights" column): from 10
    /// in the case types BL § 3 lists (nr. 1 § 32, nr. 2 § 33, nr. 4 § 46, nr. 9 ungestøtte decided
    /// before 18, nr. 10 via § 142 for § 47); nil where none applies or for adults (they are parties).
    public static func partyRights(_ d: Decision, age: Int?) -> String? {
        guard let age, d.decisionDate >= LegalReferences.barnetsLovEffective else { return nil }
        let nr: Int
        if d.kind.isSupportMeasure {
            nr = 1
        } else if d.kind.isMinorTreatment {
            nr = 2
        } else if d.kind == .placementWithConsent {
            nr = 4
        } else if d.kind == .placementWithoutConsent {
            nr = 10
        } else if d.kind.isYouthSupport, age < 18 {
            nr = 9
        } else {
            return nil
        }
        let cite = LegalReferences.reference(.partyRights).paragraph(on: d.decisionDate, age: age)
        if age < 10 { return "Den unge er under 10 år og udøver ikke selv partsbeføjelser (\(cite), nr. \(nr))." }
        return
            "Den unge er fyldt 10 år og er selv part i sagen: kan se sagens papirer, udtale sig og klage (\(cite), nr. \(nr))."
    }

    /// The row the 14-day start deadline cites.
    public static func treatmentStartRule(_ kind: DecisionKind, age: Int?) -> LegalRuleID {
        if kind == .alcoholTreatment { return .alcoholTreatmentStart }
        if kind.isMinorTreatment { return .treatmentStartMinor }
        return (age ?? 18) >= 18 ? .treatmentStartAdult : .treatmentStartMinor
    }

    /// The decisions a plan dated `date` rests on: those not ended by then, decided on or before
    /// it, and a § 47 placement decided after it (its plan comes first).
    public static func planBases(_ decisions: [Decision], on date: LocalDate) -> [Decision] {
        decisions.filter { d in
            guard d.kind != .planStance else { return false }
            if let end = d.end, end.date <= date { return false }
            return d.decisionDate <= date || d.kind == .placementWithoutConsent
        }
    }
}

extension PlacementGround {
    /// The number in § 47 stk. 1 (1-4); 4 for stk. 4 is not used.
    var number: Int {
        switch self {
        case .insufficientCare: return 1
        case .abuse: return 2
        case .misuse: return 3
        case .behaviour: return 4
        case .ownRequest: return 0
        }
    }
}

extension CaseFile {
    /// The next free decision id: `A1`, `A2`, ...
    public var nextDecisionID: String {
        let n = decisions.compactMap { Int($0.id.dropFirst()) }.max() ?? 0
        return "A\(n + 1)"
    }

    /// The decision with `id` (case-insensitive), or nil.
    public func decision(_ id: String) -> Decision? { decisions.first { $0.id.lowercased() == id.lowercased() } }

    /// Support under BL § 32 or a placement (§§ 46, 47, or the serviceloven measures) running on
    /// `date`, the trigger for a reassessment at a new notification (BL § 137).
    public func runningSupport(on date: LocalDate) -> [Decision] {
        decisions.filter { d in
            (d.kind.isSupportMeasure || d.kind.isPlacement || d.kind == .handbookMeasure
                || d.kind == .handbookPlacement)
                && d.isRunning(on: date)
        }
    }
}
