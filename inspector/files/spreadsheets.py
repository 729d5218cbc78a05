"""What every spreadsheet Inspector writes shares: one formula guard and one atomic writer.

- :func:`excel_safe` keeps text typed by people (names, departments, notes) as text: a cell
  starting with = + - @ (or tab or CR, or their full-width forms) gets an apostrophe, so Excel
  never runs it as a formula (CSV/formula injection). :func:`unguard` undoes it on import, so
  an export imported again gives back the same text.
- :func:`xlsx_text` is the same for an XLSX cell, without the control characters XLSX cannot
  hold at all.
- :func:`write_atomically` writes beside the target and moves the file in place, so a failed
  or killed export never leaves half a file; the file is private (0600) from the start.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import BinaryIO

from inspector.paths import private_folder

# A cell starting with one of these is a formula (or a DDE payload) to Excel and friends.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")

# Characters an XLSX file cannot contain (as openpyxl's ILLEGAL_CHARACTERS_RE).
_XLSX_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


def formula_like(text: str) -> bool:
    """Starts like a formula, or like one already guarded ("'=...": kept apart so that it
    survives an export and import unchanged)."""
    return text.lstrip("'").startswith(FORMULA_STARTS)


def excel_safe(text: object) -> str:
    """Text that a spreadsheet shows as typed (see the module docstring)."""
    value = "" if text is None else str(text)
    return f"'{value}" if formula_like(value) else value


def unguard(text: str) -> str:
    """Undo ``excel_safe`` on import."""
    if text.startswith("'") and formula_like(text[1:]):
        return text[1:]
    return text


def without_control_characters(text: str) -> str:
    """Text an XLSX cell can hold: the control characters XLSX cannot store are dropped."""
    return _XLSX_ILLEGAL.sub("", text)


def xlsx_text(value: object) -> str:
    """``excel_safe`` text that an XLSX cell can hold."""
    return without_control_characters(excel_safe(value))


def csv_bytes(rows: Iterable[Sequence[object]]) -> bytes:
    """Rows as CSV for Excel: UTF-8 with BOM (so Chinese opens correctly), CRLF lines."""
    text = io.StringIO(newline="")
    csv.writer(text, lineterminator="\r\n").writerows(rows)
    return text.getvalue().encode("utf-8-sig")


def write_atomically(path: Path | str, write: Callable[[BinaryIO], None]) -> Path:
    """Call ``write`` with a stream to a temporary file beside ``path``, then move it in.

    The temporary file is created private (0600) and removed if anything fails. Raises
    OSError when the folder cannot be written.
    """
    path = Path(path)
    private_folder(path.parent)  # a folder the app creates is the owner's only
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{path.stem[:80]}-", suffix=f"{path.suffix}.part", dir=path.parent
    )
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path
