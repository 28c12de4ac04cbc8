import Foundation

/// A Danish personal identification number (CPR-nummer), `DDMMYY-SSSS`.
///
/// Confidential: shown only masked (`DDMMYY-xxxx`) unless the user asks with `--vis-cpr`, never in
/// file names, logs or the audit trail. The century comes from the 7th digit and YY (cpr.dk's table,
/// LAW.md). Numbers failing the old modulus-11 check have been issued since 2007 and are valid, so
/// this type never checks it. Substitute numbers (erstatningspersonnumre) have 60 added to the day.
///
/// `description`, `debugDescription` and the mirror (`dump`, test failure output) show only the
/// masked form, so interpolating a `CPRNumber` into a message never reveals the serial.
public struct CPRNumber: Hashable, Sendable, Codable, CustomStringConvertible,
    CustomDebugStringConvertible, CustomReflectable
{
    /// The ten digits, without the dash.
    public let digits: String

    /// The birth date the number carries (for a substitute number, the real day).
    public let birthDate: LocalDate

    /// True for a substitute number (erstatningspersonnummer): day + 60.
    public let isSubstitute: Bool

    /// Why a text is not a CPR number: each case has a Danish message quoting the value.
    ///
    /// The associated value is the typed text already masked with `maskedGuess` (at most the first
    /// six characters kept), so neither the message nor the error value itself (in logs, `dump` or
    /// test output) ever holds a full number.
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case wrongShape(String)
        case invalidDate(String)

        public var description: String {
            switch self {
            case .wrongShape(let masked):
                return "'\(masked)' er ikke et CPR-nummer. Skriv det som DDMMÅÅ-XXXX eller DDMMÅÅXXXX (10 cifre)."
            case .invalidDate(let masked):
                return "CPR-nummeret '\(masked)' indeholder ikke en gyldig fødselsdato (DDMMÅÅ)."
            }
        }
    }

    /// Parses `DDMMYY-SSSS` or `DDMMYYSSSS` and every other spelling `CPRMask` recognises (an en
    /// dash, a non-breaking space, `/`, `.`, ` - `, full-width digits; surrounding spaces and
    /// newlines allowed). The modulus-11 check is never applied: numbers failing it have been
    /// issued since 2007.
    public static func parse(_ text: String) throws(ParseError) -> CPRNumber {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let bytes = CPRMask.wholeNumber(t) else { throw .wrongShape(maskedGuess(t)) }
        let n = bytes.map { Int($0 - 48) }
        var day = n[0] * 10 + n[1]
        let month = n[2] * 10 + n[3]
        let yy = n[4] * 10 + n[5]
        let seventh = n[6]
        var substitute = false
        if day > 60 {
            day -= 60
            substitute = true
        }
        let year = CPRNumber.year(yy: yy, seventhDigit: seventh)
        guard let date = LocalDate(year: year, month: month, day: day) else { throw .invalidDate(maskedGuess(t)) }
        return CPRNumber(digits: String(decoding: bytes, as: UTF8.self), birthDate: date, isSubstitute: substitute)
    }

    private init(digits: String, birthDate: LocalDate, isSubstitute: Bool) {
        self.digits = digits
        self.birthDate = birthDate
        self.isSubstitute = isSubstitute
    }

    /// The full year from YY and the first digit of the serial (cpr.dk, LAW.md).
    public static func year(yy: Int, seventhDigit: Int) -> Int {
        switch seventhDigit {
        case 0...3: return 1900 + yy
        case 4, 9: return yy <= 36 ? 2000 + yy : 1900 + yy
        default: return yy <= 57 ? 2000 + yy : 1800 + yy
        }
    }

    /// Legal sex from the last digit: odd is a man, even a woman.
    public var isMale: Bool { (digits.utf8.last.map { Int($0) - 48 } ?? 0) % 2 == 1 }

    /// `DDMMYY-xxxx`: the only form shown by default.
    public var masked: String { String(digits.prefix(6)) + "-xxxx" }

    /// `DDMMYY-SSSS`: only with `--vis-cpr`.
    public var formatted: String { String(digits.prefix(6)) + "-" + String(digits.suffix(4)) }

    /// Masks whatever the user typed, for error messages: keeps at most the first six characters
    /// (the date part) and shows up to five more as `x`, keeping a dash: `310299-1234` becomes
    /// `310299-xxxx`.
    /// A date (`2026-04-13`, also outside the supported years) is not a CPR number and is shown as
    /// typed; any CPR number inside the text is masked by `CPRMask` first.
    public static func maskedGuess(_ text: String) -> String {
        if LocalDate.hasDateShape(text) { return text }
        // A case number ("2026-0001"), a date written short ("14.3.2009") or a text with fewer
        // digits than a CPR number's birth date and most of its serial cannot reveal one.
        let t = text.trimmingCharacters(in: .whitespaces)
        if isCaseNumberShape(t) || isShortDateShape(t) || t.filter(\.isNumber).count < 8 { return text }
        let s = CPRMask.mask(text)
        let chars = Array(s)
        if chars.count <= 6 { return s }
        let rest = chars.dropFirst(6).prefix(5).map { $0 == "-" ? "-" : "x" }
        return String(chars.prefix(6)) + rest.joined()
    }

    /// "2026-0001": four digits, a dash and four digits (a CPR number is six and four).
    public static func isCaseNumberShape(_ t: String) -> Bool {
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { $0.count == 4 && $0.allSatisfy(\.isNumber) }
    }

    /// "14.3.2009" or "1-3-2009": a day and a month of one or two digits and a four-digit year.
    public static func isShortDateShape(_ t: String) -> Bool {
        let parts = t.split(whereSeparator: { $0 == "." || $0 == "-" }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return false }
        return parts[0].count <= 2 && parts[1].count <= 2 && parts[2].count == 4
    }

    /// The masked form: a `CPRNumber` in a message never shows the serial.
    public var description: String { masked }

    /// The masked form, also in debug output.
    public var debugDescription: String { "CPRNumber(\(masked))" }

    /// Only the masked form and the derived facts, so `dump` and test failures reveal no serial.
    public var customMirror: Mirror {
        Mirror(self, children: ["masked": masked, "birthDate": birthDate, "isSubstitute": isSubstitute])
    }

    /// True when the whole text is a CPR number in some spelling (a search on a CPR number).
    public static func looksLikeCPR(_ s: String) -> Bool { (try? parse(s)) != nil }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        do { self = try CPRNumber.parse(s) } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.description)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(formatted)
    }
}
