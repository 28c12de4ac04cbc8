import Dispatch
import Foundation
import UngeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The derived statistics index `statistik.tsv`: per case its `StatisticsFacts` (no CPR number, no
/// name of the young person, no case text) with the case file's (inode, size, mtime), so
/// `unge statistik` reads one file instead of decoding thousands. Like `indeks.tsv` it is never the
/// source of truth: a missing, damaged or foreign-version index is rebuilt from the case files, and
/// only changed files are decoded again.
///
/// Format: the header line `unge-statistik\t3`, then one line per case: id, inode, size, mtime, and
/// the facts as `StatisticsRecords` fields.
extension FileStore {
    static let statisticsHeader = Array("unge-statistik\t3\n".utf8)
    var statisticsIndexPath: String { root.path + "/statistik.tsv" }

    /// Every case's statistics facts, sorted by id, and the files that could not be read.
    public func statisticsFacts() throws -> (facts: [StatisticsFacts], problems: [StoreProblem]) {
        var st = stat()
        if lstat(statisticsIndexPath, &st) == 0, st.st_mode & S_IFMT != S_IFREG {
            throw StoreError.foreignEntry(file: "statistik.tsv", found: FileStore.kind(st))
        }
        // The index is read on another thread while this one reads the folder (as `listSummaries`).
        nonisolated(unsafe) var indexed: [(id: String, key: FileKey, json: ArraySlice<UInt8>)] = []
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) { indexed = self.readStatisticsIndex() }
        let scanned = Result { try scanCaseFolder() }
        reading.wait()
        let scan = try scanned.get()
        var problems = scan.problems
        var onDisk: [String: FileKey] = [:]
        onDisk.reserveCapacity(scan.files.count)
        for f in scan.files { onDisk[f.id.rawValue] = f.key }
        var lines: [(id: String, key: FileKey, json: ArraySlice<UInt8>)] = []
        lines.reserveCapacity(indexed.count)
        var changed = false
        // By index: an entry is read in place, never copied whole.
        for i in indexed.indices {
            guard let key = onDisk[indexed[i].id] else {
                changed = true
                continue
            }
            if key == indexed[i].key {
                onDisk.removeValue(forKey: indexed[i].id)
                lines.append(indexed[i])
            }
        }
        indexed = []
        // Decode the kept lines and load the stale files, on all cores.
        let kept = FileStore.decodeFacts(lines.map(\.json))
        var result: [(key: FileKey, facts: StatisticsFacts)] = []
        result.reserveCapacity(scan.files.count)
        var stale: [ScannedFile] = []
        for i in lines.indices {
            if let facts = kept[i] {
                result.append((lines[i].key, facts))
            } else if let id = CaseID(lines[i].id) {
                stale.append(ScannedFile(id: id, key: lines[i].key))
            }
        }
        for f in scan.files where onDisk[f.id.rawValue] != nil { stale.append(f) }
        let loaded = loadFacts(stale)
        for (file, outcome) in zip(stale, loaded) {
            switch outcome {
            case .success(let facts):
                result.append((file.key, facts))
                changed = true
            case .failure(let e):
                if case .notFound = e { continue }
                problems.append(StoreProblem(file: FileStore.fileName(of: file.id), error: e))
            }
        }
        result.sort { $0.facts.id.rawValue < $1.facts.id.rawValue }
        if changed { writeStatisticsIndex(result) }
        problems.sort { $0.file < $1.file }
        return (result.map(\.facts), problems)
    }

    /// The index lines (id, key, record bytes); a missing or foreign index reads as empty, a malformed
    /// line is skipped (its case is read again).
    func readStatisticsIndex() -> [(id: String, key: FileKey, json: ArraySlice<UInt8>)] {
        guard let bytes = try? Posix.readFile(statisticsIndexPath, limit: 512 << 20),
            bytes.starts(with: FileStore.statisticsHeader)
        else { return [] }
        var out: [(id: String, key: FileKey, json: ArraySlice<UInt8>)] = []
        var lineStart = FileStore.statisticsHeader.count
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 10) ?? bytes.count
            var tabs: [Int] = []
            var i = lineStart
            while i < lineEnd, tabs.count < 4 {
                if bytes[i] == 9 { tabs.append(i) }
                i += 1
            }
            if tabs.count == 4,
                let inode = UInt64(String(decoding: bytes[(tabs[0] + 1)..<tabs[1]], as: UTF8.self)),
                let size = Int64(String(decoding: bytes[(tabs[1] + 1)..<tabs[2]], as: UTF8.self)),
                let mtime = Int64(String(decoding: bytes[(tabs[2] + 1)..<tabs[3]], as: UTF8.self))
            {
                out.append(
                    (
                        String(decoding: bytes[lineStart..<tabs[0]], as: UTF8.self),
                        FileKey(inode: inode, size: size, mtime: mtime), bytes[(tabs[3] + 1)..<lineEnd]
                    ))
            }
            lineStart = lineEnd + 1
        }
        return out
    }

    func writeStatisticsIndex(_ entries: [(key: FileKey, facts: StatisticsFacts)]) {
        var out = FileStore.statisticsHeader
        out.reserveCapacity(entries.count * 400)
        for (key, facts) in entries {
            out += facts.id.rawValue.utf8
            out.append(9)
            out += "\(key.inode)\t\(key.size)\t\(key.mtime)\t".utf8
            StatisticsRecords.encode(facts, into: &out)
            out.append(10)
        }
        // Derived data: a failed write only means the next run decodes the files again.
        try? replaceFile(statisticsIndexPath, display: "statistik.tsv", bytes: out, sync: false)
    }

    /// Decodes JSON lines, split across threads; nil where a line does not decode.
    static func decodeFacts(_ lines: [ArraySlice<UInt8>]) -> [StatisticsFacts?] {
        Parallel.map(lines.count, chunks: lines.count >= 256 ? min(32, lines.count / 128) : 1) {
            StatisticsRecords.decode(lines[$0])
        }
    }

    /// Reads each case file into its facts, split across threads.
    private func loadFacts(_ files: [ScannedFile]) -> [Result<StatisticsFacts, StoreError>] {
        let chunks = files.count >= 64 ? max(1, min(4, ProcessInfo.processInfo.activeProcessorCount)) : 1
        return Parallel.map(files.count, chunks: chunks) { i -> Result<StatisticsFacts, StoreError> in
            do {
                return .success(StatisticsFacts(try load(files[i].id)))
            } catch let e as StoreError {
                return .failure(e)
            } catch {
                return .failure(.corrupt(file: FileStore.fileName(of: files[i].id), reason: "\(error)"))
            }
        }
    }
}
