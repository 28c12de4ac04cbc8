#!/usr/bin/env bash
# Fuzz one part of unge with libFuzzer and AddressSanitizer (LeakSanitizer included).
#
#   Harness/fuzz.sh <target> <seconds>      targets: dekoder, cpr, dato, argumenter
#
# Compiles the relevant Sources files together with Harness/fuzz/targets/<target>.swift using
# `swiftc -sanitize=fuzzer,address -parse-as-library`, then runs it for <seconds> seconds with the
# committed seed corpus Harness/fuzz/corpus/<target>/ (read only) and a work corpus under
# .build/fuzz/. Crashes are written to .build/fuzz/crash-<target>-*. Exit status non-zero on a crash,
# a hang (-timeout=10 s per input) or a leak. Run one fuzzer at a time on a small machine.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: Harness/fuzz.sh <dekoder|cpr|dato|argumenter> <seconds>}
seconds=${2:-60}
out=.build/fuzz
mkdir -p "$out/corpus-$target"
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6)

core_sources=$(find Sources/UngeCore -name '*.swift' | sort)
build_core() {
    # UngeCore as a static library module, rebuilt when a source is newer than the library.
    if [ ! -f "$out/libUngeCore.a" ] || [ -n "$(find Sources/UngeCore -name '*.swift' -newer "$out/libUngeCore.a")" ]; then
        echo "Bygger UngeCore til fuzzing ..." >&2
        # shellcheck disable=SC2086
        swiftc "${flags[@]}" -emit-library -static -module-name UngeCore -emit-module \
            -emit-module-path "$out/UngeCore.swiftmodule" -o "$out/libUngeCore.a" $core_sources
    fi
}

exe="$out/fuzz-$target"
case "$target" in
    dekoder)
        build_core
        swiftc "${flags[@]}" -module-name UngeStore -I "$out" -L "$out" -lUngeCore \
            Sources/UngeStore/*.swift Harness/fuzz/targets/dekoder.swift -o "$exe"
        ;;
    cpr|dato)
        build_core
        swiftc "${flags[@]}" -module-name "Fuzz$target" -I "$out" -L "$out" -lUngeCore \
            "Harness/fuzz/targets/$target.swift" -o "$exe"
        ;;
    argumenter)
        swiftc "${flags[@]}" -module-name UngeCLIArguments \
            Sources/UngeCLI/Framework/Arguments.swift Harness/fuzz/targets/argumenter.swift -o "$exe"
        ;;
    *)
        echo "Ukendt mål '$target'. Vælg dekoder, cpr, dato eller argumenter." >&2
        exit 2
        ;;
esac

"$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$out/crash-$target-" "$out/corpus-$target" "Harness/fuzz/corpus/$target"
