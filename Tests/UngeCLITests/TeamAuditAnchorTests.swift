#if PostgreSQL
    import Foundation
    import Testing

    @testable import UngeStore

    /// The team store's audit chains through the CLI: anchors, `log --kontroller` finding a chain's
    /// end cut off (exit 3), and `log --kopi` giving a copy an auditor checks without the database.
    extension TeamStoreEndToEndTests {
        @Test(
            "teamlageret: ankre i sporet; en afskåret kæde giver slutkode 3; kopien kontrolleres uden server med samme fund"
        )
        func anchorsAndCopyWithoutServer() throws {
            let db = try freshDatabase()
            defer { drop(db) }
            let anna = Self.uri(db, "t_anna")
            let admin = Self.uri(db, "t_adm")
            let su = try PGConnection(uri: Self.uri(db, "postgres"), display: db)
            #expect(try Unge.run(["demo", "--lager", anna]).status == 0)
            #expect(try Unge.run(["notat", "2026-0002", "Samtale.", "--lager", anna]).status == 0)
            // The hour is up: the next event anchors the chains.
            try su.execute("UPDATE unge.anker SET sidst = sidst - interval '2 hours'")
            #expect(try Unge.run(["notat", "2026-0002", "Opfølgning.", "--lager", anna]).status == 0)
            #expect(try Unge.run(["notat", "2026-0002", "Endnu et.", "--lager", anna]).status == 0)
            let fine = try Unge.run(["log", "--kontroller", "--lager", admin])
            #expect(fine.status == 0, "\(fine.stdout) \(fine.stderr)")
            #expect(!fine.stdout.contains(" 0 ankre"), "\(fine.stdout)")

            // Only an administrator copies the whole log; the refusal writes nothing.
            let out = Unge.tempRoot.appendingPathComponent("revision-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(
                at: out, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let refused = try Unge.run(["log", "--kopi", "--ud", out.appendingPathComponent("a").path, "--lager", anna])
            #expect(refused.status == 4, "\(refused.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("a").path))
            let before = out.appendingPathComponent("foer")
            let copied = try Unge.run(["log", "--kopi", "--ud", before.path, "--lager", admin])
            #expect(copied.status == 0, "\(copied.stderr)")

            // The last event of case 2026-0002 cut off, past the append-only trigger.
            try su.execute(
                "ALTER TABLE unge.log DISABLE TRIGGER USER; DELETE FROM unge.log WHERE nr = (SELECT max(nr) FROM unge.log WHERE kaede = '2026-0002'); ALTER TABLE unge.log ENABLE TRIGGER USER;"
            )
            let broken = try Unge.run(["log", "--kontroller", "--lager", admin])
            #expect(broken.status == 3, "\(broken.stdout) \(broken.stderr)")
            #expect(
                broken.stderr.contains("Revisionssporet er brudt. Første fejl: kæden '2026-0002'"), "\(broken.stderr)")
            #expect(broken.stderr.contains("de sidste hændelser er slettet"), "\(broken.stderr)")
            let after = out.appendingPathComponent("efter")
            #expect(try Unge.run(["log", "--kopi", "--ud", after.path, "--lager", admin]).status == 0)

            // Without the server: the copies alone.
            drop(db)
            let good = try Unge.run(["log", "--kontroller", "--lager", before.path])
            #expect(good.status == 0, "\(good.stdout) \(good.stderr)")
            #expect(good.stdout.contains("Revisionssporet er i orden"), "\(good.stdout)")
            let bad = try Unge.run(["log", "--kontroller", "--lager", after.path])
            #expect(bad.status == 3, "\(bad.stdout) \(bad.stderr)")
            #expect(bad.stderr.contains("de sidste hændelser er slettet"), "\(bad.stderr)")
        }
    }
#endif
