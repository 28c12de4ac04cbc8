import Foundation
import Testing

@testable import UngeStore

@Suite("Lagerets placering")
struct LocationTests {
    @Test("--lager går forud for $UNGE_LAGER, som går forud for XDG")
    func order() {
        let env = ["UNGE_LAGER": "/srv/unge", "XDG_DATA_HOME": "/home/x/.data", "HOME": "/home/x"]
        #expect(CaseStore.resolveLocation(flag: "/tmp/a", environment: env).path == "/tmp/a")
        #expect(CaseStore.resolveLocation(flag: nil, environment: env).path == "/srv/unge")
        #expect(
            CaseStore.resolveLocation(flag: nil, environment: ["XDG_DATA_HOME": "/home/x/.data", "HOME": "/home/x"])
                .path == "/home/x/.data/unge")
        #expect(
            CaseStore.resolveLocation(flag: nil, environment: ["HOME": "/home/x"]).path == "/home/x/.local/share/unge")
    }
}
