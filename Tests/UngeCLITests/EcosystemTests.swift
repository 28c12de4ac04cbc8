import Foundation
import Testing
import UngeCore

@testable import UngeCLI

/// Shell completion, the manual page, `unge help`, `unge demo` and the option table: everything a
/// shell, a manual reader or municipal IT sees is generated from the command table.
@Suite("Skal, manual, hjælp og demo", .bothStores)
struct EcosystemTests {
    /// The fixture store's case ids, read from its folder.
    static var fixtureIDs: [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(
                atPath: Unge.fixtures.appendingPathComponent("lager/sager").path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Runs a bash snippet with the completion script loaded and `unge` (the built binary) on PATH.
    static func bash(_ snippet: String, store: URL) throws -> String {
        let script = try Unge.run(["completion", "bash"]).stdout
        let dir = Unge.sandbox.appendingPathComponent("skal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("unge.bash")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["--norc", "--noprofile", "-c", "source \(file.path)\n" + snippet]
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = Unge.binary.deletingLastPathComponent().path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["UNGE_LAGER"] = store.path
        env["HOME"] = dir.path
        env["UNGE_BRUGER"] = "testbruger"
        var none: [String] = []
        try Unge.onTeamStore(&none, &env)
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// What `_unge` offers for the words of a command line (the last word is being completed).
    static func complete(_ words: [String], store: URL) throws -> [String] {
        let quoted = words.map { "'" + $0 + "'" }.joined(separator: " ")
        let out = try bash(
            "COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _unge; printf '%s\\n' \"${COMPREPLY[@]}\"",
            store: store)
        return out.split(separator: "\n").map(String.init)
    }

    @Test("bash: 'unge pl' bliver til plan, 'unge vis 2026-' giver sagsnumrene, værdier fuldføres")
    func bashCompletion() throws {
        let store = try Unge.fixtureStore()
        #expect(try Self.complete(["unge", "pl"], store: store) == ["plan"])
        #expect(try Self.complete(["unge", "vis", "2026-"], store: store) == Self.fixtureIDs)
        #expect(Self.fixtureIDs.count == 14)
        #expect(try Self.complete(["unge", "værktøj", "2026-0001", "--type", "ssd"], store: store) == ["ssd-moede"])
        #expect(
            try Self.complete(["unge", "plan", "2026-0003", "--format", ""], store: store) == ["md", "html", "json"])
        #expect(try Self.complete(["unge", "check", ""], store: store) == ["3", "4", "5", "6", "7"])
        #expect(try Self.complete(["unge", "tjek", "--sag", "2026-00"], store: store) == Self.fixtureIDs)
        #expect(
            try Self.complete(["unge", "liste", "--status", "und"], store: store) == ["underrettet", "undersøgelse"])
        #expect(try Self.complete(["unge", "vis", "--vis"], store: store) == ["--vis-cpr"])
        #expect(try Self.complete(["unge", "help", "behandl"], store: store) == ["behandlingsplan"])
        // The note text after the case id is free text: nothing is offered.
        #expect(try Self.complete(["unge", "notat", "2026-0001", ""], store: store) == [])
        // --lager on the command line wins over $UNGE_LAGER (a folder: bash passes the path on as it is).
        let other = try Unge.fixtureFolder()
        try FileManager.default.removeItem(at: other.appendingPathComponent("sager/2026-0014.json"))
        #expect(
            try Self.complete(["unge", "vis", "--lager", other.path, "2026-"], store: store)
                == Array(Self.fixtureIDs.prefix(13)))
    }

    @Test("bash kender alle kommandoer og aliasser; skjulte kommandoer er ikke med")
    func bashCommands() throws {
        let store = try Unge.fixtureStore()
        let all = try Self.complete(["unge", ""], store: store)
        #expect(all == CommandTable.allNames + ["--help", "--version"])
        #expect(!all.contains("_taeller"))
    }

    @Test("fuldførelsen viser kun sagsnumre – aldrig navne eller CPR-numre")
    func idsOnly() throws {
        let store = try Unge.fixtureStore()
        let r = try Unge.run(["completion", "sagsnumre"], store: store)
        #expect(r.status == 0)
        #expect(r.stdout == Self.fixtureIDs.joined(separator: "\n") + "\n")
        // No audit event: nothing personal was read.
        #expect(!FileManager.default.fileExists(atPath: store.appendingPathComponent("log").path))
        #expect(try Unge.run(["completion", "sagsnumre"], store: Unge.emptyStore()).stdout == "")
        for shell in ["bash", "zsh", "fish"] {
            let script = try Unge.run(["completion", shell], store: store).stdout
            #expect(!script.contains("Malik"))
            #expect(script.contains("unge completion sagsnumre"))
        }
        #expect(try Unge.run(["completion", "powershell"]).status == 2)
    }

    @Test("zsh og fish: scriptene kan indlæses (når skallen findes)")
    func otherShells() throws {
        for (shell, path) in [("zsh", "/usr/bin/zsh"), ("fish", "/usr/bin/fish")]
        where FileManager.default.isExecutableFile(atPath: path) {
            let file = Unge.sandbox.appendingPathComponent("unge-\(UUID().uuidString).\(shell)")
            try FileManager.default.createDirectory(at: Unge.sandbox, withIntermediateDirectories: true)
            try Unge.run(["completion", shell]).stdout.write(to: file, atomically: true, encoding: .utf8)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: path)
            p.arguments = ["-n", file.path]
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "\(shell) -n afviser scriptet")
        }
    }

    @Test("unge man: en roff-side med alle kommandoer, valg, slutkoder, miljø, filer og eksempler")
    func manual() throws {
        let r = try Unge.run(["man"])
        #expect(r.status == 0)
        let page = r.stdout
        #expect(page.hasPrefix(".\\\" unge.1"))
        #expect(page.contains(".TH UNGE 1 \"\" \"unge \(UngeCLI.Unge.version)\""))
        for section in [
            ".SH NAVN", ".SH OVERSIGT", ".SH BESKRIVELSE", ".SH KOMMANDOER", ".SH \"FÆLLES VALG\"", ".SH SLUTKODER",
            ".SH MILJØ", ".SH FILER", ".SH EKSEMPLER",
        ] {
            #expect(page.contains("\n" + section + "\n"), "\(section) mangler")
        }
        for c in CommandTable.commands {
            #expect(page.contains(".SS \"unge \(c.spec.name)"), "\(c.spec.name) mangler")
            for o in c.spec.allOptions { #expect(page.contains(Manual.escape(o.name)), "\(o.name) mangler") }
        }
        for code in ["0", "1", "2", "3"] { #expect(page.contains(".TP\n.B \(code)\n")) }
        for variable in ["UNGE_LAGER", "UNGE_BRUGER", "XDG_DATA_HOME", "NO_COLOR"] {
            #expect(page.contains(".B \(variable)\n"))
        }
        // Every request line is a man macro; no text line starts with a period or an apostrophe.
        let macros: Set<String> = [
            ".\\\"", ".TH", ".SH", ".SS", ".PP", ".TP", ".B", ".I", ".br", ".RS", ".RE", ".nf", ".fi", ".nh", ".hy",
            ".ad",
        ]
        for line in page.split(separator: "\n") where line.hasPrefix(".") || line.hasPrefix("'") {
            #expect(macros.contains(String(line.split(separator: " ").first ?? "")), "ukendt roff-linje: \(line)")
        }
        #expect(!page.contains("\n-"), "en bindestreg i starten af en linje skal være \\-")
    }

    @Test("man -l viser siden uden advarsler (når groff findes)")
    func manualRenders() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") else { return }
        let file = Unge.sandbox.appendingPathComponent("unge-\(UUID().uuidString).1")
        try FileManager.default.createDirectory(at: Unge.sandbox, withIntermediateDirectories: true)
        try Unge.run(["man"]).stdout.write(to: file, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/groff")
        p.arguments = ["-k", "-man", "-Tutf8", "-ww", file.path]
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let warnings = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(warnings == "")
        #expect(text.hasPrefix("UNGE(1)"))
    }

    @Test("unge help KOMMANDO er det samme som --help; brugslinjen bygges af valgtabellen")
    func help() throws {
        for c in CommandTable.commands {
            let viaHelp = try Unge.run(["help", c.spec.name])
            #expect(viaHelp.status == 0)
            #expect(viaHelp.stdout == (try Unge.run([c.spec.name, "--help"])).stdout)
            // the tests' terminal is 80 wide
            #expect(viaHelp.stdout.contains("Brug:\n" + c.spec.usage(width: 80) + "\n"))
            let usage = c.spec.usageWords.joined(separator: " ")
            for o in c.spec.allOptions where o.name != "--help" {
                #expect(usage.contains(o.synopsis), "\(c.spec.name): \(o.name)")
            }
        }
        #expect(try Unge.run(["hjælp"]).stdout == (try Unge.run(["--help"])).stdout)
        let typo = try Unge.run(["help", "pln"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("Mente du 'plan'?"))
        let vis = try Unge.run(["vis", "--help"]).stdout
        #expect(
            vis.hasPrefix("unge vis – Vis en sag\n\nBrug:\n  unge vis <sag> [--dato ÅÅÅÅ-MM-DD] [--json] [--vis-cpr]\n")
        )
        let frist = try Unge.run(["frist", "--help"]).stdout
        #expect(frist.contains("  unge frist --fra ÅÅÅÅ-MM-DD [--hverdage N]"))
    }

    @Test("unge demo --lager MAPPE skriver de opdigtede sager (0600/0700) og rører aldrig et lager med sager")
    func demo() throws {
        let store = Unge.emptyStore()
        let r = try Unge.run(["demo"], store: store)
        #expect(r.status == 0)
        let location = try Unge.location(store)
        let word = try Unge.shellLocation(store)  // a URI is quoted for the shell
        #expect(r.stdout == "14 opdigtede sager er lagt i \(location).\nPrøv: unge liste --lager \(word)\n")
        for id in Self.fixtureIDs {
            let fixture = try Data(contentsOf: Unge.fixtures.appendingPathComponent("lager/sager/\(id).json"))
            guard Unge.isFolder(store) else {
                // The team store keeps the document, not the file's bytes: the same case.
                var expected = try UngeJSON.decoder().decode(CaseFile.self, from: fixture)
                // (One without a caseworker gets the user who put it in: the register needs one.)
                if expected.caseworker == nil { expected.caseworker = "testbruger" }
                #expect(try Unge.storedCaseFile(store, id) == expected, "\(id) afviger fra Fixtures/lager")
                continue
            }
            let written = try Unge.caseData(store, "\(id)")
            #expect(written == fixture, "\(id) afviger fra Fixtures/lager")
            let mode =
                try FileManager.default.attributesOfItem(atPath: store.appendingPathComponent("sager/\(id).json").path)[
                    .posixPermissions] as? Int
            #expect(mode == 0o600)
        }
        if Unge.isFolder(store) {
            let folderMode = try FileManager.default.attributesOfItem(atPath: store.path)[.posixPermissions] as? Int
            #expect(folderMode == 0o700)
        }
        #expect(try Unge.run(["liste", "--json"], store: store).status == 0)
        // A second time: refused, nothing changed.
        try Unge.run(["notat", "2026-0001", "en note"], store: store)
        let before = try Unge.caseData(store, "2026-0001")
        let again = try Unge.run(["demo"], store: store)
        #expect(again.status == 2)
        #expect(again.stderr.contains("har allerede sager (14)"))
        #expect(try Unge.caseData(store, "2026-0001") == before)
        // Without --lager it refuses rather than write into the default store.
        let bare = try Unge.run(["demo"])
        #expect(bare.status == 2)
        #expect(bare.stderr.contains("'unge demo' mangler --lager MAPPE."))
        #expect(try Unge.run(["demo", "--lager", ""]).status == 2)
    }

    @Test("de indlejrede demo-sager er præcis Fixtures/lager (ellers: make demo-cases)")
    func embeddedDemoCases() throws {
        #expect(DemoCases.files.map(\.id) == Self.fixtureIDs, "kør make demo-cases")
        for (id, json) in DemoCases.files {
            let fixture = try String(
                contentsOf: Unge.fixtures.appendingPathComponent("lager/sager/\(id).json"), encoding: .utf8)
            #expect(json == fixture, "\(id): kør make demo-cases")
        }
    }

    @Test("README'en nævner hver kommando i kommandotabellen")
    func readmeListsEveryCommand() throws {
        let readme = try String(contentsOf: Unge.root.appendingPathComponent("README.md"), encoding: .utf8)
        for c in CommandTable.commands {
            #expect(readme.contains("| `unge \(c.spec.name)"), "README.md mangler en række for unge \(c.spec.name)")
        }
    }

    @Test("testene læser aldrig udviklerens eget lager eller $HOME")
    func hermetic() throws {
        // No --lager: the store the harness points at is in the test's own folder, and it does not exist.
        let r = try Unge.run(["liste"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("'\(Unge.sandbox.path)/"))
    }
}

/// An option name is declared once, in the command's spec: every `--name` the CLI's sources mention
/// must be a declared option, and every lookup in a command's file must be one of its own options.
/// (At run time, debug builds stop on a lookup of an undeclared name.)
@Suite("Valg erklæres ét sted", .bothStores)
struct OptionDeclarationTests {
    static let sources = Unge.root.appendingPathComponent("Sources/UngeCLI")

    static func swiftFiles() throws -> [URL] {
        let e = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        return (e?.allObjects as? [URL] ?? []).filter {
            $0.pathExtension == "swift" && $0.lastPathComponent != "Arguments.swift"
        }
    }

    static func matches(_ pattern: String, in text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            Range(m.range(at: m.numberOfRanges - 1), in: text).map { String(text[$0]) }
        }
    }

    @Test("hvert --navn i kildekoden er et erklæret valg")
    func everyMentionIsDeclared() throws {
        let commands = CommandTable.commands + CommandTable.hidden
        let declared = Set(commands.flatMap { $0.spec.allOptions.map(\.name) } + ["--version"])
        let files = try Self.swiftFiles()
        #expect(files.count > 20)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for name in try Self.matches("(--[a-zæøå][a-zæøå0-9-]*)", in: text) {
                #expect(
                    declared.contains(name), "\(file.lastPathComponent): '\(name)' er ikke erklæret i nogen CommandSpec"
                )
            }
        }
    }

    @Test("en kommandos opslag (args.value/has/all) er dens egne valg")
    func lookupsAreOwnOptions() throws {
        for c in CommandTable.commands + CommandTable.hidden {
            let file = Self.sources.appendingPathComponent("Commands/\(String(describing: c)).swift")
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            let own = Set(c.spec.allOptions.map(\.name))
            for name in try Self.matches("\\b(?:value|has|all)\\(\"(--[^\"]+)\"\\)", in: text) {
                #expect(own.contains(name), "unge \(c.spec.name) slår '\(name)' op, men erklærer det ikke")
            }
        }
    }

    @Test("et påkrævet valg afvises, når det mangler, og står uden klammer i brugslinjen")
    func requiredOption() throws {
        let spec = CommandSpec(
            name: "test", summary: "x",
            options: [OptionSpec("--fra", value: "DATO", help: "", required: true), OptionSpec("--json", help: "")])
        #expect(throws: UsageError.missingArgument("--fra DATO", command: "test")) {
            try ParsedArguments.parse(["--json"], spec: spec)
        }
        #expect(try ParsedArguments.parse(["--fra", "x"], spec: spec).value("--fra") == "x")
        #expect(try ParsedArguments.parse(["--help"], spec: spec).has("--help"))
        #expect(spec.usageWords == ["unge", "test", "--fra DATO", "[--json]", "[--lager MAPPE]", "[--bruger NAVN]"])
    }

    @Test("hver positionel plads har en pladsholder i brugslinjen")
    func argumentPlaceholders() {
        for c in CommandTable.commands + CommandTable.hidden {
            // A last placeholder ending in "…" stands for any number of arguments (`overdrag <sag…>`).
            let variadic = c.spec.arguments.last?.name.hasSuffix("…") == true
            #expect(
                c.spec.arguments.count == c.spec.positionals.upperBound
                    || (variadic && c.spec.positionals.upperBound > c.spec.arguments.count),
                "\(c.spec.name)")
        }
    }
}
