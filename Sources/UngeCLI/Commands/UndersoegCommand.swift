import Foundation
import UngeCore
import UngeStore

/// `unge undersoeg <id>` (alias `undersøg`): record the child-welfare examination (BL § 20, tidl.
/// SEL § 50) and show its summary.
struct UndersoegCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "undersoeg",
        aliases: ["undersøg"],
        summary:
            "Registrér den børnefaglige undersøgelse (\(HelpLaw.paragraph(.examination))) eller afdækningen (\(HelpLaw.paragraph(.preliminaryAssessment, short: true)))",
        arguments: [.caseID],
        discussion: """
            Registrerer, hvornår kommunen blev opmærksom på behovet (herfra løber fristen på \(LegalPeriod.examinationMonths) måneder), samarbejde
            og samtykker, hvert af de seks områder (eller hvorfor et område ikke er relevant), børnesamtalen,
            screeninger, misbrugsfase, forandringscirklen og konklusionen. I en terminal bliver du guidet.
            Uden svar vises den registrerede undersøgelse. Fejl giver slutkode 1; --kladde viser en kladde med
            MANGLER-markeringer og gemmer intet. Er der allerede en undersøgelse, vælger du de afsnit, du vil ændre,
            og de nuværende svar står som standard (Enter beholder). Afbryder du, gemmes svarene som kladde.
            """,
        options: DocumentOptions.specs + [
            OptionSpec("--opmaerksom", value: "DATO", help: "Datoen, kommunen blev opmærksom på behovet."),
            OptionSpec("--afsluttet", value: "DATO", help: "Datoen, undersøgelsen blev afsluttet."),
        ],
        examples: [
            ("unge undersoeg 2026-0003", "Registrér undersøgelsen med guidning (i en terminal), eller vis den"),
            (
                "unge undersoeg 2026-0003 --opmaerksom 2026-04-20",
                "Start undersøgelsen: fristen på \(LegalPeriod.examinationMonths) måneder løber fra denne dato"
            ),
            (
                "unge undersoeg 2026-0003 --fra-fil undersoegelse.json",
                "Registrér hele undersøgelsen fra en fil (se Fixtures/plan/undersoegelse.json)"
            ),
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
            throw UsageError.conflict(
                "--opmaerksom/--afsluttet bruges uden --fra-fil og --interaktiv (skriv datoerne i filen i stedet).")
        }
    }

    /// The examination's completion and the child interview have happened: never in the future,
    /// never before the municipality became aware (the one event-date check, `EventDate`).
    static func checkEventDates(_ exam: Examination, today: LocalDate) throws {
        do {
            if let done = exam.completedDate {
                try EventDate.check(
                    done, what: "Afslutningsdatoen", today: today, notBefore: exam.awareDate,
                    notBeforeName: "datoen, kommunen blev opmærksom på behovet")
            }
            if let talk = exam.childInterview?.date {
                try EventDate.check(talk, what: "Datoen for børnesamtalen", today: today)
            }
        } catch let e as EventDate.Problem {
            throw UsageError.message(e.description + " Intet er gemt.")
        }
    }

    /// A date answer for something that has happened: checked as it is given.
    static func pastDate(_ what: String, today: LocalDate) -> (String) -> Result<LocalDate, UsageError> {
        { text in
            switch Answers.date(text) {
            case .failure(let e): return .failure(e)
            case .success(let d):
                do { try EventDate.check(d, what: what, today: today) } catch let e as EventDate.Problem {
                    return .failure(.message(e.description))
                } catch { return .failure(.message("\(error)")) }
                return .success(d)
            }
        }
    }

    func run(_ ctx: Context) throws -> Int32 {
        try options.checkTarget(ctx)
        let store = try ctx.store
        let file = try ctx.readCase(id, store: store, showCPR: options.showCPR)
        let existing = file.examination
        if let data = try options.readInput() {
            let start = ExaminationStart.defaultStart(in: file, today: options.date ?? ctx.today)
            let awareDefault = existing?.awareDate ?? start.date
            if existing == nil, let source = start.source {
                ctx.console.error(
                    "Undersøgelsen regnes fra \(source), medmindre filen siger andet (awareDate).")
            }
            let exam: Examination
            do { exam = try PlanInput.examination(from: data, awareDate: awareDefault, author: ctx.user) } catch {
                throw UsageError.message("\(options.fromFile!): \(error.description)")
            }
            try Self.checkEventDates(exam, today: ctx.today)
            return try pipeline(file: file, store: store, ctx: ctx).run(exam, ctx: ctx)
        } else if aware != nil || completed != nil {
            let start = ExaminationStart.defaultStart(in: file, today: ctx.today)
            let fallback = aware ?? (start.source != nil ? start.date : nil)
            if existing == nil, aware == nil, let source = start.source {
                ctx.console.error("Undersøgelsen regnes fra \(source). Brug --opmaerksom DATO for en anden dato.")
            }
            guard var exam = existing ?? fallback.map({ Examination(awareDate: $0, author: ctx.user) }) else {
                throw UsageError.missingInput(
                    ["datoen, kommunen blev opmærksom på behovet (--opmaerksom)"], command: "undersoeg")
            }
            if let aware { exam.awareDate = aware }
            if let completed { exam.completedDate = completed }
            try Self.checkEventDates(exam, today: ctx.today)
            return try pipeline(file: file, store: store, ctx: ctx).run(exam, ctx: ctx)
        } else if options.asks(ctx) {
            try AnonymousCounselling.refuse(file, what: "en børnefaglig undersøgelse", on: options.date ?? ctx.today)
            let dialogue = ExaminationDialogue(ctx: ctx, file: file)
            let today = options.date ?? ctx.today
            var pipeline = pipeline(file: file, store: store, ctx: ctx)
            if existing != nil { pipeline.editableSections = dialogue.sections }
            return try pipeline.runGuided(ctx: ctx, store: store) { session in
                try dialogue.run(session, existing: existing, today: today)
            }
        } else {
            guard let existing else {
                throw UsageError.missingInput(
                    ["undersøgelsens oplysninger: --opmaerksom DATO, --fra-fil FIL.json eller --interaktiv"],
                    command: "undersoeg")
            }
            let date = options.date ?? ctx.today
            if !options.draft, options.date == nil, let record = file.latestRecord(.examination) {
                try DocumentOutput.deliver(
                    try DocumentRecords.printed(record, store: store, ctx: ctx), content: existing,
                    findings: record.findings, options: options, ctx: ctx, file: file, store: store, saved: nil,
                    message: nil, author: existing.author, date: record.date)
                return ExitCode.ok
            }
            let findings = ExaminationValidator.validate(
                existing, youngPerson: file.youngPerson, network: file.network, on: date)
            try render(
                existing, file: file, findings: findings, date: date, draft: options.draft, ctx: ctx, store: store)
            return ExitCode.ok
        }
    }

    private func pipeline(file: CaseFile, store: any Store, ctx: Context) -> DocumentPipeline<Examination> {
        func date(_ exam: Examination) -> LocalDate { options.date ?? exam.completedDate ?? ctx.today }
        return DocumentPipeline(
            command: "undersoeg", caseID: id, what: "Undersøgelsen", draftOnly: options.draft,
            validate: { exam in
                try AnonymousCounselling.refuse(file, what: "en børnefaglig undersøgelse", on: date(exam))
                return ExaminationValidator.validate(
                    exam, youngPerson: file.youngPerson, network: file.network, on: date(exam))
            },
            renderDraft: { exam, findings in
                try render(exam, file: file, findings: findings, date: date(exam), draft: true, ctx: ctx, store: store)
            },
            save: { exam, findings in
                let head = try ctx.letterhead(store: store, caseID: id, author: ctx.user, date: date(exam))
                let stamp = try DocumentRecords.stamp(store: store, ctx: ctx)
                var record: DocumentRecord? = nil
                let saved = try ctx.updateCase(id, store: store) { f in
                    let first = f.examination == nil
                    f.examination = exam
                    PlanDeadlines.merge(into: &f)
                    f.record(.examination(exam, first: first), at: ctx.now, by: ctx.user)
                    let r = DocumentRecords.make(
                        ExaminationDocument.build(
                            exam, in: f, on: date(exam), findings: findings, draft: false, showCPR: true),
                        kind: .examination, ref: String(f.nextRecordNumber(.examination)), date: date(exam), file: f,
                        findings: findings, stamp: stamp, head: head, ctx: ctx)
                    f.documentRecords.append(r)
                    record = r
                }
                try render(
                    exam, file: saved, findings: findings, date: date(exam), draft: false, ctx: ctx, store: store,
                    record: record,
                    saved: DocumentFile.Saved(
                        what: "Undersøgelsen er gemt på sag \(id.rawValue) (revision \(saved.revision))",
                        reprint: "unge undersoeg \(id.rawValue) --udskriv" + options.formatArgument),
                    message: "Undersøgelsen er gemt på sag \(id.rawValue)."
                        + (exam.completedDate == nil
                            ? exam.completionDue.map { " Frist for afslutning: \($0.danishShort)." } ?? "" : ""))
                return ExitCode.ok
            })
    }

    private func render(
        _ exam: Examination, file: CaseFile, findings: [Finding], date: LocalDate, draft: Bool, ctx: Context,
        store: any Store, record: DocumentRecord? = nil,
        saved: DocumentFile.Saved? = nil, message: String? = nil
    ) throws {
        var doc = ExaminationDocument.build(
            exam, in: file, on: date, findings: findings, draft: draft, showCPR: options.showCPR)
        if let record { doc = try DocumentRecords.printed(record, store: store, ctx: ctx) }
        try DocumentOutput.deliver(
            doc, content: exam, findings: findings, options: options, ctx: ctx, file: file, store: store, saved: saved,
            message: message, author: exam.author, date: date)
    }
}

/// The guided examination dialogue, area by area. On a case that already has an examination its
/// answers are offered as defaults (Enter keeps), and single areas can be changed alone.
struct ExaminationDialogue {
    let ctx: Context
    let file: CaseFile

    var title: String { "Børnefaglig undersøgelse – \(file.youngPerson.displayName)" }

    var sections: [String] {
        [title, "Samarbejde og samtykke"] + ExaminationArea.allCases.map(\.danish) + [
            "Børnesamtale", "Forbrug og screening", "Konklusion",
        ]
    }

    func run(_ p: DialogueSession, existing: Examination?, today: LocalDate) throws -> Examination {
        p.plan(sections: sections)
        p.section(title)
        let start = ExaminationStart.defaultStart(in: file, today: today)
        let suggested = existing?.awareDate ?? start.date
        if existing == nil, let source = start.source {
            p.say(
                "Fristen på \(LegalPeriod.examinationMonths) måneder regnes fra, da kommunen blev opmærksom på behovet: som standard \(source). Enter beholder den dato."
            )
        }
        let aware =
            try p.ask(
                existing == nil && start.source != nil
                    ? "Hvornår blev kommunen opmærksom på behovet? (standard: \(start.source!))"
                    : "Hvornår blev kommunen opmærksom på behovet?", defaultValue: suggested.iso,
                parse: Answers.date) ?? suggested
        var exam = existing ?? Examination(awareDate: aware)
        exam.awareDate = aware
        exam.author = ctx.user
        if let due = exam.completionDue { p.say("Fristen for at afslutte undersøgelsen er \(due.danishLong).") }

        p.section("Samarbejde og samtykke")
        var participants: [Participant] = []
        let age = file.youngPerson.age(on: today)
        let oldYoung = existing?.participants.first { $0.role == .youngPerson }
        let youngTookPart =
            LegalAge.cooperatesOnExamination(age: age)
            ? true : try p.yesNo("Har den unge deltaget?", defaultValue: existing.map { _ in oldYoung != nil } ?? true)
        if youngTookPart {
            participants.append(
                Participant(
                    name: file.youngPerson.displayName, role: .youngPerson,
                    how: try p.ask("Hvordan har den unge deltaget?", defaultValue: oldYoung?.how)))
        }
        for holder in file.network.custodyHolders {
            let old = existing?.participants.first { $0.role == .custodyHolder && $0.name == holder.name }
            participants.append(
                Participant(
                    name: holder.name, role: .custodyHolder,
                    how: try p.ask("Hvordan har \(holder.name) (forældremyndighed) deltaget?", defaultValue: old?.how)))
        }
        exam.participants = participants
        exam.consents = try consents(p, existing: existing?.consents ?? [], today: today)

        for area in ExaminationArea.allCases {
            p.section(area.danish)
            let old = existing?.areas.first { $0.area == area }
            if !(try p.yesNo(
                "Er området relevant for den unge?", defaultValue: old.map { $0.notRelevantReason == nil } ?? true))
            {
                let reason = try p.ask("Hvorfor ikke?", required: true, defaultValue: old?.notRelevantReason) ?? ""
                set(&exam, .notRelevant(area, reason: reason))
                continue
            }
            let d0 = old?.details
            let findings =
                try p.ask("Hvad fandt undersøgelsen?", required: true, defaultValue: d0?.findings, long: true) ?? ""
            var d = AreaDescription(findings: findings)
            d.resources = try p.ask("Ressourcer (kan springes over)", defaultValue: d0?.resources, long: true)
            d.problems = try p.ask("Problemer (kan springes over)", defaultValue: d0?.problems, long: true)
            d.ownView = try p.ask(
                "Den unges egen opfattelse (kan springes over)", defaultValue: d0?.ownView, long: true)
            let oldSources = d0?.sources ?? []
            func name(_ s: InformationSource) -> String {
                s.kind == .youngPerson ? "den unge" : (s.name ?? s.kind.danish)
            }
            d.sources = try p.list(
                "Kilder, adskilt af ; (fx den unge; mor; Lone, klasselærer)", defaultValue: oldSources.map(name)
            ).map { s in
                if let kept = oldSources.first(where: { name($0).lowercased() == s.lowercased() }) { return kept }
                return s.lowercased() == "den unge"
                    ? InformationSource(kind: .youngPerson) : InformationSource(kind: .other, name: s)
            }
            set(&exam, .described(area, d))
        }

        p.section("Børnesamtale")
        let oldInterview = existing?.childInterview
        if let date = try p.ask(
            "Dato for børnesamtalen (kan springes over)", required: false, defaultValue: oldInterview?.date.iso,
            parse: UndersoegCommand.pastDate("Datoen for børnesamtalen", today: ctx.today))
        {
            let offered = try p.yesNo(
                "Er den unge oplyst om retten til en bisidder?",
                defaultValue: oldInterview?.supportPersonOffered ?? true)
            let used = try p.yesNo("Deltog en bisidder?", defaultValue: oldInterview?.supportPersonUsed ?? false)
            exam.childInterview = ChildInterview(
                date: date, supportPersonOffered: offered, supportPersonUsed: used,
                summary: try p.ask(
                    "Hvad fortalte den unge? (kan springes over)", defaultValue: oldInterview?.summary, long: true))
        } else {
            exam.childInterview = nil
        }

        p.section("Forbrug og screening")
        exam.substanceUse = try p.ask(
            "Forbrug: hvad, hvornår, hvor meget (kan springes over)", defaultValue: existing?.substanceUse, long: true)
        p.say("Misbrugsfase: " + UsePhase.allCases.map(\.label).joined(separator: ", "))
        let phaseDefault = existing?.usePhase.flatMap { UsePhase.allCases.firstIndex(of: $0) }.map { String($0 + 1) }
        exam.usePhase = try p.ask(
            "Misbrugsfase 1-4 (kan springes over)", required: false, defaultValue: phaseDefault,
            parse: { Answers.choice($0, from: UsePhase.allCases) })
        exam.stageOfChange = try p.choose(
            "Forandringscirklen (nummer, kan springes over)", from: StageOfChange.allCases, label: \.danish,
            required: false, defaultValue: existing?.stageOfChange)
        let oldScreenings = existing?.screenings ?? []
        exam.screenings = []
        while let instrument = try p.ask(
            "Screeningsredskab, fx UngMap eller EuropASI (tom for at gå videre)",
            defaultValue: exam.screenings.count < oldScreenings.count
                ? oldScreenings[exam.screenings.count].instrument : nil)
        {
            let old = exam.screenings.count < oldScreenings.count ? oldScreenings[exam.screenings.count] : nil
            let version = try p.ask("Version (kan springes over)", defaultValue: old?.version)
            let date = try p.ask("Dato", defaultValue: (old?.date ?? today).iso, parse: Answers.date) ?? today
            var s = Screening(
                instrument: instrument, version: version, date: date, scores: old?.scores ?? [], summary: nil)
            s.summary = try p.ask("Resultat eller sammenfatning", defaultValue: old?.summary, long: true)
            exam.screenings.append(s)
        }

        p.section("Konklusion")
        exam.completedDate = try p.ask(
            "Dato for afslutning (tom hvis ikke afsluttet)", required: false,
            defaultValue: existing?.completedDate?.iso,
            parse: UndersoegCommand.pastDate("Afslutningsdatoen", today: ctx.today))
        if exam.completedDate != nil || exam.completionDue.map({ today > $0 }) == true {
            let old = existing?.conclusion
            let need = try p.yesNo("Er der behov for særlig støtte?", defaultValue: old?.specialSupportNeeded)
            let reasons =
                try p.ask("Begrundelse", required: exam.completedDate != nil, defaultValue: old?.reasons, long: true)
                ?? ""
            var c = ExaminationConclusion(specialSupportNeeded: need, reasons: reasons)
            if exam.completedDate == nil {
                c.provisionalAssessment = try p.ask(
                    "Foreløbig vurdering (fristen er udløbet)", required: true,
                    defaultValue: old?.provisionalAssessment, long: true)
            }
            c.decisionDate = try p.ask(
                "Dato for afgørelse om støtte (kan springes over)", required: false,
                defaultValue: old?.decisionDate?.iso, parse: Answers.date)
            exam.conclusion = c
        }
        return exam
    }

    /// The consents given or refused along the way (to obtain information from a doctor or the
    /// school, to exchange information in SSD ...), one at a time; the earlier ones are offered.
    private func consents(_ p: DialogueSession, existing: [Consent], today: LocalDate) throws -> [Consent] {
        p.say(
            ctx.console.dim(
                "Samtykker: fx til at indhente oplysninger fra lægen eller skolen, eller til at drøfte den unge på et SSD-møde. Tom linje går videre."
            ))
        var out: [Consent] = []
        let roles: [ParticipantRole] = [.youngPerson, .custodyHolder, .other]
        while true {
            let old = out.count < existing.count ? existing[out.count] : nil
            guard
                let who = try p.ask(
                    "Samtykke fra (navn, tom for at gå videre)", defaultValue: old?.givenBy)
            else { break }
            let holder = file.network.custodyHolders.contains { $0.name.lowercased() == who.lowercased() }
            let youngName = file.youngPerson.displayName.lowercased()
            let guess: ParticipantRole =
                old?.role ?? (holder ? .custodyHolder : who.lowercased() == youngName ? .youngPerson : .custodyHolder)
            let role =
                try p.choose("Rolle", from: roles, label: \.danish, defaultValue: guess) ?? guess
            let about =
                try p.ask(
                    "Hvad gælder samtykket? (fx indhente oplysninger fra egen læge, SSD-møde)", required: true,
                    defaultValue: old?.about) ?? ""
            let date =
                try p.ask(
                    "Dato for samtykket", defaultValue: (old?.date ?? today).iso,
                    parse: UndersoegCommand.pastDate("Datoen for samtykket", today: ctx.today)) ?? today
            let given = try p.yesNo(
                "Blev samtykket givet (nej, hvis det blev afslået)?", defaultValue: old?.given ?? true)
            out.append(Consent(givenBy: who, role: role, about: about, date: date, given: given))
        }
        return out
    }

    private func set(_ exam: inout Examination, _ a: AreaAssessment) {
        exam.areas.removeAll { $0.area == a.area }
        exam.areas.append(a)
        exam.areas.sort {
            ExaminationArea.allCases.firstIndex(of: $0.area)! < ExaminationArea.allCases.firstIndex(of: $1.area)!
        }
    }
}
