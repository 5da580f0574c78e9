#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Build resources/regions/regions.tsv from the shared regions_full.csv.

The TSV is what Core::RegionIndex loads at start-up (rcc compresses it into the binary):

    # dampingi-regions 1; decree=...; source=regions_full.csv; sha256=...; rows=N; columns=code,name,lat,lng
    11<TAB>Aceh<TAB>4.22573<TAB>96.91187
    ...

Level and parent are not stored: both follow from the code (PP, PP.KK, PP.KK.CC, PP.KK.CC.DDDD).
Coordinates are rounded half-up to 5 decimals (about 1 m) from the decimal text, so the output
does not depend on float formatting; both are empty when the source has no centroid.
Stdlib only. Usage:

    python3 convert-regions.py /path/to/regions_full.csv [-o regions.tsv]
"""

import argparse
import csv
import decimal
import hashlib
import os
import re
import sys

DECREE = "Kepmendagri 300.2.2-2430/2025"
EXPECTED_HEADER = ["code", "name", "level", "parent_code", "lat", "lng"]
LEVELS = {2: "province", 5: "regency", 8: "district", 13: "village"}
CODE_RE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
STEP = decimal.Decimal("0.00001")


def fail(message):
    sys.exit(f"convert-regions: {message}")


def coordinate(text, limit, what, code):
    if text == "":
        return ""
    try:
        value = decimal.Decimal(text)
    except decimal.InvalidOperation:
        fail(f"{code}: {what} {text!r} is not a number")
    if not value.is_finite() or abs(value) > limit:
        fail(f"{code}: {what} {text!r} is out of range")
    rounded = value.quantize(STEP, rounding=decimal.ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # never write "-0.00000"
    return f"{rounded:.5f}"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv", help="regions_full.csv (code,name,level,parent_code,lat,lng)")
    parser.add_argument("-o", "--output", default=os.path.join(here, "regions.tsv"))
    parser.add_argument("--decree", default=DECREE, help=f"decree the codes follow (default: {DECREE})")
    args = parser.parse_args()

    with open(args.csv, "rb") as f:
        raw = f.read()
    sha256 = hashlib.sha256(raw).hexdigest()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        fail(f"input is not UTF-8: {error}")

    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    header = next(reader, None)
    if header != EXPECTED_HEADER:
        fail(f"unexpected header {header!r}, expected {EXPECTED_HEADER!r}")

    rows = []
    seen = set()
    previous = ""
    for line_number, fields in enumerate(reader, start=2):
        if len(fields) != len(EXPECTED_HEADER):
            fail(f"line {line_number}: {len(fields)} fields, expected {len(EXPECTED_HEADER)}")
        code, name, level, parent, lat, lng = fields
        if not CODE_RE.match(code):
            fail(f"line {line_number}: malformed code {code!r}")
        if any(int(part) == 0 for part in code.split(".")):
            fail(f"line {line_number}: code {code!r} has an all-zero segment")
        if code <= previous:
            fail(f"line {line_number}: {code} is not sorted after {previous} (or is a duplicate)")
        previous = code
        if LEVELS[len(code)] != level:
            fail(f"line {line_number}: {code} has level {level!r}, the code says {LEVELS[len(code)]!r}")
        expected_parent = code.rpartition(".")[0]
        if parent != expected_parent:
            fail(f"line {line_number}: {code} has parent {parent!r}, expected {expected_parent!r}")
        if parent and parent not in seen:
            fail(f"line {line_number}: parent {parent} of {code} does not come before it")
        seen.add(code)
        name = name.strip()
        if not name or any(c in name for c in "\t\r\n"):
            fail(f"line {line_number}: {code} has an empty name or one with a tab/newline")
        if (lat == "") != (lng == ""):
            fail(f"line {line_number}: {code} has only one of lat/lng")
        rows.append((code, name, coordinate(lat, 90, "lat", code), coordinate(lng, 180, "lng", code)))

    source = os.path.basename(args.csv)
    out = [f"# dampingi-regions 1; decree={args.decree}; source={source}; sha256={sha256}; "
           f"rows={len(rows)}; columns=code,name,lat,lng\n"]
    out.extend(f"{code}\t{name}\t{lat}\t{lng}\n" for code, name, lat, lng in rows)
    data = "".join(out).encode("utf-8")
    with open(args.output, "wb") as f:
        f.write(data)

    missing = sum(1 for row in rows if row[2] == "")
    counts = {level: 0 for level in LEVELS.values()}
    for row in rows:
        counts[LEVELS[len(row[0])]] += 1
    print(f"{args.output}: {len(rows)} rows ({', '.join(f'{n} {l}' for l, n in counts.items())}), "
          f"{missing} without centroid, {len(data)} bytes; source sha256 {sha256}")


if __name__ == "__main__":
    main()
