import Foundation

/// A piece of text in a comparison of two versions: kept, removed or added.
public struct TextSegment: Sendable, Equatable {
    public enum Mark: String, Sendable, Equatable {
        case same
        case removed
        case added
    }

    public var text: String
    public var mark: Mark

    public init(_ text: String, _ mark: Mark = .same) {
        self.text = text
        self.mark = mark
    }
}

/// Word by word, what changed between two texts, so a reader sees only the changed words marked
/// (`unge plan --diff`): the longest common run of words is kept, the rest is removed or added.
public enum WordDiff {
    /// Above this many words on either side, the texts are shown whole (removed, then added).
    public static let maxWords = 2000

    /// The segments from `before` to `after`; neighbouring segments of one mark are joined, and a
    /// removal comes before the addition that replaces it.
    public static func segments(from before: String, to after: String) -> [TextSegment] {
        let a = words(before)
        let b = words(after)
        guard a.count <= maxWords, b.count <= maxWords else {
            return joined([TextSegment(before, .removed), TextSegment(" ", .same), TextSegment(after, .added)])
        }
        // Longest common subsequence of words (compared without their trailing spaces).
        let n = a.count
        let m = b.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i][j] =
                        a[i].word == b[j].word ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
        }
        var out: [TextSegment] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, a[i].word == b[j].word {
                out.append(TextSegment(b[j].word + b[j].space, .same))
                i += 1
                j += 1
            } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
                out.append(TextSegment(a[i].word + a[i].space, .removed))
                i += 1
            } else {
                out.append(TextSegment(b[j].word + b[j].space, .added))
                j += 1
            }
        }
        return joined(out)
    }

    /// Words (runs of non-space characters, so a date such as "30.11.2026" is one word) with the
    /// punctuation at their ends split off as words of their own, so "klasse;" and "klasse" share the
    /// word; each with the spaces after it.
    static func words(_ text: String) -> [(word: String, space: String)] {
        var out: [(String, String)] = []
        let edge: Set<Character> = [";", ",", ".", ":", "!", "?", "(", ")", "\"", "'"]
        var rest = Substring(text)
        while !rest.isEmpty {
            let chunk = rest.prefix { !$0.isWhitespace }
            rest = rest.dropFirst(chunk.count)
            let space = String(rest.prefix { $0.isWhitespace })
            rest = rest.dropFirst(space.count)
            var core = chunk
            var lead: [String] = []
            var trail: [String] = []
            while let f = core.first, edge.contains(f), core.count > 1 {
                lead.append(String(f))
                core = core.dropFirst()
            }
            while let l = core.last, edge.contains(l), core.count > 1 {
                trail.insert(String(l), at: 0)
                core = core.dropLast()
            }
            let parts = lead + (core.isEmpty ? [] : [String(core)]) + trail
            for (k, p) in parts.enumerated() { out.append((p, k == parts.count - 1 ? space : "")) }
            if parts.isEmpty, !space.isEmpty { out.append(("", space)) }
        }
        return out
    }

    /// Neighbours of one mark joined; the spaces at the end of a changed run are moved outside it,
    /// so a marker never encloses a trailing space.
    static func joined(_ segments: [TextSegment]) -> [TextSegment] {
        var out: [TextSegment] = []
        for s in segments where !s.text.isEmpty {
            if let last = out.last, last.mark == s.mark {
                out[out.count - 1].text += s.text
            } else {
                out.append(s)
            }
        }
        // Within a run of removed and added segments, removals first.
        var k = 0
        while k + 1 < out.count {
            if out[k].mark == .added, out[k + 1].mark == .removed {
                out.swapAt(k, k + 1)
                if k > 0 { k -= 1 }
            } else {
                k += 1
            }
        }
        var result: [TextSegment] = []
        for s in out {
            guard s.mark != .same else {
                if let last = result.last, last.mark == .same {
                    result[result.count - 1].text += s.text
                } else {
                    result.append(s)
                }
                continue
            }
            let trimmed = String(s.text.reversed().drop(while: \.isWhitespace).reversed())
            let tail = String(s.text.dropFirst(trimmed.count))
            if !trimmed.isEmpty {
                if let last = result.last, last.mark == s.mark {
                    result[result.count - 1].text += trimmed
                } else {
                    result.append(TextSegment(trimmed, s.mark))
                }
            }
            if !tail.isEmpty {
                if let last = result.last, last.mark == .same {
                    result[result.count - 1].text += tail
                } else {
                    result.append(TextSegment(tail, .same))
                }
            }
        }
        return result
    }
}
