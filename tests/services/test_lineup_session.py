"""Running a line-up without a screen: the rules every front end gets from LineupSession."""

from __future__ import annotations

from datetime import date

import pytest
from helpers.disk import fill_the_disk

from inspector.domain.lineup import Attendance, PersonStatus, Result
from inspector.domain.people import Employee, Sex
from inspector.services import lineup_session as ls
from inspector.services.lineup_session import LineupSession
from inspector.storage import Store
from inspector.storage.errors import DiskFullError

DAY = date(2026, 12, 1)
SITE = "滨江国际"
PEOPLE = tuple(
    Employee(f"B{n:03d}", name, sex, "客服部", "customer-service", SITE)
    for n, (name, sex) in enumerate(
        (("秦俊明", Sex.MALE), ("王芳", Sex.FEMALE), ("李娜", Sex.FEMALE), ("张伟", Sex.MALE)),
        start=1,
    )
)


@pytest.fixture
def session(store, catalogue) -> LineupSession:
    store.upsert_employees(PEOPLE)
    return LineupSession(store, catalogue)


def start(session: LineupSession, supervisor: str = "周主管", **kwargs):
    return session.start(
        day=DAY, shift="早班", site=SITE, department="", supervisor=supervisor, **kwargs
    )


def finished_with_an_absentee(session: LineupSession) -> int:
    """Person 1 absent (after an item was failed), everyone else passed; finished."""
    start(session)
    item = session.applicable(0)[0][1].id
    session.toggle_fail(0, item)
    session.toggle_attendance(0, Attendance.ABSENT)
    for row in range(1, session.count):
        session.pass_all(row)
    session.finish()
    return session.inspections[0].id


# -- P5: the supervisor ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["", "   "])
def test_a_lineup_needs_its_supervisor(session, store, name):
    with pytest.raises(ls.SupervisorRequired, match="supervisor's name"):
        start(session, name)
    assert store.list_lineups() == []


def test_the_supervisor_is_remembered_per_site(session, store):
    start(session, " 周主管 ")
    assert session.lineup.supervisor == "周主管"
    assert ls.remembered_supervisor(store, SITE) == "周主管"
    store.set_setting("supervisor:翠湖花园", "吴主管")
    assert ls.remembered_supervisor(store, "翠湖花园") == "吴主管"
    assert ls.remembered_supervisor(store, SITE) == "周主管"


def test_an_amendment_records_its_author(session, store):
    inspection_id = finished_with_an_absentee(session)
    change = session.toggle_attendance(1, Attendance.LATE)
    assert isinstance(change, ls.Change)
    with pytest.raises(ls.AuthorRequired):
        session.amend(change, "arrived at 08:10", "  ")
    with pytest.raises(ls.ReasonRequired):
        session.amend(change, " ", "周主管")
    session.amend(change, "arrived at 08:10", "陈经理")
    [record] = store.change_log(session.lineup.id)
    assert record.changed_by == "陈经理" and record.reason == "arrived at 08:10"
    assert inspection_id != record.inspection_id
    with pytest.raises(ValueError, match="author"):  # the store refuses it too
        store.amend_attendance(record.inspection_id, Attendance.PRESENT, reason="x", changed_by="")


# -- P4: an absentee who was there after all -------------------------------------------------


def test_absent_to_present_on_a_finished_lineup_is_not_inspected(session, store):
    inspection_id = finished_with_an_absentee(session)
    before = session.summary()
    change = session.toggle_attendance(0, Attendance.ABSENT)  # A again: present
    assert change.attendance is Attendance.PRESENT
    session.amend(change, "Employee arrived later", "周主管")

    inspection = store.get_inspection(inspection_id)
    assert inspection.status is PersonStatus.TODO
    assert inspection.completed_at is None and inspection.passed == 0
    after = session.summary()
    assert (after.all_pass, after.inspected) == (before.all_pass, before.inspected)
    assert after.not_inspected == 1 and after.absent == 0
    [record] = store.change_log(session.lineup.id)
    assert record.before == {"attendance": "absent", "inspected": True}
    assert record.after == {"attendance": "present", "inspected": False}

    # The supervisor inspects him now: Space asks for a reason, the change log keeps it.
    inspect = session.pass_all(0)
    assert isinstance(inspect, ls.Change) and inspect.inspect
    session.amend(inspect, "Inspected at 08:20", "周主管")
    inspection = store.get_inspection(inspection_id)
    assert inspection.status is PersonStatus.FAULTS  # the fault failed before he was away
    assert session.summary().inspected == before.inspected + 1
    assert [r.after["inspected"] for r in store.change_log(session.lineup.id)] == [False, True]


def test_absent_to_late_in_a_running_lineup_is_to_do(session, store):
    start(session)
    session.toggle_attendance(0, Attendance.ABSENT)
    assert session.inspections[0].status is PersonStatus.ABSENT
    session.toggle_attendance(0, Attendance.LATE)
    assert session.inspections[0].status is PersonStatus.TODO
    assert session.inspections[0].attendance is Attendance.LATE
    session.toggle_attendance(0, Attendance.ABSENT)
    session.toggle_attendance(0, Attendance.ABSENT)  # A again: back, to do
    assert store.get_inspection(session.inspections[0].id).status is PersonStatus.TODO


def test_nothing_is_marked_on_someone_away(session):
    start(session)
    session.toggle_attendance(0, Attendance.LEAVE)
    with pytest.raises(ls.PersonNotHere, match="秦俊明 is not here"):
        session.toggle_fail(0, session.applicable(0)[0][1].id)
    assert session.pass_all(0) is False


# -- P10: a second line-up of the same shift -------------------------------------------------


def test_a_second_lineup_of_a_finished_shift_is_asked_for(session, store):
    finished_with_an_absentee(session)
    first = session.lineup
    with pytest.raises(ls.AlreadyFinished) as refused:
        start(session)
    assert refused.value.lineup.id == first.id
    assert "早班 line-up of 2026-12-01 at 滨江国际 is finished" in str(refused.value)
    assert len(store.list_lineups()) == 1
    second = start(session, second=True)
    assert second.id != first.id and len(store.list_lineups()) == 2
    # Another shift is not a duplicate.
    session.start(day=DAY, shift="中班", site=SITE, department="", supervisor="周主管")


def test_an_unfinished_lineup_without_marks_can_be_discarded(session, store):
    lineup = start(session)
    assert ls.discardable(store, lineup.id)
    session.discard()
    assert store.list_lineups() == [] and session.lineup is None

    lineup = start(session)
    session.set_note(0, session.applicable(0)[0][1].id, "领带歪", failed=False)
    assert not ls.discardable(store, lineup.id)
    with pytest.raises(ls.NotDiscardable):
        ls.discard(store, lineup.id)
    assert [lu.id for lu in store.list_lineups()] == [lineup.id]


# -- the read-only guard, a full disk --------------------------------------------------------


def test_a_read_only_database_records_nothing(session, store, db_path, catalogue):
    lineup = start(session)
    with Store(db_path, read_only=True) as ro:
        reader = LineupSession(ro, catalogue, read_only=True)
        reader.open(lineup.id)
        item = reader.applicable(0)[0][1].id
        for action in (
            lambda: reader.toggle_fail(0, item),
            lambda: reader.pass_all(0),
            lambda: reader.toggle_attendance(0, Attendance.ABSENT),
            reader.finish,
            lambda: reader.start(
                day=DAY, shift="中班", site=SITE, department="", supervisor="周主管"
            ),
        ):
            with pytest.raises(ls.ReadOnlyError, match="read-only"):
                action()
    assert store.marks_for_lineup(lineup.id) == {}


def test_a_mark_on_a_full_disk_says_so_and_is_not_kept(session, store):
    start(session)
    item = session.applicable(0)[0][1].id
    fill_the_disk(store, session.inspections[-1].id)
    with pytest.raises(DiskFullError, match="full"):
        session.toggle_fail(0, item)
    assert store.marks_for(session.inspections[0].id) == []
    assert session.marks(0) == {}  # the session does not pretend it was saved


def test_na_and_notes(session, store):
    start(session)
    item = session.applicable(1)[0][1].id
    session.set_not_applicable(1, item)
    assert session.marks(1)[item].result is Result.NOT_APPLICABLE
    session.set_not_applicable(1, item)
    assert item not in session.marks(1)
    session.set_note(1, item, "指甲油", failed=True)
    assert store.marks_for(session.inspections[1].id)[0].note == "指甲油"
