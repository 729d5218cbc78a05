"""Take the screenshots of docs/gui.md from the demo database, driven by the keyboard.

    python docs/img/take_screenshots.py                     # offscreen, bundled font only
    Xvfb :99 -screen 0 1366x768x24 & DISPLAY=:99 QT_QPA_PLATFORM=xcb python docs/img/take_screenshots.py

Works in a scratch data folder (the demo is built there), never on the user's own data.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["INSPECTOR_DATA_DIR"] = tempfile.mkdtemp(prefix="inspector-shots-")

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a checkout

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from inspector.gui import startup as app

OUT = Path(__file__).resolve().parent
SIZE = QSize(1366, 768)  # the smallest laptop or tablet screen we support


def settle(ms: int = 150) -> None:
    QTest.qWait(ms)


def key(k, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        target = QApplication.activeModalWidget() or QApplication.focusWidget()
        QTest.keyClick(target, k, modifier)
        QApplication.processEvents()


def fail_first_reason(section) -> None:
    """X, and 1 if the point has several reasons (a point with one fails on X alone)."""
    key(Qt.Key.Key_X)
    if section.lineup_page.person_view.picker.is_open:
        key(Qt.Key.Key_1)


def shoot(window, name: str) -> None:
    settle()
    image = window.grab().toImage()
    path = OUT / f"gui-{name}.png"
    image.save(str(path), "PNG", 9)
    print(f"{path.relative_to(OUT.parent.parent)}  {path.stat().st_size // 1024} KB")


def main() -> int:
    qapp = app.application(sys.argv[:1])
    args = argparse.Namespace(db=None, checklists=None, demo=True, lang="zh")
    launcher, code = app.start(args, app=qapp)
    if launcher is None:
        return code
    window = launcher.opened.window
    window.resize(SIZE)
    window.activateWindow()
    settle(300)
    section = window.lineup
    start = section.home.start
    # The biggest site of the demo, everyone: a long line.
    start.scope.setCurrentIndex(1)
    start.supervisor.setText("黄主管")
    shoot(window, "home")

    key(Qt.Key.Key_Return)
    settle()
    plan = {2: [1], 5: [3, 6], 9: "absent", 11: "late", 14: [2]}
    for person in range(15):
        what = plan.get(person)
        if what == "absent":
            key(Qt.Key.Key_A)
            continue
        if what == "late":
            key(Qt.Key.Key_T)
        for down in what if isinstance(what, list) else []:
            key(Qt.Key.Key_Down, times=down)
            fail_first_reason(section)
        key(Qt.Key.Key_Space)
    # The 16th person: a fault with a note, left on screen.
    key(Qt.Key.Key_Down, times=4)
    fail_first_reason(section)
    key(Qt.Key.Key_N)
    settle()
    dialog = section.lineup_page.person_view.note_dialog
    dialog._pick_buttons[1].click()
    key(Qt.Key.Key_Return)
    settle()
    # The line-up screen itself: docs/img/take_lineup_screenshots.py (lineup-zh/en.png).
    key(Qt.Key.Key_G)
    shoot(window, "grid")
    key(Qt.Key.Key_G)
    key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle()
    shoot(section.lineup_page.finish_box, "finish-confirm")
    key(Qt.Key.Key_Return)
    settle(300)
    shoot(window, "summary")
    window.show_shortcuts()
    settle()
    shoot(window.shortcuts_dialog, "shortcuts")
    window.shortcuts_dialog.close()
    launcher.close()
    QGuiApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
