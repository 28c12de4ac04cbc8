import Foundation

/// Scrubs free text for an anonymised case: every known name (full names and each part of them)
/// becomes the person's relation ("mor", "den unge"), and CPR numbers in any spelling, phone
/// numbers, e-mail addresses, street addresses, school and workplace names and dates are removed
/// or generalised. It counts what it replaced, without keeping the originals.
public struct Anonymiser: Sendable {
    /// One known name and what it becomes.
    struct Term: Sendable {
        let text: String
        let replacement: String
        let kind: Kind
    }

    /// What kind of thing was replaced (the Danish label of the replacement list).
    public enum Kind: String, Codable, Sendable, CaseIterable, Comparable {
        case name, cpr, phone, email, address, place, date

        public var danish: String {
            switch self {
            case .name: return "Navne"
            case .cpr: return "CPR-numre"
            case .phone: return "Telefonnumre"
            case .email: return "E-mailadresser"
            case .address: return "Adresser"
            case .place: return "Skoler, arbejdssteder og tilbud"
            case .date: return "Datoer"
            }
        }

        public static func < (a: Kind, b: Kind) -> Bool {
            (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
        }
    }

    /// One line of the replacement list: a kind, what it became, and how many times.
    public struct Replacement: Codable, Sendable, Equatable {
        public var kind: Kind
        public var replacement: String
        public var count: Int
    }

    let terms: [Term]
    let today: LocalDate
    /// (kind, replacement) → count.
    private(set) var counts: [String: Int] = [:]

    /// The known names, addresses and places of a case.
    public init(case file: CaseFile, today: LocalDate) {
        self.today = today
        var people: [(name: String, replacement: String)] = []
        if let n = file.youngPerson.name { people.append((n, "den unge")) }
        for p in file.network.people {
            people.append((p.name, p.relation.isEmpty ? "en person i netværket" : p.relation))
        }
        for r in file.concernReports where !r.reporter.name.isEmpty {
            people.append((r.reporter.name, r.reporter.role.map { "underretteren (\($0))" } ?? "underretteren"))
        }
        if let e = file.examination {
            for p in e.participants { people.append((p.name, p.role.danish)) }
            for c in e.consents { people.append((c.givenBy, c.role.danish)) }
            if let a = e.author { people.append((a, "sagsbehandleren")) }
            for area in e.areas {
                for s in area.details?.sources ?? [] { if let n = s.name { people.append((n, s.kind.danish)) } }
            }
        }
        for plan in file.actionPlans {
            for p in plan.participants { people.append((p.name, p.role.danish)) }
            people.append((plan.author, "sagsbehandleren"))
        }
        for d in file.decisions {
            for c in d.consents { if let n = c.name { people.append((n, c.giver.danish)) } }
            if !d.author.isEmpty { people.append((d.author, "sagsbehandleren")) }
        }
        if let s = file.examination?.childInterview?.supportPerson { people.append((s, "bisidderen")) }
        if let cw = file.caseworker { people.append((cw, "sagsbehandleren")) }
        for j in file.journal { people.append((j.author, "sagsbehandleren")) }
        for t in file.toolRecords { if let a = t.author { people.append((a, "sagsbehandleren")) } }

        // One replacement per person: the first mention wins (the network's relation before a role).
        var unique = Set<String>()
        people = people.filter { unique.insert($0.name.trimmingCharacters(in: .whitespaces).lowercased()).inserted }
        var terms: [Term] = []
        var seen = Set<String>()
        // Full names first, then each part: a part that is one person's first name becomes that
        // person's relation, any other part a neutral "(navn)".
        for (name, replacement) in people {
            let t = name.trimmingCharacters(in: .whitespaces)
            guard t.count >= 2, seen.insert(t.lowercased()).inserted else { continue }
            terms.append(Term(text: t, replacement: replacement, kind: .name))
        }
        var firstNames: [String: Set<String>] = [:]
        var otherParts = Set<String>()
        for (name, replacement) in people {
            let parts = Anonymiser.nameParts(name)
            guard let first = parts.first else { continue }
            firstNames[first.lowercased(), default: []].insert(replacement)
            for p in parts.dropFirst() { otherParts.insert(p.lowercased()) }
        }
        var partTerms: [Term] = []
        for (name, _) in people {
            for part in Anonymiser.nameParts(name) {
                let key = part.lowercased()
                guard seen.insert(key).inserted else { continue }
                let owners = firstNames[key] ?? []
                let replacement = owners.count == 1 && !otherParts.contains(key) ? owners.first! : "(navn)"
                partTerms.append(Term(text: part, replacement: replacement, kind: .name))
            }
        }
        terms += partTerms.sorted { $0.text.count > $1.text.count }
        // Known addresses and places.
        if let a = file.youngPerson.contact?.address, a.count >= 3 {
            terms.insert(Term(text: a, replacement: "(adresse)", kind: .address), at: 0)
        }
        for r in file.concernReports {
            if let o = r.reporter.organisation, o.count >= 3 {
                let school = o.range(of: Anonymiser.placePattern, options: .regularExpression) != nil
                terms.insert(Term(text: o, replacement: school ? "skolen" : "(arbejdssted)", kind: .place), at: 0)
            }
        }
        // Providers (opholdssted, behandlingssted): the whole name, and each later capitalised word
        // of it ("Opholdsstedet Lyngly" → also "Lyngly").
        var providers = file.actionPlans.flatMap { $0.measures.compactMap(\.provider) }
        providers += file.decisions.compactMap(\.provider)
        providers += file.treatmentPlans.map(\.provider)
        var providerTerms: [Term] = []
        for provider in providers {
            let t = provider.trimmingCharacters(in: .whitespaces)
            guard t.count >= 3 else { continue }
            if seen.insert(t.lowercased()).inserted {
                providerTerms.append(Term(text: t, replacement: "(tilbuddet)", kind: .place))
            }
            for part in Anonymiser.nameParts(t).dropFirst() where part.first?.isUppercase == true && part.count >= 3 {
                if seen.insert(part.lowercased()).inserted {
                    providerTerms.append(Term(text: part, replacement: "(tilbuddet)", kind: .place))
                }
            }
        }
        terms.insert(contentsOf: providerTerms.sorted { $0.text.count > $1.text.count }, at: 0)
        self.terms = terms
    }

    /// The parts of a name worth searching for: at least two letters.
    static func nameParts(_ name: String) -> [String] {
        name.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".()")) }
            .filter { $0.count >= 2 && !$0.contains(where: \.isNumber) }
    }

    /// The replacement list, in a fixed order.
    public var replacements: [Replacement] {
        counts.map { key, count in
            let parts = key.split(separator: "\u{1F}", maxSplits: 1).map(String.init)
            return Replacement(
                kind: Kind(rawValue: parts[0]) ?? .name, replacement: parts.count > 1 ? parts[1] : "", count: count)
        }.sorted { ($0.kind, $0.replacement) < ($1.kind, $1.replacement) }
    }

    mutating func count(_ kind: Kind, _ replacement: String, _ n: Int = 1) {
        guard n > 0 else { return }
        counts["\(kind.rawValue)\u{1F}\(replacement)", default: 0] += n
    }

    // MARK: Scrubbing

    static let monthPattern = LocalDate.monthNames.joined(separator: "|")

    /// The text with every known name, number, address, place and date replaced.
    public mutating func scrub(_ text: String) -> String {
        var s = text
        s = replace(s, #"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"#, kind: .email) { _ in "(e-mail)" }
        s = replace(s, #"(?<![0-9])(?:\+|00)45[ .\-]?(?:[0-9]{2}[ .\-]?){3}[0-9]{2}(?![0-9])"#, kind: .phone) { _ in
            "(telefonnummer)"
        }
        s = replace(
            s, #"(?<![0-9])[0-9]{2}[ .\-/]?[0-9]{2}[ .\-/]?[0-9]{2}[ .\-/]?(?:[0-9]{4}|[xX]{4})(?![0-9])"#, kind: .cpr
        ) { _ in "(CPR-nummer)" }
        s = replaceDates(s)
        s = replace(s, #"(?<![0-9])(?:[0-9]{2}[ .\-]?){3}[0-9]{2}(?![0-9])"#, kind: .phone) { _ in "(telefonnummer)" }
        for t in terms where t.kind != .name { s = replaceLiteral(s, t) }
        s = replace(s, Anonymiser.streetPattern, kind: .address, options: []) { _ in "(adresse)" }
        s = replace(s, Anonymiser.placePattern, kind: .place, options: [], label: "skolen") { _ in "skolen" }
        for t in terms where t.kind == .name { s = replaceLiteral(s, t) }
        return s
    }

    public mutating func scrub(_ text: String?) -> String? { text.map { scrub($0) } }

    static let streetPattern =
        #"(?<![\p{L}])\p{Lu}[\p{L}\-]*(?:vej|gade|allé|alle|vænge|vænget|stræde|plads|torv|boulevard|stien|parken|bakken|haven|toften|høj|marken|løkke|kvarter)\s+[0-9]+[A-Za-z]?(?:,?\s*(?:st|kl|[0-9]{1,2})\.?(?:\s*(?:th|tv|mf)\.?)?)?(?:,?\s*[0-9]{4}\s+\p{Lu}\p{L}+)?"#
    static let placePattern =
        #"(?<![\p{L}])(?:\p{Lu}[\p{L}\-]*\s+)*(?=\p{Lu})[\p{L}\-]*(?i:skolen|skole|gymnasium|gymnasiet|efterskolen|produktionsskolen|handelsskolen|seminariet|akademiet|fritidsklubben|ungdomsklubben)(?![\p{L}])"#

    /// Replaces a known term as a whole word (any case), keeping a genitive "s".
    mutating func replaceLiteral(_ text: String, _ term: Term) -> String {
        let escaped = NSRegularExpression.escapedPattern(for: term.text)
        let pattern = term.kind == .address ? escaped : "(?<![\\p{L}\\p{N}])\(escaped)(s)?(?![\\p{L}\\p{N}])"
        return replace(text, pattern, kind: term.kind, label: term.replacement) { m in
            term.replacement + (term.kind == .name && m.count > 1 && !m[1].isEmpty ? "s" : "")
        }
    }

    /// Dates written in the text become relative ("for 3 måneder siden").
    mutating func replaceDates(_ text: String) -> String {
        let today = self.today
        var s = replace(text, #"(?<![0-9])([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])"#, kind: .date) { m in
            LocalDate(year: Int(m[1]) ?? 0, month: Int(m[2]) ?? 0, day: Int(m[3]) ?? 0).map {
                Anonymiser.relative($0, today: today)
            } ?? "(dato)"
        }
        s = replace(s, #"(?<![0-9])([0-9]{1,2})[.\-/]([0-9]{1,2})[.\-/]([0-9]{4})(?![0-9])"#, kind: .date) { m in
            LocalDate(year: Int(m[3]) ?? 0, month: Int(m[2]) ?? 0, day: Int(m[1]) ?? 0).map {
                Anonymiser.relative($0, today: today)
            } ?? "(dato)"
        }
        s = replace(
            s, "(?:den )?(?<![0-9])([0-9]{1,2})\\. (\(Anonymiser.monthPattern))(?: ([0-9]{4}))?", kind: .date,
            options: [.caseInsensitive]
        ) { m in
            let month = (LocalDate.monthNames.firstIndex(of: m[2].lowercased()) ?? 0) + 1
            var year = m.count > 3 && !m[3].isEmpty ? Int(m[3]) ?? today.year : today.year
            if m.count <= 3 || m[3].isEmpty, let d = LocalDate(year: year, month: month, day: Int(m[1]) ?? 0), d > today
            {
                year -= 1
            }
            return LocalDate(year: year, month: month, day: Int(m[1]) ?? 0).map {
                Anonymiser.relative($0, today: today)
            } ?? "(dato)"
        }
        return s
    }

    /// Runs a regular expression over `text`, replacing each match by `make(groups)`.
    mutating func replace(
        _ text: String, _ pattern: String, kind: Kind, options: NSRegularExpression.Options = [.caseInsensitive],
        label: String? = nil, _ make: ([String]) -> String
    ) -> String {
        guard let re = try? NSRegularExpression(pattern: pattern, options: options) else { return text }
        let ns = text as NSString
        let matches = re.matches(in: text, range: NSRange(location: 0, length: ns.length))
        guard !matches.isEmpty else { return text }
        var out = ""
        var last = 0
        for m in matches {
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            let groups = (0..<m.numberOfRanges).map { i -> String in
                let r = m.range(at: i)
                return r.location == NSNotFound ? "" : ns.substring(with: r)
            }
            var replacement = make(groups)
            // An address that ends a sentence ("2. th.") keeps the full stop.
            if kind == .address, groups[0].hasSuffix(".") { replacement += "." }
            let trimmed = out.trimmingCharacters(in: .whitespaces)
            if kind == .name || kind == .date || kind == .place, trimmed.isEmpty || ".!?\n".contains(trimmed.last!) {
                replacement = replacement.capitalizedFirstLetter
            }
            count(kind, label ?? (kind == .date ? "relativ dato" : (kind == .address ? "(adresse)" : replacement)))
            out += replacement
            last = m.range.location + m.range.length
        }
        out += ns.substring(from: last)
        return out
    }

    /// A date relative to today, in Danish: "i dag", "for 3 dage siden", "om 2 uger".
    public static func relative(_ date: LocalDate, today: LocalDate) -> String {
        let days = date.days(until: today)
        if days == 0 { return "i dag" }
        let n = abs(days)
        let phrase: String
        if n == 1 {
            return days > 0 ? "i går" : "i morgen"
        } else if n < 14 {
            phrase = "\(n) dage"
        } else if n < 60 {
            phrase = "\(n / 7) uger"
        } else if n < 730 {
            let months = Int((Double(n) / 30.44).rounded())
            phrase = "\(months) måneder"
        } else {
            phrase = "\(n / 365) år"
        }
        return days > 0 ? "for \(phrase) siden" : "om \(phrase)"
    }
}
