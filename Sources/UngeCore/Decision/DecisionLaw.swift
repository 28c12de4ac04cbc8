import Foundation

/// The law for decisions (LAW.md, "Decisions drive duties"): the legal basis of each kind, which
/// kinds age and date allow, and the rules a decision is checked against before it is saved.
/// Every paragraph comes from `LegalReferences`; nothing here prints.
public enum DecisionLaw {
    /// The row of the legal-reference table a decision of `kind` rests on. Whether the row shows
    /// barnets lov, serviceloven or the adult paragraph follows from the date and age it is cited for.
    public static func basis(_ kind: DecisionKind, age: Int? = nil) -> LegalRuleID {
        if let rule = kind.descriptor.basis { return rule }
        // The stillingtagen concerns the plan the one plan choice gives for a § 32 measure (or ungestøtte from 18).
        let basis: DecisionKind = (age ?? 0) >= 18 ? .youthSupportOther : .contactPerson
        return PlanKind.requirement(age: age, on: LegalReferences.barnetsLovEffective, bases: [basis]).rule
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

    /// The kinds that can be recorded on an anonymous case without identifying the young person:
    /// SEL § 101 a stk. 3 »kan henvende sig til kommunen anonymt«; sundhedsloven § 141 stk. 7 »skal
    /// ydes anonymt, hvis alkoholmisbrugeren ønsker det« (AUDIT N4).
    public static let anonymousKinds: Set<DecisionKind> = [.anonymousTreatment, .alcoholTreatment]

    /// The § 114 stk. 1 measures a § 116 decision grants or re-establishes, in the order of nr. 1-4.
    public static let reestablishableKinds: [DecisionKind] = [
        .youthSupportResidential, .youthSupportContactPerson, .youthSupportTransition, .youthSupportOther,
    ]

    /// The § 114 measure for a typed word: "doegnophold", "kontaktperson", "udslusning", "anden" or a kind's token.
    public static func reestablishable(_ text: String) -> DecisionKind? {
        let t = text.lowercased().replacingOccurrences(of: "ø", with: "oe")
        if let k = reestablishableKinds.first(where: { $0.token == t || $0.token == "ungestoette-" + t }) { return k }
        if let n = Int(t), (1...4).contains(n) { return reestablishableKinds[n - 1] }
        return nil
    }

    /// The pinpoint of an ungestøtte decision (AUDIT N2; BL § 145 stk. 1 nr. 9 names §§ 114, 116 and 120
    /// apart): "§ 114, stk. 1, nr. 1", "§ 120, stk. 1", "§ 116, jf. § 114, stk. 1, nr. 2".
    static func youthSupportPinpoint(_ d: Decision, file: CaseFile?) -> String? {
        func nr(_ k: DecisionKind) -> String? {
            guard let i = reestablishableKinds.firstIndex(of: k) else { return nil }
            // § 114 stk. 2: a § 32 contact person kept after 18.
            if k == .youthSupportContactPerson, d.kind != .youthSupportReestablished,
                file?.decisions.contains(where: { $0.kind == .contactPerson && $0.decisionDate < d.decisionDate })
                    == true
            {
                return "§ 114, stk. 2"
            }
            return "§ 114, stk. 1, nr. \(i + 1)"
        }
        switch d.kind {
        case .maintainedPlacement: return "§ 120, stk. 1"
        case .youthSupportReestablished:
            return d.reestablishedMeasure.flatMap(nr).map { "§ 116, jf. \($0)" } ?? "§ 116"
        default: return nr(d.kind)
        }
    }

    /// The legal basis of `d` as it applies on its decision date for the young person's age then,
    /// e.g. "barnets lov § 32, stk. 1, nr. 3 (tidl. serviceloven § 52)" or "serviceloven § 101".
    public static func citation(_ d: Decision, youngPerson: YoungPerson, in file: CaseFile? = nil) -> String {
        let age = youngPerson.age(on: d.decisionDate)
        let ref = LegalReferences.reference(basis(d.kind, age: age))
        var text = ref.citation(on: d.decisionDate, age: age)
        if d.kind.isYouthSupport, d.decisionDate >= ref.effective, let pin = youthSupportPinpoint(d, file: file) {
            let para = ref.paragraph(on: d.decisionDate, age: age)
            if text.hasPrefix(para) { return "barnets lov " + pin + text.dropFirst(para.count) }
        }
        if let detail = detail(d), d.kind.isBarnetsLov, d.decisionDate >= ref.effective {
            let para = ref.paragraph(on: d.decisionDate, age: age)
            if text.hasPrefix(para) { text = para + ", " + detail + text.dropFirst(para.count) }
        }
        return text
    }

    /// The kinds a young person of `age` can get on `date`, in the order `--help` lists them.
    public static func allowedKinds(age: Int, on date: LocalDate) -> [DecisionKind] {
        DecisionKind.allCases.filter { kind in
            kind != .planStance && ageDateProblem(kind, age: age, decisionDate: date, start: nil, born: nil) == nil
                // Offered in the list from the year before 18 (§ 111); earlier only by --type, with a warning.
                && !((kind.isYouthSupport || kind == .handbookAftercare) && age < youthSupportUsualAge)
                && !(kind == .anonymousTreatment && age < LegalAge.adult && date >= LegalReferences.barnetsLovEffective)
        }
    }

    /// The age from which an ungestøtte decision is usual: the year before 18 (§ 111 sets only a latest date).
    static let youthSupportUsualAge = LegalAge.adult - 1

    /// True when a placement (§ 46, § 47 or the serviceloven placement) is on the case, decided before
    /// `date` and not ended before it.
    public static func isPlaced(_ file: CaseFile, before date: LocalDate) -> Bool {
        file.decisions.contains { d in
            (d.kind.isPlacement || d.kind == .handbookPlacement) && d.decisionDate <= date
                && (d.end.map { $0.date >= date } ?? true)
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
                if let eighteen, let start, start < eighteen {
                    return
                        "Ungestøtte kan først begynde på 18-årsdagen (\(eighteen.danishLong)); sæt --start til den dato eller senere."
                }
            }
        }
        // § 101 a has no age limit (AnonymousTreatmentMinorRule warns); § 101 is for adults from 2024.
        if kind.isAdultTreatment {
            if bl, age < 18 {
                return
                    "Den unge er \(age) år; fra 1. januar 2024 behandles unge under 18 efter barnets lov § 33, ikke serviceloven."
            }
        }
        return nil
    }

    /// Every rule for a new decision on `file`: errors stop the save. Findings about the decision's
    /// own dates and missing answers are usage errors (`DecisionRuleID.isUsage`, exit 2); the rest
    /// are rule findings (exit 1).
    public static func check(_ d: Decision, in file: CaseFile) -> [Finding] {
        DecisionValidator.validate(DecisionContext(decision: d, in: file))
    }

    /// True when the errors in `findings` are bad input (exit 2): the decision's own dates are out of
    /// order (whatever else is wrong), or every error is a wrong date or a missing answer.
    public static func onlyUsageErrors(_ findings: [Finding]) -> Bool {
        let errors = findings.filter { $0.severity == .error }.map { DecisionRuleID(rawValue: $0.ruleID) }
        if errors.contains(where: { $0?.isDate == true }) { return true }
        return !errors.isEmpty && errors.allSatisfy { $0?.isUsage == true }
    }

    /// Who must consent to a decision of `kind` for a young person of `age` (LAW.md "consent"
    /// column): the custody holder for § 32 (stk. 2), § 33 (stk. 2) and § 46; the young person from
    /// 15 for § 33 and § 46, and for ungestøtte (§ 113); the young person alone for § 47 stk. 4.
    /// Nobody for § 47 stk. 1, the adult kinds and the stillingtagen.
    public static func requiredConsents(_ kind: DecisionKind, age: Int?, ground: PlacementGround? = nil)
        -> [ConsentGiver]
    {
        // § 47 stk. 4: the young person's own consent, not the custody holder's.
        if kind == .placementWithoutConsent { return ground == .ownRequest ? [.youngPerson] : [] }
        var out: [ConsentGiver] = []
        if kind.isSupportMeasure || kind.isMinorTreatment || kind == .placementWithConsent {
            out.append(.custodyHolder)
        }
        let ownFrom15 = kind.isMinorTreatment || kind == .placementWithConsent
        if (ownFrom15 && (age ?? 0) >= LegalAge.ownConsent) || kind.isYouthSupport { out.append(.youngPerson) }
        return out
    }

    /// The young person's own party powers in the decision (LAW.md, "party rights" column): from 10
    /// in the case types BL § 3 lists (nr. 1 § 32, nr. 2 § 33, nr. 4 § 46, nr. 9 ungestøtte decided
    /// before 18, nr. 10 via § 142 for § 47); nil where none applies or for adults (they are parties).
    ///
    /// BL § 3 nr. 9 »Ungestøtte efter §§ 114-116 og opretholdt anbringelse efter § 120, der træffes i medfør af § 111
    /// og § 112, stk. 3, inden den unge fylder 18 år«: § 111 is the decision for a young person whose placement ends
    /// at 18, so an ungestøtte decision before 18 for a young person who is not placed (`placed` false, e.g. § 114
    /// stk. 2 after a § 32 contact person) is not one of them (AUDIT N22).
    public static func partyRights(_ d: Decision, age: Int?, placed: Bool = true) -> String? {
        guard let age else { return nil }
        if d.decisionDate < LegalReferences.barnetsLovEffective { return appealRightsBefore2024(d, age: age) }
        let nr: Int
        if d.kind.isSupportMeasure {
            nr = 1
        } else if d.kind.isMinorTreatment {
            nr = 2
        } else if d.kind == .placementWithConsent {
            nr = 4
        } else if d.kind == .placementWithoutConsent {
            nr = 10
        } else if d.kind.isYouthSupport, age < 18, placed {
            nr = 9
        } else {
            return nil
        }
        let cite = LegalReferences.reference(.partyRights).paragraph(on: d.decisionDate, age: age)
        if age < 10 { return "Den unge er under 10 år og udøver ikke selv partsbeføjelser (\(cite), nr. \(nr))." }
        return
            "Den unge er fyldt 10 år og er selv part i sagen: kan se sagens papirer, udtale sig og klage (\(cite), nr. \(nr))."
    }

    /// Before 2024 (AUDIT row 28, N33, row 44): SEL § 167 stk. 1 »Følgende afgørelser kan af barnet eller den
    /// unge, der er fyldt 12 år, indbringes for Ankestyrelsen ...: 1) Forebyggende foranstaltninger samt
    /// anbringelse uden for hjemmet efter § 52, stk. 3.«; § 168 stk. 2 for børn og unge-udvalget (§ 58): »forældremyndighedens
    /// indehaver og den unge, der er fyldt 12 år«; § 167 stk. 4 for efterværn decided before 18.
    static func appealRightsBefore2024(_ d: Decision, age: Int) -> String? {
        let twelve = LegalAge.appealBefore2024
        let who =
            age >= twelve
            ? "Den unge er fyldt \(twelve) år og kan selv klage"
            : "Den unge er under \(twelve) år og kan ikke selv klage"
        switch d.kind {
        case .handbookMeasure:
            return "\(who) over afgørelsen (serviceloven § 167, stk. 1, nr. 1)."
        case .handbookPlacement:
            return
                "\(who) over afgørelsen (serviceloven § 167, stk. 1, nr. 1; er anbringelsen besluttet af børn og unge-udvalget efter § 58: § 168, stk. 2, inden 4 uger)."
        case .handbookAftercare:
            guard age < LegalAge.adult else { return nil }
            return
                "Afgørelsen om efterværn er truffet, før den unge fyldte 18, og den unge kan selv klage (serviceloven § 167, stk. 4)."
        default:
            return nil
        }
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
                // A decision without a recorded start is presumed running from its decision date for this
                // duty only (BL § 10 stk. 3; AUDIT row 24): it never meets a deadline or sets a status.
                && d.isPresumedRunning(on: date)
        }
    }
}
