import Foundation
import Testing

@testable import UngeCore

/// Shared pins for the notification tests: time zone, fixtures, working-day arithmetic.
enum NotificationTestSupport {
    static let copenhagen = TimeZone(identifier: "Europe/Copenhagen")!

    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/underret")
    }

    static func draft(_ name: String) throws -> ConcernReportDraft {
        let data = try Data(contentsOf: fixtures.appendingPathComponent(name))
        return try UngeJSON.decoder().decode(ConcernReportDraft.self, from: data)
    }

    /// Local time in Copenhagen.
    static func at(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int) -> Date {
        LocalTime.instant(LocalDate(year: y, month: m, day: d)!, hour: h, minute: min, in: copenhagen)
    }

    static func day(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }

    static let calendar = DanishCalendar()

    /// Working-day arithmetic (the Danish calendar, default settings).
    static func addWorkingDays(_ n: Int, _ date: LocalDate) -> LocalDate { calendar.addingWorkingDays(n, to: date).due }

    static func workingDaysBetween(_ a: LocalDate, _ b: LocalDate) -> Int { calendar.workingDays(from: a, to: b) }

    /// Compares `text` with the golden file `name`; re-records it when UNGE_RECORD=1.
    static func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UNGE_RECORD"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        if golden != text {
            let a = golden.components(separatedBy: "\n")
            let b = text.components(separatedBy: "\n")
            var diff: [String] = []
            for i in 0..<max(a.count, b.count) where (i < a.count ? a[i] : nil) != (i < b.count ? b[i] : nil) {
                diff.append("linje \(i + 1):\n- \(i < a.count ? a[i] : "")\n+ \(i < b.count ? b[i] : "")")
                if diff.count >= 5 { break }
            }
            let message = "\(name) afviger fra golden-filen:\n" + diff.joined(separator: "\n")
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }
}
