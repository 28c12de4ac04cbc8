import Foundation
import UngeCore
import UngeStore

/// The guided way to write letters (on a terminal or with `--interaktiv`), through the document
/// pipeline: each answer checked when given, kept as a draft when interrupted. The begrundelse is
/// always asked for and never written by the tool.
struct BrevDialogue {
    let ctx: Context
    let file: CaseFile
    let kind: LetterKind?

    func run(_ p: DialogueSession) throws -> LetterAnswers {
        p.plan(sections: ["Brevet", "Indhold"])
        p.section("Brevet")
        p.say(ctx.console.bold("Nyt brev på sag \(file.id.rawValue) (\(file.youngPerson.displayName))"))
        let question = "Hvilket brev (nummer)"
        let k: LetterKind
        if let kind, let i = LetterKind.allCases.firstIndex(of: kind) {
            p.given(question, String(i + 1))
            k = kind
        } else {
            k = try p.choose(question, from: LetterKind.allCases, label: { $0.danish }) ?? .decision
        }
        var a = LetterAnswers(kind: k.token)
        a.date = try p.ask("Brevets dato (ÅÅÅÅ-MM-DD)", defaultValue: ctx.today.iso, parse: Answers.date)
        p.section("Indhold")
        switch k {
        case .decision:
            let ids = file.decisions.filter { $0.kind != .planStance }
            guard !ids.isEmpty else {
                throw UsageError.message("Sagen har ingen afgørelser. Registrér afgørelsen med 'unge indsats' først.")
            }
            let d =
                try p.choose(
                    "Hvilken afgørelse (nummer)", from: ids.map(\.id),
                    label: { id in
                        let d = file.decision(id)!
                        return "\(id): \(d.kind.danishName), \(d.decisionDate.danishShort)"
                    }) ?? ids[0].id
            a.decision = d
            let decision = file.decision(d)!
            a.considerations = try p.ask(
                "Begrundelse: hvilke hovedhensyn var afgørende?",
                help:
                    "Forvaltningsloven § 24: reglerne nævnes af unge selv; du skriver de hensyn, der afgjorde skønnet.",
                required: false, long: true)
            a.facts = try p.ask(
                "Hvilke oplysninger har haft stor betydning? (tom: ingen særlige)", required: false, long: true)
            var granted: [String] = []
            for r in LetterLaw.recipients(in: file, decision: decision, on: decision.decisionDate) {
                if try p.yesNo(
                    "Har \(r.name) (\(r.role.danish)) fået fuldt ud det, \(r.role == .youngPerson ? "den unge" : "vedkommende") bad om?",
                    defaultValue: false)
                {
                    granted.append(r.name)
                }
            }
            a.fullyGranted = granted.isEmpty ? nil : granted
            if LetterLaw.route(decision) == .committee {
                a.judgeAgreed = try p.yesNo(
                    "Var dommeren i børne- og ungeudvalget enig i afgørelsen?", defaultValue: true)
                if a.judgeAgreed == false {
                    a.judgeDissent = try p.ask("Dommerens afvigende opfattelse", required: true, long: true)
                }
            }
        case .hearing:
            a.consideredDecision = try p.ask("Hvilken afgørelse overvejer kommunen?", required: true, long: true)
            a.facts = try p.ask(
                "Hvilke oplysninger skal parten høres over?",
                help:
                    "Forvaltningsloven § 19: oplysninger til ugunst for parten, som har væsentlig betydning, og som parten ikke kan antages at kende.",
                required: true, long: true)
            a.deadline = try p.ask("Svarfrist (ÅÅÅÅ-MM-DD)", required: true, parse: Answers.date)
        case .receipt, .feedback:
            let numbers = file.concernReports.map(\.number)
            guard !numbers.isEmpty else { throw UsageError.message("Sagen har ingen underretninger.") }
            a.notification = try p.choose(
                "Hvilken underretning (nummer i listen)", from: numbers,
                label: { n in
                    let r = file.concernReports.first { $0.number == n }!
                    return "Nr. \(n) fra \(r.reporter.anonymous ? "anonym" : r.reporter.name)"
                })
            if k == .feedback {
                a.includeDetails = try p.yesNo(
                    "Skal underretteren også have at vide, hvilken indsats det er, og hvor længe den varer (§ 138, stk. 3)?",
                    defaultValue: false)
            }
        }
        return a
    }

    /// The børnesamtale, asked with plain questions (it is a short record, saved at once).
    func interview(_ p: Prompter, decision: String?) throws -> InterviewAnswers {
        var a = InterviewAnswers(decision: decision)
        if a.decision == nil {
            a.decision = try p.ask("Hvilken afgørelse kom samtalen før (fx A1)?", required: true)
        }
        a.held = try p.yesNo("Blev samtalen med den unge holdt?", defaultValue: true)
        a.date = try p.ask("Dato (ÅÅÅÅ-MM-DD)", parse: Answers.date)
        if a.held == true {
            a.views = try p.ask("Hvad sagde den unge?", required: true)
        } else {
            a.notHeldReason = try p.ask(
                "Hvorfor blev samtalen ikke holdt? (barnets lov § 5, stk. 4: kun i helt særlige tilfælde)",
                required: true)
            a.viewsOtherwise = try p.ask("Hvordan er den unges synspunkter ellers kommet frem?", required: true)
        }
        return a
    }
}
