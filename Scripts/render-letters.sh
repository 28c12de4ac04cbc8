#!/usr/bin/env bash
# Renders the golden letters (Fixtures/breve/*.html) to PDF on A4 with headless Chromium, then to one
# PNG per page with pdftoppm, into OUT (default: a new temp folder), so they can be looked at.
# Usage: Scripts/render-letters.sh [OUT]   (needs chromium and poppler-utils)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
for html in Fixtures/breve/*.html; do
  name="$(basename "$html" .html)"
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$out/$name.pdf" "file://$PWD/$html" >/dev/null 2>&1
  pdftoppm -r 60 -png "$out/$name.pdf" "$out/$name"
done
ls "$out"
