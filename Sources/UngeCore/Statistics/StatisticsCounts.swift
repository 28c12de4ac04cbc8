import Foundation

/// What `unge statistik` counts, before suppression and layout (`StatisticsComputation.report(counts:)`).
/// The file store's counts come from Swift over each case's facts (`StatisticsComputation.count(facts:)`);
/// the team store's from SQL aggregates over the items Core wrote at save (`StatisticsItems`). Counts
/// add up, so cases counted one way and cases counted the other give one report.
public struct StatisticsCounts: Sendable, Equatable {
    /// Open cases at the period's end and their overdue deadlines, for one caseworker.
    public struct Load: Sendable, Equatable {
        public var cases = 0
        public var overdue = 0

        public init(cases: Int = 0, overdue: Int = 0) {
            self.cases = cases
            self.overdue = overdue
        }

        public mutating func add(cases: Int, overdue: Int) {
            self.cases += cases
            self.overdue += overdue
        }
    }

    /// Counts by figure key (`underretninger.underretter.professional`, `frister.plan.til-tiden`, ...).
    public var counts: [String: Int] = [:]
    /// Days from request to actual start, per treatment basis (`TreatmentBasis.rawValue`): days → requests.
    public var startDays: [String: [Int: Int]] = [:]
    /// Per caseworker name as stored ("" for none): open cases at the period's end, overdue deadlines.
    public var caseworkers: [String: Load] = [:]
    /// Per month of the trend (`StatisticsComputation.trendMonths`): deadlines met on time, and decided
    /// (met on time or late, overdue or lapsed).
    public var trendOnTime = [Int](repeating: 0, count: 12)
    public var trendDecided = [Int](repeating: 0, count: 12)

    public init() {}

    /// The count of a key (0 when absent).
    public subscript(_ key: String) -> Int { counts[key, default: 0] }

    public mutating func add(_ key: String, _ n: Int = 1) { counts[key, default: 0] += n }

    /// Adds other counts (cases counted elsewhere).
    public mutating func add(_ other: StatisticsCounts) {
        for (k, v) in other.counts { add(k, v) }
        for (basis, days) in other.startDays {
            for (d, n) in days { startDays[basis, default: [:]][d, default: 0] += n }
        }
        for (name, l) in other.caseworkers {
            caseworkers[name, default: Load()].add(cases: l.cases, overdue: l.overdue)
        }
        for m in 0..<12 {
            trendOnTime[m] += other.trendOnTime[m]
            trendDecided[m] += other.trendDecided[m]
        }
    }
}

extension StatisticsCounts {
    /// One row of the team store's `unge.statistik_tal`: `dage.<basis>.<days>`, `trend.til-tiden.<ÅÅÅÅ-MM>`,
    /// `trend.afgjort.<ÅÅÅÅ-MM>`, `sb.sager.<name>`, `sb.frister.<name>`, else a figure key.
    public mutating func addDatabaseCount(_ key: String, _ n: Int, monthIndex: [String: Int]) {
        if key.hasPrefix("dage.") {
            let parts = key.dropFirst(5).split(separator: ".", maxSplits: 1)
            if parts.count == 2, let days = Int(parts[1]) {
                startDays[String(parts[0]), default: [:]][days, default: 0] += n
            }
        } else if key.hasPrefix("trend.til-tiden.") {
            if let m = monthIndex[String(key.dropFirst(16))] { trendOnTime[m] += n }
        } else if key.hasPrefix("trend.afgjort.") {
            if let m = monthIndex[String(key.dropFirst(14))] { trendDecided[m] += n }
        } else if key.hasPrefix("sb.sager.") {
            caseworkers[String(key.dropFirst(9)), default: Load()].cases += n
        } else if key.hasPrefix("sb.frister.") {
            caseworkers[String(key.dropFirst(11)), default: Load()].overdue += n
        } else {
            add(key, n)
        }
    }
}
