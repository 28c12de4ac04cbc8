// libFuzzer target: the case decoder (`FileStore.decodeCase`), compiled into the UngeStore module.
// Any input must give a case or a StoreError with a Danish message naming the file, never a crash,
// and a decoded case must survive an encode/decode round trip unchanged.
import Foundation
import UngeCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCaseDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let c = try FileStore.decodeCase(bytes, file: "sager/fuzz.json", expectedID: nil)
        let again = try UngeJSON.encoder().encode(c)
        let c2 = try FileStore.decodeCase([UInt8](again), file: "sager/fuzz.json", expectedID: nil)
        if c2 != c { fatalError("round trip changed the case") }
    } catch let e as StoreError {
        let message = e.description
        if !message.contains("sager/fuzz.json") { fatalError("error does not name the file: \(message)") }
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    return 0
}
