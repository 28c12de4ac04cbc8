import Foundation
import Testing

@testable import UngeCore

// All numbers here are fictional. Most are substitute numbers (day + 60), which the tool must
// recognise but which carry no real person's birthday; the few ordinary ones use a synthetic
// serial (0000) and exist only to test plain parsing.

/// One row of LAW.md's century table: the 7th digits and the century for YY 00-36, 37-57, 58-99.
struct CenturyRow: Sendable, CustomTestStringConvertible {
    let digits: [Int]
    let centuries: (Int, Int, Int)
    var testDescription: String { "7. ciffer \(digits)" }
}

@Suite("CPR-nummer")
struct CPRNumberTests {
    // MARK: Forms

    @Test("begge former: med og uden bindestreg")
    func bothForms() throws {
        let dashed = try CPRNumber.parse("670312-4321")
        let plain = try CPRNumber.parse("6703124321")
        #expect(dashed == plain)
        #expect(dashed.digits == "6703124321")
        #expect(dashed.formatted == "670312-4321")
        #expect(dashed.masked == "670312-xxxx")
        #expect(dashed.birthDate == LocalDate(year: 2012, month: 3, day: 7))
        #expect(dashed.isSubstitute)
    }

    @Test("et almindeligt nummer (syntetisk løbenummer)")
    func ordinary() throws {
        let cpr = try CPRNumber.parse("010100-0000")
        #expect(cpr.birthDate == LocalDate(year: 1900, month: 1, day: 1))
        #expect(!cpr.isSubstitute)
        #expect(!cpr.isMale)
    }

    @Test("mellemrum og linjeskift omkring nummeret tillades")
    func trimmed() throws {
        #expect(try CPRNumber.parse("  670312-4321\n").digits == "6703124321")
        #expect(try CPRNumber.parse("\t6703124321 ").masked == "670312-xxxx")
    }

    // MARK: Century

    static let centuryTable: [CenturyRow] = [
        CenturyRow(digits: [0, 1, 2, 3], centuries: (1900, 1900, 1900)),
        CenturyRow(digits: [4, 9], centuries: (2000, 1900, 1900)),
        CenturyRow(digits: [5, 6, 7, 8], centuries: (2000, 2000, 1800)),
    ]

    @Test("århundredetabellen fra cpr.dk, hver række og kolonne", arguments: centuryTable)
    func century(_ row: CenturyRow) throws {
        let columns: [(ClosedRange<Int>, Int)] = [
            (0...36, row.centuries.0), (37...57, row.centuries.1), (58...99, row.centuries.2),
        ]
        for digit in row.digits {
            for (range, century) in columns {
                for yy in [range.lowerBound, range.lowerBound + 1, range.upperBound] {
                    #expect(CPRNumber.year(yy: yy, seventhDigit: digit) == century + yy, "YY \(yy), 7. ciffer \(digit)")
                }
                // The same through parsing, with a substitute number for 1 January (61 01 YY).
                let yy = range.upperBound
                let text = "6101" + pad(yy, 2) + "-\(digit)000"
                let cpr = try CPRNumber.parse(text)
                #expect(cpr.birthDate == LocalDate(year: century + yy, month: 1, day: 1), "\(text)")
            }
        }
    }

    @Test("gyldige fødselsår er 1858-2057")
    func yearRange() {
        var years: [Int] = []
        for digit in 0...9 { for yy in 0...99 { years.append(CPRNumber.year(yy: yy, seventhDigit: digit)) } }
        #expect(years.min() == 1858)
        #expect(years.max() == 2057)
    }

    @Test("århundredet afgør skuddagen: 29/2 1900 findes ikke, 29/2 2000 gør")
    func centuryDecidesLeapDay() throws {
        #expect(try CPRNumber.parse("890200-4000").birthDate == LocalDate(year: 2000, month: 2, day: 29))
        #expect(throws: CPRNumber.ParseError.self) { try CPRNumber.parse("890200-0000") }
    }

    // MARK: Sex and substitute numbers

    @Test("køn af sidste ciffer: ulige er mand, lige er kvinde", arguments: 0...9)
    func sex(_ last: Int) throws {
        let cpr = try CPRNumber.parse("670312-432\(last)")
        #expect(cpr.isMale == (last % 2 == 1))
    }

    @Test(
        "erstatningsnumre: dagen + 60",
        arguments: [
            ("610101-4000", 1), ("700101-4000", 10), ("890101-4000", 29), ("910101-4000", 31),
        ])
    func substitute(_ text: String, _ day: Int) throws {
        let cpr = try CPRNumber.parse(text)
        #expect(cpr.isSubstitute)
        #expect(cpr.birthDate.day == day)
        #expect(cpr.masked == String(text.prefix(6)) + "-xxxx")
    }

    // MARK: Rejections

    @Test(
        "ugyldige datoer afvises",
        arguments: [
            "310299-0000", "910299-0000", "000101-0000", "600101-0000", "320101-0000", "920101-0000",
            "610001-0000", "611301-0000", "310423-0000", "290223-0000",
        ])
    func invalidDates(_ text: String) {
        #expect(throws: CPRNumber.ParseError.invalidDate(CPRNumber.maskedGuess(text))) {
            try CPRNumber.parse(text)
        }
    }

    @Test(
        "forkert form afvises",
        arguments: [
            "", "670312", "670312-432", "670312-43210", "67031-24321", "670312  --  4321", "67031A-4321",
            "abcdef-ghij", "6703124321 1", "670312_4321", "+670312432", "670312-4321-9876",
        ])
    func wrongShape(_ text: String) {
        #expect(throws: CPRNumber.ParseError.self) { try CPRNumber.parse(text) }
        #expect(!CPRNumber.looksLikeCPR(text))
        do {
            _ = try CPRNumber.parse(text)
        } catch {
            guard case .wrongShape = error else {
                Issue.record("forventede wrongShape for '\(text)', fik \(error)")
                return
            }
        }
    }

    /// The old modulus-11 check (weights 4 3 2 7 6 5 4 3 2 1).
    static func passesModulus11(_ digits: String) -> Bool {
        let weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1]
        let sum = zip(digits.utf8, weights).reduce(0) { $0 + (Int($1.0) - 48) * $1.1 }
        return sum % 11 == 0
    }

    @Test("modulus-11 bruges aldrig til at afvise et nummer")
    func noModulus11() throws {
        var failing = 0
        for serial in 0..<200 {
            let text = "670312-4" + pad(serial, 3)
            let cpr = try CPRNumber.parse(text)
            if !Self.passesModulus11(cpr.digits) { failing += 1 }
        }
        #expect(failing > 150)  // most of them fail the old check, and all were accepted
        #expect(!Self.passesModulus11("6703124321"))
        #expect(CPRNumber.looksLikeCPR("670312-4321"))
    }

    // MARK: Confidentiality

    @Test(
        "fejlbeskeder indeholder aldrig hele nummeret",
        arguments: [
            "310299-1234", "3102991234", "910299-5678", "67031A-4321", "670312-43210", "670312 -- 4321",
            "x6703124321", "670312-4321-9876",
        ])
    func messagesAreMasked(_ text: String) throws {
        do {
            _ = try CPRNumber.parse(text)
            Issue.record("'\(text)' burde være afvist")
        } catch {
            let serial = String(text.dropFirst(7).prefix(4))
            for shown in [error.description, "\(error)", String(reflecting: error)] {
                #expect(!shown.contains(serial), "\(shown)")
                #expect(!shown.contains(text), "\(shown)")
            }
            #expect(error.description.contains(String(text.prefix(6))))
            #expect(!CoreError.invalidCPR(text).description.contains(serial))
        }
    }

    @Test("fejlbesked for en ugyldig dato viser DDMMÅÅ-xxxx")
    func invalidDateMessage() {
        #expect(throws: CPRNumber.ParseError.invalidDate("310299-xxxx")) { try CPRNumber.parse("310299-1234") }
        #expect(
            CPRNumber.ParseError.invalidDate("310299-xxxx").description
                == "CPR-nummeret '310299-xxxx' indeholder ikke en gyldig fødselsdato (DDMMÅÅ).")
    }

    @Test("et CPR-nummer i tekst, debug og dump viser kun DDMMÅÅ-xxxx")
    func interpolationIsMasked() throws {
        let cpr = try CPRNumber.parse("670312-4321")
        var dumped = ""
        dump(cpr, to: &dumped)
        for shown in ["\(cpr)", String(describing: cpr), String(reflecting: cpr), dumped] {
            #expect(!shown.contains("4321"), "\(shown)")
            #expect(shown.contains("670312-xxxx"), "\(shown)")
        }
    }

    @Test("maskering af det indtastede")
    func maskedGuess() {
        #expect(CPRNumber.maskedGuess("310299-1234") == "310299-xxxx")
        #expect(CPRNumber.maskedGuess("3102991234") == "310299-xxxx")
        #expect(CPRNumber.maskedGuess("310299 – 1234") == "310299-xxxx")
        #expect(CPRNumber.maskedGuess("2026-04-13") == "2026-04-13")
        #expect(CPRNumber.maskedGuess("9999-12-31") == "9999-12-31")
        #expect(CPRNumber.maskedGuess("0101901234567") == "010190xxxxx")
        #expect(CPRNumber.maskedGuess("6703") == "6703")
    }

    // MARK: JSON

    @Test("gemmes som DDMMÅÅ-SSSS og læses igen")
    func json() throws {
        let cpr = try CPRNumber.parse("6703124321")
        let data = try UngeJSON.encoder(pretty: false).encode([cpr])
        #expect(String(decoding: data, as: UTF8.self) == #"["670312-4321"]"#)
        let back = try UngeJSON.decoder().decode([CPRNumber].self, from: data)
        #expect(back == [cpr])
    }

    @Test("et ugyldigt nummer i en fil giver en maskeret fejl")
    func jsonInvalid() {
        let data = Data(#"["310299-1234"]"#.utf8)
        do {
            _ = try UngeJSON.decoder().decode([CPRNumber].self, from: data)
            Issue.record("burde fejle")
        } catch {
            let shown = String(describing: error) + String(reflecting: error)
            #expect(!shown.contains("1234"))
            #expect(shown.contains("310299-xxxx"))
        }
    }
}
