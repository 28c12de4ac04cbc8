import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the built `unge` on a pseudo-terminal, as a person at a keyboard would: wait for a prompt,
/// type an answer, press keys (arrows, Ctrl-C, Ctrl-D), or hang up.
final class PseudoTerminal {
    let process = Process()
    let master: Int32
    let slave: Int32
    /// Everything the program wrote so far, with carriage returns removed.
    private(set) var output = ""
    /// Where the next `expect` starts looking.
    private var mark = String.Index(utf16Offset: 0, in: "")

    init(_ args: [String], store: URL, env: [String: String] = [:], columns: UInt16 = 200) throws {
        (master, slave) = try PTY.openPair(columns: columns, rows: 40)
        process.executableURL = Unge.binary
        var arguments = args + ["--lager", store.path]
        var environment = ProcessInfo.processInfo.environment
        environment["UNGE_NU"] = "2026-09-01T08:30:00Z"
        environment["UNGE_BRUGER"] = "testbruger"
        environment["NO_COLOR"] = "1"
        environment["TERM"] = "xterm"
        environment.removeValue(forKey: "UNGE_LAGER")
        for (k, v) in env { environment[k] = v }
        try Unge.onTeamStore(&arguments, &environment)
        process.arguments = arguments
        process.environment = environment
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        mark = output.startIndex
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
        close(slave)
    }

    /// Reads what is available within `timeout` seconds.
    private func pump(timeout: Double) {
        var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let ms = Int32(max(1, deadline.timeIntervalSinceNow * 1000))
            guard poll(&fds, 1, min(ms, 50)) > 0 else {
                if !process.isRunning { break }
                continue
            }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break }
            output += String(decoding: buffer[0..<n], as: UTF8.self).replacingOccurrences(of: "\r", with: "")
            mark = min(mark, output.endIndex)
            return
        }
    }

    /// Waits until `text` appears after the previous match; records an issue if it does not.
    @discardableResult
    func expect(_ text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let r = output.range(of: text, range: mark..<output.endIndex) {
                mark = r.upperBound
                return true
            }
            if Date() >= deadline {
                Issue.record(
                    Comment(rawValue: "Ventede på \"\(text)\". Skærmen viste:\n\(output)"),
                    sourceLocation: sourceLocation)
                return false
            }
            pump(timeout: min(0.2, deadline.timeIntervalSinceNow))
        }
    }

    /// Types text (no Enter).
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, bytes.count) }
    }

    /// Waits for `prompt`, then types `answer` and presses Enter.
    func answer(_ prompt: String, _ answer: String, sourceLocation: SourceLocation = #_sourceLocation) {
        expect(prompt, sourceLocation: sourceLocation)
        type(answer + "\r")
    }

    static let up = "\u{1B}[A", left = "\u{1B}[D", right = "\u{1B}[C", home = "\u{1B}[H", end = "\u{1B}[F"
    static let backspace = "\u{7F}", ctrlC = "\u{03}", ctrlD = "\u{04}"

    /// Sends a signal to the program (SIGHUP: the terminal was closed).
    func signal(_ sig: Int32) { kill(process.processIdentifier, sig) }

    /// Waits for the program to end and returns its exit status.
    func wait(timeout: Double = 20) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { pump(timeout: 0.1) }
        if process.isRunning {
            process.terminate()
            Issue.record(Comment(rawValue: "unge sluttede ikke. Skærmen viste:\n\(output)"))
        }
        process.waitUntilExit()
        pump(timeout: 0.2)
        return process.terminationStatus
    }

    /// True when the terminal is back in normal (canonical, echoing) mode.
    var terminalRestored: Bool {
        var t = termios()
        guard tcgetattr(slave, &t) == 0 else { return false }
        return t.c_lflag & tcflag_t(ICANON) != 0 && t.c_lflag & tcflag_t(ECHO) != 0
    }
}
