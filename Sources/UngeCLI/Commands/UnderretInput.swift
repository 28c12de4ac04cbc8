import Foundation
import UngeCore
import UngeStore

/// Input and output helpers for `unge underret`: the `--fra-fil` file, the received time, the
/// document in the chosen format and the `--ud` file.
enum UnderretInput {
    /// Danish time. Falls back to UTC+1 only if the system has no time-zone data at all.
    static let timeZone = DanishTime.timeZone

    /// Reads a `--fra-fil` JSON file. Unknown keys are refused (a typo would otherwise be lost).
    static func load(_ path: String) throws -> ConcernReportDraft {
        let data = try DocumentFile.readInput(path)
        let parsed: Any
        do { parsed = try JSONSerialization.jsonObject(with: data) } catch {
            throw UsageError.message(
                "'\(path)': \(JSONProblem.describe(error, in: data)). Se eksemplet i Fixtures/underret/eksempel.json.")
        }
        guard let object = parsed as? [String: Any] else {
            throw UsageError.message(
                "'\(path)' er ikke en JSON-fil med et objekt ({ ... }). Se eksemplet i Fixtures/underret/eksempel.json."
            )
        }
        let unknown = object.keys.filter { ConcernField(rawValue: $0) == nil && $0 != "custodyNotices" }.sorted()
        if !unknown.isEmpty {
            let hints = unknown.map { key in
                "'\(key)'"
                    + (Suggest.closest(to: key, in: ConcernField.allCases.map(\.key)).map { " (mente du '\($0)'?)" }
                        ?? "")
            }
            throw UsageError.message(
                "'\(path)' indeholder ukendte nøgler: \(hints.joined(separator: ", ")). Se 'unge underret --help' for nøglerne."
            )
        }
        do {
            return try UngeJSON.decoder().decode(ConcernReportDraft.self, from: data)
        } catch let DecodingError.dataCorrupted(ctx) where !ctx.codingPath.isEmpty {
            throw UsageError.message(
                "'\(path)': \(key(ctx.codingPath)) "
                    + (JSONProblem.danishReason(ctx.debugDescription) ?? "har en ugyldig værdi"))
        } catch let DecodingError.typeMismatch(_, ctx) where !ctx.codingPath.isEmpty {
            throw UsageError.message(
                "'\(path)': \(key(ctx.codingPath)) har en forkert type (tekst i anførselstegn, true/false for ja/nej).")
        } catch {
            throw UsageError.message(
                "'\(path)' kan ikke læses som en underretning: \(JSONProblem.describe(error, in: data)). Se eksemplet i Fixtures/underret/eksempel.json."
            )
        }
    }

    private static func key(_ path: [CodingKey]) -> String {
        path.last.map { "nøglen '\($0.stringValue)':" } ?? ""
    }

    /// What a field accepts, for error messages.
    static func expected(_ field: ConcernField) -> String {
        switch field.kind {
        case .yesNo: return "Svar ja eller nej."
        case .date: return "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2010-03-14."
        case .dateTime: return "Skriv tidspunktet som ÅÅÅÅ-MM-DD TT:MM, fx 2026-04-13 09:30."
        case .cpr: return "Skriv CPR-nummeret som DDMMÅÅ-XXXX."
        case .level: return "Skriv grøn, orange eller rød."
        case .reason:
            return "Skriv et bekymringsområde: \(NotificationReason.allCases.map(\.token).joined(separator: ", "))."
        case .text: return "Skriv en tekst."
        }
    }

    /// When the municipality received the notification: `--modtaget`/"received", else now.
    /// A time in the future is refused.
    static func received(_ draft: ConcernReportDraft, now: Date, timeZone: TimeZone) throws -> Date {
        guard let text = draft.received else { return now }
        guard let t = LocalTime.parse(text, in: timeZone) else {
            throw UsageError.invalidValue(option: "--modtaget", value: text, expected: expected(.received))
        }
        if t > now {
            throw UsageError.invalidValue(
                option: "--modtaget", value: text,
                expected: "Tidspunktet ligger i fremtiden; --modtaget er til underretninger, der er modtaget tidligere."
            )
        }
        return t
    }

    /// The record of notification `report`, registered now on `file` by the acting user: the notifier
    /// as its source, the registering caseworker in the letterhead ("Registreret af"), the settings in force.
    static func record(
        _ report: ConcernReport, on file: CaseFile, findings: [Finding], stamp: AuthorStamp,
        head: Document.Letterhead, calendar: DanishCalendar, ctx: Context
    ) -> DocumentRecord {
        let day = LocalTime.date(of: report.received, in: timeZone)
        var doc = ConcernReportDocument.build(
            report: report, youngPerson: file.youngPerson, caseID: file.id, deadlines: file.deadlines,
            timeZone: timeZone, showCPR: true, calendar: calendar, network: file.network, registeredBy: stamp.line)
        var h = head
        h.caseID = file.id.rawValue
        h.date = day
        h.authorLabel = "Registreret af"
        doc.letterhead = h
        return DocumentRecords.make(
            doc, kind: .notification, ref: String(report.number), date: day, file: file, findings: findings,
            stamp: stamp, head: h, ctx: ctx)
    }

    /// Who registered notification `number` on a case saved before records: the journal's
    /// registration entry, named as the settings name that user; nil when the journal does not say.
    static func registeredBy(_ number: Int, in file: CaseFile, settings: StoreSettings) -> String? {
        guard
            let e = file.journal.first(where: {
                $0.source == .registration && $0.text.hasPrefix("Underretning nr. \(number) registreret")
            })
        else { return nil }
        let p = settings.profile(of: e.author)
        return AuthorStamp(user: e.author, fullName: p?.fullName, title: p?.title).line
    }

    /// Why `date` cannot be the date of something that has happened (in the future), or nil.
    static func eventProblem(_ date: LocalDate, what: String, today: LocalDate) -> String? {
        do { try EventDate.check(date, what: what, today: today) } catch { return error.description }
        return nil
    }

    /// The document as Markdown, HTML or JSON.
    static func render(
        _ format: UnderretCommand.Format, report: ConcernReport, caseFile: CaseFile, findings: [Finding],
        timeZone: TimeZone, showCPR: Bool, calendar: DanishCalendar, letterhead: Document.Letterhead? = nil,
        printed: Document? = nil, registeredBy: String? = nil, printLine: String? = nil
    ) throws -> String {
        var doc = ConcernReportDocument.build(
            report: report, youngPerson: caseFile.youngPerson, caseID: caseFile.id, deadlines: caseFile.deadlines,
            timeZone: timeZone, showCPR: showCPR, calendar: calendar, network: caseFile.network,
            registeredBy: registeredBy)
        doc.letterhead = letterhead
        doc.printedLine = printLine
        if let printed { doc = printed }
        switch format {
        case .md: return MarkdownRenderer.render(doc)
        case .html: return HTMLRenderer.render(doc)
        case .json:
            let person = caseFile.youngPerson
            let day = LocalTime.date(of: report.received, in: timeZone)
            let out = JSONDocument(
                caseID: caseFile.id, revision: caseFile.revision,
                youngPerson: .init(
                    name: person.name, birthDate: person.birthDate, age: person.age(on: day),
                    cpr: person.cpr.map { showCPR ? $0.formatted : $0.masked }, school: person.school),
                report: report, deadlines: caseFile.deadlines.filter { report.deadlineIDs.contains($0.id) },
                findings: findings)
            return try JSONOutput.render(out) + "\n"
        }
    }

    struct JSONDocument: Encodable {
        struct Person: Encodable {
            let name: String?
            let birthDate: LocalDate?
            let age: Int?
            let cpr: String?
            let school: String?
        }
        let caseID: CaseID
        let revision: Int
        let youngPerson: Person
        let report: ConcernReport
        let deadlines: [Deadline]
        let findings: [Finding]
    }

}
