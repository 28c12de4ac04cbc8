#!/usr/bin/env bash
# Renders the pictures and the printable overview of a fixture case to PNG with headless Chromium
# (Debian: apt-get install -y chromium), for a look by eye. Not part of CI.
# Usage: Harness/render.sh [SAG] [UDMAPPE]   (default 2026-0002 and /tmp/unge-render)
set -euo pipefail
cd "$(dirname "$0")/.."
case_id="${1:-2026-0002}"
out="${2:-/tmp/unge-render}"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then echo "Chromium mangler: apt-get install -y chromium" >&2; exit 2; fi
swift build --product unge >/dev/null
unge="$(swift build --show-bin-path)/unge"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lager/sager" "$out"
chmod 700 "$work/lager" "$work/lager/sager"  # unge only uses a private store folder
cp Fixtures/lager/sager/*.json "$work/lager/sager/"
export UNGE_NU=2026-09-01T08:30:00Z UNGE_BRUGER=render UNGE_LAGER="$work/lager"
"$unge" netvaerk "$case_id" --format svg --ud "$out/netvaerk.svg"
for t in livshjul livslinje forandringscirkel fordele-ulemper bekymringsbue; do
  "$unge" vaerktoej "$case_id" --type "$t" --format svg --ud "$out/$t.svg" 2>/dev/null || true
done
"$unge" vis "$case_id" --format html --ud "$out/overblik.html"
for f in "$out"/*.svg "$out"/*.html; do
  [ -e "$f" ] || continue
  height=900
  case "$f" in *.html) height=4000 ;; esac
  timeout 60 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --screenshot="${f%.*}.png" --window-size=820,$height "file://$f" >/dev/null 2>&1 || echo "Kunne ikke tegne $f" >&2
done
echo "PNG-filer i $out:"
ls "$out"/*.png
