import Foundation
import UngeCore
import UngeStore

/// `unge indsigt <sag> --ud MAPPE`: the young person's access extract (indsigt, GDPR art. 15 and
/// forvaltningsloven § 9) as HTML and JSON, with a separate review note for the caseworker
/// (`AccessExtract`). Audited as an export before anything is written.
struct IndsigtCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "indsigt",
        summary: "Den unges indsigtsudtræk: alt om den unge, og hvem der har set det",
        arguments: [.caseID],
        discussion: """
            Skriver alt, hvad lageret har om den unge i sagen, på letlæseligt dansk til en mappe:
            indsigt-<sag>.html (til udskrift eller Digital Post), indsigt-<sag>.json og gennemgang-<sag>.html.
            Udtrækket rummer sagens oplysninger, underretninger, undersøgelse, planer, afgørelser, hele journalen
            og alle breve, og fra revisionssporet hvornår sagen er læst eller ændret, med hvilket formål og af
            hvilken enhed og stilling (databeskyttelsesforordningen art. 15; EU-Domstolen, sag C-579/21).
            Medarbejdernes navne skrives ikke som standard, men som 'medarbejder A' osv.; det, loven giver
            kommunen lov til at undtage (fx en privat underretters navn, andre personers oplysninger og kladder),
            er markeret med ⚑ og forklaret i gennemgang-<sag>.html, som er til dig og IKKE skal udleveres.
            Udtrækket indeholder CPR-nummeret og skrives derfor kun til filer (nye, 0600). Det skrives i
            revisionssporet.
            """,
        options: [
            OptionSpec("--ud", value: "MAPPE", help: "Mappen, udtrækket skrives til (oprettes, hvis den ikke findes)."),
            OptionSpec(
                "--medarbejdernavne", help: "Skriv medarbejdernes navne i udtrækket (når den unge har brug for dem)."),
            .date,
        ],
        examples: [
            ("unge indsigt 2026-0011 --ud ~/indsigt", "Skriv udtrækket for sag 2026-0011 til ~/indsigt"),
            ("unge indsigt 2026-0011 --ud ~/indsigt --overskriv", "Skriv det igen over et tidligere udtræk"),
        ],
        positionals: 1...1, positionalNames: ["sagsnummeret"])

    let id: CaseID
    let folder: String
    let names: Bool
    let day: LocalDate?

    init(_ args: ParsedArguments) throws {
        id = try Values.caseID(args.positional(0)!)
        guard let out = args.value("--ud"), !out.isEmpty else {
            throw UsageError.message(
                "Udtrækket indeholder CPR-nummeret og skrives aldrig til skærmen. Angiv en mappe med --ud, fx 'unge indsigt \(id) --ud ~/indsigt'."
            )
        }
        folder = out
        names = args.has("--medarbejdernavne")
        day = try args.value("--dato").map { try Values.date($0, option: "--dato") }
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.store
        let file = try store.load(id)
        let today = day ?? ctx.today
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let files = ["indsigt-\(id).html", "indsigt-\(id).json", "gennemgang-\(id).html"].map { base + "/" + $0 }
        // Check the folder and every target before anything is logged or written.
        var st = stat()
        if lstat(base, &st) == 0 {
            for f in files {
                if case .failure(let p) = OutputFiles.check(f, overwrite: ctx.overwrite, storeRoot: ctx.storeFolder) {
                    throw UsageError.invalidValue(option: "--ud", value: f, expected: p.reason)
                }
            }
        }
        let settings = try store.loadSettings()
        let events = try store.auditEvents(for: id).events
        let consultations = events.map {
            AccessExtract.Consultation(
                time: $0.time, action: $0.action.rawValue, command: $0.command, user: $0.user, inList: $0.caseID != id)
        }
        let staff = settings.users.map {
            AccessExtract.Staff(user: $0.key, fullName: $0.value.fullName, title: $0.value.title)
        }
        .sorted { $0.user < $1.user }
        var drafts: [String] = []
        for command in ["underret", "undersoeg", "plan", "behandlingsplan", "brev", "vaerktoej", "check", "indsats"] {
            if (try? store.loadDraft(command: command, caseID: id)) != nil { drafts.append(command) }
        }
        let extract = AccessExtract.build(
            file, consultations: consultations, staff: staff, unit: settings.unit, drafts: drafts, today: today,
            showEmployeeNames: names)
        var letterhead = try ctx.letterhead(store: store, caseID: id, date: today)
        if !names {
            // The employee who made the extract is not named either (C-579/21); the unit is.
            letterhead.author = nil
            letterhead.authorTitle = nil
        }
        var doc = extract.document
        doc.letterhead = letterhead
        let html = HTMLRenderer.render(doc)
        let json = try JSONOutput.render(extract.payload) + "\n"
        let review = HTMLRenderer.render(extract.review)
        do {
            for w in try OutputFiles.prepareFolder(base, storeRoot: ctx.storeFolder) { ctx.console.error(w) }
        } catch let p {
            throw UsageError.invalidValue(option: "--ud", value: folder, expected: p.reason)
        }
        try store.appendAudit(
            ctx.event(
                .export, caseID: id, before: file.revision, after: file.revision,
                criterion: ExportTrail.criterion("indsigt", path: base)))
        var written: [String] = []
        for (path, text) in zip(files, [html, json, review]) {
            do { try OutputFiles.write(text, to: path, overwrite: ctx.overwrite, storeRoot: ctx.storeFolder) } catch let
                p
            {
                for w in written { unlink(w) }
                throw CLIError.data(
                    "Indsigtsudtrækket kunne ikke skrives til '\(path)': \(p.reason) Intet er udleveret.")
            }
            written.append(path)
        }
        ctx.console.print("Indsigtsudtrækket for sag \(id) er skrevet til \(base):")
        ctx.console.print("  indsigt-\(id).html og indsigt-\(id).json: til den unge, efter gennemgang")
        ctx.console.print(
            "  gennemgang-\(id).html: til dig – \(Plural.count(extract.payload.review.count, "punkt", "punkter")) at tage stilling til før udlevering (IKKE til den unge)"
        )
        return ExitCode.ok
    }
}
