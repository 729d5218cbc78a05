"""The company hub in the main window: its state in the status bar, pushes in the background.

When this copy is connected to a hub (``inspector hub connect``), a push runs on start and after
each finished or amended line-up (at a site), on a worker of its own: a slow or absent network never delays
a mark, a report or the window. A failure is shown in words in the status bar (details in the
tooltip); the records wait here and go with the next push. HR's copy gets "Pull now" in the Hub
menu.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu

from inspector.domain.errors import UserError
from inspector.gui.context import AppContext
from inspector.gui.tasks import TaskRunner
from inspector.services import hub_sync
from inspector.storage import Store

log = logging.getLogger(__name__)


def _push_task(store: Store, _progress) -> hub_sync.HubStatus:
    hub_sync.push(store)
    return hub_sync.status(store)


def _pull_task(store: Store, _progress) -> tuple[hub_sync.PullResult, hub_sync.HubStatus]:
    result = hub_sync.pull(store)
    return result, hub_sync.status(store)


class HubStatus(QObject):
    """Owns the status-bar label, the Hub menu and the background worker of the hub."""

    synced = Signal()  # a push or pull finished well
    sync_failed = Signal(str)  # what went wrong, in words

    def __init__(self, context: AppContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.context = context
        self.label = QLabel()
        self.label.setObjectName("hub_status")
        self.label.setStyleSheet("padding:0 8px;")
        window.statusBar().addPermanentWidget(self.label)
        self.menu = QMenu(window)
        self.pull_action = self.menu.addAction("", self.pull_now)
        self.pull_action.setObjectName("hub_pull_now")
        self.push_action = self.menu.addAction("", self.push_now)
        bar = window.menuBar()
        last = bar.actions()[-1] if bar.actions() else None  # Help stays last
        bar.insertMenu(last, self.menu) if last else bar.addMenu(self.menu)
        # A worker of its own: a push waiting for the network never queues a PDF behind it.
        self.runner = TaskRunner(context.db_path, self)
        self._state = hub_sync.status(context.store)
        self._problem = ""
        self._detail = ""
        self._busy = False
        self._again = False
        self._pull_next = False
        self._pulling = False
        context.events.lineup_changed.connect(self._lineup_changed)
        window.installEventFilter(self)
        self.retranslate_ui()
        if self.connected and not context.read_only:
            self.push_now()

    @property
    def connected(self) -> bool:
        return self._state.connected

    # -- actions ----------------------------------------------------------------------------

    def _lineup_changed(self, _lineup_id: int) -> None:
        if not self._pulling:
            self.push_now()

    def push_now(self) -> None:
        if not self.connected or self.context.read_only or self._state.role != "site":
            return
        if self._busy:
            self._again = True
            return
        self._run(_push_task, self._pushed)

    def pull_now(self) -> None:
        if not self.connected or self.context.read_only:
            return
        if self._busy:
            self._pull_next = True
            return
        self._run(_pull_task, self._pulled)

    def _run(self, task: Callable[..., Any], on_done: Callable[[Any], None]) -> None:
        """One exchange with the hub at a time, on the hub's own worker."""
        self._busy = True
        self._show()
        self.runner.submit(task, on_done=on_done, on_error=self._failed)

    def _pushed(self, state: hub_sync.HubStatus) -> None:
        self._done(state)

    def _pulled(self, result: tuple[hub_sync.PullResult, hub_sync.HubStatus]) -> None:
        pulled, state = result
        self._pulling = True
        try:
            if pulled.roster_added or pulled.roster_updated:
                self.context.events.roster_changed.emit()
            if pulled.documents:
                self.context.events.lineup_changed.emit(0)
        finally:
            self._pulling = False
        self._done(state)

    def _done(self, state: hub_sync.HubStatus) -> None:
        self._state = state
        self._problem = self._detail = ""
        self._finish()
        self.synced.emit()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, hub_sync.HubUnavailableError):
            self._problem = self.tr("Hub not reachable: the records wait here and go later")
        elif isinstance(exc, UserError):
            self._problem = self.tr("Hub refused the records: see the details")
        else:
            self._problem = self.tr("Hub sync failed: see the log")
        self._detail = str(exc)
        self._state = hub_sync.status(self.context.store)
        self._finish()
        self.sync_failed.emit(self._problem)

    def _finish(self) -> None:
        self._busy = False
        if self._pull_next:
            self._pull_next = False
            self.pull_now()
        elif self._again:
            self._again = False
            self.push_now()
        self._show()

    # -- showing ----------------------------------------------------------------------------

    def _show(self) -> None:
        state = self._state
        self.label.setVisible(state.connected)
        is_site = state.role == "site"
        self.pull_action.setVisible(state.connected and not is_site)
        self.push_action.setVisible(state.connected and is_site)
        self.menu.menuAction().setVisible(state.connected)
        if not state.connected:
            return
        last = state.last_push if is_site else state.last_pull
        parts = [self.tr("Hub: connected")]
        parts.append(self.tr("last sync %1").replace("%1", last[5:16]) if last else "")
        if is_site:
            parts.append(self.tr("waiting: %1").replace("%1", str(state.waiting)))
        if self._busy:
            parts.append(self.tr("syncing…"))
        text = " · ".join(p for p in parts if p)
        if self._problem:
            text = self._problem
            self.label.setStyleSheet("padding:0 8px; color:#c62828;")
        else:
            self.label.setStyleSheet("padding:0 8px;")
        self.label.setText(text)
        where = state.url if not self._detail else f"{state.url}\n{self._detail}"
        self.label.setToolTip(where)

    def retranslate_ui(self) -> None:
        self.menu.setTitle(self.tr("H&ub"))  # Alt+H is Help
        self.pull_action.setText(self.tr("&Pull now"))
        self.push_action.setText(self.tr("P&ush now"))
        self._show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return False

    def wait(self, msecs: int = -1) -> bool:
        """Block until the hub worker is idle (for shutdown and tests)."""
        return self.runner.wait(msecs)
