"""Start-up as ``inspector --db FILE`` does it: the first screen offers what makes sense."""

from __future__ import annotations

import logging
import sys

import pytest
from helpers.gui_pages import unfinished_lineup
from PySide6.QtCore import QEvent, Qt


def test_an_empty_database_offers_import_or_demo(qtbot, db_path, start_app):
    window = start_app(db_path)
    qtbot.waitExposed(window)
    home = window.lineup.home
    assert home.panel == "welcome"
    assert home.import_button.isVisible() and home.import_button.text() == "Import roster…"
    assert home.demo_button.isVisible() and home.demo_button.isEnabled()
    assert home.import_button.height() >= 44
    assert str(db_path.name) in window.db_label.text()


def test_import_opens_the_roster_import(qtbot, db_path, start_app, monkeypatch):
    from inspector.gui.pages.roster_page import RosterPage

    asked = []
    monkeypatch.setattr(RosterPage, "start_import", lambda page, path=None: asked.append(page))
    window = start_app(db_path)
    qtbot.mouseClick(window.lineup.home.import_button, Qt.MouseButton.LeftButton)
    assert asked == [window.pages["roster"]]
    assert window.stack.currentWidget() is window.pages["roster"]
    assert window.nav.currentRow() == 1


def test_the_demo_opens_in_its_own_window(qtbot, db_path, start_app):
    from inspector import paths

    window = start_app(db_path)
    launcher = start_app.launcher
    qtbot.mouseClick(window.lineup.home.demo_button, Qt.MouseButton.LeftButton)
    demo_path = paths.demo_db_path().resolve()
    qtbot.waitUntil(lambda: launcher.opened.context.db_path == demo_path, timeout=20_000)
    demo = launcher.opened.window
    qtbot.waitExposed(demo)
    assert demo.lineup.home.panel == "start"
    assert demo.lineup.home.start.current_scope().people > 0


def test_an_unfinished_lineup_is_offered_for_resuming(
    qtbot, roster, store, db_path, catalogue, start_app, press
):
    lineup = unfinished_lineup(store, catalogue, roster, completed=4, department="客服部")

    window = start_app(db_path)
    qtbot.waitExposed(window)
    home = window.lineup.home
    assert home.panel == "resume"
    text = home.resume_text.text()
    assert "4 of 20 people are done" in text
    assert f"person 5: {roster[4].employee_no} {roster[4].name}" in text
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(Qt.Key.Key_Return)  # Enter resumes
    section = window.lineup
    qtbot.waitUntil(lambda: section.currentWidget() is section.lineup_page)
    assert section.controller.session.lineup.id == lineup.id
    assert section.controller.current_row == 4


def test_the_last_database_layout_is_kept(qtbot, db_path, start_app, store, roster):
    window = start_app(db_path)
    assert window.lineup.home.panel == "start"
    assert window.lineup.home.start.people.text() == "People in this line-up: 20"


def test_the_interface_starts_in_chinese_by_default(qtbot, db_path, start_app):
    window = start_app(db_path, lang=None)
    assert window.lineup.home.import_button.text() == "导入花名册…"


def test_qt_calls_cannot_exhaust_none():
    """PySide6 6.12.0 on Python 3.11 takes a reference off None/True on every void call or emit
    and aborts the interpreter after a few hundred key presses (hence the pin to 6.11 in
    pyproject.toml): a day of key presses makes hundreds of thousands of Qt calls."""
    from PySide6.QtCore import QObject

    probe = QObject()
    for _ in range(200_000):
        probe.setObjectName("probe")
        probe.destroyed.emit()  # an emit hands back True
    assert sys.getrefcount(None) > 1000 and sys.getrefcount(True) > 1000


def test_a_database_open_elsewhere_can_be_opened_read_only(
    qtbot, roster, store, db_path, start_app, monkeypatch, caplog
):
    from inspector.gui import startup as app
    from inspector.storage.instance_lock import acquire_app_lock

    asked = []
    monkeypatch.setattr(
        app.Launcher, "_ask_read_only", staticmethod(lambda exc: asked.append(exc) or True)
    )
    with acquire_app_lock(db_path), caplog.at_level(logging.WARNING):  # open in another copy
        window = start_app(db_path)
        assert "already open" in str(asked[0])
        assert any("already open" in r.getMessage() for r in caplog.records)
        assert window.context.read_only
        assert window.read_only_badge.isVisibleTo(window)
        assert not window.lineup.home.start.start_button.isEnabled()


def test_a_broken_company_checklist_falls_back_to_the_shipped_ones(tmp_path, caplog):
    from inspector import paths
    from inspector.gui import startup as app

    folder = paths.user_checklists_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "uniform.toml").write_text('[set]\nid = "uniform"\nversion = "two"\n', "utf-8")
    said = []
    with caplog.at_level(logging.WARNING):
        catalogue = app.load_catalogue(message=lambda icon, text: said.append((icon, text)))
    assert any("uniform.toml" in r.getMessage() for r in caplog.records)
    assert catalogue is not None and catalogue.item("shoes.forbidden.trainers")
    [(icon, text)] = said
    assert icon == app.QMessageBox.Icon.Warning
    assert "uniform.toml" in text and "shipped checklists" in text


def test_a_deeply_nested_company_checklist_falls_back_to_the_shipped_ones(tmp_path, caplog):
    from inspector import paths
    from inspector.gui import startup as app

    folder = paths.user_checklists_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "deep.toml").write_text("x = " + "[" * 5000 + "]" * 5000, "utf-8")
    said = []
    with caplog.at_level(logging.WARNING):
        catalogue = app.load_catalogue(message=lambda icon, text: said.append((icon, text)))
    assert any("deep.toml" in r.getMessage() for r in caplog.records)
    assert catalogue is not None and catalogue.item("hands.nails.polish")
    [(_, text)] = said
    assert "deep.toml" in text and "nested too deeply" in text


def _run_and_quit(db_path, data_dir, *args: str):
    """Start ``python -m inspector`` as a supervisor does and let it choose File → Quit once
    its window is up (the real Quit action, through ``INSPECTOR_QUIT_AFTER_START``)."""
    import os
    import subprocess

    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "INSPECTOR_DATA_DIR": str(data_dir),
        "INSPECTOR_QUIT_AFTER_START": "1",
    }
    return subprocess.run(
        [sys.executable, "-m", "inspector", "--db", str(db_path), "--lang", "en", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,  # a crash dialog would wait for a click forever
    )


@pytest.mark.parametrize("with_roster", [False, True])
def test_quit_ends_the_process_cleanly(tmp_path, with_roster):
    """P1: File → Quit ends the process with status 0, nothing but a clean shutdown in the log
    and nothing on stderr (no "internal error", no traceback from the lock at exit)."""
    from inspector.storage import Store
    from inspector.storage.instance_lock import read_holder

    db_path = tmp_path / "company.db"
    data_dir = tmp_path / "data"
    if with_roster:
        from gui.conftest import ROSTER

        with Store(db_path) as store:
            store.upsert_employees(ROSTER)
    done = _run_and_quit(db_path, data_dir)
    log = (data_dir / "logs" / "inspector.log").read_text("utf-8")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "Error" not in done.stderr, done.stderr
    assert "Inspector closed cleanly" in log
    levels = [line.split()[2] for line in log.splitlines() if line[:4].isdigit()]
    assert set(levels) == {"INFO"}, log
    assert "Traceback" not in log and "already deleted" not in log
    assert read_holder(db_path) == {}  # the lock was released, not left to the interpreter


def test_ctrl_q_closes_the_window_and_the_database(qtbot, qapp, db_path, start_app, press):
    """Ctrl+Q as the supervisor presses it: the window goes, and closing down afterwards
    (what ``run_gui`` does once the event loop ends) releases the lock without an error."""
    from inspector.storage import Store
    from inspector.storage.instance_lock import read_holder

    with Store(db_path) as store:  # not a first start: no question about the company name
        store.set_setting("company_name", "翠湖物业服务有限公司")
    window = start_app(db_path)
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert read_holder(db_path)["pid"]
    press(Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the window deletes itself
    start_app.launcher.close()
    assert read_holder(db_path) == {}


def test_a_window_closed_before_its_first_frame_work_starts_no_error(
    qtbot, qapp, db_path, start_app
):
    """Closed in the instant between its first paint and the deferred start-up work (Ctrl+Q
    at once): that work is dropped with the window, not started on a deleted one."""
    from PySide6.QtGui import QPaintEvent

    window = start_app(db_path)
    window._painted = False  # as before its first paint
    started = []
    window.first_frame_shown.connect(lambda: started.append(True))
    window.paintEvent(QPaintEvent(window.rect()))  # the first paint: the work is queued
    window.close()
    window.deleteLater()
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone before the event loop runs
    qtbot.wait(50)  # the queued call's turn: nothing runs, nothing raises
    assert started == []


def _mnemonics(menu_bar) -> list[str]:
    """The Alt+letter of each menu on the bar (hidden ones too: the hub's shows once connected)."""
    letters = []
    for action in menu_bar.actions():
        text = action.text().replace("&&", "")
        if "&" in text:
            letters.append(text[text.index("&") + 1].lower())
    return letters


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_menu_has_its_own_alt_key(window, lang):
    from inspector.gui import i18n

    window.hub_status  # noqa: B018 - the Hub menu, as on a copy connected to a hub
    i18n.set_language(lang, remember=False)
    try:
        letters = _mnemonics(window.menuBar())
        assert len(letters) >= 4 and len(set(letters)) == len(letters), letters
    finally:
        i18n.set_language("en", remember=False)
