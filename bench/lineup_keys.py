"""How fast the line-up screen answers the keyboard: a 20-person line-up, offscreen.

    python bench/lineup_keys.py [--people 20] [--rounds 3]

16 people pass (Space), 3 have one fault (Down…, X, Space), 1 is absent (A); then Ctrl+Return
and Enter finish. For every key that records something, the time runs from the key press until
a second connection to the database sees the change (so it is committed, not just on screen);
for the keys that only move (Down), until the screen shows the move. Prints figures; asserts
nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["INSPECTOR_DATA_DIR"] = tempfile.mkdtemp(prefix="inspector-bench-")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from inspector.domain.lineup import Attendance, Result
from inspector.domain.people import Employee, Sex
from inspector.files.checklists import load_catalogue
from inspector.gui import fonts, i18n
from inspector.gui.context import AppContext, AppEvents
from inspector.gui.main_window import create_main_window
from inspector.gui.tasks import TaskRunner
from inspector.storage import Store

ROLES = ("customer-service", "security", "receptionist", "lifeguard", "cleaner", "engineer")
TIMEOUT_S = 5.0


def roster(people: int) -> list[Employee]:
    return [
        Employee(
            employee_no=f"B{n:03d}",
            name=f"员工{n:02d}",
            sex=Sex.FEMALE if n % 2 else Sex.MALE,
            department="客服部",
            role=ROLES[n % len(ROLES)],
            site="阳光花园",
        )
        for n in range(1, people + 1)
    ]


class Keyboard:
    """Presses keys where the focus is and times each until its effect is visible."""

    def __init__(self) -> None:
        self.saves: list[float] = []  # key press -> committed in the database
        self.moves: list[float] = []  # key press -> shown on screen
        self.by_key: dict[str, list[float]] = {}
        self.count = 0

    def press(
        self,
        key: Qt.Key,
        done: Callable[[], bool],
        *,
        saves: bool,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    ) -> None:
        target = QApplication.activeModalWidget() or QApplication.focusWidget()
        start = time.perf_counter()
        QTest.keyClick(target, key, modifier)
        while not done():
            QApplication.processEvents()
            if time.perf_counter() - start > TIMEOUT_S:
                raise RuntimeError(f"key {key!r} had no effect within {TIMEOUT_S} s")
        elapsed = time.perf_counter() - start
        (self.saves if saves else self.moves).append(elapsed)
        name = QKeySequence(key.value | modifier.value).toString()
        self.by_key.setdefault(name, []).append(elapsed)
        self.count += 1


def run_lineup(app: QApplication, people: int) -> Keyboard:
    folder = Path(tempfile.mkdtemp(prefix="inspector-bench-db-"))
    db_path = folder / "bench.db"
    store = Store(db_path)
    store.upsert_employees(roster(people))
    store.set_setting("supervisor", "Bench")
    checker = Store(db_path)  # another connection: sees only what is committed
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
    controller = section.controller
    keys = Keyboard()
    keys.press(Qt.Key.Key_Return, lambda: checker.unfinished_lineup() is not None, saves=True)
    while section.currentWidget() is not section.lineup_page:
        app.processEvents()
    lineup_id = controller.lineup.id
    faults = {2: 1, 8: 3, 14: 5}
    absent = 11 if people > 11 else -1
    for person in range(people):
        inspection_id = controller.person().inspection.id
        if person in faults:
            for _ in range(faults[person]):
                row = section.lineup_page.person_view.current_item_row()
                keys.press(
                    Qt.Key.Key_Down,
                    lambda row=row: section.lineup_page.person_view.current_item_row() == row + 1,
                    saves=False,
                )
            keys.press(
                Qt.Key.Key_X,
                lambda i=inspection_id: any(m.result is Result.FAIL for m in checker.marks_for(i)),
                saves=True,
            )
        if person == absent:
            keys.press(
                Qt.Key.Key_A,
                lambda i=inspection_id: checker.get_inspection(i).attendance is Attendance.ABSENT,
                saves=True,
            )
        else:
            keys.press(
                Qt.Key.Key_Space,
                lambda i=inspection_id: checker.get_inspection(i).completed_at is not None,
                saves=True,
            )
    keys.press(
        Qt.Key.Key_Return,
        lambda: section.lineup_page.finish_box is not None,
        saves=False,
        modifier=Qt.KeyboardModifier.ControlModifier,
    )
    while not section.lineup_page.finish_box.isActiveWindow():
        app.processEvents()
    keys.press(
        Qt.Key.Key_Return,
        lambda: checker.get_lineup(lineup_id).finished_at is not None,
        saves=True,
    )
    window.close()
    context.runner.wait(5000)
    checker.close()
    store.close()
    return keys


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    fonts.install_app_font(app)
    i18n.set_language("zh", remember=False)
    saves: list[float] = []
    moves: list[float] = []
    by_key: dict[str, list[float]] = {}
    count = 0
    for _ in range(args.rounds):
        keys = run_lineup(app, args.people)
        saves += keys.saves
        moves += keys.moves
        for name, times in keys.by_key.items():
            by_key.setdefault(name, []).extend(times)
        count = keys.count
    print(
        f"line-up of {args.people} people on {date.today()}, {args.rounds} rounds, "
        f"{os.environ['QT_QPA_PLATFORM']}"
    )
    print(
        f"keystrokes per line-up: {count} (start and finish included), "
        f"{(count - 3) / args.people:.2f} per person"
    )
    print(
        f"key press -> mark committed ({len(saves)} keys): median {ms(statistics.median(saves))}, "
        f"90th percentile {ms(statistics.quantiles(saves, n=10)[-1])}, worst {ms(max(saves))}"
    )
    if moves:
        print(
            f"key press -> screen moved ({len(moves)} keys): median "
            f"{ms(statistics.median(moves))}, worst {ms(max(moves))}"
        )
    print("by key (median / worst):")
    for name, times in sorted(by_key.items(), key=lambda kv: -len(kv[1])):
        print(f"  {name:<12} x{len(times):<4} {ms(statistics.median(times)):>9} / {ms(max(times))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
