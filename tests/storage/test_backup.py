"""Backups (online backup API, checked), daily rotation, restore that refuses bad files."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from inspector import paths
from inspector.storage import StorageError, Store
from inspector.storage import backup as backup_module
from inspector.storage.backup import (
    BackupError,
    backup_database,
    clean_stale_temporaries,
    daily_backup,
    daily_backups,
    daily_maintenance,
    refresh_statistics,
    restore_database,
)
from inspector.storage.instance_lock import DatabaseInUseError, acquire_app_lock
from inspector.storage.migrations import migrations
from inspector.storage.opening import open_database


def fill(store: Store, n: int = 20, prefix: str = "k") -> None:
    for i in range(n):
        store.set_setting(f"{prefix}{i}", f"值 {i} " + "x" * 200)


def settings_of(path: Path) -> dict[str, str]:
    with Store(path, read_only=True) as store:
        return store.settings()


def damaged_copy(source: Path, dest: Path) -> Path:
    """A copy whose header is fine but whose table pages are scribbled over."""
    data = bytearray(source.read_bytes())
    page = 4096
    for start in range(page * 2, len(data) - 200, page):
        data[start + 8 : start + 200] = os.urandom(192)
    dest.write_bytes(bytes(data))
    return dest


# -- backups ----------------------------------------------------------------------------------


def test_backup_of_an_open_store_is_a_checked_copy(store: Store, tmp_path: Path) -> None:
    fill(store)
    dest = backup_database(store, tmp_path / "out" / "copy.db")
    assert settings_of(dest) == store.settings()
    with sqlite3.connect(dest) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert sorted(p.name for p in dest.parent.iterdir()) == ["copy.db"]


def test_backup_while_another_connection_writes(db_path: Path, tmp_path: Path) -> None:
    with Store(db_path) as writer:
        fill(writer, 5)
        writer.db.conn.execute("BEGIN IMMEDIATE")
        writer.db.conn.execute("INSERT INTO settings VALUES ('uncommitted', 'x')")
        dest = backup_database(db_path, tmp_path / "copy.db")  # a path: its own connection
        writer.db.conn.execute("COMMIT")
    copied = settings_of(dest)
    assert "k4" in copied and "uncommitted" not in copied  # consistent: committed data only


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_backups_are_private(store: Store) -> None:
    fill(store, 2)
    dest = daily_backup(store.path, keep=3)
    assert dest is not None
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert stat.S_IMODE(dest.parent.stat().st_mode) == 0o700


def test_daily_backup_once_a_day_keeping_the_last_n(store: Store) -> None:
    fill(store, 3)
    start = date(2025, 1, 1)
    made = [daily_backup(store.path, keep=3, today=start + timedelta(days=d)) for d in range(5)]
    assert all(p is not None for p in made)
    assert daily_backup(store.path, keep=3, today=start + timedelta(days=4)) is None
    kept = daily_backups(store.path)
    assert [p.name for p in kept] == [
        f"inspector-{start + timedelta(days=d)}.db" for d in (4, 3, 2)
    ]
    assert kept[0].parent == paths.backups_dir(store.path)
    assert settings_of(kept[0]) == store.settings()


@pytest.mark.parametrize(("value", "kept"), [("2", 2), ("not a number", 14), ("0", 1)])
def test_daily_backup_reads_backup_keep(store: Store, value: str, kept: int) -> None:
    store.set_setting("backup_keep", value)
    for d in range(16):
        daily_backup(store.path, today=date(2025, 1, 1) + timedelta(days=d))
    assert len(daily_backups(store.path)) == kept


def test_daily_maintenance_says_what_failed_and_goes_on(store: Store, db_path: Path) -> None:
    fill(store, 2)
    assert daily_maintenance(store) == []
    assert len(daily_backups(db_path)) == 1
    assert store.get_setting("photos_purged_on") == date.today().isoformat()
    folder = paths.backups_dir(db_path)
    for old in folder.iterdir():
        old.unlink()
    folder.rmdir()
    folder.write_text("a file where the backups folder should be")
    problems = daily_maintenance(store)
    assert len(problems) == 1
    assert isinstance(problems[0], StorageError) and str(db_path) in str(problems[0])


def test_planner_statistics_are_kept_roughly_current(store: Store) -> None:
    def has_stats() -> bool:
        return "sqlite_stat1" in store.db.table_names()

    assert refresh_statistics(store) and has_stats()
    assert not refresh_statistics(store)  # nothing grew
    store.set_setting("statistics_at_inspections", "garbage")
    assert not refresh_statistics(store)  # fine while the data is small
    store.db.conn.execute("DROP TABLE sqlite_stat1")
    assert refresh_statistics(store) and has_stats()


def test_daily_backup_without_a_database_does_nothing(tmp_path: Path) -> None:
    assert daily_backup(tmp_path / "missing.db") is None
    assert not paths.backups_dir(tmp_path / "missing.db").exists()


def test_a_damaged_database_gives_no_backup_that_looks_good(db_path: Path, tmp_path: Path) -> None:
    with Store(db_path) as store:
        fill(store, 200)
    bad = damaged_copy(db_path, tmp_path / "bad.db")
    with pytest.raises(StorageError) as caught:
        daily_backup(bad, keep=3, today=date(2025, 1, 1))
    assert str(bad) in str(caught.value)
    assert daily_backups(bad) == []
    folder = paths.backups_dir(bad)
    assert not folder.exists() or not list(folder.iterdir())


def test_the_store_backs_up_before_a_migration(db_path: Path) -> None:
    with Store(db_path, migrate=False) as old:
        migrations.apply(old.db, stop_before="m002_seals")
        old.set_setting("before", "migration")
    with open_database(db_path) as store:
        assert "seals" in store.db.table_names()
    found = list(paths.backups_dir(db_path).glob("inspector-before-m002_seals-*.db"))
    assert len(found) == 1
    with sqlite3.connect(found[0]) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert conn.execute("SELECT value FROM settings").fetchone()[0] == "migration"
    conn.close()
    assert "seals" not in names  # the copy is of the database as it was


def test_no_migration_without_its_backup(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(db_path, migrate=False) as old:
        migrations.apply(old.db, stop_before="m002_seals")
    import inspector.storage.backup as backup

    def fail(*args, **kwargs):
        raise BackupError(db_path, f"cannot back up {db_path}: the disk is full")

    monkeypatch.setattr(backup, "backup_before_migration", fail)
    with pytest.raises(BackupError):
        open_database(db_path)
    monkeypatch.undo()
    with Store(db_path, migrate=False) as store:
        assert "seals" not in store.db.table_names()


def test_a_new_database_needs_no_backup(db_path: Path) -> None:
    open_database(db_path).close()
    assert not paths.backups_dir(db_path).exists()


# -- restore ----------------------------------------------------------------------------------


def test_restore_puts_the_backup_in_place_and_keeps_the_current_aside(
    db_path: Path, tmp_path: Path
) -> None:
    with Store(db_path) as store:
        fill(store, 3, "old")
        backup = backup_database(store, tmp_path / "good.db")
        fill(store, 3, "new")
        current = store.settings()
    aside = restore_database(backup, db_path)
    assert aside is not None and aside.name.startswith("inspector.db.before-restore-")
    assert set(settings_of(db_path)) == {"old0", "old1", "old2"}
    assert settings_of(aside) == current
    with Store(db_path) as store:
        assert store.integrity_check() == "ok"


def _not_sqlite(tmp_path: Path, db_path: Path) -> Path:
    path = tmp_path / "holiday.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0 a photo, not a database" * 100)
    return path


def _damaged(tmp_path: Path, db_path: Path) -> Path:
    with Store(tmp_path / "src.db") as store:
        fill(store, 200)
    return damaged_copy(tmp_path / "src.db", tmp_path / "damaged.db")


def _other_sqlite(tmp_path: Path, db_path: Path) -> Path:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    conn.close()
    return path


def _newer(tmp_path: Path, db_path: Path) -> Path:
    path = tmp_path / "newer.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('inspector', 'm077_from_the_future', '2031-01-01')"
        )
    conn.close()
    return path


def _missing(tmp_path: Path, db_path: Path) -> Path:
    return tmp_path / "nowhere.db"


def _itself(tmp_path: Path, db_path: Path) -> Path:
    return db_path


BAD_BACKUPS = {
    "not sqlite": (_not_sqlite, "not an SQLite database"),
    "damaged": (_damaged, "integrity check"),
    "not inspector": (_other_sqlite, "not an Inspector database"),
    "newer version": (_newer, "newer version"),
    "missing": (_missing, "does not exist"),
    "the database itself": (_itself, "the database itself"),
}


@pytest.mark.parametrize(("make", "reason"), BAD_BACKUPS.values(), ids=BAD_BACKUPS.keys())
def test_restore_refuses_a_bad_file_naming_the_reason(
    db_path: Path, tmp_path: Path, make, reason: str
) -> None:
    with Store(db_path) as store:
        fill(store, 3)
    before = db_path.read_bytes()
    bad = make(tmp_path, db_path)
    with pytest.raises(BackupError) as caught:
        restore_database(bad, db_path)
    assert reason in str(caught.value)
    assert str(bad) in str(caught.value)
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("*.before-restore-*"))
    assert not list(db_path.parent.glob(".*restoring*"))


def test_restore_refuses_while_the_app_has_the_database(db_path: Path, tmp_path: Path) -> None:
    with Store(db_path) as store:
        backup = backup_database(store, tmp_path / "good.db")
    with acquire_app_lock(db_path), pytest.raises(DatabaseInUseError):
        restore_database(backup, db_path)


def test_restore_of_an_older_backup_brings_it_up_to_date(db_path: Path, tmp_path: Path) -> None:
    old = tmp_path / "old-version.db"
    with Store(old, migrate=False) as store:
        migrations.apply(store.db, stop_before="m002_seals")
        store.set_setting("from", "old version")
    Store(db_path).close()
    restore_database(old, db_path)
    with Store(db_path) as store:
        assert store.pending_migrations() == []
        assert store.get_setting("from") == "old version"


def test_restore_into_a_new_place(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as store:
        fill(store, 2)
    target = tmp_path / "elsewhere" / "inspector.db"
    assert restore_database(tmp_path / "a.db", target) is None
    assert "k1" in settings_of(target)


def test_restore_keeps_a_damaged_current_database_aside(db_path: Path, tmp_path: Path) -> None:
    with Store(tmp_path / "good.db") as store:
        fill(store, 2)
    with Store(tmp_path / "src.db") as store:
        fill(store, 200)
    damaged_copy(tmp_path / "src.db", db_path)
    damaged_bytes = db_path.read_bytes()
    aside = restore_database(tmp_path / "good.db", db_path)
    assert aside is not None and aside.read_bytes() == damaged_bytes
    assert "k1" in settings_of(db_path)


# -- a restore is one atomic switch -----------------------------------------------------------


class Killed(BaseException):
    """Stands for the process dying at that point (nothing after it runs)."""


def _kill_at_the_switch(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> None:
    """Die just before anything is moved over (or away from) the live database file."""
    real_replace = os.replace

    def replace(src, dst) -> None:
        if Path(src) == db_path or Path(dst) == db_path:
            raise Killed
        real_replace(src, dst)

    monkeypatch.setattr(backup_module.os, "replace", replace)


def test_a_restore_killed_before_the_switch_leaves_the_database_in_place(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(db_path) as store:
        fill(store, 3, "old")
        backup = backup_database(store, tmp_path / "good.db")
        fill(store, 3, "new")
        current = store.settings()
    _kill_at_the_switch(monkeypatch, db_path)
    with pytest.raises(Killed):
        restore_database(backup, db_path)
    monkeypatch.undo()
    assert db_path.is_file()
    assert settings_of(db_path) == current
    # The dated copy was already kept (a second name of the same file, or a copy).
    kept = list(db_path.parent.glob("inspector.db.before-restore-*"))
    assert len(kept) == 1 and settings_of(kept[0]) == current


def test_a_restore_switches_with_one_replace_over_the_live_file(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(db_path) as store:
        fill(store, 3, "old")
        backup = backup_database(store, tmp_path / "good.db")
    calls: list[tuple[str, str]] = []
    real_replace = os.replace

    def replace(src, dst) -> None:
        calls.append((Path(src).name, Path(dst).name))
        real_replace(src, dst)

    monkeypatch.setattr(backup_module.os, "replace", replace)
    restore_database(backup, db_path)
    monkeypatch.undo()
    touching_db = [c for c in calls if db_path.name in c]
    assert len(touching_db) == 1 and touching_db[0][1] == db_path.name


def _crashed_with_a_wal(db_path: Path, key: str) -> None:
    """Leave ``db_path`` as a crash leaves it: the last commits only in its -wal."""
    wal = db_path.with_name(db_path.name + "-wal")
    with Store(db_path) as store:
        fill(store, 2, "base")
        store.db.conn.execute("PRAGMA wal_autocheckpoint = 0")
        store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.set_setting(key, "only in the WAL")
        main, log = db_path.read_bytes(), wal.read_bytes()
    db_path.write_bytes(main)
    wal.write_bytes(log)


def test_the_old_wal_is_not_applied_to_the_restored_database(db_path: Path, tmp_path: Path) -> None:
    with Store(tmp_path / "backup-source.db") as store:
        fill(store, 2, "restored")
        backup = backup_database(store, tmp_path / "good.db")
    _crashed_with_a_wal(db_path, "in-wal")
    aside = restore_database(backup, db_path)
    assert not db_path.with_name("inspector.db-wal").exists()
    assert set(settings_of(db_path)) == {"restored0", "restored1"}
    with Store(db_path) as store:
        assert store.integrity_check() == "ok"
    assert aside is not None and settings_of(aside)["in-wal"] == "only in the WAL"


# -- backups do not touch the user's folder and leave nothing behind when killed --------------


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("folder_mode", [0o1777, 0o755])
def test_backup_out_leaves_the_chosen_folders_permissions(
    store: Store, tmp_path: Path, folder_mode: int
) -> None:
    fill(store, 2)
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, folder_mode)
    dest = backup_database(store, shared / "x.db")
    assert stat.S_IMODE(shared.stat().st_mode) == folder_mode
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600


PAUSED_BACKUP = """
import sqlite3, sys, types
from pathlib import Path
from inspector.storage.backup import backup_database

class Pausing(sqlite3.Connection):
    def backup(self, target, **kwargs):
        super().backup(target, **kwargs)
        print("copied", flush=True)
        sys.stdin.readline()  # killed here, the copy written and not yet moved in place

db = Path(sys.argv[1])
conn = sqlite3.connect(str(db), factory=Pausing)
source = types.SimpleNamespace(db=types.SimpleNamespace(conn=conn), path=db)
backup_database(source, Path(sys.argv[2]))
"""


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and signals")
@pytest.mark.parametrize("where", ["backups folder", "another folder"])
def test_a_killed_backup_is_private_and_cleaned_up_at_the_next_start(
    db_path: Path, tmp_path: Path, where: str
) -> None:
    with Store(db_path) as store:
        fill(store, 200)
    dest_folder = paths.backups_dir(db_path) if where == "backups folder" else tmp_path / "out"
    dest_folder.mkdir(parents=True, exist_ok=True)
    before = set(dest_folder.iterdir())
    previous = os.umask(0o022)
    try:
        child = subprocess.Popen(
            [sys.executable, "-c", PAUSED_BACKUP, str(db_path), str(dest_folder / "x.db")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
    finally:
        os.umask(previous)
    try:
        assert child.stdout.readline().strip() == "copied"
        temporaries = sorted(set(dest_folder.iterdir()) - before)
        assert temporaries, "the copy is written beside its destination"
        for temp in temporaries:
            assert stat.S_IMODE(temp.stat().st_mode) == 0o600, temp.name
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        child.stdin.close()
    assert not (dest_folder / "x.db").exists()
    removed = clean_stale_temporaries(db_path)
    assert set(temporaries) <= set(removed)
    assert set(dest_folder.iterdir()) == before
    assert not [p for p in paths.backups_dir(db_path).iterdir() if p.name.startswith(".")]


def test_cleaning_leaves_a_live_copy_and_the_users_files_alone(store: Store, db_path: Path) -> None:
    fill(store, 2)
    live = backup_module.temporary_path(db_path)  # this process: still writing
    live.write_bytes(b"in progress")
    mine = db_path.with_name(".notes.txt")
    mine.write_text("not Inspector's")
    assert clean_stale_temporaries(db_path) == []
    assert live.exists() and mine.exists() and db_path.exists()


# -- a database is its file plus its -wal: checkpoints -----------------------------------------


def only_the_file(db_path: Path, tmp_path: Path) -> Path:
    """What copying just the ``.db`` (not its ``-wal``) would give."""
    copy = tmp_path / "file-only.db"
    copy.write_bytes(db_path.read_bytes())
    return copy


def test_a_clean_close_leaves_everything_in_the_file(db_path: Path, tmp_path: Path) -> None:
    with Store(db_path) as other:  # the app's second connection (a worker) stays open
        with Store(db_path) as store:
            fill(store, 5, "closed")
        assert "closed4" in settings_of(only_the_file(db_path, tmp_path))
        assert other.get_setting("closed4")


def test_finishing_a_lineup_puts_it_in_the_file(db_path: Path, tmp_path: Path) -> None:
    from helpers.factories import finished_lineup
    from helpers.reports_data import EMPLOYEES, SETS

    from inspector.storage.seal import verify

    with Store(db_path) as other, Store(db_path) as store:
        lineup_id = finished_lineup(
            store, SETS, EMPLOYEES[:2], day=date(2025, 3, 3), department="前厅", supervisor="王"
        )
        with Store(only_the_file(db_path, tmp_path), read_only=True) as copy:
            assert copy.get_lineup(lineup_id).finished_at is not None
            report = verify(copy.db.conn)
            assert report.ok and report.lineups == 1
        assert other.get_lineup(lineup_id).finished_at is not None


def test_closing_twice_is_harmless(db_path: Path) -> None:
    store = Store(db_path)
    store.close()
    store.close()


def test_a_checkpoint_does_not_wait_for_a_report_being_read(db_path: Path) -> None:
    """A reader holding an older snapshot (a report being built) keeps the WAL: the checkpoint
    says so and returns, nothing is lost, and the next one empties it."""
    with Store(db_path) as store, Store(db_path, read_only=True) as reader:
        reader.db.conn.execute("BEGIN")
        reader.db.conn.execute("SELECT count(*) FROM settings").fetchone()
        store.set_setting("during", "the report")
        assert store.checkpoint() is False
        reader.db.conn.execute("COMMIT")
        assert store.checkpoint() is True
        assert store.get_setting("during") == "the report"
