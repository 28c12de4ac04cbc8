#if PostgreSQL
    import Foundation
    import Testing

    @testable import UngeStore

    /// The CLI against the team store (`--lager postgresql://…`), run as real database roles on the
    /// throw-away cluster of `UNGE_TEST_PG_URI` (see `.ci/run`).
    @Suite(
        "Teamlageret (ende til ende)", .serialized,
        .enabled(if: !(ProcessInfo.processInfo.environment["UNGE_TEST_PG_URI"] ?? "").isEmpty))
    struct TeamStoreEndToEndTests {
        static func uri(_ database: String, _ user: String) -> String {
            var c = URLComponents(string: ProcessInfo.processInfo.environment["UNGE_TEST_PG_URI"]!)!
            c.path = "/" + database
            c.queryItems = (c.queryItems ?? []).filter { $0.name != "user" } + [URLQueryItem(name: "user", value: user)]
            return c.string!
        }

        /// A fresh database made with `unge lager init`, the roles t_anna (team Nord) and t_bo (team Syd).
        func freshDatabase() throws -> String {
            let name = "unge_e2e_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(10).lowercased()
            let su = try PGConnection(uri: Self.uri("postgres", "postgres"), display: "postgres")
            _ = try su.query("CREATE DATABASE \(name)", [])
            let r = try Unge.run(["lager", "init", Self.uri(name, "postgres")])
            #expect(r.status == 0, "\(r.stderr)")
            let db = try PGConnection(uri: Self.uri(name, "postgres"), display: name)
            for role in ["t_anna", "t_bo", "t_adm"] {
                try db.execute(
                    "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(role)') THEN CREATE ROLE \(role) LOGIN; END IF; END $$;"
                )
            }
            try db.execute("GRANT unge_sagsbehandler TO t_anna, t_bo; GRANT unge_admin TO t_adm;")
            for (role, team) in [("t_anna", "Nord"), ("t_bo", "Syd")] {
                let m = try Unge.run(["lager", "medlem", role, "--hold", team, "--lager", Self.uri(name, "t_adm")])
                #expect(m.status == 0, "\(m.stderr)")
            }
            return name
        }

        func drop(_ name: String) {
            _ = try? PGConnection(uri: Self.uri("postgres", "postgres"), display: "postgres")
                .query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", [])
        }

        @Test("demo-sagerne i teamlageret: liste --json som i fillageret; notat, vis og log virker")
        func demoAndListing() throws {
            let db = try freshDatabase()
            defer { drop(db) }
            let anna = Self.uri(db, "t_anna")
            let demo = try Unge.run(["demo", "--lager", anna])
            #expect(demo.status == 0, "\(demo.stderr)")
            let folder = Unge.emptyStore()
            #expect(try Unge.run(["demo"], store: folder).status == 0)
            let fromDB = try Unge.run(["liste", "--json", "--lager", anna])
            let fromFiles = try Unge.run(["liste", "--json"], store: folder)
            #expect(fromDB.status == 0, "\(fromDB.stderr)")
            #expect(fromDB.stdout == fromFiles.stdout)
            let note = try Unge.run(["notat", "2026-0001", "'; DROP TABLE unge.sager; --", "--lager", anna])
            #expect(note.status == 0, "\(note.stderr)")
            let shown = try Unge.run(["vis", "2026-0001", "--json", "--lager", anna])
            #expect(shown.stdout.contains("'; DROP TABLE unge.sager; --"))
            let log = try Unge.run(["log", "2026-0001", "--lager", anna])
            #expect(log.stdout.contains("t_anna ændrede sagen med 'unge notat'"), "\(log.stdout)")
        }

        @Test("en anden holds sagsbehandler får slutkode 4; et --bruger, der ikke er rollen, slutkode 2")
        func refused() throws {
            let db = try freshDatabase()
            defer { drop(db) }
            let made = try Unge.run(
                ["ny", "--navn", "Testa Test", "--foedselsdato", "2010-01-01", "--lager", Self.uri(db, "t_anna")])
            #expect(made.status == 0, "\(made.stderr)")
            let bo = try Unge.run(["vis", "2026-0001", "--lager", Self.uri(db, "t_bo")])
            #expect(bo.status == 4)
            #expect(bo.stderr.contains("Du har ikke adgang til sag 2026-0001"))
            #expect(bo.stdout.isEmpty)
            let other = try Unge.run(["notat", "2026-0001", "x", "--bruger", "t_bo", "--lager", Self.uri(db, "t_anna")])
            #expect(other.status == 2)
            let unsupported = try Unge.run(
                ["stedfortraeder", "t_bo", "--for", "t_anna", "--til", "2099-01-01"], store: Unge.emptyStore())
            #expect(unsupported.status == 3)
        }

        @Test("statistik i teamlageret: holdets tal, --team for et andet hold giver slutkode 2 og står i sporet")
        func statistics() throws {
            let db = try freshDatabase()
            defer { drop(db) }
            let anna = Self.uri(db, "t_anna")
            #expect(try Unge.run(["demo", "--lager", anna]).status == 0)
            let page = try Unge.run(["statistik", "--fra", "2026-01-01", "--til", "2026-12-31", "--lager", anna])
            #expect(page.status == 0, "\(page.stderr)")
            #expect(page.stdout.contains("alle sager, du har adgang til"))
            #expect(page.stdout.contains("Underretninger i alt"))
            let team = try Unge.run(
                ["statistik", "--team", "Nord", "--format", "json", "--fra", "2026-01-01", "--lager", anna])
            #expect(team.status == 0, "\(team.stderr)")
            #expect(team.stdout.contains("teamet Nord"))
            let other = try Unge.run(["statistik", "--team", "Nord", "--lager", Self.uri(db, "t_bo")])
            #expect(other.status == 2)
            #expect(other.stderr.contains("Du er ikke med på teamet 'Nord'"), "\(other.stderr)")
            #expect(other.stdout.isEmpty)
            let empty = try Unge.run([
                "statistik", "--fra", "2026-01-01", "--til", "2026-12-31", "--lager", Self.uri(db, "t_bo"),
            ])
            #expect(empty.status == 0, "\(empty.stderr)")
            let su = try PGConnection(uri: Self.uri(db, "postgres"), display: db)
            let refused = try su.query(
                "SELECT count(*) FROM unge.log WHERE rolle = 't_bo' AND haendelse->>'action' = 'refused' AND haendelse->>'criterion' = 'hold Nord'",
                [])
            #expect(refused.first?[0] == "1")
        }
    }
#endif
