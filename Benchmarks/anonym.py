#!/usr/bin/env python3
"""Speed of the anonymised export (issue 22): a case with 10,000 notes, and a case with one note at
the 100,000-character limit made of capitalised words, names, dates and numbers. Each must finish
within 1 second (wall time, median of the runs).

Usage: Benchmarks/anonym.py [UNGE_BINARY] [--runs N]
Without a binary it builds the release binary first. The stores are fictional and written to a
temporary folder that is removed afterwards. CPR numbers are substitute numbers (day + 60).
"""
import json, os, random, resource, shutil, statistics, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_store  # noqa: E402

WORDS = ["Mor", "ringede", "og", "fortalte", "at", "Malik", "var", "på", "Nordby", "Station", "kl.", "22.30", "med",
         "Hanne", "13.04.2026", "SSP", "Vestby", "2", "gram", "hash", "Kirkebakkeskolen", "i", "går", "Omar",
         "Fiktivvej", "5,", "2650", "Hvidovre", "22", "33", "44", "55", "Lyngly", "d.", "3/4", "Torvet."]


def write_case(root, cid, journal):
    rnd = random.Random(7)
    c = make_store.case(1, rnd)
    c["id"] = cid
    c["journal"] = journal
    c["concernReports"] = []
    path = os.path.join(root, "sager", cid + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(c, f, ensure_ascii=False)
    os.chmod(path, 0o600)


def main():
    args = sys.argv[1:]
    runs = 3
    if "--runs" in args:
        i = args.index("--runs")
        runs = int(args[i + 1])
        del args[i:i + 2]
    binary = args[0] if args else None
    if binary is None:
        subprocess.run(["swift", "build", "-c", "release", "--product", "unge"], check=True, stdout=subprocess.DEVNULL)
        out = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], check=True, capture_output=True, text=True)
        binary = os.path.join(out.stdout.strip(), "unge")
    tmp = tempfile.mkdtemp(prefix="unge-anonym-bench-")
    try:
        store = os.path.join(tmp, "lager")
        os.makedirs(os.path.join(store, "sager"))
        os.chmod(store, 0o700)
        os.chmod(os.path.join(store, "sager"), 0o700)
        rnd = random.Random(1)
        notes = []
        for k in range(10_000):
            text = " ".join(rnd.choice(WORDS) for _ in range(25)) + "."
            notes.append({"time": f"2026-{1 + k % 8:02d}-{1 + k % 28:02d}T09:00:00Z", "author": "Lene Dahl", "text": text})
        write_case(store, "2026-0001", notes)
        big = []
        while sum(len(w) + 1 for w in big) < 99_900:
            big.append(rnd.choice(WORDS))
        text = " ".join(big)[:100_000]
        write_case(store, "2026-0002", [{"time": "2026-04-13T09:00:00Z", "author": "Lene Dahl", "text": text}])
        ok = True
        for cid, label in [("2026-0001", "10.000 notater"), ("2026-0002", "et notat på 100.000 tegn")]:
            times = []
            cpu = []
            for _ in range(runs):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.monotonic()
                r = subprocess.run([binary, "eksport", cid, "--anonym", "--lager", store], capture_output=True)
                times.append(time.monotonic() - start)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
                if r.returncode != 0:
                    print(r.stderr.decode(), file=sys.stderr)
                    ok = False
            median = statistics.median(times)
            verdict = "OK" if median < 1.0 else "FOR LANGSOM"
            print(f"eksport --anonym, {label}: median {median:.3f} s (CPU {statistics.median(cpu):.3f} s) over {runs} kørsler ({verdict})")
            ok = ok and median < 1.0
        sys.exit(0 if ok else 1)
    finally:
        if os.environ.get("UNGE_BENCH_KEEP"):
            print(f"lageret er bevaret i {tmp}")
        else:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
