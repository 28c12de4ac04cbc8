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
