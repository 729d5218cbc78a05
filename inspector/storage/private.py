"""Files and folders readable by their owner only, whatever the umask.

Inspection records are personal data: the database (and the ``-wal`` and ``-shm`` that SQLite
creates with the database file's permissions), backups, report PDFs, exports and the log are
created 0o600 from the start, never made private afterwards; folders the app creates are 0o700.
A folder the user chose (``--out /shared/x.pdf``) is never changed: only folders created here.

This module uses nothing but the operating system, so the reports, the services and the GUI
start-up can use it without reaching into the storage layer's internals.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def private_folder(folder: Path | str) -> Path:
    """Make ``folder`` (and any missing parents) as 0o700; an existing folder is left as it is."""
    folder = Path(folder)
    missing: list[Path] = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        try:
            os.mkdir(path, PRIVATE_FOLDER)
        except FileExistsError:
            continue  # made at the same moment by another process: not ours to change
        with contextlib.suppress(OSError):
            os.chmod(path, PRIVATE_FOLDER)  # the umask may have taken the owner's bits
    return folder


def private_opener(path: str, flags: int) -> int:
    """An ``opener`` for :func:`open`: a file it creates is 0o600 from its first byte."""
    existed = os.path.exists(path)
    fd = os.open(path, flags, PRIVATE_FILE)
    if not existed and os.name == "posix":
        with contextlib.suppress(OSError):
            os.fchmod(fd, PRIVATE_FILE)
    return fd


def create_private_file(path: Path | str) -> Path:
    """Create ``path`` as a new, empty 0o600 file; :class:`FileExistsError` if it exists."""
    path = Path(path)
    fd = private_opener(str(path), os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    os.close(fd)
    return path


def ensure_private_file(path: Path | str) -> Path:
    """Create ``path`` empty and 0o600 unless it exists (an existing file is left as it is)."""
    path = Path(path)
    with contextlib.suppress(FileExistsError):
        create_private_file(path)
    return path
