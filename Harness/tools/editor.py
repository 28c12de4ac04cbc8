#!/usr/bin/env python3
"""A non-interactive $EDITOR for the harnesses: `unge rediger` runs it on the case JSON.

It appends a journal entry whose text is $HARNESS_MARKER (or sets $HARNESS_EDIT_RAW as the whole
file, for invalid-edit tests) and adds one to `counter`.
"""
import json
import os
import sys

path = sys.argv[1]
raw = os.environ.get("HARNESS_EDIT_RAW")
if raw is not None:
    open(path, "w").write(raw)
    sys.exit(0)
doc = json.load(open(path))
doc.setdefault("journal", []).append(
    {"author": "harness", "text": os.environ.get("HARNESS_MARKER", "redigeret"), "time": "2026-04-13T09:30:00Z"}
)
doc["counter"] = doc.get("counter", 0) + 1
with open(path, "w") as f:
    json.dump(doc, f, ensure_ascii=False, indent=2)
