import Foundation
import Testing

@testable import UngeCore

@Suite("Dansk tid")
struct DanishTimeTests {
    func utc(_ s: String) -> Date { UngeJSON.parseTimestamp(s)! }

    @Test("vintertid er UTC+1, sommertid UTC+2")
    func offsets() {
        #expect(DanishTime.offset(at: utc("2026-01-15T12:00:00Z")) == 3600)
        #expect(DanishTime.offset(at: utc("2026-07-15T12:00:00Z")) == 7200)
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        #expect(DanishTime.offset(at: utc("2026-03-29T00:59:59Z")) == 3600)
        #expect(DanishTime.offset(at: utc("2026-03-29T01:00:00Z")) == 7200)
        #expect(DanishTime.offset(at: utc("2026-10-25T00:59:59Z")) == 7200)
        #expect(DanishTime.offset(at: utc("2026-10-25T01:00:00Z")) == 3600)
    }

    @Test("lokal dato skifter ved dansk midnat, ikke UTC-midnat")
    func localDate() {
        #expect(DanishTime.date(of: utc("2026-12-31T23:30:00Z")).iso == "2027-01-01")
        #expect(DanishTime.format(utc("2026-06-01T07:05:00Z")) == "01.06.2026 kl. 09.05")
        let i = DanishTime.instant(LocalDate(year: 2026, month: 6, day: 1)!, hour: 9, minute: 5)
        #expect(UngeJSON.formatTimestamp(i) == "2026-06-01T07:05:00Z")
        let w = DanishTime.instant(LocalDate(year: 2026, month: 1, day: 1)!, hour: 0)
        #expect(UngeJSON.formatTimestamp(w) == "2025-12-31T23:00:00Z")
    }
}
