import Foundation

/// CSV and HTML for `StatisticsReport` (the terminal table is drawn by the CLI's table renderer).
/// Deterministic bytes: no clock, no locale.
public enum StatisticsRendering {
    /// One number with a comma as decimal mark, at most one decimal.
    public static func number(_ v: Double) -> String {
        SVGCanvas.num(v).replacingOccurrences(of: ".", with: ",")
    }

    /// CSV (RFC 4180, comma, CRLF): one line per cell: section, key, label, column, value, percent.
    public static func csv(_ r: StatisticsReport) -> String {
        func q(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var lines = ["afsnit,noegle,tekst,kolonne,vaerdi,andel_pct,fra,til"]
        for s in r.sections {
            for row in s.rows where !row.cells.isEmpty {
                for (i, c) in row.cells.enumerated() {
                    lines.append(
                        [
                            s.id, row.key, row.label, s.columns[min(i, s.columns.count - 1)], c.text,
                            row.percent.map(String.init) ?? "", r.from.iso, r.to.iso,
                        ].map(q).joined(separator: ","))
                }
            }
            for v in s.values {
                lines.append(
                    [s.id, v.key, v.label, "dage", v.value.map { SVGCanvas.num($0) } ?? "<5", "", r.from.iso, r.to.iso]
                        .map(q).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    // MARK: - HTML

    /// A self-contained HTML page (no scripts, no external files) that prints on A4.
    public static func html(_ r: StatisticsReport, municipality: String?) -> String {
        let e = SVGCanvas.esc
        var h = """
            <!DOCTYPE html>
            <html lang="da">
            <head>
            <meta charset="utf-8">
            <title>Statistik \(r.from.danishShort)-\(r.to.danishShort)</title>
            <style>
            @page { size: A4; margin: 15mm; }
            body { font-family: Arial, Helvetica, sans-serif; font-size: 10pt; color: #111; max-width: 180mm; margin: 0 auto; }
            h1 { font-size: 16pt; margin: 0 0 2mm 0; }
            h2 { font-size: 12pt; margin: 6mm 0 2mm 0; break-after: avoid; }
            table { border-collapse: collapse; width: 100%; }
            tr { break-inside: avoid; }
            thead { display: table-header-group; }
            section { break-inside: avoid-page; }
            @media screen { body { margin: 8mm auto; padding: 0 4mm; } }
            th, td { border-bottom: 1px solid #ddd; padding: 0.5mm 2mm; text-align: left; }
            td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
            tr.sub td:first-child { padding-left: 7mm; }
            tr.total td { font-weight: bold; }
            p.def { font-size: 8.5pt; color: #444; margin: 1mm 0; }
            .meta { color: #444; }
            figure { margin: 4mm 0; break-inside: avoid; }
            figcaption { font-size: 9pt; color: #444; }
            </style>
            </head>
            <body>

            """
        h += "<h1>Statistik for \(e(r.from.danishLong)) – \(e(r.to.danishLong))</h1>\n"
        var meta = "Udvalg: \(e(r.scope))."
        if let m = municipality, !m.isEmpty { meta = "\(e(m)). " + meta }
        h += "<p class=\"meta\">\(meta) Ingen CPR-numre, navne på unge eller sagstekst.</p>\n"
        h += "<p class=\"def\">\(e(r.suppressionNote))</p>\n"
        h +=
            "<figure>\(trendChart(r))<figcaption>Andel af frister opfyldt til tiden pr. måned (måneder med færre end 5 frister vises ikke).</figcaption></figure>\n"
        if let s = r.section("behandling") {
            h +=
                "<figure>\(histogram(s))<figcaption>Dage fra henvendelse til faktisk start af behandling (\"<5\" og \"x\" er skjulte tal).</figcaption></figure>\n"
        }
        for s in r.sections {
            // A section on one page where it fits; a longer table repeats its header on the next.
            h += "<section>\n<h2>\(e(s.title))</h2>\n<table>\n<thead><tr><th></th>"
            for c in s.columns { h += "<th class=\"n\">\(e(c))</th>" }
            h += "<th class=\"n\">Andel</th></tr></thead>\n"
            for row in s.rows {
                h += "<tr class=\"\(row.level == 0 ? "total" : "sub")\"><td>\(e(row.label))</td>"
                if row.cells.isEmpty {
                    for _ in s.columns { h += "<td></td>" }
                } else {
                    for c in row.cells { h += "<td class=\"n\">\(e(c.text))</td>" }
                }
                h += "<td class=\"n\">\(row.percent.map { "\($0) %" } ?? "")</td></tr>\n"
            }
            for v in s.values {
                h += "<tr class=\"sub\"><td>\(e(v.label))</td><td class=\"n\">\(v.value.map(number) ?? "&lt;5")</td>"
                for _ in 1..<max(1, s.columns.count) { h += "<td></td>" }
                h += "<td></td></tr>\n"
            }
            h += "</table>\n"
            for d in s.definitions { h += "<p class=\"def\">\(e(d))</p>\n" }
            h += "</section>\n"
        }
        h += "</body>\n</html>\n"
        return h
    }

    /// A line chart of the monthly on-time share.
    static func trendChart(_ r: StatisticsReport) -> String {
        var c = SVGCanvas(
            width: 680, height: 220, title: "Frister opfyldt til tiden pr. måned",
            desc: r.trend.map { "\($0.month): " + ($0.percentOnTime.map { number($0) + " %" } ?? "for få") }
                .joined(separator: "; "))
        let left = 50.0
        let top = 15.0
        let w = 610.0
        let hgt = 160.0
        for p in stride(from: 0, through: 100, by: 25) {
            let y = top + hgt - Double(p) / 100 * hgt
            c.raw(
                "<line x1=\"\(SVGCanvas.num(left))\" y1=\"\(SVGCanvas.num(y))\" x2=\"\(SVGCanvas.num(left + w))\" y2=\"\(SVGCanvas.num(y))\" stroke=\"#dddddd\"/>"
            )
            c.raw(
                "<text x=\"\(SVGCanvas.num(left - 6))\" y=\"\(SVGCanvas.num(y + 4))\" font-size=\"11\" text-anchor=\"end\">\(p) %</text>"
            )
        }
        let n = max(1, r.trend.count)
        let step = w / Double(n)
        var segment: [String] = []
        func flush() {
            if segment.count > 1 {
                c.raw(
                    "<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2.5\" points=\"\(segment.joined(separator: " "))\"/>"
                )
            }
            segment = []
        }
        for (i, p) in r.trend.enumerated() {
            let x = left + step * (Double(i) + 0.5)
            let month = Int(p.month.suffix(2)) ?? 1
            let label = String(LocalDate.monthNames[max(0, min(11, month - 1))].prefix(3))
            c.raw(
                "<text x=\"\(SVGCanvas.num(x))\" y=\"\(SVGCanvas.num(top + hgt + 18))\" font-size=\"11\" text-anchor=\"middle\">\(label)</text>"
            )
            if let v = p.percentOnTime {
                let y = top + hgt - v / 100 * hgt
                segment.append("\(SVGCanvas.num(x)),\(SVGCanvas.num(y))")
                c.raw("<circle cx=\"\(SVGCanvas.num(x))\" cy=\"\(SVGCanvas.num(y))\" r=\"3.5\" fill=\"#1f5fa8\"/>")
            } else {
                flush()
                c.raw(
                    "<text x=\"\(SVGCanvas.num(x))\" y=\"\(SVGCanvas.num(top + hgt - 4))\" font-size=\"10\" fill=\"#888888\" text-anchor=\"middle\">–</text>"
                )
            }
        }
        flush()
        c.raw(
            "<text x=\"\(SVGCanvas.num(left + w))\" y=\"\(SVGCanvas.num(top + hgt + 34))\" font-size=\"10\" fill=\"#444444\" text-anchor=\"end\">\(SVGCanvas.esc(r.trend.first?.month ?? "")) – \(SVGCanvas.esc(r.trend.last?.month ?? ""))</text>"
        )
        return c.render(standalone: false, idPrefix: "tendens")
    }

    /// Bars of the request-to-start distribution; suppressed bins are drawn as an outline with their text.
    static func histogram(_ s: StatisticsSection) -> String {
        let bins = s.rows.filter { $0.key.hasPrefix("behandling.fordeling.") }
        var c = SVGCanvas(
            width: 680, height: 220, title: "Dage fra henvendelse til start",
            desc: bins.map { "\($0.label): \($0.cells.first?.text ?? "")" }.joined(separator: "; "))
        let left = 50.0
        let top = 15.0
        let w = 610.0
        let hgt = 160.0
        let maxV = max(5, bins.compactMap { $0.cells.first?.number }.max() ?? 5)
        let step = w / Double(max(1, bins.count))
        for (i, b) in bins.enumerated() {
            let x = left + step * Double(i) + step * 0.15
            let bw = step * 0.7
            let label = b.cells.first?.text ?? ""
            if let v = b.cells.first?.number {
                let bh = Double(v) / Double(maxV) * hgt
                c.raw(
                    "<rect x=\"\(SVGCanvas.num(x))\" y=\"\(SVGCanvas.num(top + hgt - bh))\" width=\"\(SVGCanvas.num(bw))\" height=\"\(SVGCanvas.num(bh))\" fill=\"#1f5fa8\"/>"
                )
                c.raw(
                    "<text x=\"\(SVGCanvas.num(x + bw / 2))\" y=\"\(SVGCanvas.num(top + hgt - bh - 4))\" font-size=\"11\" text-anchor=\"middle\">\(SVGCanvas.esc(label))</text>"
                )
            } else {
                c.raw(
                    "<rect x=\"\(SVGCanvas.num(x))\" y=\"\(SVGCanvas.num(top + hgt - 12))\" width=\"\(SVGCanvas.num(bw))\" height=\"12\" fill=\"none\" stroke=\"#888888\" stroke-dasharray=\"3 2\"/>"
                )
                c.raw(
                    "<text x=\"\(SVGCanvas.num(x + bw / 2))\" y=\"\(SVGCanvas.num(top + hgt - 16))\" font-size=\"11\" fill=\"#444444\" text-anchor=\"middle\">\(SVGCanvas.esc(label))</text>"
                )
            }
            c.raw(
                "<text x=\"\(SVGCanvas.num(x + bw / 2))\" y=\"\(SVGCanvas.num(top + hgt + 18))\" font-size=\"11\" text-anchor=\"middle\">\(SVGCanvas.esc(b.label))</text>"
            )
        }
        c.raw(
            "<line x1=\"\(SVGCanvas.num(left))\" y1=\"\(SVGCanvas.num(top + hgt))\" x2=\"\(SVGCanvas.num(left + w))\" y2=\"\(SVGCanvas.num(top + hgt))\" stroke=\"#444444\"/>"
        )
        return c.render(standalone: false, idPrefix: "fordeling")
    }
}
