import Foundation
import UngeCore
import UngeStore

/// `unge identificer <sag>`: give an anonymous counselling case its young person (name and CPR
/// number or birth date). Until then the case gets no examination, plan or decision.
struct IdentificerCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "identificer",
        summary: "Giv en anonym rådgivningssag den unges navn og CPR-nummer",
        arguments: [.caseID],
        discussion: """
            En anonym rådgivningssag (anonym rådgivning efter \(HelpLaw.cite(.anonymousCounselling))) har hverken navn, CPR-nummer
            eller fødselsdato, og der kan ikke laves undersøgelse, plan eller afgørelse på den. Når den unge vil
            stå frem, registrerer du navn og CPR-nummer (eller fødselsdato) her. Det skrives i revisionssporet.
            I en terminal bliver du spurgt om det, der mangler. Har den unge allerede en sag, får du besked.
            """,
        options: [
            OptionSpec("--navn", value: "NAVN", help: "Den unges navn."),
            OptionSpec("--cpr", value: "DDMMÅÅ-XXXX", help: "CPR-nummer (fødselsdatoen læses heraf)."),
            OptionSpec("--foedselsdato", value: "ÅÅÅÅ-MM-DD", help: "Fødselsdato, hvis CPR-nummeret ikke kendes."),
            AgeCheck.option,
            .interactive,
        ],
        examples: [
            (
                "unge identificer 2026-0007 --navn \"Ali Hansen\" --cpr 740310-4012",
                "Den unge i en anonym sag står frem"
            ),
            ("unge identificer 2026-0007", "Bliv spurgt om navn og CPR-nummer (i en terminal)"),
        ],
        positionals: 1...1, positionalNames: ["sagsnummeret"])

    let id: CaseID
    var name: String?
    var cpr: CPRNumber?
    var born: LocalDate?
    let interactive: Bool
    let ageConfirmed: Bool

    init(_ args: ParsedArguments) throws {
        id = try Values.caseID(args.positional(0)!)
        name = args.value("--navn").map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        cpr = try args.value("--cpr").map(Values.cpr)
        born = try args.value("--foedselsdato").map { try Values.date($0, option: "--foedselsdato") }
        interactive = args.has("--interaktiv")
        ageConfirmed = args.has("--bekraeft-alder")
        if let cpr, let born, cpr.birthDate != born {
            throw UsageError.conflict(
                "Fødselsdatoen \(born.danishShort) passer ikke med CPR-nummeret \(cpr.masked). Angiv kun det ene.")
        }
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.store
        let file = try ctx.readCase(id, store: store)
        guard file.youngPerson.anonymous else {
            throw CLIError.ruleFailed(
                "Sag \(id.rawValue) er ikke en anonym rådgivningssag; den unge er allerede registreret. Ret oplysningerne med 'unge rediger \(id.rawValue)'."
            )
        }
        var me = self
        let asking = ctx.isInteractive(interactive)
        if asking {
            let p = Prompter(console: ctx.console)
            if me.name == nil { me.name = try p.ask("Den unges navn", required: true) }
            if me.cpr == nil && me.born == nil {
                let answer: NyCommand.Either? = try p.ask(
                    "CPR-nummer eller fødselsdato", help: "Skriv CPR som DDMMÅÅ-XXXX eller fødselsdato som ÅÅÅÅ-MM-DD.",
                    required: true, parse: NyCommand.cprOrDate)
                switch answer {
                case .cpr(let c)?: me.cpr = c
                case .date(let d)?: me.born = d
                case nil: break
                }
            }
        }
        var missing: [String] = []
        if me.name == nil { missing.append("den unges navn (--navn)") }
        if me.cpr == nil && me.born == nil { missing.append("CPR-nummer (--cpr) eller fødselsdato (--foedselsdato)") }
        if !missing.isEmpty { throw UsageError.missingInput(missing, command: "identificer") }
        if let b = me.cpr?.birthDate ?? me.born, b > ctx.today {
            throw UsageError.conflict("Fødselsdatoen \(b.danishShort) ligger i fremtiden. Tjek datoen.")
        }
        let person = YoungPerson(
            name: me.name, cpr: me.cpr, birthDate: me.born, contact: file.youngPerson.contact,
            school: file.youngPerson.school)
        try AgeCheck.confirm(person, registered: ctx.today, confirmed: ageConfirmed, asking: asking, ctx: ctx)
        let others = try SameYoungPerson.matches(person, store: store, ctx: ctx).filter { $0.id != id }
        if asking {
            // What will be saved, before it is.
            ctx.console.error("")
            ctx.console.error(
                "Sag \(id.rawValue) får: \(person.displayName)"
                    + (person.birthDate.map { ", født \($0.danishShort) (\(Age.years(born: $0, on: ctx.today)) år)" }
                        ?? "")
                    + (person.cpr.map { ", CPR \($0.masked)" } ?? ""))
            for o in others {
                ctx.console.error(
                    ctx.console.yellow("Den unge har også sag \(o.id.rawValue)")
                        + " (\(o.youngPerson.displayName)). Saml sagerne bagefter med 'unge saml \(id.rawValue) --ind-i \(o.id.rawValue)'."
                )
            }
            guard try Prompter(console: ctx.console).confirmSave("Gem?") else {
                ctx.console.error("Intet er gemt.")
                return ExitCode.usage
            }
        }
        let saved = try ctx.updateCase(id, store: store) { f in f.youngPerson = person }
        ctx.console.print(
            "Sag \(ctx.console.bold(id.rawValue)) er nu registreret for \(person.displayName)"
                + (person.cpr.map { " (CPR \($0.masked))" } ?? "") + ". Revision \(saved.revision).")
        for o in others {
            ctx.console.error(
                ctx.console.yellow("ADVARSEL:")
                    + " Den unge har også sag \(o.id.rawValue). Saml sagerne, så den unge har én sag: unge saml \(id.rawValue) --ind-i \(o.id.rawValue)"
            )
        }
        return ExitCode.ok
    }
}

/// An anonymous counselling case gets no examination, plan or decision until the young person is
/// identified (`unge identificer`).
enum AnonymousCounselling {
    /// Refuses work that needs an identified young person on an anonymous case. Anonymous treatment
    /// (`DecisionLaw.anonymousKinds`: SEL § 101 a, sundhedsloven § 141) is recorded without identity.
    static func refuse(_ file: CaseFile, what: String, on date: LocalDate, kind: DecisionKind? = nil) throws {
        guard file.youngPerson.anonymous else { return }
        if let kind, DecisionLaw.anonymousKinds.contains(kind) { return }
        let law = LegalReferences.reference(.anonymousCounselling).citation(on: date)
        let anonymousTreatment =
            what == "en afgørelse"
            ? " Anonym behandling kan registreres uden navn og CPR: --type sel101a-anonym (serviceloven § 101 a) eller --type alkohol (sundhedsloven § 141)."
            : ""
        throw CLIError.ruleFailed(
            "Sag \(file.id.rawValue) er en anonym rådgivningssag (\(law)). Der kan ikke laves \(what) på den, før den unge er identificeret: 'unge identificer \(file.id.rawValue) --navn NAVN --cpr DDMMÅÅ-XXXX'.\(anonymousTreatment)"
        )
    }
}

/// One young person, one case: finds existing cases for the same CPR number, or for the same birth
/// date and surname (a second case made without the CPR number, or with the name spelled otherwise).
/// The search is audited.
enum SameYoungPerson {
    static func matches(_ person: YoungPerson, store: any Store, ctx: Context) throws -> [CaseFile] {
        guard !person.anonymous, person.cpr != nil || (person.name != nil && person.birthDate != nil), store.exists
        else { return [] }
        let all = try store.allCases().cases
        try store.appendAudit(
            ctx.event(.search, caseID: nil, criterion: "samme unge (CPR-nummer eller fødselsdato og efternavn)"))
        return all.filter { c in
            let other = c.youngPerson
            guard !other.anonymous, c.mergedInto == nil else { return false }
            if let a = person.cpr, let b = other.cpr { return a == b }
            guard let s = surname(person.name), let d = person.birthDate else { return false }
            return surname(other.name) == s && other.birthDate == d
        }.sorted { $0.id.rawValue < $1.id.rawValue }
    }

    /// The surname: the last word of the name, folded (case; a hyphen separates words).
    static func surname(_ name: String?) -> String? {
        name.flatMap { $0.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).last.map(String.init) }
    }

    /// What to do when the young person already has a case: on a terminal (or `--interaktiv`) the
    /// user is offered the case; in a script the command stops (exit 1) unless `--ny-sag`.
    /// Returns the case to use, or nil for a new case.
    static func resolve(
        _ person: YoungPerson, store: any Store, ctx: Context, newCaseAllowed: Bool, asking: Bool,
        yesNo: (String) throws -> Bool
    ) throws -> CaseFile? {
        if newCaseAllowed { return nil }
        let found = try matches(person, store: store, ctx: ctx)
        guard let first = found.first else { return nil }
        let ids = found.map(\.id.rawValue).joined(separator: ", ")
        let what = found.count == 1 ? "sag \(ids)" : "sagerne \(ids)"
        guard asking else {
            throw CLIError.ruleFailed(
                "Den unge har allerede \(what) (samme CPR-nummer eller samme fødselsdato og efternavn). Brug sagen med --sag \(first.id.rawValue), eller opret en ny sag alligevel med --ny-sag."
            )
        }
        ctx.console.error(
            ctx.console.yellow("Den unge har allerede \(what)")
                + ": \(first.youngPerson.displayName), \(first.status.danish).")
        if try yesNo("Brug sag \(first.id.rawValue)?") { return try ctx.readCase(first.id, store: store) }
        ctx.console.error("Der oprettes en ny sag.")
        return nil
    }
}
