import Foundation
import Testing

/// A caseworker's day without friction (issue 24): each item end to end, through the binary or a
/// pseudo-terminal of 80 columns.
@Suite("En sagsbehandlers dag uden gnidninger (ende til ende)")
struct CaseworkerDayTests {
    /// Lines as seen on screen (a Danish letter is one column).
    static func longest(_ text: String) -> Int { text.split(separator: "\n").map(\.count).max() ?? 0 }

    // MARK: 1. Wrapping

    @Test("1: spørgsmål og vejledning i en dialog brydes ved ord til 80 kolonner")
    func promptsWrapAt80() throws {
        let store = Unge.emptyStore()
        let t = try PseudoTerminal(["underret"], store: store, columns: 80)
        t.answer("Vælg 1 eller 2 [1]: ", "2")
        t.answer("Den unges navn: ", "Emma Test")
        t.answer("ikke kender det): ", "")
        t.answer("Den unges fødselsdato (ÅÅÅÅ-MM-DD): ", "1")
        t.expect("13.04.2026")  // the reason, wrapped with its indentation
        t.answer("Den unges fødselsdato (ÅÅÅÅ-MM-DD): ", "2011-05-04")
        t.answer("Skole, uddannelse eller arbejde (tom linje springer over): ", "")
        t.expect("Hvem underrettede? [1]: ")
        t.type(PseudoTerminal.ctrlD)
        t.expect("gemt som kladde")
        _ = t.wait()
        let screen = t.output
        #expect(screen.contains("Underretning"))
        for line in screen.split(separator: "\n") {
            #expect(line.count <= 80, "for lang linje: \(line)")
        }
        // Words are moved, never cut.
        #expect(screen.contains("Underretning – svar på spørgsmålene. Tom linje springer et valgfrit spørgsmål\nover;"))
        #expect(screen.contains("\n  13-04-2026 / 13.04.2026)."))
    }

    @Test("1: hjælpen til en pipe brydes ved $COLUMNS, ellers ved 80")
    func helpToPipe() throws {
        let r = try Unge.run(["help", "underret"], env: ["COLUMNS": ""])
        #expect(r.status == 0)
        #expect(Self.longest(r.stdout) <= 80, "\(r.stdout)")
        let wide = try Unge.run(["help", "underret"], env: ["COLUMNS": "120"])
        #expect(Self.longest(wide.stdout) > 80 && Self.longest(wide.stdout) <= 120)
    }

    // MARK: 5. Case-insensitive answers, "gem", no stray Enter

    @Test("5: et tomt svar på 'Opret sagen?' kasserer intet, men spørger igen; 'gem' gemmer")
    func strayEnterNeverDiscards() throws {
        let store = Unge.emptyStore()
        let answers = ["Anna Test", "2011-04-01", "", "", "", "måske", "GEM"]
        let r = try Unge.run(["ny", "--interaktiv"], store: store, input: answers.joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.components(separatedBy: "Opret sagen? (j/n): ").count == 4, "\(r.stderr)")
        #expect(r.stderr.contains("Svar j (ja, gem) eller n (nej, gem ikke)."))
        #expect(r.stdout.contains("2026-0001"))
    }

    @Test("5: valg kan skrives som ordet i store eller små bogstaver")
    func choicesByWord() throws {
        let store = try Unge.fixtureStore()
        // "Hvem skriver?": "JEG REGISTRERER" is choice 2; then Ctrl-D keeps the answers as a draft.
        let r = try Unge.run(
            ["underret", "--sag", "2026-0001", "--interaktiv"], store: store, input: "jeg registrerer\nANONYM\n")
        #expect(r.stderr.contains("Hvem underrettede?"), "\(r.stderr)")
        #expect(r.stderr.contains("Hvordan kom underretningen?"), "\(r.stderr)")
        #expect(!r.stderr.contains("Skriv et tal"))
    }

    // MARK: 9. Global options first

    @Test("9: fælles valg før kommandoen: unge --lager MAPPE liste")
    func globalOptionsFirst() throws {
        let store = try Unge.fixtureStore()
        let r = try Unge.run(["--lager", store.path, "liste"], env: ["UNGE_LAGER": "/nonexistent-unge"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("2026-0001"))
        let eq = try Unge.run(["--lager=\(store.path)", "--bruger", "Lene", "vis", "2026-0001"])
        #expect(eq.status == 0, "\(eq.stderr)")
        let missing = try Unge.run(["--lager"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--lager"))
    }

    // MARK: 10. Finding the case

    @Test("10: 'unge lis' foreslår liste")
    func suggestsListe() throws {
        let r = try Unge.run(["lis"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("Mente du 'liste'?"), "\(r.stderr)")
    }

    @Test("10: 'unge vis emma' søger på navnet og tilbyder sagerne; et ukendt nummer giver nære numre")
    func searchByName() throws {
        let store = try Unge.fixtureStore()
        let r = try Unge.run(["vis", "emma"], store: store)
        #expect(r.status == 3)
        #expect(r.stderr.contains("2026-0001  Emma"), "\(r.stderr)")
        #expect(r.stderr.contains("unge vis 2026-0001"))
        let full = try Unge.run(["vis", "Jonas Bech"], store: store)
        #expect(full.stderr.contains("2026-0004  Jonas Bech Kristensen"), "\(full.stderr)")
        let near = try Unge.run(["vis", "2026-0100"], store: store)
        #expect(near.status == 3)
        #expect(near.stderr.contains("2026-0010"), "\(near.stderr)")
        #expect(!near.stderr.contains("2026-0003"))
        // The names shown are logged as a search, like every listing of cases.
        let log = try Unge.run(["log", "2026-0001"], store: store, env: ["COLUMNS": "250"])
        #expect(log.stdout.contains("søg=emma"), "\(log.stdout)")
    }

    @Test("10: i en terminal vælger man sagen, og kommandoen kører på den")
    func pickFromMatches() throws {
        let store = try Unge.fixtureStore()
        let t = try PseudoTerminal(["vis", "emma"], store: store, columns: 80)
        t.answer("Hvilken sag? (1-1, Enter for ingen): ", "1")
        t.expect("# Sag 2026-0001: Emma")
        #expect(t.wait() == 0)
    }

    // MARK: 11. Settings first, $USER

    @Test("11: unge indstillinger før den første sag opretter lageret med indstillingerne")
    func settingsCreateStore() throws {
        let store = Unge.emptyStore()
        let r = try Unge.run(["indstillinger", "--navn", "Lene Dahl", "--titel", "Socialrådgiver"], store: store)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("Nyt lager oprettet i"))
        #expect(r.stdout.contains("Lene Dahl"))
        let again = try Unge.run(["indstillinger"], store: store)
        #expect(again.stdout.contains("Socialrådgiver"))
    }

    @Test("11: $USER bruges efter $UNGE_BRUGER")
    func userFromEnvironment() throws {
        let store = Unge.emptyStore()
        #expect(
            try Unge.run(
                ["indstillinger", "--navn", "Sara Holm"], store: store, env: ["UNGE_BRUGER": "", "USER": "sara"]
            ).status == 0)
        let r = try Unge.run(["indstillinger"], store: store, env: ["UNGE_BRUGER": "", "USER": "sara"])
        #expect(r.stdout.contains("Bruger:") && r.stdout.contains("sara"))
        #expect(r.stdout.contains("Sara Holm"))
        let other = try Unge.run(["indstillinger"], store: store, env: ["UNGE_BRUGER": "lene", "USER": "sara"])
        #expect(!other.stdout.contains("Sara Holm"))
    }

    // MARK: 13. Deadlines of one case

    @Test("13: 'unge frister SAG' viser kun sagens frister med id; vis viser id'erne")
    func deadlinesOfOneCase() throws {
        let store = try Unge.fixtureStore()
        let r = try Unge.run(["frister", "2026-0002"], store: store)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("underretning-1-vurdering"))
        #expect(!r.stdout.contains("2026-0009"))
        #expect(r.stdout.contains("unge frister --opfyldt 2026-0002 ID"))
        let all = try Unge.run(["frister"], store: store)
        #expect(all.stdout.contains("2026-0009"))
        let vis = try Unge.run(["vis", "2026-0002"], store: store)
        #expect(vis.stdout.contains("underretning-1-vurdering"))
        #expect(vis.stdout.contains("unge frister --opfyldt 2026-0002 ID"))
        let json = try Unge.run(["frister", "2026-0002", "--json"], store: store)
        #expect(json.stdout.contains("\"deadlineID\""))
        let unknown = try Unge.run(["frister", "2026-0099"], store: store)
        #expect(unknown.status == 3)
        let help = try Unge.run(["frister", "--help"], store: store)
        #expect(help.stdout.contains("unge frister 2026-0003"))
    }
}
