#!/usr/bin/env python3
"""Test hooks exist only in test builds: the release binary ignores them.

Builds the release binary as municipal IT installs it (`swift build -c release
--static-swift-stdlib`, no `-DUNGE_TEST_HOOKS`) and checks that:

- `UNGE_NU` does not move the clock: a note, a new case and their audit events carry the real
  time, not the pinned one (nobody can back-date a note or an audit event);
- `UNGE_TEST_FAIL_AT`, `UNGE_TEST_CRASH_AT` and `UNGE_TEST_STOP_AT` change nothing: the save succeeds;
- `unge _taeller` is an unknown command (exit 2) and the case's counter is unchanged;
- every audit event names the operating-system account beside the given user.

With `--control`, runs the same checks on a test build (debug) and expects the opposite for the
hooks, so the harness proves it can tell the two apart.

    python3 Harness/hooks.py                 # builds the release binary
    python3 Harness/hooks.py --bin PATH      # a given binary (must be a release build)
"""

import argparse
import datetime
import json
import os
import pwd
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

PINNED = "2020-02-03T04:05:06Z"


def check(binary, report, expect_hooks):
    tmp = common.tempdir("unge-hooks-")
    store = common.new_store(tmp)
    account = pwd.getpwuid(os.geteuid()).pw_name
    label = "test build" if expect_hooks else "release build"
    year = datetime.datetime.now(datetime.timezone.utc).year

    rc, out, err = common.run(binary, ["notat", "2026-0001", "Notat med fast ur?"], store, extra_env={"UNGE_NU": PINNED})
    report.check(rc == 0, f"{label}: notat with UNGE_NU", err)
    case = json.loads((store / "sager" / "2026-0001.json").read_text())
    stamp = case["journal"][-1]["time"]
    report.check(stamp.startswith("2020-") == expect_hooks, f"{label}: the note's time {'is' if expect_hooks else 'is not'} UNGE_NU", stamp)
    if not expect_hooks:
        report.check(stamp.startswith(str(year)) or stamp.startswith(str(year - 1)), f"{label}: the note carries the real time", stamp)
    events, bad = common.audit_events(store)
    report.check(bad == 0 and len(events) >= 1, f"{label}: audit events readable", f"{len(events)} events, {bad} bad")
    times = [e.get("time", "") for e in events]
    report.check(all(t.startswith("2020-") == expect_hooks for t in times), f"{label}: audit times {'follow' if expect_hooks else 'ignore'} UNGE_NU", str(times))
    report.check(all(e.get("account") == account for e in events), f"{label}: every audit event names the account {account}", str([e.get("account") for e in events]))
    report.check(all(e.get("user") == "harness" for e in events), f"{label}: the given user is kept beside it", str([e.get("user") for e in events]))

    rc, out, err = common.run(binary, ["ny", "--navn", "Hook Test", "--foedselsdato", "2005-05-05"], store, extra_env={"UNGE_NU": PINNED})
    created = [json.loads(p.read_text()) for p in common.case_files(store) if "Hook Test" in p.read_text()]
    report.check(rc == 0 and len(created) == 1, f"{label}: ny with UNGE_NU", err)
    if created:
        report.check(created[0]["created"].startswith("2020-") == expect_hooks, f"{label}: the case's creation time", created[0]["created"])

    for hook in ("UNGE_TEST_FAIL_AT", "UNGE_TEST_CRASH_AT"):
        rc, out, err = common.run(binary, ["notat", "2026-0002", f"Notat med {hook}"], store, extra_env={hook: "rename"})
        if expect_hooks:
            report.check(rc != 0, f"{label}: {hook}=rename stops the save", f"exit {rc}")
        else:
            report.check(rc == 0, f"{label}: {hook}=rename is ignored, the note is saved", f"exit {rc}: {err}")

    # UNGE_TEST_STOP_AT stops a test build for good (SIGSTOP): checked with a timeout.
    try:
        rc, out, err = common.run(binary, ["notat", "2026-0002", "Notat med UNGE_TEST_STOP_AT"], store,
                                  extra_env={"UNGE_TEST_STOP_AT": "rename"}, timeout=10)
        stopped = False
    except subprocess.TimeoutExpired:
        stopped, rc, err = True, None, ""
    if expect_hooks:
        report.check(stopped, f"{label}: UNGE_TEST_STOP_AT=rename stops the process", f"exit {rc}")
    else:
        report.check(not stopped and rc == 0, f"{label}: UNGE_TEST_STOP_AT=rename is ignored, the note is saved", f"exit {rc}: {err}")

    before = json.loads((store / "sager" / "2026-0003.json").read_text()).get("counter", 0)
    rc, out, err = common.run(binary, ["_taeller", "2026-0003"], store)
    after = json.loads((store / "sager" / "2026-0003.json").read_text()).get("counter", 0)
    if expect_hooks:
        report.check(rc == 0 and after == before + 1, f"{label}: _taeller adds one", f"exit {rc}")
    else:
        report.check(rc == 2 and after == before, f"{label}: _taeller is an unknown command", f"exit {rc}, counter {before} -> {after}")
        report.check("_taeller" not in common.run(binary, ["--help"], store)[1], f"{label}: _taeller not in help")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="same checks (they are fast); accepted for run_all")
    ap.add_argument("--bin", help="a release binary built without -DUNGE_TEST_HOOKS")
    ap.add_argument("--control", metavar="TEST_BIN", help="also check that this test build honours the hooks")
    args = ap.parse_args()
    binary = args.bin or common.build(release=True, hooks=False)
    report = common.Report("hooks")
    check(binary, report, expect_hooks=False)
    if args.control:
        check(args.control, report, expect_hooks=True)
    common.main_exit(report.finish())


if __name__ == "__main__":
    main()
