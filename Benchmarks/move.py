#!/usr/bin/env python3
"""`unge lager flyt` at size: a file store of N cases (default 10,000) with a team's two years of
audit events moved into a throw-away PostgreSQL cluster and back; kept out of CI (it takes minutes).

1. make_store.py writes the cases (caseworker "Lene Dahl"), make_audit.py the audit events.
2. Before: `unge liste --json` and `unge log <id>` for 20 sample cases on the file store.
3. `unge lager flyt --fra MAPPE --til URI --brugere KORT` (timed), then the same outputs from the
   database as the role the cases went to: they must be identical.
4. The same move again (a restart): nothing copied twice (timed).
5. `unge lager flyt --fra URI --til NY_MAPPE` (timed), and the outputs from the new folder.

    python3 Benchmarks/move.py --bin .build-pg/release/unge            # 10,000 cases, 20,000 events
    python3 Benchmarks/move.py --bin .build-pg/debug/unge --cases 500 --events 2000
"""

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from team import REPO, Cluster, sh  # noqa: E402

# The log's own read of today is left out: events up to the day before the pinned "now".
NOW = "2026-12-07T09:00:00Z"
UNTIL = "2026-12-06"


def run(binary, args, user="bench_sb", check=True):
    env = dict(os.environ, UNGE_NU=NOW, UNGE_BRUGER=user, COLUMNS="100")
    r = subprocess.run([binary] + args, capture_output=True, text=True, env=env)
    if check and r.returncode != 0:
        raise SystemExit(f"unge {' '.join(args[:3])}: exit {r.returncode}: {r.stderr[-2000:]}")
    return r


def outputs(binary, store, sample):
    out = [run(binary, ["liste", "--json", "--lager", store]).stdout]
    for cid in sample:
        out.append(run(binary, ["log", cid, "--til", UNTIL, "--lager", store]).stdout)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=str(REPO / ".build-pg/release/unge"))
    ap.add_argument("--cases", type=int, default=10_000)
    ap.add_argument("--events", type=int, default=20_000)
    ap.add_argument("--port", type=int, default=5445, help="the throw-away cluster's port (default 5445)")
    args = ap.parse_args()
    # A SIGTERM (timeout, kill) still stops the cluster and removes the temp folders.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    work = Path(tempfile.mkdtemp(prefix="unge-bench-move-"))
    try:
        c = Cluster(args.port)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    try:
        store = work / "lager"
        sh([sys.executable, str(REPO / "Benchmarks/make_store.py"), str(store), str(args.cases)])
        sh([sys.executable, str(REPO / "Benchmarks/make_audit.py"), str(store), str(args.events), str(args.cases)])
        sh(["createdb", "-h", str(c.sock), "-p", str(c.port), "-U", "postgres", "unge"])
        run(args.bin, ["lager", "init", c.uri("postgres")])
        c.psql("CREATE ROLE bench_adm LOGIN IN ROLE unge_admin; CREATE ROLE bench_sb LOGIN IN ROLE unge_sagsbehandler;")
        users = work / "brugere.txt"
        users.write_text("Lene Dahl;bench_sb;Nord\n*;bench_sb;Nord\n")
        rnd = random.Random(7)
        ids = [f"2026-{i:05d}" if i > 9999 else f"2026-{i:04d}" for i in range(1, args.cases + 1)]
        sample = sorted(rnd.sample(ids, min(20, len(ids))))

        before = outputs(args.bin, str(store), sample)
        t = time.monotonic()
        r = run(args.bin, ["lager", "flyt", "--fra", str(store), "--til", c.uri("bench_adm"), "--brugere", str(users)])
        into = time.monotonic() - t
        print(r.stdout.strip())
        after = outputs(args.bin, c.uri("bench_sb"), sample)
        same_in = before == after

        t = time.monotonic()
        r = run(args.bin, ["lager", "flyt", "--fra", str(store), "--til", c.uri("bench_adm"), "--brugere", str(users)])
        again = time.monotonic() - t
        restart_ok = f"(0 flyttet nu, {args.cases} var der i forvejen)" in r.stdout

        back = work / "tilbage"
        t = time.monotonic()
        r = run(args.bin, ["lager", "flyt", "--fra", c.uri("bench_adm"), "--til", str(back)])
        out = time.monotonic() - t
        print(r.stdout.strip())
        same_back = outputs(args.bin, str(back), sample) == before

        print(f"{args.cases} cases, {args.events} audit events:")
        print(f"  into PostgreSQL: {into:.1f} s; liste --json and log of {len(sample)} cases identical: {same_in}")
        print(f"  the same move again (restart): {again:.1f} s; nothing copied twice: {restart_ok}")
        print(f"  back to a folder: {out:.1f} s; liste --json and log identical: {same_back}")
        if not (same_in and restart_ok and same_back):
            for a, b in zip(before, after):
                if a != b:
                    print("  first difference:\n" + a[:600] + "\n---\n" + b[:600])
                    break
            sys.exit(1)
    finally:
        c.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
