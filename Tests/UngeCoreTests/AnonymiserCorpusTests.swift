import Foundation
import Testing

@testable import UngeCore

/// The anonymiser against a corpus of fictional sentences with the identifying spans marked
/// (`Fixtures/anonym/saetninger.txt`), both ways: nothing marked survives, nothing unmarked is lost.
@Suite("Anonymisering: korpus af sætninger, navnefelter og CPR-numre")
struct AnonymiserCorpusTests {
    static let corpusURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/anonym/saetninger.txt")

    static func corpus() throws -> [String] {
        try String(contentsOf: corpusURL, encoding: .utf8).split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }

    static let written = LocalDate(year: 2026, month: 4, day: 13)!

    /// The case the corpus is about.
    static func corpusCase() throws -> CaseFile {
        let cpr = try CPRNumber.parse("800511-4233")
        var file = CaseFile(
            id: CaseID("2026-0042")!, created: DanishTime.instant(LocalDate(year: 2026, month: 4, day: 1)!, hour: 9),
            youngPerson: YoungPerson(
                name: "Malik Hassan Jensen", cpr: cpr,
                contact: Contact(
                    phone: "22 33 44 56", email: "malik.j@example.invalid",
                    address: "Fiktivvej 5, 2. th., 2650 Hvidovre"),
                school: "Kirkebakkeskolen, 9. klasse"),
            caseworker: "Lene Dahl")
        file.network.people = [
            NetworkPerson(name: "Hanne Jensen", relation: "mor", arena: .family, closeness: 1, custodyHolder: true),
            NetworkPerson(name: "Omar Hassan", relation: "far", arena: .family, closeness: 1, custodyHolder: true),
            NetworkPerson(name: "Yusuf Hassan", relation: "storebror", arena: .family),
            NetworkPerson(name: "Jens Holt", relation: "klasselærer", arena: .schoolAndWork, closeness: 3),
            NetworkPerson(name: "Mette Krog", relation: "UU-vejleder", arena: .schoolAndWork, closeness: 3),
            NetworkPerson(name: "Sofie Lund", relation: "kæresten Sofie", arena: .friendsAndLeisure, closeness: 2),
        ]
        file.concernReports = [
            ConcernReport(
                number: 1, received: DanishTime.instant(LocalDate(year: 2026, month: 4, day: 10)!, hour: 10),
                reporter: Reporter(
                    name: "Birgitte Skov", role: "lærer på Kirkebakkeskolen", organisation: "Kirkebakkeskolen",
                    contact: "birgitte.skov@kirkebakke.example"),
                situation: "Fravær.")
        ]
        file.decisions = [
            Decision(
                id: "A1", kind: .contactPerson, decisionDate: LocalDate(year: 2026, month: 4, day: 12)!,
                author: "Lene Dahl", recorded: DanishTime.instant(LocalDate(year: 2026, month: 4, day: 12)!, hour: 9),
                provider: "Opholdsstedet Lyngly")
        ]
        return file
    }

    /// A sentence split into its marked spans and its plain text.
    static func parse(_ line: String) -> (plain: String, spans: [String]) {
        var plain = ""
        var spans: [String] = []
        var current: String?
        for c in line {
            if c == "[" {
                current = ""
            } else if c == "]" {
                spans.append(current ?? "")
                plain += current ?? ""
                current = nil
            } else {
                if current != nil { current!.append(c) } else { plain.append(c) }
            }
        }
        return (plain, spans)
    }

    /// The unmarked words of a line (the meaning).
    static func unmarkedWords(_ line: String) -> [String] {
        var outside = ""
        var depth = 0
        for c in line {
            if c == "[" {
                depth += 1
                outside += " "
            } else if c == "]" {
                depth -= 1
            } else if depth == 0 {
                outside.append(c)
            }
        }
        return Anonymiser.words(outside).filter { $0.count >= 2 }
    }

    /// The words of the output, lower-cased, without the anonymiser's own "dag N" and placeholders.
    static func outputWords(_ text: String) -> Set<String> {
        var t = text.replacingOccurrences(of: #"dag -?[0-9]+"#, with: " ", options: .regularExpression)
        t = t.replacingOccurrences(of: #"\([^)]*\)"#, with: " ", options: .regularExpression)
        return Set(Anonymiser.words(t).map { $0.lowercased() })
    }

    /// Words in a span that name a kind, not someone: they may stay.
    static let generic: Set<String> = ["den", "d", "kl", "i", "g", "kr", "th", "uge", "cpr"]

    @Test("korpusset har mindst 100 sætninger, og hver er mærket rigtigt")
    func corpusSize() throws {
        let lines = try Self.corpus()
        #expect(lines.count >= 100)
        for l in lines {
            #expect(l.filter { $0 == "[" }.count == l.filter { $0 == "]" }.count, "\(l)")
        }
    }

    @Test("intet mærket overlever, og alle umærkede ord står der stadig")
    func bothDirections() throws {
        let file = try Self.corpusCase()
        var a = Anonymiser(case: file)
        let lines = try Self.corpus()
        for line in lines { a.learn(Self.parse(line).plain) }
        for line in lines {
            let (plain, spans) = Self.parse(line)
            let out = a.scrub(plain, written: Self.written, location: "x")
            let words = Self.outputWords(out)
            for span in spans {
                for w in Anonymiser.words(span) where !Self.generic.contains(w.lowercased()) {
                    #expect(!words.contains(w.lowercased()), "'\(w)' overlevede: \(plain) → \(out)")
                }
            }
            let all = Set(Anonymiser.words(out).map { $0.lowercased() })
            for w in Self.unmarkedWords(line) {
                #expect(all.contains(w.lowercased()), "'\(w)' forsvandt: \(plain) → \(out)")
            }
        }
    }

    @Test("relationer og institutioner bliver stående; navne bliver den samme etiket hver gang")
    func meaningStays() throws {
        var a = Anonymiser(case: try Self.corpusCase())
        #expect(a.scrub("Mor er kontaktet telefonisk.") == "Mor er kontaktet telefonisk.")
        #expect(a.scrub("Politiet mødte ham.") == "Politiet mødte ham.")
        let first = a.scrub("Hanne ringede.")
        let second = a.scrub("Vi talte med Hanne Jensen og Hanne.")
        #expect(first == "Person A ringede.")
        #expect(second == "Vi talte med Person A og Person A.")
        #expect(a.scrub("Omar og Yusuf Hassan kom.") == "Person B og Person C kom.")
    }

    @Test(
        "datoer i alle former bliver dage fra den første underretning",
        arguments: [
            ("13.04.2026", "dag 3"), ("13/4-26", "dag 3"), ("3.4.25", "dag -372"), ("d. 3/4", "dag -7"),
            ("3. apr. 2025", "dag -372"), ("13. april 2026", "dag 3"), ("2026-04-13", "dag 3"),
            ("mandag den 13. april", "dag 3"), ("i går", "på dag 2"), ("den 14.4", "dag 4"),
            ("fredag d. 10/4", "dag 0"), ("15.04.26", "dag 5"), ("13. apr.", "dag 3"),
        ])
    func dates(_ text: String, _ expected: String) throws {
        var a = Anonymiser(case: try Self.corpusCase())
        #expect(a.scrub("Mødet \(text) gik godt.", written: Self.written) == "Mødet \(expected) gik godt.")
    }

    @Test(
        "CPR-numre i alle stavemåder forsvinder helt fra den anonymiserede kopi",
        arguments: CPRMaskTests.spellings + ["670312 - 4321", "670312\u{2013}4321", "67.03.12-4321", "670312-\n4321"])
    func cprGone(_ spelling: String) throws {
        var a = Anonymiser(case: try Self.corpusCase())
        let out = a.scrub("Nummer: \(spelling).")
        #expect(out == "Nummer: (CPR-nummer).")
        #expect(!out.contains("670312"))
        #expect(a.scrub("Maskeret 670312-xxxx.") == "Maskeret (CPR-nummer).")
    }

    @Test("netværkets relationstekst bruges aldrig som erstatning; underretterens rolle skrubbes")
    func relationTextNotUsed() throws {
        var file = try Self.corpusCase()
        file.network.people[0].relation = "mor Hanne"
        file.journal = [
            JournalEntry(
                time: DanishTime.instant(Self.written, hour: 9), author: "Lene Dahl", text: "Hanne Jensen ringede.")
        ]
        let copy = AnonymousCase.build(file, today: Self.written)
        let md = MarkdownRenderer.render(copy.document)
        let svg = NetworkPicture.anonymousSVG(copy.network, label: copy.youngPerson)
        for text in [md, svg] {
            #expect(!text.contains("Hanne"))
            #expect(!text.contains("Kirkebakke"))
        }
        #expect(copy.network[0].relation == "mor Person A")
        #expect(md.contains("Person A ringede."))
        #expect(copy.notifications[0].from == "fagperson: lærer på skolen")
    }

    /// A case with a distinct marker in every name field, each also written in free text at the
    /// start of a sentence (where the general rule for capitalised words does not reach it).
    static func markedCase() throws -> (CaseFile, [String]) {
        var markers: [String] = []
        func m(_ field: String) -> String {
            let name = "Zq" + field + "ix"
            markers.append(name)
            return name
        }
        var file = CaseFile(
            id: CaseID("2026-0077")!, created: DanishTime.instant(LocalDate(year: 2026, month: 4, day: 1)!, hour: 9),
            youngPerson: YoungPerson(name: m("ung") + " Testesen", birthDate: LocalDate(year: 2011, month: 2, day: 3)),
            caseworker: m("sagsbehandler"))
        file.network.people = [
            NetworkPerson(name: m("mor"), relation: "mor", arena: .family, custodyHolder: true),
            NetworkPerson(name: m("ven"), relation: "ven", arena: .friendsAndLeisure),
        ]
        var report = ConcernReport(
            number: 1, received: DanishTime.instant(LocalDate(year: 2026, month: 4, day: 2)!, hour: 9),
            reporter: Reporter(name: m("underretter"), role: "lærer"), situation: "x")
        report.custodyNotices = [CustodyNotice(name: m("myndighed"), informed: true)]
        file.concernReports = [report]
        let day = LocalDate(year: 2026, month: 4, day: 2)!
        let exam = Examination(
            awareDate: day, participants: [Participant(name: m("deltager"), role: .professional)],
            consents: [Consent(givenBy: m("samtykkegiver"), role: .custodyHolder, about: "x", date: day)],
            childInterview: ChildInterview(date: day, supportPersonOffered: true, supportPerson: m("bisidder")),
            author: m("undersoeger"))
        file.examination = exam
        var decision = Decision(
            id: "A1", kind: .contactPerson, decisionDate: LocalDate(year: 2026, month: 4, day: 5)!,
            author: m("afgoerer"), recorded: DanishTime.instant(LocalDate(year: 2026, month: 4, day: 5)!, hour: 9),
            provider: "Opholdsstedet " + m("tilbud"))
        decision.consents = [DecisionConsent(giver: .custodyHolder, name: m("afgsamtykke"), date: day)]
        file.decisions = [decision]
        file.actionPlans = [
            ActionPlan(
                version: 1, date: day, author: m("planforfatter"),
                participants: [Participant(name: m("plandeltager"), role: .custodyHolder)])
        ]
        file.journal = [
            JournalEntry(
                time: DanishTime.instant(LocalDate(year: 2026, month: 4, day: 6)!, hour: 9), author: m("journalist"),
                text: markers.map { "\($0) var med." }.joined(separator: " "))
        ]
        return (file, markers)
    }

    @Test("en markør i hvert navnefelt bliver erstattet overalt i kopien")
    func everyNameField() throws {
        let (file, markers) = try Self.markedCase()
        #expect(markers.count >= 13)
        let copy = AnonymousCase.build(file, today: Self.written)
        let md = MarkdownRenderer.render(copy.document)
        let html = HTMLRenderer.render(copy.document)
        let json = String(decoding: try UngeJSON.encoder().encode(copy), as: UTF8.self)
        for text in [md, html, json] {
            for marker in markers {
                #expect(!text.lowercased().contains(marker.lowercased()), "\(marker) står i kopien")
            }
        }
        #expect(copy.toCheck.isEmpty, "\(copy.toCheck)")
    }
}
