import Foundation
import UngeCore
import UngeStore

/// `unge eksport <id> --anonym`: an anonymised copy of a case for counselling and anonymous case
/// discussion (sparring, handbook ch. 6); `unge eksport <id> --arkiv --ud MAPPE`: the archive copy
/// for the municipality's archive (`CaseArchive`, with checksums). Audited as an export.
struct EksportCommand: UngeCommand {
    static let spec = CommandSpec(
        name: "eksport",
        summary: "Lav en anonymiseret kopi af en sag til sparring, eller en arkivkopi",
        arguments: [.caseID],
        discussion: "Laver en kopi af sagen til anonym sparring og faglig drøftelse (håndbogens kapitel 6).\n"
            + "Den unge bliver 'den unge (15 år)', netværkets personer bliver deres relation ('mor', 'klasselærer'),\n"
            + "CPR-numre, telefonnumre, e-mailadresser, adresser og navne på skoler og arbejdssteder fjernes eller gøres\n"
            + "generelle, og datoer bliver relative ('for 3 måneder siden'). Al fritekst gennemsøges for sagens kendte\n"
            + "navne (også fornavne) og for tal, der ligner CPR-numre. Til sidst står, hvad der er erstattet.\n"
            + "Læs altid fritekst igennem, før du deler kopien. Udtrækket skrives i revisionssporet.\n"
            + "Med --arkiv --ud MAPPE skrives i stedet en arkivkopi til kommunens arkiv i MAPPE/<sag>/: sagen som\n"
            + "JSON (med CPR-nummer), som læsbar HTML, revisionssporet, manifest.json og SHA256SUMS med kontrolsummer\n"
            + "(kan tjekkes med 'sha256sum -c SHA256SUMS'). Kopien læses tilbage og kontrolleres, før unge melder OK.",
        options: [
            OptionSpec("--anonym", help: "Anonymisér kopien (til sparring)."),
            OptionSpec("--arkiv", help: "Skriv en arkivkopi med kontrolsummer til mappen i --ud (med CPR-nummer)."),
            .format, .output,
        ],
        examples: [
            ("unge eksport 2026-0002 --anonym", "Vis en anonymiseret kopi som tekst"),
            ("unge eksport 2026-0002 --anonym --format html --ud sparring.html", "Skriv den som HTML til en fil"),
            ("unge eksport 2026-0002 --arkiv --ud ~/arkiv", "Skriv en arkivkopi til ~/arkiv/2026-0002/"),
        ],
        positionals: 1...1, positionalNames: ["sagsnummeret"])

    let id: CaseID
    let format: DocumentFormat
    let outPath: String?
    let archive: Bool

    init(_ args: ParsedArguments) throws {
        id = try Values.caseID(args.positional(0)!)
        archive = args.has("--arkiv")
        if archive && args.has("--anonym") {
            throw UsageError.message(
                "Vælg enten --anonym (en kopi til sparring) eller --arkiv (en arkivkopi), ikke begge.")
        }
        guard args.has("--anonym") || archive else {
            throw UsageError.missingInput(
                ["--anonym (en anonymiseret kopi) eller --arkiv --ud MAPPE (en arkivkopi)"], command: "eksport")
        }
        if archive && (args.value("--ud") ?? "").isEmpty {
            throw UsageError.message(
                "En arkivkopi indeholder CPR-nummeret og skrives aldrig til skærmen. Angiv en mappe med --ud, fx 'unge eksport \(id) --arkiv --ud ~/arkiv'."
            )
        }
        format = try DocumentFormat.parse(args)
        outPath = args.value("--ud")
        if let outPath, outPath.isEmpty {
            throw UsageError.invalidValue(
                option: "--ud", value: outPath, expected: "Angiv et filnavn, fx --ud sparring.md.")
        }
    }

    func run(_ ctx: Context) throws -> Int32 {
        let store = try ctx.store
        if archive, let outPath {
            let copy = try ArchiveCopy.write(id, to: outPath, store: store, ctx: ctx)
            ctx.console.print(
                "Arkivkopien af sag \(id) (revision \(copy.revision)) er skrevet til \(copy.path) og kontrolleret.")
            return ExitCode.ok
        }
        if let outPath { try DocumentFile.checkTarget(outPath, ctx: ctx) }
        let file = try store.load(id)
        let copy = AnonymousCase.build(file, today: ctx.today)
        let text: String
        switch format {
        case .md: text = MarkdownRenderer.render(copy.document)
        case .html: text = HTMLRenderer.render(copy.document)
        case .json: text = try JSONOutput.render(copy) + "\n"
        }
        try store.appendAudit(
            ctx.event(
                .export, caseID: id, before: file.revision, after: file.revision,
                criterion: outPath.map { ExportTrail.criterion("anonymiseret", path: $0) } ?? "anonymiseret"))
        if let outPath {
            try DocumentFile.write(text, to: outPath, ctx: ctx)
            ctx.console.error("Skrevet til \(outPath). Læs fritekst igennem, før du deler den.")
        } else {
            ctx.console.write(text)
        }
        return ExitCode.ok
    }
}
