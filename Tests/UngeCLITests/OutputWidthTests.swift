import Foundation
import Testing

/// Output that fits: on an 80-column terminal, tables and guidance wrap at word boundaries, a save
/// prints one line, counts read as Danish ("1 sag", "2 sager").
@Suite("Output på 80 kolonner (ende til ende)", .bothStores)
struct OutputWidthTests {
    /// Characters on screen (a Danish letter is one).
    static func width(_ line: Substring) -> Int { line.count }

    /// The words of a text, for checking that wrapping cut none.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init).sorted()
    }

    @Test(
        "liste, frister, vis og check passer til 80 kolonner og bryder kun ved mellemrum",
        arguments: [
            ["liste"], ["frister"], ["vis", "2026-0002"], ["vis", "2026-0001"], ["check", "--sag", "2026-0002"],
            ["check", "7"],
        ])
    func fits(_ args: [String]) throws {
        let store = try Unge.fixtureStore()
        let narrow = try Unge.runInTerminal(args, columns: 80, store: store)
        #expect(narrow.status == 0 || (args[0] == "check" && narrow.status == 1), "\(narrow.stderr)")
        for line in narrow.stdout.split(separator: "\n") {
            #expect(Self.width(line) <= 80, "for lang linje (\(Self.width(line))): \(line)")
        }
        // The same words as on a wide terminal: wrapping moved words, it never cut one.
        let wide = try Unge.runInTerminal(args, columns: 250, store: store)
        #expect(
            wide.stdout.split(separator: "\n").contains { Self.width($0) > 80 },
            "testen skal vise en bred linje blive brudt")
        #expect(Self.words(narrow.stdout) == Self.words(wide.stdout))
    }

    @Test("i farver: en brudt celle har sin farve på hver linje, og ingen farve løber over i næste celle")
    func colourPerLine() throws {
        let store = try Unge.fixtureStore()
        let r = try Unge.runInTerminal(["frister"], store: store, colour: true)
        #expect(r.stdout.contains("\u{1B}[31m"), "overskredne frister er røde")
        for line in r.stdout.split(separator: "\n") {
            let starts = ["\u{1B}[1m", "\u{1B}[2m", "\u{1B}[31m", "\u{1B}[33m"].map {
                line.components(separatedBy: $0).count - 1
            }.reduce(0, +)
            #expect(starts == line.components(separatedBy: "\u{1B}[0m").count - 1, "farve uden slut: \(line)")
            let visible = line.replacingOccurrences(of: #"\u{1B}\[[0-9;]*m"#, with: "", options: .regularExpression)
            #expect(visible.count <= 80)
        }
    }

    @Test("liste og frister på 80 kolonner (golden)")
    func goldens() throws {
        let store = try Unge.fixtureStore()
        try Unge.expectGolden(try Unge.runInTerminal(["liste"], store: store).stdout, "cli/terminal-80-liste.txt")
        try Unge.expectGolden(try Unge.runInTerminal(["frister"], store: store).stdout, "cli/terminal-80-frister.txt")
        try Unge.expectGolden(
            try Unge.runInTerminal(["vis", "2026-0002"], store: store).stdout, "cli/terminal-80-vis-2026-0002.txt")
    }

    @Test("uden terminal: $COLUMNS, ellers ingen ombrydning (én række pr. linje til scripts)")
    func columnsWithoutTerminal() throws {
        let store = try Unge.fixtureStore()
        let wide = try Unge.run(["frister"], store: store, env: ["COLUMNS": "200"])
        #expect(wide.stdout.contains("Vurdering af underretning nr. 1 (24 timer)"))
        let narrow = try Unge.run(["frister"], store: store, env: ["COLUMNS": "80"])
        #expect(narrow.stdout.split(separator: "\n").allSatisfy { Self.width($0) <= 80 })
        let piped = try Unge.run(["frister"], store: store, env: ["COLUMNS": ""])
        let rows = piped.stdout.split(separator: "\n").filter { $0.contains("2026-0") }
        #expect(!rows.isEmpty)
        #expect(rows.contains { Self.width($0) > 80 }, "a row of a pipe is never broken")
        #expect(piped.stdout.contains("Vurdering af underretning nr. 1 (24 timer)"))
    }

    @Test("en gemt plan skriver én linje i terminalen, ikke hele dokumentet")
    func saveSaysWhere() throws {
        let store = try Unge.fixtureStore()
        let plan = Unge.fixtures.appendingPathComponent("plan").path
        #expect(
            try Unge.run(["undersoeg", "2026-0003", "--fra-fil", plan + "/undersoegelse.json"], store: store).status
                == 0)
        let r = try Unge.runInTerminal(["plan", "2026-0003", "--fra-fil", plan + "/plan.json"], store: store)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout
                == "Gemt som version 1 af ungeplanen på sag 2026-0003. Se dokumentet med 'unge plan 2026-0003 --version 1'.\n"
        )
        // Sent on (a pipe), the document itself comes out, for scripts and redirects.
        let piped = try Unge.run(["plan", "2026-0003", "--version", "1"], store: store)
        #expect(piped.stdout.contains("# Ungeplan"))
    }

    @Test("danske flertal: 1 sag, 2 sager; 1 frist, 2 frister")
    func plurals() throws {
        let store = try Unge.fixtureStore()
        #expect(try Unge.run(["liste", "--soeg", "Sofie"], store: store).stdout.hasSuffix("1 sag\n"))
        let many = try Unge.run(["liste", "--alder", "15-16"], store: store).stdout
        #expect(many.range(of: #"\n[2-9][0-9]* sager\n$"#, options: .regularExpression) != nil)
        let deadlines = try Unge.run(["frister"], store: store).stdout
        #expect(
            deadlines.range(
                of: #"\n[0-9]+ frister, heraf [0-9]+ overskredet( og [0-9]+ opfyldt for sent)?\n$"#,
                options: .regularExpression) != nil)
        #expect(!many.contains("(er)") && !deadlines.contains("(er)"))
    }

    @Test("--mine viser brugerens åbne sager med næste skridt")
    func mine() throws {
        let store = try Unge.fixtureStore()
        #expect(
            try Unge.run(
                ["indstillinger", "--navn", "Lene Dahl", "--titel", "Socialrådgiver"], store: store,
                env: ["UNGE_BRUGER": "lene"]
            ).status == 0)
        let r = try Unge.run(["liste", "--mine"], store: store, env: ["UNGE_BRUGER": "lene", "COLUMNS": "200"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Sag        Navn"))
        #expect(r.stdout.contains("2026-0001  Emma Nørgaard Friis "))
        #expect(r.stdout.contains("Registrér underretningen, eller start en børnefaglig undersøgelse\n"))
        #expect(r.stdout.contains("Vurder underretningen: fristen var 28. august kl. 10.15 og er overskredet\n"))
        #expect(!r.stdout.contains("2026-0003"))  // Peter Moos's case
        #expect(r.stdout.hasSuffix(" sager\n"))
        // (A role name is lower case: the team store has the fixtures' "Peter Moos" as peter_moos.)
        let peter = Unge.isFolder(store) ? "Peter Moos" : "peter_moos"
        let json = try Unge.run(["liste", "--mine", "--json"], store: store, env: ["UNGE_BRUGER": peter])
        #expect(json.stdout.contains("\"id\" : \"2026-0003\""))
        #expect(json.stdout.contains("\"nextStep\""))
        #expect(!json.stdout.contains("2026-0001"))
        let nobody = try Unge.run(["liste", "--mine"], store: store, env: ["UNGE_BRUGER": "ingen"])
        #expect(nobody.stdout == "Du har ingen åbne sager som sagsbehandler (ingen).\n")
    }

    static let commands = [
        "ny", "liste", "vis", "notat", "rediger", "netvaerk", "underret", "undersoeg", "plan", "behandlingsplan",
        "vaerktoej", "check", "frister", "alder", "helligdage", "frist", "log", "indstillinger",
    ]

    @Test("hjælpen passer til 80 kolonner; ét »Registrér«; ingen dobbelt tegnsætning")
    func helpAndWording() throws {
        var texts: [String] = []
        for name in Self.commands {
            let r = try Unge.run([name, "--help"])
            #expect(r.status == 0)
            for line in r.stdout.split(separator: "\n") {
                #expect(Self.width(line) <= 80, "unge \(name) --help: for lang linje: \(line)")
            }
            texts.append(r.stdout)
        }
        texts.append(try Unge.run(["--help"]).stdout)
        let store = try Unge.fixtureStore()
        for id in 1...7 {
            let r = try Unge.run(["vis", "2026-000\(id)"], store: store)
            texts += [r.stdout, r.stderr]
        }
        for args in [
            ["liste"], ["frister"], ["check", "--sag", "2026-0002"], ["log", "2026-0002"], ["liste", "--mine"],
        ] {
            let r = try Unge.run(args, store: store, env: ["UNGE_BRUGER": "Lene Dahl"])
            texts += [r.stdout, r.stderr]
        }
        for text in texts {
            #expect(!text.contains("Registrer "), "stav »Registrér« på én måde")
            #expect(!text.contains("hans behov") && !text.contains("hendes behov"))
            // "..." (an ellipsis) is allowed; two full stops or stacked marks are not.
            let withoutEllipsis = text.replacingOccurrences(of: "...", with: "…")
            for doubled in ["..", ",,", ".,", ",.", ". .", "?.", "!.", ":.", ";."] {
                #expect(!withoutEllipsis.contains(doubled), "dobbelt tegnsætning '\(doubled)' i: \(text.prefix(200))")
            }
        }
    }

    @Test("frister --opfyldt spørger om resultatet og skriver det i journalen")
    func outcomeAsked() throws {
        let store = try Unge.fixtureStore()
        let r = try Unge.run(
            ["frister", "--opfyldt", "2026-0002", "underretning-1-vurdering", "--interaktiv"], store: store,
            input: "Ingen akut fare. Forældrene orienteret.\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("Hvad blev resultatet?"))
        let vis = try Unge.run(["vis", "2026-0002", "--json"], store: store)
        #expect(vis.stdout.contains(". Resultat: Ingen akut fare. Forældrene orienteret."))
        #expect(vis.stdout.contains("\"source\" : \"registration\""))
    }
}
