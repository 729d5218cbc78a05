"""The figures of one line-up: the one computation behind the summary screen, the day's sheet
and ``inspector lineup show``.

Who counts as inspected is ``domain.attendance.counts_as_inspected``: the counted items,
faults and points are those of the people inspected; the marks of someone absent, on leave or
never reached are kept in the database but count nowhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields

from inspector.domain.attendance import counts_as_inspected
from inspector.domain.checklist import ChecklistItem, ChecklistSet, applicable_items
from inspector.domain.lineup import Attendance, Inspection, Lineup, Mark, PersonStatus, Result
from inspector.domain.people import Employee
from inspector.domain.tally import Tally, TallyRates
from inspector.domain.text import Text


@dataclass(frozen=True, slots=True)
class FaultCount:
    """How many people of the line-up failed one item."""

    item: ChecklistItem
    area: Text
    count: int


@dataclass(frozen=True, slots=True)
class FollowUp:
    """Someone inspected with faults: the failed items and their notes."""

    inspection: Inspection
    employee: Employee
    faults: tuple[tuple[ChecklistItem, Mark], ...]

    @property
    def late(self) -> bool:
        return self.inspection.attendance is Attendance.LATE


# The Tally's counts, and the summary's names for those it names otherwise.
_TALLY_NAMES = tuple(f.name for f in fields(Tally))
_AS_TALLY = {
    "inspections": "inspected",
    "failed": "faults",
    "critical_failed": "critical_faults",
    "clean": "all_pass",
}


@dataclass(frozen=True, slots=True)
class LineupSummary(TallyRates):
    lineup: Lineup
    total: int  # people in the line-up
    inspected: int  # completed and there (present or late)
    all_pass: int
    with_faults: int  # people, not fault marks
    absent: int
    leave: int
    late: int  # late people, inspected or not yet
    not_inspected: int  # still to do (on a finished line-up: never inspected)
    applicable: int = 0  # items of the people inspected
    passed: int = 0
    faults: int = 0  # failed items of the people inspected
    critical_faults: int = 0
    fault_points: int = 0
    fault_counts: tuple[FaultCount, ...] = ()
    follow_up: tuple[FollowUp, ...] = ()

    @property
    def tally(self) -> Tally:
        """The line-up's counts as the reports sum them (the line-up sheet's figures)."""
        return Tally(**{name: getattr(self, _AS_TALLY.get(name, name)) for name in _TALLY_NAMES})


def summarise(
    lineup: Lineup,
    inspections: Sequence[Inspection],
    employees: Mapping[int, Employee],
    sets: Sequence[ChecklistSet],
    marks: Mapping[int, Iterable[Mark]],
    area_name: Callable[[str], Text] = lambda area_id: Text(area_id, area_id),
) -> LineupSummary:
    """The figures of a line-up from its people, the checklist versions it was judged against
    (in display order) and its explicit marks (by inspection id)."""
    statuses = [i.status for i in inspections]
    counts: dict[str, int] = {}
    follow_up: list[FollowUp] = []
    inspected = [i for i in inspections if counts_as_inspected(i.attendance, i.completed_at)]
    for inspection in inspected:
        employee = employees[inspection.employee_id]
        applicable = {item.id: item for _, item in applicable_items(sets, employee)}
        faults = tuple(
            (applicable[m.item_id], m)
            for m in sorted(marks.get(inspection.id, ()), key=lambda m: m.item_id)
            if m.result is Result.FAIL and m.item_id in applicable
        )
        for item, _mark in faults:
            counts[item.id] = counts.get(item.id, 0) + 1
        if faults:
            follow_up.append(FollowUp(inspection, employee, faults))
    follow_up.sort(
        key=lambda f: (
            -f.inspection.critical_failed,
            -f.inspection.fault_points,
            f.inspection.position,
        )
    )
    fault_counts = [
        FaultCount(item, area_name(checklist.area), counts[item.id])
        for checklist in sets
        for item in checklist.items
        if counts.get(item.id)
    ]
    fault_counts.sort(key=lambda f: -f.count)  # stable: checklist order among equals
    return LineupSummary(
        lineup=lineup,
        total=len(inspections),
        inspected=len(inspected),
        all_pass=sum(1 for i in inspected if not i.failed),
        with_faults=sum(1 for i in inspected if i.failed),
        absent=statuses.count(PersonStatus.ABSENT),
        leave=statuses.count(PersonStatus.LEAVE),
        late=sum(1 for i in inspections if i.attendance is Attendance.LATE),
        not_inspected=statuses.count(PersonStatus.TODO),
        applicable=sum(i.applicable for i in inspected),
        passed=sum(i.passed for i in inspected),
        faults=sum(i.failed for i in inspected),
        critical_faults=sum(i.critical_failed for i in inspected),
        fault_points=sum(i.fault_points for i in inspected),
        fault_counts=tuple(fault_counts),
        follow_up=tuple(follow_up),
    )
