import Foundation
import Testing

@testable import UngeCore

// Every number here is a substitute number (day + 60) or has the synthetic serial 0000.

@Suite("CPR-maskering i alle stavemåder")
struct CPRMaskTests {
    /// The same (substitute) number, 670312-4321, in every spelling a caseworker might type.
    static let spellings: [String] = [
        "670312-4321", "6703124321", "670312 4321", "670312\u{2013}4321", "670312\u{2014}4321",
        "670312\u{2212}4321", "670312\u{2010}4321", "670312\u{2011}4321", "670312\u{A0}4321",
        "670312\u{202F}4321", "670312\u{2009}4321", "670312\u{3000}4321", "670312\t4321", "670312/4321",
        "670312.4321", "670312 - 4321", "670312 \u{2013} 4321", "670312\u{A0}-\u{A0}4321", "670312 / 4321",
        "\u{FF16}\u{FF17}\u{FF10}\u{FF13}\u{FF11}\u{FF12}-\u{FF14}\u{FF13}\u{FF12}\u{FF11}",
        "\u{FF16}\u{FF17}\u{FF10}\u{FF13}\u{FF11}\u{FF12}\u{FF0D}\u{FF14}\u{FF13}\u{FF12}\u{FF11}",
        "67\u{FF10}3\u{FF11}2-43\u{FF12}1", "670312\u{FF0F}4321", "670312\u{FF0E}4321",
        "\u{0666}\u{0667}\u{0660}\u{0663}\u{0661}\u{0662}-\u{0664}\u{0663}\u{0662}\u{0661}",
        "6703\u{200B}12-43\u{AD}21", "670312\u{FE63}4321",
    ]

    @Test("hver stavemåde maskeres som DDMMÅÅ-xxxx, midt i en tekst", arguments: spellings)
    func masked(_ spelling: String) {
        #expect(CPRMask.mask("CPR: \(spelling), ring") == "CPR: 670312-xxxx, ring")
        #expect(CPRMask.mask(spelling) == "670312-xxxx")
        #expect(CPRMask.contains("x \(spelling) y"))
    }

    @Test("hver stavemåde læses også som CPR-nummer", arguments: spellings)
    func parsed(_ spelling: String) throws {
        #expect(try CPRNumber.parse(spelling).digits == "6703124321")
    }

    @Test(
        "det, der tydeligt ikke er CPR-numre, står urørt",
        arguments: [
            "2026-04-13", "13.04.2026", "20260413", "2026-0042", "2026-04-13T09:30:00Z", "13.04.2026 kl. 09.30",
            "+45 12 34 56 78", "12345678", "tlf. 12345678", "1234567890",  // day 12, month 34
            "320312-4321", "671312-4321", "000312-4321",  // no such day or month
            "670312-43210", "16703124321", "670312-432", "sag 2026-0001 revision 3", "670312 -- 4321",
            "reg.nr. 1234 konto 0012345678", "2026-04-13 og 2026-05-01",
        ])
    func untouched(_ text: String) {
        #expect(CPRMask.mask(text) == text)
    }

    @Test("flere numre i én tekst, og tekst uden tal går hurtigt igennem")
    func several() {
        #expect(CPRMask.mask("a 6703124321 b 610101-0000 c") == "a 670312-xxxx b 610101-xxxx c")
        let plain = "Samtale med den unge om skolen."
        #expect(CPRMask.mask(plain) == plain)
    }

    @Test("revisionssporet: søgekriterium og --bruger maskeres i alle stavemåder", arguments: spellings)
    func auditFields(_ spelling: String) {
        #expect(!CPRMask.mask("søg=\(spelling)").contains("4321"))
        #expect(!CPRMask.mask("søg=\(spelling)").contains("\u{FF14}\u{FF13}"))
    }

    @Test("et CPR-nummer i navnefeltet vises maskeret")
    func nameField() {
        let p = YoungPerson(name: "Anna 670312\u{2013}4321")
        #expect(p.displayName == "Anna 670312-xxxx")
    }
}

/// The separator lengths the detector claims (0-5 characters), each one both ways; the shared
/// negative corpus; a property test over generated spellings and every Core sink.
@Suite("CPR-detektoren: separatorlængder, negativt korpus og egenskabstest")
struct CPRDetectorTests {
    static let negativeURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/cpr/ikke-cpr.txt")

    /// The shared negative corpus (`Fixtures/cpr/ikke-cpr.txt`), also used by other suites.
    static func negativeCorpus() throws -> [String] {
        try String(contentsOf: negativeURL, encoding: .utf8).split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }

    @Test("hver separatorlængde fra 0 til 5 tegn genkendes; 6 tegn gør ikke", arguments: 0...6)
    func separatorLength(_ n: Int) {
        let spaces = String(repeating: " ", count: n)
        let withDash =
            n == 0
            ? "" : String(repeating: " ", count: (n - 1) / 2) + "-" + String(repeating: " ", count: n - 1 - (n - 1) / 2)
        for sep in [spaces, withDash] {
            #expect(sep.count == n)
            let text = "x 670312\(sep)4321 y"
            if n <= 5 {
                #expect(CPRMask.mask(text) == "x 670312-xxxx y", "længde \(n): '\(sep)'")
                #expect(CPRMask.replacingAll(in: text, with: "(CPR)").text == "x (CPR) y")
            } else {
                #expect(CPRMask.mask(text) == text, "længde \(n) må ikke genkendes")
            }
        }
    }

    @Test("et nummer delt over et linjeskift og et nummer med punktummer i datoen")
    func lineBreakAndDots() {
        #expect(CPRMask.mask("CPR 670312-\n4321.") == "CPR 670312-xxxx.")
        #expect(CPRMask.mask("CPR 670312\r\n4321") == "CPR 670312-xxxx")
        #expect(CPRMask.mask("CPR 670312\n- 4321") == "CPR 670312-xxxx")
        #expect(CPRMask.mask("80.05.11-4233") == "800511-xxxx")
        #expect(CPRMask.mask("80 05 11 4233") == "800511-xxxx")
        #expect(CPRMask.mask("80-05-11-4233") == "800511-xxxx")
        #expect(CPRMask.mask("80.05-11-4233") == "80.05-11-4233")  // mixed marks are a different thing
    }

    @Test("det negative korpus rammes hverken af detektoren, maskeringen eller anonymiseringen")
    func negativeCorpus() throws {
        let lines = try Self.negativeCorpus()
        #expect(lines.count >= 30)
        for line in lines {
            #expect(CPRMask.mask(line) == line, "'\(line)' blev maskeret")
            #expect(!CPRMask.contains(line))
            #expect(CPRMask.replacingAll(in: line, with: "(CPR)").count == 0, "'\(line)'")
        }
    }

    /// A small deterministic generator (no dependency on the system's random source).
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static func spell(_ digits: [Int], _ g: inout Generator) -> String {
        let scripts: [UInt32] = [0x30, 0xFF10, 0x0660, 0x06F0]
        let script = scripts[g.next(scripts.count)]
        func digit(_ d: Int) -> String {
            let base = g.next(3) == 0 ? scripts[g.next(scripts.count)] : script
            return String(Unicode.Scalar(base + UInt32(d))!)
        }
        let spaces = [" ", "\u{A0}", "\u{2009}", "\t", "\n"]
        let marks = ["-", "\u{2013}", "\u{2014}", "\u{2212}", "/", ".", "\u{FF0D}", ""]
        let mark = marks[g.next(marks.count)]
        var sep = ""
        let before = g.next(3)
        let after = g.next(3)
        for _ in 0..<before { sep += spaces[g.next(spaces.count)] }
        sep += mark
        for _ in 0..<after { sep += spaces[g.next(spaces.count)] }
        if sep.count > 5 { sep = mark }
        return digits[0..<6].map(digit).joined() + sep + digits[6..<10].map(digit).joined()
    }

    @Test(
        "egenskabstest: 2.000 genererede stavemåder maskeres i hver kerne-udgang og forsvinder helt ved anonymisering")
    func property() throws {
        var g = Generator(state: 20_261_207)
        var file = CaseFile(
            id: CaseID("2026-0001")!, created: DanishTime.instant(LocalDate(year: 2026, month: 1, day: 1)!, hour: 9),
            youngPerson: YoungPerson(name: "Test Testesen"))
        file.caseworker = "Lene"
        var anonymiser = Anonymiser(case: file)
        for _ in 0..<2000 {
            var day = 1 + g.next(28)
            if g.next(2) == 0 { day += 60 }  // substitute number
            let month = 1 + g.next(12)
            let year = g.next(100)
            let serial = (0..<4).map { _ in g.next(10) }
            let digits = [day / 10, day % 10, month / 10, month % 10, year / 10, year % 10] + serial
            let spelling = Self.spell(digits, &g)
            let text = "Søgning: \(spelling), tak"
            let masked = CPRMask.mask(text)
            let prefix = digits[0..<6].map(String.init).joined()
            #expect(
                masked == "Søgning: \(prefix)-xxxx, tak",
                "\(spelling.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(CPRMask.contains(text))
            #expect(YoungPerson(name: "Anna \(spelling)").displayName == "Anna \(prefix)-xxxx")
            let anonymised = anonymiser.scrub(text)
            #expect(anonymised == "Søgning: (CPR-nummer), tak")
        }
    }
}
