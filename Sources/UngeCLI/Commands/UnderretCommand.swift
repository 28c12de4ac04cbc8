import Foundation
import UngeCore
import UngeStore

/// `unge underret`: draft and register a notification of concern (underretning), handbook ch. 3.
///
/// Answers come from `--fra-fil`, then flags (flags win), then – on a terminal or with
/// `--interaktiv` – guided questions for whatever is still missing. Nothing is saved until every
/// required answer is there and, in the guided mode, the notifier has confirmed.
struct UnderretCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "underret",
        summary: "Skriv og registrér en underretning",
        discussion: """
            I en terminal bliver du ført gennem underretningen ét afsnit ad gangen, med korte råd til hvert
            afsnit (håndbogen kap. 3). Først vælger du, om du skriver din egen underretning, eller om du registrerer
            en, kommunen har modtaget (så spørges om underretteren, hvordan og hvornår den kom). Skriver du din egen,
            taler spørgsmål og råd til dig som underretter; registrerer du en modtaget, taler de til dig som
            sagsbehandler om det, underretteren fortalte. Hvert svar tjekkes, når du giver det. Til sidst ser du alle svar og vælger: gem, ret et svar, behold som kladde eller kassér.
            Afbryder du (Ctrl-D, Ctrl-C), gemmes svarene som en privat kladde, og næste gang kan du fortsætte.
            Har den unge allerede en sag (samme CPR-nummer eller navn og fødselsdato), lander underretningen på den;
            i et script afsluttes med status 1, medmindre du skriver --ny-sag. --kladde viser dokumentet uden at
            registrere det.
            Uden terminal kommer svarene fra valg eller fra en JSON-fil (--fra-fil, se Fixtures/underret/eksempel.json;
            nøglerne står i parentes herunder). Mangler der noget, afsluttes med status 2 og en liste over det,
            der mangler, og intet gemmes.
            Underretningen registreres på sagen (--sag) eller på en ny sag, med frister: kommunens vurdering
            inden \(LegalPeriod.assessmentHours) timer og kvittering til underretteren inden \(LegalPeriod.receiptWorkingDays) hverdage. Se fristerne med 'unge frister'.
            Skriv "underrette" og "underretning", ikke "indberette" eller "melde": du får en advarsel.
            """,
        options: UnderretCommand.fieldOptions + [
            OptionSpec(
                "--privatperson", help: "Underretteren er en privatperson (almindelig underretningspligt)."),
            OptionSpec("--ny-sag", help: "Opret en ny sag, selv om den unge allerede har en."),
            OptionSpec(
                "--orienteret", value: "NAVN[=DATO]",
                help: "En forældremyndighedsindehaver, der har fået underretningen at vide (og hvornår); kan gentages.",
                repeatable: true),
            OptionSpec(
                "--ikke-orienteret", value: "NAVN=BEGRUNDELSE",
                help: "En forældremyndighedsindehaver, der ikke har fået det at vide, og hvorfor; kan gentages.",
                repeatable: true),
            OptionSpec(
                "--sagsbehandler", value: "BRUGER",
                help: "En ny sags sagsbehandler (brugernavn; standard: dig selv, --bruger)."),
            AgeCheck.option,
            RestrictionOptions.specs[0], RestrictionOptions.specs[1],
            .caseID, .fromFile, .draft, .format, .output, .showCPR, .interactive,
            OptionSpec("--json", help: "Det samme som --format json."),
            OptionSpec(
                "--udskriv", value: "NR",
                help: "Skriv en gemt underretning (nr. NR på sagen --sag) ud igen; gemmer intet."),
            OptionSpec(
                "--underretning", value: "NR",
                help:
                    "Sæt bekymringsområdet (--omraade) på en gemt underretning (nr. NR på sagen --sag), fx en ældre uden område."
            ),
        ],
        examples: [
            ("unge underret", "Bliv guidet gennem en underretning (i en terminal)"),
            (
                "unge underret --fra-fil underretning.json --ud underretning.md",
                "Registrér fra en fil og gem dokumentet"
            ),
            (
                "unge underret --sag 2026-0003 --fra-fil u.json --format html --ud u.html",
                "På en eksisterende sag, som HTML"
            ),
            (
                "unge underret --fra-fil u.json --modtaget \"2026-04-13 09:30\"",
                "Underretningen blev modtaget tidligere"
            ),
            ("unge underret --sag 2026-0003 --udskriv 1 --ud u.md", "Skriv underretning nr. 1 ud igen (gemmer intet)"),
            (
                "unge underret --sag 2026-0003 --underretning 1 --omraade rusmidler",
                "Sæt bekymringsområdet på underretning nr. 1"
            ),
        ])

    /// One option per answer; the help names the JSON key too.
    static let fieldOptions: [OptionSpec] = ConcernField.allCases.map { f in
        let value: String
        switch f.kind {
        case .yesNo: value = "ja|nej"
        case .date: value = "ÅÅÅÅ-MM-DD"
        case .dateTime: value = "TID"
        case .cpr: value = "DDMMÅÅ-XXXX"
        case .level: value = "grøn|orange|rød"
        case .reason: value = "OMRÅDE"
        case .text: value = "TEKST"
        }
        let first = f.label.prefix(1).uppercased() + f.label.dropFirst()
        return OptionSpec("--" + flag(f), value: value, help: "\(first) (\"\(f.key)\").")
    }

    /// The command-line option for each answer (without the dashes). No `default`: a new field
    /// does not compile until it has its option.
    static func flag(_ field: ConcernField) -> String {
        switch field {
        case .youngName: return "navn"
        case .youngCPR: return "cpr"
        case .youngBirthDate: return "foedselsdato"
        case .youngSchool: return "skole"
        case .reporterName: return "underretter"
        case .reporterRole: return "rolle"
        case .reporterOrganisation: return "arbejdssted"
        case .reporterContact: return "kontakt"
        case .reporterProfessional: return "fagperson"
        case .reporterAnonymous: return "anonym-underretter"
        case .situation: return "forhold"
        case .parentCooperation: return "samarbejde"
        case .attendance: return "fremmoede"
        case .relation: return "relation"
        case .otherInformation: return "andet"
        case .youngPersonInformed: return "ung-orienteret"
        case .youngPersonComments: return "ung-kommentarer"
        case .parentsInformed: return "foraeldre-orienteret"
        case .parentsComments: return "foraeldre-kommentarer"
        case .notInformedReason: return "begrundelse"
        case .concernLevel: return "bekymring"
        case .raiseIf: return "bekymring-op"
        case .lowerIf: return "bekymring-ned"
        case .received: return "modtaget"
        case .receivedVia: return "modtaget-via"
        case .reason: return "omraade"
        }
    }

    /// A missing answer, named by its option and its JSON key.
    static func missingMessage(_ finding: Finding) -> String {
        guard let field = ConcernReportRules.missingField(finding) else { return finding.message }
        let key = "(i en fil: \"\(field.key)\")"
        switch field {
        case .youngBirthDate:
            return
                "Mangler \(field.label): --\(flag(field)) eller --\(flag(.youngCPR)) (i en fil: \"\(field.key)\" eller \"\(ConcernField.youngCPR.key)\")."
        default:
            return "Mangler \(field.label): --\(flag(field)) \(key)."
        }
    }

    enum Format: String { case md, html, json }

    var draft: ConcernReportDraft
    let caseID: CaseID?
    let format: Format
    /// `--format` or `--json` given: the saved document is printed too.
    let formatGiven: Bool
    let output: String?
    let showCPR: Bool
    let interactive: Bool
    /// `--fra-fil` given: the answers come from the file, and only `--interaktiv` asks the rest.
    let fromFile: Bool
    let draftOnly: Bool
    let newCase: Bool
    /// `--sagsbehandler`: a new case's caseworker (else the acting user).
    let caseworker: String?
    /// `--bekraeft-alder`: an age outside 10-30 is what was meant.
    let ageConfirmed: Bool
    /// `--beskyttet` (a new case only): the users named besides the creator.
    let restrictedTo: [String]?
    /// `--udskriv NR`: print saved notification NR of `--sag` again, save nothing.
    let reprint: Int?
    /// `--underretning NR --omraade OMRÅDE`: set the reason on saved notification NR of `--sag`.
    let reasonFor: Int?

    init(_ args: ParsedArguments) throws {
        reasonFor = try args.value("--underretning").map {
            try Values.int($0, option: "--underretning", range: 1...CaseLimits.maxNumber)
        }
        if reasonFor != nil {
            guard args.value("--sag") != nil, args.value("--" + Self.flag(.reason)) != nil else {
                throw UsageError.missingArgument(
                    "sagen og området: --underretning NR skal bruges med --sag ID og --omraade OMRÅDE, fx unge underret --sag 2026-0003 --underretning 1 --omraade rusmidler",
                    command: "underret")
            }
            if args.value("--fra-fil") != nil || args.has("--interaktiv") || args.value("--udskriv") != nil
                || ConcernField.allCases.contains(where: { $0 != .reason && args.value("--" + Self.flag($0)) != nil })
            {
                throw UsageError.conflict(
                    "--underretning NR sætter kun bekymringsområdet på en gemt underretning; brug det kun med --sag og --omraade."
                )
            }
        }
        reprint = try args.value("--udskriv").map {
            try Values.int($0, option: "--udskriv", range: 1...CaseLimits.maxNumber)
        }
        if reprint != nil {
            guard args.value("--sag") != nil else {
                throw UsageError.missingArgument(
                    "sagen: --udskriv NR skal bruges med --sag ID, fx unge underret --sag 2026-0003 --udskriv 1",
                    command: "underret")
            }
            if args.value("--fra-fil") != nil || args.has("--interaktiv")
                || ConcernField.allCases.contains(where: { args.value("--" + Self.flag($0)) != nil })
            {
                throw UsageError.conflict(
                    "--udskriv skriver en gemt underretning ud og gemmer intet; brug det kun med --sag, --format, --ud og --vis-cpr."
                )
            }
        }
        draft = ConcernReportDraft()
        if let path = args.value("--fra-fil") { draft = try UnderretInput.load(path) }
        for field in ConcernField.allCases {
            guard let text = args.value("--" + Self.flag(field)) else { continue }
            do { try draft.set(field, from: text) } catch {
                throw UsageError.invalidValue(
                    option: "--" + Self.flag(field), value: field.kind == .cpr ? CPRNumber.maskedGuess(text) : text,
                    expected: UnderretInput.expected(field))
            }
        }
        let told = args.all("--orienteret")
        let untold = args.all("--ikke-orienteret")
        if !told.isEmpty || !untold.isEmpty {
            var notices: [CustodyNotice] = []
            for t in told {
                let parts = t.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard let name = parts.first, !name.isEmpty else {
                    throw UsageError.invalidValue(
                        option: "--orienteret", value: t,
                        expected: "Skriv NAVN eller NAVN=DATO, fx \"Hanne Jensen=2026-12-01\".")
                }
                notices.append(
                    CustodyNotice(
                        name: name, informed: true,
                        date: try parts.count > 1 ? Values.date(parts[1], option: "--orienteret") : nil))
            }
            for t in untold {
                let parts = t.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw UsageError.invalidValue(
                        option: "--ikke-orienteret", value: t,
                        expected: "Skriv NAVN=BEGRUNDELSE, fx \"Omar Hassan=Far har ikke kunnet kontaktes\".")
                }
                notices.append(CustodyNotice(name: parts[0], informed: false, reason: parts[1]))
            }
            draft.custodyNotices = notices
            draft.parentsInformed = notices.allSatisfy(\.informed)
            if notices.contains(where: { !$0.informed }) {
                draft.notInformedReason = notices.filter { !$0.informed }.map { "\($0.name): \($0.reason ?? "")" }
                    .joined(separator: " ")
            }
        }
        if args.has("--privatperson") {
            if args.value("--fagperson").flatMap(ConcernReportDraft.parseYesNo) == true {
                throw UsageError.conflict("Angiv enten --privatperson eller --fagperson ja, ikke begge.")
            }
            draft.reporterProfessional = false
        }
        caseID = try args.value("--sag").map(Values.caseID)
        let answers = draft
        if caseID != nil, let f = ConcernField.allCases.first(where: { $0.isAboutYoungPerson && answers.has($0) }) {
            throw UsageError.conflict(
                "Med --sag hentes den unge fra sagen. Fjern --\(Self.flag(f)) (eller \"\(f.key)\" i filen), eller opret en ny sag uden --sag."
            )
        }
        if args.has("--json"), let f = args.value("--format"), f.lowercased() != "json" {
            throw UsageError.conflict("--json betyder --format json og kan ikke bruges sammen med --format \(f).")
        }
        formatGiven = args.has("--json") || args.value("--format") != nil
        guard let f = Format(rawValue: args.has("--json") ? "json" : (args.value("--format") ?? "md")) else {
            throw UsageError.invalidValue(
                option: "--format", value: args.value("--format")!, expected: "Vælg md, html eller json.")
        }
        format = f
        output = args.value("--ud")
        showCPR = args.has("--vis-cpr")
        interactive = args.has("--interaktiv")
        fromFile = args.value("--fra-fil") != nil
        draftOnly = args.has("--kladde")
        newCase = args.has("--ny-sag")
        caseworker = args.value("--sagsbehandler")
        ageConfirmed = args.has("--bekraeft-alder")
        if caseworker != nil && caseID != nil {
            throw UsageError.conflict(
                "--sagsbehandler gælder en ny sag. Skift sagsbehandler på en eksisterende sag med 'unge overdrag \(caseID!.rawValue) --til BRUGER'."
            )
        }
        if newCase && caseID != nil {
            throw UsageError.conflict("Angiv enten --sag (en eksisterende sag) eller --ny-sag (en ny sag), ikke begge.")
        }
        restrictedTo = try RestrictionOptions.parse(args)
        if restrictedTo != nil && caseID != nil {
            throw UsageError.conflict(
                "--beskyttet gælder en ny sag; en eksisterende sag bliver ikke beskyttet af en underretning. Udelad --sag, eller udelad --beskyttet."
            )
        }
    }

    /// What the pipeline saves: the answers, the case they land on (nil: a new case) and when the
    /// municipality received the notification.
    struct Answers {
        var draft: ConcernReportDraft
        var existing: CaseFile?
        var received: Date
    }

    /// A notification on an existing case needs an existing store; a new case may create it.
    func storeUse(_ table: StoreUse) -> StoreUse { caseID == nil ? table : .existing }

    func run(_ ctx: Context) throws -> Int32 {
        let tz = UnderretInput.timeZone
        let calendar = DanishCalendar(alsoClosed: try ctx.storeSettingAlsoClosed())
        if let output { try DocumentFile.checkTarget(output, ctx: ctx) }
        for n in draft.custodyNotices ?? [] {
            guard let d = n.date else { continue }
            if let problem = UnderretInput.eventProblem(
                d, what: "Datoen, \(n.name) fik det at vide (--orienteret)", today: ctx.today)
            {
                throw UsageError.message(problem + " Intet er gemt.")
            }
        }
        let store = try ctx.store
        let newCaseworker = try caseworker.map { try CaseworkerValue.parse($0, option: "--sagsbehandler", ctx: ctx) }
        let existing = try caseID.map { try ctx.readCase($0, store: store) }
        if let number = reprint, let existing {
            return try printAgain(number, of: existing, store: store, ctx: ctx, calendar: calendar)
        }
        if let number = reasonFor, let existing, let reason = draft.reason {
            return try setReason(reason, on: number, of: existing, store: store, ctx: ctx)
        }
        // Options are checked before the first question.
        let received = try UnderretInput.received(draft, now: ctx.now, timeZone: tz)
        // A file holds the answers: on a terminal too, only --interaktiv starts the dialogue.
        if interactive || (!fromFile && ctx.console.stdinIsTerminal) {
            let dialogue = UnderretDialogue(ctx: ctx, store: store, newCaseAllowed: newCase)
            return try pipeline(store: store, ctx: ctx, calendar: calendar, caseworker: newCaseworker).runGuided(
                ctx: ctx, store: store
            ) {
                session in
                try dialogue.run(session, base: draft, existing: existing)
            }
        }
        var answers = Answers(draft: draft, existing: existing, received: received)
        let missing = ConcernReportRules.check(
            draft, youngPerson: existing?.youngPerson, on: LocalTime.date(of: received, in: tz)
        )
        .filter { $0.ruleID.hasPrefix(ConcernReportRules.missingPrefix) }
        if !missing.isEmpty {
            throw UsageError.missingInput(missing.map(Self.missingMessage), command: "underret")
        }
        if existing == nil {
            answers.existing = try SameYoungPerson.resolve(
                draft.youngPerson, store: store, ctx: ctx, newCaseAllowed: newCase || draftOnly, asking: false,
                yesNo: { _ in false })
        }
        return try pipeline(store: store, ctx: ctx, calendar: calendar, caseworker: newCaseworker).run(
            answers, ctx: ctx)
    }

    private func pipeline(store: any Store, ctx: Context, calendar: DanishCalendar, caseworker: String? = nil)
        -> DocumentPipeline<Answers>
    {
        let c = ctx.console
        let tz = UnderretInput.timeZone
        let storeExisted = store.exists
        func findings(_ a: Answers) -> [Finding] {
            let day = LocalTime.date(of: a.received, in: tz)
            return ConcernReportRules.check(a.draft, youngPerson: a.existing?.youngPerson, on: day)
                + ConcernReportRules.reassessmentFindings(existing: a.existing, on: day)
        }
        func preview(_ a: Answers) -> (CaseFile, ConcernReport) {
            var file = CaseFile(
                id: a.existing?.id ?? CaseID("ny")!, created: ctx.now,
                youngPerson: a.existing?.youngPerson ?? a.draft.youngPerson)
            file.concernReports = a.existing?.concernReports ?? []
            let report = ConcernRegistration.register(
                a.draft, on: &file, received: a.received, now: ctx.now, author: ctx.user, timeZone: tz,
                calendar: calendar)
            return (file, report)
        }
        var pipeline = DocumentPipeline<Answers>(
            command: "underret", caseID: caseID, what: "Underretningen", draftOnly: draftOnly,
            validate: findings,
            renderDraft: { a, findings in
                let (file, report) = preview(a)
                let text = try UnderretInput.render(
                    format, report: report, caseFile: file, findings: findings, timeZone: tz, showCPR: false,
                    calendar: calendar)
                c.write(text)
                c.error("Kladde: underretningen er ikke registreret.")
            },
            save: { a, findings in
                if a.existing == nil {
                    try AgeCheck.confirm(
                        a.draft.youngPerson, registered: LocalTime.date(of: a.received, in: tz),
                        confirmed: ageConfirmed,
                        asking: interactive || (!fromFile && ctx.console.stdinIsTerminal), ctx: ctx)
                }
                let saved: CaseFile
                let head = try ctx.letterhead(store: store, caseID: nil, author: ctx.user)
                let stamp = try DocumentRecords.stamp(store: store, ctx: ctx)
                if let existing = a.existing {
                    saved = try ctx.updateCase(existing.id, store: store, commutative: true) { file in
                        let report = ConcernRegistration.register(
                            a.draft, on: &file, received: a.received, now: ctx.now, author: ctx.user, timeZone: tz,
                            calendar: calendar)
                        file.documentRecords.append(
                            UnderretInput.record(
                                report, on: file, findings: findings, stamp: stamp, head: head, calendar: calendar,
                                ctx: ctx))
                    }
                } else {
                    var file = CaseFile(
                        id: CaseID.placeholder, created: ctx.now, youngPerson: a.draft.youngPerson,
                        caseworker: caseworker ?? ctx.user)
                    file.restriction = RestrictionOptions.restriction(restrictedTo, user: ctx.user)
                    // The custody holders named in the notification start the new case's network.
                    for n in a.draft.custodyNotices ?? [] {
                        file.network.people.append(
                            NetworkPerson(
                                name: n.name, relation: "forældremyndighed", arena: .family, custodyHolder: true))
                    }
                    let report = ConcernRegistration.register(
                        a.draft, on: &file, received: a.received, now: ctx.now, author: ctx.user, timeZone: tz,
                        calendar: calendar)
                    // Kept in the same save; the case number (given by the store) is filled in when printed.
                    file.documentRecords.append(
                        UnderretInput.record(
                            report, on: file, findings: findings, stamp: stamp, head: head, calendar: calendar,
                            ctx: ctx))
                    saved = try store.create(
                        file, year: ctx.today.year, now: ctx.now, user: ctx.user, command: ctx.commandName)
                    if let team = store as? any TeamStore, let caseworker, caseworker != team.role {
                        try team.handOver(saved.id, to: caseworker, now: ctx.now, command: ctx.commandName)
                    }
                    ctx.announceNewStore(storeExisted)
                }
                let report = saved.concernReports.last!
                let letterhead = try ctx.letterhead(
                    store: store, caseID: saved.id, date: LocalTime.date(of: report.received, in: tz))
                let text = try UnderretInput.render(
                    format, report: report, caseFile: saved, findings: findings, timeZone: tz, showCPR: showCPR,
                    calendar: calendar,
                    letterhead: letterhead,
                    printed: try saved.documentRecord(.notification, String(report.number)).map {
                        try DocumentRecords.printed($0, store: store, ctx: ctx, caseID: saved.id)
                    })
                if showCPR, saved.youngPerson.cpr != nil {
                    try store.appendAudit(
                        ctx.event(.revealCPR, caseID: saved.id, before: saved.revision, after: saved.revision))
                }
                if let output {
                    let what =
                        a.existing == nil
                        ? "Sag \(saved.id.rawValue) er oprettet, og underretning nr. \(report.number) er gemt på den (revision \(saved.revision))"
                        : "Underretning nr. \(report.number) er gemt på sag \(saved.id.rawValue) (revision \(saved.revision))"
                    try DocumentFile.export(
                        text, to: output, caseID: saved.id, revision: saved.revision, store: store, ctx: ctx,
                        saved: DocumentFile.Saved(what: what, reprint: reprintCommand(saved.id, report.number)))
                } else if formatGiven || !c.stdoutIsTerminal {
                    c.write(text)
                }
                let registered =
                    "Underretning nr. \(report.number) er registreret på sag \(c.bold(saved.id.rawValue)) (revision \(saved.revision))."
                if output == nil, !formatGiven, c.stdoutIsTerminal {
                    // On a terminal one line says where the document is instead of the whole document.
                    c.print(registered + " Se dokumentet med '\(reprintCommand(saved.id, report.number))'.")
                } else {
                    c.error(registered)
                }
                for d in saved.deadlines where report.deadlineIDs.contains(d.id) {
                    let due =
                        d.counting == .task
                        ? "(opgave)" : d.dueTime.map { LocalTime.danishShort($0, in: tz) } ?? d.dueDate.danishShort
                    c.error("  Frist \(due): \(d.title)")
                }
                let mine = saved.deadlines.filter { report.deadlineIDs.contains($0.id) }
                for f in ConcernReportRules.closedDayFindings(mine) { c.error(c.yellow("ADVARSEL:") + " " + f.message) }
                if let output { c.error("Dokumentet er skrevet til \(output).") }
                return ExitCode.ok
            })
        pipeline.preview = { a in
            let (file, report) = preview(a)
            c.error(
                "  Modtaget: \(LocalTime.danishShort(report.received, in: tz))"
                    + (a.existing.map { " · sag \($0.id.rawValue)" } ?? " · ny sag"))
            for d in file.deadlines where report.deadlineIDs.contains(d.id) {
                let due =
                    d.counting == .task
                    ? "(opgave)" : d.dueTime.map { LocalTime.danishShort($0, in: tz) } ?? d.dueDate.danishShort
                c.error("  Frist \(due): \(d.title)")
            }
        }
        return pipeline
    }

    /// The command line that prints notification `number` of case `id` again (without `--ud`).
    private func reprintCommand(_ id: CaseID, _ number: Int) -> String {
        "unge underret --sag \(id.rawValue) --udskriv \(number)" + (format == .md ? "" : " --format \(format.rawValue)")
    }

    /// `--underretning NR --omraade OMRÅDE`: records the reason on a saved notification (audited save).
    private func setReason(
        _ reason: NotificationReason, on number: Int, of file: CaseFile, store: any Store, ctx: Context
    ) throws -> Int32 {
        guard file.concernReports.contains(where: { $0.number == number }) else {
            let have = file.concernReports.map { String($0.number) }.joined(separator: ", ")
            throw UsageError.invalidValue(
                option: "--underretning", value: String(number),
                expected: have.isEmpty
                    ? "Sag \(file.id.rawValue) har ingen underretninger."
                    : "Sag \(file.id.rawValue) har underretning nr. \(have).")
        }
        try store.update(file.id, now: ctx.now, user: ctx.user, command: "underret", retryOnConflict: true) { c in
            guard let i = c.concernReports.firstIndex(where: { $0.number == number }) else { return }
            c.concernReports[i].reason = reason
        }
        ctx.console.print(
            "Bekymringsområdet for underretning nr. \(number) på sag \(file.id.rawValue) er nu: \(reason.danish.lowercased()) (\(reason.token))."
        )
        return ExitCode.ok
    }

    /// `--udskriv NR`: the saved notification's document again, to stdout or `--ud`; saves nothing.
    private func printAgain(_ number: Int, of file: CaseFile, store: any Store, ctx: Context, calendar: DanishCalendar)
        throws -> Int32
    {
        guard let report = file.concernReports.first(where: { $0.number == number }) else {
            let have = file.concernReports.map { String($0.number) }.joined(separator: ", ")
            throw UsageError.invalidValue(
                option: "--udskriv", value: String(number),
                expected: have.isEmpty
                    ? "Sag \(file.id.rawValue) har ingen underretninger."
                    : "Sag \(file.id.rawValue) har underretning nr. \(have).")
        }
        // Saved as a record: printed as it was. Otherwise drawn as today, naming who registered it
        // (from the journal), never the one who prints it.
        let record = file.documentRecord(.notification, String(number))
        let settings = try store.loadSettings()
        let registeredBy = UnderretInput.registeredBy(number, in: file, settings: settings)
        var letterhead = try ctx.letterhead(
            store: store, caseID: file.id, date: LocalTime.date(of: report.received, in: UnderretInput.timeZone))
        letterhead.author = registeredBy
        letterhead.authorTitle = nil
        letterhead.authorLabel = "Registreret af"
        let text = try UnderretInput.render(
            format, report: report, caseFile: file, findings: record?.findings ?? [], timeZone: UnderretInput.timeZone,
            showCPR: showCPR, calendar: calendar, letterhead: letterhead,
            printed: try record.map { try DocumentRecords.printed($0, store: store, ctx: ctx, caseID: file.id) },
            registeredBy: registeredBy,
            printLine: record == nil
                ? try DocumentRecords.printLine(store: store, ctx: ctx, notes: [PrintLine.redrawn]) : nil)
        if showCPR, file.youngPerson.cpr != nil {
            try store.appendAudit(ctx.event(.revealCPR, caseID: file.id, before: file.revision, after: file.revision))
        }
        if let output {
            try DocumentFile.export(text, to: output, caseID: file.id, revision: file.revision, store: store, ctx: ctx)
            ctx.console.error("Dokumentet er skrevet til \(output).")
        } else {
            ctx.console.write(text)
        }
        return ExitCode.ok
    }
}
