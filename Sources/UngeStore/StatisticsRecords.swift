import Foundation
import UngeCore

/// `StatisticsFacts` as one line of `statistik.tsv`, without JSON (decoding JSON for ten thousand
/// cases costs seconds). Fields are separated by tab, in `StatisticsRecords.fields` order; list
/// fields hold records separated by 0x1E with parts separated by 0x1F; every text is escaped by
/// `IndexText`; the deadlines are `DeadlineRecords` (titles left out). Dates `ÅÅÅÅ-MM-DD`, instants
/// seconds since 1970, absent values empty.
enum StatisticsRecords {
    static let fields = [
        "id", "created", "caseworker", "birthDate", "anonymous", "closedDate", "closure", "afdaekningCompleted",
        "reopened", "concernReports", "decisions", "deadlines",
    ]

    static func encode(_ f: StatisticsFacts, into out: inout [UInt8]) {
        func text(_ s: String?) { if let s { IndexText.append(s, to: &out) } }
        func time(_ d: Date?) { if let d { out += String(d.timeIntervalSince1970).utf8 } }
        func date(_ d: LocalDate?) { if let d { out += d.iso.utf8 } }
        func tab() { out.append(9) }
        text(f.id.rawValue)
        tab()
        time(f.created)
        tab()
        text(f.caseworker)
        tab()
        date(f.birthDate)
        tab()
        out.append(f.anonymous ? 49 : 48)
        tab()
        date(f.closedDate)
        tab()
        text(f.closure?.rawValue)
        tab()
        date(f.afdaekningCompleted)
        tab()
        for (i, r) in f.reopened.enumerated() {
            if i > 0 { out.append(0x1E) }
            time(r)
        }
        tab()
        for (i, n) in f.concernReports.enumerated() {
            if i > 0 { out.append(0x1E) }
            time(n.received)
            out.append(0x1F)
            text(n.kind.rawValue)
            out.append(0x1F)
            text(n.level?.rawValue)
            out.append(0x1F)
            text(n.deadlineIDs.joined(separator: ","))
        }
        tab()
        for (i, d) in f.decisions.enumerated() {
            if i > 0 { out.append(0x1E) }
            text(d.id)
            out.append(0x1F)
            text(d.kind.rawValue)
            out.append(0x1F)
            date(d.decisionDate)
            out.append(0x1F)
            date(d.requestDate)
            out.append(0x1F)
            date(d.start)
            out.append(0x1F)
            date(d.end?.date)
            out.append(0x1F)
            text(d.end?.status?.rawValue)
        }
        tab()
        out += DeadlineRecords.encode(f.deadlines)
    }

    /// The facts of one line, or nil if anything does not parse (the case file is then read).
    static func decode(_ line: ArraySlice<UInt8>) -> StatisticsFacts? {
        let parts = line.split(separator: 9, omittingEmptySubsequences: false)
        guard parts.count == fields.count else { return nil }
        func text(_ s: ArraySlice<UInt8>) -> String { s.withUnsafeBufferPointer { IndexText.string($0) } }
        func opt(_ s: ArraySlice<UInt8>) -> String? { s.isEmpty ? nil : text(s) }
        func time(_ s: ArraySlice<UInt8>) -> Date? {
            Double(String(decoding: s, as: UTF8.self)).flatMap { $0.isFinite ? Date(timeIntervalSince1970: $0) : nil }
        }
        // ÅÅÅÅ-MM-DD by hand: `LocalDate.parse` accepts every input form and is slow for 10,000 lines.
        func date(_ s: ArraySlice<UInt8>) -> LocalDate?? {
            if s.isEmpty { return .some(nil) }
            guard s.count == 10 else { return nil }
            var v = [0, 0, 0]
            var k = 0
            for c in s {
                if c == 45 {
                    k += 1
                    if k > 2 { return nil }
                } else if c >= 48, c <= 57 {
                    v[k] = v[k] * 10 + Int(c - 48)
                } else {
                    return nil
                }
            }
            guard k == 2, let d = LocalDate(year: v[0], month: v[1], day: v[2]) else { return nil }
            return .some(d)
        }
        func records(_ s: ArraySlice<UInt8>) -> [[ArraySlice<UInt8>]] {
            if s.isEmpty { return [] }
            return s.split(separator: 0x1E, omittingEmptySubsequences: false).map {
                $0.split(separator: 0x1F, omittingEmptySubsequences: false)
            }
        }
        guard let id = CaseID(text(parts[0])), let created = time(parts[1]), let born = date(parts[3]),
            let closed = date(parts[5]), let afd = date(parts[7])
        else { return nil }
        var reopened: [Date] = []
        for r in records(parts[8]) {
            guard r.count == 1, let t = time(r[0]) else { return nil }
            reopened.append(t)
        }
        var reports: [StatisticsFacts.Notification] = []
        for r in records(parts[9]) {
            guard r.count == 4, let received = time(r[0]), let kind = NotifierKind(rawValue: text(r[1])) else {
                return nil
            }
            let level = opt(r[2]).flatMap(ConcernLevel.init(rawValue:))
            if !r[2].isEmpty, level == nil { return nil }
            let ids = text(r[3]).split(separator: ",").map(String.init)
            reports.append(.init(received: received, kind: kind, level: level, deadlineIDs: ids))
        }
        var decisions: [Decision] = []
        for r in records(parts[10]) {
            guard r.count == 7, let kind = DecisionKind(rawValue: text(r[1])), let decided = date(r[2]) ?? nil,
                let request = date(r[3]), let start = date(r[4]), let end = date(r[5])
            else { return nil }
            let status = opt(r[6]).flatMap(TreatmentEndStatus.init(rawValue:))
            if !r[6].isEmpty, status == nil { return nil }
            decisions.append(
                Decision(
                    id: text(r[0]), kind: kind, decisionDate: decided, author: "",
                    recorded: Date(timeIntervalSince1970: 0), requestDate: request, start: start,
                    end: end.map { DecisionEnd(date: $0, reason: "", status: status) }))
        }
        guard let deadlines = DeadlineRecords.decode(parts[11]) else { return nil }
        let closure = opt(parts[6]).flatMap(StatisticsComputation.ClosureCategory.init(rawValue:))
        if !parts[6].isEmpty, closure == nil { return nil }
        return StatisticsFacts(
            id: id, created: created, caseworker: opt(parts[2]), birthDate: born, anonymous: parts[4].first == 49,
            closedDate: closed, closure: closure, concernReports: reports, deadlines: deadlines, decisions: decisions,
            afdaekningCompleted: afd, reopened: reopened)
    }
}
