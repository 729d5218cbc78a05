"""Floor observations, without Qt: find the employee, pick the situations, mark, save.

An observation is a line-up of one person with ``inspection_type = observation``: the observer
is its supervisor, the employee its only inspection, and the checklist versions recorded with
it are the observation sets of the situations observed. Everything a line-up guarantees holds
here through the same machinery (``LineupSession`` over the ``Store``): every mark is durable
at once, saving seals the observation (``finish``), and a change after that needs a reason and
an author in the change log.

The situations observed are kept in the line-up's ``shift`` column, which an observation has
no other use for, as their ids joined by commas (``"phone,complaint"``); ``situations_of``
reads them back. The department and site are those of the employee when observed, so that the
monthly figures stay put when someone moves later.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Unpack

from pypinyin import Style, lazy_pinyin

from inspector.domain.checklist import Catalogue, ChecklistItem, ChecklistSet, InspectionType
from inspector.domain.errors import UserError
from inspector.domain.faults import MarkLine
from inspector.domain.lineup import Lineup, Mark, Result
from inspector.domain.observations import (
    SITUATION_BY_ID,
    SITUATIONS,
    ObservationEntry,
    Situation,
)
from inspector.domain.people import Employee
from inspector.domain.text import Text
from inspector.services.lineup_session import (
    AuthorRequired,
    Change,
    LineupSession,
    ReadOnlyError,
    ReasonRequired,
    SessionOptions,
    discardable,
)
from inspector.storage import Store
from inspector.storage import report_queries as queries

OBSERVER_SETTING = "observer"  # the last observer's name, offered for the next observation

__all__ = [
    "SITUATIONS",
    "AuthorRequired",
    "Change",
    "InspectionType",
    "NoSituation",
    "ObservationRecord",
    "ObservationSession",
    "ObserverRequired",
    "ReadOnlyError",
    "ReasonRequired",
    "Situation",
    "UnknownSituation",
    "discardable",
    "list_observations",
    "read_observation",
    "remembered_observer",
    "search_employees",
    "situations_of",
]


# -- errors a user can act on -----------------------------------------------------------------


class ObserverRequired(UserError):
    message = "Enter the observer's name: every observation keeps who observed."


class NoSituation(UserError):
    message = "Pick at least one situation to observe."


class UnknownSituation(UserError):
    def __init__(self, situation_id: str) -> None:
        self.situation_id = situation_id
        known = ", ".join(s.id for s in SITUATIONS)
        super().__init__(f"No situation {situation_id!r}: the situations are {known}.")


class NoObservationSets(UserError):
    message = "The checklists have no observation set for these situations."


class NotAnObservation(UserError):
    def __init__(self, lineup_id: int) -> None:
        self.lineup_id = lineup_id
        super().__init__(f"{lineup_id} is a line-up, not an observation.")


# -- employees: by name, number or pinyin -----------------------------------------------------


@lru_cache(maxsize=4096)
def _pinyin_keys(name: str) -> tuple[str, str]:
    """(initials, full pinyin) of a name, lower case without spaces: 张伟 -> ("zw", "zhangwei").
    Letters and digits in the name are kept as they are."""
    full = lazy_pinyin(name, errors="default")
    initials = lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default")
    return "".join(initials).lower().replace(" ", ""), "".join(full).lower().replace(" ", "")


def _match_rank(employee: Employee, query: str) -> int | None:
    """How well ``query`` finds ``employee`` (0 best), None when it does not."""
    q = query.strip().lower().replace(" ", "")
    if not q:
        return None
    number, name = employee.employee_no.lower(), employee.name.lower()
    if q in (number, name):
        return 0
    initials, full = _pinyin_keys(employee.name)
    if q in (initials, full):
        return 1
    if number.startswith(q) or name.startswith(q):
        return 2
    if initials.startswith(q) or full.startswith(q):
        return 3
    if q in name or q in number:
        return 4
    if q in full:
        return 5
    return None


def search_employees(
    store: Store, query: str, *, limit: int = 20, employees: Sequence[Employee] | None = None
) -> list[Employee]:
    """Active employees found by name, employee number or pinyin (initials ``zw`` or full
    ``zhangwei`` find 张伟), best matches first."""
    people = employees if employees is not None else store.list_employees(active_only=True)
    ranked = [
        (rank, e.employee_no, e) for e in people if (rank := _match_rank(e, query)) is not None
    ]
    ranked.sort(key=lambda r: (r[0], r[1]))
    return [e for _, _, e in ranked[:limit]]


def remembered_observer(store: Store) -> str:
    return store.get_setting(OBSERVER_SETTING, "")


# -- reading observations ---------------------------------------------------------------------


def situations_of(lineup: Lineup) -> tuple[str, ...]:
    """The situation ids of an observation, as recorded."""
    if lineup.inspection_type is not InspectionType.OBSERVATION:
        return ()
    return tuple(s for s in lineup.shift.split(",") if s)


@dataclass(frozen=True, slots=True)
class ObservedFault:
    item: ChecklistItem
    set_id: str
    note: str = ""
    photo: str = ""


@dataclass(frozen=True, slots=True)
class ObservationRecord:
    """One observation as lists, reports and the CLI show it."""

    lineup: Lineup
    employee: Employee
    situations: tuple[str, ...]
    observed: int  # applicable items judged (0 until saved)
    faults: tuple[ObservedFault, ...]
    fault_points: int
    completed: bool
    notes: tuple[tuple[ChecklistItem, str], ...] = ()  # notes on items that passed
    changes: int = 0  # amendments after saving

    @property
    def id(self) -> int:
        return self.lineup.id

    @property
    def observer(self) -> str:
        return self.lineup.supervisor

    @property
    def passed(self) -> bool:
        """Observed with no fault."""
        return self.completed and not self.faults

    def situation_texts(self) -> tuple[Text, ...]:
        return tuple(
            SITUATION_BY_ID[s].text if s in SITUATION_BY_ID else Text(s, s) for s in self.situations
        )


def _record(store: Store, lineup: Lineup) -> ObservationRecord:
    inspections = store.inspections_for(lineup.id)
    inspection = inspections[0]
    employee = store.get_employee(inspection.employee_id)
    sets = [s for _, s in store.lineup_checklists(lineup.id)]
    items = {item.id: (checklist, item) for checklist in sets for item in checklist.items}
    marks: list[Mark] = store.marks_for(inspection.id)
    applicable = {item.id for _, item in store.applicable_items_for(inspection)}
    faults, notes = [], []
    for mark in marks:
        if mark.item_id not in items or mark.item_id not in applicable:
            continue
        checklist, item = items[mark.item_id]
        if mark.result is Result.FAIL:
            faults.append(ObservedFault(item, checklist.id, mark.note, mark.photo))
        elif mark.note:
            notes.append((item, mark.note))
    order = {item_id: n for n, item_id in enumerate(items)}
    faults.sort(key=lambda f: order[f.item.id])
    return ObservationRecord(
        lineup=lineup,
        employee=employee,
        situations=situations_of(lineup),
        observed=inspection.applicable,
        faults=tuple(faults),
        fault_points=inspection.fault_points,
        completed=inspection.completed_at is not None,
        notes=tuple(notes),
        changes=len(store.change_log(lineup.id)),
    )


def read_observation(store: Store, observation_id: int) -> ObservationRecord:
    """One observation (NotFoundError when there is none, NotAnObservation for a line-up)."""
    lineup = store.get_lineup(observation_id)
    if lineup.inspection_type is not InspectionType.OBSERVATION:
        raise NotAnObservation(observation_id)
    return _record(store, lineup)


def list_observations(
    store: Store,
    *,
    start: date | None = None,
    end: date | None = None,
    employee_id: int | None = None,
) -> list[ObservationRecord]:
    """Observations in a period (both ends included), newest first."""
    ids = queries.observation_ids(store, start=start, end=end, employee_id=employee_id)
    return [_record(store, store.get_lineup(i)) for i in ids]


# -- the session ------------------------------------------------------------------------------


class ObservationSession:
    """Observing one person: start (employee, situations, observer), mark, save (sealed).

    ``lineup`` is the ``LineupSession`` over the observation's line-up: the GUI's line-up
    controller and marking widget work on it unchanged."""

    def __init__(
        self, store: Store, catalogue: Catalogue, **options: Unpack[SessionOptions]
    ) -> None:
        self.store = store
        self.catalogue = catalogue
        self.lineup = LineupSession(store, catalogue, **options)
        self.clock = self.lineup.clock

    @property
    def read_only(self) -> bool:
        return self.lineup.read_only

    @property
    def observation(self) -> Lineup | None:
        return self.lineup.lineup

    @property
    def saved(self) -> bool:
        return self.lineup.closed

    def search(self, query: str, *, limit: int = 20) -> list[Employee]:
        return search_employees(self.store, query, limit=limit)

    def observer(self) -> str:
        return remembered_observer(self.store)

    def sets_for(self, situations: Iterable[str]) -> list[ChecklistSet]:
        """The observation sets of these situations, each once, in screen order."""
        wanted: list[str] = []
        for situation_id in situations:
            situation = SITUATION_BY_ID.get(situation_id)
            if situation is None:
                raise UnknownSituation(situation_id)
            wanted += [s for s in situation.sets if s not in wanted]
        available = self.catalogue.sets_for(InspectionType.OBSERVATION)
        return [s for s in available if s.id in wanted]

    def start(
        self,
        employee: Employee,
        situations: Sequence[str],
        observer: str,
        *,
        day: date | None = None,
    ) -> Lineup:
        """Open a new observation of ``employee`` in ``situations`` (in the order given)."""
        if self.read_only:
            raise ReadOnlyError()
        observer = observer.strip()
        if not observer:
            raise ObserverRequired()
        chosen = list(dict.fromkeys(situations))
        if not chosen:
            raise NoSituation()
        sets = self.sets_for(chosen)
        if not sets:
            raise NoObservationSets()
        self.store.set_setting(OBSERVER_SETTING, observer)
        now = self.clock()
        lineup = self.store.start_lineup(
            day=day or now.date(),
            shift=",".join(chosen),
            site=employee.site,
            department=employee.department,
            supervisor=observer,
            sets=sets,
            employees=[employee],
            inspection_type=InspectionType.OBSERVATION,
            started_at=now,
        )
        self.lineup.open(lineup.id)
        return lineup

    def open(self, observation_id: int) -> Lineup:
        lineup = self.store.get_lineup(observation_id)
        if lineup.inspection_type is not InspectionType.OBSERVATION:
            raise NotAnObservation(observation_id)
        self.lineup.open(observation_id)
        return lineup

    def applicable(self) -> list[tuple[ChecklistSet, ChecklistItem]]:
        return self.lineup.applicable(0)

    def marks(self) -> dict[str, Mark]:
        return self.lineup.marks(0)

    def toggle_fail(self, item_id: str) -> Change | None:
        return self.lineup.toggle_fail(0, item_id)

    def set_note(self, item_id: str, note: str, *, failed: bool = True) -> Change | None:
        return self.lineup.set_note(0, item_id, note, failed=failed)

    def attach_photo(self, item_id: str, source: Path) -> Change | None:
        return self.lineup.attach_photo(0, item_id, source)

    def save(self) -> ObservationRecord:
        """Space: every observed behaviour not marked is correct; the observation is sealed."""
        if self.observation is None:
            raise LookupError("no observation is open")
        if not self.saved:
            self.lineup.pass_all(0)
            self.lineup.finish()
        return read_observation(self.store, self.observation.id)

    def amend(self, change: Change, reason: str, author: str) -> None:
        """A change to a saved observation, with why and who, into the change log."""
        self.lineup.amend(change, reason, author)

    def discard(self) -> None:
        """Drop an observation in which nothing was recorded (the person was not observed)."""
        self.lineup.discard()

    def record(self) -> ObservationRecord | None:
        return read_observation(self.store, self.observation.id) if self.observation else None


def entry_of(record: ObservationRecord) -> ObservationEntry:
    """An observation as the reports print it."""
    lineup, employee = record.lineup, record.employee
    return ObservationEntry(
        id=record.id,
        day=lineup.day,
        time=f"{lineup.started_at:%H:%M}",
        observer=record.observer,
        employee_no=employee.employee_no,
        name=employee.name,
        department=lineup.department,
        site=lineup.site,
        situations=record.situations,
        observed=record.observed,
        faults=tuple(
            MarkLine(f.item.id, f.item.text, f.item.severity.value, Result.FAIL, f.note)
            for f in record.faults
        ),
        fault_points=record.fault_points,
        saved=lineup.finished,
        changes=record.changes,
    )


def employee_observations(
    store: Store, employee_id: int, start: date, end: date
) -> tuple[ObservationEntry, ...]:
    """One employee's saved observations in a period, oldest first (the employee record)."""
    records = list_observations(store, start=start, end=end, employee_id=employee_id)
    return tuple(entry_of(r) for r in reversed(records) if r.lineup.finished)
