import Foundation
import UngeCore
import UngeStore

/// `unge indsats`: register, list, show and end the case's decisions (afgørelser). The legal basis
/// follows from the type, the young person's age and the date; it is never typed.
struct IndsatsCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "indsats",
        aliases: ["afgoerelse"],
        summary: "Registrér og vis afgørelser om indsatser (lovgrundlaget findes ud fra type, alder og dato)",
        arguments: [.caseID, "afgørelse"],
        discussion: """
            Uden flere argumenter vises sagens afgørelser; med et id (fx A1) vises en sammenfatning af den
            afgørelse (--format md|html|json, --ud FIL). Med --type (eller --fra-fil / --interaktiv) registreres
            en ny afgørelse: lovgrundlaget findes ud fra typen, den unges alder og datoen, og fristerne (behandling
            inden \(LegalPeriod.treatmentDays) dage efter henvendelsen, plan inden \(LegalPeriod.planMonths) måneder, første opfølgning, ungestøtte før \(LegalAge.adult)) gemmes
            på sagen, så 'unge frister' viser dem. En type, der ikke passer til alder eller dato, afvises med
            paragraffen og forslag til, hvad der kan vælges i stedet; intet gemmes.
            Typer: dagtilbud, hjemmestoette, kontaktperson, praktik, familiebehandling, familieanbringelse,
            stoetteophold, anden-hjaelp (barnets lov § 32, stk. 1, nr. 1-8); behandling-ambulant,
            behandling-doegn (§ 33); anbringelse (§ 46); anbringelse-uden-samtykke (§ 47, med --grundlag);
            ungestoette-doegnophold, ungestoette-kontaktperson, ungestoette-udslusning, ungestoette-anden,
            ungestoette-genetableret, opretholdt-anbringelse (§§ 114-116, 120); sel101-ambulant, sel101-doegn,
            sel101a-anonym (serviceloven), alkohol (sundhedsloven § 141); før 2024: sel52, sel52-anbringelse,
            sel76-eftervaern; ingen-plan: kommunens stillingtagen til, at der ikke laves en plan.
            Samtykke: --samtykke foraeldremyndighed:2026-03-01 eller --samtykke ung:2026-03-01 (kan gentages).
            Behandling efter § 33 forudsætter alvorlige sociale og adfærdsmæssige problemer på grund af misbruget
            (--alvorlige-problemer ja). Uden forældremyndighedsindehaverens samtykke kun efter § 37 (--uden-samtykke).
            Fra \(LegalAge.adult) år: --handleplan-forhold afgør, om en handleplan skal tilbydes (serviceloven § 141, stk. 2) eller
            kommunen skønner (stk. 1).
            """,
        options: [
            OptionSpec("--type", value: "TYPE", help: "Afgørelsens type (se listen ovenfor)."),
            OptionSpec(
                "--dato", value: "ÅÅÅÅ-MM-DD", help: "Afgørelsens dato (ved --afslut: slutdatoen; standard: i dag)."),
            OptionSpec(
                "--henvendelse", value: "ÅÅÅÅ-MM-DD", help: "Dato for henvendelsen, som behandlingsfristen regnes fra."),
            OptionSpec("--start", value: "ÅÅÅÅ-MM-DD", help: "Hvornår indsatsen er planlagt til at begynde."),
            OptionSpec(
                "--ivaerksat", value: "ÅÅÅÅ-MM-DD",
                help:
                    "Den dag, indsatsen faktisk begyndte (aldrig en planlagt dato); med et afgørelses-id registreres starten."
            ),
            OptionSpec("--ikke-ivaerksat", help: "Med et afgørelses-id: indsatsen blev ikke iværksat (med --grund)."),
            OptionSpec(
                "--aarsag", value: "fravalgt|andet-tilbud|ingen-plads|andet",
                help: "Med --ikke-ivaerksat: hvorfor (standard: udledt af --grund)."),
            OptionSpec("--varighed", value: "TEKST", help: "Forventet varighed, fx \"6 måneder\"."),
            OptionSpec("--slut", value: "ÅÅÅÅ-MM-DD", help: "Forventet slutdato."),
            OptionSpec("--formaal", value: "TEKST", help: "Formålet med indsatsen."),
            OptionSpec(
                "--samtykke", value: "HVEM:DATO",
                help: "Samtykke: foraeldremyndighed:DATO eller ung:DATO (kan gentages).", repeatable: true),
            OptionSpec("--leverandoer", value: "TEKST", help: "Leverandør, behandlingssted eller anbringelsessted."),
            OptionSpec("--pris", value: "KR", help: "Døgnbehandling: pris pr. måned i kroner."),
            OptionSpec("--efterbehandling", value: "TEKST", help: "Døgnbehandling: den aftalte efterbehandling."),
            OptionSpec(
                "--grundlag", value: "1|2|3|4|egen-anmodning", help: "§ 47: grundlaget (stk. 1, nr. 1-4, eller stk. 4)."
            ),
            OptionSpec("--sideloebende", help: "§ 46: akut anbringelse sideløbende med undersøgelsen."),
            OptionSpec(
                "--alvorlige-problemer", value: "ja|nej",
                help:
                    "§ 33: har den unge alvorlige sociale og adfærdsmæssige problemer på grund af stofmisbruget (stk. 1)? Nej: vælg familiebehandling (§ 32, stk. 1, nr. 5)."
            ),
            OptionSpec(
                "--uden-samtykke",
                help:
                    "§ 37: behandling efter § 32, stk. 1, nr. 1, 3 eller 5 uden forældremyndighedsindehaverens samtykke (før 2024: serviceloven § 56); aldrig § 33."
            ),
            OptionSpec(
                "--handleplan-forhold", value: "funktionsevne|bolig|udvikling|ingen",
                help:
                    "Serviceloven § 101 fra \(LegalAge.adult) år: forholdene i § 141, stk. 2 (betydeligt nedsat funktionsevne; alvorlige sociale problemer og kan ikke bo i egen bolig uden betydelig støtte; eller behov for betydelig støtte til udvikling), som gør, at en handleplan skal tilbydes; ingen: kommunen skønner (stk. 1).",
                values: .choices(AdultPlanFacts.allCases.map(\.token))),
            OptionSpec(
                "--genetableret", value: "doegnophold|kontaktperson|udslusning|anden",
                help:
                    "Ved ungestoette-genetableret (§ 116): den indsats efter § 114, stk. 1, nr. 1-4, der tildeles eller genetableres."
            ),
            OptionSpec(
                "--grund", value: "TEKST", help: "Ved ingen-plan, --afslut og --ikke-ivaerksat: begrundelsen."),
            OptionSpec("--vedroerer", value: "ID", help: "Ved ingen-plan: den afgørelse, stillingtagen gælder."),
            OptionSpec(
                "--afloeser", value: "ID",
                help:
                    "Den afgørelse, den nye afløser (fx ungestøtte efter en kontaktperson ved 18); begge viser koblingen."
            ),
            OptionSpec("--afslut", value: "ID", help: "Afslut afgørelsen ID (med --dato og --grund)."),
            OptionSpec(
                "--slutstatus", value: "stoffri|reduceret-stabiliseret|andet",
                help: "Ved --afslut af stofmisbrugsbehandling: slutstatus (til Stofmisbrugsdatabasen).",
                values: .choices(TreatmentEndStatus.allCases.map(\.token))),
            .fromFile, .interactive, .draft, .format, .output, .showCPR, .json,
        ],
        examples: [
            ("unge indsats 2026-0042", "Vis sagens afgørelser"),
            (
                "unge indsats 2026-0042 --type kontaktperson --dato 2026-03-01 --start 2026-03-15 --formaal \"Støtte til skolegang\" --varighed \"6 måneder\" --samtykke foraeldremyndighed:2026-02-26",
                "Fast kontaktperson efter barnets lov § 32, stk. 1, nr. 3"
            ),
            (
                "unge indsats 2026-0042 --type behandling-ambulant --henvendelse 2026-03-20 --dato 2026-03-24 --formaal \"Stoppe med hash\"",
                "Stofmisbrugsbehandling efter § 33: fristen på \(LegalPeriod.treatmentDays) dage regnes fra henvendelsen"
            ),
            (
                "unge indsats 2026-0042 --type ingen-plan --dato 2026-03-10 --grund \"Kort, afgrænset indsats\" --vedroerer A1",
                "Kommunens stillingtagen: ingen plan"
            ),
            ("unge indsats 2026-0042 --afslut A1 --dato 2026-09-01 --grund \"Målet er nået\"", "Afslut en afgørelse"),
            ("unge indsats 2026-0042 A2 --ivaerksat 2026-03-30", "Behandlingen begyndte faktisk 30. marts"),
            (
                "unge indsats 2026-0042 A2 --ikke-ivaerksat --grund \"Den unge har valgt et andet behandlingstilbud\"",
                "Behandlingen blev ikke iværksat: fristen bortfalder ved et lovligt fravalg"
            ),
            ("unge indsats 2026-0042 A1 --format html --ud afgoerelse.html", "Sammenfatning af afgørelsen som HTML"),
        ],
        positionals: 1...2, positionalNames: ["sagsnummeret", "afgørelsens id"])

    enum Mode {
        case list
        case show(String)
        case started(String, LocalDate)
        case notStarted(String, String, NonStartCause)
        case end(String, LocalDate?, String, TreatmentEndStatus?)
        case register
    }

    let id: CaseID
    let mode: Mode
    let args: ParsedArguments
    let options: DocumentOptions
    let json: Bool

    init(_ args: ParsedArguments) throws {
        id = try Values.caseID(args.positional(0)!)
        self.args = args
        options = try DocumentOptions(args)
        json = args.has("--json")
        let registering = args.value("--type") != nil || args.value("--fra-fil") != nil || args.has("--interaktiv")
        if let did = args.positional(1), let text = args.value("--ivaerksat") {
            if registering || args.value("--afslut") != nil || args.has("--ikke-ivaerksat") {
                throw UsageError.conflict(
                    "Registrér starten på en afgørelse (unge indsats \(id) \(did) --ivaerksat DATO) for sig.")
            }
            mode = .started(did, try Values.date(text, option: "--ivaerksat"))
        } else if let did = args.positional(1), args.has("--ikke-ivaerksat") {
            if registering || args.value("--afslut") != nil {
                throw UsageError.conflict(
                    "Registrér, at en afgørelse ikke blev iværksat (unge indsats \(id) \(did) --ikke-ivaerksat --grund ...), for sig."
                )
            }
            guard let reason = args.value("--grund")?.trimmingCharacters(in: .whitespaces), !reason.isEmpty else {
                throw UsageError.missingArgument(
                    "begrundelsen: --grund \"Den unge ønsker ikke behandlingen\"", command: "indsats")
            }
            var cause = NonStartCause.infer(from: reason)
            if let a = args.value("--aarsag") {
                guard let c = NonStartCause.parse(a) else {
                    throw UsageError.invalidValue(
                        option: "--aarsag", value: a, expected: "Vælg fravalgt, andet-tilbud, ingen-plads eller andet.")
                }
                cause = c
            }
            mode = .notStarted(did, reason, cause)
        } else if let shown = args.positional(1) {
            if registering || args.value("--afslut") != nil {
                throw UsageError.conflict(
                    "Vis én afgørelse (unge indsats \(id) \(shown)) eller registrér en ny, ikke begge.")
            }
            mode = .show(shown)
        } else if let end = args.value("--afslut") {
            if registering {
                throw UsageError.conflict("--afslut kan ikke bruges sammen med --type, --fra-fil eller --interaktiv.")
            }
            guard let reason = args.value("--grund")?.trimmingCharacters(in: .whitespaces), !reason.isEmpty else {
                throw UsageError.missingArgument("begrundelsen: --grund \"Målet er nået\"", command: "indsats")
            }
            let status = try args.value("--slutstatus").map { text -> TreatmentEndStatus in
                guard let s = TreatmentEndStatus.parse(text) else {
                    throw UsageError.invalidValue(
                        option: "--slutstatus", value: text,
                        expected: "Vælg stoffri, reduceret-stabiliseret eller andet.")
                }
                return s
            }
            mode = .end(
                end, try args.value("--dato").map { try Values.date($0, option: "--dato") }, reason, status)
        } else if registering {
            mode = .register
        } else {
            mode = .list
        }
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.store
        switch mode {
        case .list:
            let file = try ctx.readCase(id, store: store)
            if json {
                ctx.console.print(
                    try JSONOutput.render(
                        ListOutput(caseID: id, decisions: file.decisions.map { Item($0, file: file, today: ctx.today) })
                    ))
            } else if file.decisions.isEmpty {
                ctx.console.print(
                    "Sag \(id.rawValue) har ingen registrerede afgørelser. Registrér en med 'unge indsats \(id.rawValue) --type TYPE ...' (se 'unge indsats --help')."
                )
            } else {
                let rows = DecisionDocument.listRows(file, on: ctx.today)
                for line in Table.lines([DecisionDocument.listHeader] + rows) { ctx.console.print(line) }
            }
            return ExitCode.ok
        case .show(let did):
            try options.checkTarget(ctx)
            let file = try ctx.readCase(id, store: store, showCPR: options.showCPR)
            guard let d = file.decision(did) else { throw unknown(did, file) }
            var doc = DecisionDocument.build(d, in: file, on: ctx.today, showCPR: options.showCPR)
            if let record = file.documentRecord(.decisionSummary, d.id) {
                doc = try DocumentRecords.printed(record, store: store, ctx: ctx)
            } else {
                doc.setLetterhead(
                    try ctx.letterhead(store: store, caseID: id, author: d.author), authorUser: d.author)
                doc = try DocumentRecords.redrawn(doc, store: store, ctx: ctx)
            }
            try DocumentOutput.emit(
                doc, json: { try JSONOutput.render(Item(d, file: file, today: ctx.today)) }, options: options, ctx: ctx,
                file: file,
                store: store)
            return ExitCode.ok
        case .end(let did, let date, let reason, let status):
            let when = date ?? ctx.today
            var ended: Decision?
            let stamp = try DocumentRecords.stamp(store: store, ctx: ctx)
            let head = try ctx.letterhead(store: store, caseID: id, author: ctx.user)
            let saved = try ctx.updateCase(id, store: store) { f in
                guard let i = f.decisions.firstIndex(where: { $0.id.lowercased() == did.lowercased() }) else {
                    throw unknown(did, f)
                }
                if let end = f.decisions[i].end {
                    throw UsageError.message(
                        "Afgørelse \(f.decisions[i].id) er allerede afsluttet \(end.date.danishLong).")
                }
                if let start = f.decisions[i].start, when < start {
                    throw UsageError.message(
                        "Slutdatoen (\(when.danishLong)) ligger før starten (\(start.danishLong)). Ret --dato.")
                }
                if when < f.decisions[i].decisionDate {
                    throw UsageError.message(
                        "Slutdatoen (\(when.danishLong)) ligger før afgørelsen (\(f.decisions[i].decisionDate.danishLong)). Ret --dato."
                    )
                }
                try TreatmentEnd.check(f.decisions[i], status: status)
                f.decisions[i].end = DecisionEnd(date: when, reason: reason, status: status)
                ended = f.decisions[i]
                f.journal.append(
                    JournalEntry(
                        time: ctx.now, author: ctx.user,
                        text:
                            "Afgørelse \(f.decisions[i].id) (\(f.decisions[i].kind.danishName.lowercased())) afsluttet \(when.danishLong). Begrundelse: \(reason)",
                        change: "afsluttede afgørelse \(f.decisions[i].id)"
                            + TreatmentEnd.journalSuffix(status)
                    ))
                PlanDeadlines.merge(into: &f)
                Self.recordSummary(f.decisions[i].id, in: &f, stamp: stamp, head: head, ctx: ctx)
            }
            if json {
                ctx.console.print(
                    try JSONOutput.render(Saved(caseID: id, decision: ended!.id, revision: saved.revision)))
            } else {
                ctx.console.print(
                    "Afgørelse \(ended!.id) på sag \(id.rawValue) er afsluttet \(when.danishLong) (revision \(saved.revision))."
                )
            }
            return ExitCode.ok
        case .register:
            return try register(ctx, store: store)
        case .started(let did, let date):
            return try recordStart(did, date: date, ctx: ctx, store: store)
        case .notStarted(let did, let reason, let cause):
            return try recordNonStart(did, reason: reason, cause: cause, ctx: ctx, store: store)
        }
    }

    /// `--ivaerksat DATO` on a decision: the measure actually started that day (not in the future,
    /// not before the decision: `EventDate`). The treatment deadline is then met, or met late.
    private func recordStart(_ did: String, date: LocalDate, ctx: Context, store: any Store) throws -> Int32 {
        var started: Decision?
        let stamp = try DocumentRecords.stamp(store: store, ctx: ctx)
        let head = try ctx.letterhead(store: store, caseID: id, author: ctx.user)
        let saved = try ctx.updateCase(id, store: store) { f in
            guard let i = f.decisions.firstIndex(where: { $0.id.lowercased() == did.lowercased() }) else {
                throw unknown(did, f)
            }
            let d = f.decisions[i]
            if d.kind == .planStance {
                throw UsageError.message("\(d.id) er en stillingtagen, ikke en indsats; den kan ikke iværksættes.")
            }
            if let s = d.startedOn {
                throw UsageError.message("Afgørelse \(d.id) er allerede registreret som iværksat \(s.danishLong).")
            }
            do {
                try EventDate.check(
                    date, what: "Den faktiske start (--ivaerksat)", today: ctx.today, notBefore: d.decisionDate,
                    notBeforeName: "afgørelsen")
            } catch let e as EventDate.Problem {
                throw UsageError.invalidValue(option: "--ivaerksat", value: date.iso, expected: e.description)
            }
            if let end = d.end, date > end.date {
                throw UsageError.message(
                    "Starten (\(date.danishLong)) ligger efter afslutningen (\(end.date.danishLong)). Ret --ivaerksat.")
            }
            f.decisions[i].startedOn = date
            f.decisions[i].notStarted = nil
            started = f.decisions[i]
            f.journal.append(
                JournalEntry(
                    time: ctx.now, author: ctx.user,
                    text:
                        "Afgørelse \(d.id) (\(d.kind.danishName.lowercased())) er iværksat \(date.danishLong).",
                    change: "registrerede, at afgørelse \(d.id) er iværksat"))
            PlanDeadlines.merge(into: &f)
            Self.recordSummary(d.id, in: &f, stamp: stamp, head: head, ctx: ctx)
            f.updated = ctx.now
        }
        let d = started!
        let own = saved.deadlines.filter { $0.id == "\(DecisionDeadlines.prefix)\(d.id)-behandlingsstart" }
        let states = own.map { ($0, $0.status(now: ctx.now, timeZone: DanishTime.timeZone)) }
        if json {
            struct Output: Encodable {
                let caseID: CaseID
                let decision: String
                let startedOn: LocalDate
                let revision: Int
                let treatmentDeadline: DeadlineState?
                let daysLate: Int?
            }
            ctx.console.print(
                try JSONOutput.render(
                    Output(
                        caseID: id, decision: d.id, startedOn: date, revision: saved.revision,
                        treatmentDeadline: states.first?.1.state, daysLate: states.first?.1.daysLate)))
            return ExitCode.ok
        }
        ctx.console.print(
            "Afgørelse \(d.id) på sag \(id.rawValue) er registreret som iværksat \(date.danishLong) (revision \(saved.revision))."
        )
        for (f, st) in states {
            ctx.console.print("  \(f.title): \(st.danish).")
        }
        return ExitCode.ok
    }

    /// `--ikke-ivaerksat --grund`: the measure did not start. A lawful cause (declined, another
    /// treatment offer chosen, serviceloven § 101 stk. 6) lapses the treatment deadline with the
    /// reason; "no place" does not: the deadline stays overdue, or met late once treatment starts.
    private func recordNonStart(
        _ did: String, reason: String, cause: NonStartCause, ctx: Context, store: any Store
    ) throws -> Int32 {
        var decision: Decision?
        let stamp = try DocumentRecords.stamp(store: store, ctx: ctx)
        let head = try ctx.letterhead(store: store, caseID: id, author: ctx.user)
        let saved = try ctx.updateCase(id, store: store) { f in
            guard let i = f.decisions.firstIndex(where: { $0.id.lowercased() == did.lowercased() }) else {
                throw unknown(did, f)
            }
            let d = f.decisions[i]
            if let s = d.startedOn {
                throw UsageError.message(
                    "Afgørelse \(d.id) er registreret som iværksat \(s.danishLong); afslut den i stedet med --afslut \(d.id) --grund."
                )
            }
            f.decisions[i].notStarted = DecisionNonStart(date: ctx.today, reason: reason, cause: cause)
            decision = f.decisions[i]
            let what: String
            switch cause {
            case .declined: what = "den unge har fravalgt indsatsen"
            case .otherOffer: what = "den unge har valgt et andet behandlingstilbud (serviceloven § 101, stk. 6)"
            case .noPlace: what = "der er ingen plads; kommunens pligt består"
            case .other: what = "anden årsag"
            }
            f.journal.append(
                JournalEntry(
                    time: ctx.now, author: ctx.user,
                    text:
                        "Afgørelse \(d.id) (\(d.kind.danishName.lowercased())) er ikke iværksat: \(what). Begrundelse: \(reason)",
                    change: "registrerede, at afgørelse \(d.id) ikke er iværksat"
                ))
            PlanDeadlines.merge(into: &f)
            Self.recordSummary(d.id, in: &f, stamp: stamp, head: head, ctx: ctx)
            f.updated = ctx.now
        }
        let d = decision!
        let own = saved.deadlines.filter { $0.id.hasPrefix("\(DecisionDeadlines.prefix)\(d.id)-") }
        if json {
            ctx.console.print(
                try JSONOutput.render(Saved(caseID: id, decision: d.id, revision: saved.revision)))
            return ExitCode.ok
        }
        ctx.console.print(
            "Afgørelse \(d.id) på sag \(id.rawValue) er registreret som ikke iværksat (revision \(saved.revision)).")
        for f in own {
            ctx.console.print("  \(f.title): \(f.status(now: ctx.now, timeZone: DanishTime.timeZone).danish).")
        }
        if !cause.isLawful {
            ctx.console.print(
                "  Fristen består: \(cause == .noPlace ? "manglende plads" : "denne årsag") fritager ikke kommunen (brug --aarsag fravalgt eller andet-tilbud, hvis den unge har fravalgt eller valgt et andet tilbud)."
            )
        }
        return ExitCode.ok
    }

    /// Keeps the summary of decision `did` as it reads now (on `f`, after a change) as a new record.
    static func recordSummary(
        _ did: String, in f: inout CaseFile, stamp: AuthorStamp, head: Document.Letterhead, ctx: Context
    ) {
        guard let d = f.decision(did) else { return }
        let doc = DecisionDocument.build(d, in: f, on: ctx.today, showCPR: true)
        f.documentRecords.append(
            DocumentRecords.make(
                doc, kind: .decisionSummary, ref: d.id, date: ctx.today, file: f, findings: [], stamp: stamp,
                head: head, ctx: ctx))
    }

    /// After a change elsewhere that a decision summary shows (a letter, its sending, the conversation
    /// with the young person): a new record for each decision whose summary now reads differently.
    /// Decisions saved before records existed are left as they are.
    static func refreshSummaries(in f: inout CaseFile, stamp: AuthorStamp, head: Document.Letterhead, ctx: Context) {
        for d in f.decisions {
            guard let last = f.documentRecord(.decisionSummary, d.id) else { continue }
            var doc = DecisionDocument.build(d, in: f, on: ctx.today, showCPR: true)
            doc.setLetterhead(head, authorUser: ctx.user)
            if doc.blocks != last.document.blocks { recordSummary(d.id, in: &f, stamp: stamp, head: head, ctx: ctx) }
        }
    }

    private func unknown(_ did: String, _ file: CaseFile) -> UsageError {
        let have = file.decisions.map(\.id).joined(separator: ", ")
        return .invalidValue(
            option: "afgørelse", value: did,
            expected: have.isEmpty ? "Sagen har ingen afgørelser endnu." : "Sagens afgørelser: \(have).")
    }

    private func register(_ ctx: Context, store: any Store) throws -> Int32 {
        let file = try store.load(id)
        let newID = file.nextDecisionID
        var decision: Decision
        if let data = try options.readInput() {
            let draft: DecisionDraft
            do { draft = try UngeJSON.decoder().decode(DecisionDraft.self, from: data) } catch {
                throw UsageError.message(
                    "\(options.fromFile!): filen er ikke en gyldig afgørelse (\(JSONProblem.describe(error, in: data))). Se 'unge indsats --help'."
                )
            }
            switch draft.decision(id: newID, defaultDate: ctx.today, author: ctx.user, recorded: ctx.now) {
            case .success(let d): decision = d
            case .failure(let e): throw UsageError.message("\(options.fromFile!): \(e.description)")
            }
        } else if args.value("--type") == nil, ctx.isInteractive(options.interactive) {
            try AnonymousCounselling.refuse(file, what: "en afgørelse", on: ctx.today)
            let dialogue = IndsatsDialogue(ctx: ctx, file: file)
            var guided = pipeline(file: file, store: store, ctx: ctx)
            // 'unge indsats ID' alone lists the decisions: only --interaktiv starts the dialogue again.
            guided.resumeCommand = "unge indsats \(id.rawValue) --interaktiv"
            return try guided.runGuided(ctx: ctx, store: store) { session in
                try dialogue.run(session, id: newID)
            }
        } else {
            decision = try fromFlags(id: newID, ctx: ctx)
        }
        try AnonymousCounselling.refuse(file, what: "en afgørelse", on: decision.decisionDate, kind: decision.kind)
        // Registered now: `--start` is a plan; only `--ivaerksat` records that it started.
        decision.startIsPlanned = true
        try ProviderChoice.resolve(&decision, settings: try store.loadSettings())
        // From options or a file: a wrong date or a missing answer is a usage error (exit 2).
        let findings = DecisionLaw.check(decision, in: file)
        if DecisionLaw.onlyUsageErrors(findings) {
            DocumentOutput.report(findings, ctx: ctx)
            throw UsageError.message("Afgørelsen er ikke gemt. Ret oplysningerne ovenfor, og prøv igen.")
        }
        return try pipeline(file: file, store: store, ctx: ctx).run(decision, ctx: ctx)
    }

    /// Rules, draft and save for a new decision: the same way from options, a file and the dialogue.
    private func pipeline(file: CaseFile, store: any Store, ctx: Context) -> DocumentPipeline<Decision> {
        DocumentPipeline(
            command: "indsats", caseID: id, what: "Afgørelsen", draftOnly: options.draft,
            validate: { d in
                try AnonymousCounselling.refuse(file, what: "en afgørelse", on: d.decisionDate, kind: d.kind)
                var d = d
                d.startIsPlanned = true
                // A hearing whose time limit is still open: deciding now warns (forvaltningsloven § 19).
                return DecisionLaw.check(d, in: file) + LetterLaw.openHearingFindings(in: file, on: d.decisionDate)
            },
            renderDraft: { d, _ in
                let doc = DecisionDocument.build(d, in: file, on: ctx.today, showCPR: options.showCPR)
                try DocumentOutput.emit(
                    doc, json: { try JSONOutput.render(Item(d, file: file, today: ctx.today)) }, options: options,
                    ctx: ctx, file: file, store: store)
            },
            save: { d, _ in try save(d, store: store, ctx: ctx) })
    }

    private func save(_ d: Decision, store: any Store, ctx: Context) throws -> Int32 {
        var decision = d
        // Registered now: `--start` is a plan; only `--ivaerksat` records that it started.
        decision.startIsPlanned = true
        var before: Set<String> = []
        let stamp = try DocumentRecords.stamp(store: store, ctx: ctx)
        let head = try ctx.letterhead(store: store, caseID: id, author: ctx.user)
        let saved = try ctx.updateCase(id, store: store) { f in
            decision.id = f.nextDecisionID
            if let r = decision.replaces, let old = f.decision(r) { decision.replaces = old.id }
            before = Set(f.deadlines.map(\.id))
            f.decisions.append(decision)
            f.journal.append(
                JournalEntry(
                    time: ctx.now, author: ctx.user,
                    text: DecisionDocument.journalText(decision, youngPerson: f.youngPerson),
                    change: "registrerede afgørelse \(decision.id) (\(decision.kind.danishName.lowercased()))"))
            PlanDeadlines.merge(into: &f)
            Self.recordSummary(decision.id, in: &f, stamp: stamp, head: head, ctx: ctx)
            // The replaced decision's summary now names the one that replaces it.
            if let r = decision.replaces { Self.recordSummary(r, in: &f, stamp: stamp, head: head, ctx: ctx) }
            f.updated = ctx.now
        }
        let fresh = saved.deadlines.filter { !before.contains($0.id) && !$0.isMet }
        DocumentOutput.report(ConcernReportRules.closedDayFindings(fresh), ctx: ctx)
        if json {
            ctx.console.print(try JSONOutput.render(Saved(caseID: id, decision: decision.id, revision: saved.revision)))
            return ExitCode.ok
        }
        let basis = DecisionLaw.citation(decision, youngPerson: saved.youngPerson, in: saved)
        ctx.console.print(
            "Afgørelse \(decision.id) gemt på sag \(id.rawValue): \(decision.kind.danishName) (\(basis)).")
        let age = saved.youngPerson.age(on: decision.decisionDate)
        for d in fresh {
            ctx.console.print("  Ny frist: \(d.title), senest \(d.dueDate.danishLong) (\(d.citation(age: age)))")
        }
        if let line = DecisionDocument.planLine(decision, in: saved) { ctx.console.print("  " + line) }
        return ExitCode.ok
    }

    private func fromFlags(id newID: String, ctx: Context) throws -> Decision {
        let typeText = args.value("--type")!
        guard let kind = DecisionKind.parse(typeText) else {
            throw UsageError.invalidValue(
                option: "--type", value: typeText,
                expected: "Vælg en af: \(DecisionKind.allCases.map(\.token).joined(separator: ", ")).")
        }
        func date(_ name: String) throws -> LocalDate? {
            try args.value(name).map { try Values.date($0, option: name) }
        }
        var ground: PlacementGround? = nil
        if let g = args.value("--grundlag") {
            guard let p = PlacementGround.parse(g) else {
                throw UsageError.invalidValue(
                    option: "--grundlag", value: g,
                    expected: "Vælg 1, 2, 3, 4 (§ 47, stk. 1) eller egen-anmodning (stk. 4).")
            }
            ground = p
        }
        var measure: DecisionKind? = nil
        if let m = args.value("--genetableret") {
            guard let k = DecisionLaw.reestablishable(m) else {
                throw UsageError.invalidValue(
                    option: "--genetableret", value: m,
                    expected: "Vælg doegnophold, kontaktperson, udslusning eller anden (§ 114, stk. 1, nr. 1-4).")
            }
            measure = k
        }
        var price: Int? = nil
        if let p = args.value("--pris") { price = try Values.int(p, option: "--pris", range: 0...10_000_000) }
        let consents = try args.all("--samtykke").map { try Self.consent($0) }
        let reason = args.value("--grund")
        var facts: AdultPlanFacts? = nil
        if let f = args.value("--handleplan-forhold") {
            guard let a = AdultPlanFacts.parse(f) else {
                throw UsageError.invalidValue(
                    option: "--handleplan-forhold", value: f,
                    expected: "Vælg funktionsevne, bolig, udvikling eller ingen (serviceloven § 141, stk. 2).")
            }
            facts = a
        }
        var serious: Bool? = nil
        if let v = args.value("--alvorlige-problemer") {
            switch v.lowercased() {
            case "ja", "j": serious = true
            case "nej", "n": serious = false
            default:
                throw UsageError.invalidValue(
                    option: "--alvorlige-problemer", value: v, expected: "Skriv ja eller nej.")
            }
        }
        var d = Decision(
            id: newID, kind: kind, decisionDate: try date("--dato") ?? ctx.today,
            purpose: args.value("--formaal") ?? "",
            author: ctx.user, recorded: ctx.now, placementGround: ground, requestDate: try date("--henvendelse"),
            start: try date("--start"), expectedDuration: args.value("--varighed"), expectedEnd: try date("--slut"),
            consents: consents, provider: args.value("--leverandoer"), monthlyPrice: price,
            aftercare: args.value("--efterbehandling"), alongsideExamination: args.has("--sideloebende"),
            reason: reason,
            concerns: args.value("--vedroerer"), reestablishedMeasure: measure, startedOn: try date("--ivaerksat"),
            replaces: args.value("--afloeser"))
        d.adultPlanFacts = facts
        d.seriousProblemsFromMisuse = serious
        d.withoutConsent = args.has("--uden-samtykke")
        return d
    }

    /// "foraeldremyndighed:2026-03-01" or "ung:2026-03-01".
    static func consent(_ text: String) throws -> DecisionConsent {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let giver = ConsentGiver.parse(parts[0]), let date = LocalDate.parse(parts[1]) else {
            throw UsageError.invalidValue(
                option: "--samtykke", value: text,
                expected: "Skriv HVEM:DATO, fx foraeldremyndighed:2026-03-01 eller ung:2026-03-01.")
        }
        return DecisionConsent(giver: giver, date: date)
    }

    struct Item: Encodable {
        let decision: Decision
        let legalBasis: String
        let status: String

        init(_ d: Decision, file: CaseFile, today: LocalDate) {
            decision = d
            legalBasis = DecisionLaw.citation(d, youngPerson: file.youngPerson, in: file)
            status = d.status(on: today).rawValue
        }
    }

    struct ListOutput: Encodable {
        let caseID: CaseID
        let decisions: [Item]
    }

    struct Saved: Encodable {
        let caseID: CaseID
        let decision: String
        let revision: Int
    }
}

/// Aligned plain-text columns.
enum Table {
    static func lines(_ rawRows: [[String]]) -> [String] {
        // A cell is one line: a line break from a case is shown escaped, so it cannot forge a row.
        let rows = rawRows.map { $0.map { TerminalText.neutralise($0, keepLineBreaks: false) } }
        guard let first = rows.first else { return [] }
        var widths = Array(repeating: 0, count: first.count)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        return rows.map { r in
            r.enumerated().map { i, c in i == r.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.count) }
                .joined(separator: "  ")
        }
    }
}

/// The guided registration of a decision (on a terminal or with `--interaktiv`), through the
/// document pipeline: each answer checked when given, kept as a draft when interrupted.
struct IndsatsDialogue {
    let ctx: Context
    let file: CaseFile

    func run(_ p: DialogueSession, id: String) throws -> Decision {
        p.plan(sections: ["Afgørelsen", "Indsatsen", "Samtykke"])
        p.section("Afgørelsen")
        p.say(ctx.console.bold("Ny afgørelse på sag \(file.id.rawValue) (\(file.youngPerson.displayName))"))
        let date =
            try p.ask("Afgørelsens dato (ÅÅÅÅ-MM-DD)", defaultValue: ctx.today.iso, parse: Answers.date) ?? ctx.today
        let age = file.youngPerson.age(on: date) ?? 0
        var kinds = DecisionLaw.allowedKinds(age: age, on: date)
        kinds.append(.planStance)
        p.say("Typer, der passer til en ung på \(age) år på \(date.danishLong):")
        let kind =
            try p.choose("Vælg type (nummer)", from: kinds, label: { "\($0.danishName) (\($0.token))" }) ?? .planStance
        var d = Decision(id: id, kind: kind, decisionDate: date, author: ctx.user, recorded: ctx.now)
        if kind == .planStance {
            d.reason = try p.ask("Hvorfor skal der ikke laves en plan?", required: true)
            let ids = file.decisions.map(\.id)
            d.concerns = try p.ask("Hvilken afgørelse gælder det (fx A1; tom: sagen som helhed)", required: false) {
                text in
                ids.contains(where: { $0.lowercased() == text.lowercased() })
                    ? .success(text.uppercased())
                    : .failure(
                        .message(
                            "Sagen har ikke en afgørelse \(text). Vælg blandt \(ids.isEmpty ? "(ingen)" : ids.joined(separator: ", ")), eller tryk Enter."
                        ))
            }
            return d
        }
        p.section("Indsatsen")
        if kind.isTreatment {
            d.requestDate = try p.ask("Dato for henvendelsen (ÅÅÅÅ-MM-DD)", required: false, parse: Answers.date)
        }
        if kind == .placementWithoutConsent {
            d.placementGround = try p.choose("Grundlag (nummer)", from: PlacementGround.allCases, label: \.danish)
        }
        if kind.isMinorTreatment {
            // BL § 33 stk. 1: the condition, asked as the statute words it (AUDIT row 13).
            d.seriousProblemsFromMisuse = try p.yesNo(
                "Har den unge alvorlige sociale og adfærdsmæssige problemer på grund af stofmisbruget (§ 33, stk. 1)?")
            if d.seriousProblemsFromMisuse == false {
                p.say(
                    "Så er grundlaget ikke § 33: behandlingen gives som familiebehandling efter § 32, stk. 1, nr. 5. Registrér den med typen familiebehandling."
                )
            }
        }
        if DecisionDocument.asksAdultPlanFacts(d, age: age) {
            // Serviceloven § 141 stk. 2: the facts that make the offer of a handleplan a duty (AUDIT N8).
            p.say("Handleplan (serviceloven § 141): kommunen skal tilbyde en handleplan, hvis et af forholdene passer.")
            if try p.yesNo("Har den unge betydeligt nedsat fysisk eller psykisk funktionsevne?") {
                d.adultPlanFacts = .reducedFunction
            } else if try p.yesNo(
                "Har den unge alvorlige sociale problemer og kan ikke, eller kun med betydelig støtte, bo i egen bolig?"
            ) {
                d.adultPlanFacts = .cannotLiveAlone
            } else if try p.yesNo(
                "Har den unge alvorlige sociale problemer og behov for betydelig støtte for at forbedre sine personlige udviklingsmuligheder?"
            ) {
                d.adultPlanFacts = .needsConsiderableSupport
            } else {
                d.adultPlanFacts = AdultPlanFacts.none
            }
            p.say(
                d.adultPlanFacts!.mustOffer
                    ? "Kommunen skal tilbyde en handleplan (serviceloven § 141, \(d.adultPlanFacts!.pinpoint)); den unge kan sige nej."
                    : "Kommunen skønner, om en handleplan skal tilbydes (serviceloven § 141, stk. 1).")
        }
        if kind == .youthSupportReestablished {
            d.reestablishedMeasure = try p.choose(
                "Hvilken indsats efter § 114 tildeles eller genetableres (nummer)",
                from: DecisionLaw.reestablishableKinds,
                label: \.danishName)
        }
        d.purpose =
            try p.ask("Formål med indsatsen", required: kind.isSupportMeasure || kind.isPlacement, long: true) ?? ""
        d.expectedDuration = try p.ask("Forventet varighed, fx 6 måneder")
        d.start = try p.ask("Start (ÅÅÅÅ-MM-DD; tom: ikke fastsat)", required: false, parse: Answers.date)
        let providers = kind.isTreatment ? (try ctx.store.loadSettings().providers) : []
        if providers.isEmpty {
            d.provider = try p.ask("Leverandør / behandlingssted / anbringelsessted")
        } else {
            // Treatment: the municipality's provider list (unge indstillinger --leverandoer), never free text.
            p.say("Kommunens behandlingsleverandører:")
            d.provider = try p.choose(
                "Vælg leverandør (nummer; tom: ikke valgt endnu)", from: providers,
                label: { $0.name + ($0.tilbudsportalenID.map { " (Tilbudsportalen \($0))" } ?? "") }, required: false
            )?.name
        }
        if kind.isResidentialTreatment {
            d.monthlyPrice = try p.ask(
                "Pris pr. måned i kroner", required: false,
                parse: { t in
                    Int(t).map { .success($0) } ?? .failure(.message("Skriv et helt tal, fx 85000."))
                })
            d.aftercare = try p.ask("Aftalt efterbehandling")
        }
        p.section("Samtykke")
        let consents = DecisionLaw.requiredConsents(kind, age: age, ground: d.placementGround)
        if consents.contains(.custodyHolder), WithoutConsentRule.allowed.contains(kind) {
            d.withoutConsent = try p.yesNo(
                "Træffes afgørelsen om behandling uden forældremyndighedsindehaverens samtykke (barnets lov § 37)?",
                defaultValue: false)
        }
        if consents.contains(.custodyHolder), !d.withoutConsent {
            if let c = try p.ask(
                "Forældremyndighedens samtykke, dato (tom: ikke givet endnu)", required: false, parse: Answers.date)
            {
                d.consents.append(DecisionConsent(giver: .custodyHolder, date: c))
            }
        }
        if consents.contains(.youngPerson) {
            if let c = try p.ask(
                "Den unges samtykke, dato (tom: ikke givet endnu)", required: false, parse: Answers.date)
            {
                d.consents.append(DecisionConsent(giver: .youngPerson, date: c))
            }
        }
        return d
    }
}
