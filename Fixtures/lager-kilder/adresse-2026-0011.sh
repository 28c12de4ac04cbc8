#!/bin/sh
# $EDITOR for byg-lager.sh: gives Lucas (case 2026-0011) the address his letters go to.
python3 - "$1" <<'PY'
import json, sys
p = sys.argv[1]
d = json.load(open(p, encoding="utf-8"))
d["youngPerson"].setdefault("contact", {})["address"] = "Skovbrynet 12, 9000 Nordby"
json.dump(d, open(p, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
