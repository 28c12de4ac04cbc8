import Foundation
import Glibc
import UngeCore

@testable import UngeStore

/// A fresh store in its own temp folder; removed when the value is released.
final class TempStore {
    let url: URL
    let store: FileStore

    init(lockTimeout: Double = 5, faultInjection: (@Sendable (SaveStep) throws -> Void)? = nil) {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("unge-store-test-\(getpid())-\(UUID().uuidString)", isDirectory: true)
        store = FileStore(root: url, lockTimeout: lockTimeout, faultInjection: faultInjection)
    }

    deinit {
        // Undo permission games before removing.
        chmod(url.path + "/log", 0o700)
        try? FileManager.default.removeItem(at: url)
    }

    var path: String { url.path }

    func casePath(_ id: String) -> String { path + "/sager/" + id + ".json" }

    func bytes(_ relative: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path + "/" + relative).map { [UInt8]($0) }
    }

    func write(_ relative: String, _ text: String) {
        _ = FileManager.default.createFile(atPath: path + "/" + relative, contents: Data(text.utf8))
    }

    /// True when no save lock is held: every file in `laase/` is a lock file whose flock is free
    /// (lock files stay; the kernel releases the lock).
    func noLockHeld() -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path + "/laase")) ?? []
        return names.allSatisfy { name in
            guard name.hasSuffix(".lock") else { return false }
            let fd = open(path + "/laase/" + name, O_RDONLY)
            defer { close(fd) }
            return fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0
        }
    }

    /// Every regular file under the store, relative paths.
    func allFiles() -> [String] {
        let e = FileManager.default.enumerator(atPath: path)
        var out: [String] = []
        while let f = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + f, isDirectory: &isDir), !isDir.boolValue {
                out.append(f)
            }
        }
        return out.sorted()
    }
}

enum Sample {
    static let now = Date(timeIntervalSince1970: 1_776_000_000)  // 2026-04-12
    static let cprText = "010110-4321"
    static let cprDigits = "0101104321"

    static func caseFile(name: String = "Testa Testesen", withCPR: Bool = true) -> CaseFile {
        let cpr = withCPR ? try! CPRNumber.parse(cprText) : nil
        var c = CaseFile(
            id: CaseID("ny")!, created: now,
            youngPerson: YoungPerson(name: name, cpr: cpr, school: "Byskolen"), caseworker: "sb1")
        c.journal.append(JournalEntry(time: now, author: "sb1", text: "Første samtale."))
        return c
    }

    static func mode(_ path: String) -> mode_t {
        var st = stat()
        guard lstat(path, &st) == 0 else { return 0o7777 }
        return st.st_mode & 0o777
    }
}
