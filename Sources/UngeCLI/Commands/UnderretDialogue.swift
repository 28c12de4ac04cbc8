import Foundation
import UngeCore
import UngeStore

/// The guided walk-through of `unge underret` for both its users: a professional writing their own
/// notification (handbook ch. 3), or a caseworker registering one the municipality received by
/// phone, letter or e-mail. One question at a time with the handbook's guidance; each answer is
/// checked when it is given.
struct UnderretDialogue {
    let ctx: Context
    let store: any Store
    let newCaseAllowed: Bool

    enum Writer: Equatable, CaseIterable {
        case own
        case registering

        var danish: String {
            switch self {
            case .own: return "Jeg skriver min egen underretning (fx som lærer, pædagog eller sundhedsplejerske)"
            case .registering:
                return "Jeg registrerer en underretning, kommunen har modtaget (telefon, brev, e-mail ...)"
            }
        }
    }

    enum NotifierKind: Equatable, CaseIterable {
        case professional
        case citizen
        case anonymous

        var danish: String {
            switch self {
            case .professional: return "en fagperson"
            case .citizen: return "en borger (fx familie, nabo eller ven)"
            case .anonymous: return "anonym"
            }
        }
    }

    static let headings = [
        "Hvem skriver?", "Den unge", "Underretteren", "Underretningens indhold",
        "Inddragelse af den unge og forældrene", "Bekymringsbuen (kan springes over)",
    ]

    func run(_ p: DialogueSession, base: ConcernReportDraft, existing start: CaseFile?) throws
        -> UnderretCommand.Answers
    {
        let c = ctx.console
        let tz = UnderretInput.timeZone
        var draft = base
        var existing = start
        p.plan(sections: Self.headings.filter { existing == nil || $0 != "Den unge" })
        c.error(
            c.bold("Underretning")
                + " – svar på spørgsmålene. Tom linje springer et valgfrit spørgsmål over; Ctrl-D eller Ctrl-C gemmer dine svar som kladde."
        )

        p.section("Hvem skriver?")
        let writer = try p.choose("Vælg 1 eller 2", from: Writer.allCases, label: \.danish, defaultValue: .own) ?? .own
        let registering = writer == .registering

        if existing == nil {
            p.section("Den unge")
            for field in [ConcernField.youngName, .youngCPR, .youngBirthDate, .youngSchool] {
                if field == .youngBirthDate, draft.youngCPR != nil { continue }
                try ask(p, field, &draft, known: false)
            }
            if let match = try SameYoungPerson.resolve(
                draft.youngPerson, store: store, ctx: ctx, newCaseAllowed: newCaseAllowed, asking: true,
                yesNo: { try p.yesNo($0, defaultValue: true) })
            {
                existing = match
                for field in ConcernField.allCases where field.isAboutYoungPerson { try? draft.set(field, from: "") }
                let warnings = ConcernReportRules.reassessmentFindings(existing: match, on: ctx.today)
                for f in warnings {
                    p.say(c.yellow("ADVARSEL:") + " " + f.message + (f.citation.map { " (\($0))" } ?? ""))
                }
            }
        }
        let known = existing != nil

        p.section("Underretteren")
        if registering {
            let kind =
                try p.choose(
                    "Hvem underrettede?", from: NotifierKind.allCases, label: \.danish,
                    defaultValue: base.reporterAnonymous == true
                        ? .anonymous : base.reporterProfessional == false ? .citizen : .professional) ?? .professional
            try draft.set(.reporterProfessional, from: kind == .professional ? "ja" : "nej")
            try draft.set(.reporterAnonymous, from: kind == .anonymous ? "ja" : "")
            if kind != .anonymous {
                try ask(p, .reporterName, &draft, known: known, question: "Underretterens navn")
                try ask(
                    p, .reporterRole, &draft, known: known,
                    question: kind == .professional
                        ? "Underretterens rolle, fx lærer eller sundhedsplejerske"
                        : "Underretterens forhold til den unge, fx moster eller nabo")
                if kind == .professional {
                    try ask(p, .reporterOrganisation, &draft, known: known, question: "Underretterens arbejdssted")
                }
                try ask(
                    p, .reporterContact, &draft, known: known,
                    question: "Telefon eller e-mail til underretteren (til kvittering og spørgsmål)")
            }
            try ask(p, .receivedVia, &draft, known: known, required: true)
            let now = LocalTime.danishShort(ctx.now, in: tz)
            let when =
                try p.ask(
                    "Hvornår modtog kommunen den? (ÅÅÅÅ-MM-DD TT:MM)",
                    defaultValue: draft.received ?? now.replacingOccurrences(of: " kl. ", with: " ")
                ) { text -> Result<String, UsageError> in
                    var probe = ConcernReportDraft()
                    probe.received = Self.normalisedTime(text)
                    do {
                        _ = try UnderretInput.received(probe, now: ctx.now, timeZone: tz)
                        return .success(probe.received!)
                    } catch let e as UsageError {
                        return .failure(
                            .message(e.description.replacingOccurrences(of: "--modtaget", with: "tidspunktet")))
                    } catch {
                        return .failure(.message("Skriv tidspunktet som ÅÅÅÅ-MM-DD TT:MM, fx 2026-04-13 09:30."))
                    }
                } ?? now
            draft.received = when
        } else {
            let last = existing?.concernReports.max { $0.number < $1.number }
            for field in [
                ConcernField.reporterName, .reporterRole, .reporterOrganisation, .reporterContact,
                .reporterProfessional,
            ] {
                try ask(p, field, &draft, known: known, previous: last)
            }
        }

        p.section("Underretningens indhold")
        for field in ConcernField.sections {
            try ask(
                p, field, &draft, known: known, question: registering ? Self.registrationQuestion(field) : nil,
                registering: registering)
        }

        p.section("Inddragelse af den unge og forældrene")
        for field in [ConcernField.youngPersonInformed, .youngPersonComments] {
            try ask(
                p, field, &draft, known: known, question: registering ? Self.registrationQuestion(field) : nil,
                registering: registering)
        }
        if draft.parentsInformed == nil {
            try custodyHolders(p, &draft, existing: existing, registering: registering)
        }
        for field in [ConcernField.parentsInformed, .parentsComments, .notInformedReason] {
            try ask(
                p, field, &draft, known: known, question: registering ? Self.registrationQuestion(field) : nil,
                registering: registering)
        }

        p.section("Bekymringsbuen (kan springes over)")
        for field in [ConcernField.concernLevel, .raiseIf, .lowerIf] {
            try ask(p, field, &draft, known: known, registering: registering)
        }
        // The municipality's own category for the DST notification statistics: asked of the caseworker
        // who registers a received notification, not of the notifier.
        if registering {
            p.section("Til statistikken")
            try ask(
                p, .reason, &draft, known: known, question: Self.registrationQuestion(.reason), registering: registering
            )
        }

        let received = try UnderretInput.received(draft, now: ctx.now, timeZone: tz)
        return UnderretCommand.Answers(draft: draft, existing: existing, received: received)
    }

    /// Each custody holder told or not, with the reason when not. The holders come from the case's
    /// network, else the user names them. Sets `parentsInformed` (all told) and, when someone was
    /// not told, the reason.
    private func custodyHolders(
        _ p: DialogueSession, _ draft: inout ConcernReportDraft, existing: CaseFile?, registering: Bool
    ) throws {
        let c = ctx.console
        if let g = ConcernField.parentsInformed.guidance(registering: registering) {
            p.say(c.dim(g + (ConcernField.parentsInformed.handbookReference.map { " (\($0))" } ?? "")))
        }
        var names = existing?.network.custodyHolders.map(\.name) ?? []
        if names.isEmpty {
            names = try p.list(
                "Hvem har forældremyndigheden? Navne adskilt af ; (tom linje: spørg samlet om forældrene)")
        }
        guard !names.isEmpty else { return }
        var notices: [CustodyNotice] = []
        for name in names {
            // One question: "ja" (told today), a date (told that day) or "nej".
            let today = LocalTime.date(of: ctx.now, in: DanishTime.timeZone)
            let answer =
                try p.ask(
                    (registering
                        ? "Har underretteren fortalt \(name) om underretningen?"
                        : "Har du fortalt \(name) om underretningen?") + " (j/n)",
                    help: "Svar j (i dag), n, eller den dag, \(name) fik det at vide (ÅÅÅÅ-MM-DD).",
                    parse: { text -> Result<LocalDate?, UsageError> in
                        if let yes = ConcernReportDraft.parseYesNo(text) { return .success(yes ? today : nil) }
                        switch UndersoegCommand.pastDate("Datoen, \(name) fik det at vide", today: today)(text) {
                        case .success(let d): return .success(d)
                        case .failure: return .failure(.message("Svar j, n eller datoen (ÅÅÅÅ-MM-DD)."))
                        }
                    }) ?? nil
            let told = answer != nil
            let reason = told ? nil : try p.ask("Hvorfor har \(name) ikke fået det at vide?", required: true)
            notices.append(CustodyNotice(name: name, informed: told, reason: reason, date: answer))
        }
        draft.custodyNotices = notices
        let all = notices.allSatisfy(\.informed)
        draft.parentsInformed = all
        if !all {
            draft.notInformedReason = notices.filter { !$0.informed }.map { "\($0.name): \($0.reason ?? "")" }.joined(
                separator: " ")
        }
    }

    /// Asks for one field when it applies and has no answer yet (from options or a file); the
    /// answer is checked at once and the question repeats with the reason.
    private func ask(
        _ p: DialogueSession, _ field: ConcernField, _ draft: inout ConcernReportDraft, known: Bool,
        question: String? = nil, required force: Bool = false,
        previous: ConcernReport? = nil, registering: Bool = false
    ) throws {
        guard draft.applies(field, youngPersonKnown: known) else { return }
        if let given = draft.text(field) {
            // From the file or an option: not asked again, but shown in the summary.
            p.given(question ?? field.question, field.kind == .cpr ? CPRNumber.maskedGuess(given) : given)
            return
        }
        if let g = field.guidance(registering: registering) {
            p.say(ctx.console.dim(g + (field.handbookReference.map { " (\($0))" } ?? "")))
        }
        let required =
            force || (draft.missing(youngPersonKnown: known).contains(field) && field != .reporterProfessional)
        let current = draft
        let long = ConcernField.sections.contains(field) || field == .parentsComments || field == .notInformedReason
        let updated = try p.ask(
            question ?? field.question, required: required, defaultValue: Self.earlier(field, in: previous), long: long
        ) { text -> Result<ConcernReportDraft, UsageError> in
            var d = current
            do {
                try d.set(field, from: text)
                return .success(d)
            } catch let e as CoreError {
                return .failure(.message(e.description))
            } catch {
                return .failure(.message("\(error)"))
            }
        }
        if let updated { draft = updated }
    }

    /// On a case that already has a notification, the notifier's answers from the latest one are
    /// offered as defaults (Enter keeps): the same teacher often notifies again.
    static func earlier(_ field: ConcernField, in report: ConcernReport?) -> String? {
        guard let r = report?.reporter, !r.anonymous else { return nil }
        let values: [ConcernField: String?] = [
            .reporterName: r.name.isEmpty ? nil : r.name, .reporterRole: r.role, .reporterOrganisation: r.organisation,
            .reporterContact: r.contact, .reporterProfessional: r.isProfessional ? "ja" : "nej",
        ]
        return values[field] ?? nil
    }

    /// The questions a caseworker registering a received notification answers about the notifier.
    static func registrationQuestion(_ field: ConcernField) -> String? {
        switch field {
        case .situation: return "1. Hvad beskriver underretteren om den unges fysiske, psykiske og sociale forhold?"
        case .parentCooperation: return "2. Hvad siger underretteren om samarbejdet med forældrene?"
        case .attendance: return "3. Hvad siger underretteren om den unges fremmøde?"
        case .relation: return "4. Underretterens forhold til den unge"
        case .otherInformation: return "5. Andre vigtige oplysninger fra underretteren"
        case .youngPersonInformed: return "Har underretteren fortalt den unge om underretningen? (ja/nej)"
        case .youngPersonComments: return "Hvad sagde den unge ifølge underretteren? (tom linje springer over)"
        case .parentsInformed: return "Har underretteren fortalt forældrene om underretningen? (ja/nej)"
        case .parentsComments: return "Forældrenes kommentarer og reaktioner ifølge underretteren"
        case .notInformedReason: return "Hvorfor er forældrene ikke orienteret?"
        case .reason:
            return
                "Hvad drejer underretningen sig mest om (til statistikken)? Skriv nummer eller ord: \(NotificationReason.choices) (tom linje springer over)"
        default: return nil
        }
    }

    /// "2026-04-13 9.30" and "13.04.2026 09:30" become "2026-04-13 09:30".
    static func normalisedTime(_ text: String) -> String {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: " ", omittingEmptySubsequences: true)
            .filter { $0 != "kl." }
        guard parts.count == 2, let day = LocalDate.parse(String(parts[0])) else { return text }
        let hm = parts[1].split(whereSeparator: { $0 == ":" || $0 == "." })
        guard hm.count == 2, let h = Int(hm[0]), let m = Int(hm[1]), (0..<24).contains(h), (0..<60).contains(m) else {
            return text
        }
        return day.iso + " " + String(format: "%02d:%02d", h, m)
    }
}
