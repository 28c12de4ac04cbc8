import Foundation
import Testing

@testable import UngeCore

@Suite("Fristoversigt (unge frister)")
struct NotificationOverviewTests {
    typealias S = NotificationTestSupport

    static func caseFile(_ id: String, _ name: String, received: Date, extra: [Deadline] = []) throws -> CaseFile {
        var draft = try S.draft("eksempel.json")
        draft.youngName = name
        var c = CaseFile(id: CaseID(id)!, created: received, youngPerson: draft.youngPerson)
        ConcernRegistration.register(
            draft, on: &c, received: received, now: received, author: "t", timeZone: S.copenhagen, calendar: S.calendar)
        c.deadlines += extra
        return c
    }

    static func rows(_ cases: [CaseFile], now: Date, all: Bool = false) -> [DeadlineOverviewRow] {
        DeadlineOverview.rows(cases: cases, includeMet: all, now: now, timeZone: S.copenhagen, calendar: S.calendar)
    }

    @Test("overskredne først, derefter efter forfaldsdato; tid tilbage i fristens egen enhed")
    func ordering() throws {
        let examination = Deadline(
            id: "undersoegelse", kind: .examination, title: "Børnefaglig undersøgelse afsluttet", counting: .months,
            dueDate: S.day(2026, 8, 1), legalReferenceID: "examinationDeadline", ruleDate: S.day(2026, 4, 1))
        let a = try Self.caseFile("2026-0001", "Anna", received: S.at(2026, 4, 1, 9, 30), extra: [examination])
        let b = try Self.caseFile("2026-0002", "Bo", received: S.at(2026, 4, 13, 14, 0))
        let now = S.at(2026, 4, 13, 16, 0)  // Monday after Easter
        let rows = Self.rows([b, a], now: now)
        // Anna's overdue assessment first; then by due date, a clock time before a whole day.
        #expect(
            rows.map { "\($0.caseID) \($0.deadlineID)" } == [
                "2026-0001 underretning-1-vurdering",
                "2026-0002 underretning-1-vurdering",
                "2026-0001 underretning-1-kvittering",
                "2026-0002 underretning-1-kvittering",
                "2026-0001 undersoegelse",
                // Tasks without a legal period come last (BL § 138 stk. 2).
                "2026-0001 underretning-1-orientering",
                "2026-0002 underretning-1-orientering",
            ])
        #expect(rows.map(\.state) == [.overdue, .dueSoon, .open, .open, .open, .open, .open])
        #expect(
            rows.map(\.timeLeftText) == [
                "overskredet med 11 døgn (270 timer)", "22 timer", "1 hverdag", "6 hverdage", "110 dage",
                "åben opgave", "åben opgave",
            ])
        #expect(rows[4].citation == "barnets lov § 20, stk. 3 (tidl. serviceloven § 50, stk. 7)")
        #expect(rows[2].citation == "barnets lov § 138, stk. 1 (tidl. serviceloven § 155 b, stk. 1)")
        #expect(rows[5].citation == "barnets lov § 138, stk. 2 (tidl. serviceloven § 155 b, stk. 2)")
    }

    @Test("en overskredet kvittering tælles i hverdage; i dag er 'i dag'")
    func overdueWorkingDays() throws {
        let a = try Self.caseFile("2026-0001", "Anna", received: S.at(2026, 4, 1, 9, 30))  // receipt due 14 April
        #expect(Self.rows([a], now: S.at(2026, 4, 14, 8, 0))[1].timeLeftText == "i dag")
        let later = Self.rows([a], now: S.at(2026, 4, 20, 8, 0))  // Monday: 15, 16, 17, 20
        #expect(
            later.map(\.timeLeftText) == [
                "overskredet med 17 døgn (430 timer)", "overskredet med 4 hverdage", "åben opgave",
            ])
        #expect(later[1].state == .overdue)
    }

    @Test("opfyldte frister forsvinder fra standardlisten, men vises med --alle")
    func markMet() throws {
        var a = try Self.caseFile("2026-0001", "Anna", received: S.at(2026, 4, 1, 9, 30))
        try DeadlineOverview.markMet("underretning-1-vurdering", on: &a, at: S.at(2026, 4, 1, 15, 0), by: "lene")
        #expect(
            Self.rows([a], now: S.at(2026, 4, 2, 8, 0)).map(\.deadlineID) == [
                "underretning-1-kvittering", "underretning-1-orientering",
            ])
        let all = Self.rows([a], now: S.at(2026, 4, 2, 8, 0), all: true)
        #expect(
            all.map(\.deadlineID) == [
                "underretning-1-kvittering", "underretning-1-vurdering", "underretning-1-orientering",
            ])
        #expect(all[1].state == .met && all[1].timeLeftText == "opfyldt" && all[1].metBy == "lene")
        #expect(
            throws: DeadlineOverview.MarkError.alreadyMet(id: "underretning-1-vurdering", at: S.at(2026, 4, 1, 15, 0))
        ) {
            try DeadlineOverview.markMet("underretning-1-vurdering", on: &a, at: S.at(2026, 4, 2, 8, 0), by: "lene")
        }
        do {
            try DeadlineOverview.markMet("nope", on: &a, at: S.at(2026, 4, 2, 8, 0), by: "lene")
            Issue.record("burde fejle")
        } catch {
            #expect(
                error.description
                    == "Sagen har ingen frist med id 'nope'. Sagens frister: underretning-1-vurdering, underretning-1-kvittering, underretning-1-orientering."
            )
        }
    }

    @Test("tabellens celler viser klokkeslæt for timefrister")
    func table() throws {
        let a = try Self.caseFile("2026-0001", "Anna", received: S.at(2026, 4, 1, 9, 30))
        let rows = Self.rows([a], now: S.at(2026, 4, 1, 10, 0)).filter { !$0.isTask }
        let cells = rows.map { DeadlineOverview.cells($0, timeZone: S.copenhagen) }
        #expect(DeadlineOverview.header == ["Sag", "Navn", "Frist", "Hvad", "Tid tilbage", "Lovgrundlag"])
        #expect(
            cells == [
                [
                    "2026-0001", "Anna", "02.04.2026 kl. 09.30", "Vurdering af underretning nr. 1 (24 timer)",
                    "23 timer", "barnets lov § 136, stk. 2 (tidl. serviceloven § 155, stk. 2)",
                ],
                [
                    "2026-0001", "Anna", "14.04.2026", "Kvittering til underretteren for underretning nr. 1",
                    "6 hverdage", "barnets lov § 138, stk. 1 (tidl. serviceloven § 155 b, stk. 1)",
                ],
            ])
    }

    @Test(
        "tid tilbage: ental og flertal",
        arguments: [
            (1, TimeLeftUnit.workingDays, DeadlineState.open, "1 hverdag"),
            (2, .workingDays, .open, "2 hverdage"),
            (0, .hours, .dueSoon, "under 1 time"),
            (1, .hours, .dueSoon, "1 time"),
            (-3, .days, .overdue, "overskredet med 3 dage"),
            (-1, .workingDays, .overdue, "overskredet med 1 hverdag"),
        ])
    func texts(_ n: Int, _ unit: TimeLeftUnit, _ state: DeadlineState, _ text: String) {
        #expect(DeadlineOverview.timeLeftText(n, unit: unit, state: state) == text)
    }
}

@Suite("Frister: tid tilbage i timer og døgn")
struct DeadlineTimeLeftTextTests {
    @Test(
        "under to døgn i timer, derefter i døgn med timerne i parentes",
        arguments: [
            (1, DeadlineState.open, "1 time"), (47, .open, "47 timer"), (48, .open, "2 døgn (48 timer)"),
            (-96, .overdue, "overskredet med 4 døgn (96 timer)"), (-5, .overdue, "overskredet med 5 timer"),
        ])
    func hours(_ left: Int, _ state: DeadlineState, _ text: String) {
        #expect(DeadlineOverview.timeLeftText(left, unit: .hours, state: state) == text)
    }
}
