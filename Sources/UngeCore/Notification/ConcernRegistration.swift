import Foundation

/// Registers a notification on a case (registrering af underretning): numbers it, computes and
/// stores its deadlines and writes a journal note. Pure: the caller loads and saves the case.
public enum ConcernRegistration {
    /// Adds the notification built from `draft` to `caseFile` and returns it with its deadline ids.
    ///
    /// `now` is the time of registration (for the journal note); `received` when the municipality
    /// received the notification (the deadlines run from it).
    @discardableResult
    public static func register(
        _ draft: ConcernReportDraft, on caseFile: inout CaseFile, received: Date, now: Date, author: String,
        timeZone: TimeZone, addingWorkingDays: (Int, LocalDate) -> LocalDate
    ) -> ConcernReport {
        let number = (caseFile.concernReports.map(\.number).max() ?? 0) + 1
        var report = draft.report(number: number, received: received)
        let deadlines = NotificationDeadlines.compute(
            for: report, timeZone: timeZone, addingWorkingDays: addingWorkingDays)
        report.deadlineIDs = deadlines.map(\.id)
        let ids = Set(report.deadlineIDs)
        caseFile.deadlines.removeAll { ids.contains($0.id) }
        caseFile.deadlines += deadlines
        caseFile.concernReports.append(report)
        caseFile.record(.notification(report, timeZone: timeZone), at: now, by: author)
        caseFile.updated = now
        return report
    }

    /// `register` with the Danish calendar's working days.
    @discardableResult
    public static func register(
        _ draft: ConcernReportDraft, on caseFile: inout CaseFile, received: Date, now: Date, author: String,
        timeZone: TimeZone, calendar: DanishCalendar
    ) -> ConcernReport {
        register(draft, on: &caseFile, received: received, now: now, author: author, timeZone: timeZone) {
            calendar.addingWorkingDays($0, to: $1).due
        }
    }
}
