import Foundation

/// Which document a saved record is (the letters keep their own `LetterContent`, the same idea).
public enum DocumentKind: String, Codable, Sendable, Equatable, CaseIterable {
    /// Underretning (`unge underret`), ref = its number.
    case notification
    /// Børnefaglig undersøgelse (`unge undersoeg`), ref = the save's number (1, 2, ...).
    case examination
    /// Barnets plan / ungeplan / handleplan (`unge plan`), ref = the version.
    case plan
    /// Behandlingsplan (`unge behandlingsplan`), ref = the version.
    case treatmentPlan
    /// Sammenfatning af en afgørelse (`unge indsats <sag> A1`), ref = the decision id; a new record at
    /// each change (start, non-start, end, a decision replacing it).
    case decisionSummary

    /// "underretning nr. 2", "plan version 3", "sammenfatning af afgørelse A1".
    public func label(_ ref: String) -> String {
        switch self {
        case .notification: return "underretning nr. \(ref)"
        case .examination: return "undersøgelse (gemt nr. \(ref))"
        case .plan: return "plan version \(ref)"
        case .treatmentPlan: return "behandlingsplan version \(ref)"
        case .decisionSummary: return "sammenfatning af afgørelse \(ref)"
        }
    }
}

/// Who saved a document, as the settings named them then: user id, full name and title.
public struct AuthorStamp: Codable, Sendable, Equatable {
    /// The user id (login name).
    public var user: String
    public var fullName: String?
    public var title: String?

    public init(user: String, fullName: String? = nil, title: String? = nil) {
        self.user = user
        self.fullName = fullName
        self.title = title
    }

    /// "Lene Dahl, Socialrådgiver", or the user id without a full name.
    public var line: String {
        let name = (fullName?.isEmpty ?? true) ? user : fullName!
        guard let t = title, !t.isEmpty else { return name }
        return "\(name), \(t)"
    }
}

/// The facts a document shows, as the case held them on the save: the network, the custody holders
/// and the decisions. Kept so the record can say what was known then, whatever changes later.
public struct RecordFacts: Codable, Sendable, Equatable {
    public var network: [NetworkPerson]
    public var custodyHolders: [String]
    /// One line per decision: "A1 Fast kontaktperson, barnets lov § 32, stk. 1, nr. 3 ..., truffet 01.09.2026, i gang".
    public var decisions: [String]

    public init(network: [NetworkPerson] = [], custodyHolders: [String] = [], decisions: [String] = []) {
        self.network = network
        self.custodyHolders = custodyHolders
        self.decisions = decisions
    }

    /// The facts of `file` on `date`.
    public static func snapshot(_ file: CaseFile, on date: LocalDate) -> RecordFacts {
        RecordFacts(
            network: file.network.people, custodyHolders: file.network.custodyHolders.map(\.name),
            decisions: file.decisions.filter { $0.decisionDate <= date }.map { d in
                "\(d.id) \(d.kind.danishName), \(DecisionLaw.citation(d, youngPerson: file.youngPerson, in: file)), truffet \(d.decisionDate.danishShort), \(DecisionDocument.statusText(d, on: date))"
            })
    }
}

/// A saved document version as a record (issue 20 item 3): its author, its date, the facts it shows
/// and the document itself as rendered at save (a format-neutral `Document`: Markdown and HTML are
/// derived from it by the one pair of renderers, so both formats say the same). A reprint renders
/// this document, never the case as it is now, so it is the same as the first print apart from the
/// one "Udskrevet <dato> af <bruger>" line; a later correction of the law table or the letterhead
/// applies to new versions only.
public struct DocumentRecord: Codable, Sendable, Equatable {
    public var kind: DocumentKind
    /// The version's number within its kind ("2", "A1").
    public var ref: String
    /// The date the document carries.
    public var date: LocalDate
    /// When it was saved.
    public var recorded: Date
    public var author: AuthorStamp
    public var facts: RecordFacts
    /// The document as rendered at save (letterhead included).
    public var document: Document
    /// The findings at save (warnings), for the JSON reprint.
    public var findings: [Finding]

    public init(
        kind: DocumentKind, ref: String, date: LocalDate, recorded: Date, author: AuthorStamp, facts: RecordFacts,
        document: Document, findings: [Finding] = []
    ) {
        self.kind = kind
        self.ref = ref
        self.date = date
        self.recorded = recorded
        self.author = author
        self.facts = facts
        self.document = document
        self.findings = findings
    }

    enum CodingKeys: String, CodingKey { case kind, ref, date, recorded, author, facts, document, findings }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(DocumentKind.self, forKey: .kind)
        ref = try c.decode(String.self, forKey: .ref)
        date = try c.decode(LocalDate.self, forKey: .date)
        recorded = try c.decode(Date.self, forKey: .recorded)
        author = try c.decode(AuthorStamp.self, forKey: .author)
        facts = try c.decodeIfPresent(RecordFacts.self, forKey: .facts) ?? RecordFacts()
        document = try c.decode(Document.self, forKey: .document)
        findings = try c.decodeIfPresent([Finding].self, forKey: .findings) ?? []
    }

    /// All the text the document shows, for finding citations since corrected.
    public var text: String { MarkdownRenderer.render(document) }
}

extension CaseID {
    /// The number a case has while it is being created, before the store numbers it.
    public static let placeholder = CaseID("ny")!
}

extension CaseFile {
    /// The latest record of `kind` with `ref`, or nil (a version saved before records existed).
    public func documentRecord(_ kind: DocumentKind, _ ref: String) -> DocumentRecord? {
        documentRecords.last { $0.kind == kind && $0.ref.lowercased() == ref.lowercased() }
    }

    /// The latest record of `kind`, whatever its ref.
    public func latestRecord(_ kind: DocumentKind) -> DocumentRecord? {
        documentRecords.last { $0.kind == kind }
    }

    /// The number the next record of `kind` gets when its ref is a count (the examination).
    public func nextRecordNumber(_ kind: DocumentKind) -> Int {
        documentRecords.filter { $0.kind == kind }.count + 1
    }
}

/// The line every print of a saved version carries, and the only line in which two prints of it
/// differ: "Udskrevet 7. december 2026 af Bo Holm, Socialrådgiver." A note about what has changed
/// since (a plan version replaced) joins the same line, so the document itself stays as saved.
public enum PrintLine {
    public static func text(on date: LocalDate, by who: String, notes: [String] = []) -> String {
        (["Udskrevet \(date.danishLong) af \(who)."] + notes).joined(separator: " ")
    }

    /// The note for a version saved before documents were kept: it is drawn again from the case as it is now.
    public static let redrawn =
        "Versionen er gemt, før unge gemte dokumenterne; den er dannet igen ud fra sagen, som den er nu (netværk, forældremyndighed og afgørelser i dag)."
}

// MARK: - Codable documents

extension Document: Codable {
    enum CodingKeys: String, CodingKey { case title, subtitle, blocks, letterhead, signatures }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            title: try c.decode(String.self, forKey: .title),
            subtitle: try c.decodeIfPresent(String.self, forKey: .subtitle),
            blocks: try c.decodeIfPresent([Block].self, forKey: .blocks) ?? [],
            letterhead: try c.decodeIfPresent(Letterhead.self, forKey: .letterhead),
            signatures: try c.decodeIfPresent([Signature].self, forKey: .signatures) ?? [])
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(subtitle, forKey: .subtitle)
        try c.encode(blocks, forKey: .blocks)
        try c.encodeIfPresent(letterhead, forKey: .letterhead)
        if !signatures.isEmpty { try c.encode(signatures, forKey: .signatures) }
    }
}

/// A block as compact JSON: one short key says what it is (`p` paragraph, `h` heading with `l`
/// level, `ul` list, `f` fields as pairs, `th`/`tr` table, `m` missing, `n` note, `svg`/`cap` figure,
/// `c`/`s` a change with its segments as `[mark, text]` pairs).
extension Document.Block: Codable {
    enum Key: String, CodingKey { case p, h, l, ul, f, th, tr, m, n, svg, cap, c, s }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        if let t = try c.decodeIfPresent(String.self, forKey: .p) {
            self = .paragraph(t)
        } else if let t = try c.decodeIfPresent(String.self, forKey: .h) {
            self = .heading(t, level: try c.decodeIfPresent(Int.self, forKey: .l) ?? 2)
        } else if let items = try c.decodeIfPresent([String].self, forKey: .ul) {
            self = .list(items)
        } else if let pairs = try c.decodeIfPresent([[String]].self, forKey: .f) {
            self = .fields(pairs.map { ($0.first ?? "", $0.count > 1 ? $0[1] : "") })
        } else if let header = try c.decodeIfPresent([String].self, forKey: .th) {
            self = .table(header: header, rows: try c.decodeIfPresent([[String]].self, forKey: .tr) ?? [])
        } else if let t = try c.decodeIfPresent(String.self, forKey: .m) {
            self = .missing(t)
        } else if let t = try c.decodeIfPresent(String.self, forKey: .n) {
            self = .note(t)
        } else if let svg = try c.decodeIfPresent(String.self, forKey: .svg) {
            self = .figure(svg: svg, caption: try c.decodeIfPresent(String.self, forKey: .cap) ?? "")
        } else if let label = try c.decodeIfPresent(String.self, forKey: .c) {
            let pairs = try c.decodeIfPresent([[String]].self, forKey: .s) ?? []
            var segments: [TextSegment] = []
            for pair in pairs {
                guard pair.count == 2, let mark = TextSegment.Mark(rawValue: pair[0]) else {
                    throw DecodingError.dataCorrupted(
                        DecodingError.Context(codingPath: c.codingPath, debugDescription: "ukendt ændringsmarkering"))
                }
                segments.append(TextSegment(pair[1], mark))
            }
            self = .change(label: label, segments: segments)
        } else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: c.codingPath, debugDescription: "ukendt dokumentblok"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .paragraph(let t): try c.encode(t, forKey: .p)
        case .heading(let t, let level):
            try c.encode(t, forKey: .h)
            try c.encode(level, forKey: .l)
        case .list(let items): try c.encode(items, forKey: .ul)
        case .fields(let pairs): try c.encode(pairs.map { [$0.0, $0.1] }, forKey: .f)
        case .table(let header, let rows):
            try c.encode(header, forKey: .th)
            try c.encode(rows, forKey: .tr)
        case .missing(let t): try c.encode(t, forKey: .m)
        case .note(let t): try c.encode(t, forKey: .n)
        case .figure(let svg, let caption):
            try c.encode(svg, forKey: .svg)
            try c.encode(caption, forKey: .cap)
        case .change(let label, let segments):
            try c.encode(label, forKey: .c)
            try c.encode(segments.map { [$0.mark.rawValue, $0.text] }, forKey: .s)
        }
    }
}
