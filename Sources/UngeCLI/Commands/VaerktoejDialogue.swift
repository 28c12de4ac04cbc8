import Foundation
import UngeCore

/// The guided questions for one tool's content (on a terminal, or with `--interaktiv`). Each answer
/// is checked as it is given; the whole input is validated again before anything is saved. It runs
/// in the same save pipeline as the document dialogues: drafts, resume and g/r/k/x.
struct VaerktoejDialogue {
    let console: Console

    func ask(_ p: DialogueSession, _ tool: DialogueTool) throws -> ToolInput {
        var input = ToolInput()
        p.plan(sections: [tool.danish.capitalizedFirstLetter, "Resumé"])
        p.section(tool.danish.capitalizedFirstLetter)
        p.say("Tom linje går videre.")
        switch tool {
        case .lifeWheel:
            p.say(
                console.dim(
                    "Foreslåede områder: \(LifeWheel.suggestedAreas.joined(separator: ", ")). Den unge må gerne selv navngive andre."
                ))
            while let name = try p.ask("Område") {
                if !LifeWheel.suggestedAreas.contains(where: { ToolValidation.ascii($0) == ToolValidation.ascii(name) })
                {
                    guard
                        try p.yesNo(
                            "'\(name)' er ikke et af de foreslåede områder. Er det den unges eget område?",
                            defaultValue: true)
                    else { continue }
                    input.ownAreas.append(name)
                }
                let now = try p.ask("Point nu (1-10)", parse: score)!
                let wished = try p.ask(
                    "Sådan ønsker den unge det (1-10, kan springes over)", required: false, parse: score)
                let words = try p.ask("Den unges egne ord (kan springes over)")
                input.areas.append(ToolInput.Area(name: name, now: now, wished: wished, words: words))
            }
        case .lifeline:
            while let dateText = try p.ask("Dato for hændelsen (ÅÅÅÅ-MM-DD)") {
                let kind = try p.ask(
                    "Op (godt) eller ned (svært)",
                    parse: { t in
                        LifeEventKind.parse(t).map { .success($0) } ?? .failure(.message("Svar op eller ned."))
                    })!
                let text = try p.ask("Kort om hvad der skete", required: true) ?? ""
                input.events.append(ToolInput.Event(date: dateText, kind: kind.rawValue, text: text))
            }
        case .prosCons:
            input.topic = try p.ask("Hvilken forandring handler det om (fx holde op med hash)")
            for cell in ProsConsCell.allCases {
                p.say(
                    console.dim(
                        "\(cell.danish.capitalizedFirstLetter): skriv TEKST=VÆGT (1-10), evt. TEKST=VÆGT/SANDSYNLIGHED."
                    ))
                while let item = try p.ask(
                    cell.danish.capitalizedFirstLetter,
                    parse: { t in
                        switch ToolFlagSyntax.item(t) {
                        case .success(let i) where i.importance != nil: return .success(i)
                        case .success: return .failure(.message("Giv punktet en vægt fra 1 til 10, fx \(t)=7."))
                        case .failure(let e): return .failure(.message(e.description))
                        }
                    })
                {
                    input.append(item, to: cell)
                }
            }
        case .stagesOfChange:
            let stage =
                try p.choose("Fase (nummer eller navn)", from: StageOfChange.sixStages, label: \.danish)
                ?? StageOfChange.sixStages[0]
            input.stage = stage.rawValue
            input.relapse = try p.yesNo("Er den unge i fasen efter et tilbagefald?", defaultValue: false) ? true : nil
        case .concernArc:
            let level = try p.ask(
                "Niveau (grøn, orange eller rød)",
                parse: { t in
                    ConcernLevel.parse(t).map { .success($0) } ?? .failure(.message("Svar grøn, orange eller rød."))
                })!
            input.level = level.rawValue
            input.raiseIf = try p.ask("Hvad ville flytte viseren mod rød (kan springes over)")
            input.lowerIf = try p.ask("Hvad ville flytte viseren mod grøn (kan springes over)")
        case .ssdMeeting:
            p.say(
                console.dim(
                    "Uden samtykke må oplysninger om den unge kun udveksles på ét SSD-møde og undtagelsesvis ét opfølgende møde (retssikkerhedsloven § 11 e, stk. 2)."
                ))
            if try p.yesNo("Blev oplysningerne udvekslet med samtykke?", defaultValue: false) {
                input.consentGivenBy = try p.ask(
                    "Hvem gav samtykket? (den unge eller forældremyndigheden)", required: true)
            }
        default:
            break
        }
        p.section("Resumé")
        input.summary = try p.ask("Resumé: aftaler, vendepunkter (kan springes over)")
        return input
    }

    func score(_ text: String) -> Result<Int, UsageError> {
        guard let n = Int(text), ToolValidation.scale.contains(n) else {
            return .failure(.message("Skriv et helt tal fra 1 til 10."))
        }
        return .success(n)
    }
}
