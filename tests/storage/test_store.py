"""The Store as the screens use it: employees, line-ups, durable marks, amendments, bulk history."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest

from inspector.domain.checklist import InspectionType
from inspector.domain.lineup import Attendance, PersonStatus, Result
from inspector.domain.people import Employee, Sex
from inspector.storage import Store
from inspector.storage.errors import LineupClosedError, NotFoundError
from inspector.storage.seal import verify
from inspector.storage.store import BulkInspection, BulkLineup, BulkMark

DAY = date(2024, 5, 6)
PEOPLE = [
    Employee("1001", "张伟", Sex.MALE, "秩序维护部", "security", "翠湖花园"),
    Employee("1002", "李娜", Sex.FEMALE, "客服部", "customer-service", "翠湖花园"),
    Employee("1003", "王强", Sex.MALE, "会所", "lifeguard", "翠湖花园"),
]


@pytest.fixture
def sets(catalogue):
    return catalogue.sets_for(InspectionType.LINEUP)


def start(store: Store, sets, shift: str = "早班"):
    store.upsert_employees(PEOPLE)
    by_no = {e.employee_no: e for e in store.list_employees()}
    lineup = store.start_lineup(
        day=DAY, shift=shift, site="翠湖花园", department="", supervisor="周主管",
        sets=sets, employees=[by_no[e.employee_no] for e in PEOPLE],
    )  # fmt: skip
    return lineup, store.inspections_for(lineup.id)


def test_upsert_employees_adds_updates_and_counts(store):
    first = store.upsert_employees(PEOPLE)
    assert (first.added, first.updated, first.unchanged) == (3, 0, 0)
    moved = [
        PEOPLE[0],
        Employee("1002", "李娜", Sex.FEMALE, "工程部", "customer-service", "翠湖花园"),
    ]
    second = store.upsert_employees(moved)
    assert (second.added, second.updated, second.unchanged) == (0, 1, 1)
    assert store.employee_by_no("1002").department == "工程部"
    assert store.employee_count() == 3


def test_marks_survive_closing_and_reopening(db_path, sets):
    with Store(db_path) as store:
        lineup, (first, second, _) = start(store, sets)
        store.set_mark(first.id, "face.shave.not-shaved", Result.FAIL, note="胡子未刮")
        store.set_mark(second.id, "socks.socks.no-stockings", Result.NOT_APPLICABLE, note="着长裤")
        store.complete_inspection(first.id)
        # another connection sees a mark as soon as set_mark returns
        with Store(db_path, read_only=True) as other:
            assert [m.item_id for m in other.marks_for(first.id)] == ["face.shave.not-shaved"]
    with Store(db_path) as reopened:
        marks = reopened.marks_for_lineup(lineup.id)
        assert [(m.item_id, m.result, m.note) for m in marks[first.id]] == [
            ("face.shave.not-shaved", Result.FAIL, "胡子未刮")
        ]
        assert marks[second.id][0].result is Result.NOT_APPLICABLE
        done = reopened.get_inspection(first.id)
        assert done.status is PersonStatus.FAULTS
        assert done.failed == 1 and done.passed == done.applicable - 1


def test_a_plain_pass_stores_no_row(store, sets):
    _, (first, *_) = start(store, sets)
    store.set_mark(first.id, "hands.nails.too-long", Result.FAIL)
    assert store.set_mark(first.id, "hands.nails.too-long", Result.PASS) is None
    assert store.marks_for(first.id) == []


def test_absent_and_leave_complete_the_person_with_no_counts(store, sets):
    _, (first, second, _) = start(store, sets)
    absent = store.set_attendance(first.id, Attendance.ABSENT)
    leave = store.set_attendance(second.id, Attendance.LEAVE)
    assert absent.status is PersonStatus.ABSENT and absent.completed_at is not None
    assert leave.status is PersonStatus.LEAVE
    assert absent.applicable == absent.failed == 0


def test_lifeguard_is_not_judged_on_trainers(store, sets):
    _, (_, _, lifeguard) = start(store, sets)
    items = {item.id for _, item in store.applicable_items_for(lifeguard)}
    assert "shoes.forbidden.trainers" not in items
    assert "socks.socks.wrong-socks" not in items  # no socks with pool footwear
    assert "shoes.shoes.dusty" in items  # but the pool footwear is judged clean


def test_a_finished_lineup_refuses_plain_changes(store, sets):
    lineup, (first, *_) = start(store, sets)
    store.complete_inspection(first.id)
    store.finish_lineup(lineup.id)

    with pytest.raises(LineupClosedError):
        store.set_mark(first.id, "face.shave.not-shaved", Result.FAIL)
    with pytest.raises(LineupClosedError):
        store.set_attendance(first.id, Attendance.ABSENT)
    with pytest.raises(LineupClosedError):
        store.complete_inspection(first.id)
    with pytest.raises(LineupClosedError):
        store.finish_lineup(lineup.id)
    assert store.marks_for(first.id) == []


def test_an_amendment_logs_who_when_why_before_and_after(store, sets):
    lineup, (first, *_) = start(store, sets)
    store.complete_inspection(first.id)
    store.finish_lineup(lineup.id)
    before = datetime.now().replace(microsecond=0)

    store.amend_mark(
        first.id, "face.shave.not-shaved", Result.FAIL,
        reason="照片复核：胡子未刮", changed_by="周主管", note="复核",
    )  # fmt: skip

    (change,) = store.change_log(lineup.id)
    assert change.changed_by == "周主管"
    assert change.reason == "照片复核：胡子未刮"
    assert change.changed_at >= before
    assert change.item_id == "face.shave.not-shaved"
    assert change.before["result"] == "pass"
    assert change.after["result"] == "fail" and change.after["note"] == "复核"
    assert store.get_inspection(first.id).failed == 1


def test_an_amendment_needs_a_reason_and_changes_nothing_without_one(store, sets):
    lineup, (first, *_) = start(store, sets)
    store.complete_inspection(first.id)
    store.finish_lineup(lineup.id)
    with pytest.raises(ValueError, match="reason"):
        store.amend_mark(
            first.id, "face.shave.not-shaved", Result.FAIL, reason="  ", changed_by="x"
        )
    assert store.marks_for(first.id) == []
    assert store.change_log() == []


@pytest.mark.parametrize(
    "sql", ["UPDATE change_log SET reason = 'tidied'", "DELETE FROM change_log"]
)
def test_the_change_log_is_append_only(store, sets, sql):
    lineup, (first, *_) = start(store, sets)
    store.complete_inspection(first.id)
    store.finish_lineup(lineup.id)
    store.amend_attendance(first.id, Attendance.ABSENT, reason="他当天请假", changed_by="人事")

    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.db.conn.execute(sql)
    assert len(store.change_log()) == 1


def test_lineups_on_a_day_and_by_shift(store, sets):
    start(store, sets, "早班")
    start(store, sets, "晚班")
    assert [lu.shift for lu in store.lineups_on(DAY)] == ["早班", "晚班"]
    assert [lu.shift for lu in store.lineups_on(DAY, "晚班")] == ["晚班"]
    assert store.lineups_on(date(2024, 5, 7)) == []
    with pytest.raises(NotFoundError):
        store.get_lineup(999)


def test_bulk_history_scores_like_marking_one_by_one(store, sets, catalogue):
    store.upsert_employees(PEOPLE)
    man, woman, lifeguard = (store.employee_by_no(e.employee_no) for e in PEOPLE)
    started = datetime(2024, 5, 6, 7, 50)
    bulk = BulkLineup(
        day=DAY, shift="早班", site="翠湖花园", department="", supervisor="周主管",
        started_at=started, finished_at=datetime(2024, 5, 6, 8, 0),
        inspections=(
            BulkInspection(man.id, Attendance.PRESENT, started, (
                BulkMark("face.shave.not-shaved", Result.FAIL, "胡子未刮"),
                BulkMark("overall.uniform.not-prescribed", Result.FAIL),
            )),
            BulkInspection(woman.id, Attendance.LATE, started, (
                BulkMark("socks.socks.no-stockings", Result.NOT_APPLICABLE, "着长裤"),
            )),
            BulkInspection(lifeguard.id, Attendance.ABSENT, started),
        ),
    )  # fmt: skip
    assert store.bulk_insert_history(sets, [bulk]) == 1

    # the same by hand
    lineup, (m, w, lg) = start(store, sets)
    store.set_mark(m.id, "face.shave.not-shaved", Result.FAIL, note="胡子未刮")
    store.set_mark(m.id, "overall.uniform.not-prescribed", Result.FAIL)
    store.complete_inspection(m.id)
    store.set_attendance(w.id, Attendance.LATE)
    store.set_mark(w.id, "socks.socks.no-stockings", Result.NOT_APPLICABLE, note="着长裤")
    store.complete_inspection(w.id)
    store.set_attendance(lg.id, Attendance.ABSENT)

    def counts(lineup_id):
        return [
            (i.attendance, i.applicable, i.passed, i.failed, i.critical_failed, i.fault_points)
            for i in store.inspections_for(lineup_id)
        ]

    (bulk_lineup,) = [lu for lu in store.list_lineups() if lu.id != lineup.id]
    assert counts(bulk_lineup.id) == counts(lineup.id)
    assert counts(bulk_lineup.id)[0][4] == 1  # the critical fault
    assert bulk_lineup.finished
    bulk_marks = store.marks_for_lineup(bulk_lineup.id)
    assert sum(len(v) for v in bulk_marks.values()) == 3
    assert verify(store.db.conn).ok


def test_bulk_history_refuses_an_unknown_item(store, sets):
    store.upsert_employees(PEOPLE)
    man = store.employee_by_no("1001")
    bulk = BulkLineup(
        day=DAY, shift="早班", site="", department="", supervisor="", started_at=datetime(2024, 5, 6),
        finished_at=None,
        inspections=(BulkInspection(man.id, Attendance.PRESENT, None, (BulkMark("no.such", Result.FAIL),)),),
    )  # fmt: skip
    with pytest.raises(NotFoundError):
        store.bulk_insert_history(sets, [bulk])
    assert store.list_lineups() == []  # nothing half-written


# -- opening ----------------------------------------------------------------------------------


def test_the_store_does_not_import_backup_or_opening() -> None:
    """Opening (backup, then migrate) is apart from the Store: no storage import cycle."""
    import subprocess
    import sys

    code = (
        "import sys, inspector.storage.store; "
        "print(sorted(m for m in sys.modules if m.startswith('inspector.storage')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "inspector.storage.backup" not in out and "inspector.storage.opening" not in out


def test_open_database_backs_up_an_older_database_then_migrates(db_path) -> None:
    from inspector import paths
    from inspector.storage.migrations import migrations
    from inspector.storage.opening import open_database

    with Store(db_path, migrate=False) as old:
        migrations.apply(old.db, stop_before=migrations.names[-1])
        old.set_setting("kept", "yes")
    with open_database(db_path) as store:
        assert store.pending_migrations() == []
        assert store.get_setting("kept") == "yes"
    (backup,) = paths.backups_dir(db_path).glob(f"*-before-{migrations.names[-1]}-*.db")
    assert backup.stat().st_size > 0
