import Foundation

/// Builds the notification document (underretningen som dokument), handbook ch. 3; rendered as
/// Markdown or HTML by the shared renderers.
///
/// The document is dated by the time the municipality received the notification, and every
/// paragraph is cited as it applied on that date (serviceloven before 2024, barnets lov from 2024).
public enum ConcernReportDocument {
    /// The document for `report` about `youngPerson`. `deadlines` are the case's deadlines; those
    /// whose ids the report holds are shown under "Hvad sker der nu". The CPR number is masked
    /// unless `showCPR`. With a `calendar`, the holidays the receipt deadline skips are named.
    public static func build(
        report: ConcernReport, youngPerson: YoungPerson, caseID: CaseID?, deadlines: [Deadline],
        timeZone: TimeZone, showCPR: Bool = false, calendar: DanishCalendar? = nil, network: Network? = nil,
        registeredBy: String? = nil
    ) -> Document {
        let day = LocalTime.date(of: report.received, in: timeZone)
        let age = youngPerson.age(on: day)
        func cite(_ id: LegalRuleID) -> String { LegalReferences.reference(id).citation(on: day, age: age) }

        var doc = Document(
            title: "Underretning om \(youngPerson.displayName)",
            subtitle: "Til kommunens børne- og ungeafdeling efter \(cite(report.reporter.duty))")

        var head: [(String, String)] = [
            ("Til", "Kommunens børne- og ungeafdeling"),
            ("Modtaget", LocalTime.danishLong(report.received, in: timeZone)),
        ]
        if let via = report.receivedVia { head.append(("Modtaget via", via)) }
        if let caseID { head.append(("Sag", "\(caseID.rawValue), underretning nr. \(report.number)")) }
        // The notifier wrote it; a caseworker registered it: two different people, named apart.
        let r0 = report.reporter
        let source =
            r0.anonymous
            ? "underretteren (anonym)"
            : ([r0.name] + [r0.role, r0.organisation].compactMap { $0 }).joined(separator: ", ")
        head.append(("Kilde", source))
        if let registeredBy { head.append(("Registreret af", registeredBy)) }
        doc.add(.fields(head))

        doc.add(.heading("Den unge", level: 2))
        var young: [(String, String)] = [("Navn", youngPerson.displayName)]
        if let born = youngPerson.birthDate {
            young.append(("Fødselsdato", born.danishLong + (age.map { " (\($0) år)" } ?? "")))
        }
        if let cpr = youngPerson.cpr { young.append(("CPR-nummer", showCPR ? cpr.formatted : cpr.masked)) }
        if let school = youngPerson.school, !school.isEmpty {
            young.append(("Skole, uddannelse eller arbejde", school))
        }
        doc.add(.fields(young))

        doc.add(.heading("Underretter", level: 2))
        let r = report.reporter
        var reporter: [(String, String)] = [
            ("Navn", r.anonymous ? "anonym" + (r.name.isEmpty ? "" : " (\(r.name))") : r.name)
        ]
        if let role = r.role { reporter.append(("Rolle", role)) }
        if let org = r.organisation { reporter.append(("Arbejdssted", org)) }
        if let contact = r.contact { reporter.append(("Kontakt", contact)) }
        reporter.append(
            (
                "Underretningspligt",
                r.isProfessional
                    ? Citing.inline(
                        "skærpet underretningspligt som fagperson i offentlig tjeneste", citation: cite(.heightenedDuty)
                    )
                    : Citing.inline("almindelig underretningspligt som privatperson", citation: cite(.generalDuty))
            ))
        doc.add(.fields(reporter))

        for (i, field) in ConcernField.sections.enumerated() {
            doc.add(.heading("\(i + 1). \(field.sectionTitle)", level: 2))
            doc.add(.paragraph(sectionText(report, field) ?? Citing.notGiven))
        }

        doc.add(.heading("Inddragelse af den unge og forældrene", level: 2))
        var involvement: [(String, String)] = [
            ("Den unge er orienteret", report.youngPersonInformed ? "ja" : "nej")
        ]
        if report.youngPersonInformed {
            involvement.append(("Den unges kommentarer", Citing.orNotGiven(report.youngPersonComments)))
        }
        if let each = CustodyOrientation.text(report, network: network) {
            // Person by person: one of two told is never "nej" for both.
            involvement.append(("Forældremyndighedsindehavere", each))
        } else {
            involvement.append(("Forældrene er orienteret", report.parentsInformed ? "ja" : "nej"))
        }
        if !report.custodyNotices.isEmpty {
            if report.custodyNotices.contains(where: \.informed) {
                involvement.append(
                    ("Forældrenes kommentarer og reaktioner", Citing.orNotGiven(report.parentsComments)))
            }
        } else if report.parentsInformed {
            involvement.append(("Forældrenes kommentarer og reaktioner", Citing.orNotGiven(report.parentsComments)))
        } else {
            involvement.append(
                ("Begrundelse for at underrette uden forældrenes viden", Citing.orNotGiven(report.notInformedReason)))
        }
        doc.add(.fields(involvement))

        if let arc = report.concernArc {
            doc.add(.heading("Bekymringsbuen", level: 2))
            var fields: [(String, String)] = [("Placering", "\(arc.level.danish) (\(arc.level.meaning))")]
            if let up = arc.raiseIf { fields.append(("Det ville øge bekymringen", up)) }
            if let down = arc.lowerIf { fields.append(("Det ville mindske bekymringen", down)) }
            doc.add(.fields(fields))
        }

        doc.add(.heading("Lovgrundlag", level: 2))
        var legal = [
            "Underretningspligt: \(cite(report.reporter.duty))",
            "Kommunens vurdering inden for 24 timer: \(cite(.assessment24h))",
        ]
        legal.append("Kvittering inden 6 hverdage: \(cite(.receipt))")
        if mineFeedback(report, deadlines) { legal.append("Orientering af underretteren: \(cite(.notifierFeedback))") }
        legal.append("Håndbogen kap. 3, Bekymret? De første skridt")
        doc.add(.list(legal))

        doc.add(.heading("Hvad sker der nu", level: 2))
        let mine = report.deadlineIDs.compactMap { id in deadlines.first { $0.id == id } }
        var next: [String] = []
        if let a = mine.first(where: { $0.kind == .assessment }) {
            let when = a.dueTime.map { LocalTime.danishLong($0, in: timeZone) } ?? a.dueDate.danishLong
            next.append(
                "Senest \(when) vurderer kommunen underretningen: er den unges sundhed eller udvikling i fare, og er der brug for at handle straks? Kommunen beslutter også, om der skal laves en børnefaglig undersøgelse, og orienterer familien."
            )
        }
        if let k = mine.first(where: { $0.kind == .receipt }) {
            var why = "6 hverdage efter modtagelsen"
            if let calendar {
                let skipped = calendar.addingWorkingDays(6, to: day).skipped
                    .filter { !["lørdag", "søndag"].contains($0.reason) }
                    .map { "\($0.reason) \($0.date.day). \(LocalDate.monthNames[$0.date.month - 1])" }
                if !skipped.isEmpty { why += "; " + listText(skipped) + " tæller ikke med" }
            }
            next.append("Senest \(k.dueDate.danishLong) (\(why)) sender kommunen en kvittering til underretteren.")
        }
        if mineFeedback(report, deadlines) {
            next.append(
                "Kommunen skal fortælle underretteren, om der er sat en børnefaglig undersøgelse, en afdækning eller en indsats i gang, medmindre særlige forhold taler imod. Kommunen kan også fortælle, hvilken slags indsats og hvor længe den varer, når det har betydning for underretterens egen støtte til den unge."
            )
        } else if r.isProfessional {
            next.append(
                "Underretteren kan som fagperson bede kommunen om at få at vide, om underretningen har ført til en undersøgelse eller en støttende indsats, men har ikke krav på at kende indholdet."
            )
        }
        if !next.isEmpty { doc.add(.list(next)) }
        doc.add(
            .note(
                "En underretning er ikke en overlevering af sagen. Underretteren fortsætter med at støtte den unge i hverdagen; netop den støtte er vigtig, mens kommunen arbejder med sagen."
            ))
        return doc
    }

    /// True when the report carries the task to tell the notifier what was started (§ 138 stk. 2).
    static func mineFeedback(_ report: ConcernReport, _ deadlines: [Deadline]) -> Bool {
        report.deadlineIDs.contains { id in deadlines.contains { $0.id == id && $0.kind == .notifierFeedback } }
    }

    /// "a", "a og b", "a, b og c".
    static func listText(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " og " + items.last!
    }

    static func sectionText(_ report: ConcernReport, _ field: ConcernField) -> String? {
        let v = field.spec.inReport?(report)
        guard let v, !v.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return v
    }
}
