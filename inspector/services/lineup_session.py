"""Running a line-up, without Qt: start, open, mark, attendance, moving, finish, amend, discard.

The GUI's ``LineupController`` adapts this to signals and models; the CLI reads line-ups and
their figures through ``read_lineup``. Every write goes to the store at once (one durable
transaction). On a finished line-up nothing is written directly: an action returns a
``Change``, which ``amend`` writes with a reason and its author into the change log.

Errors a user can act on are ``UserError`` subclasses carrying what the message needs; each
front end words them in its language (``str()`` is the English text).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TypedDict

from inspector.domain.changes import ChangeLine
from inspector.domain.checklist import (
    Area,
    Catalogue,
    ChecklistItem,
    ChecklistSet,
    InspectionType,
    applicable_items,
)
from inspector.domain.errors import UserError
from inspector.domain.lineup import Attendance, Inspection, Lineup, Mark, PersonStatus, Result
from inspector.domain.people import Employee
from inspector.domain.summary import LineupSummary, summarise
from inspector.domain.text import Text
from inspector.services.changes import by_inspection, lineup_changes
from inspector.storage import Store
from inspector.storage.photos import store_photo

SUPERVISOR_SETTING = "supervisor"  # the last supervisor; per site under "supervisor:<site>"
SCOPE_SETTING = "lineup_scope"  # "site|department" of the last line-up started on this copy
AWAY = (Attendance.ABSENT, Attendance.LEAVE)


# -- errors a user can act on -----------------------------------------------------------------


class ReadOnlyError(UserError):
    message = "The database is open read-only: nothing can be recorded."


class SupervisorRequired(UserError):
    message = "Enter the supervisor's name to start the line-up."


class AuthorRequired(UserError):
    message = "Enter who makes the change: the change log keeps their name."


class ReasonRequired(UserError):
    message = "A change to a finished line-up needs a reason."


class NobodyToInspect(UserError):
    message = "Nobody on the roster for this line-up."


class AlreadyFinished(UserError):
    """Today's line-up of this shift and place is finished: open it, or start a second one."""

    def __init__(self, lineup: Lineup) -> None:
        self.lineup = lineup
        place = " / ".join(p for p in (lineup.site, lineup.department) if p) or "everyone"
        super().__init__(
            f"The {lineup.shift} line-up of {lineup.day.isoformat()} at {place} is finished: "
            "open it, or start a second one."
        )


class PersonNotHere(UserError):
    """Absent or on leave: nothing can be marked."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"{name} is not here: press A or L again to bring them back.")


class NotDiscardable(UserError):
    def __init__(self, lineup_id: int) -> None:
        super().__init__(
            f"Line-up {lineup_id} has marks or is finished: it is kept and cannot be discarded."
        )


# -- settings ---------------------------------------------------------------------------------


def _supervisor_key(site: str) -> str:
    return f"{SUPERVISOR_SETTING}:{site}" if site else SUPERVISOR_SETTING


def remembered_supervisor(store: Store, site: str) -> str:
    """The supervisor who last started a line-up at this site (or anywhere, if none here)."""
    return store.get_setting(_supervisor_key(site), "") or store.get_setting(SUPERVISOR_SETTING, "")


def remembered_scope(store: Store) -> str:
    """The key ("site|department") of the scope of the last line-up started on this copy."""
    return store.get_setting(SCOPE_SETTING, "")


def remember_scope(store: Store, key: str) -> None:
    """Offer this scope first next time (a read-only copy remembers nothing)."""
    if not store.read_only:
        store.set_setting(SCOPE_SETTING, key)


def finished_like(store: Store, day: date, shift: str, site: str, department: str) -> Lineup | None:
    """A finished line-up of the same day, shift, site and department, if there is one."""
    same = [
        lu
        for lu in store.lineups_on(day, shift)
        if lu.finished and lu.site == site and lu.department == department
    ]
    return same[-1] if same else None


def discardable(store: Store, lineup_id: int) -> bool:
    """True for an unfinished line-up in which nothing was recorded yet."""
    lineup = store.get_lineup(lineup_id)
    if lineup.finished:
        return False
    marks = store.marks_for_lineup(lineup_id)
    return not marks and all(
        i.attendance is None and i.completed_at is None for i in store.inspections_for(lineup_id)
    )


def discard(store: Store, lineup_id: int, *, read_only: bool = False) -> None:
    """Delete an unfinished line-up without marks (started by mistake, or a duplicate)."""
    if read_only:
        raise ReadOnlyError()
    if store.get_lineup(lineup_id).finished or not store.discard_lineup(lineup_id):
        raise NotDiscardable(lineup_id)


def summary_of(
    store: Store,
    lineup_id: int,
    catalogue: Catalogue | None = None,
    *,
    employees: Mapping[int, Employee] | None = None,
) -> LineupSummary:
    """The figures of one line-up, read from the store (``employees``: the roster by id, when
    the caller already has it)."""
    lineup = store.get_lineup(lineup_id)
    sets = ordered_sets(store, lineup_id, catalogue)
    inspections = store.inspections_for(lineup_id)
    known = employees or {}
    employees = {
        i.employee_id: known.get(i.employee_id) or store.get_employee(i.employee_id)
        for i in inspections
    }
    return summarise(
        lineup,
        inspections,
        employees,
        sets,
        store.marks_for_lineup(lineup_id),
        lambda area_id: _area(catalogue, area_id).name,
    )


def _area(catalogue: Catalogue | None, area_id: str) -> Area:
    found = catalogue.area(area_id) if catalogue is not None else None
    return found or Area(area_id, Text(area_id, area_id), 999)


def ordered_sets(
    store: Store, lineup_id: int, catalogue: Catalogue | None = None
) -> list[ChecklistSet]:
    """The checklist versions of a line-up, in screen order: by area, then set order."""
    sets = [s for _, s in store.lineup_checklists(lineup_id)]
    areas = sorted(
        (_area(catalogue, a) for a in dict.fromkeys(s.area for s in sets)),
        key=lambda a: (a.order, a.id),
    )
    rank = {a.id: n for n, a in enumerate(areas)}
    return sorted(sets, key=lambda s: (rank[s.area], s.order, s.id))


# -- a change to a finished line-up -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Change:
    """A change to a finished line-up, waiting for its reason and author."""

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
    inspect: bool = False  # record the inspection of someone not inspected before


# -- the session ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Person:
    """One person of the line-up as the screens show them."""

    inspection: Inspection
    employee: Employee
    failed_marks: int = 0  # failed applicable marks, also before the person is completed

    @property
    def label(self) -> str:
        return f"{self.employee.employee_no} {self.employee.name}"


class SessionOptions(TypedDict, total=False):
    """How a session over a store is opened (every session kind takes the same)."""

    db_path: Path | None  # the database file, beside which photos are kept (the store's)
    read_only: bool  # nothing can be recorded
    clock: Callable[[], datetime]  # now, for the times recorded


class LineupSession:
    """One open line-up: who is in it, their applicable items and marks, and every write."""

    def __init__(
        self,
        store: Store,
        catalogue: Catalogue,
        *,
        db_path: Path | None = None,
        read_only: bool = False,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.store = store
        self.catalogue = catalogue
        self.db_path = Path(db_path or store.path)
        self.read_only = read_only
        self.clock = clock
        self.lineup: Lineup | None = None
        self.sets: list[ChecklistSet] = []
        self.areas: list[Area] = []
        self.inspections: list[Inspection] = []
        self._employees: dict[int, Employee] = {}
        self._applicable: dict[int, list[tuple[ChecklistSet, ChecklistItem]]] = {}
        self._marks: dict[int, dict[str, Mark]] = {}
        self._done = 0  # people no longer to do (counted once, then kept by reread)
        self._changes: dict[int, tuple[ChangeLine, ...]] = {}  # by inspection, once finished

    # -- state -----------------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        return self.lineup is not None and self.lineup.finished

    @property
    def count(self) -> int:
        return len(self.inspections)

    def person(self, row: int) -> Person:
        inspection = self.inspections[row]
        applicable = {item.id for _, item in self._applicable[inspection.id]}
        failed = sum(
            1
            for m in self._marks.get(inspection.id, {}).values()
            if m.result is Result.FAIL and m.item_id in applicable
        )
        return Person(inspection, self._employees[inspection.employee_id], failed)

    def person_employee(self, row: int) -> Employee:
        return self._employees[self.inspections[row].employee_id]

    def applicable(self, row: int) -> list[tuple[ChecklistSet, ChecklistItem]]:
        return self._applicable[self.inspections[row].id]

    def marks(self, row: int) -> dict[str, Mark]:
        return self._marks.get(self.inspections[row].id, {})

    def changes(self, row: int) -> tuple[ChangeLine, ...]:
        """The changes made to this person after the line-up was finished, oldest first."""
        return self._changes.get(self.inspections[row].id, ())

    def all_changes(self) -> tuple[ChangeLine, ...]:
        """Every change after finishing, oldest first."""
        return tuple(sorted((c for cs in self._changes.values() for c in cs), key=lambda c: c.id))

    def _read_changes(self) -> None:
        closed = self.lineup is not None and self.lineup.finished
        self._changes = by_inspection(lineup_changes(self.store, self.lineup.id)) if closed else {}

    def area(self, area_id: str) -> Area:
        return _area(self.catalogue, area_id)

    def progress(self) -> tuple[int, int]:
        """(people done, people in the line-up), kept up to date by every re-read."""
        return self._done, self.count

    def next_to_do(self, after: int) -> int:
        """The next person still to do after row ``after`` (wrapping), or -1."""
        n = self.count
        for step in range(1, n + 1):
            row = (after + step) % n
            if self.inspections[row].status is PersonStatus.TODO:
                return row
        return -1

    def row_of(self, inspection_id: int) -> int:
        return next(n for n, i in enumerate(self.inspections) if i.id == inspection_id)

    def item(self, item_id: str) -> ChecklistItem:
        for checklist in self.sets:
            for item in checklist.items:
                if item.id == item_id:
                    return item
        return self.catalogue.item(item_id)

    def summary(self) -> LineupSummary | None:
        if self.lineup is None:
            return None
        return summarise(
            self.lineup,
            self.inspections,
            self._employees,
            self.sets,
            {k: list(v.values()) for k, v in self._marks.items()},
            lambda area_id: self.area(area_id).name,
        )

    def supervisor(self) -> str:
        """Who changes a finished line-up, unless they say otherwise: its supervisor."""
        if self.lineup is not None and self.lineup.supervisor.strip():
            return self.lineup.supervisor.strip()
        return remembered_supervisor(self.store, self.lineup.site if self.lineup else "")

    # -- opening ---------------------------------------------------------------------------

    def _writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError()

    def start(
        self,
        *,
        day: date,
        shift: str,
        site: str,
        department: str,
        supervisor: str,
        second: bool = False,
    ) -> Lineup:
        """Start a line-up of the active employees of a site or department (by department,
        then employee number) against the current line-up checklists, and open it.

        A finished line-up of the same day, shift and place raises ``AlreadyFinished`` unless
        ``second`` says a second one is meant."""
        self._writable()
        supervisor = supervisor.strip()
        if not supervisor:
            raise SupervisorRequired()
        if not second and (earlier := finished_like(self.store, day, shift, site, department)):
            raise AlreadyFinished(earlier)
        employees = self.store.list_employees(
            active_only=True, site=site or None, department=department or None
        )
        if not employees:
            raise NobodyToInspect()
        self.store.set_setting(SUPERVISOR_SETTING, supervisor)
        self.store.set_setting(_supervisor_key(site), supervisor)
        lineup = self.store.start_lineup(
            day=day,
            shift=shift,
            site=site,
            department=department,
            supervisor=supervisor,
            sets=self.catalogue.sets_for(InspectionType.LINEUP),
            employees=employees,
        )
        self.open(lineup.id)
        return lineup

    def open(self, lineup_id: int) -> int:
        """Load a line-up; returns the row where it stopped (0 on a finished one, -1 if empty)."""
        store = self.store
        self.lineup = store.get_lineup(lineup_id)
        self.sets = ordered_sets(store, lineup_id, self.catalogue)
        area_ids = list(dict.fromkeys(s.area for s in self.sets))
        self.areas = [self.area(a) for a in area_ids]
        self.inspections = store.inspections_for(lineup_id)
        self._employees = {}
        for inspection in self.inspections:
            if inspection.employee_id not in self._employees:
                self._employees[inspection.employee_id] = store.get_employee(inspection.employee_id)
        self._applicable = {
            i.id: applicable_items(self.sets, self._employees[i.employee_id])
            for i in self.inspections
        }
        self._done = sum(1 for i in self.inspections if i.status is not PersonStatus.TODO)
        marks = store.marks_for_lineup(lineup_id)
        self._marks = {i.id: {m.item_id: m for m in marks.get(i.id, [])} for i in self.inspections}
        self._read_changes()
        if not self.count:
            return -1
        cursor = store.get_cursor(lineup_id) if not self.closed else 0
        return min(max(cursor, 0), self.count - 1)

    def remember_row(self, row: int) -> None:
        """Keep the person on screen in the line-up's cursor, so that a restart resumes there."""
        if self.lineup is not None and not self.closed and not self.read_only:
            self.store.set_cursor(self.lineup.id, row)

    def reread(self, row: int) -> None:
        """Read one person again from the store after a write."""
        before = self.inspections[row].status is not PersonStatus.TODO
        inspection = self.store.get_inspection(self.inspections[row].id)
        self.inspections[row] = inspection
        self._done += (inspection.status is not PersonStatus.TODO) - before
        self._marks[inspection.id] = {m.item_id: m for m in self.store.marks_for(inspection.id)}

    # -- recording -------------------------------------------------------------------------

    def _present(self, row: int) -> Person:
        person = self.person(row)
        if person.inspection.attendance in AWAY:
            raise PersonNotHere(person.employee.name)
        return person

    def pass_all(self, row: int) -> Change | bool:
        """Space: every applicable item not marked passes and the person is done.

        False when there is nothing to do (someone away, or already done on a finished
        line-up); a ``Change`` when a finished line-up needs a reason (someone not inspected
        is inspected now)."""
        self._writable()
        person = self.person(row)
        inspection = person.inspection
        if inspection.attendance in AWAY:
            return False
        if self.closed:
            if inspection.completed_at is not None:
                return False
            return Change(inspection.id, person.label, inspect=True)
        self.store.complete_inspection(inspection.id)
        self.reread(row)
        return True

    def _mark_change(self, person: Person, item_id: str, **values) -> Change:
        mark = self._marks.get(person.inspection.id, {}).get(item_id)
        return Change(
            inspection_id=person.inspection.id,
            person=person.label,
            item_id=item_id,
            item_text=self.item(item_id).text,
            before_result=mark.result if mark else Result.PASS,
            **values,
        )

    def toggle_fail(self, row: int, item_id: str) -> Change | None:
        """X: the item fails, or passes again if it had failed."""
        self._writable()
        self._present(row)
        mark = self.marks(row).get(item_id)
        result = Result.PASS if mark and mark.result is Result.FAIL else Result.FAIL
        return self.set_mark(row, item_id, result)

    def set_not_applicable(self, row: int, item_id: str) -> Change | None:
        """N/A on an item that does not apply to this person today (or back to pass)."""
        mark = self.marks(row).get(item_id)
        na = mark is not None and mark.result is Result.NOT_APPLICABLE
        return self.set_mark(row, item_id, Result.PASS if na else Result.NOT_APPLICABLE)

    def set_mark(
        self,
        row: int,
        item_id: str,
        result: Result | None,
        *,
        note: str | None = None,
        photo: str | None = None,
    ) -> Change | None:
        """Write one mark (None: written); on a finished line-up, the change to confirm."""
        self._writable()
        person = self._present(row)
        if self.closed:
            return self._mark_change(person, item_id, result=result, note=note, photo=photo)
        self.store.set_mark(person.inspection.id, item_id, result, note=note, photo=photo)
        self.reread(row)
        return None

    def set_note(self, row: int, item_id: str, note: str, *, failed: bool = True) -> Change | None:
        """N: a note on an item (a note usually explains a fault, so it fails by default)."""
        return self.set_mark(row, item_id, Result.FAIL if failed else Result.PASS, note=note)

    def attach_photo(self, row: int, item_id: str, source: Path) -> Change | None:
        """Photo evidence for a failed item: copied into the database's private photo folder
        (0o700, files 0o600) under a name made of its content hash; the mark keeps the name."""
        self._writable()
        self._present(row)
        name = store_photo(self.db_path, Path(source))
        return self.set_mark(row, item_id, Result.FAIL, photo=name)

    def toggle_attendance(self, row: int, attendance: Attendance) -> Change | None:
        """A, L, T. Absent and on leave complete the person; the same key again brings them
        back to "to do" (not inspected: they are inspected when they are there). Late people
        stay to do: they are still inspected."""
        self._writable()
        person = self.person(row)
        inspection = person.inspection
        current = inspection.attendance
        if self.closed:
            new = Attendance.PRESENT if current is attendance else attendance
            return Change(
                inspection_id=inspection.id,
                person=person.label,
                attendance=new,
                before_attendance=current,
            )
        store = self.store
        if current is attendance:
            if attendance is Attendance.LATE:
                store.set_attendance(inspection.id, Attendance.PRESENT)
            else:
                store.reopen_inspection(inspection.id)
        else:
            if current in AWAY:
                store.reopen_inspection(inspection.id)
            store.set_attendance(inspection.id, attendance)
        self.reread(row)
        return None

    # -- finishing, amending, discarding ---------------------------------------------------

    def finish(self) -> Lineup:
        """Close the line-up (people still to do are recorded as not inspected) and seal it."""
        if self.lineup is None:
            raise LookupError("no line-up is open")
        if self.closed:
            return self.lineup
        self._writable()
        lineup_id = self.lineup.id
        self.store.finish_lineup(lineup_id)
        self.open(lineup_id)
        return self.lineup

    def amend(self, change: Change, reason: str, author: str) -> None:
        """Write a change to a finished line-up into the change log, with why and who."""
        self._writable()
        if not reason.strip():
            raise ReasonRequired()
        if not author.strip():
            raise AuthorRequired()
        store = self.store
        if change.inspect:
            store.amend_complete(change.inspection_id, reason=reason, changed_by=author)
        elif change.attendance is not None:
            store.amend_attendance(
                change.inspection_id, change.attendance, reason=reason, changed_by=author
            )
        else:
            store.amend_mark(
                change.inspection_id,
                change.item_id,
                change.result,
                reason=reason,
                changed_by=author,
                note=change.note,
                photo=change.photo,
            )
        self.reread(self.row_of(change.inspection_id))
        self._read_changes()

    def discard(self) -> None:
        """Delete this line-up if nothing was recorded in it."""
        if self.lineup is None:
            return
        discard(self.store, self.lineup.id, read_only=self.read_only)
        self.lineup, self.inspections, self._done = None, [], 0


def counts(summary: LineupSummary) -> dict:
    """The figures of a summary as the CLI prints them (and scripts read them)."""
    return {
        "people": summary.total,
        "inspected": summary.inspected,
        "all_pass": summary.all_pass,
        "with_faults": summary.with_faults,
        "absent": summary.absent,
        "leave": summary.leave,
        "late": summary.late,
        "not_inspected": summary.not_inspected,
        "faults": summary.faults,
        "critical_faults": summary.critical_faults,
        "fault_points": summary.fault_points,
        "applicable": summary.applicable,
        "passed": summary.passed,
    }
