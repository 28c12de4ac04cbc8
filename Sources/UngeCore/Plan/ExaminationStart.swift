import Foundation

/// Where the examination's 4-month period starts by default (BL § 20 stk. 3, tidl. SEL § 50 stk. 7):
/// the day the municipality became aware of the need, which without other word is the day the
/// earliest open notification was received, not the day the caseworker registers the examination.
public enum ExaminationStart {
    /// The earliest notification received on or before `today` and after the case was last closed
    /// (a notification handled before a closing is not open), or nil when there is none.
    public static func earliestOpenNotification(
        in file: CaseFile, today: LocalDate, timeZone: TimeZone = DanishTime.timeZone
    ) -> ConcernReport? {
        file.concernReports.filter { r in
            let day = LocalTime.date(of: r.received, in: timeZone)
            return day <= today && (file.closedDate.map { day > $0 } ?? true)
        }.min { $0.received < $1.received }
    }

    /// The default start and the words that say where it comes from: "underretning nr. 1, modtaget
    /// 27. august 2026", or today's date when there is no open notification.
    public static func defaultStart(
        in file: CaseFile, today: LocalDate, timeZone: TimeZone = DanishTime.timeZone
    ) -> (date: LocalDate, source: String?) {
        guard let r = earliestOpenNotification(in: file, today: today, timeZone: timeZone) else { return (today, nil) }
        let day = LocalTime.date(of: r.received, in: timeZone)
        return (day, "underretning nr. \(r.number), modtaget \(day.danishLong)")
    }
}
