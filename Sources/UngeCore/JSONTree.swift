import Foundation

/// A JSON document as written: numbers keep their literal text (so a number beyond 64 bits or
/// double precision survives byte for byte), and every object is checked for a key written twice,
/// which `JSONDecoder` silently resolves by keeping one of them.
public indirect enum JSONTree: Equatable, Sendable {
    case null
    case bool(Bool)
    /// The number exactly as written (`1e400`, `0.10`, `18446744073709551616`).
    case number(String)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    /// Why a text is not a JSON document this parser accepts. Lines and columns count from 1.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        /// `key` appears twice in one object: first on `firstLine`, again at `line`:`column`.
        case duplicateKey(key: String, path: String, firstLine: Int, line: Int, column: Int)
        case syntax(line: Int, column: Int)
        case tooDeep(line: Int, column: Int)

        /// Danish, naming the key and the lines.
        public var description: String {
            switch self {
            case .duplicateKey(let key, let path, let first, let line, let column):
                let shown = TerminalText.neutralise(String(key.prefix(60)), keepLineBreaks: false)
                let location = path.isEmpty ? "" : " i '\(TerminalText.neutralise(path, keepLineBreaks: false))'"
                return
                    "nøglen '\(shown)' står to gange\(location) (linje \(first) og linje \(line), kolonne \(column)); slet den ene"
            case .syntax(let line, let column):
                return "filen er ikke gyldig JSON (linje \(line), kolonne \(column))"
            case .tooDeep(let line, let column):
                return "filen er indlejret for dybt (linje \(line), kolonne \(column))"
            }
        }
    }

    /// The deepest nesting accepted (a case file is far shallower).
    public static let maxDepth = 256

    /// Parses a whole document (UTF-8).
    public static func parse(_ bytes: [UInt8]) throws -> JSONTree {
        var p = JSONTreeParser(bytes: bytes)
        p.skipSpace()
        let value = try p.value(depth: 0, path: "")
        p.skipSpace()
        guard p.i == bytes.count else { throw p.syntax() }
        return value
    }

    public static func parse(_ data: Data) throws -> JSONTree { try parse([UInt8](data)) }

    /// The first key written twice in one object, or nil (also nil for text that is not JSON:
    /// the decoder reports that in its own words).
    public static func duplicateKey(in data: Data) -> Problem? {
        do { _ = try parse(data) } catch let p as Problem {
            if case .duplicateKey = p { return p }
        } catch {}
        return nil
    }
}

private struct JSONTreeParser {
    let bytes: [UInt8]
    var i = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    func position(_ offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var start = 0
        var k = 0
        let end = min(offset, bytes.count)
        while k < end {
            if bytes[k] == 0x0A {
                line += 1
                start = k + 1
            }
            k += 1
        }
        // Columns count characters, not bytes (a Danish letter is one column).
        let column = bytes[start..<end].filter { $0 & 0xC0 != 0x80 }.count + 1
        return (line, column)
    }

    func syntax(at offset: Int? = nil) -> JSONTree.Problem {
        let p = position(offset ?? i)
        return .syntax(line: p.line, column: p.column)
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    mutating func value(depth: Int, path: String) throws -> JSONTree {
        guard depth < JSONTree.maxDepth else {
            let p = position(i)
            throw JSONTree.Problem.tooDeep(line: p.line, column: p.column)
        }
        guard i < bytes.count else { throw syntax() }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object(depth: depth, path: path)
        case UInt8(ascii: "["): return try array(depth: depth, path: path)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try word("true", .bool(true))
        case UInt8(ascii: "f"): return try word("false", .bool(false))
        case UInt8(ascii: "n"): return try word("null", .null)
        default: return .number(try number())
        }
    }

    mutating func word(_ w: String, _ v: JSONTree) throws -> JSONTree {
        let u = Array(w.utf8)
        guard i + u.count <= bytes.count, Array(bytes[i..<(i + u.count)]) == u else { throw syntax() }
        i += u.count
        return v
    }

    mutating func object(depth: Int, path: String) throws -> JSONTree {
        i += 1
        var out: [String: JSONTree] = [:]
        var firstAt: [String: Int] = [:]
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            return .object(out)
        }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw syntax() }
            let keyAt = i
            let key = try string()
            if let first = firstAt[key] {
                let a = position(first)
                let b = position(keyAt)
                throw JSONTree.Problem.duplicateKey(
                    key: key, path: path, firstLine: a.line, line: b.line, column: b.column)
            }
            firstAt[key] = keyAt
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw syntax() }
            i += 1
            skipSpace()
            out[key] = try value(depth: depth + 1, path: path.isEmpty ? key : path + "." + key)
            skipSpace()
            guard i < bytes.count else { throw syntax() }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            guard bytes[i] == UInt8(ascii: "}") else { throw syntax() }
            i += 1
            return .object(out)
        }
    }

    mutating func array(depth: Int, path: String) throws -> JSONTree {
        i += 1
        var out: [JSONTree] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1
            return .array(out)
        }
        while true {
            skipSpace()
            out.append(try value(depth: depth + 1, path: path + "[\(out.count)]"))
            skipSpace()
            guard i < bytes.count else { throw syntax() }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            guard bytes[i] == UInt8(ascii: "]") else { throw syntax() }
            i += 1
            return .array(out)
        }
    }

    mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count else { throw syntax() }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw syntax()
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    mutating func string() throws -> String {
        let start = i
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw syntax(at: start) }
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                break
            }
            if c < 0x20 { throw syntax() }
            if c != UInt8(ascii: "\\") {
                out.append(c)
                i += 1
                continue
            }
            i += 1
            guard i < bytes.count else { throw syntax() }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800...0xDBFF).contains(code), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
                    bytes[i + 1] == UInt8(ascii: "u")
                {
                    let save = i
                    i += 2
                    let low = try hex4()
                    if (0xDC00...0xDFFF).contains(low) {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        i = save
                    }
                }
                let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default: throw syntax(at: i - 1)
            }
        }
        guard let s = String(validating: out, as: UTF8.self) else { throw syntax(at: start) }
        return s
    }

    mutating func number() throws -> String {
        let start = i
        func digits() -> Int {
            let s = i
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
            return i - s
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard digits() > 0 else { throw syntax(at: start) }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { throw syntax() }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw syntax() }
        }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }
}
