import Foundation
import Testing

@testable import UngeCore

/// The tools' content: validation, the flag forms, old records and the journal text.
@Suite("Dialogredskabernes indhold")
struct ToolContentTests {
    let today = LocalDate(year: 2026, month: 9, day: 1)!

    func validate(_ input: ToolInput, _ tool: DialogueTool, earlier: [ToolRecord] = []) -> Result<
        ToolRecord, ToolInputErrors
    > {
        ToolValidation.validate(input, tool: tool, date: today, today: today, author: "Lene", earlier: earlier)
    }

    func messages(_ r: Result<ToolRecord, ToolInputErrors>) -> String {
        if case .failure(let e) = r { return e.description }
        return ""
    }

    @Test("et livshjul med egne og foreslåede områder, nu og ønsket")
    func lifeWheel() throws {
        var input = ToolInput()
        input.areas = [.init(name: "venner", now: 4, wished: 8, words: "Savner nogen"), .init(name: "Fodbold", now: 8)]
        input.ownAreas = ["fodbold"]
        let record = try validate(input, .lifeWheel).get()
        #expect(
            record.lifeWheel
                == LifeWheel(areas: [
                    LifeArea(name: "venner", now: 4, wished: 8, words: "Savner nogen"),
                    LifeArea(name: "fodbold", now: 8),
                ]))
        #expect(record.tool == "lifeWheel")
        #expect(
            ToolText.journal(record)
                == "Livshjul brugt 01.09.2026. Livshjulet (nu, ønsket): venner 4/8 (\"Savner nogen\"); fodbold 8.")
    }

    @Test("et område fra et tidligere livshjul kendes igen; 'oekonomi' er økonomi")
    func earlierAreas() throws {
        let earlier = [
            ToolRecord(tool: "lifeWheel", date: today, lifeWheel: LifeWheel(areas: [LifeArea(name: "fodbold", now: 5)]))
        ]
        var input = ToolInput()
        input.areas = [.init(name: "fodbold", now: 6), .init(name: "oekonomi", now: 3, wished: 6)]
        let record = try validate(input, .lifeWheel, earlier: earlier).get()
        #expect(record.lifeWheel?.areas.map(\.name) == ["fodbold", "økonomi"])
    }

    @Test("point uden for 1-10 og ukendte områder afvises med de gyldige værdier")
    func badScores() {
        var input = ToolInput()
        input.areas = [
            .init(name: "venner", now: 11), .init(name: "familie", now: 5, wished: 0), .init(name: "månen", now: 3),
        ]
        let text = messages(validate(input, .lifeWheel))
        #expect(text.contains("Point for 'venner' nu er 11, men skal være et helt tal fra 1 til 10."))
        #expect(text.contains("Ønsket point for 'familie' er 0, men skal være et helt tal fra 1 til 10."))
        #expect(
            text.contains(
                "Området 'månen' kendes ikke. Brug et af: kærlighed, bolig, fritid, venner, økonomi, familie, skole, arbejde, helbred, eller tilføj det som den unges eget område med --eget-omraade \"månen\"."
            ))
    }

    @Test("en livslinje: hændelser i tidsorden; en hændelse i fremtiden afvises")
    func lifeline() throws {
        var input = ToolInput()
        input.events = [
            .init(date: "2025-09-01", kind: "ned", text: "Begyndte at ryge"),
            .init(date: "2019-08-15", kind: "op", text: "Fodbold"),
        ]
        let record = try validate(input, .lifeline).get()
        #expect(record.lifeline?.events.map(\.text) == ["Fodbold", "Begyndte at ryge"])
        #expect(record.lifeline?.events.map(\.kind) == [.high, .low])
        input.events.append(.init(date: "2026-09-02", kind: "op", text: "I morgen"))
        #expect(
            messages(validate(input, .lifeline))
                == "Hændelsen 'I morgen' er dateret 02.09.2026, som ligger i fremtiden. En livslinje rummer kun det, der er sket."
        )
        input.events = [.init(date: "2025-01-01", kind: "sidelæns", text: "x")]
        #expect(messages(validate(input, .lifeline)).contains("Vælg op (højdepunkt) eller ned (lavpunkt)."))
    }

    @Test(
        "forandringscirklen: seks faser, tilbagefald er et mærke, ikke en fase",
        arguments: [
            ("foerovervejelse", StageOfChange.precontemplation), ("før-overvejelse", .precontemplation),
            ("overvejelse", .contemplation),
            ("planlægning", .preparation), ("planlaegning", .preparation), ("handling", .action),
            ("vedligeholdelse", .maintenance), ("afslutning", .exit),
        ])
    func stages(_ text: String, _ stage: StageOfChange) throws {
        var input = ToolInput()
        input.stage = text
        input.relapse = true
        let record = try validate(input, .stagesOfChange).get()
        #expect(record.stage == StageOfChangeRecord(stage: stage, relapse: true))
    }

    @Test("ukendt fase og 'tilbagefald' som fase afvises med de seks faser")
    func unknownStage() {
        var input = ToolInput()
        input.stage = "tilbagefald"
        let text = messages(validate(input, .stagesOfChange))
        #expect(
            text
                == "Fasen 'tilbagefald' kendes ikke. Vælg en af de seks faser: foerovervejelse, overvejelse, forberedelse, handling, vedligeholdelse, afslutning. Tilbagefald er ikke en fase: giv den fase, den unge er i nu, og skriv --tilbagefald."
        )
        input.stage = "månefase"
        #expect(
            messages(validate(input, .stagesOfChange)).hasPrefix(
                "Fasen 'månefase' kendes ikke. Vælg en af de seks faser"))
    }

    @Test("fordele og ulemper med vægt og sandsynlighed; uden vægt eller over 10 afvises")
    func prosCons() throws {
        var input = ToolInput()
        input.topic = "Holde op med hash"
        input.changePros = [.init(text: "Slippe for udgiften", importance: 8, likelihood: 6)]
        input.statusQuoCons = [.init(text: "Træt", importance: 7)]
        let record = try validate(input, .prosCons).get()
        #expect(record.prosCons?.weight(.changePros) == 8)
        #expect(record.prosCons?.statusQuoCons.first?.text == "Træt")
        input.changeCons = [.init(text: "Abstinenser"), .init(text: "Venner", importance: 12)]
        let text = messages(validate(input, .prosCons))
        #expect(
            text.contains(
                "Punktet 'Abstinenser' under ulemper ved at forandre mangler sin vægt (1-10), fx --ulempe-forandring \"Abstinenser=7\"."
            ))
        #expect(text.contains("Vægten af 'Venner' er 12, men skal være et helt tal fra 1 til 10."))
    }

    @Test("bekymringsbuen genbruger underretningens niveau og 'højere/lavere hvis'")
    func concernArc() throws {
        var input = ToolInput()
        input.level = "roed"
        input.raiseIf = "Hvis han udebliver"
        let record = try validate(input, .concernArc).get()
        #expect(record.concernArc == ConcernArcPlacement(level: .red, raiseIf: "Hvis han udebliver"))
        input.level = "lilla"
        #expect(
            messages(validate(input, .concernArc))
                == "Niveauet 'lilla' kendes ikke. Vælg grøn (groen), orange eller rød (roed).")
    }

    @Test(
        "et tomt redskab afvises med et eksempel; et møde uden indhold er en registrering af brug",
        arguments: [
            (
                DialogueTool.lifeWheel,
                "Der er intet indhold i livshjul, så der er intet at gemme. Giv mindst ét område med point, fx --score venner=4/8."
            ),
            (
                .lifeline,
                "Der er intet indhold i livslinje, så der er intet at gemme. Giv mindst én hændelse, fx --hoejdepunkt \"2025-06-01: Fik læreplads\" eller --lavpunkt \"...\"."
            ),
            (
                .stagesOfChange,
                "Der er intet indhold i forandringscirklen, så der er intet at gemme. Giv fasen med --fase foerovervejelse|overvejelse|forberedelse|handling|vedligeholdelse|afslutning."
            ),
        ])
    func empty(_ tool: DialogueTool, _ message: String) throws {
        #expect(messages(validate(ToolInput(), tool)) == message)
        #expect(try validate(ToolInput(), .ssdMeeting).get().hasContent == false)
    }

    @Test("indhold fra et andet redskab afvises")
    func wrongContent() {
        var input = ToolInput()
        input.stage = "handling"
        #expect(
            messages(validate(input, .lifeWheel)).hasPrefix(
                "Fasen (--fase, --tilbagefald) hører til forandringscirklen, ikke til livshjul."))
    }

    @Test("en dato i fremtiden afvises")
    func futureDate() {
        var input = ToolInput()
        input.stage = "handling"
        let r = ToolValidation.validate(
            input, tool: .stagesOfChange, date: today.adding(days: 1), today: today, author: nil, earlier: [])
        #expect(messages(r).hasPrefix("Datoen 02.09.2026 ligger i fremtiden."))
    }

    @Test("flagformerne OMRÅDE=N/ØNSKET, DATO: TEKST og TEKST=VÆGT/SANDSYNLIGHED")
    func flagSyntax() throws {
        #expect(try ToolFlagSyntax.score("venner=4/8").get() == ToolInput.Area(name: "venner", now: 4, wished: 8))
        #expect(try ToolFlagSyntax.score("skole = 3").get() == ToolInput.Area(name: "skole", now: 3))
        #expect((try? ToolFlagSyntax.score("venner=fire").get()) == nil)
        #expect((try? ToolFlagSyntax.score("venner").get()) == nil)
        #expect(
            ToolFlagSyntax.event("2025-06-01: Fik læreplads", kind: .high)
                == ToolInput.Event(date: "2025-06-01", kind: "high", text: "Fik læreplads"))
        #expect(
            ToolFlagSyntax.event("01.06.2025 Mistede den", kind: .low)
                == ToolInput.Event(date: "01.06.2025", kind: "low", text: "Mistede den"))
        #expect(
            try ToolFlagSyntax.item("Slippe for udgiften=8/5").get()
                == ToolInput.Item(text: "Slippe for udgiften", importance: 8, likelihood: 5))
        #expect(try ToolFlagSyntax.item("Uden vægt").get() == ToolInput.Item(text: "Uden vægt"))
        #expect((try? ToolFlagSyntax.item("x=99999999999999999999").get()) == nil)
    }

    @Test("gamle registreringer uden indhold kan stadig læses")
    func oldRecords() throws {
        let json = #"{"tool":"lifeline","date":"2026-08-20","author":"Lene","summary":"Vendepunkt: ny klasse"}"#
        let r = try UngeJSON.decoder().decode(ToolRecord.self, from: Data(json.utf8))
        #expect(
            r
                == ToolRecord(
                    tool: "lifeline", date: LocalDate(year: 2026, month: 8, day: 20)!, author: "Lene",
                    summary: "Vendepunkt: ny klasse"))
        #expect(!r.hasContent)
        let stage = #"{"stage":"action"}"#
        #expect(
            try UngeJSON.decoder().decode(StageOfChangeRecord.self, from: Data(stage.utf8))
                == StageOfChangeRecord(stage: .action))
    }

    @Test("et redskab med indhold gemmes og læses ens")
    func roundTrip() throws {
        let r = ToolRecord(
            tool: "prosCons", date: today, author: "Lene", summary: "Fint",
            prosCons: ProsConsTable(
                topic: "Hash", changePros: [ProsConsItem(text: "Penge", importance: 8, likelihood: 4)]))
        let data = try UngeJSON.encoder().encode(r)
        #expect(try UngeJSON.decoder().decode(ToolRecord.self, from: data) == r)
    }

    @Test("forandringscirklen tæller som dialogredskab i kapitel 4's tjekliste")
    func checklist() {
        let e = CaseEvidence(today: today, tools: [ToolEvidence(tool: "stagesOfChange", date: today)])
        #expect(ToolUsedRule.dialogue.evaluate(e).answer == .yes)
    }

    @Test("håndredigerede værdier uden for skalaen: fundet til 'unge rediger', og tegningerne går ikke ned")
    func storedValues() throws {
        let r = ToolRecord(
            tool: "prosCons", date: today,
            prosCons: ProsConsTable(changePros: [
                ProsConsItem(text: "x", importance: Int.max), ProsConsItem(text: "y", importance: Int.max),
            ]))
        #expect(
            ToolValidation.storedProblem(in: [r])
                == "fordele/ulempe-skema fra 01.09.2026 har et point på \(Int.max); point skal være fra 1 til 10.")
        #expect(r.prosCons?.weight(.changePros) == 20)
        let stage = ToolRecord(tool: "stagesOfChange", date: today, stage: StageOfChangeRecord(stage: .relapse))
        #expect(ToolValidation.storedProblem(in: [stage])?.contains("relapse") == true)
        var file = CaseFile(
            id: CaseID("2026-0001")!, created: DanishTime.instant(today), youngPerson: YoungPerson(name: "Test"))
        file.toolRecords = [
            r, stage,
            ToolRecord(
                tool: "lifeWheel", date: today,
                lifeWheel: LifeWheel(areas: [LifeArea(name: "a", now: Int.min, wished: Int.max)])),
        ]
        for tool in ToolPictures.drawable { _ = ToolPictures.svg(tool, for: file) }
        #expect(ToolValidation.storedProblem(in: [ToolRecord(tool: "lifeline", date: today)]) == nil)
    }
}
