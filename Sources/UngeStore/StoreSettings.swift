import Foundation
import UngeCore

/// Settings kept in the store (`indstillinger.json`), shared by everyone using it.
public struct StoreSettings: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// Whether the office is also closed on 5 June, 24 and 31 December (not working days then).
    /// Off by default.
    public var alsoClosed: Bool
    /// The municipality named in the letterhead of every document (kommune), e.g. "Nordby Kommune".
    public var municipality: String?
    /// The unit under it (enhed), e.g. "Børn og Unge, Myndighed".
    public var unit: String?
    /// Each user's full name and title, keyed by the user name that `--bruger`, `$UNGE_BRUGER` or
    /// `$USER` gives. Documents name their author from here.
    public var users: [String: UserProfile]
    /// What letters need from the municipality: where complaints go, and appeal routes the law
    /// table does not give (`unge indstillinger --klageadresse`, `--klagevej`).
    public var letters: LetterSettings
    /// The municipality's treatment providers (leverandører), chosen on a treatment decision instead
    /// of free text; each with its Tilbudsportalen number where known (SMDB takes providers from there).
    public var providers: [ProviderEntry]
    /// How long each kind of record is kept after the case is closed (opbevaringsregler). Shipped
    /// empty; `unge slet` deletes nothing until every period is set. Always written (with nulls),
    /// so the settings file shows the template.
    public var retention: RetentionRules

    public init(
        alsoClosed: Bool = false, municipality: String? = nil, unit: String? = nil, users: [String: UserProfile] = [:]
    ) {
        schemaVersion = StoreSettings.currentSchemaVersion
        self.alsoClosed = alsoClosed
        self.municipality = municipality
        self.unit = unit
        self.users = users
        self.letters = LetterSettings()
        self.providers = []
        self.retention = RetentionRules()
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion, alsoClosed, municipality, unit, users, letters, providers, retention
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decodeIfPresent(Int.self, forKey: .schemaVersion) ?? 1
        alsoClosed = try c.decodeIfPresent(Bool.self, forKey: .alsoClosed) ?? false
        municipality = try c.decodeIfPresent(String.self, forKey: .municipality)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        users = try c.decodeIfPresent([String: UserProfile].self, forKey: .users) ?? [:]
        letters = try c.decodeIfPresent(LetterSettings.self, forKey: .letters) ?? LetterSettings()
        providers = try c.decodeIfPresent([ProviderEntry].self, forKey: .providers) ?? []
        retention = try c.decodeIfPresent(RetentionRules.self, forKey: .retention) ?? RetentionRules()
    }

    /// Writes `providers` only when there are some, so settings files without them stay unchanged.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(alsoClosed, forKey: .alsoClosed)
        try c.encodeIfPresent(municipality, forKey: .municipality)
        try c.encodeIfPresent(unit, forKey: .unit)
        try c.encode(users, forKey: .users)
        if letters != LetterSettings() { try c.encode(letters, forKey: .letters) }
        if !providers.isEmpty { try c.encode(providers, forKey: .providers) }
        try c.encode(retention, forKey: .retention)
    }

    /// The profile of `user`, if one is set.
    public func profile(of user: String) -> UserProfile? { users[user] }

    /// The user id a case's caseworker value stands for: the value itself when it is a user id (or
    /// no full name in the settings matches it), else the user whose full name it is (stores written
    /// before cases kept user ids could hold a full name). Nil for an empty value.
    public func userID(forCaseworker value: String?) -> String? {
        guard let v = value.map(StoreSettings.trimmed), !v.isEmpty else { return nil }
        if users[v] != nil { return v }
        let folded = v.lowercased()
        let named = users.filter { $0.value.fullName?.lowercased() == folded }.map(\.key).sorted()
        if named.count == 1 { return named[0] }
        return v
    }

    /// The full name of a caseworker's user id, for display: "Lene Dahl (lene)", or the id alone.
    public func caseworkerDisplay(_ value: String?) -> String? {
        guard let id = userID(forCaseworker: value) else { return nil }
        if let full = users[id]?.fullName, !full.isEmpty, full != id { return "\(full) (\(id))" }
        return id
    }

    /// `s` without surrounding whitespace. A listing asks this for every case, so the common value
    /// (printable ASCII at both ends, which can be no whitespace) skips Foundation's trimming.
    static func trimmed(_ s: String) -> String {
        let u = s.utf8
        if let first = u.first, let last = u.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return s
        }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// Whether `name` (a case's caseworker) is `user`: the user name itself or the full name set
    /// for it.
    public func isSameUser(_ name: String?, as user: String) -> Bool {
        guard let name = name.map(StoreSettings.trimmed), !name.isEmpty else { return false }
        if name.lowercased() == user.lowercased() { return true }
        if let full = users[user]?.fullName, full.lowercased() == name.lowercased() { return true }
        return false
    }
}

/// A user's full name and title (stilling), as documents print them under "Udarbejdet af".
public struct UserProfile: Codable, Sendable, Equatable {
    public var fullName: String?
    public var title: String?

    public init(fullName: String? = nil, title: String? = nil) {
        self.fullName = fullName
        self.title = title
    }
}
