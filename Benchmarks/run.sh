#!/usr/bin/env bash
# Speed benchmark (issues 2, 9, 10): builds unge in release mode, installs taskwarrior from Debian for
# the comparison, writes fictional stores of 100 and 10,000 cases (and once, a log of 1,000,000 audit
# events) and prints median wall time, CPU time and peak memory.
# Usage: Benchmarks/run.sh [--runs N] [--cases N] [--events N] [--skip-log] [--skip-taskwarrior]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v task >/dev/null 2>&1; then
  (apt-get update -qq && apt-get install -y -qq taskwarrior >/dev/null) || echo "taskwarrior could not be installed; comparison skipped"
fi
# The release build municipal IT installs: one self-contained, statically linked binary.
swift build -c release --static-swift-stdlib --product unge >/dev/null
work="Benchmarks/work"
mkdir -p "$work"
python3 Benchmarks/bench.py "$(swift build -c release --static-swift-stdlib --show-bin-path)/unge" "$work" "$@"
