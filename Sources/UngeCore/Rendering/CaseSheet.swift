import Foundation

/// The case overview to print for a network meeting (`unge vis <sag> --format md|html|json`):
/// the young person, the network map, the running measures and plan goals, the open deadlines and
/// next steps, and the latest of each dialogue tool. No journal notes: the sheet goes on the table.
/// The CPR number is masked unless asked for.
public struct CaseSheet: Codable, Sendable, Equatable {
    public var caseID: CaseID
    public var date: LocalDate
    public var name: String
    public var age: Int?
    public var birthDate: LocalDate?
    /// Masked (`DDMMYY-xxxx`) unless the full number was asked for.
    public var cpr: String?
    public var school: String?
    public var caseworker: String?
    public var status: String
    public var network: [NetworkPerson]
    public var conflicts: String?
    /// The decisions on measures that are running or planned on the sheet's date, with their basis.
    public var decisions: [Line]
    public var measures: [Line]
    public var planGoals: [Line]
    public var treatmentGoals: [Line]
    public var deadlines: [Line]
    public var nextSteps: [String]
    public var tools: [ToolSection]

    /// One row: a label and what it says.
    public struct Line: Codable, Sendable, Equatable {
        public var label: String
        public var text: String
    }

    /// The latest use of one drawable tool, in words (the picture is drawn from the case).
    public struct ToolSection: Codable, Sendable, Equatable {
        public var tool: String
        public var name: String
        public var date: LocalDate
        public var count: Int
        public var lines: [String]
    }

    /// Builds the sheet from a case on `today`.
    /// With `nextSteps` (from `NextSteps.compute`, the one place that decides them), the sheet lists
    /// those; without, the plan's next follow-up and the first open deadline.
    public static func build(_ file: CaseFile, today: LocalDate, showCPR: Bool = false, nextSteps: [NextStep]? = nil)
        -> CaseSheet
    {
        let p = file.youngPerson
        let age = p.age(on: today)
        let plan = file.actionPlans.last
        var measures: [Line] = []
        for m in plan?.measures ?? [] {
            var text = m.description ?? ""
            if let provider = m.provider { text += (text.isEmpty ? "" : ", ") + "hos \(provider)" }
            if let start = m.start { text += (text.isEmpty ? "" : ", ") + "fra \(start.danishShort)" }
            if !m.goalIDs.isEmpty { text += (text.isEmpty ? "" : "; ") + "mål \(m.goalIDs.joined(separator: ", "))" }
            measures.append(Line(label: m.kind.danish.capitalizedFirstLetter, text: text))
        }
        let goals = (plan?.allGoals ?? []).map { g in
            Line(label: g.id, text: g.text + (g.ownWords.map { " (den unges ord: " + Quoted.text($0) + ")" } ?? ""))
        }
        let treatment = (file.treatmentPlans.last?.goals ?? []).map {
            Line(label: $0.id, text: "\($0.text) (planens mål \($0.planGoalID))")
        }
        let open = file.openDeadlines.sorted { ($0.dueDate, $0.id) < ($1.dueDate, $1.id) }
        let deadlines = open.map { d in
            d.counting == .task
                ? Line(label: "(opgave)", text: d.title)
                : Line(
                    label: d.dueTime.map(DanishTime.format) ?? d.dueDate.danishShort,
                    text: d.title + (d.dueDate < today ? " (overskredet)" : ""))
        }
        let decisions = file.decisions.filter { $0.status(on: today) != .ended }.map { d -> Line in
            let ref = LegalReferences.reference(DecisionLaw.basis(d.kind, age: age)).citation(
                on: d.decisionDate, age: age)
            var text =
                "\(d.purpose.isEmpty ? "" : d.purpose + "; ")besluttet \(d.decisionDate.danishShort), \(d.status(on: today).danish)"
            if let start = d.start { text += " fra \(start.danishShort)" }
            if let provider = d.provider { text += ", hos \(provider)" }
            if let end = d.expectedEnd { text += ", forventet slut \(end.danishShort)" }
            return Line(label: "\(d.kind.danishName.capitalizedFirstLetter) (\(ref))", text: text)
        }
        var next: [String] = []
        if let follow = plan?.nextFollowUp { next.append("Næste opfølgning på planen: \(follow.danishShort).") }
        if let first = file.nextDeadline {
            next.append("Første åbne frist: \(first.title), \(first.dueDate.danishShort).")
        }
        if let nextSteps { next = nextSteps.map(\.line) }
        var tools: [ToolSection] = []
        for tool in ToolPictures.drawable {
            let history = ToolText.history(tool, in: file.toolRecords)
            guard let last = history.last else { continue }
            var lines = ToolText.lines(last)
            if tool == .stagesOfChange, history.count > 1 {
                lines.append(
                    "Udvikling: "
                        + history.compactMap { r in
                            r.stage.map {
                                "\(r.date.danishShort) \($0.stage.danish)" + ($0.relapse ? " (tilbagefald)" : "")
                            }
                        }.joined(separator: " → ") + ".")
            }
            if let s = last.summary { lines.append("Resumé: \(s)") }
            tools.append(
                ToolSection(tool: tool.rawValue, name: tool.danish, date: last.date, count: history.count, lines: lines)
            )
        }
        return CaseSheet(
            caseID: file.id, date: today, name: p.displayName, age: age, birthDate: p.birthDate,
            cpr: p.cpr.map { showCPR ? $0.formatted : $0.masked }, school: p.school, caseworker: file.caseworker,
            status: file.status.danish, network: NetworkPicture.ordered(file.network.people),
            conflicts: file.network.conflicts,
            decisions: decisions, measures: measures, planGoals: goals, treatmentGoals: treatment, deadlines: deadlines,
            nextSteps: next, tools: tools)
    }

    /// The sheet as a document; `file` supplies the pictures for HTML.
    public func document(pictures file: CaseFile?) -> Document {
        var doc = Document(
            title: "Sagsoverblik: \(name)",
            subtitle: "Sag \(caseID.rawValue), udskrevet \(date.danishLong). Til netværksmødet: uden journalnotater.")
        var fields: [(String, String)] = [("Status", status)]
        if let birthDate { fields.append(("Født", birthDate.danishLong + (age.map { " (\($0) år)" } ?? ""))) }
        if let cpr { fields.append(("CPR", cpr)) }
        if let school { fields.append(("Skole/uddannelse", school)) }
        if let caseworker { fields.append(("Sagsbehandler", caseworker)) }
        doc.add(.fields(fields))

        doc.add(.heading("Netværk", level: 2))
        if network.isEmpty {
            doc.add(.paragraph("Der er ikke tegnet et netværkskort endnu."))
        } else {
            if let file, let map = Figures.networkMap(file) { doc.add(map) }
            doc.add(
                .table(
                    header: ["Navn", "Relation", "Arena", "Nærhed", "Forældremyndighed", "Kan støtte", "Svært"],
                    rows: network.map { n in
                        [
                            n.name, n.relation, n.arena.danish, String(n.closeness), n.custodyHolder ? "ja" : "",
                            n.canSupport ? "ja" : "", n.whatIsHard ?? "",
                        ]
                    }))
            if let conflicts { doc.add(.note("Konflikter: \(conflicts)")) }
        }

        doc.add(.heading("Afgørelser, indsatser og mål", level: 2))
        if decisions.isEmpty && measures.isEmpty && planGoals.isEmpty && treatmentGoals.isEmpty {
            doc.add(.paragraph("Der er endnu ingen afgørelser om indsatser og ingen plan med mål."))
        }
        if !decisions.isEmpty {
            doc.add(.heading("Afgørelser om indsatser, der kører eller er planlagt", level: 3))
            doc.add(.list(decisions.map { "\($0.label): \($0.text)" }))
        }
        if !measures.isEmpty {
            doc.add(.heading("Indsatser i planen", level: 3))
            doc.add(.list(measures.map { $0.text.isEmpty ? $0.label : "\($0.label): \($0.text)" }))
        }
        if !planGoals.isEmpty {
            doc.add(.heading("Planens mål", level: 3))
            doc.add(.list(planGoals.map { "\($0.label): \($0.text)" }))
        }
        if !treatmentGoals.isEmpty {
            doc.add(.heading("Behandlingsplanens mål", level: 3))
            doc.add(.list(treatmentGoals.map { "\($0.label): \($0.text)" }))
        }

        doc.add(.heading("Frister og næste skridt", level: 2))
        if deadlines.isEmpty {
            doc.add(.paragraph("Ingen åbne frister."))
        } else {
            doc.add(.table(header: ["Frist", "Hvad"], rows: deadlines.map { [$0.label, $0.text] }))
        }
        if !nextSteps.isEmpty { doc.add(.list(nextSteps)) }

        doc.add(.heading("Dialogredskaber", level: 2))
        if tools.isEmpty {
            doc.add(
                .paragraph(
                    "Der er ikke registreret livshjul, livslinje, forandringscirkel, fordele og ulemper eller bekymringsbue med indhold endnu."
                ))
        }
        for t in tools {
            doc.add(
                .heading(
                    "\(t.name.capitalizedFirstLetter), \(t.date.danishShort)"
                        + (t.count > 1 ? " (\(t.count) registreringer)" : ""), level: 3))
            if let file, let tool = DialogueTool(rawValue: t.tool), let figure = Figures.tool(tool, file, widthMM: 150)
            {
                doc.add(figure)
            }
            doc.add(.list(t.lines))
        }
        return doc
    }
}
