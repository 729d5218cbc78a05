"""Take the screenshots of docs/gui.md from the demo database, driven by the keyboard.

    python docs/img/take_screenshots.py                     # offscreen, bundled font only
    Xvfb :99 -screen 0 1366x768x24 & DISPLAY=:99 QT_QPA_PLATFORM=xcb python docs/img/take_screenshots.py

Works in a scratch data folder (the demo is built there), never on the user's own data.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from screenshots import biggest_site_lineup, key, open_demo, settle
from screenshots import shoot as shoot_as


def fail_first_reason(section) -> None:
    """X, and 1 if the point has several reasons (a point with one fails on X alone)."""
    key(Qt.Key.Key_X)
    if section.lineup_page.person_view.picker.is_open:
        key(Qt.Key.Key_1)


def _a_day_with_rechecks_due(window) -> QDate:
    """The latest day whose 讲评 card at the chosen site names faults still to re-check."""
    from inspector.services.briefing import briefing

    store = window.context.store
    site = window.lineup.home.start.current_scope().site
    for day in sorted({lu.day for lu in store.list_lineups() if lu.site == site}, reverse=True):
        after = day + timedelta(days=1)
        if briefing(store, site, after).rechecks_due:
            return QDate(after.year, after.month, after.day)
    return window.lineup.home.start.date.date()


def shoot(window, name: str) -> None:
    shoot_as(window, f"gui-{name}")


def main() -> int:
    launcher, window = open_demo("zh")
    section = biggest_site_lineup(window)
    start = section.home.start
    today = start.date.date()
    start.date.setDate(_a_day_with_rechecks_due(window))  # the 讲评 card with both halves
    shoot(window, "home")
    start.date.setDate(today)

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
