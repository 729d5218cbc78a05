"""File → Back up now, Restore a backup…, Verify records…, Open data folder; Help → About.

Each test works the menu with the keyboard (Alt+F, then the underlined letter) and answers the
dialogs as a supervisor would; the database and the files on disk are then what the user was
told.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from helpers.factories import Fail, finished_lineup
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QPushButton

from inspector import paths
from inspector.domain.checklist import InspectionType
from inspector.domain.people import Employee, Sex
from inspector.services import maintenance
from inspector.storage import Store, seal
from inspector.storage.instance_lock import acquire_app_lock

LONG = 30_000

# The offscreen platform cannot grab the keyboard for a menu nor raise a window; on a desktop it can.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support grabbing the keyboard", "This plugin does not support raise"
)


@pytest.fixture
def start_app(start_app, qapp, qtbot):
    """The start-up of ``inspector --db FILE`` on a computer used before: the company is named,
    and the day's backup is made once the window is on screen."""

    def start(db_path: Path, lang: str = "en"):
        with Store(db_path) as named:  # not a first start: no question about the company name
            if not named.get_setting("company_name"):
                named.set_setting("company_name", "翠湖物业服务有限公司")
        window = start_app(db_path, lang)
        start.launcher = start_app.launcher
        with qtbot.waitSignal(window.first_frame_shown, timeout=LONG):
            pass  # the day's backup starts once the window is on screen
        window.context.runner.wait(LONG)  # the day's backup, made at start
        qapp.processEvents()
        return window

    return start


@pytest.fixture
def opened_folders(monkeypatch) -> list[Path]:
    """The folders the app asked the desktop to open (no file manager in a test)."""
    opened: list[Path] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())) or True
    )
    return opened


def choose(qtbot, window, letter: Qt.Key) -> None:
    """Alt+F opens the File menu; the underlined letter chooses the entry."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.file_menu.isVisible)
    qtbot.keyClick(window.file_menu, letter)


def choose_in(qtbot, window, menu, letter: Qt.Key) -> None:
    """Open ``menu`` of the menu bar and press the underlined letter of an entry."""
    bar = window.menuBar()
    menu.popup(bar.mapToGlobal(bar.actionGeometry(menu.menuAction()).bottomLeft()))
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, letter)


def modal(qtbot, kind, name: str | None = None, timeout: int = LONG):
    """The dialog that has just opened in front of the window."""

    def shown():
        widget = QApplication.activeModalWidget()
        assert isinstance(widget, kind) and widget.isVisible()
        assert name is None or widget.objectName() == name
        return widget

    qtbot.waitUntil(lambda: shown() is not None, timeout=timeout)
    widget = shown()
    qtbot.waitUntil(widget.isActiveWindow)  # the keyboard goes to it once it is in front
    return widget


def pick_file(qtbot, path: Path, db_path: Path) -> None:
    """In the file dialog (it starts in the backups folder), type the path and press Enter."""
    dialog = modal(qtbot, QFileDialog, "restore_file_dialog")
    assert Path(dialog.directory().absolutePath()) == paths.backups_dir(db_path)
    name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
    name_edit.setFocus()
    name_edit.setText(str(path))  # pasted: typing would open the completer's list
    qtbot.keyClick(name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def sealed_lineup(store: Store, catalogue, roster) -> int:
    """A line-up of the roster's first three people, one fault with a note, finished."""
    sets = catalogue.sets_for(InspectionType.LINEUP)
    return finished_lineup(
        store,
        sets,
        roster[:3],
        day=date(2026, 11, 30),
        site="阳光花园",
        supervisor="Huang",
        fails=[Fail(0, sets[0].items[0].id, note="头发未盘起")],
    )


# -- back up ----------------------------------------------------------------------------------


def test_back_up_now_says_where_the_copy_went(
    qtbot, roster, store, db_path, start_app, opened_folders
):
    window = start_app(db_path)
    folder = paths.backups_dir(db_path)
    before = set(folder.iterdir())

    choose(qtbot, window, Qt.Key.Key_B)  # File → Back up now

    box = modal(qtbot, QMessageBox, "admin_message")
    made = set(folder.iterdir()) - before
    assert len(made) == 1
    backup = made.pop()
    assert backup.name.startswith("inspector-manual-") and backup.suffix == ".db"
    assert backup.name in box.text() and str(folder) in box.text()
    assert "passed its integrity check" in box.text()
    with sqlite3.connect(backup) as conn:  # a real copy of the records
        assert conn.execute("SELECT count(*) FROM employees").fetchone()[0] == len(roster)
    qtbot.mouseClick(box.findChild(QPushButton, "open_folder_button"), Qt.MouseButton.LeftButton)
    assert opened_folders == [folder]
    now = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%H:%M")
    assert window.admin.last_backup_label.text() == f"Last backup: today {now}"


def test_the_days_backup_is_shown_in_the_status_bar(qtbot, roster, store, db_path, start_app):
    window = start_app(db_path)
    daily = paths.backups_dir(db_path) / f"inspector-{date.today().isoformat()}.db"
    assert daily.is_file()  # made in the background at start
    qtbot.waitUntil(lambda: window.admin.last_backup_label.text().startswith("Last backup: today"))
    assert window.admin.last_backup_label.toolTip() == str(daily)


# -- restore ----------------------------------------------------------------------------------


def test_restore_puts_the_backup_back_and_keeps_the_current_database(
    qtbot, roster, store, db_path, start_app
):
    window = start_app(db_path)
    launcher = start_app.launcher
    choose(qtbot, window, Qt.Key.Key_B)
    modal(qtbot, QMessageBox, "admin_message").accept()
    backup = max(paths.backups_dir(db_path).glob("inspector-manual-*.db"))
    hired = Employee("C099", "新员工", Sex.FEMALE, "客服部", "receptionist", "阳光花园")
    window.context.store.save_employee(hired)  # a change after the backup
    assert window.context.store.employee_count() == len(roster) + 1

    choose(qtbot, window, Qt.Key.Key_R)  # File → Restore a backup…
    pick_file(qtbot, backup, db_path)
    confirm = modal(qtbot, QMessageBox, "restore_confirmation")
    made = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%H:%M")
    assert f"Restore the backup made today {made} (" in confirm.text()
    assert " KB)?" in confirm.text()
    assert (
        "before-restore" in confirm.informativeText() and str(backup) in confirm.informativeText()
    )
    qtbot.mouseClick(confirm.findChild(QPushButton, "restore_button"), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: launcher.opened.window is not window, timeout=LONG)
    reopened = launcher.opened.window
    done = modal(qtbot, QMessageBox, "admin_message")
    assert done.parent() is reopened
    assert f"Restored the backup {backup.name} ({len(roster)} employees)." in done.text()
    kept = list(db_path.parent.glob("inspector.db.before-restore-*"))
    assert len(kept) == 1 and str(kept[0]) in done.text()
    assert reopened.context.store.employee_count() == len(roster)  # the backup's content
    assert not reopened.context.read_only and reopened.admin.restore_action.isEnabled()
    with sqlite3.connect(kept[0]) as conn:  # the database it replaced, with the change
        assert conn.execute("SELECT name FROM employees WHERE employee_no = 'C099'").fetchone()
    done.accept()


def test_restore_is_refused_while_another_copy_has_the_database_open(
    qtbot, roster, store, db_path, open_window, context, tmp_path
):
    window = open_window(context)
    backup = maintenance.backup_now(db_path).dest
    with acquire_app_lock(db_path):  # another copy of Inspector has it open
        choose(qtbot, window, Qt.Key.Key_R)
        pick_file(qtbot, backup, db_path)
        box = modal(qtbot, QMessageBox, "admin_message")
    assert box.windowTitle() == "Restore refused"
    assert "Another copy of Inspector has the database" in box.text()
    assert "Nothing was changed" in box.text()
    assert not list(db_path.parent.glob("*.before-restore-*"))
    assert window.isVisible() and store.employee_count() == len(roster)


def test_a_window_without_the_start_up_restores_then_asks_for_a_restart(
    qtbot, roster, store, db_path, open_window, context
):
    window = open_window(context)
    backup = maintenance.backup_now(db_path).dest
    store.save_employee(
        Employee("C099", "新员工", Sex.FEMALE, "客服部", "receptionist", "阳光花园")
    )

    choose(qtbot, window, Qt.Key.Key_R)
    pick_file(qtbot, backup, db_path)
    confirm = modal(qtbot, QMessageBox, "restore_confirmation")
    qtbot.mouseClick(confirm.findChild(QPushButton, "restore_button"), Qt.MouseButton.LeftButton)

    done = modal(qtbot, QMessageBox, "admin_message")
    assert "Start Inspector again to work on it." in done.text()
    qtbot.waitUntil(lambda: not window.isVisible())
    with Store(db_path) as restored:
        assert restored.employee_count() == len(roster)
    assert len(list(db_path.parent.glob("inspector.db.before-restore-*"))) == 1
    done.accept()


def test_a_backup_that_is_not_one_is_refused_before_anything_closes(
    qtbot, roster, store, db_path, start_app, caplog
):
    caplog.set_level(logging.WARNING)  # the refusal is logged beside the message shown
    window = start_app(db_path)
    not_a_backup = paths.backups_dir(db_path) / "notes.db"
    not_a_backup.write_text("not a database", encoding="utf-8")
    choose(qtbot, window, Qt.Key.Key_R)
    pick_file(qtbot, not_a_backup, db_path)
    box = modal(qtbot, QMessageBox)
    assert "is not an SQLite database" in box.text()
    assert start_app.launcher.opened.window is window and window.isVisible()
    assert not list(db_path.parent.glob("*.before-restore-*"))
    box.accept()


def test_a_read_only_window_backs_up_and_verifies_but_cannot_restore(
    qtbot, roster, store, db_path, catalogue, start_app, monkeypatch, caplog
):
    caplog.set_level(logging.WARNING)  # "already open in another copy" is logged
    from inspector.gui import startup

    sealed_lineup(store, catalogue, roster)
    monkeypatch.setattr(startup.Launcher, "_ask_read_only", staticmethod(lambda exc: True))
    with acquire_app_lock(db_path):  # another copy of Inspector has it open
        window = start_app(db_path)
        assert window.context.read_only
        restore = window.admin.restore_action
        assert not restore.isEnabled()
        assert "read-only" in restore.toolTip() and "another copy" in restore.toolTip()

        choose(qtbot, window, Qt.Key.Key_B)
        box = modal(qtbot, QMessageBox, "admin_message")
        assert list(paths.backups_dir(db_path).glob("inspector-manual-*.db"))
        box.accept()

        choose(qtbot, window, Qt.Key.Key_V)
        dialog = window.admin.verify_dialog
        qtbot.waitUntil(dialog.isVisible)
        qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.headline.text() == "✓ Every record matches its seal.")


# -- verify -----------------------------------------------------------------------------------


def _verify(qtbot, window, expect: str = "") -> tuple[str, str]:
    choose(qtbot, window, Qt.Key.Key_V)  # File → Verify records…
    dialog = window.admin.verify_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.expect_edit.setFocus()
    dialog.expect_edit.clear()
    if expect:  # pasted from a printed sheet's text
        QApplication.clipboard().setText(expect)
        qtbot.keyClick(dialog.expect_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert dialog.expect_edit.toPlainText() == expect
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.verify_button.isEnabled(), timeout=LONG)
    return dialog.headline.text(), dialog.details.toPlainText()


def test_verify_a_clean_database(qtbot, roster, store, db_path, catalogue, window):
    lineup_id = sealed_lineup(store, catalogue, roster)
    printed = seal.seal_for_lineup(store, lineup_id)  # "Seal: ab12cd34…" on the sheet

    # Lines copied whole from an English line-up sheet and a Chinese monthly pack.
    month = f"本月记录封存校验码：{printed}（已封存班前检查 1 次，可用 inspector verify 核验）"
    headline, details = _verify(qtbot, window, f"Seal: {printed}\n{month}")

    assert headline == "✓ Every record matches its seal."
    assert "Sealed line-ups: 1. Seals: 1." in details
    found = f"The printed seal {printed} is in the chain (line-up {lineup_id}) and its record"
    assert details.count(found) == 2
    head = seal.verify_store(store).head
    assert f"Chain head: {head[:8]}…\nIn full: {head}" in details


def test_verify_names_the_lineup_changed_outside_inspector(
    qtbot, roster, store, db_path, catalogue, window
):
    lineup_id = sealed_lineup(store, catalogue, roster)
    with sqlite3.connect(db_path, isolation_level=None) as conn:  # an edit by hand
        conn.execute("UPDATE marks SET note = 'nothing wrong' WHERE note != ''")

    headline, details = _verify(qtbot, window)

    assert headline == "✘ Line-ups whose records no longer match their seals: 1"
    assert (
        f"Line-up {lineup_id} (2026-11-30, 早班, 阳光花园, 客服部): changed outside Inspector."
        in details
    )
    assert f"Line-up {lineup_id} (2026-11-30, 早班, 阳光花园, 客服部) no longer matches" in details
    assert "Sealed line-ups: 1. Seals: 1." in details


def test_verify_says_what_is_wrong_with_a_printed_seal(qtbot, store, window):
    headline, _details = _verify(qtbot, window, "Seal: 12zz")
    assert headline.startswith("A printed seal: 'Seal: 12zz' is not a seal")


def test_verify_speaks_chinese(qtbot, roster, store, db_path, catalogue, window):
    sealed_lineup(store, catalogue, roster)
    window.language_actions["zh"].trigger()
    choose(qtbot, window, Qt.Key.Key_V)
    dialog = window.admin.verify_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.verify_button.isEnabled(), timeout=LONG)
    assert dialog.headline.text() == "✓ 每条记录都与其封存校验码一致。"
    assert window.admin.verify_action.text() == "核验记录(&V)…"


# -- the data folder and About -----------------------------------------------------------------


def test_open_data_folder(qtbot, store, db_path, window, opened_folders):
    choose(qtbot, window, Qt.Key.Key_F)  # File → Open data folder
    assert opened_folders == [db_path.parent]


def test_about_shows_the_version_and_where_everything_is(qtbot, roster, store, db_path, start_app):
    from inspector import __version__
    from inspector.gui.dialogs.about_dialog import AboutDialog

    window = start_app(db_path)
    choose_in(qtbot, window, window.help_menu, Qt.Key.Key_A)  # Help → About Inspector
    dialog = modal(qtbot, AboutDialog, "about_dialog")
    values = {name: label.text() for name, label in dialog.values.items()}
    assert values["version"] == __version__
    assert values["database"] == str(db_path)
    assert values["data_folder"] == str(db_path.parent)
    assert values["backups"] == str(paths.backups_dir(db_path))
    assert values["log"] == str(paths.log_path())
    assert values["last_backup"].startswith("today ")
    dialog.reject()
