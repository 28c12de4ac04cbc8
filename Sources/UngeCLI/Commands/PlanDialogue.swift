import Foundation
import UngeCore

/// The guided plan dialogue: section by section, showing what the examination found. Questions and
/// hints go to stderr, so stdout carries only the document.
struct PlanDialogue {
    let ctx: Context
    let file: CaseFile

    private var p: Prompter { Prompter(console: ctx.console) }
    private func say(_ s: String) { ctx.console.error(s) }
    private func section(_ s: String) { say(""); say(ctx.console.bold("== \(s) ==")) }

    func run(version: Int, date: LocalDate, kind: PlanKind) throws -> ActionPlan {
        let age = file.youngPerson.age(on: date)
        let previous = file.actionPlans.max { $0.version < $1.version }
        var plan = ActionPlan(version: version, date: date, author: ctx.user, kind: kind)
        say(ctx.console.bold(kind.title(on: date, age: age)) + (kind.replaces(on: date, age: age).map { " – \($0)" } ?? ""))
        say("\(file.youngPerson.displayName)" + (age.map { ", \($0) år på planens dato (\(date.danishShort))" } ?? ""))
        if previous != nil { say("Tryk Enter for at beholde svaret fra version \(previous!.version) i [klammer].") }

        if kind.isForMinor {
            section("Det fandt undersøgelsen")
            if let exam = file.examination {
                for a in exam.areas {
                    say("- \(a.area.danish): " + (a.details?.findings ?? "ikke relevant (\(a.notRelevantReason ?? ""))"))
                    if let v = a.details?.ownView { say("    Den unge: \"\(v)\"") }
                }
                if let c = exam.conclusion { say("Konklusion: \(c.specialSupportNeeded ? "behov for særlig støtte" : "ikke behov for særlig støtte"). \(c.reasons)") }
            } else {
                say("Der er ikke registreret en undersøgelse. Registrér den med 'unge undersoeg \(file.id.rawValue)'.")
            }
        } else {
            section("Tilbud om handleplan (serviceloven § 141)")
            let offered = try p.ask("Dato for tilbuddet", defaultValue: (previous?.offer?.offeredDate ?? date).iso, parse: Answers.date) ?? date
            let responses = PlanOffer.Response.allCases
            Answers.menu(responses.map(\.danish), ctx: ctx)
            let response = try p.ask("Den unges svar (nummer)", parse: { Answers.choice($0, from: responses) }) ?? .pending
            // The day of the answer is asked for, never assumed: a document states only what was given.
            let answered = response == .pending
                ? nil
                : try p.ask("Hvornår svarede den unge? (kan springes over)", required: false, parse: Answers.date)
            plan.offer = PlanOffer(offeredDate: offered, response: response, responseDate: answered)
            if response == .declined { return plan }
            section("Grundlag")
            let old = previous?.adultBasis
            plan.adultBasis = AdultBasis(
                drugProblem: try p.ask("Stofmisbruget og de sociale problemer, det giver", defaultValue: old?.drugProblem) ?? "",
                socialSituation: try p.ask("Den sociale situation med ressourcer og belastninger", defaultValue: old?.socialSituation) ?? "",
                otherMatters: try p.ask("Andre relevante forhold, fx helbred", defaultValue: old?.otherMatters) ?? "")
        }

        section("Formål")
        plan.purpose = try p.ask("Formålet med indsatsen", defaultValue: previous?.purpose.isEmpty == false ? previous?.purpose : nil) ?? ""
        plan.decisionDate = try p.ask("Dato for afgørelsen om støtte (kan springes over)", required: false, defaultValue: (previous?.decisionDate ?? file.examination?.conclusion?.decisionDate)?.iso, parse: Answers.date)

        section("Mål")
        say("Positive mål: hvor vil den unge gerne hen? Brug gerne den unges egne ord (håndbogen kap. 4).")
        plan.goals = try goals(prefix: "M", keep: previous?.goals ?? [], transition: false)
        if let age, age >= 16, age < 18 {
            section("Mål for overgangen til voksenlivet (uddannelse og beskæftigelse)")
            plan.transitionGoals = try goals(prefix: "O", keep: previous?.transitionGoals ?? [], transition: true)
        }

        section("Indsatser")
        plan.measures = try measures(keep: previous?.measures ?? [], goalIDs: plan.allGoals.map(\.id))

        section("Andre særlige forhold")
        if let old = previous?.otherMatters, !old.isEmpty, try p.yesNo("Behold de \(old.count) forhold fra sidste version?", defaultValue: true) {
            plan.otherMatters = old
        } else {
            for topic in OtherMatter.Topic.allCases {
                if let text = try p.ask("\(topic.danish) (kan springes over)") { plan.otherMatters.append(OtherMatter(topic: topic, text: text)) }
            }
        }

        section("Deltagere")
        let how = try p.ask("Hvordan deltog den unge?", defaultValue: "Deltog i mødet")
        let formulated = try p.yesNo("Var den unge med til at formulere målene?", defaultValue: true)
        let why = formulated ? nil : try p.ask("Hvorfor ikke?")
        plan.participants.append(Participant(name: file.youngPerson.displayName, role: .youngPerson, how: how, formulatedGoals: formulated, note: why))
        if kind.isForMinor {
            for holder in file.network.custodyHolders {
                let h = try p.ask("Hvordan deltog \(holder.name) (forældremyndighed)?", defaultValue: "Deltog i mødet")
                let took = try p.yesNo("Var \(holder.name) med til at formulere målene?", defaultValue: true)
                let whyNot = took ? nil : try p.ask("Hvorfor ikke?")
                plan.participants.append(Participant(name: holder.name, role: .custodyHolder, how: h, formulatedGoals: took, note: whyNot))
            }
        }
        while let name = try p.ask("Andre deltagere: navn og rolle (tom for at gå videre)") {
            plan.participants.append(Participant(name: name, role: .professional, how: try p.ask("Hvordan deltog de?")))
        }

        section("Opfølgning")
        let suggested = previous?.nextFollowUp.map { $0 > date ? $0 : date.adding(months: 3) } ?? (plan.supportStart ?? date).adding(months: 3)
        if kind.isForMinor, let start = plan.supportStart {
            say("Første opfølgning senest \(start.adding(months: 3).danishLong) (3 måneder efter støtten begyndte).")
        }
        plan.nextFollowUp = try p.ask("Næste opfølgning", defaultValue: suggested.iso, parse: Answers.date)
        return plan
    }

    private func goals(prefix: String, keep: [Goal], transition: Bool) throws -> [Goal] {
        var out: [Goal] = []
        if !keep.isEmpty {
            say("Mål fra sidste version: " + keep.map { "\($0.id) \($0.text)" }.joined(separator: "; "))
            if try p.yesNo("Behold dem?", defaultValue: true) { out = keep }
        }
        let areas = ExaminationArea.allCases
        let topics = TransitionTopic.allCases
        while true {
            let n = out.count + 1
            guard let text = try p.ask("Mål \(prefix)\(n) (tom for at gå videre)") else { break }
            if StopGoalRule.isStopGoal(text) {
                say(ctx.console.yellow("  Målet handler om at stoppe noget. Kan det skrives som et positivt mål: hvor vil den unge hen?"))
            }
            var g = Goal(id: "\(prefix)\(n)", text: text)
            g.ownWords = try p.ask("Med den unges egne ord (kan springes over)")
            if transition {
                Answers.menu(topics.map(\.danish), ctx: ctx)
                g.transitionTopic = try p.ask("Hvad handler målet om (nummer)", parse: { Answers.choice($0, from: topics) })
            } else {
                Answers.menu(areas.map(\.danish), ctx: ctx)
                g.area = try p.ask("Hvilket område fra undersøgelsen svarer målet på (nummer, kan springes over)", required: false, parse: { Answers.choice($0, from: areas) })
            }
            g.subGoals = Answers.list(try p.ask("Delmål, adskilt af ; (kan springes over)"))
            g.firstSteps = Answers.list(try p.ask("Første skridt, adskilt af ; (kan springes over)"))
            g.progressSign = try p.ask("Hvordan ser vi, at det går fremad? (kan springes over)")
            out.append(g)
        }
        return out
    }

    private func measures(keep: [Measure], goalIDs: [String]) throws -> [Measure] {
        var out: [Measure] = []
        if !keep.isEmpty {
            say("Indsatser fra sidste version: " + keep.map(\.label).joined(separator: "; "))
            if try p.yesNo("Behold dem?", defaultValue: true) { out = keep }
        }
        let kinds = MeasureKind.allCases
        while try p.yesNo(out.isEmpty ? "Tilføj en indsats?" : "Tilføj endnu en indsats?", defaultValue: out.isEmpty) {
            Answers.menu(kinds.map(\.danish), ctx: ctx)
            guard let kind = try p.ask("Indsats (nummer)", parse: { Answers.choice($0, from: kinds) }) else { continue }
            var m = Measure(kind: kind)
            m.description = try p.ask("Beskrivelse, fx hvor ofte (kan springes over)")
            m.provider = try p.ask("Leverandør")
            m.start = try p.ask("Start (dato)", required: false, parse: Answers.date)
            m.expectedDuration = try p.ask("Forventet varighed, fx 6 måneder")
            m.goalIDs = Answers.list(try p.ask("Hvilke mål (\(goalIDs.joined(separator: ", "))), adskilt af ;"))
            out.append(m)
        }
        return out
    }
}
