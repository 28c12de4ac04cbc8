import Foundation

/// The one table of legal references (LAW.md). A correction is a one-line change here.
public enum LegalReferences {
    /// Barnets lov took effect on 1 January 2024.
    public static let barnetsLovEffective = LocalDate(year: 2024, month: 1, day: 1)!

    public static let all: [LegalReference] = [
        row(
            .anonymousCounselling, "Gratis, anonym eller åben rådgivning til børn, unge og familier",
            "serviceloven § 11", "barnets lov §§ 28-29", nil, .high),
        row(
            .purpose, "Helhedssyn, den unges perspektiv og tidlig indsats", "serviceloven § 46",
            "barnets lov §§ 1-2 og 5", nil, .high),
        row(
            .childInterview, "Samtale med den unge før afgørelser (børnesamtale)", "serviceloven § 48",
            "barnets lov § 5, stk. 3-4", nil, .high),
        row(.supportPerson, "Retten til en bisidder", "serviceloven § 48 a", "barnets lov § 6", nil, .high),
        row(
            .ssdExchange,
            "Udveksling af oplysninger i SSD uden samtykke (én gang på et møde, i særlige tilfælde igen på et opfølgende møde)",
            "serviceloven § 49 a", "retssikkerhedsloven § 11 e, stk. 2", nil, .high),
        row(
            .examination, "Børnefaglig undersøgelse af den unges, familiens og netværkets ressourcer og problemer",
            "serviceloven § 50", "barnets lov § 20", nil, .high),
        row(
            .preliminaryAssessment,
            "Afdækning af den unges behov, når en børnefaglig undersøgelse ikke er nødvendig (ingen frist)",
            "serviceloven § 50", "barnets lov § 19", nil, .high),
        row(
            .examinationDeadline,
            "Undersøgelsen afsluttes senest 4 måneder efter, at kommunen blev opmærksom på behovet",
            "serviceloven § 50, stk. 6", "barnets lov § 20, stk. 3", nil, .high,
            history: [sel2023("serviceloven § 50, stk. 7")]),
        row(
            .measures, "Støttende indsatser kræver samtykke fra forældremyndigheden; formål og varighed angives",
            "serviceloven § 52", "barnets lov § 32", nil, .high),
        row(
            .placement, "Anbringelse uden for hjemmet (afgørelsen; anbringelsesstederne står i § 43)",
            "serviceloven § 52, stk. 3, nr. 7 og § 58", "barnets lov §§ 46-47", nil, .high),
        row(
            .followUp, "Løbende opfølgning på indsatser efter §§ 32, 46, 47, 114-116 og 120", "serviceloven § 70",
            "barnets lov § 95", "barnets lov § 95", .high),
        row(
            .youthSupportDecision,
            "Afgørelse om ungestøtte og revideret ungeplan senest 6 måneder før det 18. år for en anbragt ung",
            "serviceloven § 68, stk. 12", "barnets lov § 111", nil, .high,
            history: [sel2023("serviceloven § 68, stk. 11")]),
        row(
            .aftercare, "Ungestøtte (tidl. efterværn) fra 18 år til det fyldte 23. år", "serviceloven § 76",
            "barnets lov §§ 113-117 og 120", nil, .high),
        row(
            .drugTreatment,
            "Social stofmisbrugsbehandling: under 18 efter barnets lov § 33, voksne efter serviceloven § 101",
            "serviceloven § 101", "barnets lov § 33", "serviceloven § 101", .high),
        row(
            .alcoholTreatment, "Alkoholbehandling begynder senest 14 dage efter anmodningen og kan være anonym",
            "sundhedsloven § 141", nil, nil, .high),
        row(
            .planUnder18, "Handleplan før afgørelse om foranstaltninger for en ung under 18", "serviceloven § 140",
            "barnets lov §§ 91-92", nil, .high),
        row(
            .barnetsPlan,
            "Barnets plan med konkrete mål: ved § 32 tager kommunen stilling (laves den, inden 3 måneder); ved § 46 inden 3 måneder; ved § 47 før afgørelsen",
            "serviceloven § 140", "barnets lov §§ 91-92", nil, .high),
        row(
            .ungeplan,
            "Ungeplan fra 16 år med mål for overgangen til voksenlivet: ved § 32 og ved 16-årsdagen tager kommunen stilling (laves den, inden 3 måneder); ved §§ 46-47 skal den laves (§ 108, stk. 2-3), uden samtykke før afgørelsen (stk. 4); ved ungestøtte 18-22 år fortsætter den (stk. 1, nr. 3-4, § 111, stk. 2)",
            "serviceloven § 140", "barnets lov §§ 108-109", nil, .high),
        row(
            .transitionGoals,
            "Fra 16 år: konkrete mål for overgangen til voksenlivet, herunder uddannelse og beskæftigelse",
            "serviceloven § 140, stk. 3", "barnets lov § 109, stk. 1", nil, .high,
            history: [sel2023("serviceloven § 140, stk. 2")]),
        row(
            .adultActionPlan,
            "Handleplan for voksne: kommunen skønner, om den skal tilbydes (stk. 1), og skal tilbyde den ved betydeligt nedsat funktionsevne eller alvorlige sociale problemer med behov for betydelig støtte (stk. 2); den unge kan sige nej",
            "serviceloven § 141", nil, "serviceloven § 141", .high),
        row(
            .adultActionPlanJudged,
            "Kommunen skønner, om det er hensigtsmæssigt at tilbyde en handleplan, og tager hensyn til den unges ønske og indsatsens karakter og omfang",
            "serviceloven § 141, stk. 1", nil, "serviceloven § 141, stk. 1", .high),
        row(
            .adultActionPlanMustOffer,
            "Kommunen skal tilbyde en handleplan, når den unge har betydeligt nedsat funktionsevne eller alvorlige sociale problemer og behov for betydelig støtte; den unge kan sige nej",
            "serviceloven § 141, stk. 2", nil, "serviceloven § 141, stk. 2", .high),
        row(
            .heightenedDuty, "Skærpet underretningspligt for ansatte i offentlig tjeneste", "serviceloven § 153",
            "barnets lov § 133", nil, .high),
        row(
            .generalDuty, "Almindelig underretningspligt for alle", "serviceloven § 154", "barnets lov § 135", nil,
            .high),
        row(
            .assessment24h, "Kommunen vurderer enhver underretning inden for 24 timer", "serviceloven § 155",
            "barnets lov § 136, stk. 2", nil, .high, history: [sel2023("serviceloven § 155, stk. 2")]),
        row(
            .reassessment, "Ny underretning om en ung, der allerede får støtte, vurderes igen", "serviceloven § 155 a",
            "barnets lov § 137", nil, .high),
        row(
            .receipt, "Kvittering til enhver, der har underrettet, senest 6 hverdage efter modtagelsen",
            "serviceloven § 155", "barnets lov § 138, stk. 1", nil, .high,
            history: [
                HistoricalParagraph(from: sel155bEffective, paragraph: "serviceloven § 155 b, stk. 1")
            ]),
        row(
            .partyRights,
            "Partsbeføjelser fra 10 år i de sager, § 3 nævner (før 2024: klageret fra 12 år over de afgørelser, § 167 nævner)",
            "serviceloven § 167", "barnets lov § 3", nil, .high),
        row(
            .consentFrom15, "Fra 15 år: den unges eget samtykke og samarbejde", "serviceloven § 50, stk. 1",
            "barnets lov § 22, stk. 2, § 33, stk. 2 og § 46", nil, .high),
        // Decisions and the duties they start (LAW.md, "Decisions drive duties" and "Which plan").
        row(
            .placementWithConsent,
            "Anbringelse med samtykke fra forældremyndigheden og den unge fra 15 år, efter en børnefaglig undersøgelse",
            "serviceloven § 52, stk. 3, nr. 7", "barnets lov § 46", nil, .high),
        row(
            .placementWithoutConsent,
            "Anbringelse uden samtykke ved børne- og ungeudvalget; stk. 4: på den unges egen anmodning fra 15 år",
            "serviceloven § 58", "barnets lov § 47", nil, .high),
        row(
            .treatmentStartMinor,
            "Stofmisbrugsbehandling for en ung under 18 iværksættes senest 14 dage efter henvendelsen",
            "serviceloven § 101, stk. 2", "barnets lov § 33, stk. 1", nil, .high,
            history: [sel2023("serviceloven § 101, stk. 4")]),
        row(
            .treatmentStartAdult, "Stofmisbrugsbehandling iværksættes senest 14 dage efter henvendelsen til kommunen",
            "serviceloven § 101, stk. 2", nil, "serviceloven § 101, stk. 4", .high,
            history: [sel2023("serviceloven § 101, stk. 4")]),
        row(
            .anonymousTreatment,
            "Anonym, ambulant stofmisbrugsbehandling uden andre sociale problemer; ingen handleplan og ingen klage",
            "serviceloven § 101 a", nil, "serviceloven § 101 a", .high),
        row(
            .alcoholTreatmentStart, "Alkoholbehandling iværksættes senest 14 dage efter henvendelsen",
            "sundhedsloven § 141, stk. 2", nil, nil, .high),
        row(
            .barnetsPlanConsider,
            "Ved afgørelse om støttende indsats tager kommunen stilling til, om der skal laves en barnets plan; laves den, senest 3 måneder efter",
            "serviceloven § 140", "barnets lov § 91, stk. 1", nil, .high),
        row(
            .barnetsPlanMandatory,
            "Ved anbringelse skal der laves en barnets plan senest 3 måneder efter afgørelsen; ved § 47 før afgørelsen",
            "serviceloven § 140", "barnets lov § 91, stk. 2", nil, .high),
        row(
            .ungeplanConsider,
            "Fra 16 år tager kommunen stilling til, om der skal laves en ungeplan; laves den, senest 3 måneder efter",
            "serviceloven § 140", "barnets lov § 108, stk. 1", nil, .high),
        row(
            .ungeplanMandatory,
            "Ved anbringelse af en ung fra 16 år og ved genetableret døgnophold (§ 116) skal der laves en ungeplan senest 3 måneder efter afgørelsen",
            "serviceloven § 140", "barnets lov § 108, stk. 2-3", nil, .high),
        row(
            .ungeplanBeforeDecision, "Ved anbringelse uden samtykke skal ungeplanen laves, før afgørelsen træffes",
            "serviceloven § 140", "barnets lov § 108, stk. 4", nil, .high),
        row(
            .ungeplanContinues,
            "Ungeplanen fortsætter under ungestøtte fra 18 til 22 år (eller en helhedsorienteret plan); ikke en handleplan efter serviceloven § 141",
            "serviceloven § 140", "barnets lov §§ 108, 111, stk. 2 og 112", "barnets lov §§ 108, 111, stk. 2 og 112",
            .high),
        row(
            .familySupportBarnetsPlan,
            "Ved anbringelse angiver barnets plan, hvilke former for støtte der skal iværksættes for familien under anbringelsen og efter hjemgivelsen",
            "serviceloven § 140", "barnets lov § 92, stk. 3", nil, .high),
        row(
            .familySupportUngeplan,
            "Ved anbringelse angiver ungeplanen, hvilke former for støtte der selvstændigt skal iværksættes for familien under anbringelsen og efter hjemgivelsen",
            "serviceloven § 140", "barnets lov § 109, stk. 4", nil, .high),
        row(
            .ungeplanConsent,
            "Ungeplanen udarbejdes så vidt muligt med samtykke fra forældremyndighedsindehaveren og den unge",
            "serviceloven § 140", "barnets lov § 109, stk. 2", nil, .high),
        row(
            .ungeplanYouthSupport,
            "Ved afgørelse om ungestøtte efter §§ 114, 115 eller 120 tager kommunen stilling til, om ungeplanen skal laves; laves den, senest 3 måneder efter",
            "serviceloven § 140", "barnets lov § 108, stk. 1, nr. 3", "barnets lov § 108, stk. 1, nr. 3", .high),
        row(
            .ungeplanReestablished,
            "Ved afgørelse om ungestøtte efter § 116 tager kommunen stilling til, om ungeplanen skal laves; ved genetableret døgnophold skal den (stk. 2)",
            "serviceloven § 140", "barnets lov § 108, stk. 1, nr. 4", "barnets lov § 108, stk. 1, nr. 4", .high),
        row(
            .followUpFirst,
            "Første opfølgning: det tidligste af en sideløbende undersøgelses afslutning og 3 måneder efter, at indsatsen blev iværksat",
            "serviceloven § 70", "barnets lov § 95, stk. 2", "barnets lov § 95, stk. 2", .high),
        row(
            .notifierFeedback,
            "Kommunen skal orientere en fagperson, der har underrettet, om der er iværksat en undersøgelse, en afdækning eller indsatser",
            "serviceloven § 155 b, stk. 2", "barnets lov § 138, stk. 2", nil, .high),
        row(
            .transitionAt18,
            "Støtte efter barnets lov til under 18 ophører ved 18 år: tag i god tid stilling til ungestøtte (fx fortsat kontaktperson) eller støtte som voksen",
            "serviceloven § 76", "barnets lov §§ 113-114", nil, .medium),
        row(
            .transitionAt18Treatment,
            "Behandling efter barnets lov § 33 ophører ved 18 år; fortsat stofmisbrugsbehandling gives efter serviceloven § 101 (påmindelse, ingen lovbestemt frist)",
            "serviceloven § 101", nil, "serviceloven § 101", .high),
        row(
            .youthSupportConsent, "Ungestøtte fra 18 til 22 år tilbydes med den unges samtykke", "serviceloven § 76",
            "barnets lov § 113", "barnets lov § 113", .high),
        row(
            .youthSupportPlanRevised,
            "Ungeplanen (eller relevante dele af den helhedsorienterede plan) revideres i samarbejde med den unge, før afgørelsen om ungestøtte træffes",
            "serviceloven § 68, stk. 12", "barnets lov § 111, stk. 2", nil, .high,
            history: [sel2023("serviceloven § 68, stk. 11")]),
        row(
            .placementOwnRequest,
            "Anbringelse af en ung fra 15 år på egen anmodning kræver den unges samtykke, ikke forældremyndighedsindehaverens",
            "serviceloven § 58, stk. 3", "barnets lov § 47, stk. 4", nil, .high),
        row(
            .treatmentWithoutConsent,
            "Behandling efter § 32, stk. 1, nr. 1, 3 og 5 uden forældremyndighedsindehaverens samtykke (ikke § 33)",
            "serviceloven § 56", "barnets lov § 37", nil, .high),
        // Letters (LAW.md, "Letters: what a written decision must carry").
        row(
            .partyHearing,
            "Partshøring: en part skal høres over oplysninger til ugunst, som er af væsentlig betydning, før afgørelsen",
            "forvaltningsloven § 19", nil, nil, .high),
        row(
            .decisionReasons, "En skriftlig afgørelse skal begrundes, medmindre den fuldt ud giver parten medhold",
            "forvaltningsloven § 22", nil, nil, .high),
        row(
            .reasonsContent,
            "Begrundelsen nævner reglerne, de hovedhensyn, der var afgørende for skønnet, og de vigtigste oplysninger",
            "forvaltningsloven § 24", nil, nil, .high),
        row(
            .appealGuidance,
            "Klagevejledning: hvor man klager, hvordan og inden for hvilken frist, medmindre parten fuldt ud får medhold",
            "forvaltningsloven § 25", nil, nil, .high),
        row(
            .appealReconsideration,
            "Klagen afleveres til kommunen, som ser på sagen igen og sender den videre til Ankestyrelsen, hvis den ikke giver medhold",
            "retssikkerhedsloven § 66", nil, nil, .high),
        row(
            .appealTimeLimit, "Klage til Ankestyrelsen inden 4 uger efter, at klageren fik besked om afgørelsen",
            "retssikkerhedsloven § 67, stk. 1", nil, nil, .high),
        row(
            .appealYoungPerson, "Den unge kan selv klage over bestemte afgørelser: fra 10 år (før 2024: fra 12 år)",
            "serviceloven § 167", "barnets lov § 145", nil, .high),
        row(
            .appealCommittee,
            "Børne- og ungeudvalgets afgørelser kan indbringes for Ankestyrelsen inden 4 uger af forældremyndighedsindehaveren og den unge fra 10 år (før 2024: fra 12 år)",
            "serviceloven § 168", "barnets lov § 146", nil, .high),
        row(
            .appealCourt,
            "Ankestyrelsens afgørelse om børne- og ungeudvalgets afgørelse kan kræves forelagt for retten inden 4 uger",
            "serviceloven § 169", "barnets lov § 147", nil, .high),
        row(
            .committeeDissent,
            "Er dommeren i børne- og ungeudvalget ikke enig, skal meddelelsen om afgørelsen oplyse om dommerens afvigende opfattelse",
            "serviceloven § 74", "barnets lov § 142, stk. 5", nil, .medium),
        row(
            .treatmentDecisionContent,
            "En afgørelse om stofmisbrugsbehandling skal oplyse om den konkrete indsats og formålet med den",
            "serviceloven § 101", "barnets lov § 10, stk. 4", nil, .high),
        row(
            .anonymousTreatmentNoAppeal,
            "Afgørelser om anonym, ambulant stofmisbrugsbehandling kan ikke indbringes for anden administrativ myndighed",
            "serviceloven § 101 a, stk. 6", nil, "serviceloven § 101 a, stk. 6", .high),
        row(
            .childInterviewWaived,
            "Samtalen med den unge kan kun fraviges i helt særlige tilfælde; så indhentes den unges synspunkter på anden vis",
            "serviceloven § 48, stk. 2", "barnets lov § 5, stk. 4", nil, .high),
        row(
            .notifierFeedbackDetails,
            "Kommunen kan fortælle en fagperson, der har underrettet, hvilken type indsats der er iværksat, og hvor længe den varer",
            "serviceloven § 155 b, stk. 3", "barnets lov § 138, stk. 3", nil, .high),
        row(
            .fileAccess, "En part kan forlange at se sagens dokumenter (aktindsigt)", "forvaltningsloven § 9", nil, nil,
            .high),
        // What can continue a measure past the 18th birthday (issue 20 item 6).
        row(
            .continuedContactPerson,
            "En fast kontaktperson efter § 32, stk. 1, nr. 3 kan opretholdes efter det fyldte 18. år som ungestøtte",
            "serviceloven § 76, stk. 2", "barnets lov § 114, stk. 2", nil, .high),
        row(
            .youthSupportAfterPlacement,
            "For en ung, der var anbragt lige før 18, kan døgnophold, kontaktperson, udslusning eller anden støtte fortsætte som ungestøtte",
            "serviceloven § 76, stk. 3", "barnets lov § 114, stk. 1", nil, .high),
        row(
            .maintainedPlacementAt18,
            "Døgnophold i en plejefamilie kan opretholdes efter 18 for en ung med betydelig og varigt nedsat funktionsevne",
            "serviceloven § 76 a, stk. 2", "barnets lov § 120", nil, .high),
        // The citizen's access extract (unge indsigt).
        row(
            .dataAccess,
            "Den registrerede har ret til indsigt i de personoplysninger, der behandles om ham eller hende",
            "databeskyttelsesforordningen art. 15", nil, nil, .high),
        row(
            .consultationAccess,
            "Indsigt i, hvornår og hvorfor oplysningerne er slået op; medarbejdernes navne kun, hvis den unge har brug for dem for at bruge sine rettigheder",
            "databeskyttelsesforordningen art. 15, stk. 1 (EU-Domstolen, sag C-579/21)", nil, nil, .medium),
        row(
            .internalDocuments, "Aktindsigt omfatter ikke myndighedens interne arbejdsdokumenter",
            "forvaltningsloven § 12", nil, nil, .high),
        row(
            .privateInterests,
            "Aktindsigt kan begrænses, hvor partens interesse må vige for afgørende hensyn til private interesser",
            "forvaltningsloven § 15 b, nr. 5", nil, nil, .high),
    ]

    private static let byID: [LegalRuleID: LegalReference] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The row for an id (every id has exactly one row; tests check it).
    public static func reference(_ id: LegalRuleID) -> LegalReference { byID[id]! }

    private static func row(
        _ id: LegalRuleID, _ summary: String, _ handbook: String, _ current: String?, _ adult: String?,
        _ confidence: Confidence, history: [HistoricalParagraph] = []
    ) -> LegalReference {
        LegalReference(
            id: id, summary: summary, handbook: handbook, current: current, currentAdult: adult,
            effective: barnetsLovEffective, confidence: confidence, history: history)
    }

    /// Serviceloven's numbering as consolidated in LBK 1089 of 16/08/2023, the last before barnets
    /// lov. The date is the consolidation's: the renumbering was in force at the latest then.
    public static let sel2023Numbering = LocalDate(year: 2023, month: 8, day: 16)!
    /// The date the receipt moved from serviceloven § 155 to § 155 b (stk. 1 receipt, stk. 2 the duty
    /// to tell a professional notifier what was started); the date itself is not in our sources (M).
    public static let sel155bEffective = LocalDate(year: 2013, month: 10, day: 1)!

    private static func sel2023(_ paragraph: String) -> HistoricalParagraph {
        HistoricalParagraph(from: sel2023Numbering, paragraph: paragraph)
    }
}
