"""Printing a PDF: through CUPS lp (a stand-in lp on PATH records what it was given), and the
words a user gets when it cannot be done."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from helpers.lp import install_lp, install_recording_lp, remove_lp

from inspector.domain.errors import UserError
from inspector.services import printing
from inspector.services.printing import NoPrinterError, PrintError, PrintProblem, print_pdf

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="CUPS lp is the Unix path")


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    path = tmp_path / "sheets" / "lineup 2025-05-06.pdf"
    path.parent.mkdir()
    path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    return path


@pytest.fixture
def recording_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An lp that writes each argument on a line of a file and answers as CUPS does."""
    return install_recording_lp(tmp_path, monkeypatch, "Office-42")


def test_the_pdf_path_reaches_lp(pdf: Path, recording_lp: Path) -> None:
    result = print_pdf(pdf)

    arguments = recording_lp.read_text(encoding="utf-8").splitlines()
    assert arguments[-2:] == ["--", str(pdf)]  # the whole path, spaces and all, as one file
    assert "-d" not in arguments  # the default printer
    assert result.job == "Office-42"
    assert result.path == pdf


def test_a_named_printer_is_asked_for(pdf: Path, recording_lp: Path) -> None:
    print_pdf(pdf, printer="Front-desk")

    arguments = recording_lp.read_text(encoding="utf-8").splitlines()
    assert arguments[arguments.index("-d") + 1] == "Front-desk"
    assert arguments[-1] == str(pdf)


def test_no_lp_says_so_and_where_the_file_is(
    pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    remove_lp(tmp_path, monkeypatch)

    with pytest.raises(NoPrinterError) as raised:
        print_pdf(pdf)

    assert isinstance(raised.value, UserError)
    assert raised.value.problem is PrintProblem.NO_PRINT_COMMAND
    assert raised.value.path == pdf
    message = str(raised.value)
    assert "'lp' was not found" in message
    assert str(pdf) in message


def test_a_failing_lp_gives_its_own_words(
    pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_lp(
        tmp_path, monkeypatch, "echo 'lp: The printer or class does not exist.' >&2\nexit 1\n"
    )

    with pytest.raises(PrintError) as raised:
        print_pdf(pdf, printer="Gone")

    assert not isinstance(raised.value, NoPrinterError)
    assert raised.value.problem is PrintProblem.PRINTER_REFUSED
    assert raised.value.detail == "lp: The printer or class does not exist."
    message = str(raised.value)
    assert "The printer did not take the sheet: lp: The printer or class does not exist." in message
    assert str(pdf) in message


def test_a_failing_lp_without_words_gives_its_status(
    pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_lp(tmp_path, monkeypatch, "exit 3\n")

    with pytest.raises(PrintError, match="lp exit status 3"):
        print_pdf(pdf)


def test_a_missing_pdf_is_named(tmp_path: Path, recording_lp: Path) -> None:
    missing = tmp_path / "gone.pdf"

    with pytest.raises(PrintError) as raised:
        print_pdf(missing)

    assert raised.value.problem is PrintProblem.FILE_MISSING
    assert str(missing) in str(raised.value)
    assert not recording_lp.exists()  # lp was never asked


class TestWindows:
    """The Windows path hands the PDF to the system's print verb (os.startfile)."""

    @pytest.fixture(autouse=True)
    def _on_windows(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(printing.sys, "platform", "win32")

    def test_the_print_verb_gets_the_pdf(self, pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        calls: list[tuple[Path, str]] = []
        monkeypatch.setattr(os, "startfile", lambda *args: calls.append(args), raising=False)

        print_pdf(pdf)

        assert calls == [(pdf, "print")]

    def test_no_program_for_pdfs_is_said(self, pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        def startfile(path: Path, verb: str) -> None:
            error = OSError(22, "No application is associated with the specified file")
            error.winerror = 1155
            raise error

        monkeypatch.setattr(os, "startfile", startfile, raising=False)

        with pytest.raises(NoPrinterError) as raised:
            print_pdf(pdf)

        assert raised.value.problem is PrintProblem.NO_PDF_PROGRAM
        assert "Windows has no program that prints PDF files" in str(raised.value)
        assert str(pdf) in str(raised.value)
