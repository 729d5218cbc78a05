"""Floor observation (现场观察): find the employee, pick the situations, mark, save; again.

Keyboard first, three steps:
1. type a name, an employee number or pinyin initials (``zw`` finds 张伟); Up/Down choose,
   Enter picks (the observer's name, required, is remembered between observations);
2. keys 1 to 7 toggle the situations observed, Enter goes on, Esc back;
3. the line-up's marking widget (``PersonView``): X a fault, N a note, P a photo, Space saves
   (everything not marked was correct) and seals the observation; the next one starts at 1.

Every mark reaches the database at once. An observation left unsaved (the app was closed) is
shown again the next time the page opens.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.observations import SITUATIONS, situation_text
from inspector.domain.people import Employee
from inspector.gui.context import AppContext
from inspector.gui.controllers.observe_controller import ObserveController
from inspector.gui.dialogs.amend_dialog import AmendDialog, ask_amendment
from inspector.gui.errors import show_error, user_message
from inspector.gui.i18n import Retranslating, current_language
from inspector.gui.models.base import Column, RowsTableModel
from inspector.gui.pages.lineup_page import PersonView
from inspector.gui.widgets.build import heading, line_edit, table_view, text_label
from inspector.gui.widgets.touch import STYLE, TOUCH_HEIGHT, touch_button
from inspector.services.lineup_session import Change
from inspector.services.observation_session import (
    ObservationRecord,
    ObservationSession,
    list_observations,
    search_employees,
)
from inspector.services.report_jobs import (
    OBSERVATION_SHEET,
    NoObservations,
    ReportRequest,
    report_language,
)

log = logging.getLogger(__name__)

RESULTS_SHOWN = 12


def open_file(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def day_sheet_path(db_path: Path, day: date, lang: str) -> Path:
    """Where a day's observation sheet goes: beside the database, as the line-up sheets."""
    request = ReportRequest(lang=lang, start=day, end=day)
    return db_path.parent / f"{db_path.stem}-sheets" / OBSERVATION_SHEET.file_name(request)


class EmployeeResultsModel(RowsTableModel):
    """The employees a search found: number, name, department, job role."""

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def headers(self) -> Sequence[str]:
        return (self.tr("No."), self.tr("Name"), self.tr("Department"), self.tr("Job role"))

    def cell(self, row: Employee, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 3:
            found = self.context.catalogue.role(row.role)
            return found.name.get(current_language()) if found else row.role
        return (row.employee_no, row.name, row.department or "–")[column]


class TodayModel(RowsTableModel):
    """Today's observations, newest first: time, employee, situations, observer, faults."""

    def columns(self) -> Sequence[Column]:
        return (
            Column(self.tr("Time"), lambda row: f"{row.lineup.started_at:%H:%M}"),
            Column(
                self.tr("Employee"), lambda row: f"{row.employee.employee_no} {row.employee.name}"
            ),
            Column(self.tr("Situations"), self._situations),
            Column(self.tr("Observer"), lambda row: row.observer),
            Column(self.tr("Faults"), self._faults),
        )

    def cell(self, row: ObservationRecord, column: int, role: int) -> Any:
        return self.display(row, column) if role == Qt.ItemDataRole.DisplayRole else None

    def _situations(self, row: ObservationRecord) -> str:
        lang = current_language()
        return ("、" if lang == "zh" else ", ").join(t.get(lang) for t in row.situation_texts())

    def _faults(self, row: ObservationRecord) -> str:
        if not row.completed:
            return self.tr("not saved")
        if not row.faults:
            return self.tr("none")
        lang = current_language()
        return f"{len(row.faults)}: " + "; ".join(f.item.text.get(lang) for f in row.faults)


def _table(model: RowsTableModel, name: str) -> QTableView:
    view = table_view(model, name)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the search field
    view.verticalHeader().setDefaultSectionSize(TOUCH_HEIGHT - 8)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setMinimumSectionSize(110)
    view.setWordWrap(False)
    return view


class ObservePage(Retranslating, QWidget):
    saved = Signal(datetime)  # a mark reached the database
    save_failed = Signal(str)  # a write did not: what went wrong
    notice = Signal(str)  # a short message for the status bar
    observation_saved = Signal(int)  # an observation was saved and sealed

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("observe_page")
        self.setStyleSheet(STYLE)
        self.context = context
        observation = ObservationSession(
            context.store, context.catalogue, **context.session_options()
        )
        c = self.controller = ObserveController(observation, parent=self)
        self.employee: Employee | None = None
        self.chosen: list[str] = []

        # -- the header: title, observer, what is happening --------------------------------
        self.title = heading(grow=6, wrap=True)
        self.observer_label = QLabel()
        self.observer_edit = line_edit(
            "observer_edit", c.observation.observer(), height=TOUCH_HEIGHT - 8
        )
        self.observer_edit.setMaximumWidth(260)
        self.observer_edit.returnPressed.connect(self._observer_entered)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.observer_label)
        header.addWidget(self.observer_edit)
        self.message = text_label("observe_message", wrap=True)
        self.message.setStyleSheet("color:#1565c0; font-weight:bold;")

        # -- step 1: who ---------------------------------------------------------------------
        self.search_step = QWidget()
        self.search_edit = line_edit("employee_search", height=TOUCH_HEIGHT)
        font = self.search_edit.font()
        font.setPointSize(font.pointSize() + 4)
        self.search_edit.setFont(font)
        self.search_edit.textChanged.connect(self._search)
        self.search_edit.installEventFilter(self)
        self.search_hint = text_label(wrap=True)
        self.results_model = EmployeeResultsModel(context, self)
        self.results = _table(self.results_model, "employee_results")
        self.results.doubleClicked.connect(lambda index: self._pick(index.row()))
        self.today_label = heading(grow=2, wrap=True)
        self.sheet_button = touch_button(
            name="observation_sheet_button", clicked=self.print_day_sheet
        )
        self.open_file: Callable[[Path], None] = open_file
        today_row = QHBoxLayout()
        today_row.addWidget(self.today_label, 1)
        today_row.addWidget(self.sheet_button)
        self.today_model = TodayModel(self)
        self.today = _table(self.today_model, "today_observations")
        self.today.doubleClicked.connect(lambda index: self._open_today(index.row()))
        search_layout = QVBoxLayout(self.search_step)
        search_layout.setContentsMargins(0, 0, 0, 0)
        search_layout.addWidget(self.search_edit)
        search_layout.addWidget(self.search_hint)
        search_layout.addWidget(self.results, 3)
        search_layout.addLayout(today_row)
        search_layout.addWidget(self.today, 2)

        # -- step 2: what ----------------------------------------------------------------------
        self.situation_step = QWidget()
        self.situation_step.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.who = heading(grow=3, wrap=True)
        self.situation_hint = text_label(wrap=True)
        self.situation_buttons: list[QPushButton] = []
        situations = QFormLayout()
        for situation in SITUATIONS:
            button = touch_button()
            button.setObjectName(f"situation_{situation.id}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setStyleSheet(
                "QPushButton { text-align:left; padding-left:16px; }"
                "QPushButton:checked { background:#c8e6c9; border:2px solid #2e7d32;"
                " font-weight:bold; }"
            )
            button.toggled.connect(lambda on, sid=situation.id: self._toggled(sid, on))
            self.situation_buttons.append(button)
            situations.addRow(button)
        self.back_button = touch_button(clicked=self.back_to_search)
        self.go_button = touch_button(primary=True, name="situations_go", clicked=self.begin)
        step_buttons = QHBoxLayout()
        step_buttons.addWidget(self.back_button)
        step_buttons.addStretch(1)
        step_buttons.addWidget(self.go_button)
        situation_layout = QVBoxLayout(self.situation_step)
        situation_layout.setContentsMargins(0, 0, 0, 0)
        situation_layout.addWidget(self.who)
        situation_layout.addWidget(self.situation_hint)
        situation_layout.addLayout(situations)
        situation_layout.addStretch(1)
        situation_layout.addLayout(step_buttons)

        def key_action(owner: QWidget, slot, *keys) -> QAction:
            act = QAction(owner)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            owner.addAction(act)
            return act

        for n in range(1, len(SITUATIONS) + 1):
            key_action(self.situation_step, lambda _=False, n=n: self.toggle_situation(n), str(n))
        key_action(self.situation_step, self.begin, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        key_action(self.situation_step, self.back_to_search, Qt.Key.Key_Escape)

        # -- step 3: marking (the line-up's widget) ----------------------------------------
        self.mark_step = QWidget()
        self.marking = heading(grow=2, wrap=True)
        self.marking.setObjectName("observation_heading")
        self.mark_hint = text_label(wrap=True)
        self.person_view = PersonView(c)
        self.person_view.hide_lineup_only_buttons()
        self.person_view.notice.connect(self._notice)
        mark_layout = QVBoxLayout(self.mark_step)
        mark_layout.setContentsMargins(0, 0, 0, 0)
        mark_layout.addWidget(self.marking)
        mark_layout.addWidget(self.mark_hint)
        mark_layout.addWidget(self.person_view, 1)
        key_action(self.mark_step, self.leave_marking, Qt.Key.Key_Escape)

        self.stack = QStackedWidget()
        for step in (self.search_step, self.situation_step, self.mark_step):
            self.stack.addWidget(step)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addLayout(header)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)

        c.saved.connect(self.saved)
        c.notice.connect(self._notice)
        c.failed.connect(self._failed)
        c.observation_saved.connect(self._observation_saved)
        c.amendment_needed.connect(self._amend)
        c.amended.connect(lambda _id: self._notice(self.tr("The change is in the change log.")))
        self.amend_dialog: AmendDialog | None = None
        self.retranslate_ui()
        self._refresh_today()

    # -- steps -------------------------------------------------------------------------------

    @property
    def step(self) -> str:
        """ "search", "situations" or "marking": the step on screen."""
        return {self.search_step: "search", self.situation_step: "situations"}.get(
            self.stack.currentWidget(), "marking"
        )

    def showEvent(self, event) -> None:
        super().showEvent(event)
        unsaved = self.controller.unsaved() if self.controller.session.lineup is None else None
        if unsaved is not None:
            self.controller.resume(unsaved)
            self._show_marking()
            self._notice(self.tr("This observation was not saved yet: mark on, Space saves it."))
        elif self.step == "search":
            self.back_to_search(clear=False)

    def back_to_search(self, *, clear: bool = True) -> None:
        if clear:
            self.search_edit.clear()
        self.stack.setCurrentWidget(self.search_step)
        self._refresh_today()
        self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._move_result(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._pick(self._current_result())
                return True
        return super().eventFilter(watched, event)

    # -- step 1 ------------------------------------------------------------------------------

    def _search(self, text: str) -> None:
        found = search_employees(self.context.store, text, limit=RESULTS_SHOWN)
        self.results_model.set_rows(found)
        if found:
            self.results.selectRow(0)
        elif text.strip():
            self._notice(self.tr("Nobody found for “{text}”.").format(text=text.strip()))

    def _current_result(self) -> int:
        index = self.results.currentIndex()
        return index.row() if index.isValid() else (0 if self.results_model.rowCount() else -1)

    def _move_result(self, step: int) -> None:
        count = self.results_model.rowCount()
        if count:
            self.results.selectRow(min(max(self._current_result() + step, 0), count - 1))

    def _observer_entered(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _pick(self, row: int) -> None:
        if not 0 <= row < self.results_model.rowCount():
            return
        if not self.observer_edit.text().strip():
            self._notice(
                self.tr("Enter the observer's name: every observation keeps who observed.")
            )
            self.observer_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.employee = self.results_model.row_object(row)
        self.chosen = []
        for button in self.situation_buttons:
            button.setChecked(False)
        self._describe_who()
        self.message.clear()
        self.stack.setCurrentWidget(self.situation_step)
        self.situation_step.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_today(self, row: int) -> None:
        """Look at (and amend, with a reason) one of today's observations."""
        record: ObservationRecord = self.today_model.row_object(row)
        if record.completed:
            self.controller.observation.open(record.id)
            self.controller.open(record.id)
        else:
            self.controller.resume(record.id)
        self.employee = record.employee
        self.chosen = list(record.situations)
        self._show_marking()

    # -- step 2 ------------------------------------------------------------------------------

    def toggle_situation(self, n: int) -> None:
        if 1 <= n <= len(self.situation_buttons):
            button = self.situation_buttons[n - 1]
            button.setChecked(not button.isChecked())

    def _toggled(self, situation_id: str, on: bool) -> None:
        if on and situation_id not in self.chosen:
            self.chosen.append(situation_id)
        elif not on and situation_id in self.chosen:
            self.chosen.remove(situation_id)

    def begin(self) -> None:
        if self.employee is None:
            return
        if self.controller.begin(self.employee, self.chosen, self.observer_edit.text()):
            self._show_marking()

    # -- step 3 ------------------------------------------------------------------------------

    def _show_marking(self) -> None:
        self._describe_marking()
        self.message.clear()
        self.stack.setCurrentWidget(self.mark_step)
        self.person_view.show_person(self.controller.current_row)
        self.person_view.take_keyboard()

    def leave_marking(self) -> None:
        """Esc: back to the situations (nothing marked: the observation is dropped) or, on a
        saved observation, back to the search."""
        if self.controller.session.closed:
            self.back_to_search()
        elif self.controller.cancel():
            self.stack.setCurrentWidget(self.situation_step)
            self.situation_step.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._notice(self.tr("The marks are kept: press Space to save the observation."))

    def _observation_saved(self, record: ObservationRecord) -> None:
        self.observation_saved.emit(record.id)
        self.context.events.lineup_changed.emit(record.id)
        name = f"{record.employee.employee_no} {record.employee.name}"
        if record.faults:
            text = self.tr("Saved: {name}, {n} fault(s). Next: type a name.").format(
                name=name, n=len(record.faults)
            )
        else:
            text = self.tr("Saved: {name}, no fault. Next: type a name.").format(name=name)
        self.back_to_search()
        self._notice(text)

    def _amend(self, change: Change) -> None:
        ask_amendment(self, self.controller, change, finished=self.person_view.take_keyboard)

    # -- words -------------------------------------------------------------------------------

    def _notice(self, text: str) -> None:
        self.message.setText(text)
        self.notice.emit(text)

    def _failed(self, exc: Exception) -> None:
        text = user_message(exc) or str(exc)
        log.warning("not saved: %s", text)
        self.save_failed.emit(text)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not saved"), text, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def print_day_sheet(self) -> None:
        """Today's saved observations on one sheet (PDF, built in the background)."""
        day = date.today()
        lang = report_language(current_language())
        request = ReportRequest(lang=lang, start=day, end=day)
        out_path = day_sheet_path(self.context.db_path, day, lang)

        def build(store, _progress) -> Path:  # runs on the worker thread
            return OBSERVATION_SHEET.build(store, request, out_path, create_folder=True)

        self.sheet_button.setEnabled(False)
        self.context.runner.submit(build, on_done=self._sheet_built, on_error=self._sheet_failed)

    def _sheet_built(self, path: Path) -> None:
        self.sheet_button.setEnabled(True)
        self._notice(self.tr("Observation sheet saved: {path}").format(path=path))
        self.open_file(path)

    def _sheet_failed(self, exc: Exception) -> None:
        self.sheet_button.setEnabled(True)
        if isinstance(exc, NoObservations):
            self._notice(self.tr("No observation was saved today: there is no sheet to print."))
            return
        show_error(self, exc)

    def _refresh_today(self) -> None:
        today = date.today()
        self.today_model.set_rows(list_observations(self.context.store, start=today, end=today))
        self._word_today()

    def _word_today(self) -> None:
        self.today_label.setText(
            self.tr("Today's observations: {n}").format(n=self.today_model.rowCount())
        )

    def _describe_who(self) -> None:
        e = self.employee
        if e is None:
            return
        self.who.setText(
            self.tr("{number} {name} · {department}: which situations are you observing?").format(
                number=e.employee_no, name=e.name, department=e.department or "–"
            )
        )

    def _describe_marking(self) -> None:
        e = self.employee
        lang = current_language()
        situations = ("、" if lang == "zh" else ", ").join(
            situation_text(s).get(lang) for s in self.chosen
        )
        who = f"{e.employee_no} {e.name}" if e else ""
        observer = (
            self.controller.session.lineup.supervisor if self.controller.session.lineup else ""
        )
        if self.controller.session.closed:
            self.marking.setText(
                self.tr("{who} · {situations} · observed by {observer} (saved)").format(
                    who=who, situations=situations, observer=observer
                )
            )
        else:
            self.marking.setText(
                self.tr("{who} · {situations} · observed by {observer}").format(
                    who=who, situations=situations, observer=observer
                )
            )

    def retranslate_ui(self) -> None:
        lang = current_language()
        self.title.setText(self.tr("Floor observation"))
        self.observer_label.setText(self.tr("Observer:"))
        self.observer_edit.setPlaceholderText(self.tr("your name (required)"))
        self.search_edit.setPlaceholderText(
            self.tr("Employee: name, number or pinyin initials (zw → 张伟)")
        )
        self.search_hint.setText(
            self.tr(
                "Up/Down choose, Enter picks. Double-click one of today's observations to look at it."
            )
        )
        self.situation_hint.setText(
            self.tr(
                "Keys 1 to 7 choose the situations (several at once), Enter starts marking, "
                "Esc goes back."
            )
        )
        for n, (button, situation) in enumerate(
            zip(self.situation_buttons, SITUATIONS, strict=True), start=1
        ):
            button.setText(f"{n}   {situation.text.get(lang)}")
        self.back_button.setText(self.tr("Back  (Esc)"))
        self.sheet_button.setText(self.tr("Print today's sheet"))
        self.go_button.setText(self.tr("Start marking  (Enter)"))
        self.mark_hint.setText(
            self.tr(
                "Space: every behaviour not marked was correct, and the observation is saved. "
                "X: a fault, N: a note, P: a photo of a fault. Esc: back."
            )
        )
        self.results_model.retranslate()
        self.today_model.retranslate()
        self._word_today()  # no database read: this runs on every language switch
        self._describe_who()
        if self.step == "marking":
            self._describe_marking()
