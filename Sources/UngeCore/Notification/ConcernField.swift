import Foundation

/// One answer a notification is built from (en oplysning i underretningen), handbook ch. 3.
///
/// The same list drives the guided questions, the command-line flags and the keys of the
/// `--fra-fil` JSON file, so the three can never drift apart. The order is the order of the guided
/// walk-through.
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

    /// What kind of value the field holds, so input text can be parsed and questions phrased.
    public enum Kind: Sendable, Equatable {
        case text
        case yesNo
        case date
        case dateTime
        case cpr
        case level
    }

    public var kind: Kind {
        switch self {
        case .youngCPR: return .cpr
        case .youngBirthDate: return .date
        case .reporterProfessional, .youngPersonInformed, .parentsInformed: return .yesNo
        case .concernLevel: return .level
        case .received: return .dateTime
        default: return .text
        }
    }

    /// True for the fields that describe the young person; not asked when an existing case is used.
    public var isAboutYoungPerson: Bool {
        switch self {
        case .youngName, .youngCPR, .youngBirthDate, .youngSchool: return true
        default: return false
        }
    }

    /// The JSON key in a `--fra-fil` file.
    public var key: String { rawValue }

    /// The command-line flag, without the leading dashes.
    public var flag: String {
        switch self {
        case .youngName: return "navn"
        case .youngCPR: return "cpr"
        case .youngBirthDate: return "foedselsdato"
        case .youngSchool: return "skole"
        case .reporterName: return "underretter"
        case .reporterRole: return "rolle"
        case .reporterOrganisation: return "arbejdssted"
        case .reporterContact: return "kontakt"
        case .reporterProfessional: return "fagperson"
        case .situation: return "forhold"
        case .parentCooperation: return "samarbejde"
        case .attendance: return "fremmoede"
        case .relation: return "relation"
        case .otherInformation: return "andet"
        case .youngPersonInformed: return "ung-orienteret"
        case .youngPersonComments: return "ung-kommentarer"
        case .parentsInformed: return "foraeldre-orienteret"
        case .parentsComments: return "foraeldre-kommentarer"
        case .notInformedReason: return "begrundelse"
        case .concernLevel: return "bekymring"
        case .raiseIf: return "bekymring-op"
        case .lowerIf: return "bekymring-ned"
        case .received: return "modtaget"
        }
    }

    /// A short Danish name for the field, used in lists of what is missing.
    public var label: String {
        switch self {
        case .youngName: return "den unges navn"
        case .youngCPR: return "den unges CPR-nummer"
        case .youngBirthDate: return "den unges fødselsdato"
        case .youngSchool: return "den unges skole, uddannelse eller arbejde"
        case .reporterName: return "dit navn (underretteren)"
        case .reporterRole: return "din rolle"
        case .reporterOrganisation: return "dit arbejdssted"
        case .reporterContact: return "hvordan kommunen kan kontakte dig"
        case .reporterProfessional: return "om du underretter som fagperson"
        case .situation: return "den unges fysiske, psykiske og sociale forhold"
        case .parentCooperation: return "samarbejdet med forældrene"
        case .attendance: return "den unges fremmøde"
        case .relation: return "dit forhold til den unge"
        case .otherInformation: return "andre vigtige oplysninger"
        case .youngPersonInformed: return "om den unge er orienteret"
        case .youngPersonComments: return "den unges kommentarer"
        case .parentsInformed: return "om forældrene er orienteret"
        case .parentsComments: return "forældrenes kommentarer og reaktioner"
        case .notInformedReason: return "begrundelsen for at underrette uden forældrenes viden"
        case .concernLevel: return "placering på bekymringsbuen"
        case .raiseIf: return "hvad der ville øge bekymringen"
        case .lowerIf: return "hvad der ville mindske bekymringen"
        case .received: return "tidspunktet, kommunen modtog underretningen"
        }
    }

    /// The question asked in the guided walk-through.
    public var question: String {
        switch self {
        case .youngName: return "Den unges navn"
        case .youngCPR: return "Den unges CPR-nummer (DDMMÅÅ-XXXX; tom linje hvis du ikke kender det)"
        case .youngBirthDate: return "Den unges fødselsdato (ÅÅÅÅ-MM-DD)"
        case .youngSchool: return "Skole, uddannelse eller arbejde (tom linje springer over)"
        case .reporterName: return "Dit navn"
        case .reporterRole: return "Din rolle, fx lærer, klubpædagog eller SSP-medarbejder"
        case .reporterOrganisation: return "Dit arbejdssted"
        case .reporterContact: return "Telefon eller e-mail, så kommunen kan sende kvittering"
        case .reporterProfessional: return "Underretter du som fagperson i offentlig tjeneste? (ja/nej)"
        case .situation: return "1. Den unges fysiske, psykiske og sociale forhold, ressourcer og vanskeligheder"
        case .parentCooperation: return "2. Samarbejdet med forældrene"
        case .attendance: return "3. Den unges fremmøde"
        case .relation: return "4. Dit forhold til den unge"
        case .otherInformation: return "5. Andre vigtige oplysninger"
        case .youngPersonInformed: return "Har du fortalt den unge om underretningen? (ja/nej)"
        case .youngPersonComments: return "Hvad sagde den unge? (tom linje springer over)"
        case .parentsInformed: return "Har du fortalt forældrene om underretningen? (ja/nej)"
        case .parentsComments: return "Forældrenes kommentarer og reaktioner"
        case .notInformedReason: return "Hvorfor underretter du uden forældrenes viden?"
        case .concernLevel: return "Bekymringsbuen: grøn, orange eller rød? (tom linje springer over)"
        case .raiseIf: return "Hvad ville flytte bekymringen op mod rød?"
        case .lowerIf: return "Hvad ville flytte bekymringen ned mod grøn?"
        case .received: return "Hvornår modtog kommunen underretningen? (ÅÅÅÅ-MM-DD TT:MM; tom linje: nu)"
        }
    }

    /// One or two lines of guidance shown before the question, in our own words (handbook ch. 3).
    public var guidance: String? {
        switch self {
        case .reporterProfessional:
            return "Arbejder du i det offentlige eller for en institution med offentlig opgave, har du en skærpet og personlig pligt til at underrette: en formodning om, at den unge har brug for særlig støtte, er nok."
        case .situation:
            return "Beskriv det, du selv har set og hørt, med datoer og eksempler, frem for konklusioner. Tag både det, der går godt (ressourcer), og det, der er svært, med: helbred, trivsel, venner og fritid, rusmidler."
        case .parentCooperation:
            return "Hvordan er kontakten til forældrene, og hvordan har de taget imod jeres bekymring? Skriv konkret, hvad der er aftalt og hvad der er sket."
        case .attendance:
            return "Fremmøde i skole, uddannelse, arbejde eller klub: fravær, forsinkelser, ændringer over tid. Tal og perioder er bedre end indtryk."
        case .relation:
            return "Hvordan kender du den unge, hvor længe, og hvor ofte ser I hinanden? Det hjælper kommunen med at vurdere dine iagttagelser."
        case .otherInformation:
            return "Alt andet, der er vigtigt for kommunens vurdering, fx hvem i netværket der støtter den unge, eller om andre fagpersoner er bekymrede."
        case .youngPersonInformed:
            return "Det er god praksis, ikke et krav, at fortælle den unge hvorfor du underretter, og hvem der vurderer underretningen."
        case .parentsInformed:
            return "Det er god praksis at gennemgå underretningen med forældrene. Gør du det ikke, skal du skrive hvorfor."
        case .concernLevel:
            return "Hvor på bekymringsbuen placerer du den unge lige nu: grøn (let), orange (voksende) eller rød (alvorlig)?"
        default:
            return nil
        }
    }

    /// Where in the handbook the guidance comes from.
    public var handbookReference: String? {
        switch self {
        case .reporterProfessional: return "håndbogen kap. 3, Skærpet underretningspligt"
        case .situation, .parentCooperation, .attendance, .relation, .otherInformation:
            return "håndbogen kap. 3, Selve underretningen"
        case .youngPersonInformed, .parentsInformed, .parentsComments, .notInformedReason:
            return "håndbogen kap. 3, Før du underretter"
        case .concernLevel, .raiseIf, .lowerIf: return "håndbogen kap. 6, Bekymringsbuen"
        default: return nil
        }
    }

    /// The five content sections of a good notification, in the handbook's order.
    public static let sections: [ConcernField] = [
        .situation, .parentCooperation, .attendance, .relation, .otherInformation,
    ]

    /// The heading a section has in the document.
    public var sectionTitle: String {
        switch self {
        case .situation: return "Den unges fysiske, psykiske og sociale forhold"
        case .parentCooperation: return "Samarbejdet med forældrene"
        case .attendance: return "Den unges fremmøde"
        case .relation: return "Underretterens forhold til den unge"
        case .otherInformation: return "Andre vigtige oplysninger"
        default: return label
        }
    }

    /// Finds a field by its flag (without dashes) or its JSON key.
    public static func named(_ name: String) -> ConcernField? {
        allCases.first { $0.flag == name || $0.key == name }
    }
}
