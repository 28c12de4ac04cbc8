import Foundation

/// The person who sends a notification (underretter, fagperson), handbook ch. 3.
///
/// A professional in public service has the heightened duty to notify (skærpet underretningspligt,
/// BL § 133, tidl. SEL § 153) and is entitled to a receipt (BL § 138, tidl. SEL § 155 b); anyone else
/// has the general duty (BL § 135, tidl. SEL § 154).
public struct Reporter: Codable, Sendable, Equatable {
    public var name: String
    /// The notifier's role, e.g. "lærer", "klubpædagog", "SSP-medarbejder".
    public var role: String?
    /// Workplace or organisation (arbejdssted).
    public var organisation: String?
    /// Phone or e-mail, so the municipality can send the receipt and ask questions.
    public var contact: String?
    /// True for a professional in public service (heightened duty), false for a private person.
    public var isProfessional: Bool
    /// True when the notifier asked to stay anonymous (then there is no name and no receipt).
    public var anonymous: Bool

    public init(
        name: String, role: String? = nil, organisation: String? = nil, contact: String? = nil,
        isProfessional: Bool = true, anonymous: Bool = false
    ) {
        self.name = name
        self.role = role
        self.organisation = organisation
        self.contact = contact
        self.isProfessional = isProfessional
        self.anonymous = anonymous
    }

    enum CodingKeys: String, CodingKey { case name, role, organisation, contact, isProfessional, anonymous }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        role = try c.decodeIfPresent(String.self, forKey: .role)
        organisation = try c.decodeIfPresent(String.self, forKey: .organisation)
        contact = try c.decodeIfPresent(String.self, forKey: .contact)
        isProfessional = try c.decodeIfPresent(Bool.self, forKey: .isProfessional) ?? true
        anonymous = try c.decodeIfPresent(Bool.self, forKey: .anonymous) ?? false
    }

    /// The duty this notifier acts under: heightened for professionals, general otherwise.
    public var duty: LegalRuleID { isProfessional ? .heightenedDuty : .generalDuty }
}

/// Whether one custody holder (forældremyndighedsindehaver) was told about the notification, and
/// why not when not (handbook ch. 3, Før du underretter).
public struct CustodyNotice: Codable, Sendable, Equatable {
    public var name: String
    public var informed: Bool
    /// Required when not informed.
    public var reason: String?
    /// The day this custody holder was told (when informed and known).
    public var date: LocalDate?

    public init(name: String, informed: Bool, reason: String? = nil, date: LocalDate? = nil) {
        self.name = name
        self.informed = informed
        self.reason = reason
        self.date = date
    }

    /// "mor (Hanne Jensen) orienteret 01.12.2026" or "far (Omar Hassan) ikke orienteret: <begrundelse>";
    /// `relation` from the network map when the name is on it.
    public func line(relation: String?) -> String {
        let rel = relation?.trimmingCharacters(in: .whitespaces) ?? ""
        let who = rel.isEmpty || rel == "forældremyndighed" ? name : "\(rel) (\(name))"
        if informed { return who + " orienteret" + (date.map { " \($0.danishShort)" } ?? " (datoen er ikke oplyst)") }
        let why = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return who + " ikke orienteret: " + (why.isEmpty ? "ingen begrundelse" : why)
    }
}

/// The orientation of the custody holders about a notification, person by person (issue 20 item 6):
/// "mor (Hanne Jensen) orienteret 01.12.2026; far (Omar Hassan) ikke orienteret: <begrundelse>".
public enum CustodyOrientation {
    /// The line for `report`, or nil when the custody holders were not asked about one by one.
    public static func text(_ report: ConcernReport, network: Network?) -> String? {
        guard !report.custodyNotices.isEmpty else { return nil }
        return report.custodyNotices.map { n in
            n.line(relation: network?.people.first { $0.name == n.name }?.relation)
        }.joined(separator: "; ")
    }

    /// True when someone was not told and no reason says why.
    public static func missingReason(_ report: ConcernReport) -> Bool {
        report.custodyNotices.contains {
            !$0.informed && ($0.reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "").isEmpty
        }
    }
}

/// A place on the concern arc (bekymringsbuen: grøn / orange / rød), handbook ch. 4-6.
public enum ConcernLevel: String, Codable, Sendable, Equatable, CaseIterable {
    /// Mild concern.
    case green
    /// Growing concern.
    case orange
    /// Serious concern.
    case red

    /// The Danish colour word.
    public var danish: String {
        switch self {
        case .green: return "grøn"
        case .orange: return "orange"
        case .red: return "rød"
        }
    }

    /// What the colour means, in Danish.
    public var meaning: String {
        switch self {
        case .green: return "let bekymring"
        case .orange: return "voksende bekymring"
        case .red: return "alvorlig bekymring"
        }
    }

    /// In JSON too the Danish words are accepted ("rød", "orange", "grøn"); written as the code names.
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let level = ConcernLevel.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: c, debugDescription: "'\(text)' er ikke et niveau på bekymringsbuen. Skriv grøn, orange eller rød.")
        }
        self = level
    }

    /// Accepts the Danish words (with or without æøå) and the code names.
    public static func parse(_ text: String) -> ConcernLevel? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "grøn", "groen", "gron", "green": return .green
        case "orange": return .orange
        case "rød", "roed", "rod", "red": return .red
        default: return nil
        }
    }
}

/// Where the notifier places the concern on the concern arc, and what would move it.
public struct ConcernArcPlacement: Codable, Sendable, Equatable {
    public var level: ConcernLevel
    /// What would move the pointer towards red.
    public var raiseIf: String?
    /// What would move the pointer towards green.
    public var lowerIf: String?

    public init(level: ConcernLevel, raiseIf: String? = nil, lowerIf: String? = nil) {
        self.level = level
        self.raiseIf = raiseIf
        self.lowerIf = lowerIf
    }
}

/// A notification of concern to the municipality (underretning), handbook ch. 3; BL §§ 133-138
/// (tidl. SEL §§ 153-155 b).
///
/// The five content sections follow the handbook's list of what a good notification holds. There
/// are no formal requirements in law; the tool asks for the description of the young person's
/// situation and for how the parents were involved.
public struct ConcernReport: Codable, Sendable, Equatable {
    /// 1, 2, ... within the case.
    public var number: Int
    /// When the municipality received it; the 24-hour and 6-working-day deadlines run from here.
    public var received: Date
    /// How it reached the municipality (telefon, brev, e-mail ...), when a caseworker registered it.
    public var receivedVia: String?
    /// Each custody holder told or not, when they were asked about one by one.
    public var custodyNotices: [CustodyNotice]
    public var reporter: Reporter
    /// The young person's physical, mental and social situation, resources and difficulties.
    public var situation: String
    /// Cooperation with the parents.
    public var parentCooperation: String?
    /// The young person's attendance (school, education, work, club).
    public var attendance: String?
    /// The notifier's relation to the young person.
    public var relation: String?
    /// Other important information.
    public var otherInformation: String?
    /// True when the parents (custody holders) were told before the notification was sent.
    public var parentsInformed: Bool
    /// The parents' comments and reactions, when they were told.
    public var parentsComments: String?
    /// Why the notification is sent without the parents' knowledge (required when not told).
    public var notInformedReason: String?
    /// True when the young person was told.
    public var youngPersonInformed: Bool
    /// The young person's own comments.
    public var youngPersonComments: String?
    /// The notifier's place on the concern arc, if given.
    public var concernArc: ConcernArcPlacement?
    /// Ids of the deadlines computed for this notification (in `CaseFile.deadlines`).
    public var deadlineIDs: [String]
    /// What the notification is mainly about (bekymringsområde), recorded for the DST notification
    /// statistics; nil on notifications registered before it was asked.
    public var reason: NotificationReason?

    public init(
        number: Int, received: Date, reporter: Reporter = Reporter(name: ""), situation: String = "",
        parentCooperation: String? = nil, attendance: String? = nil, relation: String? = nil,
        otherInformation: String? = nil, parentsInformed: Bool = false, parentsComments: String? = nil,
        notInformedReason: String? = nil, youngPersonInformed: Bool = false,
        youngPersonComments: String? = nil, concernArc: ConcernArcPlacement? = nil, deadlineIDs: [String] = [],
        receivedVia: String? = nil, custodyNotices: [CustodyNotice] = [], reason: NotificationReason? = nil
    ) {
        self.reason = reason
        self.number = number
        self.received = received
        self.receivedVia = receivedVia
        self.custodyNotices = custodyNotices
        self.reporter = reporter
        self.situation = situation
        self.parentCooperation = parentCooperation
        self.attendance = attendance
        self.relation = relation
        self.otherInformation = otherInformation
        self.parentsInformed = parentsInformed
        self.parentsComments = parentsComments
        self.notInformedReason = notInformedReason
        self.youngPersonInformed = youngPersonInformed
        self.youngPersonComments = youngPersonComments
        self.concernArc = concernArc
        self.deadlineIDs = deadlineIDs
    }

    enum CodingKeys: String, CodingKey {
        case number, received, reporter, situation, parentCooperation, attendance, relation
        case otherInformation, parentsInformed, parentsComments, notInformedReason, youngPersonInformed
        case youngPersonComments, concernArc, deadlineIDs, receivedVia, custodyNotices, reason
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        number = try c.decode(Int.self, forKey: .number)
        received = try c.decode(Date.self, forKey: .received)
        reporter = try c.decodeIfPresent(Reporter.self, forKey: .reporter) ?? Reporter(name: "")
        situation = try c.decodeIfPresent(String.self, forKey: .situation) ?? ""
        parentCooperation = try c.decodeIfPresent(String.self, forKey: .parentCooperation)
        attendance = try c.decodeIfPresent(String.self, forKey: .attendance)
        relation = try c.decodeIfPresent(String.self, forKey: .relation)
        otherInformation = try c.decodeIfPresent(String.self, forKey: .otherInformation)
        parentsInformed = try c.decodeIfPresent(Bool.self, forKey: .parentsInformed) ?? false
        parentsComments = try c.decodeIfPresent(String.self, forKey: .parentsComments)
        notInformedReason = try c.decodeIfPresent(String.self, forKey: .notInformedReason)
        youngPersonInformed = try c.decodeIfPresent(Bool.self, forKey: .youngPersonInformed) ?? false
        youngPersonComments = try c.decodeIfPresent(String.self, forKey: .youngPersonComments)
        concernArc = try c.decodeIfPresent(ConcernArcPlacement.self, forKey: .concernArc)
        deadlineIDs = try c.decodeIfPresent([String].self, forKey: .deadlineIDs) ?? []
        receivedVia = try c.decodeIfPresent(String.self, forKey: .receivedVia)
        custodyNotices = try c.decodeIfPresent([CustodyNotice].self, forKey: .custodyNotices) ?? []
        reason = try c.decodeIfPresent(NotificationReason.self, forKey: .reason)
    }
}
