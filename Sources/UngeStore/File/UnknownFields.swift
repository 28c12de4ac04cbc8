import Foundation
import UngeCore

/// A JSON value held as parsed, so that fields this version does not know can be written back.
/// Numbers keep their literal text (`1e400`, `18446744073709551616`, `1.50`): an unknown value is
/// written back byte for byte, never through an `Int64` or a `Double`.
enum JSONValue: Encodable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(_ tree: JSONTree) {
        switch tree {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n): self = .number(n)
        case .string(let s): self = .string(s)
        case .array(let a): self = .array(a.map(JSONValue.init))
        case .object(let o): self = .object(o.mapValues(JSONValue.init))
        }
    }

    /// Parses JSON text; nil when it is not JSON (or writes a key twice).
    init?(parsing bytes: [UInt8]) {
        guard let tree = try? JSONTree.parse(bytes) else { return nil }
        self.init(tree)
    }

    /// The value with every number replaced by a unique placeholder string (see `encoded`).
    private func withPlaceholders(_ token: String, _ numbers: inout [String]) -> JSONValue {
        switch self {
        case .number(let n):
            numbers.append(n)
            return .string("\(token)\(numbers.count - 1)\u{E000}")
        case .array(let a): return .array(a.map { $0.withPlaceholders(token, &numbers) })
        case .object(let o): return .object(o.mapValues { $0.withPlaceholders(token, &numbers) })
        default: return self
        }
    }

    /// Pretty JSON with sorted keys, like every case file, each number written as it was read.
    func encoded() throws -> [UInt8] {
        var numbers: [String] = []
        let token = "\u{E000}unge-tal-\(UUID().uuidString)-"
        let shaped = withPlaceholders(token, &numbers)
        var bytes = [UInt8](try UngeJSON.encoder().encode(shaped))
        guard !numbers.isEmpty else { return bytes }
        // Each placeholder, with its quotes, becomes the number's literal text.
        let open = Array(("\"" + token).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var k = 0
        while k < bytes.count {
            if bytes[k] == UInt8(ascii: "\""), k + open.count <= bytes.count,
                bytes[k..<(k + open.count)].elementsEqual(open)
            {
                var j = k + open.count
                var n = 0
                while j < bytes.count, bytes[j] >= UInt8(ascii: "0"), bytes[j] <= UInt8(ascii: "9") {
                    n = n * 10 + Int(bytes[j] - UInt8(ascii: "0"))
                    j += 1
                }
                let close = Array("\u{E000}\"".utf8)
                if n < numbers.count, j + close.count <= bytes.count, bytes[j..<(j + close.count)].elementsEqual(close)
                {
                    out.append(contentsOf: Array(numbers[n].utf8))
                    k = j + close.count
                    continue
                }
            }
            out.append(bytes[k])
            k += 1
        }
        bytes = out
        return bytes
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n): try c.encode(n)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}

/// Keeps what this version of unge does not know when it saves a case: fields written by a newer
/// version or added by hand. Nothing is dropped silently: what cannot be kept safely is refused.
///
/// `known` is the stored document as this version understands it (decoded and encoded again).
/// A key in the stored document but not in `known` is unknown; it is put back into the new
/// encoding wherever the new encoding does not have that key itself. Objects are compared key by
/// key, recursively; arrays of objects element by element, matched by `id` where every element has
/// one, else by content (an element the change did not touch is found wherever it moved) or, for an
/// element changed in place in an array of the same length, by position. An element with unknown
/// fields that cannot be matched (removed, or changed while others were added or removed) makes the
/// save refuse with `unknownDataWouldBeLost` instead of dropping or misplacing its fields.
enum UnknownFields {
    /// The new encoding `encoded` with the unknown fields of `base` put back (pretty, sorted keys,
    /// like every case file). Returns `encoded` itself when `base` holds nothing unknown.
    static func keep(from base: Data, decoded: CaseFile? = nil, in encoded: [UInt8], file: String) throws -> [UInt8] {
        // Fast path: a file this version wrote holds nothing it does not know.
        guard let baseCase = decoded ?? (try? UngeJSON.decoder().decode(CaseFile.self, from: base)),
            var knownBytes = try? [UInt8](UngeJSON.encoder().encode(baseCase))
        else { throw StoreError.unknownDataWouldBeLost(file: file, field: "(roden)") }
        knownBytes.append(UInt8(ascii: "\n"))
        if knownBytes.elementsEqual(base) { return encoded }
        guard let stored = JSONValue(parsing: [UInt8](base)),
            let known = JSONValue(parsing: knownBytes),
            let new = JSONValue(parsing: encoded)
        else { throw StoreError.unknownDataWouldBeLost(file: file, field: "(roden)") }
        if stored == known { return encoded }
        let merged = try overlay(new: new, stored: stored, known: known, path: "", file: file)
        if merged == new { return encoded }
        do {
            var bytes = try merged.encoded()
            bytes.append(UInt8(ascii: "\n"))
            return bytes
        } catch {
            throw StoreError.unknownDataWouldBeLost(file: file, field: "(roden)")
        }
    }

    /// `new` with the unknown parts of `stored` (those not in `known`) put back.
    static func overlay(new: JSONValue, stored: JSONValue, known: JSONValue?, path: String, file: String) throws
        -> JSONValue
    {
        if stored == known { return new }
        switch (new, stored) {
        case (.object(var n), .object(let s)):
            var k: [String: JSONValue] = [:]
            if case .object(let ko)? = known { k = ko }
            for (key, sv) in s {
                let sub = path.isEmpty ? key : path + "." + key
                if let kv = k[key] {
                    // Known here: the change decides; recurse into what it kept.
                    if let nv = n[key] { n[key] = try overlay(new: nv, stored: sv, known: kv, path: sub, file: file) }
                } else if n[key] == nil {
                    n[key] = sv
                }
            }
            return .object(n)
        case (.array(var n), .array(let s)):
            var k: [JSONValue] = []
            if case .array(let ka)? = known { k = ka }
            func knownAt(_ i: Int) -> JSONValue? { i < k.count ? k[i] : nil }
            let storedIDs = s.map(id(of:))
            let newIDs = n.map(id(of:))
            if !s.isEmpty, !n.isEmpty, storedIDs.allSatisfy({ $0 != nil }), newIDs.allSatisfy({ $0 != nil }),
                Set(storedIDs.compactMap { $0 }).count == s.count
            {
                var byID: [String: Int] = [:]
                for (i, sid) in storedIDs.enumerated() { byID[sid!] = i }
                for (i, nid) in newIDs.enumerated() {
                    guard let j = byID[nid!] else { continue }
                    n[i] = try overlay(new: n[i], stored: s[j], known: knownAt(j), path: path + "[\(i)]", file: file)
                }
                return .array(n)
            }
            // No ids: an element this change did not touch is found by its known content, wherever
            // it moved; one changed in place keeps its position when the length is the same.
            var taken = Set<Int>()
            for (i, sv) in s.enumerated() {
                let kv = knownAt(i)
                if sv == kv { continue }
                if let kv, let j = n.indices.first(where: { !taken.contains($0) && n[$0] == kv }) {
                    taken.insert(j)
                    n[j] = try overlay(new: n[j], stored: sv, known: kv, path: path + "[\(j)]", file: file)
                } else if n.count == s.count, !taken.contains(i) {
                    taken.insert(i)
                    n[i] = try overlay(new: n[i], stored: sv, known: kv, path: path + "[\(i)]", file: file)
                } else {
                    throw StoreError.unknownDataWouldBeLost(file: file, field: path + "[\(i)]")
                }
            }
            return .array(n)
        default:
            return new
        }
    }

    private static func id(of value: JSONValue) -> String? {
        if case .object(let o) = value, case .string(let s)? = o["id"] { return s }
        return nil
    }
}

extension FileStore {
    /// A case and the JSON text `unge rediger` shows for it: the case as this version writes it,
    /// with the fields this version does not know kept in place, so an edit can keep them.
    public func editableDocument(_ id: CaseID) throws -> (caseFile: CaseFile, json: Data) {
        let stored = try loadDocument(id)
        let bytes = try encode(stored.caseFile, keepingUnknownFrom: stored.body)
        return (stored.caseFile, Data(bytes))
    }
}
