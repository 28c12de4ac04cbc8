import Foundation
import UngeCore

/// One step that lifts a case document from `from` to `from + 1`, on the raw JSON object.
///
/// Migrations run in memory when a document is read; the file is rewritten in the current schema
/// only when the case is next saved (a read never changes the store).
struct SchemaMigration: Sendable {
    let from: Int
    /// What changed, for developers.
    let summary: String
    let apply: @Sendable ([String: Any]) throws -> [String: Any]
}

/// The registry of case-document migrations, oldest first.
enum SchemaMigrations {
    /// Version 0 is the prototype format: the young person was under `ung` with Danish keys
    /// `navn` and `foedselsdato`, and there was no `revision` (taken as 1).
    static let all: [SchemaMigration] = [
        SchemaMigration(from: 0, summary: "ung → youngPerson, navn → name, foedselsdato → birthDate, revision 1") {
            doc in
            var d = doc
            if var person = d.removeValue(forKey: "ung") as? [String: Any] {
                if let name = person.removeValue(forKey: "navn") { person["name"] = name }
                if let born = person.removeValue(forKey: "foedselsdato") { person["birthDate"] = born }
                d["youngPerson"] = person
            }
            if d["revision"] == nil { d["revision"] = 1 }
            d["schemaVersion"] = 1
            return d
        }
    ]

    /// Lifts a document from `version` to `CaseFile.currentSchemaVersion`; throws a reason text if no path exists.
    static func migrate(_ bytes: [UInt8], from version: Int) throws -> Data {
        guard
            var object = try? JSONSerialization.jsonObject(with: Data(bytes), options: [])
                as? [String: Any]
        else { throw MigrationFailure(reason: "filen er ikke gyldig JSON") }
        var v = version
        while v < CaseFile.currentSchemaVersion {
            guard let step = all.first(where: { $0.from == v }) else {
                throw MigrationFailure(reason: "skemaversion \(version) kendes ikke og kan ikke opdateres")
            }
            object = try step.apply(object)
            v += 1
        }
        object["schemaVersion"] = CaseFile.currentSchemaVersion
        return try JSONSerialization.data(withJSONObject: object, options: [])
    }

    struct MigrationFailure: Error {
        let reason: String
    }
}
