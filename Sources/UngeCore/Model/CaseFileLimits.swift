import Foundation

/// Upper bounds on the numbers a case file holds, so that no `+ 1` on a number read from a file
/// can overflow (a trap, exit 132) and so that every stored date lies in `LocalDate.supportedYears`.
///
/// The store checks a case against these limits when it reads it and refuses a file outside them
/// with a Danish reason (exit 3), the same way as any other damaged file.
public enum CaseLimits {
    /// The largest revision, counter, plan version or notification number a case may hold: far
    /// beyond any real case (a save a second for 30 years), far below `Int.max`.
    public static let maxNumber = 1_000_000_000

    /// The first field of `file` whose number or time is outside the limits, as a Danish reason
    /// ("feltet 'revision' er for stort"), or nil when everything is in range.
    public static func violation(in file: CaseFile) -> String? {
        func big(_ n: Int) -> Bool { n < 0 || n > maxNumber }
        if big(file.revision) { return "feltet 'revision' er uden for 0-\(maxNumber)" }
        if big(file.counter) { return "feltet 'counter' er uden for 0-\(maxNumber)" }
        if big(file.schemaVersion) { return "feltet 'schemaVersion' er uden for 0-\(maxNumber)" }
        if file.actionPlans.contains(where: { big($0.version) }) {
            return "en plans 'version' er uden for 0-\(maxNumber)"
        }
        if file.treatmentPlans.contains(where: { big($0.version) || $0.basedOnPlanVersion.map(big) == true }) {
            return "en behandlingsplans 'version' er uden for 0-\(maxNumber)"
        }
        if file.concernReports.contains(where: { big($0.number) }) {
            return "en underretnings 'number' er uden for 0-\(maxNumber)"
        }
        if file.network.people.contains(where: { big($0.closeness) }) {
            return "en persons 'closeness' er uden for 0-\(maxNumber)"
        }
        for (name, date) in [("created", file.created), ("updated", file.updated)] where !inRange(date) {
            return
                "tidspunktet i feltet '\(name)' ligger uden for årene \(LocalDate.supportedYears.lowerBound)-\(LocalDate.supportedYears.upperBound)"
        }
        return nil
    }

    /// True when an instant lies within `LocalDate.supportedYears` (UTC).
    public static func inRange(_ instant: Date) -> Bool {
        let t = instant.timeIntervalSince1970
        return t.isFinite && t >= lowest && t < highest
    }

    private static let lowest =
        TimeInterval(LocalDate(year: LocalDate.supportedYears.lowerBound, month: 1, day: 1)!.dayNumber) * 86400
    private static let highest =
        TimeInterval(LocalDate(year: LocalDate.supportedYears.upperBound + 1, month: 1, day: 1)!.dayNumber) * 86400
}
