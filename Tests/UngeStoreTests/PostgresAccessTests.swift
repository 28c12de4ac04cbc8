#if PostgreSQL
    import Foundation
    import Testing
    import UngeCore

    @testable import UngeStore

    /// Who may see what in the team store, tested as the real database roles. Each check would fail if
    /// the functions' access checks were off; the catalog checks and the plain-SELECT test cover the
    /// walls around them (no table privileges, forced row-level security, an append-only log).
    @Suite("Teamlageret: adgang håndhævet af databasen", .serialized, .enabled(if: PostgresTestCluster.superURI != nil))
    struct PostgresAccessTests {
        static let now = Sample.now

        /// A fresh database with one case of t_anna's (team Nord).
        func setup() throws -> (db: String, id: CaseID) {
            let db = try PostgresTestCluster.freshDatabase()
            let anna = try PostgresTestCluster.store(db, as: "t_anna")
            let c = try anna.create(Sample.caseFile(), year: 2026, now: Self.now, user: "t_anna", command: "ny")
            return (db, c.id)
        }

        func refusals(_ db: String, by role: String) throws -> Int {
            let rows = try PostgresTestCluster.superConnection(database: db).query(
                "SELECT count(*) FROM unge.log WHERE rolle = $1 AND haendelse->>'action' = 'refused'", [role])
            return Int((rows.first?.first ?? nil) ?? "0") ?? 0
        }

        @Test("en sagsbehandler på et andet hold får hverken læst eller ændret sagen, og forsøget logges")
        func otherTeam() throws {
            let (db, id) = try setup()
            defer { PostgresTestCluster.drop(db) }
            let bo = try PostgresTestCluster.store(db, as: "t_bo")
            #expect(throws: StoreError.accessRefused(id)) { try bo.load(id) }
            var forged = try PostgresTestCluster.store(db, as: "t_anna").load(id)
            forged.journal.append(JournalEntry(time: Self.now, author: "t_bo", text: "Ikke min sag."))
            #expect(throws: StoreError.accessRefused(id)) {
                try bo.save(forged, expectedRevision: 1, now: Self.now, user: "t_bo", command: "notat")
            }
            #expect(try refusals(db, by: "t_bo") == 2)
            #expect(try bo.listSummaries().summaries.isEmpty)
            #expect(try bo.caseIDs().isEmpty)
            #expect(throws: StoreError.accessRefused(id)) { try bo.auditEvents(for: id) }
            #expect(StoreError.accessRefused(id).exitCode == 4)
            #expect(try PostgresTestCluster.store(db, as: "t_anna").load(id).journal.count == 1)
        }

        @Test("holdets leder læser sagen og fristerne, men ændrer den ikke")
        func leader() throws {
            let (db, id) = try setup()
            defer { PostgresTestCluster.drop(db) }
            let lea = try PostgresTestCluster.store(db, as: "t_lea")
            var c = try lea.load(id)
            #expect(try lea.listSummaries().summaries.map(\.id) == [id])
            c.journal.append(JournalEntry(time: Self.now, author: "t_lea", text: "Lederens notat."))
            // Lea is a caseworker on the team too, so in 'team' mode she may write; in 'egen' mode only
            // the leader's reading remains.
            _ = try PostgresTestCluster.superConnection(database: db).query(
                "UPDATE unge.indstillinger SET adgang = 'egen'", [])
            #expect(throws: StoreError.accessRefused(id)) {
                try lea.save(c, expectedRevision: 1, now: Self.now, user: "t_lea", command: "notat")
            }
            #expect(try lea.load(id).revision == 1)
        }

        @Test("en stedfortræder har adgang til datoen og ikke dagen efter; kun brugeren eller lederen kan give den")
        func deputy() throws {
            let (db, id) = try setup()
            defer { PostgresTestCluster.drop(db) }
            let dep = try PostgresTestCluster.store(db, as: "t_dep")
            let bo = try PostgresTestCluster.store(db, as: "t_bo")
            #expect(throws: StoreError.accessRefused(id)) { try dep.load(id) }
            // Bo is neither Anna nor her leader.
            #expect(throws: StoreError.accessRefused(nil)) {
                try bo.grantDeputy("t_dep", for: "t_anna", until: LocalDate(year: 2099, month: 1, day: 1)!)
            }
            #expect(throws: StoreError.accessRefused(id)) { try dep.load(id) }
            try PostgresTestCluster.store(db, as: "t_anna").grantDeputy(
                "t_dep", for: "t_anna", until: LocalDate(year: 2099, month: 1, day: 1)!)
            #expect(try dep.load(id).id == id)
            // The grant ran out yesterday.
            _ = try PostgresTestCluster.superConnection(database: db).query(
                "UPDATE unge.stedfortraedere SET til = current_date - 1", [])
            let later = try PostgresTestCluster.store(db, as: "t_dep")
            #expect(throws: StoreError.accessRefused(id)) { try later.load(id) }
            // The leader may grant it too.
            try PostgresTestCluster.store(db, as: "t_lea").grantDeputy(
                "t_dep", for: "t_anna", until: LocalDate(year: 2099, month: 1, day: 1)!)
            #expect(try PostgresTestCluster.store(db, as: "t_dep").load(id).id == id)
        }

        @Test("en administrator styrer hold og læser kun sager gennem en funktion, der logger læsningen; ændrer intet")
        func administrator() throws {
            let (db, id) = try setup()
            defer { PostgresTestCluster.drop(db) }
            let adm = try PostgresTestCluster.store(db, as: "t_adm")
            let reads =
                "SELECT count(*) FROM unge.log WHERE rolle = 't_adm' AND haendelse->>'action' = 'read' AND sag = $1"
            let su = try PostgresTestCluster.superConnection(database: db)
            #expect(try su.query(reads, [id.rawValue]).first?.first == "0")
            var c = try adm.load(id)
            #expect(c.id == id)
            #expect(try su.query(reads, [id.rawValue]).first?.first == "1")
            c.journal.append(JournalEntry(time: Self.now, author: "t_adm", text: "Administratorens notat."))
            #expect(throws: StoreError.accessRefused(id)) {
                try adm.save(c, expectedRevision: 1, now: Self.now, user: "t_adm", command: "notat")
            }
            #expect(try refusals(db, by: "t_adm") == 1)
            try adm.setMember("t_bo", team: "Nord", leader: false)
            #expect(try PostgresTestCluster.store(db, as: "t_bo").load(id).id == id)
            // A caseworker cannot manage teams.
            #expect(throws: StoreError.accessRefused(nil)) {
                try PostgresTestCluster.store(db, as: "t_anna").setMember("t_anna", team: "Syd", leader: true)
            }
        }

        @Test("en beskyttet sag ses kun af de navngivne; opslaget siger kun, at den findes, og hvem man kontakter")
        func restrictedAndLookup() throws {
            let (db, open) = try setup()
            defer { PostgresTestCluster.drop(db) }
            let anna = try PostgresTestCluster.store(db, as: "t_anna")
            let secret = try anna.create(
                Sample.caseFile(name: "Kendt Person"), year: 2026, now: Self.now, user: "t_anna", command: "ny",
                restrictedTo: ["t_anna"])
            let lea = try PostgresTestCluster.store(db, as: "t_lea")
            #expect(throws: StoreError.accessRefused(secret.id)) { try lea.load(secret.id) }
            let bo = try PostgresTestCluster.store(db, as: "t_bo")
            let found = try bo.find(cpr: Sample.cprDigits, nameKey: nil)
            #expect(found.map(\.id) == [open, secret.id])
            #expect(found[0].team == "Nord" && found[0].caseworker == "t_anna" && !found[0].mayOpen)
            #expect(found[1].restricted && found[1].team == nil && found[1].caseworker == nil)
            #expect(found[1].contacts == ["t_anna"])
            // The audit row holds the case numbers and a keyed hash, never the CPR number.
            let rows = try PostgresTestCluster.superConnection(database: db).query(
                "SELECT haendelse::text, viste::text FROM unge.log WHERE haendelse->>'command' = 'find'", [])
            #expect(rows.count == 1)
            let text = rows.map { ($0[0] ?? "") + ($0[1] ?? "") }.joined()
            #expect(!text.contains(Sample.cprDigits) && !text.contains("4321"))
            #expect(text.contains(secret.id.rawValue))
        }

        @Test(
            "sletning efter opbevaringsreglerne: sagen forsvinder, sporets personoplysninger fjernes, en gravsten står tilbage"
        )
        func deletion() throws {
            let (db, id) = try setup()
            defer { PostgresTestCluster.drop(db) }
            let anna = try PostgresTestCluster.store(db, as: "t_anna")
            try anna.update(id, now: Self.now, user: "t_anna", command: "notat") {
                $0.journal.append(JournalEntry(time: Self.now, author: "t_anna", text: "Notat."))
            }
            let tombstone = AuditEvent(
                time: Self.now, user: "t_anna", action: .delete, caseID: id, criterion: "opbevaringstiden er udløbet",
                command: "slet")
            // Another team's caseworker may not.
            #expect(throws: StoreError.accessRefused(id)) {
                try PostgresTestCluster.store(db, as: "t_bo").deleteCase(id, tombstone: tombstone)
            }
            #expect(try anna.caseExists(id))
            try anna.deleteCase(id, tombstone: tombstone)
            try anna.eraseAuditPersonalData(of: id, tombstone: tombstone)  // again: nothing more happens
            #expect(try !anna.caseExists(id))
            let su = try PostgresTestCluster.superConnection(database: db)
            let rows = try su.query(
                "SELECT haendelse->>'action', coalesce(haendelse->>'user', ''), haendelse ? 'salt', coalesce(haendelse->>'erased', ''), coalesce(haendelse->>'command', '') FROM unge.log WHERE sag = $1 ORDER BY nr",
                [id.rawValue])
            let tombstones = rows.filter { $0[0] == "delete" }
            #expect(tombstones.count == 1)
            #expect(tombstones.first?[1] == "t_anna" && tombstones.first?[2] == "t")
            let earlier = rows.filter { $0[0] != "delete" }
            #expect(earlier.count >= 2)
            // Erased as in the file store: user and command empty, no salt; digest and payloadHash kept.
            #expect(earlier.allSatisfy { $0[1] == "" && $0[2] == "f" && $0[3] == "true" && $0[4] == "" })
            // Outside the function the log stays append-only, even for the superuser.
            #expect(throws: PGError.self) {
                try su.query("UPDATE unge.log SET rolle = 'x' WHERE sag = $1", [id.rawValue])
            }
            #expect(throws: PGError.self) {
                try su.execute(
                    "BEGIN; SELECT set_config('unge.sletning', '\(id.rawValue)', true); UPDATE unge.log SET haendelse = '{}' WHERE sag = '\(id.rawValue)'; COMMIT;"
                )
            }
            _ = try? su.execute("ROLLBACK")
            #expect(throws: PGError.self) { try su.query("DELETE FROM unge.log WHERE sag = $1", [id.rawValue]) }
        }

        @Test("ingen loginrolle kan SELECT'e, ændre eller slette direkte i tabellerne")
        func noTablePrivileges() throws {
            let (db, _) = try setup()
            defer { PostgresTestCluster.drop(db) }
            let tables = try PostgresTestCluster.superConnection(database: db).query(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'unge' ORDER BY 1", []
            ).compactMap { $0[0] }
            #expect(tables.count >= 10)
            for (role, _) in PostgresTestCluster.roles {
                let c = try PGConnection(uri: PostgresTestCluster.uri(database: db, user: role), display: role)
                for t in tables {
                    for sql in ["SELECT * FROM unge.\(t) LIMIT 1", "DELETE FROM unge.\(t)"] {
                        do {
                            _ = try c.query(sql, [])
                            Issue.record("\(role): '\(sql)' was allowed")
                        } catch let e as PGError {
                            #expect(e.sqlState == "42501", "\(role): \(sql): \(e.message)")
                        }
                    }
                }
                // The internal functions are not theirs to call either.
                for sql in [
                    "SELECT unge.skriv_log('unge', NULL, NULL, '{}')", "SELECT unge.maa('2026-0001', 't_anna', true)",
                ] {
                    #expect(throws: PGError.self, "\(role): \(sql)") { try c.query(sql, []) }
                }
            }
            // Row-level security is on and forced on every table; the log refuses UPDATE even for its owner.
            let unforced = try PostgresTestCluster.superConnection(database: db).query(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'unge' AND c.relkind = 'r' AND NOT (c.relrowsecurity AND c.relforcerowsecurity)",
                [])
            #expect(unforced.isEmpty)
            let owner = try PostgresTestCluster.superConnection(database: db)
            // As the owner of the tables, row-level security gives UPDATE and DELETE no rows at all.
            try owner.execute("SET ROLE unge_ejer; UPDATE unge.log SET sag = 'x'; DELETE FROM unge.log; RESET ROLE")
            let rows = try owner.query("SELECT count(*) FILTER (WHERE sag = 'x'), count(*) FROM unge.log", []).first
            #expect(rows?[0] == "0")
            #expect(Int((rows?[1] ?? nil) ?? "0") ?? 0 > 0)
            #expect(throws: PGError.self) { try owner.query("UPDATE unge.log SET sag = 'x'", []) }
        }

        @Test("adgangsreglen og oversigten finder sagerne med registrets indeks, ikke ved at læse hele registret")
        func accessRuleUsesTheIndex() throws {
            let (db, id) = try setup()
            defer { PostgresTestCluster.drop(db) }
            let su = try PostgresTestCluster.superConnection(database: db)
            // With sequential scans priced out, a scan of the register or the cases is left only where no
            // index can answer the comparison (as when `unge.maa` compared the id under the role's
            // collation, "C", and read the whole register for every row it was asked about).
            func scans(_ sql: String, as role: String? = nil) throws -> [String: (seq: Int, idx: Int)] {
                try su.execute("BEGIN; SET LOCAL enable_seqscan = off")
                defer { _ = try? su.execute("ROLLBACK") }
                if let role { try su.execute("SET LOCAL SESSION AUTHORIZATION \(role)") }
                _ = try su.query(sql, [id.rawValue])
                if role != nil { try su.execute("RESET SESSION AUTHORIZATION") }
                let rows = try su.query(
                    "SELECT relname, seq_scan, coalesce(idx_scan, 0) FROM pg_stat_xact_user_tables WHERE schemaname = 'unge' AND relname IN ('sagsregister', 'sager')",
                    [])
                var out: [String: (seq: Int, idx: Int)] = [:]
                for r in rows {
                    out[r[0] ?? ""] = (Int(r[1] ?? "") ?? -1, Int(r[2] ?? "") ?? -1)
                }
                return out
            }
            let rule = try scans("SELECT unge.maa($1, 't_anna', false)")
            #expect(rule["sagsregister"]?.seq == 0)
            #expect((rule["sagsregister"]?.idx ?? 0) >= 1)
            let listing = try scans("SELECT count(*) FROM unge.oversigt('liste', false) WHERE id = $1", as: "t_anna")
            #expect(listing["sagsregister"]?.seq == 0)
            #expect(listing["sager"]?.seq == 0)
            #expect((listing["sager"]?.idx ?? 0) >= 1)
            let mine = try scans(
                "SELECT count(*) FROM unge.oversigt_udvalg('liste', true, NULL) WHERE id = $1", as: "t_anna")
            #expect(mine["sagsregister"]?.seq == 0)
            #expect(mine["sager"]?.seq == 0)
            #expect((mine["sager"]?.idx ?? 0) >= 1)
        }

        @Test("flere sager læst i ét kald: egne læses, andres afvises og logges, ukendte findes ikke; ét logget opslag")
        func readSeveral() throws {
            let (db, id) = try setup()
            defer { PostgresTestCluster.drop(db) }
            let bo = try PostgresTestCluster.store(db, as: "t_bo")
            let other = try bo.create(Sample.caseFile(), year: 2026, now: Self.now, user: "t_bo", command: "ny")
            let unknown = try #require(CaseID("2026-9999"))
            let anna = try PostgresTestCluster.store(db, as: "t_anna")
            let results = anna.loadMany([unknown, other.id, id])
            #expect(results.map(\.id) == [unknown, other.id, id])
            #expect(throws: StoreError.notFound(unknown)) { try results[0].result.get() }
            #expect(throws: StoreError.accessRefused(other.id)) { try results[1].result.get() }
            #expect(try results[2].result.get().id == id)
            #expect(try refusals(db, by: "t_anna") == 1)
            let su = try PostgresTestCluster.superConnection(database: db)
            let rows = try su.query(
                "SELECT viste::text FROM unge.log WHERE rolle = 't_anna' AND haendelse->>'action' = 'search'",
                [])
            #expect(rows.map { $0[0] } == ["{\(id.rawValue)}"])
            #expect(anna.loadMany([]).isEmpty)
        }

        @Test("en forbindelse, der fejler, giver en dansk besked uden adgangskode og slutkode 3")
        func connectionRefused() throws {
            do {
                _ = try PostgresStore(uri: "postgresql://t_anna:hemmelig@/ingen?host=/findes/ikke")
                Issue.record("connected")
            } catch let e as StoreError {
                #expect(e.exitCode == 3)
                #expect(!e.description.contains("hemmelig"))
                #expect(e.description.hasPrefix("Kunne ikke forbinde til teamlageret 'postgresql://t_anna:***@"))
            }
        }

        @Test("en forbindelse, der afbrydes undervejs, siger ikke 'intet er ændret', men at man skal se efter")
        func connectionLost() throws {
            let (db, id) = try setup()
            defer { PostgresTestCluster.drop(db) }
            let anna = try PostgresTestCluster.store(db, as: "t_anna")
            _ = try anna.load(id)
            // The server ends t_anna's session, as a crash or a restart of the server would.
            _ = try PostgresTestCluster.superConnection(database: db).query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 't_anna' AND datname = $1",
                [db])
            do {
                _ = try anna.update(
                    id, now: Self.now, user: "t_anna", command: "notat", action: .update, retryOnConflict: true
                ) { $0.journal.append(JournalEntry(time: Self.now, author: "t_anna", text: "Efter afbrydelsen")) }
                Issue.record("saved on a terminated connection")
            } catch let e as StoreError {
                guard case .connectionLost = e else {
                    Issue.record("expected connectionLost, got \(e)")
                    return
                }
                #expect(e.exitCode == 3)
                #expect(e.description.contains("blev afbrudt undervejs"))
                #expect(!e.description.contains("Intet er"))
            }
        }

        @Test("et ældre skema i databasen, eller et nyere, afvises med slutkode 3")
        func schemaVersion() throws {
            let (db, _) = try setup()
            defer { PostgresTestCluster.drop(db) }
            let su = try PostgresTestCluster.superConnection(database: db)
            _ = try su.query("UPDATE unge.skema SET version = version + 1", [])
            let newer = try PostgresTestCluster.store(db, as: "t_anna")
            #expect(throws: StoreError.self) { try newer.checkLayout() }
            #expect(
                throws: StoreError.databaseSchema(
                    location: newer.location, found: PostgresSchema.currentVersion + 1,
                    known: PostgresSchema.currentVersion)
            ) { try newer.checkLayout() }
        }
    }
#endif
