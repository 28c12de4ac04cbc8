#!/usr/bin/env python3
"""Measures the speed targets of issues 2, 9 and 10 with the release build of unge.

- `unge liste` over 10,000 cases: median wall time and peak memory (RSS), against taskwarrior's
  `task list` over 10,000 pending tasks measured in the same run.
- `unge vis` and `unge notat` at 100 and at 10,000 cases.
- `unge frister` and `unge liste --kun-aabne` at 100 and 10,000 cases, against `unge liste` on the
  same store (issue 9: within 2x).
- issue 20, side by side in one run: `unge frister` within 1.5x `unge liste`, `unge liste` within
  1.2x `ls -l` of the case folder, and the first `unge liste` on a store without an index within 1 s
  (the index removed before each run).
- `unge log <sag>` over a store whose log holds 1,000,000 events (`make_audit.py`; issue 10: within
  1 s), and `vis`/`notat` on that store.

Usage: bench.py BINARY WORKDIR [--runs N] [--cases N] [--events N] [--skip-log]
"""
import argparse, json, os, shutil, statistics, subprocess, sys, time

CPU = {}  # label -> CPU seconds (user + system) of each measured run


def run(cmd, env):
    """Runs a command, returns (seconds, max RSS in KiB); its CPU time goes to `run.cpu`."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    run.cpu = usage.ru_utime + usage.ru_stime
    if code != 0:
        sys.exit(f"{' '.join(cmd)} failed ({code}): {err}")
    return elapsed, usage.ru_maxrss

def measure(label, cmd, env, runs, warmup=2):
    for _ in range(warmup):
        run(cmd, env)
    times, rss, cpu = [], [], []
    for _ in range(runs):
        t, m = run(cmd, env)
        times.append(t)
        rss.append(m)
        cpu.append(run.cpu)
    med = statistics.median(times) * 1000
    peak = max(rss) / 1024
    CPU[label] = statistics.median(cpu) * 1000
    print(f"{label:<44} median {med:7.1f} ms   p90 {sorted(times)[int(len(times) * 0.9) - 1] * 1000:7.1f} ms   cpu {CPU[label]:7.1f} ms   peak {peak:5.1f} MiB   ({runs} runs)")
    return med, peak

def interleaved(commands, env, runs):
    """Median and peak of each command, the commands taking turns run by run."""
    for _, cmd in commands.values():
        run(cmd, env)
    samples = {k: [] for k in commands}
    cpu = {k: [] for k in commands}
    for _ in range(runs):
        for k, (_, cmd) in commands.items():
            samples[k].append(run(cmd, env))
            cpu[k].append(run.cpu)
    out = {}
    for k, (label, _) in commands.items():
        times = sorted(t for t, _ in samples[k])
        med = statistics.median(times) * 1000
        peak = max(m for _, m in samples[k]) / 1024
        CPU[label] = statistics.median(cpu[k]) * 1000
        print(f"{label:<44} median {med:7.1f} ms   p90 {times[int(len(times) * 0.9) - 1] * 1000:7.1f} ms   cpu {CPU[label]:7.1f} ms   peak {peak:5.1f} MiB   ({runs} runs, interleaved)")
        out[k] = (med, peak)
    return out

def cold(label, cmd, env, store, runs):
    """The first command on a store without an index: `indeks.tsv` removed before each run."""
    index = os.path.join(store, "indeks.tsv")
    times, cpu = [], []
    for _ in range(runs):
        if os.path.exists(index):
            os.remove(index)
        t, _ = run(cmd, env)
        times.append(t)
        cpu.append(run.cpu)
    med = statistics.median(times) * 1000
    CPU[label] = statistics.median(cpu) * 1000
    print(f"{label:<44} median {med:7.1f} ms   p90 {sorted(times)[int(len(times) * 0.9) - 1] * 1000:7.1f} ms   cpu {CPU[label]:7.1f} ms   ({runs} runs)")
    return med


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
    ap.add_argument("--events", type=int, default=1000000, help="audit events for the log benchmark")
    ap.add_argument("--skip-log", action="store_true", help="leave out the audit-log benchmark")
    ap.add_argument("--skip-taskwarrior", action="store_true")
    ap.add_argument("--keep-log-index", action="store_true", help="do not rebuild the audit index first (skips the cold figure)")
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
    # Cross-case views (issue 9): the same store, right after `liste`, so the index is warm.
    for n in sizes:
        # The first checklist count of a day reads every case once (a one-off, shown separately).
        t, m = run([binary, "liste", "--kun-aabne", "--lager", stores[n]], env)
        print(f"{'unge liste --kun-aabne, first of the day (' + str(n) + ')':<44} {t * 1000:7.1f} ms   peak {m / 1024:5.1f} MiB   (1 run)")
        # Taking turns run by run, so that a busy machine slows all three alike.
        results.update(interleaved({
            ("liste2", n): (f"unge liste, again ({n} cases)", [binary, "liste", "--lager", stores[n]]),
            ("frister", n): (f"unge frister ({n} cases)", [binary, "frister", "--lager", stores[n]]),
            ("kun-aabne", n): (f"unge liste --kun-aabne ({n} cases)", [binary, "liste", "--kun-aabne", "--lager", stores[n]]),
            ("ls", n): (f"ls -l sager/ ({n} cases)", ["ls", "-l", os.path.join(stores[n], "sager")]),
        }, env, args.runs))
    # The first command on a store without an index (issue 20: within 1 s at 10,000 cases).
    for n in sizes:
        results[("cold", n)] = cold(f"unge liste, no index ({n} cases)", [binary, "liste", "--lager", stores[n]], env, stores[n], max(3, args.runs // 2))
    log_results = None if args.skip_log else audit_log(binary, args.workdir, args.cases, args.events, env, max(5, args.runs // 2), args.keep_log_index)
    tw = None if args.skip_taskwarrior else taskwarrior(args.workdir, args.cases, max(5, args.runs // 2))
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
    for size in sizes:
        base = results[("liste2", size)][0]
        for key, label in (("frister", "frister"), ("kun-aabne", "liste --kun-aabne")):
            ratio = results[(key, size)][0] / base
            cpu_ratio = CPU[f"unge {label} ({size} cases)"] / CPU[f"unge liste, again ({size} cases)"]
            print(f"target {label} <= 2 x liste at {size}: {results[(key, size)][0]:.1f} ms vs {base:.1f} ms = {ratio:.2f} x {'OK' if ratio <= 2 else 'MISSED'} (cpu time {cpu_ratio:.2f} x)")
    for size in sizes:
        liste_ms, frister_ms, ls_ms = results[("liste2", size)][0], results[("frister", size)][0], results[("ls", size)][0]
        print(f"target frister <= 1.5 x liste at {size}: {frister_ms:.1f} ms vs {liste_ms:.1f} ms = {frister_ms / liste_ms:.2f} x {'OK' if frister_ms <= 1.5 * liste_ms else 'MISSED'}")
        print(f"target liste <= 1.2 x ls -l at {size}: {liste_ms:.1f} ms vs {ls_ms:.1f} ms = {liste_ms / ls_ms:.2f} x {'OK' if liste_ms <= 1.2 * ls_ms else 'MISSED'}")
        print(f"target first liste without index <= 1 s at {size}: {results[('cold', size)]:.1f} ms {'OK' if results[('cold', size)] <= 1000 else 'MISSED'}")
    if log_results:
        events, log_ms, vis_ms, notat_ms, log_cpu = log_results
        print(f"target log <= 1 s at {events} events: {log_ms:.1f} ms {'OK' if log_ms <= 1000 else 'MISSED'} (cpu time {log_cpu:.1f} ms); vis {vis_ms:.1f} ms, notat {notat_ms:.1f} ms on that store")


def audit_log(binary, workdir, cases, events, env, runs, keep_index=False):
    """`unge log` over a store of `cases` cases whose log holds `events` events (made once, reused)."""
    store = os.path.join(workdir, f"log-store{cases}")
    marker = os.path.join(store, ".benchmark-events")
    want = f"{cases} {events}"
    if not (os.path.exists(marker) and open(marker).read() == want):
        if os.path.isdir(store):
            shutil.rmtree(store)
        make_store(store, cases)
        t = time.perf_counter()
        subprocess.check_call([sys.executable, os.path.join(os.path.dirname(__file__), "make_audit.py"), store, str(events), str(cases)])
        print(f"(generated {events} audit events in {time.perf_counter() - t:.0f} s)")
        with open(marker, "w") as f:
            f.write(want)
    index = os.path.join(store, "log", ".indeks")
    cmd = [binary, "log", "2026-0042", "--lager", store]
    if not keep_index:
        if os.path.isdir(index):
            shutil.rmtree(index)
        t, m = run(cmd, env)
        print(f"{'unge log, cold index (' + str(events) + ' events)':<44} {t * 1000:7.1f} ms   cpu {run.cpu * 1000:7.1f} ms   peak {m / 1024:5.1f} MiB   (1 run)")
    log_ms, _ = measure(f"unge log 2026-0042 ({events} events)", cmd, env, runs)
    vis_ms, _ = measure(f"unge vis ({events} events)", [binary, "vis", "2026-0042", "--lager", store], env, runs)
    notat_ms, _ = measure(f"unge notat ({events} events)", [binary, "notat", "2026-0042", "Benchmark-notat", "--lager", store], env, runs)
    log2_ms, _ = measure(f"unge log 2026-0042, after notes ({events} events)", cmd, env, runs)
    return events, max(log_ms, log2_ms), vis_ms, notat_ms, CPU[f"unge log 2026-0042 ({events} events)"]

if __name__ == "__main__":
    main()
