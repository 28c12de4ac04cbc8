import Foundation
import UngeCore

/// Whole `Deadline` records as one field of the summary index (`indeks.tsv`), so `unge frister`
/// reads them without decoding case files (JSON decoding thousands of them costs more than the
/// whole listing).
///
/// Records are separated by 0x1E, their fields by 0x1F, in `fields` order; text escapes backslash,
/// tab, newline, carriage return, 0x1E and 0x1F, so the field never holds a tab or a newline.
/// Instants are seconds since 1970 (`Double`, exact), dates `ÅÅÅÅ-MM-DD`, absent values empty.
/// Every stored property of `Deadline` is written: a test fails when one is added and not here.
///
/// After them come the derived fields (`derivedFields`), written at save by the one rule in Core
/// (`Deadline.status`, `Deadline.dueMoment`), so another reader (statistics, a database backend)
/// only compares moments and never re-implements the rules: the due moment (the last instant at
/// which it is met on time), the met moment, and the settled state (`met`, `metLate`, `lapsed`, or
/// empty while pending: then it is overdue exactly when now is after the due moment).
enum DeadlineRecords {
    /// The JSON keys of `Deadline` the index holds, in field order.
    static let fields = [
        "id", "kind", "title", "counting", "dueDate", "dueTime", "legalReferenceID", "ruleDate", "metAt", "metBy",
        "lapseReason",
    ]
    /// The derived fields after `fields`.
    static let derivedFields = ["dueMoment", "metMoment", "settledState"]

    static func encode(_ deadlines: [Deadline], timeZone: TimeZone = DanishTime.timeZone) -> [UInt8] {
        var out: [UInt8] = []
        func text(_ s: String?) { if let s { IndexText.append(s, to: &out) } }
        func time(_ d: Date?) { if let d { out += String(d.timeIntervalSince1970).utf8 } }
        for (i, d) in deadlines.enumerated() {
            if i > 0 { out.append(0x1E) }
            text(d.id)
            out.append(0x1F)
            text(d.kind.rawValue)
            out.append(0x1F)
            text(CPRMask.mask(d.title))  // the index never holds a CPR number
            out.append(0x1F)
            text(d.counting.rawValue)
            out.append(0x1F)
            out += d.dueDate.iso.utf8
            out.append(0x1F)
            time(d.dueTime)
            out.append(0x1F)
            text(d.legalReferenceID)
            out.append(0x1F)
            out += d.ruleDate.iso.utf8
            out.append(0x1F)
            time(d.metAt)
            out.append(0x1F)
            text(d.metBy.map(CPRMask.mask))
            out.append(0x1F)
            text(d.lapseReason.map(CPRMask.mask))
            // Derived at save.
            out.append(0x1F)
            time(d.dueMoment(in: timeZone))
            out.append(0x1F)
            time(d.metAt)
            out.append(0x1F)
            if d.isSettled {
                let now = d.metAt ?? .distantFuture
                text(d.status(now: now, timeZone: timeZone).state.rawValue)
            }
        }
        return out
    }

    /// The records, or nil if anything does not parse (an unknown kind from a newer version, a
    /// damaged index): the caller then reads the case file.
    static func decode(_ bytes: [UInt8]) -> [Deadline]? {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    /// `decode(_:)` of a part of a line, without copying it.
    static func decode(_ bytes: ArraySlice<UInt8>) -> [Deadline]? {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    static func decode(_ b: UnsafeBufferPointer<UInt8>) -> [Deadline]? {
        if b.isEmpty { return [] }
        var out: [Deadline] = []
        var fields: [Range<Int>] = []
        fields.reserveCapacity(DeadlineRecords.fields.count + DeadlineRecords.derivedFields.count)
        var start = 0
        var i = 0
        while i <= b.count {
            let end = i == b.count
            let c: UInt8 = end ? 0x1E : b[i]
            if c == 0x1F || c == 0x1E {
                fields.append(start..<i)
                start = i + 1
                if c == 0x1E {
                    guard let d = record(b, fields) else { return nil }
                    out.append(d)
                    fields.removeAll(keepingCapacity: true)
                }
            }
            i += 1
        }
        return out
    }

    private static func record(_ b: UnsafeBufferPointer<UInt8>, _ f: [Range<Int>]) -> Deadline? {
        guard f.count == fields.count + derivedFields.count else { return nil }
        func text(_ r: Range<Int>) -> String { IndexText.string(UnsafeBufferPointer(rebasing: b[r])) }
        func date(_ r: Range<Int>) -> LocalDate? { IndexText.isoDate(b, r) }
        func time(_ r: Range<Int>) -> Date?? {
            if r.isEmpty { return .some(nil) }
            guard let v = Double(String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)), v.isFinite
            else { return nil }
            return .some(Date(timeIntervalSince1970: v))
        }
        guard let kind = DeadlineKind(rawValue: text(f[1])), let counting = DeadlineCounting(rawValue: text(f[3])),
            let due = date(f[4]), let dueTime = time(f[5]), let rule = date(f[7]), let metAt = time(f[8])
        else { return nil }
        return Deadline(
            id: text(f[0]), kind: kind, title: text(f[2]), counting: counting, dueDate: due, dueTime: dueTime,
            legalReferenceID: text(f[6]), ruleDate: rule, metAt: metAt, metBy: f[9].isEmpty ? nil : text(f[9]),
            lapseReason: f[10].isEmpty ? nil : text(f[10]))
    }
}
