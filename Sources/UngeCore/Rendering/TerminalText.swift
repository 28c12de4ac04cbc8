import Foundation

/// Makes text from a case harmless on a terminal: nothing a name or a note holds can set the
/// window title, clear the screen, hide text, make a link or reorder a line.
///
/// Every control character is shown visibly escaped in Swift's notation, `\u{1B}` (hexadecimal,
/// upper case): the C0 controls U+0000-U+001F (newline and tab are kept where a text may have
/// lines; a carriage return is always escaped, since it lets a line overwrite itself), DEL U+007F,
/// the C1 controls U+0080-U+009F, the bidi controls U+202A-U+202E and U+2066-U+2069, the marks
/// U+061C, U+200E, U+200F, and the line and paragraph separators U+2028, U+2029.
///
/// The CLI's console passes everything it writes through `neutralise`; the document renderers use
/// it for every text from a case.
public enum TerminalText {
    /// `text` with every control shown as `\u{XX}`. With `keepLineBreaks` newline and tab stay
    /// (for multi-line text); without, they are escaped too (a table cell, a one-line field).
    /// Returns `text` itself when there is nothing to escape (one pass over the bytes).
    public static func neutralise(_ text: String, keepLineBreaks: Bool = true) -> String {
        guard needsEscaping(text, keepLineBreaks: keepLineBreaks) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for s in text.unicodeScalars {
            if isControl(s, keepLineBreaks: keepLineBreaks) {
                out += "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// JSON text with every control `neutralise` would escape written as a JSON escape (`\u202E`)
    /// instead, so the JSON stays valid and means the same, and passes `neutralise` unchanged.
    /// Newlines and tabs are kept: in encoder output they are layout, never inside a string.
    public static func escapingControlsInJSON(_ json: String) -> String {
        guard needsEscaping(json, keepLineBreaks: true) else { return json }
        var out = ""
        out.reserveCapacity(json.utf8.count + 16)
        for s in json.unicodeScalars {
            if isControl(s, keepLineBreaks: true) {
                let hex = String(s.value, radix: 16, uppercase: false)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// True when `neutralise` would return `text` unchanged (one pass over the bytes).
    public static func isClean(_ text: String, keepLineBreaks: Bool = true) -> Bool {
        !needsEscaping(text, keepLineBreaks: keepLineBreaks)
    }

    /// True for a scalar that `neutralise` escapes.
    @inline(__always)
    public static func isControl(_ s: Unicode.Scalar, keepLineBreaks: Bool) -> Bool {
        switch s.value {
        case 0x0A, 0x09: return !keepLineBreaks
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Scans the UTF-8 bytes for anything to escape (the common case is nothing).
    @inline(__always)
    static func needsEscaping(_ text: String, keepLineBreaks: Bool) -> Bool {
        func check<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8, C.Index == Int {
            var i = bytes.startIndex
            let end = bytes.endIndex
            while i < end {
                let c = bytes[i]
                if c < 0x20 {
                    if (c == 0x0A || c == 0x09) && keepLineBreaks {
                        i += 1
                        continue
                    }
                    return true
                }
                if c == 0x7F { return true }
                if c == 0xC2, i + 1 < end, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9F { return true }  // C1
                if c == 0xD8, i + 1 < end, bytes[i + 1] == 0x9C { return true }  // U+061C
                if c == 0xE2, i + 2 < end {
                    let c1 = bytes[i + 1]
                    let c2 = bytes[i + 2]
                    // U+200E/F, U+2028-202E
                    if c1 == 0x80, c2 == 0x8E || c2 == 0x8F || (c2 >= 0xA8 && c2 <= 0xAE) { return true }
                    if c1 == 0x81, c2 >= 0xA6, c2 <= 0xA9 { return true }  // 2066-2069
                }
                i += 1
            }
            return false
        }
        if let r = text.utf8.withContiguousStorageIfAvailable({ check($0) }) { return r }
        return check(Array(text.utf8))
    }
}
