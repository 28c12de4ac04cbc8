import Foundation

/// Whether a treatment plan (behandlingsplan) still builds on the plan version in force: a treatment
/// plan built on plan version 1 says so when version 3 has replaced it, in `vis`, in checklist item
/// 7.5 and in its own document (issue 20 item 3).
public enum TreatmentPlanBasis {
    /// "Bygger på planens version 1, som er afløst af version 3 (7. december 2026). Behandlingsplanen
    /// bør gennemgås mod den nye version." or nil when it builds on the newest version (or on none).
    public static func supersededNote(_ t: TreatmentPlan, in file: CaseFile) -> String? {
        guard let v = t.basedOnPlanVersion, let newest = file.actionPlans.max(by: { $0.version < $1.version }),
            newest.version > v
        else { return nil }
        return
            "Bygger på planens version \(v), som er afløst af version \(newest.version) (\(newest.date.danishLong)). Behandlingsplanen bør gennemgås mod den nye version."
    }

    /// The short form for lists: "bygger på plan v1, afløst af v3".
    public static func supersededShort(_ t: TreatmentPlan, in file: CaseFile) -> String? {
        guard let v = t.basedOnPlanVersion, let newest = file.actionPlans.max(by: { $0.version < $1.version }),
            newest.version > v
        else { return nil }
        return "bygger på planens version \(v), afløst af version \(newest.version)"
    }
}
