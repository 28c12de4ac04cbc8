import Foundation

/// One change between two versions of a plan (ændring).
public struct PlanChange: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, Equatable {
        case added
        case removed
        case changed

        public var danish: String {
            switch self {
            case .added: return "tilføjet"
            case .removed: return "fjernet"
            case .changed: return "ændret"
            }
        }
    }

    /// The section of the plan ("Mål", "Indsatser").
    public var section: String
    public var kind: Kind
    /// What changed ("M2", "Formål", "Fast kontaktperson").
    public var item: String
    public var before: String?
    public var after: String?

    public init(section: String, kind: Kind, item: String, before: String? = nil, after: String? = nil) {
        self.section = section
        self.kind = kind
        self.item = item
        self.before = before
        self.after = after
    }
}

/// Lists the saved versions of a plan and what changed between two of them.
public enum PlanHistory {
    /// The changes from `a` to `b`, section by section in the plan's order.
    public static func diff(_ a: ActionPlan, _ b: ActionPlan) -> [PlanChange] {
        var out: [PlanChange] = []
        func scalar(_ section: String, _ x: String, _ y: String) {
            guard x != y else { return }
            if x.isEmpty {
                out.append(PlanChange(section: section, kind: .added, item: section, after: y))
            } else if y.isEmpty {
                out.append(PlanChange(section: section, kind: .removed, item: section, before: x))
            } else {
                out.append(PlanChange(section: section, kind: .changed, item: section, before: x, after: y))
            }
        }
        func keyed(_ section: String, _ xs: [(String, String)], _ ys: [(String, String)]) {
            let before = Dictionary(xs, uniquingKeysWith: { a, _ in a })
            let after = Dictionary(ys, uniquingKeysWith: { a, _ in a })
            for (k, v) in xs {
                if let w = after[k] {
                    if v != w { out.append(PlanChange(section: section, kind: .changed, item: k, before: v, after: w)) }
                } else {
                    out.append(PlanChange(section: section, kind: .removed, item: k, before: v))
                }
            }
            for (k, w) in ys where before[k] == nil {
                out.append(PlanChange(section: section, kind: .added, item: k, after: w))
            }
        }
        scalar("Plan", a.kind.danishName, b.kind.danishName)
        scalar("Formål", a.purpose, b.purpose)
        keyed("Mål", a.goals.map { ($0.id, describe($0)) }, b.goals.map { ($0.id, describe($0)) })
        keyed(
            "Mål for overgangen til voksenlivet", a.transitionGoals.map { ($0.id, describe($0)) },
            b.transitionGoals.map { ($0.id, describe($0)) })
        keyed("Indsatser", measureKeys(a.measures), measureKeys(b.measures))
        keyed(
            "Andre særlige forhold", a.otherMatters.map { ($0.topic.danish, $0.text) },
            b.otherMatters.map { ($0.topic.danish, $0.text) })
        keyed(
            "Deltagere", a.participants.map { ($0.name, describe($0)) }, b.participants.map { ($0.name, describe($0)) })
        scalar("Næste opfølgning", a.nextFollowUp?.danishShort ?? "", b.nextFollowUp?.danishShort ?? "")
        return out
    }

    /// "M1: Gøre 9. klasse færdig; delmål: ...; første skridt: ...".
    static func describe(_ g: Goal) -> String {
        var parts = [g.text]
        if let w = g.ownWords, !w.isEmpty { parts.append("egne ord: " + Quoted.text(w)) }
        if let a = g.area { parts.append("område: \(a.danish)") }
        if !g.subGoals.isEmpty { parts.append("delmål: " + g.subGoals.joined(separator: ", ")) }
        if !g.firstSteps.isEmpty { parts.append("første skridt: " + g.firstSteps.joined(separator: ", ")) }
        if let p = g.progressSign, !p.isEmpty { parts.append("fremskridt: \(p)") }
        return parts.joined(separator: "; ")
    }

    static func describe(_ p: Participant) -> String {
        ([p.role.danish, p.how, p.note].compactMap { $0 } + [
            p.formulatedGoals ? "med til at formulere målene" : "ikke med til at formulere målene"
        ] + (p.consentToPlan.map { [$0 ? "samtykke til planen" : "intet samtykke til planen"] } ?? [])
            + [p.consentNote].compactMap { $0 })
            .joined(separator: "; ")
    }

    /// Measures keyed by their label, numbered when the same label occurs twice.
    static func measureKeys(_ ms: [Measure]) -> [(String, String)] {
        var count: [String: Int] = [:]
        return ms.map { m in
            count[m.label, default: 0] += 1
            let key = count[m.label]! > 1 ? "\(m.label) (\(count[m.label]!))" : m.label
            let value = [
                m.provider.map { "leverandør: \($0)" }, m.start.map { "start: \($0.danishShort)" },
                m.expectedDuration.map { "varighed: \($0)" },
                m.goalIDs.isEmpty ? nil : "mål: " + m.goalIDs.joined(separator: ", "),
            ].compactMap { $0 }.joined(separator: "; ")
            return (key, value)
        }
    }

    /// The versions as a document (`unge plan <id> --historik`).
    public static func historyDocument(_ caseFile: CaseFile) -> Document {
        var doc = Document(title: "Planens versioner", subtitle: "Sag \(caseFile.id.rawValue)")
        if caseFile.actionPlans.isEmpty {
            doc.add(.paragraph("Der er ingen gemte versioner af planen endnu."))
            return doc
        }
        doc.add(
            .table(
                header: ["Version", "Dato", "Plan", "Udarbejdet af", "Ændringer"],
                rows: caseFile.actionPlans.sorted { $0.version < $1.version }.map { p in
                    [
                        String(p.version), p.date.danishShort,
                        p.kind.title(on: p.date, age: caseFile.youngPerson.age(on: p.date)), p.author,
                        p.changeNote ?? "",
                    ]
                }))
        return doc
    }

    /// What changed between two versions as a document (`unge plan <id> --diff A B`).
    public static func diffDocument(_ a: ActionPlan, _ b: ActionPlan, caseID: CaseID) -> Document {
        var doc = Document(
            title: "Ændringer fra version \(a.version) til version \(b.version)",
            subtitle: "Sag \(caseID.rawValue): \(a.date.danishLong) og \(b.date.danishLong)")
        let changes = diff(a, b)
        // What the author of the newer version said changed, with both versions' dates.
        let note = [b.changeNote, a.version > b.version ? a.changeNote : nil].compactMap { $0 }.first
        doc.add(
            .fields([
                ("Version \(a.version)", a.date.danishLong + " (\(a.author))"),
                ("Version \(b.version)", b.date.danishLong + " (\(b.author))"),
                ("Ændringsnote", note.map { $0.isEmpty ? "Ikke oplyst" : $0 } ?? "Ikke oplyst"),
            ]))
        if changes.isEmpty {
            doc.add(.paragraph("Der er ingen forskel på indholdet af de to versioner."))
        } else {
            // Section by section; a changed item shows only its changed words marked.
            var section = ""
            for c in changes {
                if c.section != section {
                    section = c.section
                    doc.add(.heading(section, level: 2))
                }
                let label = c.item == c.section ? c.kind.danish : "\(c.item) \(c.kind.danish)"
                switch c.kind {
                case .changed:
                    doc.add(
                        .change(
                            label: label.capitalizedFirstLetter,
                            segments: WordDiff.segments(from: c.before ?? "", to: c.after ?? "")))
                case .added:
                    doc.add(
                        .change(label: label.capitalizedFirstLetter, segments: [TextSegment(c.after ?? "", .added)]))
                case .removed:
                    doc.add(
                        .change(label: label.capitalizedFirstLetter, segments: [TextSegment(c.before ?? "", .removed)]))
                }
            }
        }
        return doc
    }
}
