import Foundation
import UngeCore
import UngeStore

/// `unge log <id>`: a case's audit events (the data subject's right of access), told as Danish
/// sentences grouped by day.
struct LogCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "log",
        summary: "Vis revisionssporet for en sag, eller kontrollér hele sporet",
        arguments: [.caseID],
        discussion: """
            Fortæller dag for dag, hvem der har set, oprettet, ændret eller taget udtræk af sagen og hvornår,
            også hver liste, søgning og fristoversigt, der viste sagen. Brugeren er kontoen på computeren; et
            navn givet med --bruger eller $UNGE_BRUGER står ved siden af. Bruges fx når en borger beder om indsigt i, hvem der har set oplysningerne. Sporet indeholder
            aldrig CPR-numre eller fritekst. Ens hændelser lige efter hinanden samme dag står på én linje.
            En ændring, der blev afbrudt, før sagen blev gemt, står som "ikke gennemført".
            Her betyder --bruger "kun hændelser af denne bruger"; du selv skrives i sporet som $UNGE_BRUGER
            eller $USER.
            Med --kontroller (uden sagsnummer) kontrolleres hele revisionssporet: hver hændelses kontrolsum,
            kæden af hændelser for hver sag og for lister, ankrene mellem kæderne og indekset. Den første fejl
            vises, og slutkoden er 3, hvis sporet er ændret, en hændelse mangler, er byttet om eller sat ind,
            eller indekset er ændret eller afkortet. Kontrollen ændrer intet og kan køres på en kopi af lageret
            (--lager MAPPE), fx af en revisor.
            Med --kopi --ud MAPPE gemmes en kopi af hele revisionssporet med kæderne og deres hoveder i en ny
            mappe (også fra teamlageret i databasen; kun en administrator). Kopien kontrolleres uden server med
            'unge log --kontroller --lager MAPPE' og finder de samme fejl som kontrollen af selve lageret.
            En arkivkopi fra 'unge eksport <sag> --arkiv --ud MAPPE' kontrolleres på samme måde:
            'unge log --kontroller --lager MAPPE' (alle kopier i mappen) eller --lager MAPPE/<sag> (én kopi).
            """,
        options: [
            OptionSpec("--fra", value: "DATO", help: "Kun hændelser fra og med denne dag."),
            OptionSpec("--til", value: "DATO", help: "Kun hændelser til og med denne dag."),
            OptionSpec("--bruger", value: "NAVN", help: "Kun hændelser af denne bruger."),
            OptionSpec("--kontroller", help: "Kontrollér hele revisionssporet (kæder, ankre og indeks)."),
            OptionSpec(
                "--kopi", help: "Gem en kopi af hele revisionssporet, der kan kontrolleres uden server (med --ud)."),
            OptionSpec("--ud", value: "MAPPE", help: "Den nye mappe, kopien skrives i (med --kopi)."),
            .json,
        ],
        examples: [
            ("unge log 2026-0001", "Revisionssporet for sagen, dag for dag"),
            ("unge log 2026-0001 --fra 2026-08-01 --til 2026-08-31", "Kun august"),
            ("unge log 2026-0001 --bruger lene", "Kun det, brugeren lene har gjort"),
            ("unge log 2026-0001 --json", "Som JSON til videre behandling"),
            ("unge log --kontroller", "Kontrollér, at intet i revisionssporet er ændret eller slettet"),
            ("unge log --kontroller --lager /mnt/kopi", "Kontrollér en kopi af et lager (uden server)"),
            ("unge log --kopi --ud ~/revision", "Gem en kopi af revisionssporet til en revisor"),
            ("unge log --kontroller --lager ~/arkiv/2026-0001", "Kontrollér revisionssporet i en arkivkopi"),
        ],
        positionals: 0...1, positionalNames: ["sagsnummeret"])

    let id: CaseID?
    let json: Bool
    let verify: Bool
    /// `--kopi --ud MAPPE`: the folder the copy of the whole log goes to.
    let copyFolder: String?
    let from: LocalDate?
    let to: LocalDate?
    let user: String?

    init(_ args: ParsedArguments) throws {
        verify = args.has("--kontroller")
        if args.has("--kopi") {
            guard let out = args.value("--ud"), !out.isEmpty else {
                throw UsageError.conflict(
                    "--kopi skal have en mappe at skrive kopien i. Skriv fx 'unge log --kopi --ud ~/revision'.")
            }
            copyFolder = out
        } else {
            if args.value("--ud") != nil {
                throw UsageError.conflict(
                    "--ud bruges kun med --kopi. Skriv fx 'unge log --kopi --ud ~/revision'.")
            }
            copyFolder = nil
        }
        id = try args.positional(0).map { try Values.caseID($0) }
        json = args.has("--json")
        from = try args.value("--fra").map { try Values.date($0, option: "--fra") }
        to = try args.value("--til").map { try Values.date($0, option: "--til") }
        user = args.value("--bruger").map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        if copyFolder != nil {
            if id != nil || verify || args.value("--fra") != nil || args.value("--til") != nil
                || args.value("--bruger") != nil
            {
                throw UsageError.conflict(
                    "--kopi gemmer hele revisionssporet og kan ikke bruges med et sagsnummer, --kontroller, --fra, --til eller --bruger."
                )
            }
        } else if verify {
            if id != nil {
                throw UsageError.conflict(
                    "--kontroller kontrollerer hele revisionssporet og tager intet sagsnummer. Skriv 'unge log --kontroller'."
                )
            }
            if from != nil || to != nil || args.value("--bruger") != nil {
                throw UsageError.conflict("--kontroller kan ikke bruges med --fra, --til eller --bruger.")
            }
        } else if id == nil {
            throw UsageError.missingArgument("sagsnummeret", command: "log")
        }
        if let from, let to, to < from {
            throw UsageError.conflict("--til (\(to.iso)) ligger før --fra (\(from.iso)). Byt om på datoerne.")
        }
    }

    struct Output: Encodable {
        let id: CaseID
        let events: [AuditEvent]
    }

    func run(_ ctx: Context) throws -> Int32 {
        if verify { return try runVerification(ctx) }
        if let copyFolder { return try runCopy(ctx, to: copyFolder) }
        guard let id else { return ExitCode.usage }
        let store = try ctx.store
        // Refuses unknown cases with a clear message; a deleted case's trail (with its tombstone) stays readable.
        let revision: Int?
        var file: CaseFile?
        do {
            file = try store.load(id)
            revision = file?.revision
        } catch StoreError.notFound(let missing) {
            let trail = try store.auditEvents(for: id)
            guard trail.events.contains(where: { $0.action == .delete && $0.caseID == id }) else {
                throw StoreError.notFound(missing)
            }
            revision = nil
        }
        try store.appendAudit(
            ctx.event(.export, caseID: id, before: revision, after: revision, criterion: "revisionsspor"))
        var (all, problems) = try store.auditEvents(for: id)
        // A change whose event was written but whose save never landed (a stopped process).
        if let revision { AuditChain.markNotCarriedOut(&all, case: id, currentRevision: revision) }
        var broken = false
        for p in problems {
            if case .auditBroken = p.error { broken = true }
            ctx.console.error("Advarsel: \(p.description)")
        }
        let events = all.filter { e in
            let day = DanishTime.date(of: e.time)
            if let from, day < from { return false }
            if let to, day > to { return false }
            if let user, e.user.lowercased() != user.lowercased(), e.account?.lowercased() != user.lowercased() {
                return false
            }
            return true
        }
        let exit = broken ? ExitCode.data : ExitCode.ok
        if json {
            ctx.console.print(try JSONOutput.render(Output(id: id, events: events)))
            return exit
        }
        if events.isEmpty {
            ctx.console.print(
                all.isEmpty ? "Sagen har ingen hændelser i revisionssporet." : "Ingen hændelser passer til valgene.")
            return exit
        }
        let width = ctx.console.width
        var lines: [String] = []
        let changes = file.map(AuditStory.changes(in:)) ?? [:]
        for day in AuditStory.days(events, changes: changes) {
            if !lines.isEmpty { lines.append("") }
            lines.append(ctx.console.bold(day.date.weekdayName.capitalizedFirstLetter + " " + day.date.danishLong))
            for s in day.sentences {
                lines += TextWrap.wrapLines(s.text, width: width, firstIndent: "  \(s.clock)  ", indent: "         ")
            }
        }
        lines.append("")
        lines.append(ctx.console.dim(Plural.count(events.count, "hændelse", "hændelser")))
        ctx.console.print(lines.joined(separator: "\n"))
        if broken {
            ctx.console.error(
                "Revisionssporet for sagen er ikke intakt (se advarslerne). Kør 'unge log --kontroller', og kontakt IT."
            )
        }
        return exit
    }

    struct VerificationOutput: Encodable {
        let intakt: Bool
        let haendelser: Int
        let kaeder: Int
        let foerKaeden: Int
        let slettedePersonoplysninger: Int
        let ankre: Int
        let indekslinjer: Int
        let brud: [String]
    }

    /// `unge log --kopi --ud MAPPE`: the whole log with its chains and heads written to a new folder in
    /// the file store's layout, so `unge log --kontroller --lager MAPPE` checks it without a server.
    /// Audited first (an export of the log, with where it went).
    func runCopy(_ ctx: Context, to folder: String) throws -> Int32 {
        let store = try ctx.store
        let absolute = URL(fileURLWithPath: folder).standardized.path
        // A team store's log is read first: refused (exit 4) unless an administrator, before anything is made.
        var teamCopy: AuditLogCopy?
        if !(store is FileStore) {
            guard let copying = store as? any AuditCopying else {
                throw StoreError.unsupported("En kopi af revisionssporet kan ikke laves fra dette lager.")
            }
            teamCopy = try copying.auditLogCopy()
        }
        // Then the folder (made 0700 if new), so that a refused folder leaves no export in the trail.
        do {
            for w in try OutputFiles.prepareFolder(absolute, storeRoot: ctx.storeFolder) { ctx.console.error(w) }
        } catch { throw UsageError.invalidValue(option: "--ud", value: folder, expected: error.reason) }
        var st = stat()
        if lstat(absolute + "/log", &st) == 0 {
            throw UsageError.invalidValue(
                option: "--ud", value: folder, expected: "en ny mappe uden et revisionsspor (der er allerede en 'log')")
        }
        // Audited before anything is written out.
        try store.appendAudit(
            ctx.event(.export, caseID: nil, criterion: ExportTrail.criterion("kopi af revisionssporet", path: absolute))
        )
        let written: Int
        do {
            if let teamCopy {
                written = try teamCopy.write(to: absolute, storeRoot: ctx.storeFolder)
            } else {
                written = try (store as! FileStore).copyAuditLog(to: absolute, storeRoot: ctx.storeFolder)
            }
        } catch let p as OutputFiles.Problem {
            throw UsageError.invalidValue(option: "--ud", value: folder, expected: p.reason)
        }
        ctx.console.print(
            "Kopien af revisionssporet (\(Plural.count(written, "hændelse", "hændelser"))) er gemt i '\(absolute)'. Kontrollér den uden server med 'unge log --kontroller --lager \(absolute)'."
        )
        return ExitCode.ok
    }

    /// `unge log --kontroller`: the whole log checked; exit 3 on the first break.
    func runVerification(_ ctx: Context) throws -> Int32 {
        let store = try ctx.store
        let v = try store.verifyAuditLog()
        if json {
            ctx.console.print(
                try JSONOutput.render(
                    VerificationOutput(
                        intakt: v.intact, haendelser: v.chainedEvents, kaeder: v.chains, foerKaeden: v.unchainedEvents,
                        slettedePersonoplysninger: v.erasedEvents, ankre: v.anchorEntries, indekslinjer: v.indexLines,
                        brud: v.breaks.map { TerminalText.neutralise($0.description, keepLineBreaks: false) })))
            return v.intact ? ExitCode.ok : ExitCode.data
        }
        var lines: [String] = []
        lines.append(
            "Kontrolleret: \(Plural.count(v.chainedEvents, "hændelse", "hændelser")) i \(Plural.count(v.chains, "kæde", "kæder")), \(Plural.count(v.anchorEntries, "anker", "ankre")) og \(Plural.count(v.indexLines, "indekslinje", "indekslinjer"))."
        )
        if v.unchainedEvents > 0 {
            lines.append(
                "\(Plural.count(v.unchainedEvents, "hændelse", "hændelser")) er skrevet, før kæden blev indført, og kan ikke kontrolleres med kontrolsummer (de er læst, men ikke bevist uændrede)."
            )
        }
        if v.erasedEvents > 0 {
            lines.append(
                "\(Plural.count(v.erasedEvents, "hændelse", "hændelser")) har fået personoplysningerne slettet ved en lovlig sletning; kæden holder stadig."
            )
        }
        if v.intact {
            lines.append("Revisionssporet er i orden: intet er ændret, slettet, byttet om eller sat ind.")
            ctx.console.print(lines.joined(separator: "\n"))
            return ExitCode.ok
        }
        ctx.console.print(lines.joined(separator: "\n"))
        let first = v.breaks[0]
        var message =
            "Revisionssporet er brudt. Første fejl: \(TerminalText.neutralise(first.description, keepLineBreaks: false))."
        if v.breaks.count > 1 { message += " (\(Plural.count(v.breaks.count - 1, "fejl", "fejl")) mere.)" }
        message += " Gem en kopi af lageret, som det er nu, og kontakt IT."
        ctx.console.error(message)
        return ExitCode.data
    }
}

/// The audit trail told as Danish sentences, one group per day; equal events in a row on the same
/// day become one sentence ("Lene så sagen 3 gange").
enum AuditStory {
    struct Sentence: Equatable {
        /// "09.30" or "09.30-11.02".
        let clock: String
        let text: String
    }

    struct Day {
        let date: LocalDate
        var sentences: [Sentence]
    }

    /// What each revision changed, from the case's own journal: the registrations written at the
    /// same second by the same user as an update event. The audit log itself holds no free text;
    /// the narrative is told from the case, so it goes when the case goes.
    static func changes(in file: CaseFile) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for entry in file.journal {
            let phrase = entry.change ?? (entry.source == .note ? "skrev et notat" : nil)
            guard let phrase else { continue }
            out[key(entry.time, entry.author), default: []].append(phrase)
        }
        return out
    }

    static func key(_ time: Date, _ user: String) -> String {
        "\(Int(time.timeIntervalSince1970.rounded(.down)))|\(user)"
    }

    /// How long apart a user's revisions may be and still be told as one line.
    static let foldWindow: TimeInterval = 60

    static func days(_ events: [AuditEvent], changes: [String: [String]] = [:]) -> [Day] {
        var days: [Day] = []
        var i = 0
        let sorted = events.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(
            \.element)
        func add(_ sentence: Sentence, on day: LocalDate) {
            if days.last?.date == day {
                days[days.count - 1].sentences.append(sentence)
            } else {
                days.append(Day(date: day, sentences: [sentence]))
            }
        }
        while i < sorted.count {
            let e = sorted[i]
            let day = DanishTime.date(of: e.time)
            // Revisions by one user within a minute (and their reads in between) fold into one line
            // that says what changed.
            // A change that never landed stands alone, marked (it is not folded into what did land).
            if e.action == .update || e.action == .create, e.notCarriedOut != true {
                var j = i + 1
                var reads = 0
                while j < sorted.count, sorted[j].user == e.user, DanishTime.date(of: sorted[j].time) == day,
                    sorted[j].time.timeIntervalSince(e.time) <= foldWindow,
                    [.update, .create, .read].contains(sorted[j].action), sorted[j].notCarriedOut != true
                {
                    j += 1
                }
                // A read at the end belongs to the next line, not to this one.
                while j - 1 > i, sorted[j - 1].action == .read { j -= 1 }
                let run = Array(sorted[i..<j])
                reads = run.filter { $0.action == .read }.count
                let first = LocalTime.clock(of: e.time, in: DanishTime.timeZone)
                let last = LocalTime.clock(of: run.last!.time, in: DanishTime.timeZone)
                add(
                    Sentence(
                        clock: last != first ? "\(first)-\(last)" : first,
                        text: revisions(run, reads: reads, changes: changes)), on: day)
                i = j
                continue
            }
            var j = i + 1
            // Repeated reads and read-only exports by the same user with the same command collapse.
            if e.action == .read || e.action == .export || e.action == .revealCPR {
                while j < sorted.count, DanishTime.date(of: sorted[j].time) == day, sorted[j].user == e.user,
                    sorted[j].action == e.action, sorted[j].command == e.command, sorted[j].criterion == e.criterion
                {
                    j += 1
                }
            }
            let first = LocalTime.clock(of: e.time, in: DanishTime.timeZone)
            let last = LocalTime.clock(of: sorted[j - 1].time, in: DanishTime.timeZone)
            add(
                Sentence(clock: first, text: text(e, times: j - i, until: j - i > 1 && last != first ? last : nil)),
                on: day)
            i = j
        }
        return days
    }

    /// One or more revisions by one user as a sentence that says what changed: "Lene Dahl tilføjede
    /// Jonas (kontaktperson) til netværkskortet og registrerede SSD-møde 01.09.2026 (revision 3 til 5)."
    static func revisions(_ run: [AuditEvent], reads: Int, changes: [String: [String]]) -> String {
        let writes = run.filter { $0.action == .update || $0.action == .create }
        let e = writes[0]
        func shown(_ s: String) -> String { TerminalText.neutralise(s, keepLineBreaks: false) }
        let user = shown(e.user)
        let who = e.account.map { $0 == e.user ? user : "\(user) (konto: \(shown($0)))" } ?? user
        var phrases: [String] = []
        var seenKeys = Set<String>()
        var keyCount: [String: Int] = [:]
        for w in writes { keyCount[key(w.time, w.user), default: 0] += 1 }
        var trailing: [String] = []
        for w in writes {
            let k = key(w.time, w.user)
            let shared = keyCount[k, default: 0] > 1
            // Several revisions in one second: the journal cannot say which did what, so each is
            // named by its command and what the journal says follows them all.
            var told = seenKeys.contains(k) || shared ? [] : (changes[k] ?? [])
            if shared, !seenKeys.contains(k) { trailing += changes[k] ?? [] }
            seenKeys.insert(k)
            if w.action == .create { told.insert("oprettede sagen med 'unge \(shown(w.command))'", at: 0) }
            if told.isEmpty { told = ["ændrede sagen med 'unge \(shown(w.command))'"] }
            phrases += told.map(shown)
        }
        phrases += trailing.map(shown)
        var s = who + " " + list(phrases)
        let before = writes.first?.revisionBefore
        if let after = writes.last?.revisionAfter {
            s += before.map { " (revision \($0) til \(after))" } ?? " (revision \(after))"
        }
        if reads > 0 { s += reads == 1 ? " og så sagen undervejs" : " og så sagen \(reads) gange undervejs" }
        return JournalText.sentence(s)
    }

    /// "a", "a og b", "a, b og c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " og " + items.last!
    }

    /// One event as a sentence: "Lene Dahl ændrede sagen med 'unge notat' (revision 2 til 3)."
    static func text(_ e: AuditEvent, times: Int = 1, until: String? = nil) -> String {
        // Every logged value is shown escaped: a newline or an escape sequence in a user name or a
        // search criterion can never make a line of its own.
        func shown(_ s: String) -> String { TerminalText.neutralise(s, keepLineBreaks: false) }
        let cmd = "'unge \(shown(e.command))'"
        // The name given, and the operating-system account when it differs.
        let user = shown(e.user)
        let who = e.account.map { $0 == e.user ? user : "\(user) (konto: \(shown($0)))" } ?? user
        var s: String
        switch e.action {
        case .read: s = "\(who) så sagen med \(cmd)"
        case .search: s = "\(who) så sagen i en oversigt med \(cmd)" + (e.criterion.map { " (\(shown($0)))" } ?? "")
        case .create: s = "\(who) oprettede sagen med \(cmd)"
        case .update: s = "\(who) ændrede sagen med \(cmd)"
        case .export:
            let file = ExportTrail.path(of: e).map { " i filen '\(shown($0))'" } ?? ""
            switch ExportTrail.kind(of: e.criterion) {
            case "revisionsspor": s = "\(who) så revisionssporet"
            case "dokument": s = "\(who) gemte et dokument fra sagen\(file.isEmpty ? " i en fil" : file) med \(cmd)"
            case "arkivkopi": s = "\(who) skrev en arkivkopi af sagen\(file) med \(cmd)"
            case "indsigt": s = "\(who) lavede et indsigtsudtræk til den unge\(file) med \(cmd)"
            default: s = "\(who) tog et udtræk af sagen\(file) med \(cmd)"
            }
        case .delete: s = "\(who) slettede sagen" + (e.criterion.map { " (\(shown($0)))" } ?? "")
        case .unlock: s = "\(who) brød låsen på sagen"
        case .revealCPR: s = "\(who) fik vist det fulde CPR-nummer med \(cmd)"
        case .draftSaved: s = "\(who) gemte en kladde med \(cmd)"
        case .draftDeleted: s = "\(who) slettede en kladde med \(cmd)"
        case .refused: s = "\(who) blev nægtet adgang til sagen med \(cmd)"
        case .anchor: s = "\(who) forankrede revisionssporets kæder"
        }
        if e.erased == true { s = "En bruger (oplysningerne er slettet ved sagens sletning) " + s.dropFirst(who.count) }
        if times > 1 { s += " \(times) gange" + (until.map { " frem til kl. \($0)" } ?? "") }
        if e.action == .update || e.action == .create, let after = e.revisionAfter {
            s += e.revisionBefore.map { " (revision \($0) til \(after))" } ?? " (revision \(after))"
        }
        if e.notCarriedOut == true { s += " – ikke gennemført (afbrudt, før ændringen blev gemt)" }
        return JournalText.sentence(s)
    }
}

extension AuditAction {
    /// The Danish word shown in `unge log`.
    var danish: String {
        switch self {
        case .read: return "læst"
        case .search: return "søgning"
        case .create: return "oprettet"
        case .update: return "ændret"
        case .export: return "udtræk"
        case .delete: return "slettet"
        case .unlock: return "lås brudt"
        case .revealCPR: return "CPR vist"
        case .draftSaved: return "kladde gemt"
        case .draftDeleted: return "kladde slettet"
        case .refused: return "adgang nægtet"
        case .anchor: return "anker"
        }
    }
}
