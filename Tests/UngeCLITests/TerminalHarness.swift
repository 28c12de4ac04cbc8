import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension Unge {
    /// Runs `unge args` with standard output on a pseudo-terminal of `columns` columns (the width
    /// `unge` reads with TIOCGWINSZ), stdin from a pipe, a pinned clock and user and no colour.
    /// Returns stdout with the terminal's CR LF turned back into LF.
    static func runInTerminal(
        _ args: [String], columns: UInt16 = 80, store: URL? = nil, env: [String: String] = [:], colour: Bool = false
    ) throws -> Result {
        let (master, slave) = try PTY.openPair(columns: columns, rows: 50)

        let p = Process()
        p.executableURL = binary
        var arguments = args + (store.map { ["--lager", $0.path] } ?? [])
        var environment = ProcessInfo.processInfo.environment
        environment["UNGE_NU"] = "2026-09-01T08:30:00Z"
        environment["UNGE_BRUGER"] = "testbruger"
        if colour { environment.removeValue(forKey: "NO_COLOR") } else { environment["NO_COLOR"] = "1" }
        environment["TERM"] = "xterm"
        environment["COLUMNS"] = "200"  // the terminal's own width wins over $COLUMNS
        environment.removeValue(forKey: "UNGE_LAGER")
        for (k, v) in env { environment[k] = v }
        try Unge.onTeamStore(&arguments, &environment)
        p.arguments = arguments
        p.environment = environment
        let err = Pipe()
        let inp = Pipe()
        p.standardOutput = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        p.standardError = err
        p.standardInput = inp
        try p.run()
        close(slave)
        try inp.fileHandleForWriting.close()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress!, $0.count) }
            if n > 0 { out += buffer[0..<n] } else if n < 0, errno == EINTR { continue } else { break }
        }
        close(master)
        group.wait()
        p.waitUntilExit()
        let text = String(decoding: out, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        return Result(status: p.terminationStatus, stdout: text, stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// The pseudo-terminal calls of glibc, which the Glibc module does not export (they need
/// _XOPEN_SOURCE), looked up by name.
enum PTY {
    typealias IntFn = @convention(c) (Int32) -> Int32
    typealias NameFn = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    static func symbol<T>(_ name: String, as: T.Type) -> T {
        guard let handle = dlopen(nil, RTLD_NOW), let sym = dlsym(handle, name) else {
            fatalError("\(name) findes ikke i libc")
        }
        return unsafeBitCast(sym, to: T.self)
    }

    static let openpt = symbol("posix_openpt", as: IntFn.self)
    static let grantpt = symbol("grantpt", as: IntFn.self)
    static let unlockpt = symbol("unlockpt", as: IntFn.self)
    static let ptsname = symbol("ptsname", as: NameFn.self)

    /// A new pseudo-terminal: its master and slave descriptors, the slave `columns` wide.
    static func openPair(columns: UInt16, rows: UInt16) throws -> (master: Int32, slave: Int32) {
        let master = openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else {
            throw POSIXError(.EIO)
        }
        let slave = open(String(cString: name), O_RDWR | O_NOCTTY)
        guard slave >= 0 else {
            close(master)
            throw POSIXError(.EIO)
        }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
        return (master, slave)
    }
}
