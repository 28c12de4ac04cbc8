import Foundation
import UngeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the holder writes into its lock file `laase/<id>.lock`: who is saving, from which process
/// and host, since when. Read only to name the holder in a message; never used to decide anything.
struct LockInfo: Codable, Equatable {
    var owner: String
    var pid: Int32
    var host: String
    var time: Date
}

/// A held save lock: an open file description of `laase/<id>.lock` carrying an exclusive `flock`.
/// The kernel releases it when the file is closed or the process dies, however it dies (SIGKILL,
/// a crash, a container stopped), so a lock is never guessed stale and never broken by others.
struct HeldLock {
    let fd: Int32

    func release() {
        // Closing the only descriptor of this open file description drops the flock.
        close(fd)
    }
}

extension FileStore {
    /// The default longest wait for another process's save lock, in seconds.
    public static let defaultLockTimeout: Double = 5

    /// Takes the save lock of a case: opens (creating if needed) `laase/<id>.lock` and places an
    /// exclusive `flock` on it, polling every 2 ms for at most `lockTimeout` seconds whatever the file
    /// holds. The lock file is never removed (removing a lock file can let two holders lock two
    /// different files). Something that is not a plain lock file of ours (a symbolic link, FIFO,
    /// folder, device, hard link) is refused at once. If the wait runs out, `StoreError.locked`
    /// names the holder from what it wrote into the file.
    func acquireLock(_ id: CaseID, user: String, command: String, now: Date) throws -> HeldLock {
        let file = "laase/" + id.rawValue + ".lock"
        let path = locksPath + "/" + id.rawValue + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, mode_t(0o600))
        if fd < 0 {
            let e = errno
            switch e {
            case ELOOP: throw StoreError.foreignEntry(file: file, found: "et symbolsk link")
            case EISDIR: throw StoreError.foreignEntry(file: file, found: "en mappe")
            case ENXIO, ENODEV, ETXTBSY: throw StoreError.foreignEntry(file: file, found: "en særlig fil")
            default: throw StoreError.io(operation: "åbne låsefilen", file: file, code: e, visible: false)
            }
        }
        var st = stat()
        if fstat(fd, &st) != 0 {
            let e = errno
            close(fd)
            throw StoreError.io(operation: "åbne låsefilen", file: file, code: e, visible: false)
        }
        guard st.st_mode & S_IFMT == S_IFREG, st.st_nlink == 1, st.st_uid == geteuid() else {
            close(fd)
            let found =
                st.st_mode & S_IFMT == S_IFIFO
                ? "en FIFO (navngivet rør)"
                : st.st_mode & S_IFMT != S_IFREG
                    ? "en særlig fil"
                    : st.st_nlink != 1 ? "en fil med flere navne (hårdt link)" : "en fil ejet af en anden bruger"
            throw StoreError.foreignEntry(file: file, found: found)
        }
        let deadline = Posix.nowNanoseconds() + Int64(lockTimeout * 1e9)
        while true {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { break }
            let e = errno
            if e == EINTR { continue }
            guard e == EWOULDBLOCK || e == EAGAIN else {
                close(fd)
                throw StoreError.io(operation: "låse", file: file, code: e, visible: false)
            }
            if Posix.nowNanoseconds() >= deadline {
                let holder = FileStore.readHolder(fd)
                close(fd)
                throw StoreError.locked(
                    id, owner: holder?.owner ?? "ukendt", host: holder?.host ?? "ukendt", pid: holder?.pid ?? 0,
                    since: holder.map { DanishTime.format($0.time) } ?? "ukendt")
            }
            Posix.sleepMilliseconds(2)
        }
        // Ours now: record who holds it, for a waiter's message only (failure here changes nothing).
        let info = LockInfo(owner: StoreText.maskCPR(user), pid: pid, host: hostName, time: now)
        if var content = try? [UInt8](UngeJSON.encoder(pretty: false).encode(info)) {
            content.append(UInt8(ascii: "\n"))
            if st.st_mode & 0o777 != 0o600 { _ = fchmod(fd, 0o600) }
            _ = ftruncate(fd, 0)
            _ = content.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, 0) }
        }
        return HeldLock(fd: fd)
    }

    /// The holder's own description from the lock file (first 4 KB), or nil if it is empty or not
    /// a description (a holder that has not written it yet, or garbage).
    static func readHolder(_ fd: Int32) -> LockInfo? {
        var bytes = [UInt8](repeating: 0, count: 4096)
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, 0) }
        guard n > 0 else { return nil }
        return try? UngeJSON.decoder().decode(LockInfo.self, from: Data(bytes[0..<n]))
    }
}
