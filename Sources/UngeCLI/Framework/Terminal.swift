import Foundation
import UngeCore

#if canImport(Glibc)
    import Glibc
#endif

/// Where a command's text goes and comes from. Injectable so commands can be run in-process by tests.
///
/// The one output path: everything written to stdout or stderr passes through `safe`, which masks
/// CPR numbers (`CPRMask`; on stdout unless the command was given `--vis-cpr`, on stderr always)
/// and neutralises control characters (`TerminalText`: shown as `\u{1B}`), so nothing from a case
/// can control the terminal. Colour is the only escape sequence that reaches the terminal: the
/// colour helpers insert markers that only this process can make (a random nonce per run), and
/// `safe` turns them into colour codes after the neutralising.
final class Console: @unchecked Sendable {
    private var out: [UInt8] = []
    /// Masks CPR numbers on stdout; false only for a command given `--vis-cpr`.
    var maskCPROnStdout = true
    /// The per-run marker that starts a colour code (see `safe`).
    private let marker: String = {
        var m = "\u{E000}"
        var n = UInt32.random(in: 0...UInt32.max)
        for _ in 0..<8 {
            m.unicodeScalars.append(Unicode.Scalar(0xE010 + (n & 0xF))!)
            n >>= 4
        }
        return m
    }()
    /// The colour codes, by the scalar that follows the marker.
    private static let styles: [(Unicode.Scalar, String)] = [
        ("\u{E001}", "\u{1B}[0m"), ("\u{E002}", "\u{1B}[1m"), ("\u{E003}", "\u{1B}[2m"),
        ("\u{E004}", "\u{1B}[31m"), ("\u{E005}", "\u{1B}[32m"), ("\u{E006}", "\u{1B}[33m"),
    ]
    let stdinIsTerminal: Bool
    let stdoutIsTerminal: Bool
    /// Colour only on a terminal, never with NO_COLOR or TERM=dumb.
    let colour: Bool
    /// Columns to wrap tables and guidance at: the terminal's width (TIOCGWINSZ), else `$COLUMNS`,
    /// else 80.
    let width: Int
    /// Columns to wrap prompts, hints and messages at (they go to standard error): the width of
    /// the terminal on standard error, else `$COLUMNS`, else 80.
    let guidanceWidth: Int
    /// Columns to wrap running text on standard output at (help, checklists): the terminal's width,
    /// else `$COLUMNS`, else 80, also when the text goes to a pipe or a file.
    let proseWidth: Int
    /// True when standard error is a terminal: every message there wraps at word boundaries.
    let errorIsTerminal: Bool
    private let readLineImpl: () -> String?
    /// On a terminal the line editor writes the prompt itself, after it has switched to raw mode,
    /// so no keystroke typed after the prompt appears reaches the terminal in its normal mode.
    private let editLine: ((String) -> String?)?
    private var pendingPrompt = ""
    private let writeOut: ([UInt8]) -> Void
    private let writeErr: (String) -> Void

    init(
        stdinIsTerminal: Bool, stdoutIsTerminal: Bool, environment: [String: String],
        readLine: @escaping () -> String?, writeOut: @escaping ([UInt8]) -> Void,
        writeErr: @escaping (String) -> Void, editLine: ((String) -> String?)? = nil, terminalWidth: Int? = nil,
        errorTerminalWidth: Int? = nil
    ) {
        self.editLine = editLine
        self.width = Console.resolveWidth(terminal: terminalWidth, environment: environment)
        self.proseWidth = Console.resolveWidth(terminal: terminalWidth, environment: environment, otherwise: 80)
        self.errorIsTerminal = errorTerminalWidth != nil
        self.guidanceWidth = Console.resolveWidth(
            terminal: errorTerminalWidth ?? terminalWidth, environment: environment, otherwise: 80)
        self.stdinIsTerminal = stdinIsTerminal
        self.stdoutIsTerminal = stdoutIsTerminal
        self.colour = stdoutIsTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        self.readLineImpl = readLine
        self.writeOut = writeOut
        self.writeErr = writeErr
    }

    /// The process's real standard streams.
    static func standard(environment: [String: String]) -> Console {
        Console(
            stdinIsTerminal: isatty(0) == 1, stdoutIsTerminal: isatty(1) == 1, environment: environment,
            readLine: { PlainLineReader.readLine() },
            writeOut: { bytes in
                var offset = 0
                while offset < bytes.count {
                    let n = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress! + offset, bytes.count - offset) }
                    if n < 0 { if errno == EINTR { continue } else { return } }
                    offset += n
                }
            },
            writeErr: { s in
                let bytes = Array(s.utf8)
                var offset = 0
                while offset < bytes.count {
                    let n = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress! + offset, bytes.count - offset) }
                    if n < 0 { if errno == EINTR { continue } else { return } }
                    offset += n
                }
            },
            editLine: isatty(0) == 1 && isatty(2) == 1 ? { LineEditor.readLine(prompt: $0) } : nil,
            terminalWidth: terminalColumns(), errorTerminalWidth: terminalColumns(fd: 2))
    }

    /// The width of the terminal on `fd` (standard output), or nil when it is not a terminal.
    static func terminalColumns(fd: Int32 = 1) -> Int? {
        guard isatty(fd) == 1 else { return nil }
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// The terminal's width, else a sane `$COLUMNS`; never below 40. Output that goes to a pipe or a
    /// file without `$COLUMNS` is not wrapped (`unlimitedWidth`): a script reads one row per line,
    /// and a listing of 10,000 cases does not pay for a layout nobody sees.
    static func resolveWidth(terminal: Int?, environment: [String: String], otherwise: Int = unlimitedWidth) -> Int {
        if let terminal, terminal > 0 { return max(40, terminal) }
        if let c = environment["COLUMNS"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), c > 0 {
            return max(40, min(c, 1000))
        }
        return otherwise
    }

    /// The width used when nothing asks for wrapping.
    static let unlimitedWidth = 1000

    /// Writes to standard output (buffered until `flush`).
    func print(_ text: String = "") {
        out.append(contentsOf: safe(text, maskCPR: maskCPROnStdout).utf8)
        out.append(10)
        if out.count > 1 << 16 { flush() }
    }

    /// Text for standard output that has been through `safe` already: made ahead (a listing's
    /// table is prepared while its audit event is written) and printed later with `print(_:)`.
    struct Prepared: Sendable {
        fileprivate let text: String
    }

    /// `text` as `print` would write it; thread-safe (reads only fixed settings of the console).
    func prepare(_ text: String) -> Prepared { Prepared(text: safe(text, maskCPR: maskCPROnStdout)) }

    /// Writes prepared text and a newline, exactly as `print` writes the text it was prepared from.
    func print(_ prepared: Prepared) {
        out.append(contentsOf: prepared.text.utf8)
        out.append(10)
        if out.count > 1 << 16 { flush() }
    }

    func write(_ text: String) {
        out.append(contentsOf: safe(text, maskCPR: maskCPROnStdout).utf8)
        if out.count > 1 << 16 { flush() }
    }

    /// Writes a line to standard error at once (messages, warnings, prompts).
    func error(_ text: String) {
        flush()
        writePendingPrompt()
        // Masked before it is wrapped, so a CPR number written with a space is never split unmasked.
        let masked = safe(text, maskCPR: true)
        writeErr((errorIsTerminal ? TextWrap.wrapLaidOut(masked, width: guidanceWidth) : masked) + "\n")
    }

    /// A hint or message on stderr, wrapped at word boundaries to `guidanceWidth`; lines after the
    /// first start with `indent`.
    func guide(_ text: String, indent: String? = nil) {
        let text = CPRMask.mask(text)
        if let indent {
            error(TextWrap.wrap(text, width: guidanceWidth, firstIndent: indent, indent: indent))
        } else {
            error(TextWrap.wrapLaidOut(text, width: guidanceWidth))
        }
    }

    /// A question, wrapped so that its last line leaves room for the answer.
    func ask(_ text: String) {
        let lines = TextWrap.wrapLines(CPRMask.mask(text).trimmingTrailingSpaces, width: max(20, guidanceWidth - 8))
        prompt(lines.joined(separator: "\n") + (text.hasSuffix(" ") ? " " : ""))
    }

    /// A prompt goes to stderr without a newline, so stdout stays clean for documents.
    func prompt(_ text: String) {
        flush()
        if editLine != nil { pendingPrompt += safe(text, maskCPR: true) } else { writeErr(safe(text, maskCPR: true)) }
    }

    private func writePendingPrompt() {
        if !pendingPrompt.isEmpty {
            writeErr(pendingPrompt)
            pendingPrompt = ""
        }
    }

    /// What may reach the terminal: CPR numbers masked (when asked), every control character
    /// shown as `\u{..}`, then this run's colour markers turned into colour codes.
    func safe(_ text: String, maskCPR: Bool) -> String {
        var t = TerminalText.neutralise(maskCPR ? CPRMask.mask(text) : text)
        // A marker starts with U+E000 (bytes EE 80 80): look for its first byte with memchr.
        let mayHaveMarker =
            t.utf8.withContiguousStorageIfAvailable { b in
                b.isEmpty ? false : memchr(b.baseAddress!, 0xEE, b.count) != nil
            } ?? t.utf8.contains(0xEE)
        if mayHaveMarker, t.contains(marker) {
            for (scalar, code) in Console.styles { t = t.replacingOccurrences(of: marker + String(scalar), with: code) }
        }
        return t
    }

    func readLine() -> String? {
        flush()
        if let editLine {
            let p = pendingPrompt
            pendingPrompt = ""
            return editLine(p)
        }
        return readLineImpl()
    }

    func flush() {
        guard !out.isEmpty else { return }
        writeOut(out)
        out.removeAll(keepingCapacity: true)
    }

    // MARK: Colour

    private func styled(_ s: String, _ style: Unicode.Scalar) -> String {
        colour ? marker + String(style) + s + marker + "\u{E001}" : s
    }
    func bold(_ s: String) -> String { styled(s, "\u{E002}") }
    func red(_ s: String) -> String { styled(s, "\u{E004}") }
    func yellow(_ s: String) -> String { styled(s, "\u{E006}") }
    func green(_ s: String) -> String { styled(s, "\u{E005}") }
    func dim(_ s: String) -> String { styled(s, "\u{E003}") }
}

/// Plain-text tables for lists: columns padded by the number of characters (Danish letters are
/// one character each). Built as bytes, since `unge liste` prints thousands of rows.
enum TextTable {
    static func render(header: [String], rows rawRows: [[String]]) -> String {
        // A cell is one line: a newline or tab in it is shown escaped, like every control.
        var clean = true
        for r in rawRows.indices where clean {
            for i in rawRows[r].indices where !TerminalText.isClean(rawRows[r][i], keepLineBreaks: false) {
                clean = false
                break
            }
        }
        let body = clean ? rawRows : rawRows.map { $0.map { TerminalText.neutralise($0, keepLineBreaks: false) } }
        return render(header, body)
    }

    /// The table of clean cells. Cells are read in place by index (thousands of rows: iterating
    /// would retain and release every row and cell).
    private static func render(_ header: [String], _ rows: [[String]]) -> String {
        var widths: [Int] = []
        var cellWidths: [Int] = []
        cellWidths.reserveCapacity((rows.count + 1) * header.count)
        var bytes = 0
        func measure(_ cell: String, _ i: Int) {
            let w = visibleWidth(cell)
            cellWidths.append(w)
            bytes += cell.utf8.count
            if i < widths.count { widths[i] = max(widths[i], w) } else { widths.append(w) }
        }
        for i in header.indices { measure(header[i], i) }
        for r in rows.indices {
            for i in rows[r].indices { measure(rows[r][i], i) }
        }
        // Every line: the cells' bytes, padding after all but the last cell, a newline between lines.
        var total = max(0, rows.count)
        var k = 0
        func pad(_ count: Int) {
            for i in 0..<max(0, count - 1) { total += widths[i] - cellWidths[k + i] + 2 }
            k += count
        }
        pad(header.count)
        for r in rows.indices { pad(rows[r].count) }
        total += bytes
        var out = [UInt8](repeating: 32, count: total)
        out.withUnsafeMutableBufferPointer { buf in
            var pos = 0
            var k = 0
            func put(_ cell: String, _ i: Int, of count: Int) {
                let utf8 = cell.utf8
                let n = utf8.count
                let copied: Void? = utf8.withContiguousStorageIfAvailable { src in
                    UnsafeMutableRawPointer(buf.baseAddress! + pos).copyMemory(from: src.baseAddress!, byteCount: n)
                }
                if copied == nil {
                    for b in utf8 {
                        buf[pos] = b
                        pos += 1
                    }
                    pos -= n
                }
                pos += n
                if i < count - 1 { pos += widths[i] - cellWidths[k + i] + 2 }
            }
            for i in header.indices { put(header[i], i, of: header.count) }
            k += header.count
            for r in rows.indices {
                buf[pos] = 10
                pos += 1
                let count = rows[r].count
                for i in 0..<count { put(rows[r][i], i, of: count) }
                k += count
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Characters a cell takes on screen: UTF-8 lead bytes, skipping ANSI colour codes (ESC ... m)
    /// and the console's colour markers (U+E000-U+E01F, bytes EE 80 80-9F).
    static func visibleWidth(_ s: String) -> Int {
        func count<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
            var n = 0
            var inEscape = false
            var previous: (UInt8, UInt8) = (0, 0)
            for b in bytes {
                if inEscape {
                    if b == UInt8(ascii: "m") { inEscape = false }
                } else if b == 0x1B {
                    inEscape = true
                } else if b & 0xC0 != 0x80 {
                    n += 1
                } else if previous.0 == 0xEE, previous.1 == 0x80, b >= 0x80, b <= 0x9F {
                    n -= 1  // a marker scalar: its lead byte was counted
                }
                previous = (previous.1, b)
            }
            return n
        }
        return s.utf8.withContiguousStorageIfAvailable(count) ?? count(s.utf8)
    }
}
