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

    /// Deadline states as four cells: on time, late, missing (overdue or lapsed), not yet due.
    private func deadlineParts(_ prefix: String, _ items: [(Deadline, LocalDate?)]) -> [(String, String, Int)] {
        var c = [DeadlineOutcome: Int]()
        for (d, closed) in items { c[states.outcome(of: d, closed: closed, asOf: asOf), default: 0] += 1 }
        return [
            ("\(prefix).til-tiden", "til tiden", c[.metOnTime, default: 0]),
            ("\(prefix).for-sent", "for sent", c[.metLate, default: 0]),
            (
                "\(prefix).mangler", "mangler (overskredet eller bortfaldet)",
                c[.overdue, default: 0] + c[.lapsed, default: 0]
            ),
            ("\(prefix).ikke-forfalden", "endnu ikke forfalden", c[.open, default: 0]),
        ]
    }

    /// The report from whole case files.
    public func compute(cases: [CaseFile]) -> StatisticsReport { compute(facts: cases.map(StatisticsFacts.init)) }

    /// The report from each case's statistics facts (the store's derived index).
    public func compute(facts: [StatisticsFacts]) -> StatisticsReport {
        let b = Builder()
        let inPeriod: (LocalDate) -> Bool = { $0 >= from && $0 <= to }
        // Indexes into `files` and its lists, never copies of the facts (10,000 cases: copying costs).
        let files = facts.sorted { $0.id < $1.id }

        // 1. Notifications received in the period.
        var reports: [(file: Int, report: Int)] = []
        for (i, f) in files.enumerated() {
            for (j, r) in f.concernReports.enumerated() where inPeriod(Self.day(r.received)) { reports.append((i, j)) }
        }
        b.section("underretninger", "Underretninger modtaget i perioden")
        var byKind = [NotifierKind: Int]()
        var byLevel = [String: Int]()
        for (i, j) in reports {
            let r = files[i].concernReports[j]
            byKind[r.kind, default: 0] += 1
            byLevel[r.level?.rawValue ?? "none", default: 0] += 1
        }
        b.breakdown(
            "underretninger.i-alt", "Underretninger i alt",
            NotifierKind.allCases.map {
                ("underretninger.underretter.\($0.rawValue)", $0.danish, byKind[$0, default: 0])
            })
        b.supp.constraints.append(
            Suppression.Constraint(
                total: "underretninger.i-alt",
                parts: (ConcernLevel.allCases.map(\.rawValue) + ["none"]).map { "underretninger.niveau.\($0)" }))
        b.row("underretninger.niveau", "Bekymringsbuen")
        for l in ConcernLevel.allCases {
            b.supp.add("underretninger.niveau.\(l.rawValue)", byLevel[l.rawValue, default: 0])
            b.row("underretninger.niveau.\(l.rawValue)", l.danish, level: 1, parent: "underretninger.i-alt")
        }
        b.supp.add("underretninger.niveau.none", byLevel["none", default: 0])
        b.row("underretninger.niveau.none", "ikke angivet", level: 1, parent: "underretninger.i-alt")
        func linked(_ kind: DeadlineKind) -> [(Deadline, LocalDate?)] {
            reports.compactMap { (i, j) in
                let ids = files[i].concernReports[j].deadlineIDs
                return files[i].deadlines.first { $0.kind == kind && ids.contains($0.id) }.map {
                    ($0, files[i].closedDate)
                }
            }
        }
        b.breakdown(
            "underretninger.vurdering", "Vurderet inden for 24 timer",
            deadlineParts("underretninger.vurdering", linked(.assessment)))
        b.breakdown(
            "underretninger.kvittering", "Kvittering inden for 6 hverdage",
            deadlineParts("underretninger.kvittering", linked(.receipt)))
        let feedback = linked(.notifierFeedback)
        let given = feedback.filter { $0.0.isMet }.count
        b.breakdown(
            "underretninger.orientering", "Orientering til underretter efter § 133",
            [
                ("underretninger.orientering.givet", "givet", given),
                ("underretninger.orientering.ikke-givet", "ikke givet", feedback.count - given),
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
        func due(_ filter: (Deadline) -> Bool) -> [(Deadline, LocalDate?)] {
            files.flatMap { f in f.deadlines.filter { filter($0) && inPeriod($0.dueDate) }.map { ($0, f.closedDate) } }
        }
        b.breakdown(
            "frister.undersoegelse", "Børnefaglig undersøgelse inden for 4 måneder",
            deadlineParts("frister.undersoegelse", due { $0.kind == .examination }))
        let afd = files.filter { $0.afdaekningCompleted.map(inPeriod) == true }.count
        b.supp.add("frister.afdaekning", afd)
        b.row("frister.afdaekning", "Afdækninger afsluttet i perioden (ingen lovbestemt frist)")
        b.breakdown(
            "frister.plan", "Plan eller stillingtagen til tiden",
            deadlineParts("frister.plan", due { $0.kind == .plan }))
        b.breakdown(
            "frister.opfoelgning", "Første opfølgning til tiden",
            deadlineParts(
                "frister.opfoelgning",
                due { $0.kind == .followUp && ($0.id == "opfoelgning-foerste" || $0.id.hasSuffix("-opfoelgning")) }))
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
        var requests: [(file: Int, decision: Decision, basis: TreatmentBasis)] = []
        for (i, f) in files.enumerated() {
            for d in f.decisions {
                if let basis = TreatmentBasis.of(d.kind), let r = d.requestDate, inPeriod(r) {
                    requests.append((i, d, basis))
                }
            }
        }
        b.breakdown(
            "behandling.henvendelser", "Henvendelser om behandling",
            TreatmentBasis.allCases.map { basis in
                ("behandling.grundlag.\(basis.rawValue)", basis.label, requests.filter { $0.2 == basis }.count)
            })
        let anonymous = requests.filter { files[$0.file].anonymous || $0.basis == .sel101a }.count
        b.supp.add("behandling.anonyme", anonymous)
        b.row(
            "behandling.anonyme", "heraf anonyme (tælles, men identificeres aldrig)", level: 1,
            parent: "behandling.henvendelser")
        var startCounts = [String: Int]()
        var daysByBasis = [TreatmentBasis: [Int]]()
        let asOfDay = Self.day(asOf)
        for (i, d, basis) in requests {
            let f = files[i]
            let started = states.actualStart(of: d, asOf: asOfDay)
            if let s = started, let r = d.requestDate { daysByBasis[basis, default: []].append(r.days(until: s)) }
            guard
                let deadline = f.deadlines.first(where: {
                    $0.id == "\(DecisionDeadlines.prefix)\(d.id)-behandlingsstart"
                })
            else { continue }
            let key: String
            switch states.outcome(of: deadline, closed: f.closedDate, asOf: asOf) {
            case .metOnTime: key = "til-tiden"
            case .metLate: key = "for-sent"
            case .open: key = d.end != nil ? "afsluttet-uden-start" : "venter"
            case .overdue: key = d.end != nil ? "afsluttet-uden-start" : "overskredet"
            case .lapsed: key = "sag-lukket"
            }
            startCounts[key, default: 0] += 1
        }
        b.breakdown(
            "behandling.start", "Startet inden for 14 dage (sager med frist)",
            [
                ("behandling.start.til-tiden", "til tiden", startCounts["til-tiden", default: 0]),
                ("behandling.start.for-sent", "for sent", startCounts["for-sent", default: 0]),
                (
                    "behandling.start.overskredet", "ikke startet, fristen er overskredet",
                    startCounts["overskredet", default: 0]
                ),
                ("behandling.start.venter", "ikke startet, fristen er ikke nået", startCounts["venter", default: 0]),
                (
                    "behandling.start.afsluttet-uden-start", "ikke startet, afgørelsen er afsluttet",
                    startCounts["afsluttet-uden-start", default: 0]
                ),
                ("behandling.start.sag-lukket", "ikke startet, sagen er lukket", startCounts["sag-lukket", default: 0]),
            ])
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

        // 4. Cases: opened, closed by reason, reopened, caseload at the period's end.
        b.section("sager", "Sager")
        let opened = files.reduce(0) { $0 + (inPeriod(Self.day($1.created)) ? 1 : 0) }
        b.supp.add("sager.oprettet", opened)
        b.row("sager.oprettet", "Oprettet i perioden")
        var closedBy = [ClosureCategory: Int]()
        for f in files {
            if let c = f.closedDate, inPeriod(c) { closedBy[f.closure ?? .other, default: 0] += 1 }
        }
        b.breakdown(
            "sager.lukket", "Lukket i perioden",
            ClosureCategory.allCases.map { ("sager.lukket.\($0.rawValue)", $0.label, closedBy[$0, default: 0]) })
        let reopened = files.reduce(0) { n, f in n + f.reopened.filter { inPeriod(Self.day($0)) }.count }
        b.supp.add("sager.genaabnet", reopened)
        b.row("sager.genaabnet", "Genåbnet i perioden")
        let cutoffDay = min(to, Self.day(asOf))
        let openAtEnd = files.filter { f in
            Self.day(f.created) <= to && (f.closedDate.map { $0 > to } ?? true)
        }
        b.define(
            "Oprettet: sagens oprettelsesdato i perioden. Lukket: sager, hvis lukkedato ligger i perioden, efter den registrerede lukkegrund (unge luk --aarsag); ældre sager uden lukkegrund grupperes efter ordene i begrundelsen. Genåbnet: genåbninger registreret i perioden."
        )

        // 5. Caseload and overdue per caseworker at the period's end.
        b.section(
            "sagsbehandlere", "Sagsbehandlere ved periodens slutning", columns: ["Åbne sager", "Overskredne frister"])
        let cutoff = DanishTime.instant(cutoffDay, hour: 23, minute: 59)
        func overdue(_ f: StatisticsFacts) -> Int {
            f.deadlines.filter { d in
                guard d.counting != .task else { return false }
                var seen = d
                if let m = d.metAt, m > cutoff { seen.metAt = nil }
                return states.outcome(of: seen, closed: nil, asOf: cutoff) == .overdue
            }.count
        }
        var byWorker = [String: (Int, Int)]()
        for f in openAtEnd {
            let name = f.caseworker?.trimmingCharacters(in: .whitespaces) ?? ""
            var v = byWorker[name, default: (0, 0)]
            v.0 += 1
            v.1 += overdue(f)
            byWorker[name] = v
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
        var after = [String: Int]()
        for f in files where !f.anonymous {
            guard let born = f.birthDate else { continue }
            let eighteen = Age.dateTurning(18, born: born)
            guard inPeriod(eighteen), Self.day(f.created) <= eighteen else { continue }
            if let c = f.closedDate, c < eighteen { continue }
            let window = eighteen.adding(months: -6)
            let key: String
            if f.decisions.contains(where: {
                ($0.kind.isYouthSupport || $0.kind == .handbookAftercare) && $0.decisionDate >= window
            }) {
                key = "ungestoette"
            } else if f.decisions.contains(where: {
                ($0.kind.isAdultTreatment || $0.kind == .alcoholTreatment || $0.kind == .anonymousTreatment)
                    && $0.decisionDate >= window
            }) {
                key = "voksen"
            } else if f.closedDate != nil {
                key = "lukket"
            } else {
                key = "intet"
            }
            after[key, default: 0] += 1
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
            from: from, to: to, scope: scope, sections: sections, trend: trend(files),
            suppressionNote: StatisticsReport.suppressionText)
    }

    /// The on-time share per month, the 12 months up to `to`: one pass over the deadlines.
    private func trend(_ files: [StatisticsFacts]) -> [TrendPoint] {
        let last = LocalDate(year: to.year, month: to.month, day: 1)!
        let first = last.adding(months: -11)
        let months = (0..<12).map { first.adding(months: $0) }
        var onTime = [Int](repeating: 0, count: 12)
        var decided = [Int](repeating: 0, count: 12)
        let end = last.adding(months: 1)
        for f in files {
            for d in f.deadlines where d.counting != .task && d.dueDate >= first && d.dueDate < end {
                let m = (d.dueDate.year - first.year) * 12 + d.dueDate.month - first.month
                guard m >= 0, m < 12 else { continue }
                switch states.outcome(of: d, closed: f.closedDate, asOf: asOf) {
                case .metOnTime:
                    onTime[m] += 1
                    decided[m] += 1
                case .metLate, .overdue, .lapsed: decided[m] += 1
                case .open: break
                }
            }
        }
        return (0..<12).map { m in
            TrendPoint(
                month: String(months[m].iso.prefix(7)),
                percentOnTime: decided[m] >= Suppression.threshold
                    ? (Double(onTime[m]) * 100 / Double(decided[m])) : nil)
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
