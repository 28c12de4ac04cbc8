#!/usr/bin/env python3
"""Measures the speed targets of issue 2 with the release build of unge.

- `unge liste` over 10,000 cases: median wall time and peak memory (RSS), against taskwarrior's
  `task list` over 10,000 pending tasks measured in the same run.
- `unge vis` and `unge notat` at 100 and at 10,000 cases.

Usage: bench.py BINARY WORKDIR [--runs N] [--quick]
"""
import argparse, json, os, shutil, statistics, subprocess, sys, time

def run(cmd, env):
    """Runs a command, returns (seconds, max RSS in KiB, exit status)."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{' '.join(cmd)} failed ({code}): {err}")
    return elapsed, usage.ru_maxrss

def measure(label, cmd, env, runs, warmup=2):
    for _ in range(warmup):
        run(cmd, env)
    times, rss = [], []
    for _ in range(runs):
        t, m = run(cmd, env)
        times.append(t)
        rss.append(m)
    med = statistics.median(times) * 1000
    peak = max(rss) / 1024
    print(f"{label:<44} median {med:7.1f} ms   p90 {sorted(times)[int(len(times) * 0.9) - 1] * 1000:7.1f} ms   peak {peak:5.1f} MiB   ({runs} runs)")
    return med, peak

def make_store(path, n):
    if os.path.isdir(path):
        shutil.rmtree(path)
    subprocess.check_call([sys.executable, os.path.join(os.path.dirname(__file__), "make_store.py"), path, str(n)])

def taskwarrior(workdir, n, runs):
    task = shutil.which("task")
    if task is None:
        print("taskwarrior: not installed (run Benchmarks/run.sh, which installs it)")
        return None
    home = os.path.join(workdir, "taskhome")
    if os.path.isdir(home):
        shutil.rmtree(home)
    os.makedirs(home)
    rc = os.path.join(home, ".taskrc")
    with open(rc, "w") as f:
        f.write(f"data.location={home}/data\nconfirmation=off\nverbose=nothing\ngc=on\n")
    env = dict(os.environ, HOME=home, TASKRC=rc)
    tasks = [{"uuid": f"00000000-0000-4000-8000-{i:012d}", "status": "pending", "description": f"Opfølgning på sag 2026-{i:04d}: ring til skolen",
              "entry": "20260105T080000Z", "project": "unge", "due": f"2026{(i % 12) + 1:02d}{(i % 28) + 1:02d}T120000Z"} for i in range(n)]
    path = os.path.join(home, "import.json")
    with open(path, "w") as f:
        json.dump(tasks, f)
    subprocess.run([task, "rc.confirmation=off", "import", path], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return measure(f"task list ({n} pending tasks)", [task, "rc.confirmation=off", "list"], env, runs)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("workdir")
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--cases", type=int, default=10000)
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    os.makedirs(args.workdir, exist_ok=True)
    env = dict(os.environ, UNGE_BRUGER="benchmark")
    env.pop("NO_COLOR", None)
    results = {}
    sizes = sorted({100, args.cases})
    stores = {}
    for n in sizes:
        store = os.path.join(args.workdir, f"store{n}")
        make_store(store, n)
        # The first listing builds the summary index (a one-off cost, measured separately).
        t, m = run([binary, "liste", "--lager", store], env)
        print(f"{'unge liste, cold index (' + str(n) + ' cases)':<44} {t * 1000:7.1f} ms   peak {m / 1024:5.1f} MiB   (1 run)")
        stores[n] = store
    for n in sizes:
        results[("liste", n)] = measure(f"unge liste ({n} cases)", [binary, "liste", "--lager", stores[n]], env, args.runs)
    # Single-case commands: the store sizes take turns run by run, so that a difference between them
    # is the store's size and not the order of measuring.
    for cmd, extra in (("vis", []), ("notat", ["Benchmark-notat"])):
        commands = {n: [binary, cmd, "2026-0042", *extra, "--lager", stores[n]] for n in sizes}
        for n in sizes:
            run(commands[n], env)
        samples = {n: [] for n in sizes}
        for _ in range(args.runs):
            for n in sizes:
                samples[n].append(run(commands[n], env))
        for n in sizes:
            times = sorted(t for t, _ in samples[n])
            med = statistics.median(times) * 1000
            peak = max(m for _, m in samples[n]) / 1024
            print(f"{'unge ' + cmd + ' (' + str(n) + ' cases)':<44} median {med:7.1f} ms   p90 {times[int(len(times) * 0.9) - 1] * 1000:7.1f} ms   peak {peak:5.1f} MiB   ({args.runs} runs, interleaved)")
            results[(cmd, n)] = (med, peak)
    tw = taskwarrior(args.workdir, args.cases, max(5, args.runs // 2))
    n = args.cases
    print()
    liste, peak = results[("liste", n)]
    print(f"target liste <= 60 ms: {liste:.1f} ms {'OK' if liste <= 60 else 'MISSED'}; peak <= 40 MiB: {peak:.1f} MiB {'OK' if peak <= 40 else 'MISSED'}")
    if tw:
        ratio = liste / tw[0]
        print(f"target liste <= 0.25 x task list: {ratio:.3f} x {'OK' if ratio <= 0.25 else 'MISSED'}")
    for cmd in ("vis", "notat"):
        small, big = results[(cmd, 100)][0], results[(cmd, n)][0]
        within = abs(big - small) / small <= 0.20
        print(f"target {cmd} <= 15 ms: {big:.1f} ms at {n}, {small:.1f} ms at 100 {'OK' if big <= 15 and small <= 15 else 'MISSED'}; within 20%: {'OK' if within else 'MISSED'}")

if __name__ == "__main__":
    main()
