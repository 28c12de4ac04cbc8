import Foundation

/// One answer a notification is built from (en oplysning i underretningen), handbook ch. 3.
///
/// One row per field (`spec`: kind, label, question, guidance, where in the handbook, and the
/// typed accessor that reads and writes it in a `ConcernReportDraft`) drives the guided questions,
/// the JSON keys of a `--fra-fil` file and the summary. The switch in `spec` has no `default`, so a
/// new field does not compile until its row is written. The command-line flags live in the CLI.
/// The order is the order of the guided walk-through.
public enum ConcernField: String, CaseIterable, Sendable, Codable, Equatable {
    case youngName
    case youngCPR
    case youngBirthDate
    case youngSchool
    case reporterName
    case reporterRole
    case reporterOrganisation
    case reporterContact
    case reporterProfessional
    case situation
    case parentCooperation
    case attendance
    case relation
    case otherInformation
    case youngPersonInformed
    case youngPersonComments
    case parentsInformed
    case parentsComments
    case notInformedReason
    case concernLevel
    case raiseIf
    case lowerIf
    case received
    /// How the notification reached the municipality (telefon, brev, e-mail ...), when registered.
    case receivedVia
    /// The notifier asked to stay anonymous.
    case reporterAnonymous
    /// What the notification is mainly about (bekymringsområde), for the DST notification statistics.
    case reason

    /// What kind of value the field holds, so input text can be parsed and questions phrased.
    public enum Kind: Sendable, Hashable {
        case text
        case yesNo
        case date
        case dateTime
        case cpr
        case level
        case reason
    }

    /// Where a field's value lives in the draft, with its type.
    public enum Accessor: Sendable {
        case text(WritableKeyPath<ConcernReportDraft, String?> & Sendable)
        case yesNo(WritableKeyPath<ConcernReportDraft, Bool?> & Sendable)
        case date(WritableKeyPath<ConcernReportDraft, LocalDate?> & Sendable)
        case cpr(WritableKeyPath<ConcernReportDraft, CPRNumber?> & Sendable)
        case level(WritableKeyPath<ConcernReportDraft, ConcernLevel?> & Sendable)
        case reason(WritableKeyPath<ConcernReportDraft, NotificationReason?> & Sendable)
        /// A time as typed; parsed when the notification is registered.
        case dateTime(WritableKeyPath<ConcernReportDraft, String?> & Sendable)

        var kind: Kind {
            switch self {
            case .text: return .text
            case .yesNo: return .yesNo
            case .date: return .date
            case .cpr: return .cpr
            case .level: return .level
            case .reason: return .reason
            case .dateTime: return .dateTime
            }
        }
    }

    /// Which part of the notification a field belongs to.
    public enum Group: Sendable, Equatable {
        case youngPerson
        case reporter
        case content
        case inclusion
        case concernArc
        case arrival
        case category
    }

    /// One row of the table.
    public struct Spec: Sendable {
        public let group: Group
        public let accessor: Accessor
        /// A short Danish name, used in lists of what is missing.
        public let label: String
        /// The question asked in the guided walk-through.
        public let question: String
        /// One or two lines of guidance shown before the question, in our own words (handbook ch. 3).
        public let guidance: String?
        /// The guidance for a caseworker registering a notification someone else made (spoken to
        /// the caseworker, about the notifier); nil when `guidance` fits both.
        public let registrationGuidance: String?
        /// Where in the handbook the guidance comes from.
        public let handbookReference: String?
        /// The heading a content section has in the document.
        public let sectionTitle: String?
        /// A content section's text in a registered notification.
        public let inReport: (@Sendable (ConcernReport) -> String?)?

        init(
            _ group: Group, _ accessor: Accessor, label: String, question: String, guidance: String? = nil,
            registration: String? = nil, handbook: String? = nil, sectionTitle: String? = nil,
            inReport: (@Sendable (ConcernReport) -> String?)? = nil
        ) {
            self.inReport = inReport
            self.group = group
            self.accessor = accessor
            self.label = label
            self.question = question
            self.guidance = guidance
            self.registrationGuidance = registration
            self.handbookReference = handbook
            self.sectionTitle = sectionTitle
        }
    }

    private static let contentHandbook = "håndbogen kap. 3, Selve underretningen"
    private static let beforeHandbook = "håndbogen kap. 3, Før du underretter"
    private static let arcHandbook = "håndbogen kap. 6, Bekymringsbuen"

    /// The table: one row per field.
    public var spec: Spec {
        switch self {
        case .youngName:
            return Spec(.youngPerson, .text(\.youngName), label: "den unges navn", question: "Den unges navn")
        case .youngCPR:
            return Spec(
                .youngPerson, .cpr(\.youngCPR), label: "den unges CPR-nummer",
                question: "Den unges CPR-nummer (DDMMÅÅ-XXXX; tom linje hvis du ikke kender det)")
        case .youngBirthDate:
            return Spec(
                .youngPerson, .date(\.youngBirthDate), label: "den unges fødselsdato",
                question: "Den unges fødselsdato (ÅÅÅÅ-MM-DD)")
        case .youngSchool:
            return Spec(
                .youngPerson, .text(\.youngSchool), label: "den unges skole, uddannelse eller arbejde",
                question: "Skole, uddannelse eller arbejde (tom linje springer over)")
        case .reporterName:
            return Spec(
                .reporter, .text(\.reporterName), label: "underretterens navn (dit eget, når du selv underretter)",
                question: "Dit navn")
        case .reporterRole:
            return Spec(
                .reporter, .text(\.reporterRole), label: "underretterens rolle",
                question: "Din rolle, fx lærer, klubpædagog eller SSP-medarbejder")
        case .reporterOrganisation:
            return Spec(
                .reporter, .text(\.reporterOrganisation), label: "underretterens arbejdssted",
                question: "Dit arbejdssted")
        case .reporterContact:
            return Spec(
                .reporter, .text(\.reporterContact), label: "hvordan kommunen kan kontakte underretteren",
                question: "Telefon eller e-mail, så kommunen kan sende kvittering")
        case .reporterProfessional:
            return Spec(
                .reporter, .yesNo(\.reporterProfessional), label: "om underretteren er fagperson",
                question: "Underretter du som fagperson i offentlig tjeneste? (ja/nej)",
                guidance:
                    "Arbejder du i det offentlige eller for en institution med offentlig opgave, har du en skærpet og personlig pligt til at underrette: en formodning om, at den unge har brug for særlig støtte, er nok.",
                handbook: "håndbogen kap. 3, Skærpet underretningspligt")
        case .reporterAnonymous:
            return Spec(
                .reporter, .yesNo(\.reporterAnonymous), label: "om underretteren er anonym",
                question: "Er underretteren anonym? (ja/nej)")
        case .situation:
            return Spec(
                .content, .text(\.situation), label: "den unges fysiske, psykiske og sociale forhold",
                question: "1. Den unges fysiske, psykiske og sociale forhold, ressourcer og vanskeligheder",
                guidance:
                    "Beskriv det, du selv har set og hørt, med datoer og eksempler, frem for konklusioner. Tag både det, der går godt (ressourcer), og det, der er svært, med: helbred, trivsel, venner og fritid, rusmidler.",
                registration:
                    "Skriv det, underretteren selv har set og hørt, så tæt på underretterens egne ord som muligt, med datoer og eksempler. Spørg også til det, der går godt (ressourcer): helbred, trivsel, venner og fritid, rusmidler. Dine egne vurderinger hører til i journalen.",
                handbook: Self.contentHandbook, sectionTitle: "Den unges fysiske, psykiske og sociale forhold",
                inReport: { $0.situation })
        case .parentCooperation:
            return Spec(
                .content, .text(\.parentCooperation), label: "samarbejdet med forældrene",
                question: "2. Samarbejdet med forældrene",
                guidance:
                    "Hvordan er kontakten til forældrene, og hvordan har de taget imod jeres bekymring? Skriv konkret, hvad der er aftalt og hvad der er sket.",
                registration:
                    "Hvad fortæller underretteren om kontakten til forældrene, og hvordan de har taget imod bekymringen? Skriv konkret, hvad der er aftalt og sket.",
                handbook: Self.contentHandbook, sectionTitle: "Samarbejdet med forældrene",
                inReport: { $0.parentCooperation })
        case .attendance:
            return Spec(
                .content, .text(\.attendance), label: "den unges fremmøde", question: "3. Den unges fremmøde",
                guidance:
                    "Fremmøde i skole, uddannelse, arbejde eller klub: fravær, forsinkelser, ændringer over tid. Tal og perioder er bedre end indtryk.",
                registration:
                    "Hvad ved underretteren om fremmøde i skole, uddannelse, arbejde eller klub: fravær, forsinkelser, ændringer over tid? Spørg efter tal og perioder.",
                handbook: Self.contentHandbook, sectionTitle: "Den unges fremmøde", inReport: { $0.attendance })
        case .relation:
            return Spec(
                .content, .text(\.relation), label: "underretterens forhold til den unge",
                question: "4. Dit forhold til den unge",
                guidance:
                    "Hvordan kender du den unge, hvor længe, og hvor ofte ser I hinanden? Det hjælper kommunen med at vurdere dine iagttagelser.",
                registration:
                    "Hvordan kender underretteren den unge, hvor længe, og hvor ofte ser de hinanden? Det hjælper dig med at vurdere iagttagelserne.",
                handbook: Self.contentHandbook, sectionTitle: "Underretterens forhold til den unge",
                inReport: { $0.relation })
        case .otherInformation:
            return Spec(
                .content, .text(\.otherInformation), label: "andre vigtige oplysninger",
                question: "5. Andre vigtige oplysninger",
                guidance:
                    "Alt andet, der er vigtigt for kommunens vurdering, fx hvem i netværket der støtter den unge, eller om andre fagpersoner er bekymrede.",
                registration:
                    "Alt andet, underretteren fortæller, som er vigtigt for vurderingen, fx hvem i netværket der støtter den unge, eller om andre fagpersoner er bekymrede.",
                handbook: Self.contentHandbook, sectionTitle: "Andre vigtige oplysninger",
                inReport: { $0.otherInformation })
        case .youngPersonInformed:
            return Spec(
                .inclusion, .yesNo(\.youngPersonInformed), label: "om den unge er orienteret",
                question: "Har du fortalt den unge om underretningen? (ja/nej)",
                guidance:
                    "Det er god praksis, ikke et krav, at fortælle den unge hvorfor du underretter, og hvem der vurderer underretningen.",
                registration:
                    "Spørg underretteren, om den unge ved, at der er underrettet, og hvad den unge sagde til det.",
                handbook: Self.beforeHandbook)
        case .youngPersonComments:
            return Spec(
                .inclusion, .text(\.youngPersonComments), label: "den unges kommentarer",
                question: "Hvad sagde den unge? (tom linje springer over)")
        case .parentsInformed:
            return Spec(
                .inclusion, .yesNo(\.parentsInformed), label: "om forældrene er orienteret",
                question: "Har du fortalt forældrene om underretningen? (ja/nej)",
                guidance:
                    "Det er god praksis at gennemgå underretningen med forældrene. Gør du det ikke, skal du skrive hvorfor.",
                registration:
                    "Spørg underretteren, om forældrene kender til underretningen, og hvis ikke, hvorfor.",
                handbook: Self.beforeHandbook)
        case .parentsComments:
            return Spec(
                .inclusion, .text(\.parentsComments), label: "forældrenes kommentarer og reaktioner",
                question: "Forældrenes kommentarer og reaktioner", handbook: Self.beforeHandbook)
        case .notInformedReason:
            return Spec(
                .inclusion, .text(\.notInformedReason), label: "begrundelsen for at underrette uden forældrenes viden",
                question: "Hvorfor underretter du uden forældrenes viden?", handbook: Self.beforeHandbook)
        case .concernLevel:
            return Spec(
                .concernArc, .level(\.concernLevel), label: "placering på bekymringsbuen",
                question: "Bekymringsbuen: grøn, orange eller rød? (tom linje springer over)",
                guidance:
                    "Hvor på bekymringsbuen placerer du den unge lige nu: grøn (let), orange (voksende) eller rød (alvorlig)?",
                registration:
                    "Hvor placerer underretteren den unge på bekymringsbuen lige nu: grøn (let), orange (voksende) eller rød (alvorlig)?",
                handbook: Self.arcHandbook)
        case .raiseIf:
            return Spec(
                .concernArc, .text(\.raiseIf), label: "hvad der ville øge bekymringen",
                question: "Hvad ville flytte bekymringen op mod rød?", handbook: Self.arcHandbook)
        case .lowerIf:
            return Spec(
                .concernArc, .text(\.lowerIf), label: "hvad der ville mindske bekymringen",
                question: "Hvad ville flytte bekymringen ned mod grøn?", handbook: Self.arcHandbook)
        case .received:
            return Spec(
                .arrival, .dateTime(\.received), label: "tidspunktet, kommunen modtog underretningen",
                question: "Hvornår modtog kommunen underretningen? (ÅÅÅÅ-MM-DD TT:MM; tom linje: nu)")
        case .reason:
            return Spec(
                .category, .reason(\.reason), label: "bekymringsområdet (underretningens årsag)",
                question:
                    "Hvad drejer bekymringen sig mest om? Skriv nummer eller ord: \(NotificationReason.choices) (tom linje springer over)",
                guidance:
                    "Vælg det område, der fylder mest. Kommunen bruger det i statistikken over underretninger til Danmarks Statistik; beskrivelsen ovenfor er stadig det, der tæller i vurderingen."
            )
        case .receivedVia:
            return Spec(
                .arrival, .text(\.receivedVia), label: "hvordan underretningen kom til kommunen",
                question: "Hvordan kom underretningen? (fx telefon, brev, e-mail, personligt)")
        }
    }

    /// What kind of value the field holds.
    public var kind: Kind { spec.accessor.kind }
    public var label: String { spec.label }
    public var question: String { spec.question }
    public var guidance: String? { spec.guidance }
    /// The guidance for whoever uses the dialogue: the notifier writing their own notification, or
    /// the caseworker registering one the municipality received.
    public func guidance(registering: Bool) -> String? {
        registering ? (spec.registrationGuidance ?? spec.guidance) : spec.guidance
    }
    public var handbookReference: String? { spec.handbookReference }
    public var sectionTitle: String { spec.sectionTitle ?? spec.label }

    /// True for the fields that describe the young person; not asked when an existing case is used.
    public var isAboutYoungPerson: Bool { spec.group == .youngPerson }

    /// The JSON key in a `--fra-fil` file.
    public var key: String { rawValue }

    /// The five content sections of a good notification, in the handbook's order.
    public static let sections: [ConcernField] = allCases.filter { $0.spec.group == .content }

    /// Finds a field by its JSON key.
    public static func named(_ key: String) -> ConcernField? { ConcernField(rawValue: key) }
}
