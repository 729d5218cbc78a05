"""What every command needs: the database (``--db`` or ``--demo``), the checklists, the
language, and argument types that turn a bad value into one line naming the argument and what
is allowed (argparse prints it and exits with status 2).
"""

from __future__ import annotations

import argparse
import locale
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from inspector import paths
from inspector.domain.checklist import Catalogue
from inspector.storage import Store

# Dates and months a command accepts: wide enough for any real record, narrow enough that a
# period's end (+1 day, +1 month) is still a date.
FIRST_YEAR = 1970
LAST_YEAR = 2100
# A file name component, in bytes (NAME_MAX on Linux and macOS; Windows allows 255 characters).
MAX_NAME_BYTES = 255
MAX_PATH_CHARS = 4000
MAX_RECORD_ID = 2**63 - 1  # SQLite's INTEGER
MAX_LIMIT = 1_000_000
MAX_DAYS = 36_500  # a hundred years
MAX_TEXT = 200

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def add_common_arguments(
    parser: argparse.ArgumentParser, *, checklists: bool = True, database: bool = True
) -> None:
    """``--db``, ``--demo`` (and ``--checklists``) on a subcommand as well as before it;
    ``database=False`` for a command that reads only the checklists.

    They default to "not given" so that ``inspector --db X roster list`` keeps the X given
    before the subcommand.
    """
    from inspector.cli import add_checklists_argument, add_db_argument

    if database:
        add_db_argument(parser)
        parser.add_argument(
            "--demo", action="store_true", help="use the demo database (as 'inspector --demo' does)"
        )
    if checklists:
        add_checklists_argument(parser)
    for action in parser._actions:
        if action.dest in ("db", "checklists", "demo"):
            action.default = argparse.SUPPRESS


def db_path(args: argparse.Namespace, default: Path | None = None) -> Path:
    """``--db`` if given, else the demo database for ``--demo``, else ``default``, else the
    company database."""
    from inspector.cli import CommandError

    given = getattr(args, "db", None)
    demo = getattr(args, "demo", False)
    if given is not None and demo:
        raise CommandError("--db and --demo: give one of them, not both")
    if given is not None:
        return Path(given)
    if demo:
        return paths.demo_db_path()
    return default if default is not None else paths.default_db_path()


def open_store(
    args: argparse.Namespace, *, read_only: bool = False, default: Path | None = None
) -> Store:
    """The Store for ``--db``; StorageError (shown as a message by the CLI) when it cannot.

    ``read_only`` for the reading commands: it never creates a database, and works on
    read-only media and in folders that cannot be written.
    """
    from inspector.storage.opening import open_database

    return open_database(db_path(args, default), read_only=read_only)


def load_catalogue_for(args: argparse.Namespace) -> Catalogue:
    """The checklists in force: shipped, the user's folder, then each ``--checklists DIR``."""
    from inspector.cli import CommandError
    from inspector.files.checklists import ChecklistError, load_catalogue

    try:
        return load_catalogue(tuple(getattr(args, "checklists", None) or ()))
    except ChecklistError as exc:
        raise CommandError(
            f"{exc}\n(run 'inspector checklists validate' for the list of problems)"
        ) from None


def cli_language(args: argparse.Namespace | None = None) -> str:
    """The language of messages: ``--lang``, else the locale (zh for a Chinese one), else en."""
    given = getattr(args, "lang", None) if args is not None else None
    if given in ("zh", "en"):
        return given
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        current = locale.getlocale()[0] or ""
    except ValueError:
        current = ""
    return "zh" if current.lower().startswith("zh") else "en"


# -- argument types ---------------------------------------------------------------------------
# Each raises argparse.ArgumentTypeError; argparse prints "argument --x: <message>" and exits 2.


def _fail(message: str) -> argparse.ArgumentTypeError:
    return argparse.ArgumentTypeError(message)


def whole_number(minimum: int, maximum: int, what: str = "") -> Callable[[str], int]:
    """A whole number from ``minimum`` to ``maximum``."""

    def parse(text: str) -> int:
        allowed = f"a whole number from {minimum:,} to {maximum:,}{what}"
        try:
            if "_" in text:  # int() takes 1_000; a user typing it meant something else
                raise ValueError(text)
            value = int(text.strip())
        except ValueError:
            raise _fail(f"{_shown(text)} is not {allowed}") from None
        if not minimum <= value <= maximum:
            raise _fail(f"{_shown(text)} is out of range: give {allowed}") from None
        return value

    parse.__name__ = "number"
    return parse


record_id = whole_number(1, MAX_RECORD_ID)
limit_count = whole_number(1, MAX_LIMIT)
day_count = whole_number(0, MAX_DAYS, " (days)")


def day_value(text: str) -> date:
    """A date as YYYY-MM-DD from 1970 to 2100."""
    allowed = f"(use YYYY-MM-DD, from {FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31)"
    try:
        value = date.fromisoformat(text.strip())
    except ValueError:
        raise _fail(f"not a date: {_shown(text)} {allowed}") from None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise _fail(f"out of range: {_shown(text)} {allowed}")
    return value


def month_value(text: str) -> date:
    """A month as YYYY-MM from 1970-01 to 2100-12, as its first day."""
    allowed = f"(use YYYY-MM, from {FIRST_YEAR}-01 to {LAST_YEAR}-12)"
    match = _MONTH.match(text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise _fail(f"not a month: {_shown(text)} {allowed}")
    if not FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR:
        raise _fail(f"out of range: {_shown(text)} {allowed}")
    return date(int(match.group(1)), int(match.group(2)), 1)


def plain_text(text: str) -> str:
    """A name, shift, department...: printable text of at most 200 characters."""
    if _has_bad_characters(text):
        raise _fail(
            f"{_shown(text)} contains characters that are not text (control characters, or "
            "bytes that are not UTF-8): type the value again"
        )
    if len(text) > MAX_TEXT:
        raise _fail(f"{len(text)} characters is too long: at most {MAX_TEXT} are allowed")
    return text


def _has_bad_characters(text: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cs") and ch != "\t" for ch in text)


def _check_path(text: str) -> Path:
    if not text:
        raise _fail("an empty file name: give a file name")
    if _has_bad_characters(text):
        raise _fail(f"{_shown(text)}: the file name contains characters that are not text")
    if len(text) > MAX_PATH_CHARS:
        raise _fail(f"the path is {len(text):,} characters long: at most {MAX_PATH_CHARS:,}")
    path = Path(text).expanduser()
    for part in path.parts:
        size = len(part.encode("utf-8", "surrogateescape"))
        if size > MAX_NAME_BYTES:
            raise _fail(
                f"the name {_shown(part)} is {len(part)} characters ({size} bytes) long: a file "
                f"or folder name can have at most {MAX_NAME_BYTES} bytes"
            )
    return path


def input_path(text: str) -> Path:
    """A file or folder to read: a name the file system can hold (existence is checked later,
    with a message of its own)."""
    return _check_path(text)


def output_file(text: str) -> Path:
    """A file to write: not a folder, in a folder that exists and where a file can be created.

    The folder is tried by creating (and removing) an empty file in it, which is the only test
    that also catches read-only media, /proc and /sys for every user, root included.
    """
    path = _check_path(text)
    if path.is_dir():
        raise _fail(f"{path} is a folder: give a file name, e.g. {path / 'report.pdf'}")
    folder = path.absolute().parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # the command creates the missing folders
    if not folder.is_dir():
        raise _fail(f"{folder} is a file, not a folder: choose another place for {path.name}")
    try:
        handle, probe = tempfile.mkstemp(prefix=".inspector-probe-", dir=folder)
    except OSError as exc:
        raise _fail(
            f"cannot write in {folder} ({exc.strerror or exc}): choose a folder you can write to"
        ) from None
    os.close(handle)
    Path(probe).unlink(missing_ok=True)
    if path.exists() and not path.is_file():
        raise _fail(f"{path} is not a regular file (a device or a pipe): give a file name")
    if path.exists() and not os.access(path, os.W_OK):
        raise _fail(f"{path} exists and cannot be overwritten: choose another file name")
    return path


def _shown(text: str) -> str:
    """A value quoted for a message, shortened when long."""
    short = text if len(text) <= 40 else text[:37] + "..."
    return repr(short.encode("utf-8", "backslashreplace").decode("utf-8"))


# -- printing ---------------------------------------------------------------------------------


def counted(count: int, noun: str) -> str:
    """``1 document``, ``2 documents``: a count and its noun, plural when it is not one."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def text_width(text: str) -> int:
    """Columns a terminal uses for ``text`` (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain text table, aligned for Chinese text too."""
    cells = [[str(h) for h in headers], *[["" if v is None else str(v) for v in r] for r in rows]]
    widths = [max(text_width(row[i]) for row in cells) for i in range(len(headers))]
    lines = [
        "  ".join(c + " " * (w - text_width(c)) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in cells
    ]
    return "\n".join(lines)
