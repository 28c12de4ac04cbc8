import Foundation
import UngeCore

/// `unge frist --fra DATO (--hverdage N | --dage N)`: compute one deadline.
struct FristCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "frist",
        summary: "Beregn en frist i hverdage eller kalenderdage",
        discussion:
            "Hverdage tælles fra dagen efter --fra. Weekender og helligdage springes over, og de vises med navn.\nMed --lukkedage (eller lagerets indstilling) springes 5/6, 24/12 og 31/12 også over.\nFalder fristen på 5/6, 24/12 eller 31/12 (eller, i kalenderdage, en weekend eller helligdag), advares der med hverdagen før.",
        options: [
            OptionSpec(
                "--fra", value: "ÅÅÅÅ-MM-DD", help: "Dagen fristen regnes fra (fx modtagelsesdagen).", required: true),
            OptionSpec("--hverdage", value: "N", help: "Antal hverdage."),
            OptionSpec("--dage", value: "N", help: "Antal kalenderdage."),
            OptionSpec("--lukkedage", help: "Spring også over 5/6, 24/12 og 31/12."),
            .json,
        ],
        examples: [
            (
                "unge frist --fra 2026-03-31 --hverdage 6",
                "Kvitteringsfrist for en underretning modtaget tirsdag før påske"
            ),
            ("unge frist --fra 2026-12-22 --hverdage 6 --json", "Hen over jul og nytår, som JSON"),
            ("unge frist --fra 2026-04-13 --dage 14", "14 kalenderdage (fx behandlingsgarantien)"),
        ])

    enum Amount {
        case workingDays(Int)
        case days(Int)
    }
    let from: LocalDate
    let amount: Amount
    let alsoClosed: Bool
    let json: Bool

    init(_ args: ParsedArguments) throws {
        guard let fromText = args.value("--fra") else {
            throw UsageError.missingArgument("--fra ÅÅÅÅ-MM-DD", command: "frist")
        }
        from = try Values.date(fromText, option: "--fra")
        switch (args.value("--hverdage"), args.value("--dage")) {
        case (let w?, nil): amount = .workingDays(try Values.int(w, option: "--hverdage", range: 0...3650))
        case (nil, let d?): amount = .days(try Values.int(d, option: "--dage", range: -3650...3650))
        case (nil, nil): throw UsageError.missingArgument("enten --hverdage N eller --dage N", command: "frist")
        default: throw UsageError.conflict("Angiv enten --hverdage eller --dage, ikke begge.")
        }
        alsoClosed = args.has("--lukkedage")
        json = args.has("--json")
    }

    struct Output: Encodable {
        let from: LocalDate
        let unit: String
        let amount: Int
        let due: LocalDate
        let dueWeekday: String
        let skipped: [SkippedDay]
        /// A due date the municipality may be closed on (5/6, 24/12, 31/12; a weekend or helligdag for
        /// calendar days), with the working day before.
        let warnings: [String]
    }

    func run(_ ctx: Context) throws -> Int32 {
        let calendar = DanishCalendar(alsoClosed: try alsoClosed || ctx.storeSettingAlsoClosed())
        let out: Output
        switch amount {
        case .workingDays(let n):
            let r = calendar.addingWorkingDays(n, to: from)
            out = Output(
                from: from, unit: "hverdage", amount: n, due: r.due, dueWeekday: r.due.weekdayName, skipped: r.skipped,
                warnings: [calendar.closedDueDateWarning(r.due)].compactMap { $0 })
        case .days(let n):
            let due = calendar.addingCalendarDays(n, to: from)
            out = Output(
                from: from, unit: "dage", amount: n, due: due, dueWeekday: due.weekdayName, skipped: [],
                warnings: [calendar.closedDueDateWarning(due)].compactMap { $0 })
        }
        if json {
            ctx.console.print(try JSONOutput.render(out))
            return ExitCode.ok
        }
        let c = ctx.console
        c.print(
            "\(out.amount) \(out.unit) fra \(from.weekdayName) \(from.danishLong): "
                + c.bold("\(out.dueWeekday) \(out.due.danishLong)"))
        if !out.skipped.isEmpty {
            c.print("Sprunget over:")
            for s in out.skipped { c.print("  \(s.date.danishShort) \(s.date.weekdayName): \(s.reason)") }
        }
        for w in out.warnings { c.error(c.yellow("ADVARSEL:") + " " + w) }
        return ExitCode.ok
    }
}
