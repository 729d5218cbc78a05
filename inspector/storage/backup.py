"""Backups and restore, with SQLite's online backup API.

A backup is a consistent copy taken while the app may be writing (``sqlite3.Connection.backup``),
written to a temporary file beside its destination, checked with ``PRAGMA integrity_check`` and
only then moved into place, so a backup that exists is a good one. It is the way to copy a
database: the ``.db`` file alone may lack what is still in its ``-wal``. Backups hold personal
data: the files are 0o600 from their first byte and the folders Inspector creates 0o700; a
folder the user chose keeps its permissions. The temporary copy of a killed backup or restore
is removed by :func:`clean_stale_temporaries` at the next start.

- :func:`daily_backup`: on the first start of a day, keeping the last ``backup_keep`` (default 14).
- :func:`backup_before_migration`: the store takes one before it changes the schema.
- :func:`restore_database`: refuses a file that is not SQLite, fails its integrity check, is not
  an Inspector database or was written by a newer version; keeps the current database as
  ``<db>.before-restore-<timestamp>`` and switches in one atomic step.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.paths import backups_dir, create_private_file, private_folder
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


# -- temporary copies -------------------------------------------------------------------------

TEMP_SUFFIX = ".inspector-tmp"
_TEMP_NAME = re.compile(r"^\..+\.(\d+)" + re.escape(TEMP_SUFFIX) + r"$")
_PENDING_NOTE = re.compile(r"^\.pending-(\d+)-\d+" + re.escape(TEMP_SUFFIX) + r"$")
_LEGACY_PARTIAL = re.compile(r"^.+\.\d+\.partial$")
STALE_AFTER_S = 86400  # no copy takes a day: an older temporary file is left by a killed one


def temporary_path(dest: Path) -> Path:
    """Where a copy is written before it is moved onto ``dest``: beside it (so the move is one
    rename), hidden, and named so that :func:`clean_stale_temporaries` knows it."""
    return dest.with_name(f".{dest.name}.{os.getpid()}{TEMP_SUFFIX}")


def _owner_gone(pid: int, path: Path) -> bool:
    """Whether the process that wrote ``path`` has ended (or the file is too old to be live)."""
    try:
        if path.stat().st_mtime < time.time() - STALE_AFTER_S:
            return True
    except OSError:
        return False
    if pid == os.getpid():
        return False
    if os.name != "posix":
        return False  # no safe liveness test there (os.kill would end the process)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # alive, another user's
    return False


def clean_stale_temporaries(db_path: Path | str) -> list[Path]:
    """Remove the temporary copies that killed backups and restores of ``db_path`` left.

    Looks beside the database, in its backups folder, and at the copies to other folders
    (``backup --out``) that a note in the backups folder names. A copy still being written by
    a live process is left alone. Returns what was removed; never raises for a file it cannot
    remove (the next start tries again).
    """
    db_path = Path(db_path)
    removed: list[Path] = []

    def drop(path: Path) -> None:
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)

    folder = backups_dir(db_path)
    for where in (db_path.parent, folder):
        try:
            entries = list(where.iterdir())
        except OSError:
            continue
        for path in entries:
            temp = _TEMP_NAME.match(path.name)
            if (temp and _owner_gone(int(temp.group(1)), path)) or (
                where == folder
                and _LEGACY_PARTIAL.match(path.name)
                and _owner_gone(-1, path)  # the old naming: by age only
            ):
                drop(path)
            note = _PENDING_NOTE.match(path.name) if where == folder else None
            if note and _owner_gone(int(note.group(1)), path):
                with contextlib.suppress(OSError, UnicodeDecodeError):
                    target = Path(path.read_text(encoding="utf-8").strip())
                    if _TEMP_NAME.match(target.name) and target.is_file():
                        drop(target)
                drop(path)
    return removed


@contextlib.contextmanager
def _noted(source_path: Path, partial: Path) -> Iterator[None]:
    """Name a temporary copy outside the database's folders in a note in its backups folder,
    so that the next start can remove it if this process is killed."""
    folder = backups_dir(source_path)
    if partial.parent in (source_path.parent, folder):
        yield
        return
    note: Path | None = None
    try:
        private_folder(folder)
        for n in range(100):
            candidate = folder / f".pending-{os.getpid()}-{n}{TEMP_SUFFIX}"
            try:
                create_private_file(candidate)
            except FileExistsError:
                continue
            note = candidate
            note.write_text(str(partial.resolve()), encoding="utf-8")
            break
    except OSError:
        note = None  # a read-only database folder: nothing to note, nothing to clean later
    try:
        yield
    finally:
        if note is not None:
            _remove(note)


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


def _copy_into(source: sqlite3.Connection, dest: Path) -> sqlite3.Connection:
    """Copy with the online backup API into ``dest``, a new file created private (0o600)
    first, so the copy and its journal are never readable by others; returns the open copy."""
    _remove(dest)
    create_private_file(dest)
    out = sqlite3.connect(str(dest))
    try:
        source.backup(out)
        # A copy of a WAL database is in WAL mode too; a backup is one self-contained file.
        out.execute("PRAGMA journal_mode = DELETE").fetchone()
    except BaseException:
        out.close()
        raise
    return out


def _copy(source: sqlite3.Connection, source_path: Path, dest: Path, check: str) -> str:
    """Copy into ``dest`` (a new file); returns what ``check`` says of the copy."""
    with translated(source_path):
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()
    try:
        with translated(dest):
            out = _copy_into(source, dest)
            try:
                result = out.execute(f"PRAGMA {check}").fetchall()
            finally:
                out.close()
    except BaseException:
        _remove(dest)
        raise
    return "\n".join(str(row[0]) for row in result)


def backup_database(
    source: Store | Path | str, dest: Path | str, *, check: str = "integrity_check"
) -> Path:
    """A checked, consistent copy of a database (a :class:`Store` or a path) at ``dest``.

    ``check`` is ``integrity_check`` (everything) or ``quick_check`` (the same without
    comparing indexes with their tables: about four times faster on a large file). The copy
    is private (0o600) from its first byte; a folder that already exists keeps its permissions
    (missing ones are created 0o700).
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
    with translated(dest):
        private_folder(dest.parent)
    partial = temporary_path(dest)
    with _noted(source_path, partial):
        try:
            result = _copy(conn, source_path, partial, check)
            if result != "ok":
                raise BackupError(
                    source_path,
                    f"The backup of {source_path} failed its integrity check "
                    f"({result.splitlines()[0]}): the database may be damaged. Restore an "
                    f"earlier backup from {backups_dir(source_path)}.",
                )
            with translated(dest):
                _fsync_file(partial)
                os.replace(partial, dest)
        finally:
            _remove(partial)
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
    # A copy cut short (the app killed, the laptop slept for good) leaves a temporary file.
    clean_stale_temporaries(db_path)
    return dest


# -- restore ----------------------------------------------------------------------------------


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
            applied = migrations.applied_names(conn)
            if not applied:
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
                    out = _copy_into(conn, dest)
                    try:
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

    The app must not have the database open (its lock is taken here). The switch is one
    atomic step, so a restore killed at any moment leaves either the old database or the
    restored one in place, never none:

    1. the backup is checked (SQLite, integrity, an Inspector database no newer than this
       version) and copied beside the database, private;
    2. the current database is kept under ``<db>.before-restore-<timestamp>`` (a hard link, or
       a copy where links are not possible), its WAL folded into it first;
    3. one ``os.replace`` puts the copy over the database.

    The old database's ``-wal`` and ``-shm`` are emptied or moved aside before the switch: SQLite
    would otherwise apply the old WAL to the restored file. Returns None when there was no
    current database to keep. An older backup is brought up to date the next time it is opened.
    """
    from inspector.storage.instance_lock import acquire_app_lock

    src = Path(src)
    db_path = Path(db_path)
    if src.exists() and db_path.exists() and src.resolve() == db_path.resolve():
        raise BackupError(src, f"{src} is the database itself: choose a backup file.")
    with acquire_app_lock(db_path):
        with translated(db_path):
            private_folder(db_path.parent)
        incoming = temporary_path(db_path)
        try:
            _checked_copy(src, incoming)
            with translated(db_path):
                _fsync_file(incoming)
                aside = _keep_aside(db_path) if db_path.exists() else None
                os.replace(incoming, db_path)
                _fsync_dir(db_path.parent)
        finally:
            _remove(incoming)
    return aside


def _aside_name(db_path: Path) -> Path:
    aside = db_path.with_name(f"{db_path.name}.before-restore-{_stamp()}")
    n = 1
    while aside.exists():
        n += 1
        aside = db_path.with_name(f"{db_path.name}.before-restore-{_stamp()}-{n}")
    return aside


def _link_or_copy(source: Path, target: Path) -> None:
    """``target`` becomes a second name of ``source`` (or a private copy where links fail)."""
    try:
        os.link(source, target)
    except OSError:
        partial = temporary_path(target)
        try:
            create_private_file(partial)
            shutil.copyfile(source, partial)
            _fsync_file(partial)
            os.replace(partial, target)
        finally:
            _remove(partial)


def _keep_aside(db_path: Path) -> Path:
    """Keep the current database under its dated name, leaving it in place, with no WAL left
    beside it that SQLite could apply to the file that replaces it."""
    wal = db_path.with_name(db_path.name + "-wal")
    shm = db_path.with_name(db_path.name + "-shm")
    # Fold the WAL into the file if the database is healthy enough; a damaged one keeps its WAL.
    try:
        conn = sqlite3.connect(str(db_path), timeout=5)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        pass
    aside = _aside_name(db_path)
    has_wal = wal.exists() and wal.stat().st_size > 0
    if has_wal:
        _link_or_copy(wal, aside.with_name(aside.name + "-wal"))
    _link_or_copy(db_path, aside)
    _fsync_dir(db_path.parent)
    # Only now is the old WAL taken away: the old database and its WAL are both kept aside.
    _remove(wal)
    _remove(shm)
    return aside


# -- start of the day -------------------------------------------------------------------------


def daily_maintenance(store: Store) -> list[StorageError]:
    """What the app does (in the background) when it opens a database for writing: the day's
    backup, then the photo retention (each once a day), then the query planner's statistics
    when they are missing or stale. Never raises an environment error: it
    returns them, for the app to show and go on (a failed backup must not stop a line-up)."""
    from inspector.storage.photos import purge_photos

    problems: list[StorageError] = []
    clean_stale_temporaries(store.path)  # copies that a killed backup or restore left
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
