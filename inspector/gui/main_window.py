"""The main window: a shell. Navigation, menus, the status bar; each page lives in its own module."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.gui import i18n
from inspector.gui.admin_menu import AdminMenu
from inspector.gui.context import AppContext
from inspector.gui.pages.lineup_section import LineupSection
from inspector.gui.ui_settings import ui_settings
from inspector.gui.widgets.touch import TOUCH_HEIGHT

if TYPE_CHECKING:
    from inspector.gui.hub_status import HubStatus

log = logging.getLogger(__name__)

SAVED_STYLE = "color:#2e7d32; font-weight:bold; padding:0 8px;"
NOT_SAVED_STYLE = "background:#c62828; color:white; font-weight:bold; padding:0 8px;"

# The pages other than the line-up, each built (and its module imported) on its first visit:
# the first window shows the line-up, and ReportLab, openpyxl and the report queries load with
# the pages that use them.


def _roster_page(context: AppContext) -> QWidget:
    from inspector.gui.pages.roster_page import RosterPage

    return RosterPage(context)


def _employee_page(context: AppContext) -> QWidget:
    from inspector.gui.pages.employee_page import EmployeePage

    return EmployeePage(context)


def _checklists_page(context: AppContext) -> QWidget:
    from inspector.gui.pages.checklists_page import ChecklistsPage

    return ChecklistsPage(context)


def _reports_page(context: AppContext) -> QWidget:
    from inspector.gui.pages.reports_page import ReportsPage

    return ReportsPage(context)


def _observe_page(context: AppContext) -> QWidget:
    from inspector.gui.pages.observe_page import ObservePage

    return ObservePage(context)


PAGES: tuple[tuple[str, Callable[[AppContext], QWidget]], ...] = (
    ("roster", _roster_page),
    ("employees", _employee_page),
    ("checklists", _checklists_page),
    ("reports", _reports_page),
    ("observe", _observe_page),
)
KEYS = ("lineup", *(key for key, _build in PAGES))


# Set (to anything) to print the time to the first frame on stdout and quit: bench/startup.py.
FIRST_FRAME_ENV = "INSPECTOR_FIRST_FRAME"


def process_age() -> float:
    """Seconds since this process started (Linux), else since this module was imported."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return time.clock_gettime(time.CLOCK_BOOTTIME) - started
    except (OSError, ValueError, IndexError, AttributeError):
        return time.perf_counter() - _IMPORTED


_IMPORTED = time.perf_counter()


def report_first_frame_and_quit() -> None:
    print(f"first frame {process_age():.3f} s", flush=True)
    QApplication.quit()


class MainWindow(i18n.Retranslating, QMainWindow):
    first_frame_shown = Signal()  # once, after the first paint (deferred work starts here)

    def __init__(self, context: AppContext, *, open_demo: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self._painted = False
        if os.environ.get(FIRST_FRAME_ENV):
            self.first_frame_shown.connect(report_first_frame_and_quit)
        self.context = context
        self._open_demo = open_demo
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(130)
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stack = QStackedWidget()
        self.lineup = LineupSection(context)
        self.lineup.home.set_demo_available(open_demo is not None)
        observe_row = KEYS.index("observe")
        self.lineup.home.observe_requested.connect(lambda: self.show_page(observe_row))
        self.pages: dict[str, QWidget | None] = {"lineup": self.lineup}
        self.stack.addWidget(self.lineup)
        for key, _build in PAGES:
            self.pages[key] = None
            self.stack.addWidget(QWidget())  # built on first visit
        for _ in range(1 + len(PAGES)):
            self.nav.addItem("")
            self.nav.item(self.nav.count() - 1).setSizeHint(QSize(120, TOUCH_HEIGHT))
        self.nav.currentRowChanged.connect(self.show_page)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language_combo")
        self.language_combo.setMinimumHeight(TOUCH_HEIGHT - 8)
        self.language_combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the line-up
        for lang in i18n.LANGUAGES:
            self.language_combo.addItem(i18n.LANGUAGE_NAMES[lang], lang)
        self.language_combo.activated.connect(
            lambda n: self.set_language(self.language_combo.itemData(n))
        )
        side = QVBoxLayout()
        side.addWidget(self.nav, 1)
        side.addWidget(self.language_combo)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addLayout(side)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.saved_label = QLabel()
        self.saved_label.setObjectName("saved_label")
        self.saved_label.setStyleSheet(SAVED_STYLE)
        self.db_label = QLabel(str(context.db_path))
        self.db_label.setObjectName("db_label")
        self.read_only_badge = QLabel()
        self.read_only_badge.setStyleSheet(
            "background:#c62828; color:white; border-radius:4px; padding:2px 8px;"
        )
        self.read_only_badge.setVisible(context.read_only)
        status = self.statusBar()
        status.addPermanentWidget(self.saved_label)
        status.addPermanentWidget(self.read_only_badge)
        status.addPermanentWidget(self.db_label)

        self._build_menus()
        # The hub's menu, status and push on start come once the window is on screen, and only
        # on a copy connected to a hub: its PostgreSQL client takes longer to load than the
        # rest of the first window.
        self._hub_status: HubStatus | None = None
        self.hub_checked = False  # the first frame's look at the hub is done
        self.first_frame_shown.connect(self._start_hub_if_connected)
        self.first_frame_shown.connect(self.lineup.home.start.show_briefings)
        self.lineup.saved.connect(self.show_saved)
        self.lineup.save_failed.connect(self.show_not_saved)
        self.lineup.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.lineup.import_requested.connect(self.import_roster)
        self.lineup.demo_requested.connect(self.open_demo)
        self.shortcuts_dialog: QWidget | None = None
        self._saved_at: datetime | None = None
        self._not_saved = ""  # the problem of the last write, while it failed
        self.nav.setCurrentRow(0)
        self.retranslate_ui()
        self._restore_geometry()

    # -- building ----------------------------------------------------------------------------

    def _start_hub_if_connected(self) -> None:
        from inspector.storage import hub_local

        if self.context.store.get_setting(hub_local.URL):
            self.hub_status  # noqa: B018 - built for its status bar, menu and push on start
        self.hub_checked = True

    @property
    def hub_status(self) -> HubStatus:
        """The hub in the status bar and the Hub menu (built on first use)."""
        if self._hub_status is None:
            from inspector.gui.hub_status import HubStatus

            self._hub_status = HubStatus(self.context, self)
        return self._hub_status

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.demo_action = self.file_menu.addAction("", self.open_demo)
        self.demo_action.setEnabled(self._open_demo is not None)
        self.settings_action = self.file_menu.addAction("", self.show_settings)
        self.file_menu.addSeparator()
        self.quit_action = self.file_menu.addAction("", self.close)
        self.admin = AdminMenu(self, self.context)  # back up, restore, verify, data folder
        self.admin.install(self.file_menu, before=self.file_menu.actions()[-2])
        # Ctrl+Q everywhere: the platform's Quit key is empty on Windows and some desktops.
        quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
        ctrl_q = QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q)
        self.quit_action.setShortcuts([*quit_keys, *([] if ctrl_q in quit_keys else [ctrl_q])])
        self.view_menu = bar.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang in i18n.LANGUAGES:
            act = self.language_menu.addAction(i18n.LANGUAGE_NAMES[lang])
            act.setCheckable(True)
            act.setChecked(lang == i18n.current_language())
            act.triggered.connect(lambda _checked=False, lang=lang: self.set_language(lang))
            group.addAction(act)
            self.language_actions[lang] = act
        self.help_menu = bar.addMenu("")
        self.shortcuts_action = self.help_menu.addAction("", self.show_shortcuts)
        self.shortcuts_action.setShortcuts([QKeySequence(Qt.Key.Key_F1), QKeySequence("?")])
        self.shortcuts_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.addAction(self.shortcuts_action)
        self.about_action = self.help_menu.addAction("", self.show_about)

    def _page(self, key: str) -> QWidget:
        """The page for a navigation entry, built on first visit."""
        page = self.pages.get(key)
        if page is not None:
            return page
        index = KEYS.index(key)
        page = PAGES[index - 1][1](self.context)
        for signal, slot in (
            ("saved", self.show_saved),
            ("save_failed", self.show_not_saved),
            ("notice", lambda text: self.statusBar().showMessage(text, 8000)),
        ):
            if hasattr(page, signal):  # a page that records (observations) shows its saves
                getattr(page, signal).connect(slot)
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.pages[key] = page
        return page

    def show_page(self, row: int) -> None:
        if not 0 <= row < len(KEYS):
            return
        page = self._page(KEYS[row])
        self.stack.setCurrentWidget(page)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)

    # -- actions -----------------------------------------------------------------------------

    def show_saved(self, moment: datetime | None) -> None:
        self._saved_at = moment
        self._not_saved = ""
        if moment is not None:
            text = self.tr("Saved ✓ {time}").format(time=moment.strftime("%H:%M:%S"))
            self.saved_label.setStyleSheet(SAVED_STYLE)
            self.saved_label.setText(text)

    def show_not_saved(self, problem: str) -> None:
        """A write failed: the status bar stops saying "Saved" until the next one succeeds."""
        self._not_saved = problem
        self.saved_label.setStyleSheet(NOT_SAVED_STYLE)
        self.saved_label.setText(self.tr("✘ Not saved: {problem}").format(problem=problem))

    def import_roster(self) -> None:
        self.show_page(1)
        start_import = getattr(self.pages["roster"], "start_import", None)
        if callable(start_import):
            start_import()

    def open_demo(self) -> None:
        if self._open_demo is not None:
            self._open_demo()

    def set_language(self, lang: str) -> None:
        if lang == i18n.current_language():
            return
        i18n.set_language(lang)
        self.context.events.language_changed.emit(lang)
        self._sync_language_controls()

    def _sync_language_controls(self) -> None:
        lang = i18n.current_language()
        self.language_actions[lang].setChecked(True)
        self.language_combo.setCurrentIndex(i18n.LANGUAGES.index(lang))

    def show_settings(self) -> None:
        from inspector.gui.dialogs.settings_dialog import SettingsDialog

        self.settings_dialog = SettingsDialog(self.context, self)
        self.settings_dialog.open()

    def show_shortcuts(self) -> None:
        if self.shortcuts_dialog is None:
            from inspector.gui.dialogs.shortcuts_dialog import ShortcutsDialog

            self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.show()
        self.shortcuts_dialog.activateWindow()

    def show_about(self) -> None:
        self.admin.show_about()

    # -- words, geometry -----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        name = self.context.db_path.name
        suffix = self.tr(" (read-only)") if self.context.read_only else ""
        self.setWindowTitle(self.tr("Inspector — {name}").format(name=name) + suffix)
        labels = (
            self.tr("Line-up"),
            self.tr("Roster"),
            self.tr("Employees"),
            self.tr("Checklists"),
            self.tr("Reports"),
            self.tr("Observe"),
        )
        for row, label in enumerate(labels):
            self.nav.item(row).setText(label)
        self.file_menu.setTitle(self.tr("&File"))
        self.demo_action.setText(self.tr("Open the &demo database"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.about_action.setText(self.tr("&About Inspector"))
        self.read_only_badge.setText(self.tr("Read-only"))
        if self._not_saved:
            self.show_not_saved(self._not_saved)
        else:
            self.show_saved(self._saved_at)
        self.db_label.setToolTip(self.tr("The database in use"))
        self._sync_language_controls()

    def _restore_geometry(self) -> None:
        geometry = ui_settings().value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 760)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # After this frame is flushed; bound to the window, so a window closed at once (Ctrl+Q
            # right after start) is not asked to start its deferred work once it is gone.
            QTimer.singleShot(0, self, self.first_frame_shown.emit)

    def closeEvent(self, event: QCloseEvent) -> None:
        ui_settings().setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)


def create_main_window(
    context: AppContext, *, open_demo: Callable[[], None] | None = None
) -> MainWindow:
    """The window over an opened context (the start-up in inspector.gui.startup, and tests)."""
    return MainWindow(context, open_demo=open_demo)
