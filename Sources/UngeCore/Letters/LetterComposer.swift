import Foundation

/// What the composer needs besides the case: the letterhead and the municipality's statements, as
/// they are on the day the letter is written (they are copied into the letter when it is saved).
public struct LetterContext: Sendable, Equatable {
    public var municipality: String?
    public var unit: String?
    public var authorName: String?
    public var authorTitle: String?
    public var settings: LetterSettings

    public init(
        municipality: String? = nil, unit: String? = nil, authorName: String? = nil, authorTitle: String? = nil,
        settings: LetterSettings = LetterSettings()
    ) {
        self.municipality = municipality
        self.unit = unit
        self.authorName = authorName
        self.authorTitle = authorTitle
        self.settings = settings
    }
}

/// The letters the answers give (one per recipient), each with the content it would be saved with,
/// and the findings: required contents that are missing (shown as "MANGLER" in a draft, refusing a
/// final letter).
public struct ComposedLetters: Sendable, Equatable {
    public var letters: [Letter]
    public var findings: [Finding]
}

/// Bad input that no draft can show: a decision that does not exist, a hearing without facts or
/// time limit, a receipt for an anonymous notifier. The CLI answers with exit 2 and saves nothing.
public struct LetterInputError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(_ message: String) { self.message = message }
}

/// Writes letters from a case and answers. Pure: the date, author and settings are passed in.
public enum LetterComposer {
    /// Rule-id prefix of findings about content the letter must carry.
    public static let missingPrefix = "brev.mangler."

    public static func compose(
        _ a: LetterAnswers, in file: CaseFile, context: LetterContext, today: LocalDate, author: String,
        recorded: Date
    ) throws(LetterInputError) -> ComposedLetters {
        guard let kind = LetterKind.parse(a.kind) else {
            throw LetterInputError(
                "Ukendt brevtype '\(a.kind)'. Vælg afgoerelse, partshoering, kvittering, orientering (eller boernesamtale)."
            )
        }
        let date = a.date ?? today
        var c = Composer(file: file, context: context, date: date, author: author, recorded: recorded)
        switch kind {
        case .decision: try c.decisionLetters(a)
        case .hearing: try c.hearingLetters(a)
        case .receipt: try c.notifierLetter(a, kind: .receipt)
        case .feedback: try c.notifierLetter(a, kind: .feedback)
        }
        // Number the letters B1, B2 ... after the case's existing ones.
        var n = (file.letters.compactMap { Int($0.id.dropFirst()) }.max() ?? 0)
        for i in c.letters.indices {
            n += 1
            c.letters[i].id = "B\(n)"
        }
        return ComposedLetters(letters: c.letters, findings: c.findings)
    }
}

/// The working state of one composition.
private struct Composer {
    let file: CaseFile
    let context: LetterContext
    let date: LocalDate
    let author: String
    let recorded: Date
    var letters: [Letter] = []
    var findings: [Finding] = []

    init(file: CaseFile, context: LetterContext, date: LocalDate, author: String, recorded: Date) {
        self.file = file
        self.context = context
        self.date = date
        self.author = author
        self.recorded = recorded
    }

    var age: Int? { file.youngPerson.age(on: date) }

    func cite(_ id: LegalRuleID, on day: LocalDate? = nil) -> String {
        LegalReferences.reference(id).citation(on: day ?? date, age: age)
    }

    /// "barnets lov § 32" from "barnets lov § 32 (tidl. serviceloven § 52)": the paragraph itself.
    func paragraph(_ id: LegalRuleID, on day: LocalDate? = nil) -> String {
        LegalReferences.reference(id).paragraph(on: day ?? date, age: age)
    }

    mutating func need(_ key: String, _ message: String, _ rule: LegalRuleID?, severity: Severity = .error) {
        let id = LetterComposer.missingPrefix + key
        guard !findings.contains(where: { $0.ruleID == id && $0.message == message }) else { return }
        if let rule {
            findings.append(Finding.make(id, severity, message, legal: rule, on: date, age: age))
        } else {
            findings.append(Finding(ruleID: id, severity: severity, message: message))
        }
    }

    func blank(_ s: String?) -> Bool { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    func addressLines(_ r: LetterRecipient) -> [String] {
        [r.name] + (r.address ?? "").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    mutating func checkAddress(_ r: LetterRecipient, _ sections: inout [LetterSection]) {
        guard !r.hasAddress else { return }
        sections.insert(LetterSection(missing: ["MANGLER ADRESSE på \(r.name) (\(r.role.danish))"]), at: 0)
        need(
            "adresse",
            "\(r.name) (\(r.role.danish)) har ingen adresse på sagen. Tilføj den (fx 'unge netvaerk \(file.id.rawValue)' eller 'unge rediger \(file.id.rawValue)'), før brevet kan gemmes.",
            nil)
    }

    func content(
        title: String, subtitle: String?, recipient: LetterRecipient, sections: [LetterSection],
        references: [LegalRuleID], hasAppeal: Bool = false
    ) -> LetterContent {
        var refs: [LetterReference] = []
        for id in references where !refs.contains(where: { $0.id == id.rawValue }) {
            refs.append(LetterReference(id: id.rawValue, citation: cite(id)))
        }
        var all = sections
        all.append(closing())
        return LetterContent(
            title: title, subtitle: subtitle, addressLines: addressLines(recipient), sections: all, references: refs,
            municipality: context.municipality, unit: context.unit, authorName: context.authorName ?? author,
            authorTitle: context.authorTitle, hasAppeal: hasAppeal)
    }

    func closing() -> LetterSection {
        var lines = ["Venlig hilsen", context.authorName ?? author]
        if let t = context.authorTitle, !t.isEmpty { lines.append(t) }
        if let u = context.unit, !u.isEmpty { lines.append(u) }
        if let m = context.municipality, !m.isEmpty { lines.append(m) }
        return LetterSection(paragraphs: [lines.joined(separator: "\n")])
    }

    // MARK: Decision letters

    mutating func decisionLetters(_ a: LetterAnswers) throws(LetterInputError) {
        guard let did = a.decision, !did.isEmpty else {
            throw LetterInputError("Angiv afgørelsen, brevet handler om, med --indsats ID (fx --indsats A1).")
        }
        guard let d = file.decision(did) else {
            let have = file.decisions.map(\.id).joined(separator: ", ")
            throw LetterInputError(
                "Sagen \(file.id.rawValue) har ingen afgørelse '\(did)'. "
                    + (have.isEmpty ? "Sagen har ingen afgørelser endnu." : "Sagens afgørelser: \(have)."))
        }
        if date < d.decisionDate {
            throw LetterInputError(
                "Brevets dato (\(date.danishLong)) ligger før afgørelsen (\(d.decisionDate.danishLong)). Ret --dato.")
        }
        let recipients = LetterLaw.recipients(in: file, decision: d, on: d.decisionDate)
        if recipients.isEmpty {
            throw LetterInputError(
                "Afgørelsen har ingen modtagere: den unge er ikke part, og sagen har ingen forældremyndighedsindehavere på netværkskortet. Tilføj dem med 'unge netvaerk \(file.id.rawValue) --tilfoej NAVN --foraeldremyndighed'."
            )
        }
        let granted = Set((a.fullyGranted ?? []).map { $0.lowercased().trimmingCharacters(in: .whitespaces) })
        for g in granted {
            let known = recipients.contains {
                $0.name.lowercased() == g || ($0.role == .youngPerson && ["ung", "unge", "den unge"].contains(g))
            }
            if !known {
                throw LetterInputError(
                    "'\(g)' er ikke modtager af afgørelsen. Modtagerne er: \(recipients.map(\.name).joined(separator: ", ")). Skriv 'ung' for den unge."
                )
            }
        }
        let hearings = hearingsFor(d, a)
        for r in recipients {
            let isGranted =
                granted.contains(r.name.lowercased())
                || (r.role == .youngPerson && !granted.isDisjoint(with: ["ung", "unge", "den unge"]))
            letters.append(decisionLetter(d, to: r, fullyGranted: isGranted, answers: a, hearings: hearings))
        }
    }

    func hearingsFor(_ d: Decision, _ a: LetterAnswers) -> [Letter] {
        if let ids = a.hearings {
            return ids.compactMap { file.letter($0) }.filter { $0.kind == .hearing }
        }
        return file.letters.filter {
            $0.kind == .hearing && $0.date <= d.decisionDate
                && ($0.decisionID == nil || $0.decisionID?.lowercased() == d.id.lowercased())
        }
    }

    mutating func decisionLetter(
        _ d: Decision, to r: LetterRecipient, fullyGranted: Bool, answers a: LetterAnswers, hearings: [Letter]
    ) -> Letter {
        let yp = file.youngPerson
        let you = r.role == .youngPerson
        let first = LetterLaw.firstName(yp)
        let dAge = yp.age(on: d.decisionDate)
        let basisRule = DecisionLaw.basis(d.kind, age: dAge)
        let basis = DecisionLaw.citation(d, youngPerson: yp)
        let committee = LetterLaw.route(d) == .committee
        var refs: [LegalRuleID] = [basisRule]
        var sections: [LetterSection] = []

        // The decision in plain Danish.
        var what = LetterSection(heading: "Afgørelsen")
        let who = committee ? "Børne- og ungeudvalget" : "Kommunen"
        let forWhom = you ? "dig" : first
        what.paragraphs.append(
            "\(who) har \(d.decisionDate.danishLong) truffet en afgørelse om \(forWhom): \(d.kind.danishName.lowercasedFirst)."
        )
        if let g = d.placementGround {
            what.paragraphs.append("Grundlaget er barnets lov § 47, \(g.danish).")
        }
        let needsPurpose = d.kind.isSupportMeasure || d.kind.isPlacement || d.kind.isMinorTreatment
        if !blank(d.purpose) {
            what.paragraphs.append("Formålet er: " + JournalText.sentence(d.purpose))
        } else if needsPurpose {
            let rule: LegalRuleID =
                d.kind.isMinorTreatment
                ? .treatmentDecisionContent
                : (d.kind == .placementWithoutConsent
                    ? .placementWithoutConsent : (d.kind == .placementWithConsent ? .placementWithConsent : .measures))
            what.missing.append("MANGLER FORMÅL – \(cite(rule, on: d.decisionDate))")
            need(
                "formaal", "Afgørelsen skal angive formålet. Registrér det på afgørelsen \(d.id).", rule)
        }
        let duration =
            d.expectedDuration.flatMap { blank($0) ? nil : $0 } ?? d.expectedEnd.map { "til \($0.danishLong)" }
        if let duration {
            what.paragraphs.append("Vi forventer, at hjælpen varer \(duration).")
        } else if d.kind.isSupportMeasure || d.kind.isPlacement {
            let rule: LegalRuleID =
                d.kind.isPlacement ? (committee ? .placementWithoutConsent : .placementWithConsent) : .measures
            what.missing.append("MANGLER FORVENTET VARIGHED – \(cite(rule, on: d.decisionDate))")
            need(
                "varighed", "Afgørelsen skal angive den forventede varighed. Registrér den på afgørelsen \(d.id).", rule
            )
        }
        if let s = d.start { what.paragraphs.append("Hjælpen begynder \(s.danishLong).") }
        if let p = d.provider, !blank(p) {
            what.paragraphs.append("\(p) står for hjælpen.")
        } else if d.kind.isMinorTreatment {
            what.missing.append(
                "MANGLER DEN KONKRETE INDSATS: hvor og hvordan behandlingen foregår – \(cite(.treatmentDecisionContent))"
            )
            need(
                "konkret-indsats",
                "En afgørelse om stofmisbrugsbehandling skal oplyse om den konkrete indsats. Registrér behandlingsstedet på afgørelsen \(d.id) (--leverandoer).",
                .treatmentDecisionContent)
        }
        if d.kind.isMinorTreatment { refs.append(.treatmentDecisionContent) }
        sections.append(what)

        // Børne- og ungeudvalget: the judge's view (§ 142 stk. 5).
        if committee && d.decisionDate >= LegalReferences.barnetsLovEffective {
            var judge = LetterSection(heading: "Dommerens opfattelse")
            if a.judgeAgreed == true {
                judge.paragraphs.append("Dommeren i børne- og ungeudvalget var enig i afgørelsen.")
            } else if a.judgeAgreed == false, !blank(a.judgeDissent) {
                judge.paragraphs.append(
                    "Dommeren i børne- og ungeudvalget var ikke enig i afgørelsen. Dommeren mente: "
                        + JournalText.sentence(a.judgeDissent!))
                judge.paragraphs.append(
                    "Det skal stå i brevet, når dommeren er uenig (\(paragraph(.committeeDissent)))."
                )
            } else {
                judge.missing.append("MANGLER DOMMERENS OPFATTELSE: var dommeren enig? – \(cite(.committeeDissent))")
                need(
                    "dommer",
                    "Skriv, om dommeren i børne- og ungeudvalget var enig (--dommer-enig), og ellers dommerens afvigende opfattelse (--dommer-uenig \"...\").",
                    .committeeDissent)
            }
            refs.append(.committeeDissent)
            sections.append(judge)
        }

        // The legal basis, named in full once.
        var law = LetterSection(heading: "Hvilken lov bygger afgørelsen på?")
        law.paragraphs.append("Afgørelsen er truffet efter \(basis).")
        sections.append(law)

        // Consent and its withdrawal, where the basis needs consent.
        if let consent = consentSection(d, you: you, first: first) { sections.append(consent) }

        // The børnesamtale (barnets lov § 5 stk. 3-4) for decisions about a young person under 18.
        if d.kind.isBarnetsLov, dAge.map(LegalAge.isMinor) ?? false {
            var talk = LetterSection(heading: you ? "Samtalen med dig" : "Samtalen med \(first)")
            if let iv = file.decisionInterview(for: d.id) {
                talk.paragraphs.append(iv.statement(addressingYoungPerson: you, name: first))
                refs.append(iv.held ? .childInterview : .childInterviewWaived)
            } else {
                talk.missing.append("MANGLER BØRNESAMTALE – \(cite(.childInterview, on: d.decisionDate))")
                need(
                    "boernesamtale",
                    "Registrér samtalen med den unge før afgørelsen: 'unge brev \(file.id.rawValue) --type boernesamtale --indsats \(d.id) --dato ÅÅÅÅ-MM-DD --holdning \"...\"'.",
                    .childInterview)
                refs.append(.childInterview)
            }
            sections.append(talk)
        }

        // The hearings it rests on.
        if !hearings.isEmpty {
            var h = LetterSection(heading: "Partshøring")
            h.paragraphs.append("Før afgørelsen fik I mulighed for at komme med bemærkninger:")
            h.items = hearings.map { l in
                var s = "Brev \(l.id) af \(l.date.danishLong) til \(l.recipient.name)"
                if let reply = l.reply {
                    s += reply.text.map { _ in ": svar modtaget \(reply.date.danishLong)" } ?? ": intet svar"
                }
                return s + "."
            }
            refs.append(.partyHearing)
            sections.append(h)
        }

        // Reasons and appeal guidance, unless this recipient got everything asked for.
        let route = LetterLaw.route(d)
        var hasAppeal = false
        if fullyGranted {
            sections.append(
                LetterSection(
                    heading: "Begrundelse og klagevejledning",
                    paragraphs: [
                        "Afgørelsen giver \(you ? "dig" : "dig som forældremyndighedsindehaver") det, du har bedt om. Derfor er der ingen begrundelse og ingen klagevejledning i dette brev (forvaltningsloven §§ 22 og 25). Du kan altid spørge os, hvorfor afgørelsen blev, som den blev."
                    ]))
            refs += [.decisionReasons, .appealGuidance]
        } else {
            var why = LetterSection(heading: "Begrundelse")
            why.paragraphs.append("Afgørelsen bygger på reglerne i \(paragraph(basisRule, on: d.decisionDate)).")
            if !blank(a.considerations) {
                why.paragraphs.append("Vi har lagt vægt på: " + JournalText.sentence(a.considerations!))
            } else {
                why.missing.append("MANGLER BEGRUNDELSE: de hovedhensyn, der var afgørende – \(cite(.reasonsContent))")
                need(
                    "begrundelse",
                    "Begrundelsen mangler: skriv de hovedhensyn, der var afgørende for afgørelsen (--begrundelse \"...\"). Den skrives aldrig af unge selv.",
                    .reasonsContent)
            }
            if !blank(a.facts) {
                why.paragraphs.append("Disse oplysninger har haft stor betydning: " + JournalText.sentence(a.facts!))
            }
            refs += [.decisionReasons, .reasonsContent]
            sections.append(why)
            let appeal = appealSection(d, route: route, you: you)
            sections.append(appeal.section)
            refs += appeal.refs
            hasAppeal = appeal.hasAppeal
        }

        sections.append(
            LetterSection(
                heading: "Du kan se papirerne i sagen",
                paragraphs: [
                    "Du har ret til at se de papirer, afgørelsen bygger på (aktindsigt, forvaltningsloven § 9). Kontakt os, hvis du vil se dem."
                ]))
        refs.append(.fileAccess)
        var letterSections = sections
        checkAddress(r, &letterSections)
        let c = content(
            title: "Afgørelse om \(d.kind.danishName.lowercasedFirst)", subtitle: basis, recipient: r,
            sections: letterSections, references: refs, hasAppeal: hasAppeal)
        return Letter(
            id: "", kind: .decision, date: date, author: author, recorded: recorded, recipient: r, content: c,
            decisionID: d.id, hearingIDs: hearings.map(\.id), fullyGranted: fullyGranted)
    }

    func consentSection(_ d: Decision, you: Bool, first: String) -> LetterSection? {
        let needsConsent =
            d.kind.isSupportMeasure || d.kind.isMinorTreatment || d.kind == .placementWithConsent
            || d.kind.isYouthSupport || d.kind == .handbookMeasure || d.kind == .handbookAftercare
            || (d.kind == .placementWithoutConsent && d.placementGround == .ownRequest)
        guard needsConsent else { return nil }
        var s = LetterSection(heading: "Samtykke")
        let given = d.consents.filter(\.given)
        if given.isEmpty {
            s.paragraphs.append("Hjælpen kræver samtykke. Der er ikke registreret et samtykke endnu.")
        } else {
            s.paragraphs.append("Hjælpen bygger på samtykke fra:")
            s.items = given.map { c in
                let who = c.giver == .youngPerson ? (you ? "dig" : first) : (c.name ?? "forældremyndighedsindehaveren")
                return "\(who), givet \(c.date.danishLong)"
            }
        }
        s.paragraphs.append(
            "Et samtykke kan trækkes tilbage. Sker det, har kommunen ikke længere grundlag for hjælpen efter denne regel. Så ser vi på sagen igen og tager stilling til, hvad der skal ske."
        )
        return s
    }

    mutating func appealSection(_ d: Decision, route: AppealRoute, you: Bool) -> (
        section: LetterSection, refs: [LegalRuleID], hasAppeal: Bool
    ) {
        var s = LetterSection(heading: "Klagevejledning")
        var refs: [LegalRuleID] = [.appealGuidance]
        let bl = d.decisionDate >= LegalReferences.barnetsLovEffective
        let appellants = LetterLaw.appellants(d, in: file)
        func who() {
            guard !appellants.isEmpty else { return }
            s.paragraphs.append(
                appellants.count == 1 && you
                    ? "Du kan klage over afgørelsen." : "Disse personer kan klage over afgørelsen:")
            if !(appellants.count == 1 && you) {
                s.items = appellants.map { p in
                    var t = "\(p.name) (\(p.role.danish))"
                    if let b = p.because { t += ", \(b)" }
                    if let rule = p.rule { t += " (\(paragraph(rule, on: d.decisionDate)))" }
                    return t
                }
            }
        }
        switch route {
        case .municipality:
            who()
            let to = context.settings.complaintAddress ?? context.municipality ?? "kommunen"
            s.paragraphs.append("Send klagen til kommunen: \(to).")
            s.paragraphs.append(
                "Kommunen ser på sagen igen. Hvis kommunen ikke giver dig ret, sender kommunen klagen videre til Ankestyrelsen sammen med begrundelsen (retssikkerhedsloven § 66)."
            )
            s.paragraphs.append(
                "Du skal klage senest \(LegalPeriod.appealWeeks) uger efter, at du har fået besked om afgørelsen (retssikkerhedsloven § 67, stk. 1)."
            )
            refs += [.appealReconsideration, .appealTimeLimit]
            if appellants.contains(where: { $0.rule == .appealYoungPerson }) { refs.append(.appealYoungPerson) }
            return (s, refs, true)
        case .committee:
            who()
            let committeePara = paragraph(.appealCommittee, on: d.decisionDate)
            if bl {
                s.paragraphs.append(
                    "Loven siger: »Afgørelser truffet af børne- og ungeudvalget, jf. § 142, kan indbringes for Ankestyrelsen, inden 4 uger efter at klageren har fået meddelelse om afgørelsen.« (\(committeePara), stk. 1)"
                )
            } else {
                s.paragraphs.append(
                    "Loven siger: »Afgørelser truffet af børn og unge-udvalget, jf. § 74, kan indbringes for Ankestyrelsen inden 4 uger efter, at klageren har fået meddelelse om afgørelsen.« (\(committeePara), stk. 1)"
                )
            }
            let to = context.settings.committeeComplaintAddress ?? "Ankestyrelsen"
            s.paragraphs.append("Du klager altså til Ankestyrelsen. Send klagen til: \(to).")
            s.paragraphs.append(
                "Er du uenig i Ankestyrelsens afgørelse, kan du bede om, at sagen kommer for retten. Det skal du gøre senest \(LegalPeriod.appealWeeks) uger efter, at du har fået besked om Ankestyrelsens afgørelse (\(paragraph(.appealCourt, on: d.decisionDate)))."
            )
            refs += [.appealCommittee, .appealCourt]
            return (s, refs, true)
        case .none:
            s.paragraphs.append(
                "Du kan ikke klage over afgørelsen til en anden myndighed. Loven siger: »Afgørelser om behandling efter stk. 4 og 5 kan ikke indbringes for anden administrativ myndighed.« (serviceloven § 101 a, stk. 6)"
            )
            s.paragraphs.append("Du er velkommen til at kontakte os, hvis du er uenig i afgørelsen.")
            refs = [.anonymousTreatmentNoAppeal]
            return (s, refs, false)
        case .unknown:
            if let stated = context.settings.statedRoutes[d.kind.token], !blank(stated) {
                s.paragraphs.append(stated)
                return (s, refs, true)
            }
            s.missing.append(
                "MANGLER KLAGEVEJ: vores kilder siger ikke, hvor man klager over \(d.kind.danishName.lowercasedFirst). Kommunen skal angive den i indstillingerne."
            )
            need(
                "klagevej",
                "Klagevejen for \(d.kind.danishName.lowercasedFirst) står ikke i unges kilder. Angiv den med 'unge indstillinger --klagevej \(d.kind.token)=\"...\"', før brevet kan gemmes.",
                .appealGuidance)
            return (s, refs, false)
        }
    }

    // MARK: Hearings

    mutating func hearingLetters(_ a: LetterAnswers) throws(LetterInputError) {
        var problems: [String] = []
        if blank(a.facts) {
            problems.append(
                "de oplysninger, parten skal høres over (--oplysninger \"...\"): dem, der er til ugunst for parten og har væsentlig betydning"
            )
        }
        if a.deadline == nil { problems.append("en svarfrist (--svarfrist ÅÅÅÅ-MM-DD)") }
        if !problems.isEmpty {
            throw LetterInputError("En partshøring skal have " + problems.joined(separator: " og ") + ".")
        }
        guard let deadline = a.deadline, deadline > date else {
            throw LetterInputError(
                "Svarfristen (\(a.deadline?.danishLong ?? "")) skal ligge efter brevets dato (\(date.danishLong)).")
        }
        var decision: Decision? = nil
        if let did = a.decision, !did.isEmpty {
            guard let d = file.decision(did) else {
                throw LetterInputError("Sagen \(file.id.rawValue) har ingen afgørelse '\(did)'.")
            }
            decision = d
        }
        if decision == nil, blank(a.consideredDecision) {
            throw LetterInputError("Skriv, hvilken afgørelse kommunen overvejer (--overvejer \"...\").")
        }
        let recipients = LetterLaw.recipients(in: file, decision: decision, on: date)
        if recipients.isEmpty {
            throw LetterInputError(
                "Partshøringen har ingen modtagere: den unge er ikke part, og sagen har ingen forældremyndighedsindehavere."
            )
        }
        let first = LetterLaw.firstName(file.youngPerson)
        for r in recipients {
            let you = r.role == .youngPerson
            var sections: [LetterSection] = []
            let considered =
                blank(a.consideredDecision)
                ? "en afgørelse om \(decision!.kind.danishName.lowercasedFirst)" : a.consideredDecision!
            sections.append(
                LetterSection(
                    heading: "Hvad overvejer vi?",
                    paragraphs: [
                        "Vi overvejer at træffe en afgørelse \(you ? "om dig" : "om \(first)"): "
                            + JournalText.sentence(considered)
                    ]))
            sections.append(
                LetterSection(
                    heading: "Oplysninger, du skal kende",
                    paragraphs: [
                        "Vi har oplysninger, som har stor betydning for afgørelsen, og som kan tale imod det, du ønsker. Du skal have mulighed for at sige noget til dem, før vi træffer afgørelsen (forvaltningsloven § 19).",
                        JournalText.sentence(a.facts!),
                    ]))
            sections.append(
                LetterSection(
                    heading: "Svarfrist",
                    paragraphs: [
                        "Du kan sende dine bemærkninger til os senest \(deadline.danishLong). Du kan skrive eller ringe til os.",
                        "Hører vi ikke fra dig inden da, træffer vi afgørelsen ud fra de oplysninger, vi har.",
                    ]))
            checkAddress(r, &sections)
            let c = content(
                title: "Partshøring før en afgørelse", subtitle: cite(.partyHearing), recipient: r, sections: sections,
                references: [.partyHearing])
            letters.append(
                Letter(
                    id: "", kind: .hearing, date: date, author: author, recorded: recorded, recipient: r, content: c,
                    decisionID: decision?.id, hearingDeadline: deadline))
        }
    }

    // MARK: Receipt and orientation to a notifier

    mutating func notifierLetter(_ a: LetterAnswers, kind: LetterKind) throws(LetterInputError) {
        let n = a.notification ?? (file.concernReports.count == 1 ? file.concernReports[0].number : nil)
        guard let n else {
            let have = file.concernReports.map { String($0.number) }.joined(separator: ", ")
            throw LetterInputError(
                "Angiv underretningen med --underretning NR"
                    + (have.isEmpty ? "; sagen har ingen underretninger." : " (sagens underretninger: \(have))."))
        }
        guard let report = file.concernReports.first(where: { $0.number == n }) else {
            throw LetterInputError("Sagen \(file.id.rawValue) har ingen underretning nr. \(n).")
        }
        guard let r = LetterLaw.notifier(of: report) else {
            throw LetterInputError(
                "Underretning nr. \(n) er anonym. En anonym underretter kan ikke få \(kind == .receipt ? "en kvittering" : "en orientering")."
            )
        }
        let received = DanishTime.date(of: report.received)
        if date < received {
            throw LetterInputError(
                "Brevets dato (\(date.danishLong)) ligger før underretningen blev modtaget (\(received.danishLong)).")
        }
        let name = file.youngPerson.displayName
        var sections: [LetterSection] = []
        let contact = [context.authorName ?? author, context.authorTitle].compactMap { $0 }.filter { !$0.isEmpty }
            .joined(separator: ", ")
        if kind == .receipt {
            sections.append(
                LetterSection(paragraphs: [
                    "Tak for din underretning om \(name). Vi modtog den \(received.danishLong).",
                    "Vi skal bekræfte over for alle, der underretter, at vi har modtaget underretningen, senest \(LegalPeriod.receiptWorkingDays) hverdage efter at vi fik den. Det står i \(cite(.receipt, on: received)).",
                    "Har du spørgsmål, eller får du nye oplysninger, så kontakt \(contact)"
                        + (context.unit.map { ", \($0)" } ?? "") + ".",
                ]))
            checkAddress(r, &sections)
            let c = content(
                title: "Kvittering for din underretning", subtitle: cite(.receipt, on: received), recipient: r,
                sections: sections, references: [.receipt])
            letters.append(
                Letter(
                    id: "", kind: .receipt, date: date, author: author, recorded: recorded, recipient: r, content: c,
                    reportNumber: n))
            return
        }
        guard report.reporter.isProfessional else {
            throw LetterInputError(
                "Underretning nr. \(n) kommer fra en borger. Orienteringen gælder kun fagpersoner, der har underrettet efter \(paragraph(.heightenedDuty, on: received)) (\(paragraph(.notifierFeedback, on: received)))."
            )
        }
        var s = LetterSection(heading: "Hvad har vi sat i gang?")
        s.paragraphs.append("Du underrettede os \(received.danishLong) om \(name).")
        s.paragraphs.append(
            "Vi skal fortælle dig, om vi har sat en børnefaglig undersøgelse, en afdækning eller hjælp i gang. Det står i \(cite(.notifierFeedback))."
        )
        var started: [String] = []
        if let e = file.examination, e.awareDate <= date {
            started.append(
                e.kind == .afdaekning
                    ? "en afdækning af \(LetterLaw.firstName(file.youngPerson))s behov" : "en børnefaglig undersøgelse")
        }
        let running = file.decisions.filter { d in
            d.kind != .planStance && (d.start.map { $0 <= date } ?? false)
        }
        if !running.isEmpty { started.append("hjælp (indsatser)") }
        if started.isEmpty {
            s.paragraphs.append("Vi har ikke sat en børnefaglig undersøgelse, en afdækning eller hjælp i gang.")
        } else {
            s.paragraphs.append("Vi har sat dette i gang: " + started.joined(separator: " og ") + ".")
        }
        var refs: [LegalRuleID] = [.notifierFeedback]
        if a.includeDetails == true, !running.isEmpty {
            s.paragraphs.append(
                "Vi fortæller dig også, hvilken hjælp det er, fordi det kan have betydning for den støtte, du kan give (\(paragraph(.notifierFeedbackDetails)))."
            )
            s.items = running.map { d in
                d.kind.danishName + (d.expectedDuration.map { ", planlagt varighed \($0)" } ?? "")
            }
            s.itemsAfter = s.paragraphs.count
            refs.append(.notifierFeedbackDetails)
        }
        s.paragraphs.append("Har du spørgsmål, så kontakt \(contact).")
        sections.append(s)
        checkAddress(r, &sections)
        let c = content(
            title: "Orientering om din underretning", subtitle: cite(.notifierFeedback), recipient: r,
            sections: sections, references: refs)
        letters.append(
            Letter(
                id: "", kind: .feedback, date: date, author: author, recorded: recorded, recipient: r, content: c,
                reportNumber: n))
    }
}

extension String {
    /// A decision name inside a sentence: first letter lowercased ("Fast kontaktperson" → "fast
    /// kontaktperson"), without the list's "(før 2024)" marker, which a 2023 letter does not need.
    var lowercasedFirst: String {
        let s = replacingOccurrences(of: " (før 2024)", with: "")
        guard let f = s.first else { return s }
        return f.lowercased() + s.dropFirst()
    }
}
