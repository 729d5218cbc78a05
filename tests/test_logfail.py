"""The log check itself: an unexpected warning is kept to fail the test, an expected one is not."""

from __future__ import annotations

import logging

import pytest
from helpers.logfail import LogFailHandler

log = logging.getLogger("inspector.sample")


def _record(level: int) -> logging.LogRecord:
    return log.makeRecord(log.name, level, __file__, 1, "disk nearly full", (), None)


def test_a_warning_nobody_expected_is_kept() -> None:
    handler = LogFailHandler(caplog=None)
    handler.emit(_record(logging.INFO))
    handler.emit(_record(logging.WARNING))
    handler.emit(_record(logging.ERROR))
    assert [r.levelname for r in handler.unexpected] == ["WARNING", "ERROR"]


def test_a_warning_expected_through_caplog_passes(caplog: pytest.LogCaptureFixture) -> None:
    handler = LogFailHandler(caplog)
    with caplog.at_level(logging.WARNING):
        handler.emit(_record(logging.WARNING))
        log.warning("disk nearly full")  # the autouse check sees this one and lets it pass
    handler.emit(_record(logging.WARNING))  # after the block: not expected any more
    assert len(handler.unexpected) == 1
    assert caplog.records[0].getMessage() == "disk nearly full"
