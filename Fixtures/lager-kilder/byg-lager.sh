#!/usr/bin/env bash
# Rebuilds the fixture store Fixtures/lager from the base cases in Fixtures/lager-kilder/sager and the
# answer files beside this script, by running the real unge commands with a pinned clock.
# Usage: Fixtures/lager-kilder/byg-lager.sh   (from the package root; builds unge first)
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build --product unge >/dev/null
unge="$(swift build --show-bin-path)/unge"
src=Fixtures/lager-kilder
dst=Fixtures/lager
rm -rf "$dst"
mkdir -p "$dst/sager"
chmod 700 "$dst" "$dst/sager"  # unge refuses a store folder others can read
cp "$src"/sager/*.json "$dst/sager/"
export UNGE_BRUGER="Lene Dahl"
UNGE_NU=2026-08-27T09:00:00Z "$unge" underret --sag 2026-0002 --fra-fil "$src/underretning-2026-0002.json" --lager "$dst" >/dev/null
UNGE_NU=2026-08-31T12:00:00Z "$unge" vaerktoej 2026-0002 --type netvaerksmoede --dato 2026-08-31 \
  --resume "Malik, forældre, træner og UU-vejleder. Aftalt: far følger Malik til træning; UU-vejleder ser ham hver 14. dag." --lager "$dst" >/dev/null
# Only the case files belong in the repository: the audit log, the index and locks are made anew.
rm -rf "$dst/log" "$dst/laase" "$dst/indeks.tsv"
chmod 644 "$dst"/sager/*.json
echo "Fixtures/lager rebuilt: $(ls "$dst/sager" | wc -l) cases"
# The demo cases `unge demo` writes are the same cases, embedded in the binary.
python3 Scripts/embed-demo-cases.py
