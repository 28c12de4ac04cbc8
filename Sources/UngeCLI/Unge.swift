import Foundation
import UngeCore
import UngeStore

/// The root of `unge`: reads the first word, finds the command in the table, parses, runs, and
/// turns every error into a Danish message and an exit status.
enum Unge {
    static let version = "0.1.0"

    /// Runs one command line and returns the exit status. Never calls `exit`.
    static func run(_ arguments: [String], environment: [String: String], console: Console) -> Int32 {
        defer { console.flush() }
        // Global options may come before the command (`unge --lager DIR liste`): they are moved
        // after it, where every command accepts them.
        var args = arguments
        var leading: [String] = []
        while let f = args.first, f.hasPrefix("--") {
            let name = f.split(separator: "=", maxSplits: 1).first.map(String.init) ?? f
            guard let option = OptionSpec.common.first(where: { $0.name == name }), option.takesValue else { break }
            if f.contains("=") {
                leading.append(f)
                args.removeFirst()
            } else if args.count >= 2 {
                leading += args[0...1]
                args.removeFirst(2)
            } else {
                console.error(
                    "Fejl: Valget \(name) skal have en værdi og en kommando efter sig, fx 'unge \(name) VÆRDI liste'.")
                return ExitCode.usage
            }
        }
        guard let first = args.first else {
            console.print(TextWrap.wrapLaidOut(Help.root(), width: console.proseWidth))
            return ExitCode.ok
        }
        switch first {
        case "--help", "-h":
            console.print(TextWrap.wrapLaidOut(Help.root(), width: console.proseWidth))
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
        var context: Context? = nil
        do {
            let parsed = try ParsedArguments.parse(leading + Array(args.dropFirst()), spec: command.spec)
            try InputSafety.check(parsed, environment: environment)
            // CPR numbers on stdout are masked unless this command was asked to show them.
            console.maskCPROnStdout = !parsed.hasIfDeclared(OptionSpec.showCPR.name)
            if parsed.has("--help") {
                // Help is the program's own text: its examples' substitute CPR numbers (day + 60,
                // never a real person's) stay copyable.
                console.maskCPROnStdout = false
                console.print(
                    TextWrap.wrapLaidOut(
                        Help.command(command.spec, width: console.proseWidth), width: console.proseWidth))
                return ExitCode.ok
            }
            // An empty --lager would silently mean the default store.
            if let flag = parsed.value("--lager"), flag.isEmpty {
                throw UsageError.message(StoreLocation.Empty().description)
            }
            let ctx = Context(
                console: console, environment: environment, now: try Context.resolveNow(environment: environment),
                storeFlag: parsed.value("--lager"),
                // A command that declares its own --bruger (log: a filter) does not set who acts.
                userFlag: command.spec.options.contains { $0.name == "--bruger" } ? nil : parsed.value("--bruger"),
                commandName: command.spec.name, storeUse: CommandTable.storeUse(of: command))
            context = ctx
            ctx.overwrite = parsed.hasIfDeclared(OptionSpec.overwrite.name)
            let instance = try command.init(parsed)
            ctx.storeUse = instance.storeUse(ctx.storeUse)
            return try instance.run(ctx)
        } catch {
            // A case number that does not exist: offer cases by name or near numbers, and on a
            // terminal run the command again on the one chosen.
            var typed: String? = nil
            if case StoreError.notFound(let id) = error { typed = id.rawValue }
            if case UsageError.invalidValue("sagsnummer", let value, _) = error, !value.contains(where: \.isNumber) {
                typed = value
            }
            // A name where a case number goes (`unge vis emma`) is no "case with the number emma": say what it is,
            // then offer the cases whose name matches.
            let status: Int32
            if let typed, case StoreError.notFound = error, !typed.contains(where: \.isNumber) {
                console.error(
                    "'\(typed)' er ikke et sagsnummer (et sagsnummer ser sådan ud: 2026-0001); unge søger i stedet på navnet."
                )
                status = (error as? StoreError)?.exitCode ?? ExitCode.usage
            } else {
                status = report(error, console: console)
            }
            if let typed, let ctx = context, let chosen = CaseLookup.offer(typed: typed, ctx: ctx),
                let at = args.firstIndex(of: typed)
            {
                var again = leading + args
                again[leading.count + at] = chosen.rawValue
                return run(again, environment: environment, console: console)
            }
            return status
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
