"""The change log in view: a finished line-up amended with keys and clicks shows 已修改 / Amended
with the reason, who and when on the review screen, the summary, the day's sheet,
``inspector lineup show --json`` and the employee record; the pass rate leads the summary."""

from __future__ import annotations

import json

from helpers.reports_data import pdf_text, squash
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from inspector.cli import main
from inspector.domain.attendance import counts_as_inspected
from inspector.domain.figures import pass_rate
from inspector.domain.scoring import format_percent
from inspector.gui.main_window import KEYS

CTRL = Qt.KeyboardModifier.ControlModifier
ARRIVED = "Employee arrived later"  # a quick-pick reason of the change dialog
IN_ERROR = "Marked in error: shoes were fine"


def _amend(qtbot, page, press, reason: str | None = None, pick: int | None = None) -> None:
    """The change dialog is open: give the reason (typed, or a quick pick) and confirm."""
    dialog = page.amend_dialog
    assert dialog is not None
    if pick is not None:
        qtbot.mouseClick(dialog._pick_buttons[pick], Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClicks(dialog.reason, reason)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.amend_dialog is None)


def _amended_lineup(qtbot, window, store, press, start_lineup):
    """20 people: the first absent, the third and sixth with a fault; finished; then in review
    the first turns out to have come late (inspected on arrival) and the third's fault was
    marked in error."""
    section = window.lineup
    controller = start_lineup(window, "Huang")
    press(Qt.Key.Key_A)  # row 0 absent
    press(Qt.Key.Key_Space)  # row 1
    press(Qt.Key.Key_X)  # row 2: the first point's first reason fails
    press(Qt.Key.Key_1)
    press(Qt.Key.Key_Space)
    press(Qt.Key.Key_Space, times=2)  # rows 3, 4
    press(Qt.Key.Key_X)  # row 5: a fault that stays
    press(Qt.Key.Key_1)
    press(Qt.Key.Key_Space)
    press(Qt.Key.Key_Space, times=14)
    press(Qt.Key.Key_Return, CTRL)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: section.currentWidget() is section.summary)

    qtbot.mouseClick(section.summary.review_button, Qt.MouseButton.LeftButton)
    page = section.lineup_page
    qtbot.waitUntil(page.person_view.items.isVisible)
    assert controller.current_row == 0
    press(Qt.Key.Key_A)  # absent -> present (to inspect), with a quick-pick reason
    _amend(qtbot, page, press, pick=2)
    press(Qt.Key.Key_Space)  # inspected now: every point passes
    _amend(qtbot, page, press, "Inspected on arrival")
    assert controller.current_row == 0
    press(Qt.Key.Key_Right, times=2)
    assert controller.current_row == 2
    press(Qt.Key.Key_X)
    press(Qt.Key.Key_1)  # the fault passes again
    _amend(qtbot, page, press, IN_ERROR)
    return controller, page


def test_amendments_are_shown_everywhere(
    qtbot, roster, window, store, press, start_lineup, db_path, capsys, tmp_path, monkeypatch
):
    controller, page = _amended_lineup(qtbot, window, store, press, start_lineup)
    lineup_id = controller.session.lineup.id
    inspections = store.inspections_for(lineup_id)
    first, third = inspections[0], inspections[2]
    log = store.change_log(lineup_id)
    assert [c.inspection_id for c in log] == [first.id, first.id, third.id]
    assert [c.reason for c in log] == [ARRIVED, "Inspected on arrival", IN_ERROR]
    assert {c.changed_by for c in log} == {"Huang"}

    # The review screen: the changed rows say so, the card says what, why, who and when.
    people = controller.people_model
    status = [people.index(r, people.STATUS).data() for r in range(people.rowCount())]
    assert status[0].startswith("Amended · ") and status[2].startswith("Amended · ")
    assert [r for r, text in enumerate(status) if "Amended" in text] == [0, 2]
    grid = page.grid.model
    names = [grid.index(r, grid.NAME).data() for r in range(grid.rowCount())]
    assert [r for r, name in enumerate(names) if name.endswith(" · Amended")] == [0, 2]
    card = page.person_view.amended
    assert card.isVisible()  # the third person is on screen
    when = log[2].changed_at.strftime("%m-%d %H:%M")
    assert f"Fail → Pass — {IN_ERROR} (Huang, {when})" in card.text()
    press(Qt.Key.Key_Right)
    assert not card.isVisible()  # the fourth was not changed
    press(Qt.Key.Key_Left, times=3)
    assert "Absent → Present, not inspected — Employee arrived later (Huang" in card.text()
    assert "Inspection: Not inspected → Inspected — Inspected on arrival" in card.text()

    # The summary: the pass rate leads, counted here from the stored rows.
    inspected = [
        i
        for i in store.inspections_for(lineup_id)
        if counts_as_inspected(i.attendance, i.completed_at)
    ]
    clean = [i for i in inspected if i.failed == 0]
    assert (len(clean), len(inspected)) == (19, 20)
    press(Qt.Key.Key_Return, CTRL)
    summary = window.lineup.summary
    qtbot.waitUntil(summary.isVisible)
    rate = format_percent(pass_rate(len(clean), len(inspected)))
    assert summary.pass_rate.text() == f"Pass rate {rate}"
    assert "19 of 20 people inspected had no fault" in summary.pass_rate_detail.text()
    assert summary.changes_box.isVisible()
    lines = [summary.changes_list.item(n).text() for n in range(summary.changes_list.count())]
    assert len(lines) == 3
    third_person = store.get_employee(third.employee_id)
    assert lines[2].startswith(f"{third_person.employee_no} {third_person.name} · ")
    assert f"Fail → Pass — {IN_ERROR} (Huang, {when})" in lines[2]

    # The day's sheet: the rows marked, the changes listed with before → after.
    opened = []
    summary.open_file = opened.append
    with qtbot.waitSignal(summary.sheet_ready, timeout=60_000):
        qtbot.mouseClick(summary.open_sheet_button, Qt.MouseButton.LeftButton)
    text = squash(pdf_text(opened[0]))
    assert "Amended#1#2" in text and "Amended#3" in text
    assert squash("Changes after finishing") in text
    assert squash(f"Fail → Pass {IN_ERROR} Huang") in text
    assert squash(f"Pass rate {rate}") in text

    # inspector lineup show --json
    assert main(["lineup", "show", str(lineup_id), "--json", "--db", str(db_path)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [c["id"] for c in shown["changes"]] == [c.id for c in log]
    change = shown["changes"][2]
    assert change["reason"] == IN_ERROR and change["author"] == "Huang"
    assert change["employee"]["inspection_id"] == third.id
    assert change["employee"]["position"] == 3
    assert (change["before"]["result"], change["after"]["result"]) == ("fail", "pass")
    assert change["time"] == log[2].changed_at.isoformat(sep=" ")
    assert shown["inspections"][2]["changes"] == [log[2].id]
    assert shown["inspections"][1]["changes"] == []
    assert shown["pass_rate"] == len(clean) / len(inspected)

    # The employee record, on screen and in the PDF.
    employee = store.get_employee(third.employee_id)
    window.show_page(KEYS.index("employees"))
    employees = window.pages["employees"]
    qtbot.keyClicks(employees.search_edit, employee.employee_no)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: employees.employee is not None and employees.record is not None)
    assert employees.changes_view.isVisible()
    model = employees.changes_model
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    wording = window.context.catalogue.item(log[2].item_id).text.en
    when_day = log[2].changed_at.strftime("%Y-%m-%d %H:%M")
    assert row == [
        log[2].changed_at.date().isoformat(),  # the line-up's day (today)
        f"{wording}: Fail → Pass",
        f"{IN_ERROR} · Huang · {when_day}",
    ]
    history = employees.history_model
    assert history.index(0, 3).data() == "Present · Amended"
    assert "1 changed after finishing" in employees.summary_label.text()
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    employees.output_dir = tmp_path
    with qtbot.waitSignal(employees.pdf_finished, timeout=60_000) as finished:
        qtbot.mouseClick(employees.pdf_button, Qt.MouseButton.LeftButton)
    record = squash(pdf_text(finished.args[0]))
    assert "Amended#1" in record
    assert squash(f"Fail → Pass {IN_ERROR} Huang") in record


def test_no_changes_no_marks(qtbot, roster, window, store, pass_everyone):
    section = window.lineup
    pass_everyone(window)
    assert not section.summary.changes_box.isVisible()
    assert section.summary.pass_rate.text() == "Pass rate 100.0%"


def test_the_briefing_card_shows_the_previous_lineup_days_top_faults(
    qtbot, roster, window, store, press, start_lineup
):
    section = window.lineup
    card = section.home.start.briefing
    qtbot.waitUntil(lambda: card.briefing is not None)  # read once the window is on screen
    assert card.headline.text() == "No line-up finished here yet."  # a new database
    assert "this card shows the faults found most" in card.faults.text()
    controller = start_lineup(window, "Huang")
    press(Qt.Key.Key_X)  # the first person: the first point's first reason
    press(Qt.Key.Key_1)
    press(Qt.Key.Key_Space, times=20)
    press(Qt.Key.Key_Return, CTRL)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: section.currentWidget() is section.summary)
    [mark] = [m for ms in store.marks_for_lineup(controller.session.lineup.id).values() for m in ms]
    day = controller.session.lineup.day
    qtbot.mouseClick(section.summary.home_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.currentWidget() is section.home)
    assert card.headline.text() == "No line-up finished here yet."  # today's is not "before"

    start = section.home.start
    start.date.setFocus()
    start.date.setDate(start.date.date().addDays(1))  # tomorrow's line-up
    assert card.title() == f"Briefing (讲评) · last line-up {day.isoformat()}"
    assert card.headline.text() == "20 inspected · pass rate 95.0% · 1 with faults"
    wording = window.context.catalogue.item(mark.item_id).text.en
    assert wording in card.faults.text() and "1 person" in card.faults.text()
