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
        // Abandoned: the tool's name, no lock held. Not the tool's names: never touched.
        for name in ["99999999.aBcDeF", "ikke-en-pid", "12.abc", "fremmed"] {
            mkdir(work + "/" + name, 0o700)
            t.write("rediger/" + name + "/sag-2026-0001.json", "{}")
        }
        // A live session (its lock held), even with a pid this namespace cannot see.
        let live = try t.store.makeWorkFolder()
        _ = try live.write(Data("{}".utf8), named: "sag-2026-0001.json")
        _ = try t.store.listSummaries()
        let left = try FileManager.default.contentsOfDirectory(atPath: work).sorted()
        #expect(left == ["12.abc", "fremmed", "ikke-en-pid", live.url.lastPathComponent].sorted())
        live.remove()
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: work).sorted() == ["12.abc", "fremmed", "ikke-en-pid"])
    }

    @Test("en symbolsk link i stedet for rediger/ følges aldrig: intet i målet slettes")
    func symlinkedWorkFolderIsNotFollowed() throws {
        let t = TempStore()
        try t.store.prepare()
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("unge-udenfor-\(UUID().uuidString)")
            .path
        mkdir(outside, 0o755)
        chmod(outside, 0o755)
        defer { Posix.removeTree(outside) }
        mkdir(outside + "/99999999.aBcDeF", 0o755)
        symlink(outside, t.path + "/rediger")
        _ = try t.store.listSummaries()
        #expect(FileManager.default.fileExists(atPath: outside + "/99999999.aBcDeF"))
        #expect(Sample.mode(outside) == 0o755)
        #expect(throws: StoreError.foreignEntry(file: "rediger", found: "et symbolsk link")) {
            try t.store.makeWorkFolder()
        }
        #expect(throws: StoreError.foreignEntry(file: "rediger", found: "et symbolsk link")) {
            try t.store.checkLayout()
        }
    }
}
