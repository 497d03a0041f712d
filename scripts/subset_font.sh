#!/usr/bin/env bash
# Cuts the embedded UI/PDF font: Noto Sans CJK SC Regular (SIL OFL 1.1, Debian package fonts-noto-cjk)
# reduced to GB2312 + Latin + general punctuation + U+2212, about 3–4 MB.
# Needs: apt-get install fonts-noto-cjk; pip install fonttools.
set -euo pipefail
src=${1:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}
out=$(dirname "$0")/../assets/fonts/NotoSansSC-Regular-subset.otf
chars=$(mktemp)
python3 - "$chars" <<'PY'
import sys
cs = set(chr(c) for c in range(0x20, 0x250))          # Latin, Latin-1, Latin Extended-A/B
cs |= set(chr(c) for c in range(0x2000, 0x2070))      # general punctuation
cs |= set(chr(c) for c in range(0x3000, 0x3040))      # CJK punctuation
cs |= set(chr(c) for c in range(0xFF00, 0xFFF0))      # full-width forms
cs |= {"\u2212", "\u2190", "\u2192", "\u2191", "\u2193", "\u2605", "\u21ba", "\u00b7", "\u2026", "\u25cf", "\u25b2", "\u25bc"}
for hi in range(0xA1, 0xF8):                          # every GB2312 character
    for lo in range(0xA1, 0xFF):
        try:
            cs.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
open(sys.argv[1], "w").write("".join(sorted(cs)))
PY
# Face 2 of the collection is Simplified Chinese (JP, KR, SC, TC, HK).
pyftsubset "$src" --font-number=2 --text-file="$chars" --output-file="$out" \
  --layout-features='*' --no-hinting --desubroutinize --name-IDs='*' --name-legacy --name-languages='*'
rm -f "$chars"
ls -l "$out"
