"""File → Settings… and the first start's company name, used as a person would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from inspector.gui.dialogs.settings_dialog import CompanyNameDialog, SettingsDialog
from inspector.storage import Store


def click_ok(qtbot, dialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def retype(qtbot, edit, text: str) -> None:
    """Select all and paste ``text`` (Chinese is typed through an input method; a test
    pastes it)."""
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QApplication.clipboard().setText(text)
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def open_settings(qtbot, window) -> SettingsDialog:
    window.file_menu.setActiveAction(window.settings_action)
    window.settings_action.trigger()  # File → Settings…
    dialog = window.settings_dialog
    qtbot.waitExposed(dialog)
    return dialog


def test_settings_are_changed_from_the_menu(qtbot, window, store) -> None:
    assert window.settings_action.text() == "&Settings…"
    assert window.settings_action in window.file_menu.actions()
    dialog = open_settings(qtbot, window)
    retype(qtbot, dialog.company, "锦江物业有限公司")
    retype(qtbot, dialog.company_en, "Jinjiang Property")
    dialog.profile.setFocus()
    assert not dialog.fields["deduction_minor"].isEnabled()  # only under deduction scoring
    qtbot.keyClick(dialog.profile, Qt.Key.Key_Down)  # pass rate → deduction
    assert dialog.fields["deduction_minor"].isEnabled()
    spin = dialog.fields["deduction_major"]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "8")
    qtbot.mouseClick(dialog.zeroes, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.saved):
        click_ok(qtbot, dialog)
    stored = store.settings()
    assert stored["company_name"] == "锦江物业有限公司"
    assert stored["company_name_en"] == "Jinjiang Property"
    assert stored["scoring_profile"] == "deduction"
    assert stored["deduction_major"] == "8"
    assert stored["critical_zeroes"] == "yes"
    assert not dialog.isVisible()


def test_a_bad_ladder_is_explained_and_nothing_is_stored(qtbot, context, store) -> None:
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    retype(qtbot, dialog.company, "新公司")
    retype(qtbot, dialog.ladder, "3=提醒; three=警告")
    click_ok(qtbot, dialog)
    assert dialog.isVisible()  # stays open to fix the value
    assert dialog.message.isVisible()
    assert dialog.message.text().startswith("ladder: ")
    assert "COUNT=中文/English" in dialog.message.text()
    assert "company_name" not in store.settings()  # nothing stored while one value is bad
    retype(qtbot, dialog.ladder, "2=提醒/Reminder; 4=警告/Warning")
    with qtbot.waitSignal(dialog.saved):
        click_ok(qtbot, dialog)
    assert store.settings()["ladder"] == "2=提醒/Reminder; 4=警告/Warning"
    assert store.settings()["company_name"] == "新公司"


def test_cancel_keeps_the_settings(qtbot, context, store) -> None:
    store.set_setting("company_name", "旧名")
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.company.text() == "旧名"
    retype(qtbot, dialog.company, "新名")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert store.settings()["company_name"] == "旧名"


@pytest.fixture
def start_app(start_app, qtbot):
    """The start-up, up to the window's first frame (the company question comes then)."""

    def start(db_path):
        window = start_app(db_path)
        with qtbot.waitSignal(window.first_frame_shown, timeout=30_000):
            pass  # the question comes once the window is on screen
        return window

    return start


def test_the_first_start_asks_for_the_company_name(qtbot, db_path, start_app) -> None:
    window = start_app(db_path)
    dialog = window.company_dialog
    assert isinstance(dialog, CompanyNameDialog)
    qtbot.waitExposed(dialog)
    click_ok(qtbot, dialog)  # nothing typed
    assert dialog.isVisible() and "heads every report" in dialog.message.text()
    retype(qtbot, dialog.name, "翠湖物业服务有限公司")
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert window.context.store.settings()["company_name"] == "翠湖物业服务有限公司"


def test_the_name_is_asked_once_and_never_for_the_demo(qtbot, db_path, start_app) -> None:
    with Store(db_path) as store:
        store.set_setting("company_name", "翠湖物业服务有限公司")
    assert start_app(db_path).company_dialog is None
    demo = db_path.with_name("demo.db")
    with Store(demo) as store:
        store.set_setting("demo", "1")
    assert start_app(demo).company_dialog is None
    QApplication.processEvents()


def test_a_bad_value_is_explained_in_chinese(qtbot, context, store) -> None:
    from inspector.gui import i18n

    i18n.set_language("zh", remember=False)
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    retype(qtbot, dialog.ladder, "三次=提醒")
    click_ok(qtbot, dialog)
    assert dialog.message.text().startswith(
        "ladder：不能设为 '三次=提醒'（可用：阶梯写作 次数=中文/English"
    )
    assert "ladder" not in store.settings()
