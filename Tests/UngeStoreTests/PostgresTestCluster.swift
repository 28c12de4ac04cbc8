#if PostgreSQL
    import Foundation
    import Testing
    import UngeCore

    @testable import UngeStore

    /// The throw-away PostgreSQL cluster the team build's tests run against: `UNGE_TEST_PG_URI` is a
    /// superuser URI on it (CI starts one in a temp folder, `.ci/run`). Without it the PostgreSQL
    /// arguments are skipped, so the tests pass on a machine without PostgreSQL.
    ///
    /// Each store gets a database of its own with the schema migrated, and the test roles (cluster-wide,
    /// created once): `t_anna` and `t_bo` caseworkers on the teams Nord and Syd, `t_lea` leader of
    /// Nord, `t_dep` a caseworker on Syd (the deputy), `t_adm` an administrator.
    enum PostgresTestCluster {
        static var superURI: String? {
            let uri = ProcessInfo.processInfo.environment["UNGE_TEST_PG_URI"]
            return (uri?.isEmpty ?? true) ? nil : uri
        }

        static let roles: [(String, String)] = [
            ("t_anna", "unge_sagsbehandler"), ("t_bo", "unge_sagsbehandler"),
            ("t_lea", "unge_sagsbehandler, unge_teamleder"), ("t_dep", "unge_sagsbehandler"), ("t_adm", "unge_admin"),
        ]

        /// `uri` with the database and user replaced.
        static func uri(database: String, user: String) -> String {
            guard let base = superURI, var c = URLComponents(string: base) else { return "" }
            c.path = "/" + database
            var items = (c.queryItems ?? []).filter { $0.name != "user" && $0.name != "dbname" }
            items.append(URLQueryItem(name: "user", value: user))
            c.queryItems = items
            return c.string ?? ""
        }

        static func superConnection(database: String = "postgres") throws -> PGConnection {
            let u = uri(database: database, user: superUser)
            return try PGConnection(uri: u, display: u)
        }

        static var superUser: String {
            guard let base = superURI, let c = URLComponents(string: base) else { return "postgres" }
            return c.queryItems?.first { $0.name == "user" }?.value ?? c.user ?? "postgres"
        }

        /// A new database with the schema, the test roles and their teams; its name.
        static func freshDatabase() throws -> String {
            let name = "unge_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
            let admin = try superConnection()
            _ = try admin.query("CREATE DATABASE \(name)", [])
            _ = try PostgresSchema.migrate(uri: uri(database: name, user: superUser))
            let db = try superConnection(database: name)
            for (role, groups) in roles {
                // Roles are cluster-wide; an earlier run may have made them.
                try db.execute(
                    "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(role)') THEN CREATE ROLE \(role) LOGIN; END IF; END $$; GRANT \(groups) TO \(role);"
                )
            }
            let adm = try PostgresStore(uri: uri(database: name, user: "t_adm"))
            try adm.setMember("t_anna", team: "Nord", leader: false)
            try adm.setMember("t_lea", team: "Nord", leader: true)
            try adm.setMember("t_bo", team: "Syd", leader: false)
            try adm.setMember("t_dep", team: "Syd", leader: false)
            return name
        }

        static func drop(_ name: String) {
            _ = try? superConnection().query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", [])
        }

        static func store(_ database: String, as role: String) throws -> PostgresStore {
            try PostgresStore(uri: uri(database: database, user: role))
        }

        /// The PostgreSQL backend of the store contract suite: a caseworker who leads her team (she may also change the settings), on a fresh database.
        static var backend: Backend? {
            guard superURI != nil else { return nil }
            return Backend(description: "PostgreSQL") {
                let name = try freshDatabase()
                return (try store(name, as: "t_lea"), { drop(name) })
            }
        }
    }
#endif
