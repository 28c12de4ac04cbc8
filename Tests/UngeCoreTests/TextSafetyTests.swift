import Foundation
import Testing

@testable import UngeCore

@Suite("Tekst fra en sag: terminal, Markdown og HTML")
struct TextSafetyTests {
    @Test("C0, DEL, C1 og bidi-tegn vises som \\u{..}; linjeskift og tabulator bevares kun i flerlinjet tekst")
    func neutralise() {
        #expect(TerminalText.neutralise("a\u{1B}[2Jb") == "a\\u{1B}[2Jb")
        #expect(
            TerminalText.neutralise("\u{0}\u{7}\u{8}\r\u{7F}\u{80}\u{9B}\u{9F}")
                == "\\u{0}\\u{7}\\u{8}\\u{D}\\u{7F}\\u{80}\\u{9B}\\u{9F}")
        for v: UInt32 in [
            0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C, 0x2028,
            0x2029,
        ] {
            let s = String(Unicode.Scalar(v)!)
            #expect(TerminalText.neutralise("x" + s + "y") == "x\\u{" + String(v, radix: 16, uppercase: true) + "}y")
        }
        #expect(TerminalText.neutralise("a\nb\tc") == "a\nb\tc")
        #expect(TerminalText.neutralise("a\nb\tc", keepLineBreaks: false) == "a\\u{A}b\\u{9}c")
        let plain = "Æblegrød på 13.04.2026 – “citat” 😀 \u{A0}"
        #expect(TerminalText.neutralise(plain) == plain)
    }

    @Test("JSON: kontroltegn som JSON-escapes, så JSON'en er gyldig og betyder det samme")
    func json() throws {
        let raw = "{\n  \"a\" : \"x\u{202E}y\u{9B}z\u{7F}\"\n}"
        let escaped = TerminalText.escapingControlsInJSON(raw)
        #expect(escaped == "{\n  \"a\" : \"x\\u202ey\\u009bz\\u007f\"\n}")
        #expect(TerminalText.neutralise(escaped) == escaped)
        let object = try JSONSerialization.jsonObject(with: Data(escaped.utf8)) as? [String: String]
        #expect(object?["a"] == "x\u{202E}y\u{9B}z\u{7F}")
    }

    @Test("Markdown: fritekst bliver aldrig til overskrift, liste, tabel, link, fremhævning eller HTML")
    func markdown() {
        #expect(MarkdownRenderer.escape("# Falsk") == "\\# Falsk")
        #expect(
            MarkdownRenderer.escape("a\n## Falsk\n- **Felt:** x\n+ y\n1. z\n2) w\n===\n---\n> q")
                == "a\n\\## Falsk\n\\- \\*\\*Felt:\\*\\* x\n\\+ y\n1\\. z\n2\\) w\n\\===\n\\---\n\\> q")
        #expect(
            MarkdownRenderer.escape("[klik](http://x) <b>fed</b> `kode` _k_ ~s~ a|b &amp; \\")
                == "\\[klik\\](http://x) \\<b\\>fed\\</b\\> \\`kode\\` \\_k\\_ \\~s\\~ a\\|b \\&amp; \\\\")
        #expect(MarkdownRenderer.escape("   # indrykket") == "   \\# indrykket")
        // Ordinary text stays as it is.
        for s in ["13. april 2026", "10.08.2026 kl. 10.20", "-5 grader", "Mor & far", "2026-04-13", "§ 108, stk. 2"] {
            #expect(MarkdownRenderer.escape(s, startsLine: false) == s)
        }
        #expect(MarkdownRenderer.escape("13. april") == "13\\. april")
        #expect(MarkdownRenderer.escape("x\u{1B}[2J") == "x\\u{1B}\\[2J")
    }

    @Test("Markdown-dokument: et felt med linjeskift kan ikke lave et nyt felt eller en overskrift")
    func markdownDocument() {
        var doc = Document(title: "Sag # 1 [x](y)")
        doc.add(.fields([("Navn", "Emma\n- **CPR:** 010101-0000\n# Overskrift")]))
        doc.add(.table(header: ["A", "B"], rows: [["x | y\n| z |", "<i>"]]))
        let md = MarkdownRenderer.render(doc)
        #expect(
            md == """
                # Sag # 1 \\[x\\](y)

                - **Navn:** Emma
                  \\- \\*\\*CPR:\\*\\* 010101-0000
                  \\# Overskrift

                | A | B |
                |---|---|
                | x \\| y \\| z \\| | \\<i\\> |

                """)
    }

    @Test("HTML escapes også kontroltegn")
    func html() {
        #expect(HTMLRenderer.esc("<a href='x'>\u{1B}]8;;x\u{7}") == "&lt;a href=&#39;x&#39;&gt;\\u{1B}]8;;x\\u{7}")
    }
}
