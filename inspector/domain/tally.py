"""Summed counts of inspections and their two rates: the figures every report, card and
summary shows (the pass rate, 合格率, ``domain.figures.pass_rate``, and the item ratio, a
detail). Apart from ``domain.reports`` so that the screens load it without the reports."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from operator import attrgetter

from inspector.domain.figures import pass_rate
from inspector.domain.scoring import compliance_ratio


@dataclass(frozen=True, slots=True)
class Tally:
    """Summed counts of a group of inspections (a person, a department, a day, a month)."""

    inspections: int = 0  # completed inspections of people present or late
    absent: int = 0
    leave: int = 0
    late: int = 0
    applicable: int = 0
    passed: int = 0
    failed: int = 0  # failed items (faults)
    critical_failed: int = 0
    fault_points: int = 0
    clean: int = 0  # inspections with no fault

    @property
    def compliance(self) -> float | None:
        """The item ratio (a detail): passed items ÷ applicable items."""
        return compliance_ratio(self.passed, self.applicable)

    @property
    def pass_rate(self) -> float | None:
        """合格率: inspections with no fault ÷ inspections."""
        return pass_rate(self.clean, self.inspections)

    @property
    def with_faults(self) -> int:
        return self.inspections - self.clean

    @classmethod
    def total(cls, tallies: Iterable[Tally]) -> Tally:
        """The sum of several groups' counts."""
        return cls(*(sum(column) for column in zip(*map(_TALLY_FIELDS, tallies), strict=True)))


_TALLY_FIELDS = attrgetter(*(f.name for f in fields(Tally)))


class TallyRates:
    """The rates of a record with a ``tally``: its compliance (a detail) and its pass rate."""

    __slots__ = ()
    tally: Tally

    @property
    def compliance(self) -> float | None:
        return self.tally.compliance

    @property
    def pass_rate(self) -> float | None:
        return self.tally.pass_rate
