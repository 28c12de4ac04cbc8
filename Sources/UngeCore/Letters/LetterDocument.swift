import Foundation

/// A letter as a document (Markdown, A4 HTML) and as archive JSON, its list row, and the journal
/// sentences of saving and sending. Rendering uses only what the letter saved, so a reprint is the
/// same letter.
public enum LetterDocument {
    /// The document of a saved (or draft) letter on case `caseID`.
    public static func build(_ l: Letter, caseID: CaseID, draft: Bool = false) -> Document {
        let c = l.content
        var doc = Document(title: (draft ? "KLADDE – " : "") + c.title, subtitle: c.subtitle)
        doc.letterhead = Document.Letterhead(
            municipality: c.municipality, unit: c.unit, author: c.authorName, authorTitle: c.authorTitle,
            caseID: caseID.rawValue, date: l.date)
        doc.add(.paragraph(c.addressLines.joined(separator: "\n")))
        doc.add(.fields([("Brev", l.id.isEmpty ? "(ikke gemt)" : l.id), ("Dato", l.date.danishLong)]))
        for s in c.sections {
            if let h = s.heading { doc.add(.heading(h, level: 2)) }
            for m in s.missing { doc.add(.note(m)) }
            let split = min(max(s.itemsAfter, 0), s.paragraphs.count)
            for p in s.paragraphs.prefix(split) { doc.add(.paragraph(p)) }
            if !s.items.isEmpty { doc.add(.list(s.items)) }
            for p in s.paragraphs.dropFirst(split) { doc.add(.paragraph(p)) }
        }
        return doc
    }

    /// The letters of a draft composition as one document, one part per recipient.
    public static func buildDraft(_ letters: [Letter], caseID: CaseID) -> Document {
        guard var doc = letters.first.map({ build($0, caseID: caseID, draft: true) }) else {
            return Document(title: "KLADDE")
        }
        for l in letters.dropFirst() {
            let next = build(l, caseID: caseID, draft: true)
            doc.add(.heading("Brev til \(l.recipient.name): " + next.title, level: 2))
            doc.blocks += next.blocks
        }
        return doc
    }

    /// The archive JSON of a letter (`--format json`): recipient, case, decision and legal
    /// references as data, and the content as saved.
    public struct Payload: Encodable, Sendable {
        public let caseID: CaseID
        public let letter: String
        public let kind: LetterKind
        public let date: LocalDate
        public let author: String
        public let recipient: LetterRecipient
        public let decision: DecisionRef?
        public let notification: Int?
        public let hearingDeadline: LocalDate?
        public let hearings: [String]
        public let fullyGranted: Bool
        public let legalReferences: [LetterReference]
        public let content: LetterContent
        public let sending: LetterSending?
        public let earliestAppealEnd: LocalDate?
        public let reply: HearingReply?
    }

    /// The decision a letter tells of, as data.
    public struct DecisionRef: Encodable, Sendable {
        public let id: String
        public let kind: DecisionKind
        public let decisionDate: LocalDate
        public let legalBasis: String
        public let appealRoute: AppealRoute
    }

    public static func payload(_ l: Letter, in file: CaseFile) -> Payload {
        let d = l.decisionID.flatMap { file.decision($0) }
        return Payload(
            caseID: file.id, letter: l.id, kind: l.kind, date: l.date, author: l.author, recipient: l.recipient,
            decision: d.map {
                DecisionRef(
                    id: $0.id, kind: $0.kind, decisionDate: $0.decisionDate,
                    legalBasis: DecisionLaw.citation($0, youngPerson: file.youngPerson),
                    appealRoute: LetterLaw.route($0))
            }, notification: l.reportNumber, hearingDeadline: l.hearingDeadline, hearings: l.hearingIDs,
            fullyGranted: l.fullyGranted, legalReferences: l.content.references, content: l.content, sending: l.sending,
            earliestAppealEnd: l.earliestAppealEnd, reply: l.reply)
    }

    /// The header of `unge brev <sag>`.
    public static let listHeader = ["Id", "Type", "Til", "Dato", "Vedrører", "Sendt", "Klagefrist"]

    public static func listRows(_ file: CaseFile) -> [[String]] {
        file.letters.map { l in
            [
                l.id, l.kind.danish, "\(l.recipient.name) (\(l.recipient.role.danish))", l.date.danishShort,
                about(l), sentText(l), appealText(l),
            ]
        }
    }

    /// "A1", "underretning 1", "svarfrist 12.09.2026 (svar modtaget)".
    static func about(_ l: Letter) -> String {
        switch l.kind {
        case .decision: return l.decisionID ?? "–"
        case .receipt, .feedback: return l.reportNumber.map { "underretning \($0)" } ?? "–"
        case .hearing:
            var s = l.decisionID.map { "\($0), " } ?? ""
            s += "svarfrist " + (l.hearingDeadline?.danishShort ?? "–")
            if let r = l.reply { s += r.text == nil ? " (intet svar)" : " (svar \(r.date.danishShort))" }
            return s
        }
    }

    /// "03.09.2026, Digital Post" or "ikke sendt".
    public static func sentText(_ l: Letter) -> String {
        guard let s = l.sending else { return "ikke sendt" }
        return "\(s.date.danishShort), \(s.channel.danish)"
    }

    /// "tidligst 01.10.2026" (the sending date + 4 weeks) or "–". Never a lapse: the limit runs from
    /// when the recipient was told, which the tool does not know (retssikkerhedsloven § 67 stk. 1).
    public static func appealText(_ l: Letter) -> String {
        l.earliestAppealEnd.map { "tidligst \($0.danishShort)" } ?? "–"
    }

    /// The "Breve" section of `vis`: each letter with its sending, and the conversations before
    /// decisions; empty when the case has neither.
    public static func overviewSection(_ file: CaseFile) -> [Document.Block] {
        guard !file.letters.isEmpty || !file.decisionInterviews.isEmpty else { return [] }
        var out: [Document.Block] = [.heading("Breve", level: 2)]
        if !file.letters.isEmpty { out.append(.table(header: listHeader, rows: listRows(file))) }
        if !file.decisionInterviews.isEmpty {
            out.append(
                .list(
                    file.decisionInterviews.map { iv in
                        "Børnesamtale \(iv.id)\(iv.decisionID.map { " før afgørelse \($0)" } ?? ""): "
                            + (iv.held ? "holdt \(iv.date.danishShort)" : "ikke holdt (\(iv.date.danishShort))")
                    }))
        }
        return out
    }

    /// The decision summary's lines about the conversation with the young person and the letters.
    public static func decisionSection(_ d: Decision, in file: CaseFile) -> [Document.Block] {
        var out: [Document.Block] = []
        let age = file.youngPerson.age(on: d.decisionDate)
        if d.kind.isBarnetsLov, age.map(LegalAge.isMinor) ?? false {
            out.append(.heading("Samtale med den unge", level: 2))
            if let iv = file.decisionInterview(for: d.id) {
                let rule: LegalRuleID = iv.held ? .childInterview : .childInterviewWaived
                out.append(
                    .paragraph(
                        Citing.sentence(
                            iv.statement(addressingYoungPerson: false, name: LetterLaw.firstName(file.youngPerson)),
                            citation: LegalReferences.reference(rule).citation(on: d.decisionDate, age: age))))
            } else {
                out.append(
                    .paragraph(
                        Citing.sentence(
                            "Ikke registreret. Den unges synspunkter skal indhentes ved en samtale, før afgørelsen træffes. Registrér den med 'unge brev \(file.id.rawValue) --type boernesamtale --indsats \(d.id)'",
                            citation: LegalReferences.reference(.childInterview).citation(on: d.decisionDate, age: age))
                    ))
            }
        }
        let letters = file.letters.filter { $0.kind == .decision && $0.decisionID?.lowercased() == d.id.lowercased() }
        if !letters.isEmpty {
            out.append(.heading("Afgørelsesbreve", level: 2))
            out.append(
                .list(
                    letters.map { l in
                        "\(l.id) til \(l.recipient.name) (\(l.recipient.role.danish)): \(sentText(l))"
                            + (l.earliestAppealEnd.map { ", klagefrist tidligst \($0.danishShort)" } ?? "")
                    }))
        }
        return out
    }

    /// The journal sentence when letters are saved.
    public static func savedJournalText(_ letters: [Letter]) -> String {
        guard let first = letters.first else { return "" }
        let list = letters.map { "\($0.id) til \($0.recipient.name)" }.joined(separator: ", ")
        var what = first.kind.danish
        if let d = first.decisionID, first.kind == .decision { what += "sbrev om afgørelse \(d)" }
        if first.kind == .hearing { what += " med svarfrist \(first.hearingDeadline?.danishLong ?? "")" }
        if let n = first.reportNumber { what += " for underretning nr. \(n)" }
        return JournalText.sentence("\(what) skrevet \(first.date.danishLong): \(list)")
    }

    /// The journal sentence when a letter is recorded as sent.
    public static func sentJournalText(_ l: Letter) -> String {
        guard let s = l.sending else { return "" }
        var text =
            "Brev \(l.id) (\(l.kind.danish.lowercased())) til \(l.recipient.name) er sendt \(s.date.danishLong) med \(s.channel.danish)"
        if let e = l.earliestAppealEnd { text += ". Klagefristen udløber tidligst \(e.danishLong)" }
        return JournalText.sentence(text)
    }
}

/// Changes to saved letters: sending, a hearing's reply, and the deadlines they close.
public enum LetterRecords {
    /// Records that letter `id` was sent on `date` by `channel`; a receipt closes its 6-working-day
    /// deadline and an orientation its task. Refused before the letter's own date or twice.
    public static func markSent(
        _ id: String, on file: inout CaseFile, date: LocalDate, channel: SendChannel, by: String, at: Date
    ) throws(LetterInputError) -> Letter {
        guard let i = file.letters.firstIndex(where: { $0.id.lowercased() == id.lowercased() }) else {
            throw unknown(id, file)
        }
        let l = file.letters[i]
        if date < l.date {
            throw LetterInputError(
                "Brev \(l.id) er dateret \(l.date.danishLong) og kan ikke være sendt før (\(date.danishLong)). Ret --dato."
            )
        }
        if let s = l.sending {
            throw LetterInputError("Brev \(l.id) er allerede registreret som sendt \(s.date.danishLong).")
        }
        file.letters[i].sending = LetterSending(date: date, channel: channel, by: by, recorded: at)
        let sent = file.letters[i]
        file.record(.other(LetterDocument.sentJournalText(sent)), at: at, by: by)
        if let n = sent.reportNumber {
            let deadlineID: String? =
                switch sent.kind {
                case .receipt: NotificationDeadlines.receiptID(n)
                case .feedback: NotificationDeadlines.feedbackID(n)
                default: nil
                }
            if let deadlineID, let k = file.deadlines.firstIndex(where: { $0.id == deadlineID }),
                file.deadlines[k].metAt == nil
            {
                file.deadlines[k].metAt = DanishTime.instant(date, hour: 12)
                file.deadlines[k].metBy = by
                file.record(
                    .deadlineMet(file.deadlines[k], outcome: "brev \(sent.id) sendt \(date.danishLong)"), at: at, by: by
                )
            }
        }
        file.updated = at
        return sent
    }

    /// Records that the § 133 notifier of notification `number` is not told, because særlige forhold
    /// apply (barnets lov § 138 stk. 2, 2. pkt.), and closes the orientation task with the reason.
    public static func withholdFeedback(
        _ number: Int, on file: inout CaseFile, reason: String, date: LocalDate, by: String, at: Date
    ) throws(LetterInputError) {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw LetterInputError("Skriv, hvilke særlige forhold der gør sig gældende.") }
        let id = NotificationDeadlines.feedbackID(number)
        guard let k = file.deadlines.firstIndex(where: { $0.id == id }) else {
            throw LetterInputError("Underretning nr. \(number) har ingen opgave om at orientere underretteren.")
        }
        if file.deadlines[k].metAt != nil {
            throw LetterInputError(
                "Opgaven om at orientere underretteren for underretning nr. \(number) er allerede lukket.")
        }
        file.deadlines[k].metAt = DanishTime.instant(date, hour: 12)
        file.deadlines[k].metBy = by
        let cite = LegalReferences.reference(.notifierFeedback).citation(on: date)
        file.record(
            .deadlineMet(
                file.deadlines[k],
                outcome: Citing.inline(
                    "underretteren orienteres ikke, fordi særlige forhold gør sig gældende", citation: cite)
                    + ": " + why),
            at: at, by: by)
        file.updated = at
    }

    /// Records the answer to hearing `id`, or (text nil) that none came.
    public static func recordReply(
        _ id: String, on file: inout CaseFile, date: LocalDate, text: String?, by: String, at: Date
    ) throws(LetterInputError) -> Letter {
        guard let i = file.letters.firstIndex(where: { $0.id.lowercased() == id.lowercased() }) else {
            throw unknown(id, file)
        }
        let l = file.letters[i]
        guard l.kind == .hearing else {
            throw LetterInputError("Brev \(l.id) er ikke en partshøring; kun en partshøring kan få et svar.")
        }
        if date < l.date {
            throw LetterInputError(
                "Svaret (\(date.danishLong)) kan ikke ligge før partshøringen (\(l.date.danishLong)).")
        }
        if let r = l.reply {
            throw LetterInputError("Partshøringen \(l.id) har allerede et svar registreret \(r.date.danishLong).")
        }
        let t = text?.trimmingCharacters(in: .whitespacesAndNewlines)
        if t == nil || t!.isEmpty, let limit = l.hearingDeadline, date <= limit {
            throw LetterInputError(
                "Svarfristen løber til og med \(limit.danishLong). At der ikke kom et svar, kan først registreres efter fristen; et svar skrives med --tekst \"...\"."
            )
        }
        let body = (t?.isEmpty ?? true) ? nil : t
        file.letters[i].reply = HearingReply(date: date, text: body, by: by, recorded: at)
        let s =
            body.map { "Svar på partshøring \(l.id) fra \(l.recipient.name) modtaget \(date.danishLong): \($0)" }
            ?? "Partshøring \(l.id) til \(l.recipient.name): intet svar inden fristen \(l.hearingDeadline?.danishLong ?? "")"
        file.record(.other(s), at: at, by: by)
        file.updated = at
        return file.letters[i]
    }

    public static func unknown(_ id: String, _ file: CaseFile) -> LetterInputError {
        let have = file.letters.map(\.id).joined(separator: ", ")
        return LetterInputError(
            "Sagen \(file.id.rawValue) har intet brev '\(id)'. "
                + (have.isEmpty ? "Sagen har ingen breve endnu." : "Sagens breve: \(have)."))
    }
}
