#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation

extension CaseStore {
    /// The folder under the store where `unge rediger` keeps its private working copies, one
    /// sub-folder `<pid>.<random>` (0700) per editing session.
    public var workFoldersPath: String { rootPath + "/rediger" }

    /// Removes working folders `rediger/<pid>.<random>` left behind by a process that died (a crash
    /// or a kill during `unge rediger`): they hold a full copy of a case. Folders of live processes
    /// are kept, so an editing session in progress is never touched. Called when the case folder is
    /// scanned (`unge liste`, creating a case); failures are ignored (it is tidying only).
    func removeAbandonedWorkFolders() {
        guard let names = try? Posix.listDirectory(workFoldersPath) else { return }
        for name in names {
            let parts = name.split(separator: ".", maxSplits: 1)
            guard parts.count == 2, let owner = Int32(parts[0]), owner != pid, !Posix.processAlive(owner) else { continue }
            Posix.removeTree(workFoldersPath + "/" + name)
        }
    }
}

extension Posix {
    /// Removes a folder and everything in it, without following symbolic links.
    static func removeTree(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        if st.st_mode & S_IFMT == S_IFDIR {
            for name in (try? listDirectory(path)) ?? [] { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
