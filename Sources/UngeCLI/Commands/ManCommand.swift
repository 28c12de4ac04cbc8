import Foundation

/// `unge man`: the manual page `unge.1` in roff, generated from the command table.
struct ManCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "man",
        summary: "Skriv manualsiden unge(1) (roff)",
        discussion: """
            Manualsiden bygges af de samme beskrivelser som hjælpen, så de to altid siger det samme.
            'make install' lægger den i share/man/man1/unge.1, så 'man unge' virker.
            """,
        examples: [
            ("unge man | man -l -", "Læs manualsiden"),
            ("unge man > unge.1", "Gem den som fil"),
        ])

    init(_ args: ParsedArguments) throws {}

    func run(_ ctx: Context) throws -> Int32 {
        ctx.console.maskCPROnStdout = false  // the program's own text; examples use substitute numbers
        ctx.console.write(Manual.page())
        return ExitCode.ok
    }
}
