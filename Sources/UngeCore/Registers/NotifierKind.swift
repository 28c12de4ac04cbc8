import Foundation

/// Who sent a notification, in the tool's own categories (underretterens relation til den unge).
/// Derived from the registered notifier (`Reporter`): duty, anonymity, and the role and workplace
/// words, by the keyword table below. Statistics group by it; the DST extract maps it to DST's
/// categories through `RegisterCategories.notifier` (unverified, see there).
public enum NotifierKind: String, Codable, Sendable, Equatable, CaseIterable {
    case school
    case daycareOrClub
    case health
    case police
    case socialServices
    case otherProfessional
    case parent
    case youngPerson
    case otherPrivate
    case anonymous

    /// The Danish label the statistics show.
    public var danish: String {
        switch self {
        case .school: return "Skole, uddannelse, UU"
        case .daycareOrClub: return "Dagtilbud, klub, fritid"
        case .health: return "Sundhed (læge, psykiatri)"
        case .police: return "Politi, SSP"
        case .socialServices: return "Kommunens sociale område"
        case .otherProfessional: return "Anden fagperson"
        case .parent: return "Forælder, familie"
        case .youngPerson: return "Den unge selv"
        case .otherPrivate: return "Anden privatperson"
        case .anonymous: return "Anonym"
        }
    }

    /// The duty the notifier acted under: § 133 for professionals, § 135 otherwise.
    public var isProfessional: Bool {
        switch self {
        case .school, .daycareOrClub, .health, .police, .socialServices, .otherProfessional: return true
        default: return false
        }
    }

    /// Keywords (lower case) that place a notifier in a kind, first match wins, in this order.
    static let keywords: [(NotifierKind, [String])] = [
        (.police, ["politi", "ssp", "kriminalforsorg"]),
        (
            .school,
            [
                "skole", "lærer", "laerer", "gymnas", "uddannelse", "uu-", "ungdommens uddannelsesvejledning",
                "vejleder", "efterskole", "erhvervsskole", "ppr",
            ]
        ),
        (.daycareOrClub, ["klub", "fritid", "pædagog", "paedagog", "dagtilbud", "børnehave", "vuggestue", "sfo"]),
        (
            .health,
            [
                "læge", "laege", "sundhed", "psykiat", "hospital", "sygehus", "tandlæge", "jordemoder", "psykolog",
                "skadestue",
            ]
        ),
        (
            .socialServices,
            [
                "sagsbehandler", "rådgiver", "raadgiver", "jobcenter", "kommune", "socialrådgiver", "misbrugscenter",
                "rusmiddel", "døgninstitution", "opholdssted", "plejefamilie",
            ]
        ),
    ]
    static let parentWords = [
        "mor", "far", "forælder", "foraelder", "forældre", "foraeldre", "bedstemor", "bedstefar", "søster", "bror",
        "moster", "faster", "onkel", "familie", "stedmor", "stedfar", "plejemor", "plejefar",
    ]

    /// The kind of `reporter`; `relation` is the notification's free-text relation to the young person.
    public static func of(_ reporter: Reporter, relation: String? = nil) -> NotifierKind {
        if reporter.anonymous { return .anonymous }
        let text = [reporter.role, reporter.organisation, relation].compactMap { $0?.lowercased() }.joined(
            separator: " ")
        if reporter.isProfessional {
            for (kind, words) in keywords where words.contains(where: { text.contains($0) }) { return kind }
            return .otherProfessional
        }
        let words = text.split { !$0.isLetter }.map(String.init)
        if words.contains("selv") { return .youngPerson }
        if parentWords.contains(where: { words.contains($0) }) { return .parent }
        return .otherPrivate
    }
}
