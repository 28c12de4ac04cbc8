// libFuzzer target: the argument parser (`ParsedArguments.parse`) and "mente du ...?" suggestions.
// The input is split on NUL bytes into command-line words; any words must parse or give a UsageError.
import Foundation

let fuzzSpecs: [CommandSpec] = [
    CommandSpec(
        name: "notat", summary: "s", usage: ["notat <sag> \"tekst\""], options: [.json],
        positionals: 1...2, positionalNames: ["sagsnummeret", "teksten"]),
    CommandSpec(
        name: "liste", summary: "s", usage: ["liste"],
        options: [
            OptionSpec("--status", value: "STATUS", help: "h"), OptionSpec("--alder", value: "FRA-TIL", help: "h"),
            .date, .json,
            OptionSpec("--soeg", value: "TEKST", help: "h", repeatable: true),
        ]),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArguments(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let buffer = UnsafeBufferPointer(start: data, count: size)
    guard let selector = buffer.first else { return 0 }
    let words = buffer.dropFirst().split(separator: 0, omittingEmptySubsequences: false).map {
        String(decoding: $0, as: UTF8.self)
    }
    let spec = fuzzSpecs[Int(selector) % fuzzSpecs.count]
    do {
        let parsed = try ParsedArguments.parse(words, spec: spec)
        // Whatever parsed must respect the spec: no more positionals than allowed.
        if !parsed.has("--help"), parsed.positional(spec.positionals.upperBound) != nil {
            fatalError("too many positionals accepted")
        }
    } catch {
        if error.description.isEmpty { fatalError("empty message") }
    }
    if let w = words.first {
        _ = Suggest.closest(to: w, in: ["notat", "liste", "vis", "rediger", "ny", "underret", "frister"])
    }
    return 0
}
