"""How many keys a line-up takes, with faults where they really occur, on the real screen.

    python bench/lineup_keys.py [--people 60] [--seed 1]

The roster is the demo's (roles and sexes as the demo draws them). Faults are drawn from the
demo's own fault frequencies (``inspector.services.demo.FAULTS`` weights, among the reasons
that apply to each person), not from the top of the list. Two line-ups are run offscreen
through the main window, pressing what a supervisor presses for each fault (the area's digit,
Down to the point if it is not the area's first, X, the reason's digit unless the point has
one reason) and Space:

1. every person has one fault: the keys per fault, including the Space that moves on;
2. a realistic morning: the demo's shares of absentees (A), people with a fault and with a
   second one; keys per person, start and finish included.

Every fault is checked in the database. Prints figures; asserts nothing but that.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import statistics
from collections import Counter

from offscreen_window import application, main_window
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from inspector.domain.checklist import Catalogue, InspectionType
from inspector.domain.lineup import Result
from inspector.domain.people import Employee
from inspector.files.checklists import load_catalogue
from inspector.services import demo

DIGIT = {str(n): getattr(Qt.Key, f"Key_{n}") for n in range(1, 10)}


def fault_options(catalogue: Catalogue, employee: Employee) -> tuple[list[str], list[int]]:
    """The demo's faults that apply to this person, with the demo's weights."""
    sets = {i.id: s for s in catalogue.sets_for(InspectionType.LINEUP) for i in s.items}
    ids, weights = [], []
    for item_id, weight, _notes in demo.FAULTS:
        checklist = sets.get(item_id)
        if checklist and catalogue.item(item_id).applies(employee, checklist.worn_by(employee)):
            ids.append(item_id)
            weights.append(weight)
    return ids, weights


class Keyboard:
    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.count = 0

    def press(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        target = QApplication.activeModalWidget() or QApplication.focusWidget()
        QTest.keyClick(target, key, modifier)
        self.app.processEvents()
        self.count += 1


def keys_for(section, reason_id: str) -> list[Qt.Key]:
    """What the screen asks for this reason: area digit, Down…, X, reason digit."""
    rows = section.controller.items_model.rows()
    for n, row in enumerate(rows):
        ids = [r.id for r in row.reasons]
        if reason_id in ids:
            first = next(i for i, r in enumerate(rows) if r.area.id == row.area.id)
            keys = [DIGIT[row.key]] + [Qt.Key.Key_Down] * (n - first) + [Qt.Key.Key_X]
            if len(ids) > 1:
                keys.append(DIGIT[str(ids.index(reason_id) + 1)])
            return keys
    raise LookupError(reason_id)


def run(app, catalogue, employees, rng, *, every_person: bool) -> dict:
    with main_window(app, employees, catalogue, "keys.db") as (window, store):
        return run_lineup(app, window, store, catalogue, rng, every_person=every_person)


def run_lineup(app, window, store, catalogue, rng, *, every_person: bool) -> dict:
    section = window.lineup
    section.home.start.scope.setCurrentIndex(0)  # everyone
    keys = Keyboard(app)
    keys.press(Qt.Key.Key_Return)
    while section.currentWidget() is not section.lineup_page:
        app.processEvents()
    controller = section.controller
    per_fault: list[int] = []
    downs = 0
    faults = Counter()
    for _person in range(controller.count):
        employee = controller.person().employee
        inspection = controller.person().inspection
        if not every_person and rng.random() < demo.P_ABSENT:
            keys.press(Qt.Key.Key_A)
            continue
        chosen: list[str] = []
        if every_person or rng.random() < demo.P_FAULT:
            ids, weights = fault_options(catalogue, employee)
            chosen.append(rng.choices(ids, weights=weights)[0])
            if not every_person and rng.random() < demo.P_SECOND_FAULT:
                second = rng.choices(ids, weights=weights)[0]
                if second not in chosen:
                    chosen.append(second)
        before = keys.count
        for reason in chosen:
            presses = keys_for(section, reason)
            downs += presses.count(Qt.Key.Key_Down)
            for key in presses:
                keys.press(key)
            faults[reason] += 1
        keys.press(Qt.Key.Key_Space)
        if chosen:
            per_fault.append((keys.count - before) / len(chosen))
            failed = {m.item_id for m in store.marks_for(inspection.id) if m.result is Result.FAIL}
            if failed != set(chosen):
                raise RuntimeError(f"{employee.name}: recorded {failed}, meant {chosen}")
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    while section.lineup_page.finish_box is None or not section.lineup_page.finish_box.isVisible():
        app.processEvents()
    keys.press(Qt.Key.Key_Return)
    while section.currentWidget() is not section.summary:
        app.processEvents()
    return {
        "people": controller.count,
        "keys": keys.count,
        "per_fault": per_fault,
        "downs": downs,
        "faults": faults,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    app = application()
    catalogue = load_catalogue()
    # The demo's roles and sexes; one site, so that the start screen offers everyone at once.
    employees = [
        dataclasses.replace(e, site="阳光花园")
        for e in demo.generate_roster(args.people, seed=args.seed)
    ]
    rng = random.Random(args.seed)

    one_each = run(app, catalogue, employees, rng, every_person=True)
    spread = Counter(round(k) for k in one_each["per_fault"])
    print(f"1. every person one fault ({one_each['people']} people, demo fault frequencies):")
    print(
        f"   keys per fault, Space included: mean {statistics.mean(one_each['per_fault']):.2f}, "
        f"worst {max(one_each['per_fault']):.0f}; "
        + ", ".join(f"{k} keys: {n}" for k, n in sorted(spread.items()))
    )
    print(f"   Down presses in all: {one_each['downs']}")
    print(
        "   most frequent: " + ", ".join(f"{r} x{n}" for r, n in one_each["faults"].most_common(5))
    )

    morning = run(app, catalogue, employees, rng, every_person=False)
    people = morning["people"]
    print(
        f"2. a realistic morning ({people} people, demo shares: absent {demo.P_ABSENT:.0%}, "
        f"with a fault {demo.P_FAULT:.0%}, a second fault {demo.P_SECOND_FAULT:.0%}):"
    )
    print(
        f"   {morning['keys']} keys, start and finish included: "
        f"{morning['keys'] / people:.2f} keys per person "
        f"({sum(morning['faults'].values())} faults)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
