import Foundation

/// The arenas of the network map (netværkskort), handbook ch. 5.
public enum Arena: String, Codable, Sendable, CaseIterable, Equatable {
    case family
    case relatives
    case friendsAndLeisure
    case schoolAndWork
    case professionals

    /// The Danish name the user sees.
    public var danish: String {
        switch self {
        case .family: return "familie"
        case .relatives: return "slægt"
        case .friendsAndLeisure: return "venner, naboer, fritid"
        case .schoolAndWork: return "institutioner, skole, klub, arbejde"
        case .professionals: return "professionelle"
        }
    }

    /// Short words a user can type (`--arena skole`).
    public static func parse(_ text: String) -> Arena? {
        switch text.lowercased() {
        case "familie", "family": return .family
        case "slaegt", "slægt", "relatives": return .relatives
        case "venner", "fritid", "naboer", "friendsandleisure": return .friendsAndLeisure
        case "skole", "arbejde", "klub", "institutioner", "schoolandwork": return .schoolAndWork
        case "professionelle", "professionals": return .professionals
        default: return nil
        }
    }
}

/// One person in the young person's network (netværksperson), placed in an arena.
public struct NetworkPerson: Codable, Sendable, Equatable {
    public var name: String
    /// The relation to the young person ("mor", "klasselærer", "ven").
    public var relation: String
    public var arena: Arena
    /// 1 is nearest the centre of the map, 3 furthest out.
    public var closeness: Int
    /// A parent holding custody (forældremyndighedsindehaver): consents and takes part under 18.
    public var custodyHolder: Bool
    public var whatIsGood: String?
    public var whatIsHard: String?
    /// Could support the young person.
    public var canSupport: Bool
    /// The postal or digital address letters go to (a custody holder's decision letter).
    public var address: String?

    public init(
        name: String, relation: String, arena: Arena, closeness: Int = 2, custodyHolder: Bool = false,
        whatIsGood: String? = nil, whatIsHard: String? = nil, canSupport: Bool = false, address: String? = nil
    ) {
        self.name = name
        self.relation = relation
        self.arena = arena
        self.closeness = closeness
        self.custodyHolder = custodyHolder
        self.whatIsGood = whatIsGood
        self.whatIsHard = whatIsHard
        self.canSupport = canSupport
        self.address = address
    }

    enum CodingKeys: String, CodingKey {
        case name, relation, arena, closeness, custodyHolder, whatIsGood, whatIsHard, canSupport, address
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        relation = try c.decodeIfPresent(String.self, forKey: .relation) ?? ""
        arena = try c.decode(Arena.self, forKey: .arena)
        closeness = try c.decodeIfPresent(Int.self, forKey: .closeness) ?? 2
        custodyHolder = try c.decodeIfPresent(Bool.self, forKey: .custodyHolder) ?? false
        whatIsGood = try c.decodeIfPresent(String.self, forKey: .whatIsGood)
        whatIsHard = try c.decodeIfPresent(String.self, forKey: .whatIsHard)
        canSupport = try c.decodeIfPresent(Bool.self, forKey: .canSupport) ?? false
        address = try c.decodeIfPresent(String.self, forKey: .address)
    }
}

/// The young person's network (netværk), drawn as a network map (netværkskort), handbook ch. 5.
public struct Network: Codable, Sendable, Equatable {
    public var people: [NetworkPerson]
    /// Conflicts between important people, as the young person describes them.
    public var conflicts: String?

    public init(people: [NetworkPerson] = [], conflicts: String? = nil) {
        self.people = people
        self.conflicts = conflicts
    }

    enum CodingKeys: String, CodingKey { case people, conflicts }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        people = try c.decodeIfPresent([NetworkPerson].self, forKey: .people) ?? []
        conflicts = try c.decodeIfPresent(String.self, forKey: .conflicts)
    }

    /// The custody holders among the network.
    public var custodyHolders: [NetworkPerson] { people.filter(\.custodyHolder) }

    /// The arenas that have at least one person.
    public var arenasInUse: Set<Arena> { Set(people.map(\.arena)) }
}
