import Foundation
import Testing

@testable import UngeCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads an SVG with Foundation's XML parser: is it well-formed, what is its `<title>`, and which
/// elements and attributes does it use.
final class SVGReader: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var attributes: Set<String> = []
    var title = ""
    var desc = ""
    private var inTitle = false
    private var inDesc = false

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes a: [String: String] = [:]
    ) {
        elements.append(name)
        attributes.formUnion(a.keys)
        inTitle = name == "title" && !elements.dropLast().contains("title")
        inDesc = name == "desc"
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "title" { inTitle = false }
        if name == "desc" { inDesc = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inTitle { title += string }
        if inDesc { desc += string }
    }

    /// Parses `svg`; nil when it is not well-formed XML.
    static func read(_ svg: String) -> SVGReader? {
        let reader = SVGReader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        return parser.parse() ? reader : nil
    }
}

@Suite("Tegninger (SVG)")
struct PictureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func fixtureCase(_ id: String) throws -> CaseFile {
        try UngeJSON.decoder().decode(
            CaseFile.self, from: Data(contentsOf: root.appendingPathComponent("Fixtures/lager/sager/\(id).json")))
    }

    /// Every picture the fixture cases can produce, with the title it must carry.
    static func allPictures() throws -> [(String, String, String)] {
        var out: [(String, String, String)] = []
        for id in ["2026-0001", "2026-0002", "2026-0004", "2026-0007"] {
            let file = try fixtureCase(id)
            out.append(
                (
                    "\(id) netværkskort", NetworkPicture.svg(for: file),
                    "Netværkskort for \(file.youngPerson.displayName)"
                ))
            for tool in ToolPictures.drawable {
                guard let svg = ToolPictures.svg(tool, for: file) else { continue }
                let last = ToolText.history(tool, in: file.toolRecords).last!
                let name: String
                switch tool {
                case .lifeWheel: name = "Livshjul"
                case .lifeline: name = "Livslinje"
                case .stagesOfChange: name = "Forandringscirklen"
                case .prosCons: name = "Fordele og ulemper"
                default: name = "Bekymringsbuen"
                }
                let when = tool == .stagesOfChange ? "til \(last.date.danishShort)" : last.date.danishShort
                out.append(("\(id) \(tool.keyword)", svg, "\(name) for \(file.youngPerson.displayName), \(when)"))
            }
        }
        return out
    }

    @Test("hver tegning er gyldig XML med <title> og <desc>, uden scripts og eksterne filer")
    func everySVGParses() throws {
        let pictures = try PictureTests.allPictures()
        // Malik has all five tools and the network; Jonas three tools; the anonymous case an empty map.
        #expect(pictures.count >= 10)
        for (label, svg, title) in pictures {
            guard let r = SVGReader.read(svg) else {
                Issue.record("\(label): ikke gyldig XML")
                continue
            }
            #expect(r.elements.first == "svg", "\(label)")
            #expect(r.title == title, "\(label)")
            #expect(!r.desc.isEmpty, "\(label)")
            #expect(
                !r.elements.contains("script") && !r.elements.contains("image")
                    && !r.elements.contains("foreignObject"), "\(label)")
            #expect(
                !r.attributes.contains("href") && !r.attributes.contains("xlink:href")
                    && !r.attributes.contains("onload"), "\(label)")
            #expect(!svg.contains("@import") && !svg.contains("url("), "\(label)")
            #expect(svg.contains("width=\"170mm\""), "\(label): A4-bredde")
        }
    }

    @Test("samme sag giver samme bytes")
    func deterministic() throws {
        let file = try PictureTests.fixtureCase("2026-0002")
        #expect(NetworkPicture.svg(for: file) == NetworkPicture.svg(for: file))
        for tool in ToolPictures.drawable {
            let a = ToolPictures.svg(tool, for: file)
            #expect(a != nil)
            #expect(a == ToolPictures.svg(tool, for: file))
        }
    }

    @Test("navne med <, & og anførselstegn bliver tekst, ikke markup")
    func escaping() throws {
        var file = try PictureTests.fixtureCase("2026-0001")
        file.youngPerson.name = "Emma <script>alert(1)</script> & \"Co\""
        file.network.people[0].name = "Mor </text><script>"
        file.network.people[0].relation = "mor\u{0001}"
        file.toolRecords = [
            ToolRecord(
                tool: "lifeWheel", date: LocalDate(year: 2026, month: 9, day: 1)!,
                lifeWheel: LifeWheel(areas: [LifeArea(name: "<b>", now: 5, words: "a & b")]))
        ]
        for svg in [NetworkPicture.svg(for: file), ToolPictures.svg(.lifeWheel, for: file)!] {
            let r = try #require(SVGReader.read(svg))
            #expect(!r.elements.contains("script"))
            #expect(!r.elements.contains("b"))
            #expect(r.title.contains("<script>"))
        }
    }

    @Test("livshjulet tegner de to seneste registreringer oven i hinanden")
    func wheelOverlay() throws {
        let file = try PictureTests.fixtureCase("2026-0004")
        let svg = try #require(ToolPictures.svg(.lifeWheel, for: file))
        #expect(svg.contains("forrige gang (03.03.2026)"))
        #expect(svg.contains("nu (02.06.2026)"))
        #expect(svg.contains("nu 6 · ønsket 8 · før 3"))
    }

    @Test("netværkskortet: forældremyndighed er en firkant, kan støtte og svært har eget mærke")
    func networkShapes() throws {
        let file = try PictureTests.fixtureCase("2026-0002")
        let svg = NetworkPicture.svg(for: file)
        // Two custody holders drawn as squares (plus the one in the legend).
        #expect(svg.components(separatedBy: "<rect x=").count - 1 >= 3)
        #expect(svg.contains("stroke-dasharray=\"4 3\""))
        #expect(svg.contains(">+</text>") && svg.contains(">!</text>"))
        #expect(svg.contains("1. Hanne Jensen (mor, nærhed 1) F +"))
    }

    @Test(
        "tal skrives ens uanset maskine",
        arguments: [(0.04, "0"), (-0.04, "0"), (12.0, "12"), (12.25, "12.3"), (-3.5, "-3.5"), (Double.nan, "0")])
    func numbers(_ v: Double, _ text: String) {
        #expect(SVGCanvas.num(v) == text)
    }

    @Test("lange tekster brydes og afkortes")
    func wrap() {
        #expect(
            SVGCanvas.wrap("Begyndte at ryge hash med storebror", width: 16) == [
                "Begyndte at ryge", "hash med", "storebror",
            ])
        #expect(SVGCanvas.wrap("a b c d e f g h", width: 4, maxLines: 2) == ["a b", "c d…"])
        #expect(SVGCanvas.wrap("", width: 10) == [])
    }

    @Test("behandlingsplanen i HTML viser det seneste livshjul; Markdown er uændret")
    func treatmentPlanWheel() throws {
        var file = try PlanFixtures.sofie()
        let plan = try PlanFixtures.sofiePlan()
        let t = try PlanFixtures.sofieTreatment()
        let without = TreatmentPlanDocument.build(t, plan: plan, in: file)
        file.toolRecords.append(
            ToolRecord(
                tool: "lifeWheel", date: LocalDate(year: 2026, month: 8, day: 20)!,
                lifeWheel: LifeWheel(areas: [LifeArea(name: "skole", now: 3, wished: 7)])))
        let with = TreatmentPlanDocument.build(t, plan: plan, in: file)
        #expect(MarkdownRenderer.render(with) == MarkdownRenderer.render(without))
        let html = HTMLRenderer.render(with)
        #expect(html.contains("<title id=\"livshjul-title\">Livshjul for Sofie Lund Madsen, 20.08.2026</title>"))
        #expect(html.contains("<figcaption>Livshjul fra 20.08.2026.</figcaption>"))
        let exam = ExaminationDocument.build(
            try #require(file.examination), in: file, on: LocalDate(year: 2026, month: 8, day: 10)!)
        #expect(
            HTMLRenderer.render(exam).contains(
                "<title id=\"netvaerkskort-title\">Netværkskort for Sofie Lund Madsen</title>"))
    }

    @Test("store mængder: 15 personer i én arena, 12 livsområder, 20 hændelser giver stadig gyldige tegninger")
    func crowded() throws {
        var file = try PictureTests.fixtureCase("2026-0001")
        file.network.people = (1...15).map {
            NetworkPerson(
                name: "Person \($0) Efternavn", relation: "ven nummer \($0)", arena: .friendsAndLeisure,
                closeness: 1 + $0 % 3, canSupport: $0 % 2 == 0)
        }
        let day = LocalDate(year: 2026, month: 9, day: 1)!
        file.toolRecords = [
            ToolRecord(
                tool: "lifeWheel", date: day,
                lifeWheel: LifeWheel(
                    areas: (1...12).map { LifeArea(name: "område \($0)", now: 1 + $0 % 10, wished: 10) })),
            ToolRecord(
                tool: "lifeline", date: day,
                lifeline: Lifeline(
                    events: (1...20).map {
                        LifeEvent(
                            date: day.adding(days: -$0 * 100), kind: $0 % 2 == 0 ? .high : .low,
                            text: String(repeating: "langt ord ", count: 8))
                    })),
        ]
        for svg in [
            NetworkPicture.svg(for: file), ToolPictures.svg(.lifeWheel, for: file)!,
            ToolPictures.svg(.lifeline, for: file)!,
        ] {
            let r = try #require(SVGReader.read(svg))
            #expect(r.title.hasSuffix("Emma Nørgaard Friis") || r.title.contains("Emma Nørgaard Friis, 01.09.2026"))
        }
        let map = NetworkPicture.svg(for: file)
        #expect(map.contains("5. Person 15 Efternavn (ven nummer 15, nærhed 1)"))
        #expect(map.contains(">15. Person"))
    }
}
