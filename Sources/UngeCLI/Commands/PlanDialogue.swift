import Foundation
import UngeCore

/// The guided plan dialogue: section by section, showing what the examination found. Questions and
/// hints go to stderr, so stdout carries only the document. The latest saved version's answers are
/// offered as defaults (Enter keeps), and each goal and measure can be kept, changed or removed
/// on its own.
struct PlanDialogue {
    let ctx: Context
    let file: CaseFile

    func sections(kind: PlanKind, date: LocalDate) -> [String] {
        let age = file.youngPerson.age(on: date)
        var out =
            kind.isForMinor ? ["Det fandt undersøgelsen"] : ["Tilbud om handleplan (serviceloven § 141)", "Grundlag"]
        out += ["Formål", "Mål"]
        if LegalAge.needsTransitionGoals(age: age) { out.append(Self.transitionSection) }
        out += ["Indsatser", "Andre særlige forhold", "Deltagere", "Opfølgning"]
        return out
    }

    static let transitionSection = "Mål for overgangen til voksenlivet (uddannelse og beskæftigelse)"

    func run(_ p: DialogueSession, version: Int, date: LocalDate, kind: PlanKind, changeNoteGiven: Bool = false)
        throws -> ActionPlan
    {
        func say(_ s: String) { p.say(s) }
        let age = file.youngPerson.age(on: date)
        let previous = file.actionPlans.max { $0.version < $1.version }
        var plan = ActionPlan(version: version, date: date, author: ctx.user, kind: kind)
        p.plan(sections: sections(kind: kind, date: date))
        ctx.console.error(
            ctx.console.bold(kind.title(on: date, age: age))
                + (kind.replaces(on: date, age: age).map { " – \($0)" } ?? ""))
        ctx.console.error(
            "\(file.youngPerson.displayName)" + (age.map { ", \($0) år på planens dato (\(date.danishShort))" } ?? ""))
        if previous != nil {
            ctx.console.error(
                "Tryk Enter for at beholde svaret fra version \(previous!.version) i [klammer]; skriv - for at tømme et felt."
            )
        }

        if kind.isForMinor {
            p.section("Det fandt undersøgelsen")
            if let exam = file.examination {
                for a in exam.areas {
                    say(
                        "- \(a.area.danish): " + (a.details?.findings ?? "ikke relevant (\(a.notRelevantReason ?? ""))")
                    )
                    if let v = a.details?.ownView { say("    Den unge: " + Quoted.text(v)) }
                }
                if let c = exam.conclusion {
                    say(
                        "Konklusion: \(c.specialSupportNeeded ? "behov for særlig støtte" : "ikke behov for særlig støtte"). \(c.reasons)"
                    )
                }
            } else {
                say("Der er ikke registreret en undersøgelse. Registrér den med 'unge undersoeg \(file.id.rawValue)'.")
            }
        } else {
            p.section("Tilbud om handleplan (serviceloven § 141)")
            let offered =
                try p.ask(
                    "Dato for tilbuddet", defaultValue: (previous?.offer?.offeredDate ?? date).iso, parse: Answers.date)
                ?? date
            let response =
                try p.choose(
                    "Den unges svar (nummer)", from: PlanOffer.Response.allCases, label: \.danish,
                    defaultValue: previous?.offer?.response) ?? .pending
            // The day of the answer is asked for, never assumed: a document states only what was given.
            let answered =
                response == .pending
                ? nil
                : try p.ask("Hvornår svarede den unge? (kan springes over)", required: false, parse: Answers.date)
            plan.offer = PlanOffer(offeredDate: offered, response: response, responseDate: answered)
            if response == .declined { return plan }
            p.section("Grundlag")
            let old = previous?.adultBasis
            plan.adultBasis = AdultBasis(
                drugProblem: try p.ask(
                    "Stofmisbruget og de sociale problemer, det giver", defaultValue: old?.drugProblem, long: true)
                    ?? "",
                socialSituation: try p.ask(
                    "Den sociale situation med ressourcer og belastninger", defaultValue: old?.socialSituation,
                    long: true) ?? "",
                otherMatters: try p.ask(
                    "Andre relevante forhold, fx helbred", defaultValue: old?.otherMatters, long: true) ?? "")
        }

        p.section("Formål")
        plan.purpose =
            try p.ask(
                "Formålet med indsatsen", defaultValue: previous?.purpose.isEmpty == false ? previous?.purpose : nil,
                long: true) ?? ""
        plan.decisionDate = try p.ask(
            "Dato for afgørelsen om støtte (kan springes over)", required: false,
            defaultValue: (previous?.decisionDate ?? file.examination?.conclusion?.decisionDate)?.iso,
            parse: Answers.date)

        p.section("Mål")
        say(
            "Skriv målene positivt: hvor vil den unge gerne hen, ikke hvad der skal stoppe. Brug gerne den unges egne ord (håndbogen kap. 4)."
        )
        plan.goals = try goals(p, prefix: "M", keep: previous?.goals ?? [], transition: false, minor: kind.isForMinor)
        if LegalAge.needsTransitionGoals(age: age) {
            p.section(Self.transitionSection)
            plan.transitionGoals = try goals(
                p, prefix: "O", keep: previous?.transitionGoals ?? [], transition: true, minor: kind.isForMinor)
        }

        p.section("Indsatser")
        plan.measures = try measures(
            p, keep: previous?.measures ?? [], goalIDs: plan.allGoals.map(\.id), minor: kind.isForMinor, date: date)

        p.section("Andre særlige forhold")
        // The family's support is asked where the law asks for it: a placement (BL § 92 stk. 3, § 109 stk. 4).
        let placed = DecisionLaw.planBases(file.decisions, on: date).contains { $0.kind.isPlacement }
        for topic in OtherMatter.Topic.allCases where topic != .familySupport || (placed && kind.isForMinor) {
            let old = previous?.otherMatters.first { $0.topic == topic }?.text
            if let text = try p.ask("\(topic.danish) (kan springes over)", defaultValue: old) {
                plan.otherMatters.append(OtherMatter(topic: topic, text: text))
            }
        }

        p.section("Deltagere")
        // The ungeplan is made so far as possible with the custody holder's and the young person's consent
        // (BL § 109 stk. 2): asked for each of them, said first; left empty it is "ikke noteret" (a warning).
        let asksConsent = kind == .ungeplan && date >= LegalReferences.barnetsLovEffective
        let minor = (age ?? 0) < LegalAge.adult
        if asksConsent {
            let rule = LegalReferences.reference(.ungeplanConsent).paragraph(on: date, age: age)
            say(
                minor
                    ? "Ungeplanen udarbejdes så vidt muligt med samtykke fra forældremyndighedsindehaveren og den unge (\(rule))."
                    : "Ungeplanen udarbejdes så vidt muligt med den unges samtykke (\(rule)).")
        }
        func consent(_ who: String, old: Participant?) throws -> (Bool?, String?) {
            guard asksConsent else { return (nil, nil) }
            let given = try p.ask(
                "Har \(who) givet samtykke til planen? (j/n; tom linje: ikke noteret)", required: false,
                defaultValue: old?.consentToPlan.map { $0 ? "j" : "n" }
            ) { text -> Result<Bool, UsageError> in
                ConcernReportDraft.parseYesNo(text).map { .success($0) }
                    ?? .failure(.message("Svar j (ja) eller n (nej), eller tryk Enter, hvis det ikke er afklaret."))
            }
            guard given == false else { return (given, nil) }
            let note = try p.ask(
                "Hvorfor ikke, og hvad er gjort for at opnå samtykket?", defaultValue: old?.consentNote)
            return (given, note)
        }
        let oldYoung = previous?.participants.first { $0.role == .youngPerson }
        let how = try p.ask("Hvordan deltog den unge?", defaultValue: oldYoung?.how ?? "Deltog i mødet")
        let formulated = try p.yesNo(
            "Var den unge med til at formulere målene?", defaultValue: oldYoung?.formulatedGoals ?? true)
        let why = formulated ? nil : try p.ask("Hvorfor ikke?", defaultValue: oldYoung?.note)
        let (youngConsent, youngConsentNote) = try consent("den unge", old: oldYoung)
        plan.participants.append(
            Participant(
                name: file.youngPerson.displayName, role: .youngPerson, how: how, formulatedGoals: formulated,
                note: why,
                consentToPlan: youngConsent, consentNote: youngConsentNote))
        if kind.isForMinor {
            for holder in file.network.custodyHolders {
                let old = previous?.participants.first { $0.role == .custodyHolder && $0.name == holder.name }
                let h = try p.ask(
                    "Hvordan deltog \(holder.name) (forældremyndighed)?", defaultValue: old?.how ?? "Deltog i mødet")
                let took = try p.yesNo(
                    "Var \(holder.name) med til at formulere målene?", defaultValue: old?.formulatedGoals ?? true)
                let whyNot = took ? nil : try p.ask("Hvorfor ikke?", defaultValue: old?.note)
                let (given, note) = minor ? try consent(holder.name, old: old) : (nil, nil)
                plan.participants.append(
                    Participant(
                        name: holder.name, role: .custodyHolder, how: h, formulatedGoals: took, note: whyNot,
                        consentToPlan: given, consentNote: note))
            }
        }
        let oldOthers = previous?.participants.filter { $0.role == .professional } ?? []
        var n = 0
        while let name = try p.ask(
            "Andre deltagere: navn og rolle (tom for at gå videre)",
            defaultValue: n < oldOthers.count ? oldOthers[n].name : nil)
        {
            plan.participants.append(
                Participant(
                    name: name, role: .professional,
                    how: try p.ask("Hvordan deltog de?", defaultValue: n < oldOthers.count ? oldOthers[n].how : nil)))
            n += 1
        }

        p.section("Opfølgning")
        let suggested =
            previous?.nextFollowUp.map { $0 > date ? $0 : LegalPeriod.firstFollowUpDue(start: date) }
            ?? LegalPeriod.firstFollowUpDue(start: plan.supportStart ?? date)
        if kind.isForMinor, let start = plan.supportStart {
            say(
                "Første opfølgning senest \(LegalPeriod.firstFollowUpDue(start: start).danishLong) (\(LegalPeriod.firstFollowUpMonths) måneder efter støtten begyndte)."
            )
        }
        plan.nextFollowUp = try p.ask("Næste opfølgning", defaultValue: suggested.iso, parse: Answers.date)
        if let previous, !changeNoteGiven {
            // Every new version says what changed, for the history and the next reader.
            say("Skriv kort, hvad der er ændret siden version \(previous.version) (\(previous.date.danishShort)).")
            plan.changeNote = try p.ask("Hvad er ændret i denne version?", required: true)
        }
        return plan
    }

    /// Keep, change or remove each goal of the last version, then add new ones.
    private func goals(_ p: DialogueSession, prefix: String, keep: [Goal], transition: Bool, minor: Bool) throws
        -> [Goal]
    {
        var out: [Goal] = []
        for old in keep {
            p.say("\(old.id): \(old.text)")
            let what =
                try p.ask("Behold, ret eller slet \(old.id)? (b/r/s)", defaultValue: "b") {
                    Answers.keepChangeDelete($0)
                } ?? .keep
            // A goal keeps its id, so measures and treatment plans that point to it stay right.
            switch what {
            case .keep: out.append(old)
            case .change: out.append(try goal(p, id: old.id, old: old, transition: transition, minor: minor))
            case .delete: break
            }
        }
        var next = (keep.compactMap { Int($0.id.dropFirst(prefix.count)) }.max() ?? 0) + 1
        while true {
            let id = "\(prefix)\(next)"
            guard let text = try p.ask("Mål \(id) (tom for at gå videre)") else { break }
            out.append(try goal(p, id: id, text: text, old: nil, transition: transition, minor: minor))
            next += 1
        }
        return out
    }

    private func goal(
        _ p: DialogueSession, id: String, text given: String? = nil, old: Goal?, transition: Bool, minor: Bool
    ) throws -> Goal {
        var text = try given ?? p.ask("Mål \(id)", required: true, defaultValue: old?.text) ?? ""
        if StopGoalRule.isStopGoal(text) {
            // The hint comes before the question it is about: write it again, or keep it with Enter.
            p.say(
                ctx.console.yellow(
                    "  Målet handler om at stoppe noget. Kan det skrives som et positivt mål: hvor vil den unge hen?"))
            text =
                try p.ask("Mål \(id) skrevet positivt (Enter beholder det)", required: true, defaultValue: text) ?? text
        }
        var g = Goal(id: id, text: text)
        g.ownWords = try p.ask("Med den unges egne ord (kan springes over)", defaultValue: old?.ownWords)
        if transition {
            g.transitionTopic = try p.choose(
                "Hvad handler målet om (nummer)", from: TransitionTopic.allCases, label: \.danish,
                defaultValue: old?.transitionTopic)
        } else if minor {
            // Only a child's plan builds on the børnefaglige undersøgelse.
            g.area = try p.choose(
                "Hvilket område fra undersøgelsen svarer målet på (nummer, kan springes over)",
                from: ExaminationArea.allCases, label: \.danish, required: false, defaultValue: old?.area)
        }
        g.subGoals = try p.list("Delmål, adskilt af ; (kan springes over)", defaultValue: old?.subGoals ?? [])
        g.firstSteps = try p.list(
            "Første skridt, adskilt af ; (kan springes over)", defaultValue: old?.firstSteps ?? [])
        g.progressSign = try p.ask(
            "Hvordan ser vi, at det går fremad? (kan springes over)", defaultValue: old?.progressSign)
        return g
    }

    /// The measures: first those the case's registered decisions grant (provider, start and duration
    /// are already known; only the goals they serve are asked), then the last version's other
    /// measures (keep, change or remove), then new ones. Goal references must name goals of this plan.
    private func measures(_ p: DialogueSession, keep: [Measure], goalIDs: [String], minor: Bool, date: LocalDate)
        throws -> [Measure]
    {
        var out: [Measure] = []
        var rest = keep
        let decisions = file.decisions.filter { d in
            Self.measureKind(d.kind) != nil && (d.end.map { $0.date >= date } ?? true)
        }
        if !decisions.isEmpty {
            p.say("Sagens afgørelser tages med som indsatser; du skal kun sige, hvilke mål de arbejder hen imod.")
        }
        for d in decisions {
            // A measure of the last version from this decision keeps its goals as the default.
            let earlier =
                rest.firstIndex { $0.decisionID == d.id }
                ?? rest.firstIndex { m in
                    m.decisionID == nil && m.kind == Self.measureKind(d.kind) && m.provider == d.provider
                        && m.start == d.start
                }
            let old = earlier.map { rest.remove(at: $0) }
            var m = Measure(
                kind: Self.measureKind(d.kind)!, description: old?.description ?? Self.description(of: d),
                provider: d.provider, start: d.start, expectedDuration: d.expectedDuration)
            m.decisionID = d.id
            let facts = [
                d.provider.map { "leverandør \($0)" }, d.start.map { "start \($0.danishShort)" },
                d.expectedDuration.map { "varighed \($0)" },
            ].compactMap { $0 }
            p.say(
                "Afgørelse \(d.id): \(d.kind.danishName)" + (facts.isEmpty ? "" : " (\(facts.joined(separator: ", ")))")
            )
            m.goalIDs = try goalList(
                p, for: "\(d.kind.danishName) (\(d.id))", old: old?.goalIDs ?? [], goalIDs: goalIDs)
            out.append(m)
        }
        for old in rest {
            p.say("Indsats: \(old.label)")
            let what =
                try p.ask("Behold, ret eller slet indsatsen? (b/r/s)", defaultValue: "b") {
                    Answers.keepChangeDelete($0)
                } ?? .keep
            switch what {
            case .keep:
                var m = old
                m.goalIDs = m.goalIDs.filter(goalIDs.contains)
                if m.goalIDs.count < old.goalIDs.count {
                    // A goal it served is gone: ask again, naming the measure and offering the rest.
                    let gone = old.goalIDs.filter { !goalIDs.contains($0) }
                    p.say("\(old.label) arbejdede hen imod \(gone.joined(separator: ", ")), som ikke er i planen mere.")
                    m.goalIDs = try goalList(p, for: old.kind.danish, old: m.goalIDs, goalIDs: goalIDs)
                }
                out.append(m)
            case .change: out.append(try measure(p, old: old, goalIDs: goalIDs, minor: minor))
            case .delete: break
            }
        }
        while try p.yesNo(out.isEmpty ? "Tilføj en indsats?" : "Tilføj endnu en indsats?", defaultValue: out.isEmpty) {
            out.append(try measure(p, old: nil, goalIDs: goalIDs, minor: minor))
        }
        return out
    }

    /// The measure kinds a plan offers: a plan for an adult (serviceloven § 141) has no relief care
    /// and no placement, which are measures for children.
    static func kinds(minor: Bool) -> [MeasureKind] {
        minor ? MeasureKind.allCases : MeasureKind.allCases.filter { $0 != .respiteCare && $0 != .placement }
    }

    /// The plan measure a decision grants; nil for the stillingtagen and anonymous counselling.
    static func measureKind(_ kind: DecisionKind) -> MeasureKind? {
        switch kind {
        case .planStance, .anonymousTreatment: return nil
        case .contactPerson, .youthSupportContactPerson: return .contactPerson
        case .treatmentOutpatient, .adultTreatmentOutpatient, .alcoholTreatment: return .outpatientDrugTreatment
        case .respiteStay: return .respiteCare
        case .placementWithConsent, .placementWithoutConsent, .handbookPlacement, .maintainedPlacement:
            return .placement
        case .youthSupportResidential, .youthSupportTransition, .youthSupportOther, .youthSupportReestablished,
            .handbookAftercare:
            return .youthSupport
        default: return .other
        }
    }

    /// What the plan says about a decision's measure when its kind says too little.
    static func description(of d: Decision) -> String? {
        measureKind(d.kind) == .other || d.kind.isResidentialTreatment ? d.kind.danishName : nil
    }

    /// "Which goals does this measure serve?", naming the measure; the earlier answer is offered.
    private func goalList(_ p: DialogueSession, for measure: String, old: [String], goalIDs: [String]) throws
        -> [String]
    {
        // Goal ids in any case: "m1" is M1.
        func canonical(_ id: String) -> String? { goalIDs.first { $0.lowercased() == id.lowercased() } }
        return try p.list(
            "Hvilke mål arbejder \(measure) hen imod (\(goalIDs.joined(separator: ", ")))? Adskil med ; eller ,",
            defaultValue: old.filter(goalIDs.contains)
        ) { id in
            canonical(id) != nil
                ? nil
                : "Planen har ikke et mål \(id). Vælg blandt \(goalIDs.isEmpty ? "(ingen mål endnu)" : goalIDs.joined(separator: ", "))."
        }.compactMap(canonical)
    }

    private func measure(_ p: DialogueSession, old: Measure?, goalIDs: [String], minor: Bool) throws -> Measure {
        let kinds = Self.kinds(minor: minor)
        let kind =
            try p.choose(
                "Indsats (nummer)", from: kinds, label: \.danish,
                defaultValue: old.map(\.kind).flatMap { kinds.contains($0) ? $0 : nil })
            ?? .other
        var m = Measure(kind: kind)
        m.decisionID = old?.decisionID
        m.description = try p.ask("Beskrivelse, fx hvor ofte (kan springes over)", defaultValue: old?.description)
        m.provider = try p.ask("Leverandør", defaultValue: old?.provider)
        m.start = try p.ask("Start (dato)", required: false, defaultValue: old?.start?.iso, parse: Answers.date)
        m.expectedDuration = try p.ask("Forventet varighed, fx 6 måneder", defaultValue: old?.expectedDuration)
        m.goalIDs = try goalList(p, for: kind.danish, old: old?.goalIDs ?? [], goalIDs: goalIDs)
        return m
    }
}
