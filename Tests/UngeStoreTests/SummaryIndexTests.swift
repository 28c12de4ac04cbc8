import Foundation
import Glibc
import Testing
import UngeCore

@testable import UngeStore

@Suite("Oversigten (liste) og indekset")
struct SummaryIndexTests {
    @Test("en beskadiget fil navngives, mens de andre sager stadig vises")
    func corruptFileStillLists() throws {
        let t = TempStore()
        for _ in 0..<3 {
            _ = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        }
        let full = t.bytes("sager/2026-0002.json")!
        _ = FileManager.default.createFile(atPath: t.casePath("2026-0002"), contents: Data(full.prefix(full.count / 2)))
        let before = t.bytes("sager/2026-0002.json")
        let listing = try t.store.listSummaries()
        #expect(listing.summaries.map(\.id.rawValue) == ["2026-0001", "2026-0003"])
        #expect(listing.problems.count == 1)
        #expect(listing.problems.first?.file == "sager/2026-0002.json")
        #expect(listing.problems.first?.description.contains("'sager/2026-0002.json'") == true)
        #expect(t.bytes("sager/2026-0002.json") == before)
        // Twice: the bad file is reported again, never cached as good.
        #expect(try t.store.listSummaries().problems.count == 1)
    }

    @Test("efterladte midlertidige filer fra døde processer fjernes ved listning")
    func leftoverTempRemoved() throws {
        let t = TempStore()
        _ = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        let dead = "sager/.2026-0001.999999.0badf00d.tmp"
        let live = "sager/.2026-0001.1.00c0ffee.tmp"
        let foreign = "sager/.noget-andet.tmp"
        t.write(dead, "{\"fuld\": \"kopi\"}")
        t.write(live, "{\"fuld\": \"kopi\"}")
        t.write(foreign, "x")
        // A live writer holds a lock on its temp file, whatever its pid says.
        let fd = open(t.path + "/" + live, O_RDONLY)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let listing = try t.store.listSummaries()
        #expect(listing.summaries.count == 1)
        #expect(listing.problems.isEmpty)
        #expect(t.bytes(dead) == nil)
        #expect(t.bytes(live) != nil)
        #expect(t.bytes(foreign) != nil)  // not a name the tool makes
        // Its writer gone (the lock released), it is removed.
        close(fd)
        _ = try t.store.listSummaries()
        #expect(t.bytes(live) == nil)
    }

    @Test("indekset bygges om, når en fil ændres, også inden for samme sekund")
    func indexRefresh() throws {
        let t = TempStore()
        var c = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        _ = try t.store.create(
            Sample.caseFile(name: "Anden Person", withCPR: false), year: 2026, now: Sample.now, user: "sb1",
            command: "ny")
        let first = try t.store.listSummaries().summaries
        #expect(first.map(\.name) == ["Testa Testesen", "Anden Person"])
        let index1 = t.bytes("indeks.tsv")
        #expect(index1 != nil)
        // Unchanged: the index is not rewritten.
        _ = try t.store.listSummaries()
        #expect(t.bytes("indeks.tsv") == index1)

        c.youngPerson.name = "Nyt\tNavn\\med\nlinjeskift"
        c.deadlines.append(
            Deadline(
                id: "d1", kind: .assessment, title: "Vurdering\taf underretning", counting: .hours,
                dueDate: LocalDate(year: 2026, month: 4, day: 13)!, legalReferenceID: "x",
                ruleDate: LocalDate(year: 2026, month: 4, day: 12)!))
        c = try t.store.save(c, expectedRevision: 1, now: Sample.now, user: "sb1", command: "rediger")
        let second = try t.store.listSummaries().summaries
        #expect(second[0].name == "Nyt\tNavn\\med\nlinjeskift")
        #expect(second[0].revision == 2)
        #expect(second[0].nextDeadline == LocalDate(year: 2026, month: 4, day: 13))
        #expect(second[0].nextDeadlineTitle == "Vurdering\taf underretning")
        #expect(second[0].birthDate == LocalDate(year: 2010, month: 1, day: 1))
        #expect(second[1] == first[1])
        // Read back from the index alone (same result as from the files).
        #expect(try t.store.listSummaries().summaries == second)
        let indexText = String(decoding: t.bytes("indeks.tsv")!, as: UTF8.self)
        #expect(!indexText.contains(Sample.cprText) && !indexText.contains(Sample.cprDigits))

        // A vanished file drops out; a damaged index is ignored and rebuilt.
        try FileManager.default.removeItem(atPath: t.casePath("2026-0002"))
        #expect(try t.store.listSummaries().summaries.map(\.id.rawValue) == ["2026-0001"])
        t.write("indeks.tsv", "unge-indeks\t1\n2026-0001\tx\ty\n\u{1}\u{2}")
        #expect(try t.store.listSummaries().summaries == [second[0]])
    }

    @Test("2.000 sager listes, og anden gang fra indekset")
    func manyCases() throws {
        let t = TempStore()
        try t.store.prepare()
        let encoder = UngeJSON.encoder()
        for n in 1...2000 {
            var c = Sample.caseFile(name: "Person \(n)", withCPR: false)
            c.id = CaseID.make(year: 2026, sequence: n)
            c.revision = 1
            c.youngPerson.anonymous = n % 10 == 0
            _ = FileManager.default.createFile(atPath: t.casePath(c.id.rawValue), contents: try encoder.encode(c))
        }
        let cold = try t.store.listSummaries()
        #expect(cold.summaries.count == 2000)
        #expect(cold.problems.isEmpty)
        let clock = ContinuousClock()
        var warm: (summaries: [CaseSummary], problems: [StoreProblem]) = ([], [])
        let elapsed = try clock.measure { warm = try t.store.listSummaries() }
        #expect(warm.summaries == cold.summaries)
        #expect(warm.summaries.first?.id.rawValue == "2026-0001")
        #expect(warm.summaries[9].status == .counselling)
        #expect(elapsed < .seconds(1))
    }

    @Test("filer i sager/ med navne, der ikke er sagsnumre, nævnes som problemer")
    func foreignNames() throws {
        let t = TempStore()
        _ = try t.store.create(Sample.caseFile(), year: 2026, now: Sample.now, user: "sb1", command: "ny")
        t.write("sager/min kopi.json", "{}")
        t.write("sager/noter.txt", "x")
        let listing = try t.store.listSummaries()
        #expect(listing.summaries.count == 1)
        #expect(listing.problems.map(\.file) == ["sager/min kopi.json"])
    }
}
