import Foundation

// Records that later capabilities fill in. Each lives in its own file once it grows; they are
// declared here so that `CaseFile` has a place for them from the first schema version.

/// A record made with one of the dialogue tools (livslinje, livshjul, fordele/ulempe-skema,
/// bekymringsbue, netværksmøde, SSD-møde), handbook ch. 4-6.
public struct ToolRecord: Codable, Sendable, Equatable {
    /// Which tool: `lifeline`, `lifeWheel`, `prosCons`, `concernArc`, `networkMeeting`, `ssdMeeting`, `dialogue`.
    public var tool: String
    public var date: LocalDate
    public var author: String?
    public var summary: String?

    public init(tool: String, date: LocalDate, author: String? = nil, summary: String? = nil) {
        self.tool = tool
        self.date = date
        self.author = author
        self.summary = summary
    }
}
