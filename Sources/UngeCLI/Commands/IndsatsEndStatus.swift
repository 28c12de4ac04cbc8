import Foundation
import UngeCore
import UngeStore

/// Ending a drug-treatment decision asks for its end status (SMDB: stoffri,
/// reduceret-stabiliseret, andet); other decisions may carry none.
enum TreatmentEnd {
    /// Drug treatment (BL § 33, SEL § 101, § 101 a) needs the end status; other kinds refuse one.
    static func check(_ d: Decision, status: TreatmentEndStatus?) throws {
        let drug = d.kind.isMinorTreatment || d.kind.isAdultTreatment || d.kind == .anonymousTreatment
        if drug, status == nil {
            throw UsageError.message(
                "Afgørelse \(d.id) er stofmisbrugsbehandling: angiv slutstatus med --slutstatus stoffri, reduceret-stabiliseret eller andet (Stofmisbrugsdatabasen spørger om den)."
            )
        }
        if !d.kind.isTreatment, status != nil {
            throw UsageError.message(
                "--slutstatus gælder kun behandling; afgørelse \(d.id) er \(d.kind.danishName.lowercased()).")
        }
    }

    /// " Slutstatus: stoffri." for the journal, or nothing.
    static func journalSuffix(_ status: TreatmentEndStatus?) -> String {
        status.map { ". Slutstatus: \($0.danish.lowercased())" } ?? ""
    }
}

/// The provider of a treatment decision comes from the municipality's provider list in the
/// settings (`unge indstillinger --leverandoer`), when the list has entries: the name is matched
/// (case ignored) and written as the list spells it; a name not on it is refused (exit 2).
enum ProviderChoice {
    static func resolve(_ d: inout Decision, settings: StoreSettings) throws {
        guard d.kind.isTreatment, !settings.providers.isEmpty, let given = d.provider, !given.isEmpty else { return }
        if let entry = ProviderEntry.find(given, in: settings.providers) {
            d.provider = entry.name
            return
        }
        let names = settings.providers.map(\.name)
        let hint = Suggest.closest(to: given, in: names).map { " Mente du '\($0)'?" } ?? ""
        throw UsageError.invalidValue(
            option: "--leverandoer", value: given,
            expected:
                "Vælg en leverandør fra kommunens liste: \(names.joined(separator: ", ")).\(hint) Tilføj en ny med 'unge indstillinger --leverandoer \"NAVN\"'."
        )
    }
}

/// `unge indstillinger --leverandoer NAVN[:NR]` and `--fjern-leverandoer NAVN`.
enum ProviderOption {
    /// "Ungerådgivningen Nordby:12345" → name and Tilbudsportalen number (digits after the last colon).
    static func parse(_ text: String) throws -> ProviderEntry {
        let t = text.trimmingCharacters(in: .whitespaces)
        var name = t
        var number: String?
        if let colon = t.lastIndex(of: ":") {
            let tail = t[t.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if !tail.isEmpty, tail.allSatisfy(\.isNumber) {
                number = tail
                name = t[..<colon].trimmingCharacters(in: .whitespaces)
            }
        }
        guard !name.isEmpty else {
            throw UsageError.invalidValue(
                option: "--leverandoer", value: text,
                expected: "Skriv leverandørens navn, evt. med :nummer fra Tilbudsportalen.")
        }
        return ProviderEntry(name: name, tilbudsportalenID: number)
    }

    /// Adds (or updates by name) and removes entries; the list stays sorted by name.
    static func apply(add: [ProviderEntry], remove: [String], to settings: inout StoreSettings) throws {
        for name in remove {
            guard let e = ProviderEntry.find(name, in: settings.providers) else {
                throw UsageError.invalidValue(
                    option: "--fjern-leverandoer", value: name,
                    expected: "Leverandøren står ikke på listen (se 'unge indstillinger').")
            }
            settings.providers.removeAll { $0 == e }
        }
        for entry in add {
            if let i = settings.providers.firstIndex(where: { ProviderEntry.find(entry.name, in: [$0]) != nil }) {
                settings.providers[i] = entry
            } else {
                settings.providers.append(entry)
            }
        }
        settings.providers.sort { $0.name.lowercased() < $1.name.lowercased() }
    }
}
