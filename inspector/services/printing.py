"""Send a PDF to the printer the way the system does it.

- Windows: the PDF's own "print" verb (``os.startfile(path, "print")``), which hands the file
  to the program registered to print PDFs, on the default printer.
- Linux and macOS: CUPS ``lp``, on the default destination (or the one named).

Anything that keeps the sheet from the printer raises a ``PrintError`` whose message says why
and where the PDF is, so that the user can still print it by hand; nothing fails silently.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from inspector.domain.errors import UserError

LP_TIMEOUT_SECONDS = 60
_REQUEST_ID = re.compile(r"request id is (\S+)")


class PrintProblem(StrEnum):
    """Why a PDF was not printed (the GUI says each in the user's language)."""

    NO_PRINT_COMMAND = "no-print-command"  # Linux/macOS: no CUPS lp
    NO_PDF_PROGRAM = "no-pdf-program"  # Windows: no program prints PDF files
    PRINTER_REFUSED = "printer-refused"  # lp or Windows said no; ``detail`` has its words
    NO_ANSWER = "no-answer"  # lp did not return within LP_TIMEOUT_SECONDS
    FILE_MISSING = "file-missing"


class PrintError(UserError):
    """The PDF was not printed; ``path`` is where it is, ``detail`` the print system's words."""

    def __init__(self, problem: PrintProblem, path: Path, detail: str = "") -> None:
        self.problem = problem
        self.path = Path(path)
        self.detail = detail.strip()
        super().__init__(self._message())

    def _message(self) -> str:
        reason = {
            PrintProblem.NO_PRINT_COMMAND: (
                "This computer has no print command (CUPS 'lp' was not found)"
            ),
            PrintProblem.NO_PDF_PROGRAM: "Windows has no program that prints PDF files",
            PrintProblem.PRINTER_REFUSED: "The printer did not take the sheet",
            PrintProblem.NO_ANSWER: (
                f"The print system did not answer within {LP_TIMEOUT_SECONDS} seconds"
            ),
            PrintProblem.FILE_MISSING: "The PDF to print does not exist",
        }[self.problem]
        if self.detail:
            reason += f": {self.detail}"
        return f"{reason}. The PDF is {self.path}; open it and print it from there."


class NoPrinterError(PrintError):
    """No way to print from Inspector on this machine (no ``lp``, no PDF program)."""


@dataclass(frozen=True)
class PrintResult:
    path: Path
    printer: str | None  # the destination asked for; None for the default
    job: str | None  # the print system's request id, when it gives one


def print_pdf(path: Path | str, *, printer: str | None = None) -> PrintResult:
    """Print ``path`` on the default printer (or ``printer``); raises ``PrintError``.

    Blocks until the print system has taken the file (up to a minute): call it off the GUI
    thread.
    """
    path = Path(path).resolve()
    if not path.is_file():
        raise PrintError(PrintProblem.FILE_MISSING, path)
    if sys.platform == "win32":
        return _print_windows(path)
    return _print_lp(path, printer)


def _print_windows(path: Path) -> PrintResult:
    try:
        os.startfile(path, "print")  # type: ignore[attr-defined]  # Windows only
    except OSError as exc:
        # 1155: no application is associated with the file for this operation
        if getattr(exc, "winerror", None) == 1155:
            raise NoPrinterError(PrintProblem.NO_PDF_PROGRAM, path) from exc
        raise PrintError(PrintProblem.PRINTER_REFUSED, path, exc.strerror or str(exc)) from exc
    return PrintResult(path=path, printer=None, job=None)


def _print_lp(path: Path, printer: str | None) -> PrintResult:
    lp = shutil.which("lp")
    if lp is None:
        raise NoPrinterError(PrintProblem.NO_PRINT_COMMAND, path)
    command = [lp, "-t", path.name]
    if printer:
        command += ["-d", printer]
    command += ["--", str(path)]
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=LP_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise PrintError(PrintProblem.NO_ANSWER, path) from exc
    except OSError as exc:  # lp is there but cannot be run
        raise PrintError(PrintProblem.PRINTER_REFUSED, path, f"{lp}: {exc.strerror}") from exc
    if done.returncode != 0:
        words = done.stderr.strip() or done.stdout.strip() or f"lp exit status {done.returncode}"
        raise PrintError(PrintProblem.PRINTER_REFUSED, path, words)
    request = _REQUEST_ID.search(done.stdout)
    return PrintResult(path=path, printer=printer, job=request.group(1) if request else None)
