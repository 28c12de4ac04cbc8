import Foundation
import UngeCore

/// Wraps text at word boundaries to a number of columns, for the terminal.
///
/// A paragraph sign stays with its number ("§ 91", "§§ 91-92", "stk. 3" never break), and a word
/// longer than the line is cut.
enum TextWrap {
    /// `text` wrapped to `width` columns; every line after the first starts with `indent`. Existing
    /// line breaks are kept.
    static func wrap(_ text: String, width: Int, firstIndent: String = "", indent: String = "") -> String {
        wrapLines(text, width: width, firstIndent: firstIndent, indent: indent).joined(separator: "\n")
    }

    /// As `wrap`, one string per line.
    static func wrapLines(_ text: String, width: Int, firstIndent: String = "", indent: String = "") -> [String] {
        var out: [String] = []
        var first = true
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let lead = first ? firstIndent : indent
            first = false
            out += wrapParagraph(String(paragraph), width: width, firstIndent: lead, indent: indent)
        }
        return out
    }

    /// The width of the longest word in `text` as `words` splits it (a paragraph sign glued to its
    /// number), counted over the bytes without building the words; colour codes do not count.
    static func longestWord(_ text: String) -> Int {
        let separatorBytes: Set<UInt8> = [
            UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "|"),
        ]
        func scan<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
            var longest = 0
            var current = 0
            var previous = 0
            var glue = false  // the previous word ends with "§", or is "stk.", "nr.", "kap." or "kl."
            var last: [UInt8] = [0, 0, 0, 0]  // the word's first bytes, for "stk." and friends
            var wordBytes = 0
            var endsWithSection = false
            var inEscape = false
            var separatorsOnly = true  // the word is only ";", ",", "/", ":" or "|": glued to the one before
            func finish() {
                guard current > 0 else { return }
                let word = glue || (separatorsOnly && previous > 0) ? previous + 1 + current : current
                separatorsOnly = true
                longest = max(longest, word)
                let short =
                    wordBytes == 4 && (last == Array("stk.".utf8) || last == Array("kap.".utf8))
                    || wordBytes == 3
                        && (last[0...2].elementsEqual("nr.".utf8) || last[0...2].elementsEqual("kl.".utf8))
                glue = endsWithSection || short
                previous = word
                current = 0
                wordBytes = 0
            }
            var prior: UInt8 = 0
            for b in bytes {
                if inEscape {
                    if b == UInt8(ascii: "m") { inEscape = false }
                    continue
                }
                if b == 0x1B {
                    inEscape = true
                    continue
                }
                if b == UInt8(ascii: " ") || b == 10 {
                    finish()
                    continue
                }
                if wordBytes < 4 { last[wordBytes] = b }
                wordBytes += 1
                if !separatorBytes.contains(b) { separatorsOnly = false }
                if b & 0xC0 != 0x80 { current += 1 }
                endsWithSection = prior == 0xC2 && b == 0xA7
                prior = b
            }
            finish()
            return longest
        }
        return text.utf8.withContiguousStorageIfAvailable(scan) ?? scan(text.utf8)
    }

    /// The words of a line, with a paragraph sign glued to the number after it and an option in
    /// brackets ("[--format md|html|json]") kept whole.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        let raws = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        func depth(_ w: String) -> Int {
            let plain = w.contains("\u{1B}") ? w.replacingOccurrences(of: "\u{1B}[", with: "") : w
            return plain.filter { $0 == "[" }.count - plain.filter { $0 == "]" }.count
        }
        // A bracket group is glued only when it is short (an option): the words of a longer one (a prompt's
        // earlier answer) are marked, and wrap at their spaces.
        var looseWords: Set<Int> = []
        var i = 0
        while i < raws.count {
            guard openBracket(raws[i]) else {
                i += 1
                continue
            }
            var level = 0
            var length = -1
            var end = raws.count - 1
            for j in i..<raws.count {
                level += depth(raws[j])
                length += 1 + raws[j].count
                if level <= 0 {
                    end = j
                    break
                }
            }
            if level > 0 || length > bracketGlueLimit { looseWords.formUnion((i + 1)...max(i + 1, end)) }
            i = end + 1
        }
        for (i, w) in raws.enumerated() {
            if let last = words.last,
                last.hasSuffix("§") || last == "stk." || last == "nr." || last == "kap." || last == "kl."
                    || (openBracket(last) && !looseWords.contains(i)) || openQuote(last) || isPunctuationToken(w)
            {
                words[words.count - 1] = last + "\u{00A0}" + w
            } else {
                words.append(w)
            }
        }
        return words
    }

    /// The marks a prompt names as separators ("Adskil med ; eller ,", "a / b"): a word made only of
    /// them stays with the word before it, so no line starts with a lone ";" "," "/" or ",:".
    static let separatorMarks: Set<Character> = [";", ",", "/", ":", "|"]

    static func isPunctuationToken(_ word: String) -> Bool {
        !word.isEmpty && word.allSatisfy { separatorMarks.contains($0) }
    }

    /// An option in brackets ("[--format md|html|json]") is kept whole; a long bracketed text (a prompt's
    /// earlier answer, "[Far har ikke haft kontakt ...]") wraps at its spaces like any text, never mid-word.
    static let bracketGlueLimit = 40

    /// True when a word opens a bracket it does not close ("[--format"); a colour code (ESC [)
    /// is no bracket.
    private static func openBracket(_ word: String) -> Bool {
        guard word.contains("[") else { return false }
        let plain = word.contains("\u{1B}") ? word.replacingOccurrences(of: "\u{1B}[", with: "") : word
        return plain.filter({ $0 == "[" }).count > plain.filter({ $0 == "]" }).count
    }

    /// True when a word starts a short quoted command it does not close ("'unge check 6 --sag"):
    /// a command to copy stays on one line.
    private static func openQuote(_ word: String) -> Bool {
        guard word.count < 60, word.hasPrefix("'unge") || word.hasPrefix("('unge") else { return false }
        return word.filter({ $0 == "'" }).count % 2 == 1
    }

    private static func wrapParagraph(_ text: String, width: Int, firstIndent: String, indent: String) -> [String] {
        let ws = words(text)
        guard !ws.isEmpty else { return [firstIndent.trimmingTrailingSpaces] }
        var lines: [String] = []
        var line = firstIndent
        var lineWidth = TextTable.visibleWidth(firstIndent)
        var empty = true
        func flush() {
            lines.append(line)
            line = indent
            lineWidth = TextTable.visibleWidth(indent)
            empty = true
        }
        for word in ws {
            var w = word
            var wWidth = TextTable.visibleWidth(w)
            if !empty, lineWidth + 1 + wWidth > width { flush() }
            // A word too long for a whole line is cut.
            while lineWidth + wWidth > width, width - lineWidth > 0, empty {
                let room = width - lineWidth
                let head = String(w.prefix(room))
                line += head
                w = String(w.dropFirst(room))
                wWidth = TextTable.visibleWidth(w)
                flush()
            }
            if w.isEmpty { continue }
            if !empty {
                line += " "
                lineWidth += 1
            }
            line += w
            lineWidth += wWidth
            empty = false
        }
        if !empty { lines.append(line) }
        return lines.map { $0.replacingOccurrences(of: "\u{00A0}", with: " ") }
    }
}

extension TextTable {
    /// The table fitted to `width` columns: as `render(header:rows:)` when it fits; otherwise the
    /// widest columns are narrowed and their cells wrap at word boundaries onto more lines.
    /// A cell coloured as a whole keeps its colour on every line.
    static func render(header: [String], rows: [[String]], width: Int) -> String {
        let columns = header.count
        guard columns > 0 else { return "" }
        let available = width - 2 * (columns - 1)
        // Cheap first: a cell's UTF-8 length is at least its width, so a table whose byte widths fit
        // needs no closer look (`liste` prints thousands of rows).
        var bytes = [Int](repeating: 0, count: columns)
        for (i, cell) in header.enumerated() where i < columns { bytes[i] = max(bytes[i], cell.utf8.count) }
        for row in rows {
            for (i, cell) in row.enumerated() where i < columns { bytes[i] = max(bytes[i], cell.utf8.count) }
        }
        if bytes.reduce(0, +) <= available { return render(header: header, rows: rows) }
        // A cell is one line: a line break from a case is shown escaped, as in the plain table.
        let all = ([header] + rows).map { $0.map { TerminalText.neutralise($0, keepLineBreaks: false) } }
        var natural = [Int](repeating: 0, count: columns)
        var longestWord = [Int](repeating: 1, count: columns)
        for row in all {
            for (i, cell) in row.enumerated() where i < columns {
                natural[i] = max(natural[i], visibleWidth(cell))
            }
        }
        if natural.reduce(0, +) <= available { return render(header: header, rows: rows) }
        for row in all {
            for (i, cell) in row.enumerated() where i < columns {
                longestWord[i] = max(longestWord[i], TextWrap.longestWord(strip(cell).text))
            }
        }
        // Each column gets at least its longest word, so no word is cut, and the room left is shared
        // in proportion to how much more each column would like. When even the longest words do
        // not fit side by side, short words (ids, dates) keep theirs and the long ones share the rest.
        var floors = (0..<columns).map { min(natural[$0], longestWord[$0]) }
        if floors.reduce(0, +) > available {
            let keep = (0..<columns).filter { floors[$0] <= 10 }
            let rest = (0..<columns).filter { floors[$0] > 10 }
            let room = available - keep.map { floors[$0] }.reduce(0, +)
            let share = rest.isEmpty ? 0 : max(6, room / rest.count)
            for i in rest { floors[i] = min(floors[i], share) }
        }
        // Water-filling: find the largest cap such that every column gets min(natural, max(floor,
        // cap)); narrow columns (ids, names, dates) then keep their width and the wide ones share.
        func widths(cap: Int) -> [Int] { (0..<columns).map { min(natural[$0], max(floors[$0], cap)) } }
        var cap = 0
        while cap < (natural.max() ?? 0), widths(cap: cap + 1).reduce(0, +) <= available { cap += 1 }
        var widths = widths(cap: cap)
        var left = available - widths.reduce(0, +)
        for i in (0..<columns).sorted(by: { natural[$0] - widths[$0] > natural[$1] - widths[$1] }) where left > 0 {
            let add = min(left, natural[i] - widths[i])
            if add > 0 {
                widths[i] += add
                left -= add
            }
        }
        // Built as bytes: `liste` lays out thousands of rows.
        var out: [UInt8] = []
        out.reserveCapacity(all.count * (width + 1))
        var cells: [[String]] = Array(repeating: [], count: columns)
        for (r, row) in all.enumerated() {
            var height = 1
            for i in 0..<columns {
                let cell = i < row.count ? row[i] : ""
                if visibleWidth(cell) <= widths[i] {
                    cells[i] = [cell]  // most cells fit as they are
                } else {
                    let (text, colour) = strip(cell)
                    let wrapped = TextWrap.wrapLines(text, width: widths[i])
                    cells[i] = wrapped.map { TextTable.colour($0, colour) }
                }
                height = max(height, cells[i].count)
            }
            for k in 0..<height {
                if r > 0 || k > 0 { out.append(10) }
                let start = out.count
                for i in 0..<columns {
                    let part = k < cells[i].count ? cells[i][k] : ""
                    out.append(contentsOf: part.utf8)
                    if i < columns - 1 {
                        out.append(contentsOf: repeatElement(32, count: max(0, widths[i] - visibleWidth(part)) + 2))
                    }
                }
                while out.count > start, out.last == 32 { out.removeLast() }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A cell without a colour that spans all of it, and that colour's start code; the colour is
    /// put back on every line of a wrapped cell. Knows both ANSI codes and the console's colour
    /// markers (U+E000 and 8 scalars of U+E010-E01F, then the style; reset U+E001).
    static func strip(_ cell: String) -> (text: String, colour: String?) {
        let scalars = Array(cell.unicodeScalars)
        if scalars.count >= 20, scalars[0] == "\u{E000}", scalars[scalars.count - 10] == "\u{E000}",
            scalars[scalars.count - 1] == "\u{E001}"
        {
            var code = String.UnicodeScalarView()
            var inner = String.UnicodeScalarView()
            code.append(contentsOf: scalars[0..<10])
            inner.append(contentsOf: scalars[10..<(scalars.count - 10)])
            let reset = String(String.UnicodeScalarView(scalars[(scalars.count - 10)...]))
            return (String(inner), String(code) + "\u{0}" + reset)
        }
        guard cell.hasPrefix("\u{1B}["), cell.hasSuffix("\u{1B}[0m"), let m = cell.firstIndex(of: "m") else {
            return (cell, nil)
        }
        let code = String(cell[...m])
        let inner = cell[cell.index(after: m)..<cell.index(cell.endIndex, offsetBy: -4)]
        return (String(inner), code + "\u{0}" + "\u{1B}[0m")
    }

    /// A line wrapped in the colour `strip` found ("start NUL reset").
    static func colour(_ line: String, _ colour: String?) -> String {
        guard let colour, let nul = colour.firstIndex(of: "\u{0}") else { return line }
        return String(colour[..<nul]) + line + String(colour[colour.index(after: nul)...])
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

/// Renders a `Document` for reading in the terminal: Markdown's shapes (headings with `#`, lists
/// with `-`), with label columns aligned and everything wrapped to the terminal's width. Free text
/// is escaped as in Markdown, so a note cannot forge a heading, a field or a list item.
enum TerminalRenderer {
    static func esc(_ s: String, startsLine: Bool = true) -> String {
        MarkdownRenderer.escape(s, startsLine: startsLine)
    }

    static func render(_ doc: Document, width: Int) -> String {
        // One label column for the whole document, so values line up across sections.
        let labels = doc.blocks.flatMap { b -> [String] in
            if case .fields(let p) = b { return p.map(\.0) } else { return [] }
        }
        let labelWidth = labelColumn(labels)
        var out: [String] = TextWrap.wrapLines(doc.title, width: width, firstIndent: "# ", indent: "  ")
        if let sub = doc.subtitle { out += [""] + TextWrap.wrapLines(sub, width: width) }
        for block in doc.blocks {
            out.append("")
            switch block {
            case .heading(let text, let level):
                let marks = String(repeating: "#", count: max(2, min(level, 4))) + " "
                out += TextWrap.wrapLines(text, width: width, firstIndent: marks, indent: "   ")
            case .paragraph(let text):
                out += TextWrap.wrapLines(esc(text), width: width)
            case .list(let items):
                for item in items {
                    out += TextWrap.wrapLines(esc(item), width: width, firstIndent: "- ", indent: "  ")
                }
            case .fields(let pairs):
                out += fields(pairs, width: width, labelWidth: labelWidth)
            case .table(let header, let rows):
                out.append(TextTable.render(header: header, rows: rows, width: width))
            case .missing(let text):
                out += TextWrap.wrapLines(esc(text), width: width, firstIndent: "MANGLER: ", indent: "  ")
            case .change(let label, let segments):
                // Only what changed is marked: [-removed-] and {+added+}, readable without colour.
                var line = ""
                for (k, seg) in segments.enumerated() {
                    let t = esc(seg.text, startsLine: false)
                    switch seg.mark {
                    case .same: line += t
                    case .removed: line += "[-\(t)-]"
                    case .added:
                        if k > 0, segments[k - 1].mark == .removed { line += " " }
                        line += "{+\(t)+}"
                    }
                }
                out += TextWrap.wrapLines(line, width: width, firstIndent: "- \(label): ", indent: "  ")
            case .note(let text):
                out += TextWrap.wrapLines(esc(text), width: width, firstIndent: "> ", indent: "> ")
            case .figure(_, let caption):
                out += TextWrap.wrapLines(esc(caption), width: width)
            }
        }
        if let p = doc.printedLine { out += [""] + TextWrap.wrapLines(esc(p), width: width) }
        return out.joined(separator: "\n")
    }

    /// The width of the label column: the longest label and its colon, at most 32.
    static func labelColumn(_ labels: [String]) -> Int {
        min(labels.map { TextTable.visibleWidth($0) + 1 }.max() ?? 0, 32)
    }

    /// "Label:   value" with the values in one column; a long label puts its value on the next line.
    static func fields(_ pairs: [(String, String)], width: Int, labelWidth: Int? = nil) -> [String] {
        let labelWidth = labelWidth ?? labelColumn(pairs.map(\.0))
        let pad = String(repeating: " ", count: labelWidth + 2)
        var out: [String] = []
        for (label, value) in pairs {
            let head = label + ":"
            let value = esc(value, startsLine: false)
            if TextTable.visibleWidth(head) > labelWidth {
                out.append(head)
                out += TextWrap.wrapLines(value, width: width, firstIndent: pad, indent: pad)
            } else {
                let first = head + String(repeating: " ", count: labelWidth - TextTable.visibleWidth(head) + 2)
                out += TextWrap.wrapLines(value, width: width, firstIndent: first, indent: pad)
            }
        }
        return out
    }
}

extension TextWrap {
    /// Joins hand-broken lines into paragraphs, so they can be wrapped to any width: a line break
    /// stays after a full stop or colon, before a line starting with "-" or a space, after an
    /// indented line (a list item) before one at the margin, and at an empty line.
    static func reflow(_ text: String) -> String {
        var out = ""
        var previous: Substring? = nil
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let p = previous {
                let keep =
                    p.isEmpty || line.isEmpty || p.hasSuffix(".") || p.hasSuffix(":") || line.hasPrefix("-")
                    || line.hasPrefix(" ") || line.hasPrefix("•") || (p.hasPrefix(" ") && !line.hasPrefix(" "))
                out += keep ? "\n" : " "
            }
            out += line
            previous = line
        }
        return out
    }

    /// Wraps text already laid out in lines (e.g. the checklists): each line longer than `width`
    /// wraps with its own indentation, hanging after a leading number ("7.1  "), and in an indented
    /// line after a label ("Hvorfor: ") or at a column ("--lager MAPPE   Lagermappen"), so the
    /// columns stay readable.
    static func wrapLaidOut(_ text: String, width: Int) -> String {
        var out: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            guard TextTable.visibleWidth(line) > width else {
                out.append(line)
                continue
            }
            let lead = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(lead)
            var hang = lead
            // Labels and columns only in indented lines; a paragraph at the margin wraps to the margin.
            if lead > 0, rest.hasPrefix("unge "), let name = rest.dropFirst(5).split(separator: " ").first {
                // A usage line: the options hang after "unge plan ".
                hang = lead + 5 + name.count + 1
            } else if lead > 0, let colon = rest.range(of: ": "),
                rest.distance(from: rest.startIndex, to: colon.lowerBound) <= 24
            {
                // A label ("Hvorfor: ", "fra sagen: "): the text hangs after it.
                hang = lead + rest.distance(from: rest.startIndex, to: colon.upperBound)
            } else if let first = rest.split(separator: " ", maxSplits: 1).first,
                first.allSatisfy({ $0.isNumber || $0 == "." }), first.contains(where: \.isNumber)
            {
                // A number ("7.1  "): the text hangs after it and its spaces.
                let afterWord = rest.dropFirst(first.count)
                hang = lead + first.count + afterWord.prefix { $0 == " " }.count
            } else if lead > 0, let gap = rest.range(of: "  "),
                rest.distance(from: rest.startIndex, to: gap.lowerBound) <= 34
            {
                // A column ("--lager MAPPE   Lagermappen ..."): the text hangs at the column.
                let after = rest[gap.lowerBound...].prefix { $0 == " " }.count
                hang = lead + rest.distance(from: rest.startIndex, to: gap.lowerBound) + after
            }
            if hang > width / 2 { hang = lead }
            let firstIndent = String(line.prefix(hang))
            let body = String(line.dropFirst(hang))
            out += wrapLines(body, width: width, firstIndent: firstIndent, indent: String(repeating: " ", count: hang))
        }
        return out.joined(separator: "\n")
    }
}
