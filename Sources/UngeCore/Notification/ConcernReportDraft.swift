import Foundation

/// The answers a notification is built from, before it is complete (kladde til underretning).
///
/// Every value is optional: answers arrive one at a time from the guided walk-through, from flags,
/// or from a `--fra-fil` JSON file whose keys are the `ConcernField` keys (see
/// `Fixtures/underret/eksempel.json`). `missing()` says what is still required; `report(...)` builds
/// the `ConcernReport` once nothing is.
public struct ConcernReportDraft: Codable, Sendable, Equatable {
    public var youngName: String?
    public var youngCPR: CPRNumber?
    public var youngBirthDate: LocalDate?
    public var youngSchool: String?
    public var reporterName: String?
    public var reporterRole: String?
    public var reporterOrganisation: String?
    public var reporterContact: String?
    /// Nil means "not said"; a professional is assumed.
    public var reporterProfessional: Bool?
    public var situation: String?
    public var parentCooperation: String?
    public var attendance: String?
    public var relation: String?
    public var otherInformation: String?
    public var youngPersonInformed: Bool?
    public var youngPersonComments: String?
    public var parentsInformed: Bool?
    public var parentsComments: String?
    public var notInformedReason: String?
    public var concernLevel: ConcernLevel?
    public var raiseIf: String?
    public var lowerIf: String?
    /// When the municipality received it, if earlier than now (`--modtaget`). In a JSON file it is
    /// written `2026-04-13T09:30` (local time), `2026-04-13 09:30` or with an offset.
    public var received: String?
    /// How the notification reached the municipality, when a caseworker registers it.
    public var receivedVia: String?
    /// True when the notifier asked to stay anonymous.
    public var reporterAnonymous: Bool?
    /// Each custody holder told or not (asked one by one in the guided walk-through). When given,
    /// `parentsInformed` is true only if every one was told.
    public var custodyNotices: [CustodyNotice]?
    /// What the notification is mainly about (bekymringsområde).
    public var reason: NotificationReason?

    public init() {}

    /// True when the field has a value.
    public func has(_ field: ConcernField) -> Bool { text(field) != nil }

    /// The value of a field as text (for summaries), or nil when not given.
    public func text(_ field: ConcernField) -> String? {
        func yesNo(_ b: Bool?) -> String? { b.map { $0 ? "ja" : "nej" } }
        let value: String?
        switch field.spec.accessor {
        case .text(let k), .dateTime(let k): value = self[keyPath: k]
        case .yesNo(let k): value = yesNo(self[keyPath: k])
        case .date(let k): value = self[keyPath: k]?.danishLong
        case .cpr(let k): value = self[keyPath: k]?.masked
        case .level(let k): value = self[keyPath: k]?.danish
        case .reason(let k): value = self[keyPath: k].map { "\($0.token) (\($0.danish.lowercased()))" }
        }
        guard let v = value?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
        return v
    }

    /// Sets a field from typed text (a flag's value or a guided answer). Empty text clears it.
    ///
    /// Throws a `CoreError` with a Danish message when the text does not fit the field.
    public mutating func set(_ field: ConcernField, from input: String) throws(CoreError) {
        let t = input.trimmingCharacters(in: .whitespacesAndNewlines)
        let empty = t.isEmpty
        switch field.spec.accessor {
        case .text(let k), .dateTime(let k):
            self[keyPath: k] = empty ? nil : t
        case .yesNo(let k):
            if empty {
                self[keyPath: k] = nil
            } else {
                guard let parsed = ConcernReportDraft.parseYesNo(t) else {
                    throw .invalidValue(field: field.label, value: t, expected: "Svar ja eller nej.")
                }
                self[keyPath: k] = parsed
            }
        case .cpr(let k):
            if empty {
                self[keyPath: k] = nil
            } else {
                do { self[keyPath: k] = try CPRNumber.parse(t) } catch { throw .invalidCPR(t) }
            }
        case .date(let k):
            if empty {
                self[keyPath: k] = nil
            } else {
                guard let d = LocalDate.parse(t) else { throw .invalidDate(t) }
                self[keyPath: k] = d
            }
        case .level(let k):
            if empty {
                self[keyPath: k] = nil
            } else {
                guard let l = ConcernLevel.parse(t) else {
                    throw .invalidValue(field: field.label, value: t, expected: "Skriv grøn, orange eller rød.")
                }
                self[keyPath: k] = l
            }
        case .reason(let k):
            if empty {
                self[keyPath: k] = nil
            } else {
                guard let r = NotificationReason.parse(t) else {
                    throw .invalidValue(
                        field: field.label, value: t,
                        expected:
                            "Skriv et nummer (1-\(NotificationReason.allCases.count)) eller et ord: \(NotificationReason.allCases.map(\.token).joined(separator: ", "))."
                    )
                }
                self[keyPath: k] = r
            }
        }
    }

    /// `ja`/`nej` (and a few friendly variants).
    public static func parseYesNo(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "ja", "j", "yes", "y", "true", "1": return true
        case "nej", "n", "no", "false", "0": return false
        default: return nil
        }
    }

    /// True when the notifier is a professional (the default when not said); never when anonymous.
    public var isProfessional: Bool { reporterAnonymous == true ? false : reporterProfessional ?? true }

    /// True when the notifier asked to stay anonymous.
    public var isAnonymous: Bool { reporterAnonymous == true }

    /// Whether a field is asked at all, given the answers so far (follow-up questions depend on
    /// earlier ones: the reason only when the parents were not told, and so on).
    public func applies(_ field: ConcernField, youngPersonKnown: Bool) -> Bool {
        if field.isAboutYoungPerson { return !youngPersonKnown }
        switch field {
        case .youngPersonComments: return youngPersonInformed == true
        case .parentsComments: return parentsInformed == true
        case .notInformedReason: return parentsInformed == false
        case .raiseIf, .lowerIf: return concernLevel != nil
        default: return true
        }
    }

    /// The required fields that have no value, in walk-through order.
    ///
    /// Required: the young person (name and a birth date or CPR number) unless an existing case is
    /// used; the notifier's name, and for a professional also role, workplace and contact (the
    /// receipt goes to them); the description of the young person's situation; whether the young
    /// person and the parents were told. Why the parents were not told is asked, and only warned about.
    public func missing(youngPersonKnown: Bool) -> [ConcernField] {
        var out: [ConcernField] = []
        if !youngPersonKnown {
            if !has(.youngName) { out.append(.youngName) }
            if youngCPR == nil && youngBirthDate == nil { out.append(.youngBirthDate) }
        }
        if !has(.reporterName) && !isAnonymous { out.append(.reporterName) }
        if isProfessional {
            for f in [ConcernField.reporterRole, .reporterOrganisation, .reporterContact] where !has(f) {
                out.append(f)
            }
        }
        if !has(.situation) { out.append(.situation) }
        if youngPersonInformed == nil { out.append(.youngPersonInformed) }
        if parentsInformed == nil { out.append(.parentsInformed) }
        // The reason the parents were not told is asked, but its absence never blocks saving: BL § 133 sets
        // no such requirement (AUDIT row 30); `ConcernReportRules.parentsReasonFindings` warns instead.
        return out
    }

    /// The young person described by the answers (for a new case).
    public var youngPerson: YoungPerson {
        YoungPerson(
            name: text(.youngName), cpr: youngCPR, birthDate: youngBirthDate ?? youngCPR?.birthDate,
            school: text(.youngSchool))
    }

    /// Builds the notification; call only when `missing` is empty (missing text becomes empty).
    public func report(number: Int, received: Date) -> ConcernReport {
        ConcernReport(
            number: number, received: received,
            reporter: Reporter(
                name: text(.reporterName) ?? "", role: text(.reporterRole),
                organisation: text(.reporterOrganisation), contact: text(.reporterContact),
                isProfessional: isProfessional, anonymous: isAnonymous),
            situation: text(.situation) ?? "", parentCooperation: text(.parentCooperation),
            attendance: text(.attendance), relation: text(.relation), otherInformation: text(.otherInformation),
            parentsInformed: parentsInformed ?? false,
            parentsComments: parentsInformed == true ? text(.parentsComments) : nil,
            notInformedReason: parentsInformed == false ? text(.notInformedReason) : nil,
            youngPersonInformed: youngPersonInformed ?? false,
            youngPersonComments: youngPersonInformed == true ? text(.youngPersonComments) : nil,
            concernArc: concernLevel.map {
                ConcernArcPlacement(level: $0, raiseIf: text(.raiseIf), lowerIf: text(.lowerIf))
            },
            receivedVia: text(.receivedVia), custodyNotices: custodyNotices ?? [], reason: reason)
    }
}
