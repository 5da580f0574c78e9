#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one libFuzzer target for a while and reports in one line:
#   fuzz-one.sh <target binary> <seed corpus> <seconds> <work dir>
# New inputs go to <work dir>/corpus (the committed seeds are only read), crashes to
# <work dir>/crash-*, the log to <work dir>/log. Exit status non-zero on any crash, leak,
# timeout or out-of-memory. Used by run.sh and by ctest (label fuzz).
set -uo pipefail
binary="$1" seeds="$2" seconds="$3" work="$4"
name="$(basename "$binary")"
mkdir -p "$work/corpus"
rm -f "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*
# -rss_limit_mb: a page may inflate to 64 MiB (Wire::maxDecodedBytes), under ASan that is more.
"$binary" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$work/" "$work/corpus" "$seeds" >"$work/log" 2>&1
status=$?
execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)"
cov="$(grep -o 'cov: [0-9]*' "$work/log" | tail -1 | cut -d' ' -f2)"
crashes="$(ls "$work" | grep -cE '^(crash|leak|timeout|oom)-')"
echo "$name: ${seconds}s, ${execs:-0} executions, coverage ${cov:-?}, $crashes crashes (exit $status)"
if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    grep -m1 -A25 'ERROR:\|fuzz property failed\|ASSERT' "$work/log" >&2 || tail -40 "$work/log" >&2
    ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* 2>/dev/null >&2
    exit 1
fi
