import Foundation
import UngeCore
import UngeStore

/// `unge undersoeg <id>` (alias `undersøg`): record the child-welfare examination (BL § 20, tidl.
/// SEL § 50) and show its summary.
struct UndersoegCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "undersoeg",
        aliases: ["undersøg"],
        summary: "Registrér den børnefaglige undersøgelse (§ 50)",
        arguments: [.caseID],
        discussion: """
            Registrerer, hvornår kommunen blev opmærksom på behovet (herfra løber fristen på 4 måneder), samarbejde
            og samtykker, hvert af de seks områder (eller hvorfor et område ikke er relevant), børnesamtalen,
            screeninger, misbrugsfase, forandringscirklen og konklusionen. I en terminal bliver du guidet.
            Uden svar vises den registrerede undersøgelse. Fejl giver slutkode 1; --kladde gemmer alligevel.
            """,
        options: DocumentOptions.specs + [
            OptionSpec("--opmaerksom", value: "DATO", help: "Datoen, kommunen blev opmærksom på behovet."),
            OptionSpec("--afsluttet", value: "DATO", help: "Datoen, undersøgelsen blev afsluttet."),
        ],
        examples: [
            ("unge undersoeg 2026-0003", "Registrér undersøgelsen med guidning (i en terminal), eller vis den"),
            ("unge undersoeg 2026-0003 --opmaerksom 2026-04-20", "Start undersøgelsen: fristen på 4 måneder løber fra denne dato"),
            ("unge undersoeg 2026-0003 --fra-fil undersoegelse.json", "Registrér hele undersøgelsen fra en fil (se Fixtures/plan/undersoegelse.json)"),
            ("unge undersøg 2026-0003 --format html --ud undersoegelse.html", "Skriv sammenfatningen som HTML"),
        ],
        positionals: 1...1, positionalNames: ["sagsnummeret"])

    let id: CaseID
    let options: DocumentOptions
    let aware: LocalDate?
    let completed: LocalDate?

    init(_ args: ParsedArguments) throws {
        id = try Values.caseID(args.positional(0)!)
        options = try DocumentOptions(args)
        aware = try args.value("--opmaerksom").map { try Values.date($0, option: "--opmaerksom") }
        completed = try args.value("--afsluttet").map { try Values.date($0, option: "--afsluttet") }
        if (aware != nil || completed != nil) && (options.fromFile != nil || options.interactive) {
            throw UsageError.conflict("--opmaerksom/--afsluttet bruges uden --fra-fil og --interaktiv (skriv datoerne i filen i stedet).")
        }
    }

    func run(_ ctx: Context) throws -> Int32 {
        try options.checkTarget(ctx)
        let store = try ctx.openStore()
        let file = try ctx.readCase(id, store: store, showCPR: options.showCPR)
        let existing = file.examination
        var exam: Examination
        var asked = false
        if let data = try options.readInput() {
            let awareDefault = existing?.awareDate ?? options.date ?? ctx.today
            do { exam = try PlanInput.examination(from: data, awareDate: awareDefault, author: ctx.user) } catch {
                throw UsageError.message("\(options.fromFile!): \(error.description)")
            }
        } else if aware != nil || completed != nil {
            guard let base = existing ?? aware.map({ Examination(awareDate: $0, author: ctx.user) }) else {
                throw UsageError.missingInput(["datoen, kommunen blev opmærksom på behovet (--opmaerksom)"], command: "undersoeg")
            }
            exam = base
            if let aware { exam.awareDate = aware }
            if let completed { exam.completedDate = completed }
        } else if options.asks(ctx) {
            exam = try ExaminationDialogue(ctx: ctx, file: file).run(existing: existing, today: options.date ?? ctx.today)
            asked = true
        } else {
            guard let existing else {
                throw UsageError.missingInput(["undersøgelsens oplysninger: --opmaerksom DATO, --fra-fil FIL.json eller --interaktiv"], command: "undersoeg")
            }
            let date = options.date ?? ctx.today
            let findings = ExaminationValidator.validate(existing, youngPerson: file.youngPerson, network: file.network, on: date)
            try render(existing, file: file, findings: findings, date: date, draft: options.draft, ctx: ctx, store: store)
            return ExitCode.ok
        }
        let date = options.date ?? exam.completedDate ?? ctx.today
        let findings = ExaminationValidator.validate(exam, youngPerson: file.youngPerson, network: file.network, on: date)
        if findings.hasErrors && !options.draft {
            throw DocumentOutput.refusal(findings, what: "Undersøgelsen", ctx: ctx)
        }
        DocumentOutput.report(findings, ctx: ctx)
        if asked, !(try Prompter(console: ctx.console).confirmSave("Gem undersøgelsen?")) {
            ctx.console.error("Intet er gemt.")
            return ExitCode.usage
        }
        let saved = try ctx.updateCase(id, store: store) { f in
            f.examination = exam
            PlanDeadlines.merge(into: &f)
        }
        try render(exam, file: saved, findings: findings, date: date, draft: findings.hasErrors, ctx: ctx, store: store, saved: DocumentFile.Saved(
            what: "Undersøgelsen er gemt på sag \(id.rawValue) (revision \(saved.revision))",
            reprint: "unge undersoeg \(id.rawValue) --udskriv" + options.formatArgument))
        let due = exam.awareDate.adding(months: 4)
        ctx.console.error("Undersøgelsen er gemt på sag \(id.rawValue)." + (exam.completedDate == nil ? " Frist for afslutning: \(due.danishShort)." : ""))
        return ExitCode.ok
    }

    private func render(_ exam: Examination, file: CaseFile, findings: [Finding], date: LocalDate, draft: Bool, ctx: Context, store: CaseStore, saved: DocumentFile.Saved? = nil) throws {
        let doc = ExaminationDocument.build(exam, in: file, on: date, findings: findings, draft: draft, showCPR: options.showCPR)
        try DocumentOutput.emit(doc, json: { try DocumentOutput.json(caseID: id, title: doc.title, content: exam, findings: findings, showCPR: options.showCPR) }, options: options, ctx: ctx, file: file, store: store, saved: saved)
    }
}

/// The guided examination dialogue, area by area.
struct ExaminationDialogue {
    let ctx: Context
    let file: CaseFile

    private var p: Prompter { Prompter(console: ctx.console) }
    private func section(_ s: String) { ctx.console.error(""); ctx.console.error(ctx.console.bold("== \(s) ==")) }

    func run(existing: Examination?, today: LocalDate) throws -> Examination {
        section("Børnefaglig undersøgelse – \(file.youngPerson.displayName)")
        let aware = try p.ask("Hvornår blev kommunen opmærksom på behovet?", defaultValue: (existing?.awareDate ?? today).iso, parse: Answers.date) ?? today
        var exam = existing ?? Examination(awareDate: aware)
        exam.awareDate = aware
        exam.author = ctx.user
        ctx.console.error("Fristen for at afslutte undersøgelsen er \(aware.adding(months: 4).danishLong).")

        section("Samarbejde")
        var participants: [Participant] = []
        let age = file.youngPerson.age(on: today) ?? 0
        let youngTookPart = age >= 15 ? true : try p.yesNo("Har den unge deltaget?", defaultValue: true)
        if youngTookPart {
            participants.append(Participant(name: file.youngPerson.displayName, role: .youngPerson, how: try p.ask("Hvordan har den unge deltaget?")))
        }
        for holder in file.network.custodyHolders {
            participants.append(Participant(name: holder.name, role: .custodyHolder, how: try p.ask("Hvordan har \(holder.name) (forældremyndighed) deltaget?")))
        }
        exam.participants = participants

        for area in ExaminationArea.allCases {
            section(area.danish)
            if !(try p.yesNo("Er området relevant for den unge?", defaultValue: true)) {
                let reason = try p.ask("Hvorfor ikke?", required: true) ?? ""
                set(&exam, .notRelevant(area, reason: reason))
                continue
            }
            let findings = try p.ask("Hvad fandt undersøgelsen?", required: true) ?? ""
            var d = AreaDescription(findings: findings)
            d.resources = try p.ask("Ressourcer (kan springes over)")
            d.problems = try p.ask("Problemer (kan springes over)")
            d.ownView = try p.ask("Den unges egen opfattelse (kan springes over)")
            d.sources = Answers.list(try p.ask("Kilder, adskilt af ; (fx den unge; mor; Lone, klasselærer)")).map { s in
                s.lowercased() == "den unge" ? InformationSource(kind: .youngPerson) : InformationSource(kind: .other, name: s)
            }
            set(&exam, .described(area, d))
        }

        section("Børnesamtale")
        if let date = try p.ask("Dato for børnesamtalen (kan springes over)", required: false, parse: Answers.date) {
            let offered = try p.yesNo("Er den unge oplyst om retten til en bisidder?", defaultValue: true)
            let used = try p.yesNo("Deltog en bisidder?", defaultValue: false)
            exam.childInterview = ChildInterview(date: date, supportPersonOffered: offered, supportPersonUsed: used, summary: try p.ask("Hvad fortalte den unge? (kan springes over)"))
        }

        section("Forbrug og screening")
        exam.substanceUse = try p.ask("Forbrug: hvad, hvornår, hvor meget (kan springes over)")
        ctx.console.error("Misbrugsfase: " + UsePhase.allCases.map(\.label).joined(separator: ", "))
        exam.usePhase = try p.ask("Misbrugsfase 1-4 (kan springes over)", required: false, parse: { Answers.choice($0, from: UsePhase.allCases) })
        Answers.menu(StageOfChange.allCases.map(\.danish), ctx: ctx)
        exam.stageOfChange = try p.ask("Forandringscirklen (nummer, kan springes over)", required: false, parse: { Answers.choice($0, from: StageOfChange.allCases) })
        while let instrument = try p.ask("Screeningsredskab, fx UngMap eller EuropASI (tom for at gå videre)") {
            let version = try p.ask("Version (kan springes over)")
            let date = try p.ask("Dato", defaultValue: today.iso, parse: Answers.date) ?? today
            exam.screenings.append(Screening(instrument: instrument, version: version, date: date, summary: try p.ask("Resultat eller sammenfatning")))
        }

        section("Konklusion")
        exam.completedDate = try p.ask("Dato for afslutning (tom hvis ikke afsluttet)", required: false, parse: Answers.date)
        if exam.completedDate != nil || today > aware.adding(months: 4) {
            let need = try p.yesNo("Er der behov for særlig støtte?")
            let reasons = try p.ask("Begrundelse", required: exam.completedDate != nil) ?? ""
            var c = ExaminationConclusion(specialSupportNeeded: need, reasons: reasons)
            if exam.completedDate == nil { c.provisionalAssessment = try p.ask("Foreløbig vurdering (fristen er udløbet)", required: true) }
            c.decisionDate = try p.ask("Dato for afgørelse om støtte (kan springes over)", required: false, parse: Answers.date)
            exam.conclusion = c
        }
        return exam
    }

    private func set(_ exam: inout Examination, _ a: AreaAssessment) {
        exam.areas.removeAll { $0.area == a.area }
        exam.areas.append(a)
        exam.areas.sort { ExaminationArea.allCases.firstIndex(of: $0.area)! < ExaminationArea.allCases.firstIndex(of: $1.area)! }
    }
}
