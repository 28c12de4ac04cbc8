import Foundation

/// The register extracts `unge indberet` writes for a period (databekendtgørelsen, BEK nr. 1295 af
/// 14/11/2023 § 1, as REGISTERS.md summarises it): notifications and measures for Danmarks
/// Statistik, and drug-treatment courses for the Stofmisbrugsdatabasen. Each is a documented,
/// versioned format of our own (fields in `Fixtures/indberetning/README.md`), validated before it is
/// written. Pure: cases, settings and the period come in, rows or errors go out, in a stable order.
public enum RegisterKind: String, Sendable, Equatable, CaseIterable, Codable {
    case dstNotifications = "dst-underretninger"
    case dstMeasures = "dst-indsatser"
    case smdb = "smdb"

    /// The format version of each extract; raised whenever a field changes.
    public var formatVersion: Int {
        switch self {
        // 2: `aarsag` holds the recorded reason (bekymringsområde), no longer always `uoplyst`.
        case .dstNotifications: return 2
        case .dstMeasures, .smdb: return 1
        }
    }

    /// The Danish name for messages.
    public var danish: String {
        switch self {
        case .dstNotifications: return "underretninger til Danmarks Statistik"
        case .dstMeasures: return "indsatser og anbringelser til Danmarks Statistik"
        case .smdb: return "stofmisbrugsbehandling til Stofmisbrugsdatabasen (SMDB)"
        }
    }
}

/// One validation error: the case and what is missing.
public struct RegisterProblem: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The case, or nil for a problem of the store (the municipality not set).
    public var caseID: CaseID?
    /// "underretning 2", "afgørelse A1", "forløb 1 (A1)".
    public var item: String
    public var message: String

    public var description: String {
        caseID.map { "Sag \($0.rawValue), \(item): \(message)" } ?? "\(item.capitalizedFirstLetter): \(message)"
    }
}

/// The extract was not written: every problem found, per case.
public struct RegisterValidationError: Error, Sendable, Equatable {
    public var problems: [RegisterProblem]
}

/// A finished extract: the field names, the rows (text values, in field order) and the cases included.
public struct RegisterExtract: Sendable, Equatable {
    public var kind: RegisterKind
    public var from: LocalDate
    public var to: LocalDate
    public var municipality: String
    public var fields: [String]
    public var rows: [[String]]
    public var caseIDs: [CaseID]

    /// CSV (RFC 4180, comma, UTF-8, CRLF line ends, header first). A value that a spreadsheet would
    /// read as a formula (starting with =, +, -, @) gets a leading apostrophe.
    public func csv() -> String {
        func cell(_ s: String) -> String {
            var v = s
            if let f = v.first, "=+-@".contains(f), Int(v) == nil { v = "'" + v }
            if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return v
        }
        return ([fields] + rows).map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// JSON: format, version, period, municipality, and the rows as objects (sorted keys).
    public func json() throws -> String {
        struct Out: Encodable {
            let format: String
            let formatVersion: Int
            let from: LocalDate
            let to: LocalDate
            let municipality: String
            let rows: [[String: String]]
        }
        let objects = rows.map { Dictionary(uniqueKeysWithValues: zip(fields, $0)) }
        let data = try UngeJSON.encoder().encode(
            Out(
                format: kind.rawValue, formatVersion: kind.formatVersion, from: from, to: to,
                municipality: municipality, rows: objects))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// Builds the extracts.
public struct RegisterExtractor: Sendable {
    public var from: LocalDate
    public var to: LocalDate
    public var municipality: String?
    public var providers: [ProviderEntry]
    public var states: any DeadlineStateSource

    public init(
        from: LocalDate, to: LocalDate, municipality: String?, providers: [ProviderEntry] = [],
        states: any DeadlineStateSource = RecordedDeadlineStates()
    ) {
        self.from = from
        self.to = to
        self.municipality = municipality
        self.providers = providers
        self.states = states
    }

    /// Whether a case may have rows in the extract, from its statistics facts (a superset: the
    /// extract itself decides), so only those case files need reading.
    public func mayInclude(_ kind: RegisterKind, _ f: StatisticsFacts) -> Bool {
        switch kind {
        case .dstNotifications:
            return f.concernReports.contains {
                let day = RecordedDeadlineStates.day($0.received)
                return day >= from && day <= to
            }
        case .dstMeasures:
            return f.decisions.contains {
                ($0.kind.isSupportMeasure || $0.kind.isPlacement || $0.kind.isYouthSupport) && $0.start != nil
                    && ($0.end.map { $0.date >= from } ?? true)
            }
        case .smdb:
            return !f.anonymous
                && f.decisions.contains {
                    ($0.kind.isMinorTreatment || $0.kind.isAdultTreatment) && ($0.requestDate.map { $0 <= to } ?? false)
                }
        }
    }

    /// Two requests this many days apart or less count as one course (SMDB; REGISTERS.md).
    public static let courseMergeDays = 10

    /// The extract, or the list of problems (every case, every missing value) when any is found.
    public func extract(_ kind: RegisterKind, cases: [CaseFile]) -> Result<RegisterExtract, RegisterValidationError> {
        var problems: [RegisterProblem] = []
        let sorted = cases.sorted { $0.id < $1.id }
        var rows: [[String]] = []
        var ids: [CaseID] = []
        let fields: [String]
        switch kind {
        case .dstNotifications:
            fields = Self.notificationFields
            for f in sorted {
                let r = notificationRows(f, &problems)
                if !r.isEmpty { ids.append(f.id) }
                rows += r
            }
        case .dstMeasures:
            fields = Self.measureFields
            for f in sorted {
                let r = measureRows(f, &problems)
                if !r.isEmpty { ids.append(f.id) }
                rows += r
            }
        case .smdb:
            fields = Self.smdbFields
            for f in sorted {
                let r = smdbRows(f, &problems)
                if !r.isEmpty { ids.append(f.id) }
                rows += r
            }
        }
        let muni = municipality?.trimmingCharacters(in: .whitespaces) ?? ""
        if muni.isEmpty, !rows.isEmpty {
            problems.insert(
                RegisterProblem(
                    caseID: nil, item: "lageret",
                    message: "kommunen er ikke sat (unge indstillinger --kommune \"Nordby Kommune\")"), at: 0)
        }
        if !problems.isEmpty { return .failure(RegisterValidationError(problems: problems)) }
        return .success(
            RegisterExtract(
                kind: kind, from: from, to: to, municipality: muni, fields: fields, rows: rows, caseIDs: ids))
    }

    // MARK: - Shared person fields

    /// CPR digits and sex (M/K, from the CPR number's last digit), or problems.
    private func person(_ f: CaseFile, item: String, _ problems: inout [RegisterProblem]) -> (String, String) {
        guard let cpr = f.youngPerson.cpr else {
            problems.append(RegisterProblem(caseID: f.id, item: item, message: "mangler CPR-nummer"))
            problems.append(RegisterProblem(caseID: f.id, item: item, message: "mangler køn (følger af CPR-nummeret)"))
            return ("", "")
        }
        return (cpr.digits, cpr.isMale ? "M" : "K")
    }

    /// Age on the last day of the period (DST: age from the birth date to the reference period's end).
    private func age(_ f: CaseFile) -> String {
        f.youngPerson.birthDate.map { String(Age.years(born: $0, on: to)) } ?? ""
    }

    // MARK: - dst-underretninger

    public static let notificationFields = [
        "sagsnummer", "underretning_nr", "modtaget", "cpr", "koen", "alder_periodens_slut", "underretter_type",
        "dst_underretter_kategori", "aarsag", "dst_aarsag_kategori", "kategori_verificeret", "kommune",
    ]

    private func notificationRows(_ f: CaseFile, _ problems: inout [RegisterProblem]) -> [[String]] {
        var out: [[String]] = []
        for r in f.concernReports.sorted(by: { $0.number < $1.number }) {
            let day = DanishTime.date(of: r.received)
            guard day >= from, day <= to else { continue }
            // Only notifications about a young person under 18 on the day received (DST).
            if let born = f.youngPerson.birthDate, Age.years(born: born, on: day) >= 18 { continue }
            let item = "underretning \(r.number)"
            let (cpr, sex) = person(f, item: item, &problems)
            let kind = NotifierKind.of(r.reporter, relation: r.relation)
            let cat = RegisterCategories.category(for: kind)
            guard let recorded = r.reason else {
                problems.append(
                    RegisterProblem(
                        caseID: f.id, item: item,
                        message:
                            "mangler bekymringsområdet (årsagen): unge underret --sag \(f.id.rawValue) --underretning \(r.number) --omraade OMRÅDE"
                    ))
                continue
            }
            let reason = RegisterCategories.category(for: recorded)
            out.append([
                f.id.rawValue, String(r.number), day.iso, cpr, sex, age(f), kind.rawValue, cat.dstCategory,
                reason.tool, reason.dstCategory, (cat.verified && reason.verified) ? "ja" : "nej",
                municipality ?? "",
            ])
        }
        return out
    }

    // MARK: - dst-indsatser

    public static let measureFields = [
        "sagsnummer", "afgoerelse", "cpr", "koen", "alder_periodens_slut", "indsats", "lovgrundlag",
        "afgoerelsesdato", "start", "slut", "kommune",
    ]

    /// Measures (BL § 32), placements (§§ 46, 47) and ungestøtte (§§ 114-116, 120) running in the period.
    private func measureRows(_ f: CaseFile, _ problems: inout [RegisterProblem]) -> [[String]] {
        var out: [[String]] = []
        let relevant = f.decisions.filter { $0.kind.isSupportMeasure || $0.kind.isPlacement || $0.kind.isYouthSupport }
        for d in relevant.sorted(by: { ($0.decisionDate, $0.id) < ($1.decisionDate, $1.id) }) {
            guard let start = states.actualStart(of: d, asOf: to), start <= to else { continue }
            if let end = d.end?.date, end < from { continue }
            let (cpr, sex) = person(f, item: "afgørelse \(d.id)", &problems)
            out.append([
                f.id.rawValue, d.id, cpr, sex, age(f), d.kind.token,
                DecisionLaw.citation(d, youngPerson: f.youngPerson),
                d.decisionDate.iso, start.iso, d.end.map { $0.date <= to ? $0.date.iso : "" } ?? "", municipality ?? "",
            ])
        }
        return out
    }

    // MARK: - smdb

    public static let smdbFields = [
        "sagsnummer", "forloeb", "afgoerelser", "cpr", "koen", "lovgrundlag", "henvendelse", "ivaerksat",
        "dage_til_start", "inden_14_dage", "leverandoer", "leverandoer_tilbudsportalen", "slut", "slutstatus",
        "kommune",
    ]

    /// One course of treatment: requests ten days or less apart merged.
    public struct Course: Sendable, Equatable {
        public var decisions: [Decision]
        public var request: LocalDate
    }

    /// The SMDB courses of a case: drug treatment (BL § 33, SEL § 101) with a request date, never
    /// anonymous treatment (SEL § 101 a, or an anonymous case); requests ≤ 10 days apart are one course.
    public static func courses(of f: CaseFile) -> [Course] {
        guard !f.youngPerson.anonymous else { return [] }
        let treatments = f.decisions.filter { ($0.kind.isMinorTreatment || $0.kind.isAdultTreatment) }
            .compactMap { d in d.requestDate.map { (d, $0) } }
            .sorted { ($0.1, $0.0.id) < ($1.1, $1.0.id) }
        var out: [Course] = []
        for (d, request) in treatments {
            if var last = out.last, let prev = last.decisions.last?.requestDate,
                prev.days(until: request) <= courseMergeDays
            {
                last.decisions.append(d)
                out[out.count - 1] = last
            } else {
                out.append(Course(decisions: [d], request: request))
            }
        }
        return out
    }

    private func smdbRows(_ f: CaseFile, _ problems: inout [RegisterProblem]) -> [[String]] {
        var out: [[String]] = []
        for (n, c) in Self.courses(of: f).enumerated() {
            let ends = c.decisions.compactMap(\.end)
            let allEnded = ends.count == c.decisions.count
            let end = allEnded ? ends.max { $0.date < $1.date } : nil
            // In the period: requested by its end, and not ended before its start.
            guard c.request <= to else { continue }
            if let e = end, e.date < from { continue }
            let item = "forløb \(n + 1) (\(c.decisions.map(\.id).joined(separator: "+")))"
            let (cpr, sex) = person(f, item: item, &problems)
            let startedDecision = c.decisions.compactMap { d in states.actualStart(of: d, asOf: to).map { (d, $0) } }
                .min { $0.1 < $1.1 }
            let start = startedDecision?.1
            let main = startedDecision?.0 ?? c.decisions[0]
            let providerName = main.provider?.trimmingCharacters(in: .whitespaces) ?? ""
            if start != nil, providerName.isEmpty {
                problems.append(RegisterProblem(caseID: f.id, item: item, message: "mangler leverandør"))
            }
            let endInPeriod = end.flatMap { $0.date <= to ? $0 : nil }
            if let e = endInPeriod, e.status == nil {
                problems.append(
                    RegisterProblem(
                        caseID: f.id, item: item,
                        message: "mangler slutstatus (stoffri, reduceret-stabiliseret eller andet)"))
            }
            let days = start.map { c.request.days(until: $0) }
            out.append([
                f.id.rawValue, String(n + 1), c.decisions.map(\.id).joined(separator: "+"), cpr, sex,
                DecisionLaw.citation(main, youngPerson: f.youngPerson), c.request.iso, start?.iso ?? "",
                days.map(String.init) ?? "", days.map { $0 <= 14 ? "ja" : "nej" } ?? "", providerName,
                ProviderEntry.find(providerName, in: providers)?.tilbudsportalenID ?? "",
                endInPeriod?.date.iso ?? "", endInPeriod?.status?.token ?? "", municipality ?? "",
            ])
        }
        return out
    }
}
