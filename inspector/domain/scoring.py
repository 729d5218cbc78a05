"""Scoring rules, pure and shared by the screens and the reports.

- compliance = passed applicable items / applicable items (an N/A mark removes the item);
- absent and on-leave days are counted apart, never as failures;
- a critical fault fails the inspection whatever its compliance;
- fault points = the sum of the weights of the failed items (orders people needing attention).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from inspector.domain.checklist import ChecklistItem, Severity
from inspector.domain.lineup import Outcome, Result


@dataclass(frozen=True, slots=True)
class Score:
    applicable: int
    passed: int
    failed: int
    critical_failed: int
    fault_points: int

    @property
    def compliance(self) -> float | None:
        """Share of applicable items passed, or None when nothing was applicable."""
        return self.passed / self.applicable if self.applicable else None

    @property
    def outcome(self) -> Outcome:
        if self.critical_failed:
            return Outcome.FAIL
        return Outcome.FAULTS if self.failed else Outcome.PASS


def score_inspection(items: Iterable[ChecklistItem], marks: Mapping[str, Result]) -> Score:
    """Score one completed inspection: ``items`` are those applicable to the person,
    ``marks`` the explicit results by item id; an unmarked item passes."""
    applicable = passed = failed = critical = points = 0
    for item in items:
        result = marks.get(item.id, Result.PASS)
        if result is Result.NOT_APPLICABLE:
            continue
        applicable += 1
        if result is Result.PASS:
            passed += 1
        else:
            failed += 1
            points += item.weight
            if item.severity is Severity.CRITICAL:
                critical += 1
    return Score(applicable, passed, failed, critical, points)


def compliance_ratio(passed: int, applicable: int) -> float | None:
    """The same rule over aggregated counts (what the reports' SQL sums up)."""
    return passed / applicable if applicable else None


def format_percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"
