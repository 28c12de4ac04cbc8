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

    python3 Harness/hostile.py [--quick] [--workers 2] [--bin PATH]
"""

import argparse
import hashlib
import json
import os
import random
import shutil
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


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--skip-mutations", action="store_true")
    ap.add_argument("--flip-cases", nargs="*", default=MUTATE, help="cases to flip every bit of (default: all three)")
    ap.add_argument("--bin")
    args = ap.parse_args()
    binary = common.binary_from_args(args)
    report = common.Report("hostile")
    store_corpus(binary, report, args.quick)
    if not args.skip_mutations:
        mutation_run(binary, report, args.quick, args.workers, args.flip_cases)
    common.main_exit(report.finish())


if __name__ == "__main__":
    main()
