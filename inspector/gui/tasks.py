"""One background worker for long jobs (PDF builds, imports, aggregations).

A task is a function ``fn(store, progress) -> result`` run on the single worker thread with a
Store of its own (SQLite connections stay on the thread that opened them); ``progress`` is a
callable ``(fraction, message)``. Results, errors and progress come back on the GUI thread by
queued signals. One worker means never two ReportLab builds at once. Workers never touch widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from inspector.storage import Store

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]
TaskFn = Callable[[Store, Progress], Any]


class TaskSignals(QObject):
    """Lives on the GUI thread; the worker emits, so slots run on the GUI thread."""

    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(
        self, db_path: Path, fn: TaskFn, signals: TaskSignals, *, read_only: bool = False
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._db_path = db_path
        self._read_only = read_only
        self._fn = fn
        self._signals = signals

    def run(self) -> None:  # runs on the worker thread
        try:
            with Store(self._db_path, read_only=self._read_only) as store:
                result = self._fn(store, self._signals.progress.emit)
        except Exception as exc:  # passed on whole: the receiver logs and shows it
            self._signals.failed.emit(exc)
        else:
            self._signals.finished.emit(result)


def _log_unhandled(exc: Exception) -> None:
    log.error("background task failed", exc_info=(type(exc), exc, exc.__traceback__))


class TaskRunner(QObject):
    """Runs tasks one at a time off the GUI thread."""

    busy_changed = Signal(bool)

    def __init__(
        self, db_path: Path, parent: QObject | None = None, *, read_only: bool = False
    ) -> None:
        """``read_only``: the tasks' stores only read (the window has the database read-only,
        perhaps on a medium that cannot be written)."""
        super().__init__(parent)
        self._db_path = db_path
        self._read_only = read_only
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pending: set[TaskSignals] = set()

    def submit(
        self,
        fn: TaskFn,
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        on_progress: Callable[[float, str], None] | None = None,
    ) -> TaskSignals:
        signals = TaskSignals(self)
        if on_done:
            signals.finished.connect(on_done)
        # The receiver of an error decides how it is told (``show_error`` logs an expected
        # error as a warning, a bug with its traceback); nobody listening is a bug's log line.
        signals.failed.connect(on_error or _log_unhandled)
        if on_progress:
            signals.progress.connect(on_progress)
        signals.finished.connect(lambda _result, s=signals: self._forget(s))
        signals.failed.connect(lambda _exc, s=signals: self._forget(s))
        self._pending.add(signals)
        self.busy_changed.emit(True)
        self._pool.start(_Task(self._db_path, fn, signals, read_only=self._read_only))
        return signals

    def _forget(self, signals: TaskSignals) -> None:
        self._pending.discard(signals)
        signals.deleteLater()
        if not self._pending:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)
