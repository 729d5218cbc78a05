"""Per-user interface settings (language, window geometry) in QSettings.

An INI file in the data directory rather than the registry or ~/.config: it follows
``INSPECTOR_DATA_DIR`` (so tests and the demo never touch the user's own settings) and is one
file an administrator can find. Business settings that reports need live in the database.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from inspector import paths


def ui_settings() -> QSettings:
    return QSettings(str(paths.data_dir() / "inspector-ui.ini"), QSettings.Format.IniFormat)
