import Foundation

/// The young person the case is about (den unge), roughly 12-25.
///
/// An anonymous counselling case (anonym rådgivning, BL §§ 28-31, tidl. SEL § 11) may have no name,
/// no CPR number and no birth date at all.
public struct YoungPerson: Codable, Sendable, Equatable {
    public var name: String?
    public var cpr: CPRNumber?
    /// The birth date; taken from the CPR number when one is given.
    public var birthDate: LocalDate?
    public var contact: Contact?
    /// School, education or work (skole/uddannelse).
    public var school: String?
    /// True for anonymous counselling: no identity is recorded.
    public var anonymous: Bool
    /// An anonymous case's age band, for the age checks of anonymous treatment (SEL § 101 a stk. 3,
    /// 7; sundhedsloven § 141 stk. 7) without a birth date or CPR number (AUDIT N4).
    public var ageBand: AgeBand?

    public init(
        name: String? = nil, cpr: CPRNumber? = nil, birthDate: LocalDate? = nil,
        contact: Contact? = nil, school: String? = nil, anonymous: Bool = false, ageBand: AgeBand? = nil
    ) {
        self.ageBand = ageBand
        self.name = name
        self.cpr = cpr
        self.birthDate = birthDate ?? cpr?.birthDate
        self.contact = contact
        self.school = school
        self.anonymous = anonymous
    }

    enum CodingKeys: String, CodingKey { case name, cpr, birthDate, contact, school, anonymous, ageBand }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        cpr = try c.decodeIfPresent(CPRNumber.self, forKey: .cpr)
        birthDate = try c.decodeIfPresent(LocalDate.self, forKey: .birthDate) ?? cpr?.birthDate
        contact = try c.decodeIfPresent(Contact.self, forKey: .contact)
        school = try c.decodeIfPresent(String.self, forKey: .school)
        anonymous = try c.decodeIfPresent(Bool.self, forKey: .anonymous) ?? false
        ageBand = try c.decodeIfPresent(AgeBand.self, forKey: .ageBand)
    }

    /// The name to show: the name, or a neutral label for an anonymous case. A CPR number typed
    /// into the name field is masked (`CPRMask`), also in the index and in documents.
    public var displayName: String {
        if let name, !name.isEmpty { return CPRMask.mask(name) }
        return anonymous ? "(anonym)" : "(uden navn)"
    }

    /// Age in whole years on a date, or nil without a birth date.
    public func age(on date: LocalDate) -> Int? {
        birthDate.map { Age.years(born: $0, on: date) }
    }
}

/// The age band of an anonymous young person: enough for the age checks, never an identity.
public enum AgeBand: String, Codable, Sendable, Equatable, CaseIterable {
    case under15 = "under-15"
    case age15to17 = "15-17"
    case age18to22 = "18-22"
    case age23plus = "23+"

    /// The lowest age in the band: the age the rules check against.
    public var lowestAge: Int {
        switch self {
        case .under15: return 12
        case .age15to17: return LegalAge.ownConsent
        case .age18to22: return LegalAge.adult
        case .age23plus: return LegalAge.youthSupportEnds
        }
    }

    public static func parse(_ text: String) -> AgeBand? {
        allCases.first { $0.rawValue == text.lowercased().replacingOccurrences(of: " ", with: "") }
    }
}

/// How to reach someone (kontaktoplysninger).
public struct Contact: Codable, Sendable, Equatable {
    public var phone: String?
    public var email: String?
    public var address: String?

    public init(phone: String? = nil, email: String? = nil, address: String? = nil) {
        self.phone = phone
        self.email = email
        self.address = address
    }

    public var isEmpty: Bool { phone == nil && email == nil && address == nil }
}
