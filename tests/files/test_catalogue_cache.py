"""The checklists kept between starts: always what reading the files would give."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from inspector import paths
from inspector.files.catalogue_cache import cache_path, load_catalogue_cached
from inspector.files.checklists import ChecklistError, load_catalogue


def hands(catalogue) -> str:
    [found] = [s for s in catalogue.sets if s.id == "hands"]
    return found.title.en


def company_hands(folder: Path, title: str) -> Path:
    """A company's own version of the shipped hands set, under another English name."""
    folder.mkdir(parents=True, exist_ok=True)
    text = (paths.shipped_checklists_dir() / "hands.toml").read_text(encoding="utf-8")
    path = folder / "hands.toml"
    path.write_text(text.replace('en = "Hands"', f'en = "{title}"', 1), encoding="utf-8")
    return path


def test_a_second_start_gets_the_same_checklists_from_the_cache() -> None:
    first = load_catalogue_cached()
    assert cache_path().is_file()
    assert os.stat(cache_path()).st_mode & 0o077 == 0  # private, as the data folder
    assert load_catalogue_cached() == first == load_catalogue()


def test_a_changed_file_is_read_again() -> None:
    folder = paths.user_checklists_dir()
    path = company_hands(folder, "Hands (company)")
    assert hands(load_catalogue_cached()) == "Hands (company)"
    company_hands(folder, "Hands and nails")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1))
    assert hands(load_catalogue_cached()) == "Hands and nails"
    path.unlink()  # a file taken away: the shipped set again
    assert hands(load_catalogue_cached()) == "Hands"


def test_another_folder_is_read_not_the_cache(tmp_path: Path) -> None:
    assert hands(load_catalogue_cached()) == "Hands"
    extra = tmp_path / "company"
    company_hands(extra, "Hands (site)")
    assert hands(load_catalogue_cached([extra])) == "Hands (site)"
    assert hands(load_catalogue_cached()) == "Hands"


def test_a_broken_file_is_reported_at_every_start() -> None:
    load_catalogue_cached()
    folder = paths.user_checklists_dir()
    folder.mkdir(parents=True)
    (folder / "notes.toml").write_text("not = [valid", encoding="utf-8")
    for _start in range(2):
        with pytest.raises(ChecklistError) as raised:
            load_catalogue_cached()
        assert any("notes.toml" in str(problem) for problem in raised.value.problems)


@pytest.mark.parametrize("damage", [b"", b"\x80\x04garbage", b"not a pickle at all"])
def test_a_damaged_cache_is_read_past(damage: bytes) -> None:
    load_catalogue_cached()
    cache_path().write_bytes(damage)
    assert load_catalogue_cached() == load_catalogue()
