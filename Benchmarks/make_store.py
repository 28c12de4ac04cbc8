#!/usr/bin/env python3
"""Writes a store of N realistic, fictional cases (about 8 KB each) for the benchmarks.

Usage: make_store.py STORE_DIR N
CPR numbers are substitute numbers (day + 60), so none can belong to a real person.
"""
import json, os, random, sys

FIRST = ["Emma", "Malik", "Sofie", "Jonas", "Freja", "Oliver", "Ida", "Noah", "Clara", "William", "Alma", "Lucas", "Ella", "Victor", "Karla", "Elias"]
LAST = ["Friis", "Jensen", "Madsen", "Kristensen", "Holm", "Poulsen", "Lund", "Bech", "Skov", "Nørgaard", "Dahl", "Hassan", "Krog", "Moos"]
ARENAS = ["family", "relatives", "friendsAndLeisure", "schoolAndWork", "professionals"]
NOTES = [
    "Samtale med den unge om skolegang og fritid. Aftalt nyt møde om to uger, hvor mor også deltager.",
    "Telefonsamtale med klasselæreren: fraværet er faldet, men den unge virker træt om morgenen.",
    "Netværksmøde med familie og SSP. Konkrete aftaler om hvem der gør hvad er skrevet i referatet.",
    "Den unge fortæller selv, at forbruget af hash er mindre i weekenderne end før sommerferien.",
]

def case(i, rnd):
    year = rnd.randint(2002, 2014)
    month = rnd.randint(1, 12)
    day = rnd.randint(1, 28)
    cpr = f"{day + 60:02d}{month:02d}{year % 100:02d}-{4 if year >= 2000 else 1}{rnd.randint(0, 999):03d}"
    people = []
    for k in range(8):
        p = {"name": f"{rnd.choice(FIRST)} {rnd.choice(LAST)}", "relation": rnd.choice(["mor", "far", "ven", "lærer", "mormor", "træner", "kontaktperson"]),
             "arena": ARENAS[k % 5], "closeness": rnd.randint(1, 3), "custodyHolder": k < 2, "canSupport": rnd.random() < 0.5,
             "whatIsGood": "Støtter op og er til at tale med om det svære.", "whatIsHard": "Har selv haft et forbrug og kan være svær at nå."}
        people.append(p)
    journal = []
    for k in range(23):
        journal.append({"time": f"2026-{rnd.randint(1, 8):02d}-{rnd.randint(1, 28):02d}T{rnd.randint(7, 15):02d}:{rnd.randint(0, 59):02d}:00Z",
                        "author": "Lene Dahl", "text": rnd.choice(NOTES)})
    journal.sort(key=lambda j: j["time"])
    deadlines = []
    if rnd.random() < 0.6:
        deadlines.append({"id": "underretning-1-kvittering", "kind": "receipt", "title": "Kvittering til underretter", "counting": "workingDays",
                          "dueDate": f"2026-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}", "legalReferenceID": "receipt", "ruleDate": "2026-01-05"})
    return {"schemaVersion": 1, "id": f"2026-{i:05d}" if i > 9999 else f"2026-{i:04d}", "revision": 1, "created": "2026-01-05T08:00:00Z", "updated": "2026-01-05T08:00:00Z",
            "caseworker": "Lene Dahl",
            "youngPerson": {"name": f"{rnd.choice(FIRST)} {rnd.choice(LAST)}", "cpr": cpr, "birthDate": f"{year}-{month:02d}-{day:02d}",
                            "school": "Vestbyens Skole", "anonymous": False, "contact": {"phone": "20 00 00 00"}},
            "network": {"people": people}, "journal": journal, "concernReports": [], "actionPlans": [], "treatmentPlans": [],
            "checklistAnswers": [], "toolRecords": [], "deadlines": deadlines, "counter": 0}

def main():
    root, n = sys.argv[1], int(sys.argv[2])
    os.makedirs(os.path.join(root, "sager"), mode=0o700, exist_ok=True)
    os.chmod(root, 0o700)  # unge refuses a store folder others can read
    rnd = random.Random(42)
    for i in range(1, n + 1):
        c = case(i, rnd)
        path = os.path.join(root, "sager", c["id"] + ".json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps(c, indent=2, sort_keys=True, ensure_ascii=False, separators=(",", " : ")))
        os.chmod(path, 0o600)

if __name__ == "__main__":
    main()
