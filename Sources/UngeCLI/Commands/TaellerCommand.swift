import Foundation
import UngeCore
import UngeStore

#if UNGE_TEST_HOOKS

    /// `unge _taeller <id>`: a developer-only command for the concurrency harness
    /// (`Harness/concurrency.py`). Not listed in help. Loads the case, adds one to `CaseFile.counter`,
    /// saves stating the revision it read, and prints `{"counter":M,"formatVersion":1,"revision":N}`.
    /// A case saved by someone else meanwhile is refused like any save: exit 3 with the Danish message.
    /// Compiled only into test builds (`UNGE_TEST_HOOKS`).
    struct TaellerCommand: UngeCommand {
        static let spec = CommandSpec(
            name: "_taeller",
            summary: "Kun til udviklere: læg én til sagens tæller (samtidighedstest)",
            arguments: [.caseID],
            positionals: 1...1, positionalNames: ["sagsnummeret"])

        let id: CaseID

        init(_ args: ParsedArguments) throws {
            id = try Values.caseID(args.positional(0)!)
        }

        struct Output: Encodable {
            let revision: Int
            let counter: Int
        }

        func run(_ ctx: Context) throws -> Int32 {
            let store = try ctx.store
            let saved = try ctx.updateCase(id, store: store) { file in file.counter += 1 }
            ctx.console.print(try JSONOutput.render(Output(revision: saved.revision, counter: saved.counter)))
            return ExitCode.ok
        }
    }
#endif
