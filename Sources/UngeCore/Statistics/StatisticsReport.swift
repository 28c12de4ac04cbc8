import Foundation

/// One line of a statistics table: a label and one shown count per column of its section.
public struct StatisticsRow: Sendable, Equatable, Encodable {
    /// Stable key, e.g. `underretninger.vurdering.til-tiden`.
    public var key: String
    public var label: String
    /// 0 for a total, 1 for a breakdown under it.
    public var level: Int
    public var cells: [ShownCount]
    /// Percent of the total above it (whole number), only when both counts are shown.
    public var percent: Int?
}

/// A median, 90th percentile or other statistic: nil (shown "<5") over fewer than 5 values.
public struct StatisticsValue: Sendable, Equatable, Encodable {
    public var key: String
    public var label: String
    public var value: Double?
    public var count: ShownCount
}

/// A section of the page: a table, its statistics and the definition of every figure.
public struct StatisticsSection: Sendable, Equatable, Encodable {
    public var id: String
    public var title: String
    /// Column headings after the label column.
    public var columns: [String]
    public var rows: [StatisticsRow]
    public var values: [StatisticsValue]
    public var definitions: [String]
}

/// The on-time share of one month's deadlines (nil when fewer than 5 fell due).
public struct TrendPoint: Sendable, Equatable, Encodable {
    /// `ÅÅÅÅ-MM`.
    public var month: String
    /// 0...100.
    public var percentOnTime: Double?
}

/// `unge statistik`: figures for a period without CPR, names of young people or case text, every
/// count passed through `Suppression`.
public struct StatisticsReport: Sendable, Equatable, Encodable {
    public var from: LocalDate
    public var to: LocalDate
    /// "alle sager", "mine sager", "team X".
    public var scope: String
    public var sections: [StatisticsSection]
    /// Monthly on-time share of all deadlines with a legal period, the 12 months up to `to`.
    public var trend: [TrendPoint]
    /// The suppression rule, as printed under the tables.
    public var suppressionNote: String

    public static let suppressionText =
        "Tal under 5 (også 0) vises som \"<5\", så ingen ung kan genkendes. \"x\" er et tal, der er skjult, for at et \"<5\" ikke kan regnes ud ved at trække de viste tal fra totalen. Median og 90%-fraktil vises ikke for færre end 5 sager."
}

extension StatisticsReport {
    /// The section with `id`, if present.
    public func section(_ id: String) -> StatisticsSection? { sections.first { $0.id == id } }

    /// The shown count of the row with `key` (first column).
    public func count(_ key: String) -> ShownCount? {
        for s in sections { if let r = s.rows.first(where: { $0.key == key }) { return r.cells.first } }
        return nil
    }

    /// The statistic with `key`.
    public func value(_ key: String) -> StatisticsValue? {
        for s in sections { if let v = s.values.first(where: { $0.key == key }) { return v } }
        return nil
    }
}
