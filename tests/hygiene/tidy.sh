#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs clang-tidy (the checks of the root .clang-tidy, every one an error) over every .cpp of
# core, sync, ui and app, with the flags of BUILD_DIR/compile_commands.json, and fails on any
# finding. Headers are checked through the .cpp files that include them (HeaderFilterRegex);
# tests, moc output and other generated files are not.
# Usage: tests/hygiene/tidy.sh [BUILD_DIR]     (default: build; a configured build dir)
#   TIDY_JOBS=N   parallel clang-tidy processes (default: nproc)
# Exit status: 0 when clean, 1 on a finding, 2 when the tools or the build dir are missing.
# Prints each finding (file:line:col: error: ... [check]) and a count per check; the full
# output is kept in BUILD_DIR/clang-tidy.log. Run by `.ci/dev test`.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
build="${1:-build}"
jobs="${TIDY_JOBS:-$(nproc)}"

# Debian 12: package clang-tidy (version 14) ships both binaries.
tidy="$(command -v clang-tidy-14 || command -v clang-tidy || true)"
runner="$(command -v run-clang-tidy-14 || command -v run-clang-tidy || true)"
if [ -z "$tidy" ] || [ -z "$runner" ]; then
    echo "tidy.sh: no clang-tidy/run-clang-tidy (.ci/deps installs clang-tidy)" >&2
    exit 2
fi
if [ ! -f "$build/compile_commands.json" ]; then
    echo "tidy.sh: no $build/compile_commands.json: configure first (cmake -S . -B $build -G Ninja)" >&2
    exit 2
fi
# The sources include moc and uic output from the autogen folders; a fresh configure has none.
cmake --build "$build" --parallel "$jobs" \
    --target dampingi_core_autogen dampingi_sync_autogen dampingi_server_autogen dampingi_ui_autogen

log="$build/clang-tidy.log"
rootRe="$(printf '%s' "$root" | sed 's/[][\\.^$*+?(){}|]/\\&/g')"
started=$(date +%s)
status=0
# The regex keeps our own sources: build folders (moc, qrc, autogen) and tests live elsewhere.
"$runner" -clang-tidy-binary "$tidy" -p "$build" -j "$jobs" -quiet \
    "^$rootRe/(core|sync|ui|app)/.*\.cpp\$" >"$log" 2>&1 || status=$?

# run-clang-tidy 14 always asks for colour; the log is for reading.
sed -i -E 's/\x1b\[[0-9;]*m//g' "$log"
# A header's finding is reported once per .cpp that includes it: print each once.
findings="$(grep -E '^/.*:[0-9]+:[0-9]+: (warning|error): ' "$log" | sed -e "s|^$root/||" \
    -e 's/,-warnings-as-errors\]$/]/' | sort -u || true)"
count=0
[ -n "$findings" ] && count=$(printf '%s\n' "$findings" | wc -l)
elapsed=$(( $(date +%s) - started ))
if [ "$status" -ne 0 ] && [ "$count" -eq 0 ]; then
    # clang-tidy failed without a finding of ours (a compile error, a bad .clang-tidy): show it.
    grep -v "^$tidy " "$log" >&2 || true
    echo "tidy.sh: clang-tidy failed (exit $status), see $log" >&2
    exit 1
fi
if [ "$count" -gt 0 ]; then
    printf '%s\n' "$findings"
    echo "tidy.sh: $count findings in ${elapsed}s; per check:" >&2
    printf '%s\n' "$findings" | grep -oE '\[[a-z0-9.,-]+\]$' | sort | uniq -c | sort -rn >&2
    exit 1
fi
echo "tidy.sh: clean in ${elapsed}s ($jobs jobs)"
