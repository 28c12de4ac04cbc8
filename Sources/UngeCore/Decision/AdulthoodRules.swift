import Foundation

/// What can carry a measure past the 18th birthday, per basis (issue 20 item 6). Barnets lov's
/// support for under-18s ends at 18; only some measures have a way on:
/// - a fast kontaktperson (§ 32 stk. 1 nr. 3): ungestøtte under § 114 stk. 2
///   (»at en udpeget fast kontaktperson, jf. § 32, stk. 1, nr. 3, ... opretholdes efter det fyldte 18. år«);
/// - a placement (§§ 46-47): ungestøtte under § 114 stk. 1 nr. 1-4, and for a young person with
///   considerably and permanently reduced function in a foster family § 120;
/// - drug treatment under § 33: treatment for adults under serviceloven § 101;
/// - the other § 32 measures: none, they end.
public enum AdulthoodContinuation: Sendable, Equatable {
    case contactPerson
    case placement
    case treatment
    case none

    /// The continuation for a decision of `kind`, or nil for a kind that is not an under-18 measure.
    public static func of(_ kind: DecisionKind) -> AdulthoodContinuation? {
        if kind == .contactPerson { return .contactPerson }
        if kind.isPlacement { return .placement }
        if kind.isMinorTreatment { return .treatment }
        if kind.isSupportMeasure { return AdulthoodContinuation.none }
        return nil
    }

    /// The sentence naming what can continue it, with the paragraphs from the legal-reference table
    /// as they apply on `date`.
    public func sentence(on date: LocalDate) -> String {
        func cite(_ id: LegalRuleID, age: Int = LegalAge.adult) -> String {
            LegalReferences.reference(id).citation(on: date, age: age)
        }
        switch self {
        case .contactPerson:
            return
                "Den faste kontaktperson kan fortsætte efter 18 år som ungestøtte (\(cite(.continuedContactPerson))), med den unges samtykke; træf afgørelsen før 18-årsdagen, fx med --type ungestoette-kontaktperson --afloeser og denne afgørelses id."
        case .placement:
            return
                "Anbringelsen kan fortsætte som ungestøtte efter 18 år: opretholdt døgnophold, fast kontaktperson, udslusning eller anden støtte (\(cite(.youthSupportAfterPlacement))), og for en ung med betydelig og varigt nedsat funktionsevne i en plejefamilie opretholdt døgnophold (\(cite(.maintainedPlacementAt18))). Afgørelsen træffes senest 6 måneder før 18-årsdagen (\(cite(.youthSupportDecision, age: LegalAge.adult - 1)))."
        case .treatment:
            return
                "Behandlingen kan fortsætte efter 18 år som stofmisbrugsbehandling for voksne (\(cite(.drugTreatment))); det kræver en ny afgørelse (sel101-ambulant eller sel101-doegn)."
        case .none:
            return
                "Indsatsen ophører ved 18 år; barnets lov har ingen ungestøtte, der viderefører den (kun en fast kontaktperson kan fortsætte, \(cite(.continuedContactPerson))). Tag i god tid stilling til støtte som voksen."
        }
    }

    /// The legal row the finding cites.
    var legal: LegalRuleID {
        switch self {
        case .contactPerson: return .continuedContactPerson
        case .placement: return .youthSupportAfterPlacement
        case .treatment: return .drugTreatment
        case .none: return .measures
        }
    }
}

/// The end a decision is expected to run to: its `expectedEnd`, else its duration in words ("6
/// måneder", "1 år", "12 uger", "90 dage") counted from the planned start or the decision date.
/// nil when neither says.
public enum ExpectedRun {
    public static func end(of d: Decision) -> LocalDate? {
        if let e = d.expectedEnd { return e }
        guard let text = d.expectedDuration else { return nil }
        let from = d.start ?? d.decisionDate
        return end(from: from, duration: text)
    }

    /// "6 måneder" from `from`, or nil when the words are not a duration.
    public static func end(from: LocalDate, duration text: String) -> LocalDate? {
        let words = text.lowercased().replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        let numbers: [String: Int] = [
            "et": 1, "ét": 1, "en": 1, "én": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8,
            "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "halvandet": 0,
        ]
        for (i, w) in words.enumerated() {
            if w == "halvandet", i + 1 < words.count, words[i + 1].hasPrefix("år") { return from.adding(months: 18) }
            guard let n = Int(w) ?? numbers[w], n > 0, n < 1000, i + 1 < words.count else { continue }
            let unit = words[i + 1]
            if unit.hasPrefix("år") { return from.adding(years: n) }
            if unit.hasPrefix("måned") || unit.hasPrefix("mdr") || unit.hasPrefix("mån") {
                return from.adding(months: n)
            }
            if unit.hasPrefix("uge") { return from.adding(days: 7 * n) }
            if unit.hasPrefix("dag") { return from.adding(days: n) }
        }
        return nil
    }
}

/// A measure for an under-18 expected to run past the 18th birthday warns at registration and names
/// what can continue it, per basis (`AdulthoodContinuation`). Without an end or a duration it warns
/// when the 18th birthday falls within a year of the decision.
public struct RunsPastAdulthoodRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard c.date >= LegalReferences.barnetsLovEffective, let born = c.file.youngPerson.birthDate,
            let age = c.age, age < LegalAge.adult, let way = AdulthoodContinuation.of(c.kind), c.decision.end == nil
        else { return [] }
        let eighteen = Age.dateTurning(LegalAge.adult, born: born)
        let runs: String
        if let end = ExpectedRun.end(of: c.decision) {
            guard end > eighteen else { return [] }
            runs =
                "Indsatsen forventes at løbe til \(end.danishLong), ud over den unges 18-årsdag \(eighteen.danishLong)."
        } else {
            guard c.date.adding(years: 1) > eighteen else { return [] }
            runs =
                "Indsatsen har ingen forventet slutdato, og den unge fylder 18 år \(eighteen.danishLong)."
        }
        let ends = "Støtte efter barnets lov til en ung under 18 ophører ved 18 år."
        return [
            c.finding(
                .runsPastAdulthood, .warning, runs + " " + ends + " " + way.sentence(on: c.date), way.legal)
        ]
    }
}

/// `--afloeser ID` names a decision on the case, not the new decision itself.
public struct ReplacesKnownDecisionRule: DecisionRule {
    public init() {}
    public func check(_ c: DecisionContext) -> [Finding] {
        guard let r = c.decision.replaces else { return [] }
        if c.file.decision(r) == nil || r.lowercased() == c.decision.id.lowercased() {
            let have = c.file.decisions.map(\.id).joined(separator: ", ")
            return [
                c.plain(
                    .replacesUnknown, .error,
                    "--afloeser \(r): sagen har ingen afgørelse \(r)"
                        + (have.isEmpty ? "." : " (sagen har \(have)).")
                        + " Skriv id'et på den afgørelse, den nye afløser.")
            ]
        }
        return []
    }
}

extension CaseFile {
    /// The decisions that replace `d` (`--afloeser`), oldest first.
    public func replacements(of d: Decision) -> [Decision] {
        decisions.filter { $0.replaces?.lowercased() == d.id.lowercased() }
    }
}
