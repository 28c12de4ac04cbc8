// libFuzzer target: the date parser (2026-04-13, 13-04-2026, 13.04.2026). A parsed date must be a
// real calendar date that formats and parses back to itself in every form.
import Foundation
import UngeCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let d = LocalDate.parse(text) else { return 0 }
    if LocalDate.parse(d.iso) != d { fatalError("iso round trip: \(d.iso)") }
    if LocalDate.parse(d.danishShort) != d { fatalError("danishShort round trip: \(d.danishShort)") }
    _ = d.danishLong
    _ = d.adding(days: 1)
    return 0
}
