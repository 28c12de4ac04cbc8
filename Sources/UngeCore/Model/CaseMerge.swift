import Foundation

/// Merging two cases of the same young person (`unge saml`): everything the source case holds moves
/// to the target case, and the source stays as a closed pointer to it. Numbers that would clash (the
/// notifications' numbers, the ids of decisions `A`, letters `B` and conversations `S`) are renumbered
/// in the moved part, with every reference to them (deadlines, letters, plans) following.
public enum CaseMerge {
    /// Why two cases cannot be merged.
    public enum Refusal: Error, Equatable, CustomStringConvertible {
        case sameCase(CaseID)
        case differentCPR
        case differentBirthDates(LocalDate, LocalDate)
        case alreadyMerged(CaseID, into: CaseID)
        case anonymous(CaseID)
        case targetClosed(CaseID)
        /// Both cases hold a document of which a case has one history (the examination, the plan,
        /// the treatment plan).
        case bothHave(String)

        public var description: String {
            switch self {
            case .sameCase(let id): return "Sag \(id.rawValue) kan ikke samles ind i sig selv."
            case .differentCPR:
                return
                    "Sagerne har forskellige CPR-numre og er altså ikke den samme unge. De samles ikke. Er et CPR-nummer forkert, så ret det først med 'unge rediger'."
            case .differentBirthDates(let a, let b):
                return
                    "Sagerne har forskellige fødselsdatoer (\(a.danishShort) og \(b.danishShort)) og er altså ikke den samme unge. Ret den forkerte først med 'unge rediger'."
            case .alreadyMerged(let id, let into):
                return "Sag \(id.rawValue) er allerede samlet ind i sag \(into.rawValue)."
            case .anonymous(let id):
                return
                    "Sag \(id.rawValue) er en anonym rådgivningssag. Identificér den unge først ('unge identificer \(id.rawValue)'), så det er sikkert, at det er den samme unge."
            case .targetClosed(let id):
                return
                    "Sag \(id.rawValue) er lukket. Genåbn den først ('unge genaabn \(id.rawValue)'), eller saml den anden vej."
            case .bothHave(let what):
                return
                    "Begge sager har \(what). En sag har kun én, så de kan ikke samles automatisk; flyt det ene i hånden først."
            }
        }
    }

    /// Why `source` cannot be merged into `target`, or nil when it can.
    public static func check(source: CaseFile, into target: CaseFile) -> Refusal? {
        if source.id == target.id { return .sameCase(source.id) }
        if let into = source.mergedInto { return .alreadyMerged(source.id, into: into) }
        if let into = target.mergedInto { return .alreadyMerged(target.id, into: into) }
        if source.youngPerson.anonymous { return .anonymous(source.id) }
        if target.youngPerson.anonymous { return .anonymous(target.id) }
        if let a = source.youngPerson.cpr, let b = target.youngPerson.cpr, a != b { return .differentCPR }
        if let a = source.youngPerson.birthDate, let b = target.youngPerson.birthDate, a != b {
            return .differentBirthDates(a, b)
        }
        if target.closedDate != nil && source.closedDate == nil { return .targetClosed(target.id) }
        if source.examination != nil && target.examination != nil { return .bothHave("en børnefaglig undersøgelse") }
        if !source.actionPlans.isEmpty && !target.actionPlans.isEmpty { return .bothHave("en plan") }
        if !source.treatmentPlans.isEmpty && !target.treatmentPlans.isEmpty { return .bothHave("en behandlingsplan") }
        return nil
    }

    /// What the merge renumbered, for the journal: "A1 → A3".
    public struct Renumbering: Equatable, Sendable {
        public var decisions: [(String, String)]
        public var letters: [(String, String)]
        public var notifications: [(Int, Int)]

        public static func == (a: Renumbering, b: Renumbering) -> Bool {
            a.decisions.map { [$0.0, $0.1] } == b.decisions.map { [$0.0, $0.1] }
                && a.letters.map { [$0.0, $0.1] } == b.letters.map { [$0.0, $0.1] }
                && a.notifications.map { [$0.0, $0.1] } == b.notifications.map { [$0.0, $0.1] }
        }

        /// "afgørelse A1 hedder nu A3; underretning nr. 1 hedder nu nr. 2", or nil when nothing changed.
        public var text: String? {
            var parts: [String] = []
            parts += notifications.map { "underretning nr. \($0.0) hedder nu nr. \($0.1)" }
            parts += decisions.map { "afgørelse \($0.0) hedder nu \($0.1)" }
            parts += letters.map { "brev \($0.0) hedder nu \($0.1)" }
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        }
    }

    /// The merged target and the source as a pointer. Throws the refusal of `check`.
    public static func merge(
        _ source: CaseFile, into target: CaseFile, now: Date, today: LocalDate, author: String, reason: String? = nil
    ) throws -> (source: CaseFile, target: CaseFile, renumbered: Renumbering) {
        if let refusal = check(source: source, into: target) { throw refusal }
        var moved = source
        var renumbering = Renumbering(decisions: [], letters: [], notifications: [])

        // Notifications: numbered after the target's (each id renamed once, from its original).
        let reportShift = target.concernReports.map(\.number).max() ?? 0
        if reportShift > 0 {
            var reportMap: [Int: Int] = [:]
            for i in moved.concernReports.indices {
                let old = moved.concernReports[i].number
                reportMap[old] = old + reportShift
                renumbering.notifications.append((old, old + reportShift))
                moved.concernReports[i].number = old + reportShift
            }
            func renamed(_ id: String) -> String {
                for (old, new) in reportMap where id.hasPrefix("underretning-\(old)-") {
                    return renamePrefix(id, "underretning-\(old)-", "underretning-\(new)-")
                }
                return id
            }
            for i in moved.concernReports.indices {
                moved.concernReports[i].deadlineIDs = moved.concernReports[i].deadlineIDs.map(renamed)
            }
            for d in moved.deadlines.indices {
                let id = renamed(moved.deadlines[d].id)
                guard id != moved.deadlines[d].id else { continue }
                for (old, new) in reportMap where moved.deadlines[d].id.hasPrefix("underretning-\(old)-") {
                    moved.deadlines[d].title = moved.deadlines[d].title.replacingOccurrences(
                        of: "underretning nr. \(old)", with: "underretning nr. \(new)")
                }
                moved.deadlines[d].id = id
            }
            for l in moved.letters.indices {
                if let n = moved.letters[l].reportNumber, let new = reportMap[n] { moved.letters[l].reportNumber = new }
            }
        }
        // Decisions (A), letters (B), conversations (S): numbered after the target's.
        let decisionMap = shifted(moved.decisions.map(\.id), after: target.decisions.map(\.id), prefix: "A")
        let letterMap = shifted(moved.letters.map(\.id), after: target.letters.map(\.id), prefix: "B")
        let interviewMap = shifted(
            moved.decisionInterviews.map(\.id), after: target.decisionInterviews.map(\.id), prefix: "S")
        for i in moved.decisions.indices {
            let old = moved.decisions[i].id
            if let new = decisionMap[old] {
                renumbering.decisions.append((old, new))
                moved.decisions[i].id = new
            }
        }
        for d in moved.deadlines.indices {
            for (old, new) in decisionMap where moved.deadlines[d].id.hasPrefix("afgoerelse-\(old)-") {
                moved.deadlines[d].id = renamePrefix(moved.deadlines[d].id, "afgoerelse-\(old)-", "afgoerelse-\(new)-")
                break
            }
        }
        func decision(_ id: String?) -> String? { id.map { decisionMap[$0] ?? $0 } }
        for i in moved.letters.indices {
            let old = moved.letters[i].id
            if let new = letterMap[old] {
                renumbering.letters.append((old, new))
                moved.letters[i].id = new
            }
            moved.letters[i].decisionID = decision(moved.letters[i].decisionID)
        }
        for i in moved.decisionInterviews.indices {
            if let new = interviewMap[moved.decisionInterviews[i].id] { moved.decisionInterviews[i].id = new }
            moved.decisionInterviews[i].decisionID = decision(moved.decisionInterviews[i].decisionID)
        }
        for p in moved.actionPlans.indices {
            for m in moved.actionPlans[p].measures.indices {
                moved.actionPlans[p].measures[m].decisionID = decision(moved.actionPlans[p].measures[m].decisionID)
            }
        }
        // Any deadline id that still clashes keeps the source's number in it.
        let targetDeadlineIDs = Set(target.deadlines.map(\.id))
        for d in moved.deadlines.indices where targetDeadlineIDs.contains(moved.deadlines[d].id) {
            moved.deadlines[d].id += "-sag-" + source.id.rawValue
        }

        var merged = target
        // The young person: what the target lacks is taken from the source.
        let p = source.youngPerson
        if merged.youngPerson.name == nil { merged.youngPerson.name = p.name }
        if merged.youngPerson.cpr == nil { merged.youngPerson.cpr = p.cpr }
        if merged.youngPerson.birthDate == nil { merged.youngPerson.birthDate = p.birthDate }
        if merged.youngPerson.contact == nil { merged.youngPerson.contact = p.contact }
        if merged.youngPerson.school == nil { merged.youngPerson.school = p.school }
        for person in moved.network.people
        where !merged.network.people.contains(where: {
            $0.name.lowercased() == person.name.lowercased() && $0.relation.lowercased() == person.relation.lowercased()
        }) {
            merged.network.people.append(person)
        }
        merged.concernReports += moved.concernReports
        merged.decisions += moved.decisions
        merged.letters += moved.letters
        merged.decisionInterviews += moved.decisionInterviews
        merged.toolRecords += moved.toolRecords
        merged.checklistAnswers += moved.checklistAnswers
        merged.deadlines += moved.deadlines
        if merged.examination == nil { merged.examination = moved.examination }
        if merged.actionPlans.isEmpty { merged.actionPlans = moved.actionPlans }
        if merged.treatmentPlans.isEmpty { merged.treatmentPlans = moved.treatmentPlans }
        if source.created < merged.created { merged.created = source.created }
        let why = reason.map { " Begrundelse: \($0)" } ?? ""
        let renumbered = renumbering.text.map { " Ved sammenlægningen: \($0)." } ?? ""
        merged.journal = (merged.journal + moved.journal).sorted { $0.time < $1.time }
        merged.journal.append(
            JournalEntry(
                time: now, author: author,
                text:
                    "Sag \(source.id.rawValue) om den samme unge er samlet ind i denne sag: journal, underretninger, afgørelser, dokumenter og redskaber står nu her.\(renumbered)\(why)",
                source: .registration))

        var pointer = CaseFile(id: source.id, created: source.created, youngPerson: source.youngPerson)
        pointer.revision = source.revision
        pointer.updated = source.updated
        pointer.caseworker = source.caseworker
        pointer.counter = source.counter
        pointer.mergedInto = target.id
        pointer.closedDate = source.closedDate ?? today
        pointer.closedReason = "Samlet ind i sag \(target.id.rawValue)"
        pointer.journal = [
            JournalEntry(
                time: now, author: author,
                text:
                    "Sagen er samlet ind i sag \(target.id.rawValue) om den samme unge; alt indhold står nu dér.\(why)",
                source: .registration)
        ]
        return (pointer, merged, renumbering)
    }

    /// New ids for `ids` (`A1`, `A2`, …) numbered after the highest of `existing`, when any clash.
    static func shifted(_ ids: [String], after existing: [String], prefix: String) -> [String: String] {
        let taken = Set(existing.map { $0.lowercased() })
        guard ids.contains(where: { taken.contains($0.lowercased()) }) else { return [:] }
        var next = (existing + ids).compactMap { Int($0.dropFirst(prefix.count)) }.max() ?? 0
        var map: [String: String] = [:]
        for id in ids {
            next += 1
            map[id] = prefix + String(next)
        }
        return map
    }

    static func renamePrefix(_ id: String, _ old: String, _ new: String) -> String {
        id.hasPrefix(old) ? new + id.dropFirst(old.count) : id
    }
}
