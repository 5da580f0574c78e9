#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the fuzz targets in build-fuzz (clang, ASan, UBSan, libFuzzer) and runs every target
# for N seconds (default 600), one after the other, printing executions and crashes per target:
#   tests/fuzz/run.sh [seconds-per-target] [target-name-regex]
# Exit status non-zero when any target crashed; its inputs are in build-fuzz/tests/fuzz/work/.
# To replay one: build-fuzz/tests/fuzz/<target> <crash file>.
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-600}"
only="${2:-.}"
build="${DAMPINGI_FUZZ_BUILD_DIR:-build-fuzz}"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DDAMPINGI_BUILD_TESTS=OFF -DDAMPINGI_FUZZ=ON "${launcher[@]}" >/dev/null || exit 1
cmake --build "$build" --target dampingi_fuzzers --parallel "$(nproc)" || exit 1

failed=0
for source in tests/fuzz/fuzz_*.cpp; do
    target="$(basename "$source" .cpp)"
    [ "$target" = fuzz_seeds ] && continue
    [[ "$target" =~ $only ]] || continue
    tests/fuzz/fuzz-one.sh "$build/tests/fuzz/$target" "tests/fuzz/corpus/$target" "$seconds" \
        "$build/tests/fuzz/work/$target" || failed=1
done
exit $failed
