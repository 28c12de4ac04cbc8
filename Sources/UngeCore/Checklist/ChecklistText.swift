import Foundation

/// Plain-text views of the checklists for the terminal (`unge check`). Pure: returns lines, never
/// prints.
public enum ChecklistText {
    /// The Danish word for an answer, "ubesvaret" for none.
    public static func word(_ answer: ChecklistAnswerValue?) -> String { answer?.danish ?? "ubesvaret" }

    /// `unge check`: the chapters with their item counts.
    public static func overview(_ chapters: [Chapter] = Checklist.chapters) -> String {
        let total = chapters.map(\.items.count).reduce(0, +)
        let width = chapters.map(\.title.count).max() ?? 0
        var lines = ["Håndbogens tjeklister: \(total) punkter i \(chapters.count) kapitler", ""]
        for c in chapters {
            lines.append("  Kapitel \(c.number)  \(padded(c.title, width))  \(c.items.count) punkter")
        }
        lines += [
            "",
            "Se et kapitels punkter:     unge check 7",
            "Gå en sag igennem:          unge check --sag 2026-0042",
            "Kun ét kapitel for en sag:  unge check 7 --sag 2026-0042",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every plan kind in force on `date` with its own paragraph: "barnets plan: barnets lov §§ 91-92 (tidl.
    /// serviceloven § 140); ungeplan: ...; handleplan fra 18 år: serviceloven § 141".
    static func planCitations(on date: LocalDate) -> String {
        let bl = date >= LegalReferences.barnetsLovEffective
        let kinds: [(String, PlanKind, Int)] =
            bl
            ? [
                ("barnets plan", .barnetsPlan, 0), ("ungeplan", .ungeplan, LegalAge.ungeplan),
                ("handleplan fra \(LegalAge.adult) år", .adultActionPlan, LegalAge.adult),
            ]
            : [
                ("handleplan under \(LegalAge.adult) år", .handbookActionPlan, 0),
                ("handleplan fra \(LegalAge.adult) år", .adultActionPlan, LegalAge.adult),
            ]
        return kinds.map { name, kind, age in
            "\(name): \(LegalReferences.reference(kind.legalRule).citation(on: date, age: age))"
        }.joined(separator: "; ")
    }

    /// `unge check 7`: the chapter's items with explanation, where to read more and the legal basis
    /// as it applies on `date`.
    public static func chapter(_ chapter: Chapter, on date: LocalDate) -> String {
        var lines = ["Kapitel \(chapter.number): \(chapter.title) (\(chapter.items.count) punkter)", ""]
        for item in chapter.items {
            lines.append("\(item.id)  \(item.question)")
            lines.append("     Hvorfor: \(item.explanation)")
            lines.append("     Læs mere: \(item.readMore)")
            if item.evidenceRule == .actionPlan {
                // Checklist 7.4 concerns every plan kind: each cites its own paragraph (AUDIT row 50).
                lines.append("     Lov: \(planCitations(on: date))")
            } else if let legal = item.legal {
                lines.append("     Lov: \(LegalReferences.reference(legal).citation(on: date))")
            }
            if item.evidenceRule != nil {
                lines.append("     Kan besvares ud fra sagen.")
            }
            lines.append("")
        }
        lines.append("Svar for en sag: unge check \(chapter.number) --sag ID")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One answered chapter: each item with its answer, where it came from and the evidence.
    public static func chapterResult(_ result: ChapterResult) -> String {
        var lines = ["Kapitel \(result.chapter.number): \(result.chapter.title)"]
        for r in result.items {
            lines.append("  \(padded(word(r.answer), 9))  \(r.item.id)  \(r.item.label)")
            lines += details(r).map { "             " + $0 }
        }
        lines.append("  " + counts(result))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The lines under an item: evidence from the case and the caseworker's saved answer.
    static func details(_ r: ItemResult) -> [String] {
        var out: [String] = []
        switch r.source {
        case .caseData:
            out.append("fra sagen: \(r.evidence ?? "")")
            if let s = r.saved { out.append("tidligere svar: \(savedText(s))") }
        case .caseworker:
            if let s = r.saved { out.append("dit svar: \(savedText(s))") }
            if let e = r.evidence { out.append("sagen: \(e)") }
        case .unanswered:
            if let e = r.evidence { out.append("sagen: \(e)") }
        }
        return out
    }

    /// `ja, 12.03.2026, mette: "aftalt med lederen"`.
    public static func savedText(_ s: ChecklistAnswer) -> String {
        var t = "\(s.answer.danish), \(s.date.danishShort)"
        if !s.user.isEmpty { t += ", \(s.user)" }
        if let note = s.note, !note.isEmpty { t += ": " + Quoted.text(note) }
        return t
    }

    /// `2 ja · 1 delvis · 1 nej · 1 ubesvaret`.
    public static func counts(_ r: ChapterResult) -> String {
        "\(r.yesCount) ja · \(r.partlyCount) delvis · \(r.noCount) nej · \(r.unansweredCount) ubesvaret"
    }

    /// A whole report: every chapter's items, then a summary per chapter and the total.
    public static func report(_ report: ChecklistReport) -> String {
        var head = "Tjekliste"
        if let id = report.caseID { head += " for sag \(id)" }
        head += ", \(report.date.danishShort)"
        var parts = [head + "\n"]
        parts += report.chapters.map(chapterResult)
        if report.chapters.count > 1 {
            let width = report.chapters.map(\.chapter.title.count).max() ?? 0
            var lines = ["Opsummering"]
            for c in report.chapters {
                lines.append("  Kapitel \(c.chapter.number)  \(padded(c.chapter.title, width))  \(counts(c))")
            }
            parts.append(lines.joined(separator: "\n") + "\n")
        }
        parts.append(verdict(report))
        return parts.joined(separator: "\n")
    }

    /// The last line: all yes, or how many items are still open.
    public static func verdict(_ report: ChecklistReport) -> String {
        let total = report.items.count
        if report.allYes { return "Alle \(total) punkter er besvaret ja.\n" }
        let open = report.openCount
        return "\(open) af \(total) punkter er ikke besvaret ja endnu.\n"
    }

    /// The question block shown before asking an item.
    public static func prompt(_ r: ItemResult) -> String {
        var lines = ["\(r.item.id)  \(r.item.question)", "     \(r.item.explanation)"]
        if let e = r.evidence { lines.append("     Sagen: \(e)") }
        if let s = r.saved { lines.append("     Tidligere svar: \(savedText(s))") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func padded(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }
}
