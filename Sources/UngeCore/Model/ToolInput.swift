import Foundation

/// What a user gives for one tool record, before validation: from flags, from a guided dialogue or
/// from a `--fra-fil` JSON file (format in `Fixtures/vaerktoej/README.md`). `validate` turns it into
/// a `ToolRecord` or into Danish messages naming the valid values; nothing is saved on an error.
public struct ToolInput: Codable, Sendable, Equatable {
    public var type: String?
    public var date: String?
    public var summary: String?
    // Livshjul
    public var areas: [Area]
    /// Areas the young person names beyond the suggested ones.
    public var ownAreas: [String]
    // Livslinje
    public var events: [Event]
    // Fordele/ulemper
    public var topic: String?
    public var changePros: [Item]
    public var changeCons: [Item]
    public var statusQuoPros: [Item]
    public var statusQuoCons: [Item]
    // Forandringscirklen
    public var stage: String?
    public var relapse: Bool?
    public var note: String?
    // Bekymringsbue
    public var level: String?
    public var raiseIf: String?
    public var lowerIf: String?
    // SSD-møde: who consented to the exchange of information
    public var consentGivenBy: String?

    /// One life-wheel area as given.
    public struct Area: Codable, Sendable, Equatable {
        public var name: String
        public var now: Int?
        public var wished: Int?
        public var words: String?
        public init(name: String, now: Int? = nil, wished: Int? = nil, words: String? = nil) {
            self.name = name
            self.now = now
            self.wished = wished
            self.words = words
        }
    }

    /// One lifeline event as given: `kind` is op/ned (or høj/lav).
    public struct Event: Codable, Sendable, Equatable {
        public var date: String
        public var kind: String
        public var text: String
        public init(date: String, kind: String, text: String) {
            self.date = date
            self.kind = kind
            self.text = text
        }
    }

    /// One pros/cons point as given.
    public struct Item: Codable, Sendable, Equatable {
        public var text: String
        public var importance: Int?
        public var likelihood: Int?
        public init(text: String, importance: Int? = nil, likelihood: Int? = nil) {
            self.text = text
            self.importance = importance
            self.likelihood = likelihood
        }
    }

    public init() {
        areas = []
        ownAreas = []
        events = []
        changePros = []
        changeCons = []
        statusQuoPros = []
        statusQuoCons = []
    }

    enum CodingKeys: String, CodingKey {
        case type, date, summary, areas, ownAreas, events, topic, changePros, changeCons, statusQuoPros, statusQuoCons
        case stage, relapse, note, level, raiseIf, lowerIf, consentGivenBy
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decodeIfPresent(String.self, forKey: .type)
        date = try c.decodeIfPresent(String.self, forKey: .date)
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
        areas = try c.decodeIfPresent([Area].self, forKey: .areas) ?? []
        ownAreas = try c.decodeIfPresent([String].self, forKey: .ownAreas) ?? []
        events = try c.decodeIfPresent([Event].self, forKey: .events) ?? []
        topic = try c.decodeIfPresent(String.self, forKey: .topic)
        changePros = try c.decodeIfPresent([Item].self, forKey: .changePros) ?? []
        changeCons = try c.decodeIfPresent([Item].self, forKey: .changeCons) ?? []
        statusQuoPros = try c.decodeIfPresent([Item].self, forKey: .statusQuoPros) ?? []
        statusQuoCons = try c.decodeIfPresent([Item].self, forKey: .statusQuoCons) ?? []
        stage = try c.decodeIfPresent(String.self, forKey: .stage)
        relapse = try c.decodeIfPresent(Bool.self, forKey: .relapse)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        level = try c.decodeIfPresent(String.self, forKey: .level)
        raiseIf = try c.decodeIfPresent(String.self, forKey: .raiseIf)
        lowerIf = try c.decodeIfPresent(String.self, forKey: .lowerIf)
        consentGivenBy = try c.decodeIfPresent(String.self, forKey: .consentGivenBy)
    }

    /// The pros/cons items of one cell.
    public func items(_ cell: ProsConsCell) -> [Item] {
        switch cell {
        case .changePros: return changePros
        case .changeCons: return changeCons
        case .statusQuoPros: return statusQuoPros
        case .statusQuoCons: return statusQuoCons
        }
    }

    public mutating func append(_ item: Item, to cell: ProsConsCell) {
        switch cell {
        case .changePros: changePros.append(item)
        case .changeCons: changeCons.append(item)
        case .statusQuoPros: statusQuoPros.append(item)
        case .statusQuoCons: statusQuoCons.append(item)
        }
    }

    /// True when nothing of any tool's content is given.
    public var hasContent: Bool {
        !areas.isEmpty || !events.isEmpty || ProsConsCell.allCases.contains { !items($0).isEmpty } || topic != nil
            || stage != nil || relapse == true || level != nil || raiseIf != nil || lowerIf != nil
    }
}

/// Validation of `ToolInput` (pure): the rules of each tool's content.
public enum ToolValidation {
    /// The valid score range on every 1-10 scale.
    public static let scale = 1...10

    /// The areas a life wheel may use on this case: the suggested ones, the young person's own ones
    /// given now, and those of the case's earlier life wheels.
    public static func knownAreas(own: [String], earlier: [ToolRecord]) -> [String] {
        var names: [String] = LifeWheel.suggestedAreas
        for r in earlier { for a in r.lifeWheel?.areas ?? [] { names.append(a.name) } }
        names += own.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var seen = Set<String>()
        return names.filter { seen.insert($0.lowercased()).inserted }
    }

    /// Validates `input` for `tool` on `today`. `earlier` are the case's existing records.
    /// Returns the record, or every problem found as a Danish sentence.
    public static func validate(
        _ input: ToolInput, tool: DialogueTool, date: LocalDate, today: LocalDate, author: String?,
        earlier: [ToolRecord]
    ) -> Result<ToolRecord, ToolInputErrors> {
        var problems: [String] = []
        if date > today {
            problems.append(
                "Datoen \(date.danishShort) ligger i fremtiden. Et redskab kan kun registreres som brugt i dag eller tidligere."
            )
        }
        let summary = input.summary.flatMap(clean)
        var record = ToolRecord(tool: tool.rawValue, date: date, author: author, summary: summary)
        if let consent = input.consentGivenBy.flatMap(clean) {
            if tool == .ssdMeeting {
                record.consentGivenBy = consent
            } else {
                problems.append(
                    "Samtykke (--samtykke) registreres på et SSD-møde (--type ssd-moede), ikke på \(tool.danish).")
            }
        }
        let given = contentKinds(of: input)
        let allowed = allowedKind(tool)
        for kind in given where kind != allowed {
            problems.append(
                "\(kind.options) hører til \(kind.tool.danish), ikke til \(tool.danish). Brug --type \(kind.tool.keyword), eller lad dem være."
            )
        }
        switch tool {
        case .lifeWheel:
            record.lifeWheel = lifeWheel(input, earlier: earlier, problems: &problems)
        case .lifeline:
            record.lifeline = lifeline(input, today: today, problems: &problems)
        case .prosCons:
            record.prosCons = prosCons(input, problems: &problems)
        case .stagesOfChange:
            record.stage = stage(input, problems: &problems)
        case .concernArc:
            record.concernArc = concernArc(input, problems: &problems)
        default:
            break
        }
        if problems.isEmpty, !record.hasContent, summary == nil, allowed != nil {
            problems.append(emptyMessage(tool))
        }
        return problems.isEmpty ? .success(record) : .failure(ToolInputErrors(messages: problems))
    }

    /// The first stored value outside its scale (a hand-edited case, `unge rediger`), or nil.
    public static func storedProblem(in records: [ToolRecord]) -> String? {
        for r in records {
            var scores: [Int] = []
            for a in r.lifeWheel?.areas ?? [] {
                scores.append(a.now)
                if let w = a.wished { scores.append(w) }
            }
            for cell in ProsConsCell.allCases {
                for item in r.prosCons?.items(cell) ?? [] {
                    scores.append(item.importance)
                    if let l = item.likelihood { scores.append(l) }
                }
            }
            if let bad = scores.first(where: { !scale.contains($0) }) {
                return
                    "\(DialogueTool.danishName(ofID: r.tool)) fra \(r.date.danishShort) har et point på \(bad); point skal være fra 1 til 10."
            }
            if r.stage?.stage == .relapse {
                return
                    "forandringscirklen fra \(r.date.danishShort) har 'relapse' som fase; brug en af de seks faser og \"relapse\": true."
            }
        }
        return nil
    }

    /// The message for a tool registered with nothing in it.
    public static func emptyMessage(_ tool: DialogueTool) -> String {
        let how: String
        switch tool {
        case .lifeWheel: how = "Giv mindst ét område med point, fx --score venner=4/8."
        case .lifeline:
            how = "Giv mindst én hændelse, fx --hoejdepunkt \"2025-06-01: Fik læreplads\" eller --lavpunkt \"...\"."
        case .prosCons: how = "Giv mindst én fordel eller ulempe, fx --fordel-forandring \"Slippe for udgiften=8\"."
        case .stagesOfChange:
            how = "Giv fasen med --fase \(StageOfChange.sixStages.map(\.keyword).joined(separator: "|"))."
        case .concernArc: how = "Giv niveauet med --niveau groen|orange|roed."
        default: how = "Skriv kort, hvad der kom ud af det, med --resume TEKST."
        }
        return "Der er intet indhold i \(tool.danish), så der er intet at gemme. \(how)"
    }

    /// The kinds of content a tool holds.
    enum ContentKind: CaseIterable {
        case wheel, line, prosCons, stage, arc
        var tool: DialogueTool {
            switch self {
            case .wheel: return .lifeWheel
            case .line: return .lifeline
            case .prosCons: return .prosCons
            case .stage: return .stagesOfChange
            case .arc: return .concernArc
            }
        }
        var options: String {
            switch self {
            case .wheel: return "Områder og point (--score, --ord, --eget-omraade)"
            case .line: return "Hændelser (--hoejdepunkt, --lavpunkt)"
            case .prosCons: return "Fordele og ulemper (--emne, --fordel-..., --ulempe-...)"
            case .stage: return "Fasen (--fase, --tilbagefald)"
            case .arc: return "Bekymringsbuen (--niveau, --hoejere-hvis, --lavere-hvis)"
            }
        }
    }

    static func allowedKind(_ tool: DialogueTool) -> ContentKind? { ContentKind.allCases.first { $0.tool == tool } }

    static func contentKinds(of input: ToolInput) -> [ContentKind] {
        var kinds: [ContentKind] = []
        if !input.areas.isEmpty || !input.ownAreas.isEmpty { kinds.append(.wheel) }
        if !input.events.isEmpty { kinds.append(.line) }
        if input.topic != nil || ProsConsCell.allCases.contains(where: { !input.items($0).isEmpty }) {
            kinds.append(.prosCons)
        }
        if input.stage != nil || input.relapse == true { kinds.append(.stage) }
        if input.level != nil || input.raiseIf != nil || input.lowerIf != nil { kinds.append(.arc) }
        return kinds
    }

    static func clean(_ s: String) -> String? {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    /// "Giv et tal fra 1 til 10" for a value outside the scale.
    static func checkScore(_ value: Int?, what: String, problems: inout [String]) -> Int? {
        guard let value else { return nil }
        guard scale.contains(value) else {
            problems.append("\(what) er \(value), men skal være et helt tal fra 1 til 10.")
            return nil
        }
        return value
    }

    static func lifeWheel(_ input: ToolInput, earlier: [ToolRecord], problems: inout [String]) -> LifeWheel? {
        guard !input.areas.isEmpty else { return nil }
        let known = knownAreas(own: input.ownAreas, earlier: earlier)
        var areas: [LifeArea] = []
        for a in input.areas {
            guard let name = clean(a.name) else {
                problems.append("Et område mangler sit navn. Skriv fx --score venner=4.")
                continue
            }
            guard
                let canonical = known.first(where: { $0.lowercased() == name.lowercased() || ascii($0) == ascii(name) })
            else {
                problems.append(
                    "Området '\(name)' kendes ikke. Brug et af: \(known.joined(separator: ", ")), eller tilføj det som den unges eget område med --eget-omraade \"\(name)\"."
                )
                continue
            }
            if areas.contains(where: { $0.name == canonical }) {
                problems.append("Området '\(canonical)' er givet to gange. Giv hvert område én gang.")
                continue
            }
            guard let nowValue = a.now else {
                problems.append(
                    "Området '\(canonical)' mangler point for, hvordan det er nu (1-10), fx --score \(canonical)=4.")
                continue
            }
            let now = checkScore(nowValue, what: "Point for '\(canonical)' nu", problems: &problems)
            let wished = checkScore(a.wished, what: "Ønsket point for '\(canonical)'", problems: &problems)
            if let now, a.wished == nil || wished != nil {
                areas.append(LifeArea(name: canonical, now: now, wished: wished, words: a.words.flatMap(clean)))
            }
        }
        return areas.isEmpty ? nil : LifeWheel(areas: areas)
    }

    static func lifeline(_ input: ToolInput, today: LocalDate, problems: inout [String]) -> Lifeline? {
        var events: [LifeEvent] = []
        for e in input.events {
            guard let date = LocalDate.parse(e.date.trimmingCharacters(in: .whitespaces)) else {
                problems.append("Hændelsesdatoen '\(e.date)' kan ikke læses. Skriv den som ÅÅÅÅ-MM-DD, fx 2025-06-01.")
                continue
            }
            guard date <= today else {
                problems.append(
                    "Hændelsen '\(e.text)' er dateret \(date.danishShort), som ligger i fremtiden. En livslinje rummer kun det, der er sket."
                )
                continue
            }
            guard let kind = LifeEventKind.parse(e.kind) else {
                problems.append(
                    "Hændelsens retning '\(e.kind)' kendes ikke. Vælg op (højdepunkt) eller ned (lavpunkt).")
                continue
            }
            guard let text = clean(e.text) else {
                problems.append("Hændelsen \(date.danishShort) mangler en kort tekst om, hvad der skete.")
                continue
            }
            events.append(LifeEvent(date: date, kind: kind, text: text))
        }
        guard !events.isEmpty else { return nil }
        // Stable order: by date, then in the order given.
        let sorted = events.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(
            \.element)
        return Lifeline(events: sorted)
    }

    static func prosCons(_ input: ToolInput, problems: inout [String]) -> ProsConsTable? {
        var table = ProsConsTable(topic: input.topic.flatMap(clean))
        for cell in ProsConsCell.allCases {
            for item in input.items(cell) {
                guard let text = clean(item.text) else {
                    problems.append("Et punkt under \(cell.danish) mangler tekst.")
                    continue
                }
                guard let weight = item.importance else {
                    problems.append(
                        "Punktet '\(text)' under \(cell.danish) mangler sin vægt (1-10), fx \(cell.flag) \"\(text)=7\"."
                    )
                    continue
                }
                let importance = checkScore(weight, what: "Vægten af '\(text)'", problems: &problems)
                let likelihood = checkScore(item.likelihood, what: "Sandsynligheden for '\(text)'", problems: &problems)
                if let importance, item.likelihood == nil || likelihood != nil {
                    table.append(ProsConsItem(text: text, importance: importance, likelihood: likelihood), to: cell)
                }
            }
        }
        if table.isEmpty {
            if table.topic != nil, problems.isEmpty {
                problems.append(
                    "Skemaet har et emne, men ingen fordele eller ulemper. Giv mindst ét punkt, fx --fordel-forandring \"Slippe for udgiften=8\"."
                )
            }
            return nil
        }
        return table
    }

    static func stage(_ input: ToolInput, problems: inout [String]) -> StageOfChangeRecord? {
        guard let text = input.stage else {
            if input.relapse == true {
                problems.append(
                    "Et tilbagefald registreres sammen med den fase, den unge er i nu: --fase \(StageOfChange.sixStages.map(\.keyword).joined(separator: "|")) --tilbagefald."
                )
            }
            return nil
        }
        guard let stage = StageOfChange.parseStage(text) else {
            let extra =
                StageOfChange.parse(text) == .relapse || text.lowercased() == "tilbagefald"
                ? " Tilbagefald er ikke en fase: giv den fase, den unge er i nu, og skriv --tilbagefald." : ""
            problems.append(
                "Fasen '\(text)' kendes ikke. Vælg en af de seks faser: \(StageOfChange.sixStages.map(\.keyword).joined(separator: ", ")).\(extra)"
            )
            return nil
        }
        return StageOfChangeRecord(stage: stage, relapse: input.relapse ?? false, note: input.note.flatMap(clean))
    }

    static func concernArc(_ input: ToolInput, problems: inout [String]) -> ConcernArcPlacement? {
        guard let text = input.level else {
            if input.raiseIf != nil || input.lowerIf != nil {
                problems.append("Bekymringsbuen mangler niveauet: --niveau groen|orange|roed.")
            }
            return nil
        }
        guard let level = ConcernLevel.parse(text) else {
            problems.append("Niveauet '\(text)' kendes ikke. Vælg grøn (groen), orange eller rød (roed).")
            return nil
        }
        return ConcernArcPlacement(
            level: level, raiseIf: input.raiseIf.flatMap(clean), lowerIf: input.lowerIf.flatMap(clean))
    }

    /// Lower-cased with æøå spelled out, for matching typed area names.
    public static func ascii(_ s: String) -> String {
        s.lowercased().replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "ø", with: "oe")
            .replacingOccurrences(of: "å", with: "aa")
    }
}

/// Every problem found in a tool's input, as Danish sentences.
public struct ToolInputErrors: Error, Equatable, Sendable, CustomStringConvertible {
    public var messages: [String]
    public var description: String { messages.joined(separator: "\n") }
}

/// Parsers for the short flag forms (`--score venner=4/8`, `--hoejdepunkt "2025-06-01: tekst"`,
/// `--fordel-forandring "Slippe for udgiften=8/5"`).
public enum ToolFlagSyntax {
    /// `OMRÅDE=N` or `OMRÅDE=N/ØNSKET`; nil with a reason when the form is wrong.
    public static func score(_ text: String) -> Result<ToolInput.Area, ToolInputErrors> {
        guard let eq = text.lastIndex(of: "=") else {
            return .failure(
                ToolInputErrors(messages: [
                    "'\(text)' mangler point. Skriv --score OMRÅDE=N eller --score OMRÅDE=N/ØNSKET, fx --score venner=4/8."
                ]))
        }
        let name = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
        let value = String(text[text.index(after: eq)...])
        guard let (now, wished) = pair(value) else {
            return .failure(
                ToolInputErrors(messages: [
                    "Point '\(value)' for '\(name)' kan ikke læses. Skriv et helt tal fra 1 til 10, evt. med ønsket efter en skråstreg, fx \(name)=4/8."
                ]))
        }
        return .success(ToolInput.Area(name: name, now: now, wished: wished))
    }

    /// `OMRÅDE=TEKST` for the young person's own words about an area.
    public static func words(_ text: String) -> Result<(String, String), ToolInputErrors> {
        guard let eq = text.firstIndex(of: "=") else {
            return .failure(
                ToolInputErrors(messages: [
                    "'\(text)' skal skrives OMRÅDE=TEKST, fx --ord \"venner=Savner nogen at være sammen med\"."
                ]))
        }
        return .success(
            (
                String(text[..<eq]).trimmingCharacters(in: .whitespaces),
                String(text[text.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
            ))
    }

    /// `DATO: TEKST` or `DATO TEKST` for a lifeline event.
    public static func event(_ text: String, kind: LifeEventKind) -> ToolInput.Event {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let sep = t.firstIndex(where: { $0 == ":" || $0 == " " }) else {
            return ToolInput.Event(date: t, kind: kind.rawValue, text: "")
        }
        let rest = t[t.index(after: sep)...].drop { $0 == ":" || $0 == " " }
        return ToolInput.Event(date: String(t[..<sep]), kind: kind.rawValue, text: String(rest))
    }

    /// `TEKST=VÆGT` or `TEKST=VÆGT/SANDSYNLIGHED`.
    public static func item(_ text: String) -> Result<ToolInput.Item, ToolInputErrors> {
        guard let eq = text.lastIndex(of: "=") else {
            return .success(ToolInput.Item(text: text))
        }
        let body = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
        let value = String(text[text.index(after: eq)...])
        guard let (importance, likelihood) = pair(value) else {
            return .failure(
                ToolInputErrors(messages: [
                    "Vægten '\(value)' for '\(body)' kan ikke læses. Skriv TEKST=VÆGT (1-10), evt. TEKST=VÆGT/SANDSYNLIGHED, fx \"Slippe for udgiften=8/5\"."
                ]))
        }
        return .success(ToolInput.Item(text: body, importance: importance, likelihood: likelihood))
    }

    /// "4" → (4, nil); "4/8" → (4, 8); anything else nil. Range is checked by validation.
    static func pair(_ text: String) -> (Int, Int?)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard parts.count == 1 || parts.count == 2, let first = Int(parts[0]), first.magnitude < 1_000_000 else {
            return nil
        }
        if parts.count == 1 { return (first, nil) }
        guard let second = Int(parts[1]), second.magnitude < 1_000_000 else { return nil }
        return (first, second)
    }
}
