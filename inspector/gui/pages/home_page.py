"""The first screen: import a roster (or open the demo) on an empty database, resume an unfinished
line-up where it stopped, or start today's line-up. Enter does the obvious thing."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLayout, QStackedWidget, QVBoxLayout, QWidget

from inspector.domain.lineup import Lineup, PersonStatus
from inspector.gui.context import AppContext
from inspector.gui.i18n import Retranslating
from inspector.gui.pages.lineup_start_page import LineupStartPage
from inspector.gui.widgets import status as look
from inspector.gui.widgets.build import add_all, column, heading, text_label
from inspector.gui.widgets.touch import STYLE, touch_button
from inspector.services.lineup_session import discardable


def _panel(panel: QWidget, *items: QWidget | QLayout) -> None:
    """One panel of the first screen: a heading, its words and buttons, space below."""
    layout = column(panel, *items)
    layout.setSpacing(16)
    layout.addStretch(1)


class HomePage(Retranslating, QWidget):
    start_requested = Signal(object)  # StartParams
    resume_requested = Signal(int)  # line-up id
    open_requested = Signal(int)  # a recent line-up
    discard_requested = Signal(int)  # an unfinished line-up with nothing recorded
    import_requested = Signal()
    observe_requested = Signal()  # floor observation, at any time
    recheck_requested = Signal(object, str)  # the re-check list of a day (today), at a site
    demo_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.context = context
        self.unfinished: Lineup | None = None
        self._resume_at: tuple[int, int, int, str] = (0, 0, 0, "")  # done, total, row, who
        self._skip_resume: int | None = None  # "start a new one instead" was chosen

        # An empty database: import a roster, or look at the demo.
        self.welcome = QWidget()
        self.welcome.setObjectName("welcome_panel")
        self.welcome_heading = heading(grow=6, wrap=True)
        self.welcome_text = text_label(wrap=True)
        self.import_button = touch_button(
            primary=True, name="import_button", clicked=self.import_requested
        )
        self.demo_button = touch_button(name="demo_button", clicked=self.demo_requested)
        welcome_buttons = add_all(QHBoxLayout(), self.import_button, self.demo_button)
        _panel(self.welcome, self.welcome_heading, self.welcome_text, welcome_buttons)

        # An unfinished line-up: resume it where it stopped.
        self.resume = QWidget()
        self.resume.setObjectName("resume_panel")
        self.resume_heading = heading(grow=6, wrap=True)
        self.resume_text = text_label("resume_text", wrap=True)
        self.resume_button = touch_button(primary=True, name="resume_button", clicked=self._resume)
        self.new_button = touch_button(name="new_lineup_button", clicked=self._new_instead)
        self.discard_button = touch_button(name="discard_lineup_button", clicked=self._discard)
        resume_buttons = add_all(
            QHBoxLayout(), (self.resume_button, 2), (self.new_button, 1), (self.discard_button, 1)
        )
        _panel(self.resume, self.resume_heading, self.resume_text, resume_buttons)

        # Otherwise: today's line-up.
        self.start = LineupStartPage(context)
        self.start.start_requested.connect(self.start_requested)
        self.start.open_requested.connect(self.open_requested)
        self.start.recheck_requested.connect(self.recheck_requested)

        self.stack = QStackedWidget()
        for panel in (self.welcome, self.resume, self.start):
            panel.setMaximumWidth(1000)  # lines a reader can follow on a wide screen
            self.stack.addWidget(panel)
        self.observe_button = touch_button(name="observe_button", clicked=self.observe_requested)
        self.recheck_button = touch_button(name="recheck_button", clicked=self._rechecks)
        others = QHBoxLayout()
        others.addWidget(self.observe_button, 0)
        others.addWidget(self.recheck_button, 0)
        others.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.stack)
        layout.addLayout(others)

        self.enter_action = QAction(self)
        self.enter_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        self.enter_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.enter_action.triggered.connect(self._enter)
        self.addAction(self.enter_action)
        context.events.roster_changed.connect(self.refresh)
        self.retranslate_ui()

    def refresh(self) -> None:
        store = self.context.store
        if store.employee_count() == 0:
            self.stack.setCurrentWidget(self.welcome)
            return
        self.unfinished = store.unfinished_lineup()
        if self.unfinished is not None and self.unfinished.id != self._skip_resume:
            self._resume_at = self._where_it_stopped(self.unfinished)
            self._describe_resume()
            # Nothing recorded yet (started by mistake, or twice): it can go.
            self.discard_button.setVisible(
                not self.context.read_only and discardable(store, self.unfinished.id)
            )
            self.stack.setCurrentWidget(self.resume)
            return
        self.start.refresh()
        self.stack.setCurrentWidget(self.start)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def panel(self) -> str:
        """ "welcome", "resume" or "start": which choice the screen offers."""
        return {self.welcome: "welcome", self.resume: "resume", self.start: "start"}[
            self.stack.currentWidget()
        ]

    def set_demo_available(self, available: bool) -> None:
        self.demo_button.setEnabled(available)

    def _enter(self) -> None:
        panel = self.panel
        if panel == "resume":
            self._resume()
        elif panel == "start":
            self.start.request_start()
        elif panel == "welcome":
            self.import_requested.emit()

    def _resume(self) -> None:
        if self.unfinished is not None:
            self.resume_requested.emit(self.unfinished.id)

    def _rechecks(self) -> None:
        site = self.unfinished.site if self.panel == "resume" and self.unfinished else ""
        if not site and self.panel == "start":
            scope = self.start.current_scope()
            site = scope.site if scope else ""
        self.recheck_requested.emit(date.today(), site)

    def _discard(self) -> None:
        if self.unfinished is not None:
            self.discard_requested.emit(self.unfinished.id)

    def _new_instead(self) -> None:
        self._skip_resume = self.unfinished.id if self.unfinished else None
        self.refresh()

    def _where_it_stopped(self, lineup: Lineup) -> tuple[int, int, int, str]:
        store = self.context.store
        inspections = store.inspections_for(lineup.id)
        done = sum(1 for i in inspections if i.status is not PersonStatus.TODO)
        row = min(max(store.get_cursor(lineup.id), 0), max(len(inspections) - 1, 0))
        who = ""
        if inspections:
            employee = store.get_employee(inspections[row].employee_id)
            who = f"{employee.employee_no} {employee.name}"
        return done, len(inspections), row, who

    def _describe_resume(self) -> None:
        lineup = self.unfinished
        if lineup is None:
            return
        done, total, row, who = self._resume_at
        self.resume_text.setText(
            self.tr(
                "The line-up of {day} ({shift}, {scope}, supervisor {supervisor}) was not "
                "finished: {done} of {total} people are done. Every mark is saved.\n\n"
                "It resumes at person {n}: {name}."
            ).format(
                **look.lineup_fields(lineup),
                done=done,
                total=total,
                n=row + 1,
                name=who,
            )
        )

    def retranslate_ui(self) -> None:
        self.welcome_heading.setText(self.tr("Welcome to Inspector"))
        self.welcome_text.setText(
            self.tr(
                "There is no roster in this database yet. Import the staff list (Excel or CSV) "
                "to hold your first line-up, or look around in the demo first: it has its own "
                "database, so nothing you try there touches yours."
            )
        )
        self.import_button.setText(self.tr("Import roster…"))
        self.demo_button.setText(self.tr("Open the demo"))
        self.resume_heading.setText(self.tr("Resume the line-up"))
        self.resume_button.setText(self.tr("Resume  (Enter)"))
        self.new_button.setText(self.tr("Start a new line-up instead"))
        self.discard_button.setText(self.tr("Discard it (nothing recorded)"))
        self.observe_button.setText(self.tr("Observe"))
        self.recheck_button.setText(self.tr("Re-checks"))
        self._describe_resume()
