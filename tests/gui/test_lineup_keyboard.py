"""A whole line-up driven from the keyboard, and what the database holds afterwards."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt

from inspector.domain.lineup import Attendance, Result

CTRL = Qt.KeyboardModifier.ControlModifier


DIGIT = {str(n): getattr(Qt.Key, f"Key_{n}") for n in range(1, 10)}


def fault_keys(catalogue, employee, reason_id: str) -> list[Qt.Key]:
    """The keys that record one fault reason, as the screen numbers areas, points and reasons:
    the area's digit, Down to the point, X, and the reason's digit (none for a single reason)."""
    for shown in catalogue.lineup_for(employee):
        for n, point in enumerate(shown.points):
            ids = [r.id for r in point.reasons]
            if reason_id in ids:
                keys = [DIGIT[shown.area.key]] + [Qt.Key.Key_Down] * n + [Qt.Key.Key_X]
                if len(ids) > 1:
                    keys.append(DIGIT[str(ids.index(reason_id) + 1)])
                return keys
    raise AssertionError(f"{reason_id} does not apply to {employee.name}")


def test_twenty_people_with_four_realistic_faults_in_at_most_38_keys(
    qtbot, roster, window, store, catalogue, press, start_lineup
):
    """16 pass, a woman's nail polish, dusty shoes, a man's wrong socks, an unshaven man and
    one absentee; start and finish included."""
    section = window.lineup
    pressed = []

    def key(k, modifier=Qt.KeyboardModifier.NoModifier):
        pressed.append(k)
        press(k, modifier)

    section.home.start.supervisor.clear()
    qtbot.keyClicks(section.home.start.supervisor, "Huang")
    key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: section.currentWidget() is section.lineup_page)
    controller = section.controller
    lineup_id = controller.session.lineup.id
    faults = {  # position -> the reason a supervisor finds
        1: "hands.nails.polish",  # 李娜, a receptionist
        4: "shoes.shoes.dusty",  # 陈静
        7: "socks.socks.wrong-socks",  # 黄磊, a security officer
        15: "face.shave.not-shaved",  # 林涛, an engineer
    }
    absent = 11
    for person in range(20):
        assert controller.current_row == person
        employee = controller.person().employee
        if person in faults:
            for k in fault_keys(catalogue, employee, faults[person]):
                key(k)
        key(Qt.Key.Key_A if person == absent else Qt.Key.Key_Space)
    key(Qt.Key.Key_Return, CTRL)
    box = section.lineup_page.finish_box
    assert box is not None and box.isVisible()
    key(Qt.Key.Key_Return)  # confirm
    qtbot.waitUntil(lambda: section.currentWidget() is section.summary)

    assert len(pressed) <= 38
    assert Qt.Key.Key_Down not in pressed and Qt.Key.Key_Up not in pressed
    inspections = store.inspections_for(lineup_id)
    assert all(i.completed_at is not None for i in inspections)
    assert [i.position for i in inspections if i.attendance is Attendance.ABSENT] == [absent]
    failed = {
        i.position: [m.item_id for m in store.marks_for(i.id) if m.result is Result.FAIL]
        for i in inspections
    }
    assert {k: v for k, v in failed.items() if v} == {k: [v] for k, v in faults.items()}
    assert store.get_lineup(lineup_id).finished_at is not None
    assert section.summary.summary.inspected == 19
    assert len(section.summary.summary.follow_up) == 4


def test_the_picker_takes_several_reasons_and_a_note_and_esc_closes_it(
    qtbot, roster, window, store, press, start_lineup
):
    controller = start_lineup(window)
    view = window.lineup.lineup_page.person_view
    inspection = controller.person().inspection  # 王芳: her hands have three reasons
    press(Qt.Key.Key_6)
    press(Qt.Key.Key_X)
    assert view.picker.is_open and view.picker.isVisible()
    press(Qt.Key.Key_Escape)
    assert not view.picker.is_open
    assert store.marks_for(inspection.id) == []
    press(Qt.Key.Key_X)
    press(Qt.Key.Key_X)  # again: several reasons
    press(Qt.Key.Key_1)
    press(Qt.Key.Key_2)
    assert view.picker.is_open
    press(Qt.Key.Key_N)  # a note on the reason recorded last
    qtbot.waitUntil(lambda: view.note_dialog is not None and view.note_dialog.isVisible())
    qtbot.keyClicks(view.note_dialog.text, "mud")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.note_dialog is None)
    press(Qt.Key.Key_Space)
    marks = {m.item_id: m for m in store.marks_for(inspection.id)}
    assert {k for k, m in marks.items() if m.result is Result.FAIL} == {
        "hands.nails.too-long",
        "hands.nails.dirty",
    }
    assert marks["hands.nails.dirty"].note == "mud"
    assert store.get_inspection(inspection.id).completed_at is not None


def test_a_failed_point_shows_its_reason(roster, window, press, start_lineup):
    controller = start_lineup(window)
    press(Qt.Key.Key_9)
    press(Qt.Key.Key_X)
    press(Qt.Key.Key_1)
    model = controller.items_model
    row = model.row_of("shoes.shoes")
    assert model.index(row, model.RESULT).data() == "✘ Shoes dusty or marked (uppers or sides)"
    assert model.index(row, model.AREA).data() == "9  Shoes"


def test_every_point_of_the_longest_profile_shows_without_scrolling(
    qtbot, roster, window, press, start_lineup
):
    window.resize(1366, 768)
    controller = start_lineup(window)
    view = window.lineup.lineup_page.person_view
    longest = max(range(controller.session.count), key=lambda row: len(controller.point_rows(row)))
    controller.go_to(longest)
    qtbot.waitUntil(lambda: view.items.verticalScrollBar().maximum() == 0)
    rows = controller.items_model.rowCount()
    assert rows >= 16
    last = view.items.visualRect(controller.items_model.index(rows - 1, 1))
    assert last.bottom() <= view.items.viewport().height()


def test_saved_indicator_follows_every_mark(roster, window, press, start_lineup):
    start_lineup(window)
    window.saved_label.clear()
    press(Qt.Key.Key_X)
    press(Qt.Key.Key_1)
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
    press(Qt.Key.Key_2)
    assert [m.result for m in store.marks_for(inspection.id)] == [Result.FAIL]
    press(Qt.Key.Key_X)
    press(Qt.Key.Key_2)  # again: back to a pass, no mark left
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
    press(Qt.Key.Key_1)
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
    assert all(b.height() >= 44 for b in view.picker.buttons if b.isVisible())
    qtbot.mouseClick(  # tap the point, tap the reason, tap "all pass, next"
        view.items.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.items.visualRect(controller.items_model.index(4, 1)).center(),
    )
    assert view.current_item_row() == 4
    qtbot.mouseClick(view.picker.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.pass_button, Qt.MouseButton.LeftButton)
    assert store.get_inspection(inspection.id).failed == 1
    assert controller.current_row == 1
    qtbot.mouseClick(view.late_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.absent_button, Qt.MouseButton.LeftButton)
    statuses = [i.attendance for i in store.inspections_for(controller.session.lineup.id)[:3]]
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
        press(Qt.Key.Key_1)
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
