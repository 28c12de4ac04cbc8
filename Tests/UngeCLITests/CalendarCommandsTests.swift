import Foundation
import Testing

/// End-to-end runs of `unge alder`, `unge helligdage` and `unge frist`.
@Suite("Kalender og alder (ende til ende)", .bothStores)
struct CalendarCommandsTests {
    @Test("helligdage 2026 og 2023 (med store bededag)")
    func holidays() throws {
        let r = try Unge.run(["helligdage", "2026"])
        #expect(r.status == 0)
        try Unge.expectGolden(r.stdout, "cli/helligdage-2026.txt")
        #expect(!r.stdout.contains("store bededag"))
        #expect(try Unge.run(["helligdage", "2023"]).stdout.contains("05.05.2023  fredag   store bededag"))
        let json = try Unge.run(["helligdage", "2024", "--json"])
        #expect(json.stdout.contains("\"date\" : \"2024-03-28\""))
        #expect(try Unge.run(["helligdage", "1800"]).status == 2)
        #expect(try Unge.run(["helligdage", "tyve"]).status == 2)
    }

    @Test("frist i hverdage over påsken viser de oversprungne dage")
    func deadline() throws {
        let r = try Unge.run(["frist", "--fra", "2026-03-31", "--hverdage", "6"])
        #expect(r.status == 0)
        try Unge.expectGolden(r.stdout, "cli/frist-paaske-2026.txt")
        let christmas = try Unge.run(["frist", "--fra", "24.12.2026", "--hverdage", "3", "--json"])
        #expect(christmas.stdout.contains("\"due\" : \"2026-12-30\""))
        let closed = try Unge.run(["frist", "--fra", "2026-12-22", "--hverdage", "3", "--lukkedage"])
        #expect(closed.stdout.contains("juleaftensdag"))
        let both = try Unge.run(["frist", "--fra", "2026-03-31", "--hverdage", "6", "--dage", "3"])
        #expect(both.status == 2)
        let none = try Unge.run(["frist", "--fra", "2026-03-31"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("--hverdage N eller --dage N"))
    }

    @Test("lagerets lukkedage bruges af frist og helligdage")
    func closingDays() throws {
        let store = try Unge.createdEmptyStore()
        #expect(try Unge.run(["indstillinger"], store: store).stdout.contains("nej (tæller som hverdage)"))
        #expect(
            !(try Unge.run(["frist", "--fra", "2026-12-22", "--hverdage", "3"], store: store).stdout.contains(
                "juleaftensdag")))
        #expect(try Unge.run(["indstillinger", "--lukkedage", "ja"], store: store).status == 0)
        let r = try Unge.run(["frist", "--fra", "2026-12-22", "--hverdage", "3"], store: store)
        #expect(r.stdout.contains("juleaftensdag"))
        #expect(try Unge.run(["helligdage", "2026"], store: store).stdout.contains("nytårsaftensdag (lukkedag)"))
        #expect(try Unge.run(["indstillinger", "--lukkedage", "måske"], store: store).status == 2)
        #expect(try Unge.run(["indstillinger", "--json"], store: store).stdout.contains("\"alsoClosed\" : true"))
    }

    @Test("alder med grænser; CPR vises maskeret")
    func age() throws {
        let r = try Unge.run(["alder", "2010-02-02", "--dato", "2026-09-01"])
        #expect(r.status == 0)
        try Unge.expectGolden(r.stdout, "cli/alder-2010-02-02.txt")
        let cpr = try Unge.run(["alder", "740312-4118", "--dato", "2026-09-01"])
        #expect(cpr.stdout.contains("740312-xxxx"))
        #expect(!cpr.stdout.contains("4118"))
        #expect(cpr.stdout.contains("14 år"))
        let bad = try Unge.run(["alder", "12345"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("ÅÅÅÅ-MM-DD"))
        let json = try Unge.run(["alder", "2008-02-29", "--dato", "2026-02-28", "--json"])
        #expect(json.stdout.contains("\"age\" : 17"))
    }
}
