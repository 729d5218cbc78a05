"""Sealed records (hash chain over finished line-ups) and the privacy of photo evidence."""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers.permissions import mode

from inspector import paths
from inspector.domain.checklist import (
    AppliesTo,
    ChecklistItem,
    ChecklistSet,
    InspectionType,
    ItemKind,
    Severity,
    Source,
)
from inspector.domain.lineup import Attendance, Result
from inspector.domain.people import Employee, Sex
from inspector.domain.text import Text
from inspector.storage import Store, seal
from inspector.storage.migrations import migrations
from inspector.storage.photos import (
    PURGE_REASON,
    PhotoError,
    photo_path,
    purge_photos,
    store_photo,
)

SETS = [
    ChecklistSet(
        id="test-grooming",
        version=1,
        inspection_type=InspectionType.LINEUP,
        area="grooming",
        title=Text("仪容", "Grooming"),
        items=tuple(
            ChecklistItem(
                id=f"test.item-{n}",
                kind=ItemKind.REQUIRED,
                text=Text(f"要求{n}", f"rule {n}"),
                applies_to=AppliesTo.EVERYONE,
                severity=Severity.MAJOR if n == 0 else Severity.MINOR,
                weight=2 if n == 0 else 1,
                source=Source("test.toml", "1"),
            )
            for n in range(4)
        ),
    )
]


def make_lineup(store: Store, *, day: date = date(2025, 3, 4), finish: bool = True, n: int = 3):
    employees = [
        store.save_employee(
            Employee(
                f"E{day:%m%d}{i:02}",
                f"员工{i}",
                Sex.FEMALE if i % 2 else Sex.MALE,
                "前厅",
                "waiter",
            )
        )
        for i in range(n)
    ]
    lineup = store.start_lineup(
        day=day,
        shift="早班",
        site="总店",
        department="前厅",
        supervisor="王经理",
        sets=SETS,
        employees=employees,
    )
    inspections = store.inspections_for(lineup.id)
    store.set_mark(inspections[0].id, "test.item-0", Result.FAIL, note="头发未盘起")
    store.set_mark(inspections[1].id, "test.item-1", Result.NOT_APPLICABLE)
    for inspection in inspections[:-1]:
        store.complete_inspection(inspection.id)
    store.set_attendance(inspections[-1].id, Attendance.ABSENT)
    if finish:
        store.finish_lineup(lineup.id)
    return lineup, inspections


def raw(db_path: Path) -> sqlite3.Connection:
    """A plain connection, as someone editing the file by hand would use."""
    return sqlite3.connect(str(db_path), isolation_level=None)


# -- sealing ----------------------------------------------------------------------------------


def test_finishing_a_lineup_seals_it(store: Store) -> None:
    lineup, _ = make_lineup(store)
    seals = seal.seals_for(store.db.conn, lineup.id)
    assert len(seals) == 1
    assert seals[0].prev_hash == seal.GENESIS
    assert seals[0].chain_hash == seal.chain(seal.GENESIS, seals[0].content_hash)
    printed = seal.seal_for_lineup(store, lineup.id)
    assert printed == seals[0].chain_hash[:8] + "…"
    assert seal.verify(store.db.conn).ok


def test_an_open_lineup_has_no_seal_yet(store: Store) -> None:
    lineup, _ = make_lineup(store, finish=False)
    assert seal.seal_for_lineup(store, lineup.id) == ""
    assert seal.verify(store.db.conn).ok


def test_seals_chain_across_lineups(store: Store) -> None:
    first, _ = make_lineup(store, day=date(2025, 3, 4))
    second, _ = make_lineup(store, day=date(2025, 3, 5))
    one = seal.seals_for(store.db.conn, first.id)[-1]
    two = seal.seals_for(store.db.conn, second.id)[-1]
    assert two.prev_hash == one.chain_hash


def test_the_seal_is_written_in_the_finishing_transaction(store: Store) -> None:
    lineup, _ = make_lineup(store, finish=False)
    store.db.conn.execute(
        "CREATE TEMP TRIGGER no_seal BEFORE INSERT ON main.seals "
        "BEGIN SELECT RAISE(ABORT, 'seal refused'); END"
    )
    with pytest.raises(sqlite3.IntegrityError):
        store.finish_lineup(lineup.id)
    assert not store.get_lineup(lineup.id).finished  # no unsealed finished line-up


def test_an_amendment_appends_a_seal_that_references_the_change(store: Store) -> None:
    lineup, inspections = make_lineup(store)
    before = seal.seals_for(store.db.conn, lineup.id)
    store.amend_mark(
        inspections[2].id,
        "test.item-2",
        Result.FAIL,
        reason="主管复核",
        changed_by="李主管",
        note="补记",
    )
    store.amend_attendance(
        inspections[1].id, Attendance.LATE, reason="打卡记录", changed_by="李主管"
    )
    after = seal.seals_for(store.db.conn, lineup.id)
    assert after[: len(before)] == before  # nothing rewritten
    changes = store.change_log(lineup.id)
    assert [s.change_id for s in after[len(before) :]] == [c.id for c in changes]
    assert after[-1].prev_hash == after[-2].chain_hash
    assert seal.seal_for_lineup(store, lineup.id) == after[-1].short
    assert seal.verify(store.db.conn).ok


def test_seals_are_append_only(store: Store, db_path: Path) -> None:
    make_lineup(store)
    with raw(db_path) as conn:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE seals SET content_hash = 'x'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM seals")


IN_LINEUP = "inspection_id IN (SELECT id FROM inspections WHERE lineup_id = {id})"
TAMPERING = {
    "mark note": "UPDATE marks SET note = 'nothing wrong' WHERE result = 'fail' AND " + IN_LINEUP,
    "mark result": "UPDATE marks SET result = 'pass' WHERE result = 'fail' AND " + IN_LINEUP,
    "mark deleted": "DELETE FROM marks WHERE result = 'fail' AND " + IN_LINEUP,
    "mark added": (
        "INSERT INTO marks (inspection_id, item_id, checklist_version_id, result, note, photo, "
        "marked_at) SELECT id, 'test.item-3', 1, 'fail', '', '', '2025-03-04 08:00:00' "
        "FROM inspections WHERE position = 2 AND lineup_id = {id}"
    ),
    "attendance": (
        "UPDATE inspections SET attendance = 'present' WHERE attendance = 'absent' "
        "AND lineup_id = {id}"
    ),
    "counts": "UPDATE inspections SET failed = 0, fault_points = 0 WHERE lineup_id = {id}",
    "header": "UPDATE lineups SET supervisor = '别人' WHERE id = {id}",
    "finish time": "UPDATE lineups SET finished_at = '2025-03-05 09:00:00' WHERE id = {id}",
    "checklist words": "UPDATE checklist_versions SET content = replace(content, '要求0', '随意')",
}


@pytest.mark.parametrize("sql", TAMPERING.values(), ids=TAMPERING.keys())
def test_verify_names_a_lineup_edited_by_hand(store: Store, db_path: Path, sql: str) -> None:
    untouched, _ = make_lineup(store, day=date(2025, 3, 3))
    lineup, _ = make_lineup(store, day=date(2025, 3, 4))
    assert seal.verify(store.db.conn).ok
    with raw(db_path) as conn:
        assert conn.execute(sql.format(id=lineup.id)).rowcount >= 1
    report = seal.verify(store.db.conn)
    assert not report.ok
    assert lineup.id in report.bad_lineups
    if "checklist" not in sql:  # both line-ups use the same checklist version
        assert untouched.id not in report.bad_lineups
    assert any(f"line-up {lineup.id} " in p.message.lower() for p in report.problems)


def test_verify_finds_a_change_log_edited_by_hand(store: Store, db_path: Path) -> None:
    lineup, inspections = make_lineup(store)
    store.amend_mark(inspections[0].id, "test.item-0", Result.PASS, reason="误判", changed_by="李")
    with raw(db_path) as conn:
        conn.execute("DROP TRIGGER change_log_no_update")
        conn.execute("UPDATE change_log SET reason = '随便改'")
    assert seal.verify(store.db.conn).bad_lineups == [lineup.id]


def test_verify_finds_a_broken_chain(store: Store, db_path: Path) -> None:
    first, _ = make_lineup(store, day=date(2025, 3, 3))
    make_lineup(store, day=date(2025, 3, 4))
    with raw(db_path) as conn:
        conn.execute("DROP TRIGGER seals_no_update")
        # Re-sealing a tampered line-up by hand still breaks the link to the next seal.
        conn.execute("UPDATE marks SET note = '改' WHERE note != ''")
        new_hash = seal.content_hash(conn, first.id)
        conn.execute(
            "UPDATE seals SET content_hash = ?, chain_hash = ? WHERE lineup_id = ?",
            (new_hash, seal.chain(seal.GENESIS, new_hash), first.id),
        )
    report = seal.verify(store.db.conn)
    assert any("chain is broken" in p.message for p in report.problems)


def test_verify_finds_a_finished_lineup_whose_seal_was_removed(store: Store, db_path: Path) -> None:
    lineup, _ = make_lineup(store)
    with raw(db_path) as conn:
        conn.execute("DROP TRIGGER seals_no_delete")
        conn.execute("DELETE FROM seals")
    report = seal.verify(store.db.conn)
    assert report.bad_lineups == [lineup.id]
    assert "no seal" in report.problems[0].message


def old_version_lineup(db_path: Path, *, finished: bool = True) -> int:
    """A line-up as a version before seals wrote it (the m001 schema, plain SQL)."""
    with raw(db_path) as conn:
        conn.execute(
            "INSERT INTO employees (employee_no, name, sex, department, role, created_at, "
            "updated_at) VALUES ('E1', '张三', 'male', '前厅', 'waiter', '2025-01-01', "
            "'2025-01-01')"
        )
        lineup_id = conn.execute(
            "INSERT INTO lineups (day, shift, site, department, supervisor, started_at, "
            "finished_at) VALUES ('2025-03-04', '早班', '总店', '前厅', '王经理', "
            "'2025-03-04 08:00:00', ?)",
            ("2025-03-04 09:00:00" if finished else None,),
        ).lastrowid
        conn.execute(
            "INSERT INTO inspections (lineup_id, employee_id, position, attendance, "
            "completed_at, applicable, passed) VALUES (?, 1, 0, 'present', "
            "'2025-03-04 08:10:00', 4, 4)",
            (lineup_id,),
        )
    conn.close()
    return lineup_id


def test_the_migration_seals_lineups_finished_before_it(db_path: Path) -> None:
    with Store(db_path, migrate=False) as old:
        migrations.apply(old.db, stop_before="m002_seals")
        assert "seals" not in old.db.table_names()
    lineup_id = old_version_lineup(db_path)
    with Store(db_path) as store:
        seals = seal.seals_for(store.db.conn, lineup_id)
        # sealed by m002 (content version 1), then again with its identity by m003
        assert [s.content_version for s in seals] == [1, 2]
        assert seal.verify(store.db.conn).ok


# -- privacy: photos --------------------------------------------------------------------------


def _photo(tmp_path: Path, content: bytes = b"\xff\xd8fake jpeg", name: str = "p.JPG") -> Path:
    source = tmp_path / name
    source.write_bytes(content)
    return source


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.usefixtures("desktop_umask")
def test_photos_are_private_to_the_user(tmp_path: Path, db_path: Path) -> None:
    name = store_photo(db_path, _photo(tmp_path))
    stored = photo_path(db_path, name)
    assert stored.read_bytes() == b"\xff\xd8fake jpeg"
    assert mode(stored) == 0o600
    assert mode(paths.photos_dir(db_path)) == 0o700
    assert name.endswith(".jpg") and len(name) == 64 + 4
    assert store_photo(db_path, _photo(tmp_path, name="again.jpg")) == name  # same bytes


def test_store_photo_refuses_what_is_not_a_photo(tmp_path: Path, db_path: Path) -> None:
    with pytest.raises(PhotoError, match=r"notes\.txt"):
        store_photo(db_path, _photo(tmp_path, name="notes.txt"))
    with pytest.raises(PhotoError, match=r"missing\.jpg"):
        store_photo(db_path, tmp_path / "missing.jpg")


@pytest.mark.parametrize("name", ["../inspector.db", "/etc/passwd", "", ".", "a/b.jpg", "x\\y"])
def test_photo_path_stays_in_the_photo_folder(db_path: Path, name: str) -> None:
    with pytest.raises(ValueError):
        photo_path(db_path, name)


def test_purge_clears_old_photos_through_the_change_log(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    today = date(2025, 12, 1)
    old_day = today - timedelta(days=200)
    old, old_insp = make_lineup(store, day=old_day)
    open_old, open_insp = make_lineup(store, day=old_day + timedelta(days=1), finish=False)
    recent, recent_insp = make_lineup(store, day=today - timedelta(days=10), finish=False)
    old_photo = store_photo(db_path, _photo(tmp_path, b"old"))
    open_photo = store_photo(db_path, _photo(tmp_path, b"open"))
    new_photo = store_photo(db_path, _photo(tmp_path, b"new"))
    store.amend_mark(
        old_insp[0].id, "test.item-0", None, photo=old_photo, reason="补照片", changed_by="王"
    )
    store.set_mark(open_insp[0].id, "test.item-2", Result.FAIL, photo=open_photo)
    store.set_mark(recent_insp[0].id, "test.item-2", Result.FAIL, photo=new_photo)
    store.set_setting("photo_retention_days", "180")

    summary = purge_photos(store, today=today)

    assert summary.marks_cleared == 2
    assert not photo_path(db_path, old_photo).exists()
    assert not photo_path(db_path, open_photo).exists()
    assert photo_path(db_path, new_photo).exists()
    old_mark = next(m for m in store.marks_for(old_insp[0].id) if m.item_id == "test.item-0")
    assert old_mark.photo == "" and old_mark.result is Result.FAIL and old_mark.note == "头发未盘起"
    assert store.change_log(old.id)[-1].reason == PURGE_REASON
    assert store.change_log(old.id)[-1].before["photo"] == old_photo
    assert seal.seals_for(store.db.conn, old.id)[-1].change_id == store.change_log(old.id)[-1].id
    assert all(m.photo == "" for m in store.marks_for(open_insp[0].id))
    kept = {m.item_id: m.photo for m in store.marks_for(recent_insp[0].id)}
    assert kept["test.item-2"] == new_photo
    assert seal.verify(store.db.conn).ok
    assert open_old.id != recent.id


def test_purge_deletes_stray_files_past_retention(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    name = store_photo(db_path, _photo(tmp_path, b"stray"))
    path = photo_path(db_path, name)
    long_ago = time.time() - 200 * 86400
    os.utime(path, (long_ago, long_ago))
    assert purge_photos(store, 180).files_deleted == 1
    assert not path.exists()


# -- the identity a line-up was judged with is sealed -----------------------------------------

FIRST_PERSON = "(SELECT identity_id FROM inspections WHERE position = 0 AND lineup_id = {id})"


def _identity_edit(column: str, value: str) -> str:
    return f"UPDATE identities SET {column} = '{value}' WHERE id = " + FIRST_PERSON


IDENTITY_EDITS = {
    "name": _identity_edit("name", "别人"),
    "department": _identity_edit("department", "后厨"),
    "role": _identity_edit("role", "chef"),
    "sex": _identity_edit("sex", "female"),
    "number": _identity_edit("employee_no", "X9"),
    "names swapped": (
        "UPDATE inspections SET identity_id = (SELECT identity_id FROM inspections "
        "WHERE lineup_id = {id} AND position = 1 - inspections.position) "
        "WHERE lineup_id = {id} AND position IN (0, 1)"
    ),
    "another person's identity": (
        "UPDATE inspections SET identity_id = (SELECT max(id) FROM identities) "
        "WHERE lineup_id = {id} AND position = 0"
    ),
}


@pytest.mark.parametrize("sql", IDENTITY_EDITS.values(), ids=IDENTITY_EDITS.keys())
def test_verify_names_a_lineup_whose_judged_identity_was_edited(
    store: Store, db_path: Path, sql: str
) -> None:
    lineup, _ = make_lineup(store)
    with raw(db_path) as conn:
        conn.execute("DROP TRIGGER identities_no_update")
        assert conn.execute(sql.format(id=lineup.id)).rowcount >= 1
    report = seal.verify(store.db.conn)
    assert report.bad_lineups == [lineup.id]
    assert "no longer matches its seal" in report.problems[0].message


def test_a_lineup_keeps_the_identity_it_was_judged_with(store: Store) -> None:
    _, inspections = make_lineup(store)
    person = store.get_employee(inspections[0].employee_id)
    store.save_employee(replace(person, name="改名", department="后厨", role="chef"))
    judged = store.judged_identity(inspections[0].id)
    assert (judged.name, judged.department, judged.role) == ("员工0", "前厅", "waiter")
    assert seal.verify(store.db.conn).ok  # a roster change is not a change of the record


def test_seals_made_before_identities_still_verify_and_identities_are_sealed_after(
    db_path: Path,
) -> None:
    with Store(db_path, migrate=False) as old:
        migrations.apply(old.db, stop_before="m003_inspection_identity")
    lineup_id = old_version_lineup(db_path)
    with raw(db_path) as conn:
        seal.seal_unsealed_finished(conn)  # as the version before sealed it
    with Store(db_path) as store:
        seals = seal.seals_for(store.db.conn, lineup_id)
        assert [s.content_version for s in seals] == [1, 2]
        assert seal.verify(store.db.conn).ok
        (inspection,) = store.inspections_for(lineup_id)
        assert store.judged_identity(inspection.id).name == "张三"
    with raw(db_path) as conn:
        conn.execute("DROP TRIGGER identities_no_update")
        conn.execute("UPDATE identities SET name = '李四'")
    with Store(db_path) as store:
        assert seal.verify(store.db.conn).bad_lineups == [lineup_id]


# -- a removed newest seal, and seals printed on paper (verify --expect) ----------------------


def _remove_newest_seal_and_reopen(db_path: Path, lineup_id: int) -> None:
    with raw(db_path) as conn:
        conn.execute("DROP TRIGGER seals_no_delete")
        conn.execute("DELETE FROM seals WHERE lineup_id = ?", (lineup_id,))
        conn.execute("UPDATE lineups SET finished_at = NULL WHERE id = ?", (lineup_id,))


def test_verify_finds_a_removed_newest_seal_whose_lineup_was_reopened(
    store: Store, db_path: Path
) -> None:
    make_lineup(store, day=date(2025, 3, 3))
    lineup, _ = make_lineup(store, day=date(2025, 3, 4))
    printed = seal.seal_for_lineup(store, lineup.id)
    _remove_newest_seal_and_reopen(db_path, lineup.id)
    report = seal.verify(store.db.conn)
    assert not report.ok
    assert "newest seal was removed" in report.problems[-1].message
    expected = seal.verify(store.db.conn, expect=[printed])
    assert lineup.id in expected.bad_lineups
    message = next(p.message for p in expected.problems if printed[:8] in p.message)
    assert "no longer in the chain" in message and f"line-up {lineup.id} (" in message.lower()


def test_verify_expect_catches_a_rewritten_newest_seal(store: Store, db_path: Path) -> None:
    """The newest seal can be recomputed by someone with Inspector's code: only a copy of it
    kept outside the file (the sheet) shows the record changed."""
    make_lineup(store, day=date(2025, 3, 3))
    lineup, _ = make_lineup(store, day=date(2025, 3, 4))
    printed = seal.seal_for_lineup(store, lineup.id)
    with raw(db_path) as conn:
        conn.execute("DROP TRIGGER seals_no_update")
        conn.execute(
            "UPDATE marks SET note = '没有问题' WHERE note != '' AND "
            + IN_LINEUP.format(id=lineup.id)
        )
        newest = conn.execute("SELECT id, prev_hash FROM seals ORDER BY id DESC").fetchone()
        digest = seal.content_hash(conn, lineup.id)
        conn.execute(
            "UPDATE seals SET content_hash = ?, chain_hash = ? WHERE id = ?",
            (digest, seal.chain(newest[1], digest), newest[0]),
        )
    assert seal.verify(store.db.conn).ok  # what the file alone cannot show
    report = seal.verify(store.db.conn, expect=[printed])
    assert not report.ok
    assert "no longer in the chain" in report.problems[0].message


def test_verify_expect_accepts_a_seal_still_in_the_chain(store: Store) -> None:
    first, _ = make_lineup(store, day=date(2025, 3, 3))
    printed = seal.seal_for_lineup(store, first.id)
    make_lineup(store, day=date(2025, 3, 4))
    head = seal.verify(store.db.conn).head
    report = seal.verify(store.db.conn, expect=[f"Seal: {printed}", head, head[:12].upper()])
    assert report.ok
    assert [lineup for _, lineup in report.expected] == [first.id, first.id + 1, first.id + 1]


def test_verify_expect_after_an_amendment_checks_the_amended_record(
    store: Store, db_path: Path
) -> None:
    lineup, inspections = make_lineup(store)
    printed = seal.seal_for_lineup(store, lineup.id)
    store.amend_mark(inspections[0].id, "test.item-0", Result.PASS, reason="误判", changed_by="李")
    assert seal.verify(store.db.conn, expect=[printed]).ok  # amended through Inspector
    with raw(db_path) as conn:
        conn.execute("UPDATE lineups SET supervisor = '别人'")
    report = seal.verify(store.db.conn, expect=[printed])
    assert any(printed[:8] in p.message and "no longer match" in p.message for p in report.problems)


@pytest.mark.parametrize("value", ["", "xyz", "ab12", "ab12cd3g", "0" * 65])
def test_verify_expect_refuses_what_is_not_a_seal(store: Store, value: str) -> None:
    with pytest.raises(seal.BadExpectedSeal, match="is not a seal"):
        seal.verify(store.db.conn, expect=[value])


def test_verify_finds_a_lineup_sealed_again_without_a_change(store: Store, db_path: Path) -> None:
    """Editing a record and sealing it again with Inspector's own code, at the end of the
    chain, keeps the printed seal in the chain: the new seal has no change behind it."""
    lineup, _ = make_lineup(store)
    printed = seal.seal_for_lineup(store, lineup.id)
    with raw(db_path) as conn:
        conn.execute("UPDATE marks SET note = '没有问题' WHERE note != ''")
        seal.append_seal(conn, lineup.id)
    for report in (seal.verify(store.db.conn), seal.verify(store.db.conn, expect=[printed])):
        assert report.bad_lineups == [lineup.id]
        assert "again without a change" in report.problems[0].message
