import Foundation

/// Checks a recorded examination (børnefaglig undersøgelse), BL § 20 (tidl. SEL § 50): returns
/// findings, never prints. Errors block `unge undersoeg` (exit 1) unless a draft is asked for.
public enum ExaminationValidator {
    /// `date` is the date the check applies to (decides the paragraphs cited and "is it overdue").
    public static func validate(_ exam: Examination, youngPerson: YoungPerson, network: Network, on date: LocalDate)
        -> [Finding]
    {
        let age = youngPerson.age(on: date)
        func f(_ id: String, _ s: Severity, _ m: String, _ legal: LegalRuleID) -> Finding {
            Finding.make(id, s, m, legal: legal, on: date, age: age)
        }
        var out: [Finding] = []

        // Every area is described or left out with a reason. Under serviceloven (before 2024) § 50 stk. 2
        // listed the six areas; barnets lov § 22 asks only for a holistic view, so from 2024 the areas are
        // practice (handbook, ICS): a warning citing no paragraph, never an error citing BL § 20. An
        // afdækning (§ 19) is lighter still.
        let sixAreasAreLaw = date < LegalReferences.barnetsLovEffective && exam.kind == .examination
        func area(_ id: String, _ s: Severity, _ m: String) -> Finding {
            if sixAreasAreLaw { return f(id, s, m, .examination) }
            return Finding(
                ruleID: id, severity: .warning,
                message: m + " (håndbogens seks områder; barnets lov § 22 kræver en helhedsbetragtning)")
        }
        for a in exam.unassessedAreas {
            out.append(
                area(
                    "examination.area", exam.completedDate == nil ? .warning : .error,
                    "Området '\(a.danish)' er hverken beskrevet eller markeret som ikke relevant med en begrundelse."))
        }
        for a in exam.areas {
            if let reason = a.notRelevantReason, reason.trimmingCharacters(in: .whitespaces).isEmpty {
                out.append(
                    area(
                        "examination.area.reason", .error,
                        "Området '\(a.area.danish)' er markeret som ikke relevant uden en begrundelse."))
            }
            if let d = a.details, d.findings.trimmingCharacters(in: .whitespaces).isEmpty {
                out.append(
                    area(
                        "examination.area.findings", .error,
                        "Området '\(a.area.danish)' har ingen beskrivelse af, hvad undersøgelsen fandt."))
            }
        }

        // The conclusion belongs to a completed examination.
        if exam.completedDate != nil {
            if let conclusion = exam.conclusion {
                if isBlank(conclusion.reasons) {
                    out.append(
                        f("examination.conclusion", .error, "Konklusionen mangler en begrundelse.", .examination))
                }
            } else {
                out.append(
                    f(
                        "examination.conclusion", .error,
                        "Undersøgelsen er afsluttet, men konklusionen (behov for særlig støtte ja/nej med begrundelse) mangler.",
                        .examination))
            }
        }
        if let done = exam.completedDate, done < exam.awareDate {
            out.append(
                Finding(
                    ruleID: "examination.dates", severity: .error,
                    message:
                        "Undersøgelsen er afsluttet (\(done.danishLong)), før kommunen blev opmærksom på behovet (\(exam.awareDate.danishLong))."
                ))
        }

        // 4 months; a provisional assessment when they run out.
        let end = exam.completedDate ?? date
        if let due = exam.completionDue, end > due, isBlank(exam.conclusion?.provisionalAssessment) {
            out.append(
                f(
                    "examination.deadline", .warning,
                    "Fristen på 4 måneder udløb \(due.danishLong). Skriv en foreløbig vurdering, så længe undersøgelsen ikke er afsluttet.",
                    .examinationDeadline))
        }

        // Cooperation: the custody holders, and the young person from 15.
        if let age, age < 18 {
            if LegalAge.cooperatesOnExamination(age: age),
                !exam.participants.contains(where: { $0.role == .youngPerson })
            {
                out.append(
                    f(
                        "examination.cooperation.youngPerson", .warning,
                        "Den unge er \(age) år. Undersøgelsen skal gennemføres i samarbejde med den unge; det fremgår ikke hvordan.",
                        .consentFrom15))
            }
            let listed = Set(exam.participants.filter { $0.role == .custodyHolder }.map(\.name))
            let holders = network.custodyHolders.map(\.name)
            if holders.isEmpty && listed.isEmpty {
                out.append(
                    f(
                        "examination.cooperation.custodyHolder", .warning,
                        "Det fremgår ikke, at undersøgelsen er gennemført i samarbejde med forældremyndighedsindehaveren.",
                        .examination))
            }
            for name in holders where !listed.contains(name) {
                out.append(
                    f(
                        "examination.cooperation.custodyHolder", .warning,
                        "Det fremgår ikke, at \(name) (forældremyndighedsindehaver) har deltaget i undersøgelsen.",
                        .examination))
            }
        }

        // The young person is heard; told about the right to a support person.
        if let interview = exam.childInterview {
            if !interview.supportPersonOffered {
                out.append(
                    f(
                        "examination.supportPerson", .warning,
                        "Det er ikke noteret, at den unge er gjort opmærksom på retten til en bisidder.", .supportPerson
                    ))
            }
        } else {
            out.append(
                f("examination.childInterview", .warning, "Der er ikke registreret en børnesamtale.", .childInterview))
        }
        if !exam.areas.contains(where: { !isBlank($0.details?.ownView) }) && !exam.areas.isEmpty {
            out.append(
                f(
                    "examination.ownView", .warning, "Den unges egen opfattelse er ikke noteret for noget område.",
                    .purpose))
        }
        return out.filter { $0.severity == .error } + out.filter { $0.severity == .warning }
    }

    private static func isBlank(_ s: String?) -> Bool {
        (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}
