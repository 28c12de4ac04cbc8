#if PostgreSQL
    import Foundation
    import Testing
    import UngeCore

    @testable import UngeStore

    /// The audit table's chains on the team store (issue 22, point 5): recorded heads, anchor events
    /// written by the database, and `log --kontroller` finding each kind of tampering a superuser can do
    /// past the append-only trigger. (An extension of the access suite, so CI's filter runs it.)
    extension PostgresAccessTests {
        /// Two cases of t_anna's, each with a chain of four events (created, three notes), and the
        /// administrator's store.
        func chainWorld() throws -> (db: String, ids: [CaseID], anna: PostgresStore, admin: PostgresStore) {
            let db = try PostgresTestCluster.freshDatabase()
            let anna = try PostgresTestCluster.store(db, as: "t_anna")
            var ids: [CaseID] = []
            for name in ["Testa Testesen", "Bente Prøve"] {
                var c = try anna.create(
                    Sample.caseFile(name: name), year: 2026, now: Self.now, user: "t_anna", command: "ny")
                for n in 1...3 {
                    c.journal.append(JournalEntry(time: Self.now, author: "t_anna", text: "Notat \(n)."))
                    c = try anna.save(c, expectedRevision: c.revision, now: Self.now, user: "t_anna", command: "notat")
                }
                ids.append(c.id)
            }
            return (db, ids, anna, try PostgresTestCluster.store(db, as: "t_adm"))
        }

        /// Runs `sql` as the superuser with the audit table's triggers off (the only way past the
        /// append-only trigger), as someone editing the database by hand would.
        func tamper(_ db: String, _ sql: String) throws {
            try PostgresTestCluster.superConnection(database: db).execute(
                "ALTER TABLE unge.log DISABLE TRIGGER USER; \(sql); ALTER TABLE unge.log ENABLE TRIGGER USER;")
        }

        /// Makes the anchor clock due, so the next event writes an anchor.
        func anchorDue(_ db: String) throws {
            try PostgresTestCluster.superConnection(database: db).execute(
                "UPDATE unge.anker SET sidst = sidst - interval '2 hours'")
        }

        func count(_ db: String, _ sql: String) throws -> Int {
            let rows = try PostgresTestCluster.superConnection(database: db).query(sql, [])
            return Int((rows.first?.first ?? nil) ?? "0") ?? 0
        }

        /// A note on case `id` by t_anna.
        func note(_ anna: PostgresStore, _ id: CaseID, _ text: String) throws {
            var c = try anna.load(id)
            c.journal.append(JournalEntry(time: Self.now, author: "t_anna", text: text))
            _ = try anna.save(c, expectedRevision: c.revision, now: Self.now, user: "t_anna", command: "notat")
        }

        @Test("databasen skriver et anker med kædernes hoveder, når timen er gået; kontrollen tæller ankrene")
        func anchorsWritten() throws {
            let w = try chainWorld()
            defer { PostgresTestCluster.drop(w.db) }
            #expect(try count(w.db, "SELECT count(*) FROM unge.log WHERE haendelse->>'action' = 'anchor'") == 0)
            let before = try w.admin.verifyAuditLog()
            #expect(before.intact, "\(before.breaks)")
            #expect(before.anchorEntries == 0)
            try anchorDue(w.db)
            try note(w.anna, w.ids[0], "Efter en time.")
            let anchors = try PostgresTestCluster.superConnection(database: w.db).query(
                "SELECT haendelse->'anchors', kaede, haendelse->>'time' FROM unge.log WHERE haendelse->>'action' = 'anchor'",
                [])
            try #require(anchors.count == 1)
            #expect(anchors[0][1] == "alle")
            // The anchor takes the time of the event that found the hour up (a folder's rule too).
            #expect(anchors[0][2] == UngeJSON.formatTimestamp(Self.now))
            let entries = anchors[0][0] ?? ""
            // Both cases' heads, the newest event included.
            #expect(entries.contains("\(w.ids[0].rawValue) 5 "), "\(entries)")
            #expect(entries.contains("\(w.ids[1].rawValue) "), "\(entries)")
            // Not again within the hour.
            try note(w.anna, w.ids[1], "Lidt senere.")
            #expect(try count(w.db, "SELECT count(*) FROM unge.log WHERE haendelse->>'action' = 'anchor'") == 1)
            let v = try w.admin.verifyAuditLog()
            #expect(v.intact, "\(v.breaks)")
            #expect(v.anchorEntries >= 2)
            // The next anchor holds only the chains changed since the last one.
            try anchorDue(w.db)
            try note(w.anna, w.ids[0], "Igen en time senere.")
            let second = try PostgresTestCluster.superConnection(database: w.db).query(
                "SELECT haendelse->'anchors' FROM unge.log WHERE haendelse->>'action' = 'anchor' ORDER BY nr DESC LIMIT 1",
                [])
            let next = (second.first?.first ?? nil) ?? ""
            #expect(next.contains(w.ids[0].rawValue) && next.contains(w.ids[1].rawValue), "\(next)")
            #expect(try w.admin.verifyAuditLog().intact)
            // Only an administrator checks (and copies) the whole log.
            #expect(throws: StoreError.accessRefused(nil)) { try w.anna.verifyAuditLog() }
            #expect(throws: StoreError.accessRefused(nil)) { try w.anna.auditLogCopy() }
        }

        /// One way to tamper with the audit table, and what the first break must say.
        struct Tampering: Sendable, CustomStringConvertible {
            var description: String
            /// SQL run as the superuser past the triggers; `$1` is replaced by the first case's id.
            var sql: String
            /// Anchor before tampering (the heads edited too, so only the anchor can tell).
            var anchored = false
            var expected: String
        }

        static let tamperings: [Tampering] = [
            Tampering(
                description: "en ændret hændelse",
                sql:
                    "UPDATE unge.log SET haendelse = jsonb_set(haendelse, '{command}', '\"vis\"') WHERE kaede = '$1' AND loebenr = 3",
                expected: "hændelsens indhold er ændret"),
            Tampering(
                description: "en slettet hændelse",
                sql: "DELETE FROM unge.log WHERE kaede = '$1' AND loebenr = 2",
                expected: "hændelse nr. 2 i kæden '$1' mangler (slettet)"),
            Tampering(
                description: "to hændelser byttet om",
                sql: """
                    UPDATE unge.log l SET haendelse = o.haendelse FROM unge.log o
                    WHERE l.kaede = '$1' AND o.kaede = '$1' AND l.loebenr IN (2, 3) AND o.loebenr = 5 - l.loebenr
                    """,
                expected: "byttet om"),
            Tampering(
                description: "en indsat hændelse, rigtigt kædet efter den sidste",
                sql: """
                    INSERT INTO unge.log (kilde, sag, haendelse, kaede, loebenr)
                    SELECT 'unge', '$1', h || jsonb_build_object('digest', encode(sha256(convert_to(unge.kaede_hoved(h), 'UTF8')), 'hex')), '$1', 5
                    FROM (SELECT (haendelse - 'digest') || jsonb_build_object('seq', 5, 'prev', haendelse->>'digest') AS h
                          FROM unge.log WHERE kaede = '$1' AND loebenr = 4) x
                    """,
                expected: "kæden har hændelser efter sit hoved (nr. 4)"),
            Tampering(
                description: "kædens ende skåret af",
                sql: "DELETE FROM unge.log WHERE kaede = '$1' AND loebenr >= 3",
                expected: "kæden slutter ved nr. 2, men dens hoved siger nr. 4 (de sidste hændelser er slettet)"),
            Tampering(
                description: "kædens ende skåret af og hovedet rettet, efter et anker",
                sql: """
                    DELETE FROM unge.log WHERE kaede = '$1' AND loebenr >= 4;
                    UPDATE unge.kaedehoved SET loebenr = 3, digest = (SELECT haendelse->>'digest' FROM unge.log WHERE kaede = '$1' AND loebenr = 3) WHERE kaede = '$1'
                    """,
                anchored: true,
                expected: "ankeret kræver hændelse nr. 4 i kæden '$1', og den findes ikke som skrevet"),
        ]

        @Test(
            "log --kontroller finder hver ændring i revisionstabellen, også i en kopi uden server",
            arguments: tamperings)
        func tamperingFound(_ t: Tampering) throws {
            let w = try chainWorld()
            defer { PostgresTestCluster.drop(w.db) }
            let id = w.ids[0].rawValue
            if t.anchored {
                try anchorDue(w.db)
                try note(w.anna, w.ids[1], "Et anker over begge kæder.")
                #expect(try count(w.db, "SELECT count(*) FROM unge.log WHERE haendelse->>'action' = 'anchor'") == 1)
            }
            #expect(try w.admin.verifyAuditLog().intact)
            #expect(try count(w.db, "SELECT loebenr FROM unge.kaedehoved WHERE kaede = '\(id)'") == 4)
            try tamper(w.db, t.sql.replacingOccurrences(of: "$1", with: id))
            let v = try w.admin.verifyAuditLog()
            let expected = t.expected.replacingOccurrences(of: "$1", with: id)
            let first = try #require(v.breaks.first)
            // The first break named is the tampering itself.
            #expect(first.reason.contains(expected), "\(v.breaks)")

            // The exported copy, checked like a folder, finds it too.
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "unge-ankre-\(UUID().uuidString.prefix(8))")
            defer { try? FileManager.default.removeItem(at: folder) }
            let written = try w.admin.auditLogCopy().write(to: folder.path, storeRoot: nil)
            #expect(written > 0)
            let copied = try AuditVerifier.verify(root: folder.path)
            #expect(!copied.intact, "\(t.description)")
        }

        @Test("en kopi af revisionstabellen er intakt uden server, også efter en lovlig sletning og et anker")
        func copyAndLawfulDeletion() throws {
            let w = try chainWorld()
            defer { PostgresTestCluster.drop(w.db) }
            try anchorDue(w.db)
            try note(w.anna, w.ids[1], "Et anker over begge kæder.")
            var tomb = AuditEvent(
                time: Self.now, user: "t_adm", action: .delete, caseID: w.ids[0],
                criterion: "opbevaringsperioden udløb",
                command: "slet")
            tomb.revisionBefore = 4  // created, three notes
            try w.admin.deleteCase(w.ids[0], tombstone: tomb)
            let v = try w.admin.verifyAuditLog()
            #expect(v.intact, "\(v.breaks)")
            #expect(v.erasedEvents > 0)
            #expect(v.anchorEntries >= 2)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "unge-ankre-\(UUID().uuidString.prefix(8))")
            defer { try? FileManager.default.removeItem(at: folder) }
            try w.admin.auditLogCopy().write(to: folder.path, storeRoot: nil)
            PostgresTestCluster.drop(w.db)  // no server behind the copy
            let copied = try AuditVerifier.verify(root: folder.path)
            #expect(copied.intact, "\(copied.breaks)")
            #expect(copied.chainedEvents == v.chainedEvents)
            #expect(copied.anchorEntries == v.anchorEntries)
            #expect(copied.erasedEvents == v.erasedEvents)
            // Nothing of the deleted case's payload is in the copy.
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
            for f in files where f.hasSuffix(".json") && f.contains(w.ids[0].rawValue) {
                let text = try String(contentsOf: folder.appendingPathComponent(f), encoding: .utf8)
                #expect(!text.contains("t_anna"), "\(f)")
            }
        }

        @Test("ankeret venter aldrig: skrivere til andre sager og et ankers forsøg går forbi en åben transaktion")
        func anchoringNeverWaits() throws {
            let w = try chainWorld()
            defer { PostgresTestCluster.drop(w.db) }
            let event = { (id: String) in
                "SELECT unge.skriv_log('unge', '\(id)', NULL, '{\"schemaVersion\": 1, \"time\": \"2026-04-12T13:20:00Z\", \"action\": \"read\", \"caseID\": \"\(id)\", \"command\": \"vis\"}'::jsonb)"
            }
            // One transaction writes to case 1 and to the chain 'alle' and stays open.
            let holder = try PostgresTestCluster.superConnection(database: w.db)
            try holder.execute(
                "BEGIN; \(event(w.ids[0].rawValue)); SELECT unge.skriv_log('unge', NULL, NULL, '{\"schemaVersion\": 1, \"time\": \"2026-04-12T13:20:00Z\", \"action\": \"search\", \"command\": \"liste\"}'::jsonb);"
            )
            try anchorDue(w.db)
            // Another writes to case 2 with the anchor due: neither its chain nor the anchor waits.
            let other = try PostgresTestCluster.superConnection(database: w.db)
            try other.execute("SET statement_timeout = '10s'; \(event(w.ids[1].rawValue))")
            #expect(try count(w.db, "SELECT count(*) FROM unge.log WHERE haendelse->>'action' = 'anchor'") == 0)
            try holder.execute("COMMIT")
            // The next event anchors.
            try other.execute(event(w.ids[1].rawValue))
            #expect(try count(w.db, "SELECT count(*) FROM unge.log WHERE haendelse->>'action' = 'anchor'") == 1)
            #expect(try w.admin.verifyAuditLog().intact)
        }
    }
#endif
