import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The store's own folders and files, and the rules for touching them: unge uses only what it
/// created itself. A store folder that is a symbolic link (or anything but a folder) is refused,
/// never followed; an existing folder others can read is refused, never made private behind the
/// user's back; a missing store is created only when asked to (`createIfMissing`).
extension FileStore {
    /// The folders under the store root, with the name used in messages.
    var ownFolders: [(path: String, name: String)] {
        [
            (casesPath, "sager"), (logPath, "log"), (locksPath, "laase"), (workFoldersPath, "rediger"),
            (deletionPath, "sletning"),
        ]
    }

    /// The files directly in the store root that every command may use. (`indstillinger.json` is
    /// checked where it is read, `loadSettings`, with its own message.)
    var ownFiles: [(path: String, name: String)] {
        [(indexPath, "indeks.tsv")]
    }

    /// True when something exists at the store path (a folder, or a link to one).
    public var rootExists: Bool {
        var st = stat()
        return stat(rootPath, &st) == 0
    }

    /// Checks an existing store before a command uses it: the root is a private folder (a symbolic
    /// link to one is allowed: that is where the user put it), and each store folder and root file
    /// that exists is the real thing, not a link or a special file. Throws `noStore`, `sharedFolder`
    /// or `foreignEntry`; reads and changes nothing.
    public func checkLayout() throws {
        try checkRoot()
        for (path, name) in ownFolders { try checkOwnFolder(path, name: name, strict: false) }
        for (path, name) in ownFiles {
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            if st.st_mode & S_IFMT != S_IFREG { throw StoreError.foreignEntry(file: name, found: FileStore.kind(st)) }
        }
    }

    /// Creates the store folder (and missing parents, each 0700) if nothing is there. Returns true
    /// when it was created, so the caller can say so ("Nyt lager oprettet i …").
    @discardableResult
    public func createIfMissing() throws -> Bool {
        if rootExists { return false }
        var parts: [String] = []
        var p = rootPath
        var st = stat()
        while !p.isEmpty && p != "/" && stat(p, &st) != 0 {
            parts.append(p)
            p = (p as NSString).deletingLastPathComponent
        }
        do {
            for dir in parts.reversed() {
                if mkdir(dir, 0o700) != 0 && errno != EEXIST { throw Posix.Failure(call: "mkdir", code: errno) }
                try Posix.syncDirectory((dir as NSString).deletingLastPathComponent)
            }
        } catch let f as Posix.Failure {
            throw StoreError.io(operation: "oprette lagermappen", file: rootPath, code: f.code, visible: false)
        }
        return true
    }

    /// The root must be a folder that only its owner can use.
    func checkRoot() throws {
        var st = stat()
        guard stat(rootPath, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else { throw StoreError.noStore(path: rootPath) }
        if st.st_mode & 0o077 != 0 { throw StoreError.sharedFolder(path: rootPath, mode: Int(st.st_mode & 0o7777)) }
    }

    /// A store folder, if it exists, must be a real folder (never followed through a link) that only
    /// its owner can use. Not `strict`, only a symbolic link is refused among non-folders (a plain
    /// file in its place makes the operations on it fail with their own message, and reads that
    /// do not need it still work).
    func checkOwnFolder(_ path: String, name: String, strict: Bool = true) throws {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        let type = st.st_mode & S_IFMT
        if type != S_IFDIR && (strict || type == S_IFLNK) {
            throw StoreError.foreignEntry(file: name, found: FileStore.kind(st))
        }
        guard type == S_IFDIR else { return }
        if st.st_mode & 0o077 != 0 {
            throw StoreError.sharedFolder(path: rootPath + "/" + name, mode: Int(st.st_mode & 0o7777))
        }
    }

    /// Makes sure a folder of the store exists: created 0700 if missing (and its parent fsynced);
    /// an existing one is checked (`checkOwnFolder`), never changed. Returns true when created.
    @discardableResult
    func ensureFolder(_ path: String, name: String) throws -> Bool {
        if mkdir(path, 0o700) == 0 {
            do { try Posix.syncDirectory((path as NSString).deletingLastPathComponent) } catch let f {
                throw StoreError.io(operation: "oprette mappen", file: name, code: f.code, visible: false)
            }
            return true
        }
        let e = errno
        guard e == EEXIST else { throw StoreError.io(operation: "oprette mappen", file: name, code: e, visible: false) }
        try checkOwnFolder(path, name: name)
        return false
    }

    /// What a non-folder, non-file entry is, in Danish, for `foreignEntry`.
    static func kind(_ st: stat) -> String {
        switch st.st_mode & S_IFMT {
        case S_IFLNK: return "et symbolsk link"
        case S_IFIFO: return "en FIFO (navngivet rør)"
        case S_IFDIR: return "en mappe"
        case S_IFREG: return "en almindelig fil"
        case S_IFSOCK: return "en socket"
        default: return "en særlig fil (enhed)"
        }
    }
}
