"""Opening a database: the one way the app and the commands get a :class:`Store`.

Opening is apart from the Store because it does more than connect: it refuses what must not be
opened (a folder, an empty file where a restore was interrupted, somebody else's SQLite file),
backs up an existing database before its schema changes, then migrates. Reading commands open
read-only, which also works on read-only media and in folders the user cannot write to.
"""

from __future__ import annotations

import glob
from pathlib import Path

from inspector.storage import errors
from inspector.storage.store import Store, writable


def open_database(
    path: Path | str,
    *,
    read_only: bool = False,
    create: bool = True,
    shown_as: Path | str | None = None,
) -> Store:
    """The Store for ``path``, brought up to date; a ``StorageError`` naming the file when not.

    ``read_only`` opens for reading only (never writes, except to bring an older database up
    to date when its folder can be written). ``create`` allows a new database when the file
    does not exist. ``shown_as`` is the file named in messages when ``path`` is a temporary
    copy of it.
    """
    path = Path(path)
    shown = Path(shown_as) if shown_as is not None else path
    _refuse_what_is_not_a_database(path, shown, read_only=read_only, create=create)
    if read_only:
        return _open_for_reading(path, shown)
    if path.exists() and path.stat().st_size and writable(path):
        # Look before connecting for writing, which would turn on WAL in a foreign file.
        with Store(path, read_only=True, shown_as=shown) as probe:
            _refuse_foreign(probe)
    store = Store(path, migrate=False, shown_as=shown)
    try:
        _migrate(store)
    except BaseException:
        store.close()
        raise
    return store


def _refuse_what_is_not_a_database(
    path: Path, shown: Path, *, read_only: bool, create: bool
) -> None:
    if path.is_dir():
        raise errors.cannot_open(shown)
    exists = path.exists()
    empty = exists and path.stat().st_size == 0
    if exists and not empty:
        return
    aside = interrupted_restore(path)
    if aside is not None:
        raise errors.MissingDatabaseError(
            shown,
            f"The database {shown} is {'empty' if empty else 'missing'}, but {aside} shows "
            "that a restore replaced it and did not finish. Nothing was created. To get the "
            f"records back, run: inspector restore {aside} --db {shown} (or rename {aside.name} "
            f"to {shown.name}). To start a new, empty database instead, move {aside.name} "
            "to another folder.",
        )
    if read_only or not create:
        if empty:
            raise errors.NotADatabaseError(
                shown,
                f"{shown} is an empty file (0 bytes), not an Inspector database: it holds no "
                "records. "
                "Restore a backup (inspector restore FILE), or open it in the app to start "
                "a new database in it.",
            )
        if not path.parent.is_dir():
            raise errors.cannot_open(shown)
        raise errors.StorageError(shown, f"The database {shown} does not exist.")


def interrupted_restore(path: Path) -> Path | None:
    """The newest ``<db>.before-restore-*`` file beside ``path``, if any."""
    folder = path.parent
    if not folder.is_dir():
        return None
    try:
        found = sorted(folder.glob(f"{glob.escape(path.name)}.before-restore-*"))
    except OSError:
        return None
    return found[-1] if found else None


def _open_for_reading(path: Path, shown: Path) -> Store:
    can_write = writable(path)
    if can_write:
        # An older database is brought up to date (with its backup) before it is read.
        with Store(path, read_only=True, shown_as=shown) as probe:
            _refuse_foreign(probe)
            pending = probe.pending_migrations()
        if pending:
            _migrate_and_close(path, shown)
        return Store(path, read_only=True, shown_as=shown)
    try:
        store = Store(path, read_only=True, shown_as=shown)
        store.has_tables()  # reading needs the WAL's shared memory, which may not be creatable
    except errors.CannotOpenDatabaseError:
        # Read-only media or folder: no one can be writing, so read the file as it is.
        store = Store(path, immutable=True, shown_as=shown)
    try:
        _refuse_foreign(store)
        pending = store.pending_migrations()
        if pending:
            raise errors.ReadOnlyDatabaseError(
                shown,
                f"The database {shown} was written by an older version of Inspector and must "
                "be brought up to date before it can be read, but it cannot be written here. "
                "Copy it to a folder you can write to and open the copy.",
            )
    except BaseException:
        store.close()
        raise
    return store


def _migrate_and_close(path: Path, shown: Path) -> None:
    store = Store(path, migrate=False, shown_as=shown)
    try:
        _migrate(store)
    finally:
        store.close()


def _refuse_foreign(store: Store) -> None:
    """An SQLite file with tables but no Inspector migrations is somebody else's: leave it."""
    if store.has_tables() and not store.has_schema():
        raise errors.NotADatabaseError(
            store.shown_as,
            f"{store.shown_as} is an SQLite file but not an Inspector database; nothing was "
            "changed. Choose another file, or restore a backup (inspector restore FILE).",
        )


def _migrate(store: Store) -> None:
    """Back up an existing database if migrations are pending, then migrate."""
    _refuse_foreign(store)
    store.check_version()
    pending = store.pending_migrations()
    if not pending:
        return
    if store.has_tables():
        from inspector.storage.backup import backup_before_migration

        backup_before_migration(store, pending)
    store.migrate()
