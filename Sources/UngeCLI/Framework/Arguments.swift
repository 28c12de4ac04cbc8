import Foundation

/// What an option's value or a positional argument can be: drives shell completion and the manual.
enum ValueKind: Sendable, Equatable {
    /// Free text: nothing to complete.
    case text
    /// One of a fixed list of words (chapters, tool types, formats, statuses).
    case choices([String])
    /// A file name.
    case file
    /// A folder.
    case directory
    /// A case id from the store (completion lists ids only, never names or CPR numbers).
    case caseID
    /// The name of an `unge` command.
    case command
}

/// One option a command accepts: a flag (`--json`) or an option with a value (`--lager DIR`).
///
/// An option's name is declared once, here in the command's spec: `ParsedArguments` refuses (in debug
/// builds) to look up a name the spec does not declare, and a unit test checks every `--name` written in
/// the command sources against the declared options.
struct OptionSpec: Sendable {
    let name: String
    let short: String?
    /// The value's placeholder in help (`DIR`); nil for a flag without a value.
    let valueName: String?
    let help: String
    let repeatable: Bool
    /// The command cannot run without it: the parser refuses a command line without it, and the
    /// usage line shows it without brackets.
    let required: Bool
    /// What the value can be (inferred from `valueName` unless given: `a|b` lists choices,
    /// `MAPPE` is a folder, `FIL…` a file).
    let values: ValueKind

    init(
        _ name: String, short: String? = nil, value: String? = nil, help: String, repeatable: Bool = false,
        required: Bool = false, values: ValueKind? = nil
    ) {
        self.name = name
        self.short = short
        self.valueName = value
        self.help = help
        self.repeatable = repeatable
        self.required = required
        self.values = values ?? OptionSpec.inferredValues(value)
    }

    var takesValue: Bool { valueName != nil }

    private static func inferredValues(_ valueName: String?) -> ValueKind {
        guard let v = valueName else { return .text }
        if v.contains("|") { return .choices(v.split(separator: "|").map(String.init)) }
        if v == "MAPPE" { return .directory }
        if v.hasPrefix("FIL") { return .file }
        return .text
    }

    /// `--name VALUE` or `--name`, as usage lines and the manual show it.
    var synopsis: String { name + (valueName.map { " \($0)" } ?? "") }
}

/// One positional argument: its placeholder in usage lines (`sag`) and what it can be.
struct ArgumentSpec: Sendable, ExpressibleByStringLiteral {
    let name: String
    let values: ValueKind

    init(_ name: String, values: ValueKind = .text) {
        self.name = name
        self.values = values
    }

    init(stringLiteral name: String) { self.init(name) }

    /// A case id (`<sag>`), completed from the store.
    static let caseID = ArgumentSpec("sag", values: .caseID)
}

/// The options that mean the same in every command (CLI.md).
extension OptionSpec {
    static let help = OptionSpec("--help", short: "-h", help: "Vis denne hjælp med eksempler.")
    static let store = OptionSpec(
        "--lager", value: "MAPPE", help: "Lagermappen (ellers $UNGE_LAGER, ellers ~/.local/share/unge).")
    static let user = OptionSpec(
        "--bruger", value: "NAVN", help: "Hvem der handler, til revisionssporet (ellers $UNGE_BRUGER, ellers $USER).")
    static let json = OptionSpec("--json", help: "Maskinlæsbart output (JSON med formatVersion).")
    static let date = OptionSpec("--dato", value: "ÅÅÅÅ-MM-DD", help: "Datoen reglerne gælder for (standard: i dag).")
    static let showCPR = OptionSpec("--vis-cpr", help: "Vis fulde CPR-numre (skrives i revisionssporet).")
    static let interactive = OptionSpec(
        "--interaktiv", help: "Stil spørgsmålene, også når input ikke kommer fra en terminal.")
    static let caseID = OptionSpec("--sag", value: "ID", help: "Sagen, kommandoen arbejder på.", values: .caseID)
    static let format = OptionSpec("--format", value: "md|html|json", help: "Dokumentets format (standard: md).")
    static let output = OptionSpec("--ud", value: "FIL", help: "Skriv dokumentet til en fil i stedet for skærmen.")
    /// Every command with `--ud` accepts it (added by `CommandSpec`): replace an existing output file.
    static let overwrite = OptionSpec("--overskriv", help: "Erstat en eksisterende fil ved --ud.")
    static let fromFile = OptionSpec("--fra-fil", value: "FIL.json", help: "Tag alle svar fra en JSON-fil.")
    static let draft = OptionSpec(
        "--kladde", help: "Lav en kladde, selv om regler ikke er opfyldt (med MANGLER-markeringer).")

    /// Options every command accepts.
    static let common: [OptionSpec] = [.store, .user, .help]
}

/// The description of one command: the help text and what the parser accepts. The usage line, the
/// manual page and the shell completions are all derived from it.
struct CommandSpec: Sendable {
    let name: String
    var aliases: [String] = []
    /// One line for the command list.
    let summary: String
    /// The positional arguments' placeholders, in order (`[.caseID]`); those past `positionals.lowerBound`
    /// are optional.
    var arguments: [ArgumentSpec] = []
    /// A longer explanation (Danish), optional.
    var discussion: String? = nil
    var options: [OptionSpec] = []
    /// Pairs of (command line, what it does).
    var examples: [(String, String)] = []
    /// How many positional arguments are allowed.
    var positionals: ClosedRange<Int> = 0...0
    /// Names of the positional arguments, for "mangler" messages.
    var positionalNames: [String] = []
    /// The message for more positional arguments than allowed, when the command knows a better one
    /// than "Uventet argument" (`notat`: put the note in quotes). Gets the positionals given.
    var tooManyArguments: (@Sendable ([String]) -> String)? = nil

    init(
        name: String, aliases: [String] = [], summary: String, arguments: [ArgumentSpec] = [],
        discussion: String? = nil, options: [OptionSpec] = [], examples: [(String, String)] = [],
        positionals: ClosedRange<Int> = 0...0, positionalNames: [String] = []
    ) {
        self.name = name
        self.aliases = aliases
        self.summary = summary
        self.arguments = arguments
        self.discussion = discussion
        // Every --ud may replace an existing file only when asked to (OutputFiles).
        if options.contains(where: { $0.name == OptionSpec.output.name })
            && !options.contains(where: { $0.name == OptionSpec.overwrite.name })
        {
            self.options = options + [.overwrite]
        } else {
            self.options = options
        }
        self.examples = examples
        self.positionals = positionals
        self.positionalNames = positionalNames
    }

    /// The spec with a better message for too many positional arguments.
    func withTooManyArguments(_ message: @escaping @Sendable ([String]) -> String) -> CommandSpec {
        var copy = self
        copy.tooManyArguments = message
        return copy
    }

    /// Transitional: a hand-written usage line is no longer shown; only its positional placeholders
    /// are kept (the words after the command name up to the first option).
    @available(*, deprecated, message: "Usage lines are derived from the option table: replace usage: with arguments:")
    init(
        name: String, aliases: [String] = [], summary: String, usage: [String], discussion: String? = nil,
        options: [OptionSpec] = [], examples: [(String, String)] = [], positionals: ClosedRange<Int> = 0...0,
        positionalNames: [String] = []
    ) {
        let words = (usage.first ?? "").split(separator: " ").dropFirst().prefix {
            !$0.hasPrefix("-") && !$0.hasPrefix("[-") && !$0.hasPrefix("(")
        }
        let arguments = words.map { w in
            let bare = w.trimmingCharacters(in: CharacterSet(charactersIn: "<>[]\""))
            return bare == "sag" ? ArgumentSpec.caseID : ArgumentSpec(bare)
        }
        self.init(
            name: name, aliases: aliases, summary: summary, arguments: arguments, discussion: discussion,
            options: options,
            examples: examples, positionals: positionals, positionalNames: positionalNames)
    }

    var allOptions: [OptionSpec] { options + OptionSpec.common.filter { c in !options.contains { $0.name == c.name } } }

    /// The usage line, derived from the arguments and the option table (without `--help`):
    /// `unge vis <sag> [--json] [--vis-cpr] [--lager MAPPE] [--bruger NAVN]`.
    var usageWords: [String] {
        var words = ["unge", name]
        for (i, a) in arguments.enumerated() {
            words.append(i < positionals.lowerBound ? "<\(a.name)>" : "[\(a.name)]")
        }
        for o in allOptions where o.name != OptionSpec.help.name {
            words.append(o.required ? o.synopsis : "[\(o.synopsis)]")
        }
        return words
    }

    /// The usage line wrapped to `width` columns; continuation lines are indented.
    func usage(width: Int = 100, indent: String = "  ") -> String {
        var lines: [String] = []
        var line = indent
        for w in usageWords {
            if line.count > indent.count, line.count + 1 + w.count > width {
                lines.append(line)
                line = indent + "    "
            } else if line.count > indent.count {
                line += " "
            }
            line += w
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}

/// Usage errors: wrong or missing arguments (exit 2). Each has a Danish message that says how to do it right.
enum UsageError: Error, Equatable, CustomStringConvertible {
    case unknownCommand(String, suggestion: String?)
    case unknownOption(String, command: String, suggestion: String?)
    case missingValue(String, command: String)
    case unexpectedArgument(String, command: String)
    case missingArgument(String, command: String)
    case invalidValue(option: String, value: String, expected: String)
    case conflict(String)
    case missingInput([String], command: String)
    case message(String)

    var description: String {
        switch self {
        case .unknownCommand(let c, let s):
            return "'\(c)' er ikke en kommando i unge." + (s.map { " Mente du '\($0)'?" } ?? "")
                + "\nSe alle kommandoer med 'unge --help'."
        case .unknownOption(let o, let cmd, let s):
            return "'\(o)' er ikke et valg til 'unge \(cmd)'." + (s.map { " Mente du '\($0)'?" } ?? "")
                + "\nSe valgene med 'unge \(cmd) --help'."
        case .missingValue(let o, let cmd):
            return "Valget \(o) skal have en værdi, fx '\(o) VÆRDI'. Se 'unge \(cmd) --help'."
        case .unexpectedArgument(let a, let cmd):
            return "Uventet argument '\(a)' til 'unge \(cmd)'. Se 'unge \(cmd) --help'."
        case .missingArgument(let a, let cmd):
            return "'unge \(cmd)' mangler \(a). Se 'unge \(cmd) --help'."
        case .invalidValue(let o, let v, let expected):
            return "Ugyldig værdi '\(v)' til \(o). \(expected)"
        case .conflict(let text):
            return text
        case .missingInput(let items, let cmd):
            return "Der mangler oplysninger til 'unge \(cmd)':\n" + items.map { "  - \($0)" }.joined(separator: "\n")
                + "\nAngiv dem som valg (se 'unge \(cmd) --help'), eller kør kommandoen i en terminal for at blive spurgt."
        case .message(let text):
            return text
        }
    }
}

/// The result of the first parsing phase: raw options and positionals, not yet interpreted.
struct ParsedArguments: Sendable {
    let command: String
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []
    /// The option names the command's spec declares; lookups of any other name are a bug.
    private let declared: Set<String>

    init(command: String, declared: Set<String>) {
        self.command = command
        self.declared = declared
    }

    func has(_ name: String) -> Bool { flags.contains(checked(name)) }
    func value(_ name: String) -> String? { values[checked(name)]?.last }
    func all(_ name: String) -> [String] { values[checked(name)] ?? [] }
    /// For the framework, which asks every command the same question: whether an option that only
    /// some commands declare was given (false where it is not declared).
    func hasIfDeclared(_ name: String) -> Bool { declared.contains(name) && flags.contains(name) }

    /// A misspelt or undeclared option name would silently read as "not given": in debug builds
    /// (every test run) it stops the program instead, naming the command and the option.
    private func checked(_ name: String) -> String {
        assert(
            declared.contains(name),
            "unge \(command): option '\(name)' is looked up but not declared in its CommandSpec")
        return name
    }
    func positional(_ i: Int) -> String? { i < positionals.count ? positionals[i] : nil }

    /// Parses `tokens` against `spec`: `--x v`, `--x=v`, `-h`; `--` ends options.
    static func parse(_ tokens: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        let options = spec.allOptions
        var result = ParsedArguments(command: spec.name, declared: Set(options.map(\.name)))
        var i = 0
        var onlyPositionals = false
        while i < tokens.count {
            let token = tokens[i]
            i += 1
            if onlyPositionals || !token.hasPrefix("-") || token == "-" || isNegativeNumber(token) {
                result.positionals.append(token)
                continue
            }
            if token == "--" {
                onlyPositionals = true
                continue
            }
            var name = token
            var inlineValue: String? = nil
            if token.hasPrefix("--"), let eq = token.firstIndex(of: "=") {
                name = String(token[..<eq])
                inlineValue = String(token[token.index(after: eq)...])
            }
            guard let option = options.first(where: { $0.name == name || $0.short == name }) else {
                let suggestion = Suggest.closest(to: name, in: options.map(\.name))
                throw .unknownOption(name, command: spec.name, suggestion: suggestion)
            }
            if option.takesValue {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else if i < tokens.count, !(tokens[i].hasPrefix("--") && tokens[i].count > 2) {
                    value = tokens[i]
                    i += 1
                } else {
                    throw .missingValue(option.name, command: spec.name)
                }
                if !option.repeatable, result.values[option.name] != nil {
                    throw .conflict("Valget \(option.name) er givet mere end én gang. Angiv det kun én gang.")
                }
                result.values[option.name, default: []].append(value)
            } else {
                if inlineValue != nil {
                    throw .invalidValue(
                        option: option.name, value: inlineValue!, expected: "\(option.name) tager ingen værdi.")
                }
                result.flags.insert(option.name)
            }
        }
        if result.has("--help") { return result }
        if let missing = options.first(where: {
            $0.required && result.values[$0.name] == nil && !result.flags.contains($0.name)
        }) {
            throw .missingArgument(missing.synopsis, command: spec.name)
        }
        if result.positionals.count > spec.positionals.upperBound {
            if let message = spec.tooManyArguments { throw .message(message(result.positionals)) }
            throw .unexpectedArgument(result.positionals[spec.positionals.upperBound], command: spec.name)
        }
        if result.positionals.count < spec.positionals.lowerBound {
            let missingIndex = result.positionals.count
            let name = missingIndex < spec.positionalNames.count ? spec.positionalNames[missingIndex] : "et argument"
            throw .missingArgument(name, command: spec.name)
        }
        return result
    }

    private static func isNegativeNumber(_ s: String) -> Bool {
        s.count > 1 && s.first == "-" && s.dropFirst().allSatisfy(\.isNumber)
    }
}

/// "Mente du ...?": the closest known word within a small edit distance.
enum Suggest {
    static func closest(to word: String, in candidates: [String]) -> String? {
        let w = word.lowercased()
        // A beginning of exactly one word is that word ("lis" is "liste", not "vis").
        if w.count >= 3 {
            let starts = candidates.filter { $0.lowercased().hasPrefix(w) }
            if starts.count == 1 { return starts[0] }
        }
        var best: (String, Int)? = nil
        for c in candidates {
            let d = distance(w, c.lowercased())
            let limit = c.count <= 3 ? 1 : 2
            if d <= limit, best == nil || d < best!.1 { best = (c, d) }
        }
        if best == nil, w.count >= 3 {
            best = candidates.first { $0.lowercased().hasPrefix(w) || w.hasPrefix($0.lowercased()) }.map { ($0, 0) }
        }
        return best?.0
    }

    /// Edit distance counting a swap of two neighbouring letters as one edit (optimal string
    /// alignment), over characters, so "lsite" is one edit from "liste" and ø counts as one letter.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a)
        let y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }
}
