import Testing

@testable import UngeCore

@Suite("Dialogredskaber")
struct ToolRecordTests {
    let day = LocalDate(year: 2026, month: 9, day: 1)!

    @Test(
        "redskaber kendes på nøgleord, dansk navn og id",
        arguments: [
            ("netvaerksmoede", DialogueTool.networkMeeting), ("netværksmøde", .networkMeeting),
            ("ambivalensskema", .prosCons),
            ("lifeline", .lifeline), ("SSD-møde", .ssdMeeting),
        ])
    func parse(_ text: String, _ tool: DialogueTool) {
        #expect(DialogueTool.parse(text) == tool)
    }

    @Test("ukendt redskab")
    func unknown() {
        #expect(DialogueTool.parse("tegning") == nil)
        #expect(DialogueTool.danishName(ofID: "somethingElse") == "somethingElse")
    }

    @Test("to SSD-møder er i orden, det tredje giver en advarsel efter retssikkerhedsloven § 11 e stk. 2")
    func ssdLimit() throws {
        let two = [
            ToolRecord(tool: "ssdMeeting", date: day), ToolRecord(tool: "ssdMeeting", date: day),
            ToolRecord(tool: "lifeline", date: day),
        ]
        #expect(ToolRules.findings(for: two, on: day).isEmpty)
        let three = two + [ToolRecord(tool: "ssdMeeting", date: day)]
        let f = ToolRules.findings(for: three, on: day)
        try #require(f.count == 1)
        #expect(f[0].severity == .warning)
        #expect(f[0].legalReference == .ssdExchange)
        #expect(f[0].citation == "retssikkerhedsloven § 11 e, stk. 2 (tidl. serviceloven § 49 a)")
    }
}
