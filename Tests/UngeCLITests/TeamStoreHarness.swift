import Foundation
import Testing
import UngeCore

@testable import UngeStore

// The CLI end-to-end suites on both backends.
//
// A suite marked `.bothStores` runs against the file store in the default build. Run from the team
// build with `UNGE_TEST_PG_URI` set (`.ci/run`), each of its tests gets a fresh PostgreSQL database
// wherever it asks for a store (`Unge.fixtureStore()`, `Unge.emptyStore()`,
// `Unge.createdEmptyStore()`): the harness still hands the test a folder path (under `Unge.tempRoot`,
// so anything a test writes next to its store stays in a temp folder), and `Unge.run` puts the
// database's URI in its place wherever that path is the store (`store:`, `--lager PATH`,
// `$UNGE_LAGER`). The databases are copies of two templates made once per test process with
// `unge lager init` (one empty, one with the fixture store moved in by `unge lager flyt`), and are
// dropped when the test ends. The acting user (`--bruger`, else `$UNGE_BRUGER`, else `testbruger`)
// is a real login role (`PGUSER`), a caseworker (`unge_sagsbehandler`) on the team Nord, so the same
// commands and the same output assertions run against both stores.
//
// A test that by nature inspects the file store (its files, modes, locks, index, crash hooks) is
// marked `.fileOnly("why")`: it runs in the default build and is skipped in the team run.

extension Unge {
    /// The team run: the team build with `UNGE_TEST_PG_URI` set.
    static let teamRun: Bool = {
        #if PostgreSQL
            return !(ProcessInfo.processInfo.environment["UNGE_TEST_PG_URI"] ?? "").isEmpty
        #else
            return false
        #endif
    }()

    /// The current test's databases, in the team run inside a `.bothStores` suite; nil otherwise.
    @TaskLocal static var teamDatabases: TeamDatabases?
}

extension Unge {
    /// Whether `store` is a folder (false when it stands for a database in the team run).
    static func isFolder(_ store: URL) -> Bool {
        !(teamDatabases?.isStore(store.path) ?? false)
    }

    /// The store as `unge` names it in messages: the folder path, or the database's URI.
    static func location(_ store: URL) throws -> String {
        #if PostgreSQL
            if let databases = teamDatabases, let db = try databases.database(for: store.path) {
                return TeamCluster.shared.uri(db)
            }
        #endif
        return store.path
    }

    /// `location` as one shell word, as `unge` suggests commands (a URI has '&' and '?').
    static func shellLocation(_ store: URL) throws -> String {
        Unge.isFolder(store) ? try location(store) : "'\(try location(store))'"
    }

    /// The audit events unge wrote in the team store (`unge.log`, in order); nil for a folder.
    static func teamAuditEvents(_ store: URL) throws -> [[String: Any]]? {
        #if PostgreSQL
            if let databases = teamDatabases, let db = try databases.database(for: store.path) {
                return try TeamCluster.shared.rows(
                    in: db, "SELECT haendelse::text FROM unge.log WHERE kilde = 'unge' ORDER BY nr", []
                ).compactMap { row in
                    (row.first ?? nil).flatMap {
                        try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
                    }
                }
            }
        #endif
        return nil
    }

    /// The tables of the team store holding any of `needles` (as `unge.<table>`); nil for a folder.
    static func tablesContaining(_ needles: [String], _ store: URL) throws -> [String]? {
        #if PostgreSQL
            if let databases = teamDatabases, let db = try databases.database(for: store.path) {
                let tables = try TeamCluster.shared.rows(
                    in: db, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'unge'", [])
                var found: [String] = []
                let patterns =
                    "{"
                    + needles.map { "\"%" + $0.replacingOccurrences(of: "\"", with: "\\\"") + "%\"" }
                    .joined(separator: ",") + "}"
                for case let table? in tables.map({ $0.first ?? nil }) {
                    let hit = try TeamCluster.shared.rows(
                        in: db, "SELECT count(*) FROM unge.\"\(table)\" x WHERE x::text LIKE ANY ($1::text[])",
                        [patterns])
                    if hit.first?.first != "0" { found.append("unge." + table) }
                }
                return found.sorted()
            }
        #endif
        return nil
    }

    /// The saved case `id` as the file store writes it (the file's text; in the team run the
    /// database's document written out the same way), or nil when there is no such case.
    static func storedCase(_ store: URL, _ id: String) throws -> String? {
        #if PostgreSQL
            if let databases = teamDatabases, let db = try databases.database(for: store.path) {
                guard
                    let doc = try TeamCluster.shared.rows(
                        in: db, "SELECT doc::text FROM unge.sager WHERE id = $1", [id]
                    )
                    .first?.first ?? nil
                else { return nil }
                let body = Data(doc.utf8)
                let file = try UngeJSON.decoder().decode(CaseFile.self, from: body)
                return String(
                    decoding: try FileStore.encodeCase(file, keepingUnknownFrom: body, decoded: file), as: UTF8.self)
            }
        #endif
        let url = store.appendingPathComponent("sager/\(id).json")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    /// `storedCase` as bytes; throws when there is no such case (as reading a missing file does).
    static func caseData(_ store: URL, _ id: String) throws -> Data {
        Data(try caseText(store, id).utf8)
    }

    /// `storedCase`; throws when there is no such case.
    static func caseText(_ store: URL, _ id: String) throws -> String {
        guard let text = try storedCase(store, id) else { throw TeamHarnessError(text: "ingen sag \(id)") }
        return text
    }

    /// Whether case `id` is saved.
    static func caseExists(_ store: URL, _ id: String) throws -> Bool {
        try storedCase(store, id) != nil
    }

    /// The saved case `id` (from the file, or from the database in the team run).
    static func storedCaseFile(_ store: URL, _ id: String) throws -> CaseFile {
        guard let text = try storedCase(store, id) else { throw TeamHarnessError(text: "ingen sag \(id)") }
        return try UngeJSON.decoder().decode(CaseFile.self, from: Data(text.utf8))
    }

    /// Whether the acting user has a draft `name` (`kommando-sag`, as the file store names it).
    static func draftExists(_ store: URL, _ name: String) throws -> Bool {
        try storedDraft(store, name) != nil
    }

    /// The draft `name` (`kommando-sag`) of the acting user `testbruger`, as text.
    static func storedDraft(_ store: URL, _ name: String) throws -> String? {
        #if PostgreSQL
            if let databases = teamDatabases, let db = try databases.database(for: store.path) {
                return try TeamCluster.shared.rows(
                    in: db,
                    "SELECT doc::text FROM unge.kladder WHERE ejer = 'testbruger' AND kommando || '-' || sag = $1",
                    [name]
                ).first?.first ?? nil
            }
        #endif
        let url = store.appendingPathComponent("kladder/\(name).json")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    /// `folder`, a file store a test wrote by hand, as the test's store: itself, or in the team run a
    /// database it is moved into (`unge lager flyt`) when a command first uses it.
    @discardableResult
    static func movedIn(_ folder: URL) -> URL {
        teamDatabases?.register(folder, .moved(folder))
        return folder
    }

    /// The numbers of the saved cases, in order.
    static func caseIDs(_ store: URL) throws -> [String] {
        #if PostgreSQL
            if let databases = teamDatabases, let db = try databases.database(for: store.path) {
                return try TeamCluster.shared.rows(in: db, "SELECT id FROM unge.sager ORDER BY id", []).compactMap {
                    $0.first ?? nil
                }
            }
        #endif
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: store.appendingPathComponent("sager").path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }
}

/// `@Suite(…, .bothStores)`: the suite's tests run on the team store too (see above).
struct BothStores: SuiteTrait, TestTrait, TestScoping {
    var isRecursive: Bool { true }

    func scopeProvider(for test: Test, testCase: Test.Case?) -> BothStores? {
        Unge.teamRun && testCase != nil ? self : nil
    }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let databases = TeamDatabases()
        defer { databases.dropAll() }
        try await Unge.$teamDatabases.withValue(databases) { try await function() }
    }
}

extension Trait where Self == BothStores {
    /// The suite runs on the file store, and in the team run on the team store (PostgreSQL).
    static var bothStores: Self { BothStores() }
}

extension Trait where Self == ConditionTrait {
    /// A test about the file store itself (its files, modes, locks, index or crash hooks): skipped in
    /// the team run. `reason` says why it cannot run on the team store.
    static func fileOnly(_ reason: Comment) -> Self {
        .disabled(if: Unge.teamRun, reason)
    }
}

/// The team-store databases of one test: which store path stands for which database.
final class TeamDatabases: @unchecked Sendable {
    enum Kind {
        /// `lager init` and nothing else: the team store's "empty store".
        case empty
        /// The fixture store's cases moved in.
        case fixtures
        /// A file store the test wrote, moved in.
        case moved(URL)
    }

    private let lock = NSLock()
    private var stores: [String: (kind: Kind, database: String?)] = [:]
    private var members: Set<String> = []

    /// Makes `store` stand for a database of `kind` (made when a command first uses it).
    func register(_ store: URL, _ kind: Kind) {
        lock.lock()
        defer { lock.unlock() }
        stores[Self.key(store.path)] = (kind, nil)
    }

    static func key(_ path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p
    }

    /// Whether `path` stands for a database.
    func isStore(_ path: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return stores[Self.key(path)] != nil
    }

    #if PostgreSQL
        /// The database behind `path` (made from its template on first use), or nil for a folder.
        func database(for path: String) throws -> String? {
            lock.lock()
            defer { lock.unlock() }
            let key = Self.key(path)
            guard let entry = stores[key] else { return nil }
            if let made = entry.database { return made }
            let name: String
            if case .moved(let folder) = entry.kind {
                name = try TeamCluster.shared.copy(of: .empty)
                try TeamCluster.shared.moveIn(folder, to: name)
            } else {
                name = try TeamCluster.shared.copy(of: entry.kind)
            }
            stores[key] = (entry.kind, name)
            return name
        }

        /// `role` is a caseworker on the team Nord in `database`.
        func ensureMember(_ role: String, in database: String) throws {
            lock.lock()
            defer { lock.unlock() }
            guard !members.contains(database + "\u{0}" + role) else { return }
            try TeamCluster.shared.ensureMember(role, in: database)
            members.insert(database + "\u{0}" + role)
        }

        /// `args` and `environment` with every store path that stands for a database replaced by its
        /// URI; the databases used.
        func translate(_ args: [String], _ environment: inout [String: String]) throws -> ([String], [String]) {
            var used: [String] = []
            var out: [String] = []
            var i = 0
            while i < args.count {
                let a = args[i]
                if a == "--lager", i + 1 < args.count, let db = try database(for: args[i + 1]) {
                    out += [a, TeamCluster.shared.uri(db)]
                    used.append(db)
                    i += 2
                    continue
                }
                if a.hasPrefix("--lager="), let db = try database(for: String(a.dropFirst(8))) {
                    out.append("--lager=" + TeamCluster.shared.uri(db))
                    used.append(db)
                } else {
                    out.append(a)
                }
                i += 1
            }
            if let env = environment["UNGE_LAGER"], let db = try database(for: env) {
                environment["UNGE_LAGER"] = TeamCluster.shared.uri(db)
                used.append(db)
            }
            return (out, used)
        }
    #endif

    /// Drops this test's databases.
    func dropAll() {
        lock.lock()
        defer { lock.unlock() }
        #if PostgreSQL
            for entry in stores.values { if let db = entry.database { TeamCluster.shared.drop(db) } }
        #endif
        stores = [:]
    }
}

#if PostgreSQL
    /// The throw-away cluster of `UNGE_TEST_PG_URI`: templates, roles and databases of the team run.
    final class TeamCluster: @unchecked Sendable {
        static let shared = TeamCluster()

        private let lock = NSLock()
        private let base: URLComponents
        private var templates: [String] = []
        private var roles: Set<String> = []
        private var counter = 0
        /// The team every acting user is on.
        static let team = "Nord"

        private init() {
            var c = URLComponents(string: ProcessInfo.processInfo.environment["UNGE_TEST_PG_URI"] ?? "")!
            c.queryItems = (c.queryItems ?? []).filter { $0.name != "user" }
            base = c
            atexit { TeamCluster.shared.dropTemplates() }
        }

        /// The URI of `database`; the role comes from `PGUSER` unless `user` is given.
        func uri(_ database: String, user: String? = nil) -> String {
            var c = base
            c.path = "/" + database
            if let user { c.queryItems = (c.queryItems ?? []) + [URLQueryItem(name: "user", value: user)] }
            return c.string!
        }

        private func superuser(_ database: String = "postgres") throws -> PGConnection {
            try PGConnection(uri: uri(database, user: "postgres"), display: database)
        }

        private func nextName(_ what: String) -> String {
            counter += 1
            return "unge_e2e_\(getpid())_\(what)\(counter)"
        }

        private var emptyTemplate: String?
        private var fixtureTemplate: String?

        /// A new database copied from the template of `kind`.
        func copy(of kind: TeamDatabases.Kind) throws -> String {
            lock.lock()
            defer { lock.unlock() }
            let template = try self.template(kind)
            let name = nextName("t")
            _ = try superuser().query("CREATE DATABASE \(name) TEMPLATE \(template)", [])
            return name
        }

        /// The file store `folder` moved into `database` (every caseworker of its cases a role on the team).
        func moveIn(_ folder: URL, to database: String) throws {
            lock.lock()
            defer { lock.unlock() }
            try move(folder, to: database)
        }

        /// A role name for a caseworker value of the file store ("Peter Moos" → peter_moos). The
        /// fixtures' "Lene Dahl" is the user lene, as the tests name her in the settings.
        static func roleName(_ caseworker: String) -> String {
            if caseworker == "Lene Dahl" { return "lene" }
            return String(
                caseworker.lowercased().map { c -> Character in
                    c.isASCII && (c.isLetter || c.isNumber) ? c : "_"
                })
        }

        private func move(_ folder: URL, to database: String) throws {
            var caseworkers: Set<String> = []
            let cases = folder.appendingPathComponent("sager")
            for name in (try? FileManager.default.contentsOfDirectory(atPath: cases.path)) ?? []
            where name.hasSuffix(".json") {
                if let data = try? Data(contentsOf: cases.appendingPathComponent(name)),
                    let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                    let worker = object["caseworker"] as? String, !worker.isEmpty
                {
                    caseworkers.insert(worker)
                }
            }
            var lines = ["*;testbruger;\(Self.team)"]
            for worker in caseworkers.sorted() {
                let role = Self.roleName(worker)
                try createRole(role)
                lines.append("\(worker);\(role);\(Self.team)")
            }
            let map = Unge.tempRoot.appendingPathComponent("brugere-\(UUID().uuidString.prefix(8)).txt")
            try (lines.joined(separator: "\n") + "\n").write(to: map, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: map) }
            let moved = try Unge.$teamDatabases.withValue(nil) {
                try Unge.run([
                    "lager", "flyt", "--fra", folder.path, "--til", uri(database, user: "postgres"), "--brugere",
                    map.path,
                ])
            }
            guard moved.status == 0 else { throw TeamHarnessError(text: "lager flyt: \(moved.stderr)") }
        }

        private func template(_ kind: TeamDatabases.Kind) throws -> String {
            switch kind {
            case .moved: throw TeamHarnessError(text: "ingen skabelon for et flyttet lager")
            case .empty:
                if let t = emptyTemplate { return t }
                let name = nextName("tom")
                _ = try superuser().query("CREATE DATABASE \(name)", [])
                templates.append(name)
                let initialised = try Unge.$teamDatabases.withValue(nil) {
                    try Unge.run(["lager", "init", uri(name, user: "postgres")])
                }
                guard initialised.status == 0 else {
                    throw TeamHarnessError(text: "lager init: \(initialised.stderr)")
                }
                // testbruger, the one user of the file-store tests, is the team's leader: in the team store
                // only a leader (or an administrator) changes the shared settings (kommune, lukkedage, …).
                try createRole("testbruger")
                try superuser().execute("GRANT unge_teamleder TO testbruger")
                try addMember("testbruger", in: name, leader: true)
                emptyTemplate = name
                return name
            case .fixtures:
                if let t = fixtureTemplate { return t }
                let empty = try template(.empty)
                let name = nextName("fix")
                _ = try superuser().query("CREATE DATABASE \(name) TEMPLATE \(empty)", [])
                templates.append(name)
                try move(Unge.fixtureFolder(), to: name)
                fixtureTemplate = name
                return name
            }
        }

        /// A login role `name`, a caseworker (cluster-wide, once per process).
        private func createRole(_ name: String) throws {
            guard !roles.contains(name) else { return }
            let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let literal = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
            try superuser().execute(
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \(literal)) THEN CREATE ROLE \(quoted) LOGIN; END IF; END $$; GRANT unge_sagsbehandler TO \(quoted);"
            )
            roles.insert(name)
        }

        private func addMember(_ role: String, in database: String, leader: Bool = false) throws {
            let r = try superuser(database).query(
                "SELECT unge.saet_medlem($1, $2, $3)", [role, Self.team, leader ? "true" : "false"])
            guard r.first?[0] == "ok" else { throw TeamHarnessError(text: "saet_medlem \(role): \(r)") }
        }

        /// `role` exists and is a caseworker on the team in `database`.
        func ensureMember(_ role: String, in database: String) throws {
            lock.lock()
            defer { lock.unlock() }
            if role == "testbruger" { return }  // in every template, as the leader
            try createRole(role)
            try addMember(role, in: database)
        }

        /// Rows of `sql` in `database`, as the superuser (for the harness's own checks).
        func rows(in database: String, _ sql: String, _ params: [String?]) throws -> [[String?]] {
            lock.lock()
            defer { lock.unlock() }
            return try superuser(database).query(sql, params)
        }

        func drop(_ database: String) {
            lock.lock()
            defer { lock.unlock() }
            _ = try? superuser().query("DROP DATABASE IF EXISTS \(database) WITH (FORCE)", [])
        }

        private func dropTemplates() {
            for t in templates.reversed() {
                _ = try? superuser().query("DROP DATABASE IF EXISTS \(t) WITH (FORCE)", [])
            }
        }
    }
#endif

/// A harness step that failed (making a database, reading what a store holds).
struct TeamHarnessError: Error, CustomStringConvertible {
    let text: String
    var description: String { text }
}
