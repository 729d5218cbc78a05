"""The 讲评 card of the start screen: what the supervisor announces at today's line-up.

The previous line-up day at the site (the last day before today with a finished line-up
there): how many people were inspected, the pass rate (``domain.figures.pass_rate``) and the
faults found most, by reason, with how many people had each; and the re-checks due today: the
faults of that day and of today's line-ups so far that are still open (neither fixed on the
spot nor re-checked fixed, ``services.rechecks``). Qt-free: the start screen shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from inspector.domain.follow_ups import Fault
from inspector.domain.reports import FaultCount
from inspector.domain.tally import Tally, TallyRates
from inspector.storage import Store

TOP_FAULTS = 5  # reasons on the card
RECHECKS_SHOWN = 6  # open faults named on the card; the re-check screen lists them all


@dataclass(frozen=True, slots=True)
class Briefing(TallyRates):
    """The card's data. ``day`` None: no line-up finished at the site before today."""

    site: str
    day: date | None = None
    tally: Tally = field(default_factory=Tally)  # that day's inspections (TallyRates: rates)
    faults: tuple[FaultCount, ...] = ()  # the most people first, at most TOP_FAULTS
    more_faults: int = 0  # further reasons found that day, not on the card
    rechecks_due: tuple[Fault, ...] = ()  # still open: the oldest first, at most RECHECKS_SHOWN
    more_rechecks: int = 0  # further open faults, not named on the card

    @property
    def empty(self) -> bool:
        return self.day is None

    @property
    def recheck_day(self) -> date | None:
        """The day the re-check screen opens on: that of the oldest fault still open."""
        return self.rechecks_due[0].day if self.rechecks_due else None


def briefing(store: Store, site: str, today: date, top: int = TOP_FAULTS) -> Briefing:
    """The card for ``site`` ("" for a roster without sites: every line-up) on ``today``."""
    from inspector.services.rechecks import open_faults
    from inspector.storage import report_queries

    day = report_queries.previous_lineup_day(store, today, site or None)
    due = open_faults(store, day, site) if day is not None else []
    due += open_faults(store, today, site)
    shown = tuple(due[:RECHECKS_SHOWN])
    more = max(0, len(due) - RECHECKS_SHOWN)
    if day is None:
        return Briefing(site=site, rechecks_due=shown, more_rechecks=more)
    tally, faults = report_queries.day_figures(store, day, site or None)
    return Briefing(
        site=site,
        day=day,
        tally=tally,
        faults=tuple(faults[:top]),
        more_faults=max(0, len(faults) - top),
        rechecks_due=shown,
        more_rechecks=more,
    )
