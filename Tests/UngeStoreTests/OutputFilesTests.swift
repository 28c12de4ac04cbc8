import Foundation
import Glibc
import Testing
import UngeCore

@testable import UngeStore

/// The one check for every `--ud` (`OutputFiles`).
@Suite("Filer skrevet med --ud")
struct OutputFilesTests {
    /// A private temp folder (0700), removed afterwards.
    final class Folder {
        let path: String
        init(mode: mode_t = 0o700) {
            path =
                FileManager.default.temporaryDirectory.appendingPathComponent(
                    "unge-ud-\(getpid())-\(UUID().uuidString)"
                )
                .path
            mkdir(path, 0o700)
            chmod(path, mode)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        var file: String { path + "/dok.md" }
    }

    @Test("en ny fil oprettes med mode 0600")
    func newFile() throws {
        let f = Folder()
        try OutputFiles.write("hej", to: f.file, overwrite: false, storeRoot: nil)
        #expect(Sample.mode(f.file) == 0o600)
        #expect(FileManager.default.contents(atPath: f.file) == Data("hej".utf8))
    }

    @Test("en eksisterende fil overskrives kun med --overskriv, og så i ét trin")
    func existing() throws {
        let f = Folder()
        try OutputFiles.write("gammel", to: f.file, overwrite: false, storeRoot: nil)
        #expect(throws: OutputFiles.Problem.self) {
            try OutputFiles.write("ny", to: f.file, overwrite: false, storeRoot: nil)
        }
        #expect(FileManager.default.contents(atPath: f.file) == Data("gammel".utf8))
        try OutputFiles.write("ny", to: f.file, overwrite: true, storeRoot: nil)
        #expect(FileManager.default.contents(atPath: f.file) == Data("ny".utf8))
        #expect(Sample.mode(f.file) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.path) == ["dok.md"])
    }

    @Test("et symbolsk link følges aldrig, heller ikke med --overskriv")
    func link() throws {
        let f = Folder()
        let target = f.path + "/maal.txt"
        try OutputFiles.write("urørt", to: target, overwrite: false, storeRoot: nil)
        symlink(target, f.file)
        for overwrite in [false, true] {
            #expect(throws: OutputFiles.Problem.self) {
                try OutputFiles.write("x", to: f.file, overwrite: overwrite, storeRoot: nil)
            }
        }
        #expect(FileManager.default.contents(atPath: target) == Data("urørt".utf8))
    }

    @Test("en mappe, andre kan skrive i, afvises; med sticky-bit er den i orden")
    func sharedFolder() throws {
        let open = Folder(mode: 0o777)
        let result = OutputFiles.check(open.file, overwrite: false, storeRoot: nil)
        guard case .failure(let p) = result else {
            Issue.record("en mappe med 0777 blev godtaget")
            return
        }
        #expect(p.reason.contains("Andre brugere kan skrive"))
        #expect(!FileManager.default.fileExists(atPath: open.file))
        let sticky = Folder(mode: 0o1777)
        try OutputFiles.write("x", to: sticky.file, overwrite: false, storeRoot: nil)
        #expect(Sample.mode(sticky.file) == 0o600)
    }

    @Test("en mappe, andre kan læse, giver en advarsel")
    func readableFolder() throws {
        let f = Folder(mode: 0o755)
        guard case .success(let c) = OutputFiles.check(f.file, overwrite: false, storeRoot: nil) else {
            Issue.record("afvist")
            return
        }
        #expect(c.warnings.count == 1)
        let quiet = Folder()
        guard case .success(let q) = OutputFiles.check(quiet.file, overwrite: false, storeRoot: nil) else {
            Issue.record("afvist")
            return
        }
        #expect(q.warnings.isEmpty)
    }

    @Test("intet skrives ind i lageret, heller ikke gennem ..")
    func insideStore() {
        let f = Folder()
        mkdir(f.path + "/lager", 0o700)
        let store = URL(fileURLWithPath: f.path + "/lager")
        #expect(throws: OutputFiles.Problem.self) {
            try OutputFiles.write("x", to: f.path + "/lager/../lager/x.md", overwrite: false, storeRoot: store)
        }
        #expect(!FileManager.default.fileExists(atPath: f.path + "/lager/x.md"))
    }

    @Test("en FIFO, en mappe og en manglende mappe afvises uden at hænge")
    func specialFiles() {
        let f = Folder()
        mkfifo(f.path + "/fifo", 0o600)
        mkdir(f.path + "/mappe", 0o700)
        for path in [f.path + "/fifo", f.path + "/mappe", f.path + "/findes-ikke/x.md"] {
            for overwrite in [false, true] {
                #expect(throws: OutputFiles.Problem.self) {
                    try OutputFiles.write("x", to: path, overwrite: overwrite, storeRoot: nil)
                }
            }
        }
    }
}
