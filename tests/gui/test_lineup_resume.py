"""Closing the app (or losing power) mid line-up loses nothing: the next start resumes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from inspector.domain.lineup import Result
from inspector.gui.models.lineup_items_model import LineupItemsModel
from inspector.storage import Store


def test_closing_mid_lineup_resumes_at_the_same_person_with_every_mark(
    qtbot, roster, window, store, db_path, context_for, open_window, press, start_lineup
):
    controller = start_lineup(window)
    lineup_id = controller.session.lineup.id
    press(Qt.Key.Key_Space, times=7)
    assert controller.current_row == 7
    press(Qt.Key.Key_Down, times=2)
    eighth = controller.person().inspection.id
    fault = window.lineup.lineup_page.person_view.current_point().reasons[0].id
    press(Qt.Key.Key_X)
    press(Qt.Key.Key_1)
    window.close()  # no finish, no save button: every mark is already in the file

    with Store(db_path) as reopened:  # a new start: a new connection to the same file
        context = context_for(reopened)
        again = open_window(context)
        # The start-up work deferred to the first frame (the hub check) runs on this store.
        qtbot.waitUntil(lambda: again.hub_checked)
        home = again.lineup.home
        assert home.panel == "resume"
        assert "person 8" in home.resume_text.text()
        press(Qt.Key.Key_Return)
        section = again.lineup
        qtbot.waitUntil(lambda: section.currentWidget() is section.lineup_page)
        resumed = section.controller
        assert resumed.session.lineup.id == lineup_id
        assert resumed.current_row == 7
        assert resumed.person().inspection.id == eighth
        shown = [r.id for row in resumed.items_model.rows() for r in row.failed_reasons]
        assert shown == [fault]
        column = LineupItemsModel.RESULT
        row = resumed.items_model.row_of(fault)
        assert resumed.items_model.index(row, column).data().startswith("✘ ")
        done = [i for i in reopened.inspections_for(lineup_id) if i.completed_at]
        assert [i.position for i in done] == list(range(7))
        assert [(m.item_id, m.result) for m in reopened.marks_for(eighth)] == [(fault, Result.FAIL)]
        again.close()
