import Foundation
import Testing

/// Runs the built `unge` binary end to end and captures what it prints.
struct Unge {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The package root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let fixtures = root.appendingPathComponent("Fixtures")

    /// The `unge` executable next to the test bundle (or in .build/debug).
    static let binary: URL = {
        var candidates: [URL] = []
        let arg0 = URL(fileURLWithPath: CommandLine.arguments[0])
        candidates.append(arg0.deletingLastPathComponent().appendingPathComponent("unge"))
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("unge"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("unge"))
        candidates.append(root.appendingPathComponent(".build/debug/unge"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    /// Every temporary file and folder of this test process lives under one folder, removed when the
    /// process exits, so test runs leave nothing behind in the system's temp folder.
    static let tempRoot: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("unge-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit {
            try? FileManager.default.removeItem(
                at: FileManager.default.temporaryDirectory.appendingPathComponent("unge-tests-\(getpid())"))
        }
        return url
    }()

    /// A folder of its own for this test run, used as `$HOME`, `$XDG_DATA_HOME` and `$UNGE_LAGER`, so
    /// no test reads the developer's own store or settings (e.g. closing days on 24/12).
    static let sandbox: URL = Unge.tempRoot.appendingPathComponent(
        "hjem-\(UUID().uuidString.prefix(12))")

    /// Runs `unge args` with a pinned clock and user, no terminal, and `input` on stdin.
    @discardableResult
    static func run(_ args: [String], store: URL? = nil, input: String? = nil, env: [String: String] = [:]) throws
        -> Result
    {
        let p = Process()
        p.executableURL = binary
        var arguments = args + (store.map { ["--lager", $0.path] } ?? [])
        var environment = ProcessInfo.processInfo.environment
        environment["UNGE_NU"] = "2026-09-01T08:30:00Z"
        environment["UNGE_BRUGER"] = "testbruger"
        // Hermetic: never the developer's own store, settings or home folder.
        environment["HOME"] = sandbox.appendingPathComponent("hjem").path
        environment["XDG_DATA_HOME"] = sandbox.appendingPathComponent("data").path
        environment["UNGE_LAGER"] = sandbox.appendingPathComponent("lager").path
        // Nor the developer's editor, colour choice or a leftover test hook.
        for key in ["NO_COLOR", "VISUAL", "EDITOR", "UNGE_TEST_CRASH_AT", "UNGE_TEST_FAIL_AT", "UNGE_TEST_STOP_AT"] {
            environment.removeValue(forKey: key)
        }
        environment["COLUMNS"] = "80"  // tables and guidance wrap at a pinned width
        for (k, v) in env { environment[k] = v }
        try onTeamStore(&arguments, &environment)
        p.arguments = arguments
        p.environment = environment
        let out = Pipe()
        let err = Pipe()
        let inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
        try inp.fileHandleForWriting.close()
        // Read both pipes concurrently so a large output cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Result(
            status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// In the team run, a store path that stands for a database becomes its URI, and the acting user
    /// its login role (`PGUSER`; TeamStoreHarness.swift). Otherwise nothing changes.
    static func onTeamStore(_ arguments: inout [String], _ environment: inout [String: String]) throws {
        #if PostgreSQL
            if let databases = Unge.teamDatabases {
                let (translated, used) = try databases.translate(arguments, &environment)
                arguments = translated
                if !used.isEmpty {
                    let role = actingUser(arguments, environment)
                    environment["PGUSER"] = role
                    // The acting user and the users a command names (a caseworker, the named users of a
                    // restricted case, whom a case is handed to) are roles on the team.
                    var roles = [role]
                    for (i, a) in arguments.enumerated() where i + 1 < arguments.count {
                        let value = arguments[i + 1]
                        switch a {
                        case "--sagsbehandler": roles.append(value)
                        case "--adgang":
                            roles += value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                        case "--til", "--fra": if arguments.first == "overdrag" { roles.append(value) }
                        default: break
                        }
                    }
                    for db in Set(used) {
                        for r in roles where Self.isRoleName(r) { try databases.ensureMember(r, in: db) }
                    }
                }
            }
        #endif
    }

    /// Who acts: `--bruger`, else `$UNGE_BRUGER`, else `$USER` (as `unge` resolves it).
    static func actingUser(_ args: [String], _ environment: [String: String]) -> String {
        var flag: String?
        for (i, a) in args.enumerated() {
            if a == "--bruger", i + 1 < args.count { flag = args[i + 1] }
            if a.hasPrefix("--bruger=") { flag = String(a.dropFirst(9)) }
        }
        for candidate in [flag, environment["UNGE_BRUGER"], environment["USER"]] {
            if let c = candidate?.trimmingCharacters(in: .whitespaces), !c.isEmpty { return c }
        }
        return "testbruger"
    }

    /// A name the harness may make a login role of (no controls, not the superuser, not too long).
    static func isRoleName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count < 64 && name != "postgres"
            && !name.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == "\u{FEFF}" }
    }

    /// A fresh copy of the fixture store: a temporary folder, or in the team run a database with the
    /// fixture cases (TeamStoreHarness.swift).
    static func fixtureStore() throws -> URL {
        if let databases = teamDatabases {
            let dir = Unge.tempRoot.appendingPathComponent("t-\(UUID().uuidString.prefix(12))")
            try FileManager.default.createDirectory(
                at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let store = dir.appendingPathComponent("lager")
            databases.register(store, .fixtures)
            return store
        }
        return try fixtureFolder()
    }

    /// A fresh copy of the fixture store in a temporary folder (always the file store).
    static func fixtureFolder() throws -> URL {
        let dir = Unge.tempRoot.appendingPathComponent("t-\(UUID().uuidString.prefix(12))")
        // Private, as a caseworker's own folder is: `--ud` warns about a folder others can read.
        try FileManager.default.createDirectory(
            at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let store = dir.appendingPathComponent("lager")
        try FileManager.default.createDirectory(
            at: store.appendingPathComponent("sager"), withIntermediateDirectories: true)
        chmod(store.path, 0o700)  // a store others can read is refused
        chmod(store.appendingPathComponent("sager").path, 0o700)
        let source = fixtures.appendingPathComponent("lager/sager")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".json") {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(name), to: store.appendingPathComponent("sager/\(name)"))
        }
        return store
    }

    /// An empty temporary store folder (not yet created: only `ny` and `underret` create it).
    /// In the team run, a database made with `unge lager init` and nothing else.
    static func emptyStore() -> URL {
        let store = Unge.tempRoot.appendingPathComponent("t-\(UUID().uuidString.prefix(12))/lager")
        if let databases = teamDatabases {
            databases.register(store, .empty)
            // The folder beside the store exists, as it does once the file store is made (tests put
            // their own files there).
            try? FileManager.default.createDirectory(
                at: store.deletingLastPathComponent(), withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        }
        return store
    }

    /// An empty store folder that exists (0700, as unge makes it), for commands that need a store.
    static func createdEmptyStore() throws -> URL {
        let store = emptyStore()
        try FileManager.default.createDirectory(
            at: store, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return store
    }

    /// Compares `actual` with a golden file under Fixtures; `UNGE_RECORD=1` re-records it.
    static func expectGolden(
        _ actual: String, _ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let url = fixtures.appendingPathComponent(relativePath)
        if ProcessInfo.processInfo.environment["UNGE_RECORD"] == "1" {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected =
            (try? String(contentsOf: url, encoding: .utf8))
            ?? "(golden file \(relativePath) mangler: kør med UNGE_RECORD=1)"
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            var diff: [String] = []
            for i in 0..<max(e.count, a.count) where (i < e.count ? e[i] : nil) != (i < a.count ? a[i] : nil) {
                diff.append(
                    "linje \(i + 1):\n  forventet: \(i < e.count ? String(e[i]) : "<ingen>")\n  faktisk:   \(i < a.count ? String(a[i]) : "<ingen>")"
                )
                if diff.count >= 5 { break }
            }
            let message = "Afviger fra \(relativePath):\n" + diff.joined(separator: "\n")
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }
}
