import Foundation

/// A case's caseworker (sagsbehandler) is a user id: the login name, which is also the database role
/// in the team store (`--bruger`, `$UNGE_BRUGER`, `$USER`). Full names and titles come from the
/// store's settings, never from the case.
public enum Caseworker {
    /// Whether `text` can be a user id: 1-63 characters, letters (also æøå), digits, `.`, `_`, `-`,
    /// `@`, starting with a letter or digit; no spaces (a full name is not a user id).
    public static func isValidID(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first.isNumber, text.count <= 63 else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" || $0 == "@" }
    }

    /// The journal text of a handover (overdragelse).
    public static func handOverNote(from: String?, to: String, reason: String?) -> String {
        let fromText = from.map { "fra \($0) " } ?? ""
        var text = "Sagen er overdraget \(fromText)til \(to)."
        if let reason, !reason.isEmpty { text += " Begrundelse: \(reason)" }
        return text
    }
}
