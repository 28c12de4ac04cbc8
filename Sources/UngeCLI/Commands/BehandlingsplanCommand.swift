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
            ("unge behandlingsplan 2026-0003 --fra-fil behandlingsplan.json", "Gem behandlingsplanen fra en fil (se Fixtures/plan/behandlingsplan.json)"),
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
        let store = try ctx.openStore()
        let file = try ctx.readCase(id, store: store, showCPR: options.showCPR)
        let latestPlan = file.actionPlans.max { $0.version < $1.version }
        let date = options.date ?? ctx.today
        let next = (file.treatmentPlans.map(\.version).max() ?? 0) + 1
        var t: TreatmentPlan
        var asked = false
        if let data = try options.readInput() {
            do {
                t = try PlanInput.treatmentPlan(from: data, version: next, date: date, author: ctx.user, basedOnPlanVersion: latestPlan?.version)
            } catch { throw UsageError.message("\(options.fromFile!): \(error.description)") }
        } else if options.asks(ctx) {
            t = try TreatmentDialogue(ctx: ctx, plan: latestPlan).run(version: next, date: date)
            asked = true
        } else {
            guard let shown = file.treatmentPlans.max(by: { $0.version < $1.version }) else {
                throw UsageError.missingInput(["behandlingsplanens indhold: --fra-fil FIL.json (se Fixtures/plan/behandlingsplan.json) eller --interaktiv"], command: "behandlingsplan")
            }
            let plan = basis(of: shown, in: file)
            try render(shown, plan: plan, file: file, findings: TreatmentPlanValidator.validate(shown, plan: plan, youngPerson: file.youngPerson), draft: options.draft, ctx: ctx, store: store)
            return ExitCode.ok
        }
        let plan = basis(of: t, in: file)
        let findings = TreatmentPlanValidator.validate(t, plan: plan, youngPerson: file.youngPerson)
        if let stop = try DocumentOutput.gate(
            findings, what: "Behandlingsplanen", draft: options.draft, asked: asked, question: "Gem behandlingsplanen?", ctx: ctx,
            renderDraft: { try render(t, plan: plan, file: file, findings: findings, draft: true, ctx: ctx, store: store) })
        {
            return stop
        }
        let saved = try ctx.updateCase(id, store: store) { f in
            t.version = (f.treatmentPlans.map(\.version).max() ?? 0) + 1
            f.treatmentPlans.append(t)
        }
        try render(t, plan: plan, file: saved, findings: findings, draft: false, ctx: ctx, store: store, saved: DocumentFile.Saved(
            what: "Behandlingsplanen er gemt som version \(t.version) på sag \(id.rawValue) (revision \(saved.revision))",
            reprint: "unge behandlingsplan \(id.rawValue) --udskriv" + options.formatArgument))
        ctx.console.error("Behandlingsplanen er gemt som version \(t.version) på sag \(id.rawValue).")
        return ExitCode.ok
    }

    /// The plan version a treatment plan builds on: the one it names, else the latest.
    private func basis(of t: TreatmentPlan, in file: CaseFile) -> ActionPlan? {
        if let v = t.basedOnPlanVersion, let p = file.actionPlans.first(where: { $0.version == v }) { return p }
        return file.actionPlans.max { $0.version < $1.version }
    }

    private func render(_ t: TreatmentPlan, plan: ActionPlan?, file: CaseFile, findings: [Finding], draft: Bool, ctx: Context, store: CaseStore, saved: DocumentFile.Saved? = nil) throws {
        let doc = TreatmentPlanDocument.build(t, plan: plan, in: file, findings: findings, draft: draft, showCPR: options.showCPR)
        try DocumentOutput.emit(doc, json: { try DocumentOutput.json(caseID: id, title: doc.title, content: t, findings: findings, showCPR: options.showCPR) }, options: options, ctx: ctx, file: file, store: store, saved: saved)
    }
}

/// The guided treatment-plan dialogue: one treatment goal at a time, each tied to a plan goal.
struct TreatmentDialogue {
    let ctx: Context
    let plan: ActionPlan?

    func run(version: Int, date: LocalDate) throws -> TreatmentPlan {
        let p = Prompter(console: ctx.console)
        guard let plan else {
            throw UsageError.message("Der er ingen plan på sagen. Lav planen først med 'unge plan', så behandlingsplanen kan bygge på dens mål.")
        }
        ctx.console.error(ctx.console.bold("Planens mål (version \(plan.version)):"))
        for g in plan.allGoals { ctx.console.error("  \(g.id): \(g.text)") }
        var t = TreatmentPlan(version: version, date: date, provider: try p.ask("Leverandør", required: true) ?? "", author: ctx.user, basedOnPlanVersion: plan.version)
        let choices = UseGoal.Choice.allCases
        Answers.menu(choices.map(\.danish), ctx: ctx)
        if let choice = try p.ask("Mål for forbruget: den unges valg (nummer, kan springes over)", required: false, parse: { Answers.choice($0, from: choices) }) {
            t.useGoal = UseGoal(choice: choice, text: try p.ask("Målet med den unges ord"), planGoalID: try p.ask("Hvilket af planens mål hører det til? (fx M2)"))
        }
        let domains = TreatmentDomain.allCases
        while let text = try p.ask("Behandlingsmål B\(t.goals.count + 1) (tom for at gå videre)") {
            let ids = plan.allGoals.map(\.id)
            let goalID = try p.ask("Hvilket af planens mål tjener det (\(ids.joined(separator: ", ")))?", required: true, parse: { s -> Result<String, UsageError> in
                ids.contains(s) ? .success(s) : .failure(.message("Vælg et af planens mål: \(ids.joined(separator: ", ")).")) }) ?? ""
            Answers.menu(domains.map(\.danish), ctx: ctx)
            let domain = try p.ask("Område (nummer)", parse: { Answers.choice($0, from: domains) }) ?? .other
            let methods = Answers.list(try p.ask("Metoder, adskilt af ; (kan springes over)"))
            t.goals.append(TreatmentGoal(id: "B\(t.goals.count + 1)", text: text, planGoalID: goalID, domain: domain, methods: methods))
        }
        t.methods = Answers.list(try p.ask("Metoder for hele forløbet, adskilt af ; (kan springes over)"))
        return t
    }
}
