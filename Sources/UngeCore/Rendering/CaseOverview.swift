import Foundation

/// The readable summary of one case that `unge vis` shows (sagsoverblik).
public enum CaseOverview {
    /// Builds the overview as a `Document`. The CPR number is masked unless `showCPR`. With
    /// `nextSteps` (from `NextSteps.compute`), it ends with the section "Næste skridt".
    public static func document(
        for file: CaseFile, today: LocalDate, now: Date? = nil, showCPR: Bool = false, nextSteps: [NextStep]? = nil,
        caseworkerName: String? = nil
    ) -> Document {
        let p = file.youngPerson
        var doc = Document(title: "Sag \(file.id.rawValue): \(p.displayName)")
        var fields: [(String, String)] = [("Status", file.status.danish)]
        if let into = file.mergedInto {
            fields.append(("Samlet ind i", "sag \(into.rawValue) (se den med: unge vis \(into.rawValue))"))
        }
        if let born = p.birthDate {
            fields.append(("Født", "\(born.danishLong) (\(Age.years(born: born, on: today)) år)"))
        }
        if let cpr = p.cpr { fields.append(("CPR", showCPR ? cpr.formatted : cpr.masked)) }
        if let school = p.school { fields.append(("Skole/uddannelse", school)) }
        if let c = p.contact {
            if let v = c.phone { fields.append(("Telefon", v)) }
            if let v = c.email { fields.append(("E-mail", v)) }
            if let v = c.address { fields.append(("Adresse", v)) }
        }
        if let cw = caseworkerName ?? file.caseworker { fields.append(("Sagsbehandler", cw)) }
        if let r = file.restriction {
            fields.append(("Beskyttet sag", "kun " + r.named.joined(separator: ", ") + " kan se sagen"))
        }
        fields.append(("Oprettet", DanishTime.format(file.created)))
        fields.append(("Senest ændret", DanishTime.format(file.updated) + " (revision \(file.revision))"))
        if let closed = file.closedDate {
            fields.append(("Lukket", closed.danishLong + (file.closedReason.map { ": \($0)" } ?? "")))
        }
        doc.add(.fields(fields))

        doc.add(.heading("Netværk", level: 2))
        if file.network.people.isEmpty {
            doc.add(.paragraph("Der er ikke tegnet et netværkskort endnu."))
        } else {
            let rows = file.network.people.sorted {
                ($0.arena.sortKey, $0.closeness) < ($1.arena.sortKey, $1.closeness)
            }.map { n in
                [
                    n.name, n.relation, n.arena.danish, String(n.closeness), n.custodyHolder ? "ja" : "",
                    n.canSupport ? "ja" : "",
                ]
            }
            doc.add(
                .table(header: ["Navn", "Relation", "Arena", "Nærhed", "Forældremyndighed", "Kan støtte"], rows: rows))
        }

        if !file.decisions.isEmpty {
            doc.add(.heading("Afgørelser", level: 2))
            doc.add(.table(header: DecisionDocument.listHeader, rows: DecisionDocument.listRows(file, on: today)))
        }
        doc.blocks += LetterDocument.overviewSection(file)

        doc.add(.heading("Frister", level: 2))
        // The moment the states are judged at: now, or the end of the day shown.
        let moment =
            now
            ?? LocalTime.instant(today.adding(days: 1), hour: 0, minute: 0, in: DanishTime.timeZone)
            .addingTimeInterval(-1)
        // Dated deadlines by date; tasks without a legal period last, marked as tasks.
        let open = file.openDeadlines.sorted {
            ($0.counting == .task ? 1 : 0, $0.dueDate, $0.id) < ($1.counting == .task ? 1 : 0, $1.dueDate, $1.id)
        }
        if file.closedDate != nil {
            doc.add(.paragraph("Sagen er lukket og har ingen åbne frister."))
        } else if open.isEmpty {
            doc.add(.paragraph("Ingen åbne frister."))
        } else {
            doc.add(
                .table(
                    header: ["Frist", "Hvad", "Lovgrundlag", "Id"],
                    rows: open.map { d in
                        if d.counting == .task {
                            return [
                                "opgave", d.title,
                                d.citation(age: p.birthDate.map { Age.years(born: $0, on: d.ruleDate) }), d.id,
                            ]
                        }
                        let due = d.dueTime.map(DanishTime.format) ?? d.dueDate.danishShort
                        let state = d.status(now: moment, today: today, timeZone: DanishTime.timeZone).state
                        return [
                            due + (state == .overdue ? " (overskredet)" : ""),
                            d.kind.isReminder ? "Påmindelse: " + d.title : d.title,
                            LegalReferences.reference(LegalRuleID(rawValue: d.legalReferenceID) ?? .purpose).citation(
                                on: d.ruleDate, age: p.birthDate.map { Age.years(born: $0, on: d.ruleDate) }), d.id,
                        ]
                    }))
            doc.add(
                .paragraph(
                    "Marker en frist som opfyldt med 'unge frister --opfyldt \(file.id.rawValue) ID' (fristens id står i sidste kolonne)."
                ))
        }
        // Met on time and met late are told apart (LAW.md): a late one is named with how late.
        let settled = file.deadlines.map { ($0, $0.status(now: moment, today: today, timeZone: DanishTime.timeZone)) }
        let met = settled.filter { $0.1.state == .met }.count
        let late = settled.filter { $0.1.state == .metLate }
        if met > 0 { doc.add(.paragraph("\(Plural.count(met, "frist", "frister")) er overholdt.")) }
        if !late.isEmpty {
            doc.add(.paragraph("Opfyldt for sent:"))
            doc.add(.list(late.map { "\($0.0.title): \($0.1.danish)" }))
        }

        doc.add(.heading("Sagens indhold", level: 2))
        doc.add(.list(contentLines(of: file)))

        doc.add(.heading("Journal", level: 2))
        if file.journal.isEmpty {
            doc.add(.paragraph("Ingen notater endnu."))
        } else {
            let recent = CaseOverview.journalInOrder(file.journal).suffix(10)
            if file.journal.count > recent.count {
                doc.add(.paragraph("Viser de seneste \(recent.count) af \(file.journal.count) notater."))
            }
            doc.add(.list(recent.map(CaseOverview.journalLine)))
        }
        if let nextSteps {
            doc.blocks += NextSteps.blocks(nextSteps, closed: file.closedDate, reason: file.closedReason)
        }
        return doc
    }
}

extension CaseOverview {
    /// The journal in the order things happened: by the day an entry is about (`happened`, else the
    /// day it was written), then by the time it was written.
    public static func journalInOrder(_ journal: [JournalEntry]) -> [JournalEntry] {
        journal.enumerated().sorted { a, b in
            let da = a.element.happened ?? DanishTime.date(of: a.element.time)
            let db = b.element.happened ?? DanishTime.date(of: b.element.time)
            if da != db { return da < db }
            if a.element.time != b.element.time { return a.element.time < b.element.time }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// "31.08.2026 (skrevet 01.09.2026 kl. 10.30), Lene Dahl: Telefonsamtale med mor."
    public static func journalLine(_ e: JournalEntry) -> String {
        let when =
            e.happened.map { "\($0.danishShort) (skrevet \(DanishTime.format(e.time)))" } ?? DanishTime.format(e.time)
        return "\(when), \(e.author): \(e.text)"
    }

    /// One line per registered piece of casework, newest details first within each kind.
    static func contentLines(of file: CaseFile) -> [String] {
        var lines: [String] = []
        if file.concernReports.isEmpty {
            lines.append("Underretninger: ingen")
        }
        for r in file.concernReports {
            var line = "Underretning nr. \(r.number), modtaget \(DanishTime.format(r.received)) fra \(r.reporter.name)"
            if let role = r.reporter.role { line += " (\(role))" }
            if let arc = r.concernArc { line += "; bekymringsbuen: \(arc.level.danish)" }
            if let each = CustodyOrientation.text(r, network: file.network) {
                line += "; " + each
            } else {
                line += r.parentsInformed ? "; forældrene er orienteret" : "; forældrene er ikke orienteret"
            }
            lines.append(line)
        }
        if let e = file.examination {
            var line =
                "\(e.kind.danish.capitalizedFirstLetter): opmærksom på behovet \(e.awareDate.danishShort), \(e.areaCount.danish)"
            line += e.completedDate.map { ", afsluttet \($0.danishShort)" } ?? ", i gang"
            if let phase = e.usePhase { line += "; misbrugsfase: \(phase.danish)" }
            lines.append(line)
        } else {
            lines.append("Børnefaglig undersøgelse: ingen")
        }
        if let p = file.actionPlans.last {
            lines.append(
                "\(p.kind.danishName.capitalizedFirstLetter) version \(p.version) af \(p.date.danishShort) (\(p.author)): \(p.allGoals.count) mål, \(p.measures.count) indsatser"
                    + (p.nextFollowUp.map { "; næste opfølgning \($0.danishShort)" } ?? ""))
        } else {
            lines.append("Plan: ingen")
        }
        if let t = file.treatmentPlans.last {
            lines.append(
                "Behandlingsplan version \(t.version) af \(t.date.danishShort) fra \(t.provider): \(t.goals.count) mål"
                    + (TreatmentPlanBasis.supersededShort(t, in: file).map { " (OBS: \($0))" } ?? ""))
        } else {
            lines.append("Behandlingsplan: ingen")
        }
        lines.append("Tjeklistesvar: \(file.checklistAnswers.count)")
        if file.toolRecords.isEmpty {
            lines.append("Dialogredskaber: ingen registreret")
        } else {
            lines.append(
                "Dialogredskaber: "
                    + file.toolRecords.sorted { $0.date < $1.date }.map {
                        "\(DialogueTool.danishName(ofID: $0.tool)) \($0.date.danishShort)"
                    }.joined(separator: ", "))
        }
        return lines
    }
}

extension Arena {
    /// The order arenas are listed in: the handbook's order.
    public var sortKey: Int { Arena.allCases.firstIndex(of: self) ?? 0 }
}
