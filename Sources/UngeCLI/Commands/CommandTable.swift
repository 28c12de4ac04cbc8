/// The ordered command table: it drives dispatch and is the index `unge --help` prints.
/// Add one line per command, and its store use to `stores` (as git's `RUN_SETUP`): the framework
/// opens the store once, and the command reads it from `ctx.store`.
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
        FindCommand.self,
        OverdragCommand.self,
        SamlCommand.self,
        // The casework, in the handbook's order.
        UnderretCommand.self,
        UndersoegCommand.self,
        PlanCommand.self,
        BehandlingsplanCommand.self,
        IndsatsCommand.self,
        BrevCommand.self,
        VaerktoejCommand.self,
        CheckCommand.self,
        FristerCommand.self,
        LukCommand.self,
        GenaabnCommand.self,
        EksportCommand.self,
        IndsigtCommand.self,
        SletCommand.self,
        StatistikCommand.self,
        IndberetCommand.self,
        // Dates, ages and the store.
        AlderCommand.self,
        HelligdageCommand.self,
        FristCommand.self,
        LogCommand.self,
        IndstillingerCommand.self,
        StedfortraederCommand.self,
        LagerCommand.self,
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

    /// How each command uses the store; a command not named here needs an existing store (if it
    /// asks for one at all: the store is opened on first use).
    static let stores: [ObjectIdentifier: StoreUse] = {
        let use: [(any UngeCommand.Type, StoreUse)] = [
            (NyCommand.self, .creating),
            (ListeCommand.self, .existing),
            (VisCommand.self, .existing),
            (NotatCommand.self, .existing),
            (RedigerCommand.self, .existing),
            (NetvaerkCommand.self, .existing),
            (IdentificerCommand.self, .existing),
            (OverdragCommand.self, .existing),
            (SamlCommand.self, .existing),
            (UnderretCommand.self, .creating),
            (UndersoegCommand.self, .existing),
            (PlanCommand.self, .existing),
            (BehandlingsplanCommand.self, .existing),
            (IndsatsCommand.self, .existing),
            (VaerktoejCommand.self, .existing),
            (CheckCommand.self, .existing),
            (FristerCommand.self, .existing),
            (LukCommand.self, .existing),
            (GenaabnCommand.self, .existing),
            (EksportCommand.self, .existing),
            (IndsigtCommand.self, .existing),
            (SletCommand.self, .existing),
            (StatistikCommand.self, .existing),
            (IndberetCommand.self, .existing),
            (AlderCommand.self, .none),
            (HelligdageCommand.self, .ifPresent),
            (FristCommand.self, .ifPresent),
            (LogCommand.self, .existing),
            (IndstillingerCommand.self, .existing),
            (CompletionCommand.self, .ifPresent),
            (DemoCommand.self, .creating),
            (HelpCommand.self, .none),
            (ManCommand.self, .none),
        ]
        #if UNGE_TEST_HOOKS
            let hidden: [(any UngeCommand.Type, StoreUse)] = [(TaellerCommand.self, .existing)]
        #else
            let hidden: [(any UngeCommand.Type, StoreUse)] = []
        #endif
        return Dictionary((use + hidden).map { (ObjectIdentifier($0.0), $0.1) }, uniquingKeysWith: { a, _ in a })
    }()

    static func storeUse(of command: any UngeCommand.Type) -> StoreUse {
        stores[ObjectIdentifier(command)] ?? .existing
    }

    static func find(_ name: String) -> (any UngeCommand.Type)? {
        (commands + hidden).first { $0.spec.name == name || $0.spec.aliases.contains(name) }
    }

    static var allNames: [String] { commands.flatMap { [$0.spec.name] + $0.spec.aliases } }
}
