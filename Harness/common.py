"""Shared helpers for the store-safety harnesses (Harness/*.py).

Every harness runs the real `unge` binary against a throw-away store in a temp folder and prints
one line per check plus a final `N passed, N failed` line; the exit status is non-zero on any failure.
"""

import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE_CASES = REPO / "Fixtures" / "lager" / "sager"
STEPS = ["open", "write", "fsync", "close", "audit", "rename", "dirfsync"]


def build(release, hooks=True):
    """Builds unge (debug, or release with a static stdlib for fast start-up) and returns the binary.

    The test hooks (`UNGE_NU`, `UNGE_TEST_CRASH_AT`, `UNGE_TEST_FAIL_AT`, `unge _taeller`) exist only
    in debug builds and in release builds made with `-Xswiftc -DUNGE_TEST_HOOKS`; such a release
    build goes to its own folder (`.build-hooks`), so it never replaces the hook-free release binary.
    `hooks=False` builds the release binary municipal IT installs."""
    if release and hooks:
        cmd = ["swift", "build", "-c", "release", "--static-swift-stdlib", "-Xswiftc", "-DUNGE_TEST_HOOKS", "--scratch-path", ".build-hooks"]
        path = REPO / ".build-hooks" / "release" / "unge"
    elif release:
        cmd = ["swift", "build", "-c", "release", "--static-swift-stdlib"]
        path = REPO / ".build" / "release" / "unge"
    else:
        cmd = ["swift", "build"]
        path = REPO / ".build" / "debug" / "unge"
    if os.environ.get("UNGE_HARNESS_NO_BUILD") != "1":
        subprocess.run(cmd, cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    return str(path)


def binary_from_args(args):
    if getattr(args, "bin", None):
        return args.bin
    return build(release=not getattr(args, "quick", False))


class Report:
    """Counts checks; prints failures (at most `limit` in detail) and the final line."""

    def __init__(self, name, limit=int(os.environ.get("HARNESS_SHOW_FAILURES", "30"))):
        self.name = name
        self.passed = 0
        self.failed = 0
        self.limit = limit
        self.figures = []

    def check(self, ok, what, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            if self.failed <= self.limit:
                print(f"  FEJL [{self.name}] {what}" + (f": {detail}" if detail else ""), flush=True)
        return ok

    def figure(self, text):
        self.figures.append(text)
        print(f"  [{self.name}] {text}", flush=True)

    def finish(self):
        print(f"{self.name}: {self.passed} passed, {self.failed} failed", flush=True)
        return self.failed == 0


def base_env(store, extra=None):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(Path(store).parent),
        "LANG": "C.UTF-8",
        "UNGE_LAGER": str(store),
        "UNGE_BRUGER": "harness",
        "NO_COLOR": "1",
        "TZ": "Europe/Copenhagen",
    }
    if extra:
        env.update(extra)
    return env


def run(binary, args, store, extra_env=None, timeout=120, input_text=None, preexec_fn=None, umask=None):
    """Runs `unge args` on `store`; returns (returncode, stdout, stderr) as text."""

    def pre():
        if umask is not None:
            os.umask(umask)
        if preexec_fn:
            preexec_fn()

    p = subprocess.run(
        [binary] + list(args),
        env=base_env(store, extra_env),
        input=(input_text or "").encode(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=timeout,
        preexec_fn=pre if (preexec_fn or umask is not None) else None,
        restore_signals=False,  # keep SIGXFSZ ignored when a harness asks for it
    )
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def new_store(tmp, cases=True):
    """A store under `tmp/lager` holding the fixture cases (modes as unge writes them: 0700/0600)."""
    store = Path(tmp) / "lager"
    (store / "sager").mkdir(parents=True)
    os.chmod(store, 0o700)
    os.chmod(store / "sager", 0o700)
    if cases:
        for f in sorted(FIXTURE_CASES.glob("*.json")):
            shutil.copyfile(f, store / "sager" / f.name)
            os.chmod(store / "sager" / f.name, 0o600)
    return store


def tempdir(prefix):
    return Path(tempfile.mkdtemp(prefix=prefix))


def hash_tree(root):
    """Every path under `root` with its type, mode and content hash, for byte-for-byte comparisons."""
    out = {}
    root = Path(root)
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            st = p.lstat()
            rel = str(p.relative_to(root))
            if stat.S_ISREG(st.st_mode):
                out[rel] = ("f", oct(st.st_mode & 0o777), hashlib.sha256(p.read_bytes()).hexdigest())
            else:
                out[rel] = (oct(stat.S_IFMT(st.st_mode)), oct(st.st_mode & 0o777), "")
    return out


def diff_trees(a, b, ignore=()):
    """Paths that differ between two `hash_tree` results (ignoring paths starting with `ignore`)."""
    keys = set(a) | set(b)
    return sorted(k for k in keys if a.get(k) != b.get(k) and not any(k.startswith(i) for i in ignore))


def case_files(store):
    return sorted((Path(store) / "sager").glob("*.json"))


def temp_files(store):
    return sorted(p.name for p in (Path(store) / "sager").iterdir() if p.name.endswith(".tmp"))


def audit_events(store):
    """All decodable audit events, and the number of event files that do not decode."""
    events, bad = [], 0
    log = Path(store) / "log"
    if not log.exists():
        return events, bad
    for f in log.rglob("*.json"):
        try:
            events.append(json.loads(f.read_bytes()))
        except Exception:
            bad += 1
    return events, bad


def parse_json(text):
    try:
        return json.loads(text)
    except Exception:
        return None


ACK_NOTAT = re.compile(r'"revision"\s*:\s*(\d+)')
ACK_REDIGER = re.compile(r"Sag (\S+) er gemt \(revision (\d+)\)")
ACK_UNDERRET = re.compile(r"registreret på sag (\S+) \(revision (\d+)\)")


def main_exit(ok):
    sys.exit(0 if ok else 1)


def now():
    return time.monotonic()
