import Foundation
import Testing

/// Issue 24, items 7, 14, 16 and 17: consents, readable changes, one count of the areas, and help
/// that cites the rule in force and speaks to whoever uses it.
@Suite("En sagsbehandlers dag: samtykker, ændringer, områder og hjælp (ende til ende)")
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
}
