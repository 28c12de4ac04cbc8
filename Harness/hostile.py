#!/usr/bin/env python3
"""Hostile input: broken case files, broken --fra-fil input and hostile case ids.

1. Every file in Fixtures/fjendtlig/*.json, plus ones generated here (JSON nested 10,000 deep, a
   10 MB string, a folder, a symbolic link, a FIFO), is put in a store next to the fixture cases as
   `sager/2026-0099.json`. Then `vis`, `vis --json`, `notat`, `rediger`, `log`, `liste`, `liste --json`:
   each refused with exit 3 and a Danish message naming `sager/2026-0099.json` (no crash, no hang),
   the other cases still listed, and the store byte-for-byte unchanged (every file hashed before and
   after; only new audit events and the derived index `indeks.tsv` may change).
2. The same files as `unge underret --fra-fil`: exit 2 with a Danish message, no case created.
3. Case ids with `../`, `/`, NUL-free oddities: exit 2 or 3, nothing outside the store touched.
4. Every-byte truncation and every-bit flip of three fixture cases (a sample in --quick): a flip that
   still decodes is fine; anything else must be refused as in 1.
5. The store's own folders only: `sager/`, `log/`, `laase/`, `rediger/`, `indeks.tsv` and
   `indstillinger.json` each replaced by a symbolic link to a folder outside holding look-alike
   entries (an abandoned-looking work folder, a temp file, a case, a lock): every command refuses
   (exit 3) and the outside folder keeps its content and mode. An existing folder others can read
   given as the store is refused and keeps its mode; a mistyped store path is not created (exit 3)
   except by `ny`, which says "Nyt lager oprettet i".
6. Settings that cannot be used (damaged, a link, a FIFO, a folder): `frister`, `frist` and
   `underret` stop with exit 3 instead of computing deadlines with defaults; no case is created.
7. Unknown data: fields a newer version or a person added (top level and nested, in objects and in
   array elements) survive `notat` and `rediger` on every fixture case.
8. One size limit: a case just under the 64 MB read limit; a note that would take it over is
   refused (exit 3) and the case stays readable (full run only, or --size-limit).

    python3 Harness/hostile.py [--quick] [--workers 2] [--bin PATH]
"""

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

CORPUS = common.REPO / "Fixtures" / "fjendtlig"
BAD = "2026-0099"
BAD_FILE = f"sager/{BAD}.json"
MUTATE = ["2026-0007", "2026-0006", "2026-0005"]  # the three smallest fixture cases
# Odd but valid: the decoder accepts these (a byte-order mark, a trailing comma, a 10 MB note).
# They must load and list normally, without a crash; everything else must be refused.
TOLERATED = {"bom.json", "efterstillet-komma.json", "stor-streng-10mb.json"}
EDITOR = f"python3 {common.REPO / 'Harness' / 'tools' / 'editor.py'}"


def generated(tmp):
    """Hostile files too big to commit: name -> bytes (or a callable that makes the path)."""
    base = json.loads((common.FIXTURE_CASES / "2026-0007.json").read_text())
    base["id"] = BAD
    out = {}
    out["dyb-10000.json"] = b'{"schemaVersion":1,"revision":1,"id":"2026-0099","x":' + b"[" * 10000 + b"]" * 10000 + b"}"
    out["dyb-objekt-100000.json"] = b'{"a":' * 100000 + b"1" + b"}" * 100000
    d = dict(base)
    d["journal"] = [{"author": "x", "time": "2026-04-13T09:30:00Z", "text": "A" * (10 * 1024 * 1024)}]
    out["stor-streng-10mb.json"] = json.dumps(d).encode()
    d = dict(base)
    d["schemaVersion"] = 1
    out["stor-fil-70mb.json"] = b" " * (70 * 1024 * 1024) + json.dumps(base).encode()
    return out


def corpus(tmp):
    items = [(p.name, p.read_bytes()) for p in sorted(CORPUS.glob("*.json"))]
    items += sorted(generated(tmp).items())
    return items


def place(store, name, content):
    """Puts a hostile entry at sager/2026-0099.json: bytes, or a special kind."""
    target = store / "sager" / f"{BAD}.json"
    if target.is_symlink() or target.is_file() or target.is_fifo():
        target.unlink()
    elif target.is_dir():
        shutil.rmtree(target)
    if content == "mappe":
        target.mkdir()
    elif content == "symlink":
        os.symlink(store / "sager" / "2026-0001.json", target)
    elif content == "fifo":
        os.mkfifo(target)
    else:
        target.write_bytes(content)
        os.chmod(target, 0o600)


def protected_tree(store):
    """The store's files, minus what reads may legitimately add: audit events, the derived index."""
    t = common.hash_tree(store)
    return {k: v for k, v in t.items() if not k.startswith("log") and not k.startswith("indeks.tsv")}


def check_refused(report, label, binary, store, others, full=True, timeout=60):
    """Runs the reading and writing commands on the bad case; all must refuse cleanly."""
    before = protected_tree(store)
    cmds = [["vis", BAD, "--json"], ["liste", "--json"]]
    if full:
        cmds += [["vis", BAD], ["notat", BAD, "x"], ["rediger", BAD], ["log", BAD], ["liste"]]
    for args in cmds:
        try:
            rc, out, err = common.run(binary, args, store, extra_env={"EDITOR": EDITOR}, timeout=timeout)
        except Exception as e:  # a hang
            report.check(False, f"{label} / {' '.join(args)}: finishes", str(e))
            continue
        what = f"{label} / {' '.join(args)}"
        report.check(rc == 3, f"{what}: exit 3", f"rc={rc} {err[-300:]}")
        report.check(BAD_FILE in err or (args[0] == "liste" and BAD_FILE in out), f"{what}: names {BAD_FILE}", err[-300:])
        report.check("Traceback" not in err and "Fatal error" not in err and "fatal" not in err.lower(), f"{what}: no crash text", err[-300:])
        if args[0] == "liste":
            if "--json" in args:
                doc = common.parse_json(out)
                listed = sorted(c["id"] for c in doc["cases"]) if doc else []
                report.check(listed == others, f"{what}: the other cases listed", str(listed))
                report.check(doc is not None and any(BAD_FILE in p for p in doc.get("problems", [])), f"{what}: problem names the file")
            else:
                report.check(all(o in out for o in others), f"{what}: the other cases listed")
        else:
            report.check(out.strip() == "", f"{what}: nothing on stdout", out[:200])
        if "Fejl:" not in err:
            report.check(False, f"{what}: Danish 'Fejl:' message", err[-200:])
    after = protected_tree(store)
    diff = common.diff_trees(before, after)
    report.check(diff == [], f"{label}: store byte-for-byte unchanged", str(diff[:5]))


def store_corpus(binary, report, quick):
    tmp = common.tempdir("unge-hostile-")
    store = common.new_store(tmp)
    others = sorted(p.stem for p in common.case_files(store))
    items = corpus(tmp) + [("(mappe)", "mappe"), ("(symbolsk link)", "symlink"), ("(fifo)", "fifo")]
    for name, content in items:
        place(store, name, content)
        if name in TOLERATED:
            for args in (["vis", BAD, "--json"], ["liste", "--json"]):
                rc, out, err = common.run(binary, args, store)
                doc = common.parse_json(out)
                report.check(rc == 0 and doc is not None, f"tolerated {name} / {' '.join(args)}: accepted", f"rc={rc} {err[-200:]}")
            listed = sorted(c["id"] for c in doc["cases"]) if doc else []
            report.check(listed == sorted(others + [BAD]), f"tolerated {name}: all cases listed", str(listed))
            continue
        check_refused(report, f"fjendtlig {name}", binary, store, others, full=True)
    place(store, "", b"")
    (store / "sager" / f"{BAD}.json").unlink()
    report.figure(f"store corpus: {len(items)} hostile case files x 7 commands")
    # The same inputs as --fra-fil for underret: a usage error, nothing created.
    n_before = len(common.case_files(store))
    for name, content in items:
        if not isinstance(content, bytes):
            continue
        f = tmp / "input.json"
        f.write_bytes(content)
        rc, out, err = common.run(binary, ["underret", "--fra-fil", str(f)], store)
        report.check(rc == 2, f"--fra-fil {name}: exit 2", f"rc={rc} {err[-200:]}")
        report.check(err.startswith("Fejl:"), f"--fra-fil {name}: Danish error", err[-200:])
    report.check(len(common.case_files(store)) == n_before, "--fra-fil corpus: no case created")
    # Hostile case ids.
    outside = tmp / "udenfor.json"
    outside.write_text('{"schemaVersion":1}')
    before = common.hash_tree(tmp)
    ids = ["../udenfor", "../../etc/passwd", "sager/2026-0001", "/etc/passwd", "2026-0001/..", "..", ".", "",
           "2026-0001.json", "-", "a" * 300, "2026-0001\n", "2026 0001", "ÆØÅ-1"]
    for cid in ids:
        for args in (["vis", cid], ["notat", cid, "x"], ["rediger", cid], ["log", cid]):
            rc, out, err = common.run(binary, args, store, extra_env={"EDITOR": EDITOR})
            label = f"id {cid[:20]!r} / {args[0]}"
            report.check(rc in (2, 3), f"{label}: exit 2 or 3", f"rc={rc}")
            report.check("Fejl:" in err and out.strip() == "", f"{label}: Danish error, nothing shown", err[-200:])
    after = common.hash_tree(tmp)
    diff = [k for k in common.diff_trees(before, after) if not k.startswith("lager/log") and k != "lager/indeks.tsv"]
    report.check(diff == [], "hostile ids: nothing outside the audit log changed", str(diff[:5]))
    report.figure(f"hostile ids: {len(ids)} ids x 4 commands")
    shutil.rmtree(tmp, ignore_errors=True)


def mutations(case_bytes, quick, rng):
    n = len(case_bytes)
    cuts = list(range(n))
    flips = [(i, b) for i in range(n) for b in range(8)]
    if quick:
        cuts = rng.sample(cuts, 15)
        flips = rng.sample(flips, 25)
    for c in cuts:
        yield f"truncated at {c}", case_bytes[:c]
    for i, b in flips:
        m = bytearray(case_bytes)
        m[i] ^= 1 << b
        yield f"bit {b} of byte {i} flipped", bytes(m)


def mutation_worker(binary, report, jobs, lock, counts):
    tmp = common.tempdir("unge-mutate-")
    store = common.new_store(tmp)
    all_ids = sorted(p.stem for p in common.case_files(store))
    while True:
        with lock:
            if not jobs:
                break
            case, label, content = jobs.pop()
        target = store / "sager" / f"{case}.json"
        original = target.read_bytes()
        target.write_bytes(content)
        before = protected_tree(store)
        rc, out, err = common.run(binary, ["vis", case, "--json"], store, timeout=60)
        what = f"{case} {label}"
        with lock:
            if rc == 0:
                counts["accepted"] += 1
                report.check(common.parse_json(out) is not None, f"{what}: accepted and shown as JSON")
            else:
                counts["refused"] += 1
                report.check(rc == 3, f"{what}: exit 3", f"rc={rc} {err[-200:]}")
                report.check(f"sager/{case}.json" in err and "Fejl:" in err, f"{what}: Danish error naming the file", err[-200:])
        rc2, out2, err2 = common.run(binary, ["liste", "--json"], store, timeout=60)
        doc = common.parse_json(out2)
        listed = sorted(c["id"] for c in doc["cases"]) if doc else []
        others = [i for i in all_ids if i != case]
        after = protected_tree(store)
        with lock:
            report.check(all(o in listed for o in others), f"{what}: the other cases still listed", err2[-200:])
            report.check(rc2 == (0 if rc == 0 else 3), f"{what}: liste exit matches", f"vis {rc}, liste {rc2}")
            report.check(common.diff_trees(before, after) == [], f"{what}: store byte-for-byte unchanged")
        target.write_bytes(original)
        with lock:
            counts["done"] += 1
            if counts["done"] % 1000 == 0:
                print(f"  [hostile] progress: {counts['done']} mutations, {counts['refused']} refused, "
                      f"{counts['accepted']} accepted, {report.failed} failures so far", flush=True)
    shutil.rmtree(tmp, ignore_errors=True)


def mutation_run(binary, report, quick, workers, flip_cases):
    rng = random.Random(6)
    jobs = []
    for case in MUTATE:
        data = (common.FIXTURE_CASES / f"{case}.json").read_bytes()
        jobs += [(case, label, content) for label, content in mutations(data, quick, rng)
                 if case in flip_cases or not label.startswith("bit")]
    jobs.reverse()  # pop() from the end: in order
    total = len(jobs)
    counts = {"accepted": 0, "refused": 0, "done": 0}
    lock = threading.Lock()
    threads = [threading.Thread(target=mutation_worker, args=(binary, report, jobs, lock, counts)) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    report.figure(f"mutations: every-byte truncation of {', '.join(MUTATE)}, every-bit flip of {', '.join(flip_cases)}"
                  f"{' (a sample)' if quick else ''}: {total}: {counts['refused']} refused with a named "
                  f"Danish error, {counts['accepted']} still valid and accepted")


def underret_for_case(tmp):
    """The example notification without the young person's fields, for `underret --sag`."""
    doc = json.loads((common.REPO / "Fixtures" / "underret" / "eksempel.json").read_text())
    for key in [k for k in doc if k.startswith("young") and k not in ("youngPersonInformed", "youngPersonComments")]:
        del doc[key]
    path = Path(tmp) / "underret-sag.json"
    path.write_text(json.dumps(doc, ensure_ascii=False))
    return str(path)


def outside_folder(path):
    """A folder outside the store with entries that look like the store's own."""
    path.mkdir(parents=True)
    (path / "99999999.aBcDeF").mkdir()
    (path / "99999999.aBcDeF" / "sag-2026-0001.json").write_text("{}")
    (path / ".2026-0001.1.0badf00d.tmp").write_text("{}")
    shutil.copyfile(common.FIXTURE_CASES / "2026-0001.json", path / "2026-0001.json")
    (path / "2026-0001.lock").write_text("")
    (path / "indstillinger.json").write_text('{"schemaVersion": 1, "alsoClosed": true}')
    os.chmod(path, 0o755)


def tree_with_modes(path):
    return common.hash_tree(path), oct(os.lstat(path).st_mode & 0o7777)


def store_layout(binary, report):
    """Symbolic links in place of store folders and files, shared and mistyped store folders."""
    example = str(common.REPO / "Fixtures" / "underret" / "eksempel.json")
    commands = [["liste"], ["vis", "2026-0001"], ["notat", "2026-0001", "LAYOUT"], ["rediger", "2026-0001"],
                ["log", "2026-0001"], ["frister"], ["ny", "--navn", "Testa Test", "--foedselsdato", "2010-01-01"],
                ["underret", "--fra-fil", example]]
    for name in ["sager", "log", "laase", "rediger", "indeks.tsv", "indstillinger.json"]:
        tmp = common.tempdir("unge-layout-")
        store = common.new_store(tmp)
        common.run(binary, ["notat", "2026-0001", "FOERST"], store)  # log/ and laase/ exist
        common.run(binary, ["liste"], store)  # indeks.tsv exists
        outside = tmp / "udenfor"
        outside_folder(outside)
        entry = store / name
        if entry.is_dir():
            shutil.rmtree(entry)
        elif entry.exists():
            entry.unlink()
        os.symlink(outside / name if name.endswith((".tsv", ".json")) else outside, entry)
        if name.endswith(".tsv"):
            (outside / name).write_text("unge-indeks\t1\n")
        before = tree_with_modes(outside)
        refusing = commands if name != "indstillinger.json" else [c for c in commands if c[0] in ("frister", "underret")]
        for args in refusing:
            rc, out, err = common.run(binary, args, store, extra_env={"EDITOR": EDITOR}, timeout=60)
            what = f"symlinked {name} / {args[0]}"
            report.check(rc == 3, f"{what}: exit 3", f"rc={rc} {err[-200:]}")
            report.check(err.startswith("Fejl:") and (f"'{name}'" in err), f"{what}: a Danish message naming {name}", err[-300:])
        report.check(tree_with_modes(outside) == before, f"symlinked {name}: the folder outside is untouched (content and mode)",
                     str(common.diff_trees(before[0], common.hash_tree(outside))[:5]))
        shutil.rmtree(tmp, ignore_errors=True)
    report.figure("symlinked store folders and files: 6 kinds x up to 8 commands")

    # An existing folder others can read, given as the store.
    tmp = common.tempdir("unge-layout-")
    store = common.new_store(tmp)
    os.chmod(store, 0o750)
    before = common.hash_tree(store)
    for args in commands:
        rc, out, err = common.run(binary, args, store, extra_env={"EDITOR": EDITOR}, timeout=60)
        what = f"shared store folder / {args[0]}"
        report.check(rc == 3 and "rettigheder 750" in err, f"{what}: refused with an explanation", f"rc={rc} {err[-200:]}")
    report.check(oct(os.stat(store).st_mode & 0o7777) == "0o750", "shared store folder: its mode is not changed")
    report.check(common.hash_tree(store) == before, "shared store folder: nothing written in it")
    shutil.rmtree(tmp, ignore_errors=True)

    # A mistyped store path.
    tmp = common.tempdir("unge-layout-")
    typo = tmp / "lagr"
    for args in commands[:6] + [["indstillinger"], ["underret", "--sag", "2026-0001", "--fra-fil", underret_for_case(tmp)]]:
        rc, out, err = common.run(binary, args, typo, extra_env={"EDITOR": EDITOR}, timeout=60)
        what = f"mistyped store / {args[0]}"
        report.check(rc == 3 and "Der er intet lager i" in err, f"{what}: exit 3, no store there", f"rc={rc} {err[-200:]}")
        report.check(not typo.exists(), f"{what}: nothing created")
    for args in (commands[6], commands[7]):
        target = tmp / f"nyt-{args[0]}"
        rc, out, err = common.run(binary, args, target, timeout=60)
        report.check(rc == 0 and f"Nyt lager oprettet i {target}." in err, f"mistyped store / {args[0]}: creates it and says so",
                     f"rc={rc} {err[-200:]}")
        report.check(target.is_dir() and oct(os.stat(target).st_mode & 0o777) == "0o700", f"mistyped store / {args[0]}: 0700")
    shutil.rmtree(tmp, ignore_errors=True)


def settings_errors(binary, report):
    """Settings that cannot be used stop every deadline computation."""
    example = str(common.REPO / "Fixtures" / "underret" / "eksempel.json")
    for kind in ["beskadiget", "forkert type", "symbolsk link", "fifo", "mappe"]:
        tmp = common.tempdir("unge-settings-")
        store = common.new_store(tmp)
        settings = store / "indstillinger.json"
        if kind == "beskadiget":
            settings.write_text('{"schemaVersion": 1, "alsoClo')
        elif kind == "forkert type":
            settings.write_text('{"schemaVersion": 1, "alsoClosed": "ja"}')
        elif kind == "symbolsk link":
            (tmp / "andre.json").write_text('{"schemaVersion": 1, "alsoClosed": true}')
            os.symlink(tmp / "andre.json", settings)
        elif kind == "fifo":
            os.mkfifo(settings, 0o600)
        else:
            settings.mkdir()
        n_before = len(common.case_files(store))
        for args in (["frister"], ["frist", "--fra", "2026-12-22", "--hverdage", "3"], ["underret", "--fra-fil", example],
                     ["underret", "--sag", "2026-0002", "--fra-fil", underret_for_case(tmp)]):
            what = f"settings {kind} / {' '.join(args[:2])}"
            try:
                rc, out, err = common.run(binary, args, store, timeout=30)
            except subprocess.TimeoutExpired:
                report.check(False, f"{what}: finishes")
                continue
            report.check(rc == 3 and "indstillinger.json" in err and "standardindstillinger" in err,
                         f"{what}: exit 3 with a message", f"rc={rc} {err[-200:]}")
        report.check(len(common.case_files(store)) == n_before, f"settings {kind}: no case created")
        shutil.rmtree(tmp, ignore_errors=True)
    report.figure("settings errors: 5 kinds x 4 commands")


def unknown_fields(binary, report):
    """Fields this version does not know survive notat and rediger."""
    tmp = common.tempdir("unge-unknown-")
    store = common.new_store(tmp)
    cases = [p.stem for p in common.case_files(store)]

    def mark(doc):
        doc["fremtidigtFelt"] = {"niveau": 2, "liste": [1, "to", None]}
        doc.setdefault("youngPerson", {})["kaldenavn"] = "Kaldenavn"
        if doc.get("journal"):
            doc["journal"][0]["vigtighed"] = "høj"
        for person in doc.get("network", {}).get("people", [])[:1]:
            person["rolleFraNyVersion"] = "mentor"

    def check(doc, label):
        ok = doc.get("fremtidigtFelt") == {"niveau": 2, "liste": [1, "to", None]}
        ok = ok and doc["youngPerson"].get("kaldenavn") == "Kaldenavn"
        if doc.get("journal"):
            ok = ok and doc["journal"][0].get("vigtighed") == "høj"
        for person in doc.get("network", {}).get("people", [])[:1]:
            ok = ok and person.get("rolleFraNyVersion") == "mentor"
        report.check(ok, f"unknown fields: {label}: kept")

    for case in cases:
        path = store / "sager" / f"{case}.json"
        doc = json.loads(path.read_bytes())
        mark(doc)
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=2))
        rc, out, err = common.run(binary, ["notat", case, "NOTE-UNKNOWN", "--json"], store)
        report.check(rc == 0, f"unknown fields: {case} notat saved", err[-200:])
        check(json.loads(path.read_bytes()), f"{case} after notat")
        rc, out, err = common.run(binary, ["rediger", case], store, extra_env={"EDITOR": EDITOR, "HARNESS_MARKER": "EDIT-UNKNOWN"})
        report.check(rc == 0, f"unknown fields: {case} rediger saved", err[-200:])
        doc = json.loads(path.read_bytes())
        check(doc, f"{case} after rediger")
        report.check([e["text"] for e in doc["journal"]][-2:] == ["NOTE-UNKNOWN", "EDIT-UNKNOWN"], f"unknown fields: {case}: both changes in")
    report.figure(f"unknown fields: {len(cases)} cases x notat and rediger")
    shutil.rmtree(tmp, ignore_errors=True)


def size_limit(binary, report):
    """A save is refused where the next read would refuse."""
    tmp = common.tempdir("unge-size-")
    store = common.new_store(tmp)
    path = store / "sager" / "2026-0007.json"
    doc = json.loads(path.read_bytes())
    limit = 64 << 20
    text = "a" * 95_000
    entry = {"author": "harness", "time": "2026-04-13T09:30:00Z", "text": text}
    per = len(json.dumps(entry, indent=2)) + 10
    doc["journal"] = [dict(entry) for _ in range((limit - 150_000) // per)]
    raw = json.dumps(doc, ensure_ascii=False, indent=2).encode()
    path.write_bytes(raw)
    rc, out, err = common.run(binary, ["vis", "2026-0007", "--json"], store, timeout=300)
    report.check(rc == 0, f"size limit: a case of {len(raw) / 2**20:.1f} MB reads", err[-200:])
    before = path.read_bytes()
    n = 0
    while True:
        rc, out, err = common.run(binary, ["notat", "2026-0007", "b" * 95_000, "--json"], store, timeout=300)
        if rc != 0:
            break
        n += 1
        if n > 10:
            break
    report.check(rc == 3 and "64 MB" in err, "size limit: the note that would pass 64 MB is refused", f"rc={rc} {err[-200:]}")
    rc2, out2, err2 = common.run(binary, ["vis", "2026-0007", "--json"], store, timeout=300)
    report.check(rc2 == 0, "size limit: the case still reads after the refusal", err2[-200:])
    report.check(path.stat().st_size <= limit, "size limit: the file is within the read limit")
    report.figure(f"size limit: {n} notes saved, then refused at {path.stat().st_size / 2**20:.2f} MB")
    shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--skip-mutations", action="store_true")
    ap.add_argument("--flip-cases", nargs="*", default=MUTATE, help="cases to flip every bit of (default: all three)")
    ap.add_argument("--size-limit", action="store_true", help="run the 64 MB size-limit case also with --quick")
    ap.add_argument("--bin")
    args = ap.parse_args()
    binary = common.binary_from_args(args)
    report = common.Report("hostile")
    store_layout(binary, report)
    settings_errors(binary, report)
    unknown_fields(binary, report)
    if not args.quick or args.size_limit:
        size_limit(binary, report)
    store_corpus(binary, report, args.quick)
    if not args.skip_mutations:
        mutation_run(binary, report, args.quick, args.workers, args.flip_cases)
    common.main_exit(report.finish())


if __name__ == "__main__":
    main()
