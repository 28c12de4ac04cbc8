import Foundation
import Testing
import UngeCore

/// A caseworker's day without friction (issue 24): each item end to end, through the binary or a
/// pseudo-terminal of 80 columns.
@Suite("En sagsbehandlers dag uden gnidninger (ende til ende)", .bothStores)
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
        // (A team store is a database IT made with 'unge lager init': nothing new is created there.)
        #expect(r.stderr.contains("Nyt lager oprettet i") == Unge.isFolder(store))
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

/// Issue 24, the dialogues: the one save pipeline, resume, hints, plans from decisions.
@Suite("En sagsbehandlers dag: dialogerne (ende til ende)", .bothStores)
struct CaseworkerDayDialogueTests {
    static func run(_ args: [String], _ store: URL, _ lines: [String]) throws -> Unge.Result {
        try Unge.run(args, store: store, input: lines.joined(separator: "\n") + "\n")
    }

    /// Answers with line breaks from wrapping joined again.
    static func flat(_ s: String) -> String {
        s.replacingOccurrences(of: "\n  ", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    @Test("2: vaerktoej gemmer via g/r/k/x; et tomt svar eller 'måske' kasserer intet; en kladde kan genoptages")
    func toolThroughPipeline() throws {
        let store = try Unge.fixtureStore()
        let args = ["vaerktoej", "2026-0001", "--type", "forandringscirkel", "--interaktiv"]
        // Ends after the first question: the answer is kept as a draft, and the hint names the command.
        let first = try Self.run(args, store, ["HANDLING"])
        #expect(first.status == 2)
        #expect(
            Self.flat(first.stderr).contains(
                "Kør 'unge vaerktoej 2026-0001 --type forandringscirkel --interaktiv' igen for at fortsætte."),
            "\(first.stderr)")
        // Resumed: the stage is not asked again; a stray Enter and "måske" ask again; "gem" saves.
        let r = try Self.run(args, store, ["", "n", "Aftale om at tale med træneren", "", "måske", "gem"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("== Svar fra kladden =="))
        #expect(r.stderr.contains("Fase (nummer eller navn): handling"))
        #expect(r.stderr.components(separatedBy: "Vælg g, r, k eller x: ").count == 4)
        #expect(r.stdout.contains("Forandringscirklen") || r.stdout.contains("er registreret på sag 2026-0001"))
        let list = try Unge.run(["vaerktoej", "2026-0001", "--json"], store: store)
        #expect(list.stdout.contains("\"stage\" : \"action\"") || list.stdout.contains("action"), "\(list.stdout)")
        #expect(list.stdout.contains("Aftale om at tale med træneren"))
    }

    @Test("2: check gemmer via g/r/k/x og genoptager en kladde")
    func checkThroughPipeline() throws {
        let store = try Unge.fixtureStore()
        let args = ["check", "6", "--sag", "2026-0001", "--interaktiv"]
        let first = try Self.run(args, store, ["JA", "Fast møde"])
        #expect(first.status == 2)
        #expect(Self.flat(first.stderr).contains("Kør 'unge check 6 --sag 2026-0001 --interaktiv' igen"))
        let r = try Self.run(args, store, ["", "nej", "", "", "g"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("Svar på 6.1 (ja/nej/delvis): JA"))
        #expect(r.stderr.contains("gemt på sag 2026-0001"))
        #expect(r.stdout.contains("dit svar: ja"))
        #expect(r.stdout.contains("\"Fast møde\""))
    }

    @Test("3: indsats peger på 'unge indsats SAG --interaktiv', som er den kommando, der fortsætter")
    func indsatsResumeHint() throws {
        let store = try Unge.fixtureStore()
        let r = try Self.run(["indsats", "2026-0001", "--interaktiv"], store, [""])
        #expect(
            Self.flat(r.stderr).contains("Kør 'unge indsats 2026-0001 --interaktiv' igen for at fortsætte."),
            "\(r.stderr)")
    }

    @Test("3+6: planen tager indsatserne fra afgørelserne, spørger om en ændringsnote og genoptager de valgte afsnit")
    func planFromDecisionsAndChangeNote() throws {
        let store = try Unge.fixtureStore()
        let args = ["plan", "2026-0010", "--interaktiv"]
        // Only "Indsatser" is changed; the run stops at the change note.
        let first = try Self.run(args, store, ["5", "m1, m2", "n"])
        #expect(first.status == 2, "\(first.stderr)")
        let f = Self.flat(first.stderr)
        #expect(f.contains("Afgørelse A1: Anbringelse uden for hjemmet uden samtykke (leverandør Opholdsstedet Lyngly"))
        #expect(f.contains("Hvilke mål arbejder Anbringelse uden for hjemmet uden samtykke (A1) hen imod"))
        #expect(!f.contains("Leverandør [Opholdsstedet Lyngly]"), "the decision's provider is not asked again")
        #expect(f.contains("Hvad er ændret i denne version?"))
        // Resumed: the chosen section is kept, nothing else is asked; the change note is required.
        let r = try Self.run(args, store, ["", "", "Målene for anbringelsen præciseret", "g"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("Kun de valgte afsnit (Indsatser) ændres"))
        #expect(r.stderr.contains("Dette felt skal udfyldes."))
        #expect(!r.stderr.contains("Hvordan deltog den unge? ["))
        let json = try Unge.run(["plan", "2026-0010", "--format", "json"], store: store)
        #expect(json.stdout.contains("\"changeNote\" : \"Målene for anbringelsen præciseret\""), "\(json.stdout)")
        #expect(json.stdout.contains("\"decisionID\" : \"A1\""))
        #expect(json.stdout.contains("\"version\" : 3"))
    }

    @Test("4+7: en voksens handleplan spørger hverken om undersøgelsens områder, aflastning eller anbringelse")
    func adultPlanAsksNoChildQuestions() throws {
        let store = try Unge.fixtureStore()
        let lines = [
            "", "1", "", "Hash hver dag", "Bor hos mor", "", "Egen bolig og arbejde", "", "Bo i egen lejlighed", "", "",
            "", "", "", "",
        ]
        let r = try Self.run(["plan", "2026-0005", "--interaktiv"], store, lines)
        let f = Self.flat(r.stderr)
        #expect(f.contains("Indsats (nummer)"), "\(r.stderr)")
        #expect(!f.contains("Aflastning"))
        #expect(!f.contains("Anbringelse"))
        #expect(!f.contains("område fra undersøgelsen"))
        // The hint about positive goals comes before the first goal is asked.
        let hint = try #require(f.range(of: "Skriv målene positivt"))
        let question = try #require(f.range(of: "Mål M1 (tom for at gå videre)"))
        #expect(hint.lowerBound < question.lowerBound)
    }

    @Test("4: et mål om at stoppe noget: rådet kommer før spørgsmålet om at skrive det positivt")
    func stopGoalAskedAgain() throws {
        let store = try Unge.fixtureStore()
        let lines = [
            "", "1", "", "Hash hver dag", "Bor hos mor", "", "Egen bolig", "", "Stoppe med at ryge hash",
            "Have en hverdag uden hash, med arbejde",
        ]
        let r = try Self.run(["plan", "2026-0005", "--interaktiv"], store, lines)
        let f = Self.flat(r.stderr)
        let hint = try #require(f.range(of: "Målet handler om at stoppe noget"))
        let again = try #require(f.range(of: "Mål M1 skrevet positivt (Enter beholder det) [Stoppe med at ryge hash]"))
        #expect(hint.lowerBound < again.lowerBound)
    }

    @Test("8: --fra-fil i en terminal starter ingen dialog uden --interaktiv")
    func fromFileOnTerminal() throws {
        let store = try Unge.fixtureStore()
        let file = Unge.fixtures.appendingPathComponent("underret/eksempel.json").path
        let t = try PseudoTerminal(["underret", "--fra-fil", file, "--ny-sag"], store: store, columns: 80)
        #expect(t.wait() == 0)
        #expect(!t.output.contains("Vælg 1 eller 2"), "\(t.output)")
        #expect(t.output.contains("Underretning nr. 1"))
    }

    @Test("8: med --fra-fil og --interaktiv viser resuméet filens svar")
    func fromFileSummary() throws {
        let store = try Unge.fixtureStore()
        let file = Unge.fixtures.appendingPathComponent("underret/eksempel.json").path
        let r = try Self.run(
            ["underret", "--fra-fil", file, "--interaktiv", "--ny-sag"], store,
            ["1", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "x"])
        #expect(r.stderr.contains("== Resumé =="), "\(r.stderr)")
        let summary = String(r.stderr[r.stderr.range(of: "== Resumé ==")!.upperBound...])
        #expect(summary.contains("Den unges navn: "), "\(summary)")
    }

    @Test(
        "12: planens JSON kan læses igen med --fra-fil; 'rød' virker i JSON; fejl er danske med nøgle, linje og kolonne"
    )
    func jsonRoundTrip() throws {
        let store = try Unge.fixtureStore()
        let json = try Unge.run(["plan", "2026-0010", "--format", "json"], store: store)
        #expect(json.status == 0)
        let dir = Unge.sandbox.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let planFile = dir.appendingPathComponent("plan.json")
        try json.stdout.write(to: planFile, atomically: true, encoding: .utf8)
        let again = try Unge.run(
            ["plan", "2026-0010", "--fra-fil", planFile.path, "--aendring", "Uændret"], store: store)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("version 3") || again.stderr.contains("version 3"), "\(again.stdout)")
        // The new version has today's date and its own change note, not the old ones.
        let v3 = try Unge.run(["plan", "2026-0010", "--version", "3", "--format", "json"], store: store)
        #expect(v3.stdout.contains("\"date\" : \"2026-09-01\""), "\(v3.stdout)")
        #expect(v3.stdout.contains("\"changeNote\" : \"Uændret\""))

        let arc = dir.appendingPathComponent("bue.json")
        try #"{"type": "bekymringsbue", "level": "rød", "raiseIf": "Hvis hun bliver væk om natten"}"#.write(
            to: arc, atomically: true, encoding: .utf8)
        let red = try Unge.run(["vaerktoej", "2026-0001", "--fra-fil", arc.path], store: store)
        #expect(red.status == 0, "\(red.stderr)")

        let bad = dir.appendingPathComponent("forkert.json")
        try "{\n  \"purpose\": \"x\",\n  \"goals\": [ {\"id\": \"M1\", \"text\": 5} ]\n}\n".write(
            to: bad, atomically: true, encoding: .utf8)
        let typed = try Unge.run(["plan", "2026-0010", "--fra-fil", bad.path], store: store)
        #expect(typed.status == 2)
        #expect(typed.stderr.contains("'goals[0].text' har en forkert type"), "\(typed.stderr)")
        #expect(typed.stderr.contains("linje 3"))
        let broken = dir.appendingPathComponent("brudt.json")
        try "{\n  \"purpose\": \"x\",\n  \"goals\": [\n}\n".write(to: broken, atomically: true, encoding: .utf8)
        for args in [["plan", "2026-0010"], ["indsats", "2026-0010"], ["vaerktoej", "2026-0010"], ["underret"]] {
            let r = try Unge.run(args + ["--fra-fil", broken.path], store: store)
            #expect(r.status == 2, "\(args)")
            #expect(
                r.stderr.contains("ikke gyldig JSON") || r.stderr.contains("kan ikke læses"), "\(args): \(r.stderr)")
            #expect(!r.stderr.contains("The given data") && !r.stderr.contains("data couldn"), "\(args): \(r.stderr)")
        }
    }

    @Test("12: rediger siger linje og kolonne for en fejl i JSON")
    func editLineAndColumn() throws {
        let store = try Unge.fixtureStore()
        // The "editor" breaks the file: a comma too many on line 2.
        let r = try Unge.run(
            ["rediger", "2026-0001"], store: store,
            env: ["EDITOR": "sed -i '2s/$/,,/'"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("ikke gyldig JSON (linje 2"), "\(r.stderr)")
    }
}

/// Issue 24, messages: masking, times, quotes, sources, readable diffs.
@Suite("En sagsbehandlers dag: beskeder (ende til ende)", .bothStores)
struct CaseworkerDayMessageTests {
    @Test("15: maskeringen rammer aldrig et sagsnummer eller en dato; hjælpens erstatningsnumre kan kopieres")
    func maskingSparesCaseNumbersAndDates() throws {
        let store = try Unge.fixtureStore()
        let caseNumber = try Unge.run(["alder", "2026-0001"], store: store)
        #expect(caseNumber.status == 2)
        #expect(caseNumber.stderr.contains("'2026-0001'"), "\(caseNumber.stderr)")
        #expect(caseNumber.stderr.contains("unge vis 2026-0001"))
        #expect(!caseNumber.stderr.contains("xxx"))
        let short = try Unge.run(["alder", "14.3.2009"], store: store)
        #expect(short.status == 0, "\(short.stderr)")
        #expect(short.stdout.contains("14. marts 2009"))
        let typo = try Unge.run(["alder", "31.13.2009"], store: store)
        #expect(typo.stderr.contains("'31.13.2009'"), "\(typo.stderr)")
        // A real-looking CPR number is still masked.
        let cpr = try Unge.run(["alder", "150309-123"], store: store)
        #expect(!cpr.stderr.contains("150309-123'"))
        let help = try Unge.run(["alder", "--help"])
        #expect(help.stdout.contains("670312-4321"), "\(help.stdout)")
    }

    @Test("15: beskeder viser dansk tid, aldrig UTC")
    func localTimes() throws {
        let store = try Unge.fixtureStore()
        #expect(
            try Unge.run(["frister", "--opfyldt", "2026-0002", "underretning-1-kvittering"], store: store).status == 0)
        let again = try Unge.run(["frister", "--opfyldt", "2026-0002", "underretning-1-kvittering"], store: store)
        #expect(again.stderr.contains("allerede markeret som opfyldt (01.09.2026 kl. 10.30)"), "\(again.stderr)")
        #expect(!again.stderr.contains("Z)"))
    }

    @Test("16: citationstegn, brugeren selv skriver, fordobles ikke; en kilde står, som den er skrevet")
    func quotesAndSources() throws {
        let store = try Unge.fixtureStore()
        let r = try Unge.run(
            ["check", "6", "--sag", "2026-0001", "--interaktiv"], store: store,
            input: ["ja", "\"Fast møde hver måned\"", "", "", "g"].joined(separator: "\n") + "\n")
        #expect(r.stdout.contains("\"Fast møde hver måned\""), "\(r.stdout)")
        #expect(!r.stdout.contains("\"\"Fast møde"))
        #expect(Quoted.text("„Jeg vil have ro“") == "\"Jeg vil have ro\"")
        #expect(Quoted.text("\"a\" og \"b\"") == "\"\"a\" og \"b\"\"")
        #expect(InformationSource(kind: .other, name: "naboen").label == "naboen")
        #expect(
            InformationSource(kind: .professional, name: "Lone, klasselærer").label == "fagperson: Lone, klasselærer")
    }

    @Test("14: plan --diff og --historik i en terminal: ingen rå Markdown; ændringsnote og begge datoer")
    func readableDiff() throws {
        let store = try Unge.fixtureStore()
        let diff = try Unge.runInTerminal(["plan", "2026-0010", "--diff", "1", "2"], store: store)
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(!diff.stdout.contains("_Sag"), "\(diff.stdout)")
        #expect(!diff.stdout.contains("**"))
        #expect(diff.stdout.contains("Ændringsnote:"))
        #expect(diff.stdout.contains("Første opfølgning: Ida er faldet til på Lyngly"))
        #expect(diff.stdout.contains("12. maj 2026") && diff.stdout.contains("20. august 2026"))
        for line in diff.stdout.split(separator: "\n") { #expect(line.count <= 80) }
        let history = try Unge.runInTerminal(["plan", "2026-0010", "--historik"], store: store)
        #expect(history.status == 0)
        #expect(!history.stdout.contains("**") && !history.stdout.contains("| ---"), "\(history.stdout)")
        // To a pipe the Markdown is kept, for files and scripts.
        let piped = try Unge.run(["plan", "2026-0010", "--diff", "1", "2"], store: store)
        #expect(piped.stdout.contains("# Ændringer fra version 1 til version 2"))
    }

    @Test("16: fremtidige datoer afvises for det, der er sket: undersøgelsens afslutning, børnesamtalen og luk")
    func futureEventDates() throws {
        let store = try Unge.fixtureStore()
        let luk = try Unge.run(["luk", "2026-0004", "--dato", "2026-12-24", "--grund", "Flyttet"], store: store)
        #expect(luk.status == 2)
        #expect(luk.stderr.contains("ligger i fremtiden"), "\(luk.stderr)")
        let exam = try Unge.run(
            ["undersoeg", "2026-0004", "--opmaerksom", "2026-08-01", "--afsluttet", "2026-10-01"], store: store)
        #expect(exam.status == 2)
        #expect(exam.stderr.contains("Afslutningsdatoen kan ikke være 01.10.2026"), "\(exam.stderr)")
        #expect(try Unge.run(["vis", "2026-0004", "--json"], store: store).stdout.contains("\"closedDate\"") == false)
    }
}
