#if PostgreSQL
    import Foundation
    import UngeCore

    #if canImport(Glibc)
        import Glibc
    #endif

    /// The team store: one municipality's youth unit on one PostgreSQL database.
    ///
    /// The caseworker's identity is the database role (`session_user`, by peer or GSSAPI
    /// authentication). No login role holds privileges on the tables: every read and write is a call
    /// to a `SECURITY DEFINER` function of schema `unge` (`PostgresSchema`), which checks access, writes
    /// its audit row in the same transaction, and is refused or audited whoever calls it (`psql` too).
    /// Row-level security on the case table is the second wall.
    public final class PostgresStore: Store, TeamStore, @unchecked Sendable {
        let db: PGConnection
        public let location: String
        public let exists: Bool
        /// The schema version recorded in the database (nil without schema).
        let databaseVersion: Int?
        /// The session's role: the audit user on this backend.
        public let role: String
        /// The command, for the database's own audit rows.
        let command: String
        private let lock = NSLock()
        /// Cases whose reading the database has already audited in this process (`hent`): the
        /// read event the command writes next is the same fact and is not written twice.
        private var auditedReads: Set<CaseID> = []

        /// Connects. A connection that fails or is refused throws `StoreError.connection` naming the
        /// URI without its password (exit 3).
        public init(uri: String, command: String = "unge") throws {
            location = StoreLocation.redacted(uri)
            db = try PGConnection(uri: uri, display: location)
            self.command = command
            let row = try db.query("SELECT session_user::text, to_regnamespace('unge') IS NOT NULL", []).first
            role = (row?[0] ?? nil) ?? ""
            exists = (row?[1] ?? nil) == "t"
            if exists {
                databaseVersion = try? Int(Self.text(db.query("SELECT unge.version()", [])))
            } else {
                databaseVersion = nil
            }
        }

        static func text(_ rows: [[String?]]) -> String {
            (rows.first?.first ?? nil) ?? ""
        }

        /// An error from the server as a store error: access refused (exit 4) or a database error (exit 3).
        func mapped(_ error: Error, case id: CaseID? = nil) -> Error {
            guard let e = error as? PGError else { return error }
            if e.sqlState == "42501" { return StoreError.accessRefused(id) }
            return StoreError.database(reason: e.message)
        }

        func call(_ sql: String, _ params: [String?], case id: CaseID? = nil) throws -> [[String?]] {
            do { return try db.query(sql, params) } catch { throw mapped(error, case: id) }
        }

        public func checkLayout() throws {
            guard exists else { throw StoreError.noDatabaseSchema(location: location) }
            guard let v = databaseVersion else { throw StoreError.accessRefused(nil) }
            if v > PostgresSchema.currentVersion {
                throw StoreError.databaseSchema(location: location, found: v, known: PostgresSchema.currentVersion)
            }
            if v < PostgresSchema.currentVersion {
                throw StoreError.databaseSchema(location: location, found: v, known: PostgresSchema.currentVersion)
            }
        }

        // MARK: JSON

        static func json<T: Encodable>(_ value: T) throws -> String {
            String(decoding: try UngeJSON.encoder(pretty: false).encode(value), as: UTF8.self)
        }

        static func arrayLiteral(_ items: [String]) -> String {
            "{"
                + items.map {
                    "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                        + "\""
                }
                .joined(separator: ",") + "}"
        }

        /// The lookup keys of a case (hashed with the database's key inside the database).
        static func lookup(_ c: CaseFile) -> String {
            var o: [String: String] = [:]
            if let cpr = c.youngPerson.cpr?.digits { o["cpr"] = cpr }
            if let key = TeamLookup.nameKey(name: c.youngPerson.name, birthDate: c.youngPerson.birthDate) {
                o["navn"] = key
            }
            return (try? json(o)) ?? "{}"
        }

        func decode(_ text: String?, id: CaseID) throws -> (caseFile: CaseFile, body: Data) {
            guard let text else { throw StoreError.corrupt(file: "sag \(id.rawValue)", reason: "dokumentet mangler") }
            return try FileStore.decodeDocument(Array(text.utf8), file: "sag \(id.rawValue)", expectedID: id)
        }

        // MARK: Cases

        public func caseExists(_ id: CaseID) throws -> Bool {
            try Self.text(call("SELECT unge.findes($1)", [id.rawValue])) == "t"
        }

        public func caseIDs() throws -> [CaseID] {
            try call("SELECT * FROM unge.sagsnumre_synlige()", []).compactMap { ($0[0]).flatMap(CaseID.init) }
        }

        func loadDocument(_ id: CaseID) throws -> (caseFile: CaseFile, body: Data) {
            let row = try call("SELECT status, doc::text FROM unge.hent($1, $2)", [id.rawValue, command], case: id)
                .first
            switch (row?[0] ?? nil) ?? "" {
            case "ok":
                lock.lock()
                auditedReads.insert(id)
                lock.unlock()
                return try decode(row?[1] ?? nil, id: id)
            case "adgang": throw StoreError.accessRefused(id)
            default: throw StoreError.notFound(id)
            }
        }

        public func load(_ id: CaseID) throws -> CaseFile { try loadDocument(id).caseFile }

        public func loadMany(_ ids: [CaseID]) -> [(id: CaseID, result: Result<CaseFile, any Error>)] {
            guard !ids.isEmpty else { return [] }
            let rows: [[String?]]
            do {
                rows = try call(
                    "SELECT id, status, doc::text FROM unge.hent_flere($1::text[], $2)",
                    [PostgresStore.arrayLiteral(ids.map(\.rawValue)), command])
            } catch {
                return ids.map { ($0, .failure(error)) }
            }
            var byID: [String: [String?]] = [:]
            for row in rows { if let id = row[0] { byID[id] = row } }
            return ids.map { id in
                let row = byID[id.rawValue]
                switch (row?[1] ?? nil) ?? "" {
                case "ok": return (id, Result { try decode(row?[2] ?? nil, id: id).caseFile })
                case "adgang": return (id, .failure(StoreError.accessRefused(id)))
                default: return (id, .failure(StoreError.notFound(id)))
                }
            }
        }

        public func editableDocument(_ id: CaseID) throws -> (caseFile: CaseFile, json: Data) {
            let stored = try loadDocument(id)
            return (stored.caseFile, Data(try FileStore.encodeCase(stored.caseFile, keepingUnknownFrom: stored.body)))
        }

        public func allCases() throws -> (cases: [CaseFile], problems: [StoreProblem]) {
            var cases: [CaseFile] = []
            var problems: [StoreProblem] = []
            for row in try call("SELECT id, doc::text FROM unge.alle($1)", [command]) {
                guard let id = (row[0]).flatMap(CaseID.init) else { continue }
                do { cases.append(try decode(row[1], id: id).caseFile) } catch let e as StoreError {
                    problems.append(StoreProblem(file: "sag \(id.rawValue)", error: e))
                }
            }
            return (cases, problems)
        }

        public func listSummaries(checklistOn: LocalDate?) throws -> (
            summaries: [CaseSummary], problems: [StoreProblem]
        ) {
            if let checklistOn {
                let all = try allCases()
                return (all.cases.map { CaseSummary($0, checklistOn: checklistOn) }, all.problems)
            }
            // The caseworker is the document's (a handover changes document and register together, and a
            // moved-in case keeps the name it had, so the listing is the same as the folder's).
            return summaries(
                try call("SELECT id, resume::text FROM unge.oversigt($1, false)", [command]))
        }

        public func listSummaries(_ scope: TeamScope) throws -> (summaries: [CaseSummary], problems: [StoreProblem]) {
            switch scope {
            case .mine:
                return summaries(
                    try call(
                        "SELECT id, resume::text FROM unge.oversigt_udvalg($1, true, NULL)", [command]))
            case .team(let team):
                guard try Self.text(call("SELECT unge.hold_findes($1)", [team])) == "t" else {
                    throw StoreError.unknownTeam(team)
                }
                return summaries(
                    try call(
                        "SELECT id, resume::text FROM unge.oversigt_udvalg($1, false, $2)",
                        [command, team]))
            }
        }

        public func takeMessages() throws -> [TeamMessage] {
            try call("SELECT tid, sag, afsender, hvordan FROM unge.mine_beskeder()", []).compactMap { r in
                guard let id = r[1].flatMap(CaseID.init), let time = r[0].flatMap(UngeJSON.parseTimestamp) else {
                    return nil
                }
                return TeamMessage(time: time, caseID: id, from: r[2] ?? "", byCPR: r[3] == "cpr")
            }
        }

        func summaries(_ rows: [[String?]]) -> (summaries: [CaseSummary], problems: [StoreProblem]) {
            var out: [CaseSummary] = []
            var problems: [StoreProblem] = []
            let decoder = UngeJSON.decoder()
            for row in rows {
                guard let id = (row[0]).flatMap(CaseID.init) else { continue }
                do {
                    let record = try decoder.decode(SummaryRecord.self, from: Data((row[1] ?? "").utf8))
                    out.append(record.summary(id: id))
                } catch {
                    problems.append(
                        StoreProblem(
                            file: "sag \(id.rawValue)",
                            error: .corrupt(file: "sag \(id.rawValue)", reason: StoreText.decodingProblem(error))))
                }
            }
            return (out, problems)
        }

        public func openDeadlines(of summaries: [CaseSummary]) -> (
            deadlines: [(summary: CaseSummary, deadlines: [Deadline])], problems: [StoreProblem]
        ) {
            var out: [(summary: CaseSummary, deadlines: [Deadline])] = []
            var problems: [StoreProblem] = []
            for s in summaries where s.hasOpenDeadlines {
                if let d = DeadlineRecords.decode(s.openDeadlinesData) {
                    out.append((s, d))
                    continue
                }
                do { out.append((s, try load(s.id).openDeadlines)) } catch let e as StoreError {
                    problems.append(StoreProblem(file: "sag \(s.id.rawValue)", error: e))
                } catch {}
            }
            return (out, problems)
        }

        public func create(_ caseFile: CaseFile, year: Int, now: Date, user: String, command: String) throws
            -> CaseFile
        {
            try create(caseFile, year: year, now: now, user: user, command: command, restrictedTo: nil)
        }

        public func create(
            _ caseFile: CaseFile, year: Int, now: Date, user: String, command: String, restrictedTo named: [String]?
        ) throws -> CaseFile {
            var new = caseFile
            // Named on the call (tests) or in the case (`ny --beskyttet`); the database adds the creator.
            let restricted = named ?? caseFile.restriction?.named
            new.schemaVersion = CaseFile.currentSchemaVersion
            new.revision = 1
            new.updated = now
            let bytes = try FileStore.encodeCase(new)
            let event = AuditEvent(
                time: now, user: role, action: .create, caseID: nil, revisionAfter: 1, command: command)
            let row = try call(
                "SELECT status, id FROM unge.opret($1, $2::jsonb, $3::jsonb, $4::jsonb, $5, $6::text[], $7::jsonb)",
                [
                    String(year), String(decoding: bytes, as: UTF8.self), Self.json(SummaryRecord(CaseSummary(new))),
                    Self.lookup(new), restricted == nil ? "false" : "true", Self.arrayLiteral(restricted ?? []),
                    Self.json(event),
                ]
            ).first
            switch (row?[0] ?? nil) ?? "" {
            case "ok":
                guard let id = (row?[1] ?? nil).flatMap(CaseID.init) else {
                    throw StoreError.database(reason: "intet sagsnummer")
                }
                new.id = id
                writeStatistics(new)
                return new
            case "hold": throw StoreError.noTeam(role: role)
            default: throw StoreError.accessRefused(nil)
            }
        }

        @discardableResult
        public func save(
            _ caseFile: CaseFile, expectedRevision: Int, now: Date, user: String, command: String,
            action: AuditAction = .update, unknownFrom: Data? = nil
        ) throws -> CaseFile {
            try save(
                caseFile, expectedRevision: expectedRevision, base: nil, now: now, command: command, action: action,
                unknownFrom: unknownFrom)
        }

        func save(
            _ caseFile: CaseFile, expectedRevision: Int, base: (caseFile: CaseFile, body: Data)?, now: Date,
            command: String, action: AuditAction, unknownFrom: Data?
        ) throws -> CaseFile {
            var updated = caseFile
            updated.schemaVersion = CaseFile.currentSchemaVersion
            updated.revision = expectedRevision + 1
            updated.updated = now
            let id = updated.id
            let bytes: [UInt8]
            if let unknownFrom {
                bytes = try FileStore.encodeCase(updated, keepingUnknownFrom: unknownFrom)
            } else {
                let stored = try base ?? loadDocument(id)
                guard stored.caseFile.revision == expectedRevision else {
                    throw StoreError.conflict(id, expected: expectedRevision, actual: stored.caseFile.revision)
                }
                bytes = try FileStore.encodeCase(updated, keepingUnknownFrom: stored.body, decoded: stored.caseFile)
            }
            let event = AuditEvent(
                time: now, user: role, action: action, caseID: id, revisionBefore: expectedRevision,
                revisionAfter: expectedRevision + 1, command: command)
            let row = try call(
                "SELECT status, revision FROM unge.gem($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6::jsonb)",
                [
                    id.rawValue, String(expectedRevision), String(decoding: bytes, as: UTF8.self),
                    Self.json(SummaryRecord(CaseSummary(updated))), Self.lookup(updated), Self.json(event),
                ], case: id
            ).first
            switch (row?[0] ?? nil) ?? "" {
            case "ok":
                writeStatistics(updated)
                return updated
            case "konflikt":
                throw StoreError.conflict(id, expected: expectedRevision, actual: Int((row?[1] ?? nil) ?? "") ?? 0)
            case "adgang": throw StoreError.accessRefused(id)
            default: throw StoreError.notFound(id)
            }
        }

        /// `Store.saveTogether` in one transaction: each case saved by `unge.gem` (which checks access
        /// and writes its audit row), then handed over by `unge.overdrag` where asked; any refusal or
        /// conflict rolls every case back.
        @discardableResult
        public func saveTogether(_ changes: [CaseChange], now: Date, user: String, command: String) throws
            -> [CaseFile]
        {
            guard !changes.isEmpty else { return [] }
            _ = try call("BEGIN", [])
            var committed = false
            defer { if !committed { _ = try? db.query("ROLLBACK", []) } }
            var out: [CaseFile] = []
            for change in changes {
                let id = change.caseFile.id
                var updated = change.caseFile
                updated.schemaVersion = CaseFile.currentSchemaVersion
                updated.revision = change.expectedRevision + 1
                updated.updated = now
                let stored = try loadDocument(id)
                guard stored.caseFile.revision == change.expectedRevision else {
                    throw StoreError.conflict(
                        id, expected: change.expectedRevision, actual: stored.caseFile.revision)
                }
                let bytes = try FileStore.encodeCase(updated, keepingUnknownFrom: stored.body, decoded: stored.caseFile)
                let event = AuditEvent(
                    time: now, user: role, action: .update, caseID: id, revisionBefore: change.expectedRevision,
                    revisionAfter: change.expectedRevision + 1, criterion: change.criterion, command: command)
                let args: [String?] = try [
                    id.rawValue, String(change.expectedRevision), String(decoding: bytes, as: UTF8.self),
                    Self.json(SummaryRecord(CaseSummary(updated))), Self.lookup(updated), Self.json(event),
                ]
                let row: [String?]?
                if let to = change.handOverTo {
                    // Document and register in one step, so a team leader may hand over a colleague's case.
                    let handOver = AuditEvent(
                        time: now, user: role, action: .update, caseID: id, criterion: "til \(to)", command: command)
                    row = try call(
                        "SELECT status, revision FROM unge.overdrag_gem($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6::jsonb, $7, $8::jsonb)",
                        args + [to, Self.json(handOver)], case: id
                    ).first
                } else {
                    row = try call(
                        "SELECT status, revision FROM unge.gem($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6::jsonb)",
                        args, case: id
                    ).first
                }
                switch (row?[0] ?? nil) ?? "" {
                case "ok": break
                case "konflikt":
                    throw StoreError.conflict(
                        id, expected: change.expectedRevision, actual: Int((row?[1] ?? nil) ?? "") ?? 0)
                case "adgang": throw StoreError.accessRefused(id)
                case "hold": throw StoreError.noTeam(role: change.handOverTo ?? "")
                default: throw StoreError.notFound(id)
                }
                out.append(updated)
            }
            _ = try call("COMMIT", [])
            committed = true
            return out
        }

        @discardableResult
        public func update(
            _ id: CaseID, now: Date, user: String, command: String, action: AuditAction, retryOnConflict: Bool,
            _ change: (inout CaseFile) throws -> Void
        ) throws -> CaseFile {
            var attempt = 0
            while true {
                attempt += 1
                let stored = try loadDocument(id)
                var file = stored.caseFile
                try change(&file)
                do {
                    return try save(
                        file, expectedRevision: stored.caseFile.revision, base: stored, now: now, command: command,
                        action: action, unknownFrom: nil)
                } catch StoreError.conflict(_, _, _) where retryOnConflict && attempt < StoreLimits.updateAttempts {
                    continue
                }
            }
        }

        @discardableResult
        public func importCase(_ json: Data, as id: CaseID, now: Date, user: String, command: String) throws
            -> CaseFile
        {
            try importCase(json, as: id, team: nil, caseworker: nil, now: now, command: command, fillCaseworker: true)
        }

        /// `importCase` into a named team and caseworker (an administrator moving a store).
        public func importCase(
            _ json: Data, as id: CaseID, team: String?, caseworker: String?, now: Date, command: String,
            fillCaseworker: Bool = false
        ) throws -> CaseFile {
            var decoded = try FileStore.decodeDocument([UInt8](json), file: "sag \(id.rawValue)", expectedID: id)
            // A case put in without a caseworker gets the one who put it in (as the file store's upgrade
            // gives it the user of its first event); a moved case stays exactly as it was.
            if fillCaseworker && (decoded.caseFile.caseworker ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                decoded.caseFile.caseworker = role
            }
            let bytes = try FileStore.encodeCase(decoded.caseFile, keepingUnknownFrom: decoded.body)
            let event = AuditEvent(
                time: now, user: role, action: .create, caseID: id, revisionAfter: decoded.caseFile.revision,
                command: command)
            let status = try Self.text(
                call(
                    "SELECT * FROM unge.indlaes($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6, $7, $8::jsonb)",
                    [
                        id.rawValue, String(decoded.caseFile.revision), String(decoding: bytes, as: UTF8.self),
                        Self.json(SummaryRecord(CaseSummary(decoded.caseFile))), Self.lookup(decoded.caseFile), team,
                        caseworker, Self.json(event),
                    ], case: id))
            switch status {
            case "ok":
                writeStatistics(decoded.caseFile)
                return decoded.caseFile
            case "hold": throw StoreError.noTeam(role: caseworker ?? role)
            case "findes":
                throw StoreError.io(operation: "oprette", file: "sag \(id.rawValue)", code: EEXIST, visible: false)
            default: throw StoreError.accessRefused(id)
            }
        }

        // MARK: Audit

        public func appendAudit(_ event: AuditEvent) throws {
            if event.action == .read, let id = event.caseID {
                lock.lock()
                let done = auditedReads.contains(id)
                lock.unlock()
                if done { return }
            }
            var e = event
            e.user = role
            let status: String
            do {
                status = try Self.text(
                    db.query(
                        "SELECT unge.log_haendelse($1, $2::text[], $3::jsonb)",
                        [
                            event.caseID?.rawValue, event.shown.map { Self.arrayLiteral(AuditEvent.expand($0)) },
                            Self.json(e),
                        ]))
            } catch let e as PGError {
                if e.sqlState == "42501" { throw StoreError.accessRefused(event.caseID) }
                throw StoreError.auditFailed(reason: e.message)
            }
            if status == "adgang" { throw StoreError.accessRefused(event.caseID) }
        }

        public func auditEvents(for id: CaseID?) throws -> (events: [AuditEvent], problems: [StoreProblem]) {
            let decoder = UngeJSON.decoder()
            var events: [AuditEvent] = []
            var problems: [StoreProblem] = []
            for row in try call(
                "SELECT status, haendelse::text FROM unge.loghaendelser($1, $2)", [id?.rawValue, command], case: id)
            {
                if row[0] == "adgang" { throw StoreError.accessRefused(id) }
                do {
                    var e = try decoder.decode(AuditEvent.self, from: Data((row[1] ?? "").utf8))
                    if let id, e.caseID != id, e.shown != nil { e.shown = [id.rawValue] }
                    events.append(e)
                } catch {
                    problems.append(
                        StoreProblem(
                            file: "log", error: .corrupt(file: "log", reason: StoreText.decodingProblem(error))))
                }
            }
            return (events, problems)
        }

        // MARK: Drafts and settings

        public func loadDraft(command: String, caseID: CaseID?) throws -> DialogueDraft? {
            guard
                let text = try Self.textOrNil(
                    call("SELECT unge.kladde($1, $2)::text", [command, caseID?.rawValue ?? "ny"]))
            else { return nil }
            do { return try UngeJSON.decoder().decode(DialogueDraft.self, from: Data(text.utf8)) } catch {
                throw StoreError.corrupt(file: "kladde", reason: StoreText.decodingProblem(error))
            }
        }

        static func textOrNil(_ rows: [[String?]]) -> String? { rows.first?.first ?? nil }

        public func saveDraft(_ draft: DialogueDraft) throws {
            let event = AuditEvent(
                time: draft.saved, user: role, action: .draftSaved, caseID: draft.caseID, command: draft.command)
            _ = try call(
                "SELECT unge.gem_kladde($1, $2, $3::jsonb, $4::jsonb)",
                [draft.command, draft.caseID?.rawValue ?? "ny", Self.json(draft), Self.json(event)])
        }

        public func deleteDraft(command: String, caseID: CaseID?, now: Date, user: String, auditCommand: String) throws
        {
            let event = AuditEvent(time: now, user: role, action: .draftDeleted, caseID: caseID, command: auditCommand)
            _ = try call(
                "SELECT unge.slet_kladde($1, $2, $3::jsonb)", [command, caseID?.rawValue ?? "ny", Self.json(event)])
        }

        public func loadSettings() throws -> StoreSettings {
            guard let text = try Self.textOrNil(call("SELECT unge.indstillinger_doc()::text", [])) else {
                return StoreSettings()
            }
            do { return try UngeJSON.decoder().decode(StoreSettings.self, from: Data(text.utf8)) } catch {
                throw StoreError.settingsUnusable(reason: StoreText.decodingProblem(error))
            }
        }

        public func saveSettings(_ settings: StoreSettings) throws {
            var s = settings
            s.schemaVersion = StoreSettings.currentSchemaVersion
            if try Self.text(call("SELECT unge.gem_indstillinger($1::jsonb)", [Self.json(s)])) != "ok" {
                throw StoreError.accessRefused(nil)
            }
        }

        /// A private folder (0700) under `$XDG_RUNTIME_DIR` or the temp folder: this store has no folder.
        public func makeWorkFolder() throws -> WorkFolder {
            try WorkFolder.makePrivate()
        }

        // MARK: Statistics

        /// Keeps the case's statistics facts (`unge.statistik`, derived, no CPR number, name or case
        /// text) beside the saved revision. Best effort: facts that are missing or belong to an older
        /// revision are never used (`unge.statistik_fakta` then returns the document instead).
        /// A moved-in case's are written by `unge.flyt_ind_statistik` (`moving`), the administrator's
        /// move being the one writer allowed there.
        func writeStatistics(_ c: CaseFile, moving: Bool = false) {
            let facts = StatisticsFacts(c)
            var line: [UInt8] = []
            StatisticsRecords.encode(facts, into: &line)
            let span = facts.activitySpan
            _ = try? db.query(
                "SELECT unge.\(moving ? "flyt_ind_statistik" : "gem_statistik")($1, $2, $3, $4::date, $5::date, $6::jsonb)",
                [
                    c.id.rawValue, String(c.revision), String(decoding: line, as: UTF8.self), span.first.iso,
                    span.last?.iso, StatisticsItem.json(StatisticsItem.items(of: facts)),
                ])
        }

        public func statisticsFacts() throws -> (facts: [StatisticsFacts], problems: [StoreProblem]) {
            let event = AuditEvent(
                time: Date(), user: role, action: .search, caseID: nil, criterion: "statistikfakta", command: command)
            let r = try statisticsFacts(team: nil, mine: false, window: nil, event: event)
            return (r.facts, r.problems)
        }

        public func statisticsFacts(
            team: String?, mine: Bool, window: ClosedRange<LocalDate>?, event: AuditEvent
        ) throws -> TeamStatistics {
            var e = event
            e.user = role
            let rows = try call(
                "SELECT status, sag, sagsbehandler, fakta, doc::text FROM unge.statistik_fakta($1, $2, $3::date, $4::date, $5::jsonb)",
                [team, mine ? "true" : "false", window?.lowerBound.iso, window?.upperBound.iso, Self.json(e)])
            if rows.first?[0] == "adgang" { throw StoreError.accessRefused(nil) }
            var facts: [StatisticsFacts] = []
            var problems: [StoreProblem] = []
            facts.reserveCapacity(rows.count)
            for row in rows {
                guard let id = row[1].flatMap(CaseID.init) else { continue }
                var f: StatisticsFacts?
                if let line = row[3] {
                    f = StatisticsRecords.decode(ArraySlice(line.utf8))
                }
                if f == nil {
                    // Facts missing, stale or unreadable: the document (sent instead), else the case.
                    do {
                        let c = try row[4].map { try decode($0, id: id).caseFile } ?? loadDocument(id).caseFile
                        f = StatisticsFacts(c)
                    } catch let err as StoreError {
                        problems.append(StoreProblem(file: "sag \(id.rawValue)", error: err))
                    }
                }
                guard var facts1 = f, facts1.id == id else { continue }
                // The caseworker the team store holds responsible (a handed-over case counts for the new one).
                if let worker = row[2] { facts1.caseworker = worker }
                facts.append(facts1)
            }
            let leader = try call("SELECT leder FROM unge.mig()", []).first?[0] == "t"
            return TeamStatistics(facts: facts, problems: problems, isLeader: leader)
        }

        /// The figures of `unge statistik` counted by the database (`unge.statistik_tal`, one audited
        /// call) over the items Core wrote at save; cases whose items are missing or stale come back
        /// as documents and are counted here, by the same rules.
        public func statisticsCounts(
            team: String?, mine: Bool, computation: StatisticsComputation, event: AuditEvent
        ) throws -> TeamStatisticsCounts {
            var e = event
            e.user = role
            let months = computation.trendMonths
            let rows = try call(
                "SELECT status, noegle, antal, sag, sagsbehandler, doc::text FROM unge.statistik_tal("
                    + "$1, $2, $3::date, $4::date, $5::float8, $6::date, $7::float8, $8::date, $9::date, $10::date, $11::jsonb)",
                [
                    team, mine ? "true" : "false", computation.from.iso, computation.to.iso,
                    "\(computation.asOf.timeIntervalSince1970)", computation.asOfDay.iso,
                    "\(computation.cutoff.timeIntervalSince1970)", min(computation.to, computation.asOfDay).iso,
                    months[0].iso, months[11].adding(months: 1).iso, Self.json(e),
                ])
            if rows.first?[0] == "adgang" { throw StoreError.accessRefused(nil) }
            var counts = StatisticsCounts()
            var stale: [StatisticsFacts] = []
            var problems: [StoreProblem] = []
            let monthIndex = Dictionary(
                uniqueKeysWithValues: months.enumerated().map { (String($1.iso.prefix(7)), $0) })
            for row in rows {
                if row[0] == "tal", let key = row[1], let n = row[2].flatMap({ Int($0) }) {
                    counts.addDatabaseCount(key, n, monthIndex: monthIndex)
                } else if row[0] == "dok", let id = row[3].flatMap(CaseID.init) {
                    do {
                        let c = try row[5].map { try decode($0, id: id).caseFile } ?? loadDocument(id).caseFile
                        var f = StatisticsFacts(c)
                        // The caseworker the team store holds responsible (a handed-over case counts for the new one).
                        if let worker = row[4] { f.caseworker = worker }
                        stale.append(f)
                    } catch let err as StoreError {
                        problems.append(StoreProblem(file: "sag \(id.rawValue)", error: err))
                    }
                }
            }
            counts.add(computation.count(facts: stale))
            let leader = try call("SELECT leder FROM unge.mig()", []).first?[0] == "t"
            return TeamStatisticsCounts(counts: counts, problems: problems, isLeader: leader)
        }

        // MARK: Team operations

        public func grantDeputy(_ deputy: String, for user: String, until: LocalDate) throws {
            switch try Self.text(call("SELECT unge.stedfortraeder($1, $2, $3::date)", [deputy, user, until.iso])) {
            case "ok": return
            case "dato": throw StoreError.database(reason: "datoen er passeret")
            default: throw StoreError.accessRefused(nil)
            }
        }

        public func find(cpr: String?, nameKey: String?) throws -> [LookupMatch] {
            try call(
                "SELECT id, hold, sagsbehandler, beskyttet, kan_aabne, kontakt FROM unge.find($1, $2)", [cpr, nameKey]
            )
            .compactMap { r in
                guard let id = r[0].flatMap(CaseID.init) else { return nil }
                let contacts = (r[5] ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "{}"))
                    .split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
                return LookupMatch(
                    id: id, team: r[1], caseworker: r[2], restricted: r[3] == "t", mayOpen: r[4] == "t",
                    contacts: contacts)
            }
        }

        public func handOver(_ id: CaseID, to caseworker: String, now: Date, command: String) throws {
            let event = AuditEvent(
                time: now, user: role, action: .update, caseID: id, criterion: "til \(caseworker)", command: command)
            switch try Self.text(
                call("SELECT unge.overdrag($1, $2, $3::jsonb)", [id.rawValue, caseworker, Self.json(event)], case: id))
            {
            case "ok": return
            case "hold": throw StoreError.noTeam(role: caseworker)
            default: throw StoreError.accessRefused(id)
            }
        }

        /// Deletes case `id` under the retention rules in one transaction: the case, its register row,
        /// named users, drafts and messages go, the personal payload of its earlier audit rows (user,
        /// account, command, criterion, shown) is removed, and `tombstone` is appended once. The only
        /// path that changes the audit log beyond appending (`unge.slet_sag`). Idempotent.
        public func deleteCase(_ id: CaseID, tombstone: AuditEvent) throws {
            var t = tombstone
            t.user = role
            switch try Self.text(call("SELECT unge.slet_sag($1, $2::jsonb)", [id.rawValue, Self.json(t)], case: id)) {
            case "ok": return
            default: throw StoreError.accessRefused(id)
            }
        }

        /// `unge log --kontroller` on this backend: the audit table's chains (filled in by the database,
        /// `unge.log_kaede`) checked with the same rules as a folder's, against the recorded heads
        /// (`unge.kaedehoved`) and the anchors, and each row's place (`kaede`, `loebenr`, and the order the
        /// rows were written in) against what its event says. The whole log is read, so only an
        /// administrator may (exit 4 for others); rows from before the chains are counted, not breaks.
        public func verifyAuditLog() throws -> AuditChain.Verification {
            let copy = try auditLogCopy()
            var v = AuditChain.Verification()
            v.breaks = copy.breaks
            AuditChain.verifyChains(
                copy.events, heads: copy.heads, unchainedAfterStartIsBreak: false,
                headPlace: { "unge.kaedehoved, kæde '\($0)'" }, into: &v)
            v.breaks = AuditChain.ordered(v.breaks)
            return v
        }

        /// The whole audit log as the chains hold it (administrators only): every row unge shows, with
        /// its place, the recorded chain heads, and what is wrong with a row's place already (a row whose
        /// columns do not match its event, a chain's rows out of the order they were written in).
        public func auditLogCopy() throws -> AuditLogCopy {
            try requireAdministrator()
            let decoder = UngeJSON.decoder()
            var copy = AuditLogCopy()
            var lastSeq: [String: Int] = [:]
            for row in try call("SELECT nr::text, kaede, loebenr::text, haendelse::text FROM unge.kontrol_log()", []) {
                let nr = row[0] ?? "?"
                let event: AuditEvent
                do { event = try decoder.decode(AuditEvent.self, from: Data((row[3] ?? "").utf8)) } catch {
                    copy.unreadable.append((Int(nr) ?? 0, row[3] ?? ""))
                    copy.breaks.append(
                        .init(
                            place: "revisionssporet, række \(nr)", time: nil,
                            reason: "hændelsen kan ikke læses (\(StoreText.decodingProblem(error)))"))
                    continue
                }
                let place =
                    event.chain.map { "revisionssporet, række \(nr) (kæde '\($0)' nr. \(event.seq ?? 0))" }
                    ?? "revisionssporet, række \(nr)"
                if row[1] != event.chain || row[2].flatMap({ Int($0) }) != event.seq {
                    copy.breaks.append(
                        .init(
                            place: place, time: event.time,
                            reason:
                                "rækken står som nr. \(row[2] ?? "-") i kæden '\(row[1] ?? "-")', men hændelsen siger nr. \(event.seq.map(String.init) ?? "-") i '\(event.chain ?? "-")' (byttet om eller flyttet)"
                        ))
                }
                if let chain = event.chain, let seq = event.seq {
                    if let before = lastSeq[chain], seq < before {
                        copy.breaks.append(
                            .init(
                                place: place, time: event.time,
                                reason:
                                    "hændelsen er skrevet efter nr. \(before) i kæden '\(chain)', men har nr. \(seq) (byttet om)"
                            ))
                    }
                    lastSeq[chain] = max(lastSeq[chain] ?? 0, seq)
                }
                copy.events.append(.init(place: place, event: event, nameSeq: nil))
                copy.rows.append(.init(order: Int(nr) ?? 0, chain: row[1], seq: row[2].flatMap { Int($0) }))
            }
            for row in try call("SELECT kaede, loebenr::text, digest FROM unge.kontrol_hoveder()", []) {
                guard let chain = row[0], let seq = row[1].flatMap({ Int($0) }), let digest = row[2] else { continue }
                copy.heads[chain] = (seq, digest)
            }
            return copy
        }

        /// `slet`'s deletion on this backend: refused with `conflict` if the case changed since it was
        /// read, then `unge.slet_sag` (case, register, drafts, messages and the audit payload in one
        /// transaction; a crash leaves the case fully present or fully gone).
        public func deleteCase(_ id: CaseID, expectedRevision: Int, tombstone: AuditEvent) throws {
            let current = try load(id)
            guard current.revision == expectedRevision else {
                throw StoreError.conflict(id, expected: expectedRevision, actual: current.revision)
            }
            try deleteCase(id, tombstone: tombstone)
        }

        /// The audit side of a deletion (privacy's hook): on this backend the same single transaction
        /// as `deleteCase`, so it also removes the case if it is still there.
        public func eraseAuditPersonalData(of id: CaseID, tombstone: AuditEvent) throws {
            try deleteCase(id, tombstone: tombstone)
        }

        public func setMember(_ role: String, team: String, leader: Bool) throws {
            if try Self.text(call("SELECT unge.saet_medlem($1, $2, $3)", [role, team, leader ? "true" : "false"]))
                != "ok"
            {
                throw StoreError.accessRefused(nil)
            }
        }
    }

    extension PostgresStore: AuditCopying {}

    /// What `liste` needs of a case, kept beside the document (`sager.resume`).
    struct SummaryRecord: Codable {
        var id: String
        var name: String
        var birthDate: LocalDate?
        var status: CaseStatus
        var nextDeadline: LocalDate?
        var nextDeadlineTitle: String?
        var revision: Int
        var anonymous: Bool
        var openDeadlines: String
        var caseworker: String?

        init(_ s: CaseSummary) {
            id = s.id.rawValue
            name = s.name
            birthDate = s.birthDate
            status = s.status
            nextDeadline = s.nextDeadline
            nextDeadlineTitle = s.nextDeadlineTitle
            revision = s.revision
            anonymous = s.anonymous
            openDeadlines = Data(s.openDeadlinesData).base64EncodedString()
            caseworker = s.caseworker
        }

        func summary(id: CaseID) -> CaseSummary {
            var s = CaseSummary(
                id: id, name: name, birthDate: birthDate, status: status, nextDeadline: nextDeadline,
                nextDeadlineTitle: nextDeadlineTitle, revision: revision, anonymous: anonymous)
            s.openDeadlinesData = Data(base64Encoded: openDeadlines).map { [UInt8]($0) } ?? []
            s.caseworker = caseworker
            return s
        }
    }
#endif
