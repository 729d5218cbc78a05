"""Line-ups, the inspection of each person in one, and the marks a supervisor records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from inspector.domain.checklist import InspectionType


class Attendance(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    LEAVE = "leave"  # on leave
    LATE = "late"  # late people are still inspected

    @property
    def inspected(self) -> bool:
        return self in (Attendance.PRESENT, Attendance.LATE)


class Result(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    NOT_APPLICABLE = "na"


class PersonStatus(StrEnum):
    """What the line-up screen shows for one person."""

    TODO = "todo"
    ALL_PASS = "all_pass"
    FAULTS = "faults"
    ABSENT = "absent"
    LEAVE = "leave"


class Outcome(StrEnum):
    PASS = "pass"  # every applicable item passed
    FAULTS = "faults"  # one or more minor/major faults
    FAIL = "fail"  # a critical fault fails the inspection


@dataclass(frozen=True, slots=True)
class Lineup:
    id: int
    day: date
    shift: str
    site: str
    department: str  # "" for the whole site
    supervisor: str
    inspection_type: InspectionType
    started_at: datetime
    finished_at: datetime | None = None

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


@dataclass(frozen=True, slots=True)
class Mark:
    """A supervisor's mark on one item. Unmarked applicable items of a completed inspection pass."""

    inspection_id: int
    item_id: str
    result: Result
    note: str = ""
    photo: str = ""  # file name inside the database's photo folder
    checklist_version_id: int | None = None
    marked_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Inspection:
    """One employee in one line-up."""

    id: int
    lineup_id: int
    employee_id: int
    position: int
    attendance: Attendance | None  # None until the supervisor gets to them
    completed_at: datetime | None
    applicable: int = 0  # applicable items when completed (after N/A marks)
    passed: int = 0
    failed: int = 0
    critical_failed: int = 0
    fault_points: int = 0  # sum of the weights of failed items

    @property
    def status(self) -> PersonStatus:
        from inspector.domain.attendance import person_status

        return person_status(self.attendance, self.completed_at, self.failed)

    @property
    def counts_as_inspected(self) -> bool:
        from inspector.domain.attendance import counts_as_inspected

        return counts_as_inspected(self.attendance, self.completed_at)
