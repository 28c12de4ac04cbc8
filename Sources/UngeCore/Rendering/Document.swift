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
    /// The letterhead: municipality, unit, author and case number (from the store's settings).
    public var letterhead: Letterhead?
    /// Lines for signatures at the end (a plan: the young person and the custody holders).
    public var signatures: [Signature]
    /// The one line a print of a saved version carries ("Udskrevet 7. december 2026 af Bo Holm."),
    /// set when it is printed, never saved with the record: two prints differ in this line only.
    public var printedLine: String? = nil

    public init(
        title: String, subtitle: String? = nil, blocks: [Block] = [], letterhead: Letterhead? = nil,
        signatures: [Signature] = []
    ) {
        self.title = title
        self.subtitle = subtitle
        self.blocks = blocks
        self.letterhead = letterhead
        self.signatures = signatures
    }

    /// The head of an official document (brevhoved): who sends it and which case it belongs to.
    /// Only what the settings and the case hold is shown; every page is marked confidential.
    public struct Letterhead: Sendable, Equatable, Codable {
        /// "Nordby Kommune".
        public var municipality: String?
        /// "Børn og Unge, Myndighed".
        public var unit: String?
        /// The author's full name, or the user name when no full name is set.
        public var author: String?
        /// The author's title (stilling), e.g. "Socialrådgiver".
        public var authorTitle: String?
        /// The case number printed on every page.
        public var caseID: String?
        /// The day the document is dated.
        public var date: LocalDate?
        /// What the author did: "Udarbejdet af" (nil) or "Registreret af" (a notification, which the
        /// notifier wrote and a caseworker registered).
        public var authorLabel: String?

        public init(
            municipality: String? = nil, unit: String? = nil, author: String? = nil, authorTitle: String? = nil,
            caseID: String? = nil, date: LocalDate? = nil
        ) {
            self.municipality = municipality
            self.unit = unit
            self.author = author
            self.authorTitle = authorTitle
            self.caseID = caseID
            self.date = date
        }

        /// "Lene Dahl, Socialrådgiver", or nil without an author.
        public var authorLine: String? {
            guard let author, !author.isEmpty else { return nil }
            guard let t = authorTitle, !t.isEmpty else { return author }
            return "\(author), \(t)"
        }

        /// "Sag 2026-0002 · Fortroligt": what every page carries.
        public var pageMark: String {
            (caseID.map { "Sag \($0) · " } ?? "") + "Fortroligt"
        }
    }

    /// A line to sign on: who signs and in which role.
    public struct Signature: Sendable, Equatable, Codable {
        public var name: String
        /// "den unge", "forældremyndighedsindehaver".
        public var role: String

        public init(name: String, role: String) {
            self.name = name
            self.role = role
        }
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
        /// One change between two versions: a label ("M1 ændret") and the text with only the
        /// changed words marked (`WordDiff`).
        case change(label: String, segments: [TextSegment])

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
            case (.change(let x, let s), .change(let y, let t)): return x == y && s == t
            default: return false
            }
        }
    }

    public mutating func add(_ block: Block) { blocks.append(block) }

    /// Sets the letterhead, and where a field names `user` as the author ("Udarbejdet af: lene"),
    /// names the author as the letterhead does ("Lene Dahl, Socialrådgiver").
    public mutating func setLetterhead(_ letterhead: Letterhead, authorUser user: String) {
        self.letterhead = letterhead
        guard let line = letterhead.authorLine, line != user else { return }
        blocks = blocks.map { block in
            guard case .fields(let pairs) = block else { return block }
            return .fields(pairs.map { $0.0 == "Udarbejdet af" && $0.1 == user ? ($0.0, line) : $0 })
        }
    }
}

/// Renders a `Document` as Markdown.
///
/// Every text in the document is plain text, never Markdown: `escape` writes it so that no name,
/// note or answer can make a heading, list item, table row, link, emphasis or HTML of its own, and
/// control characters are shown as `\u{1B}` (`TerminalText`).
public enum MarkdownRenderer {
    public static func render(_ doc: Document) -> String {
        var out = ""
        if let l = doc.letterhead {
            let org = [l.municipality, l.unit].compactMap { $0 }.filter { !$0.isEmpty }
            if !org.isEmpty { out += "**\(escapeLine(org.joined(separator: ", ")))**  \n" }
            var meta: [String] = []
            if let a = l.authorLine { meta.append("\(l.authorLabel ?? "Udarbejdet af") \(a)") }
            if let d = l.date { meta.append(d.danishLong) }
            meta.append(l.pageMark)
            out += escapeLine(meta.joined(separator: " · ")) + "\n\n"
        }
        out += "# \(escapeLine(doc.title))\n"
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
                out +=
                    pairs.map { "- **\(escapeLine($0.0)):** \(indented(escape($0.1, startsLine: false)))" }.joined(
                        separator: "\n") + "\n"
            case .table(let header, let rows):
                func row(_ cells: [String]) -> String {
                    "| " + cells.map { escapeLine($0) }.joined(separator: " | ") + " |"
                }
                out += row(header) + "\n" + "|" + String(repeating: "---|", count: header.count) + "\n"
                out += rows.map(row).joined(separator: "\n") + "\n"
            case .missing(let text):
                out += "> **MANGLER:** \(escapeLine(text))\n"
            case .change(let label, let segments):
                // Removed words struck through, added words in bold; the rest as it was.
                var line = ""
                for (k, seg) in segments.enumerated() {
                    let t = escapeLine(seg.text)
                    switch seg.mark {
                    case .same: line += t
                    case .removed: line += "~~\(t)~~"
                    case .added:
                        if k > 0, segments[k - 1].mark == .removed { line += " " }
                        line += "**\(t)**"
                    }
                }
                out += "- \(escapeLine(label)): \(line)\n"
            case .note(let text):
                out += "> \(escape(text, startsLine: true).replacingOccurrences(of: "\n", with: "\n> "))\n"
            case .figure:
                break
            }
        }
        if !doc.signatures.isEmpty {
            out += "\n## Underskrifter\n"
            for s in doc.signatures {
                out += "\nDato: ______________  Underskrift: ________________________________\n"
                out += "\(escapeLine(s.name)), \(escapeLine(s.role))\n"
            }
        }
        if let p = doc.printedLine { out += "\n_\(escapeLine(p))_\n" }
        return out
    }

    /// Continuation lines of a list item, indented under it.
    private static func indented(_ s: String) -> String {
        s.utf8.contains(10) ? s.replacingOccurrences(of: "\n", with: "\n  ") : s
    }

    /// One line after a prefix (`# `, `| `, `**Navn:** `): line breaks become spaces, then `escape`.
    static func escapeLine(_ s: String) -> String {
        // (Most lines have no line break: no search for one.)
        guard s.utf8.contains(10) else { return escape(s, startsLine: false) }
        return escape(
            s.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " "), startsLine: false)
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
                func endsMarker(_ k: Int) -> Bool {
                    k >= chars.count || chars[k] == " " || chars[k] == "\t" || chars[k] == "\n"
                }
                if c == "#" || c == "=" || ((c == "-" || c == "+") && endsMarker(i + 1))
                    || (c == "-" && i + 1 < chars.count && chars[i + 1] == "-")
                {
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
///
/// Printed, every page carries the case number, "Fortroligt" and "Side N af M" in the page margins
/// (CSS `@page` margin boxes, which Chromium prints from version 131); the letterhead opens the
/// first page, and signature lines close the document.
public enum HTMLRenderer {
    public static func render(_ doc: Document) -> String {
        var body = ""
        if let l = doc.letterhead {
            let org = [l.municipality, l.unit].compactMap { $0 }.filter { !$0.isEmpty }
            body += "<header class=\"letterhead\">\n<div class=\"org\">"
            body +=
                org.isEmpty
                ? "" : "<strong>\(text(org[0]))</strong>" + org.dropFirst().map { "<br>\(text($0))" }.joined()
            body += "</div>\n<div class=\"meta\">"
            var meta: [String] = []
            if let a = l.authorLine { meta.append("\(text(l.authorLabel ?? "Udarbejdet af")) \(text(a))") }
            if let d = l.date { meta.append(text(d.danishLong)) }
            if let c = l.caseID { meta.append("Sag \(text(c))") }
            meta.append("<strong>Fortroligt</strong>")
            body += meta.joined(separator: "<br>") + "</div>\n</header>\n"
        }
        body += "<h1>\(text(doc.title))</h1>\n"
        if let sub = doc.subtitle { body += "<p class=\"subtitle\">\(text(sub))</p>\n" }
        for block in doc.blocks {
            switch block {
            case .heading(let t, let level):
                let l = max(2, min(level, 4))
                body += "<h\(l)>\(text(t))</h\(l)>\n"
            case .paragraph(let t):
                body += "<p>\(text(t).replacingOccurrences(of: "\n", with: "<br>"))</p>\n"
            case .list(let items):
                body +=
                    "<ul>\n"
                    + items.map { "<li>\(text($0).replacingOccurrences(of: "\n", with: "<br>"))</li>\n" }.joined()
                    + "</ul>\n"
            case .fields(let pairs):
                body +=
                    "<dl>\n"
                    + pairs.map {
                        "<dt>\(text($0.0))</dt><dd>\(text($0.1).replacingOccurrences(of: "\n", with: "<br>"))</dd>\n"
                    }.joined() + "</dl>\n"
            case .table(let header, let rows):
                body +=
                    "<table>\n<thead><tr>" + header.map { "<th>\(text($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
                body += rows.map { "<tr>" + $0.map { "<td>\(text($0))</td>" }.joined() + "</tr>\n" }.joined()
                body += "</tbody>\n</table>\n"
            case .missing(let t):
                body += "<p class=\"missing\"><strong>MANGLER:</strong> \(text(t))</p>\n"
            case .change(let label, let segments):
                body += "<p class=\"change\"><strong>\(text(label)):</strong> "
                for (k, seg) in segments.enumerated() {
                    switch seg.mark {
                    case .same: body += text(seg.text)
                    case .removed: body += "<del>\(text(seg.text))</del>"
                    case .added:
                        if k > 0, segments[k - 1].mark == .removed { body += " " }
                        body += "<ins>\(text(seg.text))</ins>"
                    }
                }
                body += "</p>\n"
            case .note(let t):
                body += "<blockquote>\(text(t).replacingOccurrences(of: "\n", with: "<br>"))</blockquote>\n"
            case .figure(let svg, let caption):
                body +=
                    "<figure style=\"margin:1em 0;break-inside:avoid;page-break-inside:avoid\">\n\(svg)<figcaption>\(text(caption))</figcaption>\n</figure>\n"
            }
        }
        if !doc.signatures.isEmpty {
            body += "<section class=\"signatures\">\n<h2>Underskrifter</h2>\n"
            for s in doc.signatures {
                body += "<div class=\"signature\"><div class=\"line\"><span>Dato</span><span>Underskrift</span></div>"
                body += "<p>\(text(s.name)), \(text(s.role))</p></div>\n"
            }
            body += "</section>\n"
        }
        if let p = doc.printedLine { body += "<p class=\"printed\">\(text(p))</p>\n" }
        return """
            <!DOCTYPE html>
            <html lang="da">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(esc(doc.title))</title>
            <style>
            \(css)
            \(pageCSS(doc.letterhead))
            </style>
            </head>
            <body>
            <main>
            \(body)</main>
            </body>
            </html>

            """
    }

    /// Escaped text for the body, with a paragraph sign and its number kept on one line:
    /// "§§ 91-92", "§ 155 b" and "stk. 3" never break.
    static func text(_ s: String) -> String {
        let escaped = esc(s)
        guard escaped.contains("§") || escaped.contains("stk.") else { return escaped }
        let c = Array(escaped)
        var out = ""
        var i = 0
        func isDigit(_ k: Int) -> Bool { k < c.count && c[k].isASCII && c[k].isNumber }
        func isLower(_ k: Int) -> Bool { k < c.count && c[k].isLetter && c[k].isLowercase }
        while i < c.count {
            // The sign: "§", "§§" or "stk.", then one space and a number.
            var j = i
            if c[i] == "§" {
                j = i + 1
                if j < c.count, c[j] == "§" { j += 1 }
            } else if i + 3 < c.count, String(c[i...i + 3]) == "stk.", i == 0 || !c[i - 1].isLetter {
                j = i + 4
            }
            guard j > i, j < c.count, c[j] == " ", isDigit(j + 1) else {
                out.append(c[i])
                i += 1
                continue
            }
            var k = j + 1
            while isDigit(k) { k += 1 }
            if k + 1 < c.count, c[k] == "-", isDigit(k + 1) {
                k += 1
                while isDigit(k) { k += 1 }
            }
            // A letter paragraph: "§ 155 b", but not the start of a word ("§ 3 om").
            if k + 1 < c.count, c[k] == " ", isLower(k + 1), !isLower(k + 2) { k += 2 }
            out += "<span class=\"nb\">" + String(c[i..<k]).replacingOccurrences(of: " ", with: "&nbsp;") + "</span>"
            i = k
        }
        return out
    }

    /// The page box: A4, and in its margins the case number, "Fortroligt" and the page number.
    static func pageCSS(_ l: Document.Letterhead?) -> String {
        let org = [l?.municipality, l?.unit].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        return """
            @page {
              size: A4;
              margin: 22mm 18mm 20mm 18mm;
              @top-left { content: \(cssString(l?.caseID.map { "Sag \($0)" } ?? "")); font: 8.5pt "Helvetica Neue", Arial, sans-serif; color: #444; }
              @top-right { content: "Fortroligt"; font: bold 8.5pt "Helvetica Neue", Arial, sans-serif; color: #444; }
              @bottom-left { content: \(cssString(org)); font: 8.5pt "Helvetica Neue", Arial, sans-serif; color: #444; }
              @bottom-right { content: "Side " counter(page) " af " counter(pages); font: 8.5pt "Helvetica Neue", Arial, sans-serif; color: #444; }
            }
            """
    }

    /// A CSS string literal: quotes, backslashes and line breaks escaped.
    static func cssString(_ s: String) -> String {
        var out = "\""
        for ch in s {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r": out += " "
            case "<": out += "\\3C "
            default: out.append(ch)
            }
        }
        return out + "\""
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
        dl { display: grid; grid-template-columns: 15em 1fr; gap: 0.2em 1em; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; margin: 0.6em 0; }
        th, td { border: 1px solid #999; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
        th { background: #eee; }
        blockquote { border-left: 4px solid #888; margin: 0.8em 0; padding: 0.2em 0.8em; background: #f6f6f6; }
        .missing { border: 2px solid #b00020; color: #b00020; padding: 0.3em 0.6em; }
        .nb { white-space: nowrap; }
        .letterhead { display: flex; justify-content: space-between; gap: 2em; border-bottom: 2px solid #1a1a1a; padding-bottom: 0.5em; margin-bottom: 1.2em; font-size: 0.95em; }
        .letterhead .meta { text-align: right; }
        .signatures { margin-top: 2.5em; break-inside: avoid; page-break-inside: avoid; }
        .signature { margin-top: 2.8em; break-inside: avoid; page-break-inside: avoid; }
        .signature .line { display: grid; grid-template-columns: 10em 1fr; gap: 2em; }
        .signature .line span { border-top: 1px solid #1a1a1a; padding-top: 0.2em; font-size: 0.85em; color: #444; }
        .signature p { margin: 0.2em 0 0 12em; }
        @media print {
          body { font-size: 11pt; }
          main { max-width: none; margin: 0; padding: 0; }
          h2, h3 { page-break-after: avoid; break-after: avoid; }
          table, dl, blockquote, .missing { page-break-inside: avoid; break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
        }
        """
}
