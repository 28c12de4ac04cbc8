import Foundation

/// Age in whole years, the way Danish law counts it: a person born on 29 February turns a year
/// older on 1 March in a common year (the day after 28 February).
public enum Age {
    /// Whole years from `born` to `date` (0 before the first birthday).
    public static func years(born: LocalDate, on date: LocalDate) -> Int {
        var years = date.year - born.year
        if date < birthday(of: born, in: date.year) { years -= 1 }
        return max(0, years)
    }

    /// The ages unge serves (12-25, the youth unit's target group) with a margin: an age outside
    /// 10-30 on the registration date almost always means a mistyped CPR number or birth date.
    public static let plausibleRange = 10...30

    /// The age on `date` when it is outside `plausibleRange` (a likely typo), else nil.
    public static func implausible(born: LocalDate, on date: LocalDate) -> Int? {
        let age = years(born: born, on: date)
        return plausibleRange.contains(age) ? nil : age
    }

    /// The question asked about an implausible age: "Den unge er 76 år – er CPR-nummeret rigtigt?"
    /// (or "… er fødselsdatoen rigtig?" when there is no CPR number).
    public static func implausibleQuestion(age: Int, fromCPR: Bool) -> String {
        "Den unge er \(age) år – " + (fromCPR ? "er CPR-nummeret rigtigt?" : "er fødselsdatoen rigtig?")
    }

    /// The date someone born on `born` has their birthday in `year`; 29 February falls on 1 March
    /// in a common year.
    public static func birthday(of born: LocalDate, in year: Int) -> LocalDate {
        if born.month == 2, born.day == 29, !LocalDate.isLeapYear(year) {
            return LocalDate(year: year, month: 3, day: 1) ?? born
        }
        return LocalDate(year: year, month: born.month, day: born.day) ?? born
    }

    /// AUDIT row 36 (O, unverified): none of the statute texts says when a person born on 29 February turns a
    /// year older in a common year (barnets lov and serviceloven only say »fyldt N år«). The tool counts 1 March,
    /// and says so wherever the age is shown, so a caseworker can check a threshold that falls on that day.
    public static func leapDayNote(born: LocalDate) -> String? {
        guard born.month == 2, born.day == 29 else { return nil }
        return
            "Født 29. februar: i år uden skuddag regner unge fødselsdagen som 1. marts. Lovteksterne siger ikke, om det er 28. februar eller 1. marts (ikke verificeret). Afhænger en frist eller en ret af netop den dag, så tjek datoen."
    }

    /// The date someone turns `years` old.
    public static func dateTurning(_ years: Int, born: LocalDate) -> LocalDate {
        birthday(of: born, in: born.year + years)
    }

    /// "17½": six calendar months before the 18th birthday (BL § 111, tidl. SEL § 68 stk. 11). A
    /// day that does not exist in the target month becomes the month's last day, so a 31 August
    /// birthday gives 28 (or 29) February.
    public static func dateSixMonthsBefore18(born: LocalDate) -> LocalDate {
        dateTurning(18, born: born).adding(months: -6)
    }

    /// The age thresholds that change the rules for a young person (`unge alder`), in date order:
    /// 10, 15, 16, 17½, 18 and 23 years. Each says what changes, in Danish, and cites the paragraph
    /// that applies on the threshold's own date (before 2024-01-01 serviceloven; from then barnets
    /// lov for the under-18 rules and serviceloven for the adult rules). `passed` is true when
    /// `date` is on or after the threshold.
    public static func thresholds(born: LocalDate, on date: LocalDate) -> [AgeThreshold] {
        AgeThreshold.Kind.allCases.map { AgeThreshold(kind: $0, born: born, on: date) }
    }

    /// The thresholds as `unge alder --help` lists them: "10, 15, 16, 17½, 18 og 23 år".
    public static var thresholdList: String {
        let born = LocalDate(year: 2000, month: 1, day: 1)!
        let ages = thresholds(born: born, on: LegalReferences.barnetsLovEffective).map {
            $0.ageLabel.replacingOccurrences(of: " år", with: "")
        }
        return ages.dropLast().joined(separator: ", ") + " og " + (ages.last ?? "") + " år"
    }
}

/// An age threshold (aldersgrænse) where the rules for the young person change: party rights at
/// 10 (BL § 3), consent and cooperation from 15, ungeplan / transition goals at 16 (BL §§ 108-109,
/// tidl. SEL § 140), the youth-support decision at 17½ (BL § 111), adult law at 18 (SEL § 141) and
/// the end of ungestøtte / efterværn at 23 (BL §§ 113-116, tidl. SEL § 76).
public struct AgeThreshold: Sendable, Equatable, Codable {
    /// Stable id: `age10`, `age15`, `age16`, `age17half`, `age18`, `age23`.
    public let id: String
    /// The age as the user reads it: "10 år", "17½ år".
    public let ageLabel: String
    /// The day the threshold is reached.
    public let date: LocalDate
    /// True when the date asked about is on or after `date`.
    public let passed: Bool
    /// What changes, in plain Danish.
    public let whatChanges: String
    /// The row in `LegalReferences` the threshold rests on.
    public let legalReferenceID: LegalRuleID
    /// The citation valid on `date`, e.g. "barnets lov § 3" or "serviceloven § 141".
    public let paragraph: String

    public init(
        id: String, ageLabel: String, date: LocalDate, passed: Bool, whatChanges: String,
        legalReferenceID: LegalRuleID, paragraph: String
    ) {
        self.id = id
        self.ageLabel = ageLabel
        self.date = date
        self.passed = passed
        self.whatChanges = whatChanges
        self.legalReferenceID = legalReferenceID
        self.paragraph = paragraph
    }

    /// The six thresholds, in age order.
    enum Kind: CaseIterable {
        case partyRights, consent, transition, youthSupport, adult, aftercareEnds
    }

    init(kind: Kind, born: LocalDate, on today: LocalDate) {
        let id: String
        let label: String
        let when: LocalDate
        let ageThen: Int
        // The rule in force on the date asked, whatever the age on 1 January 2024 (LAW.md).
        let barnetsLov = today >= LegalReferences.barnetsLovEffective
        switch kind {
        case .partyRights:
            // Before 2024 the threshold was 12: the right to appeal (SEL § 167 stk. 1, § 168 stk. 2).
            (id, label, ageThen) =
                barnetsLov
                ? ("age10", "\(LegalAge.partyRights) år", LegalAge.partyRights)
                : ("age12", "\(LegalAge.appealBefore2024) år", LegalAge.appealBefore2024)
        case .consent: (id, label, ageThen) = ("age15", "15 år", 15)
        case .transition: (id, label, ageThen) = ("age16", "16 år", 16)
        case .youthSupport: (id, label, ageThen) = ("age17half", "17½ år", 17)
        case .adult: (id, label, ageThen) = ("age18", "18 år", 18)
        case .aftercareEnds: (id, label, ageThen) = ("age23", "23 år", 23)
        }
        if kind == .youthSupport {
            when = Age.dateSixMonthsBefore18(born: born)
        } else {
            when = Age.dateTurning(ageThen, born: born)
        }
        let rule: LegalRuleID
        let text: String
        switch kind {
        case .partyRights:
            rule = .partyRights
            text =
                barnetsLov
                ? "Den unge bliver selv part i sin sag og kan fx se sagens papirer, udtale sig og klage over afgørelser om støttende indsatser og anbringelse."
                : "Den unge kan selv klage over afgørelser om foranstaltninger og anbringelse efter serviceloven § 52, stk. 3 m.fl. (serviceloven § 167, stk. 1; en anbringelse besluttet af børn og unge-udvalget efter § 58: § 168, stk. 2). Fra 1. januar 2024 er børn og unge part i deres egen sag fra 10 år (barnets lov § 3)."
        case .consent:
            rule = .consentFrom15
            text =
                "Den børnefaglige undersøgelse laves i samarbejde med den unge selv, og den unges eget samtykke skal også indhentes, fx til anbringelse og stofmisbrugsbehandling."
        case .transition:
            rule = barnetsLov ? .ungeplanConsider : .transitionGoals
            text =
                barnetsLov
                ? "Kommunen skal tage stilling til, om der skal laves en ungeplan med mål for overgangen til voksenlivet, fx uddannelse og job. For en anbragt ung skal planen laves, senest 3 måneder efter 16-årsdagen."
                : "Handleplanen skal nu også have konkrete mål for overgangen til voksenlivet, fx uddannelse og job."
        case .youthSupport:
            rule = .youthSupportDecision
            text =
                barnetsLov
                ? "Er den unge anbragt, skal kommunen senest nu træffe afgørelse om ungestøtte efter 18 år og sammen med den unge have revideret ungeplanen."
                : "Er den unge anbragt, skal kommunen senest nu træffe afgørelse om efterværn efter 18 år og sammen med den unge have revideret handleplanen."
        case .adult:
            rule = .adultActionPlan
            // AUDIT row 47 (D12): SEL § 141 stk. 1 »skønne«, stk. 2 »skal tilbyde«; BL §§ 113-116 ungestøtte.
            text =
                barnetsLov
                ? "Den unge er myndig, og forældrene skal ikke længere give samtykke. Var den unge anbragt (eller havde en fast kontaktperson) lige før 18, kan ungestøtte gives til 23 (barnets lov §§ 113-116), og ungeplanen fortsætter. Ellers skønner kommunen, om en handleplan skal tilbydes (serviceloven § 141, stk. 1; skal ved stk. 2)."
                : "Den unge er myndig, og forældrene skal ikke længere give samtykke. Var den unge anbragt lige før 18, kan efterværn gives til 23 (serviceloven § 76). Ellers skønner kommunen, om en handleplan skal tilbydes (serviceloven § 141, stk. 1; skal ved stk. 2)."
        case .aftercareEnds:
            rule = .aftercare
            text =
                barnetsLov
                ? "Ungestøtte (tidl. efterværn) slutter og kan ikke længere bevilges eller genoptages."
                : "Efterværn slutter og kan ikke længere bevilges eller genoptages."
        }
        self.init(
            id: id, ageLabel: label, date: when, passed: today >= when, whatChanges: text,
            legalReferenceID: rule,
            paragraph: LegalReferences.reference(rule).citation(on: today, age: ageThen))
    }
}
