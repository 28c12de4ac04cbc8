import Foundation
import Testing

@testable import UngeCore

/// Cases, a pinned letterhead and golden files for the letters (Fixtures/breve).
enum LetterFixtures {
    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/breve")
    }

    static let recorded = Date(timeIntervalSince1970: 1_788_000_000)
    static func day(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }

    static let context = LetterContext(
        municipality: "Nordby Kommune", unit: "Børn og Unge, Myndighed", authorName: "Lene Dahl",
        authorTitle: "Socialrådgiver",
        settings: LetterSettings(complaintAddress: "Nordby Kommune, Børn og Unge, Rådhustorvet 1, 9000 Nordby"))

    static func parent(_ name: String, _ relation: String, _ address: String? = "Skovvej 4, 9000 Nordby")
        -> NetworkPerson
    {
        NetworkPerson(
            name: name, relation: relation, arena: .family, closeness: 1, custodyHolder: true, address: address)
    }

    /// A case for a young person born `born`, with custody holders and decisions.
    static func file(
        _ id: String, name: String?, born: LocalDate?, parents: [NetworkPerson] = [], anonymous: Bool = false,
        address: String? = "Skovvej 4, 9000 Nordby"
    ) -> CaseFile {
        CaseFile(
            id: CaseID(id)!, created: recorded,
            youngPerson: YoungPerson(
                name: name, birthDate: born, contact: address.map { Contact(address: $0) }, anonymous: anonymous),
            network: Network(people: parents))
    }

    static func decision(
        _ kind: DecisionKind, on date: LocalDate, purpose: String = "", duration: String? = nil,
        provider: String? = nil, consents: [DecisionConsent] = [], ground: PlacementGround? = nil,
        start: LocalDate? = nil
    ) -> Decision {
        Decision(
            id: "A1", kind: kind, decisionDate: date, purpose: purpose, author: "lene", recorded: recorded,
            placementGround: ground, start: start, expectedDuration: duration, consents: consents, provider: provider)
    }

    static func interview(on date: LocalDate, views: String) -> DecisionInterview {
        DecisionInterview(
            id: "S1", decisionID: "A1", date: date, held: true, views: views, author: "lene", recorded: recorded)
    }

    static func compose(
        _ a: LetterAnswers, _ f: CaseFile, context: LetterContext = context, today: LocalDate
    ) throws -> ComposedLetters {
        try LetterComposer.compose(a, in: f, context: context, today: today, author: "lene", recorded: recorded)
    }

    /// All of a composition's letters as Markdown, one after the other.
    static func markdown(_ c: ComposedLetters, caseID: CaseID) -> String {
        c.letters.map { MarkdownRenderer.render(LetterDocument.build($0, caseID: caseID)) }.joined(
            separator: "\n---\n\n")
    }

    /// Compares `text` with the golden file `name`; re-records it when UNGE_RECORD=1.
    static func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UNGE_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: fixtures, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        if golden != text {
            let a = golden.components(separatedBy: "\n")
            let b = text.components(separatedBy: "\n")
            var diff: [String] = []
            for i in 0..<max(a.count, b.count) where (i < a.count ? a[i] : nil) != (i < b.count ? b[i] : nil) {
                diff.append("linje \(i + 1):\n- \(i < a.count ? a[i] : "")\n+ \(i < b.count ? b[i] : "")")
                if diff.count >= 5 { break }
            }
            Issue.record(
                Comment(rawValue: "\(name) afviger fra golden-filen:\n" + diff.joined(separator: "\n")),
                sourceLocation: sourceLocation)
        }
    }

    // MARK: The seven cases of issue 21

    /// § 32 contact person at 14: two custody holders, the young person a party.
    static func contactPerson14() -> (CaseFile, LetterAnswers, LocalDate) {
        let date = day(2026, 9, 1)
        var f = file(
            "2026-0101", name: "Emil Holm Nielsen", born: day(2012, 3, 10),
            parents: [parent("Anne Holm", "mor"), parent("Peter Nielsen", "far", "Bakkevej 9, 9000 Nordby")])
        f.decisions = [
            decision(
                .contactPerson, on: date,
                purpose: "Emil skal have en fast voksen, der hjælper ham med at komme i skole",
                duration: "6 måneder", provider: "Ungeteamet",
                consents: [DecisionConsent(giver: .custodyHolder, name: "Anne Holm og Peter Nielsen", date: date)],
                start: day(2026, 9, 7))
        ]
        f.decisionInterviews = [interview(on: day(2026, 8, 27), views: "Emil vil gerne have en kontaktperson")]
        let a = LetterAnswers(
            kind: "afgoerelse", date: date, decision: "A1",
            considerations:
                "Emil har været meget væk fra skolen. En fast voksen kan hjælpe ham i gang igen. Det er den mindste hjælp, der kan løse problemet.",
            facts: "Skolens fraværsliste og samtalen med Emil.")
        return (f, a, date)
    }

    /// § 33 outpatient treatment at 16, with consent from the custody holder and the young person.
    static func treatment16() -> (CaseFile, LetterAnswers, LocalDate) {
        let date = day(2026, 9, 1)
        var f = file(
            "2026-0102", name: "Sofie Berg", born: day(2010, 5, 1), parents: [parent("Karen Berg", "mor")])
        var d = decision(
            .treatmentOutpatient, on: date, purpose: "Sofie skal stoppe med at ryge hash", duration: "6 måneder",
            provider: "U18-teamet, samtaler hver uge",
            consents: [
                DecisionConsent(giver: .custodyHolder, name: "Karen Berg", date: date),
                DecisionConsent(giver: .youngPerson, date: date),
            ], start: day(2026, 9, 3))
        d.requestDate = day(2026, 8, 25)
        f.decisions = [d]
        f.decisionInterviews = [interview(on: day(2026, 8, 28), views: "Sofie vil gerne have hjælp til at stoppe")]
        let a = LetterAnswers(
            kind: "afgoerelse", date: date, decision: "A1",
            considerations: "Sofies brug af hash giver store problemer i skolen og derhjemme.",
            fullyGranted: ["ung"])
        return (f, a, date)
    }

    /// § 47 placement by børne- og ungeudvalget (misuse), appeal from 10.
    static func placement47() -> (CaseFile, LetterAnswers, LocalDate) {
        let date = day(2026, 9, 1)
        var f = file(
            "2026-0103", name: "Ida Lund", born: day(2013, 1, 15),
            parents: [parent("Maria Lund", "mor"), parent("Jens Lund", "far")])
        f.decisions = [
            decision(
                .placementWithoutConsent, on: date, purpose: "Ida skal være tryg og uden rusmidler",
                duration: "1 år", provider: "Opholdsstedet Lyngly", ground: .misuse, start: day(2026, 9, 3))
        ]
        f.decisionInterviews = [interview(on: day(2026, 8, 25), views: "Ida vil helst blive hjemme")]
        let a = LetterAnswers(
            kind: "afgoerelse", date: date, decision: "A1",
            considerations:
                "Der er en åbenbar risiko for, at Idas sundhed og udvikling lider alvorlig skade. Støtten i hjemmet har ikke hjulpet.",
            facts: "Den børnefaglige undersøgelse og politiets oplysninger.", judgeAgreed: true)
        return (f, a, date)
    }

    /// Ungestøtte at 19: the young person alone.
    static func youthSupport19() -> (CaseFile, LetterAnswers, LocalDate) {
        let date = day(2026, 9, 1)
        var f = file(
            "2026-0104", name: "Oliver Ahmed", born: day(2007, 6, 1), parents: [parent("Sara Ahmed", "mor")])
        f.decisions = [
            decision(
                .youthSupportContactPerson, on: date, purpose: "Fast kontaktperson i overgangen til voksenlivet",
                duration: "til 23 år", provider: "Ungeteamet",
                consents: [DecisionConsent(giver: .youngPerson, date: date)], start: day(2026, 9, 1))
        ]
        let a = LetterAnswers(
            kind: "afgoerelse", date: date, decision: "A1",
            considerations: "Oliver har brug for en fast voksen, mens han flytter i egen bolig.")
        return (f, a, date)
    }

    /// Serviceloven § 101 treatment at 22.
    static func treatment22() -> (CaseFile, LetterAnswers, LocalDate) {
        let date = day(2026, 8, 24)
        var f = file("2026-0105", name: "Mathias Krogh", born: day(2004, 2, 2))
        var d = decision(
            .adultTreatmentResidential, on: date, purpose: "Stoffri og tilbage i uddannelse", duration: "3 måneder",
            provider: "Behandlingscenter Nordlys", start: day(2026, 8, 31))
        d.requestDate = day(2026, 8, 18)
        f.decisions = [d]
        let a = LetterAnswers(
            kind: "afgoerelse", date: date, decision: "A1",
            considerations: "Ambulant behandling har ikke været nok. Døgnbehandling giver ro til at stoppe.")
        return (f, a, date)
    }

    /// Anonymous § 101 a treatment: no appeal to another authority.
    static func anonymous101a() -> (CaseFile, LetterAnswers, LocalDate) {
        let date = day(2026, 9, 1)
        var f = file("2026-0106", name: nil, born: nil, anonymous: true, address: nil)
        f.decisions = [
            decision(
                .anonymousTreatment, on: date, purpose: "Stoppe med kokain i weekenderne", duration: "8 uger",
                provider: "Rusmiddelcentret, anonym gruppe")
        ]
        let a = LetterAnswers(
            kind: "afgoerelse", date: date, decision: "A1",
            considerations: "Du har et behandlingskrævende stofmisbrug og ingen andre sociale problemer.")
        return (f, a, date)
    }

    /// A 2023 decision under serviceloven § 52 at 13: appeal from 12.
    static func serviceloven2023() -> (CaseFile, LetterAnswers, LocalDate) {
        let date = day(2023, 10, 2)
        var f = file(
            "2023-0107", name: "Noah Friis", born: day(2010, 4, 4), parents: [parent("Lone Friis", "mor")])
        f.decisions = [
            decision(
                .handbookMeasure, on: date, purpose: "Fast kontaktperson, der støtter skolegang",
                duration: "12 måneder", provider: "Ungeteamet",
                consents: [DecisionConsent(giver: .custodyHolder, name: "Lone Friis", date: date)])
        ]
        let a = LetterAnswers(
            kind: "afgoerelse", date: date, decision: "A1",
            considerations: "Noah har brug for en fast voksen for at komme i skole.")
        return (f, a, date)
    }

    static let caseNames = [
        "kontaktperson-14", "behandling-16", "anbringelse-47", "ungestoette-19", "sel101-22", "sel101a-anonym",
        "sel52-2023",
    ]

    static func make(_ name: String) -> (CaseFile, LetterAnswers, LocalDate)? {
        switch name {
        case "kontaktperson-14": return contactPerson14()
        case "behandling-16": return treatment16()
        case "anbringelse-47": return placement47()
        case "ungestoette-19": return youthSupport19()
        case "sel101-22": return treatment22()
        case "sel101a-anonym": return anonymous101a()
        case "sel52-2023": return serviceloven2023()
        default: return nil
        }
    }
}

@Suite("Breve: golden-filer for de syv sager")
struct LetterGoldenTests {
    typealias F = LetterFixtures

    @Test(
        "hver sags afgørelsesbreve er som golden-filen (Markdown for alle modtagere, HTML for den første)",
        arguments: LetterFixtures.caseNames)
    func golden(_ name: String) throws {
        let (f, a, date) = try #require(F.make(name))
        let c = try F.compose(a, f, today: date)
        #expect(c.findings.filter { $0.severity == .error }.isEmpty, "\(c.findings.map(\.message))")
        let first = try #require(c.letters.first)
        try F.expectGolden(F.markdown(c, caseID: f.id), "\(name).md")
        try F.expectGolden(HTMLRenderer.render(LetterDocument.build(first, caseID: f.id)), "\(name).html")
    }

    @Test("§ 32 ved 14 år: et brev til den unge og til hver forældremyndighedsindehaver, klage fra 10 år")
    func contactPerson() throws {
        let (f, a, date) = F.contactPerson14()
        let c = try F.compose(a, f, today: date)
        #expect(c.letters.map(\.recipient.name) == ["Emil Holm Nielsen", "Anne Holm", "Peter Nielsen"])
        let text = F.markdown(c, caseID: f.id)
        #expect(text.contains("Emil Holm Nielsen (den unge), fordi Emil er fyldt 10 år (barnets lov § 145)"))
        #expect(text.contains("barnets lov § 32, stk. 1, nr. 3 (tidl. serviceloven § 52)"))
        #expect(text.contains("Vi talte med dig om sagen 27. august 2026"))
    }

    @Test("§ 33 ved 16 år: den unge har fået fuldt ud medhold og får intet om klage; mor får begrundelse")
    func treatmentFullyGranted() throws {
        let (f, a, date) = F.treatment16()
        let c = try F.compose(a, f, today: date)
        let young = try #require(c.letters.first { $0.recipient.role == .youngPerson })
        let mother = try #require(c.letters.first { $0.recipient.role == .custodyHolder })
        let youngText = MarkdownRenderer.render(LetterDocument.build(young, caseID: f.id))
        #expect(!youngText.contains("## Klagevejledning"))
        #expect(youngText.contains("forvaltningsloven §§ 22 og 25"))
        let motherText = MarkdownRenderer.render(LetterDocument.build(mother, caseID: f.id))
        #expect(motherText.contains("## Klagevejledning"))
        #expect(motherText.contains("U18-teamet, samtaler hver uge står for hjælpen."))
    }

    @Test("ungestøtte ved 19 år: kun den unge får brevet, selv om mor står som forældremyndighedsindehaver")
    func youthSupportAlone() throws {
        let (f, a, date) = F.youthSupport19()
        let c = try F.compose(a, f, today: date)
        #expect(c.letters.map(\.recipient.role) == [.youngPerson])
        #expect(!F.markdown(c, caseID: f.id).contains("Sara Ahmed"))
    }

    @Test("et gemt brev skrives ud ens, også når indstillingerne senere ændres")
    func reprintIsIdentical() throws {
        let (f, a, date) = F.contactPerson14()
        let c = try F.compose(a, f, today: date)
        let saved = try UngeJSON.decoder().decode(Letter.self, from: try UngeJSON.encoder().encode(c.letters[0]))
        var other = F.context
        other.authorName = "En anden"
        _ = try F.compose(a, f, context: other, today: date)
        #expect(
            MarkdownRenderer.render(LetterDocument.build(saved, caseID: f.id))
                == MarkdownRenderer.render(LetterDocument.build(c.letters[0], caseID: f.id)))
    }
}

/// One test per row of LAW.md's table "Letters: what a written decision must carry", each quoting
/// the statute sentence it checks.
@Suite("Breve: LAW.md's tabel over, hvad en skriftlig afgørelse skal indeholde")
struct LetterLawTableTests {
    typealias F = LetterFixtures

    /// Forvaltningsloven § 22: »En afgørelse skal, når den meddeles skriftligt, være ledsaget af en
    /// begrundelse, medmindre afgørelsen fuldt ud giver den pågældende part medhold.« § 24 stk. 1:
    /// »En begrundelse for en afgørelse skal indeholde en henvisning til de retsregler, i henhold til
    /// hvilke afgørelsen er truffet.«
    @Test(
        "begrundelse (fvl §§ 22, 24): reglerne og hovedhensynene; mangler den, vises MANGLER BEGRUNDELSE og brevet stoppes"
    )
    func reasons() throws {
        var (f, a, date) = F.contactPerson14()
        let ok = MarkdownRenderer.render(
            LetterDocument.build(try F.compose(a, f, today: date).letters[0], caseID: f.id))
        #expect(ok.contains("Afgørelsen bygger på reglerne i barnets lov § 32."))
        #expect(ok.contains("Vi har lagt vægt på: Emil har været meget væk fra skolen."))
        a.considerations = "  "
        let c = try F.compose(a, f, today: date)
        #expect(c.findings.contains { $0.ruleID == "brev.mangler.begrundelse" && $0.severity == .error })
        #expect(c.findings.first { $0.ruleID == "brev.mangler.begrundelse" }?.citation == "forvaltningsloven § 24")
        #expect(
            MarkdownRenderer.render(LetterDocument.build(c.letters[0], caseID: f.id)).contains("MANGLER BEGRUNDELSE"))
        f.decisions[0].purpose = ""
        #expect(try F.compose(a, f, today: date).findings.contains { $0.ruleID == "brev.mangler.formaal" })
    }

    /// Forvaltningsloven § 25 stk. 1: »Afgørelser, som kan påklages til anden forvaltningsmyndighed,
    /// skal, når de meddeles skriftligt, være ledsaget af en vejledning om klageadgang med angivelse
    /// af klageinstans og oplysning om fremgangsmåden ved indgivelse af klage, herunder om eventuel
    /// tidsfrist. Det gælder dog ikke, hvis afgørelsen fuldt ud giver den pågældende part medhold.«
    @Test("klagevejledning (fvl § 25): klageinstans, fremgangsmåde og frist; ikke ved fuldt ud medhold")
    func appealGuidance() throws {
        let (f, a, date) = F.treatment16()
        let c = try F.compose(a, f, today: date)
        let mother = try #require(c.letters.first { $0.recipient.role == .custodyHolder })
        #expect(mother.content.hasAppeal)
        #expect(mother.content.references.contains { $0.id == "appealGuidance" })
        let young = try #require(c.letters.first { $0.recipient.role == .youngPerson })
        #expect(young.fullyGranted && !young.content.hasAppeal)
        #expect(!young.content.sections.contains { $0.heading == "Klagevejledning" })
    }

    /// Retssikkerhedsloven § 66 stk. 1: »Derfor skal en klage først afleveres til den myndighed, som
    /// har truffet afgørelsen.« § 67 stk. 1: »Klage til Ankestyrelsen skal ske inden 4 uger efter, at
    /// klageren har fået meddelelse om afgørelsen.«
    @Test("hvor klagen går (rsl §§ 66-67): til kommunen, som genvurderer; 4 uger fra meddelelsen, vist som 'tidligst'")
    func whereTheAppealGoes() throws {
        let (f, a, date) = F.treatment22()
        var l = try F.compose(a, f, today: date).letters[0]
        let text = MarkdownRenderer.render(LetterDocument.build(l, caseID: f.id))
        #expect(text.contains("Send klagen til kommunen: Nordby Kommune, Børn og Unge, Rådhustorvet 1, 9000 Nordby."))
        #expect(text.contains("retssikkerhedsloven § 66"))
        #expect(
            text.contains("senest 4 uger efter, at du har fået besked om afgørelsen (retssikkerhedsloven § 67, stk. 1)")
        )
        #expect(l.earliestAppealEnd == nil)
        l.sending = LetterSending(date: F.day(2026, 8, 25), channel: .digitalPost, by: "lene", recorded: F.recorded)
        #expect(l.earliestAppealEnd == F.day(2026, 9, 22))
        #expect(LetterDocument.appealText(l) == "tidligst 22.09.2026")
    }

    /// Barnets lov § 145 stk. 1: »Følgende afgørelser kan af barnet eller den unge, der er fyldt 10 år,
    /// indbringes for Ankestyrelsen«; serviceloven 2023 § 167 stk. 1: »af barnet eller den unge, der er
    /// fyldt 12 år, indbringes for Ankestyrelsen«.
    @Test(
        "hvem kan klage under 18 (BL § 145, tidl. SEL § 167): fra 10 år; før 2024 fra 12 år",
        arguments: [(9, false), (10, true), (11, true)])
    func whoMayAppeal(age: Int, may: Bool) throws {
        var (f, _, date) = F.contactPerson14()
        f.youngPerson.birthDate = date.adding(years: -age)
        let who = LetterLaw.appellants(f.decisions[0], in: f)
        #expect(who.contains { $0.role == .youngPerson } == may)
        #expect(who.filter { $0.role == .custodyHolder }.count == 2)
        var (g, _, d2023) = F.serviceloven2023()
        g.youngPerson.birthDate = d2023.adding(years: -age)
        #expect(!LetterLaw.appellants(g.decisions[0], in: g).contains { $0.role == .youngPerson })
        g.youngPerson.birthDate = d2023.adding(years: -12)
        let at12 = LetterLaw.appellants(g.decisions[0], in: g)
        #expect(at12.first { $0.role == .youngPerson }?.rule == .appealYoungPerson)
        #expect(LegalReferences.reference(.appealYoungPerson).citation(on: d2023) == "serviceloven § 167")
    }

    /// Barnets lov § 3: »Børn og unge, der er fyldt 10 år, udøver partsbeføjelser i følgende sager«.
    @Test(
        "hvem får brevet (BL § 3, fvl § 22): den unge som part og hver forældremyndighedsindehaver; fra 18 kun den unge"
    )
    func recipients() throws {
        var (f, _, date) = F.contactPerson14()
        #expect(
            LetterLaw.recipients(in: f, decision: f.decisions[0], on: date).map(\.role) == [
                .youngPerson, .custodyHolder, .custodyHolder,
            ])
        f.youngPerson.birthDate = date.adding(years: -9)
        #expect(
            LetterLaw.recipients(in: f, decision: f.decisions[0], on: date).map(\.role) == [
                .custodyHolder, .custodyHolder,
            ])
        let (g, _, d19) = F.youthSupport19()
        #expect(LetterLaw.recipients(in: g, decision: g.decisions[0], on: d19).map(\.role) == [.youngPerson])
        // No address: MANGLER ADRESSE in the draft, and the final letter is refused.
        var (h, a, d) = F.contactPerson14()
        h.network.people[1].address = nil
        let c = try F.compose(a, h, today: d)
        #expect(c.findings.contains { $0.ruleID == "brev.mangler.adresse" && $0.severity == .error })
        #expect(F.markdown(c, caseID: h.id).contains("MANGLER ADRESSE på Peter Nielsen"))
        _ = a
    }

    /// Barnets lov § 146 stk. 1: »Afgørelser truffet af børne- og ungeudvalget, jf. § 142, kan
    /// indbringes for Ankestyrelsen, inden 4 uger efter at klageren har fået meddelelse om
    /// afgørelsen.« § 147 stk. 1: »kan ved henvendelse til Ankestyrelsen, inden 4 uger efter at
    /// klageren har fået meddelelse om afgørelsen, kræves forelagt for retten.« § 142 stk. 5:
    /// »meddelelsen om udvalgets afgørelse skal indeholde oplysning om dommerens afvigende opfattelse.«
    @Test(
        "udvalgets afgørelser (BL §§ 146-147, § 142 stk. 5): direkte til Ankestyrelsen, så retten; dommerens opfattelse"
    )
    func committeeRoute() throws {
        var (f, a, date) = F.placement47()
        #expect(LetterLaw.route(f.decisions[0]) == .committee)
        let text = F.markdown(try F.compose(a, f, today: date), caseID: f.id)
        #expect(
            text.contains("»Afgørelser truffet af børne- og ungeudvalget, jf. § 142, kan indbringes for Ankestyrelsen"))
        #expect(text.contains("Du klager altså til Ankestyrelsen. Send klagen til: Ankestyrelsen."))
        #expect(text.contains("(barnets lov § 147)"))
        #expect(!text.contains("Kommunen ser på sagen igen"))
        #expect(text.contains("Ida Lund (den unge), fordi Ida er fyldt 10 år (barnets lov § 146)"))
        a.judgeAgreed = nil
        #expect(try F.compose(a, f, today: date).findings.contains { $0.ruleID == "brev.mangler.dommer" })
        a.judgeAgreed = false
        a.judgeDissent = "Dommeren mente, at støtte i hjemmet burde prøves først."
        #expect(F.markdown(try F.compose(a, f, today: date), caseID: f.id).contains("Dommeren mente: Dommeren mente"))
        var settings = F.context
        settings.settings.committeeComplaintAddress = "Ankestyrelsen, Teglholmsgade 3, 2450 København SV"
        f.decisions[0].placementGround = .misuse
        #expect(
            F.markdown(try F.compose(a, f, context: settings, today: date), caseID: f.id).contains(
                "Send klagen til: Ankestyrelsen, Teglholmsgade 3"))
    }

    /// Forvaltningsloven § 19 stk. 1: »Kan en part ikke antages at være bekendt med, at myndigheden er
    /// i besiddelse af bestemte oplysninger om en sags faktiske grundlag eller eksterne faglige
    /// vurderinger, må der ikke træffes afgørelse, før myndigheden har gjort parten bekendt med
    /// oplysningerne eller vurderingerne og givet denne lejlighed til at fremkomme med en udtalelse.«
    @Test("partshøring (fvl § 19): oplysninger og svarfrist kræves; åben frist advarer ved en afgørelse")
    func hearing() throws {
        let (f0, _, date) = F.contactPerson14()
        var f = f0
        f.decisions = []
        let a = LetterAnswers(
            kind: "partshoering", date: F.day(2026, 8, 18), facts: "Skolen oplyser 40 % fravær.",
            consideredDecision: "Fast kontaktperson", deadline: F.day(2026, 8, 25))
        let c = try F.compose(a, f, today: date)
        #expect(c.letters.count == 3 && c.letters.allSatisfy { $0.kind == .hearing })
        f.letters = c.letters
        #expect(LetterLaw.openHearingFindings(in: f, on: F.day(2026, 8, 24)).count == 3)
        #expect(LetterLaw.openHearingFindings(in: f, on: F.day(2026, 8, 24))[0].citation == "forvaltningsloven § 19")
        #expect(LetterLaw.openHearingFindings(in: f, on: F.day(2026, 8, 26)).isEmpty)
        var noFacts = a
        noFacts.facts = nil
        #expect(throws: LetterInputError.self) { try F.compose(noFacts, f, today: date) }
        var noLimit = a
        noLimit.deadline = nil
        #expect(throws: LetterInputError.self) { try F.compose(noLimit, f, today: date) }
    }

    /// Barnets lov § 5 stk. 3: »Barnets eller den unges holdning og synspunkter skal tilvejebringes og
    /// inddrages løbende ved samtaler og anden direkte kontakt, inden der træffes beslutninger eller
    /// afgørelser efter loven om barnets eller den unges forhold.« Stk. 4: »Barnets eller den unges
    /// holdning og synspunkter skal i disse tilfælde tilvejebringes på anden vis.«
    @Test("den unges synspunkter (BL § 5 stk. 3-4): samtalen står i brevet; uden den MANGLER BØRNESAMTALE")
    func childInterview() throws {
        var (f, a, date) = F.contactPerson14()
        f.decisionInterviews = []
        let c = try F.compose(a, f, today: date)
        #expect(c.findings.contains { $0.ruleID == "brev.mangler.boernesamtale" })
        #expect(F.markdown(c, caseID: f.id).contains("MANGLER BØRNESAMTALE"))
        let waived = InterviewAnswers(
            decision: "A1", date: F.day(2026, 8, 30), held: false, notHeldReason: "Emil var indlagt",
            viewsOtherwise: "Emils synspunkter kom frem gennem hans kontaktlærer")
        guard case .success(let iv) = waived.record(id: "S1", defaultDate: date, author: "lene", recorded: F.recorded)
        else {
            Issue.record("børnesamtalen blev afvist")
            return
        }
        f.decisionInterviews = [iv]
        let text = F.markdown(try F.compose(a, f, today: date), caseID: f.id)
        #expect(text.contains("Vi har ikke holdt en samtale med dig før afgørelsen. Grunden er: Emil var indlagt."))
        let missing = InterviewAnswers(decision: "A1", held: false, notHeldReason: "Emil var indlagt")
        guard case .failure = missing.record(id: "S1", defaultDate: date, author: "lene", recorded: F.recorded) else {
            Issue.record("en samtale, der ikke blev holdt, skal sige, hvordan synspunkterne kom frem")
            return
        }
    }

    /// Forvaltningsloven § 9 stk. 1: »Den, der er part i en sag, hvori der er eller vil blive truffet
    /// afgørelse af en forvaltningsmyndighed, kan forlange at blive gjort bekendt med sagens dokumenter.«
    @Test("aktindsigt (fvl § 9): brevet fortæller, at parten kan se papirerne")
    func fileAccess() throws {
        let (f, a, date) = F.treatment22()
        let l = try F.compose(a, f, today: date).letters[0]
        #expect(l.content.references.contains { $0.id == "fileAccess" && $0.citation == "forvaltningsloven § 9" })
    }
}

@Suite("Breve: klagevej pr. afgørelsestype")
struct AppealRouteTests {
    typealias F = LetterFixtures

    /// Serviceloven § 101 a stk. 6: »Afgørelser om behandling efter stk. 4 og 5 kan ikke indbringes
    /// for anden administrativ myndighed.«
    @Test("anonym behandling efter § 101 a: ingen klage til en anden myndighed, og loven citeres")
    func anonymousNoAppeal() throws {
        let (f, a, date) = F.anonymous101a()
        let c = try F.compose(a, f, today: date)
        #expect(c.findings.filter { $0.severity == .error }.isEmpty)
        let l = try #require(c.letters.first)
        #expect(!l.content.hasAppeal)
        #expect(l.recipient.address == "Udleveres personligt (anonym sag)")
        let text = MarkdownRenderer.render(LetterDocument.build(l, caseID: f.id))
        #expect(
            text.contains(
                "»Afgørelser om behandling efter stk. 4 og 5 kan ikke indbringes for anden administrativ myndighed.«"))
    }

    @Test("alkoholbehandling (sundhedsloven § 141): klagevejen er ukendt og stopper brevet, til kommunen angiver den")
    func alcoholUnknown() throws {
        let date = F.day(2026, 9, 1)
        var f = F.file("2026-0108", name: "Mikkel Sand", born: F.day(2000, 1, 1))
        f.decisions = [
            F.decision(.alcoholTreatment, on: date, purpose: "Stoppe med at drikke", provider: "Alkoholenheden")
        ]
        let a = LetterAnswers(
            kind: "afgoerelse", date: date, decision: "A1", considerations: "Du har bedt om behandling.")
        #expect(LetterLaw.route(f.decisions[0]) == .unknown)
        let c = try F.compose(a, f, today: date)
        #expect(c.findings.contains { $0.ruleID == "brev.mangler.klagevej" && $0.severity == .error })
        #expect(F.markdown(c, caseID: f.id).contains("MANGLER KLAGEVEJ"))
        var stated = F.context
        stated.settings.statedRoutes["alkohol"] = "Klage sendes til Nordby Kommune, Sundhed og Omsorg."
        let ok = try F.compose(a, f, context: stated, today: date)
        #expect(ok.findings.filter { $0.severity == .error }.isEmpty)
        #expect(F.markdown(ok, caseID: f.id).contains("Klage sendes til Nordby Kommune, Sundhed og Omsorg."))
    }

    @Test("hver afgørelsestype har en klagevej i tabellen", arguments: DecisionKind.allCases)
    func everyKindHasARoute(_ kind: DecisionKind) {
        let d = F.decision(kind, on: F.day(2026, 9, 1))
        let expected: AppealRoute
        switch kind {
        case .placementWithoutConsent: expected = .committee
        case .handbookPlacement: expected = .committee  // no custody consent recorded: § 58
        case .anonymousTreatment: expected = .none
        case .alcoholTreatment, .planStance: expected = .unknown
        default: expected = .municipality
        }
        #expect(LetterLaw.route(d) == expected)
    }
}

@Suite("Breve: kvittering, orientering, afsendelse og svar")
struct LetterRecordTests {
    typealias F = LetterFixtures

    static func notifiedCase(anonymous: Bool = false, professional: Bool = true) -> CaseFile {
        var f = F.file(
            "2026-0109", name: "Alma Vinther", born: F.day(2013, 2, 2), parents: [F.parent("Rikke Vinther", "mor")])
        let received = DanishTime.instant(F.day(2026, 8, 3), hour: 10)
        let report = ConcernReport(
            number: 1, received: received,
            reporter: Reporter(
                name: anonymous ? "" : "Sara Holt", role: "AKT-lærer", organisation: "Skovbrynet Skole",
                contact: "sara@skovbrynet.dk", isProfessional: professional, anonymous: anonymous))
        f.concernReports = [report]
        f.deadlines = NotificationDeadlines.compute(
            for: report, timeZone: TimeZone(identifier: "Europe/Copenhagen")!, calendar: DanishCalendar())
        return f
    }

    /// Barnets lov § 138 stk. 1: »Kommunalbestyrelsen skal senest 6 hverdage efter modtagelsen af en
    /// underretning efter §§ 132, 133 og 135 bekræfte modtagelsen af underretningen over for den, der
    /// foretog underretningen.«
    @Test("kvitteringen sendt lukker fristen på 6 hverdage; en anonym underretter kan ikke få en")
    func receiptClosesDeadline() throws {
        var f = Self.notifiedCase()
        let c = try F.compose(LetterAnswers(kind: "kvittering", date: F.day(2026, 8, 5)), f, today: F.day(2026, 8, 5))
        #expect(c.findings.isEmpty)
        let text = F.markdown(c, caseID: f.id)
        #expect(text.contains("Vi modtog den 3. august 2026."))
        #expect(text.contains("kontakt Lene Dahl, Socialrådgiver"))
        f.letters = c.letters
        _ = try LetterRecords.markSent(
            "B1", on: &f, date: F.day(2026, 8, 6), channel: .email, by: "lene", at: F.recorded)
        #expect(f.deadlines.first { $0.id == "underretning-1-kvittering" }?.isMet == true)
        #expect(throws: LetterInputError.self) {
            try LetterRecords.markSent(
                "B1", on: &f, date: F.day(2026, 8, 7), channel: .email, by: "lene", at: F.recorded)
        }
        let anon = Self.notifiedCase(anonymous: true)
        #expect(throws: LetterInputError.self) {
            try F.compose(LetterAnswers(kind: "kvittering"), anon, today: F.day(2026, 8, 5))
        }
    }

    /// Barnets lov § 138 stk. 2: »Kommunalbestyrelsen skal orientere den, der har foretaget
    /// underretning efter § 133, om, hvorvidt der er iværksat en børnefaglig undersøgelse, en
    /// afdækning eller indsatser for det barn eller den unge, som underretningen vedrører.«
    @Test("orienteringen siger, hvad der er iværksat, lukker påmindelsen og gælder kun fagpersoner")
    func feedbackClosesTask() throws {
        var f = Self.notifiedCase()
        f.decisions = [
            F.decision(
                .otherSupport, on: F.day(2026, 8, 20), purpose: "Samtaler", duration: "3 måneder",
                start: F.day(2026, 8, 24))
        ]
        let c = try F.compose(
            LetterAnswers(kind: "orientering", date: F.day(2026, 8, 28), includeDetails: true), f,
            today: F.day(2026, 8, 28))
        let text = F.markdown(c, caseID: f.id)
        #expect(text.contains("Vi har sat dette i gang: hjælp (indsatser)."))
        #expect(
            text.contains(
                "- Anden hjælp (rådgivning, behandling, praktisk og pædagogisk støtte), planlagt varighed 3 måneder"))
        f.letters = c.letters
        #expect(f.deadlines.first { $0.id == "underretning-1-orientering" }?.isMet == false)
        _ = try LetterRecords.markSent(
            "B1", on: &f, date: F.day(2026, 8, 28), channel: .digitalPost, by: "lene", at: F.recorded)
        #expect(f.deadlines.first { $0.id == "underretning-1-orientering" }?.isMet == true)
        let citizen = Self.notifiedCase(professional: false)
        #expect(throws: LetterInputError.self) {
            try F.compose(LetterAnswers(kind: "orientering"), citizen, today: F.day(2026, 8, 28))
        }
    }

    @Test("--sendt før brevets dato afvises; et svar på partshøringen og dets fravær registreres")
    func sendingAndReplies() throws {
        var (f, _, _) = F.contactPerson14()
        let a = LetterAnswers(
            kind: "partshoering", date: F.day(2026, 8, 18), facts: "Skolen oplyser 40 % fravær.",
            consideredDecision: "Fast kontaktperson", deadline: F.day(2026, 8, 25))
        f.letters = try F.compose(a, f, today: F.day(2026, 8, 18)).letters
        #expect(throws: LetterInputError.self) {
            try LetterRecords.markSent(
                "B1", on: &f, date: F.day(2026, 8, 17), channel: .post, by: "lene", at: F.recorded)
        }
        #expect(throws: LetterInputError.self) {
            try LetterRecords.recordReply("B1", on: &f, date: F.day(2026, 8, 24), text: nil, by: "lene", at: F.recorded)
        }
        let r = try LetterRecords.recordReply(
            "B2", on: &f, date: F.day(2026, 8, 22), text: "Mor er enig.", by: "lene", at: F.recorded)
        #expect(r.reply?.text == "Mor er enig.")
        _ = try LetterRecords.recordReply("B1", on: &f, date: F.day(2026, 8, 26), text: nil, by: "lene", at: F.recorded)
        #expect(f.letter("B1")?.reply?.text == nil && f.letter("B1")?.reply != nil)
    }
}
