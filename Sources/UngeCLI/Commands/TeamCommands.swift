import Foundation
import UngeCore
import UngeStore

/// The team store of this command, or a Danish refusal (exit 3) on a file store.
func teamStore(_ ctx: Context, for what: String) throws -> any TeamStore {
    guard let team = try ctx.store as? any TeamStore else {
        throw StoreError.unsupported(
            "\(what) findes kun i teamlageret (PostgreSQL, --lager postgresql://…). Dit lager er en mappe, som kun du bruger."
        )
    }
    return team
}

/// On the team store, tells the user (on stderr, so listings and JSON stay as they are) who searched
/// for a young person with a restricted case the user is named on, since the user last looked. A
/// failure to read the messages never stops the command.
func showTeamMessages(_ ctx: Context) {
    guard let team = (try? ctx.store) as? any TeamStore, let messages = try? team.takeMessages(),
        !messages.isEmpty
    else { return }
    for m in messages {
        ctx.console.error(
            "Besked: \(m.from) søgte \(DanishTime.format(m.time)) (unge find, på \(m.byCPR ? "CPR-nummer" : "navn og fødselsdato")) efter en ung, som passer på den beskyttede sag \(m.caseID.rawValue), som du er navngivet på."
        )
    }
}

/// `--beskyttet` and `--adgang BRUGERE` of `ny` and `underret`: a restricted case (beskyttet sag) that
/// only the named users may see; the creator is always named.
enum RestrictionOptions {
    static let specs: [OptionSpec] = [
        OptionSpec(
            "--beskyttet",
            help:
                "Beskyttet sag (fx en ansat, en ansats pårørende eller en offentligt kendt): kun navngivne brugere kan se den."
        ),
        OptionSpec(
            "--adgang", value: "BRUGERE",
            help: "Med --beskyttet: de brugere, der ud over dig må se sagen, adskilt af komma."),
    ]

    /// The restriction asked for, with `user` named; nil without `--beskyttet`.
    static func parse(_ args: ParsedArguments) throws -> [String]? {
        let named = (args.value("--adgang") ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        guard args.has("--beskyttet") else {
            if args.value("--adgang") != nil {
                throw UsageError.conflict("--adgang bruges kun sammen med --beskyttet.")
            }
            return nil
        }
        for n in named where !n.allSatisfy({ $0.isLetter || $0.isNumber || "_.-@".contains($0) }) {
            throw UsageError.invalidValue(
                option: "--adgang", value: n, expected: "Brugernavne adskilt af komma, fx anna,bo.")
        }
        return named
    }

    static func restriction(_ named: [String]?, user: String) -> CaseRestriction? {
        named.map { CaseRestriction(named: $0 + [user]) }
    }
}

/// `unge lager init URI` / `unge lager migrer` / `unge lager medlem ROLLE --hold HOLD [--leder]`:
/// setting up and upgrading the team store, and who is in which team.
struct LagerCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "lager",
        summary: "Opret, opgradér og administrér teamlageret (PostgreSQL)",
        arguments: ["handling", "uri|rolle"],
        discussion: """
            Kun for teamudgaven af unge (bygget med PostgreSQL). 'unge lager init URI' opretter skemaet og
            grupperollerne unge_sagsbehandler, unge_teamleder og unge_admin i en tom database; det køres af
            databasens ejer (fx postgres). 'unge lager migrer' bringer databasen op til denne versions skema.
            'unge lager medlem ROLLE --hold HOLD' sætter en bruger på et hold (kun unge_admin); med --leder
            som holdets leder. Loginrollerne oprettes af IT med CREATE ROLE … IN ROLE unge_sagsbehandler.
            'unge lager flyt --fra MAPPE --til URI --brugere KORT' flytter et lager i en mappe (sager,
            revisionsspor, kladder, indstillinger) ind i teamlageret; køres af en unge_admin. Brugerkortet har
            én linje pr. bruger: bruger;rolle;hold (og ;leder for holdets leder), og *;rolle;hold for sager uden
            sagsbehandler. Bagefter læses hver sag tilbage og sammenlignes (antal og indholdets SHA-256), og
            hver hændelse i revisionssporet skal være kommet med. Bliver flytningen afbrudt, køres den bare
            igen: det, der allerede er flyttet, springes over. Et mål, der har andre sager i forvejen, afvises,
            medmindre --tilfoej er givet. 'unge lager flyt --fra URI --til MAPPE' flytter den anden vej.
            """,
        options: [
            OptionSpec("--hold", value: "HOLD", help: "Holdet, brugeren hører til (medlem)."),
            OptionSpec("--leder", help: "Brugeren er holdets leder (medlem)."),
            OptionSpec("--fra", value: "LAGER", help: "Lageret, der flyttes fra: en mappe eller en adresse (flyt)."),
            OptionSpec("--til", value: "LAGER", help: "Lageret, der flyttes til: en adresse eller en mappe (flyt)."),
            OptionSpec("--brugere", value: "KORT", help: "Filen med brugerkortet: bruger;rolle;hold[;leder] (flyt)."),
            OptionSpec("--tilfoej", help: "Læg sagerne til et lager, der allerede har andre sager (flyt)."),
        ],
        examples: [
            ("unge lager init 'postgresql:///unge?host=/run/postgresql'", "Opret teamlageret i databasen unge"),
            ("unge lager migrer --lager 'postgresql:///unge'", "Opgradér skemaet efter en ny version af unge"),
            ("unge lager medlem anna --hold Nord", "Sæt brugeren anna på holdet Nord"),
            (
                "unge lager flyt --fra ~/.local/share/unge --til 'postgresql:///unge' --brugere brugere.txt",
                "Flyt dit eget lager ind i teamlageret"
            ),
        ],
        positionals: 1...2, positionalNames: ["handlingen", "adressen eller rollen"])

    enum Action {
        case initialise(String?)
        case migrate
        case member(String, team: String, leader: Bool)
        case move(from: StoreLocation, to: StoreLocation, users: String?, add: Bool)
    }

    let action: Action

    init(_ args: ParsedArguments) throws {
        let verb = args.positional(0)!
        switch verb {
        case "init":
            action = .initialise(args.positional(1))
        case "migrer":
            action = .migrate
        case "medlem":
            guard let role = args.positional(1) else {
                throw UsageError.missingArgument("rollen: unge lager medlem ROLLE --hold HOLD", command: "lager")
            }
            guard let team = args.value("--hold"), !team.isEmpty else {
                throw UsageError.missingArgument("--hold: unge lager medlem ROLLE --hold HOLD", command: "lager")
            }
            action = .member(role, team: team, leader: args.has("--leder"))
        case "flyt":
            guard let from = args.value("--fra"), !from.isEmpty else {
                throw UsageError.missingArgument("--fra: unge lager flyt --fra LAGER --til LAGER", command: "lager")
            }
            guard let to = args.value("--til"), !to.isEmpty else {
                throw UsageError.missingArgument("--til: unge lager flyt --fra LAGER --til LAGER", command: "lager")
            }
            let source = StoreLocation.parse(from)
            let target = StoreLocation.parse(to)
            switch (source, target) {
            case (.folder, .database):
                guard args.value("--brugere") != nil else {
                    throw UsageError.missingArgument(
                        "--brugere: brugerkortet (bruger;rolle;hold pr. linje) til flytning ind i teamlageret",
                        command: "lager")
                }
            case (.database, .folder): break
            default:
                throw UsageError.message(
                    "Der flyttes fra en mappe til en database (postgresql://…) eller fra en database til en mappe; --fra og --til er her samme slags."
                )
            }
            action = .move(from: source, to: target, users: args.value("--brugere"), add: args.has("--tilfoej"))
        default:
            throw UsageError.invalidValue(
                option: "handling", value: verb, expected: "Vælg init, migrer, medlem eller flyt.")
        }
    }

    func run(_ ctx: Context) throws -> Int32 {
        switch action {
        case .initialise(let given):
            let uri = try given ?? databaseURI(ctx)
            guard case .database = StoreLocation.parse(uri) else {
                throw UsageError.invalidValue(
                    option: "adresse", value: uri,
                    expected: "En PostgreSQL-adresse, fx postgresql:///unge?host=/run/postgresql.")
            }
            let result = try Stores.migrate(uri: uri)
            if result.from == 0 {
                ctx.console.print("Teamlageret er oprettet i \(StoreLocation.redacted(uri)) (skema \(result.to)).")
            } else {
                ctx.console.print("Teamlageret i \(StoreLocation.redacted(uri)) findes allerede (skema \(result.to)).")
            }
        case .migrate:
            let uri = try databaseURI(ctx)
            let result = try Stores.migrate(uri: uri)
            ctx.console.print(
                result.from == result.to
                    ? "Skemaet er allerede version \(result.to); intet at gøre."
                    : "Skemaet er opgraderet fra version \(result.from) til \(result.to).")
        case .member(let role, let team, let leader):
            try teamStore(ctx, for: "Hold").setMember(role, team: team, leader: leader)
            ctx.console.print("\(role) er nu på holdet \(team)\(leader ? " som leder" : "").")
        case .move(let from, let to, let usersFile, let add):
            try move(ctx, from: from, to: to, usersFile: usersFile, add: add)
        }
        return ExitCode.ok
    }

    func move(_ ctx: Context, from: StoreLocation, to: StoreLocation, usersFile: String?, add: Bool) throws {
        var users: UserMap?
        if let usersFile {
            guard let data = FileManager.default.contents(atPath: usersFile), data.count < 1 << 20,
                let text = String(data: data, encoding: .utf8)
            else {
                throw UsageError.message(
                    "Brugerkortet '\(usersFile)' kan ikke læses. Angiv en tekstfil med én linje pr. bruger: bruger;rolle;hold."
                )
            }
            do { users = try UserMap.parse(text) } catch { throw UsageError.message(error.description) }
        }
        let console = ctx.console
        let report = try StoreMove.run(
            from: from, to: to, users: users, addToExisting: add, now: ctx.now,
            progress: { console.error("  … \($0)") })
        var lines = [
            "Flyttet fra \(from.display) til \(to.display):",
            "  \(Plural.count(report.cases, "sag", "sager")) (\(report.casesCopied) flyttet nu, \(report.casesAlreadyThere) var der i forvejen)",
            "  \(Plural.count(report.events, "hændelse", "hændelser")) i revisionssporet (\(report.eventsCopied) flyttet nu)",
            "  \(Plural.count(report.drafts, "kladde", "kladder")); indstillinger \(report.settingsMoved ? "flyttet" : "ikke ændret (standard)")",
            "Kontrolleret: alle sager læst tilbage med samme indhold (SHA-256 over alle sager \(report.digest.prefix(16))…), og alle hændelser er med.",
        ]
        if report.unreadableEvents > 0 {
            lines.append(
                "Advarsel: \(Plural.count(report.unreadableEvents, "hændelse", "hændelser")) i kildens revisionsspor kunne ikke læses og er ikke flyttet."
            )
        }
        for l in lines { ctx.console.print(l) }
    }

    func databaseURI(_ ctx: Context) throws -> String {
        guard case .database(let uri) = ctx.storeLocation else {
            throw UsageError.message(
                "Angiv teamlagerets adresse med --lager postgresql://… (eller UNGE_LAGER); '\(ctx.storeLocation.display)' er en mappe."
            )
        }
        return uri
    }
}

/// `unge stedfortraeder STEDFORTRAEDER --for BRUGER --til DATO`: a time-limited grant on a user's cases.
struct StedfortraederCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "stedfortraeder",
        summary: "Giv en kollega adgang til en brugers sager i en periode (teamlageret)",
        arguments: ["stedfortræder"],
        discussion: """
            Stedfortræderen kan læse og skrive i brugerens sager til og med datoen i --til; derefter
            ophører adgangen af sig selv. Kun brugeren selv eller lederen af brugerens hold kan give den,
            og det er databasen, der tjekker hvem. Tildelingen står i revisionssporet.
            """,
        options: [
            OptionSpec(
                "--for", value: "BRUGER", help: "Brugeren, hvis sager stedfortræderen får adgang til.", required: true),
            OptionSpec("--til", value: "DATO", help: "Sidste dag med adgang.", required: true),
        ],
        examples: [("unge stedfortraeder bo --for anna --til 2026-07-31", "bo dækker for anna til og med 31. juli")],
        positionals: 1...1, positionalNames: ["stedfortræderen"])

    let deputy: String
    let user: String
    let until: LocalDate

    init(_ args: ParsedArguments) throws {
        deputy = args.positional(0)!
        user = args.value("--for")!
        until = try Values.date(args.value("--til")!, option: "--til")
    }

    func run(_ ctx: Context) throws -> Int32 {
        if until < ctx.today {
            throw UsageError.invalidValue(
                option: "--til", value: until.iso, expected: "Datoen skal være i dag eller senere.")
        }
        try teamStore(ctx, for: "Stedfortrædere").grantDeputy(deputy, for: user, until: until)
        ctx.console.print("\(deputy) har adgang til \(user)s sager til og med \(until.danishLong).")
        return ExitCode.ok
    }
}

/// `unge find --cpr … | --navn … --foedselsdato …`: does a case exist for this young person anywhere?
struct FindCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "find",
        summary: "Findes der allerede en sag om den unge (i hele kommunen)?",
        discussion: """
            Søger på CPR-nummer, eller på navn og fødselsdato. I teamlageret søges i hele kommunen: for en sag,
            du ikke har adgang til, vises kun sagsnummer, hold og sagsbehandler, og for en beskyttet sag kun,
            at den findes, og hvem du kan kontakte. Søgningen står i revisionssporet med de fundne sagsnumre,
            aldrig med CPR-nummeret.
            """,
        options: [
            OptionSpec("--cpr", value: "CPR", help: "Den unges CPR-nummer."),
            OptionSpec("--navn", value: "NAVN", help: "Den unges navn (sammen med --foedselsdato)."),
            OptionSpec("--foedselsdato", value: "DATO", help: "Den unges fødselsdato (sammen med --navn)."),
        ],
        examples: [
            ("unge find --cpr 010203-1234", "Findes der en sag med dette CPR-nummer?"),
            ("unge find --navn \"Mads Jensen\" --foedselsdato 2010-05-01", "Søg på navn og fødselsdato"),
        ])

    let cpr: CPRNumber?
    let name: String?
    let birthDate: LocalDate?

    init(_ args: ParsedArguments) throws {
        cpr = try args.value("--cpr").map(Values.cpr)
        name = args.value("--navn").map { $0.trimmingCharacters(in: .whitespaces) }
        birthDate = try args.value("--foedselsdato").map { try Values.date($0, option: "--foedselsdato") }
        if cpr == nil && (name == nil || birthDate == nil) {
            throw UsageError.missingArgument("--cpr, eller --navn sammen med --foedselsdato", command: "find")
        }
        if cpr != nil && name != nil {
            throw UsageError.conflict("Søg enten med --cpr eller med --navn og --foedselsdato, ikke begge.")
        }
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.store
        var lines: [String] = []
        if let team = store as? any TeamStore {
            let key = cpr == nil ? TeamLookup.nameKey(name: name, birthDate: birthDate) : nil
            for m in try team.find(cpr: cpr?.digits, nameKey: key) {
                if m.mayOpen {
                    lines.append(
                        "\(m.id.rawValue)  du har adgang (hold \(m.team ?? "–"), sagsbehandler \(m.caseworker ?? "–"))")
                } else if m.restricted {
                    lines.append(
                        m.contacts.isEmpty
                            ? "En beskyttet sag passer. Kontakt din leder."
                            : "En beskyttet sag passer. Kontakt \(m.contacts.joined(separator: ", ")); de får besked om din søgning."
                    )
                } else {
                    lines.append("\(m.id.rawValue)  hold \(m.team ?? "–"), sagsbehandler \(m.caseworker ?? "–")")
                }
            }
        } else {
            let all = try store.allCases().cases
            let found = all.filter { c in
                if let cpr { return c.youngPerson.cpr == cpr }
                return TeamLookup.nameKey(name: c.youngPerson.name, birthDate: c.youngPerson.birthDate)
                    == TeamLookup.nameKey(name: name, birthDate: birthDate)
            }
            try store.appendAudit(ctx.event(.search, caseID: nil, criterion: "find", shown: found.map(\.id)))
            lines = found.map { "\($0.id.rawValue)  \($0.caseworker.map { "sagsbehandler \($0)" } ?? "i dit lager")" }
        }
        if lines.isEmpty {
            ctx.console.print("Ingen sag passer.")
        } else {
            ctx.console.print("Sager, der passer:")
            for l in lines { ctx.console.print("  " + l) }
        }
        return ExitCode.ok
    }
}
