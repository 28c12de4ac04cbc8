import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The guided dialogues driven through a pseudo-terminal, keystroke by keystroke: nothing typed is
/// lost when the dialogue is interrupted, answers are checked as they are given, existing answers
/// are offered as defaults, and the line editor edits over UTF-8.
@Suite("Dialoger i en terminal (pty, ende til ende)", .bothStores, .serialized)
struct DialogueTerminalTests {
    static func fixture(_ name: String) -> String { Unge.fixtures.appendingPathComponent("plan/\(name)").path }

    static func caseJSON(_ store: URL, _ id: String) throws -> [String: Any] {
        let data = try Unge.caseData(store, "\(id)")
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    static func draftExists(_ store: URL, _ name: String) throws -> Bool {
        try Unge.draftExists(store, name)
    }

    @Test("Ctrl-C gemmer svarene som kladde; næste kørsel fortsætter, hvor du slap (0 svar tabt)")
    func ctrlCResume() throws {
        let store = Unge.emptyStore()
        let t = try PseudoTerminal(["underret"], store: store)
        t.answer("Vælg 1 eller 2 [1]: ", "")
        t.answer("Den unges navn: ", "Emma Test")
        t.answer("tom linje hvis du ikke kender det): ", "")
        t.answer("Den unges fødselsdato (ÅÅÅÅ-MM-DD): ", "2011-05-04")
        t.answer("Skole, uddannelse eller arbejde (tom linje springer over): ", "Vestbyens Skole")
        t.answer("Dit navn: ", "Karen Lærer")
        t.expect("Din rolle, fx lærer, klubpædagog eller SSP-medarbejder: ")
        t.type(PseudoTerminal.ctrlC)
        t.expect("Afbrudt med Ctrl-C. Dine 6 svar er gemt som kladde. Kør 'unge underret' igen for at fortsætte.")
        #expect(t.wait() == 2)
        #expect(t.terminalRestored)
        #expect(try Self.draftExists(store, "underret-ny"))
        #expect(try !Unge.caseExists(store, "2026-0001"))

        // The next run offers the draft and asks only what is missing: the first question is the one
        // that was interrupted.
        let r = try PseudoTerminal(["underret"], store: store)
        r.answer("Fortsæt med kladden? (J/n): ", "")
        r.answer("Din rolle, fx lærer, klubpædagog eller SSP-medarbejder: ", "lærer")
        r.answer("Dit arbejdssted: ", "Vestbyens Skole")
        r.answer("så kommunen kan sende kvittering: ", "karen@skole.example")
        r.answer("Underretter du som fagperson i offentlig tjeneste? (ja/nej): ", "")
        r.expect("1. Den unges fysiske, psykiske og sociale forhold, ressourcer og vanskeligheder:")
        r.answer("> ", "Emma har haft 12 fraværsdage")
        r.answer("> ", "siden 1. marts.")
        r.answer("> ", "")
        for _ in 0..<4 { r.answer("> ", "") }  // sections 2-5 skipped
        r.answer("Har du fortalt den unge om underretningen? (ja/nej): ", "ja")
        r.answer("Hvad sagde den unge? (tom linje springer over): ", "")
        r.answer("Hvem har forældremyndigheden? Navne adskilt af ; (tom linje: spørg samlet om forældrene): ", "")
        r.answer("Har du fortalt forældrene om underretningen? (ja/nej): ", "ja")
        r.answer("> ", "")  // the parents' comments
        r.answer("Bekymringsbuen: grøn, orange eller rød? (tom linje springer over): ", "orange")
        r.answer("Hvad ville flytte bekymringen op mod rød?: ", "")
        r.answer("Hvad ville flytte bekymringen ned mod grøn?: ", "")
        r.expect("  Den unges navn: Emma Test")
        r.expect("  Dit navn: Karen Lærer")
        r.expect("Emma har haft 12 fraværsdage\n    siden 1. marts.")  // the summary shows full answers
        r.answer("Vælg g, r, k eller x: ", "g")
        r.expect("Underretning nr. 1 er registreret på sag 2026-0001")
        #expect(r.wait() == 0)
        #expect(!r.output.contains("\nDen unges navn: "))  // not asked again
        #expect(try !Self.draftExists(store, "underret-ny"))
        let report = (try Self.caseJSON(store, "2026-0001")["concernReports"] as! [[String: Any]])[0]
        #expect((report["reporter"] as! [String: Any])["name"] as? String == "Karen Lærer")
        #expect(report["situation"] as? String == "Emma har haft 12 fraværsdage\nsiden 1. marts.")
    }

    @Test("Ctrl-D: en forkert dato spørges om igen med grunden; svarene gemmes som kladde og genbruges")
    func ctrlDAndBadDate() throws {
        let store = try Unge.fixtureStore()
        let t = try PseudoTerminal(["undersoeg", "2026-0003"], store: store)
        t.answer("Hvornår blev kommunen opmærksom på behovet? [2026-09-01]: ", "2026-13-45")
        t.expect("Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-04-13")
        t.answer("Hvornår blev kommunen opmærksom på behovet? [2026-09-01]: ", "2026-04-20")
        t.expect("Afsnit 2 af 11: Samarbejde")
        t.answer("Hvordan har den unge deltaget?: ", "Tre samtaler")
        t.answer("Hvordan har Anne Lund (forældremyndighed) deltaget?: ", "Møde i maj")
        t.answer("Samtykke fra (navn, tom for at gå videre): ", "")
        t.expect("Afsnit 3 af 11: Udvikling og adfærd")
        t.expect("Er området relevant for den unge? (J/n): ")
        t.type(PseudoTerminal.ctrlD)
        t.expect(
            "Afbrudt (slut på input). Dine 4 svar er gemt som kladde. Kør 'unge undersoeg 2026-0003' igen for at fortsætte."
        )
        #expect(t.wait() == 2)
        #expect(t.terminalRestored)
        #expect(try Self.caseJSON(store, "2026-0003")["examination"] == nil)

        let r = try PseudoTerminal(["undersoeg", "2026-0003"], store: store)
        r.answer("Fortsæt med kladden? (J/n): ", "j")
        r.expect("Afsnit 3 af 11: Udvikling og adfærd")
        r.expect("Er området relevant for den unge? (J/n): ")
        // Shown once in the summary of the draft, never asked again.
        #expect(r.output.contains("== Svar fra kladden =="))
        #expect(!r.output.contains("opmærksom på behovet? ["))
        #expect(!r.output.contains("Hvordan har den unge deltaget?:  "))
        #expect(!r.output.contains("Hvordan har den unge deltaget? ["))
        r.type(PseudoTerminal.ctrlD)
        r.expect("Dine 4 svar er gemt som kladde.")
        #expect(r.wait() == 2)
    }

    @Test("SIGHUP (terminalen lukkes): svarene gemmes, terminalen gendannes, og næste kørsel fortsætter")
    func hangup() throws {
        let store = try Unge.fixtureStore()
        #expect(
            try Unge.run(["undersoeg", "2026-0003", "--fra-fil", Self.fixture("undersoegelse.json")], store: store)
                .status == 0)
        let t = try PseudoTerminal(["plan", "2026-0003"], store: store)
        t.expect("Formålet med indsatsen:")
        t.answer("> ", "Sofie skal i gang med en uddannelse")
        t.answer("> ", "")
        t.answer("Dato for afgørelsen om støtte (kan springes over) [2026-08-20]: ", "")
        t.expect("Mål M1 (tom for at gå videre): ")
        t.signal(SIGHUP)
        t.expect("Forbindelsen til terminalen blev afbrudt. Dine 2 svar er gemt som kladde.")
        #expect(t.wait() == 2)
        #expect(t.terminalRestored)
        #expect(try Self.draftExists(store, "plan-2026-0003"))

        let r = try PseudoTerminal(["plan", "2026-0003"], store: store)
        r.answer("Fortsæt med kladden? (J/n): ", "")
        r.expect("Mål M1 (tom for at gå videre): ")
        #expect(!r.output.contains("Formålet med indsatsen ["))
        r.signal(SIGTERM)
        r.expect("Dine 2 svar er gemt som kladde.")
        #expect(r.wait() == 2)
    }

    @Test("ret med standardsvar: vælg ét afsnit, Enter beholder, kun det ændrede svar ændres")
    func editWithDefaults() throws {
        let store = try Unge.fixtureStore()
        #expect(
            try Unge.run(["undersoeg", "2026-0003", "--fra-fil", Self.fixture("undersoegelse.json")], store: store)
                .status == 0)
        let before = try Self.caseJSON(store, "2026-0003")["examination"] as! [String: Any]
        let t = try PseudoTerminal(["undersoeg", "2026-0003"], store: store)
        t.answer("Afsnit (numre adskilt af , eller ;, tom linje: gennemgå alle): ", "3")
        t.answer("Er området relevant for den unge? (J/n): ", "")
        t.expect("Hvad fandt undersøgelsen?:")
        t.expect("  Nu: ")
        t.answer("> ", "Nyt fund fra samtalen i august")
        t.answer("> ", "")
        for _ in 0..<3 { t.answer("> ", "") }  // resources, problems, own view: Enter keeps
        t.answer("Kilder, adskilt af ; (fx den unge; mor; Lone, klasselærer) [", "")
        t.answer("Vælg g, r, k eller x: ", "g")
        t.expect("Undersøgelsen er gemt på sag 2026-0003.")
        #expect(t.wait() == 0)
        #expect(!t.output.contains("\nHvordan har den unge deltaget?"))  // other sections were not asked
        let after = try Self.caseJSON(store, "2026-0003")["examination"] as! [String: Any]
        let areasBefore = before["areas"] as! [[String: Any]]
        let areasAfter = after["areas"] as! [[String: Any]]
        #expect(areasAfter[0]["findings"] as? String == "Nyt fund fra samtalen i august")
        #expect(NSDictionary(dictionary: areasAfter[1]) == NSDictionary(dictionary: areasBefore[1]))
        #expect(areasAfter[0]["resources"] as? String == areasBefore[0]["resources"] as? String)
        #expect(
            NSArray(array: areasAfter[0]["sources"] as! [Any]) == NSArray(array: areasBefore[0]["sources"] as! [Any]))
        #expect(
            NSArray(array: areasAfter[2]["sources"] as! [Any]) == NSArray(array: areasBefore[2]["sources"] as! [Any]))
        #expect(
            NSDictionary(dictionary: after["conclusion"] as! [String: Any])
                == NSDictionary(dictionary: before["conclusion"] as! [String: Any]))
    }

    @Test("det sidste spørgsmål: ret et svar i ét afsnit, resten beholdes, og gem")
    func finalChangeAnswer() throws {
        let store = try Unge.fixtureStore()
        #expect(
            try Unge.run(["undersoeg", "2026-0003", "--fra-fil", Self.fixture("undersoegelse.json")], store: store)
                .status == 0)
        #expect(try Unge.run(["plan", "2026-0003", "--fra-fil", Self.fixture("plan.json")], store: store).status == 0)
        let t = try PseudoTerminal(["behandlingsplan", "2026-0003"], store: store)
        t.answer("Leverandør: ", "U18")
        t.answer("Mål for forbruget: den unges valg (nummer, kan springes over): ", "")
        t.answer("Behandlingsmål B1 (tom for at gå videre): ", "Sove bedre")
        t.answer("Hvilket af planens mål tjener det (M1, M2, M3, O1)?: ", "M7")
        t.expect("Vælg et af planens mål: M1, M2, M3, O1.")
        t.answer("Hvilket af planens mål tjener det (M1, M2, M3, O1)?: ", "m2")
        t.answer("Område (nummer): ", "1")
        t.answer("Metoder, adskilt af ; (kan springes over): ", "Søvndagbog, motiverende samtale")
        t.answer("Behandlingsmål B2 (tom for at gå videre): ", "")
        t.answer("Metoder for hele forløbet, adskilt af ; (kan springes over): ", "")
        t.expect("Vælg g, r, k eller x: ")
        t.type("r\r")
        t.answer("Hvilket afsnit (nummer): ", "1")
        t.answer("Leverandør [U18]: ", "U18-teamet")
        t.answer("Mål for forbruget: den unges valg (nummer, kan springes over): ", "")
        t.answer("Vælg g, r, k eller x: ", "g")
        t.expect("Behandlingsplanen er gemt som version 1 på sag 2026-0003.")
        #expect(t.wait() == 0)
        let plans = try Self.caseJSON(store, "2026-0003")["treatmentPlans"] as! [[String: Any]]
        try #require(plans.count == 1)
        #expect(plans[0]["provider"] as? String == "U18-teamet")
        let goal = (plans[0]["goals"] as! [[String: Any]])[0]
        #expect(goal["text"] as? String == "Sove bedre")
        #expect(goal["planGoalID"] as? String == "M2")
        #expect(goal["methods"] as? [String] == ["Søvndagbog", "motiverende samtale"])
        #expect(try !Self.draftExists(store, "behandlingsplan-2026-0003"))
    }

    @Test("samme CPR i et script: afvist med status 1 og sagsnummeret; --ny-sag opretter alligevel")
    func duplicateInScripts() throws {
        let store = Unge.emptyStore()
        let first = try Unge.run(["ny", "--navn", "Ida Holm", "--cpr", "640311-4017"], store: store)
        #expect(first.status == 0)
        let again = try Unge.run(["ny", "--navn", "Ida H. Holm", "--cpr", "640311-4017"], store: store)
        #expect(again.status == 1)
        #expect(
            again.stderr
                == "Den unge har allerede sag 2026-0001 (samme CPR-nummer eller samme fødselsdato og efternavn). Brug sagen med --sag 2026-0001, eller opret en ny sag alligevel med --ny-sag.\n"
        )
        let byName = try Unge.run(["ny", "--navn", "ida holm", "--foedselsdato", "2011-03-04"], store: store)
        #expect(byName.status == 1)
        let forced = try Unge.run(["ny", "--navn", "Ida Holm", "--cpr", "640311-4017", "--ny-sag"], store: store)
        #expect(forced.status == 0)
        #expect(forced.stdout.contains("Sag 2026-0002 er oprettet"))
        let notification = try Unge.run(
            [
                "underret", "--navn", "Ida Holm", "--cpr", "640311-4017", "--underretter", "Karen", "--fagperson",
                "nej", "--forhold", "Fravær.",
                "--ung-orienteret", "ja", "--foraeldre-orienteret", "ja",
            ], store: store)
        #expect(notification.status == 1)
        #expect(notification.stderr.contains("Den unge har allerede sagerne 2026-0001, 2026-0002"))
        #expect(try !Unge.caseExists(store, "2026-0003"))
    }

    @Test("samme CPR i en terminal: sagen tilbydes, og der oprettes ikke en ny")
    func duplicateOnTerminal() throws {
        let store = Unge.emptyStore()
        #expect(try Unge.run(["ny", "--navn", "Ida Holm", "--cpr", "640311-4017"], store: store).status == 0)
        let t = try PseudoTerminal(["ny"], store: store)
        t.answer("Den unges navn: ", "Ida Holm")
        t.answer("CPR-nummer eller fødselsdato: ", "640311-4017")
        t.answer("Skole, uddannelse eller arbejde (kan springes over): ", "")
        t.answer("Telefon (kan springes over): ", "")
        t.answer("Brug sag 2026-0001? (J/n): ", "")
        t.expect("Sagen findes allerede: 2026-0001 (Ida Holm). Der er ikke oprettet en ny.")
        #expect(t.wait() == 0)
        #expect(try !Unge.caseExists(store, "2026-0002"))
    }

    @Test("linjeeditoren: pile, Home/End, tilbage over æ og ø, og tidligere svar med pil op")
    func lineEditor() throws {
        let store = Unge.emptyStore()
        let t = try PseudoTerminal(["ny"], store: store)
        t.expect("Den unges navn: ")
        t.type(
            "Sren Bæk" + PseudoTerminal.home + PseudoTerminal.right + "ø" + PseudoTerminal.end
                + PseudoTerminal.backspace + PseudoTerminal.backspace + "k\r")
        t.answer("CPR-nummer eller fødselsdato: ", "2011-04-01")
        t.expect("Skole, uddannelse eller arbejde (kan springes over): ")
        t.type(
            "Vestbyens Skolæ" + PseudoTerminal.backspace + "e" + PseudoTerminal.left + PseudoTerminal.left
                + PseudoTerminal.left + PseudoTerminal.left + PseudoTerminal.left + "_" + PseudoTerminal.backspace
                + "\r")
        t.expect("Telefon (kan springes over): ")
        t.type(PseudoTerminal.up)
        t.expect("Vestbyens Skole")
        t.type("\u{15}12345678\r")  // Ctrl-U empties the recalled line
        t.answer("Opret sagen? (j/n): ", "j")
        t.expect("Sag 2026-0001 er oprettet for Søren Bk (15 år)")
        #expect(t.wait() == 0)
        #expect(t.terminalRestored)
        let person = try Self.caseJSON(store, "2026-0001")["youngPerson"] as! [String: Any]
        #expect(person["school"] as? String == "Vestbyens Skole")
        #expect((person["contact"] as? [String: Any])?["phone"] as? String == "12345678")
    }

    @Test("linjeeditoren på en smal terminal: et svar, der er længere end skærmen, kan rettes midt i")
    func narrowTerminal() throws {
        let store = Unge.emptyStore()
        let t = try PseudoTerminal(["ny"], store: store, columns: 24)
        t.expect("Den unges navn: ")
        t.type(
            "Anna Marie Kristensen Hlm" + PseudoTerminal.left + PseudoTerminal.left + "ø" + PseudoTerminal.home + "Æ"
                + PseudoTerminal.backspace + PseudoTerminal.end + "\r")
        t.answer("CPR-nummer eller fødselsdato: ", "2011-04-01")
        // The question wraps at a word boundary on a narrow terminal.
        t.answer("Skole, uddannelse eller arbejde\n(kan springes over): ", "")
        t.answer("Telefon (kan springes over): ", "")
        t.answer("Opret sagen? (j/n): ", "j")
        t.expect("er oprettet for Anna Marie Kristensen Hølm")
        #expect(t.wait() == 0)
        #expect(t.terminalRestored)
    }

    @Test("et langt svar kan skrives i $EDITOR (:e); svaret kommer med i kladden")
    func editorForLongAnswers() throws {
        let store = try Unge.fixtureStore()
        #expect(
            try Unge.run(["undersoeg", "2026-0003", "--fra-fil", Self.fixture("undersoegelse.json")], store: store)
                .status == 0)
        let script = store.deletingLastPathComponent().appendingPathComponent("editor.sh")
        try
            "#!/bin/sh\nprintf 'Sofie vil i gang med frisøruddannelsen.\\nHun vil have hjælp til at stå op.\\n' > \"$1\"\n"
            .write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o700)
        let t = try PseudoTerminal(["plan", "2026-0003"], store: store, env: ["EDITOR": script.path, "VISUAL": ""])
        t.expect("Formålet med indsatsen:")
        t.answer("> ", ":e")
        t.expect("Dato for afgørelsen om støtte (kan springes over) [2026-08-20]: ")
        t.type(PseudoTerminal.ctrlD)
        t.expect("Dit svar er gemt som kladde.")
        #expect(t.wait() == 2)
        let draft = try #require(try Unge.storedDraft(store, "plan-2026-0003"))
        #expect(draft.contains("Sofie vil i gang med frisøruddannelsen.\\nHun vil have hjælp til at stå op."))
    }

    @Test("et signal midt i et spørgsmål uden for dokumenterne (unge ny): terminalen gendannes, intet gemmes")
    func signalOutsideDocuments() throws {
        let store = Unge.emptyStore()
        let t = try PseudoTerminal(["ny"], store: store)
        t.expect("Den unges navn: ")
        t.type("Ida")
        t.signal(SIGTERM)
        t.expect("Afbrudt. Intet er gemt.")
        #expect(t.wait() == 2)
        #expect(t.terminalRestored)
    }
}
