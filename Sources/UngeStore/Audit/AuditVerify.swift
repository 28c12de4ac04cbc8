import Foundation
import UngeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `unge log --kontroller` for a file store, or for any folder holding a copy of one's `log/`
/// (a folder copy of the store, or an archive unpacked): reads nothing else, writes nothing, needs
/// no server.
extension FileStore {
    /// Checks every event file, every chain, the chain heads (`log/.kaeder`), the anchors and the
    /// month indexes (`log/.indeks`) against the events. Never writes.
    public func verifyAuditLog() throws -> AuditChain.Verification {
        var v = AuditChain.Verification()
        var st = stat()
        guard lstat(logPath, &st) == 0 else {
            // No log: an archive copy (`eksport --arkiv`), or a folder of them, is checked instead.
            for (dir, place) in archiveFolders() { FileStore.verifyArchive(dir, place: place, into: &v) }
            v.breaks = AuditChain.ordered(v.breaks)
            return v
        }
        guard st.st_mode & S_IFMT == S_IFDIR else {
            throw StoreError.foreignEntry(file: "log", found: FileStore.kind(st))
        }
        let entries: [String]
        do { entries = try Posix.listDirectory(logPath) } catch let f {
            throw StoreError.io(operation: "læse", file: "log", code: f.code, visible: false)
        }
        let months = entries.filter { !$0.hasPrefix(".") }.sorted()
        var located: [AuditChain.Located] = []
        var byMonth: [String: [String: (event: AuditEvent, ino: UInt64, ctime: Int64)]] = [:]
        for month in months {
            var ms = stat()
            let folder = logPath + "/" + month
            guard lstat(folder, &ms) == 0, ms.st_mode & S_IFMT == S_IFDIR else {
                v.breaks.append(.init(place: "log/" + month, time: nil, reason: "en fremmed fil i log-mappen"))
                continue
            }
            let names = ((try? Posix.listDirectory(folder)) ?? []).filter {
                $0.hasSuffix(".json") && !$0.hasPrefix(".")
            }
            .sorted()
            var files: [String: (event: AuditEvent, ino: UInt64, ctime: Int64)] = [:]
            for (name, outcome) in zip(names, decodeEvents(names, in: folder)) {
                let place = "log/" + month + "/" + name
                switch outcome {
                case .failure(let u):
                    v.breaks.append(.init(place: place, time: nil, reason: "hændelsen kan ikke læses (\(u.reason))"))
                case .success(let d):
                    files[name] = (d.event, d.ino, d.ctime)
                    located.append(.init(place: place, event: d.event, nameSeq: FileStore.chainNumber(name)))
                    if d.event.chain != nil, let reason = FileStore.nameProblem(name, month: month, event: d.event) {
                        v.breaks.append(.init(place: place, time: d.event.time, reason: reason))
                    }
                }
            }
            byMonth[month] = files
        }
        // The recorded chain heads.
        var heads: [String: (seq: Int, digest: String)] = [:]
        let headNames = ((try? Posix.listDirectory(chainsPath)) ?? []).filter { !$0.hasPrefix(".") }
        for chain in headNames {
            let place = "log/.kaeder/" + chain
            guard let bytes = try? Posix.readFile(chainsPath + "/" + chain, limit: 4096) else {
                v.breaks.append(.init(place: place, time: nil, reason: "kædens hoved kan ikke læses"))
                continue
            }
            let parsed = FileStore.parseHead(bytes)
            guard parsed.readable else {
                v.breaks.append(.init(place: place, time: nil, reason: "kædens hoved er ødelagt"))
                continue
            }
            if let head = recordedHead(parsed) { heads[chain] = (head.seq, head.digest) }
        }
        AuditChain.verifyChains(located, heads: heads, into: &v)
        verifyIndexes(byMonth, months: Set(months), into: &v)
        v.breaks = AuditChain.ordered(v.breaks)
        return v
    }

    /// The archive copies at the store path: the folder itself when it holds `revisionsspor.json`,
    /// else each folder directly in it that does (`eksport --arkiv --ud MAPPE` writes `MAPPE/<sag>/`).
    func archiveFolders() -> [(dir: String, place: String)] {
        var st = stat()
        if lstat(rootPath + "/revisionsspor.json", &st) == 0 { return [(rootPath, "")] }
        var out: [(String, String)] = []
        for name in ((try? Posix.listDirectory(rootPath)) ?? []).sorted() where !name.hasPrefix(".") {
            let dir = rootPath + "/" + name
            guard lstat(dir, &st) == 0, st.st_mode & S_IFMT == S_IFDIR,
                lstat(dir + "/revisionsspor.json", &st) == 0
            else { continue }
            out.append((dir, name + "/"))
        }
        return out
    }

    /// Checks one archive copy's audit trail (`revisionsspor.json`): the copy's checksums and
    /// manifest; the case's own chain complete from its first event, in order, each event and link
    /// intact (an edited, deleted, swapped or inserted event is a break); the events of other chains
    /// (listings that showed the case) each by its digest; and the trail reaching the revision the
    /// manifest says was archived (events cut off the end).
    static func verifyArchive(_ dir: String, place: String, into v: inout AuditChain.Verification) {
        let file = place + "revisionsspor.json"
        let manifest: CaseArchive.Manifest
        do { manifest = try CaseArchive.verifyFiles(dir) } catch {
            v.breaks.append(.init(place: place.isEmpty ? "arkivkopien" : place, time: nil, reason: error.reason))
            return
        }
        let events: [AuditEvent]
        do {
            let bytes = try Posix.readFile(dir + "/revisionsspor.json", limit: 1 << 30)
            events = try UngeJSON.decoder().decode([AuditEvent].self, from: Data(bytes))
        } catch {
            v.breaks.append(.init(place: file, time: nil, reason: "revisionssporet kan ikke læses"))
            return
        }
        let id = manifest.caseID
        var own: [AuditChain.Located] = []
        var lastSeq = 0
        for (i, e) in events.enumerated() {
            let spot = file + ", hændelse \(i + 1)"
            if e.chain == id.rawValue || (e.chain != nil && e.caseID == id) {
                if let seq = e.seq, seq < lastSeq {
                    v.breaks.append(
                        .init(
                            place: spot, time: e.time,
                            reason: "hændelsen står efter nr. \(lastSeq) i sagens kæde, men har nr. \(seq) (byttet om)")
                    )
                }
                lastSeq = max(lastSeq, e.seq ?? 0)
                own.append(.init(place: spot, event: e))
            } else if e.chain != nil {
                v.chainedEvents += 1
                if e.digest == nil || AuditChain.digest(e) != e.digest {
                    v.breaks.append(
                        .init(place: spot, time: e.time, reason: "hændelsen er ændret, efter den blev skrevet"))
                }
            } else {
                v.unchainedEvents += 1
            }
        }
        let chainsBefore = v.chains
        AuditChain.verifyChains(own, heads: nil, unchainedAfterStartIsBreak: false, into: &v)
        v.chains = chainsBefore + (own.isEmpty ? 0 : 1)
        // The revision archived must have its event: else the end of the trail is missing.
        let reached = events.filter { $0.caseID == id && ($0.action == .create || $0.action == .update) }
            .compactMap(\.revisionAfter).max()
        if !own.isEmpty, let reached, reached < manifest.revision {
            v.breaks.append(
                .init(
                    place: file, time: events.last?.time,
                    reason:
                        "sporet når kun til revision \(reached), men kopien er af revision \(manifest.revision) (de sidste hændelser mangler)"
                ))
        }
    }

    /// What is wrong with a chained event's file name (its time, chain or number), or nil.
    static func nameProblem(_ name: String, month: String, event e: AuditEvent) -> String? {
        let stamp = UngeJSON.formatTimestamp(e.time)
        let compact = String(stamp.filter { $0 != "-" && $0 != ":" })
        if !name.hasPrefix(compact + "-") || month != String(stamp.prefix(7)) {
            return "filnavnets tid passer ikke med hændelsens tid (flyttet eller byttet om)"
        }
        if let chain = e.chain, !name.hasPrefix(compact + "-" + chain + "-") {
            return "filnavnets sag passer ikke med hændelsens (byttet om)"
        }
        return nil
    }

    /// Checks each month index against the event files: every line must be its file's event, and
    /// an index that says it is complete must hold every file.
    private func verifyIndexes(
        _ byMonth: [String: [String: (event: AuditEvent, ino: UInt64, ctime: Int64)]], months: Set<String>,
        into v: inout AuditChain.Verification
    ) {
        let indexNames = ((try? Posix.listDirectory(auditIndexPath)) ?? []).filter {
            !$0.hasPrefix(".") && $0.hasSuffix(".tsv")
        }
        for indexName in indexNames.sorted() {
            let month = String(indexName.dropLast(4))
            let place = "log/.indeks/" + indexName
            guard let bytes = try? Posix.readFile(auditIndexPath + "/" + indexName, limit: 1 << 30) else {
                v.breaks.append(.init(place: place, time: nil, reason: "indekset kan ikke læses"))
                continue
            }
            guard months.contains(month), let files = byMonth[month] else {
                v.breaks.append(
                    .init(
                        place: place, time: nil,
                        reason:
                            "indekset hører til måneden log/\(month), som ikke findes (et afsnit af sporet er fjernet)")
                )
                continue
            }
            guard let header = AuditIndexFile.header(bytes) else {
                if bytes.starts(with: Array("unge-logindeks\t".utf8)) && !bytes.starts(with: FileStore.auditIndexHeader)
                {
                    continue  // an index of an older version: rebuilt at the next query, never read
                }
                v.breaks.append(.init(place: place, time: nil, reason: "indeksets første linje er ødelagt (afkortet?)"))
                continue
            }
            if bytes.last != 10 {
                v.breaks.append(.init(place: place, time: nil, reason: "indekset slutter midt i en linje (afkortet)"))
            } else if !AuditIndexFile.lineCountHolds(bytes, header) {
                v.breaks.append(
                    .init(
                        place: place, time: nil,
                        reason:
                            "indekset har ikke det antal linjer, det selv siger (\(header.lines)): afkortet eller ændret"
                    ))
            } else if SHA256.hex(Array(bytes[header.bodyStart...])) != header.digest {
                v.breaks.append(
                    .init(place: place, time: nil, reason: "indeksets kontrolsum passer ikke med dets linjer (ændret)"))
            }
            var seen = Set<String>()
            var shownOf: [String: String] = [:]
            bytes.withUnsafeBufferPointer { b in
                guard var start = b.firstIndex(of: 10).map({ $0 + 1 }) else { return }
                while start < b.count {
                    let nl = b[start...].firstIndex(of: 10) ?? b.count
                    defer { start = nl + 1 }
                    guard nl < b.count else { break }  // the cut-off last line, reported above
                    v.indexLines += 1
                    guard let entry = AuditIndexFile.event(b, start, nl, shown: nil) else {
                        v.breaks.append(.init(place: place, time: nil, reason: "en linje i indekset kan ikke læses"))
                        continue
                    }
                    let shownRaw = AuditIndexFile.shownField(bytes[start..<nl]).map { field in
                        field.withUnsafeBufferPointer { IndexText.string($0) }
                    }
                    var shown = shownRaw
                    if let s = shownRaw, s.hasPrefix("=") {
                        shown = shownOf[String(s.dropFirst())]
                    } else if let s = shownRaw {
                        shownOf[entry.name] = s
                    }
                    seen.insert(entry.name)
                    guard let file = files[entry.name] else {
                        v.breaks.append(
                            .init(
                                place: place, time: entry.event.time,
                                reason: "indekset nævner hændelsen \(entry.name), som ikke findes (slettet)"))
                        continue
                    }
                    var fromFile = file.event
                    fromFile.anchors = nil
                    var fromLine = entry.event
                    fromLine.shown = (shown?.isEmpty ?? true) ? nil : shown!.split(separator: ",").map(String.init)
                    fromFile.shown = fromFile.shown.map { [AuditChain.shownText($0)] }
                    fromLine.shown = fromLine.shown.map { [AuditChain.shownText($0)] }
                    if fromLine != fromFile {
                        v.breaks.append(
                            .init(
                                place: place, time: entry.event.time,
                                reason: "indeksets linje for \(entry.name) passer ikke med hændelsen (ændret)"))
                    }
                }
            }
            // An index whose header says it saw the folder as it is now must name every file,
            // except one written within the file system's clock tick after the listing.
            var ms = stat()
            guard lstat(logPath + "/" + month, &ms) == 0 else { continue }
            let mtime = Int64(ms.st_mtim.tv_sec) * 1_000_000_000 + Int64(ms.st_mtim.tv_nsec)
            // (Only when listed well after the folder last changed: a file linked within the file
            // system's clock tick after the listing leaves the folder's time unchanged.)
            guard header.mtime == mtime, header.listed - header.mtime >= FileStore.auditIndexRacyNanoseconds else {
                continue
            }
            for (name, file) in files where !seen.contains(name) {
                v.breaks.append(
                    .init(
                        place: place, time: file.event.time,
                        reason: "indekset mangler hændelsen \(name), selv om det siger, det er fuldstændigt (afkortet)")
                )
            }
        }
    }
}

/// The check of a copy of a store's audit log, for an auditor (`unge log --kontroller --lager MAPPE`).
public enum AuditVerifier {
    /// Verifies the `log/` folder under `root` (a store folder or a copy of one).
    public static func verify(root: String) throws -> AuditChain.Verification {
        try FileStore(root: URL(fileURLWithPath: root)).verifyAuditLog()
    }
}
