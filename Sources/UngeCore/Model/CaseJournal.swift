import Foundation

/// A registration on a case that the journal tells (sagens forløb): each has one readable Danish
/// sentence. Commands record one with `CaseFile.record(_:at:by:)` whenever they save casework.
public enum JournalEvent: Sendable, Equatable {
    /// A notification registered (`unge underret`).
    case notification(ConcernReport, timeZone: TimeZone)
    /// The examination registered for the first time, or changed.
    case examination(Examination, first: Bool)
    /// A plan version saved.
    case planVersion(ActionPlan)
    /// A treatment-plan version saved.
    case treatmentPlan(TreatmentPlan)
    /// A person added to the network map.
    case networkAdded(NetworkPerson)
    /// A person removed from the network map.
    case networkRemoved(String)
    /// A dialogue or network tool recorded.
    case tool(ToolRecord)
    /// A deadline marked met, with the outcome if one was given.
    case deadlineMet(Deadline, outcome: String?)
    /// Any other registration, already worded.
    case other(String)

    /// The journal sentence, ending with a full stop.
    public var text: String {
        switch self {
        case .notification(let r, let tz):
            var s = "Underretning nr. \(r.number) registreret, modtaget \(LocalTime.danishShort(r.received, in: tz))"
            let who = r.reporter.name.trimmingCharacters(in: .whitespaces)
            if !who.isEmpty { s += " fra \(who)" + (r.reporter.role.map { " (\($0))" } ?? "") }
            return JournalText.sentence(s)
        case .examination(let e, let first):
            let what = e.kind == .afdaekning ? "Afdækningen" : "Den børnefaglige undersøgelse"
            var s = first ? "\(what) er registreret" : "\(what) er opdateret"
            if let done = e.completedDate {
                s += " og afsluttet \(done.danishLong)"
                if let c = e.conclusion {
                    s +=
                        c.specialSupportNeeded
                        ? "; der er behov for særlig støtte" : "; der er ikke behov for særlig støtte"
                }
            } else {
                s += "; kommunen blev opmærksom på behovet \(e.awareDate.danishLong)"
            }
            return JournalText.sentence(s)
        case .planVersion(let p):
            var s = "\(p.kind.danishName) version \(p.version) af \(p.date.danishLong) er gemt"
            s +=
                ": \(Plural.count(p.allGoals.count, "mål", "mål")) og \(Plural.count(p.measures.count, "indsats", "indsatser"))"
            if let note = p.changeNote?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty {
                s += ". Ændret: \(note)"
            }
            return JournalText.sentence(s)
        case .treatmentPlan(let t):
            return JournalText.sentence(
                "Behandlingsplan version \(t.version) af \(t.date.danishLong) fra \(t.provider) er gemt med \(Plural.count(t.goals.count, "mål", "mål"))"
            )
        case .networkAdded(let n):
            var s = "\(n.name) (\(n.relation)) er føjet til netværkskortet"
            if n.custodyHolder { s += " som forældremyndighedsindehaver" }
            return JournalText.sentence(s)
        case .networkRemoved(let name):
            return JournalText.sentence("\(name) er fjernet fra netværkskortet")
        case .tool(let t):
            var s =
                "\(DialogueTool.danishName(ofID: t.tool).capitalizedFirstLetter) \(t.date.danishLong) er registreret"
            if let sum = t.summary?.trimmingCharacters(in: .whitespacesAndNewlines), !sum.isEmpty { s += ": \(sum)" }
            return JournalText.sentence(s)
        case .deadlineMet(let d, let outcome):
            // Met late says so, with how late (LAW.md): the journal never calls a late one plain "opfyldt".
            let status = d.metAt.map { d.status(now: $0, timeZone: DanishTime.timeZone) }
            var s = "Fristen \"\(d.title)\" er \(status?.danish ?? "opfyldt")"
            if let o = outcome?.trimmingCharacters(in: .whitespacesAndNewlines), !o.isEmpty { s += ". Resultat: \(o)" }
            return JournalText.sentence(s)
        case .other(let text):
            return JournalText.sentence(text)
        }
    }
}

extension JournalEvent {
    /// What the registration changed, in the active voice and without free text, for the audit
    /// narrative of `unge log` ("tilføjede Jonas (kontaktperson) til netværkskortet"); nil for a
    /// registration already worded by its command.
    public var change: String? {
        switch self {
        case .notification(let r, _): return "registrerede underretning nr. \(r.number)"
        case .examination(let e, let first):
            let what = e.kind == .afdaekning ? "afdækningen" : "den børnefaglige undersøgelse"
            var s = (first ? "registrerede " : "opdaterede ") + what
            if let done = e.completedDate { s += " (afsluttet \(done.danishShort))" }
            return s
        case .planVersion(let p): return "gemte \(p.kind.danishName.lowercasedFirstLetter) version \(p.version)"
        case .treatmentPlan(let t): return "gemte behandlingsplan version \(t.version)"
        case .networkAdded(let n): return "tilføjede \(n.name) (\(n.relation)) til netværket"
        case .networkRemoved(let name): return "fjernede \(name) fra netværket"
        case .tool(let t):
            return "registrerede \(DialogueTool.danishName(ofID: t.tool)) \(t.date.danishShort)"
        case .deadlineMet(let d, _): return "markerede fristen \"\(d.title)\" som opfyldt"
        case .other: return nil
        }
    }
}

extension CaseFile {
    /// Writes the journal entry for a registration (the one place registrations are told).
    /// `change` words a registration the event cannot (`.other`) for the audit narrative.
    public mutating func record(_ event: JournalEvent, at time: Date, by author: String, change: String? = nil) {
        journal.append(
            JournalEntry(
                time: time, author: author, text: event.text, source: .registration, change: change ?? event.change))
    }
}

/// Small helpers for Danish sentences in the journal and documents.
public enum JournalText {
    /// `text` trimmed and ending with exactly one full stop (or its own "?", "!", "." or ":" kept).
    public static func sentence(_ text: String) -> String {
        var s = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while s.hasSuffix("..") { s.removeLast() }
        guard let last = s.last else { return s }
        if ".!?".contains(last) { return s }
        if last == ":" || last == ";" || last == "," { s.removeLast() }
        return s + "."
    }
}
