#!/usr/bin/env python3
"""Counts the prompts a caseworker answers to register a notification, an examination and a plan
for a new young person in one sitting, by driving the guided dialogues of a built `unge` with
`--interaktiv`. Each answer list is checked to be exact: it succeeds, and one answer fewer does not.

    python3 Harness/prompt_count.py [PATH/TO/unge] [--before]

`--before` uses the answer lists of the dialogues before issue 11 (a final "j" instead of the final
menu, no "who writes" question, no custody-holder question).
"""
import os, subprocess, sys, tempfile

binary = next((a for a in sys.argv[1:] if not a.startswith("--")), ".build/debug/unge")
before = "--before" in sys.argv
env = dict(os.environ, UNGE_NU="2026-09-01T08:30:00Z", UNGE_BRUGER="tæller")
env.pop("UNGE_LAGER", None)

def underret():
    young = ["Test Ung", "", "2010-05-04", ""]
    reporter = ["Karen Lærer", "lærer", "Vestbyens Skole", "karen@skole.example", ""]
    content = ["Test har haft 12 fraværsdage siden 1. marts.", "", "", "", ""]
    # After: the custody holder is named (and so joins the new case's network); before, the plan
    # needed `unge netvaerk --tilfoej` first, which is counted as one more step below.
    told = ["ja", "", "ja", ""] if before else ["ja", "", "Mor Ung", "ja", ""]
    start = [] if before else [""]
    return start + young + reporter + content + told + [""] + (["j"] if before else ["g"])

def undersoeg():
    areas = []
    for _ in range(6): areas += ["j", "Beskrevet", "", "", "", ""]
    holder = ["Møde med mor"]
    return ["", "Samtaler"] + holder + areas + [""] + ["", "", "", ""] + [""] + (["j"] if before else ["g"])

def plan():
    goal = ["Gå i skole hver dag", "", "", "", "", "", ""]
    transition = ["Blive frisør", "", "1", "", "", "", ""]
    measure = ["j", "1", "", "U18-teamet", "2026-09-07", "6 måneder", "M1", ""]
    return ["Test skal i skole", ""] + goal + transition + measure + [""] * 7 + ["", "", "", "", ""] + [""] + (["j"] if before else ["g"])

def indsats():
    # Outpatient drug treatment for a 16-year-old: request date, purpose, duration, start, provider,
    # and the consents of the custody holder and the young person.
    return ["", "9", "2026-08-28", "Færre dage med hash", "6 måneder", "2026-09-07", "U18-teamet", "2026-08-30", "2026-08-30", "g"]

def run(args, answers, store):
    p = subprocess.run([binary] + args + ["--interaktiv", "--lager", store], input="\n".join(answers) + "\n",
                       capture_output=True, text=True, env=env)
    return p.returncode, p.stderr

def exact(name, args, answers, store_for):
    with tempfile.TemporaryDirectory() as d:
        status, err = run(args, answers[:-1], store_for(d))
        if status == 0:
            sys.exit(f"{name}: {len(answers) - 1} svar var nok; listen er ikke præcis")
    return len(answers)

def network(store):
    if before:  # the custody holder had to be added by hand
        p = subprocess.run([binary, "netvaerk", "2026-0001", "--tilfoej", "Mor Ung", "--relation", "mor", "--arena", "familie",
                            "--foraeldremyndighed", "--lager", store], capture_output=True, text=True, env=env)
        assert p.returncode == 0, p.stderr

def seeded(d):
    store = os.path.join(d, "lager")
    s, err = run(["underret"], underret(), store)
    assert s == 0, err
    network(store)
    return store

def seeded_exam(d):
    store = seeded(d)
    s, err = run(["undersoeg", "2026-0001"], undersoeg(), store)
    assert s == 0, err
    return store

def seeded_plan(d):
    store = seeded_exam(d)
    s, err = run(["plan", "2026-0001"], plan(), store)
    assert s == 0, err
    return store

total = 0
with tempfile.TemporaryDirectory() as d:
    store = os.path.join(d, "lager")
    steps = [
        ("underret", ["underret"], underret(), lambda d: os.path.join(d, "lager")),
        ("undersoeg", ["undersoeg", "2026-0001"], undersoeg(), seeded),
        ("plan", ["plan", "2026-0001"], plan(), seeded_exam),
    ]
    if not before:  # there was no guided decision before issue 11's round
        steps.append(("indsats", ["indsats", "2026-0001"], indsats(), seeded_plan))
    for name, args, answers, fresh in steps:
        status, err = run(args, answers, store)
        if status != 0:
            sys.exit(f"{name} mislykkedes (status {status}):\n{err[-3000:]}")
        n = exact(name, args, answers, fresh)
        print(f"{name}: {n} spørgsmål")
        total += n
        if name == "underret":
            network(store)
print(f"i alt: {total} spørgsmål")
