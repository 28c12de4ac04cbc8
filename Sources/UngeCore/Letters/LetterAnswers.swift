import Foundation

/// The answers a letter is written from: given in a `--fra-fil` file, by options, or in the guided
/// dialogue. Keys are English; `kind` takes the `--type` word (`afgoerelse`, `partshoering`, ...).
public struct LetterAnswers: Codable, Sendable, Equatable {
    public var kind: String
    /// The letter's date (default: today).
    public var date: LocalDate?
    /// A decision letter (and optionally a hearing): the decision id, e.g. `A1`.
    public var decision: String?
    /// Begrundelse: the main considerations (hovedhensyn) where the decision rests on discretion
    /// (forvaltningsloven § 24 stk. 1).
    public var considerations: String?
    /// Begrundelse and hearing: the facts given weight (fvl § 24 stk. 2), or in a hearing the facts
    /// to the party's disadvantage (§ 19 stk. 1).
    public var facts: String?
    /// Recipients (by name, or `ung` for the young person) who got everything they asked for
    /// ("fuldt ud medhold", fvl §§ 22 and 25).
    public var fullyGranted: [String]?
    /// § 47 and the rest of barnets lov § 142: did the judge agree (§ 142 stk. 5)?
    public var judgeAgreed: Bool?
    /// The judge's dissent, when the judge did not agree.
    public var judgeDissent: String?
    /// The hearings (letter ids) the decision rests on; default: every hearing dated on or before
    /// the decision.
    public var hearings: [String]?
    /// A hearing: the decision being considered, in words.
    public var consideredDecision: String?
    /// A hearing: the time limit for comments.
    public var deadline: LocalDate?
    /// A receipt or orientation: the notification's number.
    public var notification: Int?
    /// An orientation: also tell the type and planned duration (barnets lov § 138 stk. 3).
    public var includeDetails: Bool?

    public init(
        kind: String, date: LocalDate? = nil, decision: String? = nil, considerations: String? = nil,
        facts: String? = nil, fullyGranted: [String]? = nil, judgeAgreed: Bool? = nil, judgeDissent: String? = nil,
        hearings: [String]? = nil, consideredDecision: String? = nil, deadline: LocalDate? = nil,
        notification: Int? = nil, includeDetails: Bool? = nil
    ) {
        self.kind = kind
        self.date = date
        self.decision = decision
        self.considerations = considerations
        self.facts = facts
        self.fullyGranted = fullyGranted
        self.judgeAgreed = judgeAgreed
        self.judgeDissent = judgeDissent
        self.hearings = hearings
        self.consideredDecision = consideredDecision
        self.deadline = deadline
        self.notification = notification
        self.includeDetails = includeDetails
    }
}

/// The answers for a børnesamtale record (`--type boernesamtale`).
public struct InterviewAnswers: Codable, Sendable, Equatable {
    public var decision: String?
    public var date: LocalDate?
    public var held: Bool?
    public var views: String?
    public var notHeldReason: String?
    public var viewsOtherwise: String?

    public init(
        decision: String? = nil, date: LocalDate? = nil, held: Bool? = nil, views: String? = nil,
        notHeldReason: String? = nil, viewsOtherwise: String? = nil
    ) {
        self.decision = decision
        self.date = date
        self.held = held
        self.views = views
        self.notHeldReason = notHeldReason
        self.viewsOtherwise = viewsOtherwise
    }

    /// The record, or a Danish message saying what is missing.
    public func record(id: String, defaultDate: LocalDate, author: String, recorded: Date) -> Result<
        DecisionInterview, CoreError
    > {
        func blank(_ s: String?) -> Bool { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        let wasHeld = held ?? !blank(views)
        if wasHeld, blank(views) {
            return .failure(
                .invalidValue(
                    field: "views", value: "",
                    expected: "Skriv, hvad den unge sagde (--holdning \"...\"), eller at samtalen ikke blev holdt."))
        }
        if !wasHeld, blank(notHeldReason) || blank(viewsOtherwise) {
            return .failure(
                .invalidValue(
                    field: "notHeldReason", value: "",
                    expected:
                        "Blev samtalen ikke holdt, så skriv hvorfor (--ikke-holdt \"...\", barnets lov § 5, stk. 4) og hvordan den unges synspunkter ellers er kommet frem (--paa-anden-vis \"...\")."
                ))
        }
        return .success(
            DecisionInterview(
                id: id, decisionID: decision?.uppercased(), date: date ?? defaultDate, held: wasHeld,
                views: wasHeld ? views : nil, notHeldReason: wasHeld ? nil : notHeldReason,
                viewsOtherwise: wasHeld ? nil : viewsOtherwise, author: author, recorded: recorded))
    }
}
