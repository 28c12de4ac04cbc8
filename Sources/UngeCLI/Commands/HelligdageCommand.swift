import Foundation
import UngeCore

/// `unge helligdage ÅR`: Danish public holidays of a year.
struct HelligdageCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "helligdage",
        summary: "Vis årets danske helligdage",
        arguments: ["ÅR"],
        discussion:
            "Viser helligdagene, som fristberegningen springer over. Store bededag er med til og med 2023.\nMed --lukkedage (eller lagerets indstilling) kommer grundlovsdag, juleaftensdag og nytårsaftensdag med.",
        options: [OptionSpec("--lukkedage", help: "Tag også 5/6, 24/12 og 31/12 med som lukkedage."), .json],
        examples: [
            ("unge helligdage 2026", "Helligdagene i 2026"),
            ("unge helligdage 2023 --json", "2023 (med store bededag) som JSON"),
        ],
        positionals: 1...1, positionalNames: ["et årstal"])

    let year: Int
    let alsoClosed: Bool
    let json: Bool

    init(_ args: ParsedArguments) throws {
        year = try Values.int(args.positional(0)!, option: "ÅR", range: DanishCalendar.supportedYears)
        alsoClosed = args.has("--lukkedage")
        json = args.has("--json")
    }

    struct Output: Encodable {
        let year: Int
        let alsoClosed: Bool
        let holidays: [PublicHoliday]
    }

    func run(_ ctx: Context) throws -> Int32 {
        let calendar = DanishCalendar(alsoClosed: try alsoClosed || ctx.storeSettingAlsoClosed())
        let days = calendar.holidays(in: year)
        if json {
            ctx.console.print(
                try JSONOutput.render(Output(year: year, alsoClosed: calendar.alsoClosed, holidays: days)))
            return ExitCode.ok
        }
        ctx.console.print(ctx.console.bold("Helligdage \(year)"))
        let rows = days.map {
            [$0.date.danishShort, $0.date.weekdayName, $0.isPublicHoliday ? $0.name : "\($0.name) (lukkedag)"]
        }
        ctx.console.print(TextTable.render(header: ["Dato", "Ugedag", "Dag"], rows: rows, width: ctx.console.width))
        return ExitCode.ok
    }
}
