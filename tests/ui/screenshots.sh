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
# Sync screens (district server settings, conflicts to review) need a server and two laptops: the
# widget test binary renders them against the in-process server library.
if [ -x "$build/tests/test_ui" ]; then
    for lang in id en; do
        if command -v xvfb-run >/dev/null; then
            DAMPINGI_SCREENSHOT_DIR="$out" DAMPINGI_LANGUAGE="$lang" QT_QPA_PLATFORM=xcb \
                xvfb-run -a -s "-screen 0 1366x768x24" "$build/tests/test_ui" "[.screenshots]" >/dev/null
        else
            DAMPINGI_SCREENSHOT_DIR="$out" DAMPINGI_LANGUAGE="$lang" QT_QPA_PLATFORM=offscreen \
                "$build/tests/test_ui" "[.screenshots]" >/dev/null
        fi
        for shot in settings-server settings-enrolled home-attention case-conflicts conflicts \
            case-documents-waiting sync-statusbar sync-panel; do
            echo "$out/$shot-$lang.png"
        done
    done
fi
