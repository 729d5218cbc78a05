"""The report font: embedded, never replaced by a built-in PDF font, and covering every label."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from inspector import paths
from inspector.reports import fonts, i18n
from inspector.reports.fonts import (
    FONT_NAME,
    ReportFontError,
    load_font,
    missing_glyphs,
    register_fonts,
)
from inspector.services.report_jobs import build_lineup_sheet


def test_registers_the_bundled_font_once() -> None:
    assert register_fonts() == FONT_NAME
    assert register_fonts() == FONT_NAME
    assert fonts.font_file() == paths.font_path()


def test_missing_font_file_is_a_clear_error(monkeypatch, tmp_path, seeded, lineup_ids) -> None:
    gone = tmp_path / "fonts" / "WenQuanYiMicroHei.ttf"
    monkeypatch.setattr(paths, "font_path", lambda: gone)
    with pytest.raises(ReportFontError, match=r"report font .*WenQuanYiMicroHei\.ttf is missing"):
        register_fonts()
    with pytest.raises(ReportFontError):
        build_lineup_sheet(seeded, next(iter(lineup_ids.values())), tmp_path / "x.pdf", "zh")
    assert not (tmp_path / "x.pdf").exists()


def test_unreadable_font_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    with pytest.raises(ReportFontError, match="cannot be read"):
        load_font(broken)


def test_every_label_has_glyphs() -> None:
    words = [t.zh + t.en for t in i18n.LABELS.values()]
    words += [
        t.zh + t.en
        for t in (*i18n.STATUS.values(), *i18n.ATTENDANCE.values(), *i18n.SEVERITY.values())
    ]
    words += [i18n.page_label(3, 12, "both"), i18n.month_label(date(2025, 1, 1), "both")]
    words += ["–…•·—×÷％（）：；，。0123456789%+-"]
    assert missing_glyphs("".join(words)) == set()


def test_missing_glyphs_finds_what_the_font_lacks() -> None:
    assert missing_glyphs("张伟 Zhang Wei") == set()
    assert missing_glyphs("김민준") == {"김", "민", "준"}  # Hangul is not in the bundled subset
