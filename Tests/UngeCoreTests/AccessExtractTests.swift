import Foundation
import Testing

@testable import UngeCore

@Suite("Indsigtsudtræk")
struct AccessExtractTests {
    static let now = Date(timeIntervalSince1970: 1_776_000_000)
    static let today = LocalDate(year: 2026, month: 9, day: 1)!

    static func sample() -> CaseFile {
        var c = CaseFile(
            id: CaseID("2026-0042")!, created: now,
            youngPerson: YoungPerson(name: "Testa Testesen", cpr: try! CPRNumber.parse("010170-4321")),
            caseworker: "Lene Sagsbehandlersen")
        c.journal.append(JournalEntry(time: now, author: "Lene Sagsbehandlersen", text: "Samtale med mor."))
        c.journal.append(JournalEntry(time: now, author: "lene", text: "Opringning fra skolen."))
        c.concernReports.append(
            ConcernReport(
                number: 1, received: now, reporter: Reporter(name: "Nabo Naboesen", isProfessional: false),
                situation: "Testa ryger hash."))
        c.network.people.append(NetworkPerson(name: "Mona Testesen", relation: "mor", arena: .family, closeness: 1))
        return c
    }

    static let consultations = [
        AccessExtract.Consultation(time: now, action: "read", command: "vis", user: "lene", inList: false),
        AccessExtract.Consultation(time: now, action: "search", command: "liste", user: "kollega", inList: true),
    ]
    static let staff = [AccessExtract.Staff(user: "lene", fullName: "Lene Sagsbehandlersen", title: "Socialrådgiver")]

    static func text(_ doc: Document) -> String { MarkdownRenderer.render(doc) }

    @Test("medarbejdernes navne står ikke i udtrækket, men i gennemgangen (C-579/21)")
    func employeesHidden() throws {
        let x = AccessExtract.build(
            Self.sample(), consultations: Self.consultations, staff: Self.staff, unit: "Børn og Unge", drafts: [],
            today: Self.today)
        let handed = Self.text(x.document) + String(decoding: try UngeJSON.encoder().encode(x.payload), as: UTF8.self)
        for name in ["Lene Sagsbehandlersen", "kollega"] { #expect(!handed.contains(name)) }
        #expect(handed.contains("medarbejder A"))
        #expect(handed.contains("Socialrådgiver, Børn og Unge"))
        let review = Self.text(x.review)
        #expect(review.contains("Lene Sagsbehandlersen"))
        #expect(review.contains("C-579/21"))
        // The young person and the network keep their names.
        #expect(handed.contains("Testa Testesen") && handed.contains("Mona Testesen"))
    }

    @Test("med --medarbejdernavne står navnene i udtrækket")
    func employeesShown() {
        let x = AccessExtract.build(
            Self.sample(), consultations: Self.consultations, staff: Self.staff, unit: nil, drafts: [],
            today: Self.today, showEmployeeNames: true)
        #expect(Self.text(x.document).contains("Lene Sagsbehandlersen"))
    }

    @Test("det, der kan undtages, er markeret til gennemgang, ikke udeladt")
    func markedNotOmitted() throws {
        let x = AccessExtract.build(
            Self.sample(), consultations: Self.consultations, staff: Self.staff, unit: nil, drafts: ["plan"],
            today: Self.today)
        let doc = Self.text(x.document)
        // The private notifier is named, with a mark, and the review cites fvl § 15 b.
        #expect(doc.contains("Nabo Naboesen"))
        let notifier = try #require(x.payload.review.first { $0.what.contains("Nabo Naboesen") })
        #expect(notifier.law.contains("forvaltningsloven § 15 b"))
        #expect(doc.contains("⚑ \(notifier.id)"))
        // Drafts (internal working documents, fvl § 12) are marked.
        #expect(x.payload.review.contains { $0.law.contains("forvaltningsloven § 12") })
        // The journal is complete, and the consultations carry purposes.
        #expect(doc.contains("Samtale med mor.") && doc.contains("Opringning fra skolen."))
        #expect(x.payload.consultations.map(\.purpose).contains("Sagsbehandling: sagen blev læst"))
        #expect(x.payload.consultations.map(\.what).contains("vist i en oversigt over sager"))
        // The CPR number is there in full: the extract is for the person it is about.
        #expect(doc.contains("010170-4321"))
    }
}
