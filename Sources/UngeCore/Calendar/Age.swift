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

    /// The date someone born on `born` has their birthday in `year`; 29 February falls on 1 March
    /// in a common year.
    public static func birthday(of born: LocalDate, in year: Int) -> LocalDate {
        if born.month == 2, born.day == 29, !LocalDate.isLeapYear(year) {
            return LocalDate(year: year, month: 3, day: 1) ?? born
        }
        return LocalDate(year: year, month: born.month, day: born.day) ?? born
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
        let ages = thresholds(born: born, on: born).map { $0.ageLabel.replacingOccurrences(of: " år", with: "") }
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
        switch kind {
        case .partyRights: (id, label, ageThen) = ("age10", "10 år", 10)
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
        // The rule in force on the date asked, whatever the age on 1 January 2024 (LAW.md).
        let barnetsLov = today >= LegalReferences.barnetsLovEffective
        let rule: LegalRuleID
        let text: String
        switch kind {
        case .partyRights:
            rule = .partyRights
            text =
                barnetsLov
                ? "Den unge bliver selv part i sin sag og kan fx se sagens papirer, udtale sig og klage over afgørelser om støttende indsatser og anbringelse."
                : "Før 2024 havde serviceloven ingen fælles regel om, hvornår barnet er part; den unges rettigheder fulgte af de enkelte regler. Fra 1. januar 2024 er børn og unge part i deres egen sag fra 10 år."
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
            text =
                "Den unge er myndig, og reglerne for voksne gælder. Kommunen tilbyder en handleplan, som den unge selv kan sige ja eller nej til, og forældrene skal ikke længere give samtykke."
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
