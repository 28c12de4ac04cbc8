import Foundation

/// One area of life on the life wheel (livshjulet), named by the young person, scored 1-10 for how
/// it is now and, if they say, for how they wish it to be (Væksthuset, seed 004).
public struct LifeArea: Codable, Sendable, Equatable {
    public var name: String
    /// 1-10: how the area is now.
    public var now: Int
    /// 1-10: how the young person would like it to be.
    public var wished: Int?
    /// The young person's own words about the area.
    public var words: String?

    public init(name: String, now: Int, wished: Int? = nil, words: String? = nil) {
        self.name = name
        self.now = now
        self.wished = wished
        self.words = words
    }
}

/// Livshjulet: the life areas the young person names, each scored now and wished.
public struct LifeWheel: Codable, Sendable, Equatable {
    public var areas: [LifeArea]

    public init(areas: [LifeArea] = []) { self.areas = areas }

    /// Væksthuset's examples of areas; the young person may name others.
    public static let suggestedAreas = [
        "kærlighed", "bolig", "fritid", "venner", "økonomi", "familie", "skole", "arbejde", "helbred",
    ]
}

/// Whether an event on the lifeline was a high (things went well) or a low.
public enum LifeEventKind: String, Codable, Sendable, Equatable, CaseIterable {
    case high
    case low

    /// The Danish word the user sees.
    public var danish: String { self == .high ? "højdepunkt" : "lavpunkt" }

    /// Accepts op/ned, høj/lav, højdepunkt/lavpunkt and the code names.
    public static func parse(_ text: String) -> LifeEventKind? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "op", "høj", "hoej", "højdepunkt", "hoejdepunkt", "high", "+": return .high
        case "ned", "lav", "lavpunkt", "low", "-": return .low
        default: return nil
        }
    }
}

/// One dated event on the lifeline (livslinje).
public struct LifeEvent: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var kind: LifeEventKind
    public var text: String

    public init(date: LocalDate, kind: LifeEventKind, text: String) {
        self.date = date
        self.kind = kind
        self.text = text
    }
}

/// Livslinje: events along a period of the young person's life, highs and lows.
public struct Lifeline: Codable, Sendable, Equatable {
    /// Oldest first.
    public var events: [LifeEvent]

    public init(events: [LifeEvent] = []) { self.events = events }
}

/// One point in a pros-and-cons table, weighted by the young person.
public struct ProsConsItem: Codable, Sendable, Equatable {
    public var text: String
    /// 1-10: how important the point is.
    public var importance: Int
    /// 1-10: how likely it is to happen (optional, Væksthuset's second scale).
    public var likelihood: Int?

    public init(text: String, importance: Int, likelihood: Int? = nil) {
        self.text = text
        self.importance = importance
        self.likelihood = likelihood
    }
}

/// The four cells of the pros-and-cons table (fordele/ulempe-skema, ambivalensskema).
public enum ProsConsCell: String, Codable, Sendable, Equatable, CaseIterable {
    case changePros
    case changeCons
    case statusQuoPros
    case statusQuoCons

    /// The Danish label of the cell.
    public var danish: String {
        switch self {
        case .changePros: return "fordele ved at forandre"
        case .changeCons: return "ulemper ved at forandre"
        case .statusQuoPros: return "fordele ved at fortsætte som nu"
        case .statusQuoCons: return "ulemper ved at fortsætte som nu"
        }
    }

    /// The flag that adds a point to the cell.
    public var flag: String {
        switch self {
        case .changePros: return "--fordel-forandring"
        case .changeCons: return "--ulempe-forandring"
        case .statusQuoPros: return "--fordel-fortsaet"
        case .statusQuoCons: return "--ulempe-fortsaet"
        }
    }
}

/// Fordele/ulempe-skema: the pros and cons of changing and of going on as now.
public struct ProsConsTable: Codable, Sendable, Equatable {
    /// The change in question ("holde op med at ryge hash").
    public var topic: String?
    public var changePros: [ProsConsItem]
    public var changeCons: [ProsConsItem]
    public var statusQuoPros: [ProsConsItem]
    public var statusQuoCons: [ProsConsItem]

    public init(
        topic: String? = nil, changePros: [ProsConsItem] = [], changeCons: [ProsConsItem] = [],
        statusQuoPros: [ProsConsItem] = [], statusQuoCons: [ProsConsItem] = []
    ) {
        self.topic = topic
        self.changePros = changePros
        self.changeCons = changeCons
        self.statusQuoPros = statusQuoPros
        self.statusQuoCons = statusQuoCons
    }

    enum CodingKeys: String, CodingKey { case topic, changePros, changeCons, statusQuoPros, statusQuoCons }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        topic = try c.decodeIfPresent(String.self, forKey: .topic)
        changePros = try c.decodeIfPresent([ProsConsItem].self, forKey: .changePros) ?? []
        changeCons = try c.decodeIfPresent([ProsConsItem].self, forKey: .changeCons) ?? []
        statusQuoPros = try c.decodeIfPresent([ProsConsItem].self, forKey: .statusQuoPros) ?? []
        statusQuoCons = try c.decodeIfPresent([ProsConsItem].self, forKey: .statusQuoCons) ?? []
    }

    public func items(_ cell: ProsConsCell) -> [ProsConsItem] {
        switch cell {
        case .changePros: return changePros
        case .changeCons: return changeCons
        case .statusQuoPros: return statusQuoPros
        case .statusQuoCons: return statusQuoCons
        }
    }

    public mutating func append(_ item: ProsConsItem, to cell: ProsConsCell) {
        switch cell {
        case .changePros: changePros.append(item)
        case .changeCons: changeCons.append(item)
        case .statusQuoPros: statusQuoPros.append(item)
        case .statusQuoCons: statusQuoCons.append(item)
        }
    }

    /// The sum of the importance weights in a cell.
    /// Each weight counts at most 10 (a hand-edited file cannot overflow the sum).
    public func weight(_ cell: ProsConsCell) -> Int { items(cell).reduce(0) { $0 + min(max($1.importance, 0), 10) } }

    public var isEmpty: Bool { ProsConsCell.allCases.allSatisfy { items($0).isEmpty } }
}

/// Where the young person is in the stages of change on the record's date, and whether they came
/// there by a relapse (tilbagefald), which is possible in every stage.
public struct StageOfChangeRecord: Codable, Sendable, Equatable {
    /// One of the six stages (never `.relapse`: a relapse is marked with `relapse`).
    public var stage: StageOfChange
    public var relapse: Bool
    /// What the caseworker and the young person noticed.
    public var note: String?

    public init(stage: StageOfChange, relapse: Bool = false, note: String? = nil) {
        self.stage = stage
        self.relapse = relapse
        self.note = note
    }

    enum CodingKeys: String, CodingKey { case stage, relapse, note }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        stage = try c.decode(StageOfChange.self, forKey: .stage)
        relapse = try c.decodeIfPresent(Bool.self, forKey: .relapse) ?? false
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}

extension StageOfChange {
    /// The six stages in the circle's order (relapse is a movement, not a stage).
    public static let sixStages: [StageOfChange] = [
        .precontemplation, .contemplation, .preparation, .action, .maintenance, .exit,
    ]

    /// The word a user types (`--fase overvejelse`): ASCII.
    public var keyword: String {
        switch self {
        case .precontemplation: return "foerovervejelse"
        case .contemplation: return "overvejelse"
        case .preparation: return "forberedelse"
        case .action: return "handling"
        case .maintenance: return "vedligeholdelse"
        case .exit: return "afslutning"
        case .relapse: return "tilbagefald"
        }
    }

    /// Parses one of the six stages: the keyword, the Danish name, Væksthuset's names
    /// ("før-overvejelse", "planlægning") or the code name. Relapse is not a stage: nil.
    public static func parseStage(_ text: String) -> StageOfChange? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "-", with: "").replacingOccurrences(of: " ", with: "")
        let aliases: [String: StageOfChange] = [
            "førovervejelse": .precontemplation, "foerovervejelse": .precontemplation,
            "forovervejelse": .precontemplation,
            "planlægning": .preparation, "planlaegning": .preparation, "forberedelse": .preparation,
        ]
        if let s = aliases[t] { return s }
        return sixStages.first { $0.keyword == t || $0.danish == t || $0.rawValue.lowercased() == t }
    }
}
