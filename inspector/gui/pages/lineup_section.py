"""The Line-up entry of the window: home (start or resume) → line-up → summary, one controller."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from inspector.gui.context import AppContext
from inspector.gui.controllers.lineup_controller import LineupController
from inspector.gui.errors import show_error
from inspector.gui.pages.home_page import HomePage
from inspector.gui.pages.lineup_page import LineupPage
from inspector.gui.pages.lineup_start_page import StartParams
from inspector.gui.pages.lineup_summary import LineupSummaryPage


class LineupSection(QStackedWidget):
    saved = Signal(datetime)  # a mark reached the database
    notice = Signal(str)  # a short message for the status bar
    import_requested = Signal()
    demo_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.controller = LineupController(
            context.store,
            context.catalogue,
            db_path=context.db_path,
            read_only=context.read_only,
            parent=self,
        )
        self.home = HomePage(context)
        self.lineup_page = LineupPage(context, self.controller)
        self.summary = LineupSummaryPage(context, self.controller)
        for page in (self.home, self.lineup_page, self.summary):
            self.addWidget(page)

        c = self.controller
        c.saved.connect(self.saved)
        c.notice.connect(self.notice)
        c.failed.connect(lambda exc: show_error(self, exc))
        c.finished.connect(context.events.lineup_changed)
        c.amended.connect(context.events.lineup_changed)
        context.events.language_changed.connect(lambda _lang: c.retranslate())
        context.events.roster_changed.connect(self._roster_changed)
        self.home.start_requested.connect(self.start)
        self.home.resume_requested.connect(self.open_lineup)
        self.home.open_requested.connect(self.open_lineup)
        self.home.import_requested.connect(self.import_requested)
        self.home.demo_requested.connect(self.demo_requested)
        self.lineup_page.summary_requested.connect(self.show_summary)
        self.summary.review_requested.connect(self.review)
        self.summary.grid_requested.connect(self.show_grid)
        self.summary.home_requested.connect(self.show_home)
        self.show_home()

    def show_home(self) -> None:
        self.home.refresh()
        self.setCurrentWidget(self.home)

    def start(self, params: StartParams) -> None:
        lineup = self.controller.start(
            day=params.day,
            shift=params.shift,
            site=params.site,
            department=params.department,
            supervisor=params.supervisor,
        )
        if lineup is not None:
            self.context.events.lineup_changed.emit(lineup.id)
            self.show_lineup()

    def open_lineup(self, lineup_id: int) -> None:
        self.controller.open(lineup_id)
        if self.controller.closed:
            self.show_summary()
        else:
            self.show_lineup()

    def show_lineup(self) -> None:
        self.lineup_page.refresh()
        self.lineup_page.show_grid(False)
        self.setCurrentWidget(self.lineup_page)
        self.lineup_page.focus_items()

    def show_summary(self) -> None:
        self.summary.refresh()
        self.setCurrentWidget(self.summary)

    def show_grid(self) -> None:
        self.show_lineup()
        self.lineup_page.show_grid(True)

    def review(self, row: int) -> None:
        self.show_lineup()
        self.controller.go_to(row)

    def _roster_changed(self) -> None:
        if self.currentWidget() is self.home:
            self.home.refresh()
