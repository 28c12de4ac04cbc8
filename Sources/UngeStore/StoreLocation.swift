import Foundation
import UngeCore

/// Where the store is: a folder (the file store) or a PostgreSQL connection URI (the team store).
///
/// Only a value that starts with `postgresql:` or `postgres:` chooses the database; anything else is
/// a folder. The libpq environment (`PGHOST`, `PGDATABASE`, ...) only fills in what such a URI
/// leaves out, so a stray `PGHOST` never moves a caseworker's cases to a server.
public enum StoreLocation: Equatable, Sendable {
    case folder(URL)
    case database(uri: String)

    /// `--lager`, else `$UNGE_LAGER`, else `$XDG_DATA_HOME/unge`, else `~/.local/share/unge` (`$HOME`,
    /// or the home folder from the system). An empty `$UNGE_LAGER` (or XDG, HOME) counts as unset; an
    /// empty `--lager ''` is refused (`StoreLocation.Empty`): it would silently mean the default store.
    public static func resolve(flag: String?, environment: [String: String]) throws(Empty) -> StoreLocation {
        func nonEmpty(_ s: String?) -> String? { (s?.isEmpty ?? true) ? nil : s }
        if let flag {
            guard !flag.isEmpty else { throw Empty() }
            return parse(flag)
        }
        if let env = nonEmpty(environment["UNGE_LAGER"]) { return parse(env) }
        if let xdg = nonEmpty(environment["XDG_DATA_HOME"]) {
            return .folder(
                URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("unge", isDirectory: true))
        }
        let home = nonEmpty(environment["HOME"]) ?? NSHomeDirectory()
        return .folder(
            URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".local/share/unge", isDirectory: true)
        )
    }

    /// A `--lager` value: a `postgresql:`/`postgres:` URI, else a folder path.
    public static func parse(_ text: String) -> StoreLocation {
        let lower = text.lowercased()
        if lower.hasPrefix("postgresql:") || lower.hasPrefix("postgres:") { return .database(uri: text) }
        return .folder(URL(fileURLWithPath: text, isDirectory: true))
    }

    /// `--lager ''`: refused, because an empty value would mean the default store.
    public struct Empty: Error, Equatable {
        public init() {}
        public var description: String {
            "--lager er tom. Angiv en mappe eller en adresse (postgresql://…), eller udelad --lager for at bruge dit eget lager."
        }
    }

    /// The location as users see it in messages: the folder path, or the URI with any password removed.
    public var display: String {
        switch self {
        case .folder(let url): return url.path
        case .database(let uri): return StoreLocation.redacted(uri)
        }
    }

    /// A connection URI with the password (`user:secret@`, `password=`) replaced by `***`.
    public static func redacted(_ uri: String) -> String {
        var s = uri
        if let scheme = s.range(of: "://") {
            let rest = s[scheme.upperBound...]
            let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
            if let at = rest[..<authorityEnd].lastIndex(of: "@"),
                let colon = rest[..<at].firstIndex(of: ":")
            {
                s.replaceSubrange(s.index(after: colon)..<at, with: "***")
            }
        }
        if let r = s.range(of: "password=", options: .caseInsensitive) {
            let end = s[r.upperBound...].firstIndex(of: "&") ?? s.endIndex
            s.replaceSubrange(r.upperBound..<end, with: "***")
        }
        return s
    }
}

/// Opening a store from its location.
public enum Stores {
    /// Options for opening a store.
    public struct Options: Sendable {
        /// Called just before each step of the file store's save path (crash and fault harnesses).
        public var faultInjection: (@Sendable (SaveStep) throws -> Void)?
        /// The process environment (libpq fills in what a URI leaves out from it).
        public var environment: [String: String]
        /// The command, for the database's own audit rows.
        public var command: String

        public init(
            faultInjection: (@Sendable (SaveStep) throws -> Void)? = nil, environment: [String: String] = [:],
            command: String = "unge"
        ) {
            self.faultInjection = faultInjection
            self.environment = environment
            self.command = command
        }
    }

    /// Opens the store at `location`; nothing is created. A database location in a build without
    /// the PostgreSQL trait is refused with a Danish message (exit 3).
    public static func open(_ location: StoreLocation, options: Options = Options()) throws -> any Store {
        switch location {
        case .folder(let url):
            return FileStore(root: url, faultInjection: options.faultInjection)
        case .database(let uri):
            return try openDatabase(uri: uri, options: options)
        }
    }

    /// True when this build can open a PostgreSQL store.
    public static var supportsDatabase: Bool {
        #if PostgreSQL
            return true
        #else
            return false
        #endif
    }

    static func openDatabase(uri: String, options: Options) throws -> any Store {
        #if PostgreSQL
            return try PostgresStore(uri: uri, command: options.command)
        #else
            throw StoreError.unsupported(
                "Lageret '\(StoreLocation.redacted(uri))' er en PostgreSQL-database, men denne udgave af unge er bygget uden PostgreSQL. Brug teamudgaven (swift build --traits PostgreSQL), eller angiv en mappe med --lager."
            )
        #endif
    }
}

extension Stores {
    /// Creates or upgrades the team store's schema at `uri` (as the database's owner); the schema
    /// versions before and after. Refused in a build without PostgreSQL (exit 3).
    public static func migrate(uri: String) throws -> (from: Int, to: Int) {
        #if PostgreSQL
            return try PostgresSchema.migrate(uri: uri)
        #else
            _ = uri
            throw StoreError.unsupported(
                "Teamlageret (PostgreSQL) findes kun i teamudgaven af unge (swift build --traits PostgreSQL).")
        #endif
    }
}
