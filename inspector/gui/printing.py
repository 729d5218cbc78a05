"""Print and Open for a PDF the app has written, with every failure said in words.

Printing runs off the GUI thread (``lp`` can take seconds to answer, a Windows PDF program
longer); the result comes back by signal. When the sheet cannot be printed or the PDF cannot be
opened, a message box says why and where the file is, and offers to open its folder.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from inspector.services.printing import PrintError, PrintProblem, PrintResult, print_pdf

log = logging.getLogger(__name__)

PrintFn = Callable[[Path], PrintResult]


class _PrintSignals(QObject):
    """Lives on the GUI thread; the worker emits, so the slots run on the GUI thread."""

    done = Signal(object)  # PrintResult
    failed = Signal(object)  # the exception


class _PrintJob(QRunnable):
    def __init__(self, print_fn: PrintFn, path: Path, signals: _PrintSignals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._print_fn = print_fn
        self._path = path
        self._signals = signals

    def run(self) -> None:  # runs on the print thread
        try:
            result = self._print_fn(self._path)
        except Exception as exc:
            self._signals.failed.emit(exc)
        else:
            self._signals.done.emit(result)


class PdfActions(QObject):
    """Print a PDF in the background, open it or its folder; failures get a message box."""

    printed = Signal(object)  # PrintResult
    print_failed = Signal(object)  # the PrintError (or the unexpected exception)

    def __init__(self, parent: QWidget, print_fn: PrintFn = print_pdf) -> None:
        super().__init__(parent)
        self._widget = parent
        self._print_fn = print_fn
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one print job at a time, in the order asked
        self._pending: set[_PrintSignals] = set()
        self.message_box: QMessageBox | None = None  # the last message shown (for tests)

    # -- printing -------------------------------------------------------------------------

    def print_file(self, path: Path) -> None:
        """Send ``path`` to the printer off the GUI thread; ``printed`` or a message follows."""
        path = Path(path)
        signals = _PrintSignals(self)
        signals.done.connect(lambda result, s=signals: self._printed(s, result))
        signals.failed.connect(lambda exc, s=signals, p=path: self._failed(s, p, exc))
        self._pending.add(signals)
        self._pool.start(_PrintJob(self._print_fn, path, signals))

    def wait(self, msecs: int = -1) -> bool:
        """Block until no print job is running (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)

    def _printed(self, signals: _PrintSignals, result: PrintResult) -> None:
        self._forget(signals)
        log.info("sent %s to the printer%s", result.path, f" ({result.job})" if result.job else "")
        self.printed.emit(result)

    def _failed(self, signals: _PrintSignals, path: Path, exc: Exception) -> None:
        self._forget(signals)
        if isinstance(exc, PrintError):
            log.warning("%s", exc)
            reason = self._print_reason(exc)
        else:  # a bug, but the user still needs to know the sheet did not print, and where it is
            log.error("printing %s failed", path, exc_info=(type(exc), exc, exc.__traceback__))
            reason = self.tr("The sheet was not printed: {error}").format(error=exc)
        self._show_problem(self.tr("Not printed"), reason, path)
        self.print_failed.emit(exc)

    def _forget(self, signals: _PrintSignals) -> None:
        self._pending.discard(signals)
        signals.deleteLater()

    def _print_reason(self, exc: PrintError) -> str:
        reason = {
            PrintProblem.NO_PRINT_COMMAND: self.tr(
                "This computer has no print command (CUPS 'lp' was not found), so Inspector "
                "cannot send the sheet to a printer."
            ),
            PrintProblem.NO_PDF_PROGRAM: self.tr(
                "Windows has no program that prints PDF files. Install a PDF reader, or open "
                "the file and print it from there."
            ),
            PrintProblem.PRINTER_REFUSED: self.tr("The printer did not take the sheet."),
            PrintProblem.NO_ANSWER: self.tr(
                "The print system did not answer. Check that the printer is on and connected."
            ),
            PrintProblem.FILE_MISSING: self.tr("The PDF to print is no longer there."),
        }[exc.problem]
        if exc.detail:
            reason += "\n\n" + self.tr("The print system said: {detail}").format(detail=exc.detail)
        return reason

    # -- opening --------------------------------------------------------------------------

    def open_file(self, path: Path) -> bool:
        """Open the PDF in the system's viewer; if nothing opens it, say so and where it is."""
        path = Path(path)
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return True
        log.warning("no program opened %s", path)
        self._show_problem(
            self.tr("Not opened"),
            self.tr("No program on this computer opened the PDF (is a PDF viewer installed?)."),
            path,
        )
        return False

    def open_folder(self, path: Path) -> bool:
        """Open the folder holding ``path`` (or ``path`` itself if it is a folder)."""
        path = Path(path)
        folder = path if path.is_dir() else path.parent
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            return True
        log.warning("no program opened the folder %s", folder)
        box = self._box(
            self.tr("Not opened"),
            self.tr("The folder could not be opened. It is:\n{folder}").format(folder=folder),
        )
        box.addButton(QMessageBox.StandardButton.Close)
        box.open()
        return False

    # -- messages -------------------------------------------------------------------------

    def _show_problem(self, title: str, reason: str, path: Path) -> None:
        box = self._box(title, reason)
        box.setInformativeText(self.tr("The PDF is saved at:\n{path}").format(path=path))
        folder_button = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        folder_button.setObjectName("openFolderButton")
        close = box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(close)
        folder_button.clicked.connect(lambda: self.open_folder(path))
        box.open()  # window-modal, without blocking the event loop

    def _box(self, title: str, text: str) -> QMessageBox:
        if self.message_box is not None:  # one message at a time: the newest says it all
            self.message_box.close()
            self.message_box.deleteLater()
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self._widget)
        self.message_box = box
        return box
