import Foundation

/// How sure we are of a row in the legal-reference table (LAW.md).
public enum Confidence: String, Codable, Sendable, Equatable {
    /// Statute text or ministry page seen.
    case high = "H"
    /// Reliable secondary source or inferred from cross-references.
    case medium = "M"
    /// Not verified: the old paragraph is shown with "tidl." and no new number is invented.
    case unverified = "U"
}

/// The ids of the rules the tool cites. Every finding, deadline and document cites one of these.
public enum LegalRuleID: String, Codable, Sendable, CaseIterable, Equatable {
    case anonymousCounselling
    case purpose
    case childInterview
    case supportPerson
    case ssdExchange
    case examination
    /// An afdækning (BL § 19): a lighter look at the needs; it has no deadline.
    case preliminaryAssessment
    case examinationDeadline
    case measures
    case placement
    case followUp
    case youthSupportDecision
    case aftercare
    case drugTreatment
    case alcoholTreatment
    case planUnder18
    case barnetsPlan
    case ungeplan
    case transitionGoals
    case adultActionPlan
    /// SEL § 141 stk. 1: the municipality judges whether to offer a handleplan.
    case adultActionPlanJudged
    /// SEL § 141 stk. 2: the municipality must offer a handleplan.
    case adultActionPlanMustOffer
    case heightenedDuty
    case generalDuty
    case assessment24h
    case reassessment
    case receipt
    case partyRights
    case consentFrom15
    // Decisions (afgørelser) and the duties they start (LAW.md, "Decisions drive duties").
    case placementWithConsent
    case placementWithoutConsent
    case treatmentStartMinor
    case treatmentStartAdult
    case anonymousTreatment
    case alcoholTreatmentStart
    case barnetsPlanConsider
    case barnetsPlanMandatory
    case ungeplanConsider
    case ungeplanMandatory
    case ungeplanBeforeDecision
    case ungeplanContinues
    /// BL § 92 stk. 3: a placement's barnets plan names the family's support.
    case familySupportBarnetsPlan
    /// BL § 109 stk. 4: a placement's ungeplan names the family's support.
    case familySupportUngeplan
    /// BL § 109 stk. 2: the ungeplan made, so far as possible, with the custody holder's and the young
    /// person's consent.
    case ungeplanConsent
    /// BL § 108 stk. 1 nr. 3: a decision under §§ 32, 114, 115 or 120 from 16: the ungeplan considered.
    case ungeplanYouthSupport
    /// BL § 108 stk. 1 nr. 4: a § 116 decision: the ungeplan considered.
    case ungeplanReestablished
    case followUpFirst
    case notifierFeedback
    case transitionAt18
    /// At 18 a young person with § 33 treatment only goes on to serviceloven § 101 (a reminder).
    case transitionAt18Treatment
    case youthSupportConsent
    case youthSupportPlanRevised
    case placementOwnRequest
    case treatmentWithoutConsent
    // Letters (LAW.md, "Letters: what a written decision must carry").
    /// Forvaltningsloven § 19: partshøring before a decision.
    case partyHearing
    /// Forvaltningsloven § 22: a written decision carries reasons, unless it grants everything asked.
    case decisionReasons
    /// Forvaltningsloven § 24: what the reasons hold (rules, main considerations, facts).
    case reasonsContent
    /// Forvaltningsloven § 25: appeal guidance in a written decision that can be appealed.
    case appealGuidance
    /// Retssikkerhedsloven § 66: the complaint goes to the municipality first, which reconsiders it.
    case appealReconsideration
    /// Retssikkerhedsloven § 67: 4 weeks after the complainant was told of the decision.
    case appealTimeLimit
    /// Barnets lov § 145 (tidl. serviceloven § 167): the young person from 10 may appeal.
    case appealYoungPerson
    /// Barnets lov § 146 (tidl. serviceloven § 168): appeal of børne- og ungeudvalget's decisions.
    case appealCommittee
    /// Barnets lov § 147 (tidl. serviceloven § 169): Ankestyrelsen's decision before the court.
    case appealCourt
    /// Barnets lov § 142 stk. 5: the judge's dissent is stated in the committee's decision.
    case committeeDissent
    /// Barnets lov § 10 stk. 4: a § 33 decision states the concrete measure and its purpose.
    case treatmentDecisionContent
    /// Serviceloven § 101 a stk. 6: no appeal to another administrative authority.
    case anonymousTreatmentNoAppeal
    /// Barnets lov § 5 stk. 4: the conversation waived only in very special cases.
    case childInterviewWaived
    /// Barnets lov § 138 stk. 3: the notifier may be told the type and planned duration.
    case notifierFeedbackDetails
    /// Forvaltningsloven § 9: a party may see the case's documents (aktindsigt).
    /// Databeskyttelsesforordningen art. 15: the person's right of access to the data held.
    case dataAccess
    /// The Court of Justice in C-579/21: dates and purposes of consultations, employees' identity only
    /// where needed to exercise the person's rights.
    case consultationAccess
    /// Forvaltningsloven § 12: internal working documents are outside a party's access.
    case internalDocuments
    /// Forvaltningsloven § 15 b, nr. 5: access may be limited for decisive private interests.
    case privateInterests
    case fileAccess
    /// Barnets lov § 114 stk. 2: a § 32 stk. 1 nr. 3 contact person kept after 18 (tidl. SEL § 76 stk. 2).
    case continuedContactPerson
    /// Barnets lov § 114 stk. 1: ungestøtte after a placement just before 18 (tidl. SEL § 76 stk. 3).
    case youthSupportAfterPlacement
    /// Barnets lov § 120: a foster-family placement kept for a young person with considerably and
    /// permanently reduced function (tidl. SEL § 76 a stk. 2).
    case maintainedPlacementAt18
}

/// An older wording of a row's paragraph, in force from `from` until the next one (or until the
/// row's `effective` date): e.g. the renumbered stk. of serviceloven in 2023.
public struct HistoricalParagraph: Sendable, Equatable {
    public let from: LocalDate
    public let paragraph: String

    public init(from: LocalDate, paragraph: String) {
        self.from = from
        self.paragraph = paragraph
    }
}

/// One row of the legal-reference table: the handbook's paragraph (Serviceloven as of 2012) and
/// today's, with the date the change took effect.
public struct LegalReference: Sendable, Equatable {
    public let id: LegalRuleID
    /// What the rule requires, in our own Danish words.
    public let summary: String
    /// The paragraph the 2012 handbook cites, e.g. "serviceloven § 50".
    public let handbook: String
    /// Today's paragraph for under-18s (Barnets lov), or nil where the rule did not move.
    public let current: String?
    /// Today's paragraph for adults (18+), where it differs from `current`.
    public let currentAdult: String?
    /// The date the new paragraph took effect (Barnets lov: 2024-01-01).
    public let effective: LocalDate
    public let confidence: Confidence
    /// Later wordings of the handbook's paragraph before `effective`, oldest first (e.g. serviceloven
    /// 2023's stk. numbers); empty when the 2012 number held until `effective`.
    public let history: [HistoricalParagraph]

    public init(
        id: LegalRuleID, summary: String, handbook: String, current: String?, currentAdult: String?,
        effective: LocalDate, confidence: Confidence, history: [HistoricalParagraph] = []
    ) {
        self.id = id
        self.summary = summary
        self.handbook = handbook
        self.current = current
        self.currentAdult = currentAdult
        self.effective = effective
        self.confidence = confidence
        self.history = history
    }

    /// The paragraph in force on `date` before `effective`: the latest historical wording that had
    /// taken effect, else the handbook's.
    public func paragraphBefore(_ date: LocalDate) -> String {
        history.last { $0.from <= date }?.paragraph ?? handbook
    }

    /// True when the adult paragraph applies: from `effective`, for a person of 18 or more, on a
    /// row that has one.
    private func usesAdultParagraph(on date: LocalDate, age: Int?) -> Bool {
        guard date >= effective, let age, age >= 18 else { return false }
        return currentAdult != nil
    }

    /// The paragraph that applies on `date` for a person of `age` (nil: unknown age, treated as a
    /// minor). Before `effective` the handbook's; after it the adult paragraph for 18+, else
    /// today's under-18 paragraph, or the handbook's where that is unverified or did not move.
    public func paragraph(on date: LocalDate, age: Int? = nil) -> String {
        guard date >= effective else { return paragraphBefore(date) }
        if usesAdultParagraph(on: date, age: age), let adult = currentAdult { return adult }
        guard let current, confidence != .unverified else { return handbook }
        return current
    }

    /// The citation to show: today's paragraph with the handbook's in brackets where they differ,
    /// e.g. "barnets lov § 20 (tidl. serviceloven § 50)"; before the change, the handbook's alone.
    /// Where today's under-18 paragraph is unverified (confidence U), only "tidl. serviceloven
    /// § 49 a" is shown: the old number, marked as old, and no invented new one. The adult
    /// paragraph counts as verified (LAW.md: "H adults / U under 18").
    public func citation(on date: LocalDate, age: Int? = nil) -> String {
        guard date >= effective else { return paragraphBefore(date) }
        let now = paragraph(on: date, age: age)
        // An adult paragraph is today's rule for adults, not a renumbering: shown without "tidl.".
        if usesAdultParagraph(on: date, age: age) { return now }
        // "tidl." names the paragraph in force the day before the change (LBK 1089/2023 for barnets lov),
        // not the handbook's 2012 number (AUDIT D7).
        let before = paragraphBefore(effective.adding(days: -1))
        if now != handbook { return "\(now) (tidl. \(before))" }
        if confidence == .unverified, !usesAdultParagraph(on: date, age: age) { return "tidl. \(handbook)" }
        return handbook
    }
}
