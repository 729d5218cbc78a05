"""The Line-up entry of the window: home (start or resume) → line-up → summary, one controller.

The first window shows the home page only: the controller with its models, the line-up page and
the summary are made (and their modules imported) when first used, each page brought to the
controller's state as it is then.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict
from datetime import date, datetime
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QWidget

from inspector.gui.context import AppContext
from inspector.gui.errors import user_message
from inspector.gui.pages.home_page import HomePage
from inspector.gui.pages.lineup_start_page import StartParams
from inspector.gui.widgets import status as look
from inspector.gui.widgets.build import open_kept
from inspector.gui.widgets.touch import touch_sized
from inspector.services.lineup_session import AlreadyFinished, LineupSession, SupervisorRequired

if TYPE_CHECKING:
    from inspector.gui.controllers.lineup_controller import LineupController
    from inspector.gui.pages.lineup_page import LineupPage
    from inspector.gui.pages.lineup_summary import LineupSummaryPage

log = logging.getLogger(__name__)
Page = TypeVar("Page", bound=QWidget)


class LineupSection(QStackedWidget):
    saved = Signal(datetime)  # a mark reached the database
    save_failed = Signal(str)  # a write did not reach the database: what went wrong
    notice = Signal(str)  # a short message for the status bar
    import_requested = Signal()
    demo_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.home = HomePage(context)
        self.addWidget(self.home)
        self._controller: LineupController | None = None
        self._lineup_page: LineupPage | None = None
        self._summary: LineupSummaryPage | None = None
        context.events.roster_changed.connect(self._roster_changed)
        self.home.start_requested.connect(self.start)
        self.home.resume_requested.connect(self.open_lineup)
        self.home.open_requested.connect(self.open_lineup)
        self.home.import_requested.connect(self.import_requested)
        self.home.demo_requested.connect(self.demo_requested)
        self.home.discard_requested.connect(self.discard)
        self.home.recheck_requested.connect(self.show_rechecks)
        self.recheck_page = None  # made on first use (gui/pages/recheck_page.py)
        self._recheck_from: QWidget | None = None
        self.duplicate_box: QMessageBox | None = None
        self.error_box: QMessageBox | None = None
        self.show_home()

    @property
    def controller(self) -> LineupController:
        """The open line-up's controller and models (made when a line-up is first started
        or opened: the home page needs none of it)."""
        if self._controller is None:
            from inspector.gui.controllers.lineup_controller import LineupController

            context = self.context
            session = LineupSession(context.store, context.catalogue, **context.session_options())
            c = LineupController(session, parent=self)
            c.saved.connect(self.saved)
            c.notice.connect(self.notice)
            c.failed.connect(self._failed)
            c.finished.connect(context.events.lineup_changed)
            c.amended.connect(context.events.lineup_changed)
            context.events.language_changed.connect(lambda _lang: c.retranslate())
            # The next line-up judges by the reloaded checklists (a role added on the roster).
            context.events.catalogue_changed.connect(
                lambda: setattr(c.session, "catalogue", context.catalogue)
            )
            self._controller = c
        return self._controller

    @property
    def lineup_page(self) -> LineupPage:
        """The person view and grid of the open line-up (built on first use)."""
        if self._lineup_page is None:
            from inspector.gui.pages.lineup_page import LineupPage

            self._lineup_page = self._added(
                LineupPage(self.context, self.controller),
                notice=self.notice,
                summary_requested=self.show_summary,
            )
        return self._lineup_page

    @property
    def summary(self) -> LineupSummaryPage:
        """The summary of the open line-up (built on first use)."""
        if self._summary is None:
            from inspector.gui.pages.lineup_summary import LineupSummaryPage

            page = LineupSummaryPage(self.context, self.controller)
            self._summary = self._added(
                page,
                review_requested=self.review,
                grid_requested=self.show_grid,
                home_requested=self.show_home,
                recheck_requested=self._rechecks_of_lineup,
            )
        return self._summary

    def _added(self, page: Page, **signals: Callable[..., object]) -> Page:
        """``page`` on the stack, each of its named signals connected to its slot."""
        for name, slot in signals.items():
            getattr(page, name).connect(slot)
        self.addWidget(page)
        return page

    def _failed(self, exc: Exception) -> None:
        """Not saved: the status bar says so at once and a message explains (without blocking:
        the line-up screen stays as it was, showing only what is in the database)."""
        text = user_message(exc) or str(exc)
        log.warning("not saved: %s", text)
        self.save_failed.emit(text)
        if self.error_box is not None:
            self.error_box.close()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not saved"), text, parent=self)
        box.setObjectName("not_saved_box")
        open_kept(self, "error_box", box, finished=self._focus_items)

    def _focus_items(self) -> None:
        if self._lineup_page is not None:
            self._lineup_page.focus_items()

    def show_home(self) -> None:
        self.home.refresh()
        self.setCurrentWidget(self.home)

    def start(self, params: StartParams, *, second: bool = False) -> None:
        lineup = self.controller.start(**asdict(params), second=second)
        if lineup is not None:
            self.context.events.lineup_changed.emit(lineup.id)
            self.show_lineup()
            return
        problem = self.controller.last_problem
        if isinstance(problem, SupervisorRequired):
            self.home.start.ask_supervisor(self.controller.words(problem))
        elif isinstance(problem, AlreadyFinished):
            self.ask_open_or_second(problem.lineup, params)

    def ask_open_or_second(self, finished, params: StartParams) -> None:
        """Today's line-up of this shift and place is finished: open it (Enter), or really
        start a second one."""
        place = " / ".join(p for p in (finished.site, finished.department) if p) or self.tr(
            "everyone"
        )
        day = self.tr("Today's") if finished.day == date.today() else finished.day.isoformat()
        box = QMessageBox(self)
        box.setObjectName("duplicate_box")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Line-up already finished"))
        box.setText(
            self.tr("{day} {shift} line-up at {place} is finished: open it, or start a second one?")
            .format(day=day, shift=look.shift_text(finished.shift), place=place)
            .strip()
        )
        open_it = box.addButton(self.tr("Open it"), QMessageBox.ButtonRole.AcceptRole)
        second = box.addButton(self.tr("Start a second one"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(open_it)
        touch_sized(box)

        def chosen(button) -> None:
            if button is open_it:
                self.open_lineup(finished.id)
            elif button is second:
                self.start(params, second=True)

        box.buttonClicked.connect(chosen)
        open_kept(self, "duplicate_box", box)

    def discard(self, lineup_id: int) -> None:
        self.controller.open(lineup_id)
        if self.controller.discard():
            self.notice.emit(self.tr("The unfinished line-up was discarded."))
            self.context.events.lineup_changed.emit(lineup_id)
        self.show_home()

    def open_lineup(self, lineup_id: int) -> None:
        self.controller.open(lineup_id)
        if self.controller.session.closed:
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

    def show_rechecks(self, day: date, site: str) -> None:
        """The re-check list of a day at a site (from home: today; from a summary: its day)."""
        if self.recheck_page is None:
            from inspector.gui.pages.recheck_page import RecheckPage

            self.recheck_page = RecheckPage(self.context)
            self.recheck_page.back_requested.connect(self._back_from_rechecks)
            self.recheck_page.recorded.connect(self.context.events.lineup_changed)
            self.addWidget(self.recheck_page)
        self._recheck_from = self.currentWidget()
        self.recheck_page.show_for(day, site)
        self.setCurrentWidget(self.recheck_page)

    def _rechecks_of_lineup(self) -> None:
        lineup = self.controller.session.lineup
        if lineup is not None:
            self.show_rechecks(lineup.day, lineup.site)

    def _back_from_rechecks(self) -> None:
        if self._recheck_from is self._summary and self.controller.session.lineup is not None:
            self.show_summary()
        else:
            self.show_home()

    def _roster_changed(self) -> None:
        if self.currentWidget() is self.home:
            self.home.refresh()
