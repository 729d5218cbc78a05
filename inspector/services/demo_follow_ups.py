"""The follow-up of the demo's faults (整改 / 复查), so that the pack's section has figures.

About a quarter of the faults are fixed on the spot at the line-up (a tie straightened, a badge
put on); the supervisor re-checks most of the others the same day, a few a day or two late,
a few are still not fixed at the re-check, and a few are never re-checked (still open, more
of them on the last days). Everything follows from the seed.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from inspector.domain.lineup import Result
from inspector.storage import follow_ups
from inspector.storage.bulk import BulkLineup, BulkRecheck, bulk_insert_rechecks
from inspector.storage.store import Store

P_FIXED_ON_SPOT = 0.25
# Of the faults not fixed on the spot: re-checked late, found not fixed, never re-checked.
P_LATE, P_NOT_FIXED, P_NEVER = 0.07, 0.05, 0.04
RECENT_DAYS = 2  # the last days' faults are re-checked half as often
NOTES = ("已整改", "已更换", "已整理", "")


def with_spot_fixes(lineups: Sequence[BulkLineup], seed: int) -> list[BulkLineup]:
    """The line-ups with some faults fixed on the spot (part of each line-up's record)."""
    rng = random.Random(f"spot:{seed}")
    result = []
    for lineup in lineups:
        people = list(lineup.inspections)
        changed = False
        for n, person in enumerate(people):
            if not any(m.result is Result.FAIL for m in person.marks):
                continue
            marks = tuple(
                replace(m, fixed_on_spot=True)
                if m.result is Result.FAIL and rng.random() < P_FIXED_ON_SPOT
                else m
                for m in person.marks
            )
            if marks != person.marks:
                people[n] = replace(person, marks=marks)
                changed = True
        result.append(replace(lineup, inspections=tuple(people)) if changed else lineup)
    return result


def add_rechecks(store: Store, seed: int, today: date) -> int:
    """Re-check the faults of the stored history that were not fixed on the spot."""
    rng = random.Random(f"recheck:{seed}")
    due = follow_ups.faults_due(store)
    days = sorted({f["day"] for f in due})
    recent = set(days[-RECENT_DAYS:])
    found: list[BulkRecheck] = []
    for fault in due:
        day = date.fromisoformat(fault["day"])
        finished = datetime.fromisoformat(fault["finished_at"])
        roll = rng.random()
        if roll < P_NEVER or (fault["day"] in recent and rng.random() < 0.5):
            continue
        same_day = max(
            finished + timedelta(minutes=30),
            datetime.combine(day, time(9, 30)) + timedelta(minutes=rng.randint(0, 480)),
        )
        late = datetime.combine(day + timedelta(days=rng.randint(1, 3)), time(9, 0)) + timedelta(
            minutes=rng.randint(0, 120)
        )

        checks: list[tuple[str, datetime, str]] = []  # (outcome, when, note)
        if roll < P_NEVER + P_NOT_FIXED:
            checks.append(("not_fixed", same_day, "仍未整改"))
            if late.date() < today and rng.random() < 0.5:
                checks.append(("fixed", late, rng.choice(NOTES)))
        elif roll < P_NEVER + P_NOT_FIXED + P_LATE:
            if late.date() < today:
                checks.append(("fixed", late, rng.choice(NOTES)))
        else:
            checks.append(("fixed", same_day, rng.choice(NOTES)))
        found += [
            BulkRecheck(fault["inspection_id"], fault["item_id"], outcome, fault["supervisor"],
                        at, note)
            for outcome, at, note in checks
        ]  # fmt: skip
    return bulk_insert_rechecks(store, found)
