"""Typed storage errors. Each names the database file and says what the user can do.

Errors of the environment (locked, read-only, not a database, newer version, disk full) are
``StorageError`` subclasses and are shown as a message; anything else is a bug.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class StorageError(Exception):
    """A problem with the database file that the user can act on."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = Path(path)
        super().__init__(message)


class DatabaseLockedError(StorageError):
    """Another copy of Inspector (or another program) holds the database."""


class ReadOnlyDatabaseError(StorageError):
    pass


class NotADatabaseError(StorageError):
    pass


class NewerDatabaseError(StorageError):
    """The file was written by a newer Inspector with migrations this one does not know."""


class DiskFullError(StorageError):
    pass


class LineupClosedError(Exception):
    """A finished line-up can only be changed through an amendment with a reason."""


class NotFoundError(LookupError):
    pass


def translate(exc: sqlite3.Error, path: Path | str) -> Exception:
    """Turn a sqlite3 error caused by the environment into a typed StorageError."""
    text = str(exc).lower()
    path = Path(path)
    if "locked" in text or "busy" in text:
        return DatabaseLockedError(
            path,
            f"The database {path} is in use by another copy of Inspector or another program. "
            "Close the other copy, or open this one read-only.",
        )
    if "readonly" in text or "read-only" in text or "attempt to write a readonly" in text:
        return ReadOnlyDatabaseError(
            path,
            f"The database {path} is read-only: nothing can be saved. Check the file's "
            "permissions, or copy it to a folder you can write to.",
        )
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return NotADatabaseError(
            path,
            f"{path} is not an Inspector database or is damaged. Restore a backup "
            "(inspector restore FILE) or choose another file.",
        )
    if "disk is full" in text or "database or disk is full" in text or "disk i/o" in text:
        return DiskFullError(
            path,
            f"The disk holding {path} is full or failing: the last change was not saved. "
            "Free some space and try again; everything saved before is intact.",
        )
    if "unable to open" in text:
        return StorageError(
            path, f"Cannot open the database {path}: check that the folder exists and is writable."
        )
    return exc


@contextmanager
def translated(path: Path | str) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as exc:
        new = translate(exc, path)
        if new is exc:
            raise
        raise new from exc
