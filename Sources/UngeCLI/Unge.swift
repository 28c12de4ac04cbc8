import Foundation
import UngeCore
import UngeStore

/// The root of `unge`: reads the first word, finds the command in the table, parses, runs, and
/// turns every error into a Danish message and an exit status.
enum Unge {
    static let version = "0.1.0"

    /// Runs one command line and returns the exit status. Never calls `exit`.
    static func run(_ args: [String], environment: [String: String], console: Console) -> Int32 {
        defer { console.flush() }
        guard let first = args.first else {
            console.print(TextWrap.wrapLaidOut(Help.root(), width: console.width))
            return ExitCode.ok
        }
        switch first {
        case "--help", "-h":
            console.print(TextWrap.wrapLaidOut(Help.root(), width: console.width))
            return ExitCode.ok
        case "--version", "-V":
            console.print("unge \(version)")
            return ExitCode.ok
        default: break
        }
        guard let command = CommandTable.find(first) else {
            let suggestion = Suggest.closest(to: first, in: CommandTable.allNames)
            console.error("Fejl: " + UsageError.unknownCommand(first, suggestion: suggestion).description)
            return ExitCode.usage
        }
        do {
            let parsed = try ParsedArguments.parse(Array(args.dropFirst()), spec: command.spec)
            // CPR numbers on stdout are masked unless this command was asked to show them.
            console.maskCPROnStdout = !parsed.hasIfDeclared(OptionSpec.showCPR.name)
            if parsed.has("--help") {
                console.print(
                    TextWrap.wrapLaidOut(Help.command(command.spec, width: console.width), width: console.width))
                return ExitCode.ok
            }
            // An empty --lager would silently mean the default store.
            if let flag = parsed.value("--lager"), flag.isEmpty {
                throw UsageError.message(StoreLocation.Empty().description)
            }
            let instance = try command.init(parsed)
            let ctx = Context(
                console: console, environment: environment, now: try Context.resolveNow(environment: environment),
                storeFlag: parsed.value("--lager"),
                // A command that declares its own --bruger (log: a filter) does not set who acts.
                userFlag: command.spec.options.contains { $0.name == "--bruger" } ? nil : parsed.value("--bruger"),
                commandName: command.spec.name, storeUse: instance.storeUse(CommandTable.storeUse(of: command)))
            return try instance.run(ctx)
        } catch {
            return report(error, console: console)
        }
    }

    /// Prints an error in Danish and returns its exit status.
    static func report(_ error: Error, console: Console) -> Int32 {
        switch error {
        case let e as UsageError:
            console.error("Fejl: \(e.description)")
            return ExitCode.usage
        case let e as CLIError:
            if case .ruleFailed = e {
                if !e.description.isEmpty { console.error(e.description) }
            } else {
                console.error((e.exitCode == 2 ? "" : "Fejl: ") + e.description)
            }
            return e.exitCode
        case let e as StoreError:
            console.error("Fejl: \(e.description)")
            return e.exitCode
        case let e as CoreError:
            console.error("Fejl: \(e.description)")
            return ExitCode.usage
        default:
            console.error("Fejl: \(error)")
            return ExitCode.data
        }
    }
}

/// Help texts, built from the command table and the command specs.
enum Help {
    static func root() -> String {
        var s = """
            unge \(Unge.version) – sagsværktøj til arbejdet med unge med rusmiddelproblemer

            Brug: unge <kommando> [valg]

            Kommandoer:

            """
        let names = CommandTable.commands.map { c in
            c.spec.name + (c.spec.aliases.isEmpty ? "" : " (\(c.spec.aliases.joined(separator: ", ")))")
        }
        let width = (names.map(\.count).max() ?? 10) + 2
        for (c, name) in zip(CommandTable.commands, names) {
            s += "  " + name + String(repeating: " ", count: max(1, width - name.count)) + c.spec.summary + "\n"
        }
        s += "\nFælles valg:\n"
        let common = OptionSpec.common.map { (label($0), $0.help) } + [("--version", "Vis versionen.")]
        let labelWidth = (common.map(\.0.count).max() ?? 0) + 2
        for (l, h) in common { s += "  " + l + String(repeating: " ", count: labelWidth - l.count) + h + "\n" }
        s += """

            Datoer skrives 2026-04-13, 13-04-2026 eller 13.04.2026.
            Slutkoder: \(Manual.exitCodes.map { "\($0.code) \($0.short)" }.joined(separator: " · ")).

            Skriv 'unge help <kommando>' eller 'unge <kommando> --help' for at se valg og eksempler til en kommando.
            Hele vejledningen: 'unge man | man -l -'.
            """
        return s
    }

    /// `-h, --help` or `--lager MAPPE`, as the option lists show an option.
    static func label(_ o: OptionSpec) -> String { (o.short.map { "\($0), " } ?? "") + o.synopsis }

    /// The help of one command; the usage lines are laid out for `width` columns.
    static func command(_ spec: CommandSpec, width: Int = 100) -> String {
        var s = "unge \(spec.name) – \(spec.summary)\n\nBrug:\n" + spec.usage(width: width) + "\n"
        if !spec.aliases.isEmpty {
            s += "\nSamme kommando: " + spec.aliases.map { "unge \($0)" }.joined(separator: ", ") + "\n"
        }
        if let d = spec.discussion { s += "\n" + TextWrap.reflow(d) + "\n" }
        let opts = spec.allOptions
        if !opts.isEmpty {
            s += "\nValg:\n"
            let labels = opts.map(label)
            let width = (labels.map(\.count).max() ?? 0) + 2
            for (label, o) in zip(labels, opts) {
                s += "  " + label + String(repeating: " ", count: width - label.count) + o.help + "\n"
            }
        }
        if !spec.examples.isEmpty {
            s += "\nEksempler:\n"
            for (line, what) in spec.examples { s += "  # \(what)\n  \(line)\n" }
        }
        return s
    }
}
