"""Faults of the environment: each gets a clear message naming the file, and nothing saved is lost.

Read-only file, a file that is not a database, a truncated database, a database written by a
newer version, a full disk. Each test goes through the real Store, and checks that the GUI's
one error path would show a message (not the crash dialog).
"""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest
from helpers.factories import make_roster, make_set

from inspector.domain.lineup import Result
from inspector.domain.people import Sex
from inspector.storage import StorageError, Store
from inspector.storage.errors import (
    DiskFullError,
    NewerDatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
)

SET = make_set("fault", 40)


def saved_database(path: Path, marks: int = 5) -> dict[tuple[int, str], str]:
    """A database with an open line-up and some marks; returns (inspection, item) -> note."""
    saved = {}
    with Store(path) as store:
        employees = [
            store.save_employee(person)
            for person in make_roster("F", 3, department="厨房", role="cook", sex=Sex.MALE)
        ]
        lineup = store.start_lineup(
            day=date(2025, 5, 6),
            shift="早班",
            site="总店",
            department="厨房",
            supervisor="张",
            sets=[SET],
            employees=employees,
        )
        inspection = store.inspections_for(lineup.id)[0]
        for n in range(marks):
            item = f"fault.item-{n}"
            store.set_mark(inspection.id, item, Result.FAIL, note=f"记录 {n}")
            saved[(inspection.id, item)] = f"记录 {n}"
    return saved


def assert_all_there(path: Path, saved: dict[tuple[int, str], str]) -> None:
    with Store(path, read_only=True) as store:
        assert store.integrity_check() == "ok"
        for (inspection_id, item_id), note in saved.items():
            marks = {m.item_id: m for m in store.marks_for(inspection_id)}
            assert marks[item_id].note == note
            assert marks[item_id].result is Result.FAIL


def assert_shown_as_message(exc: BaseException, path: Path) -> None:
    """Names the file, and the GUI's one error path shows it as a message, not a crash."""
    assert isinstance(exc, StorageError)
    assert str(path) in str(exc)
    from inspector.gui.errors import user_message

    assert user_message(exc) == str(exc)


# -- read-only --------------------------------------------------------------------------------


def test_a_read_only_store_reads_and_refuses_writes_clearly(db_path: Path) -> None:
    saved = saved_database(db_path)
    with Store(db_path, read_only=True) as store:
        assert store.employee_count() == 3
        (inspection_id, item_id), _ = next(iter(saved.items()))
        with pytest.raises(ReadOnlyDatabaseError) as caught:
            store.set_mark(inspection_id, item_id, Result.PASS)
        assert "read-only" in str(caught.value)
        assert_shown_as_message(caught.value, db_path)
    assert_all_there(db_path, saved)


def test_a_file_without_write_permission_is_refused_at_open(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The os.access check: say so when opening, not at the first mark (works as root too)."""
    saved = saved_database(db_path)
    real_access = os.access

    def no_write(path, mode, *args, **kwargs):
        if Path(path) == db_path and mode & os.W_OK:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", no_write)
    with pytest.raises(ReadOnlyDatabaseError) as caught:
        Store(db_path)
    assert_shown_as_message(caught.value, db_path)
    monkeypatch.undo()
    assert_all_there(db_path, saved)


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="root ignores file permissions; the os.access and read_only tests cover this",
)
def test_a_chmod_read_only_file(db_path: Path) -> None:
    saved = saved_database(db_path)
    db_path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        with pytest.raises(ReadOnlyDatabaseError) as caught:
            Store(db_path)
        assert_shown_as_message(caught.value, db_path)
        with Store(db_path, read_only=True) as store:
            assert store.employee_count() == 3
    finally:
        db_path.chmod(0o644)
    assert_all_there(db_path, saved)


# -- not a database ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"not a database at all, just some text\n" * 200,
        bytes(range(256)) * 64,
        b"SQLite format 3\x00" + b"\xff" * 4000,  # a damaged header
    ],
    ids=["text", "binary", "bad-header"],
)
def test_a_file_that_is_not_a_database(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(NotADatabaseError) as caught:
        Store(path)
    assert "restore" in str(caught.value).lower()
    assert_shown_as_message(caught.value, path)
    assert path.read_bytes() == content  # the file is left as it was


@pytest.mark.parametrize("fraction", [0.25, 0.5, 0.9])
def test_a_truncated_database(db_path: Path, tmp_path: Path, fraction: float) -> None:
    saved_database(db_path, marks=30)
    data = db_path.read_bytes()
    cut = tmp_path / "cut.db"
    cut.write_bytes(data[: int(len(data) * fraction) // 4096 * 4096 or 4096])
    with pytest.raises(NotADatabaseError) as caught, Store(cut) as store:
        for table in ("employees", "lineups", "inspections", "marks"):
            store._query(f"SELECT * FROM {table}")
    assert_shown_as_message(caught.value, cut)
    assert db_path.read_bytes() == data  # the original is untouched


def test_a_directory_in_place_of_the_database(tmp_path: Path) -> None:
    path = tmp_path / "folder.db"
    path.mkdir()
    with pytest.raises(StorageError) as caught:
        Store(path)
    assert_shown_as_message(caught.value, path)


# -- newer version ----------------------------------------------------------------------------


def _add_migration_row(path: Path, name: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('inspector', ?, '2030-01-01')",
            (name,),
        )
    conn.close()


def test_a_database_written_by_a_newer_version(db_path: Path) -> None:
    saved = saved_database(db_path)
    _add_migration_row(db_path, "m099_future_feature")
    before = db_path.read_bytes()
    with pytest.raises(NewerDatabaseError) as caught:
        Store(db_path)
    assert "m099_future_feature" in str(caught.value)
    assert "newer version" in str(caught.value)
    assert_shown_as_message(caught.value, db_path)
    with pytest.raises(NewerDatabaseError):
        Store(db_path, read_only=True)
    assert db_path.read_bytes() == before
    with sqlite3.connect(db_path) as conn:
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm099_future_feature'")
    conn.close()
    assert_all_there(db_path, saved)


def test_no_migration_runs_on_a_newer_database(db_path: Path) -> None:
    """A newer database that lacks one of our migrations: refuse, do not apply ours on top."""
    from inspector.storage.migrations import migrations

    with Store(db_path, migrate=False) as old:
        migrations.apply(old.db, stop_before="m002_seals")
    _add_migration_row(db_path, "m099_future_feature")
    with pytest.raises(NewerDatabaseError):
        Store(db_path)
    with sqlite3.connect(db_path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert "seals" not in tables


# -- full disk --------------------------------------------------------------------------------


def test_a_full_disk_loses_nothing_saved(db_path: Path) -> None:
    saved = saved_database(db_path, marks=3)
    (inspection_id, _), _ = next(iter(saved.items()))
    with Store(db_path) as store:
        pages = store.db.conn.execute("PRAGMA page_count").fetchone()[0]
        store.db.conn.execute(f"PRAGMA max_page_count = {pages + 1}")
        with pytest.raises(DiskFullError) as caught:
            for n in range(3, 40):
                item = f"fault.item-{n}"
                store.set_mark(inspection_id, item, Result.FAIL, note="很长的备注" * 400)
                saved[(inspection_id, item)] = "很长的备注" * 400
        assert "full" in str(caught.value)
        assert_shown_as_message(caught.value, db_path)
        # The store is still usable once space is freed.
        store.db.conn.execute("PRAGMA max_page_count = 1073741823")
        store.set_mark(inspection_id, "fault.item-39", Result.FAIL, note="空间已释放")
        saved[(inspection_id, "fault.item-39")] = "空间已释放"
    assert_all_there(db_path, saved)
