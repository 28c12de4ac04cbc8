import Foundation

/// Errors from UngeCore, each with a Danish message that quotes the offending value.
public enum CoreError: Error, Equatable, CustomStringConvertible {
    case invalidDate(String)
    case invalidCPR(String)
    case invalidCaseID(String)
    case invalidValue(field: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .invalidDate(let s):
            return
                "'\(s)' er ikke en gyldig dato. Skriv den som ÅÅÅÅ-MM-DD, fx 2026-04-13 (eller 13-04-2026 / 13.04.2026)."
        case .invalidCPR(let s):
            return "'\(CPRNumber.maskedGuess(s))' er ikke et gyldigt CPR-nummer. Skriv det som DDMMÅÅ-XXXX."
        case .invalidCaseID(let s):
            return
                "'\(s)' er ikke et gyldigt sagsnummer. Et sagsnummer består af bogstaver, tal og bindestreg, fx 2026-0042."
        case .invalidValue(let field, let value, let expected):
            return "Ugyldig værdi for \(field): '\(value)'. \(expected)"
        }
    }
}
