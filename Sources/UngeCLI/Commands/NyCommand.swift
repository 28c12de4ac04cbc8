import Foundation
import UngeCore
import UngeStore

/// `unge ny`: create a case. Asks on a terminal (or with `--interaktiv`), takes flags otherwise.
struct NyCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "ny",
        summary: "Opret en ny sag",
        discussion:
            "Opretter en sag og giver den et sagsnummer (fx 2026-0008). Sagsnummeret – aldrig navn eller CPR –\nbruges som filnavn. I en terminal bliver du spurgt om det, der mangler, og om du vil gemme.\nEn anonym rådgivningssag (--anonym) har hverken navn, CPR eller fødselsdato.",
        options: [
            OptionSpec("--navn", value: "NAVN", help: "Den unges navn."),
            OptionSpec("--cpr", value: "DDMMÅÅ-XXXX", help: "CPR-nummer (fødselsdatoen læses heraf)."),
            OptionSpec("--foedselsdato", value: "ÅÅÅÅ-MM-DD", help: "Fødselsdato, hvis CPR-nummeret ikke kendes."),
            OptionSpec("--telefon", value: "NR", help: "Telefonnummer."),
            OptionSpec("--email", value: "ADR", help: "E-mail."),
            OptionSpec("--adresse", value: "ADR", help: "Adresse."),
            OptionSpec("--skole", value: "TEKST", help: "Skole, uddannelse eller arbejde."),
            OptionSpec(
                "--sagsbehandler", value: "BRUGER",
                help: "Den ansvarlige sagsbehandlers brugernavn (standard: dig selv, --bruger)."),
            OptionSpec("--anonym", help: "Anonym rådgivning: ingen navn, CPR eller fødselsdato."),
            OptionSpec(
                "--aldersgruppe", value: "under-15|15-17|18-22|23+",
                help: "Med --anonym: den unges aldersgruppe, til aldersreglerne ved anonym behandling."),
            OptionSpec("--ny-sag", help: "Opret en ny sag, selv om den unge allerede har en."),
            AgeCheck.option,
        ] + RestrictionOptions.specs + [.interactive, .json],
        examples: [
            ("unge ny", "Opret en sag og bliv spurgt undervejs (i en terminal)"),
            (
                "unge ny --navn \"Emma Friis\" --foedselsdato 2012-03-14 --skole \"Vestbyens Skole\"",
                "Opret en sag uden spørgsmål"
            ),
            ("unge ny --anonym", "Opret en anonym rådgivningssag"),
        ])

    var name: String?
    var cpr: CPRNumber?
    var born: LocalDate?
    var contact: Contact
    var school: String?
    var caseworker: String?
    let anonymous: Bool
    let ageBand: AgeBand?
    let newCase: Bool
    let ageConfirmed: Bool
    /// `--beskyttet`: the users named besides the creator.
    let restrictedTo: [String]?
    let interactive: Bool
    let json: Bool

    init(_ args: ParsedArguments) throws {
        name = args.value("--navn").map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        cpr = try args.value("--cpr").map(Values.cpr)
        born = try args.value("--foedselsdato").map { try Values.date($0, option: "--foedselsdato") }
        contact = Contact(
            phone: args.value("--telefon"), email: args.value("--email"), address: args.value("--adresse"))
        school = args.value("--skole")
        caseworker = args.value("--sagsbehandler")
        anonymous = args.has("--anonym")
        if let band = args.value("--aldersgruppe") {
            guard let b = AgeBand.parse(band) else {
                throw UsageError.invalidValue(
                    option: "--aldersgruppe", value: band,
                    expected: "Vælg \(AgeBand.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            ageBand = b
        } else {
            ageBand = nil
        }
        newCase = args.has("--ny-sag")
        ageConfirmed = args.has("--bekraeft-alder")
        restrictedTo = try RestrictionOptions.parse(args)
        interactive = args.has("--interaktiv")
        json = args.has("--json")
        if ageBand != nil, !anonymous {
            throw UsageError.conflict(
                "--aldersgruppe bruges kun med --anonym; ellers gives fødselsdato eller CPR-nummer.")
        }
        if anonymous, name != nil || cpr != nil || born != nil {
            throw UsageError.conflict(
                "En anonym sag har hverken navn, CPR eller fødselsdato. Fjern --anonym, eller fjern --navn/--cpr/--foedselsdato."
            )
        }
        if let cpr, let born, cpr.birthDate != born {
            throw UsageError.conflict(
                "Fødselsdatoen \(born.danishShort) passer ikke med CPR-nummeret \(cpr.masked). Angiv kun det ene.")
        }
    }

    func run(_ ctx: Context) throws -> Int32 {
        var me = self
        let asking = ctx.isInteractive(interactive) && !anonymous
        if asking { try me.ask(ctx) }
        if !anonymous {
            var missing: [String] = []
            if me.name == nil { missing.append("den unges navn (--navn)") }
            if me.cpr == nil && me.born == nil {
                missing.append("CPR-nummer (--cpr) eller fødselsdato (--foedselsdato)")
            }
            if !missing.isEmpty { throw UsageError.missingInput(missing, command: "ny") }
        }
        if let born = me.cpr?.birthDate ?? me.born, born > ctx.today {
            throw UsageError.conflict("Fødselsdatoen \(born.danishShort) ligger i fremtiden. Tjek datoen.")
        }
        if !anonymous {
            try AgeCheck.confirm(
                YoungPerson(name: me.name, cpr: me.cpr, birthDate: me.born), registered: ctx.today,
                confirmed: ageConfirmed, asking: asking, ctx: ctx)
        }
        let person =
            anonymous
            ? YoungPerson(anonymous: true, ageBand: ageBand)
            : YoungPerson(
                name: me.name, cpr: me.cpr, birthDate: me.born, contact: me.contact.isEmpty ? nil : me.contact,
                school: me.school)
        let store = try ctx.store
        let storeExisted = store.exists
        let caseworker = try me.caseworker.map {
            try CaseworkerValue.parse(
                $0, option: "--sagsbehandler", settings: storeExisted ? try store.loadSettings() : nil)
        }
        if let existing = try SameYoungPerson.resolve(
            person, store: store, ctx: ctx, newCaseAllowed: newCase || anonymous, asking: asking,
            yesNo: { try Prompter(console: ctx.console).yesNo($0, defaultValue: true) })
        {
            ctx.console.print(
                "Sagen findes allerede: \(ctx.console.bold(existing.id.rawValue)) (\(existing.youngPerson.displayName)). Der er ikke oprettet en ny."
            )
            ctx.console.print("Se den med: unge vis \(existing.id.rawValue)")
            return ExitCode.ok
        }
        if asking {
            ctx.console.error("")
            ctx.console.error(
                "Ny sag: \(person.displayName)"
                    + (person.birthDate.map { ", født \($0.danishShort) (\(Age.years(born: $0, on: ctx.today)) år)" }
                        ?? "")
                    + (person.cpr.map { ", CPR \($0.masked)" } ?? ""))
            guard try Prompter(console: ctx.console).confirmSave("Opret sagen?") else {
                ctx.console.error("Intet er gemt.")
                return ExitCode.usage
            }
        }
        var draft = CaseFile(
            id: CaseID("ny")!, created: ctx.now, youngPerson: person,
            caseworker: caseworker ?? ctx.user)
        draft.restriction = RestrictionOptions.restriction(restrictedTo, user: ctx.user)
        let saved = try store.create(
            draft, year: ctx.today.year, now: ctx.now, user: ctx.user, command: ctx.commandName)
        // The team store registers the creator as caseworker; another named one gets the case handed over.
        if let team = store as? any TeamStore, let caseworker, caseworker != team.role {
            try team.handOver(saved.id, to: caseworker, now: ctx.now, command: ctx.commandName)
        }
        ctx.announceNewStore(storeExisted)
        if json {
            ctx.console.print(
                try JSONOutput.render(Created(id: saved.id, revision: saved.revision, status: saved.status.danish)))
        } else {
            let age = person.birthDate.map { " (\(Age.years(born: $0, on: ctx.today)) år)" } ?? ""
            ctx.console.print(
                "Sag \(ctx.console.bold(saved.id.rawValue)) er oprettet for \(person.displayName)\(age). Revision \(saved.revision)."
            )
            ctx.console.print("Se den med: unge vis \(saved.id.rawValue)")
        }
        return ExitCode.ok
    }

    struct Created: Encodable {
        let id: CaseID
        let revision: Int
        let status: String
    }

    private mutating func ask(_ ctx: Context) throws {
        let p = Prompter(console: ctx.console)
        if name == nil { name = try p.ask("Den unges navn", required: true) }
        if cpr == nil && born == nil {
            let answer: Either? = try p.ask(
                "CPR-nummer eller fødselsdato", help: "Skriv CPR som DDMMÅÅ-XXXX eller fødselsdato som ÅÅÅÅ-MM-DD.",
                required: true, parse: Self.cprOrDate)
            switch answer {
            case .cpr(let c)?: cpr = c
            case .date(let d)?: born = d
            case nil: break
            }
        }
        if school == nil { school = try p.ask("Skole, uddannelse eller arbejde (kan springes over)") }
        if contact.phone == nil { contact.phone = try p.ask("Telefon (kan springes over)") }
    }

    enum Either {
        case cpr(CPRNumber)
        case date(LocalDate)
    }

    static func cprOrDate(_ text: String) -> Result<Either, UsageError> {
        if let d = LocalDate.parse(text) { return .success(.date(d)) }
        if let c = try? CPRNumber.parse(text) { return .success(.cpr(c)) }
        return .failure(.message("Det ligner hverken et CPR-nummer (DDMMÅÅ-XXXX) eller en dato (ÅÅÅÅ-MM-DD)."))
    }
}
