"""A stand-in CUPS ``lp`` for the printing tests: a shell script alone on PATH."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest


def install_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> Path:
    """Put an ``lp`` script alone on PATH (shell built-ins only, so PATH can hold nothing
    else) and return it."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    lp = bin_dir / "lp"
    lp.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    lp.chmod(lp.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    monkeypatch.setenv("PATH", str(bin_dir))
    return lp


def install_recording_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, job: str) -> Path:
    """An lp that writes each argument on a line of the returned file and answers as CUPS
    does with request id ``job``."""
    record = tmp_path / "lp-args.txt"
    install_lp(
        tmp_path,
        monkeypatch,
        f"printf '%s\\n' \"$@\" > '{record}'\necho 'request id is {job} (1 file(s))'\n",
    )
    return record


def remove_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A PATH with no ``lp`` on it (nor anything else)."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
