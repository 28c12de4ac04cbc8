#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import UngeCore

/// What a lock file `laase/<id>.lock` holds: who is saving, from which process and host, since when.
struct LockInfo: Codable, Equatable {
    var owner: String
    var pid: Int32
    var host: String
    var time: Date
}

/// A held save lock; `release()` removes the lock file if it is still ours.
struct HeldLock {
    let path: String
    let content: [UInt8]

    func release() {
        // Only remove the file if it is still ours (a lock can be broken as stale by another process
        // after 30 s, and a new holder's file must survive).
        if let now = try? Posix.readFile(path, limit: 65536), now == content { unlink(path) }
    }
}

extension CaseStore {
    /// A lock older than this is broken even if its process cannot be checked (another host): the
    /// lock guards only a read-compare-rename of a few milliseconds.
    static let lockStaleAfterNanoseconds: Int64 = 30_000_000_000

    /// Takes `laase/<id>.lock` with `O_EXCL`, polling every 3 ms up to `lockTimeout`. A stale lock
    /// (dead process on this host, unreadable, or older than 30 s) is broken and an `unlock` audit
    /// event written; if the wait runs out, `StoreError.locked` names the holder.
    func acquireLock(_ id: CaseID, user: String, command: String, now: Date) throws -> HeldLock {
        let path = locksPath + "/" + id.rawValue + ".lock"
        let info = LockInfo(owner: StoreText.maskCPR(user), pid: pid, host: hostName, time: now)
        var content = (try? [UInt8](UngeJSON.encoder(pretty: false).encode(info))) ?? []
        content.append(UInt8(ascii: "\n"))
        let deadline = Posix.nowNanoseconds() + Int64(lockTimeout * 1e9)
        var lastSeen: LockInfo?
        while true {
            let fd = open(path, O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, mode_t(0o600))
            if fd >= 0 {
                var ok = true
                do { try Posix.writeAll(fd, content) } catch { ok = false }
                if close(fd) != 0 { ok = false }
                if !ok {
                    unlink(path)
                    throw StoreError.io(operation: "oprette låsefilen", file: "laase/\(id).lock", code: EIO, visible: false)
                }
                return HeldLock(path: path, content: content)
            }
            let e = errno
            if e != EEXIST {
                throw StoreError.io(operation: "oprette låsefilen", file: "laase/\(id).lock", code: e, visible: false)
            }
            if let holder = try breakIfStale(path, id: id, user: user, command: command, now: now) {
                lastSeen = holder
            } else {
                continue  // broken (or vanished): try again at once
            }
            if Posix.nowNanoseconds() >= deadline {
                let h = lastSeen
                throw StoreError.locked(
                    id, owner: h?.owner ?? "ukendt", host: h?.host ?? "ukendt", pid: h?.pid ?? 0,
                    since: h.map { UngeJSON.formatTimestamp($0.time) } ?? "ukendt")
            }
            Posix.sleepMilliseconds(3)
        }
    }

    /// Looks at an existing lock file. Returns its holder if it is live; breaks it and returns nil
    /// if it is stale or has vanished.
    private func breakIfStale(_ path: String, id: CaseID, user: String, command: String, now: Date) throws -> LockInfo? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)  // never block on a FIFO
        if fd < 0 { return nil }  // vanished meanwhile
        var st = stat()
        let statOK = fstat(fd, &st) == 0
        var bytes = [UInt8](repeating: 0, count: 4096)
        let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
        close(fd)
        guard statOK else { return nil }
        let content = n > 0 ? Array(bytes[0..<n]) : []
        let info = try? UngeJSON.decoder().decode(LockInfo.self, from: Data(content))
        let mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        let age = Posix.nowNanoseconds() - mtime
        let stale: Bool
        if let info {
            stale =
                (info.host == hostName && !Posix.processAlive(info.pid))
                || age > CaseStore.lockStaleAfterNanoseconds
        } else {
            // Empty or half-written: its creator may be writing it right now; give it 2 s.
            stale = age > 2_000_000_000
        }
        if !stale {
            return info ?? LockInfo(owner: "ukendt", pid: 0, host: "ukendt", time: now)
        }
        // Move the stale file aside atomically, then check it is the one we judged (same inode and
        // content); if another process replaced it meanwhile, put that one back.
        let aside = path + ".stale." + String(pid) + "." + Posix.randomHex()
        if rename(path, aside) != 0 { return nil }
        var st2 = stat()
        let same =
            lstat(aside, &st2) == 0 && st2.st_ino == st.st_ino
            && (try? Posix.readFile(aside, limit: 65536)) == content
        if !same {
            _ = link(aside, path)
            unlink(aside)
            return nil
        }
        do {
            try appendAudit(
                AuditEvent(time: now, user: user, action: .unlock, caseID: id, command: command))
        } catch {
            // Fail closed: put the stale lock back and report.
            if link(aside, path) == 0 { unlink(aside) }
            throw error
        }
        unlink(aside)
        return nil
    }
}
