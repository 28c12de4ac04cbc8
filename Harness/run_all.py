#!/usr/bin/env python3
"""Runs every store-safety harness and prints a final `N passed, N failed` line.

    python3 Harness/run_all.py --quick      # CI: small sizes, debug build (a few minutes)
    python3 Harness/run_all.py              # full sizes, release build (about an hour on 2 cores)

The harnesses need the test hooks: `--quick` uses the debug build, a full run a release build made
with `-Xswiftc -DUNGE_TEST_HOOKS` (in `.build-hooks`). `hooks.py` builds the plain release binary
and checks that it has none of them.

Exit status 0 only if every check in every harness passed. Fuzzing is separate: Harness/fuzz.sh.
"""

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

HARNESSES = ["crash.py", "io_errors.py", "concurrency.py", "lock.py", "hostile.py", "privacy.py", "audit_index.py", "hooks.py", "hardening.py"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--bin")
    ap.add_argument("--only", nargs="*", help="run only these harnesses (e.g. crash.py)")
    args = ap.parse_args()
    binary = args.bin or common.build(release=not args.quick)
    passed = failed = 0
    broken = []
    for h in args.only or HARNESSES:
        t = time.monotonic()
        print(f"== {h}", flush=True)
        # hooks.py checks the release binary without test hooks (it builds that itself) and uses the
        # test build as its control.
        target = ["--control", binary] if h == "hooks.py" else ["--bin", binary]
        cmd = [sys.executable, "-u", str(Path(__file__).resolve().parent / h)] + target + (["--quick"] if args.quick else [])
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        sys.stdout.write(p.stdout)
        m = re.search(r"(\d+) passed, (\d+) failed\s*$", p.stdout)
        if m:
            passed += int(m.group(1))
            failed += int(m.group(2))
        if p.returncode != 0 or not m:
            broken.append(h)
            if not m:
                failed += 1  # the harness itself broke
        print(f"== {h}: {time.monotonic() - t:.0f} s, exit {p.returncode}", flush=True)
    if broken:
        print("Failed harnesses: " + ", ".join(broken))
    print(f"{passed} passed, {failed} failed")
    sys.exit(0 if failed == 0 and not broken else 1)


if __name__ == "__main__":
    main()
