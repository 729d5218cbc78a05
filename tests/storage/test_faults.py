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
    from inspector.storage.opening import open_database

    with open_database(path, read_only=True) as store:
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


# -- classification by SQLite result code -----------------------------------------------------


def test_an_error_is_classified_by_its_code_not_its_words(db_path: Path) -> None:
    """ "no such table: locked" is a bug (SQLITE_ERROR), not a locked database."""
    from inspector.storage.errors import DatabaseLockedError

    with Store(db_path) as store, pytest.raises(sqlite3.OperationalError) as caught:
        store._query("SELECT * FROM locked")
    assert not isinstance(caught.value, DatabaseLockedError)
    assert caught.value.sqlite_errorname == "SQLITE_ERROR"


def test_a_disk_io_error_is_not_called_a_full_disk(db_path: Path) -> None:
    from inspector.storage.errors import DiskFailingError, translate

    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorcode = 266  # SQLITE_IOERR_READ
    error.sqlite_errorname = "SQLITE_IOERR_READ"
    translated = translate(error, db_path)
    assert isinstance(translated, DiskFailingError)
    assert "full" not in str(translated)
    assert "SQLITE_IOERR_READ" in str(translated)
    assert_shown_as_message(translated, db_path)


def test_every_error_a_user_can_act_on_is_a_user_error() -> None:
    from inspector.cli import CommandError
    from inspector.domain.errors import UserError
    from inspector.files.checklists import ChecklistError
    from inspector.files.roster import RosterFileError
    from inspector.reports.fonts import ReportFontError
    from inspector.services.demo import DemoRefused
    from inspector.services.roster_import import NoGoodRows, RosterHasBadRows
    from inspector.storage.backup import BackupError
    from inspector.storage.errors import LineupClosedError, NotFoundError
    from inspector.storage.instance_lock import DatabaseInUseError
    from inspector.storage.photos import PhotoError

    for kind in (
        StorageError, DiskFullError, NewerDatabaseError, NotADatabaseError,
        ReadOnlyDatabaseError, LineupClosedError, NotFoundError, ChecklistError,
        RosterFileError, ReportFontError, CommandError, DemoRefused, BackupError,
        DatabaseInUseError, PhotoError, RosterHasBadRows, NoGoodRows,
    ):  # fmt: skip
        assert issubclass(kind, UserError), kind


# -- opening: what must not be opened ---------------------------------------------------------


def test_a_folder_in_place_of_the_database_is_called_a_folder(tmp_path: Path) -> None:
    from inspector.storage.opening import open_database

    path = tmp_path / "folder.db"
    path.mkdir()
    for read_only in (False, True):
        with pytest.raises(StorageError) as caught:
            open_database(path, read_only=read_only)
        assert "is a folder" in str(caught.value)
        assert "full" not in str(caught.value)
        assert_shown_as_message(caught.value, path)


def test_an_empty_file_is_named_when_reading(tmp_path: Path) -> None:
    from inspector.storage.opening import open_database

    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    with pytest.raises(NotADatabaseError) as caught:
        open_database(path, read_only=True)
    assert "empty file (0 bytes)" in str(caught.value)
    assert_shown_as_message(caught.value, path)
    assert path.read_bytes() == b""


@pytest.mark.parametrize("empty", [False, True], ids=["missing", "empty"])
def test_no_new_database_where_a_restore_was_interrupted(tmp_path: Path, empty: bool) -> None:
    """D1: killed between the two renames of a restore, the next start must not silently
    begin an empty database; it says where the records are."""
    from inspector.storage.errors import MissingDatabaseError
    from inspector.storage.opening import open_database

    path = tmp_path / "inspector.db"
    saved_database(path)
    aside = path.with_name(f"{path.name}.before-restore-20250506-101500")
    path.rename(aside)
    if empty:
        path.write_bytes(b"")
    for read_only in (False, True):
        with pytest.raises(MissingDatabaseError) as caught:
            open_database(path, read_only=read_only)
        message = str(caught.value)
        assert str(aside) in message and "inspector restore" in message
        assert_shown_as_message(caught.value, path)
    assert path.exists() == empty and (not empty or path.stat().st_size == 0)


def test_somebody_elses_sqlite_file_is_left_alone(tmp_path: Path) -> None:
    from inspector.storage.opening import open_database

    path = tmp_path / "contacts.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    before = path.read_bytes()
    for read_only in (False, True):
        with pytest.raises(NotADatabaseError) as caught:
            open_database(path, read_only=read_only)
        assert "not an Inspector database" in str(caught.value)
    assert path.read_bytes() == before


def test_messages_name_the_users_file_not_a_temporary_copy(tmp_path: Path) -> None:
    temp = tmp_path / ".inspector-1234.building.db"
    shown = tmp_path / "inspector.db"
    temp.write_bytes(b"not a database at all, just some text\n" * 200)
    with pytest.raises(NotADatabaseError) as caught:
        Store(temp, shown_as=shown)
    assert str(shown) in str(caught.value) and temp.name not in str(caught.value)


# -- read-only media --------------------------------------------------------------------------


@pytest.fixture
def read_only_media(tmp_path: Path):
    """A real read-only file system (a tmpfs remounted read-only); skipped where mounting is
    not allowed. Yields a function that turns the medium read-only."""
    import shutil
    import subprocess

    media = tmp_path / "media"
    media.mkdir()
    mount = shutil.which("mount")
    if mount is None or os.geteuid() != 0:
        pytest.skip("needs root to mount a read-only file system")
    if subprocess.run([mount, "-t", "tmpfs", "tmpfs", str(media)], capture_output=True).returncode:
        pytest.skip("mounting is not allowed here")

    def make_read_only() -> None:
        subprocess.run([mount, "-o", "remount,ro", str(media)], check=True)

    try:
        yield media, make_read_only
    finally:
        subprocess.run(["umount", str(media)], check=False)


def test_a_database_on_read_only_media_can_be_read(read_only_media, capsys) -> None:
    """D10: verify, lineup list, roster list and reports work; a write says read-only."""
    from inspector.cli import main

    media, make_read_only = read_only_media
    path = media / "inspector.db"
    saved = saved_database(path)
    with Store(path) as store:
        lineup = store.list_lineups()[0]
        store.finish_lineup(lineup.id)
    make_read_only()
    assert not os.access(media, os.W_OK)
    for argv in (["verify"], ["lineup", "list"], ["roster", "list"]):
        assert main([*argv, "--db", str(path)]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "every record matches its seal" in out and "员工1" in out and "总店" in out
    pdf = media.parent / "sheet.pdf"
    assert main(["report", "lineup", str(lineup.id), "--db", str(path), "--out", str(pdf)]) == 0
    assert pdf.stat().st_size > 0
    capsys.readouterr()
    # D7: --out on the read-only file system is one line naming --out, before any work.
    on_media = media / "sheet.pdf"
    assert (
        main(["report", "lineup", str(lineup.id), "--db", str(path), "--out", str(on_media)]) == 2
    )
    err = capsys.readouterr().err
    assert f"argument --out: cannot write in {media} (Read-only file system)" in err
    assert main(["roster", "import", str(pdf), "--db", str(path)]) == 2
    assert main(["photos", "purge", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "read-only" in err
    assert sorted(os.listdir(media)) == ["inspector.db"]
    assert_all_there(path, saved)
