import Foundation

/// Why JSON typed by a person could not be read, in Danish: the key, and where it helps the line
/// and column. One describer for every command that reads JSON (`--fra-fil`, `rediger`), so no
/// English decoder text reaches the user.
public enum JSONProblem {
    /// A Danish sentence fragment for a decoding or syntax error ("feltet 'goals[0].text' har en
    /// forkert type"); with `data`, the line and column where the problem is ("linje 3, kolonne 7").
    public static func describe(_ error: Error, in data: Data? = nil) -> String {
        guard let d = error as? DecodingError else { return syntax(error, in: data) }
        func at(_ p: [CodingKey]) -> String {
            guard let data, let pos = locate(p, in: data) else { return "" }
            return " (linje \(pos.line), kolonne \(pos.column))"
        }
        switch d {
        case .typeMismatch(let type, let ctx):
            if ctx.codingPath.isEmpty { return "filen er ikke et JSON-objekt ({ ... })" }
            return "feltet '\(path(ctx.codingPath))' har en forkert type (forventet \(expected(type)))"
                + at(ctx.codingPath)
        case .valueNotFound(_, let ctx):
            return "feltet '\(path(ctx.codingPath))' mangler en værdi" + at(ctx.codingPath)
        case .keyNotFound(let key, let ctx):
            return "feltet '\(path(ctx.codingPath + [key]))' mangler" + at(ctx.codingPath)
        case .dataCorrupted(let ctx):
            if ctx.codingPath.isEmpty { return syntax(ctx.underlyingError ?? error, in: data) }
            let own = danishReason(ctx.debugDescription)
            return "feltet '\(path(ctx.codingPath))' har en ugyldig værdi" + (own.map { ": \($0)" } ?? "")
                + at(ctx.codingPath)
        @unknown default:
            return "indholdet kan ikke læses"
        }
    }

    /// "goals[0].text".
    public static func path(_ p: [CodingKey]) -> String {
        var s = ""
        for key in p {
            if let i = key.intValue {
                s += "[\(i)]"
            } else {
                s += (s.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return s.isEmpty ? "(roden)" : s
    }

    /// A reason the program wrote itself (Danish); nil for the decoder's English ones.
    public static func danishReason(_ text: String) -> String? {
        let english = [
            "The given data", "Expected to decode", "Cannot initialize", "No value associated", "Unexpected",
        ]
        if text.isEmpty || english.contains(where: { text.hasPrefix($0) }) { return nil }
        return text
    }

    static func expected(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name.hasPrefix("String") { return "tekst i anførselstegn" }
        if name.hasPrefix("Int") || name.hasPrefix("Double") { return "et tal" }
        if name.hasPrefix("Bool") { return "true eller false" }
        if name.hasPrefix("Array") { return "en liste [ ... ]" }
        if name.hasPrefix("Dictionary") { return "et objekt { ... }" }
        return "en anden type"
    }

    /// A syntax error: "filen er ikke gyldig JSON (linje 3, kolonne 7)".
    static func syntax(_ error: Error, in data: Data?) -> String {
        if let p = syntaxPosition(error, in: data) {
            return "filen er ikke gyldig JSON (linje \(p.line), kolonne \(p.column))"
        }
        // The decoder does not say where; the parser does.
        if let data {
            do { _ = try JSONSerialization.jsonObject(with: data) } catch {
                if let p = syntaxPosition(error, in: data) {
                    return "filen er ikke gyldig JSON (linje \(p.line), kolonne \(p.column))"
                }
            }
        }
        return "filen er ikke gyldig JSON (tjek kommaer, anførselstegn og klammer)"
    }

    /// Where a parser error says the problem is: "line 3, column 7", or "character 34" (an offset).
    static func syntaxPosition(_ error: Error, in data: Data?) -> (line: Int, column: Int)? {
        let ns = error as NSError
        var texts = [String(describing: error)] + ns.userInfo.values.map { String(describing: $0) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] { texts.append(String(describing: underlying)) }
        if let offset = ns.userInfo["NSJSONSerializationErrorIndex"] as? Int, let data {
            return position(of: offset, in: data)
        }
        for t in texts {
            if let r = t.range(of: #"line (\d+), column (\d+)"#, options: .regularExpression) {
                let numbers = t[r].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
                if numbers.count == 2 { return (numbers[0], numbers[1]) }
            }
            if let data, let r = t.range(of: #"character (\d+)"#, options: .regularExpression),
                let n = Int(t[r].filter(\.isNumber))
            {
                return position(of: n, in: data)
            }
        }
        return nil
    }

    /// Line and column (from 1) of a byte offset; the column counts characters.
    public static func position(of offset: Int, in data: Data) -> (line: Int, column: Int) {
        let bytes = [UInt8](data.prefix(max(0, offset)))
        let line = bytes.filter { $0 == 10 }.count + 1
        let start = (bytes.lastIndex(of: 10).map { $0 + 1 }) ?? 0
        let column = String(decoding: bytes[start...], as: UTF8.self).count + 1
        return (line, column)
    }

    /// Where the value at `path` is written: each key is looked for after the one before it.
    /// Approximate for lists (an index is skipped), exact for the usual hand edit.
    public static func locate(_ path: [CodingKey], in data: Data) -> (line: Int, column: Int)? {
        let bytes = [UInt8](data)
        var from = 0
        var found: Int? = nil
        for key in path where key.intValue == nil {
            let needle = Array("\"\(key.stringValue)\"".utf8)
            guard let i = search(needle, in: bytes, from: from) else { break }
            found = i
            from = i + needle.count
        }
        return found.map { position(of: $0, in: data) }
    }

    static func search(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count, from <= bytes.count - needle.count else { return nil }
        var i = from
        while i <= bytes.count - needle.count {
            if bytes[i] == needle[0], Array(bytes[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}

/// Quotes a person's own words once: text the user already put in quotes ("…", “…”, „…“, «…»,
/// '…') is not quoted again.
public enum Quoted {
    public static func text(_ s: String) -> String {
        "\"" + unquoted(s) + "\""
    }

    /// The text without the quotes a user typed around all of it.
    public static func unquoted(_ s: String) -> String {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        let pairs: [(Character, Character)] = [
            ("\"", "\""), ("“", "”"), ("„", "“"), ("„", "”"), ("«", "»"), ("'", "'"),
        ]
        for (open, close) in pairs where t.count >= 2 && t.first == open && t.last == close {
            let inner = t.dropFirst().dropLast()
            // "a" og "b" is two quotes, not one around everything.
            if !inner.contains(open) && !inner.contains(close) { return String(inner) }
        }
        return s
    }
}
