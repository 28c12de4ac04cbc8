import Foundation
import UngeCore
import UngeStore

/// `unge brev`: the case's letters: the decision letter with reasons and appeal guidance, the
/// hearing (partshøring), the notifier's receipt and orientation, and the børnesamtale record. Each
/// recipient's letter is a saved, numbered version (B1, B2 …); `--sendt` records its sending.
struct BrevCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "brev",
        summary: "Breve: afgørelsesbrev, partshøring, kvittering og orientering til underretteren",
        arguments: [.caseID, "brev"],
        discussion: """
            Uden flere argumenter vises sagens breve. Med et brev-id (fx B1) skrives det gemte brev ud igen,
            præcis som det blev gemt (--format md|html|json, --ud FIL). Med --type skrives nye breve, ét til hver
            modtager: den unge, når den unge er part, og hver forældremyndighedsindehaver; fra \(LegalAge.adult) år kun den unge.
            Typer: afgoerelse (med --indsats A1: afgørelsen, lovgrundlaget, begrundelsen og klagevejledningen),
            partshoering (\(HelpLaw.paragraph(.partyHearing)): oplysningerne, den påtænkte afgørelse og en svarfrist),
            kvittering og orientering til den, der underrettede (\(HelpLaw.paragraph(.receipt)) og \(HelpLaw.paragraph(.notifierFeedback, short: true))), og
            boernesamtale (ikke et brev, men samtalen med den unge før afgørelsen, \(HelpLaw.paragraph(.childInterview))).
            Begrundelsen skrives af dig og opfindes aldrig: mangler den, viser --kladde "MANGLER", og brevet
            kan ikke gemmes. En modtager uden adresse, en klagevej, som unges kilder ikke kender (fx
            alkoholbehandling: angiv den med 'unge indstillinger --klagevej'), eller en manglende børnesamtale
            stopper også brevet.
            --sendt B1 --dato D --kanal digital-post|brev|personligt|e-mail registrerer, hvornår brevet blev
            sendt. Klagefristen på \(LegalPeriod.appealWeeks) uger regnes fra, hvornår modtageren fik besked (\(HelpLaw.paragraph(.appealTimeLimit))),
            så unge viser kun "tidligst" (afsendelsen + \(LegalPeriod.appealWeeks) uger). En kvittering lukker fristen på \(LegalPeriod.receiptWorkingDays) hverdage,
            en orientering lukker påmindelsen.
            """,
        options: [
            OptionSpec(
                "--type", value: "afgoerelse|partshoering|kvittering|orientering|boernesamtale",
                help: "Brevets type, eller boernesamtale for samtalen med den unge."),
            OptionSpec("--indsats", value: "ID", help: "Afgørelsen, brevet eller samtalen gælder (fx A1)."),
            OptionSpec(
                "--dato", value: "ÅÅÅÅ-MM-DD",
                help: "Brevets dato; ved --sendt afsendelsen, ved --svar svaret, ved boernesamtale samtalen."),
            OptionSpec("--begrundelse", value: "TEKST", help: "Afgørelse: de hovedhensyn, der var afgørende."),
            OptionSpec(
                "--oplysninger", value: "TEKST",
                help: "Afgørelse: oplysninger med stor betydning; partshøring: oplysningerne parten skal høres over."),
            OptionSpec(
                "--medhold", value: "NAVN",
                help: "Modtager, der har fået fuldt ud medhold (navn, eller ung); kan gentages.", repeatable: true),
            OptionSpec("--dommer-enig", help: "Børne- og ungeudvalget: dommeren var enig."),
            OptionSpec(
                "--dommer-uenig", value: "TEKST", help: "Børne- og ungeudvalget: dommerens afvigende opfattelse."),
            OptionSpec(
                "--partshoering", value: "ID", help: "Partshøring, afgørelsen bygger på (fx B3); kan gentages.",
                repeatable: true),
            OptionSpec("--overvejer", value: "TEKST", help: "Partshøring: den afgørelse, kommunen overvejer."),
            OptionSpec("--svarfrist", value: "ÅÅÅÅ-MM-DD", help: "Partshøring: fristen for bemærkninger."),
            OptionSpec("--underretning", value: "NR", help: "Kvittering og orientering: underretningens nummer."),
            OptionSpec("--detaljer", help: "Orientering: fortæl også indsatsens type og varighed (§ 138, stk. 3)."),
            OptionSpec(
                "--saerlige-forhold", value: "TEKST",
                help: "Orientering: underretteren orienteres ikke, fordi særlige forhold gør sig gældende (grunden)."),
            OptionSpec("--holdning", value: "TEKST", help: "Børnesamtale: hvad den unge sagde."),
            OptionSpec("--ikke-holdt", value: "TEKST", help: "Børnesamtale: hvorfor samtalen ikke blev holdt."),
            OptionSpec(
                "--paa-anden-vis", value: "TEKST",
                help: "Børnesamtale: hvordan den unges synspunkter ellers kom frem."),
            OptionSpec("--svar", value: "ID", help: "Registrér svaret på partshøringen ID (med --dato og --tekst)."),
            OptionSpec("--tekst", value: "TEKST", help: "Svarets indhold; uden --tekst: intet svar inden fristen."),
            OptionSpec("--sendt", value: "ID", help: "Registrér, at brevet ID er sendt (med --dato og --kanal)."),
            OptionSpec(
                "--kanal", value: "digital-post|brev|personligt|e-mail", help: "Hvordan brevet blev sendt."),
            .fromFile, .interactive, .draft, .format, .output, .showCPR, .json,
        ],
        examples: [
            ("unge brev 2026-0011", "Vis sagens breve"),
            (
                "unge brev 2026-0011 --type boernesamtale --indsats A2 --dato 2026-08-24 --holdning \"Lucas vil gerne have en voksen at tale med\"",
                "Samtalen med den unge før afgørelsen"
            ),
            (
                "unge brev 2026-0011 --type afgoerelse --indsats A2 --begrundelse \"Lucas har brug for en fast voksen\" --kladde",
                "Se afgørelsesbrevene som kladde med MANGLER-markeringer"
            ),
            (
                "unge brev 2026-0011 --type partshoering --overvejer \"Fast kontaktperson\" --oplysninger \"Skolen oplyser ...\" --svarfrist 2026-08-21",
                "Partshøring med svarfrist"
            ),
            ("unge brev 2026-0011 --svar B1 --dato 2026-08-20 --tekst \"Mor er enig\"", "Registrér svaret"),
            ("unge brev 2026-0011 --sendt B2 --dato 2026-08-27 --kanal digital-post", "Registrér afsendelsen"),
            ("unge brev 2026-0011 B2 --format html --ud brev.html", "Skriv et gemt brev ud til print (A4)"),
        ],
        positionals: 1...2, positionalNames: ["sagsnummeret", "brevets id"])

    enum Mode {
        case list
        case show(String)
        case compose
        case interview
        case reply(String, LocalDate?, String?)
        case sent(String, LocalDate?, SendChannel)
    }

    let id: CaseID
    let mode: Mode
    let args: ParsedArguments
    let options: DocumentOptions
    let json: Bool

    static let composeOptions = [
        "--indsats", "--begrundelse", "--oplysninger", "--medhold", "--dommer-uenig", "--partshoering", "--overvejer",
        "--svarfrist", "--underretning", "--holdning", "--ikke-holdt", "--paa-anden-vis", "--saerlige-forhold",
    ]

    init(_ args: ParsedArguments) throws {
        id = try Values.caseID(args.positional(0)!)
        self.args = args
        options = try DocumentOptions(args)
        json = args.has("--json")
        let date = try args.value("--dato").map { try Values.date($0, option: "--dato") }
        let composing =
            args.value("--type") != nil || args.value("--fra-fil") != nil || args.has("--interaktiv")
            || Self.composeOptions.contains { args.value($0) != nil } || args.has("--dommer-enig")
            || args.has("--detaljer")
        let actions = [args.value("--svar") != nil, args.value("--sendt") != nil, composing, args.positional(1) != nil]
        if actions.filter({ $0 }).count > 1 {
            throw UsageError.conflict(
                "Gør én ting ad gangen: vis et brev (B1), skriv nye breve (--type), registrér et svar (--svar) eller en afsendelse (--sendt)."
            )
        }
        if args.value("--kanal") != nil, args.value("--sendt") == nil {
            throw UsageError.conflict(
                "--kanal bruges sammen med --sendt, fx --sendt B1 --dato 2026-09-01 --kanal digital-post.")
        }
        if args.value("--tekst") != nil, args.value("--svar") == nil {
            throw UsageError.conflict(
                "--tekst bruges sammen med --svar, fx --svar B1 --dato 2026-09-01 --tekst \"...\".")
        }
        if let shown = args.positional(1) {
            mode = .show(shown)
        } else if let reply = args.value("--svar") {
            mode = .reply(reply, date, args.value("--tekst"))
        } else if let sent = args.value("--sendt") {
            guard let k = args.value("--kanal") else {
                throw UsageError.missingArgument(
                    "hvordan brevet blev sendt: --kanal digital-post|brev|personligt|e-mail", command: "brev")
            }
            guard let channel = SendChannel.parse(k) else {
                throw UsageError.invalidValue(
                    option: "--kanal", value: k, expected: "Vælg digital-post, brev, personligt eller e-mail.")
            }
            mode = .sent(sent, date, channel)
        } else if composing {
            if let t = args.value("--type"), t.lowercased() != "boernesamtale", LetterKind.parse(t) == nil {
                throw UsageError.invalidValue(
                    option: "--type", value: t,
                    expected: "Vælg afgoerelse, partshoering, kvittering, orientering eller boernesamtale.")
            }
            mode = args.value("--type")?.lowercased() == "boernesamtale" ? .interview : .compose
        } else {
            mode = .list
        }
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.store
        switch mode {
        case .list:
            // A letter left as a draft in a guided dialogue is resumed on a terminal, as the other
            // document dialogues are ('unge brev <sag>' is what the draft message tells to run).
            let draft = try store.loadDraft(command: "brev", caseID: id)
            if draft != nil, !json, ctx.isInteractive(options.interactive) {
                return try compose(ctx, store: store)
            }
            let file = try ctx.readCase(id, store: store)
            if draft != nil, !json {
                ctx.console.error(
                    "Der ligger en kladde til et brev på sagen. Fortsæt den i en terminal med 'unge brev \(id.rawValue)'."
                )
            }
            if json {
                ctx.console.print(
                    try JSONOutput.render(
                        ListOutput(
                            caseID: id, letters: file.letters.map { LetterDocument.payload($0, in: file) },
                            interviews: file.decisionInterviews)))
            } else if file.letters.isEmpty && file.decisionInterviews.isEmpty {
                ctx.console.print(
                    "Sag \(id.rawValue) har ingen breve. Skriv et med 'unge brev \(id.rawValue) --type afgoerelse --indsats A1' (se 'unge brev --help')."
                )
            } else {
                if !file.letters.isEmpty {
                    for line in Table.lines([LetterDocument.listHeader] + LetterDocument.listRows(file)) {
                        ctx.console.print(line)
                    }
                }
                for iv in file.decisionInterviews {
                    ctx.console.print(
                        "Børnesamtale \(iv.id)\(iv.decisionID.map { " før \($0)" } ?? ""): "
                            + (iv.held ? "holdt \(iv.date.danishShort)" : "ikke holdt (\(iv.date.danishShort))"))
                }
            }
            return ExitCode.ok
        case .show(let lid):
            try options.checkTarget(ctx)
            let file = try ctx.readCase(id, store: store, showCPR: options.showCPR)
            guard let l = file.letter(lid) else {
                throw UsageError.message(LetterRecords.unknown(lid, file).message)
            }
            var doc = LetterDocument.build(l, caseID: id)
            doc.printedLine = try DocumentRecords.printLine(store: store, ctx: ctx)
            try DocumentOutput.emit(
                doc, json: { try JSONOutput.render(LetterDocument.payload(l, in: file)) }, options: options, ctx: ctx,
                file: file, store: store)
            return ExitCode.ok
        case .reply(let lid, let date, let text):
            let when = date ?? ctx.today
            if when > ctx.today {
                throw UsageError.invalidValue(
                    option: "--dato", value: when.iso, expected: "Et svar kan kun registreres i dag eller tidligere.")
            }
            var letter: Letter?
            let stamp = try DocumentRecords.stamp(store: store, ctx: ctx)
            let head = try ctx.letterhead(store: store, caseID: id, author: ctx.user)
            let saved = try ctx.updateCase(id, store: store) { f in
                defer { IndsatsCommand.refreshSummaries(in: &f, stamp: stamp, head: head, ctx: ctx) }
                do {
                    letter = try LetterRecords.recordReply(
                        lid, on: &f, date: when, text: text, by: ctx.user, at: ctx.now)
                } catch let e as LetterInputError { throw UsageError.message(e.message) }
            }
            let l = letter!
            if json {
                ctx.console.print(try JSONOutput.render(Changed(caseID: id, letter: l.id, revision: saved.revision)))
            } else {
                ctx.console.print(
                    (l.reply?.text == nil
                        ? "Intet svar på partshøring \(l.id) er registreret"
                        : "Svaret på partshøring \(l.id) er registreret")
                        + " på sag \(id.rawValue) (revision \(saved.revision)).")
            }
            return ExitCode.ok
        case .sent(let lid, let date, let channel):
            let when = date ?? ctx.today
            if when > ctx.today {
                throw UsageError.invalidValue(
                    option: "--dato", value: when.iso,
                    expected: "En afsendelse kan kun registreres i dag eller tidligere.")
            }
            var letter: Letter?
            let stamp = try DocumentRecords.stamp(store: store, ctx: ctx)
            let head = try ctx.letterhead(store: store, caseID: id, author: ctx.user)
            let saved = try ctx.updateCase(id, store: store) { f in
                defer { IndsatsCommand.refreshSummaries(in: &f, stamp: stamp, head: head, ctx: ctx) }
                do {
                    letter = try LetterRecords.markSent(
                        lid, on: &f, date: when, channel: channel, by: ctx.user, at: ctx.now)
                } catch let e as LetterInputError { throw UsageError.message(e.message) }
            }
            let l = letter!
            if json {
                ctx.console.print(try JSONOutput.render(Changed(caseID: id, letter: l.id, revision: saved.revision)))
            } else {
                var s =
                    "Brev \(l.id) til \(l.recipient.name) er registreret som sendt \(when.danishLong) (\(channel.danish))."
                if let e = l.earliestAppealEnd {
                    s +=
                        " Klagefristen udløber tidligst \(e.danishLong): de \(LegalPeriod.appealWeeks) uger regnes fra, hvornår modtageren fik besked (retssikkerhedsloven § 67, stk. 1)."
                }
                if l.kind == .receipt { s += " Fristen for kvitteringen er opfyldt." }
                if l.kind == .feedback { s += " Påmindelsen om orienteringen er lukket." }
                ctx.console.print(s)
            }
            return ExitCode.ok
        case .interview:
            return try interview(ctx, store: store)
        case .compose:
            return try compose(ctx, store: store)
        }
    }

    // MARK: Letters

    private func letterContext(_ store: any Store, ctx: Context) throws -> LetterContext {
        let settings = try store.loadSettings()
        let profile = settings.profile(of: ctx.user)
        return LetterContext(
            municipality: settings.municipality, unit: settings.unit, authorName: profile?.fullName ?? ctx.user,
            authorTitle: profile?.title, settings: settings.letters)
    }

    private func answersFromFlags(ctx: Context) throws -> LetterAnswers {
        func date(_ name: String) throws -> LocalDate? {
            try args.value(name).map { try Values.date($0, option: name) }
        }
        var judgeAgreed: Bool? = nil
        if args.has("--dommer-enig") { judgeAgreed = true }
        if args.value("--dommer-uenig") != nil {
            if judgeAgreed == true { throw UsageError.conflict("Vælg --dommer-enig eller --dommer-uenig, ikke begge.") }
            judgeAgreed = false
        }
        let granted = args.all("--medhold")
        let hearings = args.all("--partshoering")
        return LetterAnswers(
            kind: args.value("--type") ?? "", date: try date("--dato"), decision: args.value("--indsats"),
            considerations: args.value("--begrundelse"), facts: args.value("--oplysninger"),
            fullyGranted: granted.isEmpty ? nil : granted, judgeAgreed: judgeAgreed,
            judgeDissent: args.value("--dommer-uenig"), hearings: hearings.isEmpty ? nil : hearings,
            consideredDecision: args.value("--overvejer"), deadline: try date("--svarfrist"),
            notification: try args.value("--underretning").map {
                try Values.int($0, option: "--underretning", range: 1...100_000)
            }, includeDetails: args.has("--detaljer") ? true : nil)
    }

    private func compose(_ ctx: Context, store: any Store) throws -> Int32 {
        try options.checkTarget(ctx)
        let file = try store.load(id)
        if let reason = args.value("--saerlige-forhold") {
            guard LetterKind.parse(args.value("--type") ?? "") == .feedback else {
                throw UsageError.conflict("--saerlige-forhold bruges med --type orientering.")
            }
            let n =
                try args.value("--underretning").map {
                    try Values.int($0, option: "--underretning", range: 1...100_000)
                } ?? (file.concernReports.count == 1 ? file.concernReports[0].number : nil)
            guard let n else {
                throw UsageError.missingArgument("underretningens nummer: --underretning NR", command: "brev")
            }
            let when = try args.value("--dato").map { try Values.date($0, option: "--dato") } ?? ctx.today
            let stamp = try DocumentRecords.stamp(store: store, ctx: ctx)
            let head = try ctx.letterhead(store: store, caseID: id, author: ctx.user)
            let saved = try ctx.updateCase(id, store: store) { f in
                defer { IndsatsCommand.refreshSummaries(in: &f, stamp: stamp, head: head, ctx: ctx) }
                do {
                    try LetterRecords.withholdFeedback(n, on: &f, reason: reason, date: when, by: ctx.user, at: ctx.now)
                } catch let e as LetterInputError { throw UsageError.message(e.message) }
            }
            ctx.console.print(
                "Underretteren for underretning nr. \(n) orienteres ikke (særlige forhold). Påmindelsen er lukket, og grunden står i journalen (revision \(saved.revision))."
            )
            return ExitCode.ok
        }
        try AnonymousCounselling.refuse(file, what: "et brev", on: ctx.today)
        let letterContext = try letterContext(store, ctx: ctx)
        func composed(_ a: LetterAnswers) throws -> ComposedLetters {
            do {
                return try LetterComposer.compose(
                    a, in: file, context: letterContext, today: ctx.today, author: ctx.user, recorded: ctx.now)
            } catch let e as LetterInputError { throw UsageError.message(e.message) }
        }
        let pipeline = DocumentPipeline<LetterAnswers>(
            command: "brev", caseID: id, what: "Brevet", draftOnly: options.draft,
            validate: { try composed($0).findings },
            renderDraft: { a, _ in
                let c = try composed(a)
                try DocumentOutput.emit(
                    LetterDocument.buildDraft(c.letters, caseID: id),
                    json: {
                        try JSONOutput.render(Drafts(letters: c.letters.map { LetterDocument.payload($0, in: file) }))
                    },
                    options: options, ctx: ctx, file: file, store: store)
            },
            save: { a, _ in try save(try composed(a).letters, store: store, ctx: ctx) })
        if let data = try options.readInput() {
            var a: LetterAnswers
            do { a = try UngeJSON.decoder().decode(LetterAnswers.self, from: data) } catch {
                throw UsageError.message(
                    "\(options.fromFile!): filen er ikke et gyldigt brev (\(error.localizedDescription)). Se 'unge brev --help'."
                )
            }
            if let t = args.value("--type") { a.kind = t }
            _ = try composed(a)
            return try pipeline.run(a, ctx: ctx)
        }
        let flagsGiven = Self.composeOptions.contains { args.value($0) != nil } || args.has("--dommer-enig")
        if !flagsGiven, ctx.isInteractive(options.interactive) {
            let dialogue = BrevDialogue(ctx: ctx, file: file, kind: args.value("--type").flatMap(LetterKind.parse))
            return try pipeline.runGuided(ctx: ctx, store: store) { session in try dialogue.run(session) }
        }
        let a = try answersFromFlags(ctx: ctx)
        if a.kind.isEmpty {
            throw UsageError.missingArgument(
                "brevets type: --type afgoerelse|partshoering|kvittering|orientering", command: "brev")
        }
        _ = try composed(a)
        return try pipeline.run(a, ctx: ctx)
    }

    private func save(_ letters: [Letter], store: any Store, ctx: Context) throws -> Int32 {
        var stored: [Letter] = []
        let stamp = try DocumentRecords.stamp(store: store, ctx: ctx)
        let head = try ctx.letterhead(store: store, caseID: id, author: ctx.user)
        let saved = try ctx.updateCase(id, store: store) { f in
            defer { IndsatsCommand.refreshSummaries(in: &f, stamp: stamp, head: head, ctx: ctx) }
            var n = f.letters.compactMap { Int($0.id.dropFirst()) }.max() ?? 0
            stored = letters.map { l in
                var l = l
                n += 1
                l.id = "B\(n)"
                return l
            }
            f.letters += stored
            f.record(.other(LetterDocument.savedJournalText(stored)), at: ctx.now, by: ctx.user)
            f.updated = ctx.now
        }
        let list = stored.map { "\($0.id) til \($0.recipient.name) (\($0.recipient.role.danish))" }
        let message =
            "Gemt på sag \(id.rawValue): " + list.joined(separator: ", ") + " (revision \(saved.revision))."
        var doc = stored.first.map { LetterDocument.build($0, caseID: id) } ?? Document(title: "")
        for l in stored.dropFirst() {
            let next = LetterDocument.build(l, caseID: id)
            doc.add(.heading("Brev \(l.id) til \(l.recipient.name): " + next.title, level: 2))
            doc.blocks += next.blocks
        }
        doc.printedLine = try DocumentRecords.printLine(store: store, ctx: ctx)
        try DocumentOutput.emitSaved(
            doc, json: { try JSONOutput.render(Drafts(letters: stored.map { LetterDocument.payload($0, in: saved) })) },
            options: options, ctx: ctx, file: saved, store: store,
            saved: DocumentFile.Saved(
                what: "Brevene er gemt på sag \(id.rawValue) (\(stored.map(\.id).joined(separator: ", ")))",
                reprint: "unge brev \(id.rawValue) \(stored.first?.id ?? "")\(options.formatArgument)"),
            message: message)
        return ExitCode.ok
    }

    // MARK: Børnesamtale

    private func interview(_ ctx: Context, store: any Store) throws -> Int32 {
        let file = try store.load(id)
        var a: InterviewAnswers
        if let data = try options.readInput() {
            do { a = try UngeJSON.decoder().decode(InterviewAnswers.self, from: data) } catch {
                throw UsageError.message(
                    "\(options.fromFile!): filen er ikke en gyldig børnesamtale (\(error.localizedDescription)).")
            }
        } else if args.value("--holdning") == nil, args.value("--ikke-holdt") == nil,
            ctx.isInteractive(options.interactive)
        {
            a = try BrevDialogue(ctx: ctx, file: file, kind: nil).interview(
                Prompter(console: ctx.console), decision: args.value("--indsats"))
        } else {
            a = InterviewAnswers(
                decision: args.value("--indsats"),
                date: try args.value("--dato").map { try Values.date($0, option: "--dato") },
                held: args.value("--ikke-holdt") != nil ? false : (args.value("--holdning") != nil ? true : nil),
                views: args.value("--holdning"), notHeldReason: args.value("--ikke-holdt"),
                viewsOtherwise: args.value("--paa-anden-vis"))
        }
        guard let did = a.decision, let d = file.decision(did) else {
            let have = file.decisions.map(\.id).joined(separator: ", ")
            throw UsageError.message(
                "Angiv den afgørelse, samtalen kom før, med --indsats ID. "
                    + (have.isEmpty ? "Sagen har ingen afgørelser endnu." : "Sagens afgørelser: \(have)."))
        }
        if let when = a.date, when > d.decisionDate {
            throw UsageError.message(
                "Samtalen (\(when.danishLong)) skal ligge før eller samme dag som afgørelsen (\(d.decisionDate.danishLong)): barnets lov § 5, stk. 3 kræver samtalen, inden afgørelsen træffes."
            )
        }
        a.decision = d.id
        let record: DecisionInterview
        switch a.record(
            id: file.nextDecisionInterviewID, defaultDate: d.decisionDate, author: ctx.user, recorded: ctx.now)
        {
        case .success(let r): record = r
        case .failure(let e): throw UsageError.message(e.description)
        }
        let stamp = try DocumentRecords.stamp(store: store, ctx: ctx)
        let head = try ctx.letterhead(store: store, caseID: id, author: ctx.user)
        let saved = try ctx.updateCase(id, store: store) { f in
            defer { IndsatsCommand.refreshSummaries(in: &f, stamp: stamp, head: head, ctx: ctx) }
            var r = record
            r.id = f.nextDecisionInterviewID
            f.decisionInterviews.append(r)
            let law = LegalReferences.reference(r.held ? .childInterview : .childInterviewWaived).citation(
                on: d.decisionDate)
            f.record(
                .other(
                    "Børnesamtale \(r.id) før afgørelse \(d.id) registreret (\(law)): "
                        + r.statement(addressingYoungPerson: false, name: LetterLaw.firstName(f.youngPerson))),
                at: ctx.now, by: ctx.user)
            f.updated = ctx.now
        }
        if json {
            ctx.console.print(
                try JSONOutput.render(Changed(caseID: id, letter: record.id, revision: saved.revision)))
        } else {
            ctx.console.print(
                "Børnesamtalen før afgørelse \(d.id) er registreret på sag \(id.rawValue) (revision \(saved.revision))."
            )
        }
        return ExitCode.ok
    }

    struct ListOutput: Encodable {
        let caseID: CaseID
        let letters: [LetterDocument.Payload]
        let interviews: [DecisionInterview]
    }

    struct Drafts: Encodable {
        let letters: [LetterDocument.Payload]
    }

    struct Changed: Encodable {
        let caseID: CaseID
        let letter: String
        let revision: Int
    }
}
