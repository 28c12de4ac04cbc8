import Foundation

/// What a letter (brev) is: a decision letter, a hearing, or a receipt or orientation to a notifier.
public enum LetterKind: String, Codable, Sendable, Equatable, CaseIterable {
    /// Afgørelsesbrev: the decision with its reasons and appeal guidance (forvaltningsloven §§ 22-25).
    case decision
    /// Partshøring before a decision (forvaltningsloven § 19).
    case hearing
    /// Kvittering to a notifier (barnets lov § 138 stk. 1).
    case receipt
    /// Orientering to a § 133 notifier (barnets lov § 138 stk. 2-3).
    case feedback

    /// The word the user types (`--type`).
    public var token: String {
        switch self {
        case .decision: return "afgoerelse"
        case .hearing: return "partshoering"
        case .receipt: return "kvittering"
        case .feedback: return "orientering"
        }
    }

    /// The Danish name lists show.
    public var danish: String {
        switch self {
        case .decision: return "Afgørelse"
        case .hearing: return "Partshøring"
        case .receipt: return "Kvittering"
        case .feedback: return "Orientering"
        }
    }

    public static func parse(_ text: String) -> LetterKind? {
        let t = text.lowercased().replacingOccurrences(of: "ø", with: "oe").replacingOccurrences(of: "å", with: "aa")
        return allCases.first { $0.token == t || $0.rawValue.lowercased() == t }
    }
}

/// The role a recipient has in the case.
public enum RecipientRole: String, Codable, Sendable, Equatable {
    /// Den unge.
    case youngPerson
    /// Forældremyndighedsindehaver.
    case custodyHolder
    /// Underretteren.
    case notifier

    public var danish: String {
        switch self {
        case .youngPerson: return "den unge"
        case .custodyHolder: return "forældremyndighedsindehaver"
        case .notifier: return "underretter"
        }
    }
}

/// Who a letter goes to, as the case held it on the letter's date.
public struct LetterRecipient: Codable, Sendable, Equatable {
    public var name: String
    public var role: RecipientRole
    /// The postal or digital address; nil when the case holds none ("MANGLER ADRESSE").
    public var address: String?

    public init(name: String, role: RecipientRole, address: String? = nil) {
        self.name = name
        self.role = role
        self.address = address
    }

    /// True when the recipient can be reached.
    public var hasAddress: Bool { !(address ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
}

/// How a letter went out (`--kanal`). Sending itself is the municipality's Digital Post or archive
/// system's job; `unge` records that and when it happened.
public enum SendChannel: String, Codable, Sendable, Equatable, CaseIterable {
    case digitalPost
    case post
    case inPerson
    case email

    public var token: String {
        switch self {
        case .digitalPost: return "digital-post"
        case .post: return "brev"
        case .inPerson: return "personligt"
        case .email: return "e-mail"
        }
    }

    public var danish: String {
        switch self {
        case .digitalPost: return "Digital Post"
        case .post: return "brev med posten"
        case .inPerson: return "udleveret personligt"
        case .email: return "e-mail"
        }
    }

    public static func parse(_ text: String) -> SendChannel? {
        let t = text.lowercased()
        if t == "email" || t == "mail" { return .email }
        if t == "digitalpost" || t == "e-boks" || t == "eboks" { return .digitalPost }
        return allCases.first { $0.token == t || $0.rawValue.lowercased() == t }
    }
}

/// When and how a letter was sent, and who recorded it.
public struct LetterSending: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var channel: SendChannel
    public var by: String
    public var recorded: Date

    public init(date: LocalDate, channel: SendChannel, by: String, recorded: Date) {
        self.date = date
        self.channel = channel
        self.by = by
        self.recorded = recorded
    }
}

/// The party's answer to a hearing, or its absence (`text` nil: no answer by the time limit).
public struct HearingReply: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var text: String?
    public var by: String
    public var recorded: Date

    public init(date: LocalDate, text: String?, by: String, recorded: Date) {
        self.date = date
        self.text = text
        self.by = by
        self.recorded = recorded
    }
}

/// A saved letter (brev): one recipient's numbered version, its content fixed when saved, so a
/// reprint gives the same letter whatever changes later in the case or the settings.
public struct Letter: Codable, Sendable, Equatable {
    /// `B1`, `B2`, ... within the case.
    public var id: String
    public var kind: LetterKind
    /// The date the letter carries.
    public var date: LocalDate
    public var author: String
    public var recorded: Date
    public var recipient: LetterRecipient
    /// A decision letter: the decision (`A1`) it tells of.
    public var decisionID: String?
    /// A receipt or orientation: the notification's number.
    public var reportNumber: Int?
    /// A hearing: the time limit for comments (the tool's own policy: fvl § 19 lets the authority set one).
    public var hearingDeadline: LocalDate?
    /// A decision letter: the hearings (letter ids) it rests on.
    public var hearingIDs: [String]
    /// A decision letter: true when this recipient got everything asked for (no reasons or guidance).
    public var fullyGranted: Bool
    /// The letter as it reads, fixed at save.
    public var content: LetterContent
    public var sending: LetterSending?
    /// A hearing: the answer, or its recorded absence.
    public var reply: HearingReply?

    public init(
        id: String, kind: LetterKind, date: LocalDate, author: String, recorded: Date, recipient: LetterRecipient,
        content: LetterContent, decisionID: String? = nil, reportNumber: Int? = nil, hearingDeadline: LocalDate? = nil,
        hearingIDs: [String] = [], fullyGranted: Bool = false, sending: LetterSending? = nil, reply: HearingReply? = nil
    ) {
        self.id = id
        self.kind = kind
        self.date = date
        self.author = author
        self.recorded = recorded
        self.recipient = recipient
        self.content = content
        self.decisionID = decisionID
        self.reportNumber = reportNumber
        self.hearingDeadline = hearingDeadline
        self.hearingIDs = hearingIDs
        self.fullyGranted = fullyGranted
        self.sending = sending
        self.reply = reply
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, date, author, recorded, recipient, decisionID, reportNumber, hearingDeadline, hearingIDs
        case fullyGranted, content, sending, reply
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(LetterKind.self, forKey: .kind)
        date = try c.decode(LocalDate.self, forKey: .date)
        author = try c.decodeIfPresent(String.self, forKey: .author) ?? ""
        recorded = try c.decodeIfPresent(Date.self, forKey: .recorded) ?? Date(timeIntervalSince1970: 0)
        recipient = try c.decode(LetterRecipient.self, forKey: .recipient)
        decisionID = try c.decodeIfPresent(String.self, forKey: .decisionID)
        reportNumber = try c.decodeIfPresent(Int.self, forKey: .reportNumber)
        hearingDeadline = try c.decodeIfPresent(LocalDate.self, forKey: .hearingDeadline)
        hearingIDs = try c.decodeIfPresent([String].self, forKey: .hearingIDs) ?? []
        fullyGranted = try c.decodeIfPresent(Bool.self, forKey: .fullyGranted) ?? false
        content = try c.decode(LetterContent.self, forKey: .content)
        sending = try c.decodeIfPresent(LetterSending.self, forKey: .sending)
        reply = try c.decodeIfPresent(HearingReply.self, forKey: .reply)
    }

    /// A hearing whose time limit has not passed on `date` and that has no reply: deciding now
    /// would cut the party's time to comment short (forvaltningsloven § 19).
    public func isOpenHearing(on date: LocalDate) -> Bool {
        guard kind == .hearing, reply == nil, let limit = hearingDeadline else { return false }
        return date <= limit
    }

    /// The earliest day the 4-week appeal limit can end: the sending date + 4 weeks. The limit runs
    /// from when the recipient was told (retssikkerhedsloven § 67 stk. 1), which the tool does not
    /// know, so this is never shown as a lapse.
    public var earliestAppealEnd: LocalDate? {
        guard kind == .decision, !fullyGranted, content.hasAppeal, let s = sending else { return nil }
        return LegalPeriod.earliestAppealEnd(sent: s.date)
    }
}

/// The text of a letter as saved: everything it says, including the letterhead as it was then.
public struct LetterContent: Codable, Sendable, Equatable {
    public var title: String
    public var subtitle: String?
    /// Name and address lines of the recipient.
    public var addressLines: [String]
    public var sections: [LetterSection]
    /// The legal references the letter rests on, as data for the archive.
    public var references: [LetterReference]
    public var municipality: String?
    public var unit: String?
    public var authorName: String?
    public var authorTitle: String?
    /// True when the letter carries appeal guidance to another authority.
    public var hasAppeal: Bool

    public init(
        title: String, subtitle: String? = nil, addressLines: [String] = [], sections: [LetterSection] = [],
        references: [LetterReference] = [], municipality: String? = nil, unit: String? = nil,
        authorName: String? = nil, authorTitle: String? = nil, hasAppeal: Bool = false
    ) {
        self.title = title
        self.subtitle = subtitle
        self.addressLines = addressLines
        self.sections = sections
        self.references = references
        self.municipality = municipality
        self.unit = unit
        self.authorName = authorName
        self.authorTitle = authorTitle
        self.hasAppeal = hasAppeal
    }
}

/// One part of a letter: a heading, paragraphs, a list, and visible "MANGLER" markers in a draft.
public struct LetterSection: Codable, Sendable, Equatable {
    public var heading: String?
    public var paragraphs: [String]
    public var items: [String]
    /// How many paragraphs come before the list (the rest follow it).
    public var itemsAfter: Int
    /// What is missing (a draft only; a final letter is refused while anything is).
    public var missing: [String]

    public init(
        heading: String? = nil, paragraphs: [String] = [], items: [String] = [], itemsAfter: Int = 1,
        missing: [String] = []
    ) {
        self.heading = heading
        self.paragraphs = paragraphs
        self.items = items
        self.itemsAfter = itemsAfter
        self.missing = missing
    }

    enum CodingKeys: String, CodingKey { case heading, paragraphs, items, itemsAfter, missing }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        heading = try c.decodeIfPresent(String.self, forKey: .heading)
        paragraphs = try c.decodeIfPresent([String].self, forKey: .paragraphs) ?? []
        items = try c.decodeIfPresent([String].self, forKey: .items) ?? []
        itemsAfter = try c.decodeIfPresent(Int.self, forKey: .itemsAfter) ?? 1
        missing = try c.decodeIfPresent([String].self, forKey: .missing) ?? []
    }
}

/// A legal reference a letter cites: the row id and the citation as it applied on the letter's date.
public struct LetterReference: Codable, Sendable, Equatable {
    public var id: String
    public var citation: String

    public init(id: String, citation: String) {
        self.id = id
        self.citation = citation
    }
}

/// The record of the conversation with the young person before a decision (børnesamtale, barnets
/// lov § 5 stk. 3-4, tidl. serviceloven § 48): when it was held and what the young person said, or
/// why it was not held and how the young person's views were obtained otherwise.
public struct DecisionInterview: Codable, Sendable, Equatable {
    /// `S1`, `S2`, ... within the case.
    public var id: String
    /// The decision it comes before (`A1`), if it is registered.
    public var decisionID: String?
    /// The day of the conversation (held), or of the record (not held).
    public var date: LocalDate
    public var held: Bool
    /// What the young person said (held).
    public var views: String?
    /// Why it was not held (the § 5 stk. 4 grounds).
    public var notHeldReason: String?
    /// How the young person's views were obtained otherwise (not held).
    public var viewsOtherwise: String?
    public var author: String
    public var recorded: Date

    public init(
        id: String, decisionID: String?, date: LocalDate, held: Bool, views: String? = nil,
        notHeldReason: String? = nil, viewsOtherwise: String? = nil, author: String, recorded: Date
    ) {
        self.id = id
        self.decisionID = decisionID
        self.date = date
        self.held = held
        self.views = views
        self.notHeldReason = notHeldReason
        self.viewsOtherwise = viewsOtherwise
        self.author = author
        self.recorded = recorded
    }

    /// What the decision letter and summary say about it, to the young person ("dig") or about
    /// them (their first name) in a custody holder's letter.
    public func statement(addressingYoungPerson you: Bool, name: String) -> String {
        let who = you ? "dig" : name
        if held {
            var s = "Vi talte med \(who) om sagen \(date.danishLong), før afgørelsen blev truffet."
            if let v = views?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty {
                s += (you ? " Du sagde: " : " \(name) sagde: ") + JournalText.sentence(v)
            }
            return s
        }
        var s = "Vi har ikke holdt en samtale med \(who) før afgørelsen."
        if let r = notHeldReason?.trimmingCharacters(in: .whitespacesAndNewlines), !r.isEmpty {
            s += " Grunden er: " + JournalText.sentence(r)
        }
        if let o = viewsOtherwise?.trimmingCharacters(in: .whitespacesAndNewlines), !o.isEmpty {
            s +=
                (you ? " Dine synspunkter" : " \(name)s synspunkter") + " er kommet frem på denne måde: "
                + JournalText.sentence(o)
        }
        return s
    }
}

extension CaseFile {
    /// The next free letter id: `B1`, `B2`, ...
    public var nextLetterID: String {
        let n = letters.compactMap { Int($0.id.dropFirst()) }.max() ?? 0
        return "B\(n + 1)"
    }

    /// The next free conversation id: `S1`, `S2`, ...
    public var nextDecisionInterviewID: String {
        let n = decisionInterviews.compactMap { Int($0.id.dropFirst()) }.max() ?? 0
        return "S\(n + 1)"
    }

    /// The letter with `id` (case-insensitive), or nil.
    public func letter(_ id: String) -> Letter? { letters.first { $0.id.lowercased() == id.lowercased() } }

    /// The conversation recorded for decision `decisionID`, the latest if several.
    public func decisionInterview(for decisionID: String) -> DecisionInterview? {
        decisionInterviews.last { $0.decisionID?.lowercased() == decisionID.lowercased() }
    }
}
