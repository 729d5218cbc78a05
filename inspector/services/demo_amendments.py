"""Changes to finished line-ups in the demo history, made as a supervisor makes them: through
the Store's amendment path (``amend_attendance``, ``amend_complete``, ``amend_mark``), so that
each is in the change log with its reason, author and time, and sealed again.

A few a month, by the line-up's own supervisor, an hour or two after the line-up finished:
someone marked absent who turned up late (员工补到), a fault marked in error (误判), a fault
seen again and recorded (复核发现), and leave that had not been entered (请假未登记).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from inspector.domain.checklist import applicable_items
from inspector.domain.lineup import Attendance, Lineup, Result
from inspector.storage import Store

PER_MONTH = 4  # changes a month (some take two entries: turned up late, then inspected)


def _arrived_late(store: Store, lineup: Lineup, rng: random.Random, at: datetime) -> bool:
    absent = [i for i in store.inspections_for(lineup.id) if i.attendance is Attendance.ABSENT]
    if not absent:
        return False
    person = rng.choice(absent)
    by = lineup.supervisor
    store.amend_attendance(
        person.id, Attendance.LATE, reason="员工补到（迟到），补查", changed_by=by, changed_at=at
    )
    store.amend_complete(
        person.id, reason="员工补到，补查合格", changed_by=by, changed_at=at + timedelta(minutes=3)
    )
    return True


def _marked_in_error(store: Store, lineup: Lineup, rng: random.Random, at: datetime) -> bool:
    marks = store.marks_for_lineup(lineup.id)
    failed = [(i, m) for i, ms in marks.items() for m in ms if m.result is Result.FAIL]
    if not failed:
        return False
    inspection_id, mark = rng.choice(sorted(failed, key=lambda f: (f[0], f[1].item_id)))
    reason = rng.choice(("误判：复核后合格", "误判，已与员工核实"))
    return _amend_mark(store, lineup, inspection_id, mark.item_id, Result.PASS, reason, at)


def _seen_again(store: Store, lineup: Lineup, rng: random.Random, at: datetime) -> bool:
    marks = store.marks_for_lineup(lineup.id)
    clean = [
        i
        for i in store.inspections_for(lineup.id)
        if i.attendance is Attendance.PRESENT and i.completed_at and not marks.get(i.id)
    ]
    if not clean:
        return False
    person = rng.choice(clean)
    sets = [s for _, s in store.lineup_checklists(lineup.id)]
    employee = store.judged_identity(person.id)
    shoes = [i.id for _, i in applicable_items(sets, employee) if i.id.startswith("shoes.")]
    if not shoes:
        return False
    return _amend_mark(
        store,
        lineup,
        person.id,
        rng.choice(shoes),
        Result.FAIL,
        "漏记：复核时发现",
        at,
        "巡查时发现",
    )


def _amend_mark(
    store: Store,
    lineup: Lineup,
    inspection_id: int,
    item_id: str,
    result: Result,
    reason: str,
    at: datetime,
    note: str | None = None,
) -> bool:
    store.amend_mark(
        inspection_id,
        item_id,
        result,
        reason=reason,
        changed_by=lineup.supervisor,
        note=note,
        changed_at=at,
    )
    return True


def _leave_not_entered(store: Store, lineup: Lineup, rng: random.Random, at: datetime) -> bool:
    marks = store.marks_for_lineup(lineup.id)
    absent = [
        i
        for i in store.inspections_for(lineup.id)
        if i.attendance is Attendance.ABSENT and not marks.get(i.id)
    ]
    if not absent:
        return False
    store.amend_attendance(
        rng.choice(absent).id,
        Attendance.LEAVE,
        reason="已请假，前台未登记",
        changed_by=lineup.supervisor,
        changed_at=at,
    )
    return True


CHANGES: tuple[Callable[[Store, Lineup, random.Random, datetime], bool], ...] = (
    _arrived_late,
    _marked_in_error,
    _marked_in_error,
    _seen_again,
    _leave_not_entered,
)


def add_demo_amendments(store: Store, seed: int, per_month: int = PER_MONTH) -> int:
    """Amend ``per_month`` finished line-ups of each month of the history, the kinds of change
    taken in turn (each on a line-up where it can happen); the number of line-ups changed."""
    rng = random.Random(f"amendments:{seed}")
    by_month: dict[str, list[Lineup]] = {}
    for lineup in store.list_lineups():
        if lineup.finished_at is not None and lineup.supervisor:
            by_month.setdefault(f"{lineup.day:%Y-%m}", []).append(lineup)
    made = 0
    for month in sorted(by_month):
        candidates = sorted(by_month[month], key=lambda lu: lu.id)
        rng.shuffle(candidates)
        for _ in range(per_month):
            change = CHANGES[made % len(CHANGES)]
            for lineup in candidates:
                at = lineup.finished_at + timedelta(minutes=rng.randint(25, 150))
                if change(store, lineup, rng, at):
                    candidates.remove(lineup)
                    made += 1
                    break
    return made
