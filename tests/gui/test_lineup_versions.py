"""A line-up recorded against an older, flat version of a set shows that version's own words."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from inspector.domain.lineup import Result
from inspector.files.checklists import load_catalogue

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "checklists"
SHIPPED = Path(__file__).resolve().parents[2] / "checklists"


def old_hands_set(tmp_path):
    """Version 1 of the hands set, loaded from its own definition (with the areas it names)."""
    folder = tmp_path / "v1"
    folder.mkdir()
    shutil.copy(FIXTURES / "v1" / "hands.toml", folder)
    shutil.copy(SHIPPED / "areas.toml", folder)
    [old] = load_catalogue([folder], include_shipped=False).sets
    assert old.version == 1 and not old.points
    return old


def test_an_old_version_lineup_shows_its_items_as_points_and_x_records_one(
    qtbot, tmp_path, roster, window, store, press
):
    old = old_hands_set(tmp_path)
    lineup = store.start_lineup(
        day=date(2025, 3, 3),
        shift="早班",
        site="阳光花园",
        department="客服部",
        supervisor="Huang",
        sets=[old],
        employees=roster,
    )
    section = window.lineup
    section.open_lineup(lineup.id)
    qtbot.waitUntil(lambda: section.currentWidget() is section.lineup_page)
    controller = section.controller
    model = controller.items_model
    shown = [model.index(r, model.POINT).data() for r in range(model.rowCount())]
    assert shown == [item.text.en for item in old.items if item.applies(roster[0])]
    assert model.index(0, model.AREA).data() == "6  Hands"  # the area keeps its digit
    assert all(len(row.reasons) == 1 for row in model.rows())

    inspection = controller.person().inspection
    press(Qt.Key.Key_6)
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_X)  # one reason: recorded at once, no picker
    press(Qt.Key.Key_Space)
    [mark] = store.marks_for(inspection.id)
    assert (mark.item_id, mark.result) == (old.items[1].id, Result.FAIL)
    assert model.rowCount() == len(shown)  # the next person: the same old set
    controller.go_to(0)
    row = model.row_of(old.items[1].id)
    assert model.index(row, model.RESULT).data() == "✘ " + old.items[1].text.en
