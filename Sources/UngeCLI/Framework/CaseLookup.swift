import Foundation
import UngeCore
import UngeStore

/// What to offer when a case number is not found: the cases whose name matches a word that is not
/// a number (`unge vis rasmus`), else the case numbers one or two keystrokes away (`2026-0010`
/// for `2026-0100`). On a terminal the person picks one and the command runs on it.
enum CaseLookup {
    /// The cases to offer for `typed`, best first (at most `limit`).
    static func candidates(for typed: String, in summaries: [CaseSummary], limit: Int = 8) -> [CaseSummary] {
        let text = typed.trimmingCharacters(in: .whitespaces)
        if !text.contains(where: \.isNumber) {
            let words = fold(text).split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).map(String.init)
            guard !words.isEmpty else { return [] }
            let hits = summaries.filter { s in
                !s.anonymous && words.allSatisfy { fold(s.name).contains($0) }
            }
            return Array(hits.sorted { $0.id < $1.id }.prefix(limit))
        }
        let t = text.lowercased()
        let near = summaries.compactMap { s -> (CaseSummary, Int)? in
            let d = Suggest.distance(t, s.id.rawValue.lowercased())
            return d <= 2 ? (s, d) : nil
        }
        // One keystroke away (a typo, two digits swapped) when there is such a case; else two.
        let best = near.map(\.1).min() ?? 0
        return Array(
            near.filter { $0.1 == best }.sorted { $0.0.id < $1.0.id }.prefix(best == 1 ? limit : 5).map(\.0))
    }

    /// Lower case without accents; "ø", "æ" and "å" stay themselves.
    static func fold(_ s: String) -> String {
        s.lowercased().folding(options: [.diacriticInsensitive], locale: Locale(identifier: "da_DK"))
    }

    /// After "no case with that number": shows the candidates (logged as a search first, as every
    /// listing of cases is) and, on a terminal, asks which one to use. Returns the chosen id.
    static func offer(typed: String, ctx: Context) -> CaseID? {
        guard let store = try? ctx.store, store.exists, let listing = try? store.listSummaries()
        else { return nil }
        let found = candidates(for: typed, in: listing.summaries)
        guard !found.isEmpty else { return nil }
        let byName = !typed.contains(where: \.isNumber)
        do {
            try store.appendAudit(
                ctx.event(
                    .search, caseID: nil, criterion: StoreText.maskCPR("søg=\(typed)"), shown: found.map(\.id)))
        } catch {
            return nil
        }
        let c = ctx.console
        c.error(
            byName
                ? "Sager, hvor navnet passer på '\(typed)':"
                : "Sager med et nummer tæt på \(typed):")
        for (i, s) in found.enumerated() {
            let age = s.birthDate.map { " (\(Age.years(born: $0, on: ctx.today)) år)" } ?? ""
            c.error("  \(i + 1). \(s.id.rawValue)  \(s.name)\(age)")
        }
        guard c.stdinIsTerminal else {
            c.error("Skriv sagsnummeret i stedet, fx 'unge \(ctx.commandName) \(found[0].id.rawValue)'.")
            return nil
        }
        while true {
            c.ask(c.bold("Hvilken sag? (1-\(found.count), Enter for ingen)") + ": ")
            guard let line = c.readLine()?.trimmingCharacters(in: .whitespaces), !line.isEmpty else { return nil }
            if let n = Int(line), n >= 1, n <= found.count { return found[n - 1].id }
            if let s = found.first(where: { $0.id.rawValue.lowercased() == line.lowercased() }) { return s.id }
            c.error("  Svar med et tal fra 1 til \(found.count), eller tryk Enter.")
        }
    }
}
