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
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["INSPECTOR_DATA_DIR"] = tempfile.mkdtemp(prefix="inspector-bench-")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from inspector.domain.people import Employee, Sex
from inspector.files.checklists import load_catalogue
from inspector.gui import fonts, i18n
from inspector.gui.context import AppContext, AppEvents
from inspector.gui.main_window import create_main_window
from inspector.gui.tasks import TaskRunner
from inspector.storage import Store

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
    app = QApplication.instance() or QApplication(sys.argv[:1])
    fonts.install_app_font(app)
    i18n.set_language("zh", remember=False)
    db_path = Path(tempfile.mkdtemp(prefix="inspector-bench-db-")) / "large.db"
    store = Store(db_path)
    store.upsert_employees(roster(args.people))
    store.set_setting("supervisor", "Bench")
    context = AppContext(
        store=store,
        catalogue=load_catalogue(),
        runner=TaskRunner(db_path),
        events=AppEvents(),
        db_path=db_path,
    )
    window = create_main_window(context)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    while QApplication.focusWidget() is None:
        app.processEvents()
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
    for n in range(args.spaces):
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
    window.close()
    context.runner.wait(5000)
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
