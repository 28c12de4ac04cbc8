import Foundation

/// `unge help [kommando]`: the same text as `unge [kommando] --help`.
struct HelpCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "help",
        aliases: ["hjaelp", "hjælp"],
        summary: "Vis hjælpen til unge eller til en kommando",
        arguments: [ArgumentSpec("kommando", values: .command)],
        discussion:
            "Uden kommando vises listen over kommandoerne. 'unge help plan' viser det samme som 'unge plan --help'.",
        examples: [
            ("unge help", "Alle kommandoer"),
            ("unge help plan", "Valg og eksempler til 'unge plan'"),
        ],
        positionals: 0...1, positionalNames: ["kommandoen"])

    let command: (any UngeCommand.Type)?

    init(_ args: ParsedArguments) throws {
        if let name = args.positional(0) {
            guard let found = CommandTable.find(name) else {
                throw UsageError.unknownCommand(name, suggestion: Suggest.closest(to: name, in: CommandTable.allNames))
            }
            command = found
        } else {
            command = nil
        }
    }

    func run(_ ctx: Context) throws -> Int32 {
        // The program's own text: the examples' substitute CPR numbers stay copyable.
        ctx.console.maskCPROnStdout = false
        ctx.console.print(
            TextWrap.wrapLaidOut(
                command.map { Help.command($0.spec, width: ctx.console.proseWidth) } ?? Help.root(),
                width: ctx.console.proseWidth
            ))
        return ExitCode.ok
    }
}
