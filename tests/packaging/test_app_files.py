"""What the self-contained app ships besides the code: the icon in every size, the menu entry."""

from __future__ import annotations

import configparser
from pathlib import Path

import pytest

from inspector import paths

ROOT = Path(__file__).resolve().parent.parent.parent
SIZES = (16, 24, 32, 48, 64, 128, 256)


@pytest.mark.parametrize("size", SIZES)
def test_the_icon_exists_in_each_size(size: int) -> None:
    from PySide6.QtGui import QImage

    image = QImage(str(paths.icon_path(size)))
    assert (image.width(), image.height()) == (size, size)


def test_the_windows_icon_holds_every_size() -> None:
    ico = paths.resources_dir() / "icons" / "inspector.ico"
    data = ico.read_bytes()
    assert data[:4] == b"\x00\x00\x01\x00"  # an icon file
    assert int.from_bytes(data[4:6], "little") == len(SIZES)


def test_the_window_carries_the_app_icon(qapp) -> None:
    from inspector.gui.startup import application

    assert not application().windowIcon().isNull()


def test_the_linux_menu_entry_starts_the_app_with_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(ROOT / "packaging" / "linux" / "inspector.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"] == "inspector"  # install.sh writes the full path
    assert section["Icon"] == "inspector"  # installed as hicolor/NxN/apps/inspector.png
    assert section["Terminal"] == "false"
