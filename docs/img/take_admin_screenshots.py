"""Take the administration screenshots of docs/gui.md (admin-*.png) from the demo database.

    python docs/img/take_admin_screenshots.py               # offscreen, bundled font only
    Xvfb :99 -screen 0 1366x768x24 & DISPLAY=:99 QT_QPA_PLATFORM=xcb python docs/img/take_admin_screenshots.py

Works in a scratch data folder (the demo is built there), never on the user's own data. The
last shots edit a note of the scratch demo with plain sqlite3, to show what Verify says then.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["INSPECTOR_DATA_DIR"] = tempfile.mkdtemp(prefix="inspector-shots-")

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a checkout

from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from inspector.gui import startup as app

OUT = Path(__file__).resolve().parent
SIZE = QSize(1366, 768)


def settle(ms: int = 200) -> None:
    QTest.qWait(ms)


def save(image, name: str) -> None:
    path = OUT / f"admin-{name}.png"
    image.save(str(path), "PNG", 9)
    print(f"{path.relative_to(OUT.parent.parent)}  {path.stat().st_size // 1024} KB")


def shoot(widget: QWidget, name: str) -> None:
    settle()
    save(widget.grab().toImage(), name)


def shoot_menu(window, name: str) -> None:
    """The window with its File menu open (the menu is a window of its own: painted on)."""
    bar = window.menuBar()
    menu = window.file_menu
    menu.popup(bar.mapToGlobal(bar.actionGeometry(menu.menuAction()).bottomLeft()))
    settle(300)
    image = window.grab().toImage()
    painter = QPainter(image)
    at = window.mapFromGlobal(menu.mapToGlobal(QPoint(0, 0)))
    painter.drawPixmap(at, menu.grab())
    painter.end()
    menu.hide()
    save(image, name)


def wait_for(condition, ms: int = 600_000) -> None:
    waited = 0
    while not condition() and waited < ms:
        settle(50)
        waited += 50


def verify(window, name: str) -> None:
    admin = window.admin
    admin.verify_action.trigger()
    dialog = admin.verify_dialog
    settle()
    dialog.verify()
    wait_for(dialog.verify_button.isEnabled)
    shoot(dialog, name)
    dialog.hide()


def backup(window, name: str) -> None:
    """Back up now, and the message that says where the copy went."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    window.admin.backup_action.trigger()
    window.context.runner.wait(60_000)
    wait_for(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    shoot(box, name)
    box.accept()


def about(window, name: str) -> None:
    dialog = window.admin.show_about()
    shoot(dialog, name)
    dialog.reject()


def main() -> int:
    qapp = app.application(sys.argv[:1])
    args = argparse.Namespace(db=None, checklists=None, demo=True, lang="zh")
    launcher, code = app.start(args, app=qapp)
    if launcher is None:
        return code
    window = launcher.opened.window
    window.resize(SIZE)
    window.activateWindow()
    window.context.runner.wait(60_000)  # the day's backup
    settle(300)
    window.admin.refresh_last_backup()
    for lang in ("zh", "en"):
        window.set_language(lang)
        settle()
        shoot_menu(window, f"menu-{lang}")
        verify(window, f"verify-{lang}")
        about(window, f"about-{lang}")
    window.set_language("zh")
    backup(window, "backup-zh")

    db_path = window.context.db_path
    with sqlite3.connect(db_path, isolation_level=None) as conn:  # an edit by hand
        conn.execute(
            "UPDATE marks SET note = 'nothing wrong' WHERE (inspection_id, item_id) = "
            "(SELECT inspection_id, item_id FROM marks WHERE note != '' LIMIT 1)"
        )
    for lang in ("en", "zh"):
        window.set_language(lang)
        verify(window, f"verify-tampered-{lang}")
    launcher.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
