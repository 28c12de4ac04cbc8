import Foundation
import Glibc
import Testing
import UngeCore

@testable import UngeStore

@Suite("Statistikindekset (statistik.tsv)")
struct StatisticsIndexTests {
    /// A case with a notification, decisions (one ended with a status), deadlines, a closure and a reopening.
    static func richCase() -> CaseFile {
        var c = Sample.caseFile()
        c.caseworker = "Lene\tDahl"  // a tab in a name must not break the line
        c.concernReports.append(
            ConcernReport(
                number: 1, received: Sample.now, reporter: Reporter(name: "X", role: "lærer"),
                concernArc: ConcernArcPlacement(level: .red), deadlineIDs: ["underretning-1-vurdering"]))
        c.decisions.append(
            Decision(
                id: "A1", kind: .treatmentOutpatient, decisionDate: LocalDate(year: 2026, month: 4, day: 2)!,
                purpose: "hemmelig tekst", author: "lene", recorded: Sample.now,
                requestDate: LocalDate(year: 2026, month: 4, day: 1)!, start: LocalDate(year: 2026, month: 4, day: 9)!,
                end: DecisionEnd(date: LocalDate(year: 2026, month: 6, day: 1)!, reason: "x", status: .drugFree)))
        c.deadlines = DecisionDeadlines.compute(for: c)
        c.closedDate = LocalDate(year: 2026, month: 6, day: 2)
        c.closedReason = "Målet er nået"
        c.journal.append(
            JournalEntry(time: Sample.now, author: "lene", text: "Sagen er genåbnet (lukket 1. maj 2026)."))
        return c
    }

    @Test("indekset giver de samme fakta som sagsfilen, uden CPR, navn eller sagstekst")
    func roundTrip() throws {
        let t = TempStore()
        let saved = try t.store.create(Self.richCase(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        let cold = try t.store.statisticsFacts()
        #expect(cold.problems.isEmpty)
        let expected = StatisticsFacts(try t.store.load(saved.id))
        #expect(cold.facts == [expected])
        let index = try #require(t.bytes("statistik.tsv"))
        let text = String(decoding: index, as: UTF8.self)
        #expect(text.hasPrefix("unge-statistik\t3\n"))
        #expect(!text.contains(Sample.cprDigits))
        #expect(!text.contains("Testa"))
        #expect(!text.contains("hemmelig"))
        #expect(Sample.mode(t.path + "/statistik.tsv") & 0o077 == 0)
        // Warm: read from the index, the same facts.
        #expect(try t.store.statisticsFacts().facts == [expected])
        // A changed index line is what is read (the file is not decoded again) ...
        try text.replacingOccurrences(of: "\u{1F}red\u{1F}", with: "\u{1F}green\u{1F}").write(
            toFile: t.path + "/statistik.tsv", atomically: false, encoding: .utf8)
        #expect(try t.store.statisticsFacts().facts.first?.concernReports.first?.level == .green)
        // ... a damaged one is rebuilt from the file.
        try (text + "2026-0001\tgarbage\n").replacingOccurrences(of: "\u{1F}red\u{1F}", with: "\u{1F}lilla\u{1F}")
            .write(
                toFile: t.path + "/statistik.tsv", atomically: false, encoding: .utf8)
        #expect(try t.store.statisticsFacts().facts == [expected])
    }

    @Test("en ændret sagsfil læses igen, og et link i stedet for indekset afvises")
    func staleAndForeign() throws {
        let t = TempStore()
        let saved = try t.store.create(Self.richCase(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        _ = try t.store.statisticsFacts()
        var f = try t.store.load(saved.id)
        f.closedDate = nil
        _ = try t.store.save(f, expectedRevision: f.revision, now: Sample.now, user: "sb1", command: "genaabn")
        #expect(try t.store.statisticsFacts().facts.first?.closedDate == nil)
        unlink(t.path + "/statistik.tsv")
        symlink("/etc/passwd", t.path + "/statistik.tsv")
        #expect(throws: StoreError.self) { try t.store.statisticsFacts() }
    }
}
