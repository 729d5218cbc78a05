"""What the screenshot scripts of this folder share: the app on the demo database in a scratch
data folder (never the user's own data), keys pressed where the focus is, and shots saved here.

Imported first by those scripts: it sets the platform and the data folder before Qt and the
app are loaded, and puts the checkout on the path.
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
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from inspector.gui import startup

OUT = Path(__file__).resolve().parent
SIZE = QSize(1366, 768)  # the smallest laptop or tablet screen we support


def settle(ms: int = 150) -> None:
    QTest.qWait(ms)


def key(k, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    """Press ``k`` where a user's key would go: the open dialog, else the focused widget."""
    for _ in range(times):
        target = QApplication.activeModalWidget() or QApplication.focusWidget()
        QTest.keyClick(target, k, modifier)
        QApplication.processEvents()


def save(image: QImage, name: str) -> None:
    """``image`` as ``name``.png in this folder; prints the path and size."""
    path = OUT / f"{name}.png"
    image.save(str(path), "PNG", 9)
    print(f"{path.relative_to(OUT.parent.parent)}  {path.stat().st_size // 1024} KB")


def shoot(widget: QWidget, name: str, *, settle_ms: int = 150) -> None:
    """Once the screen has settled, ``widget`` as ``name``.png in this folder."""
    settle(settle_ms)
    save(widget.grab().toImage(), name)


def open_demo(lang: str = "zh"):
    """The app on the demo database (built on first use): the launcher and its window, at SIZE,
    active and settled. Exits with the app's status when it did not start."""
    qapp = startup.application(sys.argv[:1])
    args = argparse.Namespace(db=None, checklists=None, demo=True, lang=lang)
    launcher, code = startup.start(args, app=qapp)
    if launcher is None:
        raise SystemExit(code)
    window = launcher.opened.window
    window.resize(SIZE)
    window.activateWindow()
    settle(300)
    return launcher, window


def biggest_site_lineup(window):
    """The line-up section, its start screen set for a long line: the demo's biggest site,
    everyone, supervisor 黄主管 (Enter starts it)."""
    section = window.lineup
    start = section.home.start
    start.scope.setCurrentIndex(1)
    start.supervisor.setText("黄主管")
    return section
