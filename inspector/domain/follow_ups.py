"""Follow-up of faults (整改 / 复查): fixed on the spot at the line-up, or re-checked later.

A *fault* is one failed reason (a ``fail`` mark) on the inspection of one person. Its follow-up
is a list of events, appended and never changed:

- ``fixed_on_spot`` / ``spot_fix_undone``: recorded at the line-up while it is open (当场整改,
  e.g. a tie straightened); the last of the two counts.
- ``rechecked``: a re-check (复查) with its outcome (``fixed`` or ``not_fixed``), the time, who
  checked and an optional note. A fault not fixed on the spot is due for re-check on the day
  of its line-up.

**In time** means re-checked as fixed by the end of the line-up's day (the time of the re-check
falls on that day or earlier); a fault re-checked as fixed on a later day is *late*; a fault
neither fixed on the spot nor re-checked as fixed is *still open* (a ``not_fixed`` re-check
keeps it open).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from inspector.domain.text import Text


class FollowUpEvent(StrEnum):
    FIXED_ON_SPOT = "fixed_on_spot"
    SPOT_FIX_UNDONE = "spot_fix_undone"
    RECHECKED = "rechecked"


class RecheckOutcome(StrEnum):
    FIXED = "fixed"
    NOT_FIXED = "not_fixed"


class FaultStatus(StrEnum):
    """Where a fault's follow-up stands."""

    FIXED_ON_SPOT = "fixed_on_spot"
    DUE = "due"  # not fixed on the spot, not re-checked yet
    NOT_FIXED = "not_fixed"  # re-checked, still not fixed
    FIXED = "fixed"  # re-checked as fixed

    @property
    def open(self) -> bool:
        return self in (FaultStatus.DUE, FaultStatus.NOT_FIXED)


@dataclass(frozen=True, slots=True)
class FollowUpRecord:
    """One stored follow-up event of one fault."""

    id: int
    inspection_id: int
    item_id: str
    event: FollowUpEvent
    recorded_at: datetime
    outcome: RecheckOutcome | None = None
    checked_by: str = ""
    note: str = ""
    after_finish: bool = False  # recorded after the line-up was finished: sealed on its own


@dataclass(frozen=True, slots=True)
class FaultFollowUp:
    """A fault's follow-up state, worked out from its events (:func:`follow_up_of`)."""

    status: FaultStatus
    fixed_at: datetime | None = None  # the re-check that found it fixed
    last_check: FollowUpRecord | None = None  # the latest re-check

    def in_time(self, day: date) -> bool:
        """Re-checked as fixed by the end of ``day`` (the line-up's day)."""
        return (
            self.status is FaultStatus.FIXED
            and self.fixed_at is not None
            and self.fixed_at.date() <= day
        )


def follow_up_of(events: Iterable[FollowUpRecord]) -> FaultFollowUp:
    """The state of one fault from its events (in the order they were recorded)."""
    spot = False
    fixed_at: datetime | None = None
    last_check: FollowUpRecord | None = None
    for event in sorted(events, key=lambda e: e.id):
        if event.event is FollowUpEvent.FIXED_ON_SPOT:
            spot = True
        elif event.event is FollowUpEvent.SPOT_FIX_UNDONE:
            spot = False
        else:
            last_check = event
            if event.outcome is RecheckOutcome.FIXED and fixed_at is None:
                fixed_at = event.recorded_at
    if spot:
        return FaultFollowUp(FaultStatus.FIXED_ON_SPOT, None, last_check)
    if fixed_at is not None:
        return FaultFollowUp(FaultStatus.FIXED, fixed_at, last_check)
    if last_check is not None:
        return FaultFollowUp(FaultStatus.NOT_FIXED, None, last_check)
    return FaultFollowUp(FaultStatus.DUE)


def fault_key(inspection_id: int, item_id: str) -> str:
    """The short id a person types to name a fault: the inspection and 5 hex digits of the
    reason (``1532-9f2c1``), stable for as long as the fault exists."""
    digest = hashlib.sha1(item_id.encode("utf-8")).hexdigest()[:5]
    return f"{inspection_id}-{digest}"


@dataclass(frozen=True, slots=True)
class FollowUpTally:
    """The follow-up of a set of faults (整改 / 复查; the monthly pack's: the month's): each
    fault counts once, in one of fixed on the spot, re-checked in time (by the end of the
    line-up's day), re-checked late and still open."""

    faults: int = 0
    fixed_on_spot: int = 0
    rechecked_in_time: int = 0
    rechecked_late: int = 0

    @property
    def still_open(self) -> int:
        return self.faults - self.fixed_on_spot - self.rechecked_in_time - self.rechecked_late

    def share(self, part: int) -> float | None:
        """``part`` as a share (0 to 1) of the faults."""
        return part / self.faults if self.faults else None


def tally_follow_ups(faults: Iterable[tuple[date, FaultFollowUp]]) -> FollowUpTally:
    """Count (line-up day, follow-up) pairs into fixed on the spot, in time, late and open."""
    faults_n = spot = in_time = late = 0
    for day, follow in faults:
        faults_n += 1
        if follow.status is FaultStatus.FIXED_ON_SPOT:
            spot += 1
        elif follow.status is FaultStatus.FIXED:
            if follow.in_time(day):
                in_time += 1
            else:
                late += 1
    return FollowUpTally(faults_n, spot, in_time, late)


@dataclass(frozen=True, slots=True)
class Fault:
    """One fault with who had it, at which line-up, and where its follow-up stands."""

    inspection_id: int
    item_id: str
    reason: Text  # the reason's wording in the checklist version judged against
    severity: str
    lineup_id: int
    day: date
    shift: str
    site: str
    lineup_started_at: datetime
    lineup_finished: bool
    position: int
    employee_no: str
    name: str
    department: str
    follow_up: FaultFollowUp

    @property
    def key(self) -> str:
        return fault_key(self.inspection_id, self.item_id)

    @property
    def status(self) -> FaultStatus:
        return self.follow_up.status
