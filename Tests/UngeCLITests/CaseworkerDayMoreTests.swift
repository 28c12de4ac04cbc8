import Foundation
import Testing

/// Issue 24, items 7, 14, 16 and 17: consents, readable changes, one count of the areas, and help
/// that cites the rule in force and speaks to whoever uses it.
@Suite("En sagsbehandlers dag: samtykker, ændringer, områder og hjælp (ende til ende)", .bothStores)
struct CaseworkerDayMoreTests {
    static func run(_ args: [String], _ store: URL, _ lines: [String]) throws -> Unge.Result {
        try Unge.run(args, store: store, input: lines.joined(separator: "\n") + "\n")
    }

    /// Answers with line breaks from wrapping joined again.
    static func flat(_ s: String) -> String {
        s.replacingOccurrences(of: "\n  ", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    // MARK: 7. Consents

    @Test("7: undersøgelsen spørger om samtykker under 'Samarbejde og samtykke', og de står i sammenfatningen")
    func examinationAsksConsents() throws {
        let store = try Unge.fixtureStore()
        let areas = Array(repeating: ["n", "Ikke belyst endnu"], count: 6).flatMap { $0 }
        let lines =
            ["2026-08-01", "j", "Samtaler hos os", "Møde", "Møde"]
            + ["Camilla Friis", "", "Drøfte Emma på et SSD-møde", "2026-08-20", "j"]
            + ["Rasmus Nørgaard", "2", "Indhente oplysninger fra egen læge", "2026-08-21", "n", ""]
            + areas + ["", "", "", "", "", "", "g"]
        let r = try Self.run(["undersoeg", "2026-0001", "--interaktiv"], store, lines)
        #expect(r.status == 0, "\(r.stderr)")
        let consentsAt = try #require(r.stderr.range(of: "== Afsnit 2 af 11: Samarbejde og samtykke =="))
        let firstArea = try #require(r.stderr.range(of: "Udvikling og adfærd =="))
        let asked = try #require(r.stderr.range(of: "Samtykke fra (navn, tom for at gå videre): "))
        #expect(consentsAt.upperBound < asked.lowerBound && asked.upperBound < firstArea.lowerBound)
        #expect(r.stderr.contains("Blev samtykket givet (nej, hvis det blev afslået)? (J/n): "))
        // The summary shows both, under "Samarbejde og samtykke".
        #expect(r.stdout.contains("## Samarbejde og samtykke"), "\(r.stdout)")
        #expect(
            r.stdout.contains(
                "| Camilla Friis | forældremyndighedsindehaver | Drøfte Emma på et SSD-møde | 20.08.2026 | ja |"),
            "\(r.stdout)")
        #expect(
            r.stdout.contains(
                "| Rasmus Nørgaard | forældremyndighedsindehaver | Indhente oplysninger fra egen læge | 21.08.2026 | nej |"
            ))
        // Asked again, the consents are offered (Enter keeps them).
        let again = try Self.run(["undersoeg", "2026-0001", "--interaktiv"], store, ["2", "", "", "", ""])
        #expect(again.stderr.contains("Samtykke fra (navn, tom for at gå videre) [Camilla Friis]: "), "\(again.stderr)")
    }

    @Test("7: et SSD-møde med samtykke tæller ikke med, og advarslen om det tredje møde stopper")
    func ssdConsentStopsWarning() throws {
        let store = try Unge.fixtureStore()
        for day in ["2026-06-01", "2026-07-01", "2026-08-01"] {
            let r = try Unge.run(
                ["vaerktoej", "2026-0002", "--type", "ssd-moede", "--dato", day, "--resume", "Drøftet"], store: store)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let warned = try Unge.run(["vaerktoej", "2026-0002"], store: store)
        #expect(
            Self.flat(warned.stderr).contains("ADVARSEL: Der er registreret 3 SSD-møder uden samtykke om den unge."),
            "\(warned.stderr)")
        #expect(Self.flat(warned.stderr).contains("retssikkerhedsloven § 11 e, stk. 2 (tidl. serviceloven § 49 a)"))
        // The consent is recorded on the next meeting: the warning stops, and the journal says so.
        let consent = try Unge.run(
            ["vaerktoej", "2026-0002", "--type", "ssd-moede", "--samtykke", "Malik og hans mor", "--resume", "Plan"],
            store: store)
        #expect(consent.status == 0, "\(consent.stderr)")
        #expect(!consent.stderr.contains("ADVARSEL"), "\(consent.stderr)")
        let quiet = try Unge.run(["vaerktoej", "2026-0002"], store: store)
        #expect(!quiet.stderr.contains("SSD"), "\(quiet.stderr)")
        let json = try Unge.run(["vaerktoej", "2026-0002", "--json"], store: store)
        #expect(json.stdout.contains("\"consentGivenBy\" : \"Malik og hans mor\""))
        let journal = try Unge.run(["vis", "2026-0002", "--json"], store: store)
        #expect(journal.stdout.contains("Oplysningerne blev udvekslet med samtykke fra Malik og hans mor."))
        // A consent belongs to an SSD meeting only.
        let wrong = try Unge.run(
            ["vaerktoej", "2026-0002", "--type", "livshjul", "--score", "venner=4", "--samtykke", "mor"], store: store)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("registreres på et SSD-møde"), "\(wrong.stderr)")
    }

    @Test("7: et samtykke til SSD i undersøgelsen stopper også advarslen; dialogen spørger om samtykke")
    func ssdConsentFromExaminationAndDialogue() throws {
        let store = try Unge.fixtureStore()
        let args = ["vaerktoej", "2026-0002", "--type", "ssd-moede", "--interaktiv"]
        for day in ["2026-06-01", "2026-07-01"] {
            #expect(
                try Unge.run(["vaerktoej", "2026-0002", "--type", "ssd-moede", "--dato", day], store: store).status
                    == 0)
        }
        // The third, through the dialogue, without consent: warned.
        let third = try Self.run(args, store, ["n", "", "g"])
        #expect(third.status == 0, "\(third.stderr)")
        #expect(third.stderr.contains("Blev oplysningerne udvekslet med samtykke? (j/N): "), "\(third.stderr)")
        #expect(Self.flat(third.stderr).contains("3 SSD-møder uden samtykke"), "\(third.stderr)")
        // A fourth with consent through the dialogue.
        let fourth = try Self.run(args, store, ["j", "Maliks mor", "", "g"])
        #expect(fourth.status == 0, "\(fourth.stderr)")
        #expect(!fourth.stderr.contains("ADVARSEL"), "\(fourth.stderr)")
    }

    // MARK: 16. One count of the examination's areas

    @Test("16: vis og check tæller undersøgelsens områder ens")
    func areasCountedAlike() throws {
        let store = try Unge.fixtureStore()
        // 2026-0010: five areas described, "andre relevante forhold" left out with a reason.
        let vis = try Unge.run(["vis", "2026-0010"], store: store, env: ["COLUMNS": "250"])
        let check = try Unge.run(["check", "7", "--sag", "2026-0010"], store: store, env: ["COLUMNS": "250"])
        #expect(vis.stdout.contains("5 af 6 områder belyst, 1 begrundet udeladt"), "\(vis.stdout)")
        #expect(check.stdout.contains("5 af 6 områder belyst, 'andre relevante forhold' begrundet udeladt"))
        #expect(!vis.stdout.contains("6 af 6 områder belyst"))
        // 2026-0013: an afdækning with one area described and five open.
        let open = try Unge.run(["vis", "2026-0013"], store: store, env: ["COLUMNS": "250"])
        let openCheck = try Unge.run(["check", "7", "--sag", "2026-0013"], store: store, env: ["COLUMNS": "250"])
        #expect(open.stdout.contains("1 af 6 områder belyst, 5 mangler"), "\(open.stdout)")
        #expect(openCheck.stdout.contains("undersøgelse: 1 af 6 områder belyst"))
    }

    // MARK: 14. Readable changes

    @Test("14: plan --diff markerer kun de ord, der er ændret, i terminalen og i Markdown")
    func diffMarksOnlyChangedWords() throws {
        let store = try Unge.fixtureStore()
        let json = try Unge.run(["plan", "2026-0010", "--format", "json"], store: store)
        #expect(json.status == 0)
        let changed = json.stdout.replacingOccurrences(of: "en tryg hverdag", with: "en rolig hverdag")
            .replacingOccurrences(of: "\"Bestå 9. klasse\"", with: "\"Bestå 9. klasse med mindst 4 i dansk\"")
        let dir = Unge.tempRoot.appendingPathComponent("diff-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("plan.json")
        try changed.write(to: file, atomically: true, encoding: .utf8)
        let saved = try Unge.run(
            ["plan", "2026-0010", "--fra-fil", file.path, "--aendring", "Målene præciseret"], store: store)
        #expect(saved.status == 0, "\(saved.stderr)")
        let diff = try Unge.runInTerminal(["plan", "2026-0010", "--diff", "2", "3"], store: store)
        #expect(diff.status == 0, "\(diff.stderr)")
        let screen = Self.flat(diff.stdout)
        #expect(
            screen.contains("Ændret: Ida skal have en [-tryg-] {+rolig+} hverdag uden rusmidler og bestå 9. klasse."),
            "\(diff.stdout)")
        #expect(screen.contains("M2 ændret: Bestå 9. klasse {+med mindst 4 i dansk+}"), "\(diff.stdout)")
        #expect(screen.contains("Ændringsnote:  Målene præciseret"))
        #expect(!screen.contains("[-Ingen rusmidler"), "an unchanged goal is not shown")
        #expect(!diff.stdout.contains("| ---") && !diff.stdout.contains("**"))
        for line in diff.stdout.split(separator: "\n") { #expect(line.count <= 80) }
        let piped = try Unge.run(["plan", "2026-0010", "--diff", "2", "3"], store: store)
        #expect(piped.stdout.contains("en ~~tryg~~ **rolig** hverdag"), "\(piped.stdout)")
        let html = try Unge.run(["plan", "2026-0010", "--diff", "2", "3", "--format", "html"], store: store)
        #expect(html.stdout.contains("<del>tryg</del> <ins>rolig</ins>"), "\(html.stdout)")
    }

    @Test("14: revisionssporet siger, hvad en revision ændrede, og folder samme brugers ændringer inden for et minut")
    func auditNarrativeSaysWhatChanged() throws {
        let store = try Unge.fixtureStore()
        func at(_ time: String) -> [String: String] { ["UNGE_NU": "2026-09-01T\(time)Z"] }
        let add = ["netvaerk", "2026-0001", "--arena", "professionelle", "--tilfoej"]
        #expect(
            try Unge.run(add + ["Jonas", "--relation", "kontaktperson"], store: store, env: at("08:30:00")).status == 0)
        #expect(try Unge.run(["vis", "2026-0001"], store: store, env: at("08:30:10")).status == 0)
        #expect(try Unge.run(add + ["Mette", "--relation", "SSP"], store: store, env: at("08:30:40")).status == 0)
        #expect(
            try Unge.run(
                ["vaerktoej", "2026-0001", "--type", "ssd-moede", "--resume", "Drøftet"], store: store,
                env: at("08:35:00")
            ).status == 0)
        #expect(try Unge.run(["notat", "2026-0001", "Ringede til mor"], store: store, env: at("08:40:00")).status == 0)
        let log = try Unge.run(
            ["log", "2026-0001"], store: store, env: ["COLUMNS": "250", "UNGE_NU": "2026-09-01T09:00:00Z"])
        #expect(log.status == 0, "\(log.stderr)")
        let lines = log.stdout.split(separator: "\n").map(String.init)
        let folded = try #require(lines.first { $0.contains("tilføjede Jonas") }, "\(log.stdout)")
        #expect(folded.hasPrefix("  10.30-10.30") || folded.hasPrefix("  10.30  "), "\(folded)")
        #expect(
            folded.hasSuffix(
                "tilføjede Jonas (kontaktperson) til netværket og tilføjede Mette (SSP) til netværket (revision 1 til 3) og så sagen undervejs."
            ), "\(folded)")
        #expect(
            lines.contains { $0.hasSuffix("registrerede SSD-møde 01.09.2026 (revision 3 til 4).") }, "\(log.stdout)")
        #expect(lines.contains { $0.hasSuffix("skrev et notat (revision 4 til 5).") }, "\(log.stdout)")
        // The note's text and the tool's summary are never told in the trail.
        #expect(!log.stdout.contains("Ringede til mor") && !log.stdout.contains("Drøftet"))
    }

    // MARK: 17. Help in force, underret for both its users

    @Test("17: hjælpen citerer reglen, der gælder nu; serviceloven kun som 'tidl.' eller hvor den stadig gælder")
    func helpCitesRuleInForce() throws {
        let index = try Unge.run(["help"], env: ["COLUMNS": "250"])
        #expect(
            index.stdout.contains(
                "Registrér den børnefaglige undersøgelse (barnets lov § 20) eller afdækningen (§ 19)"),
            "\(index.stdout)")
        let commands = index.stdout.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), let word = line.split(separator: " ").first, word.first?.isLetter == true
            else { return nil }
            return String(word)
        }
        #expect(commands.count > 20)
        // Serviceloven paragraphs still in force for adults and anonymous treatment.
        let stillInForce = ["§ 101", "§ 141", "§ 101 a"]
        for command in commands {
            let help = try Unge.run(["help", command], env: ["COLUMNS": "250"]).stdout
            var rest = Substring(help)
            while let r = rest.range(of: "serviceloven") {
                let before = help[..<r.lowerBound].suffix(30)
                let after = help[r.upperBound...].prefix(12)
                let ok =
                    before.hasSuffix("tidl. ") || before.contains("før 2024")
                    || stillInForce.contains { after.hasPrefix(" " + $0) } || !after.hasPrefix(" §")
                #expect(ok, "\(command): ...\(before)serviceloven\(after)...")
                rest = help[r.upperBound...]
            }
        }
        let identify = try Unge.run(["help", "identificer"], env: ["COLUMNS": "250"])
        #expect(identify.stdout.contains("barnets lov §§ 28-29 (tidl. serviceloven § 11)"), "\(identify.stdout)")
        let tools = try Unge.run(["help", "vaerktoej"], env: ["COLUMNS": "250"])
        #expect(tools.stdout.contains("retssikkerhedsloven § 11 e, stk. 2 (tidl. serviceloven § 49 a)"))
        let letters = try Unge.run(["help", "brev"], env: ["COLUMNS": "250"])
        #expect(letters.stdout.contains("(barnets lov § 138, stk. 1 og § 138, stk. 2)"), "\(letters.stdout)")
        #expect(letters.stdout.contains("(retssikkerhedsloven § 67, stk. 1)"))
    }

    @Test("17: underret taler til underretteren, når man skriver sin egen, og om underretteren, når man registrerer")
    func underretSpeaksToItsUser() throws {
        let store = try Unge.fixtureStore()
        let young = ["Emma Test", "", "2011-05-04", ""]
        let registering = try Self.run(
            ["underret", "--interaktiv", "--ny-sag"], store,
            ["2"] + young + ["1", "Karen Lærer", "lærer", "Vestbyens Skole", "12345678", "telefon", ""])
        let r = Self.flat(registering.stderr)
        #expect(r.contains("Skriv det, underretteren selv har set og hørt"), "\(registering.stderr)")
        #expect(r.contains("1. Hvad beskriver underretteren om den unges fysiske, psykiske og sociale forhold?"))
        #expect(!r.contains("Beskriv det, du selv har set og hørt"))
        let own = try Self.run(
            ["underret", "--interaktiv", "--ny-sag"], try Unge.fixtureStore(),
            ["1"] + young + ["Karen Lærer", "lærer", "Vestbyens Skole", "12345678", "j"])
        let o = Self.flat(own.stderr)
        #expect(o.contains("Beskriv det, du selv har set og hørt"), "\(own.stderr)")
        #expect(!o.contains("Skriv det, underretteren selv har set og hørt"))
        // The help speaks to both.
        let help = try Unge.run(["help", "underret"], env: ["COLUMNS": "250"])
        #expect(help.stdout.contains("--underretter TEKST"))
        #expect(help.stdout.contains("Underretterens navn (dit eget, når du selv underretter)"), "\(help.stdout)")
        #expect(help.stdout.contains("registrerer du en modtaget, taler de til dig som sagsbehandler"))
        #expect(!help.stdout.contains("Du underretter som privatperson"))
    }
}
