#!/usr/bin/env python3
"""The save lock: a live lock is never broken, a dead holder's lock is free at once, and a waiter
never waits longer than 5 s whatever the lock file holds.

Paused holder: a writer (`notat`) is stopped with SIGSTOP inside its save (developer hook
`UNGE_TEST_STOP_AT=audit`: it holds the lock and has checked the revision). While it is stopped,
for longer than any timeout (full: 35 s, beyond the old 30-s "stale" age; quick: the lock file's
age is set to an hour instead), other writers keep trying: each must exit 3 within 5 s (+ slack)
naming the holder's process, and none may save. Continued with SIGCONT, the paused writer saves;
every acknowledged note is present exactly once and the revision grew by the number of saves.

Killed holder: a writer is SIGKILLed while it holds the lock; the next writer saves at once (no
wait, no `unlock` event: nothing was broken, the kernel released the lock).

PID namespaces: writers run alternately in the harness's namespace and each in a new PID namespace
of its own (`unshare --pid --fork`, where available), all on one case, retrying conflicts and lock
waits: every acknowledged note present exactly once, revisions gained == acknowledged saves.

Odd lock files: the case's lock file replaced by a symbolic link (to a file outside the store), a
FIFO, a folder, a hard link, 4 KB of garbage, an empty file, and garbage with the lock held by
another process: a free lock with any content is taken at once; anything that is not a plain lock
file is refused (exit 3, the message names `laase/<id>.lock`) at once and its target is untouched;
a held lock makes the writer give up after 5 s (exit 3) instead of spinning.

    python3 Harness/lock.py                 # full: 35-s pause with 8 waiters, 8 x 45 notes in namespaces
    python3 Harness/lock.py --quick         # CI: aged lock with 3 waiters, 4 x 8 notes (debug build)
"""

import argparse
import fcntl
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

CASE = "2026-0001"
LOCKED = "er låst af"
CONFLICT = "er ændret af en anden"
WAIT_LIMIT = 5.0
SLACK = 2.5
TIMEOUT = 60


def journal_texts(store, case=CASE):
    doc = json.loads((store / "sager" / f"{case}.json").read_bytes())
    return [e["text"] for e in doc["journal"]], doc["revision"]


def lock_path(store, case=CASE):
    return store / "laase" / f"{case}.lock"


def start(binary, args, store, extra_env=None, prefix=()):
    return subprocess.Popen(list(prefix) + [binary] + list(args), env=common.base_env(store, extra_env),
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_stopped(proc, limit=30.0):
    """Waits until `proc` is stopped (state T in /proc); False if it ended or the time ran out."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if proc.poll() is not None:
            return False
        try:
            state = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return False
        if state in ("T", "t"):
            return True
        time.sleep(0.01)
    return False


def paused_holder(binary, tmp, report, pause_s, waiters, quick):
    """A writer stopped inside its save while others try: none saves, each gives up within 5 s."""
    store = common.new_store(tmp / "pause")
    _, rev0 = journal_texts(store)
    holder = start(binary, ["notat", CASE, "HOLDER-NOTE", "--json"], store, {"UNGE_TEST_STOP_AT": "audit"})
    if not report.check(wait_stopped(holder), "paused holder: the writer stopped inside its save (UNGE_TEST_STOP_AT=audit)"):
        holder.kill()
        return
    t_stop = time.monotonic()
    if quick:
        # The old code broke a lock whose file was older than 30 s: make it an hour old.
        old = time.time() - 3600
        os.utime(lock_path(store), (old, old))
    results = []
    lock = threading.Lock()

    def waiter(i):
        t = time.monotonic()
        rc, out, err = common.run(binary, ["notat", CASE, f"WAITER-{i}", "--json"], store, timeout=TIMEOUT)
        with lock:
            results.append((i, rc, err, time.monotonic() - t))

    threads = []
    # Waiters arrive spread over the pause (full) or all at once (quick).
    spacing = 0 if quick else max(0.0, (pause_s - WAIT_LIMIT - 1) / max(1, waiters - 1))
    for i in range(waiters):
        th = threading.Thread(target=waiter, args=(i,))
        th.start()
        threads.append(th)
        if spacing:
            time.sleep(spacing)
    for th in threads:
        th.join()
    remaining = pause_s - (time.monotonic() - t_stop)
    if remaining > 0:
        time.sleep(remaining)
    paused_for = time.monotonic() - t_stop
    holder.send_signal(signal.SIGCONT)
    out, err = holder.communicate(timeout=TIMEOUT)
    holder_ok = holder.returncode == 0 and '"revision"' in out.decode()
    report.check(holder_ok, "paused holder: saves after SIGCONT", f"rc={holder.returncode} {err.decode()[-200:]}")
    saved_waiters = [i for i, rc, _, _ in results if rc == 0]
    report.check(not saved_waiters, "paused holder: no waiter saved while the lock was held (the lock was never broken)",
                 str(saved_waiters))
    for i, rc, err, dt in results:
        report.check(rc == 3 and LOCKED in err and f"proces {holder.pid} " in err,
                     f"paused holder: waiter {i} exits 3 naming the holder's process", f"rc={rc} {err[-200:]}")
        report.check(dt <= WAIT_LIMIT + SLACK, f"paused holder: waiter {i} gave up within {WAIT_LIMIT:.0f} s", f"{dt:.1f} s")
    texts, rev = journal_texts(store)
    acked = ["HOLDER-NOTE"] if holder_ok else []
    missing = [m for m in acked if texts.count(m) != 1]
    report.check(not missing, "paused holder: every acknowledged note present exactly once", str(missing))
    report.check(not any(t.startswith("WAITER-") for t in texts), "paused holder: no refused note in the case")
    report.check(rev - rev0 == len(acked), "paused holder: revisions gained == acknowledged saves", f"{rev0} -> {rev}")
    events, _ = common.audit_events(store)
    report.check(not any(e.get("action") == "unlock" for e in events), "paused holder: no lock broken (no unlock event)")
    waits = sorted(dt for _, _, _, dt in results)
    report.figure(f"paused holder: stopped {paused_for:.1f} s inside the save, {len(results)} waiters, "
                  f"{len(saved_waiters)} saved, waits {waits[0]:.1f}-{waits[-1]:.1f} s, holder saved: {holder_ok}")


def killed_holder(binary, tmp, report):
    """A writer killed while it holds the lock: the next save goes through at once."""
    store = common.new_store(tmp / "killed")
    holder = start(binary, ["notat", CASE, "KILLED-NOTE", "--json"], store, {"UNGE_TEST_STOP_AT": "audit"})
    if not report.check(wait_stopped(holder), "killed holder: the writer stopped inside its save"):
        holder.kill()
        return
    holder.kill()
    holder.wait()
    t = time.monotonic()
    rc, out, err = common.run(binary, ["notat", CASE, "AFTER-KILL", "--json"], store, timeout=TIMEOUT)
    dt = time.monotonic() - t
    report.check(rc == 0, "killed holder: the next writer saves", f"rc={rc} {err[-200:]}")
    report.check(dt < 2.0, "killed holder: without waiting for the dead holder", f"{dt:.2f} s")
    texts, _ = journal_texts(store)
    report.check("KILLED-NOTE" not in texts and texts.count("AFTER-KILL") == 1, "killed holder: only the acknowledged note is there")
    events, _ = common.audit_events(store)
    report.check(not any(e.get("action") == "unlock" for e in events), "killed holder: nothing was broken (no unlock event)")
    report.figure(f"killed holder: next save after SIGKILL of the holder took {dt*1000:.0f} ms")


def unshare_prefix():
    """The command prefix for a new PID namespace, or None where unshare cannot make one."""
    exe = shutil.which("unshare")
    if not exe:
        return None
    for prefix in ([exe, "--pid", "--fork"], [exe, "--user", "--map-root-user", "--pid", "--fork"]):
        try:
            p = subprocess.run(prefix + ["sh", "-c", "echo $$"], capture_output=True, timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if p.returncode == 0 and p.stdout.strip() == b"1":
            return prefix
    return None


def namespaces(binary, tmp, report, workers, per_worker):
    """Writers in separate PID namespaces on one case: no acknowledged note lost."""
    prefix = unshare_prefix()
    if prefix is None:
        report.figure("PID namespaces: skipped (unshare cannot create a PID namespace here)")
        return
    store = common.new_store(tmp / "ns")
    texts0, rev0 = journal_texts(store)
    acked = []
    failures = []
    counts = {"conflicts": 0, "locked": 0}
    lock = threading.Lock()
    # In its own namespace unge is not pid 1 (sh is), like a process in a container.
    wrap = prefix + ["sh", "-c", 'true & wait; "$0" "$@"']

    def worker(w):
        for n in range(per_worker):
            marker = f"NS{w}N{n:04d}"
            use_ns = w % 2 == 1
            while True:
                try:
                    p = subprocess.run((wrap if use_ns else []) + [binary, "notat", CASE, marker, "--json"],
                                       env=common.base_env(store), stdin=subprocess.DEVNULL, capture_output=True,
                                       timeout=TIMEOUT)
                except subprocess.TimeoutExpired:
                    with lock:
                        failures.append(f"{marker} hang")
                    break
                err = p.stderr.decode("utf-8", "replace")
                if p.returncode == 0:
                    with lock:
                        acked.append(marker)
                    break
                if p.returncode == 3 and (CONFLICT in err or LOCKED in err):
                    with lock:
                        counts["conflicts" if CONFLICT in err else "locked"] += 1
                    continue
                with lock:
                    failures.append(f"{marker} rc {p.returncode}: {err[-200:]}")
                break

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker, args=(w,)) for w in range(workers)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    texts, rev = journal_texts(store)
    report.check(not failures, "PID namespaces: every note saved (conflicts retried)", "; ".join(failures[:3]))
    missing = [m for m in acked if texts.count(m) != 1]
    report.check(not missing, "PID namespaces: every acknowledged note present exactly once", f"{len(missing)} lost: {missing[:5]}")
    report.check(rev - rev0 == len(acked), "PID namespaces: revisions gained == acknowledged saves", f"{rev0} -> {rev}, acked {len(acked)}")
    events, _ = common.audit_events(store)
    report.check(not any(e.get("action") == "unlock" for e in events), "PID namespaces: no lock broken (no unlock event)")
    report.figure(f"PID namespaces ({' '.join(os.path.basename(x) for x in prefix)}): {workers} writers, half in their own "
                  f"namespace, {len(acked)} notes acknowledged, {len(missing)} lost, {counts['conflicts']} conflicts, "
                  f"{counts['locked']} lock waits; {time.monotonic() - t0:.0f} s")


def odd_lock_files(binary, tmp, report):
    """Every odd kind of lock file: taken if it is a free plain file, else refused at once; never a spin."""
    garbage = bytes((i * 37 + 11) % 256 for i in range(4096))
    kinds = ["symlink", "fifo", "folder", "hardlink", "garbage", "empty", "garbage-held", "symlink-to-nothing"]
    for kind in kinds:
        base = tmp / f"odd-{kind}"
        store = common.new_store(base)
        rc, _, err = common.run(binary, ["notat", CASE, "FIRST", "--json"], store)  # creates laase/
        report.check(rc == 0, f"odd lock file {kind}: setup", err[-200:])
        path = lock_path(store)
        path.unlink(missing_ok=True)
        target = base / "udenfor.txt"
        target.write_text("skal ikke røres\n")
        held = None
        if kind == "symlink":
            os.symlink(target, path)
        elif kind == "symlink-to-nothing":
            os.symlink(base / "findes-ikke", path)
        elif kind == "fifo":
            os.mkfifo(path, 0o600)
        elif kind == "folder":
            path.mkdir(mode=0o700)
        elif kind == "hardlink":
            os.link(target, path)
        elif kind == "empty":
            path.write_bytes(b"")
        else:
            path.write_bytes(garbage)
            os.chmod(path, 0o600)
            if kind == "garbage-held":
                held = open(path, "rb")
                fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        before_tree = common.hash_tree(base / "lager" / "sager")
        t = time.monotonic()
        try:
            rc, out, err = common.run(binary, ["notat", CASE, f"ODD-{kind}", "--json"], store, timeout=30)
        except subprocess.TimeoutExpired:
            rc, out, err = -1, "", "hang"
        dt = time.monotonic() - t
        if held:
            held.close()
        texts, _ = journal_texts(store)
        if kind in ("garbage", "empty"):
            report.check(rc == 0, f"odd lock file {kind}: a free lock is taken whatever the file holds", f"rc={rc} {err[-200:]}")
            report.check(dt < 2.0, f"odd lock file {kind}: at once", f"{dt:.1f} s")
            report.check(texts.count(f"ODD-{kind}") == 1, f"odd lock file {kind}: the note is saved")
        elif kind == "garbage-held":
            report.check(rc == 3 and LOCKED in err, f"odd lock file {kind}: a held lock with garbage in it: exit 3, locked",
                         f"rc={rc} {err[-200:]}")
            report.check(WAIT_LIMIT - 0.5 <= dt <= WAIT_LIMIT + SLACK, f"odd lock file {kind}: gives up after 5 s, no spin",
                         f"{dt:.1f} s")
            report.check(f"ODD-{kind}" not in texts, f"odd lock file {kind}: nothing saved")
        else:
            report.check(rc == 3, f"odd lock file {kind}: exit 3", f"rc={rc} {err[-200:]}")
            report.check(f"laase/{CASE}.lock" in err, f"odd lock file {kind}: the message names the lock file", err[-300:])
            report.check(dt < 2.0, f"odd lock file {kind}: refused at once", f"{dt:.1f} s")
            report.check(f"ODD-{kind}" not in texts, f"odd lock file {kind}: nothing saved")
            report.check(common.hash_tree(base / "lager" / "sager") == before_tree, f"odd lock file {kind}: cases unchanged")
        report.check(target.read_text() == "skal ikke røres\n", f"odd lock file {kind}: the file outside is untouched")
        if kind == "symlink-to-nothing":
            report.check(not (base / "findes-ikke").exists(), f"odd lock file {kind}: nothing created through the link")
        report.figure(f"odd lock file {kind}: exit {rc} after {dt:.2f} s")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--bin")
    ap.add_argument("--pause", type=float, help="seconds the holder stays stopped (default: full 35, quick 6)")
    ap.add_argument("--waiters", type=int)
    ap.add_argument("--workers", type=int)
    ap.add_argument("--notes", type=int)
    args = ap.parse_args()
    binary = common.binary_from_args(args)
    report = common.Report("lock")
    tmp = common.tempdir("unge-lock-")
    try:
        paused_holder(binary, tmp, report, args.pause or (6 if args.quick else 35), args.waiters or (3 if args.quick else 8),
                      args.quick)
        killed_holder(binary, tmp, report)
        odd_lock_files(binary, tmp, report)
        namespaces(binary, tmp, report, args.workers or (4 if args.quick else 8), args.notes or (8 if args.quick else 45))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    common.main_exit(report.finish())


if __name__ == "__main__":
    main()
