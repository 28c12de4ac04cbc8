import Foundation

extension PlanKind {
    /// The plan the law requires for a young person of `age` on `date` (LAW.md, "Plans under BL"):
    /// 18+ the adult handleplan (SEL § 141); before 2024 the handbook's handleplan (SEL § 140);
    /// from 2024 the ungeplan for 16-17 (BL §§ 108-109) and barnets plan below 16 (BL §§ 91-92).
    /// An unknown age is treated as a minor's.
    public static func required(age: Int?, on date: LocalDate) -> PlanKind {
        if let age, age >= 18 { return .adultActionPlan }
        if date < LegalReferences.barnetsLovEffective { return .handbookActionPlan }
        if let age, age >= 16 { return .ungeplan }
        return .barnetsPlan
    }

    /// The paragraph the plan rests on, as it applies on `date` ("barnets lov §§ 108-109").
    public func paragraph(on date: LocalDate, age: Int?) -> String {
        LegalReferences.reference(legalRule).paragraph(on: date, age: age)
    }

    /// The document title: "Ungeplan (barnets lov §§ 108-109)", "Handleplan (serviceloven § 141)".
    public func title(on date: LocalDate, age: Int?) -> String {
        "\(danishName) (\(paragraph(on: date, age: age)))"
    }

    /// What the plan replaces, where that helps the reader: "tidl. handleplan efter serviceloven § 140".
    public func replaces(on date: LocalDate, age: Int?) -> String? {
        let ref = LegalReferences.reference(legalRule)
        let now = ref.paragraph(on: date, age: age)
        guard now != ref.handbook else { return nil }
        return "tidl. handleplan efter \(ref.handbook)"
    }

    /// The Danish word used in running text ("barnets plan", "ungeplanen").
    public var danishLower: String {
        switch self {
        case .barnetsPlan: return "barnets plan"
        case .ungeplan: return "ungeplanen"
        case .adultActionPlan, .handbookActionPlan: return "handleplanen"
        }
    }
}
