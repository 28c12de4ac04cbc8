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
# Dialogue tools with their content (tools engineer's section): Malik from the example files, Jonas by flags.
ex=Fixtures/vaerktoej
UNGE_NU=2026-08-31T13:00:00Z "$unge" vaerktoej 2026-0002 --type livshjul --dato 2026-05-20 --score venner=3/8 --score familie=4/8 \
  --score skole=3/7 --score fodbold=7/9 --eget-omraade fodbold --lager "$dst" >/dev/null
UNGE_NU=2026-08-31T13:00:00Z "$unge" vaerktoej 2026-0002 --type forandringscirkel --dato 2026-06-10 --fase foerovervejelse --lager "$dst" >/dev/null
UNGE_NU=2026-08-31T13:00:00Z "$unge" vaerktoej 2026-0002 --type forandringscirkel --dato 2026-07-15 --fase planlaegning --lager "$dst" >/dev/null
UNGE_NU=2026-08-31T13:00:00Z "$unge" vaerktoej 2026-0002 --type forandringscirkel --dato 2026-08-20 --fase foerovervejelse --tilbagefald --lager "$dst" >/dev/null
for t in livshjul livslinje fordele-ulemper forandringscirkel bekymringsbue; do
  UNGE_NU=2026-08-31T13:00:00Z "$unge" vaerktoej 2026-0002 --fra-fil "$ex/$t.json" --lager "$dst" >/dev/null
done
UNGE_NU=2026-06-02T09:00:00Z "$unge" vaerktoej 2026-0004 --type livshjul --dato 2026-03-03 --score arbejde=3/8 --score familie=5/7 \
  --score venner=6/6 --score bolig=4/8 --score økonomi=2/6 --ord "økonomi=Pengene går til kokain" --lager "$dst" >/dev/null
UNGE_NU=2026-06-02T09:00:00Z "$unge" vaerktoej 2026-0004 --type forandringscirkel --dato 2026-03-03 --fase overvejelse --lager "$dst" >/dev/null
UNGE_NU=2026-06-02T09:00:00Z "$unge" vaerktoej 2026-0004 --type forandringscirkel --dato 2026-04-07 --fase handling --lager "$dst" >/dev/null
UNGE_NU=2026-06-02T09:00:00Z "$unge" vaerktoej 2026-0004 --type forandringscirkel --dato 2026-05-12 --fase vedligeholdelse --lager "$dst" >/dev/null
UNGE_NU=2026-06-02T09:00:00Z "$unge" vaerktoej 2026-0004 --type livshjul --dato 2026-06-02 --score arbejde=6/8 --score familie=6/7 \
  --score venner=4/6 --score bolig=4/8 --score økonomi=4/6 --ord "arbejde=Værkstedet er det bedste ved ugen" --lager "$dst" >/dev/null
UNGE_NU=2026-06-02T09:00:00Z "$unge" vaerktoej 2026-0004 --type livslinje --dato 2026-06-02 \
  --hoejdepunkt "2021-08-10: Fik fritidsjob i cykelbutik" --lavpunkt "2023-01-15: Droppede ud af 10. klasse" \
  --lavpunkt "2025-10-01: Begyndte at tage kokain i weekenden" --hoejdepunkt "2026-04-07: Startede på værkstedslinjen" --lager "$dst" >/dev/null
# Only the case files belong in the repository: the audit log, the index and locks are made anew.
rm -rf "$dst/log" "$dst/laase" "$dst/indeks.tsv"
chmod 644 "$dst"/sager/*.json
echo "Fixtures/lager rebuilt: $(ls "$dst/sager" | wc -l) cases"
# The demo cases `unge demo` writes are the same cases, embedded in the binary.
python3 Scripts/embed-demo-cases.py
