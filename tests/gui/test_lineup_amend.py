"""A finished line-up is closed: a change asks for a reason and goes into the change log."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from inspector.domain.lineup import Attendance, Result

CTRL = Qt.KeyboardModifier.ControlModifier


def test_a_change_after_finishing_needs_a_reason(
    qtbot, roster, window, store, press, pass_everyone
):
    controller = pass_everyone(window)
    section = window.lineup
    lineup_id = controller.session.lineup.id
    # From the summary to the grid, pick the fourth person's shoes, and change it.
    qtbot.mouseClick(section.summary.grid_button, Qt.MouseButton.LeftButton)
    grid = section.lineup_page.grid
    qtbot.waitUntil(grid.view.isVisible)
    areas = [a.id for a in grid.model.areas()]
    column = grid.model.FIRST_AREA + areas.index("shoes")
    grid.view.setFocus()
    grid.view.setCurrentIndex(grid.model.index(3, column))
    press(Qt.Key.Key_Return)
    page = section.lineup_page
    qtbot.waitUntil(page.person_view.items.isVisible)
    assert controller.current_row == 3
    assert page.person_view.current_item_id().startswith("shoes.")
    item_id = page.person_view.current_point().reasons[0].id
    inspection = controller.person().inspection

    press(Qt.Key.Key_X)
    press(Qt.Key.Key_1)
    dialog = page.amend_dialog
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no reason, no change
    press(Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert store.change_log(lineup_id) == []
    qtbot.keyClicks(dialog.reason, "Shoes were dirty, seen again at 08:40")
    assert ok.isEnabled()
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.amend_dialog is None)

    [change] = store.change_log(lineup_id)
    assert change.reason == "Shoes were dirty, seen again at 08:40"
    assert change.changed_by == "Huang"
    assert change.item_id == item_id
    assert change.before["result"] == "pass" and change.after["result"] == "fail"
    assert [m.result for m in store.marks_for(inspection.id)] == [Result.FAIL]
    assert store.get_inspection(inspection.id).failed == 1
    assert controller.items_model.row_object(
        controller.items_model.row_of(item_id)
    ).failed  # the screen shows it


def test_cancelling_an_amendment_changes_nothing(
    qtbot, roster, window, store, press, pass_everyone
):
    controller = pass_everyone(window)
    section = window.lineup
    qtbot.mouseClick(section.summary.review_button, Qt.MouseButton.LeftButton)
    page = section.lineup_page
    qtbot.waitUntil(page.person_view.items.isVisible)
    inspection = controller.person().inspection
    press(Qt.Key.Key_A)
    dialog = page.amend_dialog
    assert "Present → Absent" in dialog.change_text.text()
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.amend_dialog is None)
    assert store.get_inspection(inspection.id).attendance is Attendance.PRESENT
    assert store.change_log(controller.session.lineup.id) == []


def test_attendance_amendment(qtbot, roster, window, store, press, pass_everyone):
    controller = pass_everyone(window)
    qtbot.mouseClick(window.lineup.summary.review_button, Qt.MouseButton.LeftButton)
    page = window.lineup.lineup_page
    press(Qt.Key.Key_Right)
    inspection = controller.person().inspection
    press(Qt.Key.Key_L)
    qtbot.keyClicks(page.amend_dialog.reason, "Leave approved yesterday")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.amend_dialog is None)
    assert store.get_inspection(inspection.id).attendance is Attendance.LEAVE
    [change] = store.change_log(controller.session.lineup.id)
    assert change.after["attendance"] == "leave"


def test_open_the_lineup_sheet_from_the_summary(qtbot, roster, window, press, pass_everyone):
    pass_everyone(window)
    summary = window.lineup.summary
    opened = []
    summary.open_file = opened.append  # the PDF viewer, as the desktop would open it
    with qtbot.waitSignal(summary.sheet_ready, timeout=30_000):
        qtbot.mouseClick(summary.open_sheet_button, Qt.MouseButton.LeftButton)
    [pdf] = opened
    assert pdf.read_bytes().startswith(b"%PDF")
    assert summary.print_button.isEnabled()


def test_an_absentee_who_was_there_is_inspected_not_passed(
    qtbot, roster, window, store, press, start_lineup
):
    """P4: in review an absentee's items show no pass; changed to present they are "to do",
    and Space then records their inspection (each step in the change log, with its author)."""
    section = window.lineup
    controller = start_lineup(window, "Huang")
    press(Qt.Key.Key_A)  # the first person is absent
    press(Qt.Key.Key_Space, times=19)
    press(Qt.Key.Key_Return, CTRL)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: section.currentWidget() is section.summary)
    assert section.summary.summary.all_pass == 19
    qtbot.mouseClick(section.summary.review_button, Qt.MouseButton.LeftButton)
    page = section.lineup_page
    qtbot.waitUntil(page.person_view.items.isVisible)
    assert controller.current_row == 0
    items = controller.items_model
    results = {items.index(r, items.RESULT).data() for r in range(items.rowCount())}
    assert results == {"–"}  # absent: nothing passed
    inspection = controller.person().inspection

    press(Qt.Key.Key_A)  # A again: present
    dialog = page.amend_dialog
    assert "Absent → Present" in dialog.change_text.text()
    assert dialog.by.text() == "Huang"  # prefilled with the line-up's supervisor
    dialog.by.clear()
    qtbot.keyClicks(dialog.reason, "Employee arrived later")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # nobody named, no change
    press(Qt.Key.Key_Return)
    assert dialog.isVisible() and store.change_log(controller.session.lineup.id) == []
    qtbot.mouseClick(dialog.by, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.by, "Chen")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.amend_dialog is None)
    assert store.get_inspection(inspection.id).status.value == "todo"
    assert page.person_view.badge.text().strip() == "To do"
    results = {items.index(r, items.RESULT).data() for r in range(items.rowCount())}
    assert results == {""}  # to do: nothing judged yet
    assert section.controller.summary().all_pass == 19

    press(Qt.Key.Key_Space)  # the supervisor inspects him now
    dialog = page.amend_dialog
    assert "Not inspected → inspected now" in dialog.change_text.text()
    qtbot.keyClicks(dialog.reason, "Inspected at 08:20")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.amend_dialog is None)
    assert store.get_inspection(inspection.id).status.value == "all_pass"
    changes = store.change_log(controller.session.lineup.id)
    assert [(c.changed_by, c.reason) for c in changes] == [
        ("Chen", "Employee arrived later"),
        ("Huang", "Inspected at 08:20"),
    ]
