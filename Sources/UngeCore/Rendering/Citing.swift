import Foundation

/// How a citation joins the text around it, so that brackets never nest: a citation reads
/// "barnets lov § 133 (tidl. serviceloven § 153)" and is therefore never put in brackets itself.
public enum Citing {
    /// A sentence followed by its legal basis:
    /// "Formålet mangler. Lovgrundlag: barnets lov §§ 91-92 (tidl. serviceloven § 140)."
    public static func sentence(_ text: String, citation: String?) -> String {
        let s = JournalText.sentence(text)
        guard let citation, !citation.isEmpty else { return s }
        return s + " Lovgrundlag: " + citation + "."
    }

    /// A phrase with its paragraph after "jf.":
    /// "1. december 2026, jf. barnets lov § 95 (tidl. serviceloven § 70)".
    public static func inline(_ text: String, citation: String) -> String {
        "\(text), jf. \(citation)"
    }

    /// "Ikke oplyst" for a value the case does not hold; documents never invent one.
    public static let notGiven = "Ikke oplyst"

    /// The trimmed text, or "Ikke oplyst" when it is missing or empty.
    public static func orNotGiven(_ text: String?) -> String {
        guard let t = text?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return notGiven }
        return t
    }
}
