import Foundation
import Testing

@testable import UngeCore

/// The tool's one legal-reference table (`LegalReferences.all`) against LAW.md's "Mapping" table (the
/// handbook's serviceloven ↔ barnets lov), read from `../shared/domain/LAW.md` at test time: every row the
/// tool uses appears with the same paragraphs (and stk. where LAW.md names one) and the same confidence; a
/// LAW.md row the tool does not use is on a reviewed list with the reason, never silently skipped.
@Suite("Lovtabellen følger LAW.md's tabel serviceloven ↔ barnets lov")
struct LawMappingTableTests {
    static let lawFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/domain/LAW.md").standardized

    /// One row of LAW.md's mapping table.
    struct Row {
        let handbook: String
        let today: String
        let confidence: String
    }

    /// One paragraph reference: law, paragraph ("11 e"), stk. numbers and whether it stood in brackets.
    struct Ref: Hashable {
        let law: String
        let paragraph: String
        let stk: [Int]
        let bracketed: Bool
    }

    /// The rows of the section "## Mapping", in order.
    static func mappingRows() throws -> [Row] {
        let text = try String(contentsOf: lawFile, encoding: .utf8)
        guard let start = text.range(of: "\n## Mapping\n") else { return [] }
        var rows: [Row] = []
        var inTable = false
        for line in text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { break }
            guard line.hasPrefix("|") else {
                if inTable { break }
                continue
            }
            inTable = true
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 4, !cells[0].hasPrefix("---"), cells[0] != "handbook (SEL 2012)" else { continue }
            rows.append(Row(handbook: cells[0], today: cells[1], confidence: cells[3]))
        }
        return rows
    }

    /// Every paragraph named in a text: "BL §§ 113-117, 120", "§ 5 stk. 3-4", "retssikkerhedsloven § 11 e
    /// stk. 2", "SEL 2023 § 155 b stk. 1", "barnets lov § 46 (tidl. serviceloven § 52, stk. 3, nr. 7)". A
    /// § without a law's name belongs to the last law named, else to `defaultLaw`.
    static func refs(_ text: String, defaultLaw: String) -> [Ref] {
        let laws: [(String, String)] = [
            ("barnets lov", "barnets lov"), ("BL", "barnets lov"), ("serviceloven", "serviceloven"),
            ("SEL", "serviceloven"), ("retssikkerhedsloven", "retssikkerhedsloven"),
            ("sundhedsloven", "sundhedsloven"), ("SUL", "sundhedsloven"),
        ]
        let s = Array(text.replacingOccurrences(of: "**", with: ""))
        var out: [Ref] = []
        var law = defaultLaw
        var depth = 0
        var i = 0
        var pending: [(String, Bool)] = []  // paragraphs of the current § group, waiting for their stk.
        var lastWasParagraph = false
        func flush(stk: [Int] = []) {
            guard let last = pending.last else { return }
            for p in pending.dropLast() { out.append(Ref(law: law, paragraph: p.0, stk: [], bracketed: p.1)) }
            out.append(Ref(law: law, paragraph: last.0, stk: stk, bracketed: last.1))
            pending = []
        }
        func number(at j: Int) -> (String, Int)? {
            var k = j
            var digits = ""
            while k < s.count, s[k].isNumber {
                digits.append(s[k])
                k += 1
            }
            guard !digits.isEmpty else { return nil }
            // A letter paragraph: "§ 11 e", "§ 101 a", but not "§ 52 measures".
            if k + 1 < s.count, s[k] == " ", s[k + 1].isLowercase, s[k + 1].isLetter,
                k + 2 >= s.count || !s[k + 2].isLetter
            {
                return (digits + " " + String(s[k + 1]), k + 2)
            }
            return (digits, k)
        }
        func skipSpaces(_ j: Int) -> Int {
            var k = j
            while k < s.count, s[k] == " " { k += 1 }
            return k
        }
        func hasWord(_ w: String, at j: Int) -> Bool {
            let chars = Array(w)
            guard j + chars.count <= s.count, Array(s[j..<j + chars.count]) == chars else { return false }
            if j > 0, s[j - 1].isLetter { return false }
            return j + chars.count == s.count || !s[j + chars.count].isLetter
        }
        while i < s.count {
            if s[i] == "(" {
                flush()
                depth += 1
                i += 1
                lastWasParagraph = false
                continue
            }
            if s[i] == ")" {
                flush()
                depth = max(0, depth - 1)
                i += 1
                lastWasParagraph = false
                continue
            }
            if let (_, name) = laws.first(where: { hasWord($0.0, at: i) }) {
                flush()
                law = name
                i += laws.first { hasWord($0.0, at: i) }!.0.count
                lastWasParagraph = false
                continue
            }
            if s[i] == "§" {
                flush()
                var j = i + 1
                if j < s.count, s[j] == "§" { j += 1 }
                j = skipSpaces(j)
                guard let (first, after) = number(at: j) else {
                    i = j
                    continue
                }
                pending.append((first, depth > 0))
                j = after
                // "§§ 113-117", "§§ 1-2, § 5", "§§ 113-116 og 120", "§ 28, § 29"
                while true {
                    if j < s.count, s[j] == "-", let (to, after) = number(at: j + 1),
                        let a = Int(first.split(separator: " ")[0]), let b = Int(to), b > a
                    {
                        for n in (a + 1)...b { pending.append((String(n), depth > 0)) }
                        j = after
                        continue
                    }
                    var k = j
                    if k < s.count, s[k] == "," { k += 1 }
                    k = skipSpaces(k)
                    if hasWord("og", at: k) { k = skipSpaces(k + 2) }
                    if k < s.count, s[k] == "§" { k = skipSpaces(k + 1) }
                    if k != j, let (next, after) = number(at: k) {
                        pending.append((next, depth > 0))
                        j = after
                        continue
                    }
                    break
                }
                i = j
                lastWasParagraph = true
                continue
            }
            if hasWord("stk.", at: i) {
                var j = skipSpaces(i + 4)
                var stks: [Int] = []
                if let (a, after) = number(at: j), let x = Int(a) {
                    stks = [x]
                    j = after
                    if j < s.count, s[j] == "-", let (b, after2) = number(at: j + 1), let y = Int(b), y > x {
                        stks = Array(x...y)
                        j = after2
                    }
                }
                if lastWasParagraph || !pending.isEmpty {
                    flush(stk: stks)
                } else if let last = out.last {
                    // "(stk. 11 in 2023)": another stk. of the paragraph just named.
                    out.append(Ref(law: last.law, paragraph: last.paragraph, stk: stks, bracketed: depth > 0))
                }
                i = j
                lastWasParagraph = false
                continue
            }
            if s[i] == "," || s[i] == " " {
                i += 1
                continue
            }
            if hasWord("nr.", at: i) {
                // "stk. 3, nr. 7": the number after nr. is not a paragraph.
                i = skipSpaces(i + 3)
                while i < s.count, s[i].isNumber || s[i] == "-" { i += 1 }
                continue
            }
            flush()
            lastWasParagraph = false
            i += 1
        }
        flush()
        return out
    }

    /// Which of the tool's rules implement each LAW.md row, keyed by the start of the row's first cell.
    static let implementedBy: [(row: String, rules: [LegalRuleID])] = [
        ("§ 11 anonymous counselling", [.anonymousCounselling]),
        ("§ 46 purpose", [.purpose]),
        ("§ 48 child interview", [.childInterview, .childInterviewWaived]),
        ("§ 48 a bisidder", [.supportPerson]),
        ("§ 49 a SSD exchange", [.ssdExchange]),
        ("§ 50 child-welfare examination", [.examination, .preliminaryAssessment, .examinationDeadline]),
        ("§ 52 measures", [.measures]),
        ("§ 66 placement settings", [.placement, .placementWithConsent, .placementWithoutConsent]),
        ("§ 70 follow-up", [.followUp, .followUpFirst]),
        ("§ 68 stk. 12", [.youthSupportDecision, .youthSupportPlanRevised]),
        ("§ 76 aftercare", [.aftercare, .youthSupportConsent]),
        ("§ 101 drug treatment", [.drugTreatment, .treatmentStartMinor, .treatmentStartAdult, .anonymousTreatment]),
        ("(sundhedsloven § 141) alcohol", [.alcoholTreatment, .alcoholTreatmentStart]),
        (
            "§ 140 handleplan (under 18)",
            [
                .planUnder18, .barnetsPlan, .ungeplan, .barnetsPlanConsider, .barnetsPlanMandatory,
                .ungeplanConsider, .ungeplanMandatory, .ungeplanBeforeDecision,
            ]
        ),
        ("§ 141 handleplan (adults)", [.adultActionPlan, .adultActionPlanJudged, .adultActionPlanMustOffer]),
        ("§ 153 heightened duty", [.heightenedDuty]),
        ("§ 153 stk. 3 feedback", [.notifierFeedback, .notifierFeedbackDetails]),
        ("§ 154 general duty", [.generalDuty]),
        ("§ 155 receipt", [.receipt]),
        ("— (not in 2012; SEL 2023 § 155 stk. 2)", [.assessment24h]),
        ("— (SEL 2023 § 155 a)", [.reassessment]),
    ]

    /// Today's paragraphs a LAW.md row names that no rule of the tool cites, reviewed, with the reason.
    static let notCited: [String: String] = [
        "barnets lov § 43":
            "the placement settings: the tool records the setting as the placement's provider; the decision cites § 46/§ 47",
        "barnets lov § 110":
            "the helhedsorienteret plan is not a plan kind the tool makes (the ungeplan and barnets plan are)",
    ]

    static func row(_ key: String, in rows: [Row]) -> Row? { rows.first { $0.handbook.hasPrefix(key) } }

    @Test("LAW.md's tabel læses: alle rækker og kendte henvisninger")
    func parses() throws {
        let rows = try Self.mappingRows()
        #expect(rows.count >= 21)
        let aftercare = try #require(Self.row("§ 76 aftercare", in: rows))
        let today = Self.refs(aftercare.today, defaultLaw: "barnets lov").filter { !$0.bracketed }
        #expect(Set(today.map(\.paragraph)) == ["113", "114", "115", "116", "117", "120"])
        let ssd = Self.refs("retssikkerhedsloven § 11 e stk. 2", defaultLaw: "barnets lov")
        #expect(ssd == [Ref(law: "retssikkerhedsloven", paragraph: "11 e", stk: [2], bracketed: false)])
        let placement = Self.refs(
            "settings BL § 43; decision BL § 46 / § 47 (tidl. SEL § 52 stk. 3 nr. 7 / § 58)", defaultLaw: "x")
        #expect(placement.map(\.paragraph) == ["43", "46", "47", "52", "58"])
        #expect(placement.filter(\.bracketed).map(\.law) == ["serviceloven", "serviceloven"])
        #expect(Self.refs("barnets lov §§ 1-2 og 5", defaultLaw: "x").map(\.paragraph) == ["1", "2", "5"])
        #expect(Self.refs("BL § 5 stk. 3-4", defaultLaw: "x").map(\.stk) == [[3, 4]])
    }

    @Test("hver række i LAW.md's tabel er enten brugt af værktøjet eller gennemgået")
    func everyRowIsAccounted() throws {
        let rows = try Self.mappingRows()
        for r in rows {
            #expect(
                Self.implementedBy.contains { r.handbook.hasPrefix($0.row) },
                "LAW.md-rækken '\(r.handbook)' er ikke knyttet til en regel i LegalReferences")
        }
        for entry in Self.implementedBy {
            #expect(Self.row(entry.row, in: rows) != nil, "LAW.md har ikke længere rækken '\(entry.row)'")
        }
    }

    @Test("værktøjets paragraffer er LAW.md's: samme paragraffer, samme stk., samme sikkerhed")
    func sameParagraphs() throws {
        let rows = try Self.mappingRows()
        var problems: [String] = []
        for entry in Self.implementedBy {
            guard let row = Self.row(entry.row, in: rows) else { continue }
            // Today's paragraphs: the second cell; the earlier ones: the first cell and "tidl."/"SEL 2023" in both.
            let lawToday = Self.refs(row.today, defaultLaw: "barnets lov")
            let lawBefore =
                Self.refs(row.handbook, defaultLaw: "serviceloven")
                + lawToday.filter { $0.law == "serviceloven" || $0.law == "sundhedsloven" }
            let lawTodayNames = Set(lawToday.map { "\($0.law) § \($0.paragraph)" })
            let lawBeforeNames = Set(lawBefore.map { "\($0.law) § \($0.paragraph)" })
            var cited: [Ref] = []
            for id in entry.rules {
                let ref = LegalReferences.reference(id)
                // Same confidence as LAW.md's row (H, M or U).
                if ref.confidence.rawValue != row.confidence {
                    problems.append(
                        "\(id): sikkerhed \(ref.confidence.rawValue), LAW.md '\(row.handbook)' siger \(row.confidence)")
                }
                // The handbook's paragraph and its 2023 wordings are the row's earlier paragraphs.
                for text in [ref.handbook] + ref.history.map(\.paragraph) {
                    for r in Self.refs(text, defaultLaw: "serviceloven")
                    where !lawBeforeNames.contains("\(r.law) § \(r.paragraph)") {
                        problems.append(
                            "\(id): tidl. \(r.law) § \(r.paragraph) står ikke i LAW.md-rækken '\(row.handbook)'")
                    }
                }
                // "unchanged": the rule keeps its paragraph (no new one).
                if row.today.hasPrefix("unchanged") || row.today.contains("(unchanged)") {
                    if ref.current != nil {
                        problems.append("\(id): LAW.md siger uændret, men værktøjet citerer \(ref.current!)")
                    }
                }
                for text in [ref.current, ref.currentAdult].compactMap({ $0 }) {
                    for r in Self.refs(text, defaultLaw: "barnets lov") {
                        cited.append(r)
                        let name = "\(r.law) § \(r.paragraph)"
                        if !lawTodayNames.contains(name) && !lawBeforeNames.contains(name) {
                            problems.append("\(id): \(name) står ikke i LAW.md-rækken '\(row.handbook)' (\(row.today))")
                        }
                    }
                }
            }
            // Every paragraph LAW.md names for today (outside brackets) is cited by one of the row's rules, with
            // the stk. LAW.md names.
            for r in lawToday where !r.bracketed && r.law != "serviceloven" && r.law != "sundhedsloven" {
                let name = "\(r.law) § \(r.paragraph)"
                if Self.notCited[name] != nil { continue }
                let mine = cited.filter { $0.law == r.law && $0.paragraph == r.paragraph }
                if mine.isEmpty {
                    problems.append("LAW.md '\(row.handbook)': \(name) citeres ikke af \(entry.rules)")
                    continue
                }
                if !r.stk.isEmpty {
                    let stks = Set(mine.flatMap(\.stk))
                    if !mine.allSatisfy({ !$0.stk.isEmpty }) || stks != Set(r.stk) {
                        problems.append(
                            "LAW.md '\(row.handbook)': \(name), stk. \(r.stk) citeres som \(mine.map(\.stk)) af \(entry.rules)"
                        )
                    }
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}
