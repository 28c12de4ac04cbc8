#!/usr/bin/env python3
"""Crash safety: kill `unge` with SIGKILL while it saves, many times, and check that nothing is lost.

Random mode: starts real writes (`notat --json`, `rediger` through a scripted $EDITOR, `underret
--sag --fra-fil`, `ny --json`, `plan --fra-fil --aendring`), records every acknowledged write (case id, revision) from the
command's own output, and kills the process after a random delay. Deterministic mode: for every step
of the save path (open, write, fsync, close, audit, rename, dirfsync) and every seed, the developer
hook `UNGE_TEST_CRASH_AT=<step>` kills the process just before that step.

Then: every case file decodes (`unge vis <id> --json`, `unge liste --json`), every acknowledged
write is present at that revision or later (its unique marker text is in the case), every visible
revision has its audit event, no temp file or working copy is left behind after the next command,
and a killed writer's lock neither stops nor delays the next save (the kernel released it; no lock is
ever broken, so the audit log has no `unlock` event).

    python3 Harness/crash.py                    # full: 10,000 random kills, every step x 100 seeds
    python3 Harness/crash.py --quick            # CI: 200 kills, every step x 3 seeds (debug build)
    python3 Harness/crash.py --kills 500 --seeds 5 --bin .build/release/unge

`plan` acknowledges a plan version, not a revision ("Gemt som version N ... på sag ID."): its write
is checked by its unique change note (`--aendring`) being in the case.
"""

import argparse
import json
import os
import re
import random
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
from common import ACK_REDIGER, ACK_UNDERRET  # noqa: E402

EDITOR = f"python3 {common.REPO / 'Harness' / 'tools' / 'editor.py'}"
UNDERRET_BASE = json.loads((common.REPO / "Fixtures" / "underret" / "eksempel.json").read_text())
for key in [k for k in UNDERRET_BASE if k.startswith("young") and k not in ("youngPersonInformed", "youngPersonComments")]:
    del UNDERRET_BASE[key]
KINDS = [("notat", 40), ("rediger", 15), ("underret", 20), ("ny", 10), ("plan", 15)]
ACK_PLAN = re.compile(r"Gemt som version (\d+) af \S+ på sag (\S+)\.")
PLAN_FIXTURES = common.REPO / "Fixtures" / "plan"
# Cases a plan can be saved on: Frederik (an adult: handleplan) and Sofie (ungeplan, after an examination).
PLAN_CASES = {"2026-0005": "handleplan-voksen.json", "2026-0003": "plan.json"}
# Cases an underretning can be registered on (not the anonymous counselling case).
UNDERRET_CASES = ["2026-0001", "2026-0002", "2026-0003", "2026-0004"]


class Harness:
    def __init__(self, binary, tmp, report):
        self.bin = binary
        self.tmp = tmp
        self.store = common.new_store(tmp)
        self.report = report
        self.cases = [p.stem for p in common.case_files(self.store)]
        self.initial_revision = {}
        for p in common.case_files(self.store):
            self.initial_revision[p.stem] = json.loads(p.read_bytes())["revision"]
        rc, _, err = common.run(binary, ["undersoeg", "2026-0003", "--fra-fil", str(PLAN_FIXTURES / "undersoegelse.json")], self.store)
        report.check(rc == 0, "setup: examination on 2026-0003 for plans", err[-300:])
        self.initial_revision["2026-0003"] += 1
        self.acked = {}  # case id -> highest acknowledged revision
        self.markers = []  # (case id or None, kind, marker) of acknowledged writes
        self.seq = 0
        self.kills = 0
        self.finished_before_kill = 0
        self.acks = 0

    # One write -----------------------------------------------------------------------------
    def op(self, kind, rng):
        self.seq += 1
        marker = f"H{self.seq:06d}x{rng.randrange(16**6):06x}"
        env = {}
        if kind == "notat":
            case = rng.choice(self.cases)
            args = ["notat", case, marker, "--json"]
        elif kind == "rediger":
            case = rng.choice(self.cases)
            args = ["rediger", case]
            env = {"EDITOR": EDITOR, "HARNESS_MARKER": marker}
        elif kind == "underret":
            case = rng.choice(UNDERRET_CASES)
            doc = dict(UNDERRET_BASE, otherInformation=marker)
            f = self.tmp / f"underret-{self.seq}.json"
            f.write_text(json.dumps(doc, ensure_ascii=False))
            args = ["underret", "--sag", case, "--fra-fil", str(f)]
        elif kind == "plan":
            case = rng.choice(sorted(PLAN_CASES))
            args = ["plan", case, "--fra-fil", str(PLAN_FIXTURES / PLAN_CASES[case]), "--aendring", marker]
        else:
            case = None
            args = ["ny", "--navn", marker, "--foedselsdato", "2010-05-05", "--json"]
        return case, marker, args, env

    @staticmethod
    def parse_ack(kind, out, err):
        if kind in ("notat", "ny"):
            for i in range(len(out)):
                if out[i] == "{":
                    doc = common.parse_json(out[i:])
                    if doc and "revision" in doc and "id" in doc:
                        return doc["id"], doc["revision"]
                    break
            return None
        if kind == "plan":
            m = ACK_PLAN.search(err)
            return (m.group(2), None) if m else None
        m = (ACK_REDIGER if kind == "rediger" else ACK_UNDERRET).search(out if kind == "rediger" else err)
        return (m.group(1), int(m.group(2))) if m else None

    def start(self, args, env, crash_at=None):
        extra = dict(env)
        if crash_at:
            extra["UNGE_TEST_CRASH_AT"] = crash_at
        return subprocess.Popen(
            [self.bin] + args,
            env=common.base_env(self.store, extra),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )

    def record(self, kind, marker, rc, out, err, what):
        ack = self.parse_ack(kind, out, err)
        if rc == 0:
            self.report.check(ack is not None, f"{what}: a finished write is acknowledged", (out + err)[-300:])
        elif rc != -signal.SIGKILL:
            self.report.check(False, f"{what}: exit {rc} without being killed", (out + err)[-400:])
        if ack:
            case, rev = ack
            self.acks += 1
            if case not in self.cases:
                self.cases.append(case)
            if rev is not None:
                self.acked[case] = max(self.acked.get(case, 0), rev)
            self.markers.append((case, kind, marker))
        return ack

    def timed_run(self, kind, rng):
        """One write without a kill; returns its duration."""
        case, marker, args, env = self.op(kind, rng)
        t = time.monotonic()
        p = self.start(args, env)
        out, err = p.communicate()
        self.record(kind, marker, p.returncode, out.decode(errors="replace"), err.decode(errors="replace"), f"{kind} (uafbrudt)")
        return time.monotonic() - t

    def random_kill(self, kind, rng, typical):
        case, marker, args, env = self.op(kind, rng)
        delay = rng.uniform(0.05, 1.15) * typical
        p = self.start(args, env)
        time.sleep(delay)
        try:
            os.kill(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = p.communicate()
        if p.returncode == -signal.SIGKILL:
            self.kills += 1
        else:
            self.finished_before_kill += 1
        self.record(kind, marker, p.returncode, out.decode(errors="replace"), err.decode(errors="replace"), f"{kind} efter {delay*1000:.1f} ms")

    # Verification ------------------------------------------------------------------------------
    def verify(self, label, full=True):
        r = self.report
        store = self.store
        # Every case file decodes as JSON with the fields a case has (before any command runs).
        on_disk = {}
        for p in common.case_files(store):
            doc = common.parse_json(p.read_bytes().decode("utf-8", "replace"))
            ok = isinstance(doc, dict) and "schemaVersion" in doc and "revision" in doc
            r.check(ok, f"{label}: {p.name} decodes")
            if ok:
                on_disk[p.stem] = doc
        # unge liste lists them all, with no problem.
        rc, out, err = common.run(self.bin, ["liste", "--json"], store)
        doc = common.parse_json(out)
        listed = {c["id"] for c in doc["cases"]} if doc else set()
        r.check(rc == 0 and doc is not None and not doc.get("problems"), f"{label}: unge liste --json exit 0 without problems", f"rc={rc} {err[-300:]}")
        r.check(listed == set(on_disk), f"{label}: unge liste shows every case file", f"{len(listed)} vs {len(on_disk)}")
        # No temp file survives a command that scans the folder.
        r.check(common.temp_files(store) == [], f"{label}: no temp files after unge liste", str(common.temp_files(store)[:5]))
        work = store / "rediger"
        leftovers = [p for p in work.rglob("*") if p.is_file()] if work.exists() else []
        r.check(not leftovers, f"{label}: no working copies left in rediger/ after unge liste", str(leftovers[:3]))
        # Acknowledged writes: revision at least the acknowledged one; the marker present exactly once.
        for case, rev in self.acked.items():
            d = on_disk.get(case)
            r.check(d is not None and d["revision"] >= rev, f"{label}: {case} at acknowledged revision {rev} or later",
                    f"on disk {d and d['revision']}")
        texts = {c: json.dumps(d, ensure_ascii=False) for c, d in on_disk.items()}
        # A plan version's change note is also told in the journal, so a plan's marker is counted
        # among the plan versions only.
        plan_texts = {c: json.dumps(d.get("actionPlans", []), ensure_ascii=False) for c, d in on_disk.items()}
        for case, kind, marker in self.markers:
            n = (plan_texts if kind == "plan" else texts).get(case, "").count(marker)
            r.check(n == 1 if kind in ("notat", "rediger", "plan") else n >= 1, f"{label}: {kind} {marker} present in {case} once", f"found {n}")
        # Every visible revision made here has its audit event (written before the change was visible).
        events, bad = common.audit_events(store)
        seen = {(e.get("caseID"), e.get("revisionAfter")) for e in events if e.get("action") in ("create", "update")}
        for case, d in on_disk.items():
            if d["revision"] != self.initial_revision.get(case):
                r.check((case, d["revision"]) in seen, f"{label}: audit event for {case} revision {d['revision']}")
        self.bad_events = bad
        r.check(bad == 0, f"{label}: every audit event file decodes", f"{bad} undecodable")
        r.check(not any(e.get("action") == "unlock" for e in events), f"{label}: no lock was ever broken (no unlock event)")
        if full:
            for case in on_disk:
                rc, out, err = common.run(self.bin, ["vis", case, "--json"], store)
                r.check(rc == 0 and common.parse_json(out) is not None, f"{label}: unge vis {case} --json", err[-300:])
                rc, out, err = common.run(self.bin, ["log", case, "--json"], store)
                r.check(rc == 0, f"{label}: unge log {case}", err[-300:])

    def save_everywhere(self, label):
        """A stale lock or a leftover from a crash must not stop the next save of any case, nor make
        it wait: the kernel released the killed writer's lock, nothing is broken (no unlock event)."""
        for case in sorted(self.cases):
            self.seq += 1
            marker = f"N{self.seq:06d}"
            t = time.monotonic()
            rc, out, err = common.run(self.bin, ["notat", case, marker, "--json"], self.store, timeout=60)
            self.report.check(time.monotonic() - t < 4.0, f"{label}: next save of {case} does not wait for a dead writer's lock",
                              f"{time.monotonic() - t:.1f} s")
            if self.report.check(rc == 0, f"{label}: next save of {case} succeeds", err[-300:]):
                ack = self.parse_ack("notat", out, err)
                self.acked[case] = max(self.acked.get(case, 0), ack[1])
                self.markers.append((case, "notat", marker))


def pick_kind(rng):
    return rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]


def random_mode(binary, kills, check_every, report, seed=1):
    tmp = common.tempdir("unge-crash-")
    h = Harness(binary, tmp, report)
    rng = random.Random(seed)
    typical = {}
    for kind, _ in KINDS:
        typical[kind] = statistics.median(h.timed_run(kind, rng) for _ in range(5))
    report.figure("typical durations (ms): " + ", ".join(f"{k} {v*1000:.1f}" for k, v in typical.items()))
    start = time.monotonic()
    attempts = 0
    while h.kills < kills:
        kind = pick_kind(rng)
        h.random_kill(kind, rng, typical[kind])
        attempts += 1
        if h.kills and h.kills % check_every == 0 and attempts > 0:
            h.verify(f"after {h.kills} kills", full=False)
    h.verify("random end")
    h.save_everywhere("random end")
    h.verify("random after next saves")
    report.figure(
        f"random: {h.kills} SIGKILLs ({h.finished_before_kill} runs finished first), {h.acks} acknowledged writes, "
        f"{len(h.cases)} cases, {len(list(common.case_files(h.store)))} files; undecodable audit event files: {h.bad_events}; "
        f"{time.monotonic()-start:.0f} s")
    return tmp


def step_mode(binary, seeds, report):
    tmp = common.tempdir("unge-crashstep-")
    h = Harness(binary, tmp, report)
    runs = 0
    for step in common.STEPS:
        for seed in range(seeds):
            rng = random.Random(f"{step}-{seed}")
            kind = pick_kind(rng)
            case, marker, args, env = h.op(kind, rng)
            before = (h.store / "sager" / f"{case}.json").read_bytes() if case else None
            n_before = len(common.case_files(h.store))
            p = h.start(args, env, crash_at=step)
            out, err = p.communicate()
            out, err = out.decode(errors="replace"), err.decode(errors="replace")
            runs += 1
            label = f"{kind} killed before {step} (seed {seed})"
            report.check(p.returncode == -signal.SIGKILL, f"{label}: killed", f"rc={p.returncode} {err[-200:]}")
            report.check(h.parse_ack(kind, out, err) is None, f"{label}: nothing acknowledged")
            if case:
                after = (h.store / "sager" / f"{case}.json").read_bytes()
                if step == "dirfsync":
                    old, new = json.loads(before), json.loads(after)
                    report.check(new["revision"] == old["revision"] + 1 and marker in after.decode(),
                                 f"{label}: renamed version visible")
                else:
                    report.check(after == before, f"{label}: case file byte-for-byte unchanged")
            else:
                n_after = len(common.case_files(h.store))
                report.check(n_after == n_before + (1 if step == "dirfsync" else 0), f"{label}: case count", f"{n_before} -> {n_after}")
                if step == "dirfsync":
                    newest = max(common.case_files(h.store), key=lambda p: p.stem)
                    if newest.stem not in h.cases:
                        h.cases.append(newest.stem)
            if case:
                # The very next save of the same case must work (stale lock, temp file).
                h.seq += 1
                m2 = f"S{h.seq:06d}"
                rc, o2, e2 = common.run(binary, ["notat", case, m2, "--json"], h.store)
                if report.check(rc == 0, f"{label}: next save succeeds", e2[-300:]):
                    h.acked[case] = max(h.acked.get(case, 0), h.parse_ack("notat", o2, e2)[1])
                    h.markers.append((case, "notat", m2))
        h.verify(f"after step {step}", full=(step == common.STEPS[-1]))
    report.figure(f"deterministic: {runs} kills ({len(common.STEPS)} steps x {seeds} seeds)")
    return tmp


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="CI size (200 kills, 3 seeds) on the debug build")
    ap.add_argument("--kills", type=int)
    ap.add_argument("--seeds", type=int)
    ap.add_argument("--check-every", type=int)
    ap.add_argument("--bin", help="the unge binary (default: build it)")
    ap.add_argument("--keep", action="store_true", help="keep the temp stores")
    args = ap.parse_args()
    kills = args.kills if args.kills is not None else (200 if args.quick else 10_000)
    seeds = args.seeds if args.seeds is not None else (3 if args.quick else 100)
    check_every = args.check_every or (100 if args.quick else 1000)
    binary = common.binary_from_args(args)
    report = common.Report("crash")
    dirs = []
    if kills:
        dirs.append(random_mode(binary, kills, check_every, report))
    if seeds:
        dirs.append(step_mode(binary, seeds, report))
    if not args.keep:
        import shutil
        for d in dirs:
            shutil.rmtree(d, ignore_errors=True)
    common.main_exit(report.finish())


if __name__ == "__main__":
    main()
