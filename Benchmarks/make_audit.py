#!/usr/bin/env python3
"""Writes N fictional audit events into a store's log, spread evenly over the 24 months up to now,
in the layout `unge` writes (`log/<ÅÅÅÅ-MM>/<ÅÅÅÅMMDDTttmmssZ>-<id|alle>-<pid>-<ns>-<tilfældig>.json`):
a team's two years of reads, notes, exports and listings over the store's cases.

Usage: make_audit.py STORE_DIR N CASES

About 58 % reads (`vis`), 25 % notes (`notat`), 5 % exports, and 7.5 % listings and searches that
record which cases they displayed (`shown`, runs folded as `a..b`): 2 % `liste` of every case (a team
of eight listing a few times a day each), 5 % searches showing up to 5 cases, 0.5 % `frister`
showing the 60 % of cases with an open deadline.
Event files are written without fsync (this is test data, not a store in use).
"""
import calendar, datetime, json, os, random, sys

USERS = ["lene", "mads", "sofie", "ahmed", "karen", "jonas", "pia", "ole"]


def case_id(i):
    return f"2026-{i:05d}" if i > 9999 else f"2026-{i:04d}"


def compress(ids):
    out, i = [], 0
    ids = sorted(set(ids))
    while i < len(ids):
        j = i
        while j + 1 < len(ids) and ids[j + 1] == ids[j] + 1 and len(case_id(ids[j + 1])) == len(case_id(ids[i])):
            j += 1
        out.append(case_id(ids[i]) if j == i else case_id(ids[i]) + ".." + case_id(ids[j]))
        i = j + 1
    return out


def main():
    root, n, cases = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rnd = random.Random(7)
    overview = compress([i for i in range(1, cases + 1) if rnd.random() < 0.6])
    everything = compress(range(1, cases + 1))
    today = datetime.datetime.now(datetime.timezone.utc)
    months = []
    y, m = today.year, today.month
    for _ in range(24):
        months.append((y, m))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    months.reverse()
    log = os.path.join(root, "log")
    os.makedirs(log, mode=0o700, exist_ok=True)
    per_month = n // len(months)
    seq = 0
    for k, (y, m) in enumerate(months):
        count = per_month if k < len(months) - 1 else n - per_month * (len(months) - 1)
        folder = os.path.join(log, f"{y:04d}-{m:02d}")
        os.makedirs(folder, mode=0o700, exist_ok=True)
        days = calendar.monthrange(y, m)[1]
        if (y, m) == (today.year, today.month):
            days = max(1, today.day - 1)
        for _ in range(count):
            seq += 1
            t = datetime.datetime(y, m, rnd.randint(1, days), rnd.randint(7, 16), rnd.randint(0, 59), rnd.randint(0, 59))
            stamp = t.strftime("%Y-%m-%dT%H:%M:%SZ")
            ns = int(calendar.timegm(t.timetuple())) * 1_000_000_000 + seq
            user = rnd.choice(USERS)
            r = rnd.random()
            event = {"schemaVersion": 1, "time": stamp, "user": user, "account": user}
            if r < 0.075:
                # A listing: everything (2 %), a search for a few cases (5 %), or the deadline
                # overview (0.5 %), which shows the 60 % of cases that have an open deadline.
                if r < 0.02:
                    shown = everything
                    event.update(action="search", command="liste", criterion="alle")
                elif r < 0.07:
                    shown = rnd.sample(range(1, cases + 1), rnd.randint(0, 5))
                    event.update(action="search", command="liste", criterion="søg=" + rnd.choice(["emma", "jonas", "friis", "2026-01"]))
                else:
                    shown = None
                    event.update(action="search", command="frister", criterion="frister")
                event["shown"] = overview if shown is None else shown if shown is everything else compress(shown)
                subject = "alle"
            else:
                cid = case_id(rnd.randint(1, cases))
                subject = cid
                event["caseID"] = cid
                rev = rnd.randint(1, 40)
                if r < 0.675:
                    event.update(action="read", command="vis", revisionBefore=rev, revisionAfter=rev)
                elif r < 0.95:
                    event.update(action="update", command="notat", revisionBefore=rev, revisionAfter=rev + 1)
                else:
                    event.update(action="export", command="plan", revisionBefore=rev, revisionAfter=rev)
            compact = stamp.replace("-", "").replace(":", "")
            name = f"{compact}-{subject}-{10000 + seq % 50000}-{ns}-{rnd.getrandbits(64):016x}.json"
            path = os.path.join(folder, name)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.write(fd, (json.dumps(event, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n").encode())
            os.close(fd)


if __name__ == "__main__":
    main()
