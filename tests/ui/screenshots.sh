#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the main screens in Indonesian and English at 1366×768 into PNGs, on a fresh demo
# profile, under Xvfb (a real X server) when it is there, else the offscreen platform.
# Usage: tests/ui/screenshots.sh [BUILD_DIR] [OUT_DIR]
set -euo pipefail
build="${1:-build}"
out="${2:-$build/screenshots}"
mkdir -p "$out"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
run() {
    if command -v xvfb-run >/dev/null; then
        HOME="$home" xvfb-run -a -s "-screen 0 1366x768x24" "$build/app/dampingi" "$@"
    else
        HOME="$home" QT_QPA_PLATFORM=offscreen "$build/app/dampingi" "$@"
    fi
}
for lang in id en; do
    for page in home cases case settings; do
        run --language "$lang" --page "$page" --screenshot "$out/$page-$lang.png"
        echo "$out/$page-$lang.png"
    done
    # The case file's tabs: incident, assessment, services and referrals, history.
    for tab in 1 2 5 10; do
        run --language "$lang" --page case --tab "$tab" --screenshot "$out/case-tab$tab-$lang.png"
        echo "$out/case-tab$tab-$lang.png"
    done
done
