import Foundation

/// What a notification is mainly about (bekymringsområde, underretningens årsag), in the tool's own
/// categories. Danmarks Statistik's notification statistics record the reason in 16 categories
/// (REGISTERS.md; the list itself is not in our sources): the extract `dst-underretninger` maps each
/// of ours to a DST category through `RegisterCategories.reason`, every row unverified.
///
/// Stored as the code name; the user types the Danish token (`rusmidler`, `kriminalitet` …), the
/// number in the guided list, or the code name.
public enum NotificationReason: String, Codable, Sendable, Equatable, CaseIterable {
    case substanceUse
    case crime
    case schoolAbsence
    case behaviourWellbeing
    case mentalHealth
    case selfHarm
    case violenceAgainstYoungPerson
    case sexualAbuse
    case neglect
    case parentSubstanceUse
    case parentMentalHealth
    case domesticViolence
    case familyConflict
    case radicalisation
    case homelessness
    case other

    /// The word typed on the command line and in a `--fra-fil` file.
    public var token: String {
        switch self {
        case .substanceUse: return "rusmidler"
        case .crime: return "kriminalitet"
        case .schoolAbsence: return "skolefravaer"
        case .behaviourWellbeing: return "adfaerd-trivsel"
        case .mentalHealth: return "psykisk"
        case .selfHarm: return "selvskade"
        case .violenceAgainstYoungPerson: return "vold-mod-den-unge"
        case .sexualAbuse: return "seksuelle-overgreb"
        case .neglect: return "omsorgssvigt"
        case .parentSubstanceUse: return "foraeldres-rusmidler"
        case .parentMentalHealth: return "foraeldres-psykiske"
        case .domesticViolence: return "vold-i-hjemmet"
        case .familyConflict: return "konflikter-i-familien"
        case .radicalisation: return "radikalisering"
        case .homelessness: return "hjemloeshed"
        case .other: return "andet"
        }
    }

    /// The Danish words shown in lists, documents and statistics.
    public var danish: String {
        switch self {
        case .substanceUse: return "Den unges brug af rusmidler"
        case .crime: return "Kriminalitet"
        case .schoolAbsence: return "Skolefravær, skole eller uddannelse"
        case .behaviourWellbeing: return "Adfærd og trivsel"
        case .mentalHealth: return "Psykiske vanskeligheder"
        case .selfHarm: return "Selvskade eller selvmordstanker"
        case .violenceAgainstYoungPerson: return "Vold mod den unge"
        case .sexualAbuse: return "Seksuelle overgreb"
        case .neglect: return "Omsorgssvigt"
        case .parentSubstanceUse: return "Forældres brug af rusmidler"
        case .parentMentalHealth: return "Forældres psykiske vanskeligheder"
        case .domesticViolence: return "Vold i hjemmet"
        case .familyConflict: return "Konflikter i familien"
        case .radicalisation: return "Radikalisering eller ekstremisme"
        case .homelessness: return "Hjemløshed eller ustabil bolig"
        case .other: return "Andet"
        }
    }

    /// The choices as the guided question lists them: "1 rusmidler (Den unges brug af rusmidler)".
    public static var choices: String {
        allCases.enumerated().map { "\($0.offset + 1) \($0.element.token)" }.joined(separator: ", ")
    }

    /// Accepts the token (with or without æøå, spaces for dashes), the number in `allCases` order
    /// (1-16), and the code name.
    public static func parse(_ text: String) -> NotificationReason? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "ø", with: "oe")
            .replacingOccurrences(of: "å", with: "aa").replacingOccurrences(of: " ", with: "-")
        if let n = Int(t), n >= 1, n <= allCases.count { return allCases[n - 1] }
        return allCases.first { $0.token == t || $0.rawValue.lowercased() == t }
    }

    /// In JSON the Danish tokens are accepted too; written as the code names.
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let r = NotificationReason.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: c,
                debugDescription:
                    "'\(text)' er ikke et bekymringsområde. Vælg et af: \(NotificationReason.allCases.map(\.token).joined(separator: ", "))."
            )
        }
        self = r
    }
}
