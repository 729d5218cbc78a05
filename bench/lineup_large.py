"""How the line-up screen copes with a big line: a 1,600-person "everyone" line-up, offscreen.

    python bench/lineup_large.py [--people 1600] [--spaces 50]

Times, on the real window: the start (Enter on the start screen until the first person is on
screen), then Space (pass all, save, next person on screen) for ``--spaces`` people, each from
the key press until the next person is shown. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from offscreen_window import application, main_window
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from inspector.domain.people import Employee, Sex
from inspector.files.checklists import load_catalogue

ROLES = ("customer-service", "security", "receptionist", "lifeguard", "cleaner", "engineer")


def roster(people: int) -> list[Employee]:
    return [
        Employee(
            employee_no=f"L{n:04d}",
            name=f"员工{n:04d}",
            sex=Sex.FEMALE if n % 2 else Sex.MALE,
            department=f"部门{n % 12:02d}",
            role=ROLES[n % len(ROLES)],
            site="阳光花园",  # one site: the start screen offers everyone in one line-up
        )
        for n in range(1, people + 1)
    ]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1600)
    parser.add_argument("--spaces", type=int, default=50)
    args = parser.parse_args()
    app = application()
    with main_window(app, roster(args.people), load_catalogue(), "large.db") as (window, _store):
        print_timings(app, window, args.spaces)
    return 0


def print_timings(app: QApplication, window, spaces: int) -> None:
    section = window.lineup
    start = section.home.start
    start.scope.setCurrentIndex(0)  # everyone
    controller = section.controller
    began = time.perf_counter()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    while section.currentWidget() is not section.lineup_page or controller.current_row != 0:
        app.processEvents()
    started = time.perf_counter() - began
    view = section.lineup_page.person_view
    times = []
    for n in range(spaces):
        before = time.perf_counter()
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
        while controller.current_row != n + 1:
            app.processEvents()
        app.processEvents()  # the repaint of the new person
        times.append(time.perf_counter() - before)
    assert view.current_item_row() == 0
    print(f"line-up of {controller.count} people (everyone), {os.environ['QT_QPA_PLATFORM']}")
    print(f"start (Enter -> first person on screen): {ms(started)}")
    print(
        f"Space -> saved, next person on screen ({len(times)} presses): median "
        f"{ms(statistics.median(times))}, 90th percentile "
        f"{ms(statistics.quantiles(times, n=10)[-1])}, worst {ms(max(times))}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
