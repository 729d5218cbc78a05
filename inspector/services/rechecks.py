"""Follow-up of faults (整改 / 复查), without Qt: the GUI's line-up and re-check screens and the
``inspector recheck`` commands call these.

- During a line-up a fault can be fixed on the spot (当场整改), and the fix undone; both are
  part of the line-up's record.
- Every fault not fixed on the spot is due for re-check (复查) on the day of its line-up; a
  re-check records fixed / not fixed, the time, who checked (required) and a note. After the
  line-up is finished a re-check is a record of its own, sealed in the same chain.
- "In time" is re-checked as fixed by the end of the line-up's day (domain.follow_ups).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from inspector.domain.errors import UserError
from inspector.domain.follow_ups import (
    Fault,
    FaultStatus,
    FollowUpEvent,
    FollowUpRecord,
    FollowUpTally,
    RecheckOutcome,
    follow_up_of,
)
from inspector.storage import Store
from inspector.storage import follow_ups as stored
from inspector.storage.errors import LineupClosedError
from inspector.storage.hub_local import PulledLineupError

# -- errors a user can act on -----------------------------------------------------------------


def _zh(lang: str) -> bool:
    return str(lang).lower().startswith("zh")


class CheckerRequired(UserError):
    message = "Enter who re-checked: the re-check keeps their name."

    def text(self, lang: str = "en") -> str:
        return "请填写复查人：复查记录会保存其姓名。" if _zh(lang) else self.message


class UnknownFault(UserError):
    """A fault id that names no fault (mistyped, or the mark is no longer a fault)."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        if _zh(lang):
            return f"没有编号为“{self.key}”的问题（编号见 inspector recheck list）。"
        return f"there is no fault “{self.key}” (the ids are printed by inspector recheck list)"


class AlreadyFixed(UserError):
    """A fault fixed on the spot or re-checked as fixed has nothing left to re-check."""

    def __init__(self, fault: Fault) -> None:
        self.fault = fault
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        spot = self.fault.status is FaultStatus.FIXED_ON_SPOT
        if _zh(lang):
            how = "已当场整改" if spot else "已复查合格"
            return f"{self.fault.name}的“{self.fault.reason.zh}”{how}，无需再复查。"
        how = "was fixed on the spot" if spot else "was already re-checked as fixed"
        return f"{self.fault.name}'s “{self.fault.reason.en}” {how}: nothing left to re-check."


class SpotFixAfterFinish(UserError):
    """Fixed on the spot is recorded at the line-up; after it a re-check is recorded instead."""

    message = (
        "The line-up is finished: a fault is fixed on the spot only during the line-up. "
        "Record a re-check instead."
    )

    def text(self, lang: str = "en") -> str:
        if _zh(lang):
            return "班前检查已结束：当场整改只能在检查时记录，请改为记录复查。"
        return self.message


# -- the line-up: fixed on the spot -----------------------------------------------------------


def spot_fixes(store: Store, lineup_id: int) -> set[tuple[int, str]]:
    """(inspection id, item id) of the line-up's faults fixed on the spot now."""
    return _fixed_on_spot(stored.events_for_lineup(store, lineup_id))


def _fixed_on_spot(
    events_by_fault: Mapping[tuple[int, str], list[FollowUpRecord]],
) -> set[tuple[int, str]]:
    return {
        key
        for key, events in events_by_fault.items()
        if follow_up_of(events).status is FaultStatus.FIXED_ON_SPOT
    }


def set_fixed_on_spot(store: Store, inspection_id: int, item_id: str, fixed: bool) -> None:
    """Mark a fault of an open line-up fixed on the spot (``fixed``) or take the mark back."""
    event = FollowUpEvent.FIXED_ON_SPOT if fixed else FollowUpEvent.SPOT_FIX_UNDONE
    try:
        stored.record_event(store, inspection_id, item_id, event)
    except PulledLineupError:
        raise  # a line-up recorded at another site: its own message
    except LineupClosedError:
        raise SpotFixAfterFinish() from None


def toggle_fixed_on_spot(store: Store, inspection_id: int, item_id: str) -> bool:
    """Fixed on the spot, or not any more; returns whether it is fixed on the spot now."""
    fixed = (inspection_id, item_id) not in _fixed_on_spot(
        stored.events_for(store, [inspection_id])
    )
    set_fixed_on_spot(store, inspection_id, item_id, fixed)
    return fixed


# -- the re-check list ------------------------------------------------------------------------


def faults_of_day(store: Store, day: date, site: str | None = None) -> list[Fault]:
    """Every fault of the day's line-ups (at ``site``), in line-up order, with its state."""
    return stored.faults(store, day=day, site=site or None)


def open_faults(store: Store, day: date, site: str | None = None) -> list[Fault]:
    """The day's faults still to re-check: neither fixed on the spot nor re-checked fixed."""
    return [f for f in faults_of_day(store, day, site) if f.status.open]


def faults_of_lineup(store: Store, lineup_id: int) -> list[Fault]:
    return stored.faults(store, lineup_id=lineup_id)


def find_fault(store: Store, key: str) -> Fault:
    """The fault a short id names (``1532-9f2c1``, as ``recheck list`` prints it)."""
    text = key.strip()
    number, _, _ = text.partition("-")
    if number.isdigit():
        for fault in stored.faults(store, inspection_id=int(number)):
            if fault.key == text.lower():
                return fault
    raise UnknownFault(text)


def record_recheck(
    store: Store,
    fault: Fault,
    outcome: RecheckOutcome,
    checked_by: str,
    note: str = "",
    *,
    at: datetime | None = None,
) -> FollowUpRecord:
    """Record a re-check of a fault still open; the checker is required."""
    if not checked_by.strip():
        raise CheckerRequired()
    if not fault.status.open:
        raise AlreadyFixed(fault)
    return stored.record_event(
        store,
        fault.inspection_id,
        fault.item_id,
        FollowUpEvent.RECHECKED,
        outcome=outcome,
        checked_by=checked_by,
        note=note,
        recorded_at=at,
    )


def refreshed(store: Store, fault: Fault) -> Fault:
    """The fault as stored now (after a re-check)."""
    return find_fault(store, fault.key)


# -- the month --------------------------------------------------------------------------------


def month_figures(
    store: Store, month: date, department: str | None = None, site: str | None = None
) -> FollowUpTally | None:
    """The month's follow-up figures, in the monthly pack's scope."""
    from inspector.storage.report_queries import follow_up_figures  # loads on first use

    return follow_up_figures(store, month, department, site=site)
