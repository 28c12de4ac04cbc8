import Foundation
import Testing

/// AUDIT-2026-12.md findings seen from the command line.
@Suite("Lovrevision december 2026 på kommandolinjen", .bothStores)
struct StatuteAuditCommandTests {
    /// N4. SEL 2025 § 101 a stk. 3 »kan henvende sig til kommunen anonymt«; stk. 7 »på en sådan måde, at formålet
    /// med anonymitet opnås«; sundhedsloven § 141 stk. 7 »skal ydes anonymt, hvis alkoholmisbrugeren ønsker det«.
    @Test("N4: anonym behandling registreres på en anonym sag uden navn eller CPR")
    func anonymousTreatment() throws {
        let store = Unge.emptyStore()
        let ny = try Unge.run(["ny", "--anonym", "--aldersgruppe", "18-22"], store: store)
        #expect(ny.status == 0, "\(ny.stderr)")
        let a = try Unge.run(
            [
                "indsats", "2026-0001", "--type", "sel101a-anonym", "--henvendelse", "2026-08-20", "--dato",
                "2026-08-21",
            ], store: store)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(!a.stderr.contains("identificer"))
        let b = try Unge.run(
            ["indsats", "2026-0001", "--type", "alkohol", "--henvendelse", "2026-08-20", "--dato", "2026-08-21"],
            store: store)
        #expect(b.status == 0, "\(b.stderr)")
        // Other decisions still need an identified young person, and the refusal names the anonymous ones.
        let c = try Unge.run(
            ["indsats", "2026-0001", "--type", "kontaktperson", "--dato", "2026-08-21", "--formaal", "x"],
            store: store)
        #expect(c.status == 1)
        #expect(c.stderr.contains("sel101a-anonym"))
        #expect(
            try Unge.run(
                ["ny", "--aldersgruppe", "18-22", "--navn", "X", "--foedselsdato", "2005-01-01"], store: store
            ).status == 2)
        let data = try Unge.caseText(store, "2026-0001")
        #expect(data.contains("\"ageBand\" : \"18-22\""))
        #expect(!data.contains("\"cpr\""))
    }

    /// Row 52, D8. BL § 20 (undersøgelse), § 19 (afdækning); rsl § 11 e stk. 2; BL § 138 stk. 1 »over for den, der
    /// foretog underretningen«.
    @Test("række 5, 25, 52, D8: hjælpeteksterne citerer den gældende regel")
    func helpTexts() throws {
        let store = Unge.emptyStore()
        func flat(_ s: String) -> String { s.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ") }
        let u = try Unge.run(["undersoeg", "--help"], store: store)
        #expect(
            flat(u.stdout).contains(
                "Registrér den børnefaglige undersøgelse (barnets lov § 20) eller afdækningen (§ 19)"))
        #expect(!flat(u.stdout).contains("(§ 50)"))
        let v = try Unge.run(["vaerktoej", "--help"], store: store)
        #expect(flat(v.stdout).contains("retssikkerhedsloven § 11 e, stk. 2"))
        let r = try Unge.run(["underret", "--help"], store: store)
        #expect(flat(r.stdout).contains("kvittering til underretteren"))
        #expect(!flat(r.stdout).contains("kvittering til en fagperson"))
        let p = try Unge.run(["plan", "--help"], store: store)
        #expect(flat(p.stdout).contains("ungeplanen for 18-22-årige på ungestøtte"))
    }
}
