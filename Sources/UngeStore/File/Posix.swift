import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin wrappers over the system calls the store uses. Every function reports failure as an errno
/// value (`PosixFailure`) so callers can map it to a `StoreError` with the right file name.
enum Posix {
    /// A failed system call: which one, and errno.
    struct Failure: Error {
        let call: String
        let code: Int32
    }

    /// Danish text for the errno values a user can act on.
    static func errorText(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "disken er fuld"
        case EDQUOT: return "diskkvoten er brugt op"
        case EFBIG: return "filen er for stor (grænsen for filstørrelse er nået)"
        case EACCES, EPERM: return "adgang nægtet"
        case EROFS: return "filsystemet er skrivebeskyttet"
        case EIO: return "I/O-fejl på disken"
        case ENOENT: return "findes ikke"
        case ENOTDIR: return "en del af stien er ikke en mappe"
        case EEXIST: return "findes allerede"
        case ELOOP: return "er et symbolsk link"
        case EISDIR: return "er en mappe"
        default: return String(cString: strerror(code)) + " (errno \(code))"
        }
    }

    /// Opens `path` for writing as a new file: `O_CREAT|O_EXCL|O_NOFOLLOW|O_WRONLY|O_CLOEXEC`,
    /// mode 0600, then checks the mode with `fstat` and fixes it with `fchmod` whatever the umask.
    static func createExclusive(_ path: String) throws(Failure) -> Int32 {
        let fd = open(path, O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, mode_t(0o600))
        if fd < 0 { throw Failure(call: "open", code: errno) }
        var st = stat()
        if fstat(fd, &st) != 0 {
            let e = errno
            close(fd)
            unlink(path)
            throw Failure(call: "fstat", code: e)
        }
        if st.st_mode & 0o777 != 0o600 {
            if fchmod(fd, 0o600) != 0 {
                let e = errno
                close(fd)
                unlink(path)
                throw Failure(call: "fchmod", code: e)
            }
        }
        return fd
    }

    /// Writes every byte, looping on partial writes and `EINTR`.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(Failure) {
        if bytes.isEmpty { return }
        let result: Int32 = bytes.withUnsafeBytes { buf in
            var offset = 0
            while offset < buf.count {
                let n = write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if n == 0 { return EIO }
                offset += n
            }
            return 0
        }
        if result != 0 { throw Failure(call: "write", code: result) }
    }

    /// `fsync`, never retried: a failed fsync may have dropped the dirty pages.
    static func sync(_ fd: Int32) throws(Failure) {
        if fsync(fd) != 0 { throw Failure(call: "fsync", code: errno) }
    }

    /// `close`, with its result checked (NFS reports write errors here). Not retried on EINTR.
    static func closeChecked(_ fd: Int32) throws(Failure) {
        if close(fd) != 0 { throw Failure(call: "close", code: errno) }
    }

    /// Opens a folder and fsyncs it, so that a rename or a new entry in it survives a power cut.
    static func syncDirectory(_ path: String) throws(Failure) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw Failure(call: "open", code: errno) }
        if fsync(fd) != 0 {
            let e = errno
            close(fd)
            throw Failure(call: "fsync", code: e)
        }
        close(fd)
    }

    /// The one durable write of the store: creates `path` as a new file (0600 whatever the umask,
    /// `O_EXCL`, never through a link), writes every byte, fsyncs it (with `sync`) and closes it,
    /// checking every result. `before` is told each step just before it runs (fault injection).
    /// With `holdLock` the new file also carries an exclusive `flock`, kept by the returned
    /// descriptor until the caller closes it, so a cleaner can tell a live writer's temp file from
    /// an abandoned one. On any failure the file is removed and the error (a `Failure` naming the
    /// step, or what `before` threw) is passed on.
    @discardableResult
    static func writeNewFile(
        _ path: String, _ bytes: [UInt8], sync: Bool = true, holdLock: Bool = false,
        before: ((SaveStep) throws -> Void)? = nil
    ) throws -> Int32? {
        try before?(.open)
        let fd = try createExclusive(path)
        var open = true
        var kept: Int32?
        do {
            if holdLock {
                // A fresh file nobody else has open: the lock is granted at once.
                _ = flock(fd, LOCK_EX | LOCK_NB)
                let dup = fcntl(fd, F_DUPFD_CLOEXEC, 0)
                if dup < 0 { throw Failure(call: "open", code: errno) }
                kept = dup
            }
            try before?(.write)
            try writeAll(fd, bytes)
            if sync {
                try before?(.fsync)
                do { try self.sync(fd) } catch let f { throw Failure(call: "fsync", code: f.code) }
            }
            try before?(.close)
            open = false
            do { try closeChecked(fd) } catch let f { throw Failure(call: "close", code: f.code) }
        } catch {
            if open { close(fd) }
            if let kept { close(kept) }
            unlink(path)
            throw error
        }
        return kept
    }

    /// Reads a whole regular file (not following a symbolic link). Files over `limit` bytes are refused with EFBIG.
    /// Opened with `O_NONBLOCK`, so a FIFO or device in place of a file is refused (EINVAL) instead
    /// of blocking forever; the flag has no effect on regular files.
    static func readFile(_ path: String, limit: Int = FileStore.maximumCaseFileBytes) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 { throw Failure(call: "open", code: errno) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) != 0 { throw Failure(call: "fstat", code: errno) }
        if st.st_mode & S_IFMT == S_IFDIR { throw Failure(call: "read", code: EISDIR) }
        if st.st_mode & S_IFMT != S_IFREG { throw Failure(call: "read", code: EINVAL) }
        let size = Int(st.st_size)
        if size > limit { throw Failure(call: "read", code: EFBIG) }
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var total = 0
        let rc: Int32 = bytes.withUnsafeMutableBytes { buf in
            while true {
                if total == buf.count { return 0 }
                let n = read(fd, buf.baseAddress! + total, buf.count - total)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if n == 0 { return 0 }
                total += n
            }
        }
        if rc != 0 { throw Failure(call: "read", code: rc) }
        if total > size {
            // The file grew while we read it; read the rest.
            while true {
                var chunk = [UInt8](repeating: 0, count: 65536)
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw Failure(call: "read", code: errno)
                }
                if n == 0 { break }
                bytes.removeLast(bytes.count - total)
                bytes += chunk[0..<n]
                total += n
                bytes.append(0)
                if total > limit { throw Failure(call: "read", code: EFBIG) }
            }
        }
        bytes.removeLast(bytes.count - total)
        return bytes
    }

    /// The names in a folder (without `.` and `..`), read with `opendir`/`readdir`.
    static func listDirectory(_ path: String) throws(Failure) -> [String] {
        guard let dir = opendir(path) else { throw Failure(call: "opendir", code: errno) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        return names
    }

    /// The host name, as `gethostname` reports it.
    static func hostName() -> String {
        var buf = [CChar](repeating: 0, count: 256)
        if gethostname(&buf, 255) != 0 { return "ukendt" }
        let bytes = buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Wall-clock time in nanoseconds since 1970 (for ages of lock and temp files only).
    static func nowNanoseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }

    /// Sleeps for `ms` milliseconds.
    static func sleepMilliseconds(_ ms: Int) {
        var request = timespec(tv_sec: ms / 1000, tv_nsec: (ms % 1000) * 1_000_000)
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }

    /// Eight random hex digits for unique file names.
    static func randomHex() -> String {
        let s = String(UInt32.random(in: .min ... .max), radix: 16)
        return String(repeating: "0", count: 8 - s.count) + s
    }
}
