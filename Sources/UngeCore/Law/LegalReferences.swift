import Foundation

/// The one table of legal references (LAW.md). A correction is a one-line change here.
public enum LegalReferences {
    /// Barnets lov took effect on 1 January 2024.
    public static let barnetsLovEffective = LocalDate(year: 2024, month: 1, day: 1)!

    public static let all: [LegalReference] = [
        row(.anonymousCounselling, "Gratis, anonym eller åben rådgivning til børn, unge og familier", "serviceloven § 11", "barnets lov §§ 28-31", nil, .high),
        row(.purpose, "Helhedssyn, den unges perspektiv og tidlig indsats", "serviceloven § 46", "barnets lov §§ 1-2 og 5", nil, .high),
        row(.childInterview, "Samtale med den unge før afgørelser (børnesamtale)", "serviceloven § 48", "barnets lov § 5, stk. 3-4", nil, .medium),
        row(.supportPerson, "Retten til en bisidder", "serviceloven § 48 a", "barnets lov § 6", nil, .medium),
        row(.ssdExchange, "Udveksling af oplysninger i SSD uden samtykke (én gang, undtagelsesvis to)", "serviceloven § 49 a", nil, nil, .unverified),
        row(.examination, "Børnefaglig undersøgelse af den unges, familiens og netværkets ressourcer og problemer", "serviceloven § 50", "barnets lov § 20", nil, .high),
        row(.examinationDeadline, "Undersøgelsen afsluttes senest 4 måneder efter, at kommunen blev opmærksom på behovet", "serviceloven § 50, stk. 7", "barnets lov § 20, stk. 3", nil, .high),
        row(.measures, "Støttende indsatser kræver samtykke fra forældremyndigheden; formål og varighed angives", "serviceloven § 52", "barnets lov § 32", nil, .high),
        row(.placement, "Anbringelse uden for hjemmet", "serviceloven § 66", "barnets lov § 43", nil, .high),
        row(.followUp, "Første opfølgning senest 3 måneder efter, at støtten begyndte", "serviceloven § 70", "barnets lov § 95", nil, .high),
        row(.youthSupportDecision, "Afgørelse om ungestøtte og revideret ungeplan senest 6 måneder før det 18. år for en anbragt ung", "serviceloven § 68, stk. 11", "barnets lov § 111", nil, .high),
        row(.aftercare, "Ungestøtte (tidl. efterværn) fra 18 år til det fyldte 23. år", "serviceloven § 76", "barnets lov §§ 113-116 og 120", nil, .high),
        row(.drugTreatment, "Stofmisbrugsbehandling begynder senest 14 dage efter anmodningen", "serviceloven § 101", nil, "serviceloven § 101", .unverified),
        row(.alcoholTreatment, "Alkoholbehandling begynder senest 14 dage efter anmodningen og kan være anonym", "sundhedsloven § 141", nil, nil, .high),
        row(.planUnder18, "Handleplan før afgørelse om foranstaltninger for en ung under 18", "serviceloven § 140", "barnets lov §§ 91-92", nil, .high),
        row(.barnetsPlan, "Barnets plan inden 3 måneder efter afgørelse om støtte, med konkrete mål", "serviceloven § 140", "barnets lov §§ 91-92", nil, .high),
        row(.ungeplan, "Ungeplan for unge fra 16 år, inden 3 måneder efter afgørelsen eller 16-årsdagen", "serviceloven § 140", "barnets lov §§ 108-109", nil, .high),
        row(.transitionGoals, "Fra 16 år: konkrete mål for overgangen til voksenlivet, herunder uddannelse og beskæftigelse", "serviceloven § 140, stk. 4", "barnets lov § 108", nil, .high),
        row(.adultActionPlan, "Handleplan tilbydes voksne med stofmisbrug; den unge kan sige nej", "serviceloven § 141", nil, "serviceloven § 141", .high),
        row(.heightenedDuty, "Skærpet underretningspligt for ansatte i offentlig tjeneste", "serviceloven § 153", "barnets lov § 133", nil, .high),
        row(.generalDuty, "Almindelig underretningspligt for alle", "serviceloven § 154", "barnets lov § 135", nil, .medium),
        row(.assessment24h, "Kommunen vurderer enhver underretning inden for 24 timer", "serviceloven § 155", "barnets lov § 136", nil, .high),
        row(.reassessment, "Ny underretning om en ung, der allerede får støtte, vurderes igen", "serviceloven § 155 a", "barnets lov § 137", nil, .high),
        row(.receipt, "Kvittering til en fagperson, der har underrettet, senest 6 hverdage efter modtagelsen", "serviceloven § 155 b", "barnets lov § 138", nil, .medium),
        row(.partyRights, "Partsrettigheder fra 10 år (før 2024 var der ingen samlet regel; § 48 om børnesamtalen er den nærmeste)", "serviceloven § 48", "barnets lov § 3", nil, .medium),
        row(.consentFrom15, "Fra 15 år: den unges eget samtykke og samarbejde", "serviceloven § 50 og § 101", "barnets lov §§ 20 og 46", nil, .medium),
    ]

    private static let byID: [LegalRuleID: LegalReference] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The row for an id (every id has exactly one row; tests check it).
    public static func reference(_ id: LegalRuleID) -> LegalReference { byID[id]! }

    private static func row(
        _ id: LegalRuleID, _ summary: String, _ handbook: String, _ current: String?, _ adult: String?,
        _ confidence: Confidence
    ) -> LegalReference {
        LegalReference(
            id: id, summary: summary, handbook: handbook, current: current, currentAdult: adult,
            effective: barnetsLovEffective, confidence: confidence)
    }
}
