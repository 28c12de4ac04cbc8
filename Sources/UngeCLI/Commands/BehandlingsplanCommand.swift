import Foundation
import UngeCore
import UngeStore

/// `unge behandlingsplan <id>`: the provider's treatment plan, each goal pointing to a goal of the
/// plan, with a report of the plan's goals that no treatment goal serves (handbook ch. 7).
struct BehandlingsplanCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "behandlingsplan",
        summary: "Leverandørens behandlingsplan, bygget på planens mål",
        arguments: [.caseID],
        discussion: """
            Hvert behandlingsmål skal pege på et mål i den seneste plan (fx M1). Rapporten viser planens mål,
            som intet behandlingsmål dækker (håndbogens tjekliste, kap. 7). Uden svar vises den seneste
            behandlingsplan. Fejl giver slutkode 1; --kladde viser en kladde med MANGLER-markeringer.
            """,
        options: DocumentOptions.specs,
        examples: [
            (
                "unge behandlingsplan 2026-0003 --fra-fil behandlingsplan.json",
                "Gem behandlingsplanen fra en fil (se Fixtures/plan/behandlingsplan.json)"
            ),
            ("unge behandlingsplan 2026-0003", "Vis den seneste behandlingsplan (eller bliv guidet i en terminal)"),
            ("unge behandlingsplan 2026-0003 --format html --ud behandlingsplan.html", "Skriv den som HTML"),
        ],
        positionals: 1...1, positionalNames: ["sagsnummeret"])

    let id: CaseID
    let options: DocumentOptions

    init(_ args: ParsedArguments) throws {
        id = try Values.caseID(args.positional(0)!)
        options = try DocumentOptions(args)
    }

    func run(_ ctx: Context) throws -> Int32 {
        try options.checkTarget(ctx)
        let store = try ctx.store
        let file = try ctx.readCase(id, store: store, showCPR: options.showCPR)
        let latestPlan = file.actionPlans.max { $0.version < $1.version }
        let date = options.date ?? ctx.today
        let next = (file.treatmentPlans.map(\.version).max() ?? 0) + 1
        if let data = try options.readInput() {
            let t: TreatmentPlan
            do {
                t = try PlanInput.treatmentPlan(
                    from: data, version: next, date: date, author: ctx.user, basedOnPlanVersion: latestPlan?.version)
            } catch { throw UsageError.message("\(options.fromFile!): \(error.description)") }
            return try pipeline(file: file, date: date, store: store, ctx: ctx).run(t, ctx: ctx)
        } else if options.asks(ctx) {
            try AnonymousCounselling.refuse(file, what: "en behandlingsplan", on: date)
            let previous = file.treatmentPlans.max { $0.version < $1.version }
            let dialogue = TreatmentDialogue(ctx: ctx, plan: latestPlan, previous: previous)
            guard latestPlan != nil else {
                throw UsageError.message(
                    "Der er ingen plan på sagen. Lav planen først med 'unge plan', så behandlingsplanen kan bygge på dens mål."
                )
            }
            var pipeline = pipeline(file: file, date: date, store: store, ctx: ctx)
            if previous != nil { pipeline.editableSections = TreatmentDialogue.sections }
            return try pipeline.runGuided(ctx: ctx, store: store) { session in
                try dialogue.run(session, version: next, date: date)
            }
        } else {
            guard let shown = file.treatmentPlans.max(by: { $0.version < $1.version }) else {
                throw UsageError.missingInput(
                    [
                        "behandlingsplanens indhold: --fra-fil FIL.json (se Fixtures/plan/behandlingsplan.json) eller --interaktiv"
                    ], command: "behandlingsplan")
            }
            let plan = basis(of: shown, in: file)
            if !options.draft, let record = file.documentRecord(.treatmentPlan, String(shown.version)) {
                // As saved; a plan version replaced since is said in the print line, never in the saved text.
                let notes = TreatmentPlanBasis.supersededNote(shown, in: file).map { ["OBS: " + $0] } ?? []
                try DocumentOutput.deliver(
                    try DocumentRecords.printed(record, store: store, ctx: ctx, notes: notes), content: shown,
                    findings: record.findings, options: options, ctx: ctx, file: file, store: store, saved: nil,
                    message: nil, author: shown.author, date: shown.date)
                return ExitCode.ok
            }
            try render(
                shown, plan: plan, file: file,
                findings: TreatmentPlanValidator.validate(shown, plan: plan, youngPerson: file.youngPerson),
                draft: options.draft, ctx: ctx, store: store)
            return ExitCode.ok
        }
    }

    private func pipeline(file: CaseFile, date: LocalDate, store: any Store, ctx: Context) -> DocumentPipeline<
        TreatmentPlan
    > {
        DocumentPipeline(
            command: "behandlingsplan", caseID: id, what: "Behandlingsplanen", draftOnly: options.draft,
            validate: { t in
                try AnonymousCounselling.refuse(file, what: "en behandlingsplan", on: date)
                return TreatmentPlanValidator.validate(t, plan: basis(of: t, in: file), youngPerson: file.youngPerson)
            },
            renderDraft: { t, findings in
                try render(
                    t, plan: basis(of: t, in: file), file: file, findings: findings, draft: true, ctx: ctx, store: store
                )
            },
            save: { t, findings in
                var t = t
                let head = try ctx.letterhead(store: store, caseID: id, author: ctx.user, date: t.date)
                let stamp = try DocumentRecords.stamp(store: store, ctx: ctx)
                var record: DocumentRecord? = nil
                let saved = try ctx.updateCase(id, store: store) { f in
                    t.version = (f.treatmentPlans.map(\.version).max() ?? 0) + 1
                    f.treatmentPlans.append(t)
                    f.record(.treatmentPlan(t), at: ctx.now, by: ctx.user)
                    let r = DocumentRecords.make(
                        TreatmentPlanDocument.build(
                            t, plan: basis(of: t, in: f), in: f, findings: findings, draft: false, showCPR: true),
                        kind: .treatmentPlan, ref: String(t.version), date: t.date, file: f, findings: findings,
                        stamp: stamp, head: head, ctx: ctx)
                    f.documentRecords.append(r)
                    record = r
                }
                try render(
                    t, plan: basis(of: t, in: file), file: saved, findings: findings, draft: false, ctx: ctx,
                    store: store, record: record,
                    saved: DocumentFile.Saved(
                        what:
                            "Behandlingsplanen er gemt som version \(t.version) på sag \(id.rawValue) (revision \(saved.revision))",
                        reprint: "unge behandlingsplan \(id.rawValue) --udskriv" + options.formatArgument),
                    message: "Behandlingsplanen er gemt som version \(t.version) på sag \(id.rawValue).")
                return ExitCode.ok
            })
    }

    /// The plan version a treatment plan builds on: the one it names, else the latest.
    private func basis(of t: TreatmentPlan, in file: CaseFile) -> ActionPlan? {
        if let v = t.basedOnPlanVersion, let p = file.actionPlans.first(where: { $0.version == v }) { return p }
        return file.actionPlans.max { $0.version < $1.version }
    }

    private func render(
        _ t: TreatmentPlan, plan: ActionPlan?, file: CaseFile, findings: [Finding], draft: Bool, ctx: Context,
        store: any Store, record: DocumentRecord? = nil,
        saved: DocumentFile.Saved? = nil, message: String? = nil
    ) throws {
        var doc = TreatmentPlanDocument.build(
            t, plan: plan, in: file, findings: findings, draft: draft, showCPR: options.showCPR)
        if let record { doc = try DocumentRecords.printed(record, store: store, ctx: ctx) }
        if record == nil, saved == nil, !draft { doc = try DocumentRecords.redrawn(doc, store: store, ctx: ctx) }
        try DocumentOutput.deliver(
            doc, content: t, findings: findings, options: options, ctx: ctx, file: file, store: store, saved: saved,
            message: message, author: t.author, date: t.date)
    }
}

/// The guided treatment-plan dialogue: one treatment goal at a time, each tied to a plan goal. The
/// latest treatment plan's answers are offered as defaults; each goal can be kept, changed or removed.
struct TreatmentDialogue {
    let ctx: Context
    let plan: ActionPlan?
    let previous: TreatmentPlan?

    static let sections = ["Leverandør og forbrug", "Behandlingsmål", "Metoder"]

    func run(_ p: DialogueSession, version: Int, date: LocalDate) throws -> TreatmentPlan {
        guard let plan else {
            throw UsageError.message(
                "Der er ingen plan på sagen. Lav planen først med 'unge plan', så behandlingsplanen kan bygge på dens mål."
            )
        }
        p.plan(sections: Self.sections)
        let ids = plan.allGoals.map(\.id)
        let goalRef: (String) -> Result<String, UsageError> = { s in
            let id = s.uppercased()
            return ids.contains(id)
                ? .success(id) : .failure(.message("Vælg et af planens mål: \(ids.joined(separator: ", "))."))
        }
        p.section("Leverandør og forbrug")
        p.say(ctx.console.bold("Planens mål (version \(plan.version)):"))
        for g in plan.allGoals { p.say("  \(g.id): \(g.text)") }
        var t = TreatmentPlan(
            version: version, date: date,
            provider: try p.ask("Leverandør", required: true, defaultValue: previous?.provider) ?? "", author: ctx.user,
            basedOnPlanVersion: plan.version)
        if let choice = try p.choose(
            "Mål for forbruget: den unges valg (nummer, kan springes over)", from: UseGoal.Choice.allCases,
            label: \.danish, required: false, defaultValue: previous?.useGoal?.choice)
        {
            t.useGoal = UseGoal(
                choice: choice, text: try p.ask("Målet med den unges ord", defaultValue: previous?.useGoal?.text),
                planGoalID: try p.ask(
                    "Hvilket af planens mål hører det til? (fx M2)", required: false,
                    defaultValue: previous?.useGoal?.planGoalID, parse: goalRef))
        }
        p.section("Behandlingsmål")
        for old in previous?.goals ?? [] {
            p.say("\(old.id): \(old.text) (tjener \(old.planGoalID))")
            let what =
                try p.ask("Behold, ret eller slet \(old.id)? (b/r/s)", defaultValue: "b") {
                    Answers.keepChangeDelete($0)
                } ?? .keep
            switch what {
            case .keep: t.goals.append(old)
            case .change:
                let text = try p.ask("Behandlingsmål \(old.id)", required: true, defaultValue: old.text) ?? old.text
                var g = try goal(p, text: text, old: old, ids: ids, goalRef: goalRef, number: 0)
                g.id = old.id
                t.goals.append(g)
            case .delete: break
            }
        }
        var next = ((previous?.goals ?? []).compactMap { Int($0.id.dropFirst()) }.max() ?? 0) + 1
        while let text = try p.ask("Behandlingsmål B\(next) (tom for at gå videre)") {
            t.goals.append(try goal(p, text: text, old: nil, ids: ids, goalRef: goalRef, number: next))
            next += 1
        }
        p.section("Metoder")
        t.methods = try p.list(
            "Metoder for hele forløbet, adskilt af ; (kan springes over)", defaultValue: previous?.methods ?? [])
        return t
    }

    private func goal(
        _ p: DialogueSession, text: String, old: TreatmentGoal?, ids: [String],
        goalRef: (String) -> Result<String, UsageError>, number: Int
    ) throws -> TreatmentGoal {
        let goalID =
            try p.ask(
                "Hvilket af planens mål tjener det (\(ids.joined(separator: ", ")))?", required: true,
                defaultValue: old?.planGoalID, parse: goalRef) ?? ""
        let domain =
            try p.choose("Område (nummer)", from: TreatmentDomain.allCases, label: \.danish, defaultValue: old?.domain)
            ?? .other
        let methods = try p.list("Metoder, adskilt af ; (kan springes over)", defaultValue: old?.methods ?? [])
        return TreatmentGoal(id: "B\(number)", text: text, planGoalID: goalID, domain: domain, methods: methods)
    }
}
