#!/usr/bin/env python3
"""Writes a store of N fictional cases with the casework `unge statistik` and `unge indberet` count:
notifications with their 24-hour, receipt and feedback deadlines, § 33 / § 101 / alcohol / anonymous
treatment requests with the 14-day deadline (met on time, late, not started), closures, reopenings
and several caseworkers, spread over 2026.

Usage: make_stats_store.py STORE_DIR N [--seed S]
CPR numbers are substitute numbers (day + 60), so none can belong to a real person. Deadlines are
written as the store would hold them (the figures read only the stored due and met moments).
"""
import datetime as dt, json, os, random, sys

ROLES = [("lærer", "Vestbyens Skole", True), ("klubpædagog", "Klub Nord", True), ("læge", "Lægehuset", True),
         ("SSP-medarbejder", "Politiet", True), ("sundhedsplejerske", "Sundhedsplejen", True),
         ("nabo", None, False), ("mor", None, False)]
WORKERS = ["Lene Dahl", "Karl Berg", "Mette Holm", "Sara Lind", "Ali Khan", "Nina Skov"]
KINDS = [("treatmentOutpatient", 15), ("adultTreatmentOutpatient", 19), ("alcoholTreatment", 16), ("anonymousTreatment", 20)]


def iso(d):
    return d.isoformat()


def ts(d, hour=9, minute=0):
    return f"{d.isoformat()}T{hour:02d}:{minute:02d}:00Z"


def case(i, rnd):
    start = dt.date(2026, 1, 1)
    created = start + dt.timedelta(days=rnd.randint(0, 330))
    kind, age = rnd.choice(KINDS)
    anonymous = kind == "anonymousTreatment"
    born = created - dt.timedelta(days=365 * age + rnd.randint(0, 360))
    cpr = f"{born.day + 60:02d}{born.month:02d}{born.year % 100:02d}-{4 if born.year >= 2000 else 1}{rnd.randint(0, 999):03d}"
    cid = f"2026-{i:05d}" if i > 9999 else f"2026-{i:04d}"
    worker = WORKERS[i % len(WORKERS)] if i % 97 else "Ole Enesen"
    deadlines, reports, decisions, journal = [], [], [], []
    if not anonymous and age < 18 and rnd.random() < 0.8:
        role, org, pro = rnd.choice(ROLES)
        received = dt.datetime.combine(created, dt.time(rnd.randint(7, 15), rnd.randint(0, 59)))
        due24 = received + dt.timedelta(hours=24)
        ids = ["underretning-1-vurdering", "underretning-1-kvittering"] + (["underretning-1-orientering"] if pro else [])
        reports.append({"number": 1, "received": received.strftime("%Y-%m-%dT%H:%M:00Z"), "deadlineIDs": ids,
                        "reporter": {"name": "Fagperson", "role": role, "organisation": org, "isProfessional": pro, "anonymous": False},
                        "situation": "Bekymring for skolegang og hash.", "concernArc": {"level": rnd.choice(["green", "orange", "red"])},
                        "parentsInformed": True, "youngPersonInformed": True, "custodyNotices": []})
        late = rnd.random()
        met24 = None if late < 0.05 else received + dt.timedelta(hours=rnd.choice([2, 5, 20, 30]))
        deadlines.append({"id": ids[0], "kind": "assessment", "title": "Vurdering af underretning nr. 1 (24 timer)", "counting": "hours",
                          "dueDate": iso(due24.date()), "dueTime": due24.strftime("%Y-%m-%dT%H:%M:00Z"), "legalReferenceID": "assessment24h",
                          "ruleDate": iso(created), **({"metAt": met24.strftime("%Y-%m-%dT%H:%M:00Z"), "metBy": worker} if met24 else {})})
        due6 = created + dt.timedelta(days=8)
        metr = created + dt.timedelta(days=rnd.choice([1, 3, 6, 10])) if rnd.random() > 0.05 else None
        deadlines.append({"id": ids[1], "kind": "receipt", "title": "Kvittering til underretteren for underretning nr. 1", "counting": "workingDays",
                          "dueDate": iso(due6), "legalReferenceID": "receipt", "ruleDate": iso(created),
                          **({"metAt": ts(metr), "metBy": worker} if metr else {})})
        if pro:
            metf = created + dt.timedelta(days=30) if rnd.random() < 0.7 else None
            deadlines.append({"id": ids[2], "kind": "notifierFeedback", "title": "Orientér underretteren", "counting": "task",
                              "dueDate": iso(created), "legalReferenceID": "notifierFeedback", "ruleDate": iso(created),
                              **({"metAt": ts(metf), "metBy": worker} if metf else {})})
    # Treatment in about a third of the cases (the rest are notifications and support): one request,
    # sometimes a second within 10 days (one SMDB course).
    request = created + dt.timedelta(days=rnd.randint(0, 10))
    treated = anonymous or rnd.random() < 0.35
    if not treated:
        start = created + dt.timedelta(days=rnd.randint(5, 40))
        decisions.append({"id": "A1", "kind": "contactPerson", "decisionDate": iso(created), "purpose": "Støtte", "consents": [],
                          "alongsideExamination": False, "author": worker, "recorded": ts(created),
                          **({"start": iso(start)} if start < dt.date(2026, 12, 6) else {})})
    for n in range(0 if not treated else (1 if rnd.random() < 0.9 else 2)):
        if n == 1:
            request = request + dt.timedelta(days=rnd.randint(3, 10))
        wait = rnd.choice([2, 5, 7, 10, 12, 14, 14, 16, 21, 30, 45, None])
        started = request + dt.timedelta(days=wait) if wait is not None else None
        if started and started > dt.date(2026, 12, 6):
            started = None
        d = {"id": f"A{n + 1}", "kind": kind, "decisionDate": iso(request), "requestDate": iso(request), "purpose": "Behandling",
             "consents": [], "provider": rnd.choice(["U18-teamet", "Behandlingscenter Nordlys"]), "alongsideExamination": False,
             "author": worker, "recorded": ts(request)}
        if started:
            d["start"] = iso(started)
            if rnd.random() < 0.4 and started + dt.timedelta(days=90) < dt.date(2026, 12, 1):
                d["end"] = {"date": iso(started + dt.timedelta(days=90)), "reason": "Forløbet er afsluttet",
                            "status": rnd.choice(["drugFree", "reducedOrStabilised", "other"])}
        decisions.append(d)
        if kind != "anonymousTreatment":
            deadlines.append({"id": f"afgoerelse-A{n + 1}-behandlingsstart", "kind": "treatmentStart",
                              "title": f"Behandling iværksat senest 14 dage efter henvendelsen (A{n + 1})", "counting": "calendarDays",
                              "dueDate": iso(request + dt.timedelta(days=14)), "legalReferenceID": "treatmentStartMinor" if age < 18 else "treatmentStartAdult",
                              "ruleDate": iso(request), **({"metAt": f"{iso(started)}T00:00:00Z", "metBy": worker} if started else {})})
    closed, reason = None, None
    if rnd.random() < 0.25:
        closed = created + dt.timedelta(days=rnd.randint(20, 200))
        if closed > dt.date(2026, 12, 1):
            closed = None
        else:
            reason = rnd.choice(["Målet er nået", "Flyttet til anden kommune", "Ønsker ikke hjælp", "Andet"])
    if rnd.random() < 0.05:
        journal.append({"time": ts(created + dt.timedelta(days=40)), "author": worker, "text": "Sagen er genåbnet (lukket 1. marts 2026)."})
    c = {"schemaVersion": 1, "id": cid, "revision": 1, "created": ts(created, 8), "updated": ts(created, 8), "caseworker": worker,
         "youngPerson": ({"anonymous": True} if anonymous else
                         {"name": f"Ung {i}", "cpr": cpr, "birthDate": iso(born), "anonymous": False}),
         "network": {"people": []}, "journal": journal, "concernReports": reports, "actionPlans": [], "treatmentPlans": [],
         "checklistAnswers": [], "toolRecords": [], "deadlines": deadlines, "decisions": decisions, "counter": 0}
    if closed:
        c["closedDate"] = iso(closed)
        c["closedReason"] = reason
    return c


def main():
    root, n = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 42
    os.makedirs(os.path.join(root, "sager"), mode=0o700, exist_ok=True)
    os.chmod(root, 0o700)
    os.chmod(os.path.join(root, "sager"), 0o700)
    rnd = random.Random(seed)
    for i in range(1, n + 1):
        c = case(i, rnd)
        path = os.path.join(root, "sager", c["id"] + ".json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps(c, indent=2, sort_keys=True, ensure_ascii=False))
        os.chmod(path, 0o600)


if __name__ == "__main__":
    main()
