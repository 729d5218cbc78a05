"""Observing one person on the floor without a screen: ObservationSession."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from inspector.domain.checklist import InspectionType
from inspector.domain.lineup import Result
from inspector.domain.people import Employee, Sex
from inspector.services import observation_session as obs
from inspector.services.observation_session import ObservationSession
from inspector.storage import Store
from inspector.storage.errors import LineupClosedError

DAY = date(2026, 12, 1)
PEOPLE = (
    Employee("C001", "张伟", Sex.MALE, "客服部", "customer-service", "滨江国际"),
    Employee("C002", "王芳", Sex.FEMALE, "前台", "receptionist", "滨江国际"),
    Employee("C003", "张卫东", Sex.MALE, "工程部", "engineer", "滨江国际"),
    Employee("C004", "李娜", Sex.FEMALE, "客服部", "customer-service", "滨江国际"),
)


@pytest.fixture
def session(store: Store, catalogue) -> ObservationSession:
    store.upsert_employees(PEOPLE)
    return ObservationSession(store, catalogue, clock=lambda: datetime(2026, 12, 1, 10, 30))


def person(store: Store, number: str) -> Employee:
    return store.employee_by_no(number)


# -- finding the employee ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("zw", "张伟"),
        ("zhangwei", "张伟"),
        ("ZW", "张伟"),
        ("C002", "王芳"),
        ("李", "李娜"),
        ("wf", "王芳"),
        ("zwd", "张卫东"),
        ("c00", "张伟"),
    ],
)
def test_employees_are_found_by_name_number_or_pinyin(session, query, first):
    found = session.search(query)
    assert found and found[0].name == first


def test_pinyin_initials_find_everyone_who_starts_with_them(session):
    names = [e.name for e in session.search("zw")]
    assert names == ["张伟", "张卫东"]  # the exact initials first


def test_nothing_is_found_for_nothing(session):
    assert session.search("") == []
    assert session.search("xyz") == []


# -- starting -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["", "  "])
def test_an_observation_needs_its_observer(session, store, name):
    with pytest.raises(obs.ObserverRequired, match="observer's name"):
        session.start(person(store, "C001"), ["phone"], name)
    assert obs.list_observations(store) == []


def test_an_observation_needs_a_situation(session, store):
    with pytest.raises(obs.NoSituation):
        session.start(person(store, "C001"), [], "质检 刘")
    with pytest.raises(obs.UnknownSituation, match="'lunch'"):
        session.start(person(store, "C001"), ["lunch"], "质检 刘")


def test_several_situations_are_judged_by_each_set_once(session, store):
    lineup = session.start(person(store, "C002"), ["reception", "complaint"], "质检 刘")
    assert lineup.inspection_type is InspectionType.OBSERVATION
    assert lineup.supervisor == "质检 刘"
    assert obs.situations_of(lineup) == ("reception", "complaint")
    set_ids = [s.id for s, _ in session.applicable()]
    assert set(set_ids) == {
        "reception",
        "service-language",
        "conversation-taboos",
        "complaint-handling",
    }
    items = [item.id for _, item in session.applicable()]
    assert len(items) == len(set(items))
    assert store.get_setting(obs.OBSERVER_SETTING) == "质检 刘"
    assert session.observer() == "质检 刘"


# -- marking and saving -----------------------------------------------------------------------


def test_a_mark_is_durable_at_once_and_saving_seals(session, store, db_path):
    employee = person(store, "C001")
    lineup = session.start(employee, ["phone"], "质检 刘")
    session.toggle_fail("phone.commanding-tone")
    with Store(db_path, read_only=True) as other:  # another connection sees it before saving
        marks = other.marks_for(other.inspections_for(lineup.id)[0].id)
        assert [(m.item_id, m.result) for m in marks] == [("phone.commanding-tone", Result.FAIL)]
    record = session.save()
    assert record.completed and not record.passed
    assert [f.item.id for f in record.faults] == ["phone.commanding-tone"]
    assert record.observed == len(session.applicable())
    assert store.get_lineup(lineup.id).finished
    with pytest.raises(LineupClosedError):
        store.set_mark(store.inspections_for(lineup.id)[0].id, "phone.speakerphone", Result.FAIL)


def test_an_amendment_needs_a_reason_and_an_author(session, store):
    lineup = session.start(person(store, "C001"), ["phone"], "质检 刘")
    record = session.save()
    assert record.passed
    change = session.toggle_fail("phone.speakerphone")
    assert isinstance(change, obs.Change)
    with pytest.raises(obs.ReasonRequired):
        session.amend(change, " ", "质检 刘")
    with pytest.raises(obs.AuthorRequired):
        session.amend(change, "heard it again on the recording", "")
    session.amend(change, "heard it again on the recording", "质检 刘")
    again = obs.read_observation(store, lineup.id)
    assert [f.item.id for f in again.faults] == ["phone.speakerphone"]
    assert again.changes == 1
    [logged] = store.change_log(lineup.id)
    assert logged.reason == "heard it again on the recording"


def test_observations_are_listed_by_period_and_employee(session, store, catalogue):
    first = session.start(person(store, "C001"), ["phone"], "质检 刘")
    session.save()
    other = ObservationSession(store, catalogue)
    second = other.start(person(store, "C004"), ["seated"], "质检 刘", day=date(2026, 12, 2))
    other.save()
    assert [r.id for r in obs.list_observations(store)] == [second.id, first.id]
    only = obs.list_observations(store, employee_id=person(store, "C001").id)
    assert [r.id for r in only] == [first.id]
    assert [r.id for r in obs.list_observations(store, start=date(2026, 12, 2))] == [second.id]


def test_observations_are_not_line_ups(session, store):
    session.start(person(store, "C001"), ["phone"], "质检 刘")
    session.save()
    assert store.list_lineups() == []
    assert store.unfinished_lineup() is None


def test_a_line_up_is_not_read_as_an_observation(store, catalogue):
    from inspector.services.lineup_session import LineupSession

    store.upsert_employees(PEOPLE)
    lineup = LineupSession(store, catalogue).start(
        day=DAY, shift="早班", site="", department="", supervisor="周主管"
    )
    with pytest.raises(obs.NotAnObservation):
        obs.read_observation(store, lineup.id)


def test_the_demo_has_a_few_observations_a_day_across_the_situations(store, catalogue):
    from collections import Counter

    from inspector.services.demo import fill_demo

    fill_demo(store, catalogue, employees=60, days=12, today=date(2026, 12, 1))
    records = obs.list_observations(store)
    per_day = Counter(r.lineup.day for r in records)
    assert len(per_day) == 12 and all(1 <= n <= 5 for n in per_day.values())
    situations = Counter(s for r in records for s in r.situations)
    assert len(situations) >= 6
    with_faults = sum(1 for r in records if r.faults)
    assert 0 < with_faults < len(records) * 0.6  # about a third find a fault
    assert all(r.lineup.finished and r.observer for r in records)
    roles = {r.employee.role for r in records if "visit" in r.situations}
    assert roles <= {"customer-manager"}
