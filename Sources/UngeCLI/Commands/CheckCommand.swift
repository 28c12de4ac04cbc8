import Foundation
import UngeCore
import UngeStore

/// `unge check [kapitel] [--sag ID]` (alias `tjek`): the handbook's chapter checklists, answered from
/// the case where it can, asked for the rest.
struct CheckCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "check", aliases: ["tjek"],
        summary: "Håndbogens tjeklister (kapitel 3-7), besvaret ud fra sagen",
        arguments: [ArgumentSpec("kapitel", values: .choices(Checklist.chapters.map { String($0.number) }))],
        discussion: """
            Uden --sag vises kapitlerne eller ét kapitels punkter. Med --sag besvares de punkter, sagen selv \
            kan svare på, med den dokumentation, svaret bygger på. I en terminal (eller med --interaktiv) \
            bliver du spurgt om resten: ja, nej eller delvis, med en valgfri note. Svarene gemmes med dato \
            og bruger; et tidligere svar vises og beholdes, hvis du bare trykker Enter.
            Slutkode 0, når alle punkter er besvaret ja; 1, når et punkt er nej, delvis eller ubesvaret.
            """,
        options: [.caseID, .interactive, .date, .json],
        examples: [
            ("unge check", "Kapitlerne og antal punkter"),
            ("unge tjek 7", "Punkterne i kapitel 7 med forklaring og henvisning"),
            ("unge check 7 --sag 2026-0042", "Kapitel 7 for en sag; spørger om det, sagen ikke kan svare på"),
            ("unge check --sag 2026-0042 --json", "Alle kapitler for en sag som JSON (uden spørgsmål)"),
        ],
        positionals: 0...1, positionalNames: ["kapitlet (3-7)"])

    let chapters: [Chapter]
    let caseID: CaseID?
    let interactive: Bool
    let date: LocalDate?
    let json: Bool

    init(_ args: ParsedArguments) throws {
        if let text = args.positional(0) {
            guard let n = Int(text), let chapter = Checklist.chapter(n) else {
                throw UsageError.invalidValue(
                    option: "kapitel", value: text,
                    expected: "Håndbogen har tjeklister i kapitel 3, 4, 5, 6 og 7. Se dem med 'unge check'.")
            }
            chapters = [chapter]
        } else {
            chapters = Checklist.chapters
        }
        caseID = try args.value("--sag").map(Values.caseID)
        interactive = args.has("--interaktiv")
        date = try args.value("--dato").map { try Values.date($0, option: "--dato") }
        json = args.has("--json")
        if caseID == nil, interactive {
            throw UsageError.conflict(
                "--interaktiv bruges sammen med --sag, fx 'unge check 7 --sag 2026-0042 --interaktiv'.")
        }
    }

    func run(_ ctx: Context) throws -> Int32 {
        let on = date ?? ctx.today
        guard let caseID else {
            if json {
                ctx.console.write(try ChecklistJSON(chapters: chapters).rendered())
            } else if chapters.count == 1 {
                ctx.console.write(
                    TextWrap.wrapLaidOut(ChecklistText.chapter(chapters[0], on: on), width: ctx.console.proseWidth))
            } else {
                ctx.console.write(TextWrap.wrapLaidOut(ChecklistText.overview(chapters), width: ctx.console.proseWidth))
            }
            return ExitCode.ok
        }

        let store = try ctx.store
        var file = try ctx.readCase(caseID, store: store)
        var report = ChecklistEvaluator.evaluate(case: file, today: on, chapters: chapters)

        if interactive || (ctx.console.stdinIsTerminal && !json) {
            let asked = report.items.filter(\.needsAsking)
            if !asked.isEmpty {
                // The same save pipeline as the document dialogues: drafts, resume and g/r/k/x.
                var pipeline = DocumentPipeline<[ChecklistAnswer]>(
                    command: "check", caseID: caseID, what: "Svarene", draftOnly: false,
                    validate: { _ in [] },
                    renderDraft: { _, _ in },
                    save: { answers, _ in
                        guard !answers.isEmpty else {
                            ctx.console.error("Ingen nye svar; intet er gemt.")
                            return ExitCode.ok
                        }
                        file = try ctx.updateCase(caseID, store: store, commutative: true) {
                            $0.checklistAnswers += answers
                        }
                        ctx.console.error(
                            "\(answers.count == 1 ? "Svaret er" : "De \(answers.count) svar er") gemt på sag \(caseID.rawValue)."
                        )
                        return ExitCode.ok
                    })
                pipeline.resumeCommand =
                    "unge check" + (chapters.count == 1 ? " \(chapters[0].number)" : "") + " --sag \(caseID.rawValue)"
                let dialogue = CheckDialogue(console: ctx.console, today: ctx.today, user: ctx.user)
                let status = try pipeline.runGuided(ctx: ctx, store: store) { session in
                    try dialogue.ask(session, asked)
                }
                guard status == ExitCode.ok else { return status }
                report = ChecklistEvaluator.evaluate(case: file, today: on, chapters: chapters)
            }
        }

        if json {
            ctx.console.write(try ChecklistJSON(report: report).rendered())
        } else {
            ctx.console.write(TextWrap.wrapLaidOut(ChecklistText.report(report), width: ctx.console.proseWidth))
            // Saved versions are records and keep what they said: name those citing a text since corrected.
            let hits = LegalCorrections.hits(in: file)
            if !hits.isEmpty {
                ctx.console.write(
                    TextWrap.wrapLaidOut(
                        "\nGemte dokumenter med en lovhenvisning, der siden er rettet:\n"
                            + hits.map { "  - " + $0.text }.joined(separator: "\n") + "\n",
                        width: ctx.console.proseWidth))
            }
        }
        return report.allYes ? ExitCode.ok : ExitCode.ruleFailed
    }
}
