import Testing

@Suite struct CLIPlaceholderTests {
    @Test func builds() { #expect(Bool(true)) }
}
