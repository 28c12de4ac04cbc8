import Foundation
import UngeCore

/// Everything that can go wrong in the case store (lager), each with a Danish message that quotes
/// the offending value (a file name or case id), never a CPR number or the content of a field.
///
/// The CLI maps every case to exit code 3 (store or data error), see `exitCode`.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// A text that is not a valid case id (`../x`, `a/b`, empty, ...); rejected before any path is built.
    case invalidID(String)
    /// No case file with this id.
    case notFound(CaseID)
    /// Optimistic concurrency: the case was saved by someone else since it was read.
    case conflict(CaseID, expected: Int, actual: Int)
    /// The short save lock is held by someone else and was not released within the bounded wait.
    case locked(CaseID, owner: String, host: String, pid: Int32, since: String)
    /// A document written by a newer version of unge; `file` is relative to the store, e.g. `sager/2026-0003.json`.
    case newerSchema(file: String, version: Int)
    /// A truncated, invalid or otherwise unreadable document; `reason` never echoes field contents.
    case corrupt(file: String, reason: String)
    /// The audit event could not be written durably, so nothing was shown or changed (fail closed).
    case auditFailed(reason: String)
    /// The audit log's hash chain or its index does not hold (an edited, deleted, reordered or
    /// inserted event, or an edited index): `file` names the place, `reason` what is wrong.
    case auditBroken(file: String, reason: String)
    /// A system call failed while writing or reading a store file. `visible` tells whether the change
    /// may already be visible (only a failed folder fsync after the rename).
    case io(operation: String, file: String, code: Int32, visible: Bool)
    /// Something in the store that unge did not make: a symbolic link, FIFO, device or foreign file
    /// where a store folder (`sager`, `log`, `laase`, `rediger`) or a store file belongs. `found`
    /// says what is there in Danish ("et symbolsk link").
    case foreignEntry(file: String, found: String)
    /// An existing folder given as the store that others can read or enter; unge never changes
    /// the permissions of a folder it did not create.
    case sharedFolder(path: String, mode: Int)
    /// No store at this path (a mistyped `--lager`); only commands that create a case create one.
    case noStore(path: String)
    /// `indstillinger.json` exists but cannot be used; deadlines are not computed with defaults.
    case settingsUnusable(reason: String)
    /// A save that the next read would refuse: the case file would exceed `FileStore.maximumCaseFileBytes`.
    case tooLarge(file: String, bytes: Int)
    /// A free-text field over `FileStore.maximumTextLength` characters (a usage error: exit 2).
    case textTooLong(field: String, length: Int)
    /// A save would drop fields this version does not know, and they cannot be kept safely.
    case unknownDataWouldBeLost(file: String, field: String)
    /// The store cannot be used by this build or this way (a database store in the default build);
    /// the message says what to do.
    case unsupported(String)
    /// The team store refused access (exit 4): the case (if any) is named, never its content.
    case accessRefused(CaseID?)
    /// The database cannot be reached or refused the connection; `location` is the URI without password.
    case connection(location: String, reason: String)
    /// The connection broke while a statement was on its way (the server crashed or was stopped, the
    /// network went): a change may or may not have been saved, so the message never says "nothing changed".
    case connectionLost(location: String, reason: String)
    /// The database reported an error.
    case database(reason: String)
    /// The database has no unge schema yet.
    case noDatabaseSchema(location: String)
    /// The database's schema is not the one this client knows.
    case databaseSchema(location: String, found: Int, known: Int)
    /// The role is not on any team, so it cannot create a case.
    case noTeam(role: String)
    /// `unge lager flyt` refused or stopped (a target with other cases, a user the map lacks, a check
    /// that failed); the message says what to do.
    case move(String)
    /// No team of this name in the team store.
    case unknownTeam(String)

    /// The process exit code the CLI uses: 2 for a too long text (the input was wrong), else 3.
    public var exitCode: Int32 {
        if case .textTooLong = self { return 2 }
        if case .unknownTeam = self { return 2 }
        if case .accessRefused = self { return 4 }
        return 3
    }

    public var description: String {
        switch self {
        case .invalidID(let text):
            return
                "'\(StoreText.quote(text))' er ikke et gyldigt sagsnummer. Et sagsnummer består af bogstaver, tal og bindestreg, fx 2026-0042."
        case .notFound(let id):
            // Quoted with CPR-like digits masked: people type a CPR number where the case id belongs.
            return "Der findes ingen sag med nummeret \(StoreText.quote(id.rawValue)). Se sagerne med 'unge liste'."
        case .conflict(let id, let expected, let actual):
            return
                "Sagen \(id) er ændret af en anden, siden du hentede den (revision \(expected), nu \(actual)). Hent den igen og prøv igen."
        case .locked(let id, let owner, let host, let pid, let since):
            if pid == 0 {
                return
                    "Sagen \(id) er låst af en anden proces, som er i gang med at gemme (låsefilen 'laase/\(id).lock' siger ikke hvem). Der er ventet \(Int(FileStore.defaultLockTimeout)) sekunder. Prøv igen om lidt."
            }
            return
                "Sagen \(id) er låst af '\(StoreText.quote(owner))' (proces \(pid) på \(StoreText.quote(host)), siden \(since)), som er i gang med at gemme. Der er ventet \(Int(FileStore.defaultLockTimeout)) sekunder. Prøv igen om lidt."
        case .newerSchema(let file, let version):
            return
                "Filen '\(file)' er skrevet af en nyere version af unge (skema \(version); denne version kan læse op til \(CaseFile.currentSchemaVersion)). Opdatér unge."
        case .corrupt(let file, let reason):
            return "Filen '\(file)' kan ikke læses: \(reason). Filen er ikke ændret; ret eller gendan den fra backup."
        case .auditFailed(let reason):
            return
                "Revisionssporet (log) kunne ikke skrives: \(reason). Af hensyn til logningspligten er intet vist eller ændret."
        case .auditBroken(let file, let reason):
            return
                "Revisionssporet er brudt ved '\(StoreText.quote(file))': \(reason). Kør 'unge log --kontroller' for hele sporet, og kontakt IT."
        case .io(let operation, let file, let code, let visible):
            let tail =
                visible
                ? "Ændringen er måske gemt, men det kunne ikke bekræftes, at den er skrevet sikkert til disken. Kontrollér sagen."
                : "Intet er ændret."
            return "Kunne ikke \(operation) '\(file)': \(Posix.errorText(code)). \(tail)"
        case .foreignEntry(let file, let found):
            return
                "'\(StoreText.quote(file))' i lageret er \(found), ikke noget unge selv har oprettet. unge følger ikke symbolske links og ændrer ikke filer eller mapper, det ikke selv har lavet, så intet er læst eller ændret. Flyt '\(StoreText.quote(file))' væk fra lageret, og prøv igen."
        case .sharedFolder(let path, let mode):
            let octal = String(mode, radix: 8)
            return
                "Mappen '\(StoreText.quote(path))' kan bruges af andre end dig (rettigheder \(octal)). Lageret rummer personoplysninger, så unge bruger kun en mappe, som alene du har adgang til, og ændrer ikke rettighederne på en mappe, det ikke selv har oprettet. Angiv en ny mappe med --lager (unge opretter den), eller gør lageret privat med 'chmod -R go-rwx \(StoreText.quote(path))', hvis det kun bruges til unge."
        case .noStore(let path):
            return
                "Der er intet lager i '\(StoreText.quote(path))'. Tjek stien i --lager eller UNGE_LAGER. Et nyt lager oprettes kun, når du opretter en sag med 'unge ny' eller 'unge underret' eller gemmer en indstilling med 'unge indstillinger'."
        case .settingsUnusable(let reason):
            return
                "Lagerets indstillinger ('indstillinger.json') kan ikke bruges: \(reason). Frister beregnes ikke med standardindstillinger, for så kunne datoen blive forkert. Ret eller gendan filen fra backup, eller slet den og sæt indstillingerne igen med 'unge indstillinger'."
        case .tooLarge(let file, let bytes):
            let mb = (bytes + (1 << 20) - 1) >> 20
            return
                "Sagen kan ikke gemmes i '\(file)': den ville fylde \(mb) MB, og unge læser højst sager på \(FileStore.maximumCaseFileBytes >> 20) MB. Intet er ændret. Afslut sagen, og opret en ny til de kommende notater."
        case .textTooLong(let field, let length):
            return
                "Teksten i feltet '\(StoreText.quote(field))' er for lang (\(length) tegn; højst \(FileStore.maximumTextLength) tegn i ét felt). Intet er gemt. Del teksten op, fx i flere notater."
        case .unsupported(let message), .move(let message):
            return message
        case .accessRefused(let id):
            if let id {
                return
                    "Du har ikke adgang til sag \(id.rawValue). Forsøget står i revisionssporet. Spørg sagens sagsbehandler eller din leder, hvis du skal have adgang."
            }
            return
                "Du har ikke adgang til det i teamlageret. Forsøget står i revisionssporet. Spørg din leder eller IT."
        case .connection(let location, let reason):
            return
                "Kunne ikke forbinde til teamlageret '\(location)': \(reason). Intet er læst eller ændret. Tjek adressen i --lager eller UNGE_LAGER, og om databasen kører."
        case .connectionLost(let location, let reason):
            return
                "Forbindelsen til teamlageret '\(location)' blev afbrudt undervejs: \(reason). Var du ved at gemme noget, ved unge ikke, om det nåede frem. Se efter med 'unge vis' (eller 'unge liste'), før du prøver igen, så intet kommer med to gange."
        case .database(let reason):
            return "Teamlageret svarede med en fejl: \(reason). Intet er ændret."
        case .noDatabaseSchema(let location):
            return
                "Databasen '\(location)' har intet unge-lager endnu. Databasens ejer opretter det med 'unge lager init \(location)'."
        case .databaseSchema(let location, let found, let known):
            if found > known {
                return
                    "Teamlageret '\(location)' har skema \(found), men denne version af unge kender kun op til \(known). Intet er læst eller ændret. Opdatér unge."
            }
            return
                "Teamlageret '\(location)' har skema \(found), og denne version af unge bruger \(known). Databasens ejer opgraderer med 'unge lager migrer'."
        case .unknownTeam(let team):
            return
                "Holdet '\(StoreText.quote(team))' findes ikke i teamlageret. Holdene sættes op af en administrator med 'unge lager medlem'."
        case .noTeam(let role):
            return
                "Brugeren '\(StoreText.quote(role))' er ikke på noget hold i teamlageret, så der kan ikke oprettes sager. En administrator sætter brugeren på et hold med 'unge lager medlem'."
        case .unknownDataWouldBeLost(let file, let field):
            return
                "Sagen i '\(file)' har felter, som denne version af unge ikke kender (i '\(StoreText.quote(field))'), og de ville gå tabt ved denne ændring. Intet er ændret. Opdatér unge, eller ret sagen med 'unge rediger'."
        }
    }
}

/// A file that could not be listed, with the reason; the other cases still list.
public struct StoreProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file, relative to the store, e.g. `sager/2026-0003.json`.
    public let file: String
    public let error: StoreError

    public init(file: String, error: StoreError) {
        self.file = file
        self.error = error
    }

    public var description: String { error.description }
}

/// Helpers that keep personal data out of messages and log entries.
public enum StoreText {
    /// Replaces every CPR number, in any spelling, with `DDMMYY-xxxx` (the one masker, `CPRMask`).
    public static func maskCPR(_ text: String) -> String { CPRMask.mask(text) }

    /// Danish text for an errno value (for messages outside the store, e.g. `--ud`).
    public static func errorText(_ code: Int32) -> String { Posix.errorText(code) }

    /// A value fit to quote in a message: CPR-like digits masked, control characters shown
    /// escaped (`\u{A}`, never dropped, so the name shown is the name on disk), at most 60
    /// characters of the name itself.
    static func quote(_ text: String) -> String {
        let masked = maskCPR(text)
        let short = masked.count > 60 ? String(masked.prefix(60)) : masked
        return TerminalText.neutralise(short, keepLineBreaks: false) + (masked.count > 60 ? "…" : "")
    }

    /// The one translator of JSON decoding errors into Danish: names the field (`journal[2].text`),
    /// never echoes its value.
    public static func decodingProblem(_ error: Error) -> String {
        guard let d = error as? DecodingError else { return "indholdet kan ikke læses" }
        func path(_ p: [CodingKey], _ extra: CodingKey? = nil) -> String {
            let keys = (extra.map { p + [$0] } ?? p).map { key -> String in
                if let i = key.intValue { return "[\(i)]" }
                return quote(key.stringValue)
            }
            var s = ""
            for k in keys { s += (s.isEmpty || k.hasPrefix("[")) ? k : "." + k }
            return s.isEmpty ? "(roden)" : s
        }
        switch d {
        case .typeMismatch(_, let ctx):
            if ctx.codingPath.isEmpty { return "filen er ikke et JSON-objekt" }
            return "feltet '\(path(ctx.codingPath))' har en forkert type"
        case .valueNotFound(_, let ctx):
            return "feltet '\(path(ctx.codingPath))' mangler en værdi"
        case .keyNotFound(let key, let ctx):
            return "feltet '\(path(ctx.codingPath, key))' mangler"
        case .dataCorrupted(let ctx):
            if ctx.codingPath.isEmpty {
                return "filen er ikke gyldig JSON (den er måske afkortet eller beskadiget)"
            }
            if ctx.debugDescription.contains("uden for årene") {
                return
                    "feltet '\(path(ctx.codingPath))' har et årstal uden for \(LocalDate.supportedYears.lowerBound)-\(LocalDate.supportedYears.upperBound)"
            }
            return "feltet '\(path(ctx.codingPath))' har en ugyldig værdi"
        @unknown default:
            return "indholdet kan ikke læses"
        }
    }

    /// The first string in a JSON document longer than `limit` characters (Unicode scalars, an
    /// escape counting as one), with the key it belongs to; nil if there is none. A linear scan of
    /// the bytes, cheap enough for every save.
    static func overlongText(in json: [UInt8], limit: Int) -> (field: String, length: Int)? {
        var lastKey = ""
        var i = 0
        let n = json.count
        return json.withUnsafeBufferPointer { b -> (field: String, length: Int)? in
            while i < n {
                guard b[i] == UInt8(ascii: "\"") else {
                    i += 1
                    continue
                }
                let start = i + 1
                var j = start
                var length = 0
                while j < n, b[j] != UInt8(ascii: "\"") {
                    if b[j] == UInt8(ascii: "\\") {
                        j += (j + 1 < n && b[j + 1] == UInt8(ascii: "u")) ? 6 : 2
                        length += 1
                    } else {
                        if b[j] & 0xC0 != 0x80 { length += 1 }
                        j += 1
                    }
                }
                var k = j + 1
                while k < n, b[k] == 32 || b[k] == 10 || b[k] == 9 || b[k] == 13 { k += 1 }
                if k < n, b[k] == UInt8(ascii: ":") {
                    lastKey =
                        length <= 200
                        ? String(decoding: UnsafeBufferPointer(rebasing: b[start..<min(j, n)]), as: UTF8.self) : "?"
                } else if length > limit {
                    return (lastKey, length)
                }
                i = j + 1
            }
            return nil
        }
    }
}
