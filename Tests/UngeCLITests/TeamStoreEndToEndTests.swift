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

        /// The role t_lea, a caseworker and leader of team Nord.
        func addLeader(_ db: String) throws {
            let su = try PGConnection(uri: Self.uri(db, "postgres"), display: db)
            try su.execute(
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 't_lea') THEN CREATE ROLE t_lea LOGIN; END IF; END $$; GRANT unge_sagsbehandler, unge_teamleder TO t_lea;"
            )
            #expect(
                try Unge.run([
                    "lager", "medlem", "t_lea", "--hold", "Nord", "--leder", "--lager", Self.uri(db, "t_adm"),
                ]).status == 0)
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
            #expect(try Unge.run(["demo"], store: folder, env: ["UNGE_BRUGER": "t_anna"]).status == 0)
            let fromDB = try Unge.run(["liste", "--json", "--lager", anna])
            let fromFiles = try Unge.run(["liste", "--json"], store: folder, env: ["UNGE_BRUGER": "t_anna"])
            #expect(fromDB.status == 0, "\(fromDB.stderr)")
            // The same listing: a case keeps the caseworker its document names; one without gets the user
            // who put it in (t_anna, in both stores).
            #expect(fromDB.stdout == fromFiles.stdout)
            let note = try Unge.run(["notat", "2026-0001", "'; DROP TABLE unge.sager; --", "--lager", anna])
            #expect(note.status == 0, "\(note.stderr)")
            let shown = try Unge.run(["vis", "2026-0001", "--json", "--lager", anna])
            #expect(shown.stdout.contains("'; DROP TABLE unge.sager; --"))
            let log = try Unge.run(["log", "2026-0001", "--lager", anna])
            #expect(log.stdout.contains("t_anna skrev et notat (revision 1 til 2)"), "\(log.stdout)")
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

        @Test(
            "lager flyt: fixture-lageret flyttet ind giver samme liste --json og log, kan genstartes, og flyttes tilbage"
        )
        func moveRoundTrip() throws {
            let db = try freshDatabase()
            defer { drop(db) }
            let folder = try Unge.fixtureStore()
            let before = ["UNGE_NU": "2026-08-20T09:15:00Z", "UNGE_BRUGER": "t_anna"]
            #expect(
                try Unge.run(["notat", "2026-0001", "Samtale med den unge."], store: folder, env: before).status == 0)
            #expect(try Unge.run(["liste"], store: folder, env: before).status == 0)
            #expect(try Unge.run(["vis", "2026-0002"], store: folder, env: before).status == 0)
            let me = ["UNGE_BRUGER": "t_anna"]
            func outputs(_ args: [String]) throws -> [String] {
                var out: [String] = []
                for a in [
                    ["liste", "--json"], ["log", "2026-0001", "--til", "2026-08-31"],
                    ["log", "2026-0002", "--til", "2026-08-31"],
                ] {
                    let r = try Unge.run(a + args, env: me)
                    #expect(r.status == 0, "\(a) \(r.stderr)")
                    out.append(r.stdout)
                }
                return out
            }
            let fileOutput = try outputs(["--lager", folder.path])
            #expect(fileOutput[1].contains("Samtale") == false)
            #expect(fileOutput[1].contains("skrev et notat (revision 1 til 2)"), "\(fileOutput[1])")
            let map = Unge.tempRoot.appendingPathComponent("kort-\(UUID().uuidString.prefix(8)).txt")
            try "# bruger;rolle;hold\ntestbruger;t_anna;Nord\n*;t_anna;Nord\n".write(
                to: map, atomically: true, encoding: .utf8)
            let admin = Self.uri(db, "t_adm")

            // Only an administrator moves a store in.
            let refused = try Unge.run([
                "lager", "flyt", "--fra", folder.path, "--til", Self.uri(db, "t_anna"), "--brugere", map.path,
            ])
            #expect(refused.status == 4, "\(refused.stderr)")
            let moved = try Unge.run(["lager", "flyt", "--fra", folder.path, "--til", admin, "--brugere", map.path])
            #expect(moved.status == 0, "\(moved.stderr)")
            #expect(moved.stdout.contains("14 sager (14 flyttet nu, 0 var der i forvejen)"), "\(moved.stdout)")
            #expect(try outputs(["--lager", Self.uri(db, "t_anna")]) == fileOutput)

            // Restartable: a second run finds everything in place and copies nothing twice.
            let again = try Unge.run(["lager", "flyt", "--fra", folder.path, "--til", admin, "--brugere", map.path])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout.contains("(0 flyttet nu, 14 var der i forvejen)"), "\(again.stdout)")
            #expect(try outputs(["--lager", Self.uri(db, "t_anna")]) == fileOutput)

            // A target with cases of its own is refused unless --tilfoej.
            let other = try freshDatabase()
            defer { drop(other) }
            #expect(
                try Unge.run(
                    ["ny", "--navn", "Anden Sag", "--foedselsdato", "2011-02-03", "--lager", Self.uri(other, "t_bo")]
                ).status == 0)
            let full = try Unge.run([
                "lager", "flyt", "--fra", folder.path, "--til", Self.uri(other, "t_adm"), "--brugere", map.path,
            ])
            // (its one case has the number 2026-0001 too: refused however it is told)
            #expect(full.status == 3)
            #expect(full.stderr.contains("2026-0001 findes allerede"), "\(full.stderr)")
            let still = try Unge.run(["liste", "--json", "--lager", Self.uri(other, "t_bo")])
            #expect(still.stdout.contains("Anden Sag") && !still.stdout.contains("2026-0002"))

            // And back to a folder: the same listing and trail.
            let back = Unge.emptyStore()
            let out = try Unge.run(["lager", "flyt", "--fra", admin, "--til", back.path])
            #expect(out.status == 0, "\(out.stderr)")
            let backOutput = try outputs(["--lager", back.path])
            for (got, want) in zip(backOutput, fileOutput) { #expect(got == want) }
            // The moved trail is chained anew in the folder and verifies.
            let verified = try Unge.run(["log", "--kontroller"], store: back, env: me)
            #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")
            let files = try FileManager.default.contentsOfDirectory(atPath: back.appendingPathComponent("sager").path)
            #expect(files.filter { $0.hasSuffix(".json") }.count == 14)
        }

        @Test(
            "beskyttet sag: kun de navngivne ser den; find fortæller dem, hvem der søgte; liste --mine og frister --team"
        )
        func restrictedMineAndTeam() throws {
            let db = try freshDatabase()
            defer { drop(db) }
            try addLeader(db)
            let anna = Self.uri(db, "t_anna")
            // The demo cases (with deadlines) are Anna's, on Nord.
            #expect(try Unge.run(["demo", "--lager", anna]).status == 0)
            func made(_ r: Unge.Result) throws -> String {
                #expect(r.status == 0, "\(r.stderr)")
                let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
                return try #require(object?["id"] as? String)
            }
            let secret = try made(
                Unge.run(
                    [
                        "ny", "--navn", "Kendt Person", "--cpr", "010110-4321", "--beskyttet", "--adgang", "t_bo",
                        "--json",
                        "--lager", anna,
                    ]))
            let leas = try made(
                Unge.run([
                    "ny", "--navn", "Leas Sag", "--foedselsdato", "2011-01-01", "--json", "--lager",
                    Self.uri(db, "t_lea"),
                ]))

            // Only the named users (Anna, who made it, and Bo) open the restricted case; Anna's leader does not.
            #expect(try Unge.run(["vis", secret, "--lager", Self.uri(db, "t_bo")]).status == 0)
            let lea = try Unge.run(["vis", secret, "--lager", Self.uri(db, "t_lea")])
            #expect(lea.status == 4)
            let shown = try Unge.run(["vis", secret, "--lager", anna])
            #expect(shown.stdout.contains("Beskyttet sag:") && shown.stdout.contains("kan se sagen"), "\(shown.stdout)")

            // Lea's lookup finds it without opening it; Anna and Bo are told once, on their next listing.
            let found = try Unge.run(["find", "--cpr", "010110-4321", "--lager", Self.uri(db, "t_lea")])
            #expect(found.status == 0, "\(found.stderr)")
            #expect(
                found.stdout.contains("En beskyttet sag passer. Kontakt t_anna, t_bo; de får besked"), "\(found.stdout)"
            )
            #expect(!found.stdout.contains(secret))
            let told = try Unge.run(["liste", "--json", "--lager", anna])
            #expect(told.stderr.contains("Besked: t_lea søgte"), "\(told.stderr)")
            #expect(told.stderr.contains(secret))
            #expect(!(try Unge.run(["liste", "--lager", anna]).stderr.contains("Besked")))
            #expect(try Unge.run(["frister", "--lager", Self.uri(db, "t_bo")]).stderr.contains("Besked: t_lea søgte"))

            // --mine: the register's caseworker, chosen in the database.
            let mine = try Unge.run(["liste", "--mine", "--json", "--lager", anna])
            #expect(mine.status == 0, "\(mine.stderr)")
            #expect(mine.stdout.contains(secret) && !mine.stdout.contains(leas))
            #expect(try Unge.run(["liste", "--json", "--lager", anna]).stdout.contains(leas))

            // --team: the leader sees the team's deadlines (not the restricted case); an unknown team is bad input.
            let all = try Unge.run(["frister", "--json", "--lager", anna])
            let team = try Unge.run(["frister", "--team", "Nord", "--json", "--lager", Self.uri(db, "t_lea")])
            #expect(team.status == 0, "\(team.stderr)")
            #expect(team.stdout.contains("2026-0002") && team.stdout == all.stdout)
            let syd = try Unge.run(["frister", "--team", "Syd", "--json", "--lager", Self.uri(db, "t_lea")])
            #expect(syd.status == 0 && !syd.stdout.contains("2026-0002"), "\(syd.stdout)")
            #expect(try Unge.run(["frister", "--team", "Øst", "--lager", Self.uri(db, "t_lea")]).status == 2)
        }

        @Test("overdrag: holdets leder overdrager en kollegas sag (dokument og register sammen); andre får slutkode 4")
        func leaderHandsOver() throws {
            let db = try freshDatabase()
            defer { drop(db) }
            try addLeader(db)
            let anna = Self.uri(db, "t_anna")
            for (name, born) in [("Første Sag", "2011-01-01"), ("Anden Person", "2010-05-05")] {
                let made = try Unge.run(["ny", "--navn", name, "--foedselsdato", born, "--lager", anna])
                #expect(made.status == 0, "\(made.stderr)")
            }
            // Bo (team Syd) may not hand over Anna's case; nothing changes.
            let refused = try Unge.run(["overdrag", "2026-0002", "--til", "t_bo", "--lager", Self.uri(db, "t_bo")])
            #expect(refused.status == 4, "\(refused.stderr)")
            // Anna's leader may: the document and the register change together.
            let moved = try Unge.run([
                "overdrag", "2026-0001", "--til", "t_bo", "--grund", "Anna går på barsel", "--lager",
                Self.uri(db, "t_lea"),
            ])
            #expect(moved.status == 0, "\(moved.stderr)")
            let card = try Unge.run(["vis", "2026-0001", "--json", "--lager", Self.uri(db, "t_bo")])
            #expect(card.status == 0, "\(card.stderr)")
            #expect(card.stdout.contains("\"caseworker\" : \"t_bo\""))
            #expect(card.stdout.contains("Anna går på barsel"))
            let bos = try Unge.run(["liste", "--mine", "--json", "--lager", Self.uri(db, "t_bo")])
            #expect(bos.stdout.contains("2026-0001") && !bos.stdout.contains("2026-0002"), "\(bos.stdout)")
            // The case followed Bo to team Syd: Anna no longer opens it.
            #expect(try Unge.run(["vis", "2026-0001", "--lager", anna]).status == 4)
            let kept = try Unge.run(["vis", "2026-0002", "--json", "--lager", anna])
            #expect(kept.stdout.contains("\"caseworker\" : \"t_anna\""))
        }

        @Test(
            "revisionssporet i databasen er kæder: log --kontroller finder en ændret række; en sletning bryder dem ikke"
        )
        func auditChains() throws {
            let db = try freshDatabase()
            defer { drop(db) }
            let anna = Self.uri(db, "t_anna")
            let admin = Self.uri(db, "t_adm")
            #expect(try Unge.run(["demo", "--lager", anna]).status == 0)
            #expect(try Unge.run(["notat", "2026-0002", "Samtale med Malik.", "--lager", anna]).status == 0)
            #expect(try Unge.run(["vis", "2026-0002", "--lager", anna]).status == 0)
            #expect(try Unge.run(["liste", "--lager", anna]).status == 0)
            // Searches whose typed terms point at the case (one shows it alone, one with others).
            #expect(try Unge.run(["liste", "--soeg", "Malik", "--lager", anna]).stdout.contains("2026-0002"))
            let wide = try Unge.run(["liste", "--soeg", "Hassan Jensen", "--lager", anna])
            #expect(wide.status == 0)
            #expect(try Unge.run(["liste", "--soeg", "sen", "--lager", anna]).stdout.contains("2026-0002"))
            // Only an administrator reads the whole log.
            #expect(try Unge.run(["log", "--kontroller", "--lager", anna]).status == 4)
            let fine = try Unge.run(["log", "--kontroller", "--lager", admin])
            #expect(fine.status == 0, "\(fine.stdout) \(fine.stderr)")
            #expect(fine.stdout.contains("Revisionssporet er i orden"), "\(fine.stdout)")

            // A lawful deletion removes the payload and keeps the chain.
            let su = try PGConnection(uri: Self.uri(db, "postgres"), display: db)
            let erased = try PGConnection(uri: admin, display: db).query(
                "SELECT unge.slet_sag('2026-0002', '{\"schemaVersion\": 1, \"time\": \"2026-09-02T10:00:00Z\", \"action\": \"delete\", \"caseID\": \"2026-0002\", \"command\": \"slet\", \"user\": \"t_adm\", \"criterion\": \"opbevaringsperioden udløb\"}')",
                [])
            #expect(erased.first?[0] == "ok")
            let after = try Unge.run(["log", "--kontroller", "--lager", admin])
            #expect(after.status == 0, "\(after.stdout) \(after.stderr)")
            #expect(after.stdout.contains("har fået personoplysningerne slettet"), "\(after.stdout)")
            let left = try su.query(
                "SELECT count(*) FROM unge.log WHERE sag = '2026-0002' AND haendelse::text LIKE '%t_anna%'", [])
            #expect(left.first?[0] == "0")
            // The typed terms are gone from every listing that showed the case; the others keep a record.
            let terms = try su.query(
                "SELECT count(*) FROM unge.log WHERE haendelse::text LIKE '%Malik%' OR haendelse::text LIKE '%søg=sen%'",
                [])
            #expect(terms.first?[0] == "0")
            let kept = try su.query(
                "SELECT count(*) FROM unge.log WHERE haendelse->>'criterion' LIKE '%søg=(fjernet ved sletning af en sag)%' AND NOT ('2026-0002' = ANY (viste))",
                [])
            #expect(kept.first?[0] == "1")

            // An edited row (past the append-only trigger, as a superuser could) is a break: exit 3.
            try su.execute(
                "ALTER TABLE unge.log DISABLE TRIGGER USER; UPDATE unge.log SET haendelse = jsonb_set(haendelse, '{command}', '\"unge slet\"') WHERE nr = (SELECT min(nr) FROM unge.log WHERE sag = '2026-0001' AND kaede IS NOT NULL); ALTER TABLE unge.log ENABLE TRIGGER USER;"
            )
            let broken = try Unge.run(["log", "--kontroller", "--lager", admin])
            #expect(broken.status == 3, "\(broken.stdout) \(broken.stderr)")
            #expect(broken.stderr.contains("Revisionssporet er brudt"), "\(broken.stderr)")
        }
    }
#endif
