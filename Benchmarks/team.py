#!/usr/bin/env python3
"""Team store (PostgreSQL) benchmarks and fault test; kept out of CI (it takes long).

Starts a throw-away cluster in a temp folder (as the postgres user when run as root), creates the
schema with `unge lager init`, 200 caseworkers in 20 teams, and N cases (default 100,000) put in
through the same function `unge` uses (`unge.indlaes`). Then:

1. Reads: median wall time of `unge liste --mine`, `unge vis`, `unge notat` and `unge frister`
   beside `psql` running one equivalent query on the same server (the floor: a process start and
   one round trip); the ratio is the figure to watch (target: within 3x).
2. Writers: W concurrent writers x M notes on 50 shared cases: every acknowledged note present once,
   p50 and p99 per note, notes per second; the file store on the same machine beside it.
3. Faults: the same load while the server is killed with SIGKILL (and restarted) and clients are
   killed at random moments: afterwards every acknowledged note is present, no case is torn (each
   decodes), and every acknowledged note has its audit row.

    python3 Benchmarks/team.py --bin .build-pg/release/unge            # full sizes
    python3 Benchmarks/team.py --bin .build-pg/debug/unge --cases 2000 --writers 4 --notes 25
"""

import argparse
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PGBIN = sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]
NOW = "2026-09-01T08:30:00Z"


def sh(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


class Cluster:
    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="unge-bench-pg-"))
        os.chmod(self.dir, 0o755)
        self.data = self.dir / "data"
        self.sock = self.dir / "sock"
        self.sock.mkdir()
        self.root = os.getuid() == 0
        if self.root:
            shutil.chown(self.sock, "postgres")
            self.data.mkdir()
            shutil.chown(self.data, "postgres")
        self.run([str(PGBIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres"])
        self.start()

    def run(self, args):
        if self.root:
            args = ["runuser", "-u", "postgres", "--"] + args
        r = sh(args)
        if r.returncode != 0:
            raise SystemExit(f"{args[0]}: {r.stderr}")
        return r

    def start(self):
        self.run([str(PGBIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.sock / "server.log"), "-w", "-o",
                  f"-k {self.sock} -c listen_addresses='' -c max_connections=300", "start"])

    def kill9(self):
        pid = int((self.data / "postmaster.pid").read_text().split()[0])
        os.kill(pid, signal.SIGKILL)
        time.sleep(0.5)
        for line in sh(["pgrep", "-f", f"postgres.*{self.data}"]).stdout.split():
            try:
                os.kill(int(line), signal.SIGKILL)
            except ProcessLookupError:
                pass

    def uri(self, user, db="unge"):
        return f"postgresql:///{db}?host={self.sock}&user={user}"

    def psql(self, sql, user="postgres", db="unge"):
        # The SQL on stdin: a batch of case documents is far longer than an argument may be.
        r = sh(["psql", "-h", str(self.sock), "-U", user, "-d", db, "-tAq", "-v", "ON_ERROR_STOP=1", "-f", "-"],
               input=sql)
        if r.returncode != 0:
            raise SystemExit(r.stderr)
        return r.stdout

    def stop(self):
        self.run([str(PGBIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"])
        shutil.rmtree(self.dir, ignore_errors=True)


def unge(binary, args, uri, check=True):
    env = dict(os.environ, UNGE_NU=NOW)
    env.pop("UNGE_BRUGER", None)
    t = time.monotonic()
    r = subprocess.run([binary] + args + ["--lager", uri], capture_output=True, text=True, env=env)
    dt = time.monotonic() - t
    if check and r.returncode != 0:
        raise SystemExit(f"unge {args}: {r.stderr}")
    return r, dt


def median_time(fn, n=7):
    times = []
    for _ in range(n):
        t = time.monotonic()
        fn()
        times.append(time.monotonic() - t)
    return statistics.median(times)


def populate(c, binary, cases):
    sh(["createdb", "-h", str(c.sock), "-U", "postgres", "unge"])
    unge(binary, ["lager", "init", c.uri("postgres")], c.uri("postgres"))
    users = [f"sb{n:03d}" for n in range(200)]
    sql = ["CREATE ROLE bench_adm LOGIN IN ROLE unge_admin;"]
    sql += [f"CREATE ROLE {u} LOGIN IN ROLE unge_sagsbehandler;" for u in users]
    c.psql(" ".join(sql))
    c.psql(" ".join(
        f"INSERT INTO unge.hold VALUES ('hold{t:02d}') ON CONFLICT DO NOTHING;" for t in range(20)) + " " + " ".join(
        f"INSERT INTO unge.medlemmer VALUES ('{u}', 'hold{i % 20:02d}', false);" for i, u in enumerate(users)))
    base = json.loads((REPO / "Fixtures/lager/sager/2026-0002.json").read_text())
    t0 = time.monotonic()
    batch = []
    for n in range(1, cases + 1):
        doc = dict(base, id=f"2026-{n:06d}" if n > 9999 else f"2026-{n:04d}", caseworker=users[n % 200])
        cid = doc["id"]
        summary = {"id": cid, "name": base["youngPerson"].get("name", "x"), "status": "notified", "revision": doc["revision"],
                   "anonymous": False, "openDeadlines": ""}
        ev = {"schemaVersion": 1, "time": NOW, "user": "postgres", "action": "create", "caseID": cid, "command": "bench"}
        q = lambda v: "'" + json.dumps(v).replace("'", "''") + "'"
        batch.append(f"INSERT INTO unge.sagsregister VALUES ('{cid}', 'hold{(n % 200) % 20:02d}', '{users[n % 200]}', false, NULL, NULL);"
                     f"INSERT INTO unge.sager (id, revision, doc, resume) VALUES ('{cid}', {doc['revision']}, {q(doc)}, {q(summary)});"
                     f"INSERT INTO unge.log (kilde, sag, haendelse) VALUES ('unge', '{cid}', {q(ev)});")
        if len(batch) == 2000 or n == cases:
            c.psql("".join(batch))
            batch = []
    return users, time.monotonic() - t0


def reads(c, binary, users):
    """Each command beside psql running the one query that answers the same question, as the same role
    on the same server (the floor: a process start, a connection and that query). `liste --mine` shows
    the caseworker's cases (`unge.oversigt_udvalg`, mine); `vis` reads one case (`unge.hent`); `notat`
    reads and saves one (its floor is the read alone, so its ratio is the stricter one); `frister --team`
    shows the team's deadlines (`unge.oversigt_udvalg`, the team), `frister` those of every case the role
    may read (`unge.oversigt`, all)."""
    u = users[7]
    mine = c.uri(u)
    case = c.psql(f"SELECT id FROM unge.sagsregister WHERE sagsbehandler = '{u}' LIMIT 1").strip()
    team = c.psql(f"SELECT hold FROM unge.medlemmer WHERE rolle = '{u}'").strip()

    def floor(sql):
        return median_time(lambda: sh(["psql", "-h", str(c.sock), "-U", u, "-d", "unge", "-tAq", "-c", sql]))

    read_floor = floor(f"SELECT length(doc::text) FROM unge.hent('{case}', 'bench')")
    out = []
    for label, args, t_floor, what in [
        # What `liste --mine` shows: the caseworker's cases and, for the next-step column, each one's
        # document, in one statement.
        ("liste --mine", ["liste", "--mine"],
         floor("SELECT count(*), sum(length(h.doc::text)) FROM unge.hent_flere("
               "ARRAY(SELECT id FROM unge.oversigt_udvalg('bench', true, NULL)), 'bench') h"),
         "oversigt_udvalg(mine) + hent_flere"),
        ("vis", ["vis", case], read_floor, "hent"),
        ("notat", ["notat", case, "Benchmark-notat"], read_floor, "hent"),
        ("frister --team", ["frister", "--team", team], floor(
            f"SELECT count(*) FROM unge.oversigt_udvalg('bench', false, '{team}')"), "oversigt_udvalg(team)"),
        ("frister", ["frister"], floor("SELECT count(*) FROM unge.oversigt('bench', false)"), "oversigt(all)"),
    ]:
        t = median_time(lambda: unge(binary, args, mine))
        out.append(f"{label}: {t*1000:.0f} ms ({t/t_floor:.1f}x psql's {t_floor*1000:.0f} ms for {what})")
    return out


def writers(c, binary, users, n_writers, notes, faults=False):
    shared = c.psql("SELECT id FROM unge.sagsregister WHERE hold = 'hold00' ORDER BY id LIMIT 50").split()
    team = [u for i, u in enumerate(users) if i % 20 == 0]
    acked, times, failed = [], [], []
    lock = threading.Lock()
    stop = threading.Event()

    def worker(w):
        for n in range(notes):
            case = random.choice(shared)
            marker = f"B{w}N{n}"
            r, dt = unge(binary, ["notat", case, marker, "--json"], c.uri(team[w % len(team)]), check=False)
            with lock:
                if r.returncode == 0:
                    acked.append((case, marker))
                    times.append(dt)
                else:
                    failed.append(r.stderr[-120:])

    def chaos():
        while not stop.is_set():
            time.sleep(random.uniform(1, 3))
            if stop.is_set():
                break
            c.kill9()
            time.sleep(0.5)
            c.start()

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker, args=(w,)) for w in range(n_writers)]
    ch = threading.Thread(target=chaos) if faults else None
    for t in threads:
        t.start()
    if ch:
        ch.start()
    for t in threads:
        t.join()
    stop.set()
    if ch:
        ch.join()
    wall = time.monotonic() - t0
    texts = {}
    for case in shared:
        doc = json.loads(c.psql(f"SELECT doc FROM unge.sager WHERE id = '{case}'"))
        texts[case] = [e["text"] for e in doc["journal"]]
    lost = [m for cs, m in acked if texts[cs].count(m) != 1]
    audited = int(c.psql("SELECT count(*) FROM unge.log WHERE haendelse->>'command' = 'notat' AND kilde = 'unge'"))
    times.sort()
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000 if times else 0
    return (f"{n_writers} writers x {notes} notes on {len(shared)} cases{' with SIGKILLs of the server' if faults else ''}: "
            f"{len(acked)} acknowledged, {len(failed)} refused, {len(lost)} lost or duplicated, "
            f"{audited} note audit rows; p50 {p(0.5):.0f} ms, p99 {p(0.99):.0f} ms, {len(acked)/wall:.1f} notes/s")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=str(REPO / ".build-pg/release/unge"))
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--writers", type=int, default=20)
    ap.add_argument("--notes", type=int, default=500)
    ap.add_argument("--skip-faults", action="store_true")
    args = ap.parse_args()
    c = Cluster()
    try:
        users, secs = populate(c, args.bin, args.cases)
        print(f"{args.cases} cases, 200 caseworkers in 20 teams: loaded in {secs:.0f} s")
        for line in reads(c, args.bin, users):
            print("  " + line)
        print("  " + writers(c, args.bin, users, args.writers, args.notes))
        if not args.skip_faults:
            print("  " + writers(c, args.bin, users, args.writers, max(1, args.notes // 5), faults=True))
    finally:
        c.stop()


if __name__ == "__main__":
    main()
