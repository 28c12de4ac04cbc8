import Foundation

/// The deadlines a notification starts (frister ved underretning), BL §§ 136 and 138
/// (tidl. SEL §§ 155 and 155 b), handbook ch. 3 "Efter underretningen".
///
/// - The municipality assesses every notification within 24 clock hours of receiving it.
/// - A professional notifier gets a receipt no later than 6 working days after it was received,
///   counted from the day after.
///
/// The rule date is the local date the notification was received, so one received in 2023 cites
/// serviceloven and one received from 2024 cites barnets lov.
public enum NotificationDeadlines {
    /// The id of a notification's assessment deadline: `underretning-1-vurdering`.
    public static func assessmentID(_ number: Int) -> String { "underretning-\(number)-vurdering" }
    /// The id of a notification's receipt deadline: `underretning-1-kvittering`.
    public static func receiptID(_ number: Int) -> String { "underretning-\(number)-kvittering" }

    /// The deadlines for `report`. `addingWorkingDays(n, date)` returns the n-th working day after
    /// `date` (the Danish calendar's working-day arithmetic).
    public static func compute(
        for report: ConcernReport, timeZone: TimeZone, addingWorkingDays: (Int, LocalDate) -> LocalDate
    ) -> [Deadline] {
        let receivedDay = LocalTime.date(of: report.received, in: timeZone)
        let assessmentTime = report.received.addingTimeInterval(24 * 3600)
        var out = [
            Deadline(
                id: assessmentID(report.number), kind: .assessment,
                title: "Vurdering af underretning nr. \(report.number) (24 timer)", counting: .hours,
                dueDate: LocalTime.date(of: assessmentTime, in: timeZone), dueTime: assessmentTime,
                legalReferenceID: LegalRuleID.assessment24h.rawValue, ruleDate: receivedDay)
        ]
        if report.reporter.isProfessional {
            out.append(
                Deadline(
                    id: receiptID(report.number), kind: .receipt,
                    title: "Kvittering til underretteren for underretning nr. \(report.number)",
                    counting: .workingDays, dueDate: addingWorkingDays(6, receivedDay),
                    legalReferenceID: LegalRuleID.receipt.rawValue, ruleDate: receivedDay))
        }
        return out
    }

    /// The deadlines for `report`, counting working days with the Danish calendar.
    public static func compute(for report: ConcernReport, timeZone: TimeZone, calendar: DanishCalendar) -> [Deadline] {
        compute(for: report, timeZone: timeZone) { calendar.addingWorkingDays($0, to: $1).due }
    }
}
