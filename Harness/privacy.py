#!/usr/bin/env python3
"""Privacy: file modes under any umask, and CPR numbers only where they belong.

For umask 022 and 002, a fresh store gets N cases with synthetic CPR numbers (substitute numbers,
day + 60, so none can be real), then a randomized run of every command (`ny`, `liste` with filters
and a CPR search, `vis`, `vis --json`, `vis --vis-cpr`, `notat`, `rediger`, `underret` new and
`--sag`, `undersoeg`, `plan`, `behandlingsplan`, `netvaerk`, `vaerktoej`, `indstillinger`, `frister`,
`check`, `log`, `alder <CPR>`, `frist`, `helligdage`, `_taeller`, and the
mistakes a caseworker makes: a CPR number typed where a case id belongs, an invalid CPR).

Then: no file or folder in the store has a group or other permission bit; and no CPR number (with
or without the dash) appears in any file or folder name, lock file, the audit log, the derived
index, on stderr, or on stdout of any command run without `--vis-cpr`.

    python3 Harness/privacy.py               # 1,000 CPR numbers per umask
    python3 Harness/privacy.py --quick       # 60 per umask (CI)
"""

import argparse
import json
import os
import random
import re
import shutil
import stat
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

PLAN = common.REPO / "Fixtures" / "plan"
EDITOR = f"python3 {common.REPO / 'Harness' / 'tools' / 'editor.py'}"


def synthetic_cprs(n, rng):
    """Substitute CPR numbers (day + 60), born 2001-2013 (7th digit 4 means 2000-2036)."""
    out = set()
    while len(out) < n:
        y = rng.randint(2001, 2013)
        m = rng.randint(1, 12)
        d = rng.randint(1, 28)
        out.add(f"{d + 60:02d}{m:02d}{y % 100:02d}-4{rng.randint(0, 999):03d}")
    return sorted(out)


def forms(cpr):
    return [cpr, cpr.replace("-", ""), cpr.replace("-", " ")]


def scan_text(text, needles):
    """The CPR numbers (any form) found in `text`."""
    return [c for c, fs in needles if any(f in text for f in fs)]


def run_umask(binary, report, umask, n, rng):
    tmp = common.tempdir("unge-privacy-")
    store = tmp / "lager"  # created by unge itself, under this umask
    cprs = synthetic_cprs(n, rng)
    needles = [(c, forms(c)) for c in cprs]
    leaks = []
    outputs = 0
    exits = {}

    def run(args, extra=None, shows_cpr=False, input_text=None):
        nonlocal outputs
        rc, out, err = common.run(binary, args, store, extra_env=extra, umask=umask, input_text=input_text)
        outputs += 1
        key = f"{args[0]}:{rc}"
        exits[key] = exits.get(key, 0) + 1
        found = scan_text(err, needles)
        if not shows_cpr:
            found += scan_text(out, needles)
        if found:
            leaks.append(f"{' '.join(args)[:60]}: {found[:2]} in {'stderr' if scan_text(err, needles) else 'stdout'}")
        return rc, out, err

    ids = []
    by_cpr = {}
    for i, cpr in enumerate(cprs):
        rc, out, err = run(["ny", "--navn", f"Person {i:04d} Testesen", "--cpr", cpr, "--skole", "Byskolen", "--json"])
        if report.check(rc == 0, f"umask {umask:03o}: ny with CPR {i}", err[-200:]):
            cid = json.loads(out)["id"]
            ids.append(cid)
            by_cpr[cpr] = cid
    # A notification on a new case with a CPR number, and on an existing case.
    u = json.loads((common.REPO / "Fixtures" / "underret" / "eksempel.json").read_text())
    extra_cpr = cprs[0]
    u["youngCPR"] = extra_cpr
    f = tmp / "u.json"
    f.write_text(json.dumps(u, ensure_ascii=False))
    run(["underret", "--fra-fil", str(f)])
    run(["underret", "--fra-fil", str(f), "--format", "json"])
    for k in [k for k in u if k.startswith("young") and k not in ("youngPersonInformed", "youngPersonComments")]:
        del u[k]
    f.write_text(json.dumps(u, ensure_ascii=False))
    for cid in rng.sample(ids, min(len(ids), 20)):
        run(["underret", "--sag", cid, "--fra-fil", str(f)])
        run(["underret", "--sag", cid, "--fra-fil", str(f), "--format", "html"])
    run(["underret", "--sag", ids[0], "--fra-fil", str(f), "--vis-cpr"], shows_cpr=True)
    # A randomized run of every command.
    steps = max(200, n // 2)
    for _ in range(steps):
        cid = rng.choice(ids)
        cpr = rng.choice(cprs)
        choice = rng.randrange(20)
        if choice == 0:
            run(["liste"])
        elif choice == 1:
            run(["liste", "--json", "--alder", "12-25"])
        elif choice == 2:
            run(["liste", "--soeg", rng.choice([cpr, cpr.replace("-", ""), "Testesen", cpr[:6]])])
        elif choice == 3:
            run(["vis", cid])
        elif choice == 4:
            run(["vis", cid, "--json"])
        elif choice == 5:
            run(["vis", cid, "--vis-cpr"], shows_cpr=True)
        elif choice == 6:
            run(["notat", cid, "Samtale med den unge om skolen."])
        elif choice == 7:
            run(["rediger", cid], extra={"EDITOR": EDITOR, "HARNESS_MARKER": "rettet"})
        elif choice == 8:
            run(["frister", "--alle"])
        elif choice == 9:
            run(["check", "--sag", cid, "--json"])
        elif choice == 10:
            run(["log", cid])
        elif choice == 11:
            run(["alder", cpr])
        elif choice == 12:
            run(["alder", cpr, "--json"])
        elif choice == 13:
            run(["frist", "--fra", "2026-04-13", "--hverdage", "6"])
            run(["helligdage", "2026"])
        elif choice == 14:
            run(["_taeller", cid])
            run(["completion", "sagsnumre"])  # what shell completion offers: ids only
        elif choice == 15:
            # Mistakes: a CPR number where a case id belongs; an invalid CPR.
            run(["vis", rng.choice(forms(cpr))])
            run(["notat", cpr, "tekst"])
            run(["log", cpr])
        elif choice == 16:
            run(["undersoeg", cid, "--fra-fil", str(PLAN / "undersoegelse.json")])
            run(["plan", cid, "--fra-fil", str(PLAN / "plan.json"), "--aendring", "opfølgning"])
            run(["plan", cid, "--fra-fil", str(PLAN / "handleplan-voksen.json")])
            run(["plan", cid, "--historik"])
            run(["behandlingsplan", cid, "--fra-fil", str(PLAN / "behandlingsplan.json"), "--format", "html"])
        elif choice == 17:
            run(["netvaerk", cid, "--tilfoej", "Mor Testesen", "--relation", "mor", "--arena", "familie", "--kan-stoette"])
            run(["netvaerk", cid, "--json"])
            run(["vaerktoej", cid, "--type", "livslinje", "--resume", "Livslinje tegnet sammen"])
            run(["vaerktoej", cid])
            # Tools with content, their pictures, the printable overview and the anonymised copy.
            run(["vaerktoej", cid, "--type", "livshjul", "--score", "venner=4/8", "--resume", "Talte om venner"])
            run(["vaerktoej", cid, "--type", "livshjul", "--format", "svg"])
            run(["netvaerk", cid, "--format", "svg"])
            run(["vis", cid, "--format", "html"])
            rc, out, err = run(["eksport", cid, "--anonym", "--format", "json"])
            if "Testesen" in out or "Byskolen" in out:
                leaks.append(f"eksport --anonym {cid}: a name or school survives")
        elif choice == 18:
            run(["indstillinger", "--json"])
            run(["plan", cid, "--vis-cpr"], shows_cpr=True)
            run(["undersoeg", cid, "--format", "json"])
        else:
            bad = cpr[:4] + "13" + cpr[6:]  # month 13: invalid
            needles_bad = [(bad, forms(bad))]
            rc, out, err = common.run(binary, ["ny", "--navn", "Fejl", "--cpr", bad], store, umask=umask)
            rc2, out2, err2 = common.run(binary, ["alder", bad], store, umask=umask)
            if scan_text(out + err + out2 + err2, needles_bad):
                leaks.append(f"invalid CPR echoed: {(err + err2)[-150:]}")
            outputs += 2
    # What is in the store.
    report.check(not leaks, f"umask {umask:03o}: no CPR on stderr or on stdout without --vis-cpr", "; ".join(leaks[:4]))
    bad_modes, names, file_leaks = [], [], []
    for dirpath, dirnames, filenames in os.walk(store):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            st = p.lstat()
            if st.st_mode & 0o077:
                bad_modes.append(f"{p.relative_to(store)} {oct(st.st_mode & 0o777)}")
            if scan_text(str(p.relative_to(store)), needles):
                names.append(str(p.relative_to(store)))
            if stat.S_ISREG(st.st_mode) and not str(p.relative_to(store)).startswith("sager/"):
                if scan_text(p.read_bytes().decode("utf-8", "replace"), needles):
                    file_leaks.append(str(p.relative_to(store)))
    st = store.lstat()
    if st.st_mode & 0o077:
        bad_modes.append(f"(lageret) {oct(st.st_mode & 0o777)}")
    report.check(not bad_modes, f"umask {umask:03o}: no group/other bits on any file or folder", "; ".join(bad_modes[:5]))
    report.check(not names, f"umask {umask:03o}: no CPR in any file or folder name", "; ".join(names[:5]))
    report.check(not file_leaks, f"umask {umask:03o}: no CPR in audit log, locks, index or other store files", "; ".join(file_leaks[:5]))
    # The case files do hold the numbers (so the scan would have found them).
    found_in_cases = sum(1 for p in common.case_files(store) if scan_text(p.read_text(), needles))
    report.check(found_in_cases >= len(ids), f"umask {umask:03o}: the scan finds the CPR numbers in the case files", str(found_in_cases))
    n_files = sum(len(fs) + len(ds) for _, ds, fs in os.walk(store))
    report.figure(f"umask {umask:03o}: {len(cprs)} CPR numbers, {len(ids)} cases, {outputs} command runs, {n_files} files and folders "
                  f"checked: {len(bad_modes)} with group/other bits, {len(names)} CPR in names, {len(file_leaks)} in store files, "
                  f"{len(leaks)} in output")
    report.figure(f"umask {umask:03o}: exit codes by command: " + ", ".join(f"{k} x{v}" for k, v in sorted(exits.items())))
    shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--cprs", type=int)
    ap.add_argument("--bin")
    args = ap.parse_args()
    binary = common.binary_from_args(args)
    n = args.cprs or (60 if args.quick else 1000)
    report = common.Report("privacy")
    rng = random.Random(42)
    for umask in (0o022, 0o002):
        run_umask(binary, report, umask, n, rng)
    common.main_exit(report.finish())


if __name__ == "__main__":
    main()
