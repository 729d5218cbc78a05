"""GUI fixtures: the bundled font, an AppContext over the test's fresh database, a roster."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from inspector.domain.people import Employee, Sex

SITE = "阳光花园"
DEPARTMENT = "客服部"

# 20 people of one department: women and men, and the roles whose checklists differ
# (a pool lifeguard is not judged on trainers; a security officer is).
ROSTER = tuple(
    Employee(
        employee_no=f"C{n:03d}",
        name=name,
        sex=Sex.FEMALE if sex == "f" else Sex.MALE,
        department=DEPARTMENT,
        role=role,
        site=SITE,
    )
    for n, (name, sex, role) in enumerate(
        (
            ("王芳", "f", "customer-service"),
            ("李娜", "f", "receptionist"),
            ("张伟", "m", "security"),
            ("刘强", "m", "lifeguard"),
            ("陈静", "f", "customer-service"),
            ("杨洋", "m", "engineer"),
            ("赵敏", "f", "receptionist"),
            ("黄磊", "m", "security"),
            ("周婷", "f", "customer-service"),
            ("吴刚", "m", "cleaner"),
            ("徐丽", "f", "customer-manager"),
            ("孙浩", "m", "security"),
            ("胡静", "f", "receptionist"),
            ("朱军", "m", "gardener"),
            ("高燕", "f", "customer-service"),
            ("林涛", "m", "engineer"),
            ("何颖", "f", "administrator"),
            ("郭鹏", "m", "security"),
            ("马丽", "f", "cleaner"),
            ("罗斌", "m", "lifeguard"),
        ),
        start=1,
    )
)


@pytest.fixture(scope="session", autouse=True)
def _bundled_font(qapp) -> None:
    """Widgets measure Chinese text with the font the app ships, as on a machine without one."""
    from inspector.gui.fonts import install_app_font

    install_app_font(qapp)


@pytest.fixture(autouse=True)
def _language() -> Iterator[None]:
    """Every test starts in English (the source strings) and leaves no translator behind."""
    from inspector.gui import i18n

    i18n.set_language("en", remember=False)
    yield
    i18n.set_language("en", remember=False)


@pytest.fixture
def roster(store) -> list[Employee]:
    store.upsert_employees(ROSTER)
    return store.list_employees(active_only=True)


@pytest.fixture
def context(qtbot, store, db_path, catalogue):
    from helpers.gui_pages import make_context

    context = make_context(store, db_path, catalogue)
    yield context
    context.runner.wait(30_000)


@pytest.fixture
def context_for(db_path, catalogue):
    """A context over another Store of the test's database (a restart of the app)."""
    from helpers.gui_pages import make_context

    made = []

    def make(store):
        made.append(make_context(store, db_path, catalogue))
        return made[-1]

    yield make
    for context in made:
        context.runner.wait(30_000)


@pytest.fixture
def start_app(qapp, monkeypatch):
    """Runs the start-up of ``inspector --db FILE`` (everything before the event loop) and
    returns its window; ``start_app.launcher`` is the last launcher started. Closes every
    launcher after the test and removes the log handlers the start-up installed."""
    import argparse
    import logging
    import sys

    from PySide6.QtCore import QEvent

    from inspector.gui import startup

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    started = []
    handlers_before = list(logging.getLogger().handlers)

    def start(db_path, lang="en"):
        args = argparse.Namespace(db=db_path, checklists=None, demo=False, lang=lang)
        launcher, code = startup.start(args, app=qapp)
        assert code == 0
        started.append(launcher)
        start.launcher = launcher
        return launcher.opened.window

    yield start
    for launcher in started:
        launcher.close()
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler not in handlers_before:
            root.removeHandler(handler)
            handler.close()


@pytest.fixture
def open_window(qtbot):
    """Opens the main window over a context as a supervisor sees it: shown and active."""
    from inspector.gui.startup import create_main_window

    def open_(context):
        main = create_main_window(context)
        qtbot.addWidget(main)
        main.resize(1280, 760)
        main.show()
        qtbot.waitExposed(main)
        main.activateWindow()
        qtbot.waitUntil(main.isActiveWindow)
        return main

    return open_


@pytest.fixture
def window(open_window, context):
    return open_window(context)


@pytest.fixture
def press(qtbot):
    """Press a key where the keyboard focus is, as on a real keyboard."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    def press_(key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1):
        for _ in range(times):
            modal = QApplication.activeModalWidget()
            if modal is not None:  # a dialog just opened: the keyboard goes to it once shown
                qtbot.waitUntil(modal.isActiveWindow)
            else:  # a dialog just closed: the window takes the keyboard back
                qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
            qtbot.keyClick(QApplication.focusWidget() or modal, key, modifier)

    return press_


@pytest.fixture
def start_lineup(qtbot, press):
    """On the home screen of a window: type the supervisor's name and press Enter."""
    from PySide6.QtCore import Qt

    def start(window, supervisor: str = "Huang"):
        section = window.lineup
        assert section.home.panel == "start"
        section.home.start.supervisor.clear()
        qtbot.keyClicks(section.home.start.supervisor, supervisor)
        press(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: section.currentWidget() is section.lineup_page)
        return section.controller

    return start


@pytest.fixture
def pass_everyone(qtbot, press, start_lineup):
    """On the home screen of a window: start a line-up, Space for each of ``people`` people
    (everyone passes), finish it with Ctrl+Enter and Enter; returns once the summary shows."""
    from PySide6.QtCore import Qt

    def run(window, people: int = 20):
        controller = start_lineup(window, "Huang")
        press(Qt.Key.Key_Space, times=people)
        press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        press(Qt.Key.Key_Return)
        section = window.lineup
        qtbot.waitUntil(lambda: section.currentWidget() is section.summary)
        return controller

    return run
