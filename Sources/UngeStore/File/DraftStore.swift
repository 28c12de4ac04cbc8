import Foundation
import UngeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The answers of an unfinished dialogue (kladde), kept privately in the store so typed work is
/// never lost: `kladder/<kommando>-<sagsnummer|ny>.json`, 0600 in a 0700 folder. The file name
/// holds only the command and the case id, never a name or a CPR number.
public struct DialogueDraft: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1

    /// One answer as it was typed, under the question's stable key.
    public struct Answer: Codable, Sendable, Equatable {
        public var key: String
        public var value: String
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    public var schemaVersion: Int
    /// The command the answers belong to (`plan`, `underret` ...).
    public var command: String
    /// The case, or nil for a dialogue that creates a new case.
    public var caseID: CaseID?
    public var saved: Date
    public var user: String
    /// In the order they were given.
    public var answers: [Answer]

    public init(command: String, caseID: CaseID?, saved: Date, user: String, answers: [Answer]) {
        self.schemaVersion = Self.currentSchemaVersion
        self.command = command
        self.caseID = caseID
        self.saved = saved
        self.user = user
        self.answers = answers
    }
}

extension FileStore {
    var draftsPath: String { root.path + "/kladder" }

    /// `kladder/<command>-<id|ny>.json`: never a name or CPR number.
    public static func draftFileName(command: String, caseID: CaseID?) -> String {
        "kladder/\(command)-\(caseID?.rawValue ?? "ny").json"
    }

    /// The draft of `command` on `caseID`, or nil when there is none. An unreadable draft is
    /// reported (it is never overwritten silently).
    public func loadDraft(command: String, caseID: CaseID?) throws -> DialogueDraft? {
        let name = FileStore.draftFileName(command: command, caseID: caseID)
        let bytes: [UInt8]
        do { bytes = try Posix.readFile(root.path + "/" + name, limit: 16 << 20) } catch let f {
            if f.code == ENOENT { return nil }
            throw StoreError.corrupt(file: name, reason: "filen kan ikke læses (\(Posix.errorText(f.code)))")
        }
        let p = try FileStore.probe(Data(bytes), file: name)
        if let v = p.schemaVersion, v > DialogueDraft.currentSchemaVersion {
            throw StoreError.newerSchema(file: name, version: v)
        }
        do { return try UngeJSON.decoder().decode(DialogueDraft.self, from: Data(bytes)) } catch {
            throw StoreError.corrupt(file: name, reason: StoreText.decodingProblem(error))
        }
    }

    /// Writes the draft durably (temp file, fsync, rename, folder fsync) and audits it.
    public func saveDraft(_ draft: DialogueDraft) throws {
        try prepare()
        let name = FileStore.draftFileName(command: draft.command, caseID: draft.caseID)
        try ensureFolder(draftsPath, name: "kladder")
        var bytes = [UInt8](try UngeJSON.encoder().encode(draft))
        bytes.append(UInt8(ascii: "\n"))
        try appendAudit(
            AuditEvent(
                time: draft.saved, user: draft.user, action: .draftSaved, caseID: draft.caseID, command: draft.command))
        try replaceFile(root.path + "/" + name, display: name, bytes: bytes, sync: true)
    }

    /// Removes the draft (after saving the document, or when the user discards it). Audited.
    public func deleteDraft(command: String, caseID: CaseID?, now: Date, user: String, auditCommand: String) throws {
        let name = FileStore.draftFileName(command: command, caseID: caseID)
        let path = root.path + "/" + name
        guard access(path, F_OK) == 0 else { return }
        try appendAudit(AuditEvent(time: now, user: user, action: .draftDeleted, caseID: caseID, command: auditCommand))
        if unlink(path) != 0 && errno != ENOENT {
            throw StoreError.io(operation: "slette", file: name, code: errno, visible: false)
        }
        try? Posix.syncDirectory(draftsPath)
    }
}
