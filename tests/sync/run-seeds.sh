#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the sync simulation over seeds CI never runs, on every core, keeps going past failures
# and lists every failing seed, with what failed, at the end.
# Usage: tests/sync/run-seeds.sh FIRST LAST [JOBS] [BUILD_DIR]
#   e.g. tests/sync/run-seeds.sh 10001 13000 2
# Exit status: 0 when every seed passed, 1 when one failed, 2 on a usage error.
# Replay one seed: BUILD_DIR/tests/sync_simulation --seeds 1 --first SEED (SIM_TRACE=1 prints
# its schedule). Failing seeds' logs are kept in $SEEDS_LOGS (default: a new temporary folder).
# SEEDS_STOP_AT=<date> (anything `date -d` reads): seeds not started by then are skipped and
# counted as not run. TMPDIR on a tmpfs (/dev/shm) spares the disk the stores' fsyncs.
set -uo pipefail
if [ $# -lt 2 ]; then
    sed -n '3,12p' "$0" >&2
    exit 2
fi
first="$1"
last="$2"
jobs="${3:-$(nproc)}"
build="${4:-build}"
binary="$build/tests/sync_simulation"
if [ ! -x "$binary" ]; then
    echo "no $binary: build the sync_simulation target first" >&2
    exit 2
fi
logs="${SEEDS_LOGS:-$(mktemp -d)}"
mkdir -p "$logs"
started=$(date +%s)
stopAt=0
[ -n "${SEEDS_STOP_AT:-}" ] && stopAt=$(date -d "$SEEDS_STOP_AT" +%s)

# One process per seed: a failed REQUIRE or a crash ends only that seed (in a block of seeds
# it ends the block, and the seeds after it would silently not run). Start-up is milliseconds
# against a schedule's second or so.
runSeed() {
    local seed="$1"
    if [ "$stopAt" -gt 0 ] && [ "$(date +%s)" -ge "$stopAt" ]; then
        : >"$logs/$seed.skipped"
        return 0
    fi
    if "$binary" --seeds 1 --first "$seed" >"$logs/$seed.log" 2>&1; then
        rm -f "$logs/$seed.log"
    else
        echo "$?" >"$logs/$seed.failed"
    fi
    # Progress on stderr, one line per hundred seeds.
    [ $((seed % 100)) -eq 0 ] && echo "… seed $seed ($(($(date +%s) - started))s)" >&2
    return 0
}
export -f runSeed
export binary logs started stopAt

seq "$first" "$last" | xargs -P "$jobs" -n 1 bash -c 'runSeed "$0"'

failures=()
for marker in "$logs"/*.failed; do
    [ -e "$marker" ] || continue
    seed=$(basename "$marker" .failed)
    log="$logs/$seed.log"
    # A finished schedule reports "seed N: what failed"; else the first failed assertion or the
    # signal (a REQUIRE inside the schedule, a crash).
    what=$(grep -oE "seed $seed: [^\"]*" "$log" | head -1)
    [ -z "$what" ] && what="seed $seed: exit $(cat "$marker"): $(grep -m1 -E 'REQUIRE|CHECK|FATAL|signal' "$log")"
    failures+=("$what")
done
elapsed=$(($(date +%s) - started))
skipped=$(find "$logs" -name '*.skipped' | wc -l)
echo "seeds $first..$last: $((last - first + 1 - skipped)) run, ${#failures[@]} failed, $skipped not run" \
    "(stop time), $jobs jobs, ${elapsed}s"
if [ ${#failures[@]} -gt 0 ]; then
    printf '%s\n' "${failures[@]}" | sort -k2,2n
    echo "logs of the failing seeds: $logs"
    exit 1
fi
