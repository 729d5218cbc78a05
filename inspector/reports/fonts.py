"""The one font of every report: the bundled CJK TrueType font, embedded (subset) in each PDF.

There is no fallback: a report built with Helvetica would print Chinese names as black boxes,
so a missing font file is an error that says where the file should be.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from inspector import paths
from inspector.domain.errors import UserError

FONT_NAME = "InspectorCJK"

_lock = threading.Lock()
_registered_from: Path | None = None


class ReportFontError(UserError, FileNotFoundError):
    """The bundled report font is missing or unreadable."""


def font_file() -> Path:
    """Where the bundled font should be (``resources/fonts`` of the installation)."""
    try:
        return paths.font_path()
    except FileNotFoundError as exc:
        raise ReportFontError(
            f"The report font cannot be found: {exc} Reports need the bundled font "
            "resources/fonts/WenQuanYiMicroHei.ttf; reinstall Inspector."
        ) from None


def load_font(path: Path) -> TTFont:
    """The TrueType font at ``path`` as ``InspectorCJK`` (not registered)."""
    try:
        return TTFont(FONT_NAME, str(path))
    except Exception as exc:  # a damaged or non-TrueType file
        raise ReportFontError(
            f"The report font {path} cannot be read ({exc}). Reinstall Inspector."
        ) from exc


def register_fonts(path: Path | None = None) -> str:
    """Register the bundled font once as ``InspectorCJK`` and return that name.

    Raises ReportFontError when the file is missing or is not a usable TrueType font, every
    time it is asked (a font registered earlier does not hide a file removed since).
    """
    global _registered_from
    path = Path(path) if path is not None else font_file()
    if not path.is_file():
        raise ReportFontError(
            f"The report font {path} is missing: reports print Chinese text with this font "
            "and are not built without it. Reinstall Inspector to restore it."
        )
    with _lock:
        if _registered_from is not None:
            return FONT_NAME
        pdfmetrics.registerFont(load_font(path))
        # Bold and italic markup map to the same face: never to a built-in PDF font.
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(FONT_NAME, bold, italic, FONT_NAME)
        _registered_from = path
    return FONT_NAME


def missing_glyphs(text: str) -> set[str]:
    """The characters of ``text`` (other than line breaks) the report font cannot draw."""
    register_fonts()
    face = pdfmetrics.getFont(FONT_NAME).face
    return {ch for ch in set(text) if ch not in "\n\r\t" and ord(ch) not in face.charToGlyph}
