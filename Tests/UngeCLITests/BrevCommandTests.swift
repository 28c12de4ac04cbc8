import Foundation
import Testing

@Suite("Breve: unge brev (ende til ende)", .bothStores)
struct BrevCommandTests {
    /// A store with case 2026-0001: Emil, 14, two custody holders with addresses, and a § 32 contact
    /// person decided 26 August 2026 (A1).
    static func store(youngAddress: Bool = true) throws -> URL {
        let store = Unge.emptyStore()
        var ny = ["ny", "--navn", "Emil Holm", "--foedselsdato", "2012-03-10"]
        if youngAddress { ny += ["--adresse", "Skovvej 4, 9000 Nordby"] }
        let steps: [[String]] = [
            ny,
            [
                "netvaerk", "2026-0001", "--tilfoej", "Anne Holm", "--relation", "mor", "--arena", "familie",
                "--foraeldremyndighed", "--adresse", "Skovvej 4, 9000 Nordby",
            ],
            [
                "netvaerk", "2026-0001", "--tilfoej", "Peter Nielsen", "--relation", "far", "--arena", "familie",
                "--foraeldremyndighed",
            ],
            ["netvaerk", "2026-0001", "--ret", "Peter Nielsen", "--adresse", "Bakkevej 9, 9000 Nordby"],
            [
                "indsats", "2026-0001", "--type", "kontaktperson", "--dato", "2026-08-26", "--start", "2026-08-31",
                "--formaal", "En fast voksen, der støtter skolegang", "--varighed", "6 måneder", "--samtykke",
                "foraeldremyndighed:2026-08-26",
            ],
        ]
        for args in steps {
            let r = try Unge.run(args, store: store)
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        return store
    }

    static func caseBytes(_ store: URL, _ id: String = "2026-0001") throws -> Data {
        try Unge.caseData(store, "\(id)")
    }

    @Test("dårligt input afvises med slutkode 2, og intet gemmes")
    func badInput() throws {
        let store = try Self.store()
        let before = try Self.caseBytes(store)
        let cases: [[String]] = [
            ["brev", "2026-0001", "--type", "afgoerelse", "--indsats", "A9", "--begrundelse", "x"],
            [
                "brev", "2026-0001", "--type", "partshoering", "--overvejer", "Kontaktperson", "--svarfrist",
                "2026-09-10",
            ],
            ["brev", "2026-0001", "--type", "partshoering", "--overvejer", "Kontaktperson", "--oplysninger", "x"],
            ["brev", "2026-0001", "--sendt", "B1", "--dato", "2026-08-01", "--kanal", "brev"],
            ["brev", "2026-0001", "--sendt", "B1", "--kanal", "due"],
            ["brev", "2026-0001", "--type", "brevdue"],
        ]
        for args in cases {
            let r = try Unge.run(args, store: store)
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(r.stderr.hasPrefix("Fejl: "), "\(args): \(r.stderr)")
        }
        #expect(try Self.caseBytes(store) == before)
        // --sendt before the letter's own date.
        let hearing = try Unge.run(
            [
                "brev", "2026-0001", "--type", "partshoering", "--dato", "2026-08-18", "--overvejer", "Kontaktperson",
                "--oplysninger", "Skolen oplyser 40 % fravær.", "--svarfrist", "2026-08-25",
            ], store: store)
        #expect(hearing.status == 0, "\(hearing.stderr)")
        let saved = try Self.caseBytes(store)
        let early = try Unge.run(
            ["brev", "2026-0001", "--sendt", "B1", "--dato", "2026-08-17", "--kanal", "brev"], store: store)
        #expect(early.status == 2)
        #expect(early.stderr.contains("kan ikke være sendt før"))
        #expect(try Self.caseBytes(store) == saved)
        // A receipt for an anonymous notifier.
        let anon = try Unge.fixtureFolder()
        let file = anon.appendingPathComponent("sager/2026-0011.json")
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        var reports = json["concernReports"] as! [[String: Any]]
        var reporter = reports[0]["reporter"] as! [String: Any]
        reporter["anonymous"] = true
        reports[0]["reporter"] = reporter
        json["concernReports"] = reports
        try JSONSerialization.data(withJSONObject: json).write(to: file)
        Unge.movedIn(anon)
        let untouched = try Unge.caseData(anon, "2026-0011")
        let r = try Unge.run(["brev", "2026-0011", "--type", "kvittering", "--underretning", "1"], store: anon)
        #expect(r.status == 2)
        #expect(r.stderr.contains("anonym"))
        #expect(try Unge.caseData(anon, "2026-0011") == untouched)
    }

    @Test("uden begrundelse: kladden viser MANGLER BEGRUNDELSE, det endelige brev afvises (slutkode 1)")
    func missingReasons() throws {
        let store = try Self.store(youngAddress: false)
        let before = try Self.caseBytes(store)
        let draft = try Unge.run(
            ["brev", "2026-0001", "--type", "afgoerelse", "--indsats", "A1", "--kladde"], store: store)
        #expect(draft.status == 0)
        #expect(draft.stdout.contains("MANGLER BEGRUNDELSE"))
        #expect(draft.stdout.contains("MANGLER ADRESSE på Emil Holm"))
        #expect(draft.stdout.contains("MANGLER BØRNESAMTALE"))
        let final = try Unge.run(["brev", "2026-0001", "--type", "afgoerelse", "--indsats", "A1"], store: store)
        #expect(final.status == 1)
        #expect(final.stderr.contains("Begrundelsen mangler"))
        #expect(try Self.caseBytes(store) == before)
    }

    @Test("partshøring, svar, børnesamtale, afgørelsesbrev, afsendelse med 'tidligst', genudskrift ens, journal og vis")
    func wholeStory() throws {
        let store = try Self.store()
        let h = try Unge.run(
            [
                "brev", "2026-0001", "--type", "partshoering", "--dato", "2026-08-18", "--overvejer",
                "Familiebehandling", "--oplysninger", "Skolen oplyser 40 % fravær.", "--svarfrist", "2026-08-25",
            ], store: store, env: ["UNGE_NU": "2026-08-18T09:00:00Z"])
        #expect(h.status == 0, "\(h.stderr)")
        #expect(
            h.stderr.contains(
                "B1 til Emil Holm (den unge), B2 til Anne Holm (forældremyndighedsindehaver), B3 til Peter Nielsen"))
        // Registering a decision while the hearing's time limit is open warns (fvl § 19).
        let warn = try Unge.run(
            [
                "indsats", "2026-0001", "--type", "familiebehandling", "--dato", "2026-08-24", "--formaal", "x",
                "--varighed", "1 måned", "--kladde",
            ], store: store, env: ["UNGE_NU": "2026-08-24T09:00:00Z"])
        #expect(warn.stderr.contains("Partshøringen B1 til Emil Holm har svarfrist 25. august 2026"))
        #expect(warn.stderr.contains("forvaltningsloven § 19"))
        let reply = try Unge.run(
            ["brev", "2026-0001", "--svar", "B2", "--dato", "2026-08-22", "--tekst", "Mor er enig."], store: store)
        #expect(reply.status == 0, "\(reply.stderr)")
        let none = try Unge.run(["brev", "2026-0001", "--svar", "B1", "--dato", "2026-08-26"], store: store)
        #expect(none.status == 0, "\(none.stderr)")
        let talk = try Unge.run(
            [
                "brev", "2026-0001", "--type", "boernesamtale", "--indsats", "A1", "--dato", "2026-08-24", "--holdning",
                "Vil gerne have en voksen at tale med",
            ], store: store)
        #expect(talk.status == 0, "\(talk.stderr)")
        let letter = try Unge.run(
            [
                "brev", "2026-0001", "--type", "afgoerelse", "--indsats", "A1", "--dato", "2026-08-27", "--begrundelse",
                "Emil har brug for en fast voksen.", "--medhold", "Anne Holm", "--partshoering", "B1",
                "--partshoering", "B2", "--format", "md",
            ], store: store)
        #expect(letter.status == 0, "\(letter.stderr)")
        #expect(letter.stderr.contains("B4 til Emil Holm (den unge), B5 til Anne Holm"))
        #expect(letter.stdout.contains("Vi talte med dig om sagen 24. august 2026"))
        #expect(letter.stdout.contains("Brev B2 af 18. august 2026 til Anne Holm: svar modtaget 22. august 2026."))
        #expect(letter.stdout.contains("Brev B1 af 18. august 2026 til Emil Holm: intet svar."))
        let first = try Unge.run(["brev", "2026-0001", "B5", "--format", "html"], store: store)
        #expect(first.stdout.contains("ingen begrundelse og ingen klagevejledning"))
        let sent = try Unge.run(
            ["brev", "2026-0001", "--sendt", "B4", "--dato", "2026-08-28", "--kanal", "digital-post"], store: store)
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("Klagefristen udløber tidligst 25. september 2026"))
        let settings = try Unge.run(["indstillinger", "--navn", "En Anden"], store: store)
        #expect(settings.status == 0)
        let again = try Unge.run(["brev", "2026-0001", "B5", "--format", "html"], store: store)
        // The same letter, but for the one line saying who printed it (the printer's name changed).
        let a = first.stdout.components(separatedBy: "\n")
        let b = again.stdout.components(separatedBy: "\n")
        #expect(a.count == b.count)
        #expect(
            zip(a, b).filter { $0 != $1 }.map(\.1) == [
                "<p class=\"printed\">Udskrevet 1. september 2026 af En Anden.</p>"
            ])
        #expect(again.stdout.contains("\"Side \" counter(page)"))
        let list = try Unge.run(["brev", "2026-0001"], store: store, env: ["COLUMNS": "200"])
        #expect(list.stdout.contains("tidligst 25.09.2026"))
        #expect(list.stdout.contains("Børnesamtale S1 før A1: holdt 24.08.2026"))
        let json = try Unge.run(["brev", "2026-0001", "B4", "--format", "json"], store: store)
        #expect(json.stdout.contains("\"formatVersion\" : 1"))
        #expect(json.stdout.contains("\"appealRoute\" : \"municipality\""))
        let vis = try Unge.run(["vis", "2026-0001"], store: store, env: ["COLUMNS": "200"])
        #expect(vis.stdout.contains("Breve"))
        #expect(vis.stdout.contains("28.08.2026, Digital Post"))
        let summary = try Unge.run(["indsats", "2026-0001", "A1"], store: store)
        #expect(summary.stdout.contains("Vi talte med Emil om sagen 24. august 2026"))
        let journal = try Unge.caseText(store, "2026-0001")
        #expect(journal.contains("er sendt 28. august 2026 med Digital Post"))
        let log = try Unge.run(["log", "2026-0001"], store: store)
        #expect(log.stdout.contains("ændrede sagen med 'unge brev'"))
    }

    @Test("den fiktive sag 2026-0011 har en partshøring, et afgørelsesbrev og dets afsendelse")
    func fixtureCasework() throws {
        let store = try Unge.fixtureStore()
        let list = try Unge.run(["brev", "2026-0011"], store: store, env: ["COLUMNS": "200"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("Partshøring"))
        #expect(list.stdout.contains("B4  Afgørelse    Lucas Friis Dam (den unge)"))
        #expect(list.stdout.contains("27.08.2026, Digital Post  tidligst 24.09.2026"))
    }

    @Test("kvitteringen sendt lukker fristen på 6 hverdage i frister; orienteringen lukker påmindelsen")
    func receiptClosesDeadline() throws {
        let store = try Unge.fixtureStore()
        let may = ["UNGE_NU": "2026-05-04T09:00:00Z", "COLUMNS": "300"]
        // Case 2026-0001 gets a professional's notification (with contact details), received 1 May 2026.
        let input = Unge.fixtures.appendingPathComponent("lager-kilder/input/underretning-2026-0011.json").path
        let r = try Unge.run(["underret", "--sag", "2026-0001", "--fra-fil", input], store: store, env: may)
        #expect(r.status == 0, "\(r.stderr)")
        func lines(_ text: String) -> [Substring] {
            text.split(separator: "\n").filter { $0.hasPrefix("2026-0001") }
        }
        let receipt = try Unge.run(["brev", "2026-0001", "--type", "kvittering"], store: store, env: may)
        #expect(receipt.status == 0, "\(receipt.stderr)")
        let open = try Unge.run(["frister"], store: store, env: may)
        #expect(lines(open.stdout).contains { $0.contains("Kvittering til underretteren for underretning nr. 1") })
        let sent = try Unge.run(["brev", "2026-0001", "--sendt", "B1", "--kanal", "e-mail"], store: store, env: may)
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("Fristen for kvitteringen er opfyldt."))
        let after = try Unge.run(["frister"], store: store, env: may)
        #expect(!lines(after.stdout).contains { $0.contains("Kvittering til underretteren for underretning nr. 1") })
        #expect(lines(after.stdout).contains { $0.contains("Orientér underretteren") })
        let feedback = try Unge.run(["brev", "2026-0001", "--type", "orientering"], store: store, env: may)
        #expect(feedback.status == 0, "\(feedback.stderr)")
        #expect(
            feedback.stdout.contains("Vi har ikke sat en børnefaglig undersøgelse, en afdækning eller hjælp i gang."))
        let done = try Unge.run(
            ["brev", "2026-0001", "--sendt", "B2", "--kanal", "digital-post"], store: store, env: may)
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.contains("Påmindelsen om orienteringen er lukket."))
        let last = try Unge.run(["frister"], store: store, env: may)
        #expect(!lines(last.stdout).contains { $0.contains("Orientér underretteren") })
    }
}

@Suite("Breve: guidet, kladder, --fra-fil og særlige forhold (ende til ende)", .bothStores)
struct BrevDialogueTests {
    @Test("guidet: svarene gemmes som kladde, når noget mangler, og 'unge brev <sag>' fortsætter kladden")
    func guidedDraftAndResume() throws {
        let store = try BrevCommandTests.store()
        let talk = try Unge.run(
            [
                "brev", "2026-0001", "--type", "boernesamtale", "--indsats", "A1", "--dato", "2026-08-24", "--holdning",
                "Vil gerne have en voksen at tale med",
            ], store: store)
        #expect(talk.status == 0, "\(talk.stderr)")
        // The answers end before the final question: they are kept as a draft.
        let first = try Unge.run(
            ["brev", "2026-0001", "--type", "afgoerelse", "--interaktiv"], store: store,
            input: "2026-08-27\n1\nEmil har brug for en fast voksen.\n")
        #expect(first.status == 2)
        #expect(first.stderr.contains("gemt som kladde"))
        let list = try Unge.run(["brev", "2026-0001"], store: store)
        #expect(list.stderr.contains("Der ligger en kladde til et brev på sagen."))
        // Resumed: only what is missing is asked, then saved.
        let second = try Unge.run(
            ["brev", "2026-0001", "--interaktiv"], store: store, input: "j\n\nn\nn\nn\ng\n")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("Gemt på sag 2026-0001: B1 til Emil Holm (den unge)"))
        let shown = try Unge.run(["brev", "2026-0001", "B1"], store: store)
        #expect(shown.stdout.contains("Vi har lagt vægt på: Emil har brug for en fast voksen."))
    }

    @Test("--fra-fil: eksemplerne i Fixtures/breve giver en partshøring og et afgørelsesbrev")
    func fromFile() throws {
        let store = try BrevCommandTests.store()
        let dir = Unge.fixtures.appendingPathComponent("breve")
        let h = try Unge.run(
            ["brev", "2026-0001", "--fra-fil", dir.appendingPathComponent("partshoering.json").path], store: store)
        #expect(h.status == 0, "\(h.stderr)")
        for (id, text) in [("B1", "Emil er enig."), ("B2", "Mor er enig.")] {
            #expect(
                try Unge.run(
                    ["brev", "2026-0001", "--svar", id, "--dato", "2026-08-22", "--tekst", text], store: store
                )
                .status == 0)
        }
        _ = try Unge.run(["brev", "2026-0001", "--svar", "B3", "--dato", "2026-08-26"], store: store)
        let talk = try Unge.run(
            [
                "brev", "2026-0001", "--type", "boernesamtale", "--indsats", "A1", "--ikke-holdt", "Emil var indlagt",
                "--paa-anden-vis", "Gennem kontaktlæreren",
            ], store: store)
        #expect(talk.status == 0, "\(talk.stderr)")
        let d = try Unge.run(
            ["brev", "2026-0001", "--fra-fil", dir.appendingPathComponent("afgoerelse.json").path, "--format", "json"],
            store: store)
        #expect(d.status == 0, "\(d.stderr)")
        #expect(d.stdout.contains("\"formatVersion\" : 1"))
        #expect(d.stdout.contains("\"fullyGranted\" : true"))
        #expect(d.stdout.contains("Vi har ikke holdt en samtale med dig før afgørelsen. Grunden er: Emil var indlagt."))
    }

    @Test("orientering: særlige forhold lukker påmindelsen med grunden, uden brev")
    func specialCircumstances() throws {
        let store = try Unge.fixtureStore()
        let may = ["UNGE_NU": "2026-05-04T09:00:00Z"]
        let input = Unge.fixtures.appendingPathComponent("lager-kilder/input/underretning-2026-0011.json").path
        #expect(
            try Unge.run(["underret", "--sag", "2026-0001", "--fra-fil", input], store: store, env: may).status == 0)
        let r = try Unge.run(
            ["brev", "2026-0001", "--type", "orientering", "--saerlige-forhold", "Politiet har bedt os vente"],
            store: store, env: may)
        #expect(r.status == 0, "\(r.stderr)")
        let file = try Unge.caseText(store, "2026-0001")
        #expect(file.contains("særlige forhold gør sig gældende, jf. barnets lov § 138, stk. 2"))
        #expect(!file.contains("\"letters\" : [\n    {"))
    }
}
