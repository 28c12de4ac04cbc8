#if PostgreSQL
    import Foundation
    import Testing
    import UngeCore

    @testable import UngeStore

    /// The same cases in a folder store and in the team store give the same statistics facts and the
    /// same figures, and the team store reads them through one scoped, audited database call
    /// (`unge.statistik_fakta`). Runs against the throw-away cluster of `UNGE_TEST_PG_URI` (`.ci/run`).
    @Suite(
        "Statistik i begge lagre: samme fakta, samme tal, afgrænset og revideret",
        .serialized, .enabled(if: PostgresTestCluster.superURI != nil))
    struct StatisticsStoreContractTests {
        static func d(_ s: String) -> LocalDate { LocalDate.parse(s)! }
        static func at(_ s: String, _ hour: Int = 10) -> Date { DanishTime.instant(d(s), hour: hour) }
        static let now = at("2026-12-01")

        /// The fixture casework (`Fixtures/lager`), and treatment cases built for the purpose: on time,
        /// met late, planned but not started, anonymous, closed, reopened; caseworkers t_anna and t_lea.
        static func cases() throws -> [CaseFile] {
            let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Fixtures/lager/sager")
            var out: [CaseFile] = []
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            where name.hasSuffix(".json") {
                let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
                out.append(try FileStore.decodeDocument(bytes, file: name, expectedID: nil).caseFile)
            }
            var n = 100
            func treatment(request: String, start: String?, planned: String? = nil, anonymous: Bool = false) {
                n += 1
                var f = CaseFile(
                    id: CaseID.make(year: 2026, sequence: n), created: at("2026-02-20"),
                    youngPerson: anonymous
                        ? YoungPerson(anonymous: true) : YoungPerson(name: "Ung \(n)", birthDate: d("2009-03-10")),
                    caseworker: "")
                var dec = Decision(
                    id: "A1", kind: anonymous ? .anonymousTreatment : .treatmentOutpatient, decisionDate: d(request),
                    purpose: "x", author: "x", recorded: at(request), requestDate: d(request),
                    start: planned.map(d) ?? start.map(d), provider: "Ungeteamet")
                dec.startIsPlanned = true
                if let start { dec.startedOn = d(start) }
                f.decisions.append(dec)
                f.deadlines = DecisionDeadlines.compute(for: f)
                f.revision = 1
                out.append(f)
            }
            for days in [0, 5, 14, 15, 30, 40] {
                treatment(request: "2026-03-02", start: d("2026-03-02").adding(days: days).iso)
            }
            treatment(request: "2026-03-10", start: nil, planned: "2026-12-31")
            treatment(request: "2026-03-05", start: "2026-03-06", anonymous: true)
            out[out.count - 3].closedDate = d("2026-03-20")
            out[out.count - 3].closedReason = "Målet er nået"
            out[out.count - 4].journal.append(
                JournalEntry(time: at("2026-03-25"), author: "x", text: "Sagen er genåbnet (lukket 1. marts 2026)."))
            for i in out.indices { out[i].caseworker = i % 3 == 0 ? "t_anna" : "t_lea" }
            return out
        }

        static func json(_ c: CaseFile) throws -> Data { Data(try FileStore.encodeCase(c)) }

        static func report(_ facts: [StatisticsFacts], from: String, to: String, viewer: String) throws -> String {
            let r = StatisticsComputation(
                from: d(from), to: d(to), asOf: now, scope: "test", isViewer: { $0 == viewer },
                showOtherCaseworkers: true
            ).compute(facts: facts)
            return StatisticsRendering.csv(r)
                + String(decoding: try UngeJSON.encoder(pretty: true).encode(r), as: UTF8.self)
        }

        static func render(_ r: StatisticsReport) throws -> String {
            StatisticsRendering.csv(r) + String(decoding: try UngeJSON.encoder(pretty: true).encode(r), as: UTF8.self)
        }

        @Test("samme sager i fillager og teamlager: samme fakta og byte for byte samme tal i flere perioder")
        func sameFiguresOnBothBackends() throws {
            let all = try Self.cases()
            let folder = TempStore()
            for c in all {
                _ = try folder.store.importCase(Self.json(c), as: c.id, now: Self.now, user: "x", command: "test")
            }
            let db = try PostgresTestCluster.freshDatabase()
            defer { PostgresTestCluster.drop(db) }
            let anna = try PostgresTestCluster.store(db, as: "t_anna")
            let lea = try PostgresTestCluster.store(db, as: "t_lea")
            for c in all {
                _ = try (c.caseworker == "t_anna" ? anna : lea).importCase(
                    Self.json(c), as: c.id, now: Self.now, user: "x", command: "test")
            }
            // A later save keeps the facts current; facts missing or behind the case are never used.
            let first = try #require(all.first)
            _ = try anna.update(first.id, now: Self.now, user: "t_anna", command: "luk") {
                $0.closedDate = Self.d("2026-11-30")
                $0.closedReason = "Flyttet til anden kommune"
            }
            _ = try folder.store.update(first.id, now: Self.now, user: "t_anna", command: "luk") {
                $0.closedDate = Self.d("2026-11-30")
                $0.closedReason = "Flyttet til anden kommune"
            }
            let su = try PostgresTestCluster.superConnection(database: db)
            _ = try su.query("UPDATE unge.statistik SET revision = revision - 1 WHERE sag = $1", [all[1].id.rawValue])
            _ = try su.query("DELETE FROM unge.statistik WHERE sag = $1", [all[2].id.rawValue])

            let fromFiles = try folder.store.statisticsFacts()
            #expect(fromFiles.problems.isEmpty)
            let event = AuditEvent(time: Self.now, user: "t_lea", action: .search, caseID: nil, command: "statistik")
            let fromDB = try lea.statisticsFacts(team: nil, mine: false, window: nil, event: event)
            #expect(fromDB.problems.isEmpty)
            #expect(fromDB.isLeader)
            #expect(fromDB.facts.count == all.count)
            #expect(fromDB.facts == fromFiles.facts)

            for (from, to) in [
                ("2026-03-01", "2026-03-31"), ("2026-01-01", "2026-12-31"), ("2026-11-01", "2026-11-30"),
                ("2025-01-01", "2025-01-31"), ("2027-06-01", "2027-06-30"),
            ] {
                let window = StatisticsComputation.window(from: Self.d(from), to: Self.d(to))
                let scoped = try lea.statisticsFacts(team: "Nord", mine: false, window: window, event: event)
                #expect(scoped.facts.count <= all.count)
                #expect(
                    try Self.report(scoped.facts, from: from, to: to, viewer: "t_lea")
                        == Self.report(fromFiles.facts, from: from, to: to, viewer: "t_lea"), "\(from)..\(to)")
            }
            // The figures counted by SQL over the stored items (stale cases counted from their documents)
            // are the figures Swift counts from the facts, in every period and scope.
            for (from, to) in [
                ("2026-03-01", "2026-03-31"), ("2026-01-01", "2026-12-31"), ("2026-11-01", "2026-11-30"),
                ("2025-01-01", "2025-01-31"), ("2027-06-01", "2027-06-30"), ("2026-02-20", "2026-03-20"),
            ] {
                let computation = StatisticsComputation(
                    from: Self.d(from), to: Self.d(to), asOf: Self.now, scope: "test", isViewer: { $0 == "t_lea" },
                    showOtherCaseworkers: true)
                for team in [nil, "Nord"] {
                    let sql = try lea.statisticsCounts(team: team, mine: false, computation: computation, event: event)
                    #expect(sql.problems.isEmpty)
                    #expect(sql.isLeader)
                    #expect(sql.counts == computation.count(facts: fromFiles.facts), "\(from)..\(to)")
                    #expect(
                        try Self.render(computation.report(counts: sql.counts))
                            == Self.report(fromFiles.facts, from: from, to: to, viewer: "t_lea"), "\(from)..\(to)")
                }
                let mine = try anna.statisticsCounts(team: nil, mine: true, computation: computation, event: event)
                #expect(
                    mine.counts
                        == computation.count(facts: fromFiles.facts.filter { $0.caseworker == "t_anna" }),
                    "\(from)..\(to) mine")
            }
            // Every case's items are in the database, except the one whose facts were deleted above.
            let items = try su.query("SELECT count(DISTINCT sag) FROM unge.statistik_post", [])
            #expect(items.first?[0] == String(all.count - 1))
            // An empty period long ago selects only the cases still open in it.
            let old = try lea.statisticsFacts(
                team: nil, mine: false, window: Self.d("2020-01-01")...Self.d("2020-01-31"), event: event)
            #expect(old.facts.count < all.count)
        }

        @Test("afgrænsning: egne sager, andres hold afvist og revideret, kun teamlederen ser andres rækker")
        func scopeAndAudit() throws {
            let all = try Self.cases()
            let db = try PostgresTestCluster.freshDatabase()
            defer { PostgresTestCluster.drop(db) }
            let anna = try PostgresTestCluster.store(db, as: "t_anna")
            let lea = try PostgresTestCluster.store(db, as: "t_lea")
            let bo = try PostgresTestCluster.store(db, as: "t_bo")
            for c in all {
                _ = try (c.caseworker == "t_anna" ? anna : lea).importCase(
                    Self.json(c), as: c.id, now: Self.now, user: "x", command: "test")
            }
            let event = AuditEvent(
                time: Self.now, user: "x", action: .search, caseID: nil, criterion: "statistik test",
                command: "statistik")
            let mine = try anna.statisticsFacts(team: nil, mine: true, window: nil, event: event)
            #expect(mine.facts.map(\.id) == all.filter { $0.caseworker == "t_anna" }.map(\.id).sorted())
            #expect(!mine.isLeader)
            #expect(
                try anna.statisticsFacts(team: "Nord", mine: false, window: nil, event: event).facts.count == all.count)
            // Another team's caseworker sees none of Nord's cases, and may not ask for Nord.
            #expect(try bo.statisticsFacts(team: nil, mine: false, window: nil, event: event).facts.isEmpty)
            #expect(throws: StoreError.accessRefused(nil)) {
                try bo.statisticsFacts(team: "Nord", mine: false, window: nil, event: event)
            }
            let su = try PostgresTestCluster.superConnection(database: db)
            let rows = try su.query(
                "SELECT rolle::text, kilde, haendelse->>'action', coalesce(haendelse->>'criterion', ''), viste IS NULL FROM unge.log WHERE haendelse->>'command' = 'statistik' ORDER BY nr",
                [])
            #expect(
                rows.contains { $0[0] == "t_anna" && $0[1] == "unge" && $0[2] == "search" && $0[3] == "statistik test" }
            )
            #expect(
                rows.contains { $0[0] == "t_bo" && $0[1] == "database" && $0[2] == "refused" && $0[3] == "hold Nord" })
            #expect(rows.allSatisfy { $0[4] == "t" })
            // No login role reads the facts table or the items table itself.
            #expect(throws: (any Error).self) { _ = try lea.db.query("SELECT count(*) FROM unge.statistik", []) }
            #expect(throws: (any Error).self) { _ = try lea.db.query("SELECT count(*) FROM unge.statistik_post", []) }
            // The counts call is scoped and audited like the facts call.
            let computation = StatisticsComputation(
                from: Self.d("2026-01-01"), to: Self.d("2026-12-31"), asOf: Self.now, scope: "test",
                isViewer: { _ in false })
            #expect(throws: StoreError.accessRefused(nil)) {
                try bo.statisticsCounts(team: "Nord", mine: false, computation: computation, event: event)
            }
            #expect(
                try bo.statisticsCounts(team: nil, mine: false, computation: computation, event: event).counts
                    == StatisticsCounts())
            // The facts hold no CPR number and no name.
            let facts = (try su.query("SELECT string_agg(fakta, '') FROM unge.statistik", []).first?[0] ?? nil) ?? ""
            for c in all {
                if let name = c.youngPerson.name, !name.isEmpty { #expect(!facts.contains(name)) }
                if let cpr = c.youngPerson.cpr?.digits { #expect(!facts.contains(cpr)) }
            }
        }
    }
#endif
