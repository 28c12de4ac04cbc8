#!/usr/bin/env python3
"""Team store (PostgreSQL) benchmarks and fault test; kept out of CI (it takes long).

Starts a throw-away cluster in a temp folder (as the postgres user when run as root; its own socket
folder and --port), creates the schema with `unge lager init`, 200 caseworkers in 20 teams, and N
cases (default 100,000) put in through the same function `unge` uses (`unge.indlaes`). Then:

1. Reads: median wall time of `unge liste --mine`, `unge vis`, `unge notat` and `unge frister`
   beside `psql` running one equivalent query on the same server (the floor: a process start and
   one round trip); the ratio is the figure to watch (target: within 3x).
2. Writers: W concurrent writers x M notes (`unge notat`) on 50 shared cases of one team: p50 and
   p99 per acknowledged note, notes per second; then the same load on a file store (a folder of 50
   cases) on the same machine, for the throughput beside it.
3. Faults, each under the writer load (M/5 notes per writer unless --fault-notes):
   - the server: the postmaster (or, every other time, every process of the cluster) is killed with
     SIGKILL at random moments; it is restarted as an operator would: the orphaned backends of that
     data directory are given time to notice and exit (then killed), and `pg_ctl start` runs crash
     recovery;
   - the clients: random running `unge notat` processes are killed with SIGKILL (on both stores).
Every phase is checked afterwards, on each of the 50 cases: every acknowledged note is in the journal
exactly once, an unacknowledged one (refused, or its client killed) at most once; the case decodes
(`unge vis --json`) and its revision is the one stored beside it; the audit log holds one `notat`
update event for each note the journal got in that phase, with revisions counting up without gap or
repeat to the case's revision; and `unge log --kontroller` (an administrator on the team store)
finds every hash chain intact. Any failed check prints FAIL and the script exits 1.

    python3 Benchmarks/team.py --bin /tmp/pgrel/release/unge --cases 5000 --skip-reads   # writers + faults
    python3 Benchmarks/team.py --bin .build-pg/release/unge            # full sizes (100,000 cases)
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
PORT = 5443
FILE_USER = "Lene Dahl"


def sh(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def load():
    return "load %.2f %.2f %.2f" % os.getloadavg()


class Cluster:
    def __init__(self, port=None):
        self.port = port or PORT
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

    def run(self, args, check=True):
        if self.root:
            args = ["runuser", "-u", "postgres", "--"] + args
        r = sh(args)
        if check and r.returncode != 0:
            raise SystemExit(f"{args[0]}: {r.stderr}")
        return r

    def start(self):
        self.run([str(PGBIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.sock / "server.log"), "-w", "-t", "120",
                  "-o", f"-k {self.sock} -p {self.port} -c listen_addresses='' -c max_connections=300", "start"])

    def processes(self):
        """Every process of this cluster: the postmaster and all its children work in the data directory."""
        pids = []
        for d in Path("/proc").iterdir():
            if d.name.isdigit():
                try:
                    if os.readlink(d / "cwd") == str(self.data):
                        pids.append(int(d.name))
                except OSError:
                    pass
        return pids

    def postmaster(self):
        try:
            return int((self.data / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def crash(self, everything=False):
        """SIGKILL of the postmaster (its backends live on as orphans), or of every process of the cluster."""
        pids = self.processes() if everything else [self.postmaster()]
        for pid in pids:
            if pid:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

    def recover(self, grace=10.0):
        """Restart after a crash as an operator would: the orphaned backends of this data directory get
        `grace` seconds to notice that the postmaster is gone and exit, the rest are killed; then
        `pg_ctl start`, which runs crash recovery. Returns (orphans that had to be killed, seconds)."""
        t = time.monotonic()
        while self.processes() and time.monotonic() - t < grace:
            time.sleep(0.1)
        left = self.processes()
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        while self.processes():
            time.sleep(0.05)
        # A killed postmaster stays a zombie until its parent (here PID 1, which pg_ctl left it to) reaps
        # it, and the new postmaster takes a zombie for a running server. With no live process left in the
        # data directory, the lock file is stale: wait a little for the reaping, then remove it.
        pm = self.postmaster()
        while pm and self.zombie(pm) and time.monotonic() - t < grace + 5:
            time.sleep(0.1)
        if pm and self.zombie(pm):
            (self.data / "postmaster.pid").unlink()
        self.start()
        return len(left), time.monotonic() - t

    @staticmethod
    def zombie(pid):
        try:
            return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
        except (OSError, IndexError):
            return False

    def uri(self, user, db="unge"):
        return f"postgresql:///{db}?host={self.sock}&port={self.port}&user={user}"

    def psql(self, sql, user="postgres", db="unge"):
        # The SQL on stdin: a batch of case documents is far longer than an argument may be.
        r = sh(["psql", "-h", str(self.sock), "-p", str(self.port), "-U", user, "-d", db, "-tAq", "-v",
                "ON_ERROR_STOP=1", "-f", "-"], input=sql)
        if r.returncode != 0:
            raise SystemExit(r.stderr)
        return r.stdout

    def stop(self):
        if self.run([str(PGBIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-t", "30", "stop"],
                    check=False).returncode != 0:
            self.crash(everything=True)
        shutil.rmtree(self.dir, ignore_errors=True)


def unge(binary, args, uri, check=True, user=None):
    """One `unge` command; on the team store the user is the database role in the URI."""
    env = dict(os.environ, UNGE_NU=NOW)
    env.pop("UNGE_BRUGER", None)
    if user:
        env["UNGE_BRUGER"] = user
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
    sh(["createdb", "-h", str(c.sock), "-p", str(c.port), "-U", "postgres", "unge"])
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
        return median_time(lambda: sh(["psql", "-h", str(c.sock), "-p", str(c.port), "-U", u, "-d", "unge", "-tAq", "-c", sql]))

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


class PGTarget:
    """The team store under load: the 50 shared cases of team hold00, written by that team's members."""

    label = "PostgreSQL"

    def __init__(self, c, binary, users):
        self.c, self.binary = c, binary
        self.cases = c.psql("SELECT id FROM unge.sagsregister WHERE hold = 'hold00' ORDER BY id LIMIT 50").split()
        self.team = [u for i, u in enumerate(users) if i % 20 == 0]

    def note_command(self, w, case, marker):
        return [self.binary, "notat", case, marker, "--json", "--lager", self.c.uri(self.team[w % len(self.team)])], None

    def document(self, case):
        r, _ = unge(self.binary, ["vis", case, "--json"], self.c.uri(self.team[0]), check=False)
        stored = self.c.psql(f"SELECT revision, doc->>'revision', resume->>'revision' FROM unge.sager WHERE id = '{case}'")
        return r, stored.strip().split("|")

    def note_events(self, case):
        rows = self.c.psql(f"SELECT haendelse FROM unge.log WHERE sag = '{case}' AND haendelse->>'command' = 'notat' "
                           f"AND haendelse->>'action' = 'update' ORDER BY nr")
        return [json.loads(line) for line in rows.splitlines() if line.strip()]

    def verify_chains(self):
        r, _ = unge(self.binary, ["log", "--kontroller"], self.c.uri("bench_adm"), check=False)
        return r


class FileTarget:
    """A file store of 50 cases in a temp folder, written by one caseworker from 20 processes."""

    label = "file store"

    def __init__(self, binary, folder):
        self.binary, self.store = binary, str(folder)
        r = sh([sys.executable, str(REPO / "Benchmarks/make_store.py"), self.store, "50"])
        if r.returncode != 0:
            raise SystemExit(r.stderr)
        self.cases = sorted(p.stem for p in (folder / "sager").glob("*.json"))

    def note_command(self, w, case, marker):
        return [self.binary, "notat", case, marker, "--json", "--lager", self.store], FILE_USER

    def document(self, case):
        r, _ = unge(self.binary, ["vis", case, "--json"], self.store, check=False, user=FILE_USER)
        try:
            rev = str(json.loads((Path(self.store) / "sager" / f"{case}.json").read_text())["revision"])
        except (OSError, ValueError, KeyError) as e:
            rev = f"unreadable: {e}"
        return r, [rev]

    def note_events(self, case):
        r, _ = unge(self.binary, ["log", case, "--json"], self.store, check=False, user=FILE_USER)
        if r.returncode != 0:
            return None
        return [e for e in json.loads(r.stdout)["events"] if e.get("command") == "notat" and e.get("action") == "update"]

    def verify_chains(self):
        r, _ = unge(self.binary, ["log", "--kontroller"], self.store, check=False, user=FILE_USER)
        return r

    def leftovers(self):
        """Temp files a killed client left in sager/ (never read as a case; `unge liste` removes them)."""
        return len(list((Path(self.store) / "sager").glob(".*.tmp")))


def snapshot(target):
    """Each case's revision before a phase."""
    out = {}
    for case in target.cases:
        r, _ = target.document(case)
        if r.returncode != 0:
            raise SystemExit(f"{target.label}: {case} does not open before the phase: {r.stderr}")
        out[case] = json.loads(r.stdout)["case"]["revision"]
    return out


def run_load(target, n_writers, notes, prefix, chaos=None):
    """W writers x M notes on the target's cases; `chaos(running, lock, stop, up)` runs beside them and
    clears `up` while the server is down (the writers wait for it, as caseworkers would, so the load
    goes on across the crashes and the notes in flight at each kill are the ones that matter)."""
    acked, refused, killed, times = {}, {}, {}, []
    running = {}
    lock = threading.Lock()
    stop = threading.Event()
    up = threading.Event()
    up.set()

    def worker(w):
        rnd = random.Random(f"{prefix}{w}")
        for n in range(notes):
            case = rnd.choice(target.cases)
            marker = f"{prefix}{w}N{n}"
            up.wait()
            args, user = target.note_command(w, case, marker)
            env = dict(os.environ, UNGE_NU=NOW)
            env.pop("UNGE_BRUGER", None)
            if user:
                env["UNGE_BRUGER"] = user
            t = time.monotonic()
            p = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
            with lock:
                running[p.pid] = (p, marker)
            _, err = p.communicate()
            dt = time.monotonic() - t
            with lock:
                del running[p.pid]
                if p.returncode == 0:
                    acked[marker] = case
                    times.append(dt)
                elif p.returncode == -signal.SIGKILL:
                    killed[marker] = case
                else:
                    refused[marker] = (case, err.strip()[-160:])

    chaos_errors = []

    def guarded():
        # A failed restart must fail the run, not end the thread quietly (a thread swallows SystemExit).
        try:
            chaos(running, lock, stop, up)
        except BaseException as e:  # noqa: B036
            chaos_errors.append(f"{type(e).__name__}: {e}")

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker, args=(w,)) for w in range(n_writers)]
    ch = threading.Thread(target=guarded) if chaos else None
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
    return dict(acked=acked, refused=refused, killed=killed, times=sorted(times), wall=wall, chaos_errors=chaos_errors)


def check(target, before, result, prefix):
    """The checks after a phase; returns a list of problems (empty: all well)."""
    problems = [f"the fault injection failed: {e}" for e in result["chaos_errors"]]
    present = {}
    for case in target.cases:
        r, stored = target.document(case)
        if r.returncode != 0:
            problems.append(f"{case} does not open: {r.stderr.strip()[-200:]}")
            continue
        doc = json.loads(r.stdout)["case"]
        rev = doc["revision"]
        if any(str(rev) != s for s in stored):
            problems.append(f"{case} torn: revision {rev} shown, {stored} stored")
        texts = [e.get("text", "") for e in doc.get("journal", [])]
        mine = [t for t in texts if t.startswith(prefix)]
        for t in mine:
            present[t] = present.get(t, 0) + 1
        events = target.note_events(case)
        if events is None:
            problems.append(f"{case}: its audit log does not open")
            continue
        new = sorted(e.get("revisionAfter", -1) for e in events if e.get("revisionAfter", -1) > before[case])
        if new != list(range(before[case] + 1, rev + 1)):
            problems.append(f"{case}: note events after revision {before[case]} have revisions {new}, the case is at {rev}")
        if len(new) != len(mine):
            problems.append(f"{case}: {len(mine)} notes of this phase in the journal, {len(new)} note events")
    for marker, case in result["acked"].items():
        if present.get(marker, 0) != 1:
            problems.append(f"acknowledged note {marker} on {case} present {present.get(marker, 0)} times")
    for marker in list(result["killed"]) + list(result["refused"]):
        if present.get(marker, 0) > 1:
            problems.append(f"unacknowledged note {marker} present {present[marker]} times")
    r = target.verify_chains()
    if r.returncode != 0:
        problems.append(f"unge log --kontroller: exit {r.returncode}: {(r.stdout + r.stderr).strip()[-300:]}")
    if hasattr(target, "leftovers"):
        result["leftovers"] = target.leftovers()
    unacked_in = sum(1 for m in list(result["killed"]) + list(result["refused"]) if present.get(m))
    return problems, unacked_in


def phase(target, label, n_writers, notes, prefix, chaos=None, extra=""):
    before = snapshot(target)
    res = run_load(target, n_writers, notes, prefix, chaos)
    problems, unacked_in = check(target, before, res, prefix)
    times = res["times"]
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000 if times else 0
    line = (f"{target.label}, {label}: {n_writers} writers x {notes} notes on {len(target.cases)} cases: "
            f"{len(res['acked'])} acknowledged, {len(res['refused'])} refused, {len(res['killed'])} clients killed "
            f"({unacked_in} unacknowledged notes present once"
            f"{', %d temp files left' % res['leftovers'] if 'leftovers' in res else ''}); p50 {p(0.5):.0f} ms, p99 {p(0.99):.0f} ms, "
            f"{len(res['acked']) / res['wall']:.1f} notes/s in {res['wall']:.0f} s{extra and '; ' + extra()}; "
            f"{'all checks passed' if not problems else 'FAIL: ' + str(len(problems)) + ' problems'}; {load()}")
    kinds = {}
    for m, (case, err) in res["refused"].items():
        kinds[err.splitlines()[-1][:100] if err else "(no message)"] = kinds.get(err.splitlines()[-1][:100] if err else "(no message)", 0) + 1
    return line, problems, res, kinds


def server_chaos(c, kills, log):
    def chaos(running, lock, stop, up):
        for i in range(kills):
            time.sleep(random.uniform(1.0, 4.0))
            if stop.is_set():
                break
            everything = i % 2 == 1
            up.clear()
            c.crash(everything=everything)
            time.sleep(random.uniform(0.0, 1.0))
            try:
                orphans, secs = c.recover()
            finally:
                up.set()
            log.append((everything, orphans, secs))
    return chaos


def client_chaos(kills, log):
    def chaos(running, lock, stop, up):
        done = 0
        while done < kills and not stop.is_set():
            time.sleep(random.uniform(0.1, 1.0))
            with lock:
                victims = list(running.values())
            if not victims:
                continue
            p, marker = random.choice(victims)
            try:
                p.send_signal(signal.SIGKILL)
                done += 1
                log.append(marker)
            except ProcessLookupError:
                pass
    return chaos


def report(line, problems, kinds):
    print("  " + line, flush=True)
    for k, n in sorted(kinds.items(), key=lambda kv: -kv[1])[:4]:
        print(f"      refused x{n}: {k}")
    for p in problems[:20]:
        print("      FAIL " + p)
    return not problems


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=str(REPO / ".build-pg/release/unge"))
    ap.add_argument("--cases", type=int, default=100_000, help="cases in the team store (default 100,000)")
    ap.add_argument("--writers", type=int, default=20)
    ap.add_argument("--notes", type=int, default=500, help="notes per writer in the writer phases")
    ap.add_argument("--fault-notes", type=int, help="notes per writer in each fault phase (default notes/5)")
    ap.add_argument("--server-kills", type=int, default=6)
    ap.add_argument("--client-kills", type=int, default=30)
    ap.add_argument("--port", type=int, default=PORT, help=f"the throw-away cluster's port (default {PORT})")
    ap.add_argument("--skip-reads", action="store_true")
    ap.add_argument("--skip-writers", action="store_true")
    ap.add_argument("--skip-faults", action="store_true")
    ap.add_argument("--skip-file", action="store_true", help="leave out the file store's phases")
    args = ap.parse_args()
    fault_notes = args.fault_notes or max(1, args.notes // 5)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    ok = True
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}, {os.cpu_count()} cores, {load()}; {args.bin}")
    work = Path(tempfile.mkdtemp(prefix="unge-bench-file-"))
    c = Cluster(args.port)
    try:
        users, secs = populate(c, args.bin, args.cases)
        print(f"{args.cases} cases, 200 caseworkers in 20 teams: loaded in {secs:.0f} s; {load()}", flush=True)
        if not args.skip_reads:
            for line in reads(c, args.bin, users):
                print("  " + line + f"; {load()}", flush=True)
        pg = PGTarget(c, args.bin, users)
        fs = None if args.skip_file else FileTarget(args.bin, work / "lager")
        if not args.skip_writers:
            line, problems, res, kinds = phase(pg, "writers", args.writers, args.notes, "W")
            ok &= report(line, problems, kinds)
            pg_rate = len(res["acked"]) / res["wall"]
            if fs:
                line, problems, res, kinds = phase(fs, "writers", args.writers, args.notes, "W")
                ok &= report(line, problems, kinds)
                print(f"  throughput PostgreSQL / file store: {pg_rate / (len(res['acked']) / res['wall']):.2f}")
        if not args.skip_faults:
            crashes = []
            line, problems, res, kinds = phase(
                pg, f"SIGKILL of the server x{args.server_kills}", args.writers, fault_notes, "S",
                chaos=server_chaos(c, args.server_kills, crashes),
                extra=lambda: f"{len(crashes)} crashes ({sum(1 for e, _, _ in crashes if e)} of every process), "
                              f"{sum(o for _, o, _ in crashes)} orphaned backends killed after the grace time, "
                              f"restart with crash recovery {max((s for _, _, s in crashes), default=0):.1f} s at most")
            ok &= report(line, problems, kinds)
            for target in [pg] + ([fs] if fs else []):
                victims = []
                line, problems, res, kinds = phase(
                    target, f"SIGKILL of clients x{args.client_kills}", args.writers, fault_notes, "K",
                    chaos=client_chaos(args.client_kills, victims))
                ok &= report(line, problems, kinds)
    finally:
        c.stop()
        shutil.rmtree(work, ignore_errors=True)
    print("all checks passed" if ok else "FAIL: see above")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
