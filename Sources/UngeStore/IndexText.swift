import UngeCore

/// The one escaping of text fields in the store's derived index files (`indeks.tsv`, the audit
/// month indexes and the deadline records inside `indeks.tsv`): tab, line breaks, the record and
/// unit separators and the backslash itself are written as two-byte escapes, so a field never
/// breaks a line or a record.
enum IndexText {
    /// Appends `text` to `out`, escaped.
    static func append(_ text: String, to out: inout [UInt8]) {
        for c in text.utf8 {
            switch c {
            case 9: out += [92, UInt8(ascii: "t")]
            case 10: out += [92, UInt8(ascii: "n")]
            case 13: out += [92, UInt8(ascii: "r")]
            case 0x1E: out += [92, UInt8(ascii: "e")]
            case 0x1F: out += [92, UInt8(ascii: "u")]
            case 92: out += [92, 92]
            default: out.append(c)
            }
        }
    }

    /// The bytes of an escaped field, unescaped.
    static func unescape(_ slice: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        if !slice.contains(92) { return Array(slice) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var i = 0
        while i < slice.count {
            if slice[i] == 92, i + 1 < slice.count {
                switch slice[i + 1] {
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "e"): out.append(0x1E)
                case UInt8(ascii: "u"): out.append(0x1F)
                default: out.append(slice[i + 1])
                }
                i += 2
            } else {
                out.append(slice[i])
                i += 1
            }
        }
        return out
    }

    /// A field `ÅÅÅÅ-MM-DD` of `b`, or nil (any other form, or no such day). By hand: the index files
    /// hold thousands of dates, and `LocalDate.parse` accepts every form a person may type.
    static func isoDate(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> LocalDate? {
        guard r.count == 10, b[r.lowerBound + 4] == 45, b[r.lowerBound + 7] == 45 else { return nil }
        func num(_ from: Int, _ n: Int) -> Int? {
            var v = 0
            for i in from..<from + n {
                let c = b[i]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        let s = r.lowerBound
        guard let y = num(s, 4), let m = num(s + 5, 2), let d = num(s + 8, 2) else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }

    /// An escaped field as a string.
    static func string(_ slice: UnsafeBufferPointer<UInt8>) -> String {
        if !slice.contains(92) { return String(decoding: slice, as: UTF8.self) }
        return String(decoding: unescape(slice), as: UTF8.self)
    }
}
