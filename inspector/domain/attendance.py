"""Who counts as inspected, and what a person's status is: the one rule every figure uses.

A person counts as inspected when the supervisor completed their inspection and they were
there (present or late). Absent and on-leave people are never inspected, whatever marks they
carry; a person not yet reached is "to do". The SQL of the report queries says the same in
``storage.report_queries.INSPECTED_SQL``; ``tests/domain/test_attendance.py`` holds the two
together.
"""

from __future__ import annotations

from datetime import datetime

from inspector.domain.lineup import Attendance, PersonStatus


def counts_as_inspected(attendance: Attendance | None, completed_at: datetime | object) -> bool:
    """True when the person was there and their inspection was completed."""
    return completed_at is not None and attendance in (Attendance.PRESENT, Attendance.LATE)


def person_status(
    attendance: Attendance | str | None, completed_at: datetime | object, failed: int
) -> PersonStatus:
    """The status shown and counted for one person of a line-up."""
    if attendance == Attendance.ABSENT:
        return PersonStatus.ABSENT
    if attendance == Attendance.LEAVE:
        return PersonStatus.LEAVE
    if completed_at is None:
        return PersonStatus.TODO
    return PersonStatus.FAULTS if failed else PersonStatus.ALL_PASS
