import Foundation

/// The kinds of record a retention rule (opbevaringsregel) is set for. The municipality sets one
/// period per kind in the store's settings; `unge` ships none (our sources give no periods: they
/// follow from the municipality's archive rules, arkivloven and its bevarings- og kassationsregler).
public enum RetentionKind: String, Codable, Sendable, CaseIterable, Equatable {
    /// A closed case that is neither of the two below.
    case closedCase
    /// A closed case of anonymous counselling (anonym rådgivning, BL §§ 28-29).
    case anonymousCounselling
    /// A closed case that holds notifications of concern and nothing that came of them: no
    /// decision, no plan, no treatment plan.
    case notificationWithoutMeasure

    /// What the user reads.
    public var danish: String {
        switch self {
        case .closedCase: return "lukket sag"
        case .anonymousCounselling: return "anonym rådgivning"
        case .notificationWithoutMeasure: return "underretning uden indsats"
        }
    }

    /// The word before `=` in `unge indstillinger --opbevaring ORD=PERIODE`.
    public var key: String {
        switch self {
        case .closedCase: return "lukket"
        case .anonymousCounselling: return "anonym"
        case .notificationWithoutMeasure: return "underretning"
        }
    }

    public static func parse(_ word: String) -> RetentionKind? {
        let w = word.lowercased().trimmingCharacters(in: .whitespaces)
        return allCases.first { $0.key == w || $0.rawValue.lowercased() == w || $0.danish == w }
    }

    /// The kind of a case, or nil while it is open (only closed cases are ever due).
    public static func of(_ c: CaseFile) -> RetentionKind? {
        guard c.closedDate != nil else { return nil }
        if c.youngPerson.anonymous { return .anonymousCounselling }
        if !c.concernReports.isEmpty && c.decisions.isEmpty && c.actionPlans.isEmpty && c.treatmentPlans.isEmpty {
            return .notificationWithoutMeasure
        }
        return .closedCase
    }
}

/// How long a kind of record is kept after the case was closed: whole years and months.
public struct RetentionPeriod: Codable, Sendable, Equatable {
    public var years: Int
    public var months: Int

    public init(years: Int = 0, months: Int = 0) {
        self.years = years
        self.months = months
    }

    enum CodingKeys: String, CodingKey { case years, months }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        years = try c.decodeIfPresent(Int.self, forKey: .years) ?? 0
        months = try c.decodeIfPresent(Int.self, forKey: .months) ?? 0
        guard (0...100).contains(years), (0...1200).contains(months), years + months > 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .years, in: c, debugDescription: "en opbevaringsperiode er 1 måned til 100 år")
        }
    }

    /// Reads "5 år", "5år", "18 måneder", "18 mdr", "6 md", "2 år 6 måneder"; nil for anything else
    /// (and for a period of 0 or over 100 years).
    public static func parse(_ text: String) -> RetentionPeriod? {
        var rest = Substring(text.lowercased().trimmingCharacters(in: .whitespaces))
        var p = RetentionPeriod()
        var any = false
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 4, let n = Int(digits) else { return nil }
            rest = rest.dropFirst(digits.count).drop { $0 == " " }
            let unit = rest.prefix { $0.isLetter || $0 == "." }
            rest = rest.dropFirst(unit.count).drop { $0 == " " || $0 == "," }
            switch unit {
            case "år", "aar", "y", "year", "years": p.years += n
            case "måned", "måneder", "maaned", "maaneder", "md", "md.", "mdr", "mdr.", "m", "months", "month":
                p.months += n
            default: return nil
            }
            any = true
        }
        guard any, p.years + p.months > 0, p.years <= 100, p.months <= 1200 else { return nil }
        return p
    }

    /// "5 år", "18 måneder", "2 år og 6 måneder".
    public var danish: String {
        var parts: [String] = []
        if years > 0 { parts.append("\(years) år") }
        if months > 0 { parts.append(months == 1 ? "1 måned" : "\(months) måneder") }
        return parts.joined(separator: " og ")
    }

    /// The first day the record may be deleted: `closed` plus the period.
    public func due(after closed: LocalDate) -> LocalDate {
        closed.adding(years: years).adding(months: months)
    }
}

/// The municipality's retention rules (opbevaringsregler), one period per kind of record. Empty
/// when shipped: `slet` deletes nothing until every period is set.
public struct RetentionRules: Codable, Sendable, Equatable {
    public var closedCase: RetentionPeriod?
    public var anonymousCounselling: RetentionPeriod?
    public var notificationWithoutMeasure: RetentionPeriod?

    public init(
        closedCase: RetentionPeriod? = nil, anonymousCounselling: RetentionPeriod? = nil,
        notificationWithoutMeasure: RetentionPeriod? = nil
    ) {
        self.closedCase = closedCase
        self.anonymousCounselling = anonymousCounselling
        self.notificationWithoutMeasure = notificationWithoutMeasure
    }

    /// Always written with all three keys (null when not set), so the settings file is its own template.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(closedCase, forKey: .closedCase)
        try c.encode(anonymousCounselling, forKey: .anonymousCounselling)
        try c.encode(notificationWithoutMeasure, forKey: .notificationWithoutMeasure)
    }

    public subscript(kind: RetentionKind) -> RetentionPeriod? {
        get {
            switch kind {
            case .closedCase: return closedCase
            case .anonymousCounselling: return anonymousCounselling
            case .notificationWithoutMeasure: return notificationWithoutMeasure
            }
        }
        set {
            switch kind {
            case .closedCase: closedCase = newValue
            case .anonymousCounselling: anonymousCounselling = newValue
            case .notificationWithoutMeasure: notificationWithoutMeasure = newValue
            }
        }
    }

    /// The kinds with no period set.
    public var missing: [RetentionKind] { RetentionKind.allCases.filter { self[$0] == nil } }

    /// True when every kind has a period: only then may anything be deleted.
    public var isComplete: Bool { missing.isEmpty }
}

/// One closed case measured against the retention rules on a day.
public struct RetentionStatus: Sendable, Equatable {
    public var id: CaseID
    public var kind: RetentionKind
    /// The day the case was closed.
    public var closed: LocalDate
    /// The first day it may be deleted; nil when no period is set for its kind.
    public var due: LocalDate?
    /// True when `due` is on or before the day asked about.
    public var isDue: Bool
}

/// Which closed cases have passed their retention period (pure: the day is passed in).
public enum Retention {
    /// Every closed case with its kind and due day, oldest due first; open cases are left out.
    public static func statuses(of cases: [CaseFile], rules: RetentionRules, on day: LocalDate) -> [RetentionStatus] {
        cases.compactMap { c -> RetentionStatus? in
            guard let kind = RetentionKind.of(c), let closed = c.closedDate else { return nil }
            let due = rules[kind]?.due(after: closed)
            return RetentionStatus(
                id: c.id, kind: kind, closed: closed, due: due, isDue: due.map { $0 <= day } ?? false)
        }
        .sorted { ($0.due?.dayNumber ?? Int.max, $0.id) < ($1.due?.dayNumber ?? Int.max, $1.id) }
    }
}
