#if PostgreSQL
    import Foundation
    import UngeCore

    extension PostgresStore {
        /// Refuses (exit 4) unless the session's role is an administrator (`unge_admin`).
        func requireAdministrator() throws {
            if try Self.text(call("SELECT unge.er_admin()", [])) != "t" { throw StoreError.accessRefused(nil) }
        }

        /// The roles of `names` that do not exist in the cluster.
        func missingRoles(_ names: [String]) throws -> [String] {
            let present = Set(
                try call(
                    "SELECT rolname::text FROM pg_roles WHERE rolname = ANY ($1::text[])", [Self.arrayLiteral(names)]
                )
                .compactMap { $0[0] })
            return names.filter { !present.contains($0) }.sorted()
        }

        /// One moved case; `.same` when the target already holds it with this content.
        func moveIn(
            id: CaseID, document: [UInt8], caseFile: CaseFile, team: String, caseworker: String, named: [String]?
        ) throws -> FileStore.Restored {
            let status = try Self.text(
                call(
                    "SELECT unge.flyt_ind_sag($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6, $7, $8, $9::text[])",
                    [
                        id.rawValue, String(caseFile.revision), String(decoding: document, as: UTF8.self),
                        Self.json(SummaryRecord(CaseSummary(caseFile))), Self.lookup(caseFile), team, caseworker,
                        named == nil ? "false" : "true", Self.arrayLiteral(named ?? []),
                    ], case: id))
            // Its statistics at once (derived; a restart writes them again if they are missing).
            if status == "ok" || status == "samme" { writeStatistics(caseFile, moving: true) }
            switch status {
            case "ok": return .copied
            case "samme": return .same
            case "findes":
                throw StoreError.move(
                    "Sag \(id.rawValue) findes allerede i databasen med et andet indhold. Intet er overskrevet.")
            default: throw StoreError.accessRefused(id)
            }
        }

        /// Moved audit events, as they were written, in order.
        func moveIn(events: [AuditEvent]) throws {
            var chunk: [String] = []
            func flush() throws {
                guard !chunk.isEmpty else { return }
                let status = try Self.text(
                    call("SELECT unge.flyt_ind_log($1::jsonb)", ["[" + chunk.joined(separator: ",") + "]"]))
                if status != "ok" { throw StoreError.accessRefused(nil) }
                chunk.removeAll()
            }
            for e in events {
                let shown = try e.shown.map { try Self.json(AuditEvent.expand($0)) } ?? "null"
                chunk.append("{\"h\":" + (try Self.json(e)) + ",\"v\":" + shown + "}")
                if chunk.count >= 2000 { try flush() }
            }
            try flush()
        }

        func moveIn(draft: DialogueDraft, owner: String) throws {
            let status = try Self.text(
                call(
                    "SELECT unge.flyt_ind_kladde($1, $2, $3, $4::jsonb)",
                    [owner, draft.command, draft.caseID?.rawValue ?? "ny", Self.json(draft)]))
            if status != "ok" { throw StoreError.accessRefused(nil) }
        }

        /// Every case with its document (restricted ones included); audited by the database.
        func moveOutCases(command: String) throws -> [(id: CaseID, document: [UInt8])] {
            try call("SELECT id, doc::text FROM unge.flyt_ud($1)", [command]).compactMap { row in
                guard let id = row[0].flatMap(CaseID.init), let doc = row[1] else { return nil }
                return (id, Array(doc.utf8))
            }
        }

        /// The whole audit log as unge shows it; a listing written by the database itself gets the ids it
        /// showed.
        func moveOutEvents() throws -> (events: [AuditEvent], problems: Int) {
            let decoder = UngeJSON.decoder()
            var events: [AuditEvent] = []
            var problems = 0
            for row in try call("SELECT haendelse::text, viste::text FROM unge.flyt_ud_log()", []) {
                guard var e = try? decoder.decode(AuditEvent.self, from: Data((row[0] ?? "").utf8)) else {
                    problems += 1
                    continue
                }
                if e.shown == nil, let viste = row[1] {
                    let ids = viste.trimmingCharacters(in: CharacterSet(charactersIn: "{}")).split(separator: ",")
                        .compactMap { CaseID(String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\""))) }
                    e.shown = AuditEvent.compress(ids)
                }
                events.append(e)
            }
            return (events, problems)
        }

        func moveOutDrafts() throws -> [DialogueDraft] {
            try call("SELECT doc::text FROM unge.flyt_ud_kladder()", []).compactMap { row in
                try? UngeJSON.decoder().decode(DialogueDraft.self, from: Data((row[0] ?? "").utf8))
            }
        }
    }

    extension StoreMove {
        static func intoDatabase(
            from: FileStore, to: PostgresStore, users: UserMap, addToExisting: Bool, now: Date,
            progress: (@Sendable (String) -> Void)?
        ) throws -> MoveReport {
            try to.requireAdministrator()
            let missingRoles = try to.missingRoles(users.memberships.map(\.role))
            if !missingRoles.isEmpty {
                throw StoreError.move(
                    "Rollerne \(missingRoles.joined(separator: ", ")) findes ikke i databasen. IT opretter dem først (CREATE ROLE navn LOGIN IN ROLE unge_sagsbehandler)."
                )
            }
            // Read and map everything before anything is written.
            var report = MoveReport()
            let ids = try from.caseIDs()
            var sources: [(id: CaseID, body: [UInt8], caseFile: CaseFile, entry: UserMap.Entry, named: [String]?)] = []
            var unmapped: Set<String> = []
            for id in ids {
                let doc = try from.movableDocument(id)
                guard let entry = users.entry(for: doc.caseFile.caseworker) else {
                    unmapped.insert(doc.caseFile.caseworker ?? "(ingen sagsbehandler)")
                    continue
                }
                // A restricted case's named users become their roles (never the '*' line: a restricted
                // case is opened to exactly the people named).
                var named: [String]?
                if let r = doc.caseFile.restriction {
                    named =
                        r.named.compactMap { n in
                            guard let e = users.entries[UserMap.fold(n)] else {
                                unmapped.insert(n)
                                return nil
                            }
                            return e.role
                        } + [entry.role]
                }
                sources.append((id, [UInt8](doc.body), doc.caseFile, entry, named))
            }
            let drafts = try from.allDrafts()
            for d in drafts where users.entry(for: d.user) == nil { unmapped.insert(d.user) }
            if !unmapped.isEmpty {
                throw StoreError.move(
                    "Brugerkortet mangler \(unmapped.sorted().map { "'\($0)'" }.joined(separator: ", ")). Tilføj dem, eller en linje *;rolle;hold for resten."
                )
            }
            report.cases = sources.count
            let sourceIDs = Set(ids)
            let other = try to.caseIDs().filter { !sourceIDs.contains($0) }
            if !other.isEmpty && !addToExisting {
                throw StoreError.move(
                    "Databasen har allerede \(other.count) sager, der ikke kommer fra mappen (fx \(other[0].rawValue)). Brug --tilfoej, hvis sagerne skal lægges til dem."
                )
            }
            let source = try from.auditEvents(for: nil)
            report.unreadableEvents = source.problems.count
            report.events = source.events.count

            try to.appendAudit(
                AuditEvent(
                    time: now, user: to.role, action: .create,
                    criterion: "flytning fra en mappe: \(sources.count) sager, \(source.events.count) hændelser",
                    command: "lager flyt"))
            for m in users.memberships { try to.setMember(m.role, team: m.team, leader: m.leader) }
            if from.hasSettingsFile { try to.saveSettings(try from.loadSettings()) }
            var hashes: [String: String] = [:]
            for (n, s) in sources.enumerated() {
                switch try to.moveIn(
                    id: s.id, document: s.body, caseFile: s.caseFile, team: s.entry.team, caseworker: s.entry.role,
                    named: s.named)
                {
                case .copied: report.casesCopied += 1
                case .same: report.casesAlreadyThere += 1
                }
                hashes[s.id.rawValue] = contentHash(s.body)
                if (n + 1) % 1000 == 0 { progress?("\(n + 1) af \(sources.count) sager flyttet") }
            }
            let missingEvents = missing(source.events, in: try to.auditEvents(for: nil).events)
            try to.moveIn(events: missingEvents)
            report.eventsCopied = missingEvents.count
            for d in drafts { try to.moveIn(draft: d, owner: users.entry(for: d.user)!.role) }
            report.drafts = drafts.count
            report.settingsMoved = from.hasSettingsFile

            // The check: every case read back with the same content, every event there.
            progress?("kontrollerer")
            var found: [String: String] = [:]
            for c in try to.moveOutCases(command: "lager flyt kontrol") where hashes[c.id.rawValue] != nil {
                found[c.id.rawValue] = contentHash(c.document)
            }
            try verify(hashes, found)
            if !missing(source.events, in: try to.auditEvents(for: nil).events).isEmpty {
                throw StoreError.move(
                    "Kontrollen fandt hændelser fra revisionssporet, der ikke kom med. Kør flytningen igen.")
            }
            report.digest = digest(hashes)
            return report
        }

        static func outToFolder(
            from: PostgresStore, to: FileStore, addToExisting: Bool, now: Date,
            progress: (@Sendable (String) -> Void)?
        ) throws -> MoveReport {
            try from.requireAdministrator()
            var report = MoveReport()
            let targetExists = to.rootExists
            if targetExists { try to.checkLayout() }
            let cases = try from.moveOutCases(command: "lager flyt")
            let sourceIDs = Set(cases.map(\.id))
            let other = targetExists ? try to.caseIDs().filter { !sourceIDs.contains($0) } : []
            if !other.isEmpty && !addToExisting {
                throw StoreError.move(
                    "Mappen har allerede \(other.count) sager, der ikke kommer fra databasen (fx \(other[0].rawValue)). Brug --tilfoej, hvis sagerne skal lægges til dem."
                )
            }
            // The document as the database holds it (its own key order and spacing; unge reads any), so that
            // the content hash of the case is the same in the database, in the folder, and in the folder it
            // first came from.
            var documents: [(id: CaseID, bytes: [UInt8])] = []
            for c in cases {
                _ = try FileStore.decodeDocument(c.document, file: "sag \(c.id.rawValue)", expectedID: c.id)
                documents.append((c.id, c.document + [UInt8(ascii: "\n")]))
            }
            report.cases = documents.count
            let source = try from.moveOutEvents()
            report.unreadableEvents = source.problems
            report.events = source.events.count

            try to.prepare()
            try to.appendAudit(
                AuditEvent(
                    time: now, user: from.role, action: .create,
                    criterion: "flytning fra databasen: \(documents.count) sager, \(source.events.count) hændelser",
                    command: "lager flyt"))
            var hashes: [String: String] = [:]
            for (n, d) in documents.enumerated() {
                switch try to.restoreCase(d.bytes, id: d.id) {
                case .copied: report.casesCopied += 1
                case .same: report.casesAlreadyThere += 1
                }
                hashes[d.id.rawValue] = contentHash(d.bytes)
                if (n + 1) % 1000 == 0 { progress?("\(n + 1) af \(documents.count) sager flyttet") }
            }
            let present = try to.auditEvents(for: nil).events
            let missingEvents = missing(source.events, in: present)
            try to.appendAuditBatch(missingEvents)
            report.eventsCopied = missingEvents.count
            // A file store is one person's: of two users' drafts of the same dialogue, the newest is kept.
            var drafts: [String: DialogueDraft] = [:]
            for d in try from.moveOutDrafts() {
                let key = d.command + "-" + (d.caseID?.rawValue ?? "ny")
                if let have = drafts[key], have.saved >= d.saved { continue }
                drafts[key] = d
            }
            for d in drafts.values.sorted(by: { $0.command < $1.command }) { try to.restoreDraft(d) }
            report.drafts = drafts.count
            let settings = try from.loadSettings()
            if settings != StoreSettings() {
                try to.saveSettings(settings)
                report.settingsMoved = true
            }

            progress?("kontrollerer")
            var found: [String: String] = [:]
            for id in sourceIDs {
                if let bytes = try? Posix.readFile(to.casePath(id), limit: FileStore.maximumCaseFileBytes) {
                    found[id.rawValue] = contentHash(bytes)
                }
            }
            try verify(hashes, found)
            if !missing(source.events, in: try to.auditEvents(for: nil).events).isEmpty {
                throw StoreError.move(
                    "Kontrollen fandt hændelser fra revisionssporet, der ikke kom med. Kør flytningen igen.")
            }
            report.digest = digest(hashes)
            return report
        }

        static func verify(_ expected: [String: String], _ found: [String: String]) throws {
            let absent = expected.keys.filter { found[$0] == nil }.sorted()
            if !absent.isEmpty {
                throw StoreError.move(
                    "Kontrollen fandt ikke \(absent.count) sager i målet (fx \(absent[0])). Kør flytningen igen.")
            }
            let differ = expected.keys.filter { found[$0] != expected[$0] }.sorted()
            if !differ.isEmpty {
                throw StoreError.move(
                    "Kontrollen fandt \(differ.count) sager med et andet indhold i målet (fx \(differ[0])). Kør flytningen igen, eller kontakt IT."
                )
            }
        }
    }
#endif
