import Foundation

/// The network map drawn (netværkskort), handbook ch. 5: the young person in the centre, three
/// closeness rings, the five arenas as sectors. Custody holders are squares, everyone else circles;
/// "kan støtte" has a thick solid outline and a "+", "svært" a dashed outline and a "!", so the map
/// reads in greyscale as well as in colour. Each person is numbered; the key under the map gives
/// the full names.
public enum NetworkPicture {
    static let width = 800
    static let cx = 400.0
    static let cy = 390.0
    /// The young person's circle and the outer edges of closeness bands 1, 2 and 3.
    static let centreRadius = 44.0
    static let bands = [44.0, 140.0, 225.0, 300.0]
    static let supportFill = "#bfe3c0"
    static let hardFill = "#f6c9a0"
    static let bothFill = "#fff0a0"

    /// The picture as SVG (`standalone` for a `.svg` file, else for inlining in HTML).
    public static func svg(for file: CaseFile, standalone: Bool = true) -> String {
        canvas(for: file).render(standalone: standalone, idPrefix: "netvaerkskort")
    }

    /// The people in drawing order: arena by arena, nearest first, then as entered.
    static func ordered(_ people: [NetworkPerson]) -> [NetworkPerson] {
        people.enumerated().sorted { a, b in
            (a.element.arena.sortKey, a.element.closeness, a.offset) < (
                b.element.arena.sortKey, b.element.closeness, b.offset
            )
        }.map(\.element)
    }

    static func canvas(for file: CaseFile) -> SVGCanvas {
        canvas(
            people: ordered(file.network.people), name: file.youngPerson.displayName,
            subtitle: "Sag \(file.id.rawValue). Inderste ring er tættest på den unge.",
            centre: file.youngPerson.name.flatMap { $0.split(separator: " ").first.map(String.init) } ?? "den unge")
    }

    /// The map of an anonymised case: people by relation, no names and no case number.
    public static func anonymousSVG(_ network: [AnonymousCase.Person], label: String) -> String {
        let people = network.map { p in
            NetworkPerson(
                name: p.relation.capitalizedFirstLetter, relation: "",
                arena: Arena.allCases.first { $0.danish == p.arena } ?? .professionals,
                closeness: p.closeness, custodyHolder: p.custodyHolder, whatIsHard: p.hard, canSupport: p.canSupport)
        }
        return canvas(
            people: people, name: label, subtitle: "Anonymiseret. Inderste ring er tættest på den unge.",
            centre: "Den unge", fullLabels: true
        )
        .render(standalone: false, idPrefix: "netvaerkskort")
    }

    static func canvas(
        people: [NetworkPerson], name: String, subtitle: String, centre first: String, fullLabels: Bool = false
    ) -> SVGCanvas {
        let keyLines = people.enumerated().map { i, p in keyLine(i, p) }
        let twoColumns = keyLines.allSatisfy { $0.count <= 48 }
        let keyRows = twoColumns ? (people.count + 1) / 2 : people.count
        let height = 800 + 66 + keyRows * 22
        var c = SVGCanvas(width: width, height: height, title: "Netværkskort for \(name)", desc: description(people))
        c.text(20, 30, "Netværkskort for \(name)", size: 20, bold: true)
        c.text(20, 52, subtitle, size: 13, fill: "#333333")

        // Rings, shaded from near to far, and the five arena sectors.
        let ringFill = ["#f3f6fb", "#f8f9fb", "#fcfcfd"]
        for i in stride(from: 3, through: 1, by: -1) {
            c.circle(cx, cy, bands[i], fill: ringFill[i - 1], stroke: .init("#8a8a8a", width: 1.2))
        }
        for i in 0..<Arena.allCases.count {
            let a = -90.0 + Double(i) * 72
            let (x0, y0) = SVGCanvas.polar(cx, cy, centreRadius, a)
            let (x1, y1) = SVGCanvas.polar(cx, cy, bands[3], a)
            c.line(x0, y0, x1, y1, .init("#8a8a8a", width: 1.2))
        }
        for (i, label) in ["1", "2", "3"].enumerated() {
            let (x, y) = SVGCanvas.polar(cx, cy, (bands[i] + bands[i + 1]) / 2, -90)
            c.text(x + 5, y + 4, label, size: 11, fill: "#555555")
        }
        for (i, arena) in Arena.allCases.enumerated() {
            let mid = -90.0 + Double(i) * 72 + 36
            // Arenas at the bottom sit further out, below the labels of the outer ring's people.
            let (x, y) = SVGCanvas.polar(cx, cy, bands[3] + (sin(mid * Double.pi / 180) > 0.6 ? 44 : 16), mid)
            let cosine = cos(mid * Double.pi / 180)
            let anchor: SVGCanvas.Anchor = cosine > 0.25 ? .start : (cosine < -0.25 ? .end : .middle)
            let words = arena.danish.capitalizedFirstLetter.split(separator: " ").map(String.init)
            let ls = SVGCanvas.wrap(words.joined(separator: " "), width: 15, maxLines: 3)
            let sine = sin(mid * Double.pi / 180)
            let top = sine < -0.3 ? y - Double(ls.count - 1) * 18 : (sine > 0.3 ? y + 12 : y)
            c.lines(x, top, ls, size: 15, anchor: anchor, bold: true, lineHeight: 18)
        }

        // The young person.
        c.circle(cx, cy, centreRadius, fill: "#dfe7f3", stroke: .init("#2b4c7e", width: 2))
        c.text(cx, cy - 2, SVGCanvas.wrap(first, width: 10, maxLines: 1)[0], size: 15, anchor: .middle, bold: true)
        c.text(cx, cy + 15, "den unge", size: 12, anchor: .middle, fill: "#333333")

        if people.isEmpty {
            c.text(
                cx, cy + bands[3] + 80, "Der er ikke tegnet et netværkskort endnu.", size: 15, anchor: .middle,
                italic: true)
        }

        // People: spread evenly within their arena and band.
        var groups: [String: [Int]] = [:]
        for (i, p) in people.enumerated() { groups["\(p.arena.rawValue)-\(p.closeness)", default: []].append(i) }
        for (i, p) in people.enumerated() {
            let group = groups["\(p.arena.rawValue)-\(p.closeness)"] ?? [i]
            let j = group.firstIndex(of: i) ?? 0
            let k = group.count
            let band = min(max(p.closeness, 1), 3)
            let inner = bands[band - 1]
            let outer = bands[band]
            // Alternate the radius inside the band when a band is crowded.
            let r =
                k > 2
                ? (j % 2 == 0 ? inner + (outer - inner) * 0.33 : inner + (outer - inner) * 0.7) : (inner + outer) / 2
            let a = -90.0 + Double(p.arena.sortKey) * 72 + 72 * Double(j + 1) / Double(k + 1)
            let (x, y) = SVGCanvas.polar(cx, cy, r, a)
            marker(&c, x, y, number: i + 1, person: p)
            let spacing = r * (72 * Double.pi / 180) / Double(k + 1)
            if spacing >= 70 || k == 1 {
                let shown = fullLabels ? p.name : (p.name.split(separator: " ").first.map(String.init) ?? p.name)
                let label = [SVGCanvas.clip(shown, fullLabels ? 18 : 14), SVGCanvas.clip(p.relation, 18)]
                c.text(x, y + 30, label[0], size: 14, anchor: .middle, bold: true)
                if !label[1].isEmpty { c.text(x, y + 45, label[1], size: 12, anchor: .middle, fill: "#333333") }
            }
        }

        // Legend and key.
        var y = 800.0
        c.text(20, y, "Sådan læses kortet", size: 15, bold: true)
        y += 26
        c.rect(24, y - 13, 18, 18, fill: "#ffffff", stroke: .init("#000000", width: 1.5))
        c.text(50, y + 1, "forældremyndighed (F)", size: 13)
        c.circle(248, y - 4, 9, fill: "#ffffff", stroke: .init("#000000", width: 1.5))
        c.text(264, y + 1, "andre", size: 13)
        c.circle(336, y - 4, 9, fill: supportFill, stroke: .init("#1d5e20", width: 3.5))
        c.text(350, y - 8, "+", size: 15, bold: true)
        c.text(364, y + 1, "kan støtte den unge", size: 13)
        c.circle(536, y - 4, 9, fill: hardFill, stroke: .init("#8a3b00", width: 2.5, dash: "4 3"))
        c.text(550, y - 8, "!", size: 15, bold: true)
        c.text(564, y + 1, "noget i relationen er svært", size: 13)
        y += 30
        for (i, line) in keyLines.enumerated() {
            let col = twoColumns ? i % 2 : 0
            let row = twoColumns ? i / 2 : i
            c.text(20 + Double(col) * 390, y + Double(row) * 22, SVGCanvas.clip(line, 100), size: 13)
        }
        return c
    }

    /// One line of the key under the map: number, name, relation, closeness and the marks.
    static func keyLine(_ i: Int, _ p: NetworkPerson) -> String {
        var line = "\(i + 1). \(p.name) (" + (p.relation.isEmpty ? "" : "\(p.relation), ") + "nærhed \(p.closeness))"
        var marks: [String] = []
        if p.custodyHolder { marks.append("F") }
        if p.canSupport { marks.append("+") }
        if p.whatIsHard != nil { marks.append("!") }
        if !marks.isEmpty { line += " " + marks.joined(separator: " ") }
        return line
    }

    /// One person's marker: the shape, fill and outline carry the meaning, the number the identity.
    static func marker(_ c: inout SVGCanvas, _ x: Double, _ y: Double, number: Int, person p: NetworkPerson) {
        let hard = p.whatIsHard != nil
        let fill = p.canSupport && hard ? bothFill : (p.canSupport ? supportFill : (hard ? hardFill : "#ffffff"))
        let stroke: SVGCanvas.Stroke =
            p.canSupport
            ? .init("#1d5e20", width: 3.5)
            : (hard ? .init("#8a3b00", width: 2.5, dash: "4 3") : .init("#000000", width: 1.5))
        if p.custodyHolder {
            c.rect(x - 13, y - 13, 26, 26, fill: fill, stroke: stroke)
        } else {
            c.circle(x, y, 14, fill: fill, stroke: stroke)
        }
        if p.canSupport && hard {
            // Both: a dashed inner ring as well as the thick outline.
            c.circle(x, y, 9.5, fill: "none", stroke: .init("#8a3b00", width: 1.5, dash: "3 2"))
        }
        c.text(x, y + 5, String(number), size: 13, anchor: .middle, bold: true)
        var glyphs = ""
        if p.canSupport { glyphs += "+" }
        if hard { glyphs += "!" }
        if !glyphs.isEmpty { c.text(x + 16, y - 10, glyphs, size: 15, bold: true) }
    }

    /// The map in words, for screen readers and the `<desc>`.
    static func description(_ people: [NetworkPerson]) -> String {
        if people.isEmpty { return "Der er ikke tegnet et netværkskort endnu." }
        var parts = ["\(people.count) personer i \(Set(people.map(\.arena)).count) af 5 arenaer."]
        for arena in Arena.allCases {
            let here = people.filter { $0.arena == arena }
            guard !here.isEmpty else { continue }
            parts.append(
                arena.danish.capitalizedFirstLetter + ": "
                    + here.map { p in
                        var s = "\(p.name) (" + (p.relation.isEmpty ? "" : "\(p.relation), ") + "nærhed \(p.closeness)"
                        if p.custodyHolder { s += ", har forældremyndigheden" }
                        if p.canSupport { s += ", kan støtte" }
                        if p.whatIsHard != nil { s += ", noget er svært" }
                        return s + ")"
                    }.joined(separator: "; ") + ".")
        }
        return parts.joined(separator: " ")
    }
}

/// The pictures as document blocks, for the HTML documents (Markdown leaves figures out).
public enum Figures {
    /// The network map, or nil when no one is on it.
    public static func networkMap(_ file: CaseFile) -> Document.Block? {
        guard !file.network.people.isEmpty else { return nil }
        return .figure(
            svg: NetworkPicture.svg(for: file, standalone: false),
            caption:
                "Netværkskortet, som det står på sagen. Firkant: forældremyndighed; + kan støtte; ! noget er svært.")
    }

    /// The latest drawing of a tool (for the life wheel: the last two records overlaid), or nil.
    /// `widthMM` prints it smaller than the full text width, e.g. several on one page.
    public static func tool(_ tool: DialogueTool, _ file: CaseFile, widthMM: Int = SVGCanvas.printWidthMM) -> Document
        .Block?
    {
        guard let svg = ToolPictures.svg(tool, for: file, standalone: false, widthMM: widthMM),
            let last = ToolText.history(tool, in: file.toolRecords).last
        else { return nil }
        return .figure(svg: svg, caption: "\(tool.danish.capitalizedFirstLetter) fra \(last.date.danishShort).")
    }
}
