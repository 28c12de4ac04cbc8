import Foundation
import Testing

@testable import UngeCore

/// The anonymiser's speed rewrite keeps its output: the street check done in Swift finds exactly
/// the matches the former look-behind pattern found, and learning on several cores learns what
/// learning text by text learns.
@Suite("Anonymiseringens hurtige vej giver det samme som den langsomme")
struct AnonymiserSpeedRewriteTests {
    /// The address pattern as it was, with the street words in a look-behind.
    static let formerAddress = try! NSRegularExpression(
        pattern:
            "(?<=(?:\(Anonymiser.P.streetSuffixes.joined(separator: "|")))\\s{1,3})[0-9]+[A-Za-z]?(?![0-9])(?:,?\\s*(?:st|kl|[0-9]{1,2})\\.?(?:\\s*(?:th|tv|mf)\\.?)?)?"
    )

    static let pieces = [
        "vej", "gade", "allé", "alle", "Vej", "stien", "torv", " ", "  ", "   ", "    ", "\t", "\n", "\u{A0}",
        "\u{2009}",
        "\u{0B}", "\u{85}", "\u{3000}", "\u{200B}", "5", "12", "7", "0", "a", "B", "st", "kl", "th", "tv", ",", ".",
        "-", "Fiktiv", "Nørre", "e\u{301}",
        "x", "2650", "tlf",
    ]

    /// Match ranges (UTF-16) of the former pattern, and of the new one kept by `followsStreet`.
    static func ranges(_ text: String) -> (former: [NSRange], now: [NSRange]) {
        let whole = NSRange(location: 0, length: text.utf16.count)
        let former = formerAddress.matches(in: text, range: whole).map(\.range)
        let scalars = text.unicodeScalars
        let now = Anonymiser.P.address.matches(in: text, range: whole).map(\.range).filter { r in
            let start = text.utf16.index(text.utf16.startIndex, offsetBy: r.location)
            return Anonymiser.followsStreet(scalars, start)
        }
        return (former, now)
    }

    @Test("gadens ord før husnummeret tjekkes i Swift præcis som det tidligere look-behind i mønsteret")
    func streetCheckMatchesFormerPattern() {
        var g = SystemRandomNumberGenerator()
        var texts = ["Fiktivvej 5, 2. th", "Nørregade  12B", "Skolevej\t7 st.", "vej    5", "allé 3", "Vej 5", "vej5"]
        for _ in 0..<3000 {
            let n = Int.random(in: 1...12, using: &g)
            texts.append((0..<n).map { _ in Self.pieces.randomElement(using: &g)! }.joined())
        }
        for text in texts {
            let r = Self.ranges(text)
            #expect(r.former == r.now, "\(text.debugDescription)")
        }
    }

    @Test("de hurtige tjek for stort forbogstav og tal svarer til Characters egne")
    func fastWordChecks() {
        let letters = [
            "A", "a", "Z", "Æ", "æ", "1", "\u{661}", "\u{FF15}", "\u{216B}", "e\u{301}", "\u{301}", "ß", "\u{1C5}", "x",
        ]
        var g = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let w = (0..<Int.random(in: 1...5, using: &g)).map { _ in letters.randomElement(using: &g)! }.joined()
            #expect(Anonymiser.startsWithCapital(w) == (w.first?.isUppercase == true), "\(w.debugDescription)")
            #expect(Anonymiser.hasNumber(w) == w.contains(where: \.isNumber), "\(w.debugDescription)")
        }
    }

    @Test("at lære sagens egennavne på flere kerner giver det samme som én tekst ad gangen")
    func learnAllIsLearn() {
        let c = CaseFile(
            id: CaseID("2026-0001")!, created: DanishTime.instant(LocalDate(year: 2026, month: 3, day: 1)!, hour: 9),
            youngPerson: YoungPerson(name: "Malik Hansen"), caseworker: "Lene Dahl")
        let base = Anonymiser(case: c)
        let words = ["Nordby", "Station", "Kirkebakken", "Lyngly", "Omar", "SSP", "Vestby", "mor", "Hanne", "Torvet"]
        var g = SystemRandomNumberGenerator()
        let texts = (0..<2000).map { k in
            "Notat \(k): " + (0..<12).map { _ in words.randomElement(using: &g)! }.joined(separator: " ") + "."
        }
        var one = base
        for t in texts { one.learn(t) }
        var all = base
        all.learnAll(texts)
        #expect(one.properNouns == all.properNouns)
        #expect(!all.properNouns.isEmpty)
    }
}
