"""The bundled CJK font, so Chinese renders on a machine without any Chinese font installed."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from inspector import paths

log = logging.getLogger(__name__)

_family: str | None = None
BASE_POINT_SIZE = 11  # readable at arm's length on a tablet held in one hand


def load_bundled_font() -> str | None:
    """Register resources/fonts/WenQuanYiMicroHei.ttf once; returns its family name."""
    global _family
    if _family is not None:
        return _family
    font_file = paths.font_path()
    font_id = QFontDatabase.addApplicationFont(str(font_file))
    if font_id < 0:
        log.error("could not load the bundled font %s", font_file)
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    _family = families[0] if families else None
    return _family


def install_app_font(app: QGuiApplication) -> QFont:
    """Make the bundled font the application font (the system UI font stays as a fallback)."""
    family = load_bundled_font()
    font = QFont(app.font())
    if family:
        system = font.family()
        font.setFamilies([family, system] if system and system != family else [family])
    if font.pointSize() < BASE_POINT_SIZE:
        font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    return font
