import Foundation
import UngeCore
import UngeStore

/// `unge indstillinger`: show or change the store's settings.
struct IndstillingerCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "indstillinger",
        summary: "Vis eller ret lagerets indstillinger",
        discussion: "Lukkedage: holder jeres arbejdsplads lukket grundlovsdag (5/6), juleaftensdag (24/12) og nytårsaftensdag\n(31/12), tæller de ikke som hverdage i fristerne. Det er ikke helligdage, så standarden er nej.\nÆndringen gælder frister, der beregnes fra nu af; allerede registrerede frister ændres ikke.",
        options: [OptionSpec("--lukkedage", value: "ja|nej", help: "Om 5/6, 24/12 og 31/12 er lukkedage."), .json],
        examples: [
            ("unge indstillinger", "Vis indstillingerne"),
            ("unge indstillinger --lukkedage ja", "Spring 5/6, 24/12 og 31/12 over i fristerne"),
        ])

    let closed: Bool?
    let json: Bool

    init(_ args: ParsedArguments) throws {
        if let v = args.value("--lukkedage") {
            switch v.lowercased() {
            case "ja", "j", "yes": closed = true
            case "nej", "n", "no": closed = false
            default: throw UsageError.invalidValue(option: "--lukkedage", value: v, expected: "Skriv ja eller nej.")
            }
        } else {
            closed = nil
        }
        json = args.has("--json")
    }

    struct Output: Encodable {
        let store: String
        let settings: StoreSettings
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.openStore()
        var settings = try store.loadSettings()
        if let closed, closed != settings.alsoClosed {
            settings.alsoClosed = closed
            try store.saveSettings(settings)
        }
        if json {
            ctx.console.print(try JSONOutput.render(Output(store: store.root.path, settings: settings)))
        } else {
            ctx.console.print("Lager: \(store.root.path)")
            ctx.console.print("Lukkedage 5/6, 24/12 og 31/12: " + (settings.alsoClosed ? "ja (tæller ikke som hverdage)" : "nej (tæller som hverdage)"))
        }
        return ExitCode.ok
    }
}
