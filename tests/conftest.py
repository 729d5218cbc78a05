"""Shared fixtures: every test gets a fresh database through the real migrations."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt tests run without a display; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["helpers.report_fixtures", "helpers.logfail", "helpers.permissions"]


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test away from the user's real data directory."""
    data = tmp_path / "data"
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(data))
    return data


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "inspector.db"


@pytest.fixture
def store(db_path: Path):
    from inspector.storage import Store

    with Store(db_path) as opened:
        yield opened


@pytest.fixture(scope="session")
def catalogue():
    """The shipped checklists (loaded once: they are immutable)."""
    from inspector.files.checklists import load_catalogue

    return load_catalogue()


@pytest.fixture(autouse=True)
def _no_crash_dialog(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An uncaught exception in the GUI fails the test that caused it instead of opening the
    modal crash dialog, which would wait for a click that never comes."""
    from inspector.gui import errors

    crashes: list[BaseException] = []
    monkeypatch.setattr(errors, "show_crash", lambda _parent, exc: crashes.append(exc))
    yield
    if crashes:
        pytest.fail(f"the app would have shown its crash dialog: {crashes[0]!r}")
