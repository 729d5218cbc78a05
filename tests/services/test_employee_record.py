"""One employee's record, worked out once: against figures computed here from the Store's own
objects and the attendance rule, including a fault marked before the person was made absent."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time

import pytest
from helpers.gui_pages import add_people, run_lineup

from inspector.domain.attendance import counts_as_inspected
from inspector.domain.checklist import InspectionType
from inspector.domain.lineup import Attendance, PersonStatus, Result
from inspector.services.employee_record import employee_record, role_names
from inspector.storage.report_queries import NoReportData

HAIR = "hair.hair.messy"
UNIFORM = "overall.uniform.not-prescribed"
CLEAN = "hair.hair.greasy"  # after UNIFORM in the checklist, before it in the alphabet
START, END = date(2025, 5, 1), date(2025, 5, 31)


def fail_then_absent(store, catalogue, day: date, employees, employee_no: str, item_id: str):
    """A line-up where ``employee_no`` fails ``item_id`` and is then marked absent."""
    lineup = store.start_lineup(
        day=day,
        shift="早班",
        site="东湖花园",
        department="",
        supervisor="黄主管",
        sets=catalogue.sets_for(InspectionType.LINEUP),
        employees=employees,
        started_at=datetime.combine(day, time(8, 0)),
    )
    for inspection in store.inspections_for(lineup.id):
        employee = store.get_employee(inspection.employee_id)
        if employee.employee_no == employee_no:
            store.set_mark(inspection.id, item_id, Result.FAIL)
            store.set_attendance(inspection.id, Attendance.ABSENT)
        else:
            store.complete_inspection(inspection.id)
    store.finish_lineup(lineup.id, datetime.combine(day, time(8, 20)))
    return lineup


@pytest.fixture
def wang(store, catalogue):
    """王芳 (E001): fails the hair on 6 May; fails it again on 7 May, then is marked absent;
    fails the hair and two uniform items on 8 May."""
    people = add_people(store)
    wang, zhang = people[0], people[2]
    run_lineup(store, catalogue, date(2025, 5, 6), [wang, zhang], faults={"E001": [HAIR]})
    fail_then_absent(store, catalogue, date(2025, 5, 7), [wang, zhang], "E001", HAIR)
    run_lineup(
        store, catalogue, date(2025, 5, 8), [wang, zhang], faults={"E001": [CLEAN, UNIFORM, HAIR]}
    )
    return wang


def independent_record(store, employee_id: int, start: date, end: date):
    """Faults per item, inspections, absences and passed/applicable, from Store objects."""
    faults: Counter[str] = Counter()
    inspected = absent = passed = applicable = 0
    for lineup in store.list_lineups(start=start, end=end):
        if lineup.inspection_type is not InspectionType.LINEUP:
            continue
        for inspection in store.inspections_for(lineup.id):
            if inspection.employee_id != employee_id:
                continue
            if inspection.attendance in (Attendance.ABSENT, Attendance.LEAVE):
                absent += 1
            if not counts_as_inspected(inspection.attendance, inspection.completed_at):
                continue
            inspected += 1
            passed += inspection.passed
            applicable += inspection.applicable
            for mark in store.marks_for(inspection.id):
                if mark.result is Result.FAIL:
                    faults[mark.item_id] += 1
    return dict(faults), inspected, absent, passed, applicable


def test_a_fault_marked_before_an_absence_never_counts(store, wang) -> None:
    record = employee_record(store, "E001", START, END)
    faults, inspected, absent, passed, applicable = independent_record(store, wang.id, START, END)
    assert faults == {HAIR: 2, UNIFORM: 1, CLEAN: 1}  # 6 and 8 May; not the absent 7 May
    assert {f.item_id: f.count for f in record.faults} == faults
    assert (record.tally.inspections, len(record.absences)) == (inspected, absent) == (2, 1)
    assert (record.tally.passed, record.tally.applicable) == (passed, applicable)
    absent_day = record.entries[1]
    assert absent_day.day == date(2025, 5, 7)
    assert absent_day.status is PersonStatus.ABSENT
    assert absent_day.marks == () and absent_day.compliance is None
    [may] = record.months
    assert (may.tally.inspections, may.tally.absent, may.tally.failed) == (2, 1, 4)
    hair = next(f for f in record.faults if f.item_id == HAIR)
    assert hair.last_day == date(2025, 5, 8)


def test_faults_of_a_day_are_in_checklist_order(store, catalogue, wang) -> None:
    record = employee_record(store, "E001", START, END)
    listed = [m.item_id for m in record.entries[2].faults]
    order = [i.id for s in catalogue.sets_for(InspectionType.LINEUP) for i in s.items]
    assert sorted(listed, key=order.index) == listed == [UNIFORM, CLEAN, HAIR]


def test_a_floor_observation_is_not_in_the_record(store, catalogue, wang) -> None:
    before = employee_record(store, "E001", START, END)
    observation = store.start_lineup(
        day=date(2025, 5, 9),
        shift="早班",
        site="东湖花园",
        department="",
        supervisor="黄主管",
        sets=catalogue.sets_for(InspectionType.OBSERVATION),
        employees=[wang],
        inspection_type=InspectionType.OBSERVATION,
    )
    [inspection] = store.inspections_for(observation.id)
    item = catalogue.sets_for(InspectionType.OBSERVATION)[0].items[0].id
    store.set_mark(inspection.id, item, Result.FAIL)
    store.complete_inspection(inspection.id)
    assert employee_record(store, "E001", START, END) == before


def test_roles_are_named_from_the_catalogue(store, catalogue, wang) -> None:
    record = employee_record(store, "E001", START, END, roles=role_names(catalogue))
    assert record.role.en == "Customer service officer"
    assert employee_record(store, "E001", START, END).role.en == "customer-service"


def test_unknown_employee_and_a_period_back_to_front(store, wang) -> None:
    with pytest.raises(NoReportData, match="no employee with number E999"):
        employee_record(store, "E999", START, END)
    with pytest.raises(NoReportData, match=r"ends .* before it starts"):
        employee_record(store, "E001", END, START)
