"""The employee screen: a person's inspections, repeated faults, the pass rate by month and the
changes after finishing."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time

import pytest
from helpers.gui_pages import add_people, run_lineup, type_text
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from inspector.domain.attendance import counts_as_inspected
from inspector.domain.checklist import InspectionType
from inspector.domain.figures import pass_rate
from inspector.domain.lineup import Attendance, Result
from inspector.domain.scoring import compliance_ratio, format_percent
from inspector.gui.models.base import ROW_ROLE
from inspector.gui.models.history_model import (
    FaultCountModel,
    HistoryModel,
    MonthlyComplianceModel,
)
from inspector.gui.pages.employee_page import EmployeePage, months_before
from inspector.services.employee_record import employee_record
from inspector.services.report_jobs import LINEUP_SHEET, ReportRequest

TODAY = date(2025, 5, 20)


@pytest.fixture
def history(store, catalogue):
    """Four line-ups over two months for 王芳 (E001) and 张伟 (E003)."""
    people = add_people(store)
    wang, zhang = people[0], people[2]
    run_lineup(
        store,
        catalogue,
        date(2025, 4, 7),
        [wang, zhang],
        faults={"E001": ["hair.hair.messy", "upper-body.clean.creased"]},
    )
    run_lineup(
        store,
        catalogue,
        date(2025, 4, 8),
        [wang, zhang],
        faults={"E001": ["hair.hair.messy"], "E003": ["face.shave.not-shaved"]},
    )
    run_lineup(store, catalogue, date(2025, 5, 6), [wang, zhang], absent=["E001"])
    run_lineup(
        store,
        catalogue,
        date(2025, 5, 12),
        [wang, zhang],
        faults={"E001": ["hair.hair.messy", "overall.uniform.not-prescribed"]},
        shift="晚班",
    )
    # Outside the default period (more than three months before TODAY).
    run_lineup(store, catalogue, date(2025, 1, 6), [wang], faults={"E001": ["hands.nails.polish"]})
    return people


@pytest.fixture
def page(qtbot, context):
    widget = EmployeePage(context)
    widget.today = lambda: TODAY
    widget.set_period_months(3)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    return widget


def table(model) -> list[list[str]]:
    return [
        [model.index(row, col).data() for col in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def pick(qtbot, page: EmployeePage, text: str) -> None:
    """Search and click the first person found."""
    page.search_edit.clear()
    type_text(qtbot, page.search_edit, text)
    view = page.people_view
    rect = view.visualRect(view.model().index(0, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_history_models_pass_the_model_tester(qtmodeltester, store, history):
    record = employee_record(store, "E001", date(2025, 1, 1), TODAY)
    for model_class, rows in (
        (HistoryModel, record.entries),
        (FaultCountModel, record.faults),
        (MonthlyComplianceModel, record.months),
    ):
        model = model_class()
        model.set_rows(rows)
        qtmodeltester.check(model)
        assert model.index(0, 0).data(ROW_ROLE) is rows[0]


def test_months_before_clamps_to_the_end_of_the_month():
    assert months_before(date(2025, 5, 20), 3) == date(2025, 2, 20)
    assert months_before(date(2025, 5, 31), 3) == date(2025, 2, 28)
    assert months_before(date(2025, 1, 15), 1) == date(2024, 12, 15)


def test_the_default_period_is_the_last_three_months(page):
    assert page.period() == (date(2025, 2, 20), TODAY)
    assert page.period_combo.currentText() == "Last 3 months"


def test_shows_the_history_and_repeated_faults_of_an_employee(qtbot, store, page, history):
    with qtbot.waitSignal(page.record_shown):
        pick(qtbot, page, "王芳")

    assert page.name_label.text() == "王芳"
    details = page.details_label.text()
    for part in ("E001", "客服部", "Customer service officer", "Female"):
        assert part in details
    rows = table(page.history_model)
    assert [r[0] for r in rows] == ["2025-05-12", "2025-05-06", "2025-04-08", "2025-04-07"]
    latest = rows[0]
    assert latest[1] == "晚班"
    assert latest[3] == "Present"
    item = page.context.catalogue.item
    # The faults in words, in the UI language (English in tests), in checklist order.
    assert latest[4] == (
        f"{item('overall.uniform.not-prescribed').text.en}; {item('hair.hair.messy').text.en}"
    )
    inspection = store.employee_history(history[0].id)[0].inspection
    assert latest[5] == f"{inspection.passed}/{inspection.applicable}"  # items passed
    assert inspection.failed == 2
    assert rows[1][3] == "Absent"
    assert rows[1][5] == "–"  # an absence has no items judged, and is never a failure
    assert rows[3][4].count(";") == 1

    faults = table(page.faults_model)
    assert faults[0][1] == "3"  # the messy hair, three times, comes first
    assert faults[0][0] == page.context.catalogue.item("hair.hair.messy").text.en
    assert sorted(f[1] for f in faults[1:]) == ["1", "1"]
    assert all("nail" not in f[0] for f in faults)  # January is outside the period

    months = table(page.months_model)
    assert [m[0] for m in months] == ["2025-04", "2025-05"]
    assert months[1][1:3] == ["1", "1"]  # one inspection, one absence in May
    assert "0 of 3 inspections with no fault, 1 absent or on leave" in page.summary_label.text()


def test_the_period_selector_changes_the_record(qtbot, page, history):
    page.show_employee(history[0].id)
    assert page.history_model.rowCount() == 4
    page.period_combo.setCurrentIndex(page.period_combo.findData(12))
    assert page.history_model.rowCount() == 5
    assert any("nail" in f[0].lower() for f in table(page.faults_model))
    page.set_period(date(2025, 5, 1), date(2025, 5, 31))
    assert page.period_combo.currentText() == "Custom"
    assert page.history_model.rowCount() == 2


def test_chinese_wording_after_a_language_switch(qtbot, page, history, context):
    from inspector.gui import i18n

    page.show_employee(history[0].id)
    i18n.set_language("zh", remember=False)
    context.events.language_changed.emit("zh")
    assert table(page.faults_model)[0][0] == "发型散乱"
    assert "客服专员" in page.details_label.text()


def test_show_employee_clears_a_search_that_hides_them(qtbot, page, history):
    type_text(qtbot, page.search_edit, "张伟")
    page.show_employee(history[0].id)
    assert page.search_edit.text() == ""
    assert page.name_label.text() == "王芳"
    selected = page.people_view.selectionModel().selectedRows()
    assert page.people_model.employee(selected[0].row()).employee_no == "E001"


def test_an_employee_without_inspections(qtbot, page, history):
    page.show_employee(history[4].id)
    assert page.history_model.rowCount() == 0
    assert page.faults_model.rowCount() == 0
    assert "0 inspections" in page.summary_label.text()


def test_employee_record_pdf_is_built_in_the_background(
    qtbot, page, history, tmp_path, monkeypatch
):
    opened, errors = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    monkeypatch.setattr(
        "inspector.gui.pages.employee_page.show_error", lambda *args, **kw: errors.append(args)
    )
    page.output_dir = tmp_path / "out"
    page.show_employee(history[0].id)
    with qtbot.waitSignal(page.pdf_finished, timeout=60_000) as finished:
        qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
        assert page.progress.isVisible()
        assert not page.pdf_button.isEnabled()
    assert errors == []
    path = finished.args[0]
    assert path.endswith(".pdf")
    assert (tmp_path / "out").is_dir()
    with open(path, "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert opened and opened[0].toLocalFile() == path
    assert not page.progress.isVisible()
    assert page.pdf_button.isEnabled()
    assert path in page.pdf_label.text()


def test_pdf_needs_an_employee(page):
    assert not page.pdf_button.isEnabled()
    assert page.name_label.text() == "Choose an employee"


def test_enter_in_the_search_opens_the_single_match(qtbot, page, history):
    type_text(qtbot, page.search_edit, "张伟")
    assert page.people_model.rowCount() == 1
    with qtbot.waitSignal(page.record_shown):
        qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.name_label.text() == "张伟"
    assert page.history_model.rowCount() == 4
    assert page.history_view.hasFocus()


def test_down_then_enter_opens_the_match(qtbot, page, history):
    type_text(qtbot, page.search_edit, "E00")
    assert page.people_model.rowCount() > 1
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)
    found = page.people_model.employees()
    assert page.people_view.hasFocus()
    assert page.name_label.text() == found[0].name  # the first person found
    qtbot.keyClick(page.people_view, Qt.Key.Key_Down)
    assert page.name_label.text() == found[1].name
    qtbot.keyClick(page.people_view, Qt.Key.Key_Return)
    assert page.history_view.hasFocus()
    assert page.name_label.text() == found[1].name


# -- one record on the screen and in the PDF ------------------------------------------------------

HAIR = "hair.hair.messy"


@pytest.fixture
def fault_then_absent(store, catalogue):
    """王芳 fails her hair on 6 May; on 7 May she fails it again and is then marked absent."""
    people = add_people(store)
    wang, zhang = people[0], people[2]
    run_lineup(store, catalogue, date(2025, 5, 6), [wang, zhang], faults={"E001": [HAIR]})
    lineup = store.start_lineup(
        day=date(2025, 5, 7),
        shift="早班",
        site="东湖花园",
        department="",
        supervisor="黄主管",
        sets=catalogue.sets_for(InspectionType.LINEUP),
        employees=[wang, zhang],
        started_at=datetime(2025, 5, 7, 8, 0),
    )
    for inspection in store.inspections_for(lineup.id):
        if inspection.employee_id == wang.id:
            store.set_mark(inspection.id, HAIR, Result.FAIL)
            store.set_attendance(inspection.id, Attendance.ABSENT)
        else:
            store.complete_inspection(inspection.id)
    store.finish_lineup(lineup.id, datetime.combine(date(2025, 5, 7), time(8, 20)))
    return wang


def test_the_screen_and_the_pdf_show_the_same_record(
    qtbot, store, catalogue, page, fault_then_absent, tmp_path, monkeypatch
):
    wang = fault_then_absent
    # Worked out here from the Store's objects: an absent person's marks never count.
    faults: Counter[str] = Counter()
    inspected = absent = passed = applicable = 0
    for lineup in store.list_lineups():
        for inspection in store.inspections_for(lineup.id):
            if inspection.employee_id != wang.id:
                continue
            absent += inspection.attendance is Attendance.ABSENT
            if counts_as_inspected(inspection.attendance, inspection.completed_at):
                inspected += 1
                passed, applicable = passed + inspection.passed, applicable + inspection.applicable
                for mark in store.marks_for(inspection.id):
                    faults[mark.item_id] += mark.result is Result.FAIL
    assert (dict(faults), inspected, absent) == ({HAIR: 1}, 1, 1)
    compliance = format_percent(compliance_ratio(passed, applicable))
    hair = catalogue.item(HAIR).text.en

    page.set_period(date(2025, 5, 1), date(2025, 5, 31))
    page.show_employee(wang.id)
    assert table(page.faults_model) == [[hair, "1", "2025-05-06"]]  # not a repeated fault
    history = table(page.history_model)
    assert [row[3] for row in history] == ["Absent", "Present"]
    assert history[0][4:] == ["", "–"]  # the absent day shows no fault and no compliance
    # Her one inspection had a fault: the pass rate (inspections with no fault ÷ inspections)
    # is 0 %, the item ratio a detail.
    rate = format_percent(pass_rate(0, inspected))
    assert table(page.months_model) == [["2025-05", "1", "1", "1", rate]]
    assert page.pass_rate_label.text() == f"Pass rate {rate}"
    assert "0 of 1 inspections with no fault, 1 absent or on leave." in page.summary_label.text()
    assert f"Item ratio (detail): {compliance}" in page.summary_label.text()

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    page.output_dir = tmp_path
    with qtbot.waitSignal(page.pdf_finished, timeout=60_000) as finished:
        qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].endswith("employee-E001-20250501-20250531-en.pdf")
    lines = [
        line.strip()
        for pdf_page in PdfReader(finished.args[0]).pages
        for line in pdf_page.extract_text().splitlines()
    ]
    faults_at = lines.index(hair)
    assert lines[faults_at + 2 : faults_at + 4] == ["1", "2025-05-06"]  # severity, times, last
    assert lines.count(hair) == 1  # listed once in the faults, never under the absent day
    assert compliance in lines

    # The line-up sheet of the absent day lists no fault for her either.
    absent_day = next(lu for lu in store.list_lineups() if lu.day == date(2025, 5, 7))
    request = ReportRequest(lang="en", lineup=absent_day)
    sheet = LINEUP_SHEET.build(store, request, tmp_path / LINEUP_SHEET.file_name(request))
    assert hair not in "".join(p.extract_text() for p in PdfReader(sheet).pages)
