import Foundation
import Testing

@Suite("Lagerets placering (ende til ende)", .bothStores)
struct StoreLocationCLITests {
    @Test("--lager '' afvises med en dansk besked og slutkode 2, for alle kommandoer med et lager")
    func emptyFlag() throws {
        for args in [["liste"], ["vis", "2026-0001"], ["frister"], ["ny", "--navn", "Testa Test"], ["demo"]] {
            let r = try Unge.run(args + ["--lager", ""])
            #expect(r.status == 2, "\(args)")
            #expect(r.stderr.hasPrefix("Fejl: --lager er tom."), "\(args): \(r.stderr)")
        }
    }

    @Test(
        "en PGHOST i miljøet flytter aldrig lageret til en database",
        .fileOnly("om et lager i en mappe"))
    func strayPGHost() throws {
        let store = Unge.emptyStore()
        let r = try Unge.run(
            ["ny", "--navn", "Testa Test", "--foedselsdato", "2010-01-01"], store: store,
            env: ["PGHOST": "/nowhere", "PGDATABASE": "unge", "PGUSER": "x"])
        #expect(r.status == 0)
        #expect(FileManager.default.fileExists(atPath: store.appendingPathComponent("sager").path))
    }
}
