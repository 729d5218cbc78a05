"""Take the line-up screenshots (docs/img/lineup-zh.png, lineup-en.png) from the demo database.

    python docs/img/take_lineup_screenshots.py          # offscreen, bundled font only
    Xvfb :99 -screen 0 1366x768x24 & DISPLAY=:99 QT_QPA_PLATFORM=xcb \\
        python docs/img/take_lineup_screenshots.py

The whole demo site in one line-up, driven by the keys a supervisor presses: a few people pass,
one has coloured nail polish (6 X 3), one dusty shoes (9 X 1); the shot shows a person with a
failed point and the reason picker open on another point. Works in a scratch data folder.
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

from inspector.domain.people import Sex
from inspector.gui import startup as app

OUT = Path(__file__).resolve().parent
SIZE = QSize(1366, 768)  # the smallest laptop or tablet screen we support
DIGITS = {n: getattr(Qt.Key, f"Key_{n}") for n in range(1, 10)}


def settle(ms: int = 150) -> None:
    QTest.qWait(ms)


def key(k, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        target = QApplication.activeModalWidget() or QApplication.focusWidget()
        QTest.keyClick(target, k, modifier)
        QApplication.processEvents()


def keys(*presses) -> None:
    for k in presses:
        key(k if isinstance(k, Qt.Key) else DIGITS[k])


def shoot(window, name: str) -> None:
    settle()
    image = window.grab().toImage()
    path = OUT / f"{name}.png"
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
    start.scope.setCurrentIndex(1)  # the biggest site of the demo, everyone: a long line
    start.supervisor.setText("黄主管")
    key(Qt.Key.Key_Return)
    settle()
    controller = section.controller
    keys(Qt.Key.Key_Space, Qt.Key.Key_Space)
    keys(9, Qt.Key.Key_X, 1, Qt.Key.Key_Space)  # dusty shoes
    keys(Qt.Key.Key_Space)
    # On to the first woman who wears a tie or neck bow (the longest profile): coloured nail
    # polish recorded, then the picker open on her neckwear and top.
    for _ in range(controller.count):
        person = controller.person()
        if person.employee.sex is Sex.FEMALE and len(controller.items_model.rows()) >= 16:
            break
        keys(Qt.Key.Key_Space)
    keys(6, Qt.Key.Key_X, 3)  # coloured nail polish
    keys(4, Qt.Key.Key_Down, Qt.Key.Key_X)  # the shirt and jacket: the picker is open
    shoot(window, "lineup-zh")
    window.set_language("en")
    settle(300)
    shoot(window, "lineup-en")
    launcher.close()
    QGuiApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
