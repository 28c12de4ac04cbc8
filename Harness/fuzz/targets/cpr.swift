// libFuzzer target: the CPR parser. A parsed number must mask as DDMMYY-xxxx and parse again to itself.
import Foundation
import UngeCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCPR(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = CPRNumber.maskedGuess(text)
    guard let cpr = try? CPRNumber.parse(text) else { return 0 }
    let masked = cpr.masked
    if masked.count != 11 || !masked.hasSuffix("-xxxx") { fatalError("bad mask") }
    _ = cpr.birthDate
    return 0
}
