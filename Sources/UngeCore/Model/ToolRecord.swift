import Foundation

/// The dialogue, network and cooperation tools a case can record a use of (handbook ch. 4-6;
/// Væksthuset's catalogue). The raw value is the id stored in `ToolRecord.tool`.
public enum DialogueTool: String, Codable, Sendable, CaseIterable, Equatable {
    /// Livslinje: events along a period of life, rated up or down (ch. 4).
    case lifeline
    /// Livshjulet: life areas scored 1-10, now and wished.
    case lifeWheel
    /// Fordele/ulempe-skema or ambivalensskema: pros and cons of changing and of staying.
    case prosCons
    /// Forandringscirklen: the stage of change the young person is in (Prochaska).
    case stagesOfChange
    /// Bekymringsbuen: the concern arc, green to red (ch. 3, 6).
    case concernArc
    /// Netværksmøde: the young person, family and professionals with a neutral chair (ch. 5).
    case networkMeeting
    /// SSD-møde: exchange of information without consent, once, exceptionally twice (tidl. SEL § 49 a).
    case ssdMeeting
    /// SSP-møde: school, social services and police.
    case sspMeeting
    /// PPR: the educational-psychological advisory service.
    case pprMeeting
    /// Another professional dialogue tool.
    case dialogue

    /// The Danish name the user sees.
    public var danish: String {
        switch self {
        case .lifeline: return "livslinje"
        case .lifeWheel: return "livshjul"
        case .prosCons: return "fordele/ulempe-skema"
        case .stagesOfChange: return "forandringscirklen"
        case .concernArc: return "bekymringsbue"
        case .networkMeeting: return "netværksmøde"
        case .ssdMeeting: return "SSD-møde"
        case .sspMeeting: return "SSP-møde"
        case .pprMeeting: return "PPR-møde"
        case .dialogue: return "dialogredskab"
        }
    }

    /// The word a user types (`--type livslinje`): ASCII, no spaces.
    public var keyword: String {
        switch self {
        case .lifeline: return "livslinje"
        case .lifeWheel: return "livshjul"
        case .prosCons: return "fordele-ulemper"
        case .stagesOfChange: return "forandringscirkel"
        case .concernArc: return "bekymringsbue"
        case .networkMeeting: return "netvaerksmoede"
        case .ssdMeeting: return "ssd-moede"
        case .sspMeeting: return "ssp-moede"
        case .pprMeeting: return "ppr-moede"
        case .dialogue: return "dialog"
        }
    }

    /// Parses a keyword, the Danish name or the stored id.
    public static func parse(_ text: String) -> DialogueTool? {
        let t = text.lowercased()
        return allCases.first { $0.keyword == t || $0.danish.lowercased() == t || $0.rawValue.lowercased() == t }
            ?? (t == "ambivalensskema" ? .prosCons : nil)
            ?? (["forandringscirklen", "forandringsfase", "fase"].contains(t) ? .stagesOfChange : nil)
    }

    /// The Danish name for a stored id; an unknown id is shown as it is.
    public static func danishName(ofID id: String) -> String { DialogueTool(rawValue: id)?.danish ?? id }
}

/// A record made with one of the dialogue tools (livslinje, livshjul, fordele/ulempe-skema,
/// forandringscirklen, bekymringsbue, netværksmøde, SSD-møde), handbook ch. 4-6.
///
/// Each use is its own dated record; earlier records stay, so the history shows movement. The
/// content field that matches `tool` holds what the young person and the caseworker filled in;
/// records made before content was kept have only `summary`.
public struct ToolRecord: Codable, Sendable, Equatable {
    /// Which tool: a `DialogueTool` raw value (`lifeline`, `networkMeeting`, ...).
    public var tool: String
    public var date: LocalDate
    public var author: String?
    /// What came out of it: agreements, scores, turning points.
    public var summary: String?
    /// Livshjulet: the areas and their scores.
    public var lifeWheel: LifeWheel?
    /// Livslinje: the dated highs and lows.
    public var lifeline: Lifeline?
    /// Fordele/ulempe-skema: the four weighted lists.
    public var prosCons: ProsConsTable?
    /// Forandringscirklen: the stage on `date`.
    public var stage: StageOfChangeRecord?
    /// Bekymringsbuen: where the pointer is and what would move it (as in a notification).
    public var concernArc: ConcernArcPlacement?
    /// SSD-møde: who consented to the exchange of information at the meeting (retssikkerhedsloven
    /// § 11 e); nil when the information was exchanged without consent.
    public var consentGivenBy: String?

    public init(
        tool: String, date: LocalDate, author: String? = nil, summary: String? = nil,
        lifeWheel: LifeWheel? = nil, lifeline: Lifeline? = nil, prosCons: ProsConsTable? = nil,
        stage: StageOfChangeRecord? = nil, concernArc: ConcernArcPlacement? = nil, consentGivenBy: String? = nil
    ) {
        self.consentGivenBy = consentGivenBy
        self.tool = tool
        self.date = date
        self.author = author
        self.summary = summary
        self.lifeWheel = lifeWheel
        self.lifeline = lifeline
        self.prosCons = prosCons
        self.stage = stage
        self.concernArc = concernArc
    }

    enum CodingKeys: String, CodingKey {
        case tool, date, author, summary, lifeWheel, lifeline, prosCons, stage, concernArc, consentGivenBy
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tool = try c.decode(String.self, forKey: .tool)
        date = try c.decode(LocalDate.self, forKey: .date)
        author = try c.decodeIfPresent(String.self, forKey: .author)
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
        lifeWheel = try c.decodeIfPresent(LifeWheel.self, forKey: .lifeWheel)
        lifeline = try c.decodeIfPresent(Lifeline.self, forKey: .lifeline)
        prosCons = try c.decodeIfPresent(ProsConsTable.self, forKey: .prosCons)
        stage = try c.decodeIfPresent(StageOfChangeRecord.self, forKey: .stage)
        concernArc = try c.decodeIfPresent(ConcernArcPlacement.self, forKey: .concernArc)
        consentGivenBy = try c.decodeIfPresent(String.self, forKey: .consentGivenBy)
    }

    /// True when the record holds content beyond the summary.
    public var hasContent: Bool {
        lifeWheel != nil || lifeline != nil || prosCons != nil || stage != nil || concernArc != nil
    }
}

/// Rules about recorded tool uses.
public enum ToolRules {
    /// SSD: information about a specific young person may be exchanged without consent once at a
    /// meeting, and only exceptionally once more at a follow-up meeting (retssikkerhedsloven § 11 e,
    /// stk. 2, tidl. SEL § 49 a). Meetings held with consent do not count, and once a consent is
    /// recorded (on an SSD meeting, or among the examination's consents about SSD) on or after the
    /// third meeting without one, the advice has been followed and the warning stops.
    public static func findings(for records: [ToolRecord], consents: [Consent] = [], on date: LocalDate)
        -> [Finding]
    {
        let ssd = records.filter { $0.tool == DialogueTool.ssdMeeting.rawValue }
        let without = ssd.filter { ($0.consentGivenBy ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
            .map(\.date).sorted()
        guard without.count > 2 else { return [] }
        let consentDates =
            ssd.filter { !($0.consentGivenBy ?? "").trimmingCharacters(in: .whitespaces).isEmpty }.map(\.date)
            + consents.filter { $0.given && $0.about.lowercased().contains("ssd") }.map(\.date)
        if consentDates.contains(where: { $0 >= without[2] }) { return [] }
        return [
            Finding.make(
                "tool.ssdLimit", .warning,
                "Der er registreret \(without.count) SSD-møder uden samtykke om den unge. Uden samtykke må oplysninger kun udveksles på ét møde og undtagelsesvis ét opfølgende møde. Indhent samtykke (registrér det med --samtykke NAVN på næste SSD-møde), eller brug et andet forum.",
                legal: .ssdExchange, on: date)
        ]
    }

    /// The findings for a case's tools, with the examination's consents.
    public static func findings(for file: CaseFile, on date: LocalDate) -> [Finding] {
        findings(for: file.toolRecords, consents: file.examination?.consents ?? [], on: date)
    }
}
