import Foundation

/// The moments of one deadline that statistics compare with "now" (Core derives them at save from
/// the one state function, `Deadline.state`, so a store counting in SQL compares stored moments and
/// never computes a deadline): met at `met` (seconds since 1970), met late or not (`late`), and, while
/// not met, overdue once now is after `overdueAfter` (a clock deadline) or today is after
/// `overdueAfterDay` (a date deadline); neither for a task or a reminder, which are never overdue.
public struct DeadlineMoments: Sendable, Equatable {
    public var met: Double?
    public var late: Bool
    public var overdueAfter: Double?
    public var overdueAfterDay: LocalDate?

    public init(_ d: Deadline) {
        let tz = DanishTime.timeZone
        met = d.metAt?.timeIntervalSince1970
        late =
            d.metAt.map {
                d.state(
                    now: $0, today: RecordedDeadlineStates.day($0), timeZone: tz, closedDate: nil,
                    ignoringLapseReason: true) == .metLate
            } ?? false
        overdueAfter = nil
        overdueAfterDay = nil
        if d.kind.isReminder || d.counting == .task { return }
        if d.counting == .hours {
            overdueAfter = (d.dueTime ?? d.dueMoment(in: tz)).timeIntervalSince1970
        } else {
            overdueAfterDay = d.dueDate
        }
    }

    /// The outcome at `asOf` (today `asOfDay`) on a case closed on `closed`, by comparing the moments:
    /// what the team store's SQL (`unge.statistik_udfald`) does, and the same as
    /// `RecordedDeadlineStates.outcome` (a test holds the two together).
    public func outcome(closed: LocalDate?, asOf: Double, asOfDay: LocalDate) -> DeadlineOutcome {
        if let met, met <= asOf { return late ? .metLate : .metOnTime }
        if let closed, closed <= asOfDay { return .lapsed }
        if let overdueAfter, asOf > overdueAfter { return .overdue }
        if let overdueAfterDay, asOfDay > overdueAfterDay { return .overdue }
        return .open
    }
}

/// One thing a case contributes to the statistics, as the team store keeps it beside the case
/// (`unge.statistik_post`, written at every save): what it is (`kind`), the day that decides the period
/// it counts in, its category, and for a deadline its moments. No CPR number, name or case text.
public struct StatisticsItem: Sendable, Equatable {
    /// `sag` (the case: created, closed, caseworker), `underretning`, `vurdering`, `kvittering`,
    /// `orientering`, `undersoegelse`, `plan`, `opfoelgning`, `afdaekning`, `henvendelse`,
    /// `genaabnet`, `atten`, `frist` (every deadline with a legal period: trend and caseload).
    public var kind: String
    public var day: LocalDate
    /// The category: notifier kind, treatment basis, closure category, cell of the 18th birthday,
    /// `givet`/`ikke-givet` for feedback.
    public var key: String?
    /// The concern level (`none` when not given) of a notification; the caseworker of a case.
    public var extra: String?
    public var anonymous = false
    /// The actual start of a treatment request's measure.
    public var start: LocalDate?
    /// Whether a treatment decision has ended.
    public var ended = false
    public var deadline: DeadlineMoments?
    /// The case's closing date (on every item: a closed case's open deadlines lapse).
    public var closed: LocalDate?

    public init(
        kind: String, day: LocalDate, key: String? = nil, extra: String? = nil, anonymous: Bool = false,
        start: LocalDate? = nil, ended: Bool = false, deadline: DeadlineMoments? = nil, closed: LocalDate?
    ) {
        self.kind = kind
        self.day = day
        self.key = key
        self.extra = extra
        self.anonymous = anonymous
        self.start = start
        self.ended = ended
        self.deadline = deadline
        self.closed = closed
    }

    /// The items of one case, from its facts: the same selections `StatisticsComputation.count(facts:)`
    /// makes, without the period (the store filters by `day`).
    public static func items(of f: StatisticsFacts) -> [StatisticsItem] {
        var out: [StatisticsItem] = []
        let closed = f.closedDate
        let day = RecordedDeadlineStates.day
        out.append(
            StatisticsItem(
                kind: "sag", day: day(f.created), key: f.closedDate == nil ? nil : (f.closure ?? .other).rawValue,
                extra: f.caseworker, closed: closed))
        for r in f.concernReports {
            let received = day(r.received)
            out.append(
                StatisticsItem(
                    kind: "underretning", day: received, key: r.kind.rawValue, extra: r.level?.rawValue ?? "none",
                    closed: closed))
            func linked(_ kind: DeadlineKind) -> Deadline? {
                f.deadlines.first { $0.kind == kind && r.deadlineIDs.contains($0.id) }
            }
            if let d = linked(.assessment) {
                out.append(
                    StatisticsItem(kind: "vurdering", day: received, deadline: DeadlineMoments(d), closed: closed))
            }
            if let d = linked(.receipt) {
                out.append(
                    StatisticsItem(kind: "kvittering", day: received, deadline: DeadlineMoments(d), closed: closed))
            }
            if let d = linked(.notifierFeedback) {
                out.append(
                    StatisticsItem(
                        kind: "orientering", day: received, key: d.isMet ? "givet" : "ikke-givet", closed: closed))
            }
        }
        for d in f.deadlines {
            if let figure = StatisticsComputation.dueFigure(d) {
                out.append(
                    StatisticsItem(
                        kind: String(figure.dropFirst("frister.".count)), day: d.dueDate, deadline: DeadlineMoments(d),
                        closed: closed))
            }
            if d.counting != .task {
                out.append(StatisticsItem(kind: "frist", day: d.dueDate, deadline: DeadlineMoments(d), closed: closed))
            }
        }
        if let a = f.afdaekningCompleted { out.append(StatisticsItem(kind: "afdaekning", day: a, closed: closed)) }
        for d in f.decisions {
            guard let basis = StatisticsComputation.TreatmentBasis.of(d.kind), let r = d.requestDate else { continue }
            let id = "\(DecisionDeadlines.prefix)\(d.id)-behandlingsstart"
            out.append(
                StatisticsItem(
                    kind: "henvendelse", day: r, key: basis.rawValue, anonymous: f.anonymous || basis == .sel101a,
                    start: d.actualStart, ended: d.end != nil,
                    deadline: f.deadlines.first { $0.id == id }.map(DeadlineMoments.init), closed: closed))
        }
        for r in f.reopened { out.append(StatisticsItem(kind: "genaabnet", day: day(r), closed: closed)) }
        if let e = StatisticsComputation.eighteenCell(f) {
            out.append(StatisticsItem(kind: "atten", day: e.day, key: e.cell, closed: closed))
        }
        return out
    }

    /// The items as a JSON array for the database (`jsonb_to_recordset`): keys are the columns of
    /// `unge.statistik_post`; dates `ÅÅÅÅ-MM-DD`, moments seconds since 1970.
    public static func json(_ items: [StatisticsItem]) -> String {
        var out = "["
        for (i, it) in items.enumerated() {
            if i > 0 { out += "," }
            var fields: [String] = ["\"art\":\(quote(it.kind))", "\"dag\":\"\(it.day.iso)\""]
            if let k = it.key { fields.append("\"noegle\":\(quote(k))") }
            if let e = it.extra { fields.append("\"ekstra\":\(quote(e))") }
            if it.anonymous { fields.append("\"anonym\":true") }
            if let s = it.start { fields.append("\"start\":\"\(s.iso)\"") }
            if it.ended { fields.append("\"slut\":true") }
            if let d = it.deadline {
                fields.append("\"har_frist\":true")
                if let m = d.met { fields.append("\"opfyldt\":\(number(m))") }
                if d.late { fields.append("\"sen\":true") }
                if let a = d.overdueAfter { fields.append("\"efter\":\(number(a))") }
                if let a = d.overdueAfterDay { fields.append("\"efter_dag\":\"\(a.iso)\"") }
            }
            if let c = it.closed { fields.append("\"lukket\":\"\(c.iso)\"") }
            out += "{" + fields.joined(separator: ",") + "}"
        }
        return out + "]"
    }

    /// A moment as a JSON number that reads back as the same Double.
    static func number(_ v: Double) -> String {
        v.isFinite ? "\(v)" : "null"
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    out += String(format: "\\u%04x", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
