// libFuzzer target: the date parser (2026-04-13, 13-04-2026, 13.04.2026) and date arithmetic. A
// parsed date must be a real calendar date in LocalDate.supportedYears that formats and parses back
// to itself in every form, and no arithmetic on it may trap, however extreme the amount (issue 10,
// item 9). The timestamp parser must stay in the supported years too.
import Foundation
import UngeCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    // An amount taken from the input's bytes, including the extremes.
    var amount = 0
    for b in text.utf8.prefix(8) { amount = amount &* 256 &+ Int(b) }
    let amounts = [amount, -amount, Int.max, Int.min, Int.max / 12, Int.min / 12, 1, -1, 3650, -3650]
    if let t = UngeJSON.parseTimestamp(text) {
        let year = DanishTime.date(of: t).year
        if !(LocalDate.supportedYears.lowerBound - 1...LocalDate.supportedYears.upperBound + 1).contains(year) {
            fatalError("timestamp outside the supported years: \(year)")
        }
        _ = UngeJSON.formatTimestamp(t)
        _ = DanishTime.format(t)
    }
    _ = LocalTime.parse(text, in: DanishTime.timeZone)
    _ = LocalDate.isOutsideSupportedYears(text)
    guard let d = LocalDate.parse(text) else { return 0 }
    if !LocalDate.supportedYears.contains(d.year) { fatalError("parsed a year outside the supported years: \(d.year)") }
    if LocalDate.parse(d.iso) != d { fatalError("iso round trip: \(d.iso)") }
    if LocalDate.parse(d.danishShort) != d { fatalError("danishShort round trip: \(d.danishShort)") }
    _ = d.danishLong
    for a in amounts {
        let results = [d.adding(days: a), d.adding(months: a), d.adding(years: a)]
        for r in results where !(1...9999).contains(r.year) { fatalError("arithmetic left 1...9999: \(r.year)") }
        _ = d.days(until: results[0])
        _ = results.map(\.isoWeekday)
    }
    _ = DanishCalendar().holidays(in: d.year)
    _ = DanishCalendar().addingWorkingDays(30, to: d)
    _ = Age.years(born: d, on: d.adding(years: 25))
    return 0
}
