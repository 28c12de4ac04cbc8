import Foundation

/// An answer to one checklist item (svar på et tjeklistepunkt): ja, delvis or nej, handbook ch. 3-7.
///
/// Stored as the Danish word the caseworker typed (`"ja"`, `"delvis"`, `"nej"`), which is also the
/// string form the first schema used, so old files load unchanged. Decoding also accepts the English
/// names and any letter case.
public enum ChecklistAnswerValue: String, Codable, Sendable, Equatable, CaseIterable {
    case yes = "ja"
    case partly = "delvis"
    case no = "nej"

    /// The Danish word the user sees and types.
    public var danish: String { rawValue }

    /// Reads what a user typed or an old file held: `ja`/`j`/`yes`, `delvis`/`d`/`partly`, `nej`/`n`/`no`.
    public static func parse(_ text: String) -> ChecklistAnswerValue? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "ja", "j", "yes", "y": return .yes
        case "delvis", "d", "partly", "partial": return .partly
        case "nej", "n", "no": return .no
        default: return nil
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let value = ChecklistAnswerValue.parse(s) else {
            throw DecodingError.dataCorruptedError(
                in: c, debugDescription: "ugyldigt svar '\(s)' (forventet ja, delvis eller nej)")
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

/// A caseworker's answer to one checklist item (tjeklistepunkt), handbook ch. 3-7, saved on the case
/// with the date and the user. Earlier answers stay in the case: the latest one for an item counts.
public struct ChecklistAnswer: Codable, Sendable, Equatable {
    /// The item id, e.g. `7.4` (see `Checklist.items`).
    public var itemID: String
    /// ja, delvis or nej.
    public var answer: ChecklistAnswerValue
    /// The caseworker's optional note ("aftalt med lederen 12.03").
    public var note: String?
    public var date: LocalDate
    /// Who answered (`--bruger`).
    public var user: String

    public init(
        itemID: String, answer: ChecklistAnswerValue, note: String? = nil, date: LocalDate, user: String
    ) {
        self.itemID = itemID
        self.answer = answer
        self.note = note
        self.date = date
        self.user = user
    }

    enum CodingKeys: String, CodingKey { case itemID, answer, note, date, user }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        itemID = try c.decode(String.self, forKey: .itemID)
        answer = try c.decode(ChecklistAnswerValue.self, forKey: .answer)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        date = try c.decode(LocalDate.self, forKey: .date)
        user = try c.decodeIfPresent(String.self, forKey: .user) ?? ""
    }
}

extension Array where Element == ChecklistAnswer {
    /// The answer that counts for an item: the latest by date; on the same date, the one saved last.
    public func latest(for itemID: String) -> ChecklistAnswer? {
        var best: ChecklistAnswer?
        for a in self where a.itemID == itemID {
            if let b = best, a.date < b.date { continue }
            best = a
        }
        return best
    }
}
