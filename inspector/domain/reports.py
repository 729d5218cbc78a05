"""The data of the printed reports: plain frozen records, filled by
``inspector.storage.report_queries`` (SQL aggregations of the stored counts) and laid out by
``inspector.reports`` (ReportLab). No SQL and no layout here.

The headline figure is the pass rate (合格率, ``domain.figures.pass_rate``): people inspected
with no fault ÷ people inspected. The item ratio (passed items ÷ applicable items,
``compliance_ratio``) stays as a detail, labelled as such. Absent and on-leave days are counted
apart, never as failures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from inspector.domain.changes import ChangeLine
from inspector.domain.faults import FaultCount, MarkLine
from inspector.domain.figures import DEFAULT_REPEAT_THRESHOLD, LadderStep, ScoringRules
from inspector.domain.follow_ups import FollowUpTally
from inspector.domain.lineup import Attendance, Lineup, PersonStatus, Result
from inspector.domain.observations import ObservationEntry, ObservationMonth
from inspector.domain.people import Employee
from inspector.domain.scoring import compliance_ratio
from inspector.domain.tally import Tally, TallyRates
from inspector.domain.text import Text

TOP_FAULTS = 10  # bars in the chart of the most frequent faults


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def previous_month(month: date) -> date:
    return date(month.year - (month.month == 1), (month.month - 2) % 12 + 1, 1)


def change_in_points(current: float | None, previous: float | None) -> float | None:
    """The change of a compliance ratio, in percentage points (None without both figures)."""
    if current is None or previous is None:
        return None
    return (current - previous) * 100


def format_points(change: float | None) -> str:
    """A change in percentage points, signed: '+1.2', '-0.4', '0.0' (or '–')."""
    if change is None:
        return "–"
    rounded = round(change, 1)
    return "0.0" if rounded == 0 else f"{rounded:+.1f}"


@dataclass(frozen=True, slots=True)
class VersionUsed:
    """A checklist set version that results were judged against."""

    set_id: str
    version: int
    content_hash: str
    title: Text
    lineups: int = 0

    @property
    def hash_prefix(self) -> str:
        return self.content_hash[:12]


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonResult:
    """How one person came out of one line-up: attendance, status, the item counts of the
    inspection and the marks to list. A line of the line-up sheet and of the employee record."""

    attendance: Attendance | None
    status: PersonStatus
    applicable: int
    passed: int
    failed: int
    critical_failed: int
    fault_points: int
    marks: tuple[MarkLine, ...] = ()  # faults first, then notes (N/A marks are counted, not listed)

    @property
    def faults(self) -> tuple[MarkLine, ...]:
        return tuple(m for m in self.marks if m.result is Result.FAIL)


# -- line-up sheet ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class SheetPerson(PersonResult):
    position: int
    employee_no: str
    name: str
    department: str

    @property
    def compliance(self) -> float | None:
        return compliance_ratio(self.passed, self.applicable)


@dataclass(frozen=True, slots=True)
class LineupSheetData:
    company: Text
    lineup: Lineup
    versions: tuple[VersionUsed, ...]
    people: tuple[SheetPerson, ...]
    tally: Tally
    seal: str = ""  # the line-up's seal in short form; "" while it is open
    changes: tuple[ChangeLine, ...] = ()  # changes after finishing (the change log), oldest first

    def changes_of(self, position: int) -> tuple[int, ...]:
        """The numbers (from 1, as listed) of the changes to the person at ``position``."""
        return tuple(n for n, c in enumerate(self.changes, 1) if c.position == position)

    def count(self, status: PersonStatus) -> int:
        return sum(1 for p in self.people if p.status is status)

    @property
    def absentees(self) -> tuple[SheetPerson, ...]:
        return tuple(
            p for p in self.people if p.status in (PersonStatus.ABSENT, PersonStatus.LEAVE)
        )


# -- employee record --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordEntry(PersonResult):
    """One line-up of the employee (no marks when not inspected)."""

    lineup_id: int
    day: date
    shift: str
    site: str
    supervisor: str
    department: str = ""  # the line-up's department ("" for the whole site)

    @property
    def inspected(self) -> bool:
        """Whether this line-up counts as an inspection of the employee."""
        return self.status in (PersonStatus.ALL_PASS, PersonStatus.FAULTS)

    @property
    def compliance(self) -> float | None:
        return compliance_ratio(self.passed, self.applicable) if self.inspected else None


@dataclass(frozen=True, slots=True)
class MonthRow:
    month: date
    tally: Tally


@dataclass(frozen=True, slots=True)
class EmployeeRecordData:
    company: Text
    employee: Employee
    role: Text  # the job role's name (its id in both languages when unknown)
    start: date
    end: date
    tally: Tally
    entries: tuple[RecordEntry, ...]  # oldest first
    faults: tuple[FaultCount, ...]  # most frequent first
    months: tuple[MonthRow, ...]
    repeat_threshold: int = DEFAULT_REPEAT_THRESHOLD
    observations: tuple[ObservationEntry, ...] = ()  # floor observations, oldest first
    changes: tuple[ChangeLine, ...] = ()  # changes to their inspections after finishing

    def changes_of(self, lineup_id: int) -> tuple[int, ...]:
        """The numbers (from 1, as listed) of the changes to their inspection in a line-up."""
        return tuple(n for n, c in enumerate(self.changes, 1) if c.lineup_id == lineup_id)

    @property
    def absences(self) -> tuple[RecordEntry, ...]:
        return tuple(
            e for e in self.entries if e.status in (PersonStatus.ABSENT, PersonStatus.LEAVE)
        )


# -- monthly pack -----------------------------------------------------------------------------


def score_change(current: float | None, previous: float | None) -> float | None:
    """The change of a score, in points (None without both)."""
    if current is None or previous is None:
        return None
    return current - previous


def format_score(value: float | None) -> str:
    """A score (0-100) with one decimal, or '–'."""
    return "–" if value is None else f"{value:.1f}"


@dataclass(frozen=True, slots=True)
class GroupRow:
    """A department or a site in a month, ranked by pass rate (or by score under 扣分制)."""

    name: str
    staff: int  # people in the month's line-ups
    tally: Tally
    previous: Tally | None = None  # the previous month, same group (None: not in it)
    score: float | None = None  # mean of its people's scores (deduction scoring)
    previous_score: float | None = None
    deducted: int = 0  # points taken off in the month
    rank: int | None = None
    previous_rank: int | None = None

    @property
    def department(self) -> str:
        return self.name

    @property
    def previous_pass_rate(self) -> float | None:
        return self.previous.pass_rate if self.previous is not None else None

    @property
    def change(self) -> float | None:
        """The pass rate's change against the previous month, in percentage points."""
        return change_in_points(self.tally.pass_rate, self.previous_pass_rate)

    @property
    def score_change(self) -> float | None:
        return score_change(self.score, self.previous_score)


DepartmentRow = GroupRow  # a department's row (the name the export used)


@dataclass(frozen=True, slots=True)
class EmployeeRow:
    employee_no: str
    name: str
    department: str
    site: str
    days_inspected: int
    tally: Tally
    score: int | None = None  # 100 - the month's deductions, never below 0
    deducted: int = 0

    def attention_key(self, deduction_scoring: bool = False) -> tuple:
        """Those needing attention first. Pass rate: critical faults, then lowest pass rate,
        then most faults. Deduction: lowest score, then critical faults. Nobody inspected
        last; then employee number."""
        rate = self.tally.pass_rate
        if deduction_scoring:
            return (
                self.score is None,
                self.score if self.score is not None else 0,
                -self.tally.critical_failed,
                self.employee_no,
            )
        return (
            rate is None,
            -self.tally.critical_failed,
            rate if rate is not None else 0.0,
            -self.tally.failed,
            self.employee_no,
        )


@dataclass(frozen=True, slots=True)
class DailyPoint(TallyRates):
    day: date
    tally: Tally


@dataclass(frozen=True, slots=True)
class LadderEntry:
    """A person who reached a step of the repeat-offences ladder in the month: the same item
    failed ``count`` times within the window, first reaching it on ``day``."""

    employee_no: str
    name: str
    department: str
    item_id: str
    text: Text
    severity: str
    count: int
    day: date
    step: LadderStep


@dataclass(frozen=True, slots=True)
class SupervisorRow:
    """One supervisor (检查人) in the month: what they found against the scope's rate."""

    name: str
    lineups: int
    tally: Tally  # the people they inspected
    per_100: float | None  # faults per 100 people inspected
    flagged: bool  # domain.figures.needs_calibration
    amendments: int = 0  # changes to their finished line-ups (the change log)


@dataclass(frozen=True, slots=True)
class TrendSeries:
    """Pass rate (or score) month by month: the company's or one department's."""

    name: str  # "" for the whole scope
    points: tuple[tuple[date, float | None], ...]  # (first day of the month, value)


@dataclass(frozen=True, slots=True)
class MonthlyPackData:
    company: Text
    month: date  # the first day
    department: str | None  # None: the whole company (or the site)
    roster: int  # active employees (in the department) on the roster
    staff: int  # people in the month's line-ups
    lineups: int
    tally: Tally
    previous: Tally  # the previous month, same scope
    departments: tuple[GroupRow, ...]  # ranked
    faults: tuple[FaultCount, ...]  # most frequent first
    daily: tuple[DailyPoint, ...]
    repeat_threshold: int
    repeat_offenders: tuple[LadderEntry, ...]  # by step (highest first), then count
    employees: tuple[EmployeeRow, ...]  # in attention order
    versions: tuple[VersionUsed, ...]
    seal: str = ""  # the chain hash covering the month's sealed line-ups, short form
    sealed_lineups: int = 0
    observations: ObservationMonth | None = None  # floor observations: figures of their own
    site: str | None = None  # None: every site
    rules: ScoringRules = field(default_factory=ScoringRules)
    sites: tuple[GroupRow, ...] = ()  # ranked
    supervisors: tuple[SupervisorRow, ...] = ()  # most people inspected first
    trend: tuple[TrendSeries, ...] = ()  # the scope first, then each department
    score: float | None = None  # the scope's score (deduction scoring)
    previous_score: float | None = None
    deducted: int = 0
    follow_up: FollowUpTally | None = None  # None until re-checks are recorded

    @property
    def total(self) -> GroupRow:
        """The scope's own row (合计 / Total), under the ranked groups."""
        return GroupRow(
            name="",
            staff=self.staff,
            tally=self.tally,
            previous=self.previous,
            score=self.score,
            previous_score=self.previous_score,
            deducted=self.deducted,
        )

    @property
    def top_faults(self) -> tuple[FaultCount, ...]:
        return self.faults[:TOP_FAULTS]

    @property
    def ladder(self) -> tuple[LadderStep, ...]:
        return self.rules.ladder

    @property
    def flagged_supervisors(self) -> tuple[SupervisorRow, ...]:
        return tuple(s for s in self.supervisors if s.flagged)
