import Foundation
import UngeCore

/// The guided walk-through of `unge underret`: one question at a time with the handbook's
/// guidance, answers read line by line (so it can be scripted with `--interaktiv`).
struct UnderretDialogue {
    let console: Console
    let youngPersonKnown: Bool

    /// Asks for every field that applies and has no answer yet. End of input cancels (nothing saved).
    func fill(_ draft: inout ConcernReportDraft) throws {
        let c = console
        c.error(c.bold("Underretning") + " – svar på spørgsmålene. Tom linje springer et valgfrit spørgsmål over; Ctrl-D afbryder uden at gemme.")
        var heading = ""
        for field in ConcernField.allCases where field != .received {
            guard draft.applies(field, youngPersonKnown: youngPersonKnown), !draft.has(field) else { continue }
            if field == .youngBirthDate, draft.youngCPR != nil { continue }
            let h = Self.heading(field)
            if h != heading {
                heading = h
                c.error("")
                c.error(c.bold("== \(h) =="))
            }
            if let g = field.guidance {
                c.error(c.dim(g + (field.handbookReference.map { " (\($0))" } ?? "")))
            }
            while true {
                c.prompt(c.bold(field.question) + ": ")
                guard let line = c.readLine() else { throw CLIError.cancelled }
                let answer = line.trimmingCharacters(in: .whitespaces)
                if answer.isEmpty {
                    if field == .reporterProfessional { break }  // not said: a professional
                    if draft.missing(youngPersonKnown: youngPersonKnown).contains(field) {
                        c.error("  Dette skal udfyldes.")
                        continue
                    }
                    break
                }
                do {
                    try draft.set(field, from: answer)
                    break
                } catch {
                    c.error("  \(error.description)")
                }
            }
        }
    }

    static func heading(_ field: ConcernField) -> String {
        if field.isAboutYoungPerson { return "Den unge" }
        switch field {
        case .reporterName, .reporterRole, .reporterOrganisation, .reporterContact, .reporterProfessional: return "Dig som underretter"
        case .situation, .parentCooperation, .attendance, .relation, .otherInformation: return "Underretningens indhold"
        case .youngPersonInformed, .youngPersonComments, .parentsInformed, .parentsComments, .notInformedReason:
            return "Inddragelse af den unge og forældrene"
        default: return "Bekymringsbuen (kan springes over)"
        }
    }

    /// A short summary before the confirmation: every answer and the computed deadlines.
    func summary(_ draft: ConcernReportDraft, report: ConcernReport, deadlines: [Deadline], timeZone: TimeZone) {
        let c = console
        c.error("")
        c.error(c.bold("== Resumé =="))
        for field in ConcernField.allCases where field != .received {
            guard let v = draft.text(field), draft.applies(field, youngPersonKnown: youngPersonKnown) else { continue }
            let short = v.count > 70 ? String(v.prefix(67)) + "..." : v
            c.error("  \(field.label): \(short.replacingOccurrences(of: "\n", with: " "))")
        }
        c.error("  modtaget: \(LocalTime.danishShort(report.received, in: timeZone))")
        for d in deadlines where report.deadlineIDs.contains(d.id) {
            let due = d.dueTime.map { LocalTime.danishShort($0, in: timeZone) } ?? d.dueDate.danishShort
            c.error("  frist \(due): \(d.title)")
        }
    }
}
