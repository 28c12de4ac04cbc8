#!/usr/bin/env python3
"""The audit trail answers the person it is about, and its derived index never lies.

1. Listings: `liste`, `liste --soeg`, `liste --status` and `frister` are run; every case a listing
   printed gains exactly that listing in `unge log <sag>`, and no case it did not print does.
2. The index against the files: over a log of generated events (`Benchmarks/make_audit.py`: reads,
   notes, listings of everything, searches, deadline overviews), `unge log <sag> --json` for every
   case equals what the event files themselves say (the case's own events and every listing whose
   `shown` holds it), first with no index, then from the index, then after new events.
3. Crashes: `unge log` is killed (SIGKILL) at random moments while it builds the index; afterwards
   every answer is still exactly the files' answer, and no temp file is taken for an index.

    python3 Harness/audit_index.py            # 20,000 events, 30 kills
    python3 Harness/audit_index.py --quick    # 3,000 events, 8 kills (CI)
"""

import argparse
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

CASES = [f"2026-{i:04d}" for i in range(1, 8)]  # the fixture store's cases


def numbered(s):
    m = re.fullmatch(r"(.*-)(\d+)", s)
    return (m.group(1), int(m.group(2)), len(m.group(2))) if m else None


def shows(shown, cid):
    t = numbered(cid)
    for entry in shown or []:
        if entry == cid:
            return True
        if ".." in entry and t:
            lo, hi = (numbered(x) for x in entry.split("..", 1))
            if lo and hi and lo[0] == hi[0] == t[0] and lo[2] == hi[2] == t[2] and lo[1] <= t[1] <= hi[1]:
                return True
    return False


def expected(store, cid):
    """What the event files say about `cid`: (time, command, action, criterion), sorted."""
    events, _ = common.audit_events(store)
    out = [e for e in events if e.get("caseID") == cid or shows(e.get("shown"), cid)]
    return sorted((e["time"], e.get("command", ""), e["action"], e.get("criterion") or "") for e in out)


def answered(binary, store, cid):
    rc, out, err = common.run(binary, ["log", cid, "--json"], store)
    if rc != 0:
        return None, f"exit {rc}: {err[-200:]}"
    doc = json.loads(out)
    return sorted((e["time"], e.get("command", ""), e["action"], e.get("criterion") or "") for e in doc["events"]), ""


def compare_all(binary, store, report, label):
    for cid in CASES:
        got, err = answered(binary, store, cid)
        want = expected(store, cid)
        report.check(got == want, f"{label}: log {cid} equals the event files", err or f"{len(got or [])} vs {len(want)} events")


def listings(binary, store, report):
    def count(cid):
        rc, out, _ = common.run(binary, ["log", cid, "--json"], store)
        return sum(1 for e in json.loads(out)["events"] if e["action"] == "search") if rc == 0 else -1

    for args in (["liste"], ["liste", "--soeg", "Malik"], ["liste", "--soeg", "2026-000"], ["liste", "--status", "rådgivning"], ["frister"],
                 ["liste", "--kun-aabne"]):
        before = {cid: count(cid) for cid in CASES}
        rc, out, err = common.run(binary, args, store)
        printed = set(re.findall(r"^(2026-\d{4})\b", out, re.M))
        report.check(rc == 0, f"{' '.join(args)}: exit 0", err[-200:])
        after = {cid: count(cid) for cid in CASES}
        for cid in CASES:
            want = before[cid] + (1 if cid in printed else 0)
            report.check(after[cid] == want, f"{' '.join(args)}: log {cid} {'gains' if cid in printed else 'does not gain'} the listing",
                         f"{before[cid]} -> {after[cid]}")


def crashes(binary, store, report, kills, rng):
    index = Path(store) / "log" / ".indeks"
    killed = 0
    for _ in range(kills):
        if index.exists():
            for f in index.iterdir():
                f.unlink()
        p = subprocess.Popen([binary, "log", rng.choice(CASES)], env=common.base_env(store), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.0, 0.4))
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            killed += 1
        p.wait()
        # Whatever was left: every index file present is complete (header and whole lines).
        for f in index.iterdir() if index.exists() else []:
            if f.name.startswith("."):
                continue
            data = f.read_bytes()
            report.check(data.startswith(b"unge-logindeks\t2\t") and data.endswith(b"\n"), f"after a kill: {f.name} is whole")
    report.figure(f"{killed} of {kills} runs of unge log killed while building the index")
    compare_all(binary, store, report, "after the kills")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--bin")
    args = ap.parse_args()
    binary = common.binary_from_args(args)
    report = common.Report("audit")
    rng = random.Random(11)
    tmp = common.tempdir("unge-audit-")
    store = common.new_store(tmp)
    listings(binary, store, report)
    n = 3000 if args.quick else 20000
    subprocess.run([sys.executable, str(common.REPO / "Benchmarks" / "make_audit.py"), str(store), str(n), str(len(CASES))], check=True)
    compare_all(binary, store, report, "no index")
    compare_all(binary, store, report, "from the index")
    for cid in CASES[:3]:
        common.run(binary, ["vis", cid], store)
    common.run(binary, ["liste", "--soeg", "Sofie"], store)
    compare_all(binary, store, report, "after new events")
    crashes(binary, store, report, 8 if args.quick else 30, rng)
    common.main_exit(report.finish())


if __name__ == "__main__":
    main()
