// libFuzzer target: the CPR parser and the one CPR masker (issue 10, item 6). A parsed number must
// mask as DDMMYY-xxxx and parse again to itself; the masker must never trap, never leave the serial
// of a number it recognises, and be idempotent; the terminal neutraliser must leave no control.
import Foundation
import UngeCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCPR(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = CPRNumber.maskedGuess(text)
    let masked = CPRMask.mask(text)
    if CPRMask.mask(masked) != masked { fatalError("mask is not idempotent") }
    if CPRMask.contains(masked) { fatalError("a masked text still holds a CPR number") }
    let safe = TerminalText.neutralise(text)
    if safe.unicodeScalars.contains(where: { TerminalText.isControl($0, keepLineBreaks: true) }) {
        fatalError("control left")
    }
    _ = MarkdownRenderer.escape(text)
    guard let cpr = try? CPRNumber.parse(text) else { return 0 }
    let m = cpr.masked
    if m.count != 11 || !m.hasSuffix("-xxxx") { fatalError("bad mask") }
    if (try? CPRNumber.parse(cpr.formatted)) != cpr { fatalError("formatted round trip") }
    // A number that parses and has a plausible date must be masked inside any text.
    let day = Int(cpr.digits.prefix(2))!
    let month = Int(cpr.digits.dropFirst(2).prefix(2))!
    if (1...31).contains(day) || (61...91).contains(day), (1...12).contains(month) {
        if CPRMask.mask("x " + text + " y").contains(String(cpr.digits.suffix(4)) + " y") {
            fatalError("serial left in text")
        }
    }
    _ = cpr.birthDate
    return 0
}
