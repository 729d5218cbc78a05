"""The report figures (SQL aggregations) against the seeded history and against an independent
computation from the Store's own objects and the domain scoring rule."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest
from helpers.reports_data import APRIL, COMPANY, COMPANY_EN, FORMULA_NOTE, MARCH

from inspector.domain.figures import LadderStep, ScoringRules
from inspector.domain.lineup import Attendance, PersonStatus, Result
from inspector.domain.reports import Tally, format_points, next_month, previous_month
from inspector.domain.scoring import compliance_ratio, format_percent
from inspector.domain.text import Text
from inspector.storage import report_queries as rq
from inspector.storage.errors import NotFoundError


def independent_tallies(store, month: date) -> dict[str, Tally]:
    """Employee no -> counts of the month, from Store objects (no report SQL)."""
    employees = {e.id: e for e in store.list_employees()}
    sums: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for lineup in store.list_lineups(
        start=month, end=date.fromordinal(next_month(month).toordinal() - 1)
    ):
        for i in store.inspections_for(lineup.id):
            s = sums[employees[i.employee_id].employee_no]
            inspected = i.completed_at is not None and i.attendance in (
                Attendance.PRESENT,
                Attendance.LATE,
            )
            s["inspections"] += inspected
            s["absent"] += i.attendance is Attendance.ABSENT
            s["leave"] += i.attendance is Attendance.LEAVE
            s["late"] += i.attendance is Attendance.LATE
            s["clean"] += inspected and not i.failed
            for key in ("applicable", "passed", "failed", "critical_failed", "fault_points"):
                s[key] += getattr(i, key)
    return {no: Tally(**values) for no, values in sums.items()}


def test_monthly_figures_match_the_stored_counts(seeded) -> None:
    data = rq.monthly_pack_data(seeded, APRIL)
    expected = independent_tallies(seeded, APRIL)
    assert {e.employee_no: e.tally for e in data.employees} == expected
    total = Tally(*(sum(getattr(t, f) for t in expected.values()) for f in Tally.__slots__))
    assert data.tally == total
    # The scenario, worked out by hand.
    assert (data.staff, data.lineups, data.roster) == (6, 5, 6)
    assert (total.inspections, total.applicable, total.passed, total.failed) == (23, 114, 106, 8)
    assert (total.absent, total.leave, total.late, total.critical_failed) == (1, 1, 1, 1)
    assert format_percent(data.tally.compliance) == "93.0%"
    assert (total.clean, format_percent(data.tally.pass_rate)) == (16, "69.6%")
    assert data.previous == Tally(
        *(
            sum(getattr(t, f) for t in independent_tallies(seeded, MARCH).values())
            for f in Tally.__slots__
        )
    )
    assert format_percent(data.previous.pass_rate) == "88.2%"
    assert format_points(data.total.change) == "-18.7"
    assert data.company == Text(COMPANY, COMPANY_EN)


def test_employees_needing_attention_come_first(seeded) -> None:
    data = rq.monthly_pack_data(seeded, APRIL)
    order = [e.employee_no for e in data.employees]
    # critical fault, then the lowest pass rate (20%, 66.7%, 75%), then faults, then number
    assert order == ["E005", "E004", "E003", "E001", "E002", "E006"]
    assert order == [e.employee_no for e in sorted(data.employees, key=lambda e: e.attention_key())]
    zhao = data.employees[1]
    assert (zhao.name, zhao.days_inspected, zhao.tally.inspections) == ("赵强", 4, 5)
    assert format_percent(zhao.tally.pass_rate) == "20.0%"
    assert format_percent(zhao.tally.compliance) == "80.0%"


def test_departments_and_previous_month(seeded) -> None:
    ranked = rq.monthly_pack_data(seeded, APRIL).departments
    # ranked by pass rate: 7/8, 6/7, 3/8; in March 4/6, 7/7 and 5/5 (a shared first place)
    assert [(d.department, d.rank, d.previous_rank) for d in ranked] == [
        ("客服部", 1, 3),
        ("秩序维护部", 2, 1),
        ("工程部", 3, 1),
    ]
    rows = {d.department: d for d in ranked}
    engineering = rows["工程部"]
    assert (engineering.staff, engineering.tally.applicable, engineering.tally.passed) == (
        2,
        40,
        34,
    )
    assert format_percent(engineering.tally.pass_rate) == "37.5%"
    assert format_percent(engineering.tally.compliance) == "85.0%"
    assert format_percent(engineering.previous_pass_rate) == "100.0%"
    assert format_points(engineering.change) == "-62.5"
    for row in rows.values():
        assert row.tally.compliance == compliance_ratio(row.tally.passed, row.tally.applicable)


def test_faults_daily_points_and_versions(seeded) -> None:
    data = rq.monthly_pack_data(seeded, APRIL)
    assert [(f.item_id, f.count, f.people) for f in data.faults] == [
        ("g.shaved", 4, 1),
        ("u.pressed", 2, 2),
        ("u.badge", 1, 1),
        ("u.prescribed", 1, 1),
    ]
    assert data.faults[0].text == Text("当日已剃刮胡须", "Shaved today")
    assert data.faults[3].severity == "critical"
    assert [p.day.day for p in data.daily] == [1, 2, 3, 4]
    third = data.daily[2]  # morning and evening line-ups together
    assert (third.tally.inspections, third.tally.failed) == (7, 4)
    assert [(v.set_id, v.version, v.lineups) for v in data.versions] == [
        ("grooming", 2, 5),
        ("uniform", 1, 5),
    ]
    assert data.versions[0].hash_prefix == data.versions[0].content_hash[:12]
    assert data.versions[0].title == Text("仪容", "Grooming")


def test_ladder_lists_who_reached_a_step(seeded) -> None:
    data = rq.monthly_pack_data(seeded, APRIL)
    assert [
        (o.employee_no, o.name, o.item_id, o.count, o.day, o.step.name.zh)
        for o in data.repeat_offenders
    ] == [("E004", "赵强", "g.shaved", 4, date(2025, 4, 3), "口头提醒")]
    rules = ScoringRules(ladder=(LadderStep(2, Text("提醒", "Reminder")),
                                 LadderStep(4, Text("警告", "Warning"))))  # fmt: skip
    data = rq.monthly_pack_data(seeded, APRIL, rules=rules)
    assert [(o.employee_no, o.step.name.en) for o in data.repeat_offenders] == [("E004", "Warning")]
    rules = ScoringRules(ladder=(LadderStep(5, Text("警告", "Warning")),))
    assert rq.monthly_pack_data(seeded, APRIL, rules=rules).repeat_offenders == ()
    seeded.set_setting("repeat_threshold", "not a number")
    assert rq.repeat_threshold(seeded) == 3


def test_one_department(seeded) -> None:
    data = rq.monthly_pack_data(seeded, APRIL, "工程部")
    assert [e.employee_no for e in data.employees] == ["E004", "E003"]
    assert [d.department for d in data.departments] == ["工程部"]
    assert (data.staff, data.roster, data.tally.applicable, data.tally.passed) == (2, 2, 40, 34)
    assert data.lineups == 5  # the evening line-up had 赵强
    assert [o.employee_no for o in data.repeat_offenders] == ["E004"]
    assert rq.monthly_pack_data(seeded, APRIL, "秩序维护部").lineups == 4


def test_empty_month_is_no_report_data(seeded) -> None:
    with pytest.raises(rq.NoReportData, match="no line-ups in 2025-05"):
        rq.monthly_pack_data(seeded, date(2025, 5, 1))
    with pytest.raises(NotFoundError, match="department 无此部门"):
        rq.monthly_pack_data(seeded, APRIL, "无此部门")
    assert previous_month(date(2025, 1, 1)) == date(2024, 12, 1)
    assert next_month(date(2025, 12, 1)) == date(2026, 1, 1)


def test_lineup_sheet_data(seeded, lineup_ids) -> None:
    data = rq.lineup_sheet_data(seeded, lineup_ids[(date(2025, 4, 2), "早班")])
    statuses = {p.employee_no: p.status for p in data.people}
    assert statuses == {
        "E001": PersonStatus.FAULTS,
        "E002": PersonStatus.ALL_PASS,
        "E003": PersonStatus.ABSENT,
        "E004": PersonStatus.FAULTS,
        "E005": PersonStatus.ALL_PASS,
        "E006": PersonStatus.ALL_PASS,
    }
    zhang = data.people[0]
    assert [(m.item_id, m.result, m.note) for m in zhang.marks] == [
        ("u.badge", Result.FAIL, FORMULA_NOTE)
    ]
    assert zhang.marks[0].text.zh == "佩戴工牌，端正于左胸"
    assert [p.name for p in data.absentees] == ["王芳"]
    assert (data.tally.inspections, data.tally.failed, data.tally.absent) == (5, 2, 1)
    assert data.count(PersonStatus.ALL_PASS) == 3
    with pytest.raises(rq.NoReportData):
        rq.lineup_sheet_data(seeded, 9999)


def test_lineup_sheet_lists_notes_but_not_plain_na(seeded, lineup_ids) -> None:
    data = rq.lineup_sheet_data(seeded, lineup_ids[(date(2025, 4, 1), "早班")])
    li = next(p for p in data.people if p.employee_no == "E002")
    assert [(m.result, m.note) for m in li.marks] == [(Result.NOT_APPLICABLE, "皮肤过敏")]
    assert (li.applicable, li.passed, li.faults) == (4, 4, ())


def test_employee_record_data(seeded) -> None:
    data = rq.employee_record_data(
        seeded,
        "E004",
        MARCH,
        date(2025, 4, 30),
        roles={"engineer": Text("工程维修员", "Maintenance technician")},
    )
    assert data.role.en == "Maintenance technician"
    assert len(data.entries) == 8
    assert [(f.item_id, f.count) for f in data.faults] == [("g.shaved", 4), ("u.pressed", 1)]
    assert [(m.month, m.tally.applicable, m.tally.passed) for m in data.months] == [
        (MARCH, 15, 15),
        (APRIL, 25, 20),
    ]
    assert format_percent(data.tally.compliance) == "87.5%"  # 35 / 40
    evening = next(e for e in data.entries if e.shift == "晚班")
    assert [m.note for m in evening.marks] == ["胡茬明显", "制服有褶皱"]
    wang = rq.employee_record_data(seeded, "E003", MARCH, date(2025, 4, 30))
    assert [(a.day, a.status) for a in wang.absences] == [
        (date(2025, 3, 5), PersonStatus.LEAVE),
        (date(2025, 4, 2), PersonStatus.ABSENT),
    ]
    assert wang.role == Text("engineer", "engineer")
    with pytest.raises(rq.NoReportData, match="no employee with number E999"):
        rq.employee_record_data(seeded, "E999", MARCH, APRIL)


def test_a_floor_observation_never_moves_the_lineup_figures(seeded, lineup_ids) -> None:
    """An observation session in April with faults for E004 and an absence: every figure of
    the line-up reports stays as it was."""
    from helpers.reports_data import SETS

    from inspector.domain.checklist import InspectionType

    end = date(2025, 4, 30)
    before = (
        rq.monthly_pack_data(seeded, APRIL),
        rq.employee_record_data(seeded, "E004", MARCH, end),
        rq.lineup_count(seeded, APRIL),
        rq.versions_used(seeded, APRIL),
    )
    people = {e.employee_no: e for e in seeded.list_employees()}
    observation = seeded.start_lineup(
        day=date(2025, 4, 3),
        shift="早班",
        site="翠湖花园",
        department="",
        supervisor="周主管",
        sets=SETS,
        employees=[people["E004"], people["E001"]],
        inspection_type=InspectionType.OBSERVATION,
    )
    zhao, zhang = seeded.inspections_for(observation.id)
    seeded.set_mark(zhao.id, "g.shaved", Result.FAIL)
    seeded.set_mark(zhao.id, "u.prescribed", Result.FAIL)
    seeded.complete_inspection(zhao.id)
    seeded.set_attendance(zhang.id, Attendance.ABSENT)
    seeded.finish_lineup(observation.id)

    after = (
        rq.monthly_pack_data(seeded, APRIL),
        rq.employee_record_data(seeded, "E004", MARCH, end),
        rq.lineup_count(seeded, APRIL),
        rq.versions_used(seeded, APRIL),
    )
    assert after[1:] == before[1:]
    # The pack's seal covers every sealed session; its figures are the line-ups' alone.
    pack_before, pack_after = before[0], after[0]
    for field in ("tally", "staff", "lineups", "departments", "faults", "daily", "employees"):
        assert getattr(pack_after, field) == getattr(pack_before, field), field
    assert pack_after.repeat_offenders == pack_before.repeat_offenders
    # Nor does it pass for a line-up sheet.
    with pytest.raises(rq.NoReportData, match="floor observation"):
        rq.lineup_sheet_data(seeded, observation.id)
