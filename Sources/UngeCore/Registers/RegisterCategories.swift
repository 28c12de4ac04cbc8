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

    /// Notification reason (bekymringsområde) → DST reason category (unverified). DST's 16 reasons are
    /// not in our sources; the names below are our best reading of the published tables (UND3) and must
    /// be checked by the municipality against DST's current list.
    public static let reason: [Row] = [
        Row(tool: NotificationReason.substanceUse.token, dstCategory: "Barnets/den unges misbrug", verified: false),
        Row(tool: NotificationReason.crime.token, dstCategory: "Barnets/den unges kriminalitet", verified: false),
        Row(tool: NotificationReason.schoolAbsence.token, dstCategory: "Skolefravær/skoleproblemer", verified: false),
        Row(
            tool: NotificationReason.behaviourWellbeing.token, dstCategory: "Barnets/den unges adfærd eller trivsel",
            verified: false),
        Row(
            tool: NotificationReason.mentalHealth.token, dstCategory: "Barnets/den unges psykiske vanskeligheder",
            verified: false),
        Row(tool: NotificationReason.selfHarm.token, dstCategory: "Selvskade/selvmordsforsøg", verified: false),
        Row(
            tool: NotificationReason.violenceAgainstYoungPerson.token, dstCategory: "Vold mod barnet/den unge",
            verified: false),
        Row(
            tool: NotificationReason.sexualAbuse.token, dstCategory: "Seksuelle overgreb mod barnet/den unge",
            verified: false),
        Row(tool: NotificationReason.neglect.token, dstCategory: "Omsorgssvigt", verified: false),
        Row(tool: NotificationReason.parentSubstanceUse.token, dstCategory: "Forældres misbrug", verified: false),
        Row(
            tool: NotificationReason.parentMentalHealth.token, dstCategory: "Forældres psykiske vanskeligheder",
            verified: false),
        Row(tool: NotificationReason.domesticViolence.token, dstCategory: "Vold i familien", verified: false),
        Row(
            tool: NotificationReason.familyConflict.token, dstCategory: "Konflikter i familien/skilsmisse",
            verified: false),
        Row(tool: NotificationReason.radicalisation.token, dstCategory: "Radikalisering/ekstremisme", verified: false),
        Row(tool: NotificationReason.homelessness.token, dstCategory: "Hjemløshed/boligproblemer", verified: false),
        Row(tool: NotificationReason.other.token, dstCategory: "Andet", verified: false),
    ]

    /// The DST category for a notification reason.
    public static func category(for reason: NotificationReason) -> Row {
        self.reason.first { $0.tool == reason.token }
            ?? Row(tool: reason.token, dstCategory: "Andet", verified: false)
    }

    /// The DST category for a notifier kind.
    public static func category(for kind: NotifierKind) -> Row {
        notifier.first { $0.tool == kind.rawValue }
            ?? Row(tool: kind.rawValue, dstCategory: "Uoplyst", verified: false)
    }
}
