"""The reports print the identity a line-up judged a person with, not today's roster: a name
swapped or a person moved to another department later changes no printed record."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from helpers.reports_data import EMPLOYEES, SETS

from inspector.domain.lineup import Result
from inspector.storage import Store
from inspector.storage.report_queries import (
    NoReportData,
    employee_record_data,
    lineup_sheet_data,
    monthly_pack_data,
)

MONTH = date(2025, 3, 1)


@pytest.fixture
def judged(store: Store) -> Store:
    """Two line-ups in March in which 张伟 (E001, 客服部) fails the badge twice; afterwards
    the roster swaps the names of E001 and E002 and moves E001 to 工程部."""
    zhang, li = (store.save_employee(e) for e in EMPLOYEES[:2])
    for day in (date(2025, 3, 3), date(2025, 3, 4)):
        lineup = store.start_lineup(
            day=day,
            shift="早班",
            site="翠湖花园",
            department="客服部",
            supervisor="周",
            sets=SETS,
            employees=[zhang, li],
        )
        first, second = store.inspections_for(lineup.id)
        store.set_mark(first.id, "u.badge", Result.FAIL, note="未戴工牌")
        store.complete_inspection(first.id)
        store.complete_inspection(second.id)
        store.finish_lineup(lineup.id)
    store.set_setting("repeat_threshold", "2")
    store.set_setting("ladder", "2=口头提醒/Verbal reminder")
    store.upsert_employees(
        [
            replace(EMPLOYEES[0], name="李娜", department="工程部"),
            replace(EMPLOYEES[1], name="张伟"),
        ]
    )
    return store


def test_the_lineup_sheet_prints_the_judged_identity(judged: Store) -> None:
    lineup = judged.list_lineups()[0]
    people = lineup_sheet_data(judged, lineup.id).people
    assert [(p.employee_no, p.name, p.department) for p in people] == [
        ("E001", "张伟", "客服部"),
        ("E002", "李娜", "客服部"),
    ]
    assert people[0].failed == 1


def test_the_monthly_pack_names_and_filters_by_the_department_at_the_time(judged: Store) -> None:
    from inspector.services import settings

    pack = monthly_pack_data(judged, MONTH, "客服部", rules=settings.load(judged).rules)
    rows = {row.employee_no: (row.name, row.department) for row in pack.employees}
    assert rows == {"E001": ("张伟", "客服部"), "E002": ("李娜", "客服部")}
    assert [(r.employee_no, r.name, r.count) for r in pack.repeat_offenders] == [
        ("E001", "张伟", 2)
    ]
    assert [d.department for d in pack.departments] == ["客服部"]
    with pytest.raises(NoReportData):
        monthly_pack_data(judged, MONTH, "工程部")  # nobody stood in March's line-ups as 工程部


def test_the_employee_record_heads_with_the_judged_identity(judged: Store) -> None:
    record = employee_record_data(judged, "E001", MONTH, date(2025, 3, 31))
    assert (record.employee.name, record.employee.department) == ("张伟", "客服部")
    assert record.tally.failed == 2
