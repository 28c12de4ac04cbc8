import Foundation
import UngeCore
import UngeStore

/// `unge indstillinger`: show or change the store's settings: closing days, the letterhead
/// (municipality and unit) and the acting user's full name and title.
struct IndstillingerCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "indstillinger",
        summary: "Vis eller ret lagerets indstillinger",
        discussion: """
            Lukkedage: holder jeres arbejdsplads lukket grundlovsdag (5/6), juleaftensdag (24/12) og
            nytårsaftensdag (31/12), tæller de ikke som hverdage i fristerne. Det er ikke helligdage, så
            standarden er nej. Ændringen gælder frister, der beregnes fra nu af; allerede registrerede
            frister ændres ikke.
            Kommune og enhed står øverst i alle dokumenter. Dit fulde navn og din stilling står under
            "Udarbejdet af"; de gemmes i lageret under dit brugernavn (--bruger, $UNGE_BRUGER eller $USER),
            så hver bruger har sine egne. Skriv en tom værdi (fx --titel "") for at fjerne en oplysning.
            """,
        options: [
            OptionSpec("--lukkedage", value: "ja|nej", help: "Om 5/6, 24/12 og 31/12 er lukkedage."),
            OptionSpec("--kommune", value: "NAVN", help: "Kommunen i dokumenternes brevhoved, fx \"Nordby Kommune\"."),
            OptionSpec("--enhed", value: "NAVN", help: "Enheden i brevhovedet, fx \"Børn og Unge, Myndighed\"."),
            OptionSpec("--navn", value: "FULDT NAVN", help: "Dit fulde navn, som dokumenterne skriver det."),
            OptionSpec("--titel", value: "STILLING", help: "Din stilling, fx Socialrådgiver."),
            OptionSpec(
                "--klageadresse", value: "TEKST",
                help: "Hvor en klage til kommunen sendes (afgørelsesbreve), fx adresse eller e-mail."),
            OptionSpec(
                "--klageadresse-udvalg", value: "TEKST",
                help: "Hvor en klage over børne- og ungeudvalgets afgørelse sendes (standard: Ankestyrelsen)."),
            OptionSpec(
                "--klagevej", value: "TYPE=TEKST",
                help: "Klagevejen for en afgørelsestype, som unges kilder ikke giver (fx alkohol=\"...\").",
                repeatable: true),
            OptionSpec(
                "--leverandoer", value: "NAVN[:NR]",
                help:
                    "Tilføj eller ret en behandlingsleverandør på kommunens liste, evt. med nummeret fra Tilbudsportalen.",
                repeatable: true),
            OptionSpec("--fjern-leverandoer", value: "NAVN", help: "Fjern en leverandør fra listen.", repeatable: true),
            OptionSpec(
                "--opbevaring", value: "TYPE=PERIODE",
                help:
                    "Hvor længe en slags sag gemmes efter lukning (lukket, anonym, underretning), fx \(RetentionExample.one); tom periode fjerner den.",
                repeatable: true),
            .json,
        ],
        examples: [
            ("unge indstillinger", "Vis indstillingerne"),
            ("unge indstillinger --lukkedage ja", "Spring 5/6, 24/12 og 31/12 over i fristerne"),
            ("unge indstillinger --kommune \"Nordby Kommune\" --enhed \"Børn og Unge\"", "Brevhovedet i dokumenterne"),
            (
                "unge indstillinger --navn \"Lene Dahl\" --titel Socialrådgiver",
                "Dit navn og din stilling i dokumenterne"
            ),
            (
                "unge indstillinger --leverandoer \"Ungerådgivningen Nordby:12345\"",
                "En behandlingsleverandør med nummer fra Tilbudsportalen"
            ),
            (
                "unge indstillinger --opbevaring \(RetentionExample.periods)",
                "Kommunens opbevaringsperioder, som 'unge slet --udloebne' bruger"
            ),
        ])

    let closed: Bool?
    let municipality: String?
    let unit: String?
    let fullName: String?
    let title: String?
    let complaintAddress: String?
    let committeeAddress: String?
    let routes: [(String, String)]
    let json: Bool
    let addProviders: [ProviderEntry]
    let removeProviders: [String]
    let retention: [(RetentionKind, RetentionPeriod?)]

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
        func text(_ option: String) -> String? {
            args.value(option).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        municipality = text("--kommune")
        unit = text("--enhed")
        fullName = text("--navn")
        title = text("--titel")
        complaintAddress = text("--klageadresse")
        committeeAddress = text("--klageadresse-udvalg")
        routes = try args.all("--klagevej").map { item in
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let kind = DecisionKind.parse(parts[0]) else {
                throw UsageError.invalidValue(
                    option: "--klagevej", value: item,
                    expected:
                        "Skriv TYPE=TEKST med en afgørelsestype fra 'unge indsats --help', fx alkohol=\"Klage sendes til ...\"."
                )
            }
            return (kind.token, parts[1])
        }
        json = args.has("--json")
        addProviders = try args.all("--leverandoer").map { try ProviderOption.parse($0) }
        removeProviders = args.all("--fjern-leverandoer").map { $0.trimmingCharacters(in: .whitespaces) }
        retention = try args.all("--opbevaring").map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard parts.count == 2, let kind = RetentionKind.parse(parts[0]) else {
                throw UsageError.invalidValue(
                    option: "--opbevaring", value: item,
                    expected:
                        "Skriv TYPE=PERIODE med TYPE lukket, anonym eller underretning, fx \(RetentionExample.one).")
            }
            if parts[1].isEmpty { return (kind, nil) }
            guard let period = RetentionPeriod.parse(parts[1]) else {
                throw UsageError.invalidValue(
                    option: "--opbevaring", value: item,
                    expected:
                        "Skriv perioden i hele år og måneder, fx \(RetentionExample.formats).")
            }
            return (kind, period)
        }
    }

    struct Output: Encodable {
        let store: String
        let settings: StoreSettings
    }

    /// Settings may come before the first case: a change creates the store, as `ny` does.
    func storeUse(_ table: StoreUse) -> StoreUse {
        closed != nil || municipality != nil || unit != nil || fullName != nil || title != nil || !retention.isEmpty
            ? .creating : table
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.store
        let existed = store.exists
        var settings = try store.loadSettings()
        let before = settings
        func emptyIsNil(_ s: String) -> String? { s.isEmpty ? nil : s }
        if let closed { settings.alsoClosed = closed }
        if let municipality { settings.municipality = emptyIsNil(municipality) }
        if let unit { settings.unit = emptyIsNil(unit) }
        if fullName != nil || title != nil {
            var profile = settings.users[ctx.user] ?? UserProfile()
            if let fullName { profile.fullName = emptyIsNil(fullName) }
            if let title { profile.title = emptyIsNil(title) }
            settings.users[ctx.user] = profile.fullName == nil && profile.title == nil ? nil : profile
        }
        if let complaintAddress { settings.letters.complaintAddress = emptyIsNil(complaintAddress) }
        if let committeeAddress { settings.letters.committeeComplaintAddress = emptyIsNil(committeeAddress) }
        for (kind, text) in routes { settings.letters.statedRoutes[kind] = emptyIsNil(text) }
        try ProviderOption.apply(add: addProviders, remove: removeProviders, to: &settings)
        for (kind, period) in retention { settings.retention[kind] = period }
        if settings != before {
            try store.saveSettings(settings)
            ctx.announceNewStore(existed)
        }
        if json {
            ctx.console.print(try JSONOutput.render(Output(store: store.location, settings: settings)))
        } else {
            let me = settings.users[ctx.user]
            let fields: [(String, String)] =
                [
                    ("Lager", store.location),
                    (
                        "Lukkedage 5/6, 24/12 og 31/12",
                        settings.alsoClosed ? "ja (tæller ikke som hverdage)" : "nej (tæller som hverdage)"
                    ),
                    ("Kommune", settings.municipality ?? "Ikke oplyst"),
                    ("Enhed", settings.unit ?? "Ikke oplyst"),
                    ("Bruger", ctx.user),
                    ("Fulde navn", me?.fullName ?? "Ikke oplyst"),
                    ("Stilling", me?.title ?? "Ikke oplyst"),
                    (
                        "Leverandører",
                        settings.providers.isEmpty
                            ? "Ingen (fri tekst ved --leverandoer)"
                            : settings.providers.map {
                                $0.name + ($0.tilbudsportalenID.map { " (Tilbudsportalen \($0))" } ?? "")
                            }
                            .joined(separator: "; ")
                    ),
                    ("Klager sendes til", settings.letters.complaintAddress ?? "Ikke oplyst (brevene nævner kommunen)"),
                    (
                        "Klager over udvalget",
                        settings.letters.committeeComplaintAddress ?? "Ikke oplyst (brevene nævner Ankestyrelsen)"
                    ),
                ] + settings.letters.statedRoutes.sorted { $0.key < $1.key }.map { ("Klagevej \($0.key)", $0.value) }
                + RetentionKind.allCases.map { kind in
                    (
                        "Opbevaring: \(kind.key)",
                        settings.retention[kind]?.danish ?? "Ikke sat (slet sletter intet, før alle er sat)"
                    )
                }
            ctx.console.print(TerminalRenderer.fields(fields, width: ctx.console.width).joined(separator: "\n"))
        }
        return ExitCode.ok
    }
}
