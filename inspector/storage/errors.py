"""Typed storage errors. Each names the database file and says what the user can do.

Errors of the environment (locked, read-only, not a database, newer version, disk full) are
``StorageError`` subclasses, and so ``UserError``: they are shown as a message. SQLite errors are
classified by their result code (``sqlite_errorcode``), never by the text of the message, as
qutebrowser's ``sql.py`` does; an unclassified code is a bug and keeps its traceback.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from inspector.domain.errors import UserError

# SQLite primary result codes (https://sqlite.org/rescode.html); the extended code of an error
# carries the primary one in its low byte.
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


class StorageError(UserError):
    """A problem with the database file that the user can act on."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = Path(path)
        super().__init__(message)


class DatabaseLockedError(StorageError):
    """Another copy of Inspector (or another program) holds the database."""


class ReadOnlyDatabaseError(StorageError):
    """The file, its folder or the medium cannot be written."""


class NotADatabaseError(StorageError):
    """The file is not SQLite, is damaged, or is SQLite but not an Inspector database."""


class NewerDatabaseError(StorageError):
    """The file was written by a newer Inspector with migrations this one does not know."""


class DiskFullError(StorageError):
    """The disk holding the database is full: the last change was not saved."""


class DiskFailingError(StorageError):
    """The operating system reported an I/O error reading or writing the database."""


class CannotOpenDatabaseError(StorageError):
    """SQLite could not open the file (missing folder, a folder in its place, no permission)."""


class MissingDatabaseError(StorageError):
    """The database is gone (or empty) although a ``.before-restore-*`` file says it existed."""


class LineupClosedError(UserError):
    """A finished line-up can only be changed through an amendment with a reason."""


class NotFoundError(UserError, LookupError):
    """A line-up, an employee or a report period that is not there."""


def primary_code(exc: sqlite3.Error) -> int | None:
    """The SQLite primary result code of ``exc``, or None when SQLite did not set one."""
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def translate(exc: sqlite3.Error, path: Path | str) -> Exception:
    """Turn a sqlite3 error caused by the environment into a typed StorageError.

    Any other error is returned unchanged (the caller re-raises it: it is a bug).
    """
    path = Path(path)
    code = primary_code(exc)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseLockedError(
            path,
            f"The database {path} is in use by another copy of Inspector or another program. "
            "Close the other copy, or open this one read-only.",
        )
    if code in (SQLITE_READONLY, SQLITE_PERM):
        return read_only(path)
    if code in (SQLITE_NOTADB, SQLITE_CORRUPT):
        return NotADatabaseError(
            path,
            f"{path} is not an Inspector database or is damaged. Restore a backup "
            "(inspector restore FILE) or choose another file.",
        )
    if code == SQLITE_FULL:
        return DiskFullError(
            path,
            f"The disk holding {path} is full: the last change was not saved. "
            "Free some space and try again; everything saved before is intact.",
        )
    if code == SQLITE_IOERR:
        return DiskFailingError(
            path,
            f"The disk holding {path} reported an error ({exc.sqlite_errorname}): the last "
            "change may not have been saved. Check the disk or the network share, then try "
            "again; everything saved before is intact.",
        )
    if code == SQLITE_CANTOPEN:
        return cannot_open(path)
    return exc


def read_only(path: Path) -> ReadOnlyDatabaseError:
    """The message for a database that cannot be written."""
    return ReadOnlyDatabaseError(
        path,
        f"The database {path} is read-only: nothing can be saved. Check the file's "
        "permissions, or copy it to a folder you can write to.",
    )


def cannot_open(path: Path) -> StorageError:
    """The message for a file SQLite cannot open, saying what is in the way."""
    if path.is_dir():
        return CannotOpenDatabaseError(
            path, f"{path} is a folder, not a database file: give the path of a .db file."
        )
    if not path.parent.is_dir():
        return CannotOpenDatabaseError(
            path, f"Cannot open the database {path}: the folder {path.parent} does not exist."
        )
    return CannotOpenDatabaseError(
        path,
        f"Cannot open the database {path}: check that you may read it and write to "
        f"its folder {path.parent}.",
    )


@contextmanager
def translated(path: Path | str) -> Iterator[None]:
    """SQLite errors of the environment inside the block become StorageErrors naming ``path``."""
    try:
        yield
    except sqlite3.Error as exc:
        new = translate(exc, path)
        if new is exc:
            raise
        raise new from exc
