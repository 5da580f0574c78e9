#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a source file differs from what clang-format makes of it (the root .clang-format).
# Checks every *.cpp and *.h under core, sync, ui, app and tests, tracked or not (a new file is
# checked before its first commit); build folders and the fuzz corpus are not sources.
# Usage: tests/hygiene/format.sh        (from anywhere; prints file:line: error per finding)
# Exit status: 0 when clean, 1 on a finding, 2 when clang-format is missing.
# Fix a file in place: clang-format-14 -i FILE. Run by `.ci/dev test`.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Debian 12 ships clang-format 14; the style options of .clang-format need at least that.
format="${CLANG_FORMAT:-$(command -v clang-format-14 || command -v clang-format || true)}"
if [ -z "$format" ]; then
    echo "format.sh: no clang-format (.ci/deps installs clang-format)" >&2
    exit 2
fi

mapfile -d '' files < <(find core sync ui app tests \
    \( -type d \( -name 'build*' -o -path tests/fuzz/corpus \) -prune \) -o \
    -type f \( -name '*.cpp' -o -name '*.h' \) -print0 | sort -z)

# --Werror turns each would-be replacement into an error naming its file and line; xargs keeps
# going past a failing batch and exits 123 when any failed.
status=0
printf '%s\0' "${files[@]}" | xargs -0 -n 50 "$format" --dry-run --Werror --style=file || status=$?
if [ "$status" -ne 0 ]; then
    echo "format.sh: files differ from .clang-format (checked ${#files[@]} files)" >&2
    exit 1
fi
echo "format.sh: ${#files[@]} files clean"
