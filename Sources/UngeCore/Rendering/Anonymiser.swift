import Foundation

/// Scrubs free text for an anonymised case (handbook ch. 6, sparring) so that it keeps its meaning
/// and loses who it is about:
///
/// - relation words and the roles of institutions stay ("mor", "far", "politiet", "skolen");
/// - every known name (the young person, the network, custody holders, notifiers, participants,
///   consent givers, sources, caseworkers) becomes one label, the same each time: "den unge" for the
///   young person, "Person A", "Person B", ... for everyone else. The network's relation text is
///   never used as a replacement (it may itself hold a name: "mor Hanne");
/// - nicknames (written in a name field as `"Mo"` or `(Mo)`, or a short form of a known first name),
///   other capitalised words inside a sentence (towns, police districts, local units such as "SSP
///   Nordby", shops, clubs), school and provider names (also in lower case), addresses, postcodes,
///   phone numbers, e-mail and web addresses, CPR numbers in any spelling (no part kept), case and
///   account numbers, clock times, sums of money and weights, class levels ("2.g", "8.b") and teacher
///   titles ("lektor") are generalised;
/// - every date in free text (13.04.2026, 13/4-26, 3.4.25, d. 3/4, 3. apr. 2025, 13. april 2026,
///   2026-04-13, "i går" in a note, "mandag den 13. april", "uge 15") becomes a day counted from the
///   case's first notification: "dag 0", "dag 12", "dag -30".
///
/// It counts what it generalised (without keeping the originals) and notes where a capitalised
/// word at the start of a sentence could not be judged, so the caseworker checks those places.
///
/// Linear in the length of the text: fixed, precompiled patterns and one token pass with hash
/// look-ups (no pattern per known name).
public struct Anonymiser: Sendable {
    /// What kind of thing was replaced (the Danish label of the replacement list).
    public enum Kind: String, Codable, Sendable, CaseIterable, Comparable {
        case name, nickname, unknownName, cpr, phone, email, address, place, date, time, amount, number,
            classLevel

        public var danish: String {
            switch self {
            case .name: return "Navne"
            case .nickname: return "Kaldenavne og korte navne"
            case .unknownName: return "Andre navne og steder (ord med stort forbogstav)"
            case .cpr: return "CPR-numre"
            case .phone: return "Telefonnumre"
            case .email: return "E-mail- og webadresser"
            case .address: return "Adresser, postnumre og byer"
            case .place: return "Skoler, arbejdssteder og tilbud"
            case .date: return "Datoer"
            case .time: return "Klokkeslæt og ugenumre"
            case .amount: return "Beløb og mængder"
            case .number: return "Sagsnumre og andre numre"
            case .classLevel: return "Klassetrin og lærertitler"
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

    /// A person of the case and their label.
    public struct Person: Codable, Sendable, Equatable {
        /// "Person A".
        public var label: String
        /// What they are in the case, from a fixed vocabulary or the scrubbed relation ("mor").
        public var role: String
    }

    /// One known word (or run of words) and what it becomes.
    struct Term: Sendable {
        /// Lower-cased word tokens.
        let words: [String]
        let replacement: String
        let kind: Kind
    }

    /// The first notification's date: "dag 0".
    public let dayZero: LocalDate
    let birthDate: LocalDate?
    /// Known terms by their first (lower-cased) word, longest first.
    var terms: [String: [Term]] = [:]
    /// Known first names (lower-cased) and the label of their one owner ("" when shared).
    var firstNames: [String: String] = [:]
    /// Capitalised words seen inside sentences anywhere in the case (`learn`): proper nouns, also
    /// replaced when they start a sentence.
    var properNouns = Set<String>()
    /// The labelled people, in order of first appearance.
    public private(set) var people: [Person] = []
    /// (kind, replacement) → count.
    private(set) var counts: [String: Int] = [:]
    /// Places whose text has a capitalised word at the start of a sentence the anonymiser could not
    /// judge.
    public private(set) var unsure: [String] = []

    /// The known names, addresses and places of a case. Dates become days from the first
    /// notification (or from the day the case was created, when there is none).
    public init(case file: CaseFile) {
        dayZero =
            file.concernReports.map { DanishTime.date(of: $0.received) }.min() ?? DanishTime.date(of: file.created)
        birthDate = file.youngPerson.birthDate ?? file.youngPerson.cpr?.birthDate
        var named: [(name: String, role: String)] = []
        for p in file.network.people { named.append((p.name, "")) }
        for r in file.concernReports {
            for c in r.custodyNotices { named.append((c.name, "forældremyndighedsindehaver")) }
        }
        for r in file.concernReports where !r.reporter.anonymous { named.append((r.reporter.name, "underretter")) }
        if let e = file.examination {
            for p in e.participants { named.append((p.name, p.role.danish)) }
            for c in e.consents { named.append((c.givenBy, c.role.danish)) }
            for area in e.areas {
                for s in area.details?.sources ?? [] { if let n = s.name { named.append((n, s.kind.danish)) } }
            }
            if let s = e.childInterview?.supportPerson { named.append((s, "bisidder")) }
            if let a = e.author { named.append((a, "sagsbehandler")) }
        }
        for plan in file.actionPlans {
            for p in plan.participants { named.append((p.name, p.role.danish)) }
        }
        for d in file.decisions {
            for c in d.consents { if let n = c.name { named.append((n, c.giver.danish)) } }
        }
        if let cw = file.caseworker { named.append((cw, "sagsbehandler")) }
        for plan in file.actionPlans { named.append((plan.author, "sagsbehandler")) }
        for d in file.decisions { named.append((d.author, "sagsbehandler")) }
        for t in file.treatmentPlans { if let a = t.author { named.append((a, "sagsbehandler")) } }
        for j in file.journal { named.append((j.author, "sagsbehandler")) }
        for t in file.toolRecords { if let a = t.author { named.append((a, "sagsbehandler")) } }
        for c in file.checklistAnswers { named.append((c.user, "sagsbehandler")) }

        // The young person first, then one label per distinct full name.
        var labelOf: [String: String] = [:]
        var parts: [(words: [String], label: String, first: Bool)] = []
        func register(_ name: String, label: String) {
            let words = Anonymiser.nameWords(name)
            guard !words.isEmpty else { return }
            parts.append((words.map { $0.lowercased() }, label, true))
            for nick in Anonymiser.nicknames(name) { parts.append(([nick.lowercased()], label, true)) }
        }
        if let n = file.youngPerson.name, !Anonymiser.nameWords(n).isEmpty {
            labelOf[Anonymiser.key(n)] = "den unge"
            register(n, label: "den unge")
        }
        var roles: [String: String] = [:]
        for (name, role) in named {
            let k = Anonymiser.key(name)
            guard !k.isEmpty, !Anonymiser.nameWords(name).isEmpty else { continue }
            if labelOf[k] == nil {
                let label = "Person " + Anonymiser.letters(people.count)
                labelOf[k] = label
                people.append(Person(label: label, role: role))
                register(name, label: label)
            }
            if let label = labelOf[k], roles[label] == nil, !role.isEmpty { roles[label] = role }
        }
        // Whole names, then each part: a first name owned by one label becomes that label, any
        // other part (a shared surname) a neutral "(navn)".
        var owners: [String: Set<String>] = [:]
        var laterParts = Set<String>()
        for p in parts {
            owners[p.words[0], default: []].insert(p.label)
            for w in p.words.dropFirst() { laterParts.insert(w) }
        }
        for p in parts {
            add(Term(words: p.words, replacement: p.label, kind: .name))
            for (i, w) in p.words.enumerated() where p.words.count > 1 {
                let own = owners[w] ?? []
                let single = own.count == 1 && !laterParts.contains(w) && i == 0
                add(Term(words: [w], replacement: single ? p.label : "(navn)", kind: .name))
            }
        }
        for (w, own) in owners where w.count >= 3 { firstNames[w] = own.count == 1 ? own.first! : "" }

        // Addresses, workplaces, schools and providers: the whole text and each proper word of it.
        if let c = file.youngPerson.contact {
            if let a = c.address { addPlace(a, "(adresse)", .address) }
            if let e = c.email { addEmailParts(e) }
        }
        for r in file.concernReports {
            if let o = r.reporter.organisation {
                addPlace(o, Anonymiser.isSchool(o) ? "skolen" : "(arbejdssted)", .place)
            }
            if let c = r.reporter.contact { addEmailParts(c) }
        }
        if let s = file.youngPerson.school { addPlace(s, Anonymiser.isSchool(s) ? "skolen" : "(arbejdssted)", .place) }
        var providers = file.actionPlans.flatMap { $0.measures.compactMap(\.provider) }
        providers += file.decisions.compactMap(\.provider)
        providers += file.treatmentPlans.map(\.provider)
        for p in providers { addPlace(p, "(tilbuddet)", .place) }
        // The people's roles for the legend: the network's relation is scrubbed first.
        for p in file.network.people {
            let k = Anonymiser.key(p.name)
            guard let label = labelOf[k], roles[label] == nil else { continue }
            var copy = self
            roles[label] = p.relation.isEmpty ? "person i netværket" : copy.scrubWords(p.relation)
        }
        people = people.map { Person(label: $0.label, role: roles[$0.label] ?? "person i sagen") }
        labels = labelOf
        counts = [:]
    }

    /// Full name (normalised) → label.
    var labels: [String: String] = [:]

    /// The label of a known name ("den unge", "Person A"), if any.
    public func label(of name: String) -> String? { labels[Anonymiser.key(name)] }

    mutating func add(_ term: Term) {
        guard let first = term.words.first, !first.isEmpty else { return }
        var list = terms[first] ?? []
        guard !list.contains(where: { $0.words == term.words }) else { return }
        list.append(term)
        list.sort { $0.words.count > $1.words.count }
        terms[first] = list
    }

    /// A place's whole text and each of its words that is not a common word.
    mutating func addPlace(_ text: String, _ replacement: String, _ kind: Kind) {
        let words = Anonymiser.words(text).map { $0.lowercased() }.filter { !$0.contains(where: \.isNumber) }
        guard !words.isEmpty else { return }
        // "Opholdsstedet Lyngly" becomes "opholdsstedet": the kind of place stays.
        let generic = words.count > 1 && Anonymiser.isGenericType(words[0])
        add(Term(words: words, replacement: generic ? words[0] : replacement, kind: kind))
        for w in words where w.count >= 3 && !Anonymiser.isCommon(w) && !Anonymiser.isGenericType(w) {
            add(Term(words: [w], replacement: kind == .address ? "(sted)" : replacement, kind: kind))
        }
    }

    /// The parts of e-mail addresses in a contact text: the local part's words and the domain's
    /// labels (not the top-level domain or a public mail service).
    mutating func addEmailParts(_ text: String) {
        for token in text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" }) where token.contains("@")
        {
            let halves = token.split(separator: "@", maxSplits: 1).map(String.init)
            for w in Anonymiser.words(halves[0]) where w.count >= 3 && !Anonymiser.isCommon(w.lowercased()) {
                add(Term(words: [w.lowercased()], replacement: "(navn)", kind: .name))
            }
            if halves.count > 1 {
                let labels = halves[1].split(separator: ".").map { $0.lowercased() }
                for l in labels.dropLast() where l.count >= 3 && !Anonymiser.mailServices.contains(l) {
                    for w in Anonymiser.words(l) where !Anonymiser.isCommon(w) {
                        add(Term(words: [w], replacement: "(arbejdssted)", kind: .place))
                    }
                }
            }
        }
    }

    /// First names that are also ordinary words: still names when written in a name field.
    static let namesThatAreWords: Set<String> = [
        "hans", "bo", "per", "tage", "dan", "max", "ask", "sten", "else", "mark", "storm", "sol", "ulf", "kim",
        "vera", "rose", "viol", "lærke", "ørn", "dag",
    ]

    static let mailServices: Set<String> = [
        "gmail", "hotmail", "live", "outlook", "yahoo", "icloud", "mail", "email", "example", "jubii", "msn", "me",
        "protonmail", "proton", "sol", "post", "mobil",
    ]

    /// "Person A" ... "Person Z", "Person AA", ...
    static func letters(_ n: Int) -> String {
        let a = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return n < 26 ? String(a[n]) : letters(n / 26 - 1) + String(a[n % 26])
    }

    /// A name normalised for comparison: its words, lower-cased, one space apart.
    static func key(_ name: String) -> String { nameWords(name).map { $0.lowercased() }.joined(separator: " ") }

    /// The words of a name that can be a name: letters only, not a role word ("Lone, klasselærer"
    /// gives "Lone"), quoted nicknames included.
    static func nameWords(_ name: String) -> [String] {
        words(name).filter { w in
            let l = w.lowercased()
            return w.count >= 2 && !w.contains(where: \.isNumber) && (!isCommon(l) || namesThatAreWords.contains(l))
        }
    }

    /// Nicknames written in a name field: `Mohammed "Mo" Ali`, `Malik (Mali)`.
    static func nicknames(_ name: String) -> [String] {
        var out: [String] = []
        var current = ""
        var inside = false
        for c in name {
            if "\"“”«»'‘’(".contains(c) && !inside {
                inside = true
                current = ""
            } else if "\"“”«»'‘’)".contains(c) && inside {
                inside = false
                out += words(current).filter { $0.count >= 2 }
            } else if inside {
                current.append(c)
            }
        }
        return out
    }

    /// The letter-and-digit words of a text.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    static func isSchool(_ text: String) -> Bool {
        let l = text.lowercased()
        return schoolSuffixes.contains { l.contains($0) }
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

    /// "dag 12" for a date, counted from the first notification. The young person's birth date is
    /// never turned into a day (it would give the age in days).
    public func day(_ date: LocalDate) -> String {
        if let birthDate, date == birthDate { return "(fødselsdato)" }
        return "dag \(dayZero.days(until: date))"
    }

    // MARK: Learning the case's proper nouns

    /// Notes the capitalised words inside sentences of `text`, so that the same words are also
    /// replaced where they start a sentence. Call it for every free text before scrubbing.
    public mutating func learn(_ text: String) {
        properNouns.formUnion(properNouns(in: text))
    }

    /// `learn` for many texts, split over the processor's cores (what is learnt does not depend on
    /// the order).
    public mutating func learnAll(_ texts: [String]) {
        let parts = min(ProcessInfo.processInfo.activeProcessorCount, texts.count / 256)
        guard parts > 1 else {
            for t in texts { learn(t) }
            return
        }
        let size = (texts.count + parts - 1) / parts
        let found = LearnResults(parts)
        let start = self
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            var nouns = Set<String>()
            for t in texts[min(part * size, texts.count)..<min((part + 1) * size, texts.count)] {
                nouns.formUnion(start.properNouns(in: t))
            }
            found.set(part, nouns)
        }
        for nouns in found.all() { properNouns.formUnion(nouns) }
    }

    /// The capitalised words inside sentences of `text` that are not known terms, kept words or
    /// common words (lower-cased).
    func properNouns(in text: String) -> Set<String> {
        var out = Set<String>()
        Anonymiser.scanWords(text) { word, _, startOfSentence, _ in
            guard !startOfSentence, Anonymiser.startsWithCapital(word), !Anonymiser.hasNumber(word) else { return }
            let l = word.lowercased()
            if Anonymiser.isKeptCapitalised(word) || Anonymiser.isCommon(l) || terms[l] != nil { return }
            out.insert(l)
        }
        return out
    }

    /// The parts of `learnAll`, written from several threads.
    final class LearnResults: @unchecked Sendable {
        private let lock = NSLock()
        private var parts: [Set<String>]
        init(_ n: Int) { parts = Array(repeating: [], count: n) }
        func set(_ i: Int, _ value: Set<String>) { lock.withLock { parts[i] = value } }
        func all() -> [Set<String>] { lock.withLock { parts } }
    }

    // MARK: Scrubbing

    /// The text with every known name, number, address, place and date generalised. `written` is
    /// the day the text was written (turns "i går" into a day); `location` names the place for the
    /// list of words that could not be judged.
    public mutating func scrub(_ text: String, written: LocalDate? = nil, location: String = "") -> String {
        var s = text
        // CPR numbers first, in any spelling and already masked ones: no part is kept.
        let cpr = CPRMask.replacingAll(in: s, with: "(CPR-nummer)")
        s = cpr.text
        count(.cpr, "(CPR-nummer)", cpr.count)
        // Each pattern runs only where a cheap look at the bytes finds what it needs.
        let lower = s.lowercased()
        let look = Look(lower)
        let hasDigit = look.digits > 0
        if look.has("xxxx") || look.has("****") { s = replace(s, P.maskedCPR, kind: .cpr) { _ in "(CPR-nummer)" } }
        if look.has("@") { s = replace(s, P.email, kind: .email) { _ in "(e-mail)" } }
        if look.has("www.") || look.has("http") { s = replace(s, P.url, kind: .email) { _ in "(webadresse)" } }
        s = replaceDates(s, look: look, written: written)
        if hasDigit {
            if look.has("kl") { s = replace(s, P.clock, kind: .time) { _ in "(klokkeslæt)" } }
            if look.has(":") { s = replace(s, P.colonTime, kind: .time) { _ in "(klokkeslæt)" } }
            if look.has("uge") { s = replace(s, P.week, kind: .time) { _ in "(ugenummer)" } }
            if look.has("+") || look.has("00") {
                s = replace(s, P.foreignPhone, kind: .phone) { _ in "(telefonnummer)" }
            }
            if look.digits >= 8 { s = replace(s, P.phone, kind: .phone) { _ in "(telefonnummer)" } }
            if look.longestRun >= 4 {
                s = replace(s, P.caseNumber, kind: .number) { _ in "(sagsnummer)" }
                s = replace(s, P.postcode, kind: .address, prefix: .postcode) { _ in "(postnummer og by)" }
            }
            if P.streetSuffixes.contains(where: look.has) {
                s = replace(
                    s, P.address, kind: .address, label: "(adresse)", prefix: .street, accept: Anonymiser.followsStreet
                ) { g in
                    "(adresse)" + (g[0].hasSuffix(".") ? "." : "")
                }
            }
            if look.has("kr") || look.has("dkk") || look.has("euro") || look.has("€") || look.has(",-") {
                s = replace(s, P.money, kind: .amount) { _ in "(et beløb)" }
            }
            if look.has("g") { s = replace(s, P.weight, kind: .amount) { _ in "(en mængde)" } }
            if look.digitThenDotOrG {
                s = replace(s, P.classLevel, kind: .classLevel) { _ in "(klassetrin)" }
            }
            if look.longestRun >= 4 { s = replace(s, P.longNumber, kind: .number) { _ in "(nummer)" } }
        }
        if P.teacherTitles.contains(where: look.has) {
            s = replace(s, P.teacherTitle, kind: .classLevel, label: "læreren") { g in
                g[0].first?.isUppercase == true ? "Læreren" : "læreren"
            }
        }
        if look.has("politi") { s = replace(s, P.police, kind: .place) { _ in "politiet" } }
        if P.localUnits.contains(where: { look.has($0.lowercased()) }) {
            s = replace(s, P.localUnit, kind: .place, label: "(lokal enhed)") { g in g[1] }
        }
        return scrubWords(s, location: location)
    }

    /// `scrub` for many texts (a journal of thousands of notes), split over the processor's cores:
    /// each part is scrubbed by a copy of this anonymiser, and what the copies counted and could not
    /// judge is merged back in order, so the result is exactly that of scrubbing one by one.
    public mutating func scrubAll(_ items: [(text: String, written: LocalDate?, location: String)]) -> [String] {
        let parts = min(ProcessInfo.processInfo.activeProcessorCount, items.count / 256)
        guard parts > 1 else { return items.map { scrub($0.text, written: $0.written, location: $0.location) } }
        var base = self
        base.counts = [:]
        base.unsure = []
        let size = (items.count + parts - 1) / parts
        let results = ScrubResults(parts)
        let start = base
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            var copy = start
            let slice = items[min(part * size, items.count)..<min((part + 1) * size, items.count)]
            let texts = slice.map { copy.scrub($0.text, written: $0.written, location: $0.location) }
            results.set(part, (texts, copy))
        }
        var out: [String] = []
        out.reserveCapacity(items.count)
        for (texts, copy) in results.all() {
            out += texts
            for (k, n) in copy.counts { counts[k, default: 0] += n }
            unsure += copy.unsure
        }
        return out
    }

    /// The parts of `scrubAll`, written from several threads.
    final class ScrubResults: @unchecked Sendable {
        private let lock = NSLock()
        private var parts: [([String], Anonymiser)?]
        init(_ n: Int) { parts = Array(repeating: nil, count: n) }
        func set(_ i: Int, _ value: ([String], Anonymiser)) { lock.withLock { parts[i] = value } }
        func all() -> [([String], Anonymiser)] { lock.withLock { parts.compactMap { $0 } } }
    }

    public mutating func scrub(_ text: String?, written: LocalDate? = nil, location: String = "") -> String? {
        text.map { scrub($0, written: written, location: location) }
    }

    // MARK: The word pass

    /// Known names and places, nicknames, school and street names and other capitalised words.
    mutating func scrubWords(_ text: String, location: String = "") -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var tokens: [(word: String, range: Range<String.Index>, start: Bool, gap: Substring)] = []
        Anonymiser.scanWords(text) { word, range, start, gap in
            tokens.append((word, range, start, gap))
        }
        var cursor = text.startIndex
        var i = 0
        var flagged = false
        while i < tokens.count {
            let t = tokens[i]
            out += text[cursor..<t.range.lowerBound]
            cursor = t.range.upperBound
            let lower = t.word.lowercased()
            let capital = Anonymiser.startsWithCapital(t.word)
            // A known name or place, the longest run of words first (joined by spaces or hyphens).
            var matched = false
            var candidates: [Term] = terms[lower] ?? []
            var genitive = false
            if candidates.isEmpty, lower.count > 2, lower.hasSuffix("s"), let c = terms[String(lower.dropLast())] {
                candidates = c.filter { $0.words.count == 1 }
                genitive = true
            }
            if capital || !Anonymiser.isCommon(lower) || candidates.contains(where: { $0.words.count > 1 }) {
                for term in candidates {
                    let n = term.words.count
                    guard i + n <= tokens.count else { continue }
                    var ok = true
                    for k in 1..<max(n, 1) where k < n {
                        let next = tokens[i + k]
                        if next.word.lowercased() != term.words[k] || !next.gap.allSatisfy({ $0 == " " || $0 == "-" }) {
                            ok = false
                            break
                        }
                    }
                    guard ok else { continue }
                    if n == 1, !capital, Anonymiser.isCommon(lower) { continue }
                    var r = term.replacement
                    if genitive { r += r.hasPrefix("Person ") ? "'s" : (r.hasPrefix("(") ? "" : "s") }
                    if t.start { r = r.capitalizedFirstLetter }
                    count(term.kind, term.replacement)
                    out += r
                    cursor = tokens[i + n - 1].range.upperBound
                    i += n
                    matched = true
                    break
                }
            }
            if matched { continue }
            // A school or street written as one word, also in lower case ("kirkebakkeskolen").
            if let kind = Anonymiser.compoundKind(lower) {
                let r = kind == .place ? "skolen" : "(vej)"
                count(kind, r)
                out += t.start ? r.capitalizedFirstLetter : r
                i += 1
                continue
            }
            let isProper =
                capital && !Anonymiser.hasNumber(t.word) && !Anonymiser.isKeptCapitalised(t.word)
                && !Anonymiser.isCommon(lower)
            if isProper, t.start, !properNouns.contains(lower) {
                // A capitalised word that starts a sentence: a name only if it looks like one.
                let nick = nickname(lower)
                if let nick {
                    count(.nickname, nick)
                    out += nick.capitalizedFirstLetter
                } else {
                    out += t.word
                    if !Anonymiser.looksInflected(lower), !flagged {
                        flagged = true
                        unsure.append(location)
                    }
                }
                i += 1
                continue
            }
            if isProper {
                // A nickname of a known person, else a name or place not on the case: one
                // generalisation for a run of capitalised words ("Nordby Station").
                if let nick = nickname(lower) {
                    count(.nickname, nick)
                    out += t.start ? nick.capitalizedFirstLetter : nick
                    i += 1
                    continue
                }
                var j = i + 1
                while j < tokens.count, tokens[j].gap == " ", Anonymiser.startsWithCapital(tokens[j].word),
                    !Anonymiser.isKeptCapitalised(tokens[j].word), !Anonymiser.isCommon(tokens[j].word.lowercased())
                {
                    j += 1
                }
                let previous = i > 0 ? tokens[i - 1].word.lowercased() : ""
                let r = Anonymiser.placePrepositions.contains(previous) ? "(sted)" : "(navn)"
                count(.unknownName, r)
                out += r
                cursor = tokens[j - 1].range.upperBound
                i = j
                continue
            }
            out += t.word
            i += 1
        }
        out += text[cursor...]
        return out
    }

    /// Whether the word's first character is upper case (`Character.isUppercase`, with a fast path
    /// for an ASCII first letter).
    @inline(__always) static func startsWithCapital(_ w: String) -> Bool {
        guard let b = w.utf8.first else { return false }
        if b < 0x80 {
            // An ASCII letter followed by a combining mark is still upper case when the letter is.
            return b >= 65 && b <= 90
        }
        return w.first?.isUppercase == true
    }

    /// Whether the word holds a number character (`Character.isNumber`; only ASCII digits in an
    /// ASCII word).
    @inline(__always) static func hasNumber(_ w: String) -> Bool {
        var ascii = true
        for b in w.utf8 {
            if b >= 48 && b <= 57 { return true }
            if b >= 0x80 { ascii = false }
        }
        return ascii ? false : w.contains(where: \.isNumber)
    }

    /// The label of a known person whose first name `word` shortens or lengthens ("Mali" for
    /// "Malik"), or "(kaldenavn)" when several could be meant.
    func nickname(_ word: String) -> String? {
        guard word.count >= 3, !Anonymiser.isCommon(word) else { return nil }
        var found: Set<String> = []
        for (first, label) in firstNames where first != word {
            let shorter = first.count < word.count ? first : word
            let longer = first.count < word.count ? word : first
            if longer.hasPrefix(shorter), longer.count - shorter.count <= 3, shorter.count >= 3 {
                found.insert(label)
            }
        }
        guard !found.isEmpty else { return nil }
        return found.count == 1 && !found.first!.isEmpty ? found.first! : "(kaldenavn)"
    }

    /// Calls `body` for each word (a run of letters and digits) with its range, whether it starts a
    /// sentence, and the characters between it and the previous word.
    static func scanWords(
        _ text: String, _ body: (String, Range<String.Index>, Bool, Substring) -> Void
    ) {
        let scalars = text.unicodeScalars
        var start = true
        var gapStart = scalars.startIndex
        var i = scalars.startIndex
        var previousWord = ""
        @inline(__always) func isWordScalar(_ u: Unicode.Scalar) -> Bool {
            let v = u.value
            if v < 0x80 {
                return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
            }
            let p = u.properties
            return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
        }
        while i < scalars.endIndex {
            let c = scalars[i]
            if isWordScalar(c) {
                var j = scalars.index(after: i)
                while j < scalars.endIndex, isWordScalar(scalars[j]) { j = scalars.index(after: j) }
                let word = String(text[i..<j])
                body(word, i..<j, start, text[gapStart..<i])
                previousWord = word
                start = false
                gapStart = j
                i = j
                continue
            }
            switch c {
            case "\n", "!", "?", ":", ";", "•", "\"", "“", "„", "«", "(": start = true
            case ".":
                let w = previousWord.lowercased()
                start = !abbreviations.contains(w) && !w.allSatisfy(\.isNumber)
            default: break
            }
            i = scalars.index(after: i)
        }
    }

    // MARK: Dates

    /// Every date in `text` becomes a day from the first notification.
    mutating func replaceDates(_ text: String, look: Look, written: LocalDate?) -> String {
        var s = text
        let context = written ?? dayZero
        if look.digits > 0 {
            if look.longestRun >= 4 {
                s = replace(s, P.isoDate, kind: .date, label: Anonymiser.dateLabel, prefix: .date) { [self] g in
                    self.dayText(year: Int(g[1]), month: Int(g[2]), day: Int(g[3]))
                }
            }
            s = replace(s, P.numericDate, kind: .date, label: Anonymiser.dateLabel, prefix: .date) { [self] g in
                self.dayText(year: Anonymiser.fullYear(g[4], context: context), month: Int(g[3]), day: Int(g[1]))
            }
            let monthWord = P.monthStems.contains(where: look.has)
            if monthWord {
                s = replace(s, P.monthNameDate, kind: .date, label: Anonymiser.dateLabel, prefix: .date) { [self] g in
                    let y = g[3].filter { $0 != "'" }
                    let year = y.isEmpty ? nil : Anonymiser.fullYear(y, context: context)
                    return self.dayText(year: year, month: Anonymiser.month(g[2]), day: Int(g[1]), context: context)
                }
            }
            if look.has("d.") || look.has("den") || look.has("dag") {
                s = replace(s, P.shortDate, kind: .date, label: Anonymiser.dateLabel, prefix: .dateRequired) {
                    [self] g in
                    self.dayText(year: nil, month: Int(g[2]), day: Int(g[1]), context: context)
                }
            }
            if look.longestRun >= 4, LocalDate.monthNames.contains(where: look.has) {
                s = replace(s, P.monthYear, kind: .date, label: Anonymiser.dateLabel) { [self] g in
                    guard let m = Anonymiser.month(g[1]), let y = Int(g[2]),
                        let d = LocalDate(year: y, month: m, day: 1)
                    else { return "(dato)" }
                    return "omkring \(self.day(d))"
                }
            }
        }
        if let written, P.relativeWords.contains(where: look.has) {
            s = replace(s, P.relativeDay, kind: .date, label: Anonymiser.dateLabel) { [self] g in
                let offset: Int
                switch g[1].lowercased() {
                case "i forgårs": offset = -2
                case "i går": offset = -1
                case "i dag": offset = 0
                case "i morgen": offset = 1
                default: offset = 2
                }
                return (g[1].first?.isUppercase == true ? "På " : "på ") + self.day(written.adding(days: offset))
            }
        }
        return s
    }

    static let dateLabel = "dage fra den første underretning"

    static func fullYear(_ text: String, context: LocalDate) -> Int? {
        guard let y = Int(text) else { return nil }
        if text.count == 4 { return y }
        // Two digits: the century that puts the year nearest the context.
        let century = context.year / 100 * 100
        let candidates = [century - 100 + y, century + y, century + 100 + y]
        return candidates.min { abs($0 - context.year) < abs($1 - context.year) }
    }

    static func month(_ text: String) -> Int? {
        let l = text.lowercased()
        guard l.count >= 3 else { return nil }
        return LocalDate.monthNames.firstIndex { $0.hasPrefix(l) || (l == "sept" && $0 == "september") }.map { $0 + 1 }
    }

    /// The day text of a date; without a year, the year that puts it nearest `context`.
    func dayText(year: Int?, month: Int?, day: Int?, context: LocalDate? = nil) -> String {
        guard let month, let day else { return "(dato)" }
        if let year { return LocalDate(year: year, month: month, day: day).map { self.day($0) } ?? "(dato)" }
        let c = context ?? dayZero
        let options = [c.year - 1, c.year, c.year + 1].compactMap { LocalDate(year: $0, month: month, day: day) }
        guard let best = options.min(by: { abs($0.days(until: c)) < abs($1.days(until: c)) }) else { return "(dato)" }
        return self.day(best)
    }

    // MARK: Patterns

    /// A cheap first look at a lower-cased text's bytes: how many digits, the longest run of
    /// digits, whether a digit is followed by a dot or "g", and a plain substring search.
    struct Look {
        let bytes: [UInt8]
        var digits = 0
        var longestRun = 0
        var digitThenDotOrG = false

        init(_ lower: String) {
            bytes = Array(lower.utf8)
            var run = 0
            for (i, b) in bytes.enumerated() {
                if b >= 48 && b <= 57 {
                    digits += 1
                    run += 1
                    longestRun = max(longestRun, run)
                    if i + 1 < bytes.count {
                        let n = bytes[i + 1]
                        if n == 46 || n == 103 || n == 32 { digitThenDotOrG = true }  // ".", "g", " "
                    }
                } else {
                    run = 0
                }
            }
        }

        /// True when `needle` (lower case) occurs in the text.
        func has(_ needle: String) -> Bool {
            let n = Array(needle.utf8)
            guard let first = n.first, n.count <= bytes.count else { return false }
            var i = 0
            let last = bytes.count - n.count
            while i <= last {
                if bytes[i] == first {
                    var k = 1
                    while k < n.count, bytes[i + k] == n[k] { k += 1 }
                    if k == n.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// What a match may or must have just before it, taken away with it.
    enum Prefix {
        case none
        /// An optional weekday and "den" / "d." ("mandag den 13. april").
        case date
        /// A date without a year needs "den", "d." or a weekday in front ("d. 3/4").
        case dateRequired
        /// An optional "postnr.".
        case postcode
        /// The street name just before a house number (required).
        case street
    }

    /// How many characters at the end of `out` make a prefix of the kind, or nil when there is none.
    static func prefixLength(_ out: String, _ kind: Prefix) -> Int? {
        let tail = String(out.suffix(24)).lowercased()
        func word(_ w: String) -> Int? {
            guard tail.hasSuffix(w) else { return nil }
            let before = tail.dropLast(w.count).last
            return before.map { $0.isLetter || $0.isNumber } == true ? nil : w.count
        }
        switch kind {
        case .none: return nil
        case .postcode: return ["postnummer ", "postnr. ", "postnr "].lazy.compactMap(word).first
        case .street:
            // Spaces, then the street's name (letters and hyphens).
            var n = 0
            var chars = Array(out.suffix(64))
            while let c = chars.last, c.isWhitespace {
                n += 1
                chars.removeLast()
            }
            var letters = 0
            while let c = chars.last, c.isLetter || c == "-" {
                letters += 1
                chars.removeLast()
            }
            return letters > 3 ? n + letters : nil
        case .date, .dateRequired:
            var n = ["den ", "d. ", "d."].lazy.compactMap(word).first ?? 0
            let rest = String(tail.dropLast(n))
            for day in LocalDate.weekdayNames {
                for form in ["\(day) ", "\(day)en ", "\(day), ", "\(day)en, "] where rest.hasSuffix(form) {
                    let before = rest.dropLast(form.count).last
                    if before.map({ $0.isLetter }) != true { n += form.count }
                    return n
                }
            }
            return n > 0 ? n : nil
        }
    }

    /// Whether one to three spaces (`\s` of the patterns: Unicode White_Space, tab to carriage
    /// return included) and then a word ending in one of `P.streetSuffixes` stand just before
    /// `start` (what `(?<=(?:vej|gade|...)\s{1,3})` would check).
    static func followsStreet(_ scalars: String.UnicodeScalarView, _ start: String.Index) -> Bool {
        var i = start
        var spaces = 0
        while i > scalars.startIndex, spaces <= 3 {
            let c = scalars[scalars.index(before: i)]
            let v = c.value
            // ICU's `\s` is the Unicode White_Space property.
            let isSpace = v < 0x80 ? (v >= 9 && v <= 13) || v == 32 : c.properties.isWhitespace
            guard isSpace else { break }
            spaces += 1
            i = scalars.index(before: i)
        }
        guard (1...3).contains(spaces) else { return false }
        // The scalars before the spaces, compared from the end with each suffix.
        var tail: [Unicode.Scalar] = []
        var k = i
        while k > scalars.startIndex, tail.count < P.longestStreetSuffix {
            k = scalars.index(before: k)
            tail.append(scalars[k])
        }
        for suffix in P.streetSuffixScalars where suffix.count <= tail.count {
            var ok = true
            for (n, c) in suffix.reversed().enumerated() where tail[n] != c {
                ok = false
                break
            }
            if ok { return true }
        }
        return false
    }

    /// Runs a precompiled pattern over `text`, replacing each match by `make(groups)` (nil keeps
    /// the match). A `prefix` just before the match is replaced with it.
    mutating func replace(
        _ text: String, _ re: NSRegularExpression, kind: Kind, label: String? = nil, prefix: Prefix = .none,
        accept: ((String.UnicodeScalarView, String.Index) -> Bool)? = nil, _ make: ([String]) -> String?
    ) -> String {
        let matches = re.matches(in: text, range: NSRange(location: 0, length: text.utf16.count))
        guard !matches.isEmpty else { return text }
        // UTF-16 offsets to String indices, walking forward once (no bridging to NSString and back);
        // slices by Unicode scalars, exactly where the match starts and ends.
        let u16 = text.utf16
        let scalars = text.unicodeScalars
        var walked = (offset: 0, index: u16.startIndex)
        func index(_ offset: Int) -> String.Index {
            walked.index = u16.index(walked.index, offsetBy: offset - walked.offset)
            walked.offset = offset
            return walked.index
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var last = text.startIndex
        for m in matches {
            let whole = m.range
            let start = index(whole.location)
            if let accept, !accept(scalars, start) { continue }
            out += Substring(scalars[last..<start])
            var groups = [String](repeating: "", count: m.numberOfRanges)
            for i in 1..<max(m.numberOfRanges, 1) {
                let r = m.range(at: i)
                guard r.location != NSNotFound else { continue }
                let a = u16.index(start, offsetBy: r.location - whole.location)
                groups[i] = String(scalars[a..<u16.index(a, offsetBy: r.length)])
            }
            let end = index(whole.location + whole.length)
            groups[0] = String(scalars[start..<end])
            last = end
            let cut = Anonymiser.prefixLength(out, prefix)
            let needed = prefix == .dateRequired || prefix == .street
            guard cut != nil || !needed, let replacement = make(groups) else {
                out += groups[0]
                continue
            }
            if let cut { out.removeLast(cut) }
            count(kind, label ?? replacement)
            // A date that now starts a sentence starts with a capital ("Dag 12 ringede mor").
            let before = out.last { !$0.isWhitespace }
            if kind == .date, before == nil || ".!?\n".contains(before!) {
                out += replacement.capitalizedFirstLetter
            } else {
                out += replacement
            }
        }
        out += Substring(scalars[last...])
        return out
    }

    /// The fixed patterns, compiled once. Each starts with a plain character (a digit where it can),
    /// so the regular-expression engine skips straight to the places where it can match, and none
    /// has nested repetition: each runs in linear time.
    enum P {
        static func re(_ p: String) -> NSRegularExpression { try! NSRegularExpression(pattern: p, options: []) }
        static let months =
            "(?i:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)"
        /// The first digit of a number: no letter, digit or dot before it.
        static let d0 = #"[0-9](?<![\p{L}\p{N}.][0-9])"#
        nonisolated(unsafe) static let maskedCPR = re(
            #"[0-9](?<![0-9][0-9])[0-9]{5}\s?[-‐–—]?\s?[xX*]{4}(?![0-9A-Za-z])"#)
        nonisolated(unsafe) static let email = re(#"[\p{L}\p{N}._%+\-]*@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*"#)
        nonisolated(unsafe) static let url = re(#"(?i:https?://|www\.)[^\s<>"]+"#)
        nonisolated(unsafe) static let isoDate = re("(\(d0)[0-9]{3})-([0-9]{1,2})-([0-9]{1,2})(?![0-9])")
        nonisolated(unsafe) static let numericDate = re(
            "(\(d0)[0-9]?)([./\\-])([0-9]{1,2})[./\\-]([0-9]{4}|[0-9]{2})(?![0-9]|\\.[0-9])")
        nonisolated(unsafe) static let monthNameDate = re(
            "(\(d0)[0-9]?)\\.?\\s*(\(months))\\.?(?![\\p{L}])(?:,?\\s+([0-9]{4}|'?[0-9]{2})(?![0-9]))?")
        nonisolated(unsafe) static let shortDate = re("(\(d0)[0-9]?)[./]([0-9]{1,2})(?![0-9]|[./][0-9])\\.?")
        nonisolated(unsafe) static let monthYear = re("(?<![\\p{L}])(\(months))\\.?\\s+([0-9]{4})(?![0-9])")
        static let relativeWords = ["i forgårs", "i går", "i dag", "i morgen", "i overmorgen"]
        nonisolated(unsafe) static let relativeDay = re(
            "([iI](?<![\\p{L}][iI]) (?:forgårs|går|dag|morgen|overmorgen))(?![\\p{L}])")
        /// "kl. 22.30", "klokken 9": the word goes with the time.
        nonisolated(unsafe) static let clock = re(
            #"[kK](?<![\p{L}][kK])l(?:\.\s*|\s+|okken\s+)[0-9]{1,2}(?:[.:][0-9]{2})?(?![0-9]|[.:,][0-9])"#)
        /// "22:30" without "kl.".
        nonisolated(unsafe) static let colonTime = re(
            #"[0-9](?<![\p{L}\p{N}.,:][0-9])[0-9]?:[0-9]{2}(?![0-9]|[.:,][0-9])"#)
        nonisolated(unsafe) static let week = re(#"[uU](?<![\p{L}][uU])ge\s+[0-9]{1,2}(?![0-9])"#)
        nonisolated(unsafe) static let foreignPhone = re(
            #"(?:\+|0(?<![0-9]0)0)[0-9]{2}[ .\-]?(?:[0-9][ .\-]?){6,10}[0-9](?![0-9])"#)
        nonisolated(unsafe) static let phone = re(
            #"[0-9](?<![0-9][0-9])(?:[0-9][ .\-]?[0-9]{2}[ .\-]?[0-9]{2}[ .\-]?[0-9]{2}|[0-9]{3} [0-9]{4})(?![0-9])"#)
        nonisolated(unsafe) static let caseNumber = re(#"[0-9](?<![0-9][0-9])[0-9]{3}-[0-9]{4}(?![0-9])"#)
        /// The house number and floor of an address; the street name before it goes with it
        /// (`Prefix.street`).
        /// The street word before it (one of `streetSuffixes`, then one to three spaces) is checked by
        /// `Anonymiser.followsStreet` on each match: a look-behind over twenty words made the engine try
        /// them at every digit.
        nonisolated(unsafe) static let address = re(
            "[0-9]+[A-Za-z]?(?![0-9])(?:,?\\s*(?:st|kl|[0-9]{1,2})\\.?(?:\\s*(?:th|tv|mf)\\.?)?)?")
        nonisolated(unsafe) static let postcode = re(
            #"[1-9](?<![\p{L}\p{N}][1-9])[0-9]{3}\s+\p{Lu}[\p{L}\-]+(?:\s+[NSVØCK](?![\p{L}]))?"#)
        nonisolated(unsafe) static let money = re(
            #"[0-9](?<![\p{L}\p{N}.,][0-9])[0-9]*(?:[.,][0-9]+)*\s*(?:kr\.?|kroner|(?i:dkk)|euro|€|,-)(?![\p{L}])"#)
        nonisolated(unsafe) static let weight = re(
            #"[0-9](?<![\p{L}\p{N}.,][0-9])[0-9]*(?:[.,][0-9]+)?\s*(?:g|gram|kg|kilo|mg|milligram)(?![\p{L}])"#)
        nonisolated(unsafe) static let classLevel = re(
            #"[0-9](?<![\p{L}\p{N}.][0-9])[0-9]?(?:\.\s?[a-hj-zæø](?![\p{L}])|\.?\s?g(?![\p{L}])|\.?\s?kl\.?\s?[a-z](?![\p{L}]))"#
        )
        nonisolated(unsafe) static let longNumber = re(
            #"[0-9](?<![\p{N}][0-9])(?:[0-9]{3}[ \-][0-9]{5,}|[0-9]{4,})(?![\p{N}])"#)
        static let monthStems = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
        static let streetSuffixes = [
            "vej", "gade", "allé", "alle", "vænge", "stræde", "plads", "torv", "boulevard", "stien", "parken", "bakken",
            "haven", "toften", "høj", "marken", "løkke", "kvarter", "vang", "engen",
        ]
        static let streetSuffixScalars = streetSuffixes.map { Array($0.unicodeScalars) }
        static let longestStreetSuffix = streetSuffixScalars.map(\.count).max() ?? 0
        static let teacherTitles = ["lektor", "adjunkt", "rektor", "inspektør", "afdelingsleder"]
        nonisolated(unsafe) static let teacherTitle = re(
            #"(?<![\p{L}])(?i:lektor|adjunkt|studielektor|rektor|vicerektor|skoleinspektør|viceinspektør|afdelingsleder)(?i:en)?(?![\p{L}])"#
        )
        nonisolated(unsafe) static let police = re(
            #"(\p{Lu}(?<![\p{L}]\p{Lu})[\p{L}\-]*\s+(?:og\s+)?(?:\p{Lu}[\p{L}\-]*\s+(?:og\s+)?){0,3})[Pp]oliti(?:kreds|station)?(?![\p{L}])"#
        )
        static let localUnits = [
            "SSP", "PPR", "UU", "BUF", "Ungdomsskolen", "Ungdomsklubben", "Klubben", "Familiehuset", "Misbrugscentret",
            "Rusmiddelcentret", "Ungecentret", "Ungdomscentret", "Familiecentret", "Sundhedsplejen", "Jobcentret",
        ]
        nonisolated(unsafe) static let localUnit = re(
            "(\(localUnits.joined(separator: "|")))(?<![\\p{L}](?:\(localUnits.joined(separator: "|"))))(?:-afdelingen)?\\s+(?:i\\s+)?\\p{Lu}[\\p{L}\\-]*(?:\\s+\\p{Lu}[\\p{L}\\-]*)?"
        )
    }

    // MARK: Word lists

    /// Words after which an unknown proper noun is a place.
    static let placePrepositions: Set<String> = [
        "i", "på", "fra", "til", "ved", "nær", "mod", "omkring", "udenfor", "bag", "gennem", "forbi", "rundt",
    ]

    /// Abbreviations whose full stop does not end a sentence.
    static let abbreviations: Set<String> = [
        "kl", "d", "fx", "ca", "nr", "tlf", "bl", "a", "mht", "jf", "evt", "dvs", "pga", "mv", "st", "th", "tv", "mf",
        "hr", "fr", "dr", "vedr", "ang", "inkl", "ekskl", "iflg", "mrk", "stk", "pkt", "tidl", "bemærk", "obs", "ift",
        "mm", "m", "f", "jan", "feb", "apr", "aug", "sep", "sept", "okt", "nov", "dec", "ml", "pr", "gl",
    ]

    static let schoolSuffixes = [
        "skole", "gymnasium", "gymnasiet", "seminarium", "seminariet", "akademi", "klubben", "college", "hf",
        "efterskole", "friskole", "privatskole", "realskole",
    ]

    /// The first part of a word that names a kind of school or place, not a particular one.
    static let genericPrefixes: Set<String> = [
        "folke", "efter", "fri", "privat", "ungdoms", "produktions", "handels", "real", "special", "heldags",
        "høj", "grund", "kost", "tekniske", "teknisk", "erhvervs", "sprog", "gymnasie", "dag", "døgn", "fritids",
        "ungdom", "lille", "store", "ny", "nye", "gamle", "hoved", "bi", "land", "by", "side", "sti", "cykel",
        "motor", "gå", "vej", "hus", "mini", "musik", "dans", "sports", "svømme", "kommune", "udskolings",
        "indskolings", "mellemtrins", "modtage", "behandlings", "ene", "skole", "tolv", "fodbold", "idræts",
        "lande", "gen", "om", "hjem", "af", "hen", "til", "frem", "sam", "over", "under", "vinter", "sommer",
    ]

    /// Words that name a kind of place ("opholdsstedet", "kommunen"): never a term on their own.
    static func isGenericType(_ w: String) -> Bool {
        isCommon(w) || schoolSuffixes.contains(w) || w.hasSuffix("stedet") || w.hasSuffix("centret")
    }

    /// The last bytes of the suffixes `compoundKind` looks for.
    static let compoundEnds: Set<UInt8> = Set(
        [
            "skolen", "skole", "gymnasium", "gymnasiet", "efterskolen", "vej", "gade", "allé", "vænget", "stræde",
            "boulevard",
        ]
        .compactMap { $0.utf8.last })

    /// "(skole)" for a school named in one word ("kirkebakkeskolen"), "(vej)" for a street, else nil.
    static func compoundKind(_ lower: String) -> Kind? {
        // Every suffix ends in "e", "m", "t", "n", "j", "d" or "é": most words are let go at their last
        // byte (any non-ASCII last byte is looked at in full: "allé" may be written decomposed).
        guard let lastByte = lower.utf8.last, lastByte >= 0x80 || compoundEnds.contains(lastByte) else { return nil }
        if isCommon(lower) { return nil }
        for suffix in ["skolen", "skole", "gymnasium", "gymnasiet", "efterskolen"] where lower.hasSuffix(suffix) {
            let prefix = String(lower.dropLast(suffix.count))
            if prefix.count >= 3, !genericPrefixes.contains(prefix), !isCommon(prefix) { return .place }
            return nil
        }
        for suffix in ["vej", "gade", "allé", "vænget", "stræde", "boulevard"] where lower.hasSuffix(suffix) {
            let prefix = String(lower.dropLast(suffix.count))
            if prefix.count >= 3, !genericPrefixes.contains(prefix), !isCommon(prefix) { return .address }
            return nil
        }
        return nil
    }

    /// A capitalised word that is kept inside a sentence: an acronym ("SSP", "PPR", "ADHD"), or a
    /// word from the fixed list (the anonymiser's own labels, months written with a capital).
    static func isKeptCapitalised(_ word: String) -> Bool {
        if word.count <= 5, word.allSatisfy({ $0.isUppercase || $0.isNumber }) { return true }
        return keptCapitalised.contains(word.lowercased())
    }

    static let keptCapitalised: Set<String> = [
        "person", "cpr", "danmark", "dansk", "danske", "facebook", "instagram", "snapchat", "tiktok", "messenger",
        "whatsapp", "discord", "youtube", "google", "mitid", "nemid", "internet", "corona", "covid", "gud", "allah",
        "jul", "julen", "påske", "påsken", "ramadan", "eid", "nytår", "nytårsaften", "sankthans", "sommerferien",
        "vinterferien", "efterårsferien", "påskeferien", "juleferien", "dag",
    ]

    /// Common Danish inflection endings: a capitalised word at the start of a sentence with one of
    /// these is almost always an ordinary word ("Dumpede", "Ulemper", "Samtalen").
    static func looksInflected(_ w: String) -> Bool {
        if w.hasSuffix("sen") || w.hasSuffix("son") { return false }
        for e in [
            "ede", "ende", "else", "elser", "ning", "ninger", "hed", "heder", "lig", "ligt", "lige", "tion", "ismen",
            "erne", "ene", "ere", "este", "ste", "isk", "iske", "bar", "ter", "rer", "ler", "der", "ger", "ker",
            "ner", "ser", "ver", "ret", "let", "net", "det", "tet", "st", "te", "ne",
        ] where w.hasSuffix(e) && w.count > e.count + 2 {
            return true
        }
        return false
    }

    static func isCommon(_ w: String) -> Bool { commonWords.contains(w) }

    /// Ordinary Danish words that start sentences in case notes, relation words and the roles of
    /// institutions: never taken for a name.
    static let commonWords: Set<String> = {
        let text = """
            af alle allerede alligevel alt altid anden andet andre at bag bagefter begge behov bedre bedst begyndte \
            bliver blev blive blot bor både da dag dage dagen dagene de dem den denne dens der deres derefter derfor \
            derhjemme dernæst desuden det dette dig din dine disse dit du efter efterfølgende eftermiddag egen eget \
            egne eller ellers en end endnu ene eneste enig enige ens er et ét flere fleste for fordi forleden \
            forældre forældrene fra fredag frem først første før får gang gange gav gik giver glad god godt går har \
            have havde hele hellere hen hende hendes her hjem hjemme hos hun hurtigt hvad hvem hver hverken hvilke \
            hvilken hvis hvor hvordan hvorfor hvornår i ifølge igen ikke ind inden ingen intet ja jeg jo kan kom \
            komme kommer kun kunne kort lang lidt lige lille man mand mandag mange med meget men mens mere mest \
            mig min mindre mine mit mod måske må måtte naturligvis ned nej nemlig nogen noget nogle nok nu ny nyt \
            når næste næsten og også om omkring op os over overfor på samme samt samtidig se ser set sidst sidste \
            siden sig sige siger sin sine sit skal skulle som stadig stor store så sådan søndag tidligere til \
            tilbage tirsdag torsdag tre trods tror under undervejs ud uden udover uge ugen uger var vare ved vi vil \
            ville vist vore vores være været onsdag lørdag to fire fem seks syv otte ni ti tolv aftalt aftale \
            aftalen aftaler samtale samtalen samtaler møde mødet møder besøg besøget telefonisk opkald sms mail \
            brev brevet underretning underretningen underretninger undersøgelse undersøgelsen plan planen journal \
            notat notatet resumé emne emnet mål målet fordele ulemper højere lavere status fremmøde fravær \
            fraværet forbrug forbruget misbrug misbruget hash alkohol kokain piller skolen skole politiet politi \
            lægen læge psykiatrien sygehuset hospitalet kommunen klubben klub sagsbehandleren sagsbehandler \
            rådgiveren rådgiver lærer læreren lærerne klasselærer klasselæreren kontaktlærer kontaktlæreren \
            pædagog pædagogen pædagogerne træner træneren vejleder vejlederen mentor mentoren kontaktperson \
            kontaktpersonen psykolog psykologen sundhedsplejersken familien familie mor far moren faren \
            mormor morfar farmor farfar bedstemor bedstefar bedsteforældre bror søster storebror lillebror \
            storesøster lillesøster søskende onkel moster faster tante fætter kusine stedfar stedmor papfar \
            papmor plejefamilie plejefamilien plejemor plejefar kæreste kæresten ven venner veninde veninder \
            vennen vennerne kammerat kammerater nabo naboen naboer den unge unge barnet barn drengen pigen \
            forældremyndighedsindehaver forældremyndighedsindehaveren bisidder bisidderen underretter \
            underretteren fagperson privatperson anonym ukendt netværk netværket netværksmøde netværksmødet \
            livshjul livshjulet livslinje livslinjen forandringscirklen bekymringsbue bekymringsbuen \
            fodbold træning træningen holdet hold venner familie skole økonomi fritid arbejde job uddannelse \
            hun han ham hans hende hendes deres vores mit min hvis fordi selvom selv idet mens hvorefter \
            hermed herefter derudover endvidere således hermed ligeledes yderligere ifølge jf bemærk obs nb \
            ingen intet nogle flere fx ca kl nr tlf januar februar marts april maj juni juli august september \
            oktober november december dem hej tak vil kan skal bør må orange grøn rød gul ny nej ok okay \
            de fleste personen person sagen sag sted stedet byen by hjemmet hjem værelset lejligheden huset \
            frivillig frivillige ungdomsskolen efterskolen produktionsskolen folkeskolen gymnasiet uu ssp ppr \
            opholdssted opholdsstedet behandlingssted behandlingsstedet behandlingen behandling tilbud tilbuddet \
            indsats indsatsen afgørelse afgørelsen samtykke samtykket handleplan handleplanen \
            børnefaglig ung ungdom ungdommen ungdomsklubben klubpædagog klubpædagogen ssp-medarbejder \
            skolelærer skolelæreren lektor adjunkt rektor inspektør skoleleder skolelederen \
            desværre heldigvis tydeligvis åbenbart formentlig sandsynligvis muligvis især specielt generelt \
            ofte sjældent aldrig sommetider nogle gange sommer vinter forår efterår weekend weekenden \
            morgen morgenen aften aftenen nat natten formiddag eftermiddagen middag \
            hvordan hvorfor hvornår hvem hvad hvilken hvilke hvor jo nej ja tja \
            mødte ringede skrev sagde fortalte oplyste oplyser fortæller siger vurderer vurderede vurdering \
            ønsker ønskede vil gerne kunne skulle ville burde måtte turde \
            sammen alene igen først sidst senere tidligere straks snart nu da dengang \
            drøftet drøftede drøftelse aftaltes besluttet beslutning blev \
            ryger røg drikker drak tager tog sælger solgte køber købte \
            klasse klassen klasser klassetrin årgang elev eleven elever linje linjen afdeling afdelingen \
            værksted værkstedet lærling praktik praktikplads uddannelsen grundforløb hovedforløb ungdomsuddannelse \
            bopæl bopælen adresse adressen postnummer hjemmeadresse arbejdssted arbejdspladsen arbejdsplads \
            center centret centeret huset hus gruppe gruppen team teamet enhed enheden
            """
        return Set(text.split(whereSeparator: { $0.isWhitespace || $0 == "\\" }).map(String.init))
    }()
}
