"""Report PDFs, exports and the log are created readable by their owner only (0600), and the
folders the app makes for them 0700, whatever the umask; a folder the user chose is kept."""

from __future__ import annotations

import logging
import os
from datetime import date
from pathlib import Path

import pytest
from helpers.permissions import mode

from inspector.services.figures import export_monthly
from inspector.services.report_jobs import build_lineup_sheet

pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="POSIX permissions"),
    pytest.mark.usefixtures("desktop_umask"),
]


def test_a_report_pdf_is_private(seeded, lineup_ids, tmp_path: Path) -> None:
    chosen = tmp_path / "chosen"
    chosen.mkdir(mode=0o755)
    sheet = build_lineup_sheet(seeded, next(iter(lineup_ids.values())), chosen / "sheet.pdf")
    assert mode(sheet) == 0o600
    assert mode(chosen) == 0o755  # the user's folder is left as it was
    made = build_lineup_sheet(
        seeded, next(iter(lineup_ids.values())), tmp_path / "new" / "sheet.pdf"
    )
    assert mode(made) == 0o600 and mode(made.parent) == 0o700


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_is_private(seeded, lineup_ids, tmp_path: Path, fmt: str) -> None:
    month = date(next(iter(lineup_ids))[0].year, next(iter(lineup_ids))[0].month, 1)
    out = export_monthly(seeded, month, tmp_path / "exports" / f"month.{fmt}", fmt)
    assert mode(out) == 0o600 and mode(out.parent) == 0o700


def test_the_log_is_private_also_after_it_rotates(tmp_path: Path) -> None:
    from inspector.gui.startup import configure_logging

    log_file = tmp_path / "inspector.log"
    handler = configure_logging(log_file)
    try:
        logging.getLogger("inspector.test").info("a line")
        handler.flush()
        assert mode(log_file) == 0o600
        handler.doRollover()
        logging.getLogger("inspector.test").info("after the rotation")
        handler.flush()
        assert mode(log_file) == 0o600
        assert mode(log_file.with_name("inspector.log.1")) == 0o600
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
