import Foundation
import Testing

/// End-to-end runs of `unge netvaerk` and `unge vaerktoej`.
@Suite("Netværk og redskaber (ende til ende)", .bothStores)
struct NetworkAndToolsTests {
    @Test("netværkskortet vises, en person tilføjes og fjernes; fejl gemmer intet")
    func network() throws {
        let store = try Unge.fixtureStore()
        let show = try Unge.run(["netvaerk", "2026-0005"], store: store)
        #expect(show.status == 0)
        try Unge.expectGolden(show.stdout, "cli/netvaerk-2026-0005.md")
        let add = try Unge.run(
            [
                "netvaerk", "2026-0005", "--tilfoej", "Søren Holm", "--relation", "morbror", "--arena", "slaegt",
                "--kan-stoette",
            ], store: store)
        #expect(add.stdout == "Søren Holm er føjet til netværkskortet (revision 2).\n")
        let twice = try Unge.run(
            ["netvaerk", "2026-0005", "--tilfoej", "Søren Holm", "--relation", "morbror", "--arena", "slaegt"],
            store: store)
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("står allerede"))
        let missing = try Unge.run(["netvaerk", "2026-0005", "--tilfoej", "X"], store: store)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--relation"))
        #expect(missing.stderr.contains("--arena"))
        let badArena = try Unge.run(
            ["netvaerk", "2026-0005", "--tilfoej", "X", "--relation", "ven", "--arena", "månen"], store: store)
        #expect(badArena.status == 2)
        let typo = try Unge.run(["netvaerk", "2026-0005", "--fjern", "Søren Hol"], store: store)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("Mente du 'Søren Holm'?"))
        let remove = try Unge.run(["netvaerk", "2026-0005", "--fjern", "Søren Holm", "--json"], store: store)
        #expect(remove.stdout.contains("\"revision\" : 3"))
        #expect(try Unge.run(["netværk", "2026-0005"], store: store).status == 0)
    }

    @Test("redskaber registreres og vises; for mange SSD-møder giver en advarsel med paragraf")
    func tools() throws {
        let store = try Unge.fixtureStore()
        let none = try Unge.run(["vaerktoej", "2026-0001"], store: store)
        #expect(none.stdout.contains("ikke registreret nogen redskaber"))
        let r = try Unge.run(
            [
                "vaerktoej", "2026-0001", "--type", "livslinje", "--dato", "2026-08-20", "--resume",
                "Vendepunkt: ny klasse",
            ], store: store)
        #expect(r.stdout == "Livslinje 20.08.2026 er registreret på sag 2026-0001 (revision 2).\n")
        let future = try Unge.run(
            ["vaerktoej", "2026-0001", "--type", "livslinje", "--dato", "2026-12-24"], store: store)
        #expect(future.status == 2)
        let typo = try Unge.run(["vaerktoej", "2026-0001", "--type", "livslinej"], store: store)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("Mente du 'livslinje'?"))
        for _ in 0..<3 { try Unge.run(["vaerktoej", "2026-0001", "--type", "ssd-moede"], store: store) }
        let list = try Unge.run(["vaerktoej", "2026-0001"], store: store)
        #expect(list.stdout.contains("20.08.2026  livslinje"))
        #expect(list.stderr.contains("3 SSD-møder"))
        #expect(list.stderr.contains("tidl. serviceloven § 49 a"))
    }
}
