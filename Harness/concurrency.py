#!/usr/bin/env python3
"""Concurrent edits: lost updates, conflicts and hangs.

Counter: P worker threads each start `unge _taeller <id>` (a developer-only command: load, add one
to `counter`, save with the revision it read) until it has N acknowledged increments, retrying on
conflict. Then: final counter == acknowledged saves == final revision - initial revision; every
refusal exits 3 with the Danish conflict (or lock) message; no process runs longer than its timeout.

Notes: 4 workers append notes (`unge notat --json`) to 4 different cases at once, while also
touching one shared case: every acknowledged note is present exactly once.

Shared notes: 2 workers append notes to the same case at once, never retrying: a note does not
depend on the rest of the case, so `notat` re-applies it on a lost race and no call may fail.

    python3 Harness/concurrency.py                 # full: 8 x 1,250 increments, 4 x 250 notes
    python3 Harness/concurrency.py --quick         # CI: 4 x 50, 4 x 25 (debug build)
"""

import argparse
import json
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

CONFLICT = "er ændret af en anden, siden du hentede den"
LOCKED = "er låst af"
TIMEOUT = 60


def counter_run(binary, store, workers, per_worker, report):
    case = "2026-0001"
    initial = json.loads((store / "sager" / f"{case}.json").read_bytes())
    lock = threading.Lock()
    stats = {"acked": 0, "conflicts": 0, "locked": 0, "other": 0, "hangs": 0, "revisions": [], "max_s": 0.0}
    bad_messages = []

    def worker():
        done = 0
        while done < per_worker:
            t = time.monotonic()
            try:
                rc, out, err = common.run(binary, ["_taeller", case], store, timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                with lock:
                    stats["hangs"] += 1
                continue
            dt = time.monotonic() - t
            with lock:
                stats["max_s"] = max(stats["max_s"], dt)
                if rc == 0:
                    doc = common.parse_json(out)
                    if doc is None:
                        stats["other"] += 1
                        bad_messages.append(f"rc 0 without JSON: {out[:200]}")
                        continue
                    stats["acked"] += 1
                    stats["revisions"].append(doc["revision"])
                    done += 1
                elif rc == 3 and CONFLICT in err and "Hent den igen og prøv igen" in err:
                    stats["conflicts"] += 1
                elif rc == 3 and LOCKED in err:
                    stats["locked"] += 1
                else:
                    stats["other"] += 1
                    bad_messages.append(f"rc {rc}: {err[-300:]}")

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - t0
    final = json.loads((store / "sager" / f"{case}.json").read_bytes())
    total = workers * per_worker
    report.check(stats["acked"] == total, "every worker got its acknowledged increments", f"{stats['acked']} of {total}")
    report.check(final["counter"] - initial["counter"] == stats["acked"], "final counter == acknowledged saves",
                 f"counter {final['counter']} vs {stats['acked']}")
    report.check(final["revision"] - initial["revision"] == stats["acked"], "revisions gained == acknowledged saves",
                 f"revision {initial['revision']} -> {final['revision']}, acked {stats['acked']}")
    report.check(len(set(stats["revisions"])) == len(stats["revisions"]), "no revision acknowledged twice")
    report.check(stats["other"] == 0, "every refusal is exit 3 with the Danish conflict or lock message",
                 "; ".join(bad_messages[:3]))
    report.check(stats["hangs"] == 0, f"no process ran longer than {TIMEOUT} s", str(stats["hangs"]))
    report.figure(
        f"counter: {workers} processes x {per_worker} increments: {stats['acked']} acknowledged, counter +"
        f"{final['counter'] - initial['counter']}, revision +{final['revision'] - initial['revision']}, "
        f"{stats['conflicts']} conflicts (exit 3), {stats['locked']} lock waits timed out, {stats['other']} other failures, "
        f"{stats['hangs']} hangs; slowest run {stats['max_s']*1000:.0f} ms; {elapsed:.0f} s")


def notes_run(binary, store, workers, per_worker, report):
    cases = ["2026-0002", "2026-0003", "2026-0004", "2026-0005", "2026-0006"][:workers]
    shared = "2026-0007"
    acked = []  # (case, marker)
    lock = threading.Lock()
    failures = []

    def worker(i):
        for n in range(per_worker):
            # Mostly its own case; every fourth note to the shared case (retrying conflicts).
            case = shared if n % 4 == 3 else cases[i]
            marker = f"W{i}N{n:05d}"
            while True:
                try:
                    rc, out, err = common.run(binary, ["notat", case, marker, "--json"], store, timeout=TIMEOUT)
                except subprocess.TimeoutExpired:
                    with lock:
                        failures.append(f"{case} hang")
                    break
                if rc == 0:
                    with lock:
                        acked.append((case, marker))
                    break
                if rc == 3 and (CONFLICT in err or LOCKED in err):
                    continue
                with lock:
                    failures.append(f"{case} rc {rc}: {err[-200:]}")
                break

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    report.check(not failures, "every note saved (conflicts retried)", "; ".join(failures[:3]))
    texts = {}
    for c in set(cases + [shared]):
        doc = json.loads((store / "sager" / f"{c}.json").read_bytes())
        texts[c] = [e["text"] for e in doc["journal"]]
    missing = [m for c, m in acked if texts[c].count(m) != 1]
    report.check(not missing, "every acknowledged note present exactly once", str(missing[:5]))
    report.figure(f"notes: {workers} processes x {per_worker} notes on {len(cases)} own cases + 1 shared: "
                  f"{len(acked)} acknowledged, {len(missing)} missing or duplicated; {time.monotonic()-t0:.0f} s")


def shared_notes_run(binary, store, workers, per_worker, report):
    case = "2026-0008"
    lock = threading.Lock()
    stats = {"acked": 0, "failed": 0}
    failures = []
    markers = []

    def worker(i):
        for n in range(per_worker):
            marker = f"S{i}N{n:05d}"
            try:
                rc, out, err = common.run(binary, ["notat", case, marker, "--json"], store, timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                rc, err = -1, "hang"
            with lock:
                if rc == 0:
                    stats["acked"] += 1
                    markers.append(marker)
                else:
                    stats["failed"] += 1
                    failures.append(f"rc {rc}: {err[-200:]}")

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    report.check(not failures, "two writers on one case: no notat fails (a note is re-applied on a lost race)",
                 "; ".join(failures[:3]))
    doc = json.loads((store / "sager" / f"{case}.json").read_bytes())
    texts = [e["text"] for e in doc["journal"]]
    missing = [m for m in markers if texts.count(m) != 1]
    report.check(not missing, "two writers on one case: every acknowledged note present exactly once", str(missing[:5]))
    report.figure(f"shared notes: {workers} processes x {per_worker} notes on one case without retrying: "
                  f"{stats['acked']} acknowledged, {stats['failed']} failed; {time.monotonic()-t0:.0f} s")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--workers", type=int)
    ap.add_argument("--increments", type=int)
    ap.add_argument("--notes", type=int)
    ap.add_argument("--bin")
    args = ap.parse_args()
    workers = args.workers or (4 if args.quick else 8)
    increments = args.increments or (50 if args.quick else 1250)
    notes = args.notes or (25 if args.quick else 250)
    binary = common.binary_from_args(args)
    report = common.Report("concurrency")
    tmp = common.tempdir("unge-conc-")
    store = common.new_store(tmp)
    counter_run(binary, store, workers, increments, report)
    notes_run(binary, store, 4, notes, report)
    shared_notes_run(binary, store, 2, notes * 2, report)
    rc, out, err = common.run(binary, ["liste", "--json"], store)
    report.check(rc == 0, "unge liste afterwards", err[-200:])
    shutil.rmtree(tmp, ignore_errors=True)
    common.main_exit(report.finish())


if __name__ == "__main__":
    main()
