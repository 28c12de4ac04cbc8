import Foundation
import Testing

@testable import UngeCore

/// The merge of two cases of one young person (`unge saml`), and the identity checks beside it.
@Suite("Sammenlægning af sager og alderstjek")
struct CaseMergeTests {
    static let now = Date(timeIntervalSince1970: 1_788_000_000)
    static let today = LocalDate(year: 2026, month: 9, day: 1)!

    static func person(_ name: String, cpr: String? = nil, born: String? = nil) throws -> YoungPerson {
        YoungPerson(
            name: name, cpr: try cpr.map { try CPRNumber.parse($0) }, birthDate: born.flatMap(LocalDate.parse))
    }

    static func file(_ id: String, _ person: YoungPerson) -> CaseFile {
        CaseFile(id: CaseID(id)!, created: now, youngPerson: person, caseworker: "anna")
    }

    static func deadline(_ id: String, _ title: String) -> Deadline {
        Deadline(
            id: id, kind: .receipt, title: title, counting: .workingDays, dueDate: today, legalReferenceID: "receipt",
            ruleDate: today)
    }

    @Test("forskellige CPR-numre eller fødselsdatoer samles ikke; samme unge uden CPR i den ene gør")
    func refusals() throws {
        let a = Self.file("2026-0001", try Self.person("Ida Holm", cpr: "620110-4002"))
        let b = Self.file("2026-0002", try Self.person("Ida Holm", cpr: "620110-4010"))
        let c = Self.file("2026-0003", try Self.person("I. Holm", born: "2010-01-02"))
        let d = Self.file("2026-0004", try Self.person("I. Holm", born: "2010-01-03"))
        #expect(CaseMerge.check(source: b, into: a) == .differentCPR)
        #expect(CaseMerge.check(source: c, into: a) == nil)
        #expect(CaseMerge.check(source: d, into: a) != nil)
        #expect(CaseMerge.check(source: a, into: a) == .sameCase(a.id))
        var merged = c
        merged.mergedInto = a.id
        #expect(CaseMerge.check(source: merged, into: a) == .alreadyMerged(c.id, into: a.id))
        #expect(throws: CaseMerge.Refusal.self) {
            try CaseMerge.merge(b, into: a, now: Self.now, today: Self.today, author: "anna")
        }
    }

    @Test("numre, der støder sammen, får nye, og fristerne følger med (hver omdøbt én gang)")
    func renumbering() throws {
        var target = Self.file("2026-0001", try Self.person("Ida Holm", cpr: "620110-4002"))
        var source = Self.file("2026-0002", try Self.person("I. Holm", born: "2010-01-02"))
        target.concernReports = [ConcernReport(number: 1, received: Self.now)]
        target.deadlines = [Self.deadline("underretning-1-kvittering", "Kvittering for underretning nr. 1")]
        source.concernReports = [
            ConcernReport(number: 1, received: Self.now, deadlineIDs: ["underretning-1-kvittering"]),
            ConcernReport(number: 2, received: Self.now, deadlineIDs: ["underretning-2-kvittering"]),
        ]
        source.deadlines = [
            Self.deadline("underretning-1-kvittering", "Kvittering for underretning nr. 1"),
            Self.deadline("underretning-2-kvittering", "Kvittering for underretning nr. 2"),
        ]
        source.journal = [JournalEntry(time: Self.now, author: "anna", text: "Første samtale")]
        let r = try CaseMerge.merge(source, into: target, now: Self.now, today: Self.today, author: "anna")
        #expect(r.target.concernReports.map(\.number) == [1, 2, 3])
        #expect(
            r.target.deadlines.map(\.id) == [
                "underretning-1-kvittering", "underretning-2-kvittering", "underretning-3-kvittering",
            ])
        #expect(r.target.deadlines[2].title == "Kvittering for underretning nr. 3")
        #expect(r.target.concernReports[2].deadlineIDs == ["underretning-3-kvittering"])
        #expect(r.target.youngPerson.cpr != nil)
        #expect(r.target.journal.contains { $0.text == "Første samtale" })
        #expect(r.source.mergedInto == target.id)
        #expect(r.source.closedDate == Self.today)
        #expect(r.source.concernReports.isEmpty && r.source.deadlines.isEmpty)
        #expect(r.renumbered.notifications.map { [$0.0, $0.1] } == [[1, 2], [2, 3]])
    }

    @Test("alder uden for 10-30 år på registreringsdagen er usandsynlig; 10 og 30 er ikke")
    func plausibleAge() {
        let day = Self.today
        #expect(Age.implausible(born: LocalDate(year: 2016, month: 9, day: 1)!, on: day) == nil)
        #expect(Age.implausible(born: LocalDate(year: 2016, month: 9, day: 2)!, on: day) == 9)
        #expect(Age.implausible(born: LocalDate(year: 1996, month: 9, day: 2)!, on: day) == nil)
        #expect(Age.implausible(born: LocalDate(year: 1995, month: 9, day: 1)!, on: day) == 31)
        #expect(Age.implausibleQuestion(age: 76, fromCPR: true) == "Den unge er 76 år – er CPR-nummeret rigtigt?")
    }

    @Test("sagsbehandleren er et brugernavn: et fuldt navn er ikke")
    func userIDs() {
        #expect(Caseworker.isValidID("lene"))
        #expect(Caseworker.isValidID("lene.dahl"))
        #expect(!Caseworker.isValidID("Lene Dahl"))
        #expect(!Caseworker.isValidID(""))
    }
}
