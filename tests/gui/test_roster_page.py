"""The roster screen, used as a supervisor would: search, add, deactivate, import, export."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from helpers.gui_pages import PEOPLE, add_people, type_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from inspector.domain.people import Sex
from inspector.gui.dialogs.role_dialog import RoleDialog
from inspector.gui.dialogs.roster_import_dialog import RosterImportDialog
from inspector.gui.models.base import ROW_ROLE
from inspector.gui.models.roster_model import ImportChangesModel, RosterModel, RowProblemsModel
from inspector.gui.pages.roster_page import RosterPage


@pytest.fixture
def page(qtbot, context):
    widget = RosterPage(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def shown_numbers(page: RosterPage) -> list[str]:
    model = page.view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def select_row_of(qtbot, page: RosterPage, employee_no: str) -> None:
    row = shown_numbers(page).index(employee_no)
    rect = page.view.visualRect(page.view.model().index(row, 1))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.selected_employee().employee_no == employee_no


# -- the model --------------------------------------------------------------------------------


def test_roster_model_passes_the_model_tester(qtmodeltester, store, catalogue):
    model = RosterModel(catalogue)
    model.set_employees(add_people(store))
    qtmodeltester.check(model)
    employee = model.index(2, 0).data(ROW_ROLE)
    assert employee.employee_no == "E003"
    assert model.index(2, 4).data() == "Maintenance technician"  # in the UI language
    model.set_language("zh")
    assert model.index(2, 4).data() == "工程维修员"


def test_import_preview_models_pass_the_model_tester(
    qtbot, qtmodeltester, tmp_path, store, catalogue
):
    from inspector.files.roster import read_roster

    preview = read_roster(gbk_roster(tmp_path), catalogue)
    dialog = RosterImportDialog(preview, add_people(store, PEOPLE[2:3]), catalogue)
    qtmodeltester.check(dialog.changes_model)
    qtmodeltester.check(dialog.problems_model)
    assert isinstance(dialog.changes_model, ImportChangesModel)
    assert isinstance(dialog.problems_model, RowProblemsModel)
    dialog.deleteLater()


# -- search, add, deactivate ------------------------------------------------------------------


def test_search_filters_as_you_type(qtbot, store, context):
    add_people(store)
    page = RosterPage(context)
    qtbot.addWidget(page)
    assert len(shown_numbers(page)) == len(PEOPLE)

    type_text(qtbot, page.search_edit, "客服")
    assert sorted(shown_numbers(page)) == ["E001", "E002", "E007"]

    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "E00")
    qtbot.keyClicks(page.search_edit, "4")
    assert shown_numbers(page) == ["E004"]

    page.search_edit.clear()
    type_text(qtbot, page.search_edit, "张伟")
    assert shown_numbers(page) == ["E003"]
    assert "1 of 8" in page.status_label.text()


def test_switching_to_chinese_rewords_the_table(qtbot, store, context):
    from inspector.gui import i18n

    add_people(store)
    page = RosterPage(context)
    qtbot.addWidget(page)
    model = page.view.model()
    row = shown_numbers(page).index("E003")
    assert model.index(row, 4).data() == "Maintenance technician"
    i18n.set_language("zh", remember=False)
    context.events.language_changed.emit("zh")  # as the main window does after switching
    assert model.index(row, 4).data() == "工程维修员"


def test_department_filter(qtbot, store, context):
    add_people(store)
    page = RosterPage(context)
    qtbot.addWidget(page)
    page.department_combo.setCurrentIndex(page.department_combo.findText("秩序部"))
    assert sorted(shown_numbers(page)) == ["E004", "E006", "E008"]


def test_add_employee_through_the_dialog_lands_in_the_database(qtbot, store, page):
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.employee_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.save_button.isEnabled()  # nothing entered yet

    qtbot.keyClicks(dialog.number_edit, "E100")
    type_text(qtbot, dialog.name_edit, "吴敏")
    dialog.sex_combo.setCurrentIndex(dialog.sex_combo.findText("Female"))
    type_text(qtbot, dialog.department_combo.lineEdit(), "前台")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("receptionist"))
    type_text(qtbot, dialog.site_combo.lineEdit(), "东湖花园")
    assert dialog.save_button.isEnabled(), dialog.error_label.text()
    with qtbot.waitSignal(page.roster_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    saved = store.employee_by_no("E100")
    assert saved is not None
    assert (saved.name, saved.sex, saved.department, saved.role, saved.site, saved.active) == (
        "吴敏",
        Sex.FEMALE,
        "前台",
        "receptionist",
        "东湖花园",
        True,
    )
    assert "E100" in shown_numbers(page)
    assert page.selected_employee().employee_no == "E100"


def test_the_dialog_refuses_a_number_already_on_the_roster(qtbot, store, page):
    add_people(store)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.employee_dialog
    qtbot.keyClicks(dialog.number_edit, "E001")
    type_text(qtbot, dialog.name_edit, "重复")
    type_text(qtbot, dialog.department_combo.lineEdit(), "客服部")
    dialog.role_combo.setCurrentIndex(1)
    assert not dialog.save_button.isEnabled()
    assert "E001" in dialog.error_label.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert store.employee_by_no("E001").name == "王芳"


def test_edit_changes_the_stored_employee(qtbot, store, context):
    add_people(store)
    page = RosterPage(context)
    qtbot.addWidget(page)
    page.show()
    select_row_of(qtbot, page, "E005")
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.employee_dialog
    assert dialog.number_edit.isReadOnly()
    dialog.department_combo.lineEdit().clear()
    type_text(qtbot, dialog.department_combo.lineEdit(), "绿化部")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("gardener"))
    with qtbot.waitSignal(page.roster_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    edited = store.employee_by_no("E005")
    assert (edited.department, edited.role) == ("绿化部", "gardener")


def test_deactivate_and_reactivate(qtbot, store, context):
    add_people(store)
    page = RosterPage(context)
    qtbot.addWidget(page)
    page.show()
    select_row_of(qtbot, page, "E002")
    assert page.active_button.text() == "Deactivate"
    with qtbot.waitSignal(page.roster_saved):
        qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)

    assert store.employee_by_no("E002").active is False
    assert "E002" not in shown_numbers(page)  # inactive people are hidden by default

    qtbot.mouseClick(page.inactive_check, Qt.MouseButton.LeftButton)
    assert "E002" in shown_numbers(page)
    select_row_of(qtbot, page, "E002")
    assert page.active_button.text() == "Reactivate"
    row = shown_numbers(page).index("E002")
    assert page.view.model().index(row, 6).data() == "Inactive"
    with qtbot.waitSignal(page.roster_saved):
        qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert store.employee_by_no("E002").active is True


def test_read_only_database_disables_changes(qtbot, store, context):
    add_people(store)
    context.read_only = True
    page = RosterPage(context)
    qtbot.addWidget(page)
    assert not page.add_button.isEnabled()
    assert not page.import_button.isEnabled()
    assert page.export_button.isEnabled()


# -- import -----------------------------------------------------------------------------------


def gbk_roster(folder: Path) -> Path:
    """2 new people, 1 changed department (E003, stored as 工程部), 1 bad row (row 5)."""
    path = folder / "花名册.csv"
    text = (
        "工号,姓名,性别,部门,岗位,场所\r\n"
        "E101,钱多多,女,客服部,客服专员,东湖花园\r\n"
        "E102,郑一鸣,男,秩序部,秩序维护员,东湖花园\r\n"
        "E003,张伟,男,维修部,工程维修员,东湖花园\r\n"
        "E104,冯小,未知,客服部,前台接待,东湖花园\r\n"
    )
    path.write_bytes(text.encode("gbk"))
    return path


def open_import(qtbot, page: RosterPage, path: Path, monkeypatch) -> RosterImportDialog:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.import_dialog is not None and page.import_dialog.isVisible())
    return page.import_dialog


def test_import_preview_shows_new_updated_and_bad_rows(qtbot, tmp_path, store, page, monkeypatch):
    add_people(store, PEOPLE[2:3])
    dialog = open_import(qtbot, page, gbk_roster(tmp_path), monkeypatch)

    summary = dialog.summary_label.text()
    assert "New: 2" in summary
    assert "Updated: 1" in summary
    assert "Unchanged: 0" in summary
    assert "Bad rows: 1" in summary
    changes = dialog.changes_model
    lines = [
        [changes.index(row, col).data() for col in range(4)] for row in range(changes.rowCount())
    ]
    assert ["Updated", "E003", "张伟", "Department: 工程部 → 维修部"] in lines
    assert sorted(line[1] for line in lines if line[0] == "New") == ["E101", "E102"]
    problems = dialog.problems_model
    assert problems.rowCount() == 1
    assert problems.index(0, 0).data() == "5"
    assert "未知" in problems.index(0, 1).data()
    assert dialog.problems_view.isVisible()
    # The safe choice is the default; importing the rest is spelled out.
    assert dialog.cancel_button.isDefault()
    assert not dialog.import_button.isDefault()
    assert dialog.import_button.text() == "Import the 3 good rows only"


def test_import_good_rows_only(qtbot, tmp_path, store, page, monkeypatch, context):
    add_people(store, PEOPLE[2:3])
    dialog = open_import(qtbot, page, gbk_roster(tmp_path), monkeypatch)
    with (
        qtbot.waitSignal(context.events.roster_changed),
        qtbot.waitSignal(page.import_finished) as finished,
    ):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    summary = finished.args[0]
    assert (summary.added, summary.updated, summary.unchanged) == (2, 1, 0)
    numbers = sorted(e.employee_no for e in store.list_employees())
    assert numbers == ["E003", "E101", "E102"]
    assert store.employee_by_no("E104") is None
    assert store.employee_by_no("E003").department == "维修部"
    assert sorted(shown_numbers(page)) == numbers
    assert "2 added, 1 updated" in page.status_label.text()


def test_cancelling_the_import_imports_nothing(qtbot, tmp_path, store, page, monkeypatch):
    add_people(store, PEOPLE[2:3])
    dialog = open_import(qtbot, page, gbk_roster(tmp_path), monkeypatch)
    with qtbot.waitSignal(page.import_finished) as finished:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert finished.args == [None]
    assert [e.employee_no for e in store.list_employees()] == ["E003"]
    assert store.employee_by_no("E003").department == "工程部"
    assert page.status_label.text() == "Nothing was imported."


def test_enter_in_the_preview_with_bad_rows_imports_nothing(
    qtbot, tmp_path, store, page, monkeypatch
):
    dialog = open_import(qtbot, page, gbk_roster(tmp_path), monkeypatch)
    with qtbot.waitSignal(page.import_finished) as finished:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert finished.args == [None]
    assert store.list_employees() == []


def test_an_unreadable_file_is_reported(qtbot, tmp_path, page, monkeypatch):
    shown = []
    monkeypatch.setattr(
        "inspector.gui.pages.roster_page.show_error",
        lambda parent, exc, title=None: shown.append(exc),
    )
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    with qtbot.waitSignal(page.import_finished):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert "empty" in str(shown[0])
    assert page.import_dialog is None


# -- export -----------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_gives_the_same_roster(
    qtbot, tmp_path, store, page, monkeypatch, catalogue, suffix
):
    from inspector.files.roster import read_roster

    add_people(store)
    page.refresh()
    target = tmp_path / f"roster{suffix}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "exported" in page.status_label.text())
    preview = read_roster(target, catalogue)
    assert preview.problems == []
    assert preview.changes(store.list_employees()).updated == []
    assert len(preview.employees) == len(PEOPLE)


def long_reasons_roster(folder: Path) -> Path:
    path = folder / "花名册.csv"
    text = (
        "工号,姓名,性别,部门,岗位,状态\r\n"
        "E101,钱多多,女,客服部,客服专员,在职\r\n"
        "E102,,未知,秩序部,保安员,也许\r\n"  # row 3: three reasons
    )
    path.write_bytes(text.encode("gbk"))
    return path


def test_the_preview_gives_reasons_in_chinese_whole(qtbot, tmp_path, store, page, monkeypatch):
    """P8/P13: in the Chinese interface the reasons were English, and cut off."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics

    from inspector.gui import i18n

    i18n.set_language("zh", remember=False)
    page.context.events.language_changed.emit("zh")
    dialog = open_import(qtbot, page, long_reasons_roster(tmp_path), monkeypatch)
    problems = dialog.problems_model
    reason = problems.index(0, 1).data()
    assert problems.index(0, 0).data() == "3"
    assert reason.startswith("缺少姓名；性别“未知”无法识别")
    assert "状态“也许”无法识别" in reason and "unknown" not in reason
    assert problems.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == reason
    # Not cut off: the text wraps in its column and the row is as tall as the wrapped text.
    view = dialog.problems_view
    qtbot.waitUntil(lambda: view.columnWidth(1) > 200)
    view.resizeRowsToContents()
    needed = QFontMetrics(view.font()).boundingRect(
        QRect(0, 0, view.columnWidth(1) - 8, 10_000), int(Qt.TextFlag.TextWordWrap), reason
    )
    assert view.wordWrap()
    assert view.rowHeight(0) >= needed.height()
    assert view.columnViewportPosition(1) + view.columnWidth(1) <= view.viewport().width()


def test_the_preview_rewords_its_reasons_on_a_language_switch(
    qtbot, tmp_path, store, page, monkeypatch
):
    from inspector.gui import i18n

    dialog = open_import(qtbot, page, long_reasons_roster(tmp_path), monkeypatch)
    problems = dialog.problems_model
    assert "缺少姓名" not in problems.index(0, 1).data()

    i18n.set_language("zh", remember=False)  # Qt sends LanguageChange to the open dialog
    qtbot.waitUntil(lambda: dialog.windowTitle() != "Import the roster")
    assert dialog.problems_view.model() is dialog.problems_model
    assert dialog.problems_model.index(0, 1).data().startswith("缺少姓名；性别“未知”无法识别")


def test_a_file_that_cannot_be_read_is_said_in_chinese(qtbot, tmp_path, page, monkeypatch, caplog):
    from helpers.roster_files import damaged_xlsx
    from PySide6.QtWidgets import QMessageBox

    from inspector.gui import i18n

    i18n.set_language("zh", remember=False)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    path = damaged_xlsx(tmp_path / "花名册.xlsx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    with caplog.at_level(logging.WARNING), qtbot.waitSignal(page.import_finished):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert any("工作簿已损坏" in r.getMessage() for r in caplog.records)
    (message,) = shown
    assert message.startswith(f"无法读取花名册 {path}：Excel (.xlsx) 工作簿已损坏")
    assert "重新保存" in message


# -- job titles no role is known by -----------------------------------------------------------


def new_titles_roster(folder: Path) -> Path:
    path = folder / "花名册.csv"
    text = (
        "工号,姓名,性别,部门,岗位,场所\r\n"
        "E201,张伟,男,工程部,电工,东湖花园\r\n"  # row 2
        "E202,李强,男,秩序部,保安领班,东湖花园\r\n"  # row 3
        "E203,王芳,女,人事部,人事专员,东湖花园\r\n"  # row 4
        "E204,赵六,男,工程部,电工,东湖花园\r\n"  # row 5
        "E205,钱七,男,秩序部,保安员,东湖花园\r\n"  # row 6: a known role
    )
    path.write_bytes(text.encode("gbk"))
    return path


def choose(qtbot, combo, text: str) -> None:
    """Pick the entry ``text`` of a combo box with the keys, as a user does: Home, then Down
    to it ("New role…" is the last entry: End)."""
    model = combo.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == text)
    if row == model.rowCount() - 1:
        qtbot.keyClick(combo, Qt.Key.Key_End)
    else:
        qtbot.keyClick(combo, Qt.Key.Key_Home)
        for _ in range(row):
            qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text or text.endswith("…")


def tick(qtbot, check) -> None:
    """Click a check box on its box, at the left."""
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))


def describe_role(qtbot, dialog, en: str, parts: list[str], zh: str | None = None) -> None:
    """Fill the role dialog as a user: names, then tick the uniform parts, then Save."""
    qtbot.waitUntil(dialog.isVisible)
    if zh is not None:
        dialog.zh_edit.clear()
        type_text(qtbot, dialog.zh_edit, zh)
    type_text(qtbot, dialog.en_edit, en)
    for part in parts:
        tick(qtbot, dialog.part_checks[part])
    assert dialog.save_button.isEnabled(), dialog.error_label.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_the_preview_lists_new_titles_with_their_rows(qtbot, tmp_path, store, page, monkeypatch):
    dialog = open_import(qtbot, page, new_titles_roster(tmp_path), monkeypatch)

    assert dialog.titles_area.isVisible()
    shown = {
        title: (dialog._count_labels[title].text(), combo.currentText())
        for title, combo in dialog.title_combos.items()
    }
    assert shown == {
        "电工": ("2 rows", "Choose a role…"),
        "保安领班": ("1 row", "Choose a role…"),
        "人事专员": ("1 row", "Choose a role…"),
    }
    assert not dialog.problems_view.isVisible()  # new titles are not bad rows
    assert dialog.import_button.text() == "Import the 1 other rows only"
    assert dialog.cancel_button.isDefault()
    assert "4 rows have a job title with no role yet" in dialog.note_label.text()


def test_map_one_title_create_a_role_for_another_and_import(
    qtbot, tmp_path, store, page, monkeypatch, context
):
    import tomllib

    from inspector.files.checklists import company_roles_path

    dialog = open_import(qtbot, page, new_titles_roster(tmp_path), monkeypatch)

    choose(qtbot, dialog.title_combos["保安领班"], "Security officer")
    choose(qtbot, dialog.title_combos["人事专员"], "Administrative officer")
    assert dialog.import_button.text() == "Import the 3 other rows only"
    choose(qtbot, dialog.title_combos["电工"], "New role…")
    qtbot.waitUntil(lambda: dialog.role_dialog is not None)
    role_dialog = dialog.role_dialog
    assert role_dialog.zh_edit.text() == "电工"  # starts as the title
    describe_role(qtbot, role_dialog, "Electrician", ["shirt", "trousers", "leather-shoes"])
    qtbot.waitUntil(lambda: dialog.role_dialog is None)

    assert dialog.title_combos["电工"].currentText() == "Electrician (new)"
    assert dialog.import_button.text() == "Import 5 rows"
    assert "New: 5" in dialog.summary_label.text()
    with qtbot.waitSignal(page.import_finished, timeout=10_000) as finished:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert finished.args[0].added == 5
    roles = {e.employee_no: e.role for e in store.list_employees()}
    assert roles == {
        "E201": "electrician",
        "E202": "security",
        "E203": "administrator",
        "E204": "electrician",
        "E205": "security",
    }
    remembered = {
        r["id"]: r for r in tomllib.loads(company_roles_path().read_text("utf-8"))["role"]
    }
    assert "保安领班" in remembered["security"]["aliases"]
    assert remembered["administrator"]["aliases"] == ["人事专员"]
    assert remembered["electrician"]["en"] == "Electrician"
    assert sorted(remembered["electrician"]["uniform"]) == ["leather-shoes", "shirt", "trousers"]
    # The screens use the reloaded checklists: the table names the new role.
    assert context.catalogue.role("electrician") is not None
    row = shown_numbers(page).index("E201")
    assert page.view.model().index(row, 4).data() == "Electrician"

    # The add-employee dialog offers the new role.
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.employee_dialog is not None)
    combo = page.employee_dialog.role_combo
    offered = [combo.itemText(i) for i in range(combo.count())]
    assert "Electrician" in offered and offered[-1] == "New role…"
    page.employee_dialog.reject()


def test_the_next_import_of_the_same_titles_asks_nothing(
    qtbot, tmp_path, store, page, monkeypatch, context
):
    from inspector.files.checklists import load_catalogue, update_company_roles

    update_company_roles(aliases={"security": ["保安领班"], "administrator": ["人事专员"]})
    update_company_roles(aliases={"engineer": ["电工"]})
    context.set_catalogue(load_catalogue())
    dialog = open_import(qtbot, page, new_titles_roster(tmp_path), monkeypatch)
    assert dialog.title_combos == {}
    assert not dialog.titles_area.isVisible()
    assert dialog.import_button.text() == "Import 5 rows"


def test_cancelling_the_role_dialog_leaves_the_title_without_a_role(
    qtbot, tmp_path, store, page, monkeypatch
):
    from inspector.files.checklists import company_roles_path

    dialog = open_import(qtbot, page, new_titles_roster(tmp_path), monkeypatch)
    choose(qtbot, dialog.title_combos["电工"], "New role…")
    qtbot.waitUntil(lambda: dialog.role_dialog is not None)
    role_dialog = dialog.role_dialog
    qtbot.waitUntil(role_dialog.isVisible)
    qtbot.keyClick(role_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.role_dialog is None)
    assert not dialog.findChildren(RoleDialog)  # closed is gone, not kept hidden
    assert dialog.title_combos["电工"].currentText() == "Choose a role…"
    with qtbot.waitSignal(page.import_finished) as finished:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert finished.args == [None]
    assert store.list_employees() == []
    assert not company_roles_path().exists()


def test_import_only_the_other_rows(qtbot, tmp_path, store, page, monkeypatch):
    dialog = open_import(qtbot, page, new_titles_roster(tmp_path), monkeypatch)
    choose(qtbot, dialog.title_combos["保安领班"], "Security officer")
    with qtbot.waitSignal(page.import_finished, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert sorted(e.employee_no for e in store.list_employees()) == ["E202", "E205"]


def test_the_role_dialog_says_what_is_wrong(qtbot, page):
    qtbot.mouseClick(page.new_role_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.role_dialog is not None)
    dialog = page.role_dialog
    qtbot.waitUntil(dialog.isVisible)
    type_text(qtbot, dialog.zh_edit, "绿化员")
    type_text(qtbot, dialog.en_edit, "Gardener")
    assert not dialog.save_button.isEnabled()
    assert "“绿化员” is already a name of the role Gardener (gardener)" in dialog.error_label.text()
    assert dialog.id_edit.text() == "gardener-2"
    dialog.reject()


def test_a_new_role_from_the_add_employee_dialog(qtbot, store, page, context):
    import tomllib

    from inspector.files.checklists import company_roles_path

    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.employee_dialog is not None)
    dialog = page.employee_dialog
    qtbot.waitUntil(dialog.isVisible)
    type_text(qtbot, dialog.number_edit, "E301")
    type_text(qtbot, dialog.name_edit, "周婷")
    type_text(qtbot, dialog.department_combo.lineEdit(), "前台")
    choose(qtbot, dialog.role_combo, "New role…")
    qtbot.waitUntil(lambda: dialog.role_dialog is not None)
    role_dialog = dialog.role_dialog
    parts = ["shirt", "suit-jacket", "leather-shoes"]
    describe_role(qtbot, role_dialog, "Front desk lead", parts, zh="前台主管")
    qtbot.waitUntil(lambda: dialog.role_combo.currentText() == "Front desk lead")
    assert context.catalogue.role("front-desk-lead").uniform.common == set(parts)
    with qtbot.waitSignal(context.events.roster_changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert store.employee_by_no("E301").role == "front-desk-lead"
    (role,) = tomllib.loads(company_roles_path().read_text("utf-8"))["role"]
    assert role["zh"] == "前台主管"


def test_parts_worn_by_one_sex_in_the_role_dialog(qtbot, page, context):
    qtbot.mouseClick(page.new_role_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.role_dialog is not None)
    dialog = page.role_dialog
    qtbot.waitUntil(dialog.isVisible)
    type_text(qtbot, dialog.zh_edit, "礼宾员")
    type_text(qtbot, dialog.en_edit, "Concierge")
    for part in ("shirt", "skirt", "tie"):
        tick(qtbot, dialog.part_checks[part])
    choose(qtbot, dialog.part_for["skirt"], "Women only")
    choose(qtbot, dialog.part_for["tie"], "Men only")
    with qtbot.waitSignal(page.role_created) as created:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert created.args == ["concierge"]
    uniform = context.catalogue.role("concierge").uniform
    assert (uniform.common, uniform.female, uniform.male) == ({"shirt"}, {"skirt"}, {"tie"})
    assert "Concierge" in page.status_label.text()


def test_a_role_added_reaches_the_next_line_up(qtbot, page, context):
    from inspector.domain.people import Role, Uniform
    from inspector.domain.text import Text
    from inspector.gui.pages.lineup_section import LineupSection

    section = LineupSection(context)
    qtbot.addWidget(section)
    role = Role("electrician", Text("电工", "Electrician"), Uniform(frozenset({"shirt"})))

    assert page.create_role(role) is context.catalogue

    assert section.controller.session.catalogue.role("electrician") == role
