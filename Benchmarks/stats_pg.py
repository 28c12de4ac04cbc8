#!/usr/bin/env python3
"""Issue 23 on PostgreSQL: `unge statistik` on the team store at N cases (default 100,000) beside
`psql` running the aggregate query itself (`unge.statistik_tal`, as the same role, same period).
Target: within 3x. Kept out of CI (it takes long). Measured so far only with the debug build at
3,010 cases: 2.5 s against psql's 2.4 s (1.06x); the query itself is slow (about 0.8 ms per case,
not yet profiled), so 100,000 cases were not seeded here.

Seeding: the demo cases go in through the tool's own import path (`unge demo`, which writes each
case's statistics facts and items at save, as every save does), then SQL copies them (document,
register, facts and items) under new case numbers until there are N cases, all in one team whose
leader runs the statistics. Starts and stops its own throw-away cluster (Benchmarks/team.py's).

    python3 Benchmarks/stats_pg.py --bin .build-pg/release/unge --cases 100000 --runs 5
"""
import argparse, os, statistics, subprocess, sys, time
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))
from team import Cluster, REPO, sh  # noqa: E402

NOW = "2026-12-01T09:00:00Z"
NOW_EPOCH = 1796115600.0  # NOW in seconds since 1970
PERIOD = ("2026-01-01", "2026-11-30")


def unge(binary, args, uri):
    env = dict(os.environ, UNGE_NU=NOW)
    env.pop("UNGE_BRUGER", None)
    r = subprocess.run([binary] + args + ["--lager", uri], capture_output=True, text=True, env=env)
    if r.returncode != 0:
        raise SystemExit(f"unge {args}: {r.stderr}")
    return r.stdout


def timed(fn, runs):
    fn()  # warm
    times = []
    for _ in range(runs):
        t = time.monotonic()
        fn()
        times.append(time.monotonic() - t)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=str(REPO / ".build-pg/release/unge"))
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    c = Cluster()
    try:
        sh(["createdb", "-h", str(c.sock), "-U", "postgres", "unge"])
        unge(a.bin, ["lager", "init", c.uri("postgres")], c.uri("postgres"))
        c.psql("CREATE ROLE sb LOGIN IN ROLE unge_sagsbehandler; CREATE ROLE leder LOGIN IN ROLE unge_teamleder;"
               "INSERT INTO unge.hold VALUES ('hold00') ON CONFLICT DO NOTHING;"
               "INSERT INTO unge.medlemmer VALUES ('sb', 'hold00', false), ('leder', 'hold00', true);")
        t0 = time.monotonic()
        unge(a.bin, ["demo"], c.uri("sb"))
        base = int(c.psql("SELECT count(*) FROM unge.statistik").strip())
        items = int(c.psql("SELECT count(*) FROM unge.statistik_post").strip())
        copies = max(0, (a.cases - base + base - 1) // base)
        # Copies of every table row of a case under a new number: '2099-' and a running number.
        copy = """
            CREATE TEMP TABLE nye AS
                SELECT r.id AS gammel, '2099-' || lpad((row_number() OVER ())::text, 6, '0') AS ny
                FROM unge.sagsregister r, generate_series(1, {copies}) g;
            INSERT INTO unge.sagsregister SELECT (jsonb_populate_record(NULL::unge.sagsregister, to_jsonb(s) || jsonb_build_object('id', n.ny))).*
                FROM unge.sagsregister s JOIN nye n ON n.gammel = s.id;
            INSERT INTO unge.sager SELECT (jsonb_populate_record(NULL::unge.sager, to_jsonb(s) || jsonb_build_object('id', n.ny))).*
                FROM unge.sager s JOIN nye n ON n.gammel = s.id;
            INSERT INTO unge.statistik SELECT (jsonb_populate_record(NULL::unge.statistik, to_jsonb(s) || jsonb_build_object('sag', n.ny))).*
                FROM unge.statistik s JOIN nye n ON n.gammel = s.sag;
            INSERT INTO unge.statistik_post SELECT (jsonb_populate_record(NULL::unge.statistik_post, to_jsonb(s) || jsonb_build_object('sag', n.ny))).*
                FROM unge.statistik_post s JOIN nye n ON n.gammel = s.sag;
            ANALYZE;
        """.format(copies=copies)
        c.psql(copy)
        n = int(c.psql("SELECT count(*) FROM unge.sagsregister").strip())
        n_items = int(c.psql("SELECT count(*) FROM unge.statistik_post").strip())
        print(f"{n} cases ({base} demo cases with {items} items via 'unge demo', copied by SQL), {n_items} items: seeded in {time.monotonic() - t0:.0f} s")
        args = ["statistik", "--fra", PERIOD[0], "--til", PERIOD[1], "--team", "hold00"]
        out = unge(a.bin, args, c.uri("leder"))
        assert "Statistik" in out, out[:200]
        tool = timed(lambda: unge(a.bin, args, c.uri("leder")), a.runs)
        q = ("SELECT count(*) FROM unge.statistik_tal('hold00', false, '{0}', '{1}', {2}, '2026-12-01', "
             "{3}, '2026-11-30', '2025-12-01', '2026-12-01', '{{\"schemaVersion\": 1, \"time\": \"{4}\", \"user\": \"leder\", \"command\": \"bench\", \"action\": \"search\"}}'::jsonb)"
             ).format(PERIOD[0], PERIOD[1], NOW_EPOCH, 1796079540.0, NOW)
        floor = timed(lambda: c.psql(q, user="leder"), a.runs)
        print(f"unge statistik --team (leader, {n} cases): median {tool * 1000:.0f} ms")
        print(f"psql unge.statistik_tal (same role, same period): median {floor * 1000:.0f} ms")
        print(f"ratio {tool / floor:.2f}x (target within 3x)")
    finally:
        c.stop()


if __name__ == "__main__":
    main()
