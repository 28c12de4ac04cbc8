import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A private working folder of `unge rediger` (`rediger/<pid>.<random>`, 0700), holding an
/// exclusive `flock` on itself for as long as the editing session lives, so that the store can
/// tell an abandoned folder (its process died) from one in use, in any PID namespace.
public final class WorkFolder: @unchecked Sendable {
    /// The folder.
    public let url: URL
    private let fd: Int32

    init(url: URL, fd: Int32) {
        self.url = url
        self.fd = fd
    }

    /// Writes `data` to a new file `name` in the folder (0600, never through a link), durably.
    public func write(_ data: Data, named name: String) throws -> URL {
        let path = url.path + "/" + name
        do {
            try Posix.writeNewFile(path, [UInt8](data))
        } catch let f as Posix.Failure {
            throw StoreError.io(operation: "skrive arbejdsfilen", file: "rediger/" + name, code: f.code, visible: false)
        }
        return URL(fileURLWithPath: path)
    }

    /// Removes the folder and everything in it, and drops the lock.
    public func remove() {
        Posix.removeTree(url.path)
        close(fd)
    }
}

extension FileStore {
    /// The folder under the store where `unge rediger` keeps its private working copies, one
    /// sub-folder `<pid>.<random>` (0700) per editing session.
    public var workFoldersPath: String { rootPath + "/rediger" }

    /// Creates a private working folder `rediger/<pid>.<XXXXXX>` for an editing session (the
    /// `rediger` folder itself is created 0700 if missing, and refused if it is a link or shared).
    public func makeWorkFolder() throws -> WorkFolder {
        try checkRoot()
        try ensureFolder(workFoldersPath, name: "rediger")
        var template = Array((workFoldersPath + "/" + String(pid) + ".XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw StoreError.io(
                operation: "oprette en privat arbejdsmappe i", file: "rediger", code: errno, visible: false)
        }
        let path = String(cString: made)
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 || flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let e = errno
            if fd >= 0 { close(fd) }
            rmdir(path)
            throw StoreError.io(operation: "låse arbejdsmappen i", file: "rediger", code: e, visible: false)
        }
        return WorkFolder(url: URL(fileURLWithPath: path), fd: fd)
    }

    /// True for a name `unge rediger` gives its working folders: `<pid>.<six letters or digits>`.
    static func isWorkFolderName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
            parts[1].count == 6, parts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return false }
        return true
    }

    /// Removes working folders `rediger/<pid>.<random>` left behind by a process that died (a crash
    /// or a kill during `unge rediger`): they hold a full copy of a case. Only real folders with
    /// the tool's own names, owned by this user, whose lock is free are removed; a session in
    /// progress holds its lock and is never touched. Nothing happens if `rediger` is not a real
    /// folder of the store. Called when the case folder is scanned (`unge liste`, creating a case);
    /// failures are ignored (it is tidying only).
    func removeAbandonedWorkFolders() {
        var st = stat()
        guard lstat(workFoldersPath, &st) == 0, st.st_mode & S_IFMT == S_IFDIR,
            let names = try? Posix.listDirectory(workFoldersPath)
        else { return }
        for name in names where FileStore.isWorkFolderName(name) {
            let path = workFoldersPath + "/" + name
            guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR, st.st_uid == geteuid() else { continue }
            let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            // (A folder whose maker has not taken its lock yet, a few microseconds after mkdtemp,
            // may be removed; its maker then fails to lock it and stops with an error.)
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { Posix.removeTree(path) }
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

extension WorkFolder {
    /// A private working folder (0700, made by `mkdtemp`) under `$XDG_RUNTIME_DIR` (a per-user tmpfs)
    /// or else the temp folder, for a store without a folder of its own (the team store).
    public static func makePrivate() throws -> WorkFolder {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_RUNTIME_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory()
        var template = Array((base + "/unge-arbejde-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw StoreError.io(operation: "oprette en privat arbejdsmappe i", file: base, code: errno, visible: false)
        }
        let path = String(cString: made)
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 || flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let e = errno
            if fd >= 0 { close(fd) }
            rmdir(path)
            throw StoreError.io(operation: "låse arbejdsmappen i", file: base, code: e, visible: false)
        }
        return WorkFolder(url: URL(fileURLWithPath: path), fd: fd)
    }
}
