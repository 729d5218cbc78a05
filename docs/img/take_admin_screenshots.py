"""Take the administration screenshots of docs/gui.md (admin-*.png) from the demo database.

    python docs/img/take_admin_screenshots.py               # offscreen, bundled font only
    Xvfb :99 -screen 0 1366x768x24 & DISPLAY=:99 QT_QPA_PLATFORM=xcb python docs/img/take_admin_screenshots.py

Works in a scratch data folder (the demo is built there), never on the user's own data. The
last shots edit a note of the scratch demo with plain sqlite3, to show what Verify says then.
"""

from __future__ import annotations

import sqlite3

import screenshots
from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget
from screenshots import open_demo

SETTLE_MS = 200  # the administration shots have always waited a little longer


def settle(ms: int = SETTLE_MS) -> None:
    screenshots.settle(ms)


def shoot(widget: QWidget, name: str) -> None:
    screenshots.shoot(widget, f"admin-{name}", settle_ms=SETTLE_MS)


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
    screenshots.save(image, f"admin-{name}")


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
    launcher, window = open_demo("zh")
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
