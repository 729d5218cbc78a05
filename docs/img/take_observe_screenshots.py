"""Take the screenshots of the floor observation screens (docs/img/observe-*.png) from the
demo database, driven by the keyboard, in one language:

    python docs/img/take_observe_screenshots.py zh
    python docs/img/take_observe_screenshots.py en

Works in a scratch data folder (the demo is built there), never on the user's own data.
"""

from __future__ import annotations

import sys

from pypinyin import Style, lazy_pinyin
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from screenshots import key, open_demo, settle
from screenshots import shoot as shoot_as


def type_keys(text: str) -> None:
    QTest.keyClicks(QApplication.focusWidget(), text)
    QApplication.processEvents()


def shoot(window, name: str, lang: str) -> None:
    shoot_as(window, f"observe-{name}-{lang}")


def initials(name: str) -> str:
    return "".join(lazy_pinyin(name, style=Style.FIRST_LETTER))


def main() -> int:
    lang = sys.argv[1] if len(sys.argv) > 1 else "zh"
    _launcher, window = open_demo(lang)  # kept: it owns the window
    QTest.mouseClick(window.lineup.home.observe_button, Qt.MouseButton.LeftButton)
    settle()
    page = window.pages["observe"]
    page.observer_edit.setText("质检专员 林晓")
    store = page.context.store
    service = [e for e in store.list_employees(active_only=True) if e.role == "customer-service"]
    first, second = service[0], service[3]

    # A first observation, saved: today's list has one.
    page.search_edit.setFocus()
    type_keys(initials(first.name))
    key(Qt.Key.Key_Return)
    key(Qt.Key.Key_6)
    key(Qt.Key.Key_Return)
    key(Qt.Key.Key_Space)
    settle()

    type_keys(initials(second.name))
    shoot(window, "search", lang)
    rows = [e.name for e in page.results_model.rows()]
    key(Qt.Key.Key_Down, times=rows.index(second.name))
    key(Qt.Key.Key_Return)
    key(Qt.Key.Key_1)
    key(Qt.Key.Key_3)
    shoot(window, "situations", lang)
    key(Qt.Key.Key_Return)
    settle()
    items = [r.item.id for r in page.controller.items_model.rows()]
    key(Qt.Key.Key_Down, times=items.index("phone.commanding-tone"))
    key(Qt.Key.Key_X)
    shoot(window, "marking", lang)
    key(Qt.Key.Key_Space)
    shoot(window, "saved", lang)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
