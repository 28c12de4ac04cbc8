import Foundation
import Glibc
import Testing
import UngeCore
@testable import UngeStore

@Suite("Lageret: arbejdskopier fra 'unge rediger'")
struct WorkFoldersTests {
    @Test("en arbejdsmappe fra en død proces fjernes ved næste gennemgang; en levende beholdes")
    func abandonedWorkFoldersAreRemoved() throws {
        let t = TempStore()
        try t.store.prepare()
        let work = t.path + "/rediger"
        mkdir(work, 0o700)
        // A pid that cannot be alive (above the kernel's pid_max) and pid 1 (always alive).
        for name in ["99999999.aBcDeF", "1.xYzAbC", "ikke-en-pid"] {
            mkdir(work + "/" + name, 0o700)
            t.write("rediger/" + name + "/sag-2026-0001.json", "{}")
        }
        _ = try t.store.listSummaries()
        let left = try FileManager.default.contentsOfDirectory(atPath: work).sorted()
        #expect(left == ["1.xYzAbC", "ikke-en-pid"])
    }
}
