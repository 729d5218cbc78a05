"""The line-up screen is built when first shown, after its line-up is loaded: it still opens on
the right person with the first point highlighted, ready for the keys."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from inspector.domain.checklist import InspectionType
from inspector.domain.lineup import Result


def test_a_resumed_lineup_opens_on_its_person_with_the_first_point_ready(
    qtbot, roster, store, catalogue, context, open_window, press
):
    lineup = store.start_lineup(
        day=date.today(),
        shift="早班",
        site="阳光花园",
        department="",
        supervisor="Huang",
        sets=catalogue.sets_for(InspectionType.LINEUP),
        employees=roster,
    )
    inspections = store.inspections_for(lineup.id)
    for done in inspections[:3]:
        store.complete_inspection(done.id)
    store.set_cursor(lineup.id, 3)
    window = open_window(context)
    section = window.lineup
    assert section.home.panel == "resume"
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: section.currentWidget() is section.lineup_page)

    view = section.lineup_page.person_view
    assert view.people.currentIndex().row() == 3  # the fourth person is highlighted
    assert view.current_item_row() == 0  # and the first point, for X
    first = section.controller.items_model.rows()[0]
    press(Qt.Key.Key_X)
    if len(first.reasons) > 1:
        press(Qt.Key.Key_1)
    marks = store.marks_for(inspections[3].id)
    assert [(m.item_id, m.result) for m in marks] == [(first.reasons[0].id, Result.FAIL)]
