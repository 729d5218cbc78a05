"""Rebuild resources/fonts/WenQuanYiMicroHei.ttf from the WenQuanYi Micro Hei collection.

Source: Debian package ``fonts-wqy-microhei`` (file /usr/share/fonts/truetype/wqy/wqy-microhei.ttc,
version 0.2.0-beta, licence Apache-2.0 or GPLv3 with font exception; see LICENSE-WenQuanYi.txt).

The collection holds two faces; we keep face 0 (proportional "WenQuanYi Micro Hei") and subset it
to what an inspection app writes: Latin, punctuation and symbols, CJK symbols, every CJK Unified
Ideograph (so any name on a roster renders), kana, and full-width forms. Hangul is dropped.
The result has TrueType outlines, which both Qt and ReportLab's TTFont accept.

Run: python resources/fonts/build_font.py [path/to/wqy-microhei.ttc]
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

RANGES = [
    (0x0020, 0x024F),  # Basic Latin, Latin-1, Latin Extended-A/B
    (0x02B0, 0x02FF),  # spacing modifiers
    (0x0370, 0x03FF),  # Greek (units, symbols)
    (0x2000, 0x27BF),  # punctuation, super/subscripts, currency, letterlike, arrows, math, box, shapes, dingbats
    (0x2E80, 0x2FDF),  # CJK radicals
    (0x3000, 0x30FF),  # CJK symbols and punctuation, hiragana, katakana
    (0x3100, 0x31FF),  # bopomofo, CJK strokes
    (0x3200, 0x33FF),  # enclosed CJK, compatibility
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half-width and full-width forms
]


def main() -> None:
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
    target = Path(__file__).with_name("WenQuanYiMicroHei.ttf")
    font = TTCollection(str(source)).fonts[0]
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = False
    options.layout_features = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[cp for lo, hi in RANGES for cp in range(lo, hi + 1)])
    subsetter.subset(font)
    font.save(str(target))
    print(f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB, {len(font.getGlyphOrder())} glyphs)")


if __name__ == "__main__":
    main()
