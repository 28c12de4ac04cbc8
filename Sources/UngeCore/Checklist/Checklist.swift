import Foundation

/// One yes/no question from the end of a handbook chapter (tjeklistepunkt), handbook ch. 3-7.
///
/// The wording is ours, not the handbook's: `question` is what the caseworker answers,
/// `explanation` says in one line why it matters, `readMore` where in the handbook to read on.
public struct ChecklistItem: Sendable, Equatable, Identifiable {
    /// `<chapter>.<n>`, e.g. `7.4`; stable, saved with answers.
    public let id: String
    public let chapter: Int
    /// A few words for tables and summaries ("Handleplan lavet").
    public let label: String
    public let question: String
    public let explanation: String
    /// Chapter and section in the handbook, e.g. "kap. 7, afsnittet »Handleplanen«".
    public let readMore: String
    /// The rule that can answer the item from the case, if any; without one the caseworker answers.
    public let evidenceRule: EvidenceRuleID?
    /// The paragraph behind the item, where there is one (cited from `LegalReferences`).
    public let legal: LegalRuleID?

    public init(
        id: String, chapter: Int, label: String, question: String, explanation: String, readMore: String,
        evidenceRule: EvidenceRuleID? = nil, legal: LegalRuleID? = nil
    ) {
        self.id = id
        self.chapter = chapter
        self.label = label
        self.question = question
        self.explanation = explanation
        self.readMore = readMore
        self.evidenceRule = evidenceRule
        self.legal = legal
    }
}

/// One handbook chapter with its checklist (kapitel), handbook ch. 3-7.
public struct Chapter: Sendable, Equatable, Identifiable {
    /// The chapter number in the handbook, 3 to 7.
    public let number: Int
    /// The chapter's title as the handbook names it.
    public let title: String
    public let items: [ChecklistItem]

    public var id: Int { number }
}

/// The handbook's five chapter checklists (tjeklister), chapters 3-7, 21 items in all.
///
/// Data only: which items the case can answer is named by `ChecklistItem.evidenceRule`; the rules
/// themselves live in `EvidenceRules.swift`.
public enum Checklist {
    /// The chapters in handbook order.
    public static let chapters: [Chapter] = [chapter3, chapter4, chapter5, chapter6, chapter7]

    /// Every item, chapter by chapter.
    public static var items: [ChecklistItem] { chapters.flatMap(\.items) }

    /// The chapter with this number, or nil (only 3 to 7 have checklists).
    public static func chapter(_ number: Int) -> Chapter? { chapters.first { $0.number == number } }

    /// The item with this id (`7.4`), or nil.
    public static func item(_ id: String) -> ChecklistItem? { items.first { $0.id == id } }

    static let chapter3 = Chapter(
        number: 3, title: "Bekymret? De første skridt",
        items: [
            ChecklistItem(
                id: "3.1", chapter: 3, label: "Underretningspligten kendt",
                question:
                    "Ved du, at du som offentligt ansat har en personlig, skærpet pligt til at underrette – og har du tænkt over, hvordan den unge og forældrene får det at vide?",
                explanation:
                    "En formodning om, at den unge har brug for særlig støtte, er nok; hverken din leder eller forældrene kan stoppe en underretning.",
                readMore: "kap. 3, afsnittene »Skærpet underretningspligt« og »Før du underretter«",
                legal: .heightenedDuty),
            ChecklistItem(
                id: "3.2", chapter: 3, label: "Den unge og forældrene orienteret",
                question: "Har den unge og forældrene hørt om din bekymring fra dig selv?",
                explanation:
                    "Fortæl, hvorfor du er bekymret, og hvem der vurderer sagen; sker det ikke, så skriv begrundelsen ned.",
                readMore: "kap. 3, afsnittene »Før du underretter« og »At handle på sin bekymring«",
                evidenceRule: .concernInformed),
            ChecklistItem(
                id: "3.3", chapter: 3, label: "Kolleger og leder brugt",
                question: "Har du drøftet bekymringen og dine overvejelser med kolleger og din leder?",
                explanation:
                    "Flere øjne giver et mere nuanceret billede, og kollegerne kender måske den unge fra en anden side.",
                readMore: "kap. 3, afsnittet »At handle på sin bekymring«"),
            ChecklistItem(
                id: "3.4", chapter: 3, label: "Tværfagligt forum overvejet",
                question: "Har du overvejet, om et tværfagligt forum som SSD, SSP eller PPR kan hjælpe dig videre?",
                explanation:
                    "Sagen kan tages op anonymt for sparring eller med navn; hvad der må udveksles, afhænger af forummet.",
                readMore: "kap. 3, afsnittet »Faglige samarbejdsfora: SSD, SSP og PPR«",
                evidenceRule: .forumUsed, legal: .ssdExchange),
        ])

    static let chapter4 = Chapter(
        number: 4, title: "Relationen til den unge",
        items: [
            ChecklistItem(
                id: "4.1", chapter: 4, label: "Egen rolle afklaret",
                question:
                    "Er du klar over, hvilken rolle du selv spiller for den unge, og hvad der er svært for dig i den?",
                explanation:
                    "Lærer, pædagog og sagsbehandler møder hver deres udfordringer; når du kender dine, står du mere sikkert i relationen.",
                readMore: "kap. 4, afsnittet »Afklaring af din egen rolle« (»Dit ansvar«, »Dine udfordringer«)"),
            ChecklistItem(
                id: "4.2", chapter: 4, label: "Regler og ansvar kendt",
                question: "Har du sat dig ind i arbejdspladsens retningslinjer og i de pligter, dit fag giver dig?",
                explanation: "Når du kender reglerne, kan du love den unge det, du kan holde – og ikke mere.",
                readMore: "kap. 4, afsnittet »Dit ansvar«; kap. 3 om underretningspligten"),
            ChecklistItem(
                id: "4.3", chapter: 4, label: "Sparring brugt",
                question: "Tager du kolleger og dit faglige netværk med på råd om den unge?",
                explanation: "Du skal ikke stå alene med tvivlen om, hvordan sagen bedst håndteres.",
                readMore: "kap. 4, afsnittet »Dit netværk og organisation«"),
            ChecklistItem(
                id: "4.4", chapter: 4, label: "Den unges syn i centrum",
                question: "Er det den unges egen oplevelse af situationen, der styrer jeres samtaler og aftaler?",
                explanation:
                    "En anerkendende tilgang tager udgangspunkt i, hvordan den unge selv ser sine problemer og sine mål.",
                readMore: "kap. 4, afsnittene »Den anerkendende tilgang« og »Positive mål«",
                evidenceRule: .youngPersonView),
            ChecklistItem(
                id: "4.5", chapter: 4, label: "Dialogredskab brugt",
                question:
                    "Bruger du et redskab i samtalen – fx livslinje, livshjul eller fordele/ulempe-skema – til at støtte den unges forandring?",
                explanation:
                    "Et redskab giver samtalen struktur og gør ambivalens og fremskridt synlige for jer begge.",
                readMore: "kap. 4, afsnittene »Livslinje« og »Fordele/ulempe-skema«",
                evidenceRule: .dialogueTool),
        ])

    static let chapter5 = Chapter(
        number: 5, title: "Den unges netværk",
        items: [
            ChecklistItem(
                id: "5.1", chapter: 5, label: "Alle arenaer set",
                question:
                    "Har du set på alle de steder, den unge færdes – familie, slægt, venner og fritid, skole og arbejde, professionelle – når du vurderer behovet for støtte?",
                explanation: "Netværkskortets arenaer viser, hvor der er støtte at hente, og hvor der er huller.",
                readMore: "kap. 5, afsnittene »Det vigtige samspil« og »Netværkskort«",
                evidenceRule: .networkArenas),
            ChecklistItem(
                id: "5.2", chapter: 5, label: "Alle problemer med",
                question: "Er alle den unges vanskeligheder med i billedet – ikke kun rusmidlerne?",
                explanation: "Rusmiddelproblemer står sjældent alene; skole, familie, venner og helbred spiller med.",
                readMore: "kap. 5, afsnittet »Afdækning af netværk«; kap. 7, afsnittet »Den børnefaglige undersøgelse«",
                evidenceRule: .examinationCoverage),
            ChecklistItem(
                id: "5.3", chapter: 5, label: "Den unge og familien inddraget",
                question: "Er den unge og familien selv med til at finde løsningerne?",
                explanation:
                    "Forandring smitter: når forældre og nære personer er med, holder den unges forandring bedre.",
                readMore: "kap. 5, afsnittene »Forandring smitter« og »Inddragelse af forældre«"),
            ChecklistItem(
                id: "5.4", chapter: 5, label: "Netværksredskab brugt",
                question:
                    "Har du brugt et redskab til at arbejde med netværket, fx et netværkskort eller et netværksmøde?",
                explanation:
                    "Et netværksmøde med en mødeleder uden for sagen ender i klare aftaler om, hvem der gør hvad.",
                readMore: "kap. 5, afsnittene »Netværkskort« og »Netværksmøder«",
                evidenceRule: .networkTool),
        ])

    static let chapter6 = Chapter(
        number: 6, title: "Det gode samarbejde",
        items: [
            ChecklistItem(
                id: "6.1", chapter: 6, label: "Samarbejdet sat i system",
                question:
                    "Er samarbejdet med de andre fagpersoner aftalt og organiseret, så alle ved, hvem der gør hvad?",
                explanation:
                    "Faste aftaler gør det lettere at handle hurtigt, når der er brug for det, og fjerner mange misforståelser.",
                readMore: "kap. 6, afsnittet »Sæt samarbejdet i system«"),
            ChecklistItem(
                id: "6.2", chapter: 6, label: "Overblik over fagfolkene",
                question:
                    "Ved du, hvilke fagpersoner der er omkring den unge, og er de alle med, når indsatsen planlægges?",
                explanation:
                    "Med overblik over det professionelle netværk undgår I, at nogen trækker i hver sin retning.",
                readMore: "kap. 6, afsnittet »Sæt samarbejdet i system«; kap. 5, »Netværkskort« (de professionelle)"),
            ChecklistItem(
                id: "6.3", chapter: 6, label: "Holdninger drøftet",
                question:
                    "Har du og dine samarbejdspartnere talt om, hvordan I hver især ser på unge og rusmidler, så forskellene bliver brugt i stedet for at stå i vejen?",
                explanation: "Fagfolk ser forskelligt på fx hash; sagt højt bliver forskellene en faglig ressource.",
                readMore:
                    "kap. 6, afsnittene »Holdninger og faglig dialog« og »Rusmiddelpolitik: En handleguide til et fælles fodslag«"
            ),
        ])

    static let chapter7 = Chapter(
        number: 7, title: "Sagsbehandling",
        items: [
            ChecklistItem(
                id: "7.1", chapter: 7, label: "Behov og ønsker i centrum",
                question: "Tager sagsbehandlingen afsæt i, hvad den unge har brug for og selv ønsker?",
                explanation: "Den unge skal kunne medvirke i sin egen sag; den unges behov og ønsker former indsatsen.",
                readMore: "kap. 7, afsnittet »Inddragelse af den unge«",
                legal: .purpose),
            ChecklistItem(
                id: "7.2", chapter: 7, label: "Undersøgelsen hele vejen rundt",
                question:
                    "Dækker udredningen alle den unges livsområder – eller står der, hvorfor et område er udeladt?",
                explanation:
                    "Undersøgelsen ser på udvikling og adfærd, familie, skole, sundhed, fritid og venskaber og andet, der har betydning.",
                readMore:
                    "kap. 7, afsnittene »Den børnefaglige undersøgelse« og »Få overblik over den unges situation«",
                evidenceRule: .examinationCoverage, legal: .examination),
            ChecklistItem(
                id: "7.3", chapter: 7, label: "Den unges eget syn skrevet ind",
                question: "Står den unges egen forståelse af problemerne i undersøgelsen og i planen?",
                explanation: "Den unge høres i en samtale, og hans mening skal kunne læses i sagens dokumenter.",
                readMore: "kap. 7, afsnittet »Inddragelse af den unge«",
                evidenceRule: .youngPersonView, legal: .childInterview),
            ChecklistItem(
                id: "7.4", chapter: 7, label: "Plan lavet",
                question:
                    "Er der lavet en plan for den unge (handleplan, barnets plan eller ungeplan), og lever den op til kravene?",
                explanation:
                    "Planen angiver formål, konkrete mål, indsatser og varighed – fra 16 år også mål for overgangen til voksenlivet.",
                readMore: "kap. 7, afsnittet »Handleplanen«",
                evidenceRule: .actionPlan, legal: .planUnder18),
            ChecklistItem(
                id: "7.5", chapter: 7, label: "Plan og leverandør hænger sammen",
                question: "Passer leverandørens behandlingsplan og kontrakt til planens mål?",
                explanation:
                    "Hvert mål i behandlingsplanen skal bygge på et mål i planen, og intet af planens mål må stå uden indsats.",
                readMore: "kap. 7, afsnittene »Handleplanen« og »Koordinationen i centrum«",
                evidenceRule: .treatmentLinks),
        ])
}
