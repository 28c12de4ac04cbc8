import Foundation
import UngeCore

/// The hash chains of the audit log (issue 22, point 5): the rules every backend shares.
///
/// Each case has its own chain, and events over all cases (listings, searches, anchors) have the
/// chain `alle`, so writers to different cases never wait for one another. Every event carries its
/// number in its chain (`seq`, from 1), the digest of the event before it (`prev`) and its own
/// `digest`: SHA-256 of `headerBytes`, which hold the chained fields and `payloadHash`, never the
/// personal data itself. The personal payload (user, account, command, criterion, shown cases)
/// is committed to by `payloadHash` = SHA-256(salt ‖ `payloadBytes`) with 16 random bytes of salt.
/// A lawful erasure removes the payload and the salt and keeps `payloadHash` and `digest`: the chain
/// still verifies, and without the salt the erased data cannot be guessed back from the hash.
///
/// Anchor events (action `anchor`, chain `alle`) record the heads of the chains changed since the
/// previous anchor (`<chain> <seq> <digest>`), so cutting off the end of a case's chain is seen.
/// A tombstone (a `delete` event with `erasedThrough`) covers the erased events of its chain.
public enum AuditChain {
    /// The chain of events over all cases.
    public static let allChain = "alle"
    /// `prev` of the first event of a chain.
    public static let zeroDigest = String(repeating: "0", count: 64)

    /// The chain an event belongs to.
    public static func chain(of event: AuditEvent) -> String { event.caseID?.rawValue ?? allChain }

    /// The personal payload as bytes: the fields a lawful erasure removes.
    public static func payloadBytes(_ e: AuditEvent) -> [UInt8] {
        var out = Array("unge-nyttelast/1\n".utf8)
        field("user", e.user, &out)
        field("account", e.account, &out)
        field("command", e.command, &out)
        field("criterion", e.criterion, &out)
        field("shown", e.shown.map { shownDigest(AuditChain.shownText($0)) }, &out)
        return out
    }

    /// A shown list as stored in the index: ','-joined.
    public static func shownText(_ shown: [String]) -> String { shown.joined(separator: ",") }

    /// The payload holds a shown list by its digest, so a listing's long list is hashed once
    /// however many events share it.
    public static func shownDigest(_ text: String) -> String { SHA256.hex(text) }

    /// The chained fields as bytes (what `digest` is the SHA-256 of).
    public static func headerBytes(_ e: AuditEvent) -> [UInt8] {
        var out = Array("unge-revisionsspor/2\n".utf8)
        field("chain", e.chain, &out)
        field("seq", e.seq.map(String.init), &out)
        field("prev", e.prev, &out)
        field("schemaVersion", String(e.schemaVersion), &out)
        field("time", UngeJSON.formatTimestamp(e.time), &out)
        field("action", e.action.rawValue, &out)
        field("caseID", e.caseID?.rawValue, &out)
        field("revisionBefore", e.revisionBefore.map(String.init), &out)
        field("revisionAfter", e.revisionAfter.map(String.init), &out)
        field("payloadHash", e.payloadHash, &out)
        field("anchors", e.anchors?.joined(separator: ";"), &out)
        field("erasedThrough", e.erasedThrough.map(String.init), &out)
        return out
    }

    /// `name=-` for an absent value, `name=+<utf8 length>:<value>` otherwise, one per line: no
    /// two different events give the same bytes.
    private static func field(_ name: String, _ value: String?, _ out: inout [UInt8]) {
        out += name.utf8
        out.append(UInt8(ascii: "="))
        if let value {
            out.append(UInt8(ascii: "+"))
            out += String(value.utf8.count).utf8
            out.append(UInt8(ascii: ":"))
            out += value.utf8
        } else {
            out.append(UInt8(ascii: "-"))
        }
        out.append(10)
    }

    /// `payloadHash` for a salt (hex) and an event's payload.
    public static func payloadHash(_ e: AuditEvent, salt: String) -> String {
        SHA256.hex(Array(salt.utf8) + payloadBytes(e))
    }

    /// `payloadHash` with the shown list given by its digest (the index's fast path).
    static func payloadHash(_ e: AuditEvent, salt: String, shownDigest: String?) -> String {
        var copy = e
        copy.shown = nil
        var bytes = Array(salt.utf8) + payloadBytes(copy)
        // Replace the absent shown line by the digest line.
        let absent = Array("shown=-\n".utf8)
        bytes.removeLast(absent.count)
        bytes += "shown=".utf8
        if let shownDigest {
            bytes += ("+" + String(shownDigest.utf8.count) + ":" + shownDigest + "\n").utf8
        } else {
            bytes += "-\n".utf8
        }
        return SHA256.hex(bytes)
    }

    /// `digest` of an event as it stands.
    public static func digest(_ e: AuditEvent) -> String { SHA256.hex(headerBytes(e)) }

    /// 16 random bytes as hex.
    public static func newSalt() -> String {
        var g = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        for _ in 0..<2 {
            let v = g.next() as UInt64
            for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (UInt64(i) * 8))) }
        }
        return SHA256.hexString(bytes)
    }

    /// The event sealed as number `seq` of `chain` after `prev`: time to whole seconds (as stored),
    /// a new salt, `payloadHash` and `digest`.
    public static func seal(_ event: AuditEvent, chain: String, seq: Int, prev: String) -> AuditEvent {
        var e = event
        e.time = Date(timeIntervalSince1970: e.time.timeIntervalSince1970.rounded(.down))
        e.chain = chain
        e.seq = seq
        e.prev = prev
        e.erased = nil
        e.notCarriedOut = nil
        let salt = newSalt()
        e.salt = salt
        e.payloadHash = payloadHash(e, salt: salt)
        e.digest = digest(e)
        return e
    }

    /// What is wrong with one event on its own (its payload or its digest), or nil.
    public static func problem(in e: AuditEvent) -> String? {
        problem(in: e, shownDigest: e.shown.map { shownDigest(shownText($0)) })
    }

    /// `problem(in:)` with the shown list given by its digest.
    static func problem(in e: AuditEvent, shownDigest: String?) -> String? {
        guard e.chain != nil else { return nil }
        guard let seq = e.seq, seq >= 1, let prev = e.prev, prev.utf8.count == 64, let hash = e.payloadHash,
            let stored = e.digest
        else { return "hændelsen mangler felter i kæden" }
        if e.erased == true {
            if e.salt != nil || !e.user.isEmpty || e.account != nil || !e.command.isEmpty || e.criterion != nil
                || shownDigest != nil
            {
                return "hændelsen er mærket slettet, men har stadig personoplysninger"
            }
        } else {
            guard let salt = e.salt else { return "hændelsens salt mangler, uden at den er lovligt slettet" }
            if payloadHash(e, salt: salt, shownDigest: shownDigest) != hash {
                return "hændelsens indhold er ændret (bruger, kommando eller søgning)"
            }
        }
        if digest(e) != stored { return "hændelsen er ændret, efter den blev skrevet" }
        return nil
    }

    /// One break in the audit log: where, when (if known) and what.
    public struct Break: Sendable, Equatable, CustomStringConvertible {
        /// The file (relative to the store) or the chain concerned.
        public var place: String
        /// The time of the event concerned, for ordering; nil when unknown.
        public var time: Date?
        /// What is wrong, in Danish.
        public var reason: String

        public init(place: String, time: Date?, reason: String) {
            self.place = place
            self.time = time
            self.reason = reason
        }

        public var description: String { "\(place): \(reason)" }
    }

    /// The result of a full check (`unge log --kontroller`).
    public struct Verification: Sendable {
        /// Events checked in chains.
        public var chainedEvents = 0
        /// Chains checked.
        public var chains = 0
        /// Events written before the chain started (cannot be checked).
        public var unchainedEvents = 0
        /// Events whose personal data was lawfully erased (covered by a tombstone).
        public var erasedEvents = 0
        /// Anchor entries checked.
        public var anchorEntries = 0
        /// Index lines checked against the events.
        public var indexLines = 0
        /// The time of the first chained event, if any.
        public var chainStart: Date?
        /// Every break found, the earliest first.
        public var breaks: [Break] = []

        public init() {}

        public var intact: Bool { breaks.isEmpty }
    }

    /// An event with where it was found, for `verifyChains`.
    public struct Located: Sendable {
        public var place: String
        public var event: AuditEvent
        /// The number the event's name says it has in its chain (file store), or nil.
        public var nameSeq: Int?

        public init(place: String, event: AuditEvent, nameSeq: Int? = nil) {
            self.place = place
            self.event = event
            self.nameSeq = nameSeq
        }
    }

    /// Checks every chain in `events` (one backend's whole log): each event on its own, the
    /// numbering (a deleted, inserted or swapped event), the links, the tombstones covering erased
    /// events, the anchors, and events without a chain written after the chain started.
    /// `heads` are the recorded heads (`chain -> (seq, digest)`) to compare each chain's end with;
    /// `headPlace` names where a chain's head is kept, for the message when it is missing.
    public static func verifyChains(
        _ events: [Located], heads: [String: (seq: Int, digest: String)]?, unchainedAfterStartIsBreak: Bool = true,
        headPlace: (String) -> String = { "log/.kaeder/" + $0 }, into v: inout Verification
    ) {
        var byChain: [String: [Located]] = [:]
        var unchained: [Located] = []
        for l in events {
            if let c = l.event.chain { byChain[c, default: []].append(l) } else { unchained.append(l) }
        }
        v.chainedEvents += events.count - unchained.count
        v.unchainedEvents += unchained.count
        v.chains += byChain.count
        v.chainStart = byChain.values.flatMap { $0.map(\.event.time) }.min()
        if let start = v.chainStart, unchainedAfterStartIsBreak {
            for l in unchained where l.event.time > start {
                v.breaks.append(
                    Break(
                        place: l.place, time: l.event.time,
                        reason: "hændelsen står uden for kæden, men er dateret efter at kæden begyndte (indsat?)"))
            }
        }
        var digestOf: [String: [Int: String]] = [:]
        for (chain, list) in byChain {
            let sorted = list.sorted { ($0.event.seq ?? 0, $0.place) < ($1.event.seq ?? 0, $1.place) }
            var expected = 1
            var prevDigest = zeroDigest
            var tombstoneCover = 0
            var digests: [Int: String] = [:]
            for l in sorted.reversed() where l.event.action == .delete {
                tombstoneCover = max(tombstoneCover, l.event.erasedThrough ?? 0)
            }
            for l in sorted {
                let e = l.event
                if let p = problem(in: e) {
                    v.breaks.append(Break(place: l.place, time: e.time, reason: p))
                }
                if e.chain != AuditChain.chain(of: e) {
                    v.breaks.append(
                        Break(place: l.place, time: e.time, reason: "hændelsen står i en anden sags kæde end sin egen"))
                }
                if let n = l.nameSeq, n != e.seq {
                    v.breaks.append(
                        Break(
                            place: l.place, time: e.time,
                            reason: "filnavnet siger nr. \(n) i kæden, indholdet nr. \(e.seq ?? 0) (byttet om?)"))
                }
                let seq = e.seq ?? 0
                if seq < expected {
                    v.breaks.append(
                        Break(
                            place: l.place, time: e.time,
                            reason: "kæden '\(chain)' har to hændelser nr. \(seq) (en er indsat eller kopieret)"))
                    continue
                }
                if seq > expected {
                    let missing = expected == seq - 1 ? "nr. \(expected)" : "nr. \(expected)-\(seq - 1)"
                    v.breaks.append(
                        Break(
                            place: l.place, time: e.time,
                            reason: "hændelse \(missing) i kæden '\(chain)' mangler (slettet)"))
                    prevDigest = e.prev ?? ""
                } else if e.prev != prevDigest {
                    v.breaks.append(
                        Break(
                            place: l.place, time: e.time,
                            reason:
                                "hændelsen peger ikke på hændelsen før den i kæden '\(chain)' (ændret, indsat eller byttet om)"
                        ))
                }
                if e.erased == true {
                    if seq > tombstoneCover {
                        v.breaks.append(
                            Break(
                                place: l.place, time: e.time,
                                reason: "hændelsens personoplysninger er fjernet uden en sletning, der dækker den"))
                    } else {
                        v.erasedEvents += 1
                    }
                }
                prevDigest = e.digest ?? ""
                digests[seq] = e.digest ?? ""
                expected = seq + 1
            }
            digestOf[chain] = digests
            if let heads {
                let last = sorted.last
                if let head = heads[chain] {
                    if let last, let seq = last.event.seq, seq < head.seq {
                        v.breaks.append(
                            Break(
                                place: "kæden '\(chain)'", time: last.event.time,
                                reason:
                                    "kæden slutter ved nr. \(seq), men dens hoved siger nr. \(head.seq) (de sidste hændelser er slettet)"
                            ))
                    } else if let last, last.event.seq == head.seq, last.event.digest != head.digest {
                        v.breaks.append(
                            Break(
                                place: "kæden '\(chain)'", time: last.event.time,
                                reason: "kædens sidste hændelse passer ikke med kædens hoved"))
                    } else if let last, let seq = last.event.seq, seq > head.seq {
                        v.breaks.append(
                            Break(
                                place: "kæden '\(chain)'", time: last.event.time,
                                reason: "kæden har hændelser efter sit hoved (nr. \(head.seq)): indsat udefra?"))
                    }
                } else {
                    v.breaks.append(
                        Break(
                            place: "kæden '\(chain)'", time: last?.event.time,
                            reason: "kædens hoved (\(headPlace(chain))) mangler"))
                }
            }
        }
        if let heads {
            for (chain, head) in heads where byChain[chain] == nil {
                v.breaks.append(
                    Break(
                        place: "kæden '\(chain)'", time: nil,
                        reason: "kædens hoved siger nr. \(head.seq), men ingen af kædens hændelser findes (slettet)"))
            }
        }
        // Anchors: each recorded head must still be in its chain.
        for l in byChain[allChain] ?? [] where l.event.action == .anchor {
            for entry in l.event.anchors ?? [] {
                let parts = entry.split(separator: " ")
                v.anchorEntries += 1
                guard parts.count == 3, let seq = Int(parts[1]) else {
                    v.breaks.append(Break(place: l.place, time: l.event.time, reason: "et anker kan ikke læses"))
                    continue
                }
                let chain = String(parts[0])
                if digestOf[chain]?[seq] != String(parts[2]) {
                    v.breaks.append(
                        Break(
                            place: l.place, time: l.event.time,
                            reason:
                                "ankeret kræver hændelse nr. \(seq) i kæden '\(chain)', og den findes ikke som skrevet"
                        ))
                }
            }
        }
    }

    /// Sorts breaks: the earliest first, those without a time last.
    public static func ordered(_ breaks: [Break]) -> [Break] {
        breaks.enumerated().sorted { a, b in
            switch (a.element.time, b.element.time) {
            case (let x?, let y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// The events whose change never landed (`notCarriedOut`): of the `create`/`update` events of
    /// one case with the same `revisionAfter`, all but the last; and the last too when the case's
    /// revision now is below it. A deletion (tombstone) starts the count afresh. Events are taken in
    /// the order given (oldest first). `currentRevision` is nil when the case does not exist.
    public static func markNotCarriedOut(_ events: inout [AuditEvent], case id: CaseID, currentRevision: Int?) {
        var lastWith: [Int: Int] = [:]
        for i in events.indices where events[i].caseID == id {
            let e = events[i]
            if e.action == .delete {
                lastWith = [:]
                continue
            }
            guard e.action == .create || e.action == .update, let after = e.revisionAfter else { continue }
            if let earlier = lastWith[after] { events[earlier].notCarriedOut = true }
            lastWith[after] = i
        }
        for (after, index) in lastWith where currentRevision.map({ after > $0 }) ?? true {
            events[index].notCarriedOut = true
        }
    }
}
