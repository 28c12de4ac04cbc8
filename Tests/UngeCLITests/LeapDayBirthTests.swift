import Foundation
import Testing
import UngeCore

/// AUDIT row 36 (O): a person born on 29 February. No statute text in our sources says whether they turn a year
/// older on 28 February or 1 March in a common year (barnets lov and serviceloven say only »fyldt 18 år«). The tool
/// counts 1 March and says so, marked as not verified, wherever the age and its thresholds are shown.
@Suite("Født 29. februar (AUDIT række 36)")
struct LeapDayBirthTests {
    @Test("'unge alder' regner 1. marts i år uden skuddag og siger, at det ikke er verificeret")
    func alderSaysWhichDay() throws {
        let before = try Unge.run(["alder", "2008-02-29", "--dato", "2026-02-28"])
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout.contains("Alder 28. februar 2026: 17 år"), "\(before.stdout)")
        #expect(before.stdout.contains("18 år – 01.03.2026"))
        #expect(before.stdout.contains("regner unge fødselsdagen som 1. marts"))
        #expect(before.stdout.contains("ikke verificeret"))
        let on = try Unge.run(["alder", "2008-02-29", "--dato", "2026-03-01"])
        #expect(on.stdout.contains("Alder 1. marts 2026: 18 år"), "\(on.stdout)")
        let json = try Unge.run(["alder", "2008-02-29", "--dato", "2026-03-01", "--json"])
        #expect(json.stdout.contains("\"note\""))
        // Any other birthday: no note.
        let plain = try Unge.run(["alder", "2008-03-01", "--dato", "2026-03-01"])
        #expect(!plain.stdout.contains("29. februar"))
        #expect(Age.leapDayNote(born: LocalDate.parse("2008-03-01")!) == nil)
    }
}
