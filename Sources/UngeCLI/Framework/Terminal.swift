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
    private let writeOut: ([UInt8]) -> Void
    private let writeErr: (String) -> Void

    init(
        stdinIsTerminal: Bool, stdoutIsTerminal: Bool, environment: [String: String],
        readLine: @escaping () -> String?, writeOut: @escaping ([UInt8]) -> Void,
        writeErr: @escaping (String) -> Void
    ) {
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
            readLine: { Swift.readLine(strippingNewline: true) },
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
            })
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
        writeErr(text + "\n")
    }

    /// A prompt goes to stderr without a newline, so stdout stays clean for documents.
    func prompt(_ text: String) {
        flush()
        writeErr(text)
    }

    func readLine() -> String? {
        flush()
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
        var widths = header.map { $0.unicodeScalars.count }
        var cells: [[(bytes: String.UTF8View, width: Int)]] = []
        cells.reserveCapacity(rows.count + 1)
        for row in [header] + rows {
            var line: [(bytes: String.UTF8View, width: Int)] = []
            line.reserveCapacity(row.count)
            for (i, cell) in row.enumerated() {
                let w = visibleWidth(cell)
                if i < widths.count { widths[i] = max(widths[i], w) } else { widths.append(w) }
                line.append((cell.utf8, w))
            }
            cells.append(line)
        }
        var out: [UInt8] = []
        out.reserveCapacity(cells.count * (widths.reduce(0, +) + 2 * widths.count + 8))
        for (r, line) in cells.enumerated() {
            if r > 0 { out.append(10) }
            for (i, cell) in line.enumerated() {
                out.append(contentsOf: cell.bytes)
                if i < line.count - 1 {
                    out.append(contentsOf: repeatElement(32, count: widths[i] - cell.width + 2))
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Characters a cell takes on screen: ANSI colour codes take none.
    static func visibleWidth(_ s: String) -> Int {
        var n = 0
        var inEscape = false
        for u in s.unicodeScalars {
            if inEscape {
                if u == "m" { inEscape = false }
            } else if u == "\u{1B}" {
                inEscape = true
            } else {
                n += 1
            }
        }
        return n
    }
}
