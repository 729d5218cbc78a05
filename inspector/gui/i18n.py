"""Interface language: Qt translators for Simplified Chinese, English source strings.

The chosen language is kept in QSettings. Switching installs or removes the translators, which
makes Qt send ``QEvent.LanguageChange`` to every widget; screens retranslate their labels there,
and item models re-read checklist wordings (``Text.zh`` / ``Text.en``) on ``language_changed``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from inspector import paths
from inspector.gui.ui_settings import ui_settings

log = logging.getLogger(__name__)

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"  # staff and supervisors read Chinese first
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}
_SETTINGS_KEY = "language"

_current = DEFAULT_LANGUAGE
_installed: list[QTranslator] = []


class Retranslating:
    """Mixed in before a Qt widget class: on ``QEvent.LanguageChange`` the widget rewords
    itself with its ``retranslate_ui()``."""

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)  # type: ignore[misc]  # the Qt widget class after this one


def current_language() -> str:
    """The interface language now in use: "zh" or "en"."""
    return _current


def initial_language(requested: str | None = None) -> str:
    """``--lang`` if given, else the language remembered in QSettings, else Chinese."""
    if requested in LANGUAGES:
        return requested
    remembered = ui_settings().value(_SETTINGS_KEY, "", type=str)
    return remembered if remembered in LANGUAGES else DEFAULT_LANGUAGE


def _load(translator: QTranslator, name: str, directory: str) -> bool:
    ok = translator.load(name, directory)
    if not ok:
        log.warning("translation %s not found in %s", name, directory)
    return ok


def set_language(lang: str, *, remember: bool = True) -> str:
    """Install the translators for ``lang`` on the running application and return it.

    English is the source language: it needs no translator.
    """
    global _current
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    _current = lang  # set first: screens read it when the LanguageChange event reaches them
    app = QCoreApplication.instance()
    if app is not None:
        for translator in _installed:
            app.removeTranslator(translator)
        _installed.clear()
        if lang == "zh":
            ours = QTranslator(app)
            if _load(ours, "inspector_zh_CN", str(paths.translations_dir())):
                _installed.append(ours)
            qt_own = QTranslator(app)  # standard buttons (OK, Cancel) and dialogs
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_own.load("qtbase_zh_CN", qt_dir):
                _installed.append(qt_own)
            for translator in _installed:
                app.installTranslator(translator)
    QLocale.setDefault(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        if lang == "zh"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    if remember:
        ui_settings().setValue(_SETTINGS_KEY, lang)
    return lang
