#!/usr/bin/env python3
"""I/O errors: make saves fail at each step and check that unge fails closed.

Failure modes, each tried with `notat`, `rediger`, `underret --sag` and `ny`:
- a full disk without root: `RLIMIT_FSIZE` (SIGXFSZ ignored, so write() fails with EFBIG), once
  small enough to stop the case file and once small enough to stop the audit event too;
- an unwritable `sager/` folder (`chattr +i` as root, `chmod 0500` otherwise), a file in place
  of the `laase/` folder, and (as root) an immutable case file, so the rename itself fails;
- an unwritable audit log: a file in place of `log/`, and an immutable month folder; here also
  `vis`, `liste --soeg` and `log` must show nothing;
- every step of the save path failing with EIO through the developer hook `UNGE_TEST_FAIL_AT`.

Each time: a non-zero exit, no "gemt"/"registreret"/"oprettet" message and no JSON acknowledgement,
the old revision byte-for-byte intact (except after a failed folder fsync, where the rename has
happened and the message says so), and no temp file left behind.

    python3 Harness/io_errors.py [--quick] [--bin PATH]
"""

import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

EDITOR = f"python3 {common.REPO / 'Harness' / 'tools' / 'editor.py'}"
CASE = "2026-0003"
SUCCESS_WORDS = ["gemt", "registreret", "oprettet"]


def underret_file(tmp):
    doc = json.loads((common.REPO / "Fixtures" / "underret" / "eksempel.json").read_text())
    for k in [k for k in doc if k.startswith("young") and k not in ("youngPersonInformed", "youngPersonComments")]:
        del doc[k]
    f = Path(tmp) / "underret.json"
    f.write_text(json.dumps(doc, ensure_ascii=False))
    return f


def commands(tmp):
    u = underret_file(tmp)
    return {
        "notat": (["notat", CASE, "I/O-test", "--json"], {}),
        "rediger": (["rediger", CASE], {"EDITOR": EDITOR, "HARNESS_MARKER": "I/O-test"}),
        "underret": (["underret", "--sag", CASE, "--fra-fil", str(u)], {}),
        "ny": (["ny", "--navn", "I/O Test", "--foedselsdato", "2010-05-05", "--json"], {}),
    }


def fsize_limit(limit):
    def pre():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return pre


class Setup:
    """A fresh store per attempt, with a way to break it and to undo the break."""

    def __init__(self, binary, report):
        self.bin = binary
        self.report = report

    def fresh(self):
        tmp = common.tempdir("unge-io-")
        store = common.new_store(tmp)
        # One read first, so log/<month>/ and laase/ exist as they would in use.
        common.run(self.bin, ["vis", CASE], store)
        common.run(self.bin, ["notat", CASE, "forberedelse"], store)
        return tmp, store


def immutable(path, on):
    """chattr +i / -i; returns False if not possible here."""
    if os.geteuid() != 0:
        os.chmod(path, 0o500 if on else 0o700)
        return True
    if not shutil.which("chattr"):
        return False
    r = subprocess.run(["chattr", "+i" if on else "-i", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return r.returncode == 0


def check_failed_write(report, label, store, before_case, before_count, rc, out, err, kind, visible=False, new_events_ok=True, events_before=None):
    report.check(rc != 0, f"{label}: non-zero exit", f"rc={rc}")
    report.check(rc == 3 or (rc == 1 and kind == "rediger"), f"{label}: exit 3", f"rc={rc} {err[-200:]}")
    said = [w for w in SUCCESS_WORDS if w in out] + [w for w in ("registreret på sag", "er oprettet") if w in err]
    report.check(not said, f"{label}: no success message", f"{said} {out[:200]}")
    report.check(err.startswith("Fejl:") or "Fejl:" in err, f"{label}: a Danish error on stderr", err[-200:])
    after = (store / "sager" / f"{CASE}.json").read_bytes()
    if kind == "ny":
        report.check(len(common.case_files(store)) == before_count + (1 if visible else 0), f"{label}: no new case")
    elif visible:
        report.check(json.loads(after)["revision"] == json.loads(before_case)["revision"] + 1, f"{label}: renamed version visible, message says so",
                     err[-200:])
        report.check("måske gemt" in err, f"{label}: message says the change may be saved", err[-200:])
    else:
        report.check(after == before_case, f"{label}: old revision byte-for-byte intact")
    report.check(common.temp_files(store) == [], f"{label}: no temp file left", str(common.temp_files(store)))
    if events_before is not None:
        events, _ = common.audit_events(store)
        report.check(len(events) == events_before, f"{label}: audit log unchanged", f"{events_before} -> {len(events)}")


def attempt(setup, label, kind, break_fn, unbreak_fn=None, preexec=None, extra_env=None, visible=False, audit_unchanged=False):
    report = setup.report
    tmp, store = setup.fresh()
    try:
        cmds = commands(tmp)
        args, env = cmds[kind]
        env = dict(env, **(extra_env or {}))
        before_case = (store / "sager" / f"{CASE}.json").read_bytes()
        before_count = len(common.case_files(store))
        if break_fn and break_fn(store) is False:
            report.figure(f"{label}: skipped (cannot make the folder unwritable here)")
            return
        events_before = len(common.audit_events(store)[0]) if audit_unchanged else None
        try:
            rc, out, err = common.run(setup.bin, args, store, extra_env=env, preexec_fn=preexec)
        finally:
            if unbreak_fn:
                unbreak_fn(store)
        check_failed_write(report, f"{label} / {kind}", store, before_case, before_count, rc, out, err, kind, visible=visible,
                           events_before=events_before)
        # Afterwards, repaired, the store works again.
        rc, out, err = common.run(setup.bin, ["liste", "--json"], store)
        report.check(rc == 0, f"{label} / {kind}: unge liste afterwards", err[-200:])
    finally:
        for p in store.rglob("*"):
            immutable(p, False) if p.is_dir() else None
        shutil.rmtree(tmp, ignore_errors=True)


def audit_reads(setup):
    """With the audit log unwritable, reading commands show nothing."""
    report = setup.report
    for how in ("file", "immutable"):
        tmp, store = setup.fresh()
        month = next((store / "log").iterdir())
        if how == "file":
            shutil.rmtree(store / "log")
            (store / "log").write_text("ikke en mappe\n")
        elif not immutable(month, True):
            report.figure("audit log immutable: skipped")
            continue
        before = common.hash_tree(store)
        for args in (["vis", CASE], ["vis", CASE, "--json"], ["liste", "--soeg", "Sofie"], ["log", CASE], ["vis", CASE, "--vis-cpr"]):
            rc, out, err = common.run(setup.bin, args, store)
            label = f"audit log unwritable ({how}) / {' '.join(args)}"
            report.check(rc == 3, f"{label}: exit 3", f"rc={rc}")
            report.check(out.strip() == "", f"{label}: nothing shown", out[:200])
            report.check("Revisionssporet" in err and "intet vist eller ændret" in err, f"{label}: says the audit log failed", err[-200:])
        if how == "immutable":
            immutable(month, False)
        after = common.hash_tree(store)
        report.check(common.diff_trees(before, after, ignore=("indeks.tsv", "log/.indeks")) == [], f"audit log unwritable ({how}): store unchanged",
                     str(common.diff_trees(before, after, ignore=("indeks.tsv", "log/.indeks"))[:5]))
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--bin")
    args = ap.parse_args()
    binary = common.binary_from_args(args)
    report = common.Report("io")
    setup = Setup(binary, report)
    kinds = ["notat", "rediger", "underret", "ny"]

    def month_of(store):
        return next((store / "log").iterdir())

    def log_as_file(store):
        shutil.rmtree(store / "log")
        (store / "log").write_text("ikke en mappe\n")

    def log_back(store):
        (store / "log").unlink()

    def locks_as_file(store):
        shutil.rmtree(store / "laase")
        (store / "laase").write_text("ikke en mappe\n")

    for kind in kinds:
        # Full disk: the case file cannot be written (EFBIG); the audit event (about 300 bytes) could.
        # (A new case from `ny` is smaller than 700 bytes: the 16-byte limit covers it.)
        if kind != "ny":
            attempt(setup, "full disk (RLIMIT_FSIZE 700)", kind, None, preexec=fsize_limit(700))
        # Full disk for everything: even the audit event cannot be written.
        attempt(setup, "full disk (RLIMIT_FSIZE 16)", kind, None, preexec=fsize_limit(16), audit_unchanged=True)
        attempt(setup, "sager/ unwritable", kind, lambda s: immutable(s / "sager", True), lambda s: immutable(s / "sager", False))
        attempt(setup, "laase/ is a file", kind, locks_as_file)
        if kind != "ny" and os.geteuid() == 0:
            # An immutable case file: the rename over it really fails (EPERM) after the audit event.
            attempt(setup, "case file immutable (rename fails)", kind, lambda s: immutable(s / "sager" / f"{CASE}.json", True),
                    lambda s: immutable(s / "sager" / f"{CASE}.json", False))
        attempt(setup, "log/ is a file", kind, log_as_file, log_back, audit_unchanged=True)
        attempt(setup, "log/<month>/ unwritable", kind, lambda s: immutable(month_of(s), True),
                lambda s: immutable(month_of(s), False), audit_unchanged=True)
        for step in common.STEPS:
            attempt(setup, f"EIO at {step}", kind, None, extra_env={"UNGE_TEST_FAIL_AT": step}, visible=(step == "dirfsync"))
    audit_reads(setup)
    common.main_exit(report.finish())


if __name__ == "__main__":
    main()
