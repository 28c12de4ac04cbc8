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
        line.withUnsafeBufferPointer { decode($0) }
    }

    /// Parses in place: fields and records are ranges of the line (no array of pieces per line).
    static func decode(_ b: UnsafeBufferPointer<UInt8>) -> StatisticsFacts? {
        var parts: [Range<Int>] = []
        parts.reserveCapacity(fields.count)
        var start = 0
        for i in 0..<b.count where b[i] == 9 {
            parts.append(start..<i)
            start = i + 1
        }
        parts.append(start..<b.count)
        guard parts.count == fields.count else { return nil }
        func text(_ r: Range<Int>) -> String { IndexText.string(UnsafeBufferPointer(rebasing: b[r])) }
        func opt(_ r: Range<Int>) -> String? { r.isEmpty ? nil : text(r) }
        func time(_ r: Range<Int>) -> Date? {
            Double(String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)).flatMap {
                $0.isFinite ? Date(timeIntervalSince1970: $0) : nil
            }
        }
        func date(_ r: Range<Int>) -> LocalDate?? {
            if r.isEmpty { return .some(nil) }
            guard let day = IndexText.isoDate(b, r) else { return nil }
            return .some(day)
        }
        /// The comma-separated ids of a field, empty pieces left out (as `split(separator:)`); in
        /// place when the field holds no escape (an escape never holds a comma).
        func deadlineIDs(_ r: Range<Int>) -> [String] {
            let field = UnsafeBufferPointer(rebasing: b[r])
            if field.contains(92) { return text(r).split(separator: ",").map(String.init) }
            var ids: [String] = []
            var from = 0
            for i in 0...field.count where i == field.count || field[i] == 44 {
                if i > from {
                    ids.append(String(decoding: UnsafeBufferPointer(rebasing: field[from..<i]), as: UTF8.self))
                }
                from = i + 1
            }
            return ids
        }
        /// Calls `each` with the parts of every record of a list field; false when `each` refuses one.
        func records(_ r: Range<Int>, _ each: ([Range<Int>]) -> Bool) -> Bool {
            if r.isEmpty { return true }
            var pieces: [Range<Int>] = []
            var from = r.lowerBound
            for i in r.lowerBound...r.upperBound {
                let c: UInt8 = i == r.upperBound ? 0x1E : b[i]
                if c == 0x1F || c == 0x1E {
                    pieces.append(from..<i)
                    from = i + 1
                    if c == 0x1E {
                        guard each(pieces) else { return false }
                        pieces.removeAll(keepingCapacity: true)
                    }
                }
            }
            return true
        }
        guard let id = CaseID(text(parts[0])), let created = time(parts[1]), let born = date(parts[3]),
            let closed = date(parts[5]), let afd = date(parts[7])
        else { return nil }
        var reopened: [Date] = []
        let reopenedOK = records(parts[8]) { r in
            guard r.count == 1, let t = time(r[0]) else { return false }
            reopened.append(t)
            return true
        }
        var reports: [StatisticsFacts.Notification] = []
        let reportsOK = records(parts[9]) { r in
            guard r.count == 4, let received = time(r[0]), let kind = NotifierKind(rawValue: text(r[1])) else {
                return false
            }
            let level = opt(r[2]).flatMap(ConcernLevel.init(rawValue:))
            if !r[2].isEmpty, level == nil { return false }
            let ids = r[3].isEmpty ? [] : deadlineIDs(r[3])
            reports.append(.init(received: received, kind: kind, level: level, deadlineIDs: ids))
            return true
        }
        var decisions: [Decision] = []
        let decisionsOK = records(parts[10]) { r in
            guard r.count == 7, let kind = DecisionKind(rawValue: text(r[1])), let decided = date(r[2]) ?? nil,
                let request = date(r[3]), let start = date(r[4]), let end = date(r[5])
            else { return false }
            let status = opt(r[6]).flatMap(TreatmentEndStatus.init(rawValue:))
            if !r[6].isEmpty, status == nil { return false }
            decisions.append(
                Decision(
                    id: text(r[0]), kind: kind, decisionDate: decided, author: "",
                    recorded: Date(timeIntervalSince1970: 0), requestDate: request, start: start,
                    end: end.map { DecisionEnd(date: $0, reason: "", status: status) }))
            return true
        }
        guard reopenedOK, reportsOK, decisionsOK,
            let deadlines = DeadlineRecords.decode(UnsafeBufferPointer(rebasing: b[parts[11]]))
        else { return nil }
        let closure = opt(parts[6]).flatMap(StatisticsComputation.ClosureCategory.init(rawValue:))
        if !parts[6].isEmpty, closure == nil { return nil }
        return StatisticsFacts(
            id: id, created: created, caseworker: opt(parts[2]), birthDate: born,
            anonymous: b[parts[4]].first == 49, closedDate: closed, closure: closure, concernReports: reports,
            deadlines: deadlines, decisions: decisions, afdaekningCompleted: afd, reopened: reopened)
    }
}
