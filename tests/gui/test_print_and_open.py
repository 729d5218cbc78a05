"""Print and Open from the screens: the line-up summary's sheet and the Reports page's PDFs.

A stand-in ``lp`` on PATH records what it is given; without one, or when it fails, the user gets
a message with the reason and the file's place, and a button that opens the folder.
"""

from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path

import pytest
from helpers.gui_pages import add_people, run_lineup
from helpers.lp import install_lp, install_recording_lp, remove_lp
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton

from inspector.gui.pages.reports_page import ReportsPage

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="CUPS lp is the Unix path")

PRINT_TIMEOUT = 30_000


@pytest.fixture(autouse=True)
def _failures_are_logged(caplog: pytest.LogCaptureFixture) -> None:
    """A print or open that fails is logged as a warning, beside the message the user sees."""
    caplog.set_level(logging.WARNING, logger="inspector.gui.printing")


@pytest.fixture
def lp_args(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working lp: the file where it writes its arguments, one a line."""
    return install_recording_lp(tmp_path, monkeypatch, "Office-7")


@pytest.fixture
def no_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    remove_lp(tmp_path, monkeypatch)


@pytest.fixture
def broken_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install_lp(tmp_path, monkeypatch, "echo 'lp: Error - No default destination.' >&2\nexit 1\n")


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """What the app asked the desktop to open (nothing really opens in tests)."""
    paths: list[Path] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: paths.append(Path(url.toLocalFile())) or True
    )
    return paths


@pytest.fixture
def nothing_opens(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """A desktop with no program for PDFs or folders: openUrl says False."""
    asked: list[Path] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: asked.append(Path(url.toLocalFile())) and False
    )
    return asked


def wait_for_message(qtbot, actions):
    qtbot.waitUntil(lambda: actions.message_box is not None and actions.message_box.isVisible())
    return actions.message_box


def button(box, name: str) -> QPushButton:
    return next(b for b in box.buttons() if b.text() == name)


# -- the line-up summary ---------------------------------------------------------------------


def test_print_sends_the_sheet_to_lp(
    qtbot, roster, window, press, pass_everyone, lp_args, opened
) -> None:
    pass_everyone(window)
    summary = window.lineup.summary

    with qtbot.waitSignal(summary.pdf.printed, timeout=PRINT_TIMEOUT):
        qtbot.mouseClick(summary.print_button, Qt.MouseButton.LeftButton)

    pdf = Path(lp_args.read_text(encoding="utf-8").splitlines()[-1])
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.name.startswith("lineup-")
    assert "sent to the printer" in summary.sheet_status.text()
    assert str(pdf) in summary.sheet_status.text()
    assert opened == []  # printing does not open a viewer
    assert summary.pdf.message_box is None


def test_print_without_lp_says_where_the_sheet_is_and_opens_its_folder(
    qtbot, roster, window, press, pass_everyone, no_lp, opened
) -> None:
    pass_everyone(window)
    summary = window.lineup.summary
    with qtbot.waitSignal(summary.pdf.print_failed, timeout=PRINT_TIMEOUT) as failed:
        qtbot.mouseClick(summary.print_button, Qt.MouseButton.LeftButton)

    pdf = failed.args[0].path
    assert pdf.read_bytes().startswith(b"%PDF")
    box = wait_for_message(qtbot, summary.pdf)
    assert "no print command" in box.text()
    assert str(pdf) in box.informativeText()
    assert "not printed" in summary.sheet_status.text()

    qtbot.mouseClick(button(box, "Open folder"), Qt.MouseButton.LeftButton)
    assert opened == [pdf.parent]


def test_a_failing_printer_gives_its_reason(
    qtbot, roster, window, press, pass_everyone, broken_lp, opened
) -> None:
    pass_everyone(window)
    summary = window.lineup.summary
    with qtbot.waitSignal(summary.pdf.print_failed, timeout=PRINT_TIMEOUT):
        qtbot.mouseClick(summary.print_button, Qt.MouseButton.LeftButton)

    box = wait_for_message(qtbot, summary.pdf)
    assert "The printer did not take the sheet." in box.text()
    assert "lp: Error - No default destination." in box.text()


def test_open_without_a_pdf_viewer_says_so(
    qtbot, roster, window, press, pass_everyone, nothing_opens
) -> None:
    pass_everyone(window)
    summary = window.lineup.summary
    with qtbot.waitSignal(summary.sheet_ready, timeout=PRINT_TIMEOUT) as ready:
        qtbot.mouseClick(summary.open_sheet_button, Qt.MouseButton.LeftButton)

    pdf = ready.args[0]
    assert nothing_opens == [pdf]
    box = wait_for_message(qtbot, summary.pdf)
    assert "No program on this computer opened the PDF" in box.text()
    assert str(pdf) in box.informativeText()

    qtbot.mouseClick(button(box, "Open folder"), Qt.MouseButton.LeftButton)
    folder_box = wait_for_message(qtbot, summary.pdf)  # the folder did not open either
    assert str(pdf.parent) in folder_box.text()


# -- the Reports page ------------------------------------------------------------------------


@pytest.fixture
def lineup(store, catalogue):
    people = add_people(store)
    return run_lineup(store, catalogue, date(2025, 5, 6), people[:4])


@pytest.fixture
def page(qtbot, context, lineup, tmp_path):
    widget = ReportsPage(context)
    widget.set_output_dir(tmp_path / "reports", remember=False)
    widget.open_when_done = False
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def build(qtbot, page, kind: str = "lineup") -> Path:
    page.set_report(kind)
    page.set_month(date(2025, 5, 1))
    signal = page.export_finished if kind == "figures" else page.report_finished
    with qtbot.waitSignal(signal, timeout=120_000) as finished:
        qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    return Path(finished.args[0])


def test_reports_print_sends_the_pdf_to_lp(qtbot, page, lp_args) -> None:
    assert not page.print_button.isVisible()
    pdf = build(qtbot, page)
    assert page.print_button.isVisible() and page.open_button.isVisible()

    with qtbot.waitSignal(page.pdf.printed, timeout=PRINT_TIMEOUT):
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)

    assert lp_args.read_text(encoding="utf-8").splitlines()[-1] == str(pdf)
    assert page.status_label.text() == "Sent to the printer:"
    assert page.path_label.text() == str(pdf)


def test_reports_print_failure_is_said(qtbot, page, broken_lp) -> None:
    pdf = build(qtbot, page)
    with qtbot.waitSignal(page.pdf.print_failed, timeout=PRINT_TIMEOUT):
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)

    box = wait_for_message(qtbot, page.pdf)
    assert "No default destination" in box.text()
    assert str(pdf) in box.informativeText()
    assert page.status_label.text() == "Not printed; the file is here:"


def test_reports_open_failure_is_said(qtbot, page, nothing_opens) -> None:
    pdf = build(qtbot, page)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)

    assert nothing_opens == [pdf]
    box = wait_for_message(qtbot, page.pdf)
    assert "No program on this computer opened the PDF" in box.text()
    assert str(pdf) in box.informativeText()


def test_a_spreadsheet_export_offers_no_print(qtbot, page, opened) -> None:
    path = build(qtbot, page, "figures")
    assert path.suffix in (".xlsx", ".csv")
    assert page.open_button.isVisible()
    assert not page.print_button.isVisible()
