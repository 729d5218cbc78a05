"""A log record at WARNING or above fails the test that caused it, unless the test expected it.

A test expects warnings by declaring their level through caplog (``caplog.at_level(logging.WARNING)``
or ``caplog.set_level``) around the code that logs them, and then asserts on ``caplog.records``
(around a ``qtbot.waitSignal`` block too: ``with caplog.at_level(...), qtbot.waitSignal(...)``,
so the level still holds while the signal is awaited).
Records are collected while the test runs (from any thread) and reported when it ends, so a
warning logged inside a Qt slot or a worker thread fails the test too.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

import pytest

FAIL_LEVEL = logging.WARNING


class LogFailHandler(logging.Handler):
    """Keeps the records at ``FAIL_LEVEL`` or above that no caplog level covered."""

    def __init__(self, caplog: pytest.LogCaptureFixture | None) -> None:
        super().__init__(logging.NOTSET)
        self._caplog = caplog
        self._lock = threading.Lock()
        self.unexpected: list[logging.LogRecord] = []

    def _expected(self, record: logging.LogRecord) -> bool:
        if self._caplog is None:
            return False
        level = self._caplog.handler.level
        return logging.NOTSET < level <= record.levelno

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno < FAIL_LEVEL or self._expected(record):
            return
        with self._lock:
            self.unexpected.append(record)


@pytest.fixture(autouse=True)
def fail_on_unexpected_log(request: pytest.FixtureRequest) -> Iterator[None]:
    caplog = request.getfixturevalue("caplog") if "caplog" in request.fixturenames else None
    handler = LogFailHandler(caplog)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
    if handler.unexpected:
        lines = [
            f"{record.levelname} on {record.name}: {record.getMessage()}"
            for record in handler.unexpected
        ]
        pytest.fail(
            "A log record the test did not expect (expect it with caplog.at_level):\n"
            + "\n".join(lines),
            pytrace=False,
        )
