#!/usr/bin/env python3
"""Hostile text, CPR spellings, --ud targets and extreme dates (issue 10, items 2, 5, 6, 9).

Four parts, each against throw-away copies of the fixture store:

- escapes: escape sequences (window title, clear screen, hidden text, OSC 8 links, C1 CSI), bidi
  overrides, CR, BEL and DEL put into every free-text field (`ny`, `notat`, `netvaerk`, `vaerktoej`,
  every text answer of `underret`, `undersoeg`, `plan`, `behandlingsplan`), then every command that
  shows them (`liste`, `vis`, `vis --json`, `log`, `frister`, the documents as md, html and json):
  no raw control character on stdout or stderr, JSON still valid, and forged Markdown (a heading,
  a field, a list item, a table row, a link, HTML) never appears as syntax in a Markdown document.
- cpr: substitute CPR numbers written with every separator (`-`, none, en/em dash, minus, NBSP,
  thin and other spaces, `/`, `.`, ` - `) and in full-width digits, mixed: as search criterion,
  `--bruger`, a case id, a name, a note, `alder`, `--cpr`: the serial is never on stdout without
  `--vis-cpr`, never on stderr, never in the audit log, the index or any file name.
- ud: `--ud` into the store (`sager/`, `log/`, via `..`, via a symbolic link) and onto special
  files (a folder, a FIFO, /dev/full, /dev/null, a symbolic link, a hard link to a case file, an
  existing file when run as root) for `underret`, `plan`, `undersoeg` and `behandlingsplan`: exit 2
  within 10 s, the store byte-for-byte unchanged. As root, a target that passes the check but
  cannot be created (/proc): exit 3, the message says the notification IS saved and gives the
  command that prints it again, which works and saves nothing.
- dates: years 0001, 1857, 2201, 9999 in every date option and in UNGE_NU, and case files with
  year 0001/9999/10000 times, revisions and counters of Int.max, Int.min and beyond: never a
  signal (the SIGILL trap), always exit 0-3, and a Danish "Fejl:" message for 2 and 3.

    python3 Harness/hardening.py            # full
    python3 Harness/hardening.py --quick    # CI size
"""

import argparse
import json
import os
import random
import re
import shutil
import stat
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

PLAN = common.REPO / "Fixtures" / "plan"
UNDERRET = common.REPO / "Fixtures" / "underret" / "eksempel.json"

HOSTILE = [
    "\x1b]0;OVERTAGET\x07",  # window title
    "\x1b[2J\x1b[H",  # clear screen
    "\x1b[8mskjult\x1b[0m",  # hidden text
    "\x1b]8;;https://ond.example\x1b\\klik\x1b]8;;\x1b\\",  # OSC 8 link
    "\x9b31m",  # C1 CSI
    "\u202egnp.exe",  # right-to-left override
    "\u2066isolat\u2069",
    "linje\roverskrevet",
    "\x7f\x00\x08",
]
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]")

FORGED = "\n## FALSK OVERSKRIFT\n- **FALSK FELT:** x\n| FALSK | RÆKKE |\n[FALSK LINK](https://ond.example)\n<b>FALSK HTML</b>"
FORGED_LINE = re.compile(r"^\s*(## FALSK|- \*\*FALSK|\| FALSK|1\. FALSK)", re.M)


def inject(value, payload):
    """Appends `payload` to every free-text string (one with a space) in a JSON value."""
    if isinstance(value, dict):
        return {k: inject(v, payload) for k, v in value.items()}
    if isinstance(value, list):
        return [inject(v, payload) for v in value]
    if isinstance(value, str) and " " in value:
        return value + " " + payload
    return value


def check_output(report, where, rc, out, err, is_json=False):
    ok = rc >= 0
    report.check(ok, f"{where}: no signal", f"rc={rc}")
    bad = RAW_CONTROL.search(out) or RAW_CONTROL.search(err)
    report.check(not bad, f"{where}: no raw control character on stdout/stderr",
                 repr((out + err)[max(0, (bad.start() if bad else 0) - 30):][:80]) if bad else "")
    if is_json and rc == 0 and out.strip():
        report.check(common.parse_json(out) is not None, f"{where}: JSON still valid", out[:120])


def part_escapes(binary, report, quick):
    tmp = common.tempdir("unge-hard-esc-")
    payloads = HOSTILE if not quick else HOSTILE[:5] + HOSTILE[5:6]
    runs = 0
    forged_seen = []
    for n, payload in enumerate(payloads):
        store = common.new_store(tmp / f"s{n}")
        file_payload = payload
        payload = payload.replace("\x00", "")  # argv cannot hold NUL; the JSON files below do
        text = "Tekst " + payload + FORGED
        cmds = [
            ["ny", "--navn", "Navn " + payload, "--foedselsdato", "2010-01-01", "--skole", "Skole " + payload],
            ["notat", "2026-0001", text],
            ["netvaerk", "2026-0001", "--tilfoej", "Mor " + payload, "--relation", "mor " + payload, "--arena", "familie"],
            ["vaerktoej", "2026-0001", "--type", "livslinje", "--resume", text],
        ]
        files = {
            "u.json": inject(json.loads(UNDERRET.read_text()), "U " + file_payload + FORGED),
            "und.json": inject(json.loads((PLAN / "undersoegelse.json").read_text()), "X " + file_payload + FORGED),
            "plan.json": inject(json.loads((PLAN / "plan.json").read_text()), "P " + file_payload + FORGED),
            "bp.json": inject(json.loads((PLAN / "behandlingsplan.json").read_text()), "B " + file_payload + FORGED),
        }
        for name, data in files.items():
            (tmp / f"{n}-{name}").write_text(json.dumps(data, ensure_ascii=False))
        cmds += [
            ["underret", "--fra-fil", str(tmp / f"{n}-u.json")],
            ["undersoeg", "2026-0003", "--fra-fil", str(tmp / f"{n}-und.json"), "--kladde"],
            ["plan", "2026-0003", "--fra-fil", str(tmp / f"{n}-plan.json"), "--kladde"],
            ["behandlingsplan", "2026-0003", "--fra-fil", str(tmp / f"{n}-bp.json"), "--kladde"],
        ]
        for args in cmds:
            rc, out, err = common.run(binary, args, store)
            runs += 1
            check_output(report, f"{args[0]} with payload {n}", rc, out, err)
            if FORGED_LINE.search(out):
                forged_seen.append(f"{args[0]}: {FORGED_LINE.search(out).group(0)!r}")
        shows = [["liste"], ["liste", "--json"], ["vis", "2026-0001"], ["vis", "2026-0001", "--json"], ["vis", "2026-0008"],
                 ["vis", "2026-0003"], ["log", "2026-0001"], ["frister", "--alle"], ["frister", "--alle", "--json"],
                 ["netvaerk", "2026-0001"], ["vaerktoej", "2026-0001"], ["plan", "2026-0003", "--historik"]]
        for fmt in ("md", "html", "json"):
            shows += [["undersoeg", "2026-0003", "--udskriv", "--format", fmt], ["behandlingsplan", "2026-0003", "--udskriv", "--format", fmt],
                      ["plan", "2026-0003", "--udskriv", "--format", fmt], ["underret", "--sag", "2026-0008", "--udskriv", "1", "--format", fmt]]
        for args in shows:
            rc, out, err = common.run(binary, args, store)
            runs += 1
            check_output(report, " ".join(args[:3]) + f" payload {n}", rc, out, err, is_json="json" in args or "--json" in args)
            if "html" not in args and "json" not in args and "--json" not in args and FORGED_LINE.search(out):
                forged_seen.append(f"{' '.join(args)}: {FORGED_LINE.search(out).group(0)!r}")
            if "html" in args:
                report.check("<b>FALSK HTML</b>" not in out, f"{' '.join(args)}: HTML from free text escaped")
    report.check(not forged_seen, "no forged heading, field, table row or list item in any Markdown output", "; ".join(forged_seen[:4]))
    report.figure(f"escapes: {len(payloads)} payloads in every free-text field, {runs} command runs")
    shutil.rmtree(tmp, ignore_errors=True)


# MARK: CPR

SEPARATORS = ["-", "", "\u2013", "\u2014", "\u2212", "\u2010", "\u00a0", "\u202f", "\u2009", "\u3000", " ", "/", ".",
              " - ", " \u2013 ", "\u00a0-\u00a0", "\t", "\uff0d", "\uff0f"]
FULLWIDTH = {str(d): chr(0xFF10 + d) for d in range(10)}


def spell(cpr, rng, sep=None):
    """A substitute CPR number DDMMYY-SSSS with a separator and a random mixture of full-width digits."""
    digits = cpr.replace("-", "")
    mixed = "".join(FULLWIDTH[c] if rng.random() < 0.3 else c for c in digits)
    return mixed[:6] + (sep if sep is not None else rng.choice(SEPARATORS)) + mixed[6:]


def serial_forms(cpr):
    s = cpr[-4:]
    return {s, "".join(FULLWIDTH[c] for c in s)}


def shows_serial(text, cpr):
    # Any mixture of ASCII and full-width digits of the serial.
    s = cpr[-4:]
    pattern = "".join(f"[{c}{FULLWIDTH[c]}]" for c in s)
    return re.search(r"(?<![0-9\uff10-\uff19])" + pattern + r"(?![0-9\uff10-\uff19])", text) is not None


def shows_number(text, cpr):
    """The whole number (date part, a separator of up to 5 non-digits, serial) in any digits: for
    store files and names, where random hex ids and pids may hold any 4 digits."""
    d = cpr.replace("-", "")
    part = lambda ds: "".join(f"[{c}{FULLWIDTH[c]}]" for c in ds)
    return re.search(part(d[:6]) + r"[^0-9\uff10-\uff19]{0,5}" + part(d[6:]), text) is not None


def part_cpr(binary, report, quick, rng):
    tmp = common.tempdir("unge-hard-cpr-")
    store = common.new_store(tmp)
    n = 40 if quick else 400
    leaks = []
    runs = 0
    found = 0
    searches = 0
    cprs = []
    for i in range(n):
        y, m, d = rng.randint(2001, 2013), rng.randint(1, 12), rng.randint(1, 28)
        cprs.append(f"{d + 60:02d}{m:02d}{y % 100:02d}-4{rng.randint(0, 999):03d}")
    ids = {}
    for i, cpr in enumerate(cprs):
        sep = SEPARATORS[i % len(SEPARATORS)]
        typed = spell(cpr, rng, sep)
        steps = [
            (["ny", "--navn", f"Person {i}", "--cpr", typed, "--json"], False),
            # A user name with a control character (a tab) is refused (issue 22), so the name's
            # spelling uses the visible separators; the refusal itself is checked below.
            (["liste", "--soeg", spell(cpr, rng), "--bruger", "bruger " + spell(cpr, rng, rng.choice([x for x in SEPARATORS if x != "\t"]))], False),
            (["liste", "--bruger", "bruger " + spell(cpr, rng, "\t")], False),
            (["vis", spell(cpr, rng)], False),
            (["alder", spell(cpr, rng)], False),
            (["ny", "--navn", "Navn " + spell(cpr, rng), "--foedselsdato", "2010-01-01", "--json"], False),
        ]
        if not quick or i % 4 == 0:
            steps += [
                (["notat", "2026-0001", "Ringede fra " + spell(cpr, rng) + " i dag"], False),
                (["liste", "--ukendt-valg", spell(cpr, rng)], False),
                (["alder", spell(cpr, rng) + "9"], False),
            ]
        for args, reveals in steps:
            rc, out, err = common.run(binary, args, store)
            runs += 1
            if args[0] == "ny" and "--cpr" in args:
                if report.check(rc == 0, f"ny --cpr in spelling {sep!r} is accepted", err[-150:]):
                    ids[cpr] = json.loads(out)["id"]
            if args[0] == "liste" and "--soeg" in args:
                searches += 1
                if cpr in ids and ids[cpr] in out:
                    found += 1
            if shows_serial(err, cpr) or (not reveals and shows_serial(out, cpr)):
                leaks.append(f"{' '.join(a.encode('unicode_escape').decode() for a in args)[:70]}")
    report.check(not leaks, "no CPR serial on stderr or on stdout without --vis-cpr, in any spelling", "; ".join(leaks[:4]))
    report.check(found == searches, f"a search on a CPR number in any spelling finds the case ({found}/{searches})")
    file_leaks = []
    for dirpath, _, filenames in os.walk(store):
        for name in filenames:
            p = Path(dirpath) / name
            rel = str(p.relative_to(store))
            if any(shows_number(rel, c) for c in cprs):
                file_leaks.append(rel)
            if rel.startswith("sager/"):
                continue
            text = p.read_bytes().decode("utf-8", "replace")
            hit = next((c for c in cprs if shows_number(text, c)), None)
            if hit:
                file_leaks.append(f"{rel} ({hit[:6]}-....)")
    report.check(not file_leaks, "no CPR serial in the audit log, the index, locks or any file name", "; ".join(file_leaks[:4]))
    in_cases = sum(1 for p in common.case_files(store) if any(shows_number(p.read_text(), c) for c in cprs))
    report.check(in_cases >= len(ids) > 0, f"the scan does find the numbers in the case files ({in_cases})")
    report.figure(f"cpr: {len(cprs)} numbers in {len(SEPARATORS)} separators with full-width mixtures, {runs} runs, "
                  f"{len(leaks)} leaks in output, {len(file_leaks)} in store files, {found}/{searches} searches found")
    shutil.rmtree(tmp, ignore_errors=True)


# MARK: --ud


def part_ud(binary, report, quick):
    tmp = common.tempdir("unge-hard-ud-")
    store = common.new_store(tmp)
    common.run(binary, ["liste"], store)  # let unge create its folders
    outside = tmp / "ude"
    outside.mkdir()
    fifo = outside / "fifo"
    os.mkfifo(fifo)
    (outside / "mappe").mkdir()
    os.symlink(outside / "findes-ikke.md", outside / "link.md")
    os.symlink(store, outside / "lagerlink")
    os.symlink(store / "sager", outside / "sagerlink")
    os.link(store / "sager" / "2026-0001.json", outside / "haardt.md")
    existing = outside / "findes.md"
    existing.write_text("gammelt")
    targets = [
        str(store / "sager" / "2026-0001.json"), str(store / "sager" / "ny.md"), str(store / "log" / "x.json"),
        str(store / "indeks.tsv"), str(store / "sager" / ".." / "log" / "y.md"), str(outside / "lagerlink" / "sager" / "z.md"),
        str(outside / "sagerlink" / ".." / "ny.md"), str(store), str(outside / "mappe"), str(fifo), "/dev/full", "/dev/null",
        str(outside / "link.md"), str(outside / "haardt.md"), str(outside / "mappe") + "/",
    ]
    if os.geteuid() == 0:
        targets.append(str(existing))
    commands = [
        ["underret", "--fra-fil", str(UNDERRET)],
        ["plan", "2026-0003", "--fra-fil", str(PLAN / "plan.json")],
        ["undersoeg", "2026-0003", "--fra-fil", str(PLAN / "undersoegelse.json")],
        ["behandlingsplan", "2026-0003", "--fra-fil", str(PLAN / "behandlingsplan.json")],
    ]
    if quick:
        commands = commands[:2]
    before = common.hash_tree(store)
    slow = []
    bad = []
    for args in commands:
        for t in targets:
            start = time.monotonic()
            try:
                rc, out, err = common.run(binary, args + ["--ud", t], store, timeout=10)
            except Exception:
                rc, err = -999, "hang (timeout 10 s)"
            took = time.monotonic() - start
            if took > 5:
                slow.append(f"{args[0]} {t} {took:.1f}s")
            if rc != 2 or "Fejl:" not in err or "--ud" not in err:
                bad.append(f"{args[0]} --ud {t}: rc={rc} {err.strip()[-120:]}")
    after = common.hash_tree(store)
    report.check(not bad, "--ud onto special files and into the store: exit 2 with a Danish message", "; ".join(bad[:4]))
    report.check(not slow, "--ud never hangs (FIFO)", "; ".join(slow[:3]))
    changed = common.diff_trees(before, after)
    report.check(not changed, "the store is byte-for-byte unchanged after every refused --ud", ", ".join(changed[:5]))
    report.check(existing.read_text() == "gammelt" or os.geteuid() != 0, "as root an existing file is never replaced")
    report.check(os.stat(store / "sager" / "2026-0001.json").st_nlink == 2, "the hard-linked case file is intact")
    reprinted = "skipped (not root)"
    if os.geteuid() == 0:
        fresh = common.new_store(tmp / "ny", cases=False)
        rc, out, err = common.run(binary, ["underret", "--fra-fil", str(UNDERRET), "--ud", "/proc/unge-harness.md"], fresh)
        report.check(rc == 3, "a write that fails after the save: exit 3", f"rc={rc}")
        report.check("IKKE gået tabt" in err and "Slet den, og prøv igen" not in err, "it says the case and notification ARE saved", err[-200:])
        m = re.search(r"^  (unge underret .*)$", err, re.M)
        report.check(m is not None, "it gives the command that prints the document again", err[-200:])
        if m:
            again = m.group(1).split()[1:]
            again = again[: again.index("--ud")] + ["--ud", str(outside / "igen.md")]
            rc2, _, err2 = common.run(binary, again, fresh)
            report.check(rc2 == 0 and "# Underretning" in (outside / "igen.md").read_text(), "that command prints it", err2[-200:])
        report.check(len(common.case_files(fresh)) == 1, "no second case was created")
        reprinted = "checked"
    report.figure(f"ud: {len(commands)} commands x {len(targets)} targets refused, store unchanged: {not changed}; failure after save: {reprinted}")
    shutil.rmtree(tmp, ignore_errors=True)


# MARK: Dates and numbers


def part_dates(binary, report, quick):
    tmp = common.tempdir("unge-hard-dates-")
    store = common.new_store(tmp)
    years = ["0001", "1857", "2201", "9999"]
    crashes, undanish = [], []
    runs = 0

    def probe(args, extra=None, where=None):
        nonlocal runs
        rc, out, err = common.run(binary, args, where or store, extra_env=extra)
        runs += 1
        if rc < 0 or rc > 3:
            crashes.append(f"{' '.join(args)[:70]} {extra or ''}: rc={rc}")
        elif rc >= 2 and not err.startswith("Fejl:"):
            undanish.append(f"{' '.join(args)[:70]}: {err[:80]!r}")
        return rc

    for y in years:
        for md in (["12-31"] if quick else ["01-01", "12-31", "02-29"]):
            d = f"{y}-{md}"
            for args in [["undersoeg", "2026-0001", "--opmaerksom", d], ["undersoeg", "2026-0001", "--afsluttet", d],
                         ["frist", "--fra", d, "--hverdage", "3650"], ["frist", "--fra", d, "--dage", "-3650"], ["alder", d],
                         ["ny", "--navn", "X", "--foedselsdato", d], ["frister", "--dato", d], ["check", "--sag", "2026-0001", "--dato", d],
                         ["plan", "2026-0003", "--dato", d, "--fra-fil", str(PLAN / "plan.json")], ["underret", "--fra-fil", str(UNDERRET), "--modtaget", d + " 09:30"]]:
                probe(args)
            probe(["liste"], {"UNGE_NU": d + "T12:00:00Z"})
    for extreme in ["2200-12-31", "1858-01-01"]:
        probe(["frist", "--fra", extreme, "--hverdage", "3650"])
        probe(["frist", "--fra", extreme, "--maaneder", "1200"])
    # Case files with extreme numbers and times.
    src = (common.FIXTURE_CASES / "2026-0001.json").read_text()
    edits = [(r'"revision" : \d+', f'"revision" : {v}') for v in ["9223372036854775807", "-9223372036854775808", "99999999999999999999", "1000000001"]]
    edits += [(r'"counter" : \d+', f'"counter" : {v}') for v in ["9223372036854775807", "-1"]]
    edits += [(r'"(created|updated|time)" : "\d{4}', r'"\1" : "' + y) for y in ["9999", "0001", "10000"]]
    edits += [(r'"birthDate" : "\d{4}', '"birthDate" : "9999')]
    for k, (pat, rep) in enumerate(edits if not quick else edits[::2]):
        s = common.new_store(tmp / f"c{k}")
        (s / "sager" / "2026-0001.json").write_text(re.sub(pat, rep, src))
        before = common.hash_tree(s / "sager")
        for args in [["vis", "2026-0001"], ["notat", "2026-0001", "x"], ["liste"], ["frister", "--alle"], ["check", "--sag", "2026-0001"], ["log", "2026-0001"]]:
            probe(args, where=s)
        report.check(not common.diff_trees(before, common.hash_tree(s / "sager")), f"case file with {rep[:30]} unchanged")
    # A case file name with a huge sequence number.
    s = common.new_store(tmp / "seq", cases=False)
    (s / "sager" / "2026-9223372036854775807.json").write_text(src.replace('"2026-0001"', '"2026-9223372036854775807"'))
    rc = probe(["ny", "--navn", "Ny", "--foedselsdato", "2010-01-01"], where=s)
    report.check(rc == 0, "ny next to a case numbered 2026-9223372036854775807 works")
    report.check(not crashes, "extreme dates and numbers never trap (no signal, exit 0-3)", "; ".join(crashes[:4]))
    report.check(not undanish, "exit 2/3 always with a Danish 'Fejl:' message", "; ".join(undanish[:4]))
    report.figure(f"dates: {runs} runs with years {', '.join(years)} and extreme revisions/counters: {len(crashes)} traps")
    shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--bin")
    ap.add_argument("--only", choices=["escapes", "cpr", "ud", "dates"], nargs="*")
    args = ap.parse_args()
    binary = common.binary_from_args(args)
    report = common.Report("hardening")
    rng = random.Random(10)
    parts = args.only or ["escapes", "cpr", "ud", "dates"]
    for part in parts:
        t = time.monotonic()
        {"escapes": lambda: part_escapes(binary, report, args.quick), "cpr": lambda: part_cpr(binary, report, args.quick, rng),
         "ud": lambda: part_ud(binary, report, args.quick), "dates": lambda: part_dates(binary, report, args.quick)}[part]()
        report.figure(f"{part}: {time.monotonic() - t:.1f} s")
    common.main_exit(report.finish())


if __name__ == "__main__":
    main()
