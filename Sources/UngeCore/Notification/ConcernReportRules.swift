import Foundation

/// The rules a notification is checked against before it is saved (handbook ch. 3; BL §§ 133-138,
/// tidl. SEL §§ 153-155 b). They return findings and never print.
public enum ConcernReportRules {
    /// Every rule: missing required answers (errors), the parents not told without a reason (error),
    /// a young person of 18 or over (warning) and police-sounding wording (warning).
    ///
    /// `date` is the date the notification applies to (received), which picks the paragraph.
    public static func check(_ draft: ConcernReportDraft, youngPerson: YoungPerson?, on date: LocalDate) -> [Finding] {
        var out = missingFindings(draft, youngPersonKnown: youngPerson != nil, on: date)
        out += parentsReasonFindings(draft)
        out += ageFindings(draft, youngPerson: youngPerson ?? draft.youngPerson, on: date)
        out += wordingFindings(draft)
        return out
    }

    /// Rule id prefix of the findings for missing answers; the CLI turns these into exit status 2.
    public static let missingPrefix = "underret.mangler."

    /// One error per missing required answer, naming the JSON key that supplies it. The rule id
    /// ends with the field's key, so the CLI can name its own option too.
    public static func missingFindings(_ draft: ConcernReportDraft, youngPersonKnown: Bool, on date: LocalDate)
        -> [Finding]
    {
        draft.missing(youngPersonKnown: youngPersonKnown).map { field in
            var how = "i en fil: \"\(field.key)\""
            if field == .youngBirthDate { how = "i en fil: \"\(field.key)\" eller \"\(ConcernField.youngCPR.key)\"" }
            return Finding(
                ruleID: missingPrefix + field.key, severity: .error, message: "Mangler \(field.label) (\(how)).")
        }
    }

    /// Rule id of the warning when the parents were not told and no reason is given.
    public static let parentsReasonID = "underret.foraeldre.begrundelse"

    /// The parents were not told and no reason is given: a warning citing the handbook only. BL § 133 sets
    /// no requirement to tell the parents or to say why not, so it never blocks saving (AUDIT row 30).
    public static func parentsReasonFindings(_ draft: ConcernReportDraft) -> [Finding] {
        guard draft.parentsInformed == false, !draft.has(.notInformedReason) else { return [] }
        return [
            Finding(
                ruleID: parentsReasonID, severity: .warning,
                message:
                    "Forældrene er ikke orienteret om underretningen, og der står ikke hvorfor. Skriv gerne begrundelsen (--begrundelse; i en fil: \"\(ConcernField.notInformedReason.key)\"); underretningen gemmes alligevel (håndbogen kap. 3)."
            )
        ]
    }

    /// The field a missing-answer finding is about.
    public static func missingField(_ finding: Finding) -> ConcernField? {
        guard finding.ruleID.hasPrefix(missingPrefix) else { return nil }
        return ConcernField(rawValue: String(finding.ruleID.dropFirst(missingPrefix.count)))
    }

    /// The duty to notify concerns young people under 18; for an adult the notification is still
    /// received, but it is not an underretning in the law's sense.
    public static func ageFindings(_ draft: ConcernReportDraft, youngPerson: YoungPerson, on date: LocalDate)
        -> [Finding]
    {
        guard let age = youngPerson.age(on: date), age >= 18 else { return [] }
        return [
            Finding.make(
                "underret.alder", .warning,
                "Den unge er \(age) år. Underretningspligten gælder unge under 18; kontakt voksenområdet i kommunen om en ung over 18.",
                legal: draft.isProfessional ? .heightenedDuty : .generalDuty, on: date, age: age)
        ]
    }

    /// A new notification about a young person who already receives support must be assessed again,
    /// with at least one person who has not had the case before (BL § 137, tidl. SEL § 155 a).
    /// The trigger is running support (§ 32) or a placement (§§ 46, 47), plan or no plan; a § 33
    /// treatment alone is not one. Cases without decisions fall back to a plan measure that started.
    public static func reassessmentFindings(existing: CaseFile?, on date: LocalDate) -> [Finding] {
        guard let file = existing, file.closedDate == nil else { return [] }
        let what: String
        let running = file.runningSupport(on: date)
        if !running.isEmpty {
            what = running.map { "\($0.kind.danishName.lowercased()) (\($0.id))" }.joined(separator: ", ")
        } else if file.decisions.isEmpty, let plan = file.actionPlans.max(by: { $0.version < $1.version }),
            let start = plan.supportStart, start <= date
        {
            what = "\(plan.kind.danishName) version \(plan.version)"
        } else {
            return []
        }
        return [
            Finding.make(
                "underret.genvurdering", .warning,
                "Den unge får allerede støtte (\(what)). Den nye underretning skal vurderes igen, og mindst én fagperson, der ikke har haft sagen før, skal være med i vurderingen.",
                legal: .reassessment, on: date, age: file.youngPerson.age(on: date))
        ]
    }

    /// A warning for each deadline due on grundlovsdag, juleaftensdag or nytårsaftensdag: working
    /// days in law, but many municipalities close, so act a working day earlier (LAW.md).
    public static func closedDayFindings(_ deadlines: [Deadline]) -> [Finding] {
        deadlines.filter(\.fallsOnOftenClosedDay).map { d in
            Finding(
                ruleID: "frist.lukkedag", severity: .warning,
                message:
                    "Fristen \"\(d.title)\" falder \(d.dueDate.danishShort), som er \(DanishCalendar.oftenClosedName(d.dueDate) ?? "en lukkedag"). Dagen er en hverdag i loven, men mange kommuner holder lukket: nå det en hverdag før.",
                legalReference: d.legalRule, citation: nil)
        }
    }

    /// Warns when the text calls the notification an "indberetning" or uses "indberette" or "melde"
    /// about it: those words sound like police and punishment; "underrette" means making the
    /// municipality aware of the young person's problem (handbook ch. 3, Før du underretter).
    public static func wordingFindings(_ draft: ConcernReportDraft) -> [Finding] {
        var out: [Finding] = []
        for field in ConcernField.allCases where field.kind == .text {
            guard let text = draft.text(field) else { continue }
            for word in policeWords(in: text) {
                let better = word.lowercased().hasPrefix("indberetning") ? "underretning" : "underrette"
                out.append(
                    Finding(
                        ruleID: "underret.ordvalg", severity: .warning,
                        message:
                            "I \(field.label) står \"\(word)\". Skriv hellere \"\(better)\": det betyder at gøre kommunen opmærksom på den unges situation, mens \"indberette\" og \"melde\" lyder som politi og straf (håndbogen kap. 3)."
                    ))
            }
        }
        return out
    }

    /// The police-sounding words in a text, in order, as written. "melde sig" (e.g. syg) is not one.
    public static func policeWords(in text: String) -> [String] {
        let words = text.split(whereSeparator: { !$0.isLetter }).map(String.init)
        var found: [String] = []
        for (i, word) in words.enumerated() {
            let w = word.lowercased()
            if w.hasPrefix("indberet") {
                found.append(word)
            } else if meldeForms.contains(w) {
                if i + 1 < words.count, words[i + 1].lowercased() == "sig" { continue }
                found.append(word)
            }
        }
        return found
    }

    private static let meldeForms: Set<String> = ["melde", "melder", "meldes", "meldte", "meldt", "meldtes"]
}
