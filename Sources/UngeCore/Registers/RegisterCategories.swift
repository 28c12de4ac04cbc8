import Foundation

/// The mapping from the tool's notifier kinds to Danmarks Statistik's notifier categories, shipped
/// as data. DST's own lists (11 notifier relations, 16 reasons, from 2017 with additions in 2022 and
/// 2024) are not in our sources (REGISTERS.md, confidence U): every row is marked unverified until a
/// municipality has checked it against DST's current list, and the extracts carry that mark.
public enum RegisterCategories {
    /// One row of a mapping: the tool's value, DST's category as we believe it is named, and whether
    /// a municipality has confirmed it.
    public struct Row: Sendable, Equatable, Codable {
        public var tool: String
        public var dstCategory: String
        public var verified: Bool
    }

    /// Notifier kind → DST notifier category (unverified).
    public static let notifier: [Row] = [
        Row(tool: NotifierKind.school.rawValue, dstCategory: "Skole, PPR, UU", verified: false),
        Row(
            tool: NotifierKind.daycareOrClub.rawValue, dstCategory: "Dagtilbud, fritids- og klubtilbud", verified: false
        ),
        Row(tool: NotifierKind.health.rawValue, dstCategory: "Sundhedsvæsenet", verified: false),
        Row(tool: NotifierKind.police.rawValue, dstCategory: "Politi", verified: false),
        Row(tool: NotifierKind.socialServices.rawValue, dstCategory: "Kommunal forvaltning", verified: false),
        Row(tool: NotifierKind.otherProfessional.rawValue, dstCategory: "Anden offentlig ansat", verified: false),
        Row(tool: NotifierKind.parent.rawValue, dstCategory: "Forældre, familie, netværk", verified: false),
        Row(tool: NotifierKind.youngPerson.rawValue, dstCategory: "Barnet/den unge selv", verified: false),
        Row(tool: NotifierKind.otherPrivate.rawValue, dstCategory: "Anden privatperson", verified: false),
        Row(tool: NotifierKind.anonymous.rawValue, dstCategory: "Anonym", verified: false),
    ]

    /// The reason of a notification: the tool records no reason category yet, so every notification
    /// is reported with this value (see Fixtures/indberetning/README.md).
    public static let reasonNotRecorded = Row(tool: "uoplyst", dstCategory: "Uoplyst", verified: false)

    /// The DST category for a notifier kind.
    public static func category(for kind: NotifierKind) -> Row {
        notifier.first { $0.tool == kind.rawValue }
            ?? Row(tool: kind.rawValue, dstCategory: "Uoplyst", verified: false)
    }
}
