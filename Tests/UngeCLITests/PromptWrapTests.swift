import Foundation
import Testing
import UngeCore

@testable import UngeCLI

/// Issue 24 item 1: prompts wrap at word boundaries, and a separator a prompt names (";", ",", "/", ",:") stays
/// with the word before it: no line starts with a lone mark, as "Adskil med ; eller / ,:" once did at 80 columns.
@Suite("Ombrydning: skilletegn bliver hos deres ord", .bothStores)
struct PromptWrapTests {
    static func startsWithLoneMark(_ line: String) -> Bool {
        guard let first = line.split(separator: " ").first else { return false }
        return TextWrap.isPunctuationToken(String(first))
    }

    @Test("';', ',', '/' og ',:' starter aldrig en linje, uanset bredden (20-80 kolonner)")
    func marksStayWithTheirWord() {
        let prompt =
            "Hvilke mål arbejder Anbringelse uden for hjemmet uden samtykke (A1) hen imod (M1, M2, O1)? Adskil med ; eller / ,:"
        for width in 20...80 {
            let lines = TextWrap.wrapLines(prompt, width: width)
            #expect(!lines.contains(where: Self.startsWithLoneMark), "bredde \(width): \(lines)")
            #expect(lines.joined(separator: " ") == prompt, "bredde \(width): intet tabt")
            // A mark never ends up alone at the start of a line: "med ;", "eller / ,:" stay whole.
            #expect(lines.contains { $0.contains("eller / ,:") }, "bredde \(width): \(lines)")
        }
        // A table cell counts the glued word as one (no column narrower than "eller / ,:").
        #expect(TextWrap.longestWord("Adskil med ; eller / ,:") == "eller / ,:".count)
    }

    @Test("planens spørgsmål om mål ved 80 kolonner: 'Adskil med ; eller ,' brydes ikke midt i skilletegnene")
    func planPromptAt80Columns() throws {
        let store = try Unge.fixtureStore()
        // Only "Indsatser" is changed: the goal question for the placement is asked, then the change note.
        let r = try Unge.run(
            ["plan", "2026-0010", "--interaktiv"], store: store, input: "5\nm1, m2\nn\n", env: ["COLUMNS": "80"])
        let lines = r.stderr.components(separatedBy: "\n")
        let prompt = try #require(
            lines.firstIndex { $0.contains("Hvilke mål arbejder") }, "\(r.stderr)")
        let asked = lines[prompt..<min(lines.count, prompt + 4)]
        #expect(!asked.contains(where: Self.startsWithLoneMark), "\(asked)")
        #expect(asked.contains { $0.contains("med ;") } && asked.contains { $0.contains("eller ,") }, "\(asked)")
    }
}

/// Issue 24 item 10: `unge vis emma` is a name, not "a case with the number emma".
@Suite("Et navn i stedet for et sagsnummer", .bothStores)
struct NameInsteadOfNumberTests {
    @Test("'unge vis emma' siger, at det er et navn, og tilbyder sagerne, hvor navnet passer")
    func nameIsNotANumber() throws {
        let store = try Unge.fixtureStore()
        let r = try Unge.run(["vis", "emma"], store: store)
        #expect(r.status == 3, "\(r.stderr)")
        #expect(!r.stderr.contains("ingen sag med nummeret emma"), "\(r.stderr)")
        #expect(r.stderr.contains("'emma' er ikke et sagsnummer"))
        #expect(r.stderr.contains("2026-0001  Emma Nørgaard Friis"))
        // A number that does not exist still says so.
        let n = try Unge.run(["vis", "2026-0099"], store: store)
        #expect(n.stderr.contains("Der findes ingen sag med nummeret 2026-0099"))
    }
}

/// Issue 24 item 1: a prompt's earlier answer in [klammer] wraps at its spaces, never in the middle of a word.
@Suite("Ombrydning: et langt tidligere svar i klammer", .bothStores)
struct LongDefaultWrapTests {
    @Test(
        "'[Far har ikke haft kontakt ...]' brydes ved mellemrum, ikke midt i et ord; '[--format md|html|json]' holdes samlet"
    )
    func longDefaultWrapsAtSpaces() {
        let prompt =
            "Hvorfor ikke? [Far har ikke haft kontakt med Ida i fire år og har ikke svaret på to breve.]: "
        for width in 30...72 {
            let lines = TextWrap.wrapLines(prompt.trimmingTrailingSpaces, width: width)
            let words = Set(prompt.split(separator: " ").map(String.init))
            for line in lines {
                for w in line.split(separator: " ") {
                    #expect(words.contains(String(w)), "bredde \(width): '\(w)' er et afbrudt ord i \(lines)")
                }
            }
        }
        let option = TextWrap.wrapLines("Vælg format med [--format md|html|json] efter behov", width: 30)
        #expect(option.contains { $0.contains("[--format md|html|json]") }, "\(option)")
    }
}
