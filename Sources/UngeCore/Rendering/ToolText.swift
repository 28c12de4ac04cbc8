import Foundation

/// Tool records in words: the journal entry a registration writes and the lines documents show.
public enum ToolText {
    /// The readable Danish journal entry for a new record.
    public static func journal(_ r: ToolRecord) -> String {
        let name = DialogueTool.danishName(ofID: r.tool)
        var text = "\(name.capitalizedFirstLetter) brugt \(r.date.danishShort)."
        let content = lines(r)
        if !content.isEmpty { text += " " + content.joined(separator: " ") }
        if let s = r.summary { text += " Resumé: \(sentence(s))" }
        return text
    }

    /// The content of a record as short sentences (empty for a record with only a summary).
    public static func lines(_ r: ToolRecord) -> [String] {
        var out: [String] = []
        if let who = r.consentGivenBy {
            out.append("Oplysningerne blev udvekslet med samtykke fra \(who).")
        } else if r.tool == DialogueTool.ssdMeeting.rawValue {
            out.append("Oplysningerne blev udvekslet uden samtykke.")
        }
        if let w = r.lifeWheel {
            out.append(
                "Livshjulet (nu, ønsket): "
                    + w.areas.map { a in
                        "\(a.name) \(a.now)" + (a.wished.map { "/\($0)" } ?? "")
                            + (a.words.map { " (\"\($0)\")" } ?? "")
                    }.joined(separator: "; ") + ".")
        }
        if let l = r.lifeline {
            let highs = l.events.filter { $0.kind == .high }.count
            out.append(
                "Livslinjen har \(l.events.count) \(l.events.count == 1 ? "hændelse" : "hændelser") (\(highs) op, \(l.events.count - highs) ned): "
                    + l.events.map { "\($0.date.danishShort) \($0.kind == .high ? "op" : "ned"): \($0.text)" }.joined(
                        separator: "; ") + ".")
        }
        if let p = r.prosCons {
            if let t = p.topic { out.append("Emne: \(t).") }
            for cell in ProsConsCell.allCases where !p.items(cell).isEmpty {
                out.append(
                    "\(cell.danish.capitalizedFirstLetter) (vægt i alt \(p.weight(cell))): "
                        + p.items(cell).map { item in
                            "\(item.text) \(item.importance)" + (item.likelihood.map { "/\($0)" } ?? "")
                        }.joined(separator: "; ") + ".")
            }
        }
        if let s = r.stage {
            out.append(
                "Forandringscirklen: \(s.stage.danish)" + (s.relapse ? " efter tilbagefald" : "") + "."
                    + (s.note.map { " \($0)" } ?? ""))
        }
        if let a = r.concernArc {
            var line = "Bekymringsbuen: \(a.level.danish) (\(a.level.meaning))."
            if let up = a.raiseIf { line += " Højere, hvis: \(sentence(up))" }
            if let down = a.lowerIf { line += " Lavere, hvis: \(sentence(down))" }
            out.append(line)
        }
        return out
    }

    /// The text ending in a full stop (or other closing punctuation).
    static func sentence(_ s: String) -> String {
        guard let last = s.last else { return s }
        return ".!?:\"".contains(last) ? s : s + "."
    }

    /// The records of a tool that hold content, oldest first (same date: in the order made).
    public static func history(_ tool: DialogueTool, in records: [ToolRecord]) -> [ToolRecord] {
        records.enumerated().filter { $0.element.tool == tool.rawValue && $0.element.hasContent }
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }
}
