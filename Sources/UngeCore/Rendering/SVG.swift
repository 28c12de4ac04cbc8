import Foundation

/// A small writer for self-contained SVG pictures: no scripts, no external fonts or images, text as
/// text (XML-escaped), a `<title>` and a `<desc>` for screen readers, and deterministic bytes
/// (coordinates are written with at most one decimal by integer arithmetic, never by locale).
public struct SVGCanvas: Sendable {
    public let width: Int
    public let height: Int
    public var title: String
    public var desc: String
    private var body: [String] = []

    /// The printed width: fits the text block of an A4 page with 18-20 mm margins.
    public static let printWidthMM = 170

    public init(width: Int, height: Int, title: String, desc: String) {
        self.width = width
        self.height = height
        self.title = title
        self.desc = desc
    }

    /// The whole picture. `standalone` adds the XML declaration (a `.svg` file); `idPrefix` keeps
    /// the title/desc ids unique when several pictures share one HTML page.
    public func render(standalone: Bool = true, idPrefix: String = "svg", widthMM: Int = SVGCanvas.printWidthMM)
        -> String
    {
        let heightMM = SVGCanvas.num(Double(widthMM) * Double(height) / Double(width))
        var out = standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : ""
        out +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(widthMM)mm\" height=\"\(heightMM)mm\" viewBox=\"0 0 \(width) \(height)\""
        out +=
            " role=\"img\" aria-labelledby=\"\(idPrefix)-title \(idPrefix)-desc\" font-family=\"Arial, Helvetica, sans-serif\""
        out += standalone ? ">\n" : " style=\"max-width:100%;height:auto\">\n"
        out += "<title id=\"\(idPrefix)-title\">\(SVGCanvas.esc(title))</title>\n"
        out += "<desc id=\"\(idPrefix)-desc\">\(SVGCanvas.esc(desc))</desc>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        out += body.joined(separator: "\n")
        out += "\n</svg>\n"
        return out
    }

    // MARK: Shapes

    /// Stroke attributes: colour, width and an optional dash pattern.
    public struct Stroke: Sendable {
        public var colour: String
        public var width: Double
        public var dash: String?
        /// Round line ends (turns a dash pattern like "0 8" into dots).
        public var round: Bool
        public init(_ colour: String = "#000000", width: Double = 1, dash: String? = nil, round: Bool = false) {
            self.colour = colour
            self.width = width
            self.dash = dash
            self.round = round
        }
        var attributes: String {
            " stroke=\"\(colour)\" stroke-width=\"\(SVGCanvas.num(width))\""
                + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")
                + (round ? " stroke-linecap=\"round\"" : "")
        }
    }

    public mutating func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ stroke: Stroke, cap: Bool = false
    ) {
        body.append(
            "<line x1=\"\(Self.num(x1))\" y1=\"\(Self.num(y1))\" x2=\"\(Self.num(x2))\" y2=\"\(Self.num(y2))\"\(stroke.attributes)\(cap ? " stroke-linecap=\"round\"" : "")/>"
        )
    }

    public mutating func circle(_ cx: Double, _ cy: Double, _ r: Double, fill: String, stroke: Stroke? = nil) {
        body.append(
            "<circle cx=\"\(Self.num(cx))\" cy=\"\(Self.num(cy))\" r=\"\(Self.num(r))\" fill=\"\(fill)\"\(stroke?.attributes ?? "")/>"
        )
    }

    public mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: Stroke? = nil) {
        body.append(
            "<rect x=\"\(Self.num(x))\" y=\"\(Self.num(y))\" width=\"\(Self.num(w))\" height=\"\(Self.num(h))\" fill=\"\(fill)\"\(stroke?.attributes ?? "")/>"
        )
    }

    public mutating func polygon(_ points: [(Double, Double)], fill: String, stroke: Stroke? = nil) {
        let p = points.map { "\(Self.num($0.0)),\(Self.num($0.1))" }.joined(separator: " ")
        body.append("<polygon points=\"\(p)\" fill=\"\(fill)\"\(stroke?.attributes ?? "")/>")
    }

    public mutating func polyline(_ points: [(Double, Double)], _ stroke: Stroke) {
        let p = points.map { "\(Self.num($0.0)),\(Self.num($0.1))" }.joined(separator: " ")
        body.append("<polyline points=\"\(p)\" fill=\"none\"\(stroke.attributes) stroke-linejoin=\"round\"/>")
    }

    public mutating func path(_ d: String, fill: String, stroke: Stroke? = nil) {
        body.append("<path d=\"\(d)\" fill=\"\(fill)\"\(stroke?.attributes ?? "")/>")
    }

    /// Horizontal alignment of text.
    public enum Anchor: String, Sendable { case start, middle, end }

    /// One line of text (escaped).
    public mutating func text(
        _ x: Double, _ y: Double, _ s: String, size: Double = 15, anchor: Anchor = .start, bold: Bool = false,
        fill: String = "#000000", italic: Bool = false
    ) {
        var attrs = "x=\"\(Self.num(x))\" y=\"\(Self.num(y))\" font-size=\"\(Self.num(size))\""
        if anchor != .start { attrs += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { attrs += " font-weight=\"bold\"" }
        if italic { attrs += " font-style=\"italic\"" }
        if fill != "#000000" { attrs += " fill=\"\(fill)\"" }
        body.append("<text \(attrs)>\(Self.esc(s))</text>")
    }

    /// Several lines of text, the first baseline at `y`.
    public mutating func lines(
        _ x: Double, _ y: Double, _ ls: [String], size: Double = 15, anchor: Anchor = .start, bold: Bool = false,
        lineHeight: Double? = nil
    ) {
        let step = lineHeight ?? size * 1.25
        for (i, l) in ls.enumerated() { text(x, y + Double(i) * step, l, size: size, anchor: anchor, bold: bold) }
    }

    /// A comment-free group opening and closing, for structure.
    public mutating func raw(_ element: String) { body.append(element) }

    // MARK: Helpers

    /// A number with at most one decimal, no "-0", no exponent, independent of locale.
    public static func num(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let clamped = max(-1e9, min(1e9, v))
        let tenths = Int((clamped * 10).rounded())
        if tenths == 0 { return "0" }
        let sign = tenths < 0 ? "-" : ""
        let a = tenths.magnitude
        return a % 10 == 0 ? "\(sign)\(a / 10)" : "\(sign)\(a / 10).\(a % 10)"
    }

    /// Escapes text for XML content and attributes, and drops characters XML 1.0 forbids.
    public static func esc(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t", "\r": out += " "
            default:
                let v = u.value
                if v < 0x20 || (v >= 0xFFFE && v <= 0xFFFF) || (v >= 0xD800 && v <= 0xDFFF) { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Splits text into lines of at most `width` characters (long words are cut), at most
    /// `maxLines` lines, the last ending in "…" when text was left out.
    public static func wrap(_ s: String, width: Int, maxLines: Int = 3) -> [String] {
        let w = max(4, width)
        var lines: [String] = []
        var current = ""
        var words = s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
        var truncated = false
        while !words.isEmpty {
            var word = words.removeFirst()
            if word.count > w {
                words.insert(String(word.dropFirst(w)), at: 0)
                word = String(word.prefix(w))
            }
            if current.isEmpty {
                current = word
            } else if current.count + 1 + word.count <= w {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
            if lines.count == maxLines {
                truncated = true
                break
            }
        }
        if !truncated, !current.isEmpty { lines.append(current) }
        if lines.count > maxLines || truncated {
            lines = Array(lines.prefix(maxLines))
            truncated = true
        }
        if truncated, let last = lines.last {
            lines[lines.count - 1] = String(last.prefix(max(1, w - 1))) + "…"
        }
        return lines
    }

    /// The text cut to at most `width` characters, ending in "…" when cut.
    public static func clip(_ s: String, _ width: Int) -> String {
        let t = s.replacingOccurrences(of: "\n", with: " ")
        return t.count <= width ? t : String(t.prefix(max(1, width - 1))) + "…"
    }

    /// The point at `angle` degrees (0 = right, clockwise, as SVG's y grows downwards) and radius `r`.
    public static func polar(_ cx: Double, _ cy: Double, _ r: Double, _ angle: Double) -> (Double, Double) {
        let a = angle * Double.pi / 180
        return (cx + r * cos(a), cy + r * sin(a))
    }

    /// A pie wedge from the centre between two angles.
    public static func wedge(_ cx: Double, _ cy: Double, _ r: Double, from a0: Double, to a1: Double) -> String {
        let (x0, y0) = polar(cx, cy, r, a0)
        let (x1, y1) = polar(cx, cy, r, a1)
        let large = a1 - a0 > 180 ? 1 : 0
        return
            "M \(num(cx)) \(num(cy)) L \(num(x0)) \(num(y0)) A \(num(r)) \(num(r)) 0 \(large) 1 \(num(x1)) \(num(y1)) Z"
    }

    /// An arc (no centre) between two angles.
    public static func arc(_ cx: Double, _ cy: Double, _ r: Double, from a0: Double, to a1: Double) -> String {
        let (x0, y0) = polar(cx, cy, r, a0)
        let (x1, y1) = polar(cx, cy, r, a1)
        let large = a1 - a0 > 180 ? 1 : 0
        return "M \(num(x0)) \(num(y0)) A \(num(r)) \(num(r)) 0 \(large) 1 \(num(x1)) \(num(y1))"
    }
}
