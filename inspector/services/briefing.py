"""The 讲评 card of the start screen: what the supervisor announces at today's line-up.

The previous line-up day at the site (the last day before today with a finished line-up
there): how many people were inspected, the pass rate (``domain.figures.pass_rate``) and the
faults found most, by reason, with how many people had each. Qt-free: the start screen shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from inspector.domain.figures import pass_rate
from inspector.domain.reports import FaultCount
from inspector.storage import Store

TOP_FAULTS = 5  # reasons on the card


@dataclass(frozen=True, slots=True)
class Briefing:
    """The card's data. ``day`` None: no line-up finished at the site before today."""

    site: str
    day: date | None = None
    inspected: int = 0
    clean: int = 0  # people inspected with no fault
    faults: tuple[FaultCount, ...] = ()  # the most people first, at most TOP_FAULTS
    more_faults: int = 0  # further reasons found that day, not on the card
    # Today's re-checks due (整改 / 复查, services.rechecks) take their place here, beside
    # ``faults``, with the card's second column (HomePage: BriefingCard.rechecks_column).

    @property
    def pass_rate(self) -> float | None:
        return pass_rate(self.clean, self.inspected)

    @property
    def with_faults(self) -> int:
        return self.inspected - self.clean

    @property
    def empty(self) -> bool:
        return self.day is None


def briefing(store: Store, site: str, today: date, top: int = TOP_FAULTS) -> Briefing:
    """The card for ``site`` ("" for a roster without sites: every line-up) on ``today``."""
    from inspector.storage import report_queries

    day = report_queries.previous_lineup_day(store, today, site or None)
    if day is None:
        return Briefing(site=site)
    tally, faults = report_queries.day_figures(store, day, site or None)
    return Briefing(
        site=site,
        day=day,
        inspected=tally.inspections,
        clean=tally.clean,
        faults=tuple(faults[:top]),
        more_faults=max(0, len(faults) - top),
    )
