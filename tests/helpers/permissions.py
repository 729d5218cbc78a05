"""File permissions as a desktop session sets them, for the tests that files are private."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest


def mode(path: Path) -> int:
    """The permission bits of ``path`` (0o600 for a file only its owner may read)."""
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def desktop_umask() -> Iterator[None]:
    """The usual umask of a desktop session: files 0644, folders 0755 unless made private;
    the test's own umask is put back after it."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)
