import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where a command's text goes and comes from. Injectable so commands can be run in-process by tests.
final class Console: @unchecked Sendable {
    private var out: [UInt8] = []
    let stdinIsTerminal: Bool
    let stdoutIsTerminal: Bool
    /// Colour only on a terminal, never with NO_COLOR or TERM=dumb.
    let colour: Bool
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
        writeErr: @escaping (String) -> Void, editLine: ((String) -> String?)? = nil
    ) {
        self.editLine = editLine
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
            editLine: isatty(0) == 1 && isatty(2) == 1 ? { LineEditor.readLine(prompt: $0) } : nil)
    }

    /// Writes to standard output (buffered until `flush`).
    func print(_ text: String = "") {
        out.append(contentsOf: text.utf8)
        out.append(10)
        if out.count > 1 << 16 { flush() }
    }

    func write(_ text: String) {
        out.append(contentsOf: text.utf8)
        if out.count > 1 << 16 { flush() }
    }

    /// Writes a line to standard error at once (messages, warnings, prompts).
    func error(_ text: String) {
        flush()
        writePendingPrompt()
        writeErr(text + "\n")
    }

    /// A prompt goes to stderr without a newline, so stdout stays clean for documents.
    func prompt(_ text: String) {
        flush()
        if editLine != nil { pendingPrompt += text } else { writeErr(text) }
    }

    private func writePendingPrompt() {
        if !pendingPrompt.isEmpty {
            writeErr(pendingPrompt)
            pendingPrompt = ""
        }
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

    func bold(_ s: String) -> String { colour ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    func red(_ s: String) -> String { colour ? "\u{1B}[31m\(s)\u{1B}[0m" : s }
    func yellow(_ s: String) -> String { colour ? "\u{1B}[33m\(s)\u{1B}[0m" : s }
    func green(_ s: String) -> String { colour ? "\u{1B}[32m\(s)\u{1B}[0m" : s }
    func dim(_ s: String) -> String { colour ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
}

/// Plain-text tables for lists: columns padded by the number of characters (Danish letters are
/// one character each). Built as bytes, since `unge liste` prints thousands of rows.
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = CollectionOfOne(header).lazy + rows
        var widths: [Int] = []
        var cellWidths: [Int] = []
        cellWidths.reserveCapacity((rows.count + 1) * header.count)
        var bytes = 0
        for row in all {
            for (i, cell) in row.enumerated() {
                let w = visibleWidth(cell)
                cellWidths.append(w)
                bytes += cell.utf8.count
                if i < widths.count { widths[i] = max(widths[i], w) } else { widths.append(w) }
            }
        }
        // Every line: the cells' bytes, padding after all but the last cell, a newline between lines.
        var total = max(0, rows.count)
        var k = 0
        for row in all {
            for i in 0..<max(0, row.count - 1) { total += widths[i] - cellWidths[k + i] + 2 }
            k += row.count
        }
        total += bytes
        var out = [UInt8](repeating: 32, count: total)
        out.withUnsafeMutableBufferPointer { buf in
            var pos = 0
            var k = 0
            for (r, row) in all.enumerated() {
                if r > 0 {
                    buf[pos] = 10
                    pos += 1
                }
                for (i, cell) in row.enumerated() {
                    let utf8 = cell.utf8
                    let n = utf8.count
                    let copied: Void? = utf8.withContiguousStorageIfAvailable { src in
                        UnsafeMutableRawPointer(buf.baseAddress! + pos).copyMemory(from: src.baseAddress!, byteCount: n)
                    }
                    if copied == nil {
                        for b in utf8 { buf[pos] = b; pos += 1 }
                        pos -= n
                    }
                    pos += n
                    if i < row.count - 1 { pos += widths[i] - cellWidths[k + i] + 2 }
                }
                k += row.count
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Characters a cell takes on screen: UTF-8 lead bytes, skipping ANSI colour codes (ESC ... m).
    static func visibleWidth(_ s: String) -> Int {
        func count<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
            var n = 0
            var inEscape = false
            for b in bytes {
                if inEscape {
                    if b == UInt8(ascii: "m") { inEscape = false }
                } else if b == 0x1B {
                    inEscape = true
                } else if b & 0xC0 != 0x80 {
                    n += 1
                }
            }
            return n
        }
        return s.utf8.withContiguousStorageIfAvailable(count) ?? count(s.utf8)
    }
}
