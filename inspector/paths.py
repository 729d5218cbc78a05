"""Where things live: the user's data directory and the shipped checklists and resources.

The shipped folders sit at the top of a checkout, under ``<prefix>/share/inspector`` when
installed from a wheel, or inside the bundle of the self-contained app (PyInstaller sets
``sys.frozen`` and unpacks the data beside the code in ``sys._MEIPASS``). This module is the one
place that knows all three.

It also creates the app's own files and folders readable by their owner only, whatever the
umask (inspection records are personal data): the database (whose ``-wal`` and ``-shm`` SQLite
creates with the database file's permissions), backups, report PDFs, exports and the log are
0o600 from the start, never made private afterwards; folders the app creates are 0o700. A
folder the user chose (``--out /shared/x.pdf``) is never changed. Storage, files, reports and
the GUI all use these, so they live at the bottom of the layers, beside the paths.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Inspector"
APP_AUTHOR = "Inspector"

_CHECKOUT_ROOT = Path(__file__).resolve().parent.parent


def is_frozen() -> bool:
    """True in the self-contained app built by packaging/build.py."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def _shipped_root() -> Path:
    if is_frozen():
        bundle = Path(sys._MEIPASS)
        if (bundle / "checklists").is_dir() and (bundle / "resources").is_dir():
            return bundle
        raise FileNotFoundError(
            f"Inspector's checklists/ and resources/ folders are missing from {bundle}: "
            "the app folder is incomplete; install it again."
        )
    if (_CHECKOUT_ROOT / "checklists").is_dir() and (_CHECKOUT_ROOT / "resources").is_dir():
        return _CHECKOUT_ROOT
    for prefix in (sys.prefix, sys.base_prefix, os.path.expanduser("~/.local")):
        candidate = Path(prefix) / "share" / "inspector"
        if (candidate / "checklists").is_dir():
            return candidate
    raise FileNotFoundError(
        "Inspector's checklists/ and resources/ folders were not found beside the package "
        f"({_CHECKOUT_ROOT}) or under {sys.prefix}/share/inspector: reinstall Inspector."
    )


def shipped_checklists_dir() -> Path:
    """The company standards shipped with the app."""
    return _shipped_root() / "checklists"


def resources_dir() -> Path:
    return _shipped_root() / "resources"


def font_path() -> Path:
    """The bundled CJK TrueType font used by both the GUI and the PDF reports."""
    return resources_dir() / "fonts" / "WenQuanYiMicroHei.ttf"


def icon_path(size: int = 256) -> Path:
    """The application icon as a PNG (16, 24, 32, 48, 64, 128 or 256 pixels square)."""
    return resources_dir() / "icons" / f"inspector-{size}.png"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def data_dir() -> Path:
    """The user's data directory (created on demand). ``INSPECTOR_DATA_DIR`` overrides it."""
    override = os.environ.get("INSPECTOR_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    return private_folder(path)  # personal data: the owner's only


def default_db_path() -> Path:
    """The company's own database."""
    return data_dir() / "inspector.db"


def demo_db_path() -> Path:
    """The demo database of the quick start: a file of its own, never the company's."""
    return data_dir() / "demo.db"


def user_checklists_dir() -> Path:
    """Where a company drops its own checklist files to add or override shipped sets."""
    return data_dir() / "checklists"


def photos_dir(db_path: Path) -> Path:
    """Photo evidence lives beside the database it belongs to, private to the user."""
    return db_path.parent / f"{db_path.stem}-photos"


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / f"{db_path.stem}-backups"


def log_path() -> Path:
    logs = Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
    override = os.environ.get("INSPECTOR_DATA_DIR")
    if override:
        logs = Path(override) / "logs"
    return private_folder(logs) / "inspector.log"


# -- private files and folders -------------------------------------------------------------

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
