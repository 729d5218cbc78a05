"""Whole line-ups in one transaction, for generated data (the demo, benchmarks).

Thousands of inspections in a second, where marking them one by one through the
:class:`~inspector.storage.store.Store` would take minutes. The rows are what the app itself
would store: the counts of each completed inspection come from ``score_inspection`` over the
items that apply to the person (as ``Store._rescore`` computes them), each inspection keeps the
identity the person is judged with, and finished line-ups are sealed in the order they finished.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from inspector.domain.checklist import ChecklistSet, InspectionType, applicable_items
from inspector.domain.lineup import Attendance, Result
from inspector.domain.scoring import score_inspection
from inspector.storage import seal
from inspector.storage.errors import NotFoundError
from inspector.storage.store import Store, _parse_ts, _ts


@dataclass(frozen=True, slots=True)
class BulkMark:
    """A mark for :func:`bulk_insert_history`."""

    item_id: str
    result: Result
    note: str = ""
    photo: str = ""
    marked_at: datetime | None = None  # default: when the inspection was completed
    fixed_on_spot: bool = False  # a fault fixed at the line-up (当场整改), part of its record


@dataclass(frozen=True, slots=True)
class BulkInspection:
    """One person of a line-up for :func:`bulk_insert_history` (position: the list order)."""

    employee_id: int
    attendance: Attendance | None
    completed_at: datetime | None
    marks: tuple[BulkMark, ...] = ()


@dataclass(frozen=True, slots=True)
class BulkLineup:
    """A whole line-up for :func:`bulk_insert_history`."""

    day: date
    shift: str
    site: str
    department: str
    supervisor: str
    started_at: datetime
    finished_at: datetime | None
    inspections: tuple[BulkInspection, ...]
    inspection_type: InspectionType = InspectionType.LINEUP


def bulk_insert_history(
    store: Store, sets: Sequence[ChecklistSet], lineups: Iterable[BulkLineup]
) -> int:
    """Insert whole line-ups with their inspections and marks in one transaction.

    Every line-up is judged against ``sets``. Returns the number of line-ups inserted.
    """
    lineups = list(lineups)
    employees = store.employees_by_id(p.employee_id for lu in lineups for p in lu.inspections)
    items_for: dict[tuple, list] = {}
    scores: dict[tuple, object] = {}
    with store.write() as db:
        version_ids = store.record_checklist_sets(sets)
        item_version = {
            item.id: version_ids[checklist.id] for checklist in sets for item in checklist.items
        }
        all_versions = sorted(set(version_ids.values()))
        identity_ids = store._identity_ids(
            db, {person.employee_id for lineup in lineups for person in lineup.inspections}
        )
        conn = db.conn
        next_lineup = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM lineups").fetchone()[0]
        next_inspection = conn.execute(
            "SELECT coalesce(max(id), 0) + 1 FROM inspections"
        ).fetchone()[0]
        lineup_rows, checklist_rows, inspection_rows, mark_rows = [], [], [], []
        spot_rows = []
        finished: list[tuple[str, int]] = []
        for lineup in lineups:
            lineup_id = next_lineup
            next_lineup += 1
            lineup_rows.append(
                (
                    lineup_id,
                    lineup.day.isoformat(),
                    lineup.shift,
                    lineup.site,
                    lineup.department,
                    lineup.supervisor,
                    lineup.inspection_type.value,
                    _ts(lineup.started_at),
                    _ts(lineup.finished_at),
                )
            )
            checklist_rows += [(lineup_id, vid) for vid in all_versions]
            if lineup.finished_at is not None:
                finished.append((_ts(lineup.finished_at), lineup_id))
            for position, person in enumerate(lineup.inspections):
                inspection_id = next_inspection
                next_inspection += 1
                employee = employees.get(person.employee_id)
                if employee is None:
                    raise NotFoundError(f"no employee with id {person.employee_id}")
                counts = (0, 0, 0, 0, 0)
                inspected = person.attendance is None or person.attendance.inspected
                if person.completed_at is not None and inspected:
                    key = (employee.sex, employee.role)
                    if key not in items_for:
                        items_for[key] = [item for _, item in applicable_items(sets, employee)]
                    marks = tuple(sorted((m.item_id, m.result) for m in person.marks))
                    score = scores.get((key, marks))
                    if score is None:  # the same items and marks always score the same
                        score = score_inspection(items_for[key], dict(marks))
                        scores[(key, marks)] = score
                    counts = (
                        score.applicable,
                        score.passed,
                        score.failed,
                        score.critical_failed,
                        score.fault_points,
                    )
                inspection_rows.append(
                    (
                        inspection_id,
                        lineup_id,
                        person.employee_id,
                        position,
                        person.attendance.value if person.attendance else None,
                        _ts(person.completed_at),
                        *counts,
                        identity_ids[person.employee_id],
                    )
                )
                for mark in person.marks if inspected else ():
                    if mark.item_id not in item_version:
                        raise NotFoundError(f"item {mark.item_id} is not in the checklists")
                    marked_at = _ts(mark.marked_at or person.completed_at or lineup.started_at)
                    mark_rows.append(
                        (
                            inspection_id,
                            mark.item_id,
                            item_version[mark.item_id],
                            mark.result.value,
                            mark.note,
                            mark.photo,
                            marked_at,
                        )
                    )
                    if mark.fixed_on_spot and mark.result is Result.FAIL:
                        spot_rows.append((inspection_id, mark.item_id, marked_at))
        conn.executemany(
            "INSERT INTO lineups (id, day, shift, site, department, supervisor, "
            "inspection_type, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            lineup_rows,
        )
        conn.executemany(
            "INSERT INTO lineup_checklists (lineup_id, checklist_version_id) VALUES (?, ?)",
            checklist_rows,
        )
        conn.executemany(
            "INSERT INTO inspections (id, lineup_id, employee_id, position, attendance, "
            "completed_at, applicable, passed, failed, critical_failed, fault_points, "
            "identity_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            inspection_rows,
        )
        conn.executemany(
            "INSERT INTO marks (inspection_id, item_id, checklist_version_id, result, note, "
            "photo, marked_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            mark_rows,
        )
        conn.executemany(
            "INSERT INTO follow_ups (inspection_id, item_id, event, recorded_at) "
            "VALUES (?, ?, 'fixed_on_spot', ?)",
            spot_rows,
        )
        for stamp, lineup_id in sorted(finished):
            seal.append_seal(conn, lineup_id, sealed_at=_parse_ts(stamp))
    return len(lineup_rows)


@dataclass(frozen=True, slots=True)
class BulkRecheck:
    """A re-check of a fault of a finished line-up for :func:`bulk_insert_rechecks`."""

    inspection_id: int
    item_id: str
    outcome: str  # "fixed" or "not_fixed"
    checked_by: str
    recorded_at: datetime
    note: str = ""


def bulk_insert_rechecks(store: Store, rechecks: Iterable[BulkRecheck]) -> int:
    """Insert re-checks of finished line-ups in one transaction, oldest first, each sealed on
    its own in the chain as ``seal.seal_follow_up`` seals one. Returns how many."""
    ordered = sorted(rechecks, key=lambda r: (r.recorded_at, r.inspection_id, r.item_id))
    if not ordered:
        return 0
    with store.write() as db:
        conn = db.conn
        first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM follow_ups").fetchone()[0]
        conn.executemany(
            "INSERT INTO follow_ups (id, inspection_id, item_id, event, outcome, checked_by, "
            "note, recorded_at, after_finish) VALUES (?, ?, ?, 'rechecked', ?, ?, ?, ?, 1)",
            [
                (first + n, r.inspection_id, r.item_id, r.outcome, r.checked_by, r.note,
                 _ts(r.recorded_at))
                for n, r in enumerate(ordered)
            ],
        )  # fmt: skip
        seal.seal_follow_ups(conn, range(first, first + len(ordered)))
    return len(ordered)
