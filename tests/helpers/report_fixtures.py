"""Fixtures of the report and figures tests: a seeded database and PDF helpers."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from helpers.reports_data import assert_clean_cjk_pdf, pdf_pages, pdf_text, seed
from inspector.storage import Store


@pytest.fixture(scope="session")
def seeded_master(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    path = tmp_path_factory.mktemp("reports") / "seeded.db"
    with Store(path) as store:
        ids = seed(store)
    return path, ids


@pytest.fixture
def seeded_path(seeded_master, tmp_path: Path) -> Path:
    """A private copy of the seeded database (tests may change it)."""
    path = tmp_path / "seeded.db"
    shutil.copyfile(seeded_master[0], path)
    return path


@pytest.fixture
def lineup_ids(seeded_master) -> dict[tuple[date, str], int]:
    return seeded_master[1]


@pytest.fixture
def seeded(seeded_path: Path):
    with Store(seeded_path) as store:
        yield store


@pytest.fixture(scope="session")
def built(seeded_master, tmp_path_factory):
    """``built(name, build)``: the PDF ``build(store, out_path)`` makes from the seeded
    database (read-only), built and checked (``assert_clean_cjk_pdf``) once per test run;
    returns (path, text)."""
    folder = tmp_path_factory.mktemp("built")
    cache: dict[str, tuple[Path, str]] = {}

    def get(name: str, build) -> tuple[Path, str]:
        if name not in cache:
            with Store(seeded_master[0], read_only=True) as store:
                path = Path(build(store, folder / f"{name}.pdf"))
            cache[name] = (path, assert_clean_cjk_pdf(path))
        return cache[name]

    return get


@pytest.fixture
def read_pdf():
    return pdf_text


@pytest.fixture
def read_pages():
    return pdf_pages


@pytest.fixture
def clean_pdf():
    return assert_clean_cjk_pdf
