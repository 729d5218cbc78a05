"""The re-check list (复查): the day's open faults at a site, each re-checked with one key.

Up/Down pick a fault, F records it fixed, N not fixed (a touch on the buttons does the same);
the checker is prefilled with the supervisor remembered for the site and is required; a note
is optional. It works while the line-up is still open (the re-check is part of its record)
and after it is finished (a sealed record of its own). Esc goes back.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.errors import UserError
from inspector.domain.follow_ups import Fault, RecheckOutcome
from inspector.gui.context import AppContext
from inspector.gui.errors import show_error, user_message
from inspector.gui.i18n import Retranslating
from inspector.gui.models.recheck_model import RecheckModel
from inspector.gui.widgets.build import form_rows, heading, line_edit, table_view, text_label
from inspector.gui.widgets.touch import STYLE, TOUCH_HEIGHT, action_button
from inspector.services import rechecks
from inspector.services.lineup_session import remembered_supervisor
from inspector.storage.errors import StorageError


class RecheckPage(Retranslating, QWidget):
    back_requested = Signal()
    recorded = Signal(int)  # the line-up whose fault was re-checked

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recheck_page")
        self.setStyleSheet(STYLE)
        self.context = context
        self.title = heading("recheck_title", grow=4)
        self.intro = text_label(wrap=True)

        self.day = QDateEdit()
        self.day.setObjectName("recheck_day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.day.dateChanged.connect(lambda _d: self.reload())
        self.site = QComboBox()
        self.site.setObjectName("recheck_site")
        self.site.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.site.currentIndexChanged.connect(lambda _n: self._site_changed())
        self.checker = line_edit("checker_edit", height=TOUCH_HEIGHT - 8)
        self.note = line_edit("recheck_note_edit", height=TOUCH_HEIGHT - 8)
        for field in (self.day, self.site):
            field.setMinimumHeight(TOUCH_HEIGHT - 8)
            field.setMaximumWidth(360)
        form = QFormLayout()
        self.day_label, self.site_label, self.checker_label, self.note_label = form_rows(
            form, (self.day, self.site, self.checker, self.note)
        )
        self.problem = text_label("recheck_problem", wrap=True)
        self.problem.setStyleSheet("color:#b71c1c; font-weight:bold;")
        self.problem.hide()

        self.model = RecheckModel(self)
        self.view = table_view(self.model, "recheck_view")
        # Fixed row heights and no measuring: 1,600 faults scroll as fast as 16.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(TOUCH_HEIGHT - 8)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(RecheckModel.REASON, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (RecheckModel.TIME, 70),
            (RecheckModel.SHIFT, 120),
            (RecheckModel.NUMBER, 100),
            (RecheckModel.NAME, 110),
            (RecheckModel.DEPARTMENT, 120),
            (RecheckModel.STATUS, 220),
        ):
            header.resizeSection(column, width)
        self.empty = text_label("recheck_empty", wrap=True)

        shortcut = Qt.ShortcutContext.WidgetWithChildrenShortcut

        def action(slot, key: QKeySequence | str) -> QAction:
            act = QAction(self)
            act.setShortcut(QKeySequence(key))
            act.setShortcutContext(shortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.fixed_action = action(lambda: self.record(RecheckOutcome.FIXED), "F")
        self.not_fixed_action = action(lambda: self.record(RecheckOutcome.NOT_FIXED), "N")
        self.back_action = action(self.back_requested, Qt.Key.Key_Escape)
        self.fixed_button = action_button(self.fixed_action, primary=True)
        self.fixed_button.setObjectName("recheck_fixed_button")
        self.not_fixed_button = action_button(self.not_fixed_action)
        self.not_fixed_button.setObjectName("recheck_not_fixed_button")
        self.back_button = action_button(self.back_action)
        buttons = QHBoxLayout()
        buttons.addWidget(self.fixed_button, 2)
        buttons.addWidget(self.not_fixed_button, 2)
        buttons.addWidget(self.back_button, 1)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.retranslate_ui()

    # -- what is shown -----------------------------------------------------------------------

    def show_for(self, day: date, site: str) -> None:
        """The open faults of ``day`` at ``site`` ("": every site), checker prefilled."""
        sites = self.context.store.sites()
        self.site.blockSignals(True)
        self.site.clear()
        self.site.addItem(self.tr("Every site"), "")
        for name in sites:
            self.site.addItem(name, name)
        found = self.site.findData(site)
        self.site.setCurrentIndex(found if found >= 0 else 0)
        self.site.blockSignals(False)
        self.day.blockSignals(True)
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.day.blockSignals(False)
        self.checker.setText(remembered_supervisor(self.context.store, self.current_site()))
        self.note.clear()
        self.reload()

    def current_site(self) -> str:
        return self.site.currentData() or ""

    def current_day(self) -> date:
        qdate = self.day.date()
        return date(qdate.year(), qdate.month(), qdate.day())

    def _site_changed(self) -> None:
        self.checker.setText(remembered_supervisor(self.context.store, self.current_site()))
        self.reload()

    def reload(self) -> None:
        faults = rechecks.open_faults(self.context.store, self.current_day(), self.current_site())
        self.model.set_rows(faults)
        self.problem.hide()
        if faults:
            self.view.setCurrentIndex(self.model.index(0, RecheckModel.NAME))
        self._update_title()
        self._update_actions()

    def current_fault(self) -> Fault | None:
        index = self.view.currentIndex()
        return self.model.row_object(index.row()) if index.isValid() else None

    def _update_title(self) -> None:
        open_now = sum(1 for f in self.model.rows() if f.status.open)
        place = self.current_site() or self.tr("every site")
        self.title.setText(
            self.tr("Re-checks · {day} · {site} · {n} open").format(
                day=self.current_day().isoformat(), site=place, n=open_now
            )
        )
        self.empty.setVisible(self.model.rowCount() == 0)

    def _update_actions(self) -> None:
        fault = self.current_fault()
        can = fault is not None and fault.status.open and not self.context.read_only
        self.fixed_action.setEnabled(can)
        self.not_fixed_action.setEnabled(can)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- recording ---------------------------------------------------------------------------

    def record(self, outcome: RecheckOutcome) -> None:
        """F / N: the highlighted fault re-checked, then on to the next open one."""
        fault = self.current_fault()
        if fault is None or not fault.status.open:
            return
        row = self.view.currentIndex().row()
        store = self.context.store
        try:
            rechecks.record_recheck(store, fault, outcome, self.checker.text(), self.note.text())
            updated = rechecks.refreshed(store, fault)
        except (StorageError, OSError) as exc:
            show_error(self, exc)
            return
        except UserError as problem:
            self.problem.setText(user_message(problem) or str(problem))
            self.problem.show()
            if isinstance(problem, rechecks.CheckerRequired):
                self.checker.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.problem.hide()
        self.note.clear()
        self.model.replace_row(row, updated)
        self.recorded.emit(fault.lineup_id)
        self._next_open(row)
        self._update_title()
        self._update_actions()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _next_open(self, after: int) -> None:
        rows = self.model.rows()
        for n in list(range(after + 1, len(rows))) + list(range(0, after + 1)):
            if rows[n].status.open:
                self.view.setCurrentIndex(self.model.index(n, RecheckModel.NAME))
                return

    # -- words -------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.intro.setText(
            self.tr(
                "Faults not fixed on the spot are re-checked the same day. Up/Down: a fault · "
                "F: fixed · N: not fixed · Esc: back. Who re-checked is kept with the record."
            )
        )
        self.day_label.setText(self.tr("Day:"))
        self.site_label.setText(self.tr("Site:"))
        self.checker_label.setText(self.tr("Re-checked by:"))
        self.note_label.setText(self.tr("Note:"))
        self.checker.setPlaceholderText(self.tr("Your name (required)"))
        self.note.setPlaceholderText(self.tr("Optional"))
        self.fixed_action.setText(self.tr("Fixed") + "  (F)")
        self.not_fixed_action.setText(self.tr("Not fixed") + "  (N)")
        self.back_action.setText(self.tr("Back") + "  (Esc)")
        self.empty.setText(self.tr("No open faults: everything was fixed or re-checked."))
        if self.site.count():
            self.site.setItemText(0, self.tr("Every site"))
        self.model.retranslate()
        self._update_title()
