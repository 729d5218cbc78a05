"""The line-up in progress: which line-up, who is on screen, and every write to the store.

Views only lay out and forward: a key or a button calls one method here. Each mark is written
to the store synchronously, the moment it is made (one durable transaction, about a
millisecond), and ``saved`` tells the status bar; the person on screen is kept in the line-up's
cursor so that a restart resumes there. A finished line-up is closed: a change is not written
but handed out as ``amendment_needed(Change)``, and written by ``apply_amendment`` with a reason.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from inspector.domain.checklist import (
    Area,
    Catalogue,
    ChecklistItem,
    ChecklistSet,
    InspectionType,
    applicable_items,
)
from inspector.domain.lineup import Attendance, Inspection, Lineup, Mark, PersonStatus, Result
from inspector.domain.people import Employee
from inspector.domain.text import Text
from inspector.gui.models.lineup_grid_model import AreaCell, GridRow, LineupGridModel
from inspector.gui.models.lineup_items_model import ItemRow, LineupItemsModel
from inspector.gui.models.lineup_people_model import LineupPeopleModel, PersonRow
from inspector.storage import Store
from inspector.storage.errors import LineupClosedError, NotFoundError, StorageError
from inspector.storage.photos import store_photo

log = logging.getLogger(__name__)

SUPERVISOR_SETTING = "supervisor"
SHIFTS = ("早班", "中班", "晚班")  # stored as the company writes them; shown translated
EXPECTED_ERRORS = (StorageError, LineupClosedError, NotFoundError, OSError)


def shift_for(moment: datetime) -> str:
    """The shift whose line-up is held at this time: 早班 05-12h, 中班 12-19h, 晚班 otherwise."""
    if 5 <= moment.hour < 12:
        return SHIFTS[0]
    if 12 <= moment.hour < 19:
        return SHIFTS[1]
    return SHIFTS[2]


@dataclass(frozen=True, slots=True)
class Change:
    """A change to a finished line-up, waiting for its reason."""

    inspection_id: int
    person: str  # "1001 张三", for the dialog
    item_id: str | None = None
    item_text: Text | None = None
    result: Result | None = None  # the new result (mark changes)
    note: str | None = None
    photo: str | None = None
    attendance: Attendance | None = None  # the new attendance (attendance changes)
    before_result: Result | None = None
    before_attendance: Attendance | None = None


@dataclass(frozen=True, slots=True)
class FaultCount:
    item: ChecklistItem
    area: Text
    count: int


@dataclass(frozen=True, slots=True)
class FollowUp:
    """Someone with faults: the failed items and their notes."""

    person: PersonRow
    faults: tuple[tuple[ChecklistItem, Mark], ...]


@dataclass(frozen=True, slots=True)
class LineupSummary:
    lineup: Lineup
    total: int
    inspected: int
    all_pass: int
    with_faults: int
    absent: int
    leave: int
    late: int
    not_inspected: int
    fault_counts: tuple[FaultCount, ...] = ()
    follow_up: tuple[FollowUp, ...] = field(default_factory=tuple)


class LineupController(QObject):
    loaded = Signal()  # a line-up was opened: the models were reset
    current_changed = Signal(int)  # the row of the person on screen
    saved = Signal(datetime)  # a write reached the database
    finished = Signal(int)  # line-up id
    amendment_needed = Signal(object)  # Change, on a finished line-up
    amended = Signal(int)  # line-up id, after a change with a reason was written
    notice = Signal(str)  # a short message for the status bar
    failed = Signal(object)  # an error of the environment (disk full, locked...)

    def __init__(
        self,
        store: Store,
        catalogue: Catalogue,
        *,
        db_path: Path | None = None,
        read_only: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.catalogue = catalogue
        self.db_path = Path(db_path or store.path)
        self.read_only = read_only
        self.people_model = LineupPeopleModel(self)
        self.items_model = LineupItemsModel(self)
        self.grid_model = LineupGridModel(self)
        self.lineup: Lineup | None = None
        self.current_row = -1
        self._sets: list[ChecklistSet] = []
        self._areas: list[Area] = []
        self._employees: dict[int, Employee] = {}
        self._applicable: dict[int, list[tuple[ChecklistSet, ChecklistItem]]] = {}
        self._marks: dict[int, dict[str, Mark]] = {}
        self._inspections: list[Inspection] = []

    # -- state -----------------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        return self.lineup is not None and self.lineup.finished

    @property
    def count(self) -> int:
        return len(self._inspections)

    def person(self, row: int | None = None) -> PersonRow | None:
        row = self.current_row if row is None else row
        if not 0 <= row < self.count:
            return None
        return self.people_model.row_object(row)

    def areas(self) -> list[Area]:
        return list(self._areas)

    def item_rows(self, row: int) -> list[ItemRow]:
        inspection = self._inspections[row]
        marks = self._marks.get(inspection.id, {})
        rows, last_area = [], None
        for checklist, item in self._applicable[inspection.id]:
            area = self._area(checklist.area)
            rows.append(
                ItemRow(checklist, item, area.name, checklist.area != last_area, marks.get(item.id))
            )
            last_area = checklist.area
        return rows

    def progress(self) -> tuple[int, int]:
        """(people done, people in the line-up)."""
        return sum(1 for i in self._inspections if i.status is not PersonStatus.TODO), self.count

    def _area(self, area_id: str) -> Area:
        return self.catalogue.area(area_id) or Area(area_id, Text(area_id, area_id), 999)

    # -- opening ---------------------------------------------------------------------------

    def start(
        self, *, day: date, shift: str, site: str, department: str, supervisor: str
    ) -> Lineup | None:
        """Start a line-up of the active employees of a site or department (by department,
        then employee number) against the current line-up checklists, and open it."""
        if self.read_only:
            self.notice.emit(self.tr("The database is open read-only: nothing can be recorded."))
            return None
        try:
            employees = self.store.list_employees(
                active_only=True, site=site or None, department=department or None
            )
            if not employees:
                self.notice.emit(self.tr("Nobody on the roster for this line-up."))
                return None
            self.store.set_setting(SUPERVISOR_SETTING, supervisor.strip())
            lineup = self.store.start_lineup(
                day=day,
                shift=shift,
                site=site,
                department=department,
                supervisor=supervisor.strip(),
                sets=self.catalogue.sets_for(InspectionType.LINEUP),
                employees=employees,
            )
        except EXPECTED_ERRORS as exc:
            self.failed.emit(exc)
            return None
        self._saved()
        self.open(lineup.id)
        return lineup

    def open(self, lineup_id: int) -> None:
        """Load a line-up and put the person where it stopped on screen."""
        store = self.store
        self.lineup = store.get_lineup(lineup_id)
        self._sets = [s for _, s in store.lineup_checklists(lineup_id)]
        area_ids = list(dict.fromkeys(s.area for s in self._sets))
        self._areas = sorted((self._area(a) for a in area_ids), key=lambda a: (a.order, a.id))
        area_rank = {a.id: n for n, a in enumerate(self._areas)}
        self._sets.sort(key=lambda s: (area_rank[s.area], s.order, s.id))
        self._inspections = store.inspections_for(lineup_id)
        self._employees = {}
        for inspection in self._inspections:
            if inspection.employee_id not in self._employees:
                self._employees[inspection.employee_id] = store.get_employee(inspection.employee_id)
        self._applicable = {
            i.id: applicable_items(self._sets, self._employees[i.employee_id])
            for i in self._inspections
        }
        marks = store.marks_for_lineup(lineup_id)
        self._marks = {i.id: {m.item_id: m for m in marks.get(i.id, [])} for i in self._inspections}
        self.people_model.set_rows([self._person_row(n) for n in range(self.count)])
        self.grid_model.set_rows(self._areas, [self._grid_row(n) for n in range(self.count)])
        self.current_row = -1
        cursor = store.get_cursor(lineup_id) if not self.closed else 0
        self.loaded.emit()
        self.go_to(min(max(cursor, 0), self.count - 1) if self.count else -1)

    def reload(self) -> None:
        if self.lineup is not None:
            row = self.current_row
            self.open(self.lineup.id)
            if 0 <= row < self.count:
                self.go_to(row)

    def _person_row(self, row: int) -> PersonRow:
        inspection = self._inspections[row]
        marks = self._marks.get(inspection.id, {})
        applicable = {item.id for _, item in self._applicable[inspection.id]}
        failed = sum(
            1 for m in marks.values() if m.result is Result.FAIL and m.item_id in applicable
        )
        return PersonRow(inspection, self._employees[inspection.employee_id], failed)

    def _grid_row(self, row: int) -> GridRow:
        inspection = self._inspections[row]
        marks = self._marks.get(inspection.id, {})
        cells = []
        for area in self._areas:
            items = [item for s, item in self._applicable[inspection.id] if s.area == area.id]
            failed = sum(
                1 for item in items if (m := marks.get(item.id)) and m.result is Result.FAIL
            )
            cells.append(AreaCell(area.id, len(items), failed))
        return GridRow(self._person_row(row), tuple(cells))

    # -- moving ----------------------------------------------------------------------------

    def go_to(self, row: int) -> None:
        if not 0 <= row < self.count:
            return
        self.current_row = row
        inspection = self._inspections[row]
        self.items_model.set_rows(
            self.item_rows(row), completed=inspection.completed_at is not None
        )
        if self.lineup and not self.closed and not self.read_only:
            try:
                self.store.set_cursor(self.lineup.id, row)
            except EXPECTED_ERRORS as exc:
                self.failed.emit(exc)
        self.current_changed.emit(row)

    def next_person(self) -> None:
        if self.current_row < self.count - 1:
            self.go_to(self.current_row + 1)

    def previous_person(self) -> None:
        if self.current_row > 0:
            self.go_to(self.current_row - 1)

    def next_to_do(self) -> int:
        """The next person still to do after the current one (wrapping), or -1."""
        n = self.count
        for step in range(1, n + 1):
            row = (self.current_row + step) % n
            if self._inspections[row].status is PersonStatus.TODO:
                return row
        return -1

    def _advance(self) -> None:
        row = self.next_to_do()
        if row >= 0:
            self.go_to(row)
        else:
            self.notice.emit(self.tr("Everyone is done: press Ctrl+Return to finish the line-up."))

    # -- recording -------------------------------------------------------------------------

    def _can_write(self) -> bool:
        if self.read_only:
            self.notice.emit(self.tr("The database is open read-only: nothing can be recorded."))
            return False
        return self.lineup is not None and 0 <= self.current_row < self.count

    def _refresh(self, row: int, *, marks: bool = False) -> None:
        """Re-read one person from the store after a write and update every view of them."""
        inspection = self.store.get_inspection(self._inspections[row].id)
        self._inspections[row] = inspection
        if marks:
            self._marks[inspection.id] = {m.item_id: m for m in self.store.marks_for(inspection.id)}
        self.people_model.update_row(row, self._person_row(row))
        self.grid_model.update_row(row, self._grid_row(row))
        if row == self.current_row:
            self.items_model.set_marks(
                self._marks[inspection.id], completed=inspection.completed_at is not None
            )

    def _saved(self) -> None:
        self.saved.emit(datetime.now().replace(microsecond=0))

    def _run(self, write: Callable[[], object]) -> bool:
        try:
            write()
        except EXPECTED_ERRORS as exc:
            self.failed.emit(exc)
            return False
        self._saved()
        return True

    def pass_all_and_next(self) -> None:
        """Space: every applicable item not marked passes; the person is saved; on to the next."""
        if self.closed:
            self.next_person()
            return
        if not self._can_write():
            return
        row = self.current_row
        inspection = self._inspections[row]
        if inspection.attendance in (Attendance.ABSENT, Attendance.LEAVE):
            self._advance()  # nothing to inspect; A or L again brings them back
            return
        if self._run(lambda: self.store.complete_inspection(inspection.id)):
            self._refresh(row)
            self._advance()

    def _mark_change(self, item_id: str, **values) -> Change:
        person = self.person()
        mark = self._marks.get(person.inspection.id, {}).get(item_id)
        return Change(
            inspection_id=person.inspection.id,
            person=f"{person.employee.employee_no} {person.employee.name}",
            item_id=item_id,
            item_text=self.catalogue_item(item_id).text,
            before_result=mark.result if mark else Result.PASS,
            **values,
        )

    def catalogue_item(self, item_id: str) -> ChecklistItem:
        for checklist in self._sets:
            for item in checklist.items:
                if item.id == item_id:
                    return item
        return self.catalogue.item(item_id)

    def _absent_person(self) -> bool:
        person = self.person()
        if person and person.inspection.attendance in (Attendance.ABSENT, Attendance.LEAVE):
            self.notice.emit(
                self.tr("{name} is not here: press A or L again to bring them back.").format(
                    name=person.employee.name
                )
            )
            return True
        return False

    def toggle_fail(self, item_id: str) -> None:
        """X: the item fails, or passes again if it had failed."""
        if not self._can_write() or self._absent_person():
            return
        person = self.person()
        mark = self._marks.get(person.inspection.id, {}).get(item_id)
        new = Result.PASS if mark and mark.result is Result.FAIL else Result.FAIL
        if self.closed:
            self.amendment_needed.emit(self._mark_change(item_id, result=new))
            return
        if self._run(lambda: self.store.set_mark(person.inspection.id, item_id, new)):
            self._refresh(self.current_row, marks=True)

    def set_note(self, item_id: str, note: str, *, failed: bool = True) -> None:
        """N: a note on an item (a note usually explains a fault, so it fails by default)."""
        if not self._can_write() or self._absent_person():
            return
        person = self.person()
        result = Result.FAIL if failed else Result.PASS
        if self.closed:
            self.amendment_needed.emit(self._mark_change(item_id, result=result, note=note))
            return
        if self._run(lambda: self.store.set_mark(person.inspection.id, item_id, result, note=note)):
            self._refresh(self.current_row, marks=True)

    def attach_photo(self, item_id: str, source: Path) -> None:
        """Photo evidence for a failed item: copied into the database's private photo folder
        (0o700, files 0o600) under a name made of its content hash; the mark keeps the name."""
        if not self._can_write() or self._absent_person():
            return
        person = self.person()
        try:
            name = store_photo(self.db_path, Path(source))
        except EXPECTED_ERRORS as exc:
            self.failed.emit(exc)
            return
        if self.closed:
            self.amendment_needed.emit(self._mark_change(item_id, result=Result.FAIL, photo=name))
            return
        if self._run(
            lambda: self.store.set_mark(person.inspection.id, item_id, Result.FAIL, photo=name)
        ):
            self._refresh(self.current_row, marks=True)

    def toggle_attendance(self, attendance: Attendance) -> None:
        """A, L, T. Absent and on leave complete the person and move on; pressing the same key
        again brings them back to "to do". Late people stay on screen: they are still inspected."""
        if not self._can_write():
            return
        row = self.current_row
        inspection = self._inspections[row]
        current = inspection.attendance
        if self.closed:
            new = Attendance.PRESENT if current is attendance else attendance
            person = self.person()
            self.amendment_needed.emit(
                Change(
                    inspection_id=inspection.id,
                    person=f"{person.employee.employee_no} {person.employee.name}",
                    attendance=new,
                    before_attendance=current,
                )
            )
            return
        store = self.store

        def write() -> None:
            if current is attendance:
                if attendance is Attendance.LATE:
                    store.set_attendance(inspection.id, Attendance.PRESENT)
                else:
                    store.reopen_inspection(inspection.id)
                return
            if current in (Attendance.ABSENT, Attendance.LEAVE):
                store.reopen_inspection(inspection.id)
            store.set_attendance(inspection.id, attendance)

        if not self._run(write):
            return
        self._refresh(row, marks=True)
        if attendance in (Attendance.ABSENT, Attendance.LEAVE) and current is not attendance:
            self._advance()

    # -- finishing and amending ------------------------------------------------------------

    def finish(self) -> bool:
        if self.lineup is None:
            return False
        if self.closed:
            return True
        if self.read_only:
            self.notice.emit(self.tr("The database is open read-only: nothing can be recorded."))
            return False
        lineup_id = self.lineup.id
        if not self._run(lambda: self.store.finish_lineup(lineup_id)):
            return False
        self.open(lineup_id)
        self.finished.emit(lineup_id)
        return True

    def supervisor_name(self) -> str:
        name = self.store.get_setting(SUPERVISOR_SETTING, "")
        return name or (self.lineup.supervisor if self.lineup else "")

    def apply_amendment(self, change: Change, reason: str) -> bool:
        """Write a change to a finished line-up, with its reason, into the change log."""
        if self.read_only:
            self.notice.emit(self.tr("The database is open read-only: nothing can be recorded."))
            return False
        changed_by = self.supervisor_name()
        store = self.store
        if change.attendance is not None:
            ok = self._run(
                lambda: store.amend_attendance(
                    change.inspection_id, change.attendance, reason=reason, changed_by=changed_by
                )
            )
        else:
            ok = self._run(
                lambda: store.amend_mark(
                    change.inspection_id,
                    change.item_id,
                    change.result,
                    reason=reason,
                    changed_by=changed_by,
                    note=change.note,
                    photo=change.photo,
                )
            )
        if ok:
            row = next(n for n, i in enumerate(self._inspections) if i.id == change.inspection_id)
            self._refresh(row, marks=True)
            self.amended.emit(self.lineup.id)
        return ok

    def summary(self) -> LineupSummary | None:
        if self.lineup is None:
            return None
        people = self.people_model.rows()
        statuses = [p.status for p in people]
        counts: dict[str, int] = {}
        follow_up = []
        for n, person in enumerate(people):
            inspection = self._inspections[n]
            if not inspection.attendance or not inspection.attendance.inspected:
                continue
            applicable = {item.id: item for _, item in self._applicable[inspection.id]}
            faults = [
                (applicable[m.item_id], m)
                for m in self._marks.get(inspection.id, {}).values()
                if m.result is Result.FAIL and m.item_id in applicable
            ]
            for item, _mark in faults:
                counts[item.id] = counts.get(item.id, 0) + 1
            if faults:
                follow_up.append(FollowUp(person, tuple(faults)))
        follow_up.sort(
            key=lambda f: (
                -f.person.inspection.critical_failed,
                -f.person.inspection.fault_points,
                f.person.inspection.position,
            )
        )
        fault_counts = []
        for checklist in self._sets:
            for item in checklist.items:
                if counts.get(item.id):
                    fault_counts.append(
                        FaultCount(item, self._area(checklist.area).name, counts[item.id])
                    )
        fault_counts.sort(key=lambda f: -f.count)
        return LineupSummary(
            lineup=self.lineup,
            total=len(people),
            inspected=sum(
                1 for p in people if p.status in (PersonStatus.ALL_PASS, PersonStatus.FAULTS)
            ),
            all_pass=statuses.count(PersonStatus.ALL_PASS),
            with_faults=statuses.count(PersonStatus.FAULTS),
            absent=statuses.count(PersonStatus.ABSENT),
            leave=statuses.count(PersonStatus.LEAVE),
            late=sum(1 for p in people if p.late),
            not_inspected=statuses.count(PersonStatus.TODO),
            fault_counts=tuple(fault_counts),
            follow_up=tuple(follow_up),
        )

    def retranslate(self) -> None:
        for model in (self.people_model, self.items_model, self.grid_model):
            model.retranslate()
