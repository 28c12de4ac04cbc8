import Foundation
import UngeCore
import UngeStore

/// Saved document versions as records (issue 20 item 3), the same for every document command: at
/// save the document is rendered once with the letterhead and author from the settings in force and
/// kept with the version (`DocumentRecord`); every print renders that record with one line
/// "Udskrevet <dato> af <bruger>", so a reprint equals the first print apart from that line. A
/// version saved before records existed is drawn as today, and its print line says so.
enum DocumentRecords {
    /// The acting user as the settings name them now.
    static func stamp(store: any Store, ctx: Context) throws -> AuthorStamp {
        let profile = try store.loadSettings().profile(of: ctx.user)
        return AuthorStamp(user: ctx.user, fullName: profile?.fullName, title: profile?.title)
    }

    /// The record of `doc`, saved now on `file` (the case after the change): the letterhead of the
    /// settings in force (`head`), the author stamp and the facts of the document's date.
    static func make(
        _ doc: Document, kind: DocumentKind, ref: String, date: LocalDate, file: CaseFile, findings: [Finding],
        stamp: AuthorStamp, head: Document.Letterhead, ctx: Context
    ) -> DocumentRecord {
        var d = doc
        if d.letterhead == nil { d.setLetterhead(head, authorUser: ctx.user) }
        return DocumentRecord(
            kind: kind, ref: ref, date: date, recorded: ctx.now, author: stamp,
            facts: RecordFacts.snapshot(file, on: date), document: d,
            findings: findings.filter { $0.severity != .error })
    }

    /// "Udskrevet 7. december 2026 af Bo Holm, Socialrådgiver." (plus notes), for the acting user.
    static func printLine(store: any Store, ctx: Context, notes: [String] = []) throws -> String {
        PrintLine.text(on: ctx.today, by: try stamp(store: store, ctx: ctx).line, notes: notes)
    }

    /// The saved document of `record`, ready to print now. A record kept while its case was being
    /// created carries the placeholder case number `ny` (the store numbers the case); `caseID` fills it in.
    static func printed(
        _ record: DocumentRecord, store: any Store, ctx: Context, notes: [String] = [], caseID: CaseID? = nil
    ) throws -> Document {
        var d = record.document
        if let caseID, d.letterhead?.caseID == CaseID.placeholder.rawValue {
            d.letterhead?.caseID = caseID.rawValue
            let stand = CaseID.placeholder.rawValue + ", "
            d.blocks = d.blocks.map { b in
                guard case .fields(let pairs) = b else { return b }
                return .fields(
                    pairs.map { $0.1.hasPrefix(stand) ? ($0.0, caseID.rawValue + $0.1.dropFirst(stand.count - 2)) : $0 }
                )
            }
        }
        d.printedLine = try printLine(store: store, ctx: ctx, notes: notes)
        return d
    }

    /// A version saved before records existed: drawn from the case as it is now, and the print line says so.
    static func redrawn(_ doc: Document, store: any Store, ctx: Context, notes: [String] = []) throws -> Document {
        var d = doc
        d.printedLine = try printLine(store: store, ctx: ctx, notes: [PrintLine.redrawn] + notes)
        return d
    }
}
