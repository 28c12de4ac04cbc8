import Foundation

/// Settings kept in the store (`indstillinger.json`), shared by everyone using it.
public struct StoreSettings: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// Whether the office is also closed on 5 June, 24 and 31 December (not working days then).
    /// Off by default.
    public var alsoClosed: Bool

    public init(alsoClosed: Bool = false) {
        schemaVersion = StoreSettings.currentSchemaVersion
        self.alsoClosed = alsoClosed
    }

    enum CodingKeys: String, CodingKey { case schemaVersion, alsoClosed }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decodeIfPresent(Int.self, forKey: .schemaVersion) ?? 1
        alsoClosed = try c.decodeIfPresent(Bool.self, forKey: .alsoClosed) ?? false
    }
}
