"""The reports screen: PDFs and figures built in the background, opened when ready."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers.gui_pages import add_people, run_lineup
from helpers.reports_data import squash
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from inspector.gui.pages import reports_page as reports_module
from inspector.gui.pages.reports_page import ReportsPage, default_output_dir

MAY = date(2025, 5, 1)


@pytest.fixture
def month_of_lineups(store, catalogue):
    people = add_people(store)
    east = [p for p in people if p.site == "东湖花园"]
    run_lineup(
        store,
        catalogue,
        date(2025, 5, 6),
        east,
        faults={"E001": ["hair.hair.messy"], "E004": ["upper-body.clean.stained"]},
    )
    return run_lineup(
        store,
        catalogue,
        date(2025, 5, 7),
        east,
        absent=["E002"],
        faults={"E003": ["hands.nails.polish"]},
    )


@pytest.fixture
def opened(monkeypatch) -> list:
    """What the page asked the system to open (nothing really opens in tests)."""
    urls: list = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


@pytest.fixture
def errors(monkeypatch) -> list:
    """Errors the page would show in a message box (a box would block the test)."""
    shown: list = []
    monkeypatch.setattr(reports_module, "show_error", lambda *args, **kw: shown.append(args[1]))
    return shown


@pytest.fixture
def page(qtbot, context, month_of_lineups, tmp_path):
    widget = ReportsPage(context)
    widget.set_output_dir(tmp_path / "reports", remember=False)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def pdf_text(path: str | Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_monthly_pack_is_built_in_the_background_and_opened(qtbot, page, opened, errors):
    page.set_report("monthly")
    page.set_month(MAY)
    page.set_language("en")
    assert page.month_edit.isVisible() and not page.lineup_combo.isVisible()
    progress_values = []
    page.progress.valueChanged.connect(progress_values.append)

    with qtbot.waitSignal(page.report_finished, timeout=120_000) as finished:
        qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
        assert page.progress.isVisible()
        assert not page.build_button.isEnabled()

    assert errors == []
    path = Path(finished.args[0])
    assert path.exists() and path.parent == page.output_dir
    assert path.name == "monthly-2025-05-en.pdf"
    assert opened and Path(opened[0].toLocalFile()) == path
    assert str(path) in page.path_label.text()
    assert not page.progress.isVisible()
    assert page.build_button.isEnabled()
    assert progress_values and max(progress_values) == 100  # fed by the builder's progress
    text = pdf_text(path)
    assert "\x00" not in text
    assert "2025" in text


def test_monthly_pack_for_one_department_in_chinese(qtbot, page, opened, errors):
    page.set_report("monthly")
    page.set_month(MAY)
    page.set_department("秩序部")
    page.set_language("zh")
    with qtbot.waitSignal(page.report_finished, timeout=120_000) as finished:
        qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    assert errors == []
    assert Path(finished.args[0]).name == "monthly-2025-05-秩序部.pdf"
    assert "秩序部" in pdf_text(finished.args[0])


def test_the_page_opens_on_the_last_complete_month(qtbot, context):
    page = ReportsPage(context)
    qtbot.addWidget(page)
    today = date.today()
    last = date(today.year - (today.month == 1), (today.month - 2) % 12 + 1, 1)
    assert page.month() == last
    assert reports_module.last_complete_month(date(2025, 1, 15)) == date(2024, 12, 1)


def test_monthly_pack_for_one_site(qtbot, page, opened, errors):
    page.set_report("monthly")
    page.set_month(MAY)
    page.set_language("en")
    sites = [page.site_combo.itemText(i) for i in range(page.site_combo.count())]
    assert sites == ["All sites", "东湖花园"]  # the sites line-ups were held at
    page.site_combo.setFocus()
    qtbot.keyClick(page.site_combo, Qt.Key.Key_Down)
    assert page.site_combo.currentData() == "东湖花园"
    with qtbot.waitSignal(page.report_finished, timeout=120_000) as finished:
        qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    assert errors == []
    assert Path(finished.args[0]).name == "monthly-2025-05-东湖花园-en.pdf"
    text = pdf_text(finished.args[0])
    assert "Site: 东湖花园" in text and "Pass rate" in text


def test_lineup_sheet_of_a_chosen_lineup(qtbot, page, opened, errors, month_of_lineups):
    page.set_report("lineup")
    assert page.lineup_combo.isVisible() and not page.month_edit.isVisible()
    assert page.lineup_combo.count() == 2
    page.lineup_combo.setCurrentIndex(page.lineup_combo.findData(month_of_lineups.id))
    assert page.lineup_combo.currentText().startswith("2025-05-07")
    page.set_language("both")
    with qtbot.waitSignal(page.report_finished, timeout=120_000) as finished:
        qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    assert errors == []
    assert Path(finished.args[0]).name == f"lineup-20250507-{month_of_lineups.id}-both.pdf"
    assert "张伟" in pdf_text(finished.args[0])


def test_employee_record_for_a_period(qtbot, page, opened, errors):
    page.set_report("employee")
    page.employee_combo.lineEdit().clear()
    qtbot.keyClicks(page.employee_combo.lineEdit(), "X999")  # nobody has that number
    assert not page.build_button.isEnabled()
    page.employee_combo.setCurrentIndex(page.employee_combo.findData("E001"))
    assert page.build_button.isEnabled()
    page.set_period(date(2025, 5, 1), date(2025, 5, 31))
    with qtbot.waitSignal(page.report_finished, timeout=120_000) as finished:
        qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    assert errors == []
    assert Path(finished.args[0]).name == "employee-E001-20250501-20250531-en.pdf"
    assert "王芳" in pdf_text(finished.args[0])


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_monthly_figures(qtbot, page, opened, errors, fmt):
    page.set_report("figures")
    assert page.format_combo.isVisible()
    assert page.build_button.text() == "Export figures"
    page.set_month(MAY)
    page.format_combo.setCurrentIndex(page.format_combo.findData(fmt))
    with qtbot.waitSignal(page.export_finished, timeout=60_000) as finished:
        qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    assert errors == []
    path = Path(finished.args[0])
    assert path.name == f"figures-2025-05-en.{fmt}"  # the report language is English
    assert path.stat().st_size > 0
    if fmt == "csv":
        assert "王芳" in path.read_text(encoding="utf-8-sig")
    assert opened == []  # figures are not opened, only shown


def test_a_month_without_lineups_is_reported_not_crashed(qtbot, page, opened, errors):
    page.set_report("monthly")
    page.set_month(date(2024, 1, 1))
    with qtbot.waitSignal(page.report_failed, timeout=60_000):
        qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    assert len(errors) == 1
    assert opened == []
    assert page.build_button.isEnabled()
    assert page.status_label.text() == "Nothing was written."


def test_the_output_folder_is_remembered(qtbot, context, tmp_path):
    first = ReportsPage(context)
    qtbot.addWidget(first)
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    first.set_output_dir(chosen)
    assert default_output_dir() == chosen
    second = ReportsPage(context)
    qtbot.addWidget(second)
    assert second.output_dir == chosen
    assert second.folder_edit.text() == str(chosen)


def test_the_report_language_follows_the_ui_language(qtbot, context):
    page = ReportsPage(context)
    qtbot.addWidget(page)
    assert page.language_combo.currentData() == "en"
    assert [page.language_combo.itemData(i) for i in range(3)] == ["zh", "en", "both"]


def test_the_summary_sheet_is_named_as_on_the_reports_page(
    qtbot, page, opened, errors, month_of_lineups, db_path
):
    from types import SimpleNamespace

    from inspector.gui.pages.lineup_summary import sheet_path

    page.set_report("lineup")
    page.lineup_combo.setCurrentIndex(page.lineup_combo.findData(month_of_lineups.id))
    page.set_language("zh")
    with qtbot.waitSignal(page.report_finished, timeout=120_000) as finished:
        qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    built = Path(finished.args[0]).name
    assert built == f"lineup-20250507-{month_of_lineups.id}.pdf"
    assert sheet_path(db_path, SimpleNamespace(lineup=month_of_lineups), "zh").name == built


def test_the_fields_follow_the_kind(page):
    shown = {
        "lineup": {"lineup_combo"},
        "employee": {"employee_combo", "period_row"},
        "monthly": {"month_edit", "site_combo", "department_combo"},
        "figures": {"month_edit", "site_combo", "department_combo", "format_combo"},
        "observation": {"day_edit"},
    }
    fields = (
        "lineup_combo", "employee_combo", "period_row", "month_edit", "day_edit", "site_combo",
        "department_combo",
    )  # fmt: skip
    for kind, expected in shown.items():
        page.set_report(kind)
        visible = {name for name in (*fields, "format_combo") if getattr(page, name).isVisible()}
        assert visible == expected, kind
        assert page.language_combo.isVisible()


def test_a_language_switch_rewords_the_page_once(qtbot, page, context):
    from inspector.gui import i18n

    calls = []
    original = page.retranslate_ui
    page.retranslate_ui = lambda: calls.append(1) or original()
    i18n.set_language("zh", remember=False)  # Qt sends LanguageChange to every widget
    context.events.language_changed.emit("zh")  # as the main window announces it
    qtbot.waitUntil(lambda: page.title_label.text() == "报表")  # the event is posted
    QApplication.processEvents()
    assert page.report_combo.currentText() == "月度报告"
    assert len(calls) == 1


def test_a_days_observation_sheet(qtbot, page, opened, errors, store, catalogue):
    from datetime import datetime

    from PySide6.QtCore import QDate

    from inspector.services.observation_session import ObservationSession

    session = ObservationSession(store, catalogue, clock=lambda: datetime(2025, 5, 8, 10))
    session.start(store.employee_by_no("E001"), ["phone"], "质检 刘")
    session.toggle_fail("phone.commanding-tone")
    session.save()

    page.set_report("observation")
    page.day_edit.setDate(QDate(2025, 5, 9))  # a day with nothing observed: said, no file
    with qtbot.waitSignal(page.report_failed, timeout=120_000):
        qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    assert [str(e) for e in errors] == ["there are no saved observations on 2025-05-09"]

    page.day_edit.setDate(QDate(2025, 5, 8))
    with qtbot.waitSignal(page.report_finished, timeout=120_000) as finished:
        qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    assert Path(finished.args[0]).name == "observation-20250508-en.pdf"
    text = pdf_text(finished.args[0])
    wording = catalogue.item("phone.commanding-tone").text.en
    assert "王芳" in text and squash(wording) in squash(text)
