import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Signals that stop a dialogue (Ctrl-C, a closed terminal, `kill`) without killing the process,
/// so the dialogue can keep its answers as a draft and restore the terminal first.
///
/// The handler only records the signal; a blocked `read` returns `EINTR` (no `SA_RESTART`) and the
/// line readers report the line as missing. Installed only while a dialogue runs.
enum Interrupts {
    nonisolated(unsafe) static var pending: Int32 = 0
    static let trapped: [Int32] = [SIGINT, SIGHUP, SIGTERM]

    static func install() {
        pending = 0
        for sig in trapped {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in Interrupts.pending = sig }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(sig, &action, nil)
        }
        // A parent may have started us with these signals blocked; they must reach the handler.
        var set = sigset_t()
        sigemptyset(&set)
        for sig in trapped { sigaddset(&set, sig) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    static func uninstall() {
        for sig in trapped { signal(sig, SIG_DFL) }
    }

    /// Runs `body` with the handlers installed and puts back whatever was there before, so the
    /// terminal can be restored after a signal even outside a document dialogue.
    static func trapping<T>(_ body: () -> T) -> T {
        var previous: [sigaction] = []
        for sig in trapped {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in Interrupts.pending = sig }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            var old = sigaction()
            sigaction(sig, &action, &old)
            previous.append(old)
        }
        var set = sigset_t()
        var blocked = sigset_t()
        sigemptyset(&set)
        for sig in trapped { sigaddset(&set, sig) }
        pthread_sigmask(SIG_UNBLOCK, &set, &blocked)
        defer {
            for (i, sig) in trapped.enumerated() { sigaction(sig, &previous[i], nil) }
            pthread_sigmask(SIG_SETMASK, &blocked, nil)
        }
        return body()
    }
}

/// Reads one line at a time straight from a file descriptor (no stdio buffering), so a signal can
/// interrupt the wait. Used when standard input is not a terminal.
enum PlainLineReader {
    static func readLine(fd: Int32 = 0) -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            if Interrupts.pending != 0 { return nil }
            let n = read(fd, &byte, 1)
            if n < 0 {
                if errno == EINTR { continue }
                return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
            }
            if n == 0 { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == 10 {
                if bytes.last == 13 { bytes.removeLast() }
                return String(decoding: bytes, as: UTF8.self)
            }
            bytes.append(byte)
        }
    }
}

/// A small line editor over termios for answers typed on a terminal: arrow keys, Home/End,
/// backspace and delete over whole characters (æ, ø, å and other UTF-8), Ctrl-A/E/U/K, and the
/// earlier answers of the dialogue with up and down. The terminal is put in raw mode only while
/// a line is read, and always restored (also when a signal arrives: the read is interrupted, and
/// the mode is restored before the dialogue goes on).
enum LineEditor {
    /// Earlier answers in this run, oldest first.
    nonisolated(unsafe) static var history: [String] = []

    static func readLine(prompt: String = "", input: Int32 = 0, output: Int32 = 2) -> String? {
        var original = termios()
        guard tcgetattr(input, &original) == 0 else {
            State(output: output).emit(prompt)
            return PlainLineReader.readLine(fd: input)
        }
        var raw = original
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL | INLCR | IGNCR | ISTRIP | INPCK | BRKINT)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        // TCSANOW: answers typed ahead stay in the queue.
        guard tcsetattr(input, TCSANOW, &raw) == 0 else {
            State(output: output).emit(prompt)
            return PlainLineReader.readLine(fd: input)
        }
        defer { _ = tcsetattr(input, TCSANOW, &original) }
        return Interrupts.trapping { edit(prompt: prompt, input: input, output: output) }
    }

    private static func edit(prompt: String, input: Int32, output: Int32) -> String? {
        var state = State(output: output)
        state.promptWidth = TextTable.visibleWidth(
            String(prompt.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""))
        var size = winsize()
        if ioctl(output, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { state.columns = Int(size.ws_col) }
        state.emit(prompt)
        return state.run(input: input)
    }

    private struct State {
        let output: Int32
        var buffer: [Character] = []
        var cursor = 0
        var historyIndex = LineEditor.history.count
        var pendingLine: [Character] = []

        /// Columns the prompt takes on its last line, and the terminal's width, so a line longer
        /// than the screen is redrawn over the rows it wraps onto.
        var promptWidth = 0
        var columns = 80

        init(output: Int32) { self.output = output }

        mutating func run(input: Int32) -> String? {
            while true {
                guard let b = readByte(input) else { return nil }
                switch b {
                case 13, 10:
                    emit("\r\n")
                    let line = String(buffer)
                    if !line.isEmpty && LineEditor.history.last != line { LineEditor.history.append(line) }
                    return line
                case 3:  // Ctrl-C
                    emit("^C\r\n")
                    Interrupts.pending = SIGINT
                    return nil
                case 4:  // Ctrl-D: end of input on an empty line, else delete
                    if buffer.isEmpty {
                        emit("\r\n")
                        return nil
                    }
                    delete()
                case 127, 8: backspace()
                case 1: move(to: 0)
                case 5: move(to: buffer.count)
                case 21:  // Ctrl-U
                    buffer.removeFirst(cursor)
                    let old = cursor
                    cursor = 0
                    redraw(from: old)
                case 11:  // Ctrl-K
                    buffer.removeLast(buffer.count - cursor)
                    redraw(from: cursor)
                case 27: escape(input)
                case 0..<32: break
                default:
                    guard let c = character(startingWith: b, input) else { continue }
                    buffer.insert(c, at: cursor)
                    cursor += 1
                    if cursor == buffer.count && (promptWidth + cursor) % max(columns, 1) != 0 {
                        emit(String(c))  // typing at the end: just echo
                    } else {
                        redraw(from: cursor - 1)
                    }
                }
            }
        }

        func readByte(_ fd: Int32) -> UInt8? {
            var byte: UInt8 = 0
            while true {
                if Interrupts.pending != 0 { return nil }
                let n = read(fd, &byte, 1)
                if n == 1 { return byte }
                if n < 0 && errno == EINTR { continue }
                return nil
            }
        }

        /// A whole UTF-8 character from its lead byte.
        func character(startingWith lead: UInt8, _ fd: Int32) -> Character? {
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            var bytes = [lead]
            while bytes.count < length {
                guard let b = readByte(fd) else { return nil }
                bytes.append(b)
            }
            return String(decoding: bytes, as: UTF8.self).first
        }

        mutating func escape(_ fd: Int32) {
            guard let b1 = readByte(fd) else { return }
            guard b1 == UInt8(ascii: "[") || b1 == UInt8(ascii: "O") else { return }
            guard var b2 = readByte(fd) else { return }
            var number = ""
            while b2 >= UInt8(ascii: "0") && b2 <= UInt8(ascii: "9") {
                number.append(Character(Unicode.Scalar(b2)))
                guard let next = readByte(fd) else { return }
                b2 = next
            }
            switch (b2, number) {
            case (UInt8(ascii: "A"), _): recall(-1)
            case (UInt8(ascii: "B"), _): recall(1)
            case (UInt8(ascii: "C"), _): move(to: min(buffer.count, cursor + 1))
            case (UInt8(ascii: "D"), _): move(to: max(0, cursor - 1))
            case (UInt8(ascii: "H"), _), (UInt8(ascii: "~"), "1"), (UInt8(ascii: "~"), "7"): move(to: 0)
            case (UInt8(ascii: "F"), _), (UInt8(ascii: "~"), "4"), (UInt8(ascii: "~"), "8"): move(to: buffer.count)
            case (UInt8(ascii: "~"), "3"): delete()
            default: break
            }
        }

        mutating func backspace() {
            guard cursor > 0 else { return }
            buffer.remove(at: cursor - 1)
            let old = cursor
            cursor -= 1
            redraw(from: old)
        }

        mutating func delete() {
            guard cursor < buffer.count else { return }
            buffer.remove(at: cursor)
            redraw(from: cursor)
        }

        mutating func move(to position: Int) {
            let old = cursor
            cursor = position
            redraw(from: old)
        }

        mutating func recall(_ step: Int) {
            let h = LineEditor.history
            let target = historyIndex + step
            guard target >= 0, target <= h.count else { return }
            if historyIndex == h.count { pendingLine = buffer }
            historyIndex = target
            buffer = target == h.count ? pendingLine : Array(h[target])
            let old = cursor
            cursor = buffer.count
            redraw(from: old)
        }

        /// Rewrites the line. The terminal cursor is at input position `shown`; go back to the start
        /// of the input (up over wrapped rows), write the whole buffer, clear what is left of the old
        /// text, then move to the cursor.
        func redraw(from shown: Int) {
            let w = max(columns, 1)
            func place(_ i: Int) -> (row: Int, col: Int) { ((promptWidth + i) / w, (promptWidth + i) % w) }
            let from = place(shown)
            let start = place(0)
            let end = place(buffer.count)
            let target = place(cursor)
            var s = ""
            if from.row > start.row { s += "\u{1B}[\(from.row - start.row)A" }
            s += "\r"
            if start.col > 0 { s += "\u{1B}[\(start.col)C" }
            s += String(buffer) + "\u{1B}[J"
            // At the very end of a full row the terminal waits to wrap: move to the next row now.
            if end.col == 0 && buffer.count > 0 { s += "\r\n" }
            if end.row > target.row { s += "\u{1B}[\(end.row - target.row)A" }
            s += "\r"
            if target.col > 0 { s += "\u{1B}[\(target.col)C" }
            emit(s)
        }

        func emit(_ s: String) {
            let bytes = Array(s.utf8)
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeBytes { write(output, $0.baseAddress! + offset, bytes.count - offset) }
                if n < 0 { if errno == EINTR { continue } else { return } }
                offset += n
            }
        }
    }
}
