import Foundation
import UngeCore

/// A JSON value held as parsed, so that fields this version does not know can be written back.
enum JSONValue: Codable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int64.self) {
            self = .int(i)
        } else if let d = try? c.decode(Double.self) {
            self = .double(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
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
        let decoder = UngeJSON.decoder()
        guard let stored = try? decoder.decode(JSONValue.self, from: base),
            let known = try? decoder.decode(JSONValue.self, from: Data(knownBytes)),
            let new = try? decoder.decode(JSONValue.self, from: Data(encoded))
        else { throw StoreError.unknownDataWouldBeLost(file: file, field: "(roden)") }
        if stored == known { return encoded }
        let merged = try overlay(new: new, stored: stored, known: known, path: "", file: file)
        if merged == new { return encoded }
        do {
            var bytes = [UInt8](try UngeJSON.encoder().encode(merged))
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
