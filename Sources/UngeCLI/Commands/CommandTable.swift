/// The ordered command table: it drives dispatch and is the index `unge --help` prints.
/// Add one line per command.
enum CommandTable {
    static let commands: [any UngeCommand.Type] = [
        // The case and its people.
        NyCommand.self,
        ListeCommand.self,
        VisCommand.self,
        NotatCommand.self,
        RedigerCommand.self,
        NetvaerkCommand.self,
        IdentificerCommand.self,
        // The casework, in the handbook's order.
        UnderretCommand.self,
        UndersoegCommand.self,
        PlanCommand.self,
        BehandlingsplanCommand.self,
        IndsatsCommand.self,
        VaerktoejCommand.self,
        CheckCommand.self,
        FristerCommand.self,
        LukCommand.self,
        GenaabnCommand.self,
        EksportCommand.self,
        StatistikCommand.self,
        IndberetCommand.self,
        // Dates, ages and the store.
        AlderCommand.self,
        HelligdageCommand.self,
        FristCommand.self,
        LogCommand.self,
        IndstillingerCommand.self,
        // The tool itself: help, manual, completion, demo cases.
        HelpCommand.self,
        ManCommand.self,
        CompletionCommand.self,
        DemoCommand.self,
    ]

    /// Developer-only commands: found by name, never listed in help or suggested.
    #if UNGE_TEST_HOOKS
        static let hidden: [any UngeCommand.Type] = [TaellerCommand.self]
    #else
        static let hidden: [any UngeCommand.Type] = []
    #endif

    static func find(_ name: String) -> (any UngeCommand.Type)? {
        (commands + hidden).first { $0.spec.name == name || $0.spec.aliases.contains(name) }
    }

    static var allNames: [String] { commands.flatMap { [$0.spec.name] + $0.spec.aliases } }
}
