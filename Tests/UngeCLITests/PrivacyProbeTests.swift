import Foundation
import Testing
import UngeCore

@testable import UngeStore

/// What the attack probe of 7 December 2026 found in the command line and the audit log, each
/// reproduced first (issue 22, item 7).
@Suite("Angrebsprøven: brugernavne, loggen og ugyldig UTF-8", .bothStores)
struct PrivacyProbeTests {
    @Test("et linjeskift eller kontroltegn i --bruger afvises, og intet skrives i loggen")
    func userWithNewlineRefused() throws {
        let store = try Unge.fixtureStore()
        for user in ["Eva\n09.00 Falsk ændrede sagen (konto: root)", "Eva\u{1B}[2J", "Eva\u{202E}", "Eva\tX", ""] {
            let r = try Unge.run(["vis", "2026-0001", "--bruger", user], store: store)
            #expect(r.status == 2, "\(user.debugDescription)")
            #expect(r.stderr.contains("--bruger"))
            #expect(r.stdout.isEmpty)
        }
        let log = try Unge.run(["log", "2026-0001"], store: store)
        #expect(!log.stdout.contains("Falsk"))
        let env = try Unge.run(["vis", "2026-0001"], store: store, env: ["UNGE_BRUGER": "Eva\nFalsk"])
        #expect(env.status == 2)
        #expect(env.stderr.contains("UNGE_BRUGER"))
    }

    @Test(
        "hver værdi i 'unge log' vises escaped: en hændelse med linjeskift i navnet giver én linje",
        .fileOnly(
            "skriver en hændelse med fillagerets egen kode, som en ældre udgave kunne (i teamlageret er brugeren altid rollen)"
        ))
    func loggedValuesEscaped() throws {
        let store = try Unge.fixtureStore()
        // An event written by an older version (or by hand) with a newline in the user name.
        let fs = FileStore(root: store)
        let time = UngeJSON.parseTimestamp("2026-04-13T09:30:00Z")!
        try fs.appendAudit(
            AuditEvent(
                time: time, user: "Eva\n09.31 Mallory slettede sagen", action: .read, caseID: CaseID("2026-0001")!,
                command: "vis\u{1B}[2J"))
        let log = try Unge.run(["log", "2026-0001"], store: store)
        #expect(log.status == 0)
        #expect(log.stdout.contains("Eva\\u{A}09.31 Mallory slettede sagen"))
        #expect(log.stdout.contains("vis\\u{1B}[2J"))
        #expect(!log.stdout.split(separator: "\n").contains { $0.contains("Mallory") && !$0.contains("Eva") })
    }

    @Test("ugyldig UTF-8 i et argument afvises med en besked; intet gemmes")
    func invalidUTF8Refused() throws {
        let store = try Unge.fixtureStore()
        let before = try Unge.run(["vis", "2026-0001", "--json"], store: store).stdout
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        // printf writes the byte 0xFF, which is never valid UTF-8.
        p.arguments = [
            "-c", "\"$0\" notat 2026-0001 \"Mor ringede $(printf '\\377')\" --lager \"$1\"", Unge.binary.path,
            store.path,
        ]
        var env = ProcessInfo.processInfo.environment
        env["UNGE_NU"] = "2026-04-13T09:30:00Z"
        env["UNGE_BRUGER"] = "test"
        p.environment = env
        let err = Pipe()
        p.standardError = err
        p.standardOutput = Pipe()
        try p.run()
        p.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(p.terminationStatus == 2)
        #expect(stderr.contains("ikke gyldig tekst (UTF-8)"))
        let after = try Unge.run(["vis", "2026-0001", "--json"], store: store).stdout
        #expect(before == after)
    }
}
