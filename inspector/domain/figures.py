"""The HR figures, as pure rules: pass rate (合格率), deductions and scores (扣分制), rankings,
the supervisors' calibration flag and the repeat-offences ladder.

Each rule is one function over plain numbers; the report queries sum the stored records and
call these, and the tests call them on numbers they count themselves. What they compute is
described word for word in the README's "Scoring" section.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from inspector.domain.text import Text

FULL_SCORE = 100
SEVERITIES = ("minor", "major", "critical")
DEFAULT_DEDUCTIONS: Mapping[str, int] = {"minor": 2, "major": 5, "critical": 10}

# The calibration flag: a supervisor whose faults per 100 people inspected are below
# CALIBRATION_RATIO x the rate of the whole scope, over at least CALIBRATION_MIN_INSPECTED
# people inspected in the month.
CALIBRATION_RATIO = 0.5
CALIBRATION_MIN_INSPECTED = 100

REPEAT_WINDOW_DAYS = 30  # the ladder counts the same fault within this many days
DEFAULT_REPEAT_THRESHOLD = 3  # the setting ``repeat_threshold``: same item failed this often


def pass_rate(clean: int, inspected: int) -> float | None:
    """合格率: people inspected with no fault ÷ people inspected (None when nobody was)."""
    return clean / inspected if inspected else None


def fault_deduction(severity: str, override: int | None, deductions: Mapping[str, int]) -> int:
    """The points one fault takes off: the item's own ``deduction`` when the checklist gives
    one, else the setting for its severity."""
    if override is not None:
        return override
    return deductions.get(severity, DEFAULT_DEDUCTIONS.get(severity, 0))


def inspection_deduction(
    faults: Iterable[tuple[str, int | None]],
    deductions: Mapping[str, int],
    *,
    critical_zeroes: bool = False,
) -> int:
    """The points one inspection takes off: the sum of its faults' deductions (``faults`` as
    (severity, item deduction or None)); with ``critical_zeroes`` a critical fault takes the
    whole score (FULL_SCORE)."""
    total = 0
    for severity, override in faults:
        if critical_zeroes and severity == "critical":
            return FULL_SCORE
        total += fault_deduction(severity, override, deductions)
    return total


def person_score(deducted: int) -> int:
    """A person's score for a month: FULL_SCORE minus the month's deductions, never below 0
    (扣完为止)."""
    return max(0, FULL_SCORE - deducted)


def group_score(scores: Iterable[int]) -> float | None:
    """A department's, site's or the company's score: the mean of its people's scores (the
    people inspected at least once)."""
    values = list(scores)
    return sum(values) / len(values) if values else None


def faults_per_100(faults: int, inspected: int) -> float | None:
    """Faults (failed items) found per 100 people inspected."""
    return faults * 100 / inspected if inspected else None


def needs_calibration(
    faults: int,
    inspected: int,
    scope_faults: int,
    scope_inspected: int,
    *,
    ratio: float = CALIBRATION_RATIO,
    min_inspected: int = CALIBRATION_MIN_INSPECTED,
) -> bool:
    """True when a supervisor who inspected at least ``min_inspected`` people found fewer than
    ``ratio`` times the faults per 100 people of the whole scope (company or filter)."""
    own = faults_per_100(faults, inspected)
    scope = faults_per_100(scope_faults, scope_inspected)
    if own is None or scope is None or inspected < min_inspected or scope == 0:
        return False
    return own < ratio * scope


@dataclass(frozen=True, slots=True)
class Ranked:
    """One entry of a ranking: its place this month and the month before (None: unranked)."""

    key: str
    value: float | None
    rank: int | None
    previous_value: float | None
    previous_rank: int | None

    @property
    def change(self) -> float | None:
        """The change of the value against the previous month (None without both)."""
        if self.value is None or self.previous_value is None:
            return None
        return self.value - self.previous_value

    @property
    def places_up(self) -> int | None:
        """Places gained since the previous month (negative: lost)."""
        if self.rank is None or self.previous_rank is None:
            return None
        return self.previous_rank - self.rank


def _places(values: Mapping[str, float | None]) -> dict[str, int]:
    """Competition ranking, highest first: equal values share a place (1, 1, 3)."""
    ranked = sorted(((v, k) for k, v in values.items() if v is not None), key=lambda p: -p[0])
    places: dict[str, int] = {}
    for index, (value, key) in enumerate(ranked):
        if index and value == ranked[index - 1][0]:
            places[key] = places[ranked[index - 1][1]]
        else:
            places[key] = index + 1
    return places


def rank(current: Mapping[str, float | None], previous: Mapping[str, float | None]) -> list[Ranked]:
    """Rank ``current`` (key -> pass rate or score), highest first, with each key's place in
    ``previous``; keys without a value come last, by name."""
    now, before = _places(current), _places(previous)
    rows = [
        Ranked(key, current[key], now.get(key), previous.get(key), before.get(key))
        for key in current
    ]
    return sorted(rows, key=lambda r: (r.rank is None, r.rank or 0, r.key))


@dataclass(frozen=True, slots=True)
class LadderStep:
    """A step of the repeat-offences ladder: the same fault ``count`` times within
    REPEAT_WINDOW_DAYS days -> ``name`` (e.g. 口头提醒). Inspector lists; it applies nothing."""

    count: int
    name: Text


DEFAULT_LADDER: tuple[LadderStep, ...] = (
    LadderStep(3, Text("口头提醒", "Verbal reminder")),
    LadderStep(5, Text("书面警告", "Written warning")),
)


def ladder_step(count: int, ladder: Sequence[LadderStep]) -> LadderStep | None:
    """The highest step that ``count`` repeats reach (None below the first)."""
    reached = [step for step in ladder if count >= step.count]
    return max(reached, key=lambda s: s.count) if reached else None


def most_in_window(
    days: Sequence[date], start: date, end: date, window: int = REPEAT_WINDOW_DAYS
) -> tuple[int, date | None]:
    """The most times the same fault (found on ``days``, one entry per inspection) was found
    within ``window`` days ending on a day from ``start`` to ``end``, and the first day that
    count was reached. (0, None) when no fault fell from ``start`` to ``end``."""
    ordered = sorted(days)
    best, best_day = 0, None
    for index, day in enumerate(ordered):
        if not start <= day <= end:
            continue
        since = day - timedelta(days=window - 1)
        count = sum(1 for d in ordered[: index + 1] if d >= since)
        if count > best:
            best, best_day = count, day
    return best, best_day


@dataclass(frozen=True)
class ScoringRules:
    """The company's scoring settings, as the figures need them (see services.settings)."""

    deduction_scoring: bool = False  # scoring_profile = deduction
    deductions: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_DEDUCTIONS))
    critical_zeroes: bool = False
    ladder: tuple[LadderStep, ...] = DEFAULT_LADDER
    repeat_threshold: int = DEFAULT_REPEAT_THRESHOLD
