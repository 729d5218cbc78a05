"""Where the shipped checklists and resources are found: a checkout, or the self-contained app."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from inspector import paths


def make_bundle(root: Path) -> Path:
    """A folder laid out as PyInstaller unpacks the app: checklists/ and resources/ in it."""
    (root / "checklists").mkdir(parents=True)
    (root / "checklists" / "uniform.toml").write_text("", encoding="utf-8")
    (root / "resources" / "fonts").mkdir(parents=True)
    (root / "resources" / "translations").mkdir(parents=True)
    return root


def test_a_checkout_finds_the_folders_at_its_top() -> None:
    root = Path(__file__).resolve().parent.parent
    assert paths.shipped_checklists_dir() == root / "checklists"
    assert paths.font_path() == root / "resources" / "fonts" / "WenQuanYiMicroHei.ttf"
    assert paths.font_path().is_file()
    assert not paths.is_frozen()


def test_the_frozen_app_finds_the_folders_in_its_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = make_bundle(tmp_path / "dist" / "inspector" / "_internal")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)

    assert paths.is_frozen()
    assert paths.shipped_checklists_dir() == bundle / "checklists"
    assert paths.resources_dir() == bundle / "resources"
    assert paths.font_path() == bundle / "resources" / "fonts" / "WenQuanYiMicroHei.ttf"
    assert paths.translations_dir() == bundle / "resources" / "translations"


def test_an_incomplete_bundle_names_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "_internal"
    bundle.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)

    with pytest.raises(FileNotFoundError, match="install it again") as raised:
        paths.shipped_checklists_dir()
    assert str(bundle) in str(raised.value)


def test_the_user_data_stays_outside_the_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An update replaces the app folder; the database must not live in it."""
    bundle = make_bundle(tmp_path / "app" / "_internal")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.delenv("INSPECTOR_DATA_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))

    database = paths.default_db_path()
    assert tmp_path / "app" not in database.parents
    assert database.parent.name == paths.APP_NAME
