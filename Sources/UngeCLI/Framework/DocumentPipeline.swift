import Foundation
import UngeCore
import UngeStore

/// The one way every document command (`underret`, `undersoeg`, `plan`, `behandlingsplan`,
/// `indsats`) goes from answers to a saved document: check the rules, show a draft or refuse,
/// let the user confirm, save, and write the document. In a guided dialogue the answers are kept
/// as a private draft in the store whenever the work stops before it is saved (end of input,
/// Ctrl-C, a closed terminal, "behold som kladde", a rule failure), and the next run on the same
/// case offers to resume it.
///
/// A command adopts it by filling in the closures and calling `run(_:ctx:)` with a value read from
/// a file or options, or `runGuided(ctx:store:build:)` with its dialogue:
///
///     let pipeline = DocumentPipeline<ActionPlan>(
///         command: "plan", caseID: id, what: "Planen", draftOnly: options.draft,
///         validate: { PlanValidator.validate($0, in: file) },
///         renderDraft: { plan, findings in try render(plan, findings, draft: true) },
///         save: { plan, findings in ...; return ExitCode.ok })
///     return try pipeline.runGuided(ctx: ctx, store: store) { session in try PlanDialogue(...).run(session) }
///
/// `--kladde` never saves a version: it shows the document with MANGLER markers (and in a dialogue
/// keeps the answers as a draft).
struct DocumentPipeline<Value> {
    /// The command's name (also the draft's name in the store).
    let command: String
    /// The case, or nil when the document creates a new case (`underret` without `--sag`).
    let caseID: CaseID?
    /// "Planen", "Undersøgelsen" ...: the subject of the messages.
    let what: String
    /// `--kladde`: show the draft, save nothing.
    let draftOnly: Bool
    let validate: (Value) throws -> [Finding]
    /// Shows the document with MANGLER markers (never saves).
    let renderDraft: (Value, [Finding]) throws -> Void
    /// Saves the document and writes it; returns the exit status.
    let save: (Value, [Finding]) throws -> Int32
    /// Extra lines after the summary of the answers (deadlines, say), before the final question.
    var preview: ((Value) throws -> Void)? = nil
    /// Sections the user may pick to change on an existing record (nil: always ask everything).
    var editableSections: [String]? = nil
    /// The command line that starts this dialogue again and so resumes its draft, when it is not
    /// `unge COMMAND ID` (`unge indsats ID --interaktiv`, `unge vaerktoej ID --type livshjul`).
    var resumeCommand: String? = nil

    /// Answers from a file or options: rules, then draft or save.
    func run(_ value: Value, ctx: Context) throws -> Int32 {
        let findings = try validate(value)
        if draftOnly {
            DocumentOutput.report(findings, ctx: ctx)
            try renderDraft(value, findings)
            ctx.console.error("Kladden er ikke gemt.")
            return ExitCode.ok
        }
        if findings.hasErrors { throw DocumentOutput.refusal(findings, what: what, ctx: ctx) }
        DocumentOutput.report(findings, ctx: ctx)
        return try save(value, findings)
    }

    /// The guided way: resume a draft if there is one, ask, check, and end with the final question
    /// (save / change an answer / keep as draft / discard).
    func runGuided(ctx: Context, store: any Store, build: (DialogueSession) throws -> Value) throws -> Int32 {
        let c = ctx.console
        let session = DialogueSession(console: c, terminal: c.stdinIsTerminal)
        session.environment = ctx.environment
        session.workFolder = { try store.makeWorkFolder() }
        Interrupts.install()
        defer { Interrupts.uninstall() }
        var open: Set<String>? = nil
        // Questions about the draft itself are not answers of the document.
        let setup = DialogueSession(console: c, terminal: c.stdinIsTerminal)
        var resumed = false
        do {
            if let draft = try store.loadDraft(command: command, caseID: caseID) {
                c.error(
                    "Du har en kladde fra \(DanishTime.format(draft.saved)) med "
                        + "\(draft.answers.filter { $0.key != DialogueSession.chosenSectionsKey }.count) svar"
                        + (draft.user == ctx.user ? "." : " (skrevet af \(draft.user))."))
                if try setup.yesNo("Fortsæt med kladden?", defaultValue: true) {
                    let answers = draft.answers.map { ($0.key, $0.value) }
                    session.restore(answers)
                    open = []
                    resumed = true
                    c.error("")
                    c.error(c.bold("== Svar fra kladden =="))
                    session.compactSummary(answers)
                    c.error("")
                    c.error(
                        "Svarene fra kladden bruges; du fortsætter, hvor du slap, og bliver kun spurgt om det, der mangler."
                            + (session.chosenSections.isEmpty
                                ? ""
                                : " Kun de valgte afsnit (\(session.chosenSections.sorted().joined(separator: ", "))) ændres; resten beholdes.")
                    )
                } else {
                    c.error("Du starter forfra. Kladden slettes, når du gemmer eller kasserer.")
                }
            }
            if !resumed, let sections = editableSections, !sections.isEmpty {
                c.error("Der er allerede svar. Vælg de afsnit, du vil ændre; resten beholdes som de er.")
                for (i, s) in sections.enumerated() { c.error("  \(i + 1). \(s)") }
                let picked = try setup.ask(
                    "Afsnit (numre adskilt af , eller ;, tom linje: gennemgå alle)", required: false
                ) {
                    text -> Result<[String], UsageError> in
                    var out: [String] = []
                    for item in Answers.list(text) {
                        guard case .success(let s) = Answers.choice(item, from: sections) else {
                            return .failure(.message("Skriv numre fra 1 til \(sections.count), fx 2, 4."))
                        }
                        out.append(s)
                    }
                    return .success(out)
                }
                if let picked {
                    open = Set(picked)
                    session.acceptDefaults = true
                    session.chosenSections = Set(picked)
                }
            }
        } catch let stop as DialogueStop {
            c.error("\(stop.danish). Intet er gemt.")
            return ExitCode.usage
        }
        while true {
            session.beginPass(open: open)
            let value: Value
            do {
                value = try build(session)
            } catch let stop as DialogueStop {
                try keep(session, ctx: ctx, store: store)
                c.error("\(stop.danish). " + keptMessage(session))
                return ExitCode.usage
            } catch {
                if session.answerCount > 0 { try? keep(session, ctx: ctx, store: store) }
                throw error
            }
            let findings: [Finding]
            do { findings = try validate(value) } catch {
                try keep(session, ctx: ctx, store: store)
                throw error
            }
            if draftOnly {
                DocumentOutput.report(findings, ctx: ctx)
                try renderDraft(value, findings)
                try keep(session, ctx: ctx, store: store)
                c.error("Intet er gemt. " + keptMessage(session))
                return ExitCode.ok
            }
            session.summary()
            try preview?(value)
            DocumentOutput.report(findings, ctx: ctx)
            if findings.hasErrors {
                let n = findings.filter { $0.severity == .error }.count
                c.error(c.red("\(what) kan ikke gemmes endnu: \(n) krav er ikke opfyldt (se ovenfor)."))
            }
            let choice: FinalChoice
            do { choice = try finalChoice(session, canSave: !findings.hasErrors) } catch let stop as DialogueStop {
                try keep(session, ctx: ctx, store: store)
                c.error("\(stop.danish). " + keptMessage(session))
                return findings.hasErrors ? ExitCode.ruleFailed : ExitCode.usage
            }
            switch choice {
            case .save:
                let status: Int32
                do { status = try save(value, findings) } catch {
                    try? keep(session, ctx: ctx, store: store)
                    c.error("Dine svar er gemt som kladde, så intet går tabt.")
                    throw error
                }
                try store.deleteDraft(
                    command: command, caseID: caseID, now: ctx.now, user: ctx.user, auditCommand: ctx.commandName)
                return status
            case .change(let section):
                open = [section]
            case .keep:
                try keep(session, ctx: ctx, store: store)
                c.error("Intet er gemt endnu. " + keptMessage(session))
                return findings.hasErrors ? ExitCode.ruleFailed : ExitCode.usage
            case .discard:
                try store.deleteDraft(
                    command: command, caseID: caseID, now: ctx.now, user: ctx.user, auditCommand: ctx.commandName)
                c.error("Svarene er kasseret. Intet er gemt.")
                return ExitCode.usage
            }
        }
    }

    enum FinalChoice {
        case save
        case change(String)
        case keep
        case discard
    }

    /// The last question. Outside the answers (it is never replayed from a draft).
    private func finalChoice(_ session: DialogueSession, canSave: Bool) throws -> FinalChoice {
        let c = session.console
        c.error("")
        c.error(c.bold("Hvad vil du gøre?"))
        if canSave { c.error("  g  gem") }
        c.error("  r  ret et svar (vælg afsnittet)")
        c.error("  k  behold som kladde (gem senere)")
        c.error("  x  kassér svarene")
        while true {
            c.ask(c.bold("Vælg " + (canSave ? "g, r, k eller x" : "r, k eller x")) + ": ")
            guard let line = c.readLine() else {
                throw Interrupts.pending != 0 ? DialogueStop.interrupted(Interrupts.pending) : DialogueStop.endOfInput
            }
            if Interrupts.pending != 0 { throw DialogueStop.interrupted(Interrupts.pending) }
            switch line.trimmingCharacters(in: .whitespaces).lowercased() {
            case "g", "gem", "j", "ja":
                if canSave { return .save }
                c.error("  Der er krav, som ikke er opfyldt. Ret et svar (r), eller behold svarene som kladde (k).")
            case "r", "ret":
                let sections = session.sections
                for (i, s) in sections.enumerated() { c.error("  \(i + 1). \(s)") }
                c.ask(c.bold("Hvilket afsnit (nummer)") + ": ")
                guard let pick = c.readLine() else { throw DialogueStop.endOfInput }
                if case .success(let s) = Answers.choice(pick.trimmingCharacters(in: .whitespaces), from: sections) {
                    return .change(s)
                }
                c.error("  Skriv et tal fra 1 til \(sections.count).")
            case "k", "kladde", "n", "nej": return .keep
            case "x", "kassér", "kasser": return .discard
            default:
                c.error(
                    "  Skriv " + (canSave ? "g (gem), " : "")
                        + "r (ret et svar), k (behold som kladde) eller x (kassér).")
            }
        }
    }

    private func keep(_ session: DialogueSession, ctx: Context, store: any Store) throws {
        let answers = session.draftAnswers
        guard !session.allAnswers.isEmpty else { return }
        let draft = DialogueDraft(
            command: command, caseID: caseID, saved: ctx.now, user: ctx.user,
            answers: answers.map { DialogueDraft.Answer(key: $0.key, value: $0.value) })
        try store.saveDraft(draft)
    }

    private func keptMessage(_ session: DialogueSession) -> String {
        let n = session.answerCount
        guard n > 0 else { return "Intet er gemt." }
        // The command line that really starts the dialogue again: without a terminal only
        // --interaktiv asks.
        var again =
            resumeCommand
            ?? "unge " + command + (caseID.map { (command == "underret" ? " --sag " : " ") + $0.rawValue } ?? "")
        if !session.terminal && !again.contains("--interaktiv") { again += " --interaktiv" }
        return (n == 1 ? "Dit svar er" : "Dine \(n) svar er")
            + " gemt som kladde. Kør '\(again)' igen for at fortsætte."
    }
}
