import Foundation

/// The readable summary of one case that `unge vis` shows (sagsoverblik).
public enum CaseOverview {
    /// Builds the overview as a `Document`. The CPR number is masked unless `showCPR`.
    public static func document(for file: CaseFile, today: LocalDate, showCPR: Bool = false) -> Document {
        let p = file.youngPerson
        var doc = Document(title: "Sag \(file.id.rawValue): \(p.displayName)")
        var fields: [(String, String)] = [("Status", file.status.danish)]
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
        if let cw = file.caseworker { fields.append(("Sagsbehandler", cw)) }
        fields.append(("Oprettet", DanishTime.format(file.created)))
        fields.append(("Senest ændret", DanishTime.format(file.updated) + " (revision \(file.revision))"))
        doc.add(.fields(fields))

        doc.add(.heading("Netværk", level: 2))
        if file.network.people.isEmpty {
            doc.add(.paragraph("Der er ikke tegnet et netværkskort endnu."))
        } else {
            let rows = file.network.people.sorted { ($0.arena.sortKey, $0.closeness) < ($1.arena.sortKey, $1.closeness) }.map { n in
                [n.name, n.relation, n.arena.danish, String(n.closeness), n.custodyHolder ? "ja" : "", n.canSupport ? "ja" : ""]
            }
            doc.add(.table(header: ["Navn", "Relation", "Arena", "Nærhed", "Forældremyndighed", "Kan støtte"], rows: rows))
        }

        doc.add(.heading("Frister", level: 2))
        let open = file.deadlines.filter { !$0.isMet }.sorted { $0.dueDate < $1.dueDate }
        if open.isEmpty {
            doc.add(.paragraph("Ingen åbne frister."))
        } else {
            doc.add(.table(header: ["Frist", "Hvad", "Lovgrundlag"], rows: open.map { d in
                let due = d.dueTime.map(DanishTime.format) ?? d.dueDate.danishShort
                return [due + (d.dueDate < today ? " (overskredet)" : ""), d.title,
                        LegalReferences.reference(LegalRuleID(rawValue: d.legalReferenceID) ?? .purpose).citation(on: d.ruleDate, age: p.birthDate.map { Age.years(born: $0, on: d.ruleDate) })]
            }))
        }
        let met = file.deadlines.count - open.count
        if met > 0 { doc.add(.paragraph("\(met) frist(er) er markeret som overholdt.")) }

        doc.add(.heading("Sagens indhold", level: 2))
        doc.add(.list([
            "Underretninger: \(file.concernReports.count)",
            "Børnefaglig undersøgelse: " + (file.examination.map { e in
                e.completedDate.map { "afsluttet \($0.danishShort)" } ?? "i gang (opmærksom på behovet \(e.awareDate.danishShort))"
            } ?? "ingen"),
            "Planer: " + (file.actionPlans.last.map { "\(file.actionPlans.count) version(er), seneste \($0.date.danishShort)" } ?? "ingen"),
            "Behandlingsplaner: \(file.treatmentPlans.count)",
            "Tjeklistesvar: \(file.checklistAnswers.count)",
            "Dialogværktøjer: \(file.toolRecords.count)",
        ]))

        doc.add(.heading("Journal", level: 2))
        if file.journal.isEmpty {
            doc.add(.paragraph("Ingen notater endnu."))
        } else {
            let recent = file.journal.suffix(10)
            if file.journal.count > recent.count {
                doc.add(.paragraph("Viser de seneste \(recent.count) af \(file.journal.count) notater."))
            }
            doc.add(.list(recent.map { "\(DanishTime.format($0.time)), \($0.author): \($0.text)" }))
        }
        return doc
    }
}

extension Arena {
    /// The order arenas are listed in: the handbook's order.
    public var sortKey: Int { Arena.allCases.firstIndex(of: self) ?? 0 }
}
