#!/usr/bin/env python3
"""Benchmark for issue 23: `unge statistik` against `unge liste` on the same 10,000-case store, and
`unge indberet smdb` for a year against `unge statistik`. Writes the store with make_stats_store.py
(fictional; substitute CPR numbers), warms the indexes once, then runs the commands in turn.

Usage: Benchmarks/stats.py BINARY WORKDIR [--cases N] [--runs N]
Targets: statistik within 2x liste; indberet smdb under 2x statistik. Prints median wall and CPU
time (user + system; a busy machine disturbs CPU time less).
"""
import argparse, os, shutil, subprocess, sys

sys.path.insert(0, os.path.dirname(__file__))
from bench import interleaved, CPU  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("workdir")
    ap.add_argument("--cases", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=11)
    a = ap.parse_args()
    store = os.path.join(a.workdir, f"statistik-{a.cases}")
    if os.path.isdir(store):
        shutil.rmtree(store)
    subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "make_stats_store.py"), store, str(a.cases)], check=True)
    env = dict(os.environ, UNGE_BRUGER="Lene Dahl")
    out = os.path.join(a.workdir, "smdb.csv")
    subprocess.run([a.binary, "indstillinger", "--kommune", "Nordby Kommune", "--lager", store], env=env, check=True, stdout=subprocess.DEVNULL)
    for cmd in (["liste"], ["statistik"]):  # build the indexes once (cold)
        subprocess.run([a.binary, *cmd, "--lager", store], env=env, check=True, stdout=subprocess.DEVNULL)
    # indberet refuses an existing file (and as root never replaces one): a fresh name per run.
    wrapper = os.path.join(a.workdir, "indberet.sh")
    with open(wrapper, "w") as f:
        f.write(f'#!/bin/sh\nrm -f "{out}"\nexec "{a.binary}" indberet smdb --fra 2026-01-01 --til 2026-12-31 --ud "{out}" --lager "{store}"\n')
    os.chmod(wrapper, 0o700)
    res = interleaved({
        "liste": (f"liste ({a.cases} sager)", [a.binary, "liste", "--lager", store]),
        "statistik": (f"statistik 2026-01-01..2026-11-30", [a.binary, "statistik", "--fra", "2026-01-01", "--til", "2026-11-30", "--lager", store]),
        "smdb": ("indberet smdb 2026", ["/bin/sh", wrapper]),
    }, env, a.runs)
    l, s, m = res["liste"][0], res["statistik"][0], res["smdb"][0]
    print(f"statistik / liste: {s / l:.2f}x wall, {CPU['statistik 2026-01-01..2026-11-30'] / CPU[f'liste ({a.cases} sager)']:.2f}x cpu (target 2x)")
    print(f"indberet smdb / statistik: {m / s:.2f}x wall, {CPU['indberet smdb 2026'] / CPU['statistik 2026-01-01..2026-11-30']:.2f}x cpu (target under 2x)")


if __name__ == "__main__":
    main()
