import Foundation
import Glibc
import Testing
import UngeCore

@testable import UngeStore

/// `frister` and `liste --kun-aabne` read from the summary index (issue 9, item 5).
@Suite("Åbne frister og tjeklistetal i indekset")
struct CrossCaseIndexTests {
    static let day = LocalDate(year: 2026, month: 4, day: 12)!

    /// A case with one met and two open deadlines, one of them a kind of task with a clock time.
    static func caseWithDeadlines() -> CaseFile {
        var c = Sample.caseFile()
        c.deadlines = [
            Deadline(
                id: "underretning-1-vurdering", kind: .assessment, title: "Vurdering\taf underretning",
                counting: .hours,
                dueDate: day, dueTime: Date(timeIntervalSince1970: 1_776_003_600), legalReferenceID: "assessment",
                ruleDate: day.adding(days: -1)),
            Deadline(
                id: "underretning-1-kvittering", kind: .receipt, title: "Kvittering", counting: .workingDays,
                dueDate: day.adding(days: 8), legalReferenceID: "receipt", ruleDate: day, metAt: Sample.now,
                metBy: "sb1"),
            Deadline(
                id: "opgave-1", kind: .other, title: "Orientér \"underretteren\" \\ nu", counting: .calendarDays,
                dueDate: day.adding(days: 30), legalReferenceID: "notificationFeedback", ruleDate: day),
        ]
        return c
    }

    @Test("indekset har sagens åbne frister som hele poster, og læses uden sagsfilen")
    func openDeadlinesFromIndex() throws {
        let t = TempStore()
        let c = try t.store.create(Self.caseWithDeadlines(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        _ = try t.store.create(
            Sample.caseFile(name: "Uden Frister", withCPR: false), year: 2026, now: Sample.now, user: "sb1",
            command: "ny")
        let listing = try t.store.listSummaries()
        #expect(listing.summaries.map(\.hasOpenDeadlines) == [true, false])
        let open = t.store.openDeadlines(of: listing.summaries)
        #expect(open.problems.isEmpty)
        try #require(open.deadlines.count == 1)
        #expect(open.deadlines[0].summary.id == c.id)
        #expect(open.deadlines[0].deadlines == c.openDeadlines)
        #expect(open.deadlines[0].deadlines.map(\.id) == ["underretning-1-vurdering", "opgave-1"])

        // The index, not the case file, is what is read: change a title in the index only.
        let text = String(decoding: t.bytes("indeks.tsv")!, as: UTF8.self)
        #expect(text.hasPrefix("unge-indeks\t4\n"))
        #expect(!text.contains(Sample.cprText) && !text.contains(Sample.cprDigits))
        t.write(
            "indeks.tsv",
            text.replacingOccurrences(of: "Kvittering", with: "Xvittering").replacingOccurrences(
                of: "opgave-1", with: "opgave-9"))
        let again = try t.store.listSummaries()
        #expect(
            t.store.openDeadlines(of: again.summaries).deadlines[0].deadlines.map(\.id) == [
                "underretning-1-vurdering", "opgave-9",
            ])
    }

    @Test("en lukket sag har ingen åbne frister i indekset")
    func closedCase() throws {
        let t = TempStore()
        var c = Self.caseWithDeadlines()
        c.closedDate = Self.day
        _ = try t.store.create(c, year: 2026, now: Sample.now, user: "sb1", command: "ny")
        let listing = try t.store.listSummaries()
        #expect(listing.summaries[0].hasOpenDeadlines == false)
        #expect(listing.summaries[0].nextDeadline == nil)
        #expect(t.store.openDeadlines(of: listing.summaries).deadlines.isEmpty)
    }

    @Test("et indeks i version 1 bygges om; en beskadiget frist i indekset læses fra sagsfilen")
    func oldAndDamagedIndex() throws {
        let t = TempStore()
        let c = try t.store.create(Self.caseWithDeadlines(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        _ = try t.store.listSummaries()
        let v2 = String(decoding: t.bytes("indeks.tsv")!, as: UTF8.self)
        // The same lines under the old header: ignored, rebuilt as version 2.
        t.write("indeks.tsv", v2.replacingOccurrences(of: "unge-indeks\t4\n", with: "unge-indeks\t1\n"))
        let rebuilt = try t.store.listSummaries()
        #expect(String(decoding: t.bytes("indeks.tsv")!, as: UTF8.self) == v2)
        #expect(t.store.openDeadlines(of: rebuilt.summaries).deadlines[0].deadlines == c.openDeadlines)
        // Records that do not decode: that case is read from its file.
        var broken = rebuilt.summaries[0]
        broken.openDeadlinesData = Array("x\u{1F}nyArt\u{1F}".utf8)
        let fallback = t.store.openDeadlines(of: [broken])
        #expect(fallback.problems.isEmpty)
        #expect(fallback.deadlines[0].deadlines == c.openDeadlines)
    }

    @Test("indekset gemmer hvert felt i en frist; et nyt felt i Deadline skal også i indekset")
    func everyDeadlineField() throws {
        let full = Deadline(
            id: "a\tb\\c\u{1E}d\u{1F}e\nf", kind: .treatmentStart, title: "Titel\r med æøå", counting: .months,
            dueDate: LocalDate(year: 2026, month: 12, day: 31)!, dueTime: Date(timeIntervalSince1970: 1_776_003_600.5),
            legalReferenceID: "ref", ruleDate: LocalDate(year: 2023, month: 12, day: 31)!,
            metAt: Date(timeIntervalSince1970: 1_776_000_001),
            metBy: "sb1", lapseReason: "Afgørelsen\u{1F} er afsluttet")
        let json = try JSONSerialization.jsonObject(with: UngeJSON.encoder().encode(full)) as! [String: Any]
        // If this fails, `Deadline` has a field the index does not keep: add it to DeadlineRecords.
        #expect(Set(json.keys) == Set(DeadlineRecords.fields))
        let plain = Deadline(
            id: "p", kind: .other, title: "", counting: .calendarDays,
            dueDate: LocalDate(year: 2026, month: 1, day: 2)!,
            legalReferenceID: "", ruleDate: LocalDate(year: 2026, month: 1, day: 1)!)
        let bytes = DeadlineRecords.encode([full, plain])
        #expect(!bytes.contains(9) && !bytes.contains(10) && !bytes.contains(13))
        #expect(DeadlineRecords.decode(bytes) == [full, plain])
        #expect(DeadlineRecords.decode([]) == [])
        #expect(
            DeadlineRecords.decode(
                Array(
                    "p\u{1F}nyArt\u{1F}\u{1F}calendarDays\u{1F}2026-01-02\u{1F}\u{1F}\u{1F}2026-01-01\u{1F}\u{1F}".utf8)
            ) == nil)
    }

    @Test("tjeklistetallet gemmes i indekset for dagen og tælles igen en anden dag eller efter en ændring")
    func checklistCount() throws {
        let t = TempStore()
        var c = try t.store.create(Self.caseWithDeadlines(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        let expected = openChecklistItems(case: c, today: Self.day)
        #expect(expected > 0)
        let first = try t.store.listSummaries(checklistOn: Self.day)
        #expect(first.summaries[0].openChecklistItems == expected)
        #expect(first.summaries[0].checklistDate == Self.day)
        // A plain listing keeps the count in the index.
        #expect(try t.store.listSummaries().summaries[0].openChecklistItems == expected)
        // Same day: read from the index (a count changed in the index only is what comes back).
        let text = String(decoding: t.bytes("indeks.tsv")!, as: UTF8.self)
        t.write("indeks.tsv", text.replacingOccurrences(of: "\t2026-04-12\t\(expected)\t", with: "\t2026-04-12\t999\t"))
        #expect(try t.store.listSummaries(checklistOn: Self.day).summaries[0].openChecklistItems == 999)
        // Another day: counted again from the case.
        let later = Self.day.adding(days: 400)
        #expect(
            try t.store.listSummaries(checklistOn: later).summaries[0].openChecklistItems
                == openChecklistItems(case: c, today: later))
        // A changed case: counted again.
        c.checklistAnswers = []
        c.youngPerson.name = "Ændret"
        c = try t.store.save(c, expectedRevision: c.revision, now: Sample.now, user: "sb1", command: "rediger")
        let changed = try t.store.listSummaries(checklistOn: later).summaries[0]
        #expect(changed.name == "Ændret")
        #expect(changed.openChecklistItems == openChecklistItems(case: c, today: later))
    }
}
