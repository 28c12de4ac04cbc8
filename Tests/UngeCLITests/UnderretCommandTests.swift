import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// End-to-end runs of the built `unge` for `unge underret` and `unge frister`.
@Suite("unge underret og unge frister (ende til ende)", .bothStores)
struct UnderretCommandTests {
    static let example = Unge.fixtures.appendingPathComponent("underret/eksempel.json").path

    /// The saved cases, as the file store names their files (on both stores).
    static func caseFiles(_ store: URL) -> [String] {
        ((try? Unge.caseIDs(store)) ?? []).map { $0 + ".json" }
    }

    /// eksempel.json without the young person's fields (for --sag).
    static func exampleWithoutYoungPerson() throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: example))
        var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        for key in ["youngName", "youngCPR", "youngBirthDate", "youngSchool"] { object.removeValue(forKey: key) }
        let url = Unge.tempRoot.appendingPathComponent("unge-u-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        return url.path
    }

    @Test("fra fil: dokumentet på stdout, ny sag med frister, vist af vis, frister og log")
    func fromFile() throws {
        let store = Unge.emptyStore()
        let april = ["UNGE_NU": "2026-04-01T08:00:00Z"]  // 10.00 in Copenhagen, half an hour after receipt
        let r = try Unge.run(["underret", "--fra-fil", Self.example], store: store, env: april)
        #expect(r.status == 0)
        try Unge.expectGolden(r.stdout, "underret/cli-eksempel.md")
        #expect(r.stderr.contains("Underretning nr. 1 er registreret på sag 2026-0001 (revision 1)."))
        #expect(r.stderr.contains("Frist 14.04.2026: Kvittering til underretteren for underretning nr. 1"))
        #expect(!r.stdout.contains("4321"))
        let vis = try Unge.run(["vis", "2026-0001"], store: store, env: april.merging(["COLUMNS": "200"]) { $1 })
        let line =
            vis.stdout.split(separator: "\n").first {
                $0.hasPrefix("02.04.2026 kl. 09.30  Vurdering af underretning nr. 1 (24 timer)")
            } ?? ""
        #expect(line.contains("barnets lov § 136, stk. 2 (tidl. serviceloven § 155, stk. 2)"))
        #expect(line.hasSuffix("underretning-1-vurdering"))
        #expect(
            vis.stdout.contains(
                "\nopgave                Orientér underretteren om, hvad der er sat i gang (underretning nr. 1)"))
        let frister = try Unge.run(["frister"], store: store, env: april)
        #expect(frister.status == 0)
        try Unge.expectGolden(frister.stdout, "underret/cli-frister.txt")
        let log = try Unge.run(["log", "2026-0001"], store: store, env: ["COLUMNS": "200"])
        #expect(
            log.stdout.contains("oprettede sagen med 'unge underret' og registrerede underretning nr. 1 (revision 1)."))
    }

    @Test("manglende oplysninger uden terminal: status 2, præcis liste, intet gemt")
    func missing() throws {
        let store = Unge.emptyStore()
        let r = try Unge.run(
            [
                "underret", "--navn", "Emma Test", "--underretter", "Karen", "--fagperson", "nej", "--forhold",
                "Fravær.",
            ], store: store)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(
            r.stderr == """
                Fejl: Der mangler oplysninger til 'unge underret':
                  - Mangler den unges fødselsdato: --foedselsdato eller --cpr (i en fil: "youngBirthDate" eller "youngCPR").
                  - Mangler om den unge er orienteret: --ung-orienteret (i en fil: "youngPersonInformed").
                  - Mangler om forældrene er orienteret: --foraeldre-orienteret (i en fil: "parentsInformed").
                Angiv dem som valg (se 'unge underret --help'), eller kør kommandoen i en terminal for at blive spurgt.

                """)
        #expect(Self.caseFiles(store).isEmpty)
    }

    /// AUDIT row 30: a missing reason is a warning (håndbogen kap. 3), never a refusal: BL § 133 sets no such requirement.
    @Test("forældrene ikke orienteret uden begrundelse: en advarsel, og underretningen gemmes")
    func parentsWithoutReason() throws {
        let store = Unge.emptyStore()
        let r = try Unge.run(["underret", "--fra-fil", Self.example, "--foraeldre-orienteret", "nej"], store: store)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stderr.contains(
                "Forældrene er ikke orienteret om underretningen, og der står ikke hvorfor. Skriv gerne begrundelsen (--begrundelse"
            ))
        #expect(Self.caseFiles(store).count == 1)
        let ok = try Unge.run(
            [
                "underret", "--fra-fil", Self.example, "--foraeldre-orienteret", "nej", "--begrundelse",
                "Risiko for vold i hjemmet.",
            ], store: Unge.emptyStore())
        #expect(ok.status == 0)
        #expect(
            ok.stdout.contains("- **Begrundelse for at underrette uden forældrenes viden:** Risiko for vold i hjemmet.")
        )
        #expect(!ok.stdout.contains("Mor er bekymret og bakker op"))
    }

    @Test("ordvalg: indberette giver en advarsel, men underretningen gemmes")
    func wording() throws {
        let store = Unge.emptyStore()
        let r = try Unge.run(
            ["underret", "--fra-fil", Self.example, "--andet", "Skolen har før overvejet at indberette."], store: store)
        #expect(r.status == 0)
        #expect(
            r.stderr.contains("ADVARSEL: I andre vigtige oplysninger står \"indberette\". Skriv hellere \"underrette\"")
        )
        #expect(Self.caseFiles(store) == ["2026-0001.json"])
    }

    /// The actions of every audit event in the store.
    static func auditActions(_ store: URL) throws -> [String] {
        if let events = try Unge.teamAuditEvents(store) { return events.compactMap { $0["action"] as? String } }
        let log = store.appendingPathComponent("log")
        var out: [String] = []
        for month in (try? FileManager.default.contentsOfDirectory(atPath: log.path)) ?? [] {
            for name in try FileManager.default.contentsOfDirectory(atPath: log.appendingPathComponent(month).path)
            where name.hasSuffix(".json") {
                let data = try Data(contentsOf: log.appendingPathComponent(month).appendingPathComponent(name))
                if let o = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                    let a = o["action"] as? String
                {
                    out.append(a)
                }
            }
        }
        return out
    }

    static let guidedAnswers = [
        "",  // who writes: my own notification (the default)
        "Emma Test", "", "2011-05-04", "",  // the young person
        "Karen Lærer", "lærer", "Vestbyens Skole", "karen@skole.example", "",  // the notifier
        "Emma har haft 12 fraværsdage siden 1. marts.", "", "", "Klasselærer i to år.", "",  // sections
        "ja", "Hun vil gerne have hjælp.", "", "ja", "Mor er enig.",  // told; custody holders not named
        "orange", "", "",  // concern arc
    ]

    @Test("guidet med --interaktiv: svar fra stdin, resumé og bekræftelse")
    func guided() throws {
        let store = Unge.emptyStore()
        let r = try Unge.run(
            ["underret", "--interaktiv"], store: store,
            input: (Self.guidedAnswers + ["j"]).joined(separator: "\n") + "\n")
        #expect(r.status == 0)
        #expect(r.stderr.contains("Beskriv det, du selv har set og hørt, med datoer og eksempler"))
        #expect(r.stderr.contains("== Resumé =="))
        #expect(r.stdout.contains("- **Placering:** orange (voksende bekymring)"))
        #expect(r.stdout.contains("Emma har haft 12 fraværsdage siden 1. marts."))
        #expect(r.stdout.contains("## 2. Samarbejdet med forældrene\n\nIkke oplyst\n"))
        #expect(Self.caseFiles(store) == ["2026-0001.json"])
    }

    @Test("guidet: Ctrl-D gemmer svarene som kladde; næste kørsel tilbyder at fortsætte; x kasserer")
    func guidedCancelled() throws {
        let store = Unge.emptyStore()
        let eof = try Unge.run(
            ["underret", "--interaktiv"], store: store,
            input: Self.guidedAnswers.prefix(7).joined(separator: "\n") + "\n")
        #expect(eof.status == 2)
        #expect(
            eof.stderr.hasSuffix(
                "Afbrudt (slut på input). Dine 7 svar er gemt som kladde. Kør 'unge underret --interaktiv' igen for at fortsætte.\n"
            ))
        #expect(Self.caseFiles(store).isEmpty)
        #expect(try Unge.draftExists(store, "underret-ny"))
        if Unge.isFolder(store) {  // the draft file's mode: the file store only
            var st = stat()
            #expect(stat(store.appendingPathComponent("kladder/underret-ny.json").path, &st) == 0)
            #expect(st.st_mode & 0o777 == 0o600)
        }
        // Resume: only the remaining answers are typed; an empty answer at the end repeats the question.
        let rest = Array(Self.guidedAnswers.dropFirst(7))
        let resumed = try Unge.run(
            ["underret", "--interaktiv"], store: store,
            input: (["j"] + rest + ["", "x"]).joined(separator: "\n") + "\n")
        #expect(resumed.status == 2)
        #expect(resumed.stderr.contains("Du har en kladde fra 01.09.2026 kl. 10.30 med 7 svar."))
        #expect(resumed.stderr.contains("  Den unges navn: Emma Test\n"))
        #expect(!resumed.stderr.contains("\nDen unges navn: "))  // not asked again
        #expect(resumed.stderr.hasSuffix("Svarene er kasseret. Intet er gemt.\n"))
        #expect(resumed.stdout.isEmpty)
        #expect(Self.caseFiles(store).isEmpty)
        #expect(try !Unge.draftExists(store, "underret-ny"))
        let events = try Self.auditActions(store)
        #expect(events.contains("draftSaved"))
        #expect(events.contains("draftDeleted"))
    }

    @Test("på en eksisterende sag: den unge hentes fra sagen; revisionen stiger")
    func existingCase() throws {
        let store = try Unge.fixtureStore()
        let file = try Self.exampleWithoutYoungPerson()
        let r = try Unge.run(
            ["underret", "--sag", "2026-0003", "--fra-fil", file, "--modtaget", "2026-08-31 15:00"], store: store)
        #expect(r.status == 0)
        #expect(r.stdout.contains("\n# Underretning om Sofie Lund Madsen"))
        #expect(r.stdout.contains("- **Sag:** 2026-0003, underretning nr. 1"))
        #expect(r.stdout.contains("Senest 1. september 2026 kl. 15.00 vurderer kommunen"))
        #expect(r.stdout.contains("Senest 8. september 2026 (6 hverdage efter modtagelsen)"))
        let conflict = try Unge.run(["underret", "--sag", "2026-0003", "--fra-fil", Self.example], store: store)
        #expect(conflict.status == 2)
        #expect(conflict.stderr.contains("Med --sag hentes den unge fra sagen. Fjern --navn"))
        let unknown = try Unge.run(["underret", "--sag", "2026-0999", "--fra-fil", file], store: store)
        #expect(unknown.status == 3)
    }

    @Test("HTML til fil (0600), JSON med formatVersion og maskeret CPR")
    func formats() throws {
        let store = Unge.emptyStore()
        let dir = store.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let out = dir.appendingPathComponent("u.html").path
        let html = try Unge.run(["underret", "--fra-fil", Self.example, "--format", "html", "--ud", out], store: store)
        #expect(html.status == 0)
        #expect(html.stdout.isEmpty)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.hasPrefix("<!DOCTYPE html>"))
        #expect(text.contains("size: A4;"))
        let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let json = try Unge.run(["underret", "--fra-fil", Self.example, "--format", "json", "--ny-sag"], store: store)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect(object["formatVersion"] as? Int == 1)
        #expect(object["caseID"] as? String == "2026-0002")
        let person = object["youngPerson"] as! [String: Any]
        #expect(person["cpr"] as? String == "670312-xxxx")
        #expect(person["age"] as? Int == 14)
        #expect(
            (object["deadlines"] as! [[String: Any]]).map { $0["id"] as! String } == [
                "underretning-1-vurdering", "underretning-1-kvittering", "underretning-1-orientering",
            ])
        let badFormat = try Unge.run(["underret", "--fra-fil", Self.example, "--format", "pdf"], store: store)
        #expect(badFormat.status == 2)
        #expect(badFormat.stderr.contains("Vælg md, html eller json."))
    }

    @Test(
        "forkert input afvises før noget gemmes",
        arguments: [
            (["--modtaget", "2026-12-24 10:00"], "ligger i fremtiden"),
            (["--modtaget", "i går"], "Ugyldig værdi 'i går' til --modtaget"),
            (["--bekymring", "lilla"], "Skriv grøn, orange eller rød."),
            (["--ud", "/findes/ikke/u.md"], "Mappen '/findes/ikke' findes ikke."),
        ])
    func badInput(_ extra: [String], _ message: String) throws {
        let store = Unge.emptyStore()
        let r = try Unge.run(["underret", "--fra-fil", Self.example] + extra, store: store)
        #expect(r.status == 2)
        #expect(r.stderr.contains(message))
        #expect(Self.caseFiles(store).isEmpty)
    }

    @Test("en fil med en ukendt nøgle afvises med et forslag")
    func unknownKey() throws {
        let url = Unge.tempRoot.appendingPathComponent("unge-u-\(UUID().uuidString).json")
        try Data(#"{"youngName": "A", "situaton": "x"}"#.utf8).write(to: url)
        let r = try Unge.run(["underret", "--fra-fil", url.path], store: Unge.emptyStore())
        #expect(r.status == 2)
        #expect(r.stderr.contains("ukendte nøgler: 'situaton' (mente du 'situation'?)"))
    }

    @Test("frister: en for sent opfyldt frist står ved de overskredne med timerne; --alle og --json viser den")
    func frister() throws {
        let store = Unge.emptyStore()
        #expect(try Unge.run(["underret", "--fra-fil", Self.example], store: store).status == 0)
        let mark = try Unge.run(["frister", "--opfyldt", "2026-0001", "underretning-1-vurdering"], store: store)
        #expect(mark.status == 0)
        #expect(
            mark.stdout
                == "Fristen \"Vurdering af underretning nr. 1 (24 timer)\" på sag 2026-0001 er markeret som opfyldt for sent (3649 timer) (revision 2).\n"
        )
        let open = try Unge.run(["frister"], store: store)
        #expect(open.stdout.contains("Vurdering"))
        #expect(open.stdout.contains("opfyldt for"))
        #expect(open.stdout.contains("Kvittering"))
        let all = try Unge.run(["frister", "--alle", "--json"], store: store)
        let object = try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as! [String: Any]
        let rows = object["deadlines"] as! [[String: Any]]
        // The receipt is overdue, the assessment met late; the § 138 stk. 2 task stays open until marked done.
        #expect(rows.map { $0["state"] as! String } == ["overdue", "metLate", "open"])
        #expect(rows[1]["hoursLate"] as? Int == 3649)
        #expect(rows[1]["daysLate"] == nil)
        #expect(rows[2]["deadlineID"] as? String == "underretning-1-orientering")
        #expect(rows[0]["timeLeftText"] as? String == "overskredet med 98 hverdage")
        #expect(rows[1]["metBy"] as? String == "testbruger")
        let again = try Unge.run(["frister", "--opfyldt", "2026-0001", "underretning-1-vurdering"], store: store)
        #expect(again.status == 2)
        #expect(again.stderr.contains("allerede markeret som opfyldt"))
        let wrong = try Unge.run(["frister", "--opfyldt", "2026-0001", "vurdering"], store: store)
        #expect(wrong.status == 2)
        #expect(
            wrong.stderr.contains(
                "Sagens frister: underretning-1-vurdering, underretning-1-kvittering, underretning-1-orientering."))
        let noID = try Unge.run(["frister", "--opfyldt", "2026-0001"], store: store)
        #expect(noID.status == 2)
    }

    @Test("ingen farver, når output sendes videre eller NO_COLOR er sat")
    func noColour() throws {
        let store = Unge.emptyStore()
        #expect(try Unge.run(["underret", "--fra-fil", Self.example], store: store).status == 0)
        let piped = try Unge.run(["frister"], store: store)
        #expect(!piped.stdout.contains("\u{1B}["))
        let noColor = try Unge.run(["frister"], store: store, env: ["NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("\u{1B}["))
        #expect(try Unge.run(["frister"], store: Unge.createdEmptyStore()).stdout == "Der er ingen åbne frister.\n")
    }
}
