#!/usr/bin/env python3
"""What the audit log's hash chain (issue 22, point 5) costs a command: a loop of `unge notat` (a
save: one chained event in the case's chain) and of `unge vis` (a read: one chained event) on a
store of fictional cases, timed per command (median wall and CPU time), with the number of
fsync/fdatasync calls one command makes (strace, when installed).

With --baseline OTHER_BINARY the same loops run with a build from before the chain (or any other
build) on a store of its own, interleaved with the first binary run by run, so both see the same
load on the machine; the report gives both and the ratio.

Usage: Benchmarks/audit_chain.py BINARY [--baseline BINARY] [--commands N] [--cases N]
The stores are written to a temporary folder that is removed afterwards.
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def run(cmd, env):
    start = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed: {err}")
    return elapsed, usage.ru_utime + usage.ru_stime


def syncs(cmd, env, tmp):
    """fsync + fdatasync calls of one run (None without strace)."""
    strace = shutil.which("strace")
    if strace is None:
        return None
    out = os.path.join(tmp, "strace.txt")
    subprocess.run([strace, "-f", "-c", "-o", out, "-e", "trace=fsync,fdatasync", *cmd], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    n = 0
    with open(out) as f:
        for line in f:
            parts = line.split()
            if parts and parts[-1] in ("fsync", "fdatasync"):
                n += int(parts[3]) if len(parts) >= 5 else 0
    return n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--baseline")
    ap.add_argument("--commands", type=int, default=1000, help="commands of each kind per binary")
    ap.add_argument("--cases", type=int, default=100)
    args = ap.parse_args()
    binaries = {"denne": os.path.abspath(args.binary)}
    if args.baseline:
        binaries["grundlinje"] = os.path.abspath(args.baseline)
    env = dict(os.environ, UNGE_BRUGER="benchmark")
    tmp = tempfile.mkdtemp(prefix="unge-audit-chain-bench-")
    try:
        stores = {}
        for name in binaries:
            store = os.path.join(tmp, name)
            subprocess.check_call([sys.executable, os.path.join(os.path.dirname(__file__), "make_store.py"), store,
                                   str(args.cases)], stdout=subprocess.DEVNULL)
            stores[name] = store
        results = {}
        for kind in ("notat", "vis"):
            samples = {name: [] for name in binaries}
            for k in range(args.commands):
                case = f"2026-{1 + k % args.cases:04d}"
                for name, binary in binaries.items():
                    extra = [f"Benchmark-notat {k}"] if kind == "notat" else []
                    samples[name].append(run([binary, kind, case, *extra, "--lager", stores[name]], env))
            for name, binary in binaries.items():
                wall = statistics.median(t for t, _ in samples[name]) * 1000
                cpu = statistics.median(c for _, c in samples[name]) * 1000
                total = sum(t for t, _ in samples[name])
                n = syncs([binary, kind, "2026-0001", *(["Benchmark-notat"] if kind == "notat" else []), "--lager",
                           stores[name]], env, tmp)
                results[(kind, name)] = wall
                print(f"unge {kind:<6} {name:<11} median {wall:7.1f} ms   cpu {cpu:6.1f} ms   i alt {total:6.1f} s"
                      f" for {args.commands}   fsync {'?' if n is None else n} pr. kommando")
            if "grundlinje" in binaries:
                ratio = results[(kind, "denne")] / results[(kind, "grundlinje")]
                print(f"unge {kind:<6} denne / grundlinje: {ratio:.2f}x")
        # The chain still verifies after the loops.
        r = subprocess.run([binaries["denne"], "log", "--kontroller", "--lager", stores["denne"]], env=env,
                           capture_output=True, text=True)
        print(f"unge log --kontroller efter løkkerne: exit {r.returncode}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
