"""The main window: a shell. Navigation, menus, the status bar; each page lives in its own module."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
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
from inspector.gui.dialogs.shortcuts_dialog import ShortcutsDialog
from inspector.gui.hub_status import HubStatus
from inspector.gui.pages.lineup_section import LineupSection
from inspector.gui.ui_settings import ui_settings
from inspector.gui.widgets.touch import TOUCH_HEIGHT

log = logging.getLogger(__name__)

SAVED_STYLE = "color:#2e7d32; font-weight:bold; padding:0 8px;"
NOT_SAVED_STYLE = "background:#c62828; color:white; font-weight:bold; padding:0 8px;"

# (key, module, class) of the pages other than the line-up; each takes (context, parent).
PAGES = (
    ("roster", "inspector.gui.pages.roster_page", "RosterPage"),
    ("employees", "inspector.gui.pages.employee_page", "EmployeePage"),
    ("checklists", "inspector.gui.pages.checklists_page", "ChecklistsPage"),
    ("reports", "inspector.gui.pages.reports_page", "ReportsPage"),
)


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, *, open_demo: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.context = context
        self._open_demo = open_demo
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(130)
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stack = QStackedWidget()
        self.lineup = LineupSection(context)
        self.lineup.home.set_demo_available(open_demo is not None)
        self.pages: dict[str, QWidget | None] = {"lineup": self.lineup}
        self.stack.addWidget(self.lineup)
        for key, _module, _cls in PAGES:
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
        self.hub_status = HubStatus(context, self)
        self.lineup.saved.connect(self.show_saved)
        self.lineup.save_failed.connect(self.show_not_saved)
        self.lineup.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.lineup.import_requested.connect(self.import_roster)
        self.lineup.demo_requested.connect(self.open_demo)
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self._saved_at: datetime | None = None
        self._not_saved = ""  # the problem of the last write, while it failed
        self.nav.setCurrentRow(0)
        self.retranslate_ui()
        self._restore_geometry()

    # -- building ----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.demo_action = self.file_menu.addAction("", self.open_demo)
        self.demo_action.setEnabled(self._open_demo is not None)
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
        """The page for a navigation entry, built on first visit (its module may be absent)."""
        page = self.pages.get(key)
        if page is not None:
            return page
        index = 1 + [k for k, _m, _c in PAGES].index(key)
        _key, module_name, class_name = PAGES[index - 1]
        try:
            module = importlib.import_module(module_name)
            page = getattr(module, class_name)(self.context)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            page = QLabel(self.tr("This page is not available in this version."))
            page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.pages[key] = page
        return page

    def show_page(self, row: int) -> None:
        keys = ["lineup", *(k for k, _m, _c in PAGES)]
        if not 0 <= row < len(keys):
            return
        page = self._page(keys[row])
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

    def show_shortcuts(self) -> None:
        if self.shortcuts_dialog is None:
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
        )
        for row, label in enumerate(labels):
            self.nav.item(row).setText(label)
        self.file_menu.setTitle(self.tr("&File"))
        self.demo_action.setText(self.tr("Open the &demo database"))
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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _restore_geometry(self) -> None:
        geometry = ui_settings().value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 760)

    def closeEvent(self, event: QCloseEvent) -> None:
        ui_settings().setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)


def create_main_window(
    context: AppContext, *, open_demo: Callable[[], None] | None = None
) -> MainWindow:
    """The window over an opened context (the start-up in inspector.gui.startup, and tests)."""
    return MainWindow(context, open_demo=open_demo)
