import Foundation

/// The dialogue tools drawn as SVG (pure and deterministic): the life wheel with the last two
/// records overlaid, the lifeline with highs above and lows below, the stages of change over time,
/// the pros and cons as a 2×2 table, and the concern arc.
public enum ToolPictures {
    /// The picture of a tool from a case's records, or nil when the tool has nothing to draw.
    public static func svg(
        _ tool: DialogueTool, for file: CaseFile, standalone: Bool = true, widthMM: Int = SVGCanvas.printWidthMM
    ) -> String? {
        canvas(tool, for: file).map { $0.render(standalone: standalone, idPrefix: tool.keyword, widthMM: widthMM) }
    }

    /// The tools that can be drawn.
    public static let drawable: [DialogueTool] = [.lifeWheel, .lifeline, .stagesOfChange, .prosCons, .concernArc]

    static func canvas(_ tool: DialogueTool, for file: CaseFile) -> SVGCanvas? {
        let history = ToolText.history(tool, in: file.toolRecords)
        guard let last = history.last else { return nil }
        let name = file.youngPerson.displayName
        switch tool {
        case .lifeWheel:
            return lifeWheel(latest: last, previous: history.dropLast().last, name: name)
        case .lifeline:
            return lifeline(last, name: name)
        case .stagesOfChange:
            return stages(history, name: name)
        case .prosCons:
            return prosCons(last, name: name)
        case .concernArc:
            var earlier = history.dropLast().map { r in (r.date, r.concernArc!.level, "bekymringsbuen") }
            for n in file.concernReports {
                if let arc = n.concernArc {
                    earlier.append((DanishTime.date(of: n.received), arc.level, "underretning nr. \(n.number)"))
                }
            }
            return concernArc(last, name: name, earlier: earlier.sorted { $0.0 < $1.0 })
        default:
            return nil
        }
    }

    // MARK: Livshjulet

    static func lifeWheel(latest: ToolRecord, previous: ToolRecord?, name: String) -> SVGCanvas? {
        guard let wheel = latest.lifeWheel, !wheel.areas.isEmpty else { return nil }
        let before = previous?.lifeWheel?.areas ?? []
        var names = wheel.areas.map(\.name)
        for a in before where !names.contains(a.name) { names.append(a.name) }
        let cx = 400.0
        let cy = 370.0
        let unit = 24.0
        var desc = "Livshjul \(latest.date.danishShort) med \(wheel.areas.count) områder, point 1-10 for nu og ønsket"
        desc += previous.map { ", tegnet oven på livshjulet fra \($0.date.danishShort)." } ?? "."
        for n in names {
            let now = wheel.areas.first { $0.name == n }
            let old = before.first { $0.name == n }
            var s = " \(n.capitalizedFirstLetter):"
            s += now.map { " nu \($0.now)" + ($0.wished.map { ", ønsket \($0)" } ?? "") } ?? " ikke scoret denne gang"
            if let old { s += ", sidst \(old.now)" }
            if let w = now?.words { s += " (" + Quoted.text(w) + ")" }
            desc += s + "."
        }
        let wordLines = wheel.areas.filter { $0.words != nil }.count
        var c = SVGCanvas(
            width: 800, height: 740 + wordLines * 18, title: "Livshjul for \(name), \(latest.date.danishShort)",
            desc: desc)
        c.text(20, 30, "Livshjul for \(name)", size: 20, bold: true)
        c.text(
            20, 52, "\(latest.date.danishLong). Hvert område har point fra 1 til 10: nu, og sådan den unge ønsker det.",
            size: 13, fill: "#333333")
        // Grid.
        for step in stride(from: 2, through: 10, by: 2) {
            c.circle(
                cx, cy, Double(step) * unit, fill: "none",
                stroke: .init(step == 10 ? "#555555" : "#c8c8c8", width: step == 10 ? 1.5 : 1))
            c.text(cx + 3, cy - Double(step) * unit + 13, String(step), size: 11, fill: "#555555")
        }
        let n = Double(names.count)
        let span = 360.0 / n
        for (i, area) in names.enumerated() {
            let a0 = -90 + Double(i) * span
            let a1 = a0 + span
            if let now = wheel.areas.first(where: { $0.name == area }) {
                let r = Double(min(max(now.now, 0), 10)) * unit
                if names.count == 1 {
                    c.circle(cx, cy, r, fill: "#9db8d9", stroke: .init("#2b4c7e", width: 2))
                } else {
                    c.path(
                        SVGCanvas.wedge(cx, cy, r, from: a0, to: a1), fill: "#9db8d9",
                        stroke: .init("#2b4c7e", width: 2))
                }
                if let wished = now.wished {
                    c.path(
                        arcOrCircle(
                            cx, cy, Double(min(max(wished, 0), 10)) * unit, a0 + 2, a1 - 2, whole: names.count == 1),
                        fill: "none", stroke: .init("#000000", width: 5, dash: "0 9", round: true))
                }
            }
            if let old = before.first(where: { $0.name == area }) {
                c.path(
                    arcOrCircle(
                        cx, cy, Double(min(max(old.now, 0), 10)) * unit, a0 + 2, a1 - 2, whole: names.count == 1),
                    fill: "none", stroke: .init("#000000", width: 2.5, dash: "10 5"))
            }
            if names.count > 1 {
                let (x, y) = SVGCanvas.polar(cx, cy, 10 * unit, a0)
                c.line(cx, cy, x, y, .init("#555555", width: 1))
            }
            // Label outside the wheel.
            let mid = a0 + span / 2
            let (lx, ly) = SVGCanvas.polar(cx, cy, 10 * unit + 22, mid)
            let cosine = cos(mid * Double.pi / 180)
            let sine = sin(mid * Double.pi / 180)
            let anchor: SVGCanvas.Anchor = cosine > 0.3 ? .start : (cosine < -0.3 ? .end : .middle)
            let now = wheel.areas.first { $0.name == area }
            var detail = now.map { "nu \($0.now)" + ($0.wished.map { " · ønsket \($0)" } ?? "") } ?? "ikke scoret nu"
            if let old = before.first(where: { $0.name == area }) { detail += " · før \(old.now)" }
            let top = sine < -0.3 ? ly - 16 : (sine > 0.3 ? ly + 12 : ly)
            c.text(
                lx, top, SVGCanvas.wrap(area.capitalizedFirstLetter, width: 18, maxLines: 1)[0], size: 16,
                anchor: anchor, bold: true)
            c.text(lx, top + 17, detail, size: 13, anchor: anchor)
        }
        // Legend.
        let y = 700.0
        c.rect(24, y - 13, 22, 16, fill: "#9db8d9", stroke: .init("#2b4c7e", width: 2))
        c.text(54, y, "nu (\(latest.date.danishShort))", size: 13)
        c.line(210, y - 5, 250, y - 5, .init("#000000", width: 5, dash: "0 9", round: true))
        c.text(258, y, "sådan ønsker den unge det", size: 13)
        if let previous {
            c.line(470, y - 5, 510, y - 5, .init("#000000", width: 2.5, dash: "10 5"))
            c.text(518, y, "forrige gang (\(previous.date.danishShort))", size: 13)
        }
        let words = wheel.areas.compactMap { a in a.words.map { "\(a.name.capitalizedFirstLetter): " + Quoted.text($0) }
        }
        var wy = y + 30
        for w in words {
            for l in SVGCanvas.wrap(w, width: 100, maxLines: 1) {
                c.text(20, wy, l, size: 13, italic: true)
                wy += 18
            }
        }
        return c
    }

    static func arcOrCircle(_ cx: Double, _ cy: Double, _ r: Double, _ a0: Double, _ a1: Double, whole: Bool) -> String
    {
        if whole {
            return
                "M \(SVGCanvas.num(cx - r)) \(SVGCanvas.num(cy)) A \(SVGCanvas.num(r)) \(SVGCanvas.num(r)) 0 1 1 \(SVGCanvas.num(cx + r)) \(SVGCanvas.num(cy)) A \(SVGCanvas.num(r)) \(SVGCanvas.num(r)) 0 1 1 \(SVGCanvas.num(cx - r)) \(SVGCanvas.num(cy))"
        }
        return SVGCanvas.arc(cx, cy, r, from: a0, to: a1)
    }

    // MARK: Livslinje

    static func lifeline(_ record: ToolRecord, name: String) -> SVGCanvas? {
        guard let line = record.lifeline, !line.events.isEmpty else { return nil }
        let events = line.events
        let axis = 300.0
        let left = 40.0
        let right = 770.0
        let step = (right - left) / Double(events.count)
        let chars = max(10, Int(step * (events.count > 6 ? 2.4 : 1) / 8))
        var desc =
            "Livslinje fra \(record.date.danishShort) med \(events.count) hændelser. Højdepunkter er tegnet over linjen, lavpunkter under."
        for e in events { desc += " \(e.date.danishShort), \(e.kind.danish): \(e.text)." }
        var c = SVGCanvas(
            width: 800, height: 620, title: "Livslinje for \(name), \(record.date.danishShort)", desc: desc)
        c.text(20, 30, "Livslinje for \(name)", size: 20, bold: true)
        c.text(
            20, 52, "Tegnet \(record.date.danishLong). Op: det gik godt. Ned: det var svært.", size: 13, fill: "#333333"
        )
        c.rect(left - 10, 70, right - left + 20, axis - 70, fill: "#f2f7f2")
        c.rect(left - 10, axis, right - left + 20, 250, fill: "#f8f2ee")
        c.text(left - 4, 88, "op", size: 13, bold: true, fill: "#333333")
        c.text(left - 4, axis + 240, "ned", size: 13, bold: true, fill: "#333333")
        c.line(left - 10, axis, right + 10, axis, .init("#000000", width: 2))
        var points: [(Double, Double)] = []
        for (i, e) in events.enumerated() {
            let x = left + step * (Double(i) + 0.5)
            // Alternate the heights so neighbouring labels do not collide; three heights when crowded.
            let h = events.count > 6 ? 55.0 + Double(i % 3) * 48 : 70.0 + Double(i % 2) * 55
            let y = e.kind == .high ? axis - h : axis + h
            points.append((x, y))
        }
        c.polyline([(left - 10, axis)] + points + [(right + 10, axis)], .init("#7a7a7a", width: 1.5))
        for (i, e) in events.enumerated() {
            let (x, y) = points[i]
            c.line(x, axis, x, y, .init("#555555", width: 1, dash: "3 3"))
            c.circle(x, axis, 3, fill: "#000000")
            let text = SVGCanvas.wrap(e.text, width: chars, maxLines: 3)
            if e.kind == .high {
                c.polygon(
                    [(x, y - 11), (x - 11, y + 8), (x + 11, y + 8)], fill: "#7bc47f", stroke: .init("#1d5e20", width: 2)
                )
                let top = y - 18 - Double(text.count) * 16
                c.text(x, top, e.date.danishShort, size: 13, anchor: .middle, bold: true)
                c.lines(x, top + 16, text, size: 14, anchor: .middle, lineHeight: 16)
            } else {
                c.polygon(
                    [(x, y + 11), (x - 11, y - 8), (x + 11, y - 8)], fill: "#f2a65a",
                    stroke: .init("#8a3b00", width: 2, dash: "3 2"))
                c.text(x, y + 28, e.date.danishShort, size: 13, anchor: .middle, bold: true)
                c.lines(x, y + 44, text, size: 14, anchor: .middle, lineHeight: 16)
            }
        }
        let ly = 590.0
        c.polygon([(30, ly - 11), (21, ly + 4), (39, ly + 4)], fill: "#7bc47f", stroke: .init("#1d5e20", width: 2))
        c.text(46, ly + 2, "højdepunkt (op)", size: 13)
        c.polygon(
            [(200, ly + 4), (191, ly - 11), (209, ly - 11)], fill: "#f2a65a",
            stroke: .init("#8a3b00", width: 2, dash: "3 2"))
        c.text(216, ly + 2, "lavpunkt (ned)", size: 13)
        c.text(380, ly + 2, "Hændelserne står i tidsorden, med lige stor afstand.", size: 13, fill: "#333333")
        return c
    }

    // MARK: Forandringscirklen

    static func stages(_ history: [ToolRecord], name: String) -> SVGCanvas? {
        let records = history.filter { $0.stage != nil }
        guard let last = records.last else { return nil }
        let stages = StageOfChange.sixStages
        let rowH = 52.0
        let top = 80.0
        let left = 170.0
        let right = 770.0
        let step = (right - left) / Double(records.count)
        var desc = "Forandringscirklen over tid, \(records.count) registreringer."
        for r in records {
            desc +=
                " \(r.date.danishShort): \(r.stage!.stage.danish)" + (r.stage!.relapse ? " efter tilbagefald" : "")
                + "."
        }
        let height = Int(top + rowH * 6 + 120)
        var c = SVGCanvas(
            width: 800, height: height, title: "Forandringscirklen for \(name), til \(last.date.danishShort)",
            desc: desc)
        c.text(20, 30, "Forandringscirklen for \(name)", size: 20, bold: true)
        c.text(
            20, 52, "Fasen over tid. En stiplet linje er et skridt tilbage; × er et tilbagefald.", size: 13,
            fill: "#333333")
        func rowY(_ s: StageOfChange) -> Double {
            let i = stages.firstIndex(of: s) ?? 0
            return top + rowH * Double(5 - i) + rowH / 2
        }
        for (i, s) in stages.enumerated() {
            let y = top + rowH * Double(5 - i)
            c.rect(left - 10, y, right - left + 20, rowH, fill: i % 2 == 0 ? "#f4f4f4" : "#ffffff")
            c.text(left - 18, y + rowH / 2 + 5, s.danish.capitalizedFirstLetter, size: 15, anchor: .end, bold: true)
        }
        c.rect(left - 10, top, right - left + 20, rowH * 6, fill: "none", stroke: .init("#8a8a8a", width: 1))
        var prev: (Double, Double, Int)?
        for (j, r) in records.enumerated() {
            let s = r.stage!
            let x = left + step * (Double(j) + 0.5)
            let y = rowY(s.stage)
            let index = stages.firstIndex(of: s.stage) ?? 0
            if let (px, py, pi) = prev {
                let back = index < pi || s.relapse
                c.line(px, py, x, y, back ? .init("#8a3b00", width: 2.5, dash: "7 5") : .init("#2b4c7e", width: 3))
            }
            prev = (x, y, index)
        }
        for (j, r) in records.enumerated() {
            let s = r.stage!
            let x = left + step * (Double(j) + 0.5)
            let y = rowY(s.stage)
            if s.relapse {
                c.circle(x, y, 11, fill: "#ffffff", stroke: .init("#8a3b00", width: 2))
                c.line(x - 6, y - 6, x + 6, y + 6, .init("#8a3b00", width: 3))
                c.line(x - 6, y + 6, x + 6, y - 6, .init("#8a3b00", width: 3))
            } else {
                c.circle(x, y, 9, fill: "#2b4c7e", stroke: .init("#ffffff", width: 2))
            }
            let labelY = top + rowH * 6 + 20 + Double(records.count > 6 ? (j % 2) * 16 : 0)
            c.text(x, labelY, r.date.danishShort, size: 12, anchor: .middle)
        }
        let ly = Double(height) - 30
        c.circle(30, ly - 5, 8, fill: "#2b4c7e")
        c.text(46, ly, "fasen den dag", size: 13)
        c.circle(190, ly - 5, 10, fill: "#ffffff", stroke: .init("#8a3b00", width: 2))
        c.line(185, ly - 10, 195, ly, .init("#8a3b00", width: 3))
        c.line(185, ly, 195, ly - 10, .init("#8a3b00", width: 3))
        c.text(208, ly, "tilbagefald", size: 13)
        c.line(320, ly - 5, 360, ly - 5, .init("#8a3b00", width: 2.5, dash: "7 5"))
        c.text(368, ly, "skridt tilbage", size: 13)
        c.line(500, ly - 5, 540, ly - 5, .init("#2b4c7e", width: 3))
        c.text(548, ly, "skridt frem eller samme fase", size: 13)
        return c
    }

    // MARK: Fordele og ulemper

    static func prosCons(_ record: ToolRecord, name: String) -> SVGCanvas? {
        guard let table = record.prosCons, !table.isEmpty else { return nil }
        let left = 20.0
        let labelW = 100.0
        let colW = 330.0
        let charsPerLine = 30
        func itemLines(_ item: ProsConsItem) -> [String] { SVGCanvas.wrap(item.text, width: charsPerLine, maxLines: 3) }
        func cellHeight(_ cell: ProsConsCell) -> Double {
            table.items(cell).reduce(36.0) { $0 + Double(itemLines($1).count) * 16 + 30 } + 10
        }
        let rowCells: [[ProsConsCell]] = [[.changePros, .statusQuoPros], [.changeCons, .statusQuoCons]]
        let rowHeights = rowCells.map { row in max(90, row.map(cellHeight).max() ?? 90) }
        let top = 120.0
        let height = Int(top + rowHeights.reduce(0, +) + 70)
        var desc =
            "Fordele og ulemper" + (table.topic.map { " ved: \($0)" } ?? "")
            + ", \(record.date.danishShort). Hvert punkt er vægtet fra 1 til 10."
        for cell in ProsConsCell.allCases {
            let items = table.items(cell)
            desc += " \(cell.danish.capitalizedFirstLetter) (i alt \(table.weight(cell))): "
            desc +=
                items.isEmpty
                ? "ingen."
                : items.map {
                    "\($0.text), vægt \($0.importance)" + ($0.likelihood.map { ", sandsynlighed \($0)" } ?? "")
                }.joined(separator: "; ") + "."
        }
        var c = SVGCanvas(
            width: 800, height: height, title: "Fordele og ulemper for \(name), \(record.date.danishShort)", desc: desc)
        c.text(20, 30, "Fordele og ulemper for \(name)", size: 20, bold: true)
        c.text(
            20, 54, SVGCanvas.wrap("Emne: " + (table.topic ?? "(ikke angivet)"), width: 90, maxLines: 1)[0], size: 15,
            bold: true)
        c.text(
            20, 74, "\(record.date.danishLong). Bjælken viser, hvor vigtigt punktet er (1-10).", size: 13,
            fill: "#333333")
        let headers = ["At forandre", "At fortsætte som nu"]
        for (i, h) in headers.enumerated() {
            let x = left + labelW + Double(i) * colW
            c.rect(x, top - 34, colW, 34, fill: "#e6e6e6", stroke: .init("#555555", width: 1))
            c.text(x + colW / 2, top - 11, h, size: 16, anchor: .middle, bold: true)
        }
        var y = top
        for (r, row) in rowCells.enumerated() {
            let h = rowHeights[r]
            c.rect(left, y, labelW, h, fill: "#e6e6e6", stroke: .init("#555555", width: 1))
            c.text(
                left + labelW / 2, y + h / 2 + 5, r == 0 ? "Fordele" : "Ulemper", size: 16, anchor: .middle, bold: true)
            for (col, cell) in row.enumerated() {
                let x = left + labelW + Double(col) * colW
                c.rect(x, y, colW, h, fill: "#ffffff", stroke: .init("#555555", width: 1))
                var iy = y + 24
                let items = table.items(cell)
                if items.isEmpty { c.text(x + 12, iy, "(ingen)", size: 13, italic: true) }
                for item in items {
                    c.rect(
                        x + 12, iy - 11, Double(min(max(item.importance, 0), 10)) * 12, 12,
                        fill: r == 0 ? "#9db8d9" : "#d0d0d0", stroke: .init("#000000", width: 1))
                    c.rect(x + 12, iy - 11, 120, 12, fill: "none", stroke: .init("#9a9a9a", width: 0.8))
                    c.text(
                        x + 140, iy, "\(item.importance)/10" + (item.likelihood.map { ", sandsynlighed \($0)" } ?? ""),
                        size: 12, fill: "#333333")
                    c.lines(x + 12, iy + 18, itemLines(item), size: 14, lineHeight: 16)
                    iy += Double(itemLines(item).count) * 16 + 30
                }
                c.text(
                    x + colW - 10, y + h - 10, "Vægt i alt: \(table.weight(cell))", size: 13, anchor: .end, bold: true)
            }
            y += h
        }
        return c
    }

    // MARK: Bekymringsbuen

    static func concernArc(_ record: ToolRecord, name: String, earlier: [(LocalDate, ConcernLevel, String)] = [])
        -> SVGCanvas?
    {
        guard let arc = record.concernArc else { return nil }
        let cx = 400.0
        let cy = 330.0
        let r = 230.0
        let w = 60.0
        var desc =
            "Bekymringsbuen \(record.date.danishShort): viseren står på \(arc.level.danish) (\(arc.level.meaning))."
        if let up = arc.raiseIf { desc += " Højere hvis: \(up)." }
        if let down = arc.lowerIf { desc += " Lavere hvis: \(down)." }
        let shownEarlier = Array(earlier.suffix(4))
        for e in shownEarlier { desc += " Tidligere: \(e.0.danishShort) \(e.1.danish) (\(e.2))." }
        var c = SVGCanvas(
            width: 800, height: 530 + (shownEarlier.isEmpty ? 0 : 40 + shownEarlier.count * 20),
            title: "Bekymringsbuen for \(name), \(record.date.danishShort)", desc: desc)
        c.text(20, 30, "Bekymringsbuen for \(name)", size: 20, bold: true)
        c.text(20, 52, record.date.danishLong, size: 13, fill: "#333333")
        let bands: [(ConcernLevel, String, Double, Double)] = [
            (.green, "#7bc47f", 180, 240), (.orange, "#f2a65a", 240, 300), (.red, "#d9534f", 300, 360),
        ]
        for (level, colour, a0, a1) in bands {
            let (ox0, oy0) = SVGCanvas.polar(cx, cy, r, a0)
            let (ox1, oy1) = SVGCanvas.polar(cx, cy, r, a1)
            let (ix1, iy1) = SVGCanvas.polar(cx, cy, r - w, a1)
            let (ix0, iy0) = SVGCanvas.polar(cx, cy, r - w, a0)
            let d =
                "M \(SVGCanvas.num(ox0)) \(SVGCanvas.num(oy0)) A \(SVGCanvas.num(r)) \(SVGCanvas.num(r)) 0 0 1 \(SVGCanvas.num(ox1)) \(SVGCanvas.num(oy1)) L \(SVGCanvas.num(ix1)) \(SVGCanvas.num(iy1)) A \(SVGCanvas.num(r - w)) \(SVGCanvas.num(r - w)) 0 0 0 \(SVGCanvas.num(ix0)) \(SVGCanvas.num(iy0)) Z"
            c.path(
                d, fill: colour,
                stroke: .init(level == arc.level ? "#000000" : "#ffffff", width: level == arc.level ? 4 : 2))
            let (tx, ty) = SVGCanvas.polar(cx, cy, r - w / 2, (a0 + a1) / 2)
            c.text(tx, ty + 6, level.danish, size: 17, anchor: .middle, bold: level == arc.level)
            let (mx, my) = SVGCanvas.polar(cx, cy, r + 22, (a0 + a1) / 2)
            c.text(mx, my, level.meaning, size: 13, anchor: .middle, fill: "#333333")
        }
        let angle = arc.level == .green ? 210.0 : (arc.level == .orange ? 270.0 : 330.0)
        let (px, py) = SVGCanvas.polar(cx, cy, r - w - 12, angle)
        c.line(cx, cy, px, py, .init("#000000", width: 6), cap: true)
        c.circle(cx, cy, 12, fill: "#000000")
        c.text(
            cx, cy + 40, "Viseren står på \(arc.level.danish): \(arc.level.meaning)", size: 17, anchor: .middle,
            bold: true)
        var y = cy + 80
        for (label, text) in [("Højere, hvis", arc.raiseIf), ("Lavere, hvis", arc.lowerIf)] {
            guard let text else { continue }
            c.text(20, y, label + ":", size: 15, bold: true)
            let ls = SVGCanvas.wrap(text, width: 80, maxLines: 2)
            c.lines(130, y, ls, size: 15, lineHeight: 19)
            y += Double(ls.count) * 19 + 12
        }
        if !shownEarlier.isEmpty {
            y = max(y, 510) + 10
            c.text(20, y, "Tidligere placeringer", size: 15, bold: true)
            for (i, e) in shownEarlier.enumerated() {
                c.text(20, y + 22 + Double(i) * 20, "\(e.0.danishShort): \(e.1.danish) (\(e.2))", size: 14)
            }
        }
        return c
    }
}
