import Foundation
import UngeCore

/// `unge completion bash|zsh|fish`: a shell completion script generated from the command table.
/// `unge completion sagsnumre` lists the store's case ids (ids only) for the scripts.
struct CompletionCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "completion",
        summary: "Skriv et script, så skallen fuldfører kommandoer, valg og sagsnumre",
        arguments: [ArgumentSpec("bash|zsh|fish", values: .choices(Shell.allCases.map(\.rawValue) + ["sagsnumre"]))],
        discussion: """
            Skallen fuldfører så kommandoer, valg, værdier (kapitler, redskaber, formater, status) og
            sagsnumre fra lageret, når du trykker Tab. Fuldførelsen viser kun sagsnumre – aldrig navne eller CPR-numre.
            Installér én gang (eller brug 'make install', der lægger scriptene det rigtige sted):
              bash:  unge completion bash > ~/.local/share/bash-completion/completions/unge
              zsh:   unge completion zsh > ~/.zfunc/_unge   (og i ~/.zshrc: fpath=(~/.zfunc $fpath); autoload -U compinit; compinit)
              fish:  unge completion fish > ~/.config/fish/completions/unge.fish
            'unge completion sagsnumre' skriver lagerets sagsnumre, ét pr. linje; scriptene bruger det.
            """,
        examples: [
            ("source <(unge completion bash)", "Prøv fuldførelsen i den bash, du sidder i"),
            ("unge completion zsh > ~/.zfunc/_unge", "Installér til zsh"),
            ("unge completion fish > ~/.config/fish/completions/unge.fish", "Installér til fish"),
        ],
        positionals: 1...1, positionalNames: ["skallen: bash, zsh eller fish"])

    let shell: Shell?

    init(_ args: ParsedArguments) throws {
        let text = args.positional(0)!
        if text == "sagsnumre" {
            shell = nil
        } else if let s = Shell(rawValue: text.lowercased()) {
            shell = s
        } else {
            throw UsageError.invalidValue(option: "skal", value: text, expected: "Vælg bash, zsh eller fish.")
        }
    }

    func run(_ ctx: Context) throws -> Int32 {
        guard let shell else {
            // Ids only, nothing decoded; a missing or unusable store completes nothing.
            let ids = (try? ctx.store).flatMap { $0.exists ? try? $0.caseIDs() : nil } ?? []
            for id in ids { ctx.console.print(id.rawValue) }
            return ExitCode.ok
        }
        ctx.console.write(Completion.script(for: shell))
        return ExitCode.ok
    }

}
