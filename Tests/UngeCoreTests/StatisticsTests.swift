import Foundation
import Testing

@testable import UngeCore

@Suite("Diskretionering: <5, sekundær skjulning og differensangreb")
struct SuppressionTests {
    @Test("tal under 5 (også 0) vises som <5, 5 og derover som tallet")
    func primary() {
        var s = Suppression()
        s.add("a", 0)
        s.add("b", 4)
        s.add("c", 5)
        let shown = s.apply()
        #expect(shown["a"] == .fewerThanThreshold)
        #expect(shown["b"] == .fewerThanThreshold)
        #expect(shown["c"] == .value(5))
        #expect(ShownCount.fewerThanThreshold.text == "<5")
    }

    @Test("ét <5 i en opdeling med vist total skjuler også den mindste viste celle")
    func secondary() {
        var s = Suppression()
        s.add(total: "t", parts: [("til-tiden", 10), ("for-sent", 7), ("mangler", 2)])
        let shown = s.apply()
        #expect(shown["t"] == .value(19))
        #expect(shown["mangler"] == .fewerThanThreshold)
        #expect(shown["for-sent"] == .hidden)
        #expect(shown["til-tiden"] == .value(10))
    }

    /// Every value a suppressed cell could take, given what is shown: brute force, independent of
    /// the rule's own reasoning. "<5" is 0...4, "x" is 5...total.
    static func feasibleValues(_ cells: [ShownCount], total: Int, cell i: Int) -> Set<Int> {
        let ranges = cells.map { c -> ClosedRange<Int> in
            switch c {
            case .value(let n): return n...n
            case .fewerThanThreshold: return 0...4
            case .hidden: return 5...max(5, total)
            }
        }
        var out = Set<Int>()
        func go(_ k: Int, _ sum: Int, _ mine: Int?) {
            if sum > total { return }
            if k == ranges.count {
                if sum == total, let mine { out.insert(mine) }
                return
            }
            for v in ranges[k] { go(k + 1, sum + v, k == i ? v : mine) }
        }
        go(0, 0, nil)
        return out
    }

    @Test("differensangreb: ingen skjult celle kan regnes ud ved at trække de viste fra totalen")
    func differencing() {
        var attacked = 0
        for a in 0...9 {
            for b in 0...9 {
                for c in 0...9 {
                    var s = Suppression()
                    s.add(total: "t", parts: [("a", a), ("b", b), ("c", c)])
                    let shown = s.apply()
                    let cells = ["a", "b", "c"].map { shown[$0]! }
                    guard let total = shown["t"]?.number else { continue }
                    for (i, cell) in cells.enumerated() where cell.number == nil {
                        attacked += 1
                        let possible = Self.feasibleValues(cells, total: total, cell: i)
                        #expect(possible.count >= 2, "a=\(a) b=\(b) c=\(c): celle \(i) kan kun være \(possible)")
                    }
                }
            }
        }
        #expect(attacked > 100)
    }

    @Test("to opdelinger af samme total: en skjult total skjules i begge")
    func sharedTotal() {
        var s = Suppression()
        s.add(total: "t", parts: [("x1", 4), ("x2", 4)])
        s.add("y1", 3)
        s.add("y2", 5)
        s.constraints.append(.init(total: "t", parts: ["y1", "y2"]))
        let shown = s.apply()
        #expect(shown["t"] == .hidden)
        #expect(shown["y1"] == .fewerThanThreshold)
        // The hidden total is at least 5 and at most 8 (two "<5"), so y1 = total - 5 is still 0...3.
        #expect(shown["y2"] == .value(5))
    }

    @Test("median og 90%-fraktil: regnet efter definitionen, og ikke vist under 5 værdier")
    func statistics() {
        #expect(StatisticsComputation.median([3, 1, 2]) == 2)
        #expect(StatisticsComputation.median([4, 1, 3, 2]) == 2.5)
        #expect(StatisticsComputation.percentile(Array(1...10), 90) == 9)
        #expect(StatisticsComputation.percentile([5, 1, 20, 3, 8], 90) == 20)
        #expect(Suppression.statistic(2, over: 4) == nil)
        #expect(Suppression.statistic(2, over: 5) == 2)
    }
}

@Suite("Statistik regnet i hånden på et lille lager")
struct StatisticsComputationTests {
    static let tz = DanishTime.timeZone
    static func d(_ s: String) -> LocalDate { LocalDate.parse(s)! }
    static func at(_ s: String, _ hour: Int = 10) -> Date { DanishTime.instant(d(s), hour: hour) }

    /// A case with a young person born `born`, caseworker `worker`.
    static func file(_ n: Int, born: String = "2010-01-15", worker: String = "lene", cpr: String? = nil) -> CaseFile {
        var yp = YoungPerson(name: "Ung \(n)", birthDate: d(born))
        if let cpr { yp = YoungPerson(name: "Ung \(n)", cpr: try! CPRNumber.parse(cpr)) }
        return CaseFile(
            id: CaseID.make(year: 2026, sequence: n), created: at("2026-01-05"), youngPerson: yp, caseworker: worker)
    }

    /// A § 33 treatment requested on `request`, actually started on `start` (nil: not started).
    static func treatment(_ f: inout CaseFile, request: String, start: String?, end: String? = nil) {
        let id = "A\(f.decisions.count + 1)"
        var dec = Decision(
            id: id, kind: .treatmentOutpatient, decisionDate: d(request), purpose: "x", author: "lene",
            recorded: at(request), requestDate: d(request), start: start.map(d), provider: "Ungeteamet")
        if let end { dec.end = DecisionEnd(date: d(end), reason: "x", status: .other) }
        f.decisions.append(dec)
        f.deadlines = DecisionDeadlines.compute(for: f)
    }

    /// The store: 12 treatment requests in March 2026 (6 on time, 5 late, 1 not started and past due),
    /// 2 anonymous § 101 a requests, one closed and one reopened case, and caseworker "karl" with one case.
    static func store() -> [CaseFile] {
        var files: [CaseFile] = []
        // On time: 0, 3, 7, 10, 14, 14 days.
        for (i, days) in [0, 3, 7, 10, 14, 14].enumerated() {
            var f = file(i + 1)
            treatment(&f, request: "2026-03-02", start: d("2026-03-02").adding(days: days).iso)
            files.append(f)
        }
        // Late: 15, 20, 21, 30, 60 days (met late is late).
        for (i, days) in [15, 20, 21, 30, 60].enumerated() {
            var f = file(i + 7)
            treatment(&f, request: "2026-03-02", start: d("2026-03-02").adding(days: days).iso)
            files.append(f)
        }
        // Not started, planned date only: a planned start in the future does not count.
        var notStarted = file(12)
        treatment(&notStarted, request: "2026-03-10", start: "2026-12-31")
        files.append(notStarted)
        // Anonymous § 101 a: counted, no deadline.
        for n in 13...14 {
            var f = CaseFile(
                id: CaseID.make(year: 2026, sequence: n), created: at("2026-03-01"),
                youngPerson: YoungPerson(anonymous: true), caseworker: "lene")
            f.decisions.append(
                Decision(
                    id: "A1", kind: .anonymousTreatment, decisionDate: d("2026-03-05"), author: "lene",
                    recorded: at("2026-03-05"), requestDate: d("2026-03-05"), start: d("2026-03-06")))
            f.deadlines = DecisionDeadlines.compute(for: f)
            files.append(f)
        }
        // Closed in March ("Målet er nået"), and a case reopened in March.
        files[0].closedDate = d("2026-03-20")
        files[0].closedReason = "Målet er nået"
        files[1].journal.append(
            JournalEntry(time: at("2026-03-25"), author: "lene", text: "Sagen er genåbnet (lukket 1. marts 2026)."))
        // Karl's one case.
        files.append(file(15, worker: "karl"))
        return files
    }

    static func compute(viewer: String, others: Bool = false, asOf: String = "2026-12-01") -> StatisticsReport {
        StatisticsComputation(
            from: d("2026-03-01"), to: d("2026-03-31"), asOf: at(asOf), scope: "test",
            isViewer: { $0 == viewer }, showOtherCaseworkers: others
        ).compute(cases: store())
    }

    @Test("behandling: henvendelser, til tiden, for sent, ikke startet, median og 90%-fraktil")
    func treatmentFigures() throws {
        let r = Self.compute(viewer: "lene")
        // 12 under § 33 + 2 anonymous = 14 requests.
        #expect(r.count("behandling.henvendelser") == .value(14))
        #expect(r.count("behandling.grundlag.bl33") == .value(12))
        #expect(r.count("behandling.grundlag.sel101a") == .fewerThanThreshold)
        #expect(r.count("behandling.anonyme") == .fewerThanThreshold)
        // 12 with a deadline: 6 on time, 5 late, 1 past due and not started (planned start does not count).
        #expect(r.count("behandling.start") == .value(12))
        #expect(r.count("behandling.start.til-tiden") == .value(6))
        #expect(r.count("behandling.start.overskredet") == .fewerThanThreshold)
        // The one not started (planned start only) is overdue, never "met late": the remaining 1 is
        // spread over four "<5" cells (overdue, waiting, ended, closed), so no cell is pinned down and
        // the late ones (5) are shown.
        #expect(r.count("behandling.start.for-sent") == .value(5))
        // Days for the 11 started § 33 plus the 2 anonymous (1 day each):
        // 0,1,1,3,7,10,14,14,15,20,21,30,60 → median 14, p90 rank ⌈11.7⌉ = 12 → 30.
        let median = try #require(r.value("behandling.dage.median"))
        #expect(median.value == 14)
        #expect(r.value("behandling.dage.p90")?.value == 30)
        // § 33 alone: 0,3,7,10,14,14,15,20,21,30,60 → median 14, p90 rank ⌈9.9⌉ = 10 → 30.
        #expect(r.value("behandling.dage.bl33.median")?.value == 14)
        #expect(r.value("behandling.dage.bl33.p90")?.value == 30)
        // Two anonymous: too few for a median.
        #expect(r.value("behandling.dage.sel101a.median")?.value == nil)
        // Histogram bins: 0-7: 0,1,1,3,7 = 5; 8-14: 10,14,14 = 3; 15-28: 15,20,21 = 3; 29-56: 30 = 1; >56: 60 = 1.
        #expect(r.count("behandling.fordeling.0") == .value(5))
        #expect(r.count("behandling.fordeling.1") == .fewerThanThreshold)
        #expect(r.count("behandling.fordeling") == .value(13))
    }

    @Test("en planlagt start er ikke en start: før startdagen er fristen overskredet, ikke opfyldt")
    func plannedIsNotStarted() {
        // Read on 2026-04-01: the case planned for 31 December is past due and not started.
        let r = Self.compute(viewer: "lene", asOf: "2026-04-01")
        #expect(r.count("behandling.start.til-tiden") == .value(6))
        #expect(r.count("behandling.start.overskredet") == .fewerThanThreshold)
    }

    @Test("sager: oprettet, lukket efter grund, genåbnet")
    func cases() {
        let r = Self.compute(viewer: "lene")
        #expect(r.count("sager.oprettet") == .fewerThanThreshold)  // the 2 anonymous cases, created in March
        #expect(r.count("sager.lukket") == .fewerThanThreshold)
        #expect(r.count("sager.genaabnet") == .fewerThanThreshold)
        var s = Self.store()
        s = s.map {
            var f = $0
            f.created = Self.at("2026-03-03")
            return f
        }
        let r2 = StatisticsComputation(
            from: Self.d("2026-03-01"), to: Self.d("2026-03-31"), asOf: Self.at("2026-12-01"), scope: "t",
            isViewer: { _ in false }
        ).compute(cases: s)
        #expect(r2.count("sager.oprettet") == .value(15))
    }

    @Test("sagsbehandler med én sag: skjult for andre, præcist for sig selv")
    func caseworker() throws {
        // Karl sees his own row exactly.
        let own = Self.compute(viewer: "karl")
        let rows = try #require(own.section("sagsbehandlere")?.rows)
        let karl = try #require(rows.first { $0.label == "karl" })
        #expect(karl.cells.first == .value(1))
        // On the file store Lene sees only her own row, never Karl's.
        let lene = Self.compute(viewer: "lene")
        #expect(lene.section("sagsbehandlere")?.rows.contains { $0.label == "karl" } == false)
        // A team leader sees Karl as "<5", and his count cannot be taken from the total.
        let leader = Self.compute(viewer: "leder", others: true)
        let lrows = try #require(leader.section("sagsbehandlere")?.rows)
        let k = try #require(lrows.first { $0.label == "karl" })
        #expect(k.cells.first == .fewerThanThreshold)
        let total = try #require(lrows.first { $0.label == "I alt" }?.cells.first)
        let lrow = try #require(lrows.first { $0.label == "lene" }?.cells.first)
        #expect(total.number == nil || lrow.number == nil)
    }

    @Test("en faktisk start (--ivaerksat) tæller, den planlagte dato ikke, også gennem statistikfakta")
    func actualStartThroughFacts() throws {
        var f = Self.file(1)
        var dec = Decision(
            id: "A1", kind: .treatmentOutpatient, decisionDate: Self.d("2026-03-02"), purpose: "x", author: "lene",
            recorded: Self.at("2026-03-02"), requestDate: Self.d("2026-03-02"), start: Self.d("2026-03-05"))
        dec.startIsPlanned = true
        dec.startedOn = Self.d("2026-03-25")
        f.decisions.append(dec)
        f.deadlines = DecisionDeadlines.compute(for: f)
        let facts = StatisticsFacts(f)
        #expect(facts.decisions.first?.actualStart == Self.d("2026-03-25"))
        let r = StatisticsComputation(
            from: Self.d("2026-03-01"), to: Self.d("2026-03-31"), asOf: Self.at("2026-12-01"), scope: "t",
            isViewer: { _ in false }
        ).compute(facts: [facts])
        // 23 days from request to the actual start: late, never on time by the planned 5 March.
        #expect(r.count("behandling.start.til-tiden") == .fewerThanThreshold)
        #expect(r.value("behandling.dage.median")?.count == .fewerThanThreshold)
        var planned = dec
        planned.startedOn = nil
        f.decisions = [planned]
        #expect(StatisticsFacts(f).decisions.first?.actualStart == nil)
    }

    @Test("lukkegrunden er den registrerede kategori; kun sager uden den læses ud fra ordene")
    func recordedClosure() {
        var f = Self.file(1)
        f.closedDate = Self.d("2026-03-20")
        f.closedReason = "Målet er nået"
        #expect(StatisticsFacts(f).closure == .goalReached)
        f.closedCategory = .moved
        #expect(StatisticsFacts(f).closure == .moved)
        #expect(StatisticsComputation.ClosureCategory.parse("Flyttet") == .moved)
        #expect(StatisticsComputation.ClosureCategory.parse("oensker ikke hjælp") == .declined)
        #expect(StatisticsComputation.ClosureCategory.parse("2") == .moved)
        #expect(StatisticsComputation.ClosureCategory.parse("måske") == nil)
    }

    @Test("bekymringsområdet: ord, nummer og kodenavn; hver af de 16 har en DST-kategori, markeret ikke verificeret")
    func reasons() {
        #expect(NotificationReason.allCases.count == 16)
        #expect(NotificationReason.parse("Rusmidler") == .substanceUse)
        #expect(NotificationReason.parse("forældres rusmidler") == .parentSubstanceUse)
        #expect(NotificationReason.parse("16") == .other)
        #expect(NotificationReason.parse("17") == nil)
        #expect(NotificationReason.parse("crime") == .crime)
        for r in NotificationReason.allCases {
            let row = RegisterCategories.category(for: r)
            #expect(row.tool == r.token)
            #expect(!row.verified)
            #expect(RegisterCategories.reason.filter { $0.tool == r.token }.count == 1)
        }
    }

    @Test("sager uden for perioden og trendens 12 måneder kan udelades: tallene er de samme")
    func windowLeavesFiguresAlone() throws {
        var files = Self.store()
        // Old closed cases, and one closed in the period.
        for n in 50...60 {
            var f = Self.file(n)
            f.created = Self.at("2023-02-01")
            f.closedDate = Self.d("2023-06-01")
            f.closedReason = "Flyttet"
            files.append(f)
        }
        let facts = files.map(StatisticsFacts.init)
        for (from, to) in [
            ("2026-03-01", "2026-03-31"), ("2023-05-01", "2023-06-30"), ("2024-01-01", "2024-01-31"),
            ("2026-01-01", "2026-12-31"),
        ] {
            let c = StatisticsComputation(
                from: Self.d(from), to: Self.d(to), asOf: Self.at("2026-12-01"), scope: "t", isViewer: { $0 == "lene" },
                showOtherCaseworkers: true)
            let window = StatisticsComputation.window(from: Self.d(from), to: Self.d(to))
            let kept = facts.filter { StatisticsComputation.mayCount($0.activitySpan, in: window) }
            #expect(c.compute(facts: kept) == c.compute(facts: facts), "\(from)..\(to)")
            if from == "2024-01-01" { #expect(kept.count < facts.count) }
        }
    }

    @Test("anonym behandling tælles, men ingen sagsnummer, CPR eller navn står i statistikken")
    func noIdentity() throws {
        let r = Self.compute(viewer: "lene")
        let json = String(decoding: try JSONEncoder().encode(r), as: UTF8.self)
        for f in Self.store() {
            #expect(!json.contains(f.id.rawValue))
            if let n = f.youngPerson.name { #expect(!json.contains(n)) }
        }
        let html = StatisticsRendering.html(r, municipality: "Nordby Kommune")
        #expect(html.contains("<svg"))
        #expect(!html.contains("2026-0013"))
    }
}

@Suite("Registerudtræk: DST og Stofmisbrugsdatabasen")
struct RegisterExtractTests {
    func d(_ s: String) -> LocalDate { StatisticsComputationTests.d(s) }
    func at(_ s: String) -> Date { StatisticsComputationTests.at(s) }

    static func notified(_ n: Int, cpr: String, received: String) -> CaseFile {
        var f = StatisticsComputationTests.file(n, cpr: cpr)
        f.concernReports.append(
            ConcernReport(
                number: 1, received: StatisticsComputationTests.at(received, 10),
                reporter: Reporter(name: "Lærer", role: "lærer"), reason: .schoolAbsence))
        return f
    }

    @Test("dst-underretninger: kun unge under 18, alder på periodens sidste dag, køn fra CPR")
    func notifications() throws {
        // Born 15 Dec 2008: 17 when notified in March 2026; 18 on the period's last day? No: 17 until 15 Dec 2026.
        let young = Self.notified(1, cpr: "151208-4111", received: "2026-03-10")
        // Born 1 Jan 2008: 18 in March 2026, not reported.
        let adult = Self.notified(2, cpr: "010108-4112", received: "2026-03-10")
        let x = RegisterExtractor(from: d("2026-01-01"), to: d("2026-12-31"), municipality: "Nordby Kommune")
        let e = try x.extract(.dstNotifications, cases: [adult, young]).get()
        #expect(e.rows.count == 1)
        #expect(e.caseIDs == [young.id])
        let row = Dictionary(uniqueKeysWithValues: zip(e.fields, e.rows[0]))
        #expect(row["cpr"] == "1512084111")
        #expect(row["koen"] == "M")
        #expect(row["alder_periodens_slut"] == "18")  // 18 on 31 December 2026
        #expect(row["underretter_type"] == "school")
        #expect(row["kategori_verificeret"] == "nej")
        #expect(row["aarsag"] == "skolefravaer")
        #expect(row["dst_aarsag_kategori"] == "Skolefravær/skoleproblemer")
        // A notification without a reason (registered before it was asked) is a finding, not a crash.
        var old = young
        old.concernReports[0].reason = nil
        guard case .failure(let v) = x.extract(.dstNotifications, cases: [old]) else {
            Issue.record("uden bekymringsområde skal udtrækket afvises")
            return
        }
        #expect(v.problems.map(\.item) == ["underretning 1"])
        #expect(v.problems.first?.message.contains("mangler bekymringsområdet") == true)
    }

    @Test("smdb: anonym behandling udelades, henvendelser med højst 10 dages mellemrum er ét forløb")
    func smdbCourses() throws {
        var f = StatisticsComputationTests.file(1, cpr: "151208-4111")
        StatisticsComputationTests.treatment(&f, request: "2026-03-01", start: nil, end: "2026-03-05")
        StatisticsComputationTests.treatment(&f, request: "2026-03-11", start: "2026-03-20", end: "2026-06-01")
        StatisticsComputationTests.treatment(&f, request: "2026-09-01", start: "2026-09-05")
        var anon = CaseFile(
            id: CaseID("2026-0009")!, created: at("2026-03-01"), youngPerson: YoungPerson(anonymous: true))
        anon.decisions.append(
            Decision(
                id: "A1", kind: .anonymousTreatment, decisionDate: d("2026-03-05"), author: "x",
                recorded: at("2026-03-05"),
                requestDate: d("2026-03-05"), start: d("2026-03-06"), provider: "X"))
        let x = RegisterExtractor(
            from: d("2026-01-01"), to: d("2026-12-31"), municipality: "Nordby Kommune",
            providers: [ProviderEntry(name: "Ungeteamet", tilbudsportalenID: "4711")])
        let e = try x.extract(.smdb, cases: [anon, f]).get()
        #expect(e.caseIDs == [f.id])
        #expect(e.rows.count == 2)
        let first = Dictionary(uniqueKeysWithValues: zip(e.fields, e.rows[0]))
        #expect(first["afgoerelser"] == "A1+A2")
        #expect(first["henvendelse"] == "2026-03-01")
        #expect(first["ivaerksat"] == "2026-03-20")
        #expect(first["dage_til_start"] == "19")
        #expect(first["inden_14_dage"] == "nej")
        #expect(first["leverandoer_tilbudsportalen"] == "4711")
        #expect(first["slutstatus"] == "andet")
        // Reproducible: the same input gives the same bytes.
        let again = try x.extract(.smdb, cases: [f, anon]).get()
        #expect(again.csv() == e.csv())
        #expect(try again.json() == e.json())
    }

    @Test("validering: manglende CPR, køn, leverandør og slutstatus listes pr. sag, og intet udtræk laves")
    func validation() {
        var noCPR = StatisticsComputationTests.file(1)
        StatisticsComputationTests.treatment(&noCPR, request: "2026-03-01", start: "2026-03-05")
        var noProvider = StatisticsComputationTests.file(2, cpr: "151208-4111")
        StatisticsComputationTests.treatment(&noProvider, request: "2026-03-01", start: "2026-03-05", end: "2026-05-01")
        noProvider.decisions[0].provider = nil
        noProvider.decisions[0].end?.status = nil
        let x = RegisterExtractor(from: d("2026-01-01"), to: d("2026-12-31"), municipality: "Nordby Kommune")
        guard case .failure(let v) = x.extract(.smdb, cases: [noCPR, noProvider]) else {
            Issue.record("udtrækket skulle afvises")
            return
        }
        let text = v.problems.map(\.description)
        #expect(text.contains { $0.hasPrefix("Sag 2026-0001") && $0.contains("mangler CPR-nummer") })
        #expect(text.contains { $0.hasPrefix("Sag 2026-0001") && $0.contains("mangler køn") })
        #expect(text.contains { $0.hasPrefix("Sag 2026-0002") && $0.contains("mangler leverandør") })
        #expect(text.contains { $0.hasPrefix("Sag 2026-0002") && $0.contains("mangler slutstatus") })
        #expect(!text.joined().contains("1512084111"))
    }

    @Test("slutstatus: de tre kategorier læses med og uden æøå")
    func endStatus() {
        #expect(TreatmentEndStatus.parse("stoffri") == .drugFree)
        #expect(TreatmentEndStatus.parse("Reduceret/stabiliseret") == .reducedOrStabilised)
        #expect(TreatmentEndStatus.parse("andet") == .other)
        #expect(TreatmentEndStatus.parse("ukendt") == nil)
    }
}

@Suite("Statistikkens hurtige dato for et tidspunkt")
struct StatisticsDayTests {
    @Test("samme dag som DanishTime.date(of:) hele året, også omkring sommertid og midnat")
    func sameDay() {
        var t = DanishTime.instant(LocalDate(year: 2025, month: 12, day: 31)!, hour: 0)
        let end = DanishTime.instant(LocalDate(year: 2027, month: 1, day: 2)!, hour: 0)
        while t < end {
            #expect(RecordedDeadlineStates.day(t) == DanishTime.date(of: t))
            t = t.addingTimeInterval(3600 + 7)
        }
    }
}
