import Foundation

/// One thing the case needs next (næste skridt), computed from what the case holds: an open
/// deadline, a missing record or an age threshold ahead.
public struct NextStep: Sendable, Equatable, Codable {
    /// Where the step comes from.
    public enum Kind: String, Sendable, Equatable, Codable {
        /// An open deadline (`CaseFile.openDeadlines`).
        case deadline
        /// Something the casework lacks, e.g. the plan.
        case missing
        /// An age threshold ahead that changes the rules.
        case ageThreshold
    }

    public var kind: Kind
    /// The step as one Danish sentence without a final full stop:
    /// "Vurder underretningen senest i dag kl. 14.10".
    public var text: String
    /// Why or how, in Danish (may be empty).
    public var detail: String
    /// The day it is due or happens, if it has one.
    public var dueDate: LocalDate?
    /// The instant it is due, for deadlines counted in hours.
    public var dueTime: Date?
    /// True when the due date or time has passed.
    public var overdue: Bool
    /// The rule the step rests on, if any.
    public var legalReferenceID: LegalRuleID?
    /// The citation as it applies to the case: "barnets lov § 136 (tidl. serviceloven § 155)".
    public var citation: String?
    /// The deadline's id, for deadline steps (for `unge frister --opfyldt`).
    public var deadlineID: String?
    /// The command that does the step, if there is one: "unge plan 2026-0003".
    public var command: String?

    public init(
        kind: Kind, text: String, detail: String = "", dueDate: LocalDate? = nil, dueTime: Date? = nil,
        overdue: Bool = false, legalReferenceID: LegalRuleID? = nil, citation: String? = nil,
        deadlineID: String? = nil, command: String? = nil
    ) {
        self.kind = kind
        self.text = text
        self.detail = detail
        self.dueDate = dueDate
        self.dueTime = dueTime
        self.overdue = overdue
        self.legalReferenceID = legalReferenceID
        self.citation = citation
        self.deadlineID = deadlineID
        self.command = command
    }

    /// The step as one line: "Vurder underretningen senest i dag kl. 14.10 – barnets lov § 136
    /// (tidl. serviceloven § 155)". The citation follows a dash, so brackets never nest.
    public var line: String {
        var s = text
        if let citation { s += " – " + citation }
        return s
    }
}

/// Computes the next steps of a case (næste skridt), in the order a caseworker takes them: open
/// deadlines (by due time, so overdue first), then missing records, then open tasks without a
/// legal period, then the next age threshold within `horizonMonths`. A closed case has none. Pure: "now" and the calendar are passed in.
public enum NextSteps {
    public static func compute(
        for file: CaseFile, now: Date, timeZone: TimeZone = DanishTime.timeZone,
        calendar: DanishCalendar = DanishCalendar(), horizonMonths: Int = 12
    ) -> [NextStep] {
        guard file.closedDate == nil else { return [] }
        let today = LocalTime.date(of: now, in: timeZone)
        // Tasks without a legal period (tell the notifier what was started) follow what is missing,
        // since they report on it.
        let taskIDs = Set(file.openDeadlines.filter { $0.counting == .task }.map(\.id))
        let deadlines = deadlineSteps(file, now: now, today: today, timeZone: timeZone, calendar: calendar)
        var steps = deadlines.filter { !taskIDs.contains($0.deadlineID ?? "") }
        steps += missingSteps(file, today: today)
        steps += deadlines.filter { taskIDs.contains($0.deadlineID ?? "") }
        steps += ageSteps(file, today: today, horizonMonths: horizonMonths)
        return steps
    }

    /// The first name, or "Den unge" for an anonymous case or one without a name.
    static func firstName(_ p: YoungPerson) -> String {
        guard !p.anonymous, let name = p.name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
            return "Den unge"
        }
        return String(name.split(separator: " ").first ?? Substring(name))
    }

    // MARK: Deadlines

    static func deadlineSteps(
        _ file: CaseFile, now: Date, today: LocalDate, timeZone: TimeZone, calendar: DanishCalendar
    ) -> [NextStep] {
        let age = file.youngPerson.birthDate
        func instant(_ d: Deadline) -> Date {
            d.dueTime ?? LocalTime.instant(d.dueDate.adding(days: 1), hour: 0, minute: 0, in: timeZone)
        }
        // Dated deadlines first, by due time; then tasks (no legal period, never overdue), by id.
        let dated = file.openDeadlines.filter { $0.counting != .task }.sorted {
            (instant($0), $0.id) < (instant($1), $1.id)
        }
        let tasks = file.openDeadlines.filter { $0.counting == .task }.sorted {
            ($0.dueDate, $0.id) < ($1.dueDate, $1.id)
        }
        return (dated + tasks).map { d in
            let isTask = d.counting == .task
            // The one rule of a deadline's state (`Deadline.status`), the same `frister` uses.
            let overdue = d.status(now: now, today: today, timeZone: timeZone).state == .overdue
            let when = whenText(d, today: today, timeZone: timeZone)
            let action = actionText(d, in: file)
            var text =
                isTask
                ? action
                : d.kind.isReminder
                    ? "Påmindelse: \(action) (\(when))"
                    : overdue ? "\(action): fristen var \(when) og er overskredet" : "\(action) senest \(when)"
            if !overdue, d.counting == .workingDays, d.dueDate > today {
                let left = calendar.workingDays(from: today, to: d.dueDate)
                text += " (om \(Plural.count(left, "hverdag", "hverdage")))"
            }
            let rule = LegalRuleID(rawValue: d.legalReferenceID)
            let citation = rule.map {
                LegalReferences.reference($0).citation(
                    on: d.ruleDate, age: age.map { Age.years(born: $0, on: d.ruleDate) })
            }
            return NextStep(
                kind: .deadline, text: text, dueDate: d.dueDate, dueTime: d.dueTime, overdue: overdue,
                legalReferenceID: rule, citation: citation, deadlineID: d.id,
                command: "unge frister --opfyldt \(file.id.rawValue) \(d.id)")
        }
    }

    /// "i dag kl. 14.10", "i morgen", "4. september", "9. januar 2027".
    static func whenText(_ d: Deadline, today: LocalDate, timeZone: TimeZone) -> String {
        let day = d.dueTime.map { LocalTime.date(of: $0, in: timeZone) } ?? d.dueDate
        var s = relativeDay(day, today: today)
        if let t = d.dueTime { s += " kl. " + LocalTime.clock(of: t, in: timeZone) }
        return s
    }

    /// "i dag", "i morgen", "i går", else "4. september" (with the year when it is not this year).
    public static func relativeDay(_ day: LocalDate, today: LocalDate) -> String {
        switch today.days(until: day) {
        case 0: return "i dag"
        case 1: return "i morgen"
        case -1: return "i går"
        default:
            let s = "\(day.day). \(LocalDate.monthNames[day.month - 1])"
            return day.year == today.year ? s : s + " \(day.year)"
        }
    }

    /// What to do for a deadline, as an imperative: "Send kvittering til Lise Kjær".
    static func actionText(_ d: Deadline, in file: CaseFile) -> String {
        let report = file.concernReports.first { $0.deadlineIDs.contains(d.id) }
        let several = file.concernReports.count > 1
        switch d.kind {
        case .assessment:
            return several ? "Vurder underretning nr. \(report?.number ?? 1)" : "Vurder underretningen"
        case .receipt:
            if let name = report?.reporter.name.trimmingCharacters(in: .whitespaces), !name.isEmpty {
                return "Send kvittering til \(name)"
            }
            return "Send kvittering til underretteren"
        case .examination:
            return file.examination?.kind == .afdaekning ? "Afslut afdækningen" : "Afslut den børnefaglige undersøgelse"
        case .plan:
            // "Barnets plan senest 3 måneder efter afgørelsen (A1)", or for an optional plan
            // "Stillingtagen til ungeplan senest ...".
            let what = d.title.components(separatedBy: " senest").first ?? d.title
            if what.hasPrefix("Stillingtagen til ") {
                return "Tag stilling til " + what.dropFirst("Stillingtagen til ".count)
            }
            return "Lav " + (what.isEmpty ? "planen" : what.lowercasedFirstLetter)
        case .followUp:
            // "Første opfølgning på fast kontaktperson (A2)".
            if d.title.hasPrefix("Første opfølgning på ") {
                return "Følg op på " + d.title.dropFirst("Første opfølgning på ".count)
            }
            return "Følg op på planen"
        case .youthSupportDecision:
            return "Træf afgørelse om ungestøtte efter 18 år"
        case .treatmentStart:
            // "Ambulant stofmisbrugsbehandling iværksat senest 14 dage efter henvendelsen (A1)".
            if let r = d.title.range(of: " iværksat") {
                return "Sørg for, at \(d.title[..<r.lowerBound].lowercased()) begynder"
            }
            return "Sørg for, at behandlingen begynder"
        case .transitionAt18:
            // "Den unge fylder 18 09.01.2027: tag stilling til, hvad der sker med ... (fx ...)".
            if let r = d.title.range(of: ": tag stilling til") { return "Tag stilling til" + d.title[r.upperBound...] }
            return d.title
        default:
            return d.title
        }
    }

    // MARK: Missing records

    static func missingSteps(_ file: CaseFile, today: LocalDate) -> [NextStep] {
        let p = file.youngPerson
        guard !p.anonymous else { return [] }
        let id = file.id.rawValue
        let age = p.age(on: today)
        let adult = (age ?? 0) >= 18
        let openKinds = Set(file.openDeadlines.map(\.kind))
        func cite(_ rule: LegalRuleID) -> String { LegalReferences.reference(rule).citation(on: today, age: age) }
        var steps: [NextStep] = []

        let nothingYet =
            file.concernReports.isEmpty && file.examination == nil && file.actionPlans.isEmpty && file.decisions.isEmpty
        if nothingYet {
            if adult {
                steps.append(
                    NextStep(
                        kind: .missing, text: "Overvej at tilbyde \(firstName(p)) en handleplan",
                        detail:
                            "Kommunen skønner, om en handleplan skal tilbydes (serviceloven § 141, stk. 1); har den unge betydeligt nedsat funktionsevne eller alvorlige sociale problemer og brug for betydelig støtte, skal den tilbydes (stk. 2). Den unge kan sige nej.",
                        legalReferenceID: .adultActionPlan, citation: cite(.adultActionPlan), command: "unge plan \(id)"
                    ))
            } else {
                steps.append(
                    NextStep(
                        kind: .missing, text: "Registrér underretningen, eller start en børnefaglig undersøgelse",
                        detail: "Sagen har hverken en underretning, en undersøgelse eller en plan.",
                        command: "unge underret --sag \(id)"))
            }
            return steps
        }

        if !file.concernReports.isEmpty, file.examination == nil, file.actionPlans.isEmpty,
            !openKinds.contains(.assessment), !adult
        {
            steps.append(
                NextStep(
                    kind: .missing, text: "Beslut, om der skal laves en børnefaglig undersøgelse",
                    detail: "Underretningen er vurderet, men der er ikke registreret en undersøgelse.",
                    legalReferenceID: .examination, citation: cite(.examination), command: "unge undersoeg \(id)"))
        }

        if let exam = file.examination, exam.completedDate == nil, !openKinds.contains(.examination) {
            steps.append(
                NextStep(
                    kind: .missing,
                    text: exam.kind == .afdaekning ? "Afslut afdækningen" : "Afslut den børnefaglige undersøgelse",
                    command: "unge undersoeg \(id)"))
        }

        let stance = file.decisions.contains { $0.kind == .planStance }
        if file.actionPlans.isEmpty, !openKinds.contains(.plan), !stance {
            let supportNeeded = file.examination?.conclusion?.specialSupportNeeded ?? false
            // An adult's plan: must be offered under serviceloven § 141 stk. 2, else the municipality judges
            // (stk. 1), from the facts recorded on the decisions (AUDIT row 20, D9).
            let req = PlanKind.requirement(
                age: age, on: today, decisions: DecisionLaw.planBases(file.decisions, on: today))
            if supportNeeded || (adult && req.duty != .none) {
                let kind = req.kind
                let rule = adult ? req.rule : kind.legalRule
                let detail: String
                switch (adult, req.duty) {
                case (true, .mustOffer):
                    detail = "Kommunen skal tilbyde \(firstName(p)) en handleplan (stk. 2); den unge kan sige nej."
                case (true, .offer):
                    detail =
                        "Kommunen skønner, om \(firstName(p)) skal tilbydes en handleplan (stk. 1); ved betydeligt nedsat funktionsevne eller alvorlige sociale problemer med behov for betydelig støtte skal den tilbydes (stk. 2)."
                case (true, _):
                    detail = "Lav \(kind.danishName.lowercasedFirstLetter) (\(req.duty.danish))."
                default:
                    detail =
                        "Undersøgelsen viser behov for særlig støtte. Lav \(kind.danishName.lowercasedFirstLetter)."
                }
                steps.append(
                    NextStep(
                        kind: .missing,
                        text: adult && req.duty == .offer ? "Tag stilling til en handleplan" : "Planen mangler",
                        detail: detail, legalReferenceID: rule, citation: cite(rule), command: "unge plan \(id)"))
            }
        }

        if let plan = file.actionPlans.last {
            if plan.kind == .adultActionPlan, plan.offer?.response == .pending {
                steps.append(
                    NextStep(
                        kind: .missing, text: "\(firstName(p)) har ikke svaret på tilbuddet om en handleplan",
                        legalReferenceID: .adultActionPlan, citation: cite(.adultActionPlan), command: "unge plan \(id)"
                    ))
            }
            let treatment = plan.measures.contains { $0.kind == .outpatientDrugTreatment || $0.kind == .groupTreatment }
            if treatment, file.treatmentPlans.isEmpty {
                steps.append(
                    NextStep(
                        kind: .missing, text: "Behandlingsplanen mangler",
                        detail:
                            "Planen har en behandlingsindsats; leverandørens behandlingsplan skal pege på planens mål.",
                        command: "unge behandlingsplan \(id)"))
            }
        }

        if file.network.people.isEmpty {
            steps.append(
                NextStep(
                    kind: .missing, text: "Tegn netværkskortet sammen med \(firstName(p))",
                    command: "unge netvaerk \(id)"))
        }
        return steps
    }

    // MARK: Age thresholds

    /// The next threshold ahead within the horizon: 15, 16, 17½ (only for a placed young person),
    /// 18 and 23 (only for an adult still in the case).
    static func ageSteps(_ file: CaseFile, today: LocalDate, horizonMonths: Int) -> [NextStep] {
        guard let born = file.youngPerson.birthDate, !file.youngPerson.anonymous else { return [] }
        let placed = file.actionPlans.last?.measures.contains { $0.kind == .placement } ?? false
        let limit = today.adding(months: horizonMonths)
        let name = firstName(file.youngPerson)
        let ahead = Age.thresholds(born: born, on: today).filter { t in
            guard !t.passed, t.date <= limit else { return false }
            switch t.id {
            case "age10": return false
            case "age17half": return placed
            default: return true
            }
        }
        guard let t = ahead.first else { return [] }
        let text =
            t.id == "age17half"
            ? "\(name) er 17½ år den \(t.date.danishLong)"
            : "\(name) fylder \(t.ageLabel.replacingOccurrences(of: " år", with: "")) den \(t.date.danishLong)"
        return [
            NextStep(
                kind: .ageThreshold, text: text, detail: t.whatChanges, dueDate: t.date,
                legalReferenceID: t.legalReferenceID, citation: t.paragraph)
        ]
    }
}

/// Danish counts with the right noun: "1 sag", "2 sager".
public enum Plural {
    public static func count(_ n: Int, _ one: String, _ many: String) -> String {
        "\(n) \(n == 1 ? one : many)"
    }

    /// A whole number with Danish thousands separators: 49990 → "49.990".
    public static func number(_ n: Int) -> String {
        let s = String(n.magnitude)
        var out = ""
        for (i, ch) in s.reversed().enumerated() {
            if i > 0, i % 3 == 0 { out.append(".") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + String(out.reversed())
    }
}

extension String {
    /// The string with its first letter in lower case: "Barnets plan" → "barnets plan".
    public var lowercasedFirstLetter: String {
        guard let f = first else { return self }
        return f.lowercased() + dropFirst()
    }
}

extension NextSteps {
    /// The "Næste skridt" section of a document (`unge vis`, the printable case overview).
    public static func blocks(_ steps: [NextStep], closed: LocalDate? = nil, reason: String? = nil) -> [Document.Block]
    {
        var blocks: [Document.Block] = [.heading("Næste skridt", level: 2)]
        if let closed {
            let why = reason.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap {
                $0.isEmpty ? nil : $0
            }
            blocks.append(
                .paragraph(
                    "Sagen er lukket \(closed.danishLong)" + (why.map { " (\($0))" } ?? "")
                        + ". Der er ingen næste skridt."))
        } else if steps.isEmpty {
            blocks.append(.paragraph("Der er ingen frister eller manglende oplysninger i sagen lige nu."))
        } else {
            blocks.append(
                .list(
                    steps.map { s in
                        var line = s.line
                        if !s.detail.isEmpty { line += "\n" + s.detail }
                        return line
                    }))
        }
        return blocks
    }
}
