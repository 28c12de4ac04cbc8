import Foundation

/// A generated document (underretning, plan, behandlingsplan) as a format-neutral tree of blocks.
///
/// Builders in UngeCore produce a `Document`; `MarkdownRenderer` and `HTMLRenderer` turn it into
/// text. One model, two renderers, so that both formats always say the same thing.
public struct Document: Sendable, Equatable {
    public var title: String
    /// A line under the title (e.g. "barnets lov §§ 108-109, tidl. handleplan efter serviceloven § 140").
    public var subtitle: String?
    public var blocks: [Block]

    public init(title: String, subtitle: String? = nil, blocks: [Block] = []) {
        self.title = title
        self.subtitle = subtitle
        self.blocks = blocks
    }

    /// One piece of a document.
    public enum Block: Sendable, Equatable {
        /// A heading at level 2 or 3.
        case heading(String, level: Int)
        case paragraph(String)
        /// A bulleted list.
        case list([String])
        /// Label/value pairs ("Navn: Emma").
        case fields([(String, String)])
        /// A table with a header row.
        case table(header: [String], rows: [[String]])
        /// A visible marker for something required that is missing (with `--kladde`).
        case missing(String)
        /// A note set apart (e.g. a warning).
        case note(String)
        /// A picture: inline SVG (from a UngeCore picture renderer) with a caption. HTML shows it;
        /// Markdown, being text, leaves it out (the surrounding text says the same in words).
        case figure(svg: String, caption: String)

        public static func == (a: Block, b: Block) -> Bool {
            switch (a, b) {
            case (.heading(let x, let l), .heading(let y, let m)): return x == y && l == m
            case (.paragraph(let x), .paragraph(let y)): return x == y
            case (.list(let x), .list(let y)): return x == y
            case (.fields(let x), .fields(let y)):
                return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
            case (.table(let h1, let r1), .table(let h2, let r2)): return h1 == h2 && r1 == r2
            case (.missing(let x), .missing(let y)): return x == y
            case (.note(let x), .note(let y)): return x == y
            case (.figure(let x, let c), .figure(let y, let d)): return x == y && c == d
            default: return false
            }
        }
    }

    public mutating func add(_ block: Block) { blocks.append(block) }
}

/// Renders a `Document` as Markdown.
///
/// Every text in the document is plain text, never Markdown: `escape` writes it so that no name,
/// note or answer can make a heading, list item, table row, link, emphasis or HTML of its own, and
/// control characters are shown as `\u{1B}` (`TerminalText`).
public enum MarkdownRenderer {
    public static func render(_ doc: Document) -> String {
        var out = "# \(escapeLine(doc.title))\n"
        if let sub = doc.subtitle { out += "\n_\(escapeLine(sub))_\n" }
        for block in doc.blocks {
            if case .figure = block { continue }
            out += "\n"
            switch block {
            case .heading(let text, let level):
                out += String(repeating: "#", count: max(2, min(level, 4))) + " " + escapeLine(text) + "\n"
            case .paragraph(let text):
                out += escape(text, startsLine: true) + "\n"
            case .list(let items):
                out += items.map { "- " + indented(escape($0, startsLine: true)) }.joined(separator: "\n") + "\n"
            case .fields(let pairs):
                out += pairs.map { "- **\(escapeLine($0.0)):** \(indented(escape($0.1, startsLine: false)))" }.joined(separator: "\n") + "\n"
            case .table(let header, let rows):
                func row(_ cells: [String]) -> String {
                    "| " + cells.map { escapeLine($0) }.joined(separator: " | ") + " |"
                }
                out += row(header) + "\n" + "|" + String(repeating: "---|", count: header.count) + "\n"
                out += rows.map(row).joined(separator: "\n") + "\n"
            case .missing(let text):
                out += "> **MANGLER:** \(escapeLine(text))\n"
            case .note(let text):
                out += "> \(escape(text, startsLine: true).replacingOccurrences(of: "\n", with: "\n> "))\n"
            case .figure:
                break
            }
        }
        return out
    }

    /// Continuation lines of a list item, indented under it.
    private static func indented(_ s: String) -> String { s.replacingOccurrences(of: "\n", with: "\n  ") }

    /// One line after a prefix (`# `, `| `, `**Navn:** `): line breaks become spaces, then `escape`.
    static func escapeLine(_ s: String) -> String {
        escape(s.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " "), startsLine: false)
    }

    /// Plain text as Markdown that shows exactly this text: the inline syntax characters
    /// `\\ ` * _ [ ] < > | ~` and an entity-like `&` get a backslash anywhere; at the start of a
    /// line (after spaces) also `#`, `=`, a `-` or `+` list marker, `--`, and the `.` or `)` of a
    /// numbered item (`1. `).
    /// `startsLine` tells whether the text's first line starts a block (a paragraph, a list item),
    /// or follows inline text (a field's label); every later line starts one. Controls are shown
    /// as `\u{..}`.
    public static func escape(_ text: String, startsLine: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        let chars = Array(text.unicodeScalars)
        var atLineStart = startsLine
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if atLineStart {
                if c == " " || c == "\t" {
                    out.unicodeScalars.append(c)
                    i += 1
                    continue
                }
                atLineStart = false
                // What follows a marker for it to start a block: a space, a tab or the line's end.
                func endsMarker(_ k: Int) -> Bool { k >= chars.count || chars[k] == " " || chars[k] == "\t" || chars[k] == "\n" }
                if c == "#" || c == "=" || ((c == "-" || c == "+") && endsMarker(i + 1)) || (c == "-" && i + 1 < chars.count && chars[i + 1] == "-") {
                    out += "\\"
                } else if ("0"..."9").contains(c) {
                    // A numbered item: up to 9 digits, then `.` or `)` and a space or the line's end.
                    var j = i
                    while j < chars.count, j - i < 10, ("0"..."9").contains(chars[j]) { j += 1 }
                    if j < chars.count, chars[j] == "." || chars[j] == ")", endsMarker(j + 1) {
                        for k in i..<j { out.unicodeScalars.append(chars[k]) }
                        out += "\\"
                        out.unicodeScalars.append(chars[j])
                        i = j + 1
                        continue
                    }
                }
            }
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~":
                out += "\\"
            case "&":
                if i + 1 < chars.count, chars[i + 1] == "#" || chars[i + 1].properties.isAlphabetic { out += "\\" }
            case "\n":
                atLineStart = true
            default:
                break
            }
            out.unicodeScalars.append(c)
            i += 1
        }
        // Controls last, so that the backslash of `\u{1B}` is not escaped again.
        return TerminalText.neutralise(out)
    }
}

/// Renders a `Document` as one self-contained HTML page with print CSS (A4), no external resources.
public enum HTMLRenderer {
    public static func render(_ doc: Document) -> String {
        var body = "<h1>\(esc(doc.title))</h1>\n"
        if let sub = doc.subtitle { body += "<p class=\"subtitle\">\(esc(sub))</p>\n" }
        for block in doc.blocks {
            switch block {
            case .heading(let text, let level):
                let l = max(2, min(level, 4))
                body += "<h\(l)>\(esc(text))</h\(l)>\n"
            case .paragraph(let text):
                body += "<p>\(esc(text).replacingOccurrences(of: "\n", with: "<br>"))</p>\n"
            case .list(let items):
                body += "<ul>\n" + items.map { "<li>\(esc($0).replacingOccurrences(of: "\n", with: "<br>"))</li>\n" }.joined() + "</ul>\n"
            case .fields(let pairs):
                body += "<dl>\n" + pairs.map { "<dt>\(esc($0.0))</dt><dd>\(esc($0.1).replacingOccurrences(of: "\n", with: "<br>"))</dd>\n" }.joined() + "</dl>\n"
            case .table(let header, let rows):
                body += "<table>\n<thead><tr>" + header.map { "<th>\(esc($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
                body += rows.map { "<tr>" + $0.map { "<td>\(esc($0))</td>" }.joined() + "</tr>\n" }.joined()
                body += "</tbody>\n</table>\n"
            case .missing(let text):
                body += "<p class=\"missing\"><strong>MANGLER:</strong> \(esc(text))</p>\n"
            case .note(let text):
                body += "<blockquote>\(esc(text).replacingOccurrences(of: "\n", with: "<br>"))</blockquote>\n"
            case .figure(let svg, let caption):
                body += "<figure style=\"margin:1em 0;break-inside:avoid;page-break-inside:avoid\">\n\(svg)<figcaption>\(esc(caption))</figcaption>\n</figure>\n"
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="da">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(esc(doc.title))</title>
            <style>
            \(css)
            </style>
            </head>
            <body>
            <main>
            \(body)</main>
            </body>
            </html>

            """
    }

    /// Escapes text for HTML element content and attribute values; controls are shown as
    /// `\u{..}` (`TerminalText`).
    public static func esc(_ raw: String) -> String {
        let s = TerminalText.neutralise(raw)
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    static let css = """
        body { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.45; color: #1a1a1a; background: #fff; margin: 0; }
        main { max-width: 46em; margin: 2em auto; padding: 0 1.2em; }
        h1 { font-size: 1.7em; margin-bottom: 0.2em; }
        .subtitle { color: #444; font-style: italic; margin-top: 0; }
        h2 { font-size: 1.25em; border-bottom: 1px solid #bbb; padding-bottom: 0.15em; margin-top: 1.6em; }
        h3 { font-size: 1.05em; margin-top: 1.2em; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; margin: 0.6em 0; }
        th, td { border: 1px solid #999; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
        th { background: #eee; }
        blockquote { border-left: 4px solid #888; margin: 0.8em 0; padding: 0.2em 0.8em; background: #f6f6f6; }
        .missing { border: 2px solid #b00020; color: #b00020; padding: 0.3em 0.6em; }
        @page { size: A4; margin: 20mm 18mm; }
        @media print {
          body { font-size: 11pt; }
          main { max-width: none; margin: 0; padding: 0; }
          h2, h3 { page-break-after: avoid; break-after: avoid; }
          table, dl, blockquote, .missing { page-break-inside: avoid; break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
        }
        """
}
