"""The one rule of who counts as inspected, in Python and in the report queries' SQL."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from itertools import product

from inspector.domain.attendance import counts_as_inspected, person_status
from inspector.domain.lineup import Attendance, PersonStatus
from inspector.storage.report_queries import INSPECTED_SQL

DONE = datetime(2026, 11, 2, 7, 30)


def test_only_completed_people_who_were_there_count():
    assert counts_as_inspected(Attendance.PRESENT, DONE)
    assert counts_as_inspected(Attendance.LATE, DONE)
    assert not counts_as_inspected(Attendance.ABSENT, DONE)
    assert not counts_as_inspected(Attendance.LEAVE, DONE)
    assert not counts_as_inspected(Attendance.PRESENT, None)
    assert not counts_as_inspected(None, None)


def test_an_absent_person_with_fault_marks_is_absent_not_faulty():
    assert person_status(Attendance.ABSENT, DONE, failed=2) is PersonStatus.ABSENT
    assert person_status(Attendance.PRESENT, None, failed=0) is PersonStatus.TODO
    assert person_status(Attendance.LATE, DONE, failed=1) is PersonStatus.FAULTS


def test_the_sql_says_the_same_as_the_python():
    conn = sqlite3.connect(":memory:")
    attendances = [None, *Attendance]
    for attendance, completed in product(attendances, [None, DONE]):
        value = None if attendance is None else attendance.value
        done = None if completed is None else completed.isoformat()
        (sql,) = conn.execute(
            f"SELECT {INSPECTED_SQL} FROM (SELECT ? AS attendance, ? AS completed_at) i",
            (value, done),
        ).fetchone()
        assert bool(sql) == counts_as_inspected(attendance, completed), (attendance, completed)
