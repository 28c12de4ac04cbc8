import Testing
@testable import UngeStore

@Suite struct StorePlaceholderTests {
    @Test func builds() { #expect(Bool(true)) }
}
