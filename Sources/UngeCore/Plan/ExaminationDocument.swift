import Foundation

/// Builds the examination summary (sammenfatning af den børnefaglige undersøgelse) as a `Document`.
public enum ExaminationDocument {
    /// `date` decides the paragraphs cited; with `draft`, error findings become MANGLER markers.
    public static func build(
        _ exam: Examination, in caseFile: CaseFile, on date: LocalDate, findings: [Finding] = [], draft: Bool = false,
        showCPR: Bool = false
    ) -> Document {
        let age = caseFile.youngPerson.age(on: date)
        // An afdækning rests on BL § 19 and has no time limit (AUDIT row 7, D2).
        let rule: LegalRuleID = exam.kind == .afdaekning ? .preliminaryAssessment : .examination
        let citation = LegalReferences.reference(rule).citation(on: date, age: age)
        let name = exam.kind == .afdaekning ? "Afdækning" : "Børnefaglig undersøgelse"
        var doc = Document(title: name, subtitle: "Efter \(citation)")
        if draft { doc.add(.note("KLADDE: undersøgelsen opfylder endnu ikke alle krav.")) }
        var fields = PlanDocument.personFields(caseFile, on: date, showCPR: showCPR)
        fields.append(("Kommunen blev opmærksom på behovet", exam.awareDate.danishLong))
        if let due = exam.completionDue {
            fields.append(
                (
                    "Frist for afslutning",
                    Citing.inline(
                        due.danishLong,
                        citation: LegalReferences.reference(.examinationDeadline).citation(on: date, age: age))
                ))
        }
        fields.append(("Afsluttet", exam.completedDate?.danishLong ?? "ikke afsluttet"))
        if let a = exam.author { fields.append(("Udarbejdet af", a)) }
        doc.add(.fields(fields))
        if draft {
            for f in findings where f.severity == .error { doc.add(.missing(PlanDocument.text(of: f))) }
        }

        doc.add(.heading("Samarbejde og samtykke", level: 2))
        if exam.participants.isEmpty {
            doc.add(.paragraph("Ingen deltagere er noteret."))
        } else {
            doc.add(
                .table(
                    header: ["Navn", "Rolle", "Sådan deltog de"],
                    rows: exam.participants.map {
                        [$0.name, $0.role.danish, [$0.how, $0.note].compactMap { $0 }.joined(separator: "; ")]
                    }))
        }
        if !exam.consents.isEmpty {
            doc.add(
                .table(
                    header: ["Samtykke fra", "Rolle", "Om", "Dato", "Givet"],
                    rows: exam.consents.map {
                        [$0.givenBy, $0.role.danish, $0.about, $0.date.danishShort, $0.given ? "ja" : "nej"]
                    }))
        }
        if let map = Figures.networkMap(caseFile) { doc.add(map) }

        doc.add(.heading("Børnesamtale", level: 2))
        if let i = exam.childInterview {
            var f: [(String, String)] = [
                ("Dato", i.date.danishLong),
                ("Oplyst om retten til en bisidder", i.supportPersonOffered ? "ja" : "nej"),
                ("Bisidder deltog", i.supportPersonUsed ? (i.supportPerson.map { "ja (\($0))" } ?? "ja") : "nej"),
            ]
            if let s = i.summary { f.append(("Den unge fortalte", s)) }
            doc.add(.fields(f))
        } else {
            doc.add(.paragraph("Der er ikke registreret en børnesamtale."))
        }

        doc.add(.heading("Områder", level: 2))
        for area in ExaminationArea.allCases {
            doc.add(.heading(area.danish, level: 3))
            guard let a = exam.assessment(of: area) else {
                doc.add(
                    draft
                        ? .missing("Området er hverken beskrevet eller markeret som ikke relevant.")
                        : .paragraph(Citing.notGiven))
                continue
            }
            switch a.content {
            case .notRelevant(let reason):
                doc.add(.paragraph("Ikke relevant: \(reason)"))
            case .described(let d):
                var f: [(String, String)] = [("Det fandt vi", d.findings)]
                if let r = d.resources { f.append(("Ressourcer", r)) }
                if let p = d.problems { f.append(("Problemer", p)) }
                if let v = d.ownView { f.append(("Den unges egen opfattelse", v)) }
                if !d.sources.isEmpty { f.append(("Kilder", d.sources.map(\.label).joined(separator: "; "))) }
                doc.add(.fields(f))
            }
        }

        doc.add(.heading("Forbrug og screening", level: 2))
        var use: [(String, String)] = []
        if let s = exam.substanceUse { use.append(("Forbrug", s)) }
        if let p = exam.usePhase { use.append(("Misbrugsfase", p.label)) }
        if let s = exam.stageOfChange { use.append(("Forandringscirklen", s.danish)) }
        if !use.isEmpty { doc.add(.fields(use)) }
        if exam.screenings.isEmpty {
            doc.add(.paragraph("Ingen screening er registreret."))
        } else {
            doc.add(
                .table(
                    header: ["Redskab", "Version", "Dato", "Resultat"],
                    rows: exam.screenings.map { s in
                        let scores = s.scores.map { "\($0.area): \($0.value)" }
                        let result = (scores + [s.summary].compactMap { $0 }).joined(separator: "; ")
                        return [s.instrument, s.version ?? "", s.date.danishShort, result]
                    }))
        }

        doc.add(.heading("Konklusion", level: 2))
        if let c = exam.conclusion {
            var f: [(String, String)] = [
                ("Behov for særlig støtte", c.specialSupportNeeded ? "ja" : "nej"), ("Begrundelse", c.reasons),
            ]
            if let p = c.provisionalAssessment { f.append(("Foreløbig vurdering", p)) }
            if let d = c.decisionDate { f.append(("Afgørelse om støtte", d.danishLong)) }
            doc.add(.fields(f))
        } else {
            doc.add(.paragraph("Undersøgelsen er ikke konkluderet endnu."))
        }
        if draft { PlanDocument.addRemarks(findings, to: &doc) }
        return doc
    }
}
