import Dispatch
import Foundation

/// Computes `StatisticsReport` from case files (the file store) or, through the same rules, from
/// any list of cases. Every deadline figure comes from `DeadlineStateSource` (met late is late, a
/// planned start is not a start); nothing here computes a deadline.
public struct StatisticsComputation: Sendable {
    public var from: LocalDate
    public var to: LocalDate
    /// The moment states are read at (now).
    public var asOf: Date
    public var scope: String
    /// Whether a caseworker name is the viewer: their own row is shown exactly.
    public var isViewer: @Sendable (String?) -> Bool
    /// Per-caseworker rows for others too (team leaders on the team store); else only the viewer's.
    public var showOtherCaseworkers: Bool
    public var states: any DeadlineStateSource

    public init(
        from: LocalDate, to: LocalDate, asOf: Date, scope: String, isViewer: @escaping @Sendable (String?) -> Bool,
        showOtherCaseworkers: Bool = false, states: any DeadlineStateSource = RecordedDeadlineStates()
    ) {
        self.from = from
        self.to = to
        self.asOf = asOf
        self.scope = scope
        self.isViewer = isViewer
        self.showOtherCaseworkers = showOtherCaseworkers
        self.states = states
    }

    /// The default period: the last full calendar month before `today`.
    public static func lastFullMonth(before today: LocalDate) -> (LocalDate, LocalDate) {
        let first = LocalDate(year: today.year, month: today.month, day: 1)!
        let prev = first.adding(months: -1)
        return (prev, first.adding(days: -1))
    }

    /// The period for `--fra`/`--til`: both given as they are; one alone completes with the rest of its
    /// month (`--fra` alone: to the month's end, but not past today); neither: the last full month.
    public static func period(from: LocalDate?, to: LocalDate?, today: LocalDate) -> (LocalDate, LocalDate) {
        let (defFrom, defTo) = lastFullMonth(before: today)
        let start = from ?? (to.map { LocalDate(year: $0.year, month: $0.month, day: 1)! } ?? defFrom)
        let end = to ?? (from.map { max($0, min(today, $0.adding(months: 1).adding(days: -1))) } ?? defTo)
        return (start, end)
    }

    /// The days a case must touch to count in the period `from`...`to`: the period itself and the
    /// twelve months of the trend (to the end of `to`'s month). A case whose
    /// `StatisticsFacts.activitySpan` lies wholly outside counts in no figure, so a store may leave it out.
    public static func window(from: LocalDate, to: LocalDate) -> ClosedRange<LocalDate> {
        let month = LocalDate(year: to.year, month: to.month, day: 1)!
        return min(from, month.adding(months: -11))...max(to, month.adding(months: 1).adding(days: -1))
    }

    /// Whether a case with this activity span can count in a period with this `window`.
    public static func mayCount(_ span: (first: LocalDate, last: LocalDate?), in window: ClosedRange<LocalDate>) -> Bool
    {
        span.first <= window.upperBound && (span.last.map { $0 >= window.lowerBound } ?? true)
    }

    /// Treatment bases the statistics group by.
    public enum TreatmentBasis: String, CaseIterable, Sendable {
        case bl33 = "bl33"
        case sel101 = "sel101"
        case sul141 = "sul141"
        case sel101a = "sel101a"

        public var label: String {
            switch self {
            case .bl33: return "Barnets lov § 33"
            case .sel101: return "Serviceloven § 101"
            case .sul141: return "Sundhedsloven § 141"
            case .sel101a: return "Serviceloven § 101 a (anonym)"
            }
        }

        public static func of(_ kind: DecisionKind) -> TreatmentBasis? {
            if kind.isMinorTreatment { return .bl33 }
            if kind.isAdultTreatment { return .sel101 }
            if kind == .alcoholTreatment { return .sul141 }
            if kind == .anonymousTreatment { return .sel101a }
            return nil
        }
    }

    /// Why a case was closed, from the reason's words (the reason text itself is never shown).
    public enum ClosureCategory: String, CaseIterable, Sendable, Codable {
        case goalReached, moved, adult, noNeed, declined, other

        public var label: String {
            switch self {
            case .goalReached: return "Målet er nået / indsatsen afsluttet"
            case .moved: return "Flyttet til anden kommune"
            case .adult: return "Fyldt 18 / overgået til voksenområdet"
            case .noNeed: return "Intet behov for støtte"
            case .declined: return "Ønsker ikke hjælp"
            case .other: return "Anden grund"
            }
        }

        static let words: [(ClosureCategory, [String])] = [
            (.moved, ["flyt", "fraflyt", "anden kommune"]),
            (.adult, ["18 år", "fyldt 18", "voksen", "overgået", "overgang"]),
            (.declined, ["ønsker ikke", "oensker ikke", "afslå", "afslog", "trukket", "ikke samtykke"]),
            (.noNeed, ["intet behov", "ikke behov", "ingen behov", "ingen bekymring", "grundløs"]),
            (.goalReached, ["mål", "maal", "afsluttet", "gennemført", "stoffri", "nået"]),
        ]

        /// The word `unge luk --aarsag` takes.
        public var token: String {
            switch self {
            case .goalReached: return "maal-naaet"
            case .moved: return "flyttet"
            case .adult: return "fyldt-18"
            case .noNeed: return "intet-behov"
            case .declined: return "oensker-ikke-hjaelp"
            case .other: return "andet"
            }
        }

        /// Accepts the token (æøå or not), the number in `allCases` order, and the code name.
        public static func parse(_ text: String) -> ClosureCategory? {
            let t = text.trimmingCharacters(in: .whitespaces).lowercased()
                .replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "ø", with: "oe")
                .replacingOccurrences(of: "å", with: "aa").replacingOccurrences(of: " ", with: "-")
            if let n = Int(t), n >= 1, n <= allCases.count { return allCases[n - 1] }
            return allCases.first { $0.token == t || $0.rawValue.lowercased() == t }
        }

        /// The category guessed from a free-text reason's words (cases closed before the category
        /// was recorded, and the suggestion when `--aarsag` is left out).
        public static func of(_ reason: String?) -> ClosureCategory {
            let t = (reason ?? "").lowercased()
            for (c, ws) in words where ws.contains(where: { t.contains($0) }) { return c }
            return .other
        }
    }

    /// Histogram bins of days from request to actual start.
    public static let startBins: [(String, ClosedRange<Int>)] = [
        ("0-7 dage", 0...7), ("8-14 dage", 8...14), ("15-28 dage", 15...28), ("29-56 dage", 29...56),
        ("over 56 dage", 57...Int.max / 2),
    ]

    // MARK: - Building

    private final class Builder {
        var supp = Suppression()
        /// Rows per section: (key per column, label, level, parent key for the share).
        var sections:
            [(
                id: String, title: String, columns: [String],
                rows: [(keys: [String], label: String, level: Int, parent: String?)],
                values: [(String, String, Double?, Int)], definitions: [String]
            )] = []

        func section(_ id: String, _ title: String, columns: [String] = ["Antal"]) {
            sections.append((id, title, columns, [], [], []))
        }
        func row(_ key: String, _ label: String, level: Int = 0, parent: String? = nil) {
            sections[sections.count - 1].rows.append(([key], label, level, parent))
        }
        func multiRow(_ keys: [String], _ label: String) {
            sections[sections.count - 1].rows.append((keys, label, 1, nil))
        }
        func value(_ key: String, _ label: String, _ v: Double?, n: Int) {
            sections[sections.count - 1].values.append((key, label, v, n))
        }
        func define(_ text: String) { sections[sections.count - 1].definitions.append(text) }

        /// A total and its breakdown, as rows under it.
        func breakdown(_ total: String, _ totalLabel: String, _ parts: [(String, String, Int)]) {
            supp.add(total: total, parts: parts.map { ($0.0, $0.2) })
            row(total, totalLabel)
            for p in parts { row(p.0, p.1, level: 1, parent: total) }
        }
    }

    /// The four cells of a deadline figure: on time, late, missing (overdue or lapsed), not yet due.
    static func cell(_ o: DeadlineOutcome) -> String {
        switch o {
        case .metOnTime: return "til-tiden"
        case .metLate: return "for-sent"
        case .overdue, .lapsed: return "mangler"
        case .open: return "ikke-forfalden"
        }
    }

    /// The cells of a deadline figure, from `counts` (`prefix.til-tiden`, ...).
    private func deadlineParts(_ prefix: String, _ counts: StatisticsCounts) -> [(String, String, Int)] {
        [
            ("\(prefix).til-tiden", "til tiden", counts["\(prefix).til-tiden"]),
            ("\(prefix).for-sent", "for sent", counts["\(prefix).for-sent"]),
            ("\(prefix).mangler", "mangler (overskredet eller bortfaldet)", counts["\(prefix).mangler"]),
            ("\(prefix).ikke-forfalden", "endnu ikke forfalden", counts["\(prefix).ikke-forfalden"]),
        ]
    }

    /// The report from whole case files.
    public func compute(cases: [CaseFile]) -> StatisticsReport { compute(facts: cases.map(StatisticsFacts.init)) }

    /// The report from each case's statistics facts (the store's derived index).
    public func compute(facts: [StatisticsFacts]) -> StatisticsReport {
        report(counts: count(facts: facts))
    }

    /// The first day of each of the trend's 12 months (the 12 months up to `to`).
    public var trendMonths: [LocalDate] {
        let last = LocalDate(year: to.year, month: to.month, day: 1)!
        let first = last.adding(months: -11)
        return (0..<12).map { first.adding(months: $0) }
    }

    /// The Danish day of `asOf`.
    public var asOfDay: LocalDate { Self.day(asOf) }

    /// The moment caseloads and overdue deadlines are read at: the period's last day (or today, if
    /// earlier) at 23.59 Danish time.
    public var cutoff: Date { DanishTime.instant(min(to, asOfDay), hour: 23, minute: 59) }

    /// What the figures count, before suppression and layout: Swift's counting of the facts. The team
    /// store counts the same in SQL over the items Core wrote at save (`StatisticsItems`).
    ///
    /// Every figure is a sum over cases, so thousands of cases are counted in parts on all cores and
    /// the parts added up (`StatisticsCounts.add`): the same counts as one pass.
    public func count(facts: [StatisticsFacts]) -> StatisticsCounts {
        facts.withUnsafeBufferPointer { all in
            let parts = all.count >= 2048 ? min(8, all.count / 1024) : 1
            if parts == 1 { return count(files: all) }
            var counted = [StatisticsCounts](repeating: StatisticsCounts(), count: parts)
            counted.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let out = out
                nonisolated(unsafe) let all = all
                DispatchQueue.concurrentPerform(iterations: parts) { k in
                    let lower = all.count * k / parts
                    let upper = all.count * (k + 1) / parts
                    out[k] = count(files: UnsafeBufferPointer(rebasing: all[lower..<upper]))
                }
            }
            var c = counted[0]
            for k in 1..<parts { c.add(counted[k]) }
            return c
        }
    }

    /// Reads fields in place through the buffer, never copies whole facts (10,000 cases: copying
    /// costs more than counting).
    private func count(files: UnsafeBufferPointer<StatisticsFacts>) -> StatisticsCounts {
        var c = StatisticsCounts()
        let from = from
        let to = to
        let inPeriod: (LocalDate) -> Bool = { $0 >= from && $0 <= to }
        let asOfDay = asOfDay
        // The keys built once (10,000 cases: no string is built per case).
        let kindKeys = Dictionary(
            uniqueKeysWithValues: NotifierKind.allCases.map { ($0, "underretninger.underretter.\($0.rawValue)") })
        let levelKeys = Dictionary(
            uniqueKeysWithValues: ConcernLevel.allCases.map { ($0, "underretninger.niveau.\($0.rawValue)") })
        var cellKeys = [String: [DeadlineOutcome: String]]()
        for prefix in [
            "underretninger.vurdering", "underretninger.kvittering", "frister.undersoegelse", "frister.plan",
            "frister.opfoelgning",
        ] {
            cellKeys[prefix] = Dictionary(
                uniqueKeysWithValues: DeadlineOutcome.allCases.map { ($0, "\(prefix).\(Self.cell($0))") })
        }
        let closed = { (i: Int, d: Deadline) in self.states.outcome(of: d, closed: files[i].closedDate, asOf: self.asOf)
        }

        // 1. Notifications received in the period, and the deadlines linked to each.
        for i in files.indices {
            for r in files[i].concernReports where inPeriod(Self.day(r.received)) {
                c.add(kindKeys[r.kind]!)
                c.add(r.level.map { levelKeys[$0]! } ?? "underretninger.niveau.none")
                func linked(_ kind: DeadlineKind) -> Deadline? {
                    files[i].deadlines.first { $0.kind == kind && r.deadlineIDs.contains($0.id) }
                }
                if let d = linked(.assessment) { c.add(cellKeys["underretninger.vurdering"]![closed(i, d)]!) }
                if let d = linked(.receipt) { c.add(cellKeys["underretninger.kvittering"]![closed(i, d)]!) }
                if let d = linked(.notifierFeedback) {
                    c.add(d.isMet ? "underretninger.orientering.givet" : "underretninger.orientering.ikke-givet")
                }
            }
        }

        // 2. Deadlines falling due in the period; afdækninger.
        for i in files.indices {
            for d in files[i].deadlines where inPeriod(d.dueDate) {
                guard let figure = Self.dueFigure(d) else { continue }
                c.add(cellKeys[figure]![closed(i, d)]!)
            }
            if files[i].afdaekningCompleted.map(inPeriod) == true { c.add("frister.afdaekning") }
        }

        // 3. Treatment requests in the period.
        for i in files.indices {
            for d in files[i].decisions {
                guard let basis = TreatmentBasis.of(d.kind), let r = d.requestDate, inPeriod(r) else { continue }
                c.add("behandling.grundlag.\(basis.rawValue)")
                if files[i].anonymous || basis == .sel101a { c.add("behandling.anonyme") }
                if let s = states.actualStart(of: d, asOf: asOfDay) {
                    c.startDays[basis.rawValue, default: [:]][r.days(until: s), default: 0] += 1
                }
                let id = "\(DecisionDeadlines.prefix)\(d.id)-behandlingsstart"
                guard let deadline = files[i].deadlines.first(where: { $0.id == id }) else { continue }
                c.add("behandling.start.\(Self.startCell(closed(i, deadline), ended: d.end != nil))")
            }
        }

        // 4. Cases opened, closed by reason, reopened.
        for i in files.indices {
            if inPeriod(Self.day(files[i].created)) { c.add("sager.oprettet") }
            if let d = files[i].closedDate, inPeriod(d) {
                c.add("sager.lukket.\((files[i].closure ?? .other).rawValue)")
            }
            for r in files[i].reopened where inPeriod(Self.day(r)) { c.add("sager.genaabnet") }
        }

        // 5. Caseload and overdue deadlines per caseworker (the stored name) at the period's end.
        let cutoff = cutoff
        for i in files.indices {
            guard Self.day(files[i].created) <= to, files[i].closedDate.map({ $0 > to }) ?? true else { continue }
            var n = 0
            for d in files[i].deadlines where d.counting != .task {
                // Met by the cutoff is never overdue; met after it was not met then.
                if let m = d.metAt {
                    if m <= cutoff { continue }
                    var seen = d
                    seen.metAt = nil
                    if states.outcome(of: seen, closed: nil, asOf: cutoff) == .overdue { n += 1 }
                } else if states.outcome(of: d, closed: nil, asOf: cutoff) == .overdue {
                    n += 1
                }
            }
            c.caseworkers[files[i].caseworker ?? "", default: .init()].add(cases: 1, overdue: n)
        }

        // 6. The 18th birthday in the period.
        for i in files.indices {
            guard let key = Self.eighteenCell(files[i]), inPeriod(key.day) else { continue }
            c.add("atten.\(key.cell)")
        }

        // The trend: deadlines falling due in each of the 12 months.
        let months = trendMonths
        let first = months[0]
        let end = months[11].adding(months: 1)
        for i in files.indices {
            let closed = files[i].closedDate
            for d in files[i].deadlines where d.counting != .task && d.dueDate >= first && d.dueDate < end {
                let m = (d.dueDate.year - first.year) * 12 + d.dueDate.month - first.month
                guard m >= 0, m < 12 else { continue }
                switch states.outcome(of: d, closed: closed, asOf: asOf) {
                case .metOnTime:
                    c.trendOnTime[m] += 1
                    c.trendDecided[m] += 1
                case .metLate, .overdue, .lapsed: c.trendDecided[m] += 1
                case .open: break
                }
            }
        }
        return c
    }

    /// The figure a deadline falling due in the period counts in (examination, plan, first follow-up).
    public static func dueFigure(_ d: Deadline) -> String? {
        switch d.kind {
        case .examination: return "frister.undersoegelse"
        case .plan: return "frister.plan"
        case .followUp where d.id == "opfoelgning-foerste" || d.id.hasSuffix("-opfoelgning"):
            return "frister.opfoelgning"
        default: return nil
        }
    }

    /// The cell of a treatment request by its 14-day deadline's outcome and whether the decision ended.
    public static func startCell(_ o: DeadlineOutcome, ended: Bool) -> String {
        switch o {
        case .metOnTime: return "til-tiden"
        case .metLate: return "for-sent"
        case .open: return ended ? "afsluttet-uden-start" : "venter"
        case .overdue: return ended ? "afsluttet-uden-start" : "overskredet"
        case .lapsed: return "sag-lukket"
        }
    }

    /// The 18th birthday of a young person on a case open then, and what followed: a decision on youth
    /// support or adult treatment made at most 6 months before the birthday or later, else whether the
    /// case is closed. Nil for an anonymous case, an unknown birth date, a case created after the
    /// birthday or closed before it. Fixed by the case's facts (no period, no clock).
    public static func eighteenCell(_ f: StatisticsFacts) -> (day: LocalDate, cell: String)? {
        guard !f.anonymous, let born = f.birthDate else { return nil }
        let eighteen = Age.dateTurning(18, born: born)
        guard day(f.created) <= eighteen else { return nil }
        if let c = f.closedDate, c < eighteen { return nil }
        let window = eighteen.adding(months: -6)
        if f.decisions.contains(where: {
            ($0.kind.isYouthSupport || $0.kind == .handbookAftercare) && $0.decisionDate >= window
        }) {
            return (eighteen, "ungestoette")
        }
        if f.decisions.contains(where: {
            ($0.kind.isAdultTreatment || $0.kind == .alcoholTreatment || $0.kind == .anonymousTreatment)
                && $0.decisionDate >= window
        }) {
            return (eighteen, "voksen")
        }
        return (eighteen, f.closedDate != nil ? "lukket" : "intet")
    }

    /// The report from the counts: suppression, layout, definitions.
    public func report(counts: StatisticsCounts) -> StatisticsReport {
        let b = Builder()
        let n = counts

        // 1. Notifications received in the period.
        b.section("underretninger", "Underretninger modtaget i perioden")
        b.breakdown(
            "underretninger.i-alt", "Underretninger i alt",
            NotifierKind.allCases.map {
                ("underretninger.underretter.\($0.rawValue)", $0.danish, n["underretninger.underretter.\($0.rawValue)"])
            })
        b.supp.constraints.append(
            Suppression.Constraint(
                total: "underretninger.i-alt",
                parts: (ConcernLevel.allCases.map(\.rawValue) + ["none"]).map { "underretninger.niveau.\($0)" }))
        b.row("underretninger.niveau", "Bekymringsbuen")
        for l in ConcernLevel.allCases {
            b.supp.add("underretninger.niveau.\(l.rawValue)", n["underretninger.niveau.\(l.rawValue)"])
            b.row("underretninger.niveau.\(l.rawValue)", l.danish, level: 1, parent: "underretninger.i-alt")
        }
        b.supp.add("underretninger.niveau.none", n["underretninger.niveau.none"])
        b.row("underretninger.niveau.none", "ikke angivet", level: 1, parent: "underretninger.i-alt")
        b.breakdown(
            "underretninger.vurdering", "Vurderet inden for 24 timer",
            deadlineParts("underretninger.vurdering", n))
        b.breakdown(
            "underretninger.kvittering", "Kvittering inden for 6 hverdage",
            deadlineParts("underretninger.kvittering", n))
        b.breakdown(
            "underretninger.orientering", "Orientering til underretter efter § 133",
            [
                ("underretninger.orientering.givet", "givet", n["underretninger.orientering.givet"]),
                ("underretninger.orientering.ikke-givet", "ikke givet", n["underretninger.orientering.ikke-givet"]),
            ])
        b.define(
            "Underretninger: modtaget i perioden (dato for modtagelsen), alle underretninger på sagerne i udvalget.")
        b.define(
            "Underretter: fagperson (skærpet pligt, barnets lov § 133), privatperson (§ 135) eller anonym; typen følger af rolle og arbejdssted."
        )
        b.define(
            "Vurdering: inden for 24 timer efter modtagelsen (barnets lov § 136, stk. 2). Registreret efter fristen tæller som for sent."
        )
        b.define(
            "Kvittering: sendt inden for 6 hverdage (barnets lov § 138, stk. 1). Anonyme underrettere får ingen kvittering."
        )
        b.define(
            "Orientering: fagpersoner efter § 133 får besked om, hvad der er sat i gang (barnets lov § 138, stk. 2).")

        // 2. Examinations, plans, follow-ups: deadlines falling due in the period.
        b.section("frister", "Undersøgelser, planer og opfølgning (frister med forfald i perioden)")
        b.breakdown(
            "frister.undersoegelse", "Børnefaglig undersøgelse inden for 4 måneder",
            deadlineParts("frister.undersoegelse", n))
        b.supp.add("frister.afdaekning", n["frister.afdaekning"])
        b.row("frister.afdaekning", "Afdækninger afsluttet i perioden (ingen lovbestemt frist)")
        b.breakdown("frister.plan", "Plan eller stillingtagen til tiden", deadlineParts("frister.plan", n))
        b.breakdown(
            "frister.opfoelgning", "Første opfølgning til tiden", deadlineParts("frister.opfoelgning", n))
        b.define(
            "Fristerne tælles i den periode, hvor de forfalder. Til tiden: opfyldt senest på forfaldsdagen; opfyldt senere tæller som for sent."
        )
        b.define(
            "Undersøgelse: afsluttet senest 4 måneder efter, at kommunen blev opmærksom på behovet (barnets lov § 20, stk. 3). En afdækning (§ 19) har ingen frist og tælles for sig."
        )
        b.define(
            "Plan: barnets plan/ungeplan eller en begrundet stillingtagen senest 3 måneder efter afgørelsen (barnets lov §§ 91 og 108)."
        )
        b.define("Første opfølgning: senest 3 måneder efter indsatsens start (barnets lov § 95).")

        // 3. Treatment requests in the period.
        b.section("behandling", "Behandling: henvendelser i perioden")
        b.breakdown(
            "behandling.henvendelser", "Henvendelser om behandling",
            TreatmentBasis.allCases.map { basis in
                ("behandling.grundlag.\(basis.rawValue)", basis.label, n["behandling.grundlag.\(basis.rawValue)"])
            })
        b.supp.add("behandling.anonyme", n["behandling.anonyme"])
        b.row(
            "behandling.anonyme", "heraf anonyme (tælles, men identificeres aldrig)", level: 1,
            parent: "behandling.henvendelser")
        b.breakdown(
            "behandling.start", "Startet inden for 14 dage (sager med frist)",
            [
                ("behandling.start.til-tiden", "til tiden", n["behandling.start.til-tiden"]),
                ("behandling.start.for-sent", "for sent", n["behandling.start.for-sent"]),
                (
                    "behandling.start.overskredet", "ikke startet, fristen er overskredet",
                    n["behandling.start.overskredet"]
                ),
                ("behandling.start.venter", "ikke startet, fristen er ikke nået", n["behandling.start.venter"]),
                (
                    "behandling.start.afsluttet-uden-start", "ikke startet, afgørelsen er afsluttet",
                    n["behandling.start.afsluttet-uden-start"]
                ),
                ("behandling.start.sag-lukket", "ikke startet, sagen er lukket", n["behandling.start.sag-lukket"]),
            ])
        func days(_ basis: TreatmentBasis) -> [Int] {
            (n.startDays[basis.rawValue] ?? [:]).sorted { $0.key < $1.key }.flatMap {
                Array(repeating: $0.key, count: $0.value)
            }
        }
        let daysByBasis = Dictionary(uniqueKeysWithValues: TreatmentBasis.allCases.map { ($0, days($0)) })
        let allDays = TreatmentBasis.allCases.flatMap { daysByBasis[$0] ?? [] }
        func stats(_ key: String, _ label: String, _ days: [Int]) {
            b.value(
                "\(key).median", "\(label): median dage", Suppression.statistic(Self.median(days), over: days.count),
                n: days.count)
            b.value(
                "\(key).p90", "\(label): 90%-fraktil dage",
                Suppression.statistic(Self.percentile(days, 90), over: days.count), n: days.count)
        }
        stats("behandling.dage", "Alle", allDays)
        for basis in TreatmentBasis.allCases {
            stats("behandling.dage.\(basis.rawValue)", basis.label, daysByBasis[basis] ?? [])
        }
        b.breakdown(
            "behandling.fordeling", "Dage fra henvendelse til faktisk start",
            Self.startBins.enumerated().map { (i, bin) in
                ("behandling.fordeling.\(i)", bin.0, allDays.filter { bin.1.contains($0) }.count)
            })
        b.define(
            "Henvendelser: afgørelser om behandling med henvendelsesdato i perioden, efter lovgrundlag (barnets lov § 33, serviceloven § 101, sundhedsloven § 141, serviceloven § 101 a)."
        )
        b.define(
            "Start inden for 14 dage: faktisk iværksat senest 14 dage efter henvendelsen; en planlagt start tæller ikke. § 101 a har ingen frist."
        )
        b.define(
            "Median og 90%-fraktil: dage fra henvendelse til faktisk start for de startede; medianen er middelværdien af de to midterste ved et lige antal, fraktilen er den nærmeste rang."
        )
        b.define("Anonym behandling tælles med i tallene, men ingen sag nævnes.")

        // 4. Cases: opened, closed by reason, reopened.
        b.section("sager", "Sager")
        b.supp.add("sager.oprettet", n["sager.oprettet"])
        b.row("sager.oprettet", "Oprettet i perioden")
        b.breakdown(
            "sager.lukket", "Lukket i perioden",
            ClosureCategory.allCases.map {
                ("sager.lukket.\($0.rawValue)", $0.label, n["sager.lukket.\($0.rawValue)"])
            })
        b.supp.add("sager.genaabnet", n["sager.genaabnet"])
        b.row("sager.genaabnet", "Genåbnet i perioden")
        b.define(
            "Oprettet: sagens oprettelsesdato i perioden. Lukket: sager, hvis lukkedato ligger i perioden, efter den registrerede lukkegrund (unge luk --aarsag); ældre sager uden lukkegrund grupperes efter ordene i begrundelsen. Genåbnet: genåbninger registreret i perioden."
        )

        // 5. Caseload and overdue per caseworker at the period's end.
        b.section(
            "sagsbehandlere", "Sagsbehandlere ved periodens slutning", columns: ["Åbne sager", "Overskredne frister"])
        var byWorker = [String: (Int, Int)]()
        for (stored, v) in n.caseworkers {
            let name = stored.trimmingCharacters(in: .whitespaces)
            let w = byWorker[name, default: (0, 0)]
            byWorker[name] = (w.0 + v.cases, w.1 + v.overdue)
        }
        var loadParts: [(String, Int)] = []
        var dueParts: [(String, Int)] = []
        for (i, name) in byWorker.keys.sorted().enumerated() {
            let own = isViewer(name)
            guard own || showOtherCaseworkers else { continue }
            let v = byWorker[name]!
            let k = "sagsbehandlere.\(i)"
            loadParts.append(("\(k).sager", v.0))
            dueParts.append(("\(k).frister", v.1))
            if own { b.supp.exempt.formUnion(["\(k).sager", "\(k).frister"]) }
            b.multiRow(["\(k).sager", "\(k).frister"], name.isEmpty ? "(ingen sagsbehandler)" : name)
        }
        let totalLoad = byWorker.values.reduce(0) { $0 + $1.0 }
        let totalDue = byWorker.values.reduce(0) { $0 + $1.1 }
        for (k, v) in loadParts + dueParts { b.supp.add(k, v) }
        b.supp.add("sagsbehandlere.i-alt.sager", totalLoad)
        b.supp.add("sagsbehandlere.i-alt.frister", totalDue)
        if showOtherCaseworkers {
            b.supp.constraints.append(.init(total: "sagsbehandlere.i-alt.sager", parts: loadParts.map(\.0)))
            b.supp.constraints.append(.init(total: "sagsbehandlere.i-alt.frister", parts: dueParts.map(\.0)))
        }
        b.sections[b.sections.count - 1].rows.insert(
            (["sagsbehandlere.i-alt.sager", "sagsbehandlere.i-alt.frister"], "I alt", 0, nil), at: 0)
        b.define(
            "Åbne sager: oprettet senest periodens sidste dag og ikke lukket da. Overskredne frister: frister med lovbestemt løbetid, der var overskredet og ikke opfyldt på periodens sidste dag (eller i dag)."
        )
        b.define(
            showOtherCaseworkers
                ? "Tal for andre sagsbehandlere under 5 vises som \"<5\"; dine egne tal vises præcist."
                : "På et fillager vises kun dine egne tal; I alt omfatter alle sager i udvalget.")

        // 6. The 18th birthday.
        b.section("atten", "18-årsdagen i perioden og hvad der fulgte")
        let after = ["ungestoette", "voksen", "lukket", "intet"].reduce(into: [String: Int]()) {
            $0[$1] = n["atten.\($1)"]
        }
        b.breakdown(
            "atten.i-alt", "Unge, der fyldte 18 i perioden",
            [
                ("atten.ungestoette", "ungestøtte (barnets lov §§ 114-116, 120)", after["ungestoette", default: 0]),
                (
                    "atten.voksen", "behandling for voksne (serviceloven § 101, sundhedsloven § 141)",
                    after["voksen", default: 0]
                ),
                ("atten.lukket", "sagen er lukket", after["lukket", default: 0]),
                ("atten.intet", "intet registreret endnu", after["intet", default: 0]),
            ])
        b.define(
            "18 år: unge på en åben sag, der fyldte 18 i perioden. Det, der fulgte: en afgørelse om ungestøtte eller voksenbehandling truffet højst 6 måneder før 18-årsdagen eller senere; ellers om sagen er lukket."
        )

        // Suppress, then assemble.
        let shown = b.supp.apply()
        let sections = b.sections.map { s in
            StatisticsSection(
                id: s.id, title: s.title, columns: s.columns,
                rows: s.rows.map { r in
                    let cells = r.keys.map { shown[$0] ?? .value(0) }
                    var pct: Int?
                    if let p = r.parent, let n = cells.first?.number, let t = shown[p]?.number, t > 0 {
                        pct = Int((Double(n) * 100 / Double(t)).rounded())
                    }
                    // A heading row with no count of its own.
                    let heading = r.keys.count == 1 && b.supp.counts[r.keys[0]] == nil
                    return StatisticsRow(
                        key: r.keys[0], label: r.label, level: r.level, cells: heading ? [] : cells, percent: pct)
                },
                values: s.values.map { v in
                    StatisticsValue(
                        key: v.0, label: v.1, value: v.2,
                        count: v.3 < Suppression.threshold ? .fewerThanThreshold : .value(v.3))
                },
                definitions: s.definitions)
        }
        return StatisticsReport(
            from: from, to: to, scope: scope, sections: sections, trend: trend(n),
            suppressionNote: StatisticsReport.suppressionText)
    }

    /// The on-time share per month, the 12 months up to `to`.
    private func trend(_ n: StatisticsCounts) -> [TrendPoint] {
        let months = trendMonths
        return (0..<12).map { m in
            TrendPoint(
                month: String(months[m].iso.prefix(7)),
                percentOnTime: n.trendDecided[m] >= Suppression.threshold
                    ? (Double(n.trendOnTime[m]) * 100 / Double(n.trendDecided[m])) : nil)
        }
    }

    /// The Danish calendar day of an instant (the UTC offset of Europe/Copenhagen at that instant).
    static func day(_ instant: Date) -> LocalDate { RecordedDeadlineStates.day(instant) }

    /// The median: the middle value, or the mean of the two middle values; nil for none.
    public static func median(_ values: [Int]) -> Double? {
        let s = values.sorted()
        guard !s.isEmpty else { return nil }
        if s.count % 2 == 1 { return Double(s[s.count / 2]) }
        return Double(s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// The p-th percentile by nearest rank: the value at rank ⌈p/100 · n⌉; nil for none.
    public static func percentile(_ values: [Int], _ p: Int) -> Double? {
        let s = values.sorted()
        guard !s.isEmpty else { return nil }
        let rank = max(1, Int((Double(p) / 100 * Double(s.count)).rounded(.up)))
        return Double(s[min(rank, s.count) - 1])
    }
}
