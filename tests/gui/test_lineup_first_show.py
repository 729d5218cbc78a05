"""The line-up screen is built when first shown, after its line-up is loaded: it still opens on
the right person with the first point highlighted, ready for the keys."""

from __future__ import annotations

from helpers.gui_pages import unfinished_lineup
from PySide6.QtCore import Qt

from inspector.domain.lineup import Result
from inspector.domain.people import Employee, Sex


def test_a_resumed_lineup_opens_on_its_person_with_the_first_point_ready(
    qtbot, roster, store, catalogue, context, open_window, press
):
    lineup = unfinished_lineup(store, catalogue, roster, completed=3)
    inspections = store.inspections_for(lineup.id)
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


def test_the_start_screen_counts_each_site_and_department(qtbot, store, context, open_window):
    store.upsert_employees(
        [
            Employee("E1", "王芳", Sex.FEMALE, "客服部", "customer-service", "东湖花园"),
            Employee("E2", "李娜", Sex.FEMALE, "客服部", "receptionist", "东湖花园"),
            Employee("E3", "张伟", Sex.MALE, "工程部", "engineer", "东湖花园"),
            Employee("E4", "赵磊", Sex.MALE, "", "security", "滨江公寓"),
            Employee("E5", "孙丽", Sex.FEMALE, "客服部", "customer-manager", "东湖花园", False),
        ]
    )
    start = open_window(context).lineup.home.start
    combo = start.scope
    shown = [combo.itemText(n) for n in range(combo.count())]
    assert shown == [
        "东湖花园 — everyone",
        "滨江公寓 — everyone",
        "客服部 · 东湖花园",
        "工程部 · 东湖花园",
    ]
    counts = []
    for n in range(combo.count()):
        combo.setCurrentIndex(n)
        counts.append(start.people.text())
    assert counts == [f"People in this line-up: {n}" for n in (3, 1, 2, 1)]  # E5 has left
