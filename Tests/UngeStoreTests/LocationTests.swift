import Foundation
import Testing

@testable import UngeStore

@Suite("Lagerets placering")
struct LocationTests {
    func path(_ flag: String?, _ env: [String: String]) throws -> String? {
        if case .folder(let url) = try StoreLocation.resolve(flag: flag, environment: env) { return url.path }
        return nil
    }

    @Test("--lager går forud for $UNGE_LAGER, som går forud for XDG")
    func order() throws {
        let env = ["UNGE_LAGER": "/srv/unge", "XDG_DATA_HOME": "/home/x/.data", "HOME": "/home/x"]
        #expect(try path("/tmp/a", env) == "/tmp/a")
        #expect(try path(nil, env) == "/srv/unge")
        #expect(try path(nil, ["XDG_DATA_HOME": "/home/x/.data", "HOME": "/home/x"]) == "/home/x/.data/unge")
        #expect(try path(nil, ["HOME": "/home/x"]) == "/home/x/.local/share/unge")
    }

    @Test("kun en postgresql:-adresse vælger databasen; PGHOST flytter aldrig lageret")
    func databaseOnlyByURI() throws {
        let env = ["PGHOST": "/run/postgresql", "PGDATABASE": "unge", "HOME": "/home/x"]
        #expect(try path(nil, env) == "/home/x/.local/share/unge")
        #expect(
            try StoreLocation.resolve(flag: "postgresql:///unge?host=/run/postgresql", environment: env)
                == .database(uri: "postgresql:///unge?host=/run/postgresql"))
        #expect(
            try StoreLocation.resolve(flag: nil, environment: ["UNGE_LAGER": "postgres://db/unge"])
                == .database(uri: "postgres://db/unge"))
        // A folder whose name merely contains the word is a folder.
        #expect(try path("postgresql-noter", env)?.hasSuffix("/postgresql-noter") == true)
    }

    @Test("--lager '' afvises; en tom $UNGE_LAGER tæller som ikke sat")
    func empty() throws {
        #expect(throws: StoreLocation.Empty.self) { try StoreLocation.resolve(flag: "", environment: [:]) }
        #expect(try path(nil, ["UNGE_LAGER": "", "HOME": "/home/x"]) == "/home/x/.local/share/unge")
    }

    @Test("adgangskoden vises aldrig i en adresse")
    func redacted() {
        #expect(
            StoreLocation.redacted("postgresql://anna:hemmelig@db.kommune.dk/unge")
                == "postgresql://anna:***@db.kommune.dk/unge")
        #expect(
            StoreLocation.redacted("postgresql:///unge?password=x&host=/tmp")
                == "postgresql:///unge?password=***&host=/tmp")
        #expect(
            StoreLocation.redacted("postgresql:///unge?host=/run/postgresql")
                == "postgresql:///unge?host=/run/postgresql")
    }
}
