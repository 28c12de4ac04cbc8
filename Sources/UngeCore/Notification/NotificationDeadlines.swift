import Foundation

/// The deadlines a notification starts (frister ved underretning), BL §§ 136 and 138
/// (tidl. SEL §§ 155 and 155 b), handbook ch. 3 "Efter underretningen".
///
/// - The municipality assesses every notification within 24 clock hours of receiving it.
/// - Every notifier (BL §§ 132, 133, 135: professionals and citizens alike) gets a receipt no later
///   than 6 working days after it was received, counted from the day after (BL § 138 stk. 1) –
///   except an anonymous one, who cannot be reached.
/// - A professional notifier (§ 133) must be told whether an examination, an afdækning or support
///   was started (§ 138 stk. 2): an open task "orientér underretteren" until marked done.
///
/// The rule date is the local date the notification was received, so one received in 2023 cites
/// serviceloven and one received from 2024 cites barnets lov.
public enum NotificationDeadlines {
    /// The id of a notification's assessment deadline: `underretning-1-vurdering`.
    public static func assessmentID(_ number: Int) -> String { "underretning-\(number)-vurdering" }
    /// The id of a notification's receipt deadline: `underretning-1-kvittering`.
    public static func receiptID(_ number: Int) -> String { "underretning-\(number)-kvittering" }
    /// The id of the task to tell a § 133 notifier what was started: `underretning-1-orientering`.
    public static func feedbackID(_ number: Int) -> String { "underretning-\(number)-orientering" }

    /// The deadlines for `report`. `addingWorkingDays(n, date)` returns the n-th working day after
    /// `date` (the Danish calendar's working-day arithmetic).
    public static func compute(
        for report: ConcernReport, timeZone: TimeZone, addingWorkingDays: (Int, LocalDate) -> LocalDate
    ) -> [Deadline] {
        let receivedDay = LocalTime.date(of: report.received, in: timeZone)
        let assessmentTime = report.received.addingTimeInterval(TimeInterval(LegalPeriod.assessmentHours * 3600))
        var out = [
            Deadline(
                id: assessmentID(report.number), kind: .assessment,
                title: "Vurdering af underretning nr. \(report.number) (\(LegalPeriod.assessmentHours) timer)",
                counting: .hours,
                dueDate: LocalTime.date(of: assessmentTime, in: timeZone), dueTime: assessmentTime,
                legalReferenceID: LegalRuleID.assessment24h.rawValue, ruleDate: receivedDay)
        ]
        // An anonymous notifier cannot be sent a receipt.
        if !report.reporter.anonymous {
            out.append(
                Deadline(
                    id: receiptID(report.number), kind: .receipt,
                    title: "Kvittering til underretteren for underretning nr. \(report.number)",
                    counting: .workingDays, dueDate: addingWorkingDays(LegalPeriod.receiptWorkingDays, receivedDay),
                    legalReferenceID: LegalRuleID.receipt.rawValue, ruleDate: receivedDay))
        }
        // The duty to tell the notifier holds from serviceloven § 155 b stk. 2 (with the § 155 b receipt; AUDIT
        // row 26): SEL 2023 § 155 b stk. 2 »skal orientere«; in 2012 (§ 153 stk. 3) only on request.
        if report.reporter.isProfessional, receivedDay >= LegalReferences.sel155bEffective {
            out.append(
                Deadline(
                    id: feedbackID(report.number), kind: .notifierFeedback,
                    title: "Orientér underretteren om, hvad der er sat i gang (underretning nr. \(report.number))",
                    counting: .task, dueDate: receivedDay, rule: .notifierFeedback, ruleDate: receivedDay))
        }
        return out
    }

    /// The deadlines for `report`, counting working days with the Danish calendar.
    public static func compute(for report: ConcernReport, timeZone: TimeZone, calendar: DanishCalendar) -> [Deadline] {
        compute(for: report, timeZone: timeZone) { calendar.addingWorkingDays($0, to: $1).due }
    }
}
