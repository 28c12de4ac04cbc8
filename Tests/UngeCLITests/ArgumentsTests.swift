import Testing
import UngeCore

@testable import UngeCLI

@Suite("Argumentparser")
struct ArgumentsTests {
    static let spec = CommandSpec(
        name: "test", summary: "x",
        options: [
            OptionSpec("--navn", value: "NAVN", help: ""), OptionSpec("--json", help: ""),
            OptionSpec("--tag", value: "T", help: "", repeatable: true),
        ],
        positionals: 0...2, positionalNames: ["a", "b"])

    @Test("valg med mellemrum og med lighedstegn")
    func values() throws {
        let a = try ParsedArguments.parse(["--navn", "Emma", "x"], spec: Self.spec)
        #expect(a.value("--navn") == "Emma")
        #expect(a.positionals == ["x"])
        let b = try ParsedArguments.parse(["--navn=Emma Friis", "--json"], spec: Self.spec)
        #expect(b.value("--navn") == "Emma Friis")
        #expect(b.has("--json"))
    }

    @Test("-- afslutter valgene")
    func doubleDash() throws {
        let a = try ParsedArguments.parse(["--", "--json", "-x"], spec: Self.spec)
        #expect(a.positionals == ["--json", "-x"])
        #expect(!a.has("--json"))
    }

    @Test("ukendt valg giver et forslag")
    func unknownOption() {
        #expect(throws: UsageError.unknownOption("--nav", command: "test", suggestion: "--navn")) {
            try ParsedArguments.parse(["--nav", "x"], spec: Self.spec)
        }
        #expect(throws: UsageError.unknownOption("--xyzzy", command: "test", suggestion: nil)) {
            try ParsedArguments.parse(["--xyzzy"], spec: Self.spec)
        }
    }

    @Test("manglende værdi, for mange argumenter, gentaget valg")
    func refusals() {
        #expect(throws: UsageError.missingValue("--navn", command: "test")) {
            try ParsedArguments.parse(["--navn"], spec: Self.spec)
        }
        #expect(throws: UsageError.missingValue("--navn", command: "test")) {
            try ParsedArguments.parse(["--navn", "--json"], spec: Self.spec)
        }
        #expect(throws: UsageError.unexpectedArgument("c", command: "test")) {
            try ParsedArguments.parse(["a", "b", "c"], spec: Self.spec)
        }
        #expect(throws: (any Error).self) {
            try ParsedArguments.parse(["--navn", "a", "--navn", "b"], spec: Self.spec)
        }
        #expect(throws: (any Error).self) { try ParsedArguments.parse(["--json=ja"], spec: Self.spec) }
    }

    @Test("gentagelige valg samles")
    func repeatable() throws {
        let a = try ParsedArguments.parse(["--tag", "x", "--tag=y"], spec: Self.spec)
        #expect(a.all("--tag") == ["x", "y"])
    }

    @Test("fælles valg gælder alle kommandoer")
    func common() throws {
        let a = try ParsedArguments.parse(["--lager", "/tmp/x", "--bruger", "lene", "-h"], spec: Self.spec)
        #expect(a.value("--lager") == "/tmp/x")
        #expect(a.has("--help"))
    }

    @Test(
        "forslag ved tastefejl (blandt kommandotabellens navne)",
        arguments: [
            ("lsite", "liste"), ("vsi", "vis"), ("notta", "notat"), ("helligdag", "helligdage"),
            ("underseog", "undersoeg"), ("kaffemaskine", nil as String?),
        ])
    func suggestions(_ typo: String, _ expected: String?) {
        #expect(Suggest.closest(to: typo, in: CommandTable.allNames) == expected)
    }

    @Test("hver kommando har hjælp med eksempler og unikke navne")
    func commandTable() {
        var seen = Set<String>()
        for c in CommandTable.commands {
            #expect(!c.spec.examples.isEmpty, "\(c.spec.name) mangler eksempler")
            let variadic = c.spec.arguments.last?.name.hasSuffix("…") == true
            #expect(
                c.spec.arguments.count == c.spec.positionals.upperBound
                    || (variadic && c.spec.positionals.upperBound > c.spec.arguments.count),
                "\(c.spec.name): én pladsholder pr. argument")
            for n in [c.spec.name] + c.spec.aliases { #expect(seen.insert(n).inserted, "\(n) findes to gange") }
            let help = Help.command(c.spec)
            #expect(help.contains("Eksempler:"))
            #expect(help.contains("--lager"))
        }
    }
}

@Suite("Underretningens felter i kommandolinjen")
struct ConcernFlagTests {
    @Test("hvert felt har sit eget valg, og valgene støder ikke sammen med kommandoens andre valg")
    func uniqueFlags() {
        let flags = UngeCore.ConcernField.allCases.map(UnderretCommand.flag)
        #expect(Set(flags).count == flags.count)
        let names = UnderretCommand.spec.allOptions.map(\.name)
        #expect(Set(names).count == names.count)
        for f in UngeCore.ConcernField.allCases { #expect(names.contains("--" + UnderretCommand.flag(f))) }
    }
}
