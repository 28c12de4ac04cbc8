import Foundation
import UngeCore
import UngeStore

#if canImport(Glibc)
    import Glibc
#endif

/// Why a dialogue stopped before its end.
enum DialogueStop: Error {
    /// End of input (Ctrl-D, or the input of a script ran out).
    case endOfInput
    /// A signal: Ctrl-C (SIGINT), a closed terminal (SIGHUP) or SIGTERM.
    case interrupted(Int32)

    var danish: String {
        switch self {
        case .endOfInput: return "Afbrudt (slut på input)"
        case .interrupted(let s) where s == SIGINT: return "Afbrudt med Ctrl-C"
        case .interrupted(let s) where s == SIGHUP: return "Forbindelsen til terminalen blev afbrudt"
        case .interrupted: return "Afbrudt"
        }
    }
}

/// The questions of one guided dialogue and every answer given, so the answers can be kept as a
/// draft, replayed on resume, and changed section by section.
///
/// Each question gets a stable key from its section, its wording and how many times the same
/// question came before in that section. Answers are kept as typed text. A section is either
/// *open* (asked, with earlier answers offered as defaults) or *replayed* (earlier answers are
/// taken without asking; a question with no earlier answer is asked). Validation happens as each
/// answer is given: a bad answer repeats the question with the reason.
final class DialogueSession {
    let console: Console
    /// True when typing on a terminal: long answers may take several lines or `$EDITOR`.
    let terminal: Bool

    /// Answers of this pass, in order.
    private(set) var answers: [(key: String, value: String)] = []
    private var answerIndex: [String: Int] = [:]
    /// Answers from a draft or an earlier pass, taken or offered as defaults.
    private var stored: [String: String] = [:]
    /// Sections asked in this pass; nil means all.
    private var openSections: Set<String>? = nil
    /// In a replayed section, a question with a default (an existing record's value) takes it.
    var acceptDefaults = false
    /// The sections chosen for editing an existing record: their missing answers are asked, never
    /// taken from the record, also when a draft of the edit is resumed.
    var chosenSections: Set<String> = []

    /// The key under which a draft keeps `chosenSections` (never a question's key: those hold "|").
    static let chosenSectionsKey = "#afsnit"

    /// The sections the dialogue declared up front, for "Afsnit 3 af 8".
    private var plannedSections: [String] = []
    /// Sections met in this pass, in order (for "change an answer").
    private(set) var sections: [String] = []
    private var current = ""
    private var counters: [String: Int] = [:]
    /// Lines said in a replayed section, shown only if a question there must be asked.
    private var held: [String] = []
    private var headerShown = true
    /// The key of the answer recorded last, and how some answers read in the summary ("1" → the label).
    private var lastKey = ""
    private var shown: [String: String] = [:]

    /// The process environment (`$VISUAL`, `$EDITOR`).
    var environment: [String: String] = [:]
    /// Makes the private working folder an answer is edited in (`:e`); the store's.
    var workFolder: (() throws -> WorkFolder)?

    init(console: Console, terminal: Bool) {
        self.console = console
        self.terminal = terminal
    }

    // MARK: Passes

    /// Starts a new pass over the dialogue: answers given so far become the stored answers.
    func beginPass(open: Set<String>?) {
        for (k, v) in answers { stored[k] = v }
        answers = []
        answerIndex = [:]
        openSections = open
        sections = []
        current = ""
        counters = [:]
        held = []
        headerShown = true
    }

    /// Answers from a draft: replayed without asking.
    func restore(_ draft: [(key: String, value: String)]) {
        for (k, v) in draft {
            if k == Self.chosenSectionsKey {
                chosenSections = Set(v.split(separator: "\n").map(String.init))
                acceptDefaults = !chosenSections.isEmpty
            } else {
                stored[k] = v
            }
        }
    }

    /// The answers of a draft in a few lines: one per answer, cut to the width of the terminal,
    /// under its section's name. Shown when a draft is resumed, instead of every earlier hint.
    func compactSummary(_ draft: [(key: String, value: String)]) {
        var last = ""
        for (k, v) in draft where k != Self.chosenSectionsKey && !v.isEmpty {
            let parts = k.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2 else { continue }
            if parts[0] != last {
                last = parts[0]
                console.error(console.bold(last))
            }
            let question = parts[1].replacingOccurrences(of: " (kan springes over)", with: "")
            let value = v == "j" ? "ja" : v == "n" ? "nej" : v.replacingOccurrences(of: "\n", with: " ")
            var line = "  \(question): \(value)"
            let room = max(20, console.guidanceWidth - 1)
            if line.count > room { line = String(line.prefix(room - 1)) + "…" }
            console.error(line)
        }
    }

    /// Everything typed so far, including stored answers this pass has not reached (nothing is
    /// lost when a dialogue is interrupted while an answer is being changed).
    var allAnswers: [(key: String, value: String)] {
        answers + stored.filter { answerIndex[$0.key] == nil }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// What a draft keeps: every answer, and the sections chosen for editing.
    var draftAnswers: [(key: String, value: String)] {
        allAnswers
            + (chosenSections.isEmpty
                ? [] : [(Self.chosenSectionsKey, chosenSections.sorted().joined(separator: "\n"))])
    }

    var answerCount: Int { allAnswers.count }

    // MARK: Sections and output

    func plan(sections: [String]) { plannedSections = sections }

    private var isOpen: Bool { openSections?.contains(current) ?? true }

    /// Starts a section: "== Afsnit 3 af 8: Samarbejde ==".
    func section(_ title: String) {
        current = title
        if !sections.contains(title) { sections.append(title) }
        let n = plannedSections.firstIndex(of: title).map { "Afsnit \($0 + 1) af \(plannedSections.count): " } ?? ""
        let line = console.bold("== \(n)\(title) ==")
        held = []
        if isOpen {
            console.error("")
            console.error(line)
            headerShown = true
        } else {
            held = ["", line]
            headerShown = false
        }
    }

    /// A hint or a menu: shown at once in an open section; in a replayed one only when a question
    /// there has to be asked.
    func say(_ text: String) {
        let text = TextWrap.wrapLaidOut(CPRMask.mask(text), width: console.guidanceWidth)
        if isOpen || headerShown { console.error(text) } else { held.append(text) }
    }

    /// A replayed question was answered from the draft: the hints said before it were about it, so
    /// they are not shown again when a later question in the section must be asked.
    private func dropHints() {
        if !headerShown { held = Array(held.prefix(2)) }
    }

    private func showHeld() {
        if !headerShown {
            for line in held { console.error(line) }
            held = []
            headerShown = true
        }
    }

    // MARK: Questions

    private func key(_ question: String) -> String {
        let base = current + "|" + question
        let n = counters[base, default: 0]
        counters[base] = n + 1
        return n == 0 ? base : base + "|\(n + 1)"
    }

    private func record(_ key: String, _ value: String) {
        lastKey = key
        if let i = answerIndex[key] {
            answers[i].value = value
        } else {
            answerIndex[key] = answers.count
            answers.append((key, value))
        }
    }

    /// Records an answer that was given on the command line or in a file instead of asked (`--type`,
    /// `--fra-fil`), so the summary shows it, a draft carries it and a resumed dialogue replays it.
    func given(_ question: String, _ value: String) { record(key(question), value) }

    /// Reads one line; a signal or end of input stops the dialogue.
    private func readLine() throws -> String {
        guard let line = console.readLine() else {
            if Interrupts.pending != 0 { throw DialogueStop.interrupted(Interrupts.pending) }
            throw DialogueStop.endOfInput
        }
        if Interrupts.pending != 0 { throw DialogueStop.interrupted(Interrupts.pending) }
        return line
    }

    /// Asks until `parse` accepts the answer. An empty answer takes the default (the earlier
    /// answer, else `defaultValue`); `-` empties an optional field that has a default.
    /// Returns nil for an optional question left empty.
    func ask<T>(
        _ question: String, help: String? = nil, required: Bool = true, defaultValue: String? = nil, long: Bool = false,
        parse: (String) -> Result<T, UsageError>
    ) throws -> T? {
        let k = key(question)
        let earlier = stored[k]
        if !isOpen {
            if let earlier {
                if earlier.isEmpty && !required {
                    record(k, "")
                    return nil
                }
                if !earlier.isEmpty, case .success(let v) = parse(earlier) {
                    record(k, earlier)
                    dropHints()
                    return v
                }
            } else if acceptDefaults && !chosenSections.contains(current) {
                if let d = defaultValue, !d.isEmpty, case .success(let v) = parse(d) {
                    record(k, d)
                    dropHints()
                    return v
                }
                if !required && (defaultValue ?? "").isEmpty {
                    record(k, "")
                    return nil
                }
            }
        }
        showHeld()
        if let help { console.error(console.dim(TextWrap.wrap(CPRMask.mask(help), width: console.guidanceWidth))) }
        let shownDefault: String? =
            earlier.map { $0.isEmpty ? nil : $0 } ?? defaultValue.flatMap { $0.isEmpty ? nil : $0 }
        while true {
            var text: String
            if long && terminal {
                text = try readLong(question, defaultValue: shownDefault)
            } else {
                let suffix = shownDefault.map { " [\($0.replacingOccurrences(of: "\n", with: " "))]" } ?? ""
                console.ask(console.bold(question) + suffix + ": ")
                text = try readLine().trimmingCharacters(in: .whitespaces)
            }
            if text.isEmpty, let d = shownDefault { text = d }
            if text == "-" && shownDefault != nil && !required { text = "" }
            if text.isEmpty {
                if required {
                    console.error("  Dette felt skal udfyldes.")
                    continue
                }
                record(k, "")
                return nil
            }
            switch parse(text) {
            case .success(let v):
                record(k, text)
                return v
            case .failure(let e):
                console.guide(e.description, indent: "  ")
            }
        }
    }

    /// A text answer. Nil when optional and left empty.
    func ask(
        _ question: String, help: String? = nil, required: Bool = false, defaultValue: String? = nil, long: Bool = false
    ) throws -> String? {
        try ask(question, help: help, required: required, defaultValue: defaultValue, long: long) { .success($0) }
    }

    /// Ja/nej. An empty answer takes the default.
    func yesNo(_ question: String, defaultValue: Bool? = nil) throws -> Bool {
        let hint = defaultValue == nil ? "(j/n)" : (defaultValue! ? "(J/n)" : "(j/N)")
        let d = defaultValue.map { $0 ? "j" : "n" }
        let k = key(question)
        if !isOpen {
            if let earlier = stored[k], let b = ConcernReportDraft.parseYesNo(earlier) {
                record(k, earlier)
                dropHints()
                return b
            }
            if stored[k] == nil && acceptDefaults && !chosenSections.contains(current), let defaultValue {
                record(k, d!)
                dropHints()
                return defaultValue
            }
        }
        showHeld()
        let earlier = stored[k].flatMap(ConcernReportDraft.parseYesNo)
        let shownHint = earlier.map { $0 ? "(J/n)" : "(j/N)" } ?? hint
        let fallback = earlier ?? defaultValue
        while true {
            console.ask(console.bold(question) + " \(shownHint): ")
            let line = try readLine().trimmingCharacters(in: .whitespaces)
            if line.isEmpty, let fallback {
                record(k, fallback ? "j" : "n")
                return fallback
            }
            if let b = ConcernReportDraft.parseYesNo(line) {
                record(k, b ? "j" : "n")
                return b
            }
            console.error("  Svar j (ja) eller n (nej).")
        }
    }

    /// A numbered choice; the menu is shown before the question.
    func choose<T>(
        _ question: String, from items: [T], label: (T) -> String, required: Bool = true, defaultValue: T? = nil
    ) throws -> T?
    where T: Equatable {
        for (i, item) in items.enumerated() { say("  \(i + 1). \(label(item))") }
        let d = defaultValue.flatMap { items.firstIndex(of: $0) }.map { String($0 + 1) }
        // A number, or the label itself in any case ("aflastning", or its unique beginning).
        let v = try ask(question, required: required, defaultValue: d) { text -> Result<T, UsageError> in
            if Int(text) != nil { return Answers.choice(text, from: items) }
            let t = text.lowercased()
            if let exact = items.first(where: { label($0).lowercased() == t }) { return .success(exact) }
            let starts = items.filter { label($0).lowercased().hasPrefix(t) }
            if starts.count == 1 { return .success(starts[0]) }
            return Answers.choice(text, from: items)
        }
        if let v { shown[lastKey] = label(v) }
        return v
    }

    /// A list, items separated by `;` (or by `,` when there is no `;`).
    func list(_ question: String, defaultValue: [String] = [], validate: ((String) -> String?)? = nil) throws
        -> [String]
    {
        // One item with a comma gets a trailing ";" so it is read back as one item.
        let d =
            defaultValue.isEmpty
            ? nil
            : defaultValue.joined(separator: "; ")
                + (defaultValue.count == 1 && defaultValue[0].contains(",") ? ";" : "")
        return try ask(question, required: false, defaultValue: d) { text -> Result<[String], UsageError> in
            let items = Answers.list(text)
            if let validate {
                for item in items { if let problem = validate(item) { return .failure(.message(problem)) } }
            }
            return .success(items)
        } ?? []
    }

    // MARK: Long answers

    /// Several lines, ending with an empty line; `:e` opens `$EDITOR` with the text so far.
    private func readLong(_ question: String, defaultValue: String?) throws -> String {
        console.error(console.bold(question) + ":")
        if let d = defaultValue {
            console.error(console.dim("  Nu: ") + d.replacingOccurrences(of: "\n", with: "\n       "))
        }
        console.error(
            console.dim(
                "  (flere linjer: slut med en tom linje"
                    + (defaultValue != nil ? "; tom linje straks beholder svaret" : "") + "; :e åbner din editor)"))
        var lines: [String] = []
        while true {
            console.prompt("> ")
            let line = try readLine()
            if line.trimmingCharacters(in: .whitespaces) == ":e" {
                return try editInEditor((lines.isEmpty ? defaultValue ?? "" : lines.joined(separator: "\n")))
            }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
            lines.append(line)
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Opens `$VISUAL`/`$EDITOR` (else `vi`) on a file in a private working folder of the store
    /// (`workFolder`; never a shared temp folder) and returns what was written. Without a working
    /// folder, or when the editor cannot start, the answer is kept as it was.
    private func editInEditor(_ text: String) throws -> String {
        guard let workFolder, let folder = try? workFolder() else { return text }
        defer { folder.remove() }
        let editor =
            environment["VISUAL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["EDITOR"].flatMap {
                $0.isEmpty ? nil : $0
            }
            ?? "vi"
        guard let file = try? folder.write(Data(text.utf8), named: "svar.txt") else { return text }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", editor + " \"$1\"", "sh", file.path]
        do { try p.run() } catch { return text }
        p.waitUntilExit()
        let result = (try? String(contentsOf: file, encoding: .utf8)) ?? text
        return result.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: Summary

    /// Every answer of this pass, in full, section by section.
    func summary() {
        console.error("")
        console.error(console.bold("== Resumé =="))
        var last = ""
        for (k, v) in answers where !v.isEmpty {
            let parts = k.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2 else { continue }
            if parts[0] != last {
                last = parts[0]
                console.error(console.bold(last))
            }
            let question = parts[1].replacingOccurrences(of: " (kan springes over)", with: "")
            let text = shown[k] ?? (v == "j" ? "ja" : v == "n" ? "nej" : v)
            console.error("  \(question): " + text.replacingOccurrences(of: "\n", with: "\n    "))
        }
    }
}
