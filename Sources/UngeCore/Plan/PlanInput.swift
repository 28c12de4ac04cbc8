import Foundation

/// Reads answers given as JSON (`--fra-fil FIL.json`) into plans and examinations. Pure: the caller
/// reads the file; this only decodes the bytes.
public enum PlanInput {
    /// Why an answer file could not be read, with a Danish message.
    public struct InputError: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// A plan from a JSON object; `version`, `date`, `author` and `kind` are filled in where missing
    /// (the kind from the age on the date, if the file does not name one).
    public static func plan(
        from data: Data, version: Int, date: LocalDate, author: String, kind: PlanKind
    ) throws(InputError) -> ActionPlan {
        try decode(
            ActionPlan.self, data,
            defaults: ["version": version, "date": date.iso, "author": author, "kind": kind.rawValue], keys: planKeys)
    }

    /// A treatment plan from a JSON object; `version`, `date` and `author` filled in where missing.
    public static func treatmentPlan(
        from data: Data, version: Int, date: LocalDate, author: String, basedOnPlanVersion: Int?
    ) throws(InputError) -> TreatmentPlan {
        var defaults: [String: Any] = ["version": version, "date": date.iso, "author": author]
        if let basedOnPlanVersion { defaults["basedOnPlanVersion"] = basedOnPlanVersion }
        return try decode(TreatmentPlan.self, data, defaults: defaults, keys: treatmentPlanKeys)
    }

    /// An examination from a JSON object; `awareDate` and `author` filled in where missing.
    public static func examination(from data: Data, awareDate: LocalDate, author: String) throws(InputError)
        -> Examination
    {
        try decode(
            Examination.self, data, defaults: ["awareDate": awareDate.iso, "author": author], keys: examinationKeys)
    }

    /// The top-level keys each file may hold; anything else is refused so that a typo is not lost.
    static let planKeys: Set<String> = [
        "version", "date", "author", "kind", "purpose", "goals", "measures", "otherMatters", "transitionGoals",
        "participants", "offer", "adultBasis", "nextFollowUp", "decisionDate", "changeNote",
    ]
    static let treatmentPlanKeys: Set<String> = [
        "version", "date", "provider", "author", "basedOnPlanVersion", "goals", "methods", "useGoal",
    ]
    static let examinationKeys: Set<String> = [
        "awareDate", "completedDate", "kind", "participants", "consents", "areas", "childInterview", "screenings",
        "substanceUse", "usePhase", "stageOfChange", "conclusion", "author",
    ]

    static func decode<T: Decodable>(_ type: T.Type, _ data: Data, defaults: [String: Any], keys: Set<String>)
        throws(InputError) -> T
    {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw InputError(description: JSONProblem.describe(error, in: data).capitalizedFirstLetter + ".")
        }
        guard var dict = object as? [String: Any] else {
            throw InputError(description: "Filen skal indeholde ét JSON-objekt ({ ... }).")
        }
        // The JSON a document command writes (`--format json`: formatVersion, caseID, title, content,
        // findings) is valid input too: its content is the answers.
        // A new version gets its own number, date, author and change note.
        if dict["formatVersion"] != nil, let content = dict["content"] as? [String: Any] {
            dict = content
            for k in ["version", "date", "author", "changeNote", "basedOnPlanVersion"] { dict.removeValue(forKey: k) }
        }
        if let unknown = dict.keys.filter({ !keys.contains($0) }).sorted().first {
            throw InputError(
                description:
                    "Ukendt felt '\(unknown)' i filen. Gyldige felter: \(keys.sorted().joined(separator: ", ")).")
        }
        for (k, v) in defaults where dict[k] == nil || dict[k] is NSNull { dict[k] = v }
        do {
            let merged = try JSONSerialization.data(withJSONObject: dict)
            return try UngeJSON.decoder().decode(T.self, from: merged)
        } catch let e as DecodingError {
            // Danish, with the key, and where in the file it is written (the file as given).
            throw InputError(description: JSONProblem.describe(e, in: data).capitalizedFirstLetter + ".")
        } catch {
            throw InputError(description: "Filen kunne ikke læses: \(error)")
        }
    }

    static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
