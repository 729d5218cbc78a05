"""The checklists screen: the shipped standards, both languages, where each item comes from."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from inspector.domain.checklist import Area, ChecklistSet, InspectionType
from inspector.gui.models.base import ROW_ROLE
from inspector.gui.models.checklist_model import ChecklistItemsModel, ChecklistTreeModel
from inspector.gui.pages.checklists_page import ChecklistsPage

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "checklists"


@pytest.fixture
def page(qtbot, context):
    widget = ChecklistsPage(context)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    return widget


def tree_rows(model, parent=None, depth=0) -> list[tuple[int, str, object]]:
    parent = parent or QModelIndex()
    rows = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        rows.append((depth, index.data(), index.data(ROW_ROLE)))
        rows += tree_rows(model, index, depth + 1)
    return rows


def item_rows(model) -> dict[str, dict[str, str]]:
    """Item id -> column (as in ChecklistItemsModel.COLUMNS) -> text shown."""
    rows = {}
    for row in range(model.rowCount()):
        item = model.index(row, 0).data(ROW_ROLE)
        rows[item.id] = {
            name: model.index(row, col).data()
            for col, name in enumerate(ChecklistItemsModel.COLUMNS)
        }
    return rows


def test_checklist_models_pass_the_model_tester(qtmodeltester, catalogue):
    tree = ChecklistTreeModel(catalogue)
    qtmodeltester.check(tree)
    items = ChecklistItemsModel(catalogue)
    items.set_checklist(next(s for s in catalogue.sets if s.id == "shoes"))
    qtmodeltester.check(items)
    items.set_checklist(None)
    qtmodeltester.check(items)


def test_the_tree_lists_every_shipped_set_grouped_by_type_and_area(page, catalogue):
    rows = tree_rows(page.tree.model())
    top = [r for r in rows if r[0] == 0]
    assert [r[2] for r in top] == [InspectionType.LINEUP, InspectionType.OBSERVATION]
    assert [r[1] for r in top] == ["Line-up inspection", "Floor observation"]
    sets = [r[2] for r in rows if isinstance(r[2], ChecklistSet)]
    assert sorted(s.id for s in sets) == sorted(s.id for s in catalogue.sets)
    areas = [r for r in rows if r[0] == 1]
    assert all(isinstance(a[2], Area) for a in areas)
    assert areas[0][1] == "Overall"
    hands = next(r for r in rows if isinstance(r[2], ChecklistSet) and r[2].id == "hands")
    assert hands[1] == "Hands · v2 (3 items)"
    assert page.tree.isExpanded(page.tree.model().index(0, 0))


def test_selecting_a_set_shows_its_items_in_both_languages_with_sources(qtbot, page):
    model = page.tree.model()
    index = model.set_index("shoes")
    page.tree.scrollTo(index)  # the ninth line-up area may be below the fold
    rect = page.tree.visualRect(index)
    with qtbot.waitSignal(page.set_shown) as shown:
        qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.args == ["shoes"]

    items = item_rows(page.items_view.model())
    assert len(items) == 7
    trainers = items["shoes.forbidden.trainers"]
    header = [
        page.items_view.model().headerData(c, Qt.Orientation.Horizontal)
        for c in range(page.items_view.model().columnCount())
    ]
    assert set(header) == {
        "ID",
        "Kind",
        "Chinese",
        "English",
        "Applies to",
        "Exempt roles",
        "Severity",
        "Weight",
        "Source",
    }
    assert trainers["kind"] == "Prohibited"
    assert trainers["zh"] == "穿运动鞋"
    assert trainers["en"] == "Trainers"
    assert trainers["applies_to"] == "Everyone"
    assert trainers["exempt"] == "Pool lifeguard"
    assert trainers["severity"] == "Major"
    assert trainers["weight"].isdigit()
    assert trainers["source"].startswith("001_2d8fab767d16ad65.txt\n六、")
    assert items["shoes.shoes.not-dark-leather"]["kind"] == "Required"
    assert "鞋子" in page.set_title.text() and "version 2" in page.set_details.text()


def test_the_first_set_is_shown_on_opening(page):
    assert page.items_view.model().rowCount() > 0
    assert page.set_title.text()


def test_kinds_and_roles_in_chinese_after_a_language_switch(qtbot, page, context):
    from inspector.gui import i18n

    page.show_set("shoes")
    i18n.set_language("zh", remember=False)
    context.events.language_changed.emit("zh")
    trainers = item_rows(page.items_view.model())["shoes.forbidden.trainers"]
    assert trainers["exempt"] == "泳池救生员"
    assert trainers["kind"].startswith("禁止")  # 禁止事宜 / 禁止事项, as the standards say
    areas = [r for r in tree_rows(page.tree.model()) if r[0] == 1]
    assert areas[0][1] == "整体"


def test_validate_a_folder_with_problems(qtbot, page):
    broken = FIXTURES / "broken"
    with qtbot.waitSignal(page.validation_finished, timeout=30_000) as finished:
        page.validate_folder(broken)
    problems = finished.args[0]
    assert problems
    assert page.validation_output.isVisible()
    assert "problems to fix" in page.validation_output.toPlainText()


def test_validate_a_clean_folder(qtbot, page, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    folder = FIXTURES / "company"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    with qtbot.waitSignal(page.validation_finished, timeout=30_000) as finished:
        qtbot.mouseClick(page.validate_button, Qt.MouseButton.LeftButton)
    assert finished.args == [[]]
    assert "load without problems" in page.validation_output.toPlainText()
    assert page.validate_button.isEnabled()
