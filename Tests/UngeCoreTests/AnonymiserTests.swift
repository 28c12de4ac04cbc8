import Foundation
import Testing

@testable import UngeCore

@Suite("Anonymiseret kopi til sparring")
struct AnonymiserTests {
    let today = LocalDate(year: 2026, month: 9, day: 1)!

    /// A case whose free text mentions every network person by first name, the CPR number in three
    /// spellings, a phone number, an e-mail address, the street address and the school.
    func leakyCase() throws -> CaseFile {
        let cpr = try CPRNumber.parse("800511-4233")
        var file = CaseFile(
            id: CaseID("2026-0042")!, created: DanishTime.instant(LocalDate(year: 2026, month: 3, day: 1)!, hour: 9),
            youngPerson: YoungPerson(
                name: "Malik Hassan Jensen", cpr: cpr,
                contact: Contact(phone: "11 00 00 01", email: "malik@example.invalid", address: "Fiktivvej 5, 2. th."),
                school: "Kirkebakkeskolen, 9. klasse"),
            caseworker: "Lene Dahl")
        file.network.people = [
            NetworkPerson(
                name: "Hanne Jensen", relation: "mor", arena: .family, closeness: 1, custodyHolder: true,
                whatIsGood: "Hanne bakker op", canSupport: true),
            NetworkPerson(name: "Omar Hassan", relation: "far", arena: .family, closeness: 1, custodyHolder: true),
            NetworkPerson(name: "Yusuf", relation: "storebror", arena: .family, whatIsHard: "Yusuf ryger selv"),
            NetworkPerson(name: "Jens Holt", relation: "klasselærer", arena: .schoolAndWork, closeness: 3),
            NetworkPerson(name: "Mette Krog", relation: "UU-vejleder", arena: .schoolAndWork, closeness: 3),
        ]
        file.network.conflicts = "Omar og Yusuf taler ikke sammen."
        file.concernReports = [
            ConcernReport(
                number: 1, received: DanishTime.instant(LocalDate(year: 2026, month: 8, day: 27)!, hour: 10),
                reporter: Reporter(
                    name: "Mette Krog", role: "UU-vejleder", organisation: "Kirkebakkeskolen",
                    contact: "mette.krog@kirkebakke.example, tlf. 11 00 00 02"),
                situation:
                    "Malik fortalte den 25. august 2026, at han ryger med Yusuf. Mettes indtryk er, at Maliks fravær stiger."
            )
        ]
        file.journal = [
            JournalEntry(
                time: DanishTime.instant(LocalDate(year: 2026, month: 8, day: 28)!, hour: 9), author: "Lene Dahl",
                text:
                    "Samtale med Malik, Hanne og Omar på Fiktivvej 5, 2. th. Jens fra Kirkebakkeskolen ringede. CPR 800511-4233 (også skrevet 8005114233 og 80.05.11-4233) blev bekræftet."
            ),
            JournalEntry(
                time: DanishTime.instant(LocalDate(year: 2026, month: 8, day: 29)!, hour: 9), author: "Lene Dahl",
                text:
                    "Mette kan nås på 11 00 00 02 eller +45 11000002 og mette.krog@kirkebakke.example. MALIK og yusuf var med 2026-08-29."
            ),
        ]
        file.decisions = [
            Decision(
                id: "A1", kind: .contactPerson, decisionDate: LocalDate(year: 2026, month: 8, day: 28)!,
                author: "Lene Dahl",
                recorded: DanishTime.instant(LocalDate(year: 2026, month: 8, day: 28)!, hour: 9),
                provider: "Opholdsstedet Lyngly")
        ]
        file.journal.append(
            JournalEntry(
                time: DanishTime.instant(LocalDate(year: 2026, month: 8, day: 30)!, hour: 9), author: "Lene Dahl",
                text: "Besøg på Lyngly."))
        file.toolRecords = [
            ToolRecord(
                tool: "lifeline", date: LocalDate(year: 2026, month: 8, day: 31)!, author: "Lene Dahl",
                summary: "Hanne var med.",
                lifeline: Lifeline(events: [
                    LifeEvent(date: LocalDate(year: 2022, month: 3, day: 1)!, kind: .low, text: "Omar flyttede")
                ]))
        ]
        return file
    }

    /// Everything that must not survive, in any case.
    let secrets = [
        "Malik", "Hassan", "Jensen", "Hanne", "Omar", "Yusuf", "Jens", "Holt", "Mette", "Krog", "Lene", "Dahl",
        "800511", "4233", "8005114233", "80.05.11", "11 00 00 0", "11000002", "mette.krog", "kirkebakke", "Fiktivvej",
        "2026-0042",
        "2026-08", "27.08.2026", "25. august", "Lyngly",
    ]

    @Test("ingen navne, CPR-numre, telefonnumre, e-mails, adresser eller skoler overlever, i nogen form")
    func nothingSurvives() throws {
        let copy = AnonymousCase.build(try leakyCase(), today: today)
        let md = MarkdownRenderer.render(copy.document)
        let html = HTMLRenderer.render(copy.document)
        let json = String(decoding: try UngeJSON.encoder().encode(copy), as: UTF8.self)
        for text in [md, html, json] {
            for s in secrets {
                #expect(!text.lowercased().contains(s.lowercased()), "'\(s)' står stadig i kopien")
            }
        }
        #expect(md.contains("den unge (15 år)"))
        #expect(md.contains("Datoer er skrevet som dage fra den første underretning (dag 0)."))
        #expect(
            md.contains(
                "Den unge fortalte dag -2, at han ryger med Person C. Person E's indtryk er, at den unges fravær stiger."
            ))
        #expect(
            md.contains(
                "Samtale med den unge, Person A og Person B på (adresse). Person D fra skolen ringede. CPR (CPR-nummer) (også skrevet (CPR-nummer) og (CPR-nummer)) blev bekræftet."
            ))
        #expect(
            md.contains(
                "Person E kan nås på (telefonnummer) eller (telefonnummer) og (e-mail). Den unge og Person C var med dag 2."
            ))
        #expect(md.contains("Konflikter: Person B og Person C taler ikke sammen."))
        #expect(md.contains("Besøg på (tilbuddet)."))
        #expect(md.contains("| Person A | mor | familie |"))
        #expect(md.contains("- Person F: sagsbehandler"))
        #expect(md.hasSuffix("> \(AnonymousCase.reminderText)\n"))
    }

    @Test("listen over det erstattede nævner hver slags, uden de oprindelige værdier")
    func replacementList() throws {
        let copy = AnonymousCase.build(try leakyCase(), today: today)
        let kinds = Set(copy.replacements.map(\.kind))
        #expect(kinds == [.name, .cpr, .phone, .email, .address, .place, .date])
        #expect(copy.replacements.allSatisfy { !$0.replacement.contains("Malik") })
        #expect(copy.replacements.first { $0.kind == .cpr }?.count == 3)
        #expect(copy.replacements.first { $0.kind == .email }?.count == 1)
        #expect(copy.replacements.contains { $0.kind == .name && $0.replacement == "den unge" })
        let md = MarkdownRenderer.render(copy.document)
        #expect(md.contains("| CPR-numre | 3 | (CPR-nummer) (3) |"))
    }

    @Test("netværket bliver relationer; underretteren er sin rolle")
    func structure() throws {
        let copy = AnonymousCase.build(try leakyCase(), today: today)
        #expect(copy.network.map(\.relation) == ["mor", "far", "storebror", "klasselærer", "UU-vejleder"])
        #expect(copy.network.map(\.label) == ["Person A", "Person B", "Person C", "Person D", "Person E"])
        #expect(copy.network[0].good == "Person A bakker op")
        #expect(copy.notifications.first?.from == "fagperson: UU-vejleder")
        #expect(copy.notifications.first?.when == "dag 0")
        #expect(copy.occupation == "Skolen, 9. klasse")
        let svg = NetworkPicture.anonymousSVG(copy.network, label: copy.youngPerson)
        let reader = try #require(SVGReader.read(svg))
        #expect(reader.title == "Netværkskort for den unge (15 år)")
        #expect(
            reader.desc.hasPrefix(
                "5 personer i 2 af 5 arenaer. Familie: Mor (nærhed 1, har forældremyndigheden, kan støtte)"))
    }
}
