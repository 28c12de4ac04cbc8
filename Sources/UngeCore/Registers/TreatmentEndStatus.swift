import Foundation

/// How a course of drug treatment ended (slutstatus), in the three categories the
/// Stofmisbrugsdatabasen asks for at the end of treatment (REGISTERS.md, SMDB: "stoffri",
/// "reduceret/stabiliseret stofmisbrug", "andet"; confidence M).
public enum TreatmentEndStatus: String, Codable, Sendable, Equatable, CaseIterable {
    /// Stoffri.
    case drugFree
    /// Reduceret eller stabiliseret stofmisbrug.
    case reducedOrStabilised
    /// Andet (afbrudt, flyttet, død, andet).
    case other

    /// The word the user types and extracts carry: `stoffri`, `reduceret-stabiliseret`, `andet`.
    public var token: String {
        switch self {
        case .drugFree: return "stoffri"
        case .reducedOrStabilised: return "reduceret-stabiliseret"
        case .other: return "andet"
        }
    }

    /// The Danish text documents show.
    public var danish: String {
        switch self {
        case .drugFree: return "Stoffri"
        case .reducedOrStabilised: return "Reduceret/stabiliseret stofmisbrug"
        case .other: return "Andet"
        }
    }

    /// Accepts the token, the code name, and the Danish words with æøå or a slash.
    public static func parse(_ text: String) -> TreatmentEndStatus? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "/", with: "-")
        switch t {
        case "stoffri", "drugfree": return .drugFree
        case "reduceret-stabiliseret", "reduceret", "stabiliseret", "reduceret-stabiliseret-stofmisbrug",
            "reducedorstabilised":
            return .reducedOrStabilised
        case "andet", "other": return .other
        default: return nil
        }
    }
}

/// A treatment provider on the municipality's list (leverandør, behandlingssted), chosen on a
/// treatment decision instead of free text. `tilbudsportalenID` is the provider's number on
/// Tilbudsportalen where known; SMDB takes providers from Tilbudsportalen (REGISTERS.md).
public struct ProviderEntry: Codable, Sendable, Equatable {
    public var name: String
    public var tilbudsportalenID: String?

    public init(name: String, tilbudsportalenID: String? = nil) {
        self.name = name
        self.tilbudsportalenID = tilbudsportalenID
    }

    /// The entry in `list` whose name is `name` (case and surrounding spaces ignored).
    public static func find(_ name: String?, in list: [ProviderEntry]) -> ProviderEntry? {
        guard let n = name?.trimmingCharacters(in: .whitespaces).lowercased(), !n.isEmpty else { return nil }
        return list.first { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == n }
    }
}
