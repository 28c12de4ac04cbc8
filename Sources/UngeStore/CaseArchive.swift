import Foundation
import UngeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The archive copy of a case (arkivkopi, `unge eksport <sag> --arkiv --ud MAPPE`), written before
/// a case is deleted so that the municipality's archive keeps what the law says it must keep. It
/// carries CPR numbers by design (it is the record itself).
///
/// Format (version 1), a folder `MAPPE/<sag>/` (0700, files 0600):
/// - `sag.json`: the case document exactly as the store holds it (schema and all fields);
/// - `sag.html` (and any other rendering the command adds): the case in readable form;
/// - `revisionsspor.json`: the case's audit events as a JSON array, oldest first;
/// - `manifest.json`: `formatVersion`, `caseID`, `revision`, `written` (ISO 8601), `writtenBy`, and
///   `files` (name, bytes, sha256 of every file above);
/// - `SHA256SUMS`: one line `<sha256>  <name>` per file including `manifest.json`, so
///   `sha256sum -c SHA256SUMS` checks the copy without unge.
///
/// `verify` reads the copy back from disk and checks every checksum, the manifest, and that
/// `sag.json` is byte for byte the document the store holds now.
public enum CaseArchive {
    public static let formatVersion = 1

    /// One file of the copy, as the manifest lists it.
    public struct Entry: Codable, Sendable, Equatable {
        public var name: String
        public var bytes: Int
        public var sha256: String
    }

    /// `manifest.json`.
    public struct Manifest: Codable, Sendable, Equatable {
        public var formatVersion: Int
        public var caseID: CaseID
        public var revision: Int
        public var written: Date
        public var writtenBy: String
        public var files: [Entry]
    }

    /// The folder of case `id`'s copy under `folder`.
    public static func path(of id: CaseID, in folder: String) -> String {
        var f = folder
        while f.count > 1 && f.hasSuffix("/") { f.removeLast() }
        return f + "/" + id.rawValue
    }

    /// Writes the copy of `id` (document `caseJSON` at `revision`, audit events, extra readable files)
    /// into a new folder `folder/<id>/` and verifies it. Refuses an existing copy folder.
    @discardableResult
    public static func write(
        id: CaseID, revision: Int, caseJSON: [UInt8], events: [AuditEvent], readable: [(name: String, bytes: [UInt8])],
        to folder: String, now: Date, user: String, storeRoot: URL?
    ) throws(OutputFiles.Problem) -> String {
        _ = try OutputFiles.prepareFolder(folder, storeRoot: storeRoot)
        let dir = path(of: id, in: folder)
        var st = stat()
        if lstat(dir, &st) == 0 {
            throw OutputFiles.Problem(
                reason:
                    "Der findes allerede en arkivkopi af sag \(id) i '\(dir)'. Vælg en anden mappe, eller flyt den gamle kopi."
            )
        }
        _ = try OutputFiles.prepareFolder(dir, storeRoot: storeRoot)
        var eventBytes: [UInt8]
        do { eventBytes = [UInt8](try UngeJSON.encoder().encode(events)) } catch {
            throw OutputFiles.Problem(reason: "Revisionssporet kan ikke skrives som JSON.")
        }
        eventBytes.append(UInt8(ascii: "\n"))
        let files: [(name: String, bytes: [UInt8])] =
            [("sag.json", caseJSON), ("revisionsspor.json", eventBytes)] + readable
        var entries: [Entry] = []
        for f in files {
            try OutputFiles.write(f.bytes, to: dir + "/" + f.name, overwrite: false, storeRoot: storeRoot)
            entries.append(Entry(name: f.name, bytes: f.bytes.count, sha256: SHA256.hex(f.bytes)))
        }
        let manifest = Manifest(
            formatVersion: formatVersion, caseID: id, revision: revision, written: now, writtenBy: user, files: entries)
        var manifestBytes: [UInt8]
        do { manifestBytes = [UInt8](try UngeJSON.encoder().encode(manifest)) } catch {
            throw OutputFiles.Problem(reason: "Manifestet kan ikke skrives som JSON.")
        }
        manifestBytes.append(UInt8(ascii: "\n"))
        try OutputFiles.write(manifestBytes, to: dir + "/manifest.json", overwrite: false, storeRoot: storeRoot)
        var sums = ""
        for e in entries + [Entry(name: "manifest.json", bytes: manifestBytes.count, sha256: SHA256.hex(manifestBytes))]
        {
            sums += e.sha256 + "  " + e.name + "\n"
        }
        try OutputFiles.write(sums, to: dir + "/SHA256SUMS", overwrite: false, storeRoot: storeRoot)
        try verify(dir, id: id, caseJSON: caseJSON)
        return dir
    }

    /// Checks the copy in `dir`: `SHA256SUMS` and `manifest.json` agree with every file on disk,
    /// the manifest names case `id`, and `sag.json` is byte for byte `caseJSON` (the document the
    /// store holds now). Returns the manifest.
    @discardableResult
    public static func verify(_ dir: String, id: CaseID, caseJSON: [UInt8]) throws(OutputFiles.Problem) -> Manifest {
        let manifest = try verifyFiles(dir)
        func bad(_ why: String) -> OutputFiles.Problem {
            OutputFiles.Problem(reason: "Arkivkopien i '\(dir)' er ikke i orden: \(why).")
        }
        guard manifest.caseID == id else { throw bad("kopien er af sag \(manifest.caseID), ikke \(id)") }
        guard manifest.files.contains(where: { $0.name == "sag.json" }),
            SHA256.hex(caseJSON) == manifest.files.first(where: { $0.name == "sag.json" })?.sha256
        else {
            throw bad("sag.json er ikke sagen, som den ligger i lageret nu (er sagen ændret siden kopien?)")
        }
        return manifest
    }

    /// Checks the copy in `dir` on its own (no store needed, as an auditor would): `SHA256SUMS` and
    /// `manifest.json` agree with every file on disk, the format is known, and the audit trail is
    /// there. Returns the manifest.
    @discardableResult
    public static func verifyFiles(_ dir: String) throws(OutputFiles.Problem) -> Manifest {
        func read(_ name: String) throws(OutputFiles.Problem) -> [UInt8] {
            do { return try Posix.readFile(dir + "/" + name, limit: StoreLimits.maximumCaseBytes * 4) } catch let f {
                throw OutputFiles.Problem(
                    reason:
                        "Arkivkopien i '\(dir)' er ikke i orden: '\(name)' kan ikke læses (\(Posix.errorText(f.code)))."
                )
            }
        }
        func bad(_ why: String) -> OutputFiles.Problem {
            OutputFiles.Problem(reason: "Arkivkopien i '\(dir)' er ikke i orden: \(why).")
        }
        let sums = String(decoding: try read("SHA256SUMS"), as: UTF8.self)
        var listed: [String: String] = [:]
        for line in sums.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 64 else { throw bad("SHA256SUMS har en ugyldig linje") }
            let name = parts[1].hasPrefix(" ") ? String(parts[1].dropFirst()) : String(parts[1])
            guard !name.contains("/"), name != "..", name != "." else {
                throw bad("SHA256SUMS nævner en fil uden for kopien")
            }
            listed[name] = String(parts[0])
        }
        for (name, sum) in listed where SHA256.hex(try read(name)) != sum {
            throw bad("kontrolsummen for '\(name)' passer ikke")
        }
        guard listed["manifest.json"] != nil else { throw bad("SHA256SUMS nævner ikke manifest.json") }
        let manifest: Manifest
        do { manifest = try UngeJSON.decoder().decode(Manifest.self, from: Data(try read("manifest.json"))) } catch let
            p
            as OutputFiles.Problem
        {
            throw p
        } catch {
            throw bad("manifest.json kan ikke læses")
        }
        guard manifest.formatVersion == formatVersion else {
            throw bad("ukendt formatversion \(manifest.formatVersion)")
        }
        for e in manifest.files {
            guard listed[e.name] == e.sha256 else {
                throw bad("manifest.json og SHA256SUMS er ikke enige om '\(e.name)'")
            }
        }
        guard manifest.files.contains(where: { $0.name == "revisionsspor.json" }) else {
            throw bad("revisionssporet mangler")
        }
        return manifest
    }
}
