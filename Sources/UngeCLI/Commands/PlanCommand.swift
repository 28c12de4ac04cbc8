import Foundation
import UngeCore
import UngeStore

/// `unge plan <id>`: the plan the law requires for the young person's age on the plan's date
/// (barnets plan, ungeplan, handleplan). Every save is a new version.
struct PlanCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "plan",
        summary: "Lav den plan, loven kræver (barnets plan, ungeplan, handleplan)",
        arguments: [.caseID, "B"],
        discussion: """
            Planens type følger den unges alder på planens dato (--dato, standard i dag): barnets plan
            (\(HelpLaw.paragraph(.barnetsPlan))), ungeplan fra \(LegalAge.ungeplan) år (\(HelpLaw.paragraph(.ungeplan, short: true))), handleplan fra \(LegalAge.adult) år
            (\(HelpLaw.paragraph(.adultActionPlan, age: LegalAge.adult))) eller ungeplanen for 18-22-årige på ungestøtte (§ 108,
            \(HelpLaw.paragraph(.youthSupportPlanRevised, short: true))) og før 2024 handleplanen efter \(LegalReferences.reference(.planUnder18).handbook). I en terminal bliver du guidet afsnit for afsnit
            og ser, hvad undersøgelsen fandt. Uden svar vises den seneste gemte version.
            Hvis et krav ikke er opfyldt, gemmes planen ikke (slutkode 1), og du får en liste over, hvad der mangler
            og hvilken paragraf der kræver det. Med --kladde vises planen alligevel med MANGLER-markeringer.
            """,
        options: DocumentOptions.specs + [
            OptionSpec("--historik", help: "Vis planens gemte versioner."),
            OptionSpec(
                "--diff", value: "A", help: "Vis forskellen mellem version A og version B (unge plan <sag> --diff A B)."
            ),
            OptionSpec("--version", value: "N", help: "Vis en bestemt gemt version."),
            OptionSpec("--aendring", value: "TEKST", help: "Hvad der er ændret i denne version."),
        ],
        examples: [
            ("unge plan 2026-0003", "Lav planen med guidning (i en terminal), eller vis den seneste version"),
            ("unge plan 2026-0003 --fra-fil plan.json", "Gem en ny version ud fra en fil (se Fixtures/plan/plan.json)"),
            ("unge plan 2026-0003 --fra-fil plan.json --kladde", "Se en kladde med MANGLER-markeringer"),
            ("unge plan 2026-0003 --format html --ud plan.html", "Skriv planen som HTML til udskrift"),
            ("unge plan 2026-0003 --historik", "Vis versionerne"),
            ("unge plan 2026-0003 --diff 1 2", "Vis hvad der er ændret fra version 1 til 2"),
        ],
        positionals: 1...2, positionalNames: ["sagsnummeret", "den anden version til --diff"])

    let id: CaseID
    let options: DocumentOptions
    let history: Bool
    let diff: (Int, Int)?
    let showVersion: Int?
    let changeNote: String?

    init(_ args: ParsedArguments) throws {
        id = try Values.caseID(args.positional(0)!)
        options = try DocumentOptions(args)
        history = args.has("--historik")
        showVersion = try args.value("--version").map { try Values.int($0, option: "--version", range: 1...9999) }
        changeNote = args.value("--aendring")
        if let a = args.value("--diff") {
            guard let b = args.positional(1) else {
                throw UsageError.missingArgument(
                    "den anden version, fx unge plan \(id.rawValue) --diff 1 2", command: "plan")
            }
            diff = (
                try Values.int(a, option: "--diff", range: 1...9999),
                try Values.int(b, option: "--diff", range: 1...9999)
            )
        } else {
            if let extra = args.positional(1) { throw UsageError.unexpectedArgument(extra, command: "plan") }
            diff = nil
        }
        let modes = [history, diff != nil, showVersion != nil, options.fromFile != nil || options.interactive].filter {
            $0
        }.count
        if modes > 1 {
            throw UsageError.conflict(
                "Vælg én ting ad gangen: --historik, --diff, --version eller en ny version (--fra-fil / --interaktiv).")
        }
    }

    func run(_ ctx: Context) throws -> Int32 {
        try options.checkTarget(ctx)
        let store = try ctx.store
        let file = try ctx.readCase(id, store: store, showCPR: options.showCPR)
        if history {
            try DocumentOutput.emit(
                PlanHistory.historyDocument(file),
                json: { try JSONOutput.render(VersionList(caseID: id, versions: file.actionPlans)) }, options: options,
                ctx: ctx, file: file, store: store)
            return ExitCode.ok
        }
        if let (a, b) = diff {
            let pa = try version(a, in: file)
            let pb = try version(b, in: file)
            try DocumentOutput.emit(
                PlanHistory.diffDocument(pa, pb, caseID: id),
                json: {
                    try JSONOutput.render(DiffOutput(caseID: id, from: a, to: b, changes: PlanHistory.diff(pa, pb)))
                }, options: options, ctx: ctx, file: file, store: store)
            return ExitCode.ok
        }
        let date = options.date ?? ctx.today
        let nextVersion = (file.actionPlans.map(\.version).max() ?? 0) + 1
        let kind = PlanKind.required(
            age: file.youngPerson.age(on: date), on: date,
            bases: DecisionLaw.planBases(file.decisions, on: date).flatMap(\.planBasisKinds))
        if let data = try options.readInput() {
            var plan: ActionPlan
            do {
                plan = try PlanInput.plan(from: data, version: nextVersion, date: date, author: ctx.user, kind: kind)
            } catch { throw UsageError.message("\(options.fromFile!): \(error.description)") }
            if let changeNote { plan.changeNote = changeNote }
            return try pipeline(file: file, date: date, store: store, ctx: ctx).run(plan, ctx: ctx)
        } else if options.asks(ctx) {
            try AnonymousCounselling.refuse(file, what: "en plan", on: date)
            let dialogue = PlanDialogue(ctx: ctx, file: file)
            var pipeline = pipeline(file: file, date: date, store: store, ctx: ctx)
            if !file.actionPlans.isEmpty { pipeline.editableSections = dialogue.sections(kind: kind, date: date) }
            return try pipeline.runGuided(ctx: ctx, store: store) { session in
                var plan = try dialogue.run(
                    session, version: nextVersion, date: date, kind: kind, changeNoteGiven: changeNote != nil)
                if let changeNote { plan.changeNote = changeNote }
                return plan
            }
        } else {
            let wanted =
                try showVersion.map { try version($0, in: file) } ?? file.actionPlans.max { $0.version < $1.version }
            guard let shown = wanted else {
                throw UsageError.missingInput(
                    ["planens indhold: --fra-fil FIL.json (se Fixtures/plan/plan.json) eller --interaktiv"],
                    command: "plan")
            }
            if !options.draft, let record = file.documentRecord(.plan, String(shown.version)) {
                // The version as it was saved: same text as the first print but for the print line.
                try DocumentOutput.deliver(
                    try DocumentRecords.printed(record, store: store, ctx: ctx), content: shown,
                    findings: record.findings, options: options, ctx: ctx, file: file, store: store, saved: nil,
                    message: nil, author: shown.author, date: shown.date)
                return ExitCode.ok
            }
            let findings = PlanValidator.validate(shown, in: file)
            try render(
                shown, file: file, findings: findings, draft: options.draft, ctx: ctx, store: store,
                redrawn: !options.draft)
            return ExitCode.ok
        }
    }

    /// Rules, draft and save for a new version: the same way from a file and from the dialogue.
    private func pipeline(file: CaseFile, date: LocalDate, store: any Store, ctx: Context) -> DocumentPipeline<
        ActionPlan
    > {
        DocumentPipeline(
            command: "plan", caseID: id, what: "Planen", draftOnly: options.draft,
            validate: { plan in
                try AnonymousCounselling.refuse(file, what: "en plan", on: date)
                return PlanValidator.validate(plan, in: file)
            },
            renderDraft: { plan, findings in
                try render(plan, file: file, findings: findings, draft: true, ctx: ctx, store: store)
            },
            save: { plan, findings in
                var plan = plan
                let head = try ctx.letterhead(store: store, caseID: id, author: ctx.user, date: plan.date)
                let stamp = try DocumentRecords.stamp(store: store, ctx: ctx)
                var record: DocumentRecord? = nil
                let saved = try ctx.updateCase(id, store: store) { f in
                    plan.version = (f.actionPlans.map(\.version).max() ?? 0) + 1
                    f.actionPlans.append(plan)
                    PlanDeadlines.merge(into: &f)
                    f.record(.planVersion(plan), at: ctx.now, by: ctx.user)
                    let r = DocumentRecords.make(
                        PlanDocument.build(plan, in: f, findings: findings, draft: false, showCPR: true), kind: .plan,
                        ref: String(plan.version), date: plan.date, file: f, findings: findings, stamp: stamp,
                        head: head, ctx: ctx)
                    f.documentRecords.append(r)
                    record = r
                }
                try render(
                    plan, file: saved, findings: findings, draft: false, ctx: ctx, store: store, record: record,
                    saved: DocumentFile.Saved(
                        what:
                            "Planen er gemt som version \(plan.version) på sag \(id.rawValue) (revision \(saved.revision))",
                        reprint: "unge plan \(id.rawValue) --version \(plan.version)" + options.formatArgument),
                    message: "Gemt som version \(plan.version) af \(plan.kind.danishLower) på sag \(id.rawValue).")
                return ExitCode.ok
            })
    }

    private func render(
        _ plan: ActionPlan, file: CaseFile, findings: [Finding], draft: Bool, ctx: Context, store: any Store,
        record: DocumentRecord? = nil, redrawn: Bool = false, saved: DocumentFile.Saved? = nil, message: String? = nil
    ) throws {
        var doc = PlanDocument.build(plan, in: file, findings: findings, draft: draft, showCPR: options.showCPR)
        if let record { doc = try DocumentRecords.printed(record, store: store, ctx: ctx) }
        if redrawn { doc = try DocumentRecords.redrawn(doc, store: store, ctx: ctx) }
        try DocumentOutput.deliver(
            doc, content: plan, findings: findings, options: options, ctx: ctx, file: file, store: store, saved: saved,
            message: message, author: plan.author, date: plan.date)
    }

    private func version(_ n: Int, in file: CaseFile) throws -> ActionPlan {
        guard let p = file.actionPlans.first(where: { $0.version == n }) else {
            let have = file.actionPlans.map { String($0.version) }.joined(separator: ", ")
            throw UsageError.invalidValue(
                option: "version", value: String(n),
                expected: have.isEmpty ? "Sagen har ingen gemte planer endnu." : "Sagen har version \(have).")
        }
        return p
    }

    struct VersionList: Encodable {
        let caseID: CaseID
        let versions: [ActionPlan]
    }

    struct DiffOutput: Encodable {
        let caseID: CaseID
        let from: Int
        let to: Int
        let changes: [PlanChange]
    }
}
