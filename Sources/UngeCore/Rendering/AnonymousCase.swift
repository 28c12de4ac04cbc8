import Foundation

/// An anonymised copy of a case for counselling and anonymous case discussion (sparring),
/// handbook ch. 6: the young person is "den unge (15 år)", everyone else "Person A", "Person B", ...
/// with their relation or role beside them; numbers, addresses, places and names are removed from
/// the free text (`Anonymiser`), and dates are days from the first notification ("dag 0"). It carries
/// no case number and no part of a CPR number, and ends with what was generalised, the places the
/// caseworker must check, and a reminder.
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
    public var people: [Anonymiser.Person]
    /// What "dag 0" is: "den første underretning" or "sagens oprettelse".
    public var dayZero: String
    public var replacements: [Anonymiser.Replacement]
    /// Where a capitalised word at the start of a sentence could not be judged.
    public var toCheck: [String]
    public var reminder: String

    /// A network person by relation only.
    public struct Person: Codable, Sendable, Equatable {
        /// "Person A".
        public var label: String
        /// The relation, scrubbed ("mor Hanne" becomes "mor Person A").
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

    /// Builds the anonymised copy of `file` on `today` (for the young person's age only).
    public static func build(_ file: CaseFile, today: LocalDate) -> AnonymousCase {
        var a = Anonymiser(case: file)
        a.learnAll(freeTexts(file))
        let age = file.youngPerson.age(on: today)
        let label = age.map { "den unge (\($0) år)" } ?? "den unge"
        let network = NetworkPicture.ordered(file.network.people).map { p in
            Person(
                label: a.label(of: p.name) ?? "Person",
                relation: a.scrub(p.relation, location: "Netværket"), arena: p.arena.danish,
                closeness: p.closeness, custodyHolder: p.custodyHolder, canSupport: p.canSupport,
                good: a.scrub(p.whatIsGood, location: "Netværket"), hard: a.scrub(p.whatIsHard, location: "Netværket"))
        }
        let conflicts = a.scrub(file.network.conflicts, location: "Netværket, konflikter")
        var notifications: [Notification] = []
        for (i, r) in file.concernReports.enumerated() {
            let received = DanishTime.date(of: r.received)
            let place = "Underretning \(i + 1)"
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
                texts.append(Labelled(label: l, text: a.scrub(t, written: received, location: "\(place), \(l)")))
            }
            let kind = r.reporter.isProfessional ? "fagperson" : "privatperson"
            let from = r.reporter.role.map { "\(kind): \(a.scrub($0, location: place))" } ?? "en \(kind)"
            notifications.append(
                Notification(when: a.day(received), from: from, concernLevel: r.concernArc?.level.danish, texts: texts))
        }
        var examination: [String] = []
        if let e = file.examination {
            let place = "Børnefaglig undersøgelse"
            examination.append(
                "\(e.kind.danish.capitalizedFirstLetter), opmærksom på behovet \(a.day(e.awareDate))"
                    + (e.completedDate.map { ", afsluttet \(a.day($0))" } ?? ", i gang") + ".")
            if let u = e.substanceUse { examination.append("Forbrug: \(a.scrub(u, location: place))") }
            if let p = e.usePhase { examination.append("Misbrugsfase: \(p.label).") }
            if let s = e.stageOfChange { examination.append("Forandringscirklen: \(s.danish).") }
            if let c = e.conclusion { examination.append("Konklusion: \(a.scrub(c.reasons, location: place))") }
        }
        let goals = (file.actionPlans.last?.allGoals ?? []).map { g in
            "\(g.id): \(a.scrub(g.text, location: "Planens mål \(g.id)"))"
        }
        var tools: [Tool] = []
        for r in file.toolRecords.enumerated().sorted(by: {
            ($0.element.date, $0.offset) < ($1.element.date, $1.offset)
        }).map(\.element) {
            let name = DialogueTool.danishName(ofID: r.tool)
            let place = "Dialogredskaber, \(name) \(a.day(r.date))"
            var lines = ToolText.lines(r).map { a.scrub($0, written: r.date, location: place) }
            if let s = r.summary { lines.append("Resumé: \(a.scrub(s, written: r.date, location: place))") }
            tools.append(Tool(name: name, when: a.day(r.date), lines: lines))
        }
        // The journal can hold thousands of notes: scrubbed on all cores, in the same order.
        let notes = file.journal.sorted { $0.time < $1.time }.map { j in
            let date = DanishTime.date(of: j.time)
            return (when: a.day(date), text: j.text, written: date)
        }
        let scrubbed = a.scrubAll(
            notes.map { (text: $0.text, written: Optional($0.written), location: "Journal, \($0.when)") })
        let journal = zip(notes, scrubbed).map { Entry(when: $0.when, text: $1) }
        let occupation = a.scrub(file.youngPerson.school, location: "Skole/uddannelse/arbejde")
        var seen = Set<String>()
        let toCheck = a.unsure.filter { !$0.isEmpty && seen.insert($0).inserted }
        return AnonymousCase(
            youngPerson: label, age: age, occupation: occupation, network: network, conflicts: conflicts,
            notifications: notifications, examination: examination, planGoals: goals, tools: tools, journal: journal,
            people: a.people,
            dayZero: file.concernReports.isEmpty ? "sagens oprettelse" : "den første underretning",
            replacements: a.replacements, toCheck: toCheck, reminder: reminderText)
    }

    /// Every free text of a case the copy shows, for `Anonymiser.learn`.
    static func freeTexts(_ file: CaseFile) -> [String] {
        var texts: [String] = []
        for p in file.network.people { texts += [p.relation, p.whatIsGood ?? "", p.whatIsHard ?? ""] }
        texts.append(file.network.conflicts ?? "")
        for r in file.concernReports {
            texts += [
                r.situation, r.parentCooperation ?? "", r.attendance ?? "", r.relation ?? "", r.otherInformation ?? "",
                r.youngPersonComments ?? "", r.parentsComments ?? "", r.concernArc?.raiseIf ?? "",
                r.concernArc?.lowerIf ?? "", r.reporter.role ?? "",
            ]
        }
        if let e = file.examination { texts += [e.substanceUse ?? "", e.conclusion?.reasons ?? ""] }
        texts += (file.actionPlans.last?.allGoals ?? []).map(\.text)
        for r in file.toolRecords { texts += ToolText.lines(r) + [r.summary ?? ""] }
        texts += file.journal.map(\.text)
        texts.append(file.youngPerson.school ?? "")
        return texts
    }

    /// The copy as a document (Markdown or HTML).
    public var document: Document {
        var doc = Document(
            title: "Anonymiseret sag til sparring",
            subtitle:
                "Om \(youngPerson). Uden navne, CPR-numre, kontaktoplysninger og sagsnummer. Datoer er skrevet som dage fra \(dayZero) (dag 0)."
        )
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
                    header: [
                        "Person", "Relation", "Arena", "Nærhed", "Forældremyndighed", "Kan støtte", "Godt", "Svært",
                    ],
                    rows: network.map { p in
                        [
                            p.label, p.relation, p.arena, String(p.closeness), p.custodyHolder ? "ja" : "",
                            p.canSupport ? "ja" : "", p.good ?? "", p.hard ?? "",
                        ]
                    }))
            if let conflicts { doc.add(.note("Konflikter: \(conflicts)")) }
        }
        let others = people.filter { p in !network.contains { $0.label == p.label } }
        if !others.isEmpty {
            doc.add(.heading("Andre personer i sagen", level: 2))
            doc.add(.list(others.map { "\($0.label): \($0.role)" }))
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
        doc.add(.heading("Tjek selv disse steder", level: 2))
        if toCheck.isEmpty {
            doc.add(
                .paragraph("Der var intet ord med stort forbogstav i starten af en sætning, som ikke kunne vurderes."))
        } else {
            doc.add(
                .paragraph(
                    "Her står et ord med stort forbogstav i starten af en sætning, som kan være et navn eller et sted. Læs stederne igennem:"
                ))
            doc.add(.list(toCheck))
        }
        doc.add(.note(reminder))
        return doc
    }
}
