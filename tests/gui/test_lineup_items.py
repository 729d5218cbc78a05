"""The items on screen: only those that apply to the person, notes, photos, the grid."""

from __future__ import annotations

import stat

from PySide6.QtCore import Qt

from inspector import paths
from inspector.domain.lineup import Result
from inspector.gui.models.lineup_items_model import LineupItemsModel

TRAINERS = "shoes.forbidden.trainers"


def shown_items(window) -> list[str]:
    view = window.lineup.lineup_page.person_view.items
    model = view.model()
    return [model.index(row, LineupItemsModel.POINT).data() for row in range(model.rowCount())]


def test_a_lifeguard_is_not_judged_on_trainers(roster, window, catalogue, press, start_lineup):
    controller = start_lineup(window)
    trainers = "No trainers, flip-flops or open-toe sandals"
    press(Qt.Key.Key_Right, times=2)
    assert controller.person().employee.role == "security"
    assert trainers in shown_items(window)
    press(Qt.Key.Key_Right)
    assert controller.person().employee.role == "lifeguard"
    assert trainers not in shown_items(window)
    assert "Pool lifeguard" in window.lineup.lineup_page.person_view.details.text()


def test_points_are_grouped_by_body_area_with_their_digits(roster, window, start_lineup):
    controller = start_lineup(window)
    model = controller.items_model
    areas = [model.index(r, LineupItemsModel.AREA).data() for r in range(model.rowCount())]
    headings = [a for a in areas if a]
    assert headings[0] == "1  Overall" and len(headings) == len(set(headings))
    assert [h.split()[0] for h in headings] == [str(n) for n in range(1, len(headings) + 1)]
    first = model.row_object(0)
    assert all(r.applies(controller.person().employee) for r in first.reasons)


def test_a_note_with_a_quick_pick(qtbot, roster, window, store, press, start_lineup):
    controller = start_lineup(window)
    page = window.lineup.lineup_page
    press(Qt.Key.Key_Down)
    item_id = page.person_view.current_point().reasons[1].id
    press(Qt.Key.Key_N)  # the point has several reasons: which one is the note for?
    press(Qt.Key.Key_2)
    dialog = page.person_view.note_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog._pick_buttons[1], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.text, " x2")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.person_view.note_dialog is None)
    [mark] = store.marks_for(controller.person().inspection.id)
    assert (mark.item_id, mark.result, mark.note) == (
        item_id,
        Result.FAIL,
        "Verbal reminder given x2",
    )
    row = controller.items_model.row_of(item_id)
    assert mark.note in controller.items_model.index(row, LineupItemsModel.POINT).data(
        Qt.ItemDataRole.ToolTipRole
    )


def test_photo_evidence_on_a_failed_item(
    qtbot, tmp_path, roster, window, store, db_path, press, start_lineup
):
    controller = start_lineup(window)
    view = window.lineup.lineup_page.person_view
    picture = tmp_path / "shoes.JPG"
    picture.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    view.choose_photo = lambda _parent: str(picture)  # the file dialog, answered
    assert not view.photo_action.isEnabled()  # only a failed item takes a photo
    press(Qt.Key.Key_X)
    press(Qt.Key.Key_1)
    assert view.photo_action.isEnabled()
    press(Qt.Key.Key_P)
    [mark] = store.marks_for(controller.person().inspection.id)
    assert mark.result is Result.FAIL and mark.photo.endswith(".jpg")
    folder = paths.photos_dir(db_path)
    stored = folder / mark.photo
    assert stored.read_bytes() == picture.read_bytes()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600


def test_the_grid_shows_the_line_and_jumps(qtbot, roster, window, press, start_lineup):
    controller = start_lineup(window)
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_X)
    press(Qt.Key.Key_1)
    press(Qt.Key.Key_Space)
    press(Qt.Key.Key_A)
    press(Qt.Key.Key_G)
    grid = window.lineup.lineup_page.grid
    qtbot.waitUntil(grid.view.isVisible)
    model = grid.model
    first_area = model.FIRST_AREA
    assert model.index(0, first_area).data() == "✘ 1"
    assert model.index(1, first_area).data() == "Absent"
    assert model.index(2, first_area).data() == ""  # to do
    grid.view.setCurrentIndex(model.index(5, 1))
    press(Qt.Key.Key_Return)
    assert controller.current_row == 5
    assert window.lineup.lineup_page.person_view.items.isVisible()
    press(Qt.Key.Key_G)
    qtbot.waitUntil(grid.view.isVisible)
    rect = grid.view.visualRect(model.index(7, 1))
    # A double-click is a click and then a double-click event, as the system delivers it.
    qtbot.mouseClick(grid.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(grid.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert controller.current_row == 7
