import Foundation

/// Where a complaint about a decision goes (klagevej), from the law table (LAW.md, "Letters").
public enum AppealRoute: String, Codable, Sendable, Equatable, CaseIterable {
    /// To the municipality, which reconsiders it and sends it on to Ankestyrelsen
    /// (retssikkerhedsloven §§ 66-67).
    case municipality
    /// Børne- og ungeudvalget's decisions: to Ankestyrelsen within 4 weeks (barnets lov § 146,
    /// tidl. serviceloven § 168), then the court (§ 147, tidl. § 169).
    case committee
    /// No appeal to another administrative authority (serviceloven § 101 a stk. 6).
    case none
    /// Our sources do not give the route (sundhedsloven § 141): the municipality states it in the
    /// settings before a final letter can be written.
    case unknown
}

/// The municipality's own statements for letters, kept in the store's settings.
public struct LetterSettings: Codable, Sendable, Equatable {
    /// Where a complaint to the municipality is sent (address, e-mail or web form).
    public var complaintAddress: String?
    /// Where a complaint about a decision of børne- og ungeudvalget is sent. Ankestyrelsen's own
    /// guidance says directly to it (LAW.md, confidence M), so the municipality states it here.
    public var committeeComplaintAddress: String?
    /// Appeal routes the municipality states for kinds our sources do not cover, keyed by the
    /// decision type's token (e.g. `alkohol`).
    public var statedRoutes: [String: String]

    public init(
        complaintAddress: String? = nil, committeeComplaintAddress: String? = nil, statedRoutes: [String: String] = [:]
    ) {
        self.complaintAddress = complaintAddress
        self.committeeComplaintAddress = committeeComplaintAddress
        self.statedRoutes = statedRoutes
    }

    enum CodingKeys: String, CodingKey { case complaintAddress, committeeComplaintAddress, statedRoutes }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        complaintAddress = try c.decodeIfPresent(String.self, forKey: .complaintAddress)
        committeeComplaintAddress = try c.decodeIfPresent(String.self, forKey: .committeeComplaintAddress)
        statedRoutes = try c.decodeIfPresent([String: String].self, forKey: .statedRoutes) ?? [:]
    }
}

extension LegalPeriod {
    /// Retssikkerhedsloven § 67 stk. 1, barnets lov §§ 146-147: an appeal within 4 weeks after the
    /// complainant was told of the decision.
    public static let appealWeeks = 4

    /// The earliest day a 4-week appeal limit can end for a letter sent on `sent`.
    public static func earliestAppealEnd(sent: LocalDate) -> LocalDate { sent.adding(days: 7 * appealWeeks) }
}

/// Who may appeal a decision, and the paragraph that says so.
public struct Appellant: Sendable, Equatable {
    public var name: String
    public var role: RecipientRole
    /// Why this person may appeal, in plain Danish ("fordi Lucas er fyldt 10 år").
    public var because: String?
    public var rule: LegalRuleID?
}

/// The law of letters: the appeal route per decision, who may appeal on the decision date, and
/// who receives the letter. Nothing here prints or reads the clock.
public enum LetterLaw {
    /// The appeal route of a decision. A serviceloven placement before 2024 without the custody
    /// holder's consent was a decision of børn og unge-udvalget (serviceloven § 58).
    public static func route(_ d: Decision) -> AppealRoute {
        switch d.kind {
        case .dayCare, .practicalSupport, .contactPerson, .internship, .familyTreatment, .familyResidential,
            .respiteStay, .otherSupport, .treatmentOutpatient, .treatmentResidential, .placementWithConsent,
            .youthSupportResidential, .youthSupportContactPerson, .youthSupportTransition, .youthSupportOther,
            .youthSupportReestablished, .maintainedPlacement, .adultTreatmentOutpatient, .adultTreatmentResidential,
            .handbookMeasure, .handbookAftercare:
            return .municipality
        case .placementWithoutConsent: return .committee
        case .handbookPlacement: return d.consent(from: .custodyHolder) == nil ? .committee : .municipality
        case .anonymousTreatment: return .none
        case .alcoholTreatment, .planStance: return .unknown
        }
    }

    /// True when the young person is a party on the decision date: an adult (or an anonymous
    /// adult treatment), from 10 in the case types barnets lov § 3 lists, before 2024 from 12 in the
    /// decisions serviceloven §§ 167-168 list.
    public static func youngPersonIsParty(_ d: Decision, age: Int?) -> Bool {
        guard let age else { return d.kind == .anonymousTreatment || d.kind == .alcoholTreatment }
        if !LegalAge.isMinor(age) { return true }
        return youngPersonRule(d, age: age) != nil
    }

    /// The paragraph that lets a young person under 18 appeal `d` on its date, or nil.
    static func youngPersonRule(_ d: Decision, age: Int) -> LegalRuleID? {
        let bl = d.decisionDate >= LegalReferences.barnetsLovEffective
        switch route(d) {
        case .committee: return age >= (bl ? LegalAge.partyRights : LegalAge.appealBefore2024) ? .appealCommittee : nil
        case .municipality:
            if bl {
                let listed =
                    d.kind.isSupportMeasure || d.kind.isMinorTreatment || d.kind == .placementWithConsent
                    || d.kind.isYouthSupport
                return listed && age >= LegalAge.partyRights ? .appealYoungPerson : nil
            }
            if d.kind == .handbookAftercare { return .appealYoungPerson }
            let listed = d.kind == .handbookMeasure || d.kind == .handbookPlacement
            return listed && age >= LegalAge.appealBefore2024 ? .appealYoungPerson : nil
        case .none, .unknown: return nil
        }
    }

    /// The young person's first name, for sentences about them.
    public static func firstName(_ yp: YoungPerson) -> String {
        guard !yp.anonymous, let name = yp.name, !name.isEmpty else { return "den unge" }
        return String(CPRMask.mask(name).split(separator: " ").first ?? "den unge")
    }

    /// Who may appeal `d` (empty for no route or an unknown one): from 18 the young person alone;
    /// under 18 each custody holder, and the young person from the age the law gives.
    public static func appellants(_ d: Decision, in file: CaseFile) -> [Appellant] {
        guard route(d) == .municipality || route(d) == .committee else { return [] }
        let yp = file.youngPerson
        let age = yp.age(on: d.decisionDate)
        let name = yp.displayName
        if let age, !LegalAge.isMinor(age) {
            return [Appellant(name: name, role: .youngPerson, because: nil, rule: nil)]
        }
        if age == nil { return [Appellant(name: name, role: .youngPerson, because: nil, rule: nil)] }
        var out: [Appellant] = []
        if let age, let rule = youngPersonRule(d, age: age) {
            let first = firstName(yp)
            let because =
                d.kind == .handbookAftercare
                ? "fordi afgørelsen om efterværn blev truffet, før \(first) fyldte 18"
                : "fordi \(first) er fyldt \(d.decisionDate >= LegalReferences.barnetsLovEffective ? LegalAge.partyRights : LegalAge.appealBefore2024) år"
            out.append(Appellant(name: name, role: .youngPerson, because: because, rule: rule))
        }
        for p in file.network.custodyHolders {
            out.append(Appellant(name: p.name, role: .custodyHolder, because: nil, rule: nil))
        }
        return out
    }

    /// The recipients of a letter about `d` (or, for a hearing with no registered decision yet, about
    /// the case) on `date`: the young person when a party, each custody holder while the young person
    /// is under 18; from 18 the young person alone.
    public static func recipients(in file: CaseFile, decision d: Decision?, on date: LocalDate) -> [LetterRecipient] {
        let yp = file.youngPerson
        let age = yp.age(on: date)
        let party: Bool
        if let d {
            party = youngPersonIsParty(d, age: age)
        } else if let age {
            party =
                age >= (date >= LegalReferences.barnetsLovEffective ? LegalAge.partyRights : LegalAge.appealBefore2024)
        } else {
            party = true
        }
        var out: [LetterRecipient] = []
        if party {
            let address =
                yp.anonymous
                ? "Udleveres personligt (anonym sag)" : yp.contact?.address?.trimmingCharacters(in: .whitespaces)
            out.append(LetterRecipient(name: yp.displayName, role: .youngPerson, address: address))
        }
        if let age, LegalAge.isMinor(age) {
            for p in file.network.custodyHolders {
                out.append(LetterRecipient(name: p.name, role: .custodyHolder, address: p.address))
            }
        }
        return out
    }

    /// The notifier of notification `number` as a recipient, or nil for an anonymous one.
    public static func notifier(of report: ConcernReport) -> LetterRecipient? {
        let r = report.reporter
        guard !r.anonymous, !r.name.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        let address = [r.organisation, r.contact].compactMap { $0?.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "\n")
        return LetterRecipient(name: r.name, role: .notifier, address: address.isEmpty ? nil : address)
    }

    /// Hearings (letters) on the case whose time limit is still open on `date`.
    public static func openHearings(in file: CaseFile, on date: LocalDate) -> [Letter] {
        file.letters.filter { $0.isOpenHearing(on: date) }
    }

    /// A warning for a decision registered on `date` while a hearing's time limit is open
    /// (forvaltningsloven § 19 stk. 1: no decision before the party has had the chance to comment).
    public static func openHearingFindings(in file: CaseFile, on date: LocalDate) -> [Finding] {
        openHearings(in: file, on: date).map { h in
            Finding.make(
                "brev.partshoering.aaben", .warning,
                "Partshøringen \(h.id) til \(h.recipient.name) har svarfrist \(h.hearingDeadline?.danishLong ?? "")"
                    + ", og der er ikke registreret et svar. Der må ikke træffes afgørelse, før parten har haft lejlighed til at udtale sig. Registrér svaret med 'unge brev \(file.id.rawValue) --svar \(h.id) --dato ÅÅÅÅ-MM-DD --tekst \"...\"'.",
                legal: .partyHearing, on: date)
        }
    }
}
