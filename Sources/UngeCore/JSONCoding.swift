import Foundation

/// The one place JSON coders are made: sorted keys, no escaped slashes, ISO 8601 times, so that
/// files are byte-stable and diff well.
public enum UngeJSON {
    public static func encoder(pretty: Bool = true) -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting =
            pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(formatTimestamp(date))
        }
        return e
    }

    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            let s = try c.decode(String.self)
            guard let date = parseTimestamp(s) else {
                if s.utf8.count >= 10, LocalDate.isOutsideSupportedYears(String(s.prefix(10))) {
                    throw DecodingError.dataCorruptedError(
                        in: c,
                        debugDescription:
                            "tidspunktet '\(s)' ligger uden for årene \(LocalDate.supportedYears.lowerBound)-\(LocalDate.supportedYears.upperBound)"
                    )
                }
                throw DecodingError.dataCorruptedError(
                    in: c, debugDescription: "ugyldigt tidspunkt '\(s)' (forventet ÅÅÅÅ-MM-DDTtt:mm:ssZ)")
            }
            return date
        }
        return d
    }

    /// `2026-04-13T09:30:00Z` (UTC, whole seconds).
    public static func formatTimestamp(_ date: Date) -> String {
        let total = Int((date.timeIntervalSince1970).rounded(.down))
        let days = Int((Double(total) / 86400).rounded(.down))
        let secs = total - days * 86400
        let d = LocalDate(dayNumber: days)
        return d.iso + "T" + pad(secs / 3600, 2) + ":" + pad(secs / 60 % 60, 2) + ":" + pad(secs % 60, 2) + "Z"
    }

    /// Parses `2026-04-13T09:30:00Z` and offsets such as `+02:00`; fractions of seconds are ignored.
    public static func parseTimestamp(_ s: String) -> Date? {
        let b = Array(s.utf8)
        guard b.count >= 20, b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
            let date = LocalDate.parseISO(bytes: b[0..<10])
        else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            let s = b[r]
            guard s.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return s.reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        guard let h = num(11..<13), let m = num(14..<16), let sec = num(17..<19), h < 24, m < 60, sec < 61
        else { return nil }
        var i = 19
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
        }
        var offset = 0
        if i < b.count, b[i] == UInt8(ascii: "Z"), i == b.count - 1 {
            offset = 0
        } else if i + 6 == b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"),
            b[i + 3] == UInt8(ascii: ":"),
            let oh = num(i + 1..<i + 3), let om = num(i + 4..<i + 6)
        {
            offset = (oh * 3600 + om * 60) * (b[i] == UInt8(ascii: "+") ? 1 : -1)
        } else {
            return nil
        }
        let seconds = date.dayNumber * 86400 + h * 3600 + m * 60 + sec - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
