import Foundation
import Testing

/// Issue 20 item 6: the 18th birthday at registration, `--afloeser`, the examination's start and
/// the custody holders' orientation person by person (end to end; the clock is pinned to 1 September 2026).
@Suite("Små sandheder: 18-årsdagen, afløsning, undersøgelsens start, orientering (ende til ende)", .bothStores)
struct SmallTruthsTests {
    static func store(born: String) throws -> URL {
        let store = Unge.emptyStore()
        let r = try Unge.run(["ny", "--navn", "Test Ung", "--foedselsdato", born], store: store)
        #expect(r.status == 0, "\(r.stderr)")
        return store
    }

    static func register(_ store: URL, _ type: String, _ extra: [String] = []) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        let r = try Unge.run(
            ["indsats", "2026-0001", "--type", type, "--dato", "2026-08-25", "--formaal", "Støtte"] + extra,
            store: store)
        return (r.status, r.stdout, r.stderr)
    }

    @Test(
        "en indsats ud over 18-årsdagen advarer og nævner, hvad der kan føre den videre, pr. grundlag",
        arguments: [
            ("kontaktperson", ["--varighed", "12 måneder"], "barnets lov § 114, stk. 2"),
            (
                "anbringelse",
                ["--varighed", "2 år", "--samtykke", "foraeldremyndighed:2026-08-25", "--samtykke", "ung:2026-08-25"],
                "barnets lov § 114, stk. 1"
            ),
            (
                "behandling-ambulant",
                [
                    "--henvendelse", "2026-08-24", "--slut", "2027-06-01", "--samtykke",
                    "foraeldremyndighed:2026-08-25", "--samtykke", "ung:2026-08-25",
                ],
                "serviceloven § 101"
            ),
            ("stoetteophold", ["--varighed", "1 år"], "Indsatsen ophører ved 18 år"),
        ])
    func pastEighteen(_ type: String, _ extra: [String], _ expected: String) throws {
        let store = try Self.store(born: "2009-01-10")
        let r = try Self.register(store, type, extra)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("ud over den unges 18-årsdag 10. januar 2027"), "\(r.stderr)")
        #expect(r.stderr.contains(expected), "\(r.stderr)")
        if type == "anbringelse" { #expect(r.stderr.contains("barnets lov § 120")) }
    }

    @Test("en indsats, der slutter før 18-årsdagen, advarer ikke om 18 år")
    func beforeEighteen() throws {
        let store = try Self.store(born: "2009-01-10")
        let r = try Self.register(store, "kontaktperson", ["--varighed", "3 måneder"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("18-årsdag"))
    }

    @Test("--afloeser kobler to afgørelser, og begge dokumenter viser koblingen; et ukendt id afvises (slutkode 2)")
    func replaces() throws {
        let store = try Self.store(born: "2009-01-10")
        #expect(try Self.register(store, "kontaktperson", ["--varighed", "3 måneder"]).status == 0)
        let bad = try Self.register(store, "kontaktperson", ["--varighed", "3 måneder", "--afloeser", "A7"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--afloeser A7: sagen har ingen afgørelse A7"))
        let ok = try Self.register(store, "familiebehandling", ["--varighed", "3 måneder", "--afloeser", "a1"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let old = try Unge.run(["indsats", "2026-0001", "A1"], store: store)
        #expect(old.stdout.contains("Afløst af:** A2, familiebehandling eller behandling af den unge"), "\(old.stdout)")
        let new = try Unge.run(["indsats", "2026-0001", "A2"], store: store)
        #expect(new.stdout.contains("Afløser:** A1, fast kontaktperson"), "\(new.stdout)")
    }

    @Test("undersøgelsen regnes som standard fra den tidligste åbne underretning, og beskeden siger det")
    func examinationStart() throws {
        let store = try Self.store(born: "2011-01-10")
        let u = try Unge.run(
            [
                "underret", "--sag", "2026-0001", "--underretter", "Mette Krog", "--rolle", "Lærer", "--arbejdssted",
                "Skolen", "--kontakt", "tlf. 11 00 00 02", "--forhold", "Træt og fraværende.",
                "--modtaget", "2026-08-20 09:00", "--ung-orienteret", "ja", "--orienteret", "Hanne Jensen=2026-08-19",
                "--ikke-orienteret", "Omar Hassan=Far har ikke kunnet kontaktes",
            ], store: store)
        #expect(u.status == 0, "\(u.stderr)")
        let e = try Unge.run(["undersoeg", "2026-0001", "--afsluttet", "2026-08-31", "--kladde"], store: store)
        #expect(e.status == 0, "\(e.stderr)")
        #expect(e.stderr.contains("Undersøgelsen regnes fra underretning nr. 1, modtaget 20. august 2026"))
        #expect(e.stdout.contains("20. august 2026"), "\(e.stdout)")
    }

    @Test("forældremyndighedsindehaverne orienteres hver for sig: dokument, vis og tjekliste 3.2")
    func orientation() throws {
        let store = try Self.store(born: "2011-01-10")
        let u = try Unge.run(
            [
                "underret", "--sag", "2026-0001", "--underretter", "Mette Krog", "--rolle", "Lærer", "--arbejdssted",
                "Skolen", "--kontakt", "tlf. 11 00 00 02", "--forhold", "Træt og fraværende.",
                "--modtaget", "2026-08-20 09:00", "--ung-orienteret", "ja", "--orienteret", "Hanne Jensen=2026-08-19",
                "--ikke-orienteret", "Omar Hassan=Far har ikke kunnet kontaktes", "--format", "md",
            ], store: store)
        #expect(u.status == 0, "\(u.stderr)")
        let line = "Hanne Jensen orienteret 19.08.2026; Omar Hassan ikke orienteret: Far har ikke kunnet kontaktes"
        #expect(u.stdout.contains(line), "\(u.stdout)")
        #expect(!u.stdout.contains("Forældrene er orienteret:** nej"))
        let vis = try Unge.run(["vis", "2026-0001"], store: store, env: ["COLUMNS": "400"])
        #expect(vis.stdout.contains(line), "\(vis.stdout)")
        let check = try Unge.run(["check", "3", "--sag", "2026-0001"], store: store, env: ["COLUMNS": "400"])
        #expect(check.stdout.contains(line), "\(check.stdout)")
        let future = try Unge.run(
            [
                "underret", "--sag", "2026-0001", "--underretter", "A", "--rolle", "Lærer", "--arbejdssted", "Skolen",
                "--kontakt", "tlf. 11 00 00 02", "--forhold", "B", "--ung-orienteret", "ja",
                "--orienteret", "Hanne Jensen=2026-09-30",
            ], store: store)
        #expect(future.status == 2, "\(future.stderr)")
    }
}
