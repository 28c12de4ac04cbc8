import Foundation

/// The network map (netværkskort) as a document: people by arena, nearest first (handbook ch. 5).
public enum NetworkMap {
    public static func document(for file: CaseFile) -> Document {
        var doc = Document(
            title: "Netværkskort for \(file.youngPerson.displayName)", subtitle: "Sag \(file.id.rawValue)")
        if file.network.people.isEmpty {
            doc.add(
                .paragraph(
                    "Der er ikke tegnet et netværkskort endnu. Tilføj personer med 'unge netvaerk \(file.id.rawValue) --tilfoej NAVN --relation ... --arena ...'."
                ))
            return doc
        }
        for arena in Arena.allCases {
            let people = file.network.people.filter { $0.arena == arena }.sorted { $0.closeness < $1.closeness }
            doc.add(.heading(arena.danish.capitalizedFirstLetter, level: 2))
            if people.isEmpty {
                doc.add(.paragraph("Ingen i denne arena."))
                continue
            }
            doc.add(
                .list(
                    people.map { p in
                        var parts = ["\(p.name) (\(p.relation), nærhed \(p.closeness))"]
                        if p.custodyHolder { parts.append("har forældremyndigheden") }
                        if p.canSupport { parts.append("kan støtte") }
                        var line = parts.joined(separator: ", ")
                        if let g = p.whatIsGood { line += "\nGodt: \(g)" }
                        if let h = p.whatIsHard { line += "\nSvært: \(h)" }
                        return line
                    }))
        }
        let arenas = file.network.arenasInUse.count
        doc.add(
            .paragraph(
                "\(file.network.people.count) personer i \(arenas) af \(Arena.allCases.count) arenaer; \(file.network.people.filter(\.canSupport).count) kan støtte den unge."
            ))
        if let c = file.network.conflicts { doc.add(.note("Konflikter: \(c)")) }
        return doc
    }
}

extension String {
    /// The string with its first letter in upper case.
    public var capitalizedFirstLetter: String { prefix(1).uppercased() + dropFirst() }
}
