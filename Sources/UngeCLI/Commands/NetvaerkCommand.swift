import Foundation
import UngeCore
import UngeStore

/// `unge netvaerk <id>`: show the network map, add or remove a person.
struct NetvaerkCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "netvaerk",
        aliases: ["netværk"],
        summary: "Vis eller ret den unges netværkskort",
        arguments: [.caseID],
        discussion: "Netværkskortet viser de mennesker, der er omkring den unge, i håndbogens fem arenaer (kap. 5):\n"
            + Arena.allCases.map { "  \($0.danish)" }.joined(separator: "\n")
            + "\nArenaen skrives fx familie, slaegt, venner, skole eller professionelle. Nærhed 1 er tættest på den unge.\n"
            + "--format svg tegner kortet til udskrift (A4): ringe for nærhed, fem arenaer, forældremyndighed som firkant,\n"
            + "'kan støtte' og 'svært' vist med både form og farve, så det også kan læses i gråtoner.\n"
            + "Lad den unge selv placere menneskerne, og husk at et tyndt netværk ikke er den unges skyld.",
        options: [
            OptionSpec("--tilfoej", value: "NAVN", help: "Tilføj en person."),
            OptionSpec("--relation", value: "TEKST", help: "Personens relation til den unge (fx mor, træner, ven)."),
            OptionSpec(
                "--arena", value: "ARENA", help: "familie, slaegt, venner, skole eller professionelle.",
                values: .choices(["familie", "slaegt", "venner", "skole", "professionelle"])),
            OptionSpec("--naerhed", value: "1-3", help: "1 tættest på, 3 længst fra (standard 2)."),
            OptionSpec("--foraeldremyndighed", help: "Personen har forældremyndigheden."),
            OptionSpec("--godt", value: "TEKST", help: "Hvad der er godt i relationen."),
            OptionSpec("--svaert", value: "TEKST", help: "Hvad der er svært i relationen."),
            OptionSpec("--kan-stoette", help: "Personen kan støtte den unge."),
            OptionSpec(
                "--adresse", value: "TEKST", help: "Adressen, som breve sendes til (fx til forældremyndigheden)."),
            OptionSpec("--fjern", value: "NAVN", help: "Fjern en person (navnet skal passe præcist)."),
            OptionSpec("--ret", value: "NAVN", help: "Ret adressen på en person, der står på kortet (med --adresse)."),
            OptionSpec("--format", value: "md|svg", help: "Vis kortet som tekst (md, standard) eller tegn det (svg)."),
            .output,
            .json,
        ],
        examples: [
            ("unge netvaerk 2026-0001", "Vis netværkskortet"),
            (
                "unge netvaerk 2026-0001 --tilfoej \"Birthe Friis\" --relation mormor --arena slaegt --naerhed 1 --kan-stoette",
                "Tilføj mormor"
            ),
            ("unge netvaerk 2026-0001 --fjern \"Birthe Friis\"", "Fjern en person igen"),
            ("unge netvaerk 2026-0001 --format svg --ud netvaerkskort.svg", "Tegn netværkskortet til et netværksmøde"),
        ],
        positionals: 1...1, positionalNames: ["sagsnummeret"])

    enum Change {
        case add(NetworkPerson)
        case remove(String)
        case setAddress(String, String?)
    }
    let id: CaseID
    let change: Change?
    let json: Bool
    let svg: Bool
    let outPath: String?

    init(_ args: ParsedArguments) throws {
        id = try Values.caseID(args.positional(0)!)
        json = args.has("--json")
        outPath = args.value("--ud")
        switch args.value("--format")?.lowercased() {
        case nil, "md": svg = false
        case "svg": svg = true
        case let other?:
            throw UsageError.invalidValue(
                option: "--format", value: other, expected: "Vælg md (tekst) eller svg (tegning).")
        }
        if let outPath, outPath.isEmpty {
            throw UsageError.invalidValue(
                option: "--ud", value: outPath, expected: "Angiv et filnavn, fx --ud netvaerkskort.svg.")
        }
        if svg && json { throw UsageError.conflict("Vælg enten --format svg eller --json, ikke begge.") }
        let personOptions =
            ["--relation", "--arena", "--naerhed", "--godt", "--svaert", "--adresse"].filter { args.value($0) != nil }
            + ["--foraeldremyndighed", "--kan-stoette"].filter { args.has($0) }
        if let name = args.value("--ret") {
            guard args.value("--tilfoej") == nil, args.value("--fjern") == nil,
                personOptions.allSatisfy({ $0 == "--adresse" }), let address = args.value("--adresse")
            else {
                throw UsageError.conflict(
                    "--ret NAVN bruges med --adresse TEKST alene, fx --ret \"Mette Friis\" --adresse \"Skovvej 1, 9000 Nordby\"."
                )
            }
            let t = address.trimmingCharacters(in: .whitespacesAndNewlines)
            change = .setAddress(name, t.isEmpty ? nil : t)
            return
        }
        switch (args.value("--tilfoej"), args.value("--fjern")) {
        case (let name?, nil):
            var missing: [String] = []
            if args.value("--relation") == nil { missing.append("personens relation til den unge (--relation)") }
            if args.value("--arena") == nil {
                missing.append("arenaen (--arena familie|slaegt|venner|skole|professionelle)")
            }
            if !missing.isEmpty { throw UsageError.missingInput(missing, command: "netvaerk") }
            let arenaText = args.value("--arena")!
            guard let arena = Arena.parse(arenaText) else {
                throw UsageError.invalidValue(
                    option: "--arena", value: arenaText,
                    expected: "Vælg familie, slaegt, venner, skole eller professionelle.")
            }
            let closeness =
                try args.value("--naerhed").map { try Values.int($0, option: "--naerhed", range: 1...3) } ?? 2
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else {
                throw UsageError.invalidValue(option: "--tilfoej", value: name, expected: "Skriv personens navn.")
            }
            change = .add(
                NetworkPerson(
                    name: trimmed, relation: args.value("--relation")!, arena: arena, closeness: closeness,
                    custodyHolder: args.has("--foraeldremyndighed"), whatIsGood: args.value("--godt"),
                    whatIsHard: args.value("--svaert"), canSupport: args.has("--kan-stoette"),
                    address: args.value("--adresse")))
        case (nil, let name?):
            if !personOptions.isEmpty {
                throw UsageError.conflict("\(personOptions.joined(separator: ", ")) bruges kun sammen med --tilfoej.")
            }
            change = .remove(name)
        case (nil, nil):
            if !personOptions.isEmpty {
                throw UsageError.conflict(
                    "\(personOptions.joined(separator: ", ")) bruges kun sammen med --tilfoej NAVN.")
            }
            change = nil
        default:
            throw UsageError.conflict("Brug enten --tilfoej eller --fjern, ikke begge.")
        }
    }

    struct Output: Encodable {
        let id: CaseID
        let revision: Int
        let network: Network
    }

    /// A confirmation: on stdout, unless stdout carries a picture or a file is written.
    func say(_ text: String, _ ctx: Context) {
        if svg || outPath != nil { ctx.console.error(text) } else { ctx.console.print(text) }
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.store
        if let outPath { try DocumentFile.checkTarget(outPath, ctx: ctx) }
        let file: CaseFile
        switch change {
        case nil where outPath != nil:
            file = try store.load(id)
        case nil:
            file = try ctx.readCase(id, store: store)
        case .add(let person)?:
            file = try ctx.updateCase(id, store: store, commutative: true) { f in
                if f.network.people.contains(where: { $0.name == person.name }) {
                    throw UsageError.conflict(
                        "\(person.name) står allerede på netværkskortet. Fjern personen først, hvis oplysningerne skal rettes."
                    )
                }
                f.network.people.append(person)
                f.record(.networkAdded(person), at: ctx.now, by: ctx.user)
            }
            if !json { say("\(person.name) er føjet til netværkskortet (revision \(file.revision)).", ctx) }
        case .remove(let name)?:
            file = try ctx.updateCase(id, store: store, commutative: true) { f in
                guard let i = f.network.people.firstIndex(where: { $0.name == name }) else {
                    let hint =
                        Suggest.closest(to: name, in: f.network.people.map(\.name)).map { " Mente du '\($0)'?" } ?? ""
                    throw UsageError.invalidValue(
                        option: "--fjern", value: name, expected: "Personen står ikke på netværkskortet.\(hint)")
                }
                f.network.people.remove(at: i)
                f.record(.networkRemoved(name), at: ctx.now, by: ctx.user)
            }
            if !json { say("\(name) er fjernet fra netværkskortet (revision \(file.revision)).", ctx) }
        case .setAddress(let name, let address)?:
            file = try ctx.updateCase(id, store: store) { f in
                guard let i = f.network.people.firstIndex(where: { $0.name == name }) else {
                    let hint =
                        Suggest.closest(to: name, in: f.network.people.map(\.name)).map { " Mente du '\($0)'?" } ?? ""
                    throw UsageError.invalidValue(
                        option: "--ret", value: name, expected: "Personen står ikke på netværkskortet.\(hint)")
                }
                f.network.people[i].address = address
                f.record(
                    .other(address == nil ? "Adressen på \(name) er fjernet" : "Adressen på \(name) er rettet"),
                    at: ctx.now,
                    by: ctx.user)
            }
            if !json { say("Adressen på \(name) er gemt (revision \(file.revision)).", ctx) }
        }
        let text: String?
        if json {
            text = try JSONOutput.render(Output(id: file.id, revision: file.revision, network: file.network)) + "\n"
        } else if svg {
            text = NetworkPicture.svg(for: file)
        } else {
            text =
                change == nil || outPath != nil ? MarkdownRenderer.render(NetworkMap.document(for: file)) + "\n" : nil
        }
        if let text {
            if let outPath {
                let saved = change.map { _ in
                    DocumentFile.Saved(
                        what: "Netværkskortet er gemt på sag \(id.rawValue) (revision \(file.revision))",
                        reprint: "unge netvaerk \(id.rawValue)" + (svg ? " --format svg" : ""))
                }
                try DocumentFile.export(
                    text, to: outPath, caseID: file.id, revision: file.revision, store: store, ctx: ctx, saved: saved)
                ctx.console.error("Skrevet til \(outPath).")
            } else {
                ctx.console.write(text)
            }
        }
        return ExitCode.ok
    }
}
