import Foundation

/// How a count is shown after disclosure control (diskretionering): the number, "<5" (primary
/// suppression: fewer than five people) or "x" (secondary suppression: hidden so that a "<5" cell
/// cannot be recovered by subtracting the shown cells from a total).
public enum ShownCount: Sendable, Equatable, Codable {
    case value(Int)
    /// Fewer than `Suppression.threshold` (0 included): shown as "<5".
    case fewerThanThreshold
    /// Hidden to protect another cell: shown as "x". The true count is at least the threshold.
    case hidden

    /// The text a table shows.
    public var text: String {
        switch self {
        case .value(let n): return String(n)
        case .fewerThanThreshold: return "<\(Suppression.threshold)"
        case .hidden: return "x"
        }
    }

    /// The number, when it is shown.
    public var number: Int? {
        if case .value(let n) = self { return n }
        return nil
    }

    /// JSON: the number, or the string "<5" or "x".
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if let n = number { try c.encode(n) } else { try c.encode(text) }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Int.self) {
            self = .value(n)
        } else {
            self = try c.decode(String.self) == "x" ? .hidden : .fewerThanThreshold
        }
    }
}

/// The suppression rule for every figure `unge statistik` shows (README, "Diskretionering"):
///
/// 1. Primary: a count below 5 (0 included) is shown as "<5".
/// 2. Secondary: wherever cells add up to a total, no suppressed cell may be pinned down from the
///    shown cells and the total. Each suppressed cell's possible range is worked out from the
///    constraint (a "<5" cell lies in 0...4, an "x" cell is at least 5); while some suppressed cell
///    has a single possible value, the smallest shown cell of that total is hidden too ("x"); when
///    none is left, the total itself is hidden. Repeated over all totals until nothing changes, so a
///    total hidden in one breakdown is hidden in every other one.
/// 3. No median or percentile over fewer than 5 values (`Suppression.statistic`), and histogram bins
///    are cells of a breakdown like any other.
///
/// Pure: takes the true counts, returns what may be shown.
public struct Suppression: Sendable {
    public static let threshold = 5

    /// One breakdown: `parts` add up to `total` (keys of `counts`).
    public struct Constraint: Sendable, Equatable {
        public var total: String
        public var parts: [String]
        public init(total: String, parts: [String]) {
            self.total = total
            self.parts = parts
        }
    }

    /// The true counts by key.
    public var counts: [String: Int]
    /// The breakdowns.
    public var constraints: [Constraint]
    /// Keys shown exactly whatever their size (a caseworker's own figures, shown only to them).
    public var exempt: Set<String>

    public init(counts: [String: Int] = [:], constraints: [Constraint] = [], exempt: Set<String> = []) {
        self.counts = counts
        self.constraints = constraints
        self.exempt = exempt
    }

    /// Adds a breakdown whose total is the sum of its parts.
    public mutating func add(total: String, parts: [(String, Int)]) {
        for (k, v) in parts { counts[k] = v }
        counts[total] = parts.reduce(0) { $0 + $1.1 }
        constraints.append(Constraint(total: total, parts: parts.map(\.0)))
    }

    /// Adds a single count that belongs to no breakdown.
    public mutating func add(_ key: String, _ value: Int) { counts[key] = value }

    /// What may be shown for every key.
    public func apply() -> [String: ShownCount] {
        var shown: [String: ShownCount] = [:]
        for (k, v) in counts {
            shown[k] = (v < Suppression.threshold && !exempt.contains(k)) ? .fewerThanThreshold : .value(v)
        }
        // Fixed point: each round hides at least one more cell, so it ends.
        var changed = true
        while changed {
            changed = false
            for c in constraints.sorted(by: { $0.total < $1.total }) {
                if protect(c, &shown) { changed = true }
            }
        }
        return shown
    }

    /// Hides one more cell of `c` if some suppressed cell can be pinned down; true if it did.
    private func protect(_ c: Constraint, _ shown: inout [String: ShownCount]) -> Bool {
        let keys = c.parts
        guard keys.contains(where: { shown[$0]?.number == nil }) else { return false }
        guard case .value(let total)? = shown[c.total] else { return false }
        if !Suppression.isPinned(keys.map { shown[$0] ?? .value(0) }, total: total) { return false }
        // Hide the smallest shown part (ties: first by key), else the total.
        let candidates = keys.filter { shown[$0]?.number != nil && !exempt.contains($0) }
            .sorted { (counts[$0] ?? 0, $0) < (counts[$1] ?? 0, $1) }
        if let k = candidates.first {
            shown[k] = .hidden
        } else {
            shown[c.total] = .hidden
        }
        return true
    }

    /// Whether some suppressed cell has exactly one value consistent with the shown cells and the
    /// total: the differencing attack.
    public static func isPinned(_ cells: [ShownCount], total: Int) -> Bool {
        let shownSum = cells.compactMap(\.number).reduce(0, +)
        let rest = total - shownSum
        let hidden = cells.filter { $0.number == nil }
        if hidden.isEmpty { return false }
        let bounds = hidden.map { cell -> (Int, Int) in
            cell == .fewerThanThreshold ? (0, threshold - 1) : (threshold, Int.max / 4)
        }
        let minSum = bounds.reduce(0) { $0 + $1.0 }
        let maxSum = bounds.reduce(0) { min(Int.max / 2, $0 + $1.1) }
        for b in bounds {
            let lo = max(b.0, rest - (maxSum - b.1))
            let hi = min(b.1, rest - (minSum - b.0))
            if lo >= hi { return true }
        }
        return false
    }

    /// A median, percentile or other statistic over `count` values, or nil below the threshold.
    public static func statistic(_ value: Double?, over count: Int) -> Double? {
        count >= threshold ? value : nil
    }
}
