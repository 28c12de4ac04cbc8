import Foundation

/// The one CPR recogniser and masker: every place that must keep CPR numbers out of sight (output
/// without `--vis-cpr`, error messages, the audit trail, the index, names) goes through `mask`, and
/// `CPRNumber.parse` reads the same spellings.
///
/// A CPR number is recognised as 6 digits, a separator, 4 digits, where
/// - a digit is any decimal digit: ASCII, full-width (`０`-`９`) or another script's, mixed freely;
/// - the separator is nothing, or up to 5 characters made of spaces (any Unicode space, also the
///   non-breaking and thin ones, tab, and a line break: a number split over two lines) around at
///   most one of: `-`, a Unicode dash or minus
///   (`‐ ‑ ‒ – — ― − ﹘ ﹣ －`), `/`, `.` (also full-width `／ ．`), e.g. `010203 - 1234`;
/// - the date part may also be written in pairs with the same mark or space between them
///   (`80.05.11-4233`, `80 05 11 4233`);
/// - invisible format characters (zero-width space and joiners, soft hyphen, BOM) are ignored
///   anywhere inside the number;
/// - no digit directly before or after it (so a longer number is not cut up).
///
/// For masking, the first six digits must also look like a date: day 01-31 (61-91 for a substitute
/// number) and month 01-12. So dates (`2026-04-13`, `20260413`), case ids (`2026-0042`), times and
/// 8-digit phone numbers stay readable. A masked number is written `DDMMYY-xxxx` in ASCII digits.
public enum CPRMask {
    /// `text` with every CPR number replaced by `DDMMYY-xxxx`. Returns `text` itself when there is
    /// none (fast: one pass over the bytes).
    public static func mask(_ text: String) -> String {
        guard mayContain(text) else { return text }
        var text = text
        text.makeContiguousUTF8()
        let masked: [UInt8]? =
            text.utf8.withContiguousStorageIfAvailable { b in
                maskBytes(b) { digits, out in
                    out.append(contentsOf: digits[0..<6])
                    out.append(contentsOf: [45, 120, 120, 120, 120])  // "-xxxx"
                }
            } ?? nil
        return masked.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// `text` with every CPR number, in any spelling, replaced whole by `replacement` (no part of the
    /// number is kept: for anonymised copies), and how many were replaced.
    public static func replacingAll(in text: String, with replacement: String) -> (text: String, count: Int) {
        guard mayContain(text) else { return (text, 0) }
        var text = text
        text.makeContiguousUTF8()
        var count = 0
        let bytes = Array(replacement.utf8)
        let replaced: [UInt8]? =
            text.utf8.withContiguousStorageIfAvailable { b in
                maskBytes(b) { _, out in
                    out.append(contentsOf: bytes)
                    count += 1
                }
            } ?? nil
        return (replaced.map { String(decoding: $0, as: UTF8.self) } ?? text, count)
    }

    /// The bytes with each CPR number replaced by what `write` appends, or nil when there is none.
    private static func maskBytes(
        _ b: UnsafeBufferPointer<UInt8>, _ write: ([UInt8], inout [UInt8]) -> Void
    ) -> [UInt8]? {
        var out: [UInt8] = []
        var copied = 0
        var i = 0
        var previousWasDigit = false
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                guard c >= 48 && c <= 57 else {
                    previousWasDigit = false
                    i += 1
                    continue
                }
                if previousWasDigit {
                    i += 1
                    continue
                }
                // An ASCII digit run that cannot start a CPR number (not 2, 6 or 10 digits, and not
                // followed by a non-ASCII character that might continue it) is skipped whole.
                var k = i
                while k < n, b[k] >= 48, b[k] <= 57 { k += 1 }
                if k - i != 2 && k - i != 6 && k - i != 10 && (k == n || b[k] < 0x80) {
                    previousWasDigit = true
                    i = k
                    continue
                }
            }
            let (scalar, length) = decode(b, i)
            let isDigit = digitValue(scalar) != nil
            if isDigit, !previousWasDigit, let m = match(b, from: i, plausibleDate: true) {
                if out.isEmpty { out.reserveCapacity(n) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<i]))
                write(m.digits, &out)
                i = m.end
                copied = i
                previousWasDigit = true
                continue
            }
            if !isInvisible(scalar) { previousWasDigit = isDigit }
            i += length
        }
        if copied == 0 { return nil }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied...]))
        return out
    }

    /// True when `text` holds a CPR number somewhere (the masking rule).
    public static func contains(_ text: String) -> Bool { mask(text) != text }

    /// The ten ASCII digits when the whole of `text` is one CPR number in any spelling (no date
    /// check: `CPRNumber.parse` says what is wrong with the date), else nil.
    public static func wholeNumber(_ text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b -> [UInt8]? in
            guard !b.isEmpty, let m = match(b, from: 0, plausibleDate: false) else { return nil }
            var end = m.end
            while end < b.count {
                let (s, l) = decode(b, end)
                guard isInvisible(s) else { return nil }
                end += l
            }
            return m.digits
        }
    }

    // MARK: The recogniser

    private struct Match {
        /// Ten ASCII digits.
        var digits: [UInt8]
        /// The byte offset just after the last digit.
        var end: Int
    }

    /// A CPR number starting at byte `start` (which must be a digit), or nil.
    private static func match(_ b: UnsafeBufferPointer<UInt8>, from start: Int, plausibleDate: Bool) -> Match? {
        var digits: [UInt8] = []
        digits.reserveCapacity(10)
        var i = start
        // Reads `count` digits, skipping invisible characters between them.
        func readDigits(_ count: Int) -> Bool {
            var n = 0
            while n < count, i < b.count {
                let (s, l) = decode(b, i)
                if let v = digitValue(s) {
                    digits.append(UInt8(48 + v))
                    n += 1
                    i += l
                } else if n > 0 || !digits.isEmpty, isInvisible(s) {
                    i += l
                } else {
                    return false
                }
            }
            return n == count
        }
        // The date: DDMMYY, or DD.MM.YY with the same one mark or space between each pair.
        guard readDigits(2) else { return nil }
        if i < b.count, case (let s, let l) = decode(b, i), digitValue(s) == nil, isSpace(s) || isMark(s) {
            i += l
            guard readDigits(2), i < b.count, decode(b, i).0 == s else { return nil }
            i += l
            guard readDigits(2) else { return nil }
        } else {
            guard readDigits(4) else { return nil }
        }
        // The separator: spaces, at most one mark, spaces; at most 5 characters.
        var sepLength = 0
        var marks = 0
        while i < b.count {
            let (s, l) = decode(b, i)
            if isSpace(s) || isInvisible(s) || s == "\n" || s == "\r" {
            } else if isMark(s) {
                marks += 1
                if marks > 1 { return nil }
            } else {
                break
            }
            sepLength += 1
            if sepLength > 5 { return nil }
            i += l
        }
        guard readDigits(4) else { return nil }
        // No digit right after (invisible characters in between count as nothing).
        var j = i
        while j < b.count {
            let (s, l) = decode(b, j)
            if digitValue(s) != nil { return nil }
            if !isInvisible(s) { break }
            j += l
        }
        if plausibleDate {
            let day = Int(digits[0] - 48) * 10 + Int(digits[1] - 48)
            let month = Int(digits[2] - 48) * 10 + Int(digits[3] - 48)
            guard (1...31).contains(day) || (61...91).contains(day), (1...12).contains(month) else { return nil }
        }
        return Match(digits: digits, end: i)
    }

    /// Cheap pre-check: at least 10 ASCII digits, or any non-ASCII byte (a full-width digit or an
    /// unusual separator may be there).
    @inline(__always)
    private static func mayContain(_ text: String) -> Bool {
        func check<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
            var digits = 0
            for c in bytes {
                if c >= 0x80 { return true }
                if c >= 48 && c <= 57 {
                    digits += 1
                    if digits >= 10 { return true }
                }
            }
            return false
        }
        return text.utf8.withContiguousStorageIfAvailable(check) ?? check(text.utf8)
    }

    /// The scalar at byte `i` of valid UTF-8 and its length in bytes.
    @inline(__always)
    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
        let c0 = b[i]
        if c0 < 0x80 { return (Unicode.Scalar(c0), 1) }
        var value: UInt32
        var length: Int
        if c0 & 0xE0 == 0xC0 {
            value = UInt32(c0 & 0x1F)
            length = 2
        } else if c0 & 0xF0 == 0xE0 {
            value = UInt32(c0 & 0x0F)
            length = 3
        } else {
            value = UInt32(c0 & 0x07)
            length = 4
        }
        guard i + length <= b.count else { return ("\u{FFFD}", 1) }
        for k in 1..<length { value = value << 6 | UInt32(b[i + k] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// 0-9 for a decimal digit of any script (ASCII, full-width, Arabic-Indic, ...), else nil.
    @inline(__always)
    static func digitValue(_ s: Unicode.Scalar) -> Int? {
        if s.value >= 48 && s.value <= 57 { return Int(s.value - 48) }
        if s.value < 0x80 { return nil }
        guard s.properties.numericType == .decimal, let v = s.properties.numericValue, v >= 0, v <= 9 else {
            return nil
        }
        return Int(v)
    }

    /// A space of any kind (Unicode category Zs) or a tab.
    @inline(__always)
    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || (s.value >= 0x80 && s.properties.generalCategory == .spaceSeparator)
    }

    /// A dash, minus, slash or dot between the date and the serial.
    private static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2D, 0x2F, 0x2E: return true  // - / .
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return true  // dashes and minus signs
        case 0xFF0F, 0xFF0E, 0x2044, 0x2215: return true  // full-width / and ., fraction and division slash
        default: return false
        }
    }

    /// Invisible format characters that may hide inside a number: soft hyphen, zero-width space,
    /// non-joiner and joiner, word joiner, BOM.
    @inline(__always)
    private static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xAD, 0x200B...0x200D, 0x2060, 0xFEFF: return true
        default: return false
        }
    }
}
