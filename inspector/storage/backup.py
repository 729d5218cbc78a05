"""Backups and restore, with SQLite's online backup API.

A backup is a consistent copy taken while the app may be writing (``sqlite3.Connection.backup``),
written to a temporary file, checked with ``PRAGMA integrity_check`` and only then moved into
place, so a backup that exists is a good one. Backups hold personal data: the folder is private
to the user (0o700) and the files 0o600.

- :func:`daily_backup`: on the first start of a day, keeping the last ``backup_keep`` (default 14).
- :func:`backup_before_migration`: the store takes one before it changes the schema.
- :func:`restore_database`: refuses a file that is not SQLite, fails its integrity check, is not
  an Inspector database or was written by a newer version; keeps the current database aside as
  ``<db>.before-restore-<timestamp>``.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.paths import backups_dir
from inspector.storage.errors import StorageError, translated

if TYPE_CHECKING:
    from inspector.storage.store import Store

DEFAULT_KEEP = 14
KEEP_SETTING = "backup_keep"
PURGED_ON_SETTING = "photos_purged_on"
ANALYZED_AT_SETTING = "statistics_at_inspections"
SQLITE_HEADER = b"SQLite format 3\x00"


class BackupError(StorageError):
    """A backup could not be made, or a file offered for restore is not a usable backup."""


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _private_dir(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(folder, 0o700)
    return folder


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _open_source(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise BackupError(path, f"{path} does not exist or is not a file.")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        with translated(path):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def _copy(source: sqlite3.Connection, source_path: Path, dest: Path, check: str) -> str:
    """Copy with the online backup API into ``dest`` (a new file); returns what ``check`` says."""
    _remove(dest)
    with translated(source_path):
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()
    out = sqlite3.connect(str(dest))
    try:
        with translated(dest):
            source.backup(out)
            # A copy of a WAL database is in WAL mode too; a backup is one self-contained file.
            out.execute("PRAGMA journal_mode = DELETE").fetchone()
            result = out.execute(f"PRAGMA {check}").fetchall()
    except BaseException:
        out.close()
        _remove(dest)
        raise
    out.close()
    return "\n".join(str(row[0]) for row in result)


def backup_database(
    source: Store | Path | str, dest: Path | str, *, check: str = "integrity_check"
) -> Path:
    """A checked, consistent copy of a database (a :class:`Store` or a path) at ``dest``.

    ``check`` is ``integrity_check`` (everything) or ``quick_check`` (the same without
    comparing indexes with their tables: about four times faster on a large file).
    """
    if check not in ("integrity_check", "quick_check"):
        raise ValueError(f"unknown check {check!r}")
    if isinstance(source, (str, Path)):
        source_path = Path(source)
        conn = _open_source(source_path)
        try:
            return _backup(conn, source_path, Path(dest), check)
        finally:
            conn.close()
    return _backup(source.db.conn, source.path, Path(dest), check)


def _backup(conn: sqlite3.Connection, source_path: Path, dest: Path, check: str) -> Path:
    _private_dir(dest.parent)
    partial = dest.with_name(f"{dest.name}.{os.getpid()}.partial")
    result = _copy(conn, source_path, partial, check)
    if result != "ok":
        _remove(partial)
        raise BackupError(
            source_path,
            f"The backup of {source_path} failed its integrity check ({result.splitlines()[0]}): "
            "the database may be damaged. Restore an earlier backup from "
            f"{backups_dir(source_path)}.",
        )
    with contextlib.suppress(OSError):
        os.chmod(partial, 0o600)
    _fsync_file(partial)
    os.replace(partial, dest)
    _fsync_dir(dest.parent)
    return dest


def backup_before_migration(store: Store, pending: list[str]) -> Path:
    """The copy the store takes before changing the schema of an existing database.

    It runs while the app starts, so it is checked with ``quick_check`` (a 600 MB database: 14 s
    instead of 46 s with ``integrity_check``).
    """
    first = pending[0] if pending else "migration"
    dest = backups_dir(store.path) / f"{store.path.stem}-before-{first}-{_stamp()}.db"
    return backup_database(store, dest, check="quick_check")


def manual_backup_path(db_path: Path | str) -> Path:
    db_path = Path(db_path)
    return backups_dir(db_path) / f"{db_path.stem}-manual-{_stamp()}.db"


# -- daily backups ----------------------------------------------------------------------------


def _keep_from(value: object) -> int:
    try:
        keep = int(str(value).strip())
    except ValueError:
        return DEFAULT_KEEP
    return max(1, keep)


def _keep_setting(conn: sqlite3.Connection) -> int:
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (KEEP_SETTING,)).fetchone()
    except sqlite3.Error:
        return DEFAULT_KEEP
    return _keep_from(row[0]) if row else DEFAULT_KEEP


def _daily_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}-(\d{{4}}-\d{{2}}-\d{{2}})\.db$")


def daily_backups(db_path: Path | str) -> list[Path]:
    """The daily backups of a database, newest first."""
    db_path = Path(db_path)
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    pattern = _daily_pattern(db_path.stem)
    found = [p for p in folder.iterdir() if pattern.match(p.name)]
    return sorted(found, key=lambda p: p.name, reverse=True)


def daily_backup(
    db_path: Path | str, keep: int | None = None, *, today: date | None = None
) -> Path | None:
    """Back up on the first start of a day; keep the newest ``keep`` daily backups.

    ``keep`` None reads the ``backup_keep`` setting (default 14). Returns the new backup, or
    None when today's exists already or there is no database yet. Raises a StorageError (the
    caller shows it and carries on: a failed backup must not stop a line-up).
    """
    db_path = Path(db_path)
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None
    day = (today or date.today()).isoformat()
    dest = backups_dir(db_path) / f"{db_path.stem}-{day}.db"
    if dest.exists():
        return None
    conn = _open_source(db_path)
    try:
        if keep is None:
            keep = _keep_setting(conn)
        _backup(conn, db_path, dest, "integrity_check")
    finally:
        conn.close()
    for old in daily_backups(db_path)[max(1, keep) :]:
        _remove(old)
    # A copy cut short (the app closed, the laptop slept for good) leaves a partial file.
    for stale in dest.parent.glob("*.partial"):
        with contextlib.suppress(OSError):
            if stale.stat().st_mtime < time.time() - 86400:
                stale.unlink()
    return dest


# -- restore ----------------------------------------------------------------------------------


def _applied_migrations(conn: sqlite3.Connection) -> list[str] | None:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    if not exists:
        return None
    rows = conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = 'inspector' ORDER BY rowid"
    ).fetchall()
    return [r[0] for r in rows] if rows else None


def check_backup_file(src: Path | str) -> None:
    """Raise :class:`BackupError` naming the reason if ``src`` is not a usable Inspector backup."""
    src = Path(src)
    _checked_copy(src, None)


def _checked_copy(src: Path, dest: Path | None) -> None:
    from inspector.storage.migrations import migrations

    if not src.is_file():
        raise BackupError(src, f"{src} does not exist or is not a file.")
    with open(src, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise BackupError(
            src, f"{src} is not an SQLite database, so it cannot be an Inspector backup."
        )
    try:
        conn = sqlite3.connect(f"file:{src}?mode=ro", uri=True, timeout=5)
        try:
            check = "\n".join(str(r[0]) for r in conn.execute("PRAGMA integrity_check"))
            if check != "ok":
                raise BackupError(
                    src,
                    f"{src} failed its integrity check ({check.splitlines()[0]}): it is "
                    "damaged. Choose another backup.",
                )
            applied = _applied_migrations(conn)
            if applied is None:
                raise BackupError(src, f"{src} is an SQLite file but not an Inspector database.")
            known = set(migrations.names)
            unknown = [name for name in applied if name not in known]
            if unknown:
                raise BackupError(
                    src,
                    f"{src} was written by a newer version of Inspector (it has "
                    f"{', '.join(unknown)}). Install the newer version to restore it.",
                )
            if dest is not None:
                with translated(dest):
                    out = sqlite3.connect(str(dest))
                    try:
                        conn.backup(out)
                        out.execute("PRAGMA journal_mode = DELETE").fetchone()
                        copied = out.execute("PRAGMA integrity_check").fetchone()[0]
                    finally:
                        out.close()
                if copied != "ok":
                    raise BackupError(src, f"The copy of {src} failed its integrity check.")
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        text = str(exc).lower()
        reason = (
            "is not an SQLite database"
            if "not a database" in text or "encrypted" in text
            else f"failed its integrity check ({exc})"
        )
        raise BackupError(src, f"{src} {reason}: choose another backup.") from exc


def restore_database(src: Path | str, db_path: Path | str) -> Path | None:
    """Put a backup in place of the database; returns where the current database was kept.

    The app must not have the database open (its lock is taken here). The backup is checked and
    copied first; only then is the current database moved aside (with its WAL, if any) as
    ``<db>.before-restore-<timestamp>`` and the copy moved in. Returns None when there was no
    current database to keep. An older backup is brought up to date the next time it is opened.
    """
    from inspector.storage.instance_lock import acquire_app_lock

    src = Path(src)
    db_path = Path(db_path)
    if src.exists() and db_path.exists() and src.resolve() == db_path.resolve():
        raise BackupError(src, f"{src} is the database itself: choose a backup file.")
    with acquire_app_lock(db_path):
        db_path.parent.mkdir(parents=True, exist_ok=True)
        incoming = db_path.with_name(f".{db_path.name}.restoring")
        _remove(incoming)
        try:
            _checked_copy(src, incoming)
            _fsync_file(incoming)
            with contextlib.suppress(OSError):
                os.chmod(incoming, 0o600)
            aside = _move_aside(db_path) if db_path.exists() else None
            os.replace(incoming, db_path)
            _fsync_dir(db_path.parent)
        finally:
            _remove(incoming)
    return aside


def _move_aside(db_path: Path) -> Path:
    aside = db_path.with_name(f"{db_path.name}.before-restore-{_stamp()}")
    n = 1
    while aside.exists():
        n += 1
        aside = db_path.with_name(f"{db_path.name}.before-restore-{_stamp()}-{n}")
    # Fold the WAL into the file if the database is healthy enough; a damaged one is moved as is.
    try:
        conn = sqlite3.connect(str(db_path), timeout=5)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        pass
    os.replace(db_path, aside)
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        os.replace(wal, aside.with_name(aside.name + "-wal"))
    _remove(db_path.with_name(db_path.name + "-shm"))
    return aside


# -- start of the day -------------------------------------------------------------------------


def daily_maintenance(store: Store) -> list[StorageError]:
    """What the app does (in the background) when it opens a database for writing: the day's
    backup, then the photo retention (each once a day), then the query planner's statistics
    when they are missing or stale. Never raises an environment error: it
    returns them, for the app to show and go on (a failed backup must not stop a line-up)."""
    from inspector.storage.photos import purge_photos

    problems: list[StorageError] = []
    try:
        daily_backup(store.path)
    except StorageError as exc:
        problems.append(exc)
    except OSError as exc:
        problems.append(
            BackupError(
                store.path,
                f"Today's backup of {store.path} could not be made ({exc.strerror or exc}). "
                "Your data is safe; free some disk space or run 'inspector backup'.",
            )
        )
    today = date.today().isoformat()
    try:
        if store.get_setting(PURGED_ON_SETTING) != today:  # a scan of the marks: once a day
            purge_photos(store)
            store.set_setting(PURGED_ON_SETTING, today)
    except StorageError as exc:
        problems.append(exc)
    try:
        refresh_statistics(store)
    except StorageError as exc:
        problems.append(exc)
    return problems


def refresh_statistics(store: Store, *, growth: float = 1.25) -> bool:
    """``ANALYZE`` when the planner has no statistics or the data grew by a quarter since.

    Without statistics SQLite picks poor plans for the month reports on a large database (a
    scan of every mark instead of the month's line-ups: seconds instead of milliseconds). The
    statistics only need to be of the right order, so this runs rarely: on a database that
    grows by a month in three years, about once every eight months. Returns whether it ran.
    """
    conn = store.db.conn
    size = conn.execute("SELECT coalesce(max(id), 0) FROM inspections").fetchone()[0]
    has_stats = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
    ).fetchone()[0]
    try:
        last = int(store.get_setting(ANALYZED_AT_SETTING, "0"))
    except ValueError:
        last = 0
    if has_stats and size < last * growth + 1000:
        return False
    with store.write() as db:
        db.execute("ANALYZE")
        store.set_setting(ANALYZED_AT_SETTING, str(size))
    return True
