import Foundation

/// An anonymised copy of a case for counselling and anonymous case discussion (sparring),
/// handbook ch. 6: the young person is "den unge (15 år)", network people are their relation,
/// numbers, addresses, places and names are removed from the free text, and dates are relative.
/// It carries no case number and no CPR number, and ends with what was replaced and a reminder.
public struct AnonymousCase: Codable, Sendable, Equatable {
    public var youngPerson: String
    public var age: Int?
    public var occupation: String?
    public var network: [Person]
    public var conflicts: String?
    public var notifications: [Notification]
    public var examination: [String]
    public var planGoals: [String]
    public var tools: [Tool]
    public var journal: [Entry]
    public var replacements: [Anonymiser.Replacement]
    public var reminder: String

    /// A network person by relation only.
    public struct Person: Codable, Sendable, Equatable {
        public var relation: String
        public var arena: String
        public var closeness: Int
        public var custodyHolder: Bool
        public var canSupport: Bool
        public var good: String?
        public var hard: String?
    }

    /// A notification without the notifier's name, workplace or contact.
    public struct Notification: Codable, Sendable, Equatable {
        public var when: String
        public var from: String
        public var concernLevel: String?
        public var texts: [Labelled]
    }

    public struct Labelled: Codable, Sendable, Equatable {
        public var label: String
        public var text: String
    }

    public struct Tool: Codable, Sendable, Equatable {
        public var name: String
        public var when: String
        public var lines: [String]
    }

    public struct Entry: Codable, Sendable, Equatable {
        public var when: String
        public var text: String
    }

    public static let reminderText =
        "Læs al fritekst igennem, før du deler: navne på andre end dem, der står på sagen, steder, stavefejl i navne og sjældne oplysninger (fx en særlig sygdom eller begivenhed) kan stadig afsløre, hvem den unge er."

    /// Builds the anonymised copy of `file` on `today`.
    public static func build(_ file: CaseFile, today: LocalDate) -> AnonymousCase {
        var a = Anonymiser(case: file, today: today)
        let age = file.youngPerson.age(on: today)
        let label = age.map { "den unge (\($0) år)" } ?? "den unge"
        let network = NetworkPicture.ordered(file.network.people).map { p in
            Person(
                relation: p.relation, arena: p.arena.danish, closeness: p.closeness, custodyHolder: p.custodyHolder,
                canSupport: p.canSupport, good: a.scrub(p.whatIsGood), hard: a.scrub(p.whatIsHard))
        }
        let conflicts = a.scrub(file.network.conflicts)
        var notifications: [Notification] = []
        for r in file.concernReports {
            let received = DanishTime.date(of: r.received)
            var texts: [Labelled] = []
            let fields: [(String, String?)] = [
                ("Situationen", r.situation), ("Samarbejdet med forældrene", r.parentCooperation),
                ("Fremmøde", r.attendance), ("Underretterens kendskab til den unge", r.relation),
                ("Andre oplysninger", r.otherInformation), ("Den unges bemærkninger", r.youngPersonComments),
                ("Forældrenes bemærkninger", r.parentsComments), ("Hvad ville øge bekymringen", r.concernArc?.raiseIf),
                ("Hvad ville mindske bekymringen", r.concernArc?.lowerIf),
            ]
            for (l, t) in fields {
                guard let t, !t.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                texts.append(Labelled(label: l, text: a.scrub(t)))
            }
            let from =
                r.reporter.role.map { "\(r.reporter.isProfessional ? "fagperson" : "privatperson"): \(a.scrub($0))" }
                ?? (r.reporter.isProfessional ? "en fagperson" : "en privatperson")
            notifications.append(
                Notification(
                    when: Anonymiser.relative(received, today: today), from: from,
                    concernLevel: r.concernArc?.level.danish, texts: texts))
        }
        var examination: [String] = []
        if let e = file.examination {
            examination.append(
                "\(e.kind.danish.capitalizedFirstLetter), opmærksom på behovet \(Anonymiser.relative(e.awareDate, today: today))"
                    + (e.completedDate.map { ", afsluttet \(Anonymiser.relative($0, today: today))" } ?? ", i gang")
                    + ".")
            if let u = e.substanceUse { examination.append("Forbrug: \(a.scrub(u))") }
            if let p = e.usePhase { examination.append("Misbrugsfase: \(p.label).") }
            if let s = e.stageOfChange { examination.append("Forandringscirklen: \(s.danish).") }
            if let c = e.conclusion { examination.append("Konklusion: \(a.scrub(c.reasons))") }
        }
        let goals = (file.actionPlans.last?.allGoals ?? []).map { g in "\(g.id): \(a.scrub(g.text))" }
        var tools: [Tool] = []
        for r in file.toolRecords.enumerated().sorted(by: {
            ($0.element.date, $0.offset) < ($1.element.date, $1.offset)
        }).map(\.element) {
            var lines = ToolText.lines(r).map { a.scrub($0) }
            if let s = r.summary { lines.append("Resumé: \(a.scrub(s))") }
            tools.append(
                Tool(
                    name: DialogueTool.danishName(ofID: r.tool), when: Anonymiser.relative(r.date, today: today),
                    lines: lines))
        }
        let journal = file.journal.sorted { $0.time < $1.time }.map { j in
            Entry(when: Anonymiser.relative(DanishTime.date(of: j.time), today: today), text: a.scrub(j.text))
        }
        let occupation = a.scrub(file.youngPerson.school)
        return AnonymousCase(
            youngPerson: label, age: age, occupation: occupation, network: network, conflicts: conflicts,
            notifications: notifications, examination: examination, planGoals: goals, tools: tools, journal: journal,
            replacements: a.replacements, reminder: reminderText)
    }

    /// The copy as a document (Markdown or HTML).
    public var document: Document {
        var doc = Document(
            title: "Anonymiseret sag til sparring",
            subtitle:
                "Om \(youngPerson). Uden navne, CPR-numre, kontaktoplysninger og sagsnummer; datoer er gjort relative.")
        var fields: [(String, String)] = [("Den unge", youngPerson)]
        if let occupation { fields.append(("Skole/uddannelse/arbejde", occupation)) }
        doc.add(.fields(fields))
        doc.add(.heading("Netværk", level: 2))
        if network.isEmpty {
            doc.add(.paragraph("Der er ikke tegnet et netværkskort."))
        } else {
            doc.add(
                .figure(
                    svg: NetworkPicture.anonymousSVG(network, label: youngPerson),
                    caption: "Netværkskortet med relationer i stedet for navne."))
            doc.add(
                .table(
                    header: ["Relation", "Arena", "Nærhed", "Forældremyndighed", "Kan støtte", "Godt", "Svært"],
                    rows: network.map { p in
                        [
                            p.relation, p.arena, String(p.closeness), p.custodyHolder ? "ja" : "",
                            p.canSupport ? "ja" : "", p.good ?? "", p.hard ?? "",
                        ]
                    }))
            if let conflicts { doc.add(.note("Konflikter: \(conflicts)")) }
        }
        if !notifications.isEmpty {
            doc.add(.heading("Underretninger", level: 2))
            for (i, n) in notifications.enumerated() {
                doc.add(.heading("Underretning \(i + 1), modtaget \(n.when), fra \(n.from)", level: 3))
                var f = n.texts.map { ($0.label, $0.text) }
                if let level = n.concernLevel { f.insert(("Bekymringsbuen", level), at: 0) }
                doc.add(.fields(f))
            }
        }
        if !examination.isEmpty {
            doc.add(.heading("Børnefaglig undersøgelse", level: 2))
            doc.add(.list(examination))
        }
        if !planGoals.isEmpty {
            doc.add(.heading("Planens mål", level: 2))
            doc.add(.list(planGoals))
        }
        if !tools.isEmpty {
            doc.add(.heading("Dialogredskaber", level: 2))
            doc.add(
                .list(
                    tools.map { t in
                        "\(t.name.capitalizedFirstLetter), \(t.when)"
                            + (t.lines.isEmpty ? "" : ":\n" + t.lines.joined(separator: "\n"))
                    }))
        }
        if !journal.isEmpty {
            doc.add(.heading("Journal", level: 2))
            doc.add(.list(journal.map { "\($0.when): \($0.text)" }))
        }
        doc.add(.heading("Det er erstattet", level: 2))
        if replacements.isEmpty {
            doc.add(.paragraph("Intet i fritekst skulle erstattes."))
        } else {
            let kinds = Array(Set(replacements.map(\.kind))).sorted()
            doc.add(
                .table(
                    header: ["Hvad", "Antal", "Erstattet med"],
                    rows: kinds.map { k in
                        let rows = replacements.filter { $0.kind == k }
                        return [
                            k.danish, String(rows.reduce(0) { $0 + $1.count }),
                            rows.map { "\($0.replacement) (\($0.count))" }.joined(separator: ", "),
                        ]
                    }))
        }
        doc.add(
            .paragraph(
                "Navn, CPR-nummer, kontaktoplysninger, sagsnummer, underretterens navn og arbejdssted og sagsbehandlernes navne er udeladt helt."
            ))
        doc.add(.note(reminder))
        return doc
    }
}
