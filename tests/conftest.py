"""Shared fixtures: every test gets a fresh database through the real migrations."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Qt tests run without a display; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["helpers.report_fixtures", "helpers.logfail"]


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
