import Foundation
import Testing

/// Help texts are reflowed to the terminal width; a list in them stays a list (issue 24 item 1).
@Suite("Hjælpetekster ombrydes uden at lister løber sammen med teksten efter")
struct HelpReflowTests {
    @Test("netvaerk --help: arenalisten slutter, før næste afsnit begynder")
    func listThenParagraph() throws {
        let r = try Unge.run(["netvaerk", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("  professionelle\nArenaen skrives fx familie"))
        #expect(!r.stdout.contains("professionelle Arenaen"))
    }
}
