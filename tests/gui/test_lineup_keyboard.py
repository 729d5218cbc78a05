"""A whole line-up driven from the keyboard, and what the database holds afterwards."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt

from inspector.domain.lineup import Attendance, Result

CTRL = Qt.KeyboardModifier.ControlModifier


def test_a_whole_lineup_by_keyboard(qtbot, roster, window, store, press, start_lineup):
    section = window.lineup
    controller = start_lineup(window, "Huang")
    lineup_id = controller.lineup.id

    faults = {2: 1, 8: 3, 14: 5}  # person (0-based) -> Down presses before X
    expected_faults = {}
    for person in range(20):
        assert controller.current_row == person
        if person in faults:
            press(Qt.Key.Key_Down, times=faults[person])
            inspection = controller.person().inspection
            expected_faults[inspection.id] = section.lineup_page.person_view.current_item_id()
            press(Qt.Key.Key_X)
            press(Qt.Key.Key_Space)
        elif person == 11:
            press(Qt.Key.Key_A)
        else:
            press(Qt.Key.Key_Space)

    press(Qt.Key.Key_Return, CTRL)
    box = section.lineup_page.finish_box
    assert box is not None and box.isVisible()
    press(Qt.Key.Key_Return)  # confirm
    qtbot.waitUntil(lambda: section.currentWidget() is section.summary)

    inspections = store.inspections_for(lineup_id)
    assert len(inspections) == 20
    assert all(i.completed_at is not None for i in inspections)
    assert [i.position for i in inspections if i.attendance is Attendance.ABSENT] == [11]
    failed = {
        i.id: [m.item_id for m in store.marks_for(i.id) if m.result is Result.FAIL]
        for i in inspections
    }
    assert {k: v for k, v in failed.items() if v} == {k: [v] for k, v in expected_faults.items()}
    assert sum(i.failed for i in inspections) == 3
    lineup = store.get_lineup(lineup_id)
    assert lineup.finished_at is not None
    assert lineup.supervisor == "Huang"
    assert section.summary.summary.inspected == 19
    assert section.summary.summary.absent == 1
    assert len(section.summary.summary.follow_up) == 3


def test_saved_indicator_follows_every_mark(roster, window, press, start_lineup):
    start_lineup(window)
    window.saved_label.clear()
    press(Qt.Key.Key_X)
    assert window.saved_label.text().startswith("Saved ✓ ")


def test_space_skips_people_already_done_and_x_toggles(roster, window, store, press, start_lineup):
    controller = start_lineup(window)
    press(Qt.Key.Key_Right, times=2)
    press(Qt.Key.Key_Space)  # the third person is done; the next to do is the fourth
    assert controller.current_row == 3
    press(Qt.Key.Key_Left, times=3)
    press(Qt.Key.Key_Space)
    assert controller.current_row == 1  # the first is done, the second is still to do
    inspection = controller.person().inspection
    press(Qt.Key.Key_X)
    assert [m.result for m in store.marks_for(inspection.id)] == [Result.FAIL]
    press(Qt.Key.Key_X)  # again: back to a pass, no mark left
    assert store.marks_for(inspection.id) == []


def test_absent_and_leave_toggle_and_late_people_are_inspected(
    roster, window, store, press, start_lineup
):
    controller = start_lineup(window)
    first = controller.person().inspection.id
    press(Qt.Key.Key_A)
    assert store.get_inspection(first).attendance is Attendance.ABSENT
    assert controller.current_row == 1  # absent: nothing to inspect, on to the next
    press(Qt.Key.Key_Left)
    press(Qt.Key.Key_A)  # again: back to to do
    assert store.get_inspection(first).attendance is None
    assert store.get_inspection(first).completed_at is None
    press(Qt.Key.Key_L)
    assert store.get_inspection(first).attendance is Attendance.LEAVE
    second = controller.person().inspection.id
    press(Qt.Key.Key_T)
    assert store.get_inspection(second).attendance is Attendance.LATE
    assert controller.person().inspection.id == second  # late: still inspected here
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_X)
    press(Qt.Key.Key_Space)
    done = store.get_inspection(second)
    assert done.attendance is Attendance.LATE and done.failed == 1 and done.completed_at


def test_every_action_works_by_touch(qtbot, roster, window, store, start_lineup):
    controller = start_lineup(window)
    view = window.lineup.lineup_page.person_view
    buttons = [
        view.pass_button,
        view.fail_button,
        view.note_button,
        view.photo_button,
        view.absent_button,
        view.leave_button,
        view.late_button,
        view.prev_button,
        view.next_button,
        window.lineup.lineup_page.finish_button,
    ]
    assert all(b.height() >= 44 for b in buttons)
    inspection = controller.person().inspection
    qtbot.mouseClick(view.fail_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.pass_button, Qt.MouseButton.LeftButton)
    assert store.get_inspection(inspection.id).failed == 1
    assert controller.current_row == 1
    qtbot.mouseClick(view.late_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.absent_button, Qt.MouseButton.LeftButton)
    statuses = [i.attendance for i in store.inspections_for(controller.lineup.id)[:3]]
    assert statuses == [Attendance.PRESENT, Attendance.LATE, Attendance.ABSENT]
    qtbot.mouseClick(view.prev_button, Qt.MouseButton.LeftButton)
    assert controller.current_row == 2


def test_the_shortcut_list_opens_with_f1_and_matches_the_docs(qtbot, window, press):
    from html import escape
    from pathlib import Path

    from inspector.gui.dialogs.shortcuts_dialog import SHORTCUTS

    press(Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    docs = (Path(__file__).resolve().parents[2] / "docs" / "gui.md").read_text(encoding="utf-8")
    for keys, text in SHORTCUTS:
        assert f"| **{keys}** | {text} |" in docs, keys
        assert escape(text) in dialog.table.text()


def test_a_mark_that_cannot_be_saved_says_so_at_once(
    qtbot, roster, window, store, press, start_lineup, caplog
):
    """A full disk: the status bar stops saying "Saved", a message says what happened, and the
    item does not look failed, because it was not recorded."""
    from helpers.disk import fill_the_disk

    controller = start_lineup(window)
    page = window.lineup.lineup_page
    fill_the_disk(store, controller.session.inspections[-1].id)
    item_id = page.person_view.current_item_id()
    with caplog.at_level(logging.WARNING):
        press(Qt.Key.Key_X)
    assert any("is full" in r.getMessage() for r in caplog.records)
    box = window.lineup.error_box
    assert box is not None and box.isVisible() and "is full" in box.text()
    assert window.saved_label.text().startswith("✘ Not saved: The disk holding")
    row = controller.items_model.row_of(item_id)
    assert controller.items_model.index(row, controller.items_model.RESULT).data() == ""
    assert not controller.items_model.row_object(row).failed
    assert store.marks_for(controller.person().inspection.id) == []
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.lineup.error_box is None)
