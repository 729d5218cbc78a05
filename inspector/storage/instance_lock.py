"""One copy of the app per database: an advisory lock file beside it.

The GUI holds ``<db>.lock`` (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows) for as long
as it has the database open; the file says who holds it (pid, host, user, since). A second copy
gets a :class:`DatabaseInUseError` naming the file and the holder, and can open the database
read-only instead of failing later with "database is locked". The operating system drops the lock
when the holding process ends, however it ends (a kill, a crash, a flat battery), so a stale lock
file never keeps anyone out. Short command-line writers do not take this lock: SQLite's own
locking (busy timeout, ``BEGIN IMMEDIATE``) already makes them wait their turn.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import platform
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from inspector.storage.errors import StorageError

# Imported now, not when the lock is released: a lock released at interpreter exit can no
# longer import anything.
if sys.platform == "win32":
    import msvcrt
else:
    import fcntl

# Windows locks a byte range; reading a locked range fails there, so the holder's details are
# written before the locked byte and the lock sits past them.
_WINDOWS_LOCK_OFFSET = 4096


class DatabaseInUseError(StorageError):
    """Another copy of Inspector has this database open."""

    def __init__(self, path: Path | str, message: str, holder: dict | None = None) -> None:
        super().__init__(path, message)
        self.holder = holder or {}


def lock_path(db_path: Path | str) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (a service account, a container)
        return str(os.getuid()) if hasattr(os, "getuid") else "unknown"


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:  # e.g. a network share without locks: do not keep the user out
        import errno

        return exc.errno not in (errno.EAGAIN, errno.EACCES)
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    fcntl.flock(fd, fcntl.LOCK_UN)


def read_holder(db_path: Path | str) -> dict:
    """What the lock file says about its holder ({} if nothing readable)."""
    try:
        text = lock_path(db_path).read_bytes()[:_WINDOWS_LOCK_OFFSET].decode("utf-8", "replace")
        data = json.loads(text.strip("\x00 \n") or "{}")
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _describe(holder: dict) -> str:
    if not holder:
        return "another copy of Inspector"
    parts = [f"process {holder.get('pid', '?')}"]
    if holder.get("user"):
        parts.append(f"user {holder['user']}")
    if holder.get("host"):
        parts.append(f"on {holder['host']}")
    if holder.get("since"):
        parts.append(f"since {holder['since']}")
    return "another copy of Inspector (" + ", ".join(parts) + ")"


@dataclass
class AppLock:
    """The held lock; ``close()`` (or leaving a ``with`` block) releases it."""

    db_path: Path
    path: Path
    _fd: int | None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def close(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> AppLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:  # a forgotten lock is released with its object
        with contextlib.suppress(Exception):  # never a traceback at interpreter exit
            self.close()


def acquire_app_lock(db_path: Path | str) -> AppLock:
    """Take the app lock of a database, or raise :class:`DatabaseInUseError` naming the holder.

    The lock file is kept after release (deleting it would let two copies lock two different
    files); its content is cleared.
    """
    db_path = Path(db_path)
    path = lock_path(db_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise StorageError(
            db_path,
            f"Cannot create the lock file {path} ({exc.strerror or exc}): check that the folder "
            f"of {db_path} is writable, or open the database read-only.",
        ) from exc
    if not _try_lock(fd):
        os.close(fd)
        holder = read_holder(db_path)
        raise DatabaseInUseError(
            db_path,
            f"The database {db_path} is already open in {_describe(holder)}; see {path}. "
            "Close the other copy to work on it here, or open it read-only to look.",
            holder,
        )
    holder = {
        "pid": os.getpid(),
        "host": platform.node(),
        "user": _user(),
        "since": datetime.now().replace(microsecond=0).isoformat(sep=" "),
    }
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, (json.dumps(holder) + "\n").encode("utf-8"))
    except OSError:
        pass  # the details are a courtesy; the lock itself is held
    return AppLock(db_path, path, fd)
