import Foundation
import UngeCore
import UngeStore

/// The archive copy of one case (`unge eksport <sag> --arkiv --ud MAPPE`, and `unge slet` before
/// it deletes): the stored document, the case as a readable HTML page with full CPR numbers (the
/// copy is the record itself), the audit trail, a manifest and `SHA256SUMS` (`CaseArchive`).
enum ArchiveCopy {
    /// Writes and verifies the copy of `id` into `folder/<id>/`, audited first (fail closed).
    /// Returns the copy's folder, the revision archived and the manifest's checksum.
    @discardableResult
    static func write(_ id: CaseID, to folder: String, store: any Store, ctx: Context) throws -> (
        path: String, revision: Int, manifestSHA: String
    ) {
        let (file, json) = try store.editableDocument(id)
        let events = try store.auditEvents(for: id).events
        let today = ctx.today
        let sheet = CaseSheet.build(file, today: today, showCPR: true, nextSteps: nil)
        var doc = sheet.document(pictures: file)
        doc.setLetterhead(try ctx.letterhead(store: store, caseID: id, date: today), authorUser: ctx.user)
        let html = HTMLRenderer.render(doc)
        let dir = CaseArchive.path(of: id, in: folder)
        try store.appendAudit(
            ctx.event(
                .export, caseID: id, before: file.revision, after: file.revision,
                criterion: ExportTrail.criterion("arkivkopi", path: dir)))
        do {
            try CaseArchive.write(
                id: id, revision: file.revision, caseJSON: [UInt8](json), events: events,
                readable: [("sag.html", Array(html.utf8))], to: folder, now: ctx.now, user: ctx.user,
                storeRoot: ctx.storeFolder)
        } catch let p {
            throw CLIError.data("Arkivkopien af sag \(id) kunne ikke skrives: \(p.reason)")
        }
        let sums = (try? String(contentsOfFile: dir + "/SHA256SUMS", encoding: .utf8)) ?? ""
        let manifestSHA =
            sums.split(separator: "\n").first { $0.hasSuffix("  manifest.json") }.map { String($0.prefix(64)) } ?? ""
        return (dir, file.revision, manifestSHA)
    }

    /// Verifies an existing copy of `id` in `folder` against the case as stored now. Returns the
    /// revision and the manifest's checksum.
    static func verify(_ id: CaseID, in folder: String, store: any Store) throws -> (revision: Int, manifestSHA: String)
    {
        let (file, json) = try store.editableDocument(id)
        let dir = CaseArchive.path(of: id, in: folder)
        do { try CaseArchive.verify(dir, id: id, caseJSON: [UInt8](json)) } catch let p {
            throw CLIError.data(p.reason + " Sag \(id) er ikke slettet.")
        }
        let sums = (try? String(contentsOfFile: dir + "/SHA256SUMS", encoding: .utf8)) ?? ""
        let manifestSHA =
            sums.split(separator: "\n").first { $0.hasSuffix("  manifest.json") }.map { String($0.prefix(64)) } ?? ""
        return (file.revision, manifestSHA)
    }
}
