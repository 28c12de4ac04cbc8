import Foundation

/// The young person's access extract (indsigt, `unge indsigt <sag> --ud MAPPE`): everything the
/// store holds about them in readable Danish, and when their data were read or changed, for what
/// purpose and by which unit or role (databeskyttelsesforordningen art. 15; forvaltningsloven § 9;
/// the Court of Justice in C-579/21).
///
/// What the municipality may choose to withhold is never silently left out: it is printed with a
/// review mark (`⚑ G1`) and explained in a separate review note for the caseworker. Employees' names
/// are not printed by default: they become "medarbejder A", "medarbejder B" (C-579/21), and the
/// review note says who is who. Pure: the audit events come in as `Consultation` values.
public struct AccessExtract: Sendable {
    /// One audit event as the extract needs it.
    public struct Consultation: Sendable, Equatable {
        public var time: Date
        /// The audit action's raw value (`read`, `update`, ...).
        public var action: String
        /// The command that caused it (`vis`, `notat`, ...).
        public var command: String
        /// Who acted (the user name given to unge).
        public var user: String
        /// The case was shown in a list of many (`liste`, `frister`), not opened.
        public var inList: Bool

        public init(time: Date, action: String, command: String, user: String, inList: Bool) {
            self.time = time
            self.action = action
            self.command = command
            self.user = user
            self.inList = inList
        }
    }

    /// A person on the staff: the user name, full name and title from the settings.
    public struct Staff: Sendable, Equatable {
        public var user: String
        public var fullName: String?
        public var title: String?

        public init(user: String, fullName: String?, title: String?) {
            self.user = user
            self.fullName = fullName
            self.title = title
        }
    }

    /// One point for the caseworker to decide before handing the extract over.
    public struct ReviewItem: Codable, Sendable, Equatable {
        /// `G1`, `G2`, ...
        public var id: String
        public var what: String
        public var why: String
        public var law: String
    }

    /// One row of "who read or changed your data".
    public struct ConsultationRow: Codable, Sendable, Equatable {
        public var time: String
        public var what: String
        public var purpose: String
        public var who: String
    }

    /// The JSON form (`indsigt-<sag>.json`).
    public struct Payload: Codable, Sendable, Equatable {
        public var caseID: CaseID
        public var date: LocalDate
        public var sections: [Section]
        public var consultations: [ConsultationRow]
        public var review: [ReviewItem]
    }

    /// A section of the extract in JSON: heading and lines of text.
    public struct Section: Codable, Sendable, Equatable {
        public var heading: String
        public var lines: [String]
    }

    /// The extract to hand over (after review).
    public var document: Document
    /// The note for the caseworker: every review mark, why, and the names behind "medarbejder A".
    public var review: Document
    public var payload: Payload

    /// Builds the extract of `file` on `today`. `staff` gives full names and titles, `unit` the
    /// unit that stands for the case; `drafts` are unfinished drafts (command names) kept for the case.
    public static func build(
        _ file: CaseFile, consultations: [Consultation], staff: [Staff], unit: String?, drafts: [String],
        today: LocalDate, showEmployeeNames: Bool = false
    ) -> AccessExtract {
        var items: [ReviewItem] = []
        func item(_ what: String, _ why: String, _ law: LegalRuleID) -> String {
            let id = "G\(items.count + 1)"
            items.append(
                ReviewItem(
                    id: id, what: what, why: why, law: LegalReferences.reference(law).citation(on: today, age: nil)))
            return id
        }
        // Employees: everyone who wrote in the case or read it, and the caseworker.
        var names: [String] = []
        func addName(_ n: String?) {
            guard let n = n?.trimmingCharacters(in: .whitespaces), n.count >= 2, !names.contains(n) else { return }
            names.append(n)
        }
        addName(file.caseworker)
        for e in file.journal { addName(e.author) }
        for l in file.letters { addName(l.author) }
        for p in file.actionPlans { addName(p.author) }
        for c in consultations { addName(c.user) }
        for d in file.deadlines { addName(d.metBy) }
        var codes: [String: String] = [:]  // name -> "medarbejder A"
        var roleOf: [String: String] = [:]
        for s in staff {
            if let f = s.fullName { roleOf[f] = s.title }
            roleOf[s.user] = s.title
        }
        var staffNames = names
        for s in staff where names.contains(s.user) || names.contains(s.fullName ?? "\u{0}") {
            if let f = s.fullName, !staffNames.contains(f) { staffNames.append(f) }
        }
        // A user name and the full name set for it are one person.
        var letter = 0
        for n in staffNames where codes[n] == nil {
            let code = "medarbejder " + employeeLetter(letter)
            letter += 1
            codes[n] = code
            for s in staff where s.user == n || s.fullName == n {
                codes[s.user] = code
                if let f = s.fullName { codes[f] = code }
            }
        }
        let otherPeople = Set(file.network.people.map(\.name) + [file.youngPerson.name ?? ""])
        let replace = codes.filter { !otherPeople.contains($0.key) && $0.key.count >= 3 }.sorted {
            $0.key.count > $1.key.count
        }
        var employeeItem: String? = nil
        if !showEmployeeNames && !replace.isEmpty {
            employeeItem = item(
                "Medarbejdernes navne er erstattet af 'medarbejder A', 'medarbejder B' osv.",
                "Den unge har ret til at vide, hvornår og hvorfor oplysningerne er slået op, men medarbejdernes navne kun, hvis den unge har brug for dem for at kunne bruge sine rettigheder (fx for at klage over en bestemt medarbejder). Vurdér det, før udtrækket udleveres; navnene står nedenfor.",
                .consultationAccess)
        }
        func redact(_ s: String) -> String {
            guard !showEmployeeNames else { return s }
            var out = s
            for (name, code) in replace where out.contains(name) {
                out = out.replacingOccurrences(of: name, with: code)
            }
            return out
        }

        var doc = Document(title: "Indsigt i dine oplysninger", subtitle: "Sag \(file.id.rawValue)")
        var sections: [Section] = []
        func section(_ heading: String, _ lines: [String], blocks: [Document.Block]? = nil) {
            doc.add(.heading(heading, level: 2))
            if let blocks {
                doc.blocks += blocks
            } else if lines.isEmpty {
                doc.add(.paragraph("Ingen."))
            } else {
                doc.add(.list(lines))
            }
            sections.append(Section(heading: heading, lines: lines))
        }
        let p = file.youngPerson
        doc.add(
            .paragraph(
                "Her er de oplysninger, kommunen har om dig i sagen, og en oversigt over, hvornår de er blevet læst eller ændret, og hvorfor. Du har ret til at få dem efter \(LegalReferences.reference(.dataAccess).citation(on: today, age: nil)) og \(LegalReferences.reference(.fileAccess).citation(on: today, age: nil)). Udtrækket er lavet \(today.danishLong)."
            ))
        // About you.
        var you: [(String, String)] = []
        you.append(("Navn", p.name ?? "Ikke oplyst (anonym sag)"))
        if let cpr = p.cpr { you.append(("CPR-nummer", cpr.formatted)) }
        if let born = p.birthDate { you.append(("Født", born.danishLong)) }
        if let school = p.school { you.append(("Skole/uddannelse", school)) }
        if let c = p.contact {
            if let v = c.phone { you.append(("Telefon", v)) }
            if let v = c.email { you.append(("E-mail", v)) }
            if let v = c.address { you.append(("Adresse", v)) }
        }
        if let cw = file.caseworker {
            you.append(("Sagsbehandler", redact(cw) + (employeeItem.map { " ⚑ \($0)" } ?? "")))
        }
        you.append(("Sagen blev oprettet", DanishTime.format(file.created)))
        if let closed = file.closedDate {
            you.append(("Sagen blev lukket", closed.danishLong + (file.closedReason.map { ": \(redact($0))" } ?? "")))
        }
        section("Oplysninger om dig", you.map { "\($0.0): \($0.1)" }, blocks: [.fields(you)])

        // The network: other people's data.
        if !file.network.people.isEmpty {
            let g = item(
                "Netværket: oplysninger om andre personer (navne, adresser, hvad der er godt og svært).",
                "Oplysninger om andre end den unge kan undtages, hvis hensynet til dem vejer tungere. Som udgangspunkt gives de, når de handler om den unges egen sag.",
                .privateInterests)
            let lines = file.network.people.map { n in
                var s = "\(n.name) (\(n.relation), \(n.arena.danish))"
                if n.custodyHolder { s += ", forældremyndighed" }
                if let v = n.whatIsGood { s += "; godt: \(v)" }
                if let v = n.whatIsHard { s += "; svært: \(v)" }
                if let v = n.address { s += "; adresse: \(v)" }
                return redact(s) + " ⚑ \(g)"
            }
            section("Dit netværk", lines)
        }

        // Notifications: the notifier's identity may be withheld.
        var reportLines: [String] = []
        for r in file.concernReports {
            var s = "Underretning nr. \(r.number), modtaget \(DanishTime.format(r.received))"
            if r.reporter.anonymous {
                s += " fra en anonym underretter"
            } else {
                let g = item(
                    "Hvem der underrettede (underretning nr. \(r.number)): \(r.reporter.name)"
                        + (r.reporter.role.map { ", \($0)" } ?? "") + (r.reporter.organisation.map { ", \($0)" } ?? ""),
                    r.reporter.isProfessional
                        ? "En fagperson, der underretter, handler i sit arbejde og nævnes normalt. Vurdér, om der er særlige grunde til at undtage navnet."
                        : "En privatperson, der underretter, kan have en beskyttelsesværdig interesse i ikke at blive kendt. Vurdér konkret, om navnet skal undtages.",
                    .privateInterests)
                s += " fra \(r.reporter.name)" + (r.reporter.role.map { " (\($0))" } ?? "") + " ⚑ \(g)"
            }
            s += ": " + r.situation
            if let v = r.attendance { s += " Fravær: \(v)" }
            if let v = r.parentCooperation { s += " Samarbejde med forældrene: \(v)" }
            if let v = r.otherInformation { s += " Andet: \(v)" }
            if let v = r.youngPersonComments { s += " Dine bemærkninger: \(v)" }
            reportLines.append(redact(s))
        }
        section("Underretninger", reportLines)

        // Decisions, examination, plans, treatment plans, tools, deadlines.
        var decisions: [String] = []
        for d in file.decisions {
            let age = p.age(on: d.decisionDate)
            let law = LegalReferences.reference(DecisionLaw.basis(d.kind, age: age)).citation(
                on: d.decisionDate, age: age)
            var s = "\(d.id): \(d.kind.danishName) efter \(law), besluttet \(d.decisionDate.danishShort)"
            if !d.purpose.isEmpty { s += ". Formål: \(d.purpose)" }
            if let v = d.provider { s += ". Leverandør: \(v)" }
            s += ". Status: \(d.status(on: today).danish)"
            decisions.append(redact(s))
        }
        section("Afgørelser", decisions)
        // The examination and the plans, as their own documents.
        func embed(_ heading: String, _ sub: Document) {
            doc.add(.heading(heading, level: 2))
            if let st = sub.subtitle { doc.add(.paragraph(redact(st))) }
            for b in sub.blocks { doc.add(mapBlock(b, demote: true, redact)) }
            sections.append(Section(heading: heading, lines: plainLines(sub.blocks).map(redact)))
        }
        if let e = file.examination {
            embed(
                e.kind == .afdaekning ? "Afdækning" : "Børnefaglig undersøgelse",
                ExaminationDocument.build(e, in: file, on: e.completedDate ?? today, showCPR: true))
        }
        for plan in file.actionPlans {
            let sub = PlanDocument.build(plan, in: file, findings: [], showCPR: true)
            embed("\(sub.title), version \(plan.version) af \(plan.date.danishShort)", sub)
        }
        for t in file.treatmentPlans {
            let plan = file.actionPlans.first { $0.version == t.basedOnPlanVersion }
            embed(
                "Behandlingsplan, version \(t.version) af \(t.date.danishShort)",
                TreatmentPlanDocument.build(t, plan: plan, in: file, showCPR: true))
        }
        if file.examination == nil && file.actionPlans.isEmpty && file.treatmentPlans.isEmpty {
            section("Undersøgelse og planer", [])
        }
        section(
            "Dialogredskaber",
            file.toolRecords.sorted { $0.date < $1.date }.map {
                redact(
                    "\(DialogueTool.danishName(ofID: $0.tool)) \($0.date.danishShort)"
                        + ($0.summary.map { ": \($0)" } ?? ""))
            })
        section(
            "Frister i sagen",
            file.deadlines.sorted { $0.dueDate < $1.dueDate }.map {
                "\($0.title): senest \($0.dueDate.danishShort)"
                    + ($0.metAt.map { ", opfyldt \(DanishTime.format($0))" } ?? "")
            })

        // The journal, complete.
        section(
            "Journal",
            CaseOverview.journalInOrder(file.journal).map { redact(CaseOverview.journalLine($0)) })

        // Letters, in full.
        doc.add(.heading("Breve", level: 2))
        if file.letters.isEmpty { doc.add(.paragraph("Ingen.")) }
        var letterLines: [String] = []
        for l in file.letters {
            let letterDoc = LetterDocument.build(l, caseID: file.id)
            doc.add(
                .heading("Brev \(l.id) af \(l.date.danishShort) til \(l.recipient.name): \(letterDoc.title)", level: 3))
            for b in letterDoc.blocks { doc.add(mapBlock(b, demote: true, redact)) }
            letterLines.append("Brev \(l.id) af \(l.date.danishShort) til \(l.recipient.name): \(letterDoc.title)")
        }
        sections.append(Section(heading: "Breve", lines: letterLines))

        // Drafts: internal working documents, marked rather than left out.
        if !drafts.isEmpty {
            let g = item(
                "Ufærdige kladder (\(drafts.joined(separator: ", "))): svar, som en medarbejder er i gang med at skrive.",
                "Interne arbejdsdokumenter er ikke omfattet af aktindsigt, men kan gives. Vurdér, om de skal med; de står ikke i udtrækket.",
                .internalDocuments)
            section("Kladder", ["Der findes ufærdige kladder til: \(drafts.joined(separator: ", ")) ⚑ \(g)"])
        }

        // Who read or changed the data, when and why.
        let rows = consultations.map { c -> ConsultationRow in
            let who = whoText(c.user, codes: showEmployeeNames ? [:] : codes, role: roleOf[c.user], unit: unit)
            return ConsultationRow(
                time: DanishTime.format(c.time), what: actionText(c.action, inList: c.inList),
                purpose: purpose(of: c.command), who: who)
        }
        doc.add(.heading("Hvem har set og ændret dine oplysninger", level: 2))
        doc.add(
            .paragraph(
                "Alle opslag og ændringer i sagen bliver skrevet i en log. Her er de, med tidspunkt, formål og hvem (enhed og stilling)."
                    + (employeeItem.map { " Medarbejdernes navne er ikke med ⚑ \($0)." } ?? "")))
        if rows.isEmpty {
            doc.add(.paragraph("Ingen."))
        } else {
            doc.add(
                .table(
                    header: ["Tidspunkt", "Hvad", "Formål", "Hvem"],
                    rows: rows.map { [$0.time, $0.what, $0.purpose, $0.who] }))
        }
        doc.add(
            .paragraph(
                "Har du spørgsmål til udtrækket, eller mener du, at noget er forkert, så kontakt kommunen. Du kan bede om at få forkerte oplysninger rettet."
            ))

        // The review note for the caseworker.
        var review = Document(
            title: "Gennemgang før udlevering", subtitle: "Indsigtsudtræk for sag \(file.id.rawValue) – udleveres IKKE")
        review.add(
            .paragraph(
                "Udtrækket viser alt, hvad lageret har om den unge. Det, loven giver kommunen lov til at undtage, er ikke udeladt, men markeret med ⚑ og et nummer. Tag stilling til hvert punkt, før udtrækket udleveres."
            ))
        if items.isEmpty { review.add(.paragraph("Der er intet at tage stilling til.")) }
        for i in items {
            review.add(.heading("\(i.id): \(i.what)", level: 2))
            review.add(.paragraph(i.why))
            review.add(.fields([("Lovgrundlag", i.law)]))
        }
        if employeeItem != nil {
            let key = Dictionary(grouping: codes.keys.sorted(), by: { codes[$0]! }).sorted { $0.key < $1.key }
            review.add(.heading("Medarbejderne i udtrækket", level: 2))
            review.add(.list(key.map { "\($0.key): \($0.value.joined(separator: " / "))" }))
        }
        let payload = Payload(caseID: file.id, date: today, sections: sections, consultations: rows, review: items)
        return AccessExtract(document: doc, review: review, payload: payload)
    }

    /// "A", "B", ... "Z", "AA", ...
    static func employeeLetter(_ n: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return n < 26 ? String(letters[n]) : employeeLetter(n / 26 - 1) + String(letters[n % 26])
    }

    static func whoText(_ user: String, codes: [String: String], role: String?, unit: String?) -> String {
        var parts: [String] = []
        parts.append(role ?? "medarbejder")
        if let unit { parts.append(unit) }
        let person = codes[user] ?? user
        return parts.joined(separator: ", ") + " (\(person))"
    }

    static func actionText(_ action: String, inList: Bool) -> String {
        if inList { return "vist i en oversigt over sager" }
        switch action {
        case "read": return "læst"
        case "search": return "vist i en søgning"
        case "create": return "oprettet"
        case "update": return "ændret"
        case "export": return "udskrevet eller udtrukket"
        case "delete": return "slettet"
        case "revealCPR": return "fuldt CPR-nummer vist"
        case "draftSaved": return "kladde gemt"
        case "draftDeleted": return "kladde fjernet"
        case "refused": return "adgang nægtet"
        default: return action
        }
    }

    /// What a command is used for, in the words a young person understands.
    public static func purpose(of command: String) -> String {
        switch command {
        case "vis": return "Sagsbehandling: sagen blev læst"
        case "liste", "frister", "find": return "Overblik over sager og frister"
        case "notat": return "Et notat i journalen"
        case "ny": return "Sagen blev oprettet"
        case "underret": return "En underretning blev modtaget og vurderet"
        case "undersoeg": return "Undersøgelse af din situation"
        case "plan": return "Plan for hjælpen til dig"
        case "behandlingsplan": return "Plan for behandlingen"
        case "indsats": return "Afgørelse om hjælp"
        case "brev": return "Et brev til dig eller din familie"
        case "netvaerk": return "Dit netværk"
        case "vaerktoej": return "En samtale med et dialogredskab"
        case "luk", "genaabn": return "Sagen blev lukket eller genåbnet"
        case "rediger": return "Rettelse af oplysninger i sagen"
        case "identificer": return "Anonym sag fik navn og CPR-nummer"
        case "eksport": return "Kopi af sagen (anonym til sparring, eller til arkivet)"
        case "log": return "Kontrol af loggen"
        case "statistik": return "Statistik uden navne og CPR-numre"
        case "indberet": return "Indberetning til Danmarks Statistik eller Stofmisbrugsdatabasen"
        case "indsigt": return "Dette indsigtsudtræk til dig"
        case "overdrag": return "Sagen fik en ny sagsbehandler"
        case "saml": return "To sager om dig blev lagt sammen"
        case "check", "tjek": return "Tjekliste i sagsbehandlingen"
        case "demo", "lager": return "Teknisk vedligeholdelse"
        case "slet": return "Sletning efter kommunens regler for opbevaring"
        default: return "Sagsbehandling"
        }
    }

    /// The text lines of blocks, for the JSON form.
    static func plainLines(_ blocks: [Document.Block]) -> [String] {
        blocks.flatMap { b -> [String] in
            switch b {
            case .heading(let t, _), .paragraph(let t), .missing(let t), .note(let t): return [t]
            case .list(let items): return items
            case .fields(let pairs): return pairs.map { "\($0.0): \($0.1)" }
            case .table(let h, let rows):
                return rows.map { zip(h, $0).map { "\($0.0): \($0.1)" }.joined(separator: "; ") }
            case .figure: return []
            case .change(let label, let segments): return [label + ": " + segments.map(\.text).joined()]
            }
        }
    }

    /// A block with every text passed through `f`; with `demote`, headings one level lower.
    static func mapBlock(_ b: Document.Block, demote: Bool, _ f: (String) -> String) -> Document.Block {
        switch b {
        case .heading(let t, let l): return .heading(f(t), level: demote ? min(l + 2, 4) : l)
        case .paragraph(let t): return .paragraph(f(t))
        case .list(let items): return .list(items.map(f))
        case .fields(let pairs): return .fields(pairs.map { ($0.0, f($0.1)) })
        case .table(let h, let rows): return .table(header: h, rows: rows.map { $0.map(f) })
        case .missing(let t): return .missing(f(t))
        case .note(let t): return .note(f(t))
        case .figure(let svg, let caption): return .figure(svg: svg, caption: f(caption))
        case .change(let label, let segments):
            return .change(
                label: f(label), segments: segments.map { TextSegment(f($0.text), $0.mark) })
        }
    }
}
