"""Data builders for the tests of the roster, employee, checklists and reports screens.

The data is built through the Store as the line-up screen would: start a line-up with the
shipped sets, mark faults, complete each person, finish the line-up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from inspector.domain.checklist import Catalogue, InspectionType
from inspector.domain.lineup import Attendance, Lineup, Result
from inspector.domain.people import Employee, Sex
from inspector.storage import Store

if TYPE_CHECKING:
    from inspector.gui.context import AppContext

PEOPLE = (
    Employee("E001", "王芳", Sex.FEMALE, "客服部", "customer-service", "东湖花园"),
    Employee("E002", "李娜", Sex.FEMALE, "客服部", "receptionist", "东湖花园"),
    Employee("E003", "张伟", Sex.MALE, "工程部", "engineer", "东湖花园"),
    Employee("E004", "刘强", Sex.MALE, "秩序部", "security", "东湖花园"),
    Employee("E005", "陈静", Sex.FEMALE, "保洁部", "cleaner", "东湖花园"),
    Employee("E006", "赵磊", Sex.MALE, "秩序部", "security", "滨江公寓"),
    Employee("E007", "孙丽", Sex.FEMALE, "客服部", "customer-manager", "滨江公寓"),
    Employee("E008", "周杰", Sex.MALE, "秩序部", "lifeguard", "滨江公寓"),
)


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type ``text`` as a user would: ASCII key by key, Chinese committed by the input method
    (QTest cannot press keys for characters outside ASCII)."""
    for chunk in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def add_people(store: Store, people: Iterable[Employee] = PEOPLE) -> list[Employee]:
    """Store the employees and return them with their database ids."""
    people = list(people)
    store.upsert_employees(people)
    return [store.employee_by_no(e.employee_no) for e in people]


def run_lineup(
    store: Store,
    catalogue: Catalogue,
    day: date,
    employees: Iterable[Employee],
    *,
    faults: Mapping[str, Iterable[str]] | None = None,
    absent: Iterable[str] = (),
    leave: Iterable[str] = (),
    shift: str = "早班",
    site: str = "东湖花园",
    department: str = "",
    supervisor: str = "黄主管",
    finish: bool = True,
) -> Lineup:
    """One finished morning line-up: ``faults`` maps employee numbers to failed item ids;
    everyone else passes every item."""
    faults = faults or {}
    absent, leave = set(absent), set(leave)
    employees = list(employees)
    lineup = store.start_lineup(
        day=day,
        shift=shift,
        site=site,
        department=department,
        supervisor=supervisor,
        sets=catalogue.sets_for(InspectionType.LINEUP),
        employees=employees,
        started_at=datetime.combine(day, time(8, 0)),
    )
    by_id = {e.id: e for e in employees}
    for inspection in store.inspections_for(lineup.id):
        employee = by_id[inspection.employee_id]
        if employee.employee_no in absent:
            store.set_attendance(inspection.id, Attendance.ABSENT)
            continue
        if employee.employee_no in leave:
            store.set_attendance(inspection.id, Attendance.LEAVE)
            continue
        for item_id in faults.get(employee.employee_no, ()):
            store.set_mark(inspection.id, item_id, Result.FAIL)
        store.complete_inspection(inspection.id)
    if finish:
        lineup = store.finish_lineup(lineup.id, datetime.combine(day, time(8, 20)))
    return lineup


def unfinished_lineup(
    store: Store,
    catalogue: Catalogue,
    employees: Iterable[Employee],
    *,
    completed: int = 0,
    department: str = "",
) -> Lineup:
    """Today's morning line-up at 阳光花园 by Huang, left unfinished as by a closed app: the
    first ``completed`` people done and the cursor on the next one."""
    lineup = store.start_lineup(
        day=date.today(),
        shift="早班",
        site="阳光花园",
        department=department,
        supervisor="Huang",
        sets=catalogue.sets_for(InspectionType.LINEUP),
        employees=list(employees),
    )
    if completed:
        for inspection in store.inspections_for(lineup.id)[:completed]:
            store.complete_inspection(inspection.id)
        store.set_cursor(lineup.id, completed)
    return lineup


def make_context(store: Store, db_path: Path, catalogue: Catalogue) -> AppContext:
    """What the app builds at start for a window over ``store``: its own task runner."""
    from inspector.gui.context import AppContext, AppEvents
    from inspector.gui.tasks import TaskRunner

    return AppContext(
        store=store,
        catalogue=catalogue,
        runner=TaskRunner(db_path),
        events=AppEvents(),
        db_path=db_path,
    )
