import Foundation
import UngeCore
import UngeStore

/// `unge vaerktoej <id>`: record or list uses of dialogue and network tools (handbook ch. 4-6).
struct VaerktoejCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "vaerktoej",
        aliases: ["værktøj"],
        summary: "Registrer brug af dialog- og netværksredskaber",
        arguments: [.caseID],
        discussion: "Registrerer, at et redskab er brugt sammen med den unge eller om den unge, så tjeklisterne kan se det\n(fx kapitel 4 og 5 i 'unge check'). Typer:\n"
            + DialogueTool.allCases.map { "  \($0.keyword)" + String(repeating: " ", count: max(1, 16 - $0.keyword.count)) + $0.danish }.joined(separator: "\n")
            + "\nSSD-møder: uden samtykke må oplysninger kun udveksles én gang, undtagelsesvis én gang mere (tidl. serviceloven § 49 a).",
        options: [
            OptionSpec("--type", value: "TYPE", help: "Redskabet, fx livslinje, netvaerksmoede eller ssd-moede.",
                values: .choices(DialogueTool.allCases.map(\.keyword))),
            .date,
            OptionSpec("--resume", value: "TEKST", help: "Kort om hvad der kom ud af det: aftaler, point, vendepunkter."),
            .json,
        ],
        examples: [
            ("unge vaerktoej 2026-0001 --type netvaerksmoede --resume \"Aftalt: mormor henter to dage om ugen\"", "Registrer et netværksmøde i dag"),
            ("unge vaerktoej 2026-0001 --type livslinje --dato 2026-08-20", "Registrer en livslinje fra en bestemt dag"),
            ("unge vaerktoej 2026-0001", "Vis de registrerede redskaber"),
        ],
        positionals: 1...1, positionalNames: ["sagsnummeret"])

    let id: CaseID
    let tool: DialogueTool?
    let date: LocalDate?
    let summary: String?
    let json: Bool

    init(_ args: ParsedArguments) throws {
        id = try Values.caseID(args.positional(0)!)
        if let t = args.value("--type") {
            guard let parsed = DialogueTool.parse(t) else {
                let keywords = DialogueTool.allCases.map(\.keyword)
                let hint = Suggest.closest(to: t, in: keywords).map { " Mente du '\($0)'?" } ?? ""
                throw UsageError.invalidValue(option: "--type", value: t, expected: "Vælg en af: \(keywords.joined(separator: ", ")).\(hint)")
            }
            tool = parsed
        } else {
            tool = nil
            if args.value("--resume") != nil || args.value("--dato") != nil {
                throw UsageError.conflict("--dato og --resume bruges sammen med --type TYPE.")
            }
        }
        date = try args.value("--dato").map { try Values.date($0, option: "--dato") }
        summary = args.value("--resume").flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        json = args.has("--json")
    }

    struct Output: Encodable {
        let id: CaseID
        let revision: Int
        let tools: [ToolRecord]
        let findings: [Finding]
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.openStore()
        let on = date ?? ctx.today
        if let date, date > ctx.today {
            throw UsageError.invalidValue(option: "--dato", value: date.iso, expected: "Et redskab kan kun registreres som brugt i dag eller tidligere.")
        }
        let file: CaseFile
        if let tool {
            file = try ctx.updateCase(id, store: store) { f in
                f.toolRecords.append(ToolRecord(tool: tool.rawValue, date: on, author: ctx.user, summary: summary))
            }
            if !json { ctx.console.print("\(tool.danish.capitalizedFirstLetter) \(on.danishShort) er registreret på sag \(id.rawValue) (revision \(file.revision)).") }
        } else {
            file = try ctx.readCase(id, store: store)
        }
        let findings = ToolRules.findings(for: file.toolRecords, on: ctx.today)
        if json {
            ctx.console.print(try JSONOutput.render(Output(id: file.id, revision: file.revision, tools: file.toolRecords, findings: findings)))
            return ExitCode.ok
        }
        if tool == nil {
            if file.toolRecords.isEmpty {
                ctx.console.print("Der er ikke registreret nogen redskaber på sagen endnu. Se 'unge vaerktoej --help'.")
            } else {
                let rows = file.toolRecords.sorted { $0.date < $1.date }.map { r in
                    [r.date.danishShort, DialogueTool.danishName(ofID: r.tool), r.author ?? "", r.summary ?? ""]
                }
                ctx.console.print(TextTable.render(header: ["Dato", "Redskab", "Af", "Resumé"], rows: rows))
            }
        }
        for f in findings { ctx.console.error("\(ctx.console.yellow(f.severity.danish)): \(f.message)" + (f.citation.map { " (\($0))" } ?? "")) }
        return ExitCode.ok
    }
}
