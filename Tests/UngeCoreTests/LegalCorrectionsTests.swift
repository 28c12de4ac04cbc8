import Foundation
import Testing

@testable import UngeCore

@Suite("Gemte dokumenter og rettede lovhenvisninger")
struct LegalCorrectionsTests {
    static let saved = Date(timeIntervalSince1970: 1_788_000_000)  // 2026-08-29

    static func record(_ text: String, recorded: Date = saved) -> DocumentRecord {
        var doc = Document(title: "Ungeplan")
        doc.add(.paragraph(text))
        doc.add(.fields([("Lovgrundlag", text)]))
        doc.add(.table(header: ["a", "b"], rows: [["1", "2"]]))
        doc.add(.figure(svg: "<svg/>", caption: "Netværk"))
        doc.add(.heading("Mål", level: 3))
        doc.add(
            .change(
                label: "M1 ændret",
                segments: [TextSegment("Ida "), TextSegment("ofte", .removed), TextSegment("altid", .added)]))
        doc.letterhead = Document.Letterhead(municipality: "Nordby Kommune", author: "Lene Dahl")
        return DocumentRecord(
            kind: .plan, ref: "1", date: LocalDate(year: 2026, month: 8, day: 29)!, recorded: recorded,
            author: AuthorStamp(user: "lene", fullName: "Lene Dahl", title: "Socialrådgiver"), facts: RecordFacts(),
            document: doc)
    }

    @Test("et dokument gemmes og læses igen uændret (alle bloktyper)")
    func roundTrip() throws {
        let r = Self.record("Afgørelse om ungestøtte (barnets lov § 111 (tidl. serviceloven § 68, stk. 11)).")
        let data = try UngeJSON.encoder().encode(r)
        let back = try UngeJSON.decoder().decode(DocumentRecord.self, from: data)
        #expect(back == r)
        #expect(MarkdownRenderer.render(back.document) == MarkdownRenderer.render(r.document))
        #expect(HTMLRenderer.render(back.document) == HTMLRenderer.render(r.document))
    }

    @Test("en version gemt før rettelsen med den gamle tekst findes; en ny version eller den rigtige tekst gør ikke")
    func hits() throws {
        var file = CaseFile(
            id: CaseID("2026-0001")!, created: Self.saved, youngPerson: YoungPerson(name: "Emma"))
        file.documentRecords = [
            Self.record("barnets lov § 111 (tidl. serviceloven § 68, stk. 12)"),
            Self.record("barnets lov § 111 (tidl. serviceloven § 68, stk. 11)"),
            Self.record(
                "barnets lov § 111 (tidl. serviceloven § 68, stk. 12)",
                recorded: Date(timeIntervalSince1970: 1_797_000_000)),  // 2026-12-11, after the correction
        ]
        let hits = LegalCorrections.hits(in: file)
        #expect(hits.count == 1)
        #expect(
            hits.first?.text.hasPrefix(
                "plan version 1 (gemt 29. august 2026): \"tidl. serviceloven § 68, stk. 12\" er siden rettet til \"tidl. serviceloven § 68, stk. 11\""
            ) == true)
    }

    @Test("statutgennemgang 3: 24-timers-vurderingens stk. 2 og ungestøtte til og med § 117 findes i gemte versioner")
    func statutePassThree() throws {
        var file = CaseFile(
            id: CaseID("2026-0001")!, created: Self.saved, youngPerson: YoungPerson(name: "Emma"))
        file.documentRecords = [
            Self.record("Kommunens vurdering inden for 24 timer: barnets lov § 136 (tidl. serviceloven § 155)"),
            Self.record("Ungestøtte: barnets lov §§ 113-116 og 120 (tidl. serviceloven § 76)"),
            Self.record("barnets lov § 136, stk. 2 (tidl. serviceloven § 155, stk. 2); barnets lov §§ 113-117 og 120"),
        ]
        let rules = LegalCorrections.hits(in: file).map(\.correction.rule)
        #expect(rules == [.assessment24h, .aftercare])
    }

    @Test("rettelsestabellen: hver forkert tekst er ikke længere det, tabellen siger i dag")
    func correctionsAreCorrected() {
        for c in LegalCorrections.all {
            let today = LegalReferences.reference(c.rule).citation(
                on: LocalDate(year: 2026, month: 6, day: 1)!, age: 16)
            #expect(!today.contains(c.wrong), "\(c.rule): \(today)")
            #expect(c.wrong != c.right)
        }
    }
}
