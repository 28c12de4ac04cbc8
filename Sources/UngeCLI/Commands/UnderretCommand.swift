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
        summary: "Skriv og registrer en underretning",
        discussion: """
            I en terminal bliver du ført gennem underretningen ét afsnit ad gangen, med korte råd til hvert
            afsnit (håndbogen kap. 3). Til sidst ser du et resumé og bliver spurgt, før noget gemmes; Ctrl-D
            eller et tomt svar gemmer intet.
            Uden terminal kommer svarene fra valg eller fra en JSON-fil (--fra-fil, se Fixtures/underret/eksempel.json;
            nøglerne står i parentes herunder). Mangler der noget, afsluttes med status 2 og en liste over det,
            der mangler, og intet gemmes.
            Underretningen registreres på sagen (--sag) eller på en ny sag, med frister: kommunens vurdering
            inden 24 timer og kvittering til en fagperson inden 6 hverdage. Se fristerne med 'unge frister'.
            Skriv "underrette" og "underretning", ikke "indberette" eller "melde": du får en advarsel.
            """,
        options: UnderretCommand.fieldOptions + [
            OptionSpec("--privatperson", help: "Du underretter som privatperson (almindelig underretningspligt)."),
            .caseID, .fromFile, .format, .output, .showCPR, .interactive,
            OptionSpec("--udskriv", value: "NR", help: "Skriv en gemt underretning (nr. NR på sagen --sag) ud igen; gemmer intet."),
        ],
        examples: [
            ("unge underret", "Bliv guidet gennem en underretning (i en terminal)"),
            ("unge underret --fra-fil underretning.json --ud underretning.md", "Registrer fra en fil og gem dokumentet"),
            ("unge underret --sag 2026-0003 --fra-fil u.json --format html --ud u.html", "På en eksisterende sag, som HTML"),
            ("unge underret --fra-fil u.json --modtaget \"2026-04-13 09:30\"", "Underretningen blev modtaget tidligere"),
            ("unge underret --sag 2026-0003 --udskriv 1 --ud u.md", "Skriv underretning nr. 1 ud igen (gemmer intet)"),
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
        case .text: value = "TEKST"
        }
        let first = f.label.prefix(1).uppercased() + f.label.dropFirst()
        return OptionSpec("--" + f.flag, value: value, help: "\(first) (\"\(f.key)\").")
    }

    enum Format: String { case md, html, json }

    var draft: ConcernReportDraft
    let caseID: CaseID?
    let format: Format
    let output: String?
    let showCPR: Bool
    let interactive: Bool
    /// `--udskriv NR`: print saved notification NR of `--sag` again, save nothing.
    let reprint: Int?

    init(_ args: ParsedArguments) throws {
        reprint = try args.value("--udskriv").map { try Values.int($0, option: "--udskriv", range: 1...CaseLimits.maxNumber) }
        if reprint != nil {
            guard args.value("--sag") != nil else {
                throw UsageError.missingArgument("sagen: --udskriv NR skal bruges med --sag ID, fx unge underret --sag 2026-0003 --udskriv 1", command: "underret")
            }
            if args.value("--fra-fil") != nil || args.has("--interaktiv") || ConcernField.allCases.contains(where: { args.value("--" + $0.flag) != nil }) {
                throw UsageError.conflict("--udskriv skriver en gemt underretning ud og gemmer intet; brug det kun med --sag, --format, --ud og --vis-cpr.")
            }
        }
        draft = ConcernReportDraft()
        if let path = args.value("--fra-fil") { draft = try UnderretInput.load(path) }
        for field in ConcernField.allCases {
            guard let text = args.value("--" + field.flag) else { continue }
            do { try draft.set(field, from: text) } catch {
                throw UsageError.invalidValue(option: "--" + field.flag, value: field.kind == .cpr ? CPRNumber.maskedGuess(text) : text, expected: UnderretInput.expected(field))
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
            throw UsageError.conflict("Med --sag hentes den unge fra sagen. Fjern --\(f.flag) (eller \"\(f.key)\" i filen), eller opret en ny sag uden --sag.")
        }
        guard let f = Format(rawValue: args.value("--format") ?? "md") else {
            throw UsageError.invalidValue(option: "--format", value: args.value("--format")!, expected: "Vælg md, html eller json.")
        }
        format = f
        output = args.value("--ud")
        showCPR = args.has("--vis-cpr")
        interactive = args.has("--interaktiv")
    }

    func run(_ ctx: Context) throws -> Int32 {
        let c = ctx.console
        let tz = UnderretInput.timeZone
        let calendar = DanishCalendar(alsoClosed: try ctx.storeSettingAlsoClosed())
        if let output { try DocumentFile.checkTarget(output, ctx: ctx) }
        let store = try ctx.openStore(creating: caseID == nil)
        let storeExisted = store.rootExists
        let existing = try caseID.map { try ctx.readCase($0, store: store) }
        if let number = reprint, let existing {
            return try printAgain(number, of: existing, store: store, ctx: ctx, calendar: calendar)
        }
        var draft = self.draft
        let asking = ctx.isInteractive(interactive)
        if asking {
            try UnderretDialogue(console: c, youngPersonKnown: existing != nil).fill(&draft)
        }
        let received = try UnderretInput.received(draft, now: ctx.now, timeZone: tz)
        let day = LocalTime.date(of: received, in: tz)
        let findings = ConcernReportRules.check(draft, youngPerson: existing?.youngPerson, on: day)
            + ConcernReportRules.reassessmentFindings(existing: existing, on: day)
        for f in findings where f.severity == .warning { c.error(c.yellow("ADVARSEL:") + " " + f.message + (f.citation.map { " (\($0))" } ?? "")) }
        let missing = findings.filter { $0.ruleID.hasPrefix(ConcernReportRules.missingPrefix) }
        if !missing.isEmpty {
            throw UsageError.missingInput(missing.map(\.message), command: "underret")
        }
        if findings.hasErrors {
            for f in findings where f.severity == .error { c.error(c.red("FEJL:") + " " + f.message) }
            throw CLIError.ruleFailed("Underretningen er ikke gemt.")
        }
        if asking {
            var preview = CaseFile(id: existing?.id ?? CaseID("ny")!, created: ctx.now, youngPerson: existing?.youngPerson ?? draft.youngPerson)
            preview.concernReports = existing?.concernReports ?? []
            let report = ConcernRegistration.register(draft, on: &preview, received: received, now: ctx.now, author: ctx.user, timeZone: tz, calendar: calendar)
            UnderretDialogue(console: c, youngPersonKnown: existing != nil).summary(draft, report: report, deadlines: preview.deadlines, timeZone: tz)
            guard try Prompter(console: c).confirmSave("Gem underretningen?") else {
                c.error("Intet er gemt.")
                return ExitCode.usage
            }
        }
        let saved: CaseFile
        if let existing {
            saved = try ctx.updateCase(existing.id, store: store) { file in
                ConcernRegistration.register(draft, on: &file, received: received, now: ctx.now, author: ctx.user, timeZone: tz, calendar: calendar)
            }
        } else {
            var file = CaseFile(id: CaseID("ny")!, created: ctx.now, youngPerson: draft.youngPerson, caseworker: nil)
            ConcernRegistration.register(draft, on: &file, received: received, now: ctx.now, author: ctx.user, timeZone: tz, calendar: calendar)
            saved = try store.create(file, year: ctx.today.year, now: ctx.now, user: ctx.user, command: ctx.commandName)
            ctx.announceNewStore(storeExisted)
        }
        let report = saved.concernReports.last!
        let text = try UnderretInput.render(format, report: report, caseFile: saved, findings: findings, timeZone: tz, showCPR: showCPR, calendar: calendar)
        if showCPR, saved.youngPerson.cpr != nil {
            try store.appendAudit(ctx.event(.revealCPR, caseID: saved.id, before: saved.revision, after: saved.revision))
        }
        if let output {
            let what = existing == nil
                ? "Sag \(saved.id.rawValue) er oprettet, og underretning nr. \(report.number) er gemt på den (revision \(saved.revision))"
                : "Underretning nr. \(report.number) er gemt på sag \(saved.id.rawValue) (revision \(saved.revision))"
            try DocumentFile.export(
                text, to: output, caseID: saved.id, revision: saved.revision, store: store, ctx: ctx,
                saved: DocumentFile.Saved(what: what, reprint: reprintCommand(saved.id, report.number)))
        } else {
            c.write(text)
        }
        c.error("Underretning nr. \(report.number) er registreret på sag \(c.bold(saved.id.rawValue)) (revision \(saved.revision)).")
        for d in saved.deadlines where report.deadlineIDs.contains(d.id) {
            let due = d.dueTime.map { LocalTime.danishShort($0, in: tz) } ?? d.dueDate.danishShort
            c.error("  Frist \(due): \(d.title)")
        }
        if let output { c.error("Dokumentet er skrevet til \(output).") }
        return ExitCode.ok
    }

    /// The command line that prints notification `number` of case `id` again (without `--ud`).
    private func reprintCommand(_ id: CaseID, _ number: Int) -> String {
        "unge underret --sag \(id.rawValue) --udskriv \(number)" + (format == .md ? "" : " --format \(format.rawValue)")
    }

    /// `--udskriv NR`: the saved notification's document again, to stdout or `--ud`; saves nothing.
    private func printAgain(_ number: Int, of file: CaseFile, store: CaseStore, ctx: Context, calendar: DanishCalendar) throws -> Int32 {
        guard let report = file.concernReports.first(where: { $0.number == number }) else {
            let have = file.concernReports.map { String($0.number) }.joined(separator: ", ")
            throw UsageError.invalidValue(
                option: "--udskriv", value: String(number),
                expected: have.isEmpty ? "Sag \(file.id.rawValue) har ingen underretninger." : "Sag \(file.id.rawValue) har underretning nr. \(have).")
        }
        let text = try UnderretInput.render(format, report: report, caseFile: file, findings: [], timeZone: UnderretInput.timeZone, showCPR: showCPR, calendar: calendar)
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
