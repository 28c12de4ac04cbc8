import Foundation

/// A case number (sagsnummer), e.g. `2026-0042`.
///
/// Case ids name the case files, so they carry nothing about the person and only safe characters:
/// letters, digits, `-` and `_`, 1 to 40 characters, starting with a letter or digit.
public struct CaseID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ text: String) {
        guard CaseID.isValid(text) else { return nil }
        rawValue = text
    }

    public static func isValid(_ text: String) -> Bool {
        func check<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
            var count = 0
            for b in bytes {
                let alnum = (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
                if count == 0 {
                    guard alnum else { return false }
                } else {
                    guard alnum || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") else { return false }
                }
                count += 1
                if count > 40 { return false }
            }
            return count >= 1
        }
        return text.utf8.withContiguousStorageIfAvailable(check) ?? check(text.utf8)
    }

    /// The id for the `sequence`th case created in `year`: `2026-0042`.
    public static func make(year: Int, sequence: Int) -> CaseID {
        CaseID(pad(year, 4) + "-" + pad(sequence, 4))!
    }

    public var description: String { rawValue }
    public static func < (a: CaseID, b: CaseID) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let id = CaseID(s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "ugyldigt sagsnummer")
        }
        self = id
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

/// Where a case stands, derived from its content (never stored by hand).
public enum CaseStatus: String, Codable, Sendable, CaseIterable, Equatable {
    /// Anonymous counselling (anonym rådgivning).
    case counselling
    /// Created, nothing registered yet.
    case new
    /// A notification is registered, no examination yet.
    case notified
    /// The examination is under way.
    case examining
    /// A plan exists.
    case planned
    /// A treatment plan exists.
    case inTreatment
    /// Closed.
    case closed

    /// The Danish word the user sees and filters by.
    public var danish: String {
        switch self {
        case .counselling: return "rådgivning"
        case .new: return "ny"
        case .notified: return "underrettet"
        case .examining: return "undersøgelse"
        case .planned: return "plan"
        case .inTreatment: return "behandling"
        case .closed: return "lukket"
        }
    }

    public static func parse(_ text: String) -> CaseStatus? {
        let t = text.lowercased()
        if t == "raadgivning" || t == "anonym" { return .counselling }
        if t == "undersoegelse" || t == "undersøg" { return .examining }
        return allCases.first { $0.danish == t || $0.rawValue.lowercased() == t }
    }
}

/// One young person's case (sag): the unit the store saves, one JSON file each.
/// A restricted case (beskyttet sag): who may see it. In the team store the database enforces it (only
/// the named users can open the case, and a municipality-wide lookup tells them when someone searched
/// for the young person); in a file store, which only its owner can read anyway, it is recorded and
/// shown, and goes along when the store is moved into the team store.
public struct CaseRestriction: Codable, Sendable, Equatable {
    /// The users (in the team store: database roles) who may see the case, sorted, the creator included.
    public var named: [String]

    public init(named: [String]) {
        self.named = Array(Set(named.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })).sorted()
    }
}

public struct CaseFile: Codable, Sendable, Equatable {
    /// The schema this code writes; older documents are migrated by the store.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var id: CaseID
    /// Increases by one on every save; a save names the revision it read (optimistic concurrency).
    public var revision: Int
    public var created: Date
    public var updated: Date
    /// The responsible caseworker (sagsbehandler), if known.
    public var caseworker: String?
    public var youngPerson: YoungPerson
    public var network: Network
    public var journal: [JournalEntry]
    public var concernReports: [ConcernReport]
    public var examination: Examination?
    /// Every saved version of the plan, oldest first.
    public var actionPlans: [ActionPlan]
    public var treatmentPlans: [TreatmentPlan]
    public var checklistAnswers: [ChecklistAnswer]
    public var toolRecords: [ToolRecord]
    public var deadlines: [Deadline]
    /// Set when the case is closed.
    public var closedDate: LocalDate?
    /// Why the case was closed (`unge luk --grund`).
    public var closedReason: String?
    /// Why the case was closed, as a recorded category (`unge luk --aarsag`); nil on cases closed
    /// before it was recorded (statistics then read the category from the reason's words).
    public var closedCategory: StatisticsComputation.ClosureCategory?
    /// The decisions (afgørelser) on the case, in the order they were recorded.
    public var decisions: [Decision]
    /// A free counter that tools and test harnesses may use (e.g. the concurrency harness).
    public var counter: Int
    /// The letters (breve), each recipient's numbered version, in the order they were saved.
    public var letters: [Letter]
    /// The conversations with the young person before decisions (børnesamtaler, BL § 5 stk. 3-4).
    public var decisionInterviews: [DecisionInterview]
    /// Every saved document version as it was rendered then, with its author and facts (issue 20
    /// item 3), in the order saved. Versions saved before this existed have none.
    public var documentRecords: [DocumentRecord] {
        get { storedRecords ?? [] }
        set { storedRecords = newValue.isEmpty ? nil : newValue }
    }
    /// Written only when there is a record, so a case from an earlier release is saved back unchanged.
    var storedRecords: [DocumentRecord]?
    /// Set when this case was merged into another case of the same young person (`unge saml`): the
    /// number stays as a pointer to that case, and its content lives there.
    public var mergedInto: CaseID?
    /// Set on a restricted case (beskyttet sag: the young person is staff, a staff member's relative,
    /// or a public figure): only the named users may see it. Set when the case is created.
    public var restriction: CaseRestriction?

    public init(
        id: CaseID, created: Date, youngPerson: YoungPerson, caseworker: String? = nil,
        network: Network = Network()
    ) {
        schemaVersion = CaseFile.currentSchemaVersion
        self.id = id
        revision = 0
        self.created = created
        updated = created
        self.caseworker = caseworker
        self.youngPerson = youngPerson
        self.network = network
        journal = []
        concernReports = []
        examination = nil
        actionPlans = []
        treatmentPlans = []
        checklistAnswers = []
        toolRecords = []
        deadlines = []
        closedDate = nil
        closedReason = nil
        closedCategory = nil
        decisions = []
        counter = 0
        letters = []
        decisionInterviews = []
        storedRecords = nil
        mergedInto = nil
        restriction = nil
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion, id, revision, created, updated, caseworker, youngPerson, network, journal
        case concernReports, examination, actionPlans, treatmentPlans, checklistAnswers, toolRecords
        case deadlines, closedDate, counter
        case closedReason, decisions, closedCategory
        case letters, decisionInterviews
        case storedRecords = "documentRecords"
        case mergedInto
        case restriction = "restricted"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        id = try c.decode(CaseID.self, forKey: .id)
        revision = try c.decode(Int.self, forKey: .revision)
        created = try c.decode(Date.self, forKey: .created)
        updated = try c.decodeIfPresent(Date.self, forKey: .updated) ?? created
        caseworker = try c.decodeIfPresent(String.self, forKey: .caseworker)
        youngPerson = try c.decode(YoungPerson.self, forKey: .youngPerson)
        network = try c.decodeIfPresent(Network.self, forKey: .network) ?? Network()
        journal = try c.decodeIfPresent([JournalEntry].self, forKey: .journal) ?? []
        concernReports = try c.decodeIfPresent([ConcernReport].self, forKey: .concernReports) ?? []
        examination = try c.decodeIfPresent(Examination.self, forKey: .examination)
        actionPlans = try c.decodeIfPresent([ActionPlan].self, forKey: .actionPlans) ?? []
        treatmentPlans = try c.decodeIfPresent([TreatmentPlan].self, forKey: .treatmentPlans) ?? []
        checklistAnswers = try c.decodeIfPresent([ChecklistAnswer].self, forKey: .checklistAnswers) ?? []
        toolRecords = try c.decodeIfPresent([ToolRecord].self, forKey: .toolRecords) ?? []
        deadlines = try c.decodeIfPresent([Deadline].self, forKey: .deadlines) ?? []
        closedDate = try c.decodeIfPresent(LocalDate.self, forKey: .closedDate)
        counter = try c.decodeIfPresent(Int.self, forKey: .counter) ?? 0
        closedReason = try c.decodeIfPresent(String.self, forKey: .closedReason)
        closedCategory = try c.decodeIfPresent(StatisticsComputation.ClosureCategory.self, forKey: .closedCategory)
        decisions = try c.decodeIfPresent([Decision].self, forKey: .decisions) ?? []
        letters = try c.decodeIfPresent([Letter].self, forKey: .letters) ?? []
        decisionInterviews = try c.decodeIfPresent([DecisionInterview].self, forKey: .decisionInterviews) ?? []
        storedRecords = try c.decodeIfPresent([DocumentRecord].self, forKey: .storedRecords)
        mergedInto = try c.decodeIfPresent(CaseID.self, forKey: .mergedInto)
        restriction = try c.decodeIfPresent(CaseRestriction.self, forKey: .restriction)
    }

    /// Where the case stands, from what it holds.
    public var status: CaseStatus {
        if closedDate != nil { return .closed }
        // In treatment only once treatment actually started: a treatment decision with an actual start
        // (never a planned one), or a treatment plan on a case without treatment decisions.
        let treatment = decisions.filter {
            ($0.kind.isMinorTreatment || $0.kind.isAdultTreatment || $0.kind == .alcoholTreatment) && $0.end == nil
        }
        if treatment.contains(where: { $0.actualStart != nil }) { return .inTreatment }
        if !treatmentPlans.isEmpty && treatment.isEmpty
            && !decisions.contains(where: { $0.kind.isMinorTreatment || $0.kind.isAdultTreatment })
        {
            return .inTreatment
        }
        if !actionPlans.isEmpty { return .planned }
        if examination != nil { return .examining }
        if !concernReports.isEmpty { return .notified }
        if youngPerson.anonymous { return .counselling }
        return .new
    }

    /// The deadlines and tasks still open: none on a closed case, else every one not yet met.
    /// The one definition that `vis`, `frister`, `liste` and the summary index all use.
    public var openDeadlines: [Deadline] {
        closedDate != nil ? [] : deadlines.filter { !$0.isSettled }
    }

    /// What `frister` reports of an open case: the open deadlines and tasks, and those met late
    /// (listed beside the overdue ones). The summary index holds exactly these.
    public func reportedDeadlines(timeZone: TimeZone = DanishTime.timeZone) -> [Deadline] {
        guard closedDate == nil else { return [] }
        return deadlines.filter { d in
            if !d.isSettled { return true }
            guard let met = d.metAt else { return false }
            return d.status(now: met, timeZone: timeZone).state == .metLate
        }
    }

    /// The earliest deadline not yet met; a task without a legal period (counting `.task`) only when
    /// nothing else is open.
    public var nextDeadline: Deadline? {
        let open = openDeadlines
        let timed = open.filter { $0.counting != .task }
        return (timed.isEmpty ? open : timed).min { a, b in
            (a.dueTime.map { $0.timeIntervalSince1970 } ?? Double(a.dueDate.dayNumber) * 86400)
                < (b.dueTime.map { $0.timeIntervalSince1970 } ?? Double(b.dueDate.dayNumber) * 86400)
        }
    }
}
